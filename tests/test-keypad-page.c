/* test-keypad-page.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The remote keypad page against simulated phones on 127.0.0.x (Yealink
 * and snom): buttons, typing and macros arrive in the simulator's key log,
 * a wrong password asks for the password, a refused address says which
 * setting to change, Reboot asks first, Konftel has no keypad. Screenshots
 * of each state.
 */

#include "config.h"

#include <string.h>

#include "phoneset-application.h"
#include "phoneset-keypad-page.h"
#include "phoneset-secret-store-memory.h"
#include "phoneset-test-sim.h"
#include "phoneset-test-app.h"
#include "phoneset-test-utils.h"

static PhonesetApplication *app;

typedef struct
{
  PhonesetTestSim     *sim;
  PhonesetSecretStore *secrets;
  PhonesetPhone       *phone;
  GtkWindow           *window;
  PhonesetKeypadPage  *page;
} Fixture;

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  GObject *object =
    gtk_widget_get_template_child (GTK_WIDGET (f->page), PHONESET_TYPE_KEYPAD_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
wait_idle (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  do
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  while (phoneset_keypad_page_is_busy (f->page) && g_get_monotonic_time () < deadline);
  g_assert_false (phoneset_keypad_page_is_busy (f->page));
  phoneset_test_iterate (50);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **out = user_data;

  *out = phoneset_secret_store_lookup_finish (PHONESET_SECRET_STORE (source), result, NULL);
  if (*out == NULL)
    *out = g_strdup ("");
}

static char *
lookup_password (PhonesetSecretStore *secrets,
                 const char          *host)
{
  char *password = NULL;

  phoneset_secret_store_lookup_async (secrets, host, "admin", NULL, looked_up_cb, &password);
  while (password == NULL)
    g_main_context_iteration (NULL, TRUE);
  return password;
}

/* A simulated phone of @vendor (and @model, if given) at @address, and the
 * page for it. */
static void
fixture_open_model (Fixture           *f,
                    const char        *vendor,
                    const char        *profile_id,
                    const char        *model,
                    const char        *address,
                    const char        *password,
                    const char *const *extra)
{
  g_autofree char *http = NULL;
  const char      *args[8] = { NULL };
  guint            n = 0;

  for (; extra != NULL && extra[n] != NULL; n++)
    args[n] = extra[n];
  f->sim = phoneset_test_sim_start (vendor, address, args);
  f->secrets = phoneset_secret_store_memory_new ();
  if (password != NULL)
    phoneset_test_store_password (f->secrets, address, password);
  http = phoneset_test_sim_http (f->sim);
  f->phone = phoneset_phone_new (http);
  phoneset_phone_set_vendor (f->phone, vendor);
  phoneset_phone_set_profile_id (f->phone, profile_id);
  if (model != NULL)
    phoneset_phone_set_model (f->phone, model);

  f->page = PHONESET_KEYPAD_PAGE (
    phoneset_keypad_page_new (phoneset_application_get_context (app), f->phone, f->secrets));
  f->window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (f->window, 640, 1100);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  phoneset_test_wait_until_mapped (GTK_WIDGET (f->page));
  wait_idle (f);
}

static void
fixture_open (Fixture           *f,
              const char        *vendor,
              const char        *profile_id,
              const char        *address,
              const char        *password,
              const char *const *extra)
{
  fixture_open_model (f, vendor, profile_id, NULL, address, password, extra);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (f->window);
  phoneset_test_iterate (50);
  g_clear_object (&f->phone);
  g_clear_object (&f->secrets);
  g_clear_pointer (&f->sim, phoneset_test_sim_stop);
}

static void
click (Fixture    *f,
       const char *key)
{
  GtkWidget *button = phoneset_keypad_page_get_button (f->page, key);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Types @keyval on the keypad as a person would (the page's key controller). */
static void
type (Fixture *f,
      guint    keyval)
{
  GtkWidget  *keypad = child (f, "keypad_box");
  GListModel *controllers = gtk_widget_observe_controllers (keypad);
  gboolean    handled = FALSE;

  gtk_widget_grab_focus (keypad);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);
  g_assert_true (handled);
}

/* The keys the phone received (the simulator's log), from @from on. */
static GPtrArray *
received (Fixture    *f,
          guint       from,
          const char *member)
{
  g_autoptr(JsonObject) state = phoneset_test_sim_state (f->sim);
  JsonArray *keys = json_object_get_array_member (state, "keys");
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = from; i < json_array_get_length (keys); i++)
    g_ptr_array_add (out, g_strdup (json_object_get_string_member (
                            json_array_get_object_element (keys, i), member)));
  g_ptr_array_add (out, NULL);
  return out;
}

static void
assert_received (Fixture           *f,
                 guint              from,
                 const char        *member,
                 const char *const *expected)
{
  g_autoptr(GPtrArray) got = NULL;

  g_assert_true (
    phoneset_test_sim_wait (f->sim, "keys", from + g_strv_length ((char **)expected), 5000));
  got = received (f, from, member);
  g_assert_cmpstrv ((char **)got->pdata, expected);
}

static guint
n_received (Fixture *f)
{
  g_autoptr(GPtrArray) got = received (f, 0, "key");

  return got->len - 1;
}

/* The newest log row's subtitle: the phone's answer. */
static const char *
last_answer (Fixture *f)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (f, "log_list")), 0);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
test_keypad (gconstpointer data)
{
  const char      *vendor = data;
  gboolean         snom = g_str_equal (vendor, "snom");
  Fixture          f = { 0 };
  const char      *extra[] = { "--no-prompt", NULL };
  g_autofree char *shot = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pw = NULL;
  GtkWidget       *mute;
  GtkWidget       *dnd;
  guint            base;

  fixture_open (&f, vendor, snom ? "snom" : "yealink-v8x", snom ? "127.0.0.132" : "127.0.0.131",
                PHONESET_TEST_PASSWORD, extra);
  g_assert_false (gtk_widget_get_visible (child (&f, "credentials_group")));

  /* Keys the vendor lacks are insensitive and say why. */
  mute = phoneset_keypad_page_get_button (f.page, "MUTE");
  dnd = phoneset_keypad_page_get_button (f.page, snom ? "DNDOn" : "DND");
  g_assert_cmpint (gtk_widget_get_sensitive (mute), ==, !snom);
  g_assert_false (gtk_widget_get_sensitive (dnd));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (dnd), "no Active URI key"));

  /* Buttons: *, # and the digits, in order. snom gets * and # as %2A, %23. */
  click (&f, "1");
  click (&f, "*");
  click (&f, "POUND");
  click (&f, "OK");
  wait_idle (&f);
  {
    const char *yealink_keys[] = { "1", "*", "POUND", "OK", NULL };
    const char *snom_keys[] = { "1", "*", "#", "ENTER", NULL };
    const char *snom_raw[] = { "1", "%2A", "%23", "ENTER", NULL };

    assert_received (&f, 0, "key", snom ? snom_keys : yealink_keys);
    if (snom)
      assert_received (&f, 0, "raw", snom_raw);
  }
  g_assert_cmpstr (last_answer (&f), ==, "OK");

  /* Typing on the keypad. */
  base = n_received (&f);
  type (&f, GDK_KEY_5);
  type (&f, GDK_KEY_numbersign);
  type (&f, GDK_KEY_asterisk);
  type (&f, GDK_KEY_Up);
  type (&f, GDK_KEY_BackSpace);
  type (&f, GDK_KEY_Return);
  wait_idle (&f);
  {
    const char *yealink_keys[] = { "5", "POUND", "*", "UP", "X", "ENTER", NULL };
    const char *snom_keys[] = { "5", "#", "*", "UP", "CANCEL", "ENTER", NULL };

    assert_received (&f, base, "key", snom ? snom_keys : yealink_keys);
  }

  /* The dial macro: SPEAKER, the digits, ENTER (one chain where the model
   * chains: see test_dial_per_model). */
  base = n_received (&f);
  gtk_editable_set_text (GTK_EDITABLE (child (&f, "dial_row")), "2002#");
  g_assert_true (gtk_widget_get_sensitive (child (&f, "dial_button")));
  g_signal_emit_by_name (child (&f, "dial_button"), "clicked");
  wait_idle (&f);
  {
    const char *yealink_keys[] = { "SPEAKER", "2", "0", "0", "2", "POUND", "ENTER", NULL };
    const char *snom_keys[] = { "SPEAKER", "2", "0", "0", "2", "#", "ENTER", NULL };
    g_autoptr(GPtrArray) paths = NULL;

    assert_received (&f, base, "key", snom ? snom_keys : yealink_keys);
    paths = received (&f, base, "path");
    g_assert_cmpstr (paths->pdata[0], ==, snom ? "/command.htm" : "/servlet");
  }
  g_assert_cmpstr (last_answer (&f), ==, "OK");

  /* Hang up: snom ONHOOK (RELEASE), Yealink Cancel (X). */
  base = n_received (&f);
  g_signal_emit_by_name (child (&f, "hangup_button"), "clicked");
  wait_idle (&f);
  {
    const char *yealink_keys[] = { "X", NULL };
    const char *snom_keys[] = { "ONHOOK", NULL };

    assert_received (&f, base, "key", snom ? snom_keys : yealink_keys);
  }

  name = g_strdup_printf ("keypad-%s", vendor);
  shot = phoneset_test_screenshot (GTK_WIDGET (f.window), name);
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));
  if (snom)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();
      g_autofree char *dark = NULL;

      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      dark = phoneset_test_screenshot (GTK_WIDGET (f.window), "keypad-snom-dark");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    }

  /* The password went nowhere but the phone. */
  pw = lookup_password (f.secrets, f.sim->address);
  g_assert_cmpstr (pw, ==, PHONESET_TEST_PASSWORD);
  fixture_close (&f);
}

