/* phoneset-cfg.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PhonesetCfgFormat:
 * @PHONESET_CFG_FORMAT_YEALINK: `#!version:1.0.0.1` then `key = value` lines
 * @PHONESET_CFG_FORMAT_FANVIL: `<<VOIP CONFIG FILE>>` sectioned `Key :value` text
 *   (Fanvil and PLANET)
 * @PHONESET_CFG_FORMAT_SNOM_XML: snom `<settings><phone-settings>` XML
 * @PHONESET_CFG_FORMAT_YEALINK_INI: Yealink's old INI files (T2x, T28P, VP530
 *   firmware before x.70): `[ section ]`, `path = /config/voip/sipAccount0.cfg`
 *   (the phone's own file the section goes in), then `Key = value` lines
 * @PHONESET_CFG_FORMAT_SNOM_TEXT: snom's plain-text settings (`.txt`, `.htm`,
 *   firmware 4 to 8): `name$: value` lines, an identity's number appended to
 *   the name (`user_name1`); it borrows the names of snom's XML
 * @PHONESET_CFG_FORMAT_FANVIL_XML: Fanvil XML, both generations: `<sysConf>`
 *   (`<sip><line index="1"><PhoneNumber>`) and `<VOIP_CONFIG_FILE>`
 *   (`<SIP_CONFIG_MODULE><SIP_Line_List><SIP_Line_List_Entry><ID>SIP1</ID>`);
 *   a key is the path of elements from the root (`sysConf/sip/line[1]/PhoneNumber`)
 * @PHONESET_CFG_FORMAT_SNOM_C520: the snom C520 conference phone's XML
 *   (`<settings><sip_account><idx id="1"><user_id>`, beside `<file>` and
 *   `<profile>`); a key is a path as for Fanvil XML
 *   (`settings/sip_account/idx[1]/user_id`)
 * @PHONESET_CFG_FORMAT_GRANDSTREAM_XML: Grandstream's XML P-values
 *   (`<gs_provision><config><P47>`); a key is a path as for Fanvil XML
 *   (`gs_provision/config/P47`)
 * @PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT: Grandstream's older plain-text
 *   P-values (`P47 = value` lines, `#` comments); it borrows the keys of
 *   the XML form
 * @PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML: Grandstream's XML in alias
 *   names (`<config version="2"><item name="account.1.sip.userid">`); a
 *   key is a path (`gs_provision/config/item[account.1.sip.userid]`)
 * @PHONESET_CFG_FORMAT_POLY_XML: Poly (Polycom) UC Software XML: settings are
 *   attributes (`<polycomConfig><nat nat.ip="…"/>`, `<PHONE_CONFIG><ALL …/>`,
 *   the master file's `<APPLICATION CONFIG_FILES="…"/>`); a key is the
 *   attribute's name (`nat.ip`), whatever element holds it
 *
 * The vendors' provisioning file formats. New values go at the end: profiles
 * and saved files name formats by string, but the order is the codec table's.
 */
typedef enum
{
  PHONESET_CFG_FORMAT_YEALINK,
  PHONESET_CFG_FORMAT_FANVIL,
  PHONESET_CFG_FORMAT_SNOM_XML,
  PHONESET_CFG_FORMAT_YEALINK_INI,
  PHONESET_CFG_FORMAT_SNOM_TEXT,
  PHONESET_CFG_FORMAT_FANVIL_XML,
  PHONESET_CFG_FORMAT_SNOM_C520,
  PHONESET_CFG_FORMAT_GRANDSTREAM_XML,
  PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT,
  PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML,
  PHONESET_CFG_FORMAT_POLY_XML,
} PhonesetCfgFormat;

/**
 * PhonesetCfgKey:
 * @section: the Fanvil module (`SIP CONFIG MODULE`), the Yealink INI
 *   `[ section ]` name (`NAT`), %NULL elsewhere
 * @list: the Fanvil sub-list a new key goes under (`--SIP Line List--`), the
 *   Yealink INI section's `path` (`/config/voip/sipAccount0.cfg`: part of
 *   where the value lives, as the same section repeats once per account), or
 *   %NULL
 * @key: the key (Yealink, Fanvil), element name (snom) or element path
 *   (Fanvil XML, snom C520: `sysConf/sip/line[1]/PhoneNumber`)
 * @idx: the snom `idx` attribute (in snom's plain text, the number after the
 *   name), or -1 for none
 *
 * Where one value lives in a file.
 */
