/* phoneset-cli-import.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * phoneset import FILE [--profile ID] [--json]
 */

#define G_LOG_DOMAIN "phoneset-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-cfg.h"
#include "phoneset-cli-private.h"
#include "phoneset-config.h"
#include "phoneset-profile.h"

int
_phoneset_cli_import (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCfgDocument) document = NULL;
  g_autoptr(PhonesetConfig) config = NULL;
  g_autoptr(GPtrArray) set = NULL;
  g_autofree char   *profile_id = NULL;
  g_autofree char   *contents = NULL;
  PhonesetProfile   *profile = NULL;
  PhonesetCfgFormat  format;
  const char        *path;
  gboolean           json = FALSE;
  gsize              len;
  const char *const *unknown;
  GOptionEntry       entries[] = {
          { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_id, N_("The phone's profile (default: guessed from the file)"), N_("ID") },
            { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
              { NULL } };

  g_option_context_set_summary (context, _("Reads a Yealink, Fanvil/PLANET or snom provisioning file and shows the settings it sets. "
                                           "Lines no setting reads are kept and listed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_phoneset_cli_parse_options (context, &argc, &argv))
    return PHONESET_EXIT_USAGE;
  if (argc != 2)
    {
      _phoneset_cli_error (_("give one file to import (see “phoneset import --help”)"));
      return PHONESET_EXIT_USAGE;
    }
  path = argv[1];

  profiles = _phoneset_cli_load_profiles ();
  if (profile_id != NULL)
    {
      profile = phoneset_profiles_find (profiles, profile_id);
      if (profile == NULL)
        {
          _phoneset_cli_error (_("there is no profile “%s” (see “phoneset profiles”)"), profile_id);
          return PHONESET_EXIT_USAGE;
        }
      if (!phoneset_profile_get_file_format (profile, &format))
        {
          _phoneset_cli_error (_("the %s profile has no file format to import"), profile_id);
          return PHONESET_EXIT_USAGE;
        }
    }

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      _phoneset_cli_error ("%s", error->message);
      return PHONESET_EXIT_USAGE;
    }

  if (profile != NULL)
    phoneset_profile_get_file_format_for_data (profile, contents, len, &format);
  else if (!phoneset_cfg_detect_format (contents, len, &format))
    {
      _phoneset_cli_error (_("%s: line 1: not a Yealink (#!version:1.0.0.1), Fanvil/PLANET (<<VOIP CONFIG FILE>>) "
                             "or snom (<settings>) provisioning file"),
                              path);
      return PHONESET_EXIT_USAGE;
    }

  document = phoneset_cfg_document_parse (format, contents, len, &error);
  if (document == NULL)
    {
      _phoneset_cli_error ("%s: %s", path, error->message);
      return PHONESET_EXIT_USAGE;
    }

  if (profile == NULL)
    {
      g_autoptr(GPtrArray) also = g_ptr_array_new ();

      profile = phoneset_profiles_guess_for_document (profiles, document, path, also);
      for (guint i = 0; profile != NULL && i < also->len; i++)
        fprintf (stderr, _("phoneset: note: %s also fits the %s profile as well as %s; --profile chooses\n"), path,
                            phoneset_profile_get_id (g_ptr_array_index (also, i)), phoneset_profile_get_id (profile));
      if (profile == NULL)
        {
          _phoneset_cli_error (_("%s: no profile reads any setting of this %s file; give --profile"),
                                  path, phoneset_cfg_format_to_string (format));
          return PHONESET_EXIT_USAGE;
        }
    }

  config = phoneset_config_new_from_document (profile, document, &error);
  if (config == NULL)
    {
      _phoneset_cli_error ("%s: %s", path, error->message);
      return PHONESET_EXIT_USAGE;
    }

  if (json)
    {
      g_autoptr(JsonNode) root = phoneset_config_to_json (config, FALSE);

      _phoneset_cli_print_json (root);
      return PHONESET_EXIT_OK;
    }

  set = phoneset_config_list_set (config);
  unknown = phoneset_config_get_unknown (config);
  printf (_("%s: %s (profile %s), %u settings\n"), path, phoneset_profile_get_title (profile),
             phoneset_profile_get_id (profile), set->len);
  for (guint i = 0; i < set->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (set, i);
      const char      *value = phoneset_config_get (config, phoneset_setting_get_id (setting));
      g_autofree char *shown = phoneset_setting_is_secret (setting) ? g_strdup (_("(set; not shown)"))
                                                                    : phoneset_setting_dup_display_value (setting, value);

      printf ("  %-32s %-36s %s\n", phoneset_setting_get_id (setting), phoneset_setting_get_title (setting), shown);
    }
  if (unknown[0] != NULL)
    {
      printf (_("Kept as they are (no setting of the profile reads them): %u lines\n"), g_strv_length ((char **)unknown));
      for (guint i = 0; unknown[i] != NULL; i++)
        printf ("  %s\n", unknown[i]);
    }
  return PHONESET_EXIT_OK;
}
