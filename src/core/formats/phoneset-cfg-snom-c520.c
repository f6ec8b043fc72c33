/* phoneset-cfg-snom-c520.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The snom C520 conference phone's XML [T]: not the desk phones'
 * <phone-settings>, but nested sections, with <idx id="N"> for each
 * account, beside <file> (the directory) and <profile> (web passwords) at
 * the top level (fusionpbx/fusionpbx@c7a00dc
 * resources/templates/provision/snom/C520/{$mac}.xml):
 *
 *   <settings><sip_account><idx id="1"><user_id>…
 *   <settings><provisioning><server_address>…
 *
 * The same schema as VTech's ErisStation in text form
 * (resources/templates/provision/vtech/vcs754/{$mac}.cfg:
 * “sip_account.1.user_id = …”); snom C620 files (FusionPBX C620/) put
 * <file> and <profile> inside <settings>, which reads the same. A key is the
 * element path from the top (phoneset-cfg-xml-tree.c); a missing top-level
 * element is added.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"

static const char *const   roots[] = { "settings", "file", "profile", NULL };
static const char *const   index_attrs[] = { "id", "index", "idx", NULL };

static const CfgXmlFlavour flavour = {
  .roots = roots,
  .bad_root = N_("a snom C520 file starts with <settings>, <file> or <profile>"),
                  .multi_root = TRUE,
                  .index_attrs = index_attrs,
                  .new_index_attr = "id",
                  .id_child = NULL,
                  .entry_suffix = NULL,
                  .default_unit = "    ",
                  .new_file = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                              "<settings>\n"
                              "</settings>\n",
  };

/* A snom desk phone's file holds <settings> too: this one has none of its
 * <phone-settings>, and one of the C520's own sections. */
static gboolean
c520_detect (const char *data,
             gsize       len)
{
  static const char *const sections[] = { "<sip_account", "<call_settings", "<provisioning",
                                          "<time_date",   "<network",       NULL };
  gsize                    n = MIN (len, 4096);

  if (!cfg_xml_detect_root (data, len, roots) || g_strstr_len (data, n, "<phone-settings") != NULL)
    return FALSE;
  for (guint i = 0; sections[i] != NULL; i++)
    if (g_strstr_len (data, n, sections[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
c520_init (PhonesetCfgDocument *self)
{
  cfg_xml_tree_init (self, &flavour);
}

static gboolean
c520_parse (PhonesetCfgDocument  *self,
            const char           *data,
            gsize                 len,
            GError              **error)
{
  return cfg_xml_tree_parse (self, &flavour, data, len, error);
}

const PhonesetCfgCodec _phoneset_cfg_codec_snom_c520 = {
  .name = "snom-c520-xml",
  .detect = c520_detect,
  .init = c520_init,
  .parse = c520_parse,
  .lookup_string = cfg_xml_tree_lookup_string,
  .insert = cfg_xml_tree_insert,
  .set_value = cfg_xml_tree_set_value,
  .accepts = cfg_xml_tree_accepts,
};
