/* test-cfg-tolerant.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CFG codecs as tolerant readers and style-following writers: what
 * real files hold that is odd (lines that are not settings, bytes that are
 * not UTF-8, a file cut short, XML closed by the wrong tag) is kept byte for
 * byte with a warning; what Phoneset inserts follows the file's own style.
 *
 * The inputs are written for these tests, modelled on real files as the
 * comments say; none is copied from one.
 */

#include "config.h"

#include <string.h>

#include "phoneset-cfg.h"
#include "phoneset-test-cfg.h"
#include "phoneset-error.h"

/* Reads @data, which must be read, and checks what every read must give:
 * the same bytes back, and entries whose text is UTF-8. */
static PhonesetCfgDocument *
parse_ok (PhonesetCfgFormat  format,
          const char        *data,
          gssize             len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  PhonesetCfgDocument *doc;
  gsize                out_len;
  const char          *out_data;
  GPtrArray           *warnings;

  if (len < 0)
    len = strlen (data);
  doc = phoneset_cfg_document_parse (format, data, len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  out = phoneset_cfg_document_serialize (doc);
  out_data = g_bytes_get_data (out, &out_len);
  g_assert_cmpmem (out_data, out_len, data, len);
  for (guint i = 0; i < phoneset_cfg_document_get_n_entries (doc); i++)
    {
      const PhonesetCfgEntry *entry = phoneset_cfg_document_get_entry (doc, i);

      g_assert_true (g_utf8_validate (entry->key, -1, NULL));
      g_assert_true (g_utf8_validate (entry->value, -1, NULL));
      g_assert_true (g_utf8_validate (entry->raw, -1, NULL));
    }
  warnings = phoneset_cfg_document_get_warnings (doc);
  for (guint i = 0; i < warnings->len; i++)
    g_assert_true (
      g_utf8_validate (((PhonesetCfgWarning *)g_ptr_array_index (warnings, i))->message, -1, NULL));
  return doc;
}

static void
refused (PhonesetCfgFormat  format,
         const char        *data,
         gssize             len,
         const char        *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCfgDocument) doc = NULL;

  doc = phoneset_cfg_document_parse (format, data, len < 0 ? strlen (data) : (gsize)len, &error);
  g_assert_null (doc);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message);
}

/* The warnings, each "LINE|MESSAGE", in order. */
static void
assert_warnings (PhonesetCfgDocument *doc, ...)
{
  GPtrArray  *warnings = phoneset_cfg_document_get_warnings (doc);
  va_list     args;
  const char *expected;
  guint       i = 0;

  va_start (args, doc);
  for (expected = va_arg (args, const char *); expected != NULL;
       expected = va_arg (args, const char *), i++)
    {
      PhonesetCfgWarning *warning;
      g_autofree char    *got = NULL;

      if (i >= warnings->len)
        g_error ("warning %u missing: %s", i, expected);
      warning = g_ptr_array_index (warnings, i);
      got = g_strdup_printf ("%u|%s", warning->line, warning->message);
      g_assert_cmpstr (got, ==, expected);
    }
  va_end (args);
  g_assert_cmpuint (warnings->len, ==, i);
}

static void
set (PhonesetCfgDocument *doc,
     const char          *section,
     const char          *list,
     const char          *key,
     int                  idx,
     const char          *value)
{
  PhonesetCfgKey k = { section, list, key, idx };

  phoneset_cfg_document_set (doc, &k, value);
}

static const char *
get (PhonesetCfgDocument *doc,
     const char          *section,
     const char          *key,
     int                  idx)
{
  PhonesetCfgKey k = { section, NULL, key, idx };

  return phoneset_cfg_document_get (doc, &k);
}

/* After an edit the file still reads, with the value set. */
static PhonesetCfgDocument *
reread (PhonesetCfgDocument *doc)
{
  g_autofree char *out = phoneset_test_cfg_serialize (doc, NULL);

  return parse_ok (phoneset_cfg_document_get_format (doc), out, -1);
}

/* Yealink ------------------------------------------------------------- */

