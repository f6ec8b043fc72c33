/* phoneset-stun-server.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop as a STUN server, the snom 4S STUN server's job: it answers
 * a phone's Binding requests (RFC 5389, RFC 3489 and the RFC 5780 change
 * requests) so that the installer sees the phone's own STUN: whether it
 * sends any, how often it refreshes its binding, whether it probes the
 * NAT type. Messages are checked and built by libnice's STUN library
 * (phoneset-stun-message.c); this file is the sockets and the statistics.
 *
 * Sockets: the address and port (primary), the address and the other port
 * (secondary: answers change-port requests), and with an other address its
 * two ports as well (change IP). Requests are read on all of them, as
 * RFC 5780 clients send to OTHER-ADDRESS too. Without an other address a
 * change-IP request cannot be answered: an RFC 5389 client gets 420 (as
 * coturn answers without RFC 5780), an RFC 3489 client nothing (as the
 * snom server); both are counted and logged.
 *
 * Limits: it binds the one address given, never 0.0.0.0 (an answer must
 * say which address it left from). A request larger than
 * PHONESET_STUN_MAX_REQUEST is not answered; nothing is ever sent to one of
 * the server's own sockets (a spoofed loop), to port 0, a multicast or a
 * broadcast address; each source may send PHONESET_STUN_SERVER_RATE_LIMIT
 * requests a second; the table keeps PHONESET_STUN_SERVER_MAX_SOURCES
 * sources, the least recently seen going first. An answer is never larger
 * than about 100 bytes, and the server never sends more than one per
 * request, so it amplifies no more than any STUN server.
 *
 * Packets are read and written in batches (recvmmsg, sendmmsg) on the
 * main loop; the sources' GListModel and their "changed" signals follow at
 * most four times a second, so a flood costs the window nothing.
 */

#define G_LOG_DOMAIN "phoneset-stun-server"
/* recvmmsg, sendmmsg */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "phoneset-address.h"
#include "phoneset-error.h"
#include "phoneset-stun-message.h"
#include "phoneset-stun-server-private.h"
#include "phoneset-stun-source-private.h"
#include "phoneset-core-test-private.h"

#define BATCH             32
#define ROUNDS            16 /* batches read before the main loop gets a turn */
#define RECEIVE_SIZE      2048
#define FLUSH_MS          250
#define PHONES_MAX_AGE_US (5 * G_USEC_PER_SEC)

typedef struct
{
  guint8  family;
  guint16 port;
  guint8  addr[16];
} Key;

typedef struct
{
  Key                 key;
  GList               link; /* in the LRU queue; data is the entry */
  PhonesetStunSource *source;
  gboolean            dirty;
  gboolean            limited; /* in a run of rate-limited requests */
} Entry;

typedef struct
{
  PhonesetStunServer     *server;
  GSocket                *socket;
  GSource                *source;
  guint                   index; /* ip * 2 + port: 0 primary, 1 other port, 2 other IP, 3 both */
  struct sockaddr_storage local;
  char                   *text;
  /* Answers waiting to leave from this socket. */
  struct mmsghdr          out[BATCH];
  struct iovec            out_iov[BATCH];
  struct sockaddr_storage out_to[BATCH];
  guint8                  out_buf[BATCH][PHONESET_STUN_MAX_ANSWER];
  guint                   n_out;
} Socket;

typedef struct
{
  struct mmsghdr          msgs[BATCH];
  struct iovec            iov[BATCH];
  struct sockaddr_storage from[BATCH];
  guint8                  buf[BATCH][RECEIVE_SIZE];
} Batch;

struct _PhonesetStunServer
{
  GObject                  parent_instance;

  PhonesetStunServerAgents agents;
  Socket                  *sockets[4];
  guint                    n_sockets;
  char                    *address;
  char                    *alt_address;
  guint16                  port;
  guint16                  alt_port;
  gint64                   started;
  gint64                   stopped;

  GHashTable              *table; /* Key → Entry */
  GQueue                   lru;   /* newest first */
  guint                    max_sources;
  guint                    rate;
  int                      lifetime_ms;
  guint64                  sequence;

  GListStore              *model;
  GPtrArray               *model_new; /* sources not in the model yet */
  gboolean                 model_rebuild;
  GPtrArray               *dirty; /* Entry, "changed" to emit */
  guint                    flush_source;

  GListModel              *known_phones;
  GPtrArray               *profiles;
  GHashTable              *phone_hosts; /* host → PhonesetPhone */
  gint64                   phone_hosts_time;

  /* Totals. */
  guint64                  received;
  guint64                  answered;
  guint64                  refused;
  guint64                  unanswerable;
  guint64                  indications;
  guint64                  malformed;
  guint64                  oversized;
  guint64                  loops;
  guint64                  rate_limited;
  guint64                  evicted;

  Batch                   *in; /* the batch being read */
};

G_DEFINE_FINAL_TYPE (PhonesetStunServer, phoneset_stun_server, G_TYPE_OBJECT)

