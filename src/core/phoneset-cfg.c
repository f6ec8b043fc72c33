/* phoneset-cfg.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vendors' provisioning files, read and written without losing a byte.
 *
 * A document is a list of pieces of text whose concatenation is the file,
 * byte for byte. Every value is a piece of its own, so that changing a value
 * rewrites only that piece: unknown keys, comments, order, padding and line
 * endings survive any edit. New keys are inserted where the vendor puts them
 * (Fanvil: in their module, under their sub-list; snom: inside
 * <phone-settings>), in the style of their neighbours.
 *
 * Formats (facts from shared/reference/vendors.md):
 * - Yealink: first line `#!version:1.0.0.1`, then `key = value`, `#` comments. [T]
 * - Fanvil/PLANET: `<<VOIP CONFIG FILE>>Version:…`, `<NAME CONFIG MODULE>`
 *   sections, `--Sub List--  :` markers, `Key<padding>:value`, and
 *   `<<END OF FILE>>`. [T] (PLANET seed 003 shows the same keys.)
 * - snom: `<settings><phone-settings><name idx="N" perm="">value</name>…`. [V]
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg.h"
#include "phoneset-error.h"

#define YEALINK_HEADER    "#!version:1.0.0.1"
#define FANVIL_HEADER     "<<VOIP CONFIG FILE>>Version:"
#define FANVIL_END        "<<END OF FILE>>"
#define FANVIL_KEY_COLUMN 19

/* A piece points into the document's copy of the file until it is edited;
 * only then does it own its text. */
typedef struct
{
  const char *data;
  gsize       len;
  char       *owned;
} Piece;

typedef enum
{
  MARK_SECTION,
  MARK_LIST,
  MARK_END,
} MarkKind;

typedef struct
{
  MarkKind kind;
  char    *name;
  char    *section; /* the section a list marker stands in */
  GList   *first;   /* the first piece of the marker's line */
  GList   *last;    /* the last piece of the marker's line */
} Mark;

typedef struct
{
  PhonesetCfgEntry pub;
  char            *list;         /* Fanvil: the sub-list the entry stands under */
  GList           *first;        /* first piece of the line or element */
  GList           *value;        /* the value piece */
  GList           *last;         /* last piece (with the line ending) */
  gboolean         self_closing; /* snom: <name/>, no value piece content yet */
  guint            key_column;   /* Fanvil: the column of the ':' */
} Entry;

struct _PhonesetCfgDocument
{
  gatomicrefcount   ref_count;
  char             *source; /* the file's bytes, which pieces point into */
  PhonesetCfgFormat format;
  GQueue            pieces;        /* Piece */
  GPtrArray        *entries;       /* Entry */
  GPtrArray        *marks;         /* Mark (Fanvil) */
  GHashTable       *index;         /* lookup string → Entry (the last one) */
  const char       *newline;       /* "\n" or "\r\n", for new lines */
  GList            *insert_before; /* snom: the </phone-settings> piece */
};

/* Formats ------------------------------------------------------------- */

static const char *format_names[] = {
  [PHONESET_CFG_FORMAT_YEALINK] = "yealink-cfg",
  [PHONESET_CFG_FORMAT_FANVIL] = "fanvil-cfg",
  [PHONESET_CFG_FORMAT_SNOM_XML] = "snom-xml",
};

/**
 * phoneset_cfg_format_to_string:
 * @format: a #PhonesetCfgFormat
 *
 * Returns: the name profiles use for @format (`yealink-cfg`, `fanvil-cfg`, `snom-xml`)
 */
const char *
phoneset_cfg_format_to_string (PhonesetCfgFormat format)
{
  g_return_val_if_fail (format <= PHONESET_CFG_FORMAT_SNOM_XML, NULL);

  return format_names[format];
}

/**
 * phoneset_cfg_format_from_string:
 * @text: a format name
 * @format: (out): the format
 *
 * Returns: %TRUE if @text names a file format
 */
gboolean
phoneset_cfg_format_from_string (const char        *text,
                                 PhonesetCfgFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (text, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

static const char *
skip_bom (const char *data,
          gsize      *len)
{
  if (*len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *len -= 3;
      return data + 3;
    }
  return data;
}

/**
 * phoneset_cfg_detect_format:
 * @data: the start of a file
 * @len: its length
 * @format: (out): the format
 *
 * Tells the format from the file's first bytes.
 *
 * Returns: %TRUE if the file looks like one of the formats
 */
gboolean
phoneset_cfg_detect_format (const char        *data,
                            gsize              len,
                            PhonesetCfgFormat *format)
{
  const char *p = skip_bom (data, &len);

  if (len >= strlen (YEALINK_HEADER) && memcmp (p, YEALINK_HEADER, strlen (YEALINK_HEADER)) == 0)
    {
      *format = PHONESET_CFG_FORMAT_YEALINK;
      return TRUE;
    }
  if (len >= strlen (FANVIL_HEADER) && memcmp (p, FANVIL_HEADER, strlen (FANVIL_HEADER)) == 0)
    {
      *format = PHONESET_CFG_FORMAT_FANVIL;
      return TRUE;
    }
  while (len > 0 && g_ascii_isspace (*p))
    p++, len--;
  if (len > 0 && *p == '<' && g_strstr_len (p, MIN (len, 4096), "<settings") != NULL)
    {
      *format = PHONESET_CFG_FORMAT_SNOM_XML;
      return TRUE;
    }
  return FALSE;
}

/* Pieces and entries -------------------------------------------------- */

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_free (piece->owned);
  g_slice_free (Piece, piece);
}

static Piece *
piece_new_owned (const char *text)
{
  Piece *piece = g_slice_new0 (Piece);

  piece->owned = g_strdup (text);
  piece->data = piece->owned;
  piece->len = strlen (text);
  return piece;
}

static void
piece_assign (Piece      *piece,
              const char *text)
{
  char *copy = g_strdup (text);

  g_free (piece->owned);
  piece->owned = copy;
  piece->data = copy;
  piece->len = strlen (copy);
}

static gboolean
piece_ends_with (Piece      *piece,
                 const char *suffix)
{
  gsize n = strlen (suffix);

  return piece->len >= n && memcmp (piece->data + piece->len - n, suffix, n) == 0;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->pub.section);
  g_free (entry->pub.key);
  g_free (entry->pub.perm);
  g_free (entry->pub.value);
  g_free (entry->pub.raw);
  g_free (entry->list);
  g_free (entry);
}

