/* test-cli-stun-server.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `phoneset stun-server` as its clients see it, on 127.0.0.231–239 only:
 * clients nobody here wrote (Vovida stun, coturn's turnutils_stunclient and
 * turnutils_natdiscovery, Phoneset's own stun-test) get the answers they
 * expect, with and without an other address; a simulated phone pushed a
 * configuration follows its STUN settings and its refresh shows in the
 * JSON, named after the phone of the inventory and judged against its
 * binding lifetime; bad usage exits 2, a port in use 1; a flood leaves it
 * answering with a bounded table; and (as root) a request spoofed from
 * the server's own address is never answered.
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "phoneset-test-cli.h"
#include "phoneset-test-sim.h"

static char *tmpdir;

typedef struct
{
  GSubprocess *proc;
  char        *out_path;
  char        *err_path;
  guint16      port;
  guint16      alt_port;
} Server;

static char *
read_text (const char *path)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

/* Starts `phoneset stun-server ARGS --port 0 --alt-port 0`; waits (10 s at
 * most) for its "STUN server on IP port N (change port: M" line. */
static Server *
server_start (const char        *name,
              const char *const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Server *server = g_new0 (Server, 1);

  server->out_path = g_strdup_printf ("%s/%s.out", tmpdir, name);
  server->err_path = g_strdup_printf ("%s/%s.err", tmpdir, name);
  g_subprocess_launcher_set_stdout_file_path (launcher, server->out_path);
  g_subprocess_launcher_set_stderr_file_path (launcher, server->err_path);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", tmpdir, TRUE);
  g_ptr_array_add (argv, (gpointer)g_getenv ("PHONESET_BIN"));
  g_ptr_array_add (argv, "stun-server");
  g_ptr_array_add (argv, "--port=0");
  g_ptr_array_add (argv, "--alt-port=0");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  server->proc = g_subprocess_launcher_spawnv (launcher, (const char *const *)argv->pdata, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *out = read_text (server->out_path);
      g_autofree char *err = read_text (server->err_path);
      const char      *line = strstr (out, "STUN server on ") ? strstr (out, "STUN server on ")
                                                              : strstr (err, "STUN server on ");
      unsigned         port = 0, alt = 0;
      char             ip[64];

      if (line != NULL &&
          sscanf (line, "STUN server on %63s port %u (change port: %u", ip, &port, &alt) == 3)
        {
          server->port = (guint16)port;
          server->alt_port = (guint16)alt;
          return server;
        }
      g_usleep (50000);
    }
  g_error ("stun-server did not start: %s", read_text (server->err_path));
  return NULL;
}

/* SIGTERM; returns what it printed on stdout (the table or the JSON). */
static char *
server_stop (Server *server)
{
  char *out;

  g_subprocess_send_signal (server->proc, SIGTERM);
  g_assert_true (g_subprocess_wait (server->proc, NULL, NULL));
  g_assert_true (g_subprocess_get_if_exited (server->proc));
  g_assert_cmpint (g_subprocess_get_exit_status (server->proc), ==, 0);
  out = read_text (server->out_path);
  g_object_unref (server->proc);
  g_free (server->out_path);
  g_free (server->err_path);
  g_free (server);
  return out;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* A program of the system, bounded by timeout(1); its output, or NULL when
 * it is not installed. */
static char *
run_tool (const char *const *argv,
          int               *status)
{
  g_autofree char *path = g_find_program_in_path (argv[0]);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return NULL;
  g_ptr_array_add (args, "timeout");
  g_ptr_array_add (args, "15");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)argv[i]);
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, status, &error));
  g_assert_no_error (error);
  return g_strconcat (out, err, NULL);
}

