/* phoneset-phone-view.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone's workspace: its overview, then its profile's menu tree as pages
 * of rows made by the row factory, with search across every setting,
 * undo and redo, revert to what the phone has, export and import. Nothing
 * here knows a vendor: the profile drives it all.
 */

#define G_LOG_DOMAIN "phoneset-phone-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg.h"
#include "phoneset-config-history.h"
#include "phoneset-drafts.h"
#include "phoneset-error.h"
#include "phoneset-phone-view-private.h"
#include "phoneset-reachability.h"
#include "phoneset-setting-row.h"
#include "phoneset-stun-page.h"
#include "phoneset-events-page.h"
#include "phoneset-keypad-page.h"
#include "phoneset-push-dialog.h"
#include "phoneset-test-private.h"

G_DEFINE_FINAL_TYPE (PhonesetPhoneView, phoneset_phone_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  FORGET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void  show_row (PhonesetPhoneView *self, GtkListBoxRow *row);

PhonesetProfile *
_phoneset_phone_view_get_profile (PhonesetPhoneView *self)
{
  const char *id = phoneset_phone_get_profile_id (self->phone);

  return id ? phoneset_profiles_find (self->profiles, id) : NULL;
}

void
_phoneset_phone_view_toast (PhonesetPhoneView *self,
                            const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  g_debug ("%s", message);
}

void
_phoneset_phone_view_show_error (PhonesetPhoneView *self,
                                 const char        *heading,
                                 const char        *message)
{
  GtkWidget *dialog =
    adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (PhonesetPhoneView *self)
{
  gboolean has_history = self->history != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "phone.undo",
                                 has_history && phoneset_config_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "phone.redo",
                                 has_history && phoneset_config_history_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "phone.revert",
                                 has_history && phoneset_phone_has_changes (self->phone));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "phone.export", has_history);
  gtk_widget_action_set_enabled (
    GTK_WIDGET (self), "phone.push",
    has_history && phoneset_profile_get_file_format (_phoneset_phone_view_get_profile (self),
                                                     &(PhonesetCfgFormat){ 0 }));
  gtk_widget_action_set_enabled (
    GTK_WIDGET (self), "phone.import",
    _phoneset_phone_view_get_profile (self) == NULL ||
      phoneset_profile_get_file_format (_phoneset_phone_view_get_profile (self),
                                        &(PhonesetCfgFormat){ 0 }));
}

static void
update_changes_row (PhonesetPhoneView *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  PhonesetConfig  *config = phoneset_phone_get_config (self->phone);
  g_autofree char *title = NULL;

  if (self->changes_row == NULL || config == NULL)
    return;
  if (phoneset_phone_get_baseline (self->phone) != NULL)
    changes = phoneset_config_diff (phoneset_phone_get_baseline (self->phone), config);
  else
    changes = phoneset_config_list_set (config);
  title = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u setting to deliver", "%u settings to deliver", changes->len),
    changes->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->changes_row), title);
}

static void
history_notify_cb (PhonesetPhoneView *self)
{
  update_actions (self);
  update_changes_row (self);
}

