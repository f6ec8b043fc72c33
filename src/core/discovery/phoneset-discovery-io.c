/* phoneset-discovery-io.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the methods of a scan share for their I/O: IPv4 addresses as text
 * and from socket addresses, a watch that hands each datagram a socket
 * receives to a handler, and the time limit of a probe.
 */

#define G_LOG_DOMAIN "phoneset-discovery"

#include "config.h"

#include <arpa/inet.h>
#include <string.h>

#include "phoneset-discovery-private.h"
#include "phoneset-sip-message.h"

char *
_phoneset_discovery_ip_to_string (guint32 ip)
{
  struct in_addr addr = { .s_addr = g_htonl (ip) };
  char           buffer[INET_ADDRSTRLEN];

  inet_ntop (AF_INET, &addr, buffer, sizeof buffer);
  return g_strdup (buffer);
}

/* The IPv4 address of @address in host byte order, 0 when it has none. */
guint32
_phoneset_discovery_ipv4_of (GSocketAddress *address)
{
  GInetAddress *inet;
  guint32       ip = 0;

  if (address == NULL || !G_IS_INET_SOCKET_ADDRESS (address))
    return 0;
  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV4)
    memcpy (&ip, g_inet_address_to_bytes (inet), 4);
  return g_ntohl (ip);
}

typedef struct
{
  PhonesetDiscovery *self;
  guint              max;
  DatagramHandler    handler;
} SocketWatch;

static gboolean
socket_readable_cb (GSocket      *socket,
                    GIOCondition  condition,
                    gpointer      user_data)
{
  SocketWatch *watch = user_data;
  char         buffer[PHONESET_SIP_MAX_MESSAGE];

  for (guint i = 0; i < watch->max && watch->self->task != NULL; i++)
    {
      g_autoptr(GSocketAddress) from = NULL;
      gssize received = g_socket_receive_from (socket, &from, buffer, sizeof buffer, NULL, NULL);

      if (received < 0)
        break;
      watch->handler (watch->self, buffer, (gsize)received, from);
    }
  return G_SOURCE_CONTINUE;
}

/* A source, attached to the thread-default context, that hands what
 * @socket receives to @handler while the run lasts: up to @max datagrams
 * at a time. */
GSource *
_phoneset_discovery_watch_socket (PhonesetDiscovery *self,
                                  GSocket           *socket,
                                  guint              max,
                                  DatagramHandler    handler)
{
  GSource     *source = g_socket_create_source (socket, G_IO_IN, NULL);
  SocketWatch *watch = g_new0 (SocketWatch, 1);

  watch->self = self;
  watch->max = max;
  watch->handler = handler;
  g_source_set_callback (source, G_SOURCE_FUNC (socket_readable_cb), watch, g_free);
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

static gboolean
time_limit_cb (gpointer user_data)
{
  TimeLimit *limit = user_data;

  limit->timeout_id = 0;
  g_cancellable_cancel (limit->cancellable);
  return G_SOURCE_REMOVE;
}

/* Gives @limit a cancellable that is cancelled with the run, or after
 * @timeout_ms. */
void
_phoneset_discovery_time_limit_start (PhonesetDiscovery *self,
                                      TimeLimit         *limit,
                                      guint              timeout_ms)
{
  limit->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           limit->cancellable, G_CONNECT_SWAPPED);
  limit->timeout_id = g_timeout_add (timeout_ms, time_limit_cb, limit);
}

void
_phoneset_discovery_time_limit_clear (TimeLimit *limit)
{
  g_clear_handle_id (&limit->timeout_id, g_source_remove);
  g_clear_object (&limit->cancellable);
}
