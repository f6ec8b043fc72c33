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

          while (*p != '\0' && *p != ']' && *p != '[' && *p != '/' && *p != '<' && *p != '&' && *p != '"')
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
  if (flavour->id_child != NULL && flavour->entry_suffix != NULL && g_str_has_suffix (step->name, flavour->entry_suffix))
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
  else if (tree->doc->children->len > 0 && step_matches (g_ptr_array_index (tree->doc->children, 0), root))
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
    return tree->flavour->multi_root && cfg_xml_is_root_name (tree->flavour, step->name, strlen (step->name)) &&
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

void
cfg_xml_tree_insert (PhonesetCfgDocument  *self,
                     Entry                *entry,
                     const PhonesetCfgKey *key)
{
  Tree                *tree = self->codec_data;
  const CfgXmlFlavour *flavour = tree->flavour;
  g_autoptr(GArray) steps = parse_key (key->key);
  const char      *nl = self->newline;
  Node            *parent, *sibling, *holder;
  guint            first_new;
  gboolean         before_end = FALSE, last = TRUE, own_line;
  g_autofree char *indent = NULL; /* of the first new element */
  g_autofree char *lead = NULL;
  Emit             e = { self, NULL, NULL };
  Node            *made[MAX_DEPTH + 1];
  guint            n_made = 0;
  Entry           *leaf;

  g_return_if_fail (steps != NULL);

  parent = walk (tree, steps, &first_new);
  sibling = NULL;
  if (first_new + 1 < steps->len)
    sibling = find_child (parent, &g_array_index (steps, Step, first_new), TRUE);

  if (parent->self_closing)
    {
      /* <settings/> becomes <settings></settings>. */
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
  if (sibling != NULL)
    {
      e.after = sibling->after;
      indent = g_strdup (sibling->indent);
      last = sibling->after == parent->last_child;
    }
  else if (parent->has_child)
    {
      e.after = parent->last_child;
      indent = g_strdup (parent == tree->doc ? "" : parent->child_indent);
    }
  else
    {
      before_end = TRUE;
      e.before = parent->end;
      indent = g_strconcat (parent->indent ? parent->indent : "", tree->unit, NULL);
    }
  own_line = indent != NULL;
  if (!own_line)
    lead = g_strdup ("");
  else if (before_end && parent->content_nl)
    lead = g_strdup (indent);
  else
    lead = g_strconcat (nl, indent, NULL);

  holder = parent;
  for (guint i = first_new; i + 1 < steps->len; i++)
    {
      Step            *step = &g_array_index (steps, Step, i);
      Ident            ident = new_ident (tree, step, i == first_new ? sibling : NULL);
      const char      *attr = NULL;
      g_autofree char *level = own_line ? cfg_xml_deeper (indent, tree->unit, n_made) : NULL;
      g_autofree char *open = NULL;
      g_autofree char *text = NULL;
      Node            *node;

      if (ident == IDENT_ATTR)
        attr = i == first_new && sibling != NULL && sibling->attr ? sibling->attr : flavour->new_index_attr;
      open = open_tag (step->name, attr, step->bracket);
      if (n_made == 0)
        text = g_strconcat (lead, open, NULL);
      else
        text = g_strconcat (own_line ? nl : "", own_line ? level : "", open, NULL);
      emit (&e, text);
      node = add_node (tree, holder, i == first_new ? sibling : NULL, step, ident, attr, level);
      made[n_made++] = node;

      if (ident == IDENT_CHILD)
        {
          /* A list entry is named by its <ID> child, written first. */
          g_autofree char *id_indent = own_line ? cfg_xml_deeper (level, tree->unit, 1) : NULL;
          g_autofree char *id_lead = own_line ? g_strconcat (nl, id_indent, NULL) : g_strdup ("");
          Entry           *id = emit_leaf (&e, id_lead, flavour->id_child, NULL, NULL, step->bracket);

          id->pub.key = g_strconcat (node->path, "/", flavour->id_child, NULL);
          id->pub.value = g_strdup (step->bracket);
          id->pub.idx = -1;
          id->pub.raw = cfg_join_pieces (id->first, id->last, TRUE);
          g_ptr_array_add (self->entries, id);
          cfg_index_entry (self, id);
          node->has_child = TRUE;
          node->last_child = emit (&e, "");
          node->child_indent = g_steal_pointer (&id_indent);
        }
      holder = node;
    }

  {
    Step            *step = &g_array_index (steps, Step, steps->len - 1);
    g_autofree char *level = own_line ? cfg_xml_deeper (indent, tree->unit, n_made) : NULL;
    g_autofree char *text = n_made == 0 ? g_strdup (lead) : g_strconcat (own_line ? nl : "", own_line ? level : "", NULL);

    leaf = emit_leaf (&e, text, step->name, step->bracket ? flavour->new_index_attr : NULL, step->bracket, "");
    entry->first = leaf->first;
    entry->value = leaf->value;
    entry->last = leaf->last;
    g_free (leaf);
    holder->has_child = TRUE;
    holder->last_child = emit (&e, "");
    g_free (holder->child_indent);
    holder->child_indent = g_steal_pointer (&level);
  }

  for (guint k = n_made; k > 0; k--)
    {
      Node            *node = made[k - 1];
      Node            *up = k > 1 ? made[k - 2] : parent;
      g_autofree char *close = own_line ? g_strdup_printf ("%s%s</%s>", nl, node->indent, node->name)
                                        : g_strdup_printf ("</%s>", node->name);

      node->end = emit (&e, close);
      node->after = emit (&e, "");
      if (k > 1 || last)
        {
          up->has_child = TRUE;
          up->last_child = node->after;
          g_free (up->child_indent);
          up->child_indent = g_strdup (node->indent);
        }
    }

  if (before_end)
    {
      /* What stood before the end tag now follows the new element. */
      g_autofree char *tail = g_strconcat (nl, parent->content_nl ? "" : parent->indent ? parent->indent
                                                                                        : "",
                                           NULL);

      emit (&e, tail);
      parent->content_nl = FALSE;
    }
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
