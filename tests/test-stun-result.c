/* test-stun-result.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A self-test's result read through its getters: each says what the
 * `stun-test --json` document says (the window reads the getters, the
 * command line the document), and the STUN refresh advice comes from the
 * phone's profile, its vendor named as the profile names it.
 */

#include "config.h"

#include <string.h>

#include "phoneset-stun-result-private.h"

static PhonesetProfile *
load_profile (const char *id)
{
  g_autofree char *file = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("PHONESET_PROFILES_DIR"), file, NULL);
  g_autoptr(GError) error = NULL;
  PhonesetProfile *profile = phoneset_profile_new_from_file (path, &error);

  g_assert_no_error (error);
  return profile;
}

/* A result as the engine leaves it: UDP and TCP answered behind a
 * port-restricted-cone NAT, TLS not tried, a lifetime, TURN over UDP,
 * two ICE candidates. */
static PhonesetStunResult *
filled_result (void)
{
  PhonesetStunResult *result = _phoneset_stun_result_new ();
  JsonObject         *candidate;

  result->server = g_strdup ("stun.example.org:3478");
  result->elapsed_ms = 1600;
  result->software = g_strdup ("test server");
  result->other_address = g_strdup ("192.0.2.2:3479");
  result->udp.tested = TRUE;
  result->udp.reachable = TRUE;
  result->udp.rtt_ms = 12;
  result->udp.server = g_strdup ("192.0.2.1:3478");
  result->udp.local = g_strdup ("10.0.0.5:40000");
  result->udp.mapped = g_strdup ("198.51.100.7:40000");
  result->tcp.tested = TRUE;
  result->tcp.reachable = FALSE;
  result->tcp.server = g_strdup ("192.0.2.1:3478");
  result->tcp.error = g_strdup ("no answer");
  result->nat_present = TRUE;
  g_free (result->mapping);
  result->mapping = g_strdup ("endpoint-independent");
  g_free (result->filtering);
  result->filtering = g_strdup ("address-and-port-dependent");
  g_free (result->classic);
  result->classic = g_strdup ("port-restricted-cone");
  result->hairpinning = FALSE;
  result->port_preserving = TRUE;
  result->lost_probes = 2;
  result->lifetime_tested = TRUE;
  result->lifetime_ms = 20000;
  result->lifetime_low_ms = 15000;
  result->lifetime_high_ms = 25000;
  result->turn_udp.tested = TRUE;
  result->turn_udp.error_code = 401;
  result->turn_udp.error = g_strdup ("401 Unauthorized");
  result->ice_tested = TRUE;
  candidate = json_object_new ();
  json_object_set_string_member (candidate, "type", "host");
  json_object_set_string_member (candidate, "address", "10.0.0.5:40001");
  json_object_set_string_member (candidate, "transport", "udp");
  g_ptr_array_add (result->ice_candidates, candidate);
  candidate = json_object_new ();
  json_object_set_string_member (candidate, "type", "srflx");
  json_object_set_string_member (candidate, "address", "198.51.100.7:40001");
  json_object_set_string_member (candidate, "transport", "udp");
  g_ptr_array_add (result->ice_candidates, candidate);
  _phoneset_stun_result_add_recommendation (result, "nat.turn.password", NULL, "not shown");
  return result;
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  return json_object_get_null_member (object, member)
           ? NULL
           : json_object_get_string_member (object, member);
}

