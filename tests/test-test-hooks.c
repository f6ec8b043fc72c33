/* test-test-hooks.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test hooks: each has its own PHONESET_ variable, read only when set.
 */

#include "config.h"

#include "phoneset-test-hooks-private.h"

static const PhonesetTestHook hooks[] = {
  PHONESET_TEST_HOOK_DEMO_PHONES,     PHONESET_TEST_HOOK_EXIT_AFTER_FIRST_FRAME,
  PHONESET_TEST_HOOK_NEIGHBOUR_TABLE, PHONESET_TEST_HOOK_PNP_ADDRESS,
  PHONESET_TEST_HOOK_REACHABILITY,    PHONESET_TEST_HOOK_SCAN_SUBNETS,
  PHONESET_TEST_HOOK_SECRET_STORE,
};

static void
test_names (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (hooks); i++)
    {
      const char *name = _phoneset_test_hook_name (hooks[i]);

      g_assert_nonnull (name);
      g_assert_true (g_str_has_prefix (name, "PHONESET_"));
      g_assert_false (g_hash_table_contains (seen, name));
      g_hash_table_add (seen, (gpointer)name);
    }
}

static void
test_values (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hooks); i++)
    {
      const char *name = _phoneset_test_hook_name (hooks[i]);

      g_unsetenv (name);
      g_assert_null (_phoneset_test_hook (hooks[i]));
      g_assert_false (_phoneset_test_hook_equals (hooks[i], "off"));
      g_setenv (name, "off", TRUE);
      g_assert_cmpstr (_phoneset_test_hook (hooks[i]), ==, "off");
      g_assert_true (_phoneset_test_hook_equals (hooks[i], "off"));
      g_assert_false (_phoneset_test_hook_equals (hooks[i], "of"));
      g_unsetenv (name);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/test-hooks/names", test_names);
  g_test_add_func ("/test-hooks/values", test_values);
  return g_test_run ();
}
