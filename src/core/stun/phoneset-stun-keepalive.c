/* phoneset-stun-keepalive.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone's STUN keep-alive in phone terms: how often it refreshes its
 * binding against how long the router keeps an idle one (the self-test's
 * binding lifetime), and what the refreshes cost a month. The snom 4S STUN
 * server manual puts the cost of one refresh a minute at roughly 50,000
 * packets and 3 MB a month (its own side: 43,200 requests of about 56
 * bytes on the wire); the SwyxWare LinkManager sends one at least every
 * 10 s. Pure functions: tests/test-stun-server.c checks them with tables.
 */

#define G_LOG_DOMAIN "phoneset-stun-keepalive"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-stun-keepalive.h"

/* 30 days, the month of the cost. */
#define MONTH_S (30 * 24 * 3600)
/* An IPv4 and a UDP header. */
#define HEADERS_BYTES 28

/**
 * phoneset_stun_keepalive_for_lifetime:
 * @lifetime_ms: the router's binding lifetime
 *
 * The keep-alive interval for a measured binding lifetime: half of it, so
 * that one lost keep-alive still leaves the binding open, never above
 * the default STUN refresh of 50 s in seed 003 (the PLANET VIP guide),
 * and at least 1 s.
 *
 * Returns: seconds
 */
int
phoneset_stun_keepalive_for_lifetime (int lifetime_ms)
{
  int half = lifetime_ms / 2000;

  return CLAMP (half, 1, 50);
}

/**
 * phoneset_stun_format_duration:
 * @ms: a duration
 *
 * Returns: (transfer full): "30 s", "2.5 s", "4 min"
 */
char *
phoneset_stun_format_duration (int ms)
{
  if (ms < 0)
    return g_strdup ("—");
  if (ms < 10000)
    return g_strdup_printf (_("%.1f s"), ms / 1000.0);
  if (ms >= 600000 && ms % 60000 < 1000)
    return g_strdup_printf (_("%d min"), ms / 60000);
  return g_strdup_printf (_("%d s"), (ms + 500) / 1000);
}

/**
 * phoneset_stun_keepalive_verdict:
 * @interval_ms: how often the phone refreshes its binding (the median gap
 *   between its requests), -1 when not known yet
 * @lifetime_ms: how long the router keeps an idle binding, -1 when not
 *   measured
 * @lifetime_measured: %TRUE when the self-test measured @lifetime_ms,
 *   %FALSE when the user gave it
 * @setting_title: (nullable): the phone's setting that sets the interval,
 *   as its menu names it (“Binding Period”), %NULL when the phone is not
 *   known
 *
 * Returns: (transfer full) (nullable): the verdict in phone terms, %NULL
 *   while the interval is not known
 */
char *
phoneset_stun_keepalive_verdict (int         interval_ms,
                                 int         lifetime_ms,
                                 gboolean    lifetime_measured,
                                 const char *setting_title)
{
  g_autofree char *every = NULL;
  g_autofree char *lifetime = NULL;
  const char      *setting;
  const char      *how;

  if (interval_ms < 0)
    return NULL;
  every = phoneset_stun_format_duration (interval_ms);
  /* Translators: the phone setting to change when the phone is not known. */
  setting = setting_title ? setting_title : _("Binding Period / keep-alive");

  if (lifetime_ms <= 0)
    {
      if (interval_ms <= 25000)
        return g_strdup_printf (
          _("This phone refreshes its STUN binding every %s; the router’s binding lifetime has not been "
                                  "measured (run the STUN self-test with “Measure How Long a Binding Lives” from this phone’s "
                                  "page), but %s stays below the 30 s after which many routers forget an idle binding."),
             every, every);
      return g_strdup_printf (
        _("This phone refreshes its STUN binding every %s; the router’s binding lifetime has not been "
                                "measured (run the STUN self-test with “Measure How Long a Binding Lives” from this phone’s "
                                "page). Many routers forget an idle binding after 30 s: measure it, or set %s to 25 s."),
           every, setting);
    }

  lifetime = phoneset_stun_format_duration (lifetime_ms);
  how = lifetime_measured ? _("measured by the self-test") : _("as given");
  if (interval_ms >= lifetime_ms)
    return g_strdup_printf (_("This phone refreshes its STUN binding every %s: longer than the router’s %s (%s), so incoming "
                              "calls will be lost; set %s to %d s."),
                               every, lifetime, how, setting,
                               phoneset_stun_keepalive_for_lifetime (lifetime_ms));
  if (interval_ms * 5 >= lifetime_ms * 4)
    return g_strdup_printf (
      _("This phone refreshes its STUN binding every %s; the router keeps idle bindings for %s (%s): just "
                              "enough, but one late or lost refresh lets the binding lapse; set %s to %d s."),
         every, lifetime, how, setting, phoneset_stun_keepalive_for_lifetime (lifetime_ms));
  return g_strdup_printf (_("This phone refreshes its STUN binding every %s; the router keeps idle bindings for %s (%s): fine."),
                             every, lifetime, how);
}

/**
 * phoneset_stun_keepalive_cost:
 * @interval_ms: the refresh interval (> 0)
 * @request_bytes: a request's STUN size, on average
 * @answer_bytes: an answer's STUN size, on average (0: none seen)
 * @cost: (out): the keep-alive traffic of 30 days
 */
void
phoneset_stun_keepalive_cost (int               interval_ms,
                              double            request_bytes,
                              double            answer_bytes,
                              PhonesetStunCost *cost)
{
  g_return_if_fail (cost != NULL);

  memset (cost, 0, sizeof *cost);
  if (interval_ms <= 0)
    return;
  cost->requests = (guint64)MONTH_S * 1000 / (guint64)interval_ms;
  cost->bytes_sent = (guint64)(cost->requests * (request_bytes + HEADERS_BYTES));
  cost->bytes_total =
    cost->bytes_sent +
    (answer_bytes > 0 ? (guint64)(cost->requests * (answer_bytes + HEADERS_BYTES)) : 0);
}

/**
 * phoneset_stun_keepalive_cost_text:
 * @cost: a cost
 *
 * Returns: (transfer full): the cost in a sentence
 */
char *
phoneset_stun_keepalive_cost_text (const PhonesetStunCost *cost)
{
  g_autofree char *sent = NULL;
  g_autofree char *total = NULL;

  g_return_val_if_fail (cost != NULL, NULL);

  sent = g_format_size (cost->bytes_sent);
  total = g_format_size (cost->bytes_total);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Keep-alive traffic: about %'llu request and %s a month "
                                       "from the phone (%s with the answers).",
                                       "Keep-alive traffic: about %'llu requests and %s a month "
                                       "from the phone (%s with the answers).",
                                       (gulong)MIN (cost->requests, G_MAXULONG)),
                          (unsigned long long)cost->requests, sent, total);
}
