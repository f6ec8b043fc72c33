/* phoneset-cfg-poly-xml.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Poly (Polycom) UC Software XML configuration files [T]. A setting is an
 * attribute; its key is the attribute's name, whatever element holds it:
 *
 *   <polycomConfig><nat nat.ip="198.51.100.7" nat.signalPort="5070"/></polycomConfig>
 *   <PHONE><REGISTRATION reg.1.address="201@pbx" …/></PHONE>
 *   <sip><voIpProt><SIP voIpProt.SIP.local.port="5060">…</sip>
 *   <polycomConfig device.set="1" device.net.vlanId="42"/>
 *
 * (wazo-platform/wazo-provd-plugins@2321a3f plugins/wazo_polycom/common/
 * templates/base.tpl; fusionpbx/fusionpbx@c7a00dc resources/templates/
 * provision/polycom/6.x/{$mac}.cfg and 650/sip.cfg, phone1.cfg;
 * provisioner/Provisioner@573c129 endpoint/polycom/). The master file
 * (000000000000.cfg, <mac>.cfg: <APPLICATION APP_FILE_PATH="sip.ld"
 * CONFIG_FILES="…"/>) is read the same way; it takes only its own,
 * undotted keys. Namespace attributes (xmlns, xsi:…) are kept, not read.
 * The same key twice: the last one is the setting [U].
 *
 * The file is read by a scanner of its own, to edit values in place byte
 * for byte, and checked against GMarkup: the attributes it finds must be
 * the ones GMarkup reads, in the same order, with the same values. The
 * nested XML tree (phoneset-cfg-xml-tree.c) does not fit: its settings are
 * elements' text; this codec shares the XML scanning of
 * phoneset-cfg-xml.c instead (tags, comments and declarations, entities,
 * well-formedness, detection by the root element).
 *
 * A new key goes where the file's layout takes it without touching other
 * lines (best_elem()): into the element of one attribute a line whose keys
 * are most like it (the most leading name parts in common), else one on a
 * single line holding keys of its group (reg.1.*), else the root if it
 * holds keys, else the first element of one attribute a line; where the
 * tag ends on the last attribute's line, the new one comes before that
 * one; else an element on one line with keys like it. Failing all (a new
 * file), a new child element of the root named after the key's first part
 * (<nat nat.ip="…"/>) holds it.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"
#include "phoneset-error.h"

static const char *const roots[] = { "polycomConfig", "PHONE_CONFIG", "PHONE",    "APPLICATION",
                                     "sip",           "phone1",       "localcfg", NULL };

#define MASTER_ROOT "APPLICATION"
#define NEW_FILE                                                                                   \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"                                \
  "<polycomConfig>\n"                                                                              \
  "</polycomConfig>\n"

typedef struct
{
  GList *tail;   /* an empty piece after its last attribute */
  GList *anchor; /* one attribute a line, the tag's end on the last one's
                  * line: an empty piece before that one, where new
                  * attributes go instead */
  char  *sep;    /* what goes before a new attribute */
  guint  n_keys;
} Elem;

typedef struct
{
  GPtrArray  *elems;      /* Elem, in the order they start */
  GHashTable *entry_elem; /* Entry → Elem */
  Elem       *root;
  char       *root_name;
  GList      *root_end;   /* an empty piece where new child elements go */
  GList      *root_close; /* a self-closing root's “/>” piece, or NULL */
  char       *child_indent;
  gboolean    children_inline; /* the root's children do not start lines */
  gboolean    master;
} Poly;

static void
elem_free (gpointer data)
{
  Elem *elem = data;

  g_free (elem->sep);
  g_free (elem);
}

static void
poly_free (gpointer data)
{
  Poly *poly = data;

  g_ptr_array_unref (poly->elems);
  g_hash_table_unref (poly->entry_elem);
  g_free (poly->root_name);
  g_free (poly->child_indent);
  g_free (poly);
}

static gboolean
name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || c == ':' || (guchar)c >= 0x80;
}

/* An attribute that is a setting: not a namespace declaration or a
 * namespaced attribute (xsi:noNamespaceSchemaLocation). */
static gboolean
is_key_attribute (const char *name,
                  gsize       len)
{
  if (len >= 5 && memcmp (name, "xmlns", 5) == 0)
    return FALSE;
  return memchr (name, ':', len) == NULL;
}

