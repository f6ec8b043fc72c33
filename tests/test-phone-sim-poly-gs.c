/* test-phone-sim-poly-gs.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulated Poly and Grandstream phones, and Phoneset against them on
 * 127.0.0.x: discovery picks their profiles (SIP User-Agent, web identity,
 * the provisioning fetches' User-Agent), files `phoneset export` writes are
 * fetched and applied after a SIP NOTIFY check-sync (Poly through its master
 * file's CONFIG_FILES), a firmware key list is honoured, and Poly's push
 * interface takes Digest-authenticated Key: requests.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "phoneset-catalog.h"
#include "phoneset-discovery.h"
#include "phoneset-fingerprint.h"
#include "phoneset-phone.h"
#include "phoneset-sip-notify.h"
#include "phoneset-test-cli.h"
#include "phoneset-test-sim.h"

#define POLY_MAC "0004f25e7a01"
#define GS_MAC   "000b826f3c2d"

static char *tmp_dir;

/* ---- Helpers ------------------------------------------------------------ */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

typedef struct
{
  const char *user;
  const char *password;
  guint       challenges;
} Credentials;

static gboolean
authenticate_cb (SoupMessage *msg,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 gpointer     user_data)
{
  Credentials *c = user_data;

  c->challenges++;
  g_assert_cmpstr (soup_auth_get_scheme_name (auth), ==, "Digest");
  g_assert_cmpstr (soup_auth_get_realm (auth), ==, "PUSH Authentication");
  if (retrying || c->user == NULL)
    return FALSE;
  soup_auth_authenticate (auth, c->user, c->password);
  return TRUE;
}

/* One request to the simulated phone; returns its status. @user NULL: no
 * credentials (a challenge stays unanswered). */
static guint
http_request (PhonesetTestSim  *sim,
              const char       *method,
              const char       *path,
              const char       *content_type,
              const char       *body,
              const char       *user,
              const char       *password,
              char            **response)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5, NULL);
  g_autofree char *url = g_strdup_printf ("http://%s:%u%s", sim->address, sim->http_port, path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Credentials c = { user, password, 0 };

  /* libsoup 3.2 resends an empty body when it answers a challenge: a GET
   * first (405 once authenticated) leaves the session's Digest auth in
   * place for the POST, which then carries it at once. */
  if (user != NULL && body != NULL)
    {
      g_autoptr(SoupMessage) get = soup_message_new ("GET", url);
      g_autoptr(GBytes) ignored = NULL;

      g_signal_connect (get, "authenticate", G_CALLBACK (authenticate_cb), &c);
      ignored = soup_session_send_and_read (session, get, NULL, &error);
      g_assert_no_error (error);
      if (g_strcmp0 (password, PHONESET_TEST_PASSWORD) == 0)
        g_assert_cmpuint (soup_message_get_status (get), ==, 405);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) b = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, content_type, b);
    }
  g_signal_connect (msg, "authenticate", G_CALLBACK (authenticate_cb), &c);
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s %s: %u %.*s", method, path, soup_message_get_status (msg),
                  (int)g_bytes_get_size (bytes), (const char *)g_bytes_get_data (bytes, NULL));
  if (response != NULL)
    *response = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return soup_message_get_status (msg);
}

static PhonesetCatalog *
load_catalog (void)
{
  const char      *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  PhonesetCatalog *catalog;

  g_assert_nonnull (dirs[0]);
  catalog = phoneset_catalog_new (dirs);
  g_assert_cmpuint (phoneset_catalog_get_errors (catalog)->len, ==, 0);
  return catalog;
}

static const char *
config_value (JsonObject *state,
              const char *key)
{
  JsonObject *config = json_object_get_object_member (state, "config");

  return json_object_has_member (config, key) ? json_object_get_string_member (config, key) : NULL;
}

/* ---- Identity ----------------------------------------------------------- */

typedef struct
{
  const char *vendor;
  const char *address;
  const char *sip_user_agent;
  const char *http_user_agent;
  const char *mac;
  const char *server;
  const char *title;
  const char *profile;
  const char *no_key_path; /* the other vendors' Active URI: 404 here */
} Identity;

