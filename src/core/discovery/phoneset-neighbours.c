/* phoneset-neighbours.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-neighbours"

#include "config.h"

#include <arpa/inet.h>
#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-neighbours.h"

/* ATF_COM in <net/if_arp.h>: the entry is complete (the MAC is known). */
#define ARP_FLAG_COMPLETE 0x2

/**
 * phoneset_neighbours_parse:
 * @contents: the text of `/proc/net/arp`
 * @error: a location for a #GError
 *
 * Reads the kernel's IPv4 neighbour table:
 *
 * |[
 * IP address       HW type     Flags       HW address            Mask     Device
 * 192.0.2.10       0x1         0x2         00:15:65:4a:a9:37     *        eth0
 * ]|
 *
 * Incomplete entries (no MAC yet, or the host did not answer) are left out.
 *
 * Returns: (transfer full) (element-type PhonesetNeighbour): the complete entries
 */
GArray *
phoneset_neighbours_parse (const char  *contents,
                           GError     **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (PhonesetNeighbour));
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (contents != NULL, NULL);

  lines = g_strsplit (contents, "\n", -1);
  if (lines[0] == NULL || !g_str_has_prefix (lines[0], "IP address"))
    {
      g_set_error (
        error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
        _("The neighbour table does not start with the “IP address” heading of /proc/net/arp."));
      return NULL;
    }

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      PhonesetNeighbour entry = { 0 };
      struct in_addr    addr;
      guint64           flags;
      const char       *flag_text;

      if (g_strstrip (lines[i])[0] == '\0')
        continue;
      fields = g_strsplit_set (lines[i], " \t", -1);
      {
        /* Drop the empty fields between runs of spaces. */
        guint n = 0;

        for (guint j = 0; fields[j] != NULL; j++)
          {
            if (fields[j][0] != '\0')
              fields[n++] = fields[j];
            else
              g_free (fields[j]);
          }
        fields[n] = NULL;
      }
      if (g_strv_length (fields) != 6)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("Line %u of the neighbour table does not have six columns."), i + 1);
          return NULL;
        }
      if (inet_pton (AF_INET, fields[0], &addr) != 1)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("Line %u of the neighbour table has no IPv4 address."), i + 1);
          return NULL;
        }
      flag_text = fields[2];
      if (!g_str_has_prefix (flag_text, "0x") ||
          !g_ascii_string_to_unsigned (flag_text + 2, 16, 0, G_MAXUINT32, &flags, NULL))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("Line %u of the neighbour table has no hexadecimal flags."), i + 1);
          return NULL;
        }
      if (!phoneset_mac_parse (fields[3], entry.mac, NULL))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("Line %u of the neighbour table has no MAC address."), i + 1);
          return NULL;
        }
      if ((flags & ARP_FLAG_COMPLETE) == 0)
        continue;
      {
        static const guint8 zero[PHONESET_MAC_LEN] = { 0 };

        if (memcmp (entry.mac, zero, PHONESET_MAC_LEN) == 0)
          continue;
      }
      entry.ip = g_ntohl (addr.s_addr);
      g_strlcpy (entry.device, fields[5], sizeof entry.device);
      g_array_append_val (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/**
 * phoneset_neighbours_read:
 * @path: (nullable): the table, %NULL for `/proc/net/arp`
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type PhonesetNeighbour): the complete entries
 */
GArray *
phoneset_neighbours_read (const char  *path,
                          GError     **error)
{
  g_autofree char *contents = NULL;

  if (path == NULL)
    path = PHONESET_NEIGHBOURS_DEFAULT_PATH;
  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  return phoneset_neighbours_parse (contents, error);
}
