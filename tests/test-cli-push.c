/* test-cli-push.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `phoneset push` and `phoneset serve` end to end against simulated phones
 * on 127.0.0.x: autop, check-sync and PnP (the PnP SUBSCRIBE sent unicast
 * to the responder here; tests/netlab/ does it by multicast in network
 * namespaces), fetch verification, the Action URL receiver and the config
 * entries that point a phone at it, and never the password in any output.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "phoneset-test-cli.h"
#include "phoneset-test-sim.h"

static const char *yealink_cfg = "#!version:1.0.0.1\n"
                                 "# pushed by the test\n"
                                 "account.1.user_name = 1001\n"
                                 "static.network.vlan.internet_port_vid = 42\n";
static const char *fanvil_cfg = "<<VOIP CONFIG FILE>>Version:2.0000000000\r\n"
                                "<QOS CONFIG MODULE>\r\n"
                                "VLAN ID            :42\r\n"
                                "<<END OF FILE>>\r\n";
static const char *snom_xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                              "<settings><phone-settings e=\"2\">\n"
                              "<vlan_id perm=\"RW\">42</vlan_id>\n"
                              "<stun_server idx=\"1\" perm=\"RW\">stun.example.org</stun_server>\n"
                              "</phone-settings></settings>\n";

static char       *tmp_dir;

static char *
write_file (const char *name,
            const char *text)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static PhonesetCliResult *
run_push (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char   *pw = g_strdup_printf ("PHONESET_TEST_PW=%s", PHONESET_TEST_PASSWORD);
  g_autofree char   *xdg = g_strdup_printf ("XDG_DATA_HOME=%s", tmp_dir);
  const char        *env[] = { pw, xdg, NULL };
  PhonesetCliResult *r;

  g_ptr_array_add (argv, "push");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, "--password-env=PHONESET_TEST_PW");
  g_ptr_array_add (argv, NULL);
  r = phoneset_test_run_cli ((const char *const *)argv->pdata, env);
  g_assert_null (strstr (r->out, PHONESET_TEST_PASSWORD));
  g_assert_null (strstr (r->err, PHONESET_TEST_PASSWORD));
  return r;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static guint16
free_udp_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                             G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) any = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (any, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* The simulator applied what was pushed and fetched it with its own
 * User-Agent. */
static void
assert_applied (PhonesetTestSim *sim,
                const char      *key,
                const char      *value,
                const char      *why)
{
  g_autoptr(JsonObject) state = NULL;
  JsonArray  *fetches;
  JsonObject *last;

  /* The push ends when the server has sent the file; the phone applies it
   * a moment later. */
  g_assert_true (phoneset_test_sim_wait (sim, "fetches", 1, 3000));
  state = phoneset_test_sim_state (sim);
  fetches = json_object_get_array_member (state, "fetches");
  g_assert_cmpuint (json_array_get_length (fetches), >=, 1);
  last = json_array_get_object_element (fetches, json_array_get_length (fetches) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "why"), ==, why);
  g_assert_cmpint (json_object_get_int_member (last, "status"), ==, 200);
  g_assert_true (json_object_get_boolean_member (last, "applied"));
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (state, "config"), key), ==,
    value);
}

static void
test_autop (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-v8x", "127.0.0.51", sim_args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *file = write_file ("001565aabbcc.cfg", yealink_cfg);
  g_autofree char *file_arg = g_strdup_printf ("--file=%s", file);
  const char      *args[] = { phone,    file_arg, "--vendor=yealink", "--via=autop", "--wait=5",
                              "--json", NULL };
  g_autoptr(PhonesetCliResult) r = run_push (args);
  g_autoptr(JsonObject) result = NULL;
  JsonObject *fetched;

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  result = parse_object (r->out);
  fetched = json_object_get_object_member (result, "fetched");
  g_assert_cmpstr (json_object_get_string_member (fetched, "from"), ==, "127.0.0.51");
  g_assert_cmpstr (json_object_get_string_member (fetched, "user_agent"), ==,
                   "Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37");
  g_assert_true (json_object_get_boolean_member (result, "user_agent_names_phone"));
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (result, "status"), "fw"), ==,
    "28.72.0.1");
  g_assert_true (
    g_str_has_prefix (json_object_get_string_member (result, "url"), "http://127.0.0.1:"));
  assert_applied (sim, "static.network.vlan.internet_port_vid", "42", "autop");
}

/* A saved config is pushed as the file its profile writes; the vendor
 * comes from the profile. */
