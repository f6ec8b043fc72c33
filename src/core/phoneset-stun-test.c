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
 * How it stays fast and right under loss:
 *  - Every UDP request is a "probe" on its own socket role: the behaviour
 *    socket B (binding, mapping, hairpin target), the filtering socket F
 *    (never sends to the alternate address, so its filter state is only
 *    that of the primary address), the hairpin socket H, the TURN socket
 *    and the lifetime sockets. Independent probes run at the same time.
 *  - Requests that must be answered are retransmitted as RFC 8489 says,
 *    with the same transaction id and an RTO from the RTT of the first
 *    binding (RFC 6298: SRTT + 4·RTTVAR = 3·RTT at first), floored at
 *    25 ms rather than 500 ms so that a test ends in well under a second.
 *  - The decisive probes (filtering, hairpin), where silence IS the
 *    answer, are bursts of independent transactions with a control burst
 *    to the primary address alongside. Silence counts as "filtered" only
 *    when the control bursts show the path loses so little that losing
 *    every probe by chance is below 1 in 1000 (Wilson lower bound of the
 *    control's success rate); otherwise another round runs (at most 3),
 *    and after that the verdict is "inconclusive" with the number lost.
 *  - A filtering verdict is trusted only if the server's alternate address
 *    answered the mapping test (else a dead alternate looks like filtering).
 *  - Malformed, truncated, oversized, forged (unknown transaction) and
 *    duplicate packets are ignored and counted.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "phoneset-address.h"
#include "phoneset-error.h"
#include "phoneset-stun-ice.h"
#include "phoneset-stun-message.h"
#include "phoneset-stun-result-private.h"
#include "phoneset-stun-test.h"
#include "phoneset-turn.h"

#define FIRST_RTO_MS       100 /* before any RTT is known */
#define FIRST_RTO_CAP_MS   200
#define FIRST_MAX_SENDS    9
#define FIRST_DEADLINE_MS  1600 /* no answer at all: give up here (< 2 s) */
#define MIN_RTO_MS         25
#define MAX_RTO_MS         500
#define PROBE_MAX_SENDS    9
#define BURST_SENDS        10
#define MAX_ROUNDS         3
#define CHANCE_THRESHOLD   1e-3
#define STREAM_TIMEOUT_MS  1600
#define LIFETIME_FIRST_MS  1000
#define LIFETIME_STEP      1.08
#define LIFETIME_MAX_MS    200000
#define RECV_BUFFER        65536
#define RESOLVE_TIMEOUT_MS 4000

typedef struct _Sock   Sock;
typedef struct _Probe  Probe;
typedef struct _Stream Stream;

typedef void (*ProbeDone) (PhonesetStunTest *self,
                           Probe            *probe);
typedef void (*StreamDone) (PhonesetStunTest *self,
                            Stream           *stream,
                            GError           *error);

typedef enum
{
  PROBE_RETRANSMIT, /* one transaction, resent until answered */
  PROBE_BURST,      /* a new transaction per send, all counted */
} ProbeMode;

struct _Sock
{
  PhonesetStunTest *self;
  GSocket          *socket;
  GSource          *source;
  GSocketAddress   *local;
  StunAgent         agent;
};

struct _Probe
{
  PhonesetStunTest    *self;
  Sock                *sock;
  GSocketAddress      *dest;
  ProbeMode            mode;
  guint                change;
  guint16              response_port;
  gboolean             expect_request; /* hairpin: the answer is our own request */
  GBytes              *raw;            /* a prebuilt request (TURN) */
  StunTransactionId    raw_id;
  guint                max_sends;
  guint                sends;
  guint                answered;
  guint                interval_ms;
  guint                cap_ms;
  guint                final_wait_ms;
  gint64               deadline; /* monotonic µs: no send, no wait after it; 0: none */
  gint64               t_first;
  gint64               t_last;
  gint64               t_answer;
  guint                timer;
  gboolean             finished;
  GPtrArray           *ids;
  /* the first answer */
  gboolean             got;
  PhonesetStunResponse response;
  GSocketAddress      *from;
  GBytes              *response_bytes;
  double               rtt_ms;
  gboolean             rtt_exact;
  ProbeDone            done;
  int                  tag;
};

typedef struct
{
  Probe   *probe;
  gboolean answered;
} Txn;

struct _Stream
{
  gatomicrefcount      ref;
  PhonesetStunTest    *self; /* NULL once the run is over */
  gboolean             tls;
  gboolean             turn;
  GSocketConnection   *conn;
  GCancellable        *cancellable;
  guint                timeout;
  StunAgent            agent;
  guint8               out[1024];
  gsize                out_len;
  guint8               in[PHONESET_STUN_MAX_RESPONSE + 64];
  gsize                have;
  gsize                want;
  gint64               t_sent;
  double               rtt_ms;
  char                *cert_note;
  GBytes              *challenge;
  guint                attempts;
  PhonesetStunResponse response;
  StreamDone           done;
};

typedef struct
{
  guint    sent;
  guint    answered;
  gboolean decided;
  gboolean positive;
  gboolean wrong_source;
} Decision;

struct _PhonesetStunTest
{
  GObject                parent_instance;

  char                  *host;
  guint16                port; /* 0: DNS SRV, then 3478 */
  PhonesetStunTransports transports;
  char                  *turn_user;
  char                  *turn_password;
  gboolean               lifetime;
  gboolean               ice;

  /* One run. */
  GTask                 *task;
  GMainContext          *caller_context;   /* signals and the result go there */
  GMainContext          *context;          /* the engine thread's */
  GMainLoop             *loop;             /* runs the engine thread */
  int                    running;          /* atomic: from run_async () to the result */
  GCancellable          *cancellable;      /* ours, for resolver and ICE */
  GCancellable          *user_cancellable; /* the caller's */
  GCancellable          *resolve_cancellable;
  gulong                 cancel_id;
  PhonesetStunResult    *result;
  gint64                 t_start;
  int                    pending;
  int                    phase_a;
  gboolean               phase_b;
  gboolean               over;
  guint8                *recv_buffer;
  GHashTable            *txns;
  GPtrArray             *socks;
  GPtrArray             *probes;
  GPtrArray             *streams;
  guint                  stage_active[PHONESET_STUN_N_STAGES];
  guint                  stages_started;
  guint                  stages_ended;

  GSocketAddress        *udp_addr;
  GSocketAddress        *tcp_addr;
  GSocketAddress        *tls_addr;
  char                  *tls_host;
  guint16                tls_port;
  int                    resolving;
  guint                  resolve_timeout;
  GInetAddress          *local_ip;
  GSocketAddress        *other;
  double                 rtt_ms;
  guint                  rto_ms;

  Sock                  *b, *f, *h;
  Probe                 *b_first, *f_first, *map2, *map3;

  int                    round;
  int                    round_pending;
  Probe                 *ctrl, *f2, *f3, *hp;
  guint                  ctrl_sent, ctrl_answered;
  Decision               f2d, f3d, hpd;

  /* lifetime */
  Sock                  *ly;
  GArray                *lt;      /* guint ms per point */
  GArray                *lstate;  /* int per point: 0 pending, 1 alive, 2 gone, -1 no mapping */
  GArray                *ltimers; /* guint source ids */
  int                    lmap_pending;
  gboolean               ldone;

  /* TURN over UDP */
  Sock                  *t;
  GBytes                *t_challenge;
  guint                  t_attempts;
};

G_DEFINE_FINAL_TYPE (PhonesetStunTest, phoneset_stun_test, G_TYPE_OBJECT)

enum
{
  SIGNAL_STAGE_CHANGED,
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint       signals[N_SIGNALS];

static const char *stage_names[] = {
  "resolve",
  "udp-binding",
  "tcp-binding",
  "tls-binding",
  "mapping",
  "filtering",
  "hairpin",
  "lifetime",
  "turn",
  "ice",
};

G_STATIC_ASSERT (G_N_ELEMENTS (stage_names) == PHONESET_STUN_N_STAGES);

static void op_done (PhonesetStunTest *self);

/* The engine runs in a thread of its own, on a main context of its own
 * (phoneset_stun_test_run_async()), so that a busy window, drawing, can
 * neither delay a retransmission nor read an answer late and take the
 * delay for the network's: its timers and sockets are sources of that
 * context, the thread-default one while it runs. */
static guint
engine_timeout_add (guint       ms,
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

static void
engine_source_remove (guint id)
{
  GSource *source = g_main_context_find_source_by_id (g_main_context_get_thread_default (), id);

  if (source != NULL)
    g_source_destroy (source);
}

static void phase_a_done (PhonesetStunTest *self);

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
static void
stage (PhonesetStunTest *self,
       guint             which,
       gboolean          running)
{
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
  {
    StageNote *note = g_new0 (StageNote, 1);

    note->self = g_object_ref (self);
    note->which = which;
    note->running = running;
    note->progress = (double)self->stages_ended / MAX (self->stages_started, 1);
    /* In order, and before the result: the same priority as the task's
     * return, queued earlier. */
    g_main_context_invoke_full (self->caller_context, G_PRIORITY_DEFAULT, stage_note_emit, note, stage_note_free);
  }
}

/* Transaction ids as hash keys. */
static guint
id_hash (gconstpointer key)
{
  guint h;
  memcpy (&h, (const guint8 *)key + 12, sizeof h);
  return h;
}

static gboolean
id_equal (gconstpointer a,
          gconstpointer b)
{
  return memcmp (a, b, STUN_MESSAGE_TRANS_ID_LEN) == 0;
}

/* ---- Sockets ---------------------------------------------------------- */

static void deliver (Sock *sock, const guint8 *data, gsize len, GSocketAddress *from);

static gboolean
sock_readable (GSocket     *socket,
               GIOCondition condition,
               gpointer     user_data)
{
  Sock *sock = user_data;
  g_autoptr(PhonesetStunTest) self = g_object_ref (sock->self);

  /* Drain what is queued; each datagram is handled on its own. An answer
   * may end the run, which frees every socket (this one too): after
   * deliver() only self, held here, may be touched. */
  for (guint i = 0; i < 64; i++)
    {
      g_autoptr(GSocketAddress) from = NULL;
      gssize n;

      n = g_socket_receive_from (socket, &from, (char *)self->recv_buffer, RECV_BUFFER, NULL, NULL);
      if (n < 0)
        break;
      deliver (sock, self->recv_buffer, n, from);
      if (self->over)
        return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
sock_free (gpointer data)
{
  Sock *sock = data;

  if (sock->source != NULL)
    {
      g_source_destroy (sock->source);
      g_source_unref (sock->source);
    }
  if (sock->socket != NULL)
    g_socket_close (sock->socket, NULL);
  g_clear_object (&sock->socket);
  g_clear_object (&sock->local);
  g_free (sock);
}

static Sock *
sock_new (PhonesetStunTest *self,
          gboolean          long_term,
          GError          **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bind_addr = NULL;
  Sock *sock;

  socket = g_socket_new (g_inet_address_get_family (self->local_ip), G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, error);
  if (socket == NULL)
    return NULL;
  g_socket_set_blocking (socket, FALSE);
  bind_addr = g_inet_socket_address_new (self->local_ip, 0);
  if (!g_socket_bind (socket, bind_addr, FALSE, error))
    return NULL;

  sock = g_new0 (Sock, 1);
  sock->self = self;
  sock->socket = g_steal_pointer (&socket);
  sock->local = g_socket_get_local_address (sock->socket, NULL);
  phoneset_stun_agent_init (&sock->agent, long_term);
  sock->source = g_socket_create_source (sock->socket, G_IO_IN, NULL);
  g_source_set_callback (sock->source, (GSourceFunc)(GCallback)sock_readable, sock, NULL);
  g_source_attach (sock->source, g_main_context_get_thread_default ());
  g_ptr_array_add (self->socks, sock);
  return sock;
}

/* ---- Probes ----------------------------------------------------------- */

static void
probe_free (gpointer data)
{
  Probe *probe = data;

  g_clear_handle_id (&probe->timer, engine_source_remove);
  g_clear_object (&probe->dest);
  g_clear_pointer (&probe->raw, g_bytes_unref);
  g_clear_pointer (&probe->ids, g_ptr_array_unref);
  phoneset_stun_response_clear (&probe->response);
  g_clear_object (&probe->from);
  g_clear_pointer (&probe->response_bytes, g_bytes_unref);
  g_free (probe);
}

static void
probe_finish (Probe *probe)
{
  PhonesetStunTest *self = probe->self;

  if (probe->finished)
    return;
  probe->finished = TRUE;
  g_clear_handle_id (&probe->timer, engine_source_remove);
  for (guint i = 0; i < probe->ids->len; i++)
    {
      guint8 *id = g_ptr_array_index (probe->ids, i);
      Txn    *txn = g_hash_table_lookup (self->txns, id);

      if (txn != NULL)
        {
          if (!txn->answered)
            stun_agent_forget_transaction (&probe->sock->agent, id);
          txn->probe = NULL; /* kept: a late answer is a duplicate */
        }
    }
  if (probe->done != NULL)
    probe->done (self, probe);
}

static void
probe_send (Probe *probe)
{
  PhonesetStunTest *self = probe->self;
  guint8            buffer[1024];
  gsize             len = 0;
  guint8           *id;
  Txn              *txn;

  id = g_malloc (STUN_MESSAGE_TRANS_ID_LEN);
  if (probe->raw != NULL)
    {
      gsize         raw_len;
      const guint8 *raw = g_bytes_get_data (probe->raw, &raw_len);
      len = MIN (raw_len, sizeof buffer);
      memcpy (buffer, raw, len);
      memcpy (id, probe->raw_id, STUN_MESSAGE_TRANS_ID_LEN);
    }
  else
    {
      len = phoneset_stun_build_binding (&probe->sock->agent, buffer, sizeof buffer,
                                         probe->change, probe->response_port, id);
      /* A retransmission resends the same bytes under the same
       * transaction id (RFC 8489 6.2.1). */
      if (len > 0 && probe->mode == PROBE_RETRANSMIT)
        {
          probe->raw = g_bytes_new (buffer, len);
          memcpy (probe->raw_id, id, STUN_MESSAGE_TRANS_ID_LEN);
        }
    }

  if (len == 0)
    {
      g_free (id);
      return;
    }

  probe->t_last = g_get_monotonic_time ();
  if (probe->sends == 0)
    probe->t_first = probe->t_last;
  probe->sends++;
  self->result->requests_sent++;

  if (g_hash_table_lookup (self->txns, id) == NULL)
    {
      txn = g_new0 (Txn, 1);
      txn->probe = probe;
      g_hash_table_insert (self->txns, id, txn);
      g_ptr_array_add (probe->ids, g_memdup2 (id, STUN_MESSAGE_TRANS_ID_LEN));
    }
  else
    g_free (id);

  /* Errors (no route, ICMP) count as a lost request. */
  g_socket_send_to (probe->sock->socket, probe->dest, (const char *)buffer, len, NULL, NULL);
}

static gboolean
probe_tick (gpointer user_data)
{
  Probe *probe = user_data;

  probe->timer = 0;
  if (probe->sends < probe->max_sends && (probe->deadline == 0 || g_get_monotonic_time () < probe->deadline))
    {
      guint next;

      probe_send (probe);
      if (probe->mode == PROBE_RETRANSMIT)
        probe->interval_ms = MIN ((guint)(probe->interval_ms * 1.5), probe->cap_ms);
      next = probe->sends < probe->max_sends ? probe->interval_ms : probe->final_wait_ms;
      /* A busy main loop (a window drawing) runs timers late: the
       * deadline holds all the same. */
      if (probe->deadline != 0)
        next = MIN (next, (guint)(MAX (probe->deadline - g_get_monotonic_time (), 0) / 1000));
      probe->timer = engine_timeout_add (next, probe_tick, probe);
      return G_SOURCE_REMOVE;
    }
  probe_finish (probe);
  return G_SOURCE_REMOVE;
}

static Probe *
probe_new (PhonesetStunTest *self,
           Sock             *sock,
           GSocketAddress   *dest,
           ProbeMode         mode,
           ProbeDone         done)
{
  Probe *probe = g_new0 (Probe, 1);

  probe->self = self;
  probe->sock = sock;
  probe->dest = g_object_ref (dest);
  probe->mode = mode;
  probe->done = done;
  probe->ids = g_ptr_array_new_with_free_func (g_free);
  if (mode == PROBE_BURST)
    {
      probe->max_sends = BURST_SENDS;
      probe->interval_ms = CLAMP ((guint)self->rtt_ms, 10, 50);
      probe->cap_ms = probe->interval_ms;
      probe->final_wait_ms = CLAMP ((guint)(3 * self->rtt_ms) + 30, 50, 1000);
    }
  else
    {
      probe->max_sends = PROBE_MAX_SENDS;
      probe->interval_ms = self->rto_ms;
      probe->cap_ms = self->rto_ms * 4;
      probe->final_wait_ms = self->rto_ms * 4;
    }
  g_ptr_array_add (self->probes, probe);
  return probe;
}

static void
probe_start (Probe *probe)
{
  probe_tick (probe);
}

static gboolean
same_address (GSocketAddress *a,
              GSocketAddress *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  return g_inet_address_equal (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (a)),
                               g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (b))) &&
         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (a)) ==
           g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (b));
}

static GSocketAddress *
response_mapped (PhonesetStunResponse *response)
{
  return response->xor_mapped != NULL ? response->xor_mapped : response->mapped;
}

static void
deliver (Sock           *sock,
         const guint8   *data,
         gsize           len,
         GSocketAddress *from)
{
  PhonesetStunTest    *self = sock->self;
  PhonesetStunResult  *result = self->result;
  StunTransactionId    id;
  Txn                 *txn;
  Probe               *probe;
  PhonesetStunResponse response;
  PhonesetStunPacket   verdict;
  int                  needed;
  g_autoptr(GError) error = NULL;

  if (len > PHONESET_STUN_MAX_RESPONSE)
    {
      result->ignored_oversized++;
      return;
    }
  needed = stun_message_validate_buffer_length (data, len, TRUE);
  if (needed == STUN_MESSAGE_BUFFER_INCOMPLETE || needed > (int)len)
    {
      result->ignored_truncated++;
      return;
    }
  if (needed != (int)len || !phoneset_stun_peek_id (data, len, id))
    {
      result->ignored_malformed++;
      return;
    }

  txn = g_hash_table_lookup (self->txns, id);
  if (txn == NULL)
    {
      result->ignored_spoofed++;
      return;
    }
  if (txn->answered || txn->probe == NULL)
    {
      result->ignored_duplicate++;
      return;
    }
  probe = txn->probe;
  /* An answer comes back to the socket that asked (the NAT maps it back to
   * that socket's address). One that reaches another socket came through
   * another socket's NAT mapping — with a NAT that picks its ports at
   * random, the mapping of a flow to the alternate address — and would
   * make a filtered probe look answered: it is ignored. A hairpin probe's
   * request, and the answer to a RESPONSE-PORT probe (the lifetime test),
   * are meant to reach another socket. */
  if (!probe->expect_request && probe->response_port == 0 && probe->sock != sock)
    {
      g_debug ("Ignored an answer that reached the wrong socket");
      result->ignored_spoofed++;
      return;
    }

  verdict = phoneset_stun_parse (probe->expect_request ? &sock->agent : &probe->sock->agent,
                                 data, len, &response, &error);
  if (verdict != PHONESET_STUN_PACKET_OK)
    g_debug ("Ignored a packet: %s", error->message);
  switch (verdict)
    {
    case PHONESET_STUN_PACKET_OK:
      break;
    case PHONESET_STUN_PACKET_TRUNCATED:
      result->ignored_truncated++;
      return;
    case PHONESET_STUN_PACKET_OVERSIZED:
      result->ignored_oversized++;
      return;
    case PHONESET_STUN_PACKET_SPOOFED:
      result->ignored_spoofed++;
      return;
    case PHONESET_STUN_PACKET_MALFORMED:
    default:
      result->ignored_malformed++;
      return;
    }
  if (response.is_request != probe->expect_request)
    {
      phoneset_stun_response_clear (&response);
      result->ignored_spoofed++;
      return;
    }

  txn->answered = TRUE;
  probe->answered++;
  result->responses_received++;
  if (!probe->got)
    {
      probe->got = TRUE;
      probe->t_answer = g_get_monotonic_time ();
      /* Karn: after a retransmission the answer may be to any copy, so
       * only the time since the last copy is a safe (low) estimate. */
      probe->rtt_ms = (probe->t_answer - (probe->sends > 1 ? probe->t_last : probe->t_first)) / 1000.0;
      probe->rtt_exact = probe->sends == 1;
      probe->response = response;
      probe->from = g_object_ref (from);
      probe->response_bytes = g_bytes_new (data, len);
      if (response.software != NULL && result->software == NULL)
        result->software = g_strdup (response.software);
    }
  else
    phoneset_stun_response_clear (&response);

  if (probe->mode == PROBE_RETRANSMIT)
    probe_finish (probe);
}

/* ---- Streams (TCP, TLS) ----------------------------------------------- */

static Stream *
stream_ref (Stream *stream)
{
  g_atomic_ref_count_inc (&stream->ref);
  return stream;
}

static void
stream_unref (Stream *stream)
{
  if (!g_atomic_ref_count_dec (&stream->ref))
    return;
  g_clear_handle_id (&stream->timeout, engine_source_remove);
  if (stream->conn != NULL)
    g_io_stream_close (G_IO_STREAM (stream->conn), NULL, NULL);
  g_clear_object (&stream->conn);
  g_clear_object (&stream->cancellable);
  g_clear_pointer (&stream->cert_note, g_free);
  g_clear_pointer (&stream->challenge, g_bytes_unref);
  phoneset_stun_response_clear (&stream->response);
  g_free (stream);
}

static void
stream_end (Stream *stream,
            GError *error)
{
  PhonesetStunTest *self = stream->self;

  g_clear_handle_id (&stream->timeout, engine_source_remove);
  if (self == NULL)
    return;
  stream->self = NULL;
  g_ptr_array_remove (self->streams, stream);
  stream->done (self, stream, error);
  stream_unref (stream);
}

static gboolean
stream_timeout (gpointer user_data)
{
  Stream *stream = user_data;

  stream->timeout = 0;
  g_cancellable_cancel (stream->cancellable);
  return G_SOURCE_REMOVE;
}

static void stream_read (Stream *stream);

static void
stream_read_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  Stream *stream = user_data;
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (object), res, &error);
  if (stream->self == NULL)
    {
      stream_unref (stream);
      return;
    }
  if (n <= 0)
    {
      if (error == NULL)
        error = g_error_new (PHONESET_ERROR, PHONESET_ERROR_UNREACHABLE,
                             _("The server closed the connection without an answer."));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          error = g_error_new (PHONESET_ERROR, PHONESET_ERROR_TIMEOUT, _("No answer in time."));
        }
      stream_end (stream, error);
      stream_unref (stream);
      return;
    }
  stream->have += n;
  if (stream->want == 0 && stream->have >= STUN_MESSAGE_HEADER_LENGTH)
    {
      /* Stream framing (RFC 8489 6.2.2): the header's length field says
       * how many bytes of attributes follow the 20-byte header. */
      stream->want = STUN_MESSAGE_HEADER_LENGTH + ((stream->in[2] << 8) | stream->in[3]);
      if (stream->want > PHONESET_STUN_MAX_RESPONSE)
        {
          stream->self->result->ignored_oversized++;
          error = g_error_new (PHONESET_ERROR, PHONESET_ERROR_PARSE,
                               _("The server sent an oversized STUN message."));
          stream_end (stream, error);
          stream_unref (stream);
          return;
        }
    }
  if (stream->want != 0 && stream->have >= stream->want)
    {
      PhonesetStunPacket verdict;

      phoneset_stun_response_clear (&stream->response);
      verdict = phoneset_stun_parse (&stream->agent, stream->in, stream->want, &stream->response, &error);
      if (verdict != PHONESET_STUN_PACKET_OK)
        {
          if (verdict == PHONESET_STUN_PACKET_SPOOFED)
            stream->self->result->ignored_spoofed++;
          else
            stream->self->result->ignored_malformed++;
          /* A forged or broken message on a stream: drop it, read on. */
          memmove (stream->in, stream->in + stream->want, stream->have - stream->want);
          stream->have -= stream->want;
          stream->want = 0;
          g_clear_error (&error);
          stream_read (stream);
          stream_unref (stream);
          return;
        }
      stream->self->result->responses_received++;
      stream->rtt_ms = (g_get_monotonic_time () - stream->t_sent) / 1000.0;
      stream_end (stream, NULL);
      stream_unref (stream);
      return;
    }
  stream_read (stream);
  stream_unref (stream);
}

