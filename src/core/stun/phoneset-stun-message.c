/* phoneset-stun-message.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * STUN messages on top of libnice's stun library: StunAgent builds requests
 * (transaction ids, FINGERPRINT, MESSAGE-INTEGRITY) and validates responses
 * (length, FINGERPRINT, transaction matching, integrity). The RFC 5780
 * attributes libnice 0.1.21 has no name for (OTHER-ADDRESS 0x802C,
 * RESPONSE-ORIGIN 0x802B, RESPONSE-PORT 0x0027) are appended and found by
 * their raw type with libnice's own stun_message_append32 and
 * stun_message_find_addr: they have the MAPPED-ADDRESS layout, so no
 * attribute is encoded or decoded by hand here.
 *
 * The same library serves the other side, `phoneset stun-server`: its
 * agents check a received request (length, magic cookie, FINGERPRINT,
 * attributes it must understand) and build the answer (XOR-MAPPED-ADDRESS,
 * MAPPED-ADDRESS, RESPONSE-ORIGIN, OTHER-ADDRESS or, for RFC 3489 clients,
 * SOURCE-ADDRESS and CHANGED-ADDRESS, SOFTWARE, FINGERPRINT) or the error.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <sys/socket.h>

#include "phoneset-error.h"
#include "phoneset-stun-message.h"

/* Comprehension-required attributes we understand in responses. */
static const uint16_t known_attributes[] = { STUN_ATTRIBUTE_MAPPED_ADDRESS,
                                             STUN_ATTRIBUTE_CHANGE_REQUEST,
                                             STUN_ATTRIBUTE_SOURCE_ADDRESS,
                                             STUN_ATTRIBUTE_CHANGED_ADDRESS,
                                             STUN_ATTRIBUTE_USERNAME,
                                             STUN_ATTRIBUTE_MESSAGE_INTEGRITY,
                                             STUN_ATTRIBUTE_ERROR_CODE,
                                             STUN_ATTRIBUTE_UNKNOWN_ATTRIBUTES,
                                             STUN_ATTRIBUTE_LIFETIME,
                                             STUN_ATTRIBUTE_XOR_PEER_ADDRESS,
                                             STUN_ATTRIBUTE_DATA,
                                             STUN_ATTRIBUTE_REALM,
                                             STUN_ATTRIBUTE_NONCE,
                                             STUN_ATTRIBUTE_XOR_RELAYED_ADDRESS,
                                             STUN_ATTRIBUTE_EVEN_PORT,
                                             STUN_ATTRIBUTE_REQUESTED_TRANSPORT,
                                             STUN_ATTRIBUTE_DONT_FRAGMENT,
                                             STUN_ATTRIBUTE_XOR_MAPPED_ADDRESS,
                                             STUN_ATTRIBUTE_RESERVATION_TOKEN,
                                             PHONESET_STUN_ATTR_RESPONSE_PORT,
                                             0x0026, /* PADDING (RFC 5780) */
                                             0 };

/* Comprehension-required attributes the server understands in a Binding
 * request. Anything else below 0x8000 (RFC 3489's RESPONSE-ADDRESS, which
 * would let a client aim answers at a third party) is answered 420
 * Unknown Attribute. RESPONSE-PORT (RFC 5780) only moves the answer to
 * another port of the same address. */
static const uint16_t request_attributes[] = { STUN_ATTRIBUTE_CHANGE_REQUEST,
                                               STUN_ATTRIBUTE_USERNAME,
                                               STUN_ATTRIBUTE_MESSAGE_INTEGRITY,
                                               PHONESET_STUN_ATTR_RESPONSE_PORT,
                                               0x0026, /* PADDING (RFC 5780) */
                                               0 };

static const char     software[] = "Phoneset " PACKAGE_VERSION;

void
phoneset_stun_response_clear (PhonesetStunResponse *response)
{
  g_return_if_fail (response != NULL);

  g_clear_object (&response->xor_mapped);
  g_clear_object (&response->mapped);
  g_clear_object (&response->other);
  g_clear_object (&response->origin);
  g_clear_object (&response->relayed);
  g_clear_pointer (&response->error_reason, g_free);
  g_clear_pointer (&response->software, g_free);
  memset (response, 0, sizeof *response);
}

