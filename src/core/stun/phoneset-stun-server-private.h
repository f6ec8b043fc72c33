/* phoneset-stun-server-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What phoneset-stun-server-report.c reads of the server.
 */

#pragma once

#include "phoneset-stun-server.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 received;
  guint64 answered;
  guint64 refused;
  guint64 unanswerable;
  guint64 indications;
  guint64 malformed;
  guint64 oversized;
  guint64 loops;
  guint64 rate_limited;
  guint64 evicted;
  gint64  started;
  gint64  stopped;
  guint   max_sources;
  guint   rate;
  int     lifetime_ms;
} PhonesetStunServerTotals;

void       _phoneset_stun_server_get_totals   (PhonesetStunServer       *self,
                                               PhonesetStunServerTotals *totals);
GPtrArray *_phoneset_stun_server_list_sources (PhonesetStunServer       *self);

G_END_DECLS
