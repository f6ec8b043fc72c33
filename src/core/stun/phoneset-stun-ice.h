/* phoneset-stun-ice.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void       phoneset_stun_ice_gather_async  (const char         *stun_ip,
                                            guint16             stun_port,
                                            const char         *turn_user,
                                            const char         *turn_password,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
GPtrArray *phoneset_stun_ice_gather_finish (GAsyncResult       *result,
                                            GError            **error);

G_END_DECLS
