/* phoneset-active-uri.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How one vendor's phones take Active URI key commands, read from the
 * "active_uri" member of a phone profile. The format (one complete example
 * per vendor is in tests/data/active-uri/):
 *
 *   {
 *     "path": "/servlet",                 where key commands go
 *     "legacy_paths": ["/cgi-bin/ConfigManApp.com"],   older firmware
 *     "param": "key",                     the query parameter
 *     "separator": ";",                   how keys chain; "" = one request per key
 *     "percent_encode": "*#",             characters always sent as %XX
 *     "auth": ["basic", "digest"],        schemes the phone may ask for
 *     "user": "admin",                    the user the phone's firmware has
 *                                         for this interface out of the box;
 *                                         absent when there is none (the
 *                                         installer creates it on the phone)
 *     "confidence": "V",                  V, V-OEM, T, 3P or U (vendors.md)
 *     "keys": { "OK": "OK", "POUND": "POUND", ... },   neutral key → vendor token
 *     "unconfirmed_keys": ["OK", ...],    mappings that are [U]
 *     "legacy_keys": { "F_HOLD": "F_R" }, the older firmware's tokens, sent
 *                                         instead when asked (--legacy-keys)
 *     "commands": { "Reboot": "/advanced_update.htm?reboot=Reboot" },
 *                                         keys sent as a request of their own
 *     "status_query": "phonecfg=get",     optional read-back query
 *     "set_query": "phonecfg=set",        optional: set values over HTTP [U]
 *     "provisioning_url_setting": "static.auto_provision.server.url",
 *     "no_config_push": "...",            why no file can be pushed to these
 *                                         phones (no method is tried), if so
 *     "prompt": { "setting": ..., "menu": ... } or null,
 *     "allowed_ip": { "setting": ..., "menu": ..., "blank": "reject-all" } or null,
 *     "no_chaining": { "models": ["SIP-T48S"], "source": "..." },
 *                                         models that take one key per request
 *     "notes": "..."
 *     "rest_api": { ... }                 the phone's REST API for its
 *                                         settings (phoneset-rest-api.c)
 *   }
 *
 * Phones that take keys as the body of an HTTP POST (one request carries
 * several keys) describe that form with
 *
 *     "method": "POST",                   "GET" (the default): keys in the query
 *     "content_type": "application/...",  the body's Content-Type
 *     "body": "<Doc>{keys}</Doc>",        the body; {keys} is the keys, each
 *                                         written as "key_format" says, joined
 *                                         with "separator" ("\n" too) and
 *                                         XML-escaped
 *     "key_format": "Key:{key}",          one key ({key}: its vendor token)
 *     "max_body": 2048,                   the longest body the phone takes, in
 *                                         bytes: longer key sequences go out as
 *                                         several requests; 0 or absent: no limit
 *     "status_hints": { "401": "...", "4xx": "..." },
 *                                         what an answer means on this phone, in
 *                                         a sentence of the phone's own terms
 *                                         (by status, or its class "4xx")
 *
 * and "<member>_source" for each (or "source" for all): where it is
 * documented. "param" is for GET only; "commands" too.
 *
 * The description is taken from the phone's own profile
 * (phoneset_active_uri_new_for_profile()): firmware generations of one
 * vendor differ in the keys a push sets.
 */

#define G_LOG_DOMAIN "phoneset-active-uri"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-active-uri.h"
#include "phoneset-error.h"
#include "phoneset-profile.h"

struct _PhonesetActiveUri
{
  GObject          parent_instance;

  char            *path;
  char           **legacy_paths;
  char            *param;
  char            *separator;
  char            *percent_encode;
  char           **auth;
  char            *user;
  PhonesetRestApi *rest_api;
  char            *confidence;
  char            *notes;
  char            *status_query;
  char            *set_query;
  char            *provisioning_url_setting;
  char            *allowed_ip_setting;
  char            *allowed_ip_menu;
  gboolean         prompt;
  char           **no_chaining_models;
  char            *no_chaining_source;
  char            *profile_id;
  char            *model;
  GHashTable      *keys;        /* neutral → vendor token */
  GHashTable      *legacy_keys; /* neutral → the older firmware's token */
  gboolean         use_legacy_keys;
  GHashTable      *commands; /* neutral → path?query */
  GHashTable      *unconfirmed;
  gboolean         post;
  char            *content_type;
  char            *body;
  char            *key_format;
  gint64           max_body;
  char            *no_config_push;
  GHashTable      *status_hints; /* "401" or "4xx" → sentence */
};

G_DEFINE_FINAL_TYPE (PhonesetActiveUri, phoneset_active_uri, G_TYPE_OBJECT)

