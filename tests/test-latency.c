/* test-latency.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window stays responsive during every long operation (issue 9): in the
 * real window (under Xvfb in CI), a probe on the main loop measures how late
 * it runs while a scan, a STUN test and a push run, one at a time and then
 * all three at once, and the lateness must stay under 50 ms (p99 and max).
 *
 * The probe is a source of its own at G_PRIORITY_DEFAULT, the priority of
 * input events and of every I/O callback of the operations themselves: it
 * asks to run every 10 ms and records by how much it was late (monotonic
 * clock). It also records how much of that the kernel kept this thread, or
 * the X server it waits for, from a CPU (/proc/.../schedstat), and the
 * main thread's CPU time. The frame gaps and the CPU time of each frame's
 * layout and paint are reported for a person to read.
 *
 * For each operation the bound (50 ms) is asserted by the clock when the
 * machine has CPUs to spare (load average below the number of CPUs, as in
 * CI, where the UI tests run one at a time), and always on the window's own
 * share (the lateness less the scheduler's waits, never less than the main
 * thread's CPU time). All three at once, beyond what the issue asks: under
 * 50 ms for 95 % of the ticks and no stall of 150 ms, on the window's own
 * share (see test_latency_all()).
 *
 * Everything is on loopback, in this test's own range 127.0.0.160–179:
 *   127.0.0.161–170  simulated phones answering SIP on 5060 (the scan)
 *   127.0.0.171–172  coturn on ports 3478/3479 (RFC 5780 needs two addresses)
 *   127.0.0.173      nothing: a STUN server that never answers
 *   127.0.0.176      the simulated phone the push goes to
 * and 127.0.1.0/24, which nothing in the tests listens on: 254 silent
 * addresses that the scan asks three times each before giving up.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "phoneset-application.h"
#include "phoneset-push-dialog.h"
#include "phoneset-stun-page.h"
#include "phoneset-test-app.h"
#include "phoneset-test-coturn.h"
#include "phoneset-test-sim.h"
#include "phoneset-test-utils.h"
#include "phoneset-window.h"
#include "phoneset-test-private.h"

/* The bound. */
#define MAX_LATE_MS       50
#define PROBE_INTERVAL_MS 10
#define N_SCAN_SIMS       10
#define SCAN_SUBNETS      "127.0.0.160/28,127.0.1.0/24"
#define COTURN_A          "127.0.0.171"
#define COTURN_B          "127.0.0.172"
#define COTURN_PORT       "3478"
#define CLOSED_SERVER     "127.0.0.173:3478"
#define PUSH_ADDRESS      "127.0.0.176"

static PhonesetApplication *app;

/* Waits (at most 10 s) until the main loop has had nothing to do but a
 * 10 ms timer for 300 ms: what was built before a measurement (a new
 * workspace lays out its pages, on a busy machine for a while) is done, as
 * it is long done when a person clicks. */
static void
settle (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 quiet_since = g_get_monotonic_time ();
  gint64 last = quiet_since;

  while (g_get_monotonic_time () < deadline &&
         g_get_monotonic_time () - quiet_since < 300 * G_TIME_SPAN_MILLISECOND)
    {
      gint64 now;

      phoneset_test_iterate (PROBE_INTERVAL_MS);
      now = g_get_monotonic_time ();
      if (now - last > (PROBE_INTERVAL_MS + 5) * G_TIME_SPAN_MILLISECOND)
        quiet_since = now;
      last = now;
    }
}

/* The probe ------------------------------------------------------------- */

/* How long this thread has waited for a CPU while it could run (the second
 * field of /proc/thread-self/schedstat, in ns), or -1 without schedstat. */
static gint64
runqueue_wait_ns (int fd)
{
  char    buffer[128];
  ssize_t n;

  if (fd < 0)
    return -1;
  n = pread (fd, buffer, sizeof buffer - 1, 0);
  if (n <= 0)
    return -1;
  buffer[n] = '\0';
  {
    g_auto(GStrv) fields = g_strsplit (buffer, " ", 3);

    return g_strv_length (fields) >= 2 ? g_ascii_strtoll (fields[1], NULL, 10) : -1;
  }
}

