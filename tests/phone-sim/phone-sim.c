/* phone-sim.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * phoneset-phone-sim: a simulated IP phone (Yealink, Fanvil / PLANET, snom,
 * Poly, Grandstream) for the tests and the demo. It answers SIP OPTIONS with the vendor's
 * User-Agent, serves the vendor's web identity and Active URI, sends the SIP
 * PnP SUBSCRIBE at boot, fetches and applies its configuration, and sends
 * Action URL requests on events. See `phoneset-phone-sim --help`.
 *
 * What a real phone does where the vendors' documents are silent is marked
 * [U] (unconfirmed) here, as in ../shared/reference/vendors.md.
 */

#define G_LOG_DOMAIN "phone-sim"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <sys/prctl.h>
#include <stdio.h>
#include <string.h>

#include "phone-sim.h"
#include "phoneset-mac.h"

Sim sim;

const char *
sim_vendor_name (void)
{
  switch (sim.vendor)
    {
    case SIM_VENDOR_YEALINK:
      return "yealink";
    case SIM_VENDOR_FANVIL:
      return "fanvil";
    case SIM_VENDOR_SNOM:
      return "snom";
    case SIM_VENDOR_POLY:
      return "poly";
    case SIM_VENDOR_GRANDSTREAM:
      return "grandstream";
    default:
      g_assert_not_reached ();
    }
}

/* The SIP User-Agent, as the phones send it (vendors.md §6, §1.2, §2.1):
 * "Yealink SIP-T46G 28.72.0.1", "Fanvil X4 2.10.2.6887",
 * "PLANET VIP-2140PT 2.0.3.2991", "snomD785/10.1.33.33". */
/* Poly's product and model as its User-Agent spells them:
 * "PolycomVVX-VVX_450-UA/6.4.3.5018" [T] (wazo-platform/wazo-provd-plugins
 * @2321a3f3:plugins/wazo_polycom/common/common.py:43, which sees
 * "FileTransport PolycomVVX-VVX_450-UA/…" over HTTP); the SoundStation IP
 * (SSIP_7000), SoundPoint IP (SPIP_650) and Trio (Trio_8800) forms follow
 * the profile's pattern [U]. */
static char *
poly_ua_product (void)
{
  const char *families[][3] = {
    /* model prefix, product, model prefix in the User-Agent */
    { "SoundStation IP ", "PolycomSoundStationIP", "SSIP_" },
    { "SoundPoint IP ", "PolycomSoundPointIP", "SPIP_" },
    { "Trio ", "PolycomRealPresenceTrio", "Trio_" },
    { "VVX ", "PolycomVVX", "VVX_" },
  };
  g_autofree char *model = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (g_str_has_prefix (sim.model, families[i][0]))
      return g_strdup_printf ("%s-%s%s", families[i][1], families[i][2],
                              sim.model + strlen (families[i][0]));
  model = g_strdelimit (g_strdup (sim.model), " ", '_');
  return g_strdup_printf ("PolycomVVX-%s", model);
}

char *
sim_sip_user_agent (void)
{
  if (sim.vendor == SIM_VENDOR_SNOM)
    return g_strdup_printf ("snom%s/%s", sim.model, sim.firmware);
  if (sim.vendor == SIM_VENDOR_POLY)
    {
      g_autofree char *product = poly_ua_product ();

      return g_strdup_printf ("%s-UA/%s", product, sim.firmware);
    }
  /* Grandstream "Grandstream GXP2170 1.0.9.135" [U] (the profile's note). */
  return g_strdup_printf ("%s %s %s", sim.brand, sim.model, sim.firmware);
}

/* The User-Agent of provisioning fetches, which names model, firmware and
 * MAC: Yealink "Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37" [T] WAZO-Y;
 * Fanvil "Fanvil X4 2.10.2.6887 0c383e07e16c" [T] WAZO-F (PLANET assumed the
 * same [U]); snom "Mozilla/4.0 (compatible; snomD785-SIP 10.1.33.33)" [U]
 * with the MAC appended in parentheses [U]; Poly
 * "FileTransport PolycomVVX-VVX_450-UA/6.4.3.5018" [T] WAZO (common.py:43);
 * Grandstream "Grandstream Model HW GXP2170 SW 1.0.9.135 DevId 000b82…" [T]
 * (wazo_grandstream/common/common.py:59-70). */
char *
sim_http_user_agent (void)
{
  switch (sim.vendor)
    {
    case SIM_VENDOR_YEALINK:
      return g_strdup_printf ("Yealink %s %s %s", sim.model, sim.firmware, sim.mac_colon);
    case SIM_VENDOR_FANVIL:
      return g_strdup_printf ("%s %s %s %s", sim.brand, sim.model, sim.firmware, sim.mac_bare);
    case SIM_VENDOR_SNOM:
      return g_strdup_printf ("Mozilla/4.0 (compatible; snom%s-SIP %s; %s)", sim.model,
                              sim.firmware, sim.mac_bare);
    case SIM_VENDOR_POLY:
      {
        g_autofree char *product = poly_ua_product ();

        return g_strdup_printf ("FileTransport %s-UA/%s", product, sim.firmware);
      }
    case SIM_VENDOR_GRANDSTREAM:
      return g_strdup_printf ("Grandstream Model HW %s SW %s DevId %s", sim.model, sim.firmware,
                              sim.mac_bare);
    default:
      g_assert_not_reached ();
    }
}

void
sim_log_json (JsonArray  *array,
              JsonObject *object)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  json_object_set_string_member (object, "time", g_date_time_format_iso8601 (now));
  json_array_add_object_element (array, object);
  sim_save_state ();
}

const char *
sim_config_get (const char *key)
{
  return g_hash_table_lookup (sim.config, key);
}

