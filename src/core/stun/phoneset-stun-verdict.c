/* phoneset-stun-verdict.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The NAT verdict from the measured outcomes of the probes; see
 * phoneset-stun-verdict.h.
 */

#define G_LOG_DOMAIN "phoneset-stun"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-stun-verdict.h"

static const char *behaviour_names[] = {
  [PHONESET_STUN_BEHAVIOUR_INCONCLUSIVE] = "inconclusive",
  [PHONESET_STUN_BEHAVIOUR_UNSUPPORTED] = "unsupported",
  [PHONESET_STUN_BEHAVIOUR_ENDPOINT_INDEPENDENT] = "endpoint-independent",
  [PHONESET_STUN_BEHAVIOUR_ADDRESS_DEPENDENT] = "address-dependent",
  [PHONESET_STUN_BEHAVIOUR_ADDRESS_AND_PORT_DEPENDENT] = "address-and-port-dependent",
};

static const char *nat_type_names[] = {
  [PHONESET_STUN_NAT_INCONCLUSIVE] = "inconclusive",
  [PHONESET_STUN_NAT_OPEN] = "open",
  [PHONESET_STUN_NAT_SYMMETRIC_UDP_FIREWALL] = "symmetric-udp-firewall",
  [PHONESET_STUN_NAT_FULL_CONE] = "full-cone",
  [PHONESET_STUN_NAT_RESTRICTED_CONE] = "restricted-cone",
  [PHONESET_STUN_NAT_PORT_RESTRICTED_CONE] = "port-restricted-cone",
  [PHONESET_STUN_NAT_SYMMETRIC] = "symmetric",
  [PHONESET_STUN_NAT_UDP_BLOCKED] = "udp-blocked",
};

/**
 * phoneset_stun_behaviour_to_string:
 * @behaviour: a mapping or filtering behaviour
 *
 * Returns: its name in the JSON document ("endpoint-independent", …)
 */
const char *
phoneset_stun_behaviour_to_string (PhonesetStunBehaviour behaviour)
{
  g_return_val_if_fail (behaviour < G_N_ELEMENTS (behaviour_names), NULL);
  return behaviour_names[behaviour];
}

/**
 * phoneset_stun_nat_type_to_string:
 * @nat_type: a classic NAT type
 *
 * Returns: its name in the JSON document ("full-cone", …)
 */
const char *
phoneset_stun_nat_type_to_string (PhonesetStunNatType nat_type)
{
  g_return_val_if_fail (nat_type < G_N_ELEMENTS (nat_type_names), NULL);
  return nat_type_names[nat_type];
}

static gboolean
is_dependent (PhonesetStunBehaviour behaviour)
{
  return behaviour == PHONESET_STUN_BEHAVIOUR_ADDRESS_DEPENDENT ||
         behaviour == PHONESET_STUN_BEHAVIOUR_ADDRESS_AND_PORT_DEPENDENT;
}

/* RFC 5780 4.3: test II against the first binding, test III against II. */
static PhonesetStunBehaviour
judge_mapping (const PhonesetStunMeasurements *measured,
               guint                          *lost_probes)
{
  const PhonesetStunMappingTest *second = &measured->alternate_ip;
  const PhonesetStunMappingTest *third = &measured->alternate_ip_port;

  if (!second->answered)
    *lost_probes += second->sends;
  else if (second->same_mapping)
    return PHONESET_STUN_BEHAVIOUR_ENDPOINT_INDEPENDENT;
  else if (!third->answered)
    *lost_probes += third->sends;
  else if (third->same_mapping)
    return PHONESET_STUN_BEHAVIOUR_ADDRESS_DEPENDENT;
  else
    return PHONESET_STUN_BEHAVIOUR_ADDRESS_AND_PORT_DEPENDENT;
  return PHONESET_STUN_BEHAVIOUR_INCONCLUSIVE;
}

/* RFC 5780 4.4: an answer to test II (from the alternate IP and port)
 * means endpoint-independent, else one to test III (alternate port)
 * address-dependent, else, with both decided, address-and-port-dependent.
 * An "answer" from the primary address means the server only pretends to
 * support CHANGE-REQUEST. */
