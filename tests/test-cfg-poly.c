/* test-cfg-poly.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Poly UC Software XML codec: every attribute a key, in file order;
 * values edited in place with escaping, nothing else touched; a missing key
 * added to the element that suits the file's layout (or a new child
 * element), always reading back; no-op edits byte-identical; the master
 * file; detection beside the other XML formats; odd files kept with a
 * warning, broken ones refused with the line; the poly-uc profile's
 * User-Agent patterns and MAC prefixes.
 */

#include "config.h"

#include <string.h>

#include "phoneset-catalog.h"
#include "phoneset-cfg.h"
#include "phoneset-error.h"
#include "phoneset-fingerprint.h"
#include "phoneset-test-cfg.h"

#define POLY PHONESET_CFG_FORMAT_POLY_XML

static const char site[] =
  "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
  "<!-- site.cfg -->\r\n"
  "<polycomConfig xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
  "xsi:noNamespaceSchemaLocation=\"polycomConfig.xsd\">\r\n"
  "  <reg reg.1.address=\"201\" reg.1.auth.password='p&amp;w'/>\r\n"
  "  <nat\r\n"
  "    nat.ip=\"198.51.100.7\"\r\n"
  "    nat.keepalive.interval = \"30\"\r\n"
  "  />\r\n"
  "  <device device.set=\"1\">\r\n"
  "    <device.net device.net.vlanId=\"\"/>\r\n"
  "  </device>\r\n"
  "</polycomConfig>";

static PhonesetCfgDocument *
reparse (PhonesetCfgDocument *doc)
{
  gsize            len;
  g_autofree char *text = phoneset_test_cfg_serialize (doc, &len);

  return phoneset_test_cfg_parse (POLY, text, len);
}

static const char *
get (PhonesetCfgDocument *doc,
     const char          *key)
{
  PhonesetCfgKey k = { NULL, NULL, key, -1 };

  return phoneset_cfg_document_get (doc, &k);
}

static void
set (PhonesetCfgDocument *doc,
     const char          *key,
     const char          *value)
{
  PhonesetCfgKey k = { NULL, NULL, key, -1 };

  phoneset_cfg_document_set (doc, &k, value);
}

static void
test_parse (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (POLY, site, -1);
  const char      *keys[] = { "reg.1.address",          "reg.1.auth.password", "nat.ip",
                              "nat.keepalive.interval", "device.set",          "device.net.vlanId" };
  g_autofree char *out = NULL;
  gsize            len;

  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (phoneset_cfg_document_get_entry (doc, i)->key, ==, keys[i]);
  g_assert_cmpstr (get (doc, "reg.1.auth.password"), ==, "p&w");
  g_assert_cmpstr (get (doc, "nat.keepalive.interval"), ==, "30");
  g_assert_cmpuint (phoneset_cfg_document_get_entry (doc, 3)->line, ==, 7);
  g_assert_cmpstr (phoneset_cfg_document_get_entry (doc, 3)->raw, ==,
                   "nat.keepalive.interval = \"30\"");
  g_assert_null (get (doc, "xmlns:xsi"));
  g_assert_cmpuint (phoneset_cfg_document_get_warnings (doc)->len, ==, 0);

  out = phoneset_test_cfg_serialize (doc, &len);
  g_assert_cmpmem (out, len, site, strlen (site));
}

