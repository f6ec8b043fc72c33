/* phoneset-drafts.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts: the edits of each phone that are not saved in the inventory yet,
 * autosaved a moment after each change so that a crash loses nothing.
 * One file per phone, `<data dir>/drafts/<escaped phone id>.json`:
 *
 *   { "version": 1, "phone": ID, "saved": ISO 8601, "config": CONFIG }
 *
 * CONFIG is phoneset_config_to_json() without secrets: a draft never holds
 * a password (a password typed into a form is only named under
 * "secrets"). Every write is crash-safe (phoneset_file_replace()).
 */

#define G_LOG_DOMAIN "phoneset-drafts"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "phoneset-drafts.h"
#include "phoneset-error.h"
#include "phoneset-file.h"
#include "phoneset-profile.h"

#define MAX_DRAFT_SIZE (4 * 1024 * 1024)

struct _PhonesetDrafts
{
  GObject    parent_instance;

  char      *dir;
  GPtrArray *profiles;
};

G_DEFINE_FINAL_TYPE (PhonesetDrafts, phoneset_drafts, G_TYPE_OBJECT)

static void
phoneset_drafts_finalize (GObject *object)
{
  PhonesetDrafts *self = (PhonesetDrafts *)object;

  g_free (self->dir);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);

  G_OBJECT_CLASS (phoneset_drafts_parent_class)->finalize (object);
}

static void
phoneset_drafts_class_init (PhonesetDraftsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_drafts_finalize;
}

static void
phoneset_drafts_init (PhonesetDrafts *self)
{
}

/**
 * phoneset_drafts_new:
 * @dir: the drafts directory (`$XDG_DATA_HOME/phoneset/drafts`); made on
 *   the first save
 * @profiles: (element-type PhonesetProfile): the known profiles
 *
 * Returns: (transfer full): the drafts of @dir
 */
PhonesetDrafts *
phoneset_drafts_new (const char *dir,
                     GPtrArray  *profiles)
{
  PhonesetDrafts *self;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (profiles != NULL, NULL);

  self = g_object_new (PHONESET_TYPE_DRAFTS, NULL);
  self->dir = g_strdup (dir);
  self->profiles = g_ptr_array_ref (profiles);
  return self;
}

const char *
phoneset_drafts_get_dir (PhonesetDrafts *self)
{
  g_return_val_if_fail (PHONESET_IS_DRAFTS (self), NULL);

  return self->dir;
}

/* A phone id is a MAC or an address (`[2001:db8::1]:8080`): escaped, it
 * is a plain file name. */
static char *
draft_path (PhonesetDrafts *self,
            const char     *phone_id)
{
  g_autofree char *escaped = g_uri_escape_string (phone_id, NULL, FALSE);
  g_autofree char *name = g_strconcat (escaped, ".json", NULL);

  return g_build_filename (self->dir, name, NULL);
}

/**
 * phoneset_drafts_save:
 * @self: the drafts
 * @phone_id: the phone's id (phoneset_phone_get_id())
 * @config: its config as edited
 * @error: a location for a #GError
 *
 * Saves @config as the phone's draft, without passwords, crash-safe.
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_drafts_save (PhonesetDrafts  *self,
                      const char      *phone_id,
                      PhonesetConfig  *config,
                      GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize            len;

  g_return_val_if_fail (PHONESET_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (phone_id != NULL && phone_id[0] != '\0', FALSE);
  g_return_val_if_fail (PHONESET_IS_CONFIG (config), FALSE);

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("cannot make the directory %s: %s"), self->dir, g_strerror (saved_errno));
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, phone_id);
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, saved);
  json_builder_set_member_name (builder, "config");
  json_builder_add_value (builder, phoneset_config_to_json (config, FALSE));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &len);

  path = draft_path (self, phone_id);
  return phoneset_file_replace (path, data, len, 0600, error);
}

static JsonObject *
read_draft (const char  *path,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  gsize            len;
  JsonNode        *root;
  JsonNode        *phone;
  JsonNode        *config;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (len > MAX_DRAFT_SIZE)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("the draft %s is larger than 4 MiB"), path);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, len, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("the draft %s is not a JSON object"), path);
      return NULL;
    }
  phone = json_object_get_member (json_node_get_object (root), "phone");
  config = json_object_get_member (json_node_get_object (root), "config");
  if (phone == NULL || !JSON_NODE_HOLDS_VALUE (phone) ||
      json_node_get_value_type (phone) != G_TYPE_STRING || config == NULL ||
      !JSON_NODE_HOLDS_OBJECT (config))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("the draft %s has no phone or no config"), path);
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

/**
 * phoneset_drafts_load:
 * @self: the drafts
 * @phone_id: a phone's id
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the phone's draft, %NULL with
 *   %PHONESET_ERROR_NOT_FOUND when it has none
 */
