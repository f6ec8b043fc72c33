/* phoneset-fleet-dialog.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-fleet-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-file.h"
#include "phoneset-error.h"
#include "phoneset-fleet-dialog.h"
#include "phoneset-fleet.h"
#include "phoneset-mac.h"
#include "phoneset-test-private.h"

/* The preview shows this many phones and problems; all are exported. */
#define PREVIEW_MAX_PHONES   200
#define PREVIEW_MAX_PROBLEMS 50

/**
 * PhonesetFleetDialog:
 *
 * “Export for a Fleet”: a profile (and model), a phone list loaded from a
 * CSV file or pasted, a preview of every phone's own values with the bad
 * rows by line, an output folder, and the export: the common file, one
 * file per MAC and a README with the DHCP and PnP set-up. Nothing is
 * written while a row is bad. Emits #PhonesetFleetDialog::exported.
 */
struct _PhonesetFleetDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwComboRow          *profile_row;
  AdwComboRow          *model_row;
  AdwActionRow         *list_row;
  GtkTextView          *csv_view;
  GtkLabel             *status_label;
  GtkListBox           *problems_list;
  GtkWidget            *preview_frame;
  GtkGrid              *preview_grid;
  AdwActionRow         *folder_row;
  AdwEntryRow          *server_url_row;
  GtkWidget            *export_button;

  /* Owned references */
  GPtrArray            *profiles; /* PhonesetProfile with a file format */
  PhonesetConfig       *common;
  PhonesetFleet        *fleet;
  char                 *folder;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (PhonesetFleetDialog, phoneset_fleet_dialog, ADW_TYPE_WINDOW)

enum
{
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PhonesetProfile *
selected_profile (PhonesetFleetDialog *self)
{
  guint i = adw_combo_row_get_selected (self->profile_row);

  return i < self->profiles->len ? g_ptr_array_index (self->profiles, i) : NULL;
}

/* NULL when the profile has no common file (then no model is needed). */
static const char *
selected_model (PhonesetFleetDialog *self)
{
  PhonesetProfile *profile = selected_profile (self);
  GPtrArray       *models;
  guint            i;

  if (profile == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->model_row)))
    return NULL;
  models = phoneset_profile_get_models (profile);
  i = adw_combo_row_get_selected (self->model_row);
  return i < models->len ? ((PhonesetModel *)g_ptr_array_index (models, i))->name : NULL;
}

static GtkWidget *
cell (const char *text,
      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
update_export_button (PhonesetFleetDialog *self)
{
  gboolean ready = self->fleet != NULL && phoneset_fleet_get_problems (self->fleet)->len == 0 &&
                   phoneset_fleet_get_phones (self->fleet)->len > 0 && self->folder != NULL;

  gtk_widget_set_sensitive (self->export_button, ready);
}

static void
clear_preview (PhonesetFleetDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  gtk_widget_set_visible (self->preview_frame, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), FALSE);
}

