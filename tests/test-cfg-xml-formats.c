/* test-cfg-xml-formats.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nested XML codecs, Fanvil XML (<sysConf> and <VOIP_CONFIG_FILE>) and
 * snom C520: byte-exact round trips (CRLF, no final line break, byte order
 * mark, declaration, comments), edits in place with escaping, new settings
 * inside the right parent in the neighbours' indentation (parents created),
 * odd markup kept with a warning, broken files refused with the line, the
 * profiles' keys, and `phoneset import` / `export --base` on such files.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "phoneset-cfg.h"
#include "phoneset-test-cfg.h"
#include "phoneset-error.h"
#include "phoneset-profile.h"
#include "phoneset-test-cli.h"
#include "phoneset-test-catalog.h"

static char *tmpdir;

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cfg", name, NULL);
}

/* The document after the edits, read again: it must parse. */
static PhonesetCfgDocument *
reparse (PhonesetCfgDocument *doc)
{
  gsize            len;
  g_autofree char *out = phoneset_test_cfg_serialize (doc, &len);

  return phoneset_test_cfg_parse (phoneset_cfg_document_get_format (doc), out, len);
}

static const char *
get (PhonesetCfgDocument *doc,
     const char          *path)
{
  PhonesetCfgKey key = { NULL, NULL, path, -1 };

  return phoneset_cfg_document_get (doc, &key);
}

static void
set (PhonesetCfgDocument *doc,
     const char          *path,
     const char          *value)
{
  PhonesetCfgKey key = { NULL, NULL, path, -1 };

  phoneset_cfg_document_set (doc, &key, value);
}

/* The lines of @b that differ from @a; both must have as many lines. */
static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

static guint
n_warnings (PhonesetCfgDocument *doc)
{
  return phoneset_cfg_document_get_warnings (doc)->len;
}