static void
stream_read (Stream *stream)
{
  gsize want = stream->want != 0 ? stream->want : STUN_MESSAGE_HEADER_LENGTH;

  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (stream->conn)),
                             stream->in + stream->have, want - stream->have, G_PRIORITY_DEFAULT,
                             stream->cancellable, stream_read_cb, stream_ref (stream));
}

static void
stream_write_cb (GObject      *object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  Stream *stream = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), res, NULL, &error))
    {
      if (stream->self != NULL)
        stream_end (stream, error);
      stream_unref (stream);
      return;
    }
  if (stream->self != NULL)
    stream_read (stream);
  stream_unref (stream);
}

/* Sends stream->out and reads one STUN message into stream->response. */
static void
stream_exchange (Stream    *stream,
                 StreamDone done)
{
  stream->done = done;
  stream->have = 0;
  stream->want = 0;
  stream->t_sent = g_get_monotonic_time ();
  stream->self->result->requests_sent++;
  g_output_stream_write_all_async (g_io_stream_get_output_stream (G_IO_STREAM (stream->conn)),
                                   stream->out, stream->out_len, G_PRIORITY_DEFAULT,
                                   stream->cancellable, stream_write_cb, stream_ref (stream));
}

static gboolean
accept_certificate (GTlsConnection      *conn,
                    GTlsCertificate     *peer_cert,
                    GTlsCertificateFlags errors,
                    gpointer             user_data)
{
  Stream *stream = user_data;

  /* A self-test reports an untrusted certificate rather than failing:
   * the installer learns both that TLS gets through and that the phone
   * would reject this certificate unless it trusts its issuer. */
  g_free (stream->cert_note);
  stream->cert_note = g_strdup (_("The server’s TLS certificate is not trusted by this computer (unknown issuer, wrong name or expired); a phone will refuse it unless it trusts the issuer."));
  return TRUE;
}

