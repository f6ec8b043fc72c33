/* test-push-core.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PhonesetPush driven directly against simulated phones on 127.0.0.x: the
 * steps it reports, a cancel while it waits for the fetch, and which
 * methods a vendor can do at all.
 */

#include "config.h"

#include <string.h>

#include "phoneset-error.h"
#include "phoneset-push.h"
#include "phoneset-test-sim.h"
#include "phoneset-test-catalog.h"

typedef struct
{
  GArray             *steps;
  PhonesetPushResult *result;
  GError             *error;
  gboolean            done;
} Run;

static void
step_cb (PhonesetPush *push,
         guint         step,
         Run          *run)
{
  g_array_append_val (run->steps, step);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->result = phoneset_push_run_finish (PHONESET_PUSH (source), result, &run->error);
  run->done = TRUE;
}

static GPtrArray *
load_profiles (void)
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };

  return phoneset_test_load_profiles (dirs, NULL);
}

/* A push to @sim as the phone's own profile says. */
static PhonesetPush *
new_push (PhonesetTestSim *sim,
          const char      *profile_id,
          const char      *via,
          Run             *run)
{
  g_autoptr(GPtrArray) profiles = load_profiles ();
  g_autoptr(PhonesetActiveUri) active_uri = phoneset_active_uri_new_for_profile (
    phoneset_profiles_find (profiles, profile_id), NULL, NULL);
  g_autoptr(PhonesetRemote) remote =
               phoneset_remote_new (sim->address, sim->http_port, FALSE, active_uri);
  g_autoptr(GBytes) file =
               g_bytes_new_static ("#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 42\n", 53);
  PhonesetPush *push;

  phoneset_remote_set_credentials (remote, "admin", PHONESET_TEST_PASSWORD);
  push = phoneset_push_new (remote, file, "phoneset.cfg");
  phoneset_push_set_delivery (push, phoneset_delivery_find (via));
  phoneset_push_set_pnp_port (push, 0);
  phoneset_push_set_wait (push, 30);
  run->steps = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (push, "step", G_CALLBACK (step_cb), run);
  return push;
}

static void
wait_done (Run   *run,
           guint  ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (!run->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  g_assert_true (run->done);
}

static void
test_steps (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.91", sim_args);
  Run run = { 0 };
  g_autoptr(PhonesetPush) push = new_push (sim, "yealink-legacy", "autop", &run);

  phoneset_push_run_async (push, NULL, done_cb, &run);
  wait_done (&run, 10000);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.result);

  /* In order; waiting is skipped when the fetch beats the trigger's answer. */
  g_assert_cmpuint (run.steps->len, >=, 3);
  g_assert_cmpuint (g_array_index (run.steps, guint, 0), ==, PHONESET_PUSH_STEP_SERVING);
  g_assert_cmpuint (g_array_index (run.steps, guint, 1), ==, PHONESET_PUSH_STEP_TELLING);
  g_assert_cmpuint (g_array_index (run.steps, guint, run.steps->len - 1), ==,
                    PHONESET_PUSH_STEP_VERIFYING);
  for (guint i = 1; i < run.steps->len; i++)
    g_assert_cmpuint (g_array_index (run.steps, guint, i), >,
                      g_array_index (run.steps, guint, i - 1));

  g_object_unref (run.result);
  g_array_unref (run.steps);
}

/* A phone with PnP off restarts and never asks: the push waits until it is
 * cancelled, and then ends at once. */
static void
test_cancel_while_waiting (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", "127.0.0.92", sim_args);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run run = { 0 };
  g_autoptr(PhonesetPush) push = new_push (sim, "yealink-legacy", "pnp", &run);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 cancelled_at;

  phoneset_push_run_async (push, cancellable, done_cb, &run);
  while ((run.steps->len == 0 ||
          g_array_index (run.steps, guint, run.steps->len - 1) != PHONESET_PUSH_STEP_WAITING) &&
         !run.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  g_assert_false (run.done);
  g_assert_cmpuint (g_array_index (run.steps, guint, run.steps->len - 1), ==,
                    PHONESET_PUSH_STEP_WAITING);

  cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  wait_done (&run, 2000);
  g_assert_cmpint (g_get_monotonic_time () - cancelled_at, <, G_USEC_PER_SEC);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.result);

  g_clear_error (&run.error);
  g_array_unref (run.steps);
}

static void
test_via_check (void)
{
  g_autoptr(PhonesetCatalog) catalog = phoneset_catalog_new_default ();
  g_autoptr(PhonesetActiveUri) yealink =
               phoneset_catalog_new_active_uri_for_vendor (catalog, "yealink", NULL, NULL);
  g_autoptr(PhonesetActiveUri) fanvil =
               phoneset_catalog_new_active_uri_for_vendor (catalog, "fanvil", NULL, NULL);
  g_autoptr(PhonesetActiveUri) snom =
               phoneset_catalog_new_active_uri_for_vendor (catalog, "snom", NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (phoneset_delivery_check (phoneset_delivery_find ("autop"), yealink, NULL));
  g_assert_true (phoneset_delivery_check (phoneset_delivery_find ("check-sync"), yealink, NULL));
  g_assert_true (phoneset_delivery_check (phoneset_delivery_find ("pnp"), yealink, NULL));
  g_assert_true (phoneset_delivery_check (phoneset_delivery_find ("pnp"), fanvil, NULL));
  g_assert_true (phoneset_delivery_check (phoneset_delivery_find ("pnp"), snom, NULL));
  g_assert_false (phoneset_delivery_check (phoneset_delivery_find ("autop"), fanvil, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "no documented way to set their provisioning URL"));
  g_clear_error (&error);
  g_assert_false (phoneset_delivery_check (phoneset_delivery_find ("autop"), snom, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/push-core/steps", test_steps);
  g_test_add_func ("/push-core/cancel-while-waiting", test_cancel_while_waiting);
  g_test_add_func ("/push-core/via-check", test_via_check);

  return g_test_run ();
}
