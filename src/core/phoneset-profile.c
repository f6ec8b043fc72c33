/* phoneset-profile.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone profile: one phone family described as data in
 * data/profiles/<id>.json (schema in data/profiles/README.md). The loader is
 * strict: an unknown member, a wrong type, a default outside its range or a
 * setting without a menu path is an error naming the file and the place, so
 * that a typo in a profile is caught by the profile lint test rather than by
 * a phone. A setting is phoneset-setting.c.
 */

#define G_LOG_DOMAIN "phoneset-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-mac.h"
#include "phoneset-profile-private.h"

#define MAX_PROFILE_SIZE (4 * 1024 * 1024)
#define MAX_LINES        16

G_DEFINE_FINAL_TYPE (PhonesetProfile, phoneset_profile, G_TYPE_OBJECT)

static const char *confidences[] = { "V", "V-OEM", "T", "3P", "U", NULL };

/* Memory ---------------------------------------------------------------- */

void
_phoneset_group_free (gpointer data)
{
  PhonesetGroup *group = data;

  g_free (group->id);
  g_free (group->title);
  g_free (group->description);
  g_ptr_array_unref (group->settings);
  g_free (group);
}

static void
page_free (gpointer data)
{
  PhonesetPage *page = data;

  g_free (page->id);
  g_free (page->title);
  g_strfreev (page->menu_path);
  g_free (page->keypad);
  g_ptr_array_unref (page->groups);
  g_free (page);
}

static void
model_free (gpointer data)
{
  PhonesetModel *model = data;

  g_free (model->name);
  g_free (model->code);
  g_free (model->common_file);
  g_free (model);
}

static void
phoneset_profile_finalize (GObject *object)
{
  PhonesetProfile *self = (PhonesetProfile *)object;

  g_free (self->id);
  g_free (self->vendor);
  g_free (self->title);
  g_free (self->description);
  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_strfreev (self->mac_prefixes);
  g_strfreev (self->formats);
  g_strfreev (self->supersedes);
  g_strfreev (self->foreign_prefixes);
  g_free (self->mac_file);
  g_strfreev (self->notes);
  g_clear_pointer (&self->user_agents, json_node_unref);
  g_clear_pointer (&self->active_uri, json_node_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->settings, g_ptr_array_unref);

  G_OBJECT_CLASS (phoneset_profile_parent_class)->finalize (object);
}

static void
phoneset_profile_class_init (PhonesetProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_profile_finalize;
}

static void
phoneset_profile_init (PhonesetProfile *self)
{
  self->models = g_ptr_array_new_with_free_func (model_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->settings = g_ptr_array_new_with_free_func (_phoneset_setting_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->lines = 1;
}

/* Strict JSON reading ---------------------------------------------------- */

typedef struct
{
  const char *where; /* e.g. "pages[0].groups[1].settings[2] (nat.stun.port)" */
} Ctx;

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Ctx        *ctx,
      GError    **error,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, "%s: %s", ctx->where, message);
  return FALSE;
}

static gboolean
check_members (JsonObject  *object,
               const char **allowed,
               Ctx         *ctx,
               GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return fail (ctx, error, _("unknown member “%s”"), (const char *)l->data);
  return TRUE;
}

