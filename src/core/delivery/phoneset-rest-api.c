/* phoneset-rest-api.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone's REST API for its settings, as its profile describes it (the
 * "rest_api" member of "active_uri"):
 *
 *   {
 *     "config_set": "/api/v1/mgmt/config/set",   POST {"data": {name: value}}
 *     "config_get": "/api/v1/mgmt/config/get",   POST {"data": [name, ...]}
 *     "max_params": 20,                          names a request may carry
 *     "user": "Polycom",                         the firmware's own user
 *     "https": true, "port": 443,
 *     "auth": ["basic", "digest"],
 *     "enable": { "setting": "...", "menu": "..." },   how it is switched on
 *     "codes": { "4010": "..." },                the answer's "Status" codes
 *     "status_hints": { "404": "..." },          what an HTTP status means
 *     "confidence": "C",
 *     "notes": "..."
 *   }
 *
 * and "<member>_source" for each. Answers are JSON objects with a "Status"
 * ("2000": done; a string or a number) and a "data" member; config_get's
 * data maps each name to {"Value": ..., "Source": ...}. Settings go out
 * in requests of at most max_params, and are then read back: what the
 * phone holds afterwards is the result.
 */

#define G_LOG_DOMAIN "phoneset-rest"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-remote.h"
#include "phoneset-rest-api.h"

/* The most a reply may be: a config_get answer for max_params names. */
#define MAX_REPLY (1024 * 1024)

struct _PhonesetRestApi
{
  GObject     parent_instance;

  char       *config_set;
  char       *config_get;
  guint       max_params;
  char       *user;
  gboolean    https;
  guint16     port;
  char      **auth;
  char       *setting;
  char       *menu;
  char       *confidence;
  char       *notes;
  GHashTable *codes; /* "4010" → sentence */
  GHashTable *hints; /* "404", "4xx" → sentence */
};

G_DEFINE_FINAL_TYPE (PhonesetRestApi, phoneset_rest_api, G_TYPE_OBJECT)

static void
phoneset_rest_api_finalize (GObject *object)
{
  PhonesetRestApi *self = (PhonesetRestApi *)object;

  g_free (self->config_set);
  g_free (self->config_get);
  g_free (self->user);
  g_strfreev (self->auth);
  g_free (self->setting);
  g_free (self->menu);
  g_free (self->confidence);
  g_free (self->notes);
  g_hash_table_unref (self->codes);
  g_hash_table_unref (self->hints);

  G_OBJECT_CLASS (phoneset_rest_api_parent_class)->finalize (object);
}

static void
phoneset_rest_api_class_init (PhonesetRestApiClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_rest_api_finalize;
}

static void
phoneset_rest_api_init (PhonesetRestApi *self)
{
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->hints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
fail (GError     **error,
      const char  *member,
      const char  *what)
{
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
               _("The profile's “active_uri.rest_api.%s” must be %s."), member, what);
  return FALSE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            char       **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return !required || fail (error, member, _("given"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, member, _("a string"));
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *member,
         gint64       min,
         gint64       max,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      g_autofree char *what =
        g_strdup_printf (_("a number from %lld to %lld"), (long long)min, (long long)max);

      return fail (error, member, what);
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_map (JsonObject  *object,
         const char  *member,
         GHashTable  *map,
         GError     **error)
{
  JsonNode   *node = json_object_get_member (object, member);
  JsonObject *o;
  g_autoptr(GList) names = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, member, _("an object of strings"));
  o = json_node_get_object (node);
  names = json_object_get_members (o);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (o, l->data);

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        return fail (error, member, _("an object of strings"));
      g_hash_table_insert (map, g_strdup (l->data), g_strdup (json_node_get_string (value)));
    }
  return TRUE;
}