static void
mark_free (gpointer data)
{
  Mark *mark = data;

  g_free (mark->name);
  g_free (mark->section);
  g_free (mark);
}

static char *
lookup_string (PhonesetCfgFormat format,
               const char       *section,
               const char       *key,
               int               idx)
{
  switch (format)
    {
    case PHONESET_CFG_FORMAT_YEALINK:
      return g_strdup (key);
    case PHONESET_CFG_FORMAT_FANVIL:
      return g_strdup_printf ("%s\x1f%s", section ? section : "", key);
    case PHONESET_CFG_FORMAT_SNOM_XML:
      return g_strdup_printf ("%s\x1f%d", key, idx);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Appends a piece of the source at the end of the document. */
static GList *
append_piece (PhonesetCfgDocument *self,
              const char          *text,
              gssize               len)
{
  Piece *piece;

  if (len < 0)
    piece = piece_new_owned (text);
  else
    {
      piece = g_slice_new0 (Piece);
      piece->data = text;
      piece->len = len;
    }
  g_queue_push_tail (&self->pieces, piece);
  return self->pieces.tail;
}

/* Inserts a piece before @sibling (or at the end when it is NULL). */
static GList *
insert_piece_before (PhonesetCfgDocument *self,
                     GList               *sibling,
                     const char          *text)
{
  Piece *piece = piece_new_owned (text);

  if (sibling == NULL)
    {
      g_queue_push_tail (&self->pieces, piece);
      return self->pieces.tail;
    }
  g_queue_insert_before (&self->pieces, sibling, piece);
  return sibling->prev;
}

static GList *
insert_piece_after (PhonesetCfgDocument *self,
                    GList               *sibling,
                    const char          *text)
{
  Piece *piece = piece_new_owned (text);

  if (sibling == NULL)
    {
      g_queue_push_head (&self->pieces, piece);
      return self->pieces.head;
    }
  g_queue_insert_after (&self->pieces, sibling, piece);
  return sibling->next;
}

static char *
join_pieces (GList   *first,
             GList   *last,
             gboolean strip_newline)
{
  GString *str = g_string_new (NULL);

  for (GList *l = first; l != NULL; l = l->next)
    {
      g_string_append_len (str, ((Piece *)l->data)->data, ((Piece *)l->data)->len);
      if (l == last)
        break;
    }
  if (strip_newline)
    {
      while (str->len > 0 && (str->str[str->len - 1] == '\n' || str->str[str->len - 1] == '\r'))
        g_string_truncate (str, str->len - 1);
    }
  return g_string_free (str, FALSE);
}

static void
index_entry (PhonesetCfgDocument *self,
             Entry               *entry)
{
  g_hash_table_replace (self->index,
                        lookup_string (self->format, entry->pub.section, entry->pub.key, entry->pub.idx),
                        entry);
}

static void
rebuild_index (PhonesetCfgDocument *self)
{
  g_hash_table_remove_all (self->index);
  for (guint i = 0; i < self->entries->len; i++)
    index_entry (self, g_ptr_array_index (self->entries, i));
}

static PhonesetCfgDocument *
document_new (PhonesetCfgFormat format)
{
  PhonesetCfgDocument *self = g_new0 (PhonesetCfgDocument, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->format = format;
  g_queue_init (&self->pieces);
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->marks = g_ptr_array_new_with_free_func (mark_free);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->newline = "\n";
  return self;
}

/* Lines --------------------------------------------------------------- */

typedef struct
{
  const char *start; /* the line, without its ending */
  gsize       len;
  const char *ending; /* "\n", "\r\n" or "" */
  gsize       ending_len;
  guint       number;
} Line;

/* Splits @data into lines, each with its own ending kept. */
static GArray *
split_lines (const char *data,
             gsize       len)
{
  GArray     *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = data;
  const char *end = data + len;
  guint       number = 1;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      Line        line = { p, 0, "", 0, number++ };

      if (nl == NULL)
        {
          line.len = end - p;
          p = end;
        }
      else
        {
          line.len = nl - p;
          line.ending = nl;
          line.ending_len = 1;
          if (line.len > 0 && p[line.len - 1] == '\r')
            {
              line.len--;
              line.ending = nl - 1;
              line.ending_len = 2;
            }
          p = nl + 1;
        }
      g_array_append_val (lines, line);
    }

  return lines;
}

static gboolean
check_text (const char *data,
            gsize       len,
            GError    **error)
{
  const char *bad = NULL;
  guint       line = 1;

  if (len > PHONESET_CFG_MAX_SIZE)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("the file is larger than %u MiB; no phone reads such a file"),
                      PHONESET_CFG_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (memchr (data, '\0', len) != NULL || !g_utf8_validate (data, len, &bad))
    {
      const char *stop = bad ? bad : memchr (data, '\0', len);

      for (const char *p = data; p < stop; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line %u: binary data; this is not a text configuration file"), line);
      return FALSE;
    }
  return TRUE;
}

/* A piece of the input for an error message: at most 40 bytes, cut on a
 * character boundary, always valid UTF-8. */
static char *
excerpt (const char *start,
         gsize       len)
{
  g_autofree char *raw = g_strndup (start, MIN (len, 40));

  return g_utf8_make_valid (raw, -1);
}

static void
trim_span (const char **start,
           gsize       *len)
{
  while (*len > 0 && g_ascii_isspace (**start))
    (*start)++, (*len)--;
  while (*len > 0 && g_ascii_isspace ((*start)[*len - 1]))
    (*len)--;
}

static void
note_newline (PhonesetCfgDocument *self,
              GArray              *lines)
{
  guint crlf = 0;
  guint lf = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (line->ending_len == 2)
        crlf++;
      else if (line->ending_len == 1)
        lf++;
    }
  self->newline = crlf > lf ? "\r\n" : "\n";
}

/* Adds a line as three pieces: what stands before the value, the value,
 * and what follows it (trailing blanks and the line ending). */
static Entry *
add_value_line (PhonesetCfgDocument *self,
                const Line          *line,
                const char          *value_start,
                gsize                value_len)
{
  Entry      *entry = g_new0 (Entry, 1);
  const char *value_end = value_start + value_len;

  entry->first = append_piece (self, line->start, value_start - line->start);
  entry->value = append_piece (self, value_start, value_len);
  entry->last = append_piece (self, value_end, (line->start + line->len - value_end) + line->ending_len);
  entry->pub.value = g_strndup (value_start, value_len);
  entry->pub.raw = g_strndup (line->start, line->len);
  entry->pub.line = line->number;
  entry->pub.idx = -1;
  g_ptr_array_add (self->entries, entry);
  return entry;
}

static void
add_raw_line (PhonesetCfgDocument *self,
              const Line          *line)
{
  append_piece (self, line->start, line->len + line->ending_len);
}

/* Yealink ------------------------------------------------------------- */

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
parse_yealink (PhonesetCfgDocument *self,
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

          p = skip_bom (p, &l);
          trim_span (&p, &l);
          if (l != strlen (YEALINK_HEADER) || memcmp (p, YEALINK_HEADER, l) != 0)
            {
              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("line 1: a Yealink file must start with “%s”"), YEALINK_HEADER);
              return FALSE;
            }
          add_raw_line (self, line);
          continue;
        }

      trim_span (&start, &len);
      if (len == 0 || start[0] == '#')
        {
          add_raw_line (self, line);
          continue;
        }

      eq = memchr (start, '=', len);
      if (eq == NULL)
        {
          g_autofree char *text = excerpt (start, len);

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

          trim_span (&key, &key_len);
          trim_span (&value, &value_len);
          if (!is_yealink_key (key, key_len))
            {
              g_autofree char *text = excerpt (key, key_len);

              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("line %u: “%s” is not a Yealink parameter name"), line->number, text);
              return FALSE;
            }
          if (value_len == 0)
            value = eq + 1 + ((start + len) - (eq + 1)); /* empty: at the end of the line */
          entry = add_value_line (self, line, value, value_len);
          entry->pub.key = g_strndup (key, key_len);
          index_entry (self, entry);
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
parse_fanvil (PhonesetCfgDocument *self,
              GArray              *lines,
              GError             **error)
{
  g_autofree char *section = NULL;
  g_autofree char *list = NULL;
  gboolean         ended = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      Line       *line = &g_array_index (lines, Line, i);
      const char *start = line->start;
      gsize       len = line->len;

      if (i == 0)
        {
          const char *p = start;
          gsize       l = len;

          p = skip_bom (p, &l);
          if (l < strlen (FANVIL_HEADER) || memcmp (p, FANVIL_HEADER, strlen (FANVIL_HEADER)) != 0)
            {
              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("line 1: a Fanvil or PLANET file must start with “%s”"), FANVIL_HEADER);
              return FALSE;
            }
          add_raw_line (self, line);
          continue;
        }

      trim_span (&start, &len);

      if (ended || len == 0 || start[0] == '#' || start[0] == ';')
        {
          if (ended && len > 0)
            {
              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("line %u: text after “%s”"), line->number, FANVIL_END);
              return FALSE;
            }
          add_raw_line (self, line);
          continue;
        }

      if (len == strlen (FANVIL_END) && memcmp (start, FANVIL_END, len) == 0)
        {
          Mark *mark = g_new0 (Mark, 1);

          mark->kind = MARK_END;
          add_raw_line (self, line);
          mark->first = mark->last = self->pieces.tail;
          g_ptr_array_add (self->marks, mark);
          ended = TRUE;
          continue;
        }

      if (start[0] == '<' && start[len - 1] == '>' && memchr (start + 1, '<', len - 1) == NULL)
        {
          Mark       *mark = g_new0 (Mark, 1);
          const char *name = start + 1;
          gsize       name_len = len - 2;

          trim_span (&name, &name_len);
          g_free (section);
          g_clear_pointer (&list, g_free);
          section = g_strndup (name, name_len);
          mark->kind = MARK_SECTION;
          mark->name = g_strdup (section);
          add_raw_line (self, line);
          mark->first = mark->last = self->pieces.tail;
          g_ptr_array_add (self->marks, mark);
          continue;
        }

      if (len >= 2 && start[0] == '-' && start[1] == '-')
        {
          Mark       *mark = g_new0 (Mark, 1);
          const char *colon = memchr (start, ':', len);
          const char *name = start;
          gsize       name_len = colon ? (gsize)(colon - start) : len;

          trim_span (&name, &name_len);
          g_free (list);
          list = g_strndup (name, name_len);
          mark->kind = MARK_LIST;
          mark->name = g_strdup (list);
          mark->section = g_strdup (section);
          add_raw_line (self, line);
          mark->first = mark->last = self->pieces.tail;
          g_ptr_array_add (self->marks, mark);
          continue;
        }

      {
        const char *colon = memchr (start, ':', len);
        const char *key = start;
        gsize       key_len;
        const char *value;
        gsize       value_len;
        Entry      *entry;

        if (colon == NULL)
          {
            g_autofree char *text = excerpt (start, len);

            g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                         _("line %u: “%s” is not a “Key :value” line"), line->number, text);
            return FALSE;
          }
        if (section == NULL)
          {
            g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                         _("line %u: a setting outside any <… CONFIG MODULE> section"), line->number);
            return FALSE;
          }

        key_len = colon - start;
        trim_span (&key, &key_len);
        if (key_len == 0)
          {
            g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                         _("line %u: a value without a key"), line->number);
            return FALSE;
          }
        value = colon + 1;
        value_len = (start + len) - value;
        trim_span (&value, &value_len);
        if (value_len == 0)
          value = start + len;
        entry = add_value_line (self, line, value, value_len);
        entry->pub.key = g_strndup (key, key_len);
        entry->pub.section = g_strdup (section);
        entry->list = g_strdup (list);
        entry->key_column = colon - line->start;
        index_entry (self, entry);
      }
    }

  if (!ended)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line %u: the file ends without “%s”; it is probably cut short"),
                      lines->len, FANVIL_END);
      return FALSE;
    }
  return TRUE;
}