static void
phoneset_active_uri_finalize (GObject *object)
{
  PhonesetActiveUri *self = (PhonesetActiveUri *)object;

  g_free (self->path);
  g_strfreev (self->legacy_paths);
  g_free (self->param);
  g_free (self->separator);
  g_free (self->percent_encode);
  g_strfreev (self->auth);
  g_free (self->user);
  g_clear_object (&self->rest_api);
  g_free (self->confidence);
  g_free (self->notes);
  g_free (self->status_query);
  g_free (self->set_query);
  g_free (self->provisioning_url_setting);
  g_free (self->allowed_ip_setting);
  g_free (self->allowed_ip_menu);
  g_strfreev (self->no_chaining_models);
  g_free (self->no_chaining_source);
  g_free (self->profile_id);
  g_free (self->model);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->legacy_keys, g_hash_table_unref);
  g_clear_pointer (&self->commands, g_hash_table_unref);
  g_clear_pointer (&self->unconfirmed, g_hash_table_unref);
  g_free (self->content_type);
  g_free (self->body);
  g_free (self->key_format);
  g_free (self->no_config_push);
  g_clear_pointer (&self->status_hints, g_hash_table_unref);

  G_OBJECT_CLASS (phoneset_active_uri_parent_class)->finalize (object);
}

static void
phoneset_active_uri_class_init (PhonesetActiveUriClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_active_uri_finalize;
}

static void
phoneset_active_uri_init (PhonesetActiveUri *self)
{
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->legacy_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->commands = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unconfirmed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->status_hints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The vendor-neutral key vocabulary: the PLANET/Yealink names of seed 003
 * ch.5 and vendors.md §1.4, plus snom's own (OFFHOOK, ONHOOK, MENU, DND, REC). */
const char *const *
phoneset_key_vocabulary (void)
{
  static GStrv vocabulary;

  if (g_once_init_enter (&vocabulary))
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      const char *const fixed[] = {
        "OK",      "ENTER",   "SPEAKER",      "RELEASE", "F_TRANSFER", "VOLUME_UP", "VOLUME_DOWN",
        "MUTE",    "F_HOLD",  "F_CONFERENCE", "F_CFWD",  "X",          "*",         "POUND",
        "MSG",     "F_PBOOK", "HEADSET",      "RD",      "UP",         "DOWN",      "LEFT",
        "RIGHT",   "Reboot",  "DNDOn",        "DNDOff",  "DND",        "F_LOCK",    "AutoP",
        "OFFHOOK", "ONHOOK",  "MENU",         "REC",     NULL,
      };

      char num[8];

      for (int i = 0; i <= 9; i++)
        {
          g_snprintf (num, sizeof num, "%d", i);
          g_strv_builder_add (b, num);
        }
      g_strv_builder_addv (b, (const char **)fixed);
      for (int i = 1; i <= 40; i++)
        {
          if (i <= 4)
            g_snprintf (num, sizeof num, "F%d", i), g_strv_builder_add (b, num);
          if (i <= 6)
            g_snprintf (num, sizeof num, "L%d", i), g_strv_builder_add (b, num);
          g_snprintf (num, sizeof num, "D%d", i);
          g_strv_builder_add (b, num);
        }
      g_once_init_leave (&vocabulary, g_strv_builder_end (b));
    }
  return (const char *const *)vocabulary;
}

/**
 * phoneset_key_canonical:
 * @name: a key as a user typed it (`ok`, `#`, `reboot`, `D3`)
 *
 * Returns: (nullable): the key's name in the neutral vocabulary, or %NULL
 */
const char *
phoneset_key_canonical (const char *name)
{
  const char *const *vocabulary = phoneset_key_vocabulary ();

  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "#"))
    return "POUND";
  for (guint i = 0; vocabulary[i] != NULL; i++)
    if (g_str_equal (vocabulary[i], name))
      return vocabulary[i];
  for (guint i = 0; vocabulary[i] != NULL; i++)
    if (g_ascii_strcasecmp (vocabulary[i], name) == 0)
      return vocabulary[i];
  return NULL;
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
    {
      if (required)
        {
          g_set_error (
            error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
            _("The profile's “active_uri” has no “%s”: add it (see tests/data/active-uri/)."),
               member);
          return FALSE;
        }
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The profile's “active_uri.%s” must be a string."), member);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_strv (JsonObject   *object,
          const char   *member,
          char       ***out,
          GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = g_strv_builder_end (b);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto bad;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        goto bad;
      g_strv_builder_add (b, json_node_get_string (element));
    }
  *out = g_strv_builder_end (b);
  return TRUE;

bad:
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
               _("The profile's “active_uri.%s” must be a list of strings."), member);
  return FALSE;
}

