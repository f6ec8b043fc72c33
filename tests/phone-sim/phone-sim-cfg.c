/* phone-sim-cfg.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deliberately tiny reader of the vendor formats, so the simulated
 * phone can apply what it fetched. It is not Phoneset's CFG codec (src/core
 * has the real one): the simulator stays independent of the code it tests.
 *
 *   Yealink   `key = value` lines, `#` comments (vendors.md §1.1)
 *   Fanvil    `Key Name   :value` lines in `<... MODULE>` sections (§2.1);
 *             the XML form is not read here
 *   snom      `<name idx="N" perm="RW">value</name>` in `<phone-settings>`
 *             (§4.1); a setting with idx is stored as `name.N`
 *   Poly      UC Software XML: every attribute of every element is a
 *             setting, keyed by its name (`<nat nat.ip="…"/>` → nat.ip),
 *             whatever the root (polycomConfig, PHONE_CONFIG, PHONE, sip…)
 *             [T] (src/core/formats/phoneset-cfg-poly-xml.c); the master
 *             file's <APPLICATION CONFIG_FILES="…"> holds no settings
 *   Grandstream  <gs_provision><config><P47>v</P47> → P47, and
 *             <config version="2"><item name="account.1.sip.userid">v</item>
 *             → account.1.sip.userid (a <value> child's text is read the
 *             same way [U]) [T] (phoneset-cfg-grandstream.c); the older
 *             text form `P47 = v` too
 *
 * With --firmware FILE, a key the firmware generation does not read (not in
 * its list, tests/phone-sim/firmware/README.md) is ignored and logged, as a
 * real phone silently ignores it.
 */

#define G_LOG_DOMAIN "phone-sim"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "phone-sim.h"

