/* phoneset-profile-parse.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a profile (data/profiles/<id>.json, schema in
 * data/profiles/README.md). The reader is strict: an unknown member, a
 * wrong type, a default outside its range or a setting without a menu path
 * is an error naming the file and the place, so that a typo in a profile is
 * caught by the profile lint test rather than by a phone. Settings are read
 * in phoneset-profile-parse-setting.c.
 */

#define G_LOG_DOMAIN "phoneset-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-mac.h"
#include "phoneset-profile-parse-private.h"

/* Strict JSON reading ---------------------------------------------------- */

gboolean
_phoneset_profile_fail (Ctx *ctx, GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, "%s: %s", ctx->where, message);
  return FALSE;
}

gboolean
_phoneset_profile_json_check_members (JsonObject  *object,
                                      const char **allowed,
                                      Ctx         *ctx,
                                      GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return _phoneset_profile_fail (ctx, error, _("unknown member “%s”"), (const char *)l->data);
  return TRUE;
}

gboolean
_phoneset_profile_json_get_string (JsonObject  *object,
                                   const char  *member,
                                   gboolean     required,
                                   char       **out,
                                   Ctx         *ctx,
                                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return _phoneset_profile_fail (ctx, error, _("“%s” is missing"), member);
      *out = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _phoneset_profile_fail (ctx, error, _("“%s” must be a string"), member);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
_phoneset_profile_json_get_strv (JsonObject   *object,
                                 const char   *member,
                                 gboolean      required,
                                 char       ***out,
                                 Ctx          *ctx,
                                 GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return _phoneset_profile_fail (ctx, error, _("“%s” is missing"), member);
      *out = g_new0 (char *, 1);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _phoneset_profile_fail (ctx, error, _("“%s” must be a list of strings"), member);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return _phoneset_profile_fail (ctx, error, _("“%s” must be a list of strings"), member);
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
_phoneset_profile_json_get_int (JsonObject  *object,
                                const char  *member,
                                gboolean     required,
                                gboolean    *present,
                                gint64      *out,
                                Ctx         *ctx,
                                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return _phoneset_profile_fail (ctx, error, _("“%s” is missing"), member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return _phoneset_profile_fail (ctx, error, _("“%s” must be a whole number"), member);
  *out = json_node_get_int (node);
  *present = TRUE;
  return TRUE;
}

gboolean
_phoneset_profile_json_get_bool (JsonObject  *object,
                                 const char  *member,
                                 gboolean     fallback,
                                 gboolean    *out,
                                 Ctx         *ctx,
                                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = fallback;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _phoneset_profile_fail (ctx, error, _("“%s” must be true or false"), member);
  *out = json_node_get_boolean (node);
  return TRUE;
}

JsonArray *
_phoneset_profile_json_get_array (JsonObject  *object,
                                  const char  *member,
                                  Ctx         *ctx,
                                  GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      _phoneset_profile_fail (ctx, error, _("“%s” must be a list"), member);
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
_phoneset_profile_json_element_object (JsonArray  *array,
                                       guint       i,
                                       Ctx        *ctx,
                                       GError    **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _phoneset_profile_fail (ctx, error, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* The profiles' titles, help, notes and enum labels are translated: their
 * msgids are in data/profiles/profile-strings.c (made by
 * build-aux/profile-strings.py; the lint test check-profile-strings keeps it
 * current). Menu paths are not: they are the phone's own words. */
const char *
_phoneset_profile_translate (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return text;
  return g_dgettext (GETTEXT_PACKAGE, text);
}

void
_phoneset_profile_translate_in_place (char **text)
{
  const char *translated = _phoneset_profile_translate (*text);

  if (translated != *text)
    {
      char *copy = g_strdup (translated);

      g_free (*text);
      *text = copy;
    }
}

/* One of a page's "groups", and its settings. */
static gboolean
parse_group (PhonesetProfile  *self,
             PhonesetPage     *page,
             JsonObject       *gobject,
             Ctx              *gctx,
             GError          **error)
{
  static const char *group_members[] = { "id", "title", "description", "settings", NULL };
  PhonesetGroup     *group;
  JsonArray         *settings;

  if (!_phoneset_profile_json_check_members (gobject, group_members, gctx, error))
    return FALSE;
  group = g_new0 (PhonesetGroup, 1);
  group->settings = g_ptr_array_new ();
  g_ptr_array_add (page->groups, group);
  if (!_phoneset_profile_json_get_string (gobject, "id", TRUE, &group->id, gctx, error) ||
      !_phoneset_profile_json_get_string (gobject, "title", TRUE, &group->title, gctx, error) ||
      !_phoneset_profile_json_get_string (gobject, "description", FALSE, &group->description, gctx,
                                          error))
    return FALSE;
  _phoneset_profile_translate_in_place (&group->title);
  _phoneset_profile_translate_in_place (&group->description);
  settings = _phoneset_profile_json_get_array (gobject, "settings", gctx, error);
  if (settings == NULL)
    return FALSE;

  for (guint k = 0; k < json_array_get_length (settings); k++)
    {
      g_autofree char *swhere = g_strdup_printf ("%s.settings[%u]", gctx->where, k);
      Ctx              sctx = { swhere };
      JsonObject      *sobject = _phoneset_profile_json_element_object (settings, k, &sctx, error);

      if (sobject == NULL ||
          !_phoneset_profile_parse_setting (self, page, group, sobject, &sctx, error))
        return FALSE;
    }
  return TRUE;
}

/* Map values that stand for another setting must name one. */
static gboolean
check_map_references (PhonesetProfile  *self,
                      Ctx              *outer,
                      GError          **error)
{
  for (guint i = 0; i < self->settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (self->settings, i);
      GHashTableIter   iter;
      gpointer         format_name, data;

      g_hash_table_iter_init (&iter, setting->writes);
      while (g_hash_table_iter_next (&iter, &format_name, &data))
        {
          SettingWrite  *write = data;
          GHashTableIter miter;
          gpointer       key, value;

          if (write->map == NULL)
            continue;
          g_hash_table_iter_init (&miter, write->map);
          while (g_hash_table_iter_next (&miter, &key, &value))
            {
              const char      *v = value;
              g_autofree char *id = NULL;

              if (v[0] != '{')
                continue;
              id = g_strndup (v + 1, strlen (v) - 2);
              if (!g_str_has_suffix (v, "}") || !g_hash_table_contains (self->by_id, id))
                return _phoneset_profile_fail (
                  outer, error, _("%s: “%s” names no setting of this profile"), setting->id, v);
            }
        }
    }
  return TRUE;
}

static gboolean
parse_pages (PhonesetProfile  *self,
             JsonObject       *root,
             Ctx              *outer,
             GError          **error)
{
  static const char *page_members[] = { "id", "title", "menu_path", "keypad", "groups", NULL };
  JsonArray         *pages = _phoneset_profile_json_get_array (root, "pages", outer, error);

  if (pages == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s: pages[%u]", outer->where, i);
      Ctx              ctx = { where };
      JsonObject      *object = _phoneset_profile_json_element_object (pages, i, &ctx, error);
      PhonesetPage    *page;
      JsonArray       *groups;

      if (object == NULL ||
          !_phoneset_profile_json_check_members (object, page_members, &ctx, error))
        return FALSE;
      page = g_new0 (PhonesetPage, 1);
      page->groups = g_ptr_array_new_with_free_func (_phoneset_group_free);
      g_ptr_array_add (self->pages, page);
      if (!_phoneset_profile_json_get_string (object, "id", TRUE, &page->id, &ctx, error) ||
          !_phoneset_profile_json_get_string (object, "title", TRUE, &page->title, &ctx, error) ||
          !_phoneset_profile_json_get_strv (object, "menu_path", TRUE, &page->menu_path, &ctx,
                                            error) ||
          !_phoneset_profile_json_get_string (object, "keypad", FALSE, &page->keypad, &ctx, error))
        return FALSE;
      _phoneset_profile_translate_in_place (&page->title);
      groups = _phoneset_profile_json_get_array (object, "groups", &ctx, error);
      if (groups == NULL)
        return FALSE;

      for (guint j = 0; j < json_array_get_length (groups); j++)
        {
          g_autofree char *gwhere = g_strdup_printf ("%s.groups[%u]", where, j);
          Ctx              gctx = { gwhere };
          JsonObject *gobject = _phoneset_profile_json_element_object (groups, j, &gctx, error);

          if (gobject == NULL || !parse_group (self, page, gobject, &gctx, error))
            return FALSE;
        }
    }

  if (self->settings->len == 0)
    return _phoneset_profile_fail (outer, error, _("the profile has no settings"));

  return check_map_references (self, outer, error);
}

static gboolean
parse_models (PhonesetProfile  *self,
              JsonObject       *root,
              Ctx              *ctx,
              GError          **error)
{
  static const char *allowed[] = { "name", "code", "common_file", NULL };
  JsonArray         *models = _phoneset_profile_json_get_array (root, "models", ctx, error);

  if (models == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonObject    *object = _phoneset_profile_json_element_object (models, i, ctx, error);
      PhonesetModel *model;

      if (object == NULL || !_phoneset_profile_json_check_members (object, allowed, ctx, error))
        return FALSE;
      model = g_new0 (PhonesetModel, 1);
      g_ptr_array_add (self->models, model);
      if (!_phoneset_profile_json_get_string (object, "name", TRUE, &model->name, ctx, error) ||
          !_phoneset_profile_json_get_string (object, "code", FALSE, &model->code, ctx, error) ||
          !_phoneset_profile_json_get_string (object, "common_file", FALSE, &model->common_file,
                                              ctx, error))
        return FALSE;
      if (model->common_file != NULL &&
          (strchr (model->common_file, '/') != NULL || model->common_file[0] == '.'))
        return _phoneset_profile_fail (ctx, error, _("“common_file” must be a plain file name"));
    }
  if (self->models->len == 0)
    return _phoneset_profile_fail (ctx, error, _("“models” must name at least one model"));
  return TRUE;
}

/* "pnp": how a SIP PnP answer points the phones at their files. Every fact
 * names its source ("url_source", "vendors_source", "url_macro_source", or
 * "source" for all of them), as the profile lint test checks. */
static gboolean
parse_pnp (PhonesetProfile  *self,
           JsonObject       *root,
           Ctx              *ctx,
           GError          **error)
{
  static const char *allowed[] = { "url",        "vendors",        "url_macro",        "source",
                                   "url_source", "vendors_source", "url_macro_source", NULL };
  static const char *sources[] = { "source", "url_source", "vendors_source", "url_macro_source" };
  g_autofree char   *url = NULL;
  JsonNode          *node = json_object_get_member (root, "pnp");
  JsonObject        *pnp;

  self->pnp_url = PHONESET_PNP_URL_MAC_FILE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _phoneset_profile_fail (ctx, error, _("“pnp” must be an object or null"));
  pnp = json_node_get_object (node);
  if (!_phoneset_profile_json_check_members (pnp, allowed, ctx, error) ||
      !_phoneset_profile_json_get_string (pnp, "url", FALSE, &url, ctx, error) ||
      !_phoneset_profile_json_get_strv (pnp, "vendors", FALSE, &self->pnp_vendors, ctx, error) ||
      !_phoneset_profile_json_get_string (pnp, "url_macro", FALSE, &self->pnp_url_macro, ctx,
                                          error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *source = NULL;

      if (!_phoneset_profile_json_get_string (pnp, sources[i], FALSE, &source, ctx, error))
        return FALSE;
    }
  if (url == NULL || g_str_equal (url, "mac-file"))
    self->pnp_url = PHONESET_PNP_URL_MAC_FILE;
  else if (g_str_equal (url, "folder"))
    self->pnp_url = PHONESET_PNP_URL_FOLDER;
  else
    return _phoneset_profile_fail (ctx, error,
                                   _("“pnp.url” is “folder” or “mac-file”, not “%s”"), url);
  for (guint i = 0; self->pnp_vendors[i] != NULL; i++)
    if (self->pnp_vendors[i][0] == '\0')
      return _phoneset_profile_fail (ctx, error, _("“pnp.vendors” must not hold an empty string"));
  if (self->pnp_url_macro != NULL && self->pnp_url_macro[0] == '\0')
    g_clear_pointer (&self->pnp_url_macro, g_free);
  return TRUE;
}

/* The id is the file's name, and lower-case letters, digits and dashes. */
static gboolean
check_id (PhonesetProfile  *self,
          const char       *expected_id,
          Ctx              *ctx,
          GError          **error)
{
  if (expected_id != NULL && !g_str_equal (expected_id, self->id))
    return _phoneset_profile_fail (ctx, error,
                                   _("the id “%s” must match the file name"), self->id);
  for (const char *p = self->id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return _phoneset_profile_fail (ctx, error,
                                     _("an id is lower-case letters, digits and dashes"));
  return TRUE;
}

/* "mac_prefixes", kept as phoneset_mac_oui() writes them. */
static gboolean
parse_mac_prefixes (PhonesetProfile  *self,
                    Ctx              *ctx,
                    GError          **error)
{
  for (guint i = 0; self->mac_prefixes[i] != NULL; i++)
    {
      g_autofree char *full = g_strconcat (self->mac_prefixes[i], ":00:00:00", NULL);
      guint8           mac[6];

      if (!phoneset_mac_parse (full, mac, NULL))
        return _phoneset_profile_fail (
          ctx, error, _("“%s” is not a MAC prefix like 00:15:65"), self->mac_prefixes[i]);
      g_free (self->mac_prefixes[i]);
      self->mac_prefixes[i] = phoneset_mac_oui (mac);
    }
  return TRUE;
}

/* "formats" are delivery formats; a file format needs "mac_file". */
static gboolean
check_formats (PhonesetProfile  *self,
               Ctx              *ctx,
               GError          **error)
{
  PhonesetCfgFormat known_format;
  guint             n_file_formats = 0;

  if (self->formats[0] == NULL)
    return _phoneset_profile_fail (ctx, error,
                                   _("“formats” must name at least one way to deliver settings"));
  for (guint i = 0; self->formats[i] != NULL; i++)
    {
      if (!g_str_equal (self->formats[i], "setup-sheet") &&
          !phoneset_cfg_format_from_string (self->formats[i], &known_format))
        return _phoneset_profile_fail (ctx, error,
                                       _("“%s” is not a delivery format"), self->formats[i]);
      if (!g_str_equal (self->formats[i], "setup-sheet"))
        n_file_formats++;
    }
  if (n_file_formats >= 1 && self->mac_file == NULL)
    return _phoneset_profile_fail (ctx, error,
                                   _("“mac_file” is missing: how is the per-phone file named?"));
  if (self->mac_file != NULL &&
      ((strstr (self->mac_file, "{mac}") == NULL && strstr (self->mac_file, "{MAC}") == NULL) ||
       strchr (self->mac_file, '/') != NULL))
    return _phoneset_profile_fail (
      ctx, error, _("“mac_file” must contain {mac} (or {MAC} for upper case) and no “/”"));
  return TRUE;
}

/* "user_agents": each "pattern" must be a regular expression. */
static gboolean
parse_user_agents (PhonesetProfile  *self,
                   JsonObject       *root,
                   Ctx              *ctx,
                   GError          **error)
{
  JsonNode *node = json_object_get_member (root, "user_agents");

  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    return _phoneset_profile_fail (ctx, error, _("“user_agents” must be a list"));
  if (node != NULL)
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject      *ua = _phoneset_profile_json_element_object (array, i, ctx, error);
          g_autofree char *pattern = NULL;
          g_autoptr(GRegex) regex = NULL;
          g_autoptr(GError) local_error = NULL;

          if (ua == NULL ||
              !_phoneset_profile_json_get_string (ua, "pattern", TRUE, &pattern, ctx, error))
            return FALSE;
          regex = g_regex_new (pattern, G_REGEX_DEFAULT, 0, &local_error);
          if (regex == NULL)
            return _phoneset_profile_fail (
              ctx, error, _("user agent pattern “%s”: %s"), pattern, local_error->message);
        }
      self->user_agents = json_node_copy (node);
    }
  return TRUE;
}

/* "active_uri", or "no_remote_control" saying why there is none. */
static gboolean
parse_remote_control (PhonesetProfile  *self,
                      JsonObject       *root,
                      Ctx              *ctx,
                      GError          **error)
{
  JsonNode *node = json_object_get_member (root, "active_uri");

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _phoneset_profile_fail (ctx, error, _("“active_uri” must be an object or null"));
      self->active_uri = json_node_copy (node);
    }

  /* Why there is no remote control: one of the notes, that the remote
   * keypad shows too. */
  if (!_phoneset_profile_json_get_string (root, "no_remote_control", FALSE,
                                          &self->no_remote_control, ctx, error))
    return FALSE;
  if (self->no_remote_control != NULL && self->active_uri != NULL)
    return _phoneset_profile_fail (
      ctx, error, _("“no_remote_control” is for a profile whose “active_uri” is null"));
  if (self->no_remote_control != NULL)
    {
      guint n = self->notes ? g_strv_length (self->notes) : 0;

      self->notes = g_renew (char *, self->notes, n + 2);
      self->notes[n] = g_strdup (self->no_remote_control);
      self->notes[n + 1] = NULL;
    }
  return TRUE;
}

gboolean
_phoneset_profile_parse_root (PhonesetProfile  *self,
                              JsonNode         *root_node,
                              const char       *expected_id,
                              GError          **error)
{
  static const char *allowed[] = { "schema",
                                   "id",
                                   "vendor",
                                   "title",
                                   "description",
                                   "models",
                                   "mac_prefixes",
                                   "user_agents",
                                   "formats",
                                   "mac_file",
                                   "lines",
                                   "active_uri",
                                   "no_remote_control",
                                   "pnp",
                                   "notes",
                                   "pages",
                                   "supersedes",
                                   "foreign_key_prefixes",
                                   NULL };
  Ctx                ctx = { expected_id ? expected_id : "profile" };
  JsonObject        *root;
  gboolean           present;
  gint64             schema = 0, lines = 1;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return _phoneset_profile_fail (&ctx, error, _("a profile is a JSON object"));
  root = json_node_get_object (root_node);

  if (!_phoneset_profile_json_get_int (root, "schema", TRUE, &present, &schema, &ctx, error))
    return FALSE;
  if (schema != 1)
    return _phoneset_profile_fail (&ctx, error,
                                   _("schema %lld is not known (this Phoneset reads schema 1)"),
                                      (long long)schema);

  if (!_phoneset_profile_json_check_members (root, allowed, &ctx, error) ||
      !_phoneset_profile_json_get_string (root, "id", TRUE, &self->id, &ctx, error) ||
      !_phoneset_profile_json_get_string (root, "vendor", TRUE, &self->vendor, &ctx, error) ||
      !_phoneset_profile_json_get_string (root, "title", TRUE, &self->title, &ctx, error) ||
      !_phoneset_profile_json_get_string (root, "description", FALSE, &self->description, &ctx,
                                          error) ||
      !_phoneset_profile_json_get_strv (root, "mac_prefixes", TRUE, &self->mac_prefixes, &ctx,
                                        error) ||
      !_phoneset_profile_json_get_strv (root, "formats", TRUE, &self->formats, &ctx, error) ||
      !_phoneset_profile_json_get_strv (root, "supersedes", FALSE, &self->supersedes, &ctx,
                                        error) ||
      !_phoneset_profile_json_get_strv (root, "foreign_key_prefixes", FALSE,
                                        &self->foreign_prefixes, &ctx, error) ||
      !_phoneset_profile_json_get_string (root, "mac_file", FALSE, &self->mac_file, &ctx, error) ||
      !_phoneset_profile_json_get_strv (root, "notes", FALSE, &self->notes, &ctx, error) ||
      !_phoneset_profile_json_get_int (root, "lines", FALSE, &present, &lines, &ctx, error))
    return FALSE;
  _phoneset_profile_translate_in_place (&self->description);

  if (!check_id (self, expected_id, &ctx, error))
    return FALSE;
  if (lines < 1 || lines > MAX_LINES)
    return _phoneset_profile_fail (&ctx, error, _("“lines” must be from 1 to %d"), MAX_LINES);
  self->lines = (guint)lines;

  if (!parse_mac_prefixes (self, &ctx, error) || !check_formats (self, &ctx, error) ||
      !parse_user_agents (self, root, &ctx, error) ||
      !parse_remote_control (self, root, &ctx, error) || !parse_pnp (self, root, &ctx, error) ||
      !parse_models (self, root, &ctx, error))
    return FALSE;

  return parse_pages (self, root, &ctx, error);
}
