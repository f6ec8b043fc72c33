/* test-phone-sim.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulated phone itself: its SIP and web identity per vendor, so the
 * tests built on it (and discovery's lab) stand on something checked.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "phoneset-test-sim.h"

static SoupMessage *
http_get (PhonesetTestSim  *sim,
          const char       *path,
          char            **body)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5, NULL);
  g_autofree char *url = g_strdup_printf ("http://%s:%u%s", sim->address, sim->http_port, path);
  SoupMessage     *msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read (session, msg, NULL, &error);

  g_assert_no_error (error);
  *body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return msg;
}

typedef struct
{
  const char *vendor;
  const char *address;
  const char *sip_user_agent;
  const char *server;
  const char *title;
  const char *path;
  const char *realm;
} Identity;

static const Identity identities[] = {
  { "yealink", "127.0.0.21", "Yealink SIP-T46G 28.72.0.1", "yealink embed httpd",
    "<title>Yealink SIP-T46G Phone</title>", "/servlet?key=OK",
    "Basic realm=\"Yealink SIP-T46G\"" },
  { "planet", "127.0.0.22", "PLANET VIP-2140PT 2.0.3.2991", "mini_httpd/1.19 19dec2003",
    "<title>PLANET VIP-2140PT</title>", "/cgi-bin/ConfigManApp.com?key=OK",
    "Basic realm=\"PLANET VIP-2140PT\"" },
  { "fanvil", "127.0.0.23", "Fanvil X4 2.10.2.6887", "mini_httpd/1.19 19dec2003",
    "<title>Fanvil X4</title>", "/cgi-bin/ConfigManApp.com?key=OK", "Basic realm=\"Fanvil X4\"" },
  { "snom", "127.0.0.24", "snomD785/10.1.33.33", "snom embedded", NULL, "/command.htm?key=ENTER",
    "Basic realm=\"snom D785\"" },
};

static void
test_identity (gconstpointer data)
{
  const Identity *id = data;
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start (id->vendor, id->address, NULL);
  g_autofree char *answer = phoneset_test_sim_sip_options (sim);
  g_autofree char *ua = g_strdup_printf ("\r\nUser-Agent: %s\r\n", id->sip_user_agent);
  g_autofree char *body = NULL;
  g_autofree char *body2 = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(SoupMessage) msg2 = NULL;

  g_assert_true (g_str_has_prefix (answer, "SIP/2.0 200 OK\r\n"));
  g_assert_nonnull (strstr (answer, ua));
  g_assert_nonnull (strstr (answer, "Call-ID: test-options@127.0.0.1\r\n"));
  g_assert_nonnull (strstr (answer, ";rport="));
  g_assert_nonnull (strstr (answer, ";received=127.0.0.1\r\n"));

  msg = http_get (sim, "/", &body);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Server"),
                   ==, id->server);
  if (id->title != NULL)
    {
      g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
      g_assert_nonnull (strstr (body, id->title));
    }
  else
    g_assert_cmpuint (soup_message_get_status (msg), ==, 401);

  msg2 = http_get (sim, id->path, &body2);
  g_assert_cmpuint (soup_message_get_status (msg2), ==, 401);
  g_assert_cmpstr (
    soup_message_headers_get_one (soup_message_get_response_headers (msg2), "WWW-Authenticate"), ==,
    id->realm);
}

static void
test_garbage (void)
{
  const char *args[] = { "--garbage", NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start ("yealink", "127.0.0.25", args);
  g_autofree char *answer = phoneset_test_sim_sip_options (sim);

  g_assert_false (g_str_has_prefix (answer, "SIP/2.0 200"));
}

static void
test_http_only (void)
{
  const char *args[] = { "--http-only", NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start ("snom", "127.0.0.26", args);
  g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);

  g_assert_cmpuint (sim->sip_port, ==, 0);
  g_assert_cmpint (json_object_get_int_member (state, "sip_port"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (state, "mac"), ==, "00:04:13:2b:3c:4d");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (identities); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phone-sim/identity/%s", identities[i].vendor);

      g_test_add_data_func (path, &identities[i], test_identity);
    }
  g_test_add_func ("/phone-sim/garbage", test_garbage);
  g_test_add_func ("/phone-sim/http-only", test_http_only);

  return g_test_run ();
}
