/* phoneset-action-url.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "phoneset-profile.h"

G_BEGIN_DECLS

#define PHONESET_ACTION_URL_PATH "/action-url/"

/* The profile settings that are Action URL events: `action_url.EVENT`. */
#define PHONESET_ACTION_URL_SETTING_PREFIX "action_url."

#define PHONESET_TYPE_ACTION_URL_EVENT (phoneset_action_url_event_get_type ())

typedef struct _PhonesetActionUrlEvent PhonesetActionUrlEvent;

GType                   phoneset_action_url_event_get_type      (void) G_GNUC_CONST;
PhonesetActionUrlEvent *phoneset_action_url_event_parse         (const char              *path,
                                                                 const char              *query,
                                                                 const char              *phone,
                                                                 GError                 **error);
PhonesetActionUrlEvent *phoneset_action_url_event_ref           (PhonesetActionUrlEvent  *event);
void                    phoneset_action_url_event_unref         (PhonesetActionUrlEvent  *event);
const char             *phoneset_action_url_event_get_name      (PhonesetActionUrlEvent  *event);
const char             *phoneset_action_url_event_get_phone     (PhonesetActionUrlEvent  *event);
GDateTime              *phoneset_action_url_event_get_time      (PhonesetActionUrlEvent  *event);
const char             *phoneset_action_url_event_get_variable  (PhonesetActionUrlEvent  *event,
                                                                 const char              *name);
GPtrArray              *phoneset_action_url_event_get_variable_names (PhonesetActionUrlEvent *event);
JsonObject             *phoneset_action_url_event_to_json       (PhonesetActionUrlEvent  *event);
char                   *phoneset_action_url_setting_url         (PhonesetSetting         *setting,
                                                                 const char              *base_url);
JsonObject             *phoneset_action_url_config_entries      (PhonesetProfile         *profile,
                                                                 const char              *base_url,
                                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhonesetActionUrlEvent, phoneset_action_url_event_unref)

G_END_DECLS
