/* phoneset-preferences-window.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PHONESET_TYPE_PREFERENCES_WINDOW (phoneset_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetPreferencesWindow, phoneset_preferences_window, PHONESET, PREFERENCES_WINDOW, AdwPreferencesWindow)

PhonesetPreferencesWindow *phoneset_preferences_window_new (GSettings *settings);

G_END_DECLS
