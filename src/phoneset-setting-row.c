/* phoneset-setting-row.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row factory: one libadwaita row per setting, chosen by the setting's
 * type — a switch for bool, a spin button for numbers, a combo row for
 * enums, an entry with inline validation for text, a password entry for
 * passwords. Every row says where the setting is on the phone, marks
 * settings that need a restart or are unconfirmed, shows when its value
 * differs from what the phone has, and edits the config through the
 * history so that every change can be undone. No vendor is named here:
 * the profile says everything.
 */

#define G_LOG_DOMAIN "phoneset-setting-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-setting-row.h"
#include "phoneset-setting-sources.h"
#include "phoneset-test-private.h"

typedef struct
{
  PhonesetConfigHistory *history;
  PhonesetConfig        *baseline;
  PhonesetSetting       *setting;
  GtkWidget             *row;     /* borrowed: the binding lives as long as the row */
  GtkWidget             *editor;  /* switch, spin button, entry; NULL for combo rows */
  GtkWidget             *changed; /* the "changed" mark */
  gulong                 changed_handler;
  guint                  commit_source; /* text: commit after a pause in typing */
  guint                  updating : 1;
  guint                  invalid : 1;
} Binding;

static void commit (Binding *binding, const char *text);

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  /* Nothing typed is lost: a pending value is committed now. */
  if (binding->commit_source != 0)
    {
      g_clear_handle_id (&binding->commit_source, g_source_remove);
      commit (binding, gtk_editable_get_text (GTK_EDITABLE (binding->editor)));
    }
  g_clear_signal_handler (&binding->changed_handler,
                          phoneset_config_history_get_config (binding->history));
  g_clear_object (&binding->history);
  g_clear_object (&binding->baseline);
  g_free (binding);
}

static Binding *
get_binding (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "phoneset-binding");
}

static const char *
current_value (Binding *binding)
{
  return phoneset_config_get_effective (phoneset_config_history_get_config (binding->history),
                                        phoneset_setting_get_id (binding->setting));
}

static char *
dup_subtitle (PhonesetSetting *setting)
{
  g_autofree char *path = phoneset_setting_dup_menu_path_text (setting);
  GString         *str = g_string_new (NULL);
  const char      *keypad = phoneset_setting_get_keypad (setting);

  g_string_append_printf (str, _("On the phone: %s"), path);
  if (keypad != NULL)
    g_string_append_printf (str, " (%s)", keypad);
  if (phoneset_setting_get_reboot (setting))
    {
      g_string_append (str, " · ");
      g_string_append (str, _("needs a restart"));
    }
  return g_string_free (str, FALSE);
}

static void
update_changed_mark (Binding *binding)
{
  const char *now = current_value (binding);
  const char *before =
    binding->baseline ? phoneset_config_get_effective (binding->baseline,
                                                       phoneset_setting_get_id (binding->setting))
                      : phoneset_setting_get_default (binding->setting);
  gboolean changed = g_strcmp0 (now, before) != 0;

  gtk_widget_set_visible (binding->changed, changed);
  if (changed)
    {
      g_autofree char *shown =
        phoneset_setting_dup_display_value (binding->setting, before ? before : "");
      g_autofree char *tip = g_strdup_printf (_("Changed; the phone has “%s”"), shown);

      gtk_widget_set_tooltip_text (binding->changed, tip);
      gtk_widget_add_css_class (binding->row, "changed");
    }
  else
    gtk_widget_remove_css_class (binding->row, "changed");
}

static void
set_invalid (Binding    *binding,
             const char *message)
{
  binding->invalid = message != NULL;
  if (message != NULL)
    {
      gtk_widget_add_css_class (binding->editor, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (binding->row), message);
      gtk_widget_add_css_class (binding->row, "invalid");
    }
  else
    {
      g_autofree char *subtitle = dup_subtitle (binding->setting);

      gtk_widget_remove_css_class (binding->editor, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (binding->row), subtitle);
      gtk_widget_remove_css_class (binding->row, "invalid");
    }
}