/* A key Phoneset can write as an attribute name. */
static gboolean
is_writable_key (const char *key)
{
  if (!g_ascii_isalpha (key[0]) && key[0] != '_')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

static gboolean
poly_detect (const char *data,
             gsize       len)
{
  return cfg_xml_detect_root (data, len, roots);
}

/* Reading -------------------------------------------------------------- */

typedef struct
{
  PhonesetCfgDocument *self;
  Poly                *poly;
  const char          *data;
  const char          *end;
  const char          *cursor; /* the first byte not in a piece yet */
  const char          *line_at;
  guint                line;
  guint                depth;
  gboolean             seen_root;
} Reader;

static guint
reader_line (Reader     *r,
             const char *at)
{
  r->line += cfg_count_lines (r->line_at, at);
  r->line_at = at;
  return r->line;
}

static GList *
reader_cut (Reader     *r,
            const char *to)
{
  GList *piece = cfg_append_piece (r->self, r->cursor, to - r->cursor);

  r->cursor = to;
  return piece;
}

static gboolean
refuse_unusual (GError **error)
{
  g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("the file’s XML is unusual in a way Phoneset cannot edit safely (a setting, or the end of an element "
                         "new settings go into, is not where an XML parser finds it); save the file again from the phone’s web interface"));
  return FALSE;
}

/* An attribute's value as an XML parser reads it: a line break (CR LF
 * counts as one) or tab written as such is a blank (XML 1.0 §2.11, §3.3.3),
 * one written as a character reference is kept. */
static char *
attribute_value (const char *text,
                 gsize       len)
{
  g_autoptr(GString) flat = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
        continue;
      g_string_append_c (flat,
                         text[i] == '\n' || text[i] == '\t' || text[i] == '\r' ? ' ' : text[i]);
    }
  return cfg_xml_unescape (flat->str, flat->len);
}

static Entry *
add_attribute (Reader     *r,
               Elem       *elem,
               const char *lead,
               const char *name,
               gsize       name_len,
               const char *value,
               const char *close)
{
  Entry *entry = g_new0 (Entry, 1);
  Entry *before;

  reader_cut (r, lead);
  entry->lead = reader_cut (r, name);
  entry->first = reader_cut (r, value);
  entry->value = reader_cut (r, close);
  entry->last = reader_cut (r, close + 1);
  entry->pub.key = g_strndup (name, name_len);
  entry->pub.idx = -1;
  entry->pub.value = attribute_value (value, close - value);
  entry->pub.line = reader_line (r, name);
  cfg_refresh_raw (entry);
  before = g_hash_table_lookup (r->self->index, entry->pub.key);
  if (before != NULL)
    cfg_warn (r->self, entry->pub.line,
              _("%s is set again (first on line %u); Phoneset reads and edits the last one"),
                 entry->pub.key, before->pub.line);
  g_ptr_array_add (r->self->entries, entry);
  cfg_index_entry (r->self, entry);
  g_hash_table_insert (r->poly->entry_elem, entry, elem);
  elem->n_keys++;
  return entry;
}

/* The blanks before @at on its line, or NULL when something else is. */
static char *
indent_before (const char *data,
               const char *at)
{
  const char *p = at;

  while (p > data && (p[-1] == ' ' || p[-1] == '\t'))
    p--;
  if (p > data && p[-1] != '\n')
    return NULL;
  return g_strndup (p, at - p);
}

