/* phoneset-stun-result.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a STUN / TURN / ICE self-test found, as the JSON document of
 * DESIGN.md and as text for people (verdict and plain words first, details
 * after), with the recommended phone settings.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-stun-keepalive.h"
#include "phoneset-stun-result-private.h"

G_DEFINE_FINAL_TYPE (PhonesetStunResult, phoneset_stun_result, G_TYPE_OBJECT)

static void
transport_clear (PhonesetStunTransportResult *t)
{
  g_clear_pointer (&t->server, g_free);
  g_clear_pointer (&t->local, g_free);
  g_clear_pointer (&t->mapped, g_free);
  g_clear_pointer (&t->mapped_plain, g_free);
  g_clear_pointer (&t->error, g_free);
}

static void
turn_clear (PhonesetStunTurnResult *t)
{
  g_clear_pointer (&t->relayed, g_free);
  g_clear_pointer (&t->mapped, g_free);
  g_clear_pointer (&t->error, g_free);
}

static void
recommendation_free (gpointer data)
{
  PhonesetStunRecommendation *r = data;

  g_free (r->setting);
  g_free (r->value);
  g_free (r->why);
  g_free (r);
}

static void
phoneset_stun_result_finalize (GObject *object)
{
  PhonesetStunResult *self = PHONESET_STUN_RESULT (object);

  g_free (self->server);
  g_free (self->software);
  g_free (self->other_address);
  transport_clear (&self->udp);
  transport_clear (&self->tcp);
  transport_clear (&self->tls);
  g_free (self->mapping);
  g_free (self->filtering);
  g_free (self->classic);
  g_free (self->behaviour_note);
  g_free (self->lifetime_note);
  turn_clear (&self->turn_udp);
  turn_clear (&self->turn_tcp);
  g_clear_pointer (&self->ice_candidates, g_ptr_array_unref);
  g_free (self->ice_error);
  g_clear_pointer (&self->recommendations, g_ptr_array_unref);

  G_OBJECT_CLASS (phoneset_stun_result_parent_class)->finalize (object);
}

static void
phoneset_stun_result_class_init (PhonesetStunResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_stun_result_finalize;
}

static void
phoneset_stun_result_init (PhonesetStunResult *self)
{
  self->nat_present = PHONESET_TRI_UNKNOWN;
  self->hairpinning = PHONESET_TRI_UNKNOWN;
  self->port_preserving = PHONESET_TRI_UNKNOWN;
  self->alg = PHONESET_TRI_UNKNOWN;
  self->lifetime_ms = -1;
  self->lifetime_low_ms = -1;
  self->lifetime_high_ms = -1;
  self->mapping = g_strdup ("inconclusive");
  self->filtering = g_strdup ("inconclusive");
  self->classic = g_strdup ("inconclusive");
  self->ice_candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)json_object_unref);
  self->recommendations = g_ptr_array_new_with_free_func (recommendation_free);
}

PhonesetStunResult *
_phoneset_stun_result_new (void)
{
  return g_object_new (PHONESET_TYPE_STUN_RESULT, NULL);
}

/**
 * phoneset_stun_result_get_reachable:
 * @self: a result
 *
 * Returns: %TRUE if the server answered over at least one transport
 */
gboolean
phoneset_stun_result_get_reachable (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), FALSE);

  return self->udp.reachable || self->tcp.reachable || self->tls.reachable;
}

/**
 * phoneset_stun_result_get_binding_lifetime_ms:
 * @self: a result
 *
 * Returns: how long the NAT kept an idle UDP binding, -1 when not measured
 */
int
phoneset_stun_result_get_binding_lifetime_ms (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), -1);

  return self->lifetime_ms;
}

/* The transport's part of the result; NULL for a value that is not one
 * transport. */
static PhonesetStunTransportResult *
transport_of (PhonesetStunResult     *self,
              PhonesetStunTransports  transport)
{
  switch (transport)
    {
    case PHONESET_STUN_TRANSPORT_UDP:
      return &self->udp;
    case PHONESET_STUN_TRANSPORT_TCP:
      return &self->tcp;
    case PHONESET_STUN_TRANSPORT_TLS:
      return &self->tls;
    default:
      return NULL;
    }
}

/* TURN is tried over UDP and TCP only. */
static PhonesetStunTurnResult *
turn_of (PhonesetStunResult     *self,
         PhonesetStunTransports  transport)
{
  switch (transport)
    {
    case PHONESET_STUN_TRANSPORT_UDP:
      return &self->turn_udp;
    case PHONESET_STUN_TRANSPORT_TCP:
      return &self->turn_tcp;
    case PHONESET_STUN_TRANSPORT_TLS:
    default:
      return NULL;
    }
}

/**
 * phoneset_stun_result_get_server:
 * @self: a result
 *
 * Returns: the server as the test was asked to reach it ("host:port")
 */
const char *
phoneset_stun_result_get_server (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);

  return self->server;
}

/**
 * phoneset_stun_result_get_elapsed_ms:
 * @self: a result
 *
 * Returns: how long the whole test took
 */
gint64
phoneset_stun_result_get_elapsed_ms (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), 0);

  return self->elapsed_ms;
}

/**
 * phoneset_stun_result_get_software:
 * @self: a result
 *
 * Returns: (nullable): the server's SOFTWARE attribute
 */
const char *
phoneset_stun_result_get_software (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);

  return self->software;
}

/**
 * phoneset_stun_result_get_other_address:
 * @self: a result
 *
 * Returns: (nullable): the server's alternate address (RFC 5780
 *   OTHER-ADDRESS), "ip:port"
 */
