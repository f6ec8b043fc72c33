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
 * the query) with phoneset_action_url_event_parse().
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

G_DEFINE_BOXED_TYPE (PhonesetActionUrlEvent, phoneset_action_url_event, phoneset_action_url_event_ref, phoneset_action_url_event_unref)

/* The events, named as Yealink's action_url.* keys [T]; the Fanvil [T]
 * F-X3U and snom [T] keys for each. The snom names are those of a full snom
 * 720 settings file (fusionpbx/fusionpbx@c7a00dcb:resources/templates/
 * provision/snom/720/{$mac}.xml:40-51,217-221,253-254): snom logs on and
 * off with action_log_on_url/action_log_off_url, and action_reg_failed,
 * action_hold and action_unhold have no "_url". That file has no mute,
 * unmute or IP change event, so snom has none here (NULL). */
static const char *const event_keys[][3] = {
  { "setup_completed", "Boot Completed Url", "action_setup_url" },
  { "log_on", "Reg On Url", "action_log_on_url" },
  { "log_off", "Reg Off Url", "action_log_off_url" },
  { "register_failed", "Reg Failed Url", "action_reg_failed" },
  { "off_hook", "Offhook Url", "action_offhook_url" },
  { "on_hook", "Onhook Uri", "action_onhook_url" },
  { "incoming_call", "Incoming Call Url", "action_incoming_url" },
  { "outgoing_call", "Outgoing Call Url", "action_outgoing_url" },
  { "call_established", "Call Active Url", "action_connected_url" },
  { "call_terminated", "Call Stop Url", "action_disconnected_url" },
  { "dnd_on", "DND On Url", "action_dnd_on_url" },
  { "dnd_off", "DND Off Url", "action_dnd_off_url" },
  { "mute", "Mute On Url", NULL },
  { "unmute", "Mute Off Url", NULL },
  { "hold", "Hold On Url", "action_hold" },
  { "unhold", "Hold Off Url", "action_unhold" },
  { "missed_call", "New Missed call Url", "action_missed_url" },
  { "ip_change", "IP Change Url", NULL },
};

/* The variables asked for in each URL (seed 003 ch.4 [V-OEM], Yealink
 * p.216 [V]); snom's names are [U]. */
static const char *const variables[] = {
  "mac",
  "ip",
  "model",
  "firmware",
  "active_user",
  "active_host",
  "local",
  "remote",
  "display_remote",
  "call_id",
};

const char *const *
phoneset_action_url_events (void)
{
  static const char *names[G_N_ELEMENTS (event_keys) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (event_keys); i++)
      names[i] = event_keys[i][0];
  return names;
}

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
phoneset_action_url_event_parse (const char *path,
                                 const char *query,
                                 const char *phone,
                                 GError    **error)
{
  g_autoptr(PhonesetActionUrlEvent) event = NULL;
  g_auto(GStrv) pairs = NULL;
  const char *name;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (phone != NULL, NULL);

  if (!g_str_has_prefix (path, PHONESET_ACTION_URL_PATH))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, _("Not an Action URL path: it must start with %s."), PHONESET_ACTION_URL_PATH);
      return NULL;
    }
  name = path + strlen (PHONESET_ACTION_URL_PATH);
  if (!valid_name (name))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, _("The Action URL names no valid event."));
      return NULL;
    }
  if (query != NULL && strlen (query) > 4096)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, _("The Action URL's query is too long."));
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

/**
 * phoneset_action_url_config_entries:
 * @vendor: yealink, fanvil (planet) or snom
 * @base_url: the receiver, `http://HOST:PORT`
 * @error: a location for a #GError
 *
 * The configuration entries that point a phone's Action URLs at Phoneset,
 * as the vendor names them: Yealink `action_url.off_hook` [T], Fanvil
 * `Offhook Url` [T], snom `action_offhook_url` [T]. An event the vendor has
 * no setting for is left out.
 *
 * Returns: (transfer full): setting → URL
 */
JsonObject *
phoneset_action_url_config_entries (const char *vendor,
                                    const char *base_url,
                                    GError    **error)
{
  g_autoptr(JsonObject) entries = json_object_new ();
  g_autoptr(GString) query = g_string_new (NULL);
  int column;

  g_return_val_if_fail (vendor != NULL && base_url != NULL, NULL);

  if (g_ascii_strcasecmp (vendor, "yealink") == 0)
    column = 0;
  else if (g_ascii_strcasecmp (vendor, "fanvil") == 0 || g_ascii_strcasecmp (vendor, "planet") == 0)
    column = 1;
  else if (g_ascii_strcasecmp (vendor, "snom") == 0)
    column = 2;
  else
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("Phoneset does not know the Action URL settings of “%s” phones."), vendor);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    g_string_append_printf (query, "%s%s=$%s", i ? "&" : "", variables[i], variables[i]);
  for (guint i = 0; i < G_N_ELEMENTS (event_keys); i++)
    {
      g_autofree char *url = NULL;
      g_autofree char *key = NULL;

      if (column != 0 && event_keys[i][column] == NULL)
        continue;
      url = g_strdup_printf ("%s%s%s?%s", base_url, PHONESET_ACTION_URL_PATH, event_keys[i][0], query->str);
      key = column == 0 ? g_strdup_printf ("action_url.%s", event_keys[i][0]) : g_strdup (event_keys[i][column]);
      json_object_set_string_member (entries, key, url);
    }
  return g_steal_pointer (&entries);
}
