/* test-stun-server-ui.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The STUN server in the window, under Xvfb with screenshots, on
 * 127.0.0.241–245 only: PhonesetStunServerView with a simulated PLANET
 * phone refreshing its binding and probing the NAT type (the live table,
 * the verdict, the log, the link to the phone); then a phone's STUN
 * Self-Test page: "Point This Phone at This Computer" writes the server
 * into the phone's settings (undoably), the phone's requests show on the
 * page judged against its measured binding lifetime, and the menu's STUN
 * Server window lists it with a link back to the phone.
 */

#include "config.h"

#include <string.h>

#include "phoneset-phone-view.h"
#include "phoneset-stun-page.h"
#include "phoneset-stun-server-view.h"
#include "phoneset-test-app.h"
#include "phoneset-test-sim.h"
#include "phoneset-test-utils.h"
#include "phoneset-test-private.h"

static PhonesetApplication *app;

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* Iterates until @source has at least @n requests (bounded: 15 s). */
static PhonesetStunSource *
wait_for_requests (PhonesetStunServer *server,
                   const char         *host,
                   guint64             n)
{
  PhonesetStunSource *source = NULL;

  for (guint i = 0; i < 150; i++)
    {
      source = phoneset_stun_server_find_host (server, host);
      if (source != NULL && phoneset_stun_source_get_requests (source) >= n)
        break;
      phoneset_test_iterate (100);
    }
  g_assert_nonnull (source);
  g_assert_cmpuint (phoneset_stun_source_get_requests (source), >=, n);
  phoneset_stun_server_flush (server);
  phoneset_test_iterate (300);
  return source;
}

static void
show_phone_cb (PhonesetStunServerView  *view,
               PhonesetPhone           *phone,
               PhonesetPhone          **shown)
{
  *shown = phone;
}

