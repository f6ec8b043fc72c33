/* phoneset-discovery-pnp.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SIP PnP listener: the SUBSCRIBE phones multicast to 224.0.1.75:5060
 * at boot names their vendor, model, firmware and often MAC.
 */

#define G_LOG_DOMAIN "phoneset-discovery"

#include "config.h"

#include <arpa/inet.h>
#include <glib/gi18n.h>

#include "phoneset-discovery-private.h"
#include "phoneset-sip-message.h"

static void
handle_pnp (PhonesetDiscovery *self,
            const char        *data,
            gsize              length,
            GSocketAddress    *from)
{
  g_autoptr(PhonesetSipMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PhonesetSipPnp) pnp = { 0 };
  g_autofree char *detail = NULL;
  guint8           mac[PHONESET_MAC_LEN];
  gboolean         has_mac;
  guint32          ip = _phoneset_discovery_ipv4_of (from);
  Device          *device;

  message = phoneset_sip_message_parse (data, length, &error);
  if (message == NULL || !phoneset_sip_pnp_parse (message, &pnp, &error))
    {
      _phoneset_discovery_count_ignored (self, error->message);
      return;
    }

  /* The source address is the phone's own; the Contact only counts when
   * the source is not usable. */
  if (ip == 0 && pnp.contact_host != NULL)
    {
      struct in_addr addr;

      if (inet_pton (AF_INET, pnp.contact_host, &addr) == 1)
        ip = g_ntohl (addr.s_addr);
    }
  has_mac = pnp.mac != NULL && phoneset_mac_parse (pnp.mac, mac, NULL);
  device = _phoneset_discovery_lookup_device (self, ip, has_mac ? mac : NULL);

  detail = g_strdup_printf ("vendor=%s model=%s version=%s%s%s", pnp.vendor, pnp.model,
                            pnp.firmware != NULL ? pnp.firmware : "?",
                            pnp.mac != NULL ? " MAC=" : "", pnp.mac != NULL ? pnp.mac : "");
  {
    /* Name the vendor as the profiles do ("PLANET" → "PLANET"). */
    const char *vendor = phoneset_fingerprint_rules_vendor_for_name (self->rules, pnp.vendor);

    _phoneset_discovery_apply_identity (device, RANK_PNP, vendor != NULL ? vendor : pnp.vendor,
                                        NULL, pnp.model, pnp.firmware);
  }
  if (pnp.user_agent != NULL)
    {
      g_auto(PhonesetFingerprintMatch) match = { 0 };

      if (phoneset_fingerprint_rules_match (self->rules, pnp.user_agent,
                                            PHONESET_FINGERPRINT_SOURCE_SIP, &match))
        {
          /* The UA names the profile; PnP's own words keep model and
           * firmware when the UA lacks them. */
          _phoneset_discovery_apply_identity (device, RANK_PNP, match.vendor, match.profile_id,
                                              match.model, match.firmware);
        }
    }
  phoneset_phone_add_evidence (device->phone, "pnp", detail);
  _phoneset_discovery_apply_oui (self, device);
  _phoneset_discovery_list_device (self, device);
}

void
_phoneset_discovery_start_pnp (PhonesetDiscovery *self,
                               GArray            *interfaces)
{
  g_autoptr(GInetAddress) group = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;

  if (self->pnp_group == NULL)
    return;
  group = g_inet_address_new_from_string (self->pnp_group);
  if (group == NULL)
    return;
  self->pnp_socket =
    g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);
  if (self->pnp_socket == NULL)
    {
      g_debug ("No PnP socket: %s", error->message);
      return;
    }
  g_socket_set_blocking (self->pnp_socket, FALSE);
  /* Bound to the group itself, the socket gets the multicast SUBSCRIBEs and
   * none of the unicast SIP meant for other programs on port 5060; reuse
   * lets those programs (and PnP servers) keep the port. */
  address = g_inet_socket_address_new (group, self->pnp_port);
  if (!g_socket_bind (self->pnp_socket, address, TRUE, &error))
    {
      g_debug ("Cannot listen for PnP on %s:%u: %s", self->pnp_group, self->pnp_port,
               error->message);
      g_clear_pointer (&self->pnp_error, g_free);
      self->pnp_error = g_strdup_printf (_("Phones announcing themselves at boot (SIP PnP) are not seen: %s:%u is taken by another program (%s)."),
                                            self->pnp_group, self->pnp_port, error->message);
      g_clear_object (&self->pnp_socket);
      return;
    }
  if (g_inet_address_get_is_multicast (group))
    {
      for (guint i = 0; i < interfaces->len; i++)
        {
          Interface *iface = &g_array_index (interfaces, Interface, i);
          g_autoptr(GError) join_error = NULL;

          if (!g_socket_join_multicast_group (self->pnp_socket, group, FALSE, iface->name,
                                              &join_error))
            g_debug ("Cannot join %s on %s: %s", self->pnp_group, iface->name, join_error->message);
        }
    }
  self->pnp_source = _phoneset_discovery_watch_socket (self, self->pnp_socket, 64, handle_pnp);
}

void
_phoneset_discovery_stop_pnp (PhonesetDiscovery *self)
{
  if (self->pnp_source != NULL)
    {
      g_source_destroy (self->pnp_source);
      g_clear_pointer (&self->pnp_source, g_source_unref);
    }
  if (self->pnp_socket != NULL)
    g_socket_close (self->pnp_socket, NULL);
  g_clear_object (&self->pnp_socket);
}
