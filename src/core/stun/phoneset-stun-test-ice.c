/* phoneset-stun-test-ice.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ICE for the self-test: the candidates libnice gathers with this server
 * as STUN (and TURN) server (phoneset-stun-ice.c), in the result.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include "phoneset-stun-ice.h"
#include "phoneset-stun-test-private.h"

static void
ice_done (GObject      *object,
          GAsyncResult *res,
          gpointer      user_data)
{
  g_autoptr(PhonesetStunTest) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;

  candidates = phoneset_stun_ice_gather_finish (res, &error);
  if (self->over)
    return;
  if (candidates == NULL)
    self->result->ice_error = g_strdup (error->message);
  else
    for (guint i = 0; i < candidates->len; i++)
      g_ptr_array_add (self->result->ice_candidates,
                       json_object_ref (g_ptr_array_index (candidates, i)));
  _phoneset_stun_test_op_end (self, PHONESET_STUN_STAGE_ICE);
}

void
_phoneset_stun_test_start_ice (PhonesetStunTest *self)
{
  GInetAddress    *ip = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (self->udp_addr));
  g_autofree char *ip_text = g_inet_address_to_string (ip);
  guint16          port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (self->udp_addr));

  self->result->ice_tested = TRUE;
  _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_ICE, TRUE);
  self->ops_pending++;
  phoneset_stun_ice_gather_async (ip_text, port, self->turn_user, self->turn_password,
                                  self->cancellable, ice_done, g_object_ref (self));
}
