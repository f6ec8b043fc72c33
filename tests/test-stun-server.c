/* test-stun-server.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The STUN server's core, on 127.0.0.233–235 only: the request parser
 * (good requests of both generations and bad ones, built with libnice),
 * the answers as libnice and our client read them, a live server asked by
 * libnice's own client (stun_usage_bind_run), change requests with and
 * without an other address, the rate limit, the bounded table, the
 * refresh interval, the verdict and cost tables, phones of the inventory
 * and their measured binding lifetime saved in the inventory.
 */

#include "config.h"

#include <arpa/inet.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <stun/usages/bind.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-inventory.h"
#include "phoneset-paths.h"
#include "phoneset-profile.h"
#include "phoneset-stun-keepalive.h"
#include "phoneset-stun-message.h"
#include "phoneset-stun-server.h"
#include "phoneset-stun-source-private.h"
#include "phoneset-core-test-private.h"
#include "phoneset-test-catalog.h"

static const uint16_t client_attributes[] = { STUN_ATTRIBUTE_MAPPED_ADDRESS,
                                              STUN_ATTRIBUTE_XOR_MAPPED_ADDRESS,
                                              STUN_ATTRIBUTE_SOURCE_ADDRESS,
                                              STUN_ATTRIBUTE_CHANGED_ADDRESS,
                                              STUN_ATTRIBUTE_ERROR_CODE,
                                              STUN_ATTRIBUTE_UNKNOWN_ATTRIBUTES,
                                              0 };

/* A request built by libnice: RFC 5389 (@classic FALSE) or 3489, with a
 * CHANGE-REQUEST when @flags, an extra attribute of @extra_type when not 0. */
static gsize
build_request (guint8     *buf,
               gsize       size,
               gboolean    classic,
               StunMethod  method,
               guint       flags,
               guint16     extra_type,
               gboolean    fingerprint,
               StunAgent  *agent)
{
  StunMessage msg;

  stun_agent_init (
    agent, client_attributes, classic ? STUN_COMPATIBILITY_RFC3489 : STUN_COMPATIBILITY_RFC5389,
    STUN_AGENT_USAGE_IGNORE_CREDENTIALS | (fingerprint ? STUN_AGENT_USAGE_USE_FINGERPRINT : 0));
  g_assert_true (stun_agent_init_request (agent, &msg, buf, size, method));
  if (flags != 0)
    g_assert_cmpint (stun_message_append32 (&msg, STUN_ATTRIBUTE_CHANGE_REQUEST, flags), ==,
                     STUN_MESSAGE_RETURN_SUCCESS);
  if (extra_type != 0)
    g_assert_cmpint (stun_message_append32 (&msg, extra_type, 0x12340000), ==,
                     STUN_MESSAGE_RETURN_SUCCESS);
  return stun_agent_finish_message (agent, &msg, NULL, 0);
}

static void
test_parse_table (void)
{
  PhonesetStunServerAgents agents;
  StunAgent                client;
  guint8                   buf[2048];
  gsize                    len;
  static const struct
  {
    gboolean                classic;
    StunMethod              method;
    guint                   flags;
    guint16                 extra;
    gboolean                fingerprint;
    PhonesetStunRequestKind kind;
  } rows[] = {
    { FALSE, STUN_BINDING, 0, 0, TRUE, PHONESET_STUN_REQUEST_BINDING },
    { FALSE, STUN_BINDING, 0, 0, FALSE,
      PHONESET_STUN_REQUEST_BINDING }, /* turnutils_stunclient sends none */
    { FALSE, STUN_BINDING, PHONESET_STUN_CHANGE_IP | PHONESET_STUN_CHANGE_PORT, 0, TRUE,
      PHONESET_STUN_REQUEST_BINDING },
    { TRUE, STUN_BINDING, PHONESET_STUN_CHANGE_PORT, 0, FALSE,
      PHONESET_STUN_REQUEST_BINDING }, /* Vovida stun */
    { FALSE, STUN_BINDING, 0, 0x0002, TRUE,
      PHONESET_STUN_REQUEST_UNKNOWN_ATTRIBUTES }, /* RESPONSE-ADDRESS */
    { TRUE, STUN_BINDING, 0, 0x0002, FALSE, PHONESET_STUN_REQUEST_UNKNOWN_ATTRIBUTES },
    { FALSE, STUN_BINDING, 0, 0x7777, TRUE, PHONESET_STUN_REQUEST_UNKNOWN_ATTRIBUTES },
    { FALSE, STUN_BINDING, 0, 0x8777, TRUE, PHONESET_STUN_REQUEST_BINDING }, /* optional: ignored */
    { FALSE, STUN_BINDING, 0, PHONESET_STUN_ATTR_RESPONSE_PORT, TRUE,
      PHONESET_STUN_REQUEST_BINDING },
    { FALSE, STUN_ALLOCATE, 0, 0, TRUE, PHONESET_STUN_REQUEST_BAD },
  };

  phoneset_stun_server_agents_init (&agents);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      PhonesetStunRequest request;

      len = build_request (buf, sizeof buf, rows[i].classic, rows[i].method, rows[i].flags,
                           rows[i].extra, rows[i].fingerprint, &client);
      g_assert_cmpuint (len, >, 0);
      g_test_message ("row %u", i);
      g_assert_cmpint (phoneset_stun_request_parse (&agents, buf, len, &request, &error), ==,
                       rows[i].kind);
      g_assert_cmpint (request.classic, ==, rows[i].classic);
      if (rows[i].kind == PHONESET_STUN_REQUEST_BINDING)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (request.change_flags, ==, rows[i].flags);
        }
      else
        g_assert_nonnull (error);
    }
}

