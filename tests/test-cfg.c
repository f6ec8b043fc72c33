/* test-cfg.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CFG codecs: byte-exact round trips, in-place edits that change
 * exactly the intended lines, keys added where the vendor puts them, and
 * bad input refused with the line and the problem (odd input that can be
 * kept: test-cfg-tolerant.c).
 */

#include "config.h"

#include <string.h>

#include "phoneset-cfg.h"
#include "phoneset-test-cfg.h"
#include "phoneset-error.h"

static PhonesetCfgDocument *
parse_fixture (PhonesetCfgFormat   format,
               const char         *name,
               char              **contents,
               gsize              *len)
{
  g_autoptr(GError) error = NULL;
  PhonesetCfgDocument *doc;

  *contents = phoneset_test_cfg_load (name, len);
  doc = phoneset_cfg_document_parse (format, *contents, *len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Returns the lines of @a that differ from @b; both must have as many lines. */
static void
test_roundtrip (void)
{
  struct
  {
    PhonesetCfgFormat format;
    const char       *name;
    guint             n_entries;
  } files[] = {
    { PHONESET_CFG_FORMAT_YEALINK, "yealink-cp860-legacy.cfg", 26 },
    { PHONESET_CFG_FORMAT_YEALINK, "yealink-t46s-v8x.cfg", 12 },
    { PHONESET_CFG_FORMAT_FANVIL, "planet-vip2140pt.cfg", 45 },
    { PHONESET_CFG_FORMAT_SNOM_XML, "snom-d785.xml", 13 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *out = NULL;
      gsize            len, out_len;
      g_autoptr(PhonesetCfgDocument) doc =
                   parse_fixture (files[i].format, files[i].name, &contents, &len);
      PhonesetCfgFormat detected;

      out = phoneset_test_cfg_serialize (doc, &out_len);
      g_assert_cmpmem (out, out_len, contents, len);
      g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, files[i].n_entries);
      g_assert_true (phoneset_cfg_detect_format (contents, len, &detected));
      g_assert_cmpint (detected, ==, files[i].format);
    }
}

static void
test_yealink_edit_in_place (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  gsize len;
  g_autoptr(PhonesetCfgDocument) doc = parse_fixture (PHONESET_CFG_FORMAT_YEALINK,
                                                       "yealink-cp860-legacy.cfg", &contents, &len);
  PhonesetCfgKey server = { NULL, NULL, "account.1.nat.stun_server", -1 };
  PhonesetCfgKey traversal = { NULL, NULL, "account.1.nat.nat_traversal", -1 };
  PhonesetCfgKey label = { NULL, NULL, "account.1.label", -1 };

  g_assert_cmpstr (phoneset_cfg_document_get (doc, &label), ==, "Board room");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &server), ==, "");

  phoneset_cfg_document_set (doc, &server, "stun.example.org");
  phoneset_cfg_document_set (doc, &traversal, "1");
  out = phoneset_test_cfg_serialize (doc, NULL);
  changed = phoneset_test_cfg_changed_lines (contents, out);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (changed, 0), ==, "account.1.nat.nat_traversal = 1");
  g_assert_cmpstr (g_ptr_array_index (changed, 1), ==,
                   "account.1.nat.stun_server = stun.example.org");
}

static void
test_yealink_add_crlf (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  gsize            len, out_len;
  g_autoptr(PhonesetCfgDocument) doc =
               parse_fixture (PHONESET_CFG_FORMAT_YEALINK, "yealink-t46s-v8x.cfg", &contents, &len);
  PhonesetCfgKey port = { NULL, NULL, "static.sip.nat_stun.port", -1 };
  PhonesetCfgKey turn = { NULL, NULL, "static.sip.nat_turn.server", -1 };
  PhonesetCfgKey unknown = { NULL, NULL, "unknown.vendor.key", -1 };

  g_assert_cmpstr (phoneset_cfg_document_get (doc, &unknown), ==, "%NULL%");
  phoneset_cfg_document_set (doc, &port, "3479");
  phoneset_cfg_document_set (doc, &turn, "turn.example.org");
  out = phoneset_test_cfg_serialize (doc, &out_len);

  /* The edited line keeps its CRLF and "=" without spaces; the new key is
   * appended in the file's own style. */
  g_assert_nonnull (strstr (out, "static.sip.nat_stun.port=3479\r\n"));
  g_assert_true (g_str_has_suffix (
    out, "unknown.vendor.key=%NULL%\r\nstatic.sip.nat_turn.server=turn.example.org\r\n"));
  g_assert_cmpuint (out_len, ==, len + strlen ("static.sip.nat_turn.server=turn.example.org\r\n"));
}

