/* test-push-dialog.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Push to Phone dialog (under Xvfb in CI) against simulated phones on
 * 127.0.0.x: the changes it lists, a verified AutoP push seen applied in
 * the simulator, a refused password asked for again, a vendor that cannot
 * do AutoP, and a cancel during the wait. Saves screenshots of each.
 */

#include "config.h"

#include <string.h>

#include "phoneset-application.h"
#include "phoneset-push-dialog.h"
#include "phoneset-secret-store-memory.h"
#include "phoneset-test-sim.h"
#include "phoneset-test-app.h"
#include "phoneset-test-utils.h"

static PhonesetApplication *app;

static GtkWidget *
child (gpointer    dialog,
       const char *name)
{
  GObject *object =
    gtk_widget_get_template_child (GTK_WIDGET (dialog), PHONESET_TYPE_PUSH_DIALOG, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

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

/* The choice of a delivery method, named by its id. */
static GtkWidget *
method_check (gpointer    dialog,
              const char *via)
{
  GtkWidget *check = find_named (child (dialog, "method_group"), via);

  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  return check;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_rows (c, rows);
}

/* The rows of a preferences group, in order. */
static GPtrArray *
group_rows (gpointer    dialog,
            const char *group)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (child (dialog, group), rows);
  return rows;
}

static void
gone_cb (gpointer  data,
         GObject  *where_the_object_was)
{
  *(gboolean *)data = TRUE;
}

/* Runs the main loop until @done is set, at most @ms. */
static void
iterate_until (gboolean *done,
               guint     ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (!*done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
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

static char *
lookup_password (PhonesetSecretStore *secrets,
                 const char          *host)
{
  Lookup lookup = { 0 };

  phoneset_secret_store_lookup_async (secrets, host, "admin", NULL, looked_up_cb, &lookup);
  iterate_until (&lookup.done, 2000);
  g_assert_true (lookup.done);
  return lookup.password;
}

/* A phone of @profile_id at the simulator, its baseline the profile's
 * defaults and its config with @changes (id, value, ...) set. */
static PhonesetPhone *
sim_phone (PhonesetTestSim   *sim,
           const char        *profile_id,
           const char        *mac,
           const char *const *changes)
{
  g_autofree char *address = phoneset_test_sim_http (sim);
  PhonesetPhone   *phone = phoneset_phone_new (address);
  PhonesetProfile *profile =
    phoneset_profiles_find (phoneset_application_get_profiles (app), profile_id);
  g_autoptr(PhonesetConfig) config = NULL;
  g_autoptr(PhonesetConfig) baseline = NULL;

  g_assert_nonnull (profile);
  config = phoneset_config_new (profile);
  baseline = phoneset_config_copy (config);
  for (guint i = 0; changes[i] != NULL; i += 2)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (phoneset_config_set (config, changes[i], changes[i + 1], &error));
      g_assert_no_error (error);
    }
  phoneset_phone_set_profile_id (phone, profile_id);
  phoneset_phone_set_vendor (phone, phoneset_profile_get_vendor (profile));
  phoneset_phone_set_name (phone, "Reception desk");
  phoneset_phone_set_mac (phone, mac);
  phoneset_phone_set_config (phone, config);
  phoneset_phone_set_baseline (phone, baseline);
  return phone;
}

static PhonesetPushDialog *
open_dialog (PhonesetPhone       *phone,
             PhonesetSecretStore *secrets)
{
  PhonesetPushDialog *dialog = phoneset_push_dialog_new (NULL, phone, secrets);

  phoneset_push_dialog_set_wait (dialog, 8);
  gtk_window_present (GTK_WINDOW (dialog));
  phoneset_test_wait_until_mapped (GTK_WIDGET (dialog));
  /* The keyring lookup is async. */
  phoneset_test_iterate (200);
  return dialog;
}

static gboolean
push_enabled (PhonesetPushDialog *dialog)
{
  return gtk_widget_get_sensitive (child (dialog, "push_button"));
}

/* Runs a push to its end; takes the “during” screenshot on the way. */
static void
run_push (PhonesetPushDialog *dialog,
          const char         *during_name)
{
  gint64 deadline;

  g_assert_true (push_enabled (dialog));
  /* Enter: the push button is the default widget. */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) ==
                 child (dialog, "push_button"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  /* A button activated from the keyboard clicks after its press animation. */
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (!phoneset_push_dialog_is_running (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  g_assert_true (phoneset_push_dialog_is_running (dialog));
  g_assert_false (push_enabled (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "stack"))), ==,
                   "run");
  if (during_name != NULL)
    g_free (phoneset_test_screenshot_after (GTK_WIDGET (dialog), during_name, 0));
  deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (phoneset_push_dialog_is_running (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  g_assert_false (phoneset_push_dialog_is_running (dialog));
}

static const char *
outcome (PhonesetPushDialog *dialog)
{
  return gtk_label_get_text (GTK_LABEL (child (dialog, "outcome_title")));
}

static void
close_dialog (PhonesetPushDialog *dialog)
{
  gboolean gone = FALSE;

  g_object_weak_ref (G_OBJECT (dialog), gone_cb, &gone);
  /* Escape when nothing runs closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "push.cancel", NULL));
  iterate_until (&gone, 3000);
  g_assert_true (gone);
}

static const char *const yealink_changes[] = { "nat.stun.server", "stun.example.org", "vlan.id",
                                               "42", NULL };

static void
test_push_autop (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.81", sim_args);
  g_autoptr(PhonesetPhone) phone =
               sim_phone (sim, "yealink-legacy", "00:15:65:4a:a9:37", yealink_changes);
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  PhonesetPushDialog *dialog;
  g_autofree char    *before = NULL;
  g_autofree char    *after = NULL;

  phoneset_test_store_password (secrets, "127.0.0.81", PHONESET_TEST_PASSWORD);
  dialog = open_dialog (phone, secrets);

  /* Exactly the two changes, old → new, the VLAN one needing a restart. */
  changes = group_rows (dialog, "changes_group");
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (gtk_widget_get_name (g_ptr_array_index (changes, 0)), ==, "nat.stun.server");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (changes, 0)), ==,
                   "STUN Server");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (changes, 0)), ==,
                   "(empty) → stun.example.org");
  g_assert_cmpstr (gtk_widget_get_name (g_ptr_array_index (changes, 1)), ==, "vlan.id");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (changes, 1)), ==, "1 → 42");
  g_assert_cmpstr (
    adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (dialog, "changes_group"))),
    ==, "2 settings change on the phone.");

  /* AutoP is possible and chosen; the password came from the keyring. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (method_check (dialog, "autop"))));
  g_assert_false (gtk_widget_get_visible (child (dialog, "method_refusal_group")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "password_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, "user_row"))), ==,
                   "admin");
  before = phoneset_test_screenshot (GTK_WIDGET (dialog), "push-dialog-before");

  run_push (dialog, NULL);
  g_assert_cmpstr (outcome (dialog), ==, "Pushed and Verified");
  steps = group_rows (dialog, "steps_group");
  g_assert_cmpuint (steps->len, ==, 4);
  for (guint i = 0; i < steps->len; i++)
    g_assert_cmpstr (gtk_widget_get_name (g_ptr_array_index (steps, i)), ==, "done");
  results = group_rows (dialog, "result_group");
  g_assert_cmpuint (results->len, >=, 3);
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (results, 1)), ==,
                   "Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37");
  g_assert_nonnull (
    strstr (adw_action_row_get_subtitle (g_ptr_array_index (results, 2)), "28.72.0.1"));
  after = phoneset_test_screenshot (GTK_WIDGET (dialog), "push-dialog-after");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (phoneset_test_screenshot_after (GTK_WIDGET (dialog), "push-dialog-after-dark", 300));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* The phone applied the values; Phoneset counts them as the phone's. */
  phoneset_test_sim_assert_autop_applied (sim, "account.1.nat.stun_server", "stun.example.org");
  phoneset_test_sim_assert_autop_applied (sim, "network.vlan.internet_port_vid", "42");
  g_assert_false (phoneset_phone_has_changes (phone));
  g_assert_true (phoneset_phone_get_baseline (phone) != phoneset_phone_get_config (phone));
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_baseline (phone), "vlan.id"), ==, "42");
  g_assert_nonnull (phoneset_phone_get_last_push (phone));

  /* Done closes. */
  {
    gboolean gone = FALSE;

    g_object_weak_ref (G_OBJECT (dialog), gone_cb, &gone);
    g_assert_true (push_enabled (dialog));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (dialog, "push_button"))), ==,
                     "_Done");
    gtk_widget_activate (child (dialog, "push_button"));
    iterate_until (&gone, 3000);
    g_assert_true (gone);
  }
}

