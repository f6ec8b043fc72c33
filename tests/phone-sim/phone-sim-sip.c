/* phone-sim-sip.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulated phone's SIP side (UDP): OPTIONS answers, NOTIFY check-sync,
 * and the SIP PnP SUBSCRIBE / NOTIFY of seed 003 §2.2.1 and vendors.md §5.
 */

#define G_LOG_DOMAIN "phone-sim"

#include "config.h"

#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "phone-sim.h"

typedef struct
{
  char      *start;  /* request or status line */
  GPtrArray *names;  /* header names, as sent */
  GPtrArray *values; /* header values */
  char      *body;
} SipMessage;

static void
sip_message_free (SipMessage *m)
{
  g_free (m->start);
  g_ptr_array_unref (m->names);
  g_ptr_array_unref (m->values);
  g_free (m->body);
  g_free (m);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SipMessage, sip_message_free)

static const char *
compact_name (const char *name)
{
  static const char *map[][2] = {
    { "v", "Via" },     { "f", "From" },           { "t", "To" },           { "i", "Call-ID" },
    { "m", "Contact" }, { "l", "Content-Length" }, { "c", "Content-Type" }, { "o", "Event" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (name, map[i][0]) == 0)
      return map[i][1];
  return name;
}

static SipMessage *
sip_parse (const char *data,
           gsize       len)
{
  g_autoptr(SipMessage) m = g_new0 (SipMessage, 1);
  g_autofree char *text = g_strndup (data, len);
  char            *body = strstr (text, "\r\n\r\n");
  g_auto(GStrv) lines = NULL;

  m->names = g_ptr_array_new_with_free_func (g_free);
  m->values = g_ptr_array_new_with_free_func (g_free);
  if (body == NULL)
    return NULL;
  *body = '\0';
  m->body = g_strdup (body + 4);
  lines = g_strsplit (text, "\r\n", -1);
  if (lines[0] == NULL || !strstr (lines[0], "SIP/2.0"))
    return NULL;
  m->start = g_strdup (lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char      *colon = strchr (lines[i], ':');
      g_autofree char *name = NULL;

      if (colon == NULL)
        return NULL;
      name = g_strstrip (g_strndup (lines[i], colon - lines[i]));
      g_ptr_array_add (m->names, g_strdup (compact_name (name)));
      g_ptr_array_add (m->values, g_strstrip (g_strdup (colon + 1)));
    }
  return g_steal_pointer (&m);
}

static const char *
sip_header (SipMessage *m,
            const char *name)
{
  for (guint i = 0; i < m->names->len; i++)
    if (g_ascii_strcasecmp (m->names->pdata[i], name) == 0)
      return m->values->pdata[i];
  return NULL;
}

static void
sip_send (const char     *text,
          gsize           len,
          GSocketAddress *to)
{
  g_autoptr(GError) error = NULL;

  if (g_socket_send_to (sim.sip_socket, to, text, len, NULL, &error) < 0)
    g_warning ("SIP send: %s", error->message);
}

static char *
address_string (GSocketAddress *address,
                guint16        *port)
{
  GInetAddress *inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));

  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
  return g_inet_address_to_string (inet);
}

