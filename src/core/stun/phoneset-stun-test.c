/* phoneset-stun-test.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The STUN / TURN / ICE self-test, async: it runs in a thread of its own
 * (its timing is the network's, not the window's) and reports to the
 * caller's main context.
 *
 * A run has two phases. First the name is resolved and the bindings run
 * over each transport (UDP from two sockets at once, TCP, TLS). Then what
 * needs a binding starts at the same time: mapping, filtering and
 * hairpinning, the binding lifetime, TURN and ICE. When the last of them
 * ends, the measurements go to the verdict (phoneset-stun-verdict.c) and
 * the result to the caller. Each part lives in a file of its own; see
 * phoneset-stun-test-private.h.
 *
 * Every wait is bounded. Requests that must be answered are retransmitted
 * with an RTO from the RTT of the first binding (RFC 6298: SRTT + 4·RTTVAR
 * = 3·RTT at first), floored at 25 ms rather than 500 ms so that a test
 * ends in well under a second. A filtering verdict is trusted only if the
 * server's alternate address answered the mapping test (else a dead
 * alternate looks like filtering).
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-address.h"
#include "phoneset-error.h"
#include "phoneset-stun-test-private.h"

G_DEFINE_FINAL_TYPE (PhonesetStunTest, phoneset_stun_test, G_TYPE_OBJECT)

enum
{
  SIGNAL_STAGE_CHANGED,
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint       signals[N_SIGNALS];

static const char *stage_names[] = {
  "resolve",   "udp-binding", "tcp-binding", "tls-binding", "mapping",
  "filtering", "hairpin",     "lifetime",    "turn",        "ice",
};

G_STATIC_ASSERT (G_N_ELEMENTS (stage_names) == PHONESET_STUN_N_STAGES);

/* The engine runs in a thread of its own, on a main context of its own
 * (phoneset_stun_test_run_async()), so that a busy window, drawing, can
 * neither delay a retransmission nor read an answer late and take the
 * delay for the network's: its timers and sockets are sources of that
 * context, the thread-default one while it runs. */
guint
_phoneset_stun_timeout_add (guint       ms,
                            GSourceFunc func,
                            gpointer    data)
{
  GSource *source = g_timeout_source_new (ms);
  guint    id;

  g_source_set_callback (source, func, data, NULL);
  id = g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
  return id;
}

void
_phoneset_stun_source_remove (guint id)
{
  GSource *source = g_main_context_find_source_by_id (g_main_context_get_thread_default (), id);

  if (source != NULL)
    g_source_destroy (source);
}

/**
 * phoneset_stun_stage_get_name:
 * @stage: a stage
 *
 * Returns: its name, as "stage-changed" and the JSON use it
 */
const char *
phoneset_stun_stage_get_name (PhonesetStunStage stage)
{
  g_return_val_if_fail (stage < PHONESET_STUN_N_STAGES, NULL);
  return stage_names[stage];
}

/* A stage's signals, emitted in the caller's context. */
typedef struct
{
  PhonesetStunTest *self;
  guint             which;
  gboolean          running;
  double            progress;
} StageNote;

static gboolean
stage_note_emit (gpointer data)
{
  StageNote *note = data;

  g_signal_emit (note->self, signals[SIGNAL_STAGE_CHANGED], 0, note->which, note->running);
  if (!note->running)
    g_signal_emit (note->self, signals[SIGNAL_PROGRESS], 0, note->progress);
  return G_SOURCE_REMOVE;
}

static void
stage_note_free (gpointer data)
{
  StageNote *note = data;

  g_object_unref (note->self);
  g_free (note);
}

/* Stages: "stage-changed" (stage, running) when a stage starts or ends;
 * "progress" (fraction 0..1) after each. */
void
_phoneset_stun_test_stage (PhonesetStunTest  *self,
                           PhonesetStunStage  which,
                           gboolean           running)
{
  StageNote *note;

  if (running)
    {
      self->stage_active[which]++;
      self->stages_started++;
    }
  else if (self->stage_active[which] > 0)
    {
      self->stage_active[which]--;
      self->stages_ended++;
    }
  note = g_new0 (StageNote, 1);
  note->self = g_object_ref (self);
  note->which = which;
  note->running = running;
  note->progress = (double)self->stages_ended / MAX (self->stages_started, 1);
  /* In order, and before the result: the same priority as the task's
   * return, queued earlier. */
  g_main_context_invoke_full (self->caller_context, G_PRIORITY_DEFAULT, stage_note_emit, note,
                              stage_note_free);
}