/* snom XML ------------------------------------------------------------ */

static void
markup_noop_start (GMarkupParseContext *context,
                   const char          *element_name,
                   const char         **attribute_names,
                   const char         **attribute_values,
                   gpointer             user_data,
                   GError             **error)
{
  guint *depth = user_data;

  if (*depth == 0 && !g_str_equal (element_name, "settings"))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("the root element is <%s>, a snom settings file has <settings>"), element_name);
      return;
    }
  if (++(*depth) > 64)
    g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                         _("elements are nested too deeply"));
}

static void
markup_noop_end (GMarkupParseContext *context,
                 const char          *element_name,
                 gpointer             user_data,
                 GError             **error)
{
  guint *depth = user_data;

  (*depth)--;
}

/* Checks that @data is well-formed XML with a <settings> root. */
static gboolean
check_xml (const char *data,
           gsize       len,
           GError    **error)
{
  static const GMarkupParser parser = { markup_noop_start, markup_noop_end, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  guint depth = 0;

  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &depth, NULL);
  if (!g_markup_parse_context_parse (context, data, len, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      int              line = 0, column = 0;

      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_markup_parse_context_get_position (context, &line, &column);
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line %d: %s"), line, message);
      return FALSE;
    }
  return TRUE;
}

static char *
xml_unescape (const char *text,
              gsize       len)
{
  GString    *str = g_string_sized_new (len);
  const char *end = text + len;

  for (const char *p = text; p < end; p++)
    {
      if (*p != '&')
        {
          g_string_append_c (str, *p);
          continue;
        }
      {
        const char *semi = memchr (p, ';', end - p);
        gsize       n = semi ? (gsize)(semi - p - 1) : 0;

        if (semi == NULL)
          {
            g_string_append_c (str, *p);
            continue;
          }
        if (n == 3 && memcmp (p + 1, "amp", 3) == 0)
          g_string_append_c (str, '&');
        else if (n == 2 && memcmp (p + 1, "lt", 2) == 0)
          g_string_append_c (str, '<');
        else if (n == 2 && memcmp (p + 1, "gt", 2) == 0)
          g_string_append_c (str, '>');
        else if (n == 4 && memcmp (p + 1, "quot", 4) == 0)
          g_string_append_c (str, '"');
        else if (n == 4 && memcmp (p + 1, "apos", 4) == 0)
          g_string_append_c (str, '\'');
        else if (n >= 2 && p[1] == '#')
          {
            g_autofree char *num = g_strndup (p + 2, n - 1);
            guint64          code = 0;
            gboolean         ok;

            if (num[0] == 'x' || num[0] == 'X')
              ok = g_ascii_string_to_unsigned (num + 1, 16, 1, 0x10FFFF, &code, NULL);
            else
              ok = g_ascii_string_to_unsigned (num, 10, 1, 0x10FFFF, &code, NULL);
            if (ok && g_unichar_validate ((gunichar)code))
              g_string_append_unichar (str, (gunichar)code);
          }
        else
          g_string_append_len (str, p, semi - p + 1);
        p = semi;
      }
    }

  return g_string_free (str, FALSE);
}

static const char *
find_tag_end (const char *p,
              const char *end)
{
  char quote = 0;

  for (; p < end; p++)
    {
      if (quote)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p;
    }
  return NULL;
}

static char *
tag_attribute (const char *tag,
               gsize       len,
               const char *name)
{
  gsize       name_len = strlen (name);
  const char *end = tag + len;

  for (const char *p = tag; p + name_len + 2 < end; p++)
    {
      if (g_ascii_isspace (*p) && memcmp (p + 1, name, name_len) == 0)
        {
          const char *q = p + 1 + name_len;

          while (q < end && g_ascii_isspace (*q))
            q++;
          if (q < end && *q == '=')
            {
              char        quote;
              const char *close;

              q++;
              while (q < end && g_ascii_isspace (*q))
                q++;
              if (q >= end || (*q != '"' && *q != '\''))
                return NULL;
              quote = *q++;
              close = memchr (q, quote, end - q);
              if (close == NULL)
                return NULL;
              return xml_unescape (q, close - q);
            }
        }
    }
  return NULL;
}

static guint
count_lines (const char *from,
             const char *to)
{
  guint n = 0;

  for (const char *p = from; p < to; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* Where the XML parser (GMarkup) ends what starts at @open ("<?" or "<!"),
 * so that nothing inside is taken for a setting: a processing instruction
 * at "?>" (its own "<?" counts: "<?>" is whole), CDATA at "]]>", a comment at "-->", any other declaration
 * (<!DOCTYPE …>, with an internal subset) at the ">" that balances every
 * "<" since @open. Returns the byte after it, or @end. */
static const char *
passthrough_end (const char *open,
                 const char *end)
{
  const char *terminator = NULL;
  int         balance = 1;

  if (open[1] == '?')
    terminator = "?>";
  else if (end - open >= 9 && memcmp (open, "<![CDATA[", 9) == 0)
    terminator = "]]>";
  else if (end - open >= 4 && memcmp (open, "<!--", 4) == 0)
    terminator = "-->";
  if (terminator != NULL)
    {
      /* GMarkup ends a processing instruction at the first '>' after a
       * '?', the opening one included: "<?>" is a whole one. A comment's
       * "--" and CDATA's "]]" cannot overlap their openers this way. */
      const char *from = open[1] == '?' ? open + 1 : open + 2;
      const char *close = g_strstr_len (from, end - from, terminator);

      return close ? close + strlen (terminator) : end;
    }
  for (const char *c = open + 1; c < end; c++)
    {
      if (*c == '<')
        balance++;
      else if (*c == '>' && --balance == 0)
        return c + 1;
    }
  return end;
}

static gboolean
parse_snom (PhonesetCfgDocument *self,
            const char          *data,
            gsize                len,
            GError             **error)
{
  const char *end = data + len;
  const char *p = data;
  const char *copied = data; /* everything before this is in pieces */
  const char *line_at = data;
  guint       line = 1;

  if (!check_xml (data, len, error))
    return FALSE;

  while (p < end)
    {
      const char *open = memchr (p, '<', end - p);
      const char *tag_end;

      if (open == NULL)
        break;
      /* Comments, declarations and processing instructions are skipped
       * whole, so that nothing inside them is taken for a setting. */
      if (end - open >= 4 && memcmp (open, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (open, end - open, "-->");

          p = close ? close + 3 : end;
          continue;
        }
      if (open + 1 < end && (open[1] == '?' || open[1] == '!'))
        {
          p = passthrough_end (open, end);
          continue;
        }
      /* Any other tag is skipped whole, attributes and all: an attribute
       * value may hold "<" (GMarkup lets it through), and what is in it is
       * no element. */
      tag_end = find_tag_end (open, end);
      if (tag_end == NULL)
        break;
      if (end - open < 16 || memcmp (open, "<phone-settings", 15) != 0 ||
          (!g_ascii_isspace (open[15]) && open[15] != '>' && open[15] != '/'))
        {
          p = tag_end + 1;
          continue;
        }
      if (tag_end[-1] == '/')
        {
          p = tag_end + 1;
          continue;
        }
      p = tag_end + 1;

      /* Children of <phone-settings>, one element each, until its end. */
      while (p < end)
        {
          const char *lt = memchr (p, '<', end - p);
          const char *name_start, *name_end, *gt;

          if (lt == NULL)
            {
              p = end;
              break;
            }
          if (end - lt >= 17 && memcmp (lt, "</phone-settings", 16) == 0 &&
              (lt[16] == '>' || g_ascii_isspace (lt[16])))
            {
              /* An empty piece marks where new settings go. */
              append_piece (self, copied, lt - copied);
              copied = lt;
              self->insert_before = append_piece (self, "", 0);
              p = lt + 16;
              break;
            }
          if (end - lt >= 4 && memcmp (lt, "<!--", 4) == 0)
            {
              const char *close = g_strstr_len (lt, end - lt, "-->");
              p = close ? close + 3 : end;
              continue;
            }
          if (lt + 1 < end && (lt[1] == '?' || lt[1] == '!'))
            {
              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("line %u: a declaration, CDATA section or processing instruction inside <phone-settings>; "
                             "snom settings files have none"),
                              line + count_lines (line_at, lt));
              return FALSE;
            }
          if (lt + 1 < end && lt[1] == '/')
            {
              p = lt + 1;
              continue;
            }

          gt = find_tag_end (lt, end);
          if (gt == NULL)
            {
              p = end;
              break;
            }
          name_start = lt + 1;
          name_end = name_start;
          while (name_end < gt && !g_ascii_isspace (*name_end) && *name_end != '/' && *name_end != '>')
            name_end++;
          if (name_end == name_start)
            {
              /* Not an element: text the XML parser let through. */
              p = lt + 1;
              continue;
            }

          {
            Entry           *entry = g_new0 (Entry, 1);
            g_autofree char *idx = tag_attribute (lt, gt - lt, "idx");
            g_autofree char *close_tag = g_strdup_printf ("</%.*s>", (int)(name_end - name_start), name_start);
            const char      *value_start = gt + 1;
            const char      *value_end;
            const char      *after;
            gboolean         self_closing = gt[-1] == '/';
            guint64          idx_value = 0;

            if (self_closing)
              {
                value_end = value_start;
                after = value_start;
              }
            else
              {
                value_end = g_strstr_len (value_start, end - value_start, close_tag);
                if (value_end == NULL || memchr (value_start, '<', value_end - value_start) != NULL)
                  {
                    /* Nested elements: not a plain setting; kept as it is. */
                    entry_free (entry);
                    p = gt + 1;
                    continue;
                  }
                after = value_end + strlen (close_tag);
              }

            line += count_lines (line_at, lt);
            line_at = lt;

            append_piece (self, copied, lt - copied);
            if (self_closing)
              {
                /* <name attrs/>: the value piece is empty and sits before "/>". */
                entry->first = append_piece (self, lt, (gt - 1) - lt);
                entry->value = append_piece (self, "", 0);
                entry->last = append_piece (self, gt - 1, 2);
                entry->self_closing = TRUE;
              }
            else
              {
                entry->first = append_piece (self, lt, value_start - lt);
                entry->value = append_piece (self, value_start, value_end - value_start);
                entry->last = append_piece (self, value_end, after - value_end);
              }
            copied = after;

            entry->pub.key = g_strndup (name_start, name_end - name_start);
            entry->pub.perm = tag_attribute (lt, gt - lt, "perm");
            entry->pub.idx = -1;
            if (idx != NULL && g_ascii_string_to_unsigned (idx, 10, 0, G_MAXINT, &idx_value, NULL))
              entry->pub.idx = (int)idx_value;
            entry->pub.value = xml_unescape (value_start, value_end - value_start);
            entry->pub.raw = g_strndup (lt, after - lt);
            entry->pub.line = line;
            g_ptr_array_add (self->entries, entry);
            index_entry (self, entry);
            p = after;
          }
        }
    }

  append_piece (self, copied, end - copied);
  return TRUE;
}

/* The snom reader finds the settings with a scanner of its own, to edit
 * them in place byte for byte, while GMarkup decides what the file means.
 * The fuzzer found four kinds of XML on which the two disagreed, and an
 * edit then wrote a file that no longer parsed. So every file read is
 * checked: a copy in which each setting's value is a marker, and a marker
 * element stands where new settings go, is read by GMarkup, and each
 * marker must be the whole text of the element the scanner named, inside
 * <phone-settings>. A file on which they disagree is refused rather than
 * edited wrong. */
#define SNOM_MARK        "\xe2\x81\xa3phoneset\xe2\x81\xa3" /* U+2063 around it */
#define SNOM_INSERT_MARK "phoneset-insert-mark"

typedef struct
{
  PhonesetCfgDocument *doc;
  GPtrArray           *stack; /* element names, outermost first */
  GString             *text;  /* the innermost element's text */
  guint                found;
  gboolean             insert_found;
  gboolean             bad;
} SnomVerify;

static gboolean
verify_inside_settings (SnomVerify *v)
{
  for (guint i = 0; i < v->stack->len; i++)
    if (g_str_equal (g_ptr_array_index (v->stack, i), "phone-settings"))
      return TRUE;
  return FALSE;
}

static void
verify_start (GMarkupParseContext *context,
              const char          *element_name,
              const char         **attribute_names,
              const char         **attribute_values,
              gpointer             user_data,
              GError             **error)
{
  SnomVerify *v = user_data;

  if (g_str_equal (element_name, SNOM_INSERT_MARK))
    {
      if (v->insert_found || v->stack->len == 0 ||
          !g_str_equal (g_ptr_array_index (v->stack, v->stack->len - 1), "phone-settings"))
        v->bad = TRUE;
      v->insert_found = TRUE;
    }
  g_ptr_array_add (v->stack, g_strdup (element_name));
  g_string_truncate (v->text, 0);
}

static void
verify_end (GMarkupParseContext *context,
            const char          *element_name,
            gpointer             user_data,
            GError             **error)
{
  SnomVerify *v = user_data;

  if (g_str_has_prefix (v->text->str, SNOM_MARK))
    {
      guint64 i = 0;

      /* (A file that holds the marker text itself is refused too.) */
      if (v->doc->entries->len == 0 ||
          !g_ascii_string_to_unsigned (v->text->str + strlen (SNOM_MARK), 10, 0, v->doc->entries->len - 1, &i, NULL) ||
          !g_str_equal (((Entry *)g_ptr_array_index (v->doc->entries, i))->pub.key, element_name) ||
          !verify_inside_settings (v) || i != v->found)
        v->bad = TRUE;
      v->found++;
    }
  g_ptr_array_set_size (v->stack, v->stack->len - 1);
  g_string_truncate (v->text, 0);
}

static void
verify_text (GMarkupParseContext *context,
             const char          *text,
             gsize                text_len,
             gpointer             user_data,
             GError             **error)
{
  SnomVerify *v = user_data;

  g_string_append_len (v->text, text, text_len);
}

static gboolean
snom_verify (PhonesetCfgDocument *self,
             GError             **error)
{
  static const GMarkupParser parser = { verify_start, verify_end, verify_text, NULL, NULL };
  g_autoptr(GHashTable) values = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) skip = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) copy = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  SnomVerify v = { self, stack, text, 0, FALSE, FALSE };
  gboolean   parsed;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      g_hash_table_insert (values, entry->value, GUINT_TO_POINTER (i + 1));
      if (entry->self_closing)
        g_hash_table_insert (skip, entry->last, entry);
    }
  for (GList *l = self->pieces.head; l != NULL; l = l->next)
    {
      Piece *piece = l->data;
      guint  i = GPOINTER_TO_UINT (g_hash_table_lookup (values, l));
      Entry *entry;

      if (l == self->insert_before)
        g_string_append (copy, "<" SNOM_INSERT_MARK "/>");
      if (g_hash_table_contains (skip, l))
        continue;
      if (i == 0)
        {
          g_string_append_len (copy, piece->data, piece->len);
          continue;
        }
      entry = g_ptr_array_index (self->entries, i - 1);
      if (entry->self_closing)
        {
          /* <name attrs/> written as <name attrs>MARK</name>, as an edit
           * would (set_value_piece()); "<name attrs" is the last piece
           * copied. */
          Piece *first = entry->first->data;
          gsize  n = first->len;

          while (n > 0 && (g_ascii_isspace (first->data[n - 1]) || first->data[n - 1] == '/'))
            n--;
          g_string_truncate (copy, copy->len - (first->len - n));
          g_string_append_printf (copy, ">" SNOM_MARK "%u</%s>", i - 1, entry->pub.key);
        }
      else
        g_string_append_printf (copy, SNOM_MARK "%u", i - 1);
    }

  context = g_markup_parse_context_new (&parser, 0, &v, NULL);
  parsed = g_markup_parse_context_parse (context, copy->str, copy->len, NULL) &&
           g_markup_parse_context_end_parse (context, NULL);
  if (!parsed || v.bad || v.found != self->entries->len || !v.insert_found)
    {
      g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("the file’s XML is unusual in a way Phoneset cannot edit safely (a setting, or the end of "
                             "<phone-settings>, is not where an XML parser finds it); save the file again from the phone’s web interface"));
      return FALSE;
    }
  return TRUE;
}

