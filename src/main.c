/* main.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "phoneset-application.h"
#include "phoneset-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PhonesetApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A subcommand runs headless: it is dispatched before anything of GTK
   * is touched, so it works with no display at all. */
  if (argc > 1 && argv[1][0] != '-')
    return phoneset_cli_main (argc, argv);

  app = phoneset_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
