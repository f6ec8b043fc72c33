/* fuzz-cfg-grandstream.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Grandstream codecs, all three on every input (the property is in
 * fuzz-cfg-common.h): the XML P-values with a P-value, an alias item and
 * an element under <mac>'s sibling a file seldom has, then the plain text
 * with the same keys (it writes only the P-values). A masked line of
 * either never holds a secret P-value's value.
 */

#include "config.h"

#include <string.h>

#include "fuzz-cfg-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const PhonesetCfgKey keys[] = {
    { NULL, NULL, "gs_provision/config/P76", -1 },
    { NULL, NULL, "gs_provision/config/P34", -1 },
    { NULL, NULL, "gs_provision/config/item[network.port.eth.1.vlan.tag]", -1 },
  };

  static const PhonesetCfgFormat formats[] = { PHONESET_CFG_FORMAT_GRANDSTREAM_XML,
                                               PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML,
                                               PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(PhonesetCfgDocument) doc =
                   phoneset_cfg_document_parse (formats[f], (const char *)data, size, NULL);

      for (guint i = 0; doc != NULL && i < phoneset_cfg_document_get_n_entries (doc); i++)
        {
          const PhonesetCfgEntry *entry = phoneset_cfg_document_get_entry (doc, i);
          g_autofree char        *masked = phoneset_cfg_document_dup_entry_masked (doc, i);

          if ((g_str_has_suffix (entry->key, "/P34") ||
               g_str_has_suffix (entry->key, "password]")) &&
              entry->value[0] != '\0' && strlen (entry->value) > 8)
            g_assert_null (strstr (masked, entry->value));
        }
      fuzz_cfg_one_of (formats[f], keys, G_N_ELEMENTS (keys), data, size);
    }
  return 0;
}
