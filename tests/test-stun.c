/* test-stun.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The STUN self-test against a fake server on 127.0.0.1 (no root, no
 * network): bad packets are ignored and counted, a silent server ends the
 * test within 2 s, cancelling works, and the result serialises.
 */

#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "phoneset-error.h"
#include "phoneset-stun-message.h"
#include "phoneset-stun-result-private.h"
#include "phoneset-stun-test.h"

typedef struct
{
  GSocket  *socket;
  GSource  *source;
  StunAgent agent;
  gboolean  hostile; /* send bad packets before each good answer */
  guint     requests;
} FakeServer;

static void
send_bytes (FakeServer     *server,
            GSocketAddress *to,
            const guint8   *data,
            gsize           len)
{
  g_socket_send_to (server->socket, to, (const char *)data, len, NULL, NULL);
}

static gsize
build_response (FakeServer     *server,
                StunMessage    *request,
                GSocketAddress *to,
                guint8         *out,
                gsize           out_len)
{
  StunMessage             response;
  struct sockaddr_storage ss;

  g_assert_true (g_socket_address_to_native (to, &ss, sizeof ss, NULL));
  g_assert_true (stun_agent_init_response (&server->agent, &response, out, out_len, request));
  g_assert_cmpint (stun_message_append_xor_addr (&response, STUN_ATTRIBUTE_XOR_MAPPED_ADDRESS,
                                                 (struct sockaddr_storage *)&ss,
                                                 g_socket_address_get_native_size (to)),
                   ==, STUN_MESSAGE_RETURN_SUCCESS);
  return stun_agent_finish_message (&server->agent, &response, NULL, 0);
}

static gboolean
server_readable (GSocket      *socket,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  FakeServer *server = user_data;
  guint8      buf[2048], out[512];
  g_autoptr(GSocketAddress) from = NULL;
  StunMessage request;
  gssize      n;
  gsize       len;

  n = g_socket_receive_from (socket, &from, (char *)buf, sizeof buf, NULL, NULL);
  if (n <= 0)
    return G_SOURCE_CONTINUE;
  if (stun_agent_validate (&server->agent, &request, buf, n, NULL, NULL) != STUN_VALIDATION_SUCCESS)
    return G_SOURCE_CONTINUE;
  server->requests++;

  len = build_response (server, &request, from, out, sizeof out);
  if (server->hostile)
    {
      static const guint8 garbage[] = "this is not STUN at all, just noise";
      g_autofree guint8  *big = g_malloc0 (3000);
      guint8              forged[512], fake_req[128];
      StunAgent           other;
      StunMessage         fake, fake_in;
      gsize               flen, rlen;

      /* malformed */
      send_bytes (server, from, garbage, sizeof garbage);
      /* truncated: the real answer cut short */
      send_bytes (server, from, out, len - 8);
      /* oversized: a STUN header claiming a huge body */
      memcpy (big, out, 20);
      big[2] = (2980 >> 8) & 0xff;
      big[3] = 2980 & 0xff;
      send_bytes (server, from, big, 3000);
      /* spoofed: a well-formed answer to a transaction nobody sent */
      phoneset_stun_agent_init (&other, FALSE);
      stun_agent_init_request (&other, &fake, fake_req, sizeof fake_req, STUN_BINDING);
      rlen = stun_agent_finish_message (&other, &fake, NULL, 0);
      g_assert_cmpint (stun_agent_validate (&server->agent, &fake_in, fake_req, rlen, NULL, NULL),
                       ==, STUN_VALIDATION_SUCCESS);
      flen = build_response (server, &fake_in, from, forged, sizeof forged);
      send_bytes (server, from, forged, flen);
    }
  send_bytes (server, from, out, len);
  return G_SOURCE_CONTINUE;
}

static FakeServer *
fake_server_new (gboolean  hostile,
                 guint16  *port)
{
  FakeServer *server = g_new0 (FakeServer, 1);
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) local = NULL;

  server->hostile = hostile;
  server->socket =
    g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);
  g_assert_nonnull (server->socket);
  g_assert_true (g_socket_bind (server->socket, addr, FALSE, NULL));
  g_socket_set_blocking (server->socket, FALSE);
  local = g_socket_get_local_address (server->socket, NULL);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  stun_agent_init (&server->agent, STUN_ALL_KNOWN_ATTRIBUTES, STUN_COMPATIBILITY_RFC5389,
                   STUN_AGENT_USAGE_USE_FINGERPRINT | STUN_AGENT_USAGE_IGNORE_CREDENTIALS);
  server->source = g_socket_create_source (server->socket, G_IO_IN, NULL);
  g_source_set_callback (server->source, (GSourceFunc)(GCallback)server_readable, server, NULL);
  g_source_attach (server->source, NULL);
  return server;
}