const char *
phoneset_stun_result_get_other_address (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);

  return self->other_address;
}

/**
 * phoneset_stun_result_get_tested:
 * @self: a result
 * @transport: one transport
 *
 * Returns: %TRUE if the test asked the server over @transport
 */
gboolean
phoneset_stun_result_get_tested (PhonesetStunResult     *self,
                                 PhonesetStunTransports  transport)
{
  PhonesetStunTransportResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), FALSE);
  t = transport_of (self, transport);
  g_return_val_if_fail (t != NULL, FALSE);

  return t->tested;
}

/**
 * phoneset_stun_result_get_answered:
 * @self: a result
 * @transport: one transport
 *
 * Returns: %TRUE if the server answered over @transport
 */
gboolean
phoneset_stun_result_get_answered (PhonesetStunResult     *self,
                                   PhonesetStunTransports  transport)
{
  PhonesetStunTransportResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), FALSE);
  t = transport_of (self, transport);
  g_return_val_if_fail (t != NULL, FALSE);

  return t->tested && t->reachable;
}

/**
 * phoneset_stun_result_get_rtt_ms:
 * @self: a result
 * @transport: one transport
 *
 * Returns: the round trip over @transport, -1 when it got no answer
 */
int
phoneset_stun_result_get_rtt_ms (PhonesetStunResult     *self,
                                 PhonesetStunTransports  transport)
{
  PhonesetStunTransportResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), -1);
  t = transport_of (self, transport);
  g_return_val_if_fail (t != NULL, -1);

  return t->tested && t->reachable ? t->rtt_ms : -1;
}

/**
 * phoneset_stun_result_get_server_address:
 * @self: a result
 * @transport: one transport
 *
 * Returns: (nullable): the server address used over @transport, %NULL
 *   when the name did not resolve
 */
const char *
phoneset_stun_result_get_server_address (PhonesetStunResult     *self,
                                         PhonesetStunTransports  transport)
{
  PhonesetStunTransportResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);
  t = transport_of (self, transport);
  g_return_val_if_fail (t != NULL, NULL);

  return t->server;
}

/**
 * phoneset_stun_result_get_local_address:
 * @self: a result
 * @transport: one transport
 *
 * Returns: (nullable): this computer's address and port, "ip:port"
 */
const char *
phoneset_stun_result_get_local_address (PhonesetStunResult     *self,
                                        PhonesetStunTransports  transport)
{
  PhonesetStunTransportResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);
  t = transport_of (self, transport);
  g_return_val_if_fail (t != NULL, NULL);

  return t->local;
}

/**
 * phoneset_stun_result_get_mapped_address:
 * @self: a result
 * @transport: one transport
 *
 * Returns: (nullable): the address and port the server saw
 *   (XOR-MAPPED-ADDRESS), "ip:port"
 */
const char *
phoneset_stun_result_get_mapped_address (PhonesetStunResult     *self,
                                         PhonesetStunTransports  transport)
{
  PhonesetStunTransportResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);
  t = transport_of (self, transport);
  g_return_val_if_fail (t != NULL, NULL);

  return t->mapped;
}

/**
 * phoneset_stun_result_get_transport_error:
 * @self: a result
 * @transport: one transport
 *
 * Returns: (nullable): why @transport got no answer, or a note on an
 *   answer (a TLS certificate)
 */
const char *
phoneset_stun_result_get_transport_error (PhonesetStunResult     *self,
                                          PhonesetStunTransports  transport)
{
  PhonesetStunTransportResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);
  t = transport_of (self, transport);
  g_return_val_if_fail (t != NULL, NULL);

  return t->error;
}

/**
 * phoneset_stun_result_get_nat_present:
 * @self: a result
 *
 * Returns: whether the mapped address differs from this computer's
 */
PhonesetStunAnswer
phoneset_stun_result_get_nat_present (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), PHONESET_STUN_ANSWER_UNKNOWN);

  return self->nat_present;
}

/**
 * phoneset_stun_result_get_classic:
 * @self: a result
 *
 * Returns: the classic RFC 3489 name: "open", "symmetric-udp-firewall",
 *   "full-cone", "restricted-cone", "port-restricted-cone", "symmetric",
 *   "udp-blocked" or "inconclusive"
 */
const char *
phoneset_stun_result_get_classic (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);
  return self->classic;
}

/**
 * phoneset_stun_result_get_mapping:
 * @self: a result
 *
 * Returns: the mapping behaviour (RFC 5780): "endpoint-independent",
 *   "address-dependent", "address-and-port-dependent", "inconclusive" or
 *   "unsupported"
 */
const char *
phoneset_stun_result_get_mapping (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);
  return self->mapping;
}

/**
 * phoneset_stun_result_get_filtering:
 * @self: a result
 *
 * Returns: the filtering behaviour (RFC 5780), in the words of
 *   phoneset_stun_result_get_mapping()
 */
const char *
phoneset_stun_result_get_filtering (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);
  return self->filtering;
}

/**
 * phoneset_stun_result_get_hairpinning:
 * @self: a result
 *
 * Returns: whether phones behind the NAT reach each other through their
 *   public addresses
 */
PhonesetStunAnswer
phoneset_stun_result_get_hairpinning (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), PHONESET_STUN_ANSWER_UNKNOWN);

  return self->hairpinning;
}

/**
 * phoneset_stun_result_get_port_preserving:
 * @self: a result
 *
 * Returns: whether the NAT kept the local port as the public one
 */
