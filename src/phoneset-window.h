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
GListModel     *phoneset_window_get_phones (PhonesetWindow      *self);
void            phoneset_window_add_phone  (PhonesetWindow      *self,
                                            PhonesetPhone       *phone);
gboolean        phoneset_window_scan       (PhonesetWindow      *self,
                                            const char * const  *subnets,
                                            guint                timeout_ms);
PhonesetPhoneView *phoneset_window_show_phone (PhonesetWindow   *self,
                                               PhonesetPhone    *phone);
GtkWindow      *phoneset_window_get_stun_server_window (PhonesetWindow *self);

G_END_DECLS
