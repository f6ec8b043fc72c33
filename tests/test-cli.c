/* test-cli.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line contract of DESIGN.md, run on the real binary with no
 * display.
 */

#include "config.h"

#include <string.h>

#include "phoneset-test-cli.h"

static void
test_cli_version (void)
{
  const char *argv[] = { "--version", NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);

  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "phoneset " PACKAGE_VERSION "\n");
}

static void
test_cli_help (void)
{
  const char *argv[] = { "--help", NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);

  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "Usage"));
  g_assert_nonnull (strstr (r->out, "Commands (run without a window):"));
  g_assert_nonnull (strstr (r->out, "--version"));
}

static void
test_cli_unknown_command (void)
{
  const char *argv[] = { "frobnicate", "--json", NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);

  g_assert_cmpint (r->status, ==, 2);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "phoneset: “frobnicate” is not a command\n"));
  g_assert_nonnull (strstr (r->err, "Usage:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/unknown-command", test_cli_unknown_command);

  return g_test_run ();
}
