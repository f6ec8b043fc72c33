/* phoneset-setup-sheet.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-config.h"

G_BEGIN_DECLS

char *phoneset_setup_sheet_render (PhonesetConfig *config,
                                   const char     *phone,
                                   gboolean        include_secrets);

G_END_DECLS
