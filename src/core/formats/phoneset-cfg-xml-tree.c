/* phoneset-cfg-xml-tree.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nested XML settings files, for the Fanvil XML and snom C520 codecs
 * (phoneset-cfg-fanvil-xml.c, phoneset-cfg-snom-c520.c). A setting is an
 * element without child elements (a leaf); its key is the path of element
 * names from the top-level element down to it:
 *
 *   sysConf/sip/STUNServer
 *   sysConf/sip/line[1]/PhoneNumber                     <line index="1">
 *   VOIP_CONFIG_FILE/SIP_CONFIG_MODULE/SIP_Line_List/SIP_Line_List_Entry[SIP1]/Phone_Number
 *                                                       <ID>SIP1</ID> child
 *   settings/sip_account/idx[1]/user_id                 <idx id="1">
 *
 * A repeated element carries its identity in brackets: an index attribute,
 * an <ID> child, or (a “_Entry” element without one) its position among the
 * same-named siblings. The same path twice: the last one is the setting, as
 * the phone reads the file from the top [U].
 *
 * The file is read by a scanner of its own, to edit values in place byte
 * for byte, and checked against GMarkup as snom files are (snom_verify()):
 * a copy with every value and every place where new elements go replaced by
 * markers must read, with GMarkup, as the same tree. A new setting goes
 * into its parent element (created, with its own parents, where missing),
 * after the last element of the same name or at the end, in the
 * indentation of its neighbours.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-xml-tree-private.h"
#include "phoneset-error.h"

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->name);
  g_free (node->attr);
  g_free (node->bracket);
  g_free (node->path);
  g_free (node->indent);
  g_free (node->child_indent);
  g_free (node->id_value);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_clear_pointer (&node->counts, g_hash_table_unref);
  g_free (node);
}

static void
leaf_free (gpointer data)
{
  Leaf *leaf = data;

  g_free (leaf->name);
  g_free (leaf->attr);
  g_free (leaf->bracket);
  g_free (leaf);
}

static void
tree_free (gpointer data)
{
  Tree *tree = data;

  g_ptr_array_unref (tree->nodes);
  g_clear_pointer (&tree->leaves, g_ptr_array_unref);
  g_clear_pointer (&tree->closed, g_ptr_array_unref);
  g_free (tree->unit);
  g_free (tree);
}

static Node *
node_new (Tree       *tree,
          Node       *parent,
          const char *name,
          gsize       name_len)
{
  Node *node = g_new0 (Node, 1);

  node->parent = parent;
  node->name = g_strndup (name, name_len);
  node->depth = parent ? parent->depth + 1 : 0;
  node->children = g_ptr_array_new ();
  node->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_add (tree->nodes, node);
  if (parent != NULL)
    g_ptr_array_add (parent->children, node);
  return node;
}

gboolean
cfg_xml_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || c == ':' || (guchar)c >= 0x80;
}

static gboolean
all_blank (const char *p,
           const char *end)
{
  for (; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The value of attribute @name in the start tag [@tag, @end), quotes
 * respected (another attribute's value may hold “ index="5"”), unescaped. */
static char *
tag_attribute (const char *tag,
               const char *end,
               const char *name)
{
  const char *p = tag + 1;
  gsize       name_len = strlen (name);
  char       *found = NULL;

  while (p < end && cfg_xml_name_char (*p))
    p++;
  while (p < end)
    {
      const char *attr, *attr_end;
      char        quote;
      const char *close;

      while (p < end && g_ascii_isspace (*p))
        p++;
      attr = p;
      while (p < end && cfg_xml_name_char (*p))
        p++;
      attr_end = p;
      if (attr_end == attr)
        break;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '=')
        break;
      p++;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || (*p != '"' && *p != '\''))
        break;
      quote = *p++;
      close = memchr (p, quote, end - p);
      if (close == NULL)
        break;
      if ((gsize)(attr_end - attr) == name_len && memcmp (attr, name, name_len) == 0)
        {
          g_free (found);
          found = cfg_xml_unescape (p, close - p);
        }
      p = close + 1;
    }
  return found;
}

/* The first of @flavour's index attributes the tag has. */
static char *
tag_identity (const CfgXmlFlavour  *flavour,
              const char           *tag,
              const char           *end,
              char                **attr)
{
  for (guint i = 0; flavour->index_attrs[i] != NULL; i++)
    {
      char *value = tag_attribute (tag, end, flavour->index_attrs[i]);

      if (value != NULL)
        {
          *attr = g_strdup (flavour->index_attrs[i]);
          return value;
        }
    }
  *attr = NULL;
  return NULL;
}