typedef struct
{
  const char *section;
  const char *list;
  const char *key;
  int         idx;
} PhonesetCfgKey;

/**
 * PhonesetCfgEntry:
 * @section: as in #PhonesetCfgKey
 * @key: as in #PhonesetCfgKey
 * @idx: as in #PhonesetCfgKey
 * @perm: the snom `perm` attribute; in snom's plain text the flag after the
 *   name as written (`$`, `!`, `&` or `#`), or %NULL
 * @value: the value, unescaped
 * @raw: the whole line (or element) as it stands in the file
 * @line: the 1-based line number
 */
typedef struct
{
  char *section;
  char *key;
  int   idx;
  char *perm;
  char *value;
  char *raw;
  guint line;
} PhonesetCfgEntry;

/**
 * PhonesetCfgWarning:
 * @line: the 1-based line number, or 0 for the whole file
 * @message: what was odd, and what Phoneset did about it
 *
 * Something a tolerant reader met and kept: a line it does not understand,
 * bytes that are not text, XML that is not well-formed. Reading goes on.
 */
typedef struct
{
  guint line;
  char *message;
} PhonesetCfgWarning;

typedef struct _PhonesetCfgDocument PhonesetCfgDocument;

#define PHONESET_CFG_MAX_SIZE (16 * 1024 * 1024)

const char *phoneset_cfg_format_to_string (PhonesetCfgFormat format);
gboolean    phoneset_cfg_format_from_string (const char *text, PhonesetCfgFormat *format);
gboolean    phoneset_cfg_format_get_key_format (PhonesetCfgFormat  format,
                                                PhonesetCfgFormat *key_format);
gboolean    phoneset_cfg_detect_format (const char *data, gsize len, PhonesetCfgFormat *format);
char       *phoneset_cfg_dup_format_names (void);
const char *phoneset_cfg_get_families (void);
char       *phoneset_cfg_dup_unknown_format_message (const char *name);
char       *phoneset_cfg_dup_not_provisioning_file (const char *name);

PhonesetCfgDocument *phoneset_cfg_document_new (PhonesetCfgFormat format);
PhonesetCfgDocument *
phoneset_cfg_document_parse (PhonesetCfgFormat format, const char *data, gsize len, GError **error);
PhonesetCfgDocument *phoneset_cfg_document_ref (PhonesetCfgDocument *self);
void                 phoneset_cfg_document_unref (PhonesetCfgDocument *self);
PhonesetCfgFormat    phoneset_cfg_document_get_format (PhonesetCfgDocument *self);
const char *phoneset_cfg_document_get (PhonesetCfgDocument *self, const PhonesetCfgKey *key);
void
phoneset_cfg_document_set (PhonesetCfgDocument *self, const PhonesetCfgKey *key, const char *value);
gboolean phoneset_cfg_document_remove (PhonesetCfgDocument *self, const PhonesetCfgKey *key);
const PhonesetCfgEntry *phoneset_cfg_document_lookup_entry (PhonesetCfgDocument  *self,
                                                            const PhonesetCfgKey *key);
guint                   phoneset_cfg_document_get_n_entries (PhonesetCfgDocument *self);
const PhonesetCfgEntry *phoneset_cfg_document_get_entry (PhonesetCfgDocument *self, guint position);
GBytes                 *phoneset_cfg_document_serialize (PhonesetCfgDocument *self);
GPtrArray              *phoneset_cfg_document_get_warnings (PhonesetCfgDocument *self);
char *phoneset_cfg_document_dup_key_identity (PhonesetCfgDocument *self, const PhonesetCfgKey *key);
char *phoneset_cfg_document_dup_entry_identity (PhonesetCfgDocument *self, guint position);
gboolean phoneset_cfg_key_looks_secret (const char *key);
char    *phoneset_cfg_entry_dup_masked (const PhonesetCfgEntry *entry);
char    *phoneset_cfg_document_dup_entry_masked (PhonesetCfgDocument *self, guint position);
char    *phoneset_cfg_mask_url_passwords (const char *text);
char    *phoneset_cfg_mask_message (const char *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhonesetCfgDocument, phoneset_cfg_document_unref)

G_END_DECLS
