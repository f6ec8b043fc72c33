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
 */

#define G_LOG_DOMAIN "phone-sim"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "phone-sim.h"

static void
set (char *key,
     char *value)
{
  g_hash_table_insert (sim.config, g_strstrip (key), g_strstrip (value));
}

static gboolean
apply_yealink (char   **lines,
               GError **error)
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
      set (g_strndup (line, eq - line), g_strdup (eq + 1));
    }
  return TRUE;
}

static gboolean
apply_fanvil (char   **lines,
              GError **error)
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
      set (g_strndup (line, colon - line), g_strdup (colon + 1));
    }
  return TRUE;
}

static gboolean
apply_snom (const char *text,
            GError    **error)
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
          set (key, g_strdup (""));
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
        set (key, g_string_free (g_steal_pointer (&v), FALSE));
      }
      p = strchr (close, '>');
    }
  return TRUE;
}

/* The settings that change how the simulator behaves. */
void
sim_cfg_apply_effects (void)
{
  const char *keys_url[] = { "static.auto_provision.server.url", "auto_provision.server.url", "Flash Server IP",
                             "setting_server" };
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
sim_cfg_apply (const char *text,
               gsize       len,
               GError    **error)
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
      ok = apply_yealink (lines, error);
      break;
    case SIM_VENDOR_FANVIL:
      ok = apply_fanvil (lines, error);
      break;
    case SIM_VENDOR_SNOM:
      ok = apply_snom (copy, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    sim_cfg_apply_effects ();
  return ok;
}