static void
client_event (GSocketClient      *client,
              GSocketClientEvent  event,
              GSocketConnectable *connectable,
              GIOStream          *connection,
              gpointer            user_data)
{
  if (event == G_SOCKET_CLIENT_TLS_HANDSHAKING && G_IS_TLS_CLIENT_CONNECTION (connection))
    g_signal_connect (connection, "accept-certificate", G_CALLBACK (accept_certificate), user_data);
}

static void
stream_connect_cb (GObject      *object,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  Stream *stream = user_data;
  g_autoptr(GError) error = NULL;

  stream->conn = g_socket_client_connect_finish (G_SOCKET_CLIENT (object), res, &error);
  if (stream->self == NULL)
    {
      stream_unref (stream);
      return;
    }
  if (stream->conn == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          error = g_error_new (PHONESET_ERROR, PHONESET_ERROR_TIMEOUT, _("No connection in time."));
        }
      stream_end (stream, error);
      stream_unref (stream);
      return;
    }
  stream_exchange (stream, stream->done);
  stream_unref (stream);
}

static Stream *
stream_open (PhonesetStunTest   *self,
             GSocketConnectable *where,
             gboolean            tls,
             gboolean            long_term,
             StreamDone          done)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  Stream *stream = g_new0 (Stream, 1);

  g_atomic_ref_count_init (&stream->ref);
  stream->self = self;
  stream->tls = tls;
  stream->done = done;
  stream->cancellable = g_cancellable_new ();
  phoneset_stun_agent_init (&stream->agent, long_term);
  stream->timeout = engine_timeout_add (STREAM_TIMEOUT_MS, stream_timeout, stream);
  g_ptr_array_add (self->streams, stream);

  if (tls)
    {
      g_socket_client_set_tls (client, TRUE);
      g_signal_connect (client, "event", G_CALLBACK (client_event), stream);
    }
  g_socket_client_connect_async (client, where, stream->cancellable, stream_connect_cb, stream_ref (stream));
  return stream;
}