static guint16
free_udp_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                             G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) any = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (any, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static JsonObject *
find_client (JsonObject *document,
             const char *host_prefix)
{
  JsonArray *clients = json_object_get_array_member (document, "clients");

  for (guint i = 0; i < json_array_get_length (clients); i++)
    {
      JsonObject *client = json_array_get_object_element (clients, i);

      if (g_str_has_prefix (json_object_get_string_member (client, "address"), host_prefix))
        return client;
    }
  return NULL;
}

static void
test_usage (void)
{
  static const struct
  {
    const char *args[4];
    int         status;
    const char *words;
  } rows[] = {
    { { "stun-server", "--address=0.0.0.0", NULL }, 2, "listens on one address" },
    { { "stun-server", "--port=4000", "--alt-port=4000", NULL }, 2, "must differ" },
    { { "stun-server", "--address=stun.example.org", NULL }, 2, "not an IP address" },
    { { "stun-server", "--address=127.0.0.231", "--alt-address=127.0.0.231", NULL },
      2,
      "must differ" },
    { { "stun-server", "--rate-limit=-1", NULL }, 2, "Bad arguments" },
    { { "stun-server", "extra", NULL }, 2, "Bad arguments" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (rows[i].args, NULL);

      g_test_message ("%s", r->err);
      g_assert_cmpint (r->status, ==, rows[i].status);
      g_assert_nonnull (strstr (r->err, rows[i].words));
      g_assert_true (g_str_has_prefix (r->err, "phoneset: "));
    }
}

static void
test_port_in_use (void)
{
  const char      *args[] = { "--address=127.0.0.231", NULL };
  Server          *server = server_start ("in-use", args);
  g_autofree char *port = g_strdup_printf ("--port=%u", server->port);
  const char      *again[] = { "stun-server", "--address=127.0.0.231", port, "--duration=1", NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (again, NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "coturn"));
  out = server_stop (server);
  g_assert_nonnull (strstr (out, "No STUN request arrived."));
}

/* Clients nobody here wrote, against a server with an other address. */
static void
test_foreign_clients (void)
{
  const char      *args[] = { "--address=127.0.0.231", "--alt-address=127.0.0.232", NULL };
  Server          *server = server_start ("foreign", args);
  g_autofree char *target = g_strdup_printf ("127.0.0.231:%u", server->port);
  g_autofree char *port = g_strdup_printf ("%u", server->port);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  int              status = 0;

  /* Vovida stun (RFC 3489): tests I, II, III and I(2), all answered. */
  text = run_tool ((const char *const[]){ "stun", target, "-v", NULL }, &status);
  if (text != NULL)
    {
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, "Primary: Open"));
      g_assert_nonnull (strstr (text, "test I(2) = 1"));
    }
  g_clear_pointer (&text, g_free);

  /* turnutils_stunclient: three RFC 5780 answers (the second to its
   * RESPONSE-PORT, the third to 1500 bytes of PADDING). */
  text = run_tool ((const char *const[]){ "turnutils_stunclient", "-p", port, "127.0.0.231", NULL },
                   &status);
  if (text != NULL)
    {
      g_autofree char *other = g_strdup_printf ("Other addr: : 127.0.0.232:%u", server->alt_port);

      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, "RFC 5780 response 3"));
      g_assert_nonnull (strstr (text, other));
    }
  g_clear_pointer (&text, g_free);

  /* turnutils_natdiscovery: mapping and filtering, loopback: no NAT. */
  text = run_tool (
    (const char *const[]){ "turnutils_natdiscovery", "-m", "-f", "-p", port, "127.0.0.231", NULL },
    &status);
  if (text != NULL)
    {
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, "Endpoint Independent Mapping"));
      g_assert_nonnull (strstr (text, "Endpoint Independent Filtering"));
    }
  g_clear_pointer (&text, g_free);

  /* Our own self-test: it needs OTHER-ADDRESS, and gets it. */
  {
    const char *argv[] = { "stun-test", target, "--transport=udp", "--json", NULL };
    g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);
    g_autoptr(JsonObject) result = NULL;
    JsonObject *nat;

    g_assert_cmpint (r->status, ==, 0);
    result = parse_object (r->out);
    nat = json_object_get_object_member (result, "nat");
    g_assert_false (json_object_get_boolean_member (nat, "present"));
    g_assert_cmpstr (json_object_get_string_member (nat, "mapping"), ==, "endpoint-independent");
    g_assert_cmpstr (json_object_get_string_member (nat, "filtering"), ==, "endpoint-independent");
    g_assert_cmpstr (json_object_get_string_member (nat, "classic"), ==, "open");
  }

  /* A line per request as it arrived, then the table and the totals. */
  out = server_stop (server);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "Binding request (RFC 3489, change IP)"));
  g_assert_nonnull (strstr (out, "Binding request (RFC 5389, change IP and port)"));
  g_assert_nonnull (strstr (out, "answered from 127.0.0.232:"));
  g_assert_nonnull (strstr (out, "Source "));
  g_assert_nonnull (strstr (out, "Change port"));
  g_assert_nonnull (strstr (out, "packets received"));
}

