/* phoneset-stun-keepalive.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Requests less than this apart (retransmissions, a NAT-type probe's
 * burst) count as one refresh of the binding. */
#define PHONESET_STUN_BURST_MS 1000

typedef struct
{
  guint64 requests;    /* keep-alive requests the phone sends in 30 days */
  guint64 bytes_sent;  /* what they weigh on the wire (IP and UDP headers included) */
  guint64 bytes_total; /* with the server's answers */
} PhonesetStunCost;

int   phoneset_stun_keepalive_for_lifetime (int                     lifetime_ms);
char *phoneset_stun_keepalive_verdict      (int                     interval_ms,
                                            int                     lifetime_ms,
                                            gboolean                lifetime_measured,
                                            const char             *setting_title);
void  phoneset_stun_keepalive_cost         (int                     interval_ms,
                                            double                  request_bytes,
                                            double                  answer_bytes,
                                            PhonesetStunCost       *cost);
char *phoneset_stun_keepalive_cost_text    (const PhonesetStunCost *cost);
char *phoneset_stun_format_duration        (int                     ms);

G_END_DECLS