static void
test_wrong_password (void)
{
  Fixture          f = { 0 };
  const char      *extra[] = { "--no-prompt", NULL };
  GtkWidget       *group;
  g_autofree char *shot = NULL;
  g_autofree char *pw = NULL;
  const char      *keys[] = { "2", NULL };

  fixture_open (&f, "yealink", "yealink-v8x", "127.0.0.133", "wrong-Xy81", extra);
  group = child (&f, "credentials_group");
  g_assert_false (gtk_widget_get_visible (group));

  click (&f, "1");
  click (&f, "3");
  wait_idle (&f);
  g_assert_nonnull (strstr (last_answer (&f), "Not sent"));
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "Wrong user name or password"));
  g_assert_cmpuint (n_received (&f), ==, 0);
  shot = phoneset_test_screenshot (GTK_WIDGET (f.window), "keypad-wrong-password");

  /* Typing the right one stores it, and the keys go through. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (&f, "user_row"))), ==, "admin");
  gtk_editable_set_text (GTK_EDITABLE (child (&f, "password_row")), PHONESET_TEST_PASSWORD);
  g_signal_emit_by_name (child (&f, "save_password_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (group));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (&f, "password_row"))), ==, "");
  click (&f, "2");
  wait_idle (&f);
  assert_received (&f, 0, "key", keys);
  pw = lookup_password (f.secrets, "127.0.0.133");
  g_assert_cmpstr (pw, ==, PHONESET_TEST_PASSWORD);
  fixture_close (&f);
}

static void
test_no_password (void)
{
  Fixture     f = { 0 };
  const char *extra[] = { "--no-prompt", NULL };
  GtkWidget  *group;

  fixture_open (&f, "snom", "snom", "127.0.0.134", NULL, extra);
  group = child (&f, "credentials_group");
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (
    strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "No password"));
  g_assert_true (gtk_widget_get_visible (child (&f, "password_row")));
  fixture_close (&f);
}

static void
test_refused (void)
{
  Fixture          f = { 0 };
  const char      *extra[] = { "--no-prompt", "--allowed-ip=10.1.2.3", NULL };
  g_autofree char *shot = NULL;

  fixture_open (&f, "yealink", "yealink-v8x", "127.0.0.135", PHONESET_TEST_PASSWORD, extra);
  click (&f, "OK");
  wait_idle (&f);
  g_assert_nonnull (strstr (last_answer (&f), "not in the phone's Active URI allowed list"));
  g_assert_nonnull (strstr (last_answer (&f), "features.action_uri_limit_ip"));
  g_assert_false (gtk_widget_get_visible (child (&f, "credentials_group")));
  shot = phoneset_test_screenshot (GTK_WIDGET (f.window), "keypad-refused");
  fixture_close (&f);
}

static void
test_prompt (void)
{
  Fixture f = { 0 };

  fixture_open (&f, "yealink", "yealink-v8x", "127.0.0.136", PHONESET_TEST_PASSWORD, NULL);
  click (&f, "OK");
  wait_idle (&f);
  g_assert_nonnull (strstr (last_answer (&f), "Allow remote control"));
  fixture_close (&f);
}

static void
test_unreachable (void)
{
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("127.0.0.137:9");
  Fixture f = { 0 };

  /* Nothing listens on 127.0.0.137:9: refused at once. */
  phoneset_test_store_password (secrets, "127.0.0.137", PHONESET_TEST_PASSWORD);
  phoneset_phone_set_vendor (phone, "Yealink");
  phoneset_phone_set_profile_id (phone, "yealink-v8x");
  f.page = PHONESET_KEYPAD_PAGE (
    phoneset_keypad_page_new (phoneset_application_get_context (app), phone, secrets));
  f.window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f.window), GTK_WIDGET (f.page));
  gtk_window_present (f.window);
  phoneset_test_wait_until_mapped (GTK_WIDGET (f.page));
  click (&f, "5");
  wait_idle (&f);
  g_assert_nonnull (strstr (last_answer (&f), "Could not reach the phone"));
  gtk_window_destroy (f.window);
}

