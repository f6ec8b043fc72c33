/* phoneset-config.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A config: the values for one phone under one profile. Values are kept in
 * canonical form (bool "true"/"false", numbers in decimal, enum ids), are
 * validated on the way in, and are turned into a vendor file, or read from
 * one, through the profile's description of each setting.
 */

#define G_LOG_DOMAIN "phoneset-config"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-config.h"
#include "phoneset-error.h"
#include "phoneset-file.h"
#include "phoneset-mac.h"

struct _PhonesetConfig
{
  GObject          parent_instance;

  PhonesetProfile *profile;
  GHashTable      *values;      /* id → canonical value */
  GPtrArray       *unknown;     /* lines of an imported file no setting reads, passwords masked */
  GPtrArray       *unknown_raw; /* the same lines as they are (never saved) */
  GPtrArray       *warnings;    /* PhonesetConfigWarning, of the import */
  GHashTable      *invalid;     /* id → a value the file holds that is not valid */
};

G_DEFINE_FINAL_TYPE (PhonesetConfig, phoneset_config, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
phoneset_config_finalize (GObject *object)
{
  PhonesetConfig *self = (PhonesetConfig *)object;

  g_clear_object (&self->profile);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->unknown, g_ptr_array_unref);
  g_clear_pointer (&self->unknown_raw, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->invalid, g_hash_table_unref);

  G_OBJECT_CLASS (phoneset_config_parent_class)->finalize (object);
}

static void
phoneset_config_class_init (PhonesetConfigClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_config_finalize;

  /**
   * PhonesetConfig::changed:
   * @self: the config
   * @id: the setting that changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
phoneset_config_init (PhonesetConfig *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unknown = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->unknown_raw = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)phoneset_config_warning_free);
  self->invalid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
phoneset_config_warning_free (PhonesetConfigWarning *warning)
{
  g_free (warning->setting);
  g_free (warning->message);
  g_free (warning);
}

static void
add_warning (PhonesetConfig *self,
             guint           line,
             const char     *setting,
             const char     *message)
{
  PhonesetConfigWarning *warning = g_new0 (PhonesetConfigWarning, 1);

  warning->line = line;
  warning->setting = g_strdup (setting);
  warning->message = phoneset_cfg_mask_message (message);
  g_ptr_array_add (self->warnings, warning);
}

/**
 * phoneset_config_new:
 * @profile: the phone's profile
 *
 * Returns: (transfer full): a config with nothing set
 */
PhonesetConfig *
phoneset_config_new (PhonesetProfile *profile)
{
  PhonesetConfig *self;

  g_return_val_if_fail (PHONESET_IS_PROFILE (profile), NULL);

  self = g_object_new (PHONESET_TYPE_CONFIG, NULL);
  self->profile = g_object_ref (profile);
  return self;
}

/**
 * phoneset_config_copy:
 * @self: a config
 *
 * Returns: (transfer full): a config with the same values
 */
PhonesetConfig *
phoneset_config_copy (PhonesetConfig *self)
{
  PhonesetConfig *copy;
  GHashTableIter  iter;
  gpointer        key, value;

  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  copy = phoneset_config_new (self->profile);
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->values, g_strdup (key), g_strdup (value));
  for (guint i = 0; i < self->unknown->len; i++)
    g_ptr_array_add (copy->unknown, g_strdup (g_ptr_array_index (self->unknown, i)));
  for (guint i = 0; i < self->unknown_raw->len; i++)
    g_ptr_array_add (copy->unknown_raw, g_strdup (g_ptr_array_index (self->unknown_raw, i)));
  for (guint i = 0; i < self->warnings->len; i++)
    {
      PhonesetConfigWarning *warning = g_ptr_array_index (self->warnings, i);

      add_warning (copy, warning->line, warning->setting, warning->message);
    }
  g_hash_table_iter_init (&iter, self->invalid);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->invalid, g_strdup (key), g_strdup (value));
  return copy;
}

PhonesetProfile *
phoneset_config_get_profile (PhonesetConfig *self)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  return self->profile;
}

static PhonesetSetting *
lookup_setting (PhonesetConfig  *self,
                const char      *id,
                GError         **error)
{
  PhonesetSetting *setting = phoneset_profile_lookup_setting (self->profile, id);

  if (setting == NULL)
    g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND,
                 _("“%s” is not a setting of the %s profile (see “phoneset profiles”)"), id,
                    phoneset_profile_get_id (self->profile));
  return setting;
}

