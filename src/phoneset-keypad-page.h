/* phoneset-keypad-page.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-context.h"
#include "phoneset-phone.h"
#include "phoneset-secret-store.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_KEYPAD_PAGE (phoneset_keypad_page_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetKeypadPage, phoneset_keypad_page, PHONESET, KEYPAD_PAGE, AdwBin)

GtkWidget *phoneset_keypad_page_new         (PhonesetContext     *context,
                                             PhonesetPhone       *phone,
                                             PhonesetSecretStore *secrets);
GtkWidget *phoneset_keypad_page_get_button  (PhonesetKeypadPage  *self,
                                             const char          *key);
gboolean   phoneset_keypad_page_is_busy     (PhonesetKeypadPage  *self);

G_END_DECLS