/* Public API ------------------------------------------------------------ */

/**
 * phoneset_cfg_document_new:
 * @format: the file format
 *
 * A new file with nothing set but what the format requires (header and
 * end marker).
 *
 * Returns: (transfer full): a new document
 */
PhonesetCfgDocument *
phoneset_cfg_document_new (PhonesetCfgFormat format)
{
  PhonesetCfgDocument *self = document_new (format);

  switch (format)
    {
    case PHONESET_CFG_FORMAT_YEALINK:
      append_piece (self, YEALINK_HEADER "\n", -1);
      break;

    case PHONESET_CFG_FORMAT_FANVIL:
      {
        /* The phones export the header padded with spaces to 62 bytes, and
         * one implementation asserts that header + CRLF must be 64 bytes and
         * that lines end in CRLF [U]. Writing it that way is what a phone's
         * own export looks like, so every firmware reads it. */
        g_autofree char *header = g_strdup_printf ("%-62s\r\n", FANVIL_HEADER "2.0000000000");
        Mark            *mark = g_new0 (Mark, 1);

        self->newline = "\r\n";
        append_piece (self, header, -1);
        mark->kind = MARK_END;
        mark->first = mark->last = append_piece (self, FANVIL_END "\r\n", -1);
        g_ptr_array_add (self->marks, mark);
      }
      break;

    case PHONESET_CFG_FORMAT_SNOM_XML:
      append_piece (self, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<settings>\n<phone-settings>\n", -1);
      self->insert_before = append_piece (self, "", 0);
      append_piece (self, "</phone-settings>\n</settings>\n", -1);
      break;

    default:
      g_return_val_if_reached (self);
    }

  return self;
}

/**
 * phoneset_cfg_document_parse:
 * @format: the file format
 * @data: the file's bytes
 * @len: their number
 * @error: a location for a #GError
 *
 * Reads a provisioning file. A file that is not of @format, is binary, is
 * cut short, or has a line that is not a setting is refused with an error
 * that names the line and the problem.
 *
 * Returns: (transfer full) (nullable): the document
 */
PhonesetCfgDocument *
phoneset_cfg_document_parse (PhonesetCfgFormat format,
                             const char       *data,
                             gsize             len,
                             GError          **error)
{
  g_autoptr(PhonesetCfgDocument) self = NULL;
  g_autoptr(GArray) lines = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!check_text (data, len, error))
    return NULL;

  self = document_new (format);
  /* One copy of the file, NUL-terminated, that the pieces point into. */
  self->source = g_malloc (len + 1);
  if (len > 0)
    memcpy (self->source, data, len);
  self->source[len] = '\0';
  data = self->source;

  switch (format)
    {
    case PHONESET_CFG_FORMAT_YEALINK:
      lines = split_lines (data, len);
      note_newline (self, lines);
      ok = parse_yealink (self, lines, error);
      break;

    case PHONESET_CFG_FORMAT_FANVIL:
      lines = split_lines (data, len);
      note_newline (self, lines);
      ok = parse_fanvil (self, lines, error);
      break;

    case PHONESET_CFG_FORMAT_SNOM_XML:
      lines = split_lines (data, MIN (len, 4096));
      note_newline (self, lines);
      ok = parse_snom (self, data, len, error);
      if (ok && self->insert_before == NULL)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("the file has no <phone-settings> element; nothing in it is a phone setting"));
          ok = FALSE;
        }
      if (ok)
        ok = snom_verify (self, error);
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  if (!ok)
    return NULL;

  return g_steal_pointer (&self);
}

