/* phoneset-test-active-uri.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The requests an Active URI builds for a space-separated key list, as one
 * string ("a | b"), for tests that compare them.
 */

#pragma once

#include "phoneset-active-uri.h"

static inline char *
phoneset_test_active_uri_requests (PhonesetActiveUri  *active_uri,
                                   const char         *keys_text,
                                   GError            **error)
{
  g_auto(GStrv) keys = g_strsplit (keys_text, " ", -1);
  g_autoptr(GPtrArray) requests =
               phoneset_active_uri_build_requests (active_uri, (const char *const *)keys, error);

  if (requests == NULL)
    return NULL;
  g_ptr_array_add (requests, NULL);
  return g_strjoinv (" | ", (char **)requests->pdata);
}