static void
expect_invalid (PhonesetStunServerAgents *agents,
                const guint8             *data,
                gsize                     len,
                const char               *words)
{
  g_autoptr(GError) error = NULL;
  PhonesetStunRequest request;

  g_assert_cmpint (phoneset_stun_request_parse (agents, data, len, &request, &error), ==,
                   PHONESET_STUN_REQUEST_INVALID);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_parse_bad (void)
{
  PhonesetStunServerAgents agents;
  StunAgent                client;
  StunMessage              msg;
  guint8                   buf[2048];
  guint8                   big[PHONESET_STUN_MAX_REQUEST + 100];
  gsize                    len;
  g_autoptr(GError) error = NULL;
  PhonesetStunRequest request;

  phoneset_stun_server_agents_init (&agents);
  len = build_request (buf, sizeof buf, FALSE, STUN_BINDING, 0, 0, TRUE, &client);

  expect_invalid (&agents, buf, 10, "too short");
  expect_invalid (&agents, buf, len - 4, "cut short");
  expect_invalid (&agents, (const guint8 *)"GET / HTTP/1.1\r\nHost: x\r\n\r\n", 27, "not a STUN");
  /* One flipped bit under the FINGERPRINT. */
  buf[10] ^= 1;
  expect_invalid (&agents, buf, len, "FINGERPRINT");
  buf[10] ^= 1;
  /* Larger than the limit, however well formed. */
  memset (big, 0, sizeof big);
  memcpy (big, buf, 20);
  big[2] = (sizeof big - 20) >> 8;
  big[3] = (sizeof big - 20) & 0xff;
  expect_invalid (&agents, big, sizeof big, "too long");

  /* A response is not a request (a loop, or a reflection). */
  {
    PhonesetStunRequest good;
    guint8              answer[PHONESET_STUN_MAX_ANSWER];
    struct sockaddr_in  a = { .sin_family = AF_INET, .sin_port = htons (5060) };
    gsize               answer_len;

    inet_pton (AF_INET, "127.0.0.233", &a.sin_addr);
    g_assert_cmpint (phoneset_stun_request_parse (&agents, buf, len, &good, NULL), ==,
                     PHONESET_STUN_REQUEST_BINDING);
    answer_len = phoneset_stun_build_binding_response (
      &agents, &good, (struct sockaddr_storage *)&a, (struct sockaddr_storage *)&a, NULL, answer,
      sizeof answer);
    g_assert_cmpuint (answer_len, >, 0);
    expect_invalid (&agents, answer, answer_len, "response");
  }

  /* An indication: counted, not answered. */
  stun_agent_init (&client, client_attributes, STUN_COMPATIBILITY_RFC5389,
                   STUN_AGENT_USAGE_IGNORE_CREDENTIALS);
  g_assert_true (stun_agent_init_indication (&client, &msg, buf, sizeof buf, STUN_BINDING));
  len = stun_agent_finish_message (&client, &msg, NULL, 0);
  g_assert_cmpint (phoneset_stun_request_parse (&agents, buf, len, &request, &error), ==,
                   PHONESET_STUN_REQUEST_INDICATION);
  g_assert_no_error (error);

  /* CHANGE-REQUEST of the wrong length: 400. */
  stun_agent_init (&client, client_attributes, STUN_COMPATIBILITY_RFC5389,
                   STUN_AGENT_USAGE_IGNORE_CREDENTIALS);
  g_assert_true (stun_agent_init_request (&client, &msg, buf, sizeof buf, STUN_BINDING));
  g_assert_cmpint (
    stun_message_append_bytes (&msg, STUN_ATTRIBUTE_CHANGE_REQUEST, "\0\0\0\6\0\0\0\0", 8), ==,
    STUN_MESSAGE_RETURN_SUCCESS);
  len = stun_agent_finish_message (&client, &msg, NULL, 0);
  g_assert_cmpint (phoneset_stun_request_parse (&agents, buf, len, &request, &error), ==,
                   PHONESET_STUN_REQUEST_BAD);
  g_assert_nonnull (strstr (error->message, "CHANGE-REQUEST"));
  g_clear_error (&error);

  /* RESPONSE-PORT 0: 400. */
  stun_agent_init (&client, client_attributes, STUN_COMPATIBILITY_RFC5389,
                   STUN_AGENT_USAGE_IGNORE_CREDENTIALS);
  g_assert_true (stun_agent_init_request (&client, &msg, buf, sizeof buf, STUN_BINDING));
  g_assert_cmpint (stun_message_append32 (&msg, PHONESET_STUN_ATTR_RESPONSE_PORT, 0), ==,
                   STUN_MESSAGE_RETURN_SUCCESS);
  len = stun_agent_finish_message (&client, &msg, NULL, 0);
  g_assert_cmpint (phoneset_stun_request_parse (&agents, buf, len, &request, &error), ==,
                   PHONESET_STUN_REQUEST_BAD);
  g_assert_nonnull (strstr (error->message, "RESPONSE-PORT"));
}

static void
set_in4 (struct sockaddr_storage *ss,
         const char              *ip,
         guint16                  port)
{
  struct sockaddr_in *in4 = (struct sockaddr_in *)ss;

  memset (ss, 0, sizeof *ss);
  in4->sin_family = AF_INET;
  in4->sin_port = htons (port);
  g_assert_cmpint (inet_pton (AF_INET, ip, &in4->sin_addr), ==, 1);
}

static char *
attr_text (StunMessage   *msg,
           StunAttribute  type)
{
  struct sockaddr_storage ss;
  socklen_t               len = sizeof ss;
  g_autoptr(GSocketAddress) address = NULL;

  if (stun_message_find_addr (msg, type, &ss, &len) != STUN_MESSAGE_RETURN_SUCCESS)
    return NULL;
  address = g_socket_address_new_from_native (&ss, len);
  return phoneset_stun_address_to_string (address);
}

static void
test_answers (void)
{
  PhonesetStunServerAgents agents;
  StunAgent                client;
  PhonesetStunRequest      request;
  PhonesetStunResponse     response;
  struct sockaddr_storage  mapped, origin, other;
  guint8                   buf[512], answer[PHONESET_STUN_MAX_ANSWER];
  gsize                    len, answer_len;
  StunMessage              msg;
  g_autofree char         *text = NULL;
  g_autoptr(GError) error = NULL;

  phoneset_stun_server_agents_init (&agents);
  set_in4 (&mapped, "192.0.2.10", 40000);
  set_in4 (&origin, "127.0.0.233", 3479);
  set_in4 (&other, "127.0.0.234", 3479);

  /* RFC 5389, as our own client (the self-test) reads it. */
  {
    StunTransactionId id;

    phoneset_stun_agent_init (&client, FALSE);
    len = phoneset_stun_build_binding (&client, buf, sizeof buf, PHONESET_STUN_CHANGE_PORT, 0, id);
  }
  g_assert_cmpint (phoneset_stun_request_parse (&agents, buf, len, &request, NULL), ==,
                   PHONESET_STUN_REQUEST_BINDING);
  answer_len = phoneset_stun_build_binding_response (&agents, &request, &mapped, &origin, &other,
                                                     answer, sizeof answer);
  g_assert_cmpuint (answer_len, >, 0);
  g_assert_cmpuint (answer_len, <, 200); /* no amplification beyond any STUN server */
  g_assert_cmpint (phoneset_stun_parse (&client, answer, answer_len, &response, &error), ==,
                   PHONESET_STUN_PACKET_OK);
  g_assert_no_error (error);
  text = phoneset_stun_address_to_string (response.xor_mapped);
  g_assert_cmpstr (text, ==, "192.0.2.10:40000");
  g_clear_pointer (&text, g_free);
  text = phoneset_stun_address_to_string (response.mapped);
  g_assert_cmpstr (text, ==, "192.0.2.10:40000");
  g_clear_pointer (&text, g_free);
  text = phoneset_stun_address_to_string (response.origin);
  g_assert_cmpstr (text, ==, "127.0.0.233:3479");
  g_clear_pointer (&text, g_free);
  text = phoneset_stun_address_to_string (response.other);
  g_assert_cmpstr (text, ==, "127.0.0.234:3479");
  g_clear_pointer (&text, g_free);
  g_assert_true (g_str_has_prefix (response.software, "Phoneset "));
  phoneset_stun_response_clear (&response);
  /* Signed: the answer carries a FINGERPRINT. */
  g_assert_cmpint (stun_agent_validate (&agents.modern, &msg, answer, answer_len, NULL, NULL), ==,
                   STUN_VALIDATION_UNMATCHED_RESPONSE);
  g_assert_true (stun_message_has_attribute (&msg, STUN_ATTRIBUTE_FINGERPRINT));

  /* RFC 3489: MAPPED-, SOURCE- and CHANGED-ADDRESS only. */
  len = build_request (buf, sizeof buf, TRUE, STUN_BINDING, 0, 0, FALSE, &client);
  g_assert_cmpint (phoneset_stun_request_parse (&agents, buf, len, &request, NULL), ==,
                   PHONESET_STUN_REQUEST_BINDING);
  answer_len = phoneset_stun_build_binding_response (&agents, &request, &mapped, &origin, &other,
                                                     answer, sizeof answer);
  g_assert_cmpint (stun_agent_validate (&client, &msg, answer, answer_len, NULL, NULL), ==,
                   STUN_VALIDATION_SUCCESS);
  g_assert_cmpmem (answer + 4, 16, buf + 4, 16); /* the whole 128-bit id */
  text = attr_text (&msg, STUN_ATTRIBUTE_MAPPED_ADDRESS);
  g_assert_cmpstr (text, ==, "192.0.2.10:40000");
  g_clear_pointer (&text, g_free);
  text = attr_text (&msg, STUN_ATTRIBUTE_SOURCE_ADDRESS);
  g_assert_cmpstr (text, ==, "127.0.0.233:3479");
  g_clear_pointer (&text, g_free);
  text = attr_text (&msg, STUN_ATTRIBUTE_CHANGED_ADDRESS);
  g_assert_cmpstr (text, ==, "127.0.0.234:3479");
  g_clear_pointer (&text, g_free);
  g_assert_false (stun_message_has_attribute (&msg, STUN_ATTRIBUTE_XOR_MAPPED_ADDRESS));
  g_assert_false (stun_message_has_attribute (&msg, STUN_ATTRIBUTE_FINGERPRINT));

  /* 420 names what was not understood. */
  len = build_request (buf, sizeof buf, FALSE, STUN_BINDING, 0, 0x0002, TRUE, &client);
  g_assert_cmpint (phoneset_stun_request_parse (&agents, buf, len, &request, NULL), ==,
                   PHONESET_STUN_REQUEST_UNKNOWN_ATTRIBUTES);
  answer_len = phoneset_stun_build_error_response (&agents, &request, STUN_ERROR_UNKNOWN_ATTRIBUTE,
                                                   answer, sizeof answer);
  g_assert_cmpint (phoneset_stun_parse (&client, answer, answer_len, &response, &error), ==,
                   PHONESET_STUN_PACKET_OK);
  g_assert_cmpint (response.error_code, ==, 420);
  phoneset_stun_response_clear (&response);
  {
    StunMessage   check;
    guint16       n = 0;
    const guint8 *list;

    g_assert_cmpint (stun_agent_validate (&agents.lenient, &check, answer, answer_len, NULL, NULL),
                     ==, STUN_VALIDATION_UNMATCHED_RESPONSE);
    list = stun_message_find (&check, STUN_ATTRIBUTE_UNKNOWN_ATTRIBUTES, &n);
    g_assert_nonnull (list);
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpuint (list[0] << 8 | list[1], ==, 0x0002);
  }
}

/* A socket on @ip, any port. */
static GSocket *
client_socket (const char *ip)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (ip);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (inet, 0);
  GSocket *s =
    g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);

  g_assert_true (g_socket_bind (s, any, TRUE, NULL));
  g_socket_set_blocking (s, FALSE);
  return s;
}

