/* test-active-uri-post.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys as the body of a POST (an "active_uri" block with "method": "POST",
 * data/profiles/README.md): the body built from the profile, XML escaping,
 * chunking at max_body, the parser's checks, the profile's status hints and
 * no_config_push; then `phoneset key --profile poly-uc` against a small
 * libsoup server in this process that asks for Digest authentication and
 * checks the method, path, content type and body.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "phoneset-active-uri.h"
#include "phoneset-delivery.h"
#include "phoneset-error.h"
#include <glib/gstdio.h>
#include "phoneset-test-active-uri.h"
#include "phoneset-test-catalog.h"
#include "phoneset-test-cli.h"

#define PUSH_USER     "pushuser"
#define PUSH_PASSWORD "s3cret-Push-pw"
#define PUSH_REALM    "PUSH Authentication"

static PhonesetActiveUri *
parse (const char  *json,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &local_error));
  g_assert_no_error (local_error);
  return phoneset_active_uri_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                            error);
}

/* A POST form with @members added: keys 0–9 → DialPad0–9, OK → Select. */
static PhonesetActiveUri *
post_form (const char  *members,
           GError     **error)
{
  g_autofree char *json = g_strdup_printf (
    "{ \"method\": \"POST\", \"path\": \"/push\", \"content_type\": \"application/x-test\", "
    "\"auth\": [\"digest\"], \"confidence\": \"V\", "
    "\"keys\": { \"0\": \"DialPad0\", \"1\": \"DialPad1\", \"2\": \"DialPad2\", "
    "\"3\": \"DialPad3\", \"OK\": \"Select\", \"UP\": \"a<b>'c\" }%s%s }",
    members[0] ? ", " : "", members);

  return parse (json, error);
}

static PhonesetActiveUri *
of_profile (const char *id)
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) profiles = phoneset_test_load_profiles (dirs, &errors);
  PhonesetProfile *profile = phoneset_profiles_find (profiles, id);
  g_autoptr(GError) error = NULL;
  PhonesetActiveUri *active_uri;

  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_nonnull (profile);
  active_uri = phoneset_active_uri_new_for_profile (profile, NULL, &error);
  g_assert_no_error (error);
  return active_uri;
}

static PhonesetActiveUri *
poly (void)
{
  return of_profile ("poly-uc");
}

/* The profile's own block: Key:NAME lines in a PolycomIPPhone document. */
static void
test_poly_body (void)
{
  g_autoptr(PhonesetActiveUri) active_uri = poly ();
  g_autofree char *body = phoneset_test_active_uri_requests (active_uri, "L1 8311 OK", NULL);

  g_assert_true (phoneset_active_uri_uses_post (active_uri));
  g_assert_cmpstr (phoneset_active_uri_get_path (active_uri), ==, "/push");
  g_assert_cmpstr (phoneset_active_uri_get_content_type (active_uri), ==,
                   "application/x-com-polycom-spipx");
  g_assert_cmpuint (phoneset_active_uri_get_max_body (active_uri), ==, 2048);
  g_assert_true (phoneset_active_uri_allows_scheme (active_uri, "Digest"));
  g_assert_false (phoneset_active_uri_allows_scheme (active_uri, "Basic"));
  g_assert_cmpstr (body, ==,
                   "<PolycomIPPhone><Data priority=\"Critical\">Key:Line1\nKey:DialPad8\n"
                   "Key:DialPad3\nKey:DialPad1\nKey:DialPad1\nKey:Select</Data></PolycomIPPhone>");
  /* The guide's examples give Line1 and the digits; the rest are [U]. */
  g_assert_false (phoneset_active_uri_is_unconfirmed (active_uri, "L1"));
  g_assert_false (phoneset_active_uri_is_unconfirmed (active_uri, "5"));
  g_assert_true (phoneset_active_uri_is_unconfirmed (active_uri, "VOLUME_UP"));
  g_assert_cmpstr (phoneset_active_uri_lookup (active_uri, "SPEAKER"), ==, "Handsfree");
  g_assert_null (phoneset_active_uri_get_provisioning_url_setting (active_uri));
}