static void
sip_respond (SipMessage     *req,
             int             code,
             const char     *reason,
             GSocketAddress *from)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *ua = sim_sip_user_agent ();
  g_autofree char *ip = NULL;
  guint16          port = 0;
  gboolean         first_via = TRUE;

  ip = address_string (from, &port);
  g_string_append_printf (s, "SIP/2.0 %d %s\r\n", code, reason);
  for (guint i = 0; i < req->names->len; i++)
    {
      const char *name = req->names->pdata[i];
      const char *value = req->values->pdata[i];

      if (g_ascii_strcasecmp (name, "Via") == 0)
        {
          g_autoptr(GString) via = g_string_new (value);

          /* RFC 3581: fill in rport and received on the top Via. */
          if (first_via)
            {
              char *rport = strstr (via->str, ";rport");

              if (rport != NULL && (rport[6] == '\0' || rport[6] == ';'))
                {
                  g_autofree char *value_text = g_strdup_printf ("=%u", port);

                  g_string_insert (via, rport - via->str + 6, value_text);
                }
              g_string_append_printf (via, ";received=%s", ip);
              first_via = FALSE;
            }
          g_string_append_printf (s, "Via: %s\r\n", via->str);
        }
      else if (g_ascii_strcasecmp (name, "From") == 0 ||
               g_ascii_strcasecmp (name, "Call-ID") == 0 || g_ascii_strcasecmp (name, "CSeq") == 0)
        g_string_append_printf (s, "%s: %s\r\n", name, value);
      else if (g_ascii_strcasecmp (name, "To") == 0)
        {
          if (strstr (value, ";tag=") == NULL)
            g_string_append_printf (s, "To: %s;tag=%08x\r\n", value, g_random_int ());
          else
            g_string_append_printf (s, "To: %s\r\n", value);
        }
    }
  g_string_append_printf (s, "Contact: <sip:%s:%u>\r\n", sim.address, sim.sip_port);
  g_string_append_printf (s, "User-Agent: %s\r\n", ua);
  if (code == 200 && g_str_has_prefix (req->start, "OPTIONS"))
    {
      g_string_append (s, "Allow: INVITE, INFO, PRACK, ACK, BYE, CANCEL, OPTIONS, NOTIFY, "
                          "REGISTER, SUBSCRIBE, REFER, PUBLISH, UPDATE, MESSAGE\r\n");
      g_string_append (s, "Accept: application/sdp\r\n");
      g_string_append (s, "Accept-Language: en\r\n");
    }
  g_string_append (s, "Content-Length: 0\r\n\r\n");
  sip_send (s->str, s->len, from);
}

static void
log_sip (const char     *what,
         SipMessage     *m,
         GSocketAddress *from)
{
  JsonObject      *entry = json_object_new ();
  guint16          port = 0;
  g_autofree char *ip = address_string (from, &port);
  g_autofree char *peer = g_strdup_printf ("%s:%u", ip, port);

  json_object_set_string_member (entry, "what", what);
  json_object_set_string_member (entry, "peer", peer);
  if (m != NULL)
    {
      json_object_set_string_member (entry, "start", m->start);
      if (sip_header (m, "Event") != NULL)
        json_object_set_string_member (entry, "event", sip_header (m, "Event"));
    }
  sim_log_json (sim.sip_log, entry);
}

static void
reboot_cb (gpointer user_data)
{
  sim_boot ();
}

static void
handle_notify (SipMessage     *m,
               GSocketAddress *from)
{
  const char *event = sip_header (m, "Event");

  if (event == NULL)
    {
      sip_respond (m, 489, "Bad Event", from);
      return;
    }
  if (g_ascii_strncasecmp (event, "check-sync", 10) == 0)
    {
      /* Yealink [V] Y-CP860-PNP, snom [T] WAZO-S, Fanvil [T] WAZO-F: resync,
       * or reboot when reboot=true. Whom the phone trusts for this
       * (Yealink sip.trust_ctrl) is not simulated [U]. */
      sip_respond (m, 200, "OK", from);
      if (strstr (event, "reboot=true") != NULL)
        g_timeout_add_once (100, reboot_cb, NULL);
      else
        sim_provision (sim.provisioning_url, "check-sync");
      return;
    }
  if (g_ascii_strncasecmp (event, "ua-profile", 10) == 0)
    {
      g_autofree char *url = g_strstrip (g_strdup (m->body ? m->body : ""));
      char            *eol = strpbrk (url, "\r\n");

      sip_respond (m, 200, "OK", from);
      if (eol != NULL)
        *eol = '\0';
      if (sim.pnp_answered || *url == '\0')
        return;
      /* Seed 003 §2.2.1: the body is the provisioning URL. */
      sim.pnp_answered = TRUE;
      g_clear_handle_id (&sim.pnp_source, g_source_remove);
      g_free (sim.provisioning_url);
      sim.provisioning_url = g_strdup (url);
      sim_provision (url, "pnp");
      return;
    }
  sip_respond (m, 489, "Bad Event", from);
}

