/* phone-sim-http.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulated phone's web side: the vendor's HTTP identity, Active URI
 * with Basic or Digest auth, the allowed-IP list and the first-use prompt,
 * Yealink phonecfg=get, Poly's push interface (POST /push), the fault
 * modes, and the /__sim/ test controls.
 */

#define G_LOG_DOMAIN "phone-sim"

#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "phone-sim.h"

char              *sim_state_dup_json (void);

static SoupServer *https_server;
static gboolean    https_rotated;

/* The web identity. Real phones' Server headers, titles and realms were not
 * found in the sources: every value here is [U], chosen to name vendor and
 * model the way embedded web servers usually do. */
static const char *
server_header (void)
{
  switch (sim.vendor)
    {
    case SIM_VENDOR_YEALINK:
      return "yealink embed httpd";
    case SIM_VENDOR_FANVIL:
      return "mini_httpd/1.19 19dec2003";
    case SIM_VENDOR_SNOM:
      return "snom embedded";
    case SIM_VENDOR_POLY:
      /* [U]: names the vendor, which the profile's HTTP rule looks for. */
      return "Polycom SoundPoint IP Telephone HTTPd";
    case SIM_VENDOR_GRANDSTREAM:
      /* [U] */
      return "Grandstream httpd";
    default:
      g_assert_not_reached ();
    }
}

static char *
realm (void)
{
  /* Poly's push realm [U]; Grandstream [U]. */
  if (sim.vendor == SIM_VENDOR_POLY)
    return g_strdup ("PUSH Authentication");
  if (sim.vendor == SIM_VENDOR_SNOM)
    return g_strdup_printf ("snom %s", sim.model);
  return g_strdup_printf ("%s %s", sim.brand, sim.model);
}

static char *
title (void)
{
  if (sim.vendor == SIM_VENDOR_SNOM)
    return g_strdup_printf ("snom %s", sim.model);
  if (sim.vendor == SIM_VENDOR_YEALINK)
    return g_strdup_printf ("Yealink %s Phone", sim.model);
  /* Both [U]: the UC Software web configuration utility; Grandstream's
   * device configuration page. */
  if (sim.vendor == SIM_VENDOR_POLY)
    return g_strdup_printf ("Polycom %s - Web Configuration Utility", sim.model);
  if (sim.vendor == SIM_VENDOR_GRANDSTREAM)
    return g_strdup_printf ("Grandstream Device Configuration - %s", sim.model);
  return g_strdup_printf ("%s %s", sim.brand, sim.model);
}

/* The Active URI paths per vendor (vendors.md §1.4, §2.6, §4.3). Poly
 * has none (its push interface is POST /push, below) and Grandstream
 * documents no key interface (the profiles' no_remote_control): both
 * answer 404 there. */
static const char *const *
active_uri_paths (void)
{
  static const char *const yealink[] = { "/servlet", "/cgi-bin/ConfigManApp.com",
                                         "/cgi-bin/cgiServer.exx", NULL };
  static const char *const fanvil[] = { "/cgi-bin/ConfigManApp.com", NULL };
  static const char *const snom[] = { "/command.htm", "/advanced_update.htm", NULL };
  static const char *const none[] = { NULL };

  switch (sim.vendor)
    {
    case SIM_VENDOR_YEALINK:
      return yealink;
    case SIM_VENDOR_FANVIL:
      return fanvil;
    case SIM_VENDOR_SNOM:
      return snom;
    case SIM_VENDOR_POLY:
    case SIM_VENDOR_GRANDSTREAM:
      return none;
    default:
      g_assert_not_reached ();
    }
}

/* The keys each vendor documents. Yealink: vendors.md §1.4 [V]/[V-OEM];
 * Fanvil/PLANET: seed 003 ch.5 (PLANET, Fanvil OEM) [V-OEM], F_ACCEPT [3P];
 * snom: vendors.md §4.3 [V]. Numbered families (D, L, P, F) are checked by
 * range below. */
