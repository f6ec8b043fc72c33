/* phoneset-sip-message.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-sip-message"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-mac.h"
#include "phoneset-sip-message.h"

/* The parts of SIP (RFC 3261) that discovery reads: the start line, the
 * headers (with their compact forms and folded lines) and the body. Everything
 * read here comes from the network, so every malformed byte is an error. */

#define MAX_HEADERS 128

typedef struct
{
  char *name; /* lower case, compact forms expanded */
  char *value;
} Header;

struct _PhonesetSipMessage
{
  gboolean is_request;
  char    *method;
  char    *uri;
  guint    status;
  char    *reason;
  GArray  *headers;
  char    *body;
  gsize    body_length;
};

static void
header_clear (gpointer data)
{
  Header *header = data;

  g_free (header->name);
  g_free (header->value);
}

static const char *
expand_compact (const char *name)
{
  static const struct
  {
    const char *compact;
    const char *full;
  } forms[] = {
    { "i", "call-id" },      { "f", "from" },    { "t", "to" },
    { "v", "via" },          { "m", "contact" }, { "l", "content-length" },
    { "c", "content-type" }, { "o", "event" },   { "e", "content-encoding" },
    { "k", "supported" },    { "s", "subject" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (name, forms[i].compact))
      return forms[i].full;
  return name;
}

static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || strchr ("-.!%*_+`'~", c) != NULL;
}

static gboolean
is_token (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!is_token_char (*p))
      return FALSE;
  return TRUE;
}

static gboolean
set_parse_error (GError     **error,
                 const char  *what)
{
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
               _("This is not a valid SIP message: %s."), what);
  return FALSE;
}

