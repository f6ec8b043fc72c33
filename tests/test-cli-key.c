/* test-cli-key.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `phoneset key` against simulated phones of each vendor on 127.0.0.x:
 * every key of each vendor's map, chains, Basic and Digest, 401, 403, the
 * first-use prompt, unreachable phones, each fault mode, HTTPS pinning, and
 * never the password in any output.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-test-cli.h"
#include "phoneset-test-sim.h"

static char *xdg_dir;

/* Runs `phoneset key`, with the password in PHONESET_TEST_PW, and checks
 * the password appears in no output. */
static PhonesetCliResult *
run_key (const char *password, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pw =
    g_strdup_printf ("PHONESET_TEST_PW=%s", password ? password : PHONESET_TEST_PASSWORD);
  g_autofree char   *xdg = g_strdup_printf ("XDG_DATA_HOME=%s", xdg_dir);
  const char        *env[] = { pw, xdg, NULL };
  PhonesetCliResult *r;
  va_list            ap;

  g_ptr_array_add (argv, g_strdup ("key"));
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (argv, g_strdup ("--password-env=PHONESET_TEST_PW"));
  g_ptr_array_add (argv, NULL);
  r = phoneset_test_run_cli ((const char *const *)argv->pdata, env);
  g_assert_null (strstr (r->out, PHONESET_TEST_PASSWORD));
  g_assert_null (strstr (r->err, PHONESET_TEST_PASSWORD));
  if (password != NULL)
    {
      g_assert_null (strstr (r->out, password));
      g_assert_null (strstr (r->err, password));
    }
  return r;
}

static JsonObject *
load_map (const char *vendor)
{
  g_autofree char *file = g_strdup_printf ("%s.json", vendor);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "active-uri", file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static const char *vendors[][2] = {
  { "yealink", "127.0.0.31" },
  { "fanvil", "127.0.0.32" },
  { "snom", "127.0.0.33" },
};

/* Every key of the vendor's map, in one chain: each arrives, spelled as
 * the phone (the simulator's own list) knows it. */
static void
test_every_key (gconstpointer data)
{
  const char *const *v = data;
  const char        *args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start (v[0], v[1], args);
  g_autoptr(JsonObject) map = load_map (v[0]);
  JsonObject *keys = json_object_get_object_member (map, "keys");
  JsonObject *commands = json_object_get_object_member (map, "commands");
  g_autoptr(GList) names = json_object_get_members (keys);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *vendor = g_strdup_printf ("--vendor=%s", v[0]);
  g_autoptr(PhonesetCliResult) r = NULL;
  g_autoptr(JsonObject) state = NULL;
  JsonArray       *log;
  g_autofree char *pw = g_strdup_printf ("PHONESET_TEST_PW=%s", PHONESET_TEST_PASSWORD);
  g_autofree char *xdg = g_strdup_printf ("XDG_DATA_HOME=%s", xdg_dir);
  const char      *env[] = { pw, xdg, NULL };

  g_ptr_array_add (argv, "key");
  g_ptr_array_add (argv, phone);
  g_ptr_array_add (argv, vendor);
  g_ptr_array_add (argv, "--password-env=PHONESET_TEST_PW");
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *token = json_object_get_string_member (keys, l->data);

      /* Reboot and AutoP act; they are tested with push. */
      if (g_str_equal (l->data, "Reboot") || g_str_equal (l->data, "AutoP") ||
          (commands != NULL && json_object_has_member (commands, l->data)))
        continue;
      g_ptr_array_add (argv, l->data);
      if (g_str_equal (v[0], "snom") && g_str_equal (token, "#"))
        g_ptr_array_add (expected, g_strdup ("%23"));
      else if (g_str_equal (v[0], "snom") && g_str_equal (token, "*"))
        g_ptr_array_add (expected, g_strdup ("%2A"));
      else
        g_ptr_array_add (expected, g_strdup (token));
    }
  g_ptr_array_add (argv, NULL);
  r = phoneset_test_run_cli ((const char *const *)argv->pdata, env);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_cmpint (r->status, ==, 0);
  g_assert_null (strstr (r->out, PHONESET_TEST_PASSWORD));

  state = phoneset_test_sim_state (sim);
  log = json_object_get_array_member (state, "keys");
  g_assert_cmpuint (json_array_get_length (log), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      JsonObject *entry = json_array_get_object_element (log, i);

      g_assert_cmpstr (json_object_get_string_member (entry, "raw"), ==, expected->pdata[i]);
      if (!json_object_get_boolean_member (entry, "known"))
        g_error ("%s: the phone does not know %s", v[0], (const char *)expected->pdata[i]);
      g_assert_true (json_object_get_boolean_member (entry, "executed"));
      g_assert_cmpstr (json_object_get_string_member (entry, "path"), ==,
                       json_object_get_string_member (map, "path"));
    }
}

