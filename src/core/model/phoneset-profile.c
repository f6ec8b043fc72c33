/* phoneset-profile.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone profile: one phone family described as data in
 * data/profiles/<id>.json (schema in data/profiles/README.md). This file
 * holds the GObject, its constructors and its getters; the strict reader
 * is phoneset-profile-parse.c, a setting is phoneset-setting.c.
 */

#define G_LOG_DOMAIN "phoneset-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-profile-private.h"

#define MAX_PROFILE_SIZE (4 * 1024 * 1024)

G_DEFINE_FINAL_TYPE (PhonesetProfile, phoneset_profile, G_TYPE_OBJECT)

/* Memory ---------------------------------------------------------------- */

void
_phoneset_group_free (gpointer data)
{
  PhonesetGroup *group = data;

  g_free (group->id);
  g_free (group->title);
  g_free (group->description);
  g_ptr_array_unref (group->settings);
  g_free (group);
}

static void
page_free (gpointer data)
{
  PhonesetPage *page = data;

  g_free (page->id);
  g_free (page->title);
  g_strfreev (page->menu_path);
  g_free (page->keypad);
  g_ptr_array_unref (page->groups);
  g_free (page);
}

static void
model_free (gpointer data)
{
  PhonesetModel *model = data;

  g_free (model->name);
  g_free (model->code);
  g_free (model->common_file);
  g_free (model);
}

static void
phoneset_profile_finalize (GObject *object)
{
  PhonesetProfile *self = (PhonesetProfile *)object;

  g_free (self->id);
  g_free (self->vendor);
  g_free (self->title);
  g_free (self->description);
  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_strfreev (self->mac_prefixes);
  g_strfreev (self->formats);
  g_strfreev (self->supersedes);
  g_strfreev (self->foreign_prefixes);
  g_free (self->mac_file);
  g_strfreev (self->notes);
  g_free (self->no_remote_control);
  g_clear_pointer (&self->user_agents, json_node_unref);
  g_clear_pointer (&self->active_uri, json_node_unref);
  g_strfreev (self->pnp_vendors);
  g_free (self->pnp_url_macro);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->settings, g_ptr_array_unref);

  G_OBJECT_CLASS (phoneset_profile_parent_class)->finalize (object);
}

static void
phoneset_profile_class_init (PhonesetProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_profile_finalize;
}

static void
phoneset_profile_init (PhonesetProfile *self)
{
  self->models = g_ptr_array_new_with_free_func (model_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->settings = g_ptr_array_new_with_free_func (_phoneset_setting_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->lines = 1;
}

/**
 * phoneset_profile_new_from_data:
 * @data: the JSON text
 * @len: its length
 * @expected_id: (nullable): the id the file name gives
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the profile
 */
PhonesetProfile *
phoneset_profile_new_from_data (const char  *data,
                                gsize        len,
                                const char  *expected_id,
                                GError     **error)
{
  g_autoptr(PhonesetProfile) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > MAX_PROFILE_SIZE)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("a profile larger than 4 MiB is not read"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, "%s", local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, _("the file is empty"));
      return NULL;
    }

  self = g_object_new (PHONESET_TYPE_PROFILE, NULL);
  if (!_phoneset_profile_parse_root (self, json_parser_get_root (parser), expected_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * phoneset_profile_new_from_file:
 * @path: a `<id>.json` file
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the profile
 */
PhonesetProfile *
phoneset_profile_new_from_file (const char  *path,
                                GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GError) local_error = NULL;
  PhonesetProfile *profile;
  gsize            len;

  if (!g_str_has_suffix (basename, ".json"))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("%s: a profile file ends in .json"), path);
      return NULL;
    }
  basename[strlen (basename) - 5] = '\0';

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND, "%s", local_error->message);
      return NULL;
    }

  profile = phoneset_profile_new_from_data (contents, len, basename, &local_error);
  if (profile == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                   local_error->message);
      return NULL;
    }
  return profile;
}

/* Getters ---------------------------------------------------------------- */

const char *
phoneset_profile_get_id (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->id;
}