static void
test_profile_config (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.57", sim_args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *config =
    write_file ("phone.json", "{\"profile\": \"yealink-legacy\", \"settings\": "
                              "{\"vlan.id\": 42, \"nat.keepalive.interval\": 20}}");
  g_autofree char *config_arg = g_strdup_printf ("--config=%s", config);
  const char      *args[] = { phone,         "--profile=yealink-legacy",
                              config_arg,    "--mac=00:15:65:4a:a9:37",
                              "--via=autop", "--wait=5",
                              NULL };
  const char      *konftel[] = { phone, "--profile=konftel-300ip", config_arg, NULL };
  g_autoptr(PhonesetCliResult) r = run_push (args);
  g_autoptr(PhonesetCliResult) k = run_push (konftel);

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_str_has_prefix (r->out, "Pushed 0015654aa937.cfg to 127.0.0.57:"));
  assert_applied (sim, "network.vlan.internet_port_vid", "42", "autop");
  assert_applied (sim, "account.2.nat.udp_update_time", "20", "autop");

  g_assert_cmpint (k->status, ==, 2);
  g_assert_nonnull (strstr (k->err, "takes no provisioning file"));
}

/* The URL a push points the phone at, from the push's JSON result. */
static char *
pushed_url (const char *out)
{
  g_autoptr(JsonObject) result = parse_object (out);

  return g_strdup (json_object_get_string_member (result, "url"));
}

/* A push to a legacy Yealink points it at the file with the legacy key,
 * auto_provision.server.url, the one its firmware reads (the profile's
 * own Active URI block), not V8x's static.auto_provision.server.url. */
static void
test_legacy_url (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.59", sim_args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *config = write_file (
    "legacy.json", "{\"profile\": \"yealink-legacy\", \"settings\": {\"vlan.id\": 42}}");
  g_autofree char *config_arg = g_strdup_printf ("--config=%s", config);
  const char      *args[] = {
         phone, "--profile=yealink-legacy", config_arg, "--via=autop", "--wait=5", "--json", NULL
  };
  g_autoptr(PhonesetCliResult) r = run_push (args);
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(JsonObject) result = NULL;
  g_autofree char *url = NULL;
  JsonObject      *applied;

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  url = pushed_url (r->out);
  result = parse_object (r->out);
  g_assert_cmpstr (json_object_get_string_member (result, "profile"), ==, "yealink-legacy");
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (result, "set"), "key"), ==,
    "auto_provision.server.url");
  assert_applied (sim, "network.vlan.internet_port_vid", "42", "autop");
  state = phoneset_test_sim_state (sim);
  applied = json_object_get_object_member (state, "config");
  g_assert_cmpstr (
    json_object_get_string_member_with_default (applied, "auto_provision.server.url", ""), ==, url);
  g_assert_false (json_object_has_member (applied, "static.auto_provision.server.url"));
}

/* `--profile ID` takes exactly that profile, never another of its vendor's
 * nor the one the file's keys point at: the shipped profiles hold two of
 * Yealink (yealink-legacy sorts first). */
