/* phoneset-window.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-application.h"
#include "phoneset-phone.h"
#include "phoneset-phone-view.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_WINDOW (phoneset_window_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetWindow, phoneset_window, PHONESET, WINDOW, AdwApplicationWindow)

PhonesetWindow *phoneset_window_new        (PhonesetApplication *application);

G_END_DECLS
