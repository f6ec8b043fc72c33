/* phoneset-profile-parse-setting.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading one setting of a profile: its type, texts, range, default and
 * menu path, its enum values, and how each file format writes it (keys,
 * alternatives, maps, transforms). A setting whose id holds "{n}" is read
 * once for every line of the phone.
 */

#define G_LOG_DOMAIN "phoneset-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-profile-parse-private.h"

static const char *confidences[] = { "V", "V-OEM", "T", "3P", "U", NULL };

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
expand_strv (char  **strv,
             guint   n)
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
add_write_keys (SettingWrite  *write,
                const char    *key,
                const char    *section,
                const char    *list,
                const char    *idx,
                guint          first,
                guint          last,
                gboolean       per_line,
                gboolean       alternative,
                Ctx           *ctx,
                GError       **error)
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
            return _phoneset_profile_fail (ctx, error, _("“idx” must be a number or “{n}”"));
          wk->idx = (int)value;
        }
    }
  return TRUE;
}

/* "key": one string, or (a format whose variants name a setting each in
 * its own way: Fanvil XML's <sysConf> and <VOIP_CONFIG_FILE>) a list. */
static gboolean
get_keys (JsonObject   *object,
          char       ***out,
          Ctx          *ctx,
          GError      **error)
{
  JsonNode *node = json_object_get_member (object, "key");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      if (!_phoneset_profile_json_get_strv (object, "key", TRUE, out, ctx, error))
        return FALSE;
      if ((*out)[0] == NULL)
        return _phoneset_profile_fail (ctx, error, _("“key” must not be an empty list"));
    }
  else
    {
      g_autofree char *key = NULL;

      if (!_phoneset_profile_json_get_string (object, "key", TRUE, &key, ctx, error))
        return FALSE;
      *out = g_new0 (char *, 2);
      (*out)[0] = g_steal_pointer (&key);
    }
  for (guint i = 0; (*out)[i] != NULL; i++)
    if ((*out)[i][0] == '\0')
      return _phoneset_profile_fail (ctx, error, _("a “key” must not be empty"));
  return TRUE;
}

/* @format_name must be a file format and one of the profile's. */
static gboolean
check_write_format (PhonesetProfile    *self,
                    const char         *format_name,
                    PhonesetCfgFormat  *format,
                    Ctx                *ctx,
                    GError            **error)
{
  if (!phoneset_cfg_format_from_string (format_name, format))
    {
      g_autofree char *known = phoneset_cfg_dup_format_names ();

      return _phoneset_profile_fail (ctx, error,
                                     _("“%s” is not a file format (%s)"), format_name, known);
    }
  if (!g_strv_contains ((const char *const *)self->formats, format_name))
    return _phoneset_profile_fail (
      ctx, error, _("writes “%s”, which is not in the profile's “formats”"), format_name);
  return TRUE;
}

/* "alternatives": other places the phone reads the same value from
 * (a global key beside the per-account one). A file's own choice is
 * kept: the value is read from, and written to, the place it uses. */
static gboolean
parse_write_alternatives (SettingWrite  *write,
                          JsonObject    *object,
                          guint          n,
                          gboolean       per_line,
                          Ctx           *ctx,
                          GError       **error)
{
  JsonNode *alternatives = json_object_get_member (object, "alternatives");

  if (alternatives != NULL && !JSON_NODE_HOLDS_ARRAY (alternatives))
    return _phoneset_profile_fail (ctx, error, _("“alternatives” must be a list of keys"));
  for (guint i = 0;
       alternatives != NULL && i < json_array_get_length (json_node_get_array (alternatives)); i++)
    {
      static const char *alt_allowed[] = { "key", "section", "list", "idx", NULL };
      JsonObject        *alt =
        _phoneset_profile_json_element_object (json_node_get_array (alternatives), i, ctx, error);
      g_autofree char *alt_key = NULL;
      g_autofree char *alt_section = NULL;
      g_autofree char *alt_list = NULL;
      g_autofree char *alt_idx = NULL;

      if (alt == NULL || !_phoneset_profile_json_check_members (alt, alt_allowed, ctx, error) ||
          !_phoneset_profile_json_get_string (alt, "key", TRUE, &alt_key, ctx, error) ||
          !_phoneset_profile_json_get_string (alt, "section", FALSE, &alt_section, ctx, error) ||
          !_phoneset_profile_json_get_string (alt, "list", FALSE, &alt_list, ctx, error) ||
          !_phoneset_profile_json_get_string (alt, "idx", FALSE, &alt_idx, ctx, error) ||
          !add_write_keys (write, alt_key, alt_section, alt_list, alt_idx, n, n, per_line, TRUE,
                           ctx, error))
        return FALSE;
    }
  return TRUE;
}