/* Without an other address: change-IP requests are counted, not answered. */
static void
test_no_other_address (void)
{
  const char      *args[] = { "--address=127.0.0.231", "--json", NULL };
  Server          *server = server_start ("no-other", args);
  g_autofree char *target = g_strdup_printf ("127.0.0.231:%u", server->port);
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) document = NULL;
  JsonObject      *totals;
  int              status = 0;
  g_autofree char *text = run_tool ((const char *const[]){ "stun", target, NULL }, &status);

  if (text == NULL)
    {
      server_stop (server);
      g_test_skip ("Vovida stun (Debian stun-client) is not installed");
      return;
    }
  /* Test II unanswered: not open. */
  g_assert_null (strstr (text, "Primary: Open"));
  out = server_stop (server);
  document = parse_object (out);
  totals = json_object_get_object_member (document, "server");
  g_assert_true (json_object_get_null_member (totals, "other_address"));
  g_assert_cmpint (json_object_get_int_member (totals, "unanswerable"), >=, 1);
  g_assert_cmpint (json_object_get_int_member (totals, "answered"), >=, 1);
}

/* The simulated phone is pushed a configuration whose STUN server is this
 * one; its refresh shows, named after the phone of the inventory and
 * judged against the binding lifetime the self-test measured. */
static void
test_sim_phone (void)
{
  g_autofree char *inventory = g_strdup_printf ("%s/phoneset/inventory.json", tmpdir);
  g_autofree char *dir = g_path_get_dirname (inventory);
  const char      *args[] = { "--address=127.0.0.231", "--json", NULL };
  Server          *server = NULL;
  guint16          pnp_port = free_udp_port ();
  g_autofree char *pnp_target = g_strdup_printf ("--pnp-target=127.0.0.1:%u", pnp_port);
  g_autofree char *pnp_arg = g_strdup_printf ("--pnp-port=%u", pnp_port);
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start (
    "snom", "127.0.0.236",
    (const char *const[]){ "--no-prompt", "--pnp", pnp_target, "--pnp-tries=1", NULL });
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *config = NULL;
  g_autofree char *config_path = g_build_filename (tmpdir, "snom.json", NULL);
  g_autofree char *config_arg = g_strdup_printf ("--config=%s", config_path);
  g_autofree char *pw = g_strdup_printf ("PHONESET_TEST_PW=%s", PHONESET_TEST_PASSWORD);
  g_autofree char *xdg = g_strdup_printf ("XDG_DATA_HOME=%s", tmpdir);
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) document = NULL;
  JsonObject *client;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (
    inventory,
    "{\"version\": 1, \"phones\": [{\"address\": \"127.0.0.236:8080\", \"name\": \"Lobby\", "
    "\"profile\": \"snom\", \"binding_lifetime_ms\": 1500}]}",
    -1, NULL));
  server = server_start ("sim", args);
  config = g_strdup_printf (
    "{\"profile\": \"snom\", \"settings\": {\"nat.stun.server\": \"127.0.0.231:%u\", "
    "\"nat.stun.refresh\": 2}}",
    server->port);
  g_assert_true (g_file_set_contents (config_path, config, -1, NULL));
  {
    const char *argv[] = { "push",
                           phone,
                           "--profile=snom",
                           config_arg,
                           "--mac=00:04:13:2b:3c:4d",
                           "--via=pnp",
                           pnp_arg,
                           "--wait=5",
                           "--password-env=PHONESET_TEST_PW",
                           NULL };
    const char *env[] = { pw, xdg, NULL };
    g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, env);

    g_test_message ("%s%s", r->out, r->err);
    g_assert_cmpint (r->status, ==, 0);
  }
  /* Three refreshes: two gaps. */
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);
      JsonObject *stun = json_object_get_object_member (state, "stun");

      if (json_object_get_int_member (stun, "answered") >= 3)
        break;
      g_usleep (100000);
    }
  out = server_stop (server);
  document = parse_object (out);
  client = find_client (document, "127.0.0.236:");
  g_assert_nonnull (client);
  g_assert_cmpstr (json_object_get_string_member (client, "phone"), ==, "Lobby");
  g_assert_cmpint (json_object_get_int_member (client, "requests"), >=, 3);
  g_assert_cmpint (json_object_get_int_member (client, "no_change"), >=, 3);
  g_assert_cmpint (json_object_get_int_member (client, "interval_ms"), >=, 1800);
  g_assert_cmpint (json_object_get_int_member (client, "interval_ms"), <=, 2600);
  g_assert_cmpint (json_object_get_int_member (client, "binding_lifetime_ms"), ==, 1500);
  g_assert_nonnull (
    strstr (json_object_get_string_member (client, "verdict"), "incoming calls will be lost"));
  g_assert_nonnull (
    strstr (json_object_get_string_member (client, "verdict"), "STUN Binding Interval"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (client, "cost"),
                                               "requests_per_month"),
                   >, 1000000);
  g_assert_nonnull (json_object_get_string_member (client, "first_seen"));
  g_unlink (inventory);
}

