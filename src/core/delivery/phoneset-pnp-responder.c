/* phoneset-pnp-responder.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SIP PnP responder (seed 003 §2.2.1, vendors.md §5): listens on UDP
 * (5060 by default) with the multicast group 224.0.1.75 joined on the
 * interface that reaches the phones, and answers a phone's
 *   SUBSCRIBE ... Event: ua-profile;profile-type="device";vendor=...
 * with 200 OK (Expires: 0), then a NOTIFY to its Contact carrying the
 * provisioning URL (Content-Type: application/url,
 * Subscription-State: terminated;reason=timeout). The NOTIFY is resent
 * (0.5, 1, 2 s) until the phone answers it.
 *
 * Signals: "subscribed" (mac, address, vendor, model, url-or-NULL) when a
 * SUBSCRIBE arrives, "answered" (mac, address, url, status) when the phone
 * answers the NOTIFY (status 0: it never did).
 */

#define G_LOG_DOMAIN "phoneset-pnp"

#include "config.h"

#include <glib/gi18n.h>
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "phoneset-error.h"
#include "phoneset-mac.h"
#include "phoneset-pnp-responder.h"
#include "phoneset-sip-message.h"

struct _PhonesetPnpResponder
{
  GObject            parent_instance;

  char              *interface_address;
  guint16            port;
  PhonesetPnpUrlFunc func;
  gpointer           user_data;
  GDestroyNotify     destroy;
  GSocket           *socket;
  GSource           *source;
  GHashTable        *pending;        /* Call-ID → Notify */
  gboolean           only_interface; /* drop datagrams sent to another address of this computer */
  struct in_addr     interface_in;
  guint              n_dropped;
};

G_DEFINE_FINAL_TYPE (PhonesetPnpResponder, phoneset_pnp_responder, G_TYPE_OBJECT)

enum
{
  SUBSCRIBED,
  ANSWERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  PhonesetPnpResponder *self;
  char                 *call_id;
  char                 *text;
  GSocketAddress       *to;
  char                 *mac;
  char                 *address;
  char                 *url;
  guint                 tries;
  guint                 timer;
} Notify;

static void
notify_free (Notify *n)
{
  g_clear_handle_id (&n->timer, g_source_remove);
  g_free (n->call_id);
  g_free (n->text);
  g_clear_object (&n->to);
  g_free (n->mac);
  g_free (n->address);
  g_free (n->url);
  g_free (n);
}

