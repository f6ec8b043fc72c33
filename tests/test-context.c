/* test-context.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PhonesetContext: it hands out what it was made with, and makes its one
 * STUN server when first asked for, naming the inventory's phones; a
 * server given at construction is used instead.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "phoneset-context.h"
#include "phoneset-secret-store-memory.h"

static char *tmpdir;

/* A GSettings of a tiny schema compiled into @tmpdir (the core build has
 * no schema of the application's); the tests keep settings in memory. */
static GSettings *
new_settings (void)
{
  g_autofree char *xml = g_build_filename (tmpdir, "test.gschema.xml", NULL);
  const char      *argv[] = { "glib-compile-schemas", tmpdir, NULL };
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (
    xml,
    "<schemalist><schema id=\"io.github.phoneset.Test\" path=\"/io/github/phoneset/Test/\">"
    "<key name=\"stun-server\" type=\"s\"><default>''</default></key>"
    "</schema></schemalist>",
    -1, NULL));
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return NULL;
  source = g_settings_schema_source_new_from_directory (tmpdir, NULL, FALSE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, "io.github.phoneset.Test", FALSE);
  g_assert_nonnull (schema);
  return g_settings_new_full (schema, NULL, NULL); /* GSETTINGS_BACKEND=memory */
}

static void
test_getters (void)
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(PhonesetCatalog) catalog = phoneset_catalog_new (dirs);
  g_autoptr(PhonesetInventory) inventory =
               phoneset_inventory_new (tmpdir, phoneset_catalog_get_profiles (catalog));
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(PhonesetContext) context = NULL;
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.7");
  g_autoptr(PhonesetCatalog) got_catalog = NULL;
  g_autoptr(GSettings) got_settings = NULL;
  PhonesetStunServer *server;

  if (settings == NULL)
    {
      g_test_skip ("glib-compile-schemas is not available");
      return;
    }
  context = phoneset_context_new (catalog, inventory, secrets, settings);
  g_assert_true (phoneset_context_get_catalog (context) == catalog);
  g_assert_true (phoneset_context_get_profiles (context) ==
                 phoneset_catalog_get_profiles (catalog));
  g_assert_cmpuint (phoneset_context_get_profiles (context)->len, >, 0);
  g_assert_true (phoneset_context_get_inventory (context) == inventory);
  g_assert_true (phoneset_context_get_secret_store (context) == secrets);
  g_assert_true (phoneset_context_get_settings (context) == settings);
  g_object_get (context, "catalog", &got_catalog, "settings", &got_settings, NULL);
  g_assert_true (got_catalog == catalog);
  g_assert_true (got_settings == settings);

  /* One server, made once, not started, naming the inventory's phones. */
  server = phoneset_context_get_stun_server (context);
  g_assert_true (PHONESET_IS_STUN_SERVER (server));
  g_assert_true (phoneset_context_get_stun_server (context) == server);
  g_assert_false (phoneset_stun_server_is_running (server));
  phoneset_inventory_add (inventory, phone);
  g_assert_cmpuint (g_list_model_get_n_items (phoneset_inventory_get_phones (inventory)), ==, 1);

  /* The context holds what it was made with. */
  g_object_add_weak_pointer (G_OBJECT (server), (gpointer *)&server);
  g_clear_object (&context);
  g_assert_null (server);
}

static void
test_given_server (void)
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(PhonesetCatalog) catalog = phoneset_catalog_new (dirs);
  g_autoptr(PhonesetInventory) inventory =
               phoneset_inventory_new (tmpdir, phoneset_catalog_get_profiles (catalog));
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(PhonesetStunServer) server = phoneset_stun_server_new ();
  g_autoptr(PhonesetContext) context = NULL;

  if (settings == NULL)
    {
      g_test_skip ("glib-compile-schemas is not available");
      return;
    }
  context =
    g_object_new (PHONESET_TYPE_CONTEXT, "catalog", catalog, "inventory", inventory, "secret-store",
                  secrets, "settings", settings, "stun-server", server, NULL);
  g_assert_true (phoneset_context_get_stun_server (context) == server);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("phoneset-context-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/context/getters", test_getters);
  g_test_add_func ("/context/given-stun-server", test_given_server);

  ret = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };

    g_spawn_sync (NULL, (char **)rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_free (tmpdir);
  return ret;
}