/* A leaf's text: entities decoded, CDATA sections taken as they are. */
static char *
content_value (const char *p,
               const char *end)
{
  GString *str = g_string_new (NULL);

  while (p < end)
    {
      const char      *cdata = g_strstr_len (p, end - p, "<![CDATA[");
      const char      *stop = cdata ? cdata : end;
      g_autofree char *text = cfg_xml_unescape (p, stop - p);

      g_string_append (str, text);
      if (cdata == NULL)
        break;
      p = cdata + 9;
      stop = g_strstr_len (p, end - p, "]]>");
      if (stop == NULL)
        stop = end;
      g_string_append_len (str, p, stop - p);
      p = stop + 3;
    }
  return g_string_free (str, FALSE);
}

/* The blanks before @lt on its line, or NULL when something else stands
 * there: @from is where the text before it starts (the end of the element
 * before it), @start the start of the file. */
static char *
indent_of (const char *start,
           const char *from,
           const char *lt)
{
  const char *bol = lt;

  while (bol > from && bol[-1] != '\n')
    bol--;
  if (bol == from && from != start && from[-1] != '\n')
    return NULL;
  for (const char *p = bol; p < lt; p++)
    if (*p != ' ' && *p != '\t')
      return NULL;
  return g_strndup (bol, lt - bol);
}

/* @indent and @n more levels of @unit. */
char *
cfg_xml_deeper (const char *indent,
                const char *unit,
                guint       n)
{
  GString *str = g_string_new (indent);

  for (guint i = 0; i < n; i++)
    g_string_append (str, unit);
  return g_string_free (str, FALSE);
}

typedef enum
{
  CONTENT_TEXT,     /* text and entities */
  CONTENT_CDATA,    /* text and CDATA */
  CONTENT_ODD,      /* a comment or processing instruction beside the text */
  CONTENT_CHILDREN, /* a child element */
  CONTENT_BAD,
} Content;

/* What the element whose start tag ends before @from holds: up to its end
 * tag (@content_end, @close_end), or up to its first child element. */
static Content
scan_content (const char  *from,
              const char  *end,
              const char  *name,
              gsize        name_len,
              const char **content_end,
              const char **close_end)
{
  Content     kind = CONTENT_TEXT;
  const char *q = from;

  while (q < end)
    {
      const char *lt = memchr (q, '<', end - q);
      const char *gt;

      if (lt == NULL || lt + 1 >= end)
        return CONTENT_BAD;
      if (end - lt >= 9 && memcmp (lt, "<![CDATA[", 9) == 0)
        {
          kind = MAX (kind, CONTENT_CDATA);
          q = cfg_passthrough_end (lt, end);
          continue;
        }
      if (lt[1] == '!' || lt[1] == '?')
        {
          kind = CONTENT_ODD;
          q = cfg_passthrough_end (lt, end);
          continue;
        }
      if (lt[1] != '/')
        return CONTENT_CHILDREN;
      gt = cfg_find_tag_end (lt, end);
      if (gt == NULL || (gsize)(end - lt) < name_len + 2 || memcmp (lt + 2, name, name_len) != 0 ||
          !all_blank (lt + 2 + name_len, gt))
        return CONTENT_BAD;
      *content_end = lt;
      *close_end = gt + 1;
      return kind;
    }
  return CONTENT_BAD;
}

/* Reading ------------------------------------------------------------- */

typedef struct
{
  PhonesetCfgDocument *doc;
  Tree                *tree;
  const char          *data;
  const char          *end;
  const char          *start;  /* after the byte order mark */
  const char          *copied; /* everything before this is in pieces */
  const char          *line_at;
  guint                line;
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
  GList *piece = cfg_append_piece (r->doc, r->copied, to - r->copied);

  r->copied = to;
  return piece;
}

/* @child (an element that ends at r->copied) is its parent's last child. */
static GList *
reader_child_done (Reader *r,
                   Node   *parent,
                   char   *indent)
{
  GList *after = cfg_append_piece (r->doc, "", 0);

  parent->has_child = TRUE;
  parent->last_child = after;
  g_free (parent->child_indent);
  parent->child_indent = indent;
  return after;
}

static guint
count_child (Node       *parent,
             const char *name,
             gsize       name_len)
{
  char *key = g_strndup (name, name_len);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (parent->counts, key)) + 1;

  g_hash_table_replace (parent->counts, key, GUINT_TO_POINTER (n));
  return n;
}

static gboolean
unusual (GError **error)
{
  g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("the file’s XML is unusual in a way Phoneset cannot edit safely (a setting, or the end of an element "
                         "new settings go into, is not where an XML parser finds it); save the file again from the phone’s web interface"));
  return FALSE;
}

