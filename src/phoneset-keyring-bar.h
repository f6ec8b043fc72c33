/* phoneset-keyring-bar.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-secret-session.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_KEYRING_BAR (phoneset_keyring_bar_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetKeyringBar, phoneset_keyring_bar, PHONESET, KEYRING_BAR, AdwBin)

void        phoneset_keyring_bar_set_session   (PhonesetKeyringBar    *self,
                                                PhonesetSecretSession *session);
gboolean    phoneset_keyring_bar_confirm_close (PhonesetKeyringBar    *self);

G_END_DECLS
