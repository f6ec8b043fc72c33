/* test-faults-cli.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fault matrix on the command line (issue 9): `phoneset push` and
 * `phoneset key` against each fault of the simulated phone, and
 * `phoneset stun-test` against a server that is down, silent, or that UDP
 * does not reach. Each gives exit status 1, one line on stderr that names
 * the fault in the user's terms, and ends within its bound. The measured
 * times are printed (meson test -C build faults-cli -v) for tests/FAULTS.md.
 *
 * Loopback addresses 127.0.0.100–127.0.0.115 and 127.0.0.210–127.0.0.214
 * (the lossy relay's, ports 22040–22051 and 22140–22159) only.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "phoneset-test-cli.h"
#include "phoneset-test-coturn.h"
#include "phoneset-test-sockets.h"
#include "phoneset-test-sim.h"

/* Every HTTP request gives up after this (--timeout). */
#define TIMEOUT_S 1
/* Slack for starting the process on a loaded 2-core CI machine. */
#define SLACK_US (2 * G_USEC_PER_SEC)

static char       *tmp_dir;

static const char *yealink_cfg = "#!version:1.0.0.1\n"
                                 "account.1.user_name = 1001\n"
                                 "static.network.vlan.internet_port_vid = 42\n";

/* Checks the one-line error and the time; prints both for the matrix. */
static void
assert_fault (const char        *what,
              PhonesetCliResult *r,
              gint64             elapsed,
              const char        *message,
              gint64             bound)
{
  g_test_message ("FAULT %s | exit %d | %.2f s | %s", what, r->status, elapsed / 1e6,
                  g_strchomp (r->err));
  g_assert_cmpint (r->status, ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "phoneset: "));
  g_assert_null (strchr (r->err, '\n'));
  if (strstr (r->err, message) == NULL)
    g_error ("%s: “%s” does not say “%s”", what, r->err, message);
  g_assert_cmpint (elapsed, <, bound);
  g_assert_null (strstr (r->err, PHONESET_TEST_PASSWORD));
  g_assert_null (strstr (r->out, PHONESET_TEST_PASSWORD));
}

static PhonesetCliResult *
run (const char        *command,
     const char        *phone,
     const char *const *extra,
     gint64            *elapsed)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char   *pw = g_strdup_printf ("PHONESET_TEST_PW=%s", PHONESET_TEST_PASSWORD);
  g_autofree char   *xdg = g_strdup_printf ("XDG_DATA_HOME=%s", tmp_dir);
  const char        *env[] = { pw, xdg, NULL };
  gint64             start;
  PhonesetCliResult *r;

  g_ptr_array_add (argv, g_strdup (command));
  g_ptr_array_add (argv, g_strdup (phone));
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra[i]));
  if (!g_str_equal (command, "stun-test"))
    {
      g_ptr_array_add (argv, g_strdup ("--vendor=yealink"));
      g_ptr_array_add (argv, g_strdup_printf ("--timeout=%d", TIMEOUT_S));
      g_ptr_array_add (argv, g_strdup ("--password-env=PHONESET_TEST_PW"));
    }
  g_ptr_array_add (argv, NULL);
  start = g_get_monotonic_time ();
  r = phoneset_test_run_cli ((const char *const *)argv->pdata, env);
  *elapsed = g_get_monotonic_time () - start;
  return r;
}

static const char *const *
push_args (void)
{
  static char       *file_arg;
  static const char *args[] = { NULL, "--via=autop", "--wait=2", NULL };

  if (file_arg == NULL)
    {
      g_autofree char *file = g_build_filename (tmp_dir, "001565aabbcc.cfg", NULL);

      g_assert_true (g_file_set_contents (file, yealink_cfg, -1, NULL));
      file_arg = g_strdup_printf ("--file=%s", file);
      args[0] = file_arg;
    }
  return args;
}

static const char *const key_args[] = { "OK", NULL };

/* The simulator's fault modes (phone-sim --fault), and two a simulator
 * cannot be: a phone that is off (no SYN-ACK) and one whose web server is
 * down (connection refused). */
