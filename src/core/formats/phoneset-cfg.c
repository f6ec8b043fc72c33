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
 * endings survive any edit. New keys are inserted where the vendor puts them,
 * in the style of their neighbours.
 *
 * This file holds what every format shares (pieces, entries, lines, the
 * public API); each format is a codec of its own (phoneset-cfg-*.c, see
 * PhonesetCfgCodec in phoneset-cfg-private.h).
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"
#include "phoneset-error.h"

/* Formats ------------------------------------------------------------- */

/**
 * cfg_starts_with_header:
 * @data: a file
 * @len: its length
 * @header: the line a format's files start with
 *
 * Whether @data starts with @header, blank lines and white space before it
 * allowed (the readers read them too).
 */
gboolean
cfg_starts_with_header (const char *data,
                        gsize       len,
                        const char *header)
{
  gsize n = strlen (header);

  while (len > 0 && g_ascii_isspace (*data))
    data++, len--;
  return len >= n && memcmp (data, header, n) == 0;
}

static const PhonesetCfgCodec *codecs[] = {
  [PHONESET_CFG_FORMAT_YEALINK] = &_phoneset_cfg_codec_yealink,
  [PHONESET_CFG_FORMAT_FANVIL] = &_phoneset_cfg_codec_fanvil,
  [PHONESET_CFG_FORMAT_SNOM_XML] = &_phoneset_cfg_codec_snom_xml,
  [PHONESET_CFG_FORMAT_YEALINK_INI] = &_phoneset_cfg_codec_yealink_ini,
  [PHONESET_CFG_FORMAT_SNOM_TEXT] = &_phoneset_cfg_codec_snom_text,
  [PHONESET_CFG_FORMAT_FANVIL_XML] = &_phoneset_cfg_codec_fanvil_xml,
  [PHONESET_CFG_FORMAT_SNOM_C520] = &_phoneset_cfg_codec_snom_c520,
  [PHONESET_CFG_FORMAT_GRANDSTREAM_XML] = &_phoneset_cfg_codec_grandstream_xml,
  [PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT] = &_phoneset_cfg_codec_grandstream_text,
  [PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML] = &_phoneset_cfg_codec_grandstream_alias_xml,
  [PHONESET_CFG_FORMAT_POLY_XML] = &_phoneset_cfg_codec_poly_xml,
};

/* The order formats are told apart in, the more specific first: a snom
 * C520 file holds <settings>, as a snom desk phone's does; a Yealink INI
 * file may begin with the same `#!version:1.0.0.1` line as a Yealink CFG
 * file, so its test (a `[ section ]` first) comes before that one; snom's
 * plain text, the loosest test, comes last. */
static const PhonesetCfgFormat detect_order[] = {
  PHONESET_CFG_FORMAT_FANVIL_XML,
  PHONESET_CFG_FORMAT_GRANDSTREAM_XML,
  PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML,
  PHONESET_CFG_FORMAT_SNOM_C520,
  PHONESET_CFG_FORMAT_POLY_XML,
  PHONESET_CFG_FORMAT_YEALINK_INI,
  PHONESET_CFG_FORMAT_YEALINK,
  PHONESET_CFG_FORMAT_FANVIL,
  PHONESET_CFG_FORMAT_SNOM_XML,
  PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT,
  PHONESET_CFG_FORMAT_SNOM_TEXT,
};

G_STATIC_ASSERT (G_N_ELEMENTS (detect_order) == G_N_ELEMENTS (codecs));

/**
 * phoneset_cfg_format_to_string:
 * @format: a #PhonesetCfgFormat
 *
 * Returns: the name profiles use for @format (`yealink-cfg`, `fanvil-cfg`, `snom-xml`,
 *   `yealink-ini`, `snom-text`, `fanvil-xml`, `snom-c520-xml`,
 *   `grandstream-xml`, `grandstream-text`, `grandstream-alias-xml`, `poly-xml`)
 */
