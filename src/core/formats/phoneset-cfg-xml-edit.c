/* phoneset-cfg-xml-edit.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing nested XML settings files (the tree is read by
 * phoneset-cfg-xml-tree.c): a key as a path of steps, where a missing
 * setting goes (in its parent, after the last element of its name or at
 * the end, its missing parents created) and in which indentation, and
 * values written in place.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <string.h>

#include "phoneset-cfg-xml-tree-private.h"

typedef struct
{
  char *name;
  char *bracket;
} Step;

char *
cfg_xml_tree_lookup_string (const char *section,
                            const char *key,
                            int         idx)
{
  if (idx < 0)
    return g_strdup (key);
  return g_strdup_printf ("%s\x1f%d", key, idx);
}

static void
steps_free (gpointer data)
{
  Step *step = data;

  g_free (step->name);
  g_free (step->bracket);
}

/* “a/b[1]/c” as steps, or NULL when it is not a path of element names. */
static GArray *
parse_key (const char *key)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (Step));
  const char *p = key;

  g_array_set_clear_func (steps, steps_free);
  for (;;)
    {
      const char *name = p;
      Step        step = { NULL, NULL };

      if (!g_ascii_isalpha (*p) && *p != '_')
        return NULL;
      while (cfg_xml_name_char (*p) && (guchar)*p < 0x80)
        p++;
      step.name = g_strndup (name, p - name);
      if (*p == '[')
        {
          const char *b = ++p;

          while (*p != '\0' && *p != ']' && *p != '[' && *p != '/' && *p != '<' && *p != '&' &&
                 *p != '"')
            p++;
          if (*p != ']' || p == b)
            {
              g_free (step.name);
              return NULL;
            }
          step.bracket = g_strndup (b, p - b);
          p++;
        }
      g_array_append_val (steps, step);
      if (*p == '\0')
        break;
      if (*p != '/')
        return NULL;
      p++;
    }
  if (steps->len < 2 || steps->len > MAX_DEPTH)
    return NULL;
  return g_steal_pointer (&steps);
}

static gboolean
step_matches (Node       *node,
              const Step *step)
{
  return g_str_equal (node->name, step->name) && g_strcmp0 (node->bracket, step->bracket) == 0;
}

/* The last child of @parent that is @step, or the last of its name. */
static Node *
find_child (Node       *parent,
            const Step *step,
            gboolean    any_bracket)
{
  for (guint i = parent->children->len; i > 0; i--)
    {
      Node *child = g_ptr_array_index (parent->children, i - 1);

      if (any_bracket ? g_str_equal (child->name, step->name) : step_matches (child, step))
        return child;
    }
  return NULL;
}

static guint
count_named (Node       *parent,
             const char *name)
{
  guint n = 0;

  for (guint i = 0; i < parent->children->len; i++)
    if (g_str_equal (((Node *)g_ptr_array_index (parent->children, i))->name, name))
      n++;
  return n;
}

/* How a new repeated element named @step shows its identity, after the
 * fashion of its @sibling when there is one. */
static Ident
new_ident (Tree       *tree,
           const Step *step,
           Node       *sibling)
{
  const CfgXmlFlavour *flavour = tree->flavour;

  if (step->bracket == NULL)
    return IDENT_NONE;
  if (sibling != NULL && sibling->ident != IDENT_NONE)
    return sibling->ident;
  if (flavour->id_child != NULL && flavour->entry_suffix != NULL &&
      g_str_has_suffix (step->name, flavour->entry_suffix))
    return IDENT_CHILD;
  return IDENT_ATTR;
}

/* Where the first element of @steps would go, walking down from the top. */
static Node *
walk (Tree   *tree,
      GArray *steps,
      guint  *first_new)
{
  Step *root = &g_array_index (steps, Step, 0);
  Node *cur = NULL;
  guint i = 1;

  /* Where the format has one top-level element, the others are kept as
   * they are, and nothing is written into them. */
  if (tree->flavour->multi_root)
    cur = find_child (tree->doc, root, FALSE);
  else if (tree->doc->children->len > 0 &&
           step_matches (g_ptr_array_index (tree->doc->children, 0), root))
    cur = g_ptr_array_index (tree->doc->children, 0);

  if (cur == NULL)
    {
      *first_new = 0;
      return tree->doc;
    }
  while (i + 1 < steps->len)
    {
      Node *child = find_child (cur, &g_array_index (steps, Step, i), FALSE);

      if (child == NULL)
        break;
      cur = child;
      i++;
    }
  *first_new = i;
  return cur;
}

