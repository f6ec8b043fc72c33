/* phoneset-stun-test-behaviour.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The NAT's behaviour, measured: mapping (RFC 5780 4.3), filtering (4.4)
 * and hairpinning. What is measured goes to phoneset_stun_verdict_judge().
 *
 * Filtering and hairpinning are decisive probes, where silence IS the
 * answer: bursts of independent transactions with a control burst to the
 * primary address alongside. Silence counts as "filtered" only when the
 * control bursts show the path loses so little that losing every probe by
 * chance is below 1 in 1000 (Wilson lower bound of the control's success
 * rate); otherwise another round runs (at most 3), and after that the
 * class is "inconclusive" with the number lost.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <math.h>
#include <string.h>

#include "phoneset-stun-test-private.h"

#define MAX_ROUNDS       3
#define CHANCE_THRESHOLD 1e-3

static GSocketAddress *
alternate (PhonesetStunTest *self,
           gboolean          change_port)
{
  GInetAddress *ip =
    g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (self->alternate_address));
  guint16 port =
    change_port ? g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->alternate_address))
                : g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->udp_addr));

  return g_inet_socket_address_new (ip, port);
}

/* ---- Mapping (RFC 5780 4.3) ------------------------------------------- */

static void
mapping_probe_done (PhonesetStunTest  *self,
                    PhonesetStunProbe *probe)
{
  if (self->mapping_alternate_ip != NULL && self->mapping_alternate_ip_port != NULL &&
      self->mapping_alternate_ip->finished && self->mapping_alternate_ip_port->finished)
    _phoneset_stun_test_op_end (self, PHONESET_STUN_STAGE_MAPPING);
}

/* From the behaviour socket to the alternate IP (test II), and to the
 * alternate IP and port (test III). */
void
_phoneset_stun_test_start_mapping (PhonesetStunTest *self)
{
  g_autoptr(GSocketAddress) alternate_ip = alternate (self, FALSE);
  g_autoptr(GSocketAddress) alternate_ip_port = alternate (self, TRUE);

  _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_MAPPING, TRUE);
  self->ops_pending++;
  self->mapping_alternate_ip = _phoneset_stun_probe_new (
    self, self->behaviour_socket, alternate_ip, PHONESET_STUN_PROBE_RETRANSMIT, mapping_probe_done);
  self->mapping_alternate_ip_port =
    _phoneset_stun_probe_new (self, self->behaviour_socket, alternate_ip_port,
                              PHONESET_STUN_PROBE_RETRANSMIT, mapping_probe_done);
  _phoneset_stun_probe_start (self->mapping_alternate_ip);
  _phoneset_stun_probe_start (self->mapping_alternate_ip_port);
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
decide (PhonesetStunTest     *self,
        PhonesetStunDecision *decision,
        PhonesetStunProbe    *probe,
        GSocketAddress       *expected_from)
{
  double success;

  if (probe == NULL || decision->decided)
    return;
  decision->sent += probe->sends;
  if (probe->answered > 0)
    {
      if (expected_from != NULL && !phoneset_stun_address_equal (probe->from, expected_from))
        decision->wrong_source = TRUE;
      decision->answered += probe->answered;
      decision->decided = TRUE;
      decision->positive = TRUE;
      return;
    }
  success = wilson_lower (self->control_answered, self->control_sent);
  if (pow (1.0 - success, decision->sent) < CHANCE_THRESHOLD)
    {
      decision->decided = TRUE;
      decision->positive = FALSE;
    }
}

static gboolean
filtering_testable (PhonesetStunTest *self)
{
  return self->alternate_address != NULL && self->filtering_binding->got_answer;
}

static void start_round (PhonesetStunTest *self);

static void
round_probe_done (PhonesetStunTest  *self,
                  PhonesetStunProbe *probe)
{
  g_autoptr(GSocketAddress) alternate_ip_port = NULL;
  g_autoptr(GSocketAddress) primary_ip_alternate_port = NULL;
  gboolean need_filtering, need_hairpin;

  if (--self->round_probes_pending > 0)
    return;

  self->control_sent += self->control_burst->sends;
  self->control_answered += self->control_burst->answered;
  if (self->alternate_address != NULL)
    {
      GInetAddress *primary_ip =
        g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (self->udp_addr));
      alternate_ip_port = alternate (self, TRUE);
      primary_ip_alternate_port = g_inet_socket_address_new (
        primary_ip,
        g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->alternate_address)));
    }
  decide (self, &self->change_ip_port, self->change_ip_port_burst, alternate_ip_port);
  decide (self, &self->change_port, self->change_port_burst, primary_ip_alternate_port);
  decide (self, &self->hairpin, self->hairpin_burst, NULL);
  self->change_ip_port_burst = self->change_port_burst = self->hairpin_burst = self->control_burst =
    NULL;

  need_filtering =
    filtering_testable (self) && (!self->change_ip_port.decided ||
                                  (!self->change_ip_port.positive && !self->change_port.decided));
  need_hairpin = self->result->nat_present == TRUE && !self->hairpin.decided;
  if ((need_filtering || need_hairpin) && self->round < MAX_ROUNDS)
    {
      start_round (self);
      return;
    }
  if (self->stage_active[PHONESET_STUN_STAGE_FILTERING])
    _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_FILTERING, FALSE);
  if (self->stage_active[PHONESET_STUN_STAGE_HAIRPIN])
    _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_HAIRPIN, FALSE);
  _phoneset_stun_test_op_done (self);
}