/* The format name of the files this phone reads, as in the key lists. */
static const char *
sim_format (void)
{
  switch (sim.vendor)
    {
    case SIM_VENDOR_YEALINK:
      return "yealink-cfg";
    case SIM_VENDOR_FANVIL:
      return "fanvil-cfg";
    case SIM_VENDOR_SNOM:
      return "snom-xml";
    case SIM_VENDOR_POLY:
      return "poly-xml";
    case SIM_VENDOR_GRANDSTREAM:
      return "grandstream-xml";
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_p_value (const char *name)
{
  if (name[0] != 'P' || name[1] == '\0')
    return FALSE;
  for (const char *p = name + 1; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A key list's KEY: `{n}` and `{n0}` match a number (one digit or more);
 * every other character itself. */
gboolean
sim_firmware_pattern_match (const char *pattern,
                            const char *key)
{
  while (*pattern != '\0')
    {
      gsize skip = g_str_has_prefix (pattern, "{n}")    ? 3
                   : g_str_has_prefix (pattern, "{n0}") ? 4
                                                        : 0;

      if (skip > 0)
        {
          const char *p = key;

          while (g_ascii_isdigit (*p))
            p++;
          /* Backtrack: the pattern may go on with a digit. */
          for (; p > key; p--)
            if (sim_firmware_pattern_match (pattern + skip, p))
              return TRUE;
          return FALSE;
        }
      if (*pattern != *key)
        return FALSE;
      pattern++;
      key++;
    }
  return *key == '\0';
}

/* Reads FORMAT<TAB>KEY<TAB>SOURCE lines; a missing file leaves every key
 * applied (and says so). A line without a source is not a key the phone
 * reads: skipped, with a warning. */
gboolean
sim_firmware_load (const char  *path,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  sim.firmware_keys_file = g_strdup (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_message ("firmware: no key list %s: every key is applied (accept-all)", path);
      return TRUE;
    }
  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  sim.firmware_keys =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      GPtrArray *patterns;

      g_strchomp (lines[i]);
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (fields) < 3 || *fields[0] == '\0' || *fields[1] == '\0' ||
          *g_strstrip (fields[2]) == '\0')
        {
          g_message ("%s:%u: not FORMAT<TAB>KEY<TAB>SOURCE: skipped", path, i + 1);
          continue;
        }
      patterns = g_hash_table_lookup (sim.firmware_keys, fields[0]);
      if (patterns == NULL)
        {
          patterns = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (sim.firmware_keys, g_strdup (fields[0]), patterns);
        }
      g_ptr_array_add (patterns, g_strdup (fields[1]));
      n++;
    }
  g_message ("firmware: %u keys from %s; a %s key not listed there is ignored", n, path,
             sim_format ());
  return TRUE;
}

/* Whether this firmware reads @name (a Yealink or Fanvil key, a snom
 * element name) in its own file format. */
static gboolean
format_reads (const char *format,
              const char *key)
{
  GPtrArray *patterns = g_hash_table_lookup (sim.firmware_keys, format);

  for (guint i = 0; patterns != NULL && i < patterns->len; i++)
    if (sim_firmware_pattern_match (g_ptr_array_index (patterns, i), key))
      return TRUE;
  return FALSE;
}

/* A Grandstream key is listed as the profiles write it, the element path
 * (grandstream-xml gs_provision/config/P47, grandstream-alias-xml
 * gs_provision/config/item[network.stunServer]), or bare (P47). */
gboolean
sim_firmware_reads (const char *name)
{
  if (sim.firmware_keys == NULL)
    return TRUE;
  if (sim.vendor == SIM_VENDOR_GRANDSTREAM)
    {
      gboolean         p = is_p_value (name);
      const char      *format = p ? "grandstream-xml" : "grandstream-alias-xml";
      g_autofree char *path = p ? g_strdup_printf ("gs_provision/config/%s", name)
                                : g_strdup_printf ("gs_provision/config/item[%s]", name);

      return format_reads (format, name) || format_reads (format, path) ||
             (p && format_reads ("grandstream-text", name));
    }
  return format_reads (sim_format (), name);
}

/* Applies one value, unless the firmware does not read @name (then it is
 * logged in @ignored and the state's "ignored"). @key is where it is kept
 * (snom `name.N`). */
void
sim_config_set (const char *name,
                const char *key,
                const char *value,
                const char *from,
                JsonArray  *ignored)
{
  JsonObject *entry;

  if (sim_firmware_reads (name))
    {
      /* Poly: the first file listed in CONFIG_FILES wins [U] (the
       * profile's note). */
      if (sim.round_keys != NULL)
        {
          if (g_hash_table_contains (sim.round_keys, key))
            {
              g_message ("%s: set by an earlier CONFIG_FILES file, kept", key);
              return;
            }
          g_hash_table_add (sim.round_keys, g_strdup (key));
        }
      g_hash_table_replace (sim.config, g_strdup (key), g_strdup (value));
      return;
    }
  g_message ("firmware does not read %s (%s): ignored", key, from);
  if (ignored != NULL)
    json_array_add_string_element (ignored, key);
  entry = json_object_new ();
  json_object_set_string_member (entry, "key", key);
  json_object_set_string_member (entry, "from", from);
  json_object_set_string_member (entry, "why", "not read by this firmware (--firmware)");
  sim_log_json (sim.ignored, entry);
}

static void
set (char      *key,
     char      *value,
     JsonArray *ignored)
{
  g_strstrip (key);
  sim_config_set (key, key, g_strstrip (value), "file", ignored);
  g_free (key);
  g_free (value);
}

static gboolean
apply_yealink (char      **lines,
               JsonArray  *ignored,
               GError    **error)
{
  if (lines[0] == NULL || !g_str_has_prefix (g_strstrip (lines[0]), "#!version:"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no #!version: header");
      return FALSE;
    }
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *eq = strchr (line, '=');

      if (*line == '#' || *line == '\0' || eq == NULL)
        continue;
      set (g_strndup (line, eq - line), g_strdup (eq + 1), ignored);
    }
  return TRUE;
}

static gboolean
apply_fanvil (char      **lines,
              JsonArray  *ignored,
              GError    **error)
{
  if (lines[0] == NULL || !g_str_has_prefix (lines[0], "<<VOIP CONFIG FILE>>"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no <<VOIP CONFIG FILE>> header");
      return FALSE;
    }
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      char *colon = strchr (line, ':');

      if (*line == '<' || g_str_has_prefix (line, "--") || colon == NULL)
        continue;
      set (g_strndup (line, colon - line), g_strdup (colon + 1), ignored);
    }
  return TRUE;
}

static gboolean
apply_snom (const char  *text,
            JsonArray   *ignored,
            GError     **error)
{
  const char *p = strstr (text, "<phone-settings");

  if (p == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no <phone-settings>");
      return FALSE;
    }
  p = strchr (p, '>');
  while (p != NULL && (p = strchr (p + 1, '<')) != NULL && p[1] != '/')
    {
      const char      *name_end = p + 1 + strcspn (p + 1, " />");
      const char      *tag_end = strchr (p, '>');
      const char      *close;
      g_autofree char *name = NULL;
      g_autofree char *attrs = NULL;
      char            *idx;
      char            *key;

      if (tag_end == NULL)
        break;
      name = g_strndup (p + 1, name_end - p - 1);
      attrs = g_strndup (name_end, tag_end - name_end);
      key = g_strdup (name);
      if ((idx = strstr (attrs, "idx=\"")) != NULL)
        {
          g_free (key);
          key = g_strdup_printf ("%s.%d", name, atoi (idx + 5));
        }
      if (tag_end[-1] == '/')
        {
          sim_config_set (name, key, "", "file", ignored);
          g_free (key);
          p = tag_end;
          continue;
        }
      close = strstr (tag_end, "</");
      if (close == NULL)
        {
          g_free (key);
          break;
        }
      /* The few entities settings use. */
      {
        g_autoptr(GString) v = g_string_new_len (tag_end + 1, close - tag_end - 1);

        g_string_replace (v, "&lt;", "<", 0);
        g_string_replace (v, "&gt;", ">", 0);
        g_string_replace (v, "&quot;", "\"", 0);
        g_string_replace (v, "&amp;", "&", 0);
        sim_config_set (name, g_strstrip (key), g_strstrip (v->str), "file", ignored);
        g_free (key);
      }
      p = strchr (close, '>');
    }
  return TRUE;
}

/* ---- Poly ---------------------------------------------------------------- */

typedef struct
{
  JsonArray *ignored;
  char     **config_files; /* the master file's CONFIG_FILES, split */
  gboolean   master;
  gboolean   collect; /* apply the settings (else only find CONFIG_FILES) */
} PolyParse;

static void
poly_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  PolyParse *pp = user_data;

  /* <APPLICATION APP_FILE_PATH="sip.ld" CONFIG_FILES="…"/> and its
   * per-model variants (<APPLICATION_VVX1500 CONFIG_FILES_VVX1500="…"/>)
   * name files, they set nothing [T] (tests/data/realworld/
   * polycom-000000000000.cfg). Model variants are not simulated. */
  if (g_str_has_prefix (element, "APPLICATION"))
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (element, "APPLICATION") && g_str_equal (names[i], "CONFIG_FILES") &&
            pp->config_files == NULL)
          {
            g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);
            g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

            for (guint j = 0; parts[j] != NULL; j++)
              if (*g_strstrip (parts[j]) != '\0')
                g_ptr_array_add (files, g_strdup (parts[j]));
            g_ptr_array_add (files, NULL);
            pp->config_files = (char **)g_ptr_array_free (g_steal_pointer (&files), FALSE);
            pp->master = TRUE;
          }
      return;
    }
  if (!pp->collect)
    return;
  for (guint i = 0; names[i] != NULL; i++)
    {
      /* Namespace attributes are not settings. */
      if (g_str_has_prefix (names[i], "xmlns") || g_str_has_prefix (names[i], "xsi:"))
        continue;
      sim_config_set (names[i], names[i], values[i], "file", pp->ignored);
    }
}

