/* phoneset-setting-row.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-config-history.h"

G_BEGIN_DECLS

/* How long after the last keystroke a text value is written, in ms. */
#define PHONESET_SETTING_ROW_COMMIT_DELAY 400

GtkWidget       *phoneset_setting_row_new         (PhonesetConfigHistory *history,
                                                   PhonesetSetting       *setting,
                                                   PhonesetConfig        *baseline);
PhonesetSetting *phoneset_setting_row_get_setting (GtkWidget             *row);
void             phoneset_setting_row_set_problem (GtkWidget             *row,
                                                   const char            *message);
gboolean         phoneset_setting_row_matches     (PhonesetSetting       *setting,
                                                   const char            *query);

G_END_DECLS
