/* phoneset-cfg-snom.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * snom XML settings: `<settings><phone-settings><name idx="N" perm="">value</name>…`. [V]
 * New settings go inside <phone-settings>, laid out as the others. Bytes
 * that are not UTF-8 are kept in comments (GMarkup does not read them);
 * anywhere else they are refused, as XML is UTF-8 text.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"
#include "phoneset-error.h"

/* Checks that @data is well-formed XML with a <settings> root (@data is
 * the file with the closing tags the reader repaired, snom_copy()). */
static gboolean
check_xml (const char  *data,
           gsize        len,
           GError     **error)
{
  return cfg_xml_check_well_formed (data, len, G_MARKUP_IGNORE_QUALIFIED, "settings",
                                    _("a snom settings file has <settings>"), error);
}

typedef struct
{
  PhonesetCfgDocument *self;
  const char          *data;
  const char          *end;
  const char          *copied; /* everything before this is in pieces */
  const char          *line_at;
  guint                line;
} SnomScan;

/* Where the comment that starts at @p ends. */
static const char *
comment_end (const char *p,
             const char *end)
{
  const char *close = g_strstr_len (p, end - p, "-->");

  return close ? close + 3 : end;
}

/* The next <phone-settings> start tag from @p that is not self-closing:
 * returns where its content starts, or NULL when there is none. */
static const char *
find_phone_settings (const char *p,
                     const char *end)
{
  while (p < end)
    {
      const char *open = memchr (p, '<', end - p);
      const char *tag_end;

      if (open == NULL)
        return NULL;
      /* Comments, declarations and processing instructions are skipped
       * whole, so that nothing inside them is taken for a setting. */
      if (end - open >= 4 && memcmp (open, "<!--", 4) == 0)
        {
          p = comment_end (open, end);
          continue;
        }
      if (open + 1 < end && (open[1] == '?' || open[1] == '!'))
        {
          p = cfg_passthrough_end (open, end);
          continue;
        }
      /* Any other tag is skipped whole, attributes and all: an attribute
       * value may hold "<" (GMarkup lets it through), and what is in it is
       * no element. */
      tag_end = cfg_find_tag_end (open, end);
      if (tag_end == NULL)
        return NULL;
      p = tag_end + 1;
      if (end - open >= 16 && memcmp (open, "<phone-settings", 15) == 0 &&
          (g_ascii_isspace (open[15]) || open[15] == '>' || open[15] == '/') && tag_end[-1] != '/')
        return p;
    }
  return NULL;
}

/* An empty piece marks where new settings go: before the closing tag at
 * @lt, or before its line if nothing else is on it (the line keeps its
 * indentation). */
static void
mark_insert (SnomScan   *s,
             const char *lt)
{
  const char *at = lt;

  while (at > s->copied && (at[-1] == ' ' || at[-1] == '\t'))
    at--;
  if (at == s->data || at[-1] != '\n')
    at = lt;
  cfg_append_piece (s->self, s->copied, at - s->copied);
  s->copied = at;
  s->self->insert_before = cfg_append_piece (s->self, "", 0);
}

/* The value of the element named [@name, @name + @name_len), which starts
 * at @value_start, ends at the next "<", which must be a closing tag: one
 * of another name (@other) is read as this element's own, as tolerant
 * phones do (templates have such typos), and the check (snom_verify())
 * reads the file with the element's own name there. FALSE for nested
 * elements, or an element left open: not a plain setting. */