/* A long sequence goes out in several requests of at most 2 KB. */
static void
test_poly_chunks (void)
{
  g_autoptr(PhonesetActiveUri) active_uri = poly ();
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  guint keys = 0;

  for (guint i = 0; i < 300; i++)
    g_ptr_array_add (words, "5");
  g_ptr_array_add (words, NULL);
  requests =
    phoneset_active_uri_build_requests (active_uri, (const char *const *)words->pdata, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, >=, 2);
  for (guint i = 0; i < requests->len; i++)
    {
      const char *body = g_ptr_array_index (requests, i);

      g_assert_cmpuint (strlen (body), <=, 2048);
      g_assert_true (g_str_has_prefix (body, "<PolycomIPPhone><Data priority=\"Critical\">"));
      g_assert_true (g_str_has_suffix (body, "</Data></PolycomIPPhone>"));
      for (const char *p = strstr (body, "Key:DialPad5"); p != NULL;
           p = strstr (p + 1, "Key:DialPad5"))
        keys++;
      /* Full but for the last: the next key would not have fitted. */
      if (i + 1 < requests->len)
        g_assert_cmpuint (strlen (body) + strlen ("\nKey:DialPad5"), >, 2048);
    }
  g_assert_cmpuint (keys, ==, 300);
}

/* Every method that makes the phone fetch a file refuses: the profile says
 * why. The one that gives it the settings through its REST API does not. */
static void
test_poly_no_config_push (void)
{
  g_autoptr(PhonesetActiveUri) active_uri = poly ();

  g_assert_nonnull (phoneset_active_uri_get_no_config_push (active_uri));
  for (const PhonesetDelivery *const *all = phoneset_delivery_get_all (); *all != NULL; all++)
    {
      g_autoptr(GError) error = NULL;

      if (phoneset_delivery_is_direct (*all))
        {
          g_assert_true (phoneset_delivery_check (*all, active_uri, &error));
          g_assert_no_error (error);
          continue;
        }
      g_assert_false (phoneset_delivery_check (*all, active_uri, &error));
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (error->message, "provisioning server"));
    }
  /* The status hints: by status, then by class. */
  g_assert_nonnull (
    strstr (phoneset_active_uri_get_status_hint (active_uri, 401), "apps.push.username"));
  g_assert_nonnull (
    strstr (phoneset_active_uri_get_status_hint (active_uri, 403), "apps.push.messageType"));
  g_assert_null (phoneset_active_uri_get_status_hint (active_uri, 500));
  g_assert_null (phoneset_active_uri_get_status_hint (active_uri, 200));
}

static void
test_body_escaping (void)
{
  g_autoptr(PhonesetActiveUri) active_uri = post_form (
    "\"body\": \"<D>{keys}</D>\", \"key_format\": \"K&{key}\", \"separator\": \";\"", NULL);
  g_autofree char *body = phoneset_test_active_uri_requests (active_uri, "1 UP", NULL);

  g_assert_nonnull (active_uri);
  g_assert_cmpstr (body, ==, "<D>K&amp;DialPad1;K&amp;a&lt;b&gt;&apos;c</D>");
  g_assert_cmpstr (phoneset_active_uri_get_content_type (active_uri), ==, "application/x-test");
  /* A GET profile is not a POST one. */
  g_assert_true (phoneset_active_uri_uses_post (active_uri));
}

