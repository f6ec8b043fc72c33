/* test-keyring-ui.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window without a keyring, and with a locked one (under Xvfb, in a
 * private D-Bus session made by tests/keyring-session.sh none|locked):
 *
 * - a password typed into a form row: the window says why it cannot be
 *   saved, once as a toast and in a message row at the bottom; the row is
 *   marked "Not saved"; the password works for the session (the store
 *   gives it back); closing the window asks first;
 * - the keypad page and the push dialog say why the saved password could
 *   not be read, in the same words; a push with a typed password works,
 *   and the next push finds it without asking;
 * - the keyring starts (none) or is unlocked (locked): the passwords are
 *   saved (secret-tool finds them), the message row and the marks go.
 *
 * Screenshots: build/screenshots/keyring-{none,locked}-*.png.
 */

#include "config.h"

#include <string.h>

#include "phoneset-application.h"
#include "phoneset-keyring-bar.h"
#include "phoneset-push-dialog.h"
#include "phoneset-secret-session.h"
#include "phoneset-setting-row.h"
#include "phoneset-test-app.h"
#include "phoneset-test-sim.h"
#include "phoneset-test-utils.h"
#include "phoneset-window.h"
#include "phoneset-test-private.h"

#define SECRET "Zq7-keyring-ui-SECRET-3003"
#define MAC    "00:15:65:4a:a9:78"
#define ID     "0015654aa978"

static PhonesetApplication *app;
static const char          *mode;

static void
iterate_until (gboolean (*done) (gpointer), gpointer data, guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
}

static char *
shot_name (const char *what)
{
  return g_strdup_printf ("keyring-%s-%s", mode, what);
}

static void
screenshot (GtkWidget  *widget,
            const char *what)
{
  g_autofree char *name = shot_name (what);

  g_free (phoneset_test_screenshot_after (widget, name, 300));
}

/* Types @value into the row of setting @id on @page, as a user would. */
static GtkWidget *
type_into (PhonesetPhoneView *view,
           const char        *page,
           const char        *id,
           const char        *value)
{
  GtkWidget *row, *entry;

  g_assert_true (phoneset_phone_view_show_page (view, page));
  phoneset_test_iterate (200);
  row = phoneset_test_find_setting_row (GTK_WIDGET (view), id);
  g_assert_nonnull (row);
  entry = phoneset_test_find_descendant (row, GTK_TYPE_EDITABLE);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), value);
  g_signal_emit_by_name (phoneset_test_find_descendant (row, GTK_TYPE_TEXT), "activate");
  phoneset_test_iterate (PHONESET_SETTING_ROW_COMMIT_DELAY + 100);
  return row;
}

/* The label under @widget whose text holds @needle, if one is shown. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *needle)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static PhonesetKeyringBar *
keyring_bar (PhonesetWindow *window)
{
  GtkWidget *bar = phoneset_test_find_descendant (GTK_WIDGET (window), PHONESET_TYPE_KEYRING_BAR);

  g_assert_nonnull (bar);
  return PHONESET_KEYRING_BAR (bar);
}

static gboolean
bar_shown (gpointer window)
{
  return phoneset_keyring_bar_get_text (keyring_bar (window)) != NULL;
}

static gboolean
bar_hidden (gpointer window)
{
  return !bar_shown (window);
}

static gboolean
all_saved (gpointer session)
{
  return phoneset_secret_session_get_n_unsaved (session) == 0;
}

/* The row's mark ("Not saved", "Not read"), NULL when hidden. */
static const char *
mark_text (GtkWidget *row)
{
  GtkWidget *mark = g_object_get_data (G_OBJECT (row), "phoneset-secret-mark");

  g_assert_nonnull (mark);
  if (!gtk_widget_get_visible (mark))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (mark)));
}

typedef struct
{
  gboolean done;
  char    *password;
} Lookup;

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Lookup *lookup = data;

  lookup->password =
    phoneset_secret_store_lookup_finish (PHONESET_SECRET_STORE (source), result, NULL);
  lookup->done = TRUE;
}

static gboolean
lookup_done (gpointer data)
{
  return ((Lookup *)data)->done;
}

static char *
lookup_password (const char *host,
                 const char *user)
{
  Lookup lookup = { 0 };

  phoneset_secret_store_lookup_async (phoneset_application_get_secret_store (app), host, user, NULL,
                                      looked_up_cb, &lookup);
  iterate_until (lookup_done, &lookup, 5000);
  g_assert_true (lookup.done);
  return lookup.password;
}