static gboolean
valid_path (const char *path)
{
  if (path[0] != '/')
    return FALSE;
  for (const char *p = path; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/-._~", *p) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
valid_token (const char *token)
{
  if (*token == '\0' || strlen (token) > 64)
    return FALSE;
  for (const char *p = token; *p; p++)
    if ((guchar)*p <= ' ' || (guchar)*p >= 0x7f || strchr ("&;=%?/\\\"", *p) != NULL)
      return FALSE;
  return TRUE;
}

static gboolean
get_map (JsonObject  *object,
         const char  *member,
         GHashTable  *map,
         gboolean     commands,
         GError     **error)
{
  JsonNode   *node = json_object_get_member (object, member);
  JsonObject *keys;
  g_autoptr(GList) names = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The profile's “active_uri.%s” must be an object."), member);
      return FALSE;
    }
  keys = json_node_get_object (node);
  names = json_object_get_members (keys);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode   *value = json_object_get_member (keys, l->data);
      const char *neutral = phoneset_key_canonical (l->data);
      const char *token;

      if (neutral == NULL || !g_str_equal (neutral, l->data))
        {
          g_set_error (
            error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
            _("The profile's “active_uri.%s” names “%s”, which is not a key of the vocabulary."),
               member, (const char *)l->data);
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        goto bad;
      token = json_node_get_string (value);
      if (commands)
        {
          const char      *q = strchr (token, '?');
          g_autofree char *path = q ? g_strndup (token, q - token) : g_strdup (token);

          if (q == NULL || !valid_path (path) || strpbrk (q, " #\"\\") != NULL)
            goto bad;
        }
      else if (!valid_token (token))
        goto bad;
      g_hash_table_insert (map, g_strdup (neutral), g_strdup (token));
      continue;

    bad:
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The profile's “active_uri.%s.%s” is not a valid value."), member,
                      (const char *)l->data);
      return FALSE;
    }
  return TRUE;
}

/* "no_chaining": { "models": [...], "source": "..." }: the models that take
 * one key per request although the vendor chains keys. */
static gboolean
get_no_chaining (PhonesetActiveUri  *self,
                 JsonObject         *object,
                 GError            **error)
{
  JsonNode   *node = json_object_get_member (object, "no_chaining");
  JsonObject *no_chaining;
  JsonNode   *source;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      self->no_chaining_models = g_new0 (char *, 1);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  no_chaining = json_node_get_object (node);
  source = json_object_get_member (no_chaining, "source");
  if (!get_strv (no_chaining, "models", &self->no_chaining_models, NULL) ||
      self->no_chaining_models[0] == NULL || source == NULL || !JSON_NODE_HOLDS_VALUE (source) ||
      json_node_get_value_type (source) != G_TYPE_STRING || *json_node_get_string (source) == '\0')
    goto bad;
  self->no_chaining_source = g_strdup (json_node_get_string (source));
  return TRUE;

bad:
  g_set_error (
    error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
    _("The profile's “active_uri.no_chaining” must be an object with “models” (a list of model "
                 "names) and “source” (where that is documented)."));
  return FALSE;
}

/* No control characters (a header value, a template). */
static gboolean
plain_text (const char *text,
            gboolean    allow_newline)
{
  for (const char *p = text; *p; p++)
    if ((guchar)*p < ' ' && !(allow_newline && (*p == '\n' || *p == '\r' || *p == '\t')))
      return FALSE;
  return TRUE;
}

static guint
count_of (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static gboolean
valid_status_class (const char *name)
{
  return strlen (name) == 3 && name[0] >= '1' && name[0] <= '5' &&
         ((g_ascii_isdigit (name[1]) && g_ascii_isdigit (name[2])) ||
          (name[1] == 'x' && name[2] == 'x'));
}

static gboolean
get_status_hints (PhonesetActiveUri  *self,
                  JsonObject         *object,
                  GError            **error)
{
  JsonNode   *node = json_object_get_member (object, "status_hints");
  JsonObject *hints;
  g_autoptr(GList) names = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  hints = json_node_get_object (node);
  names = json_object_get_members (hints);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (hints, l->data);

      if (!valid_status_class (l->data) || !JSON_NODE_HOLDS_VALUE (value) ||
          json_node_get_value_type (value) != G_TYPE_STRING ||
          *json_node_get_string (value) == '\0')
        goto bad;
      g_hash_table_insert (self->status_hints, g_strdup (l->data),
                           g_strdup (json_node_get_string (value)));
    }
  return TRUE;

bad:
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
               _("The profile's “active_uri.status_hints” must be an object of HTTP statuses "
                 "(“401”, or a class such as “4xx”) to sentences."));
  return FALSE;
}

/* The "<member>_source" strings: where each member is documented. */
static gboolean
get_sources (JsonObject  *object,
             GError     **error)
{
  static const char *members[] = { "source",         "method",   "content_type", "body",
                                   "key_format",     "max_body", "status_hints", "auth",
                                   "user",           "keys",     "separator",    "path",
                                   "no_config_push", NULL };

  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *name = g_str_equal (members[i], "source")
                                ? g_strdup ("source")
                                : g_strconcat (members[i], "_source", NULL);
      g_autofree char *value = NULL;

      if (!get_string (object, name, FALSE, &value, error))
        return FALSE;
    }
  return TRUE;
}

