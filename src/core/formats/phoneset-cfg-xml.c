/* phoneset-cfg-xml.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XML scanning shared by the XML codecs: they find settings with a
 * scanner of their own, to edit them in place byte for byte.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-cfg-private.h"
#include "phoneset-error.h"

char *
cfg_xml_escape (const char *value)
{
  return g_markup_escape_text (value, -1);
}

char *
cfg_xml_unescape (const char *text,
                  gsize       len)
{
  GString    *str = g_string_sized_new (len);
  const char *end = text + len;

  for (const char *p = text; p < end; p++)
    {
      if (*p != '&')
        {
          g_string_append_c (str, *p);
          continue;
        }
      {
        const char *semi = memchr (p, ';', end - p);
        gsize       n = semi ? (gsize)(semi - p - 1) : 0;

        if (semi == NULL)
          {
            g_string_append_c (str, *p);
            continue;
          }
        if (n == 3 && memcmp (p + 1, "amp", 3) == 0)
          g_string_append_c (str, '&');
        else if (n == 2 && memcmp (p + 1, "lt", 2) == 0)
          g_string_append_c (str, '<');
        else if (n == 2 && memcmp (p + 1, "gt", 2) == 0)
          g_string_append_c (str, '>');
        else if (n == 4 && memcmp (p + 1, "quot", 4) == 0)
          g_string_append_c (str, '"');
        else if (n == 4 && memcmp (p + 1, "apos", 4) == 0)
          g_string_append_c (str, '\'');
        else if (n >= 2 && p[1] == '#')
          {
            g_autofree char *num = g_strndup (p + 2, n - 1);
            guint64          code = 0;
            gboolean         ok;

            if (num[0] == 'x' || num[0] == 'X')
              ok = g_ascii_string_to_unsigned (num + 1, 16, 1, 0x10FFFF, &code, NULL);
            else
              ok = g_ascii_string_to_unsigned (num, 10, 1, 0x10FFFF, &code, NULL);
            if (ok && g_unichar_validate ((gunichar)code))
              g_string_append_unichar (str, (gunichar)code);
          }
        else
          g_string_append_len (str, p, semi - p + 1);
        p = semi;
      }
    }

  return g_string_free (str, FALSE);
}

const char *
cfg_find_tag_end (const char *p,
                  const char *end)
{
  char quote = 0;

  for (; p < end; p++)
    {
      if (quote)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p;
    }
  return NULL;
}

char *
cfg_tag_attribute (const char *tag,
                   gsize       len,
                   const char *name)
{
  gsize       name_len = strlen (name);
  const char *end = tag + len;

  for (const char *p = tag; p + name_len + 2 < end; p++)
    {
      if (g_ascii_isspace (*p) && memcmp (p + 1, name, name_len) == 0)
        {
          const char *q = p + 1 + name_len;

          while (q < end && g_ascii_isspace (*q))
            q++;
          if (q < end && *q == '=')
            {
              char        quote;
              const char *close;

              q++;
              while (q < end && g_ascii_isspace (*q))
                q++;
              if (q >= end || (*q != '"' && *q != '\''))
                return NULL;
              quote = *q++;
              close = memchr (q, quote, end - q);
              if (close == NULL)
                return NULL;
              return cfg_xml_unescape (q, close - q);
            }
        }
    }
  return NULL;
}

guint
cfg_count_lines (const char *from,
                 const char *to)
{
  guint n = 0;

  for (const char *p = from; p < to; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* Where the XML parser (GMarkup) ends what starts at @open ("<?" or "<!"),
 * so that nothing inside is taken for a setting: a processing instruction
 * at "?>" (its own "<?" counts: "<?>" is whole), CDATA at "]]>", a comment at "-->", any other
 * declaration
 * (<!DOCTYPE …>, with an internal subset) at the ">" that balances every
 * "<" since @open. Returns the byte after it, or @end. */
const char *
cfg_passthrough_end (const char *open,
                     const char *end)
{
  const char *terminator = NULL;
  int         balance = 1;

  if (open[1] == '?')
    terminator = "?>";
  else if (end - open >= 9 && memcmp (open, "<![CDATA[", 9) == 0)
    terminator = "]]>";
  else if (end - open >= 4 && memcmp (open, "<!--", 4) == 0)
    terminator = "-->";
  if (terminator != NULL)
    {
      /* GMarkup ends a processing instruction at the first '>' after a
       * '?', the opening one included: "<?>" is a whole one. A comment's
       * "--" and CDATA's "]]" cannot overlap their openers this way. */
      const char *from = open[1] == '?' ? open + 1 : open + 2;
      const char *close = g_strstr_len (from, end - from, terminator);

      return close ? close + strlen (terminator) : end;
    }
  for (const char *c = open + 1; c < end; c++)
    {
      if (*c == '<')
        balance++;
      else if (*c == '>' && --balance == 0)
        return c + 1;
    }
  return end;
}

/* Well-formedness, as GMarkup reads it ---------------------------------- */

#define CFG_XML_MAX_DEPTH 64

typedef struct
{
  guint       depth;
  const char *root;
  const char *root_hint;
} WellFormed;

static void
well_formed_start (GMarkupParseContext  *context,
                   const char           *element_name,
                   const char          **attribute_names,
                   const char          **attribute_values,
                   gpointer              user_data,
                   GError              **error)
{
  WellFormed *w = user_data;

  if (w->depth == 0 && w->root != NULL && !g_str_equal (element_name, w->root))
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("the root element is <%s>, %s"), element_name, w->root_hint);
      return;
    }
  if (++w->depth > CFG_XML_MAX_DEPTH)
    g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                         _("elements are nested too deeply"));
}

static void
well_formed_end (GMarkupParseContext  *context,
                 const char           *element_name,
                 gpointer              user_data,
                 GError              **error)
{
  WellFormed *w = user_data;

  w->depth--;
}

/* Checks that @data is well-formed XML (and, with @root, that its root
 * element is that one; @root_hint says what the file should start with).
 * A refusal names the line. */
gboolean
cfg_xml_check_well_formed (const char         *data,
                           gsize               len,
                           GMarkupParseFlags   flags,
                           const char         *root,
                           const char         *root_hint,
                           GError            **error)
{
  static const GMarkupParser parser = { well_formed_start, well_formed_end, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  WellFormed w = { 0, root, root_hint };

  context = g_markup_parse_context_new (&parser, flags, &w, NULL);
  if (!g_markup_parse_context_parse (context, data, len, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      int              line = 0, column = 0;
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_markup_parse_context_get_position (context, &line, &column);
      line = MAX (line, 1);
      if (g_error_matches (local_error, G_MARKUP_ERROR, G_MARKUP_ERROR_BAD_UTF8))
        g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                     _("line %d: text that is not UTF-8; an XML file must be UTF-8 text (only its comments may hold other bytes)"),
                        line);
      else
        g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE, _("line %d: %s"), line, message);
      return FALSE;
    }
  return TRUE;
}