static void
test_push_wrong_password (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.82", sim_args);
  g_autoptr(PhonesetPhone) phone =
               sim_phone (sim, "yealink-legacy", "00:15:65:4a:a9:37", yealink_changes);
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  PhonesetPushDialog *dialog;
  GtkWidget          *password_row;
  g_autofree char    *shot = NULL;
  g_autofree char    *saved = NULL;

  phoneset_test_store_password (secrets, "127.0.0.82", "not-the-password");
  dialog = open_dialog (phone, secrets);
  password_row = child (dialog, "password_row");
  g_assert_false (gtk_widget_get_visible (password_row));

  /* The phone refuses: back to the form, with the password row. */
  run_push (dialog, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "stack"))), ==,
                   "setup");
  g_assert_true (gtk_widget_get_visible (password_row));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (
                              ADW_PREFERENCES_GROUP (child (dialog, "credentials_group"))),
                            "Wrong user name or password"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (dialog, "push_button"))), ==, "_Retry");
  g_assert_true (phoneset_phone_has_changes (phone));
  g_assert_null (phoneset_phone_get_last_push (phone));
  phoneset_test_iterate (200);
  /* The row has the focus: typing goes there, Enter retries. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), password_row));
  gtk_editable_set_text (GTK_EDITABLE (password_row), PHONESET_TEST_PASSWORD);
  shot = phoneset_test_screenshot (GTK_WIDGET (dialog), "push-dialog-password");
  /* The password is never shown in clear. */
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (password_row));

  run_push (dialog, NULL);
  g_assert_cmpstr (outcome (dialog), ==, "Pushed and Verified");
  phoneset_test_sim_assert_autop_applied (sim, "network.vlan.internet_port_vid", "42");
  g_assert_false (phoneset_phone_has_changes (phone));

  /* The password that worked is in the keyring now. */
  phoneset_test_iterate (100);
  saved = lookup_password (secrets, "127.0.0.82");
  g_assert_cmpstr (saved, ==, PHONESET_TEST_PASSWORD);
  close_dialog (dialog);
}