static gboolean
has_warning (PhonesetCfgDocument *doc,
             guint                line,
             const char          *contains)
{
  GPtrArray *warnings = phoneset_cfg_document_get_warnings (doc);

  for (guint i = 0; i < warnings->len; i++)
    {
      PhonesetCfgWarning *w = g_ptr_array_index (warnings, i);

      if (w->line == line && strstr (w->message, contains) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Round trips ------------------------------------------------------------ */

static void
test_roundtrip (void)
{
  struct
  {
    PhonesetCfgFormat format;
    const char       *name;
    guint             n_entries;
  } files[] = {
    { PHONESET_CFG_FORMAT_FANVIL_XML, "fanvil-x3u-sysconf.xml", 51 },
    { PHONESET_CFG_FORMAT_FANVIL_XML, "fanvil-x4-voip.xml", 27 },
    { PHONESET_CFG_FORMAT_SNOM_C520, "snom-c520.xml", 31 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *contents = NULL;
      gsize            len;
      g_autofree char *crlf = NULL;
      g_autofree char *lf = NULL;
      g_autofree char *bom = NULL;
      g_autofree char *cut = NULL;
      const char      *variants[5];

      contents = phoneset_test_cfg_load (files[i].name, &len);
      lf = replace_all (contents, "\r\n", "\n");
      crlf = replace_all (lf, "\n", "\r\n");
      bom = g_strconcat ("\xEF\xBB\xBF", contents, NULL);
      cut = g_strdup (lf);
      while (cut[0] != '\0' && (cut[strlen (cut) - 1] == '\n'))
        cut[strlen (cut) - 1] = '\0';
      variants[0] = contents;
      variants[1] = lf;
      variants[2] = crlf;
      variants[3] = bom;
      variants[4] = cut;

      for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
        {
          gsize n = strlen (variants[v]);
          g_autoptr(PhonesetCfgDocument) doc =
                       phoneset_test_cfg_parse (files[i].format, variants[v], n);
          g_autofree char  *out = NULL;
          gsize             out_len;
          PhonesetCfgFormat detected;

          out = phoneset_test_cfg_serialize (doc, &out_len);
          g_assert_cmpmem (out, out_len, variants[v], n);
          g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, files[i].n_entries);
          g_assert_cmpuint (n_warnings (doc), ==, 0);
          g_assert_true (phoneset_cfg_detect_format (variants[v], n, &detected));
          g_assert_cmpint (detected, ==, files[i].format);
        }
    }
}

/* A snom C520 file holds <settings>, as the desk phones' do; each is told
 * for what it is, and read by its own codec only. */
static void
test_detect (void)
{
  g_autofree char  *c520 = NULL;
  g_autofree char  *d785 = NULL;
  gsize             c520_len, d785_len;
  PhonesetCfgFormat format;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  static const char c620[] =
    "<?xml version=\"1.0\"?>\n<settings>\n  <file/>\n  <sip_account>\n    <idx "
    "id=\"1\"><user_id>1</user_id></idx>\n  </sip_account>\n</settings>\n";

  c520 = phoneset_test_cfg_load ("snom-c520.xml", &c520_len);
  d785 = phoneset_test_cfg_load ("snom-d785.xml", &d785_len);
  g_assert_true (phoneset_cfg_detect_format (c520, c520_len, &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_SNOM_C520);
  g_assert_true (phoneset_cfg_detect_format (c620, strlen (c620), &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_SNOM_C520);
  g_assert_true (phoneset_cfg_detect_format (d785, d785_len, &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_SNOM_XML);
  g_assert_true (phoneset_cfg_detect_format ("<!-- x -->\n<sysConf/>", 21, &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_FANVIL_XML);
  g_assert_false (phoneset_cfg_detect_format ("<html><sysConf/></html>", 23, &format));

  /* A desk phone's file is no C520 file, even when read as one. */
  doc = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_SNOM_C520, d785, d785_len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (get (doc, "settings/phone-settings/stun_server[1]"), ==,
                   "stun.example.org:3478");
  g_assert_cmpstr (phoneset_cfg_format_to_string (PHONESET_CFG_FORMAT_FANVIL_XML), ==,
                   "fanvil-xml");
  g_assert_cmpstr (phoneset_cfg_format_to_string (PHONESET_CFG_FORMAT_SNOM_C520), ==,
                   "snom-c520-xml");
}

/* Fanvil <sysConf> ------------------------------------------------------- */

static void
test_sysconf_read (void)
{
  g_autofree char *contents = NULL;
  gsize            len;
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  PhonesetCfgKey          key = { NULL, NULL, "sysConf/sip/line[1]/DisplayName", -1 };
  const PhonesetCfgEntry *entry;

  contents = phoneset_test_cfg_load ("fanvil-x3u-sysconf.xml", &len);
  doc = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_FANVIL_XML, contents, len);
  g_assert_cmpstr (get (doc, "sysConf/Version"), ==, "2.0000000000");
  g_assert_cmpstr (get (doc, "sysConf/sip/STUNPort"), ==, "3478");
  g_assert_cmpstr (get (doc, "sysConf/sip/STUNServer"), ==, "");
  g_assert_cmpstr (get (doc, "sysConf/sip/ExternNATAddrs"), ==, "");
  g_assert_cmpstr (get (doc, "sysConf/sip/line[2]/UDPUpdateTTL"), ==, "30");
  g_assert_cmpstr (get (doc, "sysConf/cti/BootCompletedUrl"), ==,
                   "http://pbx.example.org/event?ev=boot&mac=$mac");
  g_assert_cmpstr (get (doc, "sysConf/ap/pnp/PNPIP"), ==, "224.0.1.75");
  g_assert_null (get (doc, "sysConf/sip/line[3]/PhoneNumber"));
  g_assert_null (get (doc, "sysConf/sip/line/PhoneNumber"));
  g_assert_null (get (doc, "VOIP_CONFIG_FILE/SIP_CONFIG_MODULE/STUN_Server"));

  entry = phoneset_cfg_document_lookup_entry (doc, &key);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->value, ==, "Board & Training Room");
  g_assert_cmpstr (entry->raw, ==, "<DisplayName>Board &amp; Training Room</DisplayName>");
  g_assert_cmpuint (entry->line, ==, 16);
}

static void
test_sysconf_edit_in_place (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  gsize            len;
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autoptr(GPtrArray) changed = NULL;

  contents = phoneset_test_cfg_load ("fanvil-x3u-sysconf.xml", &len);
  doc = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_FANVIL_XML, contents, len);

  set (doc, "sysConf/sip/STUNPort", "3478"); /* unchanged: no edit */
  set (doc, "sysConf/sip/STUNServer", "stun.example.org");
  set (doc, "sysConf/sip/line[1]/DisplayName", "R&D <lab> \"1\"");
  set (doc, "sysConf/sip/ExternNATAddrs", "203.0.113.7");
  set (doc, "VOIP_CONFIG_FILE/SIP_CONFIG_MODULE/STUN_Server",
       "not.here"); /* another generation's key */
  out = phoneset_test_cfg_serialize (doc, NULL);
  changed = phoneset_test_cfg_changed_lines (contents, out);
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (changed, 0), ==,
                   "        <STUNServer>stun.example.org</STUNServer>");
  g_assert_cmpstr (g_ptr_array_index (changed, 1), ==,
                   "        <ExternNATAddrs>203.0.113.7</ExternNATAddrs>");
  g_assert_cmpstr (g_ptr_array_index (changed, 2), ==,
                   "            <DisplayName>R&amp;D &lt;lab&gt; &quot;1&quot;</DisplayName>");
  g_assert_null (get (doc, "VOIP_CONFIG_FILE/SIP_CONFIG_MODULE/STUN_Server"));

  again = reparse (doc);
  g_assert_cmpstr (get (again, "sysConf/sip/line[1]/DisplayName"), ==, "R&D <lab> \"1\"");
  g_assert_cmpstr (get (again, "sysConf/sip/ExternNATAddrs"), ==, "203.0.113.7");
  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (again), ==,
                    phoneset_cfg_document_get_n_entries (doc));
}

static void
test_sysconf_insert (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  gsize            len;
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autoptr(PhonesetCfgDocument) again = NULL;

  contents = phoneset_test_cfg_load ("fanvil-x3u-sysconf.xml", &len);
  doc = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_FANVIL_XML, contents, len);

  /* In its parent, after the last child, in the children's indentation. */
  set (doc, "sysConf/qos/LANPortPriority", "5");
  /* A third line: after the second, before <p2p>, with its index. */
  set (doc, "sysConf/sip/line[3]/PhoneNumber", "2003");
  set (doc, "sysConf/sip/line[3]/NATType", "1");
  /* A section the file has not: at the end of <sysConf>. */
  set (doc, "sysConf/fwCheck/EnableAutoUpgrade", "0");
  set (doc, "sysConf/ap/opt/DHCPv6Option", "0");
  out = phoneset_test_cfg_serialize (doc, NULL);

  g_assert_nonnull (strstr (out, "        <FutureQosKey>7</FutureQosKey>\n        "
                                 "<LANPortPriority>5</LANPortPriority>\n    </qos>\n"));
  g_assert_nonnull (strstr (out, "            <UDPUpdateTTL>30</UDPUpdateTTL>\n        </line>\n"
                                 "        <line index=\"3\">\n"
                                 "            <PhoneNumber>2003</PhoneNumber>\n"
                                 "            <NATType>1</NATType>\n"
                                 "        </line>\n"
                                 "        <p2p>\n"));
  g_assert_nonnull (strstr (out, "            <DHCPOption>66</DHCPOption>\n            "
                                 "<DHCPv6Option>0</DHCPv6Option>\n        </opt>\n"));
  g_assert_true (g_str_has_suffix (out, "    </qos>\n"
                                        "    <fwCheck>\n"
                                        "        <EnableAutoUpgrade>0</EnableAutoUpgrade>\n"
                                        "    </fwCheck>\n"
                                        "</sysConf>\n"));

  again = reparse (doc);
  g_assert_cmpstr (get (again, "sysConf/sip/line[3]/PhoneNumber"), ==, "2003");
  g_assert_cmpstr (get (again, "sysConf/sip/line[3]/NATType"), ==, "1");
  g_assert_cmpstr (get (again, "sysConf/fwCheck/EnableAutoUpgrade"), ==, "0");
  g_assert_cmpstr (get (again, "sysConf/qos/LANPortPriority"), ==, "5");
  g_assert_cmpstr (get (again, "sysConf/sip/line[1]/PhoneNumber"), ==, "2001");
  g_assert_cmpuint (n_warnings (again), ==, 0);
}

/* A new file: the current generation, <sysConf>, four blanks a level. */
static void
test_sysconf_new_document (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_new (PHONESET_CFG_FORMAT_FANVIL_XML);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;

  set (doc, "sysConf/sip/STUNServer", "stun.example.org");
  set (doc, "VOIP_CONFIG_FILE/SIP_CONFIG_MODULE/STUN_Server", "stun.example.org");
  set (doc, "sysConf/sip/line[1]/NATType", "1");
  set (doc, "sysConf/sip/line[2]/NATType", "1");
  set (doc, "sysConf/qos/VLANID", "20");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_cmpstr (out, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<sysConf>\n"
                   "    <Version>2.0000000000</Version>\n"
                   "    <sip>\n"
                   "        <STUNServer>stun.example.org</STUNServer>\n"
                   "        <line index=\"1\">\n"
                   "            <NATType>1</NATType>\n"
                   "        </line>\n"
                   "        <line index=\"2\">\n"
                   "            <NATType>1</NATType>\n"
                   "        </line>\n"
                   "    </sip>\n"
                   "    <qos>\n"
                   "        <VLANID>20</VLANID>\n"
                   "    </qos>\n"
                   "</sysConf>\n");
  again = reparse (doc);
  g_assert_cmpstr (get (again, "sysConf/sip/line[2]/NATType"), ==, "1");
}

/* Fanvil <VOIP_CONFIG_FILE> ---------------------------------------------- */

static void
test_voip (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *before = NULL;
  gsize            len;
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autoptr(PhonesetCfgDocument) again = NULL;
#define LINE "VOIP_CONFIG_FILE/SIP_CONFIG_MODULE/SIP_Line_List/SIP_Line_List_Entry"
  const char *sip1 = LINE "[SIP1]/Phone_Number";
  const char *sip2 = LINE "[SIP2]/Phone_Number";
  const char *sip3 = LINE "[SIP3]/Phone_Number";
  const char *sip3_nat = LINE "[SIP3]/NAT_Type";
  const char *id3 = LINE "[SIP3]/ID";
#undef LINE

  contents = phoneset_test_cfg_load ("fanvil-x4-voip.xml", &len);
  doc = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_FANVIL_XML, contents, len);
  g_assert_cmpstr (get (doc, sip1), ==, "3001");
  g_assert_cmpstr (get (doc, sip2), ==, "");
  g_assert_cmpstr (get (doc, "VOIP_CONFIG_FILE/QOS_CONFIG_MODULE/VLAN_ID"), ==, "20");
  g_assert_cmpstr (get (doc, "VOIP_CONFIG_FILE/version"), ==, "2.0002");

  /* A key of the <sysConf> generation has no place here. */
  set (doc, "sysConf/sip/STUNServer", "stun.example.org");
  before = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_cmpstr (before, ==, contents);

  set (doc, sip2, "3002");
  set (doc, sip3, "3003");
  set (doc, sip3_nat, "1");
  set (doc, "VOIP_CONFIG_FILE/TR069_CONFIG_MODULE/Enable_TR069", "0");
  out = phoneset_test_cfg_serialize (doc, NULL);
  /* No indentation, CRLF, no line break at the end: as the file has it. */
  g_assert_nonnull (strstr (out, "<ID>SIP2</ID>\r\n<Phone_Number>3002</Phone_Number>\r\n"));
  g_assert_nonnull (
    strstr (out, "<Enable_Reg>0</Enable_Reg>\r\n</SIP_Line_List_Entry>\r\n"
                 "<SIP_Line_List_Entry>\r\n<ID>SIP3</ID>\r\n<Phone_Number>3003</Phone_Number>\r\n"
                 "<NAT_Type>1</NAT_Type>\r\n</SIP_Line_List_Entry>\r\n</SIP_Line_List>\r\n"));
  g_assert_true (g_str_has_suffix (
    out, "</AUTOUPDATE_CONFIG_MODULE>\r\n<TR069_CONFIG_MODULE>\r\n"
         "<Enable_TR069>0</Enable_TR069>\r\n</TR069_CONFIG_MODULE>\r\n</VOIP_CONFIG_FILE>"));
  g_assert_null (strstr (out, "sysConf"));

  again = reparse (doc);
  g_assert_cmpstr (get (again, sip3), ==, "3003");
  g_assert_cmpstr (get (again, id3), ==, "SIP3");
  g_assert_cmpstr (get (again, sip2), ==, "3002");
}