static void
test_digest (gconstpointer data)
{
  const char *const *v = data;
  const char        *args[] = { "--no-prompt", "--auth=digest", NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start (v[0], v[1], args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *vendor = g_strdup_printf ("--vendor=%s", v[0]);
  g_autoptr(PhonesetCliResult) ok = run_key (NULL, phone, "1", "POUND", "*", "OK", vendor, NULL);
  g_autoptr(PhonesetCliResult) bad = run_key ("wrong-Zq7", phone, "1", vendor, NULL);
  g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);

  g_assert_cmpint (ok->status, ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (state, "keys")), ==, 4);
  g_assert_cmpint (bad->status, ==, 1);
  g_assert_nonnull (strstr (bad->err, "Wrong user name or password for the phone's web admin"));
}

static void
test_401 (gconstpointer data)
{
  const char *const *v = data;
  const char        *args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start (v[0], v[1], args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *vendor = g_strdup_printf ("--vendor=%s", v[0]);
  g_autoptr(PhonesetCliResult) r = run_key ("wrong-Zq7", phone, "OK", vendor, "--json", NULL);
  g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);

  g_assert_cmpint (r->status, ==, 1);
  g_assert_true (
    g_str_has_prefix (r->err, "phoneset: Wrong user name or password for the phone's web admin"));
  g_assert_nonnull (strstr (r->out, "\"ok\" : false"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (state, "keys")), ==, 0);
}

