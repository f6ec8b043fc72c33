/* phoneset-phone-view-import.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone workspace's Import: a provisioning file's settings become the
 * user's changes, its file is kept to be edited in place, and what the file
 * held that Phoneset does not read (a value out of range, a line it does
 * not understand) is shown on the rows concerned and in a Details dialog.
 */

#define G_LOG_DOMAIN "phoneset-phone-view"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-cfg.h"
#include "phoneset-config.h"
#include "phoneset-error.h"
#include "phoneset-phone-view-private.h"
#include "phoneset-setting-row.h"

/* Marks @row if the last import found its setting's value odd. */
void
_phoneset_phone_view_mark_problem (PhonesetPhoneView *self,
                                   GtkWidget         *row)
{
  PhonesetSetting *setting = phoneset_setting_row_get_setting (row);
  const char      *message;

  if (self->problems == NULL || setting == NULL)
    return;
  message = g_hash_table_lookup (self->problems, phoneset_setting_get_id (setting));
  if (message != NULL)
    phoneset_setting_row_set_problem (row, message);
}

/* Marks every setting row under @widget whose setting the import found odd. */
static void
mark_rows (PhonesetPhoneView *self,
           GtkWidget         *widget)
{
  if (phoneset_setting_row_get_setting (widget) != NULL)
    {
      _phoneset_phone_view_mark_problem (self, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mark_rows (self, child);
}

static void
keep_warnings (PhonesetPhoneView *self,
               PhonesetConfig    *imported)
{
  GPtrArray *warnings = phoneset_config_get_warnings (imported);

  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->import_warnings, g_ptr_array_unref);
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->import_warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < warnings->len; i++)
    {
      PhonesetConfigWarning *warning = g_ptr_array_index (warnings, i);

      g_ptr_array_add (self->import_warnings, g_strdup (warning->message));
      if (warning->setting != NULL)
        {
          const char      *value = phoneset_config_get_invalid (imported, warning->setting);
          PhonesetSetting *setting = phoneset_profile_lookup_setting (
            phoneset_config_get_profile (imported), warning->setting);
          g_autofree char *shown = NULL;

          /* Passwords are never shown, not even a bad one. */
          if (setting != NULL && phoneset_setting_is_secret (setting))
            shown = g_strdup (_("The imported file’s value is not valid here; the file keeps it"));
          else
            shown = g_strdup_printf (_("The imported file holds “%s”, which is not valid here (line %u); the file keeps it"),
              value ? value : "", warning->line);
          g_hash_table_replace (self->problems, g_strdup (warning->setting),
                                g_steal_pointer (&shown));
        }
    }
}

void
_phoneset_phone_view_import_details_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  PhonesetPhoneView *self = PHONESET_PHONE_VIEW (widget);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (self->import_warnings == NULL || self->import_warnings->len == 0)
    return;
  for (guint i = 0; i < self->import_warnings->len && i < 30; i++)
    g_string_append_printf (body, "%s%s", i ? "\n\n" : "",
                            (const char *)g_ptr_array_index (self->import_warnings, i));
  if (self->import_warnings->len > 30)
    g_string_append_printf (body, "\n\n%s",
                            _("…and more: run “phoneset import” on the file to see them all."));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("What the File Held That Phoneset Does Not Read"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_phoneset_phone_view_import_bytes (PhonesetPhoneView  *self,
                                   GBytes             *bytes,
                                   const char         *name,
                                   GError            **error)
{
  PhonesetProfile *profile = _phoneset_phone_view_get_profile (self);
  g_autoptr(PhonesetCfgDocument) document = NULL;
  g_autoptr(PhonesetConfig) imported = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) set = NULL;
  PhonesetCfgFormat format;
  gsize             len;
  const char       *data = g_bytes_get_data (bytes, &len);

  if (profile != NULL && phoneset_cfg_detect_format (data, len, &format) &&
      !phoneset_profile_reads_format (profile, format))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("The %s does not read %s files."), phoneset_profile_get_title (profile),
                      phoneset_cfg_format_to_string (format));
      return FALSE;
    }
  if (profile != NULL && !phoneset_profile_reads_format (profile, format) &&
      !phoneset_profile_get_file_format (profile, &format))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("The %s has no provisioning file format."),
                      phoneset_profile_get_title (profile));
      return FALSE;
    }
  if (profile == NULL && !phoneset_cfg_detect_format (data, len, &format))
    {
      g_autofree char *text = phoneset_cfg_dup_not_provisioning_file (name);

      g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, text);
      return FALSE;
    }
  document = phoneset_cfg_document_parse (format, data, len, error);
  if (document == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  if (profile == NULL)
    {
      profile = phoneset_profiles_guess_for_document (self->profiles, document, name, NULL);
      if (profile == NULL)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND,
                       _("No phone profile reads any setting of %s."), name);
          return FALSE;
        }
      phoneset_phone_set_profile_id (self->phone, phoneset_profile_get_id (profile));
      phoneset_phone_set_config (self->phone, NULL);
      _phoneset_phone_view_rebuild (self);
    }
  imported = phoneset_config_new_from_document (profile, document, error);
  if (imported == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  /* One undoable step; the file itself is kept, so that an export edits
   * it in place and its unknown keys survive. */
  phoneset_config_history_revert (self->history, imported);
  phoneset_phone_set_base_file (self->phone, bytes);
  set = phoneset_config_list_set (imported);
  keep_warnings (self, imported);
  mark_rows (self, GTK_WIDGET (self));
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u setting from %s",
                                          "Imported %u settings from %s", set->len),
                             set->len, name);
  if (self->import_warnings->len == 0)
    _phoneset_phone_view_toast (self, message);
  else
    {
      g_autofree char *more = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s; %u thing in it was not read",
                     "%s; %u things in it were not read", self->import_warnings->len),
        message, self->import_warnings->len);
      AdwToast  *toast = adw_toast_new (more);
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "phone.import-details");
      adw_toast_set_timeout (toast, 10);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_object_unref (g_object_ref_sink (toast));
      g_debug ("%s", more);
    }
  return TRUE;
}

static void
import_file_cb (GtkNativeDialog   *chooser,
                int                response,
                PhonesetPhoneView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);

      bytes = g_file_load_bytes (file, NULL, NULL, &error);
      if (bytes == NULL || !_phoneset_phone_view_import_bytes (self, bytes, name, &error))
        {
          /* The reason may quote the file: never a password. */
          g_autofree char *masked = phoneset_cfg_mask_message (error->message);

          _phoneset_phone_view_show_error (self, _("Nothing Was Imported"), masked);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

void
_phoneset_phone_view_import_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  PhonesetPhoneView    *self = PHONESET_PHONE_VIEW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (
    _("Import Provisioning File"), GTK_WINDOW (gtk_widget_get_root (widget)),
       GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_file_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