static JsonNode *
state_to_json (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *sip_ua = sim_sip_user_agent ();
  g_autofree char *http_ua = sim_http_user_agent ();
  g_autoptr(GList) keys = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "vendor");
  json_builder_add_string_value (b, sim_vendor_name ());
  json_builder_set_member_name (b, "brand");
  json_builder_add_string_value (b, sim.brand);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, sim.model);
  json_builder_set_member_name (b, "firmware");
  json_builder_add_string_value (b, sim.firmware);
  json_builder_set_member_name (b, "mac");
  json_builder_add_string_value (b, sim.mac_colon);
  json_builder_set_member_name (b, "address");
  json_builder_add_string_value (b, sim.address);
  json_builder_set_member_name (b, "http_port");
  json_builder_add_int_value (b, sim.http_port);
  json_builder_set_member_name (b, "sip_port");
  json_builder_add_int_value (b, sim.http_only ? 0 : sim.sip_port);
  json_builder_set_member_name (b, "https_port");
  json_builder_add_int_value (b, sim.https_port);
  json_builder_set_member_name (b, "sip_user_agent");
  json_builder_add_string_value (b, sip_ua);
  json_builder_set_member_name (b, "http_user_agent");
  json_builder_add_string_value (b, http_ua);
  json_builder_set_member_name (b, "boots");
  json_builder_add_int_value (b, sim.boots);
  json_builder_set_member_name (b, "dnd");
  json_builder_add_boolean_value (b, sim.dnd);
  json_builder_set_member_name (b, "prompt_pending");
  json_builder_add_boolean_value (b, sim.prompt && sim.prompt_shown && !sim.prompt_confirmed);
  json_builder_set_member_name (b, "provisioning_url");
  json_builder_add_string_value (b, sim.provisioning_url);
  json_builder_set_member_name (b, "pnp_answered");
  json_builder_add_boolean_value (b, sim.pnp_answered);
  /* The key list the firmware reads: its file, and whether it was there
   * (else every key is applied). */
  json_builder_set_member_name (b, "firmware_keys");
  if (sim.firmware_keys_file != NULL)
    json_builder_add_string_value (b, sim.firmware_keys_file);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "firmware_keys_loaded");
  json_builder_add_boolean_value (b, sim.firmware_keys != NULL);
  json_builder_set_member_name (b, "config");
  json_builder_begin_object (b);
  keys = g_list_sort (g_hash_table_get_keys (sim.config), (GCompareFunc)g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (b, l->data);
      json_builder_add_string_value (b, g_hash_table_lookup (sim.config, l->data));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "keys");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), sim.keys));
  json_builder_set_member_name (b, "fetches");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), sim.fetches));
  json_builder_set_member_name (b, "events");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), sim.events));
  json_builder_set_member_name (b, "sip");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), sim.sip_log));
  json_builder_set_member_name (b, "requests");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), sim.requests));
  json_builder_set_member_name (b, "ignored");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), sim.ignored));
  sim_stun_add_state (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

char *sim_state_dup_json (void);

char *
sim_state_dup_json (void)
{
  g_autoptr(JsonNode) root = state_to_json ();

  return json_to_string (root, TRUE);
}

/* Writes state.json in the state directory (atomically), for the tests. */
void
sim_save_state (void)
{
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;

  if (sim.state_dir == NULL)
    return;
  text = sim_state_dup_json ();
  path = g_build_filename (sim.state_dir, "state.json", NULL);
  g_file_set_contents (path, text, -1, NULL);
}

/* Expands the URL macros the phones know: PLANET/Fanvil `$mac`, snom
 * `{mac}`, Panasonic-style `{MAC}` (vendors.md §5). */
static char *
expand_url (const char *url)
{
  g_autoptr(GString) s = g_string_new (url);
  g_autofree char *upper = g_ascii_strup (sim.mac_bare, -1);

  g_string_replace (s, "$mac", sim.mac_bare, 0);
  g_string_replace (s, "$MAC", upper, 0);
  g_string_replace (s, "{mac}", sim.mac_bare, 0);
  g_string_replace (s, "{MAC}", upper, 0);
  if (sim.vendor == SIM_VENDOR_POLY || sim.vendor == SIM_VENDOR_GRANDSTREAM)
    {
      /* Poly's server address and Grandstream's Config Server Path name a
       * folder, in which the phone asks for its own files [T] (the
       * profiles' notes). A URL to a .cfg or .xml file is taken as that
       * file (for the tests [U]). */
      const char *slash = strrchr (s->str, '/');
      const char *last = slash ? slash + 1 : s->str;

      if (g_str_has_suffix (last, ".cfg") || g_str_has_suffix (last, ".xml"))
        return g_string_free (g_steal_pointer (&s), FALSE);
      if (!g_str_has_suffix (s->str, "/"))
        g_string_append_c (s, '/');
      if (sim.vendor == SIM_VENDOR_POLY)
        g_string_append_printf (s, "%s.cfg", sim.mac_bare);
      else
        g_string_append_printf (s, "cfg%s.xml", sim.mac_bare);
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  if (g_str_has_suffix (s->str, "/"))
    {
      /* A directory: the phone asks for its MAC file there. snom's name is
       * [U]; Yealink and Fanvil use <mac>.cfg [T]. */
      if (sim.vendor == SIM_VENDOR_SNOM)
        g_string_append_printf (s, "%s.xml", upper);
      else
        g_string_append_printf (s, "%s.cfg", sim.mac_bare);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef struct
{
  char        *url;
  char        *why;
  GPtrArray   *next;     /* URLs fetched after this one, in order (the MAC
                          * file after the common file; Poly's CONFIG_FILES) */
  char        *fallback; /* Poly: fetched instead on 404 (000000000000.cfg) */
  gboolean     master;   /* Poly: a master file, whose CONFIG_FILES follow */
  GHashTable  *round;    /* Poly: the keys the round's earlier files set */
  SoupMessage *msg;
} Fetch;

static void fetch_send (Fetch *f);

static Fetch *
fetch_new (char       *url,
           const char *why)
{
  Fetch *f = g_new0 (Fetch, 1);

  f->url = url;
  f->why = g_strdup (why);
  f->next = g_ptr_array_new_with_free_func (g_free);
  return f;
}

static void
fetch_free (Fetch *f)
{
  g_free (f->url);
  g_free (f->why);
  g_ptr_array_unref (f->next);
  g_free (f->fallback);
  g_clear_pointer (&f->round, g_hash_table_unref);
  g_clear_object (&f->msg);
  g_free (f);
}

/* The fetch after @f: the next URL of its list, with the rest. */
static void
fetch_next (Fetch *f)
{
  Fetch *n;

  if (f->next->len == 0)
    return;
  n = fetch_new (g_strdup (g_ptr_array_index (f->next, 0)), f->why);
  for (guint i = 1; i < f->next->len; i++)
    g_ptr_array_add (n->next, g_strdup (g_ptr_array_index (f->next, i)));
  n->round = f->round ? g_hash_table_ref (f->round) : NULL;
  fetch_send (n);
}

/* Poly: the master file's CONFIG_FILES, fetched from the master's folder
 * in order, [PHONE_MAC_ADDRESS] replaced by the MAC in lower case [T]
 * (the profile's note). Returns whether @data is a master file. */
static gboolean
poly_master (Fetch      *f,
             const char *data,
             gsize       len,
             JsonObject *entry)
{
  g_auto(GStrv) files = sim_cfg_poly_config_files (data, len);
  const char      *slash = strrchr (f->url, '/');
  g_autofree char *folder = g_strndup (f->url, slash ? slash - f->url + 1 : 0);
  JsonArray       *listed;

  if (files == NULL)
    return FALSE;
  listed = json_array_new ();
  for (guint i = files ? g_strv_length (files) : 0; i > 0; i--)
    {
      g_autoptr(GString) name = g_string_new (files[i - 1]);

      g_string_replace (name, "[PHONE_MAC_ADDRESS]", sim.mac_bare, 0);
      g_ptr_array_insert (f->next, 0,
                          strstr (name->str, "://") ? g_strdup (name->str)
                                                    : g_strconcat (folder, name->str, NULL));
    }
  for (guint i = 0; files[i] != NULL; i++)
    json_array_add_string_element (listed, files[i]);
  json_object_set_array_member (entry, "config_files", listed);
  g_clear_pointer (&f->round, g_hash_table_unref);
  f->round = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return TRUE;
}

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fetch *f = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body =
               soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  JsonObject *entry = json_object_new ();
  guint       status = soup_message_get_status (f->msg);

  json_object_set_string_member (entry, "url", f->url);
  json_object_set_string_member (entry, "why", f->why);
  json_object_set_int_member (entry, "status", error ? 0 : status);
  if (error != NULL)
    json_object_set_string_member (entry, "error", error->message);
  else if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      gsize       len = 0;
      const char *data = g_bytes_get_data (body, &len);
      g_autoptr(GError) apply_error = NULL;
      const char *ext =
        sim.vendor == SIM_VENDOR_SNOM || sim.vendor == SIM_VENDOR_GRANDSTREAM ? "xml" : "cfg";
      g_autofree char *name = g_strdup_printf ("config.%s", ext);
      JsonArray       *ignored = json_array_new ();

      json_object_set_int_member (entry, "bytes", len);
      if (f->master && poly_master (f, data ? data : "", len, entry))
        {
          /* The master file names files and sets nothing. */
          json_object_set_boolean_member (entry, "master", TRUE);
          json_object_set_boolean_member (entry, "applied", TRUE);
        }
      else
        {
          /* The file is kept verbatim for the tests. */
          if (sim.state_dir != NULL)
            {
              g_autofree char *path = g_build_filename (sim.state_dir, name, NULL);

              g_file_set_contents (path, data ? data : "", len, NULL);
            }
          sim.round_keys = f->round;
          if (sim_cfg_apply (data ? data : "", len, ignored, &apply_error))
            json_object_set_boolean_member (entry, "applied", TRUE);
          else
            {
              json_object_set_boolean_member (entry, "applied", FALSE);
              json_object_set_string_member (entry, "error", apply_error->message);
            }
          sim.round_keys = NULL;
        }
      /* The keys of the file the firmware does not read (--firmware). */
      json_object_set_array_member (entry, "ignored", ignored);
    }
  g_message ("fetched %s (%s): %s", f->url, f->why,
             error ? error->message : soup_status_get_phrase (status));
  sim_log_json (sim.fetches, entry);
  if (error == NULL && status == SOUP_STATUS_NOT_FOUND && f->fallback != NULL)
    {
      /* Poly: no <mac>.cfg, then the common master file [T]. */
      Fetch *n = fetch_new (g_steal_pointer (&f->fallback), f->why);

      n->master = TRUE;
      fetch_send (n);
    }
  else
    fetch_next (f);
  fetch_free (f);
}

/* Fetches the configuration from @url (HTTP), with the vendor's User-Agent,
 * and applies it. */
void
sim_provision (const char *url,
               const char *why)
{
  g_autofree char *url_expanded = NULL;
  char            *slash;
  Fetch           *f;

  if (url == NULL || *url == '\0')
    {
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "why", why);
      json_object_set_string_member (entry, "error", "no provisioning URL");
      sim_log_json (sim.fetches, entry);
      return;
    }
  url_expanded = expand_url (url);
  slash = strrchr (url_expanded, '/');
  if (sim.vendor == SIM_VENDOR_POLY)
    {
      /* <mac>.cfg, else 000000000000.cfg: a master file [T]. */
      f = fetch_new (g_strdup (url_expanded), why);
      f->master = TRUE;
      if (slash != NULL && g_str_equal (slash + 1, "000000000000.cfg") == FALSE)
        f->fallback =
          g_strdup_printf ("%.*s000000000000.cfg", (int)(slash - url_expanded + 1), url_expanded);
      fetch_send (f);
      return;
    }
  /* --common-file: the common file first, from the same folder, as
   * Yealink phones do with a folder URL and Fanvil/PLANET with “Download
   * CommonConf” on; then the phone's own file. */
  if (sim.common_file != NULL && slash != NULL && slash > url_expanded && slash[-1] != '/')
    {
      g_autofree char *folder = g_strndup (url_expanded, slash - url_expanded + 1);

      f = fetch_new (g_strconcat (folder, sim.common_file, NULL), why);
      g_ptr_array_add (f->next, g_steal_pointer (&url_expanded));
    }
  else
    f = fetch_new (g_steal_pointer (&url_expanded), why);
  fetch_send (f);
}

static void
fetch_send (Fetch *f)
{
  f->msg = soup_message_new ("GET", f->url);
  if (f->msg == NULL)
    {
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "url", f->url);
      json_object_set_string_member (entry, "why", f->why);
      json_object_set_string_member (entry, "error", "bad URL");
      sim_log_json (sim.fetches, entry);
      fetch_free (f);
      return;
    }
  soup_session_send_and_read_async (sim.client, f->msg, G_PRIORITY_DEFAULT, NULL, fetch_cb, f);
}