static gboolean
key_is_known (const char *key)
{
  static const char *const yealink[] = {
    "OK",      "ENTER", "SPEAKER",      "F_TRANSFER", "VOLUME_UP", "VOLUME_DOWN", "MUTE",
    "F_HOLD",  "HOLD",  "F_CONFERENCE", "X",          "*",         "POUND",       "MSG",
    "HEADSET", "RD",    "UP",           "DOWN",       "LEFT",      "RIGHT",       "Reboot",
    "AutoP",   "DNDOn", "DNDOff",       "Reset",      "CALLEND",   NULL
  };
  static const char *const fanvil[] = {
    "OK",          "ENTER", "SPEAKER",      "RELEASE", "F_TRANSFER", "VOLUME_UP",
    "VOLUME_DOWN", "MUTE",  "F_CFWD",       "F_HOLD",  "F_CANCEL",   "X",
    "*",           "POUND", "F_CONFERENCE", "MSG",     "F_PBOOK",    "HEADSET",
    "F_HEADSET",   "RD",    "UP",           "DOWN",    "LEFT",       "RIGHT",
    "Reboot",      "DNDOn", "DNDOff",       "F_LOCK",  "F_ACCEPT",   NULL
  };
  static const char *const snom[] = { "CANCEL",  "ENTER",    "OFFHOOK", "ONHOOK",    "RIGHT",
                                      "LEFT",    "UP",       "DOWN",    "VOLUME_UP", "VOLUME_DOWN",
                                      "MENU",    "REDIAL",   "DND",     "REC",       "SPEAKER",
                                      "HEADSET", "TRANSFER", "F_HOLD",  "F_R",       "DISCONNECT",
                                      "*",       "#",        NULL };
  /* Poly push keys: Line1, DialPad0, DialPad1 [V] Web Application for
   * Polycom Phones, UC Software 5.0.0 (3725-49106-001 Rev A) p. 26, VolDown
   * p. 75 [V]; the rest are Poly's usual key names [U]. Line{n}, DialPad{n}
   * and Softkey{n} are checked below. */
  static const char *const poly[] = { "VolDown",  "VolUp",        "DialPadStar",  "DialPadPound",
                                      "Headset",  "Handsfree",    "MicMute",      "Menu",
                                      "Messages", "Applications", "Directories",  "Setup",
                                      "ArrowUp",  "ArrowDown",    "ArrowLeft",    "ArrowRight",
                                      "Select",   "Backspace",    "DoNotDisturb", "Conference",
                                      "Transfer", "Redial",       "Hold",         "Home",
                                      NULL };
  const char *const       *list;
  int                      max_d = 0, max_l = 0, max_p = 0;

  switch (sim.vendor)
    {
    case SIM_VENDOR_YEALINK:
      list = yealink, max_d = 10, max_l = 6;
      break;
    case SIM_VENDOR_FANVIL:
      list = fanvil, max_d = 40;
      break;
    case SIM_VENDOR_SNOM:
      list = snom, max_p = 40;
      break;
    case SIM_VENDOR_POLY:
      {
        const char *families[] = { "Line", "DialPad", "Softkey" };

        if (g_strv_contains (poly, key))
          return TRUE;
        for (guint i = 0; i < G_N_ELEMENTS (families); i++)
          if (g_str_has_prefix (key, families[i]))
            {
              const char *n = key + strlen (families[i]);
              char       *end = NULL;
              guint64     v = g_ascii_strtoull (n, &end, 10);

              if (end != n && *end == '\0')
                return i == 1 ? v <= 9 : v >= 1 && v <= 48;
            }
        return FALSE;
      }
    case SIM_VENDOR_GRANDSTREAM:
      return FALSE;
    default:
      g_assert_not_reached ();
    }
  if (key[0] >= '0' && key[0] <= '9' && key[1] == '\0')
    return TRUE;
  if (g_strv_contains (list, key))
    return TRUE;
  if (key[0] == 'F' && key[1] >= '1' && key[1] <= '4' && key[2] == '\0')
    return TRUE;
  if ((key[0] == 'D' && max_d) || (key[0] == 'L' && max_l) || (key[0] == 'P' && max_p))
    {
      char   *end = NULL;
      guint64 n = g_ascii_strtoull (key + 1, &end, 10);
      int     max = key[0] == 'D' ? max_d : key[0] == 'L' ? max_l : max_p;

      return end != key + 1 && *end == '\0' && n >= 1 && (int)n <= max;
    }
  return FALSE;
}

static gboolean
octet_matches (const char *pattern,
               const char *octet)
{
  return g_str_equal (pattern, "*") || g_str_equal (pattern, octet);
}

/* Yealink features.action_uri_limit_ip: blank rejects all, `any` accepts
 * all, else a comma list of addresses with `*` per octet [V] Y-URI. On
 * Fanvil/PLANET a blank list accepts all (seed 003 §5.2) [V-OEM]; snom has
 * no such list that we know of [U]: treated like Fanvil. */
