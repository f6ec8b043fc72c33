/* fuzz-cfg-yealink-ini.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Yealink INI codec (the property is in fuzz-cfg-common.h).
 */

#include "config.h"

#include "fuzz-cfg-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const PhonesetCfgKey key = { "NAT", "/config/voip/sipAccount0.cfg", "STUNServer", -1 };

  return fuzz_cfg_one (PHONESET_CFG_FORMAT_YEALINK_INI, &key, data, size);
}