static void
fake_server_free (FakeServer *server)
{
  g_source_destroy (server->source);
  g_source_unref (server->source);
  g_object_unref (server->socket);
  g_free (server);
}

typedef struct
{
  GMainLoop          *loop;
  PhonesetStunResult *result;
  GError             *error;
  guint               stages;
  double              progress;
} Run;

static void
run_cb (GObject      *object,
        GAsyncResult *res,
        gpointer      user_data)
{
  Run *run = user_data;

  run->result = phoneset_stun_test_run_finish (PHONESET_STUN_TEST (object), res, &run->error);
  g_main_loop_quit (run->loop);
}

static void
on_stage (PhonesetStunTest *test,
          guint             stage,
          gboolean          running,
          Run              *run)
{
  g_assert_cmpuint (stage, <, PHONESET_STUN_N_STAGES);
  g_assert_nonnull (phoneset_stun_stage_get_name (stage));
  run->stages++;
}

static void
on_progress (PhonesetStunTest *test,
             double            fraction,
             Run              *run)
{
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  run->progress = fraction;
}

static void
run_test (PhonesetStunTest *test,
          GCancellable     *cancellable,
          Run              *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (test, "stage-changed", G_CALLBACK (on_stage), run);
  g_signal_connect (test, "progress", G_CALLBACK (on_progress), run);
  phoneset_stun_test_run_async (test, cancellable, run_cb, run);
  g_main_loop_run (run->loop);
  g_main_loop_unref (run->loop);
}

static void
test_stun_hostile_server (void)
{
  guint16          port;
  FakeServer      *server = fake_server_new (TRUE, &port);
  g_autofree char *address = g_strdup_printf ("127.0.0.1:%u", port);
  g_autoptr(PhonesetStunTest) test = phoneset_stun_test_new (address, NULL);
  g_autoptr(JsonNode) json = NULL;
  g_autofree char    *text = NULL;
  Run                 run = { 0 };
  PhonesetStunResult *r;

  g_assert_nonnull (test);
  phoneset_stun_test_set_transports (test, PHONESET_STUN_TRANSPORT_UDP);
  run_test (test, NULL, &run);
  g_assert_no_error (run.error);
  r = run.result;
  g_assert_true (phoneset_stun_result_get_reachable (r));
  g_assert_cmpstr (r->udp.local, ==, r->udp.mapped);
  g_assert_cmpint (r->nat_present, ==, FALSE);
  /* No OTHER-ADDRESS: says it cannot test behaviour instead of guessing. */
  g_assert_cmpstr (phoneset_stun_result_get_mapping (r), ==, "unsupported");
  g_assert_cmpstr (phoneset_stun_result_get_filtering (r), ==, "unsupported");
  g_assert_nonnull (r->behaviour_note);
  g_assert_cmpuint (r->ignored_malformed, >=, 1);
  g_assert_cmpuint (r->ignored_truncated, >=, 1);
  g_assert_cmpuint (r->ignored_oversized, >=, 1);
  g_assert_cmpuint (r->ignored_spoofed, >=, 1);
  g_assert_cmpuint (run.stages, >=, 4);
  g_assert_cmpfloat (run.progress, ==, 1.0);

  json = phoneset_stun_result_to_json (r);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json));
  g_assert_true (json_object_get_boolean_member (
    json_object_get_object_member (json_node_get_object (json), "udp"), "reachable"));
  text = phoneset_stun_result_to_text (r);
  g_assert_nonnull (strstr (text, "malformed"));

  g_object_unref (run.result);
  fake_server_free (server);
}

/* A fake RFC 5780 server on 127.0.0.1 and 127.0.0.2, each on a primary and
 * an alternate port: four sockets, answers from the one CHANGE-REQUEST
 * asks for, with OTHER-ADDRESS and RESPONSE-ORIGIN. */
typedef enum
{
  RFC5780_NORMAL,
  RFC5780_IGNORE_CHANGE,  /* answers CHANGE-REQUEST from where it came */
  RFC5780_DEAD_ALTERNATE, /* 127.0.0.2 never answers */
} Rfc5780Mode;