/* ---- TCP / TLS binding ------------------------------------------------ */

static void
stream_binding_done (PhonesetStunTest *self,
                     Stream           *stream,
                     GError           *error)
{
  PhonesetStunTransportResult *t = stream->tls ? &self->result->tls : &self->result->tcp;

  if (error != NULL)
    {
      t->error = g_strdup (error->message);
      t->refused = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
    }
  else if (stream->response.is_error)
    t->error = g_strdup_printf ("%d %s", stream->response.error_code, stream->response.error_reason ? stream->response.error_reason : "");
  else
    {
      g_autoptr(GSocketAddress) local = NULL;

      t->reachable = TRUE;
      t->rtt_ms = (int)ceil (stream->rtt_ms);
      t->mapped = phoneset_stun_address_to_string (response_mapped (&stream->response));
      if (stream->response.mapped != NULL && stream->response.xor_mapped != NULL)
        t->mapped_plain = phoneset_stun_address_to_string (stream->response.mapped);
      if (stream->conn != NULL)
        local = g_socket_connection_get_local_address (stream->conn, NULL);
      t->local = phoneset_stun_address_to_string (local);
      if (stream->cert_note != NULL)
        t->error = g_strdup (stream->cert_note);
    }
  stage (self, stream->tls ? PHONESET_STUN_STAGE_TLS_BINDING : PHONESET_STUN_STAGE_TCP_BINDING, FALSE);
  phase_a_done (self);
}

static void
start_stream_binding (PhonesetStunTest *self,
                      gboolean          tls)
{
  g_autoptr(GSocketConnectable) where = NULL;
  PhonesetStunTransportResult *t = tls ? &self->result->tls : &self->result->tcp;
  GSocketAddress              *addr = tls ? self->tls_addr : self->tcp_addr;
  Stream                      *stream;

  t->tested = TRUE;
  stage (self, tls ? PHONESET_STUN_STAGE_TLS_BINDING : PHONESET_STUN_STAGE_TCP_BINDING, TRUE);
  self->phase_a++;
  if (addr == NULL)
    {
      t->error = g_strdup (_("The server name could not be resolved."));
      stage (self, tls ? PHONESET_STUN_STAGE_TLS_BINDING : PHONESET_STUN_STAGE_TCP_BINDING, FALSE);
      phase_a_done (self);
      return;
    }
  t->server = phoneset_stun_address_to_string (addr);
  if (tls && self->tls_host != NULL && !g_hostname_is_ip_address (self->tls_host))
    where = g_network_address_new (self->tls_host, self->tls_port);
  else
    where = G_SOCKET_CONNECTABLE (g_object_ref (addr));
  stream = stream_open (self, where, tls, FALSE, stream_binding_done);
  stream->out_len = phoneset_stun_build_binding (&stream->agent, stream->out, sizeof stream->out, 0, 0,
                                                 (guint8[STUN_MESSAGE_TRANS_ID_LEN]){ 0 });
}

/* ---- TURN ------------------------------------------------------------- */

static void
turn_fill (PhonesetStunTurnResult *t,
           PhonesetStunResponse   *response,
           const char             *no_answer)
{
  if (response == NULL)
    {
      t->error = g_strdup (no_answer);
      return;
    }
  if (!response->is_error && response->relayed != NULL)
    {
      t->allocated = TRUE;
      t->relayed = phoneset_stun_address_to_string (response->relayed);
      t->mapped = phoneset_stun_address_to_string (response_mapped (response));
      return;
    }
  t->error_code = response->is_error ? response->error_code : 0;
  if (response->is_error)
    t->error = g_strdup_printf ("%d %s: %s", response->error_code,
                                response->error_reason != NULL ? response->error_reason : "",
                                phoneset_stun_error_explain (response->error_code));
  else
    t->error = g_strdup (_("The server answered without a relayed address."));
}

static gboolean
turn_should_retry (PhonesetStunResponse *response,
                   guint                 attempts)
{
  /* 401 first (the challenge), 438 once more (stale nonce). */
  if (!response->is_error)
    return FALSE;
  if (response->error_code == 401 && attempts == 1)
    return TRUE;
  if (response->error_code == 438 && attempts <= 2)
    return TRUE;
  return FALSE;
}

static void turn_udp_send (PhonesetStunTest *self);

static void
turn_udp_done (PhonesetStunTest *self,
               Probe            *probe)
{
  if (probe->got && turn_should_retry (&probe->response, self->t_attempts))
    {
      g_clear_pointer (&self->t_challenge, g_bytes_unref);
      self->t_challenge = g_bytes_ref (probe->response_bytes);
      turn_udp_send (self);
      return;
    }
  turn_fill (&self->result->turn_udp, probe->got ? &probe->response : NULL,
             _("The TURN server did not answer over UDP."));
  if (self->result->turn_udp.allocated && self->t_challenge != NULL)
    {
      guint8            buffer[1024];
      gsize             clen;
      const guint8     *c = g_bytes_get_data (self->t_challenge, &clen);
      gsize             len = phoneset_turn_build_release (&self->t->agent, buffer, sizeof buffer, c, clen,
                                                           self->turn_user, self->turn_password);
      StunTransactionId id;

      if (len > 0 && phoneset_stun_peek_id (buffer, len, id))
        {
          /* Its answer is expected but not waited for: known, not forged. */
          Txn *txn = g_new0 (Txn, 1);
          g_hash_table_insert (self->txns, g_memdup2 (id, STUN_MESSAGE_TRANS_ID_LEN), txn);
          g_socket_send_to (self->t->socket, self->udp_addr, (const char *)buffer, len, NULL, NULL);
        }
    }
  stage (self, PHONESET_STUN_STAGE_TURN, FALSE);
  op_done (self);
}

static void
turn_udp_send (PhonesetStunTest *self)
{
  guint8        buffer[1024];
  const guint8 *c = NULL;
  gsize         clen = 0;
  gsize         len;
  Probe        *probe;

  self->t_attempts++;
  if (self->t_challenge != NULL)
    c = g_bytes_get_data (self->t_challenge, &clen);
  probe = probe_new (self, self->t, self->udp_addr, PROBE_RETRANSMIT, turn_udp_done);
  len = phoneset_turn_build_allocate (&self->t->agent, buffer, sizeof buffer, c, clen,
                                      self->turn_user, self->turn_password, probe->raw_id);
  probe->raw = g_bytes_new (buffer, len);
  probe_start (probe);
}

static void
start_turn_udp (PhonesetStunTest *self)
{
  g_autoptr(GError) error = NULL;

  self->result->turn_udp.tested = TRUE;
  stage (self, PHONESET_STUN_STAGE_TURN, TRUE);
  self->pending++;
  self->t = sock_new (self, TRUE, &error);
  if (self->t == NULL)
    {
      self->result->turn_udp.error = g_strdup (error->message);
      stage (self, PHONESET_STUN_STAGE_TURN, FALSE);
      op_done (self);
      return;
    }
  turn_udp_send (self);
}

static void
turn_tcp_done (PhonesetStunTest *self,
               Stream           *stream,
               GError           *error)
{
  if (error == NULL && turn_should_retry (&stream->response, stream->attempts))
    {
      gsize         clen;
      const guint8 *c;

      g_clear_pointer (&stream->challenge, g_bytes_unref);
      stream->challenge = g_bytes_new (stream->in, stream->want);
      c = g_bytes_get_data (stream->challenge, &clen);
      stream->attempts++;
      stream->out_len = phoneset_turn_build_allocate (&stream->agent, stream->out, sizeof stream->out, c, clen,
                                                      self->turn_user, self->turn_password,
                                                      (guint8[STUN_MESSAGE_TRANS_ID_LEN]){ 0 });
      /* Back in the list for one more exchange on the same connection. */
      stream->self = self;
      g_ptr_array_add (self->streams, stream_ref (stream));
      g_clear_handle_id (&stream->timeout, engine_source_remove);
      stream->timeout = engine_timeout_add (STREAM_TIMEOUT_MS, stream_timeout, stream);
      stream_exchange (stream, turn_tcp_done);
      return;
    }
  if (error != NULL)
    self->result->turn_tcp.error = g_strdup (error->message);
  else
    turn_fill (&self->result->turn_tcp, &stream->response, NULL);
  /* Closing the connection frees a TCP allocation (RFC 6062 / 8656). */
  stage (self, PHONESET_STUN_STAGE_TURN, FALSE);
  op_done (self);
}

