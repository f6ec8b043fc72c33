/* phoneset-discovery.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-discovery"

#include "config.h"

#include <arpa/inet.h>
#include <glib/gi18n.h>
#include <ifaddrs.h>
#include <libsoup/soup.h>
#include <net/if.h>
#include <string.h>

#include "phoneset-discovery.h"
#include "phoneset-error.h"
#include "phoneset-mac.h"
#include "phoneset-neighbours.h"
#include "phoneset-phone.h"
#include "phoneset-sip-message.h"

/**
 * PhonesetDiscovery:
 *
 * Finds the phones on the LAN with four methods at once, and merges what
 * each one says per device (by MAC when known, else by address):
 *
 * - a SIP OPTIONS sweep of the local subnets (or the ones given), UDP 5060
 *   by default, with a bounded send rate and retransmissions; replies are
 *   matched by Call-ID, Via branch, From tag and source address;
 * - a SIP PnP listener on 224.0.1.75:5060 for the SUBSCRIBE phones send at
 *   boot;
 * - the kernel's neighbour table, with the IEEE OUI registry and the
 *   profiles' MAC prefixes;
 * - an HTTP probe of each candidate's web interface (ports 80 and 443).
 *
 * The result is a #GListModel of #PhonesetPhone that fills while the scan
 * runs. A device is listed only once a method says it is a phone: it
 * answered SIP, announced itself by PnP, or its MAC prefix or web interface
 * belongs to a vendor of the profiles.
 */

/* Each probe is sent at most this many times, this far apart; a host that
 * has not answered this long after the last one is given up. */
#define PROBE_SENDS       3
#define RETRANSMIT_MS     250
#define FINAL_WAIT_MS     350
#define TICK_MS           2
#define NEIGHBOUR_POLL_MS 100
#define HTTP_TIMEOUT_MS   1500
#define TCP_TIMEOUT_MS    1500
#define MAX_TCP_PROBES    64
#define DEFAULT_RATE      4000
#define MAX_HOSTS         65536
#define MAX_HTTP_BODY     16384
/* Probes to addresses whose ARP is not resolved yet wait in the kernel and
 * hold their socket's send buffer, up to 3 s for an empty address: the
 * sweep spreads its probes over several sockets so none fills up. */
#define TARGETS_PER_SOCKET 16
#define MAX_UDP_SOCKETS    64

/* How much each method is trusted for vendor, model and firmware. */
enum
{
  RANK_NONE = 0,
  RANK_OUI_IEEE = 5,
  RANK_OUI_PROFILE = 10,
  RANK_HTTP = 20,
  RANK_PNP = 30,
  RANK_SIP = 40,
};

typedef enum
{
  TRANSPORT_UDP,
  TRANSPORT_TCP,
} Transport;

typedef struct
{
  guint32 network;
  guint   prefix;
} Subnet;

typedef struct
{
  Transport transport;
  guint16   port;
} Port;

typedef struct
{
  guint32   ip;
  guint32   local_ip;
  guint16   port;
  Transport transport;
  guint8    sends;
  gboolean  done;
  gint64    next_send;
  char      call_id[48];
  char      tag[24];
  char      branch[40];
} Target;

typedef struct
{
  PhonesetPhone *phone;
  guint32        ip;
  guint8         mac[PHONESET_MAC_LEN];
  gboolean       has_mac;
  int            vendor_rank;
  int            model_rank;
  int            firmware_rank;
  gboolean       listed;
  gboolean       http_started;
} Device;

struct _PhonesetDiscovery
{
  GObject                   parent_instance;

  /* Settings. */
  PhonesetFingerprintRules *rules;
  PhonesetOuiRegistry      *oui;
  GListModel               *known_phones;
  GArray                   *subnets; /* Subnet */
  GArray                   *ports;   /* Port */
  gboolean                  active;
  guint                     timeout_ms;
  guint                     rate;
  char                     *pnp_group;
  guint16                   pnp_port;
  guint16                   http_port;
  guint16                   https_port;
  char                     *neighbour_table;

  /* Results. */
  GListStore               *phones;
  GPtrArray                *devices; /* Device */
  GHashTable               *by_ip;   /* guint32 → Device */
  GHashTable               *by_mac;  /* guint64 → Device */
  guint                     hosts_probed;
  guint                     hosts_total;
  guint                     ignored;

  /* The run. */
  GTask                    *task;
  GCancellable             *cancellable; /* cancelled when the run ends */
  gulong                    cancelled_id;
  GArray                   *targets;    /* Target */
  GHashTable               *by_call_id; /* char * → index + 1 */
  GHashTable               *ports_left; /* host → targets not done */
  char                     *pnp_error;  /* why PnP is not heard, or NULL */
  guint                     next_target;
  guint                     first_undone; /* targets before it are all done */
  guint                     tcp_pending;
  guint                     http_pending;
  double                    tokens;
  gint64                    start_time;
  gint64                    last_tick;
  gint64                    last_poll;
  gboolean                  sweep_done;
  gboolean                  final_poll_done;
  GPtrArray                *udp_sockets; /* GSocket */
  GPtrArray                *udp_sources; /* GSource */
  GSocket                  *pnp_socket;
  GSource                  *pnp_source;
  guint                     tick_id;
  guint                     deadline_id;
  SoupSession              *session;
  GSocketClient            *tcp_client;
};

G_DEFINE_FINAL_TYPE (PhonesetDiscovery, phoneset_discovery, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PHONES,
  PROP_HOSTS_PROBED,
  PROP_HOSTS_TOTAL,
  PROP_IGNORED_REPLIES,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void        maybe_finish (PhonesetDiscovery *self);

static char *
ip_to_string (guint32 ip)
{
  struct in_addr addr = { .s_addr = g_htonl (ip) };
  char           buffer[INET_ADDRSTRLEN];

  inet_ntop (AF_INET, &addr, buffer, sizeof buffer);
  return g_strdup (buffer);
}

static guint64
mac_key (const guint8 *mac)
{
  guint64 key = 0;

  for (guint i = 0; i < PHONESET_MAC_LEN; i++)
    key = (key << 8) | mac[i];
  return key;
}

/**
 * phoneset_cidr_parse:
 * @text: an IPv4 subnet such as `192.0.2.0/24`, or one address
 * @network: (out): the network address, host byte order
 * @prefix: (out): the prefix length
 * @error: a location for a #GError
 *
 * Host bits set in @text are cleared (`192.0.2.7/24` is `192.0.2.0/24`).
 *
 * Returns: %TRUE if @text is a subnet
 */
gboolean
phoneset_cidr_parse (const char *text,
                     guint32    *network,
                     guint      *prefix,
                     GError    **error)
{
  g_auto(GStrv) parts = NULL;
  struct in_addr addr;
  guint64        bits = 32;
  guint32        mask;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, "/", -1);
  if (parts[0] == NULL || g_strv_length (parts) > 2 || inet_pton (AF_INET, parts[0], &addr) != 1 ||
      (parts[1] != NULL && !g_ascii_string_to_unsigned (parts[1], 10, 0, 32, &bits, NULL)))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("“%s” is not an IPv4 subnet: write it as 192.0.2.0/24."), text);
      return FALSE;
    }
  mask = bits == 0 ? 0 : G_MAXUINT32 << (32 - bits);
  *network = g_ntohl (addr.s_addr) & mask;
  *prefix = (guint)bits;
  return TRUE;
}

