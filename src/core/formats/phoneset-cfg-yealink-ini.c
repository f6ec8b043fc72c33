/* phoneset-cfg-yealink-ini.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Yealink's old INI provisioning files (SIP-T2x, T28P, VP530 and their OEM
 * twins with firmware before x.70):
 *
 *   [ account ]
 *   path = /config/voip/sipAccount0.cfg
 *   Enable = 1
 *   UserName = 4711
 *
 *   [ NAT ]
 *   path = /config/voip/sipAccount0.cfg
 *   STUNServer = stun.example.org
 *
 * A section names one of the phone's own files in its `path` line; its
 * `Key = value` lines go in that file's section of the same name. The same
 * section repeats once per account (`sipAccount0.cfg` is account 1), and
 * sections of different names share a path, so a value's place is (path,
 * section, key). `#` and `;` start comments; a `#!version:1.0.0.1` first line
 * is one of them. [T] provisioner/Provisioner@005096c5:endpoint/yealink/t2x/$mac.cfg,
 * xrobau/elastix@f9196f0f:…/tpl/Yealink_local_reference.tpl (the same file
 * under /yealink/config/, the older firmware's tree)
 *
 * In a PhonesetCfgKey: section = the name in brackets, list = the path,
 * key = the key. Section and key names compare without regard to case (the
 * templates write `UserName` and `Username`, `password` and `Password`) [U];
 * paths compare exactly, but for a leading `/yealink` [T].
 *
 * The reader is tolerant: a line that is neither a section, a setting nor a
 * comment, and bytes that are not UTF-8, are kept as they are with a
 * warning. The writer puts a new key at the end of its section, a new
 * section at the end of the file, in the style of the file's own lines.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"

/* How far detection looks for the first section's path line. */
#define DETECT_MAX_LINES 64

/* The older T2x firmware keeps its tree under /yealink/config/, the later
 * under /config/: the same files. */
#define OLD_TREE "/yealink"

static const char *
drop_old_tree (const char *path)
{
  if (path != NULL && g_str_has_prefix (path, OLD_TREE "/config/"))
    return path + strlen (OLD_TREE);
  return path ? path : "";
}

static char *
ini_lookup_string_list (const char *section,
                        const char *list,
                        const char *key,
                        int         idx)
{
  g_autofree char *lower_section = g_ascii_strdown (section ? section : "", -1);
  g_autofree char *lower_key = g_ascii_strdown (key, -1);

  return g_strdup_printf ("%s\x1f%s\x1f%s", drop_old_tree (list), lower_section, lower_key);
}

static char *
ini_lookup_string (const char *section,
                   const char *key,
                   int         idx)
{
  return ini_lookup_string_list (section, NULL, key, idx);
}

/* Text of the file for an entry or a message: always valid UTF-8. */
static char *
valid_text (const char *start,
            gsize       len)
{
  return g_utf8_make_valid (start, len);
}

static gboolean
is_path_key (const char *key,
             gsize       len)
{
  return len == 4 && g_ascii_strncasecmp (key, "path", 4) == 0;
}

/* The entries of a section get its path (which may come after them) and go
 * into the index once the section has ended. */
static void
end_section (PhonesetCfgDocument *self,
             Mark                *mark,
             guint                first_entry)
{
  for (guint i = first_entry; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      entry->list = g_strdup (mark ? mark->section : NULL);
      cfg_index_entry (self, entry);
    }
}

static void
add_section (PhonesetCfgDocument  *self,
             const Line           *line,
             const char           *name,
             gsize                 name_len,
             Mark                **mark)
{
  *mark = g_new0 (Mark, 1);
  (*mark)->kind = MARK_SECTION;
  (*mark)->name = g_strndup (name, name_len);
  cfg_add_raw_line (self, line);
  (*mark)->first = (*mark)->last = self->pieces.tail;
  g_ptr_array_add (self->marks, *mark);
}

