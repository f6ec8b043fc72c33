/* fuzz-rest-reply.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An answer of a phone's REST API (network input): the reply's envelope,
 * then the values of a config_get answer.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "phoneset-rest-api.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static PhonesetRestApi *
api (void)
{
  static PhonesetRestApi *api;

  if (api == NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert (json_parser_load_from_data (
        parser,
        "{\"config_set\": \"/api/v1/mgmt/config/set\", \"config_get\": \"/api/v1/mgmt/config/get\","
        " \"codes\": {\"4010\": \"change the admin password\"},"
        " \"status_hints\": {\"404\": \"turn the REST API on\"}}",
        -1, NULL));
      api = phoneset_rest_api_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                             NULL);
      g_assert (api != NULL);
    }
  return api;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GHashTable) values = NULL;
  /* The first byte picks the HTTP status, so that the error paths run too. */
  guint http_status = size > 0 && data[0] == 'x' ? 404 : 200;

  reply = phoneset_rest_api_parse_reply (api (), "127.0.0.1:443", "Polycom", http_status,
                                         (const char *)data, size, &error);
  g_assert ((reply == NULL) != (error == NULL));
  if (reply == NULL)
    {
      g_assert (error->message != NULL && error->message[0] != '\0');
      return 0;
    }
  values = phoneset_rest_api_read_values (reply, NULL);
  if (values != NULL)
    g_assert (g_hash_table_size (values) <= size);
  return 0;
}
