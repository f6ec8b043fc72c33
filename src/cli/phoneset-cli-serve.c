/* phoneset-cli-serve.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * phoneset serve [--dir DIR] [--address IP] [--port N] [--pnp] [--notify IP[:PORT]] [--action-url
 *                [--accept-unknown-phones]] [--user U --password-env VAR
 *                [--auth basic|digest]]: a
 * provisioning server for a small site (the tree, no listing, no path
 * traversal, optional auth), SIP PnP responder and Action URL receiver,
 * printing what happens as JSON lines: which phone (by MAC, from its
 * User-Agent or file name) fetched which file, and when.
 *
 * It listens on --address only: 127.0.0.1 (this computer) unless told
 * otherwise, 0.0.0.0 (every interface) only when given. Action URL events
 * are taken from the phones of the inventory (the window's list) only,
 * unless --accept-unknown-phones.
 */

#define G_LOG_DOMAIN "phoneset-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phoneset-action-url.h"
#include "phoneset-address.h"
#include "phoneset-cli-private.h"
#include "phoneset-error.h"
#include "phoneset-fleet.h"
#include "phoneset-inventory.h"
#include "phoneset-paths.h"
#include "phoneset-pnp-responder.h"
#include "phoneset-provision-server.h"
#include "phoneset-remote.h"
#include "phoneset-sip-notify.h"

typedef struct
{
  GMainLoop *loop;
  guint16    port;
  char      *address;
  char      *dir;
  GPtrArray *profiles;
} Serve;

static void
print_line (JsonObject *object)
{
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
  fflush (stdout);
}

static JsonObject *
line_new (const char *type)
{
  JsonObject *object = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);

  json_object_set_string_member (object, "type", type);
  json_object_set_string_member (object, "time", time);
  return object;
}

static void
fetched_cb (PhonesetProvisionServer *server,
            const char              *path,
            const char              *peer,
            const char              *user_agent,
            guint                    status,
            guint64                  bytes,
            gpointer                 user_data)
{
  g_autoptr(JsonObject) line = line_new ("fetch");
  g_autofree char *mac = phoneset_fleet_mac_from_request (path, user_agent);

  json_object_set_string_member (line, "from", peer);
  json_object_set_string_member (line, "mac", mac);
  json_object_set_string_member (line, "path", path);
  json_object_set_string_member (line, "user_agent", user_agent);
  json_object_set_int_member (line, "status", status);
  json_object_set_int_member (line, "bytes", bytes);
  print_line (line);
}

static void
action_url_cb (PhonesetProvisionServer *server,
               PhonesetActionUrlEvent  *event,
               gpointer                 user_data)
{
  g_autoptr(JsonObject) line = phoneset_action_url_event_to_json (event);

  json_object_set_string_member (line, "type", "action-url");
  print_line (line);
}

static void
rejected_cb (PhonesetProvisionServer *server,
             const char              *peer,
             guint                    status,
             gpointer                 user_data)
{
  g_autoptr(JsonObject) line = line_new ("rejected");

  json_object_set_string_member (line, "from", peer);
  json_object_set_int_member (line, "status", status);
  print_line (line);
}

/* Once per address. */
static void
unknown_phone_cb (PhonesetProvisionServer *server,
                  const char              *peer,
                  gpointer                 user_data)
{
  g_autoptr(JsonObject) line = line_new ("action-url-ignored");

  json_object_set_string_member (line, "from", peer);
  json_object_set_string_member (
    line, "reason",
    _("Not a phone of the inventory: its Action URL events are ignored (add the phone, or "
                                   "give --accept-unknown-phones)."));
  print_line (line);
}

/* This computer's IPv4 addresses other than loopback, for the hint. */
static char *
lan_addresses (void)
{
  g_auto(GStrv) addresses = phoneset_address_list_local_ipv4 ();

  return g_strjoinv (", ", addresses);
}

static char *
pnp_url (const char *mac,
         const char *address,
         const char *vendor,
         const char *model,
         gpointer    user_data)
{
  Serve *serve = user_data;

  return phoneset_fleet_pnp_url_served (serve->profiles, serve->dir, serve->address, serve->port,
                                        mac, address, vendor);
}