static gboolean
read_start_tag (Reader      *r,
                const char  *p,
                const char  *tag_end,
                GError     **error)
{
  Poly       *poly = r->poly;
  Elem       *elem = g_new0 (Elem, 1);
  const char *name = p + 1;
  const char *q = name;
  const char *after_last;
  Entry      *last_entry = NULL;
  gboolean    self_closing = tag_end > p + 1 && tag_end[-1] == '/';

  while (q < tag_end && name_char (*q))
    q++;
  g_ptr_array_add (poly->elems, elem);
  if (r->depth == 0)
    {
      g_autofree char *root = g_strndup (name, q - name);

      if (r->seen_root)
        return refuse_unusual (error);
      r->seen_root = TRUE;
      if (!g_strv_contains (roots, root))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("line %u: the first element is <%s>; a Poly UC Software file starts with <polycomConfig>, <PHONE_CONFIG> or <APPLICATION>"),
                          reader_line (r, p), root);
          return FALSE;
        }
      poly->root = elem;
      poly->root_name = g_steal_pointer (&root);
      poly->master = g_str_equal (poly->root_name, MASTER_ROOT);
    }
  else if (r->depth == 1)
    {
      g_autofree char *indent = indent_before (r->data, p);

      if (indent == NULL)
        poly->children_inline = TRUE;
      else
        {
          g_free (poly->child_indent);
          poly->child_indent = g_steal_pointer (&indent);
        }
    }

  after_last = q;
  while (q < tag_end)
    {
      const char *lead = q;
      const char *attr, *attr_end, *value, *close;

      while (q < tag_end && g_ascii_isspace (*q))
        q++;
      attr = q;
      while (q < tag_end && name_char (*q))
        q++;
      attr_end = q;
      if (attr_end == attr)
        break;
      while (q < tag_end && g_ascii_isspace (*q))
        q++;
      if (q >= tag_end || *q != '=')
        return refuse_unusual (error);
      q++;
      while (q < tag_end && g_ascii_isspace (*q))
        q++;
      if (q >= tag_end || (*q != '"' && *q != '\''))
        return refuse_unusual (error);
      value = q + 1;
      close = memchr (value, *q, tag_end - value);
      if (close == NULL)
        return refuse_unusual (error);
      if (is_key_attribute (attr, attr_end - attr))
        {
          const char *nl = g_strrstr_len (lead, attr - lead, "\n");

          last_entry = add_attribute (r, elem, lead, attr, attr_end - attr, value, close);
          g_free (elem->sep);
          if (nl != NULL)
            elem->sep = g_strdup_printf ("%s%.*s", r->self->newline, (int)(attr - nl - 1), nl + 1);
          else
            elem->sep = g_strdup (" ");
        }
      q = close + 1;
      after_last = q;
    }
  if (elem->sep == NULL)
    elem->sep = g_strdup (" ");
  reader_cut (r, after_last);
  elem->tail = cfg_append_piece (r->self, after_last, 0);
  if (last_entry != NULL && strchr (elem->sep, '\n') != NULL &&
      memchr (after_last, '\n', tag_end - after_last) == NULL)
    elem->anchor = cfg_insert_piece_before (r->self, last_entry->lead, "");

  if (self_closing && r->depth == 0)
    {
      /* Room for child elements: “/>” becomes “>…</root>”. */
      reader_cut (r, tag_end - 1);
      poly->root_close = reader_cut (r, tag_end + 1);
    }
  if (!self_closing)
    r->depth++;
  return TRUE;
}

static void
read_end_tag (Reader     *r,
              const char *p)
{
  if (r->depth == 0)
    return;
  if (--r->depth == 0)
    {
      const char *anchor = p;

      /* New children go before the end tag's line, when it has one. */
      while (anchor > r->cursor && (anchor[-1] == ' ' || anchor[-1] == '\t'))
        anchor--;
      if (!(anchor > r->data && anchor[-1] == '\n'))
        anchor = p;
      reader_cut (r, anchor);
      r->poly->root_end = cfg_append_piece (r->self, anchor, 0);
    }
}

static gboolean
read_elements (Reader  *r,
               GError **error)
{
  gsize       rest = r->end - r->data;
  const char *p = cfg_skip_bom (r->data, &rest);
  gboolean    warned = FALSE;

  while (p < r->end)
    {
      const char *tag_end;

      if (*p != '<')
        {
          const char *next = memchr (p, '<', r->end - p);
          const char *stop = next ? next : r->end;

          for (const char *c = p; c < stop && !warned; c++)
            if (!g_ascii_isspace (*c) && r->depth > 0)
              {
                cfg_warn (r->self, reader_line (r, c),
                          _("text inside an element is not a setting; it is kept as it is"));
                warned = TRUE;
              }
          p = stop;
          continue;
        }
      if (r->end - p >= 2 && (p[1] == '?' || p[1] == '!'))
        {
          p = cfg_passthrough_end (p, r->end);
          continue;
        }
      tag_end = cfg_find_tag_end (p, r->end);
      if (tag_end == NULL)
        return refuse_unusual (error);
      if (p[1] == '/')
        read_end_tag (r, p);
      else if (!read_start_tag (r, p, tag_end, error))
        return FALSE;
      p = tag_end + 1;
    }
  reader_cut (r, r->end);
  /* GMarkup has refused a file without an element already. */
  if (r->poly->root == NULL)
    return refuse_unusual (error);
  return TRUE;
}