/* The Action URL variables (seed 003 ch.4; Yealink vendors.md §1.3). The
 * call data are made up: the simulator has no calls. */
static char *
expand_action_url (const char *url)
{
  const char *vars[][2] = {
    { "$display_remote", "Bob" },   { "$display_local", "Alice" },
    { "$active_url", NULL },        { "$active_user", "1001" },
    { "$active_host", NULL },       { "$firmware", sim.firmware },
    { "$call_id", "4f1a2b3c@sim" }, { "$remote", "sip:2002@pbx.example" },
    { "$model", sim.model },        { "$local", "sip:1001@pbx.example" },
    { "$mac", sim.mac_bare },       { "$ip", sim.address },
  };
  g_autofree char *active_url = g_strdup_printf ("sip:1001@%s", sim.address);
  GString         *s = g_string_new (NULL);

  for (const char *p = url; *p != '\0';)
    {
      gboolean done = FALSE;

      if (*p == '$')
        for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
          {
            gsize            n = strlen (vars[i][0]);
            const char      *value = vars[i][1];
            g_autofree char *escaped = NULL;

            if (g_ascii_strncasecmp (p, vars[i][0], n) != 0)
              continue;
            if (g_str_equal (vars[i][0], "$active_url"))
              value = active_url;
            else if (g_str_equal (vars[i][0], "$active_host"))
              value = sim.address;
            escaped = g_uri_escape_string (value, NULL, FALSE);
            g_string_append (s, escaped);
            p += n;
            done = TRUE;
            break;
          }
      if (!done)
        g_string_append_c (s, *p++);
    }
  return g_string_free (s, FALSE);
}