typedef struct
{
  const char *fault;
  const char *address;
  const char *message;
  gboolean    waits; /* ends by the timeout, not at once */
} Fault;

static const Fault faults[] = {
  { "slow", "127.0.0.100",
    "accepted the connection but sent no answer within 1 second: it may be busy", TRUE },
  { "drop", "127.0.0.101",
    "accepted the connection but sent no answer within 1 second: it may be busy", TRUE },
  { "500", "127.0.0.102",
    "answered “500 Internal Server Error”: its web server failed on this request", FALSE },
  { "garbage", "127.0.0.103", "answered with something that is not HTTP", FALSE },
  { "reset", "127.0.0.104", "reset the connection instead of answering", FALSE },
  { "off", "127.0.0.106", "did not answer within 1 second: check that it is on", TRUE },
  { "down", "127.0.0.107", "nothing accepts connections on that port", FALSE },
};

static void
test_fault (gconstpointer data)
{
  const Fault     *f = data;
  g_autofree char *fault = g_strdup_printf ("--fault=%s", f->fault);
  /* Slower than the timeout by far, so a slow phone is a timeout. */
  const char      *sim_args[] = { "--no-prompt", fault, "--slow-ms=6000", NULL };
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autoptr(GPtrArray) hung = NULL;
  g_autofree char *phone = NULL;
  gint64           bound = (f->waits ? TIMEOUT_S * G_USEC_PER_SEC : 0) + SLACK_US;
  const char      *commands[] = { "push", "key" };

  if (g_str_equal (f->fault, "off"))
    {
      guint16 port;

      hung = phoneset_test_hung_listener (f->address, &port);
      phone = g_strdup_printf ("%s:%u", f->address, port);
    }
  else if (g_str_equal (f->fault, "down"))
    phone = g_strdup_printf ("%s:%u", f->address, phoneset_test_closed_port (f->address));
  else
    {
      sim = phoneset_test_sim_start ("yealink", f->address, sim_args);
      phone = phoneset_test_sim_http (sim);
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s/%s", commands[i], f->fault);
      gint64           elapsed;
      g_autoptr(PhonesetCliResult) r =
                   run (commands[i], phone, i == 0 ? push_args () : key_args, &elapsed);

      assert_fault (what, r, elapsed, f->message, bound);
      if (sim != NULL)
        {
          g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);

          /* Nothing took effect on the phone. */
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (state, "fetches")),
                            ==, 0);
        }
    }
}

/* HTTPS: the first push pins the certificate; after the phone's
 * certificate changed, push and key stop and say so at once. */
static void
test_tls_changed (void)
{
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start_tls_changed ("yealink", "127.0.0.105");
  g_autofree char   *phone = g_strdup_printf ("127.0.0.105:%u", sim->https_port);
  const char *const *file = push_args ();
  const char        *push[] = { file[0], file[1], file[2], "--https", NULL };
  const char        *key[] = { "OK", "--https", NULL };
  gint64             elapsed;
  g_autoptr(PhonesetCliResult) first = run ("push", phone, push, &elapsed);
  g_autoptr(PhonesetCliResult) second = NULL;
  g_autoptr(PhonesetCliResult) third = NULL;

  g_assert_cmpstr (first->err, ==, "");
  g_assert_cmpint (first->status, ==, 0);
  g_usleep (300 * 1000); /* the simulator changes its certificate */
  second = run ("push", phone, push, &elapsed);
  assert_fault ("push/tls-changed", second, elapsed, "shows a different HTTPS certificate",
                SLACK_US);
  third = run ("key", phone, key, &elapsed);
  assert_fault ("key/tls-changed", third, elapsed, "shows a different HTTPS certificate", SLACK_US);
}

/* ---- stun-test ---------------------------------------------------------- */

/* The engine gives up after 1.6 s of silence. */
#define STUN_BOUND_US (1600 * 1000 + SLACK_US)

