/* phoneset-setting.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One setting of a profile: its getters, where each file format keeps it,
 * and its values: checked as a user types them, written as a vendor's file
 * says them, read back, and shown as the form shows them. A setting is
 * owned by its profile (phoneset-profile-parse-setting.c builds it).
 */

#define G_LOG_DOMAIN "phoneset-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-address.h"
#include "phoneset-error.h"
#include "phoneset-mac.h"
#include "phoneset-profile-private.h"

/* Memory ---------------------------------------------------------------- */

void
_phoneset_write_key_free (gpointer data)
{
  WriteKey *key = data;

  g_free (key->section);
  g_free (key->list);
  g_free (key->name);
  g_free (key);
}

void
_phoneset_setting_write_free (gpointer data)
{
  SettingWrite *write = data;

  g_clear_pointer (&write->keys, g_ptr_array_unref);
  g_clear_pointer (&write->map, g_hash_table_unref);
  g_free (write->transform);
  g_free (write);
}

/* How @self is written in @format: its own keys there, or those of the
 * format whose names @format borrows (snom's plain text, its XML's). */
SettingWrite *
_phoneset_setting_lookup_write (PhonesetSetting   *self,
                                PhonesetCfgFormat  format)
{
  SettingWrite *write = g_hash_table_lookup (self->writes, phoneset_cfg_format_to_string (format));
  PhonesetCfgFormat key_format;

  if (write == NULL && phoneset_cfg_format_get_key_format (format, &key_format))
    write = g_hash_table_lookup (self->writes, phoneset_cfg_format_to_string (key_format));
  return write;
}

void
_phoneset_enum_value_free (gpointer data)
{
  PhonesetEnumValue *value = data;

  g_free (value->id);
  g_free (value->label);
  g_free (value);
}

void
_phoneset_setting_free (gpointer data)
{
  PhonesetSetting *setting = data;

  g_free (setting->id);
  g_free (setting->title);
  g_free (setting->help);
  g_free (setting->default_value);
  g_free (setting->unit);
  g_clear_pointer (&setting->enum_values, g_ptr_array_unref);
  g_strfreev (setting->menu_path);
  g_free (setting->keypad);
  g_free (setting->confidence);
  g_free (setting->source);
  g_free (setting->default_source);
  g_free (setting->range_source);
  g_free (setting->note);
  g_clear_pointer (&setting->writes, g_hash_table_unref);
  g_free (setting);
}

/* Types ----------------------------------------------------------------- */

static const char *type_names[] = {
  [PHONESET_SETTING_BOOL] = "bool",         [PHONESET_SETTING_INT] = "int",
  [PHONESET_SETTING_ENUM] = "enum",         [PHONESET_SETTING_STRING] = "string",
  [PHONESET_SETTING_HOST] = "host",         [PHONESET_SETTING_HOST_PORT] = "host-port",
  [PHONESET_SETTING_PORT] = "port",         [PHONESET_SETTING_URL] = "url",
  [PHONESET_SETTING_PASSWORD] = "password", [PHONESET_SETTING_IP_LIST] = "ip-list",
  [PHONESET_SETTING_MAC] = "mac",
};

gboolean
_phoneset_setting_type_from_string (const char          *text,
                                    PhonesetSettingType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_strcmp0 (text, type_names[i]) == 0)
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

/* Getters ---------------------------------------------------------------- */

const char *
phoneset_setting_get_id (PhonesetSetting *self)
{
  return self->id;
}

PhonesetSettingType
phoneset_setting_get_value_type (PhonesetSetting *self)
{
  return self->type;
}

const char *
phoneset_setting_type_to_string (PhonesetSettingType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (type_names), NULL);
  return type_names[type];
}

const char *
phoneset_setting_get_title (PhonesetSetting *self)
{
  return self->title;
}

const char *
phoneset_setting_get_help (PhonesetSetting *self)
{
  return self->help;
}

const char *
phoneset_setting_get_default (PhonesetSetting *self)
{
  return self->default_value;
}

gint64
phoneset_setting_get_min (PhonesetSetting *self)
{
  return self->min;
}

gint64
phoneset_setting_get_max (PhonesetSetting *self)
{
  return self->max;
}

const char *
phoneset_setting_get_unit (PhonesetSetting *self)
{
  return self->unit;
}

/**
 * phoneset_setting_get_enum_values:
 * @self: a setting
 *
 * Returns: (transfer none) (nullable) (element-type PhonesetEnumValue): the values of an enum
 */
GPtrArray *
phoneset_setting_get_enum_values (PhonesetSetting *self)
{
  return self->enum_values;
}