/* The X server this test draws on, when it is Xvfb on this machine: a
 * window waits for its answers, and on a busy machine the server waits
 * for a CPU too. */
static int
open_x_server_schedstat (void)
{
  const char *display = g_getenv ("DISPLAY");
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  if (display == NULL || proc == NULL)
    return -1;
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *cmdline = NULL;
      gsize            length = 0;
      g_autofree char *base = NULL;
      gboolean         ours = FALSE;

      if (!g_ascii_isdigit (name[0]) ||
          !g_file_get_contents (cmdline_path, &cmdline, &length, NULL) || length == 0)
        continue;
      base = g_path_get_basename (cmdline);
      if (!g_str_equal (base, "Xvfb"))
        continue;
      for (const char *arg = cmdline; arg < cmdline + length; arg += strlen (arg) + 1)
        if (g_str_equal (arg, display))
          ours = TRUE;
      if (ours)
        {
          g_autofree char *path = g_build_filename ("/proc", name, "schedstat", NULL);

          return open (path, O_RDONLY | O_CLOEXEC);
        }
    }
  return -1;
}

typedef struct
{
  GSource   *source;
  gint64     due;
  gint64     started;
  int        schedstat;   /* /proc/thread-self/schedstat, or -1 */
  int        x_schedstat; /* the X server\'s, or -1 */
  gint64     last_wait;   /* ns */
  gint64     last_x_wait;
  gint64     last_cpu; /* µs */
  GArray    *late;     /* gint64, µs, by the clock */
  GArray    *own;      /* the same less the time the kernel kept us from a CPU */
  GArray    *busy;     /* CPU time of this thread between two ticks */
  GString   *worst;    /* the stalls over half the bound, when and how long */
  GtkWidget *widget;
  guint      tick_id;
  GPtrArray *clocks;      /* the toplevels' frame clocks */
  gint64     phase_start; /* CPU time when a frame's layout or paint began */
  double     max_layout_ms;
  double     max_paint_ms;
  gint64     last_frame;
  GArray    *frame_gaps; /* gint64, µs */
} Probe;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
probe_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs probe_funcs = { NULL, NULL, probe_dispatch, NULL, NULL, NULL };

static gboolean
probe_cb (gpointer user_data)
{
  Probe *probe = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 late = MAX (now - probe->due, 0);
  gint64 wait = runqueue_wait_ns (probe->schedstat);
  gint64 x_wait = runqueue_wait_ns (probe->x_schedstat);
  gint64 cpu = thread_cpu_us ();
  gint64 own = late;
  gint64 busy = cpu - probe->last_cpu;

  /* Time spent runnable but not running, by this thread or by the X server
   * it waits for, is the machine's load, not the window's work. A blocking
   * call (file, DNS, sleep) still counts, and so does every bit of CPU
   * time the main thread used since the last tick. */
  if (wait >= 0 && probe->last_wait >= 0)
    {
      gint64 waited = (wait - probe->last_wait) / 1000;

      if (x_wait >= 0 && probe->last_x_wait >= 0)
        waited += (x_wait - probe->last_x_wait) / 1000;
      own = MIN (late, MAX (late - waited, busy));
    }
  g_array_append_val (probe->late, late);
  g_array_append_val (probe->own, own);
  g_array_append_val (probe->busy, busy);
  if (late >= MAX_LATE_MS * G_TIME_SPAN_MILLISECOND / 2)
    g_string_append_printf (probe->worst, " %.0f ms (own %.0f, CPU %.0f) at %.0f ms;",
                            late / 1000.0, own / 1000.0, busy / 1000.0,
                            (probe->due - probe->started) / 1000.0);
  probe->last_wait = wait;
  probe->last_x_wait = x_wait;
  probe->last_cpu = cpu;
  probe->due = now + PROBE_INTERVAL_MS * G_TIME_SPAN_MILLISECOND;
  g_source_set_ready_time (probe->source, probe->due);
  return G_SOURCE_CONTINUE;
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  Probe *probe = user_data;
  gint64 now = g_get_monotonic_time ();

  if (probe->last_frame != 0)
    {
      gint64 gap = now - probe->last_frame;

      g_array_append_val (probe->frame_gaps, gap);
    }
  probe->last_frame = now;
  return G_SOURCE_CONTINUE;
}

