/* test-catalog.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PhonesetCatalog: the profiles read once, in the order of their ids, the
 * first folder winning; a file that is not valid reported and left out of
 * everything (it fingerprints no phone); exact lookup by id; what is
 * derived from the profiles (Active URI, Action URL keys, the choice for a
 * vendor file, the PnP URL style).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-catalog.h"
#include "phoneset-error.h"
#include "phoneset-fleet.h"

/* A small valid profile; @extra are more top-level members, each ending in
 * a comma. */
static void
write_profile (const char *dir,
               const char *id,
               const char *vendor,
               const char *extra)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = g_strdup_printf (
    "{ \"schema\": 1, \"id\": \"%s\", \"vendor\": \"%s\", \"title\": \"%s phone\", "
    "\"models\": [ { \"name\": \"M1\" } ], \"mac_prefixes\": [], %s "
    "\"pages\": [ { \"id\": \"nat\", \"title\": \"NAT\", \"menu_path\": [ \"MENU\" ], \"groups\": "
    "[ "
    "{ \"id\": \"stun\", \"title\": \"STUN\", \"settings\": [ { \"id\": \"nat.stun.server\", "
    "\"type\": \"host\", "
    "\"title\": \"STUN host\", \"help\": \"The STUN server.\", \"default\": \"\", \"confidence\": "
    "\"T\", "
    "\"note\": \"Not in the file.\", \"source\": \"a test\" } ] } ] } ] }",
    id, vendor, vendor, extra ? extra : "\"formats\": [ \"setup-sheet\" ],");

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static PhonesetCatalog *
shipped_catalog (void)
{
  const char      *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  PhonesetCatalog *catalog;

  g_assert_nonnull (dirs[0]);
  catalog = phoneset_catalog_new (dirs);
  g_assert_cmpuint (phoneset_catalog_get_errors (catalog)->len, ==, 0);
  return catalog;
}

/* By id, whatever the folders' order; the first folder's file of an id
 * wins; a missing folder is skipped. */
