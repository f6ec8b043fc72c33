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

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "phoneset-application.h"
#include "phoneset-fleet-dialog.h"
#include "phoneset-phone-row.h"
#include "phoneset-preferences-window.h"
#include "phoneset-setting-row.h"
#include "phoneset-stun-page.h"
#include "phoneset-test-sim.h"
#include "phoneset-test-app.h"
#include "phoneset-test-coturn.h"
#include "phoneset-test-utils.h"
#include "phoneset-window.h"
#include "phoneset-test-private.h"

static PhonesetApplication *app;

static void
test_window_empty_state (void)
{
  PhonesetWindow  *window = phoneset_test_app_open_window (app);
  GtkStack        *sidebar_stack = GTK_STACK (phoneset_test_window_child (window, "sidebar_stack"));
  GtkStack        *content_stack = GTK_STACK (phoneset_test_window_child (window, "content_stack"));
  GtkWidget       *empty_page = phoneset_test_window_child (window, "empty_page");
  GtkWidget       *welcome_page = phoneset_test_window_child (window, "welcome_page");
  g_autofree char *shot = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "empty");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "welcome");
  g_assert_true (gtk_widget_get_mapped (empty_page));
  g_assert_true (gtk_widget_get_mapped (welcome_page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty_page)), ==, "No Phones Yet");
  g_assert_cmpuint (g_list_model_get_n_items (phoneset_window_get_phones (window)), ==, 0);

  /* The window is wide enough by default that sidebar and content both show. */
  g_assert_false (
    adw_leaflet_get_folded (ADW_LEAFLET (phoneset_test_window_child (window, "leaflet"))));

  shot = phoneset_test_screenshot (GTK_WIDGET (window), "main-window-empty");
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Finds the row the factory made for setting @id below @widget. */
static guint
count_setting_rows (GtkWidget *widget)
{
  guint n =
    phoneset_setting_row_get_setting (widget) != NULL && gtk_widget_get_mapped (widget) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += count_setting_rows (c);
  return n;
}

static GtkWidget *
child_of_view (PhonesetPhoneView *view,
               const char        *name)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (view)); w != NULL;)
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));

      if (g_strcmp0 (id, name) == 0)
        return w;
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            {
              w = gtk_widget_get_parent (w);
              if (w == GTK_WIDGET (view))
                return NULL;
            }
          w = w ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  return NULL;
}

static PhonesetPhone *
planet_phone (void)
{
  PhonesetPhone *phone = phoneset_phone_new ("192.0.2.10");

  phoneset_phone_set_vendor (phone, "PLANET");
  phoneset_phone_set_model (phone, "VIP-2140PT");
  phoneset_phone_set_mac (phone, "00:30:4F:11:3A:F8");
  phoneset_phone_set_profile_id (phone, "planet-vip");
  return phone;
}

static void
forget_all (PhonesetWindow *window)
{
  GListModel *phones = phoneset_window_get_phones (window);

  while (g_list_model_get_n_items (phones) > 0)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (phones, 0);

      phoneset_inventory_remove (phoneset_application_get_inventory (app), phone);
    }
}