/* "method" and, for POST, the body's form (see the top of this file). */
static gboolean
get_method (PhonesetActiveUri  *self,
            JsonObject         *object,
            GError            **error)
{
  g_autofree char *method = NULL;
  JsonNode        *node;

  if (!get_string (object, "method", FALSE, &method, error))
    return FALSE;
  if (method != NULL && !g_str_equal (method, "GET") && !g_str_equal (method, "POST"))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The profile's “active_uri.method” is “GET” or “POST”, not “%s”."), method);
      return FALSE;
    }
  self->post = method != NULL && g_str_equal (method, "POST");
  if (!self->post)
    {
      static const char *post_only[] = { "content_type", "body", "key_format", "max_body", NULL };

      for (guint i = 0; post_only[i] != NULL; i++)
        if (json_object_has_member (object, post_only[i]))
          {
            g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                         _("The profile's “active_uri.%s” is for “method”: “POST”."),
                            post_only[i]);
            return FALSE;
          }
      return TRUE;
    }
  if (!get_string (object, "content_type", TRUE, &self->content_type, error) ||
      !get_string (object, "body", TRUE, &self->body, error) ||
      !get_string (object, "key_format", FALSE, &self->key_format, error))
    return FALSE;
  if (self->key_format == NULL)
    self->key_format = g_strdup ("{key}");
  if (*self->content_type == '\0' || strchr (self->content_type, '/') == NULL ||
      !plain_text (self->content_type, FALSE) || !plain_text (self->body, TRUE) ||
      !plain_text (self->key_format, FALSE) || count_of (self->body, "{keys}") != 1 ||
      count_of (self->key_format, "{key}") != 1)
    {
      g_set_error (
        error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
        _("The profile's “active_uri” POST form is not valid: “content_type” must be a media "
          "type, “body” must hold “{keys}” once and “key_format” “{key}” once."));
      return FALSE;
    }
  node = json_object_get_member (object, "max_body");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > 1024 * 1024)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("The profile's “active_uri.max_body” must be a number of bytes "
                         "(0 to 1048576)."));
          return FALSE;
        }
      self->max_body = json_node_get_int (node);
    }
  return TRUE;
}

/**
 * phoneset_active_uri_new_from_json:
 * @object: the "active_uri" member of a profile
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the Active URI description, or %NULL with
 *   %PHONESET_ERROR_PARSE
 */
PhonesetActiveUri *
phoneset_active_uri_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  g_autoptr(PhonesetActiveUri) self = NULL;
  g_auto(GStrv) unconfirmed = NULL;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PHONESET_TYPE_ACTIVE_URI, NULL);
  if (!get_method (self, object, error) || !get_status_hints (self, object, error) ||
      !get_sources (object, error) || !get_string (object, "path", TRUE, &self->path, error) ||
      !get_strv (object, "legacy_paths", &self->legacy_paths, error) ||
      !get_string (object, "param", !self->post, &self->param, error) ||
      !get_string (object, "separator", FALSE, &self->separator, error) ||
      !get_string (object, "percent_encode", FALSE, &self->percent_encode, error) ||
      !get_strv (object, "auth", &self->auth, error) ||
      !get_string (object, "user", FALSE, &self->user, error) ||
      !get_string (object, "confidence", FALSE, &self->confidence, error) ||
      !get_string (object, "notes", FALSE, &self->notes, error) ||
      !get_string (object, "status_query", FALSE, &self->status_query, error) ||
      !get_string (object, "set_query", FALSE, &self->set_query, error) ||
      !get_string (object, "provisioning_url_setting", FALSE, &self->provisioning_url_setting,
                   error) ||
      !get_string (object, "no_config_push", FALSE, &self->no_config_push, error) ||
      !get_strv (object, "unconfirmed_keys", &unconfirmed, error) ||
      !get_map (object, "keys", self->keys, FALSE, error) ||
      !get_map (object, "legacy_keys", self->legacy_keys, FALSE, error) ||
      !get_map (object, "commands", self->commands, TRUE, error))
    return NULL;

  /* Key values are percent-encoded into the query; the parameter name goes
   * in as it is, so a '#' there (the start of a fragment) would cut the
   * query short. */
  if (self->post && self->param != NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The profile's “active_uri.param” is for “method”: “GET”."));
      return NULL;
    }
  if (self->post && g_hash_table_size (self->commands) > 0)
    {
      g_set_error (
        error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
        _("The profile's “active_uri.commands” are GET requests: a “POST” profile has none."));
      return NULL;
    }
  if (!valid_path (self->path) ||
      (!self->post && (!valid_token (self->param) || strchr (self->param, '#') != NULL)))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The profile's “active_uri” has a bad “path” or “param”."));
      return NULL;
    }
  for (guint i = 0; self->legacy_paths[i] != NULL; i++)
    if (!valid_path (self->legacy_paths[i]))
      {
        g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                     _("The profile's “active_uri.legacy_paths” has a bad path."));
        return NULL;
      }
  if (self->separator == NULL)
    self->separator = g_strdup ("");
  if (self->post ? !g_strv_contains ((const char *const[]){ "", ";", ",", "\n", "\r\n", NULL },
                                     self->separator)
                 : (strlen (self->separator) > 1 ||
                    (self->separator[0] != '\0' && strchr (";,", self->separator[0]) == NULL)))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   self->post
                   ? _("The profile's “active_uri.separator” must be “;”, “,”, a line "
                                  "break or empty.")
                   : _("The profile's “active_uri.separator” must be “;”, “,” or empty."));
      return NULL;
    }
  if (self->percent_encode == NULL)
    self->percent_encode = g_strdup ("");
  for (guint i = 0; self->auth[i] != NULL; i++)
    if (!g_str_equal (self->auth[i], "basic") && !g_str_equal (self->auth[i], "digest"))
      {
        g_set_error (
          error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
          _("The profile's “active_uri.auth” lists “%s”; only “basic” and “digest” exist."),
             self->auth[i]);
        return NULL;
      }
  if (g_hash_table_size (self->keys) == 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The profile's “active_uri.keys” is empty."));
      return NULL;
    }
  for (guint i = 0; unconfirmed[i] != NULL; i++)
    g_hash_table_add (self->unconfirmed, g_strdup (unconfirmed[i]));

  node = json_object_get_member (object, "prompt");
  self->prompt = node != NULL && JSON_NODE_HOLDS_OBJECT (node);
  node = json_object_get_member (object, "allowed_ip");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *allowed = json_node_get_object (node);

      if (!get_string (allowed, "setting", FALSE, &self->allowed_ip_setting, error) ||
          !get_string (allowed, "menu", FALSE, &self->allowed_ip_menu, error))
        return NULL;
    }
  if (!get_no_chaining (self, object, error))
    return NULL;
  node = json_object_get_member (object, "rest_api");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      self->rest_api = phoneset_rest_api_new_from_json (json_node_get_object (node), error);
      if (self->rest_api == NULL)
        return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * phoneset_active_uri_new_for_profile:
 * @profile: the phone's profile
 * @model: (nullable): the phone's model, if known
 * @error: a location for a #GError
 *
 * The Active URI description of @profile's phones, for @model: the keys a
 * push sets and how keys chain differ between firmware generations and
 * models of one vendor, so they come from the phone's own profile.
 *
 * Returns: (transfer full): the description, or %NULL with
 *   %PHONESET_ERROR_UNSUPPORTED (the profile knows no remote control) or
 *   %PHONESET_ERROR_PARSE
 */