const char *
phoneset_profile_get_vendor (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->vendor;
}

const char *
phoneset_profile_get_title (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->title;
}

const char *
phoneset_profile_get_description (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->description;
}

/**
 * phoneset_profile_get_models:
 * @self: a profile
 *
 * Returns: (transfer none) (element-type PhonesetModel): the models
 */
GPtrArray *
phoneset_profile_get_models (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->models;
}

/**
 * phoneset_profile_find_model:
 * @self: a profile
 * @name: a model name, any case
 *
 * Returns: (nullable): the model
 */
const PhonesetModel *
phoneset_profile_find_model (PhonesetProfile *self,
                             const char      *name)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);

  for (guint i = 0; i < self->models->len; i++)
    {
      PhonesetModel *model = g_ptr_array_index (self->models, i);

      if (g_ascii_strcasecmp (model->name, name) == 0)
        return model;
    }
  return NULL;
}

const char *const *
phoneset_profile_get_mac_prefixes (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return (const char *const *)self->mac_prefixes;
}

/**
 * phoneset_profile_get_foreign_key_prefixes:
 * @self: a profile
 *
 * Returns: (transfer none): prefixes of keys that this generation's
 *   firmware does not read but another generation's does (the V8x Yealink
 *   reads `static.network.*`, not `network.*`): a file that uses them is
 *   taken for the other generation's
 */
const char *const *
phoneset_profile_get_foreign_key_prefixes (PhonesetProfile *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->foreign_prefixes ? (const char *const *)self->foreign_prefixes : none;
}

/**
 * phoneset_profile_get_supersedes:
 * @self: a profile
 *
 * Returns: (transfer none): the ids of the profiles for older firmware of
 *   the same phones: a file both read equally well is taken as this one's
 */
const char *const *
phoneset_profile_get_supersedes (PhonesetProfile *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->supersedes ? (const char *const *)self->supersedes : none;
}

const char *const *
phoneset_profile_get_formats (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return (const char *const *)self->formats;
}

/**
 * phoneset_profile_get_file_format:
 * @self: a profile
 * @format: (out): the file format new files are written in (the first the
 *   profile names)
 *
 * Returns: %FALSE if the phone has no file format (setup sheet only)
 */
gboolean
phoneset_profile_get_file_format (PhonesetProfile   *self,
                                  PhonesetCfgFormat *format)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), FALSE);

  for (guint i = 0; self->formats[i] != NULL; i++)
    if (phoneset_cfg_format_from_string (self->formats[i], format))
      return TRUE;
  return FALSE;
}

/**
 * phoneset_profile_reads_format:
 * @self: a profile
 * @format: a file format
 *
 * Returns: %TRUE if the profile reads and edits files of @format (a
 *   phone family may have had several over its firmware generations)
 */
gboolean
phoneset_profile_reads_format (PhonesetProfile   *self,
                               PhonesetCfgFormat  format)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), FALSE);

  for (guint i = 0; self->formats[i] != NULL; i++)
    {
      PhonesetCfgFormat listed;

      if (phoneset_cfg_format_from_string (self->formats[i], &listed) && listed == format)
        return TRUE;
    }
  return FALSE;
}

/**
 * phoneset_profile_get_format_of_file:
 * @self: a profile
 * @data: the start of a vendor file
 * @len: its length
 * @format: (out): the format to read and edit it in
 *
 * A user's own file is read and edited in its own format when that is one
 * the profile reads (an old Yealink INI file, for a profile whose new files
 * are CFG), else in the format new files are written in.
 *
 * Returns: %FALSE if the phone has no file format (setup sheet only)
 */
gboolean
phoneset_profile_get_format_of_file (PhonesetProfile   *self,
                                     const char        *data,
                                     gsize              len,
                                     PhonesetCfgFormat *format)
{
  PhonesetCfgFormat detected;

  g_return_val_if_fail (PHONESET_IS_PROFILE (self), FALSE);

  if (!phoneset_profile_get_file_format (self, format))
    return FALSE;
  if (phoneset_cfg_detect_format (data, len, &detected) &&
      phoneset_profile_reads_format (self, detected))
    *format = detected;
  return TRUE;
}

