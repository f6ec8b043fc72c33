/* phoneset-discovery-sweep.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SIP OPTIONS sweep: a probe to every address of the subnets on each
 * port, UDP and TCP, at a bounded rate, UDP retransmitted. A reply counts
 * only when its Call-ID, Via branch, From tag, CSeq and source address
 * are those of the probe.
 */

#define G_LOG_DOMAIN "phoneset-discovery"

#include "config.h"

#include <string.h>

#include "phoneset-discovery-private.h"
#include "phoneset-sip-message.h"

/* Each probe is sent at most this many times, this far apart; a host that
 * has not answered this long after the last one is given up. */
#define PROBE_SENDS    3
#define RETRANSMIT_MS  250
#define FINAL_WAIT_MS  350
#define TCP_TIMEOUT_MS 1500
#define MAX_TCP_PROBES 64
#define MAX_HOSTS      65536
/* Probes to addresses whose ARP is not resolved yet wait in the kernel and
 * hold their socket's send buffer, up to 3 s for an empty address: the
 * sweep spreads its probes over several sockets so none fills up. */
#define TARGETS_PER_SOCKET 16
#define MAX_UDP_SOCKETS    64

/* ---- Replies ---------------------------------------------------------- */

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
      if (phoneset_fingerprint_rules_match (self->rules, user_agent,
                                            PHONESET_FINGERPRINT_SOURCE_SIP, &match))
        _phoneset_discovery_apply_fingerprint (self, device, RANK_SIP, &match);
    }
  phoneset_phone_add_evidence (device->phone, "sip-options", detail);
  _phoneset_discovery_list_device (self, device);
  _phoneset_discovery_maybe_probe_http (self, device);
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
    guint left =
      GPOINTER_TO_UINT (g_hash_table_lookup (self->ports_left, GUINT_TO_POINTER (target->ip)));

    if (left > 1)
      {
        g_hash_table_insert (self->ports_left, GUINT_TO_POINTER (target->ip),
                             GUINT_TO_POINTER (left - 1));
        return;
      }
    g_hash_table_remove (self->ports_left, GUINT_TO_POINTER (target->ip));
  }
  self->hosts_probed++;
  _phoneset_discovery_notify (self, PROP_HOSTS_PROBED);
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
      _phoneset_discovery_count_ignored (self, error->message);
      return;
    }
  if (phoneset_sip_message_is_request (message))
    {
      _phoneset_discovery_count_ignored (self, "a request, not a reply");
      return;
    }
  call_id = phoneset_sip_message_get_header (message, "call-id");
  if (!g_hash_table_lookup_extended (self->by_call_id, call_id, NULL, &index))
    {
      _phoneset_discovery_count_ignored (self, "a reply to no probe of ours");
      return;
    }
  target = &g_array_index (self->targets, Target, GPOINTER_TO_UINT (index) - 1);
  if ((expected != NULL && expected != target) || target->transport != transport)
    {
      _phoneset_discovery_count_ignored (self, "a reply on the wrong connection");
      return;
    }
  tag = phoneset_sip_header_get_param (phoneset_sip_message_get_header (message, "from"), "tag");
  branch =
    phoneset_sip_header_get_param (phoneset_sip_message_get_header (message, "via"), "branch");
  if (g_strcmp0 (tag, target->tag) != 0 || g_strcmp0 (branch, target->branch) != 0 ||
      !g_str_has_suffix (phoneset_sip_message_get_header (message, "cseq"), " OPTIONS"))
    {
      _phoneset_discovery_count_ignored (self, "a reply whose tag, branch or CSeq is not ours");
      return;
    }
  if (from_ip != target->ip)
    {
      _phoneset_discovery_count_ignored (self, "a reply from another address than the one probed");
      return;
    }
  target_finished (self, target);
  user_agent = phoneset_sip_message_get_header (message, "user-agent");
  if (user_agent == NULL)
    user_agent = phoneset_sip_message_get_header (message, "server");
  detail = g_strdup_printf ("%s %u: %u %s%s%s", transport == TRANSPORT_TCP ? "TCP" : "UDP",
                            target->port, phoneset_sip_message_get_status (message),
                            phoneset_sip_message_get_reason (message),
                            user_agent != NULL ? ", " : "", user_agent != NULL ? user_agent : "");
  device = _phoneset_discovery_lookup_device (self, from_ip, NULL);
  handle_sip_identity (self, device, user_agent, detail);
  _phoneset_discovery_maybe_finish (self);
}

