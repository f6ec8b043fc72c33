/* phoneset-window.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-window"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-add-phone-dialog.h"
#include "phoneset-address.h"
#include "phoneset-discovery.h"
#include "phoneset-drafts.h"
#include "phoneset-fleet-dialog.h"
#include "phoneset-provisioning-view.h"
#include "phoneset-stun-server-view.h"
#include "phoneset-reachability.h"
#include "phoneset-fingerprint.h"
#include "phoneset-keyring-bar.h"
#include "phoneset-oui.h"
#include "phoneset-paths.h"
#include "phoneset-phone-row.h"
#include "phoneset-phone-view.h"
#include "phoneset-window.h"
#include "phoneset-test-private.h"

struct _PhonesetWindow
{
  AdwApplicationWindow parent_instance;

  /* Owned references */
  PhonesetContext     *context;
  PhonesetInventory   *inventory;
  PhonesetCatalog     *catalog;
  GPtrArray           *profiles;
  GSettings           *settings;
  PhonesetSecretStore *secrets;
  guint                save_source;
  PhonesetDrafts      *drafts;
  GHashTable          *draft_phones; /* PhonesetPhone → itself: drafts to write */
  guint                draft_source;
  guint                edits; /* counts edits: a save clears only the drafts it covers */
  GPtrArray           *offer; /* Offer: drafts found at start, not yet answered */
  PhonesetDiscovery   *discovery;
  GCancellable        *scan_cancellable;
  GCancellable        *cancellable; /* reachability checks */
  PhonesetOuiRegistry *oui;         /* read at the first scan */
  gboolean             disposed;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  PhonesetKeyringBar  *keyring_bar;
  AdwLeaflet          *leaflet;
  GtkStack            *sidebar_stack;
  AdwStatusPage       *empty_page;
  GtkListView         *phone_list;
  GtkStack            *content_stack;
  AdwWindowTitle      *content_title;
  AdwStatusPage       *welcome_page;
  GtkMenuButton       *primary_menu_button;
  GtkButton           *scan_button;
  GtkRevealer         *scan_revealer;
  GtkLabel            *scan_label;
  GtkProgressBar      *scan_progress;

  /* Borrowed */
  PhonesetPhoneView   *view;
  GtkWindow           *stun_window; /* weak */
};

G_DEFINE_FINAL_TYPE (PhonesetWindow, phoneset_window, ADW_TYPE_APPLICATION_WINDOW)

/* Edits are autosaved as drafts this long after the last change. */
#define DRAFT_DELAY_MS 1000

typedef struct
{
  PhonesetPhone  *phone;
  PhonesetConfig *draft;
} Offer;

static void
offer_free (Offer *offer)
{
  g_clear_object (&offer->phone);
  g_clear_object (&offer->draft);
  g_free (offer);
}

typedef struct
{
  PhonesetWindow *self;
  GApplication   *application; /* held until the files are written */
  guint           edits;       /* self->edits when the save was taken */
} Saving;

static void drafts_saved (PhonesetWindow *self);

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saving *saving = user_data;
  g_autoptr(GError) error = NULL;

  if (!phoneset_inventory_save_finish (PHONESET_INVENTORY (source), result, &error))
    {
      if (!saving->self->disposed)
        adw_toast_overlay_add_toast (saving->self->toast_overlay,
                                     adw_toast_new_format (_("Could not save the phones: %s"), error->message));
      else
        g_message ("Could not save the phones: %s", error->message);
    }
  else if (!saving->self->disposed && saving->edits == saving->self->edits)
    drafts_saved (saving->self);
  if (saving->application != NULL)
    {
      g_application_release (saving->application);
      g_object_unref (saving->application);
    }
  g_object_unref (saving->self);
  g_free (saving);
}

/* Saves in a worker thread (a flush to the disk per phone would hold up
 * the window); the application stays until the files are written. */
static void
save_now (PhonesetWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  Saving         *saving;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->inventory == NULL)
    return;
  saving = g_new0 (Saving, 1);
  saving->self = g_object_ref (self);
  saving->edits = self->edits;
  if (application != NULL)
    {
      saving->application = G_APPLICATION (g_object_ref (application));
      g_application_hold (saving->application);
    }
  phoneset_inventory_save_async (self->inventory, NULL, saved_cb, saving);
}

/* Saves on this thread, when the window closes; then the drafts go. */
static void
save_blocking (PhonesetWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->inventory == NULL)
    return;
  if (phoneset_inventory_save (self->inventory, &error))
    drafts_saved (self);
  else
    g_message ("Could not save the phones: %s", error->message);
}

/* Everything is saved: the drafts are not needed any more, unless the
 * user has not yet said whether to restore those of the last run. */
static void
drafts_saved (PhonesetWindow *self)
{
  if (self->drafts != NULL && self->offer == NULL)
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      g_hash_table_remove_all (self->draft_phones);
      phoneset_drafts_clear (self->drafts);
    }
}

