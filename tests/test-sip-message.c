/* test-sip-message.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "phoneset-error.h"
#include "phoneset-sip-message.h"

/* The SUBSCRIBE of the PLANET VIP-2140PT manual (seed 003, §2.2.1). */
static const char planet_subscribe[] =
  "SUBSCRIBE sip:MAC=00304fa99948@224.0.1.75 SIP/2.0\r\n"
  "Via: SIP/2.0/UDP 192.168.1.45:5060;branch=z9hG4bK3102710241234624733\r\n"
  "From: <sip:MAC=00304fa99948@224.0.1.75>\r\n"
  "To: <sip:MAC=00304fa99948@224.0.1.75>\r\n"
  "Call-ID: 322432620212850-163241588724467@192.168.1.45\r\n"
  "CSeq: 1 SUBSCRIBE\r\n"
  "Contact: <sip:192.168.1.45:5060>\r\n"
  "Max-Forwards: 70\r\n"
  "User-Agent: PLANET VIP-2140PT\r\n"
  "Expires: 0\r\n"
  "Event:ua-profile;profile-type=\"device\";vendor=\"PLANET\";model=\"VIP-2140PT\";version=\"2.0.3."
  "2991\"\r\n"
  "Accept: application/url\r\n"
  "Content-Length: 0\r\n"
  "\r\n";

/* snom's style (SNOM-PNP): MAC%3a in the URI, spaces in the Event header,
 * compact header forms. */
static const char snom_subscribe[] =
  "SUBSCRIBE sip:MAC%3a00135E874B49@example.com SIP/2.0\r\n"
  "v: SIP/2.0/UDP 192.0.2.77:5060;branch=z9hG4bK-abc;rport\r\n"
  "f: <sip:MAC%3a00135E874B49@example.com>;tag=aa1\r\n"
  "t: <sip:MAC%3a00135E874B49@example.com>\r\n"
  "i: 3c26700c9ac5-1@192.0.2.77\r\n"
  "CSeq: 1 SUBSCRIBE\r\n"
  "m: <sip:192.0.2.77:5060>\r\n"
  "o: ua-profile; profile-type = \"device\"; vendor = \"snom\"; model = \"snomD785\";\r\n"
  " version = \"10.1.33.33\"\r\n"
  "l: 0\r\n"
  "\r\n";

static const char options_reply[] =
  "SIP/2.0 200 OK\r\n"
  "Via: SIP/2.0/UDP 192.0.2.1:40000;branch=z9hG4bKabc;rport=40000;received=192.0.2.1\r\n"
  "From: \"Phone;set\" <sip:phoneset@192.0.2.1:40000>;tag=1234\r\n"
  "To: <sip:192.0.2.10:5060>;tag=phone-tag\r\n"
  "Call-ID: deadbeef@phoneset\r\n"
  "CSeq: 1 OPTIONS\r\n"
  "User-Agent: Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37\r\n"
  "Allow: INVITE, ACK, OPTIONS\r\n"
  "Content-Length: 4\r\n"
  "\r\n"
  "v=0\r\n";