static void
phoneset_discovery_dispose (GObject *object)
{
  PhonesetDiscovery *self = (PhonesetDiscovery *)object;

  g_clear_object (&self->rules);
  g_clear_object (&self->oui);
  g_clear_object (&self->known_phones);
  g_clear_object (&self->session);
  g_clear_object (&self->tcp_client);

  G_OBJECT_CLASS (phoneset_discovery_parent_class)->dispose (object);
}

static void
device_free (gpointer data)
{
  Device *device = data;

  g_clear_object (&device->phone);
  g_free (device);
}

static void
phoneset_discovery_finalize (GObject *object)
{
  PhonesetDiscovery *self = (PhonesetDiscovery *)object;

  g_assert (self->task == NULL);

  g_clear_pointer (&self->subnets, g_array_unref);
  g_clear_pointer (&self->ports, g_array_unref);
  g_clear_pointer (&self->pnp_group, g_free);
  g_clear_pointer (&self->neighbour_table, g_free);
  g_clear_object (&self->phones);
  g_clear_pointer (&self->by_ip, g_hash_table_unref);
  g_clear_pointer (&self->by_mac, g_hash_table_unref);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->by_call_id, g_hash_table_unref);
  g_clear_pointer (&self->ports_left, g_hash_table_unref);
  g_clear_pointer (&self->pnp_error, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (phoneset_discovery_parent_class)->finalize (object);
}

static void
phoneset_discovery_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PhonesetDiscovery *self = PHONESET_DISCOVERY (object);

  switch (prop_id)
    {
    case PROP_PHONES:
      g_value_set_object (value, self->phones);
      break;
    case PROP_HOSTS_PROBED:
      g_value_set_uint (value, self->hosts_probed);
      break;
    case PROP_HOSTS_TOTAL:
      g_value_set_uint (value, self->hosts_total);
      break;
    case PROP_IGNORED_REPLIES:
      g_value_set_uint (value, self->ignored);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->task != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_discovery_class_init (PhonesetDiscoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_discovery_dispose;
  object_class->finalize = phoneset_discovery_finalize;
  object_class->get_property = phoneset_discovery_get_property;

  properties[PROP_PHONES] =
    g_param_spec_object ("phones", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_HOSTS_PROBED] =
    g_param_spec_uint ("hosts-probed", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HOSTS_TOTAL] =
    g_param_spec_uint ("hosts-total", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IGNORED_REPLIES] =
    g_param_spec_uint ("ignored-replies", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
phoneset_discovery_init (PhonesetDiscovery *self)
{
  self->subnets = g_array_new (FALSE, FALSE, sizeof (Subnet));
  self->ports = g_array_new (FALSE, FALSE, sizeof (Port));
  self->active = TRUE;
  self->timeout_ms = PHONESET_DISCOVERY_DEFAULT_TIMEOUT;
  self->rate = DEFAULT_RATE;
  self->pnp_group = g_strdup (PHONESET_DISCOVERY_PNP_GROUP);
  self->pnp_port = PHONESET_DISCOVERY_PNP_PORT;
  self->http_port = 80;
  self->https_port = 443;
  self->phones = g_list_store_new (PHONESET_TYPE_PHONE);
  self->devices = g_ptr_array_new_with_free_func (device_free);
  self->by_ip = g_hash_table_new (NULL, NULL);
  self->by_mac = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * phoneset_discovery_new:
 * @rules: (nullable): the fingerprints of the profiles
 *
 * Returns: (transfer full): a discovery that sweeps the local subnets on
 *   UDP port 5060 until it is told otherwise
 */
PhonesetDiscovery *
phoneset_discovery_new (PhonesetFingerprintRules *rules)
{
  PhonesetDiscovery *self = g_object_new (PHONESET_TYPE_DISCOVERY, NULL);

  self->rules = rules != NULL ? g_object_ref (rules) : phoneset_fingerprint_rules_new ();
  return self;
}

/**
 * phoneset_discovery_add_subnet:
 * @self: a discovery
 * @cidr: an IPv4 subnet to sweep, /16 or smaller
 * @error: a location for a #GError
 *
 * Without any, the subnets of the local interfaces are swept.
 *
 * Returns: %TRUE if @cidr is a subnet that can be swept
 */
gboolean
phoneset_discovery_add_subnet (PhonesetDiscovery *self,
                               const char        *cidr,
                               GError           **error)
{
  Subnet subnet;

  g_return_val_if_fail (PHONESET_IS_DISCOVERY (self), FALSE);
  g_return_val_if_fail (cidr != NULL, FALSE);
  g_return_val_if_fail (self->task == NULL, FALSE);

  if (!phoneset_cidr_parse (cidr, &subnet.network, &subnet.prefix, error))
    return FALSE;
  if (subnet.prefix < 16)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("The subnet %s is too large to sweep: give a /16 or smaller, or several of them."), cidr);
      return FALSE;
    }
  g_array_append_val (self->subnets, subnet);
  return TRUE;
}

/**
 * phoneset_discovery_add_port:
 * @self: a discovery
 * @spec: `5062` or `udp:5062` for UDP, `tcp:5060` for TCP
 * @error: a location for a #GError
 *
 * Without any, UDP 5060 is probed.
 *
 * Returns: %TRUE if @spec is a port
 */
gboolean
phoneset_discovery_add_port (PhonesetDiscovery *self,
                             const char        *spec,
                             GError           **error)
{
  Port        port = { TRANSPORT_UDP, 0 };
  const char *number = spec;
  guint64     value;

  g_return_val_if_fail (PHONESET_IS_DISCOVERY (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (g_ascii_strncasecmp (spec, "udp:", 4) == 0)
    number = spec + 4;
  else if (g_ascii_strncasecmp (spec, "tcp:", 4) == 0)
    {
      port.transport = TRANSPORT_TCP;
      number = spec + 4;
    }
  if (!g_ascii_string_to_unsigned (number, 10, 1, 65535, &value, NULL))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("“%s” is not a SIP port: write 5060, udp:5062 or tcp:5060."), spec);
      return FALSE;
    }
  port.port = (guint16)value;
  for (guint i = 0; i < self->ports->len; i++)
    {
      Port *other = &g_array_index (self->ports, Port, i);

      if (other->port == port.port && other->transport == port.transport)
        return TRUE;
    }
  g_array_append_val (self->ports, port);
  return TRUE;
}

/**
 * phoneset_discovery_set_active:
 * @self: a discovery
 * @active: %FALSE to only listen (PnP and the neighbour table) until the timeout
 */
void
phoneset_discovery_set_active (PhonesetDiscovery *self,
                               gboolean           active)
{
  g_return_if_fail (PHONESET_IS_DISCOVERY (self));
  self->active = !!active;
}

/**
 * phoneset_discovery_set_timeout:
 * @self: a discovery
 * @timeout_ms: the longest a run takes; an active sweep ends earlier when
 *   every host has answered or been given up
 */
void
phoneset_discovery_set_timeout (PhonesetDiscovery *self,
                                guint              timeout_ms)
{
  g_return_if_fail (PHONESET_IS_DISCOVERY (self));
  self->timeout_ms = timeout_ms;
}

void
phoneset_discovery_set_rate (PhonesetDiscovery *self,
                             guint              probes_per_second)
{
  g_return_if_fail (PHONESET_IS_DISCOVERY (self));
  self->rate = CLAMP (probes_per_second, 10, 100000);
}

/**
 * phoneset_discovery_set_pnp_address:
 * @self: a discovery
 * @group: (nullable): the multicast group, or a unicast address to bind to
 *   (tests), or %NULL not to listen for PnP
 * @port: the port
 */
void
phoneset_discovery_set_pnp_address (PhonesetDiscovery *self,
                                    const char        *group,
                                    guint16            port)
{
  g_return_if_fail (PHONESET_IS_DISCOVERY (self));
  g_free (self->pnp_group);
  self->pnp_group = g_strdup (group);
  self->pnp_port = port;
}

/**
 * phoneset_discovery_set_http_ports:
 * @self: a discovery
 * @http_port: the plain HTTP port probed (80), 0 for none
 * @https_port: the HTTPS port probed (443), 0 for none
 */
void
phoneset_discovery_set_http_ports (PhonesetDiscovery *self,
                                   guint16            http_port,
                                   guint16            https_port)
{
  g_return_if_fail (PHONESET_IS_DISCOVERY (self));
  self->http_port = http_port;
  self->https_port = https_port;
}

/**
 * phoneset_discovery_set_neighbour_table:
 * @self: a discovery
 * @path: (nullable): a file in the format of `/proc/net/arp`, %NULL for the
 *   kernel's, "" for none
 */
void
phoneset_discovery_set_neighbour_table (PhonesetDiscovery *self,
                                        const char        *path)
{
  g_return_if_fail (PHONESET_IS_DISCOVERY (self));
  g_free (self->neighbour_table);
  self->neighbour_table = g_strdup (path);
}

void
phoneset_discovery_set_oui_registry (PhonesetDiscovery   *self,
                                     PhonesetOuiRegistry *registry)
{
  g_return_if_fail (PHONESET_IS_DISCOVERY (self));
  g_set_object (&self->oui, registry);
}

/**
 * phoneset_discovery_set_known_phones:
 * @self: a discovery
 * @phones: (nullable): the inventory, a model of #PhonesetPhone
 *
 * A device whose MAC is in @phones is listed as that #PhonesetPhone (its
 * address and identity updated) rather than as a new object.
 */
void
phoneset_discovery_set_known_phones (PhonesetDiscovery *self,
                                     GListModel        *phones)
{
  g_return_if_fail (PHONESET_IS_DISCOVERY (self));
  g_set_object (&self->known_phones, phones);
}

/**
 * phoneset_discovery_get_phones:
 * @self: a discovery
 *
 * Returns: (transfer none): the phones found so far, a model of #PhonesetPhone
 */
GListModel *
phoneset_discovery_get_phones (PhonesetDiscovery *self)
{
  g_return_val_if_fail (PHONESET_IS_DISCOVERY (self), NULL);
  return G_LIST_MODEL (self->phones);
}

guint
phoneset_discovery_get_hosts_probed (PhonesetDiscovery *self)
{
  g_return_val_if_fail (PHONESET_IS_DISCOVERY (self), 0);
  return self->hosts_probed;
}

guint
phoneset_discovery_get_hosts_total (PhonesetDiscovery *self)
{
  g_return_val_if_fail (PHONESET_IS_DISCOVERY (self), 0);
  return self->hosts_total;
}

/**
 * phoneset_discovery_get_ignored_replies:
 * @self: a discovery
 *
 * Returns: how many messages were dropped: malformed, not a reply to one of
 *   our probes, or from another address than the one probed
 */
guint
phoneset_discovery_get_ignored_replies (PhonesetDiscovery *self)
{
  g_return_val_if_fail (PHONESET_IS_DISCOVERY (self), 0);
  return self->ignored;
}

/**
 * phoneset_discovery_get_pnp_problem:
 * @self: a discovery
 *
 * Returns: (nullable): why the last run could not listen for SIP PnP (a
 *   sentence for the user), or %NULL when it did or was not asked to
 */
const char *
phoneset_discovery_get_pnp_problem (PhonesetDiscovery *self)
{
  g_return_val_if_fail (PHONESET_IS_DISCOVERY (self), NULL);
  return self->pnp_error;
}

gboolean
phoneset_discovery_get_running (PhonesetDiscovery *self)
{
  g_return_val_if_fail (PHONESET_IS_DISCOVERY (self), FALSE);
  return self->task != NULL;
}

static void
count_ignored (PhonesetDiscovery *self,
               const char        *why)
{
  g_debug ("Ignored a message: %s", why);
  self->ignored++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IGNORED_REPLIES]);
}