static void
start_turn_tcp (PhonesetStunTest *self)
{
  Stream *stream;

  self->result->turn_tcp.tested = TRUE;
  stage (self, PHONESET_STUN_STAGE_TURN, TRUE);
  self->pending++;
  if (self->tcp_addr == NULL)
    {
      self->result->turn_tcp.error = g_strdup (_("The server name could not be resolved."));
      stage (self, PHONESET_STUN_STAGE_TURN, FALSE);
      op_done (self);
      return;
    }
  stream = stream_open (self, G_SOCKET_CONNECTABLE (self->tcp_addr), FALSE, TRUE, turn_tcp_done);
  stream->attempts = 1;
  stream->out_len = phoneset_turn_build_allocate (&stream->agent, stream->out, sizeof stream->out, NULL, 0,
                                                  NULL, NULL, (guint8[STUN_MESSAGE_TRANS_ID_LEN]){ 0 });
}

/* ---- Mapping (RFC 5780 4.3) ------------------------------------------- */

static void
mapping_probe_done (PhonesetStunTest *self,
                    Probe            *probe)
{
  if (self->map2 != NULL && self->map3 != NULL && self->map2->finished && self->map3->finished)
    {
      stage (self, PHONESET_STUN_STAGE_MAPPING, FALSE);
      op_done (self);
    }
}

static GSocketAddress *
alternate (PhonesetStunTest *self,
           gboolean          change_port)
{
  GInetAddress *ip = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (self->other));
  guint16       port = change_port ? g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->other))
                                   : g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->udp_addr));

  return g_inet_socket_address_new (ip, port);
}

static void
start_mapping (PhonesetStunTest *self)
{
  g_autoptr(GSocketAddress) a_p = alternate (self, FALSE);
  g_autoptr(GSocketAddress) a_a = alternate (self, TRUE);

  stage (self, PHONESET_STUN_STAGE_MAPPING, TRUE);
  self->pending++;
  self->map2 = probe_new (self, self->b, a_p, PROBE_RETRANSMIT, mapping_probe_done);
  self->map3 = probe_new (self, self->b, a_a, PROBE_RETRANSMIT, mapping_probe_done);
  probe_start (self->map2);
  probe_start (self->map3);
}

/* ---- Filtering and hairpinning: decisive rounds ----------------------- */

static double
wilson_lower (guint k,
              guint n)
{
  const double z = 2.0;
  double       p, d, c, r;

  if (n == 0)
    return 0.0;
  p = (double)k / n;
  d = 1 + z * z / n;
  c = p + z * z / (2.0 * n);
  r = z * sqrt (p * (1 - p) / n + z * z / (4.0 * n * n));
  return (c - r) / d;
}

static void
decide (PhonesetStunTest *self,
        Decision         *d,
        Probe            *probe,
        GSocketAddress   *expected_from)
{
  double s;

  if (probe == NULL || d->decided)
    return;
  d->sent += probe->sends;
  if (probe->answered > 0)
    {
      if (expected_from != NULL && !same_address (probe->from, expected_from))
        d->wrong_source = TRUE;
      d->answered += probe->answered;
      d->decided = TRUE;
      d->positive = TRUE;
      return;
    }
  s = wilson_lower (self->ctrl_answered, self->ctrl_sent);
  if (pow (1.0 - s, d->sent) < CHANCE_THRESHOLD)
    {
      d->decided = TRUE;
      d->positive = FALSE;
    }
}

static void start_round (PhonesetStunTest *self);

static void
round_probe_done (PhonesetStunTest *self,
                  Probe            *probe)
{
  g_autoptr(GSocketAddress) a_a = NULL;
  g_autoptr(GSocketAddress) p_a = NULL;
  gboolean need_filtering, need_hairpin;

  if (--self->round_pending > 0)
    return;

  self->ctrl_sent += self->ctrl->sends;
  self->ctrl_answered += self->ctrl->answered;
  if (self->other != NULL)
    {
      GInetAddress *pip = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (self->udp_addr));
      a_a = alternate (self, TRUE);
      p_a = g_inet_socket_address_new (pip, g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->other)));
    }
  decide (self, &self->f2d, self->f2, a_a);
  decide (self, &self->f3d, self->f3, p_a);
  decide (self, &self->hpd, self->hp, NULL);
  self->f2 = self->f3 = self->hp = self->ctrl = NULL;

  need_filtering = self->other != NULL && self->f_first->got && (!self->f2d.decided || (!self->f2d.positive && !self->f3d.decided));
  need_hairpin = self->result->nat_present == TRUE && !self->hpd.decided;
  if ((need_filtering || need_hairpin) && self->round < MAX_ROUNDS)
    {
      start_round (self);
      return;
    }
  if (self->stage_active[PHONESET_STUN_STAGE_FILTERING])
    stage (self, PHONESET_STUN_STAGE_FILTERING, FALSE);
  if (self->stage_active[PHONESET_STUN_STAGE_HAIRPIN])
    stage (self, PHONESET_STUN_STAGE_HAIRPIN, FALSE);
  op_done (self);
}

static void
start_round (PhonesetStunTest *self)
{
  gboolean filtering = self->other != NULL && self->f_first->got;

  self->round++;
  self->round_pending = 1;
  self->ctrl = probe_new (self, self->f, self->udp_addr, PROBE_BURST, round_probe_done);
  if (filtering && !self->f2d.decided)
    {
      self->f2 = probe_new (self, self->f, self->udp_addr, PROBE_BURST, round_probe_done);
      self->f2->change = PHONESET_STUN_CHANGE_IP | PHONESET_STUN_CHANGE_PORT;
      self->round_pending++;
    }
  if (filtering && !self->f3d.decided && !(self->f2d.decided && self->f2d.positive))
    {
      self->f3 = probe_new (self, self->f, self->udp_addr, PROBE_BURST, round_probe_done);
      self->f3->change = PHONESET_STUN_CHANGE_PORT;
      self->round_pending++;
    }
  if (self->result->nat_present == TRUE && !self->hpd.decided)
    {
      self->hp = probe_new (self, self->h, response_mapped (&self->b_first->response), PROBE_BURST, round_probe_done);
      self->hp->expect_request = TRUE;
      self->round_pending++;
    }
  probe_start (self->ctrl);
  if (self->f2 != NULL)
    probe_start (self->f2);
  if (self->f3 != NULL)
    probe_start (self->f3);
  if (self->hp != NULL)
    probe_start (self->hp);
}

static void
start_rounds (PhonesetStunTest *self)
{
  g_autoptr(GError) error = NULL;

  if (self->other != NULL && self->f_first->got)
    stage (self, PHONESET_STUN_STAGE_FILTERING, TRUE);
  if (self->result->nat_present == TRUE)
    {
      self->h = sock_new (self, FALSE, &error);
      if (self->h == NULL)
        self->hpd.decided = TRUE; /* stays null */
      else
        stage (self, PHONESET_STUN_STAGE_HAIRPIN, TRUE);
    }
  self->pending++;
  start_round (self);
}

/* ---- Binding lifetime (RFC 5780 4.6, with RESPONSE-PORT) -------------- */

static void
lifetime_finish (PhonesetStunTest *self,
                 const char       *note)
{
  PhonesetStunResult *r = self->result;

  if (self->ldone)
    return;
  self->ldone = TRUE;
  for (guint i = 0; i < self->ltimers->len; i++)
    {
      guint id = g_array_index (self->ltimers, guint, i);
      if (id != 0)
        engine_source_remove (id);
      g_array_index (self->ltimers, guint, i) = 0;
    }
  if (note != NULL)
    r->lifetime_note = g_strdup (note);
  stage (self, PHONESET_STUN_STAGE_LIFETIME, FALSE);
  op_done (self);
}

static void
lifetime_evaluate (PhonesetStunTest *self)
{
  PhonesetStunResult *r = self->result;
  int                 last_alive = -1;

  for (guint k = 0; k < self->lstate->len; k++)
    {
      int st = g_array_index (self->lstate, int, k);

      if (st == 0)
        return; /* still waiting for this one */
      if (st == 1)
        last_alive = k;
      if (st == 2)
        {
          /* Two gone in a row (or the last point) settle it: one alone
           * may be a lost probe. */
          int next = k + 1 < self->lstate->len ? g_array_index (self->lstate, int, k + 1) : 2;
          if (next == 0)
            return;
          if (next == 2 || next == -1)
            {
              int low = last_alive >= 0 ? (int)g_array_index (self->lt, guint, last_alive) : 0;
              int high = g_array_index (self->lt, guint, k);
              r->lifetime_low_ms = low;
              r->lifetime_high_ms = high;
              r->lifetime_ms = (low + high) / 2;
              lifetime_finish (self, NULL);
              return;
            }
        }
    }
  if (last_alive == (int)self->lstate->len - 1)
    {
      r->lifetime_low_ms = g_array_index (self->lt, guint, last_alive);
      r->lifetime_high_ms = -1;
      lifetime_finish (self, _("The binding was still open at the end of the test."));
    }
}

