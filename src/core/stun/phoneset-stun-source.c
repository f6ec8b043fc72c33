/* phoneset-stun-source.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `phoneset stun-server` saw from one source address and port, the
 * snom 4S STUN server's statistics row: first and last seen, requests
 * (“hits”: no change + change IP + change port + errors), the measured
 * refresh interval (the median gap between the source's refreshes, a
 * burst of requests less than PHONESET_STUN_BURST_MS apart counting as
 * one), and the phone of the inventory it belongs to. The server updates
 * it; "changed" is emitted at most a few times a second.
 */

#define G_LOG_DOMAIN "phoneset-stun-source"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "phoneset-config.h"
#include "phoneset-profile.h"
#include "phoneset-stun-keepalive.h"
#include "phoneset-stun-message.h"
#include "phoneset-stun-source-private.h"
#include "phoneset-core-test-private.h"

/* The gaps kept for the median: the last half hour at one a minute. */
#define MAX_GAPS 31

struct _PhonesetStunSource
{
  GObject        parent_instance;

  char          *address; /* "ip:port" */
  char          *host;
  guint64        sequence; /* the order sources were first seen in */
  PhonesetPhone *phone;
  GPtrArray     *profiles;    /* to find the phone's profile when it has no config */
  int            lifetime_ms; /* the server's, when the phone has none; -1 */

  gint64         first_seen; /* wall clock, µs */
  gint64         last_seen;
  guint64        no_change;
  guint64        change_ip;
  guint64        change_port;
  guint64        errors;
  guint64        unanswered;
  guint64        rate_limited;
  guint64        in_bytes;
  guint64        in_count;
  guint64        out_bytes;
  guint64        out_count;

  /* The refreshes: monotonic µs. */
  gint64         last_request;
  gint64         burst_start;
  int            gaps[MAX_GAPS];
  guint          n_gaps;
  guint          next_gap;

  /* Rate limit: a token bucket. */
  double         tokens;
  gint64         tokens_time;
};

G_DEFINE_FINAL_TYPE (PhonesetStunSource, phoneset_stun_source, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
phoneset_stun_source_finalize (GObject *object)
{
  PhonesetStunSource *self = (PhonesetStunSource *)object;

  g_free (self->address);
  g_free (self->host);
  g_clear_object (&self->phone);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);

  G_OBJECT_CLASS (phoneset_stun_source_parent_class)->finalize (object);
}

static void
phoneset_stun_source_class_init (PhonesetStunSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = phoneset_stun_source_finalize;

  /**
   * PhonesetStunSource::changed:
   * @self: the source
   *
   * Its statistics changed (emitted at most a few times a second).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
phoneset_stun_source_init (PhonesetStunSource *self)
{
  self->lifetime_ms = -1;
  self->tokens = -1;
}

PhonesetStunSource *
_phoneset_stun_source_new (const char *address,
                           const char *host,
                           guint64     sequence)
{
  PhonesetStunSource *self = g_object_new (PHONESET_TYPE_STUN_SOURCE, NULL);

  self->address = g_strdup (address);
  self->host = g_strdup (host);
  self->sequence = sequence;
  return self;
}

guint64
_phoneset_stun_source_get_sequence (PhonesetStunSource *self)
{
  return self->sequence;
}

void
_phoneset_stun_source_set_phone (PhonesetStunSource *self,
                                 PhonesetPhone      *phone,
                                 GPtrArray          *profiles)
{
  g_set_object (&self->phone, phone);
  if (profiles != self->profiles)
    {
      g_clear_pointer (&self->profiles, g_ptr_array_unref);
      self->profiles = profiles ? g_ptr_array_ref (profiles) : NULL;
    }
}

void
_phoneset_stun_source_set_lifetime (PhonesetStunSource *self,
                                    int                 lifetime_ms)
{
  self->lifetime_ms = lifetime_ms;
}

/* A bucket of 2 × @rate tokens (at least 10), filled at @rate a second;
 * each request takes one. Returns %FALSE (and counts it) when empty. */
gboolean
_phoneset_stun_source_take_token (PhonesetStunSource *self,
                                  gint64              now_us,
                                  guint               rate)
{
  double burst = MAX (2.0 * rate, 10.0);

  if (rate == 0)
    return TRUE;
  if (self->tokens < 0)
    self->tokens = burst;
  else
    self->tokens =
      MIN (burst, self->tokens + (now_us - self->tokens_time) * (double)rate / G_USEC_PER_SEC);
  self->tokens_time = now_us;
  if (self->tokens < 1.0)
    {
      self->rate_limited++;
      return FALSE;
    }
  self->tokens -= 1.0;
  return TRUE;
}

/**
 * _phoneset_stun_source_count:
 * @now_us: monotonic time
 * @wall_us: wall-clock time
 * @valid: a request or indication (not malformed, not answered with an error)
 * @change_flags: its CHANGE-REQUEST
 * @in_bytes: its size
 * @out_bytes: the answer's size
 * @answered: whether it was answered (with a response or an error)
 */
void
_phoneset_stun_source_count (PhonesetStunSource *self,
                             gint64              now_us,
                             gint64              wall_us,
                             gboolean            valid,
                             guint               change_flags,
                             gsize               in_bytes,
                             gsize               out_bytes,
                             gboolean            answered)
{
  if (self->first_seen == 0)
    self->first_seen = wall_us;
  self->last_seen = wall_us;
  if (!answered)
    self->unanswered++;
  if (!valid)
    {
      self->errors++;
      return;
    }
  if (change_flags & PHONESET_STUN_CHANGE_IP)
    self->change_ip++;
  else if (change_flags & PHONESET_STUN_CHANGE_PORT)
    self->change_port++;
  else
    self->no_change++;
  self->in_bytes += in_bytes;
  self->in_count++;
  if (answered && out_bytes > 0)
    {
      self->out_bytes += out_bytes;
      self->out_count++;
    }

  /* A refresh starts with the first request of a burst. */
  if (self->last_request == 0)
    self->burst_start = now_us;
  else if (now_us - self->last_request >= PHONESET_STUN_BURST_MS * (gint64)1000)
    {
      gint64 gap_ms = (now_us - self->burst_start) / 1000;

      self->gaps[self->next_gap] = (int)MIN (gap_ms, G_MAXINT);
      self->next_gap = (self->next_gap + 1) % MAX_GAPS;
      self->n_gaps = MIN (self->n_gaps + 1, MAX_GAPS);
      self->burst_start = now_us;
    }
  self->last_request = now_us;
}

void
_phoneset_stun_source_changed (PhonesetStunSource *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
phoneset_stun_source_get_address (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), NULL);
  return self->address;
}

