/* phoneset-stun-result.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PHONESET_TYPE_STUN_RESULT (phoneset_stun_result_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetStunResult, phoneset_stun_result, PHONESET, STUN_RESULT, GObject)

gboolean    phoneset_stun_result_get_reachable     (PhonesetStunResult *self);
int         phoneset_stun_result_get_binding_lifetime_ms (PhonesetStunResult *self);
const char *phoneset_stun_result_get_classic       (PhonesetStunResult *self);
const char *phoneset_stun_result_get_mapping       (PhonesetStunResult *self);
const char *phoneset_stun_result_get_filtering     (PhonesetStunResult *self);
char       *phoneset_stun_result_dup_verdict       (PhonesetStunResult *self);
char       *phoneset_stun_result_dup_turn_failure  (PhonesetStunResult *self);
JsonNode   *phoneset_stun_result_to_json           (PhonesetStunResult *self);
char       *phoneset_stun_result_to_text           (PhonesetStunResult *self);

G_END_DECLS
