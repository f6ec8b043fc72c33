/* phoneset-window-actions.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PhonesetWindow: the win.* actions (add a phone, scan, back, a fleet's
 * export) and the windows they open, built in code: the provisioning
 * server's and the one STUN server's.
 */

#define G_LOG_DOMAIN "phoneset-window"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-add-phone-dialog.h"
#include "phoneset-fleet-dialog.h"
#include "phoneset-provisioning-view.h"
#include "phoneset-stun-server-view.h"
#include "phoneset-window-private.h"
#include "phoneset-test-private.h"

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
  g_signal_connect_object (dialog, "phone-added", G_CALLBACK (add_phone_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PhonesetWindow *self = PHONESET_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
fleet_exported_cb (PhonesetWindow *self,
                   const char     *folder,
                   guint           n_files)
{
  adw_toast_overlay_add_toast (
    self->toast_overlay, adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "Wrote %u file to %s",
                                                            "Wrote %u files to %s", n_files),
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
      phoneset_fleet_dialog_select_profile (dialog, phoneset_phone_get_profile_id (phone),
                                            phoneset_phone_get_model (phone)) &&
      phoneset_phone_get_config (phone) != NULL)
    phoneset_fleet_dialog_set_common_config (dialog, phoneset_phone_get_config (phone));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (fleet_exported_cb), self,
                           G_CONNECT_SWAPPED);
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
  view =
    phoneset_stun_server_view_new (self->context, phoneset_context_get_stun_server (self->context));
  gtk_window_set_title (GTK_WINDOW (window), _("STUN Server"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 1040, 760);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_signal_connect_object (view, "show-phone", G_CALLBACK (stun_show_phone_cb), self,
                           G_CONNECT_SWAPPED);
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

/* The win.* actions and their keys. */
void
_phoneset_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-phone", NULL, add_phone_action);
  gtk_widget_class_install_action (widget_class, "win.scan", NULL, _phoneset_window_scan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.scan", NULL);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.fleet-export", NULL, fleet_export_action);
  gtk_widget_class_install_action (widget_class, "win.provisioning", NULL, provisioning_action);
  gtk_widget_class_install_action (widget_class, "win.stun-server", NULL, stun_server_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}