const char *
phoneset_cfg_format_to_string (PhonesetCfgFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (codecs), NULL);

  return codecs[format]->name;
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
  for (guint i = 0; i < G_N_ELEMENTS (codecs); i++)
    if (g_strcmp0 (text, codecs[i]->name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * phoneset_cfg_dup_format_names:
 *
 * Returns: (transfer full): the names of every file format, as profiles
 *   write them, separated by ", "
 */
char *
phoneset_cfg_dup_format_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (codecs); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", codecs[i]->name);
  return g_string_free (names, FALSE);
}

const char *
cfg_skip_bom (const char *data,
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
 * phoneset_cfg_format_get_key_format:
 * @format: a file format
 * @key_format: (out): the format whose keys profiles give for @format
 *
 * Some formats write the same settings under the same names as another:
 * snom's plain-text settings use the element names of its XML. A profile
 * that gives keys for that other format reads and writes this one too.
 *
 * Returns: %TRUE if @format borrows another format's keys
 */
gboolean
phoneset_cfg_format_get_key_format (PhonesetCfgFormat  format,
                                    PhonesetCfgFormat *key_format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (codecs), FALSE);

  if (!codecs[format]->has_key_format)
    return FALSE;
  *key_format = codecs[format]->key_format;
  return TRUE;
}

/**
 * phoneset_cfg_detect_format:
 * @data: the start of a file
 * @len: its length
 * @format: (out): the format
 *
 * Tells the format from the file's first bytes. The formats that are more
 * specific than another (a snom C520 file also holds <settings>) are tried
 * first.
 *
 * Returns: %TRUE if the file looks like one of the formats
 */
gboolean
phoneset_cfg_detect_format (const char        *data,
                            gsize              len,
                            PhonesetCfgFormat *format)
{
  const char *p = cfg_skip_bom (data, &len);

  for (guint i = 0; i < G_N_ELEMENTS (detect_order); i++)
    if (codecs[detect_order[i]]->detect (p, len))
      {
        *format = detect_order[i];
        return TRUE;
      }
  return FALSE;
}

/* Pieces and entries -------------------------------------------------- */

void
cfg_piece_free (gpointer data)
{
  Piece *piece = data;

  g_free (piece->owned);
  g_slice_free (Piece, piece);
}

Piece *
cfg_piece_new_owned (const char *text)
{
  Piece *piece = g_slice_new0 (Piece);

  piece->owned = g_strdup (text);
  piece->data = piece->owned;
  piece->len = strlen (text);
  return piece;
}

void
cfg_piece_assign (Piece      *piece,
                  const char *text)
{
  char *copy = g_strdup (text);

  g_free (piece->owned);
  piece->owned = copy;
  piece->data = copy;
  piece->len = strlen (copy);
}

gboolean
cfg_piece_ends_with (Piece      *piece,
                     const char *suffix)
{
  gsize n = strlen (suffix);

  return piece->len >= n && memcmp (piece->data + piece->len - n, suffix, n) == 0;
}

void
cfg_entry_free (gpointer data)
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

void
cfg_mark_free (gpointer data)
{
  Mark *mark = data;

  g_free (mark->name);
  g_free (mark->section);
  g_free (mark);
}

static char *
lookup_string (PhonesetCfgDocument *self,
               const char          *section,
               const char          *list,
               const char          *key,
               int                  idx)
{
  if (self->codec->lookup_string_list != NULL)
    return self->codec->lookup_string_list (section, list, key, idx);
  return self->codec->lookup_string (section, key, idx);
}

/* Appends a piece of the source at the end of the document. */
GList *
cfg_append_piece (PhonesetCfgDocument *self,
                  const char          *text,
                  gssize               len)
{
  Piece *piece;

  if (len < 0)
    piece = cfg_piece_new_owned (text);
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
GList *
cfg_insert_piece_before (PhonesetCfgDocument *self,
                         GList               *sibling,
                         const char          *text)
{
  Piece *piece = cfg_piece_new_owned (text);

  if (sibling == NULL)
    {
      g_queue_push_tail (&self->pieces, piece);
      return self->pieces.tail;
    }
  g_queue_insert_before (&self->pieces, sibling, piece);
  return sibling->prev;
}

GList *
cfg_insert_piece_after (PhonesetCfgDocument *self,
                        GList               *sibling,
                        const char          *text)
{
  Piece *piece = cfg_piece_new_owned (text);

  if (sibling == NULL)
    {
      g_queue_push_head (&self->pieces, piece);
      return self->pieces.head;
    }
  g_queue_insert_after (&self->pieces, sibling, piece);
  return sibling->next;
}

char *
cfg_join_pieces (GList    *first,
                 GList    *last,
                 gboolean  strip_newline)
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

void
cfg_index_entry (PhonesetCfgDocument *self,
                 Entry               *entry)
{
  g_hash_table_replace (
    self->index,
    lookup_string (self, entry->pub.section, entry->list, entry->pub.key, entry->pub.idx), entry);
}

void
cfg_rebuild_index (PhonesetCfgDocument *self)
{
  g_hash_table_remove_all (self->index);
  for (guint i = 0; i < self->entries->len; i++)
    cfg_index_entry (self, g_ptr_array_index (self->entries, i));
}

static void
warning_free (gpointer data)
{
  PhonesetCfgWarning *warning = data;

  g_free (warning->message);
  g_free (warning);
}

/* Notes something odd that the reader kept (the message is made valid
 * UTF-8: it may quote the file). */
void
cfg_warn (PhonesetCfgDocument *self, guint line, const char *format, ...)
{
  PhonesetCfgWarning *warning = g_new0 (PhonesetCfgWarning, 1);
  g_autofree char    *text = NULL;
  va_list             args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  warning->line = line;
  warning->message = g_utf8_make_valid (text, -1);
  g_ptr_array_add (self->warnings, warning);
}

static PhonesetCfgDocument *
document_new (PhonesetCfgFormat format)
{
  PhonesetCfgDocument *self = g_new0 (PhonesetCfgDocument, 1);

  g_return_val_if_fail (format < G_N_ELEMENTS (codecs), NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->format = format;
  self->codec = codecs[format];
  g_queue_init (&self->pieces);
  self->entries = g_ptr_array_new_with_free_func (cfg_entry_free);
  self->marks = g_ptr_array_new_with_free_func (cfg_mark_free);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->warnings = g_ptr_array_new_with_free_func (warning_free);
  self->newline = "\n";
  return self;
}

/* Lines --------------------------------------------------------------- */

/* Splits @data into lines, each with its own ending kept. */
GArray *
cfg_split_lines (const char *data,
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

/* Refuses what is not text at all: a file with a NUL byte (every binary
 * format has them, and so has UTF-16 text, which phones do not read).
 * Bytes that are not UTF-8 are not refused here: comments in a file
 * written in another encoding (Yealink's own templates have GBK quote
 * marks in them) are kept as they are, and each codec decides what it can
 * read (the values it edits must be UTF-8 text). Nor are control
 * characters: a stray one in a comment is no reason to refuse a file, and
 * a rule by their number would refuse a file after an edit that shortened
 * it. */
static gboolean
check_text (const char  *data,
            gsize        len,
            gboolean     keeps_non_utf8,
            GError     **error)
{
  const char *nul;
  guint       line = 1;

  if (len > PHONESET_CFG_MAX_SIZE)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("the file is larger than %u MiB; no phone reads such a file"),
                      PHONESET_CFG_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (len >= 2 && (((guchar)data[0] == 0xff && (guchar)data[1] == 0xfe) ||
                   ((guchar)data[0] == 0xfe && (guchar)data[1] == 0xff)))
    {
      g_set_error_literal (
        error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
        _("line 1: the file is UTF-16 text; save it as UTF-8 and read it again"));
      return FALSE;
    }

  nul = len > 0 ? memchr (data, '\0', len) : NULL;
  if (nul != NULL)
    {
      for (const char *p = data; p < nul; p++)
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
char *
cfg_excerpt (const char *start,
             gsize       len)
{
  g_autofree char *raw = g_strndup (start, MIN (len, 40));

  return g_utf8_make_valid (raw, -1);
}

void
cfg_trim_span (const char **start,
               gsize       *len)
{
  while (*len > 0 && g_ascii_isspace (**start))
    (*start)++, (*len)--;
  while (*len > 0 && g_ascii_isspace ((*start)[*len - 1]))
    (*len)--;
}

void
cfg_note_newline (PhonesetCfgDocument *self,
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
Entry *
cfg_add_value_line (PhonesetCfgDocument *self,
                    const Line          *line,
                    const char          *value_start,
                    gsize                value_len)
{
  Entry      *entry = g_new0 (Entry, 1);
  const char *value_end = value_start + value_len;

  entry->first = cfg_append_piece (self, line->start, value_start - line->start);
  entry->value = cfg_append_piece (self, value_start, value_len);
  entry->last =
    cfg_append_piece (self, value_end, (line->start + line->len - value_end) + line->ending_len);
  entry->pub.value = g_strndup (value_start, value_len);
  entry->pub.raw = g_strndup (line->start, line->len);
  entry->pub.line = line->number;
  entry->pub.idx = -1;
  g_ptr_array_add (self->entries, entry);
  return entry;
}

void
cfg_add_raw_line (PhonesetCfgDocument *self,
                  const Line          *line)
{
  cfg_append_piece (self, line->start, line->len + line->ending_len);
}

gboolean
cfg_line_is_text (const Line *line)
{
  return g_utf8_validate (line->start, line->len, NULL);
}

/* Whether the text up to @piece, included, ends with a line break or is
 * empty (@piece NULL: the start of the file). */
gboolean
cfg_ends_line (GList *piece)
{
  for (GList *l = piece; l != NULL; l = l->prev)
    {
      Piece *p = l->data;

      if (p->len > 0)
        return p->data[p->len - 1] == '\n';
    }
  return TRUE;
}

/* Prepares a new line after the piece *@after (NULL: at the start), the
 * end of a line. A file that ends without a line break stays so: after its
 * last line, the new line gets a line break before it (*@lead, which
 * *@after then is) and none after. (After such a line, what follows, if
 * anything, is a line inserted so, which starts with its line break.)
 * Returns the ending the new line takes. */
const char *
cfg_begin_line_after (PhonesetCfgDocument  *self,
                      GList               **after,
                      GList               **lead)
{
  *lead = NULL;
  if (cfg_ends_line (*after))
    return self->newline;
  *lead = *after = cfg_insert_piece_after (self, *after, self->newline);
  return "";
}

/* A value filled in where the line had none: the blanks that stood after
 * the "=" or ":" would now trail the value. */
void
cfg_drop_trailing_blanks (Entry *entry)
{
  Piece *last = entry->last->data;
  gsize  n = 0;

  while (n < last->len && (last->data[n] == ' ' || last->data[n] == '\t'))
    n++;
  if (n > 0)
    {
      g_autofree char *rest = g_strndup (last->data + n, last->len - n);

      cfg_piece_assign (last, rest);
    }
}

/* Whether the file's lines mostly read "key = value" rather than
 * "key=value" (a tie, or no line, goes to " = ", as Yealink and the Grandstream
 * templates write). For the "key = value" formats (Yealink, Grandstream text). */
gboolean
cfg_equals_spaced (PhonesetCfgDocument *self)
{
  guint spaced = 0;
  guint tight = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry      *entry = g_ptr_array_index (self->entries, i);
      Piece      *prefix = entry->first->data;
      Piece      *last = entry->last->data;
      const char *eq = memchr (prefix->data, '=', prefix->len);
      gsize       at;

      if (eq == NULL)
        continue;
      at = eq - prefix->data;
      /* A blank before "=", or after it: in the prefix, or (the value
       * being empty) at the start of what follows. */
      if ((at > 0 && g_ascii_isspace (prefix->data[at - 1])) ||
          (at + 1 < prefix->len && g_ascii_isspace (prefix->data[at + 1])) ||
          (at + 1 == prefix->len && ((Piece *)entry->value->data)->len == 0 && last->len > 0 &&
           (last->data[0] == ' ' || last->data[0] == '\t')))
        spaced++;
      else
        tight++;
    }
  return spaced >= tight;
}

/* The set_value of the "key = value" formats: a value filled in where
 * there was none ("key = " and "key =") becomes "key = value" ("key =value"
 * in a file of "key=value" lines), not "key = value " or "key =  value". */
void
cfg_set_equals_value (PhonesetCfgDocument *self,
                      Entry               *entry,
                      const char          *value)
{
  Piece *prefix = entry->first->data;
  Piece *last = entry->last->data;

  /* A value filled in where there was none: "key = " and "key =" become
   * "key = value" ("key =value" in a file of "key=value" lines), not
   * "key = value " or "key =  value". */
  if (entry->pub.value[0] == '\0' && value[0] != '\0' && ((Piece *)entry->value->data)->len == 0 &&
      cfg_piece_ends_with (prefix, "="))
    {
      gboolean blank_after = last->len > 0 && (last->data[0] == ' ' || last->data[0] == '\t');
      gboolean blank_before = prefix->len >= 2 && g_ascii_isspace (prefix->data[prefix->len - 2]);

      cfg_drop_trailing_blanks (entry);
      if (blank_after || (blank_before && cfg_equals_spaced (self)))
        {
          g_autofree char *spaced = g_strdup_printf ("%.*s ", (int)prefix->len, prefix->data);

          cfg_piece_assign (prefix, spaced);
        }
    }
  cfg_set_line_value (entry, value);
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

  self->codec->init (self);
  return self;
}

/**
 * phoneset_cfg_document_parse:
 * @format: the file format
 * @data: the file's bytes
 * @len: their number
 * @error: a location for a #GError
 *
 * Reads a provisioning file. A file that is not of @format (its header
 * says so), is binary, or cannot be edited safely is refused with an error
 * that names the line and the problem. What is odd but can be kept (a line
 * that is not a setting, bytes that are not UTF-8 in a comment, a Fanvil
 * file cut short, a snom element closed by the wrong tag) is kept byte for
 * byte and reported in phoneset_cfg_document_get_warnings().
 *
 * Returns: (transfer full) (nullable): the document
 */
PhonesetCfgDocument *
phoneset_cfg_document_parse (PhonesetCfgFormat   format,
                             const char         *data,
                             gsize               len,
                             GError            **error)
{
  g_autoptr(PhonesetCfgDocument) self = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (format < G_N_ELEMENTS (codecs), NULL);

  if (!check_text (data, len, codecs[format]->keeps_non_utf8, error))
    return NULL;

  self = document_new (format);
  /* One copy of the file, NUL-terminated, that the pieces point into. */
  self->source = g_malloc (len + 1);
  if (len > 0)
    memcpy (self->source, data, len);
  self->source[len] = '\0';
  data = self->source;

  g_return_val_if_fail (format < G_N_ELEMENTS (codecs), NULL);
  if (self->codec->parse_lines != NULL)
    {
      /* A format of lines: the codec reads them, the file's line end is
       * noted for the lines it adds. */
      g_autoptr(GArray) lines = cfg_split_lines (data, len);

      cfg_note_newline (self, lines);
      ok = self->codec->parse_lines (self, lines, error);
    }
  else
    ok = self->codec->parse (self, data, len, error);
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

  g_queue_clear_full (&self->pieces, cfg_piece_free);
  g_free (self->source);
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->marks);
  g_hash_table_unref (self->index);
  g_ptr_array_unref (self->warnings);
  if (self->codec_data_free != NULL)
    self->codec_data_free (self->codec_data);
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
  g_autofree char *str = lookup_string (self, key->section, key->list, key->key, key->idx);

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

/* A line-based value cannot hold a line break. */
void
cfg_set_line_value (Entry      *entry,
                    const char *value)
{
  g_autofree char *flat = g_strdup (value);

  g_strdelimit (flat, "\r\n", ' ');
  cfg_piece_assign (entry->value->data, flat);
}

static void
set_value_piece (PhonesetCfgDocument *self,
                 Entry               *entry,
                 const char          *value)
{
  self->codec->set_value (self, entry, value);
  g_free (entry->pub.value);
  entry->pub.value = g_strdup (value);
  cfg_refresh_raw (entry);
}

void
cfg_refresh_raw (Entry *entry)
{
  g_free (entry->pub.raw);
  entry->pub.raw = cfg_join_pieces (entry->first, entry->last, TRUE);
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
  self->codec->insert (self, entry, key);
  g_ptr_array_add (self->entries, entry);
  cfg_index_entry (self, entry);
  return entry;
}

/**
 * phoneset_cfg_document_set:
 * @self: a document
 * @key: where the value lives
 * @value: the new value
 *
 * Changes the value in place, or adds the key where the vendor puts it.
 * Nothing else in the file changes. A key the file has no place for (one
 * of another variant of the format: Fanvil XML's <VOIP_CONFIG_FILE> in a
 * <sysConf> file) is not written.
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
    {
      if (self->codec->accepts != NULL && !self->codec->accepts (self, key))
        return;
      entry = insert_entry (self, key, value);
    }
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

  str = lookup_string (self, key->section, key->list, key->key, key->idx);
  for (guint i = self->entries->len; i > 0; i--)
    {
      Entry           *entry = g_ptr_array_index (self->entries, i - 1);
      g_autofree char *other =
        lookup_string (self, entry->pub.section, entry->list, entry->pub.key, entry->pub.idx);

      if (!g_str_equal (str, other))
        continue;

      for (GList *l = entry->lead ? entry->lead : entry->first; l != NULL;)
        {
          GList   *next = l->next;
          gboolean last = l == entry->last;

          cfg_piece_free (l->data);
          g_queue_delete_link (&self->pieces, l);
          if (last)
            break;
          l = next;
        }
      g_ptr_array_remove_index (self->entries, i - 1);
      removed = TRUE;
    }

  if (removed)
    cfg_rebuild_index (self);
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

/**
 * phoneset_cfg_document_get_warnings:
 * @self: a document
 *
 * What the reader met and kept without understanding it, in file order.
 *
 * Returns: (transfer none) (element-type PhonesetCfgWarning): the warnings
 */
GPtrArray *
phoneset_cfg_document_get_warnings (PhonesetCfgDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->warnings;
}

/**
 * phoneset_cfg_document_dup_key_identity:
 * @self: a document
 * @key: where a value lives
 *
 * Returns: (transfer full): one string naming the place, equal for a key
 *   and the entries that set it (see
 *   phoneset_cfg_document_dup_entry_identity())
 */
char *
phoneset_cfg_document_dup_key_identity (PhonesetCfgDocument  *self,
                                        const PhonesetCfgKey *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL && key->key != NULL, NULL);

  return lookup_string (self, key->section, key->list, key->key, key->idx);
}

/**
 * phoneset_cfg_document_dup_entry_identity:
 * @self: a document
 * @position: an entry's position
 *
 * Returns: (transfer full): the string naming the entry's place
 */
char *
phoneset_cfg_document_dup_entry_identity (PhonesetCfgDocument *self,
                                          guint                position)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  entry = g_ptr_array_index (self->entries, position);
  return lookup_string (self, entry->pub.section, entry->list, entry->pub.key, entry->pub.idx);
}

/**
 * phoneset_cfg_key_looks_secret:
 * @key: a key or element name from a file
 *
 * Whether a key no profile knows holds a password, by its name's words
 * (`account.1.password`, `user_pass1`, `Register Pswd`, `RegisterPswd`,
 * `static.auto_provision.server.password`, `http_pin`…):
 * such values are shown masked.
 *
 * Returns: %TRUE if @key names a secret
 */
gboolean
phoneset_cfg_key_looks_secret (const char *key)
{
  static const char *words[] = { "pass",       "password",    "passwd", "passphrase", "pwd",
                                 "pswd",       "pw",          "pin",    "secret",     "psk",
                                 "credential", "credentials", "token",  NULL };
  GString           *split;
  g_autofree char   *lower = NULL;
  g_auto(GStrv) tokens = NULL;

  g_return_val_if_fail (key != NULL, FALSE);

  /* Words: split at anything that is not a letter (digits too: user_pass1)
   * and where a capital starts a word of an XML element's name
   * (RegisterPswd, PPPoEPin). */
  split = g_string_new (NULL);
  for (const char *p = key; *p; p++)
    {
      if (p > key && g_ascii_isupper (*p) &&
          (g_ascii_islower (p[-1]) || (g_ascii_isupper (p[-1]) && g_ascii_islower (p[1]))))
        g_string_append_c (split, ' ');
      g_string_append_c (split, g_ascii_isalpha (*p) ? g_ascii_tolower (*p) : ' ');
    }
  lower = g_string_free (split, FALSE);
  if (strstr (lower, "password") != NULL || strstr (lower, "passwd") != NULL ||
      strstr (lower, "secret") != NULL)
    return TRUE;
  tokens = g_strsplit (lower, " ", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (tokens[i][0] != '\0' && g_strv_contains (words, tokens[i]))
      return TRUE;
  return FALSE;
}

/**
 * phoneset_cfg_mask_url_passwords:
 * @text: a value or a line
 *
 * Masks the password of every URL in @text that carries one
 * (`https://user:secret@host/` becomes `https://user:********@host/`).
 *
 * Returns: (transfer full): the text, masked
 */
char *
phoneset_cfg_mask_url_passwords (const char *text)
{
  GString    *out = g_string_new (NULL);
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *scheme; (scheme = strstr (p, "://")) != NULL;)
    {
      const char *user = scheme + 3;
      const char *end = user + strcspn (user, "/?#@ \t\"'<>");
      const char *colon = memchr (user, ':', end - user);

      if (*end == '@' && colon != NULL && colon + 1 < end)
        {
          g_string_append_len (out, p, colon + 1 - p);
          g_string_append (out, "********");
          p = end;
        }
      else
        {
          g_string_append_len (out, p, user - p);
          p = user;
        }
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

/**
 * phoneset_cfg_mask_message:
 * @message: a warning or error that may quote the file
 *
 * A quoted line (“…”) that looks like it holds a password is not shown,
 * and no URL's password is.
 *
 * Returns: (transfer full): the message, masked
 */
char *
phoneset_cfg_mask_message (const char *message)
{
  g_autofree char *masked = NULL;
  g_autoptr(GString) out = NULL;
  const char *open, *close;

  g_return_val_if_fail (message != NULL, NULL);

  masked = phoneset_cfg_mask_url_passwords (message);
  if (!phoneset_cfg_key_looks_secret (masked) || (open = strstr (masked, "“")) == NULL ||
      (close = strstr (open, "”")) == NULL)
    return g_steal_pointer (&masked);
  out = g_string_new_len (masked, open - masked);
  g_string_append (out, _("“(a line that may hold a password, not shown)”"));
  g_string_append (out, close + strlen ("”"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dup_masked (const PhonesetCfgEntry *entry,
            gboolean                secret)
{
  const char *at;

  if (!secret || entry->value == NULL || entry->value[0] == '\0')
    return phoneset_cfg_mask_url_passwords (entry->raw);
  /* The value stands after the key in the raw line (escaped in XML: then
   * the whole line is replaced). */
  at = strstr (entry->raw, entry->key);
  at = at ? strstr (at + strlen (entry->key), entry->value) : NULL;
  if (at == NULL)
    return g_strdup_printf ("%s: %s", entry->key, _("(set; not shown)"));
  return g_strdup_printf ("%.*s%s%s", (int)(at - entry->raw), entry->raw, "********",
                          at + strlen (entry->value));
}

/**
 * phoneset_cfg_entry_dup_masked:
 * @entry: an entry
 *
 * Returns: (transfer full): the entry's line as it stands in the file, with
 *   the value masked if the key looks like a password's
 */
char *
phoneset_cfg_entry_dup_masked (const PhonesetCfgEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return dup_masked (entry, entry->key != NULL && phoneset_cfg_key_looks_secret (entry->key));
}

/**
 * phoneset_cfg_document_dup_entry_masked:
 * @self: a document
 * @position: an entry's position, below phoneset_cfg_document_get_n_entries()
 *
 * As phoneset_cfg_entry_dup_masked(), and masks too the keys that the
 * format knows hold a password although their names do not say so
 * (numbered keys).
 *
 * Returns: (transfer full): the entry's line, masked
 */
char *
phoneset_cfg_document_dup_entry_masked (PhonesetCfgDocument *self,
                                        guint                position)
{
  const PhonesetCfgEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  entry = phoneset_cfg_document_get_entry (self, position);
  return dup_masked (entry, entry->key != NULL && (phoneset_cfg_key_looks_secret (entry->key) ||
                                                   (self->codec->key_is_secret != NULL &&
                                                    self->codec->key_is_secret (entry->key))));
}