static void
send_to (GSocket      *s,
         const char   *ip,
         guint16       port,
         const guint8 *data,
         gsize         len)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (ip);
  g_autoptr(GSocketAddress) to = g_inet_socket_address_new (inet, port);

  g_assert_cmpint (g_socket_send_to (s, to, (const char *)data, len, NULL, NULL), ==, (gssize)len);
}

/* Runs the main loop until @s has a datagram or @ms pass; its length, or 0. */
static gsize
receive (GSocket         *s,
         guint8          *buf,
         gsize            size,
         guint            ms,
         GSocketAddress **from)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      gssize n;

      g_main_context_iteration (NULL, FALSE);
      n = g_socket_receive_from (s, from, (char *)buf, size, NULL, NULL);
      if (n > 0)
        return (gsize)n;
      g_usleep (1000);
    }
  return 0;
}

typedef struct
{
  PhonesetStunServer     *server;
  struct sockaddr_in      address;
  StunUsageBindReturn     result;
  struct sockaddr_storage mapped;
  socklen_t               mapped_len;
  gboolean                done;
} BindRun;

static gpointer
bind_thread (gpointer data)
{
  BindRun *run = data;

  run->mapped_len = sizeof run->mapped;
  run->result = stun_usage_bind_run ((struct sockaddr *)&run->address, sizeof run->address,
                                     &run->mapped, &run->mapped_len);
  g_atomic_int_set (&run->done, TRUE);
  return NULL;
}