static void
test_403 (gconstpointer data)
{
  const char *const *v = data;
  /* This computer talks from 127.0.0.1; the list allows others only. */
  const char        *args[] = { "--no-prompt", "--allowed-ip=127.0.0.99,10.*.*.*", NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start (v[0], v[1], args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autofree char *vendor = g_strdup_printf ("--vendor=%s", v[0]);
  g_autoptr(PhonesetCliResult) r = run_key (NULL, phone, "OK", vendor, NULL);

  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (
    r->err, "refused this computer (127.0.0.1): it is not in the phone's Active URI allowed list"));
  g_assert_nonnull (strstr (r->err, "active_uri.allowed_ip"));
}

/* Yealink: a blank list rejects everyone; `*` matches an octet. */
static void
test_403_yealink_lists (void)
{
  const char *blank[] = { "--no-prompt", "--allowed-ip=", NULL };
  const char *wild[] = { "--no-prompt", "--allowed-ip=10.0.0.1, 127.0.*.*", NULL };
  g_autoptr(PhonesetTestSim) a = phoneset_test_sim_start ("yealink", "127.0.0.34", blank);
  g_autoptr(PhonesetTestSim) b = phoneset_test_sim_start ("yealink", "127.0.0.35", wild);
  g_autofree char *pa = phoneset_test_sim_http (a);
  g_autofree char *pb = phoneset_test_sim_http (b);
  g_autoptr(PhonesetCliResult) ra = run_key (NULL, pa, "OK", "--vendor=yealink", NULL);
  g_autoptr(PhonesetCliResult) rb = run_key (NULL, pb, "OK", "--vendor=yealink", NULL);

  g_assert_cmpint (ra->status, ==, 1);
  g_assert_nonnull (strstr (ra->err, "Features > Remote Control > Action URI Allow IP List"));
  g_assert_cmpint (rb->status, ==, 0);
}

static void
test_prompt (void)
{
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start ("yealink", "127.0.0.36", NULL);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autoptr(PhonesetCliResult) first = run_key (NULL, phone, "DNDOn", "--vendor=yealink", NULL);
  g_autoptr(PhonesetCliResult) second = NULL;
  g_autoptr(JsonObject) before = phoneset_test_sim_state (sim);
  g_autoptr(JsonObject) after = NULL;

  g_assert_cmpint (first->status, ==, 1);
  g_assert_nonnull (strstr (first->err, "confirm Allow remote control on the phone's screen"));
  g_assert_false (json_object_get_boolean_member (before, "dnd"));
  g_assert_true (json_object_get_boolean_member (before, "prompt_pending"));

  phoneset_test_sim_control (sim, "confirm");
  second = run_key (NULL, phone, "DNDOn", "--vendor=yealink", NULL);
  after = phoneset_test_sim_state (sim);
  g_assert_cmpint (second->status, ==, 0);
  g_assert_true (json_object_get_boolean_member (after, "dnd"));
}

/* The simulator's request log: "query (n keys[, not executed])", "|" between. */
static char *
requests_text (PhonesetTestSim *sim)
{
  g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);
  JsonArray *requests = json_object_get_array_member (state, "requests");
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *r = json_array_get_object_element (requests, i);

      g_string_append_printf (
        s, "%s%s (%d%s)", i ? " | " : "", json_object_get_string_member (r, "query"),
        (int)json_object_get_int_member (r, "keys"),
        json_object_get_boolean_member (r, "executed") ? "" : ", not executed");
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A digit string is typed key by key. A SIP-T48S takes one key per request
 * (Yealink CP960 admin guide p. 446; the profile's no_chaining): four
 * requests of one key each. A SIP-T46S and a Fanvil get one chain. */
static void
test_digit_strings (void)
{
  const char *t48s_args[] = { "--no-prompt", "--model=SIP-T48S", "--firmware-version=66.86.0.15",
                              NULL };
  const char *t46s_args[] = { "--no-prompt", "--model=SIP-T46S", "--firmware-version=66.86.0.15",
                              NULL };
  const char *fanvil_args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) t48s = phoneset_test_sim_start ("yealink", "127.0.0.38", t48s_args);
  g_autoptr(PhonesetTestSim) t46s = phoneset_test_sim_start ("yealink", "127.0.0.39", t46s_args);
  g_autoptr(PhonesetTestSim) fanvil =
               phoneset_test_sim_start ("fanvil", "127.0.0.40", fanvil_args);
  g_autofree char *p48 = phoneset_test_sim_http (t48s);
  g_autofree char *p46 = phoneset_test_sim_http (t46s);
  g_autofree char *pf = phoneset_test_sim_http (fanvil);
  g_autoptr(PhonesetCliResult) a =
               run_key (NULL, p48, "8311", "--profile=yealink-v8x", "--model=SIP-T48S", NULL);
  g_autoptr(PhonesetCliResult) b =
               run_key (NULL, p46, "SPEAKER", "8311", "ENTER", "--profile=yealink-v8x",
                        "--model=SIP-T46S", "--json", NULL);
  g_autoptr(PhonesetCliResult) c =
               run_key (NULL, pf, "SPEAKER", "*21#", "ENTER", "--vendor=fanvil", NULL);
  g_autofree char *ra = NULL;
  g_autofree char *rb = NULL;
  g_autofree char *rc = NULL;
  g_autofree char *rd = NULL;

  g_assert_cmpstr (a->err, ==, "");
  g_assert_cmpint (a->status, ==, 0);
  g_assert_true (g_str_has_prefix (a->out, "Sent 8 3 1 1 to 127.0.0.38:"));
  ra = requests_text (t48s);
  g_assert_cmpstr (ra, ==, "8 (1) | 3 (1) | 1 (1) | 1 (1)");

  g_assert_cmpint (b->status, ==, 0);
  g_assert_nonnull (strstr (b->out, "\"/servlet?key=SPEAKER;8;3;1;1;ENTER\""));
  rb = requests_text (t46s);
  g_assert_cmpstr (rb, ==, "SPEAKER;8;3;1;1;ENTER (6)");

  g_assert_cmpint (c->status, ==, 0);
  rc = requests_text (fanvil);
  g_assert_cmpstr (rc, ==, "SPEAKER;*;2;1;POUND;ENTER (6)");

  /* Why: a chain sent to a T48S anyway (a wrong --model) does nothing. */
  {
    g_autoptr(PhonesetCliResult) d =
                 run_key (NULL, p48, "1", "2", "--profile=yealink-v8x", "--model=SIP-T46S", NULL);

    g_assert_cmpint (d->status, ==, 0);
    rd = requests_text (t48s);
    g_assert_true (g_str_has_suffix (rd, " | 1;2 (2, not executed)"));
  }
}

static void
test_unreachable (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PhonesetCliResult) r = run_key (NULL, "127.0.0.37:9", "OK", "--vendor=yealink", NULL);

  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, "Could not reach the phone at 127.0.0.37:9"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_bad_usage (void)
{
  g_autoptr(PhonesetCliResult) a =
               run_key (NULL, "127.0.0.37:9", "FROB", "--vendor=yealink", NULL);
  g_autoptr(PhonesetCliResult) b = run_key (NULL, "127.0.0.37:9", "MUTE", "--vendor=snom", NULL);
  g_autoptr(PhonesetCliResult) c = run_key (NULL, "127.0.0.37:9", "OK", NULL);
  g_autoptr(PhonesetCliResult) d = run_key (NULL, "127.0.0.37:9", "OK", "--vendor=nokia", NULL);
  const char *argv[] = {
    "key", "127.0.0.37:9", "OK", "--vendor=yealink", "--password-env=PHONESET_NOT_SET_ANYWHERE",
    NULL
  };
  g_autoptr(PhonesetCliResult) e = phoneset_test_run_cli (argv, NULL);

  g_assert_cmpint (a->status, ==, 2);
  g_assert_nonnull (strstr (a->err, "“FROB” is not a key"));
  g_assert_cmpint (b->status, ==, 2);
  g_assert_nonnull (strstr (b->err, "no Active URI key for “MUTE”"));
  g_assert_cmpint (c->status, ==, 2);
  g_assert_cmpint (d->status, ==, 2);
  g_assert_cmpint (e->status, ==, 2);
  g_assert_nonnull (strstr (e->err, "PHONESET_NOT_SET_ANYWHERE"));
}

/* snom's older firmware calls F_HOLD F_R (the snom 3xx key list,
 * kb.snom.com EntryID=40): --legacy-keys sends it; without it F_HOLD
 * goes; a profile without older names refuses the option. */
static void
test_legacy_keys (void)
{
  const char *args[] = { "--no-prompt", NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start ("snom", "127.0.0.38", args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  g_autoptr(PhonesetCliResult) legacy =
               run_key (NULL, phone, "F_HOLD", "--vendor=snom", "--legacy-keys", NULL);
  g_autoptr(PhonesetCliResult) current = run_key (NULL, phone, "F_HOLD", "--vendor=snom", NULL);
  g_autoptr(PhonesetCliResult) none =
               run_key (NULL, "127.0.0.37:9", "OK", "--vendor=yealink", "--legacy-keys", NULL);
  g_autoptr(JsonObject) state = phoneset_test_sim_state (sim);
  JsonArray *log = json_object_get_array_member (state, "keys");

  g_assert_cmpint (legacy->status, ==, 0);
  g_assert_cmpint (current->status, ==, 0);
  g_assert_cmpuint (json_array_get_length (log), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (log, 0), "raw"),
                   ==, "F_R");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (log, 1), "raw"),
                   ==, "F_HOLD");
  g_assert_cmpint (none->status, ==, 2);
  g_assert_nonnull (strstr (none->err, "no older names of keys"));
}