static void
test_push_fanvil_autop_refused (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  const char *changes[] = { "vlan.id", "42", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("fanvil", "127.0.0.83", sim_args);
  g_autoptr(PhonesetPhone) phone = sim_phone (sim, "fanvil", "00:a8:59:11:22:33", changes);
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  g_autoptr(GPtrArray) rows = NULL;
  PhonesetPushDialog *dialog;
  g_autofree char    *shot = NULL;
  const char         *text;

  phoneset_test_store_password (secrets, "127.0.0.83", PHONESET_TEST_PASSWORD);
  dialog = open_dialog (phone, secrets);
  rows = group_rows (dialog, "changes_group");
  g_assert_cmpuint (rows->len, ==, 1);

  /* Only PnP can work on a Fanvil: it is chosen; AutoP is explained. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (method_check (dialog, "pnp"))));
  g_assert_true (push_enabled (dialog));
  phoneset_push_dialog_set_via (dialog, "autop");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (method_check (dialog, "autop"))));
  g_assert_true (gtk_widget_get_visible (child (dialog, "method_refusal_group")));
  text = gtk_label_get_text (GTK_LABEL (child (dialog, "method_refusal_label")));
  g_assert_nonnull (strstr (text, "no documented way to set their provisioning URL"));
  g_assert_nonnull (strstr (text, "PnP on reboot"));
  g_assert_false (push_enabled (dialog));
  shot = phoneset_test_screenshot (GTK_WIDGET (dialog), "push-dialog-fanvil-autop");

  /* Nothing was sent to the phone. */
  {
    g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (state, "keys")), ==, 0);
  }
  close_dialog (dialog);
}