static gboolean
sip_readable_cb (GSocket      *socket,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  char buf[8192];
  g_autoptr(GSocketAddress) from = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SipMessage) m = NULL;
  gssize n;

  n = g_socket_receive_from (socket, &from, buf, sizeof buf - 1, NULL, &error);
  if (n <= 0 || from == NULL)
    return G_SOURCE_CONTINUE;
  buf[n] = '\0';

  m = sip_parse (buf, n);
  if (m == NULL)
    {
      log_sip ("unparsable", NULL, from);
      return G_SOURCE_CONTINUE;
    }
  if (g_str_has_prefix (m->start, "SIP/2.0"))
    {
      /* A response, e.g. 200 OK to the PnP SUBSCRIBE. */
      log_sip ("response", m, from);
      return G_SOURCE_CONTINUE;
    }
  log_sip ("request", m, from);
  if (g_str_has_prefix (m->start, "OPTIONS "))
    {
      if (sim.garbage)
        {
          static const char garbage[] = "\x16\x03\x01 NOT SIP \xff\xfe\r\n\r\nSIP/2.0 999 ???\r\n";

          sip_send (garbage, sizeof garbage - 1, from);
        }
      else
        sip_respond (m, 200, "OK", from);
    }
  else if (g_str_has_prefix (m->start, "NOTIFY "))
    handle_notify (m, from);
  else if (g_str_has_prefix (m->start, "ACK "))
    ;
  else
    sip_respond (m, 501, "Not Implemented", from);
  return G_SOURCE_CONTINUE;
}

/* The From/To URI of the PnP SUBSCRIBE: PLANET/Fanvil `sip:MAC=<mac>@224.0.1.75`
 * [V] seed 003 §2.2.1; snom `sip:MAC%3a<MAC>@<domain>` [V] SNOM-PNP; Yealink
 * assumed like snom [U]. */
static char *
pnp_uri (void)
{
  if (sim.vendor == SIM_VENDOR_FANVIL)
    return g_strdup_printf ("sip:MAC=%s@224.0.1.75", sim.mac_bare);
  else
    {
      g_autofree char *upper = g_ascii_strup (sim.mac_bare, -1);

      return g_strdup_printf ("sip:MAC%%3a%s@224.0.1.75", upper);
    }
}

static gboolean
pnp_retry_cb (gpointer user_data)
{
  sim.pnp_source = 0;
  if (!sim.pnp_answered)
    sim_sip_send_pnp_subscribe ();
  return G_SOURCE_REMOVE;
}