static gboolean
valid_path (const char *path)
{
  if (path == NULL || path[0] != '/')
    return FALSE;
  for (const char *p = path; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/-_.~", *p) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * phoneset_rest_api_new_from_json:
 * @object: the "rest_api" member of a profile's "active_uri"
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the description, or %NULL with
 *   %PHONESET_ERROR_PARSE
 */
PhonesetRestApi *
phoneset_rest_api_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  g_autoptr(PhonesetRestApi) self = NULL;
  gint64    max_params = 20;
  gint64    port = 443;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PHONESET_TYPE_REST_API, NULL);
  if (!get_string (object, "config_set", TRUE, &self->config_set, error) ||
      !get_string (object, "config_get", TRUE, &self->config_get, error) ||
      !get_string (object, "user", FALSE, &self->user, error) ||
      !get_string (object, "confidence", FALSE, &self->confidence, error) ||
      !get_string (object, "notes", FALSE, &self->notes, error) ||
      !get_int (object, "max_params", 1, 1000, &max_params, error) ||
      !get_int (object, "port", 1, 65535, &port, error) ||
      !get_map (object, "codes", self->codes, error) ||
      !get_map (object, "status_hints", self->hints, error))
    return NULL;
  if (!valid_path (self->config_set))
    return fail (error, "config_set", _("a path such as /api/v1/mgmt/config/set")), NULL;
  if (!valid_path (self->config_get))
    return fail (error, "config_get", _("a path such as /api/v1/mgmt/config/get")), NULL;
  self->max_params = (guint)max_params;
  self->port = (guint16)port;

  node = json_object_get_member (object, "https");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail (error, "https", _("true or false")), NULL;
      self->https = json_node_get_boolean (node);
    }
  else
    self->https = TRUE;

  node = json_object_get_member (object, "auth");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      GPtrArray *schemes = g_ptr_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *scheme = json_array_get_string_element (array, i);

          if (scheme == NULL || (!g_str_equal (scheme, "basic") && !g_str_equal (scheme, "digest")))
            {
              g_ptr_array_free (schemes, TRUE);
              return fail (error, "auth", _("a list of “basic” and “digest”")), NULL;
            }
          g_ptr_array_add (schemes, g_strdup (scheme));
        }
      g_ptr_array_add (schemes, NULL);
      self->auth = (char **)g_ptr_array_free (schemes, FALSE);
    }
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return fail (error, "auth", _("a list of “basic” and “digest”")), NULL;
  else
    self->auth = g_strdupv ((char *[]){ "basic", "digest", NULL });

  node = json_object_get_member (object, "enable");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *enable = json_node_get_object (node);

      if (!get_string (enable, "setting", FALSE, &self->setting, error) ||
          !get_string (enable, "menu", FALSE, &self->menu, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
phoneset_rest_api_get_user (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), NULL);
  return self->user;
}

gboolean
phoneset_rest_api_get_https (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), FALSE);
  return self->https;
}

guint16
phoneset_rest_api_get_port (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), 0);
  return self->port;
}

const char *const *
phoneset_rest_api_get_auth (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), NULL);
  return (const char *const *)self->auth;
}

guint
phoneset_rest_api_get_max_params (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), 0);
  return self->max_params;
}

/**
 * phoneset_rest_api_get_setting:
 *
 * Returns: (nullable): the setting that switches the REST API on
 */
const char *
phoneset_rest_api_get_setting (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), NULL);
  return self->setting;
}

/**
 * phoneset_rest_api_get_menu:
 *
 * Returns: (nullable): where on the phone's web page it is switched on
 */
const char *
phoneset_rest_api_get_menu (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), NULL);
  return self->menu;
}

const char *
phoneset_rest_api_get_confidence (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), NULL);
  return self->confidence ? self->confidence : "U";
}

const char *
phoneset_rest_api_get_notes (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), NULL);
  return self->notes ? _(self->notes) : NULL;
}

const char *
phoneset_rest_api_get_config_set (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), NULL);
  return self->config_set;
}

const char *
phoneset_rest_api_get_config_get (PhonesetRestApi *self)
{
  g_return_val_if_fail (PHONESET_IS_REST_API (self), NULL);
  return self->config_get;
}

static char *
to_json (JsonNode *data)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_member (root, "data", data);
  json_node_set_object (node, root);
  return json_to_string (node, FALSE);
}

/**
 * phoneset_rest_api_build_set:
 * @names: (array length=n): setting names
 * @values: (array length=n): their values
 * @n: how many
 *
 * Returns: (transfer full): the body of a config_set request,
 *   `{"data":{"name":"value",...}}`
 */
char *
phoneset_rest_api_build_set (const char *const *names,
                             const char *const *values,
                             guint              n)
{
  JsonObject *data = json_object_new ();
  JsonNode   *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < n; i++)
    json_object_set_string_member (data, names[i], values[i]);
  json_node_take_object (node, data);
  return to_json (node);
}

/**
 * phoneset_rest_api_build_get:
 * @names: (array length=n): setting names
 * @n: how many
 *
 * Returns: (transfer full): the body of a config_get request,
 *   `{"data":["name",...]}`
 */
char *
phoneset_rest_api_build_get (const char *const *names,
                             guint              n)
{
  JsonArray *data = json_array_new ();
  JsonNode  *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < n; i++)
    json_array_add_string_element (data, names[i]);
  json_node_take_array (node, data);
  return to_json (node);
}