static void
add_setting (PhonesetCfgDocument *self,
             const Line          *line,
             gboolean             utf8,
             Mark                *section,
             const char          *key,
             gsize                key_len,
             const char          *value,
             gsize                value_len)
{
  Entry *entry = cfg_add_value_line (self, line, value, value_len);

  entry->pub.key = valid_text (key, key_len);
  entry->pub.section = g_strdup (section ? section->name : NULL);
  entry->mark = section;
  if (!utf8)
    {
      g_free (entry->pub.value);
      entry->pub.value = valid_text (value, value_len);
      g_free (entry->pub.raw);
      entry->pub.raw = valid_text (line->start, line->len);
      cfg_warn (
        self, line->number,
        _("“%s” has bytes that are not UTF-8 text; they are kept as they are and shown as �"),
           entry->pub.key);
    }
  if (section == NULL)
    cfg_warn (self, line->number,
              _("“%s” stands before any [section]; no phone file is named for it"),
                 entry->pub.key);
}

static gboolean
ini_parse (PhonesetCfgDocument  *self,
           GArray               *lines,
           GError              **error)
{
  Mark *section = NULL;
  guint first_entry = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line       *line = &g_array_index (lines, Line, i);
      const char *start = line->start;
      gsize       l = line->len;
      gboolean    utf8 = g_utf8_validate (line->start, line->len, NULL);
      const char *eq;

      if (i == 0)
        start = cfg_skip_bom (start, &l);
      cfg_trim_span (&start, &l);

      if (l == 0 || start[0] == '#' || start[0] == ';')
        {
          if (!utf8)
            cfg_warn (self, line->number,
                      _("a comment with bytes that are not UTF-8 text; kept as it is"));
          cfg_add_raw_line (self, line);
          continue;
        }

      if (start[0] == '[')
        {
          const char *name = start + 1;
          gsize       name_len = l >= 2 ? l - 2 : 0;

          cfg_trim_span (&name, &name_len);
          if (l >= 2 && start[l - 1] == ']' && name_len > 0 && utf8)
            {
              end_section (self, section, first_entry);
              add_section (self, line, name, name_len, &section);
              first_entry = self->entries->len;
            }
          else
            {
              g_autofree char *text = cfg_excerpt (start, l);

              cfg_warn (self, line->number,
                        _("“%s” is not a [section] line; it is kept as it is, and the lines after it stay in the section before"),
                           text);
              cfg_add_raw_line (self, line);
            }
          continue;
        }

      eq = memchr (start, '=', l);
      if (eq == NULL || eq == start)
        {
          g_autofree char *text = cfg_excerpt (start, l);

          cfg_warn (self, line->number,
                    _("“%s” is neither a [section] nor a “key = value” line; kept as it is"),
                       text);
          cfg_add_raw_line (self, line);
          continue;
        }

      {
        const char *key = start;
        gsize       key_len = eq - start;
        const char *value = eq + 1;
        gsize       value_len = (start + l) - value;

        cfg_trim_span (&key, &key_len);
        cfg_trim_span (&value, &value_len);
        if (value_len == 0)
          value = start + l; /* empty: at the end of the line's text */

        if (section != NULL && is_path_key (key, key_len))
          {
            if (section->section == NULL)
              {
                section->section = valid_text (value, value_len);
                cfg_add_raw_line (self, line);
                section->last = self->pieces.tail;
                if (!utf8)
                  cfg_warn (self, line->number,
                            _("the path has bytes that are not UTF-8 text; kept as they are"));
              }
            else
              {
                cfg_warn (self, line->number,
                          _("a second path in [ %s ]; the phone's own reading is not known, Phoneset uses the first, “%s”"),
                             section->name, section->section);
                cfg_add_raw_line (self, line);
              }
            continue;
          }

        add_setting (self, line, utf8, section, key, key_len, value, value_len);
      }
    }
  end_section (self, section, first_entry);

  return TRUE;
}

/* A file whose first line that is not blank or a comment is a `[section]`,
 * and whose first section has a `path = /…` line. */
