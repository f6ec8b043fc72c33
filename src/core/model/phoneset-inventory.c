/* phoneset-inventory.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The phones the user keeps, and for each the config they want it to have
 * and what it has: `inventory.json` and `configs/<id>.json` under the data
 * directory, each written atomically (a crash leaves the old or the new
 * file, never half of one). Passwords are never written here: the config
 * JSON leaves them out.
 */

#define G_LOG_DOMAIN "phoneset-inventory"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-file.h"
#include "phoneset-inventory.h"
#include "phoneset-mac.h"

#define MAX_INVENTORY_SIZE (16 * 1024 * 1024)

/* A save takes milliseconds: a temporary file older than this was left by
 * a save that was killed, not one in progress in another process. */
#define STALE_TEMP_SECONDS 10

struct _PhonesetInventory
{
  GObject     parent_instance;

  char       *dir;
  GPtrArray  *profiles;
  GListStore *phones;

  /* Saving: snapshots are numbered as they are taken (in the thread that
   * owns the phones); one is written at a time, and never over a newer. */
  guint64     taken;
  GMutex      write_lock;
  guint64     written; /* under write_lock */
};

G_DEFINE_FINAL_TYPE (PhonesetInventory, phoneset_inventory, G_TYPE_OBJECT)

static void
phoneset_inventory_finalize (GObject *object)
{
  PhonesetInventory *self = (PhonesetInventory *)object;

  g_free (self->dir);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_object (&self->phones);
  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (phoneset_inventory_parent_class)->finalize (object);
}

static void
phoneset_inventory_class_init (PhonesetInventoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_inventory_finalize;
}

static void
phoneset_inventory_init (PhonesetInventory *self)
{
  self->phones = g_list_store_new (PHONESET_TYPE_PHONE);
  g_mutex_init (&self->write_lock);
}

/**
 * phoneset_inventory_new:
 * @dir: the data directory (`$XDG_DATA_HOME/phoneset`)
 * @profiles: (element-type PhonesetProfile): the known profiles
 *
 * Returns: (transfer full): an empty inventory; call phoneset_inventory_load()
 */
PhonesetInventory *
phoneset_inventory_new (const char *dir,
                        GPtrArray  *profiles)
{
  PhonesetInventory *self = g_object_new (PHONESET_TYPE_INVENTORY, NULL);

  self->dir = g_strdup (dir);
  self->profiles = g_ptr_array_ref (profiles);
  return self;
}

/**
 * phoneset_inventory_get_phones:
 * @self: an inventory
 *
 * Returns: (transfer none): the phones, a #GListModel of #PhonesetPhone
 */
GListModel *
phoneset_inventory_get_phones (PhonesetInventory *self)
{
  g_return_val_if_fail (PHONESET_IS_INVENTORY (self), NULL);

  return G_LIST_MODEL (self->phones);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static PhonesetConfig *
load_config (PhonesetInventory *self,
             JsonObject        *object,
             const char        *member,
             const char        *phone)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GError) error = NULL;
  PhonesetConfig *config;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  config = phoneset_config_new_from_json (self->profiles, node, &error);
  if (config == NULL)
    g_message ("%s: the saved %s is not used: %s", phone, member, error->message);
  return config;
}