PhonesetStunAnswer
phoneset_stun_result_get_port_preserving (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), PHONESET_STUN_ANSWER_UNKNOWN);

  return self->port_preserving;
}

/**
 * phoneset_stun_result_get_alg:
 * @self: a result
 *
 * Returns: whether a router rewrites STUN (an ALG: MAPPED-ADDRESS differs
 *   from XOR-MAPPED-ADDRESS)
 */
PhonesetStunAnswer
phoneset_stun_result_get_alg (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), PHONESET_STUN_ANSWER_UNKNOWN);

  return self->alg;
}

/**
 * phoneset_stun_result_get_lost_probes:
 * @self: a result
 *
 * Returns: the decisive probes with no answer in a class left inconclusive
 */
guint
phoneset_stun_result_get_lost_probes (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), 0);

  return self->lost_probes;
}

/**
 * phoneset_stun_result_get_behaviour_note:
 * @self: a result
 *
 * Returns: (nullable): why a class is inconclusive or unsupported
 */
const char *
phoneset_stun_result_get_behaviour_note (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);

  return self->behaviour_note;
}

/**
 * phoneset_stun_result_get_lifetime_tested:
 * @self: a result
 *
 * Returns: %TRUE if the test tried to measure the binding lifetime
 */
gboolean
phoneset_stun_result_get_lifetime_tested (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), FALSE);

  return self->lifetime_tested;
}

/**
 * phoneset_stun_result_get_lifetime_bounds:
 * @self: a result
 * @alive_at_ms: (out) (optional): the last idle time after which the
 *   binding still worked, -1 when not measured
 * @gone_at_ms: (out) (optional): the first after which it did not, -1
 *   when not measured
 */
void
phoneset_stun_result_get_lifetime_bounds (PhonesetStunResult *self,
                                          int                *alive_at_ms,
                                          int                *gone_at_ms)
{
  g_return_if_fail (PHONESET_IS_STUN_RESULT (self));

  if (alive_at_ms != NULL)
    *alive_at_ms = self->lifetime_low_ms;
  if (gone_at_ms != NULL)
    *gone_at_ms = self->lifetime_high_ms;
}

/**
 * phoneset_stun_result_get_lifetime_note:
 * @self: a result
 *
 * Returns: (nullable): why the lifetime was not measured, or a note on it
 */
const char *
phoneset_stun_result_get_lifetime_note (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);

  return self->lifetime_note;
}

/**
 * phoneset_stun_result_get_turn_tested:
 * @self: a result
 * @transport: %PHONESET_STUN_TRANSPORT_UDP or %PHONESET_STUN_TRANSPORT_TCP
 *
 * Returns: %TRUE if a TURN allocation was tried over @transport
 */
gboolean
phoneset_stun_result_get_turn_tested (PhonesetStunResult     *self,
                                      PhonesetStunTransports  transport)
{
  PhonesetStunTurnResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), FALSE);
  t = turn_of (self, transport);

  return t != NULL && t->tested;
}

/**
 * phoneset_stun_result_get_turn_allocated:
 * @self: a result
 * @transport: %PHONESET_STUN_TRANSPORT_UDP or %PHONESET_STUN_TRANSPORT_TCP
 *
 * Returns: %TRUE if the TURN server gave a relay over @transport
 */
gboolean
phoneset_stun_result_get_turn_allocated (PhonesetStunResult     *self,
                                         PhonesetStunTransports  transport)
{
  PhonesetStunTurnResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), FALSE);
  t = turn_of (self, transport);

  return t != NULL && t->tested && t->allocated;
}

/**
 * phoneset_stun_result_get_turn_relayed:
 * @self: a result
 * @transport: %PHONESET_STUN_TRANSPORT_UDP or %PHONESET_STUN_TRANSPORT_TCP
 *
 * Returns: (nullable): the relayed address, "ip:port"
 */
const char *
phoneset_stun_result_get_turn_relayed (PhonesetStunResult     *self,
                                       PhonesetStunTransports  transport)
{
  PhonesetStunTurnResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);
  t = turn_of (self, transport);

  return t != NULL ? t->relayed : NULL;
}

/**
 * phoneset_stun_result_get_turn_error_code:
 * @self: a result
 * @transport: %PHONESET_STUN_TRANSPORT_UDP or %PHONESET_STUN_TRANSPORT_TCP
 *
 * Returns: the TURN server's error code (401, 437, ...), 0 when none
 */
int
phoneset_stun_result_get_turn_error_code (PhonesetStunResult     *self,
                                          PhonesetStunTransports  transport)
{
  PhonesetStunTurnResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), 0);
  t = turn_of (self, transport);

  return t != NULL ? t->error_code : 0;
}

/**
 * phoneset_stun_result_get_turn_error:
 * @self: a result
 * @transport: %PHONESET_STUN_TRANSPORT_UDP or %PHONESET_STUN_TRANSPORT_TCP
 *
 * Returns: (nullable): why no relay was given ("401 Unauthorized", ...)
 */
const char *
phoneset_stun_result_get_turn_error (PhonesetStunResult     *self,
                                     PhonesetStunTransports  transport)
{
  PhonesetStunTurnResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);
  t = turn_of (self, transport);

  return t != NULL ? t->error : NULL;
}

/**
 * phoneset_stun_result_get_ice_tested:
 * @self: a result
 *
 * Returns: %TRUE if ICE candidates were gathered
 */
gboolean
phoneset_stun_result_get_ice_tested (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), FALSE);

  return self->ice_tested;
}