static const Identity identities[] = {
  { "poly", "127.0.0.61", "PolycomVVX-VVX_450-UA/6.4.3.5018",
    "FileTransport PolycomVVX-VVX_450-UA/6.4.3.5018", "00:04:f2:5e:7a:01",
    "Polycom SoundPoint IP Telephone HTTPd",
    "<title>Polycom VVX 450 - Web Configuration Utility</title>", "poly-uc", "/servlet?key=OK" },
  { "grandstream", "127.0.0.62", "Grandstream GXP2170 1.0.9.135",
    "Grandstream Model HW GXP2170 SW 1.0.9.135 DevId 000b826f3c2d", "00:0b:82:6f:3c:2d",
    "Grandstream httpd", "<title>Grandstream Device Configuration - GXP2170</title>",
    "grandstream-gxp", "/cgi-bin/ConfigManApp.com?key=OK" },
};

static void
test_identity (gconstpointer data)
{
  const Identity *id = data;
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start (id->vendor, id->address, NULL);
  g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);
  g_autofree char *answer = phoneset_test_sim_sip_options (sim);
  g_autofree char *ua = g_strdup_printf ("\r\nUser-Agent: %s\r\n", id->sip_user_agent);
  g_autofree char *url = g_strdup_printf ("http://%s:%u/", sim->address, sim->http_port);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_str_has_prefix (answer, "SIP/2.0 200 OK\r\n"));
  g_assert_nonnull (strstr (answer, ua));
  g_assert_cmpstr (json_object_get_string_member (state, "http_user_agent"), ==,
                   id->http_user_agent);
  g_assert_cmpstr (json_object_get_string_member (state, "mac"), ==, id->mac);

  page = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Server"),
                   ==, id->server);
  text = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  g_assert_nonnull (strstr (text, id->title));

  /* No Active URI on either; Grandstream has no push interface either. */
  g_assert_cmpuint (http_request (sim, "GET", id->no_key_path, NULL, NULL, NULL, NULL, NULL), ==,
                    404);
  if (g_str_equal (id->vendor, "grandstream"))
    g_assert_cmpuint (http_request (sim, "POST", "/push", "application/x-com-polycom-spipx",
                                    "<PolycomIPPhone/>", NULL, NULL, NULL),
                      ==, 404);
  g_clear_pointer (&state, json_object_unref);
  state = phoneset_test_sim_state (sim);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (state, "keys")), ==, 0);
}

/* ---- Discovery ---------------------------------------------------------- */

