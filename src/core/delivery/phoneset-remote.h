/* phoneset-remote.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "phoneset-active-uri.h"
#include "phoneset-cert-pins.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_REMOTE (phoneset_remote_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetRemote, phoneset_remote, PHONESET, REMOTE, GObject)

PhonesetRemote *phoneset_remote_new                (const char          *host,
                                                    guint16              port,
                                                    gboolean             https,
                                                    PhonesetActiveUri   *active_uri);
PhonesetRemote *phoneset_remote_new_sibling        (PhonesetRemote      *self,
                                                    guint16              port,
                                                    gboolean             https);
void            phoneset_remote_set_credentials    (PhonesetRemote      *self,
                                                    const char          *user,
                                                    const char          *password);
void            phoneset_remote_set_auth_schemes   (PhonesetRemote      *self,
                                                    const char * const  *schemes);
void            phoneset_remote_set_pins           (PhonesetRemote      *self,
                                                    PhonesetCertPins    *pins);
void            phoneset_remote_set_timeout        (PhonesetRemote      *self,
                                                    guint                seconds);
const char     *phoneset_remote_get_host           (PhonesetRemote      *self);
const char     *phoneset_remote_get_user           (PhonesetRemote      *self);
gboolean        phoneset_remote_get_https          (PhonesetRemote      *self);
guint16         phoneset_remote_get_port           (PhonesetRemote      *self);
char           *phoneset_remote_dup_peer           (PhonesetRemote      *self);
const char     *phoneset_remote_get_local_address  (PhonesetRemote      *self);
PhonesetActiveUri *phoneset_remote_get_active_uri  (PhonesetRemote      *self);
void            phoneset_remote_request_async      (PhonesetRemote      *self,
                                                    const char          *path_and_query,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GBytes         *phoneset_remote_request_finish     (PhonesetRemote      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void            phoneset_remote_post_async         (PhonesetRemote      *self,
                                                    const char          *path,
                                                    const char          *content_type,
                                                    GBytes              *body,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GBytes         *phoneset_remote_post_finish        (PhonesetRemote      *self,
                                                    GAsyncResult        *result,
                                                    guint               *status,
                                                    GError             **error);
void            phoneset_remote_send_keys_async    (PhonesetRemote      *self,
                                                    const char * const  *keys,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean        phoneset_remote_send_keys_finish   (PhonesetRemote      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void            phoneset_remote_read_status_async  (PhonesetRemote      *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GHashTable     *phoneset_remote_read_status_finish (PhonesetRemote      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

char           *phoneset_local_address_for         (const char          *ip,
                                                    GError             **error);

G_END_DECLS
