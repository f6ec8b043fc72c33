/* phoneset-remote.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Talks to one phone over HTTP(S): Active URI key commands and status
 * reads, with one SoupSession per phone, Basic or Digest auth, trust on
 * first use of the phone's certificate, a bounded timeout, and errors that
 * say what to do.
 */

#define G_LOG_DOMAIN "phoneset-remote"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-remote.h"

struct _PhonesetRemote
{
  GObject            parent_instance;

  char              *host;
  guint16            port;
  gboolean           https;
  PhonesetActiveUri *active_uri;
  char              *user;
  char              *password;
  PhonesetCertPins  *pins;
  guint              timeout;
  SoupSession       *session;
  char              *local_address;
  /* Another interface's schemes than the Active URI's (its REST API). */
  char             **auth_schemes;
};

G_DEFINE_FINAL_TYPE (PhonesetRemote, phoneset_remote, G_TYPE_OBJECT)

static void
phoneset_remote_dispose (GObject *object)
{
  PhonesetRemote *self = (PhonesetRemote *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->active_uri);
  g_clear_object (&self->pins);

  G_OBJECT_CLASS (phoneset_remote_parent_class)->dispose (object);
}

static void
phoneset_remote_finalize (GObject *object)
{
  PhonesetRemote *self = (PhonesetRemote *)object;

  g_free (self->host);
  g_strfreev (self->auth_schemes);
  g_free (self->user);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self->local_address);

  G_OBJECT_CLASS (phoneset_remote_parent_class)->finalize (object);
}

static void
phoneset_remote_class_init (PhonesetRemoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_remote_dispose;
  object_class->finalize = phoneset_remote_finalize;
}

static void
phoneset_remote_init (PhonesetRemote *self)
{
  self->timeout = 5;
}

/**
 * phoneset_remote_new:
 * @host: the phone's address (IP or name)
 * @port: its web port (0: 80, or 443 with @https)
 * @https: whether to use HTTPS
 * @active_uri: the vendor's Active URI description
 *
 * Returns: (transfer full): a client for one phone
 */
PhonesetRemote *
phoneset_remote_new (const char        *host,
                     guint16            port,
                     gboolean           https,
                     PhonesetActiveUri *active_uri)
{
  PhonesetRemote *self;

  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (active_uri), NULL);

  self = g_object_new (PHONESET_TYPE_REMOTE, NULL);
  self->host = g_strdup (host);
  self->https = https;
  self->port = port ? port : (https ? 443 : 80);
  self->active_uri = g_object_ref (active_uri);
  self->user = g_strdup (phoneset_active_uri_get_user (active_uri));
  self->pins = phoneset_cert_pins_new (NULL);
  return self;
}

/**
 * phoneset_remote_new_sibling:
 * @port: the other interface's port
 * @https: whether it is HTTPS
 *
 * A client of another of the same phone's web interfaces (its REST API):
 * the same address, credentials, certificate pins and timeout.
 *
 * Returns: (transfer full): the client
 */
PhonesetRemote *
phoneset_remote_new_sibling (PhonesetRemote *self,
                             guint16         port,
                             gboolean        https)
{
  PhonesetRemote *sibling;

  g_return_val_if_fail (PHONESET_IS_REMOTE (self), NULL);

  sibling = phoneset_remote_new (self->host, port, https, self->active_uri);
  g_free (sibling->user);
  sibling->user = g_strdup (self->user);
  sibling->password = g_strdup (self->password);
  g_set_object (&sibling->pins, self->pins);
  sibling->timeout = self->timeout;
  return sibling;
}

/**
 * phoneset_remote_set_credentials:
 * @user: (nullable): the user; %NULL or empty: the phone's own default
 *   (phoneset_active_uri_choose_user())
 * @password: (nullable): the password; never logged
 */
void
phoneset_remote_set_credentials (PhonesetRemote *self,
                                 const char     *user,
                                 const char     *password)
{
  g_return_if_fail (PHONESET_IS_REMOTE (self));

  g_free (self->user);
  self->user = g_strdup (phoneset_active_uri_choose_user (self->active_uri, user));
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  self->password = g_strdup (password);
}

/**
 * phoneset_remote_set_auth_schemes:
 * @schemes: (nullable) (array zero-terminated=1): the HTTP authentication
 *   schemes to answer ("basic", "digest"); %NULL: the Active URI's
 *
 * For a client of another of the phone's interfaces (its REST API), which
 * may ask for other schemes than the key interface.
 */
