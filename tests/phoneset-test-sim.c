/* phoneset-test-sim.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts a simulated phone ($PHONESET_PHONE_SIM) for a test, on free ports,
 * and reads its state. The admin password is always PHONESET_TEST_PASSWORD,
 * handed over in an environment variable.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>

#include "phoneset-test-sim.h"

PhonesetTestSim *
phoneset_test_sim_start (const char        *vendor,
                         const char        *address,
                         const char *const *extra_args)
{
  g_autoptr(GSubprocessLauncher) launcher =
               g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) words = NULL;
  PhonesetTestSim *sim = g_new0 (PhonesetTestSim, 1);
  const char      *bin = g_getenv ("PHONESET_PHONE_SIM");

  g_assert_nonnull (bin);
  sim->address = g_strdup (address);
  sim->state_dir = g_dir_make_tmp ("phoneset-sim-XXXXXX", &error);
  g_assert_no_error (error);

  g_ptr_array_add (args, g_strdup (bin));
  g_ptr_array_add (args, g_strdup_printf ("--vendor=%s", vendor));
  g_ptr_array_add (args, g_strdup_printf ("--address=%s", address));
  g_ptr_array_add (args, g_strdup ("--http-port=0"));
  g_ptr_array_add (args, g_strdup ("--sip-port=0"));
  g_ptr_array_add (args, g_strdup ("--lifetime=120"));
  g_ptr_array_add (args, g_strdup ("--password-env=PHONESET_TEST_SIM_PASSWORD"));
  g_ptr_array_add (args, g_strdup_printf ("--state-dir=%s", sim->state_dir));
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (extra_args[i]));
  g_ptr_array_add (args, NULL);

  g_subprocess_launcher_setenv (launcher, "PHONESET_TEST_SIM_PASSWORD", PHONESET_TEST_PASSWORD,
                                TRUE);
  sim->proc = g_subprocess_launcher_spawnv (launcher, (const char *const *)args->pdata, &error);
  g_assert_no_error (error);

  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sim->proc));
  line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "ready "));
  words = g_strsplit (line, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_has_prefix (words[i], "http="))
        sim->http_port = atoi (words[i] + 5);
      else if (g_str_has_prefix (words[i], "sip="))
        sim->sip_port = atoi (words[i] + 4);
      else if (g_str_has_prefix (words[i], "https="))
        sim->https_port = atoi (words[i] + 6);
    }
  g_assert_cmpuint (sim->http_port, >, 0);
  return sim;
}

/**
 * phoneset_test_sim_firmware_keys:
 * @profile_id: a profile id
 *
 * Returns: (transfer full): tests/phone-sim/firmware/PROFILE.keys, the keys
 *   that firmware generation reads (it may not exist yet: then the
 *   simulator applies every key and says so in its log)
 */
char *
phoneset_test_sim_firmware_keys (const char *profile_id)
{
  g_autofree char *name = g_strdup_printf ("%s.keys", profile_id);

  return g_test_build_filename (G_TEST_DIST, "phone-sim", "firmware", name, NULL);
}

/* The simulator's --vendor for a profile: its "vendor", in lower case. */
static char *
profile_vendor (const char *profile_id)
{
  g_autofree char *name = g_strdup_printf ("%s.json", profile_id);
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("PHONESET_PROFILES_DIR");

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return g_ascii_strdown (
    json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "vendor"),
    -1);
}

/**
 * phoneset_test_sim_start_profile:
 * @profile_id: the profile the simulated phone stands for
 * @address: a loopback address
 * @extra_args: (nullable): more simulator options
 *
 * Starts a phone of the profile's vendor that reads only the keys its
 * firmware generation reads (--firmware, phoneset_test_sim_firmware_keys()).
 *
 * Returns: (transfer full): the simulated phone
 */
PhonesetTestSim *
phoneset_test_sim_start_profile (const char        *profile_id,
                                 const char        *address,
                                 const char *const *extra_args)
{
  g_autofree char *vendor = profile_vendor (profile_id);
  g_autofree char *keys = phoneset_test_sim_firmware_keys (profile_id);
  g_autofree char *firmware = g_strdup_printf ("--firmware=%s", keys);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, firmware);
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)extra_args[i]);
  g_ptr_array_add (args, NULL);
  return phoneset_test_sim_start (vendor, address, (const char *const *)args->pdata);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

void
phoneset_test_sim_stop (PhonesetTestSim *sim)
{
  if (sim == NULL)
    return;
  g_subprocess_send_signal (sim->proc, SIGTERM);
  g_subprocess_wait (sim->proc, NULL, NULL);
  g_clear_object (&sim->proc);
  remove_tree (sim->state_dir);
  g_free (sim->state_dir);
  g_free (sim->address);
  g_free (sim);
}

char *
phoneset_test_sim_http (PhonesetTestSim *sim)
{
  return g_strdup_printf ("%s:%u", sim->address, sim->http_port);
}

static GBytes *
get (PhonesetTestSim *sim,
     const char      *path)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5, NULL);
  g_autofree char *url = g_strdup_printf ("http://%s:%u%s", sim->address, sim->http_port, path);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  GBytes *body = soup_session_send_and_read (session, msg, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  return body;
}

