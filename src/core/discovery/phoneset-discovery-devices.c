/* phoneset-discovery-devices.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The devices a scan has found, by address and by MAC: what each method
 * says is merged into one device (and one #PhonesetPhone, the inventory's
 * own when its MAC is known), each part of the identity from the method
 * trusted most for it.
 */

#define G_LOG_DOMAIN "phoneset-discovery"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-discovery-private.h"

guint64
_phoneset_discovery_mac_key (const guint8 *mac)
{
  guint64 key = 0;

  for (guint i = 0; i < PHONESET_MAC_LEN; i++)
    key = (key << 8) | mac[i];
  return key;
}

void
_phoneset_discovery_device_free (gpointer data)
{
  Device *device = data;

  g_clear_object (&device->phone);
  g_free (device);
}

/* A new run starts from an empty list. */
void
_phoneset_discovery_forget_devices (PhonesetDiscovery *self)
{
  g_list_store_remove_all (self->phones);
  g_ptr_array_set_size (self->devices, 0);
  g_hash_table_remove_all (self->by_ip);
  g_hash_table_remove_all (self->by_mac);
}

/* Whether @device is still one of the scan's (not merged into another). */
gboolean
_phoneset_discovery_device_alive (PhonesetDiscovery *self,
                                  Device            *device)
{
  return g_ptr_array_find (self->devices, device, NULL);
}

static PhonesetPhone *
find_known_phone (PhonesetDiscovery *self,
                  const guint8      *mac)
{
  guint n;

  if (self->known_phones == NULL)
    return NULL;
  n = g_list_model_get_n_items (self->known_phones);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (self->known_phones, i);
      const char *text = phoneset_phone_get_mac (phone);
      guint8      other[PHONESET_MAC_LEN];

      if (text != NULL && phoneset_mac_parse (text, other, NULL) &&
          memcmp (other, mac, PHONESET_MAC_LEN) == 0)
        return g_steal_pointer (&phone);
    }
  return NULL;
}

void
_phoneset_discovery_list_device (PhonesetDiscovery *self,
                                 Device            *device)
{
  if (device->listed)
    return;
  device->listed = TRUE;
  g_list_store_append (self->phones, device->phone);
}

/* Uses the inventory's object for a device once its MAC is known. */
static void
adopt_known_phone (PhonesetDiscovery *self,
                   Device            *device)
{
  g_autoptr(PhonesetPhone) known = find_known_phone (self, device->mac);
  g_auto(GStrv) methods = NULL;
  guint position;

  if (known == NULL || known == device->phone)
    return;

  /* Carry what was learnt so far over to the known phone. */
  methods = phoneset_phone_dup_evidence (device->phone);
  for (guint i = 0; methods[i] != NULL; i++)
    phoneset_phone_add_evidence (known, methods[i],
                                 phoneset_phone_get_evidence_detail (device->phone, methods[i]));
  phoneset_phone_set_address (known, phoneset_phone_get_address (device->phone));
  phoneset_phone_set_mac (known, phoneset_phone_get_mac (device->phone));
  if (phoneset_phone_get_vendor (device->phone) != NULL)
    phoneset_phone_set_vendor (known, phoneset_phone_get_vendor (device->phone));
  if (phoneset_phone_get_model (device->phone) != NULL)
    phoneset_phone_set_model (known, phoneset_phone_get_model (device->phone));
  if (phoneset_phone_get_firmware (device->phone) != NULL)
    phoneset_phone_set_firmware (known, phoneset_phone_get_firmware (device->phone));
  if (phoneset_phone_get_sip_user_agent (device->phone) != NULL)
    phoneset_phone_set_sip_user_agent (known, phoneset_phone_get_sip_user_agent (device->phone));
  if (phoneset_phone_get_http_server (device->phone) != NULL)
    phoneset_phone_set_http_server (known, phoneset_phone_get_http_server (device->phone));

  if (device->listed && g_list_store_find (self->phones, device->phone, &position))
    g_list_store_splice (self->phones, position, 1, (gpointer *)&known, 1);
  g_set_object (&device->phone, known);
}

static Device *
device_new (PhonesetDiscovery *self,
            guint32            ip)
{
  Device          *device = g_new0 (Device, 1);
  g_autofree char *address = _phoneset_discovery_ip_to_string (ip);

  device->ip = ip;
  device->phone = phoneset_phone_new (address);
  g_ptr_array_add (self->devices, device);
  if (ip != 0)
    g_hash_table_insert (self->by_ip, GUINT_TO_POINTER (ip), device);
  return device;
}

