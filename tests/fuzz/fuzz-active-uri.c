/* fuzz-active-uri.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "active_uri" member of a profile (a file Phoneset reads), then the
 * requests built from it for a fixed key sequence.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "phoneset-active-uri.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PhonesetActiveUri) active_uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  const char *const keys[] = { "OK", "1", "POUND", "*", "D3", "Reboot", "F1", NULL };

  if (!json_parser_load_from_data (parser, (const char *)data, size, NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return 0;
  active_uri = phoneset_active_uri_new_from_json (
    json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert ((active_uri == NULL) != (error == NULL));
  if (active_uri == NULL)
    return 0;
  requests = phoneset_active_uri_build_requests (active_uri, keys, NULL);
  for (guint i = 0; requests != NULL && i < requests->len; i++)
    {
      const char *r = requests->pdata[i];

      g_assert (r[0] == '/');
      g_assert (strpbrk (r, " #\r\n") == NULL);
    }
  return 0;
}