enum
{
  EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
key_hash (gconstpointer data)
{
  const Key *key = data;
  guint      hash = key->family * 31u + key->port;

  for (guint i = 0; i < (key->family == AF_INET6 ? 16u : 4u); i++)
    hash = hash * 31u + key->addr[i];
  return hash;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Key *x = a, *y = b;

  return x->family == y->family && x->port == y->port &&
         memcmp (x->addr, y->addr, x->family == AF_INET6 ? 16 : 4) == 0;
}

static gboolean
key_from_native (Key                           *key,
                 const struct sockaddr_storage *native)
{
  memset (key, 0, sizeof *key);
  key->family = (guint8)native->ss_family;
  if (native->ss_family == AF_INET)
    {
      const struct sockaddr_in *in4 = (const struct sockaddr_in *)native;

      key->port = g_ntohs (in4->sin_port);
      memcpy (key->addr, &in4->sin_addr, 4);
      return TRUE;
    }
  if (native->ss_family == AF_INET6)
    {
      const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)native;

      key->port = g_ntohs (in6->sin6_port);
      memcpy (key->addr, &in6->sin6_addr, 16);
      return TRUE;
    }
  return FALSE;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->source);
  g_free (entry);
}

static void
socket_free (Socket *s)
{
  if (s->source != NULL)
    {
      g_source_destroy (s->source);
      g_source_unref (s->source);
    }
  if (s->socket != NULL)
    g_socket_close (s->socket, NULL);
  g_clear_object (&s->socket);
  g_free (s->text);
  g_free (s);
}

static char *
native_to_text (const struct sockaddr_storage  *native,
                char                          **host)
{
  g_autoptr(GSocketAddress) address =
               g_socket_address_new_from_native ((gpointer)native, sizeof *native);
  char *text = phoneset_stun_address_to_string (address);

  if (host != NULL)
    *host = G_IS_INET_SOCKET_ADDRESS (address)
              ? g_inet_address_to_string (
                  g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)))
              : NULL;
  return text;
}

/* The phones of the inventory by host, rebuilt when the list changed or
 * is a few seconds old (a phone's address can change). */
static void
refresh_phone_hosts (PhonesetStunServer *self,
                     gint64              now)
{
  GHashTableIter iter;
  gpointer       value;
  guint          n;

  if (self->phone_hosts_time != 0 && now - self->phone_hosts_time < PHONES_MAX_AGE_US)
    return;
  self->phone_hosts_time = now;
  g_hash_table_remove_all (self->phone_hosts);
  n = self->known_phones ? g_list_model_get_n_items (self->known_phones) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (self->known_phones, i);
      const char *address = phoneset_phone_get_address (phone);
      char       *host = NULL;

      if (address != NULL && phoneset_address_parse (address, 80, &host, NULL, NULL))
        {
          if (!g_hash_table_contains (self->phone_hosts, host))
            g_hash_table_insert (self->phone_hosts, host, g_object_ref (phone));
          else
            g_free (host);
        }
    }
  g_hash_table_iter_init (&iter, self->table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      _phoneset_stun_source_set_phone (
        entry->source,
        g_hash_table_lookup (self->phone_hosts, phoneset_stun_source_get_host (entry->source)),
        self->profiles);
    }
}

static void
known_phones_changed_cb (PhonesetStunServer *self)
{
  self->phone_hosts_time = 0;
}

static gboolean flush_cb (gpointer user_data);

static void
schedule_flush (PhonesetStunServer *self)
{
  if (self->flush_source == 0)
    self->flush_source = g_timeout_add (FLUSH_MS, flush_cb, self);
}

static void
mark_dirty (PhonesetStunServer *self,
            Entry              *entry)
{
  if (!entry->dirty)
    {
      entry->dirty = TRUE;
      g_ptr_array_add (self->dirty, entry);
    }
  schedule_flush (self);
}

static int
compare_sequence (gconstpointer a,
                  gconstpointer b)
{
  guint64 x = _phoneset_stun_source_get_sequence (*(PhonesetStunSource **)a);
  guint64 y = _phoneset_stun_source_get_sequence (*(PhonesetStunSource **)b);

  return x < y ? -1 : x > y;
}

/**
 * phoneset_stun_server_flush:
 * @self: a server
 *
 * Brings the sources' list model up to date and emits "changed" on the
 * sources that changed; done by itself four times a second.
 */
void
phoneset_stun_server_flush (PhonesetStunServer *self)
{
  g_autoptr(GPtrArray) dirty = NULL;

  g_return_if_fail (PHONESET_IS_STUN_SERVER (self));

  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (self->model_rebuild)
    {
      g_autoptr(GPtrArray) all = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer       value;

      g_hash_table_iter_init (&iter, self->table);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (all, ((Entry *)value)->source);
      g_ptr_array_sort (all, compare_sequence);
      g_list_store_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                           all->pdata, all->len);
      self->model_rebuild = FALSE;
    }
  else if (self->model_new->len > 0)
    g_list_store_splice (self->model, g_list_model_get_n_items (G_LIST_MODEL (self->model)), 0,
                         self->model_new->pdata, self->model_new->len);
  g_ptr_array_set_size (self->model_new, 0);

  dirty = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->dirty->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->dirty, i);

      entry->dirty = FALSE;
      g_ptr_array_add (dirty, g_object_ref (entry->source));
    }
  g_ptr_array_set_size (self->dirty, 0);
  for (guint i = 0; i < dirty->len; i++)
    _phoneset_stun_source_changed (g_ptr_array_index (dirty, i));
}

static gboolean
flush_cb (gpointer user_data)
{
  PhonesetStunServer *self = user_data;

  self->flush_source = 0;
  phoneset_stun_server_flush (self);
  return G_SOURCE_REMOVE;
}