static void
test_window_add_and_select (void)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  GtkStack       *sidebar_stack = GTK_STACK (phoneset_test_window_child (window, "sidebar_stack"));
  GtkStack       *content_stack = GTK_STACK (phoneset_test_window_child (window, "content_stack"));
  GtkWidget      *list = phoneset_test_window_child (window, "phone_list");
  g_autoptr(PhonesetPhone) phone = planet_phone ();
  PhonesetPhoneView *view;
  GtkWidget         *row;
  g_autofree char   *shot = NULL;
  g_autofree char   *shot2 = NULL;
  g_autofree char   *shot3 = NULL;

  phoneset_window_add_phone (window, phone);
  phoneset_test_iterate (100);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "list");
  row = phoneset_test_find_descendant (list, PHONESET_TYPE_PHONE_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (phoneset_phone_row_get_title (PHONESET_PHONE_ROW (row)), ==,
                   "PLANET VIP-2140PT");
  g_assert_cmpstr (phoneset_phone_row_get_subtitle (PHONESET_PHONE_ROW (row)), ==,
                   "192.0.2.10 · 00:30:4F:11:3A:F8");

  /* A click on the row opens the phone. */
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 0));
  phoneset_test_iterate (300);
  view = PHONESET_PHONE_VIEW (gtk_stack_get_visible_child (content_stack));
  g_assert_true (PHONESET_IS_PHONE_VIEW (view));
  /* The welcome page fades out: wait for it, however busy the machine. */
  for (guint i = 0; i < 100 && gtk_stack_get_transition_running (content_stack); i++)
    phoneset_test_iterate (20);
  shot = phoneset_test_screenshot (GTK_WIDGET (window), "phone-overview");

  /* The profile's pages, with the rows the factory made. */
  g_assert_true (phoneset_phone_view_show_page (view, "page-network"));
  g_assert_true (phoneset_phone_view_show_page (view, "page-action_url"));
  g_assert_false (phoneset_phone_view_show_page (view, "page-no-such-page"));
  g_assert_true (phoneset_phone_view_show_page (view, "keypad"));
  g_assert_true (phoneset_phone_view_show_page (view, "events"));
  g_assert_true (phoneset_phone_view_show_page (view, "stun"));
  g_assert_true (gtk_widget_is_sensitive (child_of_view (view, "push_button")));
  g_assert_true (phoneset_phone_view_show_page (view, "page-nat"));
  phoneset_test_iterate (200);
  g_assert_cmpuint (count_setting_rows (GTK_WIDGET (view)), ==, 11);
  shot2 = phoneset_test_screenshot (GTK_WIDGET (window), "phone-nat-page");

  /* Dark mode: the same page, for a person to look at. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  shot3 = phoneset_test_screenshot_after (GTK_WIDGET (window), "phone-nat-page-dark", 300);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_phone_view_edit_undo (void)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  g_autoptr(PhonesetPhone) phone = planet_phone ();
  PhonesetPhoneView *view;
  PhonesetConfig    *config;
  GtkWidget         *row, *entry, *sw;
  g_autofree char   *shot = NULL;

  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  phoneset_phone_view_show_page (view, "page-nat");
  phoneset_test_iterate (200);
  config = phoneset_phone_get_config (phone);
  g_assert_nonnull (config);

  /* Typing into the STUN server row sets the config. */
  row = phoneset_test_find_setting_row (GTK_WIDGET (view), "nat.stun.server");
  g_assert_nonnull (row);
  entry = phoneset_test_find_descendant (row, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "stun.example.org");
  g_assert_null (phoneset_config_get (config, "nat.stun.server")); /* not while typing */
  phoneset_test_iterate (PHONESET_SETTING_ROW_COMMIT_DELAY + 200);
  g_assert_cmpstr (phoneset_config_get (config, "nat.stun.server"), ==, "stun.example.org");
  g_assert_true (phoneset_setting_row_is_changed (row));
  g_assert_true (phoneset_phone_has_changes (phone));

  /* A bad value is shown as an error and never reaches the config. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "not a host");
  phoneset_test_iterate (PHONESET_SETTING_ROW_COMMIT_DELAY + 200);
  g_assert_cmpstr (phoneset_config_get (config, "nat.stun.server"), ==, "stun.example.org");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_has_css_class (row, "invalid"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "is not a host name or IP address"));
  phoneset_test_iterate (100);
  shot = phoneset_test_screenshot (GTK_WIDGET (window), "phone-nat-invalid");
  gtk_editable_set_text (GTK_EDITABLE (entry), "stun.example.org");
  g_signal_emit_by_name (entry, "activate"); /* Enter writes at once */
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* The switch of line 1's “Use STUN”. */
  row = phoneset_test_find_setting_row (GTK_WIDGET (view), "line.1.stun.enable");
  sw = phoneset_test_find_descendant (row, GTK_TYPE_SWITCH);
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_cmpstr (phoneset_config_get (config, "line.1.stun.enable"), ==, "true");

  /* Undo, redo, revert. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.undo", NULL));
  g_assert_null (phoneset_config_get (config, "line.1.stun.enable"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.redo", NULL));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.revert", NULL));
  g_assert_null (phoneset_config_get (config, "nat.stun.server"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (phoneset_phone_has_changes (phone));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "stun.example.org");

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_phone_view_search_import (void)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  g_autoptr(PhonesetPhone) phone = planet_phone ();
  g_autofree char *path =
    g_test_build_filename (G_TEST_DIST, "data", "cfg", "planet-vip2140pt.cfg", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) html = g_bytes_new_static ("<html/>", 7);
  g_autoptr(GError) error = NULL;
  PhonesetPhoneView *view;
  GtkWidget         *search;
  AdwViewStack      *stack;
  g_autofree char   *shot = NULL;
  g_autofree char   *contents = NULL;
  gsize              len;

  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  phoneset_test_iterate (200);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.search", NULL));
  search = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (view), PHONESET_TYPE_PHONE_VIEW, "search_entry"));
  stack = ADW_VIEW_STACK (
    gtk_widget_get_template_child (GTK_WIDGET (view), PHONESET_TYPE_PHONE_VIEW, "stack"));
  gtk_editable_set_text (GTK_EDITABLE (search), "dscp");
  phoneset_test_iterate (400);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "search");
  g_assert_cmpuint (count_setting_rows (GTK_WIDGET (view)), ==, 3);
  shot = phoneset_test_screenshot (GTK_WIDGET (window), "phone-search");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  phoneset_test_iterate (300);

  /* Importing a vendor file is one undoable step. */
  g_file_get_contents (path, &contents, &len, NULL);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  g_assert_true (phoneset_phone_view_import_bytes (view, bytes, "planet-vip2140pt.cfg", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_config (phone), "line.1.number"), ==,
                   "2001");
  g_assert_true (phoneset_phone_get_base_file (phone) == bytes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.undo", NULL));
  g_assert_null (phoneset_config_get (phoneset_phone_get_config (phone), "line.1.number"));

  g_assert_false (phoneset_phone_view_import_bytes (view, html, "page.html", &error));
  g_assert_nonnull (error);

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file holding a value out of range (PVID 0 is in shipped templates) is
 * imported with a warning: the row concerned is marked invalid with what
 * the file holds, the toast offers the details, and the value is not read. */
static void
test_phone_view_import_warnings (void)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.21");
  const char *text = "<<VOIP CONFIG FILE>>Version:2.0000000000\r\n"
                     "<SIP CONFIG MODULE>\r\n"
                     "STUN Server        :stun.example.org\r\n"
                     "<QOS CONFIG MODULE>\r\n"
                     "Enable VLAN        :1\r\n"
                     "VLAN ID            :0\r\n"
                     "<<END OF FILE>>\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  PhonesetPhoneView *view;
  GtkWidget         *row;
  g_autofree char   *shot = NULL;

  phoneset_phone_set_profile_id (phone, "planet-vip");
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  phoneset_test_iterate (200);

  g_assert_true (phoneset_phone_view_import_bytes (view, bytes, "f0VIP-2140PThw1.100.cfg", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_config (phone), "nat.stun.server"), ==,
                   "stun.example.org");
  g_assert_null (phoneset_config_get (phoneset_phone_get_config (phone), "vlan.id"));

  g_assert_true (phoneset_phone_view_show_page (view, "page-network"));
  phoneset_test_iterate (300);
  row = phoneset_test_find_setting_row (GTK_WIDGET (view), "vlan.id");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "invalid"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "holds “0”"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "line 6"));
  /* Other rows are not marked. */
  g_assert_false (gtk_widget_has_css_class (
    phoneset_test_find_setting_row (GTK_WIDGET (view), "vlan.enable"), "invalid"));

  shot = phoneset_test_screenshot (GTK_WIDGET (window), "import-warnings");

  /* The details dialog lists what was not read. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.import-details", NULL));
  phoneset_test_iterate (300);
  {
    GtkWindow *dialog = phoneset_test_find_window (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_nonnull (
      strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "VLAN ID"));
    g_free (phoneset_test_screenshot (GTK_WIDGET (dialog), "import-warnings-details"));
    gtk_window_destroy (dialog);
  }

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The nested XML formats import in the window as the text ones do: a
 * Fanvil phone's <sysConf> file, a snom C520's settings file, a Poly
 * phone's attributes and a Grandstream phone's P-values fill the
 * pages, become the phone's base file, and undo as one step. */