static GSocket *
bind_socket (const char      *ip,
             guint16          port,
             GSocketType      type,
             GSocketProtocol  protocol,
             guint16         *bound_port)
{
  g_autoptr(GInetAddress) addr = g_inet_address_new_from_string (ip);
  g_autoptr(GSocketAddress) where = g_inet_socket_address_new (addr, port);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *s = g_socket_new (G_SOCKET_FAMILY_IPV4, type, protocol, &error);

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (s, where, TRUE, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (s, NULL);
  if (bound_port != NULL)
    *bound_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return s;
}

/* Server down: nothing listens at the address. */
static void
test_stun_down (void)
{
  g_autofree char *server =
    g_strdup_printf ("127.0.0.110:%u", phoneset_test_closed_port ("127.0.0.110"));
  gint64 elapsed;
  g_autoptr(PhonesetCliResult) r = run ("stun-test", server, NULL, &elapsed);

  assert_fault ("stun-test/server-down", r, elapsed, "could not be reached: nothing listens there",
                STUN_BOUND_US);
  g_assert_nonnull (strstr (r->err, "that the STUN server is running"));
  /* The text on stdout starts with the same verdict. */
  g_assert_true (g_str_has_prefix (r->out, "The STUN server 127.0.0.110:"));
}

/* Everything dropped on the way (a firewall): UDP and TCP are silent. */
static void
test_stun_silent (void)
{
  guint16 port;
  g_autoptr(GSocket) udp =
               bind_socket ("127.0.0.111", 0, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &port);
  g_autoptr(GPtrArray) tcp = NULL;
  g_autofree char *server = NULL;
  gint64           elapsed;
  g_autoptr(PhonesetCliResult) r = NULL;
  guint16 tcp_port;

  /* UDP only: the socket bound on the port never answers. */
  g_assert_nonnull (udp);
  server = g_strdup_printf ("127.0.0.111:%u", port);
  r = run ("stun-test", server, (const char *const[]){ "--transport=udp", NULL }, &elapsed);
  assert_fault ("stun-test/udp-dropped", r, elapsed, "nothing answered within 1.", STUN_BOUND_US);
  g_assert_nonnull (strstr (r->err, "(tried UDP)"));
  g_assert_nonnull (strstr (r->err, "A firewall may drop the packets"));
  /* UDP and TCP: a silent UDP socket on the port of a listener that
   * never answers the SYN. */
  tcp = phoneset_test_hung_listener ("127.0.0.111", &tcp_port);
  {
    g_autoptr(GSocket) udp2 = bind_socket ("127.0.0.111", tcp_port, G_SOCKET_TYPE_DATAGRAM,
                                            G_SOCKET_PROTOCOL_UDP, NULL);
    g_autofree char *both = g_strdup_printf ("127.0.0.111:%u", tcp_port);
    g_autoptr(PhonesetCliResult) r2 = NULL;

    g_assert_nonnull (udp2);
    r2 = run ("stun-test", both, NULL, &elapsed);

    assert_fault ("stun-test/all-dropped", r2, elapsed, "nothing answered within", STUN_BOUND_US);
    g_assert_nonnull (strstr (r2->err, "(tried UDP, TCP)"));
  }
}

/* UDP blocked, the server up on TCP (a real coturn with UDP off; what UDP
 * sends is dropped silently): the test runs (exit 0) and says so. */
static void
test_stun_udp_blocked (void)
{
  g_autofree char *turnserver = g_find_program_in_path ("turnserver");
  g_autoptr(GSubprocess) coturn = NULL;
  g_autoptr(GSocket) udp = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCliResult) r = NULL;
  g_autofree char *pid_file = g_build_filename (tmp_dir, "turnserver.pid", NULL);
  g_autofree char *pid_arg = g_strdup_printf ("--pidfile=%s", pid_file);
  g_autofree char *first_line = NULL;
  gint64           deadline, elapsed;
  gboolean         up = FALSE;

  if (turnserver == NULL)
    {
      g_test_skip ("coturn (turnserver) is not installed; build-aux/dev test installs it");
      return;
    }
  /* Port 3478 on an address only this test uses. */
  udp = bind_socket ("127.0.0.112", 3478, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);
  coturn = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                             &error, turnserver, "-n", "--listening-ip=127.0.0.112",
                             "--listening-port=3478", "--no-udp", "--no-tls", "--no-dtls",
                             "--no-cli", "--log-file=stdout", pid_arg, NULL);
  g_assert_no_error (error);
  /* Bounded wait until coturn accepts TCP. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!up && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) c =
                   g_socket_client_connect_to_host (client, "127.0.0.112:3478", 0, NULL, NULL);

      up = c != NULL;
      if (!up)
        g_usleep (50 * 1000);
    }
  g_assert_true (up);

  r = run ("stun-test", "127.0.0.112:3478", NULL, &elapsed);
  first_line = g_strndup (r->out, strcspn (r->out, "\n"));
  g_test_message ("FAULT stun-test/udp-blocked | exit %d | %.2f s | %s", r->status, elapsed / 1e6,
                  first_line);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (first_line, ==, "UDP is blocked; the server answers over TCP.");
  g_assert_nonnull (strstr (r->out, "line.1.transport = tcp"));
  g_assert_cmpint (elapsed, <, STUN_BOUND_US);

  g_subprocess_send_signal (coturn, SIGTERM);
  g_subprocess_wait (coturn, NULL, NULL);
  g_remove (pid_file);
}

/* 20 % of the packets lost each way (tests/stun-loss-relay.py in front of
 * a real coturn, seeded): on loopback there is no NAT, so the verdict is
 * "open" or, honestly, not determined (saying how many probes got no
 * answer); never a NAT type. The details say how many packets got lost. */