static gboolean
find_value_end (const char  *value_start,
                const char  *end,
                const char  *element,
                gsize        element_len,
                const char **value_end,
                const char **after,
                const char **other,
                gsize       *other_len)
{
  const char *name = NULL;
  const char *q;

  *value_end = memchr (value_start, '<', end - value_start);
  if (*value_end != NULL && end - *value_end > 2 && (*value_end)[1] == '/')
    {
      name = *value_end + 2;
      q = name;
      while (q < end && !g_ascii_isspace (*q) && *q != '>' && *q != '<' && *q != '/')
        q++;
      *other_len = q - name;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q == end || *q != '>' || *other_len == 0)
        name = NULL;
      else
        *after = q + 1;
    }
  if (name != NULL && (*other_len != element_len || memcmp (name, element, *other_len) != 0))
    {
      /* Not the end of <phone-settings> or <settings> (an element left
       * open), nor a name that is not text. */
      if ((*other_len == 14 && memcmp (name, "phone-settings", 14) == 0) ||
          (*other_len == 8 && memcmp (name, "settings", 8) == 0) ||
          !g_utf8_validate (name, *other_len, NULL))
        name = NULL;
      else
        *other = name;
    }
  return name != NULL;
}

/* The element [@lt, @gt] inside <phone-settings>, named [@name_start,
 * @name_end): a setting; or, when it holds elements or is left open, kept
 * as it is. Returns where reading goes on. */
static const char *
read_setting (SnomScan   *s,
              const char *lt,
              const char *gt,
              const char *name_start,
              const char *name_end)
{
  PhonesetCfgDocument *self = s->self;
  Entry               *entry;
  g_autofree char     *idx = NULL;
  const char          *value_start = gt + 1;
  const char          *value_end = value_start;
  const char          *after = value_start;
  const char          *other = NULL; /* the name in a closing tag that is not the element's */
  gsize                other_len = 0;
  gboolean             self_closing = gt[-1] == '/';
  guint64              idx_value = 0;

  if (!self_closing && !find_value_end (value_start, s->end, name_start, name_end - name_start,
                                        &value_end, &after, &other, &other_len))
    return gt + 1; /* kept as it is */

  s->line += cfg_count_lines (s->line_at, lt);
  s->line_at = lt;

  entry = g_new0 (Entry, 1);
  cfg_append_piece (self, s->copied, lt - s->copied);
  if (self_closing)
    {
      /* <name attrs/>: the value piece is empty and sits before "/>". */
      entry->first = cfg_append_piece (self, lt, (gt - 1) - lt);
      entry->value = cfg_append_piece (self, "", 0);
      entry->last = cfg_append_piece (self, gt - 1, 2);
      entry->self_closing = TRUE;
    }
  else
    {
      entry->first = cfg_append_piece (self, lt, value_start - lt);
      entry->value = cfg_append_piece (self, value_start, value_end - value_start);
      entry->last = cfg_append_piece (self, value_end, after - value_end);
    }
  s->copied = after;

  idx = cfg_tag_attribute (lt, gt - lt, "idx");
  entry->pub.key = g_strndup (name_start, name_end - name_start);
  entry->pub.perm = cfg_tag_attribute (lt, gt - lt, "perm");
  entry->pub.idx = -1;
  if (idx != NULL && g_ascii_string_to_unsigned (idx, 10, 0, G_MAXINT, &idx_value, NULL))
    entry->pub.idx = (int)idx_value;
  entry->pub.value = cfg_xml_unescape (value_start, value_end - value_start);
  entry->pub.raw = g_strndup (lt, after - lt);
  entry->pub.line = s->line;
  if (other != NULL)
    {
      entry->closed_by_other = TRUE;
      cfg_warn (self, s->line,
                _("line %u: <%s> is closed by </%.*s>; read as %s"), s->line, entry->pub.key,
                   (int)other_len, other, entry->pub.key);
    }
  g_ptr_array_add (self->entries, entry);
  cfg_index_entry (self, entry);
  return after;
}

/* The children of <phone-settings> from @p, one element each, until its
 * end. Returns where reading goes on, or NULL. */
