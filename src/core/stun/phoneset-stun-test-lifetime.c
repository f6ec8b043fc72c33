/* phoneset-stun-test-lifetime.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long the NAT keeps an idle UDP binding (RFC 5780 4.6, with
 * RESPONSE-PORT): one socket per point in time makes a binding; after
 * that point's wait, a prober socket asks the server to answer to the
 * binding's public port, which gets through only while the binding lives.
 * The points grow by 8 % from 1 s to 200 s, all waiting at once.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-stun-test-private.h"

#define LIFETIME_FIRST_MS 1000
#define LIFETIME_STEP     1.08
#define LIFETIME_MAX_MS   200000

/* What is known about the binding of one point. */
typedef enum
{
  LIFETIME_NO_MAPPING = -1, /* the binding request got no answer */
  LIFETIME_PENDING = 0,
  LIFETIME_ALIVE = 1,
  LIFETIME_GONE = 2,
} LifetimeState;

static LifetimeState
point_state (PhonesetStunTest *self,
             guint             point)
{
  return g_array_index (self->lifetime_states, int, point);
}

static void
set_point_state (PhonesetStunTest *self,
                 guint             point,
                 LifetimeState     state)
{
  g_array_index (self->lifetime_states, int, point) = state;
}

static int
point_wait_ms (PhonesetStunTest *self,
               guint             point)
{
  return (int)g_array_index (self->lifetime_waits, guint, point);
}

static void
remove_timers (PhonesetStunTest *self)
{
  for (guint i = 0; self->lifetime_timers != NULL && i < self->lifetime_timers->len; i++)
    {
      guint id = g_array_index (self->lifetime_timers, guint, i);
      if (id != 0)
        _phoneset_stun_source_remove (id);
      g_array_index (self->lifetime_timers, guint, i) = 0;
    }
}

static void
lifetime_finish (PhonesetStunTest *self,
                 const char       *note)
{
  if (self->lifetime_done)
    return;
  self->lifetime_done = TRUE;
  remove_timers (self);
  if (note != NULL)
    self->result->lifetime_note = g_strdup (note);
  _phoneset_stun_test_op_end (self, PHONESET_STUN_STAGE_LIFETIME);
}

static void
lifetime_evaluate (PhonesetStunTest *self)
{
  PhonesetStunResult *result = self->result;
  guint               n_points = self->lifetime_states->len;
  int                 last_alive = -1;

  for (guint k = 0; k < n_points; k++)
    {
      LifetimeState state = point_state (self, k);

      if (state == LIFETIME_PENDING)
        return; /* still waiting for this one */
      if (state == LIFETIME_ALIVE)
        last_alive = k;
      if (state == LIFETIME_GONE)
        {
          /* Two gone in a row (or the last point) settle it: one alone
           * may be a lost probe. */
          LifetimeState next = k + 1 < n_points ? point_state (self, k + 1) : LIFETIME_GONE;

          if (next == LIFETIME_PENDING)
            return;
          if (next == LIFETIME_GONE || next == LIFETIME_NO_MAPPING)
            {
              int low = last_alive >= 0 ? point_wait_ms (self, last_alive) : 0;
              int high = point_wait_ms (self, k);

              result->lifetime_low_ms = low;
              result->lifetime_high_ms = high;
              result->lifetime_ms = (low + high) / 2;
              lifetime_finish (self, NULL);
              return;
            }
        }
    }
  if (last_alive == (int)n_points - 1)
    {
      result->lifetime_low_ms = point_wait_ms (self, last_alive);
      result->lifetime_high_ms = -1;
      lifetime_finish (self, _("The binding was still open at the end of the test."));
    }
}

static void
lifetime_probe_done (PhonesetStunTest  *self,
                     PhonesetStunProbe *probe)
{
  if (self->lifetime_done)
    return;
  if (probe->got_answer && probe->response.is_error)
    {
      g_autofree char *note =
        g_strdup_printf (_("The server does not support RESPONSE-PORT (error %d), so the lifetime cannot be measured."),
                            probe->response.error_code);
      lifetime_finish (self, note);
      return;
    }
  set_point_state (self, probe->lifetime_point,
                   probe->answered > 0 ? LIFETIME_ALIVE : LIFETIME_GONE);
  lifetime_evaluate (self);
}