PhonesetActiveUri *
phoneset_active_uri_new_for_profile (PhonesetProfile  *profile,
                                     const char       *model,
                                     GError          **error)
{
  JsonObject        *object;
  PhonesetActiveUri *self;

  g_return_val_if_fail (PHONESET_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  object = phoneset_profile_get_active_uri (profile);
  if (object == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("The %s has no known remote control interface (Active URI): use its own keypad and web page."),
                      phoneset_profile_get_title (profile));
      return NULL;
    }
  self = phoneset_active_uri_new_from_json (object, error);
  if (self == NULL)
    {
      g_prefix_error (error, "%s: ", phoneset_profile_get_id (profile));
      return NULL;
    }
  self->profile_id = g_strdup (phoneset_profile_get_id (profile));
  phoneset_active_uri_set_model (self, model);
  return self;
}

/**
 * phoneset_active_uri_get_profile_id:
 *
 * Returns: (nullable): the id of the profile the description comes from
 */
const char *
phoneset_active_uri_get_profile_id (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->profile_id;
}

/**
 * phoneset_active_uri_set_model:
 * @model: (nullable): the phone's model, as it names itself (`SIP-T48S`)
 *
 * Some models take one key per request (`no_chaining`); with the model
 * unknown, keys are not chained where any model of the profile needs that.
 */
void
phoneset_active_uri_set_model (PhonesetActiveUri *self,
                               const char        *model)
{
  g_return_if_fail (PHONESET_IS_ACTIVE_URI (self));

  g_free (self->model);
  self->model = model != NULL && *model != '\0' ? g_strdup (model) : NULL;
}

const char *
phoneset_active_uri_get_model (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->model;
}

/**
 * phoneset_active_uri_get_no_chaining_source:
 *
 * Returns: (nullable): where the profile's `no_chaining` models come from
 */
const char *
phoneset_active_uri_get_no_chaining_source (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->no_chaining_source;
}

/**
 * phoneset_active_uri_chains_keys:
 *
 * Returns: whether several keys go out in one request for this phone: the
 *   vendor chains them, and the model is known and not one of the
 *   profile's `no_chaining` models
 */
gboolean
phoneset_active_uri_chains_keys (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), FALSE);

  if (self->separator[0] == '\0')
    return FALSE;
  if (self->no_chaining_models[0] == NULL)
    return TRUE;
  /* A model that may be one of them: one key per request works on all. */
  if (self->model == NULL)
    return FALSE;
  for (guint i = 0; self->no_chaining_models[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->no_chaining_models[i], self->model) == 0)
      return FALSE;
  return TRUE;
}

const char *
phoneset_active_uri_get_path (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->path;
}

/**
 * phoneset_active_uri_get_user:
 * @self: a #PhonesetActiveUri
 *
 * Returns: (nullable): the user the phone has for this interface out of the
 *   box (its profile's "user"), or %NULL where the installer creates one
 */
