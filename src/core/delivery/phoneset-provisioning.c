/* phoneset-provisioning.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a DHCP server must hand out so that phones find their provisioning
 * server: option 66 (the URL as text), option 43 (the URL's bytes, which the
 * PLANET guide shows as a hex string, seed 003 §2.2.2) or a custom option
 * from 128 to 254, as ready-to-paste dnsmasq and ISC dhcpd lines.
 */

#define G_LOG_DOMAIN "phoneset-provisioning"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-provisioning.h"

/**
 * phoneset_dhcp_option_hex:
 * @url: the provisioning URL
 * @separator: between bytes: "" as Wireshark shows option 43, ":" for DHCP servers
 *
 * Returns: (transfer full): the URL's bytes in hex
 */
char *
phoneset_dhcp_option_hex (const char *url,
                          const char *separator)
{
  GString *str = g_string_new (NULL);

  for (const guchar *p = (const guchar *)url; *p; p++)
    {
      if (p != (const guchar *)url)
        g_string_append (str, separator);
      g_string_append_printf (str, "%02x", *p);
    }
  return g_string_free (str, FALSE);
}

/**
 * phoneset_dhcp_option_valid:
 * @option: 66, 43, or a custom option from 128 to 254
 * @error: a location for a #GError
 *
 * Returns: %TRUE if phones can take the URL from @option
 */
gboolean
phoneset_dhcp_option_valid (guint    option,
                            GError **error)
{
  if (option == 66 || option == 43 || (option >= 128 && option <= 254))
    return TRUE;
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
               _("DHCP option %u cannot carry a provisioning URL: use 66, 43, or a custom option from 128 to 254"),
                  option);
  return FALSE;
}

static char *
quote (const char *url)
{
  GString *str = g_string_new ("\"");

  for (const char *p = url; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (str, '\\');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '"');
  return g_string_free (str, FALSE);
}

/**
 * phoneset_dhcp_dnsmasq_line:
 * @url: the provisioning URL
 * @option: 66, 43 or 128–254
 *
 * Returns: (transfer full): a `dhcp-option=` line for dnsmasq.conf
 */
char *
phoneset_dhcp_dnsmasq_line (const char *url,
                            guint       option)
{
  g_return_val_if_fail (phoneset_dhcp_option_valid (option, NULL), NULL);

  if (option == 43)
    {
      g_autofree char *hex = phoneset_dhcp_option_hex (url, ":");

      return g_strdup_printf ("dhcp-option=43,%s", hex);
    }
  else
    {
      g_autofree char *quoted = quote (url);

      return g_strdup_printf ("dhcp-option=%u,%s", option, quoted);
    }
}

/**
 * phoneset_dhcp_isc_lines:
 * @url: the provisioning URL
 * @option: 66, 43 or 128–254
 *
 * Returns: (transfer full): lines for ISC dhcpd.conf (a custom option needs
 *   its declaration, which comes first)
 */
char *
phoneset_dhcp_isc_lines (const char *url,
                         guint       option)
{
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (phoneset_dhcp_option_valid (option, NULL), NULL);

  quoted = quote (url);
  if (option == 66)
    return g_strdup_printf ("option tftp-server-name %s;", quoted);
  if (option == 43)
    {
      g_autofree char *hex = phoneset_dhcp_option_hex (url, ":");

      return g_strdup_printf ("option vendor-encapsulated-options %s;", hex);
    }
  return g_strdup_printf (
    "option phone-provisioning-url code %u = text;\noption phone-provisioning-url %s;", option,
    quoted);
}