/* ---- Flow ------------------------------------------------------------- */

static void
judge (PhonesetStunTest *self)
{
  PhonesetStunMeasurements measured;
  g_auto(PhonesetStunVerdict) verdict = { 0 };

  _phoneset_stun_test_measure (self, &measured);
  phoneset_stun_verdict_judge (&measured, &verdict);
  _phoneset_stun_verdict_apply (&verdict, self->result);
}

static void
run_cleanup (PhonesetStunTest *self)
{
  self->over = TRUE;
  _phoneset_stun_probes_stop (self);
  _phoneset_stun_test_clear_lifetime (self);
  _phoneset_stun_streams_clear (self);
  _phoneset_stun_probes_clear (self);
  g_clear_pointer (&self->turn_challenge, g_bytes_unref);
  _phoneset_stun_test_clear_resolve (self);
  g_clear_object (&self->local_ip);
  g_clear_object (&self->alternate_address);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->cancel_id != 0 && self->user_cancellable != NULL)
    g_cancellable_disconnect (self->user_cancellable, self->cancel_id);
  self->cancel_id = 0;
  g_clear_object (&self->user_cancellable);
  g_clear_object (&self->cancellable);
  self->behaviour_socket = self->filtering_socket = self->hairpin_socket = NULL;
  self->turn_socket = self->lifetime_socket = NULL;
  self->behaviour_binding = self->filtering_binding = NULL;
  self->mapping_alternate_ip = self->mapping_alternate_ip_port = NULL;
  self->control_burst = self->change_ip_port_burst = self->change_port_burst = self->hairpin_burst =
    NULL;
}

/* Ends the engine thread's loop. The thread holds its own references to
 * the loop and the context; after this, a new run may start (the result's
 * callback may start one at once). */
static void
run_end (PhonesetStunTest *self)
{
  g_main_loop_quit (self->loop);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->caller_context, g_main_context_unref);
  g_atomic_int_set (&self->running, FALSE);
}

static void
complete (PhonesetStunTest *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(PhonesetStunResult) result = g_steal_pointer (&self->result);
  guint16 port = self->port != 0 ? self->port : PHONESET_STUN_DEFAULT_PORT;

  result->elapsed_ms = (g_get_monotonic_time () - self->started_at) / 1000;
  if (self->udp_addr != NULL)
    port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->udp_addr));
  _phoneset_stun_result_recommend (result, self->host, port, self->turn_user, self->profile);
  run_cleanup (self);
  run_end (self);
  g_task_return_pointer (task, g_steal_pointer (&result), g_object_unref);
}

/* An operation of the second phase is over; the last one ends the run. */
void
_phoneset_stun_test_op_done (PhonesetStunTest *self)
{
  g_assert (self->ops_pending > 0);
  if (--self->ops_pending > 0 || !self->followups_started || self->over)
    return;
  judge (self);
  complete (self);
}

/* The same, for an operation that had a stage of its own. */
void
_phoneset_stun_test_op_end (PhonesetStunTest  *self,
                            PhonesetStunStage  stage)
{
  _phoneset_stun_test_stage (self, stage, FALSE);
  _phoneset_stun_test_op_done (self);
}

/* The second phase: everything that needs the first bindings. */
static void
start_followups (PhonesetStunTest *self)
{
  PhonesetStunResult *result = self->result;

  self->followups_started = TRUE;
  self->ops_pending++; /* held until everything below has started */

  _phoneset_stun_test_read_udp_binding (self);
  if (result->udp.reachable)
    {
      if (self->alternate_address != NULL)
        _phoneset_stun_test_start_mapping (self);
      _phoneset_stun_test_start_rounds (self);
      if (self->lifetime && result->nat_present == TRUE)
        _phoneset_stun_test_start_lifetime (self);
      else if (self->lifetime)
        {
          result->lifetime_tested = TRUE;
          result->lifetime_note =
            g_strdup (_("There is no NAT, so there is no binding that could time out."));
        }
      if (self->turn_user != NULL)
        _phoneset_stun_test_start_turn_udp (self);
    }
  if (self->turn_user != NULL && (self->transports & PHONESET_STUN_TRANSPORT_TCP) &&
      result->tcp.reachable)
    _phoneset_stun_test_start_turn_tcp (self);
  if (self->ice && self->udp_addr != NULL)
    _phoneset_stun_test_start_ice (self);

  _phoneset_stun_test_op_done (self);
}

