/* fuzz-cfg-snom-text.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The snom plain-text codec (the property is in fuzz-cfg-common.h).
 */

#include "config.h"

#include "fuzz-cfg-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const PhonesetCfgKey key = { NULL, NULL, "stun_server", 1 };

  return fuzz_cfg_one (PHONESET_CFG_FORMAT_SNOM_TEXT, &key, data, size);
}
