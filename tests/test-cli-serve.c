/* test-cli-serve.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `phoneset serve` as a client and an attacker see it, on 127.0.0.150–159
 * only: it listens on the address given (127.0.0.1 by default, as the man
 * page says), refuses path traversal and oversized requests with their
 * status and without growing, and takes Action URL events from the phones
 * of the inventory only unless --accept-unknown-phones.
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>

#include "phoneset-action-url.h"
#include "phoneset-profile.h"
#include "phoneset-test-cli.h"
#include "phoneset-test-catalog.h"

static char *tmpdir;

typedef struct
{
  GSubprocess *proc;
  char        *out_path;
  char        *err_path;
  char        *host;
  guint16      port;
} Serve;

static char *
read_text (const char *path)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

/* Starts serve with ARGS (NULL-terminated), its output in files; waits
 * (bounded: 10 s) for its "listening" line. */
static Serve *
serve_start (const char        *name,
             const char *const *env,
             const char *const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Serve *serve = g_new0 (Serve, 1);

  serve->out_path = g_strdup_printf ("%s/%s.out", tmpdir, name);
  serve->err_path = g_strdup_printf ("%s/%s.err", tmpdir, name);
  g_subprocess_launcher_set_stdout_file_path (launcher, serve->out_path);
  g_subprocess_launcher_set_stderr_file_path (launcher, serve->err_path);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  g_ptr_array_add (argv, (gpointer)g_getenv ("PHONESET_BIN"));
  g_ptr_array_add (argv, "serve");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  serve->proc = g_subprocess_launcher_spawnv (launcher, (const char *const *)argv->pdata, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *text = read_text (serve->out_path);
      char            *nl = strchr (text, '\n');

      if (nl != NULL)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GUri) uri = NULL;
          JsonObject *object;

          *nl = '\0';
          g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
          object = json_node_get_object (json_parser_get_root (parser));
          g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "listening");
          uri =
            g_uri_parse (json_object_get_string_member (object, "url"), G_URI_FLAGS_NONE, &error);
          g_assert_no_error (error);
          serve->host = g_strdup (g_uri_get_host (uri));
          serve->port = (guint16)g_uri_get_port (uri);
          return serve;
        }
      g_usleep (50000);
    }
  g_error ("serve did not start: %s", read_text (serve->err_path));
  return NULL;
}

static void
serve_stop (Serve *serve)
{
  g_subprocess_send_signal (serve->proc, SIGTERM);
  g_assert_true (g_subprocess_wait (serve->proc, NULL, NULL));
  g_assert_true (g_subprocess_get_if_exited (serve->proc));
  g_assert_cmpint (g_subprocess_get_exit_status (serve->proc), ==, 0);
  g_object_unref (serve->proc);
  g_free (serve->out_path);
  g_free (serve->err_path);
  g_free (serve->host);
  g_free (serve);
}

static gboolean
serve_alive (Serve *serve)
{
  return g_subprocess_get_identifier (serve->proc) != NULL;
}

/* Resident memory of serve, in KiB. */
static guint64
serve_rss (Serve *serve)
{
  g_autofree char *path =
    g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (serve->proc));
  g_autofree char *text = read_text (path);
  const char      *line = strstr (text, "VmRSS:");

  g_assert_nonnull (line);
  return g_ascii_strtoull (line + 6, NULL, 10);
}

/* CPU time used by serve so far, in clock ticks. */
static guint64
serve_cpu (Serve *serve)
{
  g_autofree char *path =
    g_strdup_printf ("/proc/%s/stat", g_subprocess_get_identifier (serve->proc));
  g_autofree char *text = read_text (path);
  const char      *p = strrchr (text, ')');
  g_auto(GStrv) fields = NULL;

  g_assert_nonnull (p);
  fields = g_strsplit (p + 2, " ", 0);
  g_assert_cmpuint (g_strv_length (fields), >, 13);
  /* utime and stime: fields 14 and 15 of stat, 12 and 13 after the name. */
  return g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10);
}

static GSocketConnection *
connect_to (const char  *host,
            guint16      port,
            const char  *source,
            GError     **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (host);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, port);

  g_socket_client_set_timeout (client, 5);
  if (source != NULL)
    {
      g_autoptr(GInetAddress) from = g_inet_address_new_from_string (source);
      g_autoptr(GSocketAddress) local = g_inet_socket_address_new (from, 0);

      g_socket_client_set_local_address (client, local);
    }
  return g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, error);
}

