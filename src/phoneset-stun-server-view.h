/* phoneset-stun-server-view.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-context.h"
#include "phoneset-stun-server.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_STUN_SERVER_VIEW (phoneset_stun_server_view_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetStunServerView, phoneset_stun_server_view, PHONESET, STUN_SERVER_VIEW, GtkBox)

GtkWidget  *phoneset_stun_server_view_new            (PhonesetContext        *context,
                                                     PhonesetStunServer     *server);

G_END_DECLS