/**
 * phoneset_stun_result_get_n_ice_candidates:
 * @self: a result
 *
 * Returns: how many ICE candidates were gathered
 */
guint
phoneset_stun_result_get_n_ice_candidates (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), 0);

  return self->ice_candidates->len;
}

/**
 * phoneset_stun_result_get_ice_candidate:
 * @self: a result
 * @index: a candidate, below phoneset_stun_result_get_n_ice_candidates()
 * @type: (out) (optional): "host", "srflx", "prflx" or "relay"
 * @transport: (out) (optional): "udp" or "tcp"
 * @address: (out) (optional): "ip:port"
 *
 * Returns: %TRUE if there is such a candidate
 */
gboolean
phoneset_stun_result_get_ice_candidate (PhonesetStunResult  *self,
                                        guint                index,
                                        const char         **type,
                                        const char         **transport,
                                        const char         **address)
{
  JsonObject *o;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), FALSE);

  if (index >= self->ice_candidates->len)
    return FALSE;
  o = g_ptr_array_index (self->ice_candidates, index);
  if (type != NULL)
    *type = json_object_get_string_member_with_default (o, "type", NULL);
  if (transport != NULL)
    *transport = json_object_get_string_member_with_default (o, "transport", NULL);
  if (address != NULL)
    *address = json_object_get_string_member_with_default (o, "address", NULL);
  return TRUE;
}

/**
 * phoneset_stun_result_get_ice_error:
 * @self: a result
 *
 * Returns: (nullable): why gathering failed or stopped short
 */
const char *
phoneset_stun_result_get_ice_error (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);

  return self->ice_error;
}

/**
 * phoneset_stun_result_get_n_recommendations:
 * @self: a result
 *
 * Returns: how many phone settings the test recommends
 */
guint
phoneset_stun_result_get_n_recommendations (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), 0);

  return self->recommendations->len;
}

/**
 * phoneset_stun_result_get_recommendation:
 * @self: a result
 * @index: a recommendation, below phoneset_stun_result_get_n_recommendations()
 * @setting: (out) (optional): the setting id (the profiles' shared ids,
 *   "nat.stun.server")
 * @value: (out) (optional) (nullable): the value to set
 * @why: (out) (optional): why, in a sentence for people
 *
 * Returns: %TRUE if there is such a recommendation
 */
gboolean
phoneset_stun_result_get_recommendation (PhonesetStunResult  *self,
                                         guint                index,
                                         const char         **setting,
                                         const char         **value,
                                         const char         **why)
{
  PhonesetStunRecommendation *r;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), FALSE);

  if (index >= self->recommendations->len)
    return FALSE;
  r = g_ptr_array_index (self->recommendations, index);
  if (setting != NULL)
    *setting = r->setting;
  if (value != NULL)
    *value = r->value;
  if (why != NULL)
    *why = r->why;
  return TRUE;
}

void
_phoneset_stun_result_add_recommendation (PhonesetStunResult *self,
                                          const char         *setting,
                                          const char         *value,
                                          const char         *why)
{
  PhonesetStunRecommendation *r = g_new0 (PhonesetStunRecommendation, 1);

  r->setting = g_strdup (setting);
  r->value = g_strdup (value);
  r->why = g_strdup (why);
  g_ptr_array_add (self->recommendations, r);
}

/* The phone's default STUN refresh in seconds, 0 when its profile has
 * none (or no phone is known). */
static int
profile_refresh_default_s (PhonesetProfile *profile)
{
  PhonesetSetting *setting =
    profile ? phoneset_profile_lookup_setting (profile, "nat.stun.refresh") : NULL;
  const char *value = setting ? phoneset_setting_get_default (setting) : NULL;
  gint64      seconds = 0;

  if (value == NULL || g_strcmp0 (phoneset_setting_get_unit (setting), "s") != 0 ||
      !g_ascii_string_to_signed (value, 10, 1, G_MAXINT / 1000, &seconds, NULL))
    return 0;
  return (int)seconds;
}

/* UDP is blocked: register over TLS or TCP, and without STUN. */
static void
recommend_transport (PhonesetStunResult *self)
{
  const char *transport = self->tls.reachable ? "tls" : "tcp";
  _phoneset_stun_result_add_recommendation (
    self, "line.1.transport", transport,
    self->tls.reachable
    ? _("UDP does not get through this network but TLS does: register over TLS (SIP over TCP with encryption).")
    : _("UDP does not get through this network but TCP does: register over TCP."));
  _phoneset_stun_result_add_recommendation (self, "line.1.stun.enable", "0",
                                            _("STUN works only over UDP, which is blocked here."));
}

