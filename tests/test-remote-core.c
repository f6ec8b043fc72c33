/* test-remote-core.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The remote part's parsers and stores, without a network: Active URI
 * descriptions and requests, the key vocabulary, Action URL events and
 * config entries, SIP messages and PnP MACs, certificate pins, the
 * in-memory secret store.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-action-url.h"
#include "phoneset-active-uri.h"
#include "phoneset-cert-pins.h"
#include "phoneset-error.h"
#include "phoneset-pnp-responder.h"
#include "phoneset-secret-store-memory.h"
#include "phoneset-sip-message.h"
#include "phoneset-test-active-uri.h"
#include "phoneset-test-catalog.h"

static PhonesetActiveUri *
load_vendor (const char *vendor)
{
  g_autofree char *file = g_strdup_printf ("%s.json", vendor);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "active-uri", file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  PhonesetActiveUri *active_uri;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  active_uri = phoneset_active_uri_new_from_json (
    json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);
  return active_uri;
}

static void
test_active_uri_requests (void)
{
  g_autoptr(PhonesetActiveUri) yealink = load_vendor ("yealink");
  g_autoptr(PhonesetActiveUri) fanvil = load_vendor ("fanvil");
  g_autoptr(PhonesetActiveUri) snom = load_vendor ("snom");
  g_autoptr(GError) error = NULL;
  g_autofree char *a = phoneset_test_active_uri_requests (yealink, "SPEAKER 8 3 1 1 # ENTER", NULL);
  g_autofree char *b = phoneset_test_active_uri_requests (fanvil, "F_TRANSFER 2 0 0 OK", NULL);
  g_autofree char *c = phoneset_test_active_uri_requests (snom, "ok 1 POUND * d3 reboot F1", NULL);
  g_autofree char *d = phoneset_test_active_uri_requests (snom, "MUTE", &error);

  g_assert_cmpstr (a, ==, "/servlet?key=SPEAKER;8;3;1;1;POUND;ENTER");
  g_assert_cmpstr (b, ==, "/cgi-bin/ConfigManApp.com?key=F_TRANSFER;2;0;0;OK");
  g_assert_cmpstr (c, ==,
                   "/command.htm?key=ENTER;1;%23;%2A;P3 | /advanced_update.htm?reboot=Reboot | "
                   "/command.htm?key=F1");
  g_assert_null (d);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
  g_assert_true (phoneset_active_uri_has_prompt (yealink));
  g_assert_false (phoneset_active_uri_has_prompt (snom));
  g_assert_true (phoneset_active_uri_is_unconfirmed (snom, "D3"));
  g_assert_false (phoneset_active_uri_is_unconfirmed (yealink, "OK"));
  g_assert_cmpstr (phoneset_active_uri_get_legacy_paths (yealink)[0], ==,
                   "/cgi-bin/ConfigManApp.com");
  g_assert_cmpstr (phoneset_active_uri_get_allowed_ip_setting (yealink), ==,
                   "features.action_uri_limit_ip");
  g_assert_cmpstr (phoneset_active_uri_get_status_query (yealink), ==, "phonecfg=get");
}

static void
test_active_uri_bad (void)
{
  const char *bad[] = {
    "{}",
    "{\"path\":\"servlet\",\"param\":\"key\",\"keys\":{\"OK\":\"OK\"}}",
    "{\"path\":\"/s\",\"param\":\"key\",\"keys\":{}}",
    "{\"path\":\"/s\",\"param\":\"key\",\"keys\":{\"OK\":\"O&K\"}}",
    /* A '#' in the parameter name would end the query there. */
    "{\"path\":\"/s\",\"param\":\"#key\",\"keys\":{\"OK\":\"OK\"}}",
    "{\"path\":\"/s\",\"param\":\"key\",\"keys\":{\"NOPE\":\"OK\"}}",
    "{\"path\":\"/s\",\"param\":\"key\",\"separator\":\"|\",\"keys\":{\"OK\":\"OK\"}}",
    "{\"path\":\"/s\",\"param\":\"key\",\"auth\":[\"ntlm\"],\"keys\":{\"OK\":\"OK\"}}",
    "{\"path\":\"/s\",\"param\":\"key\",\"keys\":{\"OK\":7}}",
    "{\"path\":\"/s\",\"param\":\"key\",\"keys\":{\"OK\":\"OK\"},\"commands\":{\"Reboot\":\"/x\"}}",
    /* no_chaining needs models and the source that says so. */
    "{\"path\":\"/"
    "s\",\"param\":\"key\",\"keys\":{\"OK\":\"OK\"},\"no_chaining\":{\"models\":[\"T48S\"]}}",
    "{\"path\":\"/"
    "s\",\"param\":\"key\",\"keys\":{\"OK\":\"OK\"},\"no_chaining\":{\"models\":[],\"source\":"
    "\"x\"}}",
    "{\"path\":\"/s\",\"param\":\"key\",\"keys\":{\"OK\":\"OK\"},\"no_chaining\":[\"T48S\"]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetActiveUri) active_uri = NULL;

      g_assert_true (json_parser_load_from_data (parser, bad[i], -1, NULL));
      active_uri = phoneset_active_uri_new_from_json (
        json_node_get_object (json_parser_get_root (parser)), &error);
      g_assert_null (active_uri);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
    }
}

