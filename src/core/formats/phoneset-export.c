/* phoneset-export.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns a config into the files a phone fetches: the vendor's common,
 * MAC or custom-named file (a new one, or the user's own file edited in
 * place), or a setup sheet for phones without a file format. Used by
 * `phoneset export` and by the window's Export.
 */

#define G_LOG_DOMAIN "phoneset-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-export.h"
#include "phoneset-mac.h"
#include "phoneset-setup-sheet.h"

/* Whether @written, read as the phone would, holds every value of @config
 * that the file format carries (passwords only when they were written). */
static gboolean
reads_back (PhonesetConfig       *config,
            PhonesetCfgDocument  *written,
            gboolean              include_secrets,
            GError              **error)
{
  PhonesetProfile  *profile = phoneset_config_get_profile (config);
  PhonesetCfgFormat format = phoneset_cfg_document_get_format (written);
  g_autoptr(PhonesetConfig) again = phoneset_config_new_from_document (profile, written, error);
  g_autoptr(GPtrArray) set = NULL;

  if (again == NULL)
    return FALSE;
  set = phoneset_config_list_set (config);
  for (guint i = 0; i < set->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (set, i);
      const char      *id = phoneset_setting_get_id (setting);
      const char      *want = phoneset_config_get (config, id);
      const char      *have = phoneset_config_get (again, id);
      PhonesetCfgKey   key;

      if ((phoneset_setting_is_secret (setting) && !include_secrets) || want[0] == '\0' ||
          !phoneset_setting_get_cfg_key (setting, format, 0, &key) ||
          phoneset_setting_get_map_reference (setting, format, want) != NULL)
        continue;
      if (g_strcmp0 (want, have) != 0)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("%s reads back as “%s”, not “%s”"), id, have ? have : "", want);
          return FALSE;
        }
    }
  return TRUE;
}

/* The MAC addresses fit the file naming, and a base file is one the
 * profile can edit: @format becomes that file's own format. */
static gboolean
check_options (PhonesetProfile              *profile,
               const PhonesetExportOptions  *options,
               guint                         n_macs,
               gboolean                      has_file,
               PhonesetCfgFormat            *format,
               GError                      **error)
{
  if (options->naming == PHONESET_FILE_NAME_MAC && n_macs == 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("a MAC file needs the phone's MAC address, such as 00:15:65:12:34:56"));
      return FALSE;
    }
  if (options->naming != PHONESET_FILE_NAME_MAC && n_macs > 1)
    {
      g_set_error (
        error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
        _("several MAC addresses would write one file several times; name the files by MAC"));
      return FALSE;
    }
  for (guint i = 0; i < n_macs; i++)
    {
      guint8 mac[PHONESET_MAC_LEN];

      if (!phoneset_mac_parse (options->macs[i], mac, error))
        return FALSE;
    }
  if (options->base != NULL && !has_file)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("the %s has no provisioning file format, so there is no file to edit; export writes its setup sheet"),
                      phoneset_profile_get_title (profile));
      return FALSE;
    }
  if (options->base != NULL)
    {
      gsize       len;
      const char *data = g_bytes_get_data (options->base, &len);
      g_autoptr(PhonesetCfgDocument) check = NULL;

      /* The user's own file is edited in its own format, when it is one of
       * the profile's (an old Yealink INI file for a profile whose new
       * files are CFG). */
      phoneset_profile_get_format_of_file (profile, data, len, format);
      check = phoneset_cfg_document_parse (*format, data, len, error);
      if (check == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The file @file_name in @format, new or the base file edited, appended to
 * @contents; it must read back. */
static gboolean
render_cfg_file (PhonesetConfig               *config,
                 const PhonesetExportOptions  *options,
                 PhonesetCfgFormat             format,
                 const char                   *file_name,
                 GPtrArray                    *contents,
                 PhonesetExportReport         *report,
                 GError                      **error)
{
  g_autoptr(PhonesetCfgDocument) document = NULL;
  g_autoptr(PhonesetCfgDocument) check = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes     *bytes;
  gsize       out_len;
  const char *out;

  if (options->base != NULL)
    {
      gsize       len;
      const char *data = g_bytes_get_data (options->base, &len);

      document = phoneset_cfg_document_parse (format, data, len, NULL);
    }
  else
    document = phoneset_cfg_document_new (format);
  phoneset_config_apply_to_document (config, document, options->include_secrets, report);
  bytes = phoneset_cfg_document_serialize (document);
  g_ptr_array_add (contents, bytes);

  /* What goes to a phone must read back: an edit that broke the file (a
   * bug in a codec) stops the export here, with the reason, rather than on
   * the phone. */
  out = g_bytes_get_data (bytes, &out_len);
  check = phoneset_cfg_document_parse (format, out, out_len, &local_error);
  if (check == NULL || !reads_back (config, check, options->include_secrets, &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("%s would not be a valid file after the changes, so nothing is written (this is a bug in Phoneset; please report it with the file you started from): %s"),
                      file_name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * phoneset_export_render:
 * @config: the values
 * @options: which files, and how
 * @names: (element-type utf8): the file names are appended here
 * @contents: (element-type GBytes): and their contents here
 * @report: (nullable): what was written and left out (an initialised report)
 * @error: a location for a #GError
 *
 * Renders every file before any is written, so that a bad option or a bad
 * base file writes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_export_render (PhonesetConfig               *config,
                        const PhonesetExportOptions  *options,
                        GPtrArray                    *names,
                        GPtrArray                    *contents,
                        PhonesetExportReport         *report,
                        GError                      **error)
{
  PhonesetProfile  *profile = phoneset_config_get_profile (config);
  guint             n_macs = options->macs ? g_strv_length ((char **)options->macs) : 0;
  PhonesetCfgFormat format;
  gboolean          has_file = phoneset_profile_get_file_format (profile, &format);
  guint             n_files;

  g_return_val_if_fail (PHONESET_IS_CONFIG (config), FALSE);

  if (!check_options (profile, options, n_macs, has_file, &format, error))
    return FALSE;

  n_files = options->naming == PHONESET_FILE_NAME_MAC ? n_macs : 1;
  for (guint i = 0; i < n_files; i++)
    {
      const char      *mac = n_macs > 0 ? options->macs[i] : NULL;
      g_autofree char *file_name = phoneset_profile_dup_file_name (
        profile, options->naming, options->model, mac, options->custom, error);

      if (file_name == NULL)
        return FALSE;

      if (has_file)
        {
          if (!render_cfg_file (config, options, format, file_name, contents,
                                i == 0 ? report : NULL, error))
            return FALSE;
        }
      else
        {
          g_autofree char *phone =
            mac ? phoneset_mac_normalize (mac, PHONESET_MAC_STYLE_COLON_UPPER, NULL) : NULL;
          char *html = phoneset_setup_sheet_render (config, phone, options->include_secrets);

          g_ptr_array_add (contents, g_bytes_new_take (html, strlen (html)));
        }
      g_ptr_array_add (names, g_steal_pointer (&file_name));
    }

  return TRUE;
}