/* Entries without <ID> are named by their position; only the next one can
 * be added. */
static void
test_voip_positions (void)
{
  static const char xml[] = "<VOIP_CONFIG_FILE>\n"
                            "<DSP_CONFIG_MODULE>\n"
                            "<Alert_Info_Ring>\n"
                            "<Alert_Info_Ring_Entry>\n<Text>a</Text>\n</Alert_Info_Ring_Entry>\n"
                            "<Alert_Info_Ring_Entry>\n<Text>b</Text>\n</Alert_Info_Ring_Entry>\n"
                            "</Alert_Info_Ring>\n"
                            "</DSP_CONFIG_MODULE>\n"
                            "</VOIP_CONFIG_FILE>\n";
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_FANVIL_XML, xml, strlen (xml));
  g_autoptr(PhonesetCfgDocument) again = NULL;
  const char *base = "VOIP_CONFIG_FILE/DSP_CONFIG_MODULE/Alert_Info_Ring/Alert_Info_Ring_Entry";
  g_autofree char *second = g_strconcat (base, "[2]/Text", NULL);
  g_autofree char *third = g_strconcat (base, "[3]/Text", NULL);
  g_autofree char *fifth = g_strconcat (base, "[5]/Text", NULL);

  g_assert_cmpstr (get (doc, second), ==, "b");
  set (doc, fifth, "e");
  g_assert_null (get (doc, fifth));
  set (doc, third, "c");
  again = reparse (doc);
  g_assert_cmpstr (get (again, third), ==, "c");
  g_assert_cmpstr (get (again, second), ==, "b");
}