/* Writes what the user did into the config, as one undoable step. */
static void
commit (Binding    *binding,
        const char *text)
{
  g_autoptr(GError) error = NULL;

  if (binding->updating)
    return;
  binding->updating = TRUE;
  if (!phoneset_config_history_set (binding->history, phoneset_setting_get_id (binding->setting),
                                    text, &error))
    {
      /* The message names the setting; the row shows only the reason. */
      const char *reason = strstr (error->message, "): ");

      set_invalid (binding, reason ? reason + 3 : error->message);
    }
  else if (binding->invalid && binding->editor != NULL)
    set_invalid (binding, NULL);
  binding->updating = FALSE;
  update_changed_mark (binding);
}

/* Shows the config's value (after an undo, a revert, an import). */
static void
refresh (Binding *binding)
{
  const char *value = current_value (binding);

  binding->updating = TRUE;
  switch (phoneset_setting_get_value_type (binding->setting))
    {
    case PHONESET_SETTING_BOOL:
      gtk_switch_set_active (GTK_SWITCH (binding->editor), g_strcmp0 (value, "true") == 0);
      break;
    case PHONESET_SETTING_INT:
    case PHONESET_SETTING_PORT:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (binding->editor), g_ascii_strtod (value, NULL));
      break;
    case PHONESET_SETTING_ENUM:
      {
        GPtrArray *values = phoneset_setting_get_enum_values (binding->setting);

        for (guint i = 0; i < values->len; i++)
          if (g_strcmp0 (((PhonesetEnumValue *)g_ptr_array_index (values, i))->id, value) == 0)
            adw_combo_row_set_selected (ADW_COMBO_ROW (binding->row), i);
      }
      break;
    case PHONESET_SETTING_STRING:
    case PHONESET_SETTING_HOST:
    case PHONESET_SETTING_HOST_PORT:
    case PHONESET_SETTING_URL:
    case PHONESET_SETTING_PASSWORD:
    case PHONESET_SETTING_IP_LIST:
    case PHONESET_SETTING_MAC:
    default:
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (binding->editor)), value) != 0)
        gtk_editable_set_text (GTK_EDITABLE (binding->editor), value ? value : "");
      if (binding->invalid)
        set_invalid (binding, NULL);
      break;
    }
  binding->updating = FALSE;
  update_changed_mark (binding);
}

static void
config_changed_cb (Binding    *binding,
                   const char *id)
{
  if (g_strcmp0 (id, phoneset_setting_get_id (binding->setting)) == 0 && !binding->updating)
    refresh (binding);
}

static void
switch_active_cb (GtkSwitch  *sw,
                  GParamSpec *pspec,
                  Binding    *binding)
{
  commit (binding, gtk_switch_get_active (sw) ? "true" : "false");
}

static void
spin_value_cb (GtkSpinButton *spin,
               Binding       *binding)
{
  g_autofree char *text = g_strdup_printf ("%.0f", gtk_spin_button_get_value (spin));

  commit (binding, text);
}

static void
combo_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   Binding     *binding)
{
  GPtrArray *values = phoneset_setting_get_enum_values (binding->setting);
  guint      selected = adw_combo_row_get_selected (row);

  if (selected < values->len)
    commit (binding, ((PhonesetEnumValue *)g_ptr_array_index (values, selected))->id);
}

static gboolean
commit_timeout_cb (gpointer data)
{
  Binding *binding = data;

  binding->commit_source = 0;
  commit (binding, gtk_editable_get_text (GTK_EDITABLE (binding->editor)));
  return G_SOURCE_REMOVE;
}

/* Text is checked at every keystroke and written to the config after a
 * pause in typing (or on Enter), so that one pause is one undo step and
 * half-typed values never reach the config. */
static void
entry_changed_cb (GtkEditable *editable,
                  Binding     *binding)
{
  g_autoptr(GError) error = NULL;

  if (binding->updating)
    return;
  g_clear_handle_id (&binding->commit_source, g_source_remove);
  if (!phoneset_setting_validate (binding->setting, gtk_editable_get_text (editable), NULL, &error))
    {
      const char *reason = strstr (error->message, "): ");

      set_invalid (binding, reason ? reason + 3 : error->message);
      return;
    }
  if (binding->invalid)
    set_invalid (binding, NULL);
  binding->commit_source =
    g_timeout_add (PHONESET_SETTING_ROW_COMMIT_DELAY, commit_timeout_cb, binding);
}

static void
entry_activate_cb (GtkEditable *editable,
                   Binding     *binding)
{
  if (binding->commit_source != 0)
    {
      g_clear_handle_id (&binding->commit_source, g_source_remove);
      commit (binding, gtk_editable_get_text (editable));
    }
}