static const char *
read_phone_settings (SnomScan    *s,
                     const char  *p,
                     GError     **error)
{
  const char *end = s->end;

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *name_end, *gt;

      if (lt == NULL)
        return end;
      if (end - lt >= 17 && memcmp (lt, "</phone-settings", 16) == 0 &&
          (lt[16] == '>' || g_ascii_isspace (lt[16])))
        {
          mark_insert (s, lt);
          return lt + 16;
        }
      if (end - lt >= 4 && memcmp (lt, "<!--", 4) == 0)
        {
          p = comment_end (lt, end);
          continue;
        }
      if (lt + 1 < end && (lt[1] == '?' || lt[1] == '!'))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("line %u: a declaration, CDATA section or processing instruction inside <phone-settings>; "
                         "snom settings files have none"),
                          s->line + cfg_count_lines (s->line_at, lt));
          return NULL;
        }
      if (lt + 1 < end && lt[1] == '/')
        {
          p = lt + 1;
          continue;
        }

      gt = cfg_find_tag_end (lt, end);
      if (gt == NULL)
        return end;
      name_end = lt + 1;
      while (name_end < gt && !g_ascii_isspace (*name_end) && *name_end != '/' && *name_end != '>')
        name_end++;
      if (name_end == lt + 1)
        {
          /* Not an element: text the XML parser let through. */
          p = lt + 1;
          continue;
        }
      p = read_setting (s, lt, gt, lt + 1, name_end);
    }
  return p;
}

static gboolean
parse_settings (PhonesetCfgDocument  *self,
                const char           *data,
                gsize                 len,
                GError              **error)
{
  SnomScan s = {
    .self = self, .data = data, .end = data + len, .copied = data, .line_at = data, .line = 1
  };
  const char *p = data;

  while ((p = find_phone_settings (p, s.end)) != NULL)
    {
      p = read_phone_settings (&s, p, error);
      if (p == NULL)
        return FALSE;
    }

  cfg_append_piece (self, s.copied, s.end - s.copied);
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
 * edited wrong.
 *
 * The scanner is tolerant where GMarkup is not: an element closed by a tag
 * of another name (<user_idle_number>1001</user_idle_text>, a typo of
 * Wazo's template) is read as the element the opening tag names, as the
 * phones read it. Both GMarkup checks read the file with those closing
 * tags repaired (snom_copy()), so a tolerant reading is accepted only if,
 * repaired, the file is well-formed and means what the scanner read; the
 * file itself keeps its bytes. */
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
verify_start (GMarkupParseContext  *context,
              const char           *element_name,
              const char          **attribute_names,
              const char          **attribute_values,
              gpointer              user_data,
              GError              **error)
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
verify_end (GMarkupParseContext  *context,
            const char           *element_name,
            gpointer              user_data,
            GError              **error)
{
  SnomVerify *v = user_data;

  if (g_str_has_prefix (v->text->str, SNOM_MARK))
    {
      guint64 i = 0;

      /* (A file that holds the marker text itself is refused too.) */
      if (v->doc->entries->len == 0 ||
          !g_ascii_string_to_unsigned (v->text->str + strlen (SNOM_MARK), 10, 0,
                                       v->doc->entries->len - 1, &i, NULL) ||
          !g_str_equal (((Entry *)g_ptr_array_index (v->doc->entries, i))->pub.key, element_name) ||
          !verify_inside_settings (v) || i != v->found)
        v->bad = TRUE;
      v->found++;
    }
  g_ptr_array_set_size (v->stack, v->stack->len - 1);
  g_string_truncate (v->text, 0);
}

static void
verify_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 text_len,
             gpointer              user_data,
             GError              **error)
{
  SnomVerify *v = user_data;

  g_string_append_len (v->text, text, text_len);
}

/* The file as the checks read it: with each closing tag of another name
 * (Entry.closed_by_other) given the element's own, and with @markers, each
 * setting's value a marker and a marker element where new settings go. */
static GString *
snom_copy (PhonesetCfgDocument *self,
           gboolean             markers)
{
  g_autoptr(GHashTable) values = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) closings = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) skip = g_hash_table_new (NULL, NULL);
  GString *copy = g_string_new (NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (markers)
        g_hash_table_insert (values, entry->value, GUINT_TO_POINTER (i + 1));
      if (markers && entry->self_closing)
        g_hash_table_insert (skip, entry->last, entry);
      if (entry->closed_by_other)
        g_hash_table_insert (closings, entry->last, entry);
    }
  for (GList *l = self->pieces.head; l != NULL; l = l->next)
    {
      Piece *piece = l->data;
      guint  i = GPOINTER_TO_UINT (g_hash_table_lookup (values, l));
      Entry *entry = g_hash_table_lookup (closings, l);

      if (markers && l == self->insert_before)
        g_string_append (copy, "<" SNOM_INSERT_MARK "/>");
      if (g_hash_table_contains (skip, l))
        continue;
      if (entry != NULL)
        {
          /* "</other" becomes "</name"; what follows the name (blanks,
           * line breaks, ">") stays, and so do the line numbers. */
          gsize n = 2;

          while (n < piece->len && !g_ascii_isspace (piece->data[n]) && piece->data[n] != '>')
            n++;
          g_string_append_printf (copy, "</%s", entry->pub.key);
          g_string_append_len (copy, piece->data + n, piece->len - n);
          continue;
        }
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
  return copy;
}

