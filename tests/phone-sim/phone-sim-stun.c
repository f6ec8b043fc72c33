/* phone-sim-stun.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulated phone's STUN client: it follows the STUN settings of its
 * configuration (or --stun-server / --stun-refresh), sends a Binding
 * request at boot and then one each refresh interval, from one port for
 * its whole life as a phone does, retransmits twice (500 ms apart) when
 * unanswered, and reads its mapped address from the answer. With
 * --stun-probe it first asks for a change of IP and port and of port
 * only, as a phone finding its NAT type. libnice's agent builds and checks
 * the messages; nothing of Phoneset's own STUN code is used, so the
 * simulator stays independent of what it tests.
 *
 *   Yealink  static.sip.nat_stun.enable / .server / .port (legacy:
 *            account.1.nat.stun_server, _port); refresh:
 *            account.1.nat.udp_update_time (default 30 s) [U]
 *   Fanvil   STUN Server, STUN Port, STUN Refresh Time (default 50 s);
 *            off when SIP1 NAT Type is 0
 *   snom     stun_server.1 (host[:port]), stun_binding_interval.1 (0: no
 *            refresh after the first request) [U]
 */

#define G_LOG_DOMAIN "phone-sim"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <stun/stunagent.h>
#include <stun/usages/bind.h>

#include "phone-sim.h"

#define RETRANSMIT_MS 500
#define TRIES         3

static const uint16_t known[] = { STUN_ATTRIBUTE_MAPPED_ADDRESS,
                                  STUN_ATTRIBUTE_XOR_MAPPED_ADDRESS,
                                  STUN_ATTRIBUTE_ERROR_CODE,
                                  STUN_ATTRIBUTE_UNKNOWN_ATTRIBUTES,
                                  0x802B,
                                  0x802C,
                                  STUN_ATTRIBUTE_SOURCE_ADDRESS,
                                  STUN_ATTRIBUTE_CHANGED_ADDRESS,
                                  0 };

typedef struct
{
  GSocket        *socket;
  GSource        *source;
  StunAgent       agent;
  GSocketAddress *server;
  char           *server_text;
  int             refresh_s;
  guint           refresh_id;
  guint           retransmit_id;
  guint8          request[128];
  gsize           request_len;
  int             tries;
  gboolean        waiting;
  guint           probes_left;
  guint           sent;
  guint           answered;
  guint           lost;
  char           *mapped;
} SimStun;

static SimStun stun;

static const char *
first_set (const char *const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *value = sim_config_get (keys[i]);

      if (value != NULL && value[0] != '\0')
        return value;
    }
  return NULL;
}

/* What the configuration (or the command line) asks: server "host:port"
 * and refresh seconds; FALSE when STUN is off. */
static gboolean
wanted (char **server,
        int   *refresh)
{
  const char *host = NULL, *port = NULL, *every = NULL;

  if (sim.stun_server != NULL)
    {
      *server = g_strdup (sim.stun_server);
      *refresh = sim.stun_refresh > 0 ? sim.stun_refresh : 30;
      return TRUE;
    }
  switch (sim.vendor)
    {
    case SIM_VENDOR_YEALINK:
      if (g_strcmp0 (sim_config_get ("static.sip.nat_stun.enable"), "0") == 0)
        return FALSE;
      host = first_set ((const char *[]){ "static.sip.nat_stun.server", "account.1.nat.stun_server",
                                          "sip.nat_stun.server", NULL });
      port = first_set ((const char *[]){ "static.sip.nat_stun.port", "account.1.nat.stun_port",
                                          "sip.nat_stun.port", NULL });
      every = first_set ((const char *[]){ "account.1.nat.udp_update_time", NULL });
      *refresh = every ? atoi (every) : 30;
      break;
    case SIM_VENDOR_FANVIL:
      if (g_strcmp0 (sim_config_get ("SIP1 NAT Type"), "0") == 0)
        return FALSE;
      host = first_set ((const char *[]){ "STUN Server", NULL });
      port = first_set ((const char *[]){ "STUN Port", NULL });
      every = first_set ((const char *[]){ "STUN Refresh Time", NULL });
      *refresh = every ? atoi (every) : 50;
      break;
    case SIM_VENDOR_SNOM:
      host = first_set ((const char *[]){ "stun_server.1", "stun_server", NULL });
      every =
        first_set ((const char *[]){ "stun_binding_interval.1", "stun_binding_interval", NULL });
      *refresh = every ? atoi (every) : 0;
      break;
    case SIM_VENDOR_POLY:
      /* tcpIpApp.ice.* are the profile's [U] names; the refresh is
       * nat.keepalive.interval, 30 s when unset [U]. */
      if (g_strcmp0 (sim_config_get ("tcpIpApp.ice.enabled"), "0") == 0)
        return FALSE;
      host = first_set ((const char *[]){ "tcpIpApp.ice.stun.server", NULL });
      port = first_set ((const char *[]){ "tcpIpApp.ice.stun.udpPort", NULL });
      every = first_set ((const char *[]){ "nat.keepalive.interval", NULL });
      *refresh = every ? atoi (every) : 30;
      break;
    case SIM_VENDOR_GRANDSTREAM:
      {
        /* NAT traversal (P52, alias account.1.network.natTraversal): STUN
         * only with STUN (1) or Auto (4) [T] (the profiles); unset: STUN
         * when a server is set [U]. Keep-alive P84, 20 s when unset [U]. */
        const char *nat =
          first_set ((const char *[]){ "P52", "account.1.network.natTraversal", NULL });

        if (nat != NULL && !g_str_equal (nat, "1") && !g_str_equal (nat, "4") &&
            g_ascii_strcasecmp (nat, "STUN") != 0 && g_ascii_strcasecmp (nat, "Auto") != 0)
          return FALSE;
        host = first_set ((const char *[]){ "P76", "network.stunServer", NULL });
        every = first_set ((const char *[]){ "P84", "sip.keepAliveInterval", NULL });
        *refresh = every ? atoi (every) : 20;
        break;
      }
    default:
      g_assert_not_reached ();
    }
  if (sim.stun_refresh > 0)
    *refresh = sim.stun_refresh;
  if (host == NULL)
    return FALSE;
  if (port != NULL && strchr (host, ':') == NULL)
    *server = g_strdup_printf ("%s:%s", host, port);
  else if (strchr (host, ':') == NULL)
    *server = g_strdup_printf ("%s:3478", host);
  else
    *server = g_strdup (host);
  return TRUE;
}

