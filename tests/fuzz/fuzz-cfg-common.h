/* fuzz-cfg-common.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The property every CFG codec must have, for its fuzz target: any input
 * is refused with an error or read; what is read writes back byte for byte,
 * and stays readable after an edit. The text a reader gives (entries,
 * warnings, errors) is UTF-8, whatever the file's bytes.
 */

#pragma once

#include <stdint.h>

#include "phoneset-cfg.h"

static inline int
fuzz_cfg_one (PhonesetCfgFormat     format,
              const PhonesetCfgKey *key,
              const uint8_t        *data,
              size_t                size)
{
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char *bytes;
  gsize len;

  doc = phoneset_cfg_document_parse (format, (const char *)data, size, &error);
  if (doc == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  out = phoneset_cfg_document_serialize (doc);
  bytes = g_bytes_get_data (out, &len);
  g_assert_cmpmem (bytes, len, data, size);

  /* What a reader hands on is text, even from a file that is not all
   * UTF-8 (the tolerant readers keep such bytes with a warning). */
  for (guint i = 0; i < phoneset_cfg_document_get_n_entries (doc); i++)
    {
      const PhonesetCfgEntry *entry = phoneset_cfg_document_get_entry (doc, i);

      g_assert_nonnull (entry->key);
      g_assert_true (g_utf8_validate (entry->key, -1, NULL));
      g_assert_true (g_utf8_validate (entry->value, -1, NULL));
      g_assert_true (g_utf8_validate (entry->raw, -1, NULL));
      g_assert_true (entry->section == NULL || g_utf8_validate (entry->section, -1, NULL));
    }
  for (guint i = 0; i < phoneset_cfg_document_get_warnings (doc)->len; i++)
    g_assert_true (g_utf8_validate (((PhonesetCfgWarning *)g_ptr_array_index (phoneset_cfg_document_get_warnings (doc), i))->message,
                                    -1, NULL));

  phoneset_cfg_document_set (doc, key, "fuzz & <value>");
  edited = phoneset_cfg_document_serialize (doc);
  bytes = g_bytes_get_data (edited, &len);
  again = phoneset_cfg_document_parse (format, bytes, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_cfg_document_get (again, key), ==, "fuzz & <value>");
  return 0;
}

/* The same for a format whose variants hold a setting in different places
 * (Fanvil XML's <sysConf> and <VOIP_CONFIG_FILE>): each key is written;
 * those the file has a place for read back, and at least one does. */
static inline int
fuzz_cfg_one_of (PhonesetCfgFormat     format,
                 const PhonesetCfgKey *keys,
                 guint                 n_keys,
                 const uint8_t        *data,
                 size_t                size)
{
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char *bytes;
  gsize       len;
  guint       written = 0;

  doc = phoneset_cfg_document_parse (format, (const char *)data, size, &error);
  if (doc == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  out = phoneset_cfg_document_serialize (doc);
  bytes = g_bytes_get_data (out, &len);
  g_assert_cmpmem (bytes, len, data, size);

  for (guint i = 0; i < phoneset_cfg_document_get_n_entries (doc); i++)
    g_assert_nonnull (phoneset_cfg_document_get_entry (doc, i)->key);
  for (guint i = 0; i < phoneset_cfg_document_get_warnings (doc)->len; i++)
    g_assert_true (g_utf8_validate (((PhonesetCfgWarning *)g_ptr_array_index (phoneset_cfg_document_get_warnings (doc), i))->message, -1, NULL));

  for (guint k = 0; k < n_keys; k++)
    phoneset_cfg_document_set (doc, &keys[k], "fuzz & <value>");
  edited = phoneset_cfg_document_serialize (doc);
  bytes = g_bytes_get_data (edited, &len);
  again = phoneset_cfg_document_parse (format, bytes, len, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < n_keys; k++)
    {
      const char *in_doc = phoneset_cfg_document_get (doc, &keys[k]);
      const char *read = phoneset_cfg_document_get (again, &keys[k]);

      if (in_doc != NULL)
        {
          g_assert_cmpstr (read, ==, "fuzz & <value>");
          written++;
        }
    }
  g_assert_cmpuint (written, >, 0);
  return 0;
}