static void
import_xml_file (const char *profile_id,
                 const char *name,
                 const char *setting,
                 const char *expected,
                 const char *page,
                 const char *shot_name)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.22");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *base = g_path_get_basename (name);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char   *contents = NULL;
  g_autofree char   *shot = NULL;
  PhonesetPhoneView *view;
  GtkWidget         *row;
  gsize              len;

  phoneset_phone_set_profile_id (phone, profile_id);
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  phoneset_test_iterate (200);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  g_assert_true (phoneset_phone_view_import_bytes (view, bytes, base, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_config (phone), setting), ==, expected);
  g_assert_true (phoneset_phone_get_base_file (phone) == bytes);

  g_assert_true (phoneset_phone_view_show_page (view, page));
  phoneset_test_iterate (300);
  row = phoneset_test_find_setting_row (GTK_WIDGET (view), setting);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_has_css_class (row, "invalid"));
  shot = phoneset_test_screenshot (GTK_WIDGET (window), shot_name);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.undo", NULL));
  g_assert_null (phoneset_config_get (phoneset_phone_get_config (phone), setting));

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_phone_view_import_xml (void)
{
  import_xml_file ("fanvil", "cfg/fanvil-x3u-sysconf.xml", "nat.stun.port", "3478", "page-nat",
                   "import-fanvil-xml");
  import_xml_file ("planet-vip", "cfg/fanvil-x4-voip.xml", "nat.stun.server", "stun.example.org",
                   "page-nat", "import-fanvil-voip-xml");
  import_xml_file ("snom-c520", "cfg/snom-c520.xml", "line.1.number", "4001", "page-sip",
                   "import-snom-c520");
  /* Files the FusionPBX templates write (tests/data/realworld/SOURCES.md). */
  import_xml_file ("poly-uc", "realworld/0004f2a10101.cfg", "nat.keepalive.interval", "30",
                   "page-nat", "import-poly");
  /* Wazo's: the push interface on the Remote Control page. */
  import_xml_file ("poly-uc", "realworld/64167fb20101.cfg", "remote.push.message_type", "0",
                   "page-remote", "import-poly-remote");
  import_xml_file ("grandstream-gxp", "realworld/cfg000b82a1b201.xml", "nat.keepalive.interval",
                   "20", "page-advanced-network", "import-grandstream");
}

/* The label of @name (default-source, range-source) in @widget's tree. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_menu_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A setting's details say where its default and range come from, or that
 * no vendor source confirms them (tests/data/profile-sources/: a default
 * marked unconfirmed, a range from the setting's source; a port's own
 * 1–65535 is no claim). */