const char *
phoneset_active_uri_get_user (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->user;
}

/**
 * phoneset_active_uri_get_rest_api:
 * @self: a #PhonesetActiveUri
 *
 * Returns: (transfer none) (nullable): the phone's REST API for its
 *   settings, where its profile describes one
 */
PhonesetRestApi *
phoneset_active_uri_get_rest_api (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->rest_api;
}

/**
 * phoneset_active_uri_choose_user:
 * @self: a #PhonesetActiveUri
 * @user: (nullable): the user a person gave for this phone
 *
 * The one rule for whom Phoneset logs in as: the user a person gave,
 * else the phone's own default (phoneset_active_uri_get_user()).
 *
 * Returns: (nullable): @user when it is not empty, else the default
 */
const char *
phoneset_active_uri_choose_user (PhonesetActiveUri *self,
                                 const char        *user)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return user != NULL && user[0] != '\0' ? user : self->user;
}

/**
 * phoneset_active_uri_choose_settings_user:
 * @self: a #PhonesetActiveUri
 * @user: (nullable): the user a person gave for this phone
 *
 * As phoneset_active_uri_choose_user(), for a push of settings: the user
 * a person gave, else the REST API's own user where the phone has one,
 * else the key interface's default.
 *
 * Returns: (nullable): the user
 */
const char *
phoneset_active_uri_choose_settings_user (PhonesetActiveUri *self,
                                          const char        *user)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);

  if (user != NULL && user[0] != '\0')
    return user;
  if (self->rest_api != NULL && phoneset_rest_api_get_user (self->rest_api) != NULL)
    return phoneset_rest_api_get_user (self->rest_api);
  return self->user;
}

const char *
phoneset_active_uri_get_confidence (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->confidence;
}

const char *
phoneset_active_uri_get_notes (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->notes;
}

const char *
phoneset_active_uri_get_status_query (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->status_query;
}

const char *
phoneset_active_uri_get_set_query (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->set_query;
}

const char *
phoneset_active_uri_get_provisioning_url_setting (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->provisioning_url_setting;
}

const char *
phoneset_active_uri_get_allowed_ip_setting (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->allowed_ip_setting;
}

const char *
phoneset_active_uri_get_allowed_ip_menu (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->allowed_ip_menu;
}

gboolean
phoneset_active_uri_has_prompt (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), FALSE);
  return self->prompt;
}

gboolean
phoneset_active_uri_allows_scheme (PhonesetActiveUri *self,
                                   const char        *scheme)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), FALSE);

  for (guint i = 0; self->auth[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->auth[i], scheme) == 0)
      return TRUE;
  return FALSE;
}

/* The token sent for @neutral: the older firmware's where asked for and
 * the profile has one. */
static const char *
token_for (PhonesetActiveUri *self,
           const char        *neutral)
{
  const char *legacy =
    self->use_legacy_keys ? g_hash_table_lookup (self->legacy_keys, neutral) : NULL;

  return legacy != NULL ? legacy : g_hash_table_lookup (self->keys, neutral);
}

/**
 * phoneset_active_uri_has_legacy_keys:
 *
 * Returns: whether the profile gives older firmware's names for some keys
 */
gboolean
phoneset_active_uri_has_legacy_keys (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), FALSE);
  return g_hash_table_size (self->legacy_keys) > 0;
}

/**
 * phoneset_active_uri_set_legacy_keys:
 * @use: send the older firmware's names
 *
 * Sends the older firmware's token for a key where the profile gives one
 * (`legacy_keys`: snom's F_R for F_HOLD, say); which firmware changed
 * them is not always known, so the user chooses.
 */
void
phoneset_active_uri_set_legacy_keys (PhonesetActiveUri *self,
                                     gboolean           use)
{
  g_return_if_fail (PHONESET_IS_ACTIVE_URI (self));
  self->use_legacy_keys = use;
}

/**
 * phoneset_active_uri_lookup:
 * @key: a key of the neutral vocabulary
 *
 * Returns: (nullable): the vendor's token for @key, or %NULL
 */
const char *
phoneset_active_uri_lookup (PhonesetActiveUri *self,
                            const char        *key)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return token_for (self, key);
}

gboolean
phoneset_active_uri_is_unconfirmed (PhonesetActiveUri *self,
                                    const char        *key)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), FALSE);
  return g_str_equal (self->confidence ? self->confidence : "U", "U") ||
         g_hash_table_contains (self->unconfirmed, key);
}

static void
append_token (GString           *s,
              PhonesetActiveUri *self,
              const char        *token)
{
  for (const char *p = token; *p; p++)
    {
      if ((g_ascii_isalnum (*p) || strchr ("-._~*!,:@", *p) != NULL) &&
          strchr (self->percent_encode, *p) == NULL)
        g_string_append_c (s, *p);
      else
        g_string_append_printf (s, "%%%02X", (guchar)*p);
    }
}