static void
evict_oldest (PhonesetStunServer *self)
{
  GList *last = g_queue_peek_tail_link (&self->lru);
  Entry *entry;

  if (last == NULL)
    return;
  entry = last->data;
  g_queue_unlink (&self->lru, last);
  if (entry->dirty)
    g_ptr_array_remove_fast (self->dirty, entry);
  self->evicted++;
  self->model_rebuild = TRUE;
  schedule_flush (self);
  g_hash_table_remove (self->table, &entry->key);
}

static Entry *
lookup_entry (PhonesetStunServer            *self,
              const struct sockaddr_storage *from,
              gint64                         now)
{
  Key              key;
  Entry           *entry;
  g_autofree char *host = NULL;
  g_autofree char *text = NULL;

  if (!key_from_native (&key, from))
    return NULL;
  entry = g_hash_table_lookup (self->table, &key);
  if (entry != NULL)
    {
      g_queue_unlink (&self->lru, &entry->link);
      g_queue_push_head_link (&self->lru, &entry->link);
      return entry;
    }

  while (g_hash_table_size (self->table) >= self->max_sources)
    evict_oldest (self);
  text = native_to_text (from, &host);
  entry = g_new0 (Entry, 1);
  entry->key = key;
  entry->link.data = entry;
  entry->source = _phoneset_stun_source_new (text, host, ++self->sequence);
  _phoneset_stun_source_set_lifetime (entry->source, self->lifetime_ms);
  refresh_phone_hosts (self, now);
  _phoneset_stun_source_set_phone (entry->source, g_hash_table_lookup (self->phone_hosts, host),
                                   self->profiles);
  g_hash_table_insert (self->table, &entry->key, entry);
  g_queue_push_head_link (&self->lru, &entry->link);
  if (!self->model_rebuild)
    g_ptr_array_add (self->model_new, g_object_ref (entry->source));
  return entry;
}

static gboolean
same_native (const struct sockaddr_storage *a,
             const struct sockaddr_storage *b)
{
  Key x, y;

  return key_from_native (&x, a) && key_from_native (&y, b) && key_equal (&x, &y);
}

/* Nothing is sent to port 0, to an unspecified, multicast or broadcast
 * address, or to one of our own sockets (a spoofed source would make the
 * server answer itself). */
static gboolean
acceptable_source (PhonesetStunServer            *self,
                   const struct sockaddr_storage *from)
{
  if (from->ss_family == AF_INET)
    {
      const struct sockaddr_in *in4 = (const struct sockaddr_in *)from;
      guint32                   ip = g_ntohl (in4->sin_addr.s_addr);

      if (in4->sin_port == 0 || ip == INADDR_ANY || ip == INADDR_BROADCAST || IN_MULTICAST (ip))
        return FALSE;
    }
  else if (from->ss_family == AF_INET6)
    {
      const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)from;

      if (in6->sin6_port == 0 || IN6_IS_ADDR_UNSPECIFIED (&in6->sin6_addr) ||
          IN6_IS_ADDR_MULTICAST (&in6->sin6_addr))
        return FALSE;
    }
  else
    return FALSE;
  for (guint i = 0; i < self->n_sockets; i++)
    if (same_native (from, &self->sockets[i]->local))
      return FALSE;
  return TRUE;
}

static void
queue_answer (Socket                        *s,
              const struct sockaddr_storage *to,
              gsize                          len)
{
  guint i = s->n_out++;

  s->out_to[i] = *to;
  s->out_iov[i].iov_base = s->out_buf[i];
  s->out_iov[i].iov_len = len;
  memset (&s->out[i], 0, sizeof s->out[i]);
  s->out[i].msg_hdr.msg_name = &s->out_to[i];
  s->out[i].msg_hdr.msg_namelen =
    to->ss_family == AF_INET6 ? sizeof (struct sockaddr_in6) : sizeof (struct sockaddr_in);
  s->out[i].msg_hdr.msg_iov = &s->out_iov[i];
  s->out[i].msg_hdr.msg_iovlen = 1;
}

static void
send_answers (PhonesetStunServer *self)
{
  for (guint i = 0; i < self->n_sockets; i++)
    {
      Socket *s = self->sockets[i];
      guint   sent = 0;

      while (sent < s->n_out)
        {
          int n =
            sendmmsg (g_socket_get_fd (s->socket), s->out + sent, s->n_out - sent, MSG_DONTWAIT);

          /* A full send buffer or an ICMP error from an earlier answer:
           * what does not go now is lost, as on the wire. */
          if (n <= 0)
            {
              if (n < 0 && errno == EINTR)
                continue;
              sent++;
              continue;
            }
          sent += (guint)n;
        }
      s->n_out = 0;
    }
}

static void
emit (PhonesetStunServer        *self,
      PhonesetStunEventKind      kind,
      Entry                     *entry,
      Socket                    *to,
      Socket                    *origin,
      const PhonesetStunRequest *request,
      int                        error_code,
      const char                *reason,
      gsize                      size,
      gint64                     wall)
{
  PhonesetStunEvent event = { 0 };

  event.kind = kind;
  event.source = entry->source;
  event.from = phoneset_stun_source_get_address (entry->source);
  event.to = to->text;
  event.origin = origin ? origin->text : NULL;
  event.classic = request ? request->classic : FALSE;
  event.change_flags = request ? request->change_flags : 0;
  event.error_code = error_code;
  event.reason = reason;
  event.size = size;
  event.time = wall;
  g_signal_emit (self, signals[EVENT], 0, &event);
}

