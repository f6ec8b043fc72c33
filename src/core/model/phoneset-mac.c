/* phoneset-mac.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-mac"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-mac.h"

/**
 * phoneset_mac_parse:
 * @text: a MAC address in any usual spelling
 * @mac: (out caller-allocates): the six bytes
 * @error: a location for a #GError
 *
 * Reads a MAC address written as `00:30:4F:11:3A:F8`, `00-30-4f-11-3a-f8`,
 * `00304f113af8` or `0030.4f11.3af8`, in upper or lower case, with
 * surrounding white space ignored.
 *
 * Returns: %TRUE if @text is a MAC address
 */
gboolean
phoneset_mac_parse (const char  *text,
                    guint8       mac[PHONESET_MAC_LEN],
                    GError     **error)
{
  g_autofree char *stripped = NULL;
  char             digits[PHONESET_MAC_LEN * 2];
  guint            n_digits = 0;
  char             sep = 0;
  guint            group = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));

  for (const char *p = stripped; *p; p++)
    {
      if (g_ascii_isxdigit (*p))
        {
          if (n_digits == G_N_ELEMENTS (digits))
            goto bad;
          digits[n_digits++] = *p;
          group++;
        }
      else if (*p == ':' || *p == '-' || *p == '.')
        {
          /* One kind of separator, never doubled, never at the ends, and
           * groups of two (colon, dash) or four (Cisco dots) digits. */
          if (sep != 0 && sep != *p)
            goto bad;
          sep = *p;
          if ((sep == '.' && group != 4) || (sep != '.' && group != 2))
            goto bad;
          group = 0;
        }
      else
        goto bad;
    }

  if (n_digits != G_N_ELEMENTS (digits))
    goto bad;
  if (sep != 0 && ((sep == '.' && group != 4) || (sep != '.' && group != 2)))
    goto bad;

  for (guint i = 0; i < PHONESET_MAC_LEN; i++)
    mac[i] = (guint8)((g_ascii_xdigit_value (digits[2 * i]) << 4) |
                      g_ascii_xdigit_value (digits[2 * i + 1]));

  return TRUE;

bad:
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
               _("“%s” is not a MAC address (write it as 00:15:65:12:34:56 or 001565123456)"),
                  stripped);
  return FALSE;
}

/**
 * phoneset_mac_format:
 * @mac: six bytes
 * @style: how to write it
 *
 * Returns: (transfer full): @mac written in @style
 */
char *
phoneset_mac_format (const guint8     mac[PHONESET_MAC_LEN],
                     PhonesetMacStyle style)
{
  switch (style)
    {
    case PHONESET_MAC_STYLE_BARE_LOWER:
      return g_strdup_printf ("%02x%02x%02x%02x%02x%02x", mac[0], mac[1], mac[2], mac[3], mac[4],
                              mac[5]);
    case PHONESET_MAC_STYLE_BARE_UPPER:
      return g_strdup_printf ("%02X%02X%02X%02X%02X%02X", mac[0], mac[1], mac[2], mac[3], mac[4],
                              mac[5]);
    case PHONESET_MAC_STYLE_COLON_LOWER:
      return g_strdup_printf ("%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3],
                              mac[4], mac[5]);
    case PHONESET_MAC_STYLE_COLON_UPPER:
      return g_strdup_printf ("%02X:%02X:%02X:%02X:%02X:%02X", mac[0], mac[1], mac[2], mac[3],
                              mac[4], mac[5]);
    case PHONESET_MAC_STYLE_DASH_UPPER:
      return g_strdup_printf ("%02X-%02X-%02X-%02X-%02X-%02X", mac[0], mac[1], mac[2], mac[3],
                              mac[4], mac[5]);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * phoneset_mac_normalize:
 * @text: a MAC address in any usual spelling
 * @style: how to write it
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): @text rewritten in @style, or %NULL
 *   with @error set when @text is not a MAC address
 */
char *
phoneset_mac_normalize (const char        *text,
                        PhonesetMacStyle   style,
                        GError           **error)
{
  guint8 mac[PHONESET_MAC_LEN];

  if (!phoneset_mac_parse (text, mac, error))
    return NULL;
  return phoneset_mac_format (mac, style);
}

/**
 * phoneset_mac_oui:
 * @mac: six bytes
 *
 * Returns: (transfer full): the organisationally unique identifier, the first
 *   three bytes, as `00:15:65`
 */
char *
phoneset_mac_oui (const guint8 mac[PHONESET_MAC_LEN])
{
  return g_strdup_printf ("%02X:%02X:%02X", mac[0], mac[1], mac[2]);
}