static gboolean
get_string (JsonObject *object,
            const char *member,
            gboolean    required,
            char      **out,
            Ctx        *ctx,
            GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (ctx, error, _("“%s” is missing"), member);
      *out = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, error, _("“%s” must be a string"), member);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_strv (JsonObject *object,
          const char *member,
          gboolean    required,
          char     ***out,
          Ctx        *ctx,
          GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (ctx, error, _("“%s” is missing"), member);
      *out = g_new0 (char *, 1);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, error, _("“%s” must be a list of strings"), member);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return fail (ctx, error, _("“%s” must be a list of strings"), member);
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
get_int (JsonObject *object,
         const char *member,
         gboolean    required,
         gboolean   *present,
         gint64     *out,
         Ctx        *ctx,
         GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (ctx, error, _("“%s” is missing"), member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (ctx, error, _("“%s” must be a whole number"), member);
  *out = json_node_get_int (node);
  *present = TRUE;
  return TRUE;
}

static gboolean
get_bool (JsonObject *object,
          const char *member,
          gboolean    fallback,
          gboolean   *out,
          Ctx        *ctx,
          GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = fallback;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (ctx, error, _("“%s” must be true or false"), member);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonArray *
get_array (JsonObject *object,
           const char *member,
           Ctx        *ctx,
           GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (ctx, error, _("“%s” must be a list"), member);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (JsonArray *array,
                guint      i,
                Ctx       *ctx,
                GError   **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (ctx, error, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* The profiles' titles, help, notes and enum labels are translated: their
 * msgids are in data/profiles/profile-strings.c (made by
 * build-aux/profile-strings.py; the lint test check-profile-strings keeps it
 * current). Menu paths are not: they are the phone's own words. */
static const char *
translate (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return text;
  return g_dgettext (GETTEXT_PACKAGE, text);
}

static void
translate_in_place (char **text)
{
  const char *translated = translate (*text);

  if (translated != *text)
    {
      char *copy = g_strdup (translated);

      g_free (*text);
      *text = copy;
    }
}

/* Per-line templates: "{n}" stands for the line number, "{n0}" for it
 * counted from 0 (Yealink's old files name account 1 sipAccount0.cfg). */
static char *
expand (const char *text,
        guint       n)
{
  g_autofree char *number = NULL;
  GString         *str;
  const char      *p;

  if (text == NULL)
    return NULL;
  number = g_strdup_printf ("%u", n);
  str = g_string_new (NULL);
  for (p = text; *p; p++)
    {
      if (g_str_has_prefix (p, "{n}"))
        {
          g_string_append (str, number);
          p += 2;
        }
      else if (g_str_has_prefix (p, "{n0}"))
        {
          g_string_append_printf (str, "%u", n > 0 ? n - 1 : 0);
          p += 3;
        }
      else
        g_string_append_c (str, *p);
    }
  return g_string_free (str, FALSE);
}

static char **
expand_strv (char **strv,
             guint  n)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char        **result;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      g_autofree char *item = expand (strv[i], n);

      g_strv_builder_add (builder, item);
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/* Adds the keys for lines @first to @last (1 and 1 for a setting of no
 * line) to @write. */
static gboolean
add_write_keys (SettingWrite *write,
                const char   *key,
                const char   *section,
                const char   *list,
                const char   *idx,
                guint         first,
                guint         last,
                gboolean      per_line,
                gboolean      alternative,
                Ctx          *ctx,
                GError      **error)
{
  for (guint line = first; line <= last; line++)
    {
      WriteKey *wk = g_new0 (WriteKey, 1);

      g_ptr_array_add (write->keys, wk);
      wk->name = expand (key, line);
      wk->section = expand (section, line);
      wk->list = expand (list, line);
      wk->idx = -1;
      wk->line = per_line ? line : 0;
      wk->alternative = alternative;
      if (idx != NULL)
        {
          g_autofree char *expanded = expand (idx, line);
          guint64          value;

          if (!g_ascii_string_to_unsigned (expanded, 10, 0, 1000, &value, NULL))
            return fail (ctx, error, _("“idx” must be a number or “{n}”"));
          wk->idx = (int)value;
        }
    }
  return TRUE;
}

/* "key": one string, or (a format whose variants name a setting each in
 * its own way: Fanvil XML's <sysConf> and <VOIP_CONFIG_FILE>) a list. */
static gboolean
get_keys (JsonObject *object,
          char     ***out,
          Ctx        *ctx,
          GError    **error)
{
  JsonNode *node = json_object_get_member (object, "key");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      if (!get_strv (object, "key", TRUE, out, ctx, error))
        return FALSE;
      if ((*out)[0] == NULL)
        return fail (ctx, error, _("“key” must not be an empty list"));
    }
  else
    {
      g_autofree char *key = NULL;

      if (!get_string (object, "key", TRUE, &key, ctx, error))
        return FALSE;
      *out = g_new0 (char *, 2);
      (*out)[0] = g_steal_pointer (&key);
    }
  for (guint i = 0; (*out)[i] != NULL; i++)
    if ((*out)[i][0] == '\0')
      return fail (ctx, error, _("a “key” must not be empty"));
  return TRUE;
}

static SettingWrite *
parse_write (PhonesetProfile    *self,
             const char         *format_name,
             JsonObject         *object,
             PhonesetSettingType type,
             guint               n,
             gboolean            per_line,
             Ctx                *ctx,
             GError            **error)
{
  static const char *allowed[] = { "key", "section", "list", "idx", "map", "transform", "all_lines", "alternatives", "source", "confidence", NULL };
  SettingWrite      *write = g_new0 (SettingWrite, 1);
  JsonNode          *alternatives;
  g_auto(GStrv) keys = NULL;
  g_autofree char  *section = NULL;
  g_autofree char  *list = NULL;
  g_autofree char  *idx = NULL;
  g_autofree char  *source = NULL;
  g_autofree char  *confidence = NULL;
  gboolean          all_lines;
  JsonNode         *map_node;
  PhonesetCfgFormat format;
  guint             first, last;

  write->keys = g_ptr_array_new_with_free_func (_phoneset_write_key_free);

  if (!phoneset_cfg_format_from_string (format_name, &format))
    {
      fail (ctx, error, _("“%s” is not a file format (yealink-cfg, fanvil-cfg, snom-xml)"), format_name);
      goto bad;
    }
  if (!g_strv_contains ((const char *const *)self->formats, format_name))
    {
      fail (ctx, error, _("writes “%s”, which is not in the profile's “formats”"), format_name);
      goto bad;
    }
  if (!check_members (object, allowed, ctx, error) ||
      !get_keys (object, &keys, ctx, error) ||
      !get_string (object, "section", format == PHONESET_CFG_FORMAT_FANVIL || format == PHONESET_CFG_FORMAT_YEALINK_INI,
                   &section, ctx, error) ||
      !get_string (object, "list", format == PHONESET_CFG_FORMAT_YEALINK_INI, &list, ctx, error) ||
      !get_string (object, "idx", FALSE, &idx, ctx, error) ||
      !get_string (object, "transform", FALSE, &write->transform, ctx, error) ||
      !get_string (object, "source", FALSE, &source, ctx, error) ||
      !get_string (object, "confidence", FALSE, &confidence, ctx, error) ||
      !get_bool (object, "all_lines", FALSE, &all_lines, ctx, error))
    goto bad;
  if (confidence != NULL && !g_strv_contains (confidences, confidence))
    {
      fail (ctx, error, _("confidence “%s” is not one of V, V-OEM, T, 3P, U"), confidence);
      goto bad;
    }

  /* "all_lines": one setting, the same value written for every line. */
  first = all_lines ? 1 : n;
  last = all_lines ? self->lines : n;
  for (guint k = 0; keys[k] != NULL; k++)
    if (!add_write_keys (write, keys[k], section, list, idx, first, last, per_line || all_lines, FALSE, ctx, error))
      goto bad;

  /* "alternatives": other places the phone reads the same value from
   * (a global key beside the per-account one). A file's own choice is
   * kept: the value is read from, and written to, the place it uses. */
  alternatives = json_object_get_member (object, "alternatives");
  if (alternatives != NULL && !JSON_NODE_HOLDS_ARRAY (alternatives))
    {
      fail (ctx, error, _("“alternatives” must be a list of keys"));
      goto bad;
    }
  for (guint i = 0; alternatives != NULL && i < json_array_get_length (json_node_get_array (alternatives)); i++)
    {
      static const char *alt_allowed[] = { "key", "section", "list", "idx", NULL };
      JsonObject        *alt = element_object (json_node_get_array (alternatives), i, ctx, error);
      g_autofree char   *alt_key = NULL;
      g_autofree char   *alt_section = NULL;
      g_autofree char   *alt_list = NULL;
      g_autofree char   *alt_idx = NULL;

      if (alt == NULL || !check_members (alt, alt_allowed, ctx, error) ||
          !get_string (alt, "key", TRUE, &alt_key, ctx, error) ||
          !get_string (alt, "section", FALSE, &alt_section, ctx, error) ||
          !get_string (alt, "list", FALSE, &alt_list, ctx, error) ||
          !get_string (alt, "idx", FALSE, &alt_idx, ctx, error) ||
          !add_write_keys (write, alt_key, alt_section, alt_list, alt_idx, n, n, per_line, TRUE, ctx, error))
        goto bad;
    }

  if (write->transform != NULL && !g_str_equal (write->transform, "dscp-to-tos"))
    {
      fail (ctx, error, _("unknown transform “%s” (known: dscp-to-tos)"), write->transform);
      goto bad;
    }

  map_node = json_object_get_member (object, "map");
  if (map_node != NULL)
    {
      JsonObject *map;
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (map_node))
        {
          fail (ctx, error, _("“map” must map values to what the file writes"));
          goto bad;
        }
      if (type != PHONESET_SETTING_BOOL && type != PHONESET_SETTING_ENUM)
        {
          fail (ctx, error, _("“map” is only for bool and enum settings"));
          goto bad;
        }
      map = json_node_get_object (map_node);
      write->map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      members = json_object_get_members (map);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (map, l->data);

          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            {
              fail (ctx, error, _("“map” values must be strings"));
              goto bad;
            }
          g_hash_table_insert (write->map, g_strdup (l->data), g_strdup (json_node_get_string (value)));
        }
    }

  return write;

bad:
  _phoneset_setting_write_free (write);
  return NULL;
}

static gboolean
parse_enum_values (PhonesetSetting *setting,
                   JsonObject      *object,
                   Ctx             *ctx,
                   GError         **error)
{
  static const char *allowed[] = { "id", "label", NULL };
  JsonArray         *values = get_array (object, "values", ctx, error);

  if (values == NULL)
    return FALSE;
  setting->enum_values = g_ptr_array_new_with_free_func (_phoneset_enum_value_free);
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonObject        *item = element_object (values, i, ctx, error);
      PhonesetEnumValue *value;

      if (item == NULL || !check_members (item, allowed, ctx, error))
        return FALSE;
      value = g_new0 (PhonesetEnumValue, 1);
      g_ptr_array_add (setting->enum_values, value);
      if (!get_string (item, "id", TRUE, &value->id, ctx, error) ||
          !get_string (item, "label", TRUE, &value->label, ctx, error))
        return FALSE;
      if (value->id[0] == '\0' || value->label[0] == '\0')
        return fail (ctx, error, _("an enum value needs an id and a label"));
      for (const char *p = value->id; *p; p++)
        if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
          return fail (ctx, error, _("the enum value id “%s” may hold only letters, digits, “_”, “-” and “.”"), value->id);
      for (guint j = 0; j + 1 < setting->enum_values->len; j++)
        {
          PhonesetEnumValue *other = g_ptr_array_index (setting->enum_values, j);

          if (g_ascii_strcasecmp (other->id, value->id) == 0 || g_ascii_strcasecmp (other->label, value->label) == 0)
            return fail (ctx, error, _("the enum value “%s” is given twice"), value->id);
        }
    }
  if (setting->enum_values->len == 0)
    return fail (ctx, error, _("an enum needs “values”"));
  /* Labels as the form shows them, in the user's language (ids stay). */
  for (guint i = 0; i < setting->enum_values->len; i++)
    translate_in_place (&((PhonesetEnumValue *)g_ptr_array_index (setting->enum_values, i))->label);
  return TRUE;
}

static gboolean
parse_setting (PhonesetProfile *self,
               PhonesetPage    *page,
               PhonesetGroup   *group,
               JsonObject      *object,
               Ctx             *outer,
               GError         **error)
{
  static const char *allowed[] = {
    "id", "type", "title", "help", "default", "min", "max", "unit", "values", "reboot",
    "menu_path", "keypad", "confidence", "note", "formats", "lines", "source", "default_source", "range_source", NULL
  };
  g_autofree char *id = NULL;
  g_autofree char *type_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *help = NULL;
  g_autofree char *keypad = NULL;
  g_autofree char *confidence = NULL;
  g_autofree char *note = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *source = NULL;
  g_autofree char *default_source = NULL;
  g_autofree char *range_source = NULL;
  g_auto(GStrv) menu_path = NULL;
  g_autofree char    *where = NULL;
  JsonNode           *default_node;
  JsonNode           *formats_node;
  PhonesetSettingType type;
  gboolean            reboot, has_min, has_max, has_lines;
  gint64              min = G_MININT64, max = G_MAXINT64, lines = 1;
  guint               n_lines;
  Ctx                 ctx;

  if (!get_string (object, "id", TRUE, &id, outer, error))
    return FALSE;
  where = g_strdup_printf ("%s (%s)", outer->where, id);
  ctx.where = where;

  if (!check_members (object, allowed, &ctx, error) ||
      !get_string (object, "type", TRUE, &type_name, &ctx, error) ||
      !get_string (object, "title", TRUE, &title, &ctx, error) ||
      !get_string (object, "help", TRUE, &help, &ctx, error) ||
      !get_string (object, "keypad", FALSE, &keypad, &ctx, error) ||
      !get_string (object, "confidence", TRUE, &confidence, &ctx, error) ||
      !get_string (object, "note", FALSE, &note, &ctx, error) ||
      !get_string (object, "unit", FALSE, &unit, &ctx, error) ||
      !get_string (object, "source", FALSE, &source, &ctx, error) ||
      !get_string (object, "default_source", FALSE, &default_source, &ctx, error) ||
      !get_string (object, "range_source", FALSE, &range_source, &ctx, error) ||
      !get_strv (object, "menu_path", FALSE, &menu_path, &ctx, error) ||
      !get_bool (object, "reboot", FALSE, &reboot, &ctx, error) ||
      !get_int (object, "min", FALSE, &has_min, &min, &ctx, error) ||
      !get_int (object, "max", FALSE, &has_max, &max, &ctx, error) ||
      !get_int (object, "lines", FALSE, &has_lines, &lines, &ctx, error))
    return FALSE;

  if (!_phoneset_setting_type_from_string (type_name, &type))
    return fail (&ctx, error, _("“%s” is not a setting type"), type_name);
  if (!g_strv_contains (confidences, confidence))
    return fail (&ctx, error, _("confidence “%s” is not one of V, V-OEM, T, 3P, U"), confidence);
  if (g_str_equal (confidence, "U") && note == NULL)
    return fail (&ctx, error, _("an unconfirmed setting needs a “note” for the user"));
  if (help[0] == '\0' || title[0] == '\0')
    return fail (&ctx, error, _("“title” and “help” must not be empty"));
  if ((source != NULL && source[0] == '\0') || (default_source != NULL && default_source[0] == '\0') ||
      (range_source != NULL && range_source[0] == '\0'))
    return fail (&ctx, error, _("a source must not be empty; say “unconfirmed” where there is none"));
  if (range_source != NULL && !json_object_has_member (object, "min") && !json_object_has_member (object, "max"))
    return fail (&ctx, error, _("“range_source” is for a setting with “min” or “max”"));

  /* A setting's menu path is the page's, then its own title, unless given. */
  if (menu_path[0] == NULL && (page->menu_path == NULL || page->menu_path[0] == NULL))
    return fail (&ctx, error, _("no menu path: the page or the setting must say where it is on the phone"));
  if (menu_path[0] == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **)page->menu_path);
      g_strv_builder_add (builder, title);
      g_strfreev (menu_path);
      menu_path = g_strv_builder_end (builder);
    }
  if (menu_path[0] == NULL)
    return fail (&ctx, error, _("no menu path: the page or the setting must say where it is on the phone"));

  if (type == PHONESET_SETTING_PORT)
    {
      min = has_min ? min : 1;
      max = has_max ? max : 65535;
      has_min = has_max = TRUE;
    }
  if (type == PHONESET_SETTING_INT && (!has_min || !has_max))
    return fail (&ctx, error, _("an int needs “min” and “max”"));
  if (has_min && has_max && min > max)
    return fail (&ctx, error, _("“min” is above “max”"));

  if (strstr (id, "{n}") != NULL)
    n_lines = has_lines ? (guint)CLAMP (lines, 1, MAX_LINES) : self->lines;
  else
    n_lines = 1;

  formats_node = json_object_get_member (object, "formats");
  if (formats_node != NULL && !JSON_NODE_HOLDS_OBJECT (formats_node))
    return fail (&ctx, error, _("“formats” must be an object of file formats"));

  for (guint n = 1; n <= n_lines; n++)
    {
      PhonesetSetting *setting = g_new0 (PhonesetSetting, 1);
      g_autoptr(GError) local_error = NULL;

      setting->id = expand (id, n);
      setting->type = type;
      setting->title = expand (translate (title), n);
      setting->help = expand (translate (help), n);
      setting->keypad = g_strdup (keypad);
      setting->confidence = g_strdup (confidence);
      setting->note = g_strdup (translate (note));
      setting->source = g_strdup (source);
      setting->default_source = g_strdup (default_source);
      setting->range_source = g_strdup (range_source);
      setting->unit = g_strdup (unit);
      setting->reboot = reboot;
      setting->min = has_min ? min : G_MININT64;
      setting->max = has_max ? max : G_MAXINT64;
      setting->menu_path = expand_strv (menu_path, n);
      setting->page = page;
      setting->writes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _phoneset_setting_write_free);
      g_ptr_array_add (self->settings, setting);

      if (g_hash_table_contains (self->by_id, setting->id))
        return fail (&ctx, error, _("the id “%s” is used twice"), setting->id);
      g_hash_table_insert (self->by_id, setting->id, setting);
      g_ptr_array_add (group->settings, setting);

      if (type == PHONESET_SETTING_ENUM && !parse_enum_values (setting, object, &ctx, error))
        return FALSE;
      if (type != PHONESET_SETTING_ENUM && json_object_has_member (object, "values"))
        return fail (&ctx, error, _("“values” is only for enum settings"));

      if (formats_node != NULL)
        {
          JsonObject *formats = json_node_get_object (formats_node);
          g_autoptr(GList) members = json_object_get_members (formats);

          for (GList *l = members; l != NULL; l = l->next)
            {
              JsonNode     *node = json_object_get_member (formats, l->data);
              SettingWrite *write;

              if (!JSON_NODE_HOLDS_OBJECT (node))
                return fail (&ctx, error, _("“formats.%s” must be an object"), (const char *)l->data);
              write = parse_write (self, l->data, json_node_get_object (node), type, n, strstr (id, "{n}") != NULL, &ctx, error);
              if (write == NULL)
                return FALSE;
              g_hash_table_insert (setting->writes, g_strdup (l->data), write);
            }
        }

      /* Every setting can be delivered on a setup sheet (it has a menu
       * path). One the profile's file format cannot carry, because no key
       * is confirmed, must say so to the user. */
      for (guint f = 0; self->formats[f] != NULL; f++)
        {
          PhonesetCfgFormat file_format;

          if (phoneset_cfg_format_from_string (self->formats[f], &file_format) &&
              _phoneset_setting_lookup_write (setting, file_format) == NULL && note == NULL)
            return fail (&ctx, error, _("has no “%s” key and no “note” saying why"), self->formats[f]);
        }

      default_node = json_object_get_member (object, "default");
      if (default_node == NULL || JSON_NODE_HOLDS_NULL (default_node))
        return fail (&ctx, error, _("“default” is missing"));
      if (!JSON_NODE_HOLDS_VALUE (default_node))
        return fail (&ctx, error, _("“default” must be a value"));
      {
        g_autofree char *text = NULL;
        GType            vtype = json_node_get_value_type (default_node);

        if (vtype == G_TYPE_BOOLEAN)
          text = g_strdup (json_node_get_boolean (default_node) ? "true" : "false");
        else if (vtype == G_TYPE_INT64)
          text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (default_node));
        else if (vtype == G_TYPE_STRING)
          text = g_strdup (json_node_get_string (default_node));
        else
          return fail (&ctx, error, _("“default” must be a string, number or boolean"));

        if (!phoneset_setting_validate (setting, text, &setting->default_value, &local_error))
          return fail (&ctx, error, _("the default is not valid: %s"), local_error->message);
      }
    }

  return TRUE;
}