/* A datagram being handled: where it came in, from whom, when. */
typedef struct
{
  Socket                        *s;
  const struct sockaddr_storage *from;
  Entry                         *entry;
  gsize                          len;
  gint64                         now;
  gint64                         wall;
  gboolean                       wanted; /* someone listens to "event" */
} Datagram;

/* Whether the datagram is to be read at all: a source we may answer, not
 * over its rate, not cut short by the receive buffer. Finds its entry. */
static gboolean
admit_datagram (PhonesetStunServer *self,
                Datagram           *d,
                gboolean            truncated)
{
  self->received++;
  if (!acceptable_source (self, d->from))
    {
      self->loops++;
      return FALSE;
    }
  d->entry = lookup_entry (self, d->from, d->now);
  if (d->entry == NULL)
    return FALSE;
  mark_dirty (self, d->entry);
  if (!_phoneset_stun_source_take_token (d->entry->source, d->now, self->rate))
    {
      self->rate_limited++;
      if (!d->entry->limited && d->wanted)
        emit (self, PHONESET_STUN_EVENT_RATE_LIMITED, d->entry, d->s, NULL, NULL, 0,
              _("Too many requests from this source: the rest are dropped until it slows down."),
                 d->len, d->wall);
      d->entry->limited = TRUE;
      return FALSE;
    }
  d->entry->limited = FALSE;

  if (truncated)
    {
      self->oversized++;
      _phoneset_stun_source_count (d->entry->source, d->now, d->wall, FALSE, 0, d->len, 0, FALSE);
      if (d->wanted)
        {
          g_autofree char *reason =
            g_strdup_printf (_("The request is too long (more than %d bytes): not answered."),
                                PHONESET_STUN_MAX_REQUEST);

          emit (self, PHONESET_STUN_EVENT_DROPPED, d->entry, d->s, NULL, NULL, 0, reason, d->len,
                d->wall);
        }
      return FALSE;
    }
  return TRUE;
}

/* A change-IP request to a server with one address: answered 420 (an
 * RFC 3489 client gets no answer). */
static void
answer_unanswerable (PhonesetStunServer  *self,
                     Datagram            *d,
                     PhonesetStunRequest *request)
{
  Socket *s = d->s;
  gsize   out_len = 0;

  self->unanswerable++;
  if (!request->classic)
    {
      out_len =
        phoneset_stun_build_error_response (&self->agents, request, STUN_ERROR_UNKNOWN_ATTRIBUTE,
                                            s->out_buf[s->n_out], PHONESET_STUN_MAX_ANSWER);
      if (out_len > 0)
        queue_answer (s, d->from, out_len);
    }
  _phoneset_stun_source_count (d->entry->source, d->now, d->wall, TRUE, request->change_flags,
                               d->len, out_len, out_len > 0);
  if (d->wanted)
    emit (self, PHONESET_STUN_EVENT_UNANSWERABLE, d->entry, s, out_len ? s : NULL, request,
          out_len ? 420 : 0,
          _("A change-IP request cannot be answered: this server has no other address (give one with --alt-address)."),
             d->len, d->wall);
}

/* A Binding request: answered from the socket its CHANGE-REQUEST asks
 * for, to its source or to the port its RESPONSE-PORT names. */
static void
answer_binding (PhonesetStunServer  *self,
                Datagram            *d,
                PhonesetStunRequest *request)
{
  Socket                        *s = d->s;
  Socket                        *origin;
  guint                          ip = s->index / 2, port = s->index % 2;
  const struct sockaddr_storage *other = NULL;
  gsize                          out_len;

  if ((request->change_flags & PHONESET_STUN_CHANGE_IP) && self->n_sockets < 4)
    {
      answer_unanswerable (self, d, request);
      return;
    }
  if (request->change_flags & PHONESET_STUN_CHANGE_IP)
    ip = 1 - ip;
  if (request->change_flags & PHONESET_STUN_CHANGE_PORT)
    port = 1 - port;
  origin = self->sockets[ip * 2 + port];
  if (self->n_sockets == 4)
    other = &self->sockets[(1 - s->index / 2) * 2 + (1 - s->index % 2)]->local;
  else if (request->classic)
    other = &self->sockets[s->index / 2 * 2 + (1 - s->index % 2)]->local;
  out_len =
    phoneset_stun_build_binding_response (&self->agents, request, d->from, &origin->local, other,
                                          origin->out_buf[origin->n_out], PHONESET_STUN_MAX_ANSWER);
  if (out_len > 0 && request->response_port != 0)
    {
      /* RFC 5780 RESPONSE-PORT: the same address, another port. */
      struct sockaddr_storage to = *d->from;

      if (to.ss_family == AF_INET6)
        ((struct sockaddr_in6 *)&to)->sin6_port = g_htons (request->response_port);
      else
        ((struct sockaddr_in *)&to)->sin_port = g_htons (request->response_port);
      if (acceptable_source (self, &to))
        {
          queue_answer (origin, &to, out_len);
          self->answered++;
        }
      else
        out_len = 0;
    }
  else if (out_len > 0)
    {
      queue_answer (origin, d->from, out_len);
      self->answered++;
    }
  _phoneset_stun_source_count (d->entry->source, d->now, d->wall, TRUE, request->change_flags,
                               d->len, out_len, out_len > 0);
  if (d->wanted)
    emit (self, PHONESET_STUN_EVENT_ANSWERED, d->entry, s, out_len ? origin : NULL, request, 0,
          NULL, d->len, d->wall);
}