static void
send_request (void)
{
  g_autoptr(GError) error = NULL;

  if (stun.socket == NULL || stun.server == NULL)
    return;
  if (g_socket_send_to (stun.socket, stun.server, (const char *)stun.request, stun.request_len,
                        NULL, &error) < 0)
    g_message ("STUN to %s: %s", stun.server_text, error->message);
  stun.sent++;
}

static gboolean retransmit_cb (gpointer user_data);

/* A new transaction: a plain Binding request, or a probe's change request. */
static void
start_transaction (void)
{
  StunMessage msg;
  guint       flags = 0;

  g_clear_handle_id (&stun.retransmit_id, g_source_remove);
  /* The agent remembers the transactions it sent: forget them all. */
  stun_agent_init (&stun.agent, known, STUN_COMPATIBILITY_RFC5389,
                   STUN_AGENT_USAGE_USE_FINGERPRINT | STUN_AGENT_USAGE_IGNORE_CREDENTIALS);
  if (stun.probes_left == 2)
    flags = 0x6; /* change IP and port */
  else if (stun.probes_left == 1)
    flags = 0x2; /* change port */
  if (!stun_agent_init_request (&stun.agent, &msg, stun.request, sizeof stun.request, STUN_BINDING))
    return;
  if (flags != 0)
    stun_message_append32 (&msg, STUN_ATTRIBUTE_CHANGE_REQUEST, flags);
  stun.request_len = stun_agent_finish_message (&stun.agent, &msg, NULL, 0);
  stun.tries = 1;
  stun.waiting = TRUE;
  send_request ();
  stun.retransmit_id = g_timeout_add (RETRANSMIT_MS, retransmit_cb, NULL);
}

static void
transaction_done (void)
{
  g_clear_handle_id (&stun.retransmit_id, g_source_remove);
  stun.waiting = FALSE;
  if (stun.probes_left > 0)
    {
      stun.probes_left--;
      start_transaction ();
      return;
    }
  sim_save_state ();
}

static gboolean
retransmit_cb (gpointer user_data)
{
  if (stun.tries < TRIES)
    {
      stun.tries++;
      send_request ();
      return G_SOURCE_CONTINUE;
    }
  stun.retransmit_id = 0;
  stun.lost++;
  /* A probe's change request that gets no answer is itself an answer. */
  stun.waiting = FALSE;
  if (stun.probes_left > 0)
    {
      stun.probes_left--;
      start_transaction ();
    }
  else
    sim_save_state ();
  return G_SOURCE_REMOVE;
}

static gboolean
refresh_cb (gpointer user_data)
{
  if (!stun.waiting)
    start_transaction ();
  return G_SOURCE_CONTINUE;
}

static gboolean
readable_cb (GSocket      *socket,
             GIOCondition  condition,
             gpointer      user_data)
{
  guint8      buf[1500];
  gssize      len = g_socket_receive (socket, (char *)buf, sizeof buf, NULL, NULL);
  StunMessage msg;

  if (len <= 0 || !stun.waiting)
    return G_SOURCE_CONTINUE;
  if (stun_agent_validate (&stun.agent, &msg, buf, (size_t)len, NULL, NULL) !=
      STUN_VALIDATION_SUCCESS)
    {
      /* Answers to change requests may come without FINGERPRINT. */
      stun.agent.usage_flags &= ~STUN_AGENT_USAGE_USE_FINGERPRINT;
      if (stun_agent_validate (&stun.agent, &msg, buf, (size_t)len, NULL, NULL) !=
          STUN_VALIDATION_SUCCESS)
        {
          stun.agent.usage_flags |= STUN_AGENT_USAGE_USE_FINGERPRINT;
          return G_SOURCE_CONTINUE;
        }
      stun.agent.usage_flags |= STUN_AGENT_USAGE_USE_FINGERPRINT;
    }
  if (stun_message_get_class (&msg) == STUN_RESPONSE)
    {
      struct sockaddr_storage mapped;
      socklen_t               mapped_len = sizeof mapped;

      if (stun_message_find_xor_addr (&msg, STUN_ATTRIBUTE_XOR_MAPPED_ADDRESS, &mapped,
                                      &mapped_len) == STUN_MESSAGE_RETURN_SUCCESS)
        {
          g_autoptr(GSocketAddress) address =
                       g_socket_address_new_from_native (&mapped, mapped_len);
          GInetAddress *inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));
          g_autofree char *ip = g_inet_address_to_string (inet);

          g_free (stun.mapped);
          stun.mapped = g_strdup_printf (
            "%s:%u", ip, g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
        }
    }
  stun.answered++;
  transaction_done ();
  return G_SOURCE_CONTINUE;
}

