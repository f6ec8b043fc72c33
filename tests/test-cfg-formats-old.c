/* test-cfg-formats-old.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two older formats: Yealink's INI files (`[ NAT ]`, `path = …`) and
 * snom's plain-text settings (`name$: value`). Byte-exact round trips (CRLF,
 * no final line break, BOM, bytes that are not UTF-8), edits in place, keys
 * added where and as the file writes them, lines the reader does not know
 * kept with a warning naming the line, and what is written reads back.
 *
 * The files in tests/data/cfg/ and the texts below are Phoneset's own,
 * written in the shape of public templates (tests/data/cfg/README.md).
 */

#include "config.h"

#include <string.h>

#include "phoneset-cfg.h"
#include "phoneset-test-cfg.h"
#include "phoneset-config.h"
#include "phoneset-error.h"
#include "phoneset-profile.h"
#include "phoneset-test-catalog.h"

#define ACCOUNT0 "/config/voip/sipAccount0.cfg"
#define ACCOUNT1 "/config/voip/sipAccount1.cfg"

static void
assert_roundtrip (PhonesetCfgFormat  format,
                  const char        *data,
                  gsize              len)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_test_cfg_parse (format, data, len);
  g_autofree char *out = NULL;
  gsize            out_len;

  out = phoneset_test_cfg_serialize (doc, &out_len);
  g_assert_cmpmem (out, out_len, data, len);
}

/* The lines of @a that differ in @b; both must have as many lines. */
/* Asserts that the document warned about exactly these lines, in order. */
static void
assert_warnings (PhonesetCfgDocument *doc,
                 const guint         *lines,
                 guint                n_lines)
{
  GPtrArray *warnings = phoneset_cfg_document_get_warnings (doc);

  for (guint i = 0; i < warnings->len; i++)
    {
      PhonesetCfgWarning *w = g_ptr_array_index (warnings, i);

      g_test_message ("warning: line %u: %s", w->line, w->message);
      g_assert_true (g_utf8_validate (w->message, -1, NULL));
    }
  g_assert_cmpuint (warnings->len, ==, n_lines);
  for (guint i = 0; i < n_lines; i++)
    g_assert_cmpuint (((PhonesetCfgWarning *)g_ptr_array_index (warnings, i))->line, ==, lines[i]);
}

static const char *
warning_text (PhonesetCfgDocument *doc,
              guint                i)
{
  return ((PhonesetCfgWarning *)g_ptr_array_index (phoneset_cfg_document_get_warnings (doc), i))
    ->message;
}

/* Yealink INI ------------------------------------------------------------ */

static const char small_ini[] = "[ account ]\n"
                                "path = " ACCOUNT0 "\n"
                                "Enable = 1\n"
                                "UserName = 4711\n"
                                "\n"
                                "[ NAT ]\n"
                                "path = " ACCOUNT0 "\n"
                                "NATTraversal = 0\n"
                                "STUNServer =\n"
                                "\n"
                                "[ account ]\n"
                                "path = " ACCOUNT1 "\n"
                                "UserName = 4712\n";

static void
test_ini_roundtrip (void)
{
  gsize            len;
  g_autofree char *contents = phoneset_test_cfg_load ("yealink-t28p-legacy.ini.cfg", &len);
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_YEALINK_INI, contents, len);
  const guint             warned[] = { 5, 21, 56 };
  PhonesetCfgKey          label = { "account", ACCOUNT0, "Label", -1 };
  const PhonesetCfgEntry *entry;
  PhonesetCfgFormat       detected;

  assert_roundtrip (PHONESET_CFG_FORMAT_YEALINK_INI, contents, len);
  g_assert_true (phoneset_cfg_detect_format (contents, len, &detected));
  g_assert_cmpint (detected, ==, PHONESET_CFG_FORMAT_YEALINK_INI);
  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 27);

  /* Line 5, a comment in ISO-8859-1; line 21, a Label in it; line 56, the
   * second half of a comment an editor wrapped. */
  assert_warnings (doc, warned, G_N_ELEMENTS (warned));
  g_assert_nonnull (strstr (warning_text (doc, 1), "“Label”"));
  g_assert_nonnull (strstr (warning_text (doc, 2), "“ow are used.”"));
  entry = phoneset_cfg_document_lookup_entry (doc, &label);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->value, ==, "B\xef\xbf\xbdro");
  g_assert_cmpuint (entry->line, ==, 21);
  g_assert_cmpstr (entry->section, ==, "account");

  /* The path lines are where values live, not values. */
  for (guint i = 0; i < phoneset_cfg_document_get_n_entries (doc); i++)
    g_assert_cmpstr (phoneset_cfg_document_get_entry (doc, i)->key, !=, "path");
}

