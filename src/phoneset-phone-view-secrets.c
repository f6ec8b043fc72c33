/* phoneset-phone-view-secrets.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone workspace's passwords (TURN, provisioning server): they live in
 * the secret store, found by the phone's id and "setting:<id>", never in
 * the saved config. A password the keyring did not take is kept for the
 * session by the store and its row says "Not saved"; one that could not be
 * read says "Not read". The window says why, once (PhonesetKeyringBar).
 */

#define G_LOG_DOMAIN "phoneset-phone-view"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-phone-view-private.h"
#include "phoneset-secret-session.h"
#include "phoneset-setting-row.h"

static char *
secret_user (const char *id)
{
  return g_strconcat ("setting:", id, NULL);
}

static PhonesetSecretSession *
get_session (PhonesetPhoneView *self)
{
  return PHONESET_IS_SECRET_SESSION (self->secrets) ? PHONESET_SECRET_SESSION (self->secrets)
                                                    : NULL;
}

/* The marks --------------------------------------------------------------- */

static void
update_mark (GtkWidget *mark)
{
  PhonesetPhoneView     *self = g_object_get_data (G_OBJECT (mark), "phoneset-view");
  const char            *id = g_object_get_data (G_OBJECT (mark), "phoneset-setting");
  PhonesetSecretSession *session = get_session (self);
  GtkLabel              *label = GTK_LABEL (gtk_widget_get_last_child (mark));
  g_autofree char       *user = secret_user (id);
  const char            *problem = session ? phoneset_secret_session_get_problem (session) : NULL;
  g_autofree char       *tip = NULL;

  if (session != NULL &&
      !phoneset_secret_session_is_saved (session, phoneset_phone_get_id (self->phone), user))
    {
      gtk_label_set_text (label, _("Not saved"));
      tip = g_strdup_printf (_("Phoneset keeps this password until you quit. %s"),
                                problem ? problem : "");
    }
  else if (self->secrets_unread != NULL && g_hash_table_contains (self->secrets_unread, id))
    {
      gtk_label_set_text (label, _("Not read"));
      tip = g_strdup_printf (_("The saved password could not be read from the keyring. %s"),
                                problem ? problem : "");
    }
  gtk_widget_set_visible (mark, tip != NULL);
  gtk_widget_set_tooltip_text (mark, tip ? g_strstrip (tip) : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tip ? tip : "", -1);
}

static void
session_notify_cb (GtkWidget *mark)
{
  update_mark (mark);
}

/* Gives the row of a password setting a "Not saved" / "Not read" mark,
 * shown while it applies. */
void
_phoneset_phone_view_mark_secret (PhonesetPhoneView *self,
                                  GtkWidget         *row)
{
  PhonesetSetting *setting = phoneset_setting_row_get_setting (row);
  GtkWidget       *mark, *label;

  if (setting == NULL || !phoneset_setting_is_secret (setting) || get_session (self) == NULL)
    return;
  /* Icon over text: narrow, so the title keeps its room. */
  mark = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (mark, "warning");
  gtk_widget_add_css_class (mark, "secret-mark");
  gtk_box_append (GTK_BOX (mark), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (mark), label);
  g_object_set_data (G_OBJECT (mark), "phoneset-view", self);
  g_object_set_data_full (G_OBJECT (mark), "phoneset-setting",
                          g_strdup (phoneset_setting_get_id (setting)), g_free);
  g_object_set_data (G_OBJECT (row), "phoneset-secret-mark", mark);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
  g_signal_connect_object (self->secrets, "notify::n-unsaved", G_CALLBACK (session_notify_cb), mark,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->secrets, "notify::problem", G_CALLBACK (session_notify_cb), mark,
                           G_CONNECT_SWAPPED);
  update_mark (mark);
}

/* Marks again every password row under @widget. */
static void
update_marks (GtkWidget *widget)
{
  GtkWidget *mark = g_object_get_data (G_OBJECT (widget), "phoneset-secret-mark");

  if (mark != NULL)
    {
      update_mark (mark);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    update_marks (child);
}

/* Lookups ------------------------------------------------------------------ */

typedef struct
{
  PhonesetPhoneView *self;
  char              *id;
} SecretLookup;

static void
secret_lookup_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SecretLookup      *lookup = user_data;
  PhonesetPhoneView *self = lookup->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *password =
    phoneset_secret_store_lookup_finish (PHONESET_SECRET_STORE (source), result, &error);
  PhonesetConfig *config;

  if (g_cancellable_is_cancelled (self->cancellable))
    ;
  else if (error != NULL)
    {
      /* The store told the window why; the row says it too. */
      g_debug ("The password of %s could not be read: %s", lookup->id, error->message);
      g_hash_table_add (self->secrets_unread, g_strdup (lookup->id));
      update_marks (GTK_WIDGET (self));
    }
  else
    {
      if (g_hash_table_remove (self->secrets_unread, lookup->id))
        update_marks (GTK_WIDGET (self));
      if (password != NULL && (config = phoneset_phone_get_config (self->phone)) != NULL &&
          phoneset_config_get (config, lookup->id) == NULL)
        {
          /* Read, not typed: not stored again. */
          self->secret_loading = lookup->id;
          phoneset_config_set (config, lookup->id, password, NULL);
          self->secret_loading = NULL;
        }
    }
  g_object_unref (lookup->self);
  g_free (lookup->id);
  g_free (lookup);
}