static void
test_active_uri_no_chain (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PhonesetActiveUri) active_uri = NULL;
  g_autofree char *r = NULL;

  json_parser_load_from_data (
    parser,
    "{\"path\":\"/s\",\"param\":\"k\",\"separator\":\"\",\"keys\":{\"OK\":\"OK\",\"1\":\"1\"}}", -1,
    NULL);
  active_uri =
    phoneset_active_uri_new_from_json (json_node_get_object (json_parser_get_root (parser)), NULL);
  r = phoneset_test_active_uri_requests (active_uri, "1 OK", NULL);
  g_assert_cmpstr (r, ==, "/s?k=1 | /s?k=OK");
}

static GPtrArray *
load_profiles (void)
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(GPtrArray) errors = NULL;
  GPtrArray *profiles;

  g_assert_nonnull (dirs[0]);
  profiles = phoneset_test_load_profiles (dirs, &errors);
  g_assert_cmpuint (errors->len, ==, 0);
  return profiles;
}

static PhonesetActiveUri *
for_profile (GPtrArray  *profiles,
             const char *id,
             const char *model)
{
  g_autoptr(GError) error = NULL;
  PhonesetProfile   *profile = phoneset_profiles_find (profiles, id);
  PhonesetActiveUri *active_uri;

  g_assert_nonnull (profile);
  active_uri = phoneset_active_uri_new_for_profile (profile, model, &error);
  g_assert_no_error (error);
  return active_uri;
}

/* Every profile's own Active URI block loads, and the key a push sets is
 * the profile's own provisioning URL key: legacy Yealink firmware reads
 * auto_provision.server.url, V8x static.auto_provision.server.url. */
static void
test_active_uri_profiles (void)
{
  g_autoptr(GPtrArray) profiles = load_profiles ();
  guint with_set = 0;

  for (guint i = 0; i < profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetActiveUri) active_uri =
                   phoneset_active_uri_new_for_profile (profile, NULL, &error);
      PhonesetSetting  *url = phoneset_profile_lookup_setting (profile, "provisioning.server.url");
      PhonesetCfgFormat format;
      PhonesetCfgKey    key;

      if (phoneset_profile_get_active_uri (profile) == NULL)
        {
          g_assert_null (active_uri);
          g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (phoneset_active_uri_get_profile_id (active_uri), ==,
                       phoneset_profile_get_id (profile));
      if (phoneset_active_uri_get_set_query (active_uri) == NULL)
        continue;
      with_set++;
      g_assert_nonnull (url);
      g_assert_true (phoneset_profile_get_file_format (profile, &format));
      g_assert_true (phoneset_setting_get_cfg_key (url, format, 0, &key));
      g_test_message ("%s: %s", phoneset_profile_get_id (profile), key.key);
      g_assert_cmpstr (phoneset_active_uri_get_provisioning_url_setting (active_uri), ==, key.key);
    }
  g_assert_cmpuint (with_set, >=, 2);
  {
    g_autoptr(PhonesetActiveUri) legacy = for_profile (profiles, "yealink-legacy", NULL);

    g_assert_cmpstr (phoneset_active_uri_get_provisioning_url_setting (legacy), ==,
                     "auto_provision.server.url");
  }
}