static GtkWidget *
info_button (PhonesetSetting *setting)
{
  GtkWidget       *button = gtk_menu_button_new ();
  GtkWidget       *popover = gtk_popover_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget       *help = gtk_label_new (phoneset_setting_get_help (setting));
  g_autofree char *path = phoneset_setting_dup_menu_path_text (setting);
  g_autofree char *where = g_strdup_printf (_("On the phone: %s"), path);
  g_autofree char *name = g_strdup_printf (_("About “%s”"), phoneset_setting_get_title (setting));
  g_autofree char *id = g_strdup_printf (_("Setting id: %s"), phoneset_setting_get_id (setting));
  g_autofree char *default_remark = phoneset_setting_dup_default_remark (setting);
  g_autofree char *range_remark = phoneset_setting_dup_range_remark (setting);
  const char      *remarks[] = { default_remark, range_remark };
  gboolean         confirmed[] = { phoneset_setting_get_default_source (setting) != NULL,
                                   phoneset_setting_get_range_source (setting) != NULL };
  GtkWidget       *label;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_size_request (box, 320, -1);

  gtk_label_set_wrap (GTK_LABEL (help), TRUE);
  gtk_label_set_xalign (GTK_LABEL (help), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (help), 48);
  gtk_box_append (GTK_BOX (box), help);

  label = gtk_label_new (where);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  if (phoneset_setting_get_note (setting) != NULL)
    {
      label = gtk_label_new (phoneset_setting_get_note (setting));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), label);
    }

  /* Where the default and the range come from, or that no vendor source
   * confirms them. */
  for (guint i = 0; i < G_N_ELEMENTS (remarks); i++)
    {
      if (remarks[i] == NULL)
        continue;
      label = gtk_label_new (remarks[i]);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, confirmed[i] ? "dim-label" : "warning");
      gtk_widget_set_name (label, i == 0 ? "default-source" : "range-source");
      gtk_box_append (GTK_BOX (box), label);
    }

  label = gtk_label_new (id);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), phoneset_setting_get_note (setting)
                                                             ? "dialog-warning-symbolic"
                                                             : "help-about-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, phoneset_setting_get_note (setting)
                                         ? phoneset_setting_get_note (setting)
                                         : phoneset_setting_get_help (setting));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

/* The row for @binding's setting, with the editor its type takes. */
static GtkWidget *
new_editor_row (Binding *binding)
{
  PhonesetSetting *setting = binding->setting;
  GtkWidget       *row;

  switch (phoneset_setting_get_value_type (setting))
    {
    case PHONESET_SETTING_BOOL:
      row = adw_action_row_new ();
      binding->editor = gtk_switch_new ();
      gtk_widget_set_valign (binding->editor, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), binding->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), binding->editor);
      g_signal_connect (binding->editor, "notify::active", G_CALLBACK (switch_active_cb), binding);
      break;

    case PHONESET_SETTING_INT:
    case PHONESET_SETTING_PORT:
      {
        gint64 min = phoneset_setting_get_min (setting);
        gint64 max = phoneset_setting_get_max (setting);

        row = adw_action_row_new ();
        binding->editor = gtk_spin_button_new_with_range ((double)MAX (min, -2147483647),
                                                          (double)MIN (max, 2147483647), 1);
        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (binding->editor), TRUE);
        gtk_widget_set_valign (binding->editor, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), binding->editor);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), binding->editor);
        if (phoneset_setting_get_unit (setting) != NULL)
          {
            GtkWidget *unit = gtk_label_new (phoneset_setting_get_unit (setting));

            gtk_widget_add_css_class (unit, "dim-label");
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
          }
        g_signal_connect (binding->editor, "value-changed", G_CALLBACK (spin_value_cb), binding);
      }
      break;

    case PHONESET_SETTING_ENUM:
      {
        GPtrArray *values = phoneset_setting_get_enum_values (setting);
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        for (guint i = 0; i < values->len; i++)
          gtk_string_list_append (labels,
                                  ((PhonesetEnumValue *)g_ptr_array_index (values, i))->label);
        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), binding);
      }
      break;

    case PHONESET_SETTING_PASSWORD:
      row = adw_action_row_new ();
      binding->editor = gtk_password_entry_new ();
      gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (binding->editor), TRUE);
      gtk_widget_set_valign (binding->editor, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (binding->editor, 200, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), binding->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), binding->editor);
      g_signal_connect (binding->editor, "changed", G_CALLBACK (entry_changed_cb), binding);
      g_signal_connect (binding->editor, "activate", G_CALLBACK (entry_activate_cb), binding);
      break;

    case PHONESET_SETTING_STRING:
    case PHONESET_SETTING_HOST:
    case PHONESET_SETTING_HOST_PORT:
    case PHONESET_SETTING_URL:
    case PHONESET_SETTING_IP_LIST:
    case PHONESET_SETTING_MAC:
    default:
      row = adw_action_row_new ();
      binding->editor = gtk_entry_new ();
      gtk_widget_set_valign (binding->editor, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (binding->editor, 200, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), binding->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), binding->editor);
      g_signal_connect (binding->editor, "changed", G_CALLBACK (entry_changed_cb), binding);
      g_signal_connect (binding->editor, "activate", G_CALLBACK (entry_activate_cb), binding);
      break;
    }

  return row;
}