gboolean
phoneset_setting_get_reboot (PhonesetSetting *self)
{
  return self->reboot;
}

const char *const *
phoneset_setting_get_menu_path (PhonesetSetting *self)
{
  return (const char *const *)self->menu_path;
}

/**
 * phoneset_setting_dup_menu_path_text:
 * @self: a setting
 *
 * Returns: (transfer full): the menu path as the phone's menus read,
 *   `MENU › SETTINGS › ADVANCED › NAT TRAVERSAL`
 */
char *
phoneset_setting_dup_menu_path_text (PhonesetSetting *self)
{
  return g_strjoinv (" › ", self->menu_path);
}

const char *
phoneset_setting_get_keypad (PhonesetSetting *self)
{
  return self->keypad ? self->keypad : self->page->keypad;
}

const char *
phoneset_setting_get_confidence (PhonesetSetting *self)
{
  return self->confidence;
}

const char *
phoneset_setting_get_note (PhonesetSetting *self)
{
  return self->note;
}

/* “unconfirmed” in a profile: no source says it. */
static const char *
confirmed_or_null (const char *source)
{
  return source != NULL && !g_str_equal (source, "unconfirmed") ? source : NULL;
}

/**
 * phoneset_setting_get_source:
 * @self: a setting
 *
 * Returns: (nullable): where the setting (its menu path, and its default
 *   and range unless they have sources of their own) is documented: a
 *   document and page, or `owner/repository@commit:path`; %NULL if no
 *   source is given
 */
const char *
phoneset_setting_get_source (PhonesetSetting *self)
{
  return confirmed_or_null (self->source);
}

/**
 * phoneset_setting_get_default_source:
 * @self: a setting
 *
 * Returns: (nullable): the source of the default value, %NULL when it is
 *   unconfirmed (the profile says “unconfirmed”, or gives no source)
 */
const char *
phoneset_setting_get_default_source (PhonesetSetting *self)
{
  return self->default_source != NULL ? confirmed_or_null (self->default_source)
                                      : confirmed_or_null (self->source);
}

/**
 * phoneset_setting_get_range_source:
 * @self: a setting
 *
 * Returns: (nullable): the source of the range (min, max), %NULL when it
 *   is unconfirmed or the setting has none
 */
const char *
phoneset_setting_get_range_source (PhonesetSetting *self)
{
  if (self->min == G_MININT64 && self->max == G_MAXINT64)
    return NULL;
  return self->range_source != NULL ? confirmed_or_null (self->range_source)
                                    : confirmed_or_null (self->source);
}

gboolean
phoneset_setting_is_secret (PhonesetSetting *self)
{
  return self->type == PHONESET_SETTING_PASSWORD;
}

PhonesetPage *
phoneset_setting_get_page (PhonesetSetting *self)
{
  return self->page;
}

/**
 * phoneset_setting_get_cfg_key:
 * @self: a setting
 * @format: a file format
 * @i: which key: most settings have one, those written for every line one per line
 * @key: (out caller-allocates): where the file keeps the value
 *
 * Returns: %TRUE if the setting is written in @format and has an @i-th key
 */
gboolean
phoneset_setting_get_cfg_key (PhonesetSetting   *self,
                              PhonesetCfgFormat  format,
                              guint              i,
                              PhonesetCfgKey    *key)
{
  return phoneset_setting_get_cfg_key_info (self, format, i, key, NULL, NULL);
}

/**
 * phoneset_setting_get_cfg_key_info:
 * @self: a setting
 * @format: a file format
 * @i: which key: the setting's own (one, or one per line), then its
 *   alternatives
 * @key: (out caller-allocates): where the file keeps the value
 * @line: (out) (optional): the line the key is for, 0 for none
 * @alternative: (out) (optional): whether it is another place the phone
 *   also reads the value from (written only where a file already uses it)
 *
 * Returns: %TRUE if the setting is written in @format and has an @i-th key
 */
gboolean
phoneset_setting_get_cfg_key_info (PhonesetSetting   *self,
                                   PhonesetCfgFormat  format,
                                   guint              i,
                                   PhonesetCfgKey    *key,
                                   guint             *line,
                                   gboolean          *alternative)
{
  SettingWrite *write = _phoneset_setting_lookup_write (self, format);
  WriteKey     *wk;

  if (write == NULL || i >= write->keys->len)
    return FALSE;
  wk = g_ptr_array_index (write->keys, i);
  key->section = wk->section;
  key->list = wk->list;
  key->key = wk->name;
  key->idx = wk->idx;
  if (line != NULL)
    *line = wk->line;
  if (alternative != NULL)
    *alternative = wk->alternative;
  return TRUE;
}