/* Drafts ----------------------------------------------------------------- */

static void
write_drafts (PhonesetWindow *self)
{
  GHashTableIter iter;
  gpointer       phone;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->drafts == NULL)
    return;
  g_hash_table_iter_init (&iter, self->draft_phones);
  while (g_hash_table_iter_next (&iter, &phone, NULL))
    {
      PhonesetConfig *config = phoneset_phone_get_config (phone);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (config != NULL)
        ok = phoneset_drafts_save (self->drafts, phoneset_phone_get_id (phone), config, &error);
      else
        ok = phoneset_drafts_remove (self->drafts, phoneset_phone_get_id (phone), &error);
      if (!ok)
        g_message ("Could not keep a draft of the changes: %s", error->message);
    }
  g_hash_table_remove_all (self->draft_phones);
}

static gboolean
draft_timeout_cb (gpointer data)
{
  PhonesetWindow *self = data;

  self->draft_source = 0;
  write_drafts (self);
  return G_SOURCE_REMOVE;
}

/* An edit is kept as a draft a moment after the last change, not on every
 * keystroke; the inventory gets it at the next save (a push, closing the
 * window), and a crash before that loses nothing. */
static void
phone_edited_cb (PhonesetPhone  *phone,
                 GParamSpec     *pspec,
                 PhonesetWindow *self)
{
  if (self->drafts == NULL || self->draft_phones == NULL)
    return;
  self->edits++;
  if (!g_hash_table_contains (self->draft_phones, phone))
    g_hash_table_add (self->draft_phones, g_object_ref (phone));
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

/* Whether restoring @draft would change anything but passwords. */
static gboolean
draft_differs (PhonesetConfig *current,
               PhonesetConfig *draft)
{
  GPtrArray *settings;

  settings = phoneset_profile_get_settings (phoneset_config_get_profile (draft));
  if (current != NULL && phoneset_config_get_profile (current) != phoneset_config_get_profile (draft))
    return TRUE;
  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);
      const char      *id = phoneset_setting_get_id (setting);

      /* No saved config: a draft that only opened the phone is nothing. */
      if (!phoneset_setting_is_secret (setting) &&
          g_strcmp0 (current ? phoneset_config_get (current, id) : NULL, phoneset_config_get (draft, id)) != 0)
        return TRUE;
    }
  return FALSE;
}

/* The drafts a crash left: those of known phones that differ from what is
 * saved are offered back; the others are removed. */
static void
find_drafts (PhonesetWindow *self)
{
  GListModel *phones = phoneset_inventory_get_phones (self->inventory);
  g_auto(GStrv) ids = phoneset_drafts_list (self->drafts);
  g_autoptr(GPtrArray) offer = g_ptr_array_new_with_free_func ((GDestroyNotify)offer_free);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(PhonesetConfig) draft = NULL;
      g_autoptr(GError) error = NULL;
      PhonesetPhone *found = NULL;

      for (guint p = 0; found == NULL && p < g_list_model_get_n_items (phones); p++)
        {
          g_autoptr(PhonesetPhone) phone = g_list_model_get_item (phones, p);

          if (g_strcmp0 (phoneset_phone_get_id (phone), ids[i]) == 0)
            found = phone;
        }
      if (found != NULL)
        draft = phoneset_drafts_load (self->drafts, ids[i], &error);
      if (draft == NULL && error != NULL)
        g_message ("The draft of %s is not used: %s", ids[i], error->message);
      if (draft != NULL && draft_differs (phoneset_phone_get_config (found), draft))
        {
          Offer *item = g_new0 (Offer, 1);

          item->phone = g_object_ref (found);
          item->draft = g_steal_pointer (&draft);
          g_ptr_array_add (offer, item);
        }
      else
        phoneset_drafts_remove (self->drafts, ids[i], NULL);
    }
  if (offer->len > 0)
    self->offer = g_steal_pointer (&offer);
}

static void
restore_drafts (PhonesetWindow *self)
{
  guint n = self->offer->len;

  for (guint i = 0; i < self->offer->len; i++)
    {
      Offer          *item = g_ptr_array_index (self->offer, i);
      PhonesetConfig *current = phoneset_phone_get_config (item->phone);
      g_autoptr(PhonesetConfig) merged = phoneset_drafts_merge (current, item->draft);

      if (i == 0)
        {
          /* The first phone opens, its changes one step Undo takes back. */
          PhonesetPhoneView *view;

          phoneset_phone_set_profile_id (item->phone, phoneset_profile_get_id (phoneset_config_get_profile (merged)));
          view = phoneset_window_show_phone (self, item->phone);
          phoneset_phone_view_apply_config (view, merged);
        }
      else
        {
          phoneset_phone_set_profile_id (item->phone, phoneset_profile_get_id (phoneset_config_get_profile (merged)));
          phoneset_phone_set_config (item->phone, merged);
        }
    }
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "Restored the unsaved changes of %u phone",
                                                                  "Restored the unsaved changes of %u phones", n),
                                                     n));
}