/* A binding of the first phase is over; the last one starts the second. */
void
_phoneset_stun_test_binding_done (PhonesetStunTest *self)
{
  if (--self->bindings_pending > 0 || self->over)
    return;
  start_followups (self);
}

/* The first phase, once the server is resolved. */
void
_phoneset_stun_test_start_tests (PhonesetStunTest *self)
{
  self->bindings_pending = 1; /* held while starting */

  if (self->transports & PHONESET_STUN_TRANSPORT_UDP)
    _phoneset_stun_test_start_udp_binding (self);
  if (self->transports & PHONESET_STUN_TRANSPORT_TCP)
    _phoneset_stun_test_start_stream_binding (self, FALSE);
  if (self->transports & PHONESET_STUN_TRANSPORT_TLS)
    _phoneset_stun_test_start_stream_binding (self, TRUE);

  _phoneset_stun_test_binding_done (self);
}

/* ---- GObject, API ----------------------------------------------------- */

static gboolean
cancelled_idle (gpointer user_data)
{
  PhonesetStunTest *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->task == NULL)
    return G_SOURCE_REMOVE;
  task = g_steal_pointer (&self->task);
  g_clear_object (&self->result);
  run_cleanup (self);
  run_end (self);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The test was cancelled."));
  return G_SOURCE_REMOVE;
}