/**
 * phoneset_stun_agent_init:
 * @agent: the agent to set up
 * @long_term: %TRUE for TURN (long-term credentials)
 *
 * An RFC 5389/8489 agent that adds FINGERPRINT and SOFTWARE to what it sends.
 */
void
phoneset_stun_agent_init (StunAgent *agent,
                          gboolean   long_term)
{
  g_return_if_fail (agent != NULL);

  stun_agent_init (
    agent, known_attributes, STUN_COMPATIBILITY_RFC5389,
    STUN_AGENT_USAGE_USE_FINGERPRINT |
      (long_term ? STUN_AGENT_USAGE_LONG_TERM_CREDENTIALS : STUN_AGENT_USAGE_IGNORE_CREDENTIALS));
  stun_agent_set_software (agent, software);
}

/**
 * phoneset_stun_build_binding:
 * @agent: the agent (remembers the transaction for validation)
 * @buffer: where to write
 * @buffer_len: its size
 * @change_flags: RFC 5780 CHANGE-REQUEST flags, 0 for none
 * @response_port: RFC 5780 RESPONSE-PORT, 0 for none
 * @id: (out): the transaction id
 *
 * Returns: the message length, 0 on failure
 */
gsize
phoneset_stun_build_binding (StunAgent         *agent,
                             guint8            *buffer,
                             gsize              buffer_len,
                             guint              change_flags,
                             guint16            response_port,
                             StunTransactionId  id)
{
  StunMessage msg;

  g_return_val_if_fail (agent != NULL, 0);
  g_return_val_if_fail (buffer != NULL, 0);

  if (!stun_agent_init_request (agent, &msg, buffer, buffer_len, STUN_BINDING))
    return 0;
  if (change_flags != 0 && stun_message_append32 (&msg, STUN_ATTRIBUTE_CHANGE_REQUEST,
                                                  change_flags) != STUN_MESSAGE_RETURN_SUCCESS)
    return 0;
  /* RESPONSE-PORT is a 16-bit port followed by 16 bits of padding: the
   * same 32-bit layout append32 writes (in network order). */
  if (response_port != 0 &&
      stun_message_append32 (&msg, PHONESET_STUN_ATTR_RESPONSE_PORT,
                             ((guint32)response_port) << 16) != STUN_MESSAGE_RETURN_SUCCESS)
    return 0;
  stun_message_id (&msg, id);
  return stun_agent_finish_message (agent, &msg, NULL, 0);
}

/**
 * phoneset_stun_peek_id:
 * @data: a received packet
 * @len: its length
 * @id: (out): its transaction id
 *
 * Reads the transaction id of something that is at least a whole STUN
 * header, without validating the rest; used to tell a duplicate answer to
 * a retransmitted request from a forged one before libnice's agent (which
 * forgets a transaction once answered) sees it.
 *
 * Returns: %TRUE if @data is long enough to have one
 */
gboolean
phoneset_stun_peek_id (const guint8      *data,
                       gsize              len,
                       StunTransactionId  id)
{
  if (data == NULL || len < STUN_MESSAGE_HEADER_LENGTH)
    return FALSE;
  memcpy (id, data + STUN_MESSAGE_TRANS_ID_POS, STUN_MESSAGE_TRANS_ID_LEN);
  return TRUE;
}

static GSocketAddress *
find_address (StunMessage   *msg,
              StunAttribute  type,
              gboolean       xored)
{
  struct sockaddr_storage storage;
  socklen_t               addrlen = sizeof storage;
  StunMessageReturn       ret;

  memset (&storage, 0, sizeof storage);
  if (xored)
    ret = stun_message_find_xor_addr (msg, type, &storage, &addrlen);
  else
    ret = stun_message_find_addr (msg, type, &storage, &addrlen);
  if (ret != STUN_MESSAGE_RETURN_SUCCESS)
    return NULL;
  return g_socket_address_new_from_native (&storage, addrlen);
}

/* Validates @data with @agent into @msg: PHONESET_STUN_PACKET_OK, or why
 * the packet is to be ignored. */
