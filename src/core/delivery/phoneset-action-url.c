/* phoneset-action-url.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Action URL events: the HTTP GETs phones send on events (seed 003 ch.4,
 * vendors.md §1.3, §2.5). Phoneset points each event at
 *   http://HOST:PORT/action-url/EVENT?mac=$mac&ip=$ip&model=$model&...
 * and reads back the event name (from the path) and the variables (from
 * the query) with phoneset_action_url_event_parse(). EVENT is the
 * profile's setting id without `action_url.` (`registered`), the same for
 * every phone; the key it is configured under is the profile's (Yealink
 * V8x `action_url.registered`, older firmware `action_url.log_on`).
 */

#define G_LOG_DOMAIN "phoneset-action-url"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-action-url.h"
#include "phoneset-error.h"

struct _PhonesetActionUrlEvent
{
  gatomicrefcount ref_count;
  char           *name;
  char           *phone;
  GDateTime      *time;
  GHashTable     *variables;
  GPtrArray      *order;
};

G_DEFINE_BOXED_TYPE (PhonesetActionUrlEvent,
                     phoneset_action_url_event,
                     phoneset_action_url_event_ref,
                     phoneset_action_url_event_unref)

/* The variables asked for in each URL (seed 003 ch.4 [V-OEM], Yealink
 * p.216 [V]). */
static const char *const variables[] = {
  "mac",         "ip",    "model",  "firmware",       "active_user",
  "active_host", "local", "remote", "display_remote", "call_id",
};

PhonesetActionUrlEvent *
phoneset_action_url_event_ref (PhonesetActionUrlEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);
  g_atomic_ref_count_inc (&event->ref_count);
  return event;
}

void
phoneset_action_url_event_unref (PhonesetActionUrlEvent *event)
{
  g_return_if_fail (event != NULL);
  if (!g_atomic_ref_count_dec (&event->ref_count))
    return;
  g_free (event->name);
  g_free (event->phone);
  g_date_time_unref (event->time);
  g_hash_table_unref (event->variables);
  g_ptr_array_unref (event->order);
  g_free (event);
}

static gboolean
valid_name (const char *s)
{
  if (*s == '\0' || strlen (s) > 64)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

/**
 * phoneset_action_url_event_parse:
 * @path: the request path, `/action-url/EVENT`
 * @query: (nullable): the raw (escaped) query, `mac=...&ip=...`
 * @phone: the address the request came from
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the event, or %NULL with %PHONESET_ERROR_PARSE
 */
PhonesetActionUrlEvent *
phoneset_action_url_event_parse (const char  *path,
                                 const char  *query,
                                 const char  *phone,
                                 GError     **error)
{
  g_autoptr(PhonesetActionUrlEvent) event = NULL;
  g_auto(GStrv) pairs = NULL;
  const char *name;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (phone != NULL, NULL);

  if (!g_str_has_prefix (path, PHONESET_ACTION_URL_PATH))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("Not an Action URL path: it must start with %s."), PHONESET_ACTION_URL_PATH);
      return NULL;
    }
  name = path + strlen (PHONESET_ACTION_URL_PATH);
  if (!valid_name (name))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The Action URL names no valid event."));
      return NULL;
    }
  if (query != NULL && strlen (query) > 4096)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The Action URL's query is too long."));
      return NULL;
    }

  event = g_new0 (PhonesetActionUrlEvent, 1);
  g_atomic_ref_count_init (&event->ref_count);
  event->name = g_strdup (name);
  event->phone = g_strdup (phone);
  event->time = g_date_time_new_now_utc ();
  event->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  event->order = g_ptr_array_new_with_free_func (g_free);

  pairs = g_strsplit (query ? query : "", "&", 64);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char            *eq = strchr (pairs[i], '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (pairs[i][0] == '\0')
        continue;
      g_strdelimit (pairs[i], "+", ' ');
      key = g_uri_unescape_segment (pairs[i], eq, NULL);
      value = eq ? g_uri_unescape_string (eq + 1, NULL) : g_strdup ("");
      if (key == NULL || value == NULL || !valid_name (key) || !g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("The Action URL's query has a bad variable (“%.40s”)."), pairs[i]);
          return NULL;
        }
      /* A variable the phone did not expand stays "$name": no value. */
      if (value[0] == '$')
        {
          g_free (value);
          value = g_strdup ("");
        }
      if (!g_hash_table_contains (event->variables, key))
        g_ptr_array_add (event->order, g_strdup (key));
      g_hash_table_replace (event->variables, g_steal_pointer (&key), g_steal_pointer (&value));
    }
  return g_steal_pointer (&event);
}

const char *
phoneset_action_url_event_get_name (PhonesetActionUrlEvent *event)
{
  return event->name;
}

const char *
phoneset_action_url_event_get_phone (PhonesetActionUrlEvent *event)
{
  return event->phone;
}

GDateTime *
phoneset_action_url_event_get_time (PhonesetActionUrlEvent *event)
{
  return event->time;
}