/* The CPU time of each frame's layout and paint, for the report: the
 * phases run one after the other, so each one's handlers, connected last,
 * mark where the next begins. */
static void
update_done_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  probe->phase_start = thread_cpu_us ();
}

static void
layout_done_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  gint64 now = thread_cpu_us ();

  probe->max_layout_ms = MAX (probe->max_layout_ms, (now - probe->phase_start) / 1000.0);
  probe->phase_start = now;
}

static void
paint_done_cb (GdkFrameClock *clock,
               Probe         *probe)
{
  probe->max_paint_ms = MAX (probe->max_paint_ms, (thread_cpu_us () - probe->phase_start) / 1000.0);
}

static Probe *
probe_start (GtkWidget *widget)
{
  Probe *probe = g_new0 (Probe, 1);

  settle ();
  probe->late = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe->own = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe->busy = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe->frame_gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe->worst = g_string_new (NULL);
  probe->schedstat = open ("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
  probe->x_schedstat = open_x_server_schedstat ();
  probe->last_wait = runqueue_wait_ns (probe->schedstat);
  probe->last_x_wait = runqueue_wait_ns (probe->x_schedstat);
  probe->last_cpu = thread_cpu_us ();
  probe->source = g_source_new (&probe_funcs, sizeof (GSource));
  g_source_set_priority (probe->source, G_PRIORITY_DEFAULT);
  g_source_set_name (probe->source, "latency probe");
  g_source_set_callback (probe->source, probe_cb, probe, NULL);
  probe->started = g_get_monotonic_time ();
  probe->due = probe->started + PROBE_INTERVAL_MS * G_TIME_SPAN_MILLISECOND;
  g_source_set_ready_time (probe->source, probe->due);
  g_source_attach (probe->source, NULL);
  probe->widget = g_object_ref (widget);
  probe->tick_id = gtk_widget_add_tick_callback (widget, frame_cb, probe, NULL);
  probe->clocks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);
      GdkFrameClock *clock = gtk_widget_get_frame_clock (toplevel);

      if (clock == NULL)
        continue;
      g_signal_connect (clock, "update", G_CALLBACK (update_done_cb), probe);
      g_signal_connect (clock, "layout", G_CALLBACK (layout_done_cb), probe);
      g_signal_connect (clock, "paint", G_CALLBACK (paint_done_cb), probe);
      g_ptr_array_add (probe->clocks, g_object_ref (clock));
    }
  return probe;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  guint  n;
  double p50_ms;
  double p95_ms;
  double p99_ms;
  double max_ms;
} Stats;

static Stats
stats_of (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  Stats stats = { sorted->len, 0, 0, 0, 0 };

  if (sorted->len == 0)
    return stats;
  g_array_sort (sorted, compare_int64);
  stats.p50_ms = g_array_index (sorted, gint64, (sorted->len - 1) / 2) / 1000.0;
  /* The values 95 % and 99 % of the samples are at or below. */
  stats.p95_ms =
    g_array_index (sorted, gint64, (guint)((sorted->len * 95 + 99) / 100) - 1) / 1000.0;
  stats.p99_ms =
    g_array_index (sorted, gint64, (guint)((sorted->len * 99 + 99) / 100) - 1) / 1000.0;
  stats.max_ms = g_array_index (sorted, gint64, sorted->len - 1) / 1000.0;
  return stats;
}

/* Whether more was runnable in the last minute than there are CPUs
 * (/proc/loadavg). */
static gboolean
machine_overloaded (void)
{
  g_autofree char *text = NULL;
  double           load;
  static gboolean  said;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return FALSE;
  load = g_ascii_strtod (text, NULL);
  if (load < g_get_num_processors ())
    return FALSE;
  if (!said)
    g_test_message (
      "the load average is %.1f on %u CPUs: lateness by the clock is reported, not asserted", load,
      g_get_num_processors ());
  said = TRUE;
  return TRUE;
}