/* The same file with CRLF, without its last line break, with a BOM, with
 * the version header, with the older firmware's /yealink/config/ paths. */
static void
test_ini_variants (void)
{
  g_autofree char *crlf = NULL;
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", small_ini, NULL);
  g_autofree char *header = g_strconcat ("#!version:1.0.0.1\n", small_ini, NULL);
  g_autofree char *old_tree = NULL;
  g_autofree char *no_final = g_strndup (small_ini, strlen (small_ini) - 1);
  const char      *variants[5];
  PhonesetCfgKey   user = { "account", ACCOUNT1, "UserName", -1 };

  {
    g_auto(GStrv) lines = g_strsplit (small_ini, "\n", -1);
    g_autofree char *joined = g_strjoinv ("\r\n", lines);

    crlf = g_steal_pointer (&joined);
  }
  {
    g_auto(GStrv) parts = g_strsplit (small_ini, "path = /config/", -1);

    old_tree = g_strjoinv ("path=/yealink/config/", parts);
  }
  variants[0] = crlf;
  variants[1] = bom;
  variants[2] = header;
  variants[3] = old_tree;
  variants[4] = no_final;

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(PhonesetCfgDocument) doc =
                   phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_YEALINK_INI, variants[i], -1);
      PhonesetCfgFormat detected;

      assert_roundtrip (PHONESET_CFG_FORMAT_YEALINK_INI, variants[i], strlen (variants[i]));
      g_assert_true (phoneset_cfg_detect_format (variants[i], strlen (variants[i]), &detected));
      g_assert_cmpint (detected, ==, PHONESET_CFG_FORMAT_YEALINK_INI);
      g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 5);
      g_assert_cmpstr (phoneset_cfg_document_get (doc, &user), ==, "4712");
      g_assert_cmpuint (phoneset_cfg_document_get_warnings (doc)->len, ==, 0);
    }
}

/* The same section name once per account: the path tells them apart.
 * Names compare without case; /yealink/config/ is /config/. */
static void
test_ini_places (void)
{
  static const char ini[] =
    "[ account ]\npath = " ACCOUNT0 "\nUsername = 100\n"
    "[ account ]\npath = " ACCOUNT1 "\nUserName = 200\n"
    "[ Account ]\npath=/yealink/config/voip/sipAccount2.cfg\nUSERNAME = 300\n"
    "[ NAT ]\nUserName = nat-without-path\n";
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_YEALINK_INI, ini, -1);
  PhonesetCfgKey a0 = { "account", ACCOUNT0, "UserName", -1 };
  PhonesetCfgKey a1 = { "ACCOUNT", ACCOUNT1, "username", -1 };
  PhonesetCfgKey a2 = { "account", "/config/voip/sipAccount2.cfg", "UserName", -1 };
  PhonesetCfgKey a3 = { "account", "/config/voip/sipAccount3.cfg", "UserName", -1 };
  PhonesetCfgKey nat = { "NAT", NULL, "UserName", -1 };
  PhonesetCfgKey none = { "account", NULL, "UserName", -1 };

  g_assert_cmpstr (phoneset_cfg_document_get (doc, &a0), ==, "100");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &a1), ==, "200");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &a2), ==, "300");
  g_assert_null (phoneset_cfg_document_get (doc, &a3));
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &nat), ==, "nat-without-path");
  g_assert_null (phoneset_cfg_document_get (doc, &none));
}

static void
test_ini_edit_in_place (void)
{
  gsize            len;
  g_autofree char *contents = phoneset_test_cfg_load ("yealink-t28p-legacy.ini.cfg", &len);
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_YEALINK_INI, contents, len);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autofree char *out = NULL;
  gsize            out_len;
  PhonesetCfgKey   stun = { "NAT", ACCOUNT0, "STUNServer", -1 };
  PhonesetCfgKey   traversal = { "NAT", ACCOUNT0, "NATTraversal", -1 };
  PhonesetCfgKey   user = { "account", ACCOUNT1, "UserName", -1 };
  PhonesetCfgKey   vid = { "VLAN", "/config/Network/Network.cfg", "VID", -1 };

  g_assert_cmpstr (phoneset_cfg_document_get (doc, &stun), ==, "");
  phoneset_cfg_document_set (doc, &stun, "stun.example.org");
  phoneset_cfg_document_set (doc, &traversal, "1");
  phoneset_cfg_document_set (doc, &user, "4713");
  phoneset_cfg_document_set (doc, &vid, "1"); /* unchanged: no edit */
  out = phoneset_test_cfg_serialize (doc, &out_len);
  g_assert_cmpuint (out_len, ==, len + strlen (" stun.example.org"));

  changed = phoneset_test_cfg_changed_lines (contents, out);
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (changed, 0), ==, "NATTraversal = 1");
  g_assert_cmpstr (g_ptr_array_index (changed, 1), ==, "STUNServer = stun.example.org");
  g_assert_cmpstr (g_ptr_array_index (changed, 2), ==, "UserName = 4713");

  /* The ISO-8859-1 bytes elsewhere are untouched. */
  g_assert_nonnull (g_strstr_len (out, out_len, "Label = B\xfcro\n"));
  again = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_YEALINK_INI, out, out_len);
  g_assert_cmpstr (phoneset_cfg_document_get (again, &stun), ==, "stun.example.org");
  g_assert_cmpstr (phoneset_cfg_document_get (again, &user), ==, "4713");
}