static char *
secret_tool_lookup (const char *host,
                    const char *user)
{
  const char *argv[] = { "secret-tool", "lookup", "host", host, "user", user, NULL };
  char       *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, NULL, NULL));
  return out;
}

static AdwMessageDialog *
find_dialog (PhonesetWindow *window,
             const char     *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), heading) == 0)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* The keyring starts (none) or is unlocked (locked), as the user would. */
static void
keyring_comes (void)
{
  if (g_str_equal (mode, "none"))
    {
      const char *argv[] = { g_getenv ("PHONESET_TEST_KEYRING_START"), "--unlock", NULL };
      int         status = -1;

      g_assert_nonnull (argv[0]);
      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                   NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    {
      /* gnome-keyring's own unlock, as a keyring manager does it. */
      g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
      g_autoptr(GVariant) opened = NULL;
      g_autoptr(GVariant) unlocked = NULL;
      g_autoptr(GError) error = NULL;
      const char *session = NULL;
      GVariant   *secret;

      opened = g_dbus_connection_call_sync (
        bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
        "org.freedesktop.Secret.Service", "OpenSession",
        g_variant_new ("(sv)", "plain", g_variant_new_string ("")), G_VARIANT_TYPE ("(vo)"),
        G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
      g_assert_no_error (error);
      g_variant_get (opened, "(v&o)", NULL, &session);
      secret = g_variant_new (
        "(o@ay@ays)", session, g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
        g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "testpw", 6, 1), "text/plain");
      unlocked = g_dbus_connection_call_sync (
        bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
        "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface", "UnlockWithMasterPassword",
        g_variant_new ("(o@(oayays))", "/org/freedesktop/secrets/collection/login", secret), NULL,
        G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
      g_assert_no_error (error);
    }
}

static const char *
expected_problem (void)
{
  return g_str_equal (mode, "none")
           ? "Passwords cannot be saved: no keyring is running. Phoneset keeps them until you quit."
           : "Passwords cannot be saved: the keyring is locked and was not unlocked. Phoneset "
             "keeps them until you quit.";
}

static PhonesetPushDialog *
open_push (PhonesetPhone *phone)
{
  PhonesetPushDialog *dialog =
    phoneset_push_dialog_new (NULL, phone, phoneset_application_get_secret_store (app));

  phoneset_push_dialog_set_wait (dialog, 8);
  gtk_window_present (GTK_WINDOW (dialog));
  phoneset_test_wait_until_mapped (GTK_WIDGET (dialog));
  phoneset_test_iterate (300); /* the keyring lookup */
  return dialog;
}

static GtkWidget *
push_child (PhonesetPushDialog *dialog,
            const char         *name)
{
  GObject *object =
    gtk_widget_get_template_child (GTK_WIDGET (dialog), PHONESET_TYPE_PUSH_DIALOG, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
push_over (gpointer dialog)
{
  return !phoneset_push_dialog_is_running (dialog);
}

static gboolean
push_started (gpointer dialog)
{
  return phoneset_push_dialog_is_running (dialog);
}

static void
test_keyring_missing (void)
{
  const char *sim_args[] = { "--no-prompt", "--mac=" MAC, NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start ("yealink", "127.0.0.124", sim_args);
  g_autofree char       *address = phoneset_test_sim_http (sim);
  PhonesetSecretSession *session =
    PHONESET_SECRET_SESSION (phoneset_application_get_secret_store (app));
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new (address);
  PhonesetPhoneView  *view;
  PhonesetPushDialog *dialog;
  AdwMessageDialog   *ask;
  GtkWidget          *row, *label;
  g_autofree char    *password = NULL;
  g_autofree char    *saved = NULL;

  g_assert_true (PHONESET_IS_SECRET_SESSION (session));
  phoneset_phone_set_mac (phone, MAC);
  phoneset_phone_set_name (phone, "Lobby");
  phoneset_phone_set_vendor (phone, "Yealink");
  phoneset_phone_set_profile_id (phone, "yealink-legacy");
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);

  /* Opening the phone reads its passwords: the keyring cannot be asked,
   * and the window says so, in plain words. */
  iterate_until (bar_shown, window, 5000);
  g_assert_cmpstr (phoneset_keyring_bar_get_text (keyring_bar (window)), ==, expected_problem ());

  /* A password typed into the form: kept, marked, and it works. */
  row = type_into (view, "page-provisioning", "provisioning.server.password", SECRET);
  iterate_until (bar_shown, window, 3000);
  phoneset_test_iterate (300);
  g_assert_cmpuint (phoneset_secret_session_get_n_unsaved (session), ==, 1);
  g_assert_nonnull (
    strstr (phoneset_keyring_bar_get_text (keyring_bar (window)), expected_problem ()));
  g_assert_nonnull (
    strstr (phoneset_keyring_bar_get_text (keyring_bar (window)), "1 password is not saved yet."));
  g_assert_cmpstr (mark_text (row), ==, "Not saved");
  password = lookup_password (ID, "setting:provisioning.server.password");
  g_assert_cmpstr (password, ==, SECRET);
  g_clear_pointer (&password, g_free);
  screenshot (GTK_WIDGET (window), "form");

  /* The keypad cannot read the admin password: it says why. */
  g_assert_true (phoneset_phone_view_show_page (view, "keypad"));
  phoneset_test_iterate (500);
  label = find_label (GTK_WIDGET (view), "The saved password could not be read.");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), expected_problem ()));
  screenshot (GTK_WIDGET (window), "keypad");

  /* A push: the dialog says why it asks; with the password typed, the push
   * works, and the next one finds it (kept for the session). */
  dialog = open_push (phone);
  g_assert_true (gtk_widget_get_visible (push_child (dialog, "password_row")));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (
                              ADW_PREFERENCES_GROUP (push_child (dialog, "credentials_group"))),
                            expected_problem ()));
  screenshot (GTK_WIDGET (dialog), "push");
  gtk_editable_set_text (GTK_EDITABLE (push_child (dialog, "password_row")),
                         PHONESET_TEST_PASSWORD);
  phoneset_test_iterate (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  iterate_until (push_started, dialog, 2000);
  iterate_until (push_over, dialog, 15000);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (push_child (dialog, "outcome_title"))), ==,
                   "Pushed and Verified");
  gtk_window_destroy (GTK_WINDOW (dialog));
  phoneset_test_iterate (300);
  g_assert_cmpuint (phoneset_secret_session_get_n_unsaved (session), ==, 2);
  dialog = open_push (phone);
  g_assert_false (gtk_widget_get_visible (push_child (dialog, "password_row")));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Closing the window asks first; Cancel keeps it open. */
  gtk_window_close (GTK_WINDOW (window));
  phoneset_test_iterate (300);
  ask = find_dialog (window, "Quit Without Saving Passwords?");
  g_assert_nonnull (ask);
  g_assert_nonnull (
    strstr (adw_message_dialog_get_body (ask), "2 passwords you typed are not in the keyring."));
  screenshot (GTK_WIDGET (ask), "quit");
  adw_message_dialog_response (ask, "cancel");
  gtk_window_destroy (GTK_WINDOW (ask));
  phoneset_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* The keyring comes: the passwords are saved, the marks and the row go. */
  g_assert_true (phoneset_phone_view_show_page (view, "page-provisioning"));
  keyring_comes ();
  iterate_until (all_saved, session, 10000);
  g_assert_cmpuint (phoneset_secret_session_get_n_unsaved (session), ==, 0);
  iterate_until (bar_hidden, window, 3000);
  g_assert_null (phoneset_keyring_bar_get_text (keyring_bar (window)));
  row = phoneset_test_find_setting_row (GTK_WIDGET (view), "provisioning.server.password");
  g_assert_null (mark_text (row));
  saved = secret_tool_lookup (ID, "setting:provisioning.server.password");
  g_assert_cmpstr (saved, ==, SECRET);
  g_clear_pointer (&saved, g_free);
  saved = secret_tool_lookup ("127.0.0.124", "admin");
  g_assert_cmpstr (saved, ==, PHONESET_TEST_PASSWORD);
  screenshot (GTK_WIDGET (window), "saved");

  /* Now it closes without asking. */
  gtk_window_close (GTK_WINDOW (window));
  phoneset_test_iterate (300);
  g_assert_null (find_dialog (window, "Quit Without Saving Passwords?"));
}

static void
test_needs_session (void)
{
  g_test_skip (
    "needs a private D-Bus session: tests/keyring-session.sh none|locked (the keyring-ui-* tests)");
}

int
main (int   argc,
      char *argv[])
{
  mode = g_getenv ("PHONESET_TEST_KEYRING");
  app = phoneset_test_app_new (&argc, &argv);
  if (g_strcmp0 (mode, "none") == 0 || g_strcmp0 (mode, "locked") == 0)
    g_test_add_func ("/keyring-ui/missing-or-locked", test_keyring_missing);
  else
    g_test_add_func ("/keyring-ui/missing-or-locked", test_needs_session);

  return g_test_run ();
}