static gboolean
parse_pages (PhonesetProfile *self,
             JsonObject      *root,
             Ctx             *outer,
             GError         **error)
{
  static const char *page_members[] = { "id", "title", "menu_path", "keypad", "groups", NULL };
  static const char *group_members[] = { "id", "title", "description", "settings", NULL };
  JsonArray         *pages = get_array (root, "pages", outer, error);

  if (pages == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s: pages[%u]", outer->where, i);
      Ctx              ctx = { where };
      JsonObject      *object = element_object (pages, i, &ctx, error);
      PhonesetPage    *page;
      JsonArray       *groups;

      if (object == NULL || !check_members (object, page_members, &ctx, error))
        return FALSE;
      page = g_new0 (PhonesetPage, 1);
      page->groups = g_ptr_array_new_with_free_func (_phoneset_group_free);
      g_ptr_array_add (self->pages, page);
      if (!get_string (object, "id", TRUE, &page->id, &ctx, error) ||
          !get_string (object, "title", TRUE, &page->title, &ctx, error) ||
          !get_strv (object, "menu_path", TRUE, &page->menu_path, &ctx, error) ||
          !get_string (object, "keypad", FALSE, &page->keypad, &ctx, error))
        return FALSE;
      translate_in_place (&page->title);
      groups = get_array (object, "groups", &ctx, error);
      if (groups == NULL)
        return FALSE;

      for (guint j = 0; j < json_array_get_length (groups); j++)
        {
          g_autofree char *gwhere = g_strdup_printf ("%s.groups[%u]", where, j);
          Ctx              gctx = { gwhere };
          JsonObject      *gobject = element_object (groups, j, &gctx, error);
          PhonesetGroup   *group;
          JsonArray       *settings;

          if (gobject == NULL || !check_members (gobject, group_members, &gctx, error))
            return FALSE;
          group = g_new0 (PhonesetGroup, 1);
          group->settings = g_ptr_array_new ();
          g_ptr_array_add (page->groups, group);
          if (!get_string (gobject, "id", TRUE, &group->id, &gctx, error) ||
              !get_string (gobject, "title", TRUE, &group->title, &gctx, error) ||
              !get_string (gobject, "description", FALSE, &group->description, &gctx, error))
            return FALSE;
          translate_in_place (&group->title);
          translate_in_place (&group->description);
          settings = get_array (gobject, "settings", &gctx, error);
          if (settings == NULL)
            return FALSE;

          for (guint k = 0; k < json_array_get_length (settings); k++)
            {
              g_autofree char *swhere = g_strdup_printf ("%s.settings[%u]", gwhere, k);
              Ctx              sctx = { swhere };
              JsonObject      *sobject = element_object (settings, k, &sctx, error);

              if (sobject == NULL || !parse_setting (self, page, group, sobject, &sctx, error))
                return FALSE;
            }
        }
    }

  if (self->settings->len == 0)
    return fail (outer, error, _("the profile has no settings"));

  /* Map values that stand for another setting must name one. */
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
                return fail (outer, error, _("%s: “%s” names no setting of this profile"), setting->id, v);
            }
        }
    }
  return TRUE;
}