static PhonesetStunPacket
validate_response (StunAgent     *agent,
                   StunMessage   *msg,
                   const guint8  *data,
                   gsize          len,
                   GError       **error)
{
  StunValidationStatus status;

  status = stun_agent_validate (agent, msg, data, len, NULL, NULL);
  if (status == STUN_VALIDATION_BAD_REQUEST &&
      (agent->usage_flags & STUN_AGENT_USAGE_USE_FINGERPRINT) &&
      !stun_message_has_attribute (msg, STUN_ATTRIBUTE_FINGERPRINT))
    {
      /* FINGERPRINT is optional (RFC 8489 14.7), but an agent that adds it
       * also demands it. coturn 4.6.1 leaves it out of the answers it sends
       * from its alternate address, so validate once more without that
       * demand; a FINGERPRINT that is present is still checked. */
      agent->usage_flags &= ~STUN_AGENT_USAGE_USE_FINGERPRINT;
      status = stun_agent_validate (agent, msg, data, len, NULL, NULL);
      agent->usage_flags |= STUN_AGENT_USAGE_USE_FINGERPRINT;
    }
  switch (status)
    {
    case STUN_VALIDATION_SUCCESS:
    case STUN_VALIDATION_UNKNOWN_ATTRIBUTE:
    case STUN_VALIDATION_UNKNOWN_REQUEST_ATTRIBUTE:
      return PHONESET_STUN_PACKET_OK;
    case STUN_VALIDATION_UNAUTHORIZED:
    case STUN_VALIDATION_UNAUTHORIZED_BAD_REQUEST:
      /* An error response carries no MESSAGE-INTEGRITY when the server did
       * not accept our credentials: still worth reading its ERROR-CODE. */
      if (stun_message_get_class (msg) == STUN_ERROR)
        return PHONESET_STUN_PACKET_OK;
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_AUTH,
                   _("The STUN message failed its integrity check."));
      return PHONESET_STUN_PACKET_SPOOFED;
    case STUN_VALIDATION_UNMATCHED_RESPONSE:
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The STUN response answers no request of ours."));
      return PHONESET_STUN_PACKET_SPOOFED;
    case STUN_VALIDATION_INCOMPLETE_STUN:
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The STUN message is cut short."));
      return PHONESET_STUN_PACKET_TRUNCATED;
    case STUN_VALIDATION_NOT_STUN:
    case STUN_VALIDATION_BAD_REQUEST:
    case STUN_VALIDATION_FORBIDDEN:
    default:
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The STUN message is malformed."));
      return PHONESET_STUN_PACKET_MALFORMED;
    }
}

/* An error response's ERROR-CODE, and its reason phrase if it is text. */
static gboolean
read_error_code (StunMessage           *msg,
                 PhonesetStunResponse  *response,
                 GError               **error)
{
  int           code = 0;
  guint16       reason_len = 0;
  const guint8 *reason;

  if (stun_message_find_error (msg, &code) != STUN_MESSAGE_RETURN_SUCCESS)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The STUN error response has no error code."));
      return FALSE;
    }
  response->error_code = code;
  /* The reason phrase follows the 4 bytes of class and number. */
  reason = stun_message_find (msg, STUN_ATTRIBUTE_ERROR_CODE, &reason_len);
  if (reason != NULL && reason_len > 4)
    {
      g_autofree char *phrase = g_strndup ((const char *)reason + 4, reason_len - 4);
      if (g_utf8_validate (phrase, -1, NULL))
        response->error_reason = g_steal_pointer (&phrase);
    }
  return TRUE;
}