/**
 * phoneset_config_set:
 * @self: a config
 * @id: a setting id
 * @text: the value, as a user types it
 * @error: a location for a #GError naming the setting and the reason
 *
 * Returns: %TRUE if the value was valid and is now set
 */
gboolean
phoneset_config_set (PhonesetConfig  *self,
                     const char      *id,
                     const char      *text,
                     GError         **error)
{
  PhonesetSetting *setting;
  g_autofree char *canonical = NULL;
  const char      *old;

  g_return_val_if_fail (PHONESET_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  setting = lookup_setting (self, id, error);
  if (setting == NULL || !phoneset_setting_validate (setting, text, &canonical, error))
    return FALSE;

  old = g_hash_table_lookup (self->values, id);
  if (g_strcmp0 (old, canonical) == 0)
    return TRUE;

  g_hash_table_insert (self->values, g_strdup (phoneset_setting_get_id (setting)),
                       g_steal_pointer (&canonical));
  g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;
}

/**
 * phoneset_config_unset:
 * @self: a config
 * @id: a setting id
 *
 * Forgets the value: the phone keeps what it has (its default on a new phone).
 */
void
phoneset_config_unset (PhonesetConfig *self,
                       const char     *id)
{
  g_return_if_fail (PHONESET_IS_CONFIG (self));

  if (g_hash_table_remove (self->values, id))
    g_signal_emit (self, signals[CHANGED], 0, id);
}

/**
 * phoneset_config_get:
 * @self: a config
 * @id: a setting id
 *
 * Returns: (nullable): the value set, or %NULL
 */
const char *
phoneset_config_get (PhonesetConfig *self,
                     const char     *id)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  return g_hash_table_lookup (self->values, id);
}

/**
 * phoneset_config_get_effective:
 * @self: a config
 * @id: a setting id
 *
 * Returns: (nullable): the value set, else the profile's default; %NULL if
 *   the profile has no such setting
 */
const char *
phoneset_config_get_effective (PhonesetConfig *self,
                               const char     *id)
{
  PhonesetSetting *setting;
  const char      *value;

  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  value = g_hash_table_lookup (self->values, id);
  if (value != NULL)
    return value;
  setting = phoneset_profile_lookup_setting (self->profile, id);
  return setting ? phoneset_setting_get_default (setting) : NULL;
}

/**
 * phoneset_config_list_set:
 * @self: a config
 *
 * Returns: (transfer container) (element-type PhonesetSetting): the settings
 *   that have a value, in menu order
 */
GPtrArray *
phoneset_config_list_set (PhonesetConfig *self)
{
  GPtrArray *settings = phoneset_profile_get_settings (self->profile);
  GPtrArray *result = g_ptr_array_new ();

  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);

      if (g_hash_table_contains (self->values, phoneset_setting_get_id (setting)))
        g_ptr_array_add (result, setting);
    }
  return result;
}

/**
 * phoneset_config_get_unknown:
 * @self: a config
 *
 * Returns: (transfer none): the lines of the imported file that no setting
 *   of the profile reads, kept so that nothing is lost; the values of keys
 *   that look like passwords are masked
 */
const char *const *
phoneset_config_get_unknown (PhonesetConfig *self)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  return (const char *const *)self->unknown->pdata;
}

/**
 * phoneset_config_get_unknown_unmasked:
 * @self: a config
 *
 * The same lines as phoneset_config_get_unknown(), passwords and all, for
 * a user who asks to see them. They are never saved.
 *
 * Returns: (transfer none): the lines
 */
const char *const *
phoneset_config_get_unknown_unmasked (PhonesetConfig *self)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  return (const char *const *)self->unknown_raw->pdata;
}

/**
 * phoneset_config_get_warnings:
 * @self: a config
 *
 * What was odd in the file the config was imported from: lines kept without
 * being understood, values that are not valid for their setting (those are
 * not read; the file keeps them).
 *
 * Returns: (transfer none) (element-type PhonesetConfigWarning): the warnings,
 *   in file order
 */
GPtrArray *
phoneset_config_get_warnings (PhonesetConfig *self)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  return self->warnings;
}