static gboolean
parse_models (PhonesetProfile *self,
              JsonObject      *root,
              Ctx             *ctx,
              GError         **error)
{
  static const char *allowed[] = { "name", "code", "common_file", NULL };
  JsonArray         *models = get_array (root, "models", ctx, error);

  if (models == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonObject    *object = element_object (models, i, ctx, error);
      PhonesetModel *model;

      if (object == NULL || !check_members (object, allowed, ctx, error))
        return FALSE;
      model = g_new0 (PhonesetModel, 1);
      g_ptr_array_add (self->models, model);
      if (!get_string (object, "name", TRUE, &model->name, ctx, error) ||
          !get_string (object, "code", FALSE, &model->code, ctx, error) ||
          !get_string (object, "common_file", FALSE, &model->common_file, ctx, error))
        return FALSE;
      if (model->common_file != NULL && (strchr (model->common_file, '/') != NULL || model->common_file[0] == '.'))
        return fail (ctx, error, _("“common_file” must be a plain file name"));
    }
  if (self->models->len == 0)
    return fail (ctx, error, _("“models” must name at least one model"));
  return TRUE;
}

static gboolean
parse_root (PhonesetProfile *self,
            JsonNode        *root_node,
            const char      *expected_id,
            GError         **error)
{
  static const char *allowed[] = {
    "schema", "id", "vendor", "title", "description", "models", "mac_prefixes", "user_agents",
    "formats", "mac_file", "lines", "active_uri", "notes", "pages", "supersedes", "foreign_key_prefixes", NULL
  };
  PhonesetCfgFormat known_format;
  Ctx               ctx = { expected_id ? expected_id : "profile" };
  JsonObject       *root;
  gboolean          present;
  gint64            schema = 0, lines = 1;
  guint             n_file_formats = 0;
  JsonNode         *node;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (&ctx, error, _("a profile is a JSON object"));
  root = json_node_get_object (root_node);

  if (!get_int (root, "schema", TRUE, &present, &schema, &ctx, error))
    return FALSE;
  if (schema != 1)
    return fail (&ctx, error, _("schema %lld is not known (this Phoneset reads schema 1)"), (long long)schema);

  if (!check_members (root, allowed, &ctx, error) ||
      !get_string (root, "id", TRUE, &self->id, &ctx, error) ||
      !get_string (root, "vendor", TRUE, &self->vendor, &ctx, error) ||
      !get_string (root, "title", TRUE, &self->title, &ctx, error) ||
      !get_string (root, "description", FALSE, &self->description, &ctx, error) ||
      !get_strv (root, "mac_prefixes", TRUE, &self->mac_prefixes, &ctx, error) ||
      !get_strv (root, "formats", TRUE, &self->formats, &ctx, error) ||
      !get_strv (root, "supersedes", FALSE, &self->supersedes, &ctx, error) ||
      !get_strv (root, "foreign_key_prefixes", FALSE, &self->foreign_prefixes, &ctx, error) ||
      !get_string (root, "mac_file", FALSE, &self->mac_file, &ctx, error) ||
      !get_strv (root, "notes", FALSE, &self->notes, &ctx, error) ||
      !get_int (root, "lines", FALSE, &present, &lines, &ctx, error))
    return FALSE;
  translate_in_place (&self->description);

  if (expected_id != NULL && !g_str_equal (expected_id, self->id))
    return fail (&ctx, error, _("the id “%s” must match the file name"), self->id);
  for (const char *p = self->id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return fail (&ctx, error, _("an id is lower-case letters, digits and dashes"));
  if (lines < 1 || lines > MAX_LINES)
    return fail (&ctx, error, _("“lines” must be from 1 to %d"), MAX_LINES);
  self->lines = (guint)lines;

  for (guint i = 0; self->mac_prefixes[i] != NULL; i++)
    {
      g_autofree char *full = g_strconcat (self->mac_prefixes[i], ":00:00:00", NULL);
      guint8           mac[6];

      if (!phoneset_mac_parse (full, mac, NULL))
        return fail (&ctx, error, _("“%s” is not a MAC prefix like 00:15:65"), self->mac_prefixes[i]);
      g_free (self->mac_prefixes[i]);
      self->mac_prefixes[i] = phoneset_mac_oui (mac);
    }

  if (self->formats[0] == NULL)
    return fail (&ctx, error, _("“formats” must name at least one way to deliver settings"));
  for (guint i = 0; self->formats[i] != NULL; i++)
    {
      if (!g_str_equal (self->formats[i], "setup-sheet") && !phoneset_cfg_format_from_string (self->formats[i], &known_format))
        return fail (&ctx, error, _("“%s” is not a delivery format"), self->formats[i]);
      if (!g_str_equal (self->formats[i], "setup-sheet"))
        n_file_formats++;
    }
  if (n_file_formats >= 1 && self->mac_file == NULL)
    return fail (&ctx, error, _("“mac_file” is missing: how is the per-phone file named?"));
  if (self->mac_file != NULL &&
      ((strstr (self->mac_file, "{mac}") == NULL && strstr (self->mac_file, "{MAC}") == NULL) ||
       strchr (self->mac_file, '/') != NULL))
    return fail (&ctx, error, _("“mac_file” must contain {mac} (or {MAC} for upper case) and no “/”"));

  node = json_object_get_member (root, "user_agents");
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    return fail (&ctx, error, _("“user_agents” must be a list"));
  if (node != NULL)
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject      *ua = element_object (array, i, &ctx, error);
          g_autofree char *pattern = NULL;
          g_autoptr(GRegex) regex = NULL;
          g_autoptr(GError) local_error = NULL;

          if (ua == NULL || !get_string (ua, "pattern", TRUE, &pattern, &ctx, error))
            return FALSE;
          regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &local_error);
          if (regex == NULL)
            return fail (&ctx, error, _("user agent pattern “%s”: %s"), pattern, local_error->message);
        }
      self->user_agents = json_node_copy (node);
    }

  node = json_object_get_member (root, "active_uri");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (&ctx, error, _("“active_uri” must be an object or null"));
      self->active_uri = json_node_copy (node);
    }

  if (!parse_models (self, root, &ctx, error))
    return FALSE;

  return parse_pages (self, root, &ctx, error);
}