static void
load_phone_configs (PhonesetInventory *self,
                    PhonesetPhone     *phone)
{
  g_autofree char *file = g_strconcat (phoneset_phone_get_id (phone), ".json", NULL);
  g_autofree char *path = g_build_filename (self->dir, "configs", file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(PhonesetConfig) config = NULL;
  g_autoptr(PhonesetConfig) baseline = NULL;
  JsonNode *root;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      !json_parser_load_from_mapped_file (parser, path, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  config = load_config (self, json_node_get_object (root), "config", path);
  baseline = load_config (self, json_node_get_object (root), "baseline", path);
  if (config != NULL)
    phoneset_phone_set_config (phone, config);
  if (baseline != NULL && (config == NULL || phoneset_config_get_profile (config) ==
                                               phoneset_config_get_profile (baseline)))
    phoneset_phone_set_baseline (phone, baseline);
}

/**
 * phoneset_inventory_load_data:
 * @self: an inventory
 * @data: the text of an `inventory.json`
 * @len: its length
 * @error: a location for a #GError
 *
 * Replaces the phones with those of @data. Bad input is refused whole.
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_inventory_load_data (PhonesetInventory  *self,
                              const char         *data,
                              gsize               len,
                              GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) phones = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode  *root, *list;
  JsonArray *array;

  g_return_val_if_fail (PHONESET_IS_INVENTORY (self), FALSE);

  if (len > MAX_INVENTORY_SIZE)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("the inventory is larger than 16 MiB"));
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("the inventory is not valid JSON: %s"), local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("the inventory is not a JSON object"));
      return FALSE;
    }
  list = json_object_get_member (json_node_get_object (root), "phones");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("the inventory has no “phones” list"));
      return FALSE;
    }

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode      *node = json_array_get_element (array, i);
      JsonObject    *object;
      const char    *address;
      PhonesetPhone *phone;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("phones[%u] is not an object"), i);
          return FALSE;
        }
      object = json_node_get_object (node);
      address = member_string (object, "address");
      if (address == NULL || address[0] == '\0')
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("phones[%u] has no address"), i);
          return FALSE;
        }
      phone = phoneset_phone_new (address);
      phoneset_phone_set_name (phone, member_string (object, "name"));
      phoneset_phone_set_mac (phone, member_string (object, "mac"));
      phoneset_phone_set_vendor (phone, member_string (object, "vendor"));
      phoneset_phone_set_model (phone, member_string (object, "model"));
      phoneset_phone_set_firmware (phone, member_string (object, "firmware"));
      phoneset_phone_set_profile_id (phone, member_string (object, "profile"));
      phoneset_phone_set_admin_user (phone, member_string (object, "admin_user"));
      if (member_string (object, "last_push") != NULL)
        {
          g_autoptr(GDateTime) last_push =
                       g_date_time_new_from_iso8601 (member_string (object, "last_push"), NULL);

          /* A time that does not parse is dropped, not an error: it is only shown. */
          phoneset_phone_set_last_push (phone, last_push);
        }
      {
        JsonNode *lifetime = json_object_get_member (object, "binding_lifetime_ms");

        /* Only shown and compared with: a value that is no number is dropped. */
        if (lifetime != NULL && JSON_NODE_HOLDS_VALUE (lifetime) &&
            json_node_get_value_type (lifetime) == G_TYPE_INT64 &&
            json_node_get_int (lifetime) > 0 && json_node_get_int (lifetime) < G_MAXINT)
          phoneset_phone_set_binding_lifetime_ms (phone, (int)json_node_get_int (lifetime));
      }
      g_ptr_array_add (phones, phone);
    }

  for (guint i = 0; i < phones->len; i++)
    load_phone_configs (self, g_ptr_array_index (phones, i));
  g_list_store_splice (self->phones, 0, g_list_model_get_n_items (G_LIST_MODEL (self->phones)),
                       phones->pdata, phones->len);
  return TRUE;
}

/**
 * phoneset_inventory_load:
 * @self: an inventory
 * @error: a location for a #GError
 *
 * Reads `inventory.json`. A missing file is an empty inventory. Temporary
 * files of saves that were killed half-way are removed.
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_inventory_load (PhonesetInventory  *self,
                         GError            **error)
{
  g_autofree char *path = g_build_filename (self->dir, "inventory.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  g_return_val_if_fail (PHONESET_IS_INVENTORY (self), FALSE);

  {
    g_autofree char *configs = g_build_filename (self->dir, "configs", NULL);

    phoneset_file_clean_temps (self->dir, STALE_TEMP_SECONDS);
    phoneset_file_clean_temps (configs, STALE_TEMP_SECONDS);
  }
  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!phoneset_inventory_load_data (self, data, len, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* What a save writes: each file's path and text, taken at one moment. */
typedef struct
{
  guint64    number;
  char      *configs;
  GPtrArray *paths;
  GPtrArray *texts;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->configs);
  g_ptr_array_unref (snapshot->paths);
  g_ptr_array_unref (snapshot->texts);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static void
snapshot_add (Snapshot   *snapshot,
              JsonNode   *root,
              const char *path)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  g_ptr_array_add (snapshot->paths, g_strdup (path));
  g_ptr_array_add (snapshot->texts, json_generator_to_data (generator, NULL));
}