void
phoneset_remote_set_auth_schemes (PhonesetRemote    *self,
                                  const char *const *schemes)
{
  g_return_if_fail (PHONESET_IS_REMOTE (self));

  g_strfreev (self->auth_schemes);
  self->auth_schemes = g_strdupv ((char **)schemes);
}

void
phoneset_remote_set_pins (PhonesetRemote   *self,
                          PhonesetCertPins *pins)
{
  g_return_if_fail (PHONESET_IS_REMOTE (self));
  g_return_if_fail (PHONESET_IS_CERT_PINS (pins));

  g_set_object (&self->pins, pins);
}

/**
 * phoneset_remote_set_timeout:
 * @seconds: how long a request may stay without progress (default 5)
 */
void
phoneset_remote_set_timeout (PhonesetRemote *self,
                             guint           seconds)
{
  g_return_if_fail (PHONESET_IS_REMOTE (self));

  self->timeout = MAX (seconds, 1);
  if (self->session != NULL)
    g_object_set (self->session, "timeout", self->timeout, NULL);
}

/**
 * phoneset_remote_get_user:
 *
 * Returns: (nullable): the user it logs in as
 */
const char *
phoneset_remote_get_user (PhonesetRemote *self)
{
  g_return_val_if_fail (PHONESET_IS_REMOTE (self), NULL);
  return self->user;
}

/**
 * phoneset_remote_get_https:
 *
 * Returns: whether it speaks HTTPS to the phone
 */
gboolean
phoneset_remote_get_https (PhonesetRemote *self)
{
  g_return_val_if_fail (PHONESET_IS_REMOTE (self), FALSE);
  return self->https;
}

guint16
phoneset_remote_get_port (PhonesetRemote *self)
{
  g_return_val_if_fail (PHONESET_IS_REMOTE (self), 0);
  return self->port;
}

const char *
phoneset_remote_get_host (PhonesetRemote *self)
{
  g_return_val_if_fail (PHONESET_IS_REMOTE (self), NULL);
  return self->host;
}

/**
 * phoneset_remote_dup_peer:
 *
 * Returns: (transfer full): "host:port" (IPv6 in brackets)
 */
char *
phoneset_remote_dup_peer (PhonesetRemote *self)
{
  g_return_val_if_fail (PHONESET_IS_REMOTE (self), NULL);

  if (strchr (self->host, ':') != NULL)
    return g_strdup_printf ("[%s]:%u", self->host, self->port);
  return g_strdup_printf ("%s:%u", self->host, self->port);
}

/**
 * phoneset_remote_get_local_address:
 *
 * Returns: (nullable): this computer's address on the last connection to
 *   the phone
 */
const char *
phoneset_remote_get_local_address (PhonesetRemote *self)
{
  g_return_val_if_fail (PHONESET_IS_REMOTE (self), NULL);
  return self->local_address;
}

PhonesetActiveUri *
phoneset_remote_get_active_uri (PhonesetRemote *self)
{
  g_return_val_if_fail (PHONESET_IS_REMOTE (self), NULL);
  return self->active_uri;
}

static SoupSession *
get_session (PhonesetRemote *self)
{
  if (self->session == NULL)
    /* One session per phone: connections and Digest state are reused. */
    self->session = soup_session_new_with_options ("timeout", self->timeout, "idle-timeout", 30,
                                                   "max-conns-per-host", 2, "user-agent",
                                                   "Phoneset/" PACKAGE_VERSION, NULL);
  return self->session;
}

typedef struct
{
  SoupMessage *msg;
  char        *path;
  GBytes      *body;         /* a POST's, else NULL */
  char        *content_type; /* the body's, else the Active URI's */
  gboolean     raw;          /* the answer is the caller's to read */
  guint        status;
  GError      *pin_error;
  guint        legacy_index;
} Request;

static void
request_free (Request *r)
{
  g_clear_object (&r->msg);
  g_free (r->path);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r->content_type);
  g_clear_error (&r->pin_error);
  g_free (r);
}