/* Devices */

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

      if (text != NULL && phoneset_mac_parse (text, other, NULL) && memcmp (other, mac, PHONESET_MAC_LEN) == 0)
        return g_steal_pointer (&phone);
    }
  return NULL;
}

static void
list_device (PhonesetDiscovery *self,
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
    phoneset_phone_add_evidence (known, methods[i], phoneset_phone_get_evidence_detail (device->phone, methods[i]));
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
  g_autofree char *address = ip_to_string (ip);

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
      guint64 old = mac_key (device->mac);

      if (old == mac_key (mac))
        return;
      g_hash_table_remove (self->by_mac, &old);
    }
  memcpy (device->mac, mac, PHONESET_MAC_LEN);
  device->has_mac = TRUE;
  key = g_new (guint64, 1);
  *key = mac_key (mac);
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
  address = ip_to_string (ip);
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
    phoneset_phone_add_evidence (into->phone, methods[i], phoneset_phone_get_evidence_detail (from->phone, methods[i]));
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
    phoneset_phone_set_sip_user_agent (into->phone, phoneset_phone_get_sip_user_agent (from->phone));
  if (phoneset_phone_get_http_server (into->phone) == NULL)
    phoneset_phone_set_http_server (into->phone, phoneset_phone_get_http_server (from->phone));
  into->http_started |= from->http_started;

  if (from->ip != 0 && g_hash_table_lookup (self->by_ip, GUINT_TO_POINTER (from->ip)) == from)
    g_hash_table_remove (self->by_ip, GUINT_TO_POINTER (from->ip));
  if (from->has_mac)
    {
      guint64 key = mac_key (from->mac);

      if (g_hash_table_lookup (self->by_mac, &key) == from)
        g_hash_table_remove (self->by_mac, &key);
    }
  if (from->listed && g_list_store_find (self->phones, from->phone, &position))
    g_list_store_remove (self->phones, position);
  if (from->listed)
    list_device (self, into);
  g_ptr_array_remove (self->devices, from);
}