static GtkWidget *
make_page_row (const char *title,
               const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static void
add_page (PhonesetPhoneView *self,
          const char        *name,
          const char        *title,
          const char        *icon_name,
          GtkWidget         *page)
{
  GtkWidget *row = make_page_row (title, icon_name);

  gtk_string_list_append (self->page_titles, title);
  g_ptr_array_add (self->page_names, g_strdup (name));
  adw_view_stack_add_titled (self->stack, page, name, title);
  g_object_set_data_full (G_OBJECT (row), "page-name", g_strdup (name), g_free);
  gtk_list_box_append (self->page_list, row);
}

/* By the page's id: the shared ones, and any "…network…" page of a
 * phone whose menus split the network settings (basic, advanced). */
static const char *
page_icon (const char *id)
{
  if (g_str_equal (id, "nat"))
    return "network-transmit-receive-symbolic";
  if (strstr (id, "network") != NULL)
    return "network-wired-symbolic";
  if (g_str_equal (id, "provisioning"))
    return "folder-download-symbolic";
  if (g_str_equal (id, "remote"))
    return "input-dialpad-symbolic";
  if (g_str_equal (id, "action_url"))
    return "mail-send-receive-symbolic";
  return "preferences-other-symbolic";
}

/* Overview ------------------------------------------------------------- */

static void
name_apply_cb (PhonesetPhoneView *self,
               AdwEntryRow       *row)
{
  g_autofree char *name = NULL;

  phoneset_phone_set_name (self->phone, gtk_editable_get_text (GTK_EDITABLE (row)));
  name = phoneset_phone_dup_display_name (self->phone);
  adw_window_title_set_title (self->title, name);
}

static void
profile_selected_cb (PhonesetPhoneView *self,
                     GParamSpec        *pspec,
                     AdwComboRow       *row)
{
  guint            selected = adw_combo_row_get_selected (row);
  PhonesetProfile *profile;
  g_autoptr(PhonesetConfig) config = NULL;

  if (selected == 0 || selected > self->profiles->len)
    return;
  profile = g_ptr_array_index (self->profiles, selected - 1);
  if (profile == _phoneset_phone_view_get_profile (self))
    return;

  phoneset_phone_set_profile_id (self->phone, phoneset_profile_get_id (profile));
  config = phoneset_config_new (profile);
  phoneset_phone_set_config (self->phone, config);
  phoneset_phone_set_baseline (self->phone, NULL);
  /* Rebuilding destroys this row: do it once the signal is over. */
  g_idle_add_once ((GSourceOnceFunc)_phoneset_phone_view_rebuild, self);
}

static GtkWidget *
info_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && value[0] ? value : _("Unknown"));
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
reachable_notify_cb (PhonesetPhone *phone,
                     GParamSpec    *pspec,
                     AdwActionRow  *row)
{
  adw_action_row_set_subtitle (row,
                               phoneset_reachable_describe (phoneset_phone_get_reachable (phone)));
}

static const char *
evidence_title (const char *method)
{
  if (g_str_equal (method, "sip-options"))
    return _("Answered SIP OPTIONS");
  if (g_str_equal (method, "sip-options-tcp"))
    return _("Answered SIP OPTIONS over TCP");
  if (g_str_equal (method, "pnp"))
    return _("Announced itself by SIP PnP");
  if (g_str_equal (method, "oui"))
    return _("MAC address prefix");
  if (g_str_equal (method, "http"))
    return _("Web interface");
  return method;
}

/* Why discovery calls it a phone. */
static void
add_evidence (PhonesetPhoneView *self,
              GtkWidget         *page)
{
  g_auto(GStrv) methods = phoneset_phone_dup_evidence (self->phone);

  if (methods != NULL && methods[0] != NULL)
    {
      GtkWidget *evidence = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (evidence), _("How It Was Found"));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (evidence));
      for (guint i = 0; methods[i] != NULL; i++)
        adw_preferences_group_add (
          ADW_PREFERENCES_GROUP (evidence),
          info_row (evidence_title (methods[i]),
                    phoneset_phone_get_evidence_detail (self->phone, methods[i])));
    }
}

/* The profile's notes, in a "Good to Know" group. */
static void
add_notes (GtkWidget         *page,
           const char *const *notes)
{
  GtkWidget *group;

  if (notes == NULL || notes[0] == NULL)
    return;
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Good to Know"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  for (guint i = 0; notes[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (notes[i]);
      GtkWidget *note = adw_preferences_row_new ();

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 10);
      gtk_widget_set_margin_bottom (label, 10);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (note), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (note), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note);
    }
}

