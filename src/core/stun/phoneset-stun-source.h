/* phoneset-stun-source.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "phoneset-phone.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_STUN_SOURCE (phoneset_stun_source_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetStunSource, phoneset_stun_source, PHONESET, STUN_SOURCE, GObject)

const char    *phoneset_stun_source_get_address      (PhonesetStunSource *self);
const char    *phoneset_stun_source_get_host         (PhonesetStunSource *self);
PhonesetPhone *phoneset_stun_source_get_phone        (PhonesetStunSource *self);
char          *phoneset_stun_source_dup_phone_name   (PhonesetStunSource *self);
gint64         phoneset_stun_source_get_first_seen   (PhonesetStunSource *self);
gint64         phoneset_stun_source_get_last_seen    (PhonesetStunSource *self);
guint64        phoneset_stun_source_get_requests     (PhonesetStunSource *self);
guint64        phoneset_stun_source_get_no_change    (PhonesetStunSource *self);
guint64        phoneset_stun_source_get_change_ip    (PhonesetStunSource *self);
guint64        phoneset_stun_source_get_change_port  (PhonesetStunSource *self);
guint64        phoneset_stun_source_get_errors       (PhonesetStunSource *self);
guint64        phoneset_stun_source_get_rate_limited (PhonesetStunSource *self);
int            phoneset_stun_source_get_interval_ms  (PhonesetStunSource *self);
int            phoneset_stun_source_get_lifetime_ms  (PhonesetStunSource *self,
                                                      gboolean           *measured);
char          *phoneset_stun_source_dup_verdict      (PhonesetStunSource *self);
char          *phoneset_stun_source_dup_cost         (PhonesetStunSource *self);
JsonNode      *phoneset_stun_source_to_json          (PhonesetStunSource *self);

G_END_DECLS
