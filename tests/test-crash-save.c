/* test-crash-save.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing lost: tests/save-loop saves the inventory, a phone's config and
 * a config file over and over with growing content; this kills it with
 * SIGKILL at random moments, many times, and after each kill every file
 * must be valid JSON and exactly the last finished step or the one being
 * written, never a mix, never empty; the inventory must load. Temporary
 * files of killed saves confuse no load and are cleaned.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "crash-save-content.h"
#include "phoneset-file.h"
#include "phoneset-test-catalog.h"

#define MAX_KILLS   200
#define MAX_SECONDS 15

static GPtrArray  *profiles;
static char       *scratch;
static char       *expected_root; /* tmpfs when there is one: only bytes are made there */
static GHashTable *expected;      /* step → GHashTable (relative path → contents) */

static void
rm_rf (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
}

/* Relative path → contents of the non-temporary files in @dir and
 * @dir/configs; the number of temporary files in *@temps. */
static GHashTable *
read_files (const char *dir,
            guint      *temps)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *subs[] = { "", "configs" };

  for (guint s = 0; s < G_N_ELEMENTS (subs); s++)
    {
      g_autofree char *path = g_build_filename (dir, subs[s], NULL);
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          char            *data = NULL;

          if (g_file_test (file, G_FILE_TEST_IS_DIR))
            continue;
          if (phoneset_file_is_temp (name))
            {
              if (temps != NULL)
                (*temps)++;
              continue;
            }
          g_assert_true (g_file_get_contents (file, &data, NULL, NULL));
          g_hash_table_insert (files, g_build_filename (subs[s], name, NULL), data);
        }
    }
  return files;
}

static GHashTable *
expected_step (guint n)
{
  GHashTable *files = g_hash_table_lookup (expected, GUINT_TO_POINTER (n));

  if (files == NULL)
    {
      g_autofree char *dir = g_strdup_printf ("%s/step-%u", expected_root, n);
      g_autoptr(GError) error = NULL;

      g_assert_true (crash_save_step (dir, profiles, n, &error));
      g_assert_no_error (error);
      files = read_files (dir, NULL);
      g_hash_table_insert (expected, GUINT_TO_POINTER (n), files);
      rm_rf (dir);
    }
  return files;
}

/* Each file is whole: valid JSON, and step @done or step @done + 1. */
static void
check_files (const char *dir,
             guint       done,
             guint      *newer,
             guint      *temps)
{
  g_autoptr(GHashTable) files = read_files (dir, temps);
  GHashTable *now = expected_step (done + 1);
  GHashTable *before = done > 0 ? expected_step (done) : NULL;
  g_autoptr(PhonesetInventory) inventory = phoneset_inventory_new (dir, profiles);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer       key, value;
  guint          n_phones;

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *old = before ? g_hash_table_lookup (before, key) : NULL;
      const char *new = g_hash_table_lookup (now, key);

      if (!json_parser_load_from_data (parser, value, -1, &error))
        g_error ("after a kill at step %u, %s is not valid JSON: %s", done, (char *)key,
                 error->message);
      if (g_strcmp0 (value, new) == 0)
        (*newer)++;
      else if (g_strcmp0 (value, old) != 0)
        g_error ("after a kill at step %u, %s is neither step %u nor step %u", done, (char *)key,
                 done, done + 1);
    }
  /* Nothing that was saved is missing. */
  if (before != NULL)
    {
      g_hash_table_iter_init (&iter, before);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (files, key))
          g_error ("after a kill at step %u, %s is missing", done, (char *)key);
    }

  g_assert_true (phoneset_inventory_load (inventory, &error));
  g_assert_no_error (error);
  n_phones = g_list_model_get_n_items (phoneset_inventory_get_phones (inventory));
  if (done > 0)
    g_assert_true (n_phones == 1 + done % 64 || n_phones == 1 + (done + 1) % 64);
}