static void
test_ini_insert (void)
{
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_YEALINK_INI, small_ini, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;
  PhonesetCfgKey   port = { "NAT", ACCOUNT0, "STUNPort", -1 };
  PhonesetCfgKey   rport1 = { "NAT", ACCOUNT1, "rport", -1 };
  PhonesetCfgKey   label1 = { "account", ACCOUNT1, "Label", -1 };
  PhonesetCfgKey   lldp = { "LLDP", "/config/Network/Network.cfg", "EnableLLDP", -1 };

  phoneset_cfg_document_set (doc, &port, "3478");
  phoneset_cfg_document_set (doc, &rport1, "1");
  phoneset_cfg_document_set (doc, &label1, "Lab");
  phoneset_cfg_document_set (doc, &lldp, "1");
  out = phoneset_test_cfg_serialize (doc, NULL);

  /* A key of a known section goes after its last key; a new section goes
   * at the end, after a blank line, with its path, written as the file's. */
  g_assert_cmpstr (out, ==,
                   "[ account ]\n"
                   "path = " ACCOUNT0 "\n"
                   "Enable = 1\n"
                   "UserName = 4711\n"
                   "\n"
                   "[ NAT ]\n"
                   "path = " ACCOUNT0 "\n"
                   "NATTraversal = 0\n"
                   "STUNServer =\n"
                   "STUNPort = 3478\n"
                   "\n"
                   "[ account ]\n"
                   "path = " ACCOUNT1 "\n"
                   "UserName = 4712\n"
                   "Label = Lab\n"
                   "\n"
                   "[ NAT ]\n"
                   "path = " ACCOUNT1 "\n"
                   "rport = 1\n"
                   "\n"
                   "[ LLDP ]\n"
                   "path = /config/Network/Network.cfg\n"
                   "EnableLLDP = 1\n");

  again = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_YEALINK_INI, out, -1);
  g_assert_cmpuint (phoneset_cfg_document_get_warnings (again)->len, ==, 0);
  g_assert_cmpstr (phoneset_cfg_document_get (again, &port), ==, "3478");
  g_assert_cmpstr (phoneset_cfg_document_get (again, &rport1), ==, "1");
  g_assert_cmpstr (phoneset_cfg_document_get (again, &label1), ==, "Lab");
  g_assert_cmpstr (phoneset_cfg_document_get (again, &lldp), ==, "1");
}

/* `[blf]`, `path=/yealink/config/…`, `Key=value`, CRLF and no final line
 * break: a new section and key are written the same way. */
static void
test_ini_insert_in_style (void)
{
  static const char ini[] = "[blf]\r\n"
                            "path=/yealink/config/voip/sipAccount0.cfg\r\n"
                            "SubscribePeriod=3600";
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_YEALINK_INI, ini, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;
  PhonesetCfgKey   uri = { "blf", ACCOUNT0, "BLFList_URI", -1 };
  PhonesetCfgKey   stun = { "NAT", ACCOUNT0, "STUNServer", -1 };

  phoneset_cfg_document_set (doc, &uri, "sip:list@example.org");
  phoneset_cfg_document_set (doc, &stun, "stun.example.org");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_cmpstr (out, ==,
                   "[blf]\r\n"
                   "path=/yealink/config/voip/sipAccount0.cfg\r\n"
                   "SubscribePeriod=3600\r\n"
                   "BLFList_URI=sip:list@example.org\r\n"
                   "\r\n"
                   "[NAT]\r\n"
                   "path=/yealink/config/voip/sipAccount0.cfg\r\n"
                   "STUNServer=stun.example.org\r\n");
  again = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_YEALINK_INI, out, -1);
  g_assert_cmpstr (phoneset_cfg_document_get (again, &stun), ==, "stun.example.org");
  g_assert_cmpstr (phoneset_cfg_document_get (again, &uri), ==, "sip:list@example.org");
}

