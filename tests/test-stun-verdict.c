/* test-stun-verdict.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The NAT verdict without a network: a table of measured probe outcomes
 * (open internet, each cone, symmetric NAT, UDP blocked, TURN only, lost
 * probes, servers without RFC 5780, short and long binding lifetimes) goes
 * through phoneset_stun_verdict_judge(); each row checks the classes, the
 * one-line verdict and the phone settings recommended for it, for a
 * PLANET VIP phone (data/profiles/planet-vip.json: its STUN refresh
 * default of 50 s is the one the short lifetime is judged against).
 */

#include "config.h"

#include <string.h>

#include "phoneset-stun-result-private.h"
#include "phoneset-stun-verdict.h"

/* Mapping tests. */
#define SAME_MAPPING                                                                               \
  {                                                                                                \
    .answered = TRUE, .sends = 1, .same_mapping = TRUE                                             \
  }
#define OTHER_MAPPING                                                                              \
  {                                                                                                \
    .answered = TRUE, .sends = 1, .same_mapping = FALSE                                            \
  }
#define NO_MAPPING(n)                                                                              \
  {                                                                                                \
    .answered = FALSE, .sends = (n)                                                                \
  }

/* Decisive tests (filtering, hairpinning). */
#define ANSWERED                                                                                   \
  {                                                                                                \
    .sent = 10, .answered = 4, .decided = TRUE, .positive = TRUE                                   \
  }
#define FILTERED                                                                                   \
  {                                                                                                \
    .sent = 30, .decided = TRUE, .positive = FALSE                                                 \
  }
#define UNDECIDED(n)                                                                               \
  {                                                                                                \
    .sent = (n)                                                                                    \
  }
#define NOT_RUN                                                                                    \
  {                                                                                                \
    0                                                                                              \
  }
#define WRONG_SOURCE                                                                               \
  {                                                                                                \
    .sent = 10, .answered = 10, .decided = TRUE, .positive = TRUE, .wrong_source = TRUE            \
  }

/* UDP answered, and the server named an alternate address (RFC 5780). */
#define RFC5780(nat, second, third, change_both, change_port_only, hairpin_test)                   \
  {                                                                                                \
    .udp_tested = TRUE, .udp_reachable = TRUE, .stream_reachable = TRUE, .nat_present = (nat),     \
    .has_alternate = TRUE, .alternate_ip = second, .alternate_ip_port = third,                     \
    .filtering_binding_answered = TRUE, .filtering_binding_sends = 1,                              \
    .change_ip_port = change_both, .change_port = change_port_only, .hairpin = hairpin_test,       \
  }

/* What a NAT with a STUN server and a port the phone needs looks like. */
#define BEHIND_NAT(keepalive)                                                                      \
  "line.1.stun.enable=1 nat.stun.server=stun.example.org nat.stun.port=3478 line.1.rport=1 "       \
  "nat.keepalive.interval=" keepalive " nat.stun.refresh=" keepalive

typedef struct
{
  const char              *name;
  PhonesetStunMeasurements measured;
  int                      lifetime_ms;    /* 0: not measured */
  gboolean                 turn_allocated; /* the TURN user "alice" got a relay */

  /* What is expected. */
  const char              *mapping;
  const char              *filtering;
  const char              *classic;
  int                      hairpinning;
  guint                    lost_probes;
  const char              *note;    /* a part of the note; NULL: no note */
  const char              *verdict; /* the start of the one-line verdict */
  const char              *advice;  /* the recommendations, "setting=value" in order */
  const char              *why;     /* a part of one recommendation's reason, or NULL */
} VerdictCase;