/* The device at @ip and/or with @mac, merged and created as needed. */
static Device *
lookup_device (PhonesetDiscovery *self,
               guint32            ip,
               const guint8      *mac)
{
  Device *by_ip = ip != 0 ? g_hash_table_lookup (self->by_ip, GUINT_TO_POINTER (ip)) : NULL;
  Device *by_mac = NULL;

  if (mac != NULL)
    {
      guint64 key = mac_key (mac);

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

static void
apply_identity (Device     *device,
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

static void
apply_fingerprint (PhonesetDiscovery        *self,
                   Device                   *device,
                   int                       rank,
                   PhonesetFingerprintMatch *match)
{
  apply_identity (device, rank, match->vendor, match->profile_id, match->model, match->firmware);
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
static gboolean
apply_oui (PhonesetDiscovery *self,
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
      detail = organization != NULL ? g_strdup_printf ("%s %s", prefix, organization)
                                    : g_strdup_printf (_("%s %s (from the profile %s)"), prefix, vendor, profile_id);
      apply_identity (device, RANK_OUI_PROFILE, vendor, profile_id, NULL, NULL);
      phoneset_phone_add_evidence (device->phone, "oui", detail);
      return TRUE;
    }
  if (organization != NULL)
    {
      const char *known = phoneset_fingerprint_rules_vendor_for_name (self->rules, organization);

      detail = g_strdup_printf ("%s %s", prefix, organization);
      if (known != NULL)
        {
          apply_identity (device, RANK_OUI_PROFILE, known, NULL, NULL, NULL);
          phoneset_phone_add_evidence (device->phone, "oui", detail);
          return TRUE;
        }
      /* Not a phone vendor: keep the name in case another method says it
       * is a phone, but do not list the device for it. */
      apply_identity (device, RANK_OUI_IEEE, organization, NULL, NULL, NULL);
      phoneset_phone_add_evidence (device->phone, "oui", detail);
    }
  return FALSE;
}

/* HTTP probe */

typedef struct
{
  PhonesetDiscovery *self;
  Device            *device; /* borrowed; checked against self->devices */
  guint32            ip;
  SoupMessage       *message;
  GInputStream      *stream;
  GCancellable      *cancellable;
  guint              timeout_id;
  guint8            *buffer;
  gsize              length;
} HttpProbe;

static void
http_probe_free (HttpProbe *probe)
{
  g_clear_handle_id (&probe->timeout_id, g_source_remove);
  g_clear_object (&probe->message);
  g_clear_object (&probe->stream);
  g_clear_object (&probe->cancellable);
  g_free (probe->buffer);
  probe->self->http_pending--;
  maybe_finish (probe->self);
  g_object_unref (probe->self);
  g_free (probe);
}

static char *
find_title (const char *body,
            gsize       length)
{
  g_autofree char *text = g_strndup (body, length);
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char      *open = strstr (lower, "<title");
  const char      *start;
  const char      *close;
  g_autofree char *title = NULL;

  if (open == NULL || (start = strchr (open, '>')) == NULL || (close = strstr (start, "</title")) == NULL)
    return NULL;
  start++;
  title = g_strndup (text + (start - lower), (gsize)(close - start));
  g_strstrip (title);
  if (title[0] == '\0' || !g_utf8_validate (title, -1, NULL))
    return NULL;
  /* One line, no control characters. */
  for (char *p = title; *p; p++)
    if ((guchar)*p < 0x20)
      *p = ' ';
  return g_steal_pointer (&title);
}

static char *
find_realm (SoupMessage *message)
{
  const char *challenge = soup_message_headers_get_list (soup_message_get_response_headers (message), "WWW-Authenticate");
  char       *realm = NULL;

  if (challenge != NULL)
    {
      const char *space = strchr (challenge, ' ');

      if (space != NULL)
        {
          GHashTable *params = soup_header_parse_param_list (space + 1);

          realm = g_strdup (g_hash_table_lookup (params, "realm"));
          soup_header_free_param_list (params);
        }
    }
  if (realm != NULL && (realm[0] == '\0' || !g_utf8_validate (realm, -1, NULL)))
    g_clear_pointer (&realm, g_free);
  return realm;
}

static gboolean
device_alive (PhonesetDiscovery *self,
              Device            *device)
{
  return g_ptr_array_find (self->devices, device, NULL);
}

static void
http_probe_done (HttpProbe *probe)
{
  PhonesetDiscovery *self = probe->self;
  Device            *device = probe->device;
  const char        *server;
  g_autofree char   *title = NULL;
  g_autofree char   *realm = NULL;
  GString           *detail;
  const char        *texts[3];
  gboolean           matched = FALSE;

  if (!device_alive (self, device) || probe->message == NULL || soup_message_get_status (probe->message) == 0)
    return;

  server = soup_message_headers_get_one (soup_message_get_response_headers (probe->message), "Server");
  if (server != NULL && (server[0] == '\0' || !g_utf8_validate (server, -1, NULL)))
    server = NULL;
  title = probe->buffer != NULL ? find_title ((const char *)probe->buffer, probe->length) : NULL;
  realm = find_realm (probe->message);

  if (server == NULL && title == NULL && realm == NULL)
    return;

  detail = g_string_new (NULL);
  if (server != NULL)
    g_string_append_printf (detail, "Server: %s", server);
  if (title != NULL)
    g_string_append_printf (detail, "%stitle: %s", detail->len ? "; " : "", title);
  if (realm != NULL)
    g_string_append_printf (detail, "%srealm: %s", detail->len ? "; " : "", realm);

  /* The text that names the most wins: a realm "Yealink SIP-T46G" over a
   * Server header that only says "yealink". */
  texts[0] = server;
  texts[1] = realm;
  texts[2] = title;
  {
    g_auto(PhonesetFingerprintMatch) best = { 0 };
    int best_score = -1;

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_auto(PhonesetFingerprintMatch) match = { 0 };
        int score;

        if (texts[i] == NULL || !phoneset_fingerprint_rules_match (self->rules, texts[i], PHONESET_FINGERPRINT_SOURCE_HTTP, &match))
          continue;
        score = (match.model != NULL) * 4 + (match.firmware != NULL) * 2 + (match.mac != NULL);
        if (score > best_score)
          {
            phoneset_fingerprint_match_clear (&best);
            best = match;
            memset (&match, 0, sizeof match);
            best_score = score;
          }
      }
    if (best_score >= 0)
      {
        apply_fingerprint (self, device, RANK_HTTP, &best);
        matched = TRUE;
      }
  }

  if (server != NULL && phoneset_phone_get_http_server (device->phone) == NULL)
    phoneset_phone_set_http_server (device->phone, server);
  /* Only a device already known as a phone, or named by a rule, gets the
   * HTTP evidence: a printer's web page is not a reason to list it. */
  if (matched || device->listed)
    {
      phoneset_phone_add_evidence (device->phone, "http", detail->str);
      list_device (self, device);
    }
  g_string_free (detail, TRUE);
}

static void
http_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HttpProbe *probe = user_data;
  gsize      read = 0;

  if (g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &read, NULL))
    probe->length = read;
  http_probe_done (probe);
  http_probe_free (probe);
}

static void
http_send_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HttpProbe *probe = user_data;
  g_autoptr(GError) error = NULL;

  probe->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (probe->stream == NULL)
    {
      g_debug ("HTTP probe failed: %s", error->message);
      http_probe_free (probe);
      return;
    }
  probe->buffer = g_malloc (MAX_HTTP_BODY);
  g_input_stream_read_all_async (probe->stream, probe->buffer, MAX_HTTP_BODY, G_PRIORITY_DEFAULT,
                                 probe->cancellable, http_read_cb, probe);
}

static gboolean
accept_any_certificate_cb (SoupMessage         *message,
                           GTlsCertificate     *certificate,
                           GTlsCertificateFlags errors,
                           gpointer             user_data)
{
  /* Only the identity the web interface shows is read, and nothing is
   * sent: a phone's self-signed certificate is no reason to look away. */
  return TRUE;
}

static gboolean
http_timeout_cb (gpointer user_data)
{
  HttpProbe *probe = user_data;

  probe->timeout_id = 0;
  g_cancellable_cancel (probe->cancellable);
  return G_SOURCE_REMOVE;
}