static const char *
hint_for (PhonesetRestApi *self,
          guint            status)
{
  char        name[8];
  const char *hint;

  g_snprintf (name, sizeof name, "%u", status);
  hint = g_hash_table_lookup (self->hints, name);
  if (hint == NULL)
    {
      g_snprintf (name, sizeof name, "%uxx", status / 100);
      hint = g_hash_table_lookup (self->hints, name);
    }
  return hint ? _(hint) : NULL;
}

/* "Status" as a string: real phones send "2000", documents show 2000. */
static char *
status_code (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "Status");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%lld", (long long)json_node_get_int (node));
  return NULL;
}

/**
 * phoneset_rest_api_parse_reply:
 * @peer: the phone, "host:port", for messages
 * @user: (nullable): the user Phoneset logged in as, for messages
 * @http_status: the answer's HTTP status
 * @body: (array length=len): the answer's body, from the network
 * @len: its length
 * @error: a location for a #GError
 *
 * Reads one answer of the phone's REST API. A status other than 2xx, a
 * body that is not a JSON object, and a "Status" other than "2000" are
 * errors that say, in the phone's terms, what to change.
 *
 * Returns: (transfer full) (nullable): a copy of the answer's "data" (a
 *   JSON null node where it has none), or %NULL with @error set
 */
JsonNode *
phoneset_rest_api_parse_reply (PhonesetRestApi  *self,
                               const char       *peer,
                               const char       *user,
                               guint             http_status,
                               const char       *body,
                               gsize             len,
                               GError          **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autofree char *code = NULL;
  const char      *hint = hint_for (self, http_status);
  JsonObject      *object;
  JsonNode        *root;
  JsonNode        *data;

  g_return_val_if_fail (PHONESET_IS_REST_API (self), NULL);
  g_return_val_if_fail (peer != NULL, NULL);
  g_return_val_if_fail (body != NULL || len == 0, NULL);

  if (http_status == 401)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_AUTH,
                   _("The REST API of the phone at %s did not take the user “%s” and its "
                     "password (401)%s%s"),
                      peer, user ? user : "", hint ? ": " : ".", hint ? hint : "");
      return NULL;
    }
  if (http_status < 200 || http_status > 299)
    {
      g_set_error (error, PHONESET_ERROR,
                   http_status == 403   ? PHONESET_ERROR_FORBIDDEN
                   : http_status == 404 ? PHONESET_ERROR_UNSUPPORTED
                                        : PHONESET_ERROR_FAILED,
                   _("The REST API of the phone at %s answered HTTP %u%s%s"), peer, http_status,
                      hint ? ": " : ".", hint ? hint : "");
      return NULL;
    }
  if (len > MAX_REPLY || (body != NULL && memchr (body, '\0', len) != NULL) ||
      !g_utf8_validate (body ? body : "", (gssize)len, NULL))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The REST API of the phone at %s answered with something that is not a "
                     "JSON text."),
                      peer);
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, body ? body : "", (gssize)len, &json_error) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The REST API of the phone at %s answered with something that is not a "
                     "JSON object%s%s."),
                      peer, json_error ? ": " : "", json_error ? json_error->message : "");
      return NULL;
    }
  root = json_parser_get_root (parser);
  object = json_node_get_object (root);
  code = status_code (object);
  if (code == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The REST API of the phone at %s answered without a “Status”."), peer);
      return NULL;
    }
  if (!g_str_equal (code, "2000"))
    {
      const char *meaning = g_hash_table_lookup (self->codes, code);

      g_set_error (error, PHONESET_ERROR,
                   g_str_equal (code, "4010") ? PHONESET_ERROR_AUTH : PHONESET_ERROR_FAILED,
                   _("The REST API of the phone at %s refused the request (Status %s)%s%s"), peer,
                      code, meaning ? ": " : ".", meaning ? _(meaning) : "");
      return NULL;
    }
  data = json_object_get_member (object, "data");
  return data ? json_node_copy (data) : json_node_new (JSON_NODE_NULL);
}

/**
 * phoneset_rest_api_read_values:
 * @data: the "data" of a config_get answer
 * @error: a location for a #GError
 *
 * Returns: (transfer full): name → the value the phone holds (its
 *   "Value"; a plain string is taken too), or %NULL with
 *   %PHONESET_ERROR_PARSE
 */