/**
 * phoneset_profile_new_from_data:
 * @data: the JSON text
 * @len: its length
 * @expected_id: (nullable): the id the file name gives
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the profile
 */
PhonesetProfile *
phoneset_profile_new_from_data (const char *data,
                                gsize       len,
                                const char *expected_id,
                                GError    **error)
{
  g_autoptr(PhonesetProfile) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > MAX_PROFILE_SIZE)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("a profile larger than 4 MiB is not read"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, "%s", local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, _("the file is empty"));
      return NULL;
    }

  self = g_object_new (PHONESET_TYPE_PROFILE, NULL);
  if (!parse_root (self, json_parser_get_root (parser), expected_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * phoneset_profile_new_from_file:
 * @path: a `<id>.json` file
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the profile
 */
PhonesetProfile *
phoneset_profile_new_from_file (const char *path,
                                GError    **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GError) local_error = NULL;
  PhonesetProfile *profile;
  gsize            len;

  if (!g_str_has_suffix (basename, ".json"))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("%s: a profile file ends in .json"), path);
      return NULL;
    }
  basename[strlen (basename) - 5] = '\0';

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND, "%s", local_error->message);
      return NULL;
    }

  profile = phoneset_profile_new_from_data (contents, len, basename, &local_error);
  if (profile == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
      return NULL;
    }
  return profile;
}

