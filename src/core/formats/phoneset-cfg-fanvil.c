/* phoneset-cfg-fanvil.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fanvil / PLANET text files: `<<VOIP CONFIG FILE>>Version:…`,
 * `<NAME CONFIG MODULE>` sections, `--Sub List--  :` markers,
 * `Key<padding>:value`, and `<<END OF FILE>>`. [T] (PLANET seed 003 shows the
 * same keys.) New keys go in their module, under their sub-list, in the style
 * of their neighbours. Lines that are not settings, text after the end
 * marker and a missing end marker (a file cut short) are kept, with a
 * warning.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"
#include "phoneset-error.h"

#define FANVIL_HEADER     "<<VOIP CONFIG FILE>>Version:"
#define FANVIL_END        "<<END OF FILE>>"
#define FANVIL_KEY_COLUMN 19

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

typedef struct
{
  PhonesetCfgDocument *self;
  char                *section;
  char                *list;
  gboolean             seen_section;
  gboolean             in_section; /* in a module whose name is text */
  gboolean             ended;
  gboolean             warned_after_end;
} FanvilReader;

/* The header line, after blank lines that may stand before it: sets
 * @header to its index. */
static gboolean
check_header (PhonesetCfgDocument  *self,
              GArray               *lines,
              guint                *header,
              GError              **error)
{
  Line       *line;
  const char *p;
  gsize       l;

  *header = 0;
  while (*header < lines->len &&
         is_blank_line (&g_array_index (lines, Line, *header), *header == 0))
    (*header)++;
  line = *header < lines->len ? &g_array_index (lines, Line, *header) : NULL;
  p = line ? line->start : "";
  l = line ? line->len : 0;
  if (*header == 0)
    p = cfg_skip_bom (p, &l);
  while (l > 0 && g_ascii_isspace (*p))
    p++, l--;
  if (l < strlen (FANVIL_HEADER) || memcmp (p, FANVIL_HEADER, strlen (FANVIL_HEADER)) != 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line %u: a Fanvil or PLANET file must start with “%s”"),
                      line ? line->number : 1, FANVIL_HEADER);
      return FALSE;
    }
  if (*header > 0)
    cfg_warn (self, 1,
              _("line 1: blank lines before “%s”; kept as they are, though phones expect it on the first line"),
                 FANVIL_HEADER);
  return TRUE;
}

/* A marker for the line just added. */
static void
add_mark (PhonesetCfgDocument *self,
          MarkKind             kind,
          const char          *name,
          const char          *section)
{
  Mark *mark = g_new0 (Mark, 1);

  mark->kind = kind;
  mark->name = g_strdup (name);
  mark->section = g_strdup (section);
  mark->first = mark->last = self->pieces.tail;
  g_ptr_array_add (self->marks, mark);
}

/* `<NAME CONFIG MODULE>`, [@start, @start + @len) trimmed. */
static void
read_module_line (FanvilReader *r,
                  Line         *line,
                  const char   *start,
                  gsize         len)
{
  const char *name = start + 1;
  gsize       name_len = len - 2;

  cfg_trim_span (&name, &name_len);
  g_clear_pointer (&r->section, g_free);
  g_clear_pointer (&r->list, g_free);
  cfg_add_raw_line (r->self, line);
  r->seen_section = TRUE;
  if (!g_utf8_validate (name, name_len, NULL))
    {
      /* Its settings cannot be named; none is read. */
      cfg_warn (
        r->self, line->number,
        _("line %u: the module’s name is not UTF-8 text; its settings are kept as they are"),
           line->number);
      r->in_section = FALSE;
      return;
    }
  r->section = g_strndup (name, name_len);
  add_mark (r->self, MARK_SECTION, r->section, NULL);
  r->in_section = TRUE;
}

/* `--Sub List--  :` */
static void
read_list_line (FanvilReader *r,
                Line         *line,
                const char   *start,
                gsize         len)
{
  const char *colon = memchr (start, ':', len);
  const char *name = start;
  gsize       name_len = colon ? (gsize)(colon - start) : len;

  cfg_trim_span (&name, &name_len);
  g_free (r->list);
  r->list = g_strndup (name, name_len);
  cfg_add_raw_line (r->self, line);
  add_mark (r->self, MARK_LIST, r->list, r->section);
}

/* A line that is no setting Phoneset can read: kept, with a warning that
 * says why. */