/* Reads one response (head and Content-Length body); its status, or 0 if
 * the connection closed first. */
static guint
read_response (GSocketConnection *connection,
               GString           *body)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  g_autoptr(GString) head = g_string_new (NULL);
  char        c;
  guint       status = 0;
  const char *cl;
  gsize       length = 0;

  while (!g_str_has_suffix (head->str, "\r\n\r\n") && head->len < 65536)
    {
      if (g_input_stream_read (in, &c, 1, NULL, NULL) != 1)
        return 0;
      g_string_append_c (head, c);
    }
  if (sscanf (head->str, "HTTP/1.%*d %u", &status) != 1)
    return 0;
  cl = strstr (head->str, "Content-Length: ");
  if (cl != NULL)
    length = g_ascii_strtoull (cl + 16, NULL, 10);
  for (gsize i = 0; i < length; i++)
    {
      if (g_input_stream_read (in, &c, 1, NULL, NULL) != 1)
        break;
      if (body != NULL)
        g_string_append_c (body, c);
    }
  return status;
}

/* Sends REQUEST (all of it, even when the server has answered already)
 * on a new connection from SOURCE and returns the status. */
static guint
request (Serve      *serve,
         const char *source,
         const char *text,
         gsize       len,
         GString    *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketConnection) connection = connect_to (serve->host, serve->port, source, &error);
  GOutputStream *out;

  g_assert_no_error (error);
  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  /* The server may close after answering: a failed write is no error here. */
  g_output_stream_write_all (out, text, len, NULL, NULL, NULL);
  return read_response (connection, body);
}

static guint
get (Serve      *serve,
     const char *target,
     GString    *body)
{
  g_autofree char *text =
    g_strdup_printf ("GET %s HTTP/1.1\r\nHost: phone\r\nConnection: close\r\n\r\n", target);

  return request (serve, NULL, text, strlen (text), body);
}

static char *
make_tree (const char *name)
{
  g_autofree char *tree = g_build_filename (tmpdir, name, "www", NULL);
  g_autofree char *outside = g_build_filename (tmpdir, name, "outside", NULL);
  g_autofree char *sub = g_build_filename (tree, "sub", NULL);
  g_autofree char *a = g_build_filename (tree, "001565000001.cfg", NULL);
  g_autofree char *b = g_build_filename (sub, "b.cfg", NULL);
  g_autofree char *hidden = g_build_filename (tree, ".hidden.cfg", NULL);
  g_autofree char *secret = g_build_filename (outside, "secret.cfg", NULL);
  g_autofree char *link = g_build_filename (tree, "link.cfg", NULL);
  g_autofree char *dirlink = g_build_filename (tree, "outdir", NULL);

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (outside, 0755), ==, 0);
  g_assert_true (g_file_set_contents (a, "account.1.user_name = 1001\n", -1, NULL));
  g_assert_true (g_file_set_contents (b, "in the sub-folder\n", -1, NULL));
  g_assert_true (g_file_set_contents (hidden, "hidden\n", -1, NULL));
  g_assert_true (g_file_set_contents (secret, "OUTSIDE-SECRET\n", -1, NULL));
  g_assert_cmpint (symlink (secret, link), ==, 0);
  g_assert_cmpint (symlink (outside, dirlink), ==, 0);
  return g_steal_pointer (&tree);
}

/* --address: that address only; the default is 127.0.0.1, as the man page
 * says; --pnp needs an address. */