/* Fills the phone's password settings from the secret store. */
void
_phoneset_phone_view_load_secrets (PhonesetPhoneView *self)
{
  PhonesetConfig  *config = phoneset_phone_get_config (self->phone);
  g_autofree char *host = g_strdup (phoneset_phone_get_id (self->phone));
  GPtrArray       *settings;

  if (self->secrets == NULL || config == NULL)
    return;
  settings = phoneset_profile_get_settings (phoneset_config_get_profile (config));
  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);
      g_autofree char *user = NULL;
      SecretLookup    *lookup;

      if (!phoneset_setting_is_secret (setting))
        continue;
      user = secret_user (phoneset_setting_get_id (setting));
      lookup = g_new0 (SecretLookup, 1);
      lookup->self = g_object_ref (self);
      lookup->id = g_strdup (phoneset_setting_get_id (setting));
      phoneset_secret_store_lookup_async (self->secrets, host, user, self->cancellable,
                                          secret_lookup_cb, lookup);
    }
}

/* Once the keyring answers again, what could not be read is read. */
static void
problem_notify_cb (PhonesetPhoneView *self)
{
  PhonesetSecretSession *session = get_session (self);

  if (phoneset_secret_session_get_problem (session) == NULL &&
      g_hash_table_size (self->secrets_unread) > 0)
    _phoneset_phone_view_load_secrets (self);
}

/* Stores -------------------------------------------------------------------- */

static void
secret_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PhonesetPhoneView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (phoneset_secret_store_store_finish (PHONESET_SECRET_STORE (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error->domain == PHONESET_SECRET_ERROR && get_session (self) != NULL)
    {
      /* Kept for the session: the row is marked "Not saved", the window
       * says why. */
      g_debug ("Kept in memory only: %s", error->message);
      return;
    }
  _phoneset_phone_view_toast (self, error->message);
}

static void
secret_cleared_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PhonesetPhoneView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (phoneset_secret_store_clear_finish (PHONESET_SECRET_STORE (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* The session told the window why; a copy may stay in the keyring. */
  _phoneset_phone_view_toast (self, _("The old password could not be removed from the keyring."));
}

static void
config_secret_changed_cb (PhonesetPhoneView *self,
                          const char        *id,
                          PhonesetConfig    *config)
{
  PhonesetSetting *setting =
    phoneset_profile_lookup_setting (phoneset_config_get_profile (config), id);
  g_autofree char *user = NULL;
  g_autofree char *host = NULL;
  const char      *value;

  if (self->secrets == NULL || setting == NULL || !phoneset_setting_is_secret (setting) ||
      g_strcmp0 (self->secret_loading, id) == 0)
    return;
  user = secret_user (id);
  host = g_strdup (phoneset_phone_get_id (self->phone));
  value = phoneset_config_get_effective (config, id);
  g_hash_table_remove (self->secrets_unread, id);
  if (value == NULL || value[0] == '\0')
    phoneset_secret_store_clear_async (self->secrets, host, user, NULL, secret_cleared_cb,
                                       g_object_ref (self));
  else
    phoneset_secret_store_store_async (self->secrets, host, user, value, NULL, secret_stored_cb,
                                       g_object_ref (self));
}

/* Follows @config: a password set in it goes to the secret store. */
void
_phoneset_phone_view_watch_secrets (PhonesetPhoneView *self,
                                    PhonesetConfig    *config)
{
  if (self->secrets_unread == NULL)
    {
      self->secrets_unread = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (get_session (self) != NULL)
        g_signal_connect_object (self->secrets, "notify::problem", G_CALLBACK (problem_notify_cb),
                                 self, G_CONNECT_SWAPPED);
    }
  g_signal_handlers_disconnect_by_func (config, config_secret_changed_cb, self);
  g_signal_connect_object (config, "changed", G_CALLBACK (config_secret_changed_cb), self,
                           G_CONNECT_SWAPPED);
  _phoneset_phone_view_load_secrets (self);
}