/* Behind NAT: keep-alives and STUN refreshes that keep the binding open. */
static void
recommend_keepalive (PhonesetStunResult *self,
                     PhonesetProfile    *profile)
{
  g_autofree char *value = NULL;
  g_autofree char *why = NULL;
  int              refresh_s;

  if (self->lifetime_ms > 0)
    {
      int seconds = phoneset_stun_keepalive_for_lifetime (self->lifetime_ms);
      value = g_strdup_printf ("%d", seconds);
      why = g_strdup_printf (_("The router forgets an idle UDP binding after about %.0f s; a keep-alive every %d s keeps it open even if one is lost."),
                                self->lifetime_ms / 1000.0, seconds);
    }
  else
    {
      value = g_strdup ("25");
      why = g_strdup (_("Many routers forget an idle UDP binding after 30 s; 25 s stays below that. Run with --lifetime to measure this router."));
    }
  _phoneset_stun_result_add_recommendation (self, "nat.keepalive.interval", value, why);
  refresh_s = profile_refresh_default_s (profile);
  if (self->lifetime_ms > 0 && refresh_s > 0 && self->lifetime_ms <= refresh_s * 1000)
    {
      /* Translators: the first %s is the phone's vendor, as its profile names it. */
      g_autofree char *why2 = g_strdup_printf (
        _("%s phones refresh STUN every %d s by default, longer than this router keeps a binding (about %.0f s)."),
           phoneset_profile_get_vendor (profile), refresh_s, self->lifetime_ms / 1000.0);
      _phoneset_stun_result_add_recommendation (self, "nat.stun.refresh", value, why2);
    }
  else
    _phoneset_stun_result_add_recommendation (
      self, "nat.stun.refresh", value,
      _("Refresh the STUN binding as often as the keep-alive, so the public address the phone announces stays right."));
}

/**
 * _phoneset_stun_result_recommend:
 * @self: a finished result
 * @server_host: the STUN server as the user named it
 * @server_port: its port
 * @turn_user: (nullable): the TURN user tested
 * @profile: (nullable): the profile of the phone the test is for
 *
 * Fills in the recommended settings (the shared setting ids of the phone
 * profiles). The TURN password is never a value here. With @profile, a
 * binding lifetime shorter than the phone's default STUN refresh (its
 * nat.stun.refresh setting) says so, in the profile's words.
 */
void
_phoneset_stun_result_recommend (PhonesetStunResult *self,
                                 const char         *server_host,
                                 guint16             server_port,
                                 const char         *turn_user,
                                 PhonesetProfile    *profile)
{
  g_autofree char *port = g_strdup_printf ("%u", server_port);
  gboolean         nat = self->nat_present == TRUE;
  gboolean         udp_blocked = g_strcmp0 (self->classic, "udp-blocked") == 0;
  gboolean         symmetric = g_strcmp0 (self->mapping, "address-dependent") == 0 ||
                       g_strcmp0 (self->mapping, "address-and-port-dependent") == 0;
  gboolean turn_ok = self->turn_udp.allocated || self->turn_tcp.allocated;

  g_ptr_array_set_size (self->recommendations, 0);

  if (!phoneset_stun_result_get_reachable (self))
    return;

  if (udp_blocked)
    {
      recommend_transport (self);
      return;
    }

  if (nat)
    {
      _phoneset_stun_result_add_recommendation (
        self, "line.1.stun.enable", "1",
        _("The phone is behind NAT: STUN lets it put its public address into SIP and SDP."));
      _phoneset_stun_result_add_recommendation (self, "nat.stun.server", server_host,
                                                _("This server answered the test."));
      _phoneset_stun_result_add_recommendation (self, "nat.stun.port", port,
                                                _("The port this server answered on."));
      _phoneset_stun_result_add_recommendation (
        self, "line.1.rport", "1",
        _("With rport (RFC 3581) the SIP server answers to the address and port the NAT assigned, so replies get back through the binding."));
    }
  else if (self->nat_present == FALSE)
    {
      _phoneset_stun_result_add_recommendation (
        self, "line.1.stun.enable", "0",
        _("There is no NAT between this computer and the server: the phone’s own address is already public, STUN is not needed."));
    }

  if (nat)
    recommend_keepalive (self, profile);

  if (symmetric)
    {
      _phoneset_stun_result_add_recommendation (
        self, "nat.ice.enable", "1",
        _("The router gives each destination its own public port, so the address STUN finds is wrong for the media; ICE tries the candidates and falls back to a relay."));
      if (turn_ok)
        {
          _phoneset_stun_result_add_recommendation (
            self, "nat.turn.server", server_host,
            _("This server relayed for the test user: audio can go through it when direct paths fail."));
          _phoneset_stun_result_add_recommendation (
            self, "nat.turn.port", port, _("The port the TURN allocation succeeded on."));
          if (turn_user != NULL)
            _phoneset_stun_result_add_recommendation (
              self, "nat.turn.user", turn_user,
              _("The user the allocation succeeded with (enter its password on the phone; it is not shown here)."));
        }
      else
        _phoneset_stun_result_add_recommendation (
          self, "nat.turn.server", server_host,
          _("Audio needs a TURN relay behind this kind of NAT. Test this server’s TURN with --turn-user and --turn-password-env, or use your provider’s TURN server."));
    }
  else if (g_strcmp0 (self->mapping, "endpoint-independent") == 0)
    {
      _phoneset_stun_result_add_recommendation (
        self, "nat.ice.enable", "0",
        _("The router keeps one public port per phone port, so STUN alone gives the right address; ICE is not needed (turn it on if the provider asks for it)."));
    }
}

static const char *
classic_words (const char *classic)
{
  if (g_strcmp0 (classic, "open") == 0)
    return _("Open internet (no NAT, no firewall)");
  if (g_strcmp0 (classic, "symmetric-udp-firewall") == 0)
    return _("No NAT, but a firewall that only lets answers in");
  if (g_strcmp0 (classic, "full-cone") == 0)
    return _("Full-cone NAT");
  if (g_strcmp0 (classic, "restricted-cone") == 0)
    return _("Restricted-cone NAT");
  if (g_strcmp0 (classic, "port-restricted-cone") == 0)
    return _("Port-restricted-cone NAT");
  if (g_strcmp0 (classic, "symmetric") == 0)
    return _("Symmetric NAT");
  if (g_strcmp0 (classic, "udp-blocked") == 0)
    return _("UDP blocked");
  return _("NAT type not determined");
}