/* A string of digits, `*` and `#` ("8311", "*21#"), typed key by key. */
static gboolean
is_dial_string (const char *word)
{
  if (*word == '\0' || strlen (word) > 64)
    return FALSE;
  for (const char *p = word; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '*' && *p != '#')
      return FALSE;
  return TRUE;
}

static gboolean
has_key (PhonesetActiveUri *self,
         const char        *neutral)
{
  return g_hash_table_contains (self->keys, neutral) ||
         g_hash_table_contains (self->commands, neutral);
}

/**
 * phoneset_active_uri_expand_keys:
 * @words: (array zero-terminated=1): keys as a user typed them: names of
 *   the neutral vocabulary (`ok`, `#`, `D3`) and strings of digits, `*`
 *   and `#` (`8311`), which are typed one key per character
 * @error: a location for a #GError
 *
 * Returns: (transfer container) (element-type utf8): the keys, names of
 *   the neutral vocabulary (static strings), %NULL-terminated; or %NULL
 *   with %PHONESET_ERROR_INVALID (not a key) or
 *   %PHONESET_ERROR_UNSUPPORTED (a character of a digit string the phone
 *   has no key for)
 */
GPtrArray *
phoneset_active_uri_expand_keys (PhonesetActiveUri  *self,
                                 const char *const  *words,
                                 GError            **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  g_return_val_if_fail (words != NULL, NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *neutral = phoneset_key_canonical (words[i]);

      if (neutral != NULL)
        {
          g_ptr_array_add (keys, (gpointer)neutral);
          continue;
        }
      if (!is_dial_string (words[i]))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("“%s” is not a key. Keys: OK, ENTER, SPEAKER, RELEASE, X, 0–9, *, POUND, D1–D40, F1–F4, "
                         "UP, DOWN, LEFT, RIGHT, VOLUME_UP, VOLUME_DOWN, MUTE, F_HOLD, F_TRANSFER, MSG, HEADSET, "
                         "RD, Reboot, AutoP, DNDOn, DNDOff, …; a string of digits, * and # (8311) is typed key by "
                         "key."),
                          words[i]);
          return NULL;
        }
      for (const char *p = words[i]; *p; p++)
        {
          char one[2] = { *p, '\0' };

          neutral = phoneset_key_canonical (one);
          if (!has_key (self, neutral))
            {
              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                           _("This phone has no Active URI key for “%s” (in “%s”)."), one,
                              words[i]);
              return NULL;
            }
          g_ptr_array_add (keys, (gpointer)neutral);
        }
    }
  g_ptr_array_add (keys, NULL);
  return g_steal_pointer (&keys);
}

/* One key of a POST body: the key format with the token, XML-escaped. */
static char *
format_key (PhonesetActiveUri *self,
            const char        *token)
{
  const char      *at = strstr (self->key_format, "{key}");
  g_autofree char *text = g_strdup_printf ("%.*s%s%s", (int)(at - self->key_format),
                                           self->key_format, token, at + strlen ("{key}"));

  return g_markup_escape_text (text, -1);
}

static char *
render_body (PhonesetActiveUri *self,
             GPtrArray         *formatted)
{
  const char *at = strstr (self->body, "{keys}");
  GString    *s = g_string_new_len (self->body, at - self->body);

  for (guint i = 0; i < formatted->len; i++)
    {
      if (i > 0)
        g_string_append (s, self->separator);
      g_string_append (s, g_ptr_array_index (formatted, i));
    }
  g_string_append (s, at + strlen ("{keys}"));
  return g_string_free (s, FALSE);
}

/* The POST bodies for @expanded: as many keys in one body as chain and fit
 * in max_body, the rest in the next ones. */
static GPtrArray *
build_bodies (PhonesetActiveUri  *self,
              GPtrArray          *expanded,
              GError            **error)
{
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) chunk = g_ptr_array_new_with_free_func (g_free);
  gboolean chains = phoneset_active_uri_chains_keys (self);
  gsize    frame = strlen (self->body) - strlen ("{keys}");
  gsize    length = frame;
  gsize    limit = self->max_body > 0 ? (gsize)self->max_body : G_MAXSIZE;

  for (guint i = 0; i < expanded->len - 1; i++)
    {
      const char      *neutral = g_ptr_array_index (expanded, i);
      const char      *token = token_for (self, neutral);
      g_autofree char *key = NULL;
      gsize            grow;

      if (token == NULL)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                       _("This phone has no Active URI key for “%s”."), neutral);
          return NULL;
        }
      key = format_key (self, token);
      grow = strlen (key) + (chunk->len > 0 ? strlen (self->separator) : 0);
      if (chunk->len > 0 && (!chains || length + grow > limit))
        {
          g_ptr_array_add (bodies, render_body (self, chunk));
          g_ptr_array_set_size (chunk, 0);
          length = frame;
          grow = strlen (key);
        }
      if (length + grow > limit)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                       _("The key “%s” does not fit in one request to this phone (at most %u "
                         "bytes)."),
                          neutral, (guint)self->max_body);
          return NULL;
        }
      length += grow;
      g_ptr_array_add (chunk, g_steal_pointer (&key));
    }
  if (chunk->len > 0)
    g_ptr_array_add (bodies, render_body (self, chunk));
  return g_steal_pointer (&bodies);
}