static void
test_fanvil_edit_in_place (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  gsize len;
  g_autoptr(PhonesetCfgDocument) doc =
               parse_fixture (PHONESET_CFG_FORMAT_FANVIL, "planet-vip2140pt.cfg", &contents, &len);
  PhonesetCfgKey stun = { "SIP CONFIG MODULE", NULL, "STUN Server", -1 };
  PhonesetCfgKey nat = { "SIP CONFIG MODULE", "--SIP Line List--", "SIP1 NAT Type", -1 };
  PhonesetCfgKey vlan = { "QOS CONFIG MODULE", NULL, "VLAN ID", -1 };
  PhonesetCfgKey priority = { "QOS CONFIG MODULE", NULL, "Signalling Priority", -1 };

  g_assert_cmpstr (phoneset_cfg_document_get (doc, &stun), ==, "");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &vlan), ==, "256");
  phoneset_cfg_document_set (doc, &stun, "stun.example.org");
  phoneset_cfg_document_set (doc, &nat, "1");
  phoneset_cfg_document_set (doc, &vlan, "20");
  phoneset_cfg_document_set (doc, &priority, "6");
  out = phoneset_test_cfg_serialize (doc, NULL);
  changed = phoneset_test_cfg_changed_lines (contents, out);
  g_assert_cmpuint (changed->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (changed, 0), ==, "STUN Server        :stun.example.org\r");
  g_assert_cmpstr (g_ptr_array_index (changed, 1), ==, "SIP1 NAT Type      :1\r");
  g_assert_cmpstr (g_ptr_array_index (changed, 2), ==, "VLAN ID            :20\r");
  g_assert_cmpstr (g_ptr_array_index (changed, 3), ==, "Signalling Priority:6\r");
}

static void
test_fanvil_insert (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  gsize            len;
  g_autoptr(PhonesetCfgDocument) doc =
               parse_fixture (PHONESET_CFG_FORMAT_FANVIL, "planet-vip2140pt.cfg", &contents, &len);
  PhonesetCfgKey global = { "SIP CONFIG MODULE", NULL, "Strict UA Match", -1 };
  PhonesetCfgKey line2 = { "SIP CONFIG MODULE", "--SIP Line List--", "SIP2 Enable Reg", -1 };
  PhonesetCfgKey lldp = { "QOS CONFIG MODULE", NULL, "LLDP Learn Policy", -1 };
  PhonesetCfgKey newsec = { "DSSKEY CONFIG MODULE", NULL, "Fkey1 Type", -1 };
  PhonesetCfgKey dhcp = { "AUTOUPDATE CONFIG MODULE", "--Net Option--", "Dhcp Option 120", -1 };
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  phoneset_cfg_document_set (doc, &global, "0");
  phoneset_cfg_document_set (doc, &line2, "1");
  phoneset_cfg_document_set (doc, &lldp, "1");
  phoneset_cfg_document_set (doc, &newsec, "2");
  phoneset_cfg_document_set (doc, &dhcp, "0");
  out = phoneset_test_cfg_serialize (doc, NULL);

  /* A global key goes before the sub-list, a line key at the end of it. */
  g_assert_nonnull (
    strstr (out, "Reg Fail Interval  :32\r\nStrict UA Match    :0\r\n--SIP Line List--  :\r\n"));
  g_assert_nonnull (
    strstr (out, "SIP2 Enable Rport  :1\r\nSIP2 Enable Reg    :1\r\n\r\n<QOS CONFIG MODULE>"));
  g_assert_nonnull (strstr (out, "LLDP Refresh Time  :60\r\nLLDP Learn Policy  :1\r\n"));
  g_assert_nonnull (strstr (out, "DHCP Option        :66\r\nDhcp Option 120    :0\r\n"));
  /* A missing module is added before the end marker. */
  g_assert_true (g_str_has_suffix (
    out, "<DSSKEY CONFIG MODULE>\r\nFkey1 Type         :2\r\n<<END OF FILE>>\r\n"));

  again = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_FANVIL, out, strlen (out), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_cfg_document_get (again, &line2), ==, "1");
  g_assert_cmpstr (phoneset_cfg_document_get (again, &newsec), ==, "2");
}