/* A request with an attribute we do not understand (420) or a bad one (400). */
static void
refuse_request (PhonesetStunServer      *self,
                Datagram                *d,
                PhonesetStunRequest     *request,
                PhonesetStunRequestKind  kind,
                const GError            *error)
{
  Socket *s = d->s;
  int     code =
    kind == PHONESET_STUN_REQUEST_BAD ? STUN_ERROR_BAD_REQUEST : STUN_ERROR_UNKNOWN_ATTRIBUTE;
  gsize out_len;

  out_len = phoneset_stun_build_error_response (&self->agents, request, code, s->out_buf[s->n_out],
                                                PHONESET_STUN_MAX_ANSWER);
  if (out_len > 0)
    queue_answer (s, d->from, out_len);
  self->refused++;
  _phoneset_stun_source_count (d->entry->source, d->now, d->wall, FALSE, 0, d->len, out_len,
                               out_len > 0);
  if (d->wanted)
    emit (self, PHONESET_STUN_EVENT_REFUSED, d->entry, s, out_len ? s : NULL, request, code,
          error->message, d->len, d->wall);
}

static void
handle (PhonesetStunServer            *self,
        Socket                        *s,
        const guint8                  *data,
        gsize                          len,
        gboolean                       truncated,
        const struct sockaddr_storage *from,
        gint64                         now,
        gint64                         wall)
{
  g_autoptr(GError) error = NULL;
  PhonesetStunRequest     request;
  PhonesetStunRequestKind kind;
  Datagram                d = {
                   .s = s,
                   .from = from,
                   .len = len,
                   .now = now,
                   .wall = wall,
                   .wanted = g_signal_has_handler_pending (self, signals[EVENT], 0, TRUE),
  };

  if (!admit_datagram (self, &d, truncated))
    return;

  kind = phoneset_stun_request_parse (&self->agents, data, len, &request, &error);
  switch (kind)
    {
    case PHONESET_STUN_REQUEST_BINDING:
      answer_binding (self, &d, &request);
      break;

    case PHONESET_STUN_REQUEST_INDICATION:
      self->indications++;
      _phoneset_stun_source_count (d.entry->source, now, wall, TRUE, 0, len, 0, FALSE);
      if (d.wanted)
        emit (self, PHONESET_STUN_EVENT_INDICATION, d.entry, s, NULL, &request, 0, NULL, len, wall);
      break;

    case PHONESET_STUN_REQUEST_UNKNOWN_ATTRIBUTES:
    case PHONESET_STUN_REQUEST_BAD:
      refuse_request (self, &d, &request, kind, error);
      break;

    case PHONESET_STUN_REQUEST_INVALID:
    default:
      self->malformed++;
      _phoneset_stun_source_count (d.entry->source, now, wall, FALSE, 0, len, 0, FALSE);
      if (d.wanted)
        emit (self, PHONESET_STUN_EVENT_DROPPED, d.entry, s, NULL, NULL, 0,
              error ? error->message : NULL, len, wall);
      break;
    }
}

static gboolean
readable_cb (GSocket      *socket,
             GIOCondition  condition,
             gpointer      user_data)
{
  Socket             *s = user_data;
  PhonesetStunServer *self = s->server;
  int                 fd = g_socket_get_fd (socket);

  g_object_ref (self);
  for (guint round = 0; round < ROUNDS; round++)
    {
      gint64 now, wall;
      int    n;

      Batch *in = self->in;

      for (guint i = 0; i < BATCH; i++)
        {
          in->iov[i].iov_base = in->buf[i];
          in->iov[i].iov_len = RECEIVE_SIZE;
          memset (&in->msgs[i].msg_hdr, 0, sizeof in->msgs[i].msg_hdr);
          in->msgs[i].msg_hdr.msg_name = &in->from[i];
          in->msgs[i].msg_hdr.msg_namelen = sizeof in->from[i];
          in->msgs[i].msg_hdr.msg_iov = &in->iov[i];
          in->msgs[i].msg_hdr.msg_iovlen = 1;
        }
      n = recvmmsg (fd, in->msgs, BATCH, MSG_DONTWAIT, NULL);
      if (n <= 0)
        break;
      now = g_get_monotonic_time ();
      wall = g_get_real_time ();
      for (int i = 0; i < n && self->n_sockets > 0; i++)
        {
          gsize    len = in->msgs[i].msg_len;
          gboolean truncated =
            (in->msgs[i].msg_hdr.msg_flags & MSG_TRUNC) != 0 || len > PHONESET_STUN_MAX_REQUEST;

          handle (self, s, in->buf[i], len, truncated, &in->from[i], now, wall);
        }
      if (self->n_sockets == 0)
        break; /* stopped by a handler */
      send_answers (self);
      if (n < BATCH)
        break;
    }
  g_object_unref (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
parse_ip (const char    *text,
          const char    *what,
          GInetAddress **out,
          GError       **error)
{
  g_autoptr(GInetAddress) inet = text ? g_inet_address_new_from_string (text) : NULL;

  if (inet == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("%s “%s” is not an IP address of this computer."), what, text ? text : "");
      return FALSE;
    }
  if (g_inet_address_get_is_any (inet))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("%s cannot be %s: a STUN answer says which address it left from, so give one address of this "
                     "computer."),
                      what, text);
      return FALSE;
    }
  if (g_inet_address_get_is_multicast (inet))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("%s “%s” is a multicast address."), what, text);
      return FALSE;
    }
  *out = g_steal_pointer (&inet);
  return TRUE;
}