/**
 * phoneset_setting_row_new:
 * @history: the edits of the phone's config
 * @setting: the setting
 * @baseline: (nullable): what the phone has, to mark changed values
 *
 * Returns: (transfer floating): a row for @setting
 */
GtkWidget *
phoneset_setting_row_new (PhonesetConfigHistory *history,
                          PhonesetSetting       *setting,
                          PhonesetConfig        *baseline)
{
  Binding         *binding = g_new0 (Binding, 1);
  g_autofree char *subtitle = dup_subtitle (setting);
  PhonesetConfig  *config = phoneset_config_history_get_config (history);
  const char      *title = phoneset_setting_get_title (setting);
  GtkWidget       *row;

  binding->history = g_object_ref (history);
  binding->baseline = baseline ? g_object_ref (baseline) : NULL;
  binding->setting = setting;

  row = new_editor_row (binding);

  binding->row = row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (binding->editor != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (binding->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    title, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    phoneset_setting_get_help (setting), -1);

  binding->changed = gtk_image_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_add_css_class (binding->changed, "accent");
  gtk_widget_set_visible (binding->changed, FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), binding->changed);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), info_button (setting));

  g_object_set_data_full (G_OBJECT (row), "phoneset-binding", binding, binding_free);
  binding->changed_handler =
    g_signal_connect_swapped (config, "changed", G_CALLBACK (config_changed_cb), binding);
  refresh (binding);

  return row;
}

/**
 * phoneset_setting_row_get_setting:
 * @row: a row made by phoneset_setting_row_new()
 *
 * Returns: (transfer none): its setting
 */
PhonesetSetting *
phoneset_setting_row_get_setting (GtkWidget *row)
{
  Binding *binding = get_binding (row);

  return binding ? binding->setting : NULL;
}

/**
 * phoneset_setting_row_set_problem:
 * @row: a row made by phoneset_setting_row_new()
 * @message: what is wrong with the value, for the user
 *
 * Marks the row invalid with @message under its title (an imported file's
 * value that is out of range), until the user sets a value.
 */
void
phoneset_setting_row_set_problem (GtkWidget  *row,
                                  const char *message)
{
  Binding *binding = get_binding (row);

  g_return_if_fail (binding != NULL);
  g_return_if_fail (message != NULL);

  if (binding->editor != NULL)
    set_invalid (binding, message);
}

gboolean
phoneset_setting_row_is_changed (GtkWidget *row)
{
  Binding *binding = get_binding (row);

  return binding != NULL && gtk_widget_get_visible (binding->changed);
}

/**
 * phoneset_setting_row_matches:
 * @setting: a setting
 * @query: what the user typed
 *
 * Returns: %TRUE if every word of @query is in the setting's title, help,
 *   id or menu path
 */
gboolean
phoneset_setting_row_matches (PhonesetSetting *setting,
                              const char      *query)
{
  g_autofree char *path = phoneset_setting_dup_menu_path_text (setting);
  g_autofree char *haystack =
    g_strjoin (" ", phoneset_setting_get_title (setting), phoneset_setting_get_help (setting),
               phoneset_setting_get_id (setting), path, NULL);
  g_autofree char *folded = g_utf8_casefold (haystack, -1);
  g_autofree char *q = g_utf8_casefold (query, -1);
  g_auto(GStrv) words = g_strsplit_set (q, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}