static gboolean
ip_allowed (const char *ip)
{
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) octets = g_strsplit (ip, ".", -1);
  g_autofree char *list = g_strstrip (g_strdup (sim.allowed_ip));

  if (*list == '\0')
    return sim.vendor != SIM_VENDOR_YEALINK;
  if (g_ascii_strcasecmp (list, "any") == 0)
    return TRUE;
  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (items[i]), ".", -1);
      gboolean match = g_strv_length (parts) == 4 && g_strv_length (octets) == 4;

      for (guint j = 0; match && j < 4; j++)
        match = octet_matches (parts[j], octets[j]);
      if (match)
        return TRUE;
    }
  return FALSE;
}

static void
set_text (SoupServerMessage *msg,
          guint              status,
          const char        *type,
          const char        *text)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, text, strlen (text));
}

static void
log_key (const char *path,
         const char *raw,
         const char *key,
         const char *peer,
         gboolean    executed,
         const char *note)
{
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "path", path);
  json_object_set_string_member (entry, "raw", raw);
  json_object_set_string_member (entry, "key", key);
  json_object_set_string_member (entry, "peer", peer);
  json_object_set_boolean_member (entry, "known", key_is_known (key));
  json_object_set_boolean_member (entry, "executed", executed);
  if (note != NULL)
    json_object_set_string_member (entry, "note", note);
  sim_log_json (sim.keys, entry);
}

/* One Active URI request: its key value as sent and how many keys it
 * held, so a test can tell one request per key from a chain. */
static void
log_request (const char *path,
             const char *query,
             guint       n_keys,
             gboolean    executed,
             const char *note)
{
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "path", path);
  json_object_set_string_member (entry, "query", query);
  json_object_set_int_member (entry, "keys", n_keys);
  json_object_set_boolean_member (entry, "executed", executed);
  if (note != NULL)
    json_object_set_string_member (entry, "note", note);
  sim_log_json (sim.requests, entry);
}

/* Key chaining with `;` does not work on the touch models T57W, T48U,
 * T48S and T48G: one key per request [V] Yealink CP960 admin guide p. 446
 * (YCP960, vendors.md §8). What such a phone does with a chain is [U]:
 * here it executes none of its keys and answers 200. */
static gboolean
model_chains (void)
{
  static const char *const single[] = { "SIP-T48G", "SIP-T48S", "SIP-T48U", "SIP-T57W", NULL };

  if (sim.vendor != SIM_VENDOR_YEALINK)
    return TRUE;
  for (guint i = 0; single[i] != NULL; i++)
    if (g_ascii_strcasecmp (sim.model, single[i]) == 0)
      return FALSE;
  return TRUE;
}

static void
reboot_cb (gpointer user_data)
{
  sim_boot ();
}

static void
execute_key (const char *key)
{
  if (g_str_equal (key, "Reboot"))
    g_timeout_add_once (100, reboot_cb, NULL);
  else if (g_str_equal (key, "AutoP"))
    sim_provision (sim.provisioning_url, "autop");
  else if (g_str_equal (key, "DNDOn"))
    sim_fire_event ("dnd_on");
  else if (g_str_equal (key, "DNDOff"))
    sim_fire_event ("dnd_off");
  else if (g_str_equal (key, "DND"))
    sim_fire_event (sim.dnd ? "dnd_off" : "dnd_on");
}

/* Yealink `phonecfg=get[&accounts=x][&dnd=x][&fw=x]` [V]: firmware,
 * registration, DND. The reply's format is [U]: `name=value` lines here. */
static void
phonecfg_get (SoupServerMessage *msg)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, "model=%s\n", sim.model);
  g_string_append_printf (s, "fw=%s\n", sim.firmware);
  g_string_append_printf (s, "mac=%s\n", sim.mac_colon);
  g_string_append_printf (s, "dnd=%d\n", sim.dnd ? 1 : 0);
  g_string_append_printf (s, "account.1.status=%s\n",
                          sim_config_get ("account.1.user_name") ? "registered" : "disabled");
  set_text (msg, 200, "text/plain", s->str);
}

/* Yealink `phonecfg=set&name=value...`: third-party usage [U], e.g. to
 * point the phone at a provisioning server. Applied like a config line. */
