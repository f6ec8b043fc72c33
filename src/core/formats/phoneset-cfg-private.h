/* phoneset-cfg-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inside of a provisioning document, shared by the format codecs
 * (phoneset-cfg-*.c). Nothing outside src/core/phoneset-cfg*.c includes it.
 */

#pragma once

#include <glib.h>

#include "phoneset-cfg.h"

G_BEGIN_DECLS

/* A piece points into the document's copy of the file until it is edited;
 * only then does it own its text. */
typedef struct
{
  const char *data;
  gsize       len;
  char       *owned;
} Piece;

typedef enum
{
  MARK_SECTION,
  MARK_LIST,
  MARK_END,
} MarkKind;

typedef struct
{
  MarkKind kind;
  char    *name;
  char    *section; /* the section a list marker stands in; Yealink INI: a
                     * section's path */
  GList   *first;   /* the first piece of the marker's line */
  GList   *last;    /* the last piece of the marker's line; Yealink INI: of
                     * the section's path line, if it has one */
} Mark;

typedef struct
{
  PhonesetCfgEntry pub;
  char            *list;            /* Fanvil: the sub-list the entry stands under */
  GList           *first;           /* first piece of the line or element */
  GList           *value;           /* the value piece */
  GList           *last;            /* last piece (with the line ending) */
  GList           *lead;            /* a piece before the line that goes with it
                                     * (a line break, indentation), or NULL */
  gboolean         self_closing;    /* snom: <name/>, no value piece content yet */
  gboolean         closed_by_other; /* snom: <name>value</other>, read as name */
  guint            key_column;      /* Fanvil: the column of the ':' */
  Mark            *mark;            /* Yealink INI: the section it stands in */
} Entry;

struct _PhonesetCfgDocument
{
  const struct _PhonesetCfgCodec *codec;
  gatomicrefcount                 ref_count;
  char                           *source; /* the file's bytes, which pieces point into */
  PhonesetCfgFormat               format;
  GQueue                          pieces;        /* Piece */
  GPtrArray                      *entries;       /* Entry */
  GPtrArray                      *marks;         /* Mark (Fanvil) */
  GHashTable                     *index;         /* lookup string → Entry (the last one) */
  const char                     *newline;       /* "\n" or "\r\n", for new lines */
  GList                          *insert_before; /* snom: the </phone-settings> piece */
  GPtrArray                      *warnings;      /* PhonesetCfgWarning */
  gpointer                        codec_data;    /* what a codec keeps beside the pieces */
  GDestroyNotify                  codec_data_free;
};

typedef struct
{
  const char *start; /* the line, without its ending */
  gsize       len;
  const char *ending; /* "\n", "\r\n" or "" */
  gsize       ending_len;
  guint       number;
} Line;

/**
 * PhonesetCfgCodec:
 * @name: the name profiles use for the format
 * @detect: whether a file's first bytes (after a BOM) are of the format
 * @init: fills a new, empty document with what the format requires
 * @parse: reads the file's bytes (@self->source) into pieces and entries
 * @lookup_string: the one string that names where a value lives
 * @lookup_string_list: the same, for formats where the list is part of it
 *   (Yealink INI: the path); %NULL for the others
 * @parse_lines: (nullable): for a format of lines, reads the file's lines
 *   (#Line) instead of @parse
 * @insert: places a new @entry (key, section, idx filled in) in the file,
 *   with an empty value piece
 * @set_value: writes @value into @entry's value piece (escaping it)
 * @key_format: the format whose keys profiles give for this one (snom's
 *   plain text uses the names of its XML), or the format itself
 * @has_key_format: whether @key_format is set
 * @keeps_non_utf8: the reader keeps bytes that are not UTF-8 (in comments
 *   and lines it does not read) with a warning, instead of refusing the file
 * @accepts: (nullable): whether the file has a place for a key it does not
 *   hold yet; a format whose variants name settings differently (Fanvil
 *   XML's <sysConf> and <VOIP_CONFIG_FILE>) writes only the keys of the
 *   file's own variant. %NULL: every key.
 * @key_is_secret: (nullable): whether a key the format names by number,
 *   not by words (Grandstream's P2, P34), holds a password; such a line is
 *   shown masked as phoneset_cfg_key_looks_secret() masks the others
 *
 * One file format.
 */