static void
close_node (Tree *tree,
            Node *node)
{
  const CfgXmlFlavour *flavour = tree->flavour;

  if (node->parent == tree->doc)
    {
      /* A top-level element is named by its name alone; another one of
       * the root's name is no part of the file's settings (it is kept as
       * it is), and its paths are its own. */
      node->ident = IDENT_NONE;
      g_clear_pointer (&node->bracket, g_free);
      g_clear_pointer (&node->attr, g_free);
      if (!flavour->multi_root && node->position > 1)
        {
          node->ident = IDENT_POSITION;
          node->bracket = g_strdup_printf ("%u", node->position);
        }
    }
  else if (node->ident == IDENT_ATTR)
    ;
  else if (flavour->entry_suffix != NULL && g_str_has_suffix (node->name, flavour->entry_suffix))
    {
      /* A list entry: named by its <ID> child, or else by its position. */
      if (flavour->id_child != NULL && node->id_value != NULL)
        {
          node->ident = IDENT_CHILD;
          node->bracket = g_strdup (node->id_value);
        }
      else
        {
          node->ident = IDENT_POSITION;
          node->bracket = g_strdup_printf ("%u", node->position);
        }
    }
  g_clear_pointer (&node->counts, g_hash_table_unref);
  if (!node->self_closing)
    g_ptr_array_add (tree->closed, node);
}

gboolean
cfg_xml_is_root_name (const CfgXmlFlavour *flavour,
                      const char          *name,
                      gsize                len)
{
  for (guint i = 0; flavour->roots[i] != NULL; i++)
    if (strlen (flavour->roots[i]) == len && memcmp (flavour->roots[i], name, len) == 0)
      return TRUE;
  return FALSE;
}

/* A start or end tag being read: [@lt, @gt], its name, and @gap, where the
 * text before it starts (the end of the element before it). */
typedef struct
{
  const char *lt;
  const char *gt;
  const char *name;
  gsize       name_len;
  const char *gap;
  guint       line;
} Tag;

static void
warn_text (Reader     *r,
           Node       *cur,
           const char *at)
{
  cfg_warn (r->doc, reader_line (r, at),
            _("text between the elements of <%s> is kept as it is; Phoneset does not read it"),
               cur->name);
  cur->warned_text = TRUE;
}

/* A comment, processing instruction, CDATA section or document type
 * declaration at @lt, inside @cur: kept as it is. Returns where reading
 * goes on. */
static const char *
read_passthrough (Reader     *r,
                  Node       *cur,
                  const char *lt)
{
  const char *end = r->end;

  if (end - lt >= 9 && memcmp (lt, "<!DOCTYPE", 9) == 0)
    cfg_warn (r->doc, reader_line (r, lt),
              _("the document type declaration is kept as it is; Phoneset does not read it"));
  else if (cur != r->tree->doc && !cur->warned_text && end - lt >= 9 &&
           memcmp (lt, "<![CDATA[", 9) == 0)
    warn_text (r, cur, lt);
  return cfg_passthrough_end (lt, end);
}

/* The end tag [@lt, @gt] of the open element @cur, whose last child (or
 * start tag) ends at @gap. */
static gboolean
read_end_tag (Reader      *r,
              Node        *cur,
              const char  *lt,
              const char  *gt,
              const char  *gap,
              GError     **error)
{
  const char *name = lt + 2;
  const char *name_end = name;

  while (name_end < gt && cfg_xml_name_char (*name_end))
    name_end++;
  if (cur == r->tree->doc || strlen (cur->name) != (gsize)(name_end - name) ||
      memcmp (cur->name, name, name_end - name) != 0 || !all_blank (name_end, gt))
    return unusual (error);
  reader_line (r, lt);
  if (!cur->has_child)
    {
      /* Room for children: new ones go before the end tag's line. */
      const char *bol = lt;

      while (bol > gap && bol[-1] != '\n')
        bol--;
      if (bol > gap && all_blank (bol, lt))
        {
          cur->content_nl = TRUE;
          lt = bol;
        }
    }
  reader_cut (r, lt);
  cur->end = reader_cut (r, gt + 1);
  cur->after = reader_child_done (r, cur->parent, g_strdup (cur->indent));
  close_node (r->tree, cur);
  return TRUE;
}

/* A new element that holds elements, the child of @parent. */
static Node *
open_node (Reader    *r,
           Node      *parent,
           const Tag *tag)
{
  Node *node = node_new (r->tree, parent, tag->name, tag->name_len);

  node->line = tag->line;
  node->position = count_child (parent, tag->name, tag->name_len);
  node->indent = indent_of (r->start, tag->gap, tag->lt);
  node->bracket = tag_identity (r->tree->flavour, tag->lt, tag->gt, &node->attr);
  if (node->bracket != NULL)
    node->ident = IDENT_ATTR;
  return node;
}