gboolean
cfg_xml_tree_accepts (PhonesetCfgDocument  *self,
                      const PhonesetCfgKey *key)
{
  Tree *tree = self->codec_data;
  g_autoptr(GArray) steps = parse_key (key->key);
  Node *parent;
  Node *sibling;
  Step *step;
  guint first_new;

  if (steps == NULL)
    return FALSE;
  parent = walk (tree, steps, &first_new);
  step = &g_array_index (steps, Step, first_new);
  if (parent == tree->doc)
    /* A missing top-level element: the file's variant is another, or
     * (snom C520) it is added. */
    return tree->flavour->multi_root &&
           cfg_xml_is_root_name (tree->flavour, step->name, strlen (step->name)) &&
           step->bracket == NULL;
  if (first_new + 1 == steps->len)
    return TRUE;
  sibling = find_child (parent, step, TRUE);
  if (new_ident (tree, step, sibling) == IDENT_POSITION)
    {
      /* Counted by position: only the next one can be added. */
      g_autofree char *next = g_strdup_printf ("%u", count_named (parent, step->name) + 1);

      return g_str_equal (next, step->bracket);
    }
  return TRUE;
}

/* Writes new pieces, one after the other, after an anchor or before a
 * piece. */
typedef struct
{
  PhonesetCfgDocument *doc;
  GList               *after;
  GList               *before;
} Emit;

static GList *
emit (Emit       *e,
      const char *text)
{
  if (e->before != NULL)
    return cfg_insert_piece_before (e->doc, e->before, text);
  e->after = cfg_insert_piece_after (e->doc, e->after, text);
  return e->after;
}

static char *
open_tag (const char *name,
          const char *attr,
          const char *bracket)
{
  g_autofree char *value = NULL;

  if (attr == NULL || bracket == NULL)
    return g_strdup_printf ("<%s>", name);
  value = cfg_xml_escape (bracket);
  return g_strdup_printf ("<%s %s=\"%s\">", name, attr, value);
}

static Entry *
emit_leaf (Emit       *e,
           const char *lead,
           const char *name,
           const char *attr,
           const char *bracket,
           const char *value)
{
  Entry           *entry = g_new0 (Entry, 1);
  g_autofree char *open = open_tag (name, attr, bracket);
  g_autofree char *close = g_strdup_printf ("</%s>", name);
  g_autofree char *escaped = cfg_xml_escape (value);

  emit (e, lead);
  entry->first = emit (e, open);
  entry->value = emit (e, escaped);
  entry->last = emit (e, close);
  return entry;
}

/* The node a new element becomes, placed among @parent's children. */
static Node *
add_node (Tree       *tree,
          Node       *parent,
          Node       *sibling,
          const Step *step,
          Ident       ident,
          const char *attr,
          const char *indent)
{
  Node *node = g_new0 (Node, 1);
  guint at = parent->children->len;

  node->parent = parent;
  node->name = g_strdup (step->name);
  node->ident = ident;
  node->attr = g_strdup (attr);
  node->bracket = g_strdup (step->bracket);
  node->path = cfg_xml_child_path (tree, parent, step->name, step->bracket);
  node->indent = g_strdup (indent);
  node->depth = parent->depth + 1;
  node->children = g_ptr_array_new ();
  g_ptr_array_add (tree->nodes, node);
  if (sibling != NULL)
    {
      guint i;

      if (g_ptr_array_find (parent->children, sibling, &i))
        at = i + 1;
    }
  g_ptr_array_insert (parent->children, at, node);
  return node;
}

/* One insertion: the elements from steps[first_new] down to the setting,
 * written after @e's anchor (or before the parent's end tag). */
typedef struct
{
  PhonesetCfgDocument *self;
  Tree                *tree;
  GArray              *steps;
  guint                first_new;
  Node                *parent;  /* the deepest element that exists */
  Node                *sibling; /* the last one of the first new element's name */
  Emit                 e;
  gboolean             before_end;
  gboolean             last; /* the new elements end the parent's children */
  gboolean             own_line;
  char                *indent; /* of the first new element */
  char                *lead;
  Node                *made[MAX_DEPTH + 1];
  guint                n_made;
} Insert;

