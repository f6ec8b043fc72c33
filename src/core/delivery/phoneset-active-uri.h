/* phoneset-active-uri.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "phoneset-profile.h"
#include "phoneset-rest-api.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_ACTIVE_URI (phoneset_active_uri_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetActiveUri, phoneset_active_uri, PHONESET, ACTIVE_URI, GObject)

PhonesetActiveUri  *phoneset_active_uri_new_from_json        (JsonObject         *object,
                                                             GError            **error);
PhonesetActiveUri  *phoneset_active_uri_new_for_profile      (PhonesetProfile    *profile,
                                                             const char         *model,
                                                             GError            **error);
const char         *phoneset_active_uri_get_profile_id       (PhonesetActiveUri  *self);
void                phoneset_active_uri_set_model            (PhonesetActiveUri  *self,
                                                             const char         *model);
const char         *phoneset_active_uri_get_model            (PhonesetActiveUri  *self);
gboolean            phoneset_active_uri_chains_keys          (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_no_chaining_source
                                                            (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_path             (PhonesetActiveUri  *self);
const char * const *phoneset_active_uri_get_legacy_paths     (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_user             (PhonesetActiveUri  *self);
PhonesetRestApi    *phoneset_active_uri_get_rest_api         (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_choose_user          (PhonesetActiveUri  *self,
                                                             const char         *user);
const char         *phoneset_active_uri_choose_settings_user (PhonesetActiveUri  *self,
                                                             const char         *user);
const char         *phoneset_active_uri_get_confidence       (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_notes            (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_status_query     (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_set_query        (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_provisioning_url_setting
                                                            (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_allowed_ip_setting
                                                            (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_allowed_ip_menu  (PhonesetActiveUri  *self);
gboolean            phoneset_active_uri_has_prompt           (PhonesetActiveUri  *self);
gboolean            phoneset_active_uri_allows_scheme        (PhonesetActiveUri  *self,
                                                             const char         *scheme);
gboolean            phoneset_active_uri_has_legacy_keys     (PhonesetActiveUri  *self);
void                phoneset_active_uri_set_legacy_keys     (PhonesetActiveUri  *self,
                                                             gboolean            use);
const char         *phoneset_active_uri_lookup              (PhonesetActiveUri  *self,
                                                             const char         *key);
gboolean            phoneset_active_uri_is_unconfirmed      (PhonesetActiveUri  *self,
                                                             const char         *key);
GPtrArray          *phoneset_active_uri_expand_keys          (PhonesetActiveUri  *self,
                                                             const char * const *words,
                                                             GError            **error);
GPtrArray          *phoneset_active_uri_build_requests       (PhonesetActiveUri  *self,
                                                             const char * const *keys,
                                                             GError            **error);
gboolean            phoneset_active_uri_uses_post            (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_content_type     (PhonesetActiveUri  *self);
guint               phoneset_active_uri_get_max_body         (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_no_config_push   (PhonesetActiveUri  *self);
const char         *phoneset_active_uri_get_status_hint      (PhonesetActiveUri  *self,
                                                             guint               status);

const char         *phoneset_key_canonical                   (const char         *name);
const char * const *phoneset_key_vocabulary                  (void);

G_END_DECLS