static const VerdictCase cases[] = {
  {
    .name = "open-internet",
    .measured = RFC5780 (FALSE, SAME_MAPPING, SAME_MAPPING, ANSWERED, NOT_RUN, NOT_RUN),
    .mapping = "endpoint-independent",
    .filtering = "endpoint-independent",
    .classic = "open",
    .hairpinning = PHONESET_TRI_UNKNOWN,
    .verdict = "Open internet (no NAT, no firewall)",
    .advice = "line.1.stun.enable=0 nat.ice.enable=0",
    .why = "STUN is not needed",
  },
  {
    .name = "symmetric-udp-firewall",
    .measured = RFC5780 (FALSE, SAME_MAPPING, SAME_MAPPING, FILTERED, FILTERED, NOT_RUN),
    .mapping = "endpoint-independent",
    .filtering = "address-and-port-dependent",
    .classic = "symmetric-udp-firewall",
    .hairpinning = PHONESET_TRI_UNKNOWN,
    .verdict = "No NAT, but a firewall that only lets answers in",
    .advice = "line.1.stun.enable=0 nat.ice.enable=0",
  },
  {
    .name = "full-cone",
    .measured = RFC5780 (TRUE, SAME_MAPPING, SAME_MAPPING, ANSWERED, NOT_RUN, ANSWERED),
    .mapping = "endpoint-independent",
    .filtering = "endpoint-independent",
    .classic = "full-cone",
    .hairpinning = TRUE,
    .verdict = "Full-cone NAT",
    .advice = BEHIND_NAT ("25") " nat.ice.enable=0",
    .why = "Run with --lifetime to measure this router",
  },
  {
    .name = "restricted-cone",
    .measured = RFC5780 (TRUE, SAME_MAPPING, SAME_MAPPING, FILTERED, ANSWERED, FILTERED),
    .mapping = "endpoint-independent",
    .filtering = "address-dependent",
    .classic = "restricted-cone",
    .hairpinning = FALSE,
    .verdict = "Restricted-cone NAT",
    .advice = BEHIND_NAT ("25") " nat.ice.enable=0",
  },
  {
    .name = "port-restricted-cone",
    .measured = RFC5780 (TRUE, SAME_MAPPING, SAME_MAPPING, FILTERED, FILTERED, ANSWERED),
    .mapping = "endpoint-independent",
    .filtering = "address-and-port-dependent",
    .classic = "port-restricted-cone",
    .hairpinning = TRUE,
    .verdict = "Port-restricted-cone NAT",
    .advice = BEHIND_NAT ("25") " nat.ice.enable=0",
    .why = "rport (RFC 3581)",
  },
  {
    .name = "symmetric",
    .measured = RFC5780 (TRUE, OTHER_MAPPING, SAME_MAPPING, FILTERED, FILTERED, FILTERED),
    .mapping = "address-dependent",
    .filtering = "address-and-port-dependent",
    .classic = "symmetric",
    .hairpinning = FALSE,
    .verdict = "Symmetric NAT",
    .advice = BEHIND_NAT ("25") " nat.ice.enable=1 nat.turn.server=stun.example.org",
    .why = "Audio needs a TURN relay behind this kind of NAT",
  },
  {
    /* Symmetric NAT: media gets through only by the relay, and the
     * server gave one. */
    .name = "turn-only",
    .measured = RFC5780 (TRUE, OTHER_MAPPING, OTHER_MAPPING, FILTERED, FILTERED, FILTERED),
    .turn_allocated = TRUE,
    .mapping = "address-and-port-dependent",
    .filtering = "address-and-port-dependent",
    .classic = "symmetric",
    .hairpinning = FALSE,
    .verdict = "Symmetric NAT",
    .advice = BEHIND_NAT ("25") " nat.ice.enable=1 nat.turn.server=stun.example.org "
                                "nat.turn.port=3478 nat.turn.user=alice",
    .why = "This server relayed for the test user",
  },
  {
    .name = "udp-blocked",
    .measured = { .udp_tested = TRUE, .udp_reachable = FALSE, .stream_reachable = TRUE },
    .mapping = "inconclusive",
    .filtering = "inconclusive",
    .classic = "udp-blocked",
    .hairpinning = PHONESET_TRI_UNKNOWN,
    .verdict = "UDP is blocked; the server answers over TCP.",
    .advice = "line.1.transport=tcp line.1.stun.enable=0",
    .why = "register over TCP",
  },
  {
    .name = "unreachable",
    .measured = { .udp_tested = TRUE, .udp_reachable = FALSE, .stream_reachable = FALSE },
    .mapping = "inconclusive",
    .filtering = "inconclusive",
    .classic = "inconclusive",
    .hairpinning = PHONESET_TRI_UNKNOWN,
    .verdict = "The STUN server stun.example.org:3478 could not be reached",
    .advice = "",
  },
  {
    .name = "udp-not-tested",
    .measured = { .udp_tested = FALSE, .stream_reachable = TRUE },
    .mapping = "unsupported",
    .filtering = "unsupported",
    .classic = "inconclusive",
    .hairpinning = PHONESET_TRI_UNKNOWN,
    .note = "UDP was not tested",
    .verdict = "NAT type not determined",
    .advice = "",
  },
  {
    .name = "no-rfc5780",
    .measured = { .udp_tested = TRUE,
                  .udp_reachable = TRUE,
                  .nat_present = TRUE,
                  .hairpin = ANSWERED },
    .mapping = "unsupported",
    .filtering = "unsupported",
    .classic = "inconclusive",
    .hairpinning = TRUE,
    .note = "no OTHER-ADDRESS, RFC 5780",
    .verdict = "NAT type not determined",
    .advice = BEHIND_NAT ("25"),
  },
  {
    /* The server answers CHANGE-REQUEST from its primary address. */
    .name = "fake-rfc5780",
    .measured = RFC5780 (TRUE, SAME_MAPPING, SAME_MAPPING, WRONG_SOURCE, NOT_RUN, ANSWERED),
    .mapping = "endpoint-independent",
    .filtering = "unsupported",
    .classic = "inconclusive",
    .hairpinning = TRUE,
    .note = "does not really support RFC 5780",
    .verdict = "NAT type not determined",
    .advice = BEHIND_NAT ("25") " nat.ice.enable=0",
  },
  {
    /* Silence from a dead alternate address is not filtering. */
    .name = "dead-alternate",
    .measured = RFC5780 (TRUE, NO_MAPPING (9), NO_MAPPING (9), FILTERED, FILTERED, ANSWERED),
    .mapping = "inconclusive",
    .filtering = "inconclusive",
    .classic = "inconclusive",
    .hairpinning = TRUE,
    .lost_probes = 9,
    .note = "alternate address did not answer",
    .verdict = "NAT type not determined",
    .advice = BEHIND_NAT ("25"),
  },
  {
    .name = "lossy",
    .measured =
      RFC5780 (TRUE, SAME_MAPPING, SAME_MAPPING, UNDECIDED (30), UNDECIDED (30), UNDECIDED (30)),
    .mapping = "endpoint-independent",
    .filtering = "inconclusive",
    .classic = "inconclusive",
    .hairpinning = PHONESET_TRI_UNKNOWN,
    .lost_probes = 90,
    .note = "90 probes got no answer",
    .verdict = "NAT type not determined",
    .advice = BEHIND_NAT ("25") " nat.ice.enable=0",
  },
  {
    .name = "one-lost-probe",
    .measured = RFC5780 (TRUE, NO_MAPPING (1), NOT_RUN, ANSWERED, NOT_RUN, ANSWERED),
    .mapping = "inconclusive",
    .filtering = "endpoint-independent",
    .classic = "inconclusive",
    .hairpinning = TRUE,
    .lost_probes = 1,
    .note = "1 probe got no answer:",
    .verdict = "NAT type not determined",
    .advice = BEHIND_NAT ("25"),
  },
  {
    .name = "short-lifetime",
    .measured = RFC5780 (TRUE, SAME_MAPPING, SAME_MAPPING, FILTERED, FILTERED, ANSWERED),
    .lifetime_ms = 20000,
    .mapping = "endpoint-independent",
    .filtering = "address-and-port-dependent",
    .classic = "port-restricted-cone",
    .hairpinning = TRUE,
    .verdict = "Port-restricted-cone NAT",
    .advice = BEHIND_NAT ("10") " nat.ice.enable=0",
    .why = "PLANET phones refresh STUN every 50 s by default, longer than this router keeps a "
           "binding (about 20 s)",
  },
  {
    .name = "long-lifetime",
    .measured = RFC5780 (TRUE, SAME_MAPPING, SAME_MAPPING, FILTERED, FILTERED, ANSWERED),
    .lifetime_ms = 180000,
    .mapping = "endpoint-independent",
    .filtering = "address-and-port-dependent",
    .classic = "port-restricted-cone",
    .hairpinning = TRUE,
    .verdict = "Port-restricted-cone NAT",
    .advice = BEHIND_NAT ("50") " nat.ice.enable=0",
    .why = "a keep-alive every 50 s keeps it open",
  },
};

