/* phoneset-test-hooks.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place production code reads a test hook's environment variable
 * (see phoneset-test-hooks-private.h).
 */

#include "config.h"

#include "phoneset-test-hooks-private.h"

static const char *const names[] = {
  [PHONESET_TEST_HOOK_DEMO_PHONES] = "PHONESET_DEMO_PHONES",
  [PHONESET_TEST_HOOK_EXIT_AFTER_FIRST_FRAME] = "PHONESET_EXIT_AFTER_FIRST_FRAME",
  [PHONESET_TEST_HOOK_NEIGHBOUR_TABLE] = "PHONESET_NEIGHBOUR_TABLE",
  [PHONESET_TEST_HOOK_PNP_ADDRESS] = "PHONESET_PNP_ADDRESS",
  [PHONESET_TEST_HOOK_REACHABILITY] = "PHONESET_REACHABILITY",
  [PHONESET_TEST_HOOK_SCAN_SUBNETS] = "PHONESET_SCAN_SUBNETS",
  [PHONESET_TEST_HOOK_SECRET_STORE] = "PHONESET_SECRET_STORE",
};

/*
 * _phoneset_test_hook_name:
 * @hook: a test hook
 *
 * Returns: the name of @hook's environment variable, for messages
 */
const char *
_phoneset_test_hook_name (PhonesetTestHook hook)
{
  g_return_val_if_fail ((guint)hook < G_N_ELEMENTS (names), NULL);

  return names[hook];
}

/*
 * _phoneset_test_hook:
 * @hook: a test hook
 *
 * Returns: (nullable): the hook's value, %NULL when it is not set (as in
 *   every ordinary run)
 */
const char *
_phoneset_test_hook (PhonesetTestHook hook)
{
  g_return_val_if_fail ((guint)hook < G_N_ELEMENTS (names), NULL);

  return g_getenv (names[hook]);
}

/*
 * _phoneset_test_hook_equals:
 * @hook: a test hook
 * @value: the value to compare with
 *
 * Returns: whether @hook is set to exactly @value
 */
gboolean
_phoneset_test_hook_equals (PhonesetTestHook  hook,
                            const char       *value)
{
  return g_strcmp0 (_phoneset_test_hook (hook), value) == 0;
}
