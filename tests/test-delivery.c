/* test-delivery.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The delivery methods' registry (what each says about itself, which
 * phones each can work on), the request that points a phone at its file,
 * and PhonesetPushResult: its getters and the JSON the CLI prints.
 */

#include "config.h"

#include <string.h>

#include "phoneset-catalog.h"
#include "phoneset-delivery-private.h"
#include "phoneset-error.h"
#include "phoneset-paths.h"
#include "phoneset-push-result-private.h"

static void
test_registry (void)
{
  const PhonesetDelivery *const *all = phoneset_delivery_get_all ();
  const char *const              ids[] = { "autop", "check-sync", "pnp", "rest", NULL };
  guint                          n = 0;

  g_assert_nonnull (all);
  for (; all[n] != NULL; n++)
    {
      const PhonesetDelivery *d = all[n];

      /* Offered in this order; each found by its id, the same one. */
      g_assert_cmpstr (phoneset_delivery_get_id (d), ==, ids[n]);
      g_assert_true (phoneset_delivery_find (phoneset_delivery_get_id (d)) == d);
      for (guint j = 0; j < n; j++)
        g_assert_cmpstr (phoneset_delivery_get_id (all[j]), !=, phoneset_delivery_get_id (d));
      /* What the dialog shows for it. */
      g_assert_cmpstr (phoneset_delivery_get_title (d), !=, "");
      g_assert_cmpstr (phoneset_delivery_get_accessible_label (d), !=, "");
      g_assert_cmpstr (phoneset_delivery_get_description (d), !=, "");
      g_assert_cmpstr (phoneset_delivery_get_progress (d), !=, "");
      g_assert_cmpstr (phoneset_delivery_get_cancelled (d), !=, "");
      g_assert_nonnull (_phoneset_delivery_get_note (d));
      g_assert_nonnull (d->tell_async);
      g_assert_nonnull (d->tell_finish);
    }
  g_assert_cmpuint (n, ==, g_strv_length ((char **)ids));
  g_assert_true (phoneset_delivery_get_default () == all[0]);
  g_assert_null (phoneset_delivery_find ("nope"));
  g_assert_null (phoneset_delivery_find ("AutoP"));
  g_assert_null (phoneset_delivery_find (NULL));

  g_assert_cmpstr (phoneset_delivery_get_title (phoneset_delivery_find ("pnp")), ==,
                   "PnP on Reboot");
  g_assert_cmpstr (phoneset_delivery_get_accessible_label (phoneset_delivery_find ("check-sync")),
                   ==, "Push by check-sync");
  /* Setting the provisioning URL over HTTP is the part no vendor documents. */
  g_assert_nonnull (phoneset_delivery_get_unconfirmed (phoneset_delivery_find ("autop")));
  g_assert_nonnull (phoneset_delivery_get_unconfirmed (phoneset_delivery_find ("check-sync")));
  g_assert_null (phoneset_delivery_get_unconfirmed (phoneset_delivery_find ("pnp")));
}

/* The Active URI of a vendor's phones, from the shipped profiles. */
static PhonesetActiveUri *
active_uri_for_vendor (const char *vendor)
{
  g_auto(GStrv) dirs = phoneset_paths_profile_dirs ();
  g_autoptr(PhonesetCatalog) catalog = phoneset_catalog_new ((const char *const *)dirs);

  return phoneset_catalog_new_active_uri_for_vendor (catalog, vendor, NULL, NULL);
}