/* What the getters say is what the JSON document says. */
static void
test_getters (void)
{
  g_autoptr(PhonesetStunResult) result = filled_result ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *udp, *nat, *turn, *ice;
  const char *type, *transport, *address, *setting, *value, *why;
  int         alive, gone;

  _phoneset_stun_result_recommend (result, "stun.example.org", 3478, NULL, NULL);
  _phoneset_stun_result_add_recommendation (result, "nat.turn.password", NULL, "not shown");
  node = phoneset_stun_result_to_json (result);
  root = json_node_get_object (node);
  udp = json_object_get_object_member (root, "udp");
  nat = json_object_get_object_member (root, "nat");
  turn = json_object_get_object_member (root, "turn");
  ice = json_object_get_object_member (root, "ice");

  g_assert_cmpstr (phoneset_stun_result_get_server (result), ==, json_string (root, "server"));
  g_assert_cmpint (phoneset_stun_result_get_elapsed_ms (result), ==,
                   json_object_get_int_member (root, "elapsed_ms"));
  g_assert_cmpstr (phoneset_stun_result_get_software (result), ==, json_string (root, "software"));
  g_assert_cmpstr (phoneset_stun_result_get_other_address (result), ==,
                   json_string (root, "other_address"));
  g_assert_true (phoneset_stun_result_get_reachable (result));

  g_assert_true (phoneset_stun_result_get_tested (result, PHONESET_STUN_TRANSPORT_UDP));
  g_assert_true (phoneset_stun_result_get_answered (result, PHONESET_STUN_TRANSPORT_UDP));
  g_assert_cmpint (phoneset_stun_result_get_rtt_ms (result, PHONESET_STUN_TRANSPORT_UDP), ==,
                   json_object_get_int_member (udp, "rtt_ms"));
  g_assert_cmpstr (phoneset_stun_result_get_server_address (result, PHONESET_STUN_TRANSPORT_UDP),
                   ==, json_string (udp, "server"));
  g_assert_cmpstr (phoneset_stun_result_get_local_address (result, PHONESET_STUN_TRANSPORT_UDP), ==,
                   json_string (udp, "local"));
  g_assert_cmpstr (phoneset_stun_result_get_mapped_address (result, PHONESET_STUN_TRANSPORT_UDP),
                   ==, json_string (udp, "mapped"));
  g_assert_null (phoneset_stun_result_get_transport_error (result, PHONESET_STUN_TRANSPORT_UDP));
  g_assert_true (phoneset_stun_result_get_tested (result, PHONESET_STUN_TRANSPORT_TCP));
  g_assert_false (phoneset_stun_result_get_answered (result, PHONESET_STUN_TRANSPORT_TCP));
  g_assert_cmpint (phoneset_stun_result_get_rtt_ms (result, PHONESET_STUN_TRANSPORT_TCP), ==, -1);
  g_assert_cmpstr (phoneset_stun_result_get_transport_error (result, PHONESET_STUN_TRANSPORT_TCP),
                   ==, "no answer");
  g_assert_false (phoneset_stun_result_get_tested (result, PHONESET_STUN_TRANSPORT_TLS));
  g_assert_true (json_object_get_null_member (root, "tls"));

  g_assert_cmpint (phoneset_stun_result_get_nat_present (result), ==, PHONESET_STUN_ANSWER_YES);
  g_assert_true (json_object_get_boolean_member (nat, "present"));
  g_assert_cmpstr (phoneset_stun_result_get_mapping (result), ==, json_string (nat, "mapping"));
  g_assert_cmpstr (phoneset_stun_result_get_filtering (result), ==, json_string (nat, "filtering"));
  g_assert_cmpstr (phoneset_stun_result_get_classic (result), ==, json_string (nat, "classic"));
  g_assert_cmpint (phoneset_stun_result_get_hairpinning (result), ==, PHONESET_STUN_ANSWER_NO);
  g_assert_false (json_object_get_boolean_member (nat, "hairpinning"));
  g_assert_cmpint (phoneset_stun_result_get_port_preserving (result), ==, PHONESET_STUN_ANSWER_YES);
  g_assert_cmpint (phoneset_stun_result_get_alg (result), ==, PHONESET_STUN_ANSWER_UNKNOWN);
  g_assert_true (json_object_get_null_member (nat, "alg"));
  g_assert_cmpuint (phoneset_stun_result_get_lost_probes (result), ==,
                    json_object_get_int_member (nat, "lost_probes"));
  g_assert_null (phoneset_stun_result_get_behaviour_note (result));

  g_assert_true (phoneset_stun_result_get_lifetime_tested (result));
  g_assert_cmpint (phoneset_stun_result_get_binding_lifetime_ms (result), ==,
                   json_object_get_int_member (nat, "binding_lifetime_ms"));
  phoneset_stun_result_get_lifetime_bounds (result, &alive, &gone);
  g_assert_cmpint (alive, ==,
                   json_object_get_int_member (
                     json_object_get_object_member (nat, "binding_lifetime"), "alive_at_ms"));
  g_assert_cmpint (gone, ==,
                   json_object_get_int_member (
                     json_object_get_object_member (nat, "binding_lifetime"), "gone_at_ms"));
  g_assert_null (phoneset_stun_result_get_lifetime_note (result));

  g_assert_true (phoneset_stun_result_get_turn_tested (result, PHONESET_STUN_TRANSPORT_UDP));
  g_assert_false (phoneset_stun_result_get_turn_tested (result, PHONESET_STUN_TRANSPORT_TCP));
  g_assert_false (phoneset_stun_result_get_turn_tested (result, PHONESET_STUN_TRANSPORT_TLS));
  g_assert_false (phoneset_stun_result_get_turn_allocated (result, PHONESET_STUN_TRANSPORT_UDP));
  g_assert_false (json_object_get_boolean_member (turn, "allocated"));
  g_assert_null (phoneset_stun_result_get_turn_relayed (result, PHONESET_STUN_TRANSPORT_UDP));
  g_assert_cmpint (phoneset_stun_result_get_turn_error_code (result, PHONESET_STUN_TRANSPORT_UDP),
                   ==, json_object_get_int_member (turn, "error_code"));
  g_assert_cmpstr (phoneset_stun_result_get_turn_error (result, PHONESET_STUN_TRANSPORT_UDP), ==,
                   json_string (turn, "error"));

  g_assert_true (phoneset_stun_result_get_ice_tested (result));
  g_assert_cmpuint (phoneset_stun_result_get_n_ice_candidates (result), ==,
                    json_array_get_length (json_object_get_array_member (ice, "candidates")));
  g_assert_true (phoneset_stun_result_get_ice_candidate (result, 1, &type, &transport, &address));
  g_assert_cmpstr (type, ==, "srflx");
  g_assert_cmpstr (transport, ==, "udp");
  g_assert_cmpstr (address, ==, "198.51.100.7:40001");
  g_assert_false (phoneset_stun_result_get_ice_candidate (result, 2, &type, NULL, NULL));
  g_assert_null (phoneset_stun_result_get_ice_error (result));

  g_assert_cmpuint (phoneset_stun_result_get_n_recommendations (result), ==,
                    json_array_get_length (json_object_get_array_member (root, "recommendations")));
  for (guint i = 0; i < phoneset_stun_result_get_n_recommendations (result); i++)
    {
      JsonObject *r =
        json_array_get_object_element (json_object_get_array_member (root, "recommendations"), i);

      g_assert_true (phoneset_stun_result_get_recommendation (result, i, &setting, &value, &why));
      g_assert_cmpstr (setting, ==, json_string (r, "setting"));
      g_assert_cmpstr (value, ==, json_string (r, "value"));
      g_assert_cmpstr (why, ==, json_string (r, "why"));
    }
  /* The last one has no value (a password is never shown). */
  g_assert_true (phoneset_stun_result_get_recommendation (
    result, phoneset_stun_result_get_n_recommendations (result) - 1, &setting, &value, NULL));
  g_assert_cmpstr (setting, ==, "nat.turn.password");
  g_assert_null (value);
  g_assert_false (phoneset_stun_result_get_recommendation (result, 100, NULL, NULL, NULL));
}