typedef struct
{
  const char *fault;
  const char *address;
  const char *message;
} Fault;

static const Fault faults[] = {
  { "slow", "127.0.0.41", "accepted the connection but sent no answer within 1 second:" },
  { "drop", "127.0.0.42", "accepted the connection but sent no answer within 1 second:" },
  { "500", "127.0.0.43", "answered “500 Internal Server Error”: its web server failed" },
  { "garbage", "127.0.0.44", "answered with something that is not HTTP" },
  { "reset", "127.0.0.45", "reset the connection instead of answering" },
};

static void
test_fault (gconstpointer data)
{
  const Fault     *f = data;
  g_autofree char *fault = g_strdup_printf ("--fault=%s", f->fault);
  const char      *args[] = { "--no-prompt", fault, "--slow-ms=2500", NULL };
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start ("yealink", f->address, args);
  g_autofree char *phone = phoneset_test_sim_http (sim);
  gint64           start = g_get_monotonic_time ();
  g_autoptr(PhonesetCliResult) r =
               run_key (NULL, phone, "OK", "--vendor=yealink", "--timeout=1", NULL);
  gint64 elapsed = g_get_monotonic_time () - start;

  g_test_message ("%s: %.2f s: %s", f->fault, elapsed / 1e6, r->err);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_nonnull (strstr (r->err, f->message));
  g_assert_cmpint (g_strv_length ((char **)(const char *[]){ r->err, NULL }), ==, 1);
  g_assert_cmpint (elapsed, <, 4 * G_USEC_PER_SEC);
}