static void
test_profile_exact (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) v8x_sim =
               phoneset_test_sim_start_profile ("yealink-v8x", "127.0.0.61", sim_args);
  g_autoptr(PhonesetTestSim) legacy_sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.62", sim_args);
  g_autofree char *v8x_phone = phoneset_test_sim_http (v8x_sim);
  g_autofree char *legacy_phone = phoneset_test_sim_http (legacy_sim);
  g_autofree char *legacy_file =
    write_file ("legacy-keys.cfg", "#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 43\n");
  g_autofree char *v8x_file = write_file ("v8x-keys.cfg", yealink_cfg);
  g_autofree char *legacy_arg = g_strdup_printf ("--file=%s", legacy_file);
  g_autofree char *v8x_arg = g_strdup_printf ("--file=%s", v8x_file);
  const char      *list[] = { "profiles", "--json", NULL };
  const char      *to_v8x[] = { v8x_phone,     legacy_arg, "--profile=yealink-v8x",
                                "--via=autop", "--wait=5", "--json",
                                NULL };
  const char      *to_legacy[] = { legacy_phone,  v8x_arg,    "--profile=yealink-legacy",
                                   "--via=autop", "--wait=5", "--json",
                                   NULL };
  g_autoptr(PhonesetCliResult) profiles = phoneset_test_run_cli (list, NULL);
  g_autoptr(PhonesetCliResult) a = NULL;
  g_autoptr(PhonesetCliResult) b = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) result = NULL;
  JsonArray *array;
  guint      yealink = 0;

  g_assert_cmpint (profiles->status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, profiles->out, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (
          json_object_get_string_member (json_array_get_object_element (array, i), "vendor"),
          "Yealink") == 0)
      yealink++;
  g_assert_cmpuint (yealink, ==, 2);

  /* The file's keys are the legacy firmware's; the V8x profile is used. */
  a = run_push (to_v8x);
  g_assert_cmpstr (a->err, ==, "");
  g_assert_cmpint (a->status, ==, 0);
  result = parse_object (a->out);
  g_assert_cmpstr (json_object_get_string_member (result, "profile"), ==, "yealink-v8x");
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (result, "set"), "key"), ==,
    "static.auto_provision.server.url");
  g_assert_true (json_object_get_boolean_member (result, "ok"));
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (result, "fetched"), "from"), ==,
    "127.0.0.61");
  g_clear_pointer (&result, json_object_unref);

  /* And the other way round. */
  b = run_push (to_legacy);
  g_assert_cmpstr (b->err, ==, "");
  g_assert_cmpint (b->status, ==, 0);
  result = parse_object (b->out);
  g_assert_cmpstr (json_object_get_string_member (result, "profile"), ==, "yealink-legacy");
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (result, "set"), "key"), ==,
    "auto_provision.server.url");
  g_assert_true (json_object_get_boolean_member (result, "ok"));
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (result, "fetched"), "from"), ==,
    "127.0.0.62");
}

/* A phone whose firmware reads only the legacy keys (a --firmware list):
 * a push with the V8x profile sets a key it ignores, so the phone never
 * fetches, and the push says which key was not applied. With the phone's
 * own profile the push works, and the file's keys the list lacks are
 * ignored (logged by the phone), not "verified". */
static void
test_firmware_keys (void)
{
  g_autofree char *keys =
    g_test_build_filename (G_TEST_DIST, "data", "firmware", "yealink-legacy-subset.keys", NULL);
  g_autofree char *firmware = g_strdup_printf ("--firmware=%s", keys);
  const char      *sim_args[] = { "--no-prompt", firmware, NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start ("yealink", "127.0.0.60", sim_args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *file = write_file ("v8x.cfg", yealink_cfg);
  g_autofree char *file_arg = g_strdup_printf ("--file=%s", file);
  g_autofree char *config =
    write_file ("legacy2.json", "{\"profile\": \"yealink-legacy\", \"settings\": "
                                "{\"vlan.id\": 42, \"nat.keepalive.interval\": 20}}");
  g_autofree char *config_arg = g_strdup_printf ("--config=%s", config);
  const char      *wrong[] = {
         phone, file_arg, "--profile=yealink-v8x", "--via=autop", "--wait=2", NULL
  };
  const char *right[] = { phone, "--profile=yealink-legacy", config_arg, "--via=autop", "--wait=5",
                          NULL };
  g_autoptr(PhonesetCliResult) a = run_push (wrong);
  g_autoptr(PhonesetCliResult) b = NULL;
  g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);
  JsonArray  *ignored = json_object_get_array_member (state, "ignored");
  JsonObject *fetch;

  g_assert_true (json_object_get_boolean_member (state, "firmware_keys_loaded"));
  g_assert_cmpint (a->status, ==, 1);
  g_assert_nonnull (
    strstr (a->err, "the setting static.auto_provision.server.url that points it at the file was "
                    "not applied"));
  g_assert_nonnull (strstr (a->err, "profile (yealink-v8x)"));
  g_assert_cmpuint (json_array_get_length (ignored), ==, 1);
  g_assert_cmpstr (
    json_object_get_string_member (json_array_get_object_element (ignored, 0), "key"), ==,
    "static.auto_provision.server.url");
  g_assert_cmpstr (
    json_object_get_string_member (json_array_get_object_element (ignored, 0), "from"), ==,
    "phonecfg=set");
  g_clear_pointer (&state, json_object_unref);

  b = run_push (right);
  g_assert_cmpstr (b->err, ==, "");
  g_assert_cmpint (b->status, ==, 0);
  assert_applied (sim, "network.vlan.internet_port_vid", "42", "autop");
  state = phoneset_test_sim_state (sim);
  g_assert_false (json_object_has_member (json_object_get_object_member (state, "config"),
                                          "account.1.nat.udp_update_time"));
  fetch = json_array_get_object_element (
    json_object_get_array_member (state, "fetches"),
    json_array_get_length (json_object_get_array_member (state, "fetches")) - 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fetch, "ignored")), >=, 1);
  g_assert_cmpstr (
    json_array_get_string_element (json_object_get_array_member (fetch, "ignored"), 0), ==,
    "account.1.nat.udp_update_time");
}

