/* test-rest-api.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phone's REST API for its settings (phoneset-rest-api.c): the profile's
 * description, the requests, and the answers, good and bad.
 */

#include "config.h"

#include <string.h>

#include "phoneset-active-uri.h"
#include "phoneset-delivery.h"
#include "phoneset-error.h"
#include "phoneset-rest-api.h"
#include "phoneset-test-catalog.h"

static PhonesetActiveUri *
of_profile (const char *id)
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(GPtrArray) profiles = phoneset_test_load_profiles (dirs, NULL);
  PhonesetProfile *profile = phoneset_profiles_find (profiles, id);
  g_autoptr(GError) error = NULL;
  PhonesetActiveUri *active_uri;

  g_assert_nonnull (profile);
  active_uri = phoneset_active_uri_new_for_profile (profile, NULL, &error);
  g_assert_no_error (error);
  return active_uri;
}

static PhonesetRestApi *
parse (const char  *json,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return phoneset_rest_api_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                          error);
}

/* The Poly profile's: its user, limits and switch; the user a push of
 * settings logs in as. */
static void
test_profile (void)
{
  g_autoptr(PhonesetActiveUri) poly = of_profile ("poly-uc");
  g_autoptr(PhonesetActiveUri) yealink = of_profile ("yealink-v8x");
  PhonesetRestApi *api = phoneset_active_uri_get_rest_api (poly);

  g_assert_nonnull (api);
  g_assert_null (phoneset_active_uri_get_rest_api (yealink));
  g_assert_cmpstr (phoneset_rest_api_get_user (api), ==, "Polycom");
  g_assert_cmpuint (phoneset_rest_api_get_max_params (api), ==, 20);
  g_assert_true (phoneset_rest_api_get_https (api));
  g_assert_cmpuint (phoneset_rest_api_get_port (api), ==, 443);
  g_assert_cmpstr (phoneset_rest_api_get_setting (api), ==, "apps.restapi.enabled");
  g_assert_cmpstr (phoneset_rest_api_get_config_set (api), ==, "/api/v1/mgmt/config/set");
  g_assert_cmpstr (phoneset_rest_api_get_config_get (api), ==, "/api/v1/mgmt/config/get");
  g_assert_cmpstr (phoneset_rest_api_get_confidence (api), ==, "C");
  g_assert_true (g_strv_contains (phoneset_rest_api_get_auth (api), "basic"));

  /* Keys go as the push user (none by default); settings as Polycom. */
  g_assert_null (phoneset_active_uri_choose_user (poly, NULL));
  g_assert_cmpstr (phoneset_active_uri_choose_settings_user (poly, NULL), ==, "Polycom");
  g_assert_cmpstr (phoneset_active_uri_choose_settings_user (poly, "tech"), ==, "tech");
  g_assert_cmpstr (phoneset_active_uri_choose_settings_user (yealink, NULL), ==, "admin");

  /* The method is offered where the profile has a REST API, despite its
   * no_config_push; the others still are not. */
  g_assert_true (phoneset_delivery_check (phoneset_delivery_find ("rest"), poly, NULL));
  g_assert_false (phoneset_delivery_check (phoneset_delivery_find ("autop"), poly, NULL));
  g_assert_false (phoneset_delivery_check (phoneset_delivery_find ("rest"), yealink, NULL));
  g_assert_true (phoneset_delivery_is_direct (phoneset_delivery_find ("rest")));
  g_assert_false (phoneset_delivery_is_direct (phoneset_delivery_find ("autop")));
}

static void
test_parse_errors (void)
{
  const char *bad[] = {
    "{\"config_get\": \"/g\"}",
    "{\"config_set\": \"s\", \"config_get\": \"/g\"}",
    "{\"config_set\": \"/s?x\", \"config_get\": \"/g\"}",
    "{\"config_set\": \"/s\", \"config_get\": \"/g\", \"max_params\": 0}",
    "{\"config_set\": \"/s\", \"config_get\": \"/g\", \"port\": 70000}",
    "{\"config_set\": \"/s\", \"config_get\": \"/g\", \"auth\": [\"ntlm\"]}",
    "{\"config_set\": \"/s\", \"config_get\": \"/g\", \"https\": \"yes\"}",
    "{\"config_set\": \"/s\", \"config_get\": \"/g\", \"codes\": {\"4000\": 1}}",
    "{\"config_set\": 5, \"config_get\": \"/g\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetRestApi) api = parse (bad[i], &error);

      g_test_message ("%s: %s", bad[i], error ? error->message : "(parsed)");
      g_assert_null (api);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "rest_api."));
    }
}

