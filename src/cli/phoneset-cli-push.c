/* phoneset-cli-push.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * phoneset push HOST[:PORT] --profile ID --config FILE.json [--via autop|check-sync|pnp|rest]
 * phoneset push HOST[:PORT] --file FILE [--profile ID | --vendor V] [--via ...]
 */

#define G_LOG_DOMAIN "phoneset-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "phoneset-cli-private.h"
#include "phoneset-config.h"
#include "phoneset-error.h"
#include "phoneset-export.h"
#include "phoneset-push.h"
#include "phoneset-remote.h"

typedef struct
{
  GMainLoop          *loop;
  PhonesetPushResult *result;
  GError             *error;
} PushRun;

static void
push_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  PushRun *run = user_data;

  run->result = phoneset_push_run_finish (PHONESET_PUSH (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

/* The bytes to push: a vendor file as it is (--file), or the file the
 * profile writes for a saved config (--profile and --config), rendered as
 * `phoneset export` would, passwords included: the file is served once, to
 * this phone, at an unguessable address. */
static GBytes *
load_file (const char  *file,
           const char  *profile_id,
           const char  *config_path,
           const char  *mac,
           char       **name,
           GError     **error)
{
  char *data = NULL;
  gsize len = 0;

  if (config_path != NULL)
    {
      g_autoptr(PhonesetCatalog) catalog = _phoneset_cli_load_catalog ();
      GPtrArray *profiles = phoneset_catalog_get_profiles (catalog);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) contents =
                   g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
      g_autoptr(PhonesetConfig) config = NULL;
      const char           *macs[] = { mac, NULL };
      PhonesetExportOptions options = { 0 };
      PhonesetProfile      *profile;
      PhonesetCfgFormat     format;

      if (profile_id == NULL || config_path == NULL || file != NULL)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("Push either a vendor file (--file FILE, with the phone's --profile or --vendor) or a saved "
                         "config (--profile ID --config FILE.json)."));
          return NULL;
        }
      profile = phoneset_catalog_find (catalog, profile_id);
      if (profile == NULL)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND,
                       _("There is no profile “%s” (see “phoneset profiles”)."), profile_id);
          return NULL;
        }
      if (!phoneset_profile_get_file_format (profile, &format))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                       _("The %s takes no provisioning file: enter its settings from the setup sheet (phoneset export)."),
                          phoneset_profile_get_title (profile));
          return NULL;
        }
      config = phoneset_config_load (profiles, config_path, error);
      if (config == NULL)
        return NULL;
      if (phoneset_config_get_profile (config) != profile)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("%s is a config for the %s profile, not %s."), config_path,
                          phoneset_profile_get_id (phoneset_config_get_profile (config)),
                          profile_id);
          return NULL;
        }

      options.naming = mac ? PHONESET_FILE_NAME_MAC : PHONESET_FILE_NAME_CUSTOM;
      options.macs = mac ? macs : NULL;
      options.custom = "phoneset";
      options.include_secrets = TRUE;
      if (!phoneset_export_render (config, &options, names, contents, NULL, error))
        return NULL;
      *name = g_strdup (g_ptr_array_index (names, 0));
      return g_bytes_ref (g_ptr_array_index (contents, 0));
    }
  if (file == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("Give what to push: --file FILE (a vendor CFG or XML file), or --profile ID --config FILE.json."));
      return NULL;
    }
  if (!g_file_get_contents (file, &data, &len, error))
    return NULL;
  *name = g_path_get_basename (file);
  return g_bytes_new_take (data, len);
}

/* Runs @push to its end, its result or error in @run. */
static void
run_push (PhonesetPush *push,
          PushRun      *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  phoneset_push_run_async (push, NULL, push_cb, run);
  g_main_loop_run (run->loop);
  g_main_loop_unref (run->loop);
}

static void
print_via_error (void)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (const PhonesetDelivery *const *all = phoneset_delivery_get_all (); *all != NULL; all++)
    g_ptr_array_add (ids, (gpointer)phoneset_delivery_get_id (*all));
  list = _phoneset_cli_join_or (ids);
  /* Translators: %s lists the methods ("autop, check-sync or pnp"). */
  _phoneset_cli_error (_("--via is %s."), list);
}

/* The file's firmware generation says which keys the push sets. */
static void
choose_profile (PhonesetCliRemoteOptions *options,
                GBytes                   *bytes,
                const char               *name)
{
  g_autoptr(PhonesetCatalog) catalog = _phoneset_cli_load_catalog ();
  PhonesetProfile *chosen = phoneset_push_choose_profile (
    phoneset_catalog_get_profiles (catalog), options->vendor, options->model, bytes, name);

  if (chosen != NULL)
    options->profile = g_strdup (phoneset_profile_get_id (chosen));
}

/* Reports a failed push; returns the exit code. */
static int
print_error (PhonesetRemote  *remote,
             GError         **error,
             gboolean         json)
{
  int code = _phoneset_cli_exit_for (*error);

  if (json)
    printf ("{ \"ok\" : false }\n");
  _phoneset_cli_keyring_note (remote, *error);
  _phoneset_cli_error ("%s", (*error)->message);
  g_clear_error (error);
  return code;
}

