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
  GHashTable      *values;  /* id → canonical value */
  GPtrArray       *unknown; /* raw lines of an imported file no setting reads */
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
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
phoneset_config_init (PhonesetConfig *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->unknown = g_ptr_array_new_null_terminated (0, g_free, TRUE);
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
  return copy;
}

PhonesetProfile *
phoneset_config_get_profile (PhonesetConfig *self)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  return self->profile;
}

static PhonesetSetting *
lookup_setting (PhonesetConfig *self,
                const char     *id,
                GError        **error)
{
  PhonesetSetting *setting = phoneset_profile_lookup_setting (self->profile, id);

  if (setting == NULL)
    g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND,
                 _("“%s” is not a setting of the %s profile (see “phoneset profiles”)"),
                    id, phoneset_profile_get_id (self->profile));
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
phoneset_config_set (PhonesetConfig *self,
                     const char     *id,
                     const char     *text,
                     GError        **error)
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

  g_hash_table_insert (self->values, g_strdup (phoneset_setting_get_id (setting)), g_steal_pointer (&canonical));
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
 *   of the profile reads, kept so that nothing is lost
 */
const char *const *
phoneset_config_get_unknown (PhonesetConfig *self)
{
  g_return_val_if_fail (PHONESET_IS_CONFIG (self), NULL);

  return (const char *const *)self->unknown->pdata;
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
      json_builder_add_value (builder, value_to_json (setting, g_hash_table_lookup (self->values, id)));
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
phoneset_config_new_from_json (GPtrArray *profiles,
                               JsonNode  *node,
                               GError   **error)
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
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, _("“profile” (the profile id) is missing"));
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
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, _("“settings” must be an object of setting ids"));
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
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("%s: the value must be a string, number or boolean"), (const char *)l->data);
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
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("%s: the value must be a string, whole number or boolean"), (const char *)l->data);
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
phoneset_config_save (PhonesetConfig *self,
                      const char     *path,
                      GError        **error)
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
phoneset_config_load (GPtrArray  *profiles,
                      const char *path,
                      GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  PhonesetConfig *config;

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, "%s: %s", path, local_error->message);
      return NULL;
    }
  config = phoneset_config_new_from_json (profiles, json_parser_get_root (parser), &local_error);
  if (config == NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
  return config;
}

/* Vendor files --------------------------------------------------------------- */

static char *
entry_identity (PhonesetCfgFormat format,
                const char       *section,
                const char       *key,
                int               idx)
{
  return g_strdup_printf ("%s\x1f%s\x1f%d", format == PHONESET_CFG_FORMAT_FANVIL ? section : "", key, idx);
}

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
 * @document: a vendor file in the profile's format
 * @error: a location for a #GError naming the line and the problem
 *
 * Reads the values a vendor file sets. Lines no setting reads are kept as
 * “unknown” so that nothing is lost.
 *
 * Returns: (transfer full) (nullable): the config
 */