/* Stops @probe, reports what it saw and asserts the bound: the window's
 * own lateness under @overloaded_bound_ms at p99 and at most; with
 * @stall_bound_ms (not 0), under @overloaded_bound_ms at p95 and under
 * @stall_bound_ms at most. */
static void
probe_finish (Probe      *probe,
              const char *what,
              double      overloaded_bound_ms,
              double      stall_bound_ms)
{
  double elapsed_ms = (g_get_monotonic_time () - probe->started) / 1000.0;
  Stats  late;
  Stats  own;
  Stats  busy;
  Stats  frames;

  /* The tick that is due now still counts: one last iteration. */
  g_main_context_iteration (NULL, FALSE);
  g_source_destroy (probe->source);
  g_source_unref (probe->source);
  gtk_widget_remove_tick_callback (probe->widget, probe->tick_id);
  for (guint i = 0; i < probe->clocks->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (probe->clocks, i), probe);
  g_ptr_array_unref (probe->clocks);
  g_object_unref (probe->widget);
  if (probe->schedstat >= 0)
    close (probe->schedstat);
  if (probe->x_schedstat >= 0)
    close (probe->x_schedstat);

  late = stats_of (probe->late);
  own = stats_of (probe->own);
  busy = stats_of (probe->busy);
  frames = stats_of (probe->frame_gaps);
  g_test_message (
    "latency %s: %.0f ms, %u ticks every %u ms: late p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
    "less waits for a CPU (ours and the X server's): p99 %.1f ms, max %.1f ms; main thread CPU "
    "between ticks: max %.1f ms; "
    "%u frames: gap p50 %.1f ms, p99 %.1f ms, max %.1f ms; CPU of a frame's layout: max %.1f ms, "
    "paint: max %.1f ms",
    what, elapsed_ms, late.n, PROBE_INTERVAL_MS, late.p50_ms, late.p99_ms, late.max_ms, own.p99_ms,
    own.max_ms, busy.max_ms, frames.n, frames.p50_ms, frames.p99_ms, frames.max_ms,
    probe->max_layout_ms, probe->max_paint_ms);
  if (probe->worst->len > 0)
    g_test_message (
      "latency %s: late by %u ms or more (times from %.3f s of the monotonic clock):%s", what,
      MAX_LATE_MS / 2, probe->started / (double)G_USEC_PER_SEC, probe->worst->str);

  /* The probe ran all along: a loop that stalled would have fewer ticks. */
  g_assert_cmpuint (late.n, >=, (guint)(elapsed_ms / (PROBE_INTERVAL_MS + MAX_LATE_MS)));
  /* On a machine with CPUs to spare, the bound holds by the clock.
   * On one with more to run than it has CPUs (tests and builds beside this
   * one), the scheduler's share is reported but not held against the
   * window: what the window itself holds up, blocking calls included,
   * stays under @overloaded_bound_ms. */
  if (!machine_overloaded () && stall_bound_ms == 0)
    {
      g_assert_cmpfloat (late.p99_ms, <, MAX_LATE_MS);
      g_assert_cmpfloat (late.max_ms, <, MAX_LATE_MS);
    }
  g_test_message ("latency %s: the window's own share: p95 %.1f ms, p99 %.1f ms, max %.1f ms", what,
                  own.p95_ms, own.p99_ms, own.max_ms);
  if (stall_bound_ms > 0)
    {
      g_assert_cmpfloat (own.p95_ms, <, overloaded_bound_ms);
      g_assert_cmpfloat (own.max_ms, <, stall_bound_ms);
    }
  else
    {
      g_assert_cmpfloat (own.p99_ms, <, overloaded_bound_ms);
      g_assert_cmpfloat (own.max_ms, <, overloaded_bound_ms);
    }

  g_array_unref (probe->late);
  g_array_unref (probe->own);
  g_array_unref (probe->busy);
  g_array_unref (probe->frame_gaps);
  g_string_free (probe->worst, TRUE);
  g_free (probe);
}

/* Runs the main loop (blocking, so that the test adds no lateness of its
 * own) until *@done, at most @ms. */
