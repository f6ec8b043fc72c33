/* test-cli-stun.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `phoneset stun-test` as a program: usage errors exit 2 with one line,
 * a server that does not answer exits 1 within 2 s, and the TURN
 * password is taken only from the environment and never printed.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "phoneset-test-cli.h"

static void
test_cli_stun_usage (void)
{
  const char *cases[][6] = {
    { "stun-test", NULL },
    { "stun-test", "127.0.0.1", "127.0.0.2", NULL },
    { "stun-test", "127.0.0.1", "--transport", "udp,carrier-pigeon", NULL },
    { "stun-test", "127.0.0.1", "--turn-user", "alice", NULL },
    { "stun-test", "127.0.0.1", "--turn-user", "alice",
      "--turn-password-env=PHONESET_TEST_UNSET_VAR", NULL },
    { "stun-test", "bad host name!", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (cases[i], NULL);
      g_auto(GStrv) lines = NULL;

      g_assert_cmpint (r->status, ==, 2);
      g_assert_nonnull (strstr (r->err, "phoneset: "));
      lines = g_strsplit (g_strchomp (r->err), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 1);
    }
}

static void
test_cli_stun_no_server (void)
{
  /* Port 9 (discard) on loopback: nothing listens there in a test run. */
  const char *argv[] = { "stun-test",
                         "127.0.0.1:9",
                         "--json",
                         "--turn-user",
                         "alice",
                         "--turn-password-env",
                         "PHONESET_TEST_TURN_PASSWORD",
                         NULL };
  const char *env[] = { "PHONESET_TEST_TURN_PASSWORD=do-not-print-me", NULL };
  gint64      t0 = g_get_monotonic_time ();
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, env);
  g_autoptr(JsonParser) parser = json_parser_new ();

  /* The engine gives up at 1.6 s (test-stun checks < 2 s without the
   * process start); a loaded CI machine gets a second of slack here. */
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, r->out, -1, NULL));
  g_assert_false (json_object_get_boolean_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "udp"),
    "reachable"));
  g_assert_null (strstr (r->out, "do-not-print-me"));
  g_assert_null (strstr (r->err, "do-not-print-me"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/stun-test/usage", test_cli_stun_usage);
  g_test_add_func ("/cli/stun-test/no-server", test_cli_stun_no_server);

  return g_test_run ();
}