/* A result before any test: nothing tested, nothing known. */
static void
test_empty (void)
{
  g_autoptr(PhonesetStunResult) result = _phoneset_stun_result_new ();
  int alive, gone;

  g_assert_false (phoneset_stun_result_get_reachable (result));
  for (PhonesetStunTransports t = PHONESET_STUN_TRANSPORT_UDP; t <= PHONESET_STUN_TRANSPORT_TLS;
       t <<= 1)
    {
      g_assert_false (phoneset_stun_result_get_tested (result, t));
      g_assert_false (phoneset_stun_result_get_answered (result, t));
      g_assert_cmpint (phoneset_stun_result_get_rtt_ms (result, t), ==, -1);
      g_assert_null (phoneset_stun_result_get_mapped_address (result, t));
    }
  g_assert_cmpint (phoneset_stun_result_get_nat_present (result), ==, PHONESET_STUN_ANSWER_UNKNOWN);
  g_assert_cmpstr (phoneset_stun_result_get_classic (result), ==, "inconclusive");
  g_assert_cmpint (phoneset_stun_result_get_binding_lifetime_ms (result), ==, -1);
  phoneset_stun_result_get_lifetime_bounds (result, &alive, &gone);
  g_assert_cmpint (alive, ==, -1);
  g_assert_cmpint (gone, ==, -1);
  g_assert_false (phoneset_stun_result_get_ice_tested (result));
  g_assert_cmpuint (phoneset_stun_result_get_n_ice_candidates (result), ==, 0);
  g_assert_cmpuint (phoneset_stun_result_get_n_recommendations (result), ==, 0);
}

