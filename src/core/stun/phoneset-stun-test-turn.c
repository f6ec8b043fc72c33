/* phoneset-stun-test-turn.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TURN for the self-test: an allocation with long-term credentials over
 * UDP and over TCP (401 challenge, 438 stale nonce), released at once.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-stun-test-private.h"
#include "phoneset-turn.h"

static void
turn_fill (PhonesetStunTurnResult *turn,
           PhonesetStunResponse   *response,
           const char             *no_answer)
{
  if (response == NULL)
    {
      turn->error = g_strdup (no_answer);
      return;
    }
  if (!response->is_error && response->relayed != NULL)
    {
      turn->allocated = TRUE;
      turn->relayed = phoneset_stun_address_to_string (response->relayed);
      turn->mapped = phoneset_stun_address_to_string (phoneset_stun_response_get_mapped (response));
      return;
    }
  turn->error_code = response->is_error ? response->error_code : 0;
  if (response->is_error)
    turn->error = g_strdup_printf ("%d %s: %s", response->error_code,
                                   response->error_reason != NULL ? response->error_reason : "",
                                   phoneset_stun_error_explain (response->error_code));
  else
    turn->error = g_strdup (_("The server answered without a relayed address."));
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

/* ---- UDP -------------------------------------------------------------- */

static void turn_udp_send (PhonesetStunTest *self);

/* Frees the allocation (a Refresh with lifetime 0). */
static void
turn_udp_release (PhonesetStunTest *self)
{
  guint8        buffer[1024];
  gsize         challenge_len;
  const guint8 *challenge = g_bytes_get_data (self->turn_challenge, &challenge_len);
  gsize         len =
    phoneset_turn_build_release (&self->turn_socket->agent, buffer, sizeof buffer, challenge,
                                 challenge_len, self->turn_user, self->turn_password);
  StunTransactionId id;

  if (len > 0 && phoneset_stun_peek_id (buffer, len, id))
    {
      /* Its answer is expected but not waited for: known, not forged. */
      _phoneset_stun_expect_transaction (self, id);
      g_socket_send_to (self->turn_socket->socket, self->udp_addr, (const char *)buffer, len, NULL,
                        NULL);
    }
}

static void
turn_udp_done (PhonesetStunTest  *self,
               PhonesetStunProbe *probe)
{
  if (probe->got_answer && turn_should_retry (&probe->response, self->turn_attempts))
    {
      g_clear_pointer (&self->turn_challenge, g_bytes_unref);
      self->turn_challenge = g_bytes_ref (probe->response_bytes);
      turn_udp_send (self);
      return;
    }
  turn_fill (&self->result->turn_udp, probe->got_answer ? &probe->response : NULL,
             _("The TURN server did not answer over UDP."));
  if (self->result->turn_udp.allocated && self->turn_challenge != NULL)
    turn_udp_release (self);
  _phoneset_stun_test_op_end (self, PHONESET_STUN_STAGE_TURN);
}

static void
turn_udp_send (PhonesetStunTest *self)
{
  guint8             buffer[1024];
  const guint8      *challenge = NULL;
  gsize              challenge_len = 0;
  gsize              len;
  PhonesetStunProbe *probe;

  self->turn_attempts++;
  if (self->turn_challenge != NULL)
    challenge = g_bytes_get_data (self->turn_challenge, &challenge_len);
  probe = _phoneset_stun_probe_new (self, self->turn_socket, self->udp_addr,
                                    PHONESET_STUN_PROBE_RETRANSMIT, turn_udp_done);
  len = phoneset_turn_build_allocate (&self->turn_socket->agent, buffer, sizeof buffer, challenge,
                                      challenge_len, self->turn_user, self->turn_password,
                                      probe->raw_id);
  probe->raw = g_bytes_new (buffer, len);
  _phoneset_stun_probe_start (probe);
}

void
_phoneset_stun_test_start_turn_udp (PhonesetStunTest *self)
{
  g_autoptr(GError) error = NULL;

  self->result->turn_udp.tested = TRUE;
  _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_TURN, TRUE);
  self->ops_pending++;
  self->turn_attempts = 0;
  self->turn_socket = _phoneset_stun_socket_new (self, TRUE, &error);
  if (self->turn_socket == NULL)
    {
      self->result->turn_udp.error = g_strdup (error->message);
      _phoneset_stun_test_op_end (self, PHONESET_STUN_STAGE_TURN);
      return;
    }
  turn_udp_send (self);
}

/* ---- TCP -------------------------------------------------------------- */

static void
turn_tcp_done (PhonesetStunTest   *self,
               PhonesetStunStream *stream,
               GError             *error)
{
  if (error == NULL && turn_should_retry (&stream->response, stream->attempts))
    {
      gsize         challenge_len;
      const guint8 *challenge;

      g_clear_pointer (&stream->challenge, g_bytes_unref);
      stream->challenge = g_bytes_new (stream->in, stream->want);
      challenge = g_bytes_get_data (stream->challenge, &challenge_len);
      stream->attempts++;
      stream->out_len = phoneset_turn_build_allocate (
        &stream->agent, stream->out, sizeof stream->out, challenge, challenge_len, self->turn_user,
        self->turn_password, (guint8[STUN_MESSAGE_TRANS_ID_LEN]){ 0 });
      _phoneset_stun_stream_again (self, stream, turn_tcp_done);
      return;
    }
  if (error != NULL)
    self->result->turn_tcp.error = g_strdup (error->message);
  else
    turn_fill (&self->result->turn_tcp, &stream->response, NULL);
  /* Closing the connection frees a TCP allocation (RFC 6062 / 8656). */
  _phoneset_stun_test_op_end (self, PHONESET_STUN_STAGE_TURN);
}

void
_phoneset_stun_test_start_turn_tcp (PhonesetStunTest *self)
{
  PhonesetStunStream *stream;

  self->result->turn_tcp.tested = TRUE;
  _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_TURN, TRUE);
  self->ops_pending++;
  if (self->tcp_addr == NULL)
    {
      self->result->turn_tcp.error = g_strdup (_("The server name could not be resolved."));
      _phoneset_stun_test_op_end (self, PHONESET_STUN_STAGE_TURN);
      return;
    }
  stream = _phoneset_stun_stream_open (self, G_SOCKET_CONNECTABLE (self->tcp_addr), FALSE, TRUE,
                                       turn_tcp_done);
  stream->attempts = 1;
  stream->out_len =
    phoneset_turn_build_allocate (&stream->agent, stream->out, sizeof stream->out, NULL, 0, NULL,
                                  NULL, (guint8[STUN_MESSAGE_TRANS_ID_LEN]){ 0 });
}