static GtkWidget *
build_overview (PhonesetPhoneView *self)
{
  GtkWidget       *page = adw_preferences_page_new ();
  GtkWidget       *group = adw_preferences_group_new ();
  GtkWidget       *row;
  PhonesetProfile *profile = _phoneset_phone_view_get_profile (self);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = 0;

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Overview"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Phone"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), phoneset_phone_get_name (self->phone)
                                               ? phoneset_phone_get_name (self->phone)
                                               : "");
  g_signal_connect_object (row, "apply", G_CALLBACK (name_apply_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             info_row (_("Address"), phoneset_phone_get_address (self->phone)));
  row = info_row (_("Status"),
                     phoneset_reachable_describe (phoneset_phone_get_reachable (self->phone)));
  g_signal_connect_object (self->phone, "notify::reachable", G_CALLBACK (reachable_notify_cb), row,
                           0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             info_row (_("Vendor"), phoneset_phone_get_vendor (self->phone)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             info_row (_("Model"), phoneset_phone_get_model (self->phone)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             info_row (_("Firmware"), phoneset_phone_get_firmware (self->phone)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             info_row (_("MAC Address"), phoneset_phone_get_mac (self->phone)));
  {
    GDateTime       *last = phoneset_phone_get_last_push (self->phone);
    g_autofree char *when = last ? g_date_time_format (last, "%x %X") : g_strdup (_("Never"));

    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Last Push"), when));
  }

  add_evidence (self, page);

  /* Which profile describes the phone. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Settings"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_string_list_append (titles, _("Choose…"));
  for (guint i = 0; i < self->profiles->len; i++)
    {
      PhonesetProfile *p = g_ptr_array_index (self->profiles, i);

      gtk_string_list_append (titles, phoneset_profile_get_title (p));
      if (p == profile)
        selected = i + 1;
    }
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Phone Profile"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Which phone family's menus and files to use"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (titles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (profile_selected_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  if (profile != NULL)
    {
      GtkWidget         *revert = gtk_button_new_with_mnemonic (_("_Revert"));
      const char *const *notes = phoneset_profile_get_notes (profile);

      self->changes_row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_action_row_set_subtitle (self->changes_row,
                                   _("Values that differ from what the phone has"));
      gtk_widget_set_valign (revert, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (revert), "phone.revert");
      adw_action_row_add_suffix (self->changes_row, revert);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->changes_row));
      update_changes_row (self);

      add_notes (page, notes);
    }
  else
    self->changes_row = NULL;

  return page;
}

/* Pages ----------------------------------------------------------------- */

static GtkWidget *
build_profile_page (PhonesetPhoneView *self,
                    PhonesetPage      *page_data)
{
  GtkWidget       *page = adw_preferences_page_new ();
  g_autofree char *path = g_strjoinv (" › ", page_data->menu_path);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), page_data->title);
  for (guint i = 0; i < page_data->groups->len; i++)
    {
      PhonesetGroup *group_data = g_ptr_array_index (page_data->groups, i);
      GtkWidget     *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), group_data->title);
      if (i == 0)
        {
          g_autofree char *where = NULL;

          if (page_data->keypad != NULL)
            where = g_strdup_printf (_("On the phone: %s (keypad %s)"), path, page_data->keypad);
          else
            where = g_strdup_printf (_("On the phone: %s"), path);
          if (group_data->description != NULL)
            {
              g_autofree char *both = g_strdup_printf ("%s\n%s", where, group_data->description);

              adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), both);
            }
          else
            adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), where);
        }
      else if (group_data->description != NULL)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                               group_data->description);

      for (guint j = 0; j < group_data->settings->len; j++)
        {
          GtkWidget *row =
            phoneset_setting_row_new (self->history, g_ptr_array_index (group_data->settings, j),
                                      phoneset_phone_get_baseline (self->phone));

          _phoneset_phone_view_mark_problem (self, row);
          _phoneset_phone_view_mark_secret (self, row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }
  return page;
}

static void
clear_children (PhonesetPhoneView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page_list))) != NULL)
    gtk_list_box_remove (self->page_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stack))) != NULL)
    adw_view_stack_remove (self->stack, child);
  self->search_group = NULL;
  self->changes_row = NULL;
  self->current_row = NULL;
  gtk_string_list_splice (self->page_titles, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->page_titles)), NULL);
  g_ptr_array_set_size (self->page_names, 0);
  g_ptr_array_set_size (self->search_rows, 0);
}