/* A top-level element: always one that holds settings. Returns where
 * reading goes on, or NULL. */
static const char *
read_top_level (Reader     *r,
                Node      **cur,
                const Tag  *tag,
                gboolean    self_closing,
                GError    **error)
{
  Tree                *tree = r->tree;
  const CfgXmlFlavour *flavour = tree->flavour;
  const char          *gt = tag->gt;
  Node                *node;

  if (tree->doc->has_child && !flavour->multi_root)
    cfg_warn (r->doc, tag->line,
              _("a second top-level element, <%.*s>, is kept as it is"), (int)tag->name_len,
                 tag->name);
  else if (tree->doc->has_child && !cfg_xml_is_root_name (flavour, tag->name, tag->name_len))
    cfg_warn (r->doc, tag->line,
              _("the top-level element <%.*s> is kept as it is"), (int)tag->name_len, tag->name);
  else if (!tree->doc->has_child && !cfg_xml_is_root_name (flavour, tag->name, tag->name_len))
    {
      g_autofree char *found = g_strndup (tag->name, tag->name_len);

      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line %u: the first element is <%s>; %s"), tag->line, found,
                      _(flavour->bad_root));
      return NULL;
    }
  node = open_node (r, *cur, tag);
  if (self_closing)
    {
      reader_cut (r, tag->lt);
      node->start = reader_cut (r, gt - 1);
      node->end = reader_cut (r, gt + 1);
      node->self_closing = TRUE;
      node->after = reader_child_done (r, *cur, g_strdup (node->indent));
      close_node (tree, node);
      return gt + 1;
    }
  tree->doc->has_child = TRUE;
  *cur = node;
  return gt + 1;
}

/* A setting, @entry, in @parent: its pieces are cut, its value read. */
static void
add_leaf (Reader    *r,
          Node      *parent,
          const Tag *tag,
          Entry     *entry,
          char      *indent)
{
  Tree                *tree = r->tree;
  const CfgXmlFlavour *flavour = tree->flavour;
  Leaf                *leaf = g_new0 (Leaf, 1);

  entry->pub.line = tag->line;
  entry->pub.idx = -1;
  g_ptr_array_add (r->doc->entries, entry);
  leaf->parent = parent;
  leaf->name = g_strndup (tag->name, tag->name_len);
  leaf->bracket = tag_identity (flavour, tag->lt, tag->gt, &leaf->attr);
  leaf->entry = entry;
  g_ptr_array_add (tree->leaves, leaf);
  if (flavour->id_child != NULL && parent->id_value == NULL &&
      g_str_equal (leaf->name, flavour->id_child))
    parent->id_value = g_strdup (entry->pub.value);
  reader_child_done (r, parent, indent);
}

/* <name attrs/>: a setting, empty; the value piece sits before "/>". */
static const char *
read_empty_leaf (Reader    *r,
                 Node      *parent,
                 const Tag *tag)
{
  Entry      *entry = g_new0 (Entry, 1);
  char       *indent = indent_of (r->start, tag->gap, tag->lt);
  const char *gt = tag->gt;

  count_child (parent, tag->name, tag->name_len);
  reader_cut (r, tag->lt);
  entry->first = reader_cut (r, gt - 1);
  entry->value = cfg_append_piece (r->doc, "", 0);
  entry->last = reader_cut (r, gt + 1);
  entry->self_closing = TRUE;
  entry->pub.value = g_strdup ("");
  entry->pub.raw = g_strndup (tag->lt, gt + 1 - tag->lt);
  add_leaf (r, parent, tag, entry, indent);
  return gt + 1;
}

/* An element with content inside @cur: one that holds elements (it
 * becomes @cur), a setting, or one kept as it is. Returns where reading
 * goes on, or NULL. */
