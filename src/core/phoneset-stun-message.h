/* phoneset-stun-message.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <stun/stunagent.h>

G_BEGIN_DECLS

/* RFC 5780 attributes that libnice 0.1.21 does not name: read by type. */
#define PHONESET_STUN_ATTR_CHANGE_REQUEST  0x0003
#define PHONESET_STUN_ATTR_RESPONSE_PORT   0x0027
#define PHONESET_STUN_ATTR_RESPONSE_ORIGIN 0x802B
#define PHONESET_STUN_ATTR_OTHER_ADDRESS   0x802C

#define PHONESET_STUN_CHANGE_IP   0x4
#define PHONESET_STUN_CHANGE_PORT 0x2

/* The largest datagram or stream message accepted as a response. A binding
 * or allocate response is well under 200 bytes; 1500 still allows a
 * server's PADDING up to a full Ethernet frame. */
#define PHONESET_STUN_MAX_RESPONSE 1500

/**
 * PhonesetStunPacket:
 * What became of one received packet.
 */
typedef enum
{
  PHONESET_STUN_PACKET_OK,
  PHONESET_STUN_PACKET_MALFORMED,
  PHONESET_STUN_PACKET_TRUNCATED,
  PHONESET_STUN_PACKET_OVERSIZED,
  PHONESET_STUN_PACKET_SPOOFED,
} PhonesetStunPacket;

typedef struct
{
  gboolean        is_error;      /* error response class */
  gboolean        is_request;    /* a request (hairpin probe), not a response */
  guint16         method;
  StunTransactionId id;
  int             error_code;    /* 0 when none */
  char           *error_reason;  /* the server's reason phrase, or NULL */
  GSocketAddress *xor_mapped;
  GSocketAddress *mapped;
  GSocketAddress *other;         /* OTHER-ADDRESS or (RFC 3489) CHANGED-ADDRESS */
  GSocketAddress *origin;        /* RESPONSE-ORIGIN or (RFC 3489) SOURCE-ADDRESS */
  GSocketAddress *relayed;       /* TURN XOR-RELAYED-ADDRESS */
  guint32         lifetime;      /* TURN LIFETIME */
  char           *software;
} PhonesetStunResponse;

void               phoneset_stun_response_clear  (PhonesetStunResponse *response);

void               phoneset_stun_agent_init      (StunAgent            *agent,
                                                  gboolean              long_term);
gsize              phoneset_stun_build_binding   (StunAgent            *agent,
                                                  guint8               *buffer,
                                                  gsize                 buffer_len,
                                                  guint                 change_flags,
                                                  guint16               response_port,
                                                  StunTransactionId     id);
PhonesetStunPacket phoneset_stun_parse           (StunAgent            *agent,
                                                  const guint8         *data,
                                                  gsize                 len,
                                                  PhonesetStunResponse *response,
                                                  GError              **error);
gboolean           phoneset_stun_peek_id         (const guint8         *data,
                                                  gsize                 len,
                                                  StunTransactionId     id);
char              *phoneset_stun_address_to_string (GSocketAddress     *address);
gboolean           phoneset_stun_address_equal   (GSocketAddress       *a,
                                                  GSocketAddress       *b);
GSocketAddress    *phoneset_stun_response_get_mapped (PhonesetStunResponse *response);
const char        *phoneset_stun_error_explain   (int                   code);

G_END_DECLS