PhonesetConfig *
phoneset_config_new_from_document (PhonesetProfile     *profile,
                                   PhonesetCfgDocument *document,
                                   GError             **error)
{
  g_autoptr(PhonesetConfig) self = NULL;
  g_autoptr(GHashTable) consumed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PhonesetCfgFormat format;
  GPtrArray        *settings;

  g_return_val_if_fail (PHONESET_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  format = phoneset_cfg_document_get_format (document);
  self = phoneset_config_new (profile);
  settings = phoneset_profile_get_settings (profile);

  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting        *setting = g_ptr_array_index (settings, i);
      const PhonesetCfgEntry *entry = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *canonical = NULL;
      const char      *reference;
      PhonesetCfgKey   key;

      for (guint k = 0; phoneset_setting_get_cfg_key (setting, format, k, &key); k++)
        {
          const PhonesetCfgEntry *e = phoneset_cfg_document_lookup_entry (document, &key);

          g_hash_table_add (consumed, entry_identity (format, key.section, key.key, key.idx));
          if (entry == NULL)
            entry = e;
        }
      if (entry == NULL)
        continue;

      /* Yealink writes “%NULL%” to clear a value, and templates leave most
       * keys empty, which is taken to mean “leave as it is” [U]. */
      if (format == PHONESET_CFG_FORMAT_YEALINK && (entry->value[0] == '\0' || g_str_equal (entry->value, "%NULL%")))
        continue;
      if (entry->value[0] == '\0' && !accepts_empty (setting))
        continue;

      canonical = phoneset_setting_from_file_value (setting, format, entry->value, &local_error);
      if (canonical == NULL)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("line %u: %s"), entry->line, local_error->message);
          return NULL;
        }
      if (!phoneset_config_set (self, phoneset_setting_get_id (setting), canonical, &local_error))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("line %u: %s"), entry->line, local_error->message);
          return NULL;
        }

      /* "custom" stands for the number written in its place. */
      reference = phoneset_setting_get_map_reference (setting, format, canonical);
      if (reference != NULL && !phoneset_config_set (self, reference, entry->value, &local_error))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("line %u: %s"), entry->line, local_error->message);
          return NULL;
        }
    }

  for (guint i = 0; i < phoneset_cfg_document_get_n_entries (document); i++)
    {
      const PhonesetCfgEntry *entry = phoneset_cfg_document_get_entry (document, i);
      g_autofree char        *identity = entry_identity (format, entry->section, entry->key, entry->idx);

      if (!g_hash_table_contains (consumed, identity))
        g_ptr_array_add (self->unknown, g_strdup (entry->raw));
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
  PhonesetCfgFormat format;

  g_return_if_fail (PHONESET_IS_CONFIG (self));
  g_return_if_fail (document != NULL);

  format = phoneset_cfg_document_get_format (document);
  set = phoneset_config_list_set (self);
  referenced = g_hash_table_new (g_str_hash, g_str_equal);

  /* A setting written in another's place (the custom DHCP option's number)
   * is in the file when that other setting picks it. */
  for (guint i = 0; i < set->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (set, i);
      const char      *reference = phoneset_setting_get_map_reference (setting, format,
                                                                       g_hash_table_lookup (self->values, phoneset_setting_get_id (setting)));

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
            g_ptr_array_add (g_hash_table_contains (referenced, id) ? report->written : report->not_in_file, (gpointer)id);
          continue;
        }

      reference = phoneset_setting_get_map_reference (setting, format, canonical);
      if (reference != NULL)
        {
          PhonesetSetting *other = phoneset_profile_lookup_setting (self->profile, reference);

          file_value = phoneset_setting_to_file_value (other, format, phoneset_config_get_effective (self, reference));
        }
      else
        file_value = phoneset_setting_to_file_value (setting, format, canonical);

      for (guint k = 0; phoneset_setting_get_cfg_key (setting, format, k, &key); k++)
        phoneset_cfg_document_set (document, &key, file_value);

      if (report)
        {
          g_ptr_array_add (report->written, (gpointer)id);
          if (g_str_equal (phoneset_setting_get_confidence (setting), "U"))
            g_ptr_array_add (report->unconfirmed, (gpointer)id);
        }
    }
}

/* How many of the file's keys the profile reads, or -1 for another format. */
static int
count_hits (PhonesetProfile     *profile,
            PhonesetCfgDocument *document)
{
  PhonesetCfgFormat format = phoneset_cfg_document_get_format (document);
  GPtrArray        *settings = phoneset_profile_get_settings (profile);
  int               hits = 0;

  if (!phoneset_profile_reads_format (profile, format))
    return -1;
  for (guint j = 0; j < settings->len; j++)
    {
      PhonesetCfgKey key;

      for (guint k = 0; phoneset_setting_get_cfg_key (g_ptr_array_index (settings, j), format, k, &key); k++)
        if (phoneset_cfg_document_lookup_entry (document, &key) != NULL)
          hits++;
    }
  return hits;
}

/* How well a file's name points at a profile: its common file, a MAC of
 * the vendor's, or the vendor's name. */
