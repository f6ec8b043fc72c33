/* phoneset-test-catalog.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profiles of a PhonesetCatalog as a plain array, for tests that only
 * need the profiles: the array keeps them when the catalog is gone.
 */

#pragma once

#include "phoneset-catalog.h"

static inline GPtrArray *
phoneset_test_load_profiles (const char *const *dirs,
                             GPtrArray        **errors)
{
  g_autoptr(PhonesetCatalog) catalog = phoneset_catalog_new (dirs);

  if (errors != NULL)
    *errors = g_ptr_array_ref (phoneset_catalog_get_errors (catalog));
  return g_ptr_array_ref (phoneset_catalog_get_profiles (catalog));
}