static Snapshot *
snapshot_take (PhonesetInventory *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = g_build_filename (self->dir, "inventory.json", NULL);
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->phones));
  Snapshot        *snapshot = g_new0 (Snapshot, 1);

  snapshot->number = ++self->taken;
  snapshot->configs = g_build_filename (self->dir, "configs", NULL);
  snapshot->paths = g_ptr_array_new_with_free_func (g_free);
  snapshot->texts = g_ptr_array_new_with_free_func (g_free);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "phones");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (G_LIST_MODEL (self->phones), i);
      PhonesetConfig *config = phoneset_phone_get_config (phone);
      PhonesetConfig *baseline = phoneset_phone_get_baseline (phone);

      json_builder_begin_object (builder);
      add_member (builder, "address", phoneset_phone_get_address (phone));
      add_member (builder, "name", phoneset_phone_get_name (phone));
      add_member (builder, "mac", phoneset_phone_get_mac (phone));
      add_member (builder, "vendor", phoneset_phone_get_vendor (phone));
      add_member (builder, "model", phoneset_phone_get_model (phone));
      add_member (builder, "firmware", phoneset_phone_get_firmware (phone));
      add_member (builder, "profile", phoneset_phone_get_profile_id (phone));
      add_member (builder, "admin_user", phoneset_phone_get_admin_user (phone));
      if (phoneset_phone_get_last_push (phone) != NULL)
        {
          g_autofree char *last_push =
            g_date_time_format_iso8601 (phoneset_phone_get_last_push (phone));

          add_member (builder, "last_push", last_push);
        }
      if (phoneset_phone_get_binding_lifetime_ms (phone) > 0)
        {
          json_builder_set_member_name (builder, "binding_lifetime_ms");
          json_builder_add_int_value (builder, phoneset_phone_get_binding_lifetime_ms (phone));
        }
      json_builder_end_object (builder);

      if (config != NULL || baseline != NULL)
        {
          g_autoptr(JsonBuilder) cb = json_builder_new ();
          g_autoptr(JsonNode) croot = NULL;
          g_autofree char *file = g_strconcat (phoneset_phone_get_id (phone), ".json", NULL);
          g_autofree char *cpath = g_build_filename (snapshot->configs, file, NULL);

          json_builder_begin_object (cb);
          if (config != NULL)
            {
              json_builder_set_member_name (cb, "config");
              json_builder_add_value (cb, phoneset_config_to_json (config, FALSE));
            }
          if (baseline != NULL)
            {
              json_builder_set_member_name (cb, "baseline");
              json_builder_add_value (cb, phoneset_config_to_json (baseline, FALSE));
            }
          json_builder_end_object (cb);
          croot = json_builder_get_root (cb);
          snapshot_add (snapshot, croot, cpath);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  /* The list last: it names the configs written before it. */
  snapshot_add (snapshot, root, path);
  return snapshot;
}

static gboolean
snapshot_write_locked (PhonesetInventory  *self,
                       Snapshot           *snapshot,
                       GError            **error)
{
  if (snapshot->number < self->written)
    return TRUE;
  if (g_mkdir_with_parents (snapshot->configs, 0700) != 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                   _("cannot make the directory %s"), snapshot->configs);
      return FALSE;
    }
  /* The phones' configs (all in configs/) together, then the list that
   * names them: temp files, flushed (one syncfs for many), renamed, the
   * folder flushed; after a crash each file is the old or the new one
   * (tests/test-crash-save.c). */
  {
    guint list = snapshot->paths->len - 1;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
    const char *text = g_ptr_array_index (snapshot->texts, list);

    for (guint i = 0; i < list; i++)
      {
        const char *config = g_ptr_array_index (snapshot->texts, i);

        g_ptr_array_add (names, g_path_get_basename (g_ptr_array_index (snapshot->paths, i)));
        g_ptr_array_add (contents, g_bytes_new_static (config, strlen (config)));
      }
    if (names->len > 0 &&
        !phoneset_file_replace_all (snapshot->configs, names, contents, 0600, error))
      return FALSE;
    if (!phoneset_file_replace (g_ptr_array_index (snapshot->paths, list), text, strlen (text),
                                0600, error))
      return FALSE;
  }
  self->written = snapshot->number;
  return TRUE;
}

/* Writes @snapshot unless a newer one is on disk already. Any thread. */
static gboolean
snapshot_write (PhonesetInventory  *self,
                Snapshot           *snapshot,
                GError            **error)
{
  gboolean ok;

  g_mutex_lock (&self->write_lock);
  ok = snapshot_write_locked (self, snapshot, error);
  g_mutex_unlock (&self->write_lock);
  return ok;
}