static gboolean
ini_detect (const char *data,
            gsize       len)
{
  const char *p = data;
  const char *end = data + len;
  gboolean    in_section = FALSE;

  for (guint n = 0; p < end && n < DETECT_MAX_LINES; n++)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *start = p;
      gsize       l = (nl ? nl : end) - p;
      const char *eq;

      p = nl ? nl + 1 : end;
      cfg_trim_span (&start, &l);
      if (l == 0 || start[0] == '#' || start[0] == ';')
        continue;
      if (start[0] == '[')
        {
          if (in_section || l < 3 || start[l - 1] != ']')
            return FALSE;
          in_section = TRUE;
          continue;
        }
      if (!in_section || (eq = memchr (start, '=', l)) == NULL)
        return FALSE;
      {
        const char *key = start;
        gsize       key_len = eq - start;
        const char *value = eq + 1;
        gsize       value_len = (start + l) - value;

        cfg_trim_span (&key, &key_len);
        cfg_trim_span (&value, &value_len);
        if (is_path_key (key, key_len))
          return value_len > 0 && value[0] == '/';
      }
    }
  return FALSE;
}

static void
ini_init (PhonesetCfgDocument *self)
{
  /* Nothing is required: no header, no end marker. */
}

/* The last bytes of the document (up to 4), to see how it ends. */
static gsize
tail_bytes (PhonesetCfgDocument *self,
            char                 buf[4])
{
  gsize n = 0;

  for (GList *l = self->pieces.tail; l != NULL && n < 4; l = l->prev)
    {
      Piece *piece = l->data;

      for (gsize i = piece->len; i > 0 && n < 4; i--)
        {
          memmove (buf + 1, buf, n);
          buf[0] = piece->data[i - 1];
          n++;
        }
    }
  return n;
}

static GList *
last_nonempty_piece (GList *link)
{
  while (link != NULL && ((Piece *)link->data)->len == 0)
    link = link->prev;
  return link;
}

/* A new line goes after @after; if that ends without a line break (the end
 * of the file), one is added first. Returns the piece to insert after. */
static GList *
line_break_after (PhonesetCfgDocument *self,
                  GList               *after)
{
  GList *text = last_nonempty_piece (after);

  if (text != NULL && !cfg_piece_ends_with (text->data, "\n"))
    return cfg_insert_piece_after (self, after, self->newline);
  return after;
}

/* " = " or "=", as the neighbour writes it. */
static const char *
separator_like (Entry *neighbour)
{
  Piece      *prefix;
  const char *eq;

  if (neighbour == NULL)
    return " = ";
  prefix = neighbour->first->data;
  eq = prefix->len > 0 ? memchr (prefix->data, '=', prefix->len) : NULL;
  if (eq != NULL && eq > prefix->data && !g_ascii_isspace (eq[-1]))
    return "=";
  return " = ";
}

static Mark *
find_section (PhonesetCfgDocument *self,
              const char          *name,
              const char          *path)
{
  for (guint i = self->marks->len; i > 0; i--)
    {
      Mark *mark = g_ptr_array_index (self->marks, i - 1);

      if (mark->kind == MARK_SECTION && g_ascii_strcasecmp (mark->name, name) == 0 &&
          g_str_equal (drop_old_tree (mark->section), drop_old_tree (path)))
        return mark;
    }
  return NULL;
}

/* A new section at the end of the file, written like the file's last one:
 * `[ NAT ]` or `[NAT]`, `path = …` or `path=…`, a blank line before it. */
