/* phoneset-test-sockets.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sockets on loopback that behave like a phone that is off or down, for
 * the fault tests of the command line and the window. Header only (static
 * inline), like phoneset-test-coturn.h.
 */

#pragma once

#include <gio/gio.h>

/* A listening socket whose backlog is full: a connection attempt gets no
 * SYN-ACK, as with a phone that is off behind a router or a firewall that
 * drops. Returns the sockets to close. */
static inline GPtrArray *
phoneset_test_hung_listener (const char *ip,
               guint16    *port)
{
  GPtrArray *sockets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GInetAddress) addr = g_inet_address_new_from_string (ip);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (addr, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_ptr_array_add (sockets, listener);
  g_assert_true (g_socket_bind (listener, any, TRUE, &error));
  g_socket_set_listen_backlog (listener, 0);
  g_assert_true (g_socket_listen (listener, &error));
  bound = g_socket_get_local_address (listener, &error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  /* Fill the accept queue (backlog 0 holds one) and the SYN queue's spare. */
  for (guint i = 0; i < 3; i++)
    {
      GSocket *filler = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);

      g_socket_set_blocking (filler, FALSE);
      g_socket_connect (filler, bound, NULL, NULL);
      g_ptr_array_add (sockets, filler);
    }
  g_usleep (100 * 1000);
  return sockets;
}

/* A port on @ip that nothing listens on (TCP refuses, UDP is unreachable). */
static inline guint16
phoneset_test_closed_port (const char *ip)
{
  g_autoptr(GInetAddress) addr = g_inet_address_new_from_string (ip);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (addr, 0);
  g_autoptr(GSocket) s = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (s, any, TRUE, NULL));
  bound = g_socket_get_local_address (s, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}
