/* phoneset-phone-view.h
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

#define PHONESET_TYPE_PHONE_VIEW (phoneset_phone_view_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetPhoneView, phoneset_phone_view, PHONESET, PHONE_VIEW, AdwBin)

PhonesetPhoneView *phoneset_phone_view_new          (PhonesetContext     *context,
                                                     PhonesetPhone       *phone);
PhonesetPhone     *phoneset_phone_view_get_phone    (PhonesetPhoneView *self);
void               phoneset_phone_view_apply_config (PhonesetPhoneView *self,
                                                     PhonesetConfig    *config);
void               phoneset_phone_view_set_folded   (PhonesetPhoneView *self,
                                                     gboolean           folded);

G_END_DECLS