typedef struct
{
  GSocket        *sockets[4]; /* [ip * 2 + port]: ip 0 = .1, port 0 = primary */
  GSource        *sources[4];
  GSocketAddress *addresses[4];
  StunAgent       agent;
  Rfc5780Mode     mode;
} Rfc5780Server;

typedef struct
{
  Rfc5780Server *server;
  guint          index;
} Rfc5780Socket;

static gboolean
rfc5780_readable (GSocket      *socket,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  Rfc5780Socket *rs = user_data;
  Rfc5780Server *server = rs->server;
  guint8         buf[1024], out[512];
  g_autoptr(GSocketAddress) from = NULL;
  g_autoptr(GSocketAddress) to = NULL;
  StunMessage             request, response;
  struct sockaddr_storage ss;
  uint32_t                change = 0, response_port = 0;
  guint                   index = rs->index;
  gssize                  n;
  gsize                   len;

  n = g_socket_receive_from (socket, &from, (char *)buf, sizeof buf, NULL, NULL);
  if (n <= 0 ||
      stun_agent_validate (&server->agent, &request, buf, n, NULL, NULL) != STUN_VALIDATION_SUCCESS)
    return G_SOURCE_CONTINUE;
  if (server->mode == RFC5780_DEAD_ALTERNATE && index >= 2)
    return G_SOURCE_CONTINUE;
  stun_message_find32 (&request, STUN_ATTRIBUTE_CHANGE_REQUEST, &change);
  if (stun_message_find32 (&request, PHONESET_STUN_ATTR_RESPONSE_PORT, &response_port) ==
      STUN_MESSAGE_RETURN_SUCCESS)
    to = g_inet_socket_address_new (
      g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (from)), response_port >> 16);
  else
    to = g_object_ref (from);
  if (server->mode != RFC5780_IGNORE_CHANGE)
    {
      if (change & PHONESET_STUN_CHANGE_IP)
        index ^= 2;
      if (change & PHONESET_STUN_CHANGE_PORT)
        index ^= 1;
    }
  if (server->mode == RFC5780_DEAD_ALTERNATE && index >= 2)
    return G_SOURCE_CONTINUE;

  g_assert_true (stun_agent_init_response (&server->agent, &response, out, sizeof out, &request));
  g_socket_address_to_native (from, &ss, sizeof ss, NULL);
  stun_message_append_xor_addr (&response, STUN_ATTRIBUTE_XOR_MAPPED_ADDRESS, &ss,
                                g_socket_address_get_native_size (from));
  g_socket_address_to_native (server->addresses[3], &ss, sizeof ss, NULL);
  stun_message_append_addr (&response, PHONESET_STUN_ATTR_OTHER_ADDRESS, (struct sockaddr *)&ss,
                            g_socket_address_get_native_size (server->addresses[3]));
  g_socket_address_to_native (server->addresses[index], &ss, sizeof ss, NULL);
  stun_message_append_addr (&response, PHONESET_STUN_ATTR_RESPONSE_ORIGIN, (struct sockaddr *)&ss,
                            g_socket_address_get_native_size (server->addresses[index]));
  len = stun_agent_finish_message (&server->agent, &response, NULL, 0);
  g_socket_send_to (server->sockets[index], to, (const char *)out, len, NULL, NULL);
  return G_SOURCE_CONTINUE;
}

static Rfc5780Server *
rfc5780_server_new (Rfc5780Mode mode)
{
  Rfc5780Server *server = g_new0 (Rfc5780Server, 1);
  guint16        ports[2] = { 0, 0 };

  server->mode = mode;
  stun_agent_init (&server->agent, STUN_ALL_KNOWN_ATTRIBUTES, STUN_COMPATIBILITY_RFC5389,
                   STUN_AGENT_USAGE_USE_FINGERPRINT | STUN_AGENT_USAGE_IGNORE_CREDENTIALS);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GInetAddress) ip =
                   g_inet_address_new_from_string (i < 2 ? "127.0.0.1" : "127.0.0.2");
      g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (ip, ports[i % 2]);
      Rfc5780Socket *rs = g_new0 (Rfc5780Socket, 1);

      server->sockets[i] =
        g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);
      g_assert_true (g_socket_bind (server->sockets[i], addr, FALSE, NULL));
      g_socket_set_blocking (server->sockets[i], FALSE);
      server->addresses[i] = g_socket_get_local_address (server->sockets[i], NULL);
      ports[i % 2] = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (server->addresses[i]));
      rs->server = server;
      rs->index = i;
      server->sources[i] = g_socket_create_source (server->sockets[i], G_IO_IN, NULL);
      g_source_set_callback (server->sources[i], (GSourceFunc)(GCallback)rfc5780_readable, rs,
                             g_free);
      g_source_attach (server->sources[i], NULL);
    }
  return server;
}

