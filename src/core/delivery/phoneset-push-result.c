/* phoneset-push-result.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-push-result"

#include "config.h"

#include "phoneset-push-result-private.h"

/**
 * PhonesetPushResult:
 *
 * What a verified push did: which phone, how it was made to fetch its
 * file, the fetch itself (when, from where, by which User-Agent), the
 * setting that pointed the phone at the file, the status the phone reports
 * where it has one, and notes for the user. phoneset_push_run_finish()
 * returns it; phoneset_push_result_to_json() is the CLI's `--json` form.
 */
struct _PhonesetPushResult
{
  GObject    parent_instance;

  char      *phone;
  char      *via;
  char      *profile;
  char      *url;
  char      *pnp_subscribe_from;

  gboolean   fetched;
  GDateTime *fetch_time;
  char      *fetched_from;
  char      *fetch_user_agent;
  guint64    fetched_bytes;
  gboolean   user_agent_names_phone;

  char      *applied_setting;
  guint      settings_applied;

  GPtrArray *status_keys;   /* NULL-terminated; NULL when the status was not read */
  GPtrArray *status_values; /* in the same order */
  GPtrArray *notes;         /* NULL-terminated */
};

G_DEFINE_FINAL_TYPE (PhonesetPushResult, phoneset_push_result, G_TYPE_OBJECT)

static void
phoneset_push_result_finalize (GObject *object)
{
  PhonesetPushResult *self = (PhonesetPushResult *)object;

  g_free (self->phone);
  g_free (self->via);
  g_free (self->profile);
  g_free (self->url);
  g_free (self->pnp_subscribe_from);
  g_clear_pointer (&self->fetch_time, g_date_time_unref);
  g_free (self->fetched_from);
  g_free (self->fetch_user_agent);
  g_free (self->applied_setting);
  g_clear_pointer (&self->status_keys, g_ptr_array_unref);
  g_clear_pointer (&self->status_values, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (phoneset_push_result_parent_class)->finalize (object);
}

static void
phoneset_push_result_class_init (PhonesetPushResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = phoneset_push_result_finalize;
}

static void
phoneset_push_result_init (PhonesetPushResult *self)
{
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
}

/* Filling in ------------------------------------------------------------- */

PhonesetPushResult *
_phoneset_push_result_new (const char *phone,
                           const char *via,
                           const char *profile)
{
  PhonesetPushResult *self = g_object_new (PHONESET_TYPE_PUSH_RESULT, NULL);

  self->phone = g_strdup (phone);
  self->via = g_strdup (via);
  self->profile = g_strdup (profile);
  return self;
}

void
_phoneset_push_result_set_url (PhonesetPushResult *self,
                               const char         *url)
{
  g_return_if_fail (PHONESET_IS_PUSH_RESULT (self));
  g_free (self->url);
  self->url = g_strdup (url);
}

void
_phoneset_push_result_set_pnp_subscribe_from (PhonesetPushResult *self,
                                              const char         *address)
{
  g_return_if_fail (PHONESET_IS_PUSH_RESULT (self));
  g_free (self->pnp_subscribe_from);
  self->pnp_subscribe_from = g_strdup (address);
}

void
_phoneset_push_result_set_fetched (PhonesetPushResult *self,
                                   GDateTime          *time,
                                   const char         *from,
                                   const char         *user_agent,
                                   guint64             bytes)
{
  g_return_if_fail (PHONESET_IS_PUSH_RESULT (self));
  g_return_if_fail (time != NULL);

  self->fetched = TRUE;
  g_clear_pointer (&self->fetch_time, g_date_time_unref);
  self->fetch_time = g_date_time_ref (time);
  g_free (self->fetched_from);
  self->fetched_from = g_strdup (from);
  g_free (self->fetch_user_agent);
  self->fetch_user_agent = g_strdup (user_agent);
  self->fetched_bytes = bytes;
}

void
_phoneset_push_result_set_applied_setting (PhonesetPushResult *self,
                                           const char         *key)
{
  g_return_if_fail (PHONESET_IS_PUSH_RESULT (self));
  g_free (self->applied_setting);
  self->applied_setting = g_strdup (key);
}

void
_phoneset_push_result_set_user_agent_names_phone (PhonesetPushResult *self,
                                                  gboolean            names)
{
  g_return_if_fail (PHONESET_IS_PUSH_RESULT (self));
  self->user_agent_names_phone = names;
}

/* The status keeps the order in which @status gives its members. */
void
_phoneset_push_result_set_status (PhonesetPushResult *self,
                                  GHashTable         *status)
{
  GHashTableIter iter;
  gpointer       key, value;

  g_return_if_fail (PHONESET_IS_PUSH_RESULT (self));
  g_return_if_fail (status != NULL);

  g_clear_pointer (&self->status_keys, g_ptr_array_unref);
  g_clear_pointer (&self->status_values, g_ptr_array_unref);
  self->status_keys = g_ptr_array_new_with_free_func (g_free);
  self->status_values = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, status);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_ptr_array_add (self->status_keys, g_strdup (key));
      g_ptr_array_add (self->status_values, g_strdup (value));
    }
  g_ptr_array_add (self->status_keys, NULL);
  g_ptr_array_add (self->status_values, NULL);
}