static void
test_setting_row_sources (void)
{
  g_autofree char *path =
    g_test_build_filename (G_TEST_DIST, "data", "profile-sources", "sources-fixture.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetProfile) profile = phoneset_profile_new_from_file (path, &error);
  g_autoptr(PhonesetConfig) config = NULL;
  g_autoptr(PhonesetConfigHistory) history = NULL;
  GtkWindow       *window;
  GtkWidget       *list;
  GtkWidget       *row;
  GtkWidget       *port_row;
  GtkWidget       *button;
  GtkPopover      *popover;
  GtkWidget       *label;
  g_autofree char *shot = NULL;

  g_assert_no_error (error);
  config = phoneset_config_new (profile);
  history = phoneset_config_history_new (config);
  row = phoneset_setting_row_new (
    history, phoneset_profile_lookup_setting (profile, "nat.keepalive.interval"), NULL);
  port_row = phoneset_setting_row_new (
    history, phoneset_profile_lookup_setting (profile, "nat.stun.port"), NULL);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_list_box_append (GTK_LIST_BOX (list), port_row);
  window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (window, 560, 420);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), list);
  gtk_window_present (window);
  phoneset_test_wait_until_mapped (row);

  button = find_menu_button (row);
  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  label = find_named (GTK_WIDGET (popover), "default-source");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Default not confirmed by a vendor source");
  g_assert_true (gtk_widget_has_css_class (label, "warning"));
  label = find_named (GTK_WIDGET (popover), "range-source");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Range from Example admin guide p. 12");
  g_assert_false (gtk_widget_has_css_class (label, "warning"));

  /* A port: the default's source; 1–65535 is the type's, not a range. */
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (find_menu_button (port_row)));
  g_assert_cmpstr (
    gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (popover), "default-source"))), ==,
    "Default from Example admin guide p. 13");
  g_assert_null (find_named (GTK_WIDGET (popover), "range-source"));

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  phoneset_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  shot = phoneset_test_screenshot (GTK_WIDGET (popover), "setting-sources-popover");
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  g_free (phoneset_test_screenshot (GTK_WIDGET (window), "setting-sources-rows"));
  gtk_window_destroy (window);
}

static void
test_phone_view_konftel (void)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.20");
  PhonesetPhoneView *view;
  GtkWidget         *row;
  g_autofree char   *shot = NULL;

  phoneset_phone_set_profile_id (phone, "konftel-300ip");
  phoneset_phone_set_name (phone, "Board room");
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  phoneset_phone_view_show_page (view, "page-nat");
  phoneset_test_iterate (300);

  /* Subtitles give the phone's own menu path and keypad shortcut. */
  row = phoneset_test_find_setting_row (GTK_WIDGET (view), "nat.stun.server");
  g_assert_nonnull (row);
  g_assert_cmpstr (
    adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
    "On the phone: MENU › SETTINGS › ADVANCED › (PIN) › NAT TRAVERSAL › STUN host (6,2,3)");
  shot = phoneset_test_screenshot (GTK_WIDGET (window), "phone-konftel-nat");
  /* No provisioning file: nothing to push; Export makes the setup sheet. */
  g_assert_false (gtk_widget_is_sensitive (child_of_view (view, "push_button")));
  g_assert_true (gtk_widget_is_sensitive (child_of_view (view, "export_button")));

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Scan button's work: two simulated phones on loopback appear in the
 * sidebar with what they said, and the overview shows the evidence. */