/* What GMarkup reads, to compare with the scanner's settings. */
typedef struct
{
  PhonesetCfgDocument *self;
  guint                n;
  gboolean             bad;
} Check;

static void
check_start (GMarkupParseContext  *context,
             const char           *element_name,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  Check *c = user_data;

  for (guint i = 0; names[i] != NULL; i++)
    {
      Entry *entry;

      if (!is_key_attribute (names[i], strlen (names[i])))
        continue;
      if (c->n >= c->self->entries->len)
        {
          c->bad = TRUE;
          return;
        }
      entry = g_ptr_array_index (c->self->entries, c->n++);
      if (!g_str_equal (entry->pub.key, names[i]) || !g_str_equal (entry->pub.value, values[i]))
        c->bad = TRUE;
    }
}

static gboolean
check_attributes (PhonesetCfgDocument  *self,
                  const char           *data,
                  gsize                 len,
                  GError              **error)
{
  static const GMarkupParser parser = { check_start, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  Check c = { self, 0, FALSE };

  data = cfg_skip_bom (data, &len);
  context = g_markup_parse_context_new (&parser, 0, &c, NULL);
  if (!g_markup_parse_context_parse (context, data, len, NULL) ||
      !g_markup_parse_context_end_parse (context, NULL) || c.bad || c.n != self->entries->len)
    return refuse_unusual (error);
  return TRUE;
}

static gboolean
poly_parse (PhonesetCfgDocument  *self,
            const char           *data,
            gsize                 len,
            GError              **error)
{
  g_autoptr(GArray) lines = cfg_split_lines (data, MIN (len, 4096));
  Poly  *poly = g_new0 (Poly, 1);
  Reader r = { self, poly, data, data + len, data, data, 1, 0, FALSE };

  poly->elems = g_ptr_array_new_with_free_func (elem_free);
  poly->entry_elem = g_hash_table_new (NULL, NULL);
  self->codec_data = poly;
  self->codec_data_free = poly_free;
  cfg_note_newline (self, lines);

  {
    gsize       rest = len;
    const char *p = cfg_skip_bom (data, &rest);

    /* A file that is not XML at all is told so before anything else. */
    if (!cfg_xml_check_well_formed (p, rest, 0, NULL, NULL, error))
      return FALSE;
  }
  if (!read_elements (&r, error))
    return FALSE;
  return check_attributes (self, data, len, error);
}

static void
poly_init (PhonesetCfgDocument *self)
{
  gboolean ok;

  self->source = g_strdup (NEW_FILE);
  ok = poly_parse (self, self->source, strlen (self->source), NULL);
  g_assert (ok);
}

/* Writing -------------------------------------------------------------- */

static char *
poly_lookup_string (const char *section,
                    const char *key,
                    int         idx)
{
  return g_strdup (key);
}

static gboolean
poly_accepts (PhonesetCfgDocument  *self,
              const PhonesetCfgKey *key)
{
  Poly *poly = self->codec_data;

  if (!is_writable_key (key->key))
    return FALSE;
  /* The master file lists the files to read; settings go in those. */
  return poly->master == (strchr (key->key, '.') == NULL);
}

/* How many leading dot-separated parts @a and @b share. */
static guint
common_parts (const char *a,
              const char *b)
{
  guint n = 0;

  for (guint i = 0;; i++)
    {
      if (a[i] != b[i])
        return (a[i] == '\0' && b[i] == '.') || (a[i] == '.' && b[i] == '\0') ? n + 1 : n;
      if (a[i] == '\0')
        return n + 1;
      if (a[i] == '.')
        n++;
    }
}

static gboolean
elem_writes_lines (Elem *elem)
{
  return strchr (elem->sep, '\n') != NULL;
}

/* Where a new key goes: the phone reads a key whatever element holds it
 * (FusionPBX writes nat.ip in <GENERAL>, Wazo every key on the root) [T],
 * so the file's own layout decides. An element that writes one attribute
 * a line takes a new one without touching its other lines: the one that
 * holds the keys most like the new one; else an element on one line that
 * holds keys of the same line or group (reg.1.*: two parts in common);
 * else the root, if it holds keys; else the first element of one
 * attribute a line; else an element on one line with keys like it. NULL: a new
 * child element. */
static Elem *
best_elem (PhonesetCfgDocument *self,
           const char          *key)
{
  Poly *poly = self->codec_data;
  Elem *best_lines = NULL, *best_inline = NULL, *first_lines = NULL;
  guint n_lines = 0, n_inline = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      Elem  *elem = g_hash_table_lookup (poly->entry_elem, entry);
      guint  n = common_parts (key, entry->pub.key);

      if (elem == NULL)
        continue;
      if (elem_writes_lines (elem))
        {
          if (first_lines == NULL)
            first_lines = elem;
          if (n > n_lines)
            best_lines = elem, n_lines = n;
        }
      else if (n > n_inline)
        best_inline = elem, n_inline = n;
    }
  if (best_inline != NULL && n_inline >= 2 && n_inline > n_lines)
    return best_inline;
  if (best_lines != NULL)
    return best_lines;
  if (poly->root->n_keys > 0)
    return poly->root;
  if (first_lines != NULL)
    return first_lines;
  return best_inline;
}

