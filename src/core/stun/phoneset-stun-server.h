/* phoneset-stun-server.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "phoneset-profile.h"
#include "phoneset-stun-source.h"

G_BEGIN_DECLS

/* The sources the table keeps (the least recently seen goes first): the
 * snom 4S STUN server keeps 100; a site's phones behind one router fit. */
#define PHONESET_STUN_SERVER_MAX_SOURCES 1000
/* Requests a second one source may send before the rest are dropped
 * (twice as many in a burst): a phone sends one every few seconds, a NAT
 * type probe (Vovida stun, turnutils_natdiscovery) a dozen at once. */
#define PHONESET_STUN_SERVER_RATE_LIMIT 20

/**
 * PhonesetStunEventKind:
 * @PHONESET_STUN_EVENT_ANSWERED: a Binding request, answered
 * @PHONESET_STUN_EVENT_REFUSED: a request answered with an error (400, 420)
 * @PHONESET_STUN_EVENT_UNANSWERABLE: a change-IP request with no other
 *   address to answer from (RFC 3489 client: left unanswered)
 * @PHONESET_STUN_EVENT_INDICATION: a Binding indication (a keep-alive)
 * @PHONESET_STUN_EVENT_DROPPED: a packet that is no request: dropped
 * @PHONESET_STUN_EVENT_RATE_LIMITED: the first request dropped by the
 *   rate limit (the others of the same run are only counted)
 */
typedef enum
{
  PHONESET_STUN_EVENT_ANSWERED,
  PHONESET_STUN_EVENT_REFUSED,
  PHONESET_STUN_EVENT_UNANSWERABLE,
  PHONESET_STUN_EVENT_INDICATION,
  PHONESET_STUN_EVENT_DROPPED,
  PHONESET_STUN_EVENT_RATE_LIMITED,
} PhonesetStunEventKind;

typedef struct
{
  PhonesetStunEventKind kind;
  PhonesetStunSource   *source;
  const char           *from;   /* "ip:port" */
  const char           *to;     /* the server address it came to */
  const char           *origin; /* where the answer left from; NULL when none */
  gboolean              classic;
  guint                 change_flags;
  int                   error_code; /* of a refusal, else 0 */
  const char           *reason;     /* why it was refused, dropped, unanswered */
  gsize                 size;
  gint64                time;       /* wall clock, µs */
} PhonesetStunEvent;

#define PHONESET_TYPE_STUN_SERVER (phoneset_stun_server_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetStunServer, phoneset_stun_server, PHONESET, STUN_SERVER, GObject)

PhonesetStunServer *phoneset_stun_server_new                    (void);
gboolean            phoneset_stun_server_start                  (PhonesetStunServer *self,
                                                                 const char         *address,
                                                                 guint16             port,
                                                                 const char         *alt_address,
                                                                 guint16             alt_port,
                                                                 GError            **error);
void                phoneset_stun_server_stop                   (PhonesetStunServer *self);
gboolean            phoneset_stun_server_is_running             (PhonesetStunServer *self);
const char         *phoneset_stun_server_get_address            (PhonesetStunServer *self);
const char         *phoneset_stun_server_get_alt_address        (PhonesetStunServer *self);
guint16             phoneset_stun_server_get_port               (PhonesetStunServer *self);
guint16             phoneset_stun_server_get_alt_port           (PhonesetStunServer *self);
void                phoneset_stun_server_set_max_sources        (PhonesetStunServer *self,
                                                                 guint               max_sources);
void                phoneset_stun_server_set_rate_limit         (PhonesetStunServer *self,
                                                                 guint               per_second);
void                phoneset_stun_server_set_binding_lifetime   (PhonesetStunServer *self,
                                                                 int                 lifetime_ms);
void                phoneset_stun_server_set_known_phones       (PhonesetStunServer *self,
                                                                 GListModel         *phones);
void                phoneset_stun_server_set_profiles           (PhonesetStunServer *self,
                                                                 GPtrArray          *profiles);
GListModel         *phoneset_stun_server_get_sources            (PhonesetStunServer *self);
PhonesetStunSource *phoneset_stun_server_lookup                 (PhonesetStunServer *self,
                                                                 const char         *address);
PhonesetStunSource *phoneset_stun_server_find_host              (PhonesetStunServer *self,
                                                                 const char         *host);
guint64             phoneset_stun_server_get_n_received         (PhonesetStunServer *self);
void                phoneset_stun_server_clear                  (PhonesetStunServer *self);
void                phoneset_stun_server_flush                  (PhonesetStunServer *self);
JsonNode           *phoneset_stun_server_to_json                (PhonesetStunServer *self);
char               *phoneset_stun_event_to_text                 (const PhonesetStunEvent *event);

GStrv               phoneset_stun_server_settings_for_phone     (PhonesetProfile    *profile,
                                                                 const char         *address,
                                                                 guint16             port);

G_END_DECLS
