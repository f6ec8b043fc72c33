/* fuzz-stun.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The STUN response parser: any bytes, as if they came from the network.
 * Each input is parsed twice: as it is (almost always an unknown
 * transaction), and with its transaction id replaced by one the agent
 * really sent, so that validation reaches the attribute readers.
 */

#include "config.h"

#include <string.h>

#include "phoneset-stun-message.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  StunAgent            agent;
  StunTransactionId    id;
  PhonesetStunResponse response;
  guint8               request[256];
  g_autofree guint8   *copy = NULL;

  for (int long_term = 0; long_term < 2; long_term++)
    {
      phoneset_stun_agent_init (&agent, long_term);
      if (phoneset_stun_build_binding (&agent, request, sizeof request, PHONESET_STUN_CHANGE_PORT,
                                       0, id) == 0)
        return 0;

      if (phoneset_stun_parse (&agent, data, size, &response, NULL) == PHONESET_STUN_PACKET_OK)
        {
          g_free (phoneset_stun_address_to_string (response.xor_mapped));
          phoneset_stun_response_clear (&response);
        }

      if (size >= STUN_MESSAGE_HEADER_LENGTH)
        {
          copy = g_memdup2 (data, size);
          memcpy (copy + STUN_MESSAGE_TRANS_ID_POS, id, STUN_MESSAGE_TRANS_ID_LEN);
          if (phoneset_stun_parse (&agent, copy, size, &response, NULL) == PHONESET_STUN_PACKET_OK)
            {
              g_free (phoneset_stun_address_to_string (response.other));
              (void)phoneset_stun_error_explain (response.error_code);
              phoneset_stun_response_clear (&response);
            }
          g_clear_pointer (&copy, g_free);
        }
    }
  return 0;
}