/* The addresses, LIFETIME and SOFTWARE of a valid response. */
static void
read_response_attributes (StunMessage          *msg,
                          PhonesetStunResponse *response)
{
  char buf[129];

  response->xor_mapped = find_address (msg, STUN_ATTRIBUTE_XOR_MAPPED_ADDRESS, TRUE);
  response->mapped = find_address (msg, STUN_ATTRIBUTE_MAPPED_ADDRESS, FALSE);
  response->other = find_address (msg, PHONESET_STUN_ATTR_OTHER_ADDRESS, FALSE);
  if (response->other == NULL)
    response->other = find_address (msg, STUN_ATTRIBUTE_CHANGED_ADDRESS, FALSE);
  response->origin = find_address (msg, PHONESET_STUN_ATTR_RESPONSE_ORIGIN, FALSE);
  if (response->origin == NULL)
    response->origin = find_address (msg, STUN_ATTRIBUTE_SOURCE_ADDRESS, FALSE);
  response->relayed = find_address (msg, STUN_ATTRIBUTE_XOR_RELAYED_ADDRESS, TRUE);
  if (stun_message_find32 (msg, STUN_ATTRIBUTE_LIFETIME, &response->lifetime) !=
      STUN_MESSAGE_RETURN_SUCCESS)
    response->lifetime = 0;
  if (stun_message_find_string (msg, STUN_ATTRIBUTE_SOFTWARE, buf, sizeof buf) ==
        STUN_MESSAGE_RETURN_SUCCESS &&
      g_utf8_validate (buf, -1, NULL))
    response->software = g_strdup (buf);
}

/**
 * phoneset_stun_parse:
 * @agent: the agent that sent the request
 * @data: the received bytes
 * @len: how many
 * @response: (out caller-allocates): what the response says
 * @error: why the packet was rejected
 *
 * Validates a received STUN packet with @agent and reads the attributes
 * the self-test needs. A request (an incoming hairpin probe) is accepted
 * too; the caller matches its transaction id.
 *
 * Returns: %PHONESET_STUN_PACKET_OK, or why the packet is to be ignored
 */
PhonesetStunPacket
phoneset_stun_parse (StunAgent             *agent,
                     const guint8          *data,
                     gsize                  len,
                     PhonesetStunResponse  *response,
                     GError               **error)
{
  StunMessage        msg;
  PhonesetStunPacket verdict;
  int                needed;
  StunClass          klass;

  g_return_val_if_fail (agent != NULL, PHONESET_STUN_PACKET_MALFORMED);
  g_return_val_if_fail (response != NULL, PHONESET_STUN_PACKET_MALFORMED);

  memset (response, 0, sizeof *response);

  if (len > PHONESET_STUN_MAX_RESPONSE)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The STUN message is too long (%zu bytes)."), (size_t)len);
      return PHONESET_STUN_PACKET_OVERSIZED;
    }

  needed = stun_message_validate_buffer_length (data, len, TRUE);
  if (needed == STUN_MESSAGE_BUFFER_INCOMPLETE || needed > (int)len)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The STUN message is cut short."));
      return PHONESET_STUN_PACKET_TRUNCATED;
    }
  if (needed < 0 || needed != (int)len)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The packet is not a STUN message."));
      return PHONESET_STUN_PACKET_MALFORMED;
    }

  verdict = validate_response (agent, &msg, data, len, error);
  if (verdict != PHONESET_STUN_PACKET_OK)
    return verdict;

  klass = stun_message_get_class (&msg);
  if (klass == STUN_INDICATION)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The STUN message is an indication, not a response."));
      return PHONESET_STUN_PACKET_MALFORMED;
    }

  response->is_request = (klass == STUN_REQUEST);
  response->is_error = (klass == STUN_ERROR);
  response->method = stun_message_get_method (&msg);
  stun_message_id (&msg, response->id);

  if (response->is_error && !read_error_code (&msg, response, error))
    return PHONESET_STUN_PACKET_MALFORMED;
  read_response_attributes (&msg, response);
  return PHONESET_STUN_PACKET_OK;
}

/**
 * phoneset_stun_address_to_string:
 * @address: (nullable): an inet socket address
 *
 * Returns: (transfer full) (nullable): "ip:port" or "[ip]:port"
 */
char *
phoneset_stun_address_to_string (GSocketAddress *address)
{
  GInetAddress    *inet;
  g_autofree char *ip = NULL;
  guint16          port;

  if (address == NULL || !G_IS_INET_SOCKET_ADDRESS (address))
    return NULL;
  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
  ip = g_inet_address_to_string (inet);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("[%s]:%u", ip, port);
  return g_strdup_printf ("%s:%u", ip, port);
}