PhonesetCfgDocument *
phoneset_cfg_document_ref (PhonesetCfgDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
phoneset_cfg_document_unref (PhonesetCfgDocument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_queue_clear_full (&self->pieces, piece_free);
  g_free (self->source);
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->marks);
  g_hash_table_unref (self->index);
  g_free (self);
}

PhonesetCfgFormat
phoneset_cfg_document_get_format (PhonesetCfgDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->format;
}

static Entry *
lookup (PhonesetCfgDocument  *self,
        const PhonesetCfgKey *key)
{
  g_autofree char *str = lookup_string (self->format, key->section, key->key, key->idx);

  return g_hash_table_lookup (self->index, str);
}

/**
 * phoneset_cfg_document_get:
 * @self: a document
 * @key: where the value lives
 *
 * Returns: (nullable): the value, or %NULL when the file does not set it
 */
const char *
phoneset_cfg_document_get (PhonesetCfgDocument  *self,
                           const PhonesetCfgKey *key)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL && key->key != NULL, NULL);

  entry = lookup (self, key);
  return entry ? entry->pub.value : NULL;
}

static char *
xml_escape (const char *value)
{
  return g_markup_escape_text (value, -1);
}

static void
refresh_raw (Entry *entry)
{
  g_free (entry->pub.raw);
  entry->pub.raw = join_pieces (entry->first, entry->last, TRUE);
}