static void
phonecfg_set (SoupServerMessage  *msg,
              char              **params,
              const char         *path,
              const char         *peer)
{
  for (guint i = 0; params[i] != NULL; i++)
    {
      char            *eq = strchr (params[i], '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (eq == NULL || g_str_has_prefix (params[i], "phonecfg="))
        continue;
      key = g_uri_unescape_segment (params[i], eq, NULL);
      value = g_uri_unescape_string (eq + 1, NULL);
      /* A key the firmware does not read is ignored; the answer is the
       * same (what a real phone answers is [U]). */
      if (key != NULL && value != NULL)
        sim_config_set (key, key, value, "phonecfg=set", NULL);
    }
  sim_cfg_apply_effects ();
  log_request (path, "phonecfg=set", 0, TRUE, NULL);
  log_key (path, "phonecfg=set", "phonecfg=set", peer, TRUE, NULL);
  set_text (msg, 200, "text/html", "<html><body>200 OK</body></html>\n");
}

static void
active_uri (SoupServerMessage *msg,
            const char        *path,
            const char        *peer)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_auto(GStrv) params = g_strsplit (query ? query : "", "&", -1);
  const char *keys = NULL;
  g_auto(GStrv) tokens = NULL;
  gboolean pending;
  gboolean chained;
  guint    n_keys = 0;

  if (sim.vendor == SIM_VENDOR_SNOM && g_str_equal (path, "/advanced_update.htm"))
    {
      /* snom reboot [V] SNOM-CMD. */
      if (query != NULL && strstr (query, "reboot=Reboot"))
        {
          log_request (path, "reboot=Reboot", 1, TRUE, NULL);
          log_key (path, "reboot=Reboot", "Reboot", peer, TRUE, NULL);
          g_timeout_add_once (100, reboot_cb, NULL);
        }
      set_text (msg, 200, "text/html", "<html><body>Rebooting...</body></html>");
      return;
    }

  for (guint i = 0; params[i] != NULL; i++)
    {
      if (g_str_has_prefix (params[i], "key="))
        keys = params[i] + 4;
      else if (sim.vendor == SIM_VENDOR_YEALINK && g_str_equal (params[i], "phonecfg=get"))
        {
          phonecfg_get (msg);
          return;
        }
      else if (sim.vendor == SIM_VENDOR_YEALINK && g_str_equal (params[i], "phonecfg=set"))
        {
          phonecfg_set (msg, params, path, peer);
          return;
        }
    }
  if (keys == NULL)
    {
      set_text (msg, 400, "text/plain", "Bad Request: no key\n");
      return;
    }

  /* The first request from a trusted address pops "Allow remote control?";
   * nothing happens until the user presses OK [V] Y-AG-T4x. What the HTTP
   * reply says meanwhile is [U]: 200 with this text here. Fanvil and snom
   * have no documented prompt [U]; the option applies to them alike. */
  pending = sim.prompt && !sim.prompt_confirmed;
  if (pending)
    sim.prompt_shown = TRUE;

  tokens = g_strsplit (keys, ";", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      n_keys++;
  chained = n_keys > 1 && !model_chains ();
  log_request (path, keys, n_keys, !pending && !chained,
               pending   ? "prompt"
               : chained ? "chained keys: this model takes one key per request"
                         : NULL);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *key = g_uri_unescape_string (tokens[i], NULL);
      char            *comma;

      if (key == NULL || *key == '\0')
        continue;
      /* snom KEYEVENT = Key[,TimeMs[,PauseMs]] [V] SNOM-CMD. */
      if (sim.vendor == SIM_VENDOR_SNOM && (comma = strchr (key, ',')) != NULL && key[0] != ',')
        *comma = '\0';
      if (pending)
        log_key (path, tokens[i], key, peer, FALSE, "prompt");
      else if (chained)
        log_key (path, tokens[i], key, peer, FALSE,
                 "chained keys: this model takes one key per request");
      else
        {
          log_key (path, tokens[i], key, peer, key_is_known (key),
                   key_is_known (key) ? NULL : "unknown key");
          if (key_is_known (key))
            execute_key (key);
        }
    }
  if (pending)
    set_text (msg, 200, "text/html",
              "<html><body>Allow Remote Control? Waiting for OK on the phone.</body></html>\n");
  else
    set_text (msg, 200, "text/html", "<html><body>200 OK</body></html>\n");
}

