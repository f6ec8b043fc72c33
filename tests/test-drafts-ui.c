/* test-drafts-ui.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing lost, no secret leaks, in the window (under Xvfb in CI):
 *
 * - an edit is autosaved as a draft a moment later, without the password
 *   typed into the form; the window then goes away without its clean
 *   close (a crash) and the phones are read back from the disk as at a
 *   new start: the new window offers the changes back, Restore brings
 *   them back as unsaved changes that Undo takes away; a clean close saves
 *   them and removes the draft;
 * - Discard removes the draft and keeps what was saved;
 * - a password typed into a form, a push with the admin password from the
 *   keyring: afterwards neither password is anywhere under the data and
 *   config directories or in anything logged (G_MESSAGES_DEBUG=all),
 *   as text, base64 or hex.
 */

#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-application.h"
#include "phoneset-push-dialog.h"
#include "phoneset-setting-row.h"
#include "phoneset-test-app.h"
#include "phoneset-test-sim.h"
#include "phoneset-test-utils.h"
#include "phoneset-window.h"
#include "phoneset-test-private.h"

#define SECRET "Zq7-phoneset-SECRET-4711"
#define MAC    "00:15:65:4a:a9:77"
#define ID     "0015654aa977"

static PhonesetApplication *app;
static GString             *log_text;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         data)
{
  g_autofree char *line = g_log_writer_format_fields (level, fields, n_fields, FALSE);

  g_string_append (log_text, line);
  g_string_append_c (log_text, '\n');
  /* Debug and info only to the capture: stdout is TAP. */
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

static char *
draft_file (void)
{
  return g_build_filename (g_get_user_data_dir (), "phoneset", "drafts", ID ".json", NULL);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

/* Types @value into the row of setting @id on @page, as a user would. */
static void
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
}

/* The phone of the inventory with our MAC. */
static PhonesetPhone *
our_phone (void)
{
  GListModel *phones = phoneset_inventory_get_phones (phoneset_application_get_inventory (app));

  for (guint i = 0; i < g_list_model_get_n_items (phones); i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (phones, i);

      if (g_strcmp0 (phoneset_phone_get_id (phone), ID) == 0)
        return phone;
    }
  return NULL;
}

/* Waits (bounded) for the draft autosave. */
static void
wait_for_draft (const char *containing)
{
  g_autofree char *path = draft_file ();
  gint64           deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *text = read_text (path);

      if (strstr (text, containing) != NULL)
        return;
      phoneset_test_iterate (50);
    }
  g_error ("no draft with %s after 5 s", containing);
}

/* A crash: the window goes without its close request (no save), then the
 * phones are read from the disk as a new start would. */
static void
crash_and_restart (PhonesetWindow *window)
{
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (window));
  phoneset_test_iterate (100);
  g_assert_true (phoneset_inventory_load (phoneset_application_get_inventory (app), &error));
  g_assert_no_error (error);
}

/* The offer of @window, waiting at most @ms for it. */
static AdwMessageDialog *
find_offer (PhonesetWindow *window,
            guint           ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (w) &&
              gtk_window_get_transient_for (w) == GTK_WINDOW (window) &&
              gtk_widget_get_visible (GTK_WIDGET (w)))
            return ADW_MESSAGE_DIALOG (w);
        }
      phoneset_test_iterate (50);
    }
  return NULL;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  phoneset_test_iterate (200);
}

