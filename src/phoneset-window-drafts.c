/* phoneset-window-drafts.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PhonesetWindow: saving the phones (a moment after a change, at once
 * after a push or a scan, on this thread when the window closes) and the
 * drafts of unsaved edits, which a crash leaves to offer back.
 */

#define G_LOG_DOMAIN "phoneset-window"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-drafts.h"
#include "phoneset-paths.h"
#include "phoneset-phone-view.h"
#include "phoneset-window-private.h"
#include "phoneset-test-private.h"

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
        adw_toast_overlay_add_toast (
          saving->self->toast_overlay,
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
void
_phoneset_window_save_now (PhonesetWindow *self)
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
void
_phoneset_window_save_blocking (PhonesetWindow *self)
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

void
_phoneset_window_write_drafts (PhonesetWindow *self)
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
  _phoneset_window_write_drafts (self);
  return G_SOURCE_REMOVE;
}

/* An edit is kept as a draft a moment after the last change, not on every
 * keystroke; the inventory gets it at the next save (a push, closing the
 * window), and a crash before that loses nothing. */
void
_phoneset_window_phone_edited_cb (PhonesetPhone  *phone,
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
  if (current != NULL &&
      phoneset_config_get_profile (current) != phoneset_config_get_profile (draft))
    return TRUE;
  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);
      const char      *id = phoneset_setting_get_id (setting);

      /* No saved config: a draft that only opened the phone is nothing. */
      if (!phoneset_setting_is_secret (setting) &&
          g_strcmp0 (current ? phoneset_config_get (current, id) : NULL,
                     phoneset_config_get (draft, id)) != 0)
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

          phoneset_phone_set_profile_id (
            item->phone, phoneset_profile_get_id (phoneset_config_get_profile (merged)));
          view = phoneset_window_show_phone (self, item->phone);
          phoneset_phone_view_apply_config (view, merged);
        }
      else
        {
          phoneset_phone_set_profile_id (
            item->phone, phoneset_profile_get_id (phoneset_config_get_profile (merged)));
          phoneset_phone_set_config (item->phone, merged);
        }
    }
  adw_toast_overlay_add_toast (
    self->toast_overlay,
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
        phoneset_drafts_remove (
          self->drafts, phoneset_phone_get_id (((Offer *)g_ptr_array_index (offer, i))->phone),
          NULL);
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
      g_autofree char *name =
        phoneset_phone_dup_display_name (((Offer *)g_ptr_array_index (self->offer, i))->phone);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), NULL));
  adw_message_dialog_format_body (
    ADW_MESSAGE_DIALOG (dialog),
    g_dngettext (
      GETTEXT_PACKAGE,
      "Phoneset closed before the changes to %s were saved. Restore them to review and "
      "push them?",
      "Phoneset closed before the changes to these phones were saved: %s. Restore them to "
      "review and push them?",
      self->offer->len),
    names->str);
  adw_message_dialog_add_responses (dialog, "discard",
                                    _("_Discard"), "restore", _("_Restore"), NULL);
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
  _phoneset_window_save_now (self);
  return G_SOURCE_REMOVE;
}

/* Saves a moment after the last change, not on every keystroke. */
void
_phoneset_window_schedule_save (PhonesetWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_seconds (1, save_timeout_cb, self);
}

/* The drafts of the last run are read, those worth it offered back once
 * the window shows. */
void
_phoneset_window_load_drafts (PhonesetWindow *self)
{
  g_autofree char *dir = g_build_filename (phoneset_paths_data_dir (), "drafts", NULL);

  self->drafts = phoneset_drafts_new (dir, self->profiles);
  find_drafts (self);
  if (self->offer != NULL)
    g_signal_connect (self, "map", G_CALLBACK (offer_drafts), NULL);
}
