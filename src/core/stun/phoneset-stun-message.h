/* phoneset-stun-message.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <stun/stunagent.h>
#include <sys/socket.h>

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

/* The largest request the server (`phoneset stun-server`) answers: a
 * binding request is 20 to 60 bytes; 1600 still allows a client's RFC 5780
 * PADDING of 1500 bytes (turnutils_stunclient's third request,
 * turnutils_natdiscovery -P: 1532 bytes). */
#define PHONESET_STUN_MAX_REQUEST 1600

/* The largest answer the server builds: well under 200 bytes. */
#define PHONESET_STUN_MAX_ANSWER 512

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

/**
 * PhonesetStunRequestKind:
 * @PHONESET_STUN_REQUEST_BINDING: a Binding request, to be answered
 * @PHONESET_STUN_REQUEST_INDICATION: a Binding indication (a keep-alive):
 *   counted, never answered
 * @PHONESET_STUN_REQUEST_UNKNOWN_ATTRIBUTES: a request with an attribute the
 *   server must understand and does not: answered 420
 * @PHONESET_STUN_REQUEST_BAD: a request the server can only answer 400
 *   (another method, a malformed CHANGE-REQUEST)
 * @PHONESET_STUN_REQUEST_INVALID: not a request to answer at all (not STUN,
 *   cut short, too long, a wrong FINGERPRINT, a response): dropped
 *
 * What the server makes of a received packet.
 */
typedef enum
{
  PHONESET_STUN_REQUEST_BINDING,
  PHONESET_STUN_REQUEST_INDICATION,
  PHONESET_STUN_REQUEST_UNKNOWN_ATTRIBUTES,
  PHONESET_STUN_REQUEST_BAD,
  PHONESET_STUN_REQUEST_INVALID,
} PhonesetStunRequestKind;

/* The server's libnice agents: requests with the magic cookie (RFC 5389)
 * are checked by "lenient" (FINGERPRINT optional) and, when they carry a
 * FINGERPRINT, by "modern", which also signs the answers; requests
 * without it (RFC 3489) by "classic". */
typedef struct
{
  StunAgent modern;
  StunAgent lenient;
  StunAgent classic;
} PhonesetStunServerAgents;

typedef struct
{
  PhonesetStunRequestKind kind;
  gboolean                classic;      /* RFC 3489: no magic cookie */
  guint16                 method;
  guint                   change_flags; /* PHONESET_STUN_CHANGE_IP | _PORT */
  gboolean                padding;      /* RFC 5780 PADDING */
  guint16                 response_port; /* RFC 5780 RESPONSE-PORT, 0 for none */
  StunMessage             message;      /* valid while the received bytes are */
} PhonesetStunRequest;

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

void               phoneset_stun_server_agents_init     (PhonesetStunServerAgents      *agents);
PhonesetStunRequestKind
                   phoneset_stun_request_parse          (PhonesetStunServerAgents      *agents,
                                                         const guint8                  *data,
                                                         gsize                          len,
                                                         PhonesetStunRequest           *request,
                                                         GError                       **error);
gsize              phoneset_stun_build_binding_response (PhonesetStunServerAgents      *agents,
                                                         PhonesetStunRequest           *request,
                                                         const struct sockaddr_storage *mapped,
                                                         const struct sockaddr_storage *origin,
                                                         const struct sockaddr_storage *other,
                                                         guint8                        *buffer,
                                                         gsize                          buffer_len);
gsize              phoneset_stun_build_error_response   (PhonesetStunServerAgents      *agents,
                                                         PhonesetStunRequest           *request,
                                                         int                            code,
                                                         guint8                        *buffer,
                                                         gsize                          buffer_len);

G_END_DECLS