/* Only a list entry (“…_Entry”) is named by an <ID> child or its
 * position; an <ID> elsewhere, or attributes on the top-level element, name
 * nothing (found by the fuzzer: an <ID> under <sysConf> renamed the root). */
static void
test_identity_scope (void)
{
  static const char xml[] = "<sysConf index=\"4\">\n"
                            "  <ID>SIP1</ID>\n"
                            "  <sip>\n"
                            "    <ID>x</ID>\n"
                            "    <STUNPort>3478</STUNPort>\n"
                            "  </sip>\n"
                            "</sysConf>\n";
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_FANVIL_XML, xml, strlen (xml));
  g_autoptr(PhonesetCfgDocument) again = NULL;

  g_assert_cmpstr (get (doc, "sysConf/ID"), ==, "SIP1");
  g_assert_cmpstr (get (doc, "sysConf/sip/STUNPort"), ==, "3478");
  set (doc, "sysConf/sip/line[1]/PhoneNumber", "1");
  again = reparse (doc);
  g_assert_cmpstr (get (again, "sysConf/sip/line[1]/PhoneNumber"), ==, "1");
}

/* snom C520 -------------------------------------------------------------- */

static void
test_c520 (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  gsize            len;
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autoptr(GPtrArray) changed = NULL;

  contents = phoneset_test_cfg_load ("snom-c520.xml", &len);
  doc = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_C520, contents, len);
  g_assert_cmpstr (get (doc, "settings/sip_account/idx[1]/user_id"), ==, "4001");
  g_assert_cmpstr (get (doc, "settings/sip_account/idx[1]/label"), ==, "Conference <Room 1>");
  g_assert_cmpstr (get (doc, "settings/sip_account/idx[1]/codec_priority/idx[2]"), ==, "g711u");
  g_assert_cmpstr (get (doc, "settings/provisioning/pnp_enable"), ==, "1");
  g_assert_cmpstr (get (doc, "profile/admin/access_password"), ==, "admin-pw");
  g_assert_cmpstr (get (doc, "file/contact/directory/overwrite"), ==,
                   "https://pbx.example.org/app/provision/000413aabbcc/directory.xml");

  set (doc, "settings/sip_account/idx[1]/nat_traversal_stun_server_address", "stun.example.org");
  set (doc, "settings/sip_account/idx[1]/nat_traversal_stun_enable", "1");
  out = phoneset_test_cfg_serialize (doc, NULL);
  changed = phoneset_test_cfg_changed_lines (contents, out);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (changed, 0), ==,
                   "            <nat_traversal_stun_enable>1</nat_traversal_stun_enable>");
  g_assert_cmpstr (
    g_ptr_array_index (changed, 1), ==,
    "            "
    "<nat_traversal_stun_server_address>stun.example.org</nat_traversal_stun_server_address>");

  set (doc, "settings/network/vlan/wan/id", "20");
  set (doc, "settings/network/vlan/wan/enable", "1");
  set (doc, "settings/sip_account/idx[2]/user_id", "4002");
  set (doc, "profile/user/access_password", "user-pw");
  g_free (out);
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_nonnull (
    strstr (out, "            <keep_alive_interval>15</keep_alive_interval>\n        </idx>\n"
                 "        <idx id=\"2\">\n"
                 "            <user_id>4002</user_id>\n"
                 "        </idx>\n"
                 "        <dns_query_option>1</dns_query_option>\n"));
  g_assert_nonnull (strstr (out, "    </time_date>\n"
                                 "    <network>\n"
                                 "        <vlan>\n"
                                 "            <wan>\n"
                                 "                <id>20</id>\n"
                                 "                <enable>1</enable>\n"
                                 "            </wan>\n"
                                 "        </vlan>\n"
                                 "    </network>\n"
                                 "</settings>\n"));
  g_assert_nonnull (strstr (
    out,
    "        <access_password>admin-pw</access_password>\n    </admin>\n"
    "    <user>\n        <access_password>user-pw</access_password>\n    </user>\n</profile>\n"));

  again = reparse (doc);
  g_assert_cmpstr (get (again, "settings/network/vlan/wan/id"), ==, "20");
  g_assert_cmpstr (get (again, "settings/sip_account/idx[2]/user_id"), ==, "4002");
  g_assert_cmpstr (get (again, "settings/sip_account/idx[1]/nat_traversal_stun_server_address"), ==,
                   "stun.example.org");
  g_assert_cmpstr (get (again, "profile/user/access_password"), ==, "user-pw");
}