static void
test_drafts_restore (void)
{
  PhonesetWindow *window = phoneset_test_app_open_window (app);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.77");
  g_autofree char *draft = draft_file ();
  g_autofree char *saved_config =
    g_build_filename (g_get_user_data_dir (), "phoneset", "configs", ID ".json", NULL);
  g_autofree char   *text = NULL;
  g_autofree char   *shot = NULL;
  PhonesetPhoneView *view;
  PhonesetPhone     *again;
  AdwMessageDialog  *offer;

  phoneset_phone_set_mac (phone, MAC);
  phoneset_phone_set_name (phone, "Lobby");
  phoneset_phone_set_vendor (phone, "Yealink");
  phoneset_phone_set_profile_id (phone, "yealink-legacy");
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);

  type_into (view, "page-nat", "nat.stun.server", "stun.draft.example.org");
  type_into (view, "page-provisioning", "provisioning.server.password", SECRET);
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_config (phone), "nat.stun.server"), ==,
                   "stun.draft.example.org");
  g_assert_cmpstr (
    phoneset_config_get (phoneset_phone_get_config (phone), "provisioning.server.password"), ==,
    SECRET);

  /* The draft is written a moment later, without the password; the saved
   * phones do not have the edit yet. */
  wait_for_draft ("provisioning.server.password");
  text = read_text (draft);
  g_assert_nonnull (strstr (text, "stun.draft.example.org"));
  g_assert_null (strstr (text, SECRET));
  g_assert_nonnull (strstr (text, "provisioning.server.password")); /* named, not its value */
  g_clear_pointer (&text, g_free);
  text = read_text (saved_config);
  g_assert_null (strstr (text, "stun.draft.example.org"));
  g_clear_pointer (&text, g_free);

  crash_and_restart (window);
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  again = our_phone ();
  g_assert_nonnull (again);
  g_assert_true (again != phone);
  g_assert_true (phoneset_phone_get_config (again) == NULL ||
                 phoneset_config_get (phoneset_phone_get_config (again), "nat.stun.server") ==
                   NULL);

  /* The next start offers them back. */
  window = phoneset_test_app_open_window (app);
  offer = find_offer (window, 3000);
  g_assert_nonnull (offer);
  g_assert_cmpstr (adw_message_dialog_get_heading (offer), ==, "Restore Unsaved Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (offer), "Lobby"));
  g_assert_true (adw_message_dialog_has_response (offer, "restore"));
  g_assert_true (adw_message_dialog_has_response (offer, "discard"));
  shot = phoneset_test_screenshot (GTK_WIDGET (offer), "drafts-offer");
  answer (offer, "restore");

  /* Back as unsaved changes of the phone now shown; Undo takes them away. */
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_config (again), "nat.stun.server"), ==,
                   "stun.draft.example.org");
  /* The password was never in the draft: it is back from the keyring (a
   * real one answers over D-Bus, a moment later: the keyring-ui test). */
  {
    gint64 start = g_get_monotonic_time ();

    while (phoneset_config_get (phoneset_phone_get_config (again),
                                "provisioning.server.password") == NULL &&
           g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
      phoneset_test_iterate (20);
    g_test_message ("the password was back after %" G_GINT64_FORMAT " ms",
                    (g_get_monotonic_time () - start) / 1000);
  }
  g_assert_cmpstr (
    phoneset_config_get (phoneset_phone_get_config (again), "provisioning.server.password"), ==,
    SECRET);
  g_assert_true (phoneset_phone_has_changes (again));
  view = PHONESET_PHONE_VIEW (gtk_widget_get_ancestor (
    phoneset_test_find_descendant (GTK_WIDGET (window), PHONESET_TYPE_PHONE_VIEW),
    PHONESET_TYPE_PHONE_VIEW));
  g_assert_true (phoneset_phone_view_get_phone (view) == again);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.undo", NULL));
  g_assert_null (phoneset_config_get (phoneset_phone_get_config (again), "nat.stun.server"));
  g_assert_cmpstr (
    phoneset_config_get (phoneset_phone_get_config (again), "provisioning.server.password"), ==,
    SECRET);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.redo", NULL));
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_config (again), "nat.stun.server"), ==,
                   "stun.draft.example.org");

  /* A clean close saves the changes and needs no draft any more. */
  gtk_window_close (GTK_WINDOW (window));
  phoneset_test_iterate (200);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  text = read_text (saved_config);
  g_assert_nonnull (strstr (text, "stun.draft.example.org"));
}

static void
test_drafts_discard (void)
{
  PhonesetWindow    *window = phoneset_test_app_open_window (app);
  g_autofree char   *draft = draft_file ();
  PhonesetPhone     *phone = our_phone ();
  PhonesetPhoneView *view;
  AdwMessageDialog  *offer;

  g_assert_nonnull (phone);
  g_assert_null (find_offer (window, 500)); /* nothing to offer */
  view = phoneset_window_show_phone (window, phone);
  type_into (view, "page-nat", "nat.stun.server", "stun.discard.example.org");
  wait_for_draft ("stun.discard.example.org");

  crash_and_restart (window);
  window = phoneset_test_app_open_window (app);
  offer = find_offer (window, 3000);
  g_assert_nonnull (offer);
  answer (offer, "discard");
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  phone = our_phone ();
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_config (phone), "nat.stun.server"), ==,
                   "stun.draft.example.org");
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  gtk_window_close (GTK_WINDOW (window));
  phoneset_test_iterate (100);

  /* No offer at the next start. */
  window = phoneset_test_app_open_window (app);
  g_assert_null (find_offer (window, 500));
  gtk_window_close (GTK_WINDOW (window));
  phoneset_test_iterate (100);
}

/* Every file under @dir whose contents hold @needle. */
static void
grep_tree (const char *dir,
           const char *needle,
           GPtrArray  *hits)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      gsize            len;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          grep_tree (path, needle, hits);
          continue;
        }
      if (g_file_get_contents (path, &text, &len, NULL) &&
          memmem (text, len, needle, strlen (needle)) != NULL)
        g_ptr_array_add (hits, g_steal_pointer (&path));
    }
}

static void
assert_nowhere (const char *secret)
{
  g_autofree char *b64 = g_base64_encode ((const guchar *)secret, strlen (secret));
  g_autoptr(GString) hex = g_string_new (NULL);
  g_autoptr(GString) upper = NULL;
  const char *dirs[] = { g_get_user_data_dir (), g_get_user_config_dir (), g_get_user_cache_dir (),
                         NULL };

  for (const char *p = secret; *p != '\0'; p++)
    g_string_append_printf (hex, "%02x", (guchar)*p);
  upper = g_string_new (hex->str);
  g_string_ascii_up (upper);

  {
    const char *forms[] = { secret, b64, hex->str, upper->str, NULL };

    for (guint f = 0; forms[f] != NULL; f++)
      {
        g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);

        for (guint d = 0; dirs[d] != NULL; d++)
          grep_tree (dirs[d], forms[f], hits);
        for (guint i = 0; i < hits->len; i++)
          g_test_message ("LEAK: %s in %s", forms[f], (char *)g_ptr_array_index (hits, i));
        g_assert_cmpuint (hits->len, ==, 0);
        g_assert_null (strstr (log_text->str, forms[f]));
      }
  }
}