static void
set_value_piece (PhonesetCfgDocument *self,
                 Entry               *entry,
                 const char          *value)
{
  Piece *piece = entry->value->data;

  if (self->format == PHONESET_CFG_FORMAT_SNOM_XML)
    {
      g_autofree char *escaped = xml_escape (value);

      if (entry->self_closing && value[0] != '\0')
        {
          /* <name attrs/> becomes <name attrs>value</name>. */
          Piece           *first = entry->first->data;
          Piece           *last = entry->last->data;
          gsize            n = first->len;
          g_autofree char *open = NULL;
          g_autofree char *close = g_strdup_printf ("</%s>", entry->pub.key);

          /* What GMarkup accepts before "/>" may hold more slashes. */
          while (n > 0 && (g_ascii_isspace (first->data[n - 1]) || first->data[n - 1] == '/'))
            n--;
          open = g_strdup_printf ("%.*s>", (int)n, first->data);
          piece_assign (first, open);
          piece_assign (last, close);
          entry->self_closing = FALSE;
        }
      piece_assign (piece, escaped);
    }
  else
    {
      /* A line-based value cannot hold a line break. */
      g_autofree char *flat = g_strdup (value);

      g_strdelimit (flat, "\r\n", ' ');
      piece_assign (piece, flat);

      /* `key =` with an empty value becomes `key = value`, not `key =value`. */
      if (self->format == PHONESET_CFG_FORMAT_YEALINK && flat[0] != '\0' && piece_ends_with (entry->first->data, " ="))
        {
          Piece           *prefix = entry->first->data;
          g_autofree char *spaced = g_strdup_printf ("%.*s ", (int)prefix->len, prefix->data);

          piece_assign (prefix, spaced);
        }
    }

  g_free (entry->pub.value);
  entry->pub.value = g_strdup (value);
  refresh_raw (entry);
}