static void
device_set_mac (PhonesetDiscovery *self,
                Device            *device,
                const guint8      *mac)
{
  g_autofree char *text = NULL;
  guint64         *key;

  if (device->has_mac)
    {
      guint64 old = _phoneset_discovery_mac_key (device->mac);

      if (old == _phoneset_discovery_mac_key (mac))
        return;
      g_hash_table_remove (self->by_mac, &old);
    }
  memcpy (device->mac, mac, PHONESET_MAC_LEN);
  device->has_mac = TRUE;
  key = g_new (guint64, 1);
  *key = _phoneset_discovery_mac_key (mac);
  g_hash_table_replace (self->by_mac, key, device);
  text = phoneset_mac_format (mac, PHONESET_MAC_STYLE_COLON_LOWER);
  phoneset_phone_set_mac (device->phone, text);
  adopt_known_phone (self, device);
}

static void
device_set_ip (PhonesetDiscovery *self,
               Device            *device,
               guint32            ip)
{
  g_autofree char *address = NULL;

  if (device->ip == ip || ip == 0)
    return;
  if (device->ip != 0 && g_hash_table_lookup (self->by_ip, GUINT_TO_POINTER (device->ip)) == device)
    g_hash_table_remove (self->by_ip, GUINT_TO_POINTER (device->ip));
  device->ip = ip;
  g_hash_table_insert (self->by_ip, GUINT_TO_POINTER (ip), device);
  address = _phoneset_discovery_ip_to_string (ip);
  phoneset_phone_set_address (device->phone, address);
}

/* Folds @from into @into: both turned out to be one device. */
static void
device_merge (PhonesetDiscovery *self,
              Device            *into,
              Device            *from)
{
  g_auto(GStrv) methods = phoneset_phone_dup_evidence (from->phone);
  guint position;

  for (guint i = 0; methods[i] != NULL; i++)
    phoneset_phone_add_evidence (into->phone, methods[i],
                                 phoneset_phone_get_evidence_detail (from->phone, methods[i]));
  if (from->vendor_rank > into->vendor_rank)
    {
      phoneset_phone_set_vendor (into->phone, phoneset_phone_get_vendor (from->phone));
      phoneset_phone_set_profile_id (into->phone, phoneset_phone_get_profile_id (from->phone));
      into->vendor_rank = from->vendor_rank;
    }
  if (from->model_rank > into->model_rank)
    {
      phoneset_phone_set_model (into->phone, phoneset_phone_get_model (from->phone));
      into->model_rank = from->model_rank;
    }
  if (from->firmware_rank > into->firmware_rank)
    {
      phoneset_phone_set_firmware (into->phone, phoneset_phone_get_firmware (from->phone));
      into->firmware_rank = from->firmware_rank;
    }
  if (phoneset_phone_get_sip_user_agent (into->phone) == NULL)
    phoneset_phone_set_sip_user_agent (into->phone,
                                       phoneset_phone_get_sip_user_agent (from->phone));
  if (phoneset_phone_get_http_server (into->phone) == NULL)
    phoneset_phone_set_http_server (into->phone, phoneset_phone_get_http_server (from->phone));
  into->http_started |= from->http_started;

  if (from->ip != 0 && g_hash_table_lookup (self->by_ip, GUINT_TO_POINTER (from->ip)) == from)
    g_hash_table_remove (self->by_ip, GUINT_TO_POINTER (from->ip));
  if (from->has_mac)
    {
      guint64 key = _phoneset_discovery_mac_key (from->mac);

      if (g_hash_table_lookup (self->by_mac, &key) == from)
        g_hash_table_remove (self->by_mac, &key);
    }
  if (from->listed && g_list_store_find (self->phones, from->phone, &position))
    g_list_store_remove (self->phones, position);
  if (from->listed)
    _phoneset_discovery_list_device (self, into);
  g_ptr_array_remove (self->devices, from);
}

