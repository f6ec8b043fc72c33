/* phone-sim-cfg.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deliberately tiny reader of the three vendor formats, so the simulated
 * phone can apply what it fetched. It is not Phoneset's CFG codec (src/core
 * has the real one): the simulator stays independent of the code it tests.
 *
 *   Yealink   `key = value` lines, `#` comments (vendors.md §1.1)
 *   Fanvil    `Key Name   :value` lines in `<... MODULE>` sections (§2.1);
 *             the XML form is not read here
 *   snom      `<name idx="N" perm="RW">value</name>` in `<phone-settings>`
 *             (§4.1); a setting with idx is stored as `name.N`
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
    default:
      g_assert_not_reached ();
    }
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
gboolean
sim_firmware_reads (const char *name)
{
  GPtrArray *patterns;

  if (sim.firmware_keys == NULL)
    return TRUE;
  patterns = g_hash_table_lookup (sim.firmware_keys, sim_format ());
  for (guint i = 0; patterns != NULL && i < patterns->len; i++)
    if (sim_firmware_pattern_match (g_ptr_array_index (patterns, i), name))
      return TRUE;
  return FALSE;
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
    default:
      g_assert_not_reached ();
    }
  if (ok)
    sim_cfg_apply_effects ();
  return ok;
}
