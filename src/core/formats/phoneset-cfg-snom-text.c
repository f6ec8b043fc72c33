/* phoneset-cfg-snom-text.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * snom's plain-text settings files (firmware 4 to 6; 7 and 8 still read
 * them), served as `.txt` or `.htm`:
 *
 *   <html>
 *   <pre>
 *   # a comment
 *   setting_server$: http://prov.example.org/{mac}
 *   user_name1$: 4711
 *   stun_server1: stun.example.org
 *   </pre>
 *   </html>
 *
 * One `name: value` a line; names are letters, digits and `_`. A flag may
 * follow the name: `$` writable by the user but overwritten by the next
 * provisioning (XML perm="RW"), `!` writable by the user and only written
 * while the user has not changed it, `&` read only (perm="R"), `#` not even
 * shown [V] (snom wiki "Setting Files/XML/Flags"; snom 100 manual, "Setting
 * files"). A line that starts with `#` or `<` is a comment, which lets the
 * file be an HTML page; `;` comments are met in real templates
 * (aelintra/sail's snom templates) and kept as comments too [T].
 *
 * An identity's settings carry its number after the name: `user_name1` is
 * `<user_name idx="1">` [T] (aelintra/sail db_v4_device.sql `user_name1$:`).
 * The format borrows snom XML's names (PhonesetCfgCodec.key_format): the key
 * `user_name` with idx 1 and the line `user_name1` are the same place. A
 * name ending in digits is read as key + idx (`user_name1` → `user_name`, 1)
 * when the digits are a plain number (no leading 0) of up to four digits.
 *
 * The reader is tolerant (other lines and bytes that are not UTF-8 are kept
 * with a warning); a new setting is written `name$: value`, as the XML
 * writer's perm="" means, after the identity's other lines.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"

#define SNOM_FLAGS       "$!&#"
#define MAX_IDX_DIGITS   4
#define DETECT_MAX_LINES 64
#define DETECT_SETTINGS  3

static gboolean
is_comment (const char *start,
            gsize       len)
{
  return len > 0 && (start[0] == '#' || start[0] == '<' || start[0] == ';');
}

/* `name`, an optional flag, `:`. Returns the length of the name (0 if the
 * text is not a setting); *flag is the flag or 0, *colon the `:`. */
static gsize
scan_name (const char  *start,
           gsize        len,
           char        *flag,
           const char **colon)
{
  gsize n = 0;

  while (n < len && (g_ascii_isalnum (start[n]) || start[n] == '_'))
    n++;
  if (n == 0 || n == len)
    return 0;
  *flag = 0;
  if (strchr (SNOM_FLAGS, start[n]) != NULL && start[n] != '\0')
    {
      *flag = start[n];
      if (n + 1 >= len)
        return 0;
    }
  *colon = start + n + (*flag ? 1 : 0);
  return **colon == ':' ? n : 0;
}

/* `user_name1` → `user_name`, 1; a name without a plain number at its end
 * has no index. */
static int
split_index (const char *name,
             gsize       len,
             gsize      *key_len)
{
  gsize digits = 0;
  int   idx = 0;

  while (digits < len && g_ascii_isdigit (name[len - 1 - digits]))
    digits++;
  *key_len = len;
  if (digits == 0 || digits == len || digits > MAX_IDX_DIGITS ||
      (digits > 1 && name[len - digits] == '0'))
    return -1;
  for (gsize i = len - digits; i < len; i++)
    idx = idx * 10 + (name[i] - '0');
  *key_len = len - digits;
  return idx;
}

static char *
text_lookup_string (const char *section,
                    const char *key,
                    int         idx)
{
  if (idx >= 0)
    return g_strdup_printf ("%s%d", key, idx);
  return g_strdup (key);
}