/* "map": what the file writes for each value of a bool or enum. */
static gboolean
parse_write_map (SettingWrite         *write,
                 JsonObject           *object,
                 PhonesetSettingType   type,
                 Ctx                  *ctx,
                 GError              **error)
{
  JsonNode   *map_node = json_object_get_member (object, "map");
  JsonObject *map;
  g_autoptr(GList) members = NULL;

  if (map_node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (map_node))
    return _phoneset_profile_fail (ctx, error, _("“map” must map values to what the file writes"));
  if (type != PHONESET_SETTING_BOOL && type != PHONESET_SETTING_ENUM)
    return _phoneset_profile_fail (ctx, error, _("“map” is only for bool and enum settings"));
  map = json_node_get_object (map_node);
  write->map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (map, l->data);

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        return _phoneset_profile_fail (ctx, error, _("“map” values must be strings"));
      g_hash_table_insert (write->map, g_strdup (l->data), g_strdup (json_node_get_string (value)));
    }
  return TRUE;
}

static SettingWrite *
parse_write (PhonesetProfile      *self,
             const char           *format_name,
             JsonObject           *object,
             PhonesetSettingType   type,
             guint                 n,
             gboolean              per_line,
             Ctx                  *ctx,
             GError              **error)
{
  static const char *allowed[] = { "key",    "section",    "list",      "idx",
                                   "map",    "transform",  "all_lines", "alternatives",
                                   "source", "confidence", NULL };
  SettingWrite      *write = g_new0 (SettingWrite, 1);
  g_auto(GStrv) keys = NULL;
  g_autofree char  *section = NULL;
  g_autofree char  *list = NULL;
  g_autofree char  *idx = NULL;
  g_autofree char  *source = NULL;
  g_autofree char  *confidence = NULL;
  gboolean          all_lines;
  PhonesetCfgFormat format;
  guint             first, last;

  write->keys = g_ptr_array_new_with_free_func (_phoneset_write_key_free);

  if (!check_write_format (self, format_name, &format, ctx, error))
    goto bad;
  if (!_phoneset_profile_json_check_members (object, allowed, ctx, error) ||
      !get_keys (object, &keys, ctx, error) ||
      !_phoneset_profile_json_get_string (object, "section",
                                          format == PHONESET_CFG_FORMAT_FANVIL ||
                                            format == PHONESET_CFG_FORMAT_YEALINK_INI,
                                          &section, ctx, error) ||
      !_phoneset_profile_json_get_string (object, "list", format == PHONESET_CFG_FORMAT_YEALINK_INI,
                                          &list, ctx, error) ||
      !_phoneset_profile_json_get_string (object, "idx", FALSE, &idx, ctx, error) ||
      !_phoneset_profile_json_get_string (object, "transform", FALSE, &write->transform, ctx,
                                          error) ||
      !_phoneset_profile_json_get_string (object, "source", FALSE, &source, ctx, error) ||
      !_phoneset_profile_json_get_string (object, "confidence", FALSE, &confidence, ctx, error) ||
      !_phoneset_profile_json_get_bool (object, "all_lines", FALSE, &all_lines, ctx, error))
    goto bad;
  if (confidence != NULL && !g_strv_contains (confidences, confidence))
    {
      _phoneset_profile_fail (ctx, error,
                              _("confidence “%s” is not one of V, V-OEM, T, 3P, U"), confidence);
      goto bad;
    }

  /* "all_lines": one setting, the same value written for every line. */
  first = all_lines ? 1 : n;
  last = all_lines ? self->lines : n;
  for (guint k = 0; keys[k] != NULL; k++)
    if (!add_write_keys (write, keys[k], section, list, idx, first, last, per_line || all_lines,
                         FALSE, ctx, error))
      goto bad;

  if (!parse_write_alternatives (write, object, n, per_line, ctx, error))
    goto bad;

  if (write->transform != NULL && !g_str_equal (write->transform, "dscp-to-tos"))
    {
      _phoneset_profile_fail (ctx, error,
                              _("unknown transform “%s” (known: dscp-to-tos)"), write->transform);
      goto bad;
    }

  if (!parse_write_map (write, object, type, ctx, error))
    goto bad;

  return write;

bad:
  _phoneset_setting_write_free (write);
  return NULL;
}