static Socket *
open_socket (PhonesetStunServer  *self,
             GInetAddress        *inet,
             guint16              port,
             guint                index,
             GError             **error)
{
  g_autoptr(GSocketAddress) want = g_inet_socket_address_new (inet, port);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = NULL;
  Socket *s;

  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, error);
  if (socket == NULL)
    return NULL;
  if (!g_socket_bind (socket, want, FALSE, error))
    {
      g_autofree char *ip = g_inet_address_to_string (inet);

      g_prefix_error (error, _("Cannot listen on %s port %u: "), ip, port);
      return NULL;
    }
  g_socket_set_blocking (socket, FALSE);
  /* Room for a burst while the main loop is busy (best effort). */
  g_socket_set_option (socket, SOL_SOCKET, SO_RCVBUF, 1 << 21, NULL);
  g_socket_set_option (socket, SOL_SOCKET, SO_SNDBUF, 1 << 20, NULL);
  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return NULL;

  s = g_new0 (Socket, 1);
  s->server = self;
  s->index = index;
  s->socket = g_steal_pointer (&socket);
  g_socket_address_to_native (bound, &s->local, sizeof s->local, NULL);
  s->text = phoneset_stun_address_to_string (bound);
  s->source = g_socket_create_source (s->socket, G_IO_IN, NULL);
  g_source_set_callback (s->source, G_SOURCE_FUNC (readable_cb), s, NULL);
  g_source_attach (s->source, NULL);
  return s;
}

static guint16
socket_port (Socket *s)
{
  return s->local.ss_family == AF_INET6 ? g_ntohs (((struct sockaddr_in6 *)&s->local)->sin6_port)
                                        : g_ntohs (((struct sockaddr_in *)&s->local)->sin_port);
}

static void
close_sockets (PhonesetStunServer *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->sockets); i++)
    g_clear_pointer (&self->sockets[i], socket_free);
  self->n_sockets = 0;
}

static gboolean
open_sockets (PhonesetStunServer  *self,
              GInetAddress        *primary,
              guint16              port,
              GInetAddress        *other,
              guint16              alt_port,
              GError             **error)
{
  Socket *s;

  if ((s = self->sockets[0] = open_socket (self, primary, port, 0, error)) == NULL)
    return FALSE;
  if ((s = self->sockets[1] = open_socket (self, primary, alt_port, 1, error)) == NULL)
    return FALSE;
  self->n_sockets = 2;
  if (other == NULL)
    return TRUE;
  /* The other address answers on the same two ports. */
  if ((s = self->sockets[2] =
         open_socket (self, other, socket_port (self->sockets[0]), 2, error)) == NULL)
    return FALSE;
  if ((s = self->sockets[3] =
         open_socket (self, other, socket_port (self->sockets[1]), 3, error)) == NULL)
    return FALSE;
  self->n_sockets = 4;
  return TRUE;
}

static void
phoneset_stun_server_dispose (GObject *object)
{
  PhonesetStunServer *self = (PhonesetStunServer *)object;

  close_sockets (self);
  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (self->known_phones != NULL)
    g_signal_handlers_disconnect_by_data (self->known_phones, self);
  g_clear_object (&self->known_phones);
  if (self->dirty != NULL)
    g_ptr_array_set_size (self->dirty, 0);
  if (self->model_new != NULL)
    g_ptr_array_set_size (self->model_new, 0);
  g_queue_init (&self->lru);
  if (self->table != NULL)
    g_hash_table_remove_all (self->table);
  if (self->model != NULL)
    g_list_store_remove_all (self->model);
  if (self->phone_hosts != NULL)
    g_hash_table_remove_all (self->phone_hosts);

  G_OBJECT_CLASS (phoneset_stun_server_parent_class)->dispose (object);
}

static void
phoneset_stun_server_finalize (GObject *object)
{
  PhonesetStunServer *self = (PhonesetStunServer *)object;

  g_clear_pointer (&self->table, g_hash_table_unref);
  g_clear_pointer (&self->phone_hosts, g_hash_table_unref);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->dirty, g_ptr_array_unref);
  g_clear_pointer (&self->model_new, g_ptr_array_unref);
  g_clear_object (&self->model);
  g_free (self->address);
  g_free (self->alt_address);
  g_free (self->in);

  G_OBJECT_CLASS (phoneset_stun_server_parent_class)->finalize (object);
}