static void
phoneset_pnp_responder_dispose (GObject *object)
{
  PhonesetPnpResponder *self = (PhonesetPnpResponder *)object;

  if (self->source != NULL)
    g_source_destroy (self->source);
  g_clear_pointer (&self->source, g_source_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  if (self->socket != NULL)
    g_socket_close (self->socket, NULL);
  g_clear_object (&self->socket);
  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->destroy = NULL;

  G_OBJECT_CLASS (phoneset_pnp_responder_parent_class)->dispose (object);
}

static void
phoneset_pnp_responder_finalize (GObject *object)
{
  PhonesetPnpResponder *self = (PhonesetPnpResponder *)object;

  g_free (self->interface_address);

  G_OBJECT_CLASS (phoneset_pnp_responder_parent_class)->finalize (object);
}

static void
phoneset_pnp_responder_class_init (PhonesetPnpResponderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_pnp_responder_dispose;
  object_class->finalize = phoneset_pnp_responder_finalize;

  signals[SUBSCRIBED] = g_signal_new ("subscribed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 5, G_TYPE_STRING,
                                      G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  signals[ANSWERED] =
    g_signal_new ("answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT);
}

static void
phoneset_pnp_responder_init (PhonesetPnpResponder *self)
{
  self->pending =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)notify_free);
}

/**
 * phoneset_pnp_responder_new:
 * @interface_address: (nullable): this computer's address on the phones'
 *   network (the multicast group is joined there), or %NULL for any
 * @port: the UDP port (5060; 0 for any free port, for tests)
 * @func: decides the URL for each phone
 *
 * Returns: (transfer full): a responder; call phoneset_pnp_responder_start()
 */
PhonesetPnpResponder *
phoneset_pnp_responder_new (const char         *interface_address,
                            guint16             port,
                            PhonesetPnpUrlFunc  func,
                            gpointer            user_data,
                            GDestroyNotify      destroy)
{
  PhonesetPnpResponder *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (PHONESET_TYPE_PNP_RESPONDER, NULL);
  self->interface_address = g_strdup (interface_address);
  self->port = port;
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  return self;
}

guint16
phoneset_pnp_responder_get_port (PhonesetPnpResponder *self)
{
  g_return_val_if_fail (PHONESET_IS_PNP_RESPONDER (self), 0);
  return self->port;
}

/**
 * phoneset_pnp_mac_from_uri:
 * @uri: the SUBSCRIBE's From/To/Request URI: `sip:MAC=00304fa99948@…`
 *   (PLANET), `sip:MAC%3a00135E874B49@…` (snom, Gigaset), `sip:MAC:…`
 *
 * Returns: (transfer full) (nullable): 12 lower-case hex digits
 */
char *
phoneset_pnp_mac_from_uri (const char *uri)
{
  const char      *p;
  guint8           mac[PHONESET_MAC_LEN];
  g_autofree char *candidate = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  p = strstr (uri, "MAC");
  if (p == NULL)
    p = strstr (uri, "mac");
  if (p == NULL)
    return NULL;
  p += 3;
  if (*p == '=' || *p == ':')
    p++;
  else if (g_ascii_strncasecmp (p, "%3a", 3) == 0)
    p += 3;
  else
    return NULL;
  candidate = g_strndup (p, strcspn (p, "@;>"));
  if (!phoneset_mac_parse (candidate, mac, NULL))
    return NULL;
  return phoneset_mac_format (mac, PHONESET_MAC_STYLE_BARE_LOWER);
}

static void
send_text (PhonesetPnpResponder *self,
           const char           *text,
           GSocketAddress       *to)
{
  g_autoptr(GError) error = NULL;

  if (g_socket_send_to (self->socket, to, text, strlen (text), NULL, &error) < 0)
    g_debug ("PnP send: %s", error->message);
}

static gboolean
resend_cb (gpointer user_data)
{
  Notify *n = user_data;

  n->timer = 0;
  if (n->tries >= 4)
    {
      g_autofree char *call_id = g_strdup (n->call_id);

      g_signal_emit (n->self, signals[ANSWERED], 0, n->mac, n->address, n->url, 0u);
      g_hash_table_remove (n->self->pending, call_id);
      return G_SOURCE_REMOVE;
    }
  send_text (n->self, n->text, n->to);
  n->timer = g_timeout_add (500u << n->tries, resend_cb, n);
  n->tries++;
  return G_SOURCE_REMOVE;
}

/* Where the NOTIFY goes: the Contact's host and port, else the source. */
static GSocketAddress *
contact_address (PhonesetSipMessage *m,
                 GSocketAddress     *from)
{
  const char      *contact = phoneset_sip_message_get_header (m, "Contact");
  g_autofree char *uri = contact ? phoneset_sip_header_get_uri (contact) : NULL;
  const char      *host;
  g_autofree char *hostport = NULL;
  char            *colon;
  g_autoptr(GInetAddress) inet = NULL;
  guint64 port = 5060;

  if (uri == NULL || !g_str_has_prefix (uri, "sip:"))
    return g_object_ref (from);
  host = strchr (uri, '@') ? strchr (uri, '@') + 1 : uri + 4;
  hostport = g_strndup (host, strcspn (host, ";>?"));
  colon = strrchr (hostport, ':');
  if (colon != NULL)
    {
      *colon = '\0';
      if (!g_ascii_string_to_unsigned (colon + 1, 10, 1, 65535, &port, NULL))
        return g_object_ref (from);
    }
  inet = g_inet_address_new_from_string (hostport);
  if (inet == NULL)
    return g_object_ref (from);
  return g_inet_socket_address_new (inet, port);
}

static char *
address_of (GSocketAddress *address)
{
  return g_inet_address_to_string (
    g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));
}

