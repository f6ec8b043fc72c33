/* phoneset-stun-server-report.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PhonesetStunServer in words and JSON: the `phoneset stun-server --json`
 * document, the log line of an event, and the settings that point a
 * phone's STUN at the server (the window's "Point This Phone at This
 * Computer"). Split from phoneset-stun-server.c, which keeps the sockets.
 */

#define G_LOG_DOMAIN "phoneset-stun-server"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-profile.h"
#include "phoneset-stun-message.h"
#include "phoneset-stun-server-private.h"

static void
add_int (JsonBuilder *b,
         const char  *name,
         guint64      value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, (gint64)MIN (value, (guint64)G_MAXINT64));
}

static void
add_time (JsonBuilder *b,
          const char  *name,
          gint64       us)
{
  g_autoptr(GDateTime) time = us ? g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC) : NULL;
  g_autofree char *text = time ? g_date_time_format_iso8601 (time) : NULL;

  json_builder_set_member_name (b, name);
  if (text)
    json_builder_add_string_value (b, text);
  else
    json_builder_add_null_value (b);
}

static int
compare_last_seen (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = phoneset_stun_source_get_last_seen (*(PhonesetStunSource **)a);
  gint64 y = phoneset_stun_source_get_last_seen (*(PhonesetStunSource **)b);

  return x > y ? -1 : x < y;
}

/**
 * phoneset_stun_server_to_json:
 *
 * Returns: (transfer full): `{ "server": { "address", "secondary",
 *   "other_address", "software", "started", "stopped", totals },
 *   "clients": [ … ] }`, the clients most recently seen first
 */
JsonNode *
phoneset_stun_server_to_json (PhonesetStunServer *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) sources = _phoneset_stun_server_list_sources (self);
  g_autofree char         *primary = NULL;
  g_autofree char         *secondary = NULL;
  g_autofree char         *other = NULL;
  PhonesetStunServerTotals t;
  const char              *address, *alt_address;
  guint16                  port, alt_port;

  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (self), NULL);

  _phoneset_stun_server_get_totals (self, &t);
  address = phoneset_stun_server_get_address (self);
  alt_address = phoneset_stun_server_get_alt_address (self);
  port = phoneset_stun_server_get_port (self);
  alt_port = phoneset_stun_server_get_alt_port (self);

  if (address != NULL)
    {
      gboolean v6 = strchr (address, ':') != NULL;

      primary = g_strdup_printf (v6 ? "[%s]:%u" : "%s:%u", address, port);
      secondary = g_strdup_printf (v6 ? "[%s]:%u" : "%s:%u", address, alt_port);
      if (alt_address != NULL)
        other = g_strdup_printf (v6 ? "[%s]:%u" : "%s:%u", alt_address, alt_port);
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "server");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "address");
  primary ? json_builder_add_string_value (b, primary) : json_builder_add_null_value (b);
  json_builder_set_member_name (b, "secondary");
  secondary ? json_builder_add_string_value (b, secondary) : json_builder_add_null_value (b);
  json_builder_set_member_name (b, "other_address");
  other ? json_builder_add_string_value (b, other) : json_builder_add_null_value (b);
  json_builder_set_member_name (b, "software");
  json_builder_add_string_value (b, "Phoneset " PACKAGE_VERSION);
  add_time (b, "started", t.started);
  add_time (b, "stopped", t.stopped);
  add_int (b, "received", t.received);
  add_int (b, "answered", t.answered);
  add_int (b, "refused", t.refused);
  add_int (b, "unanswerable", t.unanswerable);
  add_int (b, "indications", t.indications);
  json_builder_set_member_name (b, "dropped");
  json_builder_begin_object (b);
  add_int (b, "malformed", t.malformed);
  add_int (b, "oversized", t.oversized);
  add_int (b, "loops", t.loops);
  add_int (b, "rate_limited", t.rate_limited);
  json_builder_end_object (b);
  add_int (b, "evicted", t.evicted);
  add_int (b, "max_clients", t.max_sources);
  add_int (b, "rate_limit", t.rate);
  json_builder_set_member_name (b, "binding_lifetime_ms");
  if (t.lifetime_ms > 0)
    json_builder_add_int_value (b, t.lifetime_ms);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);

  g_ptr_array_sort (sources, compare_last_seen);
  json_builder_set_member_name (b, "clients");
  json_builder_begin_array (b);
  for (guint i = 0; i < sources->len; i++)
    json_builder_add_value (b, phoneset_stun_source_to_json (g_ptr_array_index (sources, i)));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static const char *