/* Lines that are not settings are kept: FusionPBX's T4x V8x template has a
 * bare "static.network.dns.last_cache_expired" (fusionpbx, resources/templates/
 * provision/yealink/t46s/y000000000108.cfg, "SIP Backup Server" block), and
 * Yealink's own V72 template has GBK quote marks (0xA1 0xB0 … 0xA1 0xB1) in
 * its "##" comments. */
static void
test_yealink_unknown_lines (void)
{
  static const char cfg[] =
    "#!version:1.0.0.1\n"
    "## Set \xa1\xb0static.auto_provision.server.url\xa1\xb1 to the server.\n"
    "static.network.dns.ttl_enable =\n"
    "static.network.dns.last_cache_expired.enable=\n"
    "static.network.dns.last_cache_expired\n"
    "static.network.dns.query_timeout =\n"
    "bad key = 1\n"
    "account.1.label = Caf\xe9\n"
    "account.1.display_name = Caf\xc3\xa9\n";
  g_autoptr(PhonesetCfgDocument) doc = parse_ok (PHONESET_CFG_FORMAT_YEALINK, cfg, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;

  assert_warnings (
    doc,
    "5|line 5: “static.network.dns.last_cache_expired” is not a “key = value” line; kept as it is",
    "7|line 7: “bad key” is not a Yealink parameter name; the line is kept as it is",
    "8|line 8: the value of “account.1.label” is not UTF-8 text; the line is kept as it is", NULL);
  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 4);
  g_assert_null (get (doc, NULL, "account.1.label", -1));
  g_assert_cmpstr (get (doc, NULL, "account.1.display_name", -1), ==, "Caf\xc3\xa9");

  /* A value set where the line was not read: a new line, which the phone
   * reads last. */
  set (doc, NULL, NULL, "account.1.label", -1, "Board room");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_true (
    g_str_has_suffix (out, "account.1.label = Caf\xe9\naccount.1.display_name = Caf\xc3\xa9\n"
                           "account.1.label = Board room\n"));
  again = reread (doc);
  g_assert_cmpstr (get (again, NULL, "account.1.label", -1), ==, "Board room");
}

/* What is still refused: what is no Yealink file at all. Blank lines and a
 * byte order mark before the header are read (a PHP template's first line
 * break; Notepad's BOM). */