static void
test_fanvil_new_document (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_new (PHONESET_CFG_FORMAT_FANVIL);
  PhonesetCfgKey   stun = { "SIP CONFIG MODULE", NULL, "STUN Server", -1 };
  PhonesetCfgKey   nat = { "SIP CONFIG MODULE", "--SIP Line List--", "SIP1 NAT Type", -1 };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  phoneset_cfg_document_set (doc, &nat, "1");
  phoneset_cfg_document_set (doc, &stun, "stun.example.org");
  out = phoneset_test_cfg_serialize (doc, NULL);
  lines = g_strsplit (out, "\r\n", -1);

  g_assert_cmpuint (strlen (lines[0]) + 2, ==, 64);
  g_assert_true (g_str_has_prefix (lines[0], "<<VOIP CONFIG FILE>>Version:2.0000000000"));
  g_assert_cmpstr (lines[1], ==, "<SIP CONFIG MODULE>");
  g_assert_cmpstr (lines[2], ==, "STUN Server        :stun.example.org");
  g_assert_cmpstr (lines[3], ==, "--SIP Line List--  :");
  g_assert_cmpstr (lines[4], ==, "SIP1 NAT Type      :1");
  g_assert_cmpstr (lines[5], ==, "<<END OF FILE>>");
  g_assert_cmpstr (lines[6], ==, "");
  g_assert_null (lines[7]);
}

static void
test_snom (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  gsize len;
  g_autoptr(PhonesetCfgDocument) doc =
               parse_fixture (PHONESET_CFG_FORMAT_SNOM_XML, "snom-d785.xml", &contents, &len);
  PhonesetCfgKey          stun = { NULL, NULL, "stun_server", 1 };
  PhonesetCfgKey          name = { NULL, NULL, "user_realname", 1 };
  PhonesetCfgKey          pnp = { NULL, NULL, "pnp_config", -1 };
  PhonesetCfgKey          tos = { NULL, NULL, "codec_tos", -1 };
  PhonesetCfgKey          stun2 = { NULL, NULL, "stun_server", 2 };
  const PhonesetCfgEntry *entry;

  g_assert_cmpstr (phoneset_cfg_document_get (doc, &stun), ==, "stun.example.org:3478");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &name), ==, "Meeting & Training");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &pnp), ==, "");
  g_assert_null (phoneset_cfg_document_get (doc, &stun2));
  entry = phoneset_cfg_document_get_entry (doc, 9);
  g_assert_cmpstr (entry->key, ==, "setting_server");
  g_assert_cmpstr (entry->perm, ==, "RW");
  g_assert_cmpuint (entry->line, ==, 14);

  phoneset_cfg_document_set (doc, &tos, "184"); /* unchanged: no edit */
  phoneset_cfg_document_set (doc, &name, "R&D <lab>");
  phoneset_cfg_document_set (doc, &pnp, "on");
  out = phoneset_test_cfg_serialize (doc, NULL);
  changed = phoneset_test_cfg_changed_lines (contents, out);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (changed, 0), ==,
                   "    <user_realname idx=\"1\" perm=\"\">R&amp;D &lt;lab&gt;</user_realname>");
  g_assert_cmpstr (g_ptr_array_index (changed, 1), ==, "    <pnp_config perm=\"\">on</pnp_config>");

  phoneset_cfg_document_set (doc, &stun2, "stun2.example.org");
  g_free (out);
  out = phoneset_test_cfg_serialize (doc, NULL);
  /* Indented as the other settings; </phone-settings> keeps its own. */
  g_assert_nonnull (strstr (
    out,
    "    <unknown_future_setting perm=\"R\">x</unknown_future_setting>\n"
    "    <stun_server idx=\"2\" perm=\"\">stun2.example.org</stun_server>\n  </phone-settings>\n"));
  g_assert_nonnull (
    strstr (out, "<functionKeys>\n    <fkey idx=\"0\" context=\"active\" perm=\"\">line</fkey>"));
}

/* An attribute value may hold "<" and even a whole "<phone-settings>" tag
 * (GMarkup lets it through); none of it is an element, and a new setting
 * goes into the real <phone-settings>, not into the attribute. */