static void
test_libnice_client (void)
{
  g_autoptr(PhonesetStunServer) server = phoneset_stun_server_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  BindRun run = { 0 };
  char    ip[INET_ADDRSTRLEN];

  g_assert_true (phoneset_stun_server_start (server, "127.0.0.233", 0, NULL, 0, &error));
  g_assert_no_error (error);
  run.address.sin_family = AF_INET;
  run.address.sin_port = htons (phoneset_stun_server_get_port (server));
  inet_pton (AF_INET, "127.0.0.233", &run.address.sin_addr);
  /* libnice's own blocking client in a thread, the server on this loop. */
  thread = g_thread_new ("bind", bind_thread, &run);
  while (!g_atomic_int_get (&run.done))
    g_main_context_iteration (NULL, FALSE);
  g_thread_join (g_steal_pointer (&thread));
  g_assert_cmpint (run.result, ==, STUN_USAGE_BIND_RETURN_SUCCESS);
  g_assert_cmpint (run.mapped.ss_family, ==, AF_INET);
  inet_ntop (AF_INET, &((struct sockaddr_in *)&run.mapped)->sin_addr, ip, sizeof ip);
  /* It sent from this computer: the mapped address is a loopback one. */
  g_assert_true (g_str_has_prefix (ip, "127."));
  phoneset_stun_server_flush (server);
  g_assert_cmpuint (g_list_model_get_n_items (phoneset_stun_server_get_sources (server)), ==, 1);
  g_assert_cmpuint (phoneset_stun_server_get_n_answered (server), >=, 1);
}