/* A new file holds <settings>; a top-level element it lacks is added. */
static void
test_c520_new_document (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_new (PHONESET_CFG_FORMAT_SNOM_C520);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;

  set (doc, "settings/sip_account/idx[1]/nat_traversal_stun_server_address", "stun.example.org");
  set (doc, "settings/provisioning/pnp_enable", "0");
  set (doc, "sysConf/sip/STUNServer", "x"); /* not a C520 element */
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_cmpstr (
    out, ==,
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<settings>\n"
    "    <sip_account>\n"
    "        <idx id=\"1\">\n"
    "            "
    "<nat_traversal_stun_server_address>stun.example.org</nat_traversal_stun_server_address>\n"
    "        </idx>\n"
    "    </sip_account>\n"
    "    <provisioning>\n"
    "        <pnp_enable>0</pnp_enable>\n"
    "    </provisioning>\n"
    "</settings>\n");
  again = reparse (doc);
  g_assert_cmpstr (get (again, "settings/provisioning/pnp_enable"), ==, "0");
}

/* <settings/>, and a parent that holds only a line break, get their first
 * children in the file's style. */
static void
test_empty_parents (void)
{
  static const char c520[] = "<?xml version=\"1.0\"?>\r\n<file/>\r\n<settings/>";
  static const char sysconf[] =
    "<sysConf>\n  <Version>2.0000000000</Version>\n  <cti>\n      </cti>\n</sysConf>";
  g_autoptr(PhonesetCfgDocument) a =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_C520, c520, strlen (c520));
  g_autoptr(PhonesetCfgDocument) b =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_FANVIL_XML, sysconf, strlen (sysconf));
  g_autoptr(PhonesetCfgDocument) again_a = NULL;
  g_autoptr(PhonesetCfgDocument) again_b = NULL;
  g_autofree char *out_a = NULL;
  g_autofree char *out_b = NULL;

  set (a, "settings/provisioning/pnp_enable", "1");
  out_a = phoneset_test_cfg_serialize (a, NULL);
  g_assert_cmpstr (out_a, ==,
                   "<?xml version=\"1.0\"?>\r\n<file/>\r\n<settings>\r\n    <provisioning>\r\n"
                   "        <pnp_enable>1</pnp_enable>\r\n    </provisioning>\r\n</settings>");
  again_a = reparse (a);
  g_assert_cmpstr (get (again_a, "settings/provisioning/pnp_enable"), ==, "1");

  set (b, "sysConf/cti/ActiveUriIP", "192.0.2.10");
  set (b, "sysConf/cti/EnabledActiveUri", "1");
  out_b = phoneset_test_cfg_serialize (b, NULL);
  g_assert_cmpstr (out_b, ==,
                   "<sysConf>\n  <Version>2.0000000000</Version>\n  <cti>\n    "
                   "<ActiveUriIP>192.0.2.10</ActiveUriIP>\n"
                   "    <EnabledActiveUri>1</EnabledActiveUri>\n      </cti>\n</sysConf>");
  again_b = reparse (b);
  g_assert_cmpstr (get (again_b, "sysConf/cti/EnabledActiveUri"), ==, "1");
}

/* Tolerance --------------------------------------------------------------- */

/* What the reader does not understand is kept byte for byte, with a
 * warning, and edits elsewhere leave it alone. */
static void
test_odd_markup (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                          /* 1 */
    "<!DOCTYPE sysConf>\n"                                                  /* 2 */
    "<?fanvil hint=\"<sip>\"?>\n"                                           /* 3 */
    "<sysConf xmlns:f=\"urn:example\">\n"                                   /* 4 */
    "    <!-- <sip><STUNServer>decoy</STUNServer></sip> -->\n"              /* 5 */
    "    <sip note=\"a &lt;b&gt; index='9'\">\n"                            /* 6 */
    "        <STUNServer><![CDATA[stun<1>.example.org]]></STUNServer>\n"    /* 7 */
    "        <STUNPort>3478<!-- default --></STUNPort>\n"                   /* 8 */
    "        loose text\n"                                                  /* 9 */
    "        <f:Vendor>&#x41;&#66;</f:Vendor>\n"                            /* 10 */
    "        <line index='1'><PhoneNumber>1</PhoneNumber></line>\n"         /* 11 */
    "        <SIPPort>5060</SIPPort>\n"                                     /* 12 */
    "        <SIPPort>5062</SIPPort>\n"                                     /* 13 */
    "    </sip>\n"                                                          /* 14 */
    "</sysConf>\n"                                                          /* 15 */
    "<sysConf><sip><STUNServer>second root</STUNServer></sip></sysConf>\n"; /* 16 */
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_FANVIL_XML, xml, strlen (xml));
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;

  g_assert_true (has_warning (doc, 2, "document type declaration"));
  g_assert_true (has_warning (doc, 8, "<STUNPort> holds a comment"));
  g_assert_true (has_warning (doc, 10, "text between the elements of <sip>"));
  g_assert_true (has_warning (doc, 13, "sysConf/sip/SIPPort is set again (also on line 12)"));
  g_assert_true (has_warning (doc, 16, "a second top-level element, <sysConf>"));
  g_assert_cmpuint (n_warnings (doc), ==, 5);

  g_assert_cmpstr (get (doc, "sysConf/sip/STUNServer"), ==, "stun<1>.example.org");
  g_assert_null (get (doc, "sysConf/sip/STUNPort"));
  g_assert_cmpstr (get (doc, "sysConf/sip/f:Vendor"), ==, "AB");
  g_assert_cmpstr (get (doc, "sysConf/sip/line[1]/PhoneNumber"), ==, "1");
  g_assert_cmpstr (get (doc, "sysConf/sip/SIPPort"), ==, "5062");

  set (doc, "sysConf/sip/STUNServer", "stun.example.org");
  set (doc, "sysConf/sip/SIPPort", "5064");
  set (doc, "sysConf/sip/line[1]/EnableRport", "1");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_nonnull (strstr (
    out,
    "<STUNServer>stun.example.org</STUNServer>\n        <STUNPort>3478<!-- default --></STUNPort>\n"
    "        loose text\n"));
  g_assert_nonnull (strstr (out, "<SIPPort>5060</SIPPort>\n        <SIPPort>5064</SIPPort>\n"));
  g_assert_nonnull (strstr (
    out, "<line index='1'><PhoneNumber>1</PhoneNumber><EnableRport>1</EnableRport></line>\n"));
  g_assert_true (
    g_str_has_suffix (out, "<sysConf><sip><STUNServer>second root</STUNServer></sip></sysConf>\n"));
  g_assert_true (g_str_has_prefix (
    out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE sysConf>\n<?fanvil hint=\"<sip>\"?>\n"));

  again = reparse (doc);
  g_assert_cmpstr (get (again, "sysConf/sip/STUNServer"), ==, "stun.example.org");
  g_assert_cmpstr (get (again, "sysConf/sip/line[1]/EnableRport"), ==, "1");
}

