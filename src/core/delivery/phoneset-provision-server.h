/* phoneset-provision-server.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PHONESET_TYPE_PROVISION_SERVER (phoneset_provision_server_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetProvisionServer, phoneset_provision_server, PHONESET, PROVISION_SERVER, GObject)

PhonesetProvisionServer *phoneset_provision_server_new               (void);
gboolean                 phoneset_provision_server_listen            (PhonesetProvisionServer  *self,
                                                                      const char               *address,
                                                                      guint16                   port,
                                                                      GError                  **error);
const char              *phoneset_provision_server_get_base_url      (PhonesetProvisionServer  *self);
char                    *phoneset_provision_server_add_file          (PhonesetProvisionServer  *self,
                                                                      const char               *name,
                                                                      GBytes                   *contents);
void                     phoneset_provision_server_set_directory     (PhonesetProvisionServer  *self,
                                                                      const char               *directory);
void                     phoneset_provision_server_set_auth          (PhonesetProvisionServer  *self,
                                                                      const char               *user,
                                                                      const char               *password,
                                                                      gboolean                  digest);
void                     phoneset_provision_server_set_action_url    (PhonesetProvisionServer  *self,
                                                                      gboolean                  enabled);
void                     phoneset_provision_server_set_known_phones  (PhonesetProvisionServer  *self,
                                                                      GListModel               *phones);
void                     phoneset_provision_server_set_accept_unknown (PhonesetProvisionServer *self,
                                                                      gboolean                  accept);
guint                    phoneset_provision_server_get_n_ignored     (PhonesetProvisionServer  *self);

G_END_DECLS
