/* phoneset-reachability.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "phoneset-phone.h"

G_BEGIN_DECLS

#define PHONESET_REACHABILITY_TIMEOUT_MS 2000

void     phoneset_reachability_check_async  (PhonesetPhone       *phone,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean phoneset_reachability_check_finish (PhonesetPhone       *phone,
                                             GAsyncResult        *result,
                                             GError             **error);

const char *phoneset_reachable_describe (PhonesetReachable reachable);

G_END_DECLS