change_words (guint flags)
{
  if ((flags & PHONESET_STUN_CHANGE_IP) && (flags & PHONESET_STUN_CHANGE_PORT))
    return _("change IP and port");
  if (flags & PHONESET_STUN_CHANGE_IP)
    return _("change IP");
  if (flags & PHONESET_STUN_CHANGE_PORT)
    return _("change port");
  return _("no change");
}

/**
 * phoneset_stun_event_to_text:
 * @event: an event of the "event" signal
 *
 * Returns: (transfer full): the log line (without the time), as the
 *   command line and the window show it
 */
char *
phoneset_stun_event_to_text (const PhonesetStunEvent *event)
{
  g_autofree char *phone = NULL;
  g_autofree char *who = NULL;
  const char      *rfc;

  g_return_val_if_fail (event != NULL, NULL);

  phone = event->source ? phoneset_stun_source_dup_phone_name (event->source) : NULL;
  who = phone ? g_strdup_printf ("%s (%s)", event->from, phone) : g_strdup (event->from);
  rfc = event->classic ? "RFC 3489" : "RFC 5389";

  switch (event->kind)
    {
    case PHONESET_STUN_EVENT_ANSWERED:
      return g_strdup_printf (_("%s: Binding request (%s, %s) to %s, answered from %s"), who, rfc,
                                 change_words (event->change_flags), event->to,
                                 event->origin ? event->origin : "—");
    case PHONESET_STUN_EVENT_REFUSED:
      return g_strdup_printf (_("%s: request to %s refused with %d: %s"), who, event->to,
                                 event->error_code, event->reason ? event->reason : "");
    case PHONESET_STUN_EVENT_UNANSWERABLE:
      return g_strdup_printf (_("%s: Binding request (%s, %s) to %s: %s"), who, rfc,
                                 change_words (event->change_flags), event->to,
                                 event->reason ? event->reason : "");
    case PHONESET_STUN_EVENT_INDICATION:
      return g_strdup_printf (_("%s: Binding indication (keep-alive) to %s"), who, event->to);
    case PHONESET_STUN_EVENT_DROPPED:
      return g_strdup_printf (_("%s: %zu bytes to %s dropped: %s"), who, (size_t)event->size,
                                 event->to, event->reason ? event->reason : "");
    case PHONESET_STUN_EVENT_RATE_LIMITED:
    default:
      return g_strdup_printf (_("%s: %s"), who, event->reason ? event->reason : "");
    }
}

/**
 * phoneset_stun_server_settings_for_phone:
 * @profile: the phone's profile
 * @address: this computer's address, as the phone reaches it
 * @port: the server's primary port
 *
 * The settings that point a phone's STUN at this server: its STUN server
 * (with the port when the profile has no port of its own), the port, and
 * STUN on where the profile has a switch for it.
 *
 * Returns: (transfer full): setting id, value, id, value, …, %NULL
 */
GStrv
phoneset_stun_server_settings_for_phone (PhonesetProfile *profile,
                                         const char      *address,
                                         guint16          port)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  PhonesetSetting *server;
  gboolean         v6;

  g_return_val_if_fail (PHONESET_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (address != NULL, NULL);

  v6 = strchr (address, ':') != NULL;
  server = phoneset_profile_lookup_setting (profile, "nat.stun.server");
  if (server != NULL)
    {
      g_autofree char *value = NULL;

      if (phoneset_setting_get_value_type (server) == PHONESET_SETTING_HOST_PORT && port != 3478 &&
          phoneset_profile_lookup_setting (profile, "nat.stun.port") == NULL)
        value = g_strdup_printf (v6 ? "[%s]:%u" : "%s:%u", address, port);
      else
        value = g_strdup (address);
      g_strv_builder_add (builder, "nat.stun.server");
      g_strv_builder_add (builder, value);
    }
  if (phoneset_profile_lookup_setting (profile, "nat.stun.port") != NULL)
    {
      g_strv_builder_add (builder, "nat.stun.port");
      g_strv_builder_add (builder, port_text);
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? "nat.stun.enable" : "line.1.stun.enable";

      if (phoneset_profile_lookup_setting (profile, id) != NULL)
        {
          g_strv_builder_add (builder, id);
          g_strv_builder_add (builder, "true");
        }
    }
  return g_strv_builder_end (builder);
}
