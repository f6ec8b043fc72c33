/* phoneset-cli-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Exit codes of the command-line contract (DESIGN.md). */
#define PHONESET_EXIT_OK     0
#define PHONESET_EXIT_FAILED 1
#define PHONESET_EXIT_USAGE  2

typedef int (*PhonesetCliFunc) (int    argc,
                                char **argv);

typedef struct
{
  const char      *name;
  const char      *args;
  const char      *summary;
  PhonesetCliFunc  run;
} PhonesetCliCommand;

void     _phoneset_cli_error         (const char      *format,
                                      ...) G_GNUC_PRINTF (1, 2);
gboolean _phoneset_cli_parse_options (GOptionContext  *context,
                                      int             *argc,
                                      char          ***argv);

int      _phoneset_cli_stun_test     (int              argc,
                                      char           **argv);

G_END_DECLS