static Mark *
find_mark (PhonesetCfgDocument *self,
           MarkKind             kind,
           const char          *name,
           const char          *section)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = g_ptr_array_index (self->marks, i);

      if (mark->kind == kind && g_strcmp0 (mark->name, name) == 0 &&
          (kind != MARK_LIST || g_strcmp0 (mark->section, section) == 0))
        return mark;
    }
  return NULL;
}

/* The last piece of the last line of @section's region that holds an entry
 * (in @list if given, else not in any list), or its marker line. */
static GList *
fanvil_insertion_point (PhonesetCfgDocument *self,
                        const char          *section,
                        const char          *list,
                        guint               *key_column)
{
  Mark  *section_mark = find_mark (self, MARK_SECTION, section, NULL);
  Mark  *list_mark = NULL;
  GList *after = NULL;

  if (section_mark == NULL)
    {
      Mark            *end = find_mark (self, MARK_END, NULL, NULL);
      g_autofree char *text = g_strdup_printf ("<%s>%s", section, self->newline);

      section_mark = g_new0 (Mark, 1);
      section_mark->kind = MARK_SECTION;
      section_mark->name = g_strdup (section);
      section_mark->first = section_mark->last = insert_piece_before (self, end ? end->first : NULL, text);
      g_ptr_array_add (self->marks, section_mark);
    }

  if (list != NULL)
    {
      list_mark = find_mark (self, MARK_LIST, list, section);
      if (list_mark == NULL)
        {
          /* A new sub-list goes at the end of its section. */
          GList           *end_of_section = section_mark->last;
          g_autofree char *text = NULL;

          for (guint i = 0; i < self->entries->len; i++)
            {
              Entry *e = g_ptr_array_index (self->entries, i);

              if (g_strcmp0 (e->pub.section, section) == 0)
                end_of_section = e->last;
            }
          for (guint i = 0; i < self->marks->len; i++)
            {
              Mark *m = g_ptr_array_index (self->marks, i);

              if (m->kind == MARK_LIST && g_strcmp0 (m->section, section) == 0 &&
                  g_list_position (self->pieces.head, m->last) > g_list_position (self->pieces.head, end_of_section))
                end_of_section = m->last;
            }
          text = g_strdup_printf ("%-*s:%s", FANVIL_KEY_COLUMN, list, self->newline);
          list_mark = g_new0 (Mark, 1);
          list_mark->kind = MARK_LIST;
          list_mark->name = g_strdup (list);
          list_mark->section = g_strdup (section);
          list_mark->first = list_mark->last = insert_piece_after (self, end_of_section, text);
          g_ptr_array_add (self->marks, list_mark);
        }
      after = list_mark->last;
    }
  else
    after = section_mark->last;

  *key_column = FANVIL_KEY_COLUMN;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (e->pub.section, section) != 0)
        continue;
      *key_column = e->key_column;
      if (g_strcmp0 (e->list, list) == 0)
        after = e->last;
    }

  return after;
}