static const char *
read_element (Reader     *r,
              Node      **cur,
              const Tag  *tag,
              GError    **error)
{
  const char *lt = tag->lt, *gt = tag->gt;
  const char *content_end = NULL, *close_end = NULL;
  Content kind = scan_content (gt + 1, r->end, tag->name, tag->name_len, &content_end, &close_end);
  Entry  *entry;
  char   *indent;

  if (kind == CONTENT_BAD)
    {
      unusual (error);
      return NULL;
    }
  if (kind == CONTENT_TEXT && all_blank (gt + 1, content_end) &&
      memchr (gt + 1, '\n', content_end - (gt + 1)) != NULL)
    kind = CONTENT_CHILDREN; /* an element that holds nothing yet */

  if (kind == CONTENT_CHILDREN)
    {
      *cur = open_node (r, *cur, tag);
      return gt + 1;
    }

  count_child (*cur, tag->name, tag->name_len);
  if (kind == CONTENT_ODD)
    {
      cfg_warn (r->doc, tag->line,
                _("<%.*s> holds a comment or processing instruction beside its value; it is kept as it is, but Phoneset neither reads nor changes it"),
                   (int)tag->name_len, tag->name);
      reader_cut (r, close_end);
      reader_child_done (r, *cur, indent_of (r->start, tag->gap, lt));
      return close_end;
    }

  entry = g_new0 (Entry, 1);
  indent = indent_of (r->start, tag->gap, lt);
  reader_cut (r, lt);
  entry->first = reader_cut (r, gt + 1);
  entry->value = reader_cut (r, content_end);
  entry->last = reader_cut (r, close_end);
  entry->pub.value = kind == CONTENT_CDATA ? content_value (gt + 1, content_end)
                                           : cfg_xml_unescape (gt + 1, content_end - (gt + 1));
  entry->pub.raw = g_strndup (lt, close_end - lt);
  add_leaf (r, *cur, tag, entry, indent);
  return close_end;
}

/* The start tag [@lt, @gt] of an element inside @cur. Returns where
 * reading goes on, or NULL. */
static const char *
read_start_tag (Reader      *r,
                Node       **cur,
                const char  *lt,
                const char  *gt,
                const char  *gap,
                GError     **error)
{
  Tag         tag = { .lt = lt, .gt = gt, .name = lt + 1, .gap = gap };
  const char *name_end = tag.name;
  gboolean    self_closing;

  while (name_end < gt && cfg_xml_name_char (*name_end))
    name_end++;
  if (name_end == tag.name)
    {
      unusual (error);
      return NULL;
    }
  tag.name_len = name_end - tag.name;
  self_closing = gt[-1] == '/';
  tag.line = reader_line (r, lt);

  if ((*cur)->depth + 1 > MAX_DEPTH)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line %u: elements are nested too deeply"), tag.line);
      return NULL;
    }
  if (*cur == r->tree->doc)
    return read_top_level (r, cur, &tag, self_closing, error);
  if (self_closing)
    return read_empty_leaf (r, *cur, &tag);
  return read_element (r, cur, &tag, error);
}

static gboolean
read_elements (Reader  *r,
               GError **error)
{
  Tree       *tree = r->tree;
  const char *end = r->end;
  const char *p = r->start;
  const char *gap = p; /* where the text before the next element starts */
  Node       *cur = tree->doc;

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *gt;

      if (lt == NULL)
        break;
      if (cur != tree->doc && !cur->warned_text && !all_blank (p, lt))
        warn_text (r, cur, lt);
      if (lt + 1 < end && (lt[1] == '!' || lt[1] == '?'))
        {
          p = read_passthrough (r, cur, lt);
          continue;
        }
      gt = cfg_find_tag_end (lt, end);
      if (gt == NULL)
        return unusual (error);

      if (lt[1] == '/')
        {
          /* The end of the open element. */
          if (!read_end_tag (r, cur, lt, gt, gap, error))
            return FALSE;
          cur = cur->parent;
          p = gap = gt + 1;
          continue;
        }
      p = gap = read_start_tag (r, &cur, lt, gt, gap, error);
      if (p == NULL)
        return FALSE;
    }

  if (cur != tree->doc || !tree->doc->has_child)
    return unusual (error);
  reader_cut (r, end);
  return TRUE;
}

static char *
step_text (const char *name,
           const char *bracket)
{
  return bracket ? g_strdup_printf ("%s[%s]", name, bracket) : g_strdup (name);
}

char *
cfg_xml_child_path (Tree       *tree,
                    Node       *parent,
                    const char *name,
                    const char *bracket)
{
  g_autofree char *step = step_text (name, bracket);

  if (parent == tree->doc)
    return g_steal_pointer (&step);
  return g_strconcat (parent->path, "/", step, NULL);
}

