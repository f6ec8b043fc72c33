/* phoneset-http-head.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bounded look at the start of an HTTP/1.x request, before the HTTP
 * library reads it: the request line, the header lines and the announced
 * body size against Phoneset's limits, so that an oversized request gets
 * its status (414, 431, 413) instead of a dropped connection, and costs no
 * more memory than the limits, whatever the client sends.
 */

#define G_LOG_DOMAIN "phoneset-http-head"

#include "config.h"

#include <string.h>

#include "phoneset-http-head.h"

/* The end of the line starting at @p (its '\n'), or NULL. */
static const char *
line_end (const char *p,
          const char *end)
{
  return memchr (p, '\n', end - p);
}

static gboolean
header_is (const char *line,
           gsize       len,
           const char *name)
{
  gsize n = strlen (name);

  return len > n && line[n] == ':' && g_ascii_strncasecmp (line, name, n) == 0;
}

/* The header's value (after the colon), as a number; -1 if not one. */
static gint64
header_number (const char *line,
               gsize       len,
               gsize       name_len)
{
  gint64 value = 0;
  gsize  i = name_len + 1;
  gsize  digits = 0;

  while (i < len && (line[i] == ' ' || line[i] == '\t'))
    i++;
  for (; i < len && g_ascii_isdigit (line[i]); i++, digits++)
    {
      if (value > G_MAXINT64 / 10 - 10)
        return G_MAXINT64;
      value = value * 10 + (line[i] - '0');
    }
  while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
    i++;
  return digits > 0 && i == len ? value : -1;
}

/**
 * phoneset_http_head_check:
 * @data: the bytes received so far on a connection (not necessarily all
 *   of the request)
 * @len: their number
 * @head_len: (out) (optional): the length of the head (request line and
 *   headers, up to and with the empty line) when complete
 *
 * Looks at most at %PHONESET_HTTP_MAX_HEAD bytes of @data.
 *
 * Returns: 0 if the head is not complete yet and within the limits (wait
 *   for more), 200 if it is complete and acceptable, or the status to
 *   answer with: 400 (not an HTTP request line, NUL or control bytes),
 *   414 (request target over %PHONESET_HTTP_MAX_URI), 431 (head over
 *   %PHONESET_HTTP_MAX_HEAD or over %PHONESET_HTTP_MAX_HEADERS lines), 413
 *   (a body over %PHONESET_HTTP_MAX_BODY, or of unknown length)
 */
guint
phoneset_http_head_check (const char *data,
                          gsize       len,
                          gsize      *head_len)
{
  const char *end = data + MIN (len, (gsize)PHONESET_HTTP_MAX_HEAD);
  const char *p = data;
  const char *nl;
  const char *sp1, *sp2;
  guint       n_headers = 0;

  if (head_len != NULL)
    *head_len = 0;
  g_return_val_if_fail (data != NULL || len == 0, 400);

  /* Request line: METHOD SP TARGET SP HTTP/x.y, at most the target's
   * limit and room for the rest (the same whether complete or not). */
  nl = line_end (p, end);
  if ((gsize)((nl != NULL ? nl : end) - p) > PHONESET_HTTP_MAX_URI + 64)
    return 414;
  if (nl == NULL)
    return memchr (p, '\0', end - p) != NULL ? 400 : 0;
  for (const char *c = p; c < nl; c++)
    if ((guchar)*c < 0x20 && !(*c == '\r' && c + 1 == nl))
      return 400;
  sp1 = memchr (p, ' ', nl - p);
  if (sp1 == NULL || sp1 == p)
    return 400;
  sp2 = NULL;
  for (const char *c = sp1 + 1; c < nl; c++)
    if (*c == ' ')
      sp2 = c;
  if (sp2 == NULL || sp2 == sp1 + 1)
    return 400;
  if ((gsize)(sp2 - sp1 - 1) > PHONESET_HTTP_MAX_URI)
    return 414;
  {
    /* HTTP/d.d, then the line's end. */
    const char *v = sp2 + 1;
    gsize       vlen = nl - v - (nl[-1] == '\r' ? 1 : 0);

    if (vlen != 8 || strncmp (v, "HTTP/", 5) != 0 || !g_ascii_isdigit (v[5]) || v[6] != '.' ||
        !g_ascii_isdigit (v[7]))
      return 400;
  }
  /* In the path: a backslash, or an encoded slash, backslash or NUL (no
   * file name has one; a traversal attempt does). */
  for (const char *c = sp1 + 1; c < sp2 && *c != '?'; c++)
    {
      if (*c == '\\')
        return 400;
      if (c[0] == '%' && sp2 - c >= 3)
        {
          int hi = g_ascii_xdigit_value (c[1]);
          int lo = g_ascii_xdigit_value (c[2]);

          if (hi < 0 || lo < 0)
            return 400;
          if (hi * 16 + lo == '/' || hi * 16 + lo == '\\' || hi * 16 + lo == 0)
            return 400;
        }
    }
  p = nl + 1;

  /* Headers, up to the empty line. */
  for (;;)
    {
      gsize line_len;

      nl = line_end (p, end);
      if (nl == NULL)
        return len >= PHONESET_HTTP_MAX_HEAD ? 431 : 0;
      line_len = nl - p;
      if (line_len == 0 || (line_len == 1 && p[0] == '\r'))
        break;
      if (++n_headers > PHONESET_HTTP_MAX_HEADERS)
        return 431;
      if (memchr (p, '\0', line_len) != NULL)
        return 400;
      if (header_is (p, line_len, "Transfer-Encoding"))
        return 413;
      if (header_is (p, line_len, "Content-Length"))
        {
          gint64 n = header_number (p, line_len, strlen ("Content-Length"));

          if (n < 0)
            return 400;
          if (n > PHONESET_HTTP_MAX_BODY)
            return 413;
        }
      p = nl + 1;
    }
  if (head_len != NULL)
    *head_len = nl + 1 - data;
  return 200;
}