/* What the reader does not understand is kept, byte for byte, with a
 * warning naming the line; the settings around it are still read. */
static void
test_ini_tolerant (void)
{
  static const char ini[] = "Orphan = 1\n" /* 1: before any section */
                            "[ account ]\n"
                            "path = " ACCOUNT0 "\n"
                            "{{if enable_dhcp}}\n" /* 4: a template's own syntax */
                            "UserName = 4711\n"
                            "= no key\n"                            /* 6 */
                            "[ unterminated\n"                      /* 7 */
                            "path = /config/voip/sipAccount9.cfg\n" /* 8: a second path */
                            "Label = R\xe9\x63\x65ption\n"          /* 9: ISO-8859-1 */
                            "; R\xe9\x63\x65ption\n"                /* 10: a comment in it: kept */
                            "[]\n"                                  /* 11: no name */
                            "Enable = 1\n";
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_YEALINK_INI, ini, -1);
  const guint    warned[] = { 1, 4, 6, 7, 8, 9, 10, 11 };
  PhonesetCfgKey user = { "account", ACCOUNT0, "UserName", -1 };
  PhonesetCfgKey enable = { "account", ACCOUNT0, "Enable", -1 };

  assert_roundtrip (PHONESET_CFG_FORMAT_YEALINK_INI, ini, strlen (ini));
  assert_warnings (doc, warned, G_N_ELEMENTS (warned));
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &user), ==, "4711");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &enable), ==, "1");
  g_assert_nonnull (strstr (warning_text (doc, 4), "the first, “" ACCOUNT0 "”"));
}

static void
test_ini_refused (void)
{
  static const char binary[] = "[ account ]\npath = /x\nUserName = \x01\x02\0\xff\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetCfgDocument) doc = NULL;

  doc = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_YEALINK_INI, binary, sizeof binary - 1,
                                     &error);
  g_assert_null (doc);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 3: binary data"));
}

static void
test_ini_new_document (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_new (PHONESET_CFG_FORMAT_YEALINK_INI);
  g_autofree char *out = NULL;
  PhonesetCfgKey   stun = { "NAT", ACCOUNT0, "STUNServer", -1 };
  PhonesetCfgKey   port = { "NAT", ACCOUNT0, "STUNPort", -1 };
  PhonesetCfgKey   vid = { "VLAN", "/config/Network/Network.cfg", "VID", -1 };

  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 0);
  phoneset_cfg_document_set (doc, &stun, "stun.example.org");
  phoneset_cfg_document_set (doc, &vid, "20");
  phoneset_cfg_document_set (doc, &port, "3478");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_cmpstr (out, ==,
                   "[ NAT ]\npath = " ACCOUNT0 "\nSTUNServer = stun.example.org\nSTUNPort = 3478\n"
                   "\n[ VLAN ]\npath = /config/Network/Network.cfg\nVID = 20\n");
  g_assert_true (phoneset_cfg_document_remove (doc, &port));
  g_free (out);
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_null (strstr (out, "STUNPort"));
}

/* Telling formats apart: an INI file needs a [section] first and a path in
 * it, so a Yealink CFG file, an Asterisk or Windows .ini, a Fanvil file are
 * not taken for one. */
