/* phoneset-file.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean phoneset_file_replace     (const char *path,
                                    const char *data,
                                    gsize       len,
                                    int         mode,
                                    GError    **error);
gboolean phoneset_file_replace_all (const char *dir,
                                    GPtrArray  *names,
                                    GPtrArray  *contents,
                                    int         mode,
                                    GError    **error);
guint    phoneset_file_clean_temps (const char *dir,
                                    guint       min_age_seconds);
gboolean phoneset_file_is_temp     (const char *name);

G_END_DECLS