static void
offer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PhonesetWindow   *self)
{
  g_autoptr(GPtrArray) offer = g_steal_pointer (&self->offer);

  if (offer == NULL)
    return;
  self->offer = offer;
  if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < offer->len; i++)
        phoneset_drafts_remove (self->drafts, phoneset_phone_get_id (((Offer *)g_ptr_array_index (offer, i))->phone), NULL);
    }
  else
    restore_drafts (self);
  self->offer = NULL;
}

static void
offer_drafts (PhonesetWindow *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  AdwMessageDialog *dialog;

  g_signal_handlers_disconnect_by_func (self, offer_drafts, NULL);
  if (self->offer == NULL)
    return;
  for (guint i = 0; i < self->offer->len; i++)
    {
      g_autofree char *name = phoneset_phone_dup_display_name (((Offer *)g_ptr_array_index (self->offer, i))->phone);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), NULL));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Phoneset closed before the changes to %s were saved. Restore them to review and "
                                               "push them?",
                                               "Phoneset closed before the changes to these phones were saved: %s. Restore them to "
                                               "review and push them?",
                                               self->offer->len),
                                  names->str);
  adw_message_dialog_add_responses (dialog, "discard", _("_Discard"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  /* Escape loses nothing: the changes come back, and Undo or Revert
   * takes them away. */
  adw_message_dialog_set_close_response (dialog, "restore");
  g_signal_connect_object (dialog, "response", G_CALLBACK (offer_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_timeout_cb (gpointer data)
{
  PhonesetWindow *self = data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

/* Saves a moment after the last change, not on every keystroke. */
static void
schedule_save (PhonesetWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_seconds (1, save_timeout_cb, self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, GTK_WIDGET (phoneset_phone_row_new ()));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  phoneset_phone_row_set_phone (PHONESET_PHONE_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  phoneset_phone_row_set_phone (PHONESET_PHONE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
watch_phones (PhonesetWindow *self,
              guint           position,
              guint           added)
{
  GListModel *phones = phoneset_inventory_get_phones (self->inventory);

  /* Each change of a phone's config is kept as a draft a moment later. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (phones, i);

      g_signal_connect_object (phone, "notify::has-changes", G_CALLBACK (phone_edited_cb), self, 0);
      /* A push, or another profile: saved. */
      g_signal_connect_object (phone, "notify::last-push", G_CALLBACK (schedule_save), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (phone, "notify::profile-id", G_CALLBACK (schedule_save), self, G_CONNECT_SWAPPED);
      /* A binding lifetime the self-test measured: saved. */
      g_signal_connect_object (phone, "notify::binding-lifetime-ms", G_CALLBACK (schedule_save), self, G_CONNECT_SWAPPED);
    }
}

static void
update_sidebar (PhonesetWindow *self)
{
  gboolean empty = g_list_model_get_n_items (phoneset_inventory_get_phones (self->inventory)) == 0;

  gtk_stack_set_visible_child_name (self->sidebar_stack, empty ? "empty" : "list");
}

static void
phones_items_changed_cb (PhonesetWindow *self,
                         guint           position,
                         guint           removed,
                         guint           added,
                         GListModel     *model)
{
  g_assert (PHONESET_IS_WINDOW (self));

  watch_phones (self, position, added);
  update_sidebar (self);
}

static void
leaflet_folded_cb (PhonesetWindow *self)
{
  if (self->view != NULL)
    phoneset_phone_view_set_folded (self->view, adw_leaflet_get_folded (self->leaflet));
}

static void
show_welcome (PhonesetWindow *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, "welcome");
  if (self->view != NULL)
    {
      gtk_stack_remove (self->content_stack, GTK_WIDGET (self->view));
      self->view = NULL;
    }
  gtk_selection_model_unselect_all (gtk_list_view_get_model (self->phone_list));
}

static void
secrets_forgotten_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PhonesetWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!phoneset_secret_session_forget_finish (PHONESET_SECRET_SESSION (source), result, &error) && !self->disposed)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new_format (_("The phone's passwords could not be removed from the keyring: %s"),
                                                          error->message));
}

/* A phone forgotten: its passwords go too, those of its settings (under
 * its id) and the web admin's (under its address, unless another phone
 * has that address). */
static void
forget_secrets (PhonesetWindow *self,
                PhonesetPhone  *phone)
{
  g_autoptr(GStrvBuilder) hosts = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *host = NULL;
  guint16          port = 0;

  if (!PHONESET_IS_SECRET_SESSION (self->secrets))
    return;
  g_strv_builder_add (hosts, phoneset_phone_get_id (phone));
  if (phoneset_phone_get_address (phone) != NULL &&
      phoneset_address_parse (phoneset_phone_get_address (phone), 80, &host, &port, NULL) &&
      phoneset_inventory_find (self->inventory, NULL, phoneset_phone_get_address (phone)) == NULL)
    g_strv_builder_add (hosts, host);
  list = g_strv_builder_end (hosts);
  phoneset_secret_session_forget_async (PHONESET_SECRET_SESSION (self->secrets), (const char *const *)list, NULL,
                                        secrets_forgotten_cb, g_object_ref (self));
}

static void
forget_cb (PhonesetWindow *self,
           PhonesetPhone  *phone)
{
  g_autofree char *name = phoneset_phone_dup_display_name (phone);

  phoneset_inventory_remove (self->inventory, phone);
  forget_secrets (self, phone);
  show_welcome (self);
  save_now (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new_format (_("Forgot %s"), name));
}

/* Whether each phone answers is checked when its workspace opens and after
 * every scan. PHONESET_REACHABILITY=off turns the check off: the UI tests
 * use documentation addresses (192.0.2.0/24) that must never be contacted. */
static gboolean
reachability_enabled (void)
{
  return g_strcmp0 (g_getenv ("PHONESET_REACHABILITY"), "off") != 0;
}

static void
reachability_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The answer is kept on the phone; only an address that cannot be used
   * is worth a word in the log. */
  if (!phoneset_reachability_check_finish (PHONESET_PHONE (source), result, &error) && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Cannot check %s: %s", phoneset_phone_get_address (PHONESET_PHONE (source)), error->message);
}

static void
check_reachable (PhonesetWindow *self,
                 PhonesetPhone  *phone)
{
  if (reachability_enabled ())
    phoneset_reachability_check_async (phone, self->cancellable, reachability_done_cb, NULL);
}

static void
check_all_reachable (PhonesetWindow *self)
{
  GListModel *phones = phoneset_inventory_get_phones (self->inventory);

  for (guint i = 0; i < g_list_model_get_n_items (phones); i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (phones, i);

      check_reachable (self, phone);
    }
}

static void
show_phone (PhonesetWindow *self,
            PhonesetPhone  *phone)
{
  GtkWidget *old = GTK_WIDGET (self->view);

  self->view = phoneset_phone_view_new (self->context, phone);
  g_signal_connect_object (self->view, "forget", G_CALLBACK (forget_cb), self, G_CONNECT_SWAPPED);
  phoneset_phone_view_set_folded (self->view, adw_leaflet_get_folded (self->leaflet));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->view), NULL);
  gtk_stack_set_visible_child (self->content_stack, GTK_WIDGET (self->view));
  if (old != NULL)
    gtk_stack_remove (self->content_stack, old);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  check_reachable (self, phone);
}

static void
phone_list_activate_cb (PhonesetWindow *self,
                        guint           position,
                        GtkListView    *list)
{
  g_autoptr(PhonesetPhone) phone = g_list_model_get_item (phoneset_inventory_get_phones (self->inventory), position);

  g_assert (PHONESET_IS_WINDOW (self));

  if (phone != NULL)
    show_phone (self, phone);
}

static void
add_phone_response_cb (PhonesetWindow *self,
                       PhonesetPhone  *phone)
{
  g_autofree char *name = NULL;

  g_assert (PHONESET_IS_WINDOW (self));

  phoneset_window_add_phone (self, phone);
  name = phoneset_phone_dup_display_name (phone);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new_format (_("Added %s"), name));
}

static void
add_phone_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PhonesetWindow         *self = PHONESET_WINDOW (widget);
  PhonesetAddPhoneDialog *dialog;

  dialog = phoneset_add_phone_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "phone-added", G_CALLBACK (add_phone_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Scanning ------------------------------------------------------------ */

static void
update_scan_progress (PhonesetWindow *self)
{
  guint            probed, total, found;
  g_autofree char *text = NULL;

  if (self->discovery == NULL)
    return;
  probed = phoneset_discovery_get_hosts_probed (self->discovery);
  total = phoneset_discovery_get_hosts_total (self->discovery);
  found = g_list_model_get_n_items (phoneset_discovery_get_phones (self->discovery));
  if (total > 0)
    gtk_progress_bar_set_fraction (self->scan_progress, (double)probed / total);
  else
    gtk_progress_bar_pulse (self->scan_progress);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Scanning: %u of %u addresses, %u phone found",
                                       "Scanning: %u of %u addresses, %u phones found", found),
                          probed, total, found);
  gtk_label_set_text (self->scan_label, text);
}