static void
discover_run_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  phoneset_discovery_run_finish (PHONESET_DISCOVERY (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* Phoneset's discovery, SIP OPTIONS sweep and web probe, on the phone's own
 * ports; then the User-Agent of its provisioning fetches (what `phoneset
 * serve` sees) against the same rules. */
static void
test_discover (gconstpointer data)
{
  const Identity *id = data;
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start (id->vendor, id->address, NULL);
  g_autoptr(PhonesetCatalog) catalog = load_catalog ();
  PhonesetFingerprintRules *rules = phoneset_catalog_get_fingerprint_rules (catalog);
  g_autoptr(PhonesetDiscovery) discovery = phoneset_discovery_new (rules);
  g_autoptr(GError) error = NULL;
  g_autofree char *subnet = g_strdup_printf ("%s/32", id->address);
  g_autofree char *port = g_strdup_printf ("udp:%u", sim->sip_port);
  g_auto(PhonesetFingerprintMatch) match = { 0 };
  g_auto(GStrv) evidence = NULL;
  g_autoptr(PhonesetPhone) phone = NULL;
  GListModel *phones;
  gboolean    done = FALSE;

  g_assert_true (phoneset_discovery_add_subnet (discovery, subnet, &error));
  g_assert_true (phoneset_discovery_add_port (discovery, port, &error));
  g_assert_no_error (error);
  phoneset_discovery_set_http_ports (discovery, sim->http_port, 0);
  phoneset_discovery_set_neighbour_table (discovery, "");
  phoneset_discovery_set_pnp_address (discovery, NULL, 0);
  phoneset_discovery_set_timeout (discovery, 3000);
  phoneset_discovery_run_async (discovery, NULL, discover_run_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  phones = phoneset_discovery_get_phones (discovery);
  g_assert_cmpuint (g_list_model_get_n_items (phones), ==, 1);
  phone = g_list_model_get_item (phones, 0);
  g_assert_cmpstr (phoneset_phone_get_address (phone), ==, id->address);
  g_assert_cmpstr (phoneset_phone_get_profile_id (phone), ==, id->profile);
  g_assert_cmpstr (phoneset_phone_get_sip_user_agent (phone), ==, id->sip_user_agent);
  g_assert_cmpstr (phoneset_phone_get_http_server (phone), ==, id->server);
  evidence = phoneset_phone_dup_evidence (phone);
  g_assert_true (g_strv_contains ((const char *const *)evidence, "sip-options"));
  if (g_str_equal (id->vendor, "poly"))
    {
      /* The web identity names the vendor, which the profile's HTTP rule
       * matches; Grandstream's HTTP rule is for its fetches' User-Agent. */
      g_assert_true (g_strv_contains ((const char *const *)evidence, "http"));
      g_assert_cmpstr (phoneset_phone_get_vendor (phone), ==, "Poly");
      g_assert_cmpstr (phoneset_phone_get_firmware (phone), ==, "6.4.3.5018");
    }
  else
    {
      g_assert_cmpstr (phoneset_phone_get_vendor (phone), ==, "Grandstream");
      g_assert_cmpstr (phoneset_phone_get_model (phone), ==, "GXP2170");
      g_assert_cmpstr (phoneset_phone_get_firmware (phone), ==, "1.0.9.135");
    }

  g_assert_true (phoneset_fingerprint_rules_match (rules, id->http_user_agent,
                                                   PHONESET_FINGERPRINT_SOURCE_HTTP, &match));
  g_assert_cmpstr (match.profile_id, ==, id->profile);
  if (g_str_equal (id->vendor, "grandstream"))
    g_assert_cmpstr (match.mac, ==, id->mac);
}

/* `phoneset discover`, the program, finds the same by SIP. */
static void
test_discover_cli (gconstpointer data)
{
  const Identity *id = data;
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start (id->vendor, id->address, NULL);
  g_autofree char *subnet = g_strdup_printf ("%s/32", id->address);
  g_autofree char *port = g_strdup_printf ("udp:%u", sim->sip_port);
  const char      *argv[] = { "discover",  "--subnet", subnet,   "--port", port,
                              "--timeout", "2000",     "--json", NULL };
  const char      *env[] = { "PHONESET_NEIGHBOUR_TABLE=", "PHONESET_PNP_ADDRESS=none", NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, env);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray  *found;
  JsonObject *phone;

  g_assert_cmpint (r->status, ==, 0);
  json_parser_load_from_data (parser, r->out, -1, &error);
  g_assert_no_error (error);
  found = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  phone = json_array_get_object_element (found, 0);
  g_assert_cmpstr (json_object_get_string_member (phone, "profile"), ==, id->profile);
  g_assert_cmpstr (json_object_get_string_member (phone, "sip_user_agent"), ==, id->sip_user_agent);
}

/* ---- Export, serve, check-sync ------------------------------------------ */

static void
serve_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  const char      *dir = user_data;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *file = g_build_filename (dir, base, NULL);
  char            *data = NULL;
  gsize            len = 0;

  if (strchr (path + 1, '/') != NULL || !g_file_get_contents (file, &data, &len, NULL))
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_TAKE, data, len);
}

/* A provisioning server on 127.0.0.1 serving @dir; returns its URL. */
static char *
serve_dir (SoupServer *server,
           const char *dir)
{
  g_autoptr(GInetAddress) host = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (host, 0);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char   *url;

  soup_server_add_handler (server, NULL, serve_cb, g_strdup (dir), g_free);
  g_assert_true (soup_server_listen (server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return url;
}

static char *
export_to (const char        *name,
           const char *const *sets)
{
  g_autofree char *dir = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(PhonesetCliResult) r = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; sets[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)sets[i]);
  g_ptr_array_add (argv, "--output");
  g_ptr_array_add (argv, dir);
  g_ptr_array_add (argv, NULL);
  r = phoneset_test_run_cli ((const char *const *)argv->pdata, NULL);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  return g_steal_pointer (&dir);
}

static void
check_sync_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (phoneset_sip_check_sync_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
check_sync (PhonesetTestSim *sim)
{
  gboolean done = FALSE;

  phoneset_sip_check_sync_async (sim->address, sim->sip_port, FALSE, 3, NULL, check_sync_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static JsonObject *
fetch (JsonObject *state,
       guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (state, "fetches"), i);
}

static void
test_check_sync_poly (void)
{
  const char      *export_args[] = { "export",
                                     "--profile",
                                     "poly-uc",
                                     "--mac",
                                     "00:04:F2:5E:7A:01",
                                     "--set",
                                     "nat.static.address=198.51.100.7",
                                     "--set",
                                     "vlan.id=42",
                                     NULL };
  g_autofree char *dir = export_to ("poly", export_args);
  g_autofree char *master = g_build_filename (dir, "000000000000.cfg", NULL);
  g_autofree char *common = g_build_filename (dir, "common.cfg", NULL);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *url = serve_dir (server, dir);
  g_autofree char *url_arg = g_strdup_printf ("--provisioning-url=%s", url);
  const char      *sim_args[] = { url_arg, NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start ("poly", "127.0.0.63", sim_args);
  g_autofree char *mac_url = g_strconcat (url, POLY_MAC ".cfg", NULL);
  g_autoptr(JsonObject) state = NULL;
  JsonArray *listed;

  /* Phoneset writes <mac>-phone.cfg; the common master file lists it, and
   * a common file after it, whose nat.ip the first file's wins over. */
  g_assert_true (g_file_set_contents (master,
                                      "<?xml version=\"1.0\" standalone=\"yes\"?>\n"
                                      "<APPLICATION APP_FILE_PATH=\"sip.ld\" "
                                      "CONFIG_FILES=\"[PHONE_MAC_ADDRESS]-phone.cfg, common.cfg\" "
                                      "MISC_FILES=\"\"/>\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (
    common,
    "<polycomConfig><nat nat.ip=\"203.0.113.1\" nat.keepalive.interval=\"20\"/></polycomConfig>\n",
    -1, NULL));

  check_sync (sim);
  g_assert_true (phoneset_test_sim_wait (sim, "fetches", 4, 5000));
  state = phoneset_test_sim_state (sim);
  g_assert_cmpstr (json_object_get_string_member (fetch (state, 0), "url"), ==, mac_url);
  g_assert_cmpint (json_object_get_int_member (fetch (state, 0), "status"), ==, 404);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (fetch (state, 1), "url"),
                                   "/000000000000.cfg"));
  g_assert_true (json_object_get_boolean_member (fetch (state, 1), "master"));
  listed = json_object_get_array_member (fetch (state, 1), "config_files");
  g_assert_cmpstr (json_array_get_string_element (listed, 0), ==, "[PHONE_MAC_ADDRESS]-phone.cfg");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (fetch (state, 2), "url"),
                                   "/" POLY_MAC "-phone.cfg"));
  for (guint i = 1; i < 4; i++)
    {
      g_assert_cmpstr (json_object_get_string_member (fetch (state, i), "why"), ==, "check-sync");
      g_assert_true (json_object_get_boolean_member (fetch (state, i), "applied"));
    }
  g_assert_cmpstr (config_value (state, "nat.ip"), ==, "198.51.100.7");
  g_assert_cmpstr (config_value (state, "device.net.vlanId"), ==, "42");
  g_assert_cmpstr (config_value (state, "nat.keepalive.interval"), ==, "20");
  /* The master file's attributes are no settings. */
  g_assert_null (config_value (state, "CONFIG_FILES"));
  g_assert_null (config_value (state, "APP_FILE_PATH"));
  soup_server_disconnect (server);
}

static void
test_check_sync_grandstream (void)
{
  const char      *export_args[] = { "export",
                                     "--profile",
                                     "grandstream-gxp",
                                     "--mac",
                                     "00:0B:82:6F:3C:2D",
                                     "--set",
                                     "nat.stun.server=stun.example.org",
                                     "--set",
                                     "line.1.server=pbx.example.com",
                                     NULL };
  g_autofree char *dir = export_to ("gs", export_args);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *url = serve_dir (server, dir);
  g_autofree char *url_arg = NULL;
  g_autofree char *mac_url = NULL;
  const char      *sim_args[] = { NULL, NULL };
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autoptr(JsonObject) state = NULL;

  /* The Config Server Path without the trailing slash: a folder still. */
  url[strlen (url) - 1] = '\0';
  url_arg = g_strdup_printf ("--provisioning-url=%s", url);
  sim_args[0] = url_arg;
  sim = phoneset_test_sim_start ("grandstream", "127.0.0.64", sim_args);
  check_sync (sim);
  g_assert_true (phoneset_test_sim_wait (sim, "fetches", 1, 5000));
  state = phoneset_test_sim_state (sim);
  mac_url = g_strconcat (url, "/cfg" GS_MAC ".xml", NULL);
  g_assert_cmpstr (json_object_get_string_member (fetch (state, 0), "url"), ==, mac_url);
  g_assert_cmpint (json_object_get_int_member (fetch (state, 0), "status"), ==, 200);
  g_assert_true (json_object_get_boolean_member (fetch (state, 0), "applied"));
  g_assert_cmpstr (config_value (state, "P76"), ==, "stun.example.org");
  g_assert_cmpstr (config_value (state, "P47"), ==, "pbx.example.com");
  soup_server_disconnect (server);
}

/* Alias names (<item name="…">) of the newer firmware, in a file of the
 * grandstream-alias profile, and a key list naming one of them: the
 * others are ignored, as a real firmware ignores what it does not read. */
static void
test_check_sync_grandstream_alias (void)
{
  const char      *export_args[] = { "export",
                                     "--profile",
                                     "grandstream-alias",
                                     "--mac",
                                     "00:0B:82:6F:3C:2D",
                                     "--set",
                                     "nat.stun.server=stun.example.org",
                                     "--set",
                                     "line.1.number=1001",
                                     NULL };
  g_autofree char *dir = export_to ("gs-alias", export_args);
  g_autofree char *keys = g_build_filename (tmp_dir, "gs-alias.keys", NULL);
  g_autofree char *keys_arg = g_strdup_printf ("--firmware=%s", keys);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *url = serve_dir (server, dir);
  g_autofree char *url_arg = g_strdup_printf ("--provisioning-url=%s", url);
  const char      *sim_args[] = { url_arg, keys_arg, "--firmware-version=1.0.11.79", NULL };
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autoptr(JsonObject) state = NULL;
  JsonArray *ignored;

  g_assert_true (g_file_set_contents (
    keys, "grandstream-alias-xml\tgs_provision/config/item[network.stunServer]\ttest\n", -1, NULL));
  sim = phoneset_test_sim_start ("grandstream", "127.0.0.65", sim_args);
  check_sync (sim);
  g_assert_true (phoneset_test_sim_wait (sim, "fetches", 1, 5000));
  state = phoneset_test_sim_state (sim);
  g_assert_true (json_object_get_boolean_member (state, "firmware_keys_loaded"));
  g_assert_true (json_object_get_boolean_member (fetch (state, 0), "applied"));
  g_assert_cmpstr (config_value (state, "network.stunServer"), ==, "stun.example.org");
  g_assert_null (config_value (state, "account.1.sip.userid"));
  ignored = json_object_get_array_member (fetch (state, 0), "ignored");
  g_assert_cmpuint (json_array_get_length (ignored), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (ignored, 0), ==, "account.1.sip.userid");
  soup_server_disconnect (server);
}

/* A Poly key list: nat.ip read, device.net.vlanId not. */
static void
test_firmware_keys_poly (void)
{
  const char      *export_args[] = { "export",
                                     "--profile",
                                     "poly-uc",
                                     "--mac",
                                     "00:04:F2:5E:7A:01",
                                     "--set",
                                     "nat.static.address=198.51.100.7",
                                     "--set",
                                     "vlan.id=42",
                                     NULL };
  g_autofree char *dir = export_to ("poly-keys", export_args);
  g_autofree char *keys = g_build_filename (tmp_dir, "poly.keys", NULL);
  g_autofree char *keys_arg = g_strdup_printf ("--firmware=%s", keys);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *base = serve_dir (server, dir);
  /* A URL naming the file: taken as it is. */
  g_autofree char *url_arg = g_strdup_printf ("--provisioning-url=%s" POLY_MAC "-phone.cfg", base);
  const char      *sim_args[] = { url_arg, keys_arg, NULL };
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autoptr(JsonObject) state = NULL;

  g_assert_true (g_file_set_contents (keys, "poly-xml\tnat.ip\ttest\n", -1, NULL));
  sim = phoneset_test_sim_start ("poly", "127.0.0.66", sim_args);
  check_sync (sim);
  g_assert_true (phoneset_test_sim_wait (sim, "fetches", 1, 5000));
  state = phoneset_test_sim_state (sim);
  g_assert_true (json_object_get_boolean_member (fetch (state, 0), "applied"));
  g_assert_cmpstr (config_value (state, "nat.ip"), ==, "198.51.100.7");
  g_assert_null (config_value (state, "device.net.vlanId"));
  g_assert_cmpstr (
    json_array_get_string_element (json_object_get_array_member (fetch (state, 0), "ignored"), 0),
    ==, "device.net.vlanId");
  soup_server_disconnect (server);
}

/* `phoneset serve --dir D --notify PHONE`: the phone's provisioning server is
 * this serve; the NOTIFY makes it fetch its file from there now, and serve
 * prints the fetch and the phone's answer to the NOTIFY. */
static void
test_serve_notify (void)
{
  const char      *export_args[] = { "export",
                                     "--profile",
                                     "grandstream-gxp",
                                     "--mac",
                                     "00:0B:82:6F:3C:2D",
                                     "--set",
                                     "nat.stun.server=stun.example.org",
                                     NULL };
  g_autofree char *dir = export_to ("gs-serve", export_args);
  g_autoptr(GSocket) probe = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) serve = NULL;
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url_arg = NULL;
  g_autofree char *port_arg = NULL;
  g_autofree char *notify_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char      *sim_args[] = { NULL, NULL };
  guint16          port;

  /* A free port for serve, which the phone is set to before it starts. */
  g_assert_true (g_socket_bind (probe, any, FALSE, &error));
  bound = g_socket_get_local_address (probe, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (probe, NULL);
  url_arg = g_strdup_printf ("--provisioning-url=http://127.0.0.1:%u/", port);
  sim_args[0] = url_arg;
  sim = phoneset_test_sim_start ("grandstream", "127.0.0.68", sim_args);

  port_arg = g_strdup_printf ("--port=%u", port);
  notify_arg = g_strdup_printf ("--notify=127.0.0.68:%u", sim->sip_port);
  serve = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PHONESET_BIN"), "serve",
                                       "--dir", dir, port_arg, notify_arg, "--duration=3", NULL);
  g_assert_no_error (error);
  g_assert_true (phoneset_test_sim_wait (sim, "fetches", 1, 5000));
  g_assert_true (g_subprocess_communicate_utf8 (serve, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (serve));

  state = phoneset_test_sim_state (sim);
  g_assert_cmpint (json_object_get_int_member (fetch (state, 0), "status"), ==, 200);
  g_assert_true (json_object_get_boolean_member (fetch (state, 0), "applied"));
  g_assert_cmpstr (config_value (state, "P76"), ==, "stun.example.org");
  g_assert_nonnull (strstr (out, "\"type\":\"check-sync\""));
  g_assert_nonnull (strstr (out, "\"answered\":true"));
  g_assert_nonnull (strstr (out, "\"path\":\"/cfg" GS_MAC ".xml\""));
}

/* A --notify that is not an IP address is refused before anything listens. */
static void
test_serve_notify_bad (void)
{
  g_autoptr(GSubprocess) serve = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  serve = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error, g_getenv ("PHONESET_BIN"), "serve", "--dir", tmp_dir,
                            "--notify=phone.example:5060", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (serve, NULL, NULL, NULL, &err, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (serve), ==, 2);
  g_assert_nonnull (strstr (err, "--notify takes a phone's IP address"));
}

/* ---- Poly push ---------------------------------------------------------- */

#define SPIPX "application/x-com-polycom-spipx"

static void
test_push (void)
{
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start ("poly", "127.0.0.67", NULL);
  const char *body = "<PolycomIPPhone><Data priority=\"Critical\">Key:VolDown\n"
                     "Key:DialPad1\n</Data></PolycomIPPhone>";
  g_autoptr(GString) big = g_string_new ("<PolycomIPPhone><Data priority=\"Normal\">");
  g_autoptr(JsonObject) state = NULL;
  JsonArray  *keys;
  JsonObject *request;

  /* No credentials, wrong ones: the Digest challenge. */
  g_assert_cmpuint (http_request (sim, "POST", "/push", SPIPX, body, NULL, NULL, NULL), ==, 401);
  g_assert_cmpuint (http_request (sim, "POST", "/push", SPIPX, body, "admin", "wrong", NULL), ==,
                    401);
  /* Authenticated: the wrong content type, bad XML, too long. */
  g_assert_cmpuint (
    http_request (sim, "POST", "/push", "text/xml", body, "admin", PHONESET_TEST_PASSWORD, NULL),
    ==, 415);
  g_assert_cmpuint (http_request (sim, "POST", "/push", SPIPX, "<PolycomIPPhone><Data>Key:",
                                  "admin", PHONESET_TEST_PASSWORD, NULL),
                    ==, 400);
  g_assert_cmpuint (http_request (sim, "POST", "/push", SPIPX, "<NotPolycom/>", "admin",
                                  PHONESET_TEST_PASSWORD, NULL),
                    ==, 400);
  while (big->len <= 2048)
    g_string_append (big, "Key:DialPad0\n");
  g_string_append (big, "</Data></PolycomIPPhone>");
  g_assert_cmpuint (
    http_request (sim, "POST", "/push", SPIPX, big->str, "admin", PHONESET_TEST_PASSWORD, NULL), ==,
    413);
  state = phoneset_test_sim_state (sim);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (state, "keys")), ==, 0);
  g_clear_pointer (&state, json_object_unref);

  g_assert_cmpuint (
    http_request (sim, "POST", "/push", SPIPX, body, "admin", PHONESET_TEST_PASSWORD, NULL), ==,
    200);
  /* No priority: Normal. */
  g_assert_cmpuint (http_request (sim, "POST", "/push", SPIPX,
                                  "<PolycomIPPhone><Data>Key:Line1</Data></PolycomIPPhone>",
                                  "admin", PHONESET_TEST_PASSWORD, NULL),
                    ==, 200);
  state = phoneset_test_sim_state (sim);
  keys = json_object_get_array_member (state, "keys");
  g_assert_cmpuint (json_array_get_length (keys), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (keys, 0), "key"),
                   ==, "VolDown");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (keys, 1), "key"),
                   ==, "DialPad1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (keys, 2), "key"),
                   ==, "Line1");
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *key = json_array_get_object_element (keys, i);

      g_assert_cmpstr (json_object_get_string_member (key, "path"), ==, "/push");
      g_assert_true (json_object_get_boolean_member (key, "known"));
      g_assert_true (json_object_get_boolean_member (key, "executed"));
    }
  request = json_array_get_object_element (json_object_get_array_member (state, "requests"), 0);
  g_assert_cmpint (json_object_get_int_member (request, "keys"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (request, "query"), ==, "Critical");
  request = json_array_get_object_element (json_object_get_array_member (state, "requests"), 1);
  g_assert_cmpstr (json_object_get_string_member (request, "query"), ==, "Normal");
}

