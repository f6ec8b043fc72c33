/* phoneset-neighbours.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "phoneset-mac.h"

G_BEGIN_DECLS

#define PHONESET_NEIGHBOURS_DEFAULT_PATH "/proc/net/arp"

typedef struct
{
  guint32 ip; /* host byte order */
  guint8  mac[PHONESET_MAC_LEN];
  char    device[32];
} PhonesetNeighbour;

GArray *phoneset_neighbours_parse     (const char  *contents,
                                       GError     **error);
GArray *phoneset_neighbours_read      (const char  *path,
                                       GError     **error);

G_END_DECLS
