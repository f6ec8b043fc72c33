/* test-cli-fleet.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `phoneset export --fleet`: the common file, one file per MAC and a README
 * with the DHCP lines; a phone list with bad rows writes nothing and names
 * the lines.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "phoneset-test-cli.h"

static char *tmpdir;

static char *
write_tmp (const char *name,
           const char *text)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static char *
read_tmp (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char            *text = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  return text;
}

static void
test_export_fleet (void)
{
  g_autofree char *csv = write_tmp ("phones.csv", "\xef\xbb\xbf"
                                                  "mac,name,line.1.number\r\n"
                                                  "00:30:4f:00:00:01,\"Room 1, east\",3001\r\n"
                                                  "00304F000002,Room 2,3002\r\n");
  g_autofree char *out = g_build_filename (tmpdir, "out", NULL);
  const char      *argv[] = { "export",
                              "--profile",
                              "planet-vip",
                              "--model",
                              "VIP-2140PT",
                              "--fleet",
                              csv,
                              "--set",
                              "nat.stun.server=stun.example.org",
                              "--server-url",
                              "http://192.0.2.1",
                              "--output",
                              out,
                              NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);
  g_autofree char *common = NULL;
  g_autofree char *one = NULL;
  g_autofree char *readme = NULL;

  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_nonnull (strstr (r->out, "for 2 phones"));
  common = read_tmp (out, "f0VIP-2140PThw1.100.cfg");
  g_assert_nonnull (common);
  g_assert_nonnull (strstr (common, "stun.example.org"));
  one = read_tmp (out, "00304f000001.cfg");
  g_assert_nonnull (one);
  g_assert_nonnull (strstr (one, "3001"));
  readme = read_tmp (out, "README");
  g_assert_nonnull (strstr (readme, "dhcp-option=66,\"http://192.0.2.1/\""));
  g_assert_nonnull (strstr (readme, "Room 1, east"));
}

static void
test_export_fleet_bad_rows (void)
{
  g_autofree char *csv = write_tmp ("bad.csv", "mac,line.1.number,vlan.id\n"
                                               "00:30:4f:00:00:01,3001,100\n"
                                               "00:30:4f:00:00:0g,3002,\n"
                                               "00:30:4f:00:00:03,3003,99999\n"
                                               "00:30:4f:00:00:01,3004,\n");
  g_autofree char *out = g_build_filename (tmpdir, "bad-out", NULL);
  const char      *argv[] = { "export",  "--profile", "planet-vip", "--model", "VIP-2140PT",
                              "--fleet", csv,         "--output",   out,       NULL };
  const char      *no_model[] = { "export", "--profile", "planet-vip", "--fleet",
                                  csv,      "--output",  out,          NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);
  g_autoptr(PhonesetCliResult) m = NULL;

  g_assert_cmpint (r->status, ==, 2);
  g_assert_nonnull (strstr (r->err, "line 3, mac:"));
  g_assert_nonnull (strstr (r->err, "line 4, vlan.id:"));
  g_assert_nonnull (strstr (r->err, "line 5, mac:"));
  g_assert_nonnull (strstr (r->err, "nothing was written"));
  /* One line. */
  g_assert_cmpint (strchr (r->err, '\n') - r->err, ==, strlen (r->err) - 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  m = phoneset_test_run_cli (no_model, NULL);
  g_assert_cmpint (m->status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static guint
get_status (SoupSession *session,
            const char  *url)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_nonnull (msg);
  bytes = soup_session_send_and_read (session, msg, NULL, NULL);
  return soup_message_get_status (msg);
}

static gboolean
authenticate_cb (SoupMessage *msg,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 gpointer     user_data)
{
  g_assert_cmpstr (soup_auth_get_scheme_name (auth), ==, "Digest");
  if (!retrying)
    soup_auth_authenticate (auth, "admin", user_data);
  return FALSE;
}

/* serve: no listing, no way out of the folder, Digest auth, and a fetch
 * log that names the phone by MAC. */
static void
test_serve_tree (void)
{
  g_autoptr(GSubprocessLauncher) launcher =
               g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *tree = g_build_filename (tmpdir, "serve-tree", NULL);
  g_autofree char *file = g_build_filename (tree, "001565000001.cfg", NULL);
  g_autofree char *secret = g_build_filename (tmpdir, "secret.cfg", NULL);
  g_autofree char *line = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) serve = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SoupSession) session =
               soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 5, NULL);
  g_autoptr(GError) error = NULL;
  const char *bad[] = { "/",        "/../secret.cfg", "/%2e%2e/secret.cfg", "/..%2fsecret.cfg",
                        "/.hidden", "/nothere.cfg" };
  gboolean    seen = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (tree, 0755), ==, 0);
  g_assert_true (
    g_file_set_contents (file, "#!version:1.0.0.1\naccount.1.user_name = 1001\n", -1, NULL));
  g_assert_true (g_file_set_contents (secret, "outside", -1, NULL));

  g_subprocess_launcher_setenv (launcher, "PHONESET_TEST_SERVE_PW", "Tree-Pass-81", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  serve = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PHONESET_BIN"), "serve",
                                       "--dir", tree, "--address", "127.0.0.1", "--port", "0",
                                       "--user", "admin", "--password-env",
                                       "PHONESET_TEST_SERVE_PW", "--duration", "10", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (serve));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  base = g_strdup (
    json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "url"));
  g_assert_null (strstr (line, "Tree-Pass-81"));

  /* Without the password: 401. */
  url = g_strconcat (base, "/001565000001.cfg", NULL);
  g_assert_cmpuint (get_status (session, url), ==, 401);

  {
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GBytes) bytes = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "User-Agent",
                                  "Yealink SIP-T46G 28.72.0.1 00:15:65:00:00:01");
    g_signal_connect (msg, "authenticate", G_CALLBACK (authenticate_cb), (gpointer) "Tree-Pass-81");
    bytes = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    g_assert_nonnull (
      g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "1001"));
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *bad_url = g_strconcat (base, bad[i], NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", bad_url);
      g_autoptr(GBytes) bytes = NULL;

      if (msg == NULL)
        continue;
      g_signal_connect (msg, "authenticate", G_CALLBACK (authenticate_cb),
                        (gpointer) "Tree-Pass-81");
      bytes = soup_session_send_and_read (session, msg, NULL, NULL);
      /* Refused: not found, or a request libsoup finds malformed. */
      g_assert_true (soup_message_get_status (msg) == 404 || soup_message_get_status (msg) == 400);
      if (bytes != NULL && g_bytes_get_size (bytes) > 0)
        g_assert_null (
          g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "outside"));
    }

  /* The fetch log: the phone by MAC, from its User-Agent. */
  for (guint i = 0; i < 20 && !seen; i++)
    {
      g_autofree char *next = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (next);
      seen = strstr (next, "\"type\":\"fetch\"") && strstr (next, "\"mac\":\"001565000001\"") &&
             strstr (next, "\"status\":200");
    }
  g_assert_true (seen);
  g_subprocess_send_signal (serve, SIGTERM);
  g_subprocess_wait (serve, NULL, NULL);
  g_assert_true (g_subprocess_get_if_exited (serve));
  g_assert_cmpint (g_subprocess_get_exit_status (serve), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("phoneset-cli-fleet-XXXXXX", NULL);

  g_test_add_func ("/cli/export-fleet", test_export_fleet);
  g_test_add_func ("/cli/export-fleet-bad-rows", test_export_fleet_bad_rows);
  g_test_add_func ("/cli/serve-tree", test_serve_tree);

  ret = g_test_run ();
  {
    /* The test's own temporary tree. */
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };

    g_spawn_sync (NULL, (char **)rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return ret;
}
