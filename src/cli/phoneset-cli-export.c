/* phoneset-cli-export.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * phoneset export --profile ID [--config FILE.json] [--base FILE.cfg]
 *                 [--set ID=VALUE]... [--secret-env ID=VAR]... [--mac MAC]...
 *                 [--model M] [--name common|mac|custom:NAME]
 *                 [--include-secrets] --output DIR
 * phoneset export --profile ID --fleet PHONES.csv [--config FILE.json]
 *                 [--set ID=VALUE]... [--model M] [--server-url URL] --output DIR
 */

#define G_LOG_DOMAIN "phoneset-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-file.h"
#include "phoneset-cfg.h"
#include "phoneset-cli-private.h"
#include "phoneset-config.h"
#include "phoneset-error.h"
#include "phoneset-export.h"
#include "phoneset-fleet.h"
#include "phoneset-mac.h"
#include "phoneset-profile.h"

static gboolean
apply_sets (PhonesetConfig  *config,
            char           **sets)
{
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (sets[i], "=", 2);
      g_autoptr(GError) error = NULL;
      PhonesetSetting *setting;

      if (pair[0] == NULL || pair[1] == NULL || pair[0][0] == '\0')
        {
          _phoneset_cli_error (
            _("--set “%s”: write ID=VALUE, for example --set nat.stun.server=stun.example.org"),
               sets[i]);
          return FALSE;
        }
      setting = phoneset_profile_lookup_setting (phoneset_config_get_profile (config), pair[0]);
      if (setting != NULL && phoneset_setting_is_secret (setting))
        {
          _phoneset_cli_error (_("--set %s: passwords are not taken from the command line, where other users can see them; "
                                 "use --secret-env %s=VARIABLE"),
                                  pair[0], pair[0]);
          return FALSE;
        }
      if (!phoneset_config_set (config, pair[0], pair[1], &error))
        {
          _phoneset_cli_error ("--set: %s", error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
apply_secrets (PhonesetConfig  *config,
               char           **secrets)
{
  for (guint i = 0; secrets != NULL && secrets[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (secrets[i], "=", 2);
      g_autoptr(GError) error = NULL;
      PhonesetSetting *setting;
      const char      *value;

      if (pair[0] == NULL || pair[1] == NULL)
        {
          _phoneset_cli_error (_("--secret-env “%s”: write ID=VARIABLE"), secrets[i]);
          return FALSE;
        }
      setting = phoneset_profile_lookup_setting (phoneset_config_get_profile (config), pair[0]);
      if (setting == NULL || !phoneset_setting_is_secret (setting))
        {
          _phoneset_cli_error (_("--secret-env: “%s” is not a password setting of this profile"),
                                  pair[0]);
          return FALSE;
        }
      value = g_getenv (pair[1]);
      if (value == NULL)
        {
          _phoneset_cli_error (_("--secret-env: the environment variable %s is not set"), pair[1]);
          return FALSE;
        }
      if (!phoneset_config_set (config, pair[0], value, &error))
        {
          _phoneset_cli_error ("--secret-env: %s", error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static void
print_ids (PhonesetProfile *profile,
           GPtrArray       *ids,
           const char      *heading,
           gboolean         with_path)
{
  if (ids->len == 0)
    return;
  printf ("%s\n", heading);
  for (guint i = 0; i < ids->len; i++)
    {
      PhonesetSetting *setting =
        phoneset_profile_lookup_setting (profile, g_ptr_array_index (ids, i));
      g_autofree char *path = phoneset_setting_dup_menu_path_text (setting);

      printf ("  %s (%s)", phoneset_setting_get_id (setting), phoneset_setting_get_title (setting));
      if (with_path)
        printf (_(": set it on the phone at %s"), path);
      printf ("\n");
      if (phoneset_setting_get_note (setting) != NULL)
        printf ("    %s\n", phoneset_setting_get_note (setting));
    }
}

/* --fleet: the common file, one file per MAC of the phone list, README. */
static int
export_fleet (PhonesetConfig *config,
              const char     *fleet_path,
              const char     *model,
              const char     *server_url,
              gboolean        include_secrets,
              const char     *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetFleet) fleet = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autofree char     *data = NULL;
  gsize                len = 0;
  PhonesetFleetOptions options = { 0 };

  if (!g_file_get_contents (fleet_path, &data, &len, &error))
    {
      _phoneset_cli_error ("%s", error->message);
      return PHONESET_EXIT_USAGE;
    }
  fleet = phoneset_fleet_parse (config, data, len, &error);
  if (fleet == NULL)
    {
      _phoneset_cli_error ("%s: %s", fleet_path, error->message);
      return PHONESET_EXIT_USAGE;
    }
  if (!phoneset_fleet_check (fleet, fleet_path, &error))
    {
      _phoneset_cli_error ("%s", error->message);
      return PHONESET_EXIT_USAGE;
    }
  options.model = model;
  options.server_url = server_url;
  options.include_secrets = include_secrets;
  if (!phoneset_fleet_render (fleet, &options, names, contents, &error) ||
      !phoneset_file_replace_all (output, names, contents, 0644, &error))
    {
      _phoneset_cli_error ("%s", error->message);
      return error->domain == PHONESET_ERROR ? PHONESET_EXIT_USAGE : PHONESET_EXIT_FAILED;
    }
  printf (
    g_dngettext (
      GETTEXT_PACKAGE,
      "Wrote %2$u files in %3$s for %1$u phone (see %3$s/README for the DHCP and PnP set-up).\n",
      "Wrote %2$u files in %3$s for %1$u phones (see %3$s/README for the DHCP and PnP set-up).\n",
      phoneset_fleet_get_phones (fleet)->len),
    phoneset_fleet_get_phones (fleet)->len, names->len, output);
  return PHONESET_EXIT_OK;
}

/* The command line. */
typedef struct
{
  char    *profile_id;
  char    *config_path;
  char    *base_path;
  char    *model;
  char    *name;
  char    *output;
  char    *fleet_path;
  char    *server_url;
  char   **sets;
  char   **secrets;
  char   **macs;
  gboolean include_secrets;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->profile_id);
  g_free (args->config_path);
  g_free (args->base_path);
  g_free (args->model);
  g_free (args->name);
  g_free (args->output);
  g_free (args->fleet_path);
  g_free (args->server_url);
  g_strfreev (args->sets);
  g_strfreev (args->secrets);
  g_strfreev (args->macs);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArgs, export_args_clear)

/* The settings: --config, or the profile's defaults, then --set and
 * --secret-env. NULL (with the reason printed) for a usage error. */
static PhonesetConfig *
load_config (GPtrArray        *profiles,
             PhonesetProfile  *profile,
             const ExportArgs *args)
{
  g_autoptr(PhonesetConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  if (args->config_path != NULL)
    {
      config = phoneset_config_load (profiles, args->config_path, &error);
      if (config == NULL)
        {
          _phoneset_cli_error ("%s", error->message);
          return NULL;
        }
      if (phoneset_config_get_profile (config) != profile)
        {
          _phoneset_cli_error (_("%s is a config for the %s profile, not %s"), args->config_path,
                                  phoneset_profile_get_id (phoneset_config_get_profile (config)),
                                  args->profile_id);
          return NULL;
        }
    }
  else
    config = phoneset_config_new (profile);
  if (!apply_sets (config, args->sets) || !apply_secrets (config, args->secrets))
    return NULL;
  return g_steal_pointer (&config);
}

/* --name, or what --mac implies. */
static gboolean
parse_naming (const ExportArgs    *args,
              PhonesetFileNaming  *naming,
              const char         **custom)
{
  const char *name = args->name;

  *custom = NULL;
  if (name == NULL)
    *naming = args->macs != NULL ? PHONESET_FILE_NAME_MAC : PHONESET_FILE_NAME_COMMON;
  else if (g_str_equal (name, "common"))
    *naming = PHONESET_FILE_NAME_COMMON;
  else if (g_str_equal (name, "mac"))
    *naming = PHONESET_FILE_NAME_MAC;
  else if (g_str_has_prefix (name, "custom:"))
    {
      *naming = PHONESET_FILE_NAME_CUSTOM;
      *custom = name + strlen ("custom:");
    }
  else
    {
      _phoneset_cli_error (_("--name “%s”: write common, mac, or custom:NAME"), name);
      return FALSE;
    }
  return TRUE;
}

/* Why phoneset_export_render() refused: the base file's own errors name
 * the file, a bad MAC address names --mac. */
static void
print_render_error (const ExportArgs *args,
                    const GError     *error)
{
  if (args->base_path != NULL && error->domain == PHONESET_ERROR &&
      error->code == PHONESET_ERROR_PARSE)
    {
      g_autofree char *masked = phoneset_cfg_mask_message (error->message);

      _phoneset_cli_error ("%s: %s", args->base_path, masked);
    }
  else if (error->domain == PHONESET_ERROR && error->code == PHONESET_ERROR_INVALID &&
           args->macs != NULL && strstr (error->message, "MAC") != NULL &&
           strstr (error->message, "is not") != NULL)
    _phoneset_cli_error ("--mac: %s", error->message);
  else
    _phoneset_cli_error ("%s", error->message);
}

/* What was written, and what was left out. */
static void
print_report (PhonesetProfile            *profile,
              PhonesetConfig             *config,
              const char                 *output,
              GPtrArray                  *names,
              const PhonesetExportReport *report,
              gboolean                    has_file)
{
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (output, g_ptr_array_index (names, i), NULL);

      printf (_("Wrote %s\n"), path);
    }

  if (has_file)
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%u setting written.\n", "%u settings written.\n",
                           report->written->len),
              report->written->len);
      print_ids (profile, report->secrets_left_out,
                 _("Left out, because they are passwords (write them with --include-secrets):"),
                    FALSE);
      print_ids (profile, report->not_in_file,
                 _("Not in the file, because no file key is confirmed for them:"), TRUE);
      print_ids (profile, report->unconfirmed,
                 _("Written, but the way the file writes them is unconfirmed:"), FALSE);
    }
  else
    {
      g_autoptr(GPtrArray) set = phoneset_config_list_set (config);

      printf (_("The %s has no provisioning file format: this is a setup sheet of %u settings to enter on the phone. "
                "Open it in a browser and print it.\n"),
                 phoneset_profile_get_title (profile), set->len);
    }
}

/* The files of one phone (or of one model): rendered, then written. */
static int
export_files (PhonesetConfig   *config,
              PhonesetProfile  *profile,
              const ExportArgs *args,
              gboolean          has_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_auto(PhonesetExportReport) report = { 0 };
  g_autofree char      *base_data = NULL;
  gsize                 base_len = 0;
  PhonesetExportOptions options = { 0 };

  if (!parse_naming (args, &options.naming, &options.custom))
    return PHONESET_EXIT_USAGE;
  if (args->base_path != NULL &&
      !g_file_get_contents (args->base_path, &base_data, &base_len, &error))
    {
      _phoneset_cli_error ("%s", error->message);
      return PHONESET_EXIT_USAGE;
    }

  options.model = args->model;
  options.macs = (const char *const *)args->macs;
  options.base = base_data ? g_bytes_new_static (base_data, base_len) : NULL;
  options.include_secrets = args->include_secrets;

  /* Every file is rendered before any is written. */
  phoneset_export_report_init (&report);
  if (!phoneset_export_render (config, &options, names, contents, &report, &error))
    {
      g_clear_pointer (&options.base, g_bytes_unref);
      print_render_error (args, error);
      return PHONESET_EXIT_USAGE;
    }
  g_clear_pointer (&options.base, g_bytes_unref);

  if (!phoneset_file_replace_all (args->output, names, contents, 0644, &error))
    {
      _phoneset_cli_error ("%s", error->message);
      return PHONESET_EXIT_FAILED;
    }
  print_report (profile, config, args->output, names, &report, has_file);
  return PHONESET_EXIT_OK;
}

/* --fleet: the files of every phone on the list, once the options allow it. */
static int
export_fleet_checked (PhonesetConfig   *config,
                      PhonesetProfile  *profile,
                      const ExportArgs *args,
                      gboolean          has_file)
{
  if (args->macs != NULL || args->base_path != NULL || args->name != NULL)
    {
      _phoneset_cli_error (
        _("--fleet names the files itself: leave out --mac, --base and --name"));
      return PHONESET_EXIT_USAGE;
    }
  if (!has_file)
    {
      _phoneset_cli_error (
        _("the %s has no provisioning file format, so phones cannot fetch a fleet's files; "
                             "export its setup sheet instead"),
           phoneset_profile_get_title (profile));
      return PHONESET_EXIT_USAGE;
    }
  return export_fleet (config, args->fleet_path, args->model, args->server_url,
                       args->include_secrets, args->output);
}

int
_phoneset_cli_export (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(PhonesetCatalog) catalog = NULL;
  GPtrArray *profiles = NULL;
  g_autoptr(PhonesetConfig) config = NULL;
  g_auto(ExportArgs) args = { 0 };
  PhonesetProfile  *profile;
  PhonesetCfgFormat format;
  gboolean          has_file;
  /* clang-format off */
  GOptionEntry      entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_STRING, &args.profile_id,
      N_("The phone's profile (see “phoneset profiles”)"), N_("ID") },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &args.config_path,
      N_("Settings saved as JSON"), N_("FILE.json") },
    { "base", 0, 0, G_OPTION_ARG_FILENAME, &args.base_path,
      N_("Edit this vendor file in place instead of writing a new one"), N_("FILE") },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.sets, N_("Set a setting"), N_("ID=VALUE") },
    { "secret-env", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.secrets,
      N_("Take a password from an environment variable"), N_("ID=VARIABLE") },
    { "mac", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.macs,
      N_("Write the file of the phone with this MAC address"), N_("MAC") },
    { "model", 0, 0, G_OPTION_ARG_STRING, &args.model,
      N_("The model, which names the common file"), N_("MODEL") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &args.name,
      N_("Which file: common (the model's), mac (one per --mac), or custom:NAME (also $input ID files)"), N_("NAMING") },
    { "include-secrets", 0, 0, G_OPTION_ARG_NONE, &args.include_secrets,
      N_("Write passwords into the file (they are left out otherwise)"), NULL },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("The directory to write to"), N_("DIR") },
    { "fleet", 0, 0, G_OPTION_ARG_FILENAME, &args.fleet_path,
      N_("A phone list (CSV: mac, name, one column per setting id): writes the common file, one file per MAC and a README"), N_("PHONES.csv") },
    { "server-url", 0, 0, G_OPTION_ARG_STRING, &args.server_url,
      N_("With --fleet: the provisioning server's URL, for the README's DHCP and PnP lines"), N_("URL") },
    { NULL },
  };
  /* clang-format on */

  g_option_context_set_summary (
    context,
    _("Writes the vendor's provisioning file for a phone (or a printable setup sheet for phones "
                                           "without one). With --base, edits an existing file in place: only the given settings change."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_phoneset_cli_parse_options (context, &argc, &argv))
    return PHONESET_EXIT_USAGE;
  if (argc > 1)
    {
      _phoneset_cli_error (_("“%s” is not an option of export (see “phoneset export --help”)"),
                              argv[1]);
      return PHONESET_EXIT_USAGE;
    }
  if (args.profile_id == NULL || args.output == NULL)
    {
      _phoneset_cli_error (
        _("export needs --profile ID and --output DIR (see “phoneset export --help”)"));
      return PHONESET_EXIT_USAGE;
    }

  catalog = _phoneset_cli_load_catalog ();
  profiles = phoneset_catalog_get_profiles (catalog);
  profile = phoneset_catalog_find (catalog, args.profile_id);
  if (profile == NULL)
    {
      _phoneset_cli_error (_("there is no profile “%s” (see “phoneset profiles”)"),
                              args.profile_id);
      return PHONESET_EXIT_USAGE;
    }
  has_file = phoneset_profile_get_file_format (profile, &format);

  config = load_config (profiles, profile, &args);
  if (config == NULL)
    return PHONESET_EXIT_USAGE;

  if (args.fleet_path != NULL)
    return export_fleet_checked (config, profile, &args, has_file);
  if (args.server_url != NULL)
    {
      _phoneset_cli_error (_("--server-url goes with --fleet"));
      return PHONESET_EXIT_USAGE;
    }

  return export_files (config, profile, &args, has_file);
}
