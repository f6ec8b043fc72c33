/* fuzz-cfg-snom-c520.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The snom C520 codec (the property is in fuzz-cfg-common.h): an account's
 * STUN server, and a network key whose parents a file seldom has.
 */

#include "config.h"

#include "fuzz-cfg-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const PhonesetCfgKey keys[] = {
    { NULL, NULL, "settings/sip_account/idx[1]/nat_traversal_stun_server_address", -1 },
    { NULL, NULL, "settings/network/vlan/wan/id", -1 },
    { NULL, NULL, "profile/admin/access_password", -1 },
  };

  return fuzz_cfg_one_of (PHONESET_CFG_FORMAT_SNOM_C520, keys, G_N_ELEMENTS (keys), data, size);
}
