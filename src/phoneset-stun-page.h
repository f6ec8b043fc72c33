/* phoneset-stun-page.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phoneset-config-history.h"
#include "phoneset-context.h"
#include "phoneset-phone.h"
#include "phoneset-stun-result.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_STUN_PAGE (phoneset_stun_page_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetStunPage, phoneset_stun_page, PHONESET, STUN_PAGE, AdwBin)

GtkWidget          *phoneset_stun_page_new        (PhonesetContext       *context,
                                                   PhonesetPhone         *phone,
                                                   PhonesetConfigHistory *history,
                                                   const char            *default_server);
void                phoneset_stun_page_run        (PhonesetStunPage      *self);
PhonesetStunResult *phoneset_stun_page_get_result (PhonesetStunPage      *self);
void                phoneset_stun_page_point_here (PhonesetStunPage      *self);
void                phoneset_stun_page_refresh_watch (PhonesetStunPage   *self);

G_END_DECLS