static void
iterate_until (const gboolean *done,
               guint           ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (!*done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* The window ------------------------------------------------------------ */

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

/* The scan -------------------------------------------------------------- */

typedef struct
{
  PhonesetTestSim *sims[N_SCAN_SIMS];
} ScanSims;

static void
scan_sims_start (ScanSims *sims)
{
  /* The sweep asks SIP on 5060, as phones answer there. */
  const char *sim_args[] = { "--no-prompt", "--sip-port=5060", NULL };
  const char *vendors[] = { "yealink", "snom", "fanvil" };

  for (guint i = 0; i < N_SCAN_SIMS; i++)
    {
      g_autofree char *address = g_strdup_printf ("127.0.0.%u", 161 + i);

      sims->sims[i] =
        phoneset_test_sim_start (vendors[i % G_N_ELEMENTS (vendors)], address, sim_args);
    }
}

static void
scan_sims_stop (ScanSims *sims)
{
  for (guint i = 0; i < N_SCAN_SIMS; i++)
    g_clear_pointer (&sims->sims[i], phoneset_test_sim_stop);
}

static gboolean
scanning (PhonesetWindow *window)
{
  return gtk_revealer_get_reveal_child (
    GTK_REVEALER (phoneset_test_window_child (window, "scan_revealer")));
}

/* What the Scan button does, over this test's range. */
static void
start_scan (PhonesetWindow *window)
{
  g_setenv ("PHONESET_SCAN_SUBNETS", SCAN_SUBNETS, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.scan", NULL));
  g_unsetenv ("PHONESET_SCAN_SUBNETS");
  g_assert_true (scanning (window));
}

/* Every simulated phone was found, with its vendor. */
static void
assert_scan_found (PhonesetWindow *window)
{
  GListModel *phones = phoneset_window_get_phones (window);

  for (guint i = 0; i < N_SCAN_SIMS; i++)
    {
      g_autofree char *address = g_strdup_printf ("127.0.0.%u", 161 + i);
      gboolean         found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (phones); j++)
        {
          g_autoptr(PhonesetPhone) phone = g_list_model_get_item (phones, j);

          if (g_strcmp0 (phoneset_phone_get_address (phone), address) == 0)
            {
              g_assert_nonnull (phoneset_phone_get_vendor (phone));
              found = TRUE;
            }
        }
      if (!found)
        g_error ("The scan did not find the simulated phone at %s", address);
    }
}

static void
test_latency_scan (void)
{
  ScanSims        sims = { { NULL } };
  PhonesetWindow *window;
  Probe          *probe;
  gint64          deadline;

  scan_sims_start (&sims);
  window = phoneset_test_app_open_window (app);
  /* After a scan, whether each phone answers is checked, as for a user. */
  g_setenv ("PHONESET_REACHABILITY", "on", TRUE);

  probe = probe_start (GTK_WIDGET (window));
  start_scan (window);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (scanning (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (scanning (window));
  /* What follows a scan (saving the phones, the reachability checks) too. */
  phoneset_test_iterate (500);
  probe_finish (probe, "scan", MAX_LATE_MS, 0);

  g_setenv ("PHONESET_REACHABILITY", "off", TRUE);
  assert_scan_found (window);
  g_test_message ("the scan listed %u phones",
                  g_list_model_get_n_items (phoneset_window_get_phones (window)));

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
  scan_sims_stop (&sims);
}

/* STUN ------------------------------------------------------------------ */

/* A real coturn on this test's addresses (tests/phoneset-test-coturn.h:
 * files of its own, ready when it answers), or NULL when not installed. */
static PhonesetTestCoturn *
coturn_start (void)
{
  return phoneset_test_coturn_start_full (COTURN_A, COTURN_B, atoi (COTURN_PORT), 20000, TRUE,
                                          "test:secret");
}

static void
stun_finished_cb (PhonesetStunPage *page,
                  gboolean         *done)
{
  *done = TRUE;
}

/* The phone at @address whose STUN server is our coturn, its workspace open
 * on the STUN page. */
static PhonesetStunPage *
open_stun_page (PhonesetWindow *window,
                PhonesetPhone  *phone)
{
  PhonesetPhoneView *view;
  GtkWidget         *page;

  /* The workspace makes the phone's config; opened again, it shows the values. */
  view = phoneset_window_show_phone (window, phone);
  phoneset_config_set (phoneset_phone_get_config (phone), "nat.stun.server", COTURN_A, NULL);
  phoneset_config_set (phoneset_phone_get_config (phone), "nat.stun.port", COTURN_PORT, NULL);
  phoneset_config_set (phoneset_phone_get_config (phone), "nat.turn.user", "test", NULL);
  phoneset_config_set (phoneset_phone_get_config (phone), "nat.turn.password", "secret", NULL);
  view = phoneset_window_show_phone (window, phone);
  g_assert_true (phoneset_phone_view_show_page (view, "stun"));
  phoneset_test_iterate (300);
  page = phoneset_test_find_descendant (GTK_WIDGET (view), PHONESET_TYPE_STUN_PAGE);
  g_assert_nonnull (page);
  /* 3478 is STUN's own port: the page leaves it out. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     gtk_widget_get_template_child (page, PHONESET_TYPE_STUN_PAGE, "server_row"))),
                   ==, COTURN_A);
  return PHONESET_STUN_PAGE (page);
}

static const char *
stun_verdict (PhonesetStunPage *page)
{
  return gtk_label_get_text (GTK_LABEL (
    gtk_widget_get_template_child (GTK_WIDGET (page), PHONESET_TYPE_STUN_PAGE, "verdict_label")));
}

static void
test_latency_stun (void)
{
  PhonesetTestCoturn *coturn = NULL;
  PhonesetWindow     *window;
  PhonesetStunPage   *page;
  GtkWidget          *server_row;
  Probe              *probe;
  gboolean            done = FALSE;
  g_autoptr(PhonesetPhone) phone = NULL;

  if ((coturn = coturn_start ()) == NULL)
    {
      g_test_skip ("coturn (turnserver) is not installed; build-aux/dev test installs it");
      return;
    }
  window = phoneset_test_app_open_window (app);
  phone = phoneset_phone_new (PUSH_ADDRESS);
  phoneset_phone_set_profile_id (phone, "yealink-v8x");
  phoneset_window_add_phone (window, phone);
  page = open_stun_page (window, phone);
  g_signal_connect (page, "finished", G_CALLBACK (stun_finished_cb), &done);

  /* A server that answers: every stage, TURN included. */
  probe = probe_start (GTK_WIDGET (window));
  phoneset_stun_page_run (page);
  iterate_until (&done, 30000);
  g_assert_true (done);
  probe_finish (probe, "stun (coturn)", MAX_LATE_MS, 0);
  g_assert_nonnull (phoneset_stun_page_get_result (page));
  g_assert_cmpstr (stun_verdict (page), ==, "Open internet (no NAT, no firewall)");

  /* A server that never answers: retransmissions until the test gives up. */
  server_row = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (page), PHONESET_TYPE_STUN_PAGE, "server_row"));
  gtk_editable_set_text (GTK_EDITABLE (server_row), CLOSED_SERVER);
  done = FALSE;
  probe = probe_start (GTK_WIDGET (window));
  phoneset_stun_page_run (page);
  iterate_until (&done, 30000);
  g_assert_true (done);
  probe_finish (probe, "stun (no answer)", MAX_LATE_MS, 0);
  g_test_message ("no answer: %s", stun_verdict (page));

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
  phoneset_test_coturn_stop (coturn);
}

/* Push ------------------------------------------------------------------ */

/* A phone at the simulator with many changes: every setting of the profile
 * except those that would change how the phone is reached or provisioned. */
static PhonesetPhone *
push_phone (PhonesetTestSim *sim,
            guint           *n_changes)
{
  g_autofree char *address = phoneset_test_sim_http (sim);
  PhonesetPhone   *phone = phoneset_phone_new (address);
  PhonesetProfile *profile =
    phoneset_profiles_find (phoneset_application_get_profiles (app), "yealink-legacy");
  g_autoptr(PhonesetConfig) config = NULL;
  g_autoptr(PhonesetConfig) baseline = NULL;
  GPtrArray *settings;

  g_assert_nonnull (profile);
  config = phoneset_config_new (profile);
  baseline = phoneset_config_copy (config);
  settings = phoneset_profile_get_settings (profile);
  *n_changes = 0;
  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);
      const char      *id = phoneset_setting_get_id (setting);
      g_autofree char *value = NULL;

      if (g_str_has_prefix (id, "provisioning.") || g_str_has_prefix (id, "active_uri.") ||
          g_str_has_prefix (id, "sip."))
        continue;
      switch (phoneset_setting_get_value_type (setting))
        {
        case PHONESET_SETTING_BOOL:
          value = g_strdup (
            g_strcmp0 (phoneset_setting_get_default (setting), "true") == 0 ? "false" : "true");
          break;
        case PHONESET_SETTING_INT:
          value = g_strdup_printf (
            "%" G_GINT64_FORMAT,
            phoneset_setting_get_min (setting) +
              (phoneset_setting_get_max (setting) > phoneset_setting_get_min (setting) ? 1 : 0));
          break;
        case PHONESET_SETTING_ENUM:
          {
            GPtrArray *values = phoneset_setting_get_enum_values (setting);

            value =
              g_strdup (((PhonesetEnumValue *)g_ptr_array_index (values, values->len - 1))->id);
          }
          break;
        case PHONESET_SETTING_URL:
          value = g_strdup_printf ("http://127.0.0.177/event?id=%s", id);
          break;
        case PHONESET_SETTING_HOST:
          value = g_strdup ("stun.example.org");
          break;
        case PHONESET_SETTING_PORT:
          value = g_strdup ("3479");
          break;
        case PHONESET_SETTING_STRING:
          value = g_strdup_printf ("%u", 2000 + i);
          break;
        case PHONESET_SETTING_HOST_PORT:
        case PHONESET_SETTING_PASSWORD:
        case PHONESET_SETTING_IP_LIST:
        case PHONESET_SETTING_MAC:
        default:
          break;
        }
      if (value != NULL && phoneset_config_set (config, id, value, NULL))
        (*n_changes)++;
    }
  phoneset_phone_set_profile_id (phone, "yealink-legacy");
  phoneset_phone_set_vendor (phone, phoneset_profile_get_vendor (profile));
  phoneset_phone_set_name (phone, "Reception desk");
  phoneset_phone_set_mac (phone, "00:15:65:4a:a9:37");
  phoneset_phone_set_config (phone, config);
  phoneset_phone_set_baseline (phone, baseline);

  phoneset_test_store_password (phoneset_application_get_secret_store (app), PUSH_ADDRESS,
                                PHONESET_TEST_PASSWORD);
  return phone;
}