static void
lifetime_probe_done (PhonesetStunTest *self,
                     Probe            *probe)
{
  if (self->ldone)
    return;
  if (probe->got && probe->response.is_error)
    {
      g_autofree char *note = g_strdup_printf (_("The server does not support RESPONSE-PORT (error %d), so the lifetime cannot be measured."),
                                                  probe->response.error_code);
      lifetime_finish (self, note);
      return;
    }
  g_array_index (self->lstate, int, probe->tag) = probe->answered > 0 ? 1 : 2;
  lifetime_evaluate (self);
}

static gboolean
lifetime_tick (gpointer user_data)
{
  Probe            *probe = user_data;
  PhonesetStunTest *self = probe->self;

  g_array_index (self->ltimers, guint, probe->tag) = 0;
  probe_start (probe);
  return G_SOURCE_REMOVE;
}

static void
lifetime_mapped (PhonesetStunTest *self,
                 Probe            *probe)
{
  int             k = probe->tag;
  Probe          *check;
  GSocketAddress *mapped;

  self->lmap_pending--;
  if (self->ldone)
    return;
  if (!probe->got || (mapped = response_mapped (&probe->response)) == NULL)
    {
      g_array_index (self->lstate, int, k) = -1;
      lifetime_evaluate (self);
      return;
    }
  /* From the prober socket, ask the server to answer to this socket's
   * public port: it gets through only while the binding lives. */
  check = probe_new (self, self->ly, self->udp_addr, PROBE_BURST, lifetime_probe_done);
  check->max_sends = 3;
  check->interval_ms = 20;
  check->final_wait_ms = CLAMP ((guint)(3 * self->rtt_ms) + 60, 100, 1000);
  check->response_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (mapped));
  check->tag = k;
  g_array_index (self->ltimers, guint, k) = engine_timeout_add (g_array_index (self->lt, guint, k), lifetime_tick, check);
}

static void
start_lifetime (PhonesetStunTest *self)
{
  g_autoptr(GError) error = NULL;
  double t;

  self->result->lifetime_tested = TRUE;
  stage (self, PHONESET_STUN_STAGE_LIFETIME, TRUE);
  self->pending++;
  self->ly = sock_new (self, FALSE, &error);
  if (self->ly == NULL)
    {
      lifetime_finish (self, error->message);
      return;
    }
  for (t = LIFETIME_FIRST_MS; t <= LIFETIME_MAX_MS; t *= LIFETIME_STEP)
    {
      guint ms = (guint)t;
      int   zero = 0;
      guint none = 0;
      g_array_append_val (self->lt, ms);
      g_array_append_val (self->lstate, zero);
      g_array_append_val (self->ltimers, none);
    }
  for (guint k = 0; k < self->lt->len; k++)
    {
      Sock  *x = sock_new (self, FALSE, &error);
      Probe *probe;

      if (x == NULL)
        {
          lifetime_finish (self, error->message);
          return;
        }
      probe = probe_new (self, x, self->udp_addr, PROBE_RETRANSMIT, lifetime_mapped);
      probe->tag = k;
      self->lmap_pending++;
      probe_start (probe);
    }
}

/* ---- ICE -------------------------------------------------------------- */

static void
ice_done (GObject      *object,
          GAsyncResult *res,
          gpointer      user_data)
{
  g_autoptr(PhonesetStunTest) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;

  candidates = phoneset_stun_ice_gather_finish (res, &error);
  if (self->over)
    return;
  if (candidates == NULL)
    self->result->ice_error = g_strdup (error->message);
  else
    for (guint i = 0; i < candidates->len; i++)
      g_ptr_array_add (self->result->ice_candidates, json_object_ref (g_ptr_array_index (candidates, i)));
  stage (self, PHONESET_STUN_STAGE_ICE, FALSE);
  op_done (self);
}

static void
start_ice (PhonesetStunTest *self)
{
  GInetAddress    *ip = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (self->udp_addr));
  g_autofree char *ip_text = g_inet_address_to_string (ip);
  guint16          port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->udp_addr));

  self->result->ice_tested = TRUE;
  stage (self, PHONESET_STUN_STAGE_ICE, TRUE);
  self->pending++;
  phoneset_stun_ice_gather_async (ip_text, port, self->turn_user, self->turn_password,
                                  self->cancellable, ice_done, g_object_ref (self));
}

/* ---- Flow ------------------------------------------------------------- */

static void
judge (PhonesetStunTest *self)
{
  PhonesetStunResult *r = self->result;
  gboolean            alt_ok;

  if (!r->udp.reachable)
    {
      g_free (r->mapping);
      g_free (r->filtering);
      g_free (r->classic);
      if (!r->udp.tested)
        {
          r->mapping = g_strdup ("unsupported");
          r->filtering = g_strdup ("unsupported");
          r->classic = g_strdup ("inconclusive");
          r->behaviour_note = g_strdup (_("UDP was not tested, and NAT behaviour is tested over UDP only."));
          return;
        }
      r->mapping = g_strdup ("inconclusive");
      r->filtering = g_strdup ("inconclusive");
      r->classic = g_strdup (r->tcp.reachable || r->tls.reachable ? "udp-blocked" : "inconclusive");
      return;
    }

  if (self->other == NULL)
    {
      g_free (r->mapping);
      g_free (r->filtering);
      r->mapping = g_strdup ("unsupported");
      r->filtering = g_strdup ("unsupported");
      r->behaviour_note = g_strdup (_("The server does not give an alternate address (no OTHER-ADDRESS, RFC 5780), so its NAT mapping and filtering cannot be tested. Use a server that supports RFC 5780, such as coturn with two addresses."));
    }
  else
    {
      GSocketAddress *m1 = response_mapped (&self->b_first->response);
      const char     *mapping = "inconclusive";
      const char     *filtering = "inconclusive";

      alt_ok = self->map2->got && self->map3->got;
      if (!self->map2->got)
        r->lost_probes += self->map2->sends;
      else if (same_address (response_mapped (&self->map2->response), m1))
        mapping = "endpoint-independent";
      else if (!self->map3->got)
        r->lost_probes += self->map3->sends;
      else if (same_address (response_mapped (&self->map3->response), response_mapped (&self->map2->response)))
        mapping = "address-dependent";
      else
        mapping = "address-and-port-dependent";

      if (!self->f_first->got)
        r->lost_probes += self->f_first->sends;
      else if (self->f2d.decided && self->f2d.positive)
        filtering = self->f2d.wrong_source ? "unsupported" : "endpoint-independent";
      else if (self->f2d.decided && self->f3d.decided && self->f3d.positive)
        filtering = self->f3d.wrong_source ? "unsupported" : "address-dependent";
      else if (self->f2d.decided && self->f3d.decided)
        filtering = "address-and-port-dependent";
      else
        r->lost_probes += (self->f2d.decided ? 0 : self->f2d.sent) + (self->f3d.decided ? 0 : self->f3d.sent);

      /* Silence is only filtering if the alternate address answers at all. */
      if ((g_str_equal (filtering, "address-and-port-dependent") || g_str_equal (filtering, "address-dependent")) && !alt_ok)
        {
          filtering = "inconclusive";
          r->behaviour_note = g_strdup (_("The server’s alternate address did not answer, so silence from it cannot be told from filtering."));
        }
      if (g_str_equal (filtering, "unsupported"))
        r->behaviour_note = g_strdup (_("The server answered CHANGE-REQUEST from its primary address: it does not really support RFC 5780, so filtering cannot be tested."));

      g_free (r->mapping);
      g_free (r->filtering);
      r->mapping = g_strdup (mapping);
      r->filtering = g_strdup (filtering);
    }

  if (r->nat_present == TRUE)
    {
      if (self->hpd.decided)
        r->hairpinning = self->hpd.positive;
      else
        r->lost_probes += self->hpd.sent;
    }

  g_free (r->classic);
  if (r->nat_present == FALSE)
    {
      if (g_str_equal (r->filtering, "endpoint-independent"))
        r->classic = g_strdup ("open");
      else if (g_str_equal (r->filtering, "address-dependent") || g_str_equal (r->filtering, "address-and-port-dependent"))
        r->classic = g_strdup ("symmetric-udp-firewall");
      else
        r->classic = g_strdup ("inconclusive");
    }
  else if (g_str_equal (r->mapping, "address-dependent") || g_str_equal (r->mapping, "address-and-port-dependent"))
    r->classic = g_strdup ("symmetric");
  else if (!g_str_equal (r->mapping, "endpoint-independent"))
    r->classic = g_strdup ("inconclusive");
  else if (g_str_equal (r->filtering, "endpoint-independent"))
    r->classic = g_strdup ("full-cone");
  else if (g_str_equal (r->filtering, "address-dependent"))
    r->classic = g_strdup ("restricted-cone");
  else if (g_str_equal (r->filtering, "address-and-port-dependent"))
    r->classic = g_strdup ("port-restricted-cone");
  else
    r->classic = g_strdup ("inconclusive");

  if (g_str_equal (r->classic, "inconclusive") && r->lost_probes > 0 && r->behaviour_note == NULL)
    r->behaviour_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%u probe got no answer: the network loses too many packets to tell the NAT type for sure. Run the test again.",
                                                      "%u probes got no answer: the network loses too many packets to tell the NAT type for sure. Run the test again.",
                                                      r->lost_probes),
                                         r->lost_probes);
}