/**
 * phoneset_config_get_invalid:
 * @self: a config
 * @id: a setting id
 *
 * Returns: (nullable): the value the imported file holds for @id when it is
 *   not valid for the setting (out of range, not one of its choices), or
 *   %NULL
 */
const char *
phoneset_config_get_invalid (PhonesetConfig *self,
                             const char     *id)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->invalid, id);
}

void
phoneset_config_change_free (PhonesetConfigChange *change)
{
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/**
 * phoneset_config_diff:
 * @old_config: what the phone has
 * @new_config: what it should have (same profile)
 *
 * Returns: (transfer full) (element-type PhonesetConfigChange): the settings
 *   whose value differs, in menu order
 */
GPtrArray *
phoneset_config_diff (PhonesetConfig *old_config,
                      PhonesetConfig *new_config)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify)phoneset_config_change_free);
  GPtrArray *settings;

  g_return_val_if_fail (PHONESET_IS_CONFIG (old_config), changes);
  g_return_val_if_fail (PHONESET_IS_CONFIG (new_config), changes);
  g_return_val_if_fail (old_config->profile == new_config->profile, changes);

  settings = phoneset_profile_get_settings (new_config->profile);
  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);
      const char      *id = phoneset_setting_get_id (setting);
      const char      *a = phoneset_config_get_effective (old_config, id);
      const char      *b = phoneset_config_get_effective (new_config, id);

      if (g_strcmp0 (a, b) != 0)
        {
          PhonesetConfigChange *change = g_new0 (PhonesetConfigChange, 1);

          change->setting = setting;
          change->old_value = g_strdup (a);
          change->new_value = g_strdup (b);
          g_ptr_array_add (changes, change);
        }
    }
  return changes;
}

/* JSON ------------------------------------------------------------------- */

static JsonNode *
value_to_json (PhonesetSetting *setting,
               const char      *canonical)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  switch (phoneset_setting_get_value_type (setting))
    {
    case PHONESET_SETTING_BOOL:
      json_node_set_boolean (node, g_str_equal (canonical, "true"));
      break;
    case PHONESET_SETTING_INT:
    case PHONESET_SETTING_PORT:
      json_node_set_int (node, g_ascii_strtoll (canonical, NULL, 10));
      break;
    case PHONESET_SETTING_ENUM:
    case PHONESET_SETTING_STRING:
    case PHONESET_SETTING_HOST:
    case PHONESET_SETTING_HOST_PORT:
    case PHONESET_SETTING_URL:
    case PHONESET_SETTING_PASSWORD:
    case PHONESET_SETTING_IP_LIST:
    case PHONESET_SETTING_MAC:
    default:
      json_node_set_string (node, canonical);
      break;
    }
  return node;
}

/**
 * phoneset_config_to_json:
 * @self: a config
 * @include_secrets: write passwords too (only when the user asks)
 *
 * `{ "profile": ID, "settings": { ID: value }, "unknown": [ raw lines ] }`.
 * Without @include_secrets a password that is set is listed under
 * `"secrets"` by id, never by value.
 *
 * Returns: (transfer full): the JSON document
 */
JsonNode *
phoneset_config_to_json (PhonesetConfig *self,
                         gboolean        include_secrets)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) set = NULL;
  g_autoptr(GPtrArray) hidden = g_ptr_array_new ();

  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  set = phoneset_config_list_set (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "profile");
  json_builder_add_string_value (builder, phoneset_profile_get_id (self->profile));
  json_builder_set_member_name (builder, "settings");
  json_builder_begin_object (builder);
  for (guint i = 0; i < set->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (set, i);
      const char      *id = phoneset_setting_get_id (setting);

      if (phoneset_setting_is_secret (setting) && !include_secrets)
        {
          g_ptr_array_add (hidden, (gpointer)id);
          continue;
        }
      json_builder_set_member_name (builder, id);
      json_builder_add_value (builder,
                              value_to_json (setting, g_hash_table_lookup (self->values, id)));
    }
  json_builder_end_object (builder);
  if (hidden->len > 0)
    {
      json_builder_set_member_name (builder, "secrets");
      json_builder_begin_array (builder);
      for (guint i = 0; i < hidden->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (hidden, i));
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "unknown");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->unknown->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->unknown, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * phoneset_config_new_from_json:
 * @profiles: (element-type PhonesetProfile): the known profiles
 * @node: a document as phoneset_config_to_json() writes it
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the config
 */
