/* test-drafts.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draft store: save, list, load, remove, clear; ids that are not file
 * names; never a password in a draft, and restoring keeps the passwords
 * the phone has; broken files skipped.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-drafts.h"
#include "phoneset-error.h"
#include "phoneset-profile.h"
#include "phoneset-test-catalog.h"

#define SECRET "Zq7-phoneset-SECRET-4711"

static GPtrArray *profiles;

static void
rm_rf (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
}

static char *
dir_text (const char *dir)
{
  GString *all = g_string_new (NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_string_append (all, text);
    }
  return g_string_free (all, FALSE);
}

static void
test_drafts_roundtrip (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("phoneset-drafts-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "drafts", NULL);
  g_autoptr(PhonesetDrafts) drafts = phoneset_drafts_new (dir, profiles);
  g_autoptr(PhonesetConfig) config =
               phoneset_config_new (phoneset_profiles_find (profiles, "yealink-legacy"));
  g_autoptr(PhonesetConfig) other =
               phoneset_config_new (phoneset_profiles_find (profiles, "planet-vip"));
  g_autoptr(PhonesetConfig) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *text = NULL;
  const char      *v6 = "[2001:db8::1]:8080";

  /* Nothing yet, not even the directory. */
  ids = phoneset_drafts_list (drafts);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
  g_clear_pointer (&ids, g_strfreev);
  g_assert_null (phoneset_drafts_load (drafts, "001565aabbcc", &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (phoneset_config_set (config, "nat.stun.server", "stun.example.org", NULL));
  g_assert_true (phoneset_config_set (config, "provisioning.server.password", SECRET, NULL));
  g_assert_true (phoneset_drafts_save (drafts, "001565aabbcc", config, &error));
  g_assert_no_error (error);
  g_assert_true (phoneset_config_set (other, "nat.stun.server", "stun2.example.org", NULL));
  g_assert_true (phoneset_drafts_save (drafts, v6, other, &error));
  g_assert_no_error (error);

  /* No password in any draft; the directory is private. */
  text = dir_text (dir);
  g_assert_null (strstr (text, SECRET));
  g_assert_nonnull (strstr (text, "stun.example.org"));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (dir, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 077, ==, 0);
  }

  ids = phoneset_drafts_list (drafts);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "001565aabbcc");
  g_assert_cmpstr (ids[1], ==, v6);
  g_clear_pointer (&ids, g_strfreev);

  loaded = phoneset_drafts_load (drafts, "001565aabbcc", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (phoneset_profile_get_id (phoneset_config_get_profile (loaded)), ==,
                   "yealink-legacy");
  g_assert_cmpstr (phoneset_config_get (loaded, "nat.stun.server"), ==, "stun.example.org");
  g_assert_null (phoneset_config_get (loaded, "provisioning.server.password"));
  g_clear_object (&loaded);
  loaded = phoneset_drafts_load (drafts, v6, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_config_get (loaded, "nat.stun.server"), ==, "stun2.example.org");

  /* A newer draft replaces the older one. */
  g_assert_true (phoneset_config_set (other, "nat.stun.server", "stun3.example.org", NULL));
  g_assert_true (phoneset_drafts_save (drafts, v6, other, &error));
  g_clear_object (&loaded);
  loaded = phoneset_drafts_load (drafts, v6, &error);
  g_assert_cmpstr (phoneset_config_get (loaded, "nat.stun.server"), ==, "stun3.example.org");

  g_assert_true (phoneset_drafts_remove (drafts, v6, &error));
  g_assert_true (phoneset_drafts_remove (drafts, v6, &error)); /* gone already: fine */
  g_assert_no_error (error);
  ids = phoneset_drafts_list (drafts);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_clear_pointer (&ids, g_strfreev);

  phoneset_drafts_clear (drafts);
  ids = phoneset_drafts_list (drafts);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);

  rm_rf (tmp);
}

static void
test_drafts_merge (void)
{
  PhonesetProfile *yealink = phoneset_profiles_find (profiles, "yealink-legacy");
  g_autoptr(PhonesetConfig) current = phoneset_config_new (yealink);
  g_autoptr(PhonesetConfig) draft = phoneset_config_new (yealink);
  g_autoptr(PhonesetConfig) merged = NULL;

  phoneset_config_set (current, "provisioning.server.password", SECRET, NULL);
  phoneset_config_set (current, "nat.stun.server", "old.example.org", NULL);
  phoneset_config_set (draft, "vlan.id", "42", NULL);

  merged = phoneset_drafts_merge (current, draft);
  g_assert_cmpstr (phoneset_config_get (merged, "vlan.id"), ==, "42");
  /* Unset in the draft: unset. The password: kept. */
  g_assert_null (phoneset_config_get (merged, "nat.stun.server"));
  g_assert_cmpstr (phoneset_config_get (merged, "provisioning.server.password"), ==, SECRET);
  g_clear_object (&merged);

  merged = phoneset_drafts_merge (NULL, draft);
  g_assert_null (phoneset_config_get (merged, "provisioning.server.password"));
}

static void
test_drafts_bad_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phoneset-drafts-XXXXXX", NULL);
  g_autoptr(PhonesetDrafts) drafts = phoneset_drafts_new (dir, profiles);
  g_autoptr(PhonesetConfig) config =
               phoneset_config_new (phoneset_profiles_find (profiles, "snom"));
  const char *bad[][2] = {
    { "torn.json", "{\"version\":1,\"phone\":\"x\",\"conf" },
    { "array.json", "[1,2]" },
    { "nophone.json", "{\"config\":{}}" },
    { "noconfig.json", "{\"phone\":\"y\"}" },
    { "notes.txt", "not a draft" },
    { ".000413aabbcc.json.Xy12Zw", "{\"phone\":\"half" },
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(PhonesetConfig) loaded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_build_filename (dir, bad[i][0], NULL);

      g_assert_true (g_file_set_contents (path, bad[i][1], -1, NULL));
    }
  g_assert_true (phoneset_drafts_save (drafts, "000413aabbcc", config, &error));
  g_assert_no_error (error);

  ids = phoneset_drafts_list (drafts);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "000413aabbcc");

  /* A draft whose profile is unknown does not load, with a reason. */
  {
    g_autofree char *path = g_build_filename (dir, "ghost.json", NULL);

    g_assert_true (g_file_set_contents (
      path, "{\"phone\":\"ghost\",\"config\":{\"profile\":\"no-such\",\"settings\":{}}}", -1,
      NULL));
    loaded = phoneset_drafts_load (drafts, "ghost", &error);
    g_assert_null (loaded);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  int         ret;

  g_test_init (&argc, &argv, NULL);
  profiles = phoneset_test_load_profiles (dirs, NULL);

  g_test_add_func ("/drafts/roundtrip", test_drafts_roundtrip);
  g_test_add_func ("/drafts/merge", test_drafts_merge);
  g_test_add_func ("/drafts/bad-files", test_drafts_bad_files);

  ret = g_test_run ();
  g_ptr_array_unref (profiles);
  return ret;
}
