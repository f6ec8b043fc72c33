/* phoneset-application.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-catalog.h"
#include "phoneset-context.h"
#include "phoneset-inventory.h"
#include "phoneset-secret-store.h"
#include "phoneset-stun-server.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_APPLICATION (phoneset_application_get_type ())
#define PHONESET_APPLICATION_DEFAULT (PHONESET_APPLICATION (g_application_get_default ()))

G_DECLARE_FINAL_TYPE (PhonesetApplication, phoneset_application, PHONESET, APPLICATION, AdwApplication)

PhonesetApplication *phoneset_application_new          (const char          *application_id,
                                                        GApplicationFlags    flags);
PhonesetContext     *phoneset_application_get_context   (PhonesetApplication *self);
GSettings           *phoneset_application_get_settings  (PhonesetApplication *self);
PhonesetCatalog     *phoneset_application_get_catalog   (PhonesetApplication *self);
GPtrArray           *phoneset_application_get_profiles  (PhonesetApplication *self);
PhonesetInventory   *phoneset_application_get_inventory (PhonesetApplication *self);
PhonesetSecretStore *phoneset_application_get_secret_store (PhonesetApplication *self);
PhonesetStunServer  *phoneset_application_get_stun_server (PhonesetApplication *self);

G_END_DECLS