static void
stop (void)
{
  g_clear_handle_id (&stun.refresh_id, g_source_remove);
  g_clear_handle_id (&stun.retransmit_id, g_source_remove);
  g_clear_object (&stun.server);
  g_clear_pointer (&stun.server_text, g_free);
  stun.waiting = FALSE;
}

/* The server as an address. The simulated phone looks up no names: the
 * tests and benchmarks touch only loopback, and a DNS query would leave it
 * (a name other than "localhost" is taken as not found). */
static GSocketAddress *
resolve (const char *text)
{
  g_autofree char *host = NULL;
  const char      *colon = strrchr (text, ':');
  guint16          port = 3478;
  g_autoptr(GInetAddress) inet = NULL;

  host = colon ? g_strndup (text, colon - text) : g_strdup (text);
  if (colon != NULL)
    port = (guint16)atoi (colon + 1);
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    return NULL;
  return g_inet_socket_address_new (inet, port);
}

/**
 * sim_stun_reconfigure:
 *
 * Applies the STUN settings (at boot, and after a configuration was
 * applied): starts, moves or stops the refreshes.
 */
void
sim_stun_reconfigure (void)
{
  g_autofree char *server = NULL;
  int              refresh = 0;

  if (stun.socket == NULL)
    return;
  if (!wanted (&server, &refresh))
    {
      if (stun.server != NULL)
        g_message ("STUN off");
      stop ();
      return;
    }
  if (g_strcmp0 (server, stun.server_text) == 0 && refresh == stun.refresh_s)
    return;
  stop ();
  stun.server = resolve (server);
  if (stun.server == NULL)
    {
      g_message ("STUN server %s not found (the simulated phone looks up no names)", server);
      return;
    }
  stun.server_text = g_steal_pointer (&server);
  stun.refresh_s = refresh;
  g_message ("STUN to %s every %d s", stun.server_text, refresh);
  stun.probes_left = sim.stun_probe ? 2 : 0;
  start_transaction ();
  if (refresh > 0)
    stun.refresh_id = g_timeout_add ((guint)refresh * 1000, refresh_cb, NULL);
  sim_save_state ();
}

/**
 * sim_stun_start:
 *
 * Opens the phone's STUN socket on its address and applies the settings.
 *
 * Returns: %TRUE unless the socket could not be opened
 */
gboolean
sim_stun_start (GError **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (sim.address);
  g_autoptr(GSocketAddress) local = NULL;

  if (inet == NULL)
    return TRUE;
  local = g_inet_socket_address_new (inet, 0);
  stun.socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_DATAGRAM,
                              G_SOCKET_PROTOCOL_UDP, error);
  if (stun.socket == NULL || !g_socket_bind (stun.socket, local, FALSE, error))
    {
      g_clear_object (&stun.socket);
      return FALSE;
    }
  g_socket_set_blocking (stun.socket, FALSE);
  stun.source = g_socket_create_source (stun.socket, G_IO_IN, NULL);
  g_source_set_callback (stun.source, G_SOURCE_FUNC (readable_cb), NULL, NULL);
  g_source_attach (stun.source, NULL);
  sim_stun_reconfigure ();
  return TRUE;
}

/**
 * sim_stun_add_state:
 * @b: the state being built
 *
 * Adds `"stun": { "server", "refresh_s", "sent", "answered", "lost",
 * "mapped" }`.
 */
void
sim_stun_add_state (JsonBuilder *b)
{
  json_builder_set_member_name (b, "stun");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "server");
  json_builder_add_string_value (b, stun.server_text);
  json_builder_set_member_name (b, "refresh_s");
  json_builder_add_int_value (b, stun.server_text ? stun.refresh_s : 0);
  json_builder_set_member_name (b, "sent");
  json_builder_add_int_value (b, stun.sent);
  json_builder_set_member_name (b, "answered");
  json_builder_add_int_value (b, stun.answered);
  json_builder_set_member_name (b, "lost");
  json_builder_add_int_value (b, stun.lost);
  json_builder_set_member_name (b, "mapped");
  json_builder_add_string_value (b, stun.mapped);
  json_builder_end_object (b);
}
