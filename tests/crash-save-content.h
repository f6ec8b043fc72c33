/* crash-save-content.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What tests/save-loop saves at step N, and what tests/test-crash-save
 * rebuilds to know the exact bytes of step N. Content grows with N.
 */

#pragma once

#include "phoneset-config.h"
#include "phoneset-inventory.h"

/* Saves step @n into @dir: inventory.json, configs/<mac>.json and
 * saved.json (a config saved with phoneset_config_save()). */
static inline gboolean
crash_save_step (const char *dir,
                 GPtrArray  *profiles,
                 guint       n,
                 GError    **error)
{
  g_autoptr(PhonesetInventory) inventory = phoneset_inventory_new (dir, profiles);
  g_autoptr(PhonesetConfig) config = phoneset_config_new (phoneset_profiles_find (profiles, "planet-vip"));
  g_autofree char *saved = g_build_filename (dir, "saved.json", NULL);
  g_autofree char *server = g_strdup_printf ("stun-%u.example.org", n);
  g_autoptr(GString) name = g_string_new (NULL);
  guint phones = 1 + n % 64;

  phoneset_config_set (config, "nat.stun.server", server, NULL);
  for (guint i = 0; i < phones; i++)
    {
      g_autoptr(PhonesetPhone) phone = NULL;
      g_autofree char *address = g_strdup_printf ("192.0.2.%u", 1 + i);
      g_autofree char *mac = g_strdup_printf ("00:15:65:00:%02x:%02x", (i >> 8) & 0xff, i & 0xff);

      phone = phoneset_phone_new (address);
      phoneset_phone_set_mac (phone, mac);
      g_string_printf (name, "Desk %u of step %u ", i, n);
      for (guint k = 0; k < n % 97; k++)
        g_string_append_c (name, 'a' + k % 26);
      phoneset_phone_set_name (phone, name->str);
      phoneset_phone_set_profile_id (phone, "planet-vip");
      if (i == 0)
        phoneset_phone_set_config (phone, config);
      phoneset_inventory_add (inventory, phone);
    }
  if (!phoneset_inventory_save (inventory, error))
    return FALSE;
  return phoneset_config_save (config, saved, error);
}
