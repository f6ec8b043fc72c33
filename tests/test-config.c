/* test-config.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Configs: validation, diff, JSON without secrets, import from and export
 * to each vendor's file, file names, DHCP helpers, setup sheet, atomic
 * writes.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-file.h"
#include "phoneset-config-history.h"
#include "phoneset-config.h"
#include "phoneset-error.h"
#include "phoneset-provisioning.h"
#include "phoneset-setup-sheet.h"
#include "phoneset-test-catalog.h"

static GPtrArray *profiles;

static PhonesetProfile *
profile (const char *id)
{
  PhonesetProfile *p = phoneset_profiles_find (profiles, id);

  g_assert_nonnull (p);
  return p;
}

static PhonesetCfgDocument *
load_document (PhonesetCfgFormat  format,
               const char        *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "cfg", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  PhonesetCfgDocument *doc;
  gsize                len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  doc = phoneset_cfg_document_parse (format, contents, len, &error);
  g_assert_no_error (error);
  return doc;
}

static char *
serialize (PhonesetCfgDocument *doc)
{
  g_autoptr(GBytes) bytes = phoneset_cfg_document_serialize (doc);
  gsize       len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

static void
test_config_set_and_diff (void)
{
  g_autoptr(PhonesetConfig) a = phoneset_config_new (profile ("planet-vip"));
  g_autoptr(PhonesetConfig) b = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  PhonesetConfigChange *change;

  g_assert_cmpstr (phoneset_config_get_effective (a, "nat.stun.port"), ==, "3478");
  g_assert_null (phoneset_config_get (a, "nat.stun.port"));
  g_assert_true (phoneset_config_set (a, "nat.stun.server", " stun.example.org ", &error));
  g_assert_cmpstr (phoneset_config_get (a, "nat.stun.server"), ==, "stun.example.org");

  g_assert_false (phoneset_config_set (a, "nat.stun.port", "99999", &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phoneset_config_set (a, "no.such.setting", "1", &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  b = phoneset_config_copy (a);
  g_assert_true (phoneset_config_set (b, "line.1.stun.enable", "yes", NULL));
  g_assert_true (
    phoneset_config_set (b, "nat.stun.port", "3478", NULL)); /* the default: no change */
  changes = phoneset_config_diff (a, b);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (phoneset_setting_get_id (change->setting), ==, "line.1.stun.enable");
  g_assert_cmpstr (change->old_value, ==, "false");
  g_assert_cmpstr (change->new_value, ==, "true");
}