PhonesetConfig *
phoneset_config_new_from_json (GPtrArray  *profiles,
                               JsonNode   *node,
                               GError    **error)
{
  g_autoptr(PhonesetConfig) self = NULL;
  PhonesetProfile *profile;
  JsonObject      *root, *settings;
  JsonNode        *member;
  const char      *profile_id;
  g_autoptr(GList) ids = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, _("a config is a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);
  member = json_object_get_member (root, "profile");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("“profile” (the profile id) is missing"));
      return NULL;
    }
  profile_id = json_node_get_string (member);
  profile = phoneset_profiles_find (profiles, profile_id);
  if (profile == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND,
                   _("there is no profile “%s” (see “phoneset profiles”)"), profile_id);
      return NULL;
    }

  self = phoneset_config_new (profile);

  member = json_object_get_member (root, "settings");
  if (member != NULL && !JSON_NODE_HOLDS_OBJECT (member))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("“settings” must be an object of setting ids"));
      return NULL;
    }
  settings = member ? json_node_get_object (member) : NULL;
  ids = settings ? json_object_get_members (settings) : NULL;
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode        *value = json_object_get_member (settings, l->data);
      g_autofree char *text = NULL;

      if (!JSON_NODE_HOLDS_VALUE (value))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("%s: the value must be a string, number or boolean"),
                          (const char *)l->data);
          return NULL;
        }
      switch (json_node_get_value_type (value))
        {
        case G_TYPE_BOOLEAN:
          text = g_strdup (json_node_get_boolean (value) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
          break;
        case G_TYPE_STRING:
          text = g_strdup (json_node_get_string (value));
          break;
        default:
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("%s: the value must be a string, whole number or boolean"),
                          (const char *)l->data);
          return NULL;
        }
      if (!phoneset_config_set (self, l->data, text, error))
        return NULL;
    }

  member = json_object_get_member (root, "unknown");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_ptr_array_add (self->unknown, g_strdup (json_node_get_string (item)));
        }
    }

  return g_steal_pointer (&self);
}

/**
 * phoneset_config_save:
 * @self: a config
 * @path: the file
 * @error: a location for a #GError
 *
 * Saves the config as JSON, atomically (the file is always the old or the
 * new version), and without passwords: those live in the keyring.
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_config_save (PhonesetConfig  *self,
                      const char      *path,
                      GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  gsize            len;

  g_return_val_if_fail (PHONESET_IS_CONFIG (self), FALSE);

  root = phoneset_config_to_json (self, FALSE);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &len);

  return phoneset_file_replace (path, data, len, 0600, error);
}

/**
 * phoneset_config_load:
 * @profiles: (element-type PhonesetProfile): the known profiles
 * @path: a file phoneset_config_save() wrote, or the user did
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the config
 */
PhonesetConfig *
phoneset_config_load (GPtrArray   *profiles,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  PhonesetConfig *config;

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, "%s: %s", path,
                   local_error->message);
      return NULL;
    }
  config = phoneset_config_new_from_json (profiles, json_parser_get_root (parser), &local_error);
  if (config == NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                 local_error->message);
  return config;
}

/* Vendor files --------------------------------------------------------------- */

static gboolean
accepts_empty (PhonesetSetting *setting)
{
  switch (phoneset_setting_get_value_type (setting))
    {
    case PHONESET_SETTING_STRING:
    case PHONESET_SETTING_HOST:
    case PHONESET_SETTING_HOST_PORT:
    case PHONESET_SETTING_URL:
    case PHONESET_SETTING_PASSWORD:
    case PHONESET_SETTING_IP_LIST:
    case PHONESET_SETTING_MAC:
      return TRUE;
    case PHONESET_SETTING_BOOL:
    case PHONESET_SETTING_INT:
    case PHONESET_SETTING_ENUM:
    case PHONESET_SETTING_PORT:
    default:
      return FALSE;
    }
}

/**
 * phoneset_config_new_from_document:
 * @profile: the phone's profile
 * @document: a vendor file in one of the profile's formats
 * @error: a location for a #GError
 *
 * Reads the values a vendor file sets. Lines no setting reads are kept as
 * “unknown” so that nothing is lost. The reader is tolerant: a value that
 * is not valid for its setting (out of range, not one of its choices) is
 * not read but reported as a warning naming the line and the setting, and
 * the file keeps it (phoneset_config_get_warnings(),
 * phoneset_config_get_invalid()).
 *
 * Returns: (transfer full) (nullable): the config, %NULL only when the
 *   profile does not read the document's format
 */