static void
show_preview (PhonesetFleetDialog *self)
{
  GPtrArray *columns = phoneset_fleet_get_columns (self->fleet);
  GPtrArray *phones = phoneset_fleet_get_phones (self->fleet);
  GPtrArray *problems = phoneset_fleet_get_problems (self->fleet);
  g_autoptr(GPtrArray) setting_columns = g_ptr_array_new ();
  int col = 0;

  for (guint i = 0; i < columns->len; i++)
    {
      const char *name = g_ptr_array_index (columns, i);

      if (g_ascii_strcasecmp (name, "mac") != 0 && g_ascii_strcasecmp (name, "name") != 0 &&
          name[0] != '\0' &&
          phoneset_profile_lookup_setting (selected_profile (self), name) != NULL)
        g_ptr_array_add (setting_columns, (gpointer)name);
    }

  /* The table: line, MAC, name, then each setting column. */
  gtk_grid_attach (self->preview_grid, cell (_("Line"), "heading"), col++, 0, 1, 1);
  gtk_grid_attach (self->preview_grid, cell (_("MAC Address"), "heading"), col++, 0, 1, 1);
  gtk_grid_attach (self->preview_grid, cell (_("Name"), "heading"), col++, 0, 1, 1);
  for (guint i = 0; i < setting_columns->len; i++)
    {
      PhonesetSetting *setting = phoneset_profile_lookup_setting (
        selected_profile (self), g_ptr_array_index (setting_columns, i));
      GtkWidget *label = cell (phoneset_setting_get_title (setting), "heading");

      gtk_widget_set_tooltip_text (label, g_ptr_array_index (setting_columns, i));
      gtk_grid_attach (self->preview_grid, label, col++, 0, 1, 1);
    }
  for (guint r = 0; r < phones->len && r < PREVIEW_MAX_PHONES; r++)
    {
      PhonesetFleetPhone *phone = g_ptr_array_index (phones, r);
      g_autofree char    *line = g_strdup_printf ("%u", phone->line);
      g_autofree char    *mac =
        phoneset_mac_normalize (phone->mac, PHONESET_MAC_STYLE_COLON_UPPER, NULL);

      col = 0;
      gtk_grid_attach (self->preview_grid, cell (line, "dim-label"), col++, r + 1, 1, 1);
      gtk_grid_attach (self->preview_grid, cell (mac, "monospace"), col++, r + 1, 1, 1);
      gtk_grid_attach (self->preview_grid, cell (phone->name ? phone->name : "", NULL), col++,
                       r + 1, 1, 1);
      for (guint i = 0; i < setting_columns->len; i++)
        {
          const char *value =
            g_hash_table_lookup (phone->values, g_ptr_array_index (setting_columns, i));

          /* An empty cell keeps the common value. */
          gtk_grid_attach (self->preview_grid, value ? cell (value, NULL)
                                                     : cell (_("common"), "dim-label"), col++,
                                                             r + 1, 1, 1);
        }
    }
  if (phones->len > PREVIEW_MAX_PHONES)
    {
      g_autofree char *more =
        g_strdup_printf (_("… and %u more phones"), phones->len - PREVIEW_MAX_PHONES);

      gtk_grid_attach (self->preview_grid, cell (more, "dim-label"), 0, PREVIEW_MAX_PHONES + 1, 3,
                       1);
    }
  gtk_widget_set_visible (self->preview_frame, phones->len > 0);

  for (guint i = 0; i < problems->len && i < PREVIEW_MAX_PROBLEMS; i++)
    {
      PhonesetFleetProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char      *title =
        problem->column ? g_strdup_printf (_("Line %u, %s"), problem->line, problem->column)
                        : g_strdup_printf (_("Line %u"), problem->line);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
      gtk_list_box_append (self->problems_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), problems->len > 0);
}

static void
reparse (PhonesetFleetDialog *self)
{
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (self->csv_view);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  g_clear_pointer (&self->fleet, phoneset_fleet_free);
  clear_preview (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (self->common == NULL || text[0] == '\0')
    {
      gtk_label_set_text (self->status_label,
                          _("Open a CSV file or paste the phone list, with a header line such as "
                                                "“mac,name,line.1.number”."));
      update_export_button (self);
      return;
    }

  self->fleet = phoneset_fleet_parse (self->common, text, strlen (text), &error);
  if (self->fleet == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      guint            n_phones = phoneset_fleet_get_phones (self->fleet)->len;
      guint            n_problems = phoneset_fleet_get_problems (self->fleet)->len;
      g_autofree char *phones = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u phone", "%u phones", n_phones), n_phones);
      g_autofree char *status = NULL;

      if (n_problems > 0)
        status =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u line to correct before the export",
                                        "%s; %u lines to correct before the export", n_problems),
                           phones, n_problems);
      else if (n_phones == 0)
        status = g_strdup (_("No phones yet: add one line per phone under the header."));
      else
        status = g_strdup_printf (_("%s, ready to export"), phones);
      gtk_label_set_text (self->status_label, status);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                                n_problems > 0 ? "error" : "success");
      show_preview (self);
    }
  update_export_button (self);
}

static void
buffer_changed_cb (PhonesetFleetDialog *self)
{
  reparse (self);
}

static void
model_changed_cb (PhonesetFleetDialog *self)
{
  update_export_button (self);
}

