/* phoneset-cli-import.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * phoneset import FILE [--profile ID] [--model MODEL] [--json] [--show-secrets]
 *
 * The profile chosen, and why, is said on one line of stderr; so is each
 * warning (a line kept without being understood, a value not valid for its
 * setting), which --json also lists under "warnings". Passwords are masked
 * unless --show-secrets.
 */

#define G_LOG_DOMAIN "phoneset-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg.h"
#include "phoneset-cli-private.h"
#include "phoneset-config.h"
#include "phoneset-profile.h"

/* Passwords inside URLs (https://user:secret@host/) are masked too. */
static void
mask_json_values (JsonObject *settings)
{
  g_autoptr(GList) members = json_object_get_members (settings);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (settings, l->data);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *masked = phoneset_cfg_mask_url_passwords (json_node_get_string (node));

          json_node_set_string (node, masked);
        }
    }
}

static JsonNode *
warnings_to_json (GPtrArray *warnings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      PhonesetConfigWarning *warning = g_ptr_array_index (warnings, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, warning->line);
      json_builder_set_member_name (builder, "setting");
      if (warning->setting != NULL)
        json_builder_add_string_value (builder, warning->setting);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, warning->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Whether a profile has @model, by its name or by the name after its
 * vendor prefix. */
static gboolean
model_is_known (GPtrArray  *profiles,
                const char *model)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      PhonesetProfile *p = g_ptr_array_index (profiles, i);
      GPtrArray       *models = phoneset_profile_get_models (p);

      for (guint j = 0; j < models->len; j++)
        {
          const char *name = ((PhonesetModel *)g_ptr_array_index (models, j))->name;
          gsize       n = strlen (name), m = strlen (model);

          if (g_ascii_strcasecmp (name, model) == 0 ||
              (n > m && name[n - m - 1] == '-' && g_ascii_strcasecmp (name + n - m, model) == 0))
            return TRUE;
        }
    }
  return FALSE;
}

/* --profile: a profile with a file format. */
static gboolean
lookup_profile (GPtrArray          *profiles,
                const char         *profile_id,
                PhonesetProfile   **profile,
                PhonesetCfgFormat  *format)
{
  *profile = phoneset_profiles_find (profiles, profile_id);
  if (*profile == NULL)
    {
      _phoneset_cli_error (_("there is no profile “%s” (see “phoneset profiles”)"), profile_id);
      return FALSE;
    }
  if (!phoneset_profile_get_file_format (*profile, format))
    {
      _phoneset_cli_error (_("the %s profile has no file format to import"), profile_id);
      return FALSE;
    }
  return TRUE;
}

/* Without --profile: the profile that reads the file best, and why (on
 * stderr). */
static PhonesetProfile *
choose_profile (GPtrArray           *profiles,
                PhonesetCfgDocument *document,
                const char          *path,
                const char          *model,
                PhonesetCfgFormat    format)
{
  g_autoptr(GPtrArray) also = g_ptr_array_new ();
  g_autofree char *reason = NULL;
  PhonesetProfile *profile;

  profile = phoneset_profiles_choose_for_document (profiles, document, path, model, &reason, also);
  if (profile == NULL)
    {
      _phoneset_cli_error (_("%s: no profile reads any setting of this %s file; give --profile"),
                              path, phoneset_cfg_format_to_string (format));
      return NULL;
    }
  fprintf (stderr, _("phoneset: note: %s: %s\n"), path, reason);
  return profile;
}

/* The file at @path, read in @profile's format for it or, without a
 * profile, in the format it looks like. */
static PhonesetCfgDocument *
read_document (const char        *path,
               PhonesetProfile   *profile,
               PhonesetCfgFormat *format)
{
  g_autoptr(PhonesetCfgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize            len;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      _phoneset_cli_error ("%s", error->message);
      return NULL;
    }

  if (profile != NULL)
    phoneset_profile_get_format_of_file (profile, contents, len, format);
  else if (!phoneset_cfg_detect_format (contents, len, format))
    {
      g_autofree char *message = phoneset_cfg_dup_unknown_format_message (path);

      _phoneset_cli_error ("%s", message);
      return NULL;
    }

  document = phoneset_cfg_document_parse (*format, contents, len, &error);
  if (document == NULL)
    {
      g_autofree char *masked = phoneset_cfg_mask_message (error->message);

      _phoneset_cli_error ("%s: %s", path, masked);
      return NULL;
    }
  return g_steal_pointer (&document);
}

/* --json: the config, the lines kept, the format and the warnings. */
static void
print_json (PhonesetConfig    *config,
            PhonesetCfgFormat  format,
            GPtrArray         *warnings,
            const char *const *unknown,
            gboolean           show_secrets)
{
  g_autoptr(JsonNode) root = phoneset_config_to_json (config, show_secrets);
  JsonObject *object = json_node_get_object (root);
  JsonArray  *lines = json_array_new ();

  /* The lines as asked for: masked, or as they are. */
  for (guint i = 0; unknown[i] != NULL; i++)
    json_array_add_string_element (lines, unknown[i]);
  json_object_set_array_member (object, "unknown", lines);
  if (!show_secrets)
    mask_json_values (json_object_get_object_member (object, "settings"));
  json_object_set_string_member (object, "format", phoneset_cfg_format_to_string (format));
  json_object_set_member (object, "warnings", warnings_to_json (warnings));
  _phoneset_cli_print_json (root);
}

