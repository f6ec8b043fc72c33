/* phoneset-delivery.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-active-uri.h"

G_BEGIN_DECLS

typedef struct _PhonesetDelivery PhonesetDelivery;

const PhonesetDelivery *const *phoneset_delivery_get_all             (void);
const PhonesetDelivery        *phoneset_delivery_get_default         (void);
const PhonesetDelivery        *phoneset_delivery_find                (const char              *id);
const char                    *phoneset_delivery_get_id              (const PhonesetDelivery  *self);
const char                    *phoneset_delivery_get_title           (const PhonesetDelivery  *self);
const char                    *phoneset_delivery_get_accessible_label (const PhonesetDelivery *self);
const char                    *phoneset_delivery_get_description     (const PhonesetDelivery  *self);
const char                    *phoneset_delivery_get_progress        (const PhonesetDelivery  *self);
const char                    *phoneset_delivery_get_unconfirmed     (const PhonesetDelivery  *self);
gboolean                       phoneset_delivery_is_direct           (const PhonesetDelivery  *self);
const char                    *phoneset_delivery_get_cancelled       (const PhonesetDelivery  *self);
gboolean                       phoneset_delivery_check               (const PhonesetDelivery  *self,
                                                                      PhonesetActiveUri       *active_uri,
                                                                      GError                 **error);
const char                    *phoneset_delivery_get_url_setting     (const PhonesetDelivery  *self,
                                                                      PhonesetActiveUri       *active_uri);

G_END_DECLS