static void
start_http_probe (PhonesetDiscovery *self,
                  Device            *device,
                  const char        *scheme,
                  guint16            port)
{
  HttpProbe       *probe;
  g_autofree char *address = ip_to_string (device->ip);
  g_autofree char *uri = NULL;

  if (port == 0)
    return;
  uri = g_strdup_printf ("%s://%s:%u/", scheme, address, port);
  probe = g_new0 (HttpProbe, 1);
  probe->self = g_object_ref (self);
  probe->device = device;
  probe->ip = device->ip;
  probe->cancellable = g_cancellable_new ();
  probe->message = soup_message_new ("GET", uri);
  if (probe->message == NULL)
    {
      self->http_pending++;
      http_probe_free (probe);
      return;
    }
  soup_message_add_flags (probe->message, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect (probe->message, "accept-certificate", G_CALLBACK (accept_any_certificate_cb), NULL);
  probe->timeout_id = g_timeout_add (HTTP_TIMEOUT_MS, http_timeout_cb, probe);
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           probe->cancellable, G_CONNECT_SWAPPED);
  self->http_pending++;
  soup_session_send_async (self->session, probe->message, G_PRIORITY_DEFAULT, probe->cancellable,
                           http_send_cb, probe);
}

static void
maybe_probe_http (PhonesetDiscovery *self,
                  Device            *device)
{
  if (!self->active || device->http_started || device->ip == 0 || self->session == NULL ||
      g_cancellable_is_cancelled (self->cancellable))
    return;
  device->http_started = TRUE;
  start_http_probe (self, device, "http", self->http_port);
  start_http_probe (self, device, "https", self->https_port);
}

/* SIP replies */

static void
handle_sip_identity (PhonesetDiscovery *self,
                     Device            *device,
                     const char        *user_agent,
                     const char        *detail)
{
  g_auto(PhonesetFingerprintMatch) match = { 0 };

  if (user_agent != NULL && user_agent[0] != '\0')
    {
      phoneset_phone_set_sip_user_agent (device->phone, user_agent);
      if (phoneset_fingerprint_rules_match (self->rules, user_agent, PHONESET_FINGERPRINT_SOURCE_SIP, &match))
        apply_fingerprint (self, device, RANK_SIP, &match);
    }
  phoneset_phone_add_evidence (device->phone, "sip-options", detail);
  list_device (self, device);
  maybe_probe_http (self, device);
}

static void
target_finished (PhonesetDiscovery *self,
                 Target            *target)
{
  if (target->done)
    return;
  target->done = TRUE;
  /* A host counts as probed once all its ports are. */
  {
    guint left = GPOINTER_TO_UINT (g_hash_table_lookup (self->ports_left, GUINT_TO_POINTER (target->ip)));

    if (left > 1)
      {
        g_hash_table_insert (self->ports_left, GUINT_TO_POINTER (target->ip), GUINT_TO_POINTER (left - 1));
        return;
      }
    g_hash_table_remove (self->ports_left, GUINT_TO_POINTER (target->ip));
  }
  self->hosts_probed++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOSTS_PROBED]);
}

static void
handle_reply (PhonesetDiscovery *self,
              const char        *data,
              gsize              length,
              guint32            from_ip,
              Transport          transport,
              Target            *expected)
{
  g_autoptr(PhonesetSipMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *detail = NULL;
  const char      *user_agent;
  const char      *call_id;
  gpointer         index;
  Target          *target;
  Device          *device;

  message = phoneset_sip_message_parse (data, length, &error);
  if (message == NULL)
    {
      count_ignored (self, error->message);
      return;
    }
  if (phoneset_sip_message_is_request (message))
    {
      count_ignored (self, "a request, not a reply");
      return;
    }
  call_id = phoneset_sip_message_get_header (message, "call-id");
  if (!g_hash_table_lookup_extended (self->by_call_id, call_id, NULL, &index))
    {
      count_ignored (self, "a reply to no probe of ours");
      return;
    }
  target = &g_array_index (self->targets, Target, GPOINTER_TO_UINT (index) - 1);
  if ((expected != NULL && expected != target) || target->transport != transport)
    {
      count_ignored (self, "a reply on the wrong connection");
      return;
    }
  tag = phoneset_sip_header_get_param (phoneset_sip_message_get_header (message, "from"), "tag");
  branch = phoneset_sip_header_get_param (phoneset_sip_message_get_header (message, "via"), "branch");
  if (g_strcmp0 (tag, target->tag) != 0 || g_strcmp0 (branch, target->branch) != 0 ||
      !g_str_has_suffix (phoneset_sip_message_get_header (message, "cseq"), " OPTIONS"))
    {
      count_ignored (self, "a reply whose tag, branch or CSeq is not ours");
      return;
    }
  if (from_ip != target->ip)
    {
      count_ignored (self, "a reply from another address than the one probed");
      return;
    }
  target_finished (self, target);
  user_agent = phoneset_sip_message_get_header (message, "user-agent");
  if (user_agent == NULL)
    user_agent = phoneset_sip_message_get_header (message, "server");
  detail = g_strdup_printf ("%s %u: %u %s%s%s", transport == TRANSPORT_TCP ? "TCP" : "UDP", target->port,
                            phoneset_sip_message_get_status (message), phoneset_sip_message_get_reason (message),
                            user_agent != NULL ? ", " : "", user_agent != NULL ? user_agent : "");
  device = lookup_device (self, from_ip, NULL);
  handle_sip_identity (self, device, user_agent, detail);
  maybe_finish (self);
}

static gboolean
udp_readable_cb (GSocket     *socket,
                 GIOCondition condition,
                 gpointer     user_data)
{
  PhonesetDiscovery *self = user_data;
  char               buffer[PHONESET_SIP_MAX_MESSAGE];

  for (guint i = 0; i < 256 && self->task != NULL; i++)
    {
      g_autoptr(GSocketAddress) from = NULL;
      gssize        received = g_socket_receive_from (socket, &from, buffer, sizeof buffer, NULL, NULL);
      GInetAddress *inet;
      guint32       ip = 0;

      if (received < 0)
        break;
      if (!G_IS_INET_SOCKET_ADDRESS (from))
        continue;
      inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (from));
      if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV4)
        memcpy (&ip, g_inet_address_to_bytes (inet), 4);
      handle_reply (self, buffer, (gsize)received, g_ntohl (ip), TRANSPORT_UDP, NULL);
    }
  return G_SOURCE_CONTINUE;
}

/* PnP */

