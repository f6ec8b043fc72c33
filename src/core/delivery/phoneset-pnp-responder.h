/* phoneset-pnp-responder.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PHONESET_PNP_GROUP "224.0.1.75"

#define PHONESET_TYPE_PNP_RESPONDER (phoneset_pnp_responder_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetPnpResponder, phoneset_pnp_responder, PHONESET, PNP_RESPONDER, GObject)

/**
 * PhonesetPnpUrlFunc:
 * @mac: the phone's MAC (12 lower-case hex digits), or %NULL
 * @address: where the SUBSCRIBE came from
 * @vendor: (nullable): the Event's vendor parameter
 * @model: (nullable): the Event's model parameter
 *
 * Returns: (transfer full) (nullable): the provisioning URL to answer
 *   with, or %NULL to stay silent for this phone
 */
typedef char *(*PhonesetPnpUrlFunc) (const char *mac,
                                     const char *address,
                                     const char *vendor,
                                     const char *model,
                                     gpointer    user_data);

PhonesetPnpResponder *phoneset_pnp_responder_new     (const char            *interface_address,
                                                      guint16                port,
                                                      PhonesetPnpUrlFunc     func,
                                                      gpointer               user_data,
                                                      GDestroyNotify         destroy);
gboolean              phoneset_pnp_responder_start   (PhonesetPnpResponder  *self,
                                                      GError               **error);
guint16               phoneset_pnp_responder_get_port (PhonesetPnpResponder *self);
char                 *phoneset_pnp_mac_from_uri      (const char            *uri);

G_END_DECLS