static const char *
classic_explain (const char *classic)
{
  if (g_strcmp0 (classic, "open") == 0)
    return _("This computer’s address is public and anything may reach it: phones work without STUN.");
  if (g_strcmp0 (classic, "symmetric-udp-firewall") == 0)
    return _("The address is public, but a firewall only lets in answers to what went out: phones need keep-alives, not STUN.");
  if (g_strcmp0 (classic, "full-cone") == 0)
    return _("The router keeps one public port per phone port and lets anyone send to it: phones work with STUN.");
  if (g_strcmp0 (classic, "restricted-cone") == 0)
    return _("The router keeps one public port per phone port and lets in hosts the phone has sent to: phones work with STUN and keep-alives.");
  if (g_strcmp0 (classic, "port-restricted-cone") == 0)
    return _("The router keeps one public port per phone port and lets in only the exact address and port the phone has sent to: phones work with STUN, keep-alives and rport.");
  if (g_strcmp0 (classic, "symmetric") == 0)
    return _("The router uses a different public port for each destination: STUN’s answer is wrong for the audio, so phones need ICE with a TURN relay (or an SBC at the provider).");
  if (g_strcmp0 (classic, "udp-blocked") == 0)
    return _("No UDP answer came back: SIP over UDP and STUN do not work from this network.");
  return NULL;
}

/* Why nothing answered, as precisely as the transports tell: the name
 * did not resolve, a connection was refused (nothing listens: the server
 * is down or the port is wrong), or silence (a firewall drops the packets,
 * or the server is down). */
static char *
dup_unreachable_verdict (PhonesetStunResult *self)
{
  PhonesetStunTransportResult *all[] = { &self->udp, &self->tcp, &self->tls };
  const char                  *names[] = { "UDP", "TCP", "TLS" };
  g_autoptr(GString) tried = g_string_new (NULL);
  gboolean resolved = FALSE;
  gboolean refused = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (!all[i]->tested)
        continue;
      resolved |= all[i]->server != NULL;
      refused |= all[i]->refused;
      if (tried->len > 0)
        g_string_append (tried, ", ");
      g_string_append (tried, names[i]);
    }
  if (!resolved)
    return g_strdup_printf (
      _("The STUN server %s could not be reached: its name could not be resolved. Check the "
                              "spelling and this computer's DNS server."),
         self->server);
  if (refused)
    return g_strdup_printf (
      _("The STUN server %s could not be reached: nothing listens there (the connection was "
                              "refused). Check the server name and port, and that the STUN server is running."),
         self->server);
  return g_strdup_printf (
    _("The STUN server %s could not be reached: nothing answered within %.1f s (tried %s). A "
                            "firewall may drop the packets, or the server is down: check the server name and port, "
                            "and whether the network lets STUN out."),
       self->server, self->elapsed_ms / 1000.0, tried->str);
}

/**
 * phoneset_stun_result_dup_turn_failure:
 * @self: a result
 *
 * Whether the TURN check failed: it was asked for (credentials given) and
 * no transport got a relay. A relay over one transport is enough; a phone
 * that has TURN uses the transport that works.
 *
 * Returns: (transfer full) (nullable): one line that says why, or %NULL
 *   when TURN was not tested or a relay was allocated
 */
char *
phoneset_stun_result_dup_turn_failure (PhonesetStunResult *self)
{
  PhonesetStunTurnResult *t;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);

  if (!self->turn_udp.tested && !self->turn_tcp.tested)
    return NULL;
  if (self->turn_udp.allocated || self->turn_tcp.allocated)
    return NULL;
  t = self->turn_udp.tested ? &self->turn_udp : &self->turn_tcp;
  return g_strdup_printf (_("The TURN server gave no relay: %s"),
                             t->error ? t->error : _("no answer"));
}

/**
 * phoneset_stun_result_dup_verdict:
 * @self: a result
 *
 * Returns: (transfer full): the one-line verdict
 */
char *
phoneset_stun_result_dup_verdict (PhonesetStunResult *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);

  if (!phoneset_stun_result_get_reachable (self))
    return dup_unreachable_verdict (self);
  if (g_strcmp0 (self->classic, "udp-blocked") == 0)
    return g_strdup_printf (_("UDP is blocked; the server answers over %s."),
                               self->tls.reachable && !self->tcp.reachable ? "TLS" : "TCP");
  return g_strdup (classic_words (self->classic));
}

static void
add_tri (JsonBuilder *b,
         const char  *name,
         int          tri)
{
  json_builder_set_member_name (b, name);
  if (tri == PHONESET_TRI_UNKNOWN)
    json_builder_add_null_value (b);
  else
    json_builder_add_boolean_value (b, tri != 0);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

static void
add_transport (JsonBuilder                 *b,
               const char                  *name,
               PhonesetStunTransportResult *t)
{
  json_builder_set_member_name (b, name);
  if (!t->tested)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "reachable");
  json_builder_add_boolean_value (b, t->reachable);
  json_builder_set_member_name (b, "rtt_ms");
  if (t->reachable)
    json_builder_add_int_value (b, t->rtt_ms);
  else
    json_builder_add_null_value (b);
  add_string (b, "server", t->server);
  add_string (b, "local", t->local);
  add_string (b, "mapped", t->mapped);
  add_string (b, "mapped_plain", t->mapped_plain);
  add_string (b, "error", t->error);
  json_builder_end_object (b);
}

