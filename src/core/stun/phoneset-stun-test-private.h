/* phoneset-stun-test-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inside of PhonesetStunTest, shared by its parts. Nothing outside
 * src/core/phoneset-stun-test*.c includes it.
 *
 *  phoneset-stun-test.c           the GObject, the run and its phases
 *  phoneset-stun-test-resolve.c   DNS: SRV records and names
 *  phoneset-stun-test-probe.c     UDP sockets, probes and transactions
 *  phoneset-stun-test-stream.c    TCP / TLS transactions and bindings
 *  phoneset-stun-test-binding.c   the first UDP binding: NAT, RTT
 *  phoneset-stun-test-behaviour.c mapping, filtering and hairpinning
 *  phoneset-stun-test-lifetime.c  the binding lifetime
 *  phoneset-stun-test-turn.c      TURN allocations over UDP and TCP
 *  phoneset-stun-test-ice.c       ICE candidates (libnice)
 *  phoneset-stun-verdict.c        the verdict from the measurements
 */

#pragma once

#include "phoneset-stun-message.h"
#include "phoneset-stun-result-private.h"
#include "phoneset-stun-test.h"
#include "phoneset-stun-verdict.h"

G_BEGIN_DECLS

#define PHONESET_STUN_FIRST_RTO_MS 100 /* before any RTT is known */
#define PHONESET_STUN_DEFAULT_PORT 3478
#define PHONESET_STUN_TLS_PORT     5349

typedef struct _PhonesetStunSocket PhonesetStunSocket;
typedef struct _PhonesetStunProbe  PhonesetStunProbe;
typedef struct _PhonesetStunStream PhonesetStunStream;

typedef void (*PhonesetStunProbeDone) (PhonesetStunTest  *self,
                                       PhonesetStunProbe *probe);
typedef void (*PhonesetStunStreamDone) (PhonesetStunTest   *self,
                                        PhonesetStunStream *stream,
                                        GError             *error);

typedef enum
{
  PHONESET_STUN_PROBE_RETRANSMIT, /* one transaction, resent until answered */
  PHONESET_STUN_PROBE_BURST,      /* a new transaction per send, all counted */
} PhonesetStunProbeMode;

/* A UDP socket of the test, with its STUN agent. */
struct _PhonesetStunSocket
{
  PhonesetStunTest *self;
  GSocket          *socket;
  GSource          *source;
  GSocketAddress   *local;
  StunAgent         agent;
};

/* Requests from one socket to one destination, and the first answer. */
struct _PhonesetStunProbe
{
  PhonesetStunTest     *self;
  PhonesetStunSocket   *sock;
  GSocketAddress       *dest;
  PhonesetStunProbeMode mode;
  guint                 change;
  guint16               response_port;
  gboolean              expect_request; /* hairpin: the answer is our own request */
  GBytes               *raw;            /* a prebuilt request (TURN) */
  StunTransactionId     raw_id;
  guint                 max_sends;
  guint                 sends;
  guint                 answered;
  guint                 interval_ms;
  guint                 cap_ms;
  guint                 final_wait_ms;
  gint64                deadline; /* monotonic µs: no send, no wait after it; 0: none */
  gint64                first_sent_at;
  gint64                last_sent_at;
  gint64                answered_at;
  guint                 timer;
  gboolean              finished;
  GPtrArray            *ids;
  /* the first answer */
  gboolean              got_answer;
  PhonesetStunResponse  response;
  GSocketAddress       *from;
  GBytes               *response_bytes;
  double                rtt_ms;
  gboolean              rtt_exact;
  PhonesetStunProbeDone done;
  guint                 lifetime_point; /* the lifetime test's point */
};

