/* test-cfg-grandstream.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Grandstream codecs: the XML P-values (<gs_provision><config><P47>),
 * the alias form (<config version="2"><item name="…">) and the older plain text
 * (“P47 = value”): detection beside the other XML and text formats,
 * byte-exact round trips, edits in place, new P-values inside <config> in
 * the siblings' indentation or as new lines in the file's style, tolerant
 * reading, refusals, and masked secrets.
 */

#include "config.h"

#include <string.h>

#include "phoneset-cfg.h"
#include "phoneset-error.h"
#include "phoneset-test-cfg.h"

static const char xml_file[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\r\n"
                               "<!-- test -->\r\n"
                               "<gs_provision version=\"1\">\r\n"
                               "<mac>000b82a1b2c3</mac>\r\n"
                               "  <config version=\"1\">\r\n"
                               "    <!-- SIP Server -->\r\n"
                               "    <P47>pbx.example.com:5060</P47>\r\n"
                               "    <P35>1001</P35>\r\n"
                               "\r\n"
                               "\t<P52>2</P52>\r\n"
                               "    <P2>S3cr3t</P2>\r\n"
                               "    <P76></P76>\r\n"
                               "    <P8000>a &amp; b</P8000>\r\n"
                               "  </config>\r\n"
                               "</gs_provision>";

static const char text_file[] = "# Phoneset test\n"
                                "P47 = pbx.example.com\n"
                                "# P270 = commented out\n"
                                "P76 =\n"
                                "P459= { x+ }\n"
                                "this is no setting\n"
                                "Q12 = not a P-value\n"
                                "P2 = S3cr3t\n";

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

static char *
serialize (PhonesetCfgDocument *doc)
{
  gsize len;

  return phoneset_test_cfg_serialize (doc, &len);
}

static void
assert_reparses (PhonesetCfgDocument *doc)
{
  gsize            len;
  g_autofree char *out = phoneset_test_cfg_serialize (doc, &len);
  g_autoptr(PhonesetCfgDocument) again =
               phoneset_test_cfg_parse (phoneset_cfg_document_get_format (doc), out, len);
  g_autofree char *out2 = serialize (again);

  g_assert_cmpstr (out, ==, out2);
}

static void
test_detect (void)
{
  struct
  {
    const char *data;
    gboolean    found;
    int         format;
  } cases[] = {
    { xml_file, TRUE, PHONESET_CFG_FORMAT_GRANDSTREAM_XML },
    { "\xEF\xBB\xBF<gs_provision version=\"1\"><config version=\"2\"/></gs_provision>", TRUE,
      PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML },
    { "<gs_provision version=\"1\">\n\t<config version='2'>\n\t</config>\n</gs_provision>\n", TRUE,
      PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML },
    { "<gs_provision version=\"1\"><mac>x</mac><config version=\"1\"></config></gs_provision>",
      TRUE, PHONESET_CFG_FORMAT_GRANDSTREAM_XML },
    { "<gs_provision version=\"1\"><config></config></gs_provision>", TRUE,
      PHONESET_CFG_FORMAT_GRANDSTREAM_XML },
    { text_file, TRUE, PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT },
    { "\n\n# only a comment\nP47=x\n", TRUE, PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT },
    { "<?xml version=\"1.0\"?>\n<settings><phone-settings/></settings>\n", TRUE,
      PHONESET_CFG_FORMAT_SNOM_XML },
    { "<?xml version=\"1.0\"?>\n<sysConf><Version>2.0</Version></sysConf>\n", TRUE,
      PHONESET_CFG_FORMAT_FANVIL_XML },
    { "#!version:1.0.0.1\naccount.1.user_name = 1\n", TRUE, PHONESET_CFG_FORMAT_YEALINK },
    { "<?xml version=\"1.0\"?>\n<polycomConfig><reg reg.1.address=\"1\"/></polycomConfig>\n", FALSE,
      0 },
    { "<PHONE_CONFIG><ALL/></PHONE_CONFIG>\n", FALSE, 0 },
    { "# a comment\nuser_name1$: 1001\n", TRUE, PHONESET_CFG_FORMAT_SNOM_TEXT },
    { "P47 pbx.example.com\n", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PhonesetCfgFormat format = 0;
      gboolean found = phoneset_cfg_detect_format (cases[i].data, strlen (cases[i].data), &format);

      g_test_message ("case %u", i);

      if (cases[i].found)
        {
          g_assert_true (found);
          g_assert_cmpint (format, ==, cases[i].format);
        }
      else if (found)
        {
          g_assert_cmpint (format, !=, PHONESET_CFG_FORMAT_GRANDSTREAM_XML);
          g_assert_cmpint (format, !=, PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT);
        }
    }

  /* The text form takes the XML form's keys. */
  {
    PhonesetCfgFormat key_format;

    g_assert_true (
      phoneset_cfg_format_get_key_format (PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT, &key_format));
    g_assert_cmpint (key_format, ==, PHONESET_CFG_FORMAT_GRANDSTREAM_XML);
    g_assert_false (
      phoneset_cfg_format_get_key_format (PHONESET_CFG_FORMAT_GRANDSTREAM_XML, &key_format));
    g_assert_cmpstr (phoneset_cfg_format_to_string (PHONESET_CFG_FORMAT_GRANDSTREAM_XML), ==,
                     "grandstream-xml");
    g_assert_cmpstr (phoneset_cfg_format_to_string (PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT), ==,
                     "grandstream-text");
  }
}

static void
test_xml_read_and_edit (void)
{
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_GRANDSTREAM_XML, xml_file, -1);
  g_autofree char *same = serialize (doc);
  g_autofree char *edited = NULL;
  g_autoptr(GPtrArray) changed = NULL;

  /* Byte-exact, CRLF and the missing final line break kept. */
  g_assert_cmpstr (same, ==, xml_file);
  g_assert_cmpstr (get (doc, "gs_provision/config/P47"), ==, "pbx.example.com:5060");
  g_assert_cmpstr (get (doc, "gs_provision/config/P52"), ==, "2");
  g_assert_cmpstr (get (doc, "gs_provision/config/P76"), ==, "");
  g_assert_cmpstr (get (doc, "gs_provision/config/P8000"), ==, "a & b");
  g_assert_cmpstr (get (doc, "gs_provision/mac"), ==, "000b82a1b2c3");
  g_assert_null (get (doc, "gs_provision/config/P51"));

  /* A no-op edit changes nothing. */
  set (doc, "gs_provision/config/P47", "pbx.example.com:5060");
  g_clear_pointer (&same, g_free);
  same = serialize (doc);
  g_assert_cmpstr (same, ==, xml_file);

  /* In place: only the value's bytes; escaped. */
  set (doc, "gs_provision/config/P35", "<1002>");
  set (doc, "gs_provision/config/P76", "stun.example.com");
  edited = serialize (doc);
  changed = phoneset_test_cfg_changed_lines (xml_file, edited);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_nonnull (strstr (edited, "    <P35>&lt;1002&gt;</P35>\r\n"));
  g_assert_nonnull (strstr (edited, "    <P76>stun.example.com</P76>\r\n"));
  assert_reparses (doc);

  /* A missing P-value: a new element at the end of <config>, indented as
   * its last sibling, with the file's line ends. */
  set (doc, "gs_provision/config/P51", "42");
  g_clear_pointer (&edited, g_free);
  edited = serialize (doc);
  g_assert_nonnull (
    strstr (edited, "    <P8000>a &amp; b</P8000>\r\n    <P51>42</P51>\r\n  </config>\r\n"));
  g_assert_cmpstr (get (doc, "gs_provision/config/P51"), ==, "42");
  assert_reparses (doc);
}

static void
test_xml_alias_form (void)
{
  const char data[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                      "<gs_provision version=\"1\">\n"
                      " <config version=\"2\">\n"
                      "    <item name=\"account.1.sip.userid\">1001</item>\n"
                      "    <item name=\"network.port.eth.1.vlan.tag\">20</item>\n"
                      "    <item name=\"network.dhcp.hostName\"/>\n"
                      "  </config>\n"
                      "</gs_provision>\n";
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML, data, -1);
  g_autofree char *same = serialize (doc);
  g_autofree char *edited = NULL;

  g_assert_cmpstr (same, ==, data);
  g_assert_cmpstr (get (doc, "gs_provision/config/item[account.1.sip.userid]"), ==, "1001");
  g_assert_cmpstr (get (doc, "gs_provision/config/item[network.port.eth.1.vlan.tag]"), ==, "20");
  set (doc, "gs_provision/config/item[network.port.eth.1.vlan.tag]", "42");
  edited = serialize (doc);
  g_assert_nonnull (strstr (edited, "    <item name=\"network.port.eth.1.vlan.tag\">42</item>\n"));
  assert_reparses (doc);
}

static void
test_xml_refused (void)
{
  const char *bad[] = {
    "<?xml version=\"1.0\"?>\n<settings><phone-settings/></settings>\n",
    ("<gs_provision version=\"1\">\n<config "
     "version=\"1\">\n<P47>x</P35>\n</config>\n</gs_provision>\n"),
    "<gs_provision version=\"1\">\n<config version=\"1\">\n<P47>x</P47>\n",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_parse (
        PHONESET_CFG_FORMAT_GRANDSTREAM_XML, bad[i], strlen (bad[i]), &error);

      g_assert_null (doc);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, "line "));
    }
}