/* HTTPS: the first certificate is pinned; a changed one stops until the
 * user accepts it. */
static void
test_tls_changed (void)
{
  g_autoptr(PhonesetTestSim) sim = phoneset_test_sim_start_tls_changed ("yealink", "127.0.0.46");
  g_autofree char *phone = g_strdup_printf ("127.0.0.46:%u", sim->https_port);
  g_autoptr(PhonesetCliResult) first =
               run_key (NULL, phone, "OK", "--vendor=yealink", "--https", NULL);
  g_autoptr(PhonesetCliResult) second = NULL;
  g_autoptr(PhonesetCliResult) third = NULL;
  g_autoptr(PhonesetCliResult) fourth = NULL;

  g_assert_cmpuint (sim->https_port, >, 0);
  g_assert_cmpstr (first->err, ==, "");
  g_assert_cmpint (first->status, ==, 0);
  g_usleep (200 * 1000); /* the simulator changes its certificate */
  second = run_key (NULL, phone, "OK", "--vendor=yealink", "--https", NULL);
  g_assert_cmpint (second->status, ==, 1);
  g_assert_nonnull (strstr (second->err, "shows a different HTTPS certificate"));
  third =
    run_key (NULL, phone, "OK", "--vendor=yealink", "--https", "--trust-new-certificate", NULL);
  g_assert_cmpint (third->status, ==, 0);
  fourth = run_key (NULL, phone, "OK", "--vendor=yealink", "--https", NULL);
  g_assert_cmpint (fourth->status, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  xdg_dir = g_dir_make_tmp ("phoneset-key-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (vendors); i++)
    {
      g_autofree char *p1 = g_strdup_printf ("/key/%s/every-key", vendors[i][0]);
      g_autofree char *p2 = g_strdup_printf ("/key/%s/digest", vendors[i][0]);
      g_autofree char *p3 = g_strdup_printf ("/key/%s/401", vendors[i][0]);
      g_autofree char *p4 = g_strdup_printf ("/key/%s/403", vendors[i][0]);

      g_test_add_data_func (p1, vendors[i], test_every_key);
      g_test_add_data_func (p2, vendors[i], test_digest);
      g_test_add_data_func (p3, vendors[i], test_401);
      g_test_add_data_func (p4, vendors[i], test_403);
    }
  g_test_add_func ("/key/yealink/403-lists", test_403_yealink_lists);
  g_test_add_func ("/key/yealink/prompt", test_prompt);
  g_test_add_func ("/key/unreachable", test_unreachable);
  g_test_add_func ("/key/bad-usage", test_bad_usage);
  g_test_add_func ("/key/digit-strings", test_digit_strings);
  g_test_add_func ("/key/legacy-keys", test_legacy_keys);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/key/fault/%s", faults[i].fault);

      g_test_add_data_func (path, &faults[i], test_fault);
    }
  g_test_add_func ("/key/fault/tls-changed", test_tls_changed);

  status = g_test_run ();
  {
    g_autofree char *pins = g_build_filename (xdg_dir, "phoneset", "pins.json", NULL);
    g_autofree char *dir = g_build_filename (xdg_dir, "phoneset", NULL);

    g_remove (pins);
    g_rmdir (dir);
    g_rmdir (xdg_dir);
  }
  g_free (xdg_dir);
  return status;
}
