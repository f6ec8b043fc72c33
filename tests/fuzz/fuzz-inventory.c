/* fuzz-inventory.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inventory loader: any input is refused with an error or loads.
 */

#include "config.h"

#include <stdint.h>

#include "phoneset-inventory.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GPtrArray *profiles;
  g_autoptr(PhonesetInventory) inventory = NULL;
  g_autoptr(GError) error = NULL;

  if (profiles == NULL)
    profiles = g_ptr_array_new ();
  inventory = phoneset_inventory_new ("/nonexistent", profiles);
  if (!phoneset_inventory_load_data (inventory, (const char *)data, size, &error))
    g_assert_nonnull (error);
  return 0;
}
