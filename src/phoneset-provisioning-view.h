/* phoneset-provisioning-view.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-context.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_PROVISIONING_VIEW (phoneset_provisioning_view_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetProvisioningView, phoneset_provisioning_view, PHONESET, PROVISIONING_VIEW, GtkBox)

GtkWidget  *phoneset_provisioning_view_new          (PhonesetContext          *context);

G_END_DECLS