static void
append_copied (GString            *s,
               PhonesetSipMessage *m,
               const char         *name)
{
  for (guint i = 0; i < phoneset_sip_message_get_n_headers (m); i++)
    {
      const char *n, *v;

      phoneset_sip_message_get_nth_header (m, i, &n, &v);
      if (g_ascii_strcasecmp (n, name) == 0)
        g_string_append_printf (s, "%s: %s\r\n", name, v);
    }
}

static void
handle_subscribe (PhonesetPnpResponder *self,
                  PhonesetSipMessage   *m,
                  GSocketAddress       *from)
{
  const char      *event = phoneset_sip_message_get_header (m, "Event");
  const char      *from_header = phoneset_sip_message_get_header (m, "From");
  const char      *to_header = phoneset_sip_message_get_header (m, "To");
  const char      *call_id = phoneset_sip_message_get_header (m, "Call-ID");
  g_autofree char *from_uri = from_header ? phoneset_sip_header_get_uri (from_header) : NULL;
  g_autofree char *mac = NULL;
  g_autofree char *vendor = NULL;
  g_autofree char *model = NULL;
  g_autofree char *address = address_of (from);
  g_autofree char *url = NULL;
  g_autofree char *tag = g_strdup_printf ("%08x", g_random_int ());
  g_autoptr(GString) ok = g_string_new (NULL);
  g_autoptr(GString) notify = g_string_new (NULL);
  g_autofree char *request_uri = NULL;
  Notify          *n;

  if (event == NULL || g_ascii_strncasecmp (event, "ua-profile", 10) != 0 || from_header == NULL ||
      to_header == NULL)
    return;
  mac = from_uri ? phoneset_pnp_mac_from_uri (from_uri) : NULL;
  if (mac == NULL)
    mac = phoneset_pnp_mac_from_uri (phoneset_sip_message_get_uri (m));
  vendor = phoneset_sip_header_get_param (event, "vendor");
  model = phoneset_sip_header_get_param (event, "model");
  url = self->func (mac, address, vendor, model, self->user_data);
  g_signal_emit (self, signals[SUBSCRIBED], 0, mac, address, vendor, model, url);
  if (url == NULL || g_hash_table_contains (self->pending, call_id))
    return;

  /* 200 OK to the SUBSCRIBE, to where it came from (rport). */
  g_string_append (ok, "SIP/2.0 200 OK\r\n");
  append_copied (ok, m, "Via");
  g_string_append_printf (ok, "From: %s\r\n", from_header);
  g_string_append_printf (
    ok, "To: %s%s%s\r\n", to_header,
    strstr (to_header, ";tag=") ? "" : ";tag=", strstr (to_header, ";tag=") ? "" : tag);
  g_string_append_printf (ok, "Call-ID: %s\r\n", call_id);
  g_string_append_printf (ok, "CSeq: %s\r\n", phoneset_sip_message_get_header (m, "CSeq"));
  g_string_append (ok, "Expires: 0\r\n");
  g_string_append (ok, "User-Agent: Phoneset/" PACKAGE_VERSION "\r\n");
  g_string_append (ok, "Content-Length: 0\r\n\r\n");
  send_text (self, ok->str, from);

  /* NOTIFY with the URL, in the same dialog (seed 003 §2.2.1). */
  n = g_new0 (Notify, 1);
  n->self = self;
  n->to = contact_address (m, from);
  {
    g_autofree char *to_host = address_of (n->to);

    request_uri = g_strdup_printf ("sip:%s:%u", to_host,
                                   g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (n->to)));
  }
  g_string_append_printf (notify, "NOTIFY %s SIP/2.0\r\n", request_uri);
  g_string_append_printf (notify, "Via: SIP/2.0/UDP %s:%u;branch=z9hG4bK%08x%08x;rport\r\n",
                          self->interface_address ? self->interface_address : "0.0.0.0", self->port,
                          g_random_int (), g_random_int ());
  g_string_append (notify, "Max-Forwards: 70\r\n");
  g_string_append_printf (
    notify, "From: %s%s%s\r\n", to_header,
    strstr (to_header, ";tag=") ? "" : ";tag=", strstr (to_header, ";tag=") ? "" : tag);
  g_string_append_printf (notify, "To: %s\r\n", from_header);
  g_string_append_printf (notify, "Call-ID: %s\r\n", call_id);
  g_string_append (notify, "CSeq: 3 NOTIFY\r\n");
  g_string_append_printf (notify, "Event: %s\r\n", event);
  g_string_append (notify, "Subscription-State: terminated;reason=timeout\r\n");
  g_string_append (notify, "Content-Type: application/url\r\n");
  g_string_append (notify, "User-Agent: Phoneset/" PACKAGE_VERSION "\r\n");
  g_string_append_printf (notify, "Content-Length: %zu\r\n\r\n%s", strlen (url), url);

  n->call_id = g_strdup (call_id);
  n->text = g_string_free (g_steal_pointer (&notify), FALSE);
  n->mac = g_strdup (mac);
  n->address = g_strdup (address);
  n->url = g_strdup (url);
  g_hash_table_insert (self->pending, n->call_id, n);
  resend_cb (n);
}

