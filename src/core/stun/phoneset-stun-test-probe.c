/* phoneset-stun-test-probe.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UDP for the self-test: its sockets, the probes sent from them and the
 * transactions that match answers to probes.
 *
 *  - Every UDP request is a probe on a socket of its own role (behaviour,
 *    filtering, hairpin, TURN, lifetime). Independent probes run at the
 *    same time.
 *  - Requests that must be answered are retransmitted as RFC 8489 says,
 *    with the same transaction id and an RTO from the RTT of the first
 *    binding; bursts send a new transaction each time and count them.
 *  - Malformed, truncated, oversized, forged (unknown transaction) and
 *    duplicate packets are ignored and counted.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <string.h>

#include "phoneset-stun-test-private.h"

#define PROBE_MAX_SENDS 9
#define BURST_SENDS     10
#define RECV_BUFFER     65536

/* A request sent; its probe is NULL once the probe is over (or when no
 * answer is waited for), so that a late answer is known, not forged. */
typedef struct
{
  PhonesetStunProbe *probe;
  gboolean           answered;
} Transaction;

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

static void deliver (PhonesetStunSocket *sock, const guint8 *data, gsize len, GSocketAddress *from);

static gboolean
sock_readable (GSocket      *socket,
               GIOCondition  condition,
               gpointer      user_data)
{
  PhonesetStunSocket *sock = user_data;
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
  PhonesetStunSocket *sock = data;

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

/* A socket bound to the local address that routes to the server. */
PhonesetStunSocket *
_phoneset_stun_socket_new (PhonesetStunTest  *self,
                           gboolean           long_term,
                           GError           **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bind_addr = NULL;
  PhonesetStunSocket *sock;

  socket = g_socket_new (g_inet_address_get_family (self->local_ip), G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, error);
  if (socket == NULL)
    return NULL;
  g_socket_set_blocking (socket, FALSE);
  bind_addr = g_inet_socket_address_new (self->local_ip, 0);
  if (!g_socket_bind (socket, bind_addr, FALSE, error))
    return NULL;

  sock = g_new0 (PhonesetStunSocket, 1);
  sock->self = self;
  sock->socket = g_steal_pointer (&socket);
  sock->local = g_socket_get_local_address (sock->socket, NULL);
  phoneset_stun_agent_init (&sock->agent, long_term);
  sock->source = g_socket_create_source (sock->socket, G_IO_IN, NULL);
  g_source_set_callback (sock->source, (GSourceFunc)(GCallback)sock_readable, sock, NULL);
  g_source_attach (sock->source, g_main_context_get_thread_default ());
  g_ptr_array_add (self->sockets, sock);
  return sock;
}

/* ---- Probes ----------------------------------------------------------- */

static void
probe_free (gpointer data)
{
  PhonesetStunProbe *probe = data;

  g_clear_handle_id (&probe->timer, _phoneset_stun_source_remove);
  g_clear_object (&probe->dest);
  g_clear_pointer (&probe->raw, g_bytes_unref);
  g_clear_pointer (&probe->ids, g_ptr_array_unref);
  phoneset_stun_response_clear (&probe->response);
  g_clear_object (&probe->from);
  g_clear_pointer (&probe->response_bytes, g_bytes_unref);
  g_free (probe);
}

static void
probe_finish (PhonesetStunProbe *probe)
{
  PhonesetStunTest *self = probe->self;

  if (probe->finished)
    return;
  probe->finished = TRUE;
  g_clear_handle_id (&probe->timer, _phoneset_stun_source_remove);
  for (guint i = 0; i < probe->ids->len; i++)
    {
      guint8      *id = g_ptr_array_index (probe->ids, i);
      Transaction *transaction = g_hash_table_lookup (self->transactions, id);

      if (transaction != NULL)
        {
          if (!transaction->answered)
            stun_agent_forget_transaction (&probe->sock->agent, id);
          transaction->probe = NULL; /* kept: a late answer is a duplicate */
        }
    }
  if (probe->done != NULL)
    probe->done (self, probe);
}

static void
probe_send (PhonesetStunProbe *probe)
{
  PhonesetStunTest *self = probe->self;
  guint8            buffer[1024];
  gsize             len = 0;
  guint8           *id;

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
      len = phoneset_stun_build_binding (&probe->sock->agent, buffer, sizeof buffer, probe->change,
                                         probe->response_port, id);
      /* A retransmission resends the same bytes under the same
       * transaction id (RFC 8489 6.2.1). */
      if (len > 0 && probe->mode == PHONESET_STUN_PROBE_RETRANSMIT)
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

  probe->last_sent_at = g_get_monotonic_time ();
  if (probe->sends == 0)
    probe->first_sent_at = probe->last_sent_at;
  probe->sends++;
  self->result->requests_sent++;

  if (g_hash_table_lookup (self->transactions, id) == NULL)
    {
      Transaction *transaction = g_new0 (Transaction, 1);

      transaction->probe = probe;
      g_hash_table_insert (self->transactions, id, transaction);
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
  PhonesetStunProbe *probe = user_data;

  probe->timer = 0;
  if (probe->sends < probe->max_sends &&
      (probe->deadline == 0 || g_get_monotonic_time () < probe->deadline))
    {
      guint next;

      probe_send (probe);
      if (probe->mode == PHONESET_STUN_PROBE_RETRANSMIT)
        probe->interval_ms = MIN ((guint)(probe->interval_ms * 1.5), probe->cap_ms);
      next = probe->sends < probe->max_sends ? probe->interval_ms : probe->final_wait_ms;
      /* A busy main loop (a window drawing) runs timers late: the
       * deadline holds all the same. */
      if (probe->deadline != 0)
        next = MIN (next, (guint)(MAX (probe->deadline - g_get_monotonic_time (), 0) / 1000));
      probe->timer = _phoneset_stun_timeout_add (next, probe_tick, probe);
      return G_SOURCE_REMOVE;
    }
  probe_finish (probe);
  return G_SOURCE_REMOVE;
}

/* A probe, not started yet; its timing follows the RTT measured so far.
 * The run owns it. */
PhonesetStunProbe *
_phoneset_stun_probe_new (PhonesetStunTest      *self,
                          PhonesetStunSocket    *sock,
                          GSocketAddress        *dest,
                          PhonesetStunProbeMode  mode,
                          PhonesetStunProbeDone  done)
{
  PhonesetStunProbe *probe = g_new0 (PhonesetStunProbe, 1);

  probe->self = self;
  probe->sock = sock;
  probe->dest = g_object_ref (dest);
  probe->mode = mode;
  probe->done = done;
  probe->ids = g_ptr_array_new_with_free_func (g_free);
  if (mode == PHONESET_STUN_PROBE_BURST)
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

void
_phoneset_stun_probe_start (PhonesetStunProbe *probe)
{
  probe_tick (probe);
}

/* A request sent outside any probe whose answer is expected but not
 * waited for (a TURN Refresh that releases an allocation). */
void
_phoneset_stun_expect_transaction (PhonesetStunTest *self,
                                   const guint8     *id)
{
  g_hash_table_insert (self->transactions, g_memdup2 (id, STUN_MESSAGE_TRANS_ID_LEN),
                       g_new0 (Transaction, 1));
}

/* ---- Answers ---------------------------------------------------------- */

/* The packet's transaction, if the packet is a whole STUN message to a
 * probe still waiting; else the packet is counted as ignored. */
static Transaction *
find_transaction (PhonesetStunTest *self,
                  const guint8     *data,
                  gsize             len)
{
  PhonesetStunResult *result = self->result;
  StunTransactionId   id;
  Transaction        *transaction;
  int                 needed;

  if (len > PHONESET_STUN_MAX_RESPONSE)
    {
      result->ignored_oversized++;
      return NULL;
    }
  needed = stun_message_validate_buffer_length (data, len, TRUE);
  if (needed == STUN_MESSAGE_BUFFER_INCOMPLETE || needed > (int)len)
    {
      result->ignored_truncated++;
      return NULL;
    }
  if (needed != (int)len || !phoneset_stun_peek_id (data, len, id))
    {
      result->ignored_malformed++;
      return NULL;
    }

  transaction = g_hash_table_lookup (self->transactions, id);
  if (transaction == NULL)
    {
      result->ignored_spoofed++;
      return NULL;
    }
  if (transaction->answered || transaction->probe == NULL)
    {
      result->ignored_duplicate++;
      return NULL;
    }
  return transaction;
}

static void
count_ignored (PhonesetStunResult *result,
               PhonesetStunPacket  verdict)
{
  switch (verdict)
    {
    case PHONESET_STUN_PACKET_OK:
      break;
    case PHONESET_STUN_PACKET_TRUNCATED:
      result->ignored_truncated++;
      break;
    case PHONESET_STUN_PACKET_OVERSIZED:
      result->ignored_oversized++;
      break;
    case PHONESET_STUN_PACKET_SPOOFED:
      result->ignored_spoofed++;
      break;
    case PHONESET_STUN_PACKET_MALFORMED:
    default:
      result->ignored_malformed++;
      break;
    }
}

static void
deliver (PhonesetStunSocket *sock,
         const guint8       *data,
         gsize               len,
         GSocketAddress     *from)
{
  PhonesetStunTest    *self = sock->self;
  PhonesetStunResult  *result = self->result;
  Transaction         *transaction;
  PhonesetStunProbe   *probe;
  PhonesetStunResponse response;
  PhonesetStunPacket   verdict;
  g_autoptr(GError) error = NULL;

  transaction = find_transaction (self, data, len);
  if (transaction == NULL)
    return;
  probe = transaction->probe;
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

  verdict = phoneset_stun_parse (probe->expect_request ? &sock->agent : &probe->sock->agent, data,
                                 len, &response, &error);
  if (verdict != PHONESET_STUN_PACKET_OK)
    {
      g_debug ("Ignored a packet: %s", error->message);
      count_ignored (result, verdict);
      return;
    }
  if (response.is_request != probe->expect_request)
    {
      phoneset_stun_response_clear (&response);
      result->ignored_spoofed++;
      return;
    }

  transaction->answered = TRUE;
  probe->answered++;
  result->responses_received++;
  if (!probe->got_answer)
    {
      probe->got_answer = TRUE;
      probe->answered_at = g_get_monotonic_time ();
      /* Karn: after a retransmission the answer may be to any copy, so
       * only the time since the last copy is a safe (low) estimate. */
      probe->rtt_ms =
        (probe->answered_at - (probe->sends > 1 ? probe->last_sent_at : probe->first_sent_at)) /
        1000.0;
      probe->rtt_exact = probe->sends == 1;
      probe->response = response;
      probe->from = g_object_ref (from);
      probe->response_bytes = g_bytes_new (data, len);
      if (response.software != NULL && result->software == NULL)
        result->software = g_strdup (response.software);
    }
  else
    phoneset_stun_response_clear (&response);

  if (probe->mode == PHONESET_STUN_PROBE_RETRANSMIT)
    probe_finish (probe);
}

/* ---- The run ---------------------------------------------------------- */

void
_phoneset_stun_probes_init (PhonesetStunTest *self)
{
  self->recv_buffer = g_malloc (RECV_BUFFER);
  self->transactions = g_hash_table_new_full (id_hash, id_equal, g_free, g_free);
  self->sockets = g_ptr_array_new_with_free_func (sock_free);
  self->probes = g_ptr_array_new_with_free_func (probe_free);
}

/* No probe sends or gives up any more. */
void
_phoneset_stun_probes_stop (PhonesetStunTest *self)
{
  for (guint i = 0; self->probes != NULL && i < self->probes->len; i++)
    {
      PhonesetStunProbe *probe = g_ptr_array_index (self->probes, i);
      g_clear_handle_id (&probe->timer, _phoneset_stun_source_remove);
    }
}

void
_phoneset_stun_probes_clear (PhonesetStunTest *self)
{
  g_clear_pointer (&self->probes, g_ptr_array_unref);
  g_clear_pointer (&self->sockets, g_ptr_array_unref);
  g_clear_pointer (&self->transactions, g_hash_table_unref);
  g_clear_pointer (&self->recv_buffer, g_free);
}
