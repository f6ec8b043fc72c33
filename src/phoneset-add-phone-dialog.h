/* phoneset-add-phone-dialog.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PHONESET_TYPE_ADD_PHONE_DIALOG (phoneset_add_phone_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetAddPhoneDialog, phoneset_add_phone_dialog, PHONESET, ADD_PHONE_DIALOG, AdwMessageDialog)

PhonesetAddPhoneDialog *phoneset_add_phone_dialog_new (GtkWindow *parent);

G_END_DECLS
