/* phoneset-catalog.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-action-url.h"
#include "phoneset-catalog.h"
#include "phoneset-error.h"
#include "phoneset-paths.h"

/**
 * PhonesetCatalog:
 *
 * The phone profiles (`data/profiles/<id>.json`), read once, and what is
 * derived from them: the fingerprint rules that tell a phone from what it
 * says, the Active URI description and Action URL keys of each profile.
 * It is the only reader of the profile folders.
 *
 * The folders are read in order, the first to hold an id winning; the
 * files of one folder by name. Every file is read strictly
 * (phoneset_profile_new_from_file()): one that is not valid is reported in
 * phoneset_catalog_get_errors() and left out, with everything derived from
 * it (a profile the catalog does not hold fingerprints no phone), and does
 * not keep the others from loading. The profiles are in the order of their
 * ids, and so are the fingerprint rules.
 *
 * A phone is found by its profile's id, exactly
 * (phoneset_catalog_find()); only a phone whose profile is not known is
 * looked up by its vendor and model (phoneset_catalog_find_for_vendor()).
 */
struct _PhonesetCatalog
{
  GObject                   parent_instance;

  GPtrArray                *profiles; /* PhonesetProfile, by id */
  GPtrArray                *errors;   /* GError, one per file left out */
  PhonesetFingerprintRules *rules;
};

G_DEFINE_FINAL_TYPE (PhonesetCatalog, phoneset_catalog, G_TYPE_OBJECT)

static void
phoneset_catalog_finalize (GObject *object)
{
  PhonesetCatalog *self = (PhonesetCatalog *)object;

  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (phoneset_catalog_parent_class)->finalize (object);
}

static void
phoneset_catalog_class_init (PhonesetCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_catalog_finalize;
}

static void
phoneset_catalog_init (PhonesetCatalog *self)
{
  self->profiles = g_ptr_array_new_with_free_func (g_object_unref);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  self->rules = phoneset_fingerprint_rules_new ();
}

static int
compare_profiles (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (phoneset_profile_get_id (*(PhonesetProfile **)a),
                    phoneset_profile_get_id (*(PhonesetProfile **)b));
}

/* g_ptr_array_sort() hands the compare function pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/* The profile's fingerprint data as the rules read it. */
static JsonObject *
fingerprint_object (PhonesetProfile *profile)
{
  JsonObject        *object = json_object_new ();
  JsonArray         *user_agents = phoneset_profile_get_user_agents (profile);
  const char *const *prefixes = phoneset_profile_get_mac_prefixes (profile);

  json_object_set_string_member (object, "vendor", phoneset_profile_get_vendor (profile));
  if (user_agents != NULL)
    json_object_set_array_member (object, "user_agents", json_array_ref (user_agents));
  if (prefixes != NULL && prefixes[0] != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; prefixes[i] != NULL; i++)
        json_array_add_string_element (array, prefixes[i]);
      json_object_set_array_member (object, "mac_prefixes", array);
    }
  return object;
}

static PhonesetProfile *
load_file (const char  *path,
           GError     **error)
{
  g_autoptr(PhonesetProfile) profile = NULL;
  g_autoptr(PhonesetFingerprintRules) check = NULL;
  g_autoptr(JsonObject) fingerprint = NULL;
  g_autoptr(GError) local_error = NULL;

  profile = phoneset_profile_new_from_file (path, error);
  if (profile == NULL)
    return NULL;
  /* Rules that do not compile leave the whole profile out. */
  check = phoneset_fingerprint_rules_new ();
  fingerprint = fingerprint_object (profile);
  if (!phoneset_fingerprint_rules_add_profile (check, phoneset_profile_get_id (profile),
                                               fingerprint, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                   local_error->message);
      return NULL;
    }
  return g_steal_pointer (&profile);
}