/* Opens the Push dialog from the phone's workspace, as Ctrl+Shift+P does. */
static PhonesetPushDialog *
open_push_dialog (PhonesetPhoneView *view)
{
  PhonesetPushDialog *dialog;
  gint64              start;

  phoneset_test_iterate (200);
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.push", NULL));
  dialog = PHONESET_PUSH_DIALOG (phoneset_test_find_window (PHONESET_TYPE_PUSH_DIALOG));
  g_test_message ("the push dialog showed after %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  phoneset_push_dialog_set_wait (dialog, 15);
  /* The keyring lookup is async. */
  phoneset_test_iterate (300);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (dialog), PHONESET_TYPE_PUSH_DIALOG, "push_button"))));
  return dialog;
}

static void
start_push (PhonesetPushDialog *dialog)
{
  gint64 deadline;

  /* Enter: the push button is the default widget. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  /* A button activated from the keyboard clicks after its press animation. */
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (!phoneset_push_dialog_is_running (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (phoneset_push_dialog_is_running (dialog));
}

static const char *
push_outcome (PhonesetPushDialog *dialog)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (
    GTK_WIDGET (dialog), PHONESET_TYPE_PUSH_DIALOG, "outcome_title")));
}

static void
close_dialog (PhonesetPushDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  phoneset_test_iterate (100);
}