static void
test_window_scan (void)
{
  /* The sweep probes SIP on 5060, as phones answer there. */
  const char                         *sim_args[] = { "--no-prompt", "--sip-port=5060", NULL };
  g_autoptr(PhonesetTestSim) yealink G_GNUC_UNUSED =
               phoneset_test_sim_start ("yealink", "127.0.0.71", sim_args);
  g_autoptr(PhonesetTestSim) snom G_GNUC_UNUSED =
               phoneset_test_sim_start ("snom", "127.0.0.72", sim_args);
  const char      *subnets[] = { "127.0.0.71/32", "127.0.0.72/32", NULL };
  PhonesetWindow  *window = phoneset_test_app_open_window (app);
  GtkWidget       *revealer = phoneset_test_window_child (window, "scan_revealer");
  GListModel      *phones = phoneset_window_get_phones (window);
  gint64           deadline;
  gboolean         seen_running = FALSE;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;
  g_autoptr(PhonesetPhone) first = NULL;
  PhonesetPhoneView *view;

  g_assert_cmpuint (g_list_model_get_n_items (phones), ==, 0);
  g_assert_true (phoneset_window_scan (window, subnets, 2500));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) &&
         g_get_monotonic_time () < deadline)
    {
      if (!seen_running && g_list_model_get_n_items (phones) > 0)
        {
          seen_running = TRUE;
          during = phoneset_test_screenshot_after (GTK_WIDGET (window), "scan-found", 0);
        }
      g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
    }
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpuint (g_list_model_get_n_items (phones), ==, 2);
  after = phoneset_test_screenshot (GTK_WIDGET (window), "scan-done");

  first = g_list_model_get_item (phones, 0);
  g_assert_cmpstr (phoneset_phone_get_vendor (first), !=, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (phones); i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (phones, i);

      if (g_strcmp0 (phoneset_phone_get_address (phone), "127.0.0.71") == 0)
        {
          g_assert_cmpstr (phoneset_phone_get_vendor (phone), ==, "Yealink");
          g_assert_cmpstr (phoneset_phone_get_model (phone), ==, "SIP-T46G");
          g_assert_cmpstr (phoneset_phone_get_firmware (phone), ==, "28.72.0.1");
          g_assert_cmpstr (phoneset_phone_get_profile_id (phone), ==, "yealink-legacy");
          g_assert_nonnull (phoneset_phone_get_evidence_detail (phone, "sip-options"));
          view = phoneset_window_show_phone (window, phone);
          phoneset_test_iterate (300);
          g_free (after);
          after = phoneset_test_screenshot (GTK_WIDGET (window), "scan-phone-overview");
        }
      else
        {
          g_assert_cmpstr (phoneset_phone_get_address (phone), ==, "127.0.0.72");
          g_assert_cmpstr (phoneset_phone_get_vendor (phone), ==, "snom");
          g_assert_cmpstr (phoneset_phone_get_profile_id (phone), ==, "snom");
        }
    }
  (void)view;

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
stun_finished_cb (PhonesetStunPage *page,
                  gboolean         *done)
{
  *done = TRUE;
}

/* The STUN page against a real coturn on loopback (two addresses, so that
 * RFC 5780 works): the verdict, the picture, and a recommendation applied
 * to the phone. */
static void
test_phone_view_stun (void)
{
  g_autofree char    *turnserver = g_find_program_in_path ("turnserver");
  PhonesetTestCoturn *coturn = NULL;
  g_autoptr(PhonesetPhone) phone = NULL;
  PhonesetWindow    *window;
  PhonesetPhoneView *view;
  GtkWidget         *page, *verdict, *button = NULL;
  gboolean           done = FALSE;
  gint64             deadline;
  g_autofree char   *shot = NULL;

  if (turnserver == NULL)
    {
      g_test_skip ("coturn (turnserver) is not installed; build-aux/dev test installs it");
      return;
    }
  /* Its own pid file, database and log, ports below the ephemeral range,
   * ready when it answers (tests/phoneset-test-coturn.h). */
  coturn =
    phoneset_test_coturn_start_full ("127.0.0.1", "127.0.0.2", 23790, 24200, TRUE, "test:secret");
  g_assert_nonnull (coturn);

  window = phoneset_test_app_open_window (app);
  phone = phoneset_phone_new ("127.0.0.1");
  phoneset_phone_set_profile_id (phone, "yealink-v8x");
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  phoneset_config_set (phoneset_phone_get_config (phone), "nat.stun.server", "127.0.0.1", NULL);
  phoneset_config_set (phoneset_phone_get_config (phone), "nat.stun.port", "23790", NULL);
  phoneset_config_set (phoneset_phone_get_config (phone), "nat.turn.user", "test", NULL);
  phoneset_config_set (phoneset_phone_get_config (phone), "nat.turn.password", "secret", NULL);
  g_assert_true (phoneset_phone_view_show_page (view, "stun"));
  view = phoneset_window_show_phone (window, phone); /* rebuilt with the values */
  g_assert_true (phoneset_phone_view_show_page (view, "stun"));
  phoneset_test_iterate (300);

  page = phoneset_test_find_descendant (GTK_WIDGET (view), PHONESET_TYPE_STUN_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     gtk_widget_get_template_child (page, PHONESET_TYPE_STUN_PAGE, "server_row"))),
                   ==, "127.0.0.1:23790");
  g_signal_connect (page, "finished", G_CALLBACK (stun_finished_cb), &done);
  phoneset_stun_page_run (PHONESET_STUN_PAGE (page));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done);
  g_assert_nonnull (phoneset_stun_page_get_result (PHONESET_STUN_PAGE (page)));

  verdict =
    GTK_WIDGET (gtk_widget_get_template_child (page, PHONESET_TYPE_STUN_PAGE, "verdict_label"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (verdict)), ==,
                   "Open internet (no NAT, no firewall)");
  shot = phoneset_test_screenshot (GTK_WIDGET (window), "phone-stun");
  /* The verdict and the picture, scrolled into view (the metainfo's picture). */
  {
    GtkWidget       *scrolled = gtk_widget_get_ancestor (verdict, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment   *adjustment;
    graphene_point_t point;
    g_autofree char *shot2 = NULL;

    g_assert_nonnull (scrolled);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_assert_true (gtk_widget_compute_point (
      verdict, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
      &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 60);
    shot2 = phoneset_test_screenshot_after (GTK_WIDGET (window), "phone-stun-verdict", 300);
  }

  /* No NAT: the phone needs no STUN on line 1; one click sets it. */
  phoneset_config_set (phoneset_phone_get_config (phone), "line.1.stun.enable", "true", NULL);
  {
    GtkWidget *group = GTK_WIDGET (
      gtk_widget_get_template_child (page, PHONESET_TYPE_STUN_PAGE, "recommendations_group"));

    for (GtkWidget *c = phoneset_test_find_descendant (group, ADW_TYPE_ACTION_ROW); c != NULL;
         c = gtk_widget_get_next_sibling (c))
      {
        GtkWidget *b = phoneset_test_find_descendant (c, GTK_TYPE_BUTTON);

        if (b != NULL &&
            g_strcmp0 (g_object_get_data (G_OBJECT (b), "setting"), "line.1.stun.enable") == 0)
          button = b;
      }
  }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_config (phone), "line.1.stun.enable"),
                   ==, "false");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.undo", NULL));
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_config (phone), "line.1.stun.enable"),
                   ==, "true");

  g_clear_pointer (&coturn, phoneset_test_coturn_stop);
  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A narrow window folds: the phone list, then the phone, whose pages are
 * picked from a dropdown. */