void
_phoneset_push_result_add_note (PhonesetPushResult *self,
                                const char         *note)
{
  g_return_if_fail (PHONESET_IS_PUSH_RESULT (self));
  g_return_if_fail (note != NULL);

  g_ptr_array_insert (self->notes, self->notes->len - 1, g_strdup (note));
}

/* Getters ---------------------------------------------------------------- */

/**
 * phoneset_push_result_get_phone:
 *
 * Returns: the phone pushed to, as its address and port
 */
const char *
phoneset_push_result_get_phone (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return self->phone;
}

/**
 * phoneset_push_result_get_via:
 *
 * Returns: the id of the delivery method (see phoneset_delivery_get_id())
 */
const char *
phoneset_push_result_get_via (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return self->via;
}

/**
 * phoneset_push_result_get_profile:
 *
 * Returns: (nullable): the id of the profile that described the phone
 */
const char *
phoneset_push_result_get_profile (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return self->profile;
}

/**
 * phoneset_push_result_get_url:
 *
 * Returns: (nullable): where the file was served
 */
const char *
phoneset_push_result_get_url (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return self->url;
}

/**
 * phoneset_push_result_get_pnp_subscribe_from:
 *
 * Returns: (nullable): the address the phone's PnP SUBSCRIBE came from,
 *   when the phone asked for its file that way
 */
const char *
phoneset_push_result_get_pnp_subscribe_from (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return self->pnp_subscribe_from;
}

/**
 * phoneset_push_result_get_fetched:
 *
 * Returns: whether the phone fetched the file (always, for a result that
 *   phoneset_push_run_finish() returned)
 */
gboolean
phoneset_push_result_get_fetched (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), FALSE);
  return self->fetched;
}

/**
 * phoneset_push_result_get_fetch_time:
 *
 * Returns: (transfer none) (nullable): when the file was fetched, in UTC
 */
GDateTime *
phoneset_push_result_get_fetch_time (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return self->fetch_time;
}

/**
 * phoneset_push_result_get_fetched_from:
 *
 * Returns: (nullable): the address the fetch came from
 */
const char *
phoneset_push_result_get_fetched_from (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return self->fetched_from;
}

/**
 * phoneset_push_result_get_fetch_user_agent:
 *
 * Returns: (nullable): the User-Agent of the fetch
 */
const char *
phoneset_push_result_get_fetch_user_agent (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return self->fetch_user_agent;
}

/**
 * phoneset_push_result_get_fetched_bytes:
 *
 * Returns: how many bytes the fetch took
 */
guint64
phoneset_push_result_get_fetched_bytes (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), 0);
  return self->fetched_bytes;
}

/**
 * phoneset_push_result_get_user_agent_names_phone:
 *
 * Returns: whether the fetch's User-Agent names the phone's MAC
 */
gboolean
phoneset_push_result_get_user_agent_names_phone (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), FALSE);
  return self->user_agent_names_phone;
}

void
_phoneset_push_result_set_settings_applied (PhonesetPushResult *self,
                                            guint               n)
{
  g_return_if_fail (PHONESET_IS_PUSH_RESULT (self));
  self->settings_applied = n;
}

/**
 * phoneset_push_result_get_settings_applied:
 *
 * Returns: how many settings a push that gives the phone its settings
 *   itself (phoneset_delivery_is_direct()) set and read back; 0 for a push
 *   of a file the phone fetched
 */
guint
phoneset_push_result_get_settings_applied (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), 0);
  return self->settings_applied;
}