static void
test_catalog_load_order (void)
{
  g_autofree char *first = g_dir_make_tmp ("phoneset-catalog-XXXXXX", NULL);
  g_autofree char *second = g_dir_make_tmp ("phoneset-catalog-XXXXXX", NULL);
  const char      *dirs[] = { first, "/nonexistent/phoneset", second, NULL };
  const char      *order[] = { "alpha", "beta", "gamma", "zeta" };
  g_autoptr(PhonesetCatalog) catalog = NULL;
  GPtrArray *profiles;

  write_profile (first, "zeta", "Zeta", NULL);
  write_profile (first, "beta", "First", NULL);
  write_profile (second, "gamma", "Gamma", NULL);
  write_profile (second, "beta", "Second", NULL);
  write_profile (second, "alpha", "Alpha", NULL);
  write_text (second, "notes.txt", "not a profile");

  catalog = phoneset_catalog_new (dirs);
  g_assert_cmpuint (phoneset_catalog_get_errors (catalog)->len, ==, 0);
  profiles = phoneset_catalog_get_profiles (catalog);
  g_assert_cmpuint (profiles->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (phoneset_profile_get_id (g_ptr_array_index (profiles, i)), ==, order[i]);
  g_assert_cmpstr (phoneset_profile_get_vendor (phoneset_catalog_find (catalog, "beta")), ==,
                   "First");

  g_assert_finalize_object (g_steal_pointer (&catalog));
  remove_dir (first);
  remove_dir (second);
}

/* An id is found exactly: never another profile of the vendor. */
static void
test_catalog_find_exact (void)
{
  g_autoptr(PhonesetCatalog) catalog = shipped_catalog ();
  g_autoptr(PhonesetActiveUri) active_uri = NULL;
  g_autoptr(GError) error = NULL;
  PhonesetProfile *legacy = phoneset_catalog_find (catalog, "yealink-legacy");
  PhonesetProfile *v8x = phoneset_catalog_find (catalog, "yealink-v8x");

  g_assert_nonnull (legacy);
  g_assert_nonnull (v8x);
  g_assert_true (legacy != v8x);
  g_assert_cmpstr (phoneset_profile_get_id (v8x), ==, "yealink-v8x");
  g_assert_cmpstr (phoneset_profile_get_vendor (legacy), ==, phoneset_profile_get_vendor (v8x));
  g_assert_null (phoneset_catalog_find (catalog, "yealink"));
  g_assert_null (phoneset_catalog_find (catalog, "Yealink-V8x"));
  g_assert_null (phoneset_catalog_find (catalog, NULL));

  /* The vendor alone: the newest generation's. */
  g_assert_true (phoneset_catalog_find_for_vendor (catalog, "yealink", NULL, &error) == v8x);
  g_assert_no_error (error);
  g_assert_null (phoneset_catalog_find_for_vendor (catalog, "nokia", NULL, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Each id's own Active URI description and Action URL keys. */
  active_uri = phoneset_catalog_new_active_uri (catalog, "yealink-legacy", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_active_uri_get_profile_id (active_uri), ==, "yealink-legacy");
  g_clear_object (&active_uri);
  active_uri = phoneset_catalog_new_active_uri_for_vendor (catalog, "Yealink", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (phoneset_active_uri_get_profile_id (active_uri), ==, "yealink-v8x");
  g_assert_null (phoneset_catalog_new_active_uri (catalog, "yealink", NULL, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (phoneset_catalog_new_active_uri (catalog, "snom-c520", NULL, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  {
    g_autoptr(JsonObject) legacy_keys = phoneset_catalog_dup_action_url_entries (
      catalog, "yealink-legacy", "http://192.0.2.1:8080", &error);
    g_autoptr(JsonObject) v8x_keys = phoneset_catalog_dup_action_url_entries (
      catalog, "yealink-v8x", "http://192.0.2.1:8080", &error);

    g_assert_no_error (error);
    g_assert_true (json_object_has_member (legacy_keys, "action_url.log_on"));
    g_assert_false (json_object_has_member (legacy_keys, "action_url.registered"));
    g_assert_true (json_object_has_member (v8x_keys, "action_url.registered"));
    g_assert_true (
      g_str_has_prefix (json_object_get_string_member (v8x_keys, "action_url.registered"),
                        "http://192.0.2.1:8080/action-url/registered?"));
  }
  g_assert_null (
    phoneset_catalog_dup_action_url_entries (catalog, "nope", "http://192.0.2.1", &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND);
}

/* A file the strict reader rejects is reported by name, left out, and
 * recognises no phone, though its user_agents pattern is fine; the other
 * files load. */
static void
test_catalog_broken_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phoneset-catalog-XXXXXX", NULL);
  const char      *dirs[] = { dir, NULL };
  g_autoptr(PhonesetCatalog) catalog = NULL;
  g_auto(PhonesetFingerprintMatch) match = { 0 };
  PhonesetFingerprintRules *rules;
  GPtrArray                *errors;
  const guint8              beta_mac[] = { 0x02, 0xbe, 0x7a, 1, 2, 3 };

  write_profile (dir, "acme", "Acme",
                 "\"formats\": [ \"setup-sheet\" ], \"user_agents\": [ { \"pattern\": \"^Acme "
                 "(?<model>\\\\S+)\", \"source\": \"sip\" } ],");
  /* No "title": not a valid profile. */
  write_text (
    dir, "beta.json",
    "{ \"schema\": 1, \"id\": \"beta\", \"vendor\": \"Beta\", \"models\": [ { \"name\": \"B1\" } "
    "], "
    "\"mac_prefixes\": [ \"02:BE:7A\" ], \"formats\": [ \"setup-sheet\" ], "
    "\"user_agents\": [ { \"pattern\": \"^Beta\", \"source\": \"any\" } ], \"pages\": [] }");
  write_text (dir, "broken.json", "{ \"vendor\": ");

  catalog = phoneset_catalog_new (dirs);
  errors = phoneset_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_nonnull (strstr (((GError *)g_ptr_array_index (errors, 0))->message, "beta.json"));
  g_assert_nonnull (strstr (((GError *)g_ptr_array_index (errors, 0))->message, "title"));
  g_assert_error ((GError *)g_ptr_array_index (errors, 1), PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_assert_nonnull (strstr (((GError *)g_ptr_array_index (errors, 1))->message, "broken.json"));
  g_assert_cmpuint (phoneset_catalog_get_profiles (catalog)->len, ==, 1);
  g_assert_null (phoneset_catalog_find (catalog, "beta"));

  rules = phoneset_catalog_get_fingerprint_rules (catalog);
  g_assert_cmpuint (phoneset_fingerprint_rules_get_n_rules (rules), ==, 1);
  g_assert_false (phoneset_fingerprint_rules_match (rules, "Beta B1 1.0",
                                                    PHONESET_FINGERPRINT_SOURCE_ANY, &match));
  g_assert_null (phoneset_fingerprint_rules_lookup_mac (rules, beta_mac, NULL));
  g_assert_null (phoneset_fingerprint_rules_vendor_for_name (rules, "Beta Phones Ltd"));
  g_assert_true (
    phoneset_fingerprint_rules_match (rules, "Acme A7", PHONESET_FINGERPRINT_SOURCE_SIP, &match));
  g_assert_cmpstr (match.profile_id, ==, "acme");
  g_assert_cmpstr (match.model, ==, "A7");

  g_assert_finalize_object (g_steal_pointer (&catalog));
  remove_dir (dir);
}

static PhonesetCfgDocument *
parse_yealink (const char *text)
{
  g_autoptr(GError) error = NULL;
  PhonesetCfgDocument *document =
    phoneset_cfg_document_parse (PHONESET_CFG_FORMAT_YEALINK, text, strlen (text), &error);

  g_assert_no_error (error);
  return document;
}

/* The keys of a file say its firmware generation. */
static void
test_catalog_choose_for_document (void)
{
  g_autoptr(PhonesetCatalog) catalog = shipped_catalog ();
  g_autoptr(PhonesetCfgDocument) v8x =
               parse_yealink ("#!version:1.0.0.1\nstatic.network.vlan.internet_port_vid = 42\n");
  g_autoptr(PhonesetCfgDocument) legacy =
               parse_yealink ("#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 42\n");
  g_autoptr(GPtrArray) also = g_ptr_array_new ();
  g_autofree char *reason = NULL;
  PhonesetProfile *profile;

  profile = phoneset_catalog_choose_for_document (catalog, v8x, "phone.cfg", NULL, &reason, NULL);
  g_assert_cmpstr (phoneset_profile_get_id (profile), ==, "yealink-v8x");
  g_assert_nonnull (reason);
  g_clear_pointer (&reason, g_free);
  profile =
    phoneset_catalog_choose_for_document (catalog, legacy, "phone.cfg", NULL, &reason, also);
  g_assert_cmpstr (phoneset_profile_get_id (profile), ==, "yealink-legacy");
  g_assert_true (g_str_has_prefix (reason, "profile yealink-legacy"));
  /* As phoneset_profiles_choose_for_document() chooses among them all. */
  g_assert_true (profile ==
                 phoneset_profiles_choose_for_document (phoneset_catalog_get_profiles (catalog),
                                                        legacy, "phone.cfg", NULL, NULL, NULL));
  for (guint i = 0; i < also->len; i++)
    g_assert_true (g_ptr_array_index (also, i) != profile);
}

/* What a PnP answer points at is the profile's "pnp" data, not its
 * vendor's name. */
static void
test_catalog_pnp_url (void)
{
  g_autoptr(PhonesetCatalog) shipped = shipped_catalog ();
  g_autofree char *dir = g_dir_make_tmp ("phoneset-catalog-XXXXXX", NULL);
  g_autofree char *served = g_dir_make_tmp ("phoneset-served-XXXXXX", NULL);
  const char      *dirs[] = { dir, NULL };
  const char      *file_format = "\"formats\": [ \"yealink-cfg\" ], \"mac_file\": \"{mac}.cfg\",";
  g_autofree char *folder = g_strdup_printf (
    "%s \"pnp\": { \"url\": \"folder\", \"vendors\": [ \"Acme\", \"Roadrunner\" ], "
    "\"source\": \"unconfirmed\" },",
    file_format);
  g_autofree char *mac_file = g_strdup_printf (
    "%s \"pnp\": { \"url\": \"mac-file\", \"url_source\": \"unconfirmed\" },", file_format);
  g_autofree char *bad =
    g_strdup_printf ("%s \"pnp\": { \"url\": \"ftp\", \"source\": \"unconfirmed\" },", file_format);
  g_autoptr(PhonesetCatalog) catalog = NULL;
  g_autofree char *url = NULL;
  GPtrArray       *errors;
  PhonesetProfile *acme;

  /* The shipped profiles. */
  g_assert_cmpint (phoneset_profile_get_pnp_url (phoneset_catalog_find (shipped, "yealink-v8x")),
                   ==, PHONESET_PNP_URL_FOLDER);
  g_assert_cmpint (phoneset_profile_get_pnp_url (phoneset_catalog_find (shipped, "yealink-legacy")),
                   ==, PHONESET_PNP_URL_FOLDER);
  g_assert_cmpint (phoneset_profile_get_pnp_url (phoneset_catalog_find (shipped, "planet-vip")), ==,
                   PHONESET_PNP_URL_MAC_FILE);
  g_assert_cmpint (phoneset_profile_get_pnp_url (phoneset_catalog_find (shipped, "snom")), ==,
                   PHONESET_PNP_URL_MAC_FILE);
  g_assert_true (
    phoneset_profile_answers_pnp_vendor (phoneset_catalog_find (shipped, "planet-vip"), "Fanvil"));
  g_assert_true (
    phoneset_profile_answers_pnp_vendor (phoneset_catalog_find (shipped, "fanvil"), "planet"));
  g_assert_false (
    phoneset_profile_answers_pnp_vendor (phoneset_catalog_find (shipped, "snom"), "PLANET"));
  g_assert_cmpstr (phoneset_profile_get_pnp_url_macro (phoneset_catalog_find (shipped, "fanvil")),
                   ==, "$mac");
  g_assert_null (
    phoneset_profile_get_pnp_url_macro (phoneset_catalog_find (shipped, "yealink-v8x")));

  /* Profiles of made-up vendors: only the data decides. */
  write_profile (dir, "acme", "Acme", folder);
  write_profile (dir, "coyote", "Coyote", mac_file);
  write_profile (dir, "wrong", "Wrong", bad);
  write_text (served, "02aa00000001.cfg", "#!version:1.0.0.1\n");
  catalog = phoneset_catalog_new (dirs);
  errors = phoneset_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_nonnull (strstr (((GError *)g_ptr_array_index (errors, 0))->message, "pnp.url"));
  acme = phoneset_catalog_find (catalog, "acme");
  g_assert_cmpint (phoneset_profile_get_pnp_url (acme), ==, PHONESET_PNP_URL_FOLDER);
  g_assert_true (phoneset_profile_answers_pnp_vendor (acme, "roadrunner-x"));
  g_assert_true (phoneset_profile_answers_pnp_vendor (acme, NULL));
  g_assert_false (phoneset_profile_answers_pnp_vendor (acme, "Coyote"));
  g_assert_true (
    phoneset_profile_answers_pnp_vendor (phoneset_catalog_find (catalog, "coyote"), "COYOTE"));

  url = phoneset_fleet_pnp_url (phoneset_catalog_get_profiles (catalog), served,
                                "http://192.0.2.1:80", "02:aa:00:00:00:01", "Roadrunner");
  g_assert_cmpstr (url, ==, "http://192.0.2.1:80/");
  g_clear_pointer (&url, g_free);
  url = phoneset_fleet_pnp_url (phoneset_catalog_get_profiles (catalog), served,
                                "http://192.0.2.1:80", "02aa00000001", "Coyote");
  g_assert_cmpstr (url, ==, "http://192.0.2.1:80/02aa00000001.cfg");
  g_clear_pointer (&url, g_free);
  url = phoneset_fleet_pnp_url (phoneset_catalog_get_profiles (catalog), served,
                                "http://192.0.2.1:80", "02aa00000001", "Wrong");
  g_assert_null (url);

  g_assert_finalize_object (g_steal_pointer (&catalog));
  remove_dir (dir);
  remove_dir (served);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/load-order", test_catalog_load_order);
  g_test_add_func ("/catalog/find-exact", test_catalog_find_exact);
  g_test_add_func ("/catalog/broken-file", test_catalog_broken_file);
  g_test_add_func ("/catalog/choose-for-document", test_catalog_choose_for_document);
  g_test_add_func ("/catalog/pnp-url", test_catalog_pnp_url);

  return g_test_run ();
}