static void
test_xml_new_document (void)
{
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_cfg_document_new (PHONESET_CFG_FORMAT_GRANDSTREAM_XML);
  g_autofree char *out = NULL;

  set (doc, "gs_provision/config/P47", "pbx.example.com");
  set (doc, "gs_provision/config/P76", "stun.example.com");
  out = serialize (doc);
  g_assert_cmpstr (out, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                   "<gs_provision version=\"1\">\n"
                   "  <config version=\"1\">\n"
                   "    <P47>pbx.example.com</P47>\n"
                   "    <P76>stun.example.com</P76>\n"
                   "  </config>\n"
                   "</gs_provision>\n");
  assert_reparses (doc);
}

/* A new alias file says <config version="2">, a new item its name. */
static void
test_alias_new_document (void)
{
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_cfg_document_new (PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML);
  g_autofree char  *out = NULL;
  PhonesetCfgFormat format;

  set (doc, "gs_provision/config/item[network.stunServer]", "stun.example.com");
  set (doc, "gs_provision/config/item[account.1.sip.userid]", "1001");
  out = serialize (doc);
  g_assert_cmpstr (out, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                   "<gs_provision version=\"1\">\n"
                   "  <config version=\"2\">\n"
                   "    <item name=\"network.stunServer\">stun.example.com</item>\n"
                   "    <item name=\"account.1.sip.userid\">1001</item>\n"
                   "  </config>\n"
                   "</gs_provision>\n");
  g_assert_true (phoneset_cfg_detect_format (out, strlen (out), &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_GRANDSTREAM_ALIAS_XML);
  assert_reparses (doc);
}

static void
test_text (void)
{
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT, text_file, -1);
  g_autofree char *same = serialize (doc);
  g_autofree char *edited = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  GPtrArray *warnings = phoneset_cfg_document_get_warnings (doc);

  g_assert_cmpstr (same, ==, text_file);
  /* Two lines kept with a warning: no "=", and no P-value before it. */
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpuint (((PhonesetCfgWarning *)g_ptr_array_index (warnings, 0))->line, ==, 6);
  g_assert_cmpuint (((PhonesetCfgWarning *)g_ptr_array_index (warnings, 1))->line, ==, 7);

  /* The XML form's keys, and the bare P-values. */
  g_assert_cmpstr (get (doc, "gs_provision/config/P47"), ==, "pbx.example.com");
  g_assert_cmpstr (get (doc, "P47"), ==, "pbx.example.com");
  g_assert_cmpstr (get (doc, "gs_provision/config/P459"), ==, "{ x+ }");
  g_assert_cmpstr (get (doc, "gs_provision/config/P76"), ==, "");
  g_assert_null (get (doc, "gs_provision/config/P270"));

  set (doc, "gs_provision/config/P76", "stun.example.com");
  set (doc, "gs_provision/config/P459", "{ *x+ }");
  edited = serialize (doc);
  changed = phoneset_test_cfg_changed_lines (text_file, edited);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_nonnull (strstr (edited, "\nP76 = stun.example.com\n"));
  g_assert_nonnull (strstr (edited, "\nP459= { *x+ }\n"));

  /* A new line in the file's majority style; an alias key has no place. */
  set (doc, "gs_provision/config/P51", "42");
  set (doc, "gs_provision/config/item[account.1.sip.userid]", "1001");
  g_clear_pointer (&edited, g_free);
  edited = serialize (doc);
  g_assert_true (g_str_has_suffix (edited, "P2 = S3cr3t\nP51 = 42\n"));
  g_assert_null (strstr (edited, "item"));
  assert_reparses (doc);
}

