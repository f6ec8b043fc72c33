/* phoneset-cfg-xml-tree-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The element tree of a nested XML settings file, shared by its reader
 * (phoneset-cfg-xml-tree.c) and its writer (phoneset-cfg-xml-edit.c).
 */

#pragma once

#include "phoneset-cfg-private.h"

G_BEGIN_DECLS

#define MAX_DEPTH 64

typedef enum
{
  IDENT_NONE,
  IDENT_ATTR,     /* <line index="1"> */
  IDENT_CHILD,    /* <SIP_Line_List_Entry><ID>SIP1</ID> */
  IDENT_POSITION, /* the second <Port_Config_Entry> */
} Ident;

typedef struct _Node Node;

/* An element with child elements (or room for them: a top-level element,
 * or one that holds only white space with a line break). */
struct _Node
{
  Node       *parent; /* the document's pseudo-node for a top-level element */
  char       *name;
  Ident       ident;
  char       *attr;    /* IDENT_ATTR: which attribute */
  char       *bracket; /* its identity, or NULL */
  char       *path;
  char       *indent; /* the blanks before it on its line, or NULL when it does not start a line */
  guint       depth;  /* 1 for a top-level element */
  guint       position;
  guint       line;
  gboolean    self_closing; /* a top-level <settings/> */
  gboolean    content_nl;   /* no children yet, and a line break before its end tag */
  GList      *start;        /* self_closing: its “<name attrs” piece */
  GList      *end;          /* its end tag (with that line's blanks when content_nl), or “/>” */
  GList      *after;        /* an empty piece right after it */
  GPtrArray  *children;     /* Node, borrowed, in file order */
  GList      *last_child;   /* the empty piece after its last child element, or NULL */
  char       *child_indent; /* that child's indent */
  gboolean    has_child;
  GHashTable *counts; /* child name → how many so far (reading only) */
  char       *id_value;
  gboolean    warned_text;
};

/* A setting read, beside its entry (reading and checking only). */
typedef struct
{
  Node  *parent;
  char  *name;
  char  *attr;
  char  *bracket;
  Entry *entry;
} Leaf;

typedef struct
{
  const CfgXmlFlavour *flavour;
  Node                *doc;    /* the document: its children are the top-level elements */
  GPtrArray           *nodes;  /* Node, owned, in the order they start */
  GPtrArray           *leaves; /* Leaf, in file order (reading only) */
  GPtrArray           *closed; /* Node, in the order of their end tags (reading only) */
  char                *unit;   /* one level of indentation */
} Tree;

G_GNUC_INTERNAL gboolean cfg_xml_name_char    (char                 c);
G_GNUC_INTERNAL gboolean cfg_xml_is_root_name (const CfgXmlFlavour *flavour,
                                               const char          *name,
                                               gsize                len);
G_GNUC_INTERNAL char    *cfg_xml_child_path   (Tree                *tree,
                                               Node                *parent,
                                               const char          *name,
                                               const char          *bracket);
G_GNUC_INTERNAL char    *cfg_xml_deeper       (const char          *indent,
                                               const char          *unit,
                                               guint                n);

G_END_DECLS