/* Sends one PnP SUBSCRIBE and schedules the next, up to --pnp-tries. */
void
sim_sip_send_pnp_subscribe (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *uri = pnp_uri ();
  g_autofree char *ua = NULL;
  g_autofree char *host = NULL;
  g_autoptr(GSocketAddress) to = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  const char *colon;
  guint16     port = 5060;

  if (sim.pnp_answered || sim.pnp_sent >= sim.pnp_tries)
    return;
  colon = strrchr (sim.pnp_target, ':');
  host = colon ? g_strndup (sim.pnp_target, colon - sim.pnp_target) : g_strdup (sim.pnp_target);
  if (colon != NULL)
    port = atoi (colon + 1);
  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_warning ("bad --pnp-target %s", sim.pnp_target);
      return;
    }
  to = g_inet_socket_address_new (inet, port);

  if (sim.pnp_call_id == NULL)
    sim.pnp_call_id =
      g_strdup_printf ("%08x%08x@%s", g_random_int (), g_random_int (), sim.address);
  /* PLANET's SUBSCRIBE (seed 003 §2.2.1) carries a bare User-Agent
   * "PLANET VIP-2140PT" and no tag; the others send their full one. */
  if (sim.vendor == SIM_VENDOR_FANVIL)
    ua = g_strdup_printf ("%s %s", sim.brand, sim.model);
  else
    ua = sim_sip_user_agent ();
  g_string_append_printf (s, "SUBSCRIBE %s SIP/2.0\r\n", uri);
  g_string_append_printf (s, "Via: SIP/2.0/UDP %s:%u;branch=z9hG4bK%u%u;rport\r\n", sim.address,
                          sim.sip_port, g_random_int (), sim.pnp_sent);
  if (sim.vendor == SIM_VENDOR_FANVIL)
    g_string_append_printf (s, "From: <%s>\r\n", uri);
  else
    g_string_append_printf (s, "From: <%s>;tag=%08x\r\n", uri, g_str_hash (sim.pnp_call_id));
  g_string_append_printf (s, "To: <%s>\r\n", uri);
  g_string_append_printf (s, "Call-ID: %s\r\n", sim.pnp_call_id);
  g_string_append_printf (s, "CSeq: %d SUBSCRIBE\r\n", sim.pnp_sent + 1);
  g_string_append_printf (s, "Contact: <sip:%s:%u>\r\n", sim.address, sim.sip_port);
  g_string_append (s, "Max-Forwards: 70\r\n");
  g_string_append_printf (s, "User-Agent: %s\r\n", ua);
  g_string_append (s, "Expires: 0\r\n");
  g_string_append_printf (
    s, "Event: ua-profile;profile-type=\"device\";vendor=\"%s\";model=\"%s\";version=\"%s\"\r\n",
    sim.brand, sim.model, sim.firmware);
  g_string_append (s, "Accept: application/url\r\n");
  g_string_append (s, "Content-Length: 0\r\n\r\n");
  sip_send (s->str, s->len, to);
  sim.pnp_sent++;
  g_message ("PnP SUBSCRIBE %d/%d to %s", sim.pnp_sent, sim.pnp_tries, sim.pnp_target);
  if (sim.pnp_sent < sim.pnp_tries)
    sim.pnp_source = g_timeout_add (sim.pnp_interval_ms, pnp_retry_cb, NULL);
}

gboolean
sim_sip_start (GError **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (sim.address);
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSource) source = NULL;
  struct in_addr ifaddr;

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address",
                   sim.address);
      return FALSE;
    }
  sim.sip_socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_DATAGRAM,
                                 G_SOCKET_PROTOCOL_UDP, error);
  if (sim.sip_socket == NULL)
    return FALSE;
  address = g_inet_socket_address_new (inet, sim.sip_port);
  if (!g_socket_bind (sim.sip_socket, address, FALSE, error))
    return FALSE;
  bound = g_socket_get_local_address (sim.sip_socket, error);
  if (bound == NULL)
    return FALSE;
  sim.sip_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  /* Multicast (the PnP SUBSCRIBE) leaves through the interface with our
   * address; loop it back so a responder on this host hears it too. */
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV4)
    {
      memcpy (&ifaddr, g_inet_address_to_bytes (inet), sizeof ifaddr);
      setsockopt (g_socket_get_fd (sim.sip_socket), IPPROTO_IP, IP_MULTICAST_IF, &ifaddr,
                  sizeof ifaddr);
    }
  g_socket_set_multicast_loopback (sim.sip_socket, TRUE);
  g_socket_set_multicast_ttl (sim.sip_socket, 1);

  source = g_socket_create_source (sim.sip_socket, G_IO_IN, NULL);
  g_source_set_callback (source, (GSourceFunc)(GCallback)sip_readable_cb, NULL, NULL);
  g_source_attach (source, NULL);
  return TRUE;
}
