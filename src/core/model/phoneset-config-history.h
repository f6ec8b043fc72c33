/* phoneset-config-history.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-config.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_CONFIG_HISTORY (phoneset_config_history_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetConfigHistory, phoneset_config_history, PHONESET, CONFIG_HISTORY, GObject)

PhonesetConfigHistory *phoneset_config_history_new        (PhonesetConfig        *config);
PhonesetConfig        *phoneset_config_history_get_config (PhonesetConfigHistory *self);
gboolean               phoneset_config_history_set        (PhonesetConfigHistory *self,
                                                           const char            *id,
                                                           const char            *text,
                                                           GError               **error);
void                   phoneset_config_history_revert     (PhonesetConfigHistory *self,
                                                           PhonesetConfig        *to);
gboolean               phoneset_config_history_can_undo   (PhonesetConfigHistory *self);
gboolean               phoneset_config_history_can_redo   (PhonesetConfigHistory *self);
gboolean               phoneset_config_history_undo       (PhonesetConfigHistory *self);
gboolean               phoneset_config_history_redo       (PhonesetConfigHistory *self);

G_END_DECLS
