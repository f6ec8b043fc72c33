/* test-discovery.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "phoneset-catalog.h"
#include "phoneset-discovery.h"
#include "phoneset-error.h"
#include "phoneset-phone.h"
#include "phoneset-sip-message.h"
#include "phoneset-core-test-private.h"

/* A small network on loopback: fake SIP phones on 127.0.0.9–14, a web
 * interface on 127.0.0.13, a neighbour table file, and a PnP SUBSCRIBE sent
 * to the listener on 127.0.0.1. */

typedef enum
{
  REPLY_GOOD,
  REPLY_GARBAGE_THEN_GOOD,
  REPLY_WRONG_TAG,
  REPLY_OTHER_SOURCE,
} ReplyMode;

typedef struct
{
  GSocket    *socket;
  GSocket    *other; /* for REPLY_OTHER_SOURCE */
  GSource    *source;
  ReplyMode   mode;
  const char *user_agent;
} Responder;

static char *
build_reply (PhonesetSipMessage *request,
             const char         *user_agent,
             gboolean            wrong_tag)
{
  g_autofree char *from = g_strdup (phoneset_sip_message_get_header (request, "from"));

  if (wrong_tag)
    {
      g_free (from);
      from = g_strdup ("<sip:phoneset@127.0.0.1>;tag=not-yours");
    }
  return g_strdup_printf ("SIP/2.0 200 OK\r\n"
                          "Via: %s\r\n"
                          "From: %s\r\n"
                          "To: %s;tag=phone\r\n"
                          "Call-ID: %s\r\n"
                          "CSeq: %s\r\n"
                          "User-Agent: %s\r\n"
                          "Content-Length: 0\r\n\r\n",
                          phoneset_sip_message_get_header (request, "via"), from,
                          phoneset_sip_message_get_header (request, "to"),
                          phoneset_sip_message_get_header (request, "call-id"),
                          phoneset_sip_message_get_header (request, "cseq"), user_agent);
}

static gboolean
responder_cb (GSocket      *socket,
              GIOCondition  condition,
              gpointer      user_data)
{
  Responder *responder = user_data;
  char       buffer[4096];
  g_autoptr(GSocketAddress) from = NULL;
  g_autoptr(PhonesetSipMessage) request = NULL;
  g_autofree char *reply = NULL;
  gssize           n = g_socket_receive_from (socket, &from, buffer, sizeof buffer, NULL, NULL);

  if (n <= 0)
    return G_SOURCE_CONTINUE;
  request = phoneset_sip_message_parse (buffer, (gsize)n, NULL);
  g_assert_nonnull (request);
  g_assert_cmpstr (phoneset_sip_message_get_method (request), ==, "OPTIONS");

  reply = build_reply (request, responder->user_agent, responder->mode == REPLY_WRONG_TAG);
  switch (responder->mode)
    {
    case REPLY_GARBAGE_THEN_GOOD:
      g_socket_send_to (socket, from, "\x00\x01garbage\r\n\r\n", 13, NULL, NULL);
      g_socket_send_to (socket, from, "SIP/2.0 200 OK\r\n\r\n", 18, NULL, NULL);
      G_GNUC_FALLTHROUGH;
    case REPLY_GOOD:
    case REPLY_WRONG_TAG:
      g_socket_send_to (socket, from, reply, strlen (reply), NULL, NULL);
      break;
    case REPLY_OTHER_SOURCE:
      g_socket_send_to (responder->other, from, reply, strlen (reply), NULL, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
  return G_SOURCE_CONTINUE;
}

static GSocket *
bind_udp (const char *host,
          guint16     port)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (host);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, port);
  g_autoptr(GError) error = NULL;
  GSocket *socket =
    g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_assert_no_error (error);
  g_socket_set_blocking (socket, FALSE);
  return socket;
}

static guint16
socket_port (GSocket *socket)
{
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, NULL);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
}

static Responder *
responder_new (const char *host,
               guint16     port,
               ReplyMode   mode,
               const char *user_agent)
{
  Responder *responder = g_new0 (Responder, 1);

  responder->socket = bind_udp (host, port);
  responder->mode = mode;
  responder->user_agent = user_agent;
  if (mode == REPLY_OTHER_SOURCE)
    responder->other = bind_udp ("127.0.0.30", 0);
  responder->source = g_socket_create_source (responder->socket, G_IO_IN, NULL);
  g_source_set_callback (responder->source, G_SOURCE_FUNC (responder_cb), responder, NULL);
  g_source_attach (responder->source, NULL);
  return responder;
}