static gsize
binding (guint8   *buf,
         gsize     size,
         guint     flags,
         gboolean  classic)
{
  StunAgent client;

  return build_request (buf, size, classic, STUN_BINDING, flags, 0, FALSE, &client);
}

static void
test_change_requests (void)
{
  g_autoptr(PhonesetStunServer) server = phoneset_stun_server_new ();
  g_autoptr(PhonesetStunServer) full = phoneset_stun_server_new ();
  g_autoptr(GSocket) s = client_socket ("127.0.0.235");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) from = NULL;
  g_autofree char    *from_text = NULL;
  guint8              buf[256], answer[512];
  gsize               len;
  PhonesetStunSource *source;

  /* Without an other address: change port works, change IP cannot. */
  g_assert_true (phoneset_stun_server_start (server, "127.0.0.233", 0, NULL, 0, &error));
  len = binding (buf, sizeof buf, PHONESET_STUN_CHANGE_PORT, FALSE);
  send_to (s, "127.0.0.233", phoneset_stun_server_get_port (server), buf, len);
  g_assert_cmpuint (receive (s, answer, sizeof answer, 2000, &from), >, 0);
  g_assert_cmpuint (g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (from)), ==,
                    phoneset_stun_server_get_alt_port (server));
  g_clear_object (&from);
  len = binding (buf, sizeof buf, PHONESET_STUN_CHANGE_IP, FALSE);
  send_to (s, "127.0.0.233", phoneset_stun_server_get_port (server), buf, len);
  g_assert_cmpuint (receive (s, answer, sizeof answer, 2000, &from), >, 0);
  g_assert_cmpuint (answer[0] << 8 | answer[1], ==, 0x0111); /* an error response: 420 */
  g_clear_object (&from);
  len = binding (buf, sizeof buf, PHONESET_STUN_CHANGE_IP, TRUE);
  send_to (s, "127.0.0.233", phoneset_stun_server_get_port (server), buf, len);
  g_assert_cmpuint (receive (s, answer, sizeof answer, 300, NULL), ==,
                    0); /* RFC 3489: nothing, as snom's */
  phoneset_stun_server_flush (server);
  source = phoneset_stun_server_find_host (server, "127.0.0.235");
  g_assert_nonnull (source);
  g_assert_cmpuint (phoneset_stun_source_get_change_ip (source), ==, 2);
  g_assert_cmpuint (phoneset_stun_source_get_change_port (source), ==, 1);
  g_assert_cmpuint (phoneset_stun_source_get_unanswered (source), ==, 1);
  g_assert_cmpuint (phoneset_stun_source_get_requests (source), ==, 3);

  /* With one: from the other address, and its port when asked. */
  g_assert_true (phoneset_stun_server_start (full, "127.0.0.233", 0, "127.0.0.234", 0, &error));
  g_assert_no_error (error);
  len = binding (buf, sizeof buf, PHONESET_STUN_CHANGE_IP | PHONESET_STUN_CHANGE_PORT, TRUE);
  send_to (s, "127.0.0.233", phoneset_stun_server_get_port (full), buf, len);
  g_assert_cmpuint (receive (s, answer, sizeof answer, 2000, &from), >, 0);
  from_text = phoneset_stun_address_to_string (from);
  {
    g_autofree char *want =
      g_strdup_printf ("127.0.0.234:%u", phoneset_stun_server_get_alt_port (full));

    g_assert_cmpstr (from_text, ==, want);
  }
  g_clear_object (&from);
  g_clear_pointer (&from_text, g_free);
  len = binding (buf, sizeof buf, PHONESET_STUN_CHANGE_IP, FALSE);
  send_to (s, "127.0.0.233", phoneset_stun_server_get_port (full), buf, len);
  g_assert_cmpuint (receive (s, answer, sizeof answer, 2000, &from), >, 0);
  from_text = phoneset_stun_address_to_string (from);
  {
    g_autofree char *want =
      g_strdup_printf ("127.0.0.234:%u", phoneset_stun_server_get_port (full));

    g_assert_cmpstr (from_text, ==, want);
  }

  /* Bad starts: a clear error each. */
  phoneset_stun_server_stop (server);
  g_assert_false (phoneset_stun_server_start (server, "0.0.0.0", 0, NULL, 0, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phoneset_stun_server_start (server, "stun.example.org", 0, NULL, 0, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phoneset_stun_server_start (server, "127.0.0.233", 0, "127.0.0.233", 0, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
  g_clear_error (&error);
  /* The port in use: who may hold it. */
  g_assert_false (phoneset_stun_server_start (
    server, "127.0.0.233", phoneset_stun_server_get_port (full), NULL, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE);
  g_assert_nonnull (strstr (error->message, "coturn"));
  g_assert_false (phoneset_stun_server_is_running (server));
}

static void
test_rate_limit_and_table (void)
{
  g_autoptr(PhonesetStunServer) server = phoneset_stun_server_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sockets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSocket) s = client_socket ("127.0.0.235");
  g_autoptr(JsonNode) json = NULL;
  JsonObject *totals;
  guint8      buf[256], answer[512];
  gsize       len = binding (buf, sizeof buf, 0, FALSE);
  guint       answers = 0;

  phoneset_stun_server_set_rate_limit (server, 5);
  phoneset_stun_server_set_max_sources (server, 3);
  g_assert_true (phoneset_stun_server_start (server, "127.0.0.233", 0, NULL, 0, &error));

  /* 100 at once from one source: the burst (10) and what trickles in. */
  for (guint i = 0; i < 100; i++)
    send_to (s, "127.0.0.233", phoneset_stun_server_get_port (server), buf, len);
  while (receive (s, answer, sizeof answer, 300, NULL) > 0)
    answers++;
  g_assert_cmpuint (answers, >=, 10);
  g_assert_cmpuint (answers, <, 20);

  /* Five more sources: the table keeps the last three. */
  for (guint i = 0; i < 5; i++)
    {
      GSocket *c = client_socket ("127.0.0.235");

      g_ptr_array_add (sockets, c);
      send_to (c, "127.0.0.233", phoneset_stun_server_get_port (server), buf, len);
      g_assert_cmpuint (receive (c, answer, sizeof answer, 2000, NULL), >, 0);
    }
  phoneset_stun_server_flush (server);
  g_assert_cmpuint (phoneset_stun_server_get_n_sources (server), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (phoneset_stun_server_get_sources (server)), ==, 3);
  json = phoneset_stun_server_to_json (server);
  totals = json_object_get_object_member (json_node_get_object (json), "server");
  g_assert_cmpint (json_object_get_int_member (totals, "evicted"), ==, 3);
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (totals, "dropped"), "rate_limited"),
    ==, 100 - answers);
  g_assert_cmpuint (
    json_array_get_length (json_object_get_array_member (json_node_get_object (json), "clients")),
    ==, 3);
}

static void
test_interval (void)
{
  g_autoptr(PhonesetStunSource) source =
               _phoneset_stun_source_new ("192.0.2.10:5060", "192.0.2.10", 1);
  gint64 t = 1000 * G_USEC_PER_SEC;

  g_assert_cmpint (phoneset_stun_source_get_interval_ms (source), ==, -1);
  /* A NAT-type probe at start: one refresh. */
  for (guint i = 0; i < 6; i++)
    _phoneset_stun_source_count (source, t + i * 50000, t, TRUE,
                                 i % 3 ? PHONESET_STUN_CHANGE_IP : 0, 28, 80, TRUE);
  g_assert_cmpint (phoneset_stun_source_get_interval_ms (source), ==, -1);
  /* Refreshes every 30 s, one late at 45 s, with a retransmission. */
  t += 30 * G_USEC_PER_SEC;
  _phoneset_stun_source_count (source, t, t, TRUE, 0, 28, 80, TRUE);
  _phoneset_stun_source_count (source, t + 500000, t, TRUE, 0, 28, 80, TRUE);
  t += 30 * G_USEC_PER_SEC;
  _phoneset_stun_source_count (source, t, t, TRUE, 0, 28, 80, TRUE);
  t += 45 * G_USEC_PER_SEC;
  _phoneset_stun_source_count (source, t, t, TRUE, 0, 28, 80, TRUE);
  g_assert_cmpint (phoneset_stun_source_get_interval_ms (source), ==, 30000);
  t += 30 * G_USEC_PER_SEC;
  _phoneset_stun_source_count (source, t, t, TRUE, 0, 28, 80, TRUE);
  g_assert_cmpint (phoneset_stun_source_get_interval_ms (source), ==, 30000);
  g_assert_cmpuint (phoneset_stun_source_get_requests (source), ==, 11);
  g_assert_cmpuint (phoneset_stun_source_get_change_ip (source), ==, 4);
  /* Errors count as requests but not as refreshes. */
  _phoneset_stun_source_count (source, t + 2 * G_USEC_PER_SEC, t, FALSE, 0, 28, 0, FALSE);
  g_assert_cmpuint (phoneset_stun_source_get_errors (source), ==, 1);
  g_assert_cmpint (phoneset_stun_source_get_interval_ms (source), ==, 30000);
}

static void
test_verdicts (void)
{
  static const struct
  {
    int         interval_ms;
    int         lifetime_ms;
    const char *setting;
    const char *words[3];
  } rows[] = {
    { 30000, 45000, "Binding Period", { "every 30 s", "45 s", "fine" } },
    { 120000,
      45000,
      "Binding Period",
      { "every 120 s", "incoming calls will be lost", "Binding Period to 22 s" } },
    { 40000, 45000, NULL, { "just enough", "Binding Period / keep-alive to 22 s", NULL } },
    { 20000, -1, NULL, { "has not been measured", "stays below the 30 s", NULL } },
    { 60000,
      -1,
      "Keep Alive Interval",
      { "has not been measured", "Keep Alive Interval to 25 s", NULL } },
    { 4000, 3000, NULL, { "every 4.0 s", "3.0 s", "to 1 s" } },
  };
  PhonesetStunCost cost;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *verdict = phoneset_stun_keepalive_verdict (
        rows[i].interval_ms, rows[i].lifetime_ms, TRUE, rows[i].setting);

      g_test_message ("%s", verdict);
      for (guint w = 0; w < G_N_ELEMENTS (rows[i].words) && rows[i].words[w] != NULL; w++)
        g_assert_nonnull (strstr (verdict, rows[i].words[w]));
    }
  g_assert_null (phoneset_stun_keepalive_verdict (-1, 45000, TRUE, NULL));
  {
    g_autofree char *given = phoneset_stun_keepalive_verdict (30000, 45000, FALSE, NULL);

    g_assert_nonnull (strstr (given, "as given"));
  }

  /* Seed 004: one refresh a minute ≈ 50,000 packets ≈ 3 MB a month (the
   * phone's side: 43,200 requests of 28 + 28 bytes). */
  phoneset_stun_keepalive_cost (60000, 28, 72, &cost);
  g_assert_cmpuint (cost.requests, ==, 43200);
  g_assert_cmpuint (cost.bytes_sent, ==, 43200 * 56);
  g_assert_cmpuint (cost.bytes_total, ==, 43200 * (56 + 100));
  text = phoneset_stun_keepalive_cost_text (&cost);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "43200 requests"));
  g_assert_nonnull (
    strstr (text, "2.4\u00a0MB")); /* g_format_size () keeps number and unit together */
  g_assert_cmpint (phoneset_stun_keepalive_for_lifetime (45000), ==, 22);
  g_assert_cmpint (phoneset_stun_keepalive_for_lifetime (300000), ==, 50);
}