static void
subscribed_cb (PhonesetPnpResponder *responder,
               const char           *mac,
               const char           *address,
               const char           *vendor,
               const char           *model,
               const char           *url,
               gpointer              user_data)
{
  g_autoptr(JsonObject) line = line_new ("pnp-subscribe");

  json_object_set_string_member (line, "from", address);
  json_object_set_string_member (line, "mac", mac);
  json_object_set_string_member (line, "vendor", vendor);
  json_object_set_string_member (line, "model", model);
  json_object_set_string_member (line, "url", url);
  print_line (line);
}

static void
answered_cb (PhonesetPnpResponder *responder,
             const char           *mac,
             const char           *address,
             const char           *url,
             guint                 status,
             gpointer              user_data)
{
  g_autoptr(JsonObject) line = line_new ("pnp-answered");

  json_object_set_string_member (line, "from", address);
  json_object_set_string_member (line, "mac", mac);
  json_object_set_string_member (line, "url", url);
  json_object_set_int_member (line, "status", status);
  print_line (line);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* One action-url-config line per profile that writes Action URLs: the
 * entries that point them here, under that profile's own keys (each
 * firmware generation its own: Yealink V8x action_url.registered, the one
 * before it action_url.log_on). */
static void
print_action_url_config (PhonesetCatalog *catalog,
                         const char      *base)
{
  GPtrArray *profiles = phoneset_catalog_get_profiles (catalog);

  for (guint i = 0; i < profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, i);
      g_autoptr(JsonObject) entries = phoneset_catalog_dup_action_url_entries (
        catalog, phoneset_profile_get_id (profile), base, NULL);
      g_autoptr(JsonObject) line = NULL;
      g_autofree char *vendor = NULL;
      g_autoptr(JsonArray) unconfirmed = json_array_new ();
      GPtrArray        *settings = phoneset_profile_get_settings (profile);
      PhonesetCfgFormat format;

      if (entries == NULL || !phoneset_profile_get_file_format (profile, &format))
        continue;
      for (guint j = 0; j < settings->len; j++)
        {
          PhonesetSetting *setting = g_ptr_array_index (settings, j);
          g_autofree char *url = phoneset_action_url_setting_url (setting, base);
          PhonesetCfgKey   key;

          if (url != NULL && g_str_equal (phoneset_setting_get_confidence (setting), "U") &&
              phoneset_setting_get_cfg_key (setting, format, 0, &key))
            json_array_add_string_element (unconfirmed, key.key);
        }
      line = line_new ("action-url-config");
      vendor = g_ascii_strdown (phoneset_profile_get_vendor (profile), -1);
      json_object_set_string_member (line, "vendor", vendor);
      json_object_set_string_member (line, "profile", phoneset_profile_get_id (profile));
      json_object_set_string_member (line, "format", phoneset_cfg_format_to_string (format));
      json_object_set_object_member (line, "entries", g_steal_pointer (&entries));
      if (json_array_get_length (unconfirmed) > 0)
        {
          json_object_set_string_member (line, "note",
                                         _("Some of these settings' names are unconfirmed [U]."));
          json_object_set_array_member (line, "unconfirmed", g_steal_pointer (&unconfirmed));
        }
      print_line (line);
    }
}

/* "IP" or "IP:PORT" (SIP port 5060 by default): an address, not a name,
 * since the NOTIFY goes to the phone itself. */
static gboolean
parse_notify_target (const char  *text,
                     char       **ip,
                     guint16     *port)
{
  g_autofree char *host = NULL;

  if (!phoneset_address_parse (text, 5060, &host, port, NULL) || !g_hostname_is_ip_address (host))
    return FALSE;
  if (ip != NULL)
    *ip = g_steal_pointer (&host);
  return TRUE;
}

static void
notified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree char *to = user_data;
  g_autoptr(JsonObject) line = line_new ("check-sync");
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (line, "to", to);
  if (phoneset_sip_check_sync_finish (result, &error))
    json_object_set_boolean_member (line, "answered", TRUE);
  else
    {
      json_object_set_boolean_member (line, "answered", FALSE);
      json_object_set_string_member (line, "error", error->message);
    }
  print_line (line);
}

