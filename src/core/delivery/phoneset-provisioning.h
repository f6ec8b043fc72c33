/* phoneset-provisioning.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *phoneset_dhcp_option_hex     (const char *url,
                                        const char *separator);
gboolean  phoneset_dhcp_option_valid   (guint       option,
                                        GError    **error);
char     *phoneset_dhcp_dnsmasq_line   (const char *url,
                                        guint       option);
char     *phoneset_dhcp_isc_lines      (const char *url,
                                        guint       option);

G_END_DECLS