static void
keep_unread_line (FanvilReader *r,
                  Line         *line,
                  const char   *start,
                  gsize         len,
                  const char   *colon,
                  const char   *key,
                  gsize         key_len)
{
  PhonesetCfgDocument *self = r->self;
  g_autofree char     *text = cfg_excerpt (start, len);

  if (colon == NULL)
    cfg_warn (self, line->number,
              _("line %u: “%s” is not a “Key :value” line; kept as it is"), line->number, text);
  else if (!r->seen_section)
    cfg_warn (self, line->number,
              _("line %u: “%s” stands outside any <… CONFIG MODULE> section; kept as it is"),
                 line->number, text);
  else if (!r->in_section)
    ; /* in a module whose name is not text: warned at its name */
  else if (key_len == 0)
    cfg_warn (self, line->number,
              _("line %u: “%s” has no key before the “:”; kept as it is"), line->number, text);
  else if (g_utf8_validate (key, key_len, NULL))
    {
      g_autofree char *name = cfg_excerpt (key, key_len);

      cfg_warn (self, line->number,
                _("line %u: the value of “%s” is not UTF-8 text; the line is kept as it is"),
                   line->number, name);
    }
  else
    cfg_warn (self, line->number,
              _("line %u: the line is not UTF-8 text; kept as it is"), line->number);
  cfg_add_raw_line (self, line);
}

/* `Key<padding>:value` */
static void
read_setting_line (FanvilReader *r,
                   Line         *line,
                   const char   *start,
                   gsize         len)
{
  const char *colon = memchr (start, ':', len);
  const char *key = start;
  gsize       key_len = colon ? (gsize)(colon - start) : 0;
  const char *value;
  gsize       value_len;
  Entry      *entry;

  cfg_trim_span (&key, &key_len);
  if (colon == NULL || key_len == 0 || !r->in_section || !cfg_line_is_text (line))
    {
      keep_unread_line (r, line, start, len, colon, key, key_len);
      return;
    }

  value = colon + 1;
  value_len = (start + len) - value;
  cfg_trim_span (&value, &value_len);
  if (value_len == 0)
    value = start + len;
  entry = cfg_add_value_line (r->self, line, value, value_len);
  entry->pub.key = g_strndup (key, key_len);
  entry->pub.section = g_strdup (r->section);
  entry->list = g_strdup (r->list);
  entry->key_column = colon - line->start;
  cfg_index_entry (r->self, entry);
}

/* A line Phoneset does not read is kept as it is, with a warning: the
 * phones skip what they do not understand. Refused is only a file that is
 * no Fanvil file at all: its header tells the formats apart. */
static gboolean
parse_lines (PhonesetCfgDocument  *self,
             GArray               *lines,
             GError              **error)
{
  FanvilReader r = { .self = self };
  guint        header;

  if (!check_header (self, lines, &header, error))
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      Line       *line = &g_array_index (lines, Line, i);
      const char *start = line->start;
      gsize       len = line->len;

      if (i <= header)
        {
          cfg_add_raw_line (self, line);
          continue;
        }

      cfg_trim_span (&start, &len);

      if (r.ended || len == 0 || start[0] == '#' || start[0] == ';')
        {
          if (r.ended && len > 0 && !r.warned_after_end)
            {
              cfg_warn (self, line->number,
                        _("line %u: text after “%s”; kept as it is (phones ignore it)"),
                           line->number, FANVIL_END);
              r.warned_after_end = TRUE;
            }
          cfg_add_raw_line (self, line);
        }
      else if (len == strlen (FANVIL_END) && memcmp (start, FANVIL_END, len) == 0)
        {
          cfg_add_raw_line (self, line);
          add_mark (self, MARK_END, NULL, NULL);
          r.ended = TRUE;
        }
      else if (start[0] == '<' && start[len - 1] == '>' && memchr (start + 1, '<', len - 1) == NULL)
        read_module_line (&r, line, start, len);
      else if (len >= 2 && start[0] == '-' && start[1] == '-')
        read_list_line (&r, line, start, len);
      else
        read_setting_line (&r, line, start, len);
    }

  g_free (r.section);
  g_free (r.list);
  if (!r.ended)
    cfg_warn (self, lines->len,
              _("line %u: the file ends without “%s”; it may be cut short (read as far as it goes, and new modules go at its end)"),
                 lines->len, FANVIL_END);
  return TRUE;
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

/* Inserts a line of @text after the piece @after (a line's end); returns
 * its piece, and in *@first the first piece that goes with it. */