PhonesetConfig *
phoneset_config_new_from_document (PhonesetProfile      *profile,
                                   PhonesetCfgDocument  *document,
                                   GError              **error)
{
  g_autoptr(PhonesetConfig) self = NULL;
  g_autoptr(GHashTable) consumed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PhonesetCfgFormat format;
  GPtrArray        *settings;
  GPtrArray        *document_warnings;

  g_return_val_if_fail (PHONESET_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  format = phoneset_cfg_document_get_format (document);
  if (!phoneset_profile_reads_format (profile, format))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("the %s profile does not read %s files"), phoneset_profile_get_id (profile),
                      phoneset_cfg_format_to_string (format));
      return NULL;
    }
  self = phoneset_config_new (profile);
  settings = phoneset_profile_get_settings (profile);

  document_warnings = phoneset_cfg_document_get_warnings (document);
  for (guint i = 0; i < document_warnings->len; i++)
    {
      PhonesetCfgWarning *warning = g_ptr_array_index (document_warnings, i);

      add_warning (self, warning->line, NULL, warning->message);
    }

  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting        *setting = g_ptr_array_index (settings, i);
      const char             *id = phoneset_setting_get_id (setting);
      const PhonesetCfgEntry *entry = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *canonical = NULL;
      const char      *reference;
      PhonesetCfgKey   key;

      /* The setting's own keys first, then the other places it may be. */
      for (guint k = 0; phoneset_setting_get_cfg_key (setting, format, k, &key); k++)
        {
          const PhonesetCfgEntry *e = phoneset_cfg_document_lookup_entry (document, &key);

          g_hash_table_add (consumed, phoneset_cfg_document_dup_key_identity (document, &key));
          if (entry == NULL)
            entry = e;
        }
      if (entry == NULL)
        continue;

      /* Yealink writes “%NULL%” to clear a value, and templates leave most
       * keys empty, which is taken to mean “leave as it is” [U]. */
      if (entry->value[0] == '\0' || g_str_equal (entry->value, "%NULL%"))
        if (format == PHONESET_CFG_FORMAT_YEALINK || format == PHONESET_CFG_FORMAT_YEALINK_INI ||
            !accepts_empty (setting))
          continue;

      canonical = phoneset_setting_from_file_value (setting, format, entry->value, &local_error);
      if (canonical == NULL || !phoneset_config_set (self, id, canonical, &local_error))
        {
          g_autofree char *message = g_strdup_printf (
            _("line %u: %s; the file keeps it as it is, and Phoneset does not read it"),
               entry->line, local_error->message);

          add_warning (self, entry->line, id, message);
          g_hash_table_replace (self->invalid, g_strdup (id), g_strdup (entry->value));
          continue;
        }

      /* "custom" stands for the number written in its place. */
      reference = phoneset_setting_get_map_reference (setting, format, canonical);
      if (reference != NULL && !phoneset_config_set (self, reference, entry->value, &local_error))
        {
          g_autofree char *message = g_strdup_printf (
            _("line %u: %s; the file keeps it as it is, and Phoneset does not read it"),
               entry->line, local_error->message);

          add_warning (self, entry->line, reference, message);
          g_hash_table_replace (self->invalid, g_strdup (reference), g_strdup (entry->value));
        }
    }

  for (guint i = 0; i < phoneset_cfg_document_get_n_entries (document); i++)
    {
      const PhonesetCfgEntry *entry = phoneset_cfg_document_get_entry (document, i);
      g_autofree char        *identity = phoneset_cfg_document_dup_entry_identity (document, i);

      if (!g_hash_table_contains (consumed, identity))
        {
          g_ptr_array_add (self->unknown, phoneset_cfg_document_dup_entry_masked (document, i));
          g_ptr_array_add (self->unknown_raw, g_strdup (entry->raw));
        }
    }

  return g_steal_pointer (&self);
}

void
phoneset_export_report_init (PhonesetExportReport *report)
{
  report->written = g_ptr_array_new ();
  report->secrets_left_out = g_ptr_array_new ();
  report->not_in_file = g_ptr_array_new ();
  report->unconfirmed = g_ptr_array_new ();
}