const char *
phoneset_stun_source_get_host (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), NULL);
  return self->host;
}

/**
 * phoneset_stun_source_get_phone:
 *
 * Returns: (transfer none) (nullable): the phone of the inventory at this
 *   address
 */
PhonesetPhone *
phoneset_stun_source_get_phone (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), NULL);
  return self->phone;
}

/**
 * phoneset_stun_source_dup_phone_name:
 *
 * Returns: (transfer full) (nullable): the phone's name, %NULL when the
 *   source is no phone of the inventory
 */
char *
phoneset_stun_source_dup_phone_name (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), NULL);
  return self->phone ? phoneset_phone_dup_display_name (self->phone) : NULL;
}

/* Wall-clock times in µs since the epoch. */
gint64
phoneset_stun_source_get_first_seen (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), 0);
  return self->first_seen;
}

gint64
phoneset_stun_source_get_last_seen (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), 0);
  return self->last_seen;
}

/* All the source sent but what the rate limit dropped: no change +
 * change IP + change port + errors (the snom server's "hits"). */
guint64
phoneset_stun_source_get_requests (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), 0);
  return self->no_change + self->change_ip + self->change_port + self->errors;
}

guint64
phoneset_stun_source_get_no_change (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), 0);
  return self->no_change;
}

guint64
phoneset_stun_source_get_change_ip (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), 0);
  return self->change_ip;
}

guint64
phoneset_stun_source_get_change_port (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), 0);
  return self->change_port;
}

/* Malformed requests, unknown attributes, other methods. */
guint64
phoneset_stun_source_get_errors (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), 0);
  return self->errors;
}

/* Requests not answered: malformed ones, indications, and change-IP
 * requests without an other address. */
guint64
phoneset_stun_source_get_unanswered (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), 0);
  return self->unanswered;
}

guint64
phoneset_stun_source_get_rate_limited (PhonesetStunSource *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), 0);
  return self->rate_limited;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/**
 * phoneset_stun_source_get_interval_ms:
 *
 * Returns: the median gap between the source's refreshes (of the last
 *   31), -1 before the second refresh
 */
int
phoneset_stun_source_get_interval_ms (PhonesetStunSource *self)
{
  int sorted[MAX_GAPS];

  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), -1);

  if (self->n_gaps == 0)
    return -1;
  memcpy (sorted, self->gaps, self->n_gaps * sizeof (int));
  qsort (sorted, self->n_gaps, sizeof (int), compare_int);
  if (self->n_gaps % 2 == 1)
    return sorted[self->n_gaps / 2];
  return (sorted[self->n_gaps / 2 - 1] + sorted[self->n_gaps / 2]) / 2;
}

/**
 * phoneset_stun_source_get_lifetime_ms:
 * @measured: (out) (optional): %TRUE when the self-test measured it (the
 *   phone's), %FALSE when it was given to the server
 *
 * Returns: the router's binding lifetime the source is judged against, -1
 *   when there is none
 */
int
phoneset_stun_source_get_lifetime_ms (PhonesetStunSource *self,
                                      gboolean           *measured)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), -1);

  if (self->phone != NULL && phoneset_phone_get_binding_lifetime_ms (self->phone) > 0)
    {
      if (measured)
        *measured = TRUE;
      return phoneset_phone_get_binding_lifetime_ms (self->phone);
    }
  if (measured)
    *measured = FALSE;
  return self->lifetime_ms;
}