static void
test_address (void)
{
  g_autofree char *tree = make_tree ("address");
  const char      *args[] = { "--dir", tree, "--address=127.0.0.151", "--duration=20", NULL };
  const char      *default_args[] = { "--dir", tree, "--duration=20", NULL };
  Serve           *serve = serve_start ("address", NULL, args);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketConnection) other = NULL;
  g_autofree char *man_path =
    g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "phoneset.1", NULL);
  g_autofree char *man = read_text (man_path);
  const char      *serve_section = strstr (man, ".SS serve");
  const char      *address_option = serve_section ? strstr (serve_section, "\\-\\-address=") : NULL;
  g_autofree char *err = NULL;

  g_assert_cmpstr (serve->host, ==, "127.0.0.151");
  g_assert_cmpuint (get (serve, "/001565000001.cfg", NULL), ==, 200);
  /* The same port on another address of the machine: nobody listens. */
  other = connect_to ("127.0.0.152", serve->port, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_assert_null (other);
  serve_stop (serve);

  /* The default, and the man page saying so. */
  g_assert_nonnull (address_option);
  g_assert_nonnull (strstr (address_option, "default 127.0.0.1"));
  serve = serve_start ("address-default", NULL, default_args);
  g_assert_cmpstr (serve->host, ==, "127.0.0.1");
  g_assert_cmpuint (get (serve, "/001565000001.cfg", NULL), ==, 200);
  err = read_text (serve->err_path);
  g_assert_nonnull (strstr (err, "--address"));
  serve_stop (serve);

  {
    const char *argv[] = { "serve", "--dir", tree, "--pnp", "--duration=1", NULL };
    g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);

    g_assert_cmpint (r->status, ==, 2);
    g_assert_nonnull (strstr (r->err, "--address"));
  }
}

