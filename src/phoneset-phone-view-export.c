/* phoneset-phone-view-export.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone workspace's Export: the dialog that writes the phone's
 * provisioning file (common, MAC or custom name, passwords only when asked)
 * to a folder, or, for a phone without a file format, saves or prints its
 * setup sheet.
 */

#define G_LOG_DOMAIN "phoneset-phone-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-export.h"
#include "phoneset-file.h"
#include "phoneset-phone-view-private.h"
#include "phoneset-setup-sheet.h"

typedef struct
{
  PhonesetPhoneView *self;
  GtkDropDown       *naming;
  GtkDropDown       *model;
  GtkEntry          *custom;
  GtkCheckButton    *secrets;
  GSettings         *settings; /* "last-export-folder" */
} ExportDialog;

static void
export_dialog_free (ExportDialog *dialog)
{
  g_object_unref (dialog->self);
  g_object_unref (dialog->settings);
  g_free (dialog);
}

static gboolean
export_to (PhonesetPhoneView  *self,
           ExportDialog       *dialog,
           GFile              *folder,
           GError            **error)
{
  PhonesetProfile *profile = _phoneset_phone_view_get_profile (self);
  PhonesetConfig  *config = phoneset_phone_get_config (self->phone);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_auto(PhonesetExportReport) report = { 0 };
  PhonesetExportOptions options = { 0 };
  const char           *macs[] = { phoneset_phone_get_mac (self->phone), NULL };
  g_autofree char      *path = g_file_get_path (folder);
  const PhonesetModel  *model = NULL;
  g_autofree char      *message = NULL;
  guint                 naming = gtk_drop_down_get_selected (dialog->naming);

  if (dialog->model != NULL)
    model = g_ptr_array_index (phoneset_profile_get_models (profile),
                               gtk_drop_down_get_selected (dialog->model));

  options.naming = naming == 0   ? PHONESET_FILE_NAME_COMMON
                   : naming == 1 ? PHONESET_FILE_NAME_MAC
                                 : PHONESET_FILE_NAME_CUSTOM;
  options.model = model ? model->name : NULL;
  options.macs = macs[0] ? macs : NULL;
  options.custom = gtk_editable_get_text (GTK_EDITABLE (dialog->custom));
  options.include_secrets = gtk_check_button_get_active (dialog->secrets);
  options.base = phoneset_phone_get_base_file (self->phone);

  phoneset_export_report_init (&report);
  if (!phoneset_export_render (config, &options, names, contents, &report, error) ||
      !phoneset_file_replace_all (path, names, contents, 0644, error))
    return FALSE;

  if (report.secrets_left_out->len > 0)
    message = g_strdup_printf (_("Wrote %s to %s; passwords were left out"),
                                  (char *)g_ptr_array_index (names, 0), path);
  else if (report.not_in_file->len > 0)
    message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Wrote %s to %s; %u setting must be set on the phone",
                   "Wrote %s to %s; %u settings must be set on the phone", report.not_in_file->len),
      (char *)g_ptr_array_index (names, 0), path, report.not_in_file->len);
  else
    message = g_strdup_printf (_("Wrote %s to %s"), (char *)g_ptr_array_index (names, 0), path);
  _phoneset_phone_view_toast (self, message);
  g_settings_set_string (dialog->settings, "last-export-folder", path);
  return TRUE;
}