static void
test_window_narrow (void)
{
  PhonesetWindow *window = phoneset_window_new (app);
  g_autoptr(PhonesetPhone) phone = planet_phone ();
  PhonesetPhoneView *view;
  GtkWidget         *dropdown, *sidebar;
  g_autofree char   *shot1 = NULL;
  g_autofree char   *shot2 = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 420, 760);
  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  g_assert_true (
    adw_leaflet_get_folded (ADW_LEAFLET (phoneset_test_window_child (window, "leaflet"))));

  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  phoneset_test_iterate (300);
  dropdown = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (view), PHONESET_TYPE_PHONE_VIEW, "page_dropdown"));
  sidebar = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (view), PHONESET_TYPE_PHONE_VIEW, "page_sidebar"));
  g_assert_true (gtk_widget_get_visible (dropdown));
  g_assert_false (gtk_widget_get_visible (sidebar));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  phoneset_test_iterate (200);
  g_assert_nonnull (phoneset_test_find_setting_row (GTK_WIDGET (view), "nat.stun.server"));
  shot1 = phoneset_test_screenshot (GTK_WIDGET (window), "narrow-phone-nat");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "win.back", NULL));
  phoneset_test_iterate (400);
  shot2 = phoneset_test_screenshot (GTK_WIDGET (window), "narrow-phone-list");

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_menu_and_shortcuts (void)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  GMenuModel     *menu = gtk_menu_button_get_menu_model (
        GTK_MENU_BUTTON (phoneset_test_window_child (window, "primary_menu_button")));
  GMenuModel *section;
  const char *expected[] = { "app.preferences", "win.show-help-overlay", "app.help", "app.about" };

  /* First the fleet: export for many phones, the provisioning server and
   * the STUN server, each opening its own window. */
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 3);
  {
    const char *fleet_actions[] = { "win.fleet-export", "win.provisioning", "win.stun-server" };
    const char *shots[] = { "menu-fleet-export", "menu-provisioning-server", "menu-stun-server" };
    GType       opens[] = { PHONESET_TYPE_FLEET_DIALOG, ADW_TYPE_WINDOW, ADW_TYPE_WINDOW };

    for (guint i = 0; i < G_N_ELEMENTS (fleet_actions); i++)
      {
        g_autofree char *action = NULL;
        g_autofree char *shot = NULL;
        GtkWindow       *opened;

        g_assert_true (
          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
        g_assert_cmpstr (action, ==, fleet_actions[i]);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
        opened = phoneset_test_find_window (opens[i]);
        g_assert_true (gtk_window_get_transient_for (opened) == GTK_WINDOW (window));
        shot = phoneset_test_screenshot_after (GTK_WIDGET (opened), shots[i], 300);
        gtk_window_destroy (opened);
        phoneset_test_iterate (50);
      }
  }
  g_object_unref (section);

  section = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *action = NULL;

      g_assert_true (
        g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_cmpstr (action, ==, expected[i]);
      if (g_str_has_prefix (action, "app."))
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), action + 4));
      else
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), action + 4));
    }
  g_object_unref (section);

  /* GtkApplication loads gtk/help-overlay.ui from our resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  {
    GtkWindow *overlay =
      GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
    g_autofree char *shot = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    phoneset_test_wait_until_mapped (GTK_WIDGET (overlay));
    shot = phoneset_test_screenshot (GTK_WIDGET (overlay), "shortcuts");
    gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  }

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
  window = phoneset_test_app_open_window (app);
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

  spin = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (prefs), PHONESET_TYPE_PREFERENCES_WINDOW, "scan_timeout_spin"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 2000);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3500);
  g_assert_cmpuint (g_settings_get_uint (settings, "scan-timeout"), ==, 3500);

  shot = phoneset_test_screenshot (GTK_WIDGET (prefs), "preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "scan-timeout");
}

/* A phone that answers gets a green mark in the sidebar and "Answering" on
 * its overview; the check runs when its workspace opens. Only a loopback
 * listener is contacted. */