static gboolean
lifetime_tick (gpointer user_data)
{
  PhonesetStunProbe *probe = user_data;
  PhonesetStunTest  *self = probe->self;

  g_array_index (self->lifetime_timers, guint, probe->lifetime_point) = 0;
  _phoneset_stun_probe_start (probe);
  return G_SOURCE_REMOVE;
}

static void
lifetime_mapped (PhonesetStunTest  *self,
                 PhonesetStunProbe *probe)
{
  guint              point = probe->lifetime_point;
  PhonesetStunProbe *check;
  GSocketAddress    *mapped;

  self->lifetime_mappings_pending--;
  if (self->lifetime_done)
    return;
  if (!probe->got_answer || (mapped = phoneset_stun_response_get_mapped (&probe->response)) == NULL)
    {
      set_point_state (self, point, LIFETIME_NO_MAPPING);
      lifetime_evaluate (self);
      return;
    }
  /* From the prober socket, ask the server to answer to this socket's
   * public port: it gets through only while the binding lives. */
  check = _phoneset_stun_probe_new (self, self->lifetime_socket, self->udp_addr,
                                    PHONESET_STUN_PROBE_BURST, lifetime_probe_done);
  check->max_sends = 3;
  check->interval_ms = 20;
  check->final_wait_ms = CLAMP ((guint)(3 * self->rtt_ms) + 60, 100, 1000);
  check->response_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (mapped));
  check->lifetime_point = point;
  g_array_index (self->lifetime_timers, guint, point) =
    _phoneset_stun_timeout_add (point_wait_ms (self, point), lifetime_tick, check);
}

void
_phoneset_stun_test_start_lifetime (PhonesetStunTest *self)
{
  g_autoptr(GError) error = NULL;

  self->result->lifetime_tested = TRUE;
  _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_LIFETIME, TRUE);
  self->ops_pending++;
  self->lifetime_done = FALSE;
  self->lifetime_mappings_pending = 0;
  self->lifetime_waits = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lifetime_states = g_array_new (FALSE, FALSE, sizeof (int));
  self->lifetime_timers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lifetime_socket = _phoneset_stun_socket_new (self, FALSE, &error);
  if (self->lifetime_socket == NULL)
    {
      lifetime_finish (self, error->message);
      return;
    }
  for (double wait = LIFETIME_FIRST_MS; wait <= LIFETIME_MAX_MS; wait *= LIFETIME_STEP)
    {
      guint ms = (guint)wait;
      int   pending = LIFETIME_PENDING;
      guint none = 0;

      g_array_append_val (self->lifetime_waits, ms);
      g_array_append_val (self->lifetime_states, pending);
      g_array_append_val (self->lifetime_timers, none);
    }
  for (guint k = 0; k < self->lifetime_waits->len; k++)
    {
      PhonesetStunSocket *sock = _phoneset_stun_socket_new (self, FALSE, &error);
      PhonesetStunProbe  *probe;

      if (sock == NULL)
        {
          lifetime_finish (self, error->message);
          return;
        }
      probe = _phoneset_stun_probe_new (self, sock, self->udp_addr, PHONESET_STUN_PROBE_RETRANSMIT,
                                        lifetime_mapped);
      probe->lifetime_point = k;
      self->lifetime_mappings_pending++;
      _phoneset_stun_probe_start (probe);
    }
}

/* Ends the timers of the run and frees the points. */
void
_phoneset_stun_test_clear_lifetime (PhonesetStunTest *self)
{
  remove_timers (self);
  g_clear_pointer (&self->lifetime_waits, g_array_unref);
  g_clear_pointer (&self->lifetime_states, g_array_unref);
  g_clear_pointer (&self->lifetime_timers, g_array_unref);
}