static gboolean
parse_start_line (PhonesetSipMessage  *self,
                  const char          *line,
                  GError             **error)
{
  g_auto(GStrv) parts = NULL;

  if (g_str_has_prefix (line, "SIP/2.0 "))
    {
      const char *code = line + strlen ("SIP/2.0 ");

      if (!g_ascii_isdigit (code[0]) || !g_ascii_isdigit (code[1]) || !g_ascii_isdigit (code[2]) ||
          (code[3] != ' ' && code[3] != '\0'))
        return set_parse_error (error, _("the status line has no three-digit status code"));
      self->status = (guint)((code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0'));
      if (self->status < 100 || self->status > 699)
        return set_parse_error (error, _("the status code is not between 100 and 699"));
      self->reason = g_strdup (code[3] == ' ' ? code + 4 : "");
      self->is_request = FALSE;
      return TRUE;
    }

  parts = g_strsplit (line, " ", -1);
  if (g_strv_length (parts) != 3)
    return set_parse_error (error,
                            _("the first line is neither a request line nor a status line"));
  if (!is_token (parts[0]))
    return set_parse_error (error, _("the method is not a word"));
  if (parts[1][0] == '\0' || strchr (parts[1], ':') == NULL)
    return set_parse_error (error, _("the request URI has no scheme"));
  if (!g_str_equal (parts[2], "SIP/2.0"))
    return set_parse_error (error, _("the protocol version is not SIP/2.0"));

  self->is_request = TRUE;
  self->method = g_strdup (parts[0]);
  self->uri = g_strdup (parts[1]);
  return TRUE;
}

/* The head ends at the first empty line (CRLF CRLF, or LF LF from sloppy
 * senders); the body starts at @body_offset. The head must be text. */
static char *
read_head (const char  *data,
           gsize        length,
           gsize       *body_offset,
           GError     **error)
{
  const char      *end = NULL;
  gsize            head_length;
  g_autofree char *head = NULL;

  for (gsize i = 0; i + 1 < length; i++)
    {
      if (data[i] == '\n' && data[i + 1] == '\n')
        {
          end = data + i;
          *body_offset = i + 2;
          break;
        }
      if (i + 3 < length && memcmp (data + i, "\r\n\r\n", 4) == 0)
        {
          end = data + i;
          *body_offset = i + 4;
          break;
        }
    }
  if (end == NULL)
    {
      set_parse_error (error, _("its header does not end with an empty line"));
      return NULL;
    }

  head_length = (gsize)(end - data);
  if (head_length == 0)
    {
      set_parse_error (error,
                       _("it starts with an empty line instead of a request or status line"));
      return NULL;
    }
  for (gsize i = 0; i < head_length; i++)
    {
      guchar c = (guchar)data[i];

      if (c == 0 || (c < 0x20 && c != '\r' && c != '\n' && c != '\t') || c == 0x7f)
        {
          set_parse_error (error, _("its header holds control characters"));
          return NULL;
        }
    }
  head = g_strndup (data, head_length);
  if (!g_utf8_validate (head, -1, NULL))
    {
      set_parse_error (error, _("its header is not UTF-8 text"));
      return NULL;
    }
  return g_steal_pointer (&head);
}

/* The lines of @head, without their line ends. */
static GStrv
split_head (const char  *head,
            GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (head, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      if (strchr (lines[i], '\r') != NULL)
        {
          set_parse_error (error, _("a line holds a lone carriage return"));
          return NULL;
        }
    }
  return g_steal_pointer (&lines);
}

static gboolean
parse_header_line (PhonesetSipMessage  *self,
                   const char          *line,
                   GError             **error)
{
  const char      *colon;
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  Header           header;

  if (line[0] == ' ' || line[0] == '\t')
    {
      /* A folded line continues the previous header's value. */
      Header *prev;
      char   *joined;

      if (self->headers->len == 0)
        return set_parse_error (error, _("the first header line is indented"));
      prev = &g_array_index (self->headers, Header, self->headers->len - 1);
      joined = g_strconcat (prev->value, " ", line, NULL);
      g_free (prev->value);
      prev->value = g_strstrip (joined);
      return TRUE;
    }

  colon = strchr (line, ':');
  if (colon == NULL)
    return set_parse_error (error, _("a header line has no colon"));
  name = g_strstrip (g_strndup (line, (gsize)(colon - line)));
  if (!is_token (name))
    return set_parse_error (error, _("a header name is not a word"));
  if (self->headers->len >= MAX_HEADERS)
    return set_parse_error (error, _("it has more than 128 headers"));
  lower = g_ascii_strdown (name, -1);
  header.name = g_strdup (expand_compact (lower));
  header.value = g_strstrip (g_strdup (colon + 1));
  g_array_append_val (self->headers, header);
  return TRUE;
}

/* The headers every SIP message has, and a CSeq that fits the request. */
static gboolean
check_headers (PhonesetSipMessage  *self,
               GError             **error)
{
  static const char *const required[] = { "via", "from", "to", "call-id", "cseq" };
  const char              *cseq;
  char                    *endp = NULL;
  const char              *method;
  guint64                  number;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (phoneset_sip_message_get_header (self, required[i]) == NULL)
      {
        g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                     _("This is not a valid SIP message: the %s header is missing."), required[i]);
        return FALSE;
      }

  cseq = phoneset_sip_message_get_header (self, "cseq");
  number = g_ascii_strtoull (cseq, &endp, 10);
  method = endp;
  while (*method == ' ' || *method == '\t')
    method++;
  if (endp == cseq || number > G_MAXUINT32 || method == endp || !is_token (method))
    return set_parse_error (error, _("the CSeq header is not a number and a method"));
  if (self->is_request && !g_str_equal (method, self->method))
    return set_parse_error (error, _("the CSeq method differs from the request method"));
  return TRUE;
}

/* The body: what follows the head, cut to its Content-Length. */
static gboolean
read_body (PhonesetSipMessage  *self,
           const char          *data,
           gsize                length,
           gsize                body_offset,
           GError             **error)
{
  const char *content_length;

  self->body_length = length - body_offset;
  content_length = phoneset_sip_message_get_header (self, "content-length");
  if (content_length != NULL)
    {
      guint64 declared;

      if (!g_ascii_string_to_unsigned (content_length, 10, 0, PHONESET_SIP_MAX_MESSAGE, &declared,
                                       NULL))
        return set_parse_error (error, _("the Content-Length header is not a number"));
      if (declared > self->body_length)
        return set_parse_error (error, _("the body is shorter than its Content-Length"));
      self->body_length = (gsize)declared;
    }
  self->body = g_strndup (data + body_offset, self->body_length);
  return TRUE;
}

/**
 * phoneset_sip_message_parse:
 * @data: the bytes received
 * @length: their number
 * @error: a location for a #GError
 *
 * Reads one SIP request or response. The message must have the headers every
 * SIP message has (Via, From, To, Call-ID, CSeq), no NUL or control bytes in
 * its head, and a body no shorter than its Content-Length.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with @error set
 */
PhonesetSipMessage *
phoneset_sip_message_parse (const char  *data,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(PhonesetSipMessage) self = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *head = NULL;
  gsize            body_offset = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    {
      set_parse_error (error, _("it is empty"));
      return NULL;
    }
  if (length > PHONESET_SIP_MAX_MESSAGE)
    {
      set_parse_error (error, _("it is longer than 65535 bytes"));
      return NULL;
    }

  head = read_head (data, length, &body_offset, error);
  if (head == NULL)
    return NULL;

  self = g_new0 (PhonesetSipMessage, 1);
  self->headers = g_array_new (FALSE, TRUE, sizeof (Header));
  g_array_set_clear_func (self->headers, header_clear);

  lines = split_head (head, error);
  if (lines == NULL)
    return NULL;
  if (!parse_start_line (self, lines[0], error))
    return NULL;
  for (guint i = 1; lines[i] != NULL; i++)
    if (!parse_header_line (self, lines[i], error))
      return NULL;

  if (!check_headers (self, error) || !read_body (self, data, length, body_offset, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
phoneset_sip_message_free (PhonesetSipMessage *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->headers, g_array_unref);
  g_free (self->method);
  g_free (self->uri);
  g_free (self->reason);
  g_free (self->body);
  g_free (self);
}

gboolean
phoneset_sip_message_is_request (PhonesetSipMessage *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->is_request;
}

/**
 * phoneset_sip_message_get_method:
 * @self: a message
 *
 * Returns: the request's method, or for a response %NULL
 */
const char *
phoneset_sip_message_get_method (PhonesetSipMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->method;
}

const char *
phoneset_sip_message_get_uri (PhonesetSipMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uri;
}

guint
phoneset_sip_message_get_status (PhonesetSipMessage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->status;
}

const char *
phoneset_sip_message_get_reason (PhonesetSipMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reason;
}

/**
 * phoneset_sip_message_get_header:
 * @self: a message
 * @name: a header name, any case, full form
 *
 * Returns: (nullable): the value of the first header called @name
 */
const char *
phoneset_sip_message_get_header (PhonesetSipMessage *self,
                                 const char         *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->headers->len; i++)
    {
      const Header *header = &g_array_index (self->headers, Header, i);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        return header->value;
    }
  return NULL;
}

const char *
phoneset_sip_message_get_body (PhonesetSipMessage *self,
                               gsize              *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (length != NULL)
    *length = self->body_length;
  return self->body;
}

/* Where the parameters of a header value start: after the name-addr's closing
 * angle bracket when there is one, else at the first semicolon; quoted
 * strings are skipped. */
static const char *
find_params (const char *value)
{
  gboolean quoted = FALSE;
  gboolean angle = strchr (value, '<') != NULL;
  gboolean inside = FALSE;

  for (const char *p = value; *p; p++)
    {
      if (quoted)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            quoted = FALSE;
          continue;
        }
      if (*p == '"')
        quoted = TRUE;
      else if (*p == '<')
        inside = TRUE;
      else if (*p == '>')
        {
          inside = FALSE;
          angle = FALSE;
        }
      else if (*p == ';' && !inside && !angle)
        return p;
    }
  return NULL;
}

/**
 * phoneset_sip_header_get_param:
 * @value: a header value such as `<sip:a@b>;tag=x` or `ua-profile;vendor="V"`
 * @name: a parameter name (any case)
 *
 * White space around `;` and `=` is allowed, and quoted values are unquoted.
 *
 * Returns: (transfer full) (nullable): the value ("" for a flag such as
 *   `rport`), or %NULL when the parameter is absent
 */
char *
phoneset_sip_header_get_param (const char *value,
                               const char *name)
{
  const char *p;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  p = find_params (value);
  while (p != NULL && *p == ';')
    {
      const char      *start;
      g_autofree char *key = NULL;
      GString         *val = g_string_new (NULL);

      p++;
      while (*p == ' ' || *p == '\t')
        p++;
      start = p;
      while (*p && *p != '=' && *p != ';' && *p != ' ' && *p != '\t')
        p++;
      key = g_strndup (start, (gsize)(p - start));
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '=')
        {
          p++;
          while (*p == ' ' || *p == '\t')
            p++;
          if (*p == '"')
            {
              p++;
              while (*p && *p != '"')
                {
                  if (*p == '\\' && p[1] != '\0')
                    p++;
                  g_string_append_c (val, *p);
                  p++;
                }
              if (*p == '"')
                p++;
            }
          else
            {
              while (*p && *p != ';')
                g_string_append_c (val, *p++);
              g_strchomp (val->str);
              g_string_truncate (val, strlen (val->str));
            }
        }
      while (*p && *p != ';')
        p++;

      if (g_ascii_strcasecmp (key, name) == 0)
        return g_string_free (val, FALSE);
      g_string_free (val, TRUE);
    }
  return NULL;
}