const char *
phoneset_profile_get_mac_file (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->mac_file;
}

guint
phoneset_profile_get_lines (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), 0);
  return self->lines;
}

const char *const *
phoneset_profile_get_notes (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return (const char *const *)self->notes;
}

/**
 * phoneset_profile_get_no_remote_control:
 * @self: a profile
 *
 * The profile's own words on why its phones have no remote control (no
 * Active URI interface). The text is also the last of the notes.
 *
 * Returns: (nullable): the reason, %NULL when the profile gives none
 */
const char *
phoneset_profile_get_no_remote_control (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->no_remote_control;
}

/**
 * phoneset_profile_get_user_agents:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): the `user_agents` rules
 */
JsonArray *
phoneset_profile_get_user_agents (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->user_agents ? json_node_get_array (self->user_agents) : NULL;
}

/**
 * phoneset_profile_get_active_uri:
 * @self: a profile
 *
 * Returns: (transfer none) (nullable): the `active_uri` object
 */
JsonObject *
phoneset_profile_get_active_uri (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->active_uri ? json_node_get_object (self->active_uri) : NULL;
}

/**
 * phoneset_profile_get_pnp_url:
 * @self: a profile
 *
 * Returns: what a SIP PnP answer points the profile's phones at
 *   (`pnp.url`; the phone's own MAC file when the profile does not say)
 */
PhonesetPnpUrl
phoneset_profile_get_pnp_url (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), PHONESET_PNP_URL_MAC_FILE);
  return self->pnp_url;
}

/**
 * phoneset_profile_answers_pnp_vendor:
 * @self: a profile
 * @vendor: (nullable): the vendor parameter of a SIP PnP SUBSCRIBE
 *
 * Whether a SUBSCRIBE that names @vendor may be a phone of this profile:
 * @vendor starts with one of the profile's `pnp.vendors` (any case; the
 * profile's vendor when it names none). An unknown vendor may be anyone's.
 *
 * Returns: %TRUE if the profile answers @vendor
 */
gboolean
phoneset_profile_answers_pnp_vendor (PhonesetProfile *self,
                                     const char      *vendor)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), FALSE);

  if (vendor == NULL || vendor[0] == '\0')
    return TRUE;
  if (self->pnp_vendors == NULL || self->pnp_vendors[0] == NULL)
    return g_ascii_strncasecmp (vendor, self->vendor, strlen (self->vendor)) == 0;
  for (guint i = 0; self->pnp_vendors[i] != NULL; i++)
    if (g_ascii_strncasecmp (vendor, self->pnp_vendors[i], strlen (self->pnp_vendors[i])) == 0)
      return TRUE;
  return FALSE;
}

/**
 * phoneset_profile_get_pnp_url_macro:
 * @self: a profile
 *
 * Returns: (nullable): the macro the profile's phones replace by their MAC
 *   in a provisioning URL they are given (`pnp.url_macro`, `$mac`), or
 *   %NULL when none is known
 */
const char *
phoneset_profile_get_pnp_url_macro (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->pnp_url_macro;
}

/**
 * phoneset_profile_get_pages:
 * @self: a profile
 *
 * Returns: (transfer none) (element-type PhonesetPage): the menu tree
 */
GPtrArray *
phoneset_profile_get_pages (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->pages;
}

/**
 * phoneset_profile_get_settings:
 * @self: a profile
 *
 * Returns: (transfer none) (element-type PhonesetSetting): every setting, in menu order
 */
GPtrArray *
phoneset_profile_get_settings (PhonesetProfile *self)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  return self->settings;
}

/**
 * phoneset_profile_lookup_setting:
 * @self: a profile
 * @id: a setting id such as `nat.stun.server`
 *
 * Returns: (transfer none) (nullable): the setting
 */
PhonesetSetting *
phoneset_profile_lookup_setting (PhonesetProfile *self,
                                 const char      *id)
{
  g_return_val_if_fail (PHONESET_IS_PROFILE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}
