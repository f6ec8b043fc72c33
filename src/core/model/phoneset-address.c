/* phoneset-address.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-address"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "phoneset-address.h"
#include "phoneset-error.h"

static gboolean
is_hostname (const char *host)
{
  gsize len = strlen (host);
  gsize label = 0;

  if (len == 0 || len > 253)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = host[i];

      if (c == '.')
        {
          if (label == 0 || host[i - 1] == '-')
            return FALSE;
          label = 0;
          continue;
        }
      if (!g_ascii_isalnum (c) && c != '-')
        return FALSE;
      if (c == '-' && label == 0)
        return FALSE;
      if (++label > 63)
        return FALSE;
    }

  return host[len - 1] != '-';
}

static gboolean
parse_port (const char *text,
            guint16    *port)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 65535, &value, NULL))
    return FALSE;
  *port = (guint16)value;
  return TRUE;
}

/**
 * phoneset_address_parse:
 * @text: `host`, `host:port`, `[ipv6]:port` or a bare IPv6 address
 * @default_port: the port when @text names none
 * @host: (out) (optional) (transfer full): the host name or address
 * @port: (out) (optional): the port
 * @error: a location for a #GError
 *
 * Reads a phone or server address as a user types it.
 *
 * Returns: %TRUE if @text is an address
 */
gboolean
phoneset_address_parse (const char  *text,
                        guint16      default_port,
                        char       **host,
                        guint16     *port,
                        GError     **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *h = NULL;
  guint16          p = default_port;
  char            *colon;

  g_return_val_if_fail (text != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));

  if (copy[0] == '[')
    {
      char *end = strchr (copy, ']');

      if (end == NULL)
        goto bad;
      *end = '\0';
      h = g_strdup (copy + 1);
      if (end[1] == ':')
        {
          if (!parse_port (end + 2, &p))
            goto bad_port;
        }
      else if (end[1] != '\0')
        goto bad;
      if (!g_hostname_is_ip_address (h) || strchr (h, ':') == NULL)
        goto bad;
    }
  else if ((colon = strchr (copy, ':')) != NULL && strchr (colon + 1, ':') != NULL)
    {
      /* Two colons or more: a bare IPv6 address. */
      if (!g_hostname_is_ip_address (copy))
        goto bad;
      h = g_strdup (copy);
    }
  else
    {
      if (colon != NULL)
        {
          *colon = '\0';
          if (!parse_port (colon + 1, &p))
            goto bad_port;
        }
      if (!g_hostname_is_ip_address (copy) && !is_hostname (copy))
        goto bad;
      h = g_strdup (copy);
    }

  if (host != NULL)
    *host = g_steal_pointer (&h);
  if (port != NULL)
    *port = p;
  return TRUE;

bad_port:
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
               _("“%s” has a port that is not a number from 1 to 65535"), copy);
  return FALSE;

bad:
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
               _("“%s” is not a host name or IP address"), copy);
  return FALSE;
}

/**
 * phoneset_address_list_local_ipv4:
 *
 * This computer's IPv4 addresses other than loopback, on interfaces that are
 * up, each once, in the order the system lists them: the addresses phones on
 * a LAN can reach this computer at (the window's and `phoneset serve`'s
 * choices for where to listen).
 *
 * Returns: (transfer full): a %NULL-terminated array, empty when none
 */
GStrv
phoneset_address_list_local_ipv4 (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct ifaddrs *list = NULL;

  if (getifaddrs (&list) == 0)
    {
      for (struct ifaddrs *a = list; a != NULL; a = a->ifa_next)
        {
          g_autoptr(GInetAddress) inet = NULL;
          char *text;

          if (a->ifa_addr == NULL || a->ifa_addr->sa_family != AF_INET ||
              (a->ifa_flags & IFF_UP) == 0)
            continue;
          inet = g_inet_address_new_from_bytes (
            (guint8 *)&((struct sockaddr_in *)(gpointer)a->ifa_addr)->sin_addr,
            G_SOCKET_FAMILY_IPV4);
          if (g_inet_address_get_is_loopback (inet) || g_inet_address_get_is_any (inet))
            continue;
          text = g_inet_address_to_string (inet);
          if (!g_hash_table_add (seen, text))
            continue;
          g_strv_builder_add (builder, text);
        }
      freeifaddrs (list);
    }
  return g_strv_builder_end (builder);
}