/* frame "<D></D>" 7 bytes, a key "Key:DialPadN" 12, a separator 1. */
static void
test_body_chunking (void)
{
  g_autoptr(PhonesetActiveUri) two = post_form (
    "\"body\": \"<D>{keys}</D>\", \"key_format\": \"Key:{key}\", \"separator\": \"\\n\", "
    "\"max_body\": 32",
    NULL);
  g_autoptr(PhonesetActiveUri) tiny = post_form (
    "\"body\": \"<D>{keys}</D>\", \"key_format\": \"Key:{key}\", \"separator\": \"\\n\", "
    "\"max_body\": 18",
    NULL);
  g_autoptr(PhonesetActiveUri) single = post_form (
    "\"body\": \"<D>{keys}</D>\", \"key_format\": \"Key:{key}\", \"separator\": \"\"", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = phoneset_test_active_uri_requests (two, "0 1 2 3 0", NULL);
  g_autofree char *b = phoneset_test_active_uri_requests (tiny, "0", &error);
  g_autofree char *c = phoneset_test_active_uri_requests (single, "0 1", NULL);

  g_assert_cmpstr (a, ==,
                   "<D>Key:DialPad0\nKey:DialPad1</D> | <D>Key:DialPad2\nKey:DialPad3</D> | "
                   "<D>Key:DialPad0</D>");
  g_assert_null (b);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
  g_assert_cmpstr (c, ==, "<D>Key:DialPad0</D> | <D>Key:DialPad1</D>");
}

static void
test_parse_errors (void)
{
  const char *bad[] = {
    "\"body\": \"<D></D>\"",
    "\"body\": \"<D>{keys}{keys}</D>\"",
    "\"body\": \"<D>{keys}</D>\", \"key_format\": \"Key\"",
    "\"body\": \"<D>{keys}</D>\", \"param\": \"key\"",
    "\"body\": \"<D>{keys}</D>\", \"max_body\": -1",
    "\"body\": \"<D>{keys}</D>\", \"max_body\": \"2k\"",
    "\"body\": \"<D>{keys}</D>\", \"separator\": \"|\"",
    "\"body\": \"<D>{keys}</D>\", \"status_hints\": { \"4x\": \"no\" }",
    "\"body\": \"<D>{keys}</D>\", \"status_hints\": { \"401\": 1 }",
    "\"body\": \"<D>{keys}</D>\", \"body_source\": 3",
    "\"body\": \"<D>{keys}</D>\", \"commands\": { \"Reboot\": \"/r?x=1\" }",
    "\"body\": \"<D>{keys}</D>\", \"no_config_push\": [\"x\"]",
  };
  const char *bad_get[] = {
    "{ \"method\": \"PUT\", \"path\": \"/x\", \"param\": \"k\", \"keys\": { \"OK\": \"OK\" } }",
    "{ \"path\": \"/x\", \"param\": \"k\", \"body\": \"{keys}\", \"keys\": { \"OK\": \"OK\" } }",
    "{ \"method\": \"GET\", \"path\": \"/x\", \"keys\": { \"OK\": \"OK\" } }",
    ("{ \"method\": \"POST\", \"path\": \"/x\", \"body\": \"{keys}\", \"keys\": { \"OK\": \"OK\" "
     "} }"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetActiveUri) active_uri = post_form (bad[i], &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (active_uri);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_get); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetActiveUri) active_uri = parse (bad_get[i], &error);

      g_test_message ("%s", bad_get[i]);
      g_assert_null (active_uri);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
    }
}

/* A GET profile stays a GET profile, its requests as before. */
static void
test_get_default (void)
{
  g_autoptr(PhonesetActiveUri) active_uri =
               parse ("{ \"path\": \"/servlet\", \"param\": \"key\", \"separator\": \";\", "
                      "\"keys\": { \"OK\": \"OK\", \"1\": \"1\" } }",
                      NULL);
  g_autofree char *query = phoneset_test_active_uri_requests (active_uri, "1 OK", NULL);

  g_assert_false (phoneset_active_uri_uses_post (active_uri));
  g_assert_null (phoneset_active_uri_get_content_type (active_uri));
  g_assert_null (phoneset_active_uri_get_no_config_push (active_uri));
  g_assert_cmpstr (query, ==, "/servlet?key=1;OK");
}

/* The simulated push interface: a SoupServer on its own thread (the
 * command line runs while this thread waits), Digest on every path. */
typedef struct
{
  GMutex        lock;
  GCond         cond;
  GMainContext *context;
  GMainLoop    *loop;
  guint16       port;
  guint         answer; /* the status a request that passed Digest gets */
  GPtrArray    *seen;   /* "METHOD PATH|CONTENT-TYPE|BODY" */
  guint         challenged;
} PushServer;

static char *
digest_cb (SoupAuthDomain    *domain,
           SoupServerMessage *msg,
           const char        *username,
           gpointer           user_data)
{
  if (g_strcmp0 (username, PUSH_USER) != 0)
    return NULL;
  return soup_auth_domain_digest_encode_password (username, PUSH_REALM, PUSH_PASSWORD);
}

static gboolean
filter_cb (SoupAuthDomain    *domain,
           SoupServerMessage *msg,
           gpointer           user_data)
{
  PushServer *server = user_data;

  /* Counts the requests that arrive without valid credentials. */
  if (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                    "Authorization") == NULL)
    {
      g_mutex_lock (&server->lock);
      server->challenged++;
      g_mutex_unlock (&server->lock);
    }
  return TRUE;
}

