/* fuzz-sip-message.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SIP message parser (PnP SUBSCRIBEs, answers to NOTIFY), and the PnP
 * MAC and header-parameter helpers on what it accepts.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "phoneset-pnp-responder.h"
#include "phoneset-sip-message.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetSipMessage) m = phoneset_sip_message_parse ((const char *)data, size, &error);
  const char *from;
  const char *event;

  g_assert ((m == NULL) != (error == NULL));
  if (m == NULL)
    return 0;
  from = phoneset_sip_message_get_header (m, "From");
  event = phoneset_sip_message_get_header (m, "Event");
  if (from != NULL)
    {
      g_autofree char *uri = phoneset_sip_uri_of (from);
      g_autofree char *mac = uri ? phoneset_pnp_mac_from_uri (uri) : NULL;

      g_assert (mac == NULL || strlen (mac) == 12);
    }
  if (event != NULL)
    {
      g_autofree char *vendor = phoneset_sip_header_param (event, "vendor");

      g_assert (vendor == NULL || strchr (vendor, ';') == NULL);
    }
  if (phoneset_sip_message_is_request (m))
    g_assert_nonnull (phoneset_sip_message_get_uri (m));
  g_assert_nonnull (phoneset_sip_message_get_body (m));
  return 0;
}