static Mark *
add_new_section (PhonesetCfgDocument *self,
                 const char          *name,
                 const char          *path)
{
  Mark            *last = NULL;
  Mark            *mark = g_new0 (Mark, 1);
  const char      *path_prefix = "path = ";
  g_autofree char *prefix_copy = NULL;
  gboolean         old_tree = FALSE;
  gboolean         spaced = TRUE;
  g_autofree char *header = NULL;
  char             end[4];
  gsize            n = tail_bytes (self, end);
  GList           *after = self->pieces.tail;

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *m = g_ptr_array_index (self->marks, i);

      if (m->kind != MARK_SECTION)
        continue;
      last = m;
      if (m->section != NULL && g_str_has_prefix (m->section, OLD_TREE "/config/"))
        old_tree = TRUE;
      if (m->last != m->first)
        {
          Piece      *line = m->last->data;
          const char *eq = memchr (line->data, '=', line->len);
          const char *v = eq ? eq + 1 : line->data;

          while (v < line->data + line->len && (*v == ' ' || *v == '\t'))
            v++;
          g_clear_pointer (&prefix_copy, g_free);
          prefix_copy = g_strndup (line->data, v - line->data);
          path_prefix = prefix_copy;
        }
    }
  if (last != NULL)
    {
      Piece      *line = last->first->data;
      const char *bracket = memchr (line->data, '[', line->len);

      spaced = bracket == NULL || bracket + 1 >= line->data + line->len || bracket[1] == ' ';
    }

  if (n > 0 && end[n - 1] != '\n')
    after = cfg_insert_piece_after (self, after, self->newline);
  if (n > 0 && !(n >= 2 && end[n - 2] == '\n') &&
      !(n >= 3 && end[n - 3] == '\n' && end[n - 2] == '\r'))
    after = cfg_insert_piece_after (self, after, self->newline);

  header = g_strdup_printf (spaced ? "[ %s ]%s" : "[%s]%s", name, self->newline);
  mark->kind = MARK_SECTION;
  mark->name = g_strdup (name);
  mark->first = mark->last = cfg_insert_piece_after (self, after, header);
  if (path != NULL)
    {
      gboolean         prefix_tree = old_tree && g_str_has_prefix (path, "/config/");
      g_autofree char *line =
        g_strconcat (path_prefix, prefix_tree ? OLD_TREE : "", path, self->newline, NULL);

      mark->section = g_strconcat (prefix_tree ? OLD_TREE : "", path, NULL);
      mark->last = cfg_insert_piece_after (self, mark->first, line);
    }
  g_ptr_array_add (self->marks, mark);
  return mark;
}

static void
ini_insert (PhonesetCfgDocument  *self,
            Entry                *entry,
            const PhonesetCfgKey *key)
{
  Mark            *mark = NULL;
  Entry           *neighbour = NULL;
  GList           *after = NULL;
  g_autofree char *prefix = NULL;

  if (key->section == NULL)
    {
      /* A key outside any section: after the others, before the first
       * section. No path belongs to it. */
      g_clear_pointer (&entry->list, g_free);
      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *e = g_ptr_array_index (self->entries, i);

          if (e->mark == NULL)
            neighbour = e;
        }
      if (neighbour != NULL)
        after = neighbour->last;
      else if (self->marks->len > 0)
        after = ((Mark *)g_ptr_array_index (self->marks, 0))->first->prev; /* NULL: the start */
      else
        after = self->pieces.tail;
    }
  else
    {
      mark = find_section (self, key->section, key->list);
      if (mark == NULL)
        mark = add_new_section (self, key->section, key->list);
      after = mark->last;
      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *e = g_ptr_array_index (self->entries, i);

          if (e->mark == mark)
            {
              neighbour = e;
              after = e->last;
            }
        }
    }

  if (neighbour == NULL && self->entries->len > 0)
    neighbour = g_ptr_array_index (self->entries, self->entries->len - 1);
  entry->mark = mark;
  if (after != NULL)
    after = line_break_after (self, after);
  prefix = g_strconcat (key->key, separator_like (neighbour), NULL);
  entry->first = cfg_insert_piece_after (self, after, prefix);
  entry->value = cfg_insert_piece_after (self, entry->first, "");
  entry->last = cfg_insert_piece_after (self, entry->value, self->newline);
}

static void
ini_set_value (PhonesetCfgDocument *self,
               Entry               *entry,
               const char          *value)
{
  cfg_set_line_value (entry, value);

  /* `Key =` with an empty value becomes `Key = value`, not `Key =value`. */
  if (value[0] != '\0' && cfg_piece_ends_with (entry->first->data, " ="))
    {
      Piece           *prefix = entry->first->data;
      g_autofree char *spaced = g_strdup_printf ("%.*s ", (int)prefix->len, prefix->data);

      cfg_piece_assign (prefix, spaced);
    }
}

const PhonesetCfgCodec _phoneset_cfg_codec_yealink_ini = {
  .name = "yealink-ini",
  .detect = ini_detect,
  .init = ini_init,
  .parse_lines = ini_parse,
  .lookup_string = ini_lookup_string,
  .lookup_string_list = ini_lookup_string_list,
  .insert = ini_insert,
  .set_value = ini_set_value,
  .keeps_non_utf8 = TRUE,
};