/**
 * phoneset_stun_address_equal:
 * @a: (nullable): an inet socket address
 * @b: (nullable): another
 *
 * Returns: %TRUE if both are given and have the same IP and port
 */
gboolean
phoneset_stun_address_equal (GSocketAddress *a,
                             GSocketAddress *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  return g_inet_address_equal (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (a)),
                               g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (b))) &&
         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (a)) ==
           g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (b));
}

/**
 * phoneset_stun_response_get_mapped:
 * @response: a parsed response
 *
 * Returns: (transfer none) (nullable): its XOR-MAPPED-ADDRESS, else its
 *   MAPPED-ADDRESS
 */
GSocketAddress *
phoneset_stun_response_get_mapped (PhonesetStunResponse *response)
{
  return response->xor_mapped != NULL ? response->xor_mapped : response->mapped;
}

/**
 * phoneset_stun_error_explain:
 * @code: a STUN / TURN error code
 *
 * Returns: what the code means for the installer, in plain words
 */
const char *
phoneset_stun_error_explain (int code)
{
  switch (code)
    {
    case 300:
      return _("The server sends you to another server (Try Alternate).");
    case 400:
      return _("The server did not understand the request (Bad Request).");
    case 401:
      return _("Wrong TURN user name or password, or this user is not known in the server’s realm.");
    case 403:
      return _("The server refuses this request (Forbidden): the user may not relay, or not from here.");
    case 420:
      return _("The server does not understand an attribute of the request.");
    case 437:
      return _("An allocation from this address and port already exists (Allocation Mismatch); wait a few minutes or use another port.");
    case 438:
      return _("The server’s nonce expired (Stale Nonce); trying again normally fixes it.");
    case 440:
      return _("The server does not support the requested address family.");
    case 441:
      return _("The user name differs from the one that made the allocation (Wrong Credentials).");
    case 442:
      return _("The server does not relay this transport (Unsupported Transport Protocol).");
    case 486:
      return _("This user has too many allocations on the server (Allocation Quota Reached).");
    case 500:
      return _("The server had an internal error; try again later.");
    case 508:
      return _("The server has no relay ports left (Insufficient Capacity).");
    default:
      return _("The server refused the request.");
    }
}

/**
 * phoneset_stun_server_agents_init:
 * @agents: the agents to set up
 *
 * The server's agents: credentials are ignored (a plain STUN server), the
 * answers to RFC 5389 requests carry SOFTWARE and FINGERPRINT.
 */
void
phoneset_stun_server_agents_init (PhonesetStunServerAgents *agents)
{
  g_return_if_fail (agents != NULL);

  stun_agent_init (&agents->modern, request_attributes, STUN_COMPATIBILITY_RFC5389,
                   STUN_AGENT_USAGE_IGNORE_CREDENTIALS | STUN_AGENT_USAGE_USE_FINGERPRINT);
  stun_agent_set_software (&agents->modern, software);
  stun_agent_init (&agents->lenient, request_attributes, STUN_COMPATIBILITY_RFC5389,
                   STUN_AGENT_USAGE_IGNORE_CREDENTIALS);
  stun_agent_init (&agents->classic, request_attributes, STUN_COMPATIBILITY_RFC3489,
                   STUN_AGENT_USAGE_IGNORE_CREDENTIALS);
}

static PhonesetStunRequestKind
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, message);
  return PHONESET_STUN_REQUEST_INVALID;
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  invalid (error, message);
  return FALSE;
}

/* Validates @data into @request's message with the agent its magic cookie
 * calls for (none: an RFC 3489 client); @status is what that agent says. */
