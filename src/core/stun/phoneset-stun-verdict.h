/* phoneset-stun-verdict.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The NAT verdict of a self-test as a pure function: from what the probes
 * measured (a plain struct, no sockets) to the mapping and filtering
 * behaviour (RFC 5780), the classic RFC 3489 name and hairpinning. The
 * engine (phoneset-stun-test*.c) only sends and collects; tests feed
 * measurements straight in (tests/test-stun-verdict.c).
 */

#pragma once

#include <glib.h>

#include "phoneset-stun-result-private.h"

G_BEGIN_DECLS

/* Mapping or filtering behaviour (RFC 5780 4.3, 4.4). */
typedef enum
{
  PHONESET_STUN_BEHAVIOUR_INCONCLUSIVE,
  PHONESET_STUN_BEHAVIOUR_UNSUPPORTED,
  PHONESET_STUN_BEHAVIOUR_ENDPOINT_INDEPENDENT,
  PHONESET_STUN_BEHAVIOUR_ADDRESS_DEPENDENT,
  PHONESET_STUN_BEHAVIOUR_ADDRESS_AND_PORT_DEPENDENT,
} PhonesetStunBehaviour;

/* The classic RFC 3489 name of the NAT. */
typedef enum
{
  PHONESET_STUN_NAT_INCONCLUSIVE,
  PHONESET_STUN_NAT_OPEN,
  PHONESET_STUN_NAT_SYMMETRIC_UDP_FIREWALL,
  PHONESET_STUN_NAT_FULL_CONE,
  PHONESET_STUN_NAT_RESTRICTED_CONE,
  PHONESET_STUN_NAT_PORT_RESTRICTED_CONE,
  PHONESET_STUN_NAT_SYMMETRIC,
  PHONESET_STUN_NAT_UDP_BLOCKED,
} PhonesetStunNatType;

/* One mapping test: a binding request to one of the server's addresses. */
typedef struct
{
  gboolean answered;
  guint    sends;        /* requests sent */
  gboolean same_mapping; /* the mapped address is that of the test before */
} PhonesetStunMappingTest;

/* A decisive test, where silence is the answer (filtering, hairpinning):
 * bursts until the control bursts make a loss by chance unlikely. */
typedef struct
{
  guint    sent;
  guint    answered;
  gboolean decided;
  gboolean positive;     /* decided: an answer came */
  gboolean wrong_source; /* an answer came, but not from the address asked for */
} PhonesetStunDecision;

/* What the probes measured. */
typedef struct
{
  gboolean udp_tested;
  gboolean udp_reachable;
  gboolean stream_reachable; /* the server answered over TCP or TLS */
  int      nat_present;      /* tri: the mapped address is not the local one */

  /* Mapping (RFC 5780 4.3): only when the server named an alternate
   * address (OTHER-ADDRESS). Test II goes to the alternate IP and the
   * primary port, and is compared with the first binding; test III to
   * the alternate IP and port, compared with test II. */
  gboolean                has_alternate;
  PhonesetStunMappingTest alternate_ip;
  PhonesetStunMappingTest alternate_ip_port;

  /* Filtering (RFC 5780 4.4), from a socket of its own: its first
   * binding, then test II (CHANGE-REQUEST IP and port) and test III
   * (port only). */
  gboolean             filtering_binding_answered;
  guint                filtering_binding_sends;
  PhonesetStunDecision change_ip_port;
  PhonesetStunDecision change_port;

  /* Hairpinning: only measured behind a NAT. */
  PhonesetStunDecision hairpin;
} PhonesetStunMeasurements;

typedef struct
{
  PhonesetStunBehaviour mapping;
  PhonesetStunBehaviour filtering;
  PhonesetStunNatType   nat_type;
  int                   hairpinning; /* tri */
  guint                 lost_probes; /* unanswered probes of an undecided class */
  char                 *note;        /* (nullable): why a class is inconclusive or unsupported */
} PhonesetStunVerdict;

void        phoneset_stun_verdict_judge       (const PhonesetStunMeasurements *measured,
                                               PhonesetStunVerdict            *verdict);
void        phoneset_stun_verdict_clear       (PhonesetStunVerdict            *verdict);
const char *phoneset_stun_behaviour_to_string (PhonesetStunBehaviour           behaviour);
const char *phoneset_stun_nat_type_to_string  (PhonesetStunNatType             nat_type);
void        _phoneset_stun_verdict_apply      (PhonesetStunVerdict            *verdict,
                                               PhonesetStunResult             *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PhonesetStunVerdict, phoneset_stun_verdict_clear)

G_END_DECLS
