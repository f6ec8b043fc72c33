/* phoneset-turn.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stun/stunagent.h>

G_BEGIN_DECLS

gsize phoneset_turn_build_allocate (StunAgent        *agent,
                                    guint8           *buffer,
                                    gsize             buffer_len,
                                    const guint8     *challenge,
                                    gsize             challenge_len,
                                    const char       *user,
                                    const char       *password,
                                    StunTransactionId id);
gsize phoneset_turn_build_release  (StunAgent        *agent,
                                    guint8           *buffer,
                                    gsize             buffer_len,
                                    const guint8     *challenge,
                                    gsize             challenge_len,
                                    const char       *user,
                                    const char       *password);

G_END_DECLS