/* A SIP NOTIFY (Event: check-sync) to each --notify phone: a phone whose
 * provisioning server is this one fetches its files again without a
 * restart (its profile says whether its firmware is known to). */
static void
notify_phones (char **targets)
{
  for (guint i = 0; targets != NULL && targets[i] != NULL; i++)
    {
      g_autofree char *ip = NULL;
      guint16          port = 5060;

      if (!parse_notify_target (targets[i], &ip, &port))
        continue;
      phoneset_sip_check_sync_async (ip, port, FALSE, 5, NULL, notified_cb,
                                     g_strdup_printf ("%s:%u", ip, port));
    }
}

/* The command line. */
typedef struct
{
  char    *dir;
  char    *address;
  int      port;
  int      pnp_port;
  int      duration;
  gboolean pnp;
  gboolean action_url;
  gboolean accept_unknown;
  char    *user;
  char    *password_env;
  char    *auth;
  char   **notify;
} ServeArgs;

static void
serve_args_clear (ServeArgs *args)
{
  g_free (args->dir);
  g_free (args->address);
  g_free (args->user);
  g_free (args->password_env);
  g_free (args->auth);
  g_strfreev (args->notify);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ServeArgs, serve_args_clear)

/* The options go together, and DIR and the password are there. */
static gboolean
check_args (const ServeArgs *args,
            int              argc)
{
  if (argc != 1 || args->port < 0 || args->port > 65535 || args->pnp_port < 0 ||
      args->pnp_port > 65535 || args->duration < 0)
    {
      _phoneset_cli_error (_("Bad arguments (see “phoneset serve --help”)."));
      return FALSE;
    }
  if (args->dir == NULL && !args->action_url)
    {
      _phoneset_cli_error (_("Nothing to serve: give --dir DIR and/or --action-url."));
      return FALSE;
    }
  if (args->pnp && args->dir == NULL)
    {
      _phoneset_cli_error (_("--pnp answers phones with a file of --dir DIR: give --dir."));
      return FALSE;
    }
  if (args->pnp && args->address == NULL)
    {
      g_autofree char *lan = lan_addresses ();

      _phoneset_cli_error (
        _("--pnp answers phones on their network: give --address with this computer's address "
                             "there (%s), or --address 0.0.0.0 for every interface."),
           lan[0] ? lan : _("none found"));
      return FALSE;
    }
  if (args->notify != NULL && args->dir == NULL)
    {
      _phoneset_cli_error (
        _("--notify tells phones to fetch their files from --dir DIR: give --dir."));
      return FALSE;
    }
  for (guint i = 0; args->notify != NULL && args->notify[i] != NULL; i++)
    if (!parse_notify_target (args->notify[i], NULL, NULL))
      {
        _phoneset_cli_error (
          _("--notify takes a phone's IP address, with its SIP port if not 5060 "
                               "(192.0.2.10 or 192.0.2.10:5062), not “%s”."),
             args->notify[i]);
        return FALSE;
      }
  if (args->accept_unknown && !args->action_url)
    {
      _phoneset_cli_error (
        _("--accept-unknown-phones is about Action URL events: give --action-url too."));
      return FALSE;
    }
  if (args->dir != NULL && !g_file_test (args->dir, G_FILE_TEST_IS_DIR))
    {
      _phoneset_cli_error (_("“%s” is not a directory."), args->dir);
      return FALSE;
    }

  if ((args->user == NULL) != (args->password_env == NULL) ||
      (args->auth != NULL && args->user == NULL))
    {
      _phoneset_cli_error (_("Auth needs both --user U and --password-env VAR (the password is never taken from the command line)."));
      return FALSE;
    }
  if (args->auth != NULL && !g_str_equal (args->auth, "basic") &&
      !g_str_equal (args->auth, "digest"))
    {
      _phoneset_cli_error (_("--auth is basic or digest."));
      return FALSE;
    }
  if (args->password_env != NULL && g_getenv (args->password_env) == NULL)
    {
      _phoneset_cli_error (_("The environment variable %s is not set: put the password in it."),
                              args->password_env);
      return FALSE;
    }
  return TRUE;
}

