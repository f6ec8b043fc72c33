/* phoneset-discovery-neighbours.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the local network says without asking: this computer's interfaces
 * (the subnets to sweep, where to listen for PnP) and the kernel's
 * neighbour table (ARP), whose MACs name vendors through the profiles and
 * the IEEE OUI registry.
 */

#define G_LOG_DOMAIN "phoneset-discovery"

#include "config.h"

#include <ifaddrs.h>
#include <netinet/in.h>

#include "phoneset-discovery-private.h"
#include "phoneset-neighbours.h"

/* The IPv4 interfaces that are up, loopback left out. */
GArray *
_phoneset_discovery_list_interfaces (void)
{
  GArray         *interfaces = g_array_new (FALSE, TRUE, sizeof (Interface));
  struct ifaddrs *list = NULL;

  if (getifaddrs (&list) != 0)
    return interfaces;
  for (struct ifaddrs *ifa = list; ifa != NULL; ifa = ifa->ifa_next)
    {
      Interface iface = { { 0 } };
      guint32   mask;

      if (ifa->ifa_addr == NULL || ifa->ifa_addr->sa_family != AF_INET || ifa->ifa_netmask == NULL)
        continue;
      if ((ifa->ifa_flags & IFF_UP) == 0 || (ifa->ifa_flags & IFF_LOOPBACK) != 0)
        continue;
      g_strlcpy (iface.name, ifa->ifa_name, sizeof iface.name);
      iface.address = g_ntohl (((struct sockaddr_in *)(gpointer)ifa->ifa_addr)->sin_addr.s_addr);
      mask = g_ntohl (((struct sockaddr_in *)(gpointer)ifa->ifa_netmask)->sin_addr.s_addr);
      iface.prefix = mask == 0 ? 0 : (guint)(32 - __builtin_ctz (mask));
      g_array_append_val (interfaces, iface);
    }
  freeifaddrs (list);
  return interfaces;
}

static gboolean
in_sweep (PhonesetDiscovery *self,
          guint32            ip)
{
  for (guint i = 0; i < self->subnets->len; i++)
    {
      Subnet *subnet = &g_array_index (self->subnets, Subnet, i);
      guint32 mask = subnet->prefix == 0 ? 0 : G_MAXUINT32 << (32 - subnet->prefix);

      if ((ip & mask) == subnet->network)
        return TRUE;
    }
  return FALSE;
}

/* Devices the kernel has seen: a phone vendor's MAC prefix lists one;
 * in an active scan, only those in the swept subnets or already known. */
void
_phoneset_discovery_poll_neighbours (PhonesetDiscovery *self)
{
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (self->neighbour_table != NULL && self->neighbour_table[0] == '\0')
    return;
  entries = phoneset_neighbours_read (self->neighbour_table, &error);
  if (entries == NULL)
    {
      g_debug ("No neighbour table: %s", error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      PhonesetNeighbour *entry = &g_array_index (entries, PhonesetNeighbour, i);
      Device            *device;
      guint64            key = _phoneset_discovery_mac_key (entry->mac);
      Device            *known_ip = g_hash_table_lookup (self->by_ip, GUINT_TO_POINTER (entry->ip));

      /* Nothing new: the same MAC at the same address. */
      if (known_ip != NULL && known_ip->has_mac &&
          _phoneset_discovery_mac_key (known_ip->mac) == key)
        continue;
      if (self->active && !in_sweep (self, entry->ip) &&
          g_hash_table_lookup (self->by_mac, &key) == NULL)
        continue;

      device = _phoneset_discovery_lookup_device (self, entry->ip, entry->mac);
      if (_phoneset_discovery_apply_oui (self, device))
        _phoneset_discovery_list_device (self, device);
      _phoneset_discovery_maybe_probe_http (self, device);
    }
}