static gboolean
poly_parse (const char  *text,
            PolyParse   *pp,
            GError     **error)
{
  static const GMarkupParser parser = { poly_start, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, pp, NULL);

  if (!g_markup_parse_context_parse (context, text, -1, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return FALSE;
  return TRUE;
}

/* The files a Poly master file (<mac>.cfg, 000000000000.cfg) lists in
 * CONFIG_FILES, in order; NULL when @text is no master file. */
char **
sim_cfg_poly_config_files (const char *text,
                           gsize       len)
{
  g_autofree char *copy = g_strndup (text, len);
  PolyParse        pp = { 0 };

  if (!poly_parse (copy, &pp, NULL))
    {
      g_strfreev (pp.config_files);
      return NULL;
    }
  return pp.config_files;
}

static gboolean
apply_poly (const char  *text,
            JsonArray   *ignored,
            GError     **error)
{
  PolyParse pp = { .ignored = ignored, .collect = TRUE };
  g_autoptr(GError) local = NULL;

  /* A file Phoneset wrote or a template renders is well-formed XML; the
   * phone's own reader is stricter still [U]. */
  if (!poly_parse (text, &pp, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not well-formed XML: %s",
                   local->message);
      g_strfreev (pp.config_files);
      return FALSE;
    }
  g_strfreev (pp.config_files);
  return TRUE;
}

/* ---- Grandstream --------------------------------------------------------- */

typedef struct
{
  JsonArray *ignored;
  guint      depth;
  gboolean   root_ok;
  gboolean   in_config;
  char      *key;   /* the setting being read (depth 3) */
  GString   *value; /* its text, <value> children's included */
} GsParse;

static void
gs_start (GMarkupParseContext  *context,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              user_data,
          GError              **error)
{
  GsParse *gp = user_data;

  gp->depth++;
  if (gp->depth == 1)
    {
      gp->root_ok = g_str_equal (element, "gs_provision");
      if (!gp->root_ok)
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "no <gs_provision>");
      return;
    }
  if (gp->depth == 2)
    {
      gp->in_config = g_str_equal (element, "config");
      return;
    }
  if (gp->depth != 3 || !gp->in_config)
    return;
  g_clear_pointer (&gp->key, g_free);
  g_string_truncate (gp->value, 0);
  if (g_str_equal (element, "item"))
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "name"))
          gp->key = g_strdup (values[i]);
    }
  else if (is_p_value (element))
    gp->key = g_strdup (element);
}