/**
 * phoneset_sip_header_get_uri:
 * @value: a From, To or Contact value
 *
 * Returns: (transfer full) (nullable): the URI inside `<…>`, or the value
 *   up to its parameters
 */
char *
phoneset_sip_header_get_uri (const char *value)
{
  const char *open;
  const char *params;

  g_return_val_if_fail (value != NULL, NULL);

  open = strchr (value, '<');
  if (open != NULL)
    {
      const char *close = strchr (open, '>');

      if (close == NULL)
        return NULL;
      return g_strstrip (g_strndup (open + 1, (gsize)(close - open - 1)));
    }
  params = find_params (value);
  return g_strstrip (params != NULL ? g_strndup (value, (gsize)(params - value))
                                    : g_strdup (value));
}

/**
 * phoneset_sip_uri_dup_mac:
 * @uri: a SIP URI such as `sip:MAC=00304fa99948@224.0.1.75` (PLANET, Fanvil)
 *   or `sip:MAC%3a00135E874B49@example.com` (snom, Gigaset)
 *
 * Returns: (transfer full) (nullable): the MAC in the URI's user part as
 *   `00:30:4f:a9:99:48`, or %NULL when there is none
 */
char *
phoneset_sip_uri_dup_mac (const char *uri)
{
  const char      *user;
  const char      *at;
  g_autofree char *raw = NULL;
  g_autofree char *decoded = NULL;
  const char      *mac;

  g_return_val_if_fail (uri != NULL, NULL);

  if (g_ascii_strncasecmp (uri, "sip:", 4) == 0)
    user = uri + 4;
  else if (g_ascii_strncasecmp (uri, "sips:", 5) == 0)
    user = uri + 5;
  else
    return NULL;
  at = strchr (user, '@');
  if (at == NULL)
    return NULL;
  raw = g_strndup (user, (gsize)(at - user));
  decoded = g_uri_unescape_string (raw, NULL);
  if (decoded == NULL)
    return NULL;
  if (g_ascii_strncasecmp (decoded, "MAC", 3) != 0 || (decoded[3] != '=' && decoded[3] != ':'))
    return NULL;
  mac = decoded + 4;
  while (*mac == ' ')
    mac++;
  return phoneset_mac_normalize (mac, PHONESET_MAC_STYLE_COLON_LOWER, NULL);
}