void
phoneset_export_report_clear (PhonesetExportReport *report)
{
  g_clear_pointer (&report->written, g_ptr_array_unref);
  g_clear_pointer (&report->secrets_left_out, g_ptr_array_unref);
  g_clear_pointer (&report->not_in_file, g_ptr_array_unref);
  g_clear_pointer (&report->unconfirmed, g_ptr_array_unref);
}

/* Which lines (accounts, identities) a file configures: configured[n] for
 * line n is TRUE when the file sets any of its per-line keys. A new file
 * (no entries at all) configures every line. */
static GArray *
configured_lines (PhonesetProfile     *profile,
                  PhonesetCfgDocument *document)
{
  GArray           *configured = g_array_new (FALSE, TRUE, sizeof (gboolean));
  PhonesetCfgFormat format = phoneset_cfg_document_get_format (document);
  GPtrArray        *settings = phoneset_profile_get_settings (profile);
  gboolean          fresh = phoneset_cfg_document_get_n_entries (document) == 0;

  g_array_set_size (configured, phoneset_profile_get_lines (profile) + 1);
  for (guint n = 1; n < configured->len; n++)
    g_array_index (configured, gboolean, n) = fresh;
  for (guint i = 0; !fresh && i < settings->len; i++)
    {
      PhonesetCfgKey key;
      guint          line;

      for (guint k = 0; phoneset_setting_get_cfg_key_info (g_ptr_array_index (settings, i), format,
                                                           k, &key, &line, NULL);
           k++)
        if (line > 0 && line < configured->len &&
            phoneset_cfg_document_lookup_entry (document, &key) != NULL)
          g_array_index (configured, gboolean, line) = TRUE;
    }
  return configured;
}

/* Whether @document already holds @canonical at @key, in whatever spelling
 * (a file's “On” for a bool the profile writes “1”): then it is left as
 * it is, byte for byte. */
static gboolean
document_holds (PhonesetSetting      *setting,
                PhonesetCfgDocument  *document,
                const PhonesetCfgKey *key,
                const char           *file_value)
{
  const PhonesetCfgEntry *entry = phoneset_cfg_document_lookup_entry (document, key);
  PhonesetCfgFormat       format = phoneset_cfg_document_get_format (document);
  g_autofree char        *have = NULL;
  g_autofree char        *want = NULL;

  if (entry == NULL)
    return FALSE;
  if (g_str_equal (entry->value, file_value))
    return TRUE;
  have = phoneset_setting_from_file_value (setting, format, entry->value, NULL);
  want = phoneset_setting_from_file_value (setting, format, file_value, NULL);
  return have != NULL && want != NULL && g_str_equal (have, want);
}

/* Writes @file_value where the file keeps the setting: the places it
 * already uses (its own key or an alternative one: never a second copy),
 * else the setting's own key; a value for every line only for the lines
 * the file configures. */
static void
write_setting (PhonesetConfig      *self,
               PhonesetSetting     *setting,
               PhonesetCfgDocument *document,
               GArray              *configured,
               const char          *file_value)
{
  PhonesetCfgFormat format = phoneset_cfg_document_get_format (document);
  gboolean          uses_alternative = FALSE;
  gboolean          uses_own = FALSE;
  gboolean          several_lines = FALSE; /* written for every line */
  guint             first_line = G_MAXUINT;
  PhonesetCfgKey    key;
  guint             line;
  gboolean          alternative;

  for (guint k = 0;
       phoneset_setting_get_cfg_key_info (setting, format, k, &key, &line, &alternative); k++)
    {
      /* Several keys of one line are the format's variants (Fanvil XML's
       * two generations), not lines. */
      if (!alternative && first_line == G_MAXUINT)
        first_line = line;
      else if (!alternative && line != first_line)
        several_lines = TRUE;
      if (phoneset_cfg_document_lookup_entry (document, &key) != NULL)
        {
          if (alternative)
            uses_alternative = TRUE;
          else
            uses_own = TRUE;
        }
    }

  for (guint k = 0;
       phoneset_setting_get_cfg_key_info (setting, format, k, &key, &line, &alternative); k++)
    {
      gboolean present = phoneset_cfg_document_lookup_entry (document, &key) != NULL;

      if (alternative && !present)
        continue;
      if (!alternative && uses_alternative && !uses_own)
        continue;
      /* A line the file does not configure gets no key of a setting
       * written for every line (the first line does, when none is); a
       * setting of one line is the user's own choice of line. */
      if (!alternative && !present && several_lines && line > 0 && line < configured->len &&
          !g_array_index (configured, gboolean, line))
        {
          gboolean any = FALSE;

          for (guint n = 1; n < configured->len; n++)
            any |= g_array_index (configured, gboolean, n);
          if (any || line != 1)
            continue;
        }
      if (!document_holds (setting, document, &key, file_value))
        phoneset_cfg_document_set (document, &key, file_value);
    }
}