/* Many sources, garbage, oversized packets and a rate-limited one: the
 * server keeps answering, the table keeps to its size, memory stays. */
static void
test_flood (void)
{
  const char *args[] = { "--address=127.0.0.231", "--json", "--max-clients=50", "--rate-limit=50",
                         NULL };
  Server     *server = server_start ("flood", args);
  g_autoptr(GInetAddress) ip = g_inet_address_new_from_string ("127.0.0.231");
  g_autoptr(GSocketAddress) to = g_inet_socket_address_new (ip, server->port);
  g_autoptr(GInetAddress) from_ip = g_inet_address_new_from_string ("127.0.0.237");
  g_autoptr(GSocketAddress) from = g_inet_socket_address_new (from_ip, 0);
  static const guint8 binding[20] = { 0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42, 1,  2,
                                      3,    4,    5,    6,    7,    8,    9,    10,   11, 12 };
  guint8              big[3000];
  g_autofree char    *out = NULL;
  g_autoptr(JsonObject) document = NULL;
  JsonObject      *totals;
  g_autofree char *pid = g_strdup (g_subprocess_get_identifier (server->proc));
  g_autofree char *status_path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *status = NULL;
  guint64          rss = 0;

  memset (big, 0xab, sizeof big);
  for (guint s = 0; s < 200; s++)
    {
      g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                                 G_SOCKET_PROTOCOL_UDP, NULL);

      g_assert_true (g_socket_bind (socket, from, FALSE, NULL));
      for (guint i = 0; i < 100; i++)
        {
          const guint8 *data = i % 3 == 0 ? binding : big;
          gsize         len = i % 3 == 0 ? sizeof binding : (i % 3 == 1 ? 37 : sizeof big);

          g_socket_send_to (socket, to, (const char *)data, len, NULL, NULL);
        }
      /* As fast as a slow (sanitizer) build reads: the kernel's receive
       * buffer would drop the rest, which tests nothing. */
      g_usleep (2000);
    }
  g_usleep (300000);
  status = read_text (status_path);
  if (strstr (status, "VmRSS:") != NULL)
    rss = g_ascii_strtoull (strstr (status, "VmRSS:") + 6, NULL, 10);
  g_test_message ("RSS after the flood: %" G_GUINT64_FORMAT " KiB", rss);
  g_assert_cmpuint (rss, <, 64 * 1024);

  /* Still answering. */
  {
    g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                               G_SOCKET_PROTOCOL_UDP, NULL);
    char   buf[512];
    gssize n;

    g_assert_true (g_socket_bind (socket, from, FALSE, NULL));
    g_socket_set_timeout (socket, 3);
    g_socket_send_to (socket, to, (const char *)binding, sizeof binding, NULL, NULL);
    n = g_socket_receive (socket, buf, sizeof buf, NULL, NULL);
    g_assert_cmpint (n, >, 20);
  }
  out = server_stop (server);
  document = parse_object (out);
  totals = json_object_get_object_member (document, "server");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document, "clients")), ==,
                    50);
  g_assert_cmpint (json_object_get_int_member (totals, "evicted"), >=, 50);
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (totals, "dropped"), "oversized"), >,
    0);
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (totals, "dropped"), "malformed"), >,
    0);
  g_assert_cmpint (json_object_get_int_member (totals, "answered"), >, 100);
}