static void
run_cleanup (PhonesetStunTest *self)
{
  self->over = TRUE;
  for (guint i = 0; self->probes != NULL && i < self->probes->len; i++)
    {
      Probe *probe = g_ptr_array_index (self->probes, i);
      g_clear_handle_id (&probe->timer, engine_source_remove);
    }
  if (self->ltimers != NULL)
    for (guint i = 0; i < self->ltimers->len; i++)
      {
        guint id = g_array_index (self->ltimers, guint, i);
        if (id != 0)
          engine_source_remove (id);
      }
  while (self->streams != NULL && self->streams->len > 0)
    {
      Stream *stream = g_ptr_array_steal_index (self->streams, 0);
      stream->self = NULL;
      g_cancellable_cancel (stream->cancellable);
      stream_unref (stream);
    }
  g_clear_pointer (&self->probes, g_ptr_array_unref);
  g_clear_pointer (&self->socks, g_ptr_array_unref);
  g_clear_pointer (&self->streams, g_ptr_array_unref);
  g_clear_pointer (&self->txns, g_hash_table_unref);
  g_clear_pointer (&self->recv_buffer, g_free);
  g_clear_pointer (&self->lt, g_array_unref);
  g_clear_pointer (&self->lstate, g_array_unref);
  g_clear_pointer (&self->ltimers, g_array_unref);
  g_clear_pointer (&self->t_challenge, g_bytes_unref);
  g_clear_object (&self->udp_addr);
  g_clear_object (&self->tcp_addr);
  g_clear_object (&self->tls_addr);
  g_clear_pointer (&self->tls_host, g_free);
  g_clear_object (&self->local_ip);
  g_clear_object (&self->other);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->resolve_timeout, engine_source_remove);
  if (self->resolve_cancellable != NULL)
    g_cancellable_cancel (self->resolve_cancellable);
  g_clear_object (&self->resolve_cancellable);
  if (self->cancel_id != 0 && self->user_cancellable != NULL)
    g_cancellable_disconnect (self->user_cancellable, self->cancel_id);
  self->cancel_id = 0;
  g_clear_object (&self->user_cancellable);
  g_clear_object (&self->cancellable);
  self->b = self->f = self->h = self->t = self->ly = NULL;
  self->b_first = self->f_first = self->map2 = self->map3 = NULL;
  self->ctrl = self->f2 = self->f3 = self->hp = NULL;
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

  result->elapsed_ms = (g_get_monotonic_time () - self->t_start) / 1000;
  _phoneset_stun_result_recommend (result, self->host,
                                   self->udp_addr != NULL ? g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->udp_addr)) : (self->port ? self->port : 3478),
                                   self->turn_user);
  run_cleanup (self);
  run_end (self);
  g_task_return_pointer (task, g_steal_pointer (&result), g_object_unref);
}

static void
op_done (PhonesetStunTest *self)
{
  g_assert (self->pending > 0);
  if (--self->pending > 0 || !self->phase_b || self->over)
    return;
  judge (self);
  complete (self);
}

static void
phase_b_start (PhonesetStunTest *self)
{
  PhonesetStunResult *r = self->result;
  Probe              *first = self->b_first;

  self->phase_b = TRUE;
  self->pending++; /* held until everything below has started */

  if (first != NULL && !first->got && self->f_first != NULL && self->f_first->got)
    {
      /* B's first binding was lost every time but F's got through: the
       * server is reachable. F becomes the behaviour socket; filtering,
       * which needs a socket of its own, stays inconclusive. */
      Sock *sock = self->b;

      self->b = self->f;
      self->f = sock;
      self->b_first = self->f_first;
      self->f_first = first;
      first = self->b_first;
    }

  if (first != NULL && first->got && first->response.is_error)
    {
      r->udp.error = g_strdup_printf ("%d %s", first->response.error_code,
                                      first->response.error_reason ? first->response.error_reason : "");
    }
  else if (first != NULL && first->got && response_mapped (&first->response) != NULL)
    {
      GSocketAddress *mapped = response_mapped (&first->response);
      GInetAddress   *mapped_ip = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (mapped));

      r->udp.reachable = TRUE;
      /* The RTT of the first binding without a retransmission (B or F),
       * else the safe low estimate. */
      self->rtt_ms = first->rtt_ms;
      if (self->f_first->got && self->f_first->rtt_exact && (!first->rtt_exact || self->f_first->rtt_ms < first->rtt_ms))
        self->rtt_ms = self->f_first->rtt_ms;
      /* RFC 6298 at the first sample: SRTT + 4 * RTT/2. */
      self->rto_ms = CLAMP ((guint)ceil (3 * self->rtt_ms), MIN_RTO_MS, MAX_RTO_MS);
      g_debug ("First binding: RTT %.1f ms (%s), RTO %u ms", self->rtt_ms,
               first->rtt_exact ? "no retransmission" : "after a retransmission", self->rto_ms);
      r->udp.rtt_ms = (int)ceil (first->rtt_ms);
      r->udp.local = phoneset_stun_address_to_string (self->b->local);
      r->udp.mapped = phoneset_stun_address_to_string (mapped);
      if (first->response.mapped != NULL && first->response.xor_mapped != NULL)
        {
          r->udp.mapped_plain = phoneset_stun_address_to_string (first->response.mapped);
          r->alg = !same_address (first->response.mapped, first->response.xor_mapped);
        }
      r->nat_present = !g_inet_address_equal (mapped_ip, self->local_ip) ||
                       g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (mapped)) !=
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->b->local));
      if (r->nat_present)
        r->port_preserving = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (mapped)) ==
                             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->b->local));
      if (first->response.other != NULL)
        {
          self->other = g_object_ref (first->response.other);
          r->other_address = phoneset_stun_address_to_string (self->other);
        }
    }
  else if (first != NULL)
    r->udp.error = g_strdup (_("No answer over UDP."));

  if (r->udp.reachable)
    {
      if (self->other != NULL)
        start_mapping (self);
      start_rounds (self);
      if (self->lifetime && r->nat_present == TRUE)
        start_lifetime (self);
      else if (self->lifetime)
        {
          r->lifetime_tested = TRUE;
          r->lifetime_note = g_strdup (_("There is no NAT, so there is no binding that could time out."));
        }
      if (self->turn_user != NULL)
        start_turn_udp (self);
    }
  if (self->turn_user != NULL && (self->transports & PHONESET_STUN_TRANSPORT_TCP) && r->tcp.reachable)
    start_turn_tcp (self);
  if (self->ice && self->udp_addr != NULL)
    start_ice (self);

  op_done (self);
}

static void
phase_a_done (PhonesetStunTest *self)
{
  if (--self->phase_a > 0 || self->over)
    return;
  phase_b_start (self);
}

static void
first_binding_done (PhonesetStunTest *self,
                    Probe            *probe)
{
  if (probe == self->b_first)
    stage (self, PHONESET_STUN_STAGE_UDP_BINDING, FALSE);
  phase_a_done (self);
}

static Probe *
first_probe (PhonesetStunTest *self,
             Sock             *sock)
{
  Probe *probe = probe_new (self, sock, self->udp_addr, PROBE_RETRANSMIT, first_binding_done);

  probe->max_sends = FIRST_MAX_SENDS;
  probe->interval_ms = FIRST_RTO_MS;
  probe->cap_ms = FIRST_RTO_CAP_MS;
  /* After the last send, wait until the deadline: 0, .1, .25, .45, .65,
   * .85, 1.05, 1.25, 1.45 s, then up to 1.6 s (Vovida stun sends ~21
   * requests in its 1 s run; this is 9 per socket, B and F in parallel). */
  probe->final_wait_ms = 150;
  probe->deadline = g_get_monotonic_time () + FIRST_DEADLINE_MS * 1000;
  return probe;
}