/* Getters ---------------------------------------------------------------- */

const char *
phoneset_profile_get_id (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->id;
}

const char *
phoneset_profile_get_vendor (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->vendor;
}

const char *
phoneset_profile_get_title (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->title;
}

const char *
phoneset_profile_get_description (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->description;
}

/**
 * phoneset_profile_get_models:
 * @self: a profile
 *
 * Returns: (transfer none) (element-type PhonesetModel): the models
 */
GPtrArray *
phoneset_profile_get_models (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->models;
}

/**
 * phoneset_profile_find_model:
 * @self: a profile
 * @name: a model name, any case
 *
 * Returns: (nullable): the model
 */
const PhonesetModel *
phoneset_profile_find_model (PhonesetProfile *self,
                             const char      *name)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);

  for (guint i = 0; i < self->models->len; i++)
    {
      PhonesetModel *model = g_ptr_array_index (self->models, i);

      if (g_ascii_strcasecmp (model->name, name) == 0)
        return model;
    }
  return NULL;
}

const char *const *
phoneset_profile_get_mac_prefixes (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return (const char *const *)self->mac_prefixes;
}

/**
 * phoneset_profile_get_foreign_key_prefixes:
 * @self: a profile
 *
 * Returns: (transfer none): prefixes of keys that this generation's
 *   firmware does not read but another generation's does (the V8x Yealink
 *   reads `static.network.*`, not `network.*`): a file that uses them is
 *   taken for the other generation's
 */