/* PnP on a phone with PnP off: it restarts and never asks, so the dialog
 * waits; Cancel (Escape) ends the wait at once. */
static void
test_push_cancel_during_wait (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.84", sim_args);
  g_autoptr(PhonesetPhone) phone =
               sim_phone (sim, "yealink-legacy", "00:15:65:4a:a9:37", yealink_changes);
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  g_autoptr(GPtrArray) steps = NULL;
  PhonesetPushDialog *dialog;
  g_autofree char    *shot = NULL;
  gint64              deadline;
  gint64              cancelled_at;

  phoneset_test_store_password (secrets, "127.0.0.84", PHONESET_TEST_PASSWORD);
  dialog = open_dialog (phone, secrets);
  phoneset_push_dialog_set_via (dialog, "pnp");
  phoneset_push_dialog_set_pnp_port (dialog, 0);
  phoneset_push_dialog_set_wait (dialog, 60);
  steps = group_rows (dialog, "steps_group");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "push.push", NULL));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (steps, 2)), "active") != 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  g_assert_cmpstr (gtk_widget_get_name (g_ptr_array_index (steps, 2)), ==, "active");
  g_assert_cmpstr (gtk_widget_get_name (g_ptr_array_index (steps, 1)), ==, "done");
  g_assert_true (phoneset_push_dialog_is_running (dialog));
  shot = phoneset_test_screenshot_after (GTK_WIDGET (dialog), "push-dialog-during", 400);

  cancelled_at = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "push.cancel", NULL));
  while (phoneset_push_dialog_is_running (dialog) &&
         g_get_monotonic_time () < cancelled_at + 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  g_assert_false (phoneset_push_dialog_is_running (dialog));
  g_assert_cmpint (g_get_monotonic_time () - cancelled_at, <, G_USEC_PER_SEC);
  g_assert_cmpstr (outcome (dialog), ==, "Push Cancelled");
  g_assert_cmpstr (gtk_widget_get_name (g_ptr_array_index (steps, 2)), ==, "failed");
  g_assert_true (phoneset_phone_has_changes (phone));
  g_assert_null (phoneset_phone_get_last_push (phone));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (dialog, "push_button"))), ==, "_Retry");
  g_free (shot);
  shot = phoneset_test_screenshot (GTK_WIDGET (dialog), "push-dialog-cancelled");

  close_dialog (dialog);
}

/* The phone refuses this computer: the allowed list, then its screen's
 * “Allow remote control?” prompt; each says what to do, and Retry works
 * once it is done. */
static void
test_push_refused (void)
{
  const char *blank[] = { "--no-prompt", "--allowed-ip=blank", NULL };
  const char *prompt[] = { NULL };
  g_autoptr(PhonesetTestSim) listed =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.86", blank);
  g_autoptr(PhonesetTestSim) asking =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.87", prompt);
  g_autoptr(PhonesetPhone) phone1 =
               sim_phone (listed, "yealink-legacy", "00:15:65:4a:a9:37", yealink_changes);
  g_autoptr(PhonesetPhone) phone2 =
               sim_phone (asking, "yealink-legacy", "00:15:65:4a:a9:37", yealink_changes);
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  PhonesetPushDialog *dialog;
  const char         *text;
  g_autofree char    *shot = NULL;
  g_autofree char    *shot2 = NULL;

  phoneset_test_store_password (secrets, "127.0.0.86", PHONESET_TEST_PASSWORD);
  phoneset_test_store_password (secrets, "127.0.0.87", PHONESET_TEST_PASSWORD);

  dialog = open_dialog (phone1, secrets);
  run_push (dialog, NULL);
  g_assert_cmpstr (outcome (dialog), ==, "The Phone Refused This Computer");
  text = gtk_label_get_text (GTK_LABEL (child (dialog, "outcome_label")));
  g_assert_nonnull (strstr (text, "active_uri.allowed_ip"));
  g_assert_nonnull (strstr (text, "allowed list"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (dialog, "push_button"))), ==, "_Retry");
  g_assert_true (push_enabled (dialog));
  shot = phoneset_test_screenshot (GTK_WIDGET (dialog), "push-dialog-not-allowed");
  g_assert_true (phoneset_phone_has_changes (phone1));
  close_dialog (dialog);

  dialog = open_dialog (phone2, secrets);
  run_push (dialog, NULL);
  g_assert_cmpstr (outcome (dialog), ==, "Confirm on the Phone's Screen");
  text = gtk_label_get_text (GTK_LABEL (child (dialog, "outcome_label")));
  g_assert_nonnull (strstr (text, "Allow remote control"));
  shot2 = phoneset_test_screenshot (GTK_WIDGET (dialog), "push-dialog-confirm-on-phone");
  phoneset_test_sim_control (asking, "confirm");
  run_push (dialog, NULL);
  g_assert_cmpstr (outcome (dialog), ==, "Pushed and Verified");
  g_assert_false (phoneset_phone_has_changes (phone2));
  close_dialog (dialog);
}

