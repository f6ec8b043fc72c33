/* phoneset-push-result-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How PhonesetPush and the delivery methods fill in a result as a push
 * goes on.
 */

#pragma once

#include "phoneset-push-result.h"

G_BEGIN_DECLS

PhonesetPushResult *_phoneset_push_result_new                     (const char         *phone,
                                                                   const char         *via,
                                                                   const char         *profile);
void                _phoneset_push_result_set_url                 (PhonesetPushResult *self,
                                                                   const char         *url);
void                _phoneset_push_result_set_pnp_subscribe_from  (PhonesetPushResult *self,
                                                                   const char         *address);
void                _phoneset_push_result_set_fetched             (PhonesetPushResult *self,
                                                                   GDateTime          *time,
                                                                   const char         *from,
                                                                   const char         *user_agent,
                                                                   guint64             bytes);
void                _phoneset_push_result_set_applied_setting     (PhonesetPushResult *self,
                                                                   const char         *key);
void                _phoneset_push_result_set_settings_applied    (PhonesetPushResult *self,
                                                                   guint               n);
void                _phoneset_push_result_set_user_agent_names_phone (PhonesetPushResult *self,
                                                                   gboolean            names);
void                _phoneset_push_result_set_status              (PhonesetPushResult *self,
                                                                   GHashTable         *status);
void                _phoneset_push_result_add_note                (PhonesetPushResult *self,
                                                                   const char         *note);

G_END_DECLS
