/* phoneset-cfg-grandstream.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Grandstream XML provisioning files, cfg<mac>.xml [T]:
 *
 *   <?xml version="1.0" encoding="UTF-8" ?>
 *   <gs_provision version="1">
 *     <mac>000b82123456</mac>
 *     <config version="1">
 *       <P47>pbx.example.com</P47>
 *
 * (fusionpbx/fusionpbx@c7a00dc
 * resources/templates/provision/grandstream/gac2500/{$mac}.xml and the
 * other models' templates; wazo-platform/wazo-provd-plugins@2321a3f
 * plugins/wazo_grandstream/common/templates/base.tpl). Each setting is a
 * “P-value”, an element named after its number. Newer firmware also reads
 * <config version="2"> with alias names,
 * <item name="account.1.sip.server.1.address">…</item> (Wazo's base_v2.tpl);
 * such an element is keyed by its name attribute
 * (gs_provision/config/item[account.1.sip.userid]) and kept as it is.
 *
 * A key is the element path from the root (phoneset-cfg-xml-tree.c):
 * gs_provision/config/P47. A P-value the file lacks is added inside
 * <config>, indented like its siblings. New files are written as
 * FusionPBX's templates are, with two blanks per level.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"

static const char *const   roots[] = { "gs_provision", NULL };
static const char *const   index_attrs[] = { "name", NULL };

static const CfgXmlFlavour flavour = {
  .roots = roots,
  .bad_root = N_("a Grandstream XML file starts with <gs_provision>"),
                  .multi_root = FALSE,
                  .index_attrs = index_attrs,
                  .new_index_attr = "name",
                  .id_child = NULL,
                  .entry_suffix = NULL,
                  .default_unit = "  ",
                  .new_file = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                              "<gs_provision version=\"1\">\n"
                              "  <config version=\"1\">\n"
                              "  </config>\n"
                              "</gs_provision>\n",
  };

/* The P-values that hold a password, a PIN or a key, by the comments of
 * the templates that write them (fusionpbx/fusionpbx@c7a00dc
 * resources/templates/provision/grandstream/{gac2500,grp26xx,gxp21xx}/
 * {$mac}.xml; provisioner/Provisioner@573c129b
 * endpoint/grandstream/{gxp,gxphd}/cfg$mac): configuration file (P1),
 * admin (P2) and end user (P196) passwords, the accounts' SIP passwords
 * (P34, P406, P506, P606, P706, P1706, P1806), PPPoE (P83, P146), TLS key
 * (P281), XML config file (P1359), provisioning, firmware and custom file
 * HTTP (P1361, P6714, P6769, P6777), keypad lock (P1383), TR-069
 * (P4505, P4512), LDAP (P8024), OpenVPN (P8395), Wi-Fi and EAP (P7830,
 * P8404 onwards, P22022 onwards), provider lock (P9997, P9998) and
 * others named “Password” or “PIN Code”. Their names do not say so. */
static const guint secret_p_values[] = {
  1,     2,     34,    83,    146,   196,   281,   406,   506,   606,   706,   1359,  1361,
  1383,  1594,  1706,  1806,  2967,  4505,  4512,  6714,  6769,  6773,  6777,  7830,  7903,
  8024,  8395,  8404,  8407,  8410,  8413,  8416,  8419,  8422,  8425,  8428,  8431,  8452,
  9997,  9998,  22019, 22022, 22137, 22140, 22143, 22146, 22149, 22152, 22155, 22158, 22161,
  32004, 32009, 32014, 32019, 32024, 32029, 32034, 32039, 32044, 32049,
};

/**
 * cfg_grandstream_key_is_secret:
 * @key: a P-value (`P34`) or its XML path (`gs_provision/config/P34`)
 *
 * Returns: %TRUE if the P-value holds a password
 */
gboolean
cfg_grandstream_key_is_secret (const char *key)
{
  const char *slash = strrchr (key, '/');
  const char *name = slash ? slash + 1 : key;
  guint64     number;

  if (name[0] != 'P' || !g_ascii_string_to_unsigned (name + 1, 10, 0, G_MAXUINT, &number, NULL))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (secret_p_values); i++)
    if (secret_p_values[i] == number)
      return TRUE;
  return FALSE;
}

static const CfgXmlFlavour alias_flavour = {
  .roots = roots,
  .bad_root = N_("a Grandstream XML file starts with <gs_provision>"),
                  .multi_root = FALSE,
                  .index_attrs = index_attrs,
                  .new_index_attr = "name",
                  .id_child = NULL,
                  .entry_suffix = NULL,
                  .default_unit = "  ",
                  .new_file = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                              "<gs_provision version=\"1\">\n"
                              "  <config version=\"2\">\n"
                              "  </config>\n"
                              "</gs_provision>\n",
  };

/* Whether the file's first <config> says version="2" (alias names). */
static gboolean
is_alias_file (const char *data,
               gsize       len)
{
  const char      *end = data + MIN (len, 65536);
  const char      *tag = g_strstr_len (data, end - data, "<config");
  const char      *close;
  g_autofree char *version = NULL;

  if (tag == NULL || (close = cfg_find_tag_end (tag, end)) == NULL)
    return FALSE;
  version = cfg_tag_attribute (tag, close - tag, "version");
  return g_strcmp0 (version, "2") == 0;
}

static gboolean
grandstream_detect (const char *data,
                    gsize       len)
{
  return cfg_xml_detect_root (data, len, roots) && !is_alias_file (data, len);
}

static gboolean
alias_detect (const char *data,
              gsize       len)
{
  return cfg_xml_detect_root (data, len, roots) && is_alias_file (data, len);
}

static void
alias_init (PhonesetCfgDocument *self)
{
  cfg_xml_tree_init (self, &alias_flavour);
}

static gboolean
alias_parse (PhonesetCfgDocument  *self,
             const char           *data,
             gsize                 len,
             GError              **error)
{
  return cfg_xml_tree_parse (self, &alias_flavour, data, len, error);
}

static void
grandstream_init (PhonesetCfgDocument *self)
{
  cfg_xml_tree_init (self, &flavour);
}

static gboolean
grandstream_parse (PhonesetCfgDocument  *self,
                   const char           *data,
                   gsize                 len,
                   GError              **error)
{
  return cfg_xml_tree_parse (self, &flavour, data, len, error);
}

const PhonesetCfgCodec _phoneset_cfg_codec_grandstream_xml = {
  .name = "grandstream-xml",
  .detect = grandstream_detect,
  .init = grandstream_init,
  .parse = grandstream_parse,
  .lookup_string = cfg_xml_tree_lookup_string,
  .insert = cfg_xml_tree_insert,
  .set_value = cfg_xml_tree_set_value,
  .accepts = cfg_xml_tree_accepts,
  .key_is_secret = cfg_grandstream_key_is_secret,
};

const PhonesetCfgCodec _phoneset_cfg_codec_grandstream_alias_xml = {
  .name = "grandstream-alias-xml",
  .detect = alias_detect,
  .init = alias_init,
  .parse = alias_parse,
  .lookup_string = cfg_xml_tree_lookup_string,
  .insert = cfg_xml_tree_insert,
  .set_value = cfg_xml_tree_set_value,
  .accepts = cfg_xml_tree_accepts,
  .key_is_secret = cfg_grandstream_key_is_secret,
};
