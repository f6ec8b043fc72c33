/* phoneset-discovery-http.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The probe of a device's web interface (HTTP 80, HTTPS 443): its Server
 * header, page title and authentication realm, matched against the
 * profiles' fingerprints. Only a device that is a phone by another method,
 * or that a rule names, is listed for it.
 */

#define G_LOG_DOMAIN "phoneset-discovery"

#include "config.h"

#include <string.h>

#include "phoneset-discovery-private.h"

#define HTTP_TIMEOUT_MS 1500
#define MAX_HTTP_BODY   16384

typedef struct
{
  PhonesetDiscovery *self;
  Device            *device; /* borrowed; checked against self->devices */
  guint32            ip;
  SoupMessage       *message;
  GInputStream      *stream;
  TimeLimit          limit;
  guint8            *buffer;
  gsize              length;
} HttpProbe;

static void
http_probe_free (HttpProbe *probe)
{
  _phoneset_discovery_time_limit_clear (&probe->limit);
  g_clear_object (&probe->message);
  g_clear_object (&probe->stream);
  g_free (probe->buffer);
  probe->self->http_pending--;
  _phoneset_discovery_maybe_finish (probe->self);
  g_object_unref (probe->self);
  g_free (probe);
}

static char *
find_title (const char *body,
            gsize       length)
{
  g_autofree char *text = g_strndup (body, length);
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char      *open = strstr (lower, "<title");
  const char      *start;
  const char      *close;
  g_autofree char *title = NULL;

  if (open == NULL || (start = strchr (open, '>')) == NULL ||
      (close = strstr (start, "</title")) == NULL)
    return NULL;
  start++;
  title = g_strndup (text + (start - lower), (gsize)(close - start));
  g_strstrip (title);
  if (title[0] == '\0' || !g_utf8_validate (title, -1, NULL))
    return NULL;
  /* One line, no control characters. */
  for (char *p = title; *p; p++)
    if ((guchar)*p < 0x20)
      *p = ' ';
  return g_steal_pointer (&title);
}

static char *
find_realm (SoupMessage *message)
{
  const char *challenge =
    soup_message_headers_get_list (soup_message_get_response_headers (message), "WWW-Authenticate");
  char *realm = NULL;

  if (challenge != NULL)
    {
      const char *space = strchr (challenge, ' ');

      if (space != NULL)
        {
          GHashTable *params = soup_header_parse_param_list (space + 1);

          realm = g_strdup (g_hash_table_lookup (params, "realm"));
          soup_header_free_param_list (params);
        }
    }
  if (realm != NULL && (realm[0] == '\0' || !g_utf8_validate (realm, -1, NULL)))
    g_clear_pointer (&realm, g_free);
  return realm;
}

