/* phoneset-window.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: the phones in the sidebar, the open phone's
 * workspace. Its parts: phoneset-window-drafts.c (saving, drafts),
 * phoneset-window-scan.c (scans, reachability, demo phones),
 * phoneset-window-actions.c (the win.* actions and their windows).
 */

#define G_LOG_DOMAIN "phoneset-window"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-address.h"
#include "phoneset-phone-row.h"
#include "phoneset-window-private.h"
#include "phoneset-test-private.h"
#include "phoneset-test-hooks-private.h"

G_DEFINE_FINAL_TYPE (PhonesetWindow, phoneset_window, ADW_TYPE_APPLICATION_WINDOW)

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
  phoneset_phone_row_set_phone (PHONESET_PHONE_ROW (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
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

      g_signal_connect_object (phone, "notify::has-changes",
                               G_CALLBACK (_phoneset_window_phone_edited_cb), self, 0);
      /* A push, or another profile: saved. */
      g_signal_connect_object (phone, "notify::last-push",
                               G_CALLBACK (_phoneset_window_schedule_save), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (phone, "notify::profile-id",
                               G_CALLBACK (_phoneset_window_schedule_save), self,
                               G_CONNECT_SWAPPED);
      /* A binding lifetime the self-test measured: saved. */
      g_signal_connect_object (phone, "notify::binding-lifetime-ms",
                               G_CALLBACK (_phoneset_window_schedule_save), self,
                               G_CONNECT_SWAPPED);
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

  if (!phoneset_secret_session_forget_finish (PHONESET_SECRET_SESSION (source), result, &error) &&
      !self->disposed)
    adw_toast_overlay_add_toast (
      self->toast_overlay,
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
  phoneset_secret_session_forget_async (PHONESET_SECRET_SESSION (self->secrets),
                                        (const char *const *)list, NULL, secrets_forgotten_cb,
                                        g_object_ref (self));
}

static void
forget_cb (PhonesetWindow *self,
           PhonesetPhone  *phone)
{
  g_autofree char *name = phoneset_phone_dup_display_name (phone);

  phoneset_inventory_remove (self->inventory, phone);
  forget_secrets (self, phone);
  show_welcome (self);
  _phoneset_window_save_now (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new_format (_("Forgot %s"), name));
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
  _phoneset_window_check_reachable (self, phone);
}

static void
phone_list_activate_cb (PhonesetWindow *self,
                        guint           position,
                        GtkListView    *list)
{
  g_autoptr(PhonesetPhone) phone =
               g_list_model_get_item (phoneset_inventory_get_phones (self->inventory), position);

  g_assert (PHONESET_IS_WINDOW (self));

  if (phone != NULL)
    show_phone (self, phone);
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
  _phoneset_window_save_blocking (self);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  return GTK_WINDOW_CLASS (phoneset_window_parent_class)->close_request (window);
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
  _phoneset_window_add_demo_phones (self);
  update_sidebar (self);

  _phoneset_window_load_drafts (self);

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
    _phoneset_window_save_blocking (self);
  if (self->draft_source != 0)
    _phoneset_window_write_drafts (self);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/phoneset/Phoneset/phoneset-window.ui");
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

  _phoneset_window_class_add_actions (widget_class);
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
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), self);
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

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb), self,
                           G_CONNECT_SWAPPED);
  if (_phoneset_test_hook (PHONESET_TEST_HOOK_EXIT_AFTER_FIRST_FRAME) != NULL)
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
  _phoneset_window_save_now (self);
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
          gtk_selection_model_select_item (gtk_list_view_get_model (self->phone_list), position,
                                           TRUE);
          break;
        }
    }
  show_phone (self, phone);
  return self->view;
}