static void
push_cb (SoupServer        *soup_server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  PushServer      *server = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  const char *type =
    soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);

  g_mutex_lock (&server->lock);
  g_ptr_array_add (server->seen,
                   g_strdup_printf ("%s %s|%s|%.*s", soup_server_message_get_method (msg), path,
                                    type ? type : "", (int)g_bytes_get_size (bytes),
                                    (const char *)g_bytes_get_data (bytes, NULL)));
  g_mutex_unlock (&server->lock);
  soup_server_message_set_status (msg, server->answer, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "", 0);
}

static gpointer
push_thread (gpointer data)
{
  PushServer *server = data;
  g_autoptr(SoupServer) soup_server = NULL;
  g_autoptr(SoupAuthDomain) domain = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server->context);
  soup_server = soup_server_new (NULL, NULL);
  domain = soup_auth_domain_digest_new ("realm", PUSH_REALM, NULL);
  soup_auth_domain_digest_set_auth_callback (domain, digest_cb, server, NULL);
  soup_auth_domain_set_generic_auth_callback (domain, NULL, NULL, NULL);
  soup_auth_domain_add_path (domain, "/");
  soup_auth_domain_set_filter (domain, filter_cb, server, NULL);
  soup_server_add_auth_domain (soup_server, domain);
  soup_server_add_handler (soup_server, NULL, push_cb, server, NULL);
  g_assert_true (soup_server_listen (soup_server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (soup_server);
  g_mutex_lock (&server->lock);
  server->port = g_uri_get_port (uris->data);
  g_cond_signal (&server->cond);
  g_mutex_unlock (&server->lock);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_main_loop_run (server->loop);
  soup_server_disconnect (soup_server);
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

static PhonesetCliResult *
run_key_against (guint        answer,
                 const char  *user,
                 PushServer **out_server,
                 GThread    **out_thread,
                 const char  *first,
                 ...)
{
  PushServer *server = g_new0 (PushServer, 1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char   *xdg_dir = g_dir_make_tmp ("phoneset-post-XXXXXX", NULL);
  g_autofree char   *xdg = g_strdup_printf ("XDG_DATA_HOME=%s", xdg_dir);
  const char        *env[] = { "PHONESET_TEST_PW=" PUSH_PASSWORD, xdg, NULL };
  PhonesetCliResult *r;
  GThread           *thread;
  va_list            ap;

  g_mutex_init (&server->lock);
  g_cond_init (&server->cond);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->answer = answer;
  server->seen = g_ptr_array_new_with_free_func (g_free);
  thread = g_thread_new ("push-server", push_thread, server);
  g_mutex_lock (&server->lock);
  while (server->port == 0)
    g_cond_wait (&server->cond, &server->lock);
  g_mutex_unlock (&server->lock);

  g_ptr_array_add (argv, g_strdup ("key"));
  g_ptr_array_add (argv, g_strdup ("--profile=poly-uc"));
  if (user != NULL)
    g_ptr_array_add (argv, g_strdup_printf ("--user=%s", user));
  g_ptr_array_add (argv, g_strdup ("--password-env=PHONESET_TEST_PW"));
  g_ptr_array_add (argv, g_strdup_printf ("127.0.0.1:%u", server->port));
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  r = phoneset_test_run_cli ((const char *const *)argv->pdata, env);
  g_assert_null (strstr (r->out, PUSH_PASSWORD));
  g_assert_null (strstr (r->err, PUSH_PASSWORD));
  g_rmdir (xdg_dir); /* empty unless pins were written: left then */
  *out_server = server;
  *out_thread = thread;
  return r;
}

static void
push_server_stop (PushServer *server,
                  GThread    *thread)
{
  g_main_context_invoke (server->context, (GSourceFunc)(void (*) (void))g_main_loop_quit,
                         server->loop);
  g_thread_join (thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_ptr_array_unref (server->seen);
  g_mutex_clear (&server->lock);
  g_cond_clear (&server->cond);
  g_free (server);
}

static void
test_cli_key (void)
{
  PushServer *server;
  GThread    *thread;
  g_autoptr(PhonesetCliResult) r = run_key_against (200, PUSH_USER, &server, &thread, "--json",
                                                     "L1", "8311", "OK", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *result;

  g_test_message ("%s%s", r->out, r->err);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, r->out, -1, NULL));
  result = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (result, "ok"));
  g_assert_cmpstr (json_object_get_string_member (result, "profile"), ==, "poly-uc");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "requests")), ==,
                    1);
  /* Challenged by Digest (the handler sees only authenticated requests),
   * and sent again with credentials: once. */
  g_assert_cmpuint (server->challenged, >=, 1);
  g_assert_cmpuint (server->seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (server->seen, 0), ==,
                   "POST /push|application/x-com-polycom-spipx|"
                   "<PolycomIPPhone><Data priority=\"Critical\">Key:Line1\nKey:DialPad8\n"
                   "Key:DialPad3\nKey:DialPad1\nKey:DialPad1\nKey:Select</Data></PolycomIPPhone>");
  push_server_stop (server, thread);
}