static void
place_attribute (PhonesetCfgDocument *self,
                 Entry               *entry,
                 Elem                *elem)
{
  g_autofree char *first = g_strdup_printf ("%s=\"", entry->pub.key);
  GList           *at = elem->anchor ? elem->anchor : elem->tail;

  /* Where the tag ends on the last attribute's line, a new attribute comes
   * before that one, on a line of its own. */
  entry->lead = cfg_insert_piece_before (self, at, elem->sep);
  entry->first = cfg_insert_piece_before (self, at, first);
  entry->value = cfg_insert_piece_before (self, at, "");
  entry->last = cfg_insert_piece_before (self, at, "\"");
  elem->n_keys++;
  g_hash_table_insert (((Poly *)self->codec_data)->entry_elem, entry, elem);
}

/* A self-closing root gets an end tag, for child elements. */
static void
open_root (PhonesetCfgDocument *self)
{
  Poly            *poly = self->codec_data;
  g_autofree char *close = g_strdup_printf ("</%s>", poly->root_name);
  GList           *after;

  cfg_piece_assign (poly->root_close->data, ">");
  after = cfg_insert_piece_after (self, poly->root_close, self->newline);
  poly->root_end = cfg_insert_piece_after (self, after, "");
  cfg_insert_piece_after (self, poly->root_end, close);
  poly->root_close = NULL;
}

static void
poly_insert (PhonesetCfgDocument  *self,
             Entry                *entry,
             const PhonesetCfgKey *key)
{
  Poly            *poly = self->codec_data;
  Elem            *elem = best_elem (self, key->key);
  g_autofree char *name = NULL;
  g_autofree char *start = NULL;
  const char      *dot;

  if (elem != NULL)
    {
      place_attribute (self, entry, elem);
      return;
    }

  /* A new child element of the root, named after the key's first part. */
  if (poly->root_close != NULL)
    open_root (self);
  dot = strchr (key->key, '.');
  name = dot ? g_strndup (key->key, dot - key->key) : g_strdup (key->key);
  elem = g_new0 (Elem, 1);
  elem->sep = g_strdup (" ");
  g_ptr_array_add (poly->elems, elem);
  if (poly->children_inline)
    start = g_strdup_printf ("<%s", name);
  else
    start = g_strdup_printf ("%s<%s", poly->child_indent ? poly->child_indent : "  ", name);
  cfg_insert_piece_before (self, poly->root_end, start);
  elem->tail = cfg_insert_piece_before (self, poly->root_end, "");
  cfg_insert_piece_before (self, poly->root_end, "/>");
  if (!poly->children_inline)
    cfg_insert_piece_before (self, poly->root_end, self->newline);
  place_attribute (self, entry, elem);
}

static void
poly_set_value (PhonesetCfgDocument *self,
                Entry               *entry,
                const char          *value)
{
  g_autofree char *escaped = cfg_xml_escape (value);
  GString         *str = g_string_new (NULL);

  /* An attribute's line breaks and tabs would be read as blanks. */
  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (str, "&#10;");
      else if (*p == '\r')
        g_string_append (str, "&#13;");
      else if (*p == '\t')
        g_string_append (str, "&#9;");
      else
        g_string_append_c (str, *p);
    }
  cfg_piece_assign (entry->value->data, str->str);
  g_string_free (str, TRUE);
}

const PhonesetCfgCodec _phoneset_cfg_codec_poly_xml = {
  .name = "poly-xml",
  .detect = poly_detect,
  .init = poly_init,
  .parse = poly_parse,
  .lookup_string = poly_lookup_string,
  .insert = poly_insert,
  .set_value = poly_set_value,
  .accepts = poly_accepts,
};
