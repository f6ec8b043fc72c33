/* fuzz-oui.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "phoneset-neighbours.h"
#include "phoneset-oui.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The two tables discovery reads from files: the IEEE OUI registry and the
 * kernel's neighbour table (/proc/net/arp). */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PhonesetOuiRegistry) registry = phoneset_oui_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autofree char *text = g_strndup ((const char *)data, size);

  if (!phoneset_oui_registry_load_data (registry, (const char *)data, size, &error))
    g_assert (error != NULL && error->message[0] != '\0');
  g_clear_error (&error);

  entries = phoneset_neighbours_parse (text, &error);
  g_assert ((entries == NULL) == (error != NULL));
  return 0;
}