static gboolean
parse_enum_values (PhonesetSetting  *setting,
                   JsonObject       *object,
                   Ctx              *ctx,
                   GError          **error)
{
  static const char *allowed[] = { "id", "label", NULL };
  JsonArray         *values = _phoneset_profile_json_get_array (object, "values", ctx, error);

  if (values == NULL)
    return FALSE;
  setting->enum_values = g_ptr_array_new_with_free_func (_phoneset_enum_value_free);
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonObject        *item = _phoneset_profile_json_element_object (values, i, ctx, error);
      PhonesetEnumValue *value;

      if (item == NULL || !_phoneset_profile_json_check_members (item, allowed, ctx, error))
        return FALSE;
      value = g_new0 (PhonesetEnumValue, 1);
      g_ptr_array_add (setting->enum_values, value);
      if (!_phoneset_profile_json_get_string (item, "id", TRUE, &value->id, ctx, error) ||
          !_phoneset_profile_json_get_string (item, "label", TRUE, &value->label, ctx, error))
        return FALSE;
      if (value->id[0] == '\0' || value->label[0] == '\0')
        return _phoneset_profile_fail (ctx, error, _("an enum value needs an id and a label"));
      for (const char *p = value->id; *p; p++)
        if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
          return _phoneset_profile_fail (
            ctx, error,
            _("the enum value id “%s” may hold only letters, digits, “_”, “-” and “.”"),
               value->id);
      for (guint j = 0; j + 1 < setting->enum_values->len; j++)
        {
          PhonesetEnumValue *other = g_ptr_array_index (setting->enum_values, j);

          if (g_ascii_strcasecmp (other->id, value->id) == 0 ||
              g_ascii_strcasecmp (other->label, value->label) == 0)
            return _phoneset_profile_fail (ctx, error,
                                           _("the enum value “%s” is given twice"), value->id);
        }
    }
  if (setting->enum_values->len == 0)
    return _phoneset_profile_fail (ctx, error, _("an enum needs “values”"));
  /* Labels as the form shows them, in the user's language (ids stay). */
  for (guint i = 0; i < setting->enum_values->len; i++)
    _phoneset_profile_translate_in_place (
      &((PhonesetEnumValue *)g_ptr_array_index (setting->enum_values, i))->label);
  return TRUE;
}

/* The type and texts a setting is read with: its confidence, and its
 * sources. */
