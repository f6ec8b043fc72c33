/* phoneset-setting-sources.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-profile.h"

G_BEGIN_DECLS

gboolean  phoneset_setting_has_range             (PhonesetSetting *self);
char     *phoneset_setting_dup_default_remark    (PhonesetSetting *self);
char     *phoneset_setting_dup_range_remark      (PhonesetSetting *self);

G_END_DECLS