static gboolean
scheme_allowed (PhonesetRemote *self,
                const char     *scheme)
{
  if (self->auth_schemes == NULL)
    return phoneset_active_uri_allows_scheme (self->active_uri, scheme);
  for (guint i = 0; self->auth_schemes[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->auth_schemes[i], scheme) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
authenticate_cb (SoupMessage *msg,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 gpointer     user_data)
{
  PhonesetRemote *self = user_data;
  const char     *scheme = soup_auth_get_scheme_name (auth);

  /* A second challenge means the password was wrong: let the 401 through. */
  if (retrying || self->password == NULL || self->user == NULL)
    return FALSE;
  if (!scheme_allowed (self, scheme))
    return FALSE;
  soup_auth_authenticate (auth, self->user, self->password);
  return FALSE;
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  GTask           *task = user_data;
  PhonesetRemote  *self = g_task_get_source_object (task);
  Request         *r = g_task_get_task_data (task);
  g_autofree char *peer = phoneset_remote_dup_peer (self);

  /* Phones show self-signed certificates: trust on first use, then the
   * pinned one only. */
  g_clear_error (&r->pin_error);
  return phoneset_cert_pins_check (self->pins, peer, certificate, &r->pin_error);
}

static void
network_event_cb (SoupMessage        *msg,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            user_data)
{
  PhonesetRemote *self = user_data;

  if (event == G_SOCKET_CLIENT_CONNECTED && G_IS_SOCKET_CONNECTION (connection))
    {
      g_autoptr(GSocketAddress) local =
                   g_socket_connection_get_local_address (G_SOCKET_CONNECTION (connection), NULL);

      g_object_set_data (G_OBJECT (msg), "phoneset-connected", GINT_TO_POINTER (1));

      if (G_IS_INET_SOCKET_ADDRESS (local))
        {
          g_free (self->local_address);
          self->local_address = g_inet_address_to_string (
            g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)));
        }
    }
}

static void send_request (GTask *task);

/* A Digest challenge restarts the message: its body stream was read, so
 * it is set again from the bytes. */
static void
restarted_cb (SoupMessage *msg,
              gpointer     user_data)
{
  GTask          *task = user_data;
  PhonesetRemote *self = g_task_get_source_object (task);
  Request        *r = g_task_get_task_data (task);

  if (r->body != NULL)
    soup_message_set_request_body_from_bytes (
      msg,
      r->content_type ? r->content_type : phoneset_active_uri_get_content_type (self->active_uri),
      r->body);
}

/* Whether @msg got a TCP connection to the phone (then a timeout means
 * the phone's web server hung, not that the phone is off). */
static gboolean
message_connected (SoupMessage *msg)
{
  return msg != NULL && (g_object_get_data (G_OBJECT (msg), "phoneset-connected") != NULL ||
                         soup_message_get_remote_address (msg) != NULL);
}