/* A slow phone: the command on its way and the one waiting can be
 * cancelled from their log rows, at once. */
static void
test_cancel (void)
{
  Fixture        f = { 0 };
  const char    *extra[] = { "--no-prompt", "--fault=slow", "--slow-ms=4000", NULL };
  GtkListBox    *log;
  GtkListBoxRow *sending, *waiting;
  gint64         start;

  fixture_open (&f, "yealink", "yealink-v8x", "127.0.0.130", PHONESET_TEST_PASSWORD, extra);
  log = GTK_LIST_BOX (child (&f, "log_list"));
  click (&f, "1");
  click (&f, "2");
  phoneset_test_iterate (200);
  sending = gtk_list_box_get_row_at_index (log, 1);
  waiting = gtk_list_box_get_row_at_index (log, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sending)), ==, "Sending…");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (waiting)), ==, "Waiting");

  start = g_get_monotonic_time ();
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (waiting), "cancel-button"), "clicked");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (waiting)), ==,
                   "Cancelled: not sent");
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (sending), "cancel-button"), "clicked");
  wait_idle (&f);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_true (
    g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (sending)), "Cancelled"));
  g_assert_false (gtk_widget_get_visible (g_object_get_data (G_OBJECT (sending), "cancel-button")));
  fixture_close (&f);
}