/* Each way out of the tree, and the status it gets; never the secret. */
static void
test_traversal (void)
{
  g_autofree char *tree = make_tree ("traversal");
  const char      *args[] = { "--dir", tree, "--address=127.0.0.153", "--duration=30", NULL };
  Serve           *serve = serve_start ("traversal", NULL, args);
  const struct
  {
    const char *target;
    guint       status;
  } cases[] = {
    { "/001565000001.cfg", 200 },
    { "/sub/b.cfg", 200 },
    /* Dot segments are resolved (RFC 3986) before the lookup: they never
     * climb above the tree, and what they name is not in it. */
    { "/../outside/secret.cfg", 404 },
    { "/../../../../etc/passwd", 404 },
    { "/%2e%2e/outside/secret.cfg", 404 },
    { "/%2E%2E/%2E%2E/etc/passwd", 404 },
    { "/sub/%2e%2e/%2e%2e/outside/secret.cfg", 404 },
    { "http://phone/../outside/secret.cfg", 404 },
    /* Encoded slashes and backslashes, NUL. */
    { "/sub%2fb.cfg", 400 },
    { "/..%2foutside%2fsecret.cfg", 400 },
    { "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 400 },
    { "/..%5coutside%5csecret.cfg", 400 },
    { "/..\\outside\\secret.cfg", 400 },
    { "/001565000001.cfg%00.txt", 400 },
    /* Absolute paths are taken inside the tree. */
    { "/etc/passwd", 404 },
    { "//etc/passwd", 404 },
    { "etc/passwd", 400 },
    /* Links leading out of the tree. */
    { "/link.cfg", 403 },
    { "/outdir/secret.cfg", 403 },
    /* Hidden files, folders, no listing. */
    { "/.hidden.cfg", 404 },
    { "/sub", 404 },
    { "/", 404 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      guint status = get (serve, cases[i].target, body);

      g_test_message ("%s → %u", cases[i].target, status);
      g_assert_cmpuint (status, ==, cases[i].status);
      g_assert_null (strstr (body->str, "OUTSIDE-SECRET"));
    }
  g_assert_true (serve_alive (serve));
  serve_stop (serve);
}

static char *
repeat (char  c,
        gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

/* Oversized requests, as the first request of a connection and after a
 * good one on a kept-alive connection; then 1,000 of them and the memory. */
static void
test_oversized (void)
{
  g_autofree char *tree = make_tree ("oversized");
  const char      *args[] = { "--dir", tree, "--address=127.0.0.154", "--duration=60", NULL };
  /* Under AddressSanitizer, freed blocks wait in a quarantine (up to
   * 256 MiB) before reuse: that would count as growth. */
  g_autofree char *asan =
    g_strdup_printf ("%s:quarantine_size_mb=0:thread_local_quarantine_size_kb=0",
                     g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "");
  const char      *env[] = { "ASAN_OPTIONS", asan, NULL };
  Serve           *serve = serve_start ("oversized", env, args);
  g_autofree char *a100k = repeat ('a', 100000);
  g_autofree char *a9k = repeat ('a', 9000);
  g_autofree char *long_url = g_strdup_printf ("GET /%s HTTP/1.1\r\nHost: phone\r\n\r\n", a100k);
  g_autofree char *url_9k = g_strdup_printf ("GET /%s HTTP/1.1\r\nHost: phone\r\n\r\n", a9k);
  g_autofree char *long_header =
    g_strdup_printf ("GET /001565000001.cfg HTTP/1.1\r\nHost: phone\r\nX-A: %s\r\n\r\n", a100k);
  g_autofree char *header_20k = g_strdup_printf (
    "GET /001565000001.cfg HTTP/1.1\r\nHost: phone\r\nX-A: %.20000s\r\n\r\n", a100k);
  g_autoptr(GString) many = g_string_new ("GET /001565000001.cfg HTTP/1.1\r\nHost: phone\r\n");
  g_autofree char *big_body = g_strdup_printf ("POST /001565000001.cfg HTTP/1.1\r\nHost: phone\r\n"
                                               "Content-Length: 100000000\r\n\r\n%s",
                                               a100k);
  const char      *chunked =
    "POST /001565000001.cfg HTTP/1.1\r\nHost: phone\r\nTransfer-Encoding: chunked\r\n\r\n"
    "10000\r\n";
  const char *good = "GET /001565000001.cfg HTTP/1.1\r\nHost: phone\r\n\r\n";
  guint64     rss_before, rss_after;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (many, "X-%u: b\r\n", i);
  g_string_append (many, "\r\n");

  g_assert_cmpuint (request (serve, NULL, long_url, strlen (long_url), NULL), ==, 414);
  g_assert_cmpuint (request (serve, NULL, url_9k, strlen (url_9k), NULL), ==, 414);
  g_assert_cmpuint (request (serve, NULL, long_header, strlen (long_header), NULL), ==, 431);
  g_assert_cmpuint (request (serve, NULL, header_20k, strlen (header_20k), NULL), ==, 431);
  g_assert_cmpuint (request (serve, NULL, many->str, many->len, NULL), ==, 431);
  g_assert_cmpuint (request (serve, NULL, big_body, strlen (big_body), NULL), ==, 413);
  g_assert_cmpuint (request (serve, NULL, chunked, strlen (chunked), NULL), ==, 413);

  /* The same after a good request on the same connection (libsoup reads
   * this head; the early check answers). */
  {
    const char *second[] = { url_9k, header_20k, many->str, big_body, chunked };
    guint       expected[] = { 414, 431, 431, 413, 413 };

    for (guint i = 0; i < G_N_ELEMENTS (second); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GSocketConnection) connection =
                     connect_to (serve->host, serve->port, NULL, &error);
        GOutputStream *out;

        g_assert_no_error (error);
        out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
        g_assert_true (g_output_stream_write_all (out, good, strlen (good), NULL, NULL, NULL));
        g_assert_cmpuint (read_response (connection, NULL), ==, 200);
        g_output_stream_write_all (out, second[i], strlen (second[i]), NULL, NULL, NULL);
        g_assert_cmpuint (read_response (connection, NULL), ==, expected[i]);
      }
  }

  /* 1,000 oversized requests (about 100 MB sent in all): serve stays up
   * and its memory flat. */
  rss_before = serve_rss (serve);
  for (guint i = 0; i < 1000; i++)
    {
      const char *text = i % 3 == 0 ? long_url : i % 3 == 1 ? long_header : big_body;
      guint       expected = i % 3 == 0 ? 414 : i % 3 == 1 ? 431 : 413;

      g_assert_cmpuint (request (serve, NULL, text, strlen (text), NULL), ==, expected);
    }
  rss_after = serve_rss (serve);
  g_test_message ("RSS before %" G_GUINT64_FORMAT
                  " KiB, after 1000 oversized requests %" G_GUINT64_FORMAT " KiB",
                  rss_before, rss_after);
  g_assert_cmpuint (rss_after, <, rss_before + 2048);
  g_assert_true (serve_alive (serve));
  g_assert_cmpuint (get (serve, "/001565000001.cfg", NULL), ==, 200);
  serve_stop (serve);
}

/* A client that sends part of a head and waits: answered 408 after the
 * head time-out (10 s), without serve spinning meanwhile. */
static void
test_slow_head (void)
{
  g_autofree char *tree = make_tree ("slow");
  const char      *args[] = { "--dir", tree, "--address=127.0.0.158", "--duration=40", NULL };
  Serve           *serve = serve_start ("slow", NULL, args);
  const char      *part = "GET /001565000001.cfg HTTP/1.1\r\nHost: phone\r\n";
  guint64          cpu_before = serve_cpu (serve);
  gint64           start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketConnection) connection = connect_to (serve->host, serve->port, NULL, &error);
  GSocket *socket;
  double   waited;

  g_assert_no_error (error);
  socket = g_socket_connection_get_socket (connection);
  g_socket_set_timeout (socket, 20);
  g_assert_true (
    g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), part,
                               strlen (part), NULL, NULL, NULL));
  g_assert_cmpuint (read_response (connection, NULL), ==, 408);
  waited = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  /* The connection stays open: serve drains it for 2 s, then closes. */
  g_usleep (2500000);
  g_test_message ("408 after %.1f s; serve used %" G_GUINT64_FORMAT " CPU ticks meanwhile", waited,
                  serve_cpu (serve) - cpu_before);
  g_assert_cmpfloat (waited, >=, 9.0);
  g_assert_cmpfloat (waited, <, 15.0);
  /* Less than a second of CPU in 12.5 s: it waited, it did not poll hard. */
  g_assert_cmpuint (serve_cpu (serve) - cpu_before, <, (guint64)sysconf (_SC_CLK_TCK));
  g_assert_cmpuint (get (serve, "/001565000001.cfg", NULL), ==, 200);
  serve_stop (serve);
}