static void
test_crash_save_kill (void)
{
  g_autofree char *dir = g_build_filename (scratch, "data", NULL);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "save-loop", NULL);
  gint64           deadline = g_get_monotonic_time () + MAX_SECONDS * G_USEC_PER_SEC;
  guint            done = 0, kills = 0, newer = 0, temps = 0, silent = 0;
  guint            step_us = 20000; /* how long a step takes, as seen */

  g_assert_true (g_file_test (helper, G_FILE_TEST_IS_EXECUTABLE));
  while (kills < MAX_KILLS && g_get_monotonic_time () < deadline)
    {
      g_autofree char *first = g_strdup_printf ("%u", done + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                        helper, dir, first, NULL);
      g_autoptr(GDataInputStream) out = NULL;
      g_autofree char *line = NULL;
      guint            before = done;
      guint            delay_us;

      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "ready");

      delay_us = g_random_int_range (0, 2 * step_us);
      g_usleep (delay_us);
      g_subprocess_force_exit (child);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);
      g_assert_false (g_subprocess_get_if_exited (child)); /* killed, not finished or failed */
      kills++;

      for (;;)
        {
          g_autofree char *step = g_data_input_stream_read_line (out, NULL, NULL, &error);
          guint64          n;

          g_assert_no_error (error);
          if (step == NULL)
            break;
          g_assert_true (g_ascii_string_to_unsigned (step, 10, 1, G_MAXUINT, &n, NULL));
          g_assert_cmpuint (n, ==, done + 1);
          done = n;
        }
      /* Kills must land anywhere in the first steps, and a step (three
       * files, six fsyncs) is slow on a busy disk or in the sanitizer
       * build: the delay follows how long a step takes. */
      if (done == before)
        {
          silent++;
          if (delay_us > step_us)
            step_us = MIN (step_us * 3 / 2, G_USEC_PER_SEC);
        }
      else
        step_us = MAX (1000, (step_us + delay_us / (done - before)) / 2);
      {
        guint now_temps = 0;

        check_files (dir, done, &newer, &now_temps);
        temps = MAX (temps, now_temps);
      }
    }

  g_test_message (
    "a step took about %u ms; %u kills, %u steps saved, %u files found already at the step being "
    "written, "
    "at most %u temporary files of killed saves at once, %u kills before the first save ended",
    step_us / 1000, kills, done, newer, temps, silent);
  g_assert_cmpuint (kills, >=, 10);
  g_assert_cmpuint (done, >, 0);

  /* What killed saves left behind is cleaned, and only that. */
  {
    g_autofree char *configs = g_build_filename (dir, "configs", NULL);
    guint            left = 0;
    g_autoptr(GHashTable) files = NULL;

    phoneset_file_clean_temps (dir, 0);
    phoneset_file_clean_temps (configs, 0);
    files = read_files (dir, &left);
    g_assert_cmpuint (left, ==, 0);
    g_assert_true (g_hash_table_contains (files, "inventory.json"));
    g_assert_true (g_hash_table_contains (files, "saved.json"));
  }
}

static void
test_crash_save_temps (void)
{
  g_autofree char *dir = g_build_filename (scratch, "temps", NULL);
  g_autofree char *target = g_build_filename (dir, "inventory.json", NULL);
  g_autofree char *stale = g_build_filename (dir, ".inventory.json.Ab12Cd", NULL);
  g_autofree char *other = g_build_filename (dir, ".hidden", NULL);
  g_autoptr(PhonesetInventory) inventory = NULL;
  g_autoptr(GError) error = NULL;
  g_assert_true (phoneset_file_is_temp (".inventory.json.Ab12Cd"));
  g_assert_false (phoneset_file_is_temp ("inventory.json"));
  g_assert_false (phoneset_file_is_temp (".hidden"));
  g_assert_false (phoneset_file_is_temp (".config.json.ab-12x"));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (phoneset_file_replace (target, "{\"phones\":[]}", 13, 0600, &error));
  g_assert_no_error (error);
  /* A killed save's half-written file, and a file that is not ours. */
  g_assert_true (g_file_set_contents (stale, "{\"phones\":[{\"addr", -1, NULL));
  g_assert_true (g_file_set_contents (other, "keep", -1, NULL));

  inventory = phoneset_inventory_new (dir, profiles);
  g_assert_true (phoneset_inventory_load (inventory, &error));
  g_assert_no_error (error);
  /* Too young to be sure it is not another process's save in progress. */
  g_assert_true (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (phoneset_file_clean_temps (dir, 0), ==, 1);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  /* A write into a directory that is not there fails cleanly. */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "x.json", NULL);

    g_assert_false (phoneset_file_replace (bad, "{}", 2, 0600, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  int         ret;

  g_test_init (&argc, &argv, NULL);
  profiles = phoneset_test_load_profiles (dirs, NULL);
  scratch = g_dir_make_tmp ("phoneset-crash-XXXXXX", NULL);
  expected_root = g_mkdtemp (g_strdup ("/dev/shm/phoneset-crash-XXXXXX"));
  if (expected_root == NULL)
    expected_root = g_build_filename (scratch, "expected", NULL);
  expected = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_hash_table_unref);

  g_test_add_func ("/crash-save/kill", test_crash_save_kill);
  g_test_add_func ("/crash-save/temps", test_crash_save_temps);

  ret = g_test_run ();
  rm_rf (scratch);
  rm_rf (expected_root);
  g_free (scratch);
  g_free (expected_root);
  g_hash_table_unref (expected);
  g_ptr_array_unref (profiles);
  return ret;
}
