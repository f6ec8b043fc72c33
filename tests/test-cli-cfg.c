/* test-cli-cfg.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `phoneset profiles`, `import` and `export` as a script calls them: exit
 * codes, one-line errors naming file, line and problem, files written, and
 * passwords never printed.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "phoneset-test-cli.h"

#define SECRET "Zebra-Secret-4711"

static char *tmpdir;

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cfg", name, NULL);
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
new_dir (void)
{
  static guint     n;
  g_autofree char *name = g_strdup_printf ("out%u", n++);

  return g_build_filename (tmpdir, name, NULL);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_one_line_error (PhonesetCliResult *r,
                       const char        *contains)
{
  g_assert_cmpint (r->status, ==, 2);
  g_assert_true (g_str_has_prefix (r->err, "phoneset: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_null (strchr (r->err, '\n') + 1 == r->err + strlen (r->err)
                   ? NULL
                   : strchr (strchr (r->err, '\n') + 1, '\n'));
  if (strstr (r->err, contains) == NULL)
    g_error ("“%s” does not contain “%s”", r->err, contains);
}

static void
test_profiles (void)
{
  const char *argv[] = { "profiles", "--json", NULL };
  const char *human[] = { "profiles", NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);
  g_autoptr(PhonesetCliResult) h = phoneset_test_run_cli (human, NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  g_assert_cmpint (r->status, ==, 0);
  root = parse_json (r->out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 10);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      g_assert_true (json_object_has_member (o, "id"));
      g_assert_true (json_object_has_member (o, "vendor"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "models")), >, 0);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "formats")), >, 0);
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 4), "id"),
                   ==, "planet-vip");

  g_assert_cmpint (h->status, ==, 0);
  g_assert_nonnull (strstr (h->out, "konftel-300ip\n  Phone: Konftel 300IP"));

  /* The snom profile is the desk phones' (command.htm is theirs only); the
   * C520 and C620 share a profile of their own. */
  g_assert_nonnull (strstr (h->out, "snom\n  Phone: snom desk phones\n"));
  g_assert_nonnull (strstr (
    h->out, "snom-c520\n  Phone: snom C520 and C620 conference phones\n  Models: C520, C620\n"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      JsonArray  *models = json_object_get_array_member (o, "models");

      if (!g_str_equal (json_object_get_string_member (o, "id"), "snom"))
        continue;
      for (guint j = 0; j < json_array_get_length (models); j++)
        {
          const char *name = json_array_get_string_element (models, j);

          g_assert_false (name[0] == 'C' || name[0] == 'M' || g_str_has_prefix (name, "PA"));
        }
    }
}

/* profiles --json says for each setting where its default and range come
 * from, or that no vendor source confirms them, as the window does. */
static void
test_profiles_sources (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "profile-sources", NULL);
  g_autofree char *env_dir = g_strdup_printf ("PHONESET_PROFILES_DIR=%s", dir);
  const char      *env[] = { env_dir, NULL };
  const char      *argv[] = { "profiles", "--json", NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, env);
  g_autoptr(JsonNode) root = NULL;
  JsonArray  *array;
  JsonArray  *details = NULL;
  JsonObject *keepalive;
  JsonObject *port;
  JsonArray  *remarks;

  g_assert_cmpint (r->status, ==, 0);
  root = parse_json (r->out);
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "setting_details")),
                        ==, json_object_get_int_member (o, "settings"));
      if (g_str_equal (json_object_get_string_member (o, "id"), "sources-fixture"))
        details = json_object_get_array_member (o, "setting_details");
    }
  g_assert_nonnull (details);
  keepalive = json_array_get_object_element (details, 0);
  port = json_array_get_object_element (details, 1);
  g_assert_cmpstr (json_object_get_string_member (keepalive, "id"), ==, "nat.keepalive.interval");
  g_assert_cmpstr (json_object_get_string_member (keepalive, "default"), ==, "30");
  g_assert_true (json_object_get_null_member (keepalive, "default_source"));
  g_assert_false (json_object_get_boolean_member (keepalive, "default_confirmed"));
  g_assert_cmpstr (json_object_get_string_member (keepalive, "range_source"), ==,
                   "Example admin guide p. 12");
  g_assert_true (json_object_get_boolean_member (keepalive, "range_confirmed"));
  g_assert_cmpint (
    json_array_get_int_element (json_object_get_array_member (keepalive, "range"), 1), ==, 3600);
  remarks = json_object_get_array_member (keepalive, "remarks");
  g_assert_cmpuint (json_array_get_length (remarks), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (remarks, 0), ==,
                   "Default not confirmed by a vendor source");
  g_assert_cmpstr (json_array_get_string_element (remarks, 1), ==,
                   "Range from Example admin guide p. 12");

  g_assert_cmpstr (json_object_get_string_member (port, "default_source"), ==,
                   "Example admin guide p. 13");
  g_assert_true (json_object_get_null_member (port, "range"));
  g_assert_true (json_object_get_null_member (port, "range_confirmed"));
  remarks = json_object_get_array_member (port, "remarks");
  g_assert_cmpuint (json_array_get_length (remarks), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (remarks, 0), ==,
                   "Default from Example admin guide p. 13");
}