static void
print_result (PhonesetPushResult *result,
              const char         *name,
              gboolean            json)
{
  if (json)
    {
      g_autoptr(JsonObject) object = phoneset_push_result_to_json (result);
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_object_set_boolean_member (object, "ok", TRUE);
      root = json_node_init_object (json_node_alloc (), object);
      text = json_to_string (root, TRUE);
      printf ("%s\n", text);
    }
  else
    {
      const char *const *notes = phoneset_push_result_get_notes (result);
      const char        *user_agent = phoneset_push_result_get_fetch_user_agent (result);

      if (phoneset_push_result_get_fetched (result))
        printf (_("Pushed %s to %s (%s): fetched by %s (“%s”), %lld bytes.\n"), name,
                   phoneset_push_result_get_phone (result), phoneset_push_result_get_via (result),
                   phoneset_push_result_get_fetched_from (result), user_agent ? user_agent : "",
                   (long long)phoneset_push_result_get_fetched_bytes (result));
      else
        printf (
          g_dngettext (GETTEXT_PACKAGE, "Pushed %s to %s (%s): %u setting set and read back.\n",
                       "Pushed %s to %s (%s): %u settings set and read back.\n",
                       phoneset_push_result_get_settings_applied (result)),
          name, phoneset_push_result_get_phone (result), phoneset_push_result_get_via (result),
          phoneset_push_result_get_settings_applied (result));
      for (guint i = 0; notes[i] != NULL; i++)
        printf (_("Note: %s\n"), notes[i]);
    }
}

int
_phoneset_cli_push (int    argc,
                    char **argv)
{
  g_auto(PhonesetCliRemoteOptions) options = { 0 };
  g_autofree char *file = NULL;
  g_autofree char *config = NULL;
  g_autofree char *via_text = NULL;
  g_autofree char *mac = NULL;
  g_autofree char *local_address = NULL;
  int              sip_port = 5060;
  int              pnp_port = 5060;
  int              wait = 60;
  gboolean         no_reboot = FALSE;
  gboolean         json = FALSE;
  /* clang-format off */
  GOptionEntry     entries[] = {
    PHONESET_CLI_REMOTE_OPTION_ENTRIES (options),
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file,
      N_("The configuration file to push (vendor CFG/XML)"), "FILE" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config,
      N_("Saved config (with --profile)"), "FILE.json" },
    { "via", 0, 0, G_OPTION_ARG_STRING, &via_text,
      N_("How the phone gets it: autop, check-sync, pnp or rest"), "HOW" },
    { "sip-port", 0, 0, G_OPTION_ARG_INT, &sip_port,
      N_("The phone's SIP port (check-sync; default 5060)"), "N" },
    { "pnp-port", 0, 0, G_OPTION_ARG_INT, &pnp_port,
      N_("UDP port of the PnP responder (default 5060)"), "N" },
    { "mac", 0, 0, G_OPTION_ARG_STRING, &mac,
      N_("The phone's MAC (checked in the fetch's User-Agent)"), "MAC" },
    { "wait", 0, 0, G_OPTION_ARG_INT, &wait,
      N_("Seconds to wait for the phone to fetch the file (default 60)"), "S" },
    { "no-reboot", 0, 0, G_OPTION_ARG_NONE, &no_reboot,
      N_("pnp: do not reboot the phone; wait for it to boot"), NULL },
    { "local-address", 0, 0, G_OPTION_ARG_STRING, &local_address,
      N_("Serve from this address (default: the one that reaches the phone)"), "IP" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL },
  };
  /* clang-format on */
  g_autoptr(GOptionContext) context =
               g_option_context_new (_("HOST[:PORT] — push a configuration file to a phone"));
  g_autoptr(PhonesetRemote) remote = NULL;
  g_autoptr(PhonesetPush) push = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char        *name = NULL;
  const PhonesetDelivery *via = phoneset_delivery_get_default ();
  PushRun                 run = { 0 };
  int                     exit_code;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (
    context, _("Phoneset serves the file from a temporary HTTP server on this computer and makes the phone fetch "
               "it: autop (the provisioning URL set over HTTP where the profile says how [U], then key=AutoP), check-sync (the same, then "
               "SIP NOTIFY check-sync) or pnp (the phone reboots and is answered by SIP PnP). It then checks the "
               "phone fetched the file. With rest, the file's settings go through the phone's REST API where its profile "
               "describes one, and are read back; nothing is fetched. The password is read from the environment "
               "variable named by --password-env."));
  if (!_phoneset_cli_parse_options (context, &argc, &argv))
    return PHONESET_EXIT_USAGE;
  if (argc != 2)
    {
      _phoneset_cli_error (_("Give the phone's address (see “phoneset push --help”)."));
      return PHONESET_EXIT_USAGE;
    }
  if (via_text != NULL && (via = phoneset_delivery_find (via_text)) == NULL)
    {
      print_via_error ();
      return PHONESET_EXIT_USAGE;
    }
  if (sip_port < 1 || sip_port > 65535 || pnp_port < 0 || pnp_port > 65535 || wait < 1 ||
      wait > 3600)
    {
      _phoneset_cli_error (_("A port or --wait is out of range."));
      return PHONESET_EXIT_USAGE;
    }
  bytes = load_file (file, options.profile, config, mac, &name, &error);
  if (bytes == NULL)
    {
      _phoneset_cli_error ("%s", error->message);
      return PHONESET_EXIT_USAGE;
    }
  if (options.profile == NULL)
    choose_profile (&options, bytes, name);
  remote = _phoneset_cli_remote_new (&options, argv[1], TRUE, &exit_code);
  if (remote == NULL)
    return exit_code;

  push = phoneset_push_new (remote, bytes, name);
  phoneset_push_set_delivery (push, via);
  phoneset_push_set_sip_port (push, sip_port);
  phoneset_push_set_pnp_port (push, pnp_port);
  phoneset_push_set_mac (push, mac);
  phoneset_push_set_wait (push, wait);
  phoneset_push_set_reboot (push, !no_reboot);
  phoneset_push_set_local_address (push, local_address);

  run_push (push, &run);

  if (run.error != NULL)
    return print_error (remote, &run.error, json);
  print_result (run.result, name, json);
  g_object_unref (run.result);
  return PHONESET_EXIT_OK;
}
