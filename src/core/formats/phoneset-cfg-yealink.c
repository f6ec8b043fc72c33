/* phoneset-cfg-yealink.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Yealink `key = value` files: first line `#!version:1.0.0.1`, then
 * `key = value` lines and `#` comments. [T] (shared/reference/vendors.md)
 * Lines that are not settings, or whose text is not UTF-8, are kept as
 * they are, with a warning; new lines follow the file's majority style.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"
#include "phoneset-error.h"

#define YEALINK_HEADER "#!version:1.0.0.1"

static gboolean
is_yealink_key (const char *start,
                gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (start[i]) && strchr ("._-[]", start[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
is_blank_line (const Line *line,
               gboolean    first)
{
  const char *p = line->start;
  gsize       len = line->len;

  if (first)
    p = cfg_skip_bom (p, &len);
  cfg_trim_span (&p, &len);
  return len == 0;
}

/* The header, after any blank lines; *@header_out is its index in @lines. */
static gboolean
read_header (PhonesetCfgDocument  *self,
             GArray               *lines,
             guint                *header_out,
             GError              **error)
{
  guint       header = 0;
  Line       *line;
  const char *p;
  gsize       l;

  /* Blank lines before the header (a template's first line break); a byte
   * order mark is skipped as well. */
  while (header < lines->len && is_blank_line (&g_array_index (lines, Line, header), header == 0))
    header++;
  if (header == lines->len)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line 1: the file is empty; a Yealink file starts with “%s”"),
                      YEALINK_HEADER);
      return FALSE;
    }
  line = &g_array_index (lines, Line, header);
  p = line->start;
  l = line->len;
  if (header == 0)
    p = cfg_skip_bom (p, &l);
  cfg_trim_span (&p, &l);
  if (l != strlen (YEALINK_HEADER) || memcmp (p, YEALINK_HEADER, l) != 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line %u: a Yealink file must start with “%s”"), line->number,
                      YEALINK_HEADER);
      return FALSE;
    }
  if (header > 0)
    cfg_warn (self, 1,
              _("line 1: blank lines before “%s”; kept as they are, though phones expect it on the first line"),
                 YEALINK_HEADER);
  *header_out = header;
  return TRUE;
}

/* A line Phoneset does not read is kept as it is, as the phones skip it
 * (FusionPBX's V8x templates have a bare "static.network.dns.last_cache_expired"
 * line, without "="). Refused is only a file that is no Yealink file at all:
 * its header tells the formats apart. */
static gboolean
parse_lines (PhonesetCfgDocument  *self,
             GArray               *lines,
             GError              **error)
{
  guint header;

  if (!read_header (self, lines, &header, error))
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      Line       *line = &g_array_index (lines, Line, i);
      const char *start = line->start;
      gsize       len = line->len;
      const char *eq;

      if (i <= header)
        {
          cfg_add_raw_line (self, line);
          continue;
        }

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
                    _("line %u: “%s” is not a “key = value” line; kept as it is"), line->number,
                       text);
          cfg_add_raw_line (self, line);
        }
      else
        {
          const char *key = start;
          gsize       key_len = eq - start;
          const char *value = eq + 1;
          gsize       value_len = (start + len) - value;
          Entry      *entry;

          cfg_trim_span (&key, &key_len);
          cfg_trim_span (&value, &value_len);
          if (!is_yealink_key (key, key_len))
            {
              g_autofree char *text = cfg_excerpt (key, key_len);

              cfg_warn (
                self, line->number,
                _("line %u: “%s” is not a Yealink parameter name; the line is kept as it is"),
                   line->number, text);
              cfg_add_raw_line (self, line);
              continue;
            }
          if (!cfg_line_is_text (line))
            {
              g_autofree char *text = cfg_excerpt (key, key_len);

              cfg_warn (
                self, line->number,
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
        }
    }

  return TRUE;
}

static gboolean
yealink_detect (const char *data,
                gsize       len)
{
  /* Blank lines before the header are read too (parse_lines()). */
  return cfg_starts_with_header (data, len, YEALINK_HEADER);
}

static void
yealink_init (PhonesetCfgDocument *self)
{
  cfg_append_piece (self, YEALINK_HEADER "\n", -1);
}

static char *
yealink_lookup_string (const char *section,
                       const char *key,
                       int         idx)
{
  return g_strdup (key);
}

static void
yealink_insert (PhonesetCfgDocument  *self,
                Entry                *entry,
                const PhonesetCfgKey *key)
{
  GList           *after = self->pieces.tail;
  const char      *ending = cfg_begin_line_after (self, &after, &entry->lead);
  g_autofree char *prefix = g_strconcat (key->key, cfg_equals_spaced (self) ? " = " : "=", NULL);

  entry->first = cfg_insert_piece_after (self, after, prefix);
  entry->value = cfg_insert_piece_after (self, entry->first, "");
  entry->last = cfg_insert_piece_after (self, entry->value, ending);
}

const PhonesetCfgCodec _phoneset_cfg_codec_yealink = {
  .name = "yealink-cfg",
  .detect = yealink_detect,
  .init = yealink_init,
  .parse_lines = parse_lines,
  .lookup_string = yealink_lookup_string,
  .insert = yealink_insert,
  .set_value = cfg_set_equals_value,
};
