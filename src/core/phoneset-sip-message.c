/* phoneset-sip-message.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small, strict SIP message reader (RFC 3261 §7) for what Phoneset
 * receives over UDP: PnP SUBSCRIBEs and the answers to its NOTIFYs. It
 * takes at most PHONESET_SIP_MESSAGE_MAX bytes of text, needs the start
 * line, CRLF-separated headers and the blank line, expands compact header
 * names and honours Content-Length.
 */

#define G_LOG_DOMAIN "phoneset-sip"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-sip-message.h"

struct _PhonesetSipMessage
{
  char      *method; /* NULL for a response */
  char      *uri;
  guint      status;
  GPtrArray *names;
  GPtrArray *values;
  char      *body;
};

void
phoneset_sip_message_free (PhonesetSipMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->method);
  g_free (message->uri);
  g_clear_pointer (&message->names, g_ptr_array_unref);
  g_clear_pointer (&message->values, g_ptr_array_unref);
  g_free (message->body);
  g_free (message);
}

static const char *
expand_name (const char *name)
{
  static const char *const map[][2] = {
    { "v", "Via" },
    { "f", "From" },
    { "t", "To" },
    { "i", "Call-ID" },
    { "m", "Contact" },
    { "l", "Content-Length" },
    { "c", "Content-Type" },
    { "o", "Event" },
    { "k", "Supported" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (name, map[i][0]) == 0)
      return map[i][1];
  return name;
}

static gboolean
is_token (const char *s,
          gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (s[i]) && strchr ("-.!%*_+`'~", s[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
fail (GError    **error,
      const char *why)
{
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, _("Not a SIP message: %s."), why);
  return FALSE;
}

/**
 * phoneset_sip_message_parse:
 * @data: the datagram
 * @len: its length
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the message, or %NULL with %PHONESET_ERROR_PARSE
 */
PhonesetSipMessage *
phoneset_sip_message_parse (const char *data,
                            gsize       len,
                            GError    **error)
{
  g_autoptr(PhonesetSipMessage) m = NULL;
  g_autofree char *text = NULL;
  const char      *end_of_headers;
  const char      *p;
  const char      *eol;
  const char      *length_header;
  gsize            body_len;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > PHONESET_SIP_MESSAGE_MAX)
    return fail (error, _("too long")), NULL;
  if (memchr (data, '\0', len) != NULL)
    return fail (error, _("it contains NUL bytes")), NULL;
  text = g_strndup (data, len);
  end_of_headers = strstr (text, "\r\n\r\n");
  if (end_of_headers == NULL)
    return fail (error, _("no end of headers")), NULL;

  m = g_new0 (PhonesetSipMessage, 1);
  m->names = g_ptr_array_new_with_free_func (g_free);
  m->values = g_ptr_array_new_with_free_func (g_free);

  /* Start line: "METHOD uri SIP/2.0" or "SIP/2.0 200 OK". */
  eol = strstr (text, "\r\n");
  if (g_str_has_prefix (text, "SIP/2.0 "))
    {
      const char *code = text + 8;

      if (eol - code < 3 || !g_ascii_isdigit (code[0]) || !g_ascii_isdigit (code[1]) || !g_ascii_isdigit (code[2]) ||
          (eol - code > 3 && code[3] != ' '))
        return fail (error, _("bad status line")), NULL;
      m->status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
      if (m->status < 100 || m->status > 699)
        return fail (error, _("bad status code")), NULL;
    }
  else
    {
      const char *sp1 = memchr (text, ' ', eol - text);
      const char *sp2 = sp1 ? memchr (sp1 + 1, ' ', eol - sp1 - 1) : NULL;

      if (sp1 == NULL || sp2 == NULL || !is_token (text, sp1 - text) || sp2 == sp1 + 1 ||
          eol - sp2 - 1 != 7 || strncmp (sp2 + 1, "SIP/2.0", 7) != 0)
        return fail (error, _("bad request line")), NULL;
      m->method = g_strndup (text, sp1 - text);
      m->uri = g_strndup (sp1 + 1, sp2 - sp1 - 1);
      if (strpbrk (m->uri, " \t") != NULL)
        return fail (error, _("bad request URI")), NULL;
    }

  /* Headers, with folded lines joined. */
  for (p = eol + 2; p < end_of_headers + 2; p = eol + 2)
    {
      const char      *colon;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      eol = strstr (p, "\r\n");
      if (*p == ' ' || *p == '\t')
        {
          char *joined;

          if (m->values->len == 0)
            return fail (error, _("folded first header")), NULL;
          value = g_strstrip (g_strndup (p, eol - p));
          joined = g_strconcat (m->values->pdata[m->values->len - 1], " ", value, NULL);
          g_free (m->values->pdata[m->values->len - 1]);
          m->values->pdata[m->values->len - 1] = joined;
          continue;
        }
      colon = memchr (p, ':', eol - p);
      if (colon == NULL)
        return fail (error, _("header without a colon")), NULL;
      name = g_strstrip (g_strndup (p, colon - p));
      if (!is_token (name, strlen (name)))
        return fail (error, _("bad header name")), NULL;
      value = g_strstrip (g_strndup (colon + 1, eol - colon - 1));
      g_ptr_array_add (m->names, g_strdup (expand_name (name)));
      g_ptr_array_add (m->values, g_steal_pointer (&value));
      if (m->names->len > 64)
        return fail (error, _("too many headers")), NULL;
    }

  body_len = len - (end_of_headers + 4 - text);
  length_header = phoneset_sip_message_get_header (m, "Content-Length");
  if (length_header != NULL)
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (length_header, 10, 0, PHONESET_SIP_MESSAGE_MAX, &n, NULL))
        return fail (error, _("bad Content-Length")), NULL;
      if (n > body_len)
        return fail (error, _("body shorter than Content-Length")), NULL;
      body_len = n;
    }
  m->body = g_strndup (end_of_headers + 4, body_len);
  if (!g_utf8_validate (m->body, -1, NULL))
    return fail (error, _("body is not UTF-8")), NULL;
  if (phoneset_sip_message_get_header (m, "Call-ID") == NULL || phoneset_sip_message_get_header (m, "CSeq") == NULL)
    return fail (error, _("no Call-ID or CSeq")), NULL;
  return g_steal_pointer (&m);
}