static void
responder_free (Responder *responder)
{
  g_source_destroy (responder->source);
  g_source_unref (responder->source);
  g_clear_object (&responder->socket);
  g_clear_object (&responder->other);
  g_free (responder);
}

static void
web_cb (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  static const char page[] =
    "<html><head><TITLE> Fanvil X4 </TITLE></head><body>login</body></html>";

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Server",
                                "Fanvil X4 2.10.2.6887");
  soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
  soup_server_message_set_status (message, 200, NULL);
}

static gboolean
send_pnp_cb (gpointer user_data)
{
  guint16 port = GPOINTER_TO_UINT (user_data);
  g_autoptr(GSocket) socket = bind_udp ("127.0.0.20", 0);
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, port);
  static const char subscribe[] =
    "SUBSCRIBE sip:MAC=00304fa99948@224.0.1.75 SIP/2.0\r\n"
    "Via: SIP/2.0/UDP 127.0.0.20:5060;branch=z9hG4bK3102710241234624733\r\n"
    "From: <sip:MAC=00304fa99948@224.0.1.75>\r\n"
    "To: <sip:MAC=00304fa99948@224.0.1.75>\r\n"
    "Call-ID: 322432620212850-163241588724467@127.0.0.20\r\n"
    "CSeq: 1 SUBSCRIBE\r\n"
    "Contact: <sip:127.0.0.20:5060>\r\n"
    "User-Agent: PLANET VIP-2140PT\r\n"
    "Expires: 0\r\n"
    "Event:ua-profile;profile-type=\"device\";vendor=\"PLANET\";model=\"VIP-2140PT\";version=\"2.0."
    "3.2991\"\r\n"
    "Accept: application/url\r\n"
    "Content-Length: 0\r\n\r\n";

  g_socket_send_to (socket, address, "not sip at all", 14, NULL, NULL);
  g_socket_send_to (socket, address, subscribe, strlen (subscribe), NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (phoneset_discovery_run_finish (PHONESET_DISCOVERY (object), result, error) &&
                  *error != NULL);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static gboolean
run_discovery (PhonesetDiscovery  *discovery,
               GCancellable       *cancellable,
               GError            **error)
{
  GError *result = NULL;

  phoneset_discovery_run_async (discovery, cancellable, run_cb, &result);
  g_assert_true (phoneset_discovery_get_running (discovery));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (result, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_error_free (result);
      return TRUE;
    }
  g_propagate_error (error, result);
  return FALSE;
}

static PhonesetFingerprintRules *
load_fixture_rules (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "fingerprint-profiles", NULL);
  const char      *dirs[] = { dir, NULL };
  g_autoptr(PhonesetCatalog) catalog = phoneset_catalog_new (dirs);

  g_assert_cmpuint (phoneset_catalog_get_errors (catalog)->len, ==, 0);
  return g_object_ref (phoneset_catalog_get_fingerprint_rules (catalog));
}

static PhonesetPhone *
find_phone (GListModel *model,
            const char *address)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (model, i);

      if (g_strcmp0 (phoneset_phone_get_address (phone), address) == 0)
        return phone; /* the model keeps it alive */
    }
  return NULL;
}

static void
assert_evidence (PhonesetPhone *phone,
                 const char    *methods)
{
  g_auto(GStrv) list = phoneset_phone_dup_evidence (phone);
  g_auto(GStrv) expected = g_strsplit (methods, ",", -1);

  /* The methods run at once: any order. */
  g_assert_cmpuint (g_strv_length (list), ==, g_strv_length (expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char *const *)list, expected[i]));
}