static void
gs_end (GMarkupParseContext  *context,
        const char           *element,
        gpointer              user_data,
        GError              **error)
{
  GsParse *gp = user_data;

  if (gp->depth == 3 && gp->key != NULL)
    {
      g_autofree char *v = g_strstrip (g_strdup (gp->value->str));

      sim_config_set (gp->key, gp->key, v, "file", gp->ignored);
      g_clear_pointer (&gp->key, g_free);
    }
  if (gp->depth == 2)
    gp->in_config = FALSE;
  gp->depth--;
}

static void
gs_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  GsParse *gp = user_data;

  if (gp->key != NULL && gp->depth >= 3)
    g_string_append_len (gp->value, text, len);
}

static gboolean
apply_grandstream_text (char      **lines,
                        JsonArray  *ignored,
                        GError    **error)
{
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *eq = strchr (line, '=');

      if (*line == '#' || eq == NULL)
        continue;
      {
        g_autofree char *key = g_strstrip (g_strndup (line, eq - line));

        if (!is_p_value (key))
          continue;
        sim_config_set (key, key, g_strstrip (eq + 1), "file", ignored);
        n++;
      }
    }
  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no <gs_provision> and no P-values");
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_grandstream (char       *text,
                   JsonArray  *ignored,
                   GError    **error)
{
  static const GMarkupParser parser = { gs_start, gs_end, gs_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local = NULL;
  GsParse     gp = { .ignored = ignored };
  const char *p = text;
  gboolean    ok;

  while (g_ascii_isspace (*p))
    p++;
  /* The text form, `P47 = pbx.example.com` lines [T]
   * (tests/data/realworld/cfg000b82a1b206.txt). */
  if (*p != '<')
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      return apply_grandstream_text (lines, ignored, error);
    }
  gp.value = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, &gp, NULL);
  ok = g_markup_parse_context_parse (context, text, -1, &local) &&
       g_markup_parse_context_end_parse (context, &local);
  g_free (gp.key);
  g_string_free (gp.value, TRUE);
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

