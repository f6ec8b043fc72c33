/* phoneset-provision-server.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in HTTP server phones fetch their configuration from: one file
 * per push at an unguessable path (/p/<128 random bits>/<name>), and/or a
 * directory tree (`phoneset serve --dir`). It also receives Action URL
 * events at /action-url/EVENT. Every request is reported:
 *
 *   "fetched" (path, phone address, User-Agent, status, bytes)
 *   "action-url" (PhonesetActionUrlEvent)
 *   "rejected" (client address, status): a request refused before it
 *     reached a handler (too long a URL, too large headers or body)
 *   "unknown-phone" (address): the first Action URL event from an address
 *     that is no known phone's (ignored unless accept-unknown is set)
 *
 * Limits: it listens on the one address it is given. Every connection's
 * first request head is looked at (peeked, not read) before libsoup reads
 * it, so that an oversized one is answered 414/431/413 and drained without
 * being stored; later requests on a kept-alive connection are checked in
 * an early handler (libsoup itself drops heads over 64 KiB). Paths are
 * resolved per RFC 3986 (dot segments never climb above the tree); encoded
 * slashes and backslashes are refused (400) and links leading out of the
 * served directory are forbidden (403).
 */

#define G_LOG_DOMAIN "phoneset-provision"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "phoneset-action-url.h"
#include "phoneset-address.h"
#include "phoneset-error.h"
#include "phoneset-http-head.h"
#include "phoneset-phone.h"
#include "phoneset-provision-server.h"

struct _PhonesetProvisionServer
{
  GObject         parent_instance;

  SoupServer     *server;
  char           *base_url;
  GHashTable     *files; /* path → GBytes */
  char           *directory;
  gboolean        action_url;
  char           *auth_user; /* Basic or Digest auth for every file, or NULL */
  char           *auth_password;
  gboolean        auth_digest;

  GSocketService *service;
  GHashTable     *pending; /* Pending → itself: connections whose first head is awaited */
  GListModel     *known_phones;
  gboolean        accept_unknown;
  GHashTable     *unknown; /* address → TRUE, the unknown senders reported (bounded) */
  guint           n_ignored;
  char            peek[PHONESET_HTTP_MAX_HEAD];
};

/* Connections waiting for (or draining after) their first request head. */
#define MAX_PENDING      512
#define HEAD_TIMEOUT_US  (10 * G_USEC_PER_SEC)
#define DRAIN_TIMEOUT_US (2 * G_USEC_PER_SEC)
#define DRAIN_MAX        (1024 * 1024)
#define MAX_UNKNOWN      256

typedef struct
{
  PhonesetProvisionServer *self;
  GIOStream               *stream;
  GSocket                 *socket;
  GSource                 *source;
  gint64                   deadline;
  /* 0 while the head is awaited; then the rejection being drained. */
  guint                    status;
  gsize                    drained;
  guint                    delay_ms;
  /* The connection is libsoup's now. */
  gboolean                 handed_over;
} Pending;

G_DEFINE_FINAL_TYPE (PhonesetProvisionServer, phoneset_provision_server, G_TYPE_OBJECT)

enum
{
  FETCHED,
  ACTION_URL,
  REJECTED,
  UNKNOWN_PHONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
phoneset_provision_server_dispose (GObject *object)
{
  PhonesetProvisionServer *self = (PhonesetProvisionServer *)object;

  if (self->service != NULL)
    {
      g_socket_service_stop (self->service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->service));
    }
  g_clear_object (&self->service);
  g_hash_table_remove_all (self->pending);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->known_phones);

  G_OBJECT_CLASS (phoneset_provision_server_parent_class)->dispose (object);
}

static void
phoneset_provision_server_finalize (GObject *object)
{
  PhonesetProvisionServer *self = (PhonesetProvisionServer *)object;

  g_free (self->base_url);
  g_free (self->directory);
  g_free (self->auth_user);
  if (self->auth_password != NULL)
    memset (self->auth_password, 0, strlen (self->auth_password));
  g_free (self->auth_password);
  g_hash_table_unref (self->files);
  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->unknown);

  G_OBJECT_CLASS (phoneset_provision_server_parent_class)->finalize (object);
}