/* The configuration key of an event's Action URL, per vendor. Yealink
 * `action_url.<event>` [T]; Fanvil `<CTI CONFIG MODULE>` names [T] F-X3U;
 * snom `action_*_url` names [U]; Grandstream P-values [T] (the
 * grandstream-gxp profile's action_url.* keys, FusionPBX's templates). Poly
 * has none in its profile: `action_url.<event>` [U]. */
static const char *
event_key (const char *event)
{
  static const char *map[][4] = {
    /* event, Fanvil, snom, Grandstream */
    { "setup_completed", "Boot Completed Url", "action_setup_url", "P8304" },
    { "log_on", "Reg On Url", "action_reg_on_url", "P8305" },
    { "log_off", "Reg Off Url", "action_reg_off_url", "P8306" },
    { "register_failed", "Reg Failed Url", "action_reg_failed_url", "" },
    { "off_hook", "Offhook Url", "action_offhook_url", "P8308" },
    { "on_hook", "Onhook Uri", "action_onhook_url", "P8309" },
    { "incoming_call", "Incoming Call Url", "action_incoming_url", "P8310" },
    { "outgoing_call", "Outgoing Call Url", "action_outgoing_url", "P8311" },
    { "call_established", "Call Active Url", "action_connected_url", "P8313" },
    { "call_terminated", "Call Stop Url", "action_disconnected_url", "P8314" },
    { "dnd_on", "DND On Url", "action_dnd_on_url", "P8316" },
    { "dnd_off", "DND Off Url", "action_dnd_off_url", "P8317" },
    { "mute", "Mute On Url", "action_mute_on_url", "" },
    { "unmute", "Mute Off Url", "action_mute_off_url", "" },
    { "hold", "Hold On Url", "action_hold_url", "P8324" },
    { "unhold", "Hold Off Url", "action_unhold_url", "P8325" },
    { "missed_call", "New Missed call Url", "action_missed_url", "P8312" },
    { "ip_change", "IP Change Url", "action_ip_change_url", "" },
  };
  static char buf[128];

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i][0], event))
      {
        if (sim.vendor == SIM_VENDOR_FANVIL)
          return map[i][1];
        if (sim.vendor == SIM_VENDOR_SNOM)
          return map[i][2];
        if (sim.vendor == SIM_VENDOR_GRANDSTREAM && *map[i][3] != '\0')
          return map[i][3];
      }
  g_snprintf (buf, sizeof buf, "action_url.%s", event);
  return buf;
}

static void
event_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SoupMessage) msg = user_data;
  g_autoptr(GError) error = NULL;
  GBytes          *body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  JsonObject      *entry = json_object_new ();
  g_autofree char *url = g_uri_to_string (soup_message_get_uri (msg));

  g_clear_pointer (&body, g_bytes_unref);

  json_object_set_string_member (entry, "event", g_object_get_data (G_OBJECT (msg), "event"));
  json_object_set_string_member (entry, "url", url);
  json_object_set_int_member (entry, "status", error ? 0 : soup_message_get_status (msg));
  if (error != NULL)
    json_object_set_string_member (entry, "error", error->message);
  sim_log_json (sim.events, entry);
}