typedef struct _PhonesetCfgCodec
{
  const char *name;
  gboolean (*detect) (const char *data, gsize len);
  void (*init) (PhonesetCfgDocument *self);
  gboolean (*parse) (PhonesetCfgDocument *self, const char *data, gsize len, GError **error);
  gboolean (*parse_lines) (PhonesetCfgDocument *self, GArray *lines, GError **error);
  char *(*lookup_string) (const char *section, const char *key, int idx);
  char *(*lookup_string_list) (const char *section, const char *list, const char *key, int idx);
  void (*insert) (PhonesetCfgDocument *self, Entry *entry, const PhonesetCfgKey *key);
  void (*set_value) (PhonesetCfgDocument *self, Entry *entry, const char *value);
  gboolean          has_key_format;
  PhonesetCfgFormat key_format;
  gboolean          keeps_non_utf8;
  gboolean (*accepts) (PhonesetCfgDocument *self, const PhonesetCfgKey *key);
  gboolean (*key_is_secret) (const char *key);
} PhonesetCfgCodec;

extern const PhonesetCfgCodec _phoneset_cfg_codec_yealink;
extern const PhonesetCfgCodec _phoneset_cfg_codec_fanvil;
extern const PhonesetCfgCodec _phoneset_cfg_codec_snom_xml;
extern const PhonesetCfgCodec _phoneset_cfg_codec_yealink_ini;
extern const PhonesetCfgCodec _phoneset_cfg_codec_snom_text;
extern const PhonesetCfgCodec _phoneset_cfg_codec_fanvil_xml;
extern const PhonesetCfgCodec _phoneset_cfg_codec_snom_c520;
extern const PhonesetCfgCodec _phoneset_cfg_codec_grandstream_xml;
extern const PhonesetCfgCodec _phoneset_cfg_codec_grandstream_text;
extern const PhonesetCfgCodec _phoneset_cfg_codec_grandstream_alias_xml;
extern const PhonesetCfgCodec _phoneset_cfg_codec_poly_xml;

/* Pieces, entries and lines (phoneset-cfg.c) */
G_GNUC_INTERNAL gboolean cfg_starts_with_header (const char *data, gsize len, const char *header);
G_GNUC_INTERNAL void     cfg_piece_free (gpointer data);
G_GNUC_INTERNAL Piece   *cfg_piece_new_owned (const char *text);
G_GNUC_INTERNAL void     cfg_piece_assign (Piece *piece, const char *text);
G_GNUC_INTERNAL gboolean cfg_piece_ends_with (Piece *piece, const char *suffix);
G_GNUC_INTERNAL void     cfg_entry_free (gpointer data);
G_GNUC_INTERNAL void     cfg_mark_free (gpointer data);
G_GNUC_INTERNAL GList   *cfg_append_piece (PhonesetCfgDocument *self, const char *text, gssize len);
G_GNUC_INTERNAL GList *
cfg_insert_piece_before (PhonesetCfgDocument *self, GList *sibling, const char *text);
G_GNUC_INTERNAL GList *
cfg_insert_piece_after (PhonesetCfgDocument *self, GList *sibling, const char *text);
G_GNUC_INTERNAL char       *cfg_join_pieces (GList *first, GList *last, gboolean strip_newline);
G_GNUC_INTERNAL void        cfg_index_entry (PhonesetCfgDocument *self, Entry *entry);
G_GNUC_INTERNAL void        cfg_rebuild_index (PhonesetCfgDocument *self);
G_GNUC_INTERNAL const char *cfg_skip_bom (const char *data, gsize *len);
G_GNUC_INTERNAL GArray     *cfg_split_lines (const char *data, gsize len);
G_GNUC_INTERNAL char       *cfg_excerpt (const char *start, gsize len);
G_GNUC_INTERNAL void        cfg_trim_span (const char **start, gsize *len);
G_GNUC_INTERNAL void        cfg_note_newline (PhonesetCfgDocument *self, GArray *lines);
G_GNUC_INTERNAL Entry      *cfg_add_value_line (PhonesetCfgDocument *self,
                                                const Line          *line,
                                                const char          *value_start,
                                                gsize                value_len);
G_GNUC_INTERNAL void        cfg_add_raw_line (PhonesetCfgDocument *self, const Line *line);
G_GNUC_INTERNAL void cfg_warn (PhonesetCfgDocument *self, guint line, const char *format, ...)
  G_GNUC_PRINTF (3, 4);
