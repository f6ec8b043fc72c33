/* phoneset-profiles.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All the profiles: loaded from a list of directories, the first to hold
 * an id winning, and found by id. Choosing a profile for a vendor file is
 * phoneset_profiles_choose_for_document(), in phoneset-config.c.
 */

#define G_LOG_DOMAIN "phoneset-profile"

#include "config.h"

#include <string.h>

#include "phoneset-profile-private.h"

/* Loading all profiles ------------------------------------------------------ */

static int
compare_profiles (gconstpointer a,
                  gconstpointer b)
{
  PhonesetProfile *pa = *(PhonesetProfile **)a;
  PhonesetProfile *pb = *(PhonesetProfile **)b;

  return g_strcmp0 (pa->id, pb->id);
}

/**
 * phoneset_profiles_load_all:
 * @dirs: directories, the first to hold an id wins
 * @errors: (out) (optional) (transfer full): the profiles that could not be read
 *
 * Returns: (transfer full) (element-type PhonesetProfile): the profiles, by id
 */
GPtrArray *
phoneset_profiles_load_all (const char *const *dirs,
                            GPtrArray        **errors)
{
  GPtrArray *profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *errs = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);

  for (guint d = 0; dirs != NULL && dirs[d] != NULL; d++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[d], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".json"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (dirs[d], g_ptr_array_index (names, i), NULL);
          g_autofree char *id = g_strndup (g_ptr_array_index (names, i), strlen (g_ptr_array_index (names, i)) - 5);
          GError          *error = NULL;
          PhonesetProfile *profile;

          if (g_hash_table_contains (seen, id))
            continue;
          profile = phoneset_profile_new_from_file (path, &error);
          if (profile == NULL)
            {
              g_ptr_array_add (errs, error);
              continue;
            }
          g_hash_table_add (seen, g_steal_pointer (&id));
          g_ptr_array_add (profiles, profile);
        }
    }

  g_ptr_array_sort (profiles, compare_profiles);
  if (errors != NULL)
    *errors = errs;
  else
    g_ptr_array_unref (errs);
  return profiles;
}

/**
 * phoneset_profiles_find:
 * @profiles: (element-type PhonesetProfile): profiles
 * @id: a profile id
 *
 * Returns: (transfer none) (nullable): the profile with @id
 */
PhonesetProfile *
phoneset_profiles_find (GPtrArray  *profiles,
                        const char *id)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, i);

      if (g_strcmp0 (profile->id, id) == 0)
        return profile;
    }
  return NULL;
}