static void
test_check_sync (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-v8x", "127.0.0.52", sim_args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *sip = g_strdup_printf ("--sip-port=%u", sim->sip_port);
  g_autofree char *file = write_file ("check-sync.cfg", yealink_cfg);
  g_autofree char *file_arg = g_strdup_printf ("--file=%s", file);
  const char      *args[] = { phone,      file_arg, "--vendor=yealink", "--via=check-sync", sip,
                              "--wait=5", NULL };
  g_autoptr(PhonesetCliResult) r = run_push (args);

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (g_str_has_prefix (r->out, "Pushed check-sync.cfg to 127.0.0.52:"));
  g_assert_nonnull (strstr (r->out, "[U]"));
  assert_applied (sim, "account.1.user_name", "1001", "check-sync");
}

typedef struct
{
  const char        *vendor;
  const char        *profile;
  const char        *address;
  const char        *file_name;
  const char *const *text;
  const char        *key;
  const char        *value;
  const char        *mac;
} PnpCase;

static const PnpCase pnp_cases[] = {
  { "yealink", "yealink-v8x", "127.0.0.53", "001565aabbcc.cfg", &yealink_cfg,
    "static.network.vlan.internet_port_vid", "42", "00:15:65:4a:a9:37" },
  { "planet", "planet-vip", "127.0.0.54", "00304fa99948.cfg", &fanvil_cfg, "VLAN ID", "42",
    "00:30:4f:a9:99:48" },
  { "snom", "snom", "127.0.0.55", "000413000000.xml", &snom_xml, "stun_server.1",
    "stun.example.org", "00:04:13:2b:3c:4d" },
};

static void
test_pnp (gconstpointer data)
{
  const PnpCase   *c = data;
  guint16          pnp_port = free_udp_port ();
  g_autofree char *target = g_strdup_printf ("--pnp-target=127.0.0.1:%u", pnp_port);
  const char      *sim_args[] = { "--no-prompt", "--pnp", target, "--pnp-tries=1", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile (c->profile, c->address, sim_args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *file = write_file (c->file_name, *c->text);
  g_autofree char *file_arg = g_strdup_printf ("--file=%s", file);
  g_autofree char *pnp_arg = g_strdup_printf ("--pnp-port=%u", pnp_port);
  g_autofree char *vendor_arg = g_strdup_printf ("--vendor=%s", c->vendor);
  g_autofree char *mac_arg = g_strdup_printf ("--mac=%s", c->mac);
  const char      *args[] = { phone,   file_arg,   vendor_arg, "--via=pnp", pnp_arg,
                              mac_arg, "--wait=5", "--json",   NULL };
  g_autoptr(PhonesetCliResult) r = run_push (args);
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(JsonObject) state = NULL;

  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  result = parse_object (r->out);
  g_assert_cmpstr (json_object_get_string_member (result, "pnp_subscribe_from"), ==, c->address);
  g_assert_true (json_object_get_boolean_member (result, "user_agent_names_phone"));
  assert_applied (sim, c->key, c->value, "pnp");
  state = phoneset_test_sim_state (sim);
  g_assert_cmpint (json_object_get_int_member (state, "boots"), ==, 2);
}

static void
test_unsupported_and_timeout (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("fanvil", "127.0.0.56", sim_args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *file = write_file ("f.cfg", fanvil_cfg);
  g_autofree char *file_arg = g_strdup_printf ("--file=%s", file);
  const char *autop[] = { phone, file_arg, "--vendor=fanvil", "--via=autop", "--wait=1", NULL };
  /* PnP off on this phone: it reboots and never asks. */
  const char *pnp[] = { phone,      file_arg, "--vendor=fanvil", "--via=pnp", "--pnp-port=0",
                        "--wait=1", NULL };
  const char *usage[] = { phone, "--vendor=fanvil", NULL };
  const char *profile[] = { phone, "--vendor=fanvil", "--profile=x", "--config=y.json", NULL };
  g_autoptr(PhonesetCliResult) a = run_push (autop);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PhonesetCliResult) b = run_push (pnp);
  gint64 elapsed = g_get_monotonic_time () - start;
  g_autoptr(PhonesetCliResult) c = run_push (usage);
  g_autoptr(PhonesetCliResult) d = run_push (profile);

  g_assert_cmpint (a->status, ==, 1);
  g_assert_nonnull (strstr (a->err, "no documented way to set their provisioning URL"));
  g_assert_cmpint (b->status, ==, 1);
  g_assert_nonnull (strstr (b->err, "did not fetch its configuration within 1 second "));
  g_assert_cmpint (elapsed, <, 4 * G_USEC_PER_SEC);
  g_assert_cmpint (c->status, ==, 2);
  g_assert_cmpint (d->status, ==, 2);
}

/* `phoneset serve`: a subprocess printing JSON lines. */
typedef struct
{
  GSubprocess      *proc;
  GDataInputStream *out;
} Serve;

static Serve *
serve_start (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Serve *serve = g_new0 (Serve, 1);

  g_ptr_array_add (argv, (gpointer)g_getenv ("PHONESET_BIN"));
  g_ptr_array_add (argv, "serve");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  serve->proc =
    g_subprocess_newv ((const char *const *)argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  serve->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (serve->proc));
  return serve;
}

/* The next line of the given type (bounded by serve's --duration). */
static JsonObject *
serve_next (Serve      *serve,
            const char *type)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (serve->out, NULL, NULL, &error);
      g_autoptr(JsonObject) object = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (line);
      object = parse_object (line);
      if (g_str_equal (json_object_get_string_member (object, "type"), type))
        return g_steal_pointer (&object);
    }
}

