/* save-loop.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A helper for test-crash-save: `save-loop DIR FIRST` saves steps FIRST,
 * FIRST+1, … (see crash-save-content.h) into DIR for ever, printing
 * "ready" once and then each step's number once it is saved. The test
 * kills it with SIGKILL at random moments.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "crash-save-content.h"
#include "phoneset-test-catalog.h"

int
main (int   argc,
      char *argv[])
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(GPtrArray) profiles = NULL;
  guint64 first;

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT, &first, NULL))
    {
      fprintf (stderr, "usage: save-loop DIR FIRST\n");
      return 2;
    }
  profiles = phoneset_test_load_profiles (dirs, NULL);
  if (profiles == NULL || phoneset_profiles_find (profiles, "planet-vip") == NULL)
    {
      fprintf (stderr, "save-loop: no planet-vip profile (set PHONESET_PROFILES_DIR)\n");
      return 2;
    }
  setvbuf (stdout, NULL, _IONBF, 0);
  printf ("ready\n");
  /* Bounded: the test kills it long before; alone it stops by itself. */
  for (guint n = first; n < first + 100000; n++)
    {
      g_autoptr(GError) error = NULL;

      if (!crash_save_step (argv[1], profiles, n, &error))
        {
          fprintf (stderr, "save-loop: %s\n", error->message);
          return 1;
        }
      printf ("%u\n", n);
    }
  return 0;
}