/**
 * phoneset_setting_get_map_reference:
 * @self: a setting
 * @format: a file format
 * @canonical: a value of @self
 *
 * Some values are written as another setting's value (PLANET writes the
 * number of a custom DHCP option where the choice is “custom”): the map
 * says `"custom": "{provisioning.dhcp_option.custom}"`.
 *
 * Returns: (nullable): the id of that other setting, or %NULL
 */
const char *
phoneset_setting_get_map_reference (PhonesetSetting   *self,
                                    PhonesetCfgFormat  format,
                                    const char        *canonical)
{
  SettingWrite    *write = _phoneset_setting_lookup_write (self, format);
  const char      *value;
  g_autofree char *id = NULL;

  if (write == NULL || write->map == NULL)
    return NULL;
  value = g_hash_table_lookup (write->map, canonical);
  if (value == NULL || value[0] != '{' || !g_str_has_suffix (value, "}"))
    return NULL;
  id = g_strndup (value + 1, strlen (value) - 2);
  return g_intern_string (id);
}

/* Values ------------------------------------------------------------------ */

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  static const char *yes[] = { "true", "1", "on", "yes", "enabled", NULL };
  static const char *no[] = { "false", "0", "off", "no", "disabled", NULL };

  for (guint i = 0; yes[i]; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      return *value = TRUE, TRUE;
  for (guint i = 0; no[i]; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      return *value = FALSE, TRUE;
  return FALSE;
}

static gboolean
is_ip_list_item (const char *item)
{
  g_auto(GStrv) octets = NULL;

  if (g_ascii_strcasecmp (item, "any") == 0 || g_hostname_is_ip_address (item))
    return TRUE;

  /* IPv4 with "*" for whole octets: 10.10.*.* */
  octets = g_strsplit (item, ".", -1);
  if (g_strv_length (octets) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      guint64 v;

      if (g_str_equal (octets[i], "*"))
        continue;
      if (!g_ascii_string_to_unsigned (octets[i], 10, 0, 255, &v, NULL))
        return FALSE;
    }
  return TRUE;
}

G_GNUC_PRINTF (3, 4)
static gboolean
invalid (PhonesetSetting *self, GError **error, const char *format, ...)
{
  g_autofree char *reason = NULL;
  va_list          args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, "%s (%s): %s", self->id, self->title,
               reason);
  return FALSE;
}

static gboolean
validate_int (PhonesetSetting  *self,
              const char       *value,
              char            **result,
              GError          **error)
{
  gint64 n;

  if (!g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &n, NULL))
    return invalid (self, error, _("“%s” is not a whole number"), value);
  if (n < self->min || n > self->max)
    return invalid (self, error,
                    _("%lld is out of range: it must be from %lld to %lld"), (long long)n,
                       (long long)self->min, (long long)self->max);
  *result = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  return TRUE;
}

/* An id first, then a label as the form shows it. */
static gboolean
validate_enum (PhonesetSetting  *self,
               const char       *value,
               char            **result,
               GError          **error)
{
  g_autoptr(GString) ids = NULL;

  for (guint i = 0; i < self->enum_values->len; i++)
    {
      PhonesetEnumValue *ev = g_ptr_array_index (self->enum_values, i);

      if (g_ascii_strcasecmp (ev->id, value) == 0)
        {
          *result = g_strdup (ev->id);
          return TRUE;
        }
    }
  for (guint i = 0; i < self->enum_values->len; i++)
    {
      PhonesetEnumValue *ev = g_ptr_array_index (self->enum_values, i);

      if (g_ascii_strcasecmp (ev->label, value) == 0)
        {
          *result = g_strdup (ev->id);
          return TRUE;
        }
    }

  ids = g_string_new (NULL);
  for (guint i = 0; i < self->enum_values->len; i++)
    g_string_append_printf (ids, "%s%s", i ? ", " : "",
                            ((PhonesetEnumValue *)g_ptr_array_index (self->enum_values, i))->id);
  return invalid (self, error, _("“%s” is not one of: %s"), value, ids->str);
}

static gboolean
validate_url (PhonesetSetting  *self,
              const char       *value,
              char            **result,
              GError          **error)
{
  if (value[0] != '\0')
    {
      g_autoptr(GUri) uri =
                   g_uri_parse (value, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_HAS_PASSWORD, NULL);
      static const char *schemes[] = { "http", "https", "ftp", "tftp", NULL };

      if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
        return invalid (self, error, _("“%s” is not a URL such as http://server/path/"), value);
      if (!g_strv_contains (schemes, g_uri_get_scheme (uri)))
        return invalid (self, error,
                        _("“%s”: the phone fetches over http, https, ftp or tftp"), value);
    }
  *result = g_strdup (value);
  return TRUE;
}