/**
 * phoneset_active_uri_build_requests:
 * @keys: (array zero-terminated=1): keys (see
 *   phoneset_active_uri_expand_keys())
 * @error: a location for a #GError
 *
 * Turns a key sequence into the requests (`path?query`) the phone takes:
 * keys chained with the vendor's separator where the phone chains them
 * (phoneset_active_uri_chains_keys()), else one request per key; a
 * command key (snom's Reboot) as a request of its own.
 *
 * For a `POST` profile (phoneset_active_uri_uses_post()) each request is
 * the body of one POST to the path: the keys chained in it as far as they
 * chain and fit in the profile's `max_body`.
 *
 * Returns: (transfer full) (element-type utf8): the requests, or %NULL
 */
GPtrArray *
phoneset_active_uri_build_requests (PhonesetActiveUri  *self,
                                    const char *const  *keys,
                                    GError            **error)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expanded = NULL;
  g_autoptr(GString) chain = NULL;
  gboolean chains;

  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  g_return_val_if_fail (keys != NULL, NULL);

  if (keys[0] == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("No key given: name at least one key."));
      return NULL;
    }
  expanded = phoneset_active_uri_expand_keys (self, keys, error);
  if (expanded == NULL)
    return NULL;
  if (self->post)
    return build_bodies (self, expanded, error);
  chains = phoneset_active_uri_chains_keys (self);
  for (guint i = 0; i < expanded->len - 1; i++)
    {
      const char *neutral = g_ptr_array_index (expanded, i);
      const char *command = g_hash_table_lookup (self->commands, neutral);
      const char *token = token_for (self, neutral);

      if (command != NULL)
        {
          if (chain != NULL)
            g_ptr_array_add (requests, g_string_free (g_steal_pointer (&chain), FALSE));
          g_ptr_array_add (requests, g_strdup (command));
          continue;
        }
      if (token == NULL)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                       _("This phone has no Active URI key for “%s”."), neutral);
          return NULL;
        }
      if (chain != NULL && !chains)
        g_ptr_array_add (requests, g_string_free (g_steal_pointer (&chain), FALSE));
      if (chain == NULL)
        {
          chain = g_string_new (self->path);
          g_string_append_printf (chain, "?%s=", self->param);
        }
      else
        g_string_append (chain, self->separator);
      append_token (chain, self, token);
    }
  if (chain != NULL)
    g_ptr_array_add (requests, g_string_free (g_steal_pointer (&chain), FALSE));
  return g_steal_pointer (&requests);
}

/**
 * phoneset_active_uri_get_legacy_paths:
 *
 * Returns: (transfer none): the paths older firmware answers on
 */
const char *const *
phoneset_active_uri_get_legacy_paths (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return (const char *const *)self->legacy_paths;
}

/**
 * phoneset_active_uri_uses_post:
 *
 * Returns: whether keys go to the phone as the body of a POST to the path
 *   (the profile's `"method": "POST"`), not in a GET's query
 */
gboolean
phoneset_active_uri_uses_post (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), FALSE);
  return self->post;
}

/**
 * phoneset_active_uri_get_content_type:
 *
 * Returns: (nullable): the Content-Type of a POST's body
 */
const char *
phoneset_active_uri_get_content_type (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->content_type;
}

/**
 * phoneset_active_uri_get_max_body:
 *
 * Returns: the longest POST body the phone takes, in bytes; 0: no limit
 */
guint
phoneset_active_uri_get_max_body (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), 0);
  return (guint)self->max_body;
}

/**
 * phoneset_active_uri_get_status_hint:
 * @status: an HTTP status the phone answered
 *
 * Returns: (nullable): what @status means on this phone and what to change
 *   on it, from the profile's `status_hints` (the status itself, else its
 *   class, `4xx`), translated
 */
const char *
phoneset_active_uri_get_status_hint (PhonesetActiveUri *self,
                                     guint              status)
{
  char        name[8];
  const char *hint;

  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);

  if (status < 100 || status > 599)
    return NULL;
  g_snprintf (name, sizeof name, "%u", status);
  hint = g_hash_table_lookup (self->status_hints, name);
  if (hint == NULL)
    {
      g_snprintf (name, sizeof name, "%uxx", status / 100);
      hint = g_hash_table_lookup (self->status_hints, name);
    }
  return hint != NULL ? g_dgettext (GETTEXT_PACKAGE, hint) : NULL;
}

/**
 * phoneset_active_uri_get_no_config_push:
 *
 * Returns: (nullable): why no configuration can be pushed to these phones,
 *   in a sentence (translated), from the profile's `no_config_push`
 */
const char *
phoneset_active_uri_get_no_config_push (PhonesetActiveUri *self)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (self), NULL);
  return self->no_config_push != NULL && *self->no_config_push != '\0'
           ? g_dgettext (GETTEXT_PACKAGE, self->no_config_push)
           : NULL;
}
