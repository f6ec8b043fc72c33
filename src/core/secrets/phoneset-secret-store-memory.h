/* phoneset-secret-store-memory.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-secret-store.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_SECRET_STORE_MEMORY (phoneset_secret_store_memory_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetSecretStoreMemory, phoneset_secret_store_memory, PHONESET, SECRET_STORE_MEMORY, GObject)

PhonesetSecretStore *phoneset_secret_store_memory_new       (void);

G_END_DECLS