/**
 * phoneset_config_apply_to_document:
 * @self: a config
 * @document: a vendor file in the profile's format (new, or the user's base)
 * @include_secrets: write passwords (only when the user asks)
 * @report: (nullable): what was written and what was left out, and why;
 *   the arrays hold the setting ids (borrowed from the profile)
 *
 * Writes every value the config sets into @document, in place: nothing
 * else in the file changes.
 */
void
phoneset_config_apply_to_document (PhonesetConfig       *self,
                                   PhonesetCfgDocument  *document,
                                   gboolean              include_secrets,
                                   PhonesetExportReport *report)
{
  g_autoptr(GPtrArray) set = NULL;
  g_autoptr(GHashTable) referenced = NULL;
  g_autoptr(GArray) configured = NULL;
  PhonesetCfgFormat format;

  g_return_if_fail (PHONESET_IS_CONFIG (self));
  g_return_if_fail (document != NULL);

  format = phoneset_cfg_document_get_format (document);
  set = phoneset_config_list_set (self);
  referenced = g_hash_table_new (g_str_hash, g_str_equal);
  configured = configured_lines (self->profile, document);

  /* A setting written in another's place (the custom DHCP option's number)
   * is in the file when that other setting picks it. */
  for (guint i = 0; i < set->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (set, i);
      const char      *reference = phoneset_setting_get_map_reference (
             setting, format, g_hash_table_lookup (self->values, phoneset_setting_get_id (setting)));

      if (reference != NULL)
        g_hash_table_add (referenced, (gpointer)reference);
    }

  for (guint i = 0; i < set->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (set, i);
      const char      *id = phoneset_setting_get_id (setting);
      const char      *canonical = g_hash_table_lookup (self->values, id);
      g_autofree char *file_value = NULL;
      const char      *reference;
      PhonesetCfgKey   key;

      if (phoneset_setting_is_secret (setting) && !include_secrets)
        {
          if (report)
            g_ptr_array_add (report->secrets_left_out, (gpointer)id);
          continue;
        }
      if (!phoneset_setting_get_cfg_key (setting, format, 0, &key))
        {
          if (report)
            g_ptr_array_add (g_hash_table_contains (referenced, id) ? report->written
                                                                    : report->not_in_file,
                             (gpointer)id);
          continue;
        }

      reference = phoneset_setting_get_map_reference (setting, format, canonical);
      if (reference != NULL)
        {
          PhonesetSetting *other = phoneset_profile_lookup_setting (self->profile, reference);

          file_value = phoneset_setting_to_file_value (
            other, format, phoneset_config_get_effective (self, reference));
        }
      else
        file_value = phoneset_setting_to_file_value (setting, format, canonical);

      write_setting (self, setting, document, configured, file_value);

      if (report)
        {
          g_ptr_array_add (report->written, (gpointer)id);
          if (g_str_equal (phoneset_setting_get_confidence (setting), "U"))
            g_ptr_array_add (report->unconfirmed, (gpointer)id);
        }
    }
}

/* Whether some model of @models names a common file. */
static gboolean
any_common_file (GPtrArray *models)
{
  for (guint i = 0; i < models->len; i++)
    if (((PhonesetModel *)g_ptr_array_index (models, i))->common_file != NULL)
      return TRUE;
  return FALSE;
}

static const char *
format_extension (PhonesetProfile *profile)
{
  PhonesetCfgFormat format;

  if (!phoneset_profile_get_file_format (profile, &format))
    return ".html";
  return format == PHONESET_CFG_FORMAT_SNOM_XML || format == PHONESET_CFG_FORMAT_SNOM_C520 ||
             format == PHONESET_CFG_FORMAT_GRANDSTREAM_XML ||
             format == PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML
           ? ".xml"
           : ".cfg";
}