static gboolean
text_parse (PhonesetCfgDocument  *self,
            GArray               *lines,
            GError              **error)
{

  for (guint i = 0; i < lines->len; i++)
    {
      Line       *line = &g_array_index (lines, Line, i);
      const char *start = line->start;
      gsize       l = line->len;
      gboolean    utf8 = g_utf8_validate (line->start, line->len, NULL);
      const char *colon = NULL;
      char        flag = 0;
      gsize       name_len;

      if (i == 0)
        start = cfg_skip_bom (start, &l);
      cfg_trim_span (&start, &l);

      if (l == 0 || is_comment (start, l))
        {
          if (!utf8)
            cfg_warn (self, line->number,
                      _("a comment with bytes that are not UTF-8 text; kept as it is"));
          cfg_add_raw_line (self, line);
          continue;
        }

      name_len = scan_name (start, l, &flag, &colon);
      if (name_len == 0)
        {
          g_autofree char *text = cfg_excerpt (start, l);

          cfg_warn (self, line->number,
                    _("“%s” is not a “name: value” line; kept as it is"), text);
          cfg_add_raw_line (self, line);
          continue;
        }

      {
        const char *value = colon + 1;
        gsize       value_len = (start + l) - value;
        gsize       key_len;
        int         idx = split_index (start, name_len, &key_len);
        Entry      *entry;

        cfg_trim_span (&value, &value_len);
        if (value_len == 0)
          value = start + l;
        entry = cfg_add_value_line (self, line, value, value_len);
        entry->pub.key = g_strndup (start, key_len);
        entry->pub.idx = idx;
        entry->pub.perm = flag ? g_strndup (&flag, 1) : NULL;
        if (!utf8)
          {
            g_free (entry->pub.value);
            entry->pub.value = g_utf8_make_valid (value, value_len);
            g_free (entry->pub.raw);
            entry->pub.raw = g_utf8_make_valid (line->start, line->len);
            cfg_warn (self, line->number,
                      _("the value of “%.*s” has bytes that are not UTF-8 text; they are kept as they are and shown as �"),
                         (int)name_len, start);
          }
        cfg_index_entry (self, entry);
      }
    }

  return TRUE;
}

/* Conservative: the first lines that are not blank or comments (up to
 * three) are all `name: value` with snom's kind of name (lower case, digits,
 * `_`), and one of them has a flag or an `_`. A Yealink key (`a.b = 1`), a
 * Fanvil one (`STUN Server  :x`), a mail or HTTP header (`Content-Type:`)
 * is none. */
static gboolean
text_detect (const char *data,
             gsize       len)
{
  const char *p = data;
  const char *end = data + len;
  guint       settings = 0;
  gboolean    snomish = FALSE;

  for (guint n = 0; p < end && n < DETECT_MAX_LINES && settings < DETECT_SETTINGS; n++)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *start = p;
      gsize       l = (nl ? nl : end) - p;
      const char *colon = NULL;
      char        flag = 0;
      gsize       name_len;

      p = nl ? nl + 1 : end;
      cfg_trim_span (&start, &l);
      if (l == 0 || is_comment (start, l))
        continue;
      name_len = scan_name (start, l, &flag, &colon);
      if (name_len == 0 || !g_ascii_islower (start[0]))
        return FALSE;
      for (gsize i = 0; i < name_len; i++)
        if (g_ascii_isupper (start[i]))
          return FALSE;
      if (flag != 0 || memchr (start, '_', name_len) != NULL)
        snomish = TRUE;
      settings++;
    }
  return settings > 0 && snomish;
}

static void
text_init (PhonesetCfgDocument *self)
{
  /* Nothing is required. */
}

static GList *
last_nonempty_piece (GList *link)
{
  while (link != NULL && ((Piece *)link->data)->len == 0)
    link = link->prev;
  return link;
}

/* Whether a piece (a whole line, when there are no settings) is blank or an
 * HTML end tag: the `</pre></html>` a new setting goes before. */
static gboolean
is_closing_line (Piece *piece)
{
  const char *start = piece->data;
  gsize       len = piece->len;

  cfg_trim_span (&start, &len);
  return len == 0 || (len >= 2 && start[0] == '<' && start[1] == '/');
}