static void
load_dirs (PhonesetCatalog   *self,
           const char *const *dirs)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

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
      g_ptr_array_sort (names, compare_names);

      for (guint i = 0; i < names->len; i++)
        {
          const char      *file = g_ptr_array_index (names, i);
          g_autofree char *path = g_build_filename (dirs[d], file, NULL);
          g_autofree char *id = g_strndup (file, strlen (file) - strlen (".json"));
          GError          *error = NULL;
          PhonesetProfile *profile;

          /* A file that cannot be read does not hide the same id in a
           * later folder. */
          if (g_hash_table_contains (seen, id))
            continue;
          profile = load_file (path, &error);
          if (profile == NULL)
            {
              g_ptr_array_add (self->errors, error);
              continue;
            }
          g_hash_table_add (seen, g_steal_pointer (&id));
          g_ptr_array_add (self->profiles, profile);
        }
    }
  g_ptr_array_sort (self->profiles, compare_profiles);

  for (guint i = 0; i < self->profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (self->profiles, i);
      g_autoptr(JsonObject) fingerprint = fingerprint_object (profile);

      /* Checked in load_file(). */
      if (!phoneset_fingerprint_rules_add_profile (self->rules, phoneset_profile_get_id (profile),
                                                   fingerprint, NULL))
        g_warn_if_reached ();
    }
}

/**
 * phoneset_catalog_new:
 * @dirs: (array zero-terminated=1): profile folders, the first to hold an
 *   id winning; missing ones are skipped
 *
 * Reads every `*.json` profile of @dirs.
 *
 * Returns: (transfer full): the catalog
 */
PhonesetCatalog *
phoneset_catalog_new (const char *const *dirs)
{
  PhonesetCatalog *self = g_object_new (PHONESET_TYPE_CATALOG, NULL);

  load_dirs (self, dirs);
  return self;
}

/**
 * phoneset_catalog_new_default:
 *
 * Reads the profiles of the folders phoneset_paths_profile_dirs() names.
 *
 * Returns: (transfer full): the catalog
 */
PhonesetCatalog *
phoneset_catalog_new_default (void)
{
  g_auto(GStrv) dirs = phoneset_paths_profile_dirs ();

  return phoneset_catalog_new ((const char *const *)dirs);
}

/**
 * phoneset_catalog_get_profiles:
 * @self: a catalog
 *
 * Returns: (transfer none) (element-type PhonesetProfile): the profiles,
 *   by id
 */
GPtrArray *
phoneset_catalog_get_profiles (PhonesetCatalog *self)
{
  g_return_val_if_fail (PHONESET_IS_CATALOG (self), NULL);
  return self->profiles;
}

/**
 * phoneset_catalog_get_errors:
 * @self: a catalog
 *
 * Returns: (transfer none) (element-type GError): why each file left out
 *   was, its path in the message
 */
GPtrArray *
phoneset_catalog_get_errors (PhonesetCatalog *self)
{
  g_return_val_if_fail (PHONESET_IS_CATALOG (self), NULL);
  return self->errors;
}

/**
 * phoneset_catalog_find:
 * @self: a catalog
 * @id: a profile id (`yealink-v8x`)
 *
 * Returns: (transfer none) (nullable): the profile with exactly @id
 */
PhonesetProfile *
phoneset_catalog_find (PhonesetCatalog *self,
                       const char      *id)
{
  g_return_val_if_fail (PHONESET_IS_CATALOG (self), NULL);
  return id != NULL ? phoneset_profiles_find (self->profiles, id) : NULL;
}

/**
 * phoneset_catalog_find_for_vendor:
 * @self: a catalog
 * @vendor: the phone's vendor, any case
 * @model: (nullable): the phone's model, if known
 * @error: a location for a #GError
 *
 * The profile for a phone whose profile is not known, as
 * phoneset_profiles_find_for_vendor() picks it. Prefer
 * phoneset_catalog_find() whenever the profile's id is known.
 *
 * Returns: (transfer none): the profile, or %NULL with
 *   %PHONESET_ERROR_NOT_FOUND or %PHONESET_ERROR_UNSUPPORTED
 */
PhonesetProfile *
phoneset_catalog_find_for_vendor (PhonesetCatalog  *self,
                                  const char       *vendor,
                                  const char       *model,
                                  GError          **error)
{
  g_return_val_if_fail (PHONESET_IS_CATALOG (self), NULL);
  g_return_val_if_fail (vendor != NULL, NULL);
  return phoneset_profiles_find_for_vendor (self->profiles, vendor, model, error);
}

/**
 * phoneset_catalog_get_fingerprint_rules:
 * @self: a catalog
 *
 * Returns: (transfer none): the rules of the profiles' `user_agents` and
 *   `mac_prefixes`; not to be changed
 */
PhonesetFingerprintRules *
phoneset_catalog_get_fingerprint_rules (PhonesetCatalog *self)
{
  g_return_val_if_fail (PHONESET_IS_CATALOG (self), NULL);
  return self->rules;
}

