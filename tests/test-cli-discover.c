/* test-cli-discover.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "phoneset-test-cli.h"

/* `phoneset discover` as a program. Only loopback is addressed: the sweep
 * covers 127.0.0.8/29 on a free port, and the passive runs read a neighbour
 * table file and listen for PnP on 127.0.0.1. */

static void
check_usage (const char *const *argv,
             const char        *message_part)
{
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, NULL);

  g_assert_cmpint (r->status, ==, 2);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "phoneset: "));
  g_assert_nonnull (strstr (r->err, message_part));
  /* One line. */
  g_assert_cmpint (strchr (r->err, '\n') - r->err, ==, (int)strlen (r->err) - 1);
}

static void
test_cli_discover_usage (void)
{
  const char *bad_subnet[] = { "discover", "--subnet", "10.0.0.0/8", NULL };
  const char *bad_cidr[] = { "discover", "--subnet", "nonsense", NULL };
  const char *bad_port[] = { "discover", "--port", "sctp:1", NULL };
  const char *bad_timeout[] = { "discover", "--timeout", "0", NULL };
  const char *extra[] = { "discover", "192.0.2.1", NULL };
  const char *unknown[] = { "discover", "--frobnicate", NULL };

  check_usage (bad_subnet, "too large");
  check_usage (bad_cidr, "not an IPv4 subnet");
  check_usage (bad_port, "not a SIP port");
  check_usage (bad_timeout, "timeout");
  check_usage (extra, "192.0.2.1");
  check_usage (unknown, "frobnicate");
}

static char *
write_table (void)
{
  g_autofree char *path = NULL;
  int              fd = g_file_open_tmp ("phoneset-arp-XXXXXX", &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (
    path,
    "IP address       HW type     Flags       HW address            Mask     Device\n"
    "127.0.0.10       0x1         0x2         00:15:65:4a:a9:37     *        lo\n"
    "127.0.0.14       0x1         0x2         02:00:00:00:00:01     *        lo\n",
    -1, NULL));
  return g_steal_pointer (&path);
}

static void
test_cli_discover_passive_json (void)
{
  g_autofree char *table = write_table ();
  g_autofree char *profiles =
    g_test_build_filename (G_TEST_DIST, "data", "fingerprint-profiles", NULL);
  g_autofree char *table_env = g_strdup_printf ("PHONESET_NEIGHBOUR_TABLE=%s", table);
  g_autofree char *profiles_env = g_strdup_printf ("PHONESET_PROFILES_DIR=%s", profiles);
  const char      *argv[] = { "discover", "--no-active", "--timeout", "300", "--json", NULL };
  const char      *env[] = { table_env, profiles_env, "PHONESET_PNP_ADDRESS=none", NULL };
  g_autoptr(PhonesetCliResult) r = phoneset_test_run_cli (argv, env);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray  *array;
  JsonObject *phone;

  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, r->out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  phone = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (phone, "ip"), ==, "127.0.0.10");
  g_assert_cmpstr (json_object_get_string_member (phone, "mac"), ==, "00:15:65:4a:a9:37");
  g_assert_cmpstr (json_object_get_string_member (phone, "vendor"), ==, "Yealink");
  g_assert_true (json_object_get_null_member (phone, "model"));
  g_assert_true (json_object_get_null_member (phone, "firmware"));
  g_assert_true (json_object_get_null_member (phone, "sip_user_agent"));
  g_assert_true (json_object_get_null_member (phone, "http_server"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (phone, "evidence")), ==,
                    1);
  g_assert_cmpstr (
    json_array_get_string_element (json_object_get_array_member (phone, "evidence"), 0), ==, "oui");
  g_unlink (table);
}

static void
test_cli_discover_table (void)
{
  g_autofree char *profiles =
    g_test_build_filename (G_TEST_DIST, "data", "fingerprint-profiles", NULL);
  g_autofree char *profiles_env = g_strdup_printf ("PHONESET_PROFILES_DIR=%s", profiles);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                             G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) any = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (any, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *port = NULL;
  const char      *argv[] = { "discover", "--subnet",  "127.0.0.8/29", "--port",
                              NULL,       "--timeout", "3000",         NULL };
  const char      *env[] = { profiles_env, "PHONESET_NEIGHBOUR_TABLE=", "PHONESET_PNP_ADDRESS=none",
                             NULL };
  g_autoptr(PhonesetCliResult) r = NULL;

  /* A port nothing listens on: no phone answers. */
  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  port = g_strdup_printf ("udp:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  argv[4] = port;
  r = phoneset_test_run_cli (argv, env);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "No phones found.\n");
  g_assert_cmpstr (r->err, ==, "");
}

/* Another program holds the PnP port without sharing it: the scan still
 * runs and says, in one line, what it cannot see. */
static void
test_cli_discover_pnp_port_taken (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                             G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) host = g_inet_address_new_from_string ("127.0.0.1");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (host, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *pnp_env = NULL;
  const char      *argv[] = { "discover", "--no-active", "--timeout", "200", NULL };
  const char      *env[] = { NULL, "PHONESET_NEIGHBOUR_TABLE=", NULL };
  g_autoptr(PhonesetCliResult) r = NULL;

  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  pnp_env = g_strdup_printf ("PHONESET_PNP_ADDRESS=127.0.0.1:%u",
                             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  env[0] = pnp_env;
  r = phoneset_test_run_cli (argv, env);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->out, ==, "No phones found.\n");
  g_assert_true (g_str_has_prefix (
    r->err, "phoneset: Phones announcing themselves at boot (SIP PnP) are not seen"));
}

/* A profile whose fingerprint rules do not compile is reported by name and
 * left out; it does not stop the scan with the other profiles. */
static void
test_cli_discover_bad_profile (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phoneset-profiles-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *env_dir = g_strdup_printf ("PHONESET_PROFILES_DIR=%s", dir);
  const char      *argv[] = { "discover", "--no-active", "--timeout", "200", NULL };
  const char *env[] = { env_dir, "PHONESET_NEIGHBOUR_TABLE=", "PHONESET_PNP_ADDRESS=none", NULL };
  g_autoptr(PhonesetCliResult) r = NULL;

  g_assert_true (g_file_set_contents (
    path,
    "{ \"schema\": 1, \"id\": \"broken\", \"vendor\": \"X\", \"title\": \"X\", "
    "\"models\": [ { \"name\": \"X1\" } ], \"mac_prefixes\": [], "
    "\"formats\": [ \"setup-sheet\" ], \"pages\": [], "
    "\"user_agents\": [ { \"pattern\": \"(\" } ] }",
    -1, NULL));
  r = phoneset_test_run_cli (argv, env);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->err, "skipping a profile"));
  g_assert_nonnull (strstr (r->err, "broken.json"));
  g_assert_nonnull (strstr (r->err, "user agent pattern"));
  g_assert_cmpstr (r->out, ==, "No phones found.\n");
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/discover/usage", test_cli_discover_usage);
  g_test_add_func ("/cli/discover/passive-json", test_cli_discover_passive_json);
  g_test_add_func ("/cli/discover/table", test_cli_discover_table);
  g_test_add_func ("/cli/discover/pnp-port-taken", test_cli_discover_pnp_port_taken);
  g_test_add_func ("/cli/discover/bad-profile", test_cli_discover_bad_profile);

  return g_test_run ();
}
