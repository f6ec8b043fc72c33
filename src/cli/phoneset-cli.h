/* phoneset-cli.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

gboolean  phoneset_cli_is_command      (const char *name);
int       phoneset_cli_main            (int         argc,
                                        char      **argv);
char     *phoneset_cli_dup_commands    (void);
void      phoneset_cli_print_usage     (FILE       *stream);

G_END_DECLS