static void
handle_udp_reply (PhonesetDiscovery *self,
                  const char        *data,
                  gsize              length,
                  GSocketAddress    *from)
{
  if (G_IS_INET_SOCKET_ADDRESS (from))
    handle_reply (self, data, length, _phoneset_discovery_ipv4_of (from), TRANSPORT_UDP, NULL);
}

/* ---- Targets --------------------------------------------------------- */

static void
random_hex (char  *buffer,
            gsize  length)
{
  static const char digits[] = "0123456789abcdef";

  for (gsize i = 0; i + 1 < length; i++)
    buffer[i] = digits[g_random_int_range (0, 16)];
  buffer[length - 1] = '\0';
}

static GSocketAddress *
inet_socket_address_new (guint32 ip,
                         guint16 port)
{
  guint32 network_order = g_htonl (ip);
  g_autoptr(GInetAddress) inet =
               g_inet_address_new_from_bytes ((const guint8 *)&network_order, G_SOCKET_FAMILY_IPV4);

  return g_inet_socket_address_new (inet, port);
}

/* The local address that routes to @ip. */
static guint32
local_address_for (guint32 ip)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                             G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GSocketAddress) local = NULL;

  if (socket == NULL)
    return 0;
  remote = inet_socket_address_new (ip, 5060);
  if (!g_socket_connect (socket, remote, NULL, NULL))
    return 0;
  local = g_socket_get_local_address (socket, NULL);
  return _phoneset_discovery_ipv4_of (local);
}

void
_phoneset_discovery_build_targets (PhonesetDiscovery *self,
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
              g_hash_table_insert (
                self->ports_left, GUINT_TO_POINTER ((guint32)ip),
                GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (
                                    self->ports_left, GUINT_TO_POINTER ((guint32)ip))) +
                                  1));
            }
          g_hash_table_add (hosts, GUINT_TO_POINTER ((guint32)ip));
        }
    }
  for (guint i = 0; i < self->targets->len; i++)
    g_hash_table_insert (self->by_call_id, g_array_index (self->targets, Target, i).call_id,
                         GUINT_TO_POINTER (i + 1));
  self->hosts_total = g_hash_table_size (hosts);
  _phoneset_discovery_notify (self, PROP_HOSTS_TOTAL);
}

/* ---- TCP probes ------------------------------------------------------ */

typedef struct
{
  PhonesetDiscovery *self;
  guint              index;
  GSocketConnection *connection;
  TimeLimit          limit;
  char              *request;
  char               buffer[8192];
  gsize              length;
} TcpProbe;

static void
tcp_probe_free (TcpProbe *probe)
{
  PhonesetDiscovery *self = probe->self;

  _phoneset_discovery_time_limit_clear (&probe->limit);
  if (probe->connection != NULL)
    g_io_stream_close (G_IO_STREAM (probe->connection), NULL, NULL);
  g_clear_object (&probe->connection);
  g_free (probe->request);
  if (self->targets != NULL && probe->index < self->targets->len)
    target_finished (self, &g_array_index (self->targets, Target, probe->index));
  self->tcp_pending--;
  _phoneset_discovery_maybe_finish (self);
  g_object_unref (self);
  g_free (probe);
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
                                 probe->limit.cancellable, tcp_read_cb, probe);
      return;
    }
  /* A stream carries one reply here: its head and, for the identity,
   * nothing of its body is needed. */
  handle_reply (probe->self, probe->buffer,
                end != NULL ? (gsize)(end - probe->buffer) + 4 : probe->length,
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
                             probe->limit.cancellable, tcp_read_cb, probe);
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
      local_host = g_inet_address_to_string (
        g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)));
      local_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
    }
  host = _phoneset_discovery_ip_to_string (target->ip);
  probe->request = phoneset_sip_build_options (
    "TCP", host, target->port, local_host != NULL ? local_host : "0.0.0.0", local_port,
    target->branch, target->tag, target->call_id);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (G_IO_STREAM (probe->connection)),
                                   probe->request, strlen (probe->request), G_PRIORITY_DEFAULT,
                                   probe->limit.cancellable, tcp_write_cb, probe);
}