static gboolean
validate_ip_list (PhonesetSetting  *self,
                  const char       *value,
                  char            **result,
                  GError          **error)
{
  g_auto(GStrv) items = g_strsplit (value, ",", -1);
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (items[i][0] == '\0')
        continue;
      if (!is_ip_list_item (items[i]))
        return invalid (self, error,
                        _("“%s” is not an IP address, “any”, or a pattern like 10.10.*.*"),
                           items[i]);
      g_string_append_printf (str, "%s%s", str->len ? "," : "", items[i]);
    }
  *result = g_strdup (str->str);
  return TRUE;
}

static gboolean
validate_mac (PhonesetSetting  *self,
              const char       *value,
              char            **result,
              GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (value[0] == '\0')
    {
      *result = g_strdup ("");
      return TRUE;
    }
  *result = phoneset_mac_normalize (value, PHONESET_MAC_STYLE_COLON_UPPER, &local_error);
  if (*result == NULL)
    return invalid (self, error, "%s", local_error->message);
  return TRUE;
}

/* Checks @value (trimmed, but for passwords and strings) by the setting's
 * type; @result is the value as Phoneset keeps it. */
static gboolean
validate_value (PhonesetSetting  *self,
                const char       *value,
                char            **result,
                GError          **error)
{
  gboolean b;

  switch (self->type)
    {
    case PHONESET_SETTING_BOOL:
      if (!parse_bool (value, &b))
        return invalid (self, error, _("“%s” is not on or off (write true or false)"), value);
      *result = g_strdup (b ? "true" : "false");
      return TRUE;

    case PHONESET_SETTING_INT:
    case PHONESET_SETTING_PORT:
      return validate_int (self, value, result, error);

    case PHONESET_SETTING_ENUM:
      return validate_enum (self, value, result, error);

    case PHONESET_SETTING_HOST:
      if (value[0] != '\0' && !phoneset_address_parse (value, 0, NULL, NULL, NULL))
        return invalid (self, error, _("“%s” is not a host name or IP address"), value);
      if (value[0] != '\0' && strchr (value, ':') != NULL && !g_hostname_is_ip_address (value))
        return invalid (self, error, _("give the port in its own setting, not in “%s”"), value);
      *result = g_strdup (value);
      return TRUE;

    case PHONESET_SETTING_HOST_PORT:
      if (value[0] != '\0' && !phoneset_address_parse (value, 0, NULL, NULL, NULL))
        return invalid (self, error,
                        _("“%s” is not a host name or IP address, with an optional :port"), value);
      *result = g_strdup (value);
      return TRUE;

    case PHONESET_SETTING_URL:
      return validate_url (self, value, result, error);

    case PHONESET_SETTING_PASSWORD:
    case PHONESET_SETTING_STRING:
      if (strlen (value) > 1024)
        return invalid (self, error, _("longer than 1024 characters"));
      *result = g_strdup (value);
      return TRUE;

    case PHONESET_SETTING_IP_LIST:
      return validate_ip_list (self, value, result, error);

    case PHONESET_SETTING_MAC:
      return validate_mac (self, value, result, error);

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/**
 * phoneset_setting_validate:
 * @self: a setting
 * @text: a value as a user types it
 * @canonical: (out) (optional) (transfer full): the value as Phoneset keeps it
 * @error: a location for a #GError naming the setting and the reason
 *
 * Returns: %TRUE if @text is a valid value
 */
gboolean
phoneset_setting_validate (PhonesetSetting  *self,
                           const char       *text,
                           char            **canonical,
                           GError          **error)
{
  g_autofree char *value = NULL;
  g_autofree char *result = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (strchr (text, '\n') != NULL || strchr (text, '\r') != NULL)
    return invalid (self, error, _("a value cannot contain a line break"));

  value = g_strstrip (g_strdup (text));
  if (self->type == PHONESET_SETTING_PASSWORD || self->type == PHONESET_SETTING_STRING)
    {
      g_free (value);
      value = g_strdup (text);
    }

  if (!validate_value (self, value, &result, error))
    return FALSE;

  if (canonical != NULL)
    *canonical = g_steal_pointer (&result);
  return TRUE;
}

static const char *
default_bool (PhonesetCfgFormat format,
              gboolean          value)
{
  PhonesetCfgFormat key_format;

  /* A format that borrows another's names writes its values too (snom's
   * plain text says on/off, as its XML does). */
  if (phoneset_cfg_format_get_key_format (format, &key_format))
    format = key_format;
  if (format == PHONESET_CFG_FORMAT_SNOM_XML)
    return value ? "on" : "off";
  return value ? "1" : "0";
}

/**
 * phoneset_setting_to_file_value:
 * @self: a setting
 * @format: the file format
 * @canonical: a valid value
 *
 * Returns: (transfer full): what the vendor's file says for @canonical
 */
char *
phoneset_setting_to_file_value (PhonesetSetting   *self,
                                PhonesetCfgFormat  format,
                                const char        *canonical)
{
  SettingWrite *write = _phoneset_setting_lookup_write (self, format);

  if (write != NULL && write->map != NULL && g_hash_table_contains (write->map, canonical))
    return g_strdup (g_hash_table_lookup (write->map, canonical));

  if (self->type == PHONESET_SETTING_BOOL)
    return g_strdup (default_bool (format, g_str_equal (canonical, "true")));

  if (write != NULL && g_strcmp0 (write->transform, "dscp-to-tos") == 0)
    {
      gint64 dscp = g_ascii_strtoll (canonical, NULL, 10);

      /* The TOS byte carries the DSCP in its six high bits: 46 → 184. */
      return g_strdup_printf ("%" G_GINT64_FORMAT, dscp << 2);
    }

  return g_strdup (canonical);
}

/**
 * phoneset_setting_from_file_value:
 * @self: a setting
 * @format: the file format
 * @file_value: what the file says
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the canonical value
 */
char *
phoneset_setting_from_file_value (PhonesetSetting    *self,
                                  PhonesetCfgFormat   format,
                                  const char         *file_value,
                                  GError            **error)
{
  SettingWrite *write = _phoneset_setting_lookup_write (self, format);
  char         *canonical = NULL;

  if (write != NULL && write->map != NULL)
    {
      GHashTableIter iter;
      gpointer       key, value;

      g_hash_table_iter_init (&iter, write->map);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_ascii_strcasecmp (value, file_value) == 0)
          return g_strdup (key);
      /* A value no entry names may be another setting's value ("{id}"). */
      g_hash_table_iter_init (&iter, write->map);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (((const char *)value)[0] == '{' && file_value[0] != '\0')
          return g_strdup (key);
      if (self->type == PHONESET_SETTING_ENUM)
        {
          invalid (self, error,
                   _("the file says “%s”, which this profile does not know"), file_value);
          return NULL;
        }
    }

  if (write != NULL && g_strcmp0 (write->transform, "dscp-to-tos") == 0)
    {
      guint64 tos;

      if (!g_ascii_string_to_unsigned (file_value, 10, 0, 255, &tos, NULL))
        {
          invalid (self, error, _("the TOS byte “%s” is not a number from 0 to 255"), file_value);
          return NULL;
        }
      return g_strdup_printf ("%" G_GUINT64_FORMAT, tos >> 2);
    }

  if (!phoneset_setting_validate (self, file_value, &canonical, error))
    return NULL;
  return canonical;
}

/**
 * phoneset_setting_dup_display_value:
 * @self: a setting
 * @canonical: a valid value
 *
 * Returns: (transfer full): the value as the form shows it (enum labels,
 *   On / Off, passwords hidden)
 */
char *
phoneset_setting_dup_display_value (PhonesetSetting *self,
                                    const char      *canonical)
{
  switch (self->type)
    {
    case PHONESET_SETTING_BOOL:
      return g_strdup (g_str_equal (canonical, "true") ? _("On") : _("Off"));
    case PHONESET_SETTING_ENUM:
      for (guint i = 0; i < self->enum_values->len; i++)
        {
          PhonesetEnumValue *ev = g_ptr_array_index (self->enum_values, i);

          if (g_str_equal (ev->id, canonical))
            return g_strdup (ev->label);
        }
      return g_strdup (canonical);
    case PHONESET_SETTING_PASSWORD:
      return g_strdup (canonical[0] ? "••••••••" : "");
    case PHONESET_SETTING_INT:
    case PHONESET_SETTING_PORT:
      if (self->unit != NULL)
        return g_strdup_printf ("%s %s", canonical, self->unit);
      return g_strdup (canonical);
    case PHONESET_SETTING_STRING:
    case PHONESET_SETTING_HOST:
    case PHONESET_SETTING_HOST_PORT:
    case PHONESET_SETTING_URL:
    case PHONESET_SETTING_IP_LIST:
    case PHONESET_SETTING_MAC:
    default:
      return g_strdup (canonical);
    }
}
