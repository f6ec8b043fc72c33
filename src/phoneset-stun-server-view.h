/* phoneset-stun-server-view.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-stun-server.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_STUN_SERVER_VIEW (phoneset_stun_server_view_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetStunServerView, phoneset_stun_server_view, PHONESET, STUN_SERVER_VIEW, GtkBox)

GtkWidget  *phoneset_stun_server_view_new            (PhonesetStunServer     *server);
void        phoneset_stun_server_view_set_address    (PhonesetStunServerView *self,
                                                      const char             *address,
                                                      const char             *alt_address);
const char *phoneset_stun_server_view_get_address    (PhonesetStunServerView *self);
gboolean    phoneset_stun_server_view_start          (PhonesetStunServerView *self,
                                                      guint16                 port,
                                                      guint16                 alt_port,
                                                      GError                **error);
void        phoneset_stun_server_view_stop           (PhonesetStunServerView *self);
guint       phoneset_stun_server_view_get_n_log_rows (PhonesetStunServerView *self);

G_END_DECLS