void
_phoneset_phone_view_rebuild (PhonesetPhoneView *self)
{
  PhonesetProfile *profile = _phoneset_phone_view_get_profile (self);
  g_autofree char *name = phoneset_phone_dup_display_name (self->phone);
  g_autofree char *subtitle = NULL;

  clear_children (self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);

  if (profile != NULL && phoneset_phone_get_config (self->phone) == NULL)
    {
      g_autoptr(PhonesetConfig) config = phoneset_config_new (profile);

      phoneset_phone_set_config (self->phone, config);
    }
  if (profile != NULL)
    {
      self->history = phoneset_config_history_new (phoneset_phone_get_config (self->phone));
      g_signal_connect_swapped (self->history, "notify", G_CALLBACK (history_notify_cb), self);
      g_signal_connect_object (phoneset_phone_get_config (self->phone), "changed",
                               G_CALLBACK (history_notify_cb), self, G_CONNECT_SWAPPED);
      _phoneset_phone_view_watch_secrets (self, phoneset_phone_get_config (self->phone));
    }

  adw_window_title_set_title (self->title, name);
  if (profile != NULL)
    subtitle = g_strdup_printf ("%s · %s", phoneset_phone_get_address (self->phone),
                                phoneset_profile_get_title (profile));
  else
    subtitle = g_strdup (phoneset_phone_get_address (self->phone));
  adw_window_title_set_subtitle (self->title, subtitle);

  add_page (self, "overview", _("Overview"), "phone-symbolic", build_overview (self));
  if (profile != NULL)
    {
      GPtrArray *pages = phoneset_profile_get_pages (profile);
      GtkWidget *search_page = adw_preferences_page_new ();

      for (guint i = 0; i < pages->len; i++)
        {
          PhonesetPage    *page = g_ptr_array_index (pages, i);
          g_autofree char *name_id = g_strconcat ("page-", page->id, NULL);

          add_page (self, name_id, page->title, page_icon (page->id),
                    build_profile_page (self, page));
        }

      add_page (self, "keypad",
                _("Remote Keypad"), "input-dialpad-symbolic",
                   phoneset_keypad_page_new (self->context, self->phone, self->secrets));
      add_page (self, "events",
                _("Action URL Events"), "mail-send-receive-symbolic",
                   phoneset_events_page_new (self->context, self->phone, self->history));

      /* The self-test: its recommendations set this phone's settings. */
      {
        g_autofree char *server =
          g_settings_get_string (phoneset_context_get_settings (self->context), "stun-server");

        add_page (self, "stun",
                  _("STUN Self-Test"), "network-workgroup-symbolic",
                     phoneset_stun_page_new (self->context, self->phone, self->history, server));
      }

      self->search_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (search_page), self->search_group);
      adw_view_stack_add_named (self->stack, search_page, "search");
    }

  show_row (self, gtk_list_box_get_row_at_index (self->page_list, 0));
  update_actions (self);
}

/* The page list has no selection: moving the keyboard focus through it
 * (Tab, arrows) must not change the page, so a page opens when its row is
 * activated (click, Enter, Space), and the row shows it is current. */
static void
show_row (PhonesetPhoneView *self,
          GtkListBoxRow     *row)
{
  const char *name;

  if (row == NULL)
    return;
  if (self->current_row != NULL && self->current_row != row)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->current_row), "current-page");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->current_row),
                                   GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
    }
  self->current_row = row;
  gtk_widget_add_css_class (GTK_WIDGET (row), "current-page");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
  name = g_object_get_data (G_OBJECT (row), "page-name");
  if (name != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
  /* The narrow layout's dropdown follows. */
  if (gtk_drop_down_get_selected (self->page_dropdown) != (guint)gtk_list_box_row_get_index (row))
    gtk_drop_down_set_selected (self->page_dropdown, gtk_list_box_row_get_index (row));
}

static void
page_activated_cb (PhonesetPhoneView *self,
                   GtkListBoxRow     *row,
                   GtkListBox        *list)
{
  show_row (self, row);
}

static void
page_dropdown_cb (PhonesetPhoneView *self)
{
  guint          selected = gtk_drop_down_get_selected (self->page_dropdown);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->page_list, selected);

  if (row != NULL && row != self->current_row)
    show_row (self, row);
}

/* Search ------------------------------------------------------------------ */

static void
search_changed_cb (PhonesetPhoneView *self,
                   GtkSearchEntry    *entry)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  PhonesetProfile *profile = _phoneset_phone_view_get_profile (self);
  GPtrArray       *settings;
  guint            found = 0;

  if (profile == NULL || self->search_group == NULL)
    return;

  for (guint i = 0; i < self->search_rows->len; i++)
    adw_preferences_group_remove (self->search_group, g_ptr_array_index (self->search_rows, i));
  g_ptr_array_set_size (self->search_rows, 0);

  if (text[0] == '\0')
    {
      if (self->current_row != NULL)
        show_row (self, self->current_row);
      return;
    }

  settings = phoneset_profile_get_settings (profile);
  for (guint i = 0; i < settings->len && found < 50; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);
      GtkWidget       *row;

      if (!phoneset_setting_row_matches (setting, text))
        continue;
      row = phoneset_setting_row_new (self->history, setting,
                                      phoneset_phone_get_baseline (self->phone));
      _phoneset_phone_view_mark_problem (self, row);
      _phoneset_phone_view_mark_secret (self, row);
      adw_preferences_group_add (self->search_group, row);
      g_ptr_array_add (self->search_rows, row);
      found++;
    }

  if (found == 0)
    adw_preferences_group_set_title (self->search_group, _("No setting matches"));
  else
    {
      g_autofree char *title = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u setting matches “%s”", "%u settings match “%s”", found),
        found, text);

      adw_preferences_group_set_title (self->search_group, title);
    }
  adw_view_stack_set_visible_child_name (self->stack, "search");
}