static gboolean
check_setting_texts (JsonObject           *object,
                     const char           *type_name,
                     PhonesetSettingType  *type,
                     const char           *confidence,
                     const char           *note,
                     const char           *title,
                     const char           *help,
                     const char           *source,
                     const char           *default_source,
                     const char           *range_source,
                     Ctx                  *ctx,
                     GError              **error)
{
  if (!_phoneset_setting_type_from_string (type_name, type))
    return _phoneset_profile_fail (ctx, error, _("“%s” is not a setting type"), type_name);
  if (!g_strv_contains (confidences, confidence))
    return _phoneset_profile_fail (
      ctx, error, _("confidence “%s” is not one of V, V-OEM, T, 3P, U"), confidence);
  if (g_str_equal (confidence, "U") && note == NULL)
    return _phoneset_profile_fail (ctx, error,
                                   _("an unconfirmed setting needs a “note” for the user"));
  if (help[0] == '\0' || title[0] == '\0')
    return _phoneset_profile_fail (ctx, error, _("“title” and “help” must not be empty"));
  if ((source != NULL && source[0] == '\0') ||
      (default_source != NULL && default_source[0] == '\0') ||
      (range_source != NULL && range_source[0] == '\0'))
    return _phoneset_profile_fail (
      ctx, error, _("a source must not be empty; say “unconfirmed” where there is none"));
  if (range_source != NULL && !json_object_has_member (object, "min") &&
      !json_object_has_member (object, "max"))
    return _phoneset_profile_fail (ctx, error,
                                   _("“range_source” is for a setting with “min” or “max”"));
  return TRUE;
}

/* A setting's menu path is the page's, then its own title, unless given. */
static gboolean
resolve_menu_path (PhonesetPage  *page,
                   const char    *title,
                   GStrv         *menu_path,
                   Ctx           *ctx,
                   GError       **error)
{
  if ((*menu_path)[0] == NULL && (page->menu_path == NULL || page->menu_path[0] == NULL))
    return _phoneset_profile_fail (
      ctx, error, _("no menu path: the page or the setting must say where it is on the phone"));
  if ((*menu_path)[0] == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **)page->menu_path);
      g_strv_builder_add (builder, title);
      g_strfreev (*menu_path);
      *menu_path = g_strv_builder_end (builder);
    }
  if ((*menu_path)[0] == NULL)
    return _phoneset_profile_fail (
      ctx, error, _("no menu path: the page or the setting must say where it is on the phone"));
  return TRUE;
}

/* A port is 1 to 65535 unless given; an int needs its range. */
static gboolean
check_range (PhonesetSettingType   type,
             gboolean             *has_min,
             gint64               *min,
             gboolean             *has_max,
             gint64               *max,
             Ctx                  *ctx,
             GError              **error)
{
  if (type == PHONESET_SETTING_PORT)
    {
      *min = *has_min ? *min : 1;
      *max = *has_max ? *max : 65535;
      *has_min = *has_max = TRUE;
    }
  if (type == PHONESET_SETTING_INT && (!*has_min || !*has_max))
    return _phoneset_profile_fail (ctx, error, _("an int needs “min” and “max”"));
  if (*has_min && *has_max && *min > *max)
    return _phoneset_profile_fail (ctx, error, _("“min” is above “max”"));
  return TRUE;
}

/* How many settings @id stands for: one per line if it holds "{n}". */
static guint
count_lines (PhonesetProfile *self,
             const char      *id,
             gboolean         has_lines,
             gint64           lines)
{
  if (strstr (id, "{n}") != NULL)
    return has_lines ? (guint)CLAMP (lines, 1, MAX_LINES) : self->lines;
  else
    return 1;
}

/* Files @setting under its id (which must be new) and in @group. */
static gboolean
add_to_group (PhonesetProfile  *self,
              PhonesetGroup    *group,
              PhonesetSetting  *setting,
              Ctx              *ctx,
              GError          **error)
{
  if (g_hash_table_contains (self->by_id, setting->id))
    return _phoneset_profile_fail (ctx, error, _("the id “%s” is used twice"), setting->id);
  g_hash_table_insert (self->by_id, setting->id, setting);
  g_ptr_array_add (group->settings, setting);
  return TRUE;
}

/* "values": an enum's, and only an enum's. */
static gboolean
parse_setting_values (PhonesetSetting  *setting,
                      JsonObject       *object,
                      Ctx              *ctx,
                      GError          **error)
{
  if (setting->type == PHONESET_SETTING_ENUM && !parse_enum_values (setting, object, ctx, error))
    return FALSE;
  if (setting->type != PHONESET_SETTING_ENUM && json_object_has_member (object, "values"))
    return _phoneset_profile_fail (ctx, error, _("“values” is only for enum settings"));
  return TRUE;
}

