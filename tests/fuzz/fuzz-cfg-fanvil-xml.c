/* fuzz-cfg-fanvil-xml.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Fanvil XML codec, both generations (the property is in
 * fuzz-cfg-common.h): a line's number, and a new section.
 */

#include "config.h"

#include "fuzz-cfg-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const PhonesetCfgKey keys[] = {
    { NULL, NULL, "sysConf/sip/line[1]/PhoneNumber", -1 },
    { NULL, NULL,
      "VOIP_CONFIG_FILE/SIP_CONFIG_MODULE/SIP_Line_List/SIP_Line_List_Entry[SIP1]/Phone_Number",
      -1 },
    { NULL, NULL, "sysConf/fwCheck/UpgradeServer1", -1 },
    { NULL, NULL, "VOIP_CONFIG_FILE/AUTOUPDATE_CONFIG_MODULE/Alert_Info_Ring_Entry[2]/Text", -1 },
  };

  return fuzz_cfg_one_of (PHONESET_CFG_FORMAT_FANVIL_XML, keys, G_N_ELEMENTS (keys), data, size);
}