static guint
count_lines (const char *path,
             const char *needle)
{
  g_autofree char *text = read_text (path);
  guint            n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

/* Action URL events: from a phone of the inventory, taken; from any other
 * address, ignored (403) and reported once; all taken with
 * --accept-unknown-phones. */
static void
test_action_url_unknown (void)
{
  g_autofree char *data_home = g_build_filename (tmpdir, "data", NULL);
  g_autofree char *inventory_dir = g_build_filename (data_home, "phoneset", NULL);
  g_autofree char *inventory = g_build_filename (inventory_dir, "inventory.json", NULL);
  const char      *env[] = { "XDG_DATA_HOME", data_home, NULL };
  const char      *args[] = { "--action-url", "--address=127.0.0.155", "--duration=20", NULL };
  const char *open_args[] = { "--action-url", "--accept-unknown-phones", "--address=127.0.0.155",
                              "--duration=20", NULL };
  const char *event =
    "GET /action-url/off_hook?mac=001565000001&ip=127.0.0.156 HTTP/1.1\r\nHost: pc\r\n"
    "Connection: close\r\n\r\n";
  g_autofree char *out = NULL;
  Serve           *serve;

  g_assert_cmpint (g_mkdir_with_parents (inventory_dir, 0700), ==, 0);
  g_assert_true (
    g_file_set_contents (inventory,
                         "{ \"version\" : 1, \"phones\" : [ { \"address\" : \"127.0.0.156\", "
                         "\"name\" : \"Reception\", \"vendor\" : \"yealink\" } ] }",
                         -1, NULL));

  serve = serve_start ("action-url", env, args);
  out = g_strdup (serve->out_path);
  g_assert_cmpuint (request (serve, "127.0.0.156", event, strlen (event), NULL), ==, 200);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (request (serve, "127.0.0.157", event, strlen (event), NULL), ==, 403);
  serve_stop (serve);
  g_assert_cmpuint (count_lines (out, "\"type\":\"action-url\""), ==, 1);
  g_assert_cmpuint (count_lines (out, "\"phone\":\"127.0.0.156\""), ==, 1);
  g_assert_cmpuint (count_lines (out, "\"type\":\"action-url-ignored\""), ==, 1);
  g_assert_cmpuint (count_lines (out, "\"from\":\"127.0.0.157\""), ==, 1);

  serve = serve_start ("action-url-open", env, open_args);
  g_free (out);
  out = g_strdup (serve->out_path);
  g_assert_cmpuint (request (serve, "127.0.0.157", event, strlen (event), NULL), ==, 200);
  serve_stop (serve);
  g_assert_cmpuint (count_lines (out, "\"phone\":\"127.0.0.157\""), ==, 1);
  g_assert_cmpuint (count_lines (out, "action-url-ignored"), ==, 0);

  {
    const char *argv[] = { "serve", "--dir", tmpdir, "--accept-unknown-phones", NULL };
    g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);

    g_assert_cmpint (r->status, ==, 2);
  }
}

