/* fuzz-cfg-yealink.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yealink codec (the property is in fuzz-cfg-common.h).
 */

#include "config.h"

#include "fuzz-cfg-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const PhonesetCfgKey key = { NULL, NULL, "static.sip.nat_stun.server", -1 };

  return fuzz_cfg_one (PHONESET_CFG_FORMAT_YEALINK, &key, data, size);
}
