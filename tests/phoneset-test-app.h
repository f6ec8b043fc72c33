/* phoneset-test-app.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-application.h"

G_BEGIN_DECLS

PhonesetApplication *phoneset_test_app_new                (int    *argc,
                                                           char ***argv);
void                 phoneset_test_app_use_session_locale (void);

G_END_DECLS