static AdwMessageDialog *
find_dialog (void)
{
  return ADW_MESSAGE_DIALOG (phoneset_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_reboot (gconstpointer data)
{
  const char       *vendor = data;
  gboolean          snom = g_str_equal (vendor, "snom");
  Fixture           f = { 0 };
  const char       *extra[] = { "--no-prompt", NULL };
  AdwMessageDialog *dialog;
  g_autofree char  *shot = NULL;
  g_autofree char  *name = g_strdup_printf ("keypad-reboot-%s", vendor);
  const char       *keys[] = { "Reboot", NULL };
  g_autoptr(GPtrArray) paths = NULL;

  fixture_open (&f, vendor, snom ? "snom" : "yealink-v8x", snom ? "127.0.0.139" : "127.0.0.138",
                PHONESET_TEST_PASSWORD, extra);

  /* Cancel: nothing is sent. */
  g_signal_emit_by_name (child (&f, "reboot_button"), "clicked");
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reboot the Phone?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "reboot"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  phoneset_test_wait_until_mapped (GTK_WIDGET (dialog));
  shot = phoneset_test_screenshot (GTK_WIDGET (dialog), name);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_idle (&f);
  g_assert_cmpuint (n_received (&f), ==, 0);

  /* Reboot: sent (snom: its own request). */
  g_signal_emit_by_name (child (&f, "reboot_button"), "clicked");
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "reboot");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_idle (&f);
  assert_received (&f, 0, "key", keys);
  paths = received (&f, 0, "path");
  g_assert_cmpstr (paths->pdata[0], ==, snom ? "/advanced_update.htm" : "/servlet");
  g_assert_cmpstr (last_answer (&f), ==, "OK");
  fixture_close (&f);
}

/* The simulator's requests from @from on, "query (n)" each, "|" between. */
static char *
requests_since (Fixture *f,
                guint    from)
{
  g_autoptr(JsonObject) state = phoneset_test_sim_state (f->sim);
  JsonArray *requests = json_object_get_array_member (state, "requests");
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = from; i < json_array_get_length (requests); i++)
    {
      JsonObject *r = json_array_get_object_element (requests, i);

      g_string_append_printf (s, "%s%s (%d)", i > from ? " | " : "",
                              json_object_get_string_member (r, "query"),
                              (int)json_object_get_int_member (r, "keys"));
      g_assert_true (json_object_get_boolean_member (r, "executed"));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The dial macro types the number key by key: one key per request on a
 * SIP-T48S (the profile's no_chaining, Yealink CP960 admin guide p. 446),
 * one chain on a SIP-T46S. */
static void
test_dial_per_model (void)
{
  const char *models[][3] = {
    { "SIP-T48S", "127.0.0.128", "SPEAKER (1) | 8 (1) | 3 (1) | 1 (1) | 1 (1) | ENTER (1)" },
    { "SIP-T46S", "127.0.0.129", "SPEAKER;8;3;1;1;ENTER (6)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      Fixture          f = { 0 };
      g_autofree char *model = g_strdup_printf ("--model=%s", models[i][0]);
      const char      *extra[] = { "--no-prompt", model, NULL };
      g_autofree char *got = NULL;

      fixture_open_model (&f, "yealink", "yealink-v8x", models[i][0], models[i][1],
                          PHONESET_TEST_PASSWORD, extra);
      gtk_editable_set_text (GTK_EDITABLE (child (&f, "dial_row")), "83-11");
      g_assert_true (gtk_widget_get_sensitive (child (&f, "dial_button")));
      g_signal_emit_by_name (child (&f, "dial_button"), "clicked");
      wait_idle (&f);
      g_assert_true (phoneset_test_sim_wait (f.sim, "keys", 6, 5000));
      got = requests_since (&f, 0);
      g_assert_cmpstr (got, ==, models[i][2]);
      g_assert_cmpstr (last_answer (&f), ==, "OK");
      /* A letter is no number: the macro is off. */
      gtk_editable_set_text (GTK_EDITABLE (child (&f, "dial_row")), "83a1");
      g_assert_false (gtk_widget_get_sensitive (child (&f, "dial_button")));
      fixture_close (&f);
    }
}

static void
test_konftel (void)
{
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.30");
  Fixture          f = { 0 };
  GtkWidget       *status;
  g_autofree char *shot = NULL;

  phoneset_phone_set_vendor (phone, "Konftel");
  phoneset_phone_set_profile_id (phone, "konftel-300ip");
  f.page = PHONESET_KEYPAD_PAGE (
    phoneset_keypad_page_new (phoneset_application_get_context (app), phone, secrets));
  f.window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (f.window, 640, 600);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f.window), GTK_WIDGET (f.page));
  gtk_window_present (f.window);
  phoneset_test_wait_until_mapped (GTK_WIDGET (f.page));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (&f, "stack"))), ==, "none");
  status = child (&f, "none_page");
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            "no known remote control interface"));
  g_assert_nonnull (
    strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "Konftel 300IP"));
  g_assert_null (phoneset_keypad_page_get_button (f.page, "1"));
  shot = phoneset_test_screenshot (GTK_WIDGET (f.window), "keypad-konftel");
  gtk_window_destroy (f.window);
}

