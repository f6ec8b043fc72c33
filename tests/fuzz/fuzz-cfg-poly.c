/* fuzz-cfg-poly.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Poly UC Software XML codec (the property is in fuzz-cfg-common.h):
 * a key the file seldom has (added to an element or as a new one), a line
 * key, and the master file's own key (the only kind a master file takes).
 */

#include "config.h"

#include "fuzz-cfg-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const PhonesetCfgKey keys[] = {
    { NULL, NULL, "tcpIpApp.ice.stun.server", -1 },
    { NULL, NULL, "reg.1.address", -1 },
    { NULL, NULL, "CONFIG_FILES", -1 },
  };

  return fuzz_cfg_one_of (PHONESET_CFG_FORMAT_POLY_XML, keys, G_N_ELEMENTS (keys), data, size);
}