static PhonesetStunBehaviour
judge_filtering (const PhonesetStunMeasurements *measured,
                 guint                          *lost_probes)
{
  const PhonesetStunDecision *second = &measured->change_ip_port;
  const PhonesetStunDecision *third = &measured->change_port;

  if (!measured->filtering_binding_answered)
    *lost_probes += measured->filtering_binding_sends;
  else if (second->decided && second->positive)
    return second->wrong_source ? PHONESET_STUN_BEHAVIOUR_UNSUPPORTED
                                : PHONESET_STUN_BEHAVIOUR_ENDPOINT_INDEPENDENT;
  else if (second->decided && third->decided && third->positive)
    return third->wrong_source ? PHONESET_STUN_BEHAVIOUR_UNSUPPORTED
                               : PHONESET_STUN_BEHAVIOUR_ADDRESS_DEPENDENT;
  else if (second->decided && third->decided)
    return PHONESET_STUN_BEHAVIOUR_ADDRESS_AND_PORT_DEPENDENT;
  else
    *lost_probes += (second->decided ? 0 : second->sent) + (third->decided ? 0 : third->sent);
  return PHONESET_STUN_BEHAVIOUR_INCONCLUSIVE;
}

/* The RFC 3489 name from the RFC 5780 behaviours. */
static PhonesetStunNatType
classify (int                   nat_present,
          PhonesetStunBehaviour mapping,
          PhonesetStunBehaviour filtering)
{
  if (nat_present == FALSE)
    {
      if (filtering == PHONESET_STUN_BEHAVIOUR_ENDPOINT_INDEPENDENT)
        return PHONESET_STUN_NAT_OPEN;
      if (is_dependent (filtering))
        return PHONESET_STUN_NAT_SYMMETRIC_UDP_FIREWALL;
      return PHONESET_STUN_NAT_INCONCLUSIVE;
    }
  if (is_dependent (mapping))
    return PHONESET_STUN_NAT_SYMMETRIC;
  if (mapping != PHONESET_STUN_BEHAVIOUR_ENDPOINT_INDEPENDENT)
    return PHONESET_STUN_NAT_INCONCLUSIVE;
  if (filtering == PHONESET_STUN_BEHAVIOUR_ENDPOINT_INDEPENDENT)
    return PHONESET_STUN_NAT_FULL_CONE;
  if (filtering == PHONESET_STUN_BEHAVIOUR_ADDRESS_DEPENDENT)
    return PHONESET_STUN_NAT_RESTRICTED_CONE;
  if (filtering == PHONESET_STUN_BEHAVIOUR_ADDRESS_AND_PORT_DEPENDENT)
    return PHONESET_STUN_NAT_PORT_RESTRICTED_CONE;
  return PHONESET_STUN_NAT_INCONCLUSIVE;
}

static void
set_note (PhonesetStunVerdict *verdict,
          char                *note)
{
  g_free (verdict->note);
  verdict->note = note;
}

/* Without a UDP answer, nothing about the NAT is known. */
static void
judge_without_udp (const PhonesetStunMeasurements *measured,
                   PhonesetStunVerdict            *verdict)
{
  if (!measured->udp_tested)
    {
      verdict->mapping = PHONESET_STUN_BEHAVIOUR_UNSUPPORTED;
      verdict->filtering = PHONESET_STUN_BEHAVIOUR_UNSUPPORTED;
      set_note (verdict,
                g_strdup (_("UDP was not tested, and NAT behaviour is tested over UDP only.")));
      return;
    }
  if (measured->stream_reachable)
    verdict->nat_type = PHONESET_STUN_NAT_UDP_BLOCKED;
}

/**
 * phoneset_stun_verdict_judge:
 * @measured: what the probes measured
 * @verdict: (out caller-allocates): the verdict; free its contents with
 *   phoneset_stun_verdict_clear()
 *
 * Decides the NAT behaviour. A filtering class that rests on silence is
 * only given when the alternate address answered the mapping tests;
 * unanswered probes of a class that stays undecided are counted.
 */