static void
handle_pnp (PhonesetDiscovery *self,
            const char        *data,
            gsize              length,
            guint32            from_ip)
{
  g_autoptr(PhonesetSipMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PhonesetSipPnp) pnp = { 0 };
  g_autofree char *detail = NULL;
  guint8           mac[PHONESET_MAC_LEN];
  gboolean         has_mac;
  guint32          ip = from_ip;
  Device          *device;

  message = phoneset_sip_message_parse (data, length, &error);
  if (message == NULL || !phoneset_sip_pnp_parse (message, &pnp, &error))
    {
      count_ignored (self, error->message);
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
  device = lookup_device (self, ip, has_mac ? mac : NULL);

  detail = g_strdup_printf ("vendor=%s model=%s version=%s%s%s", pnp.vendor, pnp.model,
                            pnp.firmware != NULL ? pnp.firmware : "?",
                            pnp.mac != NULL ? " MAC=" : "", pnp.mac != NULL ? pnp.mac : "");
  {
    /* Name the vendor as the profiles do ("PLANET" → "PLANET"). */
    const char *vendor = phoneset_fingerprint_rules_vendor_for_name (self->rules, pnp.vendor);

    apply_identity (device, RANK_PNP, vendor != NULL ? vendor : pnp.vendor, NULL, pnp.model, pnp.firmware);
  }
  if (pnp.user_agent != NULL)
    {
      g_auto(PhonesetFingerprintMatch) match = { 0 };

      if (phoneset_fingerprint_rules_match (self->rules, pnp.user_agent, PHONESET_FINGERPRINT_SOURCE_SIP, &match))
        {
          /* The UA names the profile; PnP's own words keep model and
           * firmware when the UA lacks them. */
          apply_identity (device, RANK_PNP, match.vendor, match.profile_id, match.model, match.firmware);
        }
    }
  phoneset_phone_add_evidence (device->phone, "pnp", detail);
  apply_oui (self, device);
  list_device (self, device);
}

static gboolean
pnp_readable_cb (GSocket     *socket,
                 GIOCondition condition,
                 gpointer     user_data)
{
  PhonesetDiscovery *self = user_data;
  char               buffer[PHONESET_SIP_MAX_MESSAGE];

  for (guint i = 0; i < 64 && self->task != NULL; i++)
    {
      g_autoptr(GSocketAddress) from = NULL;
      gssize  received = g_socket_receive_from (socket, &from, buffer, sizeof buffer, NULL, NULL);
      guint32 ip = 0;

      if (received < 0)
        break;
      if (G_IS_INET_SOCKET_ADDRESS (from))
        {
          GInetAddress *inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (from));

          if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV4)
            memcpy (&ip, g_inet_address_to_bytes (inet), 4);
        }
      handle_pnp (self, buffer, (gsize)received, g_ntohl (ip));
    }
  return G_SOURCE_CONTINUE;
}

/* Local interfaces: the subnets to sweep and where to listen for PnP. */
typedef struct
{
  char    name[IF_NAMESIZE];
  guint32 address;
  guint   prefix;
} Interface;

static GArray *
list_interfaces (void)
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

static void
start_pnp (PhonesetDiscovery *self,
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
  self->pnp_socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);
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
      g_debug ("Cannot listen for PnP on %s:%u: %s", self->pnp_group, self->pnp_port, error->message);
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

          if (!g_socket_join_multicast_group (self->pnp_socket, group, FALSE, iface->name, &join_error))
            g_debug ("Cannot join %s on %s: %s", self->pnp_group, iface->name, join_error->message);
        }
    }
  self->pnp_source = g_socket_create_source (self->pnp_socket, G_IO_IN, NULL);
  g_source_set_callback (self->pnp_source, G_SOURCE_FUNC (pnp_readable_cb), self, NULL);
  g_source_attach (self->pnp_source, g_main_context_get_thread_default ());
}

/* Neighbours */

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

static void
poll_neighbours (PhonesetDiscovery *self)
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
      guint64            key = mac_key (entry->mac);
      Device            *known_ip = g_hash_table_lookup (self->by_ip, GUINT_TO_POINTER (entry->ip));

      /* Nothing new: the same MAC at the same address. */
      if (known_ip != NULL && known_ip->has_mac && mac_key (known_ip->mac) == key)
        continue;
      if (self->active && !in_sweep (self, entry->ip) && g_hash_table_lookup (self->by_mac, &key) == NULL)
        continue;

      device = lookup_device (self, entry->ip, entry->mac);
      if (apply_oui (self, device))
        list_device (self, device);
      maybe_probe_http (self, device);
    }
}

/* The sweep */

static void
random_hex (char *buffer,
            gsize length)
{
  static const char digits[] = "0123456789abcdef";

  for (gsize i = 0; i + 1 < length; i++)
    buffer[i] = digits[g_random_int_range (0, 16)];
  buffer[length - 1] = '\0';
}

static guint32
local_address_for (guint32 ip)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  guint32 network_order = g_htonl (ip);
  guint32 result = 0;

  if (socket == NULL)
    return 0;
  inet = g_inet_address_new_from_bytes ((const guint8 *)&network_order, G_SOCKET_FAMILY_IPV4);
  remote = g_inet_socket_address_new (inet, 5060);
  if (!g_socket_connect (socket, remote, NULL, NULL))
    return 0;
  local = g_socket_get_local_address (socket, NULL);
  if (local != NULL && G_IS_INET_SOCKET_ADDRESS (local))
    memcpy (&result, g_inet_address_to_bytes (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local))), 4);
  return g_ntohl (result);
}

static void
build_targets (PhonesetDiscovery *self,
               GArray            *interfaces)
{
  g_autoptr(GHashTable) own = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) hosts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < interfaces->len; i++)
    g_hash_table_add (own, GUINT_TO_POINTER (g_array_index (interfaces, Interface, i).address));

  for (guint s = 0; s < self->subnets->len; s++)
    {
      Subnet *subnet = &g_array_index (self->subnets, Subnet, s);
      guint64 size = (guint64)1 << (32 - subnet->prefix);
      guint32 first = subnet->network;
      guint32 last = subnet->network + (guint32)(size - 1);
      guint32 local;

      if (subnet->prefix < 31)
        {
          first++;
          last--;
        }
      local = local_address_for (first);
      for (guint64 ip = first; ip <= last && self->targets->len < MAX_HOSTS * 4; ip++)
        {
          if (g_hash_table_contains (own, GUINT_TO_POINTER ((guint32)ip)))
            continue;
          for (guint p = 0; p < self->ports->len; p++)
            {
              Port   *port = &g_array_index (self->ports, Port, p);
              Target  target = { 0 };
              guint64 key = ip ^ ((guint64)port->port << 32) ^ ((guint64)port->transport << 48);

              if (g_hash_table_contains (seen, GSIZE_TO_POINTER ((gsize)key)))
                continue;
              g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize)key));
              target.ip = (guint32)ip;
              target.local_ip = local;
              target.port = port->port;
              target.transport = port->transport;
              random_hex (target.call_id, 33);
              g_strlcat (target.call_id, "@phoneset", sizeof target.call_id);
              random_hex (target.tag, 17);
              g_strlcpy (target.branch, "z9hG4bK", sizeof target.branch);
              random_hex (target.branch + 7, 25);
              g_array_append_val (self->targets, target);
              g_hash_table_insert (self->ports_left, GUINT_TO_POINTER ((guint32)ip),
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->ports_left, GUINT_TO_POINTER ((guint32)ip))) + 1));
            }
          g_hash_table_add (hosts, GUINT_TO_POINTER ((guint32)ip));
        }
    }
  for (guint i = 0; i < self->targets->len; i++)
    g_hash_table_insert (self->by_call_id, g_array_index (self->targets, Target, i).call_id, GUINT_TO_POINTER (i + 1));
  self->hosts_total = g_hash_table_size (hosts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOSTS_TOTAL]);
}

/* TCP probe */

typedef struct
{
  PhonesetDiscovery *self;
  guint              index;
  GSocketConnection *connection;
  GCancellable      *cancellable;
  guint              timeout_id;
  char              *request;
  char               buffer[8192];
  gsize              length;
} TcpProbe;

