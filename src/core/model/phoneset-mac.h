/* phoneset-mac.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PHONESET_MAC_LEN 6

typedef enum
{
  PHONESET_MAC_STYLE_BARE_LOWER,  /* 00304f113af8, as vendors name MAC files */
  PHONESET_MAC_STYLE_BARE_UPPER,  /* 00304F113AF8 */
  PHONESET_MAC_STYLE_COLON_LOWER, /* 00:30:4f:11:3a:f8 */
  PHONESET_MAC_STYLE_COLON_UPPER, /* 00:30:4F:11:3A:F8 */
  PHONESET_MAC_STYLE_DASH_UPPER,  /* 00-30-4F-11-3A-F8 */
} PhonesetMacStyle;

gboolean phoneset_mac_parse     (const char       *text,
                                 guint8            mac[PHONESET_MAC_LEN],
                                 GError          **error);
char    *phoneset_mac_format    (const guint8      mac[PHONESET_MAC_LEN],
                                 PhonesetMacStyle  style);
char    *phoneset_mac_normalize (const char       *text,
                                 PhonesetMacStyle  style,
                                 GError          **error);
char    *phoneset_mac_oui       (const guint8      mac[PHONESET_MAC_LEN]);

G_END_DECLS