/* The phone's own name for the setting that sets its refresh. */
static const char *
refresh_setting_title (PhonesetStunSource *self)
{
  const char      *ids[] = { "nat.stun.refresh", "nat.keepalive.interval" };
  PhonesetConfig  *config = self->phone ? phoneset_phone_get_config (self->phone) : NULL;
  PhonesetProfile *profile = config ? phoneset_config_get_profile (config) : NULL;

  if (profile == NULL && self->phone != NULL && self->profiles != NULL &&
      phoneset_phone_get_profile_id (self->phone) != NULL)
    profile = phoneset_profiles_find (self->profiles, phoneset_phone_get_profile_id (self->phone));

  for (guint i = 0; profile != NULL && i < G_N_ELEMENTS (ids); i++)
    {
      PhonesetSetting *setting = phoneset_profile_lookup_setting (profile, ids[i]);

      if (setting != NULL)
        return phoneset_setting_get_title (setting);
    }
  return NULL;
}

/**
 * phoneset_stun_source_dup_verdict:
 *
 * Returns: (transfer full) (nullable): the keep-alive verdict, %NULL while
 *   the interval is not known
 */
char *
phoneset_stun_source_dup_verdict (PhonesetStunSource *self)
{
  gboolean measured = FALSE;
  int      lifetime;

  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), NULL);

  lifetime = phoneset_stun_source_get_lifetime_ms (self, &measured);
  return phoneset_stun_keepalive_verdict (phoneset_stun_source_get_interval_ms (self), lifetime,
                                          measured, refresh_setting_title (self));
}

static gboolean
get_cost (PhonesetStunSource *self,
          PhonesetStunCost   *cost)
{
  int interval = phoneset_stun_source_get_interval_ms (self);

  if (interval <= 0 || self->in_count == 0)
    return FALSE;
  phoneset_stun_keepalive_cost (interval, (double)self->in_bytes / self->in_count,
                                self->out_count ? (double)self->out_bytes / self->out_count : 0,
                                cost);
  return TRUE;
}

/**
 * phoneset_stun_source_dup_cost:
 *
 * Returns: (transfer full) (nullable): the keep-alive traffic a month, in
 *   words; %NULL while the interval is not known
 */
char *
phoneset_stun_source_dup_cost (PhonesetStunSource *self)
{
  PhonesetStunCost cost;

  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), NULL);

  if (!get_cost (self, &cost))
    return NULL;
  return phoneset_stun_keepalive_cost_text (&cost);
}

static void
add_time (JsonBuilder *b,
          const char  *name,
          gint64       us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
  g_autofree char *text = time ? g_date_time_format_iso8601 (time) : NULL;

  json_builder_set_member_name (b, name);
  if (text != NULL)
    json_builder_add_string_value (b, text);
  else
    json_builder_add_null_value (b);
}

static void
add_count (JsonBuilder *b,
           const char  *name,
           guint64      value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, (gint64)MIN (value, (guint64)G_MAXINT64));
}

/**
 * phoneset_stun_source_to_json:
 *
 * Returns: (transfer full): `{ "address": "ip:port", "phone", "first_seen",
 *   "last_seen", "requests", "no_change", "change_ip", "change_port",
 *   "errors", "unanswered", "rate_limited", "interval_ms",
 *   "binding_lifetime_ms", "verdict", "cost" }`
 */
JsonNode *
phoneset_stun_source_to_json (PhonesetStunSource *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *phone = NULL;
  g_autofree char *verdict = NULL;
  PhonesetStunCost cost;
  int              interval;
  int              lifetime;

  g_return_val_if_fail (PHONESET_IS_STUN_SOURCE (self), NULL);

  phone = phoneset_stun_source_dup_phone_name (self);
  verdict = phoneset_stun_source_dup_verdict (self);
  interval = phoneset_stun_source_get_interval_ms (self);
  lifetime = phoneset_stun_source_get_lifetime_ms (self, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "address");
  json_builder_add_string_value (b, self->address);
  json_builder_set_member_name (b, "phone");
  if (phone != NULL)
    json_builder_add_string_value (b, phone);
  else
    json_builder_add_null_value (b);
  add_time (b, "first_seen", self->first_seen);
  add_time (b, "last_seen", self->last_seen);
  add_count (b, "requests", phoneset_stun_source_get_requests (self));
  add_count (b, "no_change", self->no_change);
  add_count (b, "change_ip", self->change_ip);
  add_count (b, "change_port", self->change_port);
  add_count (b, "errors", self->errors);
  add_count (b, "unanswered", self->unanswered);
  add_count (b, "rate_limited", self->rate_limited);
  json_builder_set_member_name (b, "interval_ms");
  if (interval >= 0)
    json_builder_add_int_value (b, interval);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "binding_lifetime_ms");
  if (lifetime > 0)
    json_builder_add_int_value (b, lifetime);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "verdict");
  if (verdict != NULL)
    json_builder_add_string_value (b, verdict);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "cost");
  if (get_cost (self, &cost))
    {
      json_builder_begin_object (b);
      add_count (b, "requests_per_month", cost.requests);
      add_count (b, "bytes_sent_per_month", cost.bytes_sent);
      add_count (b, "bytes_total_per_month", cost.bytes_total);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