/* Actions -------------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PhonesetPhoneView *self = PHONESET_PHONE_VIEW (widget);

  if (self->history != NULL)
    phoneset_config_history_undo (self->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PhonesetPhoneView *self = PHONESET_PHONE_VIEW (widget);

  if (self->history != NULL)
    phoneset_config_history_redo (self->history);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PhonesetPhoneView *self = PHONESET_PHONE_VIEW (widget);

  if (self->history == NULL)
    return;
  phoneset_config_history_revert (self->history, phoneset_phone_get_baseline (self->phone));
  _phoneset_phone_view_toast (self,
                              _("Reverted to what the phone has. Undo brings your changes back."));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PhonesetPhoneView *self = PHONESET_PHONE_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
forget_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PhonesetPhoneView *self = PHONESET_PHONE_VIEW (widget);

  g_signal_emit (self, signals[FORGET], 0, self->phone);
}

/* Push ------------------------------------------------------------------------ */

static void
push_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PhonesetPhoneView  *self = PHONESET_PHONE_VIEW (widget);
  PhonesetPushDialog *dialog;

  dialog = phoneset_push_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->phone,
                                     self->secrets);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject ----------------------------------------------------------------------- */

static void
phoneset_phone_view_dispose (GObject *object)
{
  PhonesetPhoneView *self = PHONESET_PHONE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_PHONE_VIEW);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->import_warnings, g_ptr_array_unref);
  g_clear_pointer (&self->secrets_unread, g_hash_table_unref);
  g_clear_object (&self->history);
  g_clear_object (&self->phone);
  g_clear_object (&self->secrets);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->search_rows, g_ptr_array_unref);
  g_clear_pointer (&self->page_names, g_ptr_array_unref);
  g_clear_object (&self->page_titles);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (phoneset_phone_view_parent_class)->dispose (object);
}

static void
phoneset_phone_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PhonesetPhoneView *self = PHONESET_PHONE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_phone_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PhonesetPhoneView *self = PHONESET_PHONE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_phone_view_class_init (PhonesetPhoneViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = phoneset_phone_view_dispose;
  object_class->get_property = phoneset_phone_view_get_property;
  object_class->set_property = phoneset_phone_view_set_property;

  /**
   * PhonesetPhoneView:context:
   *
   * What the application's widgets share: the catalog, the saved phones,
   * the secret store, the settings and the STUN server.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PHONESET_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PhonesetPhoneView::forget:
   * @self: the view
   * @phone: the phone to forget
   */
  signals[FORGET] = g_signal_new ("forget", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, PHONESET_TYPE_PHONE);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phoneset/Phoneset/phoneset-phone-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, title);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, back_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, page_list);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, page_sidebar);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, page_separator);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, undo_box);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, export_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, page_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneView, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_dropdown_cb);

  gtk_widget_class_install_action (widget_class, "phone.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "phone.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "phone.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "phone.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "phone.export", NULL,
                                   _phoneset_phone_view_export_action);
  gtk_widget_class_install_action (widget_class, "phone.push", NULL, push_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "phone.push", NULL);
  gtk_widget_class_install_action (widget_class, "phone.import", NULL,
                                   _phoneset_phone_view_import_action);
  gtk_widget_class_install_action (widget_class, "phone.import-details", NULL,
                                   _phoneset_phone_view_import_details_action);
  gtk_widget_class_install_action (widget_class, "phone.forget", NULL, forget_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "phone.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "phone.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "phone.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "phone.export",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "phone.import",
                                       NULL);
}

static void
phoneset_phone_view_init (PhonesetPhoneView *self)
{
  GMenu *menu;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->search_rows = g_ptr_array_new ();
  self->page_titles = gtk_string_list_new (NULL);
  self->page_names = g_ptr_array_new_with_free_func (g_free);
  gtk_drop_down_set_model (self->page_dropdown, G_LIST_MODEL (self->page_titles));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  menu =
    gtk_application_get_menu_by_id (GTK_APPLICATION (g_application_get_default ()), "primary_menu");
  if (menu != NULL)
    gtk_menu_button_set_menu_model (self->primary_menu_button, G_MENU_MODEL (menu));
}