static gboolean
snom_verify (PhonesetCfgDocument  *self,
             GError              **error)
{
  static const GMarkupParser parser = { verify_start, verify_end, verify_text, NULL, NULL };
  g_autoptr(GString) copy = snom_copy (self, TRUE);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  SnomVerify v = { self, stack, text, 0, FALSE, FALSE };
  gboolean   parsed;

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

/* GMarkup reads comments (and declarations and processing instructions)
 * without a look at their bytes; what is not UTF-8 there is kept, and said
 * once. Everywhere else check_xml() refused it. */
static void
warn_not_utf8 (PhonesetCfgDocument *self,
               const char          *data,
               gsize                len)
{
  const char *bad = NULL;

  if (!g_utf8_validate (data, len, &bad))
    {
      guint line = 1 + cfg_count_lines (data, bad);

      cfg_warn (self, line,
                _("line %u: bytes that are not UTF-8 text outside any setting; kept as they are"),
                   line);
    }
}

static gboolean
snom_parse (PhonesetCfgDocument  *self,
            const char           *data,
            gsize                 len,
            GError              **error)
{
  g_autoptr(GArray) lines = cfg_split_lines (data, MIN (len, 4096));
  g_autoptr(GString) repaired = NULL;

  cfg_note_newline (self, lines);
  if (!parse_settings (self, data, len, error))
    return FALSE;
  repaired = snom_copy (self, FALSE);
  if (!check_xml (repaired->str, repaired->len, error))
    return FALSE;
  if (self->insert_before == NULL)
    {
      g_set_error (
        error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
        _("the file has no <phone-settings> element; nothing in it is a phone setting"));
      return FALSE;
    }
  warn_not_utf8 (self, data, len);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      /* (GMarkup checked them, but for a repaired closing tag's name.) */
      if (!g_utf8_validate (entry->pub.raw, -1, NULL) ||
          !g_utf8_validate (entry->pub.value, -1, NULL))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("line %u: text that is not UTF-8; a snom XML file must be UTF-8 text (only its comments may hold other bytes)"),
                          entry->pub.line);
          return FALSE;
        }
    }
  return snom_verify (self, error);
}

static gboolean
snom_detect (const char *data,
             gsize       len)
{
  while (len > 0 && g_ascii_isspace (*data))
    data++, len--;
  return len > 0 && *data == '<' && g_strstr_len (data, MIN (len, 4096), "<settings") != NULL;
}

