/* phoneset-stun-test-binding.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first UDP binding, from two sockets at once (behaviour and
 * filtering): whether UDP gets through, the RTT that times every later
 * probe, whether there is a NAT, and the server's alternate address.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "phoneset-stun-test-private.h"

#define FIRST_RTO_CAP_MS  200
#define FIRST_MAX_SENDS   9
#define FIRST_DEADLINE_MS 1600 /* no answer at all: give up here (< 2 s) */
#define MIN_RTO_MS        25
#define MAX_RTO_MS        500

static void
first_binding_done (PhonesetStunTest  *self,
                    PhonesetStunProbe *probe)
{
  if (probe == self->behaviour_binding)
    _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_UDP_BINDING, FALSE);
  _phoneset_stun_test_binding_done (self);
}

static PhonesetStunProbe *
first_probe (PhonesetStunTest   *self,
             PhonesetStunSocket *sock)
{
  PhonesetStunProbe *probe = _phoneset_stun_probe_new (
    self, sock, self->udp_addr, PHONESET_STUN_PROBE_RETRANSMIT, first_binding_done);

  probe->max_sends = FIRST_MAX_SENDS;
  probe->interval_ms = PHONESET_STUN_FIRST_RTO_MS;
  probe->cap_ms = FIRST_RTO_CAP_MS;
  /* After the last send, wait until the deadline: 0, .1, .25, .45, .65,
   * .85, 1.05, 1.25, 1.45 s, then up to 1.6 s (Vovida stun sends ~21
   * requests in its 1 s run; this is 9 per socket, B and F in parallel). */
  probe->final_wait_ms = 150;
  probe->deadline = g_get_monotonic_time () + FIRST_DEADLINE_MS * 1000;
  return probe;
}

/* The local address that routes to the server: connect a UDP socket
 * (sends nothing) and ask it. Test sockets bind to it, so "local" can be
 * compared with "mapped". */
static GInetAddress *
local_address_to (GSocketAddress  *server,
                  GError         **error)
{
  g_autoptr(GSocket) probe = NULL;
  g_autoptr(GSocketAddress) local = NULL;

  probe = g_socket_new (g_socket_address_get_family (server), G_SOCKET_TYPE_DATAGRAM,
                        G_SOCKET_PROTOCOL_UDP, error);
  if (probe != NULL && g_socket_connect (probe, server, NULL, error))
    local = g_socket_get_local_address (probe, error);
  if (local == NULL)
    return NULL;
  return g_object_ref (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)));
}

/* Part of the first phase. */
void
_phoneset_stun_test_start_udp_binding (PhonesetStunTest *self)
{
  PhonesetStunResult *result = self->result;
  g_autoptr(GError) error = NULL;

  result->udp.tested = TRUE;
  _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_UDP_BINDING, TRUE);
  if (self->udp_addr == NULL)
    {
      result->udp.error = g_strdup (_("The server name could not be resolved."));
      _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_UDP_BINDING, FALSE);
      return;
    }

  result->udp.server = phoneset_stun_address_to_string (self->udp_addr);
  self->local_ip = local_address_to (self->udp_addr, &error);
  if (self->local_ip != NULL)
    self->behaviour_socket = _phoneset_stun_socket_new (self, FALSE, &error);
  if (self->behaviour_socket != NULL)
    self->filtering_socket = _phoneset_stun_socket_new (self, FALSE, &error);
  if (self->filtering_socket == NULL)
    {
      result->udp.error = g_strdup (error->message);
      _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_UDP_BINDING, FALSE);
      return;
    }
  self->bindings_pending += 2;
  self->behaviour_binding = first_probe (self, self->behaviour_socket);
  self->filtering_binding = first_probe (self, self->filtering_socket);
  _phoneset_stun_probe_start (self->behaviour_binding);
  _phoneset_stun_probe_start (self->filtering_binding);
}

static guint16
port_of (GSocketAddress *address)
{
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
}

/* What the first binding says, once the first phase is over. */
void
_phoneset_stun_test_read_udp_binding (PhonesetStunTest *self)
{
  PhonesetStunResult *result = self->result;
  PhonesetStunProbe  *first = self->behaviour_binding;
  PhonesetStunProbe  *other = self->filtering_binding;
  GSocketAddress     *mapped;

  if (first != NULL && !first->got_answer && other != NULL && other->got_answer)
    {
      /* The behaviour socket's first binding was lost every time but the
       * filtering socket's got through: the server is reachable. That
       * socket becomes the behaviour socket; filtering, which needs a
       * socket of its own, stays inconclusive. */
      PhonesetStunSocket *sock = self->behaviour_socket;

      self->behaviour_socket = self->filtering_socket;
      self->filtering_socket = sock;
      self->behaviour_binding = other;
      self->filtering_binding = first;
      other = first;
      first = self->behaviour_binding;
    }

  if (first == NULL)
    return;
  if (!first->got_answer)
    {
      result->udp.error = g_strdup (_("No answer over UDP."));
      return;
    }
  if (first->response.is_error)
    {
      result->udp.error =
        g_strdup_printf ("%d %s", first->response.error_code,
                         first->response.error_reason ? first->response.error_reason : "");
      return;
    }
  mapped = phoneset_stun_response_get_mapped (&first->response);
  if (mapped == NULL)
    {
      result->udp.error = g_strdup (_("No answer over UDP."));
      return;
    }

  result->udp.reachable = TRUE;
  /* The RTT of the first binding without a retransmission (behaviour or
   * filtering socket), else the safe low estimate. */
  self->rtt_ms = first->rtt_ms;
  if (other->got_answer && other->rtt_exact && (!first->rtt_exact || other->rtt_ms < first->rtt_ms))
    self->rtt_ms = other->rtt_ms;
  /* RFC 6298 at the first sample: SRTT + 4 * RTT/2. */
  self->rto_ms = CLAMP ((guint)ceil (3 * self->rtt_ms), MIN_RTO_MS, MAX_RTO_MS);
  g_debug ("First binding: RTT %.1f ms (%s), RTO %u ms", self->rtt_ms,
           first->rtt_exact ? "no retransmission" : "after a retransmission", self->rto_ms);
  result->udp.rtt_ms = (int)ceil (first->rtt_ms);
  result->udp.local = phoneset_stun_address_to_string (self->behaviour_socket->local);
  result->udp.mapped = phoneset_stun_address_to_string (mapped);
  if (first->response.mapped != NULL && first->response.xor_mapped != NULL)
    {
      result->udp.mapped_plain = phoneset_stun_address_to_string (first->response.mapped);
      result->alg =
        !phoneset_stun_address_equal (first->response.mapped, first->response.xor_mapped);
    }
  result->nat_present =
    !g_inet_address_equal (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (mapped)),
                           self->local_ip) ||
    port_of (mapped) != port_of (self->behaviour_socket->local);
  if (result->nat_present)
    result->port_preserving = port_of (mapped) == port_of (self->behaviour_socket->local);
  if (first->response.other != NULL)
    {
      self->alternate_address = g_object_ref (first->response.other);
      result->other_address = phoneset_stun_address_to_string (self->alternate_address);
    }
}