static void
test_snom_markup_in_attribute (void)
{
  static const char xml[] = "<settings note=\"<phone-settings><stun_server "
                            "idx='1'>decoy</stun_server></phone-settings>\">\n"
                            "<phone-settings>\n"
                            "<user_ice idx=\"1\" perm=\"\" hint=\"a <b> c\">off</user_ice>\n"
                            "</phone-settings>\n"
                            "<phone-settings-old>\n</phone-settings-old>\n"
                            "</settings>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_SNOM_XML,
                                                                     xml, strlen (xml), &error);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  PhonesetCfgKey   stun = { NULL, NULL, "stun_server", 1 };
  PhonesetCfgKey   ice = { NULL, NULL, "user_ice", 1 };
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 1);
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &ice), ==, "off");
  g_assert_null (phoneset_cfg_document_get (doc, &stun));

  phoneset_cfg_document_set (doc, &stun, "stun.example.org");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_nonnull (strstr (
    out, "</user_ice>\n<stun_server idx=\"1\" "
         "perm=\"\">stun.example.org</stun_server>\n</phone-settings>\n<phone-settings-old>"));
  again = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_SNOM_XML, out, strlen (out), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_cfg_document_get (again, &stun), ==, "stun.example.org");
}

/* GMarkup ends a processing instruction at the first "?>", its own "<?"
 * included: "<?>" is a whole one, and what follows it is read. */
static void
test_snom_short_pi (void)
{
  static const char xml[] = "<?><settings>\n<phone-settings>\n"
                            "<user_ice idx=\"1\" perm=\"\">off</user_ice>\n"
                            "</phone-settings>\n<?x?>\n</settings>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_SNOM_XML,
                                                                     xml, strlen (xml), &error);
  PhonesetCfgKey ice = { NULL, NULL, "user_ice", 1 };

  g_assert_no_error (error);
  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 1);
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &ice), ==, "off");
}

/* The reader checks itself against GMarkup with markers in a copy of the
 * file (snom_verify()); a file that holds such a marker as text of its own
 * is refused, not misread (the fuzzer found it crashing the check). */
static void
test_snom_marker_text (void)
{
  static const char xml[] =
    "<settings><phone-settings></phone-settings>\xe2\x81\xa3phoneset\xe2\x81\xa3"
    "5</settings>";
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_SNOM_XML,
                                                                     xml, strlen (xml), &error);

  g_assert_null (doc);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "cannot edit safely"));
}

static void
test_remove (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  gsize            len;
  g_autoptr(PhonesetCfgDocument) doc = parse_fixture (PHONESET_CFG_FORMAT_YEALINK,
                                                       "yealink-cp860-legacy.cfg", &contents, &len);
  PhonesetCfgKey label = { NULL, NULL, "account.1.label", -1 };

  g_assert_true (phoneset_cfg_document_remove (doc, &label));
  g_assert_false (phoneset_cfg_document_remove (doc, &label));
  g_assert_null (phoneset_cfg_document_get (doc, &label));
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_null (strstr (out, "account.1.label"));
  g_assert_cmpuint (strlen (out), ==, len - strlen ("account.1.label = Board room\n"));
}

static void
test_bad_input (void)
{
  struct
  {
    PhonesetCfgFormat format;
    const char       *data;
    gsize             len;
    const char       *message;
  } cases[] = {
    { PHONESET_CFG_FORMAT_YEALINK, "", 0, "line 1: the file is empty" },
    { PHONESET_CFG_FORMAT_YEALINK, "version=1\n", 10, "line 1: a Yealink file must start with" },
    { PHONESET_CFG_FORMAT_YEALINK, "#!version:1.0.0.1\na = \x01\x02\0\xff\n", 25,
      "line 2: binary data" },
    { PHONESET_CFG_FORMAT_FANVIL, "#!version:1.0.0.1\n", 18,
      "line 1: a Fanvil or PLANET file must start with" },
    { PHONESET_CFG_FORMAT_SNOM_XML, "<settings><phone-settings><a>1</a>", 34, "line 1:" },
    { PHONESET_CFG_FORMAT_SNOM_XML, "<html><body/></html>", 20, "the root element is <html>" },
    { PHONESET_CFG_FORMAT_SNOM_XML, "<settings><tbook/></settings>", 29,
      "no <phone-settings> element" },
    { PHONESET_CFG_FORMAT_SNOM_XML, "<settings><!-- <phone-settings> --></settings>", 46,
      "no <phone-settings> element" },
    { PHONESET_CFG_FORMAT_SNOM_XML,
      "<settings><phone-settings><?pi x?><a>1</a></phone-settings></settings>", 70,
      "line 1: a declaration, CDATA section or processing instruction" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetCfgDocument) doc = NULL;

      doc = phoneset_cfg_document_parse (cases[i].format, cases[i].data, cases[i].len, &error);
      g_assert_null (doc);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message);
    }
}