/* Paths (once every identity is known), keys, the index, the indentation. */
static void
finish_reading (PhonesetCfgDocument *self,
                Tree                *tree)
{
  for (guint i = 1; i < tree->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (tree->nodes, i);

      node->path = cfg_xml_child_path (tree, node->parent, node->name, node->bracket);
    }
  for (guint i = 0; i < tree->leaves->len; i++)
    {
      Leaf            *leaf = g_ptr_array_index (tree->leaves, i);
      Entry           *entry = leaf->entry;
      g_autofree char *lookup = NULL;
      const Entry     *before;

      entry->pub.key = cfg_xml_child_path (tree, leaf->parent, leaf->name, leaf->bracket);
      lookup = cfg_xml_tree_lookup_string (NULL, entry->pub.key, -1);
      before = g_hash_table_lookup (self->index, lookup);
      if (before != NULL)
        cfg_warn (self, entry->pub.line,
                  _("%s is set again (also on line %u); the last one is taken, as the phone reads the file from the top [U]"),
                     entry->pub.key, before->pub.line);
      cfg_index_entry (self, entry);
    }
  for (guint i = 1; i < tree->nodes->len && tree->unit == NULL; i++)
    {
      Node *node = g_ptr_array_index (tree->nodes, i);

      if (node->indent != NULL && node->child_indent != NULL &&
          g_str_has_prefix (node->child_indent, node->indent))
        tree->unit = g_strdup (node->child_indent + strlen (node->indent));
    }
  if (tree->unit == NULL)
    tree->unit = g_strdup (tree->flavour->default_unit);
}

/* Checking against GMarkup ------------------------------------------------ */

#define XML_MARK      "\xe2\x81\xa3phoneset\xe2\x81\xa3" /* U+2063 around it */
#define XML_NODE_MARK "phoneset-xml-end-mark"

typedef struct
{
  char       *name;
  char       *attrs[4]; /* the values of the flavour's index attributes */
  guint       position;
  gboolean    had_child;
  const char *id_value;
  GHashTable *counts;
} Level;

typedef struct
{
  PhonesetCfgDocument *doc;
  Tree                *tree;
  GPtrArray           *stack; /* Level; [0] is the document */
  GString             *text;
  guint                leaves_found;
  guint                nodes_found;
  gboolean             bad;
} Check;

static void
level_free (gpointer data)
{
  Level *level = data;

  g_free (level->name);
  for (guint i = 0; i < G_N_ELEMENTS (level->attrs); i++)
    g_free (level->attrs[i]);
  g_hash_table_unref (level->counts);
  g_free (level);
}

static const char *
level_attr (Check      *c,
            Level      *level,
            const char *attr)
{
  const char *const *attrs = c->tree->flavour->index_attrs;

  for (guint i = 0; attrs[i] != NULL && i < G_N_ELEMENTS (level->attrs); i++)
    if (g_strcmp0 (attrs[i], attr) == 0)
      return level->attrs[i];
  return NULL;
}

static gboolean
level_has_attr (Level *level)
{
  for (guint i = 0; i < G_N_ELEMENTS (level->attrs); i++)
    if (level->attrs[i] != NULL)
      return TRUE;
  return FALSE;
}

/* Does the element at @top (and those around it) carry what the scanner
 * read for @name, @ident, @attr, @bracket? */
static gboolean
identity_matches (Check      *c,
                  Level      *level,
                  const char *name,
                  Ident       ident,
                  const char *attr,
                  const char *bracket,
                  gboolean    check_child)
{
  g_autofree char *position = NULL;

  if (!g_str_equal (level->name, name))
    return FALSE;
  switch (ident)
    {
    case IDENT_ATTR:
      return g_strcmp0 (level_attr (c, level, attr), bracket) == 0;
    case IDENT_POSITION:
      position = g_strdup_printf ("%u", level->position);
      return !level_has_attr (level) && g_str_equal (position, bracket);
    case IDENT_CHILD:
      return !level_has_attr (level) && (!check_child || g_strcmp0 (level->id_value, bracket) == 0);
    case IDENT_NONE:
    default:
      return !level_has_attr (level);
    }
}

/* The elements from the document down to @top are @node and its parents. */
static gboolean
chain_matches (Check    *c,
               Node     *node,
               guint     top,
               gboolean  check_child)
{
  for (; node != c->tree->doc; node = node->parent, top--)
    {
      Level *level;

      if (top == 0)
        return FALSE;
      level = g_ptr_array_index (c->stack, top);
      if (node->parent == c->tree->doc)
        {
          /* (A top-level element's attributes name nothing.) */
          g_autofree char *position = g_strdup_printf ("%u", level->position);

          if (!g_str_equal (level->name, node->name) ||
              (node->ident == IDENT_POSITION && !g_str_equal (position, node->bracket)))
            return FALSE;
        }
      else if (!identity_matches (c, level, node->name, node->ident, node->attr, node->bracket,
                                  check_child))
        return FALSE;
    }
  return top == 0;
}