/* The vendor's profile when only the vendor (and model) is known. */
static void
test_active_uri_find_profile (void)
{
  g_autoptr(GPtrArray) profiles = load_profiles ();
  g_autoptr(GError) error = NULL;
  struct
  {
    const char *vendor;
    const char *model;
    const char *profile;
  } cases[] = {
    { "yealink", NULL, "yealink-v8x" },
    { "Yealink", "SIP-T46G", "yealink-legacy" },
    { "yealink", "sip-t46s", "yealink-v8x" },
    { "yealink", "SIP-T99", "yealink-v8x" },
    { "planet", NULL, "planet-vip" },
    { "fanvil", "X4", "fanvil" },
    { "snom", "D785", "snom" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PhonesetProfile *profile =
        phoneset_profiles_find_for_vendor (profiles, cases[i].vendor, cases[i].model, NULL);

      g_assert_nonnull (profile);
      g_assert_cmpstr (phoneset_profile_get_id (profile), ==, cases[i].profile);
    }
  /* The snom C520 has no command.htm (vendors.md §8). */
  g_assert_null (phoneset_profiles_find_for_vendor (profiles, "snom", "C520", &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_null (phoneset_profiles_find_for_vendor (profiles, "nokia", NULL, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND);
}

/* Key chaining does not work on the T48G/T48S/T48U/T57W (the profiles'
 * no_chaining): one key per request there and while the model is not
 * known; one chained request on a model that chains. A digit string is
 * typed key by key. */
static void
test_active_uri_chaining (void)
{
  g_autoptr(GPtrArray) profiles = load_profiles ();
  g_autoptr(PhonesetActiveUri) t48s = for_profile (profiles, "yealink-v8x", "SIP-T48S");
  g_autoptr(PhonesetActiveUri) t46s = for_profile (profiles, "yealink-v8x", "SIP-T46S");
  g_autoptr(PhonesetActiveUri) unknown = for_profile (profiles, "yealink-v8x", NULL);
  g_autoptr(PhonesetActiveUri) t48g = for_profile (profiles, "yealink-legacy", "sip-t48g");
  g_autoptr(PhonesetActiveUri) planet = for_profile (profiles, "planet-vip", NULL);
  g_autoptr(PhonesetActiveUri) snom = for_profile (profiles, "snom", NULL);
  g_autofree char *a = phoneset_test_active_uri_requests (t48s, "SPEAKER 8311 ENTER", NULL);
  g_autofree char *b = phoneset_test_active_uri_requests (t46s, "SPEAKER 8311 ENTER", NULL);
  g_autofree char *c = phoneset_test_active_uri_requests (unknown, "1 2", NULL);
  g_autofree char *d = phoneset_test_active_uri_requests (t48g, "*21# OK", NULL);
  g_autofree char *e = phoneset_test_active_uri_requests (planet, "SPEAKER 2002 ENTER", NULL);
  g_autofree char *f = phoneset_test_active_uri_requests (snom, "*21#", NULL);

  g_assert_cmpstr (
    a, ==,
    "/servlet?key=SPEAKER | /servlet?key=8 | /servlet?key=3 | /servlet?key=1 | /servlet?key=1 | "
    "/servlet?key=ENTER");
  g_assert_cmpstr (b, ==, "/servlet?key=SPEAKER;8;3;1;1;ENTER");
  g_assert_cmpstr (c, ==, "/servlet?key=1 | /servlet?key=2");
  g_assert_cmpstr (
    d, ==,
    "/servlet?key=* | /servlet?key=2 | /servlet?key=1 | /servlet?key=POUND | /servlet?key=OK");
  g_assert_cmpstr (e, ==, "/cgi-bin/ConfigManApp.com?key=SPEAKER;2;0;0;2;ENTER");
  g_assert_cmpstr (f, ==, "/command.htm?key=%2A;2;1;%23");
  g_assert_false (phoneset_active_uri_chains_keys (t48s));
  g_assert_true (phoneset_active_uri_chains_keys (t46s));
  g_assert_nonnull (strstr (phoneset_active_uri_get_no_chaining_source (t48s), "CP960"));
  g_assert_true (phoneset_active_uri_chains_keys (planet));
  g_assert_null (phoneset_active_uri_get_no_chaining_source (planet));
}

static void
test_active_uri_expand (void)
{
  g_autoptr(PhonesetActiveUri) yealink = load_vendor ("yealink");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PhonesetActiveUri) no_pound = NULL;
  g_autoptr(GError) error = NULL;
  const char *words[] = { "speaker", "8311", "#", "*0", "d3", NULL };
  const char *expected[] = { "SPEAKER", "8", "3", "1", "1", "POUND", "*", "0", "D3", NULL };
  const char *bad[] = { "83a1", NULL };
  const char *hash[] = { "1#", NULL };
  g_autoptr(GPtrArray) keys = phoneset_active_uri_expand_keys (yealink, words, &error);

  g_assert_no_error (error);
  g_assert_cmpstrv ((char **)keys->pdata, expected);
  g_assert_null (phoneset_active_uri_expand_keys (yealink, bad, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“83a1” is not a key"));
  g_clear_error (&error);

  json_parser_load_from_data (parser, "{\"path\":\"/s\",\"param\":\"k\",\"keys\":{\"1\":\"1\"}}",
                              -1, NULL);
  no_pound =
    phoneset_active_uri_new_from_json (json_node_get_object (json_parser_get_root (parser)), NULL);
  g_assert_null (phoneset_active_uri_expand_keys (no_pound, hash, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "no Active URI key for “#” (in “1#”)"));
}

static void
test_keys (void)
{
  g_assert_cmpstr (phoneset_key_canonical ("#"), ==, "POUND");
  g_assert_cmpstr (phoneset_key_canonical ("dndon"), ==, "DNDOn");
  g_assert_cmpstr (phoneset_key_canonical ("D40"), ==, "D40");
  g_assert_null (phoneset_key_canonical ("D41"));
  g_assert_null (phoneset_key_canonical (""));
}

static void
test_action_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetActionUrlEvent) event = phoneset_action_url_event_parse (
    "/action-url/incoming_call",
    "mac=001565aabbcc&remote=sip%3A2002%40pbx&display_remote=Bob+Smith&call_id=$call_id",
    "192.0.2.10", &error);
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(JsonObject) entries = NULL;
  g_autoptr(JsonObject) legacy_entries = NULL;
  g_autoptr(JsonObject) fanvil = NULL;
  g_autoptr(JsonObject) snom = NULL;
  g_autoptr(GPtrArray) profiles = load_profiles ();
  PhonesetProfile *v8x;
  PhonesetProfile *legacy;
  g_autoptr(PhonesetActionUrlEvent) bad =
               phoneset_action_url_event_parse ("/other", NULL, "192.0.2.10", NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_action_url_event_get_name (event), ==, "incoming_call");
  g_assert_cmpstr (phoneset_action_url_event_get_variable (event, "remote"), ==, "sip:2002@pbx");
  g_assert_cmpstr (phoneset_action_url_event_get_variable (event, "display_remote"), ==,
                   "Bob Smith");
  g_assert_cmpstr (phoneset_action_url_event_get_variable (event, "call_id"), ==, "");
  /* The names in the order of the query, as the window lists them. */
  g_assert_cmpuint (phoneset_action_url_event_get_variable_names (event)->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (phoneset_action_url_event_get_variable_names (event), 0), ==,
                   "mac");
  g_assert_cmpstr (g_ptr_array_index (phoneset_action_url_event_get_variable_names (event), 3), ==,
                   "call_id");
  json = phoneset_action_url_event_to_json (event);
  g_assert_cmpstr (json_object_get_string_member (json, "phone"), ==, "192.0.2.10");
  g_assert_null (bad);

  /* The entries come from the phone's profile: each firmware generation
   * its own keys, the event in the URL the setting's id. */
  v8x = phoneset_profiles_find (profiles, "yealink-v8x");
  legacy = phoneset_profiles_find (profiles, "yealink-legacy");
  entries = phoneset_action_url_config_entries (v8x, "http://192.0.2.1:8080", &error);
  g_assert_no_error (error);
  g_assert_true (
    g_str_has_prefix (json_object_get_string_member (entries, "action_url.off_hook"),
                      "http://192.0.2.1:8080/action-url/off_hook?mac=$mac&ip=$ip&model=$model"));
  /* V8x firmware reads action_url.registered / unregistered (Admin Guide
   * T2/T4/T5/CP920 p. 444), not the older log_on / log_off. */
  g_assert_true (g_str_has_prefix (
    json_object_get_string_member_with_default (entries, "action_url.registered", ""),
    "http://192.0.2.1:8080/action-url/registered?"));
  g_assert_true (json_object_has_member (entries, "action_url.unregistered"));
  g_assert_false (json_object_has_member (entries, "action_url.log_on"));
  g_assert_false (json_object_has_member (entries, "action_url.log_off"));
  legacy_entries = phoneset_action_url_config_entries (legacy, "http://192.0.2.1:8080", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (
    json_object_get_string_member_with_default (legacy_entries, "action_url.log_on", ""),
    "http://192.0.2.1:8080/action-url/registered?"));
  g_assert_false (json_object_has_member (legacy_entries, "action_url.registered"));
  /* Every Action URL setting of the profile, no more. */
  g_assert_cmpuint (json_object_get_size (entries), ==, 29);
  fanvil = phoneset_action_url_config_entries (phoneset_profiles_find (profiles, "planet-vip"),
                                               "http://192.0.2.1:8080", &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (fanvil, "Offhook Url"));
  g_assert_true (
    g_str_has_prefix (json_object_get_string_member_with_default (fanvil, "Reg On Url", ""),
                      "http://192.0.2.1:8080/action-url/registered?"));
  /* Not the enable switch: only the URLs. */
  g_assert_false (json_object_has_member (fanvil, "Enabled Action Url"));
  /* snom's names are those of a full snom 720 settings file (FusionPBX):
   * action_log_on_url, action_reg_failed, action_hold, action_unhold; none
   * for mute, unmute or an IP change. */
  snom = phoneset_action_url_config_entries (phoneset_profiles_find (profiles, "snom"),
                                             "http://192.0.2.1:8080", &error);
  g_assert_no_error (error);
  g_assert_true (
    g_str_has_prefix (json_object_get_string_member_with_default (snom, "action_log_on_url", ""),
                      "http://192.0.2.1:8080/action-url/registered?"));
  g_assert_true (
    g_str_has_prefix (json_object_get_string_member_with_default (snom, "action_reg_failed", ""),
                      "http://192.0.2.1:8080/action-url/register_failed?"));
  g_assert_true (json_object_has_member (snom, "action_hold"));
  g_assert_true (json_object_has_member (snom, "action_unhold"));
  g_assert_false (json_object_has_member (snom, "action_reg_on_url"));
  g_assert_false (json_object_has_member (snom, "action_hold_url"));
  g_assert_cmpuint (json_object_get_size (snom), ==, 18);
  g_assert_null (phoneset_action_url_config_entries (
    phoneset_profiles_find (profiles, "konftel-300ip"), "http://x", &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
}

static void
test_sip_message (void)
{
  const char *subscribe = "SUBSCRIBE sip:MAC=00304fa99948@224.0.1.75 SIP/2.0\r\n"
                          "Via: SIP/2.0/UDP 192.168.1.45:5060;branch=z9hG4bK31\r\n"
                          "From: <sip:MAC=00304fa99948@224.0.1.75>\r\n"
                          "To: <sip:MAC=00304fa99948@224.0.1.75>\r\n"
                          "Call-ID: 3224@192.168.1.45\r\n"
                          "CSeq: 1 SUBSCRIBE\r\n"
                          "Event:ua-profile;profile-type=\"device\";vendor=\"PLANET\";model=\"VIP-"
                          "2140PT\";version=\"2.0.3.2991\"\r\n"
                          "l: 0\r\n\r\n";
  g_autoptr(PhonesetSipMessage) m =
               phoneset_sip_message_parse (subscribe, strlen (subscribe), NULL);
  g_autofree char *vendor = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *mac = NULL;
  g_autofree char *snom = phoneset_pnp_mac_from_uri ("sip:MAC%3a00135E874B49@example.com");
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetSipMessage) bad =
               phoneset_sip_message_parse ("SIP/2.0 9999 x\r\n\r\n", 18, &error);

  g_assert_nonnull (m);
  g_assert_cmpstr (phoneset_sip_message_get_method (m), ==, "SUBSCRIBE");
  g_assert_cmpstr (phoneset_sip_message_get_header (m, "content-length"), ==, "0");
  vendor = phoneset_sip_header_get_param (phoneset_sip_message_get_header (m, "Event"), "vendor");
  g_assert_cmpstr (vendor, ==, "PLANET");
  uri = phoneset_sip_header_get_uri (phoneset_sip_message_get_header (m, "From"));
  mac = phoneset_pnp_mac_from_uri (uri);
  g_assert_cmpstr (mac, ==, "00304fa99948");
  g_assert_cmpstr (snom, ==, "00135e874b49");
  g_assert_null (bad);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
}

static void
test_cert_pins (void)
{
  g_autofree char *c1 = g_test_build_filename (G_TEST_DIST, "phone-sim", "test-cert1.pem", NULL);
  g_autofree char *c2 = g_test_build_filename (G_TEST_DIST, "phone-sim", "test-cert2.pem", NULL);
  g_autoptr(GTlsCertificate) one = g_tls_certificate_new_from_file (c1, NULL);
  g_autoptr(GTlsCertificate) two = g_tls_certificate_new_from_file (c2, NULL);
  g_autofree char *dir = g_dir_make_tmp ("phoneset-pins-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pins.json", NULL);
  g_autoptr(PhonesetCertPins) pins = phoneset_cert_pins_new (path);
  g_autoptr(PhonesetCertPins) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (one);
  g_assert_true (phoneset_cert_pins_check (pins, "192.0.2.10:443", one, NULL));
  g_assert_true (phoneset_cert_pins_check (pins, "192.0.2.10:443", one, NULL));
  g_assert_true (phoneset_cert_pins_check (pins, "192.0.2.11:443", two, NULL));
  again = phoneset_cert_pins_new (path);
  g_assert_false (phoneset_cert_pins_check (again, "192.0.2.10:443", two, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_FAILED);
  phoneset_cert_pins_forget (again, "192.0.2.10:443");
  g_assert_true (phoneset_cert_pins_check (again, "192.0.2.10:443", two, NULL));
  g_remove (path);
  g_rmdir (dir);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **out = user_data;

  *out = phoneset_secret_store_lookup_finish (PHONESET_SECRET_STORE (source), result, NULL);
}

static void
test_secret_store (void)
{
  g_autoptr(PhonesetSecretStore) store = phoneset_secret_store_memory_new ();
  g_autofree char *found = NULL;
  g_autofree char *missing = NULL;

  phoneset_secret_store_store_async (store, "192.0.2.10", "admin", "Zq7-core", NULL, NULL, NULL);
  phoneset_secret_store_lookup_async (store, "192.0.2.10", "admin", NULL, lookup_cb, &found);
  phoneset_secret_store_lookup_async (store, "192.0.2.11", "admin", NULL, lookup_cb, &missing);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (found, ==, "Zq7-core");
  g_assert_null (missing);
}

/* A failure's fault (500, not HTTP, reset) travels with the error: through
 * a copy, a prefix and a GTask; the code stays PHONESET_ERROR_FAILED. */
static void
test_error_fault (void)
{
  g_autoptr(GError) error = g_error_new (PHONESET_ERROR, PHONESET_ERROR_FAILED, "reset");
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) plain = g_error_new (PHONESET_ERROR, PHONESET_ERROR_FAILED, "other");
  g_autoptr(GError) other = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "io");
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  g_autoptr(GError) returned = NULL;

  g_assert_cmpint (phoneset_error_get_fault (error), ==, PHONESET_FAULT_NONE);
  phoneset_error_set_fault (error, PHONESET_FAULT_RESET);
  g_assert_cmpint (phoneset_error_get_fault (error), ==, PHONESET_FAULT_RESET);
  g_prefix_error (&error, "Push: ");
  g_assert_cmpint (phoneset_error_get_fault (error), ==, PHONESET_FAULT_RESET);
  copy = g_error_copy (error);
  g_assert_cmpint (phoneset_error_get_fault (copy), ==, PHONESET_FAULT_RESET);
  g_assert_true (g_error_matches (copy, PHONESET_ERROR, PHONESET_ERROR_FAILED));
  g_assert_cmpstr (copy->message, ==, "Push: reset");
  g_assert_cmpint (phoneset_error_get_fault (plain), ==, PHONESET_FAULT_NONE);
  g_assert_cmpint (phoneset_error_get_fault (other), ==, PHONESET_FAULT_NONE);
  g_task_return_error (task, g_steal_pointer (&copy));
  g_assert_false (g_task_propagate_boolean (task, &returned));
  g_assert_cmpint (phoneset_error_get_fault (returned), ==, PHONESET_FAULT_RESET);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/remote-core/active-uri/requests", test_active_uri_requests);
  g_test_add_func ("/remote-core/active-uri/bad", test_active_uri_bad);
  g_test_add_func ("/remote-core/active-uri/no-chain", test_active_uri_no_chain);
  g_test_add_func ("/remote-core/active-uri/profiles", test_active_uri_profiles);
  g_test_add_func ("/remote-core/active-uri/find-profile", test_active_uri_find_profile);
  g_test_add_func ("/remote-core/active-uri/chaining", test_active_uri_chaining);
  g_test_add_func ("/remote-core/active-uri/expand", test_active_uri_expand);
  g_test_add_func ("/remote-core/keys", test_keys);
  g_test_add_func ("/remote-core/action-url", test_action_url);
  g_test_add_func ("/remote-core/sip-message", test_sip_message);
  g_test_add_func ("/remote-core/cert-pins", test_cert_pins);
  g_test_add_func ("/remote-core/secret-store", test_secret_store);
  g_test_add_func ("/remote-core/error-fault", test_error_fault);

  return g_test_run ();
}