/* ---- The REST API (push --via rest) ------------------------------------ */

/* The simulated Poly phone with its REST API on, over HTTPS. */
static PhonesetTestSim *
start_rest_sim (const char        *address,
                const char *const *more)
{
  g_autofree char *cert = g_test_build_filename (G_TEST_DIST, "phone-sim", "test-cert1.pem", NULL);
  g_autofree char *key = g_test_build_filename (G_TEST_DIST, "phone-sim", "test-key1.pem", NULL);
  g_autofree char *cert_arg = g_strdup_printf ("--tls-cert=%s", cert);
  g_autofree char *key_arg = g_strdup_printf ("--tls-key=%s", key);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  PhonesetTestSim *sim;

  g_ptr_array_add (args, "--https-port=0");
  g_ptr_array_add (args, cert_arg);
  g_ptr_array_add (args, key_arg);
  for (guint i = 0; more != NULL && more[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)more[i]);
  g_ptr_array_add (args, NULL);
  sim = phoneset_test_sim_start ("poly", address, (const char *const *)args->pdata);
  g_assert_cmpuint (sim->https_port, >, 0);
  return sim;
}

static PhonesetCliResult *
push_rest (PhonesetTestSim *sim,
           const char      *file,
           const char      *password)
{
  g_autofree char   *phone = g_strdup_printf ("%s:%u", sim->address, sim->https_port);
  g_autofree char   *file_arg = g_strdup_printf ("--file=%s", file);
  g_autofree char   *pw = g_strdup_printf ("PHONESET_TEST_PW=%s", password);
  g_autofree char   *xdg_dir = g_dir_make_tmp ("phoneset-rest-XXXXXX", NULL);
  g_autofree char   *xdg = g_strdup_printf ("XDG_DATA_HOME=%s", xdg_dir);
  const char        *env[] = { pw, xdg, NULL };
  const char        *argv[] = { "push",
                                phone,
                                "--profile=poly-uc",
                                "--https",
                                "--trust-new-certificate",
                                "--via=rest",
                                file_arg,
                                "--password-env=PHONESET_TEST_PW",
                                NULL };
  PhonesetCliResult *r = phoneset_test_run_cli (argv, env);

  g_test_message ("%s%s", r->out, r->err);
  /* Never the password, in any output. */
  g_assert_null (strstr (r->out, password));
  g_assert_null (strstr (r->err, password));
  return r;
}