/* The snom C520 and C620: their profile has no Active URI (command.htm is
 * the desk phones' only, SNOM-CMD), so no keypad, and the page says why. */
/* Poly's push interface has no user out of the box (apps.push.username):
 * the page asks for one in the phone's terms, then the keys go. */
static void
test_poly (void)
{
  Fixture          f = { 0 };
  GtkWidget       *group;
  g_autofree char *shot = NULL;
  g_autofree char *pw = NULL;
  const char      *keys[] = { "DialPad1", NULL };
  const char      *description;

  fixture_open (&f, "poly", "poly-uc", "127.0.0.143", NULL, NULL);
  group = child (&f, "credentials_group");
  g_assert_true (gtk_widget_get_visible (group));
  description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
  g_assert_nonnull (strstr (description, "no user out of the box"));
  g_assert_nonnull (strstr (description, "apps.push.username"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (&f, "user_row"))), ==, "");
  shot = phoneset_test_screenshot (GTK_WIDGET (f.window), "keypad-poly");

  /* A password without a user is not taken. */
  gtk_editable_set_text (GTK_EDITABLE (child (&f, "password_row")), PHONESET_TEST_PASSWORD);
  g_signal_emit_by_name (child (&f, "save_password_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (group));

  /* The simulated phone's push user is its admin until one is set. */
  gtk_editable_set_text (GTK_EDITABLE (child (&f, "user_row")), "admin");
  g_signal_emit_by_name (child (&f, "save_password_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (group));
  click (&f, "1");
  wait_idle (&f);
  assert_received (&f, 0, "key", keys);
  pw = lookup_password (f.secrets, "127.0.0.143");
  g_assert_cmpstr (pw, ==, PHONESET_TEST_PASSWORD);
  fixture_close (&f);
}

static void
test_snom_conference (void)
{
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.31");
  Fixture     f = { 0 };
  GtkWidget  *status;
  const char *text;

  phoneset_phone_set_vendor (phone, "snom");
  phoneset_phone_set_model (phone, "C620");
  phoneset_phone_set_profile_id (phone, "snom-c520");
  f.page = PHONESET_KEYPAD_PAGE (
    phoneset_keypad_page_new (phoneset_application_get_context (app), phone, secrets));
  f.window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (f.window, 640, 600);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f.window), GTK_WIDGET (f.page));
  gtk_window_present (f.window);
  phoneset_test_wait_until_mapped (GTK_WIDGET (f.page));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (&f, "stack"))), ==, "none");
  status = child (&f, "none_page");
  text = adw_status_page_get_description (ADW_STATUS_PAGE (status));
  g_assert_nonnull (strstr (text, "no known remote control interface"));
  g_assert_nonnull (strstr (text, "C520 and C620 have no remote key interface"));
  g_assert_null (phoneset_keypad_page_get_button (f.page, "1"));
  g_assert_null (phoneset_keypad_page_get_button (f.page, "F_HOLD"));
  gtk_window_destroy (f.window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = phoneset_test_app_new (&argc, &argv);

  g_test_add_data_func ("/keypad/yealink/keys", "yealink", test_keypad);
  g_test_add_data_func ("/keypad/snom/keys", "snom", test_keypad);
  g_test_add_func ("/keypad/yealink/wrong-password", test_wrong_password);
  g_test_add_func ("/keypad/snom/no-password", test_no_password);
  g_test_add_func ("/keypad/yealink/refused", test_refused);
  g_test_add_func ("/keypad/yealink/prompt", test_prompt);
  g_test_add_func ("/keypad/unreachable", test_unreachable);
  g_test_add_func ("/keypad/yealink/cancel", test_cancel);
  g_test_add_data_func ("/keypad/yealink/reboot", "yealink", test_reboot);
  g_test_add_data_func ("/keypad/snom/reboot", "snom", test_reboot);
  g_test_add_func ("/keypad/konftel", test_konftel);
  g_test_add_func ("/keypad/poly", test_poly);
  g_test_add_func ("/keypad/snom/conference", test_snom_conference);
  g_test_add_func ("/keypad/yealink/dial-per-model", test_dial_per_model);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