static gboolean
unpause_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  soup_server_message_unpause (msg);
  g_object_unref (msg);
  return G_SOURCE_REMOVE;
}

static void     rotate_https (void);
static gboolean digest_ok (SoupServerMessage *msg, const char *user, const char *password);
static void     digest_challenge (SoupServerMessage *msg);

static gboolean
rotate_cb (gpointer user_data)
{
  rotate_https ();
  return G_SOURCE_REMOVE;
}

/* Breaks the connection: garbage bytes, or a TCP reset (SO_LINGER 0). */
static void
break_connection (SoupServerMessage *msg,
                  gboolean           reset)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  g_autoptr(GIOStream) stream = NULL;

  if (reset && socket != NULL)
    {
      struct linger lin = { 1, 0 };

      setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &lin, sizeof lin);
    }
  stream = soup_server_message_steal_connection (msg);
  if (!reset)
    {
      static const char garbage[] = "\x89PNG\r\n\x1a\n\x00\x00garbage, not HTTP\xff\xfe\r\n\r\n";

      g_output_stream_write_all (g_io_stream_get_output_stream (stream), garbage,
                                 sizeof garbage - 1, NULL, NULL, NULL);
    }
  g_io_stream_close (stream, NULL, NULL);
}

/* Poly's push interface [V] Web Application for Polycom Phones, UC
 * Software 5.0.0 (3725-49106-001 Rev A) pp. 24-26: POST /push, every
 * request challenged with HTTP Digest, Content-Type
 * application/x-com-polycom-spipx, at most 2 KB, the body
 * <PolycomIPPhone><Data priority="Critical|Important|High|Normal">
 * with one Key:NAME a line (priority absent: Normal). The push user is
 * apps.push.username / apps.push.password once the phone has them, else
 * --user and the admin password [U]. The status codes of a wrong content
 * type (415), a body over 2 KB (413) and bad XML (400) are [U]; what the
 * phone does with apps.push.messageType 0 (push off) is not simulated. */
#define PUSH_MAX_BYTES    2048
#define PUSH_CONTENT_TYPE "application/x-com-polycom-spipx"

typedef struct
{
  gboolean root_ok;
  gboolean in_data;
  guint    depth;
  char    *priority;
  GString *data;
} PushParse;

static void
push_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  PushParse *pp = user_data;

  pp->depth++;
  if (pp->depth == 1)
    {
      pp->root_ok = g_str_equal (element, "PolycomIPPhone");
      return;
    }
  if (pp->depth == 2 && g_str_equal (element, "Data"))
    {
      pp->in_data = TRUE;
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "priority") && pp->priority == NULL)
          pp->priority = g_strdup (values[i]);
    }
}

static void
push_end (GMarkupParseContext  *context,
          const char           *element,
          gpointer              user_data,
          GError              **error)
{
  PushParse *pp = user_data;

  if (pp->depth == 2)
    pp->in_data = FALSE;
  pp->depth--;
}

static void
push_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 len,
           gpointer              user_data,
           GError              **error)
{
  PushParse *pp = user_data;

  if (pp->in_data)
    g_string_append_len (pp->data, text, len);
}

