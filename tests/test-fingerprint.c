/* test-fingerprint.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-catalog.h"
#include "phoneset-error.h"
#include "phoneset-fingerprint.h"

static PhonesetFingerprintRules *
load_fixture_rules (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "fingerprint-profiles", NULL);
  const char      *dirs[] = { dir, NULL };
  g_autoptr(PhonesetCatalog) catalog = phoneset_catalog_new (dirs);

  g_assert_cmpuint (phoneset_catalog_get_errors (catalog)->len, ==, 0);
  return g_object_ref (phoneset_catalog_get_fingerprint_rules (catalog));
}

static const char *
dash_null (const char *text)
{
  return g_str_equal (text, "-") ? NULL : text;
}

/* Every line of tests/data/user-agents.tsv: the text, where it was seen, and
 * what the profiles' patterns must read from it. */
static void
test_fingerprint_user_agents (void)
{
  g_autoptr(PhonesetFingerprintRules) rules = load_fixture_rules ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "user-agents.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(PhonesetFingerprintMatch) match = { 0 };
      PhonesetFingerprintSource source;
      gboolean                  matched;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      source = g_str_equal (fields[1], "http") ? PHONESET_FINGERPRINT_SOURCE_HTTP
                                               : PHONESET_FINGERPRINT_SOURCE_SIP;
      matched = phoneset_fingerprint_rules_match (rules, fields[0], source, &match);
      g_test_message ("%s", fields[0]);
      g_assert_cmpint (matched, ==, dash_null (fields[2]) != NULL);
      g_assert_cmpstr (match.vendor, ==, dash_null (fields[2]));
      g_assert_cmpstr (match.model, ==, dash_null (fields[3]));
      g_assert_cmpstr (match.firmware, ==, dash_null (fields[4]));
      g_assert_cmpstr (match.mac, ==, dash_null (fields[5]));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 15);
}

static void
test_fingerprint_sources (void)
{
  g_autoptr(PhonesetFingerprintRules) rules = load_fixture_rules ();
  g_auto(PhonesetFingerprintMatch) match = { 0 };

  /* The loose web-server rule is for HTTP only. */
  g_assert_false (phoneset_fingerprint_rules_match (rules, "some yealink thing",
                                                    PHONESET_FINGERPRINT_SOURCE_SIP, &match));
  g_assert_true (phoneset_fingerprint_rules_match (rules, "some yealink thing",
                                                   PHONESET_FINGERPRINT_SOURCE_HTTP, &match));
  g_assert_cmpstr (match.vendor, ==, "Yealink");
  g_assert_cmpstr (match.profile_id, ==, "yealink");
  g_assert_null (match.model);
  phoneset_fingerprint_match_clear (&match);

  g_assert_false (
    phoneset_fingerprint_rules_match (rules, "", PHONESET_FINGERPRINT_SOURCE_ANY, &match));
  g_assert_false (phoneset_fingerprint_rules_match (rules, "Yealink \xff",
                                                    PHONESET_FINGERPRINT_SOURCE_ANY, &match));
}

static void
test_fingerprint_mac (void)
{
  g_autoptr(PhonesetFingerprintRules) rules = load_fixture_rules ();
  const guint8 yealink[] = { 0x80, 0x5e, 0xc0, 1, 2, 3 };
  const guint8 planet[] = { 0x00, 0x30, 0x4f, 0xa9, 0x99, 0x48 };
  const guint8 other[] = { 0x02, 0x00, 0x00, 1, 2, 3 };
  const char  *profile_id = NULL;

  g_assert_cmpstr (phoneset_fingerprint_rules_lookup_mac (rules, yealink, &profile_id), ==,
                   "Yealink");
  g_assert_cmpstr (profile_id, ==, "yealink");
  g_assert_cmpstr (phoneset_fingerprint_rules_lookup_mac (rules, planet, NULL), ==, "PLANET");
  g_assert_null (phoneset_fingerprint_rules_lookup_mac (rules, other, &profile_id));
  g_assert_null (profile_id);

  g_assert_cmpstr (
    phoneset_fingerprint_rules_vendor_for_name (rules, "Xiamen Yealink Network Technology Co.,Ltd"),
    ==, "Yealink");
  g_assert_cmpstr (
    phoneset_fingerprint_rules_vendor_for_name (rules, "PLANET Technology Corporation"), ==,
    "PLANET");
  g_assert_cmpstr (phoneset_fingerprint_rules_vendor_for_name (rules, "snom technology GmbH"), ==,
                   "snom");
  g_assert_null (phoneset_fingerprint_rules_vendor_for_name (rules, "Planetary Widgets Inc"));
  g_assert_null (phoneset_fingerprint_rules_vendor_for_name (rules, "Cisco Systems, Inc"));
}

