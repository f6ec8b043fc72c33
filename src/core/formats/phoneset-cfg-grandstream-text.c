/* phoneset-cfg-grandstream-text.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Grandstream's older plain-text P-values, cfg<mac>.txt before the
 * vendor's tool encodes it into the binary cfg<mac> [T]:
 *
 *   # SIP Server
 *   P47 = pbx.example.com
 *   P76 =
 *   P459= { [*x]+ }
 *
 * (provisioner/Provisioner@573c129b endpoint/grandstream/gxphd/cfg$mac
 * and gxp/cfg$mac). `#` starts a comment line; a line that is not
 * `P<number> = value` is kept as it is, with a warning. It borrows the
 * keys of the XML form: gs_provision/config/P47 is the line “P47 = …”.
 * New lines follow the file's majority style (“P47 = x” or “P47=x”).
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"
#include "phoneset-error.h"

#define KEY_PREFIX "gs_provision/config/"

/* "P47": a P and digits, nothing else. */
static gboolean
is_p_value (const char *start,
            gsize       len)
{
  if (len < 2 || start[0] != 'P')
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isdigit (start[i]))
      return FALSE;
  return TRUE;
}

/* The P-value of an XML key (gs_provision/config/P47 → P47), or NULL. */
static const char *
p_value_of (const char *key)
{
  if (key == NULL || !g_str_has_prefix (key, KEY_PREFIX))
    return is_p_value (key, key ? strlen (key) : 0) ? key : NULL;
  key += strlen (KEY_PREFIX);
  return is_p_value (key, strlen (key)) ? key : NULL;
}

static gboolean
parse_lines (PhonesetCfgDocument  *self,
             GArray               *lines,
             GError              **error)
{
  guint settings = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line       *line = &g_array_index (lines, Line, i);
      const char *start = line->start;
      gsize       len = line->len;
      const char *eq;

      if (i == 0)
        start = cfg_skip_bom (start, &len);
      cfg_trim_span (&start, &len);
      if (len == 0 || start[0] == '#')
        {
          cfg_add_raw_line (self, line);
          continue;
        }

      eq = memchr (start, '=', len);
      if (eq == NULL)
        {
          g_autofree char *text = cfg_excerpt (start, len);

          cfg_warn (self, line->number,
                    _("line %u: “%s” is not a “P-value = value” line; kept as it is"),
                       line->number, text);
          cfg_add_raw_line (self, line);
          continue;
        }
      {
        const char *key = start;
        gsize       key_len = eq - start;
        const char *value = eq + 1;
        gsize       value_len = (start + len) - value;
        Entry      *entry;

        cfg_trim_span (&key, &key_len);
        cfg_trim_span (&value, &value_len);
        if (!is_p_value (key, key_len))
          {
            g_autofree char *text = cfg_excerpt (key, key_len);

            cfg_warn (self, line->number,
                      _("line %u: “%s” is not a Grandstream P-value (P and a number); the line is kept as it is"),
                         line->number, text);
            cfg_add_raw_line (self, line);
            continue;
          }
        if (!cfg_line_is_text (line))
          {
            g_autofree char *text = cfg_excerpt (key, key_len);

            cfg_warn (self, line->number,
                      _("line %u: the value of “%s” is not UTF-8 text; the line is kept as it is"),
                         line->number, text);
            cfg_add_raw_line (self, line);
            continue;
          }
        if (value_len == 0)
          value = start + len; /* empty: at the end of the line */
        entry = cfg_add_value_line (self, line, value, value_len);
        entry->pub.key = g_strndup (key, key_len);
        cfg_index_entry (self, entry);
        settings++;
      }
    }

  if (settings == 0)
    {
      g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("line 1: no “P-value = value” line; a Grandstream text file sets P-values such as “P47 = pbx.example.com”"));
      return FALSE;
    }
  return TRUE;
}

/* The first line that is neither blank nor a comment is a P-value. */
static gboolean
grandstream_text_detect (const char *data,
                         gsize       len)
{
  const char *p = data;
  const char *end = data + MIN (len, 65536);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      const char *s = p;
      gsize       n;

      while (s < line_end && g_ascii_isspace (*s))
        s++;
      n = line_end - s;
      if (n > 0 && *s != '#')
        {
          const char *eq = memchr (s, '=', n);
          gsize       key_len;

          if (eq == NULL)
            return FALSE;
          key_len = eq - s;
          while (key_len > 0 && g_ascii_isspace (s[key_len - 1]))
            key_len--;
          return is_p_value (s, key_len);
        }
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return FALSE;
}

static void
grandstream_text_init (PhonesetCfgDocument *self)
{
}

static char *
grandstream_text_lookup_string (const char *section,
                                const char *key,
                                int         idx)
{
  const char *p = p_value_of (key);

  return g_strdup (p ? p : key);
}

static gboolean
grandstream_text_accepts (PhonesetCfgDocument  *self,
                          const PhonesetCfgKey *key)
{
  return p_value_of (key->key) != NULL;
}

static void
grandstream_text_insert (PhonesetCfgDocument  *self,
                         Entry                *entry,
                         const PhonesetCfgKey *key)
{
  GList           *after = self->pieces.tail;
  const char      *ending = cfg_begin_line_after (self, &after, &entry->lead);
  const char      *name = p_value_of (key->key);
  g_autofree char *prefix = NULL;

  g_return_if_fail (name != NULL);
  prefix = g_strconcat (name, cfg_equals_spaced (self) ? " = " : "=", NULL);
  g_free (entry->pub.key);
  entry->pub.key = g_strdup (name);
  entry->first = cfg_insert_piece_after (self, after, prefix);
  entry->value = cfg_insert_piece_after (self, entry->first, "");
  entry->last = cfg_insert_piece_after (self, entry->value, ending);
}

const PhonesetCfgCodec _phoneset_cfg_codec_grandstream_text = {
  .name = "grandstream-text",
  .detect = grandstream_text_detect,
  .init = grandstream_text_init,
  .parse_lines = parse_lines,
  .lookup_string = grandstream_text_lookup_string,
  .insert = grandstream_text_insert,
  .set_value = cfg_set_equals_value,
  .has_key_format = TRUE,
  .key_format = PHONESET_CFG_FORMAT_GRANDSTREAM_XML,
  .accepts = grandstream_text_accepts,
  .key_is_secret = cfg_grandstream_key_is_secret,
};
