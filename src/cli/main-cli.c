/* main-cli.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry point of core-only builds (the sanitizer build): the command
 * line without the window.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "phoneset-cli.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && g_str_equal (argv[1], "--version"))
    {
      printf ("phoneset %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (argc < 2 || argv[1][0] == '-')
    {
      phoneset_cli_print_usage (argc < 2 || g_str_equal (argv[1], "--help") ? stdout : stderr);
      return argc < 2 || g_str_equal (argv[1], "--help") ? 0 : 2;
    }

  return phoneset_cli_main (argc, argv);
}