static void
check_start (GMarkupParseContext  *context,
             const char           *element_name,
             const char          **attribute_names,
             const char          **attribute_values,
             gpointer              user_data,
             GError              **error)
{
  Check             *c = user_data;
  Level             *parent = g_ptr_array_index (c->stack, c->stack->len - 1);
  Level             *level;
  const char *const *attrs = c->tree->flavour->index_attrs;

  g_string_truncate (c->text, 0);
  if (g_str_equal (element_name, XML_NODE_MARK))
    {
      guint64 j = 0;

      if (attribute_names[0] == NULL || !g_str_equal (attribute_names[0], "n") ||
          attribute_names[1] != NULL ||
          !g_ascii_string_to_unsigned (attribute_values[0], 10, 0, G_MAXUINT, &j, NULL) ||
          j != c->nodes_found || j >= c->tree->closed->len ||
          !chain_matches (c, g_ptr_array_index (c->tree->closed, j), c->stack->len - 1, TRUE))
        c->bad = TRUE;
      c->nodes_found++;
      return;
    }

  level = g_new0 (Level, 1);
  level->name = g_strdup (element_name);
  level->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; attrs[i] != NULL && i < G_N_ELEMENTS (level->attrs); i++)
    for (guint k = 0; attribute_names[k] != NULL; k++)
      if (g_str_equal (attribute_names[k], attrs[i]))
        {
          g_free (level->attrs[i]);
          level->attrs[i] = g_strdup (attribute_values[k]);
        }
  level->position = GPOINTER_TO_UINT (g_hash_table_lookup (parent->counts, element_name)) + 1;
  g_hash_table_replace (parent->counts, g_strdup (element_name),
                        GUINT_TO_POINTER (level->position));
  parent->had_child = TRUE;
  g_ptr_array_add (c->stack, level);
  if (c->stack->len > MAX_DEPTH + 2)
    c->bad = TRUE;
}

static void
check_end (GMarkupParseContext  *context,
           const char           *element_name,
           gpointer              user_data,
           GError              **error)
{
  Check *c = user_data;
  Level *level;

  if (g_str_equal (element_name, XML_NODE_MARK))
    {
      g_string_truncate (c->text, 0);
      return;
    }
  level = g_ptr_array_index (c->stack, c->stack->len - 1);
  if (g_str_has_prefix (c->text->str, XML_MARK))
    {
      guint64 i = 0;
      Leaf   *leaf;

      /* (A file that holds the marker text itself is refused too.) */
      if (c->tree->leaves->len == 0 ||
          !g_ascii_string_to_unsigned (c->text->str + strlen (XML_MARK), 10, 0,
                                       c->tree->leaves->len - 1, &i, NULL) ||
          i != c->leaves_found)
        c->bad = TRUE;
      else
        {
          leaf = g_ptr_array_index (c->tree->leaves, i);
          if (level->had_child ||
              !identity_matches (c, level, leaf->name, leaf->bracket ? IDENT_ATTR : IDENT_NONE,
                                 leaf->attr, leaf->bracket, FALSE) ||
              !chain_matches (c, leaf->parent, c->stack->len - 2, FALSE))
            c->bad = TRUE;
          else if (c->tree->flavour->id_child != NULL &&
                   g_str_equal (leaf->name, c->tree->flavour->id_child))
            {
              Level *parent = g_ptr_array_index (c->stack, c->stack->len - 2);

              if (parent->id_value == NULL)
                parent->id_value = leaf->entry->pub.value;
            }
        }
      c->leaves_found++;
    }
  g_ptr_array_set_size (c->stack, c->stack->len - 1);
  g_string_truncate (c->text, 0);
}

static void
check_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 text_len,
            gpointer              user_data,
            GError              **error)
{
  Check *c = user_data;

  g_string_append_len (c->text, text, text_len);
}

