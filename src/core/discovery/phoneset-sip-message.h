/* phoneset-sip-message.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest SIP message Phoneset reads (a UDP datagram is at most this). */
#define PHONESET_SIP_MAX_MESSAGE 65535

typedef struct _PhonesetSipMessage PhonesetSipMessage;

typedef struct
{
  char *vendor;
  char *model;
  char *firmware;
  char *mac;          /* 00:30:4f:a9:99:48, or NULL when the phone gives none */
  char *contact_host; /* the address in Contact, or NULL */
  char *user_agent;   /* the User-Agent header, or NULL */
} PhonesetSipPnp;

PhonesetSipMessage *phoneset_sip_message_parse        (const char          *data,
                                                       gsize                length,
                                                       GError             **error);
void                phoneset_sip_message_free         (PhonesetSipMessage  *self);
gboolean            phoneset_sip_message_is_request   (PhonesetSipMessage  *self);
const char         *phoneset_sip_message_get_method   (PhonesetSipMessage  *self);
const char         *phoneset_sip_message_get_uri      (PhonesetSipMessage  *self);
guint               phoneset_sip_message_get_status   (PhonesetSipMessage  *self);
const char         *phoneset_sip_message_get_reason   (PhonesetSipMessage  *self);
const char         *phoneset_sip_message_get_header   (PhonesetSipMessage  *self,
                                                       const char          *name);
const char         *phoneset_sip_message_get_body     (PhonesetSipMessage  *self,
                                                       gsize               *length);
guint               phoneset_sip_message_get_n_headers (PhonesetSipMessage *self);
void                phoneset_sip_message_get_nth_header (PhonesetSipMessage *self,
                                                        guint               n,
                                                        const char        **name,
                                                        const char        **value);

char               *phoneset_sip_header_get_param     (const char          *value,
                                                       const char          *name);
char               *phoneset_sip_header_get_uri       (const char          *value);
char               *phoneset_sip_uri_dup_mac          (const char          *uri);

gboolean            phoneset_sip_pnp_parse            (PhonesetSipMessage  *message,
                                                       PhonesetSipPnp      *pnp,
                                                       GError             **error);
void                phoneset_sip_pnp_clear            (PhonesetSipPnp      *pnp);

char               *phoneset_sip_build_options        (const char          *transport,
                                                       const char          *target_host,
                                                       guint16              target_port,
                                                       const char          *local_host,
                                                       guint16              local_port,
                                                       const char          *branch,
                                                       const char          *tag,
                                                       const char          *call_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhonesetSipMessage, phoneset_sip_message_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PhonesetSipPnp, phoneset_sip_pnp_clear)

G_END_DECLS