static void
test_text_styles (void)
{
  const char crlf[] = "P47=a\r\nP35=b\r\nP36 = c";
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT, crlf, -1);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCfgDocument) none = NULL;

  set (doc, "gs_provision/config/P76", "s");
  out = serialize (doc);
  /* The last line gains the line end it lacked; the new one, as the
   * file, has none. */
  g_assert_cmpstr (out, ==, "P47=a\r\nP35=b\r\nP36 = c\r\nP76=s");
  assert_reparses (doc);

  none =
    phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT, "# nothing\n", 10, &error);
  g_assert_null (none);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
}

static void
test_secrets_masked (void)
{
  g_autoptr(PhonesetCfgDocument) xml =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_GRANDSTREAM_XML, xml_file, -1);
  g_autoptr(PhonesetCfgDocument) text =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_GRANDSTREAM_TEXT, text_file, -1);
  PhonesetCfgDocument *docs[] = { xml, text };
  guint                secrets = 0;

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    for (guint i = 0; i < phoneset_cfg_document_get_n_entries (docs[d]); i++)
      {
        const PhonesetCfgEntry *entry = phoneset_cfg_document_get_entry (docs[d], i);
        g_autofree char        *masked = phoneset_cfg_document_dup_entry_masked (docs[d], i);

        g_assert_null (strstr (masked, "S3cr3t"));
        if (strstr (entry->raw, "S3cr3t") != NULL)
          secrets++;
        else
          g_assert_cmpstr (masked, ==, entry->raw);
      }
  g_assert_cmpuint (secrets, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cfg-grandstream/detect", test_detect);
  g_test_add_func ("/cfg-grandstream/xml/read-and-edit", test_xml_read_and_edit);
  g_test_add_func ("/cfg-grandstream/xml/alias-form", test_xml_alias_form);
  g_test_add_func ("/cfg-grandstream/xml/refused", test_xml_refused);
  g_test_add_func ("/cfg-grandstream/xml/new-document", test_xml_new_document);
  g_test_add_func ("/cfg-grandstream/alias/new-document", test_alias_new_document);
  g_test_add_func ("/cfg-grandstream/text", test_text);
  g_test_add_func ("/cfg-grandstream/text/styles", test_text_styles);
  g_test_add_func ("/cfg-grandstream/secrets-masked", test_secrets_masked);

  return g_test_run ();
}
