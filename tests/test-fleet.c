/* test-fleet.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fleets: the RFC 4180 CSV reader, phone lists checked row by row (bad MAC,
 * unknown column, value out of range, repeated MAC, by line), rendering the
 * common file, the MAC files and the README, the PnP answer per vendor and
 * which phone a fetch came from.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-fleet.h"
#include "phoneset-test-catalog.h"

static GPtrArray *profiles;

static PhonesetConfig *
common_config (const char *id)
{
  PhonesetProfile *p = phoneset_profiles_find (profiles, id);

  g_assert_nonnull (p);
  return phoneset_config_new (p);
}

static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = phoneset_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
test_csv_rfc4180 (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  PhonesetCsvRow *row;

  /* BOM, CRLF, quotes with "" and a line break inside, empty lines. */
  rows = parse_csv ("\xef\xbb\xbf"
                    "mac,name\r\n"
                    "\r\n"
                    "001565000001,\"Reception, \"\"front\"\"\"\r\n"
                    "001565000002,\"two\nlines\"\n"
                    "001565000003,\n"
                    "\n");
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->line, ==, 1);
  g_assert_cmpstr (row->fields[0], ==, "mac");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->fields[1], ==, "Reception, \"front\"");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpuint (row->line, ==, 4);
  g_assert_cmpstr (row->fields[1], ==, "two\nlines");
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpuint (row->line, ==, 6);
  g_assert_cmpuint (g_strv_length (row->fields), ==, 2);
  g_assert_cmpstr (row->fields[1], ==, "");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A spreadsheet's “;” and no final line break. */
  rows = parse_csv ("mac;line.1.number\n00:15:65:00:00:01;1001");
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->fields[1], ==, "1001");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A quoted empty field is a record. */
  rows = parse_csv ("a\n\"\"\n");
  g_assert_cmpuint (rows->len, ==, 2);
}

static void
test_csv_bad (void)
{
  const char *bad[][2] = {
    { "mac\n\"001565000001\n", "line 2" },
    { "mac\nab\"c\n", "line 2" },
    { "mac\n\"ab\"c\n", "line 2" },
    { "mac\n\xff\n", "line 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = phoneset_csv_parse (bad[i][0], strlen (bad[i][0]), &error);

      g_assert_null (rows);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, bad[i][1]));
    }
}