static void
test_config_json_no_secrets (void)
{
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile ("yealink-v8x"));
  g_autoptr(PhonesetConfig) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("phoneset-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "phone.json", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;

  phoneset_config_set (config, "nat.turn.password", "Zebra-Secret-4711", NULL);
  phoneset_config_set (config, "nat.turn.enable", "on", NULL);
  phoneset_config_set (config, "vlan.id", "20", NULL);

  node = phoneset_config_to_json (config, FALSE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_assert_null (strstr (text, "Zebra-Secret-4711"));
  g_assert_nonnull (strstr (text, "\"nat.turn.enable\":true"));
  g_assert_nonnull (strstr (text, "\"vlan.id\":20"));
  g_assert_nonnull (strstr (text, "\"secrets\":[\"nat.turn.password\"]"));

  g_assert_true (phoneset_config_save (config, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &saved, NULL, NULL);
  g_assert_null (strstr (saved, "Zebra-Secret-4711"));
  back = phoneset_config_load (profiles, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_config_get (back, "vlan.id"), ==, "20");
  g_assert_null (phoneset_config_get (back, "nat.turn.password"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_import_each_vendor (void)
{
  struct
  {
    PhonesetCfgFormat format;
    const char       *file;
    const char       *profile;
    const char       *id;
    const char       *value;
    guint             n_unknown;
  } cases[] = {
    { PHONESET_CFG_FORMAT_YEALINK, "yealink-cp860-legacy.cfg", "yealink-legacy",
      "nat.keepalive.interval", "30", 4 },
    { PHONESET_CFG_FORMAT_YEALINK, "yealink-t46s-v8x.cfg", "yealink-v8x", "vlan.id", "20", 1 },
    { PHONESET_CFG_FORMAT_FANVIL, "planet-vip2140pt.cfg", "planet-vip", "line.1.number", "2001",
      14 },
    { PHONESET_CFG_FORMAT_SNOM_XML, "snom-d785.xml", "snom", "qos.dscp.rtp", "46", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PhonesetCfgDocument) doc = load_document (cases[i].format, cases[i].file);
      g_autoptr(PhonesetConfig) config = NULL;
      g_autoptr(GError) error = NULL;
      PhonesetProfile *guessed =
        phoneset_profiles_guess_for_document (profiles, doc, cases[i].file, NULL);

      g_assert_nonnull (guessed);
      g_assert_cmpstr (phoneset_profile_get_id (guessed), ==, cases[i].profile);
      config = phoneset_config_new_from_document (guessed, doc, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (phoneset_config_get (config, cases[i].id), ==, cases[i].value);
      if (g_strv_length ((char **)phoneset_config_get_unknown (config)) != cases[i].n_unknown)
        {
          g_autofree char *joined = g_strjoinv ("|", (char **)phoneset_config_get_unknown (config));

          g_error ("%s: unknown lines: %s", cases[i].file, joined);
        }
    }
}

static void
test_import_bad_value (void)
{
  const char *text = "#!version:1.0.0.1\nstatic.network.vlan.internet_port_vid = 5000\n";
  g_autoptr(PhonesetCfgDocument) doc =
               phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_YEALINK, text, strlen (text), NULL);
  g_autoptr(PhonesetConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  GPtrArray             *warnings;
  PhonesetConfigWarning *warning;
  g_autofree char       *again = NULL;

  /* A value out of range is read with a warning, not refused (shipped
   * templates hold such values); the file keeps it. */
  config = phoneset_config_new_from_document (profile ("yealink-v8x"), doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (config);
  g_assert_null (phoneset_config_get (config, "vlan.id"));
  g_assert_cmpstr (phoneset_config_get_invalid (config, "vlan.id"), ==, "5000");
  warnings = phoneset_config_get_warnings (config);
  g_assert_cmpuint (warnings->len, ==, 1);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_cmpuint (warning->line, ==, 2);
  g_assert_cmpstr (warning->setting, ==, "vlan.id");
  g_assert_true (g_str_has_prefix (warning->message,
                                   "line 2: vlan.id (Internet Port VID): 5000 is out of range"));

  /* A no-op leaves it as it is, byte for byte. */
  phoneset_config_apply_to_document (config, doc, FALSE, NULL);
  again = serialize (doc);
  g_assert_cmpstr (again, ==, text);
}

static void
test_export_in_place (void)
{
  g_autoptr(PhonesetCfgDocument) doc =
               load_document (PHONESET_CFG_FORMAT_FANVIL, "planet-vip2140pt.cfg");
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile ("planet-vip"));
  g_auto(PhonesetExportReport) report = { 0 };
  g_autofree char *before = serialize (doc);
  g_autofree char *after = NULL;
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;
  guint changed = 0;

  phoneset_export_report_init (&report);
  phoneset_config_set (config, "nat.stun.server", "stun.example.org", NULL);
  phoneset_config_set (config, "line.2.stun.enable", "true", NULL);
  phoneset_config_set (config, "vlan.priority.rtp", "6", NULL);
  phoneset_config_set (config, "provisioning.server.password", "Zebra-Secret-4711", NULL);
  phoneset_config_apply_to_document (config, doc, FALSE, &report);
  after = serialize (doc);

  g_assert_cmpuint (report.written->len, ==, 3);
  g_assert_cmpuint (report.secrets_left_out->len, ==, 1);
  g_assert_null (strstr (after, "Zebra-Secret-4711"));

  a = g_strsplit (before, "\n", -1);
  b = g_strsplit (after, "\n", -1);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
  for (guint i = 0; a[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      changed++;
  g_assert_cmpuint (changed, ==, 3);
  g_assert_nonnull (strstr (after, "SIP2 NAT Type      :1\r\n"));
  g_assert_nonnull (strstr (after, "Voice Priority     :6\r\n"));
}

static void
test_export_all_lines_and_reference (void)
{
  g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_new (PHONESET_CFG_FORMAT_FANVIL);
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile ("planet-vip"));
  g_autoptr(PhonesetConfig) back = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PhonesetCfgDocument) reread = NULL;
  g_autoptr(GError) error = NULL;

  phoneset_config_set (config, "nat.keepalive.interval", "20", NULL);
  phoneset_config_set (config, "provisioning.dhcp_option", "custom", NULL);
  phoneset_config_set (config, "provisioning.dhcp_option.custom", "160", NULL);
  phoneset_config_apply_to_document (config, doc, FALSE, NULL);
  text = serialize (doc);
  g_assert_nonnull (strstr (text, "SIP1 UDPUpdate TTL :20\r\nSIP2 UDPUpdate TTL :20\r\n"));
  g_assert_nonnull (strstr (text, "DHCP Option        :160\r\n"));

  /* And back: 160 reads as "custom" with the number. */
  reread = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_FANVIL, text, strlen (text), &error);
  g_assert_no_error (error);
  back = phoneset_config_new_from_document (profile ("planet-vip"), reread, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_config_get (back, "provisioning.dhcp_option"), ==, "custom");
  g_assert_cmpstr (phoneset_config_get (back, "provisioning.dhcp_option.custom"), ==, "160");
  g_assert_cmpstr (phoneset_config_get (back, "nat.keepalive.interval"), ==, "20");
}

static PhonesetConfig *
import_text (const char *profile_id,
             const char *text)
{
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  PhonesetConfig *config;

  doc = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_FANVIL, text, strlen (text), &error);
  g_assert_no_error (error);
  config = phoneset_config_new_from_document (profile (profile_id), doc, &error);
  g_assert_no_error (error);
  return config;
}

/* Enable PVID holds 0, 1 or 2 (FusionPBX writes 2 to enable it): what a
 * file says is what the form shows, and back. */
static void
test_fanvil_pvid (void)
{
  const char *head =
    "<<VOIP CONFIG FILE>>Version:2.0000000000\r\n<QOS CONFIG MODULE>\r\nEnable PVID        :";
  const char *values[][2] = { { "2", "on" }, { "1", "factory" }, { "0", "off" } };
  g_autoptr(PhonesetCfgDocument) doc = phoneset_cfg_document_new (PHONESET_CFG_FORMAT_FANVIL);
  g_autoptr(PhonesetCfgDocument) xml = NULL;
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile ("fanvil"));
  g_autoptr(PhonesetConfig) from_xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char      *sysconf = "<sysConf>\n<qos>\n<EnablePVID>2</EnablePVID>\n</qos>\n</sysConf>\n";

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *file = g_strconcat (head, values[i][0], "\r\n<<END OF FILE>>\r\n", NULL);
      g_autoptr(PhonesetConfig) read = import_text ("planet-vip", file);

      g_assert_cmpstr (phoneset_config_get (read, "vlan.pc.mode"), ==, values[i][1]);
      g_assert_null (phoneset_config_get_invalid (read, "vlan.pc.mode"));
    }

  g_assert_true (phoneset_config_set (config, "vlan.pc.mode", "on", &error));
  g_assert_no_error (error);
  phoneset_config_apply_to_document (config, doc, FALSE, NULL);
  text = serialize (doc);
  g_assert_nonnull (strstr (text, "Enable PVID        :2\r\n"));

  xml =
    phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_FANVIL_XML, sysconf, strlen (sysconf), &error);
  g_assert_no_error (error);
  from_xml = phoneset_config_new_from_document (profile ("fanvil"), xml, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_config_get (from_xml, "vlan.pc.mode"), ==, "on");
}

/* A file of the older generation (“Version:2.0002”, the old X4 firmware
 * and its OEMs) keeps the provisioning server, STUN and the Action URLs
 * under other keys: they are read, and edited where they are, with no
 * second copy under the current firmware's keys. */
static void
test_fanvil_old_generation (void)
{
  const char *text = "<<VOIP CONFIG FILE>>Version:2.0002                            \r\n"
                     "\r\n"
                     "<GLOBAL CONFIG MODULE>\r\n"
                     "Active Uri IP      :192.0.2.5\r\n"
                     "Hold Url           :http://192.0.2.9/hold\r\n"
                     "B Transfer Url     :\r\n"
                     "\r\n"
                     "<SIP CONFIG MODULE>\r\n"
                     "SIP  Port          :5060\r\n"
                     "Stun Address       :stun.old.example\r\n"
                     "Stun Port          :3478\r\n"
                     "--SIP Line List--  :\r\n"
                     "SIP1 Phone Number  :2001\r\n"
                     "SIP1 Use Stun      :1\r\n"
                     "\r\n"
                     "<AUTOUPDATE CONFIG MODULE>\r\n"
                     "Download Username  :user\r\n"
                     "Download password  :pass\r\n"
                     "Download Server IP :http://192.0.2.1/prov/\r\n"
                     "Config File Name   :$mac.cfg\r\n"
                     "<<END OF FILE>>\r\n";
  g_autoptr(PhonesetCfgDocument) doc = NULL;
  g_autoptr(PhonesetConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  doc = phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_FANVIL, text, strlen (text), &error);
  g_assert_no_error (error);
  config = phoneset_config_new_from_document (profile ("fanvil"), doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_config_get (config, "nat.stun.server"), ==, "stun.old.example");
  g_assert_cmpstr (phoneset_config_get (config, "line.1.stun.enable"), ==, "true");
  g_assert_cmpstr (phoneset_config_get (config, "provisioning.server.url"), ==,
                   "http://192.0.2.1/prov/");
  g_assert_cmpstr (phoneset_config_get (config, "provisioning.server.file"), ==, "$mac.cfg");
  g_assert_cmpstr (phoneset_config_get (config, "provisioning.server.user"), ==, "user");
  g_assert_cmpstr (phoneset_config_get (config, "active_uri.allowed_ip"), ==, "192.0.2.5");
  g_assert_cmpstr (phoneset_config_get (config, "action_url.hold"), ==, "http://192.0.2.9/hold");

  phoneset_config_set (config, "provisioning.server.url", "http://192.0.2.2/", NULL);
  phoneset_config_set (config, "provisioning.server.password", "Zebra-4711", NULL);
  phoneset_config_set (config, "nat.stun.server", "stun.new.example", NULL);
  phoneset_config_set (config, "action_url.hold", "http://192.0.2.9/h2", NULL);
  phoneset_config_set (config, "action_url.blind_transfer_call", "http://192.0.2.9/bx", NULL);
  phoneset_config_apply_to_document (config, doc, TRUE, NULL);
  out = serialize (doc);
  g_assert_nonnull (strstr (out, "Download Server IP :http://192.0.2.2/\r\n"));
  g_assert_nonnull (strstr (out, "Download password  :Zebra-4711\r\n"));
  g_assert_nonnull (strstr (out, "Stun Address       :stun.new.example\r\n"));
  g_assert_nonnull (strstr (out, "Hold Url           :http://192.0.2.9/h2\r\n"));
  g_assert_nonnull (strstr (out, "B Transfer Url     :http://192.0.2.9/bx\r\n"));
  g_assert_null (strstr (out, "Flash Server IP"));
  g_assert_null (strstr (out, "Default Password"));
  g_assert_null (strstr (out, "STUN Server"));
  g_assert_null (strstr (out, "Hold On Url"));
  g_assert_null (strstr (out, "CTI CONFIG MODULE"));
}

static void
test_file_names (void)
{
  struct
  {
    const char        *profile;
    PhonesetFileNaming naming;
    const char        *model;
    const char        *mac;
    const char        *custom;
    const char        *expected; /* NULL: error */
  } cases[] = {
    { "planet-vip", PHONESET_FILE_NAME_COMMON, "VIP-2140PT", NULL, NULL,
      "f0VIP-2140PThw1.100.cfg" },
    { "planet-vip", PHONESET_FILE_NAME_COMMON, "vip-1120pt", NULL, NULL,
      "f0VIP-1120PThw1.100.cfg" },
    { "planet-vip", PHONESET_FILE_NAME_COMMON, NULL, NULL, NULL, NULL },
    { "planet-vip", PHONESET_FILE_NAME_COMMON, "VIP-9999", NULL, NULL, NULL },
    { "planet-vip", PHONESET_FILE_NAME_MAC, NULL, "00: 30: 4f: 11: 3a: f8", NULL, NULL },
    { "planet-vip", PHONESET_FILE_NAME_MAC, NULL, "00:30:4F:11:3A:F8", NULL, "00304f113af8.cfg" },
    { "planet-vip", PHONESET_FILE_NAME_MAC, NULL, "00-30-4f-11-3a-f8", NULL, "00304f113af8.cfg" },
    { "yealink-legacy", PHONESET_FILE_NAME_COMMON, "CP860", NULL, NULL, "y000000000037.cfg" },
    { "yealink-legacy", PHONESET_FILE_NAME_MAC, NULL, "001565aabbcc", NULL, "001565aabbcc.cfg" },
    { "snom", PHONESET_FILE_NAME_MAC, NULL, "00:04:13:aa:bb:cc", NULL, "000413AABBCC.xml" },
    { "snom", PHONESET_FILE_NAME_COMMON, "D785", NULL, NULL, NULL },
    { "planet-vip", PHONESET_FILE_NAME_CUSTOM, NULL, NULL, "meeting-room", "meeting-room.cfg" },
    { "planet-vip", PHONESET_FILE_NAME_CUSTOM, NULL, NULL, "4711.cfg", "4711.cfg" },
    { "planet-vip", PHONESET_FILE_NAME_CUSTOM, NULL, NULL, "../etc/passwd", NULL },
    { "planet-vip", PHONESET_FILE_NAME_CUSTOM, NULL, NULL, ".hidden", NULL },
    { "konftel-300ip", PHONESET_FILE_NAME_COMMON, NULL, NULL, NULL, "konftel-300ip-setup.html" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name =
        phoneset_profile_dup_file_name (profile (cases[i].profile), cases[i].naming, cases[i].model,
                                        cases[i].mac, cases[i].custom, &error);

      if (cases[i].expected != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (name, ==, cases[i].expected);
        }
      else
        {
          g_assert_null (name);
          g_assert_nonnull (error);
        }
    }
}

static void
test_dhcp_helpers (void)
{
  const char      *url = "http://192.168.1.118/$mac.cfg";
  g_autofree char *hex = phoneset_dhcp_option_hex (url, "");
  g_autofree char *dnsmasq66 = phoneset_dhcp_dnsmasq_line (url, 66);
  g_autofree char *dnsmasq43 = phoneset_dhcp_dnsmasq_line (url, 43);
  g_autofree char *dnsmasq160 = phoneset_dhcp_dnsmasq_line (url, 160);
  g_autofree char *isc66 = phoneset_dhcp_isc_lines (url, 66);
  g_autofree char *isc43 = phoneset_dhcp_isc_lines (url, 43);
  g_autofree char *isc160 = phoneset_dhcp_isc_lines (url, 160);

  /* Seed 003 §2.2.2: option 43, length 29, the URL's bytes in hex. */
  g_assert_cmpuint (strlen (url), ==, 29);
  g_assert_cmpstr (hex, ==, "687474703a2f2f3139322e3136382e312e3131382f246d61632e636667");
  g_assert_cmpstr (dnsmasq66, ==, "dhcp-option=66,\"http://192.168.1.118/$mac.cfg\"");
  g_assert_true (g_str_has_prefix (dnsmasq43, "dhcp-option=43,68:74:74:70:3a:2f:2f"));
  g_assert_cmpstr (dnsmasq160, ==, "dhcp-option=160,\"http://192.168.1.118/$mac.cfg\"");
  g_assert_cmpstr (isc66, ==, "option tftp-server-name \"http://192.168.1.118/$mac.cfg\";");
  g_assert_true (g_str_has_prefix (isc43, "option vendor-encapsulated-options 68:74:74:70:"));
  g_assert_cmpstr (isc160, ==,
                   "option phone-provisioning-url code 160 = text;\noption phone-provisioning-url "
                   "\"http://192.168.1.118/$mac.cfg\";");

  g_assert_true (phoneset_dhcp_option_valid (128, NULL));
  g_assert_false (phoneset_dhcp_option_valid (127, NULL));
  g_assert_false (phoneset_dhcp_option_valid (255, NULL));
  g_assert_false (phoneset_dhcp_option_valid (67, NULL));
}

static void
test_setup_sheet (void)
{
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile ("konftel-300ip"));
  g_autofree char *html = NULL;
  g_autofree char *with = NULL;
  const char      *stun, *turn;

  phoneset_config_set (config, "nat.turn.server", "turn.example.org", NULL);
  phoneset_config_set (config, "nat.stun.server", "stun.example.org", NULL);
  phoneset_config_set (config, "nat.turn.password", "Zebra-Secret-4711", NULL);
  phoneset_config_set (config, "nat.turn.user", "<script>", NULL);
  html = phoneset_setup_sheet_render (config, "192.0.2.10", FALSE);

  /* In menu order, with path and keypad shortcut; escaped; no password. */
  stun = strstr (html, "stun.example.org");
  turn = strstr (html, "turn.example.org");
  g_assert_nonnull (stun);
  g_assert_nonnull (turn);
  g_assert_true (stun < turn);
  g_assert_nonnull (
    strstr (html, "MENU › SETTINGS › ADVANCED › (PIN) › NAT TRAVERSAL › STUN host"));
  g_assert_nonnull (strstr (html, "<span class=\"keypad\">6,2,3</span>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "Zebra-Secret-4711"));
  g_assert_nonnull (strstr (html, "4 settings to change"));

  with = phoneset_setup_sheet_render (config, NULL, TRUE);
  g_assert_nonnull (strstr (with, "Zebra-Secret-4711"));
}

static void
test_atomic_write (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phoneset-test-XXXXXX", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_build_filename (dir, "a.cfg", NULL);
  g_autofree char *sub = g_build_filename (dir, "b.cfg", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_ptr_array_add (names, g_strdup ("a.cfg"));
  g_ptr_array_add (contents, g_bytes_new_static ("one\n", 4));
  g_ptr_array_add (names, g_strdup ("b.cfg"));
  g_ptr_array_add (contents, g_bytes_new_static ("two\n", 4));
  g_assert_true (phoneset_file_replace_all (dir, names, contents, 0644, &error));
  g_assert_no_error (error);
  g_file_get_contents (a, &text, NULL, NULL);
  g_assert_cmpstr (text, ==, "one\n");

  /* A directory in the way of the second file: nothing changes, no temporary file is left. */
  g_unlink (sub);
  g_mkdir (sub, 0755);
  g_ptr_array_index (contents, 0) =
    (g_bytes_unref (g_ptr_array_index (contents, 0)), g_bytes_new_static ("ONE\n", 4));
  g_assert_false (phoneset_file_replace_all (dir, names, contents, 0644, &error));
  g_assert_nonnull (error);
  g_free (text);
  g_file_get_contents (a, &text, NULL, NULL);
  g_assert_true (g_str_equal (text, "one\n") || g_str_equal (text, "ONE\n"));
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 2);

  g_rmdir (sub);
  g_unlink (a);
  g_rmdir (dir);
}

/* A fleet's many files are flushed together: every file lands whole, and
 * no temporary file is left. */
static void
test_atomic_write_many (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phoneset-test-XXXXXX", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("%012u.cfg", i));
      g_ptr_array_add (contents, g_bytes_new_take (g_strdup_printf ("phone %u\n", i),
                                                   strlen ("phone \n") + (i < 10 ? 1 : 2)));
    }
  g_assert_true (phoneset_file_replace_all (dir, names, contents, 0644, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *text = NULL;
      g_autofree char *expected = g_strdup_printf ("phone %u\n", i);

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_assert_cmpstr (text, ==, expected);
      g_unlink (path);
    }
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 0);
  g_rmdir (dir);
}

static void
test_history (void)
{
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile ("planet-vip"));
  g_autoptr(PhonesetConfig) phone = phoneset_config_new (profile ("planet-vip"));
  g_autoptr(PhonesetConfigHistory) history = phoneset_config_history_new (config);

  phoneset_config_set (phone, "vlan.id", "30", NULL);
  phoneset_config_set (config, "vlan.id", "30", NULL);
  g_assert_false (phoneset_config_history_can_undo (history));

  g_assert_true (phoneset_config_history_set (history, "vlan.id", "40", NULL));
  g_assert_true (
    phoneset_config_history_set (history, "nat.stun.server", "stun.example.org", NULL));
  g_assert_false (phoneset_config_history_set (history, "vlan.id", "9999", NULL));
  g_assert_true (phoneset_config_history_can_undo (history));

  g_assert_true (phoneset_config_history_undo (history));
  g_assert_null (phoneset_config_get (config, "nat.stun.server"));
  g_assert_true (phoneset_config_history_can_redo (history));
  g_assert_true (phoneset_config_history_redo (history));
  g_assert_cmpstr (phoneset_config_get (config, "nat.stun.server"), ==, "stun.example.org");

  /* Revert to what the phone has, in one step, and undo that too. */
  phoneset_config_history_revert (history, phone);
  g_assert_cmpstr (phoneset_config_get (config, "vlan.id"), ==, "30");
  g_assert_null (phoneset_config_get (config, "nat.stun.server"));
  g_assert_true (phoneset_config_history_undo (history));
  g_assert_cmpstr (phoneset_config_get (config, "vlan.id"), ==, "40");
  g_assert_cmpstr (phoneset_config_get (config, "nat.stun.server"), ==, "stun.example.org");

  /* A new edit drops what could be redone. */
  g_assert_true (phoneset_config_history_undo (history));
  g_assert_true (phoneset_config_history_set (history, "vlan.id", "50", NULL));
  g_assert_false (phoneset_config_history_can_redo (history));
  g_assert_true (phoneset_config_history_undo (history));
  g_assert_true (phoneset_config_history_undo (history));
  g_assert_cmpstr (phoneset_config_get (config, "vlan.id"), ==, "30");
  g_assert_false (phoneset_config_history_undo (history));
}

int
main (int   argc,
      char *argv[])
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  int         ret;

  g_test_init (&argc, &argv, NULL);
  profiles = phoneset_test_load_profiles (dirs, NULL);

  g_test_add_func ("/config/set-and-diff", test_config_set_and_diff);
  g_test_add_func ("/config/json-no-secrets", test_config_json_no_secrets);
  g_test_add_func ("/config/import-each-vendor", test_import_each_vendor);
  g_test_add_func ("/config/import-bad-value", test_import_bad_value);
  g_test_add_func ("/config/export-in-place", test_export_in_place);
  g_test_add_func ("/config/export-all-lines-and-reference", test_export_all_lines_and_reference);
  g_test_add_func ("/config/fanvil-pvid", test_fanvil_pvid);
  g_test_add_func ("/config/fanvil-old-generation", test_fanvil_old_generation);
  g_test_add_func ("/config/file-names", test_file_names);
  g_test_add_func ("/config/dhcp-helpers", test_dhcp_helpers);
  g_test_add_func ("/config/setup-sheet", test_setup_sheet);
  g_test_add_func ("/config/atomic-write", test_atomic_write);
  g_test_add_func ("/config/atomic-write-many", test_atomic_write_many);
  g_test_add_func ("/config/history", test_history);

  ret = g_test_run ();
  g_ptr_array_unref (profiles);
  return ret;
}
