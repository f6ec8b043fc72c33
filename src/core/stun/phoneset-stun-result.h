/* phoneset-stun-result.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * PhonesetStunTransports:
 * @PHONESET_STUN_TRANSPORT_UDP: STUN over UDP
 * @PHONESET_STUN_TRANSPORT_TCP: STUN over TCP
 * @PHONESET_STUN_TRANSPORT_TLS: STUN over TLS
 *
 * The transports a self-test uses; a result's getters take one of them.
 */
typedef enum
{
  PHONESET_STUN_TRANSPORT_UDP = 1 << 0,
  PHONESET_STUN_TRANSPORT_TCP = 1 << 1,
  PHONESET_STUN_TRANSPORT_TLS = 1 << 2,
} PhonesetStunTransports;

/**
 * PhonesetStunAnswer:
 * @PHONESET_STUN_ANSWER_UNKNOWN: the test could not tell (JSON null)
 * @PHONESET_STUN_ANSWER_NO: no
 * @PHONESET_STUN_ANSWER_YES: yes
 *
 * A yes / no the test may not have been able to answer.
 */
typedef enum
{
  PHONESET_STUN_ANSWER_UNKNOWN = -1,
  PHONESET_STUN_ANSWER_NO = 0,
  PHONESET_STUN_ANSWER_YES = 1,
} PhonesetStunAnswer;

#define PHONESET_TYPE_STUN_RESULT (phoneset_stun_result_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetStunResult, phoneset_stun_result, PHONESET, STUN_RESULT, GObject)

const char        *phoneset_stun_result_get_server              (PhonesetStunResult    *self);
gint64             phoneset_stun_result_get_elapsed_ms          (PhonesetStunResult    *self);
const char        *phoneset_stun_result_get_software            (PhonesetStunResult    *self);
const char        *phoneset_stun_result_get_other_address       (PhonesetStunResult    *self);
gboolean           phoneset_stun_result_get_reachable           (PhonesetStunResult    *self);
gboolean           phoneset_stun_result_get_tested              (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
gboolean           phoneset_stun_result_get_answered            (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
int                phoneset_stun_result_get_rtt_ms              (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
const char        *phoneset_stun_result_get_server_address      (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
const char        *phoneset_stun_result_get_local_address       (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
const char        *phoneset_stun_result_get_mapped_address      (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
const char        *phoneset_stun_result_get_transport_error     (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
PhonesetStunAnswer phoneset_stun_result_get_nat_present         (PhonesetStunResult    *self);
const char        *phoneset_stun_result_get_mapping             (PhonesetStunResult    *self);
const char        *phoneset_stun_result_get_filtering           (PhonesetStunResult    *self);
const char        *phoneset_stun_result_get_classic             (PhonesetStunResult    *self);
PhonesetStunAnswer phoneset_stun_result_get_hairpinning         (PhonesetStunResult    *self);
PhonesetStunAnswer phoneset_stun_result_get_port_preserving     (PhonesetStunResult    *self);
PhonesetStunAnswer phoneset_stun_result_get_alg                 (PhonesetStunResult    *self);
guint              phoneset_stun_result_get_lost_probes         (PhonesetStunResult    *self);
const char        *phoneset_stun_result_get_behaviour_note      (PhonesetStunResult    *self);
gboolean           phoneset_stun_result_get_lifetime_tested     (PhonesetStunResult    *self);
int                phoneset_stun_result_get_binding_lifetime_ms (PhonesetStunResult    *self);
void               phoneset_stun_result_get_lifetime_bounds     (PhonesetStunResult    *self,
                                                                 int                   *alive_at_ms,
                                                                 int                   *gone_at_ms);
const char        *phoneset_stun_result_get_lifetime_note       (PhonesetStunResult    *self);
gboolean           phoneset_stun_result_get_turn_tested         (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
gboolean           phoneset_stun_result_get_turn_allocated      (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
const char        *phoneset_stun_result_get_turn_relayed        (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
int                phoneset_stun_result_get_turn_error_code     (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
const char        *phoneset_stun_result_get_turn_error          (PhonesetStunResult    *self,
                                                                 PhonesetStunTransports transport);
gboolean           phoneset_stun_result_get_ice_tested          (PhonesetStunResult    *self);
guint              phoneset_stun_result_get_n_ice_candidates    (PhonesetStunResult    *self);
gboolean           phoneset_stun_result_get_ice_candidate       (PhonesetStunResult    *self,
                                                                 guint                  index,
                                                                 const char           **type,
                                                                 const char           **transport,
                                                                 const char           **address);
const char        *phoneset_stun_result_get_ice_error           (PhonesetStunResult    *self);
guint              phoneset_stun_result_get_n_recommendations   (PhonesetStunResult    *self);
gboolean           phoneset_stun_result_get_recommendation      (PhonesetStunResult    *self,
                                                                 guint                  index,
                                                                 const char           **setting,
                                                                 const char           **value,
                                                                 const char           **why);
char              *phoneset_stun_result_dup_verdict             (PhonesetStunResult    *self);
char              *phoneset_stun_result_dup_turn_failure        (PhonesetStunResult    *self);
JsonNode          *phoneset_stun_result_to_json                 (PhonesetStunResult    *self);
char              *phoneset_stun_result_to_text                 (PhonesetStunResult    *self);

G_END_DECLS