/**
 * phoneset_inventory_save:
 * @self: an inventory
 * @error: a location for a #GError
 *
 * Writes the inventory and every phone's configs, each file atomically and
 * durably (flushed to the disk). This blocks while the disk works: a window
 * uses phoneset_inventory_save_async().
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_inventory_save (PhonesetInventory  *self,
                         GError            **error)
{
  g_autoptr(Snapshot) snapshot = NULL;

  g_return_val_if_fail (PHONESET_IS_INVENTORY (self), FALSE);

  snapshot = snapshot_take (self);
  return snapshot_write (self, snapshot, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (snapshot_write (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * phoneset_inventory_save_async:
 * @self: an inventory
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the files are written
 * @user_data: for @callback
 *
 * Takes what phoneset_inventory_save() writes as it is now, and writes it
 * in a worker thread: one fsync per file would otherwise hold up a
 * window's main loop, for longer the more phones there are. Saves never
 * overlap, and an older one never overwrites a newer one, the blocking
 * kind included. Cancelling does not stop a write that has begun.
 */
void
phoneset_inventory_save_async (PhonesetInventory   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PHONESET_IS_INVENTORY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_inventory_save_async);
  g_task_set_task_data (task, snapshot_take (self), (GDestroyNotify)snapshot_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * phoneset_inventory_save_finish:
 * @self: an inventory
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_inventory_save_finish (PhonesetInventory  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == phoneset_inventory_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * phoneset_inventory_add:
 * @self: an inventory
 * @phone: a phone
 *
 * Adds @phone, or, when a phone with its MAC is already there, updates
 * that one with what @phone knows.
 */
void
phoneset_inventory_add (PhonesetInventory *self,
                        PhonesetPhone     *phone)
{
  PhonesetPhone *known;

  g_return_if_fail (PHONESET_IS_INVENTORY (self));
  g_return_if_fail (PHONESET_IS_PHONE (phone));

  known = phoneset_inventory_find (self, phoneset_phone_get_mac (phone), NULL);
  if (known != NULL && known != phone)
    {
      phoneset_phone_set_address (known, phoneset_phone_get_address (phone));
      if (phoneset_phone_get_model (phone) != NULL)
        phoneset_phone_set_model (known, phoneset_phone_get_model (phone));
      if (phoneset_phone_get_vendor (phone) != NULL)
        phoneset_phone_set_vendor (known, phoneset_phone_get_vendor (phone));
      if (phoneset_phone_get_firmware (phone) != NULL)
        phoneset_phone_set_firmware (known, phoneset_phone_get_firmware (phone));
      return;
    }
  if (known == NULL)
    g_list_store_append (self->phones, phone);
}

void
phoneset_inventory_remove (PhonesetInventory *self,
                           PhonesetPhone     *phone)
{
  guint position;

  g_return_if_fail (PHONESET_IS_INVENTORY (self));

  if (g_list_store_find (self->phones, phone, &position))
    g_list_store_remove (self->phones, position);
}

/**
 * phoneset_inventory_find:
 * @self: an inventory
 * @mac: (nullable): a MAC address in any spelling
 * @address: (nullable): an address
 *
 * Returns: (transfer none) (nullable): the phone with that MAC, else with
 *   that address
 */
PhonesetPhone *
phoneset_inventory_find (PhonesetInventory *self,
                         const char        *mac,
                         const char        *address)
{
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->phones));
  g_autofree char *wanted =
    mac ? phoneset_mac_normalize (mac, PHONESET_MAC_STYLE_BARE_LOWER, NULL) : NULL;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PhonesetPhone) phone = g_list_model_get_item (G_LIST_MODEL (self->phones), i);

        if (pass == 0 && wanted != NULL && phoneset_phone_get_mac (phone) != NULL)
          {
            g_autofree char *have = phoneset_mac_normalize (phoneset_phone_get_mac (phone),
                                                            PHONESET_MAC_STYLE_BARE_LOWER, NULL);

            if (g_strcmp0 (have, wanted) == 0)
              return phone;
          }
        if (pass == 1 && address != NULL &&
            g_strcmp0 (phoneset_phone_get_address (phone), address) == 0)
          return phone;
      }
  return NULL;
}