/* "formats": how each file format writes line @n of the setting. */
static gboolean
parse_setting_writes (PhonesetProfile  *self,
                      PhonesetSetting  *setting,
                      JsonNode         *formats_node,
                      guint             n,
                      gboolean          per_line,
                      Ctx              *ctx,
                      GError          **error)
{
  JsonObject *formats;
  g_autoptr(GList) members = NULL;

  if (formats_node == NULL)
    return TRUE;
  formats = json_node_get_object (formats_node);
  members = json_object_get_members (formats);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode     *node = json_object_get_member (formats, l->data);
      SettingWrite *write;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _phoneset_profile_fail (ctx, error,
                                       _("“formats.%s” must be an object"), (const char *)l->data);
      write = parse_write (self, l->data, json_node_get_object (node), setting->type, n, per_line,
                           ctx, error);
      if (write == NULL)
        return FALSE;
      g_hash_table_insert (setting->writes, g_strdup (l->data), write);
    }
  return TRUE;
}

/* Every setting can be delivered on a setup sheet (it has a menu
 * path). One the profile's file format cannot carry, because no key
 * is confirmed, must say so to the user. */
static gboolean
check_setting_formats (PhonesetProfile  *self,
                       PhonesetSetting  *setting,
                       const char       *note,
                       Ctx              *ctx,
                       GError          **error)
{
  for (guint f = 0; self->formats[f] != NULL; f++)
    {
      PhonesetCfgFormat file_format;

      if (phoneset_cfg_format_from_string (self->formats[f], &file_format) &&
          _phoneset_setting_lookup_write (setting, file_format) == NULL && note == NULL)
        return _phoneset_profile_fail (
          ctx, error, _("has no “%s” key and no “note” saying why"), self->formats[f]);
    }
  return TRUE;
}

/* "default": a value the setting accepts. */
static gboolean
parse_default (PhonesetSetting  *setting,
               JsonObject       *object,
               Ctx              *ctx,
               GError          **error)
{
  JsonNode *default_node = json_object_get_member (object, "default");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  GType            vtype;

  if (default_node == NULL || JSON_NODE_HOLDS_NULL (default_node))
    return _phoneset_profile_fail (ctx, error, _("“default” is missing"));
  if (!JSON_NODE_HOLDS_VALUE (default_node))
    return _phoneset_profile_fail (ctx, error, _("“default” must be a value"));
  vtype = json_node_get_value_type (default_node);
  if (vtype == G_TYPE_BOOLEAN)
    text = g_strdup (json_node_get_boolean (default_node) ? "true" : "false");
  else if (vtype == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (default_node));
  else if (vtype == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (default_node));
  else
    return _phoneset_profile_fail (ctx, error, _("“default” must be a string, number or boolean"));

  if (!phoneset_setting_validate (setting, text, &setting->default_value, &local_error))
    return _phoneset_profile_fail (ctx, error,
                                   _("the default is not valid: %s"), local_error->message);
  return TRUE;
}

