/* phoneset-test-app.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application every UI test drives: registered, never unique, and
 * saving its phones in a fresh directory, never the user's.
 */

#include "config.h"

#include <locale.h>

#include "phoneset-test-app.h"
#include "phoneset-test-utils.h"
#include "phoneset-window.h"

static gboolean session_locale;

/**
 * phoneset_test_app_use_session_locale:
 *
 * Makes phoneset_test_app_new() keep the locale of the environment
 * (LANGUAGE, LC_ALL) rather than the one gtk_test_init() sets, before the
 * application loads its menus: for the translation tests.
 */
void
phoneset_test_app_use_session_locale (void)
{
  session_locale = TRUE;
}

/**
 * phoneset_test_app_new:
 * @argc: the test's argc
 * @argv: the test's argv
 *
 * Initialises GTK for testing and makes the application.
 *
 * Returns: (transfer full): the registered application
 */
PhonesetApplication *
phoneset_test_app_new (int    *argc,
                       char ***argv)
{
  g_autofree char     *data = g_dir_make_tmp ("phoneset-ui-XXXXXX", NULL);
  PhonesetApplication *app;

  g_assert_nonnull (data);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  gtk_test_init (argc, argv, NULL);
  if (session_locale)
    g_assert_nonnull (setlocale (LC_ALL, ""));

  app = phoneset_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  adw_init ();
  return app;
}

/**
 * phoneset_test_app_open_window:
 * @app: the application
 *
 * Returns: (transfer none): a new main window, presented and mapped
 */
PhonesetWindow *
phoneset_test_app_open_window (PhonesetApplication *app)
{
  PhonesetWindow *window = phoneset_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  return window;
}

/**
 * phoneset_test_window_child:
 * @window: a #PhonesetWindow
 * @name: the id of a widget of its template
 *
 * Returns: (transfer none): that widget (the test fails without it)
 */
GtkWidget *
phoneset_test_window_child (gpointer    window,
                            const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), PHONESET_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}
