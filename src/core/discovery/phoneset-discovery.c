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

#include "phoneset-discovery-private.h"
#include "phoneset-error.h"
#include "phoneset-core-test-private.h"

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
 *
 * This file holds the object, its settings and the run; each method is a
 * part of its own (phoneset-discovery-*.c, see
 * phoneset-discovery-private.h).
 */

/* How often the neighbour table is read, and the sweep's heartbeat. */
#define TICK_MS           2
#define NEIGHBOUR_POLL_MS 100
#define DEFAULT_RATE      4000

G_DEFINE_FINAL_TYPE (PhonesetDiscovery, phoneset_discovery, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

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
phoneset_cidr_parse (const char  *text,
                     guint32     *network,
                     guint       *prefix,
                     GError     **error)
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

  properties[PROP_PHONES] = g_param_spec_object ("phones", NULL, NULL, G_TYPE_LIST_MODEL,
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
  self->devices = g_ptr_array_new_with_free_func (_phoneset_discovery_device_free);
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
phoneset_discovery_add_subnet (PhonesetDiscovery  *self,
                               const char         *cidr,
                               GError            **error)
{
  Subnet subnet;

  g_return_val_if_fail (PHONESET_IS_DISCOVERY (self), FALSE);
  g_return_val_if_fail (cidr != NULL, FALSE);
  g_return_val_if_fail (self->task == NULL, FALSE);

  if (!phoneset_cidr_parse (cidr, &subnet.network, &subnet.prefix, error))
    return FALSE;
  if (subnet.prefix < 16)
    {
      g_set_error (
        error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
        _("The subnet %s is too large to sweep: give a /16 or smaller, or several of them."),
           cidr);
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
phoneset_discovery_add_port (PhonesetDiscovery  *self,
                             const char         *spec,
                             GError            **error)
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

void
_phoneset_discovery_notify (PhonesetDiscovery *self,
                            guint              prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_phoneset_discovery_count_ignored (PhonesetDiscovery *self,
                                   const char        *why)
{
  g_debug ("Ignored a message: %s", why);
  self->ignored++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IGNORED_REPLIES]);
}

/* ---- The run --------------------------------------------------------- */

static gboolean
tick_cb (gpointer user_data)
{
  PhonesetDiscovery *self = user_data;
  gint64             now = g_get_monotonic_time ();
  gboolean           all_done = TRUE;

  if (self->active && self->targets->len > 0)
    all_done = _phoneset_discovery_sweep_step (self, now);
  self->last_tick = now;

  if (now - self->last_poll >= NEIGHBOUR_POLL_MS * G_TIME_SPAN_MILLISECOND)
    {
      self->last_poll = now;
      _phoneset_discovery_poll_neighbours (self);
    }

  if (self->active && all_done && !self->sweep_done)
    {
      g_debug ("Sweep done after %" G_GINT64_FORMAT " ms", (now - self->start_time) / 1000);
      self->sweep_done = TRUE;
      /* Every address has now been asked for, so the neighbour table holds
       * every host that answered ARP, SIP or not. */
      _phoneset_discovery_poll_neighbours (self);
      self->final_poll_done = TRUE;
    }
  _phoneset_discovery_maybe_finish (self);
  return G_SOURCE_CONTINUE;
}

static void
stop_run (PhonesetDiscovery *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  _phoneset_discovery_close_sweep (self);
  _phoneset_discovery_stop_pnp (self);
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
  _phoneset_discovery_notify (self, PROP_RUNNING);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Ends an active scan once the sweep is over and every probe is done. */
void
_phoneset_discovery_maybe_finish (PhonesetDiscovery *self)
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
  _phoneset_discovery_poll_neighbours (self);
  complete (self, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_idle_cb (gpointer user_data)
{
  PhonesetDiscovery *self = user_data;

  complete (self,
            g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The scan was cancelled.")));
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
phoneset_discovery_run_async (PhonesetDiscovery   *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GArray) interfaces = NULL;
  g_autoptr(GError) error = NULL;

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
  _phoneset_discovery_forget_devices (self);
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

  interfaces = _phoneset_discovery_list_interfaces ();
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
              g_task_return_new_error (
                task, PHONESET_ERROR, PHONESET_ERROR_UNREACHABLE,
                _("This computer has no IPv4 network to scan: connect it, or give a subnet."));
              return;
            }
        }
      if (self->ports->len == 0)
        phoneset_discovery_add_port (self, "udp:5060", NULL);
      _phoneset_discovery_build_targets (self, interfaces);

      if (!_phoneset_discovery_open_sweep (self, &error))
        {
          g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                                   _("Could not open a UDP socket for the scan: %s"),
                                      error->message);
          stop_run (self);
          return;
        }
      if (self->session == NULL)
        self->session =
          soup_session_new_with_options ("max-conns", 256, "max-conns-per-host", 4, "user-agent",
                                         "Phoneset/" PACKAGE_VERSION, NULL);
      if (self->tcp_client == NULL)
        self->tcp_client = g_socket_client_new ();
    }
  _phoneset_discovery_start_pnp (self, interfaces);

  self->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);
  self->start_time = self->last_tick = g_get_monotonic_time ();
  self->last_poll = self->start_time;
  self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
  self->deadline_id = g_timeout_add (self->timeout_ms, deadline_cb, self);
  _phoneset_discovery_notify (self, PROP_RUNNING);
  _phoneset_discovery_poll_neighbours (self);
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
phoneset_discovery_run_finish (PhonesetDiscovery  *self,
                               GAsyncResult       *result,
                               GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