static void
on_cancelled (GCancellable     *cancellable,
              PhonesetStunTest *self)
{
  /* Runs in the thread that cancels, maybe inside
   * g_cancellable_disconnect(): finish in the engine thread. A run that
   * ended meanwhile drops the source with its context. */
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, cancelled_idle, g_object_ref (self), g_object_unref);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* The engine thread: the whole run on a context of its own. */
static gpointer
engine_thread (gpointer data)
{
  g_autoptr(PhonesetStunTest) self = data;
  g_autoptr(GMainContext) context = g_main_context_ref (self->context);
  g_autoptr(GMainLoop) loop = g_main_loop_ref (self->loop);

  g_main_context_push_thread_default (context);
  _phoneset_stun_test_start_resolve (self);
  g_main_loop_run (loop);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
phoneset_stun_test_dispose (GObject *object)
{
  PhonesetStunTest *self = PHONESET_STUN_TEST (object);

  if (self->task == NULL)
    run_cleanup (self);
  G_OBJECT_CLASS (phoneset_stun_test_parent_class)->dispose (object);
}

static void
phoneset_stun_test_finalize (GObject *object)
{
  PhonesetStunTest *self = PHONESET_STUN_TEST (object);

  g_free (self->host);
  g_free (self->turn_user);
  g_clear_object (&self->profile);
  if (self->turn_password != NULL)
    {
      memset (self->turn_password, 0, strlen (self->turn_password));
      g_free (self->turn_password);
    }
  G_OBJECT_CLASS (phoneset_stun_test_parent_class)->finalize (object);
}

static void
phoneset_stun_test_class_init (PhonesetStunTestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_stun_test_dispose;
  object_class->finalize = phoneset_stun_test_finalize;

  /**
   * PhonesetStunTest::stage-changed:
   * @self: the test
   * @stage: a #PhonesetStunStage
   * @running: %TRUE when it starts, %FALSE when it ends
   */
  signals[SIGNAL_STAGE_CHANGED] =
    g_signal_new ("stage-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  /**
   * PhonesetStunTest::progress:
   * @self: the test
   * @fraction: how much is done, 0 to 1
   */
  signals[SIGNAL_PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);
}

static void
phoneset_stun_test_init (PhonesetStunTest *self)
{
  self->transports = PHONESET_STUN_TRANSPORT_UDP | PHONESET_STUN_TRANSPORT_TCP;
}

/**
 * phoneset_stun_test_new:
 * @server: `host`, `host:port`, `[v6]:port` or an address
 * @error: why @server is not usable
 *
 * Without a port, the test looks up DNS SRV records (`_stun._udp`,
 * `_stun._tcp`, `_stuns._tcp`) and falls back to 3478 (TLS 5349).
 *
 * Returns: (transfer full) (nullable): a new test
 */
PhonesetStunTest *
phoneset_stun_test_new (const char  *server,
                        GError     **error)
{
  g_autofree char  *host = NULL;
  guint16           port = 0;
  PhonesetStunTest *self;

  g_return_val_if_fail (server != NULL, NULL);

  if (!phoneset_address_parse (server, 0, &host, &port, error))
    return NULL;
  self = g_object_new (PHONESET_TYPE_STUN_TEST, NULL);
  self->host = g_steal_pointer (&host);
  self->port = port;
  return self;
}

void
phoneset_stun_test_set_transports (PhonesetStunTest       *self,
                                   PhonesetStunTransports  transports)
{
  g_return_if_fail (PHONESET_IS_STUN_TEST (self));
  self->transports = transports;
}

/**
 * phoneset_stun_test_set_turn_credentials:
 * @self: a test
 * @user: (nullable): TURN user, %NULL for no TURN test
 * @password: (nullable): its password (from the keyring or the
 *   environment; never shown)
 */
void
phoneset_stun_test_set_turn_credentials (PhonesetStunTest *self,
                                         const char       *user,
                                         const char       *password)
{
  g_return_if_fail (PHONESET_IS_STUN_TEST (self));
  g_free (self->turn_user);
  if (self->turn_password != NULL)
    memset (self->turn_password, 0, strlen (self->turn_password));
  g_free (self->turn_password);
  self->turn_user = g_strdup (user);
  self->turn_password = g_strdup (user != NULL ? (password != NULL ? password : "") : NULL);
}

void
phoneset_stun_test_set_lifetime (PhonesetStunTest *self,
                                 gboolean          lifetime)
{
  g_return_if_fail (PHONESET_IS_STUN_TEST (self));
  self->lifetime = !!lifetime;
}

void
phoneset_stun_test_set_ice (PhonesetStunTest *self,
                            gboolean          ice)
{
  g_return_if_fail (PHONESET_IS_STUN_TEST (self));
  self->ice = !!ice;
}

/**
 * phoneset_stun_test_set_profile:
 * @self: a test, not running
 * @profile: (nullable): the profile of the phone the test is for
 *
 * The recommendations then speak of that phone's defaults (its STUN
 * refresh against the binding lifetime measured).
 */
void
phoneset_stun_test_set_profile (PhonesetStunTest *self,
                                PhonesetProfile  *profile)
{
  g_return_if_fail (PHONESET_IS_STUN_TEST (self));
  g_return_if_fail (profile == NULL || PHONESET_IS_PROFILE (profile));
  g_set_object (&self->profile, profile);
}

/**
 * phoneset_stun_test_run_async:
 * @self: a test, not running
 * @cancellable: (nullable): cancels the test
 * @callback: called with the result
 * @user_data: for @callback
 *
 * Runs the whole self-test. Every wait is bounded; without --lifetime and
 * with no answer at all the test ends after about 1.6 s.
 */
void
phoneset_stun_test_run_async (PhonesetStunTest    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *server = NULL;

  g_return_if_fail (PHONESET_IS_STUN_TEST (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_stun_test_run_async);
  if (g_atomic_int_get (&self->running))
    {
      g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                               _("The test is already running."));
      return;
    }
  if (self->transports == 0)
    {
      g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                               _("Choose at least one transport: udp, tcp or tls."));
      return;
    }

  g_atomic_int_set (&self->running, TRUE);
  self->task = g_steal_pointer (&task);
  self->over = FALSE;
  self->followups_started = FALSE;
  self->ops_pending = 0;
  memset (self->stage_active, 0, sizeof self->stage_active);
  self->stages_started = self->stages_ended = 0;
  self->rtt_ms = 0;
  self->rto_ms = PHONESET_STUN_FIRST_RTO_MS;
  self->started_at = g_get_monotonic_time ();
  self->result = _phoneset_stun_result_new ();
  if (self->port != 0)
    server =
      g_strdup_printf (strchr (self->host, ':') ? "[%s]:%u" : "%s:%u", self->host, self->port);
  else
    server = g_strdup (self->host);
  self->result->server = g_steal_pointer (&server);
  _phoneset_stun_probes_init (self);
  _phoneset_stun_streams_init (self);
  self->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    self->user_cancellable = g_object_ref (cancellable);
  self->caller_context = g_main_context_ref_thread_default ();
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  if (cancellable != NULL)
    self->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), self, NULL);

  g_thread_unref (g_thread_new ("phoneset-stun", engine_thread, g_object_ref (self)));
}

/**
 * phoneset_stun_test_run_finish:
 *
 * Returns: (transfer full): the result; %NULL only when cancelled
 */
PhonesetStunResult *
phoneset_stun_test_run_finish (PhonesetStunTest  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
