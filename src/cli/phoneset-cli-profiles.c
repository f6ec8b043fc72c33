/* phoneset-cli-profiles.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * phoneset profiles [--json]
 */

#define G_LOG_DOMAIN "phoneset-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-cli-private.h"
#include "phoneset-profile.h"
#include "phoneset-setting-sources.h"

static void
add_source (JsonBuilder *builder,
            const char  *member,
            const char  *source)
{
  json_builder_set_member_name (builder, member);
  if (source != NULL)
    json_builder_add_string_value (builder, source);
  else
    json_builder_add_null_value (builder);
}

/* Each setting's default and range, where they come from (null: no vendor
 * source confirms them), and the remarks the window shows. */
static void
add_setting_details (JsonBuilder     *builder,
                     PhonesetProfile *profile)
{
  GPtrArray *settings = phoneset_profile_get_settings (profile);

  json_builder_begin_array (builder);
  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);
      g_autofree char *default_remark = phoneset_setting_dup_default_remark (setting);
      g_autofree char *range_remark = phoneset_setting_dup_range_remark (setting);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, phoneset_setting_get_id (setting));
      add_source (builder, "source", phoneset_setting_get_source (setting));
      json_builder_set_member_name (builder, "default");
      if (phoneset_setting_is_secret (setting) || phoneset_setting_get_default (setting) == NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, phoneset_setting_get_default (setting));
      add_source (builder, "default_source",
                  default_remark ? phoneset_setting_get_default_source (setting) : NULL);
      json_builder_set_member_name (builder, "default_confirmed");
      if (default_remark != NULL)
        json_builder_add_boolean_value (builder,
                                        phoneset_setting_get_default_source (setting) != NULL);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "range");
      if (range_remark != NULL)
        {
          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, phoneset_setting_get_min (setting));
          json_builder_add_int_value (builder, phoneset_setting_get_max (setting));
          json_builder_end_array (builder);
        }
      else
        json_builder_add_null_value (builder);
      add_source (builder, "range_source",
                  range_remark ? phoneset_setting_get_range_source (setting) : NULL);
      json_builder_set_member_name (builder, "range_confirmed");
      if (range_remark != NULL)
        json_builder_add_boolean_value (builder,
                                        phoneset_setting_get_range_source (setting) != NULL);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "remarks");
      json_builder_begin_array (builder);
      if (default_remark != NULL)
        json_builder_add_string_value (builder, default_remark);
      if (range_remark != NULL)
        json_builder_add_string_value (builder, range_remark);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

int
_phoneset_cli_profiles (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(PhonesetCatalog) catalog = NULL;
  GPtrArray   *profiles = NULL;
  gboolean     json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL }, { NULL }
  };

  g_option_context_set_summary (
    context,
    _("Lists the phone profiles Phoneset knows: vendor, models and how settings are delivered."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_phoneset_cli_parse_options (context, &argc, &argv))
    return PHONESET_EXIT_USAGE;
  if (argc > 1)
    {
      _phoneset_cli_error (_("“profiles” takes no arguments (see “phoneset profiles --help”)"));
      return PHONESET_EXIT_USAGE;
    }

  catalog = _phoneset_cli_load_catalog ();
  profiles = phoneset_catalog_get_profiles (catalog);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < profiles->len; i++)
        {
          PhonesetProfile   *profile = g_ptr_array_index (profiles, i);
          GPtrArray         *models = phoneset_profile_get_models (profile);
          const char *const *formats = phoneset_profile_get_formats (profile);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, phoneset_profile_get_id (profile));
          json_builder_set_member_name (builder, "vendor");
          json_builder_add_string_value (builder, phoneset_profile_get_vendor (profile));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, phoneset_profile_get_title (profile));
          json_builder_set_member_name (builder, "models");
          json_builder_begin_array (builder);
          for (guint j = 0; j < models->len; j++)
            json_builder_add_string_value (builder,
                                           ((PhonesetModel *)g_ptr_array_index (models, j))->name);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "formats");
          json_builder_begin_array (builder);
          for (guint j = 0; formats[j] != NULL; j++)
            json_builder_add_string_value (builder, formats[j]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "settings");
          json_builder_add_int_value (builder, phoneset_profile_get_settings (profile)->len);
          json_builder_set_member_name (builder, "setting_details");
          add_setting_details (builder, profile);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _phoneset_cli_print_json (root);
      return PHONESET_EXIT_OK;
    }

  for (guint i = 0; i < profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, i);
      GPtrArray       *models = phoneset_profile_get_models (profile);
      g_autofree char *formats = g_strjoinv (", ", (char **)phoneset_profile_get_formats (profile));
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint j = 0; j < models->len; j++)
        g_string_append_printf (names, "%s%s", j ? ", " : "",
                                ((PhonesetModel *)g_ptr_array_index (models, j))->name);

      printf ("%s\n  %s: %s\n  %s: %s\n  %s: %s\n  %s: %u\n\n", phoneset_profile_get_id (profile),
              _("Phone"), phoneset_profile_get_title (profile),
                 _("Models"), names->str,
                    _("Delivery"), formats,
                       _("Settings"), phoneset_profile_get_settings (profile)->len);
    }
  return PHONESET_EXIT_OK;
}
