/* fuzz-sip.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "phoneset-sip-message.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* What discovery does with a datagram: SIP OPTIONS replies and PnP
 * SUBSCRIBEs. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PhonesetSipMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PhonesetSipPnp) pnp = { 0 };
  const char *names[] = {
    "from", "to", "via", "contact", "event", "call-id", "cseq", "user-agent"
  };

  message = phoneset_sip_message_parse ((const char *)data, size, &error);
  if (message == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char      *value = phoneset_sip_message_get_header (message, names[i]);
      g_autofree char *tag = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *mac = NULL;

      if (value == NULL)
        continue;
      tag = phoneset_sip_header_get_param (value, "tag");
      uri = phoneset_sip_header_get_uri (value);
      if (uri != NULL)
        mac = phoneset_sip_uri_dup_mac (uri);
    }
  if (!phoneset_sip_pnp_parse (message, &pnp, &error))
    g_assert (error != NULL);
  return 0;
}
