/* phoneset-fleet-dialog.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-config.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_FLEET_DIALOG (phoneset_fleet_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetFleetDialog, phoneset_fleet_dialog, PHONESET, FLEET_DIALOG, AdwWindow)

PhonesetFleetDialog *phoneset_fleet_dialog_new               (GtkWindow           *parent,
                                                              GPtrArray           *profiles);
gboolean             phoneset_fleet_dialog_select_profile    (PhonesetFleetDialog *self,
                                                              const char          *profile_id,
                                                              const char          *model);
void                 phoneset_fleet_dialog_set_common_config (PhonesetFleetDialog *self,
                                                              PhonesetConfig      *config);
gboolean             phoneset_fleet_dialog_export            (PhonesetFleetDialog *self,
                                                              GError             **error);

G_END_DECLS