static void
test_detect (void)
{
  struct
  {
    const char       *text;
    gboolean          detected;
    PhonesetCfgFormat format;
  } cases[] = {
    { "#!version:1.0.0.1\n[ NAT ]\npath = /config/voip/sipAccount0.cfg\n", TRUE,
      PHONESET_CFG_FORMAT_YEALINK_INI },
    { "; old phone\n\n[autoprovision]\npath=/config/Setting/autop.cfg\n", TRUE,
      PHONESET_CFG_FORMAT_YEALINK_INI },
    { "#!version:1.0.0.1\naccount.1.enable = 1\n", TRUE, PHONESET_CFG_FORMAT_YEALINK },
    { "[general]\nport = 5060\nbindaddr = 0.0.0.0\n", FALSE, 0 },
    { "[ account ]\nEnable = 1\n", FALSE, 0 },
    { "<<VOIP CONFIG FILE>>Version:2.0000000000\n", TRUE, PHONESET_CFG_FORMAT_FANVIL },
    { "<?xml version=\"1.0\"?>\n<settings><phone-settings/></settings>\n", TRUE,
      PHONESET_CFG_FORMAT_SNOM_XML },
    { "<html>\n<pre>\nuser_name1$: 4711\n</pre>\n</html>\n", TRUE, PHONESET_CFG_FORMAT_SNOM_TEXT },
    { "# snom\nsetting_server: http://x/\nlanguage!: English\n", TRUE,
      PHONESET_CFG_FORMAT_SNOM_TEXT },
    { "timezone: GER+1\n", FALSE, 0 },                     /* nothing snom-like */
    { "Content-Type: text/plain\n\nhello\n", FALSE, 0 },   /* an HTTP head */
    { "Subject: hello\nFrom: a@example.org\n", FALSE, 0 }, /* a mail */
    { "user_name1$: 1\nthis is prose\n", FALSE, 0 },
    { "<html><body>Login</body></html>\n", FALSE, 0 },
    { "STUN Server        :x\n", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PhonesetCfgFormat format = 99;
      gboolean          detected =
        phoneset_cfg_detect_format (cases[i].text, strlen (cases[i].text), &format);

      if (detected != cases[i].detected || (detected && format != cases[i].format))
        g_error ("case %u: detected %d as %d, expected %d as %d", i, detected, format,
                 cases[i].detected, cases[i].format);
    }
}

/* snom plain text --------------------------------------------------------- */

static void
test_text_roundtrip (void)
{
  gsize            len;
  g_autofree char *contents = phoneset_test_cfg_load ("snom-320-settings.htm", &len);
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, contents, len);
  const guint             warned[] = { 21 };
  PhonesetCfgKey          name1 = { NULL, NULL, "user_name", 1 };
  PhonesetCfgKey          name2 = { NULL, NULL, "user_name", 2 };
  PhonesetCfgKey          flat = { NULL, NULL, "user_name2", -1 };
  PhonesetCfgKey          server = { NULL, NULL, "setting_server", -1 };
  PhonesetCfgKey          tls = { NULL, NULL, "ldap_over_tls", -1 };
  const PhonesetCfgEntry *entry;
  PhonesetCfgFormat       detected, key_format;

  assert_roundtrip (PHONESET_CFG_FORMAT_SNOM_TEXT, contents, len);
  g_assert_true (phoneset_cfg_detect_format (contents, len, &detected));
  g_assert_cmpint (detected, ==, PHONESET_CFG_FORMAT_SNOM_TEXT);
  g_assert_true (phoneset_cfg_format_get_key_format (PHONESET_CFG_FORMAT_SNOM_TEXT, &key_format));
  g_assert_cmpint (key_format, ==, PHONESET_CFG_FORMAT_SNOM_XML);
  g_assert_cmpuint (phoneset_cfg_document_get_n_entries (doc), ==, 16);
  assert_warnings (doc, warned, G_N_ELEMENTS (warned));

  /* user_name1 is user_name, identity 1, as in the XML. */
  entry = phoneset_cfg_document_lookup_entry (doc, &name1);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->key, ==, "user_name");
  g_assert_cmpint (entry->idx, ==, 1);
  g_assert_cmpstr (entry->perm, ==, "$");
  g_assert_cmpuint (entry->line, ==, 12);
  g_assert_cmpstr (entry->value, ==, "4711");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &name2), ==, "4712");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &flat), ==, "4712");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &server), ==,
                   "http://prov.example.org/snom/{mac}.htm");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &tls), ==, "on");

  /* The flags as written; none on user_ice1. */
  g_assert_cmpstr (phoneset_cfg_document_get_entry (doc, 3)->perm, ==, "!");
  g_assert_cmpstr (phoneset_cfg_document_get_entry (doc, 5)->perm, ==, "&");
  g_assert_null (phoneset_cfg_document_get_entry (doc, 10)->perm);
}

static void
test_text_variants (void)
{
  static const char text[] =
    "setting_server$: http://prov.example.org/\nuser_name1$: 4711\nuser_ice1: off\n";
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);
  g_autofree char *no_final = g_strndup (text, strlen (text) - 1);
  g_autofree char *crlf = NULL;
  const char      *variants[3];
  PhonesetCfgKey   ice = { NULL, NULL, "user_ice", 1 };

  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    crlf = g_strjoinv ("\r\n", lines);
  }
  variants[0] = bom;
  variants[1] = no_final;
  variants[2] = crlf;
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(PhonesetCfgDocument) doc =
                   phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, variants[i], -1);
      g_autoptr(PhonesetCfgDocument) again = NULL;
      g_autofree char  *out = NULL;
      PhonesetCfgFormat detected;

      assert_roundtrip (PHONESET_CFG_FORMAT_SNOM_TEXT, variants[i], strlen (variants[i]));
      g_assert_true (phoneset_cfg_detect_format (variants[i], strlen (variants[i]), &detected));
      g_assert_cmpint (detected, ==, PHONESET_CFG_FORMAT_SNOM_TEXT);
      g_assert_cmpstr (phoneset_cfg_document_get (doc, &ice), ==, "off");
      phoneset_cfg_document_set (doc, &ice, "on");
      out = phoneset_test_cfg_serialize (doc, NULL);
      again = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, out, -1);
      g_assert_cmpstr (phoneset_cfg_document_get (again, &ice), ==, "on");
      g_assert_cmpuint (strlen (out), ==, strlen (variants[i]) - strlen ("off") + strlen ("on"));
    }
}