static GError *
map_io_error (PhonesetRemote *self,
              SoupMessage    *msg,
              GError         *error)
{
  g_autofree char *peer = phoneset_remote_dup_peer (self);

  g_debug ("%s: %s %d: %s", peer, g_quark_to_string (error->domain), error->code, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      if (message_connected (msg))
        return g_error_new (
          PHONESET_ERROR, PHONESET_ERROR_TIMEOUT,
          g_dngettext (
            GETTEXT_PACKAGE,
            "The phone at %s accepted the connection but sent no answer within %u second: "
            "it may be busy or its web server hung. Try again with a longer timeout, or "
            "restart the phone.",
            "The phone at %s accepted the connection but sent no answer within %u seconds: "
            "it may be busy or its web server hung. Try again with a longer timeout, or "
            "restart the phone.",
            self->timeout),
          peer, self->timeout);
      return g_error_new (
        PHONESET_ERROR, PHONESET_ERROR_TIMEOUT,
        g_dngettext (GETTEXT_PACKAGE,
                     "The phone at %s did not answer within %u second: check that it is on, that "
                     "this is its web address and port, and that no firewall is in the way.",
                     "The phone at %s did not answer within %u seconds: check that it is on, that "
                     "this is its web address and port, and that no firewall is in the way.",
                     self->timeout),
        peer, self->timeout);
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (
      PHONESET_ERROR, PHONESET_ERROR_UNREACHABLE,
      _("Could not reach the phone at %s (%s): nothing accepts connections on that port; check the "
                          "address, the port and that the phone's web server is on."),
        peer, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND) ||
      error->domain == G_RESOLVER_ERROR)
    return g_error_new (
      PHONESET_ERROR, PHONESET_ERROR_UNREACHABLE,
      _("Could not reach the phone at %s (%s): check the address, the port and that the phone's "
                          "web server is on."),
         peer, error->message);
  if (error->domain == SOUP_SESSION_ERROR)
    {
      GError *e = g_error_new (
        PHONESET_ERROR, PHONESET_ERROR_FAILED,
        _("The phone at %s answered with something that is not HTTP (%s): check that the port "
                                 "is the phone's web port (not SIP or another service), or restart the phone."),
           peer, error->message);

      phoneset_error_set_fault (e, PHONESET_FAULT_NOT_HTTP);
      return e;
    }
  if (error->domain == G_TLS_ERROR)
    return g_error_new (
      PHONESET_ERROR, PHONESET_ERROR_FAILED,
      _("The HTTPS connection to the phone at %s failed (%s): try plain HTTP, or check the "
                          "phone's web server settings."),
         peer, error->message);
  /* ECONNRESET: GLib gives CONNECTION_CLOSED (or FAILED on older GLib);
   * the errno's text is the sure sign. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
      strstr (error->message, g_strerror (ECONNRESET)) != NULL)
    {
      GError *e = g_error_new (
        PHONESET_ERROR, PHONESET_ERROR_FAILED,
        _("The phone at %s reset the connection instead of answering: its web server may be "
                                 "restarting or may have crashed. Wait a minute and try again, or restart the phone."),
           peer);

      phoneset_error_set_fault (e, PHONESET_FAULT_RESET);
      return e;
    }
  return g_error_new (
    PHONESET_ERROR, PHONESET_ERROR_FAILED,
    _("The phone at %s closed the connection without an answer (%s): try again, or restart the "
                        "phone."),
       peer, error->message);
}

static GError *
map_status (PhonesetRemote *self,
            SoupMessage    *msg,
            GBytes         *body)
{
  g_autofree char *peer = phoneset_remote_dup_peer (self);
  guint            status = soup_message_get_status (msg);
  const char      *hint = SOUP_STATUS_IS_SUCCESSFUL (status)
                            ? NULL
                            : phoneset_active_uri_get_status_hint (self->active_uri, status);

  /* What the answer means on this phone, in its own terms, from its
   * profile (a push user to set, a push that is switched off). */
  if (hint != NULL)
    {
      const char *reason = soup_message_get_reason_phrase (msg);
      GError     *e;

      if (status == SOUP_STATUS_UNAUTHORIZED)
        return self->password == NULL || self->user == NULL
          ? g_error_new (
              PHONESET_ERROR, PHONESET_ERROR_AUTH,
              _("The phone at %s asks for a user name and password (“%u %s”): %s"), peer, status,
                 reason ? reason : "", hint)
              : g_error_new (PHONESET_ERROR, PHONESET_ERROR_AUTH,
                             _("The phone at %s did not take the user name “%s” and its password "
                                "(“%u %s”): %s"),
                                peer, self->user, status, reason ? reason : "", hint);
      e = g_error_new (PHONESET_ERROR,
                       status == SOUP_STATUS_FORBIDDEN   ? PHONESET_ERROR_FORBIDDEN
                       : status == SOUP_STATUS_NOT_FOUND ? PHONESET_ERROR_UNSUPPORTED
                                                         : PHONESET_ERROR_FAILED,
                       _("The phone at %s answered “%u %s”: %s"), peer, status,
                          reason ? reason : "", hint);
      if (status >= 500)
        phoneset_error_set_fault (e, PHONESET_FAULT_SERVER_ERROR);
      return e;
    }
  if (status == SOUP_STATUS_UNAUTHORIZED)
    return g_error_new (
      PHONESET_ERROR, PHONESET_ERROR_AUTH,
      self->password == NULL || self->user == NULL
      ? _("The phone at %s asks for its web admin password: give the user and the password.")
      : _("Wrong user name or password for the phone's web admin at %s: check the user (“%s”) and the password."),
           peer, self->user);
  if (status == SOUP_STATUS_FORBIDDEN)
    {
      const char *setting = phoneset_active_uri_get_allowed_ip_setting (self->active_uri);
      const char *menu = phoneset_active_uri_get_allowed_ip_menu (self->active_uri);

      return g_error_new (
        PHONESET_ERROR, PHONESET_ERROR_FORBIDDEN,
        _("The phone at %s refused this computer (%s): it is not in the phone's Active URI allowed "
                            "list. Add it to the setting active_uri.allowed_ip (%s; on the phone's web page: %s)."),
          peer, self->local_address ? self->local_address : "?", setting ? setting : "?",
          menu ? menu : "?");
    }
  if (status == SOUP_STATUS_NOT_FOUND)
    return g_error_new (
      PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
      _("The phone at %s has no Active URI at %s: check the vendor, and that Active URI is "
                          "enabled on the phone."),
         peer, phoneset_active_uri_get_path (self->active_uri));
  if (status >= 500 && status < 600)
    {
      GError *e = g_error_new (
        PHONESET_ERROR, PHONESET_ERROR_FAILED,
        _("The phone at %s answered “%u %s”: its web server failed on this request. Try again; "
                                 "if it keeps failing, restart the phone."),
           peer, status,
           soup_message_get_reason_phrase (msg) ? soup_message_get_reason_phrase (msg) : "");

      phoneset_error_set_fault (e, PHONESET_FAULT_SERVER_ERROR);
      return e;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    return g_error_new (
      PHONESET_ERROR, PHONESET_ERROR_FAILED,
      _("The phone at %s answered “%u %s”: try again, or restart the phone."), peer, status,
         soup_message_get_reason_phrase (msg) ? soup_message_get_reason_phrase (msg) : "");
  if (body != NULL && phoneset_active_uri_has_prompt (self->active_uri))
    {
      g_autofree char *text =
        g_ascii_strdown (g_bytes_get_data (body, NULL) ? g_bytes_get_data (body, NULL) : "",
                         g_bytes_get_size (body));

      /* How a phone says the prompt is up is [U]: the simulator's wording. */
      if (strstr (text, "allow remote control") != NULL)
        return g_error_new (
          PHONESET_ERROR, PHONESET_ERROR_FORBIDDEN,
          _("The phone at %s asks “Allow remote control?”: confirm Allow remote control on the "
                              "phone's screen (press OK), then send the keys again."),
             peer);
    }
  return NULL;
}

static void
request_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PhonesetRemote *self = g_task_get_source_object (task);
  Request        *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body =
               soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  GError *mapped;

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (r->pin_error != NULL)
        g_task_return_error (task, g_steal_pointer (&r->pin_error));
      else
        g_task_return_error (task, map_io_error (self, r->msg, error));
      return;
    }
  if (self->https && r->pin_error == NULL)
    {
      /* A certificate the system trusts skipped accept-certificate: pin it too. */
      GTlsCertificate *cert = soup_message_get_tls_peer_certificate (r->msg);
      g_autofree char *peer = phoneset_remote_dup_peer (self);

      if (cert != NULL && !phoneset_cert_pins_check (self->pins, peer, cert, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  r->status = soup_message_get_status (r->msg);
  if (r->raw)
    {
      g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify)g_bytes_unref);
      return;
    }

  /* Older firmware answers on a legacy path (Yealink /cgi-bin/ConfigManApp.com). */
  if (soup_message_get_status (r->msg) == SOUP_STATUS_NOT_FOUND)
    {
      const char        *main_path = phoneset_active_uri_get_path (self->active_uri);
      const char *const *paths = phoneset_active_uri_get_legacy_paths (self->active_uri);

      if ((g_str_has_prefix (r->path, main_path) &&
           (r->path[strlen (main_path)] == '?' || r->path[strlen (main_path)] == '\0')) ||
          r->legacy_index > 0)
        {
          if (paths[r->legacy_index] != NULL)
            {
              const char *q = strchr (r->path, '?');
              char       *rest = g_strdup (q ? q : "");

              g_free (r->path);
              r->path = g_strconcat (paths[r->legacy_index], rest, NULL);
              g_free (rest);
              r->legacy_index++;
              /* Legacy paths after the first keep the same query. */
              send_request (g_steal_pointer (&task));
              return;
            }
        }
    }

  mapped = map_status (self, r->msg, body);
  if (mapped != NULL)
    g_task_return_error (task, mapped);
  else
    g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify)g_bytes_unref);
}