/* Phones appear in the sidebar as they are found; a phone already saved
 * is matched by its MAC address and updated. */
static void
discovered_cb (PhonesetWindow *self,
               guint           position,
               guint           removed,
               guint           added,
               GListModel     *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (model, i);

      phoneset_inventory_add (self->inventory, phone);
    }
  update_scan_progress (self);
  if (added > 0)
    schedule_save (self);
}

static void
scan_finished (PhonesetWindow *self)
{
  gtk_revealer_set_reveal_child (self->scan_revealer, FALSE);
  gtk_button_set_icon_name (self->scan_button, "view-refresh-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scan_button), _("Scan the Network for Phones"));
  g_clear_object (&self->scan_cancellable);
  if (self->discovery != NULL)
    g_signal_handlers_disconnect_by_data (phoneset_discovery_get_phones (self->discovery), self);
  if (self->discovery != NULL)
    g_signal_handlers_disconnect_by_data (self->discovery, self);
  g_clear_object (&self->discovery);
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PhonesetWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint found;

  if (!phoneset_discovery_run_finish (PHONESET_DISCOVERY (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->discovery != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new_format (_("The scan failed: %s"), error->message));
      scan_finished (self);
      return;
    }
  if (self->discovery == NULL)
    return;
  found = g_list_model_get_n_items (phoneset_discovery_get_phones (self->discovery));
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "The scan found %u phone", "The scan found %u phones", found), found));
  if (phoneset_discovery_get_pnp_problem (self->discovery) != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (phoneset_discovery_get_pnp_problem (self->discovery)));
  scan_finished (self);
  save_now (self);
  check_all_reachable (self);
}