/* <settings/> becomes <settings></settings>. */
static void
open_self_closing (Node *parent)
{
  Piece           *start = parent->start->data;
  gsize            n = start->len;
  g_autofree char *open = NULL;
  g_autofree char *close = g_strdup_printf ("</%s>", parent->name);

  while (n > 0 && (g_ascii_isspace (start->data[n - 1]) || start->data[n - 1] == '/'))
    n--;
  open = g_strdup_printf ("%.*s>", (int)n, start->data);
  cfg_piece_assign (start, open);
  cfg_piece_assign (parent->end->data, close);
  parent->self_closing = FALSE;
}

/* Where the first new element goes, and in which indentation: after the
 * last element of its name, after the parent's last child, or (a parent
 * without children) before the parent's end tag. */
static void
place_first (Insert *in)
{
  Node *parent = in->parent;

  if (in->sibling != NULL)
    {
      in->e.after = in->sibling->after;
      in->indent = g_strdup (in->sibling->indent);
      in->last = in->sibling->after == parent->last_child;
    }
  else if (parent->has_child)
    {
      in->e.after = parent->last_child;
      in->indent = g_strdup (parent == in->tree->doc ? "" : parent->child_indent);
    }
  else
    {
      in->before_end = TRUE;
      in->e.before = parent->end;
      in->indent = g_strconcat (parent->indent ? parent->indent : "", in->tree->unit, NULL);
    }
  in->own_line = in->indent != NULL;
  if (!in->own_line)
    in->lead = g_strdup ("");
  else if (in->before_end && parent->content_nl)
    in->lead = g_strdup (in->indent);
  else
    in->lead = g_strconcat (in->self->newline, in->indent, NULL);
}

/* A list entry is named by its <ID> child, written first. */
static void
emit_id_child (Insert     *in,
               Node       *node,
               const Step *step,
               const char *level)
{
  PhonesetCfgDocument *self = in->self;
  const CfgXmlFlavour *flavour = in->tree->flavour;
  g_autofree char     *id_indent = in->own_line ? cfg_xml_deeper (level, in->tree->unit, 1) : NULL;
  g_autofree char     *id_lead =
    in->own_line ? g_strconcat (self->newline, id_indent, NULL) : g_strdup ("");
  Entry *id = emit_leaf (&in->e, id_lead, flavour->id_child, NULL, NULL, step->bracket);

  id->pub.key = g_strconcat (node->path, "/", flavour->id_child, NULL);
  id->pub.value = g_strdup (step->bracket);
  id->pub.idx = -1;
  id->pub.raw = cfg_join_pieces (id->first, id->last, TRUE);
  g_ptr_array_add (self->entries, id);
  cfg_index_entry (self, id);
  node->has_child = TRUE;
  node->last_child = emit (&in->e, "");
  node->child_indent = g_steal_pointer (&id_indent);
}

/* The start tags of the new elements that hold the setting. Returns the
 * innermost. */
static Node *
open_new_elements (Insert *in)
{
  Tree                *tree = in->tree;
  const CfgXmlFlavour *flavour = tree->flavour;
  const char          *nl = in->self->newline;
  Node                *holder = in->parent;

  for (guint i = in->first_new; i + 1 < in->steps->len; i++)
    {
      Step            *step = &g_array_index (in->steps, Step, i);
      Node            *sibling = i == in->first_new ? in->sibling : NULL;
      Ident            ident = new_ident (tree, step, sibling);
      const char      *attr = NULL;
      g_autofree char *level =
        in->own_line ? cfg_xml_deeper (in->indent, tree->unit, in->n_made) : NULL;
      g_autofree char *open = NULL;
      g_autofree char *text = NULL;
      Node            *node;

      if (ident == IDENT_ATTR)
        attr = sibling != NULL && sibling->attr ? sibling->attr : flavour->new_index_attr;
      open = open_tag (step->name, attr, step->bracket);
      if (in->n_made == 0)
        text = g_strconcat (in->lead, open, NULL);
      else
        text = g_strconcat (in->own_line ? nl : "", in->own_line ? level : "", open, NULL);
      emit (&in->e, text);
      node = add_node (tree, holder, sibling, step, ident, attr, level);
      in->made[in->n_made++] = node;

      if (ident == IDENT_CHILD)
        emit_id_child (in, node, step, level);
      holder = node;
    }
  return holder;
}