static void
phoneset_provision_server_class_init (PhonesetProvisionServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_provision_server_dispose;
  object_class->finalize = phoneset_provision_server_finalize;

  signals[FETCHED] = g_signal_new ("fetched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 5, G_TYPE_STRING, G_TYPE_STRING,
                                   G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT64);
  signals[ACTION_URL] =
    g_signal_new ("action-url", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PHONESET_TYPE_ACTION_URL_EVENT);
  signals[REJECTED] = g_signal_new ("rejected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
  signals[UNKNOWN_PHONE] =
    g_signal_new ("unknown-phone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pending_free (Pending *p)
{
  if (p->source != NULL)
    {
      g_source_destroy (p->source);
      g_source_unref (p->source);
    }
  if (!p->handed_over)
    g_io_stream_close (p->stream, NULL, NULL);
  g_object_unref (p->stream);
  g_object_unref (p->socket);
  g_free (p);
}

static void
phoneset_provision_server_init (PhonesetProvisionServer *self)
{
  self->files =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  self->pending = g_hash_table_new_full (NULL, NULL, (GDestroyNotify)pending_free, NULL);
  self->unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PhonesetProvisionServer *
phoneset_provision_server_new (void)
{
  return g_object_new (PHONESET_TYPE_PROVISION_SERVER, NULL);
}

/* A file of the served directory: no "..", no hidden files, no links out.
 * Returns the status: 200 with *body set, 400, 403 or 404. */
static guint
read_from_directory (PhonesetProvisionServer  *self,
                     const char               *path,
                     GBytes                  **body)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *file = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *real_file = NULL;
  char            *data = NULL;
  gsize            len = 0;

  *body = NULL;
  if (self->directory == NULL)
    return SOUP_STATUS_NOT_FOUND;
  if (path[0] != '/' || strlen (path) > PHONESET_HTTP_MAX_URI)
    return SOUP_STATUS_BAD_REQUEST;
  if (path[1] == '\0')
    return SOUP_STATUS_NOT_FOUND; /* no listing */
  parts = g_strsplit (path + 1, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], "..") || strchr (parts[i], '\\') != NULL)
        return SOUP_STATUS_BAD_REQUEST;
      /* Empty segments, "." and hidden files. */
      if (parts[i][0] == '\0' || parts[i][0] == '.')
        return SOUP_STATUS_NOT_FOUND;
    }
  file = g_build_filenamev ((char *[]){ self->directory, (char *)path + 1, NULL });
  real_file = realpath (file, NULL);
  if (real_file == NULL)
    return SOUP_STATUS_NOT_FOUND;
  real_dir = realpath (self->directory, NULL);
  if (real_dir == NULL)
    return SOUP_STATUS_NOT_FOUND;
  /* A link (of the file or of a folder on the way) leading out of the tree. */
  if (!g_str_has_prefix (real_file, real_dir) || real_file[strlen (real_dir)] != '/')
    return SOUP_STATUS_FORBIDDEN;
  if (!g_file_test (real_file, G_FILE_TEST_IS_REGULAR))
    return SOUP_STATUS_NOT_FOUND;
  if (!g_file_get_contents (real_file, &data, &len, NULL))
    return SOUP_STATUS_FORBIDDEN;
  *body = g_bytes_new_take (data, len);
  return SOUP_STATUS_OK;
}

/* Percent-encoded slashes, backslashes and NULs in the raw path: a file
 * name never has them, a traversal attempt does. */