/* What a scan needs before it starts: the catalog's fingerprint rules, and
 * the IEEE registry, read in a worker thread (it alone is 5 MB): the window
 * stays responsive meanwhile. */
typedef struct
{
  PhonesetWindow           *self;
  PhonesetFingerprintRules *rules;
  PhonesetOuiRegistry      *oui;
  GStrv                     subnets;
  guint                     timeout_ms;
} ScanStart;

static void
scan_start_free (ScanStart *start)
{
  g_clear_object (&start->self);
  g_clear_object (&start->rules);
  g_clear_object (&start->oui);
  g_clear_pointer (&start->subnets, g_strfreev);
  g_free (start);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScanStart, scan_start_free)

/* A scan whose start failed with @error ends; a closed window has
 * cancelled and forgotten its scan, and shows nothing. */
static void
scan_start_failed (PhonesetWindow *self,
                   GError         *error)
{
  if (self->scan_cancellable == NULL)
    return;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new_format (_("Cannot scan: %s"), error->message));
  scan_finished (self);
}

static void
scan_run (ScanStart *start)
{
  PhonesetWindow *self = start->self;
  g_autoptr(GError) error = NULL;

  if (self->scan_cancellable == NULL || g_cancellable_set_error_if_cancelled (self->scan_cancellable, &error))
    {
      if (error != NULL)
        scan_start_failed (self, error);
      return;
    }
  self->discovery = phoneset_discovery_new (start->rules);
  for (guint i = 0; start->subnets != NULL && start->subnets[i] != NULL; i++)
    if (!phoneset_discovery_add_subnet (self->discovery, start->subnets[i], &error))
      {
        g_clear_object (&self->discovery);
        scan_start_failed (self, error);
        return;
      }
  if (self->oui != NULL)
    phoneset_discovery_set_oui_registry (self->discovery, self->oui);
  phoneset_discovery_set_known_phones (self->discovery, phoneset_inventory_get_phones (self->inventory));
  phoneset_discovery_set_timeout (self->discovery, start->timeout_ms);

  g_signal_connect_object (phoneset_discovery_get_phones (self->discovery), "items-changed", G_CALLBACK (discovered_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->discovery, "notify::hosts-probed", G_CALLBACK (update_scan_progress), self, G_CONNECT_SWAPPED);
  phoneset_discovery_run_async (self->discovery, self->scan_cancellable, scan_done_cb, g_object_ref (self));
}

static void
oui_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ScanStart) start = user_data;
  g_autoptr(GError) error = NULL;

  /* Without the registry, phones are still found by what they answer. */
  if (phoneset_oui_registry_load_file_finish (PHONESET_OUI_REGISTRY (source), result, &error) &&
      start->self->scan_cancellable != NULL)
    g_set_object (&start->self->oui, start->oui);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No IEEE registry for the scan: %s", error->message);
  scan_run (start);
}

static gboolean
scan_prepare_cb (gpointer user_data)
{
  g_autoptr(ScanStart) start = user_data;
  PhonesetWindow *self = start->self;

  /* The registry is read once and kept, as the catalog's profiles are. */
  if (self->oui == NULL)
    {
      PhonesetOuiRegistry *oui = phoneset_oui_registry_new ();

      start->oui = oui;
      phoneset_oui_registry_load_file_async (oui, NULL, self->scan_cancellable, oui_loaded_cb, g_steal_pointer (&start));
      return G_SOURCE_REMOVE;
    }
  scan_run (start);
  return G_SOURCE_REMOVE;
}

