/* phoneset-paths.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *phoneset_paths_data_dir     (void);
char **phoneset_paths_profile_dirs (void);

G_END_DECLS