static void
test_window_reachable (void)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetPhone) phone = NULL;
  g_autofree char *address = NULL;
  g_autofree char *shot = NULL;
  GtkWidget       *row;
  GtkWidget       *mark;
  gint64           deadline;

  g_socket_listener_add_address (listener, any_port, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  address = g_strdup_printf ("127.0.0.1:%u",
                             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  phone = phoneset_phone_new (address);
  phoneset_phone_set_vendor (phone, "Yealink");
  phoneset_phone_set_model (phone, "SIP-T46S");
  phoneset_phone_set_profile_id (phone, "yealink-v8x");

  g_setenv ("PHONESET_REACHABILITY", "on", TRUE);
  phoneset_window_add_phone (window, phone);
  phoneset_test_iterate (100);
  row = phoneset_test_find_descendant (phoneset_test_window_child (window, "phone_list"),
                                       PHONESET_TYPE_PHONE_ROW);
  g_assert_null (phoneset_phone_row_get_reach_mark (PHONESET_PHONE_ROW (row)));

  phoneset_window_show_phone (window, phone);
  deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (phoneset_phone_get_reachable (phone) == PHONESET_REACHABLE_UNKNOWN &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_setenv ("PHONESET_REACHABILITY", "off", TRUE);
  g_assert_cmpint (phoneset_phone_get_reachable (phone), ==, PHONESET_REACHABLE_YES);
  phoneset_test_iterate (100);
  mark = phoneset_phone_row_get_reach_mark (PHONESET_PHONE_ROW (row));
  g_assert_nonnull (mark);
  g_assert_true (gtk_widget_get_visible (mark));
  g_assert_true (gtk_widget_has_css_class (mark, "phone-reachable"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (mark), ==, "Answering");
  shot = phoneset_test_screenshot (GTK_WIDGET (window), "phone-reachable");

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Export through the dialog, the way an installer does it again and again:
 * the last folder is offered, the custom name is typed, and the file that
 * lands there is byte for byte the one the command line writes for the same
 * settings (tests/data/golden). The TURN password stays out by default. */
static void
test_phone_view_export (void)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.30");
  g_autofree char *spec_path =
    g_test_build_filename (G_TEST_DIST, "data", "golden", "nat-vlan.json", NULL);
  g_autofree char *golden_path =
    g_test_build_filename (G_TEST_DIST, "data", "golden", "yealink-v8x.cfg", NULL);
  g_autofree char *dir = g_dir_make_tmp ("phoneset-export-XXXXXX", NULL);
  g_autofree char *written_path = NULL;
  g_autofree char *golden = NULL;
  g_autofree char *written = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject        *values;
  PhonesetPhoneView *view;
  AdwMessageDialog  *dialog;
  GtkWidget         *naming;
  GtkWidget         *model;
  GtkWidget         *custom;
  GtkWidget         *secrets;

  json_parser_load_from_file (parser, spec_path, &error);
  g_assert_no_error (error);
  values = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "yealink-v8x");
  phoneset_phone_set_vendor (phone, "Yealink");
  phoneset_phone_set_model (phone, "SIP-T46S");
  phoneset_phone_set_profile_id (phone, "yealink-v8x");
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  members = json_object_get_members (values);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode        *node = json_object_get_member (values, l->data);
      g_autofree char *text = json_node_get_value_type (node) == G_TYPE_STRING
                                ? g_strdup (json_node_get_string (node))
                              : json_node_get_value_type (node) == G_TYPE_BOOLEAN
                                ? g_strdup (json_node_get_boolean (node) ? "true" : "false")
                                : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

      g_assert_true (
        phoneset_config_set (phoneset_phone_get_config (phone), l->data, text, &error));
      g_assert_no_error (error);
    }
  g_assert_true (phoneset_config_set (phoneset_phone_get_config (phone), "nat.turn.password",
                                      "room3-secret", &error));
  g_assert_no_error (error);

  g_settings_set_string (settings, "last-export-folder", dir);
  phoneset_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.export", NULL));
  dialog = ADW_MESSAGE_DIALOG (phoneset_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_has_response (dialog, "export-again"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "export-again");

  /* The extra child holds, in order: naming, model, custom name, passwords. */
  naming = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));
  model = gtk_widget_get_next_sibling (naming);
  custom = gtk_widget_get_next_sibling (model);
  secrets = gtk_widget_get_next_sibling (custom);
  g_assert_true (GTK_IS_DROP_DOWN (naming));
  g_assert_true (GTK_IS_ENTRY (custom));
  g_assert_true (GTK_IS_CHECK_BUTTON (secrets));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (secrets)));
  g_assert_false (gtk_widget_get_visible (custom));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (naming), 2);
  g_assert_true (gtk_widget_get_visible (custom));
  gtk_editable_set_text (GTK_EDITABLE (custom), "yealink-v8x");
  phoneset_test_iterate (100);
  shot = phoneset_test_screenshot (GTK_WIDGET (dialog), "export-dialog");
  adw_message_dialog_response (dialog, "export-again");
  gtk_window_destroy (GTK_WINDOW (dialog));
  phoneset_test_iterate (100);

  written_path = g_build_filename (dir, "yealink-v8x.cfg", NULL);
  g_file_get_contents (written_path, &written, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (golden_path, &golden, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, golden);
  g_assert_null (strstr (written, "room3-secret"));

  g_unlink (written_path);
  g_rmdir (dir);
  g_settings_reset (settings, "last-export-folder");
  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every focusable control under @widget that a person can see. */
static void
collect_focusable (GtkWidget *widget,
                   GPtrArray *out)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget))
    return;
  /* Containers that pass focus on to their children are not controls. */
  if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
      !GTK_IS_SCROLLED_WINDOW (widget) && !GTK_IS_VIEWPORT (widget) && !GTK_IS_LIST_BOX (widget) &&
      !GTK_IS_LIST_VIEW (widget))
    g_ptr_array_add (out, widget);
  /* Inside a list view (a combo row's current item) the arrows move, not Tab. */
  if (GTK_IS_LIST_VIEW (widget))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_focusable (c, out);
}