static gboolean
raw_path_is_bad (const char *raw)
{
  for (const char *p = raw; *p; p++)
    {
      if (*p == '\\')
        return TRUE;
      if (p[0] == '%' && p[1] != '\0' && p[2] != '\0')
        {
          int hi = g_ascii_xdigit_value (p[1]);
          int lo = g_ascii_xdigit_value (p[2]);
          int c = hi * 16 + lo;

          if (hi < 0 || lo < 0 || c == '/' || c == '\\' || c == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_known_phone (PhonesetProvisionServer *self,
                const char              *peer)
{
  guint n;

  if (self->known_phones == NULL || peer == NULL)
    return FALSE;
  n = g_list_model_get_n_items (self->known_phones);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (self->known_phones, i);
      const char      *address = phoneset_phone_get_address (phone);
      g_autofree char *host = NULL;

      if (address != NULL && phoneset_address_parse (address, 80, &host, NULL, NULL) &&
          g_str_equal (host, peer))
        return TRUE;
    }
  return FALSE;
}

static void pending_watch (Pending *p);
static void pending_reject (Pending *p, guint status, gboolean report);

/* Checks a request's size as soon as its head is read, before its body:
 * for the requests after the first on a kept-alive connection (the first
 * was checked before libsoup read it). */
static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  PhonesetProvisionServer *self = user_data;
  SoupMessageHeaders      *headers = soup_server_message_get_request_headers (msg);
  GUri                    *uri = soup_server_message_get_uri (msg);
  SoupMessageHeadersIter   iter;
  const char              *name, *value;
  gsize                    size = 0, n = 0;
  guint                    status = 0;

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      size += strlen (name) + strlen (value) + 4;
      n++;
    }
  if (strlen (g_uri_get_path (uri)) +
        (g_uri_get_query (uri) ? strlen (g_uri_get_query (uri)) + 1 : 0) >
      PHONESET_HTTP_MAX_URI)
    status = SOUP_STATUS_REQUEST_URI_TOO_LONG;
  else if (size > PHONESET_HTTP_MAX_HEAD || n > PHONESET_HTTP_MAX_HEADERS)
    status = 431;
  else if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED ||
           (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
            soup_message_headers_get_content_length (headers) > PHONESET_HTTP_MAX_BODY))
    status = SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
  if (status == 0)
    return;
  if (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
    {
      /* libsoup would read the body (whatever its size) before answering:
       * take the connection from it, answer and drain it ourselves. */
      GSocketAddress *remote = soup_server_message_get_remote_address (msg);
      GSocket *socket = remote ? g_object_get_data (G_OBJECT (remote), "phoneset-socket") : NULL;
      g_autoptr(GIOStream) stream = NULL;

      g_signal_emit (self, signals[REJECTED], 0, soup_server_message_get_remote_host (msg), status);
      if (socket == NULL)
        {
          /* Not ours (cannot be): read and drop the body, then answer. */
          soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
          soup_server_message_set_status (msg, status, NULL);
          return;
        }
      stream = soup_server_message_steal_connection (msg);
      if (stream != NULL && g_hash_table_size (self->pending) < MAX_PENDING)
        {
          Pending *p = g_new0 (Pending, 1);

          p->self = self;
          p->stream = g_object_ref (stream);
          p->socket = g_object_ref (socket);
          g_hash_table_add (self->pending, p);
          pending_reject (p, status, FALSE);
          pending_watch (p);
        }
      else if (stream != NULL)
        g_io_stream_close (stream, NULL, NULL);
      return;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                "close");
  soup_server_message_set_status (msg, status,
                                  status == 431 ? "Request Header Fields Too Large" : NULL);
  g_signal_emit (self, signals[REJECTED], 0, soup_server_message_get_remote_host (msg), status);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  PhonesetProvisionServer *self = user_data;
  const char              *peer = soup_server_message_get_remote_host (msg);
  const char              *ua =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "User-Agent");
  const char *method = soup_server_message_get_method (msg);
  const char *raw = g_uri_get_path (soup_server_message_get_uri (msg));
  g_autoptr(GBytes) body = NULL;
  g_autofree char *shown = NULL;
  guint            status;

  if (soup_server_message_get_status (msg) != SOUP_STATUS_NONE)
    return;
  if (self->action_url && g_str_has_prefix (path, PHONESET_ACTION_URL_PATH))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetActionUrlEvent) event = NULL;

      if (!self->accept_unknown && !is_known_phone (self, peer))
        {
          self->n_ignored++;
          if (!g_hash_table_contains (self->unknown, peer) &&
              g_hash_table_size (self->unknown) < MAX_UNKNOWN)
            {
              g_hash_table_add (self->unknown, g_strdup (peer));
              g_debug ("Ignoring Action URL events from %s: not a known phone", peer);
              g_signal_emit (self, signals[UNKNOWN_PHONE], 0, peer);
            }
          soup_server_message_set_status (msg, SOUP_STATUS_FORBIDDEN, NULL);
          return;
        }
      event = phoneset_action_url_event_parse (
        path, g_uri_get_query (soup_server_message_get_uri (msg)), peer, &error);
      if (event == NULL)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
          return;
        }
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "OK\n", 3);
      g_signal_emit (self, signals[ACTION_URL], 0, event);
      return;
    }

  if (!g_str_equal (method, "GET") && !g_str_equal (method, "HEAD"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }
  body = g_hash_table_lookup (self->files, path);
  if (body != NULL)
    {
      g_bytes_ref (body);
      status = SOUP_STATUS_OK;
    }
  else if (raw_path_is_bad (raw))
    status = SOUP_STATUS_BAD_REQUEST;
  else
    status = read_from_directory (self, path, &body);
  /* What is logged of a path is bounded. */
  shown = strlen (path) > 256 ? g_strdup_printf ("%.256s…", path) : g_strdup (path);
  if (body == NULL)
    {
      soup_server_message_set_status (msg, status, NULL);
      g_signal_emit (self, signals[FETCHED], 0, shown, peer, ua, status, (guint64)0);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "text/plain", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
  g_signal_emit (self, signals[FETCHED], 0, shown, peer, ua, (guint)SOUP_STATUS_OK,
                 (guint64)g_bytes_get_size (body));
}

/* Compares without stopping at the first difference. */
static gboolean
equal_secret (const char *a,
              const char *b)
{
  gsize  la = strlen (a), lb = strlen (b);
  guint8 diff = la != lb;

  for (gsize i = 0; i < la; i++)
    diff |= (guint8)a[i] ^ (guint8)b[i % (lb ? lb : 1)];
  return diff == 0;
}

static gboolean
basic_auth_cb (SoupAuthDomain    *domain,
               SoupServerMessage *msg,
               const char        *username,
               const char        *password,
               gpointer           user_data)
{
  PhonesetProvisionServer *self = user_data;

  return g_strcmp0 (username, self->auth_user) == 0 && equal_secret (password, self->auth_password);
}

static char *
digest_auth_cb (SoupAuthDomain    *domain,
                SoupServerMessage *msg,
                const char        *username,
                gpointer           user_data)
{
  PhonesetProvisionServer *self = user_data;

  if (g_strcmp0 (username, self->auth_user) != 0)
    return NULL;
  return soup_auth_domain_digest_encode_password (username, "Phoneset", self->auth_password);
}

static void
add_auth_domain (PhonesetProvisionServer *self)
{
  g_autoptr(SoupAuthDomain) domain = NULL;

  if (self->auth_digest)
    {
      domain = soup_auth_domain_digest_new ("realm", "Phoneset", NULL);
      soup_auth_domain_digest_set_auth_callback (domain, digest_auth_cb, self, NULL);
    }
  else
    {
      domain = soup_auth_domain_basic_new ("realm", "Phoneset", NULL);
      soup_auth_domain_basic_set_auth_callback (domain, basic_auth_cb, self, NULL);
    }
  soup_auth_domain_add_path (domain, "/");
  /* Phones send Action URL events without credentials. */
  soup_auth_domain_remove_path (domain, PHONESET_ACTION_URL_PATH);
  soup_server_add_auth_domain (self->server, domain);
}

/**
 * phoneset_provision_server_set_auth:
 * @user: (nullable): the user name the phones send, or %NULL for no auth
 * @password: (nullable): the password
 * @digest: %TRUE for Digest, %FALSE for Basic
 *
 * Asks for credentials on every file; call before listening. The phones'
 * provisioning settings carry the same user and password.
 */
void
phoneset_provision_server_set_auth (PhonesetProvisionServer *self,
                                    const char              *user,
                                    const char              *password,
                                    gboolean                 digest)
{
  g_return_if_fail (PHONESET_IS_PROVISION_SERVER (self));
  g_return_if_fail (self->server == NULL);

  g_free (self->auth_user);
  g_free (self->auth_password);
  self->auth_user = g_strdup (user);
  self->auth_password = g_strdup (user ? (password ? password : "") : NULL);
  self->auth_digest = digest;
}

static void
pending_close (Pending *p)
{
  g_hash_table_remove (p->self->pending, p);
}

static gboolean
pending_retry_cb (gpointer user_data)
{
  Pending *p = user_data;

  g_source_unref (p->source);
  p->source = NULL;
  pending_watch (p);
  return G_SOURCE_REMOVE;
}

/* Answers @status on a connection whose head libsoup never saw, then reads
 * (and drops) what the client goes on sending, so that the answer is not
 * lost to a reset, up to DRAIN_MAX bytes or DRAIN_TIMEOUT_US. */
static void
pending_reject (Pending  *p,
                guint     status,
                gboolean  report)
{
  PhonesetProvisionServer *self = p->self;
  GSocket                 *socket = p->socket;
  const char              *phrase =
    status == 431 ? "Request Header Fields Too Large" : soup_status_get_phrase (status);
  g_autofree char *answer =
    g_strdup_printf ("HTTP/1.1 %u %s\r\nServer: Phoneset/" PACKAGE_VERSION "\r\n"
                     "Connection: close\r\nContent-Type: text/plain\r\n"
                     "Content-Length: %zu\r\n\r\n%s\n",
                     status, phrase, strlen (phrase) + 1, phrase);
  g_autoptr(GSocketAddress) remote = g_socket_get_remote_address (socket, NULL);
  g_autofree char *peer = NULL;

  /* Not g_socket_send(): once the watch's ready time (our deadline) has
   * passed, GSocket fails the next call with a time-out. */
  if (send (g_socket_get_fd (socket), answer, strlen (answer), MSG_NOSIGNAL | MSG_DONTWAIT) < 0)
    g_debug ("Could not answer %u: %s", status, g_strerror (errno));
  g_socket_shutdown (socket, FALSE, TRUE, NULL);
  p->status = status;
  p->deadline = g_get_monotonic_time () + DRAIN_TIMEOUT_US;
  /* A ready time stays once passed: move it, or the watch spins. */
  if (p->source != NULL)
    g_source_set_ready_time (p->source, p->deadline);
  if (G_IS_INET_SOCKET_ADDRESS (remote))
    peer =
      g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
  if (report)
    g_signal_emit (self, signals[REJECTED], 0, peer, status);
}

static gboolean
pending_ready_cb (GSocket      *socket,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  Pending                 *p = user_data;
  PhonesetProvisionServer *self = p->self;
  gboolean                 late = g_get_monotonic_time () >= p->deadline;
  gssize                   n;
  guint                    status;

  if (p->status != 0)
    {
      /* Draining after a rejection. */
      n = recv (g_socket_get_fd (socket), self->peek, sizeof self->peek, MSG_DONTWAIT);
      if (n > 0)
        p->drained += n;
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) || late || p->drained > DRAIN_MAX)
        {
          pending_close (p);
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }

  n = recv (g_socket_get_fd (socket), self->peek, sizeof self->peek, MSG_PEEK | MSG_DONTWAIT);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
    {
      pending_close (p);
      return G_SOURCE_REMOVE;
    }
  status = n > 0 ? phoneset_http_head_check (self->peek, n, NULL) : 0;
  if (status == 0 && late)
    status = SOUP_STATUS_REQUEST_TIMEOUT;
  if (status == 0)
    {
      /* Incomplete: the bytes stay in the socket (they are libsoup's), so
       * it stays readable; look again a little later. */
      g_source_unref (p->source);
      p->delay_ms = MIN (MAX (p->delay_ms * 2, 5), 200);
      p->source = g_timeout_source_new (p->delay_ms);
      g_source_set_callback (p->source, pending_retry_cb, p, NULL);
      g_source_attach (p->source, g_main_context_get_thread_default ());
      return G_SOURCE_REMOVE;
    }
  if (status == SOUP_STATUS_OK)
    {
      g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, NULL);
      g_autoptr(GSocketAddress) remote = g_socket_get_remote_address (socket, NULL);
      g_autoptr(GError) error = NULL;

      /* The socket, for early_handler() to answer 413 on it later. */
      if (remote != NULL)
        g_object_set_data_full (G_OBJECT (remote), "phoneset-socket", g_object_ref (p->socket),
                                g_object_unref);
      if (soup_server_accept_iostream (self->server, p->stream, local, remote, &error))
        p->handed_over = TRUE;
      else
        g_debug ("Could not take a connection: %s", error->message);
      g_source_unref (p->source);
      p->source = NULL;
      pending_close (p);
      return G_SOURCE_REMOVE;
    }
  pending_reject (p, status, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
pending_watch (Pending *p)
{
  p->source = g_socket_create_source (p->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (p->source, (GSourceFunc)(void (*) (void))pending_ready_cb, p, NULL);
  g_source_set_ready_time (p->source, p->deadline);
  g_source_attach (p->source, g_main_context_get_thread_default ());
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           user_data)
{
  PhonesetProvisionServer *self = user_data;
  Pending                 *p;

  if (g_hash_table_size (self->pending) >= MAX_PENDING)
    return FALSE; /* closed when the service drops it */
  /* libsoup writes the head and the body apart: without this, Nagle's
   * algorithm holds the body back until the client's delayed ACK. */
  g_socket_set_option (g_socket_connection_get_socket (connection), IPPROTO_TCP, TCP_NODELAY, TRUE,
                       NULL);
  p = g_new0 (Pending, 1);
  p->self = self;
  p->stream = g_object_ref (G_IO_STREAM (connection));
  p->socket = g_object_ref (g_socket_connection_get_socket (connection));
  p->deadline = g_get_monotonic_time () + HEAD_TIMEOUT_US;
  g_hash_table_add (self->pending, p);
  pending_watch (p);
  return TRUE;
}

/* libsoup keeps a connection alive after a response only while the server
 * has a listener of its own; the connections come from our service (which
 * looks at their first head), so give it one nobody can reach: a Unix
 * socket whose name is removed at once. */
static gboolean
add_unreachable_listener (SoupServer  *server,
                          GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("phoneset-serve-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  gboolean ok;

  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "s", NULL);
  socket =
    g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);
  address = g_unix_socket_address_new (path);
  ok = socket != NULL && g_socket_bind (socket, address, FALSE, error) &&
       g_socket_listen (socket, error);
  g_unlink (path);
  g_rmdir (dir);
  return ok && soup_server_listen_socket (server, socket, 0, error);
}

/**
 * phoneset_provision_server_listen:
 * @address: this computer's address on the phone's network; it listens on
 *   that address only (0.0.0.0 or :: for every one, only when asked)
 * @port: the port, 0 for a random one
 *
 * Returns: %TRUE if listening
 */
gboolean
phoneset_provision_server_listen (PhonesetProvisionServer  *self,
                                  const char               *address,
                                  guint16                   port,
                                  GError                  **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) local_error = NULL;
  guint16 bound;

  g_return_val_if_fail (PHONESET_IS_PROVISION_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("“%s” is not an IP address."), address);
      return FALSE;
    }
  self->server = soup_server_new ("server-header", "Phoneset/" PACKAGE_VERSION, NULL);
  soup_server_add_early_handler (self->server, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  if (self->auth_user != NULL)
    add_auth_domain (self);
  if (!add_unreachable_listener (self->server, &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                   _("Could not start the HTTP server (%s)."), local_error->message);
      g_clear_object (&self->server);
      return FALSE;
    }
  socket_address = g_inet_socket_address_new (inet, port);
  self->service = g_socket_service_new ();
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), socket_address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &effective,
                                      &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                   _("Could not serve files on %s port %u (%s): choose another port."), address,
                      port, local_error->message);
      g_clear_object (&self->service);
      g_clear_object (&self->server);
      return FALSE;
    }
  g_signal_connect (self->service, "incoming", G_CALLBACK (incoming_cb), self);
  g_socket_service_start (self->service);
  bound = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    self->base_url = g_strdup_printf ("http://[%s]:%u", address, bound);
  else
    self->base_url = g_strdup_printf ("http://%s:%u", address, bound);
  return TRUE;
}