/* The setting itself, empty, in @holder: @entry takes its pieces. */
static void
emit_setting (Insert *in,
              Node   *holder,
              Entry  *entry)
{
  const CfgXmlFlavour *flavour = in->tree->flavour;
  const char          *nl = in->self->newline;
  Step                *step = &g_array_index (in->steps, Step, in->steps->len - 1);
  g_autofree char     *level =
    in->own_line ? cfg_xml_deeper (in->indent, in->tree->unit, in->n_made) : NULL;
  g_autofree char *text = in->n_made == 0
                            ? g_strdup (in->lead)
                            : g_strconcat (in->own_line ? nl : "", in->own_line ? level : "", NULL);
  Entry           *leaf;

  leaf = emit_leaf (&in->e, text, step->name, step->bracket ? flavour->new_index_attr : NULL,
                    step->bracket, "");
  entry->first = leaf->first;
  entry->value = leaf->value;
  entry->last = leaf->last;
  g_free (leaf);
  holder->has_child = TRUE;
  holder->last_child = emit (&in->e, "");
  g_free (holder->child_indent);
  holder->child_indent = g_steal_pointer (&level);
}

/* The end tags of the new elements, innermost first. */
static void
close_new_elements (Insert *in)
{
  const char *nl = in->self->newline;

  for (guint k = in->n_made; k > 0; k--)
    {
      Node            *node = in->made[k - 1];
      Node            *up = k > 1 ? in->made[k - 2] : in->parent;
      g_autofree char *close = in->own_line
                                 ? g_strdup_printf ("%s%s</%s>", nl, node->indent, node->name)
                                 : g_strdup_printf ("</%s>", node->name);

      node->end = emit (&in->e, close);
      node->after = emit (&in->e, "");
      if (k > 1 || in->last)
        {
          up->has_child = TRUE;
          up->last_child = node->after;
          g_free (up->child_indent);
          up->child_indent = g_strdup (node->indent);
        }
    }
}

void
cfg_xml_tree_insert (PhonesetCfgDocument  *self,
                     Entry                *entry,
                     const PhonesetCfgKey *key)
{
  g_autoptr(GArray) steps = parse_key (key->key);
  Insert in = {
    .self = self, .tree = self->codec_data, .steps = steps, .e = { self, NULL, NULL }, .last = TRUE
  };
  Node *holder;

  g_return_if_fail (steps != NULL);

  in.parent = walk (in.tree, steps, &in.first_new);
  if (in.first_new + 1 < steps->len)
    in.sibling = find_child (in.parent, &g_array_index (steps, Step, in.first_new), TRUE);

  if (in.parent->self_closing)
    open_self_closing (in.parent);
  place_first (&in);
  holder = open_new_elements (&in);
  emit_setting (&in, holder, entry);
  close_new_elements (&in);

  if (in.before_end)
    {
      /* What stood before the end tag now follows the new element. */
      Node            *parent = in.parent;
      g_autofree char *tail = g_strconcat (self->newline,
                                           parent->content_nl ? ""
                                           : parent->indent   ? parent->indent
                                                              : "",
                                           NULL);

      emit (&in.e, tail);
      parent->content_nl = FALSE;
    }
  g_free (in.indent);
  g_free (in.lead);
}

void
cfg_xml_tree_set_value (PhonesetCfgDocument *self,
                        Entry               *entry,
                        const char          *value)
{
  g_autofree char *escaped = cfg_xml_escape (value);

  if (entry->self_closing && value[0] != '\0')
    {
      /* <name attrs/> becomes <name attrs>value</name>. */
      Piece           *first = entry->first->data;
      gsize            n = first->len;
      g_autofree char *open = NULL;
      g_autofree char *close = NULL;
      const char      *name_end = first->data + 1;

      while (name_end < first->data + first->len && cfg_xml_name_char (*name_end))
        name_end++;
      close = g_strdup_printf ("</%.*s>", (int)(name_end - (first->data + 1)), first->data + 1);
      while (n > 0 && (g_ascii_isspace (first->data[n - 1]) || first->data[n - 1] == '/'))
        n--;
      open = g_strdup_printf ("%.*s>", (int)n, first->data);
      cfg_piece_assign (first, open);
      cfg_piece_assign (entry->last->data, close);
      entry->self_closing = FALSE;
    }
  cfg_piece_assign (entry->value->data, escaped);
}