/**
 * phoneset_window_scan:
 * @self: a #PhonesetWindow
 * @subnets: (nullable): the subnets to sweep, %NULL for the local ones
 * @timeout_ms: how long to listen for phones that only announce themselves
 *
 * Starts a scan; phones appear in the sidebar as they are found. The
 * IEEE registry is read first, off the main loop; the phones are told
 * apart by the catalog's fingerprint rules.
 *
 * Returns: %TRUE if the scan started
 */
gboolean
phoneset_window_scan (PhonesetWindow    *self,
                      const char *const *subnets,
                      guint              timeout_ms)
{
  ScanStart *start;

  g_return_val_if_fail (PHONESET_IS_WINDOW (self), FALSE);

  if (self->scan_cancellable != NULL)
    return FALSE;

  start = g_new0 (ScanStart, 1);
  start->self = g_object_ref (self);
  start->rules = self->catalog != NULL ? g_object_ref (phoneset_catalog_get_fingerprint_rules (self->catalog))
                                       : phoneset_fingerprint_rules_new ();
  start->subnets = g_strdupv ((char **)subnets);
  start->timeout_ms = timeout_ms;

  self->scan_cancellable = g_cancellable_new ();
  gtk_button_set_icon_name (self->scan_button, "process-stop-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scan_button), _("Stop the Scan"));
  gtk_progress_bar_set_fraction (self->scan_progress, 0);
  gtk_label_set_text (self->scan_label, _("Scanning…"));
  gtk_revealer_set_reveal_child (self->scan_revealer, TRUE);
  g_idle_add (scan_prepare_cb, start);
  return TRUE;
}

/* PHONESET_SCAN_SUBNETS (comma-separated CIDRs) limits what the Scan
 * button sweeps: the UI tests scan only their own loopback phones. */
static void
scan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PhonesetWindow *self = PHONESET_WINDOW (widget);
  g_auto(GStrv) subnets = NULL;

  if (self->scan_cancellable != NULL)
    {
      g_cancellable_cancel (self->scan_cancellable);
      return;
    }
  if (g_getenv ("PHONESET_SCAN_SUBNETS") != NULL)
    subnets = g_strsplit (g_getenv ("PHONESET_SCAN_SUBNETS"), ",", -1);
  phoneset_window_scan (self, (const char *const *)subnets, g_settings_get_uint (self->settings, "scan-timeout"));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PhonesetWindow *self = PHONESET_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
phoneset_window_close_request (GtkWindow *window)
{
  PhonesetWindow *self = PHONESET_WINDOW (window);
  int             width, height;

  /* Passwords kept in memory only: the user decides first. */
  if (phoneset_keyring_bar_confirm_close (self->keyring_bar))
    return TRUE;

  /* Closing: the phones are saved before the window goes, so the drafts
   * are not needed any more. */
  save_blocking (self);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  return GTK_WINDOW_CLASS (phoneset_window_parent_class)->close_request (window);
}

/* PHONESET_DEMO_PHONES, set by `build-aux/dev run` when it starts simulated
 * phones: "profile-id@address:port,…". They are listed like any phone, named
 * after their profile's vendor. */
static void
add_demo_phones (PhonesetWindow *self)
{
  const char *demo = g_getenv ("PHONESET_DEMO_PHONES");
  g_auto(GStrv) entries = NULL;

  if (demo == NULL || demo[0] == '\0')
    return;
  entries = g_strsplit (demo, ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i], "@", 2);

      if (parts[0] == NULL || parts[1] == NULL || phoneset_inventory_find (self->inventory, NULL, parts[1]) != NULL)
        continue;
      for (guint p = 0; p < self->profiles->len; p++)
        {
          PhonesetProfile *profile = g_ptr_array_index (self->profiles, p);
          g_autoptr(PhonesetPhone) phone = NULL;
          g_autofree char *name = NULL;

          if (g_strcmp0 (phoneset_profile_get_id (profile), parts[0]) != 0)
            continue;
          phone = phoneset_phone_new (parts[1]);
          name = g_strdup_printf (_("Demo %s phone"), phoneset_profile_get_vendor (profile));
          phoneset_phone_set_name (phone, name);
          phoneset_phone_set_vendor (phone, phoneset_profile_get_vendor (profile));
          phoneset_phone_set_profile_id (phone, phoneset_profile_get_id (profile));
          phoneset_inventory_add (self->inventory, phone);
          break;
        }
    }
}

/* "application" is not a construct property of GtkWindow: the window is
 * set up once it has one, in phoneset_window_new(). */