static gboolean
check_tree (PhonesetCfgDocument  *self,
            Tree                 *tree,
            GError              **error)
{
  static const GMarkupParser parser = { check_start, check_end, check_text, NULL, NULL };
  g_autoptr(GHashTable) values = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) skip = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ends = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) copy = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (level_free);
  g_autoptr(GString) text = g_string_new (NULL);
  Check    c = { self, tree, stack, text, 0, 0, FALSE };
  Level   *doc = g_new0 (Level, 1);
  gboolean parsed;

  doc->name = g_strdup ("");
  doc->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_add (stack, doc);

  for (guint i = 0; i < tree->leaves->len; i++)
    {
      Entry *entry = ((Leaf *)g_ptr_array_index (tree->leaves, i))->entry;

      g_hash_table_insert (values, entry->value, GUINT_TO_POINTER (i + 1));
      if (entry->self_closing)
        g_hash_table_insert (skip, entry->last, entry);
    }
  for (guint j = 0; j < tree->closed->len; j++)
    g_hash_table_insert (ends, ((Node *)g_ptr_array_index (tree->closed, j))->end,
                         GUINT_TO_POINTER (j + 1));

  for (GList *l = self->pieces.head; l != NULL; l = l->next)
    {
      Piece *piece = l->data;
      guint  i = GPOINTER_TO_UINT (g_hash_table_lookup (values, l));
      guint  j = GPOINTER_TO_UINT (g_hash_table_lookup (ends, l));
      Entry *entry;

      if (g_hash_table_contains (skip, l))
        continue;
      if (j > 0)
        g_string_append_printf (copy, "<" XML_NODE_MARK " n=\"%u\"/>", j - 1);
      if (i == 0)
        {
          const char *data = piece->data;
          gsize       len = piece->len;

          /* GMarkup does not skip a byte order mark. */
          if (copy->len == 0)
            data = cfg_skip_bom (data, &len);
          g_string_append_len (copy, data, len);
          continue;
        }
      entry = ((Leaf *)g_ptr_array_index (tree->leaves, i - 1))->entry;
      if (entry->self_closing)
        {
          /* <name attrs/> written as <name attrs>MARK</name>, as an edit
           * would (cfg_xml_tree_set_value()). */
          Piece *first = entry->first->data;
          gsize  n = first->len;

          while (n > 0 && (g_ascii_isspace (first->data[n - 1]) || first->data[n - 1] == '/'))
            n--;
          g_string_truncate (copy, copy->len - MIN (copy->len, first->len - n));
          g_string_append_printf (copy, ">" XML_MARK "%u</%s>", i - 1,
                                  ((Leaf *)g_ptr_array_index (tree->leaves, i - 1))->name);
        }
      else
        g_string_append_printf (copy, XML_MARK "%u", i - 1);
    }

  context = g_markup_parse_context_new (&parser, 0, &c, NULL);
  parsed = g_markup_parse_context_parse (context, copy->str, copy->len, NULL) &&
           g_markup_parse_context_end_parse (context, NULL);
  if (!parsed || c.bad || c.leaves_found != tree->leaves->len || c.nodes_found != tree->closed->len)
    return unusual (error);
  return TRUE;
}

/* Well-formed, as GMarkup reads it: a refusal names the line. */
static gboolean
check_well_formed (const char  *data,
                   gsize        len,
                   GError     **error)
{
  data = cfg_skip_bom (data, &len);
  return cfg_xml_check_well_formed (data, len, 0, NULL, NULL, error);
}

/* The codecs' side ---------------------------------------------------------- */

gboolean
cfg_xml_tree_parse (PhonesetCfgDocument  *self,
                    const CfgXmlFlavour  *flavour,
                    const char           *data,
                    gsize                 len,
                    GError              **error)
{
  g_autoptr(GArray) lines = cfg_split_lines (data, MIN (len, 4096));
  Tree  *tree = g_new0 (Tree, 1);
  gsize  rest = len;
  Reader r = { self, tree, data, data + len, cfg_skip_bom (data, &rest), data, data, 1 };

  tree->flavour = flavour;
  tree->nodes = g_ptr_array_new_with_free_func (node_free);
  tree->leaves = g_ptr_array_new_with_free_func (leaf_free);
  tree->closed = g_ptr_array_new ();
  tree->doc = node_new (tree, NULL, "", 0);
  tree->doc->indent = g_strdup ("");
  self->codec_data = tree;
  self->codec_data_free = tree_free;
  cfg_note_newline (self, lines);

  if (!check_well_formed (data, len, error) || !read_elements (&r, error))
    return FALSE;
  finish_reading (self, tree);
  if (!check_tree (self, tree, error))
    return FALSE;
  g_clear_pointer (&tree->leaves, g_ptr_array_unref);
  g_clear_pointer (&tree->closed, g_ptr_array_unref);
  return TRUE;
}

void
cfg_xml_tree_init (PhonesetCfgDocument *self,
                   const CfgXmlFlavour *flavour)
{
  gboolean ok;

  self->source = g_strdup (flavour->new_file);
  ok = cfg_xml_tree_parse (self, flavour, self->source, strlen (self->source), NULL);
  g_assert (ok);
}

/* Whether the file, after blanks, a declaration and comments, starts with
 * one of the elements @names (or names one in its first 4 KiB). */
gboolean
cfg_xml_detect_root (const char        *data,
                     gsize              len,
                     const char *const *names)
{
  const char *end = data + MIN (len, 4096);
  const char *p = data;

  while (p < end)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '<')
        return FALSE;
      if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
        {
          p = cfg_passthrough_end (p, end);
          continue;
        }
      for (guint i = 0; names[i] != NULL; i++)
        {
          gsize n = strlen (names[i]);

          if ((gsize)(end - p) > n + 1 && memcmp (p + 1, names[i], n) == 0 &&
              (p[n + 1] == '>' || p[n + 1] == '/' || g_ascii_isspace (p[n + 1])))
            return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}