static void
test_stun_loss (void)
{
  g_autoptr(PhonesetTestCoturn) coturn =
               phoneset_test_coturn_start ("127.0.0.212", "127.0.0.213", 22040, 22140, TRUE);
  g_autoptr(PhonesetCliResult) r = NULL;
  g_autofree char *first_line = NULL;
  const char      *packets;
  guint            sent = 0, answers = 0;
  gint64           elapsed;

  if (coturn == NULL)
    {
      g_test_skip ("coturn (turnserver) is not installed; build-aux/dev test installs it");
      return;
    }
  phoneset_test_coturn_add_relay (coturn, "127.0.0.212", "127.0.0.213", 22040, "127.0.0.210",
                                  "127.0.0.211", 22050, "127.0.0.214", 0.2, 9);
  r = run ("stun-test", coturn->server, NULL, &elapsed);
  first_line = g_strndup (r->out, strcspn (r->out, "\n"));
  packets = strstr (r->out, "Packets: ");
  g_assert_nonnull (packets);
  g_assert_cmpint (sscanf (packets, "Packets: %u sent, %u answers", &sent, &answers), ==, 2);
  g_test_message ("FAULT stun-test/loss-20 | exit %d | %.2f s | %s | %u of %u packets unanswered",
                  r->status, elapsed / 1e6, first_line, sent - answers, sent);
  g_assert_cmpint (r->status, ==, 0);
  if (g_str_equal (first_line, "NAT type not determined"))
    g_assert_nonnull (strstr (r->out, "got no answer: the network loses too many packets"));
  else
    g_assert_cmpstr (first_line, ==, "Open internet (no NAT, no firewall)");
  g_assert_nonnull (strstr (r->out, "NAT present: no"));
  /* Some were lost, and the text says so. */
  g_assert_cmpuint (answers, <, sent);
  g_assert_cmpint (elapsed, <, STUN_BOUND_US);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("phoneset-faults-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/faults/http/%s", faults[i].fault);

      g_test_add_data_func (path, &faults[i], test_fault);
    }
  g_test_add_func ("/faults/http/tls-changed", test_tls_changed);
  g_test_add_func ("/faults/stun/server-down", test_stun_down);
  g_test_add_func ("/faults/stun/silent", test_stun_silent);
  g_test_add_func ("/faults/stun/udp-blocked", test_stun_udp_blocked);
  g_test_add_func ("/faults/stun/loss", test_stun_loss);

  status = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_autofree char *sub = g_build_filename (path, "pins.json", NULL);

        g_remove (sub);
        g_rmdir (path);
        g_remove (path);
      }
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);
  return status;
}