/* The phone the recommendations are for. */
static PhonesetProfile *
load_planet (void)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("PHONESET_PROFILES_DIR"), "planet-vip.json", NULL);
  g_autoptr(GError) error = NULL;
  PhonesetProfile *profile = phoneset_profile_new_from_file (path, &error);

  g_assert_no_error (error);
  return profile;
}

/* The recommendations as "setting=value …", and whether a reason says @why. */
static char *
dup_advice (PhonesetStunResult *result,
            const char         *why,
            gboolean           *why_found)
{
  GString *advice = g_string_new (NULL);

  *why_found = why == NULL;
  for (guint i = 0; i < result->recommendations->len; i++)
    {
      PhonesetStunRecommendation *recommendation = g_ptr_array_index (result->recommendations, i);

      g_string_append_printf (advice, "%s%s=%s", advice->len > 0 ? " " : "",
                              recommendation->setting, recommendation->value);
      if (why != NULL && strstr (recommendation->why, why) != NULL)
        *why_found = TRUE;
    }
  return g_string_free (advice, FALSE);
}

static void
test_verdict (gconstpointer data)
{
  const VerdictCase *row = data;
  g_auto(PhonesetStunVerdict) verdict = { 0 };
  g_autoptr(PhonesetStunResult) result = _phoneset_stun_result_new ();
  g_autoptr(PhonesetProfile) planet = load_planet ();
  g_autofree char *line = NULL;
  g_autofree char *advice = NULL;
  gboolean         why_found;

  phoneset_stun_verdict_judge (&row->measured, &verdict);
  g_assert_cmpstr (phoneset_stun_behaviour_to_string (verdict.mapping), ==, row->mapping);
  g_assert_cmpstr (phoneset_stun_behaviour_to_string (verdict.filtering), ==, row->filtering);
  g_assert_cmpstr (phoneset_stun_nat_type_to_string (verdict.nat_type), ==, row->classic);
  g_assert_cmpint (verdict.hairpinning, ==, row->hairpinning);
  g_assert_cmpuint (verdict.lost_probes, ==, row->lost_probes);
  if (row->note == NULL)
    g_assert_null (verdict.note);
  else
    g_assert_nonnull (strstr (verdict.note, row->note));

  /* The result as the engine has filled it in by the end of a run. */
  result->server = g_strdup ("stun.example.org:3478");
  result->elapsed_ms = 1600;
  result->udp.tested = row->measured.udp_tested;
  result->udp.reachable = row->measured.udp_reachable;
  result->udp.server = g_strdup ("192.0.2.1:3478");
  result->tcp.tested = TRUE;
  result->tcp.reachable = row->measured.stream_reachable;
  result->tcp.server = g_strdup ("192.0.2.1:3478");
  result->nat_present =
    row->measured.udp_reachable ? row->measured.nat_present : PHONESET_TRI_UNKNOWN;
  result->lifetime_ms = row->lifetime_ms > 0 ? row->lifetime_ms : -1;
  result->turn_udp.tested = row->turn_allocated;
  result->turn_udp.allocated = row->turn_allocated;

  _phoneset_stun_verdict_apply (&verdict, result);
  g_assert_null (verdict.note);
  g_assert_cmpstr (phoneset_stun_result_get_mapping (result), ==, row->mapping);
  g_assert_cmpstr (phoneset_stun_result_get_filtering (result), ==, row->filtering);
  g_assert_cmpstr (phoneset_stun_result_get_classic (result), ==, row->classic);
  g_assert_cmpint (result->hairpinning, ==, row->hairpinning);
  g_assert_cmpuint (result->lost_probes, ==, row->lost_probes);
  g_assert_true ((result->behaviour_note != NULL) == (row->note != NULL));

  _phoneset_stun_result_recommend (result, "stun.example.org", 3478,
                                   row->turn_allocated ? "alice" : NULL, planet);
  line = phoneset_stun_result_dup_verdict (result);
  if (!g_str_has_prefix (line, row->verdict))
    g_error ("Verdict “%s”, expected it to start with “%s”", line, row->verdict);
  advice = dup_advice (result, row->why, &why_found);
  g_assert_cmpstr (advice, ==, row->advice);
  if (!why_found)
    g_error ("No recommendation says “%s”", row->why);
}

/* Every name the verdict can give is one the JSON document knows. */
static void
test_names (void)
{
  g_assert_cmpstr (
    phoneset_stun_behaviour_to_string (PHONESET_STUN_BEHAVIOUR_ADDRESS_AND_PORT_DEPENDENT), ==,
    "address-and-port-dependent");
  g_assert_cmpstr (phoneset_stun_nat_type_to_string (PHONESET_STUN_NAT_UDP_BLOCKED), ==,
                   "udp-blocked");
  g_assert_cmpstr (phoneset_stun_nat_type_to_string (PHONESET_STUN_NAT_INCONCLUSIVE), ==,
                   "inconclusive");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/stun/verdict/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_verdict);
    }
  g_test_add_func ("/stun/verdict/names", test_names);
  return g_test_run ();
}