static void
test_import_json (void)
{
  struct
  {
    const char *file;
    const char *profile;
    const char *id;
    const char *value;
  } cases[] = {
    { "yealink-cp860-legacy.cfg", "yealink-legacy", "line.1.number", "4711" },
    { "yealink-t46s-v8x.cfg", "yealink-v8x", "provisioning.server.url",
      "http://prov.example.org/" },
    { "planet-vip2140pt.cfg", "planet-vip", "provisioning.pnp.server", "224.0.1.75" },
    { "snom-d785.xml", "snom", "nat.stun.server", "stun.example.org:3478" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      const char      *argv[] = { "import", path, "--json", NULL };
      g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *o;

      g_assert_cmpint (r->status, ==, 0);
      root = parse_json (r->out);
      o = json_node_get_object (root);
      g_assert_cmpstr (json_object_get_string_member (o, "profile"), ==, cases[i].profile);
      g_assert_cmpstr (
        json_object_get_string_member (json_object_get_object_member (o, "settings"), cases[i].id),
        ==, cases[i].value);
      g_assert_true (json_object_has_member (o, "unknown"));
    }
}

static void
test_import_bad (void)
{
  g_autofree char *trunc = g_build_filename (tmpdir, "truncated.cfg", NULL);
  g_autofree char *binary = g_build_filename (tmpdir, "binary.cfg", NULL);
  g_autofree char *garbage = g_build_filename (tmpdir, "garbage.cfg", NULL);
  g_autofree char *html = g_build_filename (tmpdir, "page.cfg", NULL);
  g_autofree char *planet = fixture ("planet-vip2140pt.cfg");
  g_autofree char *full = NULL;
  struct
  {
    const char *file;
    const char *profile;
    const char *message;
  } cases[] = {
    { binary, NULL, "binary.cfg: line 2: binary data" },
    { html, NULL, "page.cfg: line 1: not a Yealink" },
    { "/nonexistent/phone.cfg", NULL, "/nonexistent/phone.cfg" },
    { planet, "no-such-profile", "there is no profile “no-such-profile”" },
    { planet, "yealink-v8x", "line 1: a Yealink file must start with" },
  };

  g_file_get_contents (planet, &full, NULL, NULL);
  /* Cut at a line end, as a transfer that stopped between lines would. */
  *(strstr (full + strlen (full) / 2, "\r\n") + 2) = '\0';
  g_file_set_contents (trunc, full, -1, NULL);
  g_file_set_contents (binary,
                       "#!version:1.0.0.1\n\x7f"
                       "ELF\x01\x02\0\0",
                       27, NULL);
  g_file_set_contents (
    garbage,
    "#!version:1.0.0.1\nstatic.ice.enable = 1\nthis is not a setting\nstatic.future.key = 1\n", -1,
    NULL);
  g_file_set_contents (html, "<html><body>Login</body></html>\n", -1, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[] = { "import", cases[i].file, cases[i].profile ? "--profile" : NULL,
                             cases[i].profile, NULL };
      g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);

      assert_one_line_error (r, cases[i].message);
      g_assert_cmpstr (r->out, ==, "");
    }

  /* A file cut short and a line that is not a setting were refused; the
   * readers keep them now, with a warning (test-cfg-tolerant.c), and the
   * file is imported. */
  {
    const char *kept[][2] = { { trunc, "truncated.cfg: " }, { garbage, "garbage.cfg: Yealink" } };

    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      {
        const char *argv[] = { "import", kept[i][0], NULL };
        g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);

        g_assert_cmpint (r->status, ==, 0);
        if (strstr (r->out, kept[i][1]) == NULL)
          g_error ("“%s” does not contain “%s”", r->out, kept[i][1]);
      }
  }
}