static void
rfc5780_server_free (Rfc5780Server *server)
{
  for (guint i = 0; i < 4; i++)
    {
      g_source_destroy (server->sources[i]);
      g_source_unref (server->sources[i]);
      g_object_unref (server->sockets[i]);
      g_object_unref (server->addresses[i]);
    }
  g_free (server);
}

static PhonesetStunResult *
run_rfc5780 (Rfc5780Server *server)
{
  g_autofree char *address = g_strdup_printf (
    "127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (server->addresses[0])));
  g_autoptr(PhonesetStunTest) test = phoneset_stun_test_new (address, NULL);
  Run run = { 0 };

  phoneset_stun_test_set_transports (test, PHONESET_STUN_TRANSPORT_UDP);
  run_test (test, NULL, &run);
  g_assert_no_error (run.error);
  return run.result;
}

static void
test_stun_rfc5780_open (void)
{
  Rfc5780Server *server = rfc5780_server_new (RFC5780_NORMAL);
  g_autoptr(PhonesetStunResult) r = run_rfc5780 (server);

  g_assert_cmpint (r->nat_present, ==, FALSE);
  g_assert_cmpstr (r->mapping, ==, "endpoint-independent");
  g_assert_cmpstr (r->filtering, ==, "endpoint-independent");
  g_assert_cmpstr (r->classic, ==, "open");
  g_assert_cmpint (r->hairpinning, ==, PHONESET_TRI_UNKNOWN);
  g_assert_nonnull (r->other_address);
  g_assert_cmpuint (r->ignored_spoofed + r->ignored_malformed, ==, 0);
  rfc5780_server_free (server);
}

static void
test_stun_rfc5780_ignores_change (void)
{
  Rfc5780Server *server = rfc5780_server_new (RFC5780_IGNORE_CHANGE);
  g_autoptr(PhonesetStunResult) r = run_rfc5780 (server);

  /* Answers to CHANGE-REQUEST from the primary address prove nothing. */
  g_assert_cmpstr (r->filtering, ==, "unsupported");
  g_assert_cmpstr (r->classic, ==, "inconclusive");
  g_assert_nonnull (r->behaviour_note);
  rfc5780_server_free (server);
}

static void
test_stun_rfc5780_dead_alternate (void)
{
  Rfc5780Server *server = rfc5780_server_new (RFC5780_DEAD_ALTERNATE);
  g_autoptr(PhonesetStunResult) r = run_rfc5780 (server);

  /* A dead alternate address must not pass for filtering. */
  g_assert_cmpstr (r->mapping, ==, "inconclusive");
  g_assert_cmpstr (r->filtering, ==, "inconclusive");
  g_assert_cmpstr (r->classic, ==, "inconclusive");
  g_assert_cmpuint (r->lost_probes, >, 0);
  rfc5780_server_free (server);
}

static void
test_stun_silent_server (void)
{
  guint16          port;
  FakeServer      *server = fake_server_new (FALSE, &port);
  g_autofree char *address = NULL;
  g_autoptr(PhonesetStunTest) test = NULL;
  Run    run = { 0 };
  gint64 t0;

  /* A bound socket that nobody reads: requests vanish without an ICMP. */
  g_source_destroy (server->source);
  address = g_strdup_printf ("127.0.0.1:%u", port);
  test = phoneset_stun_test_new (address, NULL);
  phoneset_stun_test_set_transports (test, PHONESET_STUN_TRANSPORT_UDP);
  t0 = g_get_monotonic_time ();
  run_test (test, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 2 * G_USEC_PER_SEC);
  g_assert_false (phoneset_stun_result_get_reachable (run.result));
  g_assert_cmpuint (run.result->requests_sent, >=, 8);
  g_object_unref (run.result);
  fake_server_free (server);
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_stun_cancel (void)
{
  guint16          port;
  FakeServer      *server = fake_server_new (FALSE, &port);
  g_autofree char *address = NULL;
  g_autoptr(PhonesetStunTest) test = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run run = { 0 };

  g_source_destroy (server->source);
  address = g_strdup_printf ("127.0.0.1:%u", port);
  test = phoneset_stun_test_new (address, NULL);
  phoneset_stun_test_set_transports (test, PHONESET_STUN_TRANSPORT_UDP);
  g_timeout_add (100, cancel_soon, cancellable);
  run_test (test, cancellable, &run);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.result);
  g_clear_error (&run.error);
  fake_server_free (server);
}

static gpointer
server_thread (gpointer data)
{
  GMainLoop *loop = data;

  g_main_context_push_thread_default (g_main_loop_get_context (loop));
  g_main_loop_run (loop);
  g_main_context_pop_thread_default (g_main_loop_get_context (loop));
  return NULL;
}

/* The engine runs in a thread of its own: a caller whose main loop is
 * held up (a window busy drawing) neither delays the probes nor makes the
 * answers look late. The fake server answers from a thread too; the
 * caller sleeps 2 s without iterating its loop, and by then the run has
 * ended, with the loopback's round-trip time. (Before, nothing ran while
 * the caller slept: the run took over 2 s and measured a 2 s RTT.) */
static void
test_stun_busy_caller (void)
{
  guint16     port;
  FakeServer *server = fake_server_new (FALSE, &port);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) server_loop = g_main_loop_new (context, FALSE);
  g_autofree char *address = g_strdup_printf ("127.0.0.1:%u", port);
  g_autoptr(PhonesetStunTest) test = phoneset_stun_test_new (address, NULL);
  GThread *thread;
  Run      run = { 0 };

  g_source_destroy (server->source);
  g_source_unref (server->source);
  server->source = g_socket_create_source (server->socket, G_IO_IN, NULL);
  g_source_set_callback (server->source, (GSourceFunc)(GCallback)server_readable, server, NULL);
  g_source_attach (server->source, context);
  thread = g_thread_new ("fake-stun-server", server_thread, server_loop);

  phoneset_stun_test_set_transports (test, PHONESET_STUN_TRANSPORT_UDP);
  run.loop = g_main_loop_new (NULL, FALSE);
  phoneset_stun_test_run_async (test, NULL, run_cb, &run);
  g_usleep (2 * G_USEC_PER_SEC);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);

  g_assert_no_error (run.error);
  g_assert_true (phoneset_stun_result_get_reachable (run.result));
  g_test_message ("run: %" G_GINT64_FORMAT " ms, RTT %d ms while the caller slept 2 s",
                  (gint64)run.result->elapsed_ms, run.result->udp.rtt_ms);
  g_assert_cmpint (run.result->elapsed_ms, <, 2000);
  g_assert_cmpint (run.result->udp.rtt_ms, <, 1000);
  g_object_unref (run.result);

  g_main_loop_quit (server_loop);
  g_thread_join (thread);
  fake_server_free (server);
}

