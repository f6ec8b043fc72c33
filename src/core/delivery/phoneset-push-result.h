/* phoneset-push-result.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PHONESET_TYPE_PUSH_RESULT (phoneset_push_result_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetPushResult, phoneset_push_result, PHONESET, PUSH_RESULT, GObject)

const char        *phoneset_push_result_get_phone                 (PhonesetPushResult *self);
const char        *phoneset_push_result_get_via                   (PhonesetPushResult *self);
const char        *phoneset_push_result_get_profile               (PhonesetPushResult *self);
const char        *phoneset_push_result_get_url                   (PhonesetPushResult *self);
const char        *phoneset_push_result_get_pnp_subscribe_from    (PhonesetPushResult *self);
gboolean           phoneset_push_result_get_fetched               (PhonesetPushResult *self);
GDateTime         *phoneset_push_result_get_fetch_time            (PhonesetPushResult *self);
const char        *phoneset_push_result_get_fetched_from          (PhonesetPushResult *self);
const char        *phoneset_push_result_get_fetch_user_agent      (PhonesetPushResult *self);
guint64            phoneset_push_result_get_fetched_bytes         (PhonesetPushResult *self);
gboolean           phoneset_push_result_get_user_agent_names_phone (PhonesetPushResult *self);
const char        *phoneset_push_result_get_applied_setting       (PhonesetPushResult *self);
guint              phoneset_push_result_get_settings_applied      (PhonesetPushResult *self);
const char *const *phoneset_push_result_get_status_keys           (PhonesetPushResult *self);
const char        *phoneset_push_result_lookup_status             (PhonesetPushResult *self,
                                                                   const char         *key);
const char *const *phoneset_push_result_get_notes                 (PhonesetPushResult *self);
JsonObject        *phoneset_push_result_to_json                   (PhonesetPushResult *self);

G_END_DECLS