static void
start_tcp_probe (PhonesetDiscovery *self,
                 guint              index)
{
  Target   *target = &g_array_index (self->targets, Target, index);
  TcpProbe *probe = g_new0 (TcpProbe, 1);
  g_autoptr(GSocketAddress) address = inet_socket_address_new (target->ip, target->port);

  probe->self = g_object_ref (self);
  probe->index = index;
  _phoneset_discovery_time_limit_start (self, &probe->limit, TCP_TIMEOUT_MS);
  target->sends = PROBE_SENDS;
  self->tcp_pending++;
  g_socket_client_connect_async (self->tcp_client, G_SOCKET_CONNECTABLE (address),
                                 probe->limit.cancellable, tcp_connect_cb, probe);
}

/* ---- UDP probes ------------------------------------------------------ */

static void
send_udp (PhonesetDiscovery *self,
          Target            *target,
          gint64             now)
{
  g_autofree char *host = _phoneset_discovery_ip_to_string (target->ip);
  g_autofree char *local_host = _phoneset_discovery_ip_to_string (target->local_ip);
  g_autofree char *request = NULL;
  GSocket         *socket = g_ptr_array_index (self->udp_sockets,
                                               (guint)(target - &g_array_index (self->targets, Target, 0)) %
                                                 self->udp_sockets->len);
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, NULL);
  g_autoptr(GSocketAddress) address = inet_socket_address_new (target->ip, target->port);
  g_autoptr(GError) error = NULL;

  request =
    phoneset_sip_build_options ("UDP", host, target->port, local_host,
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)),
                                target->branch, target->tag, target->call_id);
  if (g_socket_send_to (socket, address, request, strlen (request), NULL, &error) < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return; /* The next tick tries again. */
      g_debug ("Probe of %s failed: %s", host, error->message);
    }
  target->sends++;
  target->next_send =
    now + (target->sends < PROBE_SENDS ? RETRANSMIT_MS : FINAL_WAIT_MS) * G_TIME_SPAN_MILLISECOND;
}

/* ---- The sweep -------------------------------------------------------- */

/* Opens the sockets the UDP probes go out from (and replies come in on). */
gboolean
_phoneset_discovery_open_sweep (PhonesetDiscovery  *self,
                                GError            **error)
{
  guint n_sockets;

  self->udp_sockets = g_ptr_array_new_with_free_func (g_object_unref);
  self->udp_sources = g_ptr_array_new_with_free_func ((GDestroyNotify)g_source_unref);
  n_sockets =
    CLAMP ((self->targets->len + TARGETS_PER_SOCKET - 1) / TARGETS_PER_SOCKET, 1, MAX_UDP_SOCKETS);
  for (guint i = 0; i < n_sockets; i++)
    {
      g_autoptr(GInetAddress) any = g_inet_address_new_any (G_SOCKET_FAMILY_IPV4);
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new (any, 0);
      g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                                 G_SOCKET_PROTOCOL_UDP, error);

      if (socket == NULL || !g_socket_bind (socket, address, FALSE, error))
        return FALSE;
      g_socket_set_blocking (socket, FALSE);
      g_ptr_array_add (self->udp_sources,
                       _phoneset_discovery_watch_socket (self, socket, 256, handle_udp_reply));
      g_ptr_array_add (self->udp_sockets, g_steal_pointer (&socket));
    }
  return TRUE;
}

/* Sends what is due at @now, within the rate. Returns whether every
 * target is done. */
gboolean
_phoneset_discovery_sweep_step (PhonesetDiscovery *self,
                                gint64             now)
{
  gboolean all_done = TRUE;

  self->tokens += (double)(now - self->last_tick) * self->rate / G_USEC_PER_SEC;
  self->tokens = MIN (self->tokens, 64.0);

  /* Retransmissions and give-ups first, then new hosts. */
  while (self->first_undone < self->next_target &&
         g_array_index (self->targets, Target, self->first_undone).done)
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
  return all_done;
}

void
_phoneset_discovery_close_sweep (PhonesetDiscovery *self)
{
  for (guint i = 0; self->udp_sources != NULL && i < self->udp_sources->len; i++)
    g_source_destroy (g_ptr_array_index (self->udp_sources, i));
  g_clear_pointer (&self->udp_sources, g_ptr_array_unref);
  for (guint i = 0; self->udp_sockets != NULL && i < self->udp_sockets->len; i++)
    g_socket_close (g_ptr_array_index (self->udp_sockets, i), NULL);
  g_clear_pointer (&self->udp_sockets, g_ptr_array_unref);
}