const char *const *
phoneset_profile_get_foreign_key_prefixes (PhonesetProfile *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->foreign_prefixes ? (const char *const *)self->foreign_prefixes : none;
}

/**
 * phoneset_profile_get_supersedes:
 * @self: a profile
 *
 * Returns: (transfer none): the ids of the profiles for older firmware of
 *   the same phones: a file both read equally well is taken as this one's
 */
const char *const *
phoneset_profile_get_supersedes (PhonesetProfile *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->supersedes ? (const char *const *)self->supersedes : none;
}

const char *const *
phoneset_profile_get_formats (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return (const char *const *)self->formats;
}

/**
 * phoneset_profile_get_file_format:
 * @self: a profile
 * @format: (out): the file format new files are written in (the first the
 *   profile names)
 *
 * Returns: %FALSE if the phone has no file format (setup sheet only)
 */
gboolean
phoneset_profile_get_file_format (PhonesetProfile   *self,
                                  PhonesetCfgFormat *format)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), FALSE);

  for (guint i = 0; self->formats[i] != NULL; i++)
    if (phoneset_cfg_format_from_string (self->formats[i], format))
      return TRUE;
  return FALSE;
}

/**
 * phoneset_profile_reads_format:
 * @self: a profile
 * @format: a file format
 *
 * Returns: %TRUE if the profile reads and edits files of @format (a
 *   phone family may have had several over its firmware generations)
 */