/* What was refused until the readers were made tolerant is read now, kept
 * byte for byte, with a warning (more in test-cfg-tolerant.c). */
static void
test_odd_input_kept (void)
{
  struct
  {
    PhonesetCfgFormat format;
    const char       *data;
    gsize             len;
    guint             line;
    const char       *message;
  } cases[] = {
    { PHONESET_CFG_FORMAT_YEALINK, "#!version:1.0.0.1\nstatic.a = 1\nnonsense here\n", 45, 3,
      "line 3: “nonsense here” is not a “key = value” line; kept as it is" },
    { PHONESET_CFG_FORMAT_YEALINK, "#!version:1.0.0.1\nbad key = 1\n", 30, 2,
      "line 2: “bad key” is not a Yealink parameter name; the line is kept as it is" },
    { PHONESET_CFG_FORMAT_YEALINK, "#!version:1.0.0.1\na = \xc3\x28\n", 24, 2,
      "line 2: the value of “a” is not UTF-8 text; the line is kept as it is" },
    { PHONESET_CFG_FORMAT_FANVIL,
      "<<VOIP CONFIG FILE>>Version:2.0000000000\r\n<SIP CONFIG MODULE>\r\nSTUN Port          "
      ":3478\r\n",
      87, 3, "line 3: the file ends without “<<END OF FILE>>”; it may be cut short" },
    { PHONESET_CFG_FORMAT_FANVIL,
      "<<VOIP CONFIG FILE>>Version:2.0002\nSTUN Port :1\n<<END OF FILE>>\n", 64, 2,
      "line 2: “STUN Port :1” stands outside any <… CONFIG MODULE> section; kept as it is" },
    { PHONESET_CFG_FORMAT_FANVIL,
      "<<VOIP CONFIG FILE>>Version:2.0002\n<SIP CONFIG MODULE>\nno colon\n<<END OF FILE>>\n", 80, 3,
      "line 3: “no colon” is not a “Key :value” line; kept as it is" },
    { PHONESET_CFG_FORMAT_FANVIL,
      "<<VOIP CONFIG FILE>>Version:2.0002\n<SIP CONFIG MODULE>\n<<END OF FILE>>\nmore\n", 75, 4,
      "line 4: text after “<<END OF FILE>>”; kept as it is (phones ignore it)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetCfgDocument) doc = NULL;
      g_autofree char    *out = NULL;
      gsize               out_len;
      GPtrArray          *warnings;
      PhonesetCfgWarning *warning;

      doc = phoneset_cfg_document_parse (cases[i].format, cases[i].data, cases[i].len, &error);
      g_assert_no_error (error);
      out = phoneset_test_cfg_serialize (doc, &out_len);
      g_assert_cmpmem (out, out_len, cases[i].data, cases[i].len);
      warnings = phoneset_cfg_document_get_warnings (doc);
      g_assert_cmpuint (warnings->len, ==, 1);
      warning = g_ptr_array_index (warnings, 0);
      g_assert_cmpuint (warning->line, ==, cases[i].line);
      if (!g_str_has_prefix (warning->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, warning->message, cases[i].message);
    }
}

static void
test_oversized (void)
{
  gsize            len = PHONESET_CFG_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (len);
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCfgDocument) doc = NULL;

  memset (data, 'a', len);
  doc = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_YEALINK, data, len, &error);
  g_assert_null (doc);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cfg/roundtrip", test_roundtrip);
  g_test_add_func ("/cfg/yealink/edit-in-place", test_yealink_edit_in_place);
  g_test_add_func ("/cfg/yealink/add-crlf", test_yealink_add_crlf);
  g_test_add_func ("/cfg/fanvil/edit-in-place", test_fanvil_edit_in_place);
  g_test_add_func ("/cfg/fanvil/insert", test_fanvil_insert);
  g_test_add_func ("/cfg/fanvil/new-document", test_fanvil_new_document);
  g_test_add_func ("/cfg/snom", test_snom);
  g_test_add_func ("/cfg/snom/markup-in-attribute", test_snom_markup_in_attribute);
  g_test_add_func ("/cfg/snom/short-pi", test_snom_short_pi);
  g_test_add_func ("/cfg/snom/marker-text", test_snom_marker_text);
  g_test_add_func ("/cfg/remove", test_remove);
  g_test_add_func ("/cfg/bad-input", test_bad_input);
  g_test_add_func ("/cfg/odd-input-kept", test_odd_input_kept);
  g_test_add_func ("/cfg/oversized", test_oversized);

  return g_test_run ();
}