static void
send_request (GTask *task)
{
  PhonesetRemote  *self = g_task_get_source_object (task);
  Request         *r = g_task_get_task_data (task);
  g_autofree char *url = NULL;
  g_autofree char *peer = phoneset_remote_dup_peer (self);

  url = g_strdup_printf ("%s://%s%s", self->https ? "https" : "http", peer, r->path);
  g_clear_object (&r->msg);
  r->msg = soup_message_new (r->body != NULL ? "POST" : "GET", url);
  if (r->msg == NULL)
    {
      g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                               _("“%s” is not a usable phone address."), peer);
      g_object_unref (task);
      return;
    }
  if (r->body != NULL)
    {
      soup_message_set_request_body_from_bytes (
        r->msg,
        r->content_type ? r->content_type : phoneset_active_uri_get_content_type (self->active_uri),
        r->body);
      g_signal_connect (r->msg, "restarted", G_CALLBACK (restarted_cb), task);
    }
  /* The Active URI commands are not to be retried or cached. */
  soup_message_set_flags (r->msg, SOUP_MESSAGE_NO_REDIRECT | SOUP_MESSAGE_IDEMPOTENT);
  g_signal_connect (r->msg, "authenticate", G_CALLBACK (authenticate_cb), self);
  g_signal_connect (r->msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), task);
  g_signal_connect (r->msg, "network-event", G_CALLBACK (network_event_cb), self);
  soup_session_send_and_read_async (get_session (self), r->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), request_cb, task);
}