static char *
host_of_uri (const char *uri)
{
  const char *host;
  const char *at;
  const char *end;

  if (g_ascii_strncasecmp (uri, "sip:", 4) == 0)
    host = uri + 4;
  else if (g_ascii_strncasecmp (uri, "sips:", 5) == 0)
    host = uri + 5;
  else
    return NULL;
  at = strchr (host, '@');
  if (at != NULL)
    host = at + 1;
  end = host;
  while (*end && *end != ':' && *end != ';' && *end != '>' && *end != '?')
    end++;
  if (end == host)
    return NULL;
  return g_strndup (host, (gsize)(end - host));
}

/**
 * phoneset_sip_pnp_parse:
 * @message: a message received on the SIP PnP group 224.0.1.75
 * @pnp: (out caller-allocates): what the phone says about itself
 * @error: a location for a #GError
 *
 * Reads the SUBSCRIBE a phone sends at boot to find its provisioning server
 * (`Event: ua-profile;profile-type="device";vendor=…;model=…;version=…`).
 * The MAC is taken from the From URI, else the To or Request-URI.
 *
 * Returns: %TRUE if @message is such a SUBSCRIBE
 */
gboolean
phoneset_sip_pnp_parse (PhonesetSipMessage  *message,
                        PhonesetSipPnp      *pnp,
                        GError             **error)
{
  const char      *event;
  const char      *contact;
  const char      *user_agent;
  g_autofree char *type = NULL;
  const char      *semicolon;
  const char      *uris[3];

  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (pnp != NULL, FALSE);

  memset (pnp, 0, sizeof *pnp);

  if (!message->is_request || !g_str_equal (message->method, "SUBSCRIBE"))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("This is not a SIP PnP announcement: it is not a SUBSCRIBE request."));
      return FALSE;
    }
  event = phoneset_sip_message_get_header (message, "event");
  if (event == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("This is not a SIP PnP announcement: the SUBSCRIBE has no Event header."));
      return FALSE;
    }
  semicolon = strchr (event, ';');
  type = g_strstrip (semicolon != NULL ? g_strndup (event, (gsize)(semicolon - event))
                                       : g_strdup (event));
  if (g_ascii_strcasecmp (type, "ua-profile") != 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("This is not a SIP PnP announcement: its event is “%s”, not “ua-profile”."),
                      type);
      return FALSE;
    }

  pnp->vendor = phoneset_sip_header_get_param (event, "vendor");
  pnp->model = phoneset_sip_header_get_param (event, "model");
  pnp->firmware = phoneset_sip_header_get_param (event, "version");
  if (pnp->vendor == NULL || pnp->vendor[0] == '\0' || pnp->model == NULL || pnp->model[0] == '\0')
    {
      phoneset_sip_pnp_clear (pnp);
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("This SIP PnP announcement does not name its vendor and model."));
      return FALSE;
    }
  if (pnp->firmware != NULL && pnp->firmware[0] == '\0')
    g_clear_pointer (&pnp->firmware, g_free);

  uris[0] = phoneset_sip_message_get_header (message, "from");
  uris[1] = phoneset_sip_message_get_header (message, "to");
  uris[2] = message->uri;
  for (guint i = 0; i < G_N_ELEMENTS (uris) && pnp->mac == NULL; i++)
    {
      g_autofree char *uri = i < 2 ? phoneset_sip_header_get_uri (uris[i]) : g_strdup (uris[i]);

      if (uri != NULL)
        pnp->mac = phoneset_sip_uri_dup_mac (uri);
    }

  contact = phoneset_sip_message_get_header (message, "contact");
  if (contact != NULL)
    {
      g_autofree char *uri = phoneset_sip_header_get_uri (contact);

      if (uri != NULL)
        pnp->contact_host = host_of_uri (uri);
    }
  user_agent = phoneset_sip_message_get_header (message, "user-agent");
  pnp->user_agent = g_strdup (user_agent);

  return TRUE;
}