/* The HTTP server, set up from the options (with the inventory's phones
 * for Action URL events), listening. NULL with @exit_code set. */
static PhonesetProvisionServer *
start_server (const ServeArgs    *args,
              Serve              *serve,
              PhonesetInventory **inventory,
              int                *exit_code)
{
  g_autoptr(PhonesetProvisionServer) server = phoneset_provision_server_new ();
  g_autoptr(GError) error = NULL;

  if (args->user != NULL)
    phoneset_provision_server_set_auth (server, args->user, g_getenv (args->password_env),
                                        args->auth == NULL || g_str_equal (args->auth, "digest"));
  phoneset_provision_server_set_directory (server, args->dir);
  phoneset_provision_server_set_action_url (server, args->action_url);
  phoneset_provision_server_set_accept_unknown (server, args->accept_unknown);
  if (args->action_url && !args->accept_unknown)
    {
      g_autofree char *data_dir = phoneset_paths_data_dir ();

      *inventory = phoneset_inventory_new (data_dir, serve->profiles);
      if (!phoneset_inventory_load (*inventory, &error))
        {
          _phoneset_cli_error (
            _("The inventory of phones could not be read (%s): repair it in the window, or give "
                                 "--accept-unknown-phones."),
               error->message);
          *exit_code = PHONESET_EXIT_FAILED;
          return NULL;
        }
      phoneset_provision_server_set_known_phones (server,
                                                  phoneset_inventory_get_phones (*inventory));
    }
  if (!phoneset_provision_server_listen (server, serve->address, args->port, &error))
    {
      _phoneset_cli_error ("%s", error->message);
      *exit_code = PHONESET_EXIT_FAILED;
      return NULL;
    }
  return g_steal_pointer (&server);
}

/* The "listening" line, and a hint when phones cannot reach the server. */
static void
print_listening (const ServeArgs      *args,
                 const char           *base,
                 PhonesetPnpResponder *responder)
{
  g_autoptr(JsonObject) listening = line_new ("listening");

  json_object_set_string_member (listening, "url", base);
  if (args->dir != NULL)
    json_object_set_string_member (listening, "dir", args->dir);
  if (args->user != NULL)
    json_object_set_string_member (listening, "auth", args->auth ? args->auth : "digest");
  if (responder != NULL)
    json_object_set_int_member (listening, "pnp_port", phoneset_pnp_responder_get_port (responder));
  print_line (listening);
  if (args->address == NULL)
    {
      g_autofree char *lan = lan_addresses ();

      g_printerr (_("Listening on 127.0.0.1 only: phones cannot reach it. Give --address with this computer's "
                    "address on their network (%s), or --address 0.0.0.0 for every interface.\n"),
        lan[0] ? lan : _("none found"));
    }
}

/* Until Ctrl+C, SIGTERM or --duration. */
static void
run_until_stopped (Serve *serve,
                   int    duration)
{
  serve->loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, serve->loop);
  g_unix_signal_add (SIGTERM, quit_cb, serve->loop);
  if (duration > 0)
    g_timeout_add_seconds (duration, quit_cb, serve->loop);
  g_main_loop_run (serve->loop);
  g_main_loop_unref (serve->loop);
}