/* The setting that stands last in the file (new ones are not at the end
 * of the entries' array's order). */
static Entry *
last_in_file (PhonesetCfgDocument *self)
{
  g_autoptr(GHashTable) lasts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      g_hash_table_insert (lasts, e->last, e);
    }
  for (GList *l = self->pieces.tail; l != NULL; l = l->prev)
    {
      Entry *e = g_hash_table_lookup (lasts, l);

      if (e != NULL)
        return e;
    }
  return NULL;
}

static GList *
insertion_point (PhonesetCfgDocument   *self,
                 const PhonesetCfgKey  *key,
                 Entry                **neighbour)
{
  GList *after;

  *neighbour = NULL;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (self->entries, i);

      if (key->idx >= 0 && e->pub.idx == key->idx)
        *neighbour = e;
    }
  if (*neighbour == NULL && self->entries->len > 0)
    *neighbour = last_in_file (self);
  if (*neighbour != NULL)
    return (*neighbour)->last;

  /* No settings yet: before the closing tags at the end, if any. */
  after = self->pieces.tail;
  while (after != NULL && is_closing_line (after->data))
    after = after->prev;
  return after; /* NULL: the start of the file */
}

static void
text_insert (PhonesetCfgDocument  *self,
             Entry                *entry,
             const PhonesetCfgKey *key)
{
  Entry           *neighbour;
  GList           *after = insertion_point (self, key, &neighbour);
  GList           *text = last_nonempty_piece (after);
  const char      *sep = ": ";
  g_autofree char *name = text_lookup_string (NULL, key->key, key->idx);
  g_autofree char *prefix = NULL;
  g_autofree char *indent = NULL;

  /* `name$:value` or `name$: value`, as the neighbour has it. */
  if (neighbour != NULL && cfg_piece_ends_with (neighbour->first->data, ":") &&
      ((Piece *)neighbour->value->data)->len > 0)
    sep = ":";
  if (text != NULL && !cfg_piece_ends_with (text->data, "\n"))
    after = cfg_insert_piece_after (self, after, self->newline);
  /* Indented as the neighbour is (files served inside <pre> often are). */
  if (neighbour != NULL)
    {
      Piece *first = neighbour->first->data;
      gsize  n = 0;

      while (n < first->len && (first->data[n] == ' ' || first->data[n] == '\t'))
        n++;
      indent = g_strndup (first->data, n);
    }
  prefix = g_strconcat (indent ? indent : "", name, "$", sep, NULL);
  entry->pub.perm = g_strdup ("$");
  entry->first = cfg_insert_piece_after (self, after, prefix);
  entry->value = cfg_insert_piece_after (self, entry->first, "");
  entry->last = cfg_insert_piece_after (self, entry->value, self->newline);
}

static void
text_set_value (PhonesetCfgDocument *self,
                Entry               *entry,
                const char          *value)
{
  gboolean was_empty = ((Piece *)entry->value->data)->len == 0;

  cfg_set_line_value (entry, value);

  /* A read `name$:` with no value becomes `name$: value`. */
  if (was_empty && entry->pub.line > 0 && value[0] != '\0' &&
      cfg_piece_ends_with (entry->first->data, ":"))
    {
      Piece           *prefix = entry->first->data;
      g_autofree char *spaced = g_strdup_printf ("%.*s ", (int)prefix->len, prefix->data);

      cfg_piece_assign (prefix, spaced);
    }
}

const PhonesetCfgCodec _phoneset_cfg_codec_snom_text = {
  .name = "snom-text",
  .detect = text_detect,
  .init = text_init,
  .parse_lines = text_parse,
  .lookup_string = text_lookup_string,
  .insert = text_insert,
  .set_value = text_set_value,
  .has_key_format = TRUE,
  .key_format = PHONESET_CFG_FORMAT_SNOM_XML,
  .keeps_non_utf8 = TRUE,
};
