/* phoneset-provisioning-view.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PHONESET_TYPE_PROVISIONING_VIEW (phoneset_provisioning_view_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetProvisioningView, phoneset_provisioning_view, PHONESET, PROVISIONING_VIEW, GtkBox)

GtkWidget  *phoneset_provisioning_view_new          (void);
void        phoneset_provisioning_view_set_folder   (PhonesetProvisioningView  *self,
                                                     const char                *folder);
void        phoneset_provisioning_view_set_address  (PhonesetProvisioningView  *self,
                                                     const char                *address);
const char *phoneset_provisioning_view_get_address  (PhonesetProvisioningView  *self);
gboolean    phoneset_provisioning_view_start        (PhonesetProvisioningView  *self,
                                                     const char                *address,
                                                     guint16                    port,
                                                     guint16                    pnp_port,
                                                     GError                   **error);
void        phoneset_provisioning_view_stop         (PhonesetProvisioningView  *self);
const char *phoneset_provisioning_view_get_url      (PhonesetProvisioningView  *self);
guint       phoneset_provisioning_view_get_n_events (PhonesetProvisioningView  *self);

G_END_DECLS
