/* phoneset-test-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test API of the widgets: what the tests read or steer inside an object
 * and no other code needs. The functions are defined with their objects;
 * only the tests (and the object's own file) include this header.
 */

#pragma once

#include "phoneset-events-page.h"
#include "phoneset-fleet-dialog.h"
#include "phoneset-keyring-bar.h"
#include "phoneset-phone-row.h"
#include "phoneset-phone-view.h"
#include "phoneset-provisioning-view.h"
#include "phoneset-setting-row.h"
#include "phoneset-stun-server-view.h"
#include "phoneset-window.h"

G_BEGIN_DECLS

/* phoneset-events-page.h */
guint              phoneset_events_page_get_n_events (PhonesetEventsPage *self);
const char        *phoneset_events_page_get_receiver_url (PhonesetEventsPage *self);

/* phoneset-fleet-dialog.h */
void               phoneset_fleet_dialog_set_csv_text (PhonesetFleetDialog *self,
                                                       const char          *text);
void               phoneset_fleet_dialog_set_output_folder (PhonesetFleetDialog *self,
                                                            const char          *folder);

/* phoneset-keyring-bar.h */
const char        *phoneset_keyring_bar_get_text (PhonesetKeyringBar *self);

/* phoneset-phone-row.h */
GtkWidget         *phoneset_phone_row_get_reach_mark (PhonesetPhoneRow *self);
const char        *phoneset_phone_row_get_subtitle (PhonesetPhoneRow *self);
const char        *phoneset_phone_row_get_title (PhonesetPhoneRow *self);

/* phoneset-phone-view.h */
gboolean           phoneset_phone_view_import_bytes (PhonesetPhoneView *self,
                                                     GBytes            *bytes,
                                                     const char        *name,
                                                     GError           **error);
gboolean           phoneset_phone_view_show_page (PhonesetPhoneView *self,
                                                  const char        *name);

/* phoneset-provisioning-view.h */
const char        *phoneset_provisioning_view_get_address (PhonesetProvisioningView *self);
guint              phoneset_provisioning_view_get_n_events (PhonesetProvisioningView *self);
const char        *phoneset_provisioning_view_get_url (PhonesetProvisioningView *self);
void               phoneset_provisioning_view_set_address (PhonesetProvisioningView *self,
                                                           const char               *address);
void               phoneset_provisioning_view_set_folder (PhonesetProvisioningView *self,
                                                          const char               *folder);
gboolean           phoneset_provisioning_view_start (PhonesetProvisioningView *self,
                                                     const char               *address,
                                                     guint16                   port,
                                                     guint16                   pnp_port,
                                                     GError                  **error);
void               phoneset_provisioning_view_stop (PhonesetProvisioningView *self);

/* phoneset-setting-row.h */
gboolean           phoneset_setting_row_is_changed (GtkWidget *row);

/* phoneset-stun-server-view.h */
const char        *phoneset_stun_server_view_get_address (PhonesetStunServerView *self);
guint              phoneset_stun_server_view_get_n_log_rows (PhonesetStunServerView *self);
void               phoneset_stun_server_view_set_address (PhonesetStunServerView *self,
                                                          const char             *address,
                                                          const char             *alt_address);
gboolean           phoneset_stun_server_view_start (PhonesetStunServerView *self,
                                                    guint16                 port,
                                                    guint16                 alt_port,
                                                    GError                **error);
void               phoneset_stun_server_view_stop (PhonesetStunServerView *self);

/* phoneset-window.h */
void               phoneset_window_add_phone (PhonesetWindow *self,
                                              PhonesetPhone  *phone);
GListModel        *phoneset_window_get_phones (PhonesetWindow *self);
GtkWindow         *phoneset_window_get_stun_server_window (PhonesetWindow *self);
gboolean           phoneset_window_scan (PhonesetWindow    *self,
                                         const char *const *subnets,
                                         guint              timeout_ms);
PhonesetPhoneView *phoneset_window_show_phone (PhonesetWindow *self,
                                               PhonesetPhone  *phone);

G_END_DECLS