static void
test_edit_in_place (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (POLY, site, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  gsize len;

  set (doc, "nat.ip", "203.0.113.1");
  set (doc, "reg.1.auth.password", "a'b\"c<&>\n");
  set (doc, "device.net.vlanId", "42");
  out = phoneset_test_cfg_serialize (doc, &len);
  changed = phoneset_test_cfg_changed_lines (site, out);
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_nonnull (strstr (out, "    nat.ip=\"203.0.113.1\"\r\n"));
  g_assert_nonnull (strstr (out, "reg.1.auth.password='a&apos;b&quot;c&lt;&amp;&gt;&#10;'/>"));
  g_assert_nonnull (strstr (out, "<device.net device.net.vlanId=\"42\"/>"));

  again = reparse (doc);
  g_assert_cmpstr (get (again, "reg.1.auth.password"), ==, "a'b\"c<&>\n");
  g_assert_cmpstr (get (again, "nat.ip"), ==, "203.0.113.1");
  g_assert_cmpstr (get (again, "device.net.vlanId"), ==, "42");
}

static void
test_noop (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (POLY, site, -1);
  g_autofree char *out = NULL;
  gsize            len;

  set (doc, "nat.ip", "198.51.100.7");
  set (doc, "reg.1.auth.password", "p&w");
  out = phoneset_test_cfg_serialize (doc, &len);
  g_assert_cmpmem (out, len, site, strlen (site));
}

static void
test_add_key (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (POLY, site, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;
  gsize            len;

  /* Beside its like, in an element of one attribute a line: a line of its own. */
  set (doc, "nat.signalPort", "5070");
  /* Nothing like it in such an element: the first one that has lines. */
  set (doc, "tcpIpApp.ice.stun.server", "stun.example.test");
  /* Beside its like (the same line's keys), on one line. */
  set (doc, "reg.1.auth.userId", "201");
  out = phoneset_test_cfg_serialize (doc, &len);
  g_assert_nonnull (strstr (out, "    nat.keepalive.interval = \"30\"\r\n"
                                 "    nat.signalPort=\"5070\"\r\n"
                                 "    tcpIpApp.ice.stun.server=\"stun.example.test\"\r\n"
                                 "  />\r\n"));
  g_assert_nonnull (strstr (
    out, "<reg reg.1.address=\"201\" reg.1.auth.password='p&amp;w' reg.1.auth.userId=\"201\"/>"));

  again = reparse (doc);
  g_assert_cmpstr (get (again, "nat.signalPort"), ==, "5070");
  g_assert_cmpstr (get (again, "tcpIpApp.ice.stun.server"), ==, "stun.example.test");
  g_assert_cmpstr (get (again, "reg.1.auth.userId"), ==, "201");
  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (again), ==, 9);
}

static void
test_add_key_tag_end_on_last_line (void)
{
  const char *xml = "<phone1>\n"
                    "\t<reg\n"
                    "\t\treg.1.address=\"1\"\n"
                    "\t\treg.1.label=\"x\"/>\n"
                    "</phone1>\n";
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (POLY, xml, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;
  gsize            len;

  set (doc, "reg.1.auth.userId", "u");
  set (doc, "nat.ip", "192.0.2.1");
  out = phoneset_test_cfg_serialize (doc, &len);
  g_assert_cmpstr (out, ==,
                   "<phone1>\n"
                   "\t<reg\n"
                   "\t\treg.1.address=\"1\"\n"
                   "\t\treg.1.auth.userId=\"u\"\n"
                   "\t\tnat.ip=\"192.0.2.1\"\n"
                   "\t\treg.1.label=\"x\"/>\n"
                   "</phone1>\n");
  again = reparse (doc);
  g_assert_cmpstr (get (again, "nat.ip"), ==, "192.0.2.1");
}

static void
test_new_file (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_new (POLY);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;
  gsize            len;

  set (doc, "nat.ip", "192.0.2.9");
  set (doc, "nat.signalPort", "5060");
  set (doc, "device.net.vlanId", "7");
  out = phoneset_test_cfg_serialize (doc, &len);
  g_assert_cmpstr (out, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<polycomConfig>\n"
                   "  <nat nat.ip=\"192.0.2.9\" nat.signalPort=\"5060\"/>\n"
                   "  <device device.net.vlanId=\"7\"/>\n"
                   "</polycomConfig>\n");
  again = reparse (doc);
  g_assert_cmpstr (get (again, "device.net.vlanId"), ==, "7");
}

static void
test_self_closing_root (void)
{
  const char *xml = "<polycomConfig/>";
  const char *wazo = "<polycomConfig\n\ndevice.set=\"1\"\nqos.ip.rtp.dscp=\"46\"\n\n/>\n";
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (POLY, xml, -1);
  g_autoptr(PhonesetCfgDocument) root_keys = phoneset_test_cfg_parse (POLY, wazo, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  gsize            len;

  set (doc, "nat.ip", "192.0.2.9");
  out = phoneset_test_cfg_serialize (doc, &len);
  g_assert_cmpstr (out, ==, "<polycomConfig>\n  <nat nat.ip=\"192.0.2.9\"/>\n</polycomConfig>");
  again = reparse (doc);
  g_assert_cmpstr (get (again, "nat.ip"), ==, "192.0.2.9");

  set (root_keys, "nat.ip", "192.0.2.9");
  out2 = phoneset_test_cfg_serialize (root_keys, &len);
  g_assert_cmpstr (
    out2, ==,
    "<polycomConfig\n\ndevice.set=\"1\"\nqos.ip.rtp.dscp=\"46\"\nnat.ip=\"192.0.2.9\"\n\n/>\n");
}

static void
test_master_file (void)
{
  const char *xml =
    "<?xml version=\"1.0\" standalone=\"yes\"?>\n"
    "<APPLICATION APP_FILE_PATH=\"sip.ld\" CONFIG_FILES=\"phone1.cfg, sip.cfg\" MISC_FILES=\"\">\n"
    "<APPLICATION_SPIP300 APP_FILE_PATH_SPIP300=\"sip_212.ld\"/>\n"
    "</APPLICATION>\n";
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  PhonesetCfgFormat format;
  gsize             len;

  g_assert_true (phoneset_cfg_detect_format (xml, strlen (xml), &format));
  g_assert_cmpint (format, ==, POLY);
  doc = phoneset_test_cfg_parse (POLY, xml, -1);
  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 4);
  g_assert_cmpstr (get (doc, "CONFIG_FILES"), ==, "phone1.cfg, sip.cfg");

  /* Its own keys only: settings belong in the files it lists. */
  set (doc, "nat.ip", "192.0.2.9");
  g_assert_null (get (doc, "nat.ip"));
  set (doc, "CONFIG_FILES", "0004f2000001-phone.cfg, phone1.cfg, sip.cfg");
  out = phoneset_test_cfg_serialize (doc, &len);
  g_assert_nonnull (
    strstr (out, "CONFIG_FILES=\"0004f2000001-phone.cfg, phone1.cfg, sip.cfg\" MISC_FILES"));
  changed = phoneset_test_cfg_changed_lines (xml, out);
  g_assert_cmpuint (changed->len, ==, 1);
}

static void
test_detect (void)
{
  struct
  {
    const char *text;
    gboolean    poly;
  } cases[] = {
    { "<polycomConfig/>", TRUE },
    { "\n<!-- x -->\n<PHONE_CONFIG><ALL reg.1.address=\"1\"/></PHONE_CONFIG>", TRUE },
    { "<?xml version=\"1.0\"?><PHONE><REGISTRATION reg.1.address=\"1\"/></PHONE>", TRUE },
    { "<sip><voIpProt/></sip>", TRUE },
    { "<settings><phone-settings/></settings>", FALSE },
    { "<sysConf><Version>2.0000000000</Version></sysConf>", FALSE },
    { "<gs_provision version=\"1\"><config><P8>1</P8></config></gs_provision>", FALSE },
    { "<html/>", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PhonesetCfgFormat format = PHONESET_CFG_FORMAT_YEALINK;
      gboolean found = phoneset_cfg_detect_format (cases[i].text, strlen (cases[i].text), &format);

      g_assert_cmpint (found && format == POLY, ==, cases[i].poly);
    }
  g_assert_cmpstr (phoneset_cfg_format_to_string (POLY), ==, "poly-xml");
}

static void
test_tolerant (void)
{
  const char *xml = "<PHONE_CONFIG>\n"
                    "  <ALL reg.1.address=\"1\" reg.1.address=\"2\"/>\n"
                    "  stray text\n"
                    "  <![CDATA[ <x a.b=\"c\"/> ]]>\n"
                    "  <?pi reg.9.address=\"x\"?>\n"
                    "</PHONE_CONFIG>\n";
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (POLY, xml, -1);
  GPtrArray       *warnings = phoneset_cfg_document_get_warnings (doc);
  g_autofree char *out = NULL;
  gsize            len;

  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 2);
  g_assert_cmpstr (get (doc, "reg.1.address"), ==, "2");
  g_assert_null (get (doc, "reg.9.address"));
  g_assert_cmpuint (warnings->len, ==, 2);
  set (doc, "reg.1.address", "3");
  out = phoneset_test_cfg_serialize (doc, &len);
  g_assert_nonnull (strstr (out, "reg.1.address=\"1\" reg.1.address=\"3\""));
  g_assert_nonnull (strstr (out, "  stray text\n  <![CDATA[ <x a.b=\"c\"/> ]]>\n"));
}

/* A line break or tab written in a value is a blank to an XML parser, and
 * so to the phone [U]; CR LF is one. Written back as it was. */
static void
test_whitespace_in_value (void)
{
  const char *xml =
    "<polycomConfig>\r\n<a b.c=\"x\r\ny\tz\" d.e=\"&#10;\"/>\r\n</polycomConfig>\r\n";
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (POLY, xml, -1);
  g_autofree char *out = NULL;
  gsize            len;

  g_assert_cmpstr (get (doc, "b.c"), ==, "x y z");
  g_assert_cmpstr (get (doc, "d.e"), ==, "\n");
  out = phoneset_test_cfg_serialize (doc, &len);
  g_assert_cmpmem (out, len, xml, strlen (xml));
}

static void
test_bad_input (void)
{
  struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "line 1:" },
    { "<polycomConfig>\n<reg reg.1.address=\"1\">\n</polycomConfig>", "line 3:" },
    { "<?xml version=\"1.0\"?>\n<html><body/></html>",
      "line 2: the first element is <html>; a Poly UC Software file starts with" },
    { "<polycomConfig>\n<reg reg.1.address=\"\xff\"/>\n</polycomConfig>",
      "line 2: text that is not UTF-8" },
    { "<polycomConfig><a b.c=\"&bogus;\"/></polycomConfig>", "line 1:" },
    { "<polycomConfig/>\ntrailing", "line 2:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_parse (
        POLY, cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (doc);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
    }
}

static void
test_unwritable_key (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (POLY, site, -1);
  g_autofree char *out = NULL;
  gsize            len;

  set (doc, "bad key", "1");
  set (doc, "1.starts.with.digit", "1");
  set (doc, "x:ns", "1");
  out = phoneset_test_cfg_serialize (doc, &len);
  g_assert_cmpmem (out, len, site, strlen (site));
}

static void
test_remove (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (POLY, site, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  PhonesetCfgKey key = { NULL, NULL, "nat.keepalive.interval", -1 };

  g_assert_true (phoneset_cfg_document_remove (doc, &key));
  set (doc, "nat.signalPort", "5070");
  again = reparse (doc);
  g_assert_null (get (again, "nat.keepalive.interval"));
  g_assert_cmpstr (get (again, "nat.signalPort"), ==, "5070");
}

/* The User-Agents Wazo's plugin documents (wazo-platform/wazo-provd-plugins
 * @2321a3f3 plugins/wazo_polycom/common/common.py:72-83), the SIP form
 * without “FileTransport”, and the Trio's (unconfirmed). */
static void
test_user_agents (void)
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(PhonesetCatalog) catalog = phoneset_catalog_new (dirs);
  PhonesetFingerprintRules *rules = phoneset_catalog_get_fingerprint_rules (catalog);
  const guint8              poly[] = { 0x48, 0x25, 0x67, 1, 2, 3 };
  const char               *profile_id = NULL;
  struct
  {
    const char               *text;
    PhonesetFingerprintSource source;
    const char               *model;
    const char               *firmware;
  } cases[] = {
    { "FileTransport PolycomVVX-VVX_400-UA/4.1.4.7430 Type/Application",
      PHONESET_FINGERPRINT_SOURCE_HTTP, "VVX_400", "4.1.4.7430" },
    { "FileTransport PolycomSoundStationIP-SSIP_6000-UA/5.0.3.1667 Type/Updater",
      PHONESET_FINGERPRINT_SOURCE_HTTP, "SSIP_6000", "5.0.3.1667" },
    { "PolycomVVX-VVX_450-UA/6.4.3.5123", PHONESET_FINGERPRINT_SOURCE_SIP, "VVX_450",
      "6.4.3.5123" },
    { "PolycomRealPresenceTrio-Trio_8800-UA/5.9.5.3185", PHONESET_FINGERPRINT_SOURCE_SIP,
      "Trio_8800", "5.9.5.3185" },
  };

  g_assert_nonnull (dirs[0]);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PhonesetFingerprintMatch) match = { 0 };

      g_assert_true (
        phoneset_fingerprint_rules_match (rules, cases[i].text, cases[i].source, &match));
      g_assert_cmpstr (match.profile_id, ==, "poly-uc");
      g_assert_cmpstr (match.vendor, ==, "Poly");
      g_assert_cmpstr (match.model, ==, cases[i].model);
      g_assert_cmpstr (match.firmware, ==, cases[i].firmware);
    }
  g_assert_cmpstr (phoneset_fingerprint_rules_lookup_mac (rules, poly, &profile_id), ==, "Poly");
  g_assert_cmpstr (profile_id, ==, "poly-uc");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cfg-poly/parse", test_parse);
  g_test_add_func ("/cfg-poly/edit-in-place", test_edit_in_place);
  g_test_add_func ("/cfg-poly/noop", test_noop);
  g_test_add_func ("/cfg-poly/add-key", test_add_key);
  g_test_add_func ("/cfg-poly/add-key-tag-end-on-last-line", test_add_key_tag_end_on_last_line);
  g_test_add_func ("/cfg-poly/new-file", test_new_file);
  g_test_add_func ("/cfg-poly/self-closing-root", test_self_closing_root);
  g_test_add_func ("/cfg-poly/master-file", test_master_file);
  g_test_add_func ("/cfg-poly/detect", test_detect);
  g_test_add_func ("/cfg-poly/tolerant", test_tolerant);
  g_test_add_func ("/cfg-poly/whitespace-in-value", test_whitespace_in_value);
  g_test_add_func ("/cfg-poly/bad-input", test_bad_input);
  g_test_add_func ("/cfg-poly/unwritable-key", test_unwritable_key);
  g_test_add_func ("/cfg-poly/remove", test_remove);
  g_test_add_func ("/cfg-poly/user-agents", test_user_agents);

  return g_test_run ();
}