static void
export_folder_cb (GtkNativeDialog *chooser,
                  int              response,
                  ExportDialog    *dialog)
{
  PhonesetPhoneView *self = dialog->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!export_to (self, dialog, folder, &error))
        _phoneset_phone_view_show_error (self, _("Nothing Was Exported"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  export_dialog_free (dialog);
}

static void
export_response_cb (AdwMessageDialog *message_dialog,
                    const char       *response,
                    ExportDialog     *dialog)
{
  GtkFileChooserNative *chooser;

  if (g_str_equal (response, "export-again"))
    {
      g_autofree char *path = g_settings_get_string (dialog->settings, "last-export-folder");
      g_autoptr(GFile) folder = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      if (!export_to (dialog->self, dialog, folder, &error))
        _phoneset_phone_view_show_error (dialog->self, _("Nothing Was Exported"), error->message);
      export_dialog_free (dialog);
      return;
    }
  if (!g_str_equal (response, "export"))
    {
      export_dialog_free (dialog);
      return;
    }
  chooser = gtk_file_chooser_native_new (
    _("Export to Folder"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (dialog->self))),
       GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_folder_cb), dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
naming_changed_cb (GtkDropDown  *naming,
                   GParamSpec   *pspec,
                   ExportDialog *dialog)
{
  guint selected = gtk_drop_down_get_selected (naming);

  if (dialog->model != NULL)
    gtk_widget_set_visible (GTK_WIDGET (dialog->model), selected == 0);
  gtk_widget_set_visible (GTK_WIDGET (dialog->custom), selected == 2);
}

static void
print_begin_cb (GtkPrintOperation  *operation,
                GtkPrintContext    *context,
                PangoLayout       **layout_out)
{
  PangoLayout *layout = *layout_out;
  int          height;
  int          n_lines = pango_layout_get_line_count (layout);
  double       page_height = gtk_print_context_get_height (context);

  pango_layout_set_width (layout, (int)(gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_get_size (layout, NULL, &height);
  gtk_print_operation_set_n_pages (operation,
                                   MAX (1, (int)((height / PANGO_SCALE) / page_height) + 1));
  (void)n_lines;
}

static void
print_draw_cb (GtkPrintOperation  *operation,
               GtkPrintContext    *context,
               int                 page_nr,
               PangoLayout       **layout_out)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double   page_height = gtk_print_context_get_height (context);

  cairo_rectangle (cr, 0, 0, gtk_print_context_get_width (context), page_height);
  cairo_clip (cr);
  cairo_move_to (cr, 0, -page_nr * page_height);
  pango_cairo_show_layout (cr, *layout_out);
}

static void
print_layout_free (PangoLayout **layout)
{
  g_clear_object (layout);
  g_free (layout);
}

/* Prints the setup sheet: the same content as the HTML, laid out by Pango. */
static void
print_setup_sheet (PhonesetPhoneView *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  PhonesetConfig *config = phoneset_phone_get_config (self->phone);
  g_autoptr(GPtrArray) set = phoneset_config_list_set (config);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  PangoLayout         **layout = g_new0 (PangoLayout *, 1);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  g_autofree char      *title =
    g_markup_escape_text (phoneset_profile_get_title (_phoneset_phone_view_get_profile (self)), -1);

  g_string_append_printf (markup, "<span size=\"x-large\" weight=\"bold\">%s</span>\n%s\n\n", title,
                          _("Setup sheet"));
  for (guint i = 0; i < set->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (set, i);
      g_autofree char *path = phoneset_setting_dup_menu_path_text (setting);
      g_autofree char *value = phoneset_setting_is_secret (setting)
        ? g_strdup (_("(the password you were given)"))
        : phoneset_setting_dup_display_value (
            setting, phoneset_config_get (config, phoneset_setting_get_id (setting)));
      g_autofree char *escaped_title =
        g_markup_escape_text (phoneset_setting_get_title (setting), -1);
      g_autofree char *escaped_path = g_markup_escape_text (path, -1);
      g_autofree char *escaped_value = g_markup_escape_text (value, -1);

      g_string_append_printf (markup, "☐ <b>%s</b>: <tt>%s</tt>\n    %s", escaped_title,
                              escaped_value, escaped_path);
      if (phoneset_setting_get_keypad (setting) != NULL)
        g_string_append_printf (markup, " (%s %s)",
                                _("keypad"), phoneset_setting_get_keypad (setting));
      g_string_append (markup, "\n\n");
    }

  *layout = pango_cairo_create_layout (
    cairo_create (cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1)));
  pango_layout_set_font_description (*layout, font);
  pango_layout_set_markup (*layout, markup->str, -1);
  pango_font_description_free (font);

  g_signal_connect (operation, "begin-print", G_CALLBACK (print_begin_cb), layout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_draw_cb), layout);
  g_object_set_data_full (G_OBJECT (operation), "layout", layout,
                          (GDestroyNotify)print_layout_free);
  gtk_print_operation_set_job_name (operation, title);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _phoneset_phone_view_show_error (self, _("Could Not Print"), error->message);
}

static void
sheet_response_cb (AdwMessageDialog *message_dialog,
                   const char       *response,
                   ExportDialog     *dialog)
{
  if (g_str_equal (response, "print"))
    {
      print_setup_sheet (dialog->self);
      export_dialog_free (dialog);
    }
  else
    export_response_cb (message_dialog, response, dialog);
}