static void
test_text_edit_and_insert (void)
{
  gsize            len;
  g_autofree char *contents = phoneset_test_cfg_load ("snom-320-settings.htm", &len);
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, contents, len);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autofree char *out = NULL;
  PhonesetCfgKey   stun1 = { NULL, NULL, "stun_server", 1 };
  PhonesetCfgKey   ice1 = { NULL, NULL, "user_ice", 1 };
  PhonesetCfgKey   tz = { NULL, NULL, "timezone", -1 };
  PhonesetCfgKey   stun2 = { NULL, NULL, "stun_server", 2 };
  PhonesetCfgKey   rport = { NULL, NULL, "enable_rport_rfc3581", -1 };

  phoneset_cfg_document_set (doc, &stun1, "stun2.example.org");
  phoneset_cfg_document_set (doc, &ice1, "on");
  phoneset_cfg_document_set (doc, &tz, "GBR-0");
  out = phoneset_test_cfg_serialize (doc, NULL);
  changed = phoneset_test_cfg_changed_lines (contents, out);
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (changed, 0), ==, "timezone&: GBR-0");
  g_assert_cmpstr (g_ptr_array_index (changed, 1), ==, "stun_server1$: stun2.example.org");
  g_assert_cmpstr (g_ptr_array_index (changed, 2), ==, "user_ice1: on");

  /* Identity 2's new line goes after its others; a global one after the
   * last setting, inside the <pre>. */
  phoneset_cfg_document_set (doc, &stun2, "stun.example.org");
  phoneset_cfg_document_set (doc, &rport, "on");
  g_free (out);
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_nonnull (strstr (
    out, "user_host2$: pbx.example.org\nstun_server2$: stun.example.org\ncodec_tos$: 184\n"));
  g_assert_nonnull (strstr (out, "//fkey3$: keyevent F_DIRECTORY_SEARCH\n</pre>\n"));
  g_assert_nonnull (strstr (out, "network_id_port$: 5060\nenable_rport_rfc3581$: on\n//fkey3"));

  again = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, out, -1);
  g_assert_cmpstr (phoneset_cfg_document_get (again, &stun2), ==, "stun.example.org");
  g_assert_cmpstr (phoneset_cfg_document_get (again, &rport), ==, "on");
  g_assert_cmpstr (phoneset_cfg_document_get (again, &tz), ==, "GBR-0");
  g_assert_cmpuint (phoneset_cfg_document_get_warnings (again)->len, ==, 1);
}

/* A page with no setting yet: the first goes inside its <pre>; `name$:`
 * with no value gets one as `name$: value`; `name$:value` keeps its style. */
static void
test_text_insert_in_style (void)
{
  static const char page[] = "<html>\r\n<pre>\r\n</pre>\r\n</html>";
  static const char tight[] = "ldap_over_tls$:on\nuser_outbound1$:\n";
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, page, -1);
  g_autoptr(PhonesetCfgDocument) doc2 =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, tight, -1);
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  PhonesetCfgKey   name = { NULL, NULL, "user_name", 1 };
  PhonesetCfgKey   outbound = { NULL, NULL, "user_outbound", 1 };
  PhonesetCfgKey   tls = { NULL, NULL, "ldap_over_tls", -1 };
  PhonesetCfgKey   pnp = { NULL, NULL, "pnp_config", -1 };

  phoneset_cfg_document_set (doc, &name, "4711");
  out = phoneset_test_cfg_serialize (doc, NULL);
  g_assert_cmpstr (out, ==, "<html>\r\n<pre>\r\nuser_name1$: 4711\r\n</pre>\r\n</html>");

  phoneset_cfg_document_set (doc2, &outbound, "edge.example.org");
  phoneset_cfg_document_set (doc2, &tls, "off");
  phoneset_cfg_document_set (doc2, &pnp, "on");
  out2 = phoneset_test_cfg_serialize (doc2, NULL);
  g_assert_cmpstr (out2, ==,
                   "ldap_over_tls$:off\nuser_outbound1$: edge.example.org\npnp_config$: on\n");
}