int
_phoneset_cli_serve (int    argc,
                     char **argv)
{
  g_auto(ServeArgs) args = { .pnp_port = 5060 };
  /* clang-format off */
  GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &args.dir, N_("Serve the files of DIR"), "DIR" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &args.address,
      N_("Listen on this address only (default 127.0.0.1, this computer; 0.0.0.0 for every interface)"), "IP" },
    { "port", 0, 0, G_OPTION_ARG_INT, &args.port, N_("HTTP port (default: any free port)"), "N" },
    { "pnp", 0, 0, G_OPTION_ARG_NONE, &args.pnp,
      N_("Answer SIP PnP SUBSCRIBEs with the URL of the phone's MAC file in DIR"), NULL },
    { "pnp-port", 0, 0, G_OPTION_ARG_INT, &args.pnp_port,
      N_("UDP port for SIP PnP (default 5060)"), "N" },
    { "action-url", 0, 0, G_OPTION_ARG_NONE, &args.action_url,
      N_("Receive Action URL events at /action-url/EVENT"), NULL },
    { "accept-unknown-phones", 0, 0, G_OPTION_ARG_NONE, &args.accept_unknown,
      N_("Take Action URL events from any address, not only from the phones of the inventory"), NULL },
    { "duration", 0, 0, G_OPTION_ARG_INT, &args.duration,
      N_("Stop after S seconds (default: at Ctrl+C)"), "S" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &args.user,
      N_("Ask for this user name on every file (set the same in the phones)"), "U" },
    { "password-env", 0, 0, G_OPTION_ARG_STRING, &args.password_env,
      N_("The environment variable holding the password for --user"), "VAR" },
    { "auth", 0, 0, G_OPTION_ARG_STRING, &args.auth,
      N_("basic or digest (default digest)"), "SCHEME" },
    { "notify", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.notify,
      N_("Once listening, send this phone a SIP NOTIFY check-sync so that it fetches its files now "
         "(repeatable; IP or IP:PORT)"), "IP" },
    { NULL },
  };
  /* clang-format on */
  g_autoptr(GOptionContext) context = g_option_context_new (
    _("— serve provisioning files, answer PnP, receive Action URL events"));
  g_autoptr(PhonesetProvisionServer) server = NULL;
  g_autoptr(PhonesetPnpResponder) responder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autoptr(PhonesetCatalog) catalog = NULL;
  GPtrArray *profiles = NULL;
  g_autoptr(PhonesetInventory) inventory = NULL;
  Serve serve = { 0 };
  int   exit_code = PHONESET_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (
    context,
    _("Prints one JSON object per line: listening, fetch, pnp-subscribe, "
                                               "pnp-answered, check-sync, action-url, action-url-config, action-url-ignored, rejected."));
  if (!_phoneset_cli_parse_options (context, &argc, &argv))
    return PHONESET_EXIT_USAGE;
  if (!check_args (&args, argc))
    return PHONESET_EXIT_USAGE;

  serve.address = args.address ? args.address : (char *)"127.0.0.1";
  serve.dir = args.dir;
  if (args.pnp || args.action_url)
    {
      catalog = _phoneset_cli_load_catalog ();
      serve.profiles = profiles = phoneset_catalog_get_profiles (catalog);
    }
  server = start_server (&args, &serve, &inventory, &exit_code);
  if (server == NULL)
    return exit_code;
  base = g_strdup (phoneset_provision_server_get_base_url (server));
  serve.port = (guint16)atoi (strrchr (base, ':') + 1);
  g_signal_connect (server, "fetched", G_CALLBACK (fetched_cb), &serve);
  g_signal_connect (server, "action-url", G_CALLBACK (action_url_cb), &serve);
  g_signal_connect (server, "rejected", G_CALLBACK (rejected_cb), &serve);
  g_signal_connect (server, "unknown-phone", G_CALLBACK (unknown_phone_cb), &serve);

  if (args.pnp)
    {
      responder =
        phoneset_pnp_responder_new (g_str_equal (serve.address, "0.0.0.0") ? NULL : serve.address,
                                    args.pnp_port, pnp_url, &serve, NULL);
      if (!phoneset_pnp_responder_start (responder, &error))
        {
          _phoneset_cli_error ("%s", error->message);
          return PHONESET_EXIT_FAILED;
        }
      g_signal_connect (responder, "subscribed", G_CALLBACK (subscribed_cb), &serve);
      g_signal_connect (responder, "answered", G_CALLBACK (answered_cb), &serve);
    }

  print_listening (&args, base, responder);
  notify_phones (args.notify);
  if (args.action_url)
    print_action_url_config (catalog, base);

  run_until_stopped (&serve, args.duration);
  return PHONESET_EXIT_OK;
}