static guint
name_score (PhonesetProfile *profile,
            const char      *file_name)
{
  g_autofree char   *base = NULL;
  g_autofree char   *lower = NULL;
  g_autofree char   *vendor = NULL;
  GPtrArray         *models = phoneset_profile_get_models (profile);
  const char *const *prefixes = phoneset_profile_get_mac_prefixes (profile);
  guint8             mac[PHONESET_MAC_LEN];
  char              *dot;

  if (file_name == NULL)
    return 0;
  base = g_path_get_basename (file_name);
  for (guint i = 0; i < models->len; i++)
    {
      const char *common = ((PhonesetModel *)g_ptr_array_index (models, i))->common_file;

      if (common != NULL && g_ascii_strcasecmp (common, base) == 0)
        return 3;
    }
  dot = strrchr (base, '.');
  if (dot != NULL)
    *dot = '\0';
  if (phoneset_mac_parse (base, mac, NULL))
    {
      g_autofree char *oui = phoneset_mac_oui (mac);

      for (guint i = 0; prefixes[i] != NULL; i++)
        if (g_ascii_strcasecmp (prefixes[i], oui) == 0)
          return 2;
    }
  lower = g_ascii_strdown (base, -1);
  vendor = g_ascii_strdown (phoneset_profile_get_vendor (profile), -1);
  return strstr (lower, vendor) != NULL ? 1 : 0;
}

/**
 * phoneset_profiles_guess_for_document:
 * @profiles: (element-type PhonesetProfile): the known profiles
 * @document: a vendor file
 * @file_name: (nullable): the file's name, to tell apart profiles whose
 *   files look alike (PLANET phones run Fanvil firmware)
 * @also: (nullable) (element-type PhonesetProfile): the other profiles that
 *   read the file as well are appended here
 *
 * The profile of the document's format whose keys the file uses most: the
 * Yealink generations differ by their “static.” keys. A tie goes to the
 * profile the file's name points at.
 *
 * Returns: (transfer none) (nullable): the best profile, or %NULL when
 *   none of them reads a single key of the file
 */
PhonesetProfile *
phoneset_profiles_guess_for_document (GPtrArray           *profiles,
                                      PhonesetCfgDocument *document,
                                      const char          *file_name,
                                      GPtrArray           *also)
{
  PhonesetProfile *best = NULL;
  int              best_hits = 0;
  guint            best_name = 0;

  for (guint i = 0; i < profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, i);
      int              hits = count_hits (profile, document);
      guint            name = name_score (profile, file_name);

      if (hits > best_hits || (hits == best_hits && hits > 0 && name > best_name))
        {
          best = profile;
          best_hits = hits;
          best_name = name;
        }
    }

  for (guint i = 0; also != NULL && best != NULL && i < profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, i);

      if (profile != best && count_hits (profile, document) == best_hits)
        g_ptr_array_add (also, profile);
    }
  return best;
}

static const char *
format_extension (PhonesetProfile *profile)
{
  PhonesetCfgFormat format;

  if (!phoneset_profile_get_file_format (profile, &format))
    return ".html";
  return format == PHONESET_CFG_FORMAT_SNOM_XML || format == PHONESET_CFG_FORMAT_SNOM_C520 ? ".xml" : ".cfg";
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
phoneset_profile_dup_file_name (PhonesetProfile   *profile,
                                PhonesetFileNaming naming,
                                const char        *model,
                                const char        *mac,
                                const char        *custom,
                                GError           **error)
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

        if (model != NULL)
          {
            chosen = phoneset_profile_find_model (profile, model);
            if (chosen == NULL)
              {
                g_autoptr(GString) names = g_string_new (NULL);

                for (guint i = 0; i < models->len; i++)
                  g_string_append_printf (names, "%s%s", i ? ", " : "", ((PhonesetModel *)g_ptr_array_index (models, i))->name);
                g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                             _("“%s” is not a model of the %s profile (models: %s)"),
                                model, phoneset_profile_get_id (profile), names->str);
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
            g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                         _("the %s has no known common file; use --name mac or --name custom:NAME"), chosen->name);
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
            g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("a MAC file needs the phone's MAC address (--mac)"));
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
                       _("“%s” is not a file name: no “/”, and not starting with “.”"), custom ? custom : "");
          return NULL;
        }
      if (strchr (custom, '.') == NULL)
        return g_strconcat (custom, format_extension (profile), NULL);
      return g_strdup (custom);

    default:
      g_return_val_if_reached (NULL);
    }
}