/* The device at @ip and/or with @mac, merged and created as needed. */
Device *
_phoneset_discovery_lookup_device (PhonesetDiscovery *self,
                                   guint32            ip,
                                   const guint8      *mac)
{
  Device *by_ip = ip != 0 ? g_hash_table_lookup (self->by_ip, GUINT_TO_POINTER (ip)) : NULL;
  Device *by_mac = NULL;

  if (mac != NULL)
    {
      guint64 key = _phoneset_discovery_mac_key (mac);

      by_mac = g_hash_table_lookup (self->by_mac, &key);
    }

  if (by_mac != NULL)
    {
      if (by_ip != NULL && by_ip != by_mac)
        {
          if (by_ip->has_mac)
            {
              /* The address moved to another device: it is no longer that
               * one's. */
              g_hash_table_remove (self->by_ip, GUINT_TO_POINTER (ip));
              by_ip->ip = 0;
            }
          else
            device_merge (self, by_mac, by_ip);
        }
      device_set_ip (self, by_mac, ip);
      return by_mac;
    }
  if (by_ip != NULL)
    {
      if (mac != NULL)
        {
          if (by_ip->has_mac)
            {
              /* Another MAC took over the address. */
              g_hash_table_remove (self->by_ip, GUINT_TO_POINTER (ip));
              by_ip->ip = 0;
              by_ip = device_new (self, ip);
            }
          device_set_mac (self, by_ip, mac);
        }
      return by_ip;
    }
  by_ip = device_new (self, ip);
  if (mac != NULL)
    device_set_mac (self, by_ip, mac);
  return by_ip;
}

void
_phoneset_discovery_apply_identity (Device     *device,
                                    int         rank,
                                    const char *vendor,
                                    const char *profile_id,
                                    const char *model,
                                    const char *firmware)
{
  if (vendor != NULL && rank >= device->vendor_rank)
    {
      phoneset_phone_set_vendor (device->phone, vendor);
      if (profile_id != NULL || rank > device->vendor_rank)
        phoneset_phone_set_profile_id (device->phone, profile_id);
      device->vendor_rank = rank;
    }
  if (model != NULL && rank >= device->model_rank)
    {
      phoneset_phone_set_model (device->phone, model);
      device->model_rank = rank;
    }
  if (firmware != NULL && rank >= device->firmware_rank)
    {
      phoneset_phone_set_firmware (device->phone, firmware);
      device->firmware_rank = rank;
    }
}

void
_phoneset_discovery_apply_fingerprint (PhonesetDiscovery        *self,
                                       Device                   *device,
                                       int                       rank,
                                       PhonesetFingerprintMatch *match)
{
  _phoneset_discovery_apply_identity (device, rank, match->vendor, match->profile_id, match->model,
                                      match->firmware);
  if (match->mac != NULL && !device->has_mac)
    {
      guint8 mac[PHONESET_MAC_LEN];

      if (phoneset_mac_parse (match->mac, mac, NULL))
        device_set_mac (self, device, mac);
    }
}

/* The MAC prefix, from the profiles first (they give the vendor as the
 * profiles spell it), else from the IEEE registry. Returns whether the
 * prefix belongs to a phone vendor of the profiles. */
gboolean
_phoneset_discovery_apply_oui (PhonesetDiscovery *self,
                               Device            *device)
{
  const char      *profile_id = NULL;
  const char      *vendor;
  const char      *organization = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *detail = NULL;

  if (!device->has_mac)
    return FALSE;

  prefix = phoneset_mac_oui (device->mac);
  vendor = phoneset_fingerprint_rules_lookup_mac (self->rules, device->mac, &profile_id);
  if (self->oui != NULL)
    organization = phoneset_oui_registry_lookup (self->oui, device->mac);

  if (vendor != NULL)
    {
      detail = organization != NULL
                 ? g_strdup_printf ("%s %s", prefix, organization)
                 : g_strdup_printf (_("%s %s (from the profile %s)"), prefix, vendor, profile_id);
      _phoneset_discovery_apply_identity (device, RANK_OUI_PROFILE, vendor, profile_id, NULL, NULL);
      phoneset_phone_add_evidence (device->phone, "oui", detail);
      return TRUE;
    }
  if (organization != NULL)
    {
      const char *known = phoneset_fingerprint_rules_vendor_for_name (self->rules, organization);

      detail = g_strdup_printf ("%s %s", prefix, organization);
      if (known != NULL)
        {
          _phoneset_discovery_apply_identity (device, RANK_OUI_PROFILE, known, NULL, NULL, NULL);
          phoneset_phone_add_evidence (device->phone, "oui", detail);
          return TRUE;
        }
      /* Not a phone vendor: keep the name in case another method says it
       * is a phone, but do not list the device for it. */
      _phoneset_discovery_apply_identity (device, RANK_OUI_IEEE, organization, NULL, NULL, NULL);
      phoneset_phone_add_evidence (device->phone, "oui", detail);
    }
  return FALSE;
}