static void
profile_changed_cb (PhonesetFleetDialog *self)
{
  PhonesetProfile *profile = selected_profile (self);
  g_autoptr(GtkStringList) models = gtk_string_list_new (NULL);
  gboolean any_common = FALSE;

  if (profile == NULL)
    return;
  for (guint i = 0; i < phoneset_profile_get_models (profile)->len; i++)
    {
      PhonesetModel *model = g_ptr_array_index (phoneset_profile_get_models (profile), i);

      gtk_string_list_append (models, model->name);
      any_common |= model->common_file != NULL;
    }
  adw_combo_row_set_model (self->model_row, G_LIST_MODEL (models));
  gtk_widget_set_sensitive (GTK_WIDGET (self->model_row), any_common);
  adw_action_row_set_subtitle (
    ADW_ACTION_ROW (self->model_row), any_common
    ? _("Names the common file")
    : _("No common file is known for these phones: each phone's file carries every setting"));

  if (self->common == NULL || phoneset_config_get_profile (self->common) != profile)
    {
      g_clear_object (&self->common);
      self->common = phoneset_config_new (profile);
    }
  reparse (self);
}

static void
cancel_clicked_cb (PhonesetFleetDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (PhonesetFleetDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!phoneset_fleet_dialog_export (self, &error))
    {
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PhonesetFleetDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  gsize            len = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &len, NULL, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (len > PHONESET_CSV_MAX_SIZE || memchr (contents, '\0', len) != NULL ||
      !g_utf8_validate (contents, len, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("%s is not a CSV text file (UTF-8)"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }
  adw_action_row_set_subtitle (self->list_row, name);
  phoneset_fleet_dialog_set_csv_text (self, contents);
}

static void
chooser_response_cb (PhonesetFleetDialog  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL &&
      gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN)
    g_file_load_contents_async (file, NULL, file_loaded_cb, g_object_ref (self));
  else if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        phoneset_fleet_dialog_set_output_folder (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
open_chooser (PhonesetFleetDialog  *self,
              GtkFileChooserAction  action)
{
  gboolean open = action == GTK_FILE_CHOOSER_ACTION_OPEN;

  g_clear_object (&self->chooser);
  self->chooser =
    gtk_file_chooser_native_new (open ? _("Open Phone List")
                                      : _("Choose the Output Folder"), GTK_WINDOW (self), action,
                                           open ? _("_Open") : _("_Choose"), _("_Cancel"));
  if (open)
    {
      g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (csv, _("Phone lists (CSV)"));
      gtk_file_filter_add_mime_type (csv, "text/csv");
      gtk_file_filter_add_suffix (csv, "csv");
      gtk_file_filter_add_suffix (csv, "txt");
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_clicked_cb (PhonesetFleetDialog *self)
{
  open_chooser (self, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
folder_clicked_cb (PhonesetFleetDialog *self)
{
  open_chooser (self, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
phoneset_fleet_dialog_dispose (GObject *object)
{
  PhonesetFleetDialog *self = (PhonesetFleetDialog *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_FLEET_DIALOG);

  G_OBJECT_CLASS (phoneset_fleet_dialog_parent_class)->dispose (object);
}

static void
phoneset_fleet_dialog_finalize (GObject *object)
{
  PhonesetFleetDialog *self = (PhonesetFleetDialog *)object;

  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_object (&self->common);
  g_clear_pointer (&self->fleet, phoneset_fleet_free);
  g_free (self->folder);

  G_OBJECT_CLASS (phoneset_fleet_dialog_parent_class)->finalize (object);
}

static void
phoneset_fleet_dialog_class_init (PhonesetFleetDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = phoneset_fleet_dialog_dispose;
  object_class->finalize = phoneset_fleet_dialog_finalize;

  /**
   * PhonesetFleetDialog::exported:
   * @folder: where the files are
   * @n_files: how many were written
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phoneset/Phoneset/phoneset-fleet-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, model_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, list_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, csv_view);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, server_url_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetFleetDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, profile_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, model_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
phoneset_fleet_dialog_init (PhonesetFleetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->csv_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * phoneset_fleet_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @profiles: (element-type PhonesetProfile): the phone profiles; those
 *   without a provisioning file format are left out
 *
 * Returns: (transfer full): a new dialog; present it
 */
PhonesetFleetDialog *
phoneset_fleet_dialog_new (GtkWindow *parent,
                           GPtrArray *profiles)
{
  PhonesetFleetDialog *self =
    g_object_new (PHONESET_TYPE_FLEET_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->profiles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; profiles != NULL && i < profiles->len; i++)
    {
      PhonesetProfile  *profile = g_ptr_array_index (profiles, i);
      PhonesetCfgFormat format;

      if (!phoneset_profile_get_file_format (profile, &format))
        continue;
      g_ptr_array_add (self->profiles, g_object_ref (profile));
      gtk_string_list_append (names, phoneset_profile_get_title (profile));
    }
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
  profile_changed_cb (self);
  return self;
}

/**
 * phoneset_fleet_dialog_select_profile:
 * @profile_id: a profile id
 * @model: (nullable): one of its models
 *
 * Returns: %TRUE if the profile (and model) are offered
 */
gboolean
phoneset_fleet_dialog_select_profile (PhonesetFleetDialog *self,
                                      const char          *profile_id,
                                      const char          *model)
{
  g_return_val_if_fail (PHONESET_IS_FLEET_DIALOG (self), FALSE);

  for (guint i = 0; i < self->profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (self->profiles, i);
      GPtrArray       *models = phoneset_profile_get_models (profile);

      if (!g_str_equal (phoneset_profile_get_id (profile), profile_id))
        continue;
      adw_combo_row_set_selected (self->profile_row, i);
      if (model == NULL)
        return TRUE;
      for (guint j = 0; j < models->len; j++)
        if (g_str_equal (((PhonesetModel *)g_ptr_array_index (models, j))->name, model))
          {
            adw_combo_row_set_selected (self->model_row, j);
            return TRUE;
          }
      return FALSE;
    }
  return FALSE;
}

/**
 * phoneset_fleet_dialog_set_common_config:
 * @config: the values every phone gets (its profile is selected)
 */
void
phoneset_fleet_dialog_set_common_config (PhonesetFleetDialog *self,
                                         PhonesetConfig      *config)
{
  g_return_if_fail (PHONESET_IS_FLEET_DIALOG (self));
  g_return_if_fail (PHONESET_IS_CONFIG (config));

  g_set_object (&self->common, config);
  phoneset_fleet_dialog_select_profile (
    self, phoneset_profile_get_id (phoneset_config_get_profile (config)), NULL);
  reparse (self);
}

void
phoneset_fleet_dialog_set_csv_text (PhonesetFleetDialog *self,
                                    const char          *text)
{
  g_return_if_fail (PHONESET_IS_FLEET_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->csv_view), text ? text : "", -1);
}

void
phoneset_fleet_dialog_set_output_folder (PhonesetFleetDialog *self,
                                         const char          *folder)
{
  g_return_if_fail (PHONESET_IS_FLEET_DIALOG (self));

  g_free (self->folder);
  self->folder = g_strdup (folder);
  adw_action_row_set_subtitle (self->folder_row, folder ? folder : _("Not chosen"));
  update_export_button (self);
}

/**
 * phoneset_fleet_dialog_export:
 * @error: a location for a #GError
 *
 * Writes the common file, the MAC files and the README into the output
 * folder: all of them, or none.
 *
 * Returns: %TRUE if written
 */
gboolean
phoneset_fleet_dialog_export (PhonesetFleetDialog  *self,
                              GError              **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autofree char     *message = NULL;
  const char          *url = gtk_editable_get_text (GTK_EDITABLE (self->server_url_row));
  PhonesetFleetOptions options = { 0 };

  g_return_val_if_fail (PHONESET_IS_FLEET_DIALOG (self), FALSE);

  if (self->fleet == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("Open or paste the phone list first."));
      return FALSE;
    }
  if (self->folder == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("Choose the folder to export to."));
      return FALSE;
    }
  options.model = selected_model (self);
  options.server_url = url[0] != '\0' ? url : NULL;
  if (!phoneset_fleet_render (self->fleet, &options, names, contents, error) ||
      !phoneset_file_replace_all (self->folder, names, contents, 0644, error))
    return FALSE;

  message = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Wrote %u files for %u phone; the README says how to serve them",
                 "Wrote %u files for %u phones; the README says how to serve them",
                 phoneset_fleet_get_phones (self->fleet)->len),
    names->len, phoneset_fleet_get_phones (self->fleet)->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_signal_emit (self, signals[EXPORTED], 0, self->folder, names->len);
  return TRUE;
}