/* Which methods work on which phones comes from their profiles. */
static void
test_check (void)
{
  g_autoptr(PhonesetActiveUri) settable = active_uri_for_vendor ("yealink");
  g_autoptr(PhonesetActiveUri) unsettable = active_uri_for_vendor ("fanvil");
  const PhonesetDelivery *autop = phoneset_delivery_find ("autop");
  const PhonesetDelivery *check_sync = phoneset_delivery_find ("check-sync");
  const PhonesetDelivery *pnp = phoneset_delivery_find ("pnp");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (settable);
  g_assert_nonnull (unsettable);
  /* Every method that makes the phone fetch the file; the REST API's
   * needs a profile that describes one (test-rest-api.c). */
  for (const PhonesetDelivery *const *all = phoneset_delivery_get_all (); *all != NULL; all++)
    {
      if (phoneset_delivery_is_direct (*all))
        {
          g_assert_false (phoneset_delivery_check (*all, settable, &error));
          g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
          g_clear_error (&error);
          continue;
        }
      g_assert_true (phoneset_delivery_check (*all, settable, &error));
      g_assert_no_error (error);
    }
  g_assert_true (phoneset_delivery_check (pnp, unsettable, NULL));
  g_assert_false (phoneset_delivery_check (check_sync, unsettable, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "no documented way to set their provisioning URL"));
  g_clear_error (&error);
  g_assert_false (phoneset_delivery_check (autop, unsettable, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  /* The setting a push changes to point the phone at the file. */
  g_assert_cmpstr (phoneset_delivery_get_url_setting (autop, settable), ==,
                   phoneset_active_uri_get_provisioning_url_setting (settable));
  g_assert_nonnull (phoneset_delivery_get_url_setting (check_sync, settable));
  g_assert_null (phoneset_delivery_get_url_setting (pnp, settable));
}

static void
test_set_url_path (void)
{
  g_autoptr(PhonesetActiveUri) settable = active_uri_for_vendor ("yealink");
  g_autoptr(PhonesetActiveUri) unsettable = active_uri_for_vendor ("fanvil");
  g_autofree char *path =
    _phoneset_delivery_build_set_url_path (settable, "http://10.0.0.2:4711/p/ab cd/f.cfg");
  g_autofree char *expected =
    g_strdup_printf ("%s?%s&%s=%s", phoneset_active_uri_get_path (settable),
                     phoneset_active_uri_get_set_query (settable),
                     phoneset_active_uri_get_provisioning_url_setting (settable),
                     "http%3A%2F%2F10.0.0.2%3A4711%2Fp%2Fab%20cd%2Ff.cfg");

  g_assert_cmpstr (path, ==, expected);
  g_assert_null (_phoneset_delivery_build_set_url_path (unsettable, "http://10.0.0.2/"));
}

static char *
to_json_text (PhonesetPushResult *result)
{
  g_autoptr(JsonObject) object = phoneset_push_result_to_json (result);
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);

  return json_to_string (root, FALSE);
}

/* A result as a verified push by a method that sets the URL fills it in. */
static void
test_result (void)
{
  g_autoptr(PhonesetPushResult) result =
               _phoneset_push_result_new ("10.0.0.5:80", "autop", "some-profile");
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 4, 5, 6, 7.25);
  g_autoptr(GHashTable) status = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char   *text = NULL;
  const char *const *keys;
  const char *const *notes;
  GHashTableIter     iter;
  gpointer           key, value;
  guint              i = 0;

  /* Before the fetch: nothing of it. */
  g_assert_cmpstr (phoneset_push_result_get_phone (result), ==, "10.0.0.5:80");
  g_assert_cmpstr (phoneset_push_result_get_via (result), ==, "autop");
  g_assert_cmpstr (phoneset_push_result_get_profile (result), ==, "some-profile");
  g_assert_false (phoneset_push_result_get_fetched (result));
  g_assert_null (phoneset_push_result_get_fetch_time (result));
  g_assert_null (phoneset_push_result_get_status_keys (result));
  g_assert_null (phoneset_push_result_get_applied_setting (result));
  g_assert_null (phoneset_push_result_get_pnp_subscribe_from (result));
  g_assert_nonnull (phoneset_push_result_get_notes (result));
  g_assert_null (phoneset_push_result_get_notes (result)[0]);

  _phoneset_push_result_set_url (result, "http://10.0.0.2:4711/p/x/f.cfg");
  _phoneset_push_result_add_note (result, "first");
  _phoneset_push_result_set_fetched (result, when, "10.0.0.5", "Phone 1.0 001122334455", 97);
  _phoneset_push_result_set_applied_setting (result, "provisioning.url");
  _phoneset_push_result_set_user_agent_names_phone (result, FALSE);
  _phoneset_push_result_set_user_agent_names_phone (result, TRUE);
  g_hash_table_insert (status, "mac", "00:11:22:33:44:55");
  g_hash_table_insert (status, "fw", "1.0");
  g_hash_table_insert (status, "model", "X1");
  _phoneset_push_result_set_status (result, status);
  _phoneset_push_result_add_note (result, "second");

  g_assert_cmpstr (phoneset_push_result_get_url (result), ==, "http://10.0.0.2:4711/p/x/f.cfg");
  g_assert_true (phoneset_push_result_get_fetched (result));
  g_assert_true (g_date_time_equal (phoneset_push_result_get_fetch_time (result), when));
  g_assert_cmpstr (phoneset_push_result_get_fetched_from (result), ==, "10.0.0.5");
  g_assert_cmpstr (phoneset_push_result_get_fetch_user_agent (result), ==,
                   "Phone 1.0 001122334455");
  g_assert_cmpuint (phoneset_push_result_get_fetched_bytes (result), ==, 97);
  g_assert_true (phoneset_push_result_get_user_agent_names_phone (result));
  g_assert_cmpstr (phoneset_push_result_get_applied_setting (result), ==, "provisioning.url");
  /* The status in the order the phone's table gave it. */
  keys = phoneset_push_result_get_status_keys (result);
  g_assert_cmpuint (g_strv_length ((char **)keys), ==, 3);
  g_hash_table_iter_init (&iter, status);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_cmpstr (keys[i], ==, key);
      g_assert_cmpstr (phoneset_push_result_lookup_status (result, key), ==, value);
      i++;
    }
  g_assert_null (phoneset_push_result_lookup_status (result, "dnd"));
  notes = phoneset_push_result_get_notes (result);
  g_assert_cmpstr (notes[0], ==, "first");
  g_assert_cmpstr (notes[1], ==, "second");
  g_assert_null (notes[2]);

  /* The CLI's JSON, member by member in the order it always had. */
  g_string_append (expected,
                   "{\"phone\":\"10.0.0.5:80\",\"via\":\"autop\",\"profile\":\"some-profile\","
                   "\"url\":\"http://10.0.0.2:4711/p/x/f.cfg\",\"fetched\":{\"time\":"
                   "\"2026-03-04T05:06:07.250000Z\",\"from\":\"10.0.0.5\",\"user_agent\":"
                   "\"Phone 1.0 001122334455\",\"bytes\":97},\"set\":{\"key\":\"provisioning.url\","
                   "\"applied\":true},\"user_agent_names_phone\":true,\"status\":{");
  for (i = 0; keys[i] != NULL; i++)
    g_string_append_printf (expected, "%s\"%s\":\"%s\"", i ? "," : "", keys[i],
                            (const char *)g_hash_table_lookup (status, keys[i]));
  g_string_append (expected, "},\"notes\":[\"first\",\"second\"]}");
  text = to_json_text (result);
  g_assert_cmpstr (text, ==, expected->str);
  g_assert_finalize_object (g_steal_pointer (&result));
}