static void
test_text_names (void)
{
  static const char text[] = "user_name01$: a\n"   /* a leading 0: not identity 1 */
                             "fkey0$: line\n"      /* identity 0 */
                             "gui_fkey12345$: b\n" /* five digits: no identity */
                             "99$: c\n"            /* only digits */
                             "bad-name: d\n"       /* 5 */
                             "name?: e\n"          /* 6 */
                             "Name : f\n"          /* 7 */
                             "novalue\n";          /* 8 */
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, text, -1);
  const guint    warned[] = { 5, 6, 7, 8 };
  PhonesetCfgKey one = { NULL, NULL, "user_name", 1 };
  PhonesetCfgKey zero1 = { NULL, NULL, "user_name01", -1 };
  PhonesetCfgKey fkey = { NULL, NULL, "fkey", 0 };
  PhonesetCfgKey gui = { NULL, NULL, "gui_fkey12345", -1 };
  PhonesetCfgKey digits = { NULL, NULL, "99", -1 };

  assert_roundtrip (PHONESET_CFG_FORMAT_SNOM_TEXT, text, strlen (text));
  assert_warnings (doc, warned, G_N_ELEMENTS (warned));
  g_assert_null (phoneset_cfg_document_get (doc, &one));
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &zero1), ==, "a");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &fkey), ==, "line");
  g_assert_cmpint (phoneset_cfg_document_get_entry (doc, 1)->idx, ==, 0);
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &gui), ==, "b");
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &digits), ==, "c");
}

static void
test_text_tolerant (void)
{
  static const char text[] = "; a SARK-style comment\n"
                             "# R\xe9\x63\x65ption\n"                /* 2: ISO-8859-1 comment */
                             "user_realname1$: R\xe9\x63\x65ption\n" /* 3: and value */
                             "<!-- html -->\n"
                             "user_name1$: 4711\n";
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, text, -1);
  g_autoptr(PhonesetCfgDocument) again = NULL;
  g_autofree char *out = NULL;
  gsize            out_len;
  const guint      warned[] = { 2, 3 };
  PhonesetCfgKey   real = { NULL, NULL, "user_realname", 1 };
  PhonesetCfgKey   name = { NULL, NULL, "user_name", 1 };

  assert_roundtrip (PHONESET_CFG_FORMAT_SNOM_TEXT, text, strlen (text));
  assert_warnings (doc, warned, G_N_ELEMENTS (warned));
  g_assert_cmpstr (phoneset_cfg_document_get (doc, &real), ==,
                   "R\xef\xbf\xbd"
                   "ception");
  phoneset_cfg_document_set (doc, &name, "4712");
  out = phoneset_test_cfg_serialize (doc, &out_len);
  g_assert_nonnull (g_strstr_len (out, out_len, "# R\xe9\x63\x65ption\n"));
  again = phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, out, out_len);
  g_assert_cmpstr (phoneset_cfg_document_get (again, &name), ==, "4712");
}

/* Profiles ----------------------------------------------------------------- */

static GPtrArray *
load_shipped (void)
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(GPtrArray) errors = NULL;
  GPtrArray *profiles;

  g_assert_nonnull (dirs[0]);
  profiles = phoneset_test_load_profiles (dirs, &errors);
  g_assert_cmpuint (errors->len, ==, 0);
  return profiles;
}

