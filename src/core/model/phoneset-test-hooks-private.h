/* phoneset-test-hooks-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test hooks: the environment variables through which the test suite
 * and `build-aux/dev run` steer the application and the command line where
 * no option or setting does. Production code reads them only through
 * _phoneset_test_hook(), so this is the one list of them. The variables a
 * user may set (PHONESET_PROFILES_DIR, PHONESET_OUI_FILE) are documented in
 * phoneset(1) and are not hooks.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PHONESET_TEST_HOOK_DEMO_PHONES,            /* "profile-id@host:port,…": phones listed at start */
  PHONESET_TEST_HOOK_EXIT_AFTER_FIRST_FRAME, /* set: quit once the window has drawn (start-up benchmark) */
  PHONESET_TEST_HOOK_NEIGHBOUR_TABLE,        /* a file read instead of the kernel's neighbour table */
  PHONESET_TEST_HOOK_PNP_ADDRESS,            /* "host:port" to listen for SIP PnP on, "none": not at all */
  PHONESET_TEST_HOOK_REACHABILITY,           /* "off": the window does not probe its phones */
  PHONESET_TEST_HOOK_SCAN_SUBNETS,           /* "a/b,c/d": what the window's scan sweeps */
  PHONESET_TEST_HOOK_SECRET_STORE,           /* "memory": passwords in memory, not the Secret Service */
} PhonesetTestHook;

const char *_phoneset_test_hook         (PhonesetTestHook hook);
const char *_phoneset_test_hook_name    (PhonesetTestHook hook);
gboolean    _phoneset_test_hook_equals  (PhonesetTestHook hook,
                                         const char      *value);

G_END_DECLS
