/* phoneset-stun-source-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What PhonesetStunServer records in a source.
 */

#pragma once

#include "phoneset-stun-source.h"

G_BEGIN_DECLS

PhonesetStunSource *_phoneset_stun_source_new          (const char         *address,
                                                        const char         *host,
                                                        guint64             sequence);
guint64             _phoneset_stun_source_get_sequence (PhonesetStunSource *self);
void                _phoneset_stun_source_set_phone    (PhonesetStunSource *self,
                                                        PhonesetPhone      *phone,
                                                        GPtrArray          *profiles);
void                _phoneset_stun_source_set_lifetime (PhonesetStunSource *self,
                                                        int                 lifetime_ms);
gboolean            _phoneset_stun_source_take_token   (PhonesetStunSource *self,
                                                        gint64              now_us,
                                                        guint               rate);
void                _phoneset_stun_source_count        (PhonesetStunSource *self,
                                                        gint64              now_us,
                                                        gint64              wall_us,
                                                        gboolean            valid,
                                                        guint               change_flags,
                                                        gsize               in_bytes,
                                                        gsize               out_bytes,
                                                        gboolean            answered);
void                _phoneset_stun_source_changed      (PhonesetStunSource *self);

G_END_DECLS
