/* phoneset-address.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean phoneset_address_parse (const char  *text,
                                 guint16      default_port,
                                 char       **host,
                                 guint16     *port,
                                 GError     **error);
GStrv    phoneset_address_list_local_ipv4 (void);

G_END_DECLS
