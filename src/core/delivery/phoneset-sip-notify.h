/* phoneset-sip-notify.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     phoneset_sip_check_sync_async  (const char          *ip,
                                         guint16              port,
                                         gboolean             reboot,
                                         guint                timeout_seconds,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean phoneset_sip_check_sync_finish (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
