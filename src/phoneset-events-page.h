/* phoneset-events-page.h
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

G_BEGIN_DECLS

#define PHONESET_TYPE_EVENTS_PAGE (phoneset_events_page_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetEventsPage, phoneset_events_page, PHONESET, EVENTS_PAGE, AdwBin)

GtkWidget  *phoneset_events_page_new              (PhonesetContext       *context,
                                                   PhonesetPhone         *phone,
                                                   PhonesetConfigHistory *history);

G_END_DECLS
