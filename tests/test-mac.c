/* test-mac.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "phoneset-error.h"
#include "phoneset-mac.h"

static void
test_mac_spellings (void)
{
  const char *good[] = {
    "00:30:4F:11:3A:F8", "00-30-4f-11-3a-f8", "00304f113af8",
    "00304F113AF8",      "0030.4f11.3af8",    "  00:30:4f:11:3a:f8\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *bare =
        phoneset_mac_normalize (good[i], PHONESET_MAC_STYLE_BARE_LOWER, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (bare, ==, "00304f113af8");
    }
}

static void
test_mac_styles (void)
{
  guint8           mac[6];
  g_autofree char *colon = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *dash = NULL;
  g_autofree char *oui = NULL;

  g_assert_true (phoneset_mac_parse ("00:15:65:4a:a9:37", mac, NULL));
  colon = phoneset_mac_format (mac, PHONESET_MAC_STYLE_COLON_UPPER);
  upper = phoneset_mac_format (mac, PHONESET_MAC_STYLE_BARE_UPPER);
  dash = phoneset_mac_format (mac, PHONESET_MAC_STYLE_DASH_UPPER);
  oui = phoneset_mac_oui (mac);
  g_assert_cmpstr (colon, ==, "00:15:65:4A:A9:37");
  g_assert_cmpstr (upper, ==, "0015654AA937");
  g_assert_cmpstr (dash, ==, "00-15-65-4A-A9-37");
  g_assert_cmpstr (oui, ==, "00:15:65");
}

static void
test_mac_bad (void)
{
  const char *bad[] = {
    "",
    "00:30:4f:11:3a",
    "00:30:4f:11:3a:f8:00",
    "00304f113af",
    "00304f113af8a",
    "00:30-4f:11:3a:f8",
    "00::304f:11:3a:f8",
    "0:030:4f:11:3a:f8",
    ":00:30:4f:11:3a:f8",
    "00:30:4f:11:3a:f8:",
    "g0:30:4f:11:3a:f8",
    "0030.4f113.af8",
    "00 30 4f 11 3a f8",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint8 mac[6];

      g_assert_false (phoneset_mac_parse (bad[i], mac, &error));
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "MAC"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mac/spellings", test_mac_spellings);
  g_test_add_func ("/mac/styles", test_mac_styles);
  g_test_add_func ("/mac/bad", test_mac_bad);

  return g_test_run ();
}
