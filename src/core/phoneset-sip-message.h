/* phoneset-sip-message.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PhonesetSipMessage PhonesetSipMessage;

#define PHONESET_SIP_MESSAGE_MAX 8192

PhonesetSipMessage *phoneset_sip_message_parse      (const char         *data,
                                                     gsize               len,
                                                     GError            **error);
void                phoneset_sip_message_free       (PhonesetSipMessage *message);
gboolean            phoneset_sip_message_is_request (PhonesetSipMessage *message);
const char         *phoneset_sip_message_get_method (PhonesetSipMessage *message);
const char         *phoneset_sip_message_get_uri    (PhonesetSipMessage *message);
guint               phoneset_sip_message_get_status (PhonesetSipMessage *message);
const char         *phoneset_sip_message_get_header (PhonesetSipMessage *message,
                                                     const char         *name);
guint               phoneset_sip_message_get_n_headers (PhonesetSipMessage *message);
void                phoneset_sip_message_get_nth_header (PhonesetSipMessage *message,
                                                         guint               n,
                                                         const char        **name,
                                                         const char        **value);
const char         *phoneset_sip_message_get_body   (PhonesetSipMessage *message);
char               *phoneset_sip_header_param       (const char         *value,
                                                     const char         *param);
char               *phoneset_sip_uri_of             (const char         *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhonesetSipMessage, phoneset_sip_message_free)

G_END_DECLS