static char *
export_rest_file (const char *name)
{
  const char      *export_args[] = { "export",
                                     "--profile",
                                     "poly-uc",
                                     "--mac",
                                     "00:04:F2:5E:7A:01",
                                     "--set",
                                     "nat.static.address=198.51.100.7",
                                     "--set",
                                     "vlan.id=42",
                                     NULL };
  g_autofree char *dir = export_to (name, export_args);

  return g_build_filename (dir, POLY_MAC "-phone.cfg", NULL);
}

/* The file's settings go through config/set, are read back, and the
 * phone holds them; nothing is fetched. */
static void
test_rest_push (void)
{
  const char *more[] = { "--rest-api", NULL };
  g_autoptr(PhonesetTestSim) sim = start_rest_sim ("127.0.0.76", more);
  g_autofree char *file = export_rest_file ("rest-push");
  g_autoptr(PhonesetCliResult) r = push_rest (sim, file, PHONESET_TEST_PASSWORD);
  g_autoptr(JsonObject) state = NULL;

  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "set and read back"));
  state = phoneset_test_sim_state (sim);
  g_assert_cmpstr (config_value (state, "nat.ip"), ==, "198.51.100.7");
  g_assert_cmpstr (config_value (state, "device.net.vlanId"), ==, "42");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (state, "fetches")), ==, 0);
}