/* As root: a request whose source is the server's own secondary socket
 * (a spoofed loop) is dropped, never answered. */
static void
test_spoofed_loop (void)
{
  const char      *args[] = { "--address=127.0.0.231", "--json", NULL };
  Server          *server;
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) document = NULL;
  int status = 0;

  if (geteuid () != 0)
    {
      g_test_skip ("a spoofed source needs a raw socket (root); CI runs as root");
      return;
    }
  server = server_start ("loop", args);
  script =
    g_strdup_printf ("import socket, struct\n"
                     "src, dst, sport, dport = '127.0.0.231', '127.0.0.231', %u, %u\n"
                     "stun = bytes.fromhex('000100002112a442') + bytes(range(12))\n"
                     "udp = struct.pack('!HHHH', sport, dport, 8 + len(stun), 0) + stun\n"
                     "ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0, "
                     "socket.inet_aton(src), socket.inet_aton(dst))\n"
                     "s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)\n"
                     "s.sendto(ip + udp, (dst, 0))\n",
                     server->alt_port, server->port);
  g_assert_true (g_spawn_sync (NULL, (char *[]){ "python3", "-c", script, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_usleep (300000);
  out = server_stop (server);
  document = parse_object (out);
  g_assert_cmpint (
    json_object_get_int_member (
      json_object_get_object_member (json_object_get_object_member (document, "server"), "dropped"),
      "loops"),
    ==, 1);
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (document, "server"), "answered"), ==,
    0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document, "clients")), ==,
                    0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("phoneset-cli-stun-server-XXXXXX", NULL);
  g_setenv ("PHONESET_TEST_SIM_PASSWORD", PHONESET_TEST_PASSWORD, TRUE);

  g_test_add_func ("/cli/stun-server/usage", test_usage);
  g_test_add_func ("/cli/stun-server/port-in-use", test_port_in_use);
  g_test_add_func ("/cli/stun-server/foreign-clients", test_foreign_clients);
  g_test_add_func ("/cli/stun-server/no-other-address", test_no_other_address);
  g_test_add_func ("/cli/stun-server/sim-phone", test_sim_phone);
  g_test_add_func ("/cli/stun-server/flood", test_flood);
  g_test_add_func ("/cli/stun-server/spoofed-loop", test_spoofed_loop);

  ret = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };

    g_spawn_sync (NULL, (char **)rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return ret;
}