static void
add_turn (JsonBuilder            *b,
          const char             *name,
          PhonesetStunTurnResult *t)
{
  json_builder_set_member_name (b, name);
  if (!t->tested)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "allocated");
  json_builder_add_boolean_value (b, t->allocated);
  add_string (b, "relayed", t->relayed);
  add_string (b, "mapped", t->mapped);
  json_builder_set_member_name (b, "error_code");
  if (t->error_code)
    json_builder_add_int_value (b, t->error_code);
  else
    json_builder_add_null_value (b);
  add_string (b, "error", t->error);
  json_builder_end_object (b);
}

/* "nat": the NAT's behaviour and the binding lifetime. */
static void
add_nat (JsonBuilder        *b,
         PhonesetStunResult *self)
{
  json_builder_set_member_name (b, "nat");
  json_builder_begin_object (b);
  add_tri (b, "present", self->nat_present);
  add_string (b, "mapping", self->mapping);
  add_string (b, "filtering", self->filtering);
  add_tri (b, "hairpinning", self->hairpinning);
  add_tri (b, "port_preserving", self->port_preserving);
  add_tri (b, "alg", self->alg);
  add_string (b, "classic", self->classic);
  json_builder_set_member_name (b, "lost_probes");
  json_builder_add_int_value (b, self->lost_probes);
  add_string (b, "note", self->behaviour_note);
  json_builder_set_member_name (b, "binding_lifetime_ms");
  if (self->lifetime_ms >= 0)
    json_builder_add_int_value (b, self->lifetime_ms);
  else
    json_builder_add_null_value (b);
  if (self->lifetime_tested)
    {
      json_builder_set_member_name (b, "binding_lifetime");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "alive_at_ms");
      json_builder_add_int_value (b, self->lifetime_low_ms);
      json_builder_set_member_name (b, "gone_at_ms");
      json_builder_add_int_value (b, self->lifetime_high_ms);
      add_string (b, "note", self->lifetime_note);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

/* "ice": the candidates gathered, or null when not tested. */
static void
add_ice (JsonBuilder        *b,
         PhonesetStunResult *self)
{
  json_builder_set_member_name (b, "ice");
  if (!self->ice_tested)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "candidates");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->ice_candidates->len; i++)
        {
          JsonNode *node = json_node_alloc ();
          json_node_init_object (node, g_ptr_array_index (self->ice_candidates, i));
          json_builder_add_value (b, node);
        }
      json_builder_end_array (b);
      add_string (b, "error", self->ice_error);
      json_builder_end_object (b);
    }
}

/* "packets": sent, received and ignored (by reason). */
static void
add_packets (JsonBuilder        *b,
             PhonesetStunResult *self)
{
  json_builder_set_member_name (b, "packets");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "sent");
  json_builder_add_int_value (b, self->requests_sent);
  json_builder_set_member_name (b, "received");
  json_builder_add_int_value (b, self->responses_received);
  json_builder_set_member_name (b, "ignored");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "malformed");
  json_builder_add_int_value (b, self->ignored_malformed);
  json_builder_set_member_name (b, "truncated");
  json_builder_add_int_value (b, self->ignored_truncated);
  json_builder_set_member_name (b, "oversized");
  json_builder_add_int_value (b, self->ignored_oversized);
  json_builder_set_member_name (b, "spoofed");
  json_builder_add_int_value (b, self->ignored_spoofed);
  json_builder_set_member_name (b, "duplicate");
  json_builder_add_int_value (b, self->ignored_duplicate);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