/* A setting the firmware ignores: the read back shows it, and the push
 * fails naming it. */
static void
test_rest_ignored (void)
{
  g_autofree char *keys = g_build_filename (tmp_dir, "rest.keys", NULL);
  g_autofree char *keys_arg = g_strdup_printf ("--firmware=%s", keys);
  const char      *more[] = { "--rest-api", keys_arg, NULL };
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autofree char *file = export_rest_file ("rest-ignored");
  g_autoptr(PhonesetCliResult) r = NULL;

  g_assert_true (g_file_set_contents (keys, "poly-xml\tnat.ip\ttest\n", -1, NULL));
  sim = start_rest_sim ("127.0.0.77", more);
  r = push_rest (sim, file, PHONESET_TEST_PASSWORD);
  g_assert_cmpint (r->status, !=, 0);
  g_assert_nonnull (strstr (r->err, "device.net.vlanId: not reported"));
  g_assert_null (strstr (r->err, "nat.ip:"));
}

/* The REST API off (404), and the factory admin password (4010): each in
 * the phone's own terms. */
static void
test_rest_refused (void)
{
  g_autoptr(PhonesetTestSim) off = start_rest_sim ("127.0.0.78", NULL);
  g_autofree char *file = export_rest_file ("rest-refused");
  g_autoptr(PhonesetCliResult) r = push_rest (off, file, PHONESET_TEST_PASSWORD);
  g_autoptr(PhonesetCliResult) wrong = NULL;

  g_assert_cmpint (r->status, !=, 0);
  g_assert_nonnull (strstr (r->err, "apps.restapi.enabled"));
  g_assert_nonnull (strstr (r->err, "404"));

  {
    const char *more[] = { "--rest-api", NULL };
    g_autoptr(PhonesetTestSim) on = start_rest_sim ("127.0.0.79", more);

    wrong = push_rest (on, file, "not-the-password");
    g_assert_cmpint (wrong->status, !=, 0);
    g_assert_nonnull (strstr (wrong->err, "“Polycom”"));
    g_assert_nonnull (strstr (wrong->err, "401"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("phoneset-sim-pgs-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (identities); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phone-sim/identity/%s", identities[i].vendor);
      g_autofree char *path2 = g_strdup_printf ("/phone-sim/discover/%s", identities[i].vendor);
      g_autofree char *path3 = g_strdup_printf ("/phone-sim/discover-cli/%s", identities[i].vendor);

      g_test_add_data_func (path, &identities[i], test_identity);
      g_test_add_data_func (path2, &identities[i], test_discover);
      g_test_add_data_func (path3, &identities[i], test_discover_cli);
    }
  g_test_add_func ("/phone-sim/check-sync/poly", test_check_sync_poly);
  g_test_add_func ("/phone-sim/check-sync/grandstream", test_check_sync_grandstream);
  g_test_add_func ("/phone-sim/check-sync/grandstream-alias", test_check_sync_grandstream_alias);
  g_test_add_func ("/phone-sim/firmware-keys/poly", test_firmware_keys_poly);
  g_test_add_func ("/phone-sim/push/poly", test_push);
  g_test_add_func ("/phone-sim/serve-notify/grandstream", test_serve_notify);
  g_test_add_func ("/phone-sim/serve-notify/bad", test_serve_notify_bad);
  g_test_add_func ("/phone-sim/rest/push", test_rest_push);
  g_test_add_func ("/phone-sim/rest/ignored", test_rest_ignored);
  g_test_add_func ("/phone-sim/rest/refused", test_rest_refused);

  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
