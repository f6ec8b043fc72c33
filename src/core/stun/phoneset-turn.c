/* phoneset-turn.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TURN (RFC 8656) Allocate and Refresh requests with long-term credentials,
 * built by libnice's TURN usage (stun/usages/turn.h): it takes REALM and
 * NONCE from the server's 401 challenge and computes the long-term key
 * MD5(user:realm:password) itself. The transport (UDP datagrams or a TCP
 * stream) and the retransmissions are PhonesetStunTest's.
 */

#define G_LOG_DOMAIN "phoneset-turn"

#include "config.h"

#include <string.h>
#include <stun/usages/turn.h>

#include "phoneset-turn.h"

/* libnice reads the challenge through a StunMessage; the 401 was already
 * validated by the agent when it arrived, so it is wrapped as it is. */
static void
wrap_challenge (StunMessage  *msg,
                StunAgent    *agent,
                const guint8 *challenge,
                gsize         challenge_len)
{
  memset (msg, 0, sizeof *msg);
  msg->agent = agent;
  msg->buffer = (uint8_t *)challenge;
  msg->buffer_len = challenge_len;
}

/**
 * phoneset_turn_build_allocate:
 * @agent: a long-term-credential agent (see phoneset_stun_agent_init())
 * @buffer: where to write
 * @buffer_len: its size
 * @challenge: (nullable): the server's 401 response, %NULL for the first try
 * @challenge_len: its length
 * @user: (nullable): TURN user, with @challenge
 * @password: (nullable): its password; must outlive the transaction
 * @id: (out): the transaction id
 *
 * Returns: the length of the Allocate request (UDP relay), 0 on failure
 */
gsize
phoneset_turn_build_allocate (StunAgent         *agent,
                              guint8            *buffer,
                              gsize              buffer_len,
                              const guint8      *challenge,
                              gsize              challenge_len,
                              const char        *user,
                              const char        *password,
                              StunTransactionId  id)
{
  StunMessage msg;
  StunMessage previous;
  gsize       len;

  g_return_val_if_fail (agent != NULL, 0);

  if (challenge != NULL)
    wrap_challenge (&previous, agent, challenge, challenge_len);
  len = stun_usage_turn_create (
    agent, &msg, buffer, buffer_len, challenge != NULL ? &previous : NULL,
    STUN_USAGE_TURN_REQUEST_PORT_NORMAL, -1, -1, (uint8_t *)user, user != NULL ? strlen (user) : 0,
    (uint8_t *)password, password != NULL ? strlen (password) : 0,
    STUN_USAGE_TURN_COMPATIBILITY_RFC5766);
  if (len > 0)
    stun_message_id (&msg, id);
  return len;
}

/**
 * phoneset_turn_build_release:
 *
 * A Refresh with LIFETIME 0, which frees the test allocation at once
 * instead of leaving it on the server for ten minutes.
 *
 * Returns: the length of the request, 0 on failure
 */
gsize
phoneset_turn_build_release (StunAgent    *agent,
                             guint8       *buffer,
                             gsize         buffer_len,
                             const guint8 *challenge,
                             gsize         challenge_len,
                             const char   *user,
                             const char   *password)
{
  StunMessage msg;
  StunMessage previous;

  g_return_val_if_fail (agent != NULL, 0);
  g_return_val_if_fail (challenge != NULL, 0);

  wrap_challenge (&previous, agent, challenge, challenge_len);
  return stun_usage_turn_create_refresh (
    agent, &msg, buffer, buffer_len, &previous, 0, (uint8_t *)user,
    user != NULL ? strlen (user) : 0, (uint8_t *)password, password != NULL ? strlen (password) : 0,
    STUN_USAGE_TURN_COMPATIBILITY_RFC5766);
}
