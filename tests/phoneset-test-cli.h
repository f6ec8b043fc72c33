/* phoneset-test-cli.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} PhonesetCliResult;

void               phoneset_cli_result_free (PhonesetCliResult *result);
PhonesetCliResult *phoneset_test_run_cli    (const char * const *argv,
                                             const char * const *env);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhonesetCliResult, phoneset_cli_result_free)

G_END_DECLS