static void
poly_push (SoupServerMessage *msg,
           const char        *path,
           const char        *peer)
{
  static const GMarkupParser parser = { push_start, push_end, push_text, NULL, NULL };
  static const char *const   priorities[] = { "Critical", "Important", "High", "Normal", NULL };
  SoupMessageHeaders        *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody           *body = soup_server_message_get_request_body (msg);
  const char                *user = sim_config_get ("apps.push.username");
  const char                *password = sim_config_get ("apps.push.password");
  const char                *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  PushParse   pp = { 0 };
  const char *priority;
  guint       n_keys = 0;
  gboolean    ok;

  if (user == NULL || *user == '\0')
    user = sim.user, password = sim.password;
  if (!digest_ok (msg, user, password ? password : ""))
    {
      digest_challenge (msg);
      return;
    }
  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                    "POST");
      set_text (msg, 405, "text/plain", "Method Not Allowed\n");
      return;
    }
  if (type == NULL || g_ascii_strcasecmp (type, PUSH_CONTENT_TYPE) != 0)
    {
      set_text (msg, 415, "text/plain", "Unsupported Media Type\n");
      return;
    }
  bytes = soup_message_body_flatten (body);
  if (g_bytes_get_size (bytes) > PUSH_MAX_BYTES)
    {
      set_text (msg, 413, "text/plain", "Request Entity Too Large\n");
      return;
    }
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  pp.data = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, &pp, NULL);
  ok = g_utf8_validate (text, -1, NULL) && g_markup_parse_context_parse (context, text, -1, NULL) &&
       g_markup_parse_context_end_parse (context, NULL) && pp.root_ok;
  if (!ok)
    {
      g_free (pp.priority);
      g_string_free (pp.data, TRUE);
      g_message ("push: %" G_GSIZE_FORMAT " bytes, not a PolycomIPPhone document",
                 g_bytes_get_size (bytes));
      set_text (msg, 400, "text/plain", "Bad Request: not a PolycomIPPhone document\n");
      return;
    }
  /* Another or no priority: Normal (p. 25; the SIP 3.1 guide says the
   * same of other values [U]). */
  priority =
    pp.priority != NULL && g_strv_contains (priorities, pp.priority) ? pp.priority : "Normal";
  lines = g_strsplit (pp.data->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strstrip (lines[i]), "Key:") && lines[i][4] != '\0')
      n_keys++;
  log_request (path, priority, n_keys, TRUE, NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *key = lines[i] + 4;

      if (!g_str_has_prefix (lines[i], "Key:") || *key == '\0')
        continue;
      log_key (path, lines[i], key, peer, key_is_known (key),
               key_is_known (key) ? NULL : "unknown key");
    }
  g_free (pp.priority);
  g_string_free (pp.data, TRUE);
  set_text (msg, 200, "text/html",
            "<html><body>Push Message will be displayed successfully</body></html>\n");
}

static void
handle_sim (SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query)
{
  const char *name = query ? g_hash_table_lookup (query, "name") : NULL;

  if (g_str_equal (path, "/__sim/state"))
    {
      g_autofree char *json = sim_state_dup_json ();

      set_text (msg, 200, "application/json", json);
      return;
    }
  if (g_str_equal (path, "/__sim/confirm"))
    {
      sim.prompt_confirmed = TRUE;
      sim_save_state ();
      set_text (msg, 200, "text/plain", "confirmed\n");
      return;
    }
  if (g_str_equal (path, "/__sim/event") && name != NULL)
    {
      sim_fire_event (name);
      set_text (msg, 200, "text/plain", "fired\n");
      return;
    }
  if (g_str_equal (path, "/__sim/reboot"))
    {
      g_timeout_add_once (10, reboot_cb, NULL);
      set_text (msg, 200, "text/plain", "rebooting\n");
      return;
    }
  if (g_str_equal (path, "/__sim/rotate-cert"))
    {
      g_idle_add (rotate_cb, NULL);
      set_text (msg, 200, "text/plain", "rotating\n");
      return;
    }
  if (g_str_equal (path, "/__sim/quit"))
    {
      g_main_loop_quit (sim.loop);
      set_text (msg, 200, "text/plain", "bye\n");
      return;
    }
  set_text (msg, 404, "text/plain", "no such control\n");
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  const char *peer = soup_server_message_get_remote_host (msg);

  if (g_str_has_prefix (path, "/__sim/"))
    {
      handle_sim (msg, path, query);
      return;
    }

  /* A slow phone answers late; the fault applies once per request. */
  if (sim.fault == SIM_FAULT_SLOW && g_object_get_data (G_OBJECT (msg), "slowed") == NULL)
    {
      g_object_set_data (G_OBJECT (msg), "slowed", GINT_TO_POINTER (1));
      soup_server_message_pause (msg);
      /* The answer below is sent when the message is unpaused. */
      g_timeout_add (sim.slow_ms, unpause_cb, g_object_ref (msg));
    }
  switch (sim.fault)
    {
    case SIM_FAULT_DROP:
      /* Never answers; the connection stays open until the client gives up. */
      g_object_ref (msg);
      soup_server_message_pause (msg);
      return;
    case SIM_FAULT_500:
      set_text (msg, 500, "text/html", "<html><body>500 Internal Server Error</body></html>\n");
      return;
    case SIM_FAULT_GARBAGE:
      break_connection (msg, FALSE);
      return;
    case SIM_FAULT_RESET:
      break_connection (msg, TRUE);
      return;
    case SIM_FAULT_TLS_CHANGED:
      if (server == https_server && !https_rotated)
        {
          https_rotated = TRUE;
          g_timeout_add (50, rotate_cb, NULL);
        }
      break;
    case SIM_FAULT_NONE:
    case SIM_FAULT_SLOW:
    default:
      break;
    }

  if (g_strv_contains (active_uri_paths (), path) || (sim.vendor == SIM_VENDOR_SNOM && sim.digest))
    {
      if (!ip_allowed (peer))
        {
          /* 403 from an address outside the allowed list [3P] (Yealink). */
          set_text (msg, 403, "text/html", "<html><body>403 Forbidden</body></html>\n");
          return;
        }
      if (sim.digest && !digest_ok (msg, sim.user, sim.password))
        {
          digest_challenge (msg);
          return;
        }
    }
  if (g_strv_contains (active_uri_paths (), path))
    {
      active_uri (msg, path, peer);
      return;
    }
  if (sim.vendor == SIM_VENDOR_POLY && g_str_has_prefix (path, "/api/"))
    {
      sim_rest_handle (msg, path);
      return;
    }
  if (sim.vendor == SIM_VENDOR_POLY && g_str_equal (path, "/push"))
    {
      if (!ip_allowed (peer))
        {
          set_text (msg, 403, "text/html", "<html><body>403 Forbidden</body></html>\n");
          return;
        }
      poly_push (msg, path, peer);
      return;
    }
  if (g_str_equal (path, "/") || g_str_equal (path, "/index.htm") ||
      g_str_equal (path, "/index.html"))
    {
      g_autofree char *t = title ();
      g_autofree char *page =
        g_strdup_printf ("<!DOCTYPE html>\n<html><head><title>%s</title></head>"
                         "<body><form method=\"post\" action=\"/servlet?p=login\">"
                         "<input name=\"username\"><input name=\"pwd\" type=\"password\">"
                         "</form></body></html>\n",
                         t);

      set_text (msg, 200, "text/html", page);
      return;
    }
  set_text (msg, 404, "text/html", "<html><body>404 Not Found</body></html>\n");
}