gboolean
_phoneset_profile_parse_setting (PhonesetProfile  *self,
                                 PhonesetPage     *page,
                                 PhonesetGroup    *group,
                                 JsonObject       *object,
                                 Ctx              *outer,
                                 GError          **error)
{
  static const char *allowed[] = {
    "id",      "type",   "title",  "help",           "default",      "min",        "max",
    "unit",    "values", "reboot", "menu_path",      "keypad",       "confidence", "note",
    "formats", "lines",  "source", "default_source", "range_source", NULL
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
  JsonNode           *formats_node;
  PhonesetSettingType type;
  gboolean            reboot, has_min, has_max, has_lines;
  gint64              min = G_MININT64, max = G_MAXINT64, lines = 1;
  guint               n_lines;
  Ctx                 ctx;

  if (!_phoneset_profile_json_get_string (object, "id", TRUE, &id, outer, error))
    return FALSE;
  where = g_strdup_printf ("%s (%s)", outer->where, id);
  ctx.where = where;

  if (!_phoneset_profile_json_check_members (object, allowed, &ctx, error) ||
      !_phoneset_profile_json_get_string (object, "type", TRUE, &type_name, &ctx, error) ||
      !_phoneset_profile_json_get_string (object, "title", TRUE, &title, &ctx, error) ||
      !_phoneset_profile_json_get_string (object, "help", TRUE, &help, &ctx, error) ||
      !_phoneset_profile_json_get_string (object, "keypad", FALSE, &keypad, &ctx, error) ||
      !_phoneset_profile_json_get_string (object, "confidence", TRUE, &confidence, &ctx, error) ||
      !_phoneset_profile_json_get_string (object, "note", FALSE, &note, &ctx, error) ||
      !_phoneset_profile_json_get_string (object, "unit", FALSE, &unit, &ctx, error) ||
      !_phoneset_profile_json_get_string (object, "source", FALSE, &source, &ctx, error) ||
      !_phoneset_profile_json_get_string (object, "default_source", FALSE, &default_source, &ctx,
                                          error) ||
      !_phoneset_profile_json_get_string (object, "range_source", FALSE, &range_source, &ctx,
                                          error) ||
      !_phoneset_profile_json_get_strv (object, "menu_path", FALSE, &menu_path, &ctx, error) ||
      !_phoneset_profile_json_get_bool (object, "reboot", FALSE, &reboot, &ctx, error) ||
      !_phoneset_profile_json_get_int (object, "min", FALSE, &has_min, &min, &ctx, error) ||
      !_phoneset_profile_json_get_int (object, "max", FALSE, &has_max, &max, &ctx, error) ||
      !_phoneset_profile_json_get_int (object, "lines", FALSE, &has_lines, &lines, &ctx, error))
    return FALSE;

  if (!check_setting_texts (object, type_name, &type, confidence, note, title, help, source,
                            default_source, range_source, &ctx, error) ||
      !resolve_menu_path (page, title, &menu_path, &ctx, error) ||
      !check_range (type, &has_min, &min, &has_max, &max, &ctx, error))
    return FALSE;

  n_lines = count_lines (self, id, has_lines, lines);

  formats_node = json_object_get_member (object, "formats");
  if (formats_node != NULL && !JSON_NODE_HOLDS_OBJECT (formats_node))
    return _phoneset_profile_fail (&ctx, error, _("“formats” must be an object of file formats"));

  for (guint n = 1; n <= n_lines; n++)
    {
      PhonesetSetting *setting = g_new0 (PhonesetSetting, 1);

      setting->id = expand (id, n);
      setting->type = type;
      setting->title = expand (_phoneset_profile_translate (title), n);
      setting->help = expand (_phoneset_profile_translate (help), n);
      setting->keypad = g_strdup (keypad);
      setting->confidence = g_strdup (confidence);
      setting->note = g_strdup (_phoneset_profile_translate (note));
      setting->source = g_strdup (source);
      setting->default_source = g_strdup (default_source);
      setting->range_source = g_strdup (range_source);
      setting->unit = g_strdup (unit);
      setting->reboot = reboot;
      setting->min = has_min ? min : G_MININT64;
      setting->max = has_max ? max : G_MAXINT64;
      setting->menu_path = expand_strv (menu_path, n);
      setting->page = page;
      setting->writes =
        g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _phoneset_setting_write_free);
      g_ptr_array_add (self->settings, setting);

      if (!add_to_group (self, group, setting, &ctx, error) ||
          !parse_setting_values (setting, object, &ctx, error) ||
          !parse_setting_writes (self, setting, formats_node, n, strstr (id, "{n}") != NULL, &ctx,
                                 error) ||
          !check_setting_formats (self, setting, note, &ctx, error) ||
          !parse_default (setting, object, &ctx, error))
        return FALSE;
    }

  return TRUE;
}