/**
 * phoneset_test_sim_state:
 *
 * Returns: (transfer full): the simulator's /__sim/state
 */
JsonObject *
phoneset_test_sim_state (PhonesetTestSim *sim)
{
  g_autoptr(GBytes) body = get (sim, "/__sim/state");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                              &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* "confirm", "reboot", "event?name=off_hook", "rotate-cert"... */
void
phoneset_test_sim_control (PhonesetTestSim *sim,
                           const char      *what)
{
  g_autofree char *path = g_strdup_printf ("/__sim/%s", what);

  g_bytes_unref (get (sim, path));
}

/* Waits (bounded) until the state's @array has at least @count entries. */
gboolean
phoneset_test_sim_wait (PhonesetTestSim *sim,
                        const char      *array,
                        guint            count,
                        guint            timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);

      if (json_array_get_length (json_object_get_array_member (state, array)) >= count)
        return TRUE;
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20 * 1000);
    }
  return FALSE;
}

/**
 * phoneset_test_sim_start_tls_changed:
 * @vendor: the simulated vendor
 * @address: a loopback address
 *
 * Starts a phone that answers HTTPS (any free port, sim->https_port) with
 * tests/phone-sim/test-cert1.pem, then changes to test-cert2.pem after
 * the first request (--fault=tls-changed), with no remote-control prompt.
 *
 * Returns: (transfer full): the simulated phone
 */
PhonesetTestSim *
phoneset_test_sim_start_tls_changed (const char *vendor,
                                     const char *address)
{
  g_autofree char *c1 = g_test_build_filename (G_TEST_DIST, "phone-sim", "test-cert1.pem", NULL);
  g_autofree char *k1 = g_test_build_filename (G_TEST_DIST, "phone-sim", "test-key1.pem", NULL);
  g_autofree char *c2 = g_test_build_filename (G_TEST_DIST, "phone-sim", "test-cert2.pem", NULL);
  g_autofree char *k2 = g_test_build_filename (G_TEST_DIST, "phone-sim", "test-key2.pem", NULL);
  g_autofree char *a1 = g_strdup_printf ("--tls-cert=%s", c1);
  g_autofree char *a2 = g_strdup_printf ("--tls-key=%s", k1);
  g_autofree char *a3 = g_strdup_printf ("--tls-cert2=%s", c2);
  g_autofree char *a4 = g_strdup_printf ("--tls-key2=%s", k2);
  const char *args[] = { "--no-prompt", "--fault=tls-changed", "--https-port=0", a1, a2, a3, a4,
                         NULL };

  return phoneset_test_sim_start (vendor, address, args);
}

/**
 * phoneset_test_sim_assert_autop_applied:
 * @sim: a simulated phone
 * @key: a key of its configuration
 * @value: the value @key must have
 *
 * Asserts that the phone's last fetch was an AutoP fetch it applied, and
 * that @key is now @value. The push ends when the file was served; the
 * phone applies it a moment later, so this waits up to 3 s for the fetch.
 */
void
phoneset_test_sim_assert_autop_applied (PhonesetTestSim *sim,
                                        const char      *key,
                                        const char      *value)
{
  g_autoptr(JsonObject) state = NULL;
  JsonArray  *fetches;
  JsonObject *last;

  g_assert_true (phoneset_test_sim_wait (sim, "fetches", 1, 3000));
  state = phoneset_test_sim_state (sim);
  fetches = json_object_get_array_member (state, "fetches");
  last = json_array_get_object_element (fetches, json_array_get_length (fetches) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "why"), ==, "autop");
  g_assert_true (json_object_get_boolean_member (last, "applied"));
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (state, "config"), key), ==,
    value);
}

/* Sends the sim a SIP OPTIONS from 127.0.0.1 and returns its answer. */
char *
phoneset_test_sim_sip_options (PhonesetTestSim *sim)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                             G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) local = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) bind_address = g_inet_socket_address_new (local, 0);
  g_autoptr(GInetAddress) remote = g_inet_address_new_from_string (sim->address);
  g_autoptr(GSocketAddress) to = g_inet_socket_address_new (remote, sim->sip_port);
  g_autoptr(GError) error = NULL;
  const char *request = "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\n"
                        "Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bKtest;rport\r\n"
                        "From: <sip:probe@127.0.0.1>;tag=t1\r\n"
                        "To: <sip:probe@127.0.0.1>\r\n"
                        "Call-ID: test-options@127.0.0.1\r\n"
                        "CSeq: 1 OPTIONS\r\n"
                        "Max-Forwards: 70\r\n"
                        "Content-Length: 0\r\n\r\n";
  char        buf[4096];
  gssize      n;

  g_socket_bind (socket, bind_address, FALSE, &error);
  g_assert_no_error (error);
  g_socket_set_timeout (socket, 3);
  g_socket_send_to (socket, to, request, strlen (request), NULL, &error);
  g_assert_no_error (error);
  n = g_socket_receive (socket, buf, sizeof buf - 1, NULL, &error);
  g_assert_no_error (error);
  return g_strndup (buf, n);
}