/* Nothing answers at the address; a phone that never fetches. */
static void
test_push_unreachable_and_timeout (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.89", sim_args);
  g_autoptr(PhonesetPhone) silent =
               sim_phone (sim, "yealink-legacy", "00:15:65:4a:a9:37", yealink_changes);
  g_autoptr(PhonesetPhone) gone =
               sim_phone (sim, "yealink-legacy", "00:15:65:4a:a9:37", yealink_changes);
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  PhonesetPushDialog *dialog;
  g_autofree char    *shot = NULL;

  phoneset_test_store_password (secrets, "127.0.0.88", PHONESET_TEST_PASSWORD);
  phoneset_test_store_password (secrets, "127.0.0.89", PHONESET_TEST_PASSWORD);
  /* Port 9 (discard): nothing listens on 127.0.0.88. */
  phoneset_phone_set_address (gone, "127.0.0.88:9");
  dialog = open_dialog (gone, secrets);
  run_push (dialog, NULL);
  g_assert_cmpstr (outcome (dialog), ==, "Phone Not Reachable");
  g_assert_nonnull (
    strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "outcome_label"))), "check the address"));
  shot = phoneset_test_screenshot (GTK_WIDGET (dialog), "push-dialog-unreachable");
  close_dialog (dialog);

  /* PnP on a phone with PnP off: it restarts and never asks. */
  dialog = open_dialog (silent, secrets);
  phoneset_push_dialog_set_via (dialog, "pnp");
  phoneset_push_dialog_set_pnp_port (dialog, 0);
  phoneset_push_dialog_set_wait (dialog, 1);
  run_push (dialog, NULL);
  g_assert_cmpstr (outcome (dialog), ==, "No Answer in Time");
  g_assert_nonnull (
    strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "outcome_label"))), "PnP is on"));
  g_assert_null (phoneset_phone_get_last_push (silent));
  close_dialog (dialog);
}

/* A phone whose config equals its baseline: nothing to push. */
static void
test_push_nothing (void)
{
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("127.0.0.85:8080");
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  PhonesetProfile *profile =
    phoneset_profiles_find (phoneset_application_get_profiles (app), "yealink-legacy");
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile);
  g_autoptr(GPtrArray) rows = NULL;
  PhonesetPushDialog *dialog;

  phoneset_phone_set_profile_id (phone, "yealink-legacy");
  phoneset_phone_set_config (phone, config);
  dialog = open_dialog (phone, secrets);
  rows = group_rows (dialog, "changes_group");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (gtk_widget_get_name (g_ptr_array_index (rows, 0)), ==, "nothing-to-push");
  g_assert_false (push_enabled (dialog));
  /* No password saved: the row asks for it. */
  g_assert_true (gtk_widget_get_visible (child (dialog, "password_row")));
  close_dialog (dialog);
}

/* Many changes: the first eight are listed, the rest behind one row that
 * makes them when it is opened (so the dialog shows quickly), in order. */
/* The rows of the changes list that stand for a setting (named by its id;
 * an expander row has a row of its own inside). */