static void
serve_stop (Serve *serve)
{
  g_subprocess_send_signal (serve->proc, SIGTERM);
  g_subprocess_wait (serve->proc, NULL, NULL);
  g_assert_true (g_subprocess_get_if_exited (serve->proc));
  g_assert_cmpint (g_subprocess_get_exit_status (serve->proc), ==, 0);
  g_object_unref (serve->out);
  g_object_unref (serve->proc);
  g_free (serve);
}

/* The action-url-config line serve prints for a profile. */
static JsonObject *
serve_next_config (Serve      *serve,
                   const char *profile)
{
  for (;;)
    {
      g_autoptr(JsonObject) config = serve_next (serve, "action-url-config");

      if (g_strcmp0 (json_object_get_string_member_with_default (config, "profile", NULL),
                     profile) == 0)
        return g_steal_pointer (&config);
    }
}

/* The Action URL entries serve prints for the simulated phone's profile
 * (a SIP-T46G with x.72 firmware: yealink-legacy) are pushed to it; its
 * events then arrive at serve with the variables filled in. */
static void
test_action_url (void)
{
  const char *serve_args[] = { "--action-url", "--accept-unknown-phones", "--address=127.0.0.1",
                               "--duration=20", NULL };
  Serve      *serve = serve_start (serve_args);
  g_autoptr(JsonObject) listening = serve_next (serve, "listening");
  g_autoptr(JsonObject) config = serve_next_config (serve, "yealink-legacy");
  JsonObject *entries = json_object_get_object_member (config, "entries");
  g_autoptr(GString) cfg = g_string_new ("#!version:1.0.0.1\n");
  g_autoptr(GList) keys = json_object_get_members (entries);
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.57", sim_args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *file = NULL;
  g_autofree char *file_arg = NULL;
  g_autoptr(PhonesetCliResult) r = NULL;
  const char *events[] = { "off_hook", "incoming_call", "dnd_on" };

  g_assert_cmpstr (json_object_get_string_member (config, "vendor"), ==, "yealink");
  g_assert_true (
    g_str_has_prefix (json_object_get_string_member (listening, "url"), "http://127.0.0.1:"));
  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (cfg, "%s = %s\n", (const char *)l->data,
                            json_object_get_string_member (entries, l->data));
  file = write_file ("action-url.cfg", cfg->str);
  file_arg = g_strdup_printf ("--file=%s", file);
  {
    const char *args[] = { phone,         file_arg,   "--profile=yealink-legacy",
                           "--via=autop", "--wait=5", NULL };

    r = run_push (args);
  }
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (phoneset_test_sim_wait (sim, "fetches", 1, 3000));

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autofree char *what = g_strdup_printf ("event?name=%s", events[i]);
      g_autoptr(JsonObject) event = NULL;
      JsonObject *vars;

      phoneset_test_sim_control (sim, what);
      /* setup_completed may come first: the phone may have booted after the push. */
      do
        {
          g_clear_pointer (&event, json_object_unref);
          event = serve_next (serve, "action-url");
        }
      while (g_str_equal (json_object_get_string_member (event, "event"), "setup_completed"));
      vars = json_object_get_object_member (event, "variables");
      g_assert_cmpstr (json_object_get_string_member (event, "event"), ==, events[i]);
      g_assert_cmpstr (json_object_get_string_member (event, "phone"), ==, "127.0.0.57");
      g_assert_cmpstr (json_object_get_string_member (vars, "mac"), ==,
                       "001565"
                       "4aa937");
      g_assert_cmpstr (json_object_get_string_member (vars, "ip"), ==, "127.0.0.57");
      g_assert_cmpstr (json_object_get_string_member (vars, "model"), ==, "SIP-T46G");
      g_assert_cmpstr (json_object_get_string_member (vars, "firmware"), ==, "28.72.0.1");
      g_assert_cmpstr (json_object_get_string_member (vars, "remote"), ==, "sip:2002@pbx.example");
      g_assert_true (json_object_has_member (event, "time"));
    }
  serve_stop (serve);
}