static void
test_latency_push (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", PUSH_ADDRESS, sim_args);
  PhonesetWindow     *window = phoneset_test_app_open_window (app);
  PhonesetPushDialog *dialog;
  Probe              *probe;
  guint               n_changes;
  gint64              deadline;
  g_autoptr(PhonesetPhone) phone = push_phone (sim, &n_changes);

  g_test_message ("pushing %u changed settings", n_changes);
  g_assert_cmpuint (n_changes, >=, 40);
  phoneset_window_add_phone (window, phone);
  dialog = open_push_dialog (phoneset_window_show_phone (window, phone));

  probe = probe_start (GTK_WIDGET (dialog));
  start_push (dialog);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (phoneset_push_dialog_is_running (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (phoneset_push_dialog_is_running (dialog));
  probe_finish (probe, "push", MAX_LATE_MS, 0);
  g_assert_cmpstr (push_outcome (dialog), ==, "Pushed and Verified");
  phoneset_test_sim_assert_autop_applied (sim, "account.1.nat.stun_server", "stun.example.org");

  close_dialog (dialog);
  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* All three at once: the push dialog over the window, whose phone runs its
 * STUN test, while the sidebar fills from a scan. */
static void
test_latency_all (void)
{
  const char *sim_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim =
               phoneset_test_sim_start_profile ("yealink-legacy", PUSH_ADDRESS, sim_args);
  PhonesetTestCoturn *coturn = NULL;
  ScanSims            sims = { { NULL } };
  PhonesetWindow     *window;
  PhonesetPushDialog *dialog;
  PhonesetStunPage   *page;
  Probe              *probe;
  guint               n_changes;
  gboolean            stun_done = FALSE;
  gint64              deadline;
  g_autoptr(PhonesetPhone) phone = NULL;

  if ((coturn = coturn_start ()) == NULL)
    {
      g_test_skip ("coturn (turnserver) is not installed; build-aux/dev test installs it");
      return;
    }
  scan_sims_start (&sims);
  window = phoneset_test_app_open_window (app);
  phone = push_phone (sim, &n_changes);
  phoneset_window_add_phone (window, phone);
  page = open_stun_page (window, phone);
  g_signal_connect (page, "finished", G_CALLBACK (stun_finished_cb), &stun_done);
  dialog = open_push_dialog (
    PHONESET_PHONE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (page), PHONESET_TYPE_PHONE_VIEW)));

  probe = probe_start (GTK_WIDGET (window));
  start_scan (window);
  phoneset_stun_page_run (page);
  start_push (dialog);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while ((scanning (window) || !stun_done || phoneset_push_dialog_is_running (dialog)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  /* Three operations and two windows at once, beyond what the issue asks
   * (each operation alone), on the window's own share: the bound
   * for 95 % of the ticks, and no stall of 150 ms. One frame, where the
   * STUN result, the scan's new phones and the push's end meet, lays out
   * for 31-94 ms of main-thread CPU (15 runs on 2 quiet CPUs, 2026-11-21);
   * the worst tick was under 100 ms in 12 of them, 100-103 ms in 3. The
   * clock figures are reported, not asserted. */
  probe_finish (probe, "scan + stun + push", MAX_LATE_MS, 3 * MAX_LATE_MS);

  g_assert_false (scanning (window));
  g_assert_true (stun_done);
  g_assert_false (phoneset_push_dialog_is_running (dialog));
  g_assert_cmpstr (stun_verdict (page), ==, "Open internet (no NAT, no firewall)");
  g_assert_cmpstr (push_outcome (dialog), ==, "Pushed and Verified");
  phoneset_test_sim_assert_autop_applied (sim, "account.1.nat.stun_server", COTURN_A);
  assert_scan_found (window);

  close_dialog (dialog);
  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
  scan_sims_stop (&sims);
  phoneset_test_coturn_stop (coturn);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Xvfb has no GPU: GTK's GL renderer would run on llvmpipe, whose every
   * frame of this window costs 50-200 ms of CPU on a busy 2-core machine
   * whatever the window does, and this test would measure Mesa. Cairo
   * draws in software too, on the main loop, so a window that redraws
   * too much still shows here. GSK_RENDERER set outside wins. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  app = phoneset_test_app_new (&argc, &argv);

  g_test_add_func ("/latency/scan", test_latency_scan);
  g_test_add_func ("/latency/stun", test_latency_stun);
  g_test_add_func ("/latency/push", test_latency_push);
  g_test_add_func ("/latency/all", test_latency_all);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