static void
phoneset_stun_server_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PhonesetStunServer *self = PHONESET_STUN_SERVER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, phoneset_stun_server_is_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_stun_server_class_init (PhonesetStunServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_stun_server_dispose;
  object_class->finalize = phoneset_stun_server_finalize;
  object_class->get_property = phoneset_stun_server_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PhonesetStunServer::event:
   * @self: the server
   * @event: (type gpointer): the #PhonesetStunEvent, valid during the emission
   *
   * A packet arrived (the log's line). Connecting costs a little per
   * request; without a handler the server builds no text.
   */
  signals[EVENT] = g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
phoneset_stun_server_init (PhonesetStunServer *self)
{
  phoneset_stun_server_agents_init (&self->agents);
  self->in = g_new0 (Batch, 1);
  self->table = g_hash_table_new_full (key_hash, key_equal, NULL, entry_free);
  g_queue_init (&self->lru);
  self->max_sources = PHONESET_STUN_SERVER_MAX_SOURCES;
  self->rate = PHONESET_STUN_SERVER_RATE_LIMIT;
  self->lifetime_ms = -1;
  self->model = g_list_store_new (PHONESET_TYPE_STUN_SOURCE);
  self->model_new = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty = g_ptr_array_new ();
  self->phone_hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * phoneset_stun_server_new:
 *
 * Returns: (transfer full): a server, not yet listening
 */
PhonesetStunServer *
phoneset_stun_server_new (void)
{
  return g_object_new (PHONESET_TYPE_STUN_SERVER, NULL);
}

/**
 * phoneset_stun_server_start:
 * @self: a server
 * @address: the IP address of this computer to listen on
 * @port: the primary port (3478; 0 for any free one)
 * @alt_address: (nullable): another IP address of this computer, for
 *   change-IP requests (RFC 5780 OTHER-ADDRESS), or %NULL
 * @alt_port: the secondary port, for change-port requests (3479; 0 for any
 *   free one)
 * @error: a location for a #GError
 *
 * Returns: %TRUE when listening
 */
gboolean
phoneset_stun_server_start (PhonesetStunServer  *self,
                            const char          *address,
                            guint16              port,
                            const char          *alt_address,
                            guint16              alt_port,
                            GError             **error)
{
  g_autoptr(GInetAddress) primary = NULL;
  g_autoptr(GInetAddress) other = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  if (self->n_sockets > 0)
    {
      g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                           _("The STUN server is already running."));
      return FALSE;
    }
  if (!parse_ip (address, _("The address"), &primary, error))
    return FALSE;
  if (alt_address != NULL && alt_address[0] != '\0')
    {
      if (!parse_ip (alt_address, _("The other address"), &other, error))
        return FALSE;
      if (g_inet_address_get_family (other) != g_inet_address_get_family (primary))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("The other address %s is not of the same family (IPv4 or IPv6) as %s."),
                          alt_address, address);
          return FALSE;
        }
      if (g_inet_address_equal (other, primary))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("The other address must differ from the address (%s): change-IP answers leave from it."),
                          address);
          return FALSE;
        }
    }
  if (port != 0 && port == alt_port)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("The primary and the secondary port must differ (both are %u): change-port answers leave from the secondary one."),
                      port);
      return FALSE;
    }

  /* With a free port chosen by the system, the other address may not have
   * it free: try a few times. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      g_clear_error (&local_error);
      if (open_sockets (self, primary, port, other, alt_port, &local_error))
        break;
      close_sockets (self);
      if ((port != 0 && alt_port != 0) ||
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
        break;
    }
  if (self->n_sockets == 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
        g_prefix_error (
          &local_error,
          _("Another program (another STUN server, such as coturn?) already uses the port. "));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_free (self->address);
  self->address = g_inet_address_to_string (primary);
  g_free (self->alt_address);
  self->alt_address = other ? g_inet_address_to_string (other) : NULL;
  self->port = socket_port (self->sockets[0]);
  self->alt_port = socket_port (self->sockets[1]);
  self->started = g_get_real_time ();
  self->stopped = 0;
  g_debug ("listening on %s and %s%s%s", self->sockets[0]->text, self->sockets[1]->text,
           other ? " and " : "", other ? self->sockets[3]->text : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  return TRUE;
}

/**
 * phoneset_stun_server_stop:
 * @self: a server
 *
 * Stops listening; the statistics stay until phoneset_stun_server_clear().
 */
void
phoneset_stun_server_stop (PhonesetStunServer *self)
{
  g_return_if_fail (PHONESET_IS_STUN_SERVER (self));

  if (self->n_sockets == 0)
    return;
  close_sockets (self);
  self->stopped = g_get_real_time ();
  phoneset_stun_server_flush (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
phoneset_stun_server_is_running (PhonesetStunServer *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), FALSE);
  return self->n_sockets > 0;
}

/* The address last listened on (NULL before the first start). */
const char *
phoneset_stun_server_get_address (PhonesetStunServer *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), NULL);
  return self->address;
}

const char *
phoneset_stun_server_get_alt_address (PhonesetStunServer *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), NULL);
  return self->alt_address;
}

guint16
phoneset_stun_server_get_port (PhonesetStunServer *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), 0);
  return self->port;
}

guint16
phoneset_stun_server_get_alt_port (PhonesetStunServer *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), 0);
  return self->alt_port;
}

/**
 * phoneset_stun_server_set_max_sources:
 * @max_sources: how many sources the table keeps (at least 1)
 */
void
phoneset_stun_server_set_max_sources (PhonesetStunServer *self,
                                      guint               max_sources)
{
  g_return_if_fail (PHONESET_IS_STUN_SERVER (self));

  self->max_sources = MAX (max_sources, 1);
  while (g_hash_table_size (self->table) > self->max_sources)
    evict_oldest (self);
}

/**
 * phoneset_stun_server_set_rate_limit:
 * @per_second: requests a second per source, 0 for no limit
 */
void
phoneset_stun_server_set_rate_limit (PhonesetStunServer *self,
                                     guint               per_second)
{
  g_return_if_fail (PHONESET_IS_STUN_SERVER (self));
  self->rate = per_second;
}