static gboolean
validate_request (PhonesetStunServerAgents  *agents,
                  const guint8              *data,
                  gsize                      len,
                  PhonesetStunRequest       *request,
                  StunValidationStatus      *status,
                  GError                   **error)
{
  StunAgent *agent;
  guint32    cookie;

  memcpy (&cookie, data + STUN_MESSAGE_TRANS_ID_POS, sizeof cookie);
  request->classic = g_ntohl (cookie) != STUN_MAGIC_COOKIE;
  agent = request->classic ? &agents->classic : &agents->lenient;
  *status = stun_agent_validate (agent, &request->message, data, len, NULL, NULL);
  if (*status == STUN_VALIDATION_SUCCESS || *status == STUN_VALIDATION_UNKNOWN_REQUEST_ATTRIBUTE ||
      *status == STUN_VALIDATION_UNKNOWN_ATTRIBUTE)
    {
      /* A FINGERPRINT is optional in a request, but one that is there must
       * be right: the modern agent checks it. */
      if (!request->classic &&
          stun_message_has_attribute (&request->message, STUN_ATTRIBUTE_FINGERPRINT))
        {
          StunMessage          check;
          StunValidationStatus checked =
            stun_agent_validate (&agents->modern, &check, data, len, NULL, NULL);

          if (checked == STUN_VALIDATION_BAD_REQUEST || checked == STUN_VALIDATION_NOT_STUN)
            return refuse (error, _("The request’s FINGERPRINT does not match its contents."));
        }
    }

  switch (*status)
    {
    case STUN_VALIDATION_SUCCESS:
    case STUN_VALIDATION_UNKNOWN_REQUEST_ATTRIBUTE:
    case STUN_VALIDATION_UNKNOWN_ATTRIBUTE:
      return TRUE;
    case STUN_VALIDATION_UNMATCHED_RESPONSE:
      return refuse (error, _("The packet is a STUN response, not a request."));
    case STUN_VALIDATION_INCOMPLETE_STUN:
      return refuse (error, _("The STUN message is cut short."));
    case STUN_VALIDATION_NOT_STUN:
    case STUN_VALIDATION_BAD_REQUEST:
    case STUN_VALIDATION_UNAUTHORIZED:
    case STUN_VALIDATION_UNAUTHORIZED_BAD_REQUEST:
    case STUN_VALIDATION_FORBIDDEN:
    default:
      return refuse (error, _("The STUN message is malformed."));
    }
}

/* A Binding request's CHANGE-REQUEST, PADDING and RESPONSE-PORT: a request
 * to answer, or a bad one (answered 400). */
static PhonesetStunRequestKind
read_binding_attributes (PhonesetStunRequest  *request,
                         GError              **error)
{
  const guint8 *change;
  guint16       change_len = 0;

  change = stun_message_find (&request->message, STUN_ATTRIBUTE_CHANGE_REQUEST, &change_len);
  if (change != NULL)
    {
      guint32 flags;

      if (change_len != 4)
        {
          g_set_error_literal (
            error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
            _("The request’s CHANGE-REQUEST is not 4 bytes long (answered 400)."));
          request->kind = PHONESET_STUN_REQUEST_BAD;
          return request->kind;
        }
      memcpy (&flags, change, sizeof flags);
      request->change_flags =
        g_ntohl (flags) & (PHONESET_STUN_CHANGE_IP | PHONESET_STUN_CHANGE_PORT);
    }
  request->padding = stun_message_has_attribute (&request->message, 0x0026);
  change = stun_message_find (&request->message, PHONESET_STUN_ATTR_RESPONSE_PORT, &change_len);
  if (change != NULL)
    {
      guint16 port = 0;

      if (change_len == 4)
        memcpy (&port, change, sizeof port);
      request->response_port = g_ntohs (port);
      if (request->response_port == 0 || request->padding)
        {
          g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                               _("The request’s RESPONSE-PORT is malformed, 0, or comes with PADDING (answered 400)."));
          request->kind = PHONESET_STUN_REQUEST_BAD;
          return request->kind;
        }
    }
  request->kind = PHONESET_STUN_REQUEST_BINDING;
  return request->kind;
}

/**
 * phoneset_stun_request_parse:
 * @agents: the server's agents
 * @data: a received datagram
 * @len: its length
 * @request: (out caller-allocates): what it asks; its message points into @data
 * @error: why it is not a request to answer, or what is wrong with it
 *
 * Checks a packet a client sent to the server with libnice's agents: its
 * length (at most %PHONESET_STUN_MAX_REQUEST), the STUN header, the magic
 * cookie (absent: an RFC 3489 client), a FINGERPRINT if there is one, the
 * class and method, the attributes it must understand, and CHANGE-REQUEST.
 *
 * Returns: what to do with it; @error is set for every kind but
 *   %PHONESET_STUN_REQUEST_BINDING and %PHONESET_STUN_REQUEST_INDICATION
 */