static PhonesetProfile *
find_profile (GPtrArray  *profiles,
              const char *id)
{
  for (guint i = 0; i < profiles->len; i++)
    if (g_str_equal (phoneset_profile_get_id (g_ptr_array_index (profiles, i)), id))
      return g_ptr_array_index (profiles, i);
  g_assert_not_reached ();
}

static void
test_known_phones (void)
{
  g_auto(GStrv) dirs = phoneset_paths_profile_dirs ();
  g_autoptr(GPtrArray) profiles = phoneset_test_load_profiles ((const char *const *)dirs, NULL);
  g_autofree char *dir = g_dir_make_tmp ("phoneset-stun-server-XXXXXX", NULL);
  g_autoptr(PhonesetInventory) inventory = phoneset_inventory_new (dir, profiles);
  g_autoptr(PhonesetInventory) again = phoneset_inventory_new (dir, profiles);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("127.0.0.235:8080");
  PhonesetProfile *profile = find_profile (profiles, "planet-vip");
  g_autoptr(PhonesetStunServer) server = phoneset_stun_server_new ();
  g_autoptr(GSocket) s = client_socket ("127.0.0.235");
  g_autoptr(GError) error = NULL;
  g_autofree char    *verdict = NULL;
  g_autofree char    *name = NULL;
  PhonesetStunSource *source;
  PhonesetPhone      *loaded;
  guint8              buf[256], answer[512];
  gsize               len = binding (buf, sizeof buf, 0, FALSE);

  phoneset_phone_set_name (phone, "Reception");
  phoneset_phone_set_profile_id (phone, "planet-vip");
  {
    g_autoptr(PhonesetConfig) config = phoneset_config_new (profile);

    phoneset_phone_set_config (phone, config);
  }
  phoneset_phone_set_binding_lifetime_ms (phone, 45000);
  phoneset_inventory_add (inventory, phone);
  g_assert_true (phoneset_inventory_save (inventory, &error));
  g_assert_no_error (error);
  g_assert_true (phoneset_inventory_load (again, &error));
  loaded = phoneset_inventory_find (again, NULL, "127.0.0.235:8080");
  g_assert_nonnull (loaded);
  g_assert_cmpint (phoneset_phone_get_binding_lifetime_ms (loaded), ==, 45000);

  phoneset_stun_server_set_known_phones (server, phoneset_inventory_get_phones (inventory));
  g_assert_true (phoneset_stun_server_start (server, "127.0.0.233", 0, NULL, 0, &error));
  send_to (s, "127.0.0.233", phoneset_stun_server_get_port (server), buf, len);
  g_assert_cmpuint (receive (s, answer, sizeof answer, 2000, NULL), >, 0);
  source = phoneset_stun_server_find_host (server, "127.0.0.235");
  g_assert_nonnull (source);
  g_assert_true (phoneset_stun_source_get_phone (source) == phone);
  name = phoneset_stun_source_dup_phone_name (source);
  g_assert_cmpstr (name, ==, "Reception");
  /* Judged against the phone's own measurement, in its own words. */
  {
    gint64 t = g_get_monotonic_time ();

    _phoneset_stun_source_count (source, t + 60 * G_USEC_PER_SEC, g_get_real_time (), TRUE, 0, 28,
                                 80, TRUE);
  }
  verdict = phoneset_stun_source_dup_verdict (source);
  g_test_message ("%s", verdict);
  g_assert_nonnull (strstr (verdict, "longer than the router’s 45 s (measured by the self-test)"));
  g_assert_nonnull (strstr (verdict, "Binding Period"));

  phoneset_inventory_remove (inventory, phone);
  g_rmdir (dir);
}