/* Poly device.prov.serverName and Grandstream P237 / its alias hold a
 * server and path, the scheme apart (Poly device.prov.serverType, 3 HTTPS
 * as the profile numbers it, else HTTP [U]; Grandstream P212 0 TFTP,
 * 1 HTTP, 2 HTTPS [T]). Poly's device.set="1" gate is not simulated [U]. */
static char *
server_url (const char *server,
            const char *type)
{
  const char *https_number = sim.vendor == SIM_VENDOR_GRANDSTREAM ? "2" : "3";
  gboolean    https =
    type != NULL && (g_ascii_strcasecmp (type, "HTTPS") == 0 || g_str_equal (type, https_number));

  if (strstr (server, "://") != NULL)
    return g_strdup (server);
  return g_strdup_printf ("%s://%s", https ? "https" : "http", server);
}

/* The settings that change how the simulator behaves. */
void
sim_cfg_apply_effects (void)
{
  const char *keys_url[] = { "static.auto_provision.server.url", "auto_provision.server.url",
                             "Flash Server IP", "setting_server" };
  const char *keys_ip[] = { "features.action_uri_limit_ip", "Active Uri IP" };

  for (guint i = 0; i < G_N_ELEMENTS (keys_url); i++)
    if (sim_config_get (keys_url[i]) != NULL && *sim_config_get (keys_url[i]) != '\0')
      {
        g_free (sim.provisioning_url);
        sim.provisioning_url = g_strdup (sim_config_get (keys_url[i]));
      }
  for (guint i = 0; i < G_N_ELEMENTS (keys_ip); i++)
    if (sim_config_get (keys_ip[i]) != NULL)
      {
        g_free (sim.allowed_ip);
        sim.allowed_ip = g_strdup (sim_config_get (keys_ip[i]));
      }
  {
    const char *servers[][2] = { { "device.prov.serverName", "device.prov.serverType" },
                                 { "P237", "P212" },
                                 { "provisioning.config.serverPath",
                                   "provisioning.config.protocol" } };

    for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
      if (sim_config_get (servers[i][0]) != NULL && *sim_config_get (servers[i][0]) != '\0')
        {
          g_free (sim.provisioning_url);
          sim.provisioning_url =
            server_url (sim_config_get (servers[i][0]), sim_config_get (servers[i][1]));
        }
  }
  if (sim_config_get ("features.show_action_uri_option") != NULL)
    sim.prompt = !g_str_equal (sim_config_get ("features.show_action_uri_option"), "0");
  sim_stun_reconfigure ();
}

gboolean
sim_cfg_apply (const char  *text,
               gsize        len,
               JsonArray   *ignored,
               GError     **error)
{
  g_autofree char *copy = g_strndup (text, len);
  g_auto(GStrv) lines = NULL;
  gboolean ok;

  if (memchr (text, '\0', len) != NULL || !g_utf8_validate (copy, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not text");
      return FALSE;
    }
  g_strdelimit (copy, "\r", '\n');
  lines = g_strsplit (copy, "\n", -1);
  switch (sim.vendor)
    {
    case SIM_VENDOR_YEALINK:
      ok = apply_yealink (lines, ignored, error);
      break;
    case SIM_VENDOR_FANVIL:
      ok = apply_fanvil (lines, ignored, error);
      break;
    case SIM_VENDOR_SNOM:
      ok = apply_snom (copy, ignored, error);
      break;
    case SIM_VENDOR_POLY:
      ok = apply_poly (copy, ignored, error);
      break;
    case SIM_VENDOR_GRANDSTREAM:
      ok = apply_grandstream (copy, ignored, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    sim_cfg_apply_effects ();
  return ok;
}