GHashTable *
phoneset_rest_api_read_values (JsonNode  *data,
                               GError   **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GList) names = NULL;
  JsonObject *object;

  g_return_val_if_fail (data != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (data))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The phone's REST API answered a read of settings without their values."));
      return NULL;
    }
  object = json_node_get_object (data);
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode   *node = json_object_get_member (object, l->data);
      const char *value = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), "Value");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        value = json_node_get_string (node);
      if (value != NULL)
        g_hash_table_insert (values, g_strdup (l->data), g_strdup (value));
    }
  return g_steal_pointer (&values);
}

typedef struct
{
  PhonesetRemote *remote;
  GPtrArray      *names;
  GPtrArray      *values;
  GHashTable     *read;
  guint           next;
  gboolean        reading;
} Apply;

static void
apply_free (Apply *a)
{
  g_object_unref (a->remote);
  g_ptr_array_unref (a->names);
  g_ptr_array_unref (a->values);
  g_hash_table_unref (a->read);
  g_free (a);
}

static void apply_next (GTask *task);

static void
posted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PhonesetRestApi *self = g_task_get_source_object (task);
  Apply           *a = g_task_get_task_data (task);
  GError          *error = NULL;
  guint            status = 0;
  g_autoptr(GBytes) body =
               phoneset_remote_post_finish (PHONESET_REMOTE (source), result, &status, &error);
  g_autoptr(JsonNode) data = NULL;
  g_autofree char *peer = phoneset_remote_dup_peer (a->remote);
  gsize            len = 0;
  const char      *text;

  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  text = g_bytes_get_data (body, &len);
  data = phoneset_rest_api_parse_reply (self, peer, phoneset_remote_get_user (a->remote), status,
                                        text, len, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (a->reading)
    {
      g_autoptr(GHashTable) values = phoneset_rest_api_read_values (data, &error);
      GHashTableIter iter;
      gpointer       key, value;

      if (values == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (a->read, g_strdup (key), g_strdup (value));
    }
  apply_next (g_steal_pointer (&task));
}

static void
apply_next (GTask *task)
{
  PhonesetRestApi *self = g_task_get_source_object (task);
  Apply           *a = g_task_get_task_data (task);
  guint            n;
  gsize            len;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) body = NULL;

  if (!a->reading && a->next >= a->names->len)
    {
      /* Everything sent: now what the phone holds. */
      a->reading = TRUE;
      a->next = 0;
    }
  if (a->reading && a->next >= a->names->len)
    {
      g_task_return_pointer (task, g_hash_table_ref (a->read), (GDestroyNotify)g_hash_table_unref);
      g_object_unref (task);
      return;
    }
  n = MIN (self->max_params, a->names->len - a->next);
  json = a->reading
           ? phoneset_rest_api_build_get ((const char *const *)a->names->pdata + a->next, n)
           : phoneset_rest_api_build_set ((const char *const *)a->names->pdata + a->next,
                                          (const char *const *)a->values->pdata + a->next, n);
  a->next += n;
  g_debug ("%s %u settings", a->reading ? "reading" : "setting", n);
  len = strlen (json);
  body = g_bytes_new_take (g_steal_pointer (&json), len);
  phoneset_remote_post_async (a->remote, a->reading ? self->config_get : self->config_set,
                              "application/json", body, g_task_get_cancellable (task), posted_cb,
                              task);
}

/**
 * phoneset_rest_api_apply_async:
 * @remote: a client of the phone's REST API (its port, HTTPS, user and
 *   password; phoneset_remote_set_auth_schemes() with this API's)
 * @names: (element-type utf8): the settings to set
 * @values: (element-type utf8): their values, in the same order
 *
 * Sets @names on the phone, at most max_params a request, then reads them
 * all back. Values go as the phone's own strings (see the top of this file).
 */
void
phoneset_rest_api_apply_async (PhonesetRestApi     *self,
                               PhonesetRemote      *remote,
                               GPtrArray           *names,
                               GPtrArray           *values,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Apply *a;

  g_return_if_fail (PHONESET_IS_REST_API (self));
  g_return_if_fail (PHONESET_IS_REMOTE (remote));
  g_return_if_fail (names != NULL && values != NULL && names->len == values->len);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_rest_api_apply_async);
  a = g_new0 (Apply, 1);
  a->remote = g_object_ref (remote);
  a->names = g_ptr_array_ref (names);
  a->values = g_ptr_array_ref (values);
  a->read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_task_set_task_data (task, a, (GDestroyNotify)apply_free);
  apply_next (task);
}

/**
 * phoneset_rest_api_apply_finish:
 *
 * Returns: (transfer full): name → the value the phone holds after the
 *   change, for the names it reported, or %NULL
 */
GHashTable *
phoneset_rest_api_apply_finish (PhonesetRestApi  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
