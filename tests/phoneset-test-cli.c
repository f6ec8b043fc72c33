/* phoneset-test-cli.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real `phoneset` binary ($PHONESET_BIN) the way a script would,
 * always without a display, and collects its exit status and output.
 */

#include "config.h"

#include <gio/gio.h>

#include "phoneset-test-cli.h"

void
phoneset_cli_result_free (PhonesetCliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

/**
 * phoneset_test_run_cli:
 * @argv: the arguments after `phoneset`
 * @env: (nullable): extra `NAME=VALUE` pairs for the environment
 *
 * Returns: (transfer full): what the command did
 */
PhonesetCliResult *
phoneset_test_run_cli (const char *const *argv,
                       const char *const *env)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  PhonesetCliResult *result = g_new0 (PhonesetCliResult, 1);
  const char        *bin = g_getenv ("PHONESET_BIN");

  g_assert_nonnull (bin);

  g_ptr_array_add (args, (gpointer)bin);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)argv[i]);
  g_ptr_array_add (args, NULL);

  launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* A subcommand must never need a display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1] ? pair[1] : "", TRUE);
    }

  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *)args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (proc));
  result->status = g_subprocess_get_exit_status (proc);

  return result;
}