gboolean
phoneset_profile_reads_format (PhonesetProfile  *self,
                               PhonesetCfgFormat format)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), FALSE);

  for (guint i = 0; self->formats[i] != NULL; i++)
    {
      PhonesetCfgFormat listed;

      if (phoneset_cfg_format_from_string (self->formats[i], &listed) && listed == format)
        return TRUE;
    }
  return FALSE;
}

/**
 * phoneset_profile_get_format_of_file:
 * @self: a profile
 * @data: the start of a vendor file
 * @len: its length
 * @format: (out): the format to read and edit it in
 *
 * A user's own file is read and edited in its own format when that is one
 * the profile reads (an old Yealink INI file, for a profile whose new files
 * are CFG), else in the format new files are written in.
 *
 * Returns: %FALSE if the phone has no file format (setup sheet only)
 */
gboolean
phoneset_profile_get_format_of_file (PhonesetProfile   *self,
                                     const char        *data,
                                     gsize              len,
                                     PhonesetCfgFormat *format)
{
  PhonesetCfgFormat detected;

  g_return_val_if_fail (PHONESET_IS_PROFILE (self), FALSE);

  if (!phoneset_profile_get_file_format (self, format))
    return FALSE;
  if (phoneset_cfg_detect_format (data, len, &detected) && phoneset_profile_reads_format (self, detected))
    *format = detected;
  return TRUE;
}

const char *
phoneset_profile_get_mac_file (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->mac_file;
}

guint
phoneset_profile_get_lines (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), 0);
  return self->lines;
}

const char *const *
phoneset_profile_get_notes (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return (const char *const *)self->notes;
}

/**
 * phoneset_profile_get_user_agents:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): the `user_agents` rules
 */
JsonArray *
phoneset_profile_get_user_agents (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->user_agents ? json_node_get_array (self->user_agents) : NULL;
}

/**
 * phoneset_profile_get_active_uri:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): the `active_uri` object
 */
JsonObject *
phoneset_profile_get_active_uri (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->active_uri ? json_node_get_object (self->active_uri) : NULL;
}

/**
 * phoneset_profile_get_pages:
 * @self: a profile
 *
 * Returns: (transfer none) (element-type PhonesetPage): the menu tree
 */
GPtrArray *
phoneset_profile_get_pages (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->pages;
}

/**
 * phoneset_profile_get_settings:
 * @self: a profile
 *
 * Returns: (transfer none) (element-type PhonesetSetting): every setting, in menu order
 */
GPtrArray *
phoneset_profile_get_settings (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->settings;
}

/**
 * phoneset_profile_lookup_setting:
 * @self: a profile
 * @id: a setting id such as `nat.stun.server`
 *
 * Returns: (transfer none) (nullable): the setting
 */
PhonesetSetting *
phoneset_profile_lookup_setting (PhonesetProfile *self,
                                 const char      *id)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}
