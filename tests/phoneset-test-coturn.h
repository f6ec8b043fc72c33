/* phoneset-test-coturn.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real STUN server (coturn) on loopback for the fault tests, optionally
 * behind the lossy UDP relay tests/stun-loss-relay.py. Each gets its own
 * pid file, database and log in a temporary directory, ports below the
 * kernel's ephemeral range (given by the test), and dies with the test.
 * Header only (static inline), for the CLI and the window tests alike.
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

typedef struct
{
  GSubprocess *coturn;
  GSubprocess *relay;
  char        *dir;
  char        *server; /* what a client asks: the relay when there is one */
} PhonesetTestCoturn;

static inline void
phoneset_test_coturn_die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Whether `phoneset stun-test SERVER --transport=TRANSPORT` succeeds. */
static inline gboolean
phoneset_test_coturn_answers (const char *server,
                              const char *transport)
{
  g_autofree char *arg = g_strdup_printf ("--transport=%s", transport);
  const char      *argv[] = { g_getenv ("PHONESET_BIN"), "stun-test", server, arg, NULL };
  int              status = -1;

  g_assert_nonnull (argv[0]);
  return g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                       NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

/* coturn listening on @ip (and @alt_ip, if given, for RFC 5780) at @port
 * and @port + 1, relaying on @relay_min–@relay_min + 19; with @udp FALSE,
 * TCP only (--no-udp). Returns NULL when coturn is not installed. Ready
 * when it answers a binding (bounded: 20 s). */
/* Starts coturn on @ip (and @alt_ip, for RFC 5780) at @port and @port + 1,
 * relaying from @relay_min to @relay_min + 19, without UDP unless @udp;
 * with @user ("name:password") it also allocates TURN relays for that
 * user (realm phoneset.test, loopback peers allowed). Returns when it
 * answers a binding, or %NULL when coturn is not installed. */
static inline PhonesetTestCoturn *
phoneset_test_coturn_start_full (const char *ip,
                                 const char *alt_ip,
                                 guint       port,
                                 guint       relay_min,
                                 gboolean    udp,
                                 const char *user)
{
  g_autofree char *turnserver = g_find_program_in_path ("turnserver");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PhonesetTestCoturn *self;
  gboolean            ready = FALSE;

  if (turnserver == NULL)
    return NULL;
  self = g_new0 (PhonesetTestCoturn, 1);
  self->dir = g_dir_make_tmp ("phoneset-coturn-XXXXXX", &error);
  g_assert_no_error (error);
  self->server = g_strdup_printf ("%s:%u", ip, port);
  g_ptr_array_add (args, g_strdup (turnserver));
  g_ptr_array_add (args, g_strdup ("-n"));
  g_ptr_array_add (args, g_strdup ("--no-tls"));
  g_ptr_array_add (args, g_strdup ("--no-dtls"));
  g_ptr_array_add (args, g_strdup ("--no-cli"));
  g_ptr_array_add (args, g_strdup ("--simple-log"));
  g_ptr_array_add (args, g_strdup_printf ("--listening-ip=%s", ip));
  if (alt_ip != NULL)
    g_ptr_array_add (args, g_strdup_printf ("--listening-ip=%s", alt_ip));
  g_ptr_array_add (args, g_strdup_printf ("--listening-port=%u", port));
  g_ptr_array_add (args, g_strdup_printf ("--alt-listening-port=%u", port + 1));
  g_ptr_array_add (args, g_strdup_printf ("--relay-ip=%s", ip));
  g_ptr_array_add (args, g_strdup_printf ("--min-port=%u", relay_min));
  g_ptr_array_add (args, g_strdup_printf ("--max-port=%u", relay_min + 19));
  g_ptr_array_add (args, g_strdup_printf ("--pidfile=%s/turnserver.pid", self->dir));
  g_ptr_array_add (args, g_strdup_printf ("--db=%s/turndb", self->dir));
  g_ptr_array_add (args, g_strdup_printf ("--log-file=%s/turnserver.log", self->dir));
  if (!udp)
    g_ptr_array_add (args, g_strdup ("--no-udp"));
  if (user != NULL)
    {
      g_ptr_array_add (args, g_strdup ("--lt-cred-mech"));
      g_ptr_array_add (args, g_strdup_printf ("--user=%s", user));
      g_ptr_array_add (args, g_strdup ("--realm=phoneset.test"));
      g_ptr_array_add (args, g_strdup ("--allow-loopback-peers"));
    }
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, phoneset_test_coturn_die_with_parent, NULL, NULL);
  self->coturn = g_subprocess_launcher_spawnv (launcher, (const char *const *)args->pdata, &error);
  g_assert_no_error (error);
  for (guint i = 0; !ready && i < 40; i++)
    {
      ready = phoneset_test_coturn_answers (self->server, udp ? "udp" : "tcp");
      if (!ready)
        g_usleep (500 * 1000);
    }
  g_assert_true (ready);
  return self;
}