gboolean
phoneset_sip_message_is_request (PhonesetSipMessage *message)
{
  return message->method != NULL;
}

const char *
phoneset_sip_message_get_method (PhonesetSipMessage *message)
{
  return message->method;
}

const char *
phoneset_sip_message_get_uri (PhonesetSipMessage *message)
{
  return message->uri;
}

guint
phoneset_sip_message_get_status (PhonesetSipMessage *message)
{
  return message->status;
}

/**
 * phoneset_sip_message_get_header:
 * @name: a header name (long form), case-insensitive
 *
 * Returns: (nullable): the first value of @name
 */
const char *
phoneset_sip_message_get_header (PhonesetSipMessage *message,
                                 const char         *name)
{
  for (guint i = 0; i < message->names->len; i++)
    if (g_ascii_strcasecmp (message->names->pdata[i], name) == 0)
      return message->values->pdata[i];
  return NULL;
}

guint
phoneset_sip_message_get_n_headers (PhonesetSipMessage *message)
{
  return message->names->len;
}

void
phoneset_sip_message_get_nth_header (PhonesetSipMessage *message,
                                     guint               n,
                                     const char        **name,
                                     const char        **value)
{
  g_return_if_fail (n < message->names->len);
  *name = message->names->pdata[n];
  *value = message->values->pdata[n];
}

const char *
phoneset_sip_message_get_body (PhonesetSipMessage *message)
{
  return message->body;
}

/**
 * phoneset_sip_header_param:
 * @value: a header value such as `ua-profile;vendor="PLANET";model=X`
 * @param: a parameter name
 *
 * Returns: (transfer full) (nullable): the parameter's value, unquoted
 */
char *
phoneset_sip_header_param (const char *value,
                           const char *param)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (value != NULL && param != NULL, NULL);

  parts = g_strsplit (value, ";", -1);
  /* An empty value splits into no part at all. */
  for (guint i = 1; parts[0] != NULL && parts[i] != NULL; i++)
    {
      char            *eq = strchr (parts[i], '=');
      g_autofree char *name = NULL;
      char            *v;
      gsize            n;

      if (eq == NULL)
        continue;
      name = g_strstrip (g_strndup (parts[i], eq - parts[i]));
      if (g_ascii_strcasecmp (name, param) != 0)
        continue;
      v = g_strstrip (eq + 1);
      n = strlen (v);
      if (n >= 2 && v[0] == '"' && v[n - 1] == '"')
        return g_strndup (v + 1, n - 2);
      return g_strdup (v);
    }
  return NULL;
}

/**
 * phoneset_sip_uri_of:
 * @value: a From, To or Contact value (`"Name" <sip:x@y>;tag=1` or `sip:x@y`)
 *
 * Returns: (transfer full) (nullable): the URI inside
 */
char *
phoneset_sip_uri_of (const char *value)
{
  const char *lt = strchr (value, '<');
  const char *gt = lt ? strchr (lt, '>') : NULL;
  const char *semi;

  if (lt != NULL && gt != NULL)
    return g_strndup (lt + 1, gt - lt - 1);
  if (lt != NULL)
    return NULL;
  semi = strchr (value, ';');
  return g_strstrip (semi ? g_strndup (value, semi - value) : g_strdup (value));
}