/* "{n0}" is the line counted from 0: account 2 is sipAccount1.cfg. */
static void
test_profile_keys (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  PhonesetProfile  *yealink = phoneset_profiles_find (profiles, "yealink-legacy");
  PhonesetProfile  *snom = phoneset_profiles_find (profiles, "snom");
  PhonesetSetting  *number2 = phoneset_profile_lookup_setting (yealink, "line.2.number");
  PhonesetSetting  *stun = phoneset_profile_lookup_setting (yealink, "nat.stun.server");
  PhonesetSetting  *ice = phoneset_profile_lookup_setting (snom, "nat.ice.enable");
  PhonesetSetting  *type = phoneset_profile_lookup_setting (yealink, "line.1.keepalive.type");
  PhonesetCfgKey    key;
  PhonesetCfgFormat format;
  g_autofree char  *on = NULL;

  g_assert_true (phoneset_profile_reads_format (yealink, PHONESET_CFG_FORMAT_YEALINK_INI));
  g_assert_true (phoneset_profile_get_file_format (yealink, &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_YEALINK);
  g_assert_true (phoneset_setting_get_cfg_key (number2, PHONESET_CFG_FORMAT_YEALINK_INI, 0, &key));
  g_assert_cmpstr (key.section, ==, "account");
  g_assert_cmpstr (key.list, ==, ACCOUNT1);
  g_assert_cmpstr (key.key, ==, "UserName");
  g_assert_true (phoneset_setting_get_cfg_key (stun, PHONESET_CFG_FORMAT_YEALINK_INI, 1, &key));
  g_assert_cmpstr (key.list, ==, ACCOUNT1);
  g_assert_false (phoneset_setting_get_cfg_key (stun, PHONESET_CFG_FORMAT_YEALINK_INI, 2, &key));
  g_assert_false (phoneset_setting_get_cfg_key (type, PHONESET_CFG_FORMAT_YEALINK_INI, 0, &key));
  g_assert_nonnull (strstr (phoneset_setting_get_note (type), "yealink-ini"));

  /* A user's file is edited in its own format, when the profile reads it. */
  g_assert_true (
    phoneset_profile_get_format_of_file (yealink, small_ini, strlen (small_ini), &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_YEALINK_INI);
  g_assert_true (phoneset_profile_get_format_of_file (yealink, "#!version:1.0.0.1\n", 18, &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_YEALINK);
  g_assert_true (
    phoneset_profile_get_format_of_file (snom, small_ini, strlen (small_ini), &format));
  g_assert_cmpint (format, ==, PHONESET_CFG_FORMAT_SNOM_XML);

  /* snom's text borrows the XML's keys and on/off. */
  g_assert_true (phoneset_profile_reads_format (snom, PHONESET_CFG_FORMAT_SNOM_TEXT));
  g_assert_true (phoneset_setting_get_cfg_key (ice, PHONESET_CFG_FORMAT_SNOM_TEXT, 0, &key));
  g_assert_cmpstr (key.key, ==, "user_ice");
  g_assert_cmpint (key.idx, ==, 1);
  on = phoneset_setting_to_file_value (ice, PHONESET_CFG_FORMAT_SNOM_TEXT, "true");
  g_assert_cmpstr (on, ==, "on");
}

/* A file read into a config: every setting the profile reads is found, and
 * the identity lines it reads are not listed as unknown. */
static void
test_config_from_text (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  PhonesetProfile *snom = phoneset_profiles_find (profiles, "snom");
  gsize            len;
  g_autofree char *contents = phoneset_test_cfg_load ("snom-320-settings.htm", &len);
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_test_cfg_parse (PHONESET_CFG_FORMAT_SNOM_TEXT, contents, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetConfig) config = phoneset_config_new_from_document (snom, doc, &error);
  const char *const *unknown;

  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_config_get (config, "line.2.number"), ==, "4712");
  g_assert_cmpstr (phoneset_config_get (config, "nat.stun.server"), ==, "stun.example.org:3478");
  g_assert_cmpstr (phoneset_config_get (config, "qos.dscp.rtp"), ==, "46");
  unknown = phoneset_config_get_unknown (config);
  for (guint i = 0; unknown[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (unknown[i], "user_name"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cfg/yealink-ini/roundtrip", test_ini_roundtrip);
  g_test_add_func ("/cfg/yealink-ini/variants", test_ini_variants);
  g_test_add_func ("/cfg/yealink-ini/places", test_ini_places);
  g_test_add_func ("/cfg/yealink-ini/edit-in-place", test_ini_edit_in_place);
  g_test_add_func ("/cfg/yealink-ini/insert", test_ini_insert);
  g_test_add_func ("/cfg/yealink-ini/insert-in-style", test_ini_insert_in_style);
  g_test_add_func ("/cfg/yealink-ini/tolerant", test_ini_tolerant);
  g_test_add_func ("/cfg/yealink-ini/refused", test_ini_refused);
  g_test_add_func ("/cfg/yealink-ini/new-document", test_ini_new_document);
  g_test_add_func ("/cfg/detect", test_detect);
  g_test_add_func ("/cfg/snom-text/roundtrip", test_text_roundtrip);
  g_test_add_func ("/cfg/snom-text/variants", test_text_variants);
  g_test_add_func ("/cfg/snom-text/edit-and-insert", test_text_edit_and_insert);
  g_test_add_func ("/cfg/snom-text/insert-in-style", test_text_insert_in_style);
  g_test_add_func ("/cfg/snom-text/names", test_text_names);
  g_test_add_func ("/cfg/snom-text/tolerant", test_text_tolerant);
  g_test_add_func ("/cfg/old-formats/profile-keys", test_profile_keys);
  g_test_add_func ("/cfg/old-formats/config-from-text", test_config_from_text);

  return g_test_run ();
}
