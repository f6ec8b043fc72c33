/* phoneset-test-cfg.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "phoneset-test-cfg.h"

/* The contents of tests/data/cfg/@name; the test fails without it. */
char *
phoneset_test_cfg_load (const char *name,
                        gsize      *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "cfg", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

/* Parses @data (@len -1: NUL-terminated) in @format; the test fails if it
 * is refused. */
PhonesetCfgDocument *
phoneset_test_cfg_parse (PhonesetCfgFormat  format,
                         const char        *data,
                         gssize             len)
{
  g_autoptr(GError) error = NULL;
  PhonesetCfgDocument *doc =
    phoneset_cfg_document_parse (format, data, len < 0 ? strlen (data) : (gsize)len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The document's bytes, NUL-terminated (@len: optional, their number). */
char *
phoneset_test_cfg_serialize (PhonesetCfgDocument *doc,
                             gsize               *len)
{
  g_autoptr(GBytes) bytes = phoneset_cfg_document_serialize (doc);
  gsize       n;
  const char *data = g_bytes_get_data (bytes, &n);

  if (len)
    *len = n;
  return g_strndup (data, n);
}

/* The lines of @b that differ from @a's; both must have as many lines. */
GPtrArray *
phoneset_test_cfg_changed_lines (const char *a,
                                 const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  GPtrArray *changed = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 0; la[i] != NULL; i++)
    if (!g_str_equal (la[i], lb[i]))
      g_ptr_array_add (changed, g_strdup (lb[i]));
  return changed;
}