PhonesetStunRequestKind
phoneset_stun_request_parse (PhonesetStunServerAgents  *agents,
                             const guint8              *data,
                             gsize                      len,
                             PhonesetStunRequest       *request,
                             GError                   **error)
{
  StunValidationStatus status;
  StunClass            klass;
  int                  needed;

  g_return_val_if_fail (agents != NULL, PHONESET_STUN_REQUEST_INVALID);
  g_return_val_if_fail (request != NULL, PHONESET_STUN_REQUEST_INVALID);

  memset (request, 0, sizeof *request);
  request->kind = PHONESET_STUN_REQUEST_INVALID;

  if (data == NULL || len < STUN_MESSAGE_HEADER_LENGTH)
    return invalid (error, _("The packet is too short for a STUN message."));
  if (len > PHONESET_STUN_MAX_REQUEST)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The request is too long (%zu bytes, at most %d are answered)."), (size_t)len,
                      PHONESET_STUN_MAX_REQUEST);
      return PHONESET_STUN_REQUEST_INVALID;
    }
  needed = stun_message_validate_buffer_length (data, len, TRUE);
  if (needed == STUN_MESSAGE_BUFFER_INCOMPLETE || needed > (int)len)
    return invalid (error, _("The STUN message is cut short."));
  if (needed < 0 || needed != (int)len)
    return invalid (error, _("The packet is not a STUN message."));

  if (!validate_request (agents, data, len, request, &status, error))
    return PHONESET_STUN_REQUEST_INVALID;

  klass = stun_message_get_class (&request->message);
  request->method = stun_message_get_method (&request->message);
  if (klass == STUN_INDICATION)
    {
      if (request->method != STUN_BINDING)
        return invalid (error, _("The STUN indication is not a Binding indication."));
      request->kind = PHONESET_STUN_REQUEST_INDICATION;
      return request->kind;
    }
  if (klass != STUN_REQUEST)
    return invalid (error, _("The packet is a STUN response, not a request."));

  if (status == STUN_VALIDATION_UNKNOWN_REQUEST_ATTRIBUTE)
    {
      g_set_error_literal (
        error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
        _("The request has an attribute this server does not understand (answered 420)."));
      request->kind = PHONESET_STUN_REQUEST_UNKNOWN_ATTRIBUTES;
      return request->kind;
    }
  if (request->method != STUN_BINDING)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("The request is for method 0x%03x; this server answers Binding requests only (answered 400)."),
                      request->method);
      request->kind = PHONESET_STUN_REQUEST_BAD;
      return request->kind;
    }
  return read_binding_attributes (request, error);
}

static socklen_t
native_length (const struct sockaddr_storage *address)
{
  return address->ss_family == AF_INET6 ? sizeof (struct sockaddr_in6)
                                        : sizeof (struct sockaddr_in);
}

/**
 * phoneset_stun_build_binding_response:
 * @agents: the server's agents
 * @request: a request parsed as %PHONESET_STUN_REQUEST_BINDING
 * @mapped: where it came from
 * @origin: where the answer leaves from
 * @other: (nullable): RFC 5780 OTHER-ADDRESS (RFC 3489 CHANGED-ADDRESS),
 *   %NULL for none
 * @buffer: where to write
 * @buffer_len: its size
 *
 * An RFC 5389 client gets XOR-MAPPED-ADDRESS, MAPPED-ADDRESS (the two
 * differ only behind an ALG that rewrites addresses), RESPONSE-ORIGIN,
 * OTHER-ADDRESS, SOFTWARE and FINGERPRINT; an RFC 3489 client
 * MAPPED-ADDRESS, SOURCE-ADDRESS and CHANGED-ADDRESS, the attributes it
 * knows.
 *
 * Returns: the answer's length, 0 when it does not fit
 */
