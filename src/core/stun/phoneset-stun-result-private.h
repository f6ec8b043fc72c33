/* phoneset-stun-result-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields of a result, filled in by PhonesetStunTest.
 */

#pragma once

#include "phoneset-profile.h"
#include "phoneset-stun-result.h"

G_BEGIN_DECLS

/* A tri-state for JSON's true / false / null (a PhonesetStunAnswer). */
#define PHONESET_TRI_UNKNOWN PHONESET_STUN_ANSWER_UNKNOWN

typedef struct
{
  gboolean tested;
  gboolean reachable;
  int      rtt_ms;
  char    *server;       /* the address actually used */
  char    *local;
  char    *mapped;       /* XOR-MAPPED-ADDRESS */
  char    *mapped_plain; /* MAPPED-ADDRESS, when sent */
  char    *error;        /* why not reachable, or a note (TLS certificate) */
  gboolean refused;      /* TCP/TLS: the connection was refused */
} PhonesetStunTransportResult;

typedef struct
{
  gboolean tested;
  gboolean allocated;
  char    *relayed;
  char    *mapped;
  int      error_code;
  char    *error;
} PhonesetStunTurnResult;

typedef struct
{
  char *setting;
  char *value;
  char *why;
} PhonesetStunRecommendation;

struct _PhonesetStunResult
{
  GObject parent_instance;

  char   *server;
  gint64  elapsed_ms;
  char   *software;
  char   *other_address;

  PhonesetStunTransportResult udp;
  PhonesetStunTransportResult tcp;
  PhonesetStunTransportResult tls;

  int   nat_present; /* tri */
  char *mapping;
  char *filtering;
  char *classic;
  int   hairpinning;     /* tri */
  int   port_preserving; /* tri */
  int   alg;             /* tri: MAPPED-ADDRESS differs from XOR-MAPPED */
  guint lost_probes;     /* decisive probes with no answer in an inconclusive class */
  char *behaviour_note;  /* why a class is inconclusive / unsupported */

  gboolean lifetime_tested;
  int      lifetime_ms;      /* -1 when not measured */
  int      lifetime_low_ms;  /* last probe that still got through */
  int      lifetime_high_ms; /* first probe that did not */
  char    *lifetime_note;

  PhonesetStunTurnResult turn_udp;
  PhonesetStunTurnResult turn_tcp;

  gboolean   ice_tested;
  GPtrArray *ice_candidates; /* of JsonObject: type, address, transport */
  char      *ice_error;

  /* Packets ignored (and counted) on the way. */
  guint ignored_malformed;
  guint ignored_truncated;
  guint ignored_oversized;
  guint ignored_spoofed;
  guint ignored_duplicate;
  guint requests_sent;
  guint responses_received;

  GPtrArray *recommendations; /* of PhonesetStunRecommendation */
};

PhonesetStunResult *_phoneset_stun_result_new               (void);
void                _phoneset_stun_result_add_recommendation (PhonesetStunResult *self,
                                                              const char         *setting,
                                                              const char         *value,
                                                              const char         *why);
void                _phoneset_stun_result_recommend          (PhonesetStunResult *self,
                                                              const char         *server_host,
                                                              guint16             server_port,
                                                              const char         *turn_user,
                                                              PhonesetProfile    *profile);

G_END_DECLS
