/* fuzz-profile.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile loader: any input is refused with an error or loads into a
 * profile whose every setting has a valid default and a menu path.
 */

#include "config.h"

#include <stdint.h>

#include "phoneset-profile.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PhonesetProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *settings;

  profile = phoneset_profile_new_from_data ((const char *)data, size, NULL, &error);
  if (profile == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  settings = phoneset_profile_get_settings (profile);
  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);

      g_assert_true (
        phoneset_setting_validate (setting, phoneset_setting_get_default (setting), NULL, NULL));
      g_assert_nonnull (phoneset_setting_get_menu_path (setting)[0]);
    }
  return 0;
}