static void
http_probe_done (HttpProbe *probe)
{
  PhonesetDiscovery *self = probe->self;
  Device            *device = probe->device;
  const char        *server;
  g_autofree char   *title = NULL;
  g_autofree char   *realm = NULL;
  GString           *detail;
  const char        *texts[3];
  gboolean           matched = FALSE;

  if (!_phoneset_discovery_device_alive (self, device) || probe->message == NULL ||
      soup_message_get_status (probe->message) == 0)
    return;

  server =
    soup_message_headers_get_one (soup_message_get_response_headers (probe->message), "Server");
  if (server != NULL && (server[0] == '\0' || !g_utf8_validate (server, -1, NULL)))
    server = NULL;
  title = probe->buffer != NULL ? find_title ((const char *)probe->buffer, probe->length) : NULL;
  realm = find_realm (probe->message);

  if (server == NULL && title == NULL && realm == NULL)
    return;

  detail = g_string_new (NULL);
  if (server != NULL)
    g_string_append_printf (detail, "Server: %s", server);
  if (title != NULL)
    g_string_append_printf (detail, "%stitle: %s", detail->len ? "; " : "", title);
  if (realm != NULL)
    g_string_append_printf (detail, "%srealm: %s", detail->len ? "; " : "", realm);

  /* The text that names the most wins: a realm "Yealink SIP-T46G" over a
   * Server header that only says "yealink". */
  texts[0] = server;
  texts[1] = realm;
  texts[2] = title;
  {
    g_auto(PhonesetFingerprintMatch) best = { 0 };
    int best_score = -1;

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_auto(PhonesetFingerprintMatch) match = { 0 };
        int score;

        if (texts[i] == NULL || !phoneset_fingerprint_rules_match (
                                  self->rules, texts[i], PHONESET_FINGERPRINT_SOURCE_HTTP, &match))
          continue;
        score = (match.model != NULL) * 4 + (match.firmware != NULL) * 2 + (match.mac != NULL);
        if (score > best_score)
          {
            phoneset_fingerprint_match_clear (&best);
            best = match;
            memset (&match, 0, sizeof match);
            best_score = score;
          }
      }
    if (best_score >= 0)
      {
        _phoneset_discovery_apply_fingerprint (self, device, RANK_HTTP, &best);
        matched = TRUE;
      }
  }

  if (server != NULL && phoneset_phone_get_http_server (device->phone) == NULL)
    phoneset_phone_set_http_server (device->phone, server);
  /* Only a device already known as a phone, or named by a rule, gets the
   * HTTP evidence: a printer's web page is not a reason to list it. */
  if (matched || device->listed)
    {
      phoneset_phone_add_evidence (device->phone, "http", detail->str);
      _phoneset_discovery_list_device (self, device);
    }
  g_string_free (detail, TRUE);
}

static void
http_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HttpProbe *probe = user_data;
  gsize      read = 0;

  if (g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &read, NULL))
    probe->length = read;
  http_probe_done (probe);
  http_probe_free (probe);
}

static void
http_send_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HttpProbe *probe = user_data;
  g_autoptr(GError) error = NULL;

  probe->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (probe->stream == NULL)
    {
      g_debug ("HTTP probe failed: %s", error->message);
      http_probe_free (probe);
      return;
    }
  probe->buffer = g_malloc (MAX_HTTP_BODY);
  g_input_stream_read_all_async (probe->stream, probe->buffer, MAX_HTTP_BODY, G_PRIORITY_DEFAULT,
                                 probe->limit.cancellable, http_read_cb, probe);
}

static gboolean
accept_any_certificate_cb (SoupMessage          *message,
                           GTlsCertificate      *certificate,
                           GTlsCertificateFlags  errors,
                           gpointer              user_data)
{
  /* Only the identity the web interface shows is read, and nothing is
   * sent: a phone's self-signed certificate is no reason to look away. */
  return TRUE;
}

static void
start_http_probe (PhonesetDiscovery *self,
                  Device            *device,
                  const char        *scheme,
                  guint16            port)
{
  HttpProbe       *probe;
  g_autofree char *address = _phoneset_discovery_ip_to_string (device->ip);
  g_autofree char *uri = NULL;

  if (port == 0)
    return;
  uri = g_strdup_printf ("%s://%s:%u/", scheme, address, port);
  probe = g_new0 (HttpProbe, 1);
  probe->self = g_object_ref (self);
  probe->device = device;
  probe->ip = device->ip;
  probe->message = soup_message_new ("GET", uri);
  if (probe->message == NULL)
    {
      self->http_pending++;
      http_probe_free (probe);
      return;
    }
  soup_message_add_flags (probe->message, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect (probe->message, "accept-certificate", G_CALLBACK (accept_any_certificate_cb),
                    NULL);
  _phoneset_discovery_time_limit_start (self, &probe->limit, HTTP_TIMEOUT_MS);
  self->http_pending++;
  soup_session_send_async (self->session, probe->message, G_PRIORITY_DEFAULT,
                           probe->limit.cancellable, http_send_cb, probe);
}

void
_phoneset_discovery_maybe_probe_http (PhonesetDiscovery *self,
                                      Device            *device)
{
  if (!self->active || device->http_started || device->ip == 0 || self->session == NULL ||
      g_cancellable_is_cancelled (self->cancellable))
    return;
  device->http_started = TRUE;
  start_http_probe (self, device, "http", self->http_port);
  start_http_probe (self, device, "https", self->https_port);
}