static void
test_yealink_header (void)
{
  g_autoptr(PhonesetCfgDocument) blank = NULL;
  g_autoptr(PhonesetCfgDocument) bom = NULL;
  PhonesetCfgFormat format;

  refused (PHONESET_CFG_FORMAT_YEALINK, "", 0, "line 1: the file is empty");
  refused (PHONESET_CFG_FORMAT_YEALINK, "\n\r\n  \n", -1, "line 1: the file is empty");
  refused (PHONESET_CFG_FORMAT_YEALINK, "version=1\n", -1,
           "line 1: a Yealink file must start with");
  refused (PHONESET_CFG_FORMAT_YEALINK, "# made by hand\n#!version:1.0.0.1\n", -1,
           "line 1: a Yealink file must start with");
  refused (PHONESET_CFG_FORMAT_YEALINK, "\n\n<html>\n", -1,
           "line 3: a Yealink file must start with");

  blank = parse_ok (PHONESET_CFG_FORMAT_YEALINK,
                    "\n\r\n#!version:1.0.0.1\r\nstatic.ice.enable = 1\r\n", -1);
  assert_warnings (blank,
                   "1|line 1: blank lines before “#!version:1.0.0.1”; kept as they are, though "
                   "phones expect it on the first line",
                   NULL);
  g_assert_cmpstr (get (blank, NULL, "static.ice.enable", -1), ==, "1");
  g_assert_true (phoneset_cfg_detect_format ("\n\r\n#!version:1.0.0.1\r\n", 22, &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_YEALINK);

  bom = parse_ok (PHONESET_CFG_FORMAT_YEALINK,
                  "\xef\xbb\xbf#!version:1.0.0.1\nstatic.ice.enable = 1\n", -1);
  assert_warnings (bom, NULL);
}

/* A new line follows the file's majority: "key=value" or "key = value",
 * CRLF or LF; and a file that ends without a line break stays so. */
static void
test_yealink_insert_style (void)
{
  static const char tight[] = "#!version:1.0.0.1\r\n"
                              "account.1.enable=1\r\n"
                              "account.1.label=Desk\r\n"
                              "account.1.sip_server.1.address=pbx.example.org\r\n"
                              "account.1.sip_server.1.port = 5060\n"
                              "account.1.nat.stun_server=";
  g_autoptr(PhonesetCfgDocument) doc = parse_ok (PHONESET_CFG_FORMAT_YEALINK, tight, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;

  set (doc, NULL, NULL, "account.1.nat.nat_traversal", -1, "1");
  out = phoneset_test_cfg_serialize (doc, NULL);
  /* Not " = " (the line before it), and no line break at the end. */
  g_assert_cmpstr (out + strlen (tight), ==, "\r\naccount.1.nat.nat_traversal=1");

  set (doc, NULL, NULL, "account.1.nat.stun_port", -1, "3478");
  set (doc, NULL, NULL, "account.1.nat.stun_server", -1, "stun.example.org");
  out2 = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_true (g_str_has_suffix (out2, "account.1.sip_server.1.port = 5060\n"
                                         "account.1.nat.stun_server=stun.example.org\r\n"
                                         "account.1.nat.nat_traversal=1\r\n"
                                         "account.1.nat.stun_port=3478"));
  again = reread (doc);
  g_assert_cmpstr (get (again, NULL, "account.1.nat.stun_port", -1), ==, "3478");

  /* Removed again, the file is as it was. */
  {
    PhonesetCfgKey   a = { NULL, NULL, "account.1.nat.nat_traversal", -1 };
    PhonesetCfgKey   b = { NULL, NULL, "account.1.nat.stun_port", -1 };
    PhonesetCfgKey   c = { NULL, NULL, "account.1.nat.stun_server", -1 };
    g_autofree char *out3 = NULL;

    phoneset_cfg_document_remove (doc, &a);
    phoneset_cfg_document_remove (doc, &b);
    phoneset_cfg_document_set (doc, &c, "");
    out3 = phoneset_test_cfg_serialize (doc, NULL);
    g_assert_cmpstr (out3, ==, tight);
  }
}

/* An empty value filled in: no stray blank after the value, nor two
 * before it. */
static void
test_yealink_fill_empty (void)
{
  static const char cfg[] = "#!version:1.0.0.1\n"
                            "account.1.nat.stun_server = \n"
                            "account.1.nat.stun_port =\n"
                            "account.1.nat.udp_update_time=\n"
                            "account.1.nat.nat_traversal =   \n"
                            "account.1.label = Desk\n";
  g_autoptr(PhonesetCfgDocument) doc = parse_ok (PHONESET_CFG_FORMAT_YEALINK, cfg, -1);
  g_autoptr(PhonesetCfgDocument) tight = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;

  set (doc, NULL, NULL, "account.1.nat.stun_server", -1, "stun.example.org");
  set (doc, NULL, NULL, "account.1.nat.stun_port", -1, "3478");
  set (doc, NULL, NULL, "account.1.nat.udp_update_time", -1, "30");
  set (doc, NULL, NULL, "account.1.nat.nat_traversal", -1, "1");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_cmpstr (out, ==,
                   "#!version:1.0.0.1\n"
                   "account.1.nat.stun_server = stun.example.org\n"
                   "account.1.nat.stun_port = 3478\n"
                   "account.1.nat.udp_update_time=30\n"
                   "account.1.nat.nat_traversal = 1\n"
                   "account.1.label = Desk\n");

  /* "key =" in a file of "key=value" lines stays without blanks after "=". */
  tight = parse_ok (PHONESET_CFG_FORMAT_YEALINK, "#!version:1.0.0.1\na=1\nb=2\nc =\n", -1);
  set (tight, NULL, NULL, "c", -1, "3");
  out2 = phoneset_test_cfg_serialize (tight, NULL);
  g_assert_cmpstr (out2, ==, "#!version:1.0.0.1\na=1\nb=2\nc =3\n");
}

/* Fanvil / PLANET ----------------------------------------------------- */

static void
test_fanvil_unknown_lines (void)
{
  static const char cfg[] = "<<VOIP CONFIG FILE>>Version:2.0002\r\n"
                            "Made by the provisioning server\r\n"
                            "Server Name :pbx\r\n"
                            "<SIP CONFIG MODULE>\r\n"
                            "STUN Server        :\r\n"
                            "no colon here\r\n"
                            ":orphan value\r\n"
                            "SIP1 Display Name  :Caf\xe9\r\n"
                            "STUN Port          :3478\r\n"
                            "<<END OF FILE>>\r\n"
                            "\r\n"
                            "-- generated 2026-12-01 --\r\n"
                            "more\r\n";
  g_autoptr(PhonesetCfgDocument) doc = parse_ok (PHONESET_CFG_FORMAT_FANVIL, cfg, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;

  assert_warnings (
    doc, "2|line 2: “Made by the provisioning server” is not a “Key :value” line; kept as it is",
    "3|line 3: “Server Name :pbx” stands outside any <… CONFIG MODULE> section; kept as it is",
    "6|line 6: “no colon here” is not a “Key :value” line; kept as it is",
    "7|line 7: “:orphan value” has no key before the “:”; kept as it is",
    "8|line 8: the value of “SIP1 Display Name” is not UTF-8 text; the line is kept as it is",
    "12|line 12: text after “<<END OF FILE>>”; kept as it is (phones ignore it)", NULL);
  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 2);
  g_assert_cmpstr (get (doc, "SIP CONFIG MODULE", "STUN Port", -1), ==, "3478");

  set (doc, "SIP CONFIG MODULE", NULL, "STUN Server", -1, "stun.example.org");
  set (doc, "QOS CONFIG MODULE", NULL, "VLAN ID", -1, "20");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_nonnull (strstr (out, "STUN Server        :stun.example.org\r\n"));
  g_assert_nonnull (strstr (out, "STUN Port          :3478\r\n<QOS CONFIG MODULE>\r\nVLAN ID       "
                                 "     :20\r\n<<END OF FILE>>\r\n"));
  again = reread (doc);
  g_assert_cmpstr (get (again, "QOS CONFIG MODULE", "VLAN ID", -1), ==, "20");
}

/* A file cut short (a transfer that stopped, here in the middle of a
 * line): read as far as it goes; new keys go into their module, and new
 * modules at the end; the file still ends without a line break. */
static void
test_fanvil_cut_short (void)
{
  static const char cfg[] = "<<VOIP CONFIG FILE>>Version:2.0000000000\r\n"
                            "<SIP CONFIG MODULE>\r\n"
                            "SIP  Port          :5060\r\n"
                            "STUN Port          :34";
  g_autoptr(PhonesetCfgDocument) doc = parse_ok (PHONESET_CFG_FORMAT_FANVIL, cfg, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;

  assert_warnings (doc,
                   "4|line 4: the file ends without “<<END OF FILE>>”; it may be cut short (read "
                   "as far as it goes, "
                   "and new modules go at its end)",
                   NULL);
  set (doc, "SIP CONFIG MODULE", NULL, "STUN Server", -1, "stun.example.org");
  set (doc, "QOS CONFIG MODULE", NULL, "VLAN ID", -1, "20");
  set (doc, "SIP CONFIG MODULE", "--SIP Line List--", "SIP1 NAT Type", -1, "1");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_cmpstr (out, ==,
                   "<<VOIP CONFIG FILE>>Version:2.0000000000\r\n"
                   "<SIP CONFIG MODULE>\r\n"
                   "SIP  Port          :5060\r\n"
                   "STUN Port          :34\r\n"
                   "STUN Server        :stun.example.org\r\n"
                   "--SIP Line List--  :\r\n"
                   "SIP1 NAT Type      :1\r\n"
                   "<QOS CONFIG MODULE>\r\n"
                   "VLAN ID            :20");
  again = reread (doc);
  g_assert_cmpstr (get (again, "SIP CONFIG MODULE", "STUN Port", -1), ==, "34");
  g_assert_cmpstr (get (again, "QOS CONFIG MODULE", "VLAN ID", -1), ==, "20");
  g_assert_cmpstr (get (again, "SIP CONFIG MODULE", "SIP1 NAT Type", -1), ==, "1");
}

/* New keys are padded to their module's column, and in a new module to
 * the file's; a module whose name is not text is kept, unread. */
static void
test_fanvil_columns (void)
{
  static const char cfg[] = "\r\n<<VOIP CONFIG FILE>>Version:2.0002\r\n"
                            "<SIP CONFIG MODULE>\r\n"
                            "SIP  Port               :5060\r\n"
                            "STUN Server             :   \r\n"
                            "<R\xe9SEAU CONFIG MODULE>\r\n"
                            "DHCP                    :1\r\n"
                            "<<END OF FILE>>\r\n";
  g_autoptr(PhonesetCfgDocument) doc = parse_ok (PHONESET_CFG_FORMAT_FANVIL, cfg, -1);
  g_autofree char  *out = NULL;
  PhonesetCfgFormat format;

  assert_warnings (
    doc,
    "1|line 1: blank lines before “<<VOIP CONFIG FILE>>Version:”; kept as they are, though phones "
    "expect it "
    "on the first line",
    "6|line 6: the module’s name is not UTF-8 text; its settings are kept as they are", NULL);
  g_assert_true (phoneset_cfg_detect_format (cfg, strlen (cfg), &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_FANVIL);
  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 2);
  set (doc, "SIP CONFIG MODULE", NULL, "STUN Server", -1, "stun.example.org");
  set (doc, "SIP CONFIG MODULE", NULL, "STUN Port", -1, "3478");
  set (doc, "QOS CONFIG MODULE", NULL, "VLAN ID", -1, "20");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_nonnull (strstr (out, "STUN Server             :stun.example.org\r\n"
                                 "STUN Port               :3478\r\n"
                                 "<R\xe9SEAU CONFIG MODULE>\r\n"));
  g_assert_nonnull (
    strstr (out, "<QOS CONFIG MODULE>\r\nVLAN ID                 :20\r\n<<END OF FILE>>\r\n"));
}

/* Text that is no text --------------------------------------------- */

static void
test_binary (void)
{
  static const char nul[] = "#!version:1.0.0.1\nstatic.a = 1\n\x7f"
                            "ELF\x02\x01\x01\0\0\0";
  static const char utf16[] = "\xff\xfe#\0!\0v\0";
  g_autoptr(PhonesetCfgDocument) stray = NULL;

  refused (PHONESET_CFG_FORMAT_YEALINK, nul, sizeof nul - 1, "line 3: binary data");
  refused (PHONESET_CFG_FORMAT_FANVIL, utf16, sizeof utf16 - 1,
           "line 1: the file is UTF-16 text; save it as UTF-8");
  refused (PHONESET_CFG_FORMAT_SNOM_XML, "<settings>\0</settings>", 22, "line 1: binary data");

  /* A control character is no NUL: kept, in a line that is not read. */
  stray = parse_ok (
    PHONESET_CFG_FORMAT_YEALINK,
    "#!version:1.0.0.1\n# a stray \x1a in a comment\nstatic.ice.enable = 1\n\x1b[0m\n", -1);
  assert_warnings (stray, "4|line 4: “\x1b[0m” is not a “key = value” line; kept as it is", NULL);
}

/* snom ----------------------------------------------------------------- */

/* GMarkup reads comments without a look at their bytes: a comment in
 * another encoding is kept, with a warning; elsewhere it is refused, as
 * XML must be UTF-8 text. */
static void
test_snom_encoding (void)
{
  static const char xml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                            "<settings>\n"
                            "<!-- R\xe9glages du t\xe9l\xe9phone -->\n"
                            "<phone-settings>\n"
                            "<user_realname idx=\"1\" perm=\"\">Caf\xc3\xa9</user_realname>\n"
                            "<!-- \xa1\xb0NAT\xa1\xb1 -->\n"
                            "</phone-settings>\n"
                            "</settings>\n";
  g_autoptr(PhonesetCfgDocument) doc = parse_ok (PHONESET_CFG_FORMAT_SNOM_XML, xml, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;

  assert_warnings (
    doc, "3|line 3: bytes that are not UTF-8 text outside any setting; kept as they are", NULL);
  g_assert_cmpstr (get (doc, NULL, "user_realname", 1), ==, "Caf\xc3\xa9");
  set (doc, NULL, NULL, "stun_server", 1, "stun.example.org");
  again = reread (doc);
  g_assert_cmpstr (get (again, NULL, "stun_server", 1), ==, "stun.example.org");

  refused (PHONESET_CFG_FORMAT_SNOM_XML,
           "<settings>\n<phone-settings>\n<user_realname idx=\"1\" "
           "perm=\"\">Caf\xe9</user_realname>\n</phone-settings>\n</settings>\n",
           -1,
           "line 3: text that is not UTF-8; an XML file must be UTF-8 text (only its comments may "
           "hold other bytes)");
  refused (PHONESET_CFG_FORMAT_SNOM_XML,
           "<settings>\n<phone-settings>\n<user_realname idx=\"1\" perm=\"\">x</user_r\xe9"
           "alname>\n</phone-settings>\n</settings>\n",
           -1, "line 3:");
}

/* Wazo's and XiVO's snom templates (wazo-platform/wazo-provd-plugins,
 * plugins/wazo_snom/common/templates/base.tpl, D140.tpl and the older
 * xivo-snom base.tpl) close three elements by the wrong tag:
 * <user_idle_number …>…</user_idle_text>, <context_key …>…</gui_fkey1>,
 * <web_language …>…</language>. A file like the one they render: */
static const char wazo_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
  "<settings>\n"
  "  <phone-settings>\n"
  "    <codec_tos perm=\"R\">184</codec_tos>\n"
  "    <setting_server perm=\"RW\">http://10.0.0.1:8667</setting_server>\n"
  "    \n"
  "    <user_active idx=\"1\" perm=\"R\">on</user_active>\n"
  "    <user_idle_text idx=\"1\" perm=\"R\">Alice &amp; Bob</user_idle_text>\n"
  "    <user_idle_number idx=\"1\" perm=\"R\">1001</user_idle_text>\n"
  "    <user_host idx=\"1\" perm=\"R\">10.0.0.2</user_host>\n"
  "    <context_key idx=\"0\" perm=\"R\">keyevent F_ADR_BOOK</gui_fkey1>\n"
  "    <language perm=\"R\">English</language>\n"
  "    <web_language perm=\"R\">English</language >\n"
  "    <gui_fkey1 perm=\"R\">\n"
  "        <initialization>\n"
  "            <variable name=\"label\" value=\"Directory\"/>\n"
  "        </initialization>\n"
  "    </gui_fkey1>\n"
  "\n"
  "    \n"
  "  </phone-settings>\n"
  "  <functionKeys>\n"
  "    <fkey idx=\"0\" context=\"active\" perm=\"R\">line</fkey>\n"
  "  </functionKeys>\n"
  "</settings>\n";

static void
test_snom_closed_by_other (void)
{
  g_autoptr(PhonesetCfgDocument) doc = parse_ok (PHONESET_CFG_FORMAT_SNOM_XML, wazo_xml, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;

  assert_warnings (
    doc, "9|line 9: <user_idle_number> is closed by </user_idle_text>; read as user_idle_number",
    "11|line 11: <context_key> is closed by </gui_fkey1>; read as context_key",
    "13|line 13: <web_language> is closed by </language>; read as web_language", NULL);
  g_assert_cmpstr (get (doc, NULL, "user_idle_number", 1), ==, "1001");
  g_assert_cmpstr (get (doc, NULL, "user_idle_text", 1), ==, "Alice & Bob");
  g_assert_cmpstr (get (doc, NULL, "context_key", 0), ==, "keyevent F_ADR_BOOK");
  g_assert_cmpstr (get (doc, NULL, "language", -1), ==, "English");
  g_assert_cmpstr (get (doc, NULL, "web_language", -1), ==, "English");
  g_assert_cmpstr (
    phoneset_cfg_document_lookup_entry (doc, &(PhonesetCfgKey){ NULL, NULL, "user_idle_number", 1 })
      ->raw,
    ==, "<user_idle_number idx=\"1\" perm=\"R\">1001</user_idle_text>");

  /* Edited in place, the closing tag as it was; a new setting indented as
   * the others, and </phone-settings> keeps its own indentation. */
  set (doc, NULL, NULL, "user_idle_number", 1, "1002");
  set (doc, NULL, NULL, "web_language", -1, "Deutsch");
  set (doc, NULL, NULL, "stun_server", 1, "stun.example.org");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_nonnull (
    strstr (out, "    <user_idle_number idx=\"1\" perm=\"R\">1002</user_idle_text>\n"));
  g_assert_nonnull (strstr (out, "    <web_language perm=\"R\">Deutsch</language >\n"));
  g_assert_nonnull (
    strstr (out, "\n\n    \n    <stun_server idx=\"1\" perm=\"\">stun.example.org</stun_server>\n"
                 "  </phone-settings>\n  <functionKeys>"));
  again = reread (doc);
  g_assert_cmpstr (get (again, NULL, "user_idle_number", 1), ==, "1002");
  g_assert_cmpstr (get (again, NULL, "stun_server", 1), ==, "stun.example.org");
  g_assert_cmpuint (phoneset_cfg_document_get_warnings (again)->len, ==, 3);
}

/* What a tolerant reading cannot make sense of is refused: an element
 * left open, a closing tag that then leaves the XML broken. (Each element
 * closed by a wrong name, <a>1</b><c>2</a>, is read: a=1, c=2.) */
static void
test_snom_closed_refused (void)
{
  refused (PHONESET_CFG_FORMAT_SNOM_XML,
           "<settings>\n<phone-settings>\n<a>1\n</phone-settings>\n</settings>\n", -1, "line 4:");
  refused (
    PHONESET_CFG_FORMAT_SNOM_XML,
    "<settings>\n<phone-settings>\n<gui_fkey1>\n<a>1</gui_fkey1>\n</phone-settings>\n</settings>\n",
    -1, "line 5:");
  refused (PHONESET_CFG_FORMAT_SNOM_XML,
           "<settings>\n<phone-settings>\n<a>1</b></a>\n</phone-settings>\n</settings>\n", -1,
           "line 3:");
  refused (PHONESET_CFG_FORMAT_SNOM_XML, "<settings>\n<phone-settings>\n<a>1</b>\n</settings>\n",
           -1, "line 4:");
}

/* New settings in the file's layout: one a line as the others, or all on
 * one line as they are. */
static void
test_snom_insert_layout (void)
{
  struct
  {
    const char *xml;
    const char *expected;
  } cases[] = {
    { "<settings><phone-settings><a perm=\"\">1</a></phone-settings></settings>",
      "<settings><phone-settings><a perm=\"\">1</a><stun_server idx=\"1\" "
      "perm=\"\">s</stun_server></phone-settings></settings>" },
    { "<settings>\r\n\t<phone-settings>\r\n\t\t<a perm=\"\">1</a>\r\n\t\t<b "
      "perm=\"\">2</b></phone-settings>\r\n</settings>\r\n",
      "<settings>\r\n\t<phone-settings>\r\n\t\t<a perm=\"\">1</a>\r\n\t\t<b "
      "perm=\"\">2</b>\r\n\t\t<stun_server idx=\"1\" "
      "perm=\"\">s</stun_server></phone-settings>\r\n</settings>\r\n" },
    { "<settings>\n  <phone-settings>\n  </phone-settings>\n</settings>\n",
      "<settings>\n  <phone-settings>\n    <stun_server idx=\"1\" perm=\"\">s</stun_server>\n  "
      "</phone-settings>\n</settings>\n" },
    { "<settings>\n<phone-settings>\n  <a>1</a>\n    <b><c/></b>\n  "
      "<d>2</d>\n</phone-settings>\n</settings>",
      "<settings>\n<phone-settings>\n  <a>1</a>\n    <b><c/></b>\n  <d>2</d>\n  <stun_server "
      "idx=\"1\" perm=\"\">s</stun_server>\n"
      "</phone-settings>\n</settings>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PhonesetCfgDocument) doc =
                   parse_ok (PHONESET_CFG_FORMAT_SNOM_XML, cases[i].xml, -1);
      g_autoptr(PhonesetCfgDocument) again = NULL;
      g_autofree char *out = NULL;
      PhonesetCfgKey   stun = { NULL, NULL, "stun_server", 1 };

      set (doc, NULL, NULL, "stun_server", 1, "s");
      out = phoneset_test_cfg_serialize (doc, NULL);
      g_assert_cmpstr (out, ==, cases[i].expected);
      again = reread (doc);
      g_assert_cmpstr (get (again, NULL, "stun_server", 1), ==, "s");
      /* Removed again, the file is as it was. */
      g_assert_true (phoneset_cfg_document_remove (doc, &stun));
      g_free (out);
      out = phoneset_test_cfg_serialize (doc, NULL);
      g_assert_cmpstr (out, ==, cases[i].xml);
    }
}

/* Keys no profile knows are masked by the words of their names, in every
 * format's spelling: dotted, snake case, Fanvil's spaced keys and the XML
 * formats' CamelCase elements. */
static void
test_key_looks_secret (void)
{
  const char *secret[] = { "account.1.password", "user_pass1",
                           "Register Pswd",      "RegisterPswd",
                           "PPPoEPassword",      "DefaultPassword",
                           "PPPoEPin",           "PINCode",
                           "http_pin",           "static.auto_provision.aes_key_token",
                           "AdminPwd",           "wifi_psk" };
  const char *plain[] = { "PingInterval", "SIPServer",  "Passthrough",           "SpinDelay",
                          "PhoneNumber",  "STUNServer", "account.1.pinned_line", "DisplayName",
                          "CompassMode",  "Pinyin" };

  for (guint i = 0; i < G_N_ELEMENTS (secret); i++)
    if (!phoneset_cfg_key_looks_secret (secret[i]))
      g_error ("%s is not taken for a secret", secret[i]);
  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    if (phoneset_cfg_key_looks_secret (plain[i]))
      g_error ("%s is taken for a secret", plain[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cfg-tolerant/yealink/unknown-lines", test_yealink_unknown_lines);
  g_test_add_func ("/cfg-tolerant/yealink/header", test_yealink_header);
  g_test_add_func ("/cfg-tolerant/yealink/insert-style", test_yealink_insert_style);
  g_test_add_func ("/cfg-tolerant/yealink/fill-empty", test_yealink_fill_empty);
  g_test_add_func ("/cfg-tolerant/fanvil/unknown-lines", test_fanvil_unknown_lines);
  g_test_add_func ("/cfg-tolerant/fanvil/cut-short", test_fanvil_cut_short);
  g_test_add_func ("/cfg-tolerant/fanvil/columns", test_fanvil_columns);
  g_test_add_func ("/cfg-tolerant/binary", test_binary);
  g_test_add_func ("/cfg-tolerant/snom/encoding", test_snom_encoding);
  g_test_add_func ("/cfg-tolerant/snom/closed-by-other", test_snom_closed_by_other);
  g_test_add_func ("/cfg-tolerant/snom/closed-refused", test_snom_closed_refused);
  g_test_add_func ("/cfg-tolerant/snom/insert-layout", test_snom_insert_layout);
  g_test_add_func ("/cfg-tolerant/key-looks-secret", test_key_looks_secret);

  return g_test_run ();
}