/* Removing a setting keeps the place where the next one goes. */
static void
test_remove (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  gsize            len;
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autoptr(PhonesetCfgDocument) again = NULL;
  PhonesetCfgKey key = { NULL, NULL, "sysConf/qos/FutureQosKey", -1 };

  contents = phoneset_test_cfg_load ("fanvil-x3u-sysconf.xml", &len);
  doc = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_FANVIL_XML, contents, len);
  g_assert_true (phoneset_cfg_document_remove (doc, &key));
  set (doc, "sysConf/qos/CDPEnable", "0");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_nonnull (strstr (out, "<LLDPLearnPolicy>0</LLDPLearnPolicy>\n        \n        "
                                 "<CDPEnable>0</CDPEnable>\n    </qos>"));
  again = reparse (doc);
  g_assert_cmpstr (get (again, "sysConf/qos/CDPEnable"), ==, "0");
  g_assert_null (get (again, "sysConf/qos/FutureQosKey"));
}

static void
test_bad_input (void)
{
  struct
  {
    PhonesetCfgFormat format;
    const char       *data;
    const char       *message;
  } cases[] = {
    { PHONESET_CFG_FORMAT_FANVIL_XML, "<sysConf>\n<sip>\n<STUNServer>x</STUNServer>\n</sysConf>\n",
      "line 4:" },
    { PHONESET_CFG_FORMAT_FANVIL_XML, "<sysConf>\n<sip>\n<STUNServer>x</STUNServer>\n", "line 4:" },
    { PHONESET_CFG_FORMAT_FANVIL_XML, "<?xml version=\"1.0\"?>\n\n<html><body/></html>",
      "line 3: the first element is <html>; a Fanvil XML file starts with <sysConf> or "
      "<VOIP_CONFIG_FILE>" },
    { PHONESET_CFG_FORMAT_FANVIL_XML, "<sysConf>\n  <a>&bogus;</a>\n</sysConf>", "line 2:" },
    { PHONESET_CFG_FORMAT_FANVIL_XML, "", "line 1:" },
    { PHONESET_CFG_FORMAT_FANVIL_XML, "<sysConf><a>1</a></sysConf>\ntext after", "line 2:" },
    { PHONESET_CFG_FORMAT_FANVIL_XML, "<sysConf>\n<a>\xff</a>\n</sysConf>",
      "line 2: text that is not UTF-8" },
    { PHONESET_CFG_FORMAT_SNOM_C520, "<phone>\n</phone>",
      "line 1: the first element is <phone>; a snom C520 file starts with <settings>, <file> or "
      "<profile>" },
    { PHONESET_CFG_FORMAT_SNOM_C520,
      "<settings>\n<sip_account>\n<idx "
      "id=\"1\">\n<user_id>1</user_id>\n</sip_account>\n</settings>",
      "line 5:" },
    { PHONESET_CFG_FORMAT_SNOM_C520,
      "<settings>\n<a>\xe2\x81\xa3phoneset\xe2\x81\xa3"
      "0<!-- c --></a>\n<b>1</b>\n</settings>",
      "unusual" },
  };
  GString *deep = g_string_new ("<sysConf>");

  for (guint i = 0; i < 70; i++)
    g_string_append (deep, "<a>");
  g_string_append (deep, "1");
  for (guint i = 0; i < 70; i++)
    g_string_append (deep, "</a>");
  g_string_append (deep, "</sysConf>");

  for (guint i = 0; i < G_N_ELEMENTS (cases) + 1; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetCfgDocument) doc = NULL;
      const char       *data = i < G_N_ELEMENTS (cases) ? cases[i].data : deep->str;
      const char       *message = i < G_N_ELEMENTS (cases) ? cases[i].message : "nested too deeply";
      PhonesetCfgFormat format =
        i < G_N_ELEMENTS (cases) ? cases[i].format : PHONESET_CFG_FORMAT_FANVIL_XML;

      doc = phoneset_cfg_document_parse (format, data, strlen (data), &error);
      if (doc != NULL)
        g_error ("case %u was read", i);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (strstr (error->message, message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, message);
    }
  g_string_free (deep, TRUE);
}

/* The profiles --------------------------------------------------------------- */

/* Every key the profiles give for these formats is a place the file can
 * hold, and a value written there reads back; a Fanvil setting has a key
 * for both generations or says why not. */