static void
setup (PhonesetWindow      *self,
       PhonesetApplication *app)
{
  GMenu *menu;

  /* Taken from the application once; the widgets get it from here. */
  self->context = g_object_ref (phoneset_application_get_context (app));
  self->settings = g_object_ref (phoneset_context_get_settings (self->context));
  self->catalog = g_object_ref (phoneset_context_get_catalog (self->context));
  self->profiles = g_ptr_array_ref (phoneset_catalog_get_profiles (self->catalog));
  self->inventory = g_object_ref (phoneset_context_get_inventory (self->context));
  self->secrets = g_object_ref (phoneset_context_get_secret_store (self->context));
  if (PHONESET_IS_SECRET_SESSION (self->secrets))
    phoneset_keyring_bar_set_session (self->keyring_bar, PHONESET_SECRET_SESSION (self->secrets));

  menu = gtk_application_get_menu_by_id (GTK_APPLICATION (app), "primary_menu");
  gtk_menu_button_set_menu_model (self->primary_menu_button, G_MENU_MODEL (menu));

  {
    GListModel         *phones = phoneset_inventory_get_phones (self->inventory);
    GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (phones));
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_single_selection_set_can_unselect (selection, TRUE);
    g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
    g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
    gtk_list_view_set_model (self->phone_list, GTK_SELECTION_MODEL (selection));
    gtk_list_view_set_factory (self->phone_list, factory);
    g_object_unref (selection);
    g_object_unref (factory);
    watch_phones (self, 0, g_list_model_get_n_items (phones));
  }
  g_signal_connect_object (phoneset_inventory_get_phones (self->inventory), "items-changed",
                           G_CALLBACK (phones_items_changed_cb), self, G_CONNECT_SWAPPED);
  add_demo_phones (self);
  update_sidebar (self);

  {
    g_autofree char *dir = g_build_filename (phoneset_paths_data_dir (), "drafts", NULL);

    self->drafts = phoneset_drafts_new (dir, self->profiles);
    find_drafts (self);
    if (self->offer != NULL)
      g_signal_connect (self, "map", G_CALLBACK (offer_drafts), NULL);
  }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Fleets ------------------------------------------------------------------- */

static void
fleet_exported_cb (PhonesetWindow *self,
                   const char     *folder,
                   guint           n_files)
{
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "Wrote %u file to %s", "Wrote %u files to %s", n_files),
                                                     n_files, folder));
}

/* Export for a fleet: the phone open in the workspace, if any, lends its
 * profile, model and settings as the fleet's common settings. */
static void
fleet_export_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PhonesetWindow      *self = PHONESET_WINDOW (widget);
  PhonesetFleetDialog *dialog = phoneset_fleet_dialog_new (GTK_WINDOW (self), self->profiles);
  PhonesetPhone       *phone = self->view ? phoneset_phone_view_get_phone (self->view) : NULL;

  if (phone != NULL && phoneset_phone_get_profile_id (phone) != NULL &&
      phoneset_fleet_dialog_select_profile (dialog, phoneset_phone_get_profile_id (phone), phoneset_phone_get_model (phone)) &&
      phoneset_phone_get_config (phone) != NULL)
    phoneset_fleet_dialog_set_common_config (dialog, phoneset_phone_get_config (phone));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (fleet_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The provisioning server (HTTP and SIP PnP) in a window of its own; it
 * stops when the window closes. */
static void
provisioning_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PhonesetWindow *self = PHONESET_WINDOW (widget);
  GtkWidget      *window = adw_window_new ();
  GtkWidget      *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget      *header = adw_header_bar_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Provisioning Server"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (widget));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 620);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), phoneset_provisioning_view_new (self->context));
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
stun_show_phone_cb (PhonesetWindow *self,
                    PhonesetPhone  *phone)
{
  phoneset_window_show_phone (self, phone);
  gtk_window_present (GTK_WINDOW (self));
}

/* The STUN server in a window of its own (one): the application's server,
 * which the phones' STUN pages share, goes on when the window closes. */
static void
stun_server_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PhonesetWindow *self = PHONESET_WINDOW (widget);
  GtkWidget      *window, *box, *view;

  if (self->stun_window != NULL)
    {
      gtk_window_present (self->stun_window);
      return;
    }
  window = adw_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  view = phoneset_stun_server_view_new (self->context, phoneset_context_get_stun_server (self->context));
  gtk_window_set_title (GTK_WINDOW (window), _("STUN Server"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 1040, 760);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_signal_connect_object (view, "show-phone", G_CALLBACK (stun_show_phone_cb), self, G_CONNECT_SWAPPED);
  self->stun_window = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&self->stun_window);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * phoneset_window_get_stun_server_window:
 * @self: a #PhonesetWindow
 *
 * Returns: (transfer none) (nullable): the STUN Server window, when open
 */
GtkWindow *
phoneset_window_get_stun_server_window (PhonesetWindow *self)
{
  g_return_val_if_fail (PHONESET_IS_WINDOW (self), NULL);
  return self->stun_window;
}

static void
phoneset_window_dispose (GObject *object)
{
  PhonesetWindow *self = PHONESET_WINDOW (object);

  if (self->scan_cancellable != NULL)
    g_cancellable_cancel (self->scan_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->discovery != NULL)
    {
      g_signal_handlers_disconnect_by_data (phoneset_discovery_get_phones (self->discovery), self);
      g_signal_handlers_disconnect_by_data (self->discovery, self);
    }
  g_clear_object (&self->discovery);
  g_clear_object (&self->scan_cancellable);
  g_clear_object (&self->oui);
  if (self->stun_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->stun_window), (gpointer *)&self->stun_window);
      gtk_window_destroy (self->stun_window);
      self->stun_window = NULL;
    }
  /* What is not saved yet is written before the window goes. */
  if (self->save_source != 0)
    save_blocking (self);
  if (self->draft_source != 0)
    write_drafts (self);
  g_clear_object (&self->drafts);
  g_clear_pointer (&self->offer, g_ptr_array_unref);
  g_clear_pointer (&self->draft_phones, g_hash_table_unref);
  self->disposed = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_WINDOW);
  g_clear_object (&self->inventory);
  g_clear_object (&self->settings);
  g_clear_object (&self->secrets);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_object (&self->catalog);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (phoneset_window_parent_class)->dispose (object);
}