/**
 * phoneset_remote_request_async:
 * @path_and_query: e.g. "/servlet?key=OK"
 *
 * Sends one GET to the phone. 401, 403, 404, other failures, the
 * "Allow remote control?" prompt, timeouts and unreachable phones end in a
 * %PHONESET_ERROR that says what to do.
 */
static void
start_request (PhonesetRemote      *self,
               const char          *path_and_query,
               GBytes              *body,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask   *task;
  Request *r;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_remote_request_async);
  r = g_new0 (Request, 1);
  r->path = g_strdup (path_and_query);
  r->body = body != NULL ? g_bytes_ref (body) : NULL;
  g_task_set_task_data (task, r, (GDestroyNotify)request_free);
  send_request (task);
}

void
phoneset_remote_request_async (PhonesetRemote      *self,
                               const char          *path_and_query,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (PHONESET_IS_REMOTE (self));
  g_return_if_fail (path_and_query != NULL && path_and_query[0] == '/');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  start_request (self, path_and_query, NULL, cancellable, callback, user_data);
}

/**
 * phoneset_remote_request_finish:
 *
 * Returns: (transfer full): the answer's body, or %NULL
 */
GBytes *
phoneset_remote_request_finish (PhonesetRemote  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * phoneset_remote_post_async:
 * @path: e.g. "/api/v1/mgmt/config/set"
 * @content_type: the body's media type
 * @body: the body
 *
 * Sends one POST to another of the phone's interfaces (its REST API) with
 * the same connection, credentials and certificate pins. Only failures to
 * get an answer are errors: the answer, whatever its status, is the
 * caller's to read (phoneset_remote_post_finish()).
 */
void
phoneset_remote_post_async (PhonesetRemote      *self,
                            const char          *path,
                            const char          *content_type,
                            GBytes              *body,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask   *task;
  Request *r;

  g_return_if_fail (PHONESET_IS_REMOTE (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (content_type != NULL && body != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_remote_post_async);
  r = g_new0 (Request, 1);
  r->path = g_strdup (path);
  r->body = g_bytes_ref (body);
  r->content_type = g_strdup (content_type);
  r->raw = TRUE;
  g_task_set_task_data (task, r, (GDestroyNotify)request_free);
  send_request (task);
}

/**
 * phoneset_remote_post_finish:
 * @status: (out): the answer's HTTP status
 *
 * Returns: (transfer full): the answer's body, or %NULL when there was no
 *   answer
 */
GBytes *
phoneset_remote_post_finish (PhonesetRemote  *self,
                             GAsyncResult    *result,
                             guint           *status,
                             GError         **error)
{
  Request *r;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  r = g_task_get_task_data (G_TASK (result));
  if (status != NULL)
    *status = r->status;
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GPtrArray *requests;
  guint      next;
} Keys;

static void
keys_free (Keys *k)
{
  g_ptr_array_unref (k->requests);
  g_free (k);
}

static void keys_next (GTask *task);

static void
keys_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body =
               phoneset_remote_request_finish (PHONESET_REMOTE (source), result, &error);

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  keys_next (g_steal_pointer (&task));
}

static void
keys_next (GTask *task)
{
  PhonesetRemote *self = g_task_get_source_object (task);
  Keys           *k = g_task_get_task_data (task);

  if (k->next >= k->requests->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (phoneset_active_uri_uses_post (self->active_uri))
    {
      /* The request is a POST's body (phoneset_active_uri_build_requests()). */
      const char *text = k->requests->pdata[k->next++];
      g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

      start_request (self, phoneset_active_uri_get_path (self->active_uri), body,
                     g_task_get_cancellable (task), keys_cb, task);
      return;
    }
  phoneset_remote_request_async (self, k->requests->pdata[k->next++], g_task_get_cancellable (task),
                                 keys_cb, task);
}

/**
 * phoneset_remote_send_keys_async:
 * @keys: (array zero-terminated=1): keys of the neutral vocabulary
 *
 * Presses @keys on the phone, chained as the vendor chains them: in a GET's
 * query, or as the body of a POST where the profile says so.
 */
void
phoneset_remote_send_keys_async (PhonesetRemote      *self,
                                 const char *const   *keys,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  Keys  *k;
  g_autoptr(GError) error = NULL;
  GPtrArray *requests;

  g_return_if_fail (PHONESET_IS_REMOTE (self));
  g_return_if_fail (keys != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_remote_send_keys_async);
  requests = phoneset_active_uri_build_requests (self->active_uri, keys, &error);
  if (requests == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  k = g_new0 (Keys, 1);
  k->requests = requests;
  g_task_set_task_data (task, k, (GDestroyNotify)keys_free);
  keys_next (task);
}

gboolean
phoneset_remote_send_keys_finish (PhonesetRemote  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
status_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body =
               phoneset_remote_request_finish (PHONESET_REMOTE (source), result, &error);
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_task_return_new_error (
        task, PHONESET_ERROR, PHONESET_ERROR_PARSE,
        _("The phone's status answer is not text: it cannot be read back."));
      return;
    }
  /* The reply's format is [U]: `name=value` lines (or `&`-separated). */
  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_strdelimit (text, "\r&", '\n');
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strchr (lines[i], '=');

      if (eq != NULL && eq != lines[i])
        g_hash_table_insert (values, g_strstrip (g_strndup (lines[i], eq - lines[i])),
                             g_strstrip (g_strdup (eq + 1)));
    }
  g_task_return_pointer (task, g_steal_pointer (&values), (GDestroyNotify)g_hash_table_unref);
}

/**
 * phoneset_remote_read_status_async:
 *
 * Reads the phone's status where the vendor allows it (Yealink
 * `phonecfg=get`: firmware, registration, DND).
 */
void
phoneset_remote_read_status_async (PhonesetRemote      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char      *query;
  g_autofree char *path = NULL;

  g_return_if_fail (PHONESET_IS_REMOTE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_remote_read_status_async);
  query = phoneset_active_uri_get_status_query (self->active_uri);
  if (query == NULL)
    {
      g_task_return_new_error (
        task, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
        _("This phone has no documented way to read its status over HTTP."));
      return;
    }
  path = g_strdup_printf ("%s?%s", phoneset_active_uri_get_path (self->active_uri), query);
  phoneset_remote_request_async (self, path, cancellable, status_cb, g_steal_pointer (&task));
}

/**
 * phoneset_remote_read_status_finish:
 *
 * Returns: (transfer full): name → value
 */
GHashTable *
phoneset_remote_read_status_finish (PhonesetRemote  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * phoneset_local_address_for:
 * @ip: an IP address
 *
 * Finds this computer's address on the interface that reaches @ip (a
 * connected UDP socket: the kernel picks the route; nothing is sent).
 *
 * Returns: (transfer full): the local address, or %NULL
 */
char *
phoneset_local_address_for (const char  *ip,
                            GError     **error)
{
  g_autoptr(GInetAddress) remote = g_inet_address_new_from_string (ip);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) to = NULL;
  g_autoptr(GSocketAddress) local = NULL;

  g_return_val_if_fail (ip != NULL, NULL);

  if (remote == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("“%s” is not an IP address."), ip);
      return NULL;
    }
  socket = g_socket_new (g_inet_address_get_family (remote), G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, error);
  if (socket == NULL)
    return NULL;
  to = g_inet_socket_address_new (remote, 9);
  if (!g_socket_connect (socket, to, NULL, error) ||
      (local = g_socket_get_local_address (socket, error)) == NULL)
    {
      g_prefix_error (error, _("No route to %s: "), ip);
      if (error != NULL && *error != NULL)
        (*error)->domain = PHONESET_ERROR, (*error)->code = PHONESET_ERROR_UNREACHABLE;
      return NULL;
    }
  return g_inet_address_to_string (
    g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)));
}