static GList *
insert_text_line (PhonesetCfgDocument  *self,
                  GList                *after,
                  const char           *text,
                  GList               **first)
{
  GList           *lead;
  const char      *ending = cfg_begin_line_after (self, &after, &lead);
  g_autofree char *line = g_strconcat (text, ending, NULL);
  GList           *piece = cfg_insert_piece_after (self, after, line);

  *first = lead ? lead : piece;
  return piece;
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
      g_autofree char *text = g_strdup_printf ("<%s>", section);

      section_mark = g_new0 (Mark, 1);
      section_mark->kind = MARK_SECTION;
      section_mark->name = g_strdup (section);
      if (end != NULL)
        {
          /* Before the end marker, which starts a line. */
          g_autofree char *line = g_strconcat (text, self->newline, NULL);

          section_mark->first = section_mark->last =
            cfg_insert_piece_before (self, end->first, line);
        }
      else
        {
          /* A file cut short: at its end. */
          section_mark->last =
            insert_text_line (self, self->pieces.tail, text, &section_mark->first);
        }
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
                  g_list_position (self->pieces.head, m->last) >
                    g_list_position (self->pieces.head, end_of_section))
                end_of_section = m->last;
            }
          text = g_strdup_printf ("%-*s:", FANVIL_KEY_COLUMN, list);
          list_mark = g_new0 (Mark, 1);
          list_mark->kind = MARK_LIST;
          list_mark->name = g_strdup (list);
          list_mark->section = g_strdup (section);
          list_mark->last = insert_text_line (self, end_of_section, text, &list_mark->first);
          g_ptr_array_add (self->marks, list_mark);
        }
      after = list_mark->last;
    }
  else
    after = section_mark->last;

  /* Padded as the keys of its module, or else as the file's last key. */
  *key_column = FANVIL_KEY_COLUMN;
  if (self->entries->len > 0)
    *key_column = ((Entry *)g_ptr_array_index (self->entries, self->entries->len - 1))->key_column;
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

static gboolean
fanvil_detect (const char *data,
               gsize       len)
{
  /* Blank lines before the header are read too (parse_lines()). */
  return cfg_starts_with_header (data, len, FANVIL_HEADER);
}

static void
fanvil_init (PhonesetCfgDocument *self)
{
  /* The phones export the header padded with spaces to 62 bytes, and
   * one implementation asserts that header + CRLF must be 64 bytes and
   * that lines end in CRLF [U]. Writing it that way is what a phone's
   * own export looks like, so every firmware reads it. */
  g_autofree char *header = g_strdup_printf ("%-62s\r\n", FANVIL_HEADER "2.0000000000");
  Mark            *mark = g_new0 (Mark, 1);

  self->newline = "\r\n";
  cfg_append_piece (self, header, -1);
  mark->kind = MARK_END;
  mark->first = mark->last = cfg_append_piece (self, FANVIL_END "\r\n", -1);
  g_ptr_array_add (self->marks, mark);
}

static char *
fanvil_lookup_string (const char *section,
                      const char *key,
                      int         idx)
{
  return g_strdup_printf ("%s\x1f%s", section ? section : "", key);
}

static void
fanvil_insert (PhonesetCfgDocument  *self,
               Entry                *entry,
               const PhonesetCfgKey *key)
{
  guint  column;
  GList *after = fanvil_insertion_point (self, key->section ? key->section : "SIP CONFIG MODULE",
                                         key->list, &column);
  g_autofree char *prefix = g_strdup_printf ("%-*s:", column, key->key);
  const char      *ending;

  if (key->section == NULL)
    {
      g_free (entry->pub.section);
      entry->pub.section = g_strdup ("SIP CONFIG MODULE");
    }
  entry->key_column = column;
  ending = cfg_begin_line_after (self, &after, &entry->lead);
  entry->first = cfg_insert_piece_after (self, after, prefix);
  entry->value = cfg_insert_piece_after (self, entry->first, "");
  entry->last = cfg_insert_piece_after (self, entry->value, ending);
}

static void
fanvil_set_value (PhonesetCfgDocument *self,
                  Entry               *entry,
                  const char          *value)
{
  /* "Key   :" with blanks after it, filled in: no blanks after the value. */
  if (entry->pub.value[0] == '\0' && value[0] != '\0' && ((Piece *)entry->value->data)->len == 0)
    cfg_drop_trailing_blanks (entry);
  cfg_set_line_value (entry, value);
}

const PhonesetCfgCodec _phoneset_cfg_codec_fanvil = {
  .name = "fanvil-cfg",
  .detect = fanvil_detect,
  .init = fanvil_init,
  .parse_lines = parse_lines,
  .lookup_string = fanvil_lookup_string,
  .insert = fanvil_insert,
  .set_value = fanvil_set_value,
};