const char *
phoneset_provision_server_get_base_url (PhonesetProvisionServer *self)
{
  g_return_val_if_fail (PHONESET_IS_PROVISION_SERVER (self), NULL);
  return self->base_url;
}

/**
 * phoneset_provision_server_add_file:
 * @name: the file name the phone sees (`001565aabbcc.cfg`)
 * @contents: the bytes to serve
 *
 * Returns: (transfer full): the file's path on the server,
 *   `/p/<32 hex digits>/<name>` (append it to the base URL)
 */
char *
phoneset_provision_server_add_file (PhonesetProvisionServer *self,
                                    const char              *name,
                                    GBytes                  *contents)
{
  g_autoptr(GString) token = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  char            *path;

  g_return_val_if_fail (PHONESET_IS_PROVISION_SERVER (self), NULL);
  g_return_val_if_fail (name != NULL && contents != NULL, NULL);

  /* 128 bits from GLib's random source (seeded from /dev/urandom). */
  for (int i = 0; i < 4; i++)
    g_string_append_printf (token, "%08x", g_random_int ());
  escaped = g_uri_escape_string (name, NULL, FALSE);
  path = g_strdup_printf ("/p/%s/%s", token->str, escaped);
  g_hash_table_insert (self->files, g_strdup (path), g_bytes_ref (contents));
  return path;
}

