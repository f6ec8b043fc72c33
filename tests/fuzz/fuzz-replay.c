/* fuzz-replay.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A main() for fuzz targets in ordinary builds: it feeds every file of the
 * corpus directories (or files) named on the command line to
 * LLVMFuzzerTestOneInput once, so that the seed corpora and every crash
 * once found run as regression tests in each build, sanitizers included.
 * With -Dfuzzing=true and CC=clang the same targets link libFuzzer instead.
 */

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
replay_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize            len = 0;
  guint            count = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          count += replay_path (child);
        }
      return count;
    }

  if (!g_file_get_contents (path, &contents, &len, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *)contents, len);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    count += replay_path (argv[i]);

  /* The empty input and a few fixed shapes are always worth a run. */
  LLVMFuzzerTestOneInput ((const uint8_t *)"", 0);
  LLVMFuzzerTestOneInput ((const uint8_t *)"\0\0\0\0", 4);
  LLVMFuzzerTestOneInput ((const uint8_t *)"\xff\xff\xff\xff\xff\xff\xff\xff", 8);

  printf ("1..1\nok 1 replayed %u corpus files\n", count);
  return 0;
}