static void
test_export_each_vendor (void)
{
  g_autofree char *dir = new_dir ();
  const char      *planet[] = { "export",
                                "--profile",
                                "planet-vip",
                                "--model",
                                "VIP-2140PT",
                                "--set",
                                "nat.stun.server=stun.example.org",
                                "--set",
                                "line.1.stun.enable=on",
                                "--output",
                                dir,
                                NULL };
  const char      *yealink[] = { "export",
                                 "--profile",
                                 "yealink-legacy",
                                 "--mac",
                                 "00:15:65:8A:37:86",
                                 "--set",
                                 "nat.keepalive.interval=20",
                                 "--set",
                                 "line.1.keepalive.type=notify",
                                 "--output",
                                 dir,
                                 NULL };
  const char      *snom[] = { "export", "--profile",       "snom",     "--mac", "00-04-13-aa-bb-cc",
                              "--set",  "qos.dscp.sip=46", "--output", dir,     NULL };
  const char      *konftel[] = {
         "export", "--profile", "konftel-300ip", "--set", "nat.stun.server=stun.example.org", "--output",
         dir,      NULL
  };
  g_autoptr(PhonesetCliResult) r1 = phoneset_test_run_cli (planet, NULL);
  g_autoptr(PhonesetCliResult) r2 = phoneset_test_run_cli (yealink, NULL);
  g_autoptr(PhonesetCliResult) r3 = phoneset_test_run_cli (snom, NULL);
  g_autoptr(PhonesetCliResult) r4 = phoneset_test_run_cli (konftel, NULL);
  g_autofree char *f1 = NULL, *f2 = NULL, *f3 = NULL, *f4 = NULL;

  g_assert_cmpint (r1->status, ==, 0);
  g_assert_cmpint (r2->status, ==, 0);
  g_assert_cmpint (r3->status, ==, 0);
  g_assert_cmpint (r4->status, ==, 0);

  f1 = read_file (dir, "f0VIP-2140PThw1.100.cfg");
  g_assert_true (g_str_has_prefix (f1, "<<VOIP CONFIG FILE>>Version:2.0000000000"));
  g_assert_nonnull (
    strstr (f1, "<SIP CONFIG MODULE>\r\nSTUN Server        :stun.example.org\r\n--SIP Line List--  "
                ":\r\nSIP1 NAT Type      :1\r\n"));
  g_assert_true (g_str_has_suffix (f1, "<<END OF FILE>>\r\n"));

  f2 = read_file (dir, "0015658a3786.cfg");
  g_assert_cmpstr (
    f2, ==,
    "#!version:1.0.0.1\naccount.1.nat.udp_update_time = 20\naccount.2.nat.udp_update_time = 20\n"
    "account.1.nat.udp_update_enable = 3\n");

  f3 = read_file (dir, "000413AABBCC.xml");
  g_assert_nonnull (strstr (
    f3, "<phone-settings>\n<signaling_tos perm=\"\">184</signaling_tos>\n</phone-settings>"));

  f4 = read_file (dir, "konftel-300ip-setup.html");
  g_assert_true (g_str_has_prefix (f4, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (f4, "stun.example.org"));
  g_assert_nonnull (strstr (r4->out, "setup sheet of 1 settings"));
}

static void
test_export_base_in_place (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *base = fixture ("planet-vip2140pt.cfg");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char      *argv[] = { "export",
                              "--profile",
                              "planet-vip",
                              "--base",
                              base,
                              "--name",
                              "custom:board-room",
                              "--set",
                              "vlan.enable=true",
                              "--set",
                              "vlan.id=20",
                              "--output",
                              dir,
                              NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;
  guint changed = 0;

  g_assert_cmpint (r->status, ==, 0);
  g_file_get_contents (base, &before, NULL, NULL);
  after = read_file (dir, "board-room.cfg");
  g_assert_cmpuint (strlen (after), ==, strlen (before) - 1);
  a = g_strsplit (before, "\r\n", -1);
  b = g_strsplit (after, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
  for (guint i = 0; a[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      {
        changed++;
        g_assert_true (g_str_equal (b[i], "Enable VLAN        :1") ||
                       g_str_equal (b[i], "VLAN ID            :20"));
      }
  g_assert_cmpuint (changed, ==, 2);
}

/* The older formats a profile also reads (Yealink INI, snom plain text):
 * import tells them from their first lines, export --base edits them in
 * their own format, in place, and what it writes imports again. */
static void
test_old_formats (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *ini = fixture ("yealink-t28p-legacy.ini.cfg");
  g_autofree char *htm = fixture ("snom-320-settings.htm");
  g_autofree char *ini_before = NULL;
  g_autofree char *ini_after = NULL;
  g_autofree char *htm_before = NULL;
  g_autofree char *htm_after = NULL;
  g_autofree char *written = NULL;
  const char      *import_ini[] = { "import", ini, "--json", NULL };
  const char      *import_htm[] = { "import", htm, "--json", NULL };
  const char      *export_ini[] = { "export",
                                    "--base",
                                    ini,
                                    "--profile",
                                    "yealink-legacy",
                                    "--set",
                                    "nat.stun.server=stun.example.org",
                                    "--name",
                                    "custom:t28p.cfg",
                                    "--output",
                                    dir,
                                    NULL };
  const char      *export_htm[] = { "export",
                                    "--base",
                                    htm,
                                    "--profile",
                                    "snom",
                                    "--set",
                                    "nat.ice.enable=on",
                                    "--name",
                                    "custom:snom320.htm",
                                    "--output",
                                    dir,
                                    NULL };
  g_autoptr(PhonesetCliResult) r1 = phoneset_test_run_cli (import_ini, NULL);
  g_autoptr(PhonesetCliResult) r2 = phoneset_test_run_cli (import_htm, NULL);
  g_autoptr(PhonesetCliResult) r3 = phoneset_test_run_cli (export_ini, NULL);
  g_autoptr(PhonesetCliResult) r4 = phoneset_test_run_cli (export_htm, NULL);
  g_autoptr(PhonesetCliResult) r5 = NULL;
  g_autoptr(JsonNode) root1 = NULL;
  g_autoptr(JsonNode) root2 = NULL;
  g_autoptr(JsonNode) root5 = NULL;
  JsonObject *settings;
  const char *import_again[] = { "import", NULL, "--json", NULL };

  g_assert_cmpint (r1->status, ==, 0);
  root1 = parse_json (r1->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root1), "profile"), ==,
                   "yealink-legacy");
  settings = json_object_get_object_member (json_node_get_object (root1), "settings");
  g_assert_cmpstr (json_object_get_string_member (settings, "line.1.number"), ==, "4711");
  g_assert_cmpstr (json_object_get_string_member (settings, "line.2.number"), ==, "4712");
  g_assert_cmpint (json_object_get_int_member (settings, "nat.stun.port"), ==, 3478);
  /* `STUNServer =`: an empty value leaves the phone's as it is, as in CFG files [U]. */
  g_assert_false (json_object_has_member (settings, "nat.stun.server"));

  g_assert_cmpint (r2->status, ==, 0);
  root2 = parse_json (r2->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root2), "profile"), ==,
                   "snom");
  settings = json_object_get_object_member (json_node_get_object (root2), "settings");
  g_assert_cmpstr (json_object_get_string_member (settings, "line.2.number"), ==, "4712");
  g_assert_false (json_object_get_boolean_member (settings, "nat.ice.enable"));

  /* Account 1's [ NAT ] is edited in place; account 2 has none, so one is
   * added at the end. The ISO-8859-1 bytes of the file stay. */
  g_assert_cmpint (r3->status, ==, 0);
  g_file_get_contents (ini, &ini_before, NULL, NULL);
  ini_after = read_file (dir, "t28p.cfg");
  {
    g_autofree char *expected = NULL;
    char            *line = strstr (ini_before, "STUNServer =\n");

    g_assert_nonnull (line);
    *line = '\0';
    expected = g_strconcat (
      ini_before, "STUNServer = stun.example.org\n", line + strlen ("STUNServer =\n"),
      "\n[ NAT ]\npath = /config/voip/sipAccount1.cfg\nSTUNServer = stun.example.org\n", NULL);
    g_assert_cmpstr (ini_after, ==, expected);
  }

  /* user_ice1 changes in place, without a flag as it was; identity 2's
   * line is added after its others. */
  g_assert_cmpint (r4->status, ==, 0);
  g_file_get_contents (htm, &htm_before, NULL, NULL);
  htm_after = read_file (dir, "snom320.htm");
  g_assert_nonnull (strstr (htm_after, "\nuser_ice1: on\n"));
  g_assert_nonnull (
    strstr (htm_after, "\nuser_host2$: pbx.example.org\nuser_ice2$: on\ncodec_tos$: 184\n"));
  g_assert_cmpuint (strlen (htm_after), ==,
                    strlen (htm_before) - strlen ("off") + strlen ("on") +
                      strlen ("user_ice2$: on\n"));

  written = g_build_filename (dir, "t28p.cfg", NULL);
  import_again[1] = written;
  r5 = phoneset_test_run_cli (import_again, NULL);
  g_assert_cmpint (r5->status, ==, 0);
  root5 = parse_json (r5->out);
  settings = json_object_get_object_member (json_node_get_object (root5), "settings");
  g_assert_cmpstr (json_object_get_string_member (settings, "nat.stun.server"), ==,
                   "stun.example.org");
}

static void
test_export_bad (void)
{
  g_autofree char *dir = new_dir ();
  struct
  {
    const char *args[12];
    const char *message;
  } cases[] = {
    { { "export", "--profile", "planet-vip", "--model", "VIP-2140PT", "--set", "no.such=1",
        "--output", dir },
      "“no.such” is not a setting of the planet-vip profile" },
    { { "export", "--profile", "planet-vip", "--model", "VIP-2140PT", "--set", "vlan.id=5000",
        "--output", dir },
      "vlan.id (VLAN ID): 5000 is out of range: it must be from 1 to 4094" },
    { { "export", "--profile", "planet-vip", "--model", "VIP-2140PT", "--set", "vlan.id",
        "--output", dir },
      "write ID=VALUE" },
    { { "export", "--profile", "planet-vip", "--mac", "00:30:4f:11:3a", "--output", dir },
      "“00:30:4f:11:3a” is not a MAC address" },
    { { "export", "--profile", "planet-vip", "--set", "provisioning.server.password=" SECRET,
        "--output", dir },
      "passwords are not taken from the command line" },
    { { "export", "--profile", "nope", "--output", dir }, "there is no profile “nope”" },
    { { "export", "--profile", "planet-vip", "--output", dir }, "give --model" },
    { { "export", "--profile", "poly-uc", "--output", dir },
      "the poly-uc profile's phones have no common file: give --mac MAC (each phone's file is "
      "{mac}-phone.cfg)" },
    { { "export", "--profile", "grandstream-gxp", "--model", "GXP2170", "--output", dir },
      "the grandstream-gxp profile's phones have no common file" },
    { { "export", "--profile", "planet-vip", "--name", "custom:../x", "--output", dir },
      "is not a file name" },
    { { "export", "--profile", "planet-vip", "--name", "bogus", "--output", dir },
      "--name “bogus”" },
    { { "export", "--profile", "konftel-300ip", "--base", "/etc/hostname", "--output", dir },
      "no provisioning file format" },
    { { "export", "--output", dir }, "needs --profile ID and --output DIR" },
    { { "export", "--profile", "planet-vip", "--model", "VIP-2140PT", "--frobnicate", "--output",
        dir },
      "Unknown option --frobnicate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (cases[i].args, NULL);

      assert_one_line_error (r, cases[i].message);
      g_assert_null (strstr (r->err, SECRET));
    }
  /* Nothing was written by any of them. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_export_secrets (void)
{
  g_autofree char *dir = new_dir ();
  const char      *env[] = { "PROV_PW=" SECRET, NULL };
  const char      *without[] = { "export",
                                 "--profile",
                                 "yealink-v8x",
                                 "--model",
                                 "SIP-T46S",
                                 "--secret-env",
                                 "provisioning.server.password=PROV_PW",
                                 "--set",
                                 "provisioning.server.user=admin",
                                 "--output",
                                 dir,
                                 NULL };
  const char      *with[] = { "export",
                              "--profile",
                              "yealink-v8x",
                              "--model",
                              "SIP-T46S",
                              "--name",
                              "custom:with.cfg",
                              "--secret-env",
                              "provisioning.server.password=PROV_PW",
                              "--include-secrets",
                              "--output",
                              dir,
                              NULL };
  const char      *missing[] = { "export",
                                 "--profile",
                                 "yealink-v8x",
                                 "--model",
                                 "SIP-T46S",
                                 "--secret-env",
                                 "provisioning.server.password=NOT_SET_ANYWHERE",
                                 "--output",
                                 dir,
                                 NULL };
  g_autoptr(PhonesetCliResult) r1 = phoneset_test_run_cli (without, env);
  g_autoptr(PhonesetCliResult) r2 = phoneset_test_run_cli (with, env);
  g_autoptr(PhonesetCliResult) r3 = phoneset_test_run_cli (missing, env);
  g_autofree char *f1 = NULL;
  g_autofree char *f2 = NULL;

  g_assert_cmpint (r1->status, ==, 0);
  f1 = read_file (dir, "y000000000066.cfg");
  g_assert_null (strstr (f1, SECRET));
  g_assert_null (strstr (f1, "password"));
  g_assert_nonnull (strstr (f1, "static.auto_provision.server.username = admin"));
  g_assert_nonnull (strstr (r1->out, "Left out, because they are passwords"));
  g_assert_nonnull (strstr (r1->out, "provisioning.server.password"));

  g_assert_cmpint (r2->status, ==, 0);
  f2 = read_file (dir, "with.cfg");
  g_assert_nonnull (strstr (f2, "static.auto_provision.server.password = " SECRET "\n"));

  assert_one_line_error (r3, "the environment variable NOT_SET_ANYWHERE is not set");

  /* Never printed. */
  g_assert_null (strstr (r1->out, SECRET));
  g_assert_null (strstr (r1->err, SECRET));
  g_assert_null (strstr (r2->out, SECRET));
  g_assert_null (strstr (r2->err, SECRET));
}

static void
test_export_unwritable (void)
{
  g_autofree char *blocker = g_build_filename (tmpdir, "not-a-dir", NULL);
  g_autofree char *dir = g_build_filename (blocker, "sub", NULL);
  const char      *argv[] = { "export", "--profile",  "planet-vip", "--model", "VIP-2140PT",
                              "--set",  "vlan.id=20", "--output",   dir,       NULL };
  g_autoptr(PhonesetCliResult) r = NULL;

  g_file_set_contents (blocker, "x", 1, NULL);
  r = phoneset_test_run_cli (argv, NULL);
  g_assert_cmpint (r->status, ==, 1);
  g_assert_true (g_str_has_prefix (r->err, "phoneset: cannot make the directory"));
}

static void
test_export_import_roundtrip (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "f0VIP-1120PThw1.100.cfg", NULL);
  const char      *out[] = { "export",
                             "--profile",
                             "planet-vip",
                             "--model",
                             "VIP-1120PT",
                             "--set",
                             "nat.stun.server=stun.example.org",
                             "--set",
                             "nat.stun.refresh=25",
                             "--set",
                             "line.2.rport=off",
                             "--set",
                             "qos.dscp.rtp=34",
                             "--set",
                             "provisioning.dhcp_option=43",
                             "--set",
                             "action_url.incoming_call=http://192.0.2.5/call?mac=$mac",
                             "--set",
                             "active_uri.allowed_ip=192.0.2.5",
                             "--output",
                             dir,
                             NULL };
  const char      *in[] = { "import", path, "--json", NULL };
  g_autoptr(PhonesetCliResult) r1 = phoneset_test_run_cli (out, NULL);
  g_autoptr(PhonesetCliResult) r2 = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *settings;

  g_assert_cmpint (r1->status, ==, 0);
  r2 = phoneset_test_run_cli (in, NULL);
  g_assert_cmpint (r2->status, ==, 0);
  root = parse_json (r2->out);
  settings = json_object_get_object_member (json_node_get_object (root), "settings");
  g_assert_cmpuint (json_object_get_size (settings), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (settings, "nat.stun.server"), ==,
                   "stun.example.org");
  g_assert_cmpint (json_object_get_int_member (settings, "nat.stun.refresh"), ==, 25);
  g_assert_false (json_object_get_boolean_member (settings, "line.2.rport"));
  g_assert_cmpint (json_object_get_int_member (settings, "qos.dscp.rtp"), ==, 34);
  g_assert_cmpstr (json_object_get_string_member (settings, "provisioning.dhcp_option"), ==, "43");
  g_assert_cmpstr (json_object_get_string_member (settings, "action_url.incoming_call"), ==,
                   "http://192.0.2.5/call?mac=$mac");
  g_assert_cmpstr (json_object_get_string_member (settings, "active_uri.allowed_ip"), ==,
                   "192.0.2.5");
}

/* The two Yealink generations' own keys (issue 14): V8x writes
 * action_url.registered and static.sip.nat_stun.* into new files and edits
 * the plain sip.nat_stun.* in place where a file has it (FusionPBX's T4xS
 * templates write it so); the firmware before V81 gets action_url.log_on,
 * auto_provision.* and the ICE and TURN keys of FusionPBX's CP860 and T46G
 * templates. */
static void
test_export_yealink_generations (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *base = g_build_filename (tmpdir, "t46s-plain-nat.cfg", NULL);
  const char      *v8x[] = { "export",
                             "--profile",
                             "yealink-v8x",
                             "--name",
                             "custom:v8x",
                             "--set",
                             "action_url.registered=http://192.0.2.5/reg?mac=$mac",
                             "--set",
                             "action_url.unregistered=http://192.0.2.5/unreg?mac=$mac",
                             "--set",
                             "nat.stun.server=stun.example.org",
                             "--set",
                             "nat.turn.server=turn.example.org",
                             "--output",
                             dir,
                             NULL };
  const char      *in_place[] = { "export",
                                  "--profile",
                                  "yealink-v8x",
                                  "--base",
                                  base,
                                  "--name",
                                  "custom:v8x-base",
                                  "--set",
                                  "nat.stun.server=stun.example.org",
                                  "--set",
                                  "nat.ice.enable=on",
                                  "--set",
                                  "nat.static.address=198.51.100.7",
                                  "--output",
                                  dir,
                                  NULL };
  const char      *import[] = { "import", base, "--profile", "yealink-v8x", "--json", NULL };
  const char      *legacy[] = { "export",
                                "--profile",
                                "yealink-legacy",
                                "--name",
                                "custom:legacy",
                                "--set",
                                "action_url.registered=http://192.0.2.5/reg?mac=$mac",
                                "--set",
                                "nat.ice.enable=on",
                                "--set",
                                "nat.turn.server=turn.example.org",
                                "--set",
                                "nat.turn.user=alice",
                                "--set",
                                "provisioning.server.url=http://prov.example.org/",
                                "--output",
                                dir,
                                NULL };
  g_autoptr(PhonesetCliResult) r1 = NULL;
  g_autoptr(PhonesetCliResult) r2 = NULL;
  g_autoptr(PhonesetCliResult) r3 = NULL;
  g_autoptr(PhonesetCliResult) r4 = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *f1 = NULL, *f2 = NULL, *f3 = NULL;

  /* A V8x common file in FusionPBX's T46S shape: static. network and
   * provisioning keys, the NAT block without static. */
  g_assert_true (
    g_file_set_contents (base,
                         "#!version:1.0.0.1\n"
                         "static.network.vlan.internet_port_vid = 20\n"
                         "static.auto_provision.server.url = http://prov.example.org/\n"
                         "network.static_nat.addr = \n"
                         "ice.enable = \n"
                         "sip.nat_stun.enable = 1\n"
                         "sip.nat_stun.server = stun.old.example.org\n"
                         "sip.nat_stun.port = 3478\n",
                         -1, NULL));

  r1 = phoneset_test_run_cli (v8x, NULL);
  g_assert_cmpint (r1->status, ==, 0);
  f1 = read_file (dir, "v8x.cfg");
  g_assert_nonnull (strstr (f1, "\naction_url.registered = http://192.0.2.5/reg?mac=$mac\n"));
  g_assert_nonnull (strstr (f1, "\naction_url.unregistered = http://192.0.2.5/unreg?mac=$mac\n"));
  g_assert_null (strstr (f1, "log_on"));
  g_assert_null (strstr (f1, "log_off"));
  g_assert_nonnull (strstr (f1, "\nstatic.sip.nat_stun.server = stun.example.org\n"));
  g_assert_nonnull (strstr (f1, "\nstatic.sip.nat_turn.server = turn.example.org\n"));
  g_assert_null (strstr (f1, "\nsip.nat_stun.server"));

  /* The file's own (plain) keys are read and edited; no static. copy. */
  r2 = phoneset_test_run_cli (import, NULL);
  g_assert_cmpint (r2->status, ==, 0);
  root = parse_json (r2->out);
  g_assert_cmpstr (
    json_object_get_string_member (
      json_object_get_object_member (json_node_get_object (root), "settings"), "nat.stun.server"),
    ==, "stun.old.example.org");
  r3 = phoneset_test_run_cli (in_place, NULL);
  g_assert_cmpint (r3->status, ==, 0);
  f2 = read_file (dir, "v8x-base.cfg");
  g_assert_nonnull (strstr (f2, "\nsip.nat_stun.server = stun.example.org\n"));
  g_assert_nonnull (strstr (f2, "\nice.enable = 1\n"));
  g_assert_nonnull (strstr (f2, "\nnetwork.static_nat.addr = 198.51.100.7\n"));
  g_assert_null (strstr (f2, "static.sip.nat_stun"));
  g_assert_null (strstr (f2, "static.ice"));
  g_assert_null (strstr (f2, "static.network.static_nat"));

  r4 = phoneset_test_run_cli (legacy, NULL);
  g_assert_cmpint (r4->status, ==, 0);
  f3 = read_file (dir, "legacy.cfg");
  g_assert_nonnull (strstr (f3, "\naction_url.log_on = http://192.0.2.5/reg?mac=$mac\n"));
  g_assert_nonnull (strstr (f3, "\nice.enable = 1\n"));
  g_assert_nonnull (strstr (f3, "\nsip.nat_turn.server = turn.example.org\n"));
  g_assert_nonnull (strstr (f3, "\nsip.nat_turn.username = alice\n"));
  g_assert_nonnull (strstr (f3, "\nauto_provision.server.url = http://prov.example.org/\n"));
  g_assert_null (strstr (f3, "static."));
  g_assert_null (strstr (f3, "action_url.registered"));
}

static void
test_export_golden (void)
{
  g_autofree char *spec_path =
    g_test_build_filename (G_TEST_DIST, "data", "golden", "nat-vlan.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *profiles[] = { "yealink-legacy", "yealink-v8x", "planet-vip", "snom" };
  const char *extensions[] = { ".cfg", ".cfg", ".cfg", ".xml" };
  JsonObject *spec;

  json_parser_load_from_file (parser, spec_path, &error);
  g_assert_no_error (error);
  spec = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autofree char *dir = new_dir ();
      g_autofree char *config = g_build_filename (tmpdir, "golden-config.json", NULL);
      g_autofree char *custom = g_strdup_printf ("custom:%s", profiles[i]);
      g_autofree char *file = g_strconcat (profiles[i], extensions[i], NULL);
      g_autofree char *golden_path =
        g_test_build_filename (G_TEST_DIST, "data", "golden", file, NULL);
      g_autofree char *golden = NULL;
      g_autofree char *written = NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      const char *argv[] = { "export", "--profile", profiles[i], "--config", config,
                             "--name", custom,      "--output",  dir,        NULL };
      g_autoptr(PhonesetCliResult) r = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "profile");
      json_builder_add_string_value (builder, profiles[i]);
      json_builder_set_member_name (builder, "settings");
      json_builder_add_value (builder, json_node_copy (json_object_get_member (spec, profiles[i])));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      g_assert_true (json_generator_to_file (generator, config, NULL));

      r = phoneset_test_run_cli (argv, NULL);
      g_assert_cmpint (r->status, ==, 0);
      written = read_file (dir, file);
      g_file_get_contents (golden_path, &golden, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (written, ==, golden);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("phoneset-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/profiles", test_profiles);
  g_test_add_func ("/cli/profiles/sources", test_profiles_sources);
  g_test_add_func ("/cli/import/json", test_import_json);
  g_test_add_func ("/cli/import/bad", test_import_bad);
  g_test_add_func ("/cli/export/each-vendor", test_export_each_vendor);
  g_test_add_func ("/cli/export/base-in-place", test_export_base_in_place);
  g_test_add_func ("/cli/old-formats", test_old_formats);
  g_test_add_func ("/cli/export/bad", test_export_bad);
  g_test_add_func ("/cli/export/secrets", test_export_secrets);
  g_test_add_func ("/cli/export/unwritable", test_export_unwritable);
  g_test_add_func ("/cli/export/import-roundtrip", test_export_import_roundtrip);
  g_test_add_func ("/cli/export/golden", test_export_golden);
  g_test_add_func ("/cli/export/yealink-generations", test_export_yealink_generations);

  ret = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
  g_free (tmpdir);
  return ret;
}
