/* phoneset-keyring-bar.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's word on the keyring: when passwords cannot be saved (no
 * keyring running, a locked one), a toast says so once and a message row
 * at the bottom of the window stays while passwords are kept in memory
 * only, with Try Again. When they are saved after all, a toast says so.
 * Closing the window with passwords not saved asks first.
 *
 * All of it follows a #PhonesetSecretSession (src/core); this widget only
 * shows it.
 */

#define G_LOG_DOMAIN "phoneset-keyring-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-keyring-bar.h"
#include "phoneset-test-private.h"

struct _PhonesetKeyringBar
{
  AdwBin                 parent_instance;

  PhonesetSecretSession *session;
  GtkInfoBar            *info_bar;
  GtkLabel              *label;
  gboolean               told;
  gboolean               close_confirmed;
};

G_DEFINE_FINAL_TYPE (PhonesetKeyringBar, phoneset_keyring_bar, ADW_TYPE_BIN)

static void
toast (PhonesetKeyringBar *self,
       AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  /* The window's overlay is beside the bar, so that toasts do not hide it. */
  for (GtkWidget *sibling = parent ? gtk_widget_get_first_child (parent) : NULL;
       overlay == NULL && sibling != NULL; sibling = gtk_widget_get_next_sibling (sibling))
    if (ADW_IS_TOAST_OVERLAY (sibling))
      overlay = sibling;

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
update (PhonesetKeyringBar *self)
{
  const char      *problem = phoneset_secret_session_get_problem (self->session);
  guint            n = phoneset_secret_session_get_n_unsaved (self->session);
  g_autofree char *text = NULL;

  if (problem != NULL && n > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u password is not saved yet.",
                                         "%s %u passwords are not saved yet.", n),
                            problem, n);
  else if (problem != NULL)
    text = g_strdup (problem);
  else if (n > 0)
    text = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "%u password is not saved yet: Phoneset keeps it until you quit.",
                   "%u passwords are not saved yet: Phoneset keeps them until you quit.", n),
      n);
  if (text != NULL)
    gtk_label_set_text (self->label, text);
  gtk_info_bar_set_revealed (self->info_bar, text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);

  /* Once, as it happens; the row stays. */
  if (problem != NULL && !self->told)
    {
      self->told = TRUE;
      toast (self, adw_toast_new (problem));
    }
}

static void
saved_cb (PhonesetKeyringBar *self,
          guint               n)
{
  toast (self,
         adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "Saved %u password in the keyring",
                                            "Saved %u passwords in the keyring", n),
                               n));
  self->told = FALSE;
}

static void
response_cb (PhonesetKeyringBar *self,
             int                 response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    phoneset_secret_session_retry (self->session);
}

static void
phoneset_keyring_bar_dispose (GObject *object)
{
  PhonesetKeyringBar *self = PHONESET_KEYRING_BAR (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (phoneset_keyring_bar_parent_class)->dispose (object);
}

static void
phoneset_keyring_bar_class_init (PhonesetKeyringBarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = phoneset_keyring_bar_dispose;
  gtk_widget_class_set_css_name (widget_class, "keyringbar");
}

static void
phoneset_keyring_bar_init (PhonesetKeyringBar *self)
{
  GtkWidget *button;

  self->info_bar = GTK_INFO_BAR (gtk_info_bar_new ());
  gtk_info_bar_set_message_type (self->info_bar, GTK_MESSAGE_WARNING);
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_info_bar_add_child (self->info_bar, GTK_WIDGET (self->label));
  button = gtk_info_bar_add_button (self->info_bar, _("_Try Again"), GTK_RESPONSE_ACCEPT);
  gtk_widget_set_tooltip_text (button, _("Save the passwords in the keyring now"));
  g_signal_connect_swapped (self->info_bar, "response", G_CALLBACK (response_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->info_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Keyring"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->info_bar));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * phoneset_keyring_bar_set_session:
 * @self: a bar
 * @session: (nullable): the program's secret store
 *
 * Shows what @session says about the keyring.
 */
void
phoneset_keyring_bar_set_session (PhonesetKeyringBar    *self,
                                  PhonesetSecretSession *session)
{
  g_return_if_fail (PHONESET_IS_KEYRING_BAR (self));
  g_return_if_fail (session == NULL || PHONESET_IS_SECRET_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  g_signal_connect_swapped (session, "notify::problem", G_CALLBACK (update), self);
  g_signal_connect_swapped (session, "notify::n-unsaved", G_CALLBACK (update), self);
  g_signal_connect_swapped (session, "saved", G_CALLBACK (saved_cb), self);
  update (self);
}

/**
 * phoneset_keyring_bar_get_text:
 *
 * Returns: (nullable): what the bar says, or %NULL when it is hidden
 */
const char *
phoneset_keyring_bar_get_text (PhonesetKeyringBar *self)
{
  g_return_val_if_fail (PHONESET_IS_KEYRING_BAR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (self->label) : NULL;
}

static void
close_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   PhonesetKeyringBar *self)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  if (g_str_equal (response, "quit"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (window);
    }
  else if (g_str_equal (response, "retry"))
    phoneset_secret_session_retry (self->session);
}

/**
 * phoneset_keyring_bar_confirm_close:
 * @self: the bar of the window being closed
 *
 * When passwords are kept in memory only, asks whether to quit and lose
 * them (the window closes if the user says so).
 *
 * Returns: %TRUE if the window must stay open for now
 */
gboolean
phoneset_keyring_bar_confirm_close (PhonesetKeyringBar *self)
{
  GtkRoot   *root;
  GtkWidget *dialog;
  guint      n;

  g_return_val_if_fail (PHONESET_IS_KEYRING_BAR (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (self->session == NULL || self->close_confirmed || !GTK_IS_WINDOW (root) ||
      (n = phoneset_secret_session_get_n_unsaved (self->session)) == 0)
    return FALSE;
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Quit Without Saving Passwords?"), NULL);
  adw_message_dialog_format_body (
    ADW_MESSAGE_DIALOG (dialog),
    g_dngettext (GETTEXT_PACKAGE,
                 "%u password you typed is not in the keyring. If you quit now, you will "
                 "have to type it again next time.",
                 "%u passwords you typed are not in the keyring. If you quit now, you will "
                 "have to type them again next time.",
                 n),
    n);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                    _("_Cancel"), "retry",
                                       _("_Try Again"), "quit", _("_Quit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "quit",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