static gboolean
basic_cb (SoupAuthDomain    *domain,
          SoupServerMessage *msg,
          const char        *username,
          const char        *password,
          gpointer           user_data)
{
  return g_strcmp0 (username, sim.user) == 0 && g_strcmp0 (password, sim.password) == 0;
}

static char *
md5_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_MD5, text, -1);
}

/* RFC 2617 Digest (MD5, qop=auth), checked here rather than with
 * SoupAuthDomainDigest: libsoup 3.2 compares the unescaped "uri" parameter
 * with the escaped request path, so any %XX in the query (snom's %23) would
 * fail, which a phone does not do. */
static gboolean
digest_ok (SoupServerMessage *msg,
           const char        *want_user,
           const char        *want_password)
{
  const char *header =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *r = realm ();
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *ha1 = NULL;
  g_autofree char *ha2 = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *full = NULL;
  g_autofree char *raw = NULL;
  const char      *user, *uri, *nonce, *nc, *cnonce, *qop, *response;
  GUri            *request_uri = soup_server_message_get_uri (msg);

  if (header == NULL || g_ascii_strncasecmp (header, "Digest ", 7) != 0)
    return FALSE;
  params = soup_header_parse_param_list (header + 7);
  user = g_hash_table_lookup (params, "username");
  uri = g_hash_table_lookup (params, "uri");
  nonce = g_hash_table_lookup (params, "nonce");
  nc = g_hash_table_lookup (params, "nc");
  cnonce = g_hash_table_lookup (params, "cnonce");
  qop = g_hash_table_lookup (params, "qop");
  response = g_hash_table_lookup (params, "response");
  if (user == NULL || uri == NULL || nonce == NULL || response == NULL ||
      g_strcmp0 (user, want_user) != 0)
    return FALSE;
  raw = g_strdup_printf ("%s%s%s", g_uri_get_path (request_uri),
                         g_uri_get_query (request_uri) ? "?" : "",
                         g_uri_get_query (request_uri) ? g_uri_get_query (request_uri) : "");
  if (!g_str_equal (uri, raw))
    return FALSE;
  a1 = g_strdup_printf ("%s:%s:%s", user, r, want_password);
  a2 = g_strdup_printf ("%s:%s", soup_server_message_get_method (msg), uri);
  ha1 = md5_hex (a1);
  ha2 = md5_hex (a2);
  if (qop != NULL)
    full = g_strdup_printf ("%s:%s:%s:%s:%s:%s", ha1, nonce, nc ? nc : "", cnonce ? cnonce : "",
                            qop, ha2);
  else
    full = g_strdup_printf ("%s:%s:%s", ha1, nonce, ha2);
  expected = md5_hex (full);
  return g_ascii_strcasecmp (expected, response) == 0;
}

