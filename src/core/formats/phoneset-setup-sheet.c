/* phoneset-setup-sheet.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The setup sheet: for a phone without a provisioning file format (the
 * Konftel 300IP), or for settings a file cannot carry, a printable page that
 * lists each setting to change, in the order of the phone's menus, with the
 * menu path, the keypad shortcut and the value, and a box to tick.
 */

#define G_LOG_DOMAIN "phoneset-setup-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-setup-sheet.h"

static const char *style =
  "body{font-family:Cantarell,'Noto Sans',sans-serif;color:#241f31;margin:2em "
  "auto;max-width:60em;padding:0 1em}"
  "h1{font-size:1.6em;margin-bottom:.2em}"
  "h2{font-size:1.15em;margin:1.6em 0 .3em;border-bottom:2px solid #3584e4;padding-bottom:.2em}"
  ".sub{color:#5e5c64;margin-top:0}"
  ".path{font-family:'Source Code Pro',monospace;font-size:.92em}"
  ".keypad{display:inline-block;border:1px solid #9a9996;border-radius:4px;padding:0 "
  ".35em;font-family:monospace}"
  "table{border-collapse:collapse;width:100%}"
  "th,td{text-align:left;vertical-align:top;padding:.45em .5em;border-bottom:1px solid #deddda}"
  "th{font-size:.85em;color:#5e5c64;font-weight:600}"
  "td.value{font-weight:700;font-family:'Source Code Pro',monospace;word-break:break-all}"
  "td.done{width:2em;text-align:center;font-size:1.3em}"
  ".note{background:#fdf6e3;border-left:4px solid #e5a50a;padding:.4em .7em;margin:.5em "
  "0;font-size:.92em}"
  ".reboot{color:#c01c28;font-size:.85em}"
  ".empty{color:#5e5c64;font-style:italic}"
  "@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

static void
append_escaped (GString    *str,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (str, escaped);
}

/* The title, the line under it, the profile's notes. */
static void
append_head (GString         *html,
             PhonesetProfile *profile,
             const char      *phone,
             guint            n_set)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char   *date = g_date_time_format (now, "%Y-%m-%d");
  const char *const *notes = phoneset_profile_get_notes (profile);

  g_string_append (
    html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  append_escaped (html, phoneset_profile_get_title (profile));
  g_string_append_printf (html, " — %s</title>\n<style>%s</style>\n</head>\n<body>\n<h1>",
                          _("Setup sheet"), style);
  append_escaped (html, phoneset_profile_get_title (profile));
  g_string_append (html, "</h1>\n<p class=\"sub\">");
  if (phone != NULL)
    {
      append_escaped (html, phone);
      g_string_append (html, " · ");
    }
  g_string_append_printf (html,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u setting to change · made by Phoneset on %s",
                                       "%u settings to change · made by Phoneset on %s", n_set),
                          n_set, date);
  g_string_append (html, "</p>\n");

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    {
      g_string_append (html, "<p class=\"note\">");
      append_escaped (html, notes[i]);
      g_string_append (html, "</p>\n");
    }
}

/* A page's heading, menu path and the head of its table. */
static void
append_page_head (GString      *html,
                  PhonesetPage *page)
{
  g_autofree char *page_path = g_strjoinv (" › ", page->menu_path);

  g_string_append (html, "<h2>");
  append_escaped (html, page->title);
  g_string_append (html, "</h2>\n<p class=\"path\">");
  append_escaped (html, page_path);
  if (page->keypad != NULL)
    {
      g_string_append_printf (html, " · %s <span class=\"keypad\">", _("keypad"));
      append_escaped (html, page->keypad);
      g_string_append (html, "</span>");
    }
  g_string_append_printf (html,
                          "</p>\n<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</"
                          "th><th>%s</th></tr></thead><tbody>\n",
                          _("Setting"), _("Where on the phone"), _("Keypad"), _("Value"),
                                                                                    _("Done"));
}

/* One setting's row, and its note. */
static void
append_setting_row (GString         *html,
                    PhonesetSetting *setting,
                    const char      *value,
                    gboolean         include_secrets)
{
  g_autofree char *path = phoneset_setting_dup_menu_path_text (setting);
  g_autofree char *shown = NULL;
  const char      *keypad = phoneset_setting_get_keypad (setting);

  if (phoneset_setting_is_secret (setting) && !include_secrets)
    shown = g_strdup (_("(the password you were given)"));
  else if (phoneset_setting_get_value_type (setting) == PHONESET_SETTING_PASSWORD)
    shown = g_strdup (value);
  else
    shown = phoneset_setting_dup_display_value (setting, value);

  g_string_append (html, "<tr><td>");
  append_escaped (html, phoneset_setting_get_title (setting));
  if (phoneset_setting_get_reboot (setting))
    g_string_append_printf (html, "<br><span class=\"reboot\">%s</span>", _("needs a restart"));
  g_string_append (html, "</td><td class=\"path\">");
  append_escaped (html, path);
  g_string_append (html, "</td><td>");
  if (keypad != NULL)
    {
      g_string_append (html, "<span class=\"keypad\">");
      append_escaped (html, keypad);
      g_string_append (html, "</span>");
    }
  g_string_append (html, "</td><td class=\"value\">");
  if (shown[0] == '\0')
    g_string_append_printf (html, "<span class=\"empty\">%s</span>", _("(empty)"));
  else if (phoneset_setting_is_secret (setting) && !include_secrets)
    {
      g_string_append (html, "<span class=\"empty\">");
      append_escaped (html, shown);
      g_string_append (html, "</span>");
    }
  else
    append_escaped (html, shown);
  g_string_append (html, "</td><td class=\"done\">☐</td></tr>\n");

  if (phoneset_setting_get_note (setting) != NULL)
    {
      g_string_append (html, "<tr><td colspan=\"5\"><div class=\"note\">");
      append_escaped (html, phoneset_setting_get_note (setting));
      g_string_append (html, "</div></td></tr>\n");
    }
}

/**
 * phoneset_setup_sheet_render:
 * @config: the values to set
 * @phone: (nullable): how to name the phone on the sheet (address, MAC, name)
 * @include_secrets: print passwords (off by default: the sheet leaves a line
 *   to write them in)
 *
 * Returns: (transfer full): the sheet as a self-contained HTML page
 */
char *
phoneset_setup_sheet_render (PhonesetConfig *config,
                             const char     *phone,
                             gboolean        include_secrets)
{
  PhonesetProfile *profile = phoneset_config_get_profile (config);
  g_autoptr(GPtrArray) set = phoneset_config_list_set (config);
  GString      *html = g_string_new (NULL);
  PhonesetPage *current_page = NULL;

  append_head (html, profile, phone, set->len);

  if (set->len == 0)
    {
      g_string_append (html, "<p class=\"empty\">");
      append_escaped (html, _("Nothing to change: this config sets no value."));
      g_string_append (html, "</p>\n");
    }

  for (guint i = 0; i < set->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (set, i);
      PhonesetPage    *page = phoneset_setting_get_page (setting);

      if (page != current_page)
        {
          if (current_page != NULL)
            g_string_append (html, "</tbody></table>\n");
          current_page = page;
          append_page_head (html, page);
        }
      append_setting_row (html, setting,
                          phoneset_config_get (config, phoneset_setting_get_id (setting)),
                          include_secrets);
    }
  if (current_page != NULL)
    g_string_append (html, "</tbody></table>\n");

  g_string_append (html, "</body>\n</html>\n");
  return g_string_free (html, FALSE);
}