/* The wrong user: the phone's own words on its push user. */
static void
test_cli_key_401 (void)
{
  PushServer *server;
  GThread    *thread;
  g_autoptr(PhonesetCliResult) r = run_key_against (200, "admin", &server, &thread, "5", NULL);

  g_test_message ("%s", r->err);
  g_assert_cmpint (r->status, !=, 0);
  g_assert_nonnull (strstr (r->err, "apps.push.username"));
  g_assert_nonnull (strstr (r->err, "“admin”"));
  g_assert_cmpuint (server->seen->len, ==, 0);
  push_server_stop (server, thread);
}

/* No --user: the push user has no default (apps.push.username is empty
 * out of the box), so nothing is sent and the phone's terms are given;
 * and the profile's default user is the one other phones fall back on. */
static void
test_cli_key_no_user (void)
{
  g_autoptr(PhonesetActiveUri) push = poly ();
  g_autoptr(PhonesetActiveUri) yealink = of_profile ("yealink-v8x");
  PushServer *server;
  GThread    *thread;
  g_autoptr(PhonesetCliResult) r = run_key_against (200, NULL, &server, &thread, "5", NULL);

  g_test_message ("%s", r->err);
  g_assert_cmpint (r->status, ==, 2);
  g_assert_nonnull (strstr (r->err, "--user"));
  g_assert_nonnull (strstr (r->err, "apps.push.username"));
  g_assert_cmpuint (server->seen->len, ==, 0);
  push_server_stop (server, thread);

  g_assert_null (phoneset_active_uri_get_user (push));
  g_assert_null (phoneset_active_uri_choose_user (push, ""));
  g_assert_cmpstr (phoneset_active_uri_choose_user (push, "pushuser"), ==, "pushuser");
  g_assert_cmpstr (phoneset_active_uri_choose_user (yealink, NULL), ==, "admin");
  g_assert_cmpstr (phoneset_active_uri_choose_user (yealink, "tech"), ==, "tech");
}

/* A push that is switched off (the answer a phone gives then is [U]). */
static void
test_cli_key_refused (void)
{
  PushServer *server;
  GThread    *thread;
  g_autoptr(PhonesetCliResult) r = run_key_against (403, PUSH_USER, &server, &thread, "5", NULL);

  g_test_message ("%s", r->err);
  g_assert_cmpint (r->status, !=, 0);
  g_assert_nonnull (strstr (r->err, "403"));
  g_assert_nonnull (strstr (r->err, "apps.push.messageType"));
  g_assert_cmpuint (server->seen->len, ==, 1);
  push_server_stop (server, thread);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/active-uri-post/poly/body", test_poly_body);
  g_test_add_func ("/active-uri-post/poly/chunks", test_poly_chunks);
  g_test_add_func ("/active-uri-post/poly/no-config-push", test_poly_no_config_push);
  g_test_add_func ("/active-uri-post/escaping", test_body_escaping);
  g_test_add_func ("/active-uri-post/chunking", test_body_chunking);
  g_test_add_func ("/active-uri-post/parse-errors", test_parse_errors);
  g_test_add_func ("/active-uri-post/get-default", test_get_default);
  g_test_add_func ("/active-uri-post/cli/key", test_cli_key);
  g_test_add_func ("/active-uri-post/cli/401", test_cli_key_401);
  g_test_add_func ("/active-uri-post/cli/no-user", test_cli_key_no_user);
  g_test_add_func ("/active-uri-post/cli/refused", test_cli_key_refused);
  return g_test_run ();
}