/* A PnP push: no setting changed, the phone's request recorded, no status,
 * a fetch with no User-Agent. */
static void
test_result_pnp (void)
{
  g_autoptr(PhonesetPushResult) result = _phoneset_push_result_new ("10.0.0.6:80", "pnp", NULL);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
  g_autofree char *text = NULL;

  _phoneset_push_result_set_url (result, "http://10.0.0.2:1/p/y/f.cfg");
  _phoneset_push_result_set_pnp_subscribe_from (result, "10.0.0.6");
  _phoneset_push_result_set_fetched (result, when, "10.0.0.6", NULL, 5);
  _phoneset_push_result_set_applied_setting (result, NULL);
  g_assert_null (phoneset_push_result_get_profile (result));
  g_assert_cmpstr (phoneset_push_result_get_pnp_subscribe_from (result), ==, "10.0.0.6");
  g_assert_null (phoneset_push_result_get_fetch_user_agent (result));
  g_assert_null (phoneset_push_result_get_applied_setting (result));
  g_assert_false (phoneset_push_result_get_user_agent_names_phone (result));

  text = to_json_text (result);
  g_assert_cmpstr (
    text, ==,
    "{\"phone\":\"10.0.0.6:80\",\"via\":\"pnp\",\"url\":\"http://10.0.0.2:1/p/y/f.cfg\","
    "\"pnp_subscribe_from\":\"10.0.0.6\",\"fetched\":{\"time\":\"2026-01-02T03:04:05Z\","
    "\"from\":\"10.0.0.6\",\"user_agent\":null,\"bytes\":5},\"user_agent_names_phone\":false,"
    "\"notes\":[]}");
  g_assert_finalize_object (g_steal_pointer (&result));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/delivery/registry", test_registry);
  g_test_add_func ("/delivery/check", test_check);
  g_test_add_func ("/delivery/set-url-path", test_set_url_path);
  g_test_add_func ("/push-result/autop", test_result);
  g_test_add_func ("/push-result/pnp", test_result_pnp);

  return g_test_run ();
}