/* A file: how it is named, and the model whose common file it is. */
static void
add_file_choices (PhonesetPhoneView *self,
                  ExportDialog      *dialog,
                  GtkWidget         *box,
                  PhonesetProfile   *profile)
{
  const char *namings[] = { _("The model's common file"), _("This phone's MAC file"),
                                                              _("A custom name"), NULL };
  GPtrArray  *models = phoneset_profile_get_models (profile);
  g_autoptr(GtkStringList) model_names = gtk_string_list_new (NULL);
  guint selected_model = 0;

  dialog->naming = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (namings));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->naming), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("File name"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->naming));

  for (guint i = 0; i < models->len; i++)
    {
      PhonesetModel *model = g_ptr_array_index (models, i);

      gtk_string_list_append (model_names, model->name);
      if (phoneset_phone_get_model (self->phone) != NULL &&
          strstr (phoneset_phone_get_model (self->phone), model->name) != NULL)
        selected_model = i;
    }
  dialog->model =
    GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model_names)), NULL));
  gtk_drop_down_set_selected (dialog->model, selected_model);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->model), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Model"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->model));
  if (phoneset_phone_get_mac (self->phone) != NULL)
    gtk_drop_down_set_selected (dialog->naming, 1);
}

/* Installers export again and again to the provisioning server's folder:
 * the last one is a click away. */
static void
add_export_again (ExportDialog *dialog,
                  GtkWidget    *message)
{
  g_autofree char *last = g_settings_get_string (dialog->settings, "last-export-folder");

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *base = g_path_get_basename (last);
      g_autofree char *label = g_strdup_printf (_("Export to “%s”"), base);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "export-again", label);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "export-again",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "export",
                                                  ADW_RESPONSE_DEFAULT);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "export-again");
    }
}

void
_phoneset_phone_view_export_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  PhonesetPhoneView *self = PHONESET_PHONE_VIEW (widget);
  PhonesetProfile   *profile = _phoneset_phone_view_get_profile (self);
  ExportDialog      *dialog;
  GtkWidget         *message;
  GtkWidget         *box;
  GtkWidget         *warning;
  PhonesetCfgFormat  format;
  gboolean           has_file;

  if (profile == NULL)
    return;
  has_file = phoneset_profile_get_file_format (profile, &format);

  dialog = g_new0 (ExportDialog, 1);
  dialog->settings = g_object_ref (phoneset_context_get_settings (self->context));
  dialog->self = g_object_ref (self);
  message = adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (widget)), has_file
    ? _("Export Provisioning File")
    : _("Setup Sheet"), has_file
         ? _("Write the phone's provisioning file for your provisioning server, "
                                                 "or to load through the phone's web interface.")
         : _("This phone has no provisioning file format. The setup sheet lists each setting "
                                                 "to change with its menu path and keypad shortcut, to enter on the phone."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  if (has_file)
    add_file_choices (self, dialog, box, profile);
  else
    dialog->naming =
      GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *[]){ _("Setup sheet"), NULL }));

  dialog->custom = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (dialog->custom, _("File name, or the ID typed on the phone"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->custom), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Custom file name"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->custom));

  dialog->secrets =
    GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Include _passwords")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->secrets));
  warning = gtk_label_new (
    _("Anyone who can read the file, or the server it is on, can read the passwords."));
  gtk_label_set_wrap (GTK_LABEL (warning), TRUE);
  gtk_label_set_xalign (GTK_LABEL (warning), 0);
  gtk_widget_add_css_class (warning, "caption");
  gtk_widget_add_css_class (warning, "warning");
  g_object_bind_property (dialog->secrets, "active", warning, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), warning);

  g_signal_connect (dialog->naming, "notify::selected", G_CALLBACK (naming_changed_cb), dialog);
  naming_changed_cb (dialog->naming, NULL, dialog);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "cancel", _("_Cancel"));
  if (!has_file)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "print", _("_Print…"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "export",
                                   has_file ? _("_Choose Folder…") : _("_Save…"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "export");
  add_export_again (dialog, message);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");
  g_signal_connect (message, "response",
                    G_CALLBACK (has_file ? export_response_cb : sheet_response_cb), dialog);
  gtk_window_present (GTK_WINDOW (message));
}