static void
handle_response (PhonesetPnpResponder *self,
                 PhonesetSipMessage   *m)
{
  const char *call_id = phoneset_sip_message_get_header (m, "Call-ID");
  const char *cseq = phoneset_sip_message_get_header (m, "CSeq");
  Notify     *n = g_hash_table_lookup (self->pending, call_id);
  guint       status = phoneset_sip_message_get_status (m);

  if (n == NULL || cseq == NULL || strstr (cseq, "NOTIFY") == NULL || status < 200)
    return;
  g_signal_emit (self, signals[ANSWERED], 0, n->mac, n->address, n->url, status);
  g_hash_table_remove (self->pending, call_id);
}

static gboolean
readable_cb (GSocket      *socket,
             GIOCondition  condition,
             gpointer      user_data)
{
  PhonesetPnpResponder *self = user_data;
  char                  buf[PHONESET_SIP_MAX_MESSAGE + 1];
  g_autoptr(GSocketAddress) from = NULL;
  g_autoptr(PhonesetSipMessage) m = NULL;
  gssize len;

  if (self->only_interface)
    {
      /* The wildcard bind (for multicast) hears every address of this
       * computer: keep what was sent to the chosen one or to the group. */
      struct sockaddr_in peer = { 0 };
      char               control[CMSG_SPACE (sizeof (struct in_pktinfo))];
      struct iovec       iov = { buf, sizeof buf };
      struct msghdr      msg = { 0 };
      struct in_addr     group;
      gboolean           wanted = TRUE;

      msg.msg_name = &peer;
      msg.msg_namelen = sizeof peer;
      msg.msg_iov = &iov;
      msg.msg_iovlen = 1;
      msg.msg_control = control;
      msg.msg_controllen = sizeof control;
      len = recvmsg (g_socket_get_fd (socket), &msg, MSG_DONTWAIT);
      if (len <= 0 || peer.sin_family != AF_INET)
        return G_SOURCE_CONTINUE;
      inet_pton (AF_INET, PHONESET_PNP_GROUP, &group);
      for (struct cmsghdr *c = CMSG_FIRSTHDR (&msg); c != NULL; c = CMSG_NXTHDR (&msg, c))
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO)
          {
            struct in_pktinfo info;

            memcpy (&info, CMSG_DATA (c), sizeof info);
            wanted = info.ipi_addr.s_addr == self->interface_in.s_addr ||
                     info.ipi_addr.s_addr == group.s_addr;
          }
      if (!wanted)
        {
          self->n_dropped++;
          return G_SOURCE_CONTINUE;
        }
      from = g_socket_address_new_from_native (&peer, sizeof peer);
    }
  else
    len = g_socket_receive_from (socket, &from, buf, sizeof buf, NULL, NULL);
  if (len <= 0 || !G_IS_INET_SOCKET_ADDRESS (from))
    return G_SOURCE_CONTINUE;
  m = phoneset_sip_message_parse (buf, len, NULL);
  if (m == NULL)
    return G_SOURCE_CONTINUE;
  g_object_ref (self);
  if (!phoneset_sip_message_is_request (m))
    handle_response (self, m);
  else if (g_str_equal (phoneset_sip_message_get_method (m), "SUBSCRIBE"))
    handle_subscribe (self, m, from);
  g_object_unref (self);
  return G_SOURCE_CONTINUE;
}

