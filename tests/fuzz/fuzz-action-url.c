/* fuzz-action-url.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Action URL parser: input is "PATH?QUERY" as a phone would send it.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "phoneset-action-url.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr(PhonesetActionUrlEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  char *q = strchr (text, '?');

  if (q != NULL)
    *q++ = '\0';
  event = phoneset_action_url_event_parse (text, q, "192.0.2.10", &error);
  g_assert ((event == NULL) != (error == NULL));
  if (event != NULL)
    {
      g_autoptr(JsonObject) object = phoneset_action_url_event_to_json (event);

      g_assert_nonnull (phoneset_action_url_event_get_name (event));
      g_assert_true (json_object_has_member (object, "variables"));
    }
  return 0;
}