/**
 * phoneset_stun_server_set_binding_lifetime:
 * @lifetime_ms: the router's binding lifetime sources are judged against
 *   when their phone has no measured one (-1: none)
 */
void
phoneset_stun_server_set_binding_lifetime (PhonesetStunServer *self,
                                           int                 lifetime_ms)
{
  GHashTableIter iter;
  gpointer       value;

  g_return_if_fail (PHONESET_IS_STUN_SERVER (self));

  self->lifetime_ms = lifetime_ms > 0 ? lifetime_ms : -1;
  g_hash_table_iter_init (&iter, self->table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    _phoneset_stun_source_set_lifetime (((Entry *)value)->source, self->lifetime_ms);
}

/**
 * phoneset_stun_server_set_known_phones:
 * @phones: (nullable): a #GListModel of #PhonesetPhone: the inventory
 *
 * A source at a phone's address is named after the phone.
 */
void
phoneset_stun_server_set_known_phones (PhonesetStunServer *self,
                                       GListModel         *phones)
{
  g_return_if_fail (PHONESET_IS_STUN_SERVER (self));

  if (self->known_phones != NULL)
    g_signal_handlers_disconnect_by_data (self->known_phones, self);
  g_set_object (&self->known_phones, phones);
  if (phones != NULL)
    g_signal_connect_swapped (phones, "items-changed", G_CALLBACK (known_phones_changed_cb), self);
  self->phone_hosts_time = 0;
  refresh_phone_hosts (self, g_get_monotonic_time ());
}

/**
 * phoneset_stun_server_set_profiles:
 * @profiles: (nullable): the phone profiles
 *
 * The profiles name the refresh setting of a known phone that has no
 * config loaded (its profile id only).
 */
void
phoneset_stun_server_set_profiles (PhonesetStunServer *self,
                                   GPtrArray          *profiles)
{
  g_return_if_fail (PHONESET_IS_STUN_SERVER (self));

  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  self->profiles = profiles ? g_ptr_array_ref (profiles) : NULL;
  self->phone_hosts_time = 0;
}

/**
 * phoneset_stun_server_get_sources:
 *
 * Returns: (transfer none): the #PhonesetStunSource items, in the order
 *   they were first seen (updated at most four times a second)
 */
GListModel *
phoneset_stun_server_get_sources (PhonesetStunServer *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), NULL);
  return G_LIST_MODEL (self->model);
}

/**
 * phoneset_stun_server_lookup:
 * @address: "ip:port"
 *
 * Returns: (transfer none) (nullable): the source
 */
PhonesetStunSource *
phoneset_stun_server_lookup (PhonesetStunServer *self,
                             const char         *address)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), NULL);

  for (GList *l = self->lru.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (g_strcmp0 (phoneset_stun_source_get_address (entry->source), address) == 0)
        return entry->source;
    }
  return NULL;
}

/**
 * phoneset_stun_server_find_host:
 * @host: an IP address
 *
 * Returns: (transfer none) (nullable): the source at @host seen last
 */
PhonesetStunSource *
phoneset_stun_server_find_host (PhonesetStunServer *self,
                                const char         *host)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), NULL);

  for (GList *l = self->lru.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (g_strcmp0 (phoneset_stun_source_get_host (entry->source), host) == 0)
        return entry->source;
    }
  return NULL;
}

guint
phoneset_stun_server_get_n_sources (PhonesetStunServer *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), 0);
  return g_hash_table_size (self->table);
}

guint64
phoneset_stun_server_get_n_received (PhonesetStunServer *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), 0);
  return self->received;
}

guint64
phoneset_stun_server_get_n_answered (PhonesetStunServer *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), 0);
  return self->answered;
}

/**
 * phoneset_stun_server_clear:
 *
 * Forgets the sources and the totals (the snom server's Clear button).
 */
void
phoneset_stun_server_clear (PhonesetStunServer *self)
{
  g_return_if_fail (PHONESET_IS_STUN_SERVER (self));

  g_ptr_array_set_size (self->dirty, 0);
  g_ptr_array_set_size (self->model_new, 0);
  g_queue_init (&self->lru);
  g_hash_table_remove_all (self->table);
  g_list_store_remove_all (self->model);
  self->model_rebuild = FALSE;
  self->received = self->answered = self->refused = self->unanswerable = self->indications = 0;
  self->malformed = self->oversized = self->loops = self->rate_limited = self->evicted = 0;
}

/* For phoneset-stun-server-report.c. */
void
_phoneset_stun_server_get_totals (PhonesetStunServer       *self,
                                  PhonesetStunServerTotals *totals)
{
  totals->received = self->received;
  totals->answered = self->answered;
  totals->refused = self->refused;
  totals->unanswerable = self->unanswerable;
  totals->indications = self->indications;
  totals->malformed = self->malformed;
  totals->oversized = self->oversized;
  totals->loops = self->loops;
  totals->rate_limited = self->rate_limited;
  totals->evicted = self->evicted;
  totals->started = self->started;
  totals->stopped = self->stopped;
  totals->max_sources = self->max_sources;
  totals->rate = self->rate;
  totals->lifetime_ms = self->lifetime_ms;
}

/* The sources of the table (borrowed), in no order. */
GPtrArray *
_phoneset_stun_server_list_sources (PhonesetStunServer *self)
{
  GPtrArray     *sources = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer       value;

  g_hash_table_iter_init (&iter, self->table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sources, ((Entry *)value)->source);
  return sources;
}