/* The reason given for nat.stun.refresh. */
static const char *
refresh_why (PhonesetStunResult *result)
{
  for (guint i = 0; i < phoneset_stun_result_get_n_recommendations (result); i++)
    {
      const char *setting, *why;

      phoneset_stun_result_get_recommendation (result, i, &setting, NULL, &why);
      if (g_str_equal (setting, "nat.stun.refresh"))
        return why;
    }
  g_assert_not_reached ();
}

static char *
dup_refresh_why (const char *profile_id,
                 int         lifetime_ms)
{
  g_autoptr(PhonesetStunResult) result = filled_result ();
  g_autoptr(PhonesetProfile) profile = profile_id ? load_profile (profile_id) : NULL;

  result->lifetime_ms = lifetime_ms;
  _phoneset_stun_result_recommend (result, "stun.example.org", 3478, NULL, profile);
  return g_strdup (refresh_why (result));
}

/* A lifetime shorter than the phone's own default refresh is said in its
 * profile's words (vendor, default); other phones, a longer lifetime or no
 * phone at all get the general advice. */
static void
test_refresh_from_profile (void)
{
  const char *general = "Refresh the STUN binding as often as the keep-alive";
  struct
  {
    const char *profile;
    int         lifetime_ms;
    const char *why;
  } rows[] = {
    { "planet-vip", 20000,
      "PLANET phones refresh STUN every 50 s by default, longer than this router keeps a binding "
      "(about 20 s)." },
    { "planet-vip", 50000, "PLANET phones refresh STUN every 50 s by default" },
    { "planet-vip", 51000, general },
    { "snom-c520", 20000,
      "snom phones refresh STUN every 30 s by default, longer than this router keeps a binding "
      "(about 20 s)." },
    { "snom-c520", 40000, general },
    { "snom", 20000, general },           /* default 0: no refresh of its own */
    { "yealink-legacy", 20000, general }, /* no such setting */
    { NULL, 20000, general },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *why = dup_refresh_why (rows[i].profile, rows[i].lifetime_ms);

      if (!g_str_has_prefix (why, rows[i].why))
        g_error ("%s, %d ms: “%s”, expected “%s”", rows[i].profile, rows[i].lifetime_ms, why,
                 rows[i].why);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stun/result/getters", test_getters);
  g_test_add_func ("/stun/result/empty", test_empty);
  g_test_add_func ("/stun/result/refresh-from-profile", test_refresh_from_profile);
  return g_test_run ();
}