/* "Point this phone at this computer": each profile's own settings. */
static void
test_settings_for_phone (void)
{
  g_auto(GStrv) dirs = phoneset_paths_profile_dirs ();
  g_autoptr(GPtrArray) profiles = phoneset_test_load_profiles ((const char *const *)dirs, NULL);
  static const struct
  {
    const char *profile;
    guint16     port;
    const char *want;
  } rows[] = {
    { "planet-vip", 3478, "nat.stun.server=192.0.2.5 nat.stun.port=3478 line.1.stun.enable=true" },
    { "yealink-v8x", 3478,
      "nat.stun.server=192.0.2.5 nat.stun.port=3478 nat.stun.enable=true line.1.stun.enable=true" },
    { "snom", 3478, "nat.stun.server=192.0.2.5" },
    { "snom", 13478, "nat.stun.server=192.0.2.5:13478" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      PhonesetProfile *profile = find_profile (profiles, rows[i].profile);
      g_auto(GStrv) settings =
                phoneset_stun_server_settings_for_phone (profile, "192.0.2.5", rows[i].port);
      g_autoptr(GString) got = g_string_new (NULL);
      g_autoptr(PhonesetConfig) config = phoneset_config_new (profile);

      for (guint j = 0; settings[j] != NULL; j += 2)
        {
          g_autoptr(GError) error = NULL;

          g_string_append_printf (got, "%s%s=%s", j ? " " : "", settings[j], settings[j + 1]);
          /* Every value is one the profile accepts. */
          g_assert_true (phoneset_config_set (config, settings[j], settings[j + 1], &error));
          g_assert_no_error (error);
        }
      g_assert_cmpstr (got->str, ==, rows[i].want);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stun-server/parse/table", test_parse_table);
  g_test_add_func ("/stun-server/parse/bad", test_parse_bad);
  g_test_add_func ("/stun-server/answers", test_answers);
  g_test_add_func ("/stun-server/libnice-client", test_libnice_client);
  g_test_add_func ("/stun-server/change-requests", test_change_requests);
  g_test_add_func ("/stun-server/rate-limit-and-table", test_rate_limit_and_table);
  g_test_add_func ("/stun-server/interval", test_interval);
  g_test_add_func ("/stun-server/verdicts", test_verdicts);
  g_test_add_func ("/stun-server/known-phones", test_known_phones);
  g_test_add_func ("/stun-server/settings-for-phone", test_settings_for_phone);

  return g_test_run ();
}
