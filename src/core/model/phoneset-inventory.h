/* phoneset-inventory.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "phoneset-phone.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_INVENTORY (phoneset_inventory_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetInventory, phoneset_inventory, PHONESET, INVENTORY, GObject)

PhonesetInventory *phoneset_inventory_new          (const char        *dir,
                                                    GPtrArray         *profiles);
GListModel        *phoneset_inventory_get_phones   (PhonesetInventory *self);
gboolean           phoneset_inventory_load         (PhonesetInventory *self,
                                                    GError           **error);
gboolean           phoneset_inventory_load_data    (PhonesetInventory *self,
                                                    const char        *data,
                                                    gsize              len,
                                                    GError           **error);
gboolean           phoneset_inventory_save         (PhonesetInventory *self,
                                                    GError           **error);
void               phoneset_inventory_save_async   (PhonesetInventory  *self,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean           phoneset_inventory_save_finish  (PhonesetInventory *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);
void               phoneset_inventory_add          (PhonesetInventory *self,
                                                    PhonesetPhone     *phone);
void               phoneset_inventory_remove       (PhonesetInventory *self,
                                                    PhonesetPhone     *phone);
PhonesetPhone     *phoneset_inventory_find         (PhonesetInventory *self,
                                                    const char        *mac,
                                                    const char        *address);

G_END_DECLS