static void
push_done_cb (PhonesetPhone *phone,
              GParamSpec    *pspec,
              gboolean      *done)
{
  *done = TRUE;
}

/* Export from the workspace to @folder (the “Export to FOLDER” answer of
 * the Export dialog), with or without the passwords. */
static void
export_from_window (PhonesetPhoneView *view,
                    const char        *folder,
                    gboolean           include_passwords)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwMessageDialog *dialog = NULL;
  GListModel       *toplevels = gtk_window_get_toplevels (); /* transfer none */
  GtkWidget        *check;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_settings_set_string (settings, "last-export-folder", folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.export", NULL));
  phoneset_test_iterate (200);
  for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)),
                     "Export Provisioning File") == 0)
        dialog = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "export-again"));
  check = phoneset_test_find_descendant (adw_message_dialog_get_extra_child (dialog),
                                         GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check))); /* off unless asked */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), include_passwords);
  answer (dialog, "export-again");
}

static gboolean
folder_holds (const char *folder,
              const char *needle)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);

  g_assert_nonnull (d);
  g_assert_nonnull (g_dir_read_name (d)); /* something was written */
  grep_tree (folder, needle, hits);
  return hits->len > 0;
}

static void
test_drafts_no_secret_leaks (void)
{
  const char *sim_args[] = { "--no-prompt", "--mac=" MAC, NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.123", sim_args);
  g_autofree char     *address = phoneset_test_sim_http (sim);
  PhonesetSecretStore *secrets = phoneset_application_get_secret_store (app);
  PhonesetWindow      *window = phoneset_test_app_open_window (app);
  PhonesetPhone       *phone = our_phone ();
  PhonesetPhoneView   *view;
  PhonesetPushDialog  *dialog;
  gboolean             pushed = FALSE;
  gint64               deadline;

  g_assert_nonnull (phone);
  phoneset_phone_set_address (phone, address);
  phoneset_test_store_password (secrets, "127.0.0.123", PHONESET_TEST_PASSWORD);

  /* A password typed into the form, and an edit. */
  view = phoneset_window_show_phone (window, phone);
  type_into (view, "page-provisioning", "provisioning.server.password", SECRET);
  type_into (view, "page-nat", "nat.stun.server", "stun.pushed.example.org");
  wait_for_draft ("stun.pushed.example.org");

  /* Push, the admin password from the keyring. */
  g_signal_connect (phone, "notify::last-push", G_CALLBACK (push_done_cb), &pushed);
  dialog = phoneset_push_dialog_new (GTK_WINDOW (window), phone, secrets);
  phoneset_push_dialog_set_wait (dialog, 8);
  gtk_window_present (GTK_WINDOW (dialog));
  phoneset_test_wait_until_mapped (GTK_WIDGET (dialog));
  phoneset_test_iterate (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (!pushed && g_get_monotonic_time () < deadline)
    phoneset_test_iterate (50);
  g_assert_true (pushed);
  g_signal_handlers_disconnect_by_func (phone, push_done_cb, &pushed);
  while (phoneset_push_dialog_is_running (dialog) && g_get_monotonic_time () < deadline)
    phoneset_test_iterate (50);
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The push is saved a moment later, and the draft goes. */
  {
    g_autofree char *draft = draft_file ();

    deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (g_file_test (draft, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
      phoneset_test_iterate (50);
    g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  }

  /* Export: the password only where the user asked for it. */
  {
    g_autofree char *plain = g_build_filename (g_get_user_data_dir (), "export-plain", NULL);
    /* Outside the searched directories: the one place it may be. */
    g_autofree char *secret = g_dir_make_tmp ("phoneset-export-XXXXXX", NULL);

    export_from_window (view, plain, FALSE);
    g_assert_false (folder_holds (plain, SECRET));
    export_from_window (view, secret, TRUE);
    g_assert_true (folder_holds (secret, SECRET));
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", secret);

      g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
    }
    g_test_message ("exported without and with the passwords");
  }

  gtk_window_close (GTK_WINDOW (window));
  phoneset_test_iterate (200);

  g_test_message ("searched %" G_GSIZE_FORMAT " bytes of log", log_text->len);
  assert_nowhere (SECRET);
  assert_nowhere (PHONESET_TEST_PASSWORD);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  app = phoneset_test_app_new (&argc, &argv);

  g_test_add_func ("/drafts-ui/restore", test_drafts_restore);
  g_test_add_func ("/drafts-ui/discard", test_drafts_discard);
  g_test_add_func ("/drafts-ui/no-secret-leaks", test_drafts_no_secret_leaks);

  ret = g_test_run ();
  g_object_unref (app);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", g_get_user_data_dir ());

    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
  g_string_free (log_text, TRUE);
  return ret;
}