static void
check_bad_rules (const char *json,
                 const char *message_part)
{
  g_autoptr(PhonesetFingerprintRules) rules = phoneset_fingerprint_rules_new ();
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (node);
  g_assert_false (
    phoneset_fingerprint_rules_add_profile (rules, "bad", json_node_get_object (node), &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Profile “bad”"));
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpuint (phoneset_fingerprint_rules_get_n_rules (rules), ==, 0);
}

static void
test_fingerprint_bad (void)
{
  check_bad_rules ("{ \"user_agents\": [ { \"pattern\": \"x\" } ] }", "vendor");
  check_bad_rules ("{ \"vendor\": \"V\", \"user_agents\": {} }", "not an array");
  check_bad_rules ("{ \"vendor\": \"V\", \"user_agents\": [ 1 ] }", "user_agents[0]");
  check_bad_rules (
    "{ \"vendor\": \"V\", \"user_agents\": [ { \"pattern\": \"ok\" }, { \"pattern\": \"(\" } ] }",
    "user_agents[1]");
  check_bad_rules ("{ \"vendor\": \"V\", \"user_agents\": [ { \"pattern\": \"\" } ] }",
                   "empty pattern");
  check_bad_rules (
    "{ \"vendor\": \"V\", \"user_agents\": [ { \"pattern\": \"x\", \"source\": \"ftp\" } ] }",
    "ftp");
  check_bad_rules ("{ \"vendor\": \"V\", \"user_agents\": [ { \"pattern\": 3 } ] }", "pattern");
  check_bad_rules ("{ \"vendor\": \"V\", \"mac_prefixes\": [ \"00:15\" ] }", "mac_prefixes[0]");
  check_bad_rules ("{ \"vendor\": \"V\", \"mac_prefixes\": [ \"zz:15:65\" ] }", "zz:15:65");
  check_bad_rules ("{ \"vendor\": \"\", \"mac_prefixes\": [ ] , \"user_agents\": [] }", "vendor");
}

/* A profile file that is not valid is reported with its name and
 * fingerprints nothing. */
static void
test_fingerprint_bad_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phoneset-fp-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  const char      *dirs[] = { dir, NULL };
  g_autoptr(PhonesetCatalog) catalog = NULL;
  GPtrArray *errors;
  GError    *error;

  g_assert_true (g_file_set_contents (path, "{ \"vendor\": ", -1, NULL));
  catalog = phoneset_catalog_new (dirs);
  errors = phoneset_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 1);
  error = g_ptr_array_index (errors, 0);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_assert_cmpuint (
    phoneset_fingerprint_rules_get_n_rules (phoneset_catalog_get_fingerprint_rules (catalog)), ==,
    0);
  g_unlink (path);
  g_rmdir (dir);
}

/* One bad file beside good ones: the good ones give the same rules as
 * alone, the bad one is reported. */
static void
test_fingerprint_bad_file_among_good (void)
{
  g_autoptr(PhonesetFingerprintRules) good_rules = load_fixture_rules ();
  g_autofree char *fixtures =
    g_test_build_filename (G_TEST_DIST, "data", "fingerprint-profiles", NULL);
  g_autofree char *dir = g_dir_make_tmp ("phoneset-fp-XXXXXX", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "aaa-broken.json", NULL);
  const char      *dirs[] = { dir, fixtures, NULL };
  g_autoptr(PhonesetCatalog) catalog = NULL;
  PhonesetFingerprintRules *rules;
  GPtrArray                *errors;

  g_assert_true (g_file_set_contents (bad_path, "{ \"vendor\": ", -1, NULL));
  catalog = phoneset_catalog_new (dirs);
  errors = phoneset_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_error ((GError *)g_ptr_array_index (errors, 0), PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_assert_nonnull (strstr (((GError *)g_ptr_array_index (errors, 0))->message, "aaa-broken.json"));
  rules = phoneset_catalog_get_fingerprint_rules (catalog);
  g_assert_cmpuint (phoneset_fingerprint_rules_get_n_rules (rules), >, 0);
  g_assert_cmpuint (phoneset_fingerprint_rules_get_n_rules (rules), ==,
                    phoneset_fingerprint_rules_get_n_rules (good_rules));
  g_unlink (bad_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fingerprint/user-agents", test_fingerprint_user_agents);
  g_test_add_func ("/fingerprint/sources", test_fingerprint_sources);
  g_test_add_func ("/fingerprint/mac", test_fingerprint_mac);
  g_test_add_func ("/fingerprint/bad", test_fingerprint_bad);
  g_test_add_func ("/fingerprint/bad-file", test_fingerprint_bad_file);
  g_test_add_func ("/fingerprint/bad-file-among-good", test_fingerprint_bad_file_among_good);

  return g_test_run ();
}