/* serve --action-url prints, for each profile that writes Action URLs, the
 * entries that point them at it under that profile's own keys: each
 * Yealink generation its own names for the registration events (V8x
 * action_url.registered, older firmware action_url.log_on), the event in
 * the URL the setting's id. */
static void
test_action_url_config (void)
{
  const char *args[] = { "--action-url", "--accept-unknown-phones", "--address=127.0.0.158",
                         "--duration=20", NULL };
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) profiles = phoneset_test_load_profiles (dirs, &errors);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Serve *serve = serve_start ("action-url-config", NULL, args);

  /* The config lines follow "listening" at once. */
  for (guint i = 0; i < 100; i++)
    {
      g_free (text);
      text = read_text (serve->out_path);
      if (strstr (text, "yealink-v8x") != NULL && strstr (text, "yealink-legacy") != NULL)
        break;
      g_usleep (50000);
    }
  serve_stop (serve);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject       *line;
      JsonObject       *entries;
      PhonesetProfile  *profile;
      PhonesetCfgFormat format;
      GPtrArray        *settings;
      guint             expected = 0;
      g_autofree char  *vendor = NULL;

      if (strstr (lines[i], "\"action-url-config\"") == NULL)
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      line = json_node_get_object (json_parser_get_root (parser));
      profile = phoneset_profiles_find (
        profiles, json_object_get_string_member_with_default (line, "profile", ""));
      g_assert_nonnull (profile);
      g_hash_table_add (seen, (gpointer)phoneset_profile_get_id (profile));
      g_assert_true (phoneset_profile_get_file_format (profile, &format));
      g_assert_cmpstr (json_object_get_string_member (line, "format"), ==,
                       phoneset_cfg_format_to_string (format));
      entries = json_object_get_object_member (line, "entries");
      /* Exactly the profile's Action URL keys, each with its event. */
      settings = phoneset_profile_get_settings (profile);
      for (guint j = 0; j < settings->len; j++)
        {
          PhonesetSetting *setting = g_ptr_array_index (settings, j);
          const char      *id = phoneset_setting_get_id (setting);
          g_autofree char *path = NULL;
          PhonesetCfgKey   key;

          if (!g_str_has_prefix (id, "action_url.") ||
              phoneset_setting_get_value_type (setting) != PHONESET_SETTING_URL ||
              !phoneset_setting_get_cfg_key (setting, format, 0, &key))
            continue;
          expected++;
          path = g_strdup_printf ("/action-url/%s?mac=$mac", id + strlen ("action_url."));
          g_assert_true (json_object_has_member (entries, key.key));
          g_assert_nonnull (strstr (json_object_get_string_member (entries, key.key), path));
        }
      g_assert_cmpuint (json_object_get_size (entries), ==, expected);

      if (g_str_equal (phoneset_profile_get_id (profile), "yealink-v8x"))
        {
          g_assert_true (json_object_has_member (entries, "action_url.registered"));
          g_assert_true (json_object_has_member (entries, "action_url.unregistered"));
          g_assert_false (json_object_has_member (entries, "action_url.log_on"));
          g_assert_false (json_object_has_member (entries, "action_url.log_off"));
        }
      else if (g_str_equal (phoneset_profile_get_id (profile), "yealink-legacy"))
        {
          g_assert_nonnull (strstr (json_object_get_string_member (entries, "action_url.log_on"),
                                    "/action-url/registered?"));
          g_assert_nonnull (strstr (json_object_get_string_member (entries, "action_url.log_off"),
                                    "/action-url/unregistered?"));
          g_assert_false (json_object_has_member (entries, "action_url.registered"));
        }
      vendor = g_ascii_strdown (phoneset_profile_get_vendor (profile), -1);
      g_assert_cmpstr (json_object_get_string_member (line, "vendor"), ==, vendor);
    }
  g_assert_true (g_hash_table_contains (seen, "yealink-v8x"));
  g_assert_true (g_hash_table_contains (seen, "yealink-legacy"));
}