/**
 * phoneset_push_result_get_applied_setting:
 *
 * The setting the push changed on the phone to point it at the file: the
 * phone fetched from the URL it holds, so it took it.
 *
 * Returns: (nullable): the setting's key, or %NULL when the method sets
 *   none (the phone asked for the file itself)
 */
const char *
phoneset_push_result_get_applied_setting (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return self->applied_setting;
}

/**
 * phoneset_push_result_get_status_keys:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the keys
 *   of the status the phone reported after the fetch, in its order, or
 *   %NULL when none was read
 */
const char *const *
phoneset_push_result_get_status_keys (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return self->status_keys ? (const char *const *)self->status_keys->pdata : NULL;
}

/**
 * phoneset_push_result_lookup_status:
 * @key: a key of phoneset_push_result_get_status_keys()
 *
 * Returns: (nullable): the status value the phone reported for @key
 */
const char *
phoneset_push_result_lookup_status (PhonesetPushResult *self,
                                    const char         *key)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; self->status_keys != NULL && i + 1 < self->status_keys->len; i++)
    if (g_str_equal (g_ptr_array_index (self->status_keys, i), key))
      return g_ptr_array_index (self->status_values, i);
  return NULL;
}

/**
 * phoneset_push_result_get_notes:
 *
 * Returns: (transfer none) (array zero-terminated=1): what the user should
 *   know about the push, in order (translated)
 */
const char *const *
phoneset_push_result_get_notes (PhonesetPushResult *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);
  return (const char *const *)self->notes->pdata;
}

/**
 * phoneset_push_result_to_json:
 *
 * The result as `phoneset push --json` prints it (less its "ok"): `{
 * "phone", "via", "profile", "url", "pnp_subscribe_from", "fetched": {
 * "time", "from", "user_agent", "bytes" }, "set": { "key", "applied" },
 * "user_agent_names_phone", "settings_applied", "status": {}, "notes": []
 * }`, each optional
 * member only when known. The CLI's output contract: the window reads the
 * getters.
 *
 * Returns: (transfer full): a new object
 */
JsonObject *
phoneset_push_result_to_json (PhonesetPushResult *self)
{
  JsonObject *object;
  JsonArray  *notes;

  g_return_val_if_fail (PHONESET_IS_PUSH_RESULT (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "phone", self->phone);
  json_object_set_string_member (object, "via", self->via);
  if (self->profile != NULL)
    json_object_set_string_member (object, "profile", self->profile);
  if (self->url != NULL)
    json_object_set_string_member (object, "url", self->url);
  if (self->pnp_subscribe_from != NULL)
    json_object_set_string_member (object, "pnp_subscribe_from", self->pnp_subscribe_from);
  if (self->fetched)
    {
      JsonObject      *fetch = json_object_new ();
      g_autofree char *when = g_date_time_format_iso8601 (self->fetch_time);

      json_object_set_string_member (fetch, "time", when);
      json_object_set_string_member (fetch, "from", self->fetched_from);
      json_object_set_string_member (fetch, "user_agent", self->fetch_user_agent);
      json_object_set_int_member (fetch, "bytes", self->fetched_bytes);
      json_object_set_object_member (object, "fetched", fetch);
    }
  if (self->applied_setting != NULL)
    {
      JsonObject *set = json_object_new ();

      json_object_set_string_member (set, "key", self->applied_setting);
      json_object_set_boolean_member (set, "applied", TRUE);
      json_object_set_object_member (object, "set", set);
    }
  if (self->fetched)
    json_object_set_boolean_member (object, "user_agent_names_phone", self->user_agent_names_phone);
  if (self->settings_applied > 0)
    json_object_set_int_member (object, "settings_applied", self->settings_applied);
  if (self->status_keys != NULL)
    {
      JsonObject *status = json_object_new ();

      for (guint i = 0; i + 1 < self->status_keys->len; i++)
        json_object_set_string_member (status, g_ptr_array_index (self->status_keys, i),
                                       g_ptr_array_index (self->status_values, i));
      json_object_set_object_member (object, "status", status);
    }
  notes = json_array_new ();
  for (guint i = 0; i + 1 < self->notes->len; i++)
    json_array_add_string_element (notes, g_ptr_array_index (self->notes, i));
  json_object_set_array_member (object, "notes", notes);
  return object;
}
