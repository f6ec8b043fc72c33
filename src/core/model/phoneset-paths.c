/* phoneset-paths.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-paths"

#include "config.h"

#include "phoneset-paths.h"

/**
 * phoneset_paths_data_dir:
 *
 * Where the inventory and saved configs live: `$XDG_DATA_HOME/phoneset`.
 *
 * Returns: (transfer full): the directory (it may not exist yet)
 */
char *
phoneset_paths_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "phoneset", NULL);
}

/**
 * phoneset_paths_profile_dirs:
 *
 * The directories searched for phone profiles, first match wins:
 * `$PHONESET_PROFILES_DIR` (for tests and for trying a profile), the user's
 * own `$XDG_DATA_HOME/phoneset/profiles` (to fix or add a phone without a
 * new release), the installed profiles, and, when running from the build
 * tree without an installation, the source tree's `data/profiles`.
 *
 * Returns: (transfer full): a %NULL-terminated list of directories
 */
char **
phoneset_paths_profile_dirs (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char      *env = g_getenv ("PHONESET_PROFILES_DIR");
  g_autofree char *user_dir = NULL;

  if (env != NULL && env[0] != '\0')
    g_strv_builder_add (builder, env);

  user_dir = g_build_filename (g_get_user_data_dir (), "phoneset", "profiles", NULL);
  g_strv_builder_add (builder, user_dir);

  if (g_file_test (PROFILESDIR, G_FILE_TEST_IS_DIR))
    g_strv_builder_add (builder, PROFILESDIR);
  else
    g_strv_builder_add (builder, SOURCE_PROFILESDIR);

  return g_strv_builder_end (builder);
}