static void
test_profile_keys (void)
{
  struct
  {
    const char       *profile;
    PhonesetCfgFormat format;
    const char       *base;
    guint             expected;
  } cases[] = {
    { "fanvil", PHONESET_CFG_FORMAT_FANVIL_XML, NULL, 62 },
    { "fanvil", PHONESET_CFG_FORMAT_FANVIL_XML,
      "<?xml "
      "version=\"1.0\"?>\r\n<VOIP_CONFIG_FILE>\r\n<version>2.0002</version>\r\n</"
      "VOIP_CONFIG_FILE>\r\n",
      64 },
    { "planet-vip", PHONESET_CFG_FORMAT_FANVIL_XML, NULL, 62 },
    { "snom-c520", PHONESET_CFG_FORMAT_SNOM_C520, NULL, 26 },
  };
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(GPtrArray) profiles = phoneset_test_load_profiles (dirs, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      PhonesetProfile *profile = phoneset_profiles_find (profiles, cases[c].profile);
      GPtrArray       *settings = phoneset_profile_get_settings (profile);
      g_autoptr(PhonesetCfgDocument) doc = NULL;
      g_autoptr(PhonesetCfgDocument) again = NULL;
      g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);

      g_assert_true (phoneset_profile_reads_format (profile, cases[c].format));
      doc = cases[c].base
              ? phoneset_test_cfg_parse (cases[c].format, cases[c].base, strlen (cases[c].base))
              : phoneset_cfg_document_new (cases[c].format);
      for (guint i = 0; i < settings->len; i++)
        {
          PhonesetSetting *setting = g_ptr_array_index (settings, i);
          PhonesetCfgKey   key;

          for (guint k = 0; phoneset_setting_get_cfg_key (setting, cases[c].format, k, &key); k++)
            {
              g_autofree char *value = g_strdup_printf ("v%u.%u", i, k);

              phoneset_cfg_document_set (doc, &key, value);
              if (phoneset_cfg_document_get (doc, &key) != NULL)
                g_ptr_array_add (written, g_strdup_printf ("%s=%s", key.key, value));
            }
        }
      again = reparse (doc);
      for (guint i = 0; i < written->len; i++)
        {
          g_auto(GStrv) kv = g_strsplit (g_ptr_array_index (written, i), "=", 2);

          g_assert_cmpstr (get (again, kv[0]), ==, kv[1]);
        }
      g_assert_cmpuint (written->len, ==, cases[c].expected);
      g_assert_cmpuint (n_warnings (again), ==, 0);
    }
}

/* The command line ----------------------------------------------------------- */

static JsonObject *
import_json (const char  *file,
             const char  *profile,
             JsonNode   **root)
{
  g_autofree char *path = fixture (file);
  const char *argv[] = { "import", path, "--json", profile ? "--profile" : NULL, profile, NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (r->status != 0)
    g_error ("import %s: %s", file, r->err);
  json_parser_load_from_data (parser, r->out, -1, &error);
  g_assert_no_error (error);
  *root = json_node_copy (json_parser_get_root (parser));
  return json_node_get_object (*root);
}

static char *
setting_text (JsonObject *o,
              const char *id)
{
  JsonObject *settings = json_object_get_object_member (o, "settings");
  JsonNode   *node = json_object_get_member (settings, id);

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup (json_node_get_string (node));
}

static void
assert_setting (JsonObject *o,
                const char *id,
                const char *expected)
{
  g_autofree char *text = setting_text (o, id);

  if (g_strcmp0 (text, expected) != 0)
    g_error ("%s is “%s”, not “%s”", id, text, expected);
}

static gboolean
unknown_has (JsonObject *o,
             const char *raw)
{
  JsonArray *unknown = json_object_get_array_member (o, "unknown");

  for (guint i = 0; i < json_array_get_length (unknown); i++)
    if (g_str_equal (json_array_get_string_element (unknown, i), raw))
      return TRUE;
  return FALSE;
}

static void
test_cli_import (void)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  JsonObject *sysconf = import_json ("fanvil-x3u-sysconf.xml", NULL, &a);
  JsonObject *voip = import_json ("fanvil-x4-voip.xml", "planet-vip", &b);
  JsonObject *c520 = import_json ("snom-c520.xml", NULL, &c);

  g_assert_cmpstr (json_object_get_string_member (sysconf, "profile"), ==, "fanvil");
  assert_setting (sysconf, "nat.stun.port", "3478");
  assert_setting (sysconf, "line.1.number", "2001");
  assert_setting (sysconf, "nat.keepalive.interval", "30");
  assert_setting (sysconf, "action_url.setup_completed",
                  "http://pbx.example.org/event?ev=boot&mac=$mac");
  assert_setting (sysconf, "provisioning.dhcp_option", "66");
  assert_setting (sysconf, "vlan.id", "256");
  g_assert_true (unknown_has (sysconf, "<FutureQosKey>7</FutureQosKey>"));
  g_assert_true (unknown_has (sysconf, "<DisplayName>Board &amp; Training Room</DisplayName>"));
  g_assert_false (unknown_has (sysconf, "<STUNPort>3478</STUNPort>"));

  g_assert_cmpstr (json_object_get_string_member (voip, "profile"), ==, "planet-vip");
  assert_setting (voip, "nat.stun.server", "stun.example.org");
  assert_setting (voip, "line.1.stun.enable", "true");
  assert_setting (voip, "line.1.number", "3001");
  assert_setting (voip, "vlan.enable", "true");
  assert_setting (voip, "vlan.priority.sip", "5");
  assert_setting (voip, "provisioning.server.url", "http://prov.example.org");
  assert_setting (voip, "provisioning.server.file", "Fanvil/$mac.cfg");
  g_assert_false (unknown_has (voip, "<Phone_Number>3001</Phone_Number>"));
  g_assert_true (unknown_has (voip, "<SNTP_Server>pool.ntp.org</SNTP_Server>"));

  g_assert_cmpstr (json_object_get_string_member (c520, "profile"), ==, "snom-c520");
  assert_setting (c520, "line.1.number", "4001");
  assert_setting (c520, "line.1.stun.enable", "false");
  assert_setting (c520, "nat.stun.port", "3478");
  assert_setting (c520, "nat.stun.refresh", "30");
  assert_setting (c520, "qos.dscp.rtp", "46");
  assert_setting (c520, "qos.dscp.sip", "26");
  assert_setting (c520, "provisioning.pnp.enable", "true");
  assert_setting (c520, "provisioning.server.url", "https://pbx.example.org/app/provision/");
  g_assert_null (setting_text (c520, "provisioning.server.password"));
  /* A secret among the lines kept is named, not shown. */
  g_assert_true (unknown_has (c520, "profile/admin/access_password: (set; not shown)"));
  g_assert_false (unknown_has (c520, "<access_password>admin-pw</access_password>"));
}