static void
print_settings (PhonesetConfig    *config,
                const char        *path,
                const char *const *unknown,
                gboolean           show_secrets)
{
  PhonesetProfile *profile = phoneset_config_get_profile (config);
  g_autoptr(GPtrArray) set = phoneset_config_list_set (config);

  printf (_("%s: %s (profile %s), %u settings\n"), path, phoneset_profile_get_title (profile),
             phoneset_profile_get_id (profile), set->len);
  for (guint i = 0; i < set->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (set, i);
      const char      *value = phoneset_config_get (config, phoneset_setting_get_id (setting));
      g_autofree char *display = phoneset_setting_dup_display_value (setting, value);
      g_autofree char *shown =
        phoneset_setting_is_secret (setting) && !show_secrets ? g_strdup (_("(set; not shown)"))
    : show_secrets                                            ? g_strdup (display)
                   : phoneset_cfg_mask_url_passwords (display);

      printf ("  %-32s %-36s %s\n", phoneset_setting_get_id (setting),
              phoneset_setting_get_title (setting), shown);
    }
  if (unknown[0] != NULL)
    {
      printf (_("Kept as they are (no setting of the profile reads them): %u lines\n"),
                 g_strv_length ((char **)unknown));
      for (guint i = 0; unknown[i] != NULL; i++)
        printf ("  %s\n", unknown[i]);
    }
}

int
_phoneset_cli_import (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(PhonesetCatalog) catalog = NULL;
  GPtrArray       *profiles = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCfgDocument) document = NULL;
  g_autoptr(PhonesetConfig) config = NULL;
  g_autofree char   *profile_id = NULL;
  g_autofree char   *model = NULL;
  gboolean           show_secrets = FALSE;
  GPtrArray         *warnings;
  PhonesetProfile   *profile = NULL;
  PhonesetCfgFormat  format;
  const char        *path;
  gboolean           json = FALSE;
  const char *const *unknown;
  /* clang-format off */
  GOptionEntry       entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_id,
      N_("The phone's profile (default: guessed from the file)"), N_("ID") },
    { "model", 0, 0, G_OPTION_ARG_STRING, &model,
      N_("The phone's model, to tell apart profiles that read the file alike"), N_("MODEL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { "show-secrets", 0, 0, G_OPTION_ARG_NONE, &show_secrets,
      N_("Show the passwords the file holds (they are masked otherwise)"), NULL },
    { NULL },
  };
  /* clang-format on */

  summary = g_strdup_printf (
    _("Reads a %s provisioning file and shows the settings it sets. "
                               "Lines no setting reads are kept and listed; what was odd in the file is said on stderr. "
                               "Passwords are masked unless --show-secrets."),
       phoneset_cfg_get_families ());
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_phoneset_cli_parse_options (context, &argc, &argv))
    return PHONESET_EXIT_USAGE;
  if (argc != 2)
    {
      _phoneset_cli_error (_("give one file to import (see “phoneset import --help”)"));
      return PHONESET_EXIT_USAGE;
    }
  path = argv[1];

  catalog = _phoneset_cli_load_catalog ();
  profiles = phoneset_catalog_get_profiles (catalog);
  if (profile_id != NULL && !lookup_profile (profiles, profile_id, &profile, &format))
    return PHONESET_EXIT_USAGE;
  if (model != NULL && profile == NULL && !model_is_known (profiles, model))
    {
      _phoneset_cli_error (_("no profile has the model “%s” (see “phoneset profiles”)"), model);
      return PHONESET_EXIT_USAGE;
    }

  document = read_document (path, profile, &format);
  if (document == NULL)
    return PHONESET_EXIT_USAGE;

  if (profile == NULL)
    profile = choose_profile (profiles, document, path, model, format);
  if (profile == NULL)
    return PHONESET_EXIT_USAGE;

  config = phoneset_config_new_from_document (profile, document, &error);
  if (config == NULL)
    {
      g_autofree char *masked = phoneset_cfg_mask_message (error->message);

      _phoneset_cli_error ("%s: %s", path, masked);
      return PHONESET_EXIT_USAGE;
    }

  warnings = phoneset_config_get_warnings (config);
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, _("phoneset: warning: %s: %s\n"), path,
                        ((PhonesetConfigWarning *)g_ptr_array_index (warnings, i))->message);

  unknown = show_secrets ? phoneset_config_get_unknown_unmasked (config)
                         : phoneset_config_get_unknown (config);
  if (json)
    print_json (config, format, warnings, unknown, show_secrets);
  else
    print_settings (config, path, unknown, show_secrets);
  return PHONESET_EXIT_OK;
}