/* A phone event: sends the Action URL configured for it, if any. */
void
sim_fire_event (const char *event)
{
  const char      *url = g_hash_table_lookup (sim.action_urls, event);
  g_autofree char *expanded = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  if (g_str_equal (event, "dnd_on"))
    sim.dnd = TRUE;
  else if (g_str_equal (event, "dnd_off"))
    sim.dnd = FALSE;

  if (url == NULL)
    url = sim_config_get (event_key (event));
  if (url == NULL || *url == '\0')
    {
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "event", event);
      json_object_set_string_member (entry, "error", "no Action URL configured");
      sim_log_json (sim.events, entry);
      return;
    }
  expanded = expand_action_url (url);
  msg = soup_message_new ("GET", expanded);
  if (msg == NULL)
    {
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "event", event);
      json_object_set_string_member (entry, "url", expanded);
      json_object_set_string_member (entry, "error", "bad URL");
      sim_log_json (sim.events, entry);
      return;
    }
  g_object_set_data_full (G_OBJECT (msg), "event", g_strdup (event), g_free);
  soup_session_send_and_read_async (sim.client, msg, G_PRIORITY_DEFAULT, NULL, event_cb,
                                    g_object_ref (msg));
}

static void
setup_completed_cb (gpointer user_data)
{
  sim_fire_event ("setup_completed");
}

/* --provisioning-url-file: the phone takes its provisioning URL from DHCP
 * (option 66); a DHCP client's hook writes it to the file. Polled until it
 * is there (bounded by --lifetime). */
static gboolean
url_file_cb (gpointer user_data)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (sim.provisioning_url_file, &text, NULL, NULL) ||
      *g_strstrip (text) == '\0')
    return G_SOURCE_CONTINUE;
  g_free (sim.provisioning_url);
  sim.provisioning_url = g_steal_pointer (&text);
  g_message ("provisioning URL from DHCP: %s", sim.provisioning_url);
  sim_provision (sim.provisioning_url, "dhcp");
  return G_SOURCE_REMOVE;
}

/* A boot: PnP (when on) or the power-on provisioning check, then the
 * "setup completed" event. */
void
sim_boot (void)
{
  sim.boots++;
  sim.prompt_shown = FALSE;
  sim.prompt_confirmed = FALSE;
  g_message ("boot %d", sim.boots);
  if (sim.pnp && !sim.http_only)
    {
      sim.pnp_answered = FALSE;
      sim.pnp_sent = 0;
      sim_sip_send_pnp_subscribe ();
    }
  else if (sim.provisioning_url_file != NULL)
    {
      if (url_file_cb (NULL) == G_SOURCE_CONTINUE)
        g_timeout_add (50, url_file_cb, NULL);
    }
  else if (sim.provisioning_url != NULL && sim.boots > 1)
    sim_provision (sim.provisioning_url, "boot");
  g_timeout_add_once (50, setup_completed_cb, NULL);
  sim_save_state ();
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (sim.loop);
  return G_SOURCE_REMOVE;
}

static gboolean
parse_vendor (const char  *text,
              GError     **error)
{
  if (g_ascii_strcasecmp (text, "yealink") == 0)
    {
      sim.vendor = SIM_VENDOR_YEALINK;
      sim.brand = g_strdup ("Yealink");
    }
  else if (g_ascii_strcasecmp (text, "fanvil") == 0)
    {
      sim.vendor = SIM_VENDOR_FANVIL;
      sim.brand = g_strdup ("Fanvil");
    }
  else if (g_ascii_strcasecmp (text, "planet") == 0)
    {
      sim.vendor = SIM_VENDOR_FANVIL;
      sim.brand = g_strdup ("PLANET");
    }
  else if (g_ascii_strcasecmp (text, "snom") == 0)
    {
      sim.vendor = SIM_VENDOR_SNOM;
      sim.brand = g_strdup ("snom");
    }
  else if (g_ascii_strcasecmp (text, "poly") == 0 || g_ascii_strcasecmp (text, "polycom") == 0)
    {
      sim.vendor = SIM_VENDOR_POLY;
      sim.brand = g_strdup ("Poly");
    }
  else if (g_ascii_strcasecmp (text, "grandstream") == 0)
    {
      sim.vendor = SIM_VENDOR_GRANDSTREAM;
      sim.brand = g_strdup ("Grandstream");
    }
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "unknown vendor “%s” (yealink, fanvil, planet, snom, poly or grandstream)",
                   text);
      return FALSE;
    }
  return TRUE;
}

static SimFault
parse_fault (const char  *text,
             GError     **error)
{
  const char *names[] = { "none", "slow", "drop", "500", "garbage", "reset", "tls-changed" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      return (SimFault)i;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "unknown fault “%s” (slow, drop, 500, garbage, reset, tls-changed)", text);
  return (SimFault)-1;
}