/**
 * phoneset_phone_view_new:
 * @context: what the application's widgets share: the known profiles,
 *   where the phone's passwords are kept
 * @phone: the phone
 *
 * Returns: (transfer full): a new workspace for @phone
 */
PhonesetPhoneView *
phoneset_phone_view_new (PhonesetContext *context,
                         PhonesetPhone   *phone)
{
  PhonesetPhoneView *self;

  g_return_val_if_fail (PHONESET_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PHONESET_IS_PHONE (phone), NULL);

  self = g_object_new (PHONESET_TYPE_PHONE_VIEW, "context", context, NULL);
  self->phone = g_object_ref (phone);
  self->secrets = g_object_ref (phoneset_context_get_secret_store (context));
  self->profiles = g_ptr_array_ref (phoneset_context_get_profiles (context));
  _phoneset_phone_view_rebuild (self);
  return self;
}

/**
 * phoneset_phone_view_apply_config:
 * @self: a #PhonesetPhoneView
 * @config: values of the phone's profile
 *
 * Makes the phone's config equal to @config, except for the passwords, as
 * one step that Undo takes back (a restored draft).
 */
void
phoneset_phone_view_apply_config (PhonesetPhoneView *self,
                                  PhonesetConfig    *config)
{
  g_return_if_fail (PHONESET_IS_PHONE_VIEW (self));
  g_return_if_fail (PHONESET_IS_CONFIG (config));

  if (self->history != NULL && phoneset_config_get_profile (phoneset_config_history_get_config (
                                 self->history)) == phoneset_config_get_profile (config))
    {
      /* The passwords stay as they are: they come from the keyring. */
      g_autoptr(PhonesetConfig) target = phoneset_drafts_merge (
        phoneset_config_history_get_config (self->history), config);

      phoneset_config_history_revert (self->history, target);
    }
  else
    phoneset_phone_set_config (self->phone, config);
  update_actions (self);
}

PhonesetPhone *
phoneset_phone_view_get_phone (PhonesetPhoneView *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE_VIEW (self), NULL);

  return self->phone;
}

/**
 * phoneset_phone_view_set_folded:
 * @self: a view
 * @folded: whether the window shows only this pane
 *
 * On a narrow window the view has the window buttons and a back button,
 * and its page list gives way to the pages.
 */
void
phoneset_phone_view_set_folded (PhonesetPhoneView *self,
                                gboolean           folded)
{
  g_return_if_fail (PHONESET_IS_PHONE_VIEW (self));

  gtk_widget_set_visible (self->back_button, folded);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, folded);
  /* On a narrow window the list of pages gives way to a dropdown. */
  gtk_widget_set_visible (self->page_sidebar, !folded);
  gtk_widget_set_visible (self->page_separator, !folded);
  gtk_widget_set_visible (GTK_WIDGET (self->page_dropdown), folded);
  /* Export and undo stay in the phone menu and on Ctrl+E, Ctrl+Z. */
  gtk_widget_set_visible (self->export_button, !folded);
  gtk_widget_set_visible (self->undo_box, !folded);
}

/**
 * phoneset_phone_view_import_bytes:
 * @self: a view
 * @bytes: a vendor file
 * @name: its name, for messages
 * @error: a location for a #GError
 *
 * What the Import action does once a file is chosen.
 *
 * Returns: %TRUE if the file was imported
 */
gboolean
phoneset_phone_view_import_bytes (PhonesetPhoneView  *self,
                                  GBytes             *bytes,
                                  const char         *name,
                                  GError            **error)
{
  g_return_val_if_fail (PHONESET_IS_PHONE_VIEW (self), FALSE);

  return _phoneset_phone_view_import_bytes (self, bytes, name, error);
}

/**
 * phoneset_phone_view_show_page:
 * @self: a view
 * @name: `overview`, or `page-<id>` for a profile page
 *
 * Returns: %TRUE if the page exists
 */
gboolean
phoneset_phone_view_show_page (PhonesetPhoneView *self,
                               const char        *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->page_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "page-name"), name) == 0)
      {
        show_row (self, GTK_LIST_BOX_ROW (row));
        return TRUE;
      }
  return FALSE;
}