static char *
read_output (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_cli_export_base (void)
{
  struct
  {
    const char *base;
    const char *profile;
    const char *set[3];
    const char *changed[3];
  } cases[] = {
    { "fanvil-x3u-sysconf.xml",
      "fanvil",
      { "nat.stun.server=stun.example.org", "line.1.stun.enable=on", NULL },
      { "        <STUNServer>stun.example.org</STUNServer>", "            <NATType>1</NATType>",
        NULL } },
    { "fanvil-x4-voip.xml",
      "fanvil",
      { "nat.stun.server=stun2.example.org", "vlan.id=30", NULL },
      { "<STUN_Server>stun2.example.org</STUN_Server>\r", "<VLAN_ID>30</VLAN_ID>\r", NULL } },
    { "snom-c520.xml",
      "snom-c520",
      { "nat.stun.server=stun.example.org", "qos.dscp.sip=46", NULL },
      { "            "
        "<nat_traversal_stun_server_address>stun.example.org</nat_traversal_stun_server_address>",
        "            <sip_dscp>46</sip_dscp>", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = g_build_filename (tmpdir, cases[i].profile, NULL);
      g_autofree char *base = fixture (cases[i].base);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GPtrArray) changed = NULL;
      const char *argv[] = { "export",
                             "--profile",
                             cases[i].profile,
                             "--base",
                             base,
                             "--name",
                             "custom:room.xml",
                             "--set",
                             cases[i].set[0],
                             "--set",
                             cases[i].set[1],
                             "--output",
                             dir,
                             NULL };
      g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);

      if (r->status != 0)
        g_error ("export --base %s: %s", cases[i].base, r->err);
      g_file_get_contents (base, &before, NULL, NULL);
      after = read_output (dir, "room.xml");
      changed = phoneset_test_cfg_changed_lines (before, after);
      g_assert_cmpuint (changed->len, ==, 2);
      for (guint k = 0; k < 2; k++)
        g_assert_cmpstr (g_ptr_array_index (changed, k), ==, cases[i].changed[k]);
    }
}

/* A new C520 file, named after the MAC in lower case. */
static void
test_cli_export_c520 (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "c520-new", NULL);
  g_autofree char *out = NULL;
  const char      *argv[] = { "export",
                              "--profile",
                              "snom-c520",
                              "--mac",
                              "00:04:13:AA:BB:CC",
                              "--set",
                              "nat.stun.server=stun.example.org",
                              "--set",
                              "vlan.id=20",
                              "--set",
                              "provisioning.pnp.enable=off",
                              "--output",
                              dir,
                              NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);

  if (r->status != 0)
    g_error ("export: %s", r->err);
  out = read_output (dir, "000413aabbcc.xml");
  g_assert_true (
    g_str_has_prefix (out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<settings>\n"));
  g_assert_nonnull (strstr (
    out, "    <sip_account>\n        <idx id=\"1\">\n"
         "            "
         "<nat_traversal_stun_server_address>stun.example.org</nat_traversal_stun_server_address>\n"
         "        </idx>\n    </sip_account>\n"));
  g_assert_nonnull (strstr (
    out, "    <network>\n        <vlan>\n            <wan>\n                <id>20</id>\n"));
  g_assert_nonnull (strstr (out, "        <pnp_enable>0</pnp_enable>\n"));
  g_assert_true (g_str_has_suffix (out, "</settings>\n"));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("phoneset-cfg-xml-XXXXXX", NULL);

  g_test_add_func ("/cfg-xml/roundtrip", test_roundtrip);
  g_test_add_func ("/cfg-xml/detect", test_detect);
  g_test_add_func ("/cfg-xml/sysconf/read", test_sysconf_read);
  g_test_add_func ("/cfg-xml/sysconf/edit-in-place", test_sysconf_edit_in_place);
  g_test_add_func ("/cfg-xml/sysconf/insert", test_sysconf_insert);
  g_test_add_func ("/cfg-xml/sysconf/new-document", test_sysconf_new_document);
  g_test_add_func ("/cfg-xml/voip", test_voip);
  g_test_add_func ("/cfg-xml/voip/positions", test_voip_positions);
  g_test_add_func ("/cfg-xml/identity-scope", test_identity_scope);
  g_test_add_func ("/cfg-xml/c520", test_c520);
  g_test_add_func ("/cfg-xml/c520/new-document", test_c520_new_document);
  g_test_add_func ("/cfg-xml/empty-parents", test_empty_parents);
  g_test_add_func ("/cfg-xml/odd-markup", test_odd_markup);
  g_test_add_func ("/cfg-xml/remove", test_remove);
  g_test_add_func ("/cfg-xml/bad-input", test_bad_input);
  g_test_add_func ("/cfg-xml/profile-keys", test_profile_keys);
  g_test_add_func ("/cfg-xml/cli/import", test_cli_import);
  g_test_add_func ("/cfg-xml/cli/export-base", test_cli_export_base);
  g_test_add_func ("/cfg-xml/cli/export-c520", test_cli_export_c520);

  result = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);

    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
  g_free (tmpdir);
  return result;
}
