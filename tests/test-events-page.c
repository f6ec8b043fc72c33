/* test-events-page.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Action URL events page against simulated phones on 127.0.0.x: the
 * receiver starts when the page is shown, "Send Events to This Computer"
 * fills the profile's action_url settings (undo removes them), and an event
 * the phone sends appears in the log.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "phoneset-application.h"
#include "phoneset-config-history.h"
#include "phoneset-events-page.h"
#include "phoneset-test-sim.h"
#include "phoneset-test-app.h"
#include "phoneset-test-utils.h"
#include "phoneset-test-private.h"

static PhonesetApplication *app;

static GtkWidget *
child (PhonesetEventsPage *page,
       const char         *name)
{
  GObject *object =
    gtk_widget_get_template_child (GTK_WIDGET (page), PHONESET_TYPE_EVENTS_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWindow *
show (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));

  gtk_window_set_default_size (window, 720, 760);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), page);
  gtk_window_present (window);
  phoneset_test_wait_until_mapped (page);
  return window;
}

static gboolean
wait_events (PhonesetEventsPage *page,
             guint               count)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (phoneset_events_page_get_n_events (page) < count && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  return phoneset_events_page_get_n_events (page) >= count;
}

/* Sets one value on the simulated Yealink over HTTP (phonecfg=set), as a
 * push would; the main loop keeps running meanwhile. */
static void
sim_set (PhonesetTestSim *sim,
         const char      *key,
         const char      *value)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5, NULL);
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("http://%s:%u/servlet?phonecfg=set&%s=%s", sim->address,
                                          sim->http_port, key, escaped);
  g_autofree char *credentials = g_strdup_printf ("admin:%s", PHONESET_TEST_PASSWORD);
  g_autofree char *basic = g_base64_encode ((const guchar *)credentials, strlen (credentials));
  g_autofree char *header = g_strdup_printf ("Basic %s", basic);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

static void
test_events_yealink (void)
{
  const char *extra[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start ("yealink", "127.0.0.141", extra);
  PhonesetProfile *profile =
    phoneset_profiles_find (phoneset_application_get_profiles (app), "yealink-v8x");
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("127.0.0.141");
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile);
  g_autoptr(PhonesetConfigHistory) history = phoneset_config_history_new (config);
  GtkWidget *widget =
    phoneset_events_page_new (phoneset_application_get_context (app), phone, history);
  PhonesetEventsPage *page = PHONESET_EVENTS_PAGE (widget);
  GtkWindow          *window;
  const char         *base;
  const char         *url;
  GPtrArray          *settings = phoneset_profile_get_settings (profile);
  guint               filled = 0;
  g_autofree char    *count = NULL;
  g_autofree char    *shot = NULL;
  GtkListBoxRow      *row;

  phoneset_phone_set_vendor (phone, "Yealink");
  phoneset_phone_set_model (phone, "SIP-T46U");
  phoneset_phone_set_profile_id (phone, "yealink-v8x");
  phoneset_phone_set_config (phone, config);

  /* Not listening until shown. */
  g_assert_null (phoneset_events_page_get_receiver_url (page));
  window = show (widget);
  base = phoneset_events_page_get_receiver_url (page);
  g_assert_nonnull (base);
  g_assert_true (g_str_has_prefix (base, "http://127.0.0.1:"));
  g_assert_true (gtk_widget_get_sensitive (child (page, "fill_button")));

  /* Fill: every action_url.* setting the core has an entry for. */
  g_assert_false (phoneset_config_history_can_undo (history));
  g_signal_emit_by_name (child (page, "fill_button"), "clicked");
  for (guint i = 0; i < settings->len; i++)
    {
      const char *id = phoneset_setting_get_id (g_ptr_array_index (settings, i));
      const char *value = phoneset_config_get (config, id);

      if (value != NULL)
        {
          g_assert_true (g_str_has_prefix (id, "action_url."));
          g_assert_true (g_str_has_prefix (value, base));
          filled++;
        }
    }
  g_assert_cmpuint (filled, >=, 10);
  url = phoneset_config_get (config, "action_url.off_hook");
  g_assert_nonnull (url);
  g_assert_nonnull (strstr (url, "/action-url/off_hook?"));
  g_assert_nonnull (strstr (url, "mac=$mac"));
  /* The event is the setting's, whatever the firmware calls its key
   * (V8x action_url.registered, older firmware action_url.log_on). */
  g_assert_nonnull (
    strstr (phoneset_config_get (config, "action_url.registered"), "/action-url/registered?"));
  count = g_strdup_printf ("%u Action URL settings", filled);
  g_assert_nonnull (
    strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "fill_row"))), count));
  g_assert_nonnull (
    strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "fill_row"))), "pushed"));

  /* The phone, pointed at the receiver, sends an event: it shows. */
  sim_set (sim, "action_url.off_hook", url);
  phoneset_test_sim_control (sim, "event?name=off_hook");
  g_assert_true (wait_events (page, 1));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (page, "event_list")), 0);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "off_hook"));
  g_assert_nonnull (
    strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "127.0.0.141"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "mac=001565"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "model="));

  /* Newest first. */
  sim_set (sim, "action_url.dnd_on", phoneset_config_get (config, "action_url.dnd_on"));
  phoneset_test_sim_control (sim, "event?name=dnd_on");
  g_assert_true (wait_events (page, 2));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (page, "event_list")), 0);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "dnd_on"));
  shot = phoneset_test_screenshot (GTK_WIDGET (window), "events-yealink");

  /* Clear. */
  g_assert_true (gtk_widget_get_sensitive (child (page, "clear_button")));
  g_signal_emit_by_name (child (page, "clear_button"), "clicked");
  g_assert_cmpuint (phoneset_events_page_get_n_events (page), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (page, "event_list")), 0));

  /* One undo takes all the filled settings back. */
  g_assert_true (phoneset_config_history_undo (history));
  g_assert_null (phoneset_config_get (config, "action_url.off_hook"));
  g_assert_null (phoneset_config_get (config, "action_url.registered"));
  g_assert_false (phoneset_config_history_can_undo (history));
  /* The row no longer says they point here. */
  g_assert_null (
    strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "fill_row"))), count));
  g_assert_nonnull (
    strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "fill_row"))), "Fills"));
  /* Redo, and it does again. */
  g_assert_true (phoneset_config_history_redo (history));
  g_assert_nonnull (
    strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "fill_row"))), count));

  gtk_window_destroy (window);
  phoneset_test_iterate (50);
}

