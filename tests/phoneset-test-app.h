/* phoneset-test-app.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-application.h"
#include "phoneset-window.h"

G_BEGIN_DECLS

PhonesetApplication *phoneset_test_app_new                (int    *argc,
                                                           char ***argv);
void                 phoneset_test_app_use_session_locale (void);
PhonesetWindow      *phoneset_test_app_open_window        (PhonesetApplication *app);
GtkWidget           *phoneset_test_window_child           (gpointer             window,
                                                           const char          *name);

G_END_DECLS