static void
start_tests (PhonesetStunTest *self)
{
  PhonesetStunResult *r = self->result;
  g_autoptr(GError) error = NULL;

  self->phase_a = 1; /* held while starting */

  if (self->transports & PHONESET_STUN_TRANSPORT_UDP)
    {
      r->udp.tested = TRUE;
      stage (self, PHONESET_STUN_STAGE_UDP_BINDING, TRUE);
      if (self->udp_addr == NULL)
        {
          r->udp.error = g_strdup (_("The server name could not be resolved."));
          stage (self, PHONESET_STUN_STAGE_UDP_BINDING, FALSE);
        }
      else
        {
          g_autoptr(GSocket) probe = NULL;
          g_autoptr(GSocketAddress) local = NULL;

          r->udp.server = phoneset_stun_address_to_string (self->udp_addr);
          /* The local address that routes to the server: connect a UDP
           * socket (sends nothing) and ask it. Test sockets bind to it,
           * so "local" can be compared with "mapped". */
          probe = g_socket_new (g_socket_address_get_family (self->udp_addr), G_SOCKET_TYPE_DATAGRAM,
                                G_SOCKET_PROTOCOL_UDP, &error);
          if (probe != NULL && g_socket_connect (probe, self->udp_addr, NULL, &error))
            local = g_socket_get_local_address (probe, &error);
          if (local != NULL)
            self->local_ip = g_object_ref (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)));
          if (self->local_ip != NULL)
            self->b = sock_new (self, FALSE, &error);
          if (self->b != NULL)
            self->f = sock_new (self, FALSE, &error);
          if (self->f == NULL)
            {
              r->udp.error = g_strdup (error->message);
              stage (self, PHONESET_STUN_STAGE_UDP_BINDING, FALSE);
            }
          else
            {
              self->phase_a += 2;
              self->b_first = first_probe (self, self->b);
              self->f_first = first_probe (self, self->f);
              probe_start (self->b_first);
              probe_start (self->f_first);
            }
        }
    }
  if (self->transports & PHONESET_STUN_TRANSPORT_TCP)
    start_stream_binding (self, FALSE);
  if (self->transports & PHONESET_STUN_TRANSPORT_TLS)
    start_stream_binding (self, TRUE);

  phase_a_done (self);
}

/* ---- Resolving -------------------------------------------------------- */

typedef struct
{
  PhonesetStunTest *self;
  int               which; /* 0 udp, 1 tcp, 2 tls */
  guint16           port;
} ResolveData;

static void
resolved_one (PhonesetStunTest *self,
              int               which,
              GSocketAddress   *addr)
{
  if (self->over)
    return;
  if (addr != NULL)
    {
      if (which == 0)
        g_set_object (&self->udp_addr, addr);
      else if (which == 1)
        g_set_object (&self->tcp_addr, addr);
      else
        g_set_object (&self->tls_addr, addr);
    }
  if (--self->resolving > 0)
    return;
  g_clear_handle_id (&self->resolve_timeout, engine_source_remove);
  stage (self, PHONESET_STUN_STAGE_RESOLVE, FALSE);
  start_tests (self);
}

static void
name_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  ResolveData *data = user_data;
  g_autoptr(PhonesetStunTest) self = data->self;
  g_autolist(GInetAddress) addresses = NULL;
  g_autoptr(GSocketAddress) addr = NULL;

  addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (object), res, NULL);
  /* IPv4 first: a phone behind NAT nearly always uses IPv4. */
  for (GList *l = addresses; l != NULL && addr == NULL; l = l->next)
    if (g_inet_address_get_family (l->data) == G_SOCKET_FAMILY_IPV4)
      addr = g_inet_socket_address_new (l->data, data->port);
  if (addr == NULL && addresses != NULL)
    addr = g_inet_socket_address_new (addresses->data, data->port);
  resolved_one (self, data->which, addr);
  g_free (data);
}

static void
lookup_name (PhonesetStunTest *self,
             int               which,
             const char       *name,
             guint16           port)
{
  ResolveData *data = g_new0 (ResolveData, 1);

  data->self = g_object_ref (self);
  data->which = which;
  data->port = port;
  if (which == 2)
    {
      g_free (self->tls_host);
      self->tls_host = g_strdup (name);
      self->tls_port = port;
    }
  g_resolver_lookup_by_name_async (g_resolver_get_default (), name, self->resolve_cancellable, name_cb, data);
}

static void
srv_cb (GObject      *object,
        GAsyncResult *res,
        gpointer      user_data)
{
  ResolveData *data = user_data;
  g_autoptr(PhonesetStunTest) self = data->self;
  GList *targets;
  int    which = data->which;

  targets = g_resolver_lookup_service_finish (G_RESOLVER (object), res, NULL);
  g_free (data);
  if (self->over)
    {
      g_list_free_full (targets, (GDestroyNotify)g_srv_target_free);
      return;
    }
  if (targets != NULL)
    {
      targets = g_srv_target_list_sort (targets);
      lookup_name (self, which, g_srv_target_get_hostname (targets->data), g_srv_target_get_port (targets->data));
      g_list_free_full (targets, (GDestroyNotify)g_srv_target_free);
    }
  else
    lookup_name (self, which, self->host, which == 2 ? 5349 : 3478);
}

static gboolean
resolve_timed_out (gpointer user_data)
{
  PhonesetStunTest *self = user_data;

  /* DNS is bounded too: lookups still running fail now, and the
   * transports without an address say "could not be resolved". */
  self->resolve_timeout = 0;
  g_cancellable_cancel (self->resolve_cancellable);
  return G_SOURCE_REMOVE;
}

static void
start_resolve (PhonesetStunTest *self)
{
  g_autoptr(GInetAddress) literal = g_inet_address_new_from_string (self->host);
  const char            *services[] = { "stun", "stun", "stuns" };
  const char            *protocols[] = { "udp", "tcp", "tcp" };
  PhonesetStunTransports bits[] = { PHONESET_STUN_TRANSPORT_UDP, PHONESET_STUN_TRANSPORT_TCP, PHONESET_STUN_TRANSPORT_TLS };

  stage (self, PHONESET_STUN_STAGE_RESOLVE, TRUE);
  self->resolving = 1;
  self->resolve_cancellable = g_cancellable_new ();
  self->resolve_timeout = engine_timeout_add (RESOLVE_TIMEOUT_MS, resolve_timed_out, self);
  for (int i = 0; i < 3; i++)
    {
      /* A port given applies to UDP and TCP; TLS keeps its own 5349
       * (RFC 7350) unless TLS is the only transport tested. */
      gboolean explicit_port = self->port != 0 && (i != 2 || self->transports == PHONESET_STUN_TRANSPORT_TLS);
      guint16  port = explicit_port ? self->port : (i == 2 ? 5349 : 3478);

      if (!(self->transports & bits[i]))
        continue;
      self->resolving++;
      if (literal != NULL)
        {
          g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (literal, port);
          if (i == 2)
            {
              self->tls_host = g_strdup (self->host);
              self->tls_port = port;
            }
          resolved_one (self, i, addr);
        }
      else if (explicit_port || (self->port != 0 && i == 2))
        lookup_name (self, i, self->host, port);
      else
        {
          ResolveData *data = g_new0 (ResolveData, 1);
          data->self = g_object_ref (self);
          data->which = i;
          g_resolver_lookup_service_async (g_resolver_get_default (), services[i], protocols[i], self->host,
                                           self->resolve_cancellable, srv_cb, data);
        }
    }
  resolved_one (self, -1, NULL);
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
  start_resolve (self);
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
    g_signal_new ("stage-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  /**
   * PhonesetStunTest::progress:
   * @self: the test
   * @fraction: how much is done, 0 to 1
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DOUBLE);
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
phoneset_stun_test_new (const char *server,
                        GError    **error)
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
phoneset_stun_test_set_transports (PhonesetStunTest      *self,
                                   PhonesetStunTransports transports)
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
phoneset_stun_test_run_async (PhonesetStunTest   *self,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *server = NULL;

  g_return_if_fail (PHONESET_IS_STUN_TEST (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_stun_test_run_async);
  if (g_atomic_int_get (&self->running))
    {
      g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_FAILED, _("The test is already running."));
      return;
    }
  if (self->transports == 0)
    {
      g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("Choose at least one transport: udp, tcp or tls."));
      return;
    }

  g_atomic_int_set (&self->running, TRUE);
  self->task = g_steal_pointer (&task);
  self->over = FALSE;
  self->phase_b = FALSE;
  self->pending = 0;
  self->round = 0;
  self->ldone = FALSE;
  self->lmap_pending = 0;
  self->t_attempts = 0;
  self->ctrl_sent = self->ctrl_answered = 0;
  memset (&self->f2d, 0, sizeof self->f2d);
  memset (&self->f3d, 0, sizeof self->f3d);
  memset (&self->hpd, 0, sizeof self->hpd);
  memset (self->stage_active, 0, sizeof self->stage_active);
  self->stages_started = self->stages_ended = 0;
  self->rtt_ms = 0;
  self->rto_ms = FIRST_RTO_MS;
  self->t_start = g_get_monotonic_time ();
  self->result = _phoneset_stun_result_new ();
  if (self->port != 0)
    server = g_strdup_printf (strchr (self->host, ':') ? "[%s]:%u" : "%s:%u", self->host, self->port);
  else
    server = g_strdup (self->host);
  self->result->server = g_steal_pointer (&server);
  self->recv_buffer = g_malloc (RECV_BUFFER);
  self->txns = g_hash_table_new_full (id_hash, id_equal, g_free, g_free);
  self->socks = g_ptr_array_new_with_free_func (sock_free);
  self->probes = g_ptr_array_new_with_free_func (probe_free);
  self->streams = g_ptr_array_new ();
  self->lt = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lstate = g_array_new (FALSE, FALSE, sizeof (int));
  self->ltimers = g_array_new (FALSE, FALSE, sizeof (guint));
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
phoneset_stun_test_run_finish (PhonesetStunTest *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
