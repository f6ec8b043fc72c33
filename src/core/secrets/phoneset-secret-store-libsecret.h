/* phoneset-secret-store-libsecret.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-secret-store.h"

G_BEGIN_DECLS

#define PHONESET_SECRET_SCHEMA_PHONE "io.github.phoneset.Phoneset.Phone"

#define PHONESET_TYPE_SECRET_STORE_LIBSECRET (phoneset_secret_store_libsecret_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetSecretStoreLibsecret, phoneset_secret_store_libsecret, PHONESET, SECRET_STORE_LIBSECRET, GObject)

PhonesetSecretStore *phoneset_secret_store_libsecret_new (void);

G_END_DECLS