const char *
phoneset_action_url_event_get_variable (PhonesetActionUrlEvent *event,
                                        const char             *name)
{
  return g_hash_table_lookup (event->variables, name);
}

/**
 * phoneset_action_url_event_get_variable_names:
 * @event: an event
 *
 * Returns: (transfer none) (element-type utf8): the names of the variables
 *   the request carried, in the order of its query (values by
 *   phoneset_action_url_event_get_variable())
 */
GPtrArray *
phoneset_action_url_event_get_variable_names (PhonesetActionUrlEvent *event)
{
  return event->order;
}

/**
 * phoneset_action_url_event_to_json:
 *
 * Returns: (transfer full): `{ "time", "phone", "event", "variables": {} }`
 */
JsonObject *
phoneset_action_url_event_to_json (PhonesetActionUrlEvent *event)
{
  JsonObject      *object = json_object_new ();
  JsonObject      *vars = json_object_new ();
  g_autofree char *time = g_date_time_format_iso8601 (event->time);

  json_object_set_string_member (object, "time", time);
  json_object_set_string_member (object, "phone", event->phone);
  json_object_set_string_member (object, "event", event->name);
  for (guint i = 0; i < event->order->len; i++)
    {
      const char *key = event->order->pdata[i];

      json_object_set_string_member (vars, key, g_hash_table_lookup (event->variables, key));
    }
  json_object_set_object_member (object, "variables", vars);
  return object;
}

/* The URL Phoneset asks a phone to request on @event: the event in the
 * path, every variable in the query. */
static char *
event_url (const char *base_url,
           const char *event)
{
  g_autoptr(GString) url = g_string_new (base_url);

  g_string_append (url, PHONESET_ACTION_URL_PATH);
  g_string_append (url, event);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    g_string_append_printf (url, "%c%s=$%s", i ? '&' : '?', variables[i], variables[i]);
  return g_string_free (g_steal_pointer (&url), FALSE);
}

/**
 * phoneset_action_url_setting_url:
 * @setting: a setting of a profile
 * @base_url: the receiver, `http://HOST:PORT`
 *
 * The URL that points @setting at Phoneset, when it is an Action URL event
 * (a URL setting `action_url.EVENT`): `BASE/action-url/EVENT?mac=$mac&…`.
 * The event is the setting's id, the same for every vendor and firmware;
 * the key it is written under is the profile's.
 *
 * Returns: (transfer full) (nullable): the URL, or %NULL for a setting
 *   that is not an Action URL event
 */
char *
phoneset_action_url_setting_url (PhonesetSetting *setting,
                                 const char      *base_url)
{
  const char *id;

  g_return_val_if_fail (setting != NULL && base_url != NULL, NULL);

  id = phoneset_setting_get_id (setting);
  if (!g_str_has_prefix (id, PHONESET_ACTION_URL_SETTING_PREFIX) ||
      phoneset_setting_get_value_type (setting) != PHONESET_SETTING_URL ||
      !valid_name (id + strlen (PHONESET_ACTION_URL_SETTING_PREFIX)))
    return NULL;
  return event_url (base_url, id + strlen (PHONESET_ACTION_URL_SETTING_PREFIX));
}

/**
 * phoneset_action_url_config_entries:
 * @profile: the phone's profile
 * @base_url: the receiver, `http://HOST:PORT`
 * @error: a location for a #GError
 *
 * The configuration entries that point a phone's Action URLs at Phoneset,
 * under the keys the phone's profile writes them in its file format: each
 * firmware generation its own (Yealink V8x `action_url.registered`, the
 * firmware before it `action_url.log_on`; Fanvil `Reg On Url`).
 *
 * Returns: (transfer full) (nullable): key → URL, or %NULL with
 *   %PHONESET_ERROR_UNSUPPORTED when the profile writes no Action URL
 */
JsonObject *
phoneset_action_url_config_entries (PhonesetProfile  *profile,
                                    const char       *base_url,
                                    GError          **error)
{
  g_autoptr(JsonObject) entries = json_object_new ();
  GPtrArray        *settings;
  PhonesetCfgFormat format;

  g_return_val_if_fail (PHONESET_IS_PROFILE (profile) && base_url != NULL, NULL);

  if (phoneset_profile_get_file_format (profile, &format))
    {
      settings = phoneset_profile_get_settings (profile);
      for (guint i = 0; i < settings->len; i++)
        {
          PhonesetSetting *setting = g_ptr_array_index (settings, i);
          g_autofree char *url = phoneset_action_url_setting_url (setting, base_url);
          PhonesetCfgKey   key;

          if (url != NULL && phoneset_setting_get_cfg_key (setting, format, 0, &key))
            json_object_set_string_member (entries, key.key, url);
        }
    }
  if (json_object_get_size (entries) == 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("The profile %s has no Action URL settings Phoneset can fill."),
                      phoneset_profile_get_id (profile));
      return NULL;
    }
  return g_steal_pointer (&entries);
}