static GPtrArray *
change_rows (PhonesetPushDialog *dialog)
{
  GPtrArray *rows = group_rows (dialog, "changes_group");

  for (guint i = rows->len; i > 0; i--)
    if (strchr (gtk_widget_get_name (g_ptr_array_index (rows, i - 1)), '.') == NULL)
      g_ptr_array_remove_index (rows, i - 1);
  return rows;
}

static void
test_push_many_changes (void)
{
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("127.0.0.86:8080");
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  PhonesetProfile *profile =
    phoneset_profiles_find (phoneset_application_get_profiles (app), "yealink-legacy");
  GPtrArray *settings = phoneset_profile_get_settings (profile);
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile);
  g_autoptr(PhonesetConfig) baseline = phoneset_config_copy (config);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char    *more_title = NULL;
  g_autofree char    *description = NULL;
  PhonesetPushDialog *dialog;
  GtkWidget          *more;
  guint               restarts = 0;

  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);

      if (phoneset_setting_get_value_type (setting) != PHONESET_SETTING_BOOL)
        continue;
      g_assert_true (phoneset_config_set (
        config, phoneset_setting_get_id (setting),
        g_strcmp0 (phoneset_setting_get_default (setting), "true") == 0 ? "false" : "true", NULL));
      g_ptr_array_add (ids, (gpointer)phoneset_setting_get_id (setting));
    }
  g_assert_cmpuint (ids->len, >, 8);
  phoneset_phone_set_profile_id (phone, "yealink-legacy");
  phoneset_phone_set_config (phone, config);
  phoneset_phone_set_baseline (phone, baseline);
  dialog = open_dialog (phone, secrets);

  description = g_strdup_printf ("%u settings change on the phone.", ids->len);
  g_assert_cmpstr (
    adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (dialog, "changes_group"))),
    ==, description);
  rows = change_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 8);
  more = phoneset_test_find_descendant (child (dialog, "changes_group"), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (more);
  more_title = g_strdup_printf ("%u more settings", ids->len - 8);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==, more_title);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (more), TRUE);
  phoneset_test_iterate (200);
  all = change_rows (dialog);
  g_assert_cmpuint (all->len, ==, ids->len);
  /* The restarts among the hidden ones are said on the closed row. */
  for (guint i = 8; i < all->len; i++)
    restarts += phoneset_setting_get_reboot (
      phoneset_profile_lookup_setting (profile, gtk_widget_get_name (g_ptr_array_index (all, i))));
  if (restarts > 0)
    {
      g_autofree char *expected = g_strdup_printf (
        restarts == 1 ? "%u of them needs a restart" : "%u of them need a restart", restarts);

      g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (more)), ==, expected);
    }
  else
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (more)), ==, "");
  /* The diff's order is the profile's; every changed setting once. */
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < all->len; j++)
        found = found || g_str_equal (gtk_widget_get_name (g_ptr_array_index (all, j)),
                                      g_ptr_array_index (ids, i));
      g_assert_true (found);
    }
  /* Closed and opened again: made once. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (more), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (more), TRUE);
  g_ptr_array_unref (all);
  all = change_rows (dialog);
  g_assert_cmpuint (all->len, ==, ids->len);
  g_free (phoneset_test_screenshot_after (GTK_WIDGET (dialog), "push-dialog-many-changes", 300));
  close_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = phoneset_test_app_new (&argc, &argv);

  g_test_add_func ("/push-dialog/autop", test_push_autop);
  g_test_add_func ("/push-dialog/wrong-password", test_push_wrong_password);
  g_test_add_func ("/push-dialog/fanvil-autop-refused", test_push_fanvil_autop_refused);
  g_test_add_func ("/push-dialog/cancel-during-wait", test_push_cancel_during_wait);
  g_test_add_func ("/push-dialog/refused", test_push_refused);
  g_test_add_func ("/push-dialog/unreachable-and-timeout", test_push_unreachable_and_timeout);
  g_test_add_func ("/push-dialog/nothing", test_push_nothing);
  g_test_add_func ("/push-dialog/many-changes", test_push_many_changes);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
