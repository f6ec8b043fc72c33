/* fuzz-fleet-csv.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The phone-list reader (RFC 4180 CSV) and the row checks: any input is
 * refused with an error, or parses into rows whose problems name a line.
 */

#include "config.h"

#include <stdint.h>

#include "phoneset-fleet.h"
#include "../phoneset-test-catalog.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static PhonesetConfig *common;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PhonesetFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;

  if (common == NULL)
    {
      const char      *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
      GPtrArray       *profiles = phoneset_test_load_profiles (dirs, NULL);
      PhonesetProfile *profile = phoneset_profiles_find (profiles, "yealink-legacy");

      g_assert_nonnull (profile);
      common = phoneset_config_new (profile);
    }

  rows = phoneset_csv_parse ((const char *)data, size, &error);
  if (rows == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      PhonesetCsvRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->line, >=, 1);
      g_assert_nonnull (row->fields);
    }

  fleet = phoneset_fleet_parse (common, (const char *)data, size, &error);
  if (fleet == NULL)
    g_assert_nonnull (error);
  else
    {
      GPtrArray *problems = phoneset_fleet_get_problems (fleet);

      for (guint i = 0; i < problems->len; i++)
        g_assert_cmpuint (((PhonesetFleetProblem *)g_ptr_array_index (problems, i))->line, >=, 1);
      if (!phoneset_fleet_check (fleet, NULL, &error))
        g_assert_nonnull (error);
    }
  return 0;
}