static void
digest_challenge (SoupServerMessage *msg)
{
  g_autofree char *r = realm ();
  g_autofree char *challenge =
    g_strdup_printf ("Digest realm=\"%s\", nonce=\"%08x%08x\", qop=\"auth\", algorithm=MD5", r,
                     g_random_int (), g_random_int ());

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "WWW-Authenticate",
                                challenge);
  set_text (msg, 401, "text/html", "<html><body>401 Unauthorized</body></html>\n");
}

/* Auth is asked only of addresses on the allowed list: the others get 403
 * from the handler without a challenge. */
static gboolean
auth_filter (SoupAuthDomain    *domain,
             SoupServerMessage *msg,
             gpointer           user_data)
{
  return ip_allowed (soup_server_message_get_remote_host (msg));
}

static void
add_auth (SoupServer *server)
{
  g_autoptr(SoupAuthDomain) domain = NULL;
  g_autofree char *r = realm ();

  if (sim.digest)
    return; /* see digest_ok () */
  domain = soup_auth_domain_basic_new ("realm", r, NULL);
  soup_auth_domain_basic_set_auth_callback (domain, basic_cb, NULL, NULL);
  for (const char *const *p = active_uri_paths (); *p != NULL; p++)
    soup_auth_domain_add_path (domain, *p);
  /* snom protects its whole web UI with HTTP auth [V] SNOM-CMD. */
  if (sim.vendor == SIM_VENDOR_SNOM)
    soup_auth_domain_add_path (domain, "/");
  soup_auth_domain_remove_path (domain, "/__sim");
  soup_auth_domain_set_filter (domain, auth_filter, NULL, NULL);
  soup_server_add_auth_domain (server, domain);
}

static SoupServer *
new_server (GTlsCertificate *cert)
{
  SoupServer *server =
    soup_server_new ("server-header", server_header (), "tls-certificate", cert, NULL);

  add_auth (server);
  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  return server;
}

static gboolean
listen_on (SoupServer  *server,
           guint16     *port,
           GError     **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (sim.address);
  g_autoptr(GSocketAddress) address = NULL;
  GSList *uris;

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address",
                   sim.address);
      return FALSE;
    }
  address = g_inet_socket_address_new (inet, *port);
  if (!soup_server_listen (server, address,
                           soup_server_get_tls_certificate (server) ? SOUP_SERVER_LISTEN_HTTPS : 0,
                           error))
    return FALSE;
  uris = soup_server_get_uris (server);
  if (uris != NULL)
    *port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return TRUE;
}

static GTlsCertificate *
load_cert (const char  *cert,
           const char  *key,
           GError     **error)
{
  return g_tls_certificate_new_from_files (cert, key, error);
}

/* The phone's certificate changes (a factory reset, a new firmware): the
 * HTTPS server comes back on the same port with the other certificate. */
static void
rotate_https (void)
{
  g_autoptr(GTlsCertificate) cert = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port = sim.https_port;

  if (https_server == NULL || sim.tls_cert2 == NULL)
    return;
  cert = load_cert (sim.tls_cert2, sim.tls_key2 ? sim.tls_key2 : sim.tls_cert2, &error);
  if (cert == NULL)
    {
      g_warning ("rotate: %s", error->message);
      return;
    }
  soup_server_disconnect (https_server);
  g_clear_object (&https_server);
  https_server = new_server (cert);
  if (!listen_on (https_server, &port, &error))
    g_warning ("rotate: %s", error->message);
  else
    g_message ("HTTPS certificate changed");
}

gboolean
sim_http_start (GError **error)
{
  sim.http = new_server (NULL);
  if (!listen_on (sim.http, &sim.http_port, error))
    return FALSE;
  if (sim.tls_cert != NULL)
    {
      g_autoptr(GTlsCertificate) cert =
                   load_cert (sim.tls_cert, sim.tls_key ? sim.tls_key : sim.tls_cert, error);

      if (cert == NULL)
        return FALSE;
      https_server = new_server (cert);
      if (!listen_on (https_server, &sim.https_port, error))
        return FALSE;
    }
  return TRUE;
}