static void
test_discovery_loopback (void)
{
  g_autoptr(PhonesetFingerprintRules) rules = load_fixture_rules ();
  g_autoptr(PhonesetDiscovery) discovery = phoneset_discovery_new (rules);
  g_autoptr(SoupServer) web = soup_server_new (NULL, NULL);
  g_autoptr(GListStore) inventory = g_list_store_new (PHONESET_TYPE_PHONE);
  g_autoptr(PhonesetPhone) front_desk = phoneset_phone_new ("192.0.2.99");
  g_autoptr(GSocket) pnp_probe = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) web_address = NULL;
  g_autoptr(GInetAddress) web_host = g_inet_address_new_from_string ("127.0.0.13");
  g_autofree char *table_path = NULL;
  g_autofree char *table = NULL;
  g_autofree char *port_spec = NULL;
  GSList          *uris;
  Responder       *responders[4];
  GListModel      *phones;
  PhonesetPhone   *phone;
  guint16          sip_port;
  guint16          pnp_port;
  guint16          http_port;
  int              fd;

  /* The fake phones, all on one free port. */
  responders[0] =
    responder_new ("127.0.0.10", 0, REPLY_GOOD, "Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37");
  sip_port = socket_port (responders[0]->socket);
  responders[1] =
    responder_new ("127.0.0.11", sip_port, REPLY_GARBAGE_THEN_GOOD, "snomD785/10.1.33.33");
  responders[2] =
    responder_new ("127.0.0.12", sip_port, REPLY_WRONG_TAG, "Yealink SIP-T46G 1.2.3.4");
  responders[3] = responder_new ("127.0.0.9", sip_port, REPLY_OTHER_SOURCE, "Fanvil X4 1.2.3.4");

  /* The web interface of a phone that does not answer SIP. */
  soup_server_add_handler (web, NULL, web_cb, NULL, NULL);
  web_address = g_inet_socket_address_new (web_host, 0);
  g_assert_true (soup_server_listen (web, web_address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (web);
  http_port = (guint16)g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  table =
    g_strdup ("IP address       HW type     Flags       HW address            Mask     Device\n"
              "127.0.0.10       0x1         0x2         00:15:65:4a:a9:37     *        lo\n"
              "127.0.0.13       0x1         0x2         0c:38:3e:07:e1:6c     *        lo\n"
              "127.0.0.14       0x1         0x2         02:00:00:00:00:01     *        lo\n"
              "198.51.100.7     0x1         0x2         00:15:65:00:00:07     *        lo\n");
  fd = g_file_open_tmp ("phoneset-arp-XXXXXX", &table_path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (table_path, table, -1, NULL));

  /* A free port for the PnP listener. */
  pnp_probe = bind_udp ("127.0.0.1", 0);
  pnp_port = socket_port (pnp_probe);
  g_socket_close (pnp_probe, NULL);

  phoneset_phone_set_mac (front_desk, "00:15:65:4A:A9:37");
  phoneset_phone_set_name (front_desk, "Front desk");
  g_list_store_append (inventory, front_desk);

  g_assert_true (phoneset_discovery_add_subnet (discovery, "127.0.0.8/29", &error));
  port_spec = g_strdup_printf ("udp:%u", sip_port);
  g_assert_true (phoneset_discovery_add_port (discovery, port_spec, &error));
  phoneset_discovery_set_http_ports (discovery, http_port, 0);
  phoneset_discovery_set_neighbour_table (discovery, table_path);
  phoneset_discovery_set_pnp_address (discovery, "127.0.0.1", pnp_port);
  phoneset_discovery_set_known_phones (discovery, G_LIST_MODEL (inventory));
  phoneset_discovery_set_timeout (discovery, 4000);
  g_timeout_add (100, send_pnp_cb, GUINT_TO_POINTER (pnp_port));

  g_assert_true (run_discovery (discovery, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (phoneset_discovery_get_running (discovery));

  g_assert_cmpuint (phoneset_discovery_get_hosts_total (discovery), ==, 6);
  g_assert_cmpuint (phoneset_discovery_get_hosts_probed (discovery), ==, 6);
  /* Garbage twice from .11, a wrong tag from .12, a reply from the wrong
   * address for .9, the non-SIP datagram on the PnP port. */
  g_assert_cmpuint (phoneset_discovery_get_ignored_replies (discovery), >=, 5);

  phones = phoneset_discovery_get_phones (discovery);
  for (guint i = 0; i < g_list_model_get_n_items (phones); i++)
    {
      g_autoptr(PhonesetPhone) p = g_list_model_get_item (phones, i);
      g_auto(GStrv) methods = phoneset_phone_dup_evidence (p);
      g_autofree char *joined = g_strjoinv (",", methods);

      g_test_message ("found %s %s %s %s [%s]", phoneset_phone_get_address (p),
                      phoneset_phone_get_vendor (p), phoneset_phone_get_model (p),
                      phoneset_phone_get_mac (p), joined);
    }
  g_assert_cmpuint (g_list_model_get_n_items (phones), ==, 4);

  phone = find_phone (phones, "127.0.0.10");
  g_assert_true (phone == front_desk);
  g_assert_cmpstr (phoneset_phone_get_name (phone), ==, "Front desk");
  g_assert_cmpstr (phoneset_phone_get_vendor (phone), ==, "Yealink");
  g_assert_cmpstr (phoneset_phone_get_model (phone), ==, "SIP-T46G");
  g_assert_cmpstr (phoneset_phone_get_firmware (phone), ==, "28.72.0.1");
  g_assert_cmpstr (phoneset_phone_get_mac (phone), ==, "00:15:65:4a:a9:37");
  g_assert_cmpstr (phoneset_phone_get_profile_id (phone), ==, "yealink");
  g_assert_cmpstr (phoneset_phone_get_sip_user_agent (phone), ==,
                   "Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37");
  assert_evidence (phone, "sip-options,oui");

  phone = find_phone (phones, "127.0.0.11");
  g_assert_nonnull (phone);
  g_assert_cmpstr (phoneset_phone_get_vendor (phone), ==, "snom");
  g_assert_cmpstr (phoneset_phone_get_model (phone), ==, "D785");
  g_assert_cmpstr (phoneset_phone_get_firmware (phone), ==, "10.1.33.33");
  g_assert_null (phoneset_phone_get_mac (phone));
  assert_evidence (phone, "sip-options");

  phone = find_phone (phones, "127.0.0.13");
  g_assert_nonnull (phone);
  g_assert_cmpstr (phoneset_phone_get_vendor (phone), ==, "Fanvil");
  g_assert_cmpstr (phoneset_phone_get_model (phone), ==, "X4");
  g_assert_cmpstr (phoneset_phone_get_firmware (phone), ==, "2.10.2.6887");
  g_assert_cmpstr (phoneset_phone_get_mac (phone), ==, "0c:38:3e:07:e1:6c");
  g_assert_cmpstr (phoneset_phone_get_http_server (phone), ==, "Fanvil X4 2.10.2.6887");
  assert_evidence (phone, "oui,http");
  g_assert_cmpstr (phoneset_phone_get_evidence_detail (phone, "http"), ==,
                   "Server: Fanvil X4 2.10.2.6887; title: Fanvil X4");

  phone = find_phone (phones, "127.0.0.20");
  g_assert_nonnull (phone);
  g_assert_cmpstr (phoneset_phone_get_vendor (phone), ==, "PLANET");
  g_assert_cmpstr (phoneset_phone_get_model (phone), ==, "VIP-2140PT");
  g_assert_cmpstr (phoneset_phone_get_firmware (phone), ==, "2.0.3.2991");
  g_assert_cmpstr (phoneset_phone_get_mac (phone), ==, "00:30:4f:a9:99:48");
  assert_evidence (phone, "pnp,oui");

  /* Not phones: .12 (wrong tag), .9 (spoofed source), .14 (unknown OUI),
   * and 198.51.100.7 (outside the sweep). */
  g_assert_null (find_phone (phones, "127.0.0.12"));
  g_assert_null (find_phone (phones, "127.0.0.9"));
  g_assert_null (find_phone (phones, "127.0.0.14"));
  g_assert_null (find_phone (phones, "198.51.100.7"));

  for (guint i = 0; i < G_N_ELEMENTS (responders); i++)
    responder_free (responders[i]);
  g_unlink (table_path);
}

static gboolean
tcp_run_cb (GThreadedSocketService *service,
            GSocketConnection      *connection,
            GObject                *source,
            gpointer                user_data)
{
  GInputStream  *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  char           buffer[4096];
  gsize          length = 0;
  g_autoptr(PhonesetSipMessage) request = NULL;
  g_autofree char *reply = NULL;

  /* Read up to the end of the head (bounded by the buffer). */
  while (length < sizeof buffer - 1)
    {
      gssize n = g_input_stream_read (in, buffer + length, sizeof buffer - 1 - length, NULL, NULL);

      if (n <= 0)
        return TRUE;
      length += (gsize)n;
      if (g_strstr_len (buffer, (gssize)length, "\r\n\r\n") != NULL)
        break;
    }
  request = phoneset_sip_message_parse (buffer, length, NULL);
  if (request == NULL)
    return TRUE;
  g_assert_nonnull (strstr (phoneset_sip_message_get_header (request, "via"), "SIP/2.0/TCP"));
  reply = build_reply (request, "Fanvil X4 2.10.2.6887", FALSE);
  g_output_stream_write_all (out, reply, strlen (reply), NULL, NULL, NULL);
  return TRUE;
}

static void
test_discovery_tcp (void)
{
  g_autoptr(PhonesetFingerprintRules) rules = load_fixture_rules ();
  g_autoptr(PhonesetDiscovery) discovery = phoneset_discovery_new (rules);
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (4);
  g_autoptr(GInetAddress) host = g_inet_address_new_from_string ("127.0.0.17");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (host, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *spec = NULL;
  PhonesetPhone   *phone;

  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                                &effective, &error));
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (tcp_run_cb), NULL);
  g_socket_service_start (service);

  spec =
    g_strdup_printf ("tcp:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  g_assert_true (phoneset_discovery_add_subnet (discovery, "127.0.0.16/30", NULL));
  g_assert_true (phoneset_discovery_add_port (discovery, spec, NULL));
  phoneset_discovery_set_http_ports (discovery, 0, 0);
  phoneset_discovery_set_neighbour_table (discovery, "");
  phoneset_discovery_set_pnp_address (discovery, NULL, 0);
  phoneset_discovery_set_timeout (discovery, 5000);

  g_assert_true (run_discovery (discovery, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (phoneset_discovery_get_hosts_total (discovery), ==, 2);
  g_assert_cmpuint (phoneset_discovery_get_hosts_probed (discovery), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (phoneset_discovery_get_phones (discovery)), ==, 1);
  phone = find_phone (phoneset_discovery_get_phones (discovery), "127.0.0.17");
  g_assert_nonnull (phone);
  g_assert_cmpstr (phoneset_phone_get_vendor (phone), ==, "Fanvil");
  g_assert_cmpstr (phoneset_phone_get_model (phone), ==, "X4");
  g_assert_cmpstr (phoneset_phone_get_firmware (phone), ==, "2.10.2.6887");
  g_assert_true (
    g_str_has_prefix (phoneset_phone_get_evidence_detail (phone, "sip-options"), "TCP "));
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_discovery_cancel (void)
{
  g_autoptr(PhonesetDiscovery) discovery = phoneset_discovery_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  phoneset_discovery_set_active (discovery, FALSE);
  phoneset_discovery_set_pnp_address (discovery, NULL, 0);
  phoneset_discovery_set_neighbour_table (discovery, "");
  phoneset_discovery_set_timeout (discovery, 60000);
  g_timeout_add (50, cancel_cb, cancellable);
  g_assert_false (run_discovery (discovery, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (phoneset_discovery_get_running (discovery));
  /* Bounded: well before the minute of the timeout. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
}

static void
test_discovery_settings (void)
{
  g_autoptr(PhonesetDiscovery) discovery = phoneset_discovery_new (NULL);
  static const char *const bad_subnets[] = { "10.0.0.0/8",  "192.0.2.0/33", "192.0.2.256/24",
                                             "example.com", "1.2.3.4/24/5", "" };
  static const char *const bad_ports[] = { "0", "65536", "sctp:5060", "udp:", "tcp:x", "" };
  guint32                  network;
  guint                    prefix;

  for (guint i = 0; i < G_N_ELEMENTS (bad_subnets); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (phoneset_discovery_add_subnet (discovery, bad_subnets[i], &error));
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_ports); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (phoneset_discovery_add_port (discovery, bad_ports[i], &error));
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
    }
  g_assert_true (phoneset_cidr_parse ("192.0.2.77/24", &network, &prefix, NULL));
  g_assert_cmphex (network, ==, 0xc0000200);
  g_assert_cmpuint (prefix, ==, 24);
  g_assert_true (phoneset_cidr_parse ("198.51.100.7", &network, &prefix, NULL));
  g_assert_cmphex (network, ==, 0xc6336407);
  g_assert_cmpuint (prefix, ==, 32);
  g_assert_true (phoneset_discovery_add_port (discovery, "tcp:5060", NULL));
  g_assert_true (phoneset_discovery_add_port (discovery, "5062", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/discovery/loopback", test_discovery_loopback);
  g_test_add_func ("/discovery/tcp", test_discovery_tcp);
  g_test_add_func ("/discovery/cancel", test_discovery_cancel);
  g_test_add_func ("/discovery/settings", test_discovery_settings);

  return g_test_run ();
}
