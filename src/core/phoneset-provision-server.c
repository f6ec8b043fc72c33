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
 */

#define G_LOG_DOMAIN "phoneset-provision"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "phoneset-action-url.h"
#include "phoneset-error.h"
#include "phoneset-provision-server.h"

struct _PhonesetProvisionServer
{
  GObject     parent_instance;

  SoupServer *server;
  char       *base_url;
  GHashTable *files; /* path → GBytes */
  char       *directory;
  gboolean    action_url;
  char       *auth_user; /* Basic or Digest auth for every file, or NULL */
  char       *auth_password;
  gboolean    auth_digest;
};

G_DEFINE_FINAL_TYPE (PhonesetProvisionServer, phoneset_provision_server, G_TYPE_OBJECT)

enum
{
  FETCHED,
  ACTION_URL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
phoneset_provision_server_dispose (GObject *object)
{
  PhonesetProvisionServer *self = (PhonesetProvisionServer *)object;

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

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

  G_OBJECT_CLASS (phoneset_provision_server_parent_class)->finalize (object);
}

static void
phoneset_provision_server_class_init (PhonesetProvisionServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_provision_server_dispose;
  object_class->finalize = phoneset_provision_server_finalize;

  signals[FETCHED] = g_signal_new ("fetched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 5, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT,
                                   G_TYPE_UINT64);
  signals[ACTION_URL] = g_signal_new ("action-url", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, PHONESET_TYPE_ACTION_URL_EVENT);
}

static void
phoneset_provision_server_init (PhonesetProvisionServer *self)
{
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
}

PhonesetProvisionServer *
phoneset_provision_server_new (void)
{
  return g_object_new (PHONESET_TYPE_PROVISION_SERVER, NULL);
}

/* A file of the served directory: no "..", no hidden files, no links out. */
static GBytes *
read_from_directory (PhonesetProvisionServer *self,
                     const char              *path)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *file = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *real_file = NULL;
  char            *data = NULL;
  gsize            len = 0;

  if (self->directory == NULL || strlen (path) > 512)
    return NULL;
  parts = g_strsplit (path + 1, "/", 16);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || parts[i][0] == '.' || strchr (parts[i], '\\') != NULL)
      return NULL;
  file = g_build_filenamev ((char *[]){ self->directory, (char *)path + 1, NULL });
  real_dir = g_canonicalize_filename (self->directory, NULL);
  real_file = realpath (file, NULL);
  if (real_file == NULL || !g_str_has_prefix (real_file, real_dir) || real_file[strlen (real_dir)] != '/' ||
      !g_file_test (real_file, G_FILE_TEST_IS_REGULAR))
    return NULL;
  if (!g_file_get_contents (real_file, &data, &len, NULL))
    return NULL;
  return g_bytes_new_take (data, len);
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
  const char              *ua = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "User-Agent");
  const char              *method = soup_server_message_get_method (msg);
  g_autoptr(GBytes) body = NULL;

  if (self->action_url && g_str_has_prefix (path, PHONESET_ACTION_URL_PATH))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetActionUrlEvent) event =
                   phoneset_action_url_event_parse (path, g_uri_get_query (soup_server_message_get_uri (msg)), peer, &error);

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
    g_bytes_ref (body);
  else
    body = read_from_directory (self, path);
  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      g_signal_emit (self, signals[FETCHED], 0, path, peer, ua, (guint)SOUP_STATUS_NOT_FOUND, (guint64)0);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_COPY, g_bytes_get_data (body, NULL),
                                    g_bytes_get_size (body));
  g_signal_emit (self, signals[FETCHED], 0, path, peer, ua, (guint)SOUP_STATUS_OK, (guint64)g_bytes_get_size (body));
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

/**
 * phoneset_provision_server_listen:
 * @address: this computer's address on the phone's network
 * @port: the port, 0 for a random one
 *
 * Returns: %TRUE if listening
 */
gboolean
phoneset_provision_server_listen (PhonesetProvisionServer *self,
                                  const char              *address,
                                  guint16                  port,
                                  GError                 **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GError) local_error = NULL;
  GSList *uris;

  g_return_val_if_fail (PHONESET_IS_PROVISION_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("“%s” is not an IP address."), address);
      return FALSE;
    }
  self->server = soup_server_new ("server-header", "Phoneset/" PACKAGE_VERSION, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  if (self->auth_user != NULL)
    add_auth_domain (self);
  socket_address = g_inet_socket_address_new (inet, port);
  if (!soup_server_listen (self->server, socket_address, 0, &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                   _("Could not serve files on %s port %u (%s): choose another port."), address, port,
                      local_error->message);
      g_clear_object (&self->server);
      return FALSE;
    }
  uris = soup_server_get_uris (self->server);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    self->base_url = g_strdup_printf ("http://[%s]:%d", address, g_uri_get_port (uris->data));
  else
    self->base_url = g_strdup_printf ("http://%s:%d", address, g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
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