static PhonesetStunProbe *
round_burst (PhonesetStunTest   *self,
             PhonesetStunSocket *sock,
             GSocketAddress     *dest)
{
  self->round_probes_pending++;
  return _phoneset_stun_probe_new (self, sock, dest, PHONESET_STUN_PROBE_BURST, round_probe_done);
}

static void
start_round (PhonesetStunTest *self)
{
  gboolean filtering = filtering_testable (self);

  self->round++;
  self->round_probes_pending = 0;
  self->control_burst = round_burst (self, self->filtering_socket, self->udp_addr);
  if (filtering && !self->change_ip_port.decided)
    {
      self->change_ip_port_burst = round_burst (self, self->filtering_socket, self->udp_addr);
      self->change_ip_port_burst->change = PHONESET_STUN_CHANGE_IP | PHONESET_STUN_CHANGE_PORT;
    }
  if (filtering && !self->change_port.decided &&
      !(self->change_ip_port.decided && self->change_ip_port.positive))
    {
      self->change_port_burst = round_burst (self, self->filtering_socket, self->udp_addr);
      self->change_port_burst->change = PHONESET_STUN_CHANGE_PORT;
    }
  if (self->result->nat_present == TRUE && !self->hairpin.decided)
    {
      /* To our own public address, from another socket: the NAT has to
       * turn it around. */
      self->hairpin_burst =
        round_burst (self, self->hairpin_socket,
                     phoneset_stun_response_get_mapped (&self->behaviour_binding->response));
      self->hairpin_burst->expect_request = TRUE;
    }
  _phoneset_stun_probe_start (self->control_burst);
  if (self->change_ip_port_burst != NULL)
    _phoneset_stun_probe_start (self->change_ip_port_burst);
  if (self->change_port_burst != NULL)
    _phoneset_stun_probe_start (self->change_port_burst);
  if (self->hairpin_burst != NULL)
    _phoneset_stun_probe_start (self->hairpin_burst);
}

/* Filtering from the filtering socket (when the server has an alternate
 * address) and hairpinning (behind a NAT), in shared rounds. */
void
_phoneset_stun_test_start_rounds (PhonesetStunTest *self)
{
  g_autoptr(GError) error = NULL;

  self->round = 0;
  self->control_sent = self->control_answered = 0;
  memset (&self->change_ip_port, 0, sizeof self->change_ip_port);
  memset (&self->change_port, 0, sizeof self->change_port);
  memset (&self->hairpin, 0, sizeof self->hairpin);
  if (filtering_testable (self))
    _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_FILTERING, TRUE);
  if (self->result->nat_present == TRUE)
    {
      self->hairpin_socket = _phoneset_stun_socket_new (self, FALSE, &error);
      if (self->hairpin_socket == NULL)
        self->hairpin.decided = TRUE; /* stays null */
      else
        _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_HAIRPIN, TRUE);
    }
  self->ops_pending++;
  start_round (self);
}

/* ---- Measurements ----------------------------------------------------- */

static void
measure_mapping (PhonesetStunProbe       *probe,
                 GSocketAddress          *previous,
                 PhonesetStunMappingTest *test)
{
  test->answered = probe->got_answer;
  test->sends = probe->sends;
  test->same_mapping =
    probe->got_answer &&
    phoneset_stun_address_equal (phoneset_stun_response_get_mapped (&probe->response), previous);
}

/* What the run measured, for phoneset_stun_verdict_judge(). */
void
_phoneset_stun_test_measure (PhonesetStunTest         *self,
                             PhonesetStunMeasurements *measured)
{
  PhonesetStunResult *result = self->result;

  memset (measured, 0, sizeof *measured);
  measured->udp_tested = result->udp.tested;
  measured->udp_reachable = result->udp.reachable;
  measured->stream_reachable = result->tcp.reachable || result->tls.reachable;
  measured->nat_present = result->nat_present;
  if (!result->udp.reachable)
    return;

  measured->has_alternate = self->alternate_address != NULL;
  if (measured->has_alternate)
    {
      GSocketAddress *first =
        phoneset_stun_response_get_mapped (&self->behaviour_binding->response);

      measure_mapping (self->mapping_alternate_ip, first, &measured->alternate_ip);
      measure_mapping (self->mapping_alternate_ip_port,
                       phoneset_stun_response_get_mapped (&self->mapping_alternate_ip->response),
                       &measured->alternate_ip_port);
      measured->filtering_binding_answered = self->filtering_binding->got_answer;
      measured->filtering_binding_sends = self->filtering_binding->sends;
      measured->change_ip_port = self->change_ip_port;
      measured->change_port = self->change_port;
    }
  measured->hairpin = self->hairpin;
}