static void
phoneset_window_class_init (PhonesetWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = phoneset_window_dispose;
  window_class->close_request = phoneset_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/phoneset/Phoneset/phoneset-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, keyring_bar);
  g_type_ensure (PHONESET_TYPE_KEYRING_BAR);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, phone_list);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, scan_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, scan_revealer);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, scan_label);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, scan_progress);
  gtk_widget_class_bind_template_callback (widget_class, phone_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "win.add-phone", NULL, add_phone_action);
  gtk_widget_class_install_action (widget_class, "win.scan", NULL, scan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.scan", NULL);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.fleet-export", NULL, fleet_export_action);
  gtk_widget_class_install_action (widget_class, "win.provisioning", NULL, provisioning_action);
  gtk_widget_class_install_action (widget_class, "win.stun-server", NULL, stun_server_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

/* PHONESET_EXIT_AFTER_FIRST_FRAME: quit once the first frame is painted
 * (tests/bench/startup.py measures the time to first frame with it). */
static void
bench_after_paint_cb (GdkFrameClock  *clock,
                      PhonesetWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
bench_map_cb (PhonesetWindow *self)
{
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint", G_CALLBACK (bench_after_paint_cb), self);
}

static void
phoneset_window_init (PhonesetWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->draft_phones = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb), self, G_CONNECT_SWAPPED);
  if (g_getenv ("PHONESET_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (self, "map", G_CALLBACK (bench_map_cb), NULL);
}

/**
 * phoneset_window_new:
 * @application: the application
 *
 * Returns: (transfer full): a new main window
 */
PhonesetWindow *
phoneset_window_new (PhonesetApplication *application)
{
  PhonesetWindow *self;

  g_return_val_if_fail (PHONESET_IS_APPLICATION (application), NULL);

  self = g_object_new (PHONESET_TYPE_WINDOW, "application", application, NULL);
  setup (self, application);
  return self;
}

/**
 * phoneset_window_get_phones:
 * @self: a #PhonesetWindow
 *
 * Returns: (transfer none): the phones in the sidebar
 */
GListModel *
phoneset_window_get_phones (PhonesetWindow *self)
{
  g_return_val_if_fail (PHONESET_IS_WINDOW (self), NULL);

  return phoneset_inventory_get_phones (self->inventory);
}

/**
 * phoneset_window_add_phone:
 * @self: a #PhonesetWindow
 * @phone: a phone
 *
 * Adds @phone to the saved phones and lists it in the sidebar.
 */
void
phoneset_window_add_phone (PhonesetWindow *self,
                           PhonesetPhone  *phone)
{
  g_return_if_fail (PHONESET_IS_WINDOW (self));
  g_return_if_fail (PHONESET_IS_PHONE (phone));

  phoneset_inventory_add (self->inventory, phone);
  save_now (self);
}

/**
 * phoneset_window_show_phone:
 * @self: a #PhonesetWindow
 * @phone: a phone of the sidebar
 *
 * Returns: (transfer none): the phone's workspace, now shown
 */
PhonesetPhoneView *
phoneset_window_show_phone (PhonesetWindow *self,
                            PhonesetPhone  *phone)
{
  GListModel *phones;
  guint       position;

  g_return_val_if_fail (PHONESET_IS_WINDOW (self), NULL);

  /* The sidebar follows, as if the row had been clicked. */
  phones = phoneset_inventory_get_phones (self->inventory);
  for (position = 0; position < g_list_model_get_n_items (phones); position++)
    {
      g_autoptr(PhonesetPhone) item = g_list_model_get_item (phones, position);

      if (item == phone)
        {
          gtk_selection_model_select_item (gtk_list_view_get_model (self->phone_list), position, TRUE);
          break;
        }
    }
  show_phone (self, phone);
  return self->view;
}