gsize
phoneset_stun_build_binding_response (PhonesetStunServerAgents      *agents,
                                      PhonesetStunRequest           *request,
                                      const struct sockaddr_storage *mapped,
                                      const struct sockaddr_storage *origin,
                                      const struct sockaddr_storage *other,
                                      guint8                        *buffer,
                                      gsize                          buffer_len)
{
  StunAgent  *agent;
  StunMessage msg;

  g_return_val_if_fail (agents != NULL && request != NULL && mapped != NULL && origin != NULL, 0);
  g_return_val_if_fail (request->kind == PHONESET_STUN_REQUEST_BINDING, 0);

  agent = request->classic ? &agents->classic : &agents->modern;
  if (!stun_agent_init_response (agent, &msg, buffer, buffer_len, &request->message))
    return 0;
  if (!request->classic &&
      stun_message_append_xor_addr (&msg, STUN_ATTRIBUTE_XOR_MAPPED_ADDRESS, mapped,
                                    native_length (mapped)) != STUN_MESSAGE_RETURN_SUCCESS)
    return 0;
  if (stun_message_append_addr (&msg, STUN_ATTRIBUTE_MAPPED_ADDRESS,
                                (const struct sockaddr *)mapped,
                                native_length (mapped)) != STUN_MESSAGE_RETURN_SUCCESS)
    return 0;
  if (stun_message_append_addr (
        &msg, request->classic ? STUN_ATTRIBUTE_SOURCE_ADDRESS : PHONESET_STUN_ATTR_RESPONSE_ORIGIN,
        (const struct sockaddr *)origin, native_length (origin)) != STUN_MESSAGE_RETURN_SUCCESS)
    return 0;
  if (other != NULL &&
      stun_message_append_addr (
        &msg, request->classic ? STUN_ATTRIBUTE_CHANGED_ADDRESS : PHONESET_STUN_ATTR_OTHER_ADDRESS,
        (const struct sockaddr *)other, native_length (other)) != STUN_MESSAGE_RETURN_SUCCESS)
    return 0;
  return stun_agent_finish_message (agent, &msg, NULL, 0);
}

/**
 * phoneset_stun_build_error_response:
 * @agents: the server's agents
 * @request: a parsed request (of any kind but INVALID and INDICATION)
 * @code: 400 or 420
 * @buffer: where to write
 * @buffer_len: its size
 *
 * A 420 lists the attributes not understood (UNKNOWN-ATTRIBUTES), or
 * CHANGE-REQUEST when the request parsed but asked for a change the server
 * cannot make.
 *
 * Returns: the answer's length, 0 when it does not fit
 */
gsize
phoneset_stun_build_error_response (PhonesetStunServerAgents *agents,
                                    PhonesetStunRequest      *request,
                                    int                       code,
                                    guint8                   *buffer,
                                    gsize                     buffer_len)
{
  StunAgent  *agent;
  StunMessage msg;

  g_return_val_if_fail (agents != NULL && request != NULL, 0);
  g_return_val_if_fail (request->kind != PHONESET_STUN_REQUEST_INVALID &&
                          request->kind != PHONESET_STUN_REQUEST_INDICATION,
                        0);

  agent = request->classic ? &agents->classic : &agents->modern;
  if (code == STUN_ERROR_UNKNOWN_ATTRIBUTE &&
      request->kind == PHONESET_STUN_REQUEST_UNKNOWN_ATTRIBUTES)
    return stun_agent_build_unknown_attributes_error (agent, &msg, buffer, buffer_len,
                                                      &request->message);
  if (!stun_agent_init_error (agent, &msg, buffer, buffer_len, &request->message, code))
    return 0;
  if (code == STUN_ERROR_UNKNOWN_ATTRIBUTE)
    {
      guint16 types[2] = { g_htons (STUN_ATTRIBUTE_CHANGE_REQUEST),
                           g_htons (STUN_ATTRIBUTE_CHANGE_REQUEST) };

      /* RFC 3489 pads the list to 4 bytes by repeating an entry. */
      if (stun_message_append_bytes (&msg, STUN_ATTRIBUTE_UNKNOWN_ATTRIBUTES, types,
                                     request->classic ? 4 : 2) != STUN_MESSAGE_RETURN_SUCCESS)
        return 0;
    }
  return stun_agent_finish_message (agent, &msg, NULL, 0);
}
