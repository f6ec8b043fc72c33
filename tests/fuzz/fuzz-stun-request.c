/* fuzz-stun-request.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The STUN server's request parser (`phoneset stun-server`): any bytes, as
 * if a client sent them. Whatever parses is answered as the server would
 * (a binding response for both generations of client, or the error), and
 * every answer must fit the answer buffer, parse as STUN and be no larger
 * than PHONESET_STUN_MAX_ANSWER: no input makes the server amplify.
 */

#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "phoneset-stun-message.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static PhonesetStunServerAgents agents;
  static gboolean                 ready;
  PhonesetStunRequest             request;
  struct sockaddr_storage         mapped = { 0 }, origin = { 0 };
  struct sockaddr_in             *in4 = (struct sockaddr_in *)&mapped;
  guint8                          answer[PHONESET_STUN_MAX_ANSWER];
  gsize                           len = 0;
  g_autoptr(GError) error = NULL;

  if (!ready)
    {
      phoneset_stun_server_agents_init (&agents);
      ready = TRUE;
    }
  in4->sin_family = AF_INET;
  in4->sin_port = htons (40000);
  in4->sin_addr.s_addr = htonl (0xC000020A);
  origin = mapped;

  switch (phoneset_stun_request_parse (&agents, data, size, &request, &error))
    {
    case PHONESET_STUN_REQUEST_BINDING:
      g_assert_no_error (error);
      len = phoneset_stun_build_binding_response (&agents, &request, &mapped, &origin, &origin,
                                                  answer, sizeof answer);
      g_assert_cmpuint (len, >, 0);
      break;
    case PHONESET_STUN_REQUEST_UNKNOWN_ATTRIBUTES:
    case PHONESET_STUN_REQUEST_BAD:
      g_assert_nonnull (error);
      len = phoneset_stun_build_error_response (&agents, &request,
                                                request.kind == PHONESET_STUN_REQUEST_BAD
                                                  ? STUN_ERROR_BAD_REQUEST
                                                  : STUN_ERROR_UNKNOWN_ATTRIBUTE,
                                                answer, sizeof answer);
      g_assert_cmpuint (len, >, 0);
      break;
    case PHONESET_STUN_REQUEST_INDICATION:
      g_assert_no_error (error);
      break;
    case PHONESET_STUN_REQUEST_INVALID:
    default:
      g_assert_nonnull (error);
      break;
    }
  if (len > 0)
    {
      g_assert_cmpuint (len, <=, sizeof answer);
      g_assert_cmpint (stun_message_validate_buffer_length (answer, len, TRUE), ==, (int)len);
      g_assert_cmpuint (len, <=, 200);
    }
  return 0;
}