void
phoneset_provision_server_set_directory (PhonesetProvisionServer *self,
                                         const char              *directory)
{
  g_return_if_fail (PHONESET_IS_PROVISION_SERVER (self));

  g_free (self->directory);
  self->directory = g_strdup (directory);
}

void
phoneset_provision_server_set_action_url (PhonesetProvisionServer *self,
                                          gboolean                 enabled)
{
  g_return_if_fail (PHONESET_IS_PROVISION_SERVER (self));
  self->action_url = enabled;
}

/**
 * phoneset_provision_server_set_known_phones:
 * @phones: (nullable): a list of #PhonesetPhone (the inventory)
 *
 * The phones whose Action URL events are taken (by address); events from
 * any other address are ignored (403) unless
 * phoneset_provision_server_set_accept_unknown() is on.
 */
void
phoneset_provision_server_set_known_phones (PhonesetProvisionServer *self,
                                            GListModel              *phones)
{
  g_return_if_fail (PHONESET_IS_PROVISION_SERVER (self));
  g_return_if_fail (phones == NULL || G_IS_LIST_MODEL (phones));
  g_set_object (&self->known_phones, phones);
}

void
phoneset_provision_server_set_accept_unknown (PhonesetProvisionServer *self,
                                              gboolean                 accept)
{
  g_return_if_fail (PHONESET_IS_PROVISION_SERVER (self));
  self->accept_unknown = accept;
}

/**
 * phoneset_provision_server_get_n_ignored:
 *
 * Returns: how many Action URL events from unknown addresses were ignored
 */
guint
phoneset_provision_server_get_n_ignored (PhonesetProvisionServer *self)
{
  g_return_val_if_fail (PHONESET_IS_PROVISION_SERVER (self), 0);
  return self->n_ignored;
}
