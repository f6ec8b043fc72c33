/* phoneset-push-dialog.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-phone.h"
#include "phoneset-push.h"
#include "phoneset-secret-store.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_PUSH_DIALOG (phoneset_push_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetPushDialog, phoneset_push_dialog, PHONESET, PUSH_DIALOG, AdwWindow)

PhonesetPushDialog *phoneset_push_dialog_new          (GtkWindow           *parent,
                                                       PhonesetPhone       *phone,
                                                       PhonesetSecretStore *secrets);
void                phoneset_push_dialog_set_via      (PhonesetPushDialog  *self,
                                                       const char          *via);
void                phoneset_push_dialog_set_wait     (PhonesetPushDialog  *self,
                                                       guint                seconds);
void                phoneset_push_dialog_set_sip_port (PhonesetPushDialog  *self,
                                                       guint16              port);
void                phoneset_push_dialog_set_pnp_port (PhonesetPushDialog  *self,
                                                       guint16              port);
gboolean            phoneset_push_dialog_is_running   (PhonesetPushDialog  *self);

G_END_DECLS
