/* phoneset-error.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "phoneset-error.h"

GQuark
phoneset_error_quark (void)
{
  return g_quark_from_static_string ("phoneset-error-quark");
}
