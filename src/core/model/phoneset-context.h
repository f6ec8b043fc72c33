/* phoneset-context.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "phoneset-catalog.h"
#include "phoneset-inventory.h"
#include "phoneset-secret-store.h"
#include "phoneset-stun-server.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_CONTEXT (phoneset_context_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetContext, phoneset_context, PHONESET, CONTEXT, GObject)

PhonesetContext     *phoneset_context_new              (PhonesetCatalog     *catalog,
                                                        PhonesetInventory   *inventory,
                                                        PhonesetSecretStore *secrets,
                                                        GSettings           *settings);
PhonesetCatalog     *phoneset_context_get_catalog      (PhonesetContext     *self);
GPtrArray           *phoneset_context_get_profiles     (PhonesetContext     *self);
PhonesetInventory   *phoneset_context_get_inventory    (PhonesetContext     *self);
PhonesetSecretStore *phoneset_context_get_secret_store (PhonesetContext     *self);
GSettings           *phoneset_context_get_settings     (PhonesetContext     *self);
PhonesetStunServer  *phoneset_context_get_stun_server  (PhonesetContext     *self);

G_END_DECLS