static char *
describe_widget (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *p = widget; p != NULL && !GTK_IS_ROOT (p); p = gtk_widget_get_parent (p))
    if (ADW_IS_PREFERENCES_ROW (p))
      {
        g_string_append_printf (path, " in row “%s”",
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p)));
        break;
      }
  return g_string_free (path, FALSE);
}

/* Keyboard only: on every page of the workspace, Tab alone reaches every
 * control a person can see. */
static void
test_window_keyboard (void)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  g_autoptr(PhonesetPhone) phone = planet_phone ();
  PhonesetPhoneView *view;
  GtkWidget         *page_list;
  GtkWidget         *stack;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint pages = 0;

  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  phoneset_test_iterate (200);
  page_list = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (view), PHONESET_TYPE_PHONE_VIEW, "page_list"));
  stack = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (view), PHONESET_TYPE_PHONE_VIEW, "stack"));
  for (GtkWidget *row = gtk_widget_get_first_child (page_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "page-name") != NULL)
      g_ptr_array_add (names, g_strdup (g_object_get_data (G_OBJECT (row), "page-name")));
  g_assert_cmpuint (names->len, >=, 8);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
      g_autoptr(GPtrArray) controls = g_ptr_array_new ();
      GtkWidget *page;

      g_assert_true (phoneset_phone_view_show_page (view, names->pdata[i]));
      phoneset_test_iterate (150);
      page = adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack));
      collect_focusable (page, controls);
      g_assert_cmpuint (controls->len, >, 0);

      /* Start in the page list, as after a click on the page's name, then Tab. */
      gtk_widget_grab_focus (page_list);
      for (guint step = 0; step < 4 * controls->len + 60; step++)
        {
          gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
          /* A focused widget also counts for the widgets it is part of
           * (an entry row's text, a spin button's text). */
          for (GtkWidget *w = gtk_window_get_focus (GTK_WINDOW (window)); w != NULL;
               w = gtk_widget_get_parent (w))
            g_hash_table_add (reached, w);
          /* Scrolling into view maps nothing new, but let layout catch up. */
          if (step % 20 == 0)
            phoneset_test_iterate (1);
        }
      for (guint j = 0; j < controls->len; j++)
        if (!g_hash_table_contains (reached, controls->pdata[j]))
          {
            g_autofree char *what = describe_widget (controls->pdata[j]);

            g_error ("On page %s, Tab never reaches %s", (char *)names->pdata[i], what);
          }
      pages++;
    }
  g_assert_cmpuint (pages, ==, names->len);

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = phoneset_test_app_new (&argc, &argv);

  g_test_add_func ("/window/empty-state", test_window_empty_state);
  g_test_add_func ("/window/add-and-select", test_window_add_and_select);
  g_test_add_func ("/window/phone-view/edit-undo", test_phone_view_edit_undo);
  g_test_add_func ("/window/phone-view/search-import", test_phone_view_search_import);
  g_test_add_func ("/window/phone-view/import-warnings", test_phone_view_import_warnings);
  g_test_add_func ("/window/phone-view/import-xml", test_phone_view_import_xml);
  g_test_add_func ("/window/phone-view/konftel", test_phone_view_konftel);
  g_test_add_func ("/window/setting-row/sources", test_setting_row_sources);
  g_test_add_func ("/window/phone-view/export", test_phone_view_export);
  g_test_add_func ("/window/scan", test_window_scan);
  g_test_add_func ("/window/reachable", test_window_reachable);
  g_test_add_func ("/window/phone-view/stun", test_phone_view_stun);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/keyboard", test_window_keyboard);
  g_test_add_func ("/window/menu-and-shortcuts", test_window_menu_and_shortcuts);
  g_test_add_func ("/window/size-restored", test_window_size_restored);
  g_test_add_func ("/window/preferences", test_preferences);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