static void
snom_init (PhonesetCfgDocument *self)
{
  cfg_append_piece (
    self, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<settings>\n<phone-settings>\n", -1);
  self->insert_before = cfg_append_piece (self, "", 0);
  cfg_append_piece (self, "</phone-settings>\n</settings>\n", -1);
}

static char *
snom_lookup_string (const char *section,
                    const char *key,
                    int         idx)
{
  return g_strdup_printf ("%s\x1f%d", key, idx);
}

/* The blanks before @piece back to the line break; NULL if something
 * else stands before it on its line. */
static char *
line_indent (GList *piece)
{
  GString *blanks = g_string_new (NULL);

  for (GList *l = piece ? piece->prev : NULL; l != NULL; l = l->prev)
    {
      Piece *p = l->data;

      for (gsize n = p->len; n > 0; n--)
        {
          char c = p->data[n - 1];

          if (c == '\n')
            goto done;
          if (c != ' ' && c != '\t')
            {
              g_string_free (blanks, TRUE);
              return NULL;
            }
          g_string_prepend_c (blanks, c);
        }
    }
done:
  return g_string_free (blanks, FALSE);
}

/* The indentation most settings that start a line have (the last one of
 * those most common), or NULL if none starts a line. */
static char *
settings_indent (PhonesetCfgDocument *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      char  *indent = line_indent (entry->first);
      guint  count;

      if (indent == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, indent)) + 1;
      if (count >= best_count)
        {
          g_free (best);
          best = g_strdup (indent);
          best_count = count;
        }
      g_hash_table_replace (counts, indent, GUINT_TO_POINTER (count));
    }
  return best;
}

static void
snom_insert (PhonesetCfgDocument  *self,
             Entry                *entry,
             const PhonesetCfgKey *key)
{
  GList           *before = self->insert_before;
  g_autofree char *prefix = NULL;
  g_autofree char *close = NULL;
  g_autofree char *indent = settings_indent (self);

  if (key->idx >= 0)
    prefix = g_strdup_printf ("<%s idx=\"%d\" perm=\"\">", key->key, key->idx);
  else
    prefix = g_strdup_printf ("<%s perm=\"\">", key->key);

  if (cfg_ends_line (before->prev))
    {
      /* </phone-settings> starts its line: a line of its own before it,
       * indented as the other settings (or, with none, one step further
       * than </phone-settings>, as it is from <settings>). */
      if (indent == NULL)
        {
          Piece *next = before->next ? before->next->data : NULL;
          gsize  n = 0;

          while (next != NULL && n < next->len && (next->data[n] == ' ' || next->data[n] == '\t'))
            n++;
          indent = g_strdup_printf ("%.*s%.*s", (int)n, next ? next->data : "", (int)n,
                                    next ? next->data : "");
        }
      if (indent[0] != '\0')
        entry->lead = cfg_insert_piece_before (self, before, indent);
      close = g_strdup_printf ("</%s>%s", key->key, self->newline);
    }
  else
    {
      /* On the line of the last setting: on a line of its own if the
       * settings start lines, else after it. */
      if (indent != NULL)
        {
          g_autofree char *lead = g_strconcat (self->newline, indent, NULL);

          entry->lead = cfg_insert_piece_before (self, before, lead);
        }
      close = g_strdup_printf ("</%s>", key->key);
    }
  entry->first = cfg_insert_piece_before (self, before, prefix);
  entry->value = cfg_insert_piece_before (self, before, "");
  entry->last = cfg_insert_piece_before (self, before, close);
  entry->pub.perm = g_strdup ("");
}

static void
snom_set_value (PhonesetCfgDocument *self,
                Entry               *entry,
                const char          *value)
{
  Piece           *piece = entry->value->data;

  g_autofree char *escaped = cfg_xml_escape (value);

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
      cfg_piece_assign (first, open);
      cfg_piece_assign (last, close);
      entry->self_closing = FALSE;
    }
  cfg_piece_assign (piece, escaped);
}

const PhonesetCfgCodec _phoneset_cfg_codec_snom_xml = {
  .name = "snom-xml",
  .detect = snom_detect,
  .init = snom_init,
  .parse = snom_parse,
  .lookup_string = snom_lookup_string,
  .insert = snom_insert,
  .set_value = snom_set_value,
};
