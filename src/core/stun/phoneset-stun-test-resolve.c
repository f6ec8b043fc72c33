/* phoneset-stun-test-resolve.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the server is, per transport: an address as given, else DNS SRV
 * (`_stun._udp`, `_stun._tcp`, `_stuns._tcp`) when no port was given,
 * else the name with the default port. Bounded in time; the tests start
 * when every transport is resolved or given up.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include "phoneset-stun-test-private.h"

#define RESOLVE_TIMEOUT_MS 4000

typedef enum
{
  RESOLVE_NONE = -1, /* only releases the hold of start_resolve */
  RESOLVE_UDP,
  RESOLVE_TCP,
  RESOLVE_TLS,
} ResolveWhich;

typedef struct
{
  PhonesetStunTest *self;
  ResolveWhich      which;
  guint16           port;
} ResolveData;

static void
resolved_one (PhonesetStunTest *self,
              ResolveWhich      which,
              GSocketAddress   *addr)
{
  if (self->over)
    return;
  if (addr != NULL)
    {
      if (which == RESOLVE_UDP)
        g_set_object (&self->udp_addr, addr);
      else if (which == RESOLVE_TCP)
        g_set_object (&self->tcp_addr, addr);
      else
        g_set_object (&self->tls_addr, addr);
    }
  if (--self->resolving > 0)
    return;
  g_clear_handle_id (&self->resolve_timeout, _phoneset_stun_source_remove);
  _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_RESOLVE, FALSE);
  _phoneset_stun_test_start_tests (self);
}

static void
name_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  ResolveData *data = user_data;
  g_autoptr(PhonesetStunTest) self = data->self;
  g_autolist(GInetAddress) addresses = NULL;
  g_autoptr(GSocketAddress) addr = NULL;

  addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (object), res, NULL);
  /* IPv4 first: a phone behind NAT nearly always uses IPv4. */
  for (GList *l = addresses; l != NULL && addr == NULL; l = l->next)
    if (g_inet_address_get_family (l->data) == G_SOCKET_FAMILY_IPV4)
      addr = g_inet_socket_address_new (l->data, data->port);
  if (addr == NULL && addresses != NULL)
    addr = g_inet_socket_address_new (addresses->data, data->port);
  resolved_one (self, data->which, addr);
  g_free (data);
}

static void
lookup_name (PhonesetStunTest *self,
             ResolveWhich      which,
             const char       *name,
             guint16           port)
{
  ResolveData *data = g_new0 (ResolveData, 1);

  data->self = g_object_ref (self);
  data->which = which;
  data->port = port;
  if (which == RESOLVE_TLS)
    {
      g_free (self->tls_host);
      self->tls_host = g_strdup (name);
      self->tls_port = port;
    }
  g_resolver_lookup_by_name_async (g_resolver_get_default (), name, self->resolve_cancellable,
                                   name_cb, data);
}

static void
srv_cb (GObject      *object,
        GAsyncResult *res,
        gpointer      user_data)
{
  ResolveData *data = user_data;
  g_autoptr(PhonesetStunTest) self = data->self;
  GList       *targets;
  ResolveWhich which = data->which;

  targets = g_resolver_lookup_service_finish (G_RESOLVER (object), res, NULL);
  g_free (data);
  if (self->over)
    {
      g_list_free_full (targets, (GDestroyNotify)g_srv_target_free);
      return;
    }
  if (targets != NULL)
    {
      targets = g_srv_target_list_sort (targets);
      lookup_name (self, which, g_srv_target_get_hostname (targets->data),
                   g_srv_target_get_port (targets->data));
      g_list_free_full (targets, (GDestroyNotify)g_srv_target_free);
    }
  else
    lookup_name (self, which, self->host,
                 which == RESOLVE_TLS ? PHONESET_STUN_TLS_PORT : PHONESET_STUN_DEFAULT_PORT);
}

static gboolean
resolve_timed_out (gpointer user_data)
{
  PhonesetStunTest *self = user_data;

  /* DNS is bounded too: lookups still running fail now, and the
   * transports without an address say "could not be resolved". */
  self->resolve_timeout = 0;
  g_cancellable_cancel (self->resolve_cancellable);
  return G_SOURCE_REMOVE;
}

void
_phoneset_stun_test_start_resolve (PhonesetStunTest *self)
{
  g_autoptr(GInetAddress) literal = g_inet_address_new_from_string (self->host);
  const char            *services[] = { "stun", "stun", "stuns" };
  const char            *protocols[] = { "udp", "tcp", "tcp" };
  PhonesetStunTransports bits[] = { PHONESET_STUN_TRANSPORT_UDP, PHONESET_STUN_TRANSPORT_TCP,
                                    PHONESET_STUN_TRANSPORT_TLS };

  _phoneset_stun_test_stage (self, PHONESET_STUN_STAGE_RESOLVE, TRUE);
  self->resolving = 1;
  self->resolve_cancellable = g_cancellable_new ();
  self->resolve_timeout = _phoneset_stun_timeout_add (RESOLVE_TIMEOUT_MS, resolve_timed_out, self);
  for (ResolveWhich i = RESOLVE_UDP; i <= RESOLVE_TLS; i++)
    {
      /* A port given applies to UDP and TCP; TLS keeps its own 5349
       * (RFC 7350) unless TLS is the only transport tested. */
      gboolean explicit_port =
        self->port != 0 && (i != RESOLVE_TLS || self->transports == PHONESET_STUN_TRANSPORT_TLS);
      guint16 port = explicit_port
                       ? self->port
                       : (i == RESOLVE_TLS ? PHONESET_STUN_TLS_PORT : PHONESET_STUN_DEFAULT_PORT);

      if (!(self->transports & bits[i]))
        continue;
      self->resolving++;
      if (literal != NULL)
        {
          g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (literal, port);
          if (i == RESOLVE_TLS)
            {
              self->tls_host = g_strdup (self->host);
              self->tls_port = port;
            }
          resolved_one (self, i, addr);
        }
      else if (explicit_port || (self->port != 0 && i == RESOLVE_TLS))
        lookup_name (self, i, self->host, port);
      else
        {
          ResolveData *data = g_new0 (ResolveData, 1);
          data->self = g_object_ref (self);
          data->which = i;
          g_resolver_lookup_service_async (g_resolver_get_default (), services[i], protocols[i],
                                           self->host, self->resolve_cancellable, srv_cb, data);
        }
    }
  resolved_one (self, RESOLVE_NONE, NULL);
}

/* Stops what still resolves and forgets the addresses. */
void
_phoneset_stun_test_clear_resolve (PhonesetStunTest *self)
{
  g_clear_object (&self->udp_addr);
  g_clear_object (&self->tcp_addr);
  g_clear_object (&self->tls_addr);
  g_clear_pointer (&self->tls_host, g_free);
  g_clear_handle_id (&self->resolve_timeout, _phoneset_stun_source_remove);
  if (self->resolve_cancellable != NULL)
    g_cancellable_cancel (self->resolve_cancellable);
  g_clear_object (&self->resolve_cancellable);
}