static PhonesetProfile *
find_or_fail (PhonesetCatalog  *self,
              const char       *id,
              GError          **error)
{
  PhonesetProfile *profile = phoneset_catalog_find (self, id);

  if (profile == NULL)
    g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND,
                 _("There is no profile “%s” (see “phoneset profiles”)."), id);
  return profile;
}

/**
 * phoneset_catalog_new_active_uri:
 * @self: a catalog
 * @id: the phone's profile id
 * @model: (nullable): the phone's model, if known
 * @error: a location for a #GError
 *
 * The Active URI description of the profile @id, for @model, as
 * phoneset_active_uri_new_for_profile() reads it.
 *
 * Returns: (transfer full): the description, or %NULL with
 *   %PHONESET_ERROR_NOT_FOUND (no such profile), %PHONESET_ERROR_UNSUPPORTED
 *   or %PHONESET_ERROR_PARSE
 */
PhonesetActiveUri *
phoneset_catalog_new_active_uri (PhonesetCatalog  *self,
                                 const char       *id,
                                 const char       *model,
                                 GError          **error)
{
  PhonesetProfile *profile;

  g_return_val_if_fail (PHONESET_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  profile = find_or_fail (self, id, error);
  return profile != NULL ? phoneset_active_uri_new_for_profile (profile, model, error) : NULL;
}

/**
 * phoneset_catalog_new_active_uri_for_vendor:
 * @self: a catalog
 * @vendor: the phone's vendor, any case
 * @model: (nullable): the phone's model, if known
 * @error: a location for a #GError
 *
 * As phoneset_catalog_new_active_uri() for the profile
 * phoneset_catalog_find_for_vendor() picks. Only for a phone whose profile
 * is not known.
 *
 * Returns: (transfer full): the description, or %NULL
 */
PhonesetActiveUri *
phoneset_catalog_new_active_uri_for_vendor (PhonesetCatalog  *self,
                                            const char       *vendor,
                                            const char       *model,
                                            GError          **error)
{
  PhonesetProfile *profile;

  g_return_val_if_fail (PHONESET_IS_CATALOG (self), NULL);
  g_return_val_if_fail (vendor != NULL, NULL);

  profile = phoneset_catalog_find_for_vendor (self, vendor, model, error);
  return profile != NULL ? phoneset_active_uri_new_for_profile (profile, model, error) : NULL;
}

/**
 * phoneset_catalog_dup_action_url_entries:
 * @self: a catalog
 * @id: the phone's profile id
 * @base_url: the receiver, `http://HOST:PORT`
 * @error: a location for a #GError
 *
 * The configuration entries that point the Action URLs of a phone of
 * profile @id at Phoneset, under the profile's own keys
 * (phoneset_action_url_config_entries()).
 *
 * Returns: (transfer full): key → URL, or %NULL with
 *   %PHONESET_ERROR_NOT_FOUND or %PHONESET_ERROR_UNSUPPORTED
 */
JsonObject *
phoneset_catalog_dup_action_url_entries (PhonesetCatalog  *self,
                                         const char       *id,
                                         const char       *base_url,
                                         GError          **error)
{
  PhonesetProfile *profile;

  g_return_val_if_fail (PHONESET_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL && base_url != NULL, NULL);

  profile = find_or_fail (self, id, error);
  return profile != NULL ? phoneset_action_url_config_entries (profile, base_url, error) : NULL;
}

/**
 * phoneset_catalog_choose_for_document:
 * @self: a catalog
 * @document: a vendor file
 * @file_name: (nullable): the file's name
 * @model: (nullable): the phone's model, if the user named it
 * @reason: (out) (optional) (transfer full): why that profile
 * @also: (nullable) (element-type PhonesetProfile): the other profiles that
 *   read as many of the file's keys are appended here
 *
 * The profile for a vendor file among all the catalog's, as
 * phoneset_profiles_choose_for_document() chooses it.
 *
 * Returns: (transfer none) (nullable): the best profile
 */
PhonesetProfile *
phoneset_catalog_choose_for_document (PhonesetCatalog      *self,
                                      PhonesetCfgDocument  *document,
                                      const char           *file_name,
                                      const char           *model,
                                      char                **reason,
                                      GPtrArray            *also)
{
  g_return_val_if_fail (PHONESET_IS_CATALOG (self), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  return phoneset_profiles_choose_for_document (self->profiles, document, file_name, model, reason,
                                                also);
}
