/* test-inventory.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-inventory.h"
#include "phoneset-test-catalog.h"

static GPtrArray *profiles;

static void
test_inventory_roundtrip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phoneset-inv-XXXXXX", NULL);
  g_autoptr(PhonesetInventory) inv = phoneset_inventory_new (dir, profiles);
  g_autoptr(PhonesetInventory) again = phoneset_inventory_new (dir, profiles);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.10");
  g_autoptr(PhonesetPhone) dup = phoneset_phone_new ("192.0.2.99");
  g_autoptr(PhonesetConfig) config =
               phoneset_config_new (phoneset_profiles_find (profiles, "planet-vip"));
  g_autoptr(PhonesetConfig) baseline =
               phoneset_config_new (phoneset_profiles_find (profiles, "planet-vip"));
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetPhone) loaded = NULL;
  g_autofree char *cpath = NULL;
  g_autofree char *ctext = NULL;
  g_autofree char *itext = NULL;
  g_autofree char *ipath = NULL;
  g_autoptr(GDateTime) pushed = g_date_time_new_utc (2026, 11, 21, 9, 30, 15);

  phoneset_phone_set_mac (phone, "00:30:4F:11:3A:F8");
  phoneset_phone_set_name (phone, "Reception");
  phoneset_phone_set_profile_id (phone, "planet-vip");
  phoneset_config_set (config, "nat.stun.server", "stun.example.org", NULL);
  phoneset_config_set (config, "provisioning.server.password", "Zebra-Secret-4711", NULL);
  phoneset_phone_set_config (phone, config);
  phoneset_phone_set_baseline (phone, baseline);
  g_assert_true (phoneset_phone_has_changes (phone));
  g_assert_null (phoneset_phone_get_last_push (phone));
  phoneset_phone_set_last_push (phone, pushed);

  phoneset_inventory_add (inv, phone);
  /* The same MAC again: an update, not a second phone. */
  phoneset_phone_set_mac (dup, "00304f113af8");
  phoneset_inventory_add (inv, dup);
  g_assert_cmpuint (g_list_model_get_n_items (phoneset_inventory_get_phones (inv)), ==, 1);
  g_assert_cmpstr (phoneset_phone_get_address (phone), ==, "192.0.2.99");

  g_assert_true (phoneset_inventory_save (inv, &error));
  g_assert_no_error (error);
  cpath = g_build_filename (dir, "configs", "00304f113af8.json", NULL);
  g_file_get_contents (cpath, &ctext, NULL, NULL);
  g_assert_nonnull (strstr (ctext, "stun.example.org"));
  g_assert_null (strstr (ctext, "Zebra-Secret-4711"));
  /* The last push is kept as an ISO 8601 string. */
  ipath = g_build_filename (dir, "inventory.json", NULL);
  g_file_get_contents (ipath, &itext, NULL, NULL);
  g_assert_nonnull (strstr (itext, "\"last_push\" : \"2026-11-21T09:30:15Z\""));

  g_assert_true (phoneset_inventory_load (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (phoneset_inventory_get_phones (again)), ==, 1);
  loaded = g_list_model_get_item (phoneset_inventory_get_phones (again), 0);
  g_assert_cmpstr (phoneset_phone_get_name (loaded), ==, "Reception");
  g_assert_cmpstr (phoneset_phone_get_profile_id (loaded), ==, "planet-vip");
  g_assert_cmpstr (phoneset_config_get (phoneset_phone_get_config (loaded), "nat.stun.server"), ==,
                   "stun.example.org");
  g_assert_nonnull (phoneset_phone_get_baseline (loaded));
  g_assert_nonnull (phoneset_phone_get_last_push (loaded));
  g_assert_true (g_date_time_equal (phoneset_phone_get_last_push (loaded), pushed));
  g_assert_true (phoneset_inventory_find (again, "00-30-4f-11-3a-f8", NULL) == loaded);
  g_assert_true (phoneset_inventory_find (again, NULL, "192.0.2.99") == loaded);

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
}

static void
test_inventory_bad (void)
{
  g_autoptr(PhonesetInventory) inv = phoneset_inventory_new ("/nonexistent", profiles);
  const char *bad[] = { "",
                        "[]",
                        "{}",
                        "{\"phones\": 3}",
                        "{\"phones\": [1]}",
                        "{\"phones\": [{\"name\": \"x\"}]}",
                        "{\"phones\": [" };

  g_assert_true (phoneset_inventory_load (inv, NULL)); /* no file: empty */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (phoneset_inventory_load_data (inv, bad[i], strlen (bad[i]), &error));
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
    }
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
name_on_disk (const char *dir)
{
  g_autoptr(PhonesetInventory) inv = phoneset_inventory_new (dir, profiles);
  g_autoptr(PhonesetPhone) phone = NULL;

  g_assert_true (phoneset_inventory_load (inv, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (phoneset_inventory_get_phones (inv)), ==, 1);
  phone = g_list_model_get_item (phoneset_inventory_get_phones (inv), 0);
  return g_strdup (phoneset_phone_get_name (phone));
}

/* The async save writes in a thread what was there when it was called; a
 * later save, of either kind, is never overwritten by an earlier one. */
static void
test_inventory_save_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("phoneset-inv-XXXXXX", NULL);
  g_autoptr(PhonesetInventory) inv = phoneset_inventory_new (dir, profiles);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.10");
  g_autoptr(PhonesetConfig) config =
               phoneset_config_new (phoneset_profiles_find (profiles, "planet-vip"));
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  phoneset_phone_set_mac (phone, "00:30:4F:11:3A:F8");
  phoneset_phone_set_name (phone, "First");
  phoneset_phone_set_profile_id (phone, "planet-vip");
  phoneset_config_set (config, "nat.stun.server", "stun.example.org", NULL);
  phoneset_phone_set_config (phone, config);
  phoneset_inventory_add (inv, phone);

  phoneset_inventory_save_async (inv, NULL, saved_cb, &first);
  /* Taken at the call: renaming now is not in the first save. */
  phoneset_phone_set_name (phone, "Second");
  phoneset_inventory_save_async (inv, NULL, saved_cb, &second);
  while (first == NULL || second == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (phoneset_inventory_save_finish (inv, first, &error));
  g_assert_no_error (error);
  g_assert_true (phoneset_inventory_save_finish (inv, second, &error));
  g_assert_no_error (error);
  name = name_on_disk (dir);
  g_assert_cmpstr (name, ==, "Second");
  g_clear_object (&first);
  g_clear_pointer (&name, g_free);

  /* An async save taken before a blocking one never lands after it. */
  phoneset_phone_set_name (phone, "Third");
  phoneset_inventory_save_async (inv, NULL, saved_cb, &first);
  phoneset_phone_set_name (phone, "Fourth");
  g_assert_true (phoneset_inventory_save (inv, &error));
  g_assert_no_error (error);
  while (first == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (phoneset_inventory_save_finish (inv, first, &error));
  g_assert_no_error (error);
  name = name_on_disk (dir);
  g_assert_cmpstr (name, ==, "Fourth");

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  int         ret;

  g_test_init (&argc, &argv, NULL);
  profiles = phoneset_test_load_profiles (dirs, NULL);

  g_test_add_func ("/inventory/roundtrip", test_inventory_roundtrip);
  g_test_add_func ("/inventory/bad", test_inventory_bad);
  g_test_add_func ("/inventory/save-async", test_inventory_save_async);

  ret = g_test_run ();
  g_ptr_array_unref (profiles);
  return ret;
}