/* One connection (TCP or TLS) and the STUN exchange on it. */
struct _PhonesetStunStream
{
  gatomicrefcount        ref;
  PhonesetStunTest      *self; /* NULL once the run is over */
  gboolean               tls;
  GSocketConnection     *conn;
  GCancellable          *cancellable;
  guint                  timeout;
  StunAgent              agent;
  guint8                 out[1024];
  gsize                  out_len;
  guint8                 in[PHONESET_STUN_MAX_RESPONSE + 64];
  gsize                  have;
  gsize                  want;
  gint64                 sent_at;
  double                 rtt_ms;
  char                  *cert_note;
  GBytes                *challenge;
  guint                  attempts;
  PhonesetStunResponse   response;
  PhonesetStunStreamDone done;
};

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
  PhonesetProfile       *profile; /* the phone's, for its refresh default */

  /* One run. */
  GTask                 *task;
  GMainContext          *caller_context;   /* signals and the result go there */
  GMainContext          *context;          /* the engine thread's */
  GMainLoop             *loop;             /* runs the engine thread */
  int                    running;          /* atomic: from run_async () to the result */
  GCancellable          *cancellable;      /* ours, for resolver and ICE */
  GCancellable          *user_cancellable; /* the caller's */
  gulong                 cancel_id;
  PhonesetStunResult    *result;
  gint64                 started_at;
  int                    bindings_pending;  /* phase 1: the first bindings */
  gboolean               followups_started; /* phase 2: what needs them */
  int                    ops_pending;       /* phase 2 operations still running */
  gboolean               over;
  guint                  stage_active[PHONESET_STUN_N_STAGES];
  guint                  stages_started;
  guint                  stages_ended;

  /* Where the server is (phoneset-stun-test-resolve.c). */
  GSocketAddress        *udp_addr;
  GSocketAddress        *tcp_addr;
  GSocketAddress        *tls_addr;
  char                  *tls_host;
  guint16                tls_port;
  int                    resolving;
  guint                  resolve_timeout;
  GCancellable          *resolve_cancellable;

  /* UDP transactions (phoneset-stun-test-probe.c). */
  guint8                *recv_buffer;
  GHashTable            *transactions;
  GPtrArray             *sockets;
  GPtrArray             *probes;
  GPtrArray             *streams;
  double                 rtt_ms;
  guint                  rto_ms;

  /* The first bindings (phoneset-stun-test-binding.c): the behaviour
   * socket binds, maps and is the hairpin target; the filtering socket
   * never sends to the alternate address, so its filter state is only
   * that of the primary address. */
  GInetAddress          *local_ip;
  GSocketAddress        *alternate_address; /* the server's OTHER-ADDRESS */
  PhonesetStunSocket    *behaviour_socket;
  PhonesetStunSocket    *filtering_socket;
  PhonesetStunProbe     *behaviour_binding;
  PhonesetStunProbe     *filtering_binding;

  /* Mapping, filtering and hairpinning (phoneset-stun-test-behaviour.c). */
  PhonesetStunProbe     *mapping_alternate_ip;
  PhonesetStunProbe     *mapping_alternate_ip_port;
  PhonesetStunSocket    *hairpin_socket;
  int                    round;
  int                    round_probes_pending;
  PhonesetStunProbe     *control_burst;
  PhonesetStunProbe     *change_ip_port_burst;
  PhonesetStunProbe     *change_port_burst;
  PhonesetStunProbe     *hairpin_burst;
  guint                  control_sent;
  guint                  control_answered;
  PhonesetStunDecision   change_ip_port;
  PhonesetStunDecision   change_port;
  PhonesetStunDecision   hairpin;

  /* The binding lifetime (phoneset-stun-test-lifetime.c). */
  PhonesetStunSocket    *lifetime_socket;
  GArray                *lifetime_waits;  /* guint ms per point */
  GArray                *lifetime_states; /* LifetimeState per point */
  GArray                *lifetime_timers; /* guint source ids */
  int                    lifetime_mappings_pending;
  gboolean               lifetime_done;

  /* TURN over UDP (phoneset-stun-test-turn.c). */
  PhonesetStunSocket    *turn_socket;
  GBytes                *turn_challenge;
  guint                  turn_attempts;
};

