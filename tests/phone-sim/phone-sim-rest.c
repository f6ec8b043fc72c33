/* phone-sim-rest.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulated phone's REST API (Poly UC Software), as public client code
 * shows it [C]: POST /api/v1/mgmt/config/set {"data": {name: value}} and
 * /api/v1/mgmt/config/get {"data": [name, ...]}, at most 20 names, Basic
 * authentication as "Polycom" with the admin password, answers
 * {"Status": "2000", "data": ...}. Off (404) unless apps.restapi.enabled
 * is 1 (--rest-api); the factory admin password 456 is refused with 4010.
 * A setting the firmware does not read (--firmware) is ignored, as a
 * phone ignores it: the read back then shows the old value or none.
 */

#include "config.h"

#include <string.h>

#include "phone-sim.h"

#define REST_USER       "Polycom"
#define REST_MAX_PARAMS 20

/* @data: (transfer full) (nullable) */
static void
reply (SoupServerMessage *msg,
       guint              http_status,
       const char        *status,
       JsonNode          *data)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  if (data != NULL)
    {
      json_builder_set_member_name (b, "data");
      json_builder_add_value (b, data);
    }
  json_builder_set_member_name (b, "Status");
  json_builder_add_string_value (b, status);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  soup_server_message_set_status (msg, http_status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, strlen (text));
}

static gboolean
basic_ok (SoupServerMessage *msg)
{
  const char *header =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  g_autofree guchar *decoded = NULL;
  g_autofree char   *want = NULL;
  gsize              len = 0;

  if (header == NULL || g_ascii_strncasecmp (header, "Basic ", 6) != 0)
    return FALSE;
  decoded = g_base64_decode (header + 6, &len);
  want = g_strdup_printf ("%s:%s", REST_USER, sim.password ? sim.password : "");
  return len == strlen (want) && memcmp (decoded, want, len) == 0;
}

static JsonNode *
parse_body (SoupServerMessage *msg)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize)g_bytes_get_size (bytes), NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  root = json_object_get_member (json_node_get_object (root), "data");
  return root ? json_node_copy (root) : NULL;
}

static void
config_set (SoupServerMessage *msg,
            JsonObject        *data)
{
  g_autoptr(GList) names = json_object_get_members (data);

  if (g_list_length (names) > REST_MAX_PARAMS)
    {
      reply (msg, 200, "4009", NULL);
      return;
    }
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (data, l->data);

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          reply (msg, 200, "4000", NULL);
          return;
        }
    }
  for (GList *l = names; l != NULL; l = l->next)
    sim_config_set (l->data, l->data, json_object_get_string_member (data, l->data), "rest", NULL);
  g_message ("rest: config/set %u settings", g_list_length (names));
  sim_save_state ();
  reply (msg, 200, "2000", NULL);
}

static void
config_get (SoupServerMessage *msg,
            JsonArray         *names)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(JsonNode) data = json_node_new (JSON_NODE_OBJECT);

  if (json_array_get_length (names) > REST_MAX_PARAMS)
    {
      reply (msg, 200, "4009", NULL);
      return;
    }
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      const char *name = json_array_get_string_element (names, i);
      const char *value = name ? sim_config_get (name) : NULL;
      JsonObject *entry;

      if (value == NULL)
        continue;
      entry = json_object_new ();
      json_object_set_string_member (entry, "Value", value);
      json_object_set_string_member (entry, "Source", "web");
      json_object_set_object_member (values, name, entry);
    }
  json_node_set_object (data, values);
  reply (msg, 200, "2000", g_steal_pointer (&data));
}

/**
 * sim_rest_handle:
 *
 * Answers a request under /api/ of the simulated Poly phone.
 */
void
sim_rest_handle (SoupServerMessage *msg,
                 const char        *path)
{
  g_autoptr(JsonNode) data = NULL;

  if (g_strcmp0 (sim_config_get ("apps.restapi.enabled"), "1") != 0)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  if (!basic_ok (msg))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Basic realm=\"API Authentication\"");
      soup_server_message_set_status (msg, 401, NULL);
      return;
    }
  if (g_strcmp0 (sim.password, "456") == 0)
    {
      reply (msg, 200, "4010", NULL);
      return;
    }
  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      soup_server_message_set_status (msg, 405, NULL);
      return;
    }
  data = parse_body (msg);
  if (g_str_equal (path, "/api/v1/mgmt/config/set") && data != NULL &&
      JSON_NODE_HOLDS_OBJECT (data))
    config_set (msg, json_node_get_object (data));
  else if (g_str_equal (path, "/api/v1/mgmt/config/get") && data != NULL &&
           JSON_NODE_HOLDS_ARRAY (data))
    config_get (msg, json_node_get_array (data));
  else if (g_str_has_prefix (path, "/api/v1/mgmt/config/"))
    reply (msg, 200, "4000", NULL);
  else
    soup_server_message_set_status (msg, 404, NULL);
}
