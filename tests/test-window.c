/* test-window.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real main window (under Xvfb in CI), checks what a new user
 * sees, and saves screenshots of it.
 */

#include "config.h"

#include "phoneset-application.h"
#include "phoneset-preferences-window.h"
#include "phoneset-test-utils.h"
#include "phoneset-window.h"

static PhonesetApplication *app;

static GtkWidget *
child (gpointer    window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), PHONESET_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static PhonesetWindow *
open_window (void)
{
  PhonesetWindow *window = phoneset_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  return window;
}

static void
test_window_empty_state (void)
{
  PhonesetWindow  *window = open_window ();
  GtkStack        *sidebar_stack = GTK_STACK (child (window, "sidebar_stack"));
  GtkStack        *content_stack = GTK_STACK (child (window, "content_stack"));
  GtkWidget       *empty_page = child (window, "empty_page");
  GtkWidget       *welcome_page = child (window, "welcome_page");
  g_autofree char *shot = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "welcome");
  g_assert_true (gtk_widget_get_mapped (empty_page));
  g_assert_true (gtk_widget_get_mapped (welcome_page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty_page)), ==, "No Phones Yet");
  g_assert_cmpuint (g_list_model_get_n_items (phoneset_window_get_phones (window)), ==, 0);

  /* The window is wide enough by default that sidebar and content both show. */
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (child (window, "leaflet"))));

  shot = phoneset_test_screenshot (GTK_WIDGET (window), "main-window-empty");
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_add_and_select (void)
{
  PhonesetWindow *window = open_window ();
  GtkStack       *sidebar_stack = GTK_STACK (child (window, "sidebar_stack"));
  GtkStack       *content_stack = GTK_STACK (child (window, "content_stack"));
  GtkListBox     *list = GTK_LIST_BOX (child (window, "phone_list"));
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.10");
  GtkListBoxRow   *row;
  g_autofree char *shot = NULL;

  phoneset_phone_set_vendor (phone, "Yealink");
  phoneset_phone_set_model (phone, "CP860");
  phoneset_phone_set_mac (phone, "00:15:65:8A:37:86");
  phoneset_window_add_phone (window, phone);
  phoneset_test_iterate (100);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "list");
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Yealink CP860");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "192.0.2.10 · 00:15:65:8A:37:86");

  g_signal_emit_by_name (list, "row-activated", row);
  phoneset_test_iterate (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "phone");

  shot = phoneset_test_screenshot (GTK_WIDGET (window), "main-window-phone");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_menu_and_shortcuts (void)
{
  PhonesetWindow *window = open_window ();
  GMenuModel     *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child (window, "primary_menu_button")));
  GMenuModel     *section;
  const char     *expected[] = { "app.preferences", "win.show-help-overlay", "app.help", "app.about" };

  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *action = NULL;

      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_cmpstr (action, ==, expected[i]);
      if (g_str_has_prefix (action, "app."))
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), action + 4));
      else
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), action + 4));
    }
  g_object_unref (section);

  /* GtkApplication loads gtk/help-overlay.ui from our resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_size_restored (void)
{
  GSettings      *settings = phoneset_application_get_settings (app);
  PhonesetWindow *window;
  int             width, height;

  g_settings_set_int (settings, "window-width", 812);
  g_settings_set_int (settings, "window-height", 604);
  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 604);

  /* Closing saves the size the window has. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  phoneset_test_iterate (200);
  gtk_window_close (GTK_WINDOW (window));
  phoneset_test_iterate (100);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_preferences (void)
{
  GSettings                 *settings = phoneset_application_get_settings (app);
  PhonesetPreferencesWindow *prefs = phoneset_preferences_window_new (settings);
  GtkWidget                 *spin;
  g_autofree char           *shot = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  phoneset_test_wait_until_mapped (GTK_WIDGET (prefs));

  spin = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs), PHONESET_TYPE_PREFERENCES_WINDOW, "scan_timeout_spin"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 2000);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3500);
  g_assert_cmpuint (g_settings_get_uint (settings, "scan-timeout"), ==, 3500);

  shot = phoneset_test_screenshot (GTK_WIDGET (prefs), "preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "scan-timeout");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  app = phoneset_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  adw_init ();

  g_test_add_func ("/window/empty-state", test_window_empty_state);
  g_test_add_func ("/window/add-and-select", test_window_add_and_select);
  g_test_add_func ("/window/menu-and-shortcuts", test_window_menu_and_shortcuts);
  g_test_add_func ("/window/size-restored", test_window_size_restored);
  g_test_add_func ("/window/preferences", test_preferences);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
