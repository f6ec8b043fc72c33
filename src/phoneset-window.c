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
#include "phoneset-phone-row.h"
#include "phoneset-window.h"

struct _PhonesetWindow
{
  AdwApplicationWindow parent_instance;

  /* Owned references */
  GListStore          *phones;
  GSettings           *settings;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkStack            *sidebar_stack;
  AdwStatusPage       *empty_page;
  GtkListBox          *phone_list;
  GtkStack            *content_stack;
  AdwWindowTitle      *content_title;
  AdwStatusPage       *welcome_page;
  AdwStatusPage       *phone_page;
  GtkMenuButton       *primary_menu_button;
};

G_DEFINE_FINAL_TYPE (PhonesetWindow, phoneset_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_phone_row (gpointer item,
                  gpointer user_data)
{
  return GTK_WIDGET (phoneset_phone_row_new (PHONESET_PHONE (item)));
}

static void
update_sidebar (PhonesetWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->phones)) == 0;

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

  update_sidebar (self);
}

static void
show_phone (PhonesetWindow *self,
            PhonesetPhone  *phone)
{
  g_autofree char *name = phoneset_phone_dup_display_name (phone);
  g_autoptr(GString) details = g_string_new (NULL);

  g_string_append_printf (details, _("Address: %s"), phoneset_phone_get_address (phone));
  if (phoneset_phone_get_mac (phone) != NULL)
    {
      g_string_append_c (details, '\n');
      g_string_append_printf (details, _("MAC address: %s"), phoneset_phone_get_mac (phone));
    }

  adw_status_page_set_title (self->phone_page, name);
  adw_status_page_set_description (self->phone_page, details->str);
  adw_window_title_set_title (self->content_title, name);
  adw_window_title_set_subtitle (self->content_title, phoneset_phone_get_address (phone));
  gtk_stack_set_visible_child_name (self->content_stack, "phone");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
phone_list_row_activated_cb (PhonesetWindow *self,
                             GtkListBoxRow  *row,
                             GtkListBox     *list)
{
  g_assert (PHONESET_IS_WINDOW (self));

  show_phone (self, phoneset_phone_row_get_phone (PHONESET_PHONE_ROW (row)));
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

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  return GTK_WINDOW_CLASS (phoneset_window_parent_class)->close_request (window);
}

static void
phoneset_window_constructed (GObject *object)
{
  PhonesetWindow *self = PHONESET_WINDOW (object);
  GApplication   *app;

  G_OBJECT_CLASS (phoneset_window_parent_class)->constructed (object);

  app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (PHONESET_IS_APPLICATION (app))
    self->settings = g_object_ref (phoneset_application_get_settings (PHONESET_APPLICATION (app)));
  else
    self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
phoneset_window_dispose (GObject *object)
{
  PhonesetWindow *self = PHONESET_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_WINDOW);
  g_clear_object (&self->phones);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (phoneset_window_parent_class)->dispose (object);
}

static void
phoneset_window_class_init (PhonesetWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = phoneset_window_constructed;
  object_class->dispose = phoneset_window_dispose;
  window_class->close_request = phoneset_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/phoneset/Phoneset/phoneset-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, phone_list);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, phone_page);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PhonesetWindow, primary_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, phone_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.add-phone", NULL, add_phone_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
phoneset_window_init (PhonesetWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->phones = g_list_store_new (PHONESET_TYPE_PHONE);
  gtk_list_box_bind_model (self->phone_list, G_LIST_MODEL (self->phones), create_phone_row, NULL, NULL);
  g_signal_connect_object (self->phones, "items-changed", G_CALLBACK (phones_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_sidebar (self);
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
  return g_object_new (PHONESET_TYPE_WINDOW, "application", application, NULL);
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

  return G_LIST_MODEL (self->phones);
}

/**
 * phoneset_window_add_phone:
 * @self: a #PhonesetWindow
 * @phone: a phone
 *
 * Lists @phone in the sidebar.
 */
void
phoneset_window_add_phone (PhonesetWindow *self,
                           PhonesetPhone  *phone)
{
  g_return_if_fail (PHONESET_IS_WINDOW (self));
  g_return_if_fail (PHONESET_IS_PHONE (phone));

  g_list_store_append (self->phones, phone);
}