/**
 * phoneset_pnp_responder_start:
 *
 * Binds the UDP port and joins 224.0.1.75 (on the interface given, then
 * taking only what is sent to its address or to the group; on every
 * interface otherwise).
 *
 * Returns: %TRUE if listening
 */
gboolean
phoneset_pnp_responder_start (PhonesetPnpResponder  *self,
                              GError               **error)
{
  g_autoptr(GInetAddress) any = g_inet_address_new_any (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) bind_address = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GError) local_error = NULL;
  struct ip_mreq mreq = { 0 };

  g_return_val_if_fail (PHONESET_IS_PNP_RESPONDER (self), FALSE);
  g_return_val_if_fail (self->socket == NULL, FALSE);

  self->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP,
                               &local_error);
  if (self->socket == NULL)
    goto failed;
  bind_address = g_inet_socket_address_new (any, self->port);
  /* Multicast needs the wildcard bind; SO_REUSEADDR lets another listener
   * (discovery's passive PnP listener) share the port. */
  if (!g_socket_bind (self->socket, bind_address, TRUE, &local_error))
    goto failed;
  local = g_socket_get_local_address (self->socket, &local_error);
  if (local == NULL)
    goto failed;
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  /* A site's phones boot together after a power cut: hundreds of
   * SUBSCRIBEs (and the 200 OKs to our NOTIFYs) in a burst overflowed the
   * default receive buffer (1-3 of 500 dropped on loopback,
   * tests/bench/fleet). The kernel caps this at net.core.rmem_max. */
  if (!g_socket_set_option (self->socket, SOL_SOCKET, SO_RCVBUF, 1024 * 1024, &local_error))
    {
      g_debug ("Could not enlarge the PnP receive buffer: %s", local_error->message);
      g_clear_error (&local_error);
    }

  inet_pton (AF_INET, PHONESET_PNP_GROUP, &mreq.imr_multiaddr);
  if (self->interface_address != NULL &&
      inet_pton (AF_INET, self->interface_address, &mreq.imr_interface) == 1)
    {
      int on = 1;

      self->interface_in = mreq.imr_interface;
      self->only_interface =
        setsockopt (g_socket_get_fd (self->socket), IPPROTO_IP, IP_PKTINFO, &on, sizeof on) == 0 &&
        mreq.imr_interface.s_addr != htonl (INADDR_ANY);
      if (setsockopt (g_socket_get_fd (self->socket), IPPROTO_IP, IP_ADD_MEMBERSHIP, &mreq,
                      sizeof mreq) != 0)
        g_debug ("Could not join %s on %s: the responder hears unicast only", PHONESET_PNP_GROUP,
                 self->interface_address);
    }
  else
    {
      struct ifaddrs *addrs = NULL;

      /* No interface given: join on every IPv4 interface. */
      if (getifaddrs (&addrs) == 0)
        {
          for (struct ifaddrs *a = addrs; a != NULL; a = a->ifa_next)
            {
              if (a->ifa_addr == NULL || a->ifa_addr->sa_family != AF_INET ||
                  !(a->ifa_flags & IFF_UP))
                continue;
              mreq.imr_interface = ((struct sockaddr_in *)a->ifa_addr)->sin_addr;
              if (setsockopt (g_socket_get_fd (self->socket), IPPROTO_IP, IP_ADD_MEMBERSHIP, &mreq,
                              sizeof mreq) != 0)
                g_debug ("Could not join %s on %s", PHONESET_PNP_GROUP, a->ifa_name);
            }
          freeifaddrs (addrs);
        }
    }

  self->source = g_socket_create_source (self->socket, G_IO_IN, NULL);
  g_source_set_callback (self->source, (GSourceFunc)(GCallback)readable_cb, self, NULL);
  g_source_attach (self->source, g_main_context_get_thread_default ());
  return TRUE;

failed:
  g_set_error (
    error, PHONESET_ERROR, PHONESET_ERROR_FAILED,
    _("Could not listen for SIP PnP on UDP port %u (%s): is another SIP program using it?"),
       self->port, local_error->message);
  g_clear_object (&self->socket);
  return FALSE;
}
