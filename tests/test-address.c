/* test-address.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "phoneset-address.h"
#include "phoneset-error.h"

static void
test_address_good (void)
{
  struct
  {
    const char *text;
    const char *host;
    guint16     port;
  } cases[] = {
    { "192.0.2.10", "192.0.2.10", 80 },
    { "192.0.2.10:8080", "192.0.2.10", 8080 },
    { " phone-1.example.org ", "phone-1.example.org", 80 },
    { "stun.example.org:3478", "stun.example.org", 3478 },
    { "[2001:db8::1]:5060", "2001:db8::1", 5060 },
    { "2001:db8::1", "2001:db8::1", 80 },
    { "localhost", "localhost", 80 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *host = NULL;
      guint16          port = 0;

      g_assert_true (phoneset_address_parse (cases[i].text, 80, &host, &port, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (host, ==, cases[i].host);
      g_assert_cmpuint (port, ==, cases[i].port);
    }
}

static void
test_address_bad (void)
{
  const char *bad[] = {
    "",
    "192.0.2.10:",
    "192.0.2.10:0",
    "192.0.2.10:65536",
    "host:port",
    "-bad.example",
    "bad-.example",
    "a..b",
    "[2001:db8::1",
    "[host]:80",
    "under_score.example",
    "sp ace",
    "2001:db8::zz",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (phoneset_address_parse (bad[i], 80, NULL, NULL, &error));
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
    }
}

/* Whatever this computer has: IPv4, never loopback or 0.0.0.0, each once. */
static void
test_address_local_ipv4 (void)
{
  g_auto(GStrv) addresses = phoneset_address_list_local_ipv4 ();

  g_assert_nonnull (addresses);
  for (guint i = 0; addresses[i] != NULL; i++)
    {
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (addresses[i]);

      g_assert_nonnull (inet);
      g_assert_cmpint (g_inet_address_get_family (inet), ==, G_SOCKET_FAMILY_IPV4);
      g_assert_false (g_inet_address_get_is_loopback (inet));
      g_assert_false (g_inet_address_get_is_any (inet));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (addresses[j], !=, addresses[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/address/good", test_address_good);
  g_test_add_func ("/address/bad", test_address_bad);
  g_test_add_func ("/address/local-ipv4", test_address_local_ipv4);

  return g_test_run ();
}
