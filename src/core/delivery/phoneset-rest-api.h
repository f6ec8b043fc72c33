/* phoneset-rest-api.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PHONESET_TYPE_REST_API (phoneset_rest_api_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetRestApi, phoneset_rest_api, PHONESET, REST_API, GObject)

/* Forward: phoneset-remote.h includes phoneset-active-uri.h, which
 * includes this file. */
typedef struct _PhonesetRemote PhonesetRemote;

PhonesetRestApi    *phoneset_rest_api_new_from_json    (JsonObject          *object,
                                                        GError             **error);
const char         *phoneset_rest_api_get_user         (PhonesetRestApi     *self);
gboolean            phoneset_rest_api_get_https        (PhonesetRestApi     *self);
guint16             phoneset_rest_api_get_port         (PhonesetRestApi     *self);
const char * const *phoneset_rest_api_get_auth         (PhonesetRestApi     *self);
guint               phoneset_rest_api_get_max_params   (PhonesetRestApi     *self);
const char         *phoneset_rest_api_get_setting      (PhonesetRestApi     *self);
const char         *phoneset_rest_api_get_menu         (PhonesetRestApi     *self);
const char         *phoneset_rest_api_get_confidence   (PhonesetRestApi     *self);
const char         *phoneset_rest_api_get_notes        (PhonesetRestApi     *self);
const char         *phoneset_rest_api_get_config_set   (PhonesetRestApi     *self);
const char         *phoneset_rest_api_get_config_get   (PhonesetRestApi     *self);

char               *phoneset_rest_api_build_set        (const char * const  *names,
                                                        const char * const  *values,
                                                        guint                n);
char               *phoneset_rest_api_build_get        (const char * const  *names,
                                                        guint                n);
JsonNode           *phoneset_rest_api_parse_reply      (PhonesetRestApi     *self,
                                                        const char          *peer,
                                                        const char          *user,
                                                        guint                http_status,
                                                        const char          *body,
                                                        gsize                len,
                                                        GError             **error);
GHashTable         *phoneset_rest_api_read_values      (JsonNode            *data,
                                                        GError             **error);

void                phoneset_rest_api_apply_async      (PhonesetRestApi     *self,
                                                        PhonesetRemote      *remote,
                                                        GPtrArray           *names,
                                                        GPtrArray           *values,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GHashTable         *phoneset_rest_api_apply_finish     (PhonesetRestApi     *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