static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (c))) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (c)))),
                     text) == 0)
        return c;
      if ((found = find_button_with_label (c, text)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_view (void)
{
  g_autoptr(PhonesetStunServer) server = phoneset_stun_server_new ();
  g_autoptr(GListStore) phones = g_list_store_new (PHONESET_TYPE_PHONE);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("127.0.0.243:8080");
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char    *target = NULL;
  g_autofree char    *shot = NULL;
  GtkWidget          *window = adw_window_new ();
  GtkWidget          *view, *label, *link;
  PhonesetStunSource *source;
  PhonesetPhone      *shown = NULL;

  phoneset_phone_set_name (phone, "Reception");
  g_list_store_append (phones, phone);
  phoneset_stun_server_set_known_phones (server, G_LIST_MODEL (phones));
  view = phoneset_stun_server_view_new (phoneset_application_get_context (app), server);
  g_signal_connect (view, "show-phone", G_CALLBACK (show_phone_cb), &shown);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1040, 760);
  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (window);
  shot = phoneset_test_screenshot (window, "stun-server-view-stopped");
  g_clear_pointer (&shot, g_free);

  /* Listens where the rows say: the address and the other address. */
  phoneset_stun_server_view_set_address (PHONESET_STUN_SERVER_VIEW (view), "127.0.0.241",
                                         "127.0.0.242");
  g_assert_cmpstr (phoneset_stun_server_view_get_address (PHONESET_STUN_SERVER_VIEW (view)), ==,
                   "127.0.0.241");
  g_assert_true (phoneset_stun_server_view_start (PHONESET_STUN_SERVER_VIEW (view), 0, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_stun_server_get_alt_address (server), ==, "127.0.0.242");
  g_assert_false (
    gtk_widget_get_sensitive (child (view, PHONESET_TYPE_STUN_SERVER_VIEW, "address_row")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                              child (view, PHONESET_TYPE_STUN_SERVER_VIEW, "status_row"))),
                            "127.0.0.242"));

  /* A phone probes its NAT type, then refreshes every 2 s. */
  target = g_strdup_printf ("--stun-server=127.0.0.241:%u", phoneset_stun_server_get_port (server));
  sim = phoneset_test_sim_start (
    "planet", "127.0.0.243",
    (const char *const[]){ target, "--stun-refresh=2", "--stun-probe", NULL });
  source = wait_for_requests (server, "127.0.0.243", 5);
  g_assert_cmpuint (phoneset_stun_source_get_change_ip (source), ==, 1);
  g_assert_cmpuint (phoneset_stun_source_get_change_port (source), ==, 1);
  g_assert_cmpint (phoneset_stun_source_get_interval_ms (source), >=, 1800);
  g_assert_cmpint (phoneset_stun_source_get_interval_ms (source), <=, 2500);
  g_assert_true (phoneset_stun_source_get_phone (source) == phone);

  label = child (view, PHONESET_TYPE_STUN_SERVER_VIEW, "verdict_label");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Reception"));
  g_assert_nonnull (
    strstr (gtk_label_get_text (GTK_LABEL (label)), "refreshes its STUN binding every 2."));
  g_assert_cmpuint (phoneset_stun_server_view_get_n_log_rows (PHONESET_STUN_SERVER_VIEW (view)), >=,
                    5);
  shot = phoneset_test_screenshot_after (window, "stun-server-view", 300);
  g_clear_pointer (&shot, g_free);

  /* The phone column links to the phone. */
  link =
    find_button_with_label (child (view, PHONESET_TYPE_STUN_SERVER_VIEW, "table"), "Reception");
  g_assert_nonnull (link);
  g_assert_true (gtk_widget_get_sensitive (link));
  g_signal_emit_by_name (link, "clicked");
  g_assert_true (shown == phone);

  /* Stopped: the table stays, the rows can be changed again. */
  phoneset_stun_server_view_stop (PHONESET_STUN_SERVER_VIEW (view));
  g_assert_true (
    gtk_widget_get_sensitive (child (view, PHONESET_TYPE_STUN_SERVER_VIEW, "address_row")));
  g_assert_cmpuint (g_list_model_get_n_items (phoneset_stun_server_get_sources (server)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_page_point_here (void)
{
  g_autoptr(PhonesetPhone) phone = NULL;
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char    *target = NULL;
  g_autofree char    *shot = NULL;
  g_autofree char    *port = NULL;
  PhonesetStunServer *server = phoneset_application_get_stun_server (app);
  PhonesetWindow     *window;
  PhonesetPhoneView  *view;
  PhonesetConfig     *config;
  GtkWidget          *page, *watch, *point, *link;
  GtkWindow          *stun_window;

  /* The application's server, started from the menu's window earlier. */
  g_assert_true (phoneset_stun_server_start (server, "127.0.0.245", 0, NULL, 0, &error));
  g_assert_no_error (error);
  port = g_strdup_printf ("%u", phoneset_stun_server_get_port (server));

  window = phoneset_test_app_open_window (app);
  phone = phoneset_phone_new ("127.0.0.244:8080");
  phoneset_phone_set_name (phone, "Meeting Room");
  phoneset_phone_set_profile_id (phone, "planet-vip");
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  g_assert_true (phoneset_phone_view_show_page (view, "stun"));
  phoneset_test_iterate (300);
  page = phoneset_test_find_descendant (GTK_WIDGET (view), PHONESET_TYPE_STUN_PAGE);
  g_assert_nonnull (page);

  /* The button: the phone's STUN server is this computer, in its form. */
  config = phoneset_phone_get_config (phone);
  point = child (page, PHONESET_TYPE_STUN_PAGE, "point_button");
  g_signal_emit_by_name (point, "clicked");
  g_assert_cmpstr (phoneset_config_get (config, "nat.stun.server"), ==, "127.0.0.245");
  g_assert_cmpstr (phoneset_config_get (config, "nat.stun.port"), ==, port);
  g_assert_cmpstr (phoneset_config_get (config, "line.1.stun.enable"), ==, "true");
  g_assert_true (phoneset_phone_has_changes (phone));
  watch = child (page, PHONESET_TYPE_STUN_PAGE, "watch_row");
  g_assert_true (gtk_widget_get_visible (watch));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (watch)),
                            "No STUN request from 127.0.0.244 yet"));

  /* The self-test measured the router's binding lifetime: 3 s. Then the
   * phone (pushed: here started with the same settings) refreshes every
   * 4 s: too long. */
  phoneset_phone_set_binding_lifetime_ms (phone, 3000);
  target = g_strdup_printf ("--stun-server=127.0.0.245:%s", port);
  sim = phoneset_test_sim_start ("planet", "127.0.0.244",
                                 (const char *const[]){ target, "--stun-refresh=4", NULL });
  wait_for_requests (server, "127.0.0.244", 2);
  phoneset_stun_page_refresh_watch (PHONESET_STUN_PAGE (page));
  g_assert_nonnull (
    strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (watch)), "requests from 127.0.0.244:"));
  {
    GtkWidget *label = child (page, PHONESET_TYPE_STUN_PAGE, "watch_label");

    g_assert_true (gtk_widget_get_visible (label));
    g_assert_nonnull (
      strstr (gtk_label_get_text (GTK_LABEL (label)), "longer than the router’s 3.0 s"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Binding Period to 1 s"));
  }
  {
    GtkWidget       *scrolled = gtk_widget_get_ancestor (watch, GTK_TYPE_SCROLLED_WINDOW);
    graphene_point_t point_at;

    g_assert_true (gtk_widget_compute_point (
      watch, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
      &GRAPHENE_POINT_INIT (0, 0), &point_at));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                              point_at.y - 120);
  }
  shot = phoneset_test_screenshot_after (GTK_WIDGET (window), "phone-stun-own", 300);
  g_clear_pointer (&shot, g_free);

  /* The menu's STUN Server window: the same server, the phone linked. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.stun-server", NULL);
  stun_window = phoneset_window_get_stun_server_window (window);
  g_assert_nonnull (stun_window);
  phoneset_test_wait_until_mapped (GTK_WIDGET (stun_window));
  phoneset_stun_server_flush (server);
  phoneset_test_iterate (300);
  link = find_button_with_label (GTK_WIDGET (stun_window), "Meeting Room");
  g_assert_nonnull (link);
  shot = phoneset_test_screenshot_after (GTK_WIDGET (stun_window), "stun-server-window", 300);
  g_clear_pointer (&shot, g_free);
  /* Opened once: the action presents the same window. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.stun-server", NULL);
  g_assert_true (phoneset_window_get_stun_server_window (window) == stun_window);
  g_signal_emit_by_name (link, "clicked");
  phoneset_test_iterate (200);
  g_assert_true (phoneset_phone_view_get_phone (PHONESET_PHONE_VIEW (phoneset_test_find_descendant (
                   GTK_WIDGET (window), PHONESET_TYPE_PHONE_VIEW))) == phone);

  gtk_window_destroy (stun_window);
  phoneset_stun_server_stop (server);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = phoneset_test_app_new (&argc, &argv);

  g_test_add_func ("/stun-server-ui/view", test_view);
  g_test_add_func ("/stun-server-ui/page-point-here", test_page_point_here);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