static const char *description =
  "A simulated IP phone for Phoneset's tests and demo.\n"
  "\n"
  "SIP (UDP, --sip-port): answers OPTIONS with the vendor's User-Agent\n"
  "(Yealink “Yealink SIP-T46G 28.72.0.1”, Fanvil “Fanvil X4 2.10.2.6887”,\n"
  "PLANET “PLANET VIP-2140PT 2.0.3.2991”, snom “snomD785/10.1.33.33”,\n"
  "Poly “PolycomVVX-VVX_450-UA/6.4.3.5018”, Grandstream “Grandstream GXP2170\n"
  "1.0.9.135”);\n"
  "NOTIFY “Event: check-sync” fetches the configuration (reboot=true reboots);\n"
  "with --pnp it sends the multicast SUBSCRIBE (Event: ua-profile) to\n"
  "224.0.1.75:5060 at boot and fetches the URL of a NOTIFY answer.\n"
  "\n"
  "HTTP (--http-port): the vendor's web identity (Server header, title,\n"
  "WWW-Authenticate realm) and Active URI: Yealink /servlet?key= and\n"
  "/cgi-bin/ConfigManApp.com?key=, Fanvil/PLANET /cgi-bin/ConfigManApp.com?key=,\n"
  "snom /command.htm?key=; “;” chains; Basic or Digest auth; the allowed-IP\n"
  "list (Yealink: blank rejects all; Fanvil/PLANET, snom: blank accepts all);\n"
  "the “Allow remote control?” prompt; Yealink phonecfg=get and phonecfg=set.\n"
  "key=AutoP and a reboot (key=Reboot, snom advanced_update.htm?reboot=Reboot)\n"
  "fetch the configuration from the provisioning URL with the vendor's\n"
  "User-Agent and apply it (a tiny reader of the formats).\n"
  "Poly: no Active URI; the push interface instead, POST /push with\n"
  "Content-Type application/x-com-polycom-spipx and Digest auth (always; the\n"
  "push user is --user, or apps.push.username/password once configured), body\n"
  "<PolycomIPPhone><Data priority=\"Normal\">Key:DialPad1</Data></PolycomIPPhone>,\n"
  "one Key:NAME a line: each NAME is logged in “keys”. 401, 415 (content type),\n"
  "413 (over 2 KB), 400 (not XML). Poly provisioning: <mac>.cfg, on 404\n"
  "000000000000.cfg, then the files its CONFIG_FILES lists ([PHONE_MAC_ADDRESS]\n"
  "replaced; the first file listed wins); the URL names the folder.\n"
  "Grandstream: no key interface; it fetches cfg<mac>.xml from the folder the\n"
  "URL names and applies its P-values (<P47>) and alias items (<item name=…>).\n"
  "--firmware FILE: the keys this firmware generation reads (FORMAT<TAB>KEY<TAB>SOURCE,\n"
  "tests/phone-sim/firmware/README.md); a key of a fetched file or of phonecfg=set\n"
  "that is not listed is ignored and logged, as a real phone ignores it. A\n"
  "missing FILE: every key is applied, and the log says so.\n"
  "Yealink SIP-T48G/T48S/T48U/T57W do not execute keys chained with “;” (CP960\n"
  "admin guide p. 446): one key per request.\n"
  "--provisioning-url-file: at boot, the URL comes from a file a DHCP client's\n"
  "hook writes (option 66); --common-file: the common file is fetched from the\n"
  "URL's folder before the phone's own file (Yealink; Fanvil “Download CommonConf”).\n"
  "Behaviour the vendors do not document is marked [U] in the source.\n"
  "\n"
  "Test control (no auth): GET /__sim/state (JSON: keys, requests, fetches,\n"
  "events, config, ignored, sip), /__sim/confirm (press OK on the prompt), /__sim/event?name=E\n"
  "(off_hook, incoming_call, dnd_on, log_on, ...: sends its Action URL),\n"
  "/__sim/reboot, /__sim/rotate-cert, /__sim/quit. The same JSON is kept in STATE-DIR/state.json,\n"
  "and the last fetched configuration verbatim in STATE-DIR/config.cfg|xml.\n"
  "\n"
  "The admin password is read from the environment variable named by\n"
  "--password-env (default: “admin”). The process ends on SIGINT/SIGTERM, when\n"
  "its parent dies (Linux), and after --lifetime seconds.";

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *vendor = NULL;
  g_autofree char *mac = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *fault = NULL;
  g_autofree char *password_env = NULL;
  g_autofree char *firmware = NULL;
  g_auto(GStrv) action_urls = NULL;
  int              http_port = 8080;
  int              sip_port = 5060;
  int              https_port = 0;
  int              lifetime = 600;
  gboolean         no_prompt = FALSE;
  gboolean         rest_api = FALSE;
  g_autofree char *allowed_ip = NULL;
  GOptionEntry     entries[] = {
        { "vendor", 0, 0, G_OPTION_ARG_STRING, &vendor,
          "yealink, fanvil, planet, snom, poly or grandstream (default yealink)", "V" },
        { "model", 0, 0, G_OPTION_ARG_STRING, &sim.model,
          "Model (SIP-T46G, X4, VIP-2140PT, D785, \"VVX 450\", GXP2170, ...)", "M" },
        { "mac", 0, 0, G_OPTION_ARG_STRING, &mac, "MAC address (any spelling)", "MAC" },
        { "firmware", 0, 0, G_OPTION_ARG_FILENAME, &firmware,
          "The keys this firmware reads (tests/phone-sim/firmware/ID.keys); others are ignored",
          "FILE" },
        { "firmware-version", 0, 0, G_OPTION_ARG_STRING, &sim.firmware, "Firmware version", "FW" },
        { "address", 0, 0, G_OPTION_ARG_STRING, &sim.address, "Address to bind (default 127.0.0.1)",
          "IP" },
        { "http-port", 0, 0, G_OPTION_ARG_INT, &http_port, "Web port (default 8080; 0: any free port)",
          "N" },
        { "https-port", 0, 0, G_OPTION_ARG_INT, &https_port,
          "HTTPS web port (needs --tls-cert/--tls-key)", "N" },
        { "sip-port", 0, 0, G_OPTION_ARG_INT, &sip_port,
          "SIP UDP port (default 5060; 0: any free port)", "N" },
        { "state-dir", 0, 0, G_OPTION_ARG_FILENAME, &sim.state_dir,
          "Where state.json and the fetched config go", "DIR" },
        { "user", 0, 0, G_OPTION_ARG_STRING, &sim.user, "Web admin user (default admin)", "U" },
        { "password-env", 0, 0, G_OPTION_ARG_STRING, &password_env,
          "Environment variable holding the admin password", "VAR" },
        { "auth", 0, 0, G_OPTION_ARG_STRING, &auth, "basic or digest (default basic)", "SCHEME" },
        { "allowed-ip", 0, 0, G_OPTION_ARG_STRING, &allowed_ip,
          "Active URI allowed list: any, blank, a,b, 10.*.*.* (default any)", "LIST" },
        { "rest-api", 0, 0, G_OPTION_ARG_NONE, &rest_api,
          "Poly: start with the REST API on (apps.restapi.enabled=1)", NULL },
        { "no-prompt", 0, 0, G_OPTION_ARG_NONE, &no_prompt,
          "No “Allow remote control?” prompt on first use", NULL },
        { "provisioning-url", 0, 0, G_OPTION_ARG_STRING, &sim.provisioning_url,
          "Provisioning server URL", "URL" },
        { "provisioning-url-file", 0, 0, G_OPTION_ARG_FILENAME, &sim.provisioning_url_file,
          "At boot, wait for this file (a DHCP client hook writes option 66 there) and provision from "
              "its URL",
          "FILE" },
        { "common-file", 0, 0, G_OPTION_ARG_STRING, &sim.common_file,
          "Fetch this common file from the URL's folder before the phone's own file", "NAME" },
        { "action-url", 0, 0, G_OPTION_ARG_STRING_ARRAY, &action_urls,
          "EVENT=URL to call on an event (repeatable)", "EVENT=URL" },
        { "pnp", 0, 0, G_OPTION_ARG_NONE, &sim.pnp, "Send the SIP PnP SUBSCRIBE at boot", NULL },
        { "pnp-target", 0, 0, G_OPTION_ARG_STRING, &sim.pnp_target,
          "Where the SUBSCRIBE goes (default 224.0.1.75:5060)", "HOST:PORT" },
        { "pnp-tries", 0, 0, G_OPTION_ARG_INT, &sim.pnp_tries,
          "SUBSCRIBEs sent until answered (default 3)", "N" },
        { "pnp-interval", 0, 0, G_OPTION_ARG_INT, &sim.pnp_interval_ms,
          "Milliseconds between SUBSCRIBEs (default 1000)", "MS" },
        { "garbage", 0, 0, G_OPTION_ARG_NONE, &sim.garbage, "Answer SIP OPTIONS with garbage", NULL },
        { "http-only", 0, 0, G_OPTION_ARG_NONE, &sim.http_only, "No SIP at all", NULL },
        { "fault", 0, 0, G_OPTION_ARG_STRING, &fault,
          "HTTP fault: slow, drop, 500, garbage, reset, tls-changed", "F" },
        { "slow-ms", 0, 0, G_OPTION_ARG_INT, &sim.slow_ms, "Delay of --fault slow (default 3000)",
          "MS" },
        { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &sim.tls_cert, "PEM certificate for HTTPS", "FILE" },
        { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &sim.tls_key, "PEM key for HTTPS", "FILE" },
        { "tls-cert2", 0, 0, G_OPTION_ARG_FILENAME, &sim.tls_cert2,
          "The other certificate (--fault tls-changed)", "FILE" },
        { "tls-key2", 0, 0, G_OPTION_ARG_FILENAME, &sim.tls_key2, "The other key (--fault tls-changed)",
          "FILE" },
        { "lifetime", 0, 0, G_OPTION_ARG_INT, &lifetime,
          "Seconds before it exits by itself (default 600)", "S" },
        { "stun-server", 0, 0, G_OPTION_ARG_STRING, &sim.stun_server,
          "Send STUN Binding requests here (default: the config's STUN server; an IP address, no name "
              "is looked up)",
          "IP:PORT" },
        { "stun-refresh", 0, 0, G_OPTION_ARG_INT, &sim.stun_refresh,
          "Refresh the STUN binding every S seconds (default: the config's)", "S" },
        { "stun-probe", 0, 0, G_OPTION_ARG_NONE, &sim.stun_probe,
          "Probe the NAT type first (change IP and port, change port)", NULL },
        { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- a simulated IP phone");
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("phoneset-phone-sim: %s\n", error->message);
      return 2;
    }

  if (!parse_vendor (vendor ? vendor : "yealink", &error))
    {
      g_printerr ("phoneset-phone-sim: %s\n", error->message);
      return 2;
    }
  if (sim.model == NULL)
    sim.model = g_strdup (sim.vendor == SIM_VENDOR_YEALINK       ? "SIP-T46G"
                          : sim.vendor == SIM_VENDOR_SNOM        ? "D785"
                          : sim.vendor == SIM_VENDOR_POLY        ? "VVX 450"
                          : sim.vendor == SIM_VENDOR_GRANDSTREAM ? "GXP2170"
                          : g_str_equal (sim.brand, "PLANET")    ? "VIP-2140PT"
                                                                 : "X4");
  if (sim.vendor == SIM_VENDOR_FANVIL && g_str_has_prefix (sim.model, "VIP-"))
    {
      g_free (sim.brand);
      sim.brand = g_strdup ("PLANET");
    }
  /* Before --firmware-version, --firmware took the version. */
  if (firmware != NULL && !g_file_test (firmware, G_FILE_TEST_EXISTS) &&
      g_regex_match_simple ("^[0-9][0-9.]*$", firmware, 0, 0))
    {
      g_message ("--firmware %s: taken as --firmware-version", firmware);
      if (sim.firmware == NULL)
        sim.firmware = g_steal_pointer (&firmware);
      g_clear_pointer (&firmware, g_free);
    }
  if (sim.firmware == NULL)
    /* Poly 6.4.3 [U: a plausible UC Software release]; Grandstream
     * 1.0.9.x, older than the alias-name firmware (1.0.11 and later, the
     * grandstream-alias profile), so it stands for grandstream-gxp [U]. */
    sim.firmware = g_strdup (sim.vendor == SIM_VENDOR_YEALINK       ? "28.72.0.1"
                             : sim.vendor == SIM_VENDOR_SNOM        ? "10.1.33.33"
                             : sim.vendor == SIM_VENDOR_POLY        ? "6.4.3.5018"
                             : sim.vendor == SIM_VENDOR_GRANDSTREAM ? "1.0.9.135"
                             : g_str_equal (sim.brand, "PLANET")    ? "2.0.3.2991"
                                                                    : "2.10.2.6887");
  /* MACs in the vendors' OUIs (vendors.md): Poly 00:04:F2, Grandstream
   * 00:0B:82. */
  if (mac == NULL)
    mac = g_strdup (sim.vendor == SIM_VENDOR_YEALINK       ? "00:15:65:4a:a9:37"
                    : sim.vendor == SIM_VENDOR_SNOM        ? "00:04:13:2b:3c:4d"
                    : sim.vendor == SIM_VENDOR_POLY        ? "00:04:f2:5e:7a:01"
                    : sim.vendor == SIM_VENDOR_GRANDSTREAM ? "00:0b:82:6f:3c:2d"
                    : g_str_equal (sim.brand, "PLANET")    ? "00:30:4f:a9:99:48"
                                                           : "0c:38:3e:07:e1:6c");
  if (!phoneset_mac_parse (mac, sim.mac, &error))
    {
      g_printerr ("phoneset-phone-sim: %s\n", error->message);
      return 2;
    }
  sim.mac_bare = phoneset_mac_format (sim.mac, PHONESET_MAC_STYLE_BARE_LOWER);
  sim.mac_colon = phoneset_mac_format (sim.mac, PHONESET_MAC_STYLE_COLON_LOWER);
  if (sim.address == NULL)
    sim.address = g_strdup ("127.0.0.1");
  if (http_port < 0 || http_port > 65535 || sip_port < 0 || sip_port > 65535 || https_port < 0 ||
      https_port > 65535)
    {
      g_printerr ("phoneset-phone-sim: a port is out of range\n");
      return 2;
    }
  sim.http_port = http_port;
  sim.sip_port = sip_port;
  sim.https_port = https_port;
  if (sim.user == NULL)
    sim.user = g_strdup ("admin");
  sim.password =
    g_strdup (password_env && g_getenv (password_env) ? g_getenv (password_env) : "admin");
  sim.digest = auth != NULL && g_ascii_strcasecmp (auth, "digest") == 0;
  if (auth != NULL && !sim.digest && g_ascii_strcasecmp (auth, "basic") != 0)
    {
      g_printerr ("phoneset-phone-sim: --auth is basic or digest\n");
      return 2;
    }
  sim.allowed_ip = g_strdup (allowed_ip ? allowed_ip : "any");
  sim.prompt = !no_prompt;
  if (fault != NULL && (int)(sim.fault = parse_fault (fault, &error)) < 0)
    {
      g_printerr ("phoneset-phone-sim: %s\n", error->message);
      return 2;
    }
  if (sim.slow_ms <= 0)
    sim.slow_ms = 3000;
  if (sim.pnp_tries <= 0)
    sim.pnp_tries = 3;
  if (sim.pnp_interval_ms <= 0)
    sim.pnp_interval_ms = 1000;
  if (sim.pnp_target == NULL)
    sim.pnp_target = g_strdup ("224.0.1.75:5060");

  sim.config = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (rest_api)
    g_hash_table_replace (sim.config, g_strdup ("apps.restapi.enabled"), g_strdup ("1"));
  sim.action_urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; action_urls != NULL && action_urls[i] != NULL; i++)
    {
      const char *eq = strchr (action_urls[i], '=');

      if (eq == NULL)
        {
          g_printerr ("phoneset-phone-sim: --action-url takes EVENT=URL\n");
          return 2;
        }
      g_hash_table_insert (sim.action_urls, g_strndup (action_urls[i], eq - action_urls[i]),
                           g_strdup (eq + 1));
    }
  sim.keys = json_array_new ();
  sim.requests = json_array_new ();
  sim.ignored = json_array_new ();
  sim.fetches = json_array_new ();
  sim.events = json_array_new ();
  sim.sip_log = json_array_new ();
  if (sim.state_dir != NULL)
    g_mkdir_with_parents (sim.state_dir, 0700);
  if (firmware != NULL && !sim_firmware_load (firmware, &error))
    {
      g_printerr ("phoneset-phone-sim: --firmware %s: %s\n", firmware, error->message);
      return 2;
    }

  {
    g_autofree char *ua = sim_http_user_agent ();

    /* Bounded: every fetch or Action URL request ends within 5 s. */
    g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (sim.address);
    g_autoptr(GSocketAddress) local = inet ? g_inet_socket_address_new (inet, 0) : NULL;

    /* Requests leave from the phone's own address, as a phone's would. */
    sim.client = soup_session_new_with_options ("user-agent", ua, "timeout", 5, "idle-timeout", 5,
                                                "local-address", local, NULL);
  }

  sim.loop = g_main_loop_new (NULL, FALSE);
  if (!sim.http_only && !sim_sip_start (&error))
    {
      g_printerr ("phoneset-phone-sim: SIP on %s:%u: %s\n", sim.address, sim.sip_port,
                  error->message);
      return 1;
    }
  if (!sim_http_start (&error))
    {
      g_printerr ("phoneset-phone-sim: HTTP on %s:%u: %s\n", sim.address, sim.http_port,
                  error->message);
      return 1;
    }

  if (!sim_stun_start (&error))
    {
      g_printerr ("phoneset-phone-sim: STUN on %s: %s\n", sim.address, error->message);
      return 1;
    }

  g_unix_signal_add (SIGINT, quit_cb, NULL);
  g_unix_signal_add (SIGTERM, quit_cb, NULL);
  g_timeout_add_seconds (lifetime > 0 ? lifetime : 600, quit_cb, NULL);
  /* The simulator ends with the test or Phoneset that started it. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);

  {
    g_autofree char *ua = sim_sip_user_agent ();

    /* One line the tests and the demo wait for. */
    printf ("ready %s %s http=%u sip=%u https=%u ua=\"%s\"\n", sim_vendor_name (), sim.address,
            sim.http_port, sim.http_only ? 0 : sim.sip_port, sim.https_port, ua);
    fflush (stdout);
  }
  sim_boot ();
  g_main_loop_run (sim.loop);
  sim_save_state ();
  return 0;
}