/* The SIP PnP responder binds the wildcard address (multicast needs it)
 * but, given --address, takes only what is sent to that address (or to
 * the PnP group): a SUBSCRIBE to another address of this computer on the
 * same port is not answered. */
static void
test_pnp_address (void)
{
  g_autofree char *tree = make_tree ("pnp");
  g_autoptr(GSocket) probe = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                            G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_from_string ("127.0.0.150");
  g_autoptr(GSocketAddress) bind_address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GError) error = NULL;
  guint16          pnp_port, me;
  g_autofree char *pnp_arg = NULL;
  const char      *targets[] = { "127.0.0.152", "127.0.0.150" };
  gboolean         answered[2] = { FALSE, FALSE };
  Serve           *serve;

  g_assert_true (g_socket_bind (probe, bind_address, FALSE, &error));
  local = g_socket_get_local_address (probe, &error);
  me = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  {
    /* A free UDP port for the responder. */
    g_autoptr(GSocket) s = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                          G_SOCKET_PROTOCOL_UDP, NULL);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) got = NULL;

    g_assert_true (g_socket_bind (s, any, FALSE, NULL));
    got = g_socket_get_local_address (s, NULL);
    pnp_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (got));
  }
  pnp_arg = g_strdup_printf ("--pnp-port=%u", pnp_port);
  {
    const char *args[] = { "--dir",         tree, "--pnp", pnp_arg, "--address=127.0.0.150",
                           "--duration=20", NULL };

    serve = serve_start ("pnp", NULL, args);
  }
  g_socket_set_timeout (probe, 1);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autoptr(GInetAddress) to_inet = g_inet_address_new_from_string (targets[t]);
      g_autoptr(GSocketAddress) to = g_inet_socket_address_new (to_inet, pnp_port);
      g_autofree char *subscribe = g_strdup_printf (
        "SUBSCRIBE sip:MAC%%3a001565000001@224.0.1.75 SIP/2.0\r\n"
        "Via: SIP/2.0/UDP 127.0.0.150:%u;branch=z9hG4bK%u;rport\r\n"
        "From: <sip:MAC%%3a001565000001@224.0.1.75>;tag=%u\r\nTo: "
        "<sip:MAC%%3a001565000001@224.0.1.75>\r\n"
        "Call-ID: pnp-%u@127.0.0.150\r\nCSeq: 1 SUBSCRIBE\r\nContact: <sip:127.0.0.150:%u>\r\n"
        "Max-Forwards: 70\r\nUser-Agent: Yealink SIP-T46G 28.72.0.1\r\nExpires: 0\r\n"
        "Event: "
        "ua-profile;profile-type=\"device\";vendor=\"Yealink\";model=\"SIP-T46G\";version=\"28.72."
        "0.1\"\r\n"
        "Accept: application/url\r\nContent-Length: 0\r\n\r\n",
        me, t, t, t, me);
      char buf[4096];

      g_assert_cmpint (g_socket_send_to (probe, to, subscribe, strlen (subscribe), NULL, &error), >,
                       0);
      g_assert_no_error (error);
      for (guint i = 0; i < 3; i++)
        {
          gssize n = g_socket_receive (probe, buf, sizeof buf - 1, NULL, NULL);

          if (n <= 0)
            break;
          buf[n] = '\0';
          if (g_str_has_prefix (buf, "SIP/2.0 200") || g_str_has_prefix (buf, "NOTIFY "))
            answered[t] = TRUE;
        }
    }
  g_assert_false (answered[0]);
  g_assert_true (answered[1]);
  serve_stop (serve);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("phoneset-cli-serve-XXXXXX", NULL);

  g_test_add_func ("/serve/address", test_address);
  g_test_add_func ("/serve/traversal", test_traversal);
  g_test_add_func ("/serve/oversized", test_oversized);
  g_test_add_func ("/serve/action-url-unknown", test_action_url_unknown);
  g_test_add_func ("/serve/action-url-config", test_action_url_config);
  g_test_add_func ("/serve/pnp-address", test_pnp_address);
  g_test_add_func ("/serve/slow-head", test_slow_head);

  ret = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };

    g_spawn_sync (NULL, (char **)rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_free (tmpdir);
  return ret;
}