static void
tcp_probe_free (TcpProbe *probe)
{
  PhonesetDiscovery *self = probe->self;

  g_clear_handle_id (&probe->timeout_id, g_source_remove);
  if (probe->connection != NULL)
    g_io_stream_close (G_IO_STREAM (probe->connection), NULL, NULL);
  g_clear_object (&probe->connection);
  g_clear_object (&probe->cancellable);
  g_free (probe->request);
  if (self->targets != NULL && probe->index < self->targets->len)
    target_finished (self, &g_array_index (self->targets, Target, probe->index));
  self->tcp_pending--;
  maybe_finish (self);
  g_object_unref (self);
  g_free (probe);
}

static gboolean
tcp_timeout_cb (gpointer user_data)
{
  TcpProbe *probe = user_data;

  probe->timeout_id = 0;
  g_cancellable_cancel (probe->cancellable);
  return G_SOURCE_REMOVE;
}

static void
tcp_read_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TcpProbe   *probe = user_data;
  gssize      read = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);
  const char *end;

  if (read <= 0 || probe->self->task == NULL)
    {
      tcp_probe_free (probe);
      return;
    }
  probe->length += (gsize)read;
  end = g_strstr_len (probe->buffer, (gssize)probe->length, "\r\n\r\n");
  if (end == NULL && probe->length < sizeof probe->buffer)
    {
      g_input_stream_read_async (G_INPUT_STREAM (object), probe->buffer + probe->length,
                                 sizeof probe->buffer - probe->length, G_PRIORITY_DEFAULT,
                                 probe->cancellable, tcp_read_cb, probe);
      return;
    }
  /* A stream carries one reply here: its head and, for the identity,
   * nothing of its body is needed. */
  handle_reply (probe->self, probe->buffer, end != NULL ? (gsize)(end - probe->buffer) + 4 : probe->length,
                g_array_index (probe->self->targets, Target, probe->index).ip, TRANSPORT_TCP,
                &g_array_index (probe->self->targets, Target, probe->index));
  tcp_probe_free (probe);
}

static void
tcp_write_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TcpProbe *probe = user_data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL))
    {
      tcp_probe_free (probe);
      return;
    }
  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (probe->connection)),
                             probe->buffer, sizeof probe->buffer, G_PRIORITY_DEFAULT,
                             probe->cancellable, tcp_read_cb, probe);
}

static void
tcp_connect_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TcpProbe *probe = user_data;
  Target   *target;
  g_autoptr(GSocketAddress) local = NULL;
  g_autofree char *host = NULL;
  g_autofree char *local_host = NULL;
  guint16          local_port = 0;

  probe->connection = g_socket_client_connect_finish (G_SOCKET_CLIENT (object), result, NULL);
  if (probe->connection == NULL || probe->self->task == NULL)
    {
      tcp_probe_free (probe);
      return;
    }
  target = &g_array_index (probe->self->targets, Target, probe->index);
  local = g_socket_connection_get_local_address (probe->connection, NULL);
  if (local != NULL)
    {
      local_host = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)));
      local_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
    }
  host = ip_to_string (target->ip);
  probe->request = phoneset_sip_build_options ("TCP", host, target->port, local_host != NULL ? local_host : "0.0.0.0",
                                               local_port, target->branch, target->tag, target->call_id);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (G_IO_STREAM (probe->connection)),
                                   probe->request, strlen (probe->request), G_PRIORITY_DEFAULT,
                                   probe->cancellable, tcp_write_cb, probe);
}

static void
start_tcp_probe (PhonesetDiscovery *self,
                 guint              index)
{
  Target   *target = &g_array_index (self->targets, Target, index);
  TcpProbe *probe = g_new0 (TcpProbe, 1);
  guint32   network_order = g_htonl (target->ip);
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_bytes ((const guint8 *)&network_order, G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, target->port);

  probe->self = g_object_ref (self);
  probe->index = index;
  probe->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           probe->cancellable, G_CONNECT_SWAPPED);
  probe->timeout_id = g_timeout_add (TCP_TIMEOUT_MS, tcp_timeout_cb, probe);
  target->sends = PROBE_SENDS;
  self->tcp_pending++;
  g_socket_client_connect_async (self->tcp_client, G_SOCKET_CONNECTABLE (address), probe->cancellable,
                                 tcp_connect_cb, probe);
}

static void
send_udp (PhonesetDiscovery *self,
          Target            *target,
          gint64             now)
{
  g_autofree char *host = ip_to_string (target->ip);
  g_autofree char *local_host = ip_to_string (target->local_ip);
  g_autofree char *request = NULL;
  GSocket         *socket = g_ptr_array_index (self->udp_sockets, (guint)(target - &g_array_index (self->targets, Target, 0)) % self->udp_sockets->len);
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, NULL);
  guint32 network_order = g_htonl (target->ip);
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_bytes ((const guint8 *)&network_order, G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, target->port);
  g_autoptr(GError) error = NULL;

  request = phoneset_sip_build_options ("UDP", host, target->port, local_host,
                                        g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)),
                                        target->branch, target->tag, target->call_id);
  if (g_socket_send_to (socket, address, request, strlen (request), NULL, &error) < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return; /* The next tick tries again. */
      g_debug ("Probe of %s failed: %s", host, error->message);
    }
  target->sends++;
  target->next_send = now + (target->sends < PROBE_SENDS ? RETRANSMIT_MS : FINAL_WAIT_MS) * G_TIME_SPAN_MILLISECOND;
}

static gboolean
tick_cb (gpointer user_data)
{
  PhonesetDiscovery *self = user_data;
  gint64             now = g_get_monotonic_time ();
  gboolean           all_done = TRUE;

  if (self->active && self->targets->len > 0)
    {
      self->tokens += (double)(now - self->last_tick) * self->rate / G_USEC_PER_SEC;
      self->tokens = MIN (self->tokens, 64.0);

      /* Retransmissions and give-ups first, then new hosts. */
      while (self->first_undone < self->next_target && g_array_index (self->targets, Target, self->first_undone).done)
        self->first_undone++;
      for (guint i = self->first_undone; i < self->next_target; i++)
        {
          Target *target = &g_array_index (self->targets, Target, i);

          if (target->done || target->transport == TRANSPORT_TCP)
            continue;
          all_done = FALSE;
          if (now < target->next_send)
            continue;
          if (target->sends >= PROBE_SENDS)
            target_finished (self, target);
          else if (self->tokens >= 1.0)
            {
              send_udp (self, target, now);
              self->tokens -= 1.0;
            }
        }
      while (self->next_target < self->targets->len && self->tokens >= 1.0)
        {
          Target *target = &g_array_index (self->targets, Target, self->next_target);

          if (target->transport == TRANSPORT_TCP)
            {
              if (self->tcp_pending >= MAX_TCP_PROBES)
                break;
              start_tcp_probe (self, self->next_target);
            }
          else
            send_udp (self, target, now);
          self->next_target++;
          self->tokens -= 1.0;
        }
      if (self->next_target < self->targets->len)
        all_done = FALSE;
      for (guint i = self->first_undone; i < self->next_target && all_done; i++)
        if (!g_array_index (self->targets, Target, i).done)
          all_done = FALSE;
    }
  self->last_tick = now;

  if (now - self->last_poll >= NEIGHBOUR_POLL_MS * G_TIME_SPAN_MILLISECOND)
    {
      self->last_poll = now;
      poll_neighbours (self);
    }

  if (self->active && all_done && !self->sweep_done)
    {
      g_debug ("Sweep done after %" G_GINT64_FORMAT " ms", (now - self->start_time) / 1000);
      self->sweep_done = TRUE;
      /* Every address has now been asked for, so the neighbour table holds
       * every host that answered ARP, SIP or not. */
      poll_neighbours (self);
      self->final_poll_done = TRUE;
    }
  maybe_finish (self);
  return G_SOURCE_CONTINUE;
}

