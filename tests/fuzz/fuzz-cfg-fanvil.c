/* fuzz-cfg-fanvil.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fanvil codec: any input is refused with an error or read; what is read
 * writes back byte for byte, and stays readable after an edit.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "phoneset-cfg.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  PhonesetCfgKey key = { "SIP CONFIG MODULE", "--SIP Line List--", "SIP1 NAT Type", -1 };
  const char    *bytes;
  gsize          len;

  doc = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_FANVIL, (const char *)data, size, &error);
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

  phoneset_cfg_document_set (doc, &key, "fuzz & <value>");
  edited = phoneset_cfg_document_serialize (doc);
  bytes = g_bytes_get_data (edited, &len);
  again = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_FANVIL, bytes, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_cfg_document_get (again, &key), ==, "fuzz & <value>");
  return 0;
}