/* serve --dir --pnp: a booting phone is answered with the URL of its MAC
 * file, fetches it and applies it. */
static void
test_serve_pnp (void)
{
  guint16          pnp_port = free_udp_port ();
  g_autofree char *dir = g_build_filename (tmp_dir, "tree", NULL);
  g_autofree char *dir_arg = g_strdup_printf ("--dir=%s", dir);
  g_autofree char *pnp_arg = g_strdup_printf ("--pnp-port=%u", pnp_port);
  const char      *serve_args[] = { dir_arg,         "--pnp", pnp_arg, "--address=127.0.0.1",
                                    "--duration=20", NULL };
  Serve           *serve = NULL;
  g_autofree char *target = g_strdup_printf ("--pnp-target=127.0.0.1:%u", pnp_port);
  const char      *sim_args[] = { "--no-prompt",        "--pnp", target, "--pnp-tries=5",
                                  "--pnp-interval=200", NULL };
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autoptr(JsonObject) subscribe = NULL;
  g_autoptr(JsonObject) fetch = NULL;
  g_autofree char *mac_file = g_build_filename (dir, "00304fa99948.cfg", NULL);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (mac_file, fanvil_cfg, -1, NULL));
  serve = serve_start (serve_args);
  json_object_unref (serve_next (serve, "listening"));
  sim = phoneset_test_sim_start_profile ("planet-vip", "127.0.0.58", sim_args);
  subscribe = serve_next (serve, "pnp-subscribe");
  g_assert_cmpstr (json_object_get_string_member (subscribe, "mac"), ==, "00304fa99948");
  g_assert_cmpstr (json_object_get_string_member (subscribe, "vendor"), ==, "PLANET");
  g_assert_cmpstr (json_object_get_string_member (subscribe, "model"), ==, "VIP-2140PT");
  fetch = serve_next (serve, "fetch");
  g_assert_cmpstr (json_object_get_string_member (fetch, "path"), ==, "/00304fa99948.cfg");
  g_assert_cmpint (json_object_get_int_member (fetch, "status"), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (fetch, "user_agent"), ==,
                   "PLANET VIP-2140PT 2.0.3.2991 00304fa99948");
  g_assert_true (phoneset_test_sim_wait (sim, "fetches", 1, 3000));
  assert_applied (sim, "VLAN ID", "42", "pnp");
  g_remove (mac_file);
  g_rmdir (dir);
  serve_stop (serve);
}

static void
remove_tmp (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("phoneset-push-XXXXXX", NULL);

  g_test_add_func ("/push/yealink/autop", test_autop);
  g_test_add_func ("/push/yealink/check-sync", test_check_sync);
  g_test_add_func ("/push/yealink/profile-config", test_profile_config);
  g_test_add_func ("/push/yealink/legacy-url", test_legacy_url);
  g_test_add_func ("/push/yealink/profile-exact", test_profile_exact);
  g_test_add_func ("/push/yealink/firmware-keys", test_firmware_keys);
  for (guint i = 0; i < G_N_ELEMENTS (pnp_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/push/%s/pnp", pnp_cases[i].vendor);

      g_test_add_data_func (path, &pnp_cases[i], test_pnp);
    }
  g_test_add_func ("/push/unsupported-and-timeout", test_unsupported_and_timeout);
  g_test_add_func ("/serve/action-url", test_action_url);
  g_test_add_func ("/serve/pnp", test_serve_pnp);

  status = g_test_run ();
  remove_tmp ();
  g_free (tmp_dir);
  return status;
}