void
phoneset_stun_verdict_judge (const PhonesetStunMeasurements *measured,
                             PhonesetStunVerdict            *verdict)
{
  g_return_if_fail (measured != NULL);
  g_return_if_fail (verdict != NULL);

  memset (verdict, 0, sizeof *verdict);
  verdict->hairpinning = PHONESET_TRI_UNKNOWN;

  if (!measured->udp_reachable)
    {
      judge_without_udp (measured, verdict);
      return;
    }

  if (!measured->has_alternate)
    {
      verdict->mapping = PHONESET_STUN_BEHAVIOUR_UNSUPPORTED;
      verdict->filtering = PHONESET_STUN_BEHAVIOUR_UNSUPPORTED;
      set_note (verdict,
                g_strdup (_("The server does not give an alternate address (no OTHER-ADDRESS, RFC 5780), so its NAT mapping and filtering cannot be tested. Use a server that supports RFC 5780, such as coturn with two addresses.")));
    }
  else
    {
      gboolean alternate_answered =
        measured->alternate_ip.answered && measured->alternate_ip_port.answered;

      verdict->mapping = judge_mapping (measured, &verdict->lost_probes);
      verdict->filtering = judge_filtering (measured, &verdict->lost_probes);

      /* Silence is only filtering if the alternate address answers at all. */
      if (is_dependent (verdict->filtering) && !alternate_answered)
        {
          verdict->filtering = PHONESET_STUN_BEHAVIOUR_INCONCLUSIVE;
          set_note (verdict, g_strdup (_("The server’s alternate address did not answer, so silence from it cannot be told from filtering.")));
        }
      if (verdict->filtering == PHONESET_STUN_BEHAVIOUR_UNSUPPORTED)
        set_note (verdict, g_strdup (_("The server answered CHANGE-REQUEST from its primary address: it does not really support RFC 5780, so filtering cannot be tested.")));
    }

  if (measured->nat_present == TRUE)
    {
      if (measured->hairpin.decided)
        verdict->hairpinning = measured->hairpin.positive;
      else
        verdict->lost_probes += measured->hairpin.sent;
    }

  verdict->nat_type = classify (measured->nat_present, verdict->mapping, verdict->filtering);

  if (verdict->nat_type == PHONESET_STUN_NAT_INCONCLUSIVE && verdict->lost_probes > 0 &&
      verdict->note == NULL)
    set_note (verdict, g_strdup_printf (
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%u probe got no answer: the network loses too many packets "
                                      "to tell the NAT type for sure. Run the test again.",
                                      "%u probes got no answer: the network loses too many packets "
                                      "to tell the NAT type for sure. Run the test again.",
                                      verdict->lost_probes),
                         verdict->lost_probes));
}

/**
 * phoneset_stun_verdict_clear:
 * @verdict: a verdict
 *
 * Frees what @verdict holds.
 */
void
phoneset_stun_verdict_clear (PhonesetStunVerdict *verdict)
{
  g_clear_pointer (&verdict->note, g_free);
}

/**
 * _phoneset_stun_verdict_apply:
 * @verdict: a verdict; its note is moved into @result
 * @result: the result of the run
 *
 * Writes @verdict into @result: the behaviours, the classic name, the
 * hairpinning when known, the lost probes and the note.
 */
void
_phoneset_stun_verdict_apply (PhonesetStunVerdict *verdict,
                              PhonesetStunResult  *result)
{
  g_free (result->mapping);
  g_free (result->filtering);
  g_free (result->classic);
  result->mapping = g_strdup (phoneset_stun_behaviour_to_string (verdict->mapping));
  result->filtering = g_strdup (phoneset_stun_behaviour_to_string (verdict->filtering));
  result->classic = g_strdup (phoneset_stun_nat_type_to_string (verdict->nat_type));
  if (verdict->hairpinning != PHONESET_TRI_UNKNOWN)
    result->hairpinning = verdict->hairpinning;
  result->lost_probes += verdict->lost_probes;
  if (verdict->note != NULL)
    {
      g_free (result->behaviour_note);
      result->behaviour_note = g_steal_pointer (&verdict->note);
    }
}