static void
test_fleet_problems_by_line (void)
{
  g_autoptr(PhonesetConfig) common = common_config ("yealink-legacy");
  g_autoptr(PhonesetFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;
  const char           *csv = "mac,name,line.1.number,vlan.id,colour\n"
                              "00:15:65:00:00:01,A,1001,100,\n"
                              "not-a-mac,B,1002,,\n"
                              "001565000003,C,1003,5000,\n"
                              "00-15-65-00-00-01,D,1004,,\n"
                              "001565000005,E,1005,,\n";
  GPtrArray            *problems;
  PhonesetFleetProblem *p;

  fleet = phoneset_fleet_parse (common, csv, strlen (csv), &error);
  g_assert_no_error (error);
  problems = phoneset_fleet_get_problems (fleet);
  g_assert_cmpuint (problems->len, ==, 4);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (p->line, ==, 1);
  g_assert_cmpstr (p->column, ==, "colour");
  p = g_ptr_array_index (problems, 1);
  g_assert_cmpuint (p->line, ==, 3);
  g_assert_cmpstr (p->column, ==, "mac");
  p = g_ptr_array_index (problems, 2);
  g_assert_cmpuint (p->line, ==, 4);
  g_assert_cmpstr (p->column, ==, "vlan.id");
  p = g_ptr_array_index (problems, 3);
  g_assert_cmpuint (p->line, ==, 5);
  g_assert_nonnull (strstr (p->message, "line 2"));

  g_assert_false (phoneset_fleet_check (fleet, "phones.csv", &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "phones.csv: line 1, colour:"));
  g_assert_nonnull (strstr (error->message, "line 4, vlan.id:"));
  g_assert_nonnull (strstr (error->message, "nothing was written"));
  g_clear_error (&error);

  /* No mac column: an error at once. */
  g_clear_pointer (&fleet, phoneset_fleet_free);
  fleet = phoneset_fleet_parse (common, "name\nx\n", 7, &error);
  g_assert_null (fleet);
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
}

static char *
contents_of (GPtrArray  *names,
             GPtrArray  *contents,
             const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      {
        gsize       len;
        const char *data = g_bytes_get_data (g_ptr_array_index (contents, i), &len);

        return g_strndup (data, len);
      }
  return NULL;
}

static void
test_fleet_render_yealink (void)
{
  g_autoptr(PhonesetConfig) common = common_config ("yealink-legacy");
  g_autoptr(PhonesetFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autofree char     *common_file = NULL;
  g_autofree char     *mac_file = NULL;
  g_autofree char     *readme = NULL;
  PhonesetFleetOptions options = { .model = "SIP-T46G", .server_url = "http://192.0.2.1:8080" };
  const char          *csv = "mac,name,line.1.number,vlan.id\n"
                             "00:15:65:00:00:01,Desk 1,1001,101\n"
                             "00:15:65:00:00:02,,1002,\n";

  g_assert_true (phoneset_config_set (common, "nat.stun.server", "stun.example.org", NULL));
  fleet = phoneset_fleet_parse (common, csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_true (phoneset_fleet_check (fleet, NULL, &error));
  g_assert_cmpuint (phoneset_fleet_get_phones (fleet)->len, ==, 2);

  g_assert_true (phoneset_fleet_render (fleet, &options, names, contents, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 4);
  common_file = contents_of (names, contents, "y000000000028.cfg");
  g_assert_nonnull (strstr (common_file, "stun.example.org"));
  g_assert_null (strstr (common_file, "1001"));
  mac_file = contents_of (names, contents, "001565000001.cfg");
  g_assert_nonnull (strstr (mac_file, "= 1001"));
  g_assert_nonnull (strstr (mac_file, "= 101"));
  g_assert_null (strstr (mac_file, "stun.example.org"));
  readme = contents_of (names, contents, "README");
  g_assert_nonnull (strstr (readme, "dhcp-option=66,\"http://192.0.2.1:8080/\""));
  g_assert_nonnull (strstr (readme, "option tftp-server-name \"http://192.0.2.1:8080/\";"));
  g_assert_nonnull (strstr (readme, "dhcp-option=43,68:74:74:70"));
  g_assert_nonnull (strstr (readme, "Desk 1"));
  g_assert_null (strstr (readme, "REPLACE"));

  /* A password column is written only when asked. */
  {
    g_autoptr(PhonesetFleet) secret = NULL;
    g_autoptr(GPtrArray) n2 = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) c2 = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
    g_autofree char *mac_text = NULL;
    const char *with_password = "mac,provisioning.server.password\n00:15:65:00:00:01,Pw-7781\n";

    secret = phoneset_fleet_parse (common, with_password, strlen (with_password), &error);
    g_assert_no_error (error);
    g_assert_false (phoneset_fleet_render (secret, &options, n2, c2, &error));
    g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "provisioning.server.password"));
    g_clear_error (&error);
    options.include_secrets = TRUE;
    g_assert_true (phoneset_fleet_render (secret, &options, n2, c2, &error));
    g_assert_no_error (error);
    mac_text = contents_of (n2, c2, "001565000001.cfg");
    g_assert_nonnull (strstr (mac_text, "Pw-7781"));
    options.include_secrets = FALSE;
  }

  /* Without a model the common file cannot be named. */
  options.model = NULL;
  g_assert_false (phoneset_fleet_render (fleet, &options, names, contents, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
}

static void
test_fleet_render_no_common_file (void)
{
  g_autoptr(PhonesetConfig) common = common_config ("fanvil");
  g_autoptr(PhonesetFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autofree char     *mac_file = NULL;
  g_autofree char     *readme = NULL;
  PhonesetFleetOptions options = { 0 };
  const char          *csv = "mac,line.1.number\n0c:38:3e:00:00:01,2001\n";

  g_assert_true (phoneset_config_set (common, "nat.stun.server", "stun.example.org", NULL));
  fleet = phoneset_fleet_parse (common, csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_true (phoneset_fleet_render (fleet, &options, names, contents, &error));
  g_assert_no_error (error);
  /* Fanvil X models have no known common file: the MAC file has it all. */
  g_assert_cmpuint (names->len, ==, 2);
  mac_file = contents_of (names, contents, "0c383e000001.cfg");
  g_assert_nonnull (strstr (mac_file, "2001"));
  g_assert_nonnull (strstr (mac_file, "stun.example.org"));
  readme = contents_of (names, contents, "README");
  g_assert_nonnull (strstr (readme, "REPLACE " PHONESET_FLEET_SERVER_PLACEHOLDER));
  g_assert_nonnull (strstr (readme, "$mac.cfg"));
}

static void
test_fleet_pnp_url (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phoneset-fleet-XXXXXX", NULL);
  g_autofree char *y = g_build_filename (dir, "001565000001.cfg", NULL);
  g_autofree char *f = g_build_filename (dir, "00304f000001.cfg", NULL);
  g_autofree char *url = NULL;

  g_assert_true (g_file_set_contents (y, "#!version:1.0.0.1\n", -1, NULL));
  g_assert_true (g_file_set_contents (f, "<<VOIP CONFIG FILE>>\n", -1, NULL));

  /* Yealink: the folder; it fetches the common file and its MAC file. */
  url =
    phoneset_fleet_pnp_url (profiles, dir, "http://192.0.2.1:80", "00:15:65:00:00:01", "Yealink");
  g_assert_cmpstr (url, ==, "http://192.0.2.1:80/");
  g_clear_pointer (&url, g_free);
  /* PLANET: its own file. */
  url = phoneset_fleet_pnp_url (profiles, dir, "http://192.0.2.1:80", "00304f000001", "PLANET");
  g_assert_cmpstr (url, ==, "http://192.0.2.1:80/00304f000001.cfg");
  g_clear_pointer (&url, g_free);
  /* A phone without a file in the folder gets no answer. */
  url = phoneset_fleet_pnp_url (profiles, dir, "http://192.0.2.1:80", "00304f000009", "PLANET");
  g_assert_null (url);
  url = phoneset_fleet_pnp_url (profiles, dir, "http://192.0.2.1:80", "00304f000001", "snom");
  g_assert_null (url);

  g_unlink (y);
  g_unlink (f);
  g_rmdir (dir);
}

static void
test_fleet_mac_from_request (void)
{
  const char *cases[][3] = {
    { "/001565000001.cfg", "Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37", "0015654aa937" },
    { "/x.cfg", "Fanvil X4 2.10.2.6887 0c383e07e16c", "0c383e07e16c" },
    { "/00304FA99948.cfg", "curl/7.88", "00304fa99948" },
    { "/y000000000028.cfg", "curl/7.88", NULL },
    { "/y000000000028.cfg", NULL, NULL },
    { "/a/00-30-4f-a9-99-48.xml", NULL, "00304fa99948" },
    { "/x", "id 0015654aa9370 too long", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *mac = phoneset_fleet_mac_from_request (cases[i][0], cases[i][1]);

      g_assert_cmpstr (mac, ==, cases[i][2]);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  int         ret;

  g_test_init (&argc, &argv, NULL);
  profiles = phoneset_test_load_profiles (dirs, NULL);

  g_test_add_func ("/fleet/csv-rfc4180", test_csv_rfc4180);
  g_test_add_func ("/fleet/csv-bad", test_csv_bad);
  g_test_add_func ("/fleet/problems-by-line", test_fleet_problems_by_line);
  g_test_add_func ("/fleet/render-yealink", test_fleet_render_yealink);
  g_test_add_func ("/fleet/render-no-common-file", test_fleet_render_no_common_file);
  g_test_add_func ("/fleet/pnp-url", test_fleet_pnp_url);
  g_test_add_func ("/fleet/mac-from-request", test_fleet_mac_from_request);

  ret = g_test_run ();
  g_ptr_array_unref (profiles);
  return ret;
}