static void
test_sip_reply (void)
{
  g_autoptr(PhonesetSipMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *rport = NULL;
  g_autofree char *uri = NULL;
  gsize            length;

  message = phoneset_sip_message_parse (options_reply, strlen (options_reply), &error);
  g_assert_no_error (error);
  g_assert_false (phoneset_sip_message_is_request (message));
  g_assert_cmpuint (phoneset_sip_message_get_status (message), ==, 200);
  g_assert_cmpstr (phoneset_sip_message_get_reason (message), ==, "OK");
  g_assert_cmpstr (phoneset_sip_message_get_header (message, "User-Agent"), ==,
                   "Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37");
  g_assert_cmpstr (phoneset_sip_message_get_header (message, "call-id"), ==, "deadbeef@phoneset");
  g_assert_null (phoneset_sip_message_get_header (message, "Server"));
  g_assert_cmpstr (phoneset_sip_message_get_body (message, &length), ==, "v=0\r");
  g_assert_cmpuint (length, ==, 4);

  tag = phoneset_sip_header_get_param (phoneset_sip_message_get_header (message, "from"), "tag");
  g_assert_cmpstr (tag, ==, "1234");
  branch =
    phoneset_sip_header_get_param (phoneset_sip_message_get_header (message, "via"), "branch");
  g_assert_cmpstr (branch, ==, "z9hG4bKabc");
  rport = phoneset_sip_header_get_param (phoneset_sip_message_get_header (message, "via"), "RPORT");
  g_assert_cmpstr (rport, ==, "40000");
  uri = phoneset_sip_header_get_uri (phoneset_sip_message_get_header (message, "from"));
  g_assert_cmpstr (uri, ==, "sip:phoneset@192.0.2.1:40000");
}

static void
test_sip_pnp_planet (void)
{
  g_autoptr(PhonesetSipMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PhonesetSipPnp) pnp = { 0 };

  message = phoneset_sip_message_parse (planet_subscribe, strlen (planet_subscribe), &error);
  g_assert_no_error (error);
  g_assert_true (phoneset_sip_message_is_request (message));
  g_assert_cmpstr (phoneset_sip_message_get_method (message), ==, "SUBSCRIBE");
  g_assert_true (phoneset_sip_pnp_parse (message, &pnp, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pnp.vendor, ==, "PLANET");
  g_assert_cmpstr (pnp.model, ==, "VIP-2140PT");
  g_assert_cmpstr (pnp.firmware, ==, "2.0.3.2991");
  g_assert_cmpstr (pnp.mac, ==, "00:30:4f:a9:99:48");
  g_assert_cmpstr (pnp.contact_host, ==, "192.168.1.45");
  g_assert_cmpstr (pnp.user_agent, ==, "PLANET VIP-2140PT");
}

static void
test_sip_pnp_snom (void)
{
  g_autoptr(PhonesetSipMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PhonesetSipPnp) pnp = { 0 };

  message = phoneset_sip_message_parse (snom_subscribe, strlen (snom_subscribe), &error);
  g_assert_no_error (error);
  g_assert_true (phoneset_sip_pnp_parse (message, &pnp, &error));
  g_assert_cmpstr (pnp.vendor, ==, "snom");
  g_assert_cmpstr (pnp.model, ==, "snomD785");
  g_assert_cmpstr (pnp.firmware, ==, "10.1.33.33");
  g_assert_cmpstr (pnp.mac, ==, "00:13:5e:87:4b:49");
  g_assert_cmpstr (pnp.contact_host, ==, "192.0.2.77");
  g_assert_null (pnp.user_agent);
}

static void
test_sip_pnp_not (void)
{
  g_autoptr(PhonesetSipMessage) reply = NULL;
  g_autoptr(PhonesetSipMessage) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(PhonesetSipPnp) pnp = { 0 };

  reply = phoneset_sip_message_parse (options_reply, strlen (options_reply), NULL);
  g_assert_false (phoneset_sip_pnp_parse (reply, &pnp, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_clear_error (&error);

  text = g_strdup (planet_subscribe);
  memcpy (strstr (text, "ua-profile"), "presence  ", 10);
  other = phoneset_sip_message_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_false (phoneset_sip_pnp_parse (other, &pnp, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "presence"));
}

static void
test_sip_bad (void)
{
  static const char *const bad[] = {
    "",
    "garbage",
    "\r\n\r\na=",
    "\n\nSIP/2.0 200 OK\r\n\r\n",
    "\x01\x02\x03\r\n\r\n",
    "SIP/2.0 20 OK\r\nVia: a\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 OPTIONS\r\n\r\n",
    "SIP/2.0 999 Nope\r\nVia: a\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 OPTIONS\r\n\r\n",
    "SIP/2.0 200 OK\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 OPTIONS\r\n\r\n",
    "SIP/2.0 200 OK\r\nVia: a\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: one OPTIONS\r\n\r\n",
    "SIP/2.0 200 OK\r\nVia: a\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 "
    "OPTIONS\r\nContent-Length: 10\r\n\r\nshort",
    "SIP/2.0 200 OK\r\nVia: a\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 OPTIONS\r\nno colon "
    "here\r\n\r\n",
    "SIP/2.0 200 OK\r\nVia: a\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 OPTIONS\r\n",
    "OPTIONS sip:a SIP/3.0\r\nVia: a\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 OPTIONS\r\n\r\n",
    "OPTIONS sip:a SIP/2.0\r\nVia: a\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 INVITE\r\n\r\n",
    "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n",
    " SIP/2.0 200 OK\r\n\r\n",
    "SIP/2.0 200 OK\r\n Via: folded first\r\n\r\n",
    "SIP/2.0 200 OK\r\nVia: a\rFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 OPTIONS\r\n\r\n",
    "SIP/2.0 200 OK\r\nVia: \xff\xfe\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 OPTIONS\r\n\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetSipMessage) message =
                   phoneset_sip_message_parse (bad[i], strlen (bad[i]), &error);

      g_test_message ("bad[%u]", i);
      g_assert_null (message);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, "This is not a valid SIP message"));
    }

  /* A NUL byte inside the header. */
  {
    static const char with_nul[] =
      "SIP/2.0 200 OK\r\nVia: a\0b\r\nFrom: a\r\nTo: a\r\nCall-ID: a\r\nCSeq: 1 OPTIONS\r\n\r\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(PhonesetSipMessage) message =
                 phoneset_sip_message_parse (with_nul, sizeof with_nul - 1, &error);

    g_assert_null (message);
    g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  }
}

static void
test_sip_uri_mac (void)
{
  static const struct
  {
    const char *uri;
    const char *mac;
  } cases[] = {
    { "sip:MAC=00304fa99948@224.0.1.75", "00:30:4f:a9:99:48" },
    { "sip:MAC%3a00135E874B49@example.com", "00:13:5e:87:4b:49" },
    { "sip:mac:00-04-13-aa-bb-cc@x", "00:04:13:aa:bb:cc" },
    { "sip:00000001@192.0.2.9", NULL },
    { "sip:MAC=zz@x", NULL },
    { "sip:MAC=00304fa99948", NULL },
    { "http://MAC=00304fa99948@x", NULL },
    { "sip:MAC%zz@x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *mac = phoneset_sip_uri_dup_mac (cases[i].uri);

      g_assert_cmpstr (mac, ==, cases[i].mac);
    }
}

static void
test_sip_build_options (void)
{
  g_autofree char *request = phoneset_sip_build_options (
    "UDP", "192.0.2.10", 5060, "192.0.2.1", 40000, "z9hG4bKfeed", "7a7a", "c1@phoneset");
  g_autoptr(PhonesetSipMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tag = NULL;

  message = phoneset_sip_message_parse (request, strlen (request), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_sip_message_get_method (message), ==, "OPTIONS");
  g_assert_cmpstr (phoneset_sip_message_get_uri (message), ==, "sip:192.0.2.10:5060");
  g_assert_cmpstr (phoneset_sip_message_get_header (message, "call-id"), ==, "c1@phoneset");
  tag = phoneset_sip_header_get_param (phoneset_sip_message_get_header (message, "from"), "tag");
  g_assert_cmpstr (tag, ==, "7a7a");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sip/reply", test_sip_reply);
  g_test_add_func ("/sip/pnp/planet", test_sip_pnp_planet);
  g_test_add_func ("/sip/pnp/snom", test_sip_pnp_snom);
  g_test_add_func ("/sip/pnp/not-pnp", test_sip_pnp_not);
  g_test_add_func ("/sip/bad", test_sip_bad);
  g_test_add_func ("/sip/uri-mac", test_sip_uri_mac);
  g_test_add_func ("/sip/build-options", test_sip_build_options);

  return g_test_run ();
}