static void
test_stun_bad_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetStunTest) test = phoneset_stun_test_new ("stun.example.org:99999", &error);

  g_assert_null (test);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
}

static void
test_stun_parse_rejects (void)
{
  StunAgent            agent;
  PhonesetStunResponse response;
  StunTransactionId    id;
  guint8               buf[64];
  gsize                len;
  g_autoptr(GError) error = NULL;

  phoneset_stun_agent_init (&agent, FALSE);
  len = phoneset_stun_build_binding (&agent, buf, sizeof buf,
                                     PHONESET_STUN_CHANGE_IP | PHONESET_STUN_CHANGE_PORT, 0, id);
  g_assert_cmpuint (len, >, 20);
  g_assert_cmpint (phoneset_stun_parse (&agent, buf, 10, &response, &error), ==,
                   PHONESET_STUN_PACKET_TRUNCATED);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_cmpint (
    phoneset_stun_parse (&agent, (const guint8 *)"hello world, not stun", 21, &response, &error),
    ==, PHONESET_STUN_PACKET_MALFORMED);
  g_clear_error (&error);
  g_assert_cmpstr (phoneset_stun_error_explain (401), !=, phoneset_stun_error_explain (999));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stun/parse-rejects", test_stun_parse_rejects);
  g_test_add_func ("/stun/bad-server", test_stun_bad_server);
  g_test_add_func ("/stun/hostile-server", test_stun_hostile_server);
  g_test_add_func ("/stun/silent-server", test_stun_silent_server);
  g_test_add_func ("/stun/rfc5780/open", test_stun_rfc5780_open);
  g_test_add_func ("/stun/rfc5780/ignores-change", test_stun_rfc5780_ignores_change);
  g_test_add_func ("/stun/rfc5780/dead-alternate", test_stun_rfc5780_dead_alternate);
  g_test_add_func ("/stun/cancel", test_stun_cancel);
  g_test_add_func ("/stun/busy-caller", test_stun_busy_caller);

  return g_test_run ();
}