/* phoneset-stun-test.c */
guint               _phoneset_stun_timeout_add              (guint                  ms,
                                                             GSourceFunc            func,
                                                             gpointer               data);
void                _phoneset_stun_source_remove            (guint                  id);
void                _phoneset_stun_test_stage               (PhonesetStunTest      *self,
                                                             PhonesetStunStage      stage,
                                                             gboolean               running);
void                _phoneset_stun_test_start_tests         (PhonesetStunTest      *self);
void                _phoneset_stun_test_binding_done        (PhonesetStunTest      *self);
void                _phoneset_stun_test_op_done             (PhonesetStunTest      *self);
void                _phoneset_stun_test_op_end              (PhonesetStunTest      *self,
                                                             PhonesetStunStage      stage);

/* phoneset-stun-test-resolve.c */
void                _phoneset_stun_test_start_resolve       (PhonesetStunTest      *self);
void                _phoneset_stun_test_clear_resolve       (PhonesetStunTest      *self);

/* phoneset-stun-test-probe.c */
void                _phoneset_stun_probes_init              (PhonesetStunTest      *self);
void                _phoneset_stun_probes_stop              (PhonesetStunTest      *self);
void                _phoneset_stun_probes_clear             (PhonesetStunTest      *self);
PhonesetStunSocket *_phoneset_stun_socket_new               (PhonesetStunTest      *self,
                                                             gboolean               long_term,
                                                             GError               **error);
PhonesetStunProbe  *_phoneset_stun_probe_new                (PhonesetStunTest      *self,
                                                             PhonesetStunSocket    *sock,
                                                             GSocketAddress        *dest,
                                                             PhonesetStunProbeMode  mode,
                                                             PhonesetStunProbeDone  done);
void                _phoneset_stun_probe_start              (PhonesetStunProbe     *probe);
void                _phoneset_stun_expect_transaction       (PhonesetStunTest      *self,
                                                             const guint8          *id);

/* phoneset-stun-test-stream.c */
PhonesetStunStream *_phoneset_stun_stream_open              (PhonesetStunTest      *self,
                                                             GSocketConnectable    *where,
                                                             gboolean               tls,
                                                             gboolean               long_term,
                                                             PhonesetStunStreamDone done);
void                _phoneset_stun_stream_again             (PhonesetStunTest      *self,
                                                             PhonesetStunStream    *stream,
                                                             PhonesetStunStreamDone done);
void                _phoneset_stun_streams_init             (PhonesetStunTest      *self);
void                _phoneset_stun_streams_clear            (PhonesetStunTest      *self);
void                _phoneset_stun_test_start_stream_binding (PhonesetStunTest     *self,
                                                              gboolean              tls);

/* phoneset-stun-test-binding.c */
void                _phoneset_stun_test_start_udp_binding   (PhonesetStunTest      *self);
void                _phoneset_stun_test_read_udp_binding    (PhonesetStunTest      *self);

/* phoneset-stun-test-behaviour.c */
void                _phoneset_stun_test_start_mapping       (PhonesetStunTest      *self);
void                _phoneset_stun_test_start_rounds        (PhonesetStunTest      *self);
void                _phoneset_stun_test_measure             (PhonesetStunTest      *self,
                                                             PhonesetStunMeasurements *measured);

/* phoneset-stun-test-lifetime.c */
void                _phoneset_stun_test_start_lifetime      (PhonesetStunTest      *self);
void                _phoneset_stun_test_clear_lifetime      (PhonesetStunTest      *self);

/* phoneset-stun-test-turn.c */
void                _phoneset_stun_test_start_turn_udp      (PhonesetStunTest      *self);
void                _phoneset_stun_test_start_turn_tcp      (PhonesetStunTest      *self);

/* phoneset-stun-test-ice.c */
void                _phoneset_stun_test_start_ice           (PhonesetStunTest      *self);

G_END_DECLS