/**
 * phoneset_profile_dup_file_name:
 * @profile: a profile
 * @naming: which file
 * @model: (nullable): the model, for the common file
 * @mac: (nullable): the MAC address, in any spelling, for the MAC file
 * @custom: (nullable): the name, for a custom file
 * @error: a location for a #GError
 *
 * The file name a phone fetches: the model's common file
 * (`y000000000037.cfg`), the MAC file as the vendor names it
 * (`00304f113af8.cfg`), or a custom name. A profile without a file format
 * (setup sheet only) is named `<id>-setup.html` or `<mac>-setup.html`.
 *
 * Returns: (transfer full) (nullable): the file name
 */
char *
phoneset_profile_dup_file_name (PhonesetProfile     *profile,
                                PhonesetFileNaming   naming,
                                const char          *model,
                                const char          *mac,
                                const char          *custom,
                                GError             **error)
{
  PhonesetCfgFormat format;
  gboolean          has_file = phoneset_profile_get_file_format (profile, &format);

  g_return_val_if_fail (PHONESET_IS_PROFILE (profile), NULL);

  switch (naming)
    {
    case PHONESET_FILE_NAME_COMMON:
      {
        GPtrArray           *models = phoneset_profile_get_models (profile);
        const PhonesetModel *chosen = NULL;

        if (!has_file)
          return g_strdup_printf ("%s-setup.html", phoneset_profile_get_id (profile));

        if (!any_common_file (models))
          {
            g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                         _("the %s profile's phones have no common file: give --mac MAC (each "
                           "phone's file is %s) or --name custom:NAME"),
                            phoneset_profile_get_id (profile),
                            phoneset_profile_get_mac_file (profile));
            return NULL;
          }
        if (model != NULL)
          {
            chosen = phoneset_profile_find_model (profile, model);
            if (chosen == NULL)
              {
                g_autoptr(GString) names = g_string_new (NULL);

                for (guint i = 0; i < models->len; i++)
                  g_string_append_printf (names, "%s%s", i ? ", " : "",
                                          ((PhonesetModel *)g_ptr_array_index (models, i))->name);
                g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                             _("“%s” is not a model of the %s profile (models: %s)"), model,
                                phoneset_profile_get_id (profile), names->str);
                return NULL;
              }
          }
        else if (models->len == 1)
          chosen = g_ptr_array_index (models, 0);
        else
          {
            g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                         _("the common file's name depends on the model: give --model (see “phoneset profiles”)"));
            return NULL;
          }

        if (chosen->common_file == NULL)
          {
            g_set_error (
              error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
              _("the %s has no known common file; use --name mac or --name custom:NAME"),
                 chosen->name);
            return NULL;
          }
        return g_strdup (chosen->common_file);
      }

    case PHONESET_FILE_NAME_MAC:
      {
        const char      *pattern = phoneset_profile_get_mac_file (profile);
        g_autofree char *lower = NULL;
        g_autofree char *upper = NULL;
        g_autoptr(GString) name = NULL;

        if (mac == NULL)
          {
            g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                         _("a MAC file needs the phone's MAC address (--mac)"));
            return NULL;
          }
        lower = phoneset_mac_normalize (mac, PHONESET_MAC_STYLE_BARE_LOWER, error);
        if (lower == NULL)
          return NULL;
        upper = g_ascii_strup (lower, -1);
        if (!has_file)
          return g_strdup_printf ("%s-setup.html", lower);

        name = g_string_new (pattern);
        g_string_replace (name, "{mac}", lower, 0);
        g_string_replace (name, "{MAC}", upper, 0);
        return g_string_free (g_steal_pointer (&name), FALSE);
      }

    case PHONESET_FILE_NAME_CUSTOM:
      if (custom == NULL || custom[0] == '\0' || custom[0] == '.' || strchr (custom, '/') != NULL ||
          strchr (custom, '\\') != NULL || !g_utf8_validate (custom, -1, NULL))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("“%s” is not a file name: no “/”, and not starting with “.”"),
                          custom ? custom : "");
          return NULL;
        }
      if (strchr (custom, '.') == NULL)
        return g_strconcat (custom, format_extension (profile), NULL);
      return g_strdup (custom);

    default:
      g_return_val_if_reached (NULL);
    }
}