static void
test_events_snom (void)
{
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("127.0.0.142");
  PhonesetProfile *profile =
    phoneset_profiles_find (phoneset_application_get_profiles (app), "snom");
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile);
  g_autoptr(PhonesetConfigHistory) history = phoneset_config_history_new (config);
  GtkWidget *widget =
    phoneset_events_page_new (phoneset_application_get_context (app), phone, history);
  PhonesetEventsPage *page = PHONESET_EVENTS_PAGE (widget);
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autofree char *arg = NULL;
  g_autofree char *shot = NULL;
  const char      *extra[] = { "--no-prompt", NULL, NULL };
  GtkWindow       *window;
  GtkListBoxRow   *row;

  phoneset_phone_set_vendor (phone, "snom");
  phoneset_phone_set_model (phone, "D785");
  phoneset_phone_set_profile_id (phone, "snom");
  window = show (widget);
  g_assert_nonnull (phoneset_events_page_get_receiver_url (page));

  /* The snom profile's Action URL settings are a snom 720 file's [T]:
   * filling them writes snom's own keys' settings, the event in the URL
   * the setting's; one undo takes them back. */
  g_assert_true (gtk_widget_get_sensitive (child (page, "fill_button")));
  g_signal_emit_by_name (child (page, "fill_button"), "clicked");
  g_assert_nonnull (
    strstr (phoneset_config_get (config, "action_url.registered"), "/action-url/registered?"));
  g_assert_nonnull (strstr (phoneset_config_get (config, "action_url.hold"), "/action-url/hold?"));
  g_assert_null (phoneset_config_get (config, "action_url.mute"));
  g_assert_true (phoneset_config_history_undo (history));
  g_assert_null (phoneset_config_get (config, "action_url.registered"));

  /* A phone set up by hand (on its web page) to call the receiver. */
  arg = g_strdup_printf (
    "--action-url=incoming_call=%s/action-url/incoming_call?mac=$mac&remote=$remote",
    phoneset_events_page_get_receiver_url (page));
  extra[1] = arg;
  sim = phoneset_test_sim_start ("snom", "127.0.0.142", extra);
  phoneset_test_sim_control (sim, "event?name=incoming_call");
  g_assert_true (wait_events (page, 1));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (page, "event_list")), 0);
  g_assert_nonnull (
    strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "incoming_call"));
  g_assert_nonnull (
    strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "remote=sip:2002@pbx.example"));
  shot = phoneset_test_screenshot (GTK_WIDGET (window), "events-snom");

  gtk_window_destroy (window);
  phoneset_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = phoneset_test_app_new (&argc, &argv);

  g_test_add_func ("/events/yealink", test_events_yealink);
  g_test_add_func ("/events/snom", test_events_snom);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