G_GNUC_INTERNAL void     cfg_refresh_raw (Entry *entry);
G_GNUC_INTERNAL void     cfg_set_line_value (Entry *entry, const char *value);
G_GNUC_INTERNAL gboolean cfg_ends_line (GList *piece);
G_GNUC_INTERNAL const char *
cfg_begin_line_after (PhonesetCfgDocument *self, GList **after, GList **lead);
G_GNUC_INTERNAL gboolean cfg_line_is_text (const Line *line);
G_GNUC_INTERNAL void     cfg_drop_trailing_blanks (Entry *entry);
G_GNUC_INTERNAL gboolean cfg_equals_spaced (PhonesetCfgDocument *self);
G_GNUC_INTERNAL void
cfg_set_equals_value (PhonesetCfgDocument *self, Entry *entry, const char *value);

/* Grandstream P-values (phoneset-cfg-grandstream.c) */
G_GNUC_INTERNAL gboolean    cfg_grandstream_key_is_secret (const char *key);

/* XML scanning (phoneset-cfg-xml.c) */
G_GNUC_INTERNAL char       *cfg_xml_escape (const char *value);
G_GNUC_INTERNAL char       *cfg_xml_unescape (const char *text, gsize len);
G_GNUC_INTERNAL gboolean    cfg_xml_check_well_formed (const char       *data,
                                                       gsize             len,
                                                       GMarkupParseFlags flags,
                                                       const char       *root,
                                                       const char       *root_hint,
                                                       GError          **error);
G_GNUC_INTERNAL const char *cfg_find_tag_end (const char *p, const char *end);
G_GNUC_INTERNAL char       *cfg_tag_attribute (const char *tag, gsize len, const char *name);
G_GNUC_INTERNAL guint       cfg_count_lines (const char *from, const char *to);
G_GNUC_INTERNAL const char *cfg_passthrough_end (const char *open, const char *end);

/* Nested XML settings files (phoneset-cfg-xml-tree.c) */

/**
 * CfgXmlFlavour:
 * @roots: the top-level elements the format has, %NULL-terminated
 * @bad_root: what a file whose first element is none of @roots is told
 *   (untranslated: “a Fanvil XML file starts with <sysConf> or …”)
 * @multi_root: the file may hold several of @roots side by side, and a
 *   missing one is added (snom C520: <file>, <profile>, <settings>)
 * @index_attrs: the attributes that name a repeated element
 *   (<line index="1">, <idx id="1">), %NULL-terminated
 * @new_index_attr: the one a new repeated element gets
 * @id_child: (nullable): a child element that names a list entry (Fanvil's
 *   <SIP_Line_List_Entry><ID>SIP1</ID>)
 * @entry_suffix: (nullable): list entries without an @id_child are named by
 *   their position among same-named siblings (“_Entry”)
 * @default_unit: the indentation step when the file shows none
 * @new_file: a new, empty file of the format
 *
 * How one format lays out nested XML.
 */
typedef struct
{
  const char *const *roots;
  const char        *bad_root;
  gboolean           multi_root;
  const char *const *index_attrs;
  const char        *new_index_attr;
  const char        *id_child;
  const char        *entry_suffix;
  const char        *default_unit;
  const char        *new_file;
} CfgXmlFlavour;

G_GNUC_INTERNAL void cfg_xml_tree_init (PhonesetCfgDocument *self, const CfgXmlFlavour *flavour);
G_GNUC_INTERNAL gboolean cfg_xml_tree_parse (PhonesetCfgDocument *self,
                                             const CfgXmlFlavour *flavour,
                                             const char          *data,
                                             gsize                len,
                                             GError             **error);
G_GNUC_INTERNAL char    *cfg_xml_tree_lookup_string (const char *section, const char *key, int idx);
G_GNUC_INTERNAL gboolean cfg_xml_tree_accepts (PhonesetCfgDocument  *self,
                                               const PhonesetCfgKey *key);
G_GNUC_INTERNAL void
cfg_xml_tree_insert (PhonesetCfgDocument *self, Entry *entry, const PhonesetCfgKey *key);
G_GNUC_INTERNAL void
cfg_xml_tree_set_value (PhonesetCfgDocument *self, Entry *entry, const char *value);
G_GNUC_INTERNAL gboolean cfg_xml_detect_root (const char        *data,
                                              gsize              len,
                                              const char *const *names);

G_END_DECLS