/* "recommendations": the settings to change, and why. */
static void
add_recommendations (JsonBuilder        *b,
                     PhonesetStunResult *self)
{
  json_builder_set_member_name (b, "recommendations");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->recommendations->len; i++)
    {
      PhonesetStunRecommendation *r = g_ptr_array_index (self->recommendations, i);
      json_builder_begin_object (b);
      add_string (b, "setting", r->setting);
      add_string (b, "value", r->value);
      add_string (b, "why", r->why);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/**
 * phoneset_stun_result_to_json:
 * @self: a result
 *
 * Returns: (transfer full): the `stun-test --json` document of DESIGN.md
 */
JsonNode *
phoneset_stun_result_to_json (PhonesetStunResult *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  PhonesetStunTurnResult *turn;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);

  json_builder_begin_object (b);
  add_string (b, "server", self->server);
  json_builder_set_member_name (b, "elapsed_ms");
  json_builder_add_int_value (b, self->elapsed_ms);
  {
    g_autofree char *verdict = phoneset_stun_result_dup_verdict (self);
    add_string (b, "verdict", verdict);
  }
  add_string (b, "software", self->software);
  add_string (b, "other_address", self->other_address);
  add_transport (b, "udp", &self->udp);
  add_transport (b, "tcp", &self->tcp);
  add_transport (b, "tls", &self->tls);

  add_nat (b, self);

  /* "turn" is the first transport tested (UDP, else TCP); "turn_tcp" the
   * TCP one when both ran. */
  turn = self->turn_udp.tested ? &self->turn_udp : &self->turn_tcp;
  add_turn (b, "turn", turn);
  if (self->turn_udp.tested && self->turn_tcp.tested)
    add_turn (b, "turn_tcp", &self->turn_tcp);

  add_ice (b, self);
  add_packets (b, self);
  add_recommendations (b, self);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static const char *
or_dash (const char *s)
{
  return s != NULL ? s : "–";
}

static const char *
tri_words (int tri)
{
  if (tri == PHONESET_TRI_UNKNOWN)
    return _("not determined");
  return tri ? _("yes") : _("no");
}

static void
text_transport (GString                     *s,
                const char                  *name,
                PhonesetStunTransportResult *t)
{
  if (!t->tested)
    return;
  if (t->reachable)
    g_string_append_printf (s, _("  %s: answered in %d ms; local %s, public %s\n"), name,
                                  t->rtt_ms, or_dash (t->local), or_dash (t->mapped));
  else
    g_string_append_printf (s, _("  %s: no answer (%s)\n"), name, or_dash (t->error));
  if (t->reachable && t->error != NULL)
    g_string_append_printf (s, "    %s\n", t->error);
}

static void
text_turn (GString                *s,
           const char             *name,
           PhonesetStunTurnResult *t)
{
  if (!t->tested)
    return;
  if (t->allocated)
    g_string_append_printf (s, _("  TURN over %s: relay allocated at %s\n"), name,
                                  or_dash (t->relayed));
  else
    g_string_append_printf (s, _("  TURN over %s: failed: %s\n"), name, or_dash (t->error));
}

/**
 * phoneset_stun_result_to_text:
 * @self: a result
 *
 * Returns: (transfer full): the result for people: verdict, explanation,
 *   recommendations, then the details
 */
char *
phoneset_stun_result_to_text (PhonesetStunResult *self)
{
  GString         *s = g_string_new (NULL);
  g_autofree char *verdict = NULL;
  const char      *explain;

  g_return_val_if_fail (PHONESET_IS_STUN_RESULT (self), NULL);

  verdict = phoneset_stun_result_dup_verdict (self);
  g_string_append_printf (s, "%s\n", verdict);
  explain = classic_explain (self->classic);
  /* An unreachable server's verdict already says why and what to do. */
  if (phoneset_stun_result_get_reachable (self) && explain != NULL)
    g_string_append_printf (s, "%s\n", explain);
  if (self->behaviour_note != NULL)
    g_string_append_printf (s, "%s\n", self->behaviour_note);

  if (self->recommendations->len > 0)
    {
      g_string_append_printf (s, "\n%s\n", _("Recommended phone settings:"));
      for (guint i = 0; i < self->recommendations->len; i++)
        {
          PhonesetStunRecommendation *r = g_ptr_array_index (self->recommendations, i);
          g_string_append_printf (s, "  %s = %s\n      %s\n", r->setting, r->value, r->why);
        }
    }

  g_string_append_printf (s, "\n%s %s (%" G_GINT64_FORMAT " ms)\n",
                          _("Details for"), self->server, self->elapsed_ms);
  text_transport (s, "UDP", &self->udp);
  text_transport (s, "TCP", &self->tcp);
  text_transport (s, "TLS", &self->tls);
  if (self->other_address != NULL)
    g_string_append_printf (s, _("  Server’s alternate address (RFC 5780): %s\n"),
                                  self->other_address);
  g_string_append_printf (s, _("  NAT present: %s\n"), tri_words (self->nat_present));
  g_string_append_printf (s, _("  Mapping: %s\n"), or_dash (self->mapping));
  g_string_append_printf (s, _("  Filtering: %s\n"), or_dash (self->filtering));
  g_string_append_printf (s, _("  Hairpinning: %s\n"), tri_words (self->hairpinning));
  g_string_append_printf (s, _("  Port preserved: %s\n"), tri_words (self->port_preserving));
  if (self->alg == TRUE)
    g_string_append_printf (
      s,
      _("  A router rewrites STUN (ALG): MAPPED-ADDRESS %s differs from XOR-MAPPED-ADDRESS %s\n"),
         or_dash (self->udp.mapped_plain), or_dash (self->udp.mapped));
  g_string_append_printf (s, _("  Classic (RFC 3489) type: %s\n"), or_dash (self->classic));
  if (self->lifetime_tested)
    {
      if (self->lifetime_ms >= 0)
        g_string_append_printf (
          s, _("  UDP binding lifetime: %.1f s (alive at %.1f s, gone at %.1f s)\n"),
                self->lifetime_ms / 1000.0, self->lifetime_low_ms / 1000.0,
                self->lifetime_high_ms / 1000.0);
      else
        g_string_append_printf (s, _("  UDP binding lifetime: not measured (%s)\n"),
                                      or_dash (self->lifetime_note));
    }
  text_turn (s, "UDP", &self->turn_udp);
  text_turn (s, "TCP", &self->turn_tcp);
  if (self->ice_tested)
    {
      g_string_append_printf (s, _("  ICE candidates (%u):\n"), self->ice_candidates->len);
      for (guint i = 0; i < self->ice_candidates->len; i++)
        {
          JsonObject *o = g_ptr_array_index (self->ice_candidates, i);
          g_string_append_printf (s, "    %-6s %s %s\n", json_object_get_string_member (o, "type"),
                                  json_object_get_string_member (o, "transport"),
                                  json_object_get_string_member (o, "address"));
        }
      if (self->ice_error != NULL)
        g_string_append_printf (s, "    %s\n", self->ice_error);
    }
  g_string_append_printf (s, _("  Packets: %u sent, %u answers; ignored: %u malformed, %u truncated, %u oversized, %u forged, %u duplicate\n"),
                                self->requests_sent, self->responses_received,
                                self->ignored_malformed, self->ignored_truncated,
                                self->ignored_oversized, self->ignored_spoofed,
                                self->ignored_duplicate);
  if (self->software != NULL)
    g_string_append_printf (s, _("  Server software: %s\n"), self->software);

  return g_string_free (s, FALSE);
}
