/* phoneset-phone-row.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-phone.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_PHONE_ROW (phoneset_phone_row_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetPhoneRow, phoneset_phone_row, PHONESET, PHONE_ROW, AdwBin)

PhonesetPhoneRow *phoneset_phone_row_new          (void);
PhonesetPhone    *phoneset_phone_row_get_phone    (PhonesetPhoneRow *self);
void              phoneset_phone_row_set_phone    (PhonesetPhoneRow *self,
                                                   PhonesetPhone    *phone);

G_END_DECLS