static Entry *
insert_entry (PhonesetCfgDocument  *self,
              const PhonesetCfgKey *key,
              const char           *value)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->pub.key = g_strdup (key->key);
  entry->pub.section = g_strdup (key->section);
  entry->pub.idx = key->idx;
  entry->pub.value = g_strdup ("");
  entry->list = g_strdup (key->list);

  switch (self->format)
    {
    case PHONESET_CFG_FORMAT_YEALINK:
      {
        GList      *tail = self->pieces.tail;
        Piece      *last = tail ? tail->data : NULL;
        const char *sep = " = ";

        /* Follow the neighbours' spacing around "=". */
        if (self->entries->len > 0)
          {
            Entry *prev = g_ptr_array_index (self->entries, self->entries->len - 1);

            if (piece_ends_with (prev->first->data, "="))
              sep = "=";
          }
        /* The file may end without a line break, or in empty pieces. */
        for (GList *l = tail; l != NULL; l = l->prev)
          {
            last = l->data;
            if (last->len > 0)
              break;
          }
        if (last != NULL && last->len > 0 && !piece_ends_with (last, "\n"))
          append_piece (self, self->newline, -1);
        {
          g_autofree char *prefix = g_strconcat (key->key, sep, NULL);

          entry->first = append_piece (self, prefix, -1);
          entry->value = append_piece (self, "", 0);
          entry->last = append_piece (self, self->newline, -1);
        }
      }
      break;

    case PHONESET_CFG_FORMAT_FANVIL:
      {
        guint            column;
        GList           *after = fanvil_insertion_point (self, key->section ? key->section : "SIP CONFIG MODULE",
                                                         key->list, &column);
        g_autofree char *prefix = g_strdup_printf ("%-*s:", column, key->key);

        if (key->section == NULL)
          {
            g_free (entry->pub.section);
            entry->pub.section = g_strdup ("SIP CONFIG MODULE");
          }
        entry->key_column = column;
        entry->first = insert_piece_after (self, after, prefix);
        entry->value = insert_piece_after (self, entry->first, "");
        entry->last = insert_piece_after (self, entry->value, self->newline);
      }
      break;

    case PHONESET_CFG_FORMAT_SNOM_XML:
      {
        g_autofree char *prefix = NULL;

        if (key->idx >= 0)
          prefix = g_strdup_printf ("<%s idx=\"%d\" perm=\"\">", key->key, key->idx);
        else
          prefix = g_strdup_printf ("<%s perm=\"\">", key->key);
        entry->first = insert_piece_before (self, self->insert_before, prefix);
        entry->value = insert_piece_before (self, self->insert_before, "");
        {
          g_autofree char *close = g_strdup_printf ("</%s>%s", key->key, self->newline);

          entry->last = insert_piece_before (self, self->insert_before, close);
        }
        entry->pub.perm = g_strdup ("");
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_ptr_array_add (self->entries, entry);
  index_entry (self, entry);
  return entry;
}

/**
 * phoneset_cfg_document_set:
 * @self: a document
 * @key: where the value lives
 * @value: the new value
 *
 * Changes the value in place, or adds the key where the vendor puts it.
 * Nothing else in the file changes.
 */
void
phoneset_cfg_document_set (PhonesetCfgDocument  *self,
                           const PhonesetCfgKey *key,
                           const char           *value)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL && key->key != NULL);
  g_return_if_fail (value != NULL);

  entry = lookup (self, key);
  if (entry == NULL)
    entry = insert_entry (self, key, value);
  else if (g_strcmp0 (entry->pub.value, value) == 0)
    return;

  set_value_piece (self, entry, value);
}

/**
 * phoneset_cfg_document_remove:
 * @self: a document
 * @key: where the value lives
 *
 * Removes every line that sets @key.
 *
 * Returns: %TRUE if the file set @key
 */
gboolean
phoneset_cfg_document_remove (PhonesetCfgDocument  *self,
                              const PhonesetCfgKey *key)
{
  g_autofree char *str = NULL;
  gboolean         removed = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL && key->key != NULL, FALSE);

  str = lookup_string (self->format, key->section, key->key, key->idx);
  for (guint i = self->entries->len; i > 0; i--)
    {
      Entry           *entry = g_ptr_array_index (self->entries, i - 1);
      g_autofree char *other = lookup_string (self->format, entry->pub.section, entry->pub.key, entry->pub.idx);

      if (!g_str_equal (str, other))
        continue;

      for (GList *l = entry->first; l != NULL;)
        {
          GList   *next = l->next;
          gboolean last = l == entry->last;

          piece_free (l->data);
          g_queue_delete_link (&self->pieces, l);
          if (last)
            break;
          l = next;
        }
      g_ptr_array_remove_index (self->entries, i - 1);
      removed = TRUE;
    }

  if (removed)
    rebuild_index (self);
  return removed;
}

/**
 * phoneset_cfg_document_lookup_entry:
 * @self: a document
 * @key: where the value lives
 *
 * Returns: (nullable): the entry that sets @key (the last one, as the phone
 *   reads it), with its line number
 */
const PhonesetCfgEntry *
phoneset_cfg_document_lookup_entry (PhonesetCfgDocument  *self,
                                    const PhonesetCfgKey *key)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL && key->key != NULL, NULL);

  entry = lookup (self, key);
  return entry ? &entry->pub : NULL;
}

guint
phoneset_cfg_document_get_n_entries (PhonesetCfgDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * phoneset_cfg_document_get_entry:
 * @self: a document
 * @position: from 0 to the number of entries
 *
 * Returns: (transfer none): the entry, in file order for parsed entries
 */
const PhonesetCfgEntry *
phoneset_cfg_document_get_entry (PhonesetCfgDocument *self,
                                 guint                position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return &((Entry *)g_ptr_array_index (self->entries, position))->pub;
}

/**
 * phoneset_cfg_document_serialize:
 * @self: a document
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
phoneset_cfg_document_serialize (PhonesetCfgDocument *self)
{
  GString *str;

  g_return_val_if_fail (self != NULL, NULL);

  str = g_string_new (NULL);
  for (GList *l = self->pieces.head; l != NULL; l = l->next)
    g_string_append_len (str, ((Piece *)l->data)->data, ((Piece *)l->data)->len);

  return g_string_free_to_bytes (str);
}