PhonesetConfig *
phoneset_drafts_load (PhonesetDrafts  *self,
                      const char      *phone_id,
                      GError         **error)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) local_error = NULL;
  PhonesetConfig *config;

  g_return_val_if_fail (PHONESET_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (phone_id != NULL, NULL);

  path = draft_path (self, phone_id);
  object = read_draft (path, &local_error);
  if (object == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND,
                     _("There is no draft for %s."), phone_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_strcmp0 (json_object_get_string_member (object, "phone"), phone_id) != 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("the draft %s belongs to another phone"), path);
      return NULL;
    }
  config = phoneset_config_new_from_json (self->profiles, json_object_get_member (object, "config"),
                                          error);
  if (config == NULL)
    g_prefix_error (error, "%s: ", path);
  return config;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/**
 * phoneset_drafts_list:
 * @self: the drafts
 *
 * Removes what killed saves left behind, then lists the drafts. A file
 * that is not a draft is skipped (and logged).
 *
 * Returns: (transfer full): the ids of the phones with a draft, sorted
 */
char **
phoneset_drafts_list (PhonesetDrafts *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (PHONESET_IS_DRAFTS (self), NULL);

  phoneset_file_clean_temps (self->dir, 10);
  dir = g_dir_open (self->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".json") || phoneset_file_is_temp (name))
        continue;
      path = g_build_filename (self->dir, name, NULL);
      object = read_draft (path, &error);
      if (object == NULL)
        {
          g_message ("Skipping a draft: %s", error->message);
          continue;
        }
      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (object, "phone")));
    }
  g_ptr_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (ids, i));
  return g_strv_builder_end (builder);
}

/**
 * phoneset_drafts_remove:
 * @self: the drafts
 * @phone_id: a phone's id
 * @error: a location for a #GError
 *
 * Removes the phone's draft; none is no error.
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_drafts_remove (PhonesetDrafts  *self,
                        const char      *phone_id,
                        GError         **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PHONESET_IS_DRAFTS (self), FALSE);

  path = draft_path (self, phone_id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("cannot remove %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * phoneset_drafts_clear:
 * @self: the drafts
 *
 * Removes every draft: everything is saved.
 */
void
phoneset_drafts_clear (PhonesetDrafts *self)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (PHONESET_IS_DRAFTS (self));

  if (!g_file_test (self->dir, G_FILE_TEST_IS_DIR))
    return;
  ids = phoneset_drafts_list (self);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!phoneset_drafts_remove (self, ids[i], &error))
        g_message ("%s", error->message);
    }
}

/**
 * phoneset_drafts_merge:
 * @current: a phone's config now
 * @draft: its draft
 *
 * What restoring @draft gives: every setting as in @draft, except the
 * passwords, which a draft never holds: those stay as in @current.
 *
 * Returns: (transfer full): the config to restore
 */
PhonesetConfig *
phoneset_drafts_merge (PhonesetConfig *current,
                       PhonesetConfig *draft)
{
  PhonesetConfig *merged;
  GPtrArray      *settings;

  g_return_val_if_fail (PHONESET_IS_CONFIG (draft), NULL);

  merged = phoneset_config_copy (draft);
  settings = phoneset_profile_get_settings (phoneset_config_get_profile (draft));
  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);
      const char      *id = phoneset_setting_get_id (setting);
      const char      *keep;

      if (!phoneset_setting_is_secret (setting))
        continue;
      keep = current != NULL &&
                 phoneset_config_get_profile (current) == phoneset_config_get_profile (draft)
               ? phoneset_config_get (current, id)
               : NULL;
      if (keep != NULL)
        phoneset_config_set (merged, id, keep, NULL);
      else
        phoneset_config_unset (merged, id);
    }
  return merged;
}
