/* phoneset-cfg-yealink.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Yealink `key = value` files: first line `#!version:1.0.0.1`, then
 * `key = value` lines and `#` comments. [T] (shared/reference/vendors.md)
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
parse_lines (PhonesetCfgDocument *self,
             GArray              *lines,
             GError             **error)
{
  for (guint i = 0; i < lines->len; i++)
    {
      Line       *line = &g_array_index (lines, Line, i);
      const char *start = line->start;
      gsize       len = line->len;
      const char *eq;

      if (i == 0)
        {
          const char *p = start;
          gsize       l = len;

          p = cfg_skip_bom (p, &l);
          cfg_trim_span (&p, &l);
          if (l != strlen (YEALINK_HEADER) || memcmp (p, YEALINK_HEADER, l) != 0)
            {
              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("line 1: a Yealink file must start with “%s”"), YEALINK_HEADER);
              return FALSE;
            }
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

          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("line %u: “%s” is not a “key = value” line"), line->number, text);
          return FALSE;
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

              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("line %u: “%s” is not a Yealink parameter name"), line->number, text);
              return FALSE;
            }
          if (value_len == 0)
            value = eq + 1 + ((start + len) - (eq + 1)); /* empty: at the end of the line */
          entry = cfg_add_value_line (self, line, value, value_len);
          entry->pub.key = g_strndup (key, key_len);
          cfg_index_entry (self, entry);
        }
    }

  if (lines->len == 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line 1: the file is empty; a Yealink file starts with “%s”"), YEALINK_HEADER);
      return FALSE;
    }
  return TRUE;
}

/* Fanvil / PLANET ----------------------------------------------------- */

static gboolean
yealink_parse (PhonesetCfgDocument *self,
               const char          *data,
               gsize                len,
               GError             **error)
{
  g_autoptr(GArray) lines = cfg_split_lines (data, len);

  cfg_note_newline (self, lines);
  return parse_lines (self, lines, error);
}

static gboolean
yealink_detect (const char *data,
                gsize       len)
{
  return len >= strlen (YEALINK_HEADER) && memcmp (data, YEALINK_HEADER, strlen (YEALINK_HEADER)) == 0;
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
  GList      *tail = self->pieces.tail;
  Piece      *last = tail ? tail->data : NULL;
  const char *sep = " = ";

  /* Follow the neighbours' spacing around "=". */
  if (self->entries->len > 0)
    {
      Entry *prev = g_ptr_array_index (self->entries, self->entries->len - 1);

      if (cfg_piece_ends_with (prev->first->data, "="))
        sep = "=";
    }
  /* The file may end without a line break, or in empty pieces. */
  for (GList *l = tail; l != NULL; l = l->prev)
    {
      last = l->data;
      if (last->len > 0)
        break;
    }
  if (last != NULL && last->len > 0 && !cfg_piece_ends_with (last, "\n"))
    cfg_append_piece (self, self->newline, -1);
  {
    g_autofree char *prefix = g_strconcat (key->key, sep, NULL);

    entry->first = cfg_append_piece (self, prefix, -1);
    entry->value = cfg_append_piece (self, "", 0);
    entry->last = cfg_append_piece (self, self->newline, -1);
  }
}

static void
yealink_set_value (PhonesetCfgDocument *self,
                   Entry               *entry,
                   const char          *value)
{
  cfg_set_line_value (entry, value);

  /* `key =` with an empty value becomes `key = value`, not `key =value`. */
  if (value[0] != '\0' && cfg_piece_ends_with (entry->first->data, " ="))
    {
      Piece           *prefix = entry->first->data;
      g_autofree char *spaced = g_strdup_printf ("%.*s ", (int)prefix->len, prefix->data);

      cfg_piece_assign (prefix, spaced);
    }
}

const PhonesetCfgCodec _phoneset_cfg_codec_yealink = {
  .name = "yealink-cfg",
  .detect = yealink_detect,
  .init = yealink_init,
  .parse = yealink_parse,
  .lookup_string = yealink_lookup_string,
  .insert = yealink_insert,
  .set_value = yealink_set_value,
};