static inline PhonesetTestCoturn *
phoneset_test_coturn_start (const char *ip,
                            const char *alt_ip,
                            guint       port,
                            guint       relay_min,
                            gboolean    udp)
{
  return phoneset_test_coturn_start_full (ip, alt_ip, port, relay_min, udp, NULL);
}

/* Puts tests/stun-loss-relay.py in front of coturn (started with @alt_ip):
 * it listens on @front_ip and @front_alt_ip at @front_port and
 * @front_port + 1, forwards from @upstream_ip, and drops @loss of the
 * packets each way (seeded with @seed). Clients then ask the relay. */
static inline void
phoneset_test_coturn_add_relay (PhonesetTestCoturn *self,
                                const char         *ip,
                                const char         *alt_ip,
                                guint               port,
                                const char         *front_ip,
                                const char         *front_alt_ip,
                                guint               front_port,
                                const char         *upstream_ip,
                                double              loss,
                                int                 seed)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "stun-loss-relay.py", NULL);
  g_autofree char *server = g_strdup_printf ("%s,%s", ip, alt_ip);
  g_autofree char *server_ports = g_strdup_printf ("%u,%u", port, port + 1);
  g_autofree char *front = g_strdup_printf ("%s,%s", front_ip, front_alt_ip);
  g_autofree char *front_ports = g_strdup_printf ("%u,%u", front_port, front_port + 1);
  g_autofree char *loss_text = g_strdup_printf ("%.2f", loss);
  g_autofree char *seed_text = g_strdup_printf ("%d", seed);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_subprocess_launcher_set_child_setup (launcher, phoneset_test_coturn_die_with_parent, NULL, NULL);
  self->relay = g_subprocess_launcher_spawn (launcher, &error, "python3", script, "--server", server, "--server-ports",
                                             server_ports, "--listen", front, "--listen-ports", front_ports,
                                             "--upstream-ip", upstream_ip, "--loss", loss_text, "--seed", seed_text,
                                             "--lifetime", "120", NULL);
  g_assert_no_error (error);
  /* "ready" once bound (or end of file if it failed). */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->relay));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  g_free (self->server);
  self->server = g_strdup_printf ("%s:%u", front_ip, front_port);
}

static inline void
phoneset_test_coturn_stop (PhonesetTestCoturn *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self->relay != NULL)
    {
      /* It prints what it dropped on stderr. */
      g_subprocess_send_signal (self->relay, SIGTERM);
      g_subprocess_wait (self->relay, NULL, NULL);
      g_clear_object (&self->relay);
    }
  g_subprocess_force_exit (self->coturn);
  g_subprocess_wait (self->coturn, NULL, NULL);
  g_clear_object (&self->coturn);
  dir = g_dir_open (self->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (self->dir);
  g_free (self->dir);
  g_free (self->server);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhonesetTestCoturn, phoneset_test_coturn_stop)