static void
test_build (void)
{
  const char      *names[] = { "nat.ip", "device.net.vlanId" };
  const char      *values[] = { "198.51.100.7", "4\"2" };
  g_autofree char *set = phoneset_rest_api_build_set (names, values, 2);
  g_autofree char *get = phoneset_rest_api_build_get (names, 2);

  g_assert_cmpstr (set, ==,
                   "{\"data\":{\"nat.ip\":\"198.51.100.7\",\"device.net.vlanId\":\"4\\\"2\"}}");
  g_assert_cmpstr (get, ==, "{\"data\":[\"nat.ip\",\"device.net.vlanId\"]}");
}

static GError *
reply_error (PhonesetRestApi *api,
             guint            status,
             const char      *body)
{
  GError *error = NULL;
  g_autoptr(JsonNode) data = phoneset_rest_api_parse_reply (api, "127.0.0.1:443", "Polycom",
                                                             status, body, strlen (body), &error);

  g_assert_null (data);
  g_assert_nonnull (error);
  g_test_message ("%u %s: %s", status, body, error->message);
  return error;
}

static void
test_replies (void)
{
  g_autoptr(PhonesetActiveUri) poly = of_profile ("poly-uc");
  PhonesetRestApi *api = phoneset_active_uri_get_rest_api (poly);
  const char      *get = "{\"data\":{\"nat.ip\":{\"Value\":\"198.51.100.7\",\"Source\":\"web\"},"
                         "\"a\":\"plain\",\"b\":{\"Source\":\"web\"}},\"Status\":\"2000\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GHashTable) values = NULL;
  GError *e;

  /* Status as a string (real phones) and as a number (the documents). */
  data = phoneset_rest_api_parse_reply (api, "p", NULL, 200, get, strlen (get), &error);
  g_assert_no_error (error);
  values = phoneset_rest_api_read_values (data, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (values), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (values, "nat.ip"), ==, "198.51.100.7");
  g_assert_cmpstr (g_hash_table_lookup (values, "a"), ==, "plain");
  g_clear_pointer (&data, json_node_unref);
  data = phoneset_rest_api_parse_reply (api, "p", NULL, 200, "{\"Status\": 2000}", 16, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_NULL (data));
  g_assert_null (phoneset_rest_api_read_values (data, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);

  /* The factory password: an authentication error in the phone's terms. */
  e = reply_error (api, 200, "{\"Status\":\"4010\"}");
  g_assert_error (e, PHONESET_ERROR, PHONESET_ERROR_AUTH);
  g_assert_nonnull (strstr (e->message, "456"));
  g_error_free (e);
  e = reply_error (api, 200, "{\"Status\":\"4777\"}");
  g_assert_error (e, PHONESET_ERROR, PHONESET_ERROR_FAILED);
  g_assert_nonnull (strstr (e->message, "4777"));
  g_error_free (e);
  e = reply_error (api, 200, "<html>ok</html>");
  g_assert_error (e, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_error_free (e);
  e = reply_error (api, 200, "[\"Status\"]");
  g_assert_error (e, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_error_free (e);
  e = reply_error (api, 200, "{\"data\":{}}");
  g_assert_error (e, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_assert_nonnull (strstr (e->message, "Status"));
  g_error_free (e);
  e = reply_error (api, 200, "{\"Status\":true}");
  g_assert_error (e, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_error_free (e);
  /* HTTP statuses with the profile's hints. */
  e = reply_error (api, 404, "");
  g_assert_error (e, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (e->message, "apps.restapi.enabled"));
  g_error_free (e);
  e = reply_error (api, 401, "");
  g_assert_error (e, PHONESET_ERROR, PHONESET_ERROR_AUTH);
  g_assert_nonnull (strstr (e->message, "“Polycom”"));
  g_error_free (e);
  e = reply_error (api, 403, "");
  g_assert_error (e, PHONESET_ERROR, PHONESET_ERROR_FORBIDDEN);
  g_error_free (e);
  e = reply_error (api, 500, "{\"Status\":\"2000\"}");
  g_assert_error (e, PHONESET_ERROR, PHONESET_ERROR_FAILED);
  g_error_free (e);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rest-api/profile", test_profile);
  g_test_add_func ("/rest-api/parse-errors", test_parse_errors);
  g_test_add_func ("/rest-api/build", test_build);
  g_test_add_func ("/rest-api/replies", test_replies);
  return g_test_run ();
}