void
phoneset_sip_pnp_clear (PhonesetSipPnp *pnp)
{
  g_clear_pointer (&pnp->vendor, g_free);
  g_clear_pointer (&pnp->model, g_free);
  g_clear_pointer (&pnp->firmware, g_free);
  g_clear_pointer (&pnp->mac, g_free);
  g_clear_pointer (&pnp->contact_host, g_free);
  g_clear_pointer (&pnp->user_agent, g_free);
}

/**
 * phoneset_sip_build_options:
 * @transport: "UDP" or "TCP"
 * @target_host: the address probed
 * @target_port: its port
 * @local_host: the address replies go to
 * @local_port: the port replies go to
 * @branch: the Via branch (starting with z9hG4bK)
 * @tag: the From tag
 * @call_id: the Call-ID
 *
 * Builds the OPTIONS request of the discovery sweep. It asks for `rport`
 * so that a reply comes back to the socket that sent it.
 *
 * Returns: (transfer full): the request
 */
char *
phoneset_sip_build_options (const char *transport,
                            const char *target_host,
                            guint16     target_port,
                            const char *local_host,
                            guint16     local_port,
                            const char *branch,
                            const char *tag,
                            const char *call_id)
{
  return g_strdup_printf ("OPTIONS sip:%s:%u SIP/2.0\r\n"
                          "Via: SIP/2.0/%s %s:%u;branch=%s;rport\r\n"
                          "Max-Forwards: 70\r\n"
                          "From: <sip:phoneset@%s:%u>;tag=%s\r\n"
                          "To: <sip:%s:%u>\r\n"
                          "Call-ID: %s\r\n"
                          "CSeq: 1 OPTIONS\r\n"
                          "Contact: <sip:phoneset@%s:%u>\r\n"
                          "Accept: application/sdp\r\n"
                          "User-Agent: Phoneset/" PACKAGE_VERSION "\r\n"
                          "Content-Length: 0\r\n"
                          "\r\n",
                          target_host, target_port, transport, local_host, local_port, branch,
                          local_host, local_port, tag, target_host, target_port, call_id,
                          local_host, local_port);
}

/**
 * phoneset_sip_message_get_n_headers:
 * @self: a message
 *
 * Returns: how many header lines the message has
 */
guint
phoneset_sip_message_get_n_headers (PhonesetSipMessage *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->headers->len;
}

/**
 * phoneset_sip_message_get_nth_header:
 * @self: a message
 * @n: from 0 to the number of headers
 * @name: (out): the header's name, in lower case with compact forms expanded
 * @value: (out): its value
 *
 * For headers that may come several times (Via, Record-Route).
 */
void
phoneset_sip_message_get_nth_header (PhonesetSipMessage  *self,
                                     guint                n,
                                     const char         **name,
                                     const char         **value)
{
  const Header *header;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n < self->headers->len);

  header = &g_array_index (self->headers, Header, n);
  *name = header->name;
  *value = header->value;
}