/* The run */

static void
stop_run (PhonesetDiscovery *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  for (guint i = 0; self->udp_sources != NULL && i < self->udp_sources->len; i++)
    g_source_destroy (g_ptr_array_index (self->udp_sources, i));
  g_clear_pointer (&self->udp_sources, g_ptr_array_unref);
  if (self->pnp_source != NULL)
    {
      g_source_destroy (self->pnp_source);
      g_clear_pointer (&self->pnp_source, g_source_unref);
    }
  for (guint i = 0; self->udp_sockets != NULL && i < self->udp_sockets->len; i++)
    g_socket_close (g_ptr_array_index (self->udp_sockets, i), NULL);
  g_clear_pointer (&self->udp_sockets, g_ptr_array_unref);
  if (self->pnp_socket != NULL)
    g_socket_close (self->pnp_socket, NULL);
  g_clear_object (&self->pnp_socket);
  g_cancellable_cancel (self->cancellable);
}

static void
complete (PhonesetDiscovery *self,
          GError            *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  GCancellable *outer;

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  stop_run (self);
  outer = g_task_get_cancellable (task);
  if (outer != NULL && self->cancelled_id != 0)
    g_cancellable_disconnect (outer, self->cancelled_id);
  self->cancelled_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
maybe_finish (PhonesetDiscovery *self)
{
  if (self->task == NULL || !self->active || !self->final_poll_done)
    return;
  if (self->tcp_pending > 0 || self->http_pending > 0)
    {
      g_debug ("Waiting for %u TCP and %u HTTP probes", self->tcp_pending, self->http_pending);
      return;
    }
  complete (self, NULL);
}

static gboolean
deadline_cb (gpointer user_data)
{
  PhonesetDiscovery *self = user_data;

  self->deadline_id = 0;
  /* Listening ends here; what was found is the result. */
  poll_neighbours (self);
  complete (self, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_idle_cb (gpointer user_data)
{
  PhonesetDiscovery *self = user_data;

  complete (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The scan was cancelled.")));
  return G_SOURCE_REMOVE;
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  /* The cancelled signal can come from any thread; finish on ours. */
  g_idle_add_full (G_PRIORITY_DEFAULT, cancelled_idle_cb, g_object_ref (user_data), g_object_unref);
}

/**
 * phoneset_discovery_run_async:
 * @self: a discovery
 * @cancellable: (nullable): stops the scan
 * @callback: called when the scan is over
 * @user_data: for @callback
 *
 * Starts the scan. Phones appear in phoneset_discovery_get_phones() as they
 * are found. An active scan ends when every address has answered or been
 * given up and every web probe is done, or at the timeout; a passive one
 * (phoneset_discovery_set_active()) at the timeout.
 */
void
phoneset_discovery_run_async (PhonesetDiscovery  *self,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GArray) interfaces = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sockets;

  g_return_if_fail (PHONESET_IS_DISCOVERY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_discovery_run_async);

  if (self->task != NULL)
    {
      g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                               _("A scan is already running: wait for it or cancel it."));
      return;
    }

  /* A new run starts from an empty list. */
  g_list_store_remove_all (self->phones);
  g_ptr_array_set_size (self->devices, 0);
  g_hash_table_remove_all (self->by_ip);
  g_hash_table_remove_all (self->by_mac);
  self->hosts_probed = 0;
  self->ignored = 0;
  self->next_target = 0;
  self->first_undone = 0;
  self->tokens = 8.0;
  self->sweep_done = FALSE;
  self->final_poll_done = FALSE;
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->by_call_id, g_hash_table_unref);
  self->targets = g_array_new (FALSE, TRUE, sizeof (Target));
  self->by_call_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_clear_pointer (&self->ports_left, g_hash_table_unref);
  self->ports_left = g_hash_table_new (NULL, NULL);
  g_clear_pointer (&self->pnp_error, g_free);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  interfaces = list_interfaces ();
  if (self->active)
    {
      if (self->subnets->len == 0)
        {
          for (guint i = 0; i < interfaces->len; i++)
            {
              Interface *iface = &g_array_index (interfaces, Interface, i);
              Subnet     subnet;

              /* Larger subnets are swept around this computer's address:
               * the /22 holding it. */
              subnet.prefix = MAX (iface->prefix, 22);
              if (subnet.prefix >= 31)
                continue;
              subnet.network = iface->address & (G_MAXUINT32 << (32 - subnet.prefix));
              g_array_append_val (self->subnets, subnet);
            }
          if (self->subnets->len == 0)
            {
              g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_UNREACHABLE,
                                       _("This computer has no IPv4 network to scan: connect it, or give a subnet."));
              return;
            }
        }
      if (self->ports->len == 0)
        phoneset_discovery_add_port (self, "udp:5060", NULL);
      build_targets (self, interfaces);

      self->udp_sockets = g_ptr_array_new_with_free_func (g_object_unref);
      self->udp_sources = g_ptr_array_new_with_free_func ((GDestroyNotify)g_source_unref);
      n_sockets = CLAMP ((self->targets->len + TARGETS_PER_SOCKET - 1) / TARGETS_PER_SOCKET, 1, MAX_UDP_SOCKETS);
      for (guint i = 0; i < n_sockets; i++)
        {
          g_autoptr(GInetAddress) any = g_inet_address_new_any (G_SOCKET_FAMILY_IPV4);
          g_autoptr(GSocketAddress) address = g_inet_socket_address_new (any, 0);
          g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);
          GSource *source;

          if (socket == NULL || !g_socket_bind (socket, address, FALSE, &error))
            {
              g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                                       _("Could not open a UDP socket for the scan: %s"), error->message);
              stop_run (self);
              return;
            }
          g_socket_set_blocking (socket, FALSE);
          source = g_socket_create_source (socket, G_IO_IN, NULL);
          g_source_set_callback (source, G_SOURCE_FUNC (udp_readable_cb), self, NULL);
          g_source_attach (source, g_main_context_get_thread_default ());
          g_ptr_array_add (self->udp_sockets, g_steal_pointer (&socket));
          g_ptr_array_add (self->udp_sources, source);
        }

      if (self->session == NULL)
        self->session = soup_session_new_with_options ("max-conns", 256, "max-conns-per-host", 4,
                                                       "user-agent", "Phoneset/" PACKAGE_VERSION, NULL);
      if (self->tcp_client == NULL)
        self->tcp_client = g_socket_client_new ();
    }
  start_pnp (self, interfaces);

  self->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);
  self->start_time = self->last_tick = g_get_monotonic_time ();
  self->last_poll = self->start_time;
  self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
  self->deadline_id = g_timeout_add (self->timeout_ms, deadline_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  poll_neighbours (self);
}

/**
 * phoneset_discovery_run_finish:
 * @self: a discovery
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE if the scan ran to its end (the phones are in
 *   phoneset_discovery_get_phones())
 */
gboolean
phoneset_discovery_run_finish (PhonesetDiscovery *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
