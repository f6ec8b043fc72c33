/* phoneset-cfg-fanvil-xml.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fanvil XML provisioning files, both generations [T]:
 *
 * - <sysConf><Version>2.0000000000</Version><sip><STUNServer>…
 *   <line index="1"><PhoneNumber>… (every current FusionPBX Fanvil
 *   template, fusionpbx/fusionpbx@c7a00dc
 *   resources/templates/provision/fanvil/x3u/{$mac}.cfg and the others;
 *   Wazo's base-new.tpl);
 * - <VOIP_CONFIG_FILE><version>2.0002</version><SIP_CONFIG_MODULE>
 *   <STUN_Server>…<SIP_Line_List><SIP_Line_List_Entry><ID>SIP1</ID>… (the
 *   text format's modules with “_” for blanks: FusionPBX x4/{$mac}.cfg,
 *   wazo-platform/wazo-provd-plugins@2321a3f
 *   plugins/wazo_fanvil/common/templates/base.tpl).
 *
 * A key is the element path from the root (phoneset-cfg-xml-tree.c); a
 * profile gives one per generation, and a file takes the keys of its own.
 * New files are <sysConf>, indented by four blanks as FusionPBX's are.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-cfg-private.h"

static const char *const   roots[] = { "sysConf", "VOIP_CONFIG_FILE", NULL };
static const char *const   index_attrs[] = { "index", "id", "idx", NULL };

static const CfgXmlFlavour flavour = {
  .roots = roots,
  .bad_root = N_("a Fanvil XML file starts with <sysConf> or <VOIP_CONFIG_FILE>"),
                  .multi_root = FALSE,
                  .index_attrs = index_attrs,
                  .new_index_attr = "index",
                  .id_child = "ID",
                  .entry_suffix = "_Entry",
                  .default_unit = "    ",
                  .new_file = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<sysConf>\n"
                              "    <Version>2.0000000000</Version>\n"
                              "</sysConf>\n",
  };

static gboolean
fanvil_xml_detect (const char *data,
                   gsize       len)
{
  return cfg_xml_detect_root (data, len, roots);
}

static void
fanvil_xml_init (PhonesetCfgDocument *self)
{
  cfg_xml_tree_init (self, &flavour);
}

static gboolean
fanvil_xml_parse (PhonesetCfgDocument  *self,
                  const char           *data,
                  gsize                 len,
                  GError              **error)
{
  return cfg_xml_tree_parse (self, &flavour, data, len, error);
}

const PhonesetCfgCodec _phoneset_cfg_codec_fanvil_xml = {
  .name = "fanvil-xml",
  .detect = fanvil_xml_detect,
  .init = fanvil_xml_init,
  .parse = fanvil_xml_parse,
  .lookup_string = cfg_xml_tree_lookup_string,
  .insert = cfg_xml_tree_insert,
  .set_value = cfg_xml_tree_set_value,
  .accepts = cfg_xml_tree_accepts,
};
