/* test-oui.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-neighbours.h"
#include "phoneset-oui.h"
#include "phoneset-core-test-private.h"

static void
test_oui_line (void)
{
  static const char *const bad[] = {
    "",
    "00-15-65",
    "00-15-65   (base 16)\t\tXiamen Yealink",
    "001565     (hex)\t\tXiamen",
    "00-15-6G   (hex)\t\tXiamen",
    "00-15-65   (hex)\t\t",
    "00-15-65(hex) Xiamen",
    "00-15-65   (hex)\t\tbad \x01 byte",
  };
  g_autofree char *organization = NULL;
  guint32          oui = 0;

  g_assert_true (phoneset_oui_parse_line (
    "00-15-65   (hex)\t\tXIAMEN YEALINK NETWORK TECHNOLOGY CO.,LTD.\r", &oui, &organization, NULL));
  g_assert_cmphex (oui, ==, 0x001565);
  g_assert_cmpstr (organization, ==, "XIAMEN YEALINK NETWORK TECHNOLOGY CO.,LTD.");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      char *org = NULL;

      g_assert_false (phoneset_oui_parse_line (bad[i], &oui, &org, &error));
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
      g_assert_null (org);
    }
}

static void
test_oui_registry (void)
{
  static const char data[] = "OUI/MA-L                                                    "
                             "Organization                                 \n"
                             "company_id                                                  "
                             "Organization                                 \n"
                             "                                                            Address  "
                             "                                    \n"
                             "\n"
                             "00-15-65   (hex)\t\tXIAMEN YEALINK NETWORK TECHNOLOGY CO.,LTD.\n"
                             "001565     (base 16)\t\tXIAMEN YEALINK NETWORK TECHNOLOGY CO.,LTD.\n"
                             "\t\t\t\tNo.1 Lingxia Nan Road\n"
                             "\n"
                             "0C-38-3E   (hex)\t\tFanvil Technology Co., Ltd.\n"
                             "0C383E     (base 16)\t\tFanvil Technology Co., Ltd.\n";
  g_autoptr(PhonesetOuiRegistry) registry = phoneset_oui_registry_new ();
  g_autoptr(GError) error = NULL;
  const guint8 fanvil[] = { 0x0c, 0x38, 0x3e, 0x07, 0xe1, 0x6c };
  const guint8 none[] = { 0x02, 0, 0, 0, 0, 1 };

  g_assert_true (phoneset_oui_registry_load_data (registry, data, strlen (data), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (phoneset_oui_registry_get_size (registry), ==, 2);
  g_assert_cmpstr (phoneset_oui_registry_lookup (registry, fanvil), ==,
                   "Fanvil Technology Co., Ltd.");
  g_assert_null (phoneset_oui_registry_lookup (registry, none));
}

static void
test_oui_registry_bad (void)
{
  static const char data[] = "header\n\n00-15-65   (hex)\t\tGood\nZZ-15-66   (hex)\t\tBad\n";
  g_autoptr(PhonesetOuiRegistry) registry = phoneset_oui_registry_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (phoneset_oui_registry_load_data (registry, data, strlen (data), &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 4"));
  g_clear_error (&error);

  g_assert_false (phoneset_oui_registry_load_file (registry, "/nonexistent/oui.txt", &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "ieee-data"));
}

/* Debian's registry, when installed (the test packages include ieee-data). */
static void
test_oui_debian (void)
{
  g_autoptr(PhonesetOuiRegistry) registry = phoneset_oui_registry_new ();
  g_autoptr(GError) error = NULL;
  const guint8 yealink[] = { 0x00, 0x15, 0x65, 0x4a, 0xa9, 0x37 };
  const guint8 planet[] = { 0x00, 0x30, 0x4f, 0xa9, 0x99, 0x48 };
  gint64       start = g_get_monotonic_time ();

  if (!g_file_test (PHONESET_OUI_DEFAULT_PATH, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("ieee-data is not installed (apt-get install ieee-data)");
      return;
    }
  g_assert_true (phoneset_oui_registry_load_file (registry, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%u records in %" G_GINT64_FORMAT " ms",
                  phoneset_oui_registry_get_size (registry),
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpuint (phoneset_oui_registry_get_size (registry), >, 10000);
  g_assert_nonnull (strstr (phoneset_oui_registry_lookup (registry, yealink), "YEALINK"));
  g_assert_nonnull (strstr (phoneset_oui_registry_lookup (registry, planet), "PLANET"));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The async load reads in a worker thread; the main loop keeps running. */
static void
test_oui_async (void)
{
  g_autoptr(PhonesetOuiRegistry) registry = phoneset_oui_registry_new ();
  g_autoptr(PhonesetOuiRegistry) missing = phoneset_oui_registry_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char  *dir = g_dir_make_tmp ("phoneset-oui-XXXXXX", NULL);
  g_autofree char  *path = g_build_filename (dir, "oui.txt", NULL);
  const guint8      yealink[] = { 0x00, 0x15, 0x65, 0x4a, 0xa9, 0x37 };
  static const char data[] =
    "OUI/MA-L\n\n00-15-65   (hex)\t\tXiamen Yealink Network Technology Co.,Ltd\n";

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  phoneset_oui_registry_load_file_async (registry, path, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (phoneset_oui_registry_load_file_finish (registry, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (phoneset_oui_registry_get_size (registry), ==, 1);
  g_assert_nonnull (strstr (phoneset_oui_registry_lookup (registry, yealink), "Yealink"));
  g_clear_object (&result);

  phoneset_oui_registry_load_file_async (missing, "/nonexistent/oui.txt", NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (phoneset_oui_registry_load_file_finish (missing, result, &error));
  g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  phoneset_oui_registry_load_file_async (missing, path, cancellable, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (phoneset_oui_registry_load_file_finish (missing, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_neighbours (void)
{
  static const char table[] =
    "IP address       HW type     Flags       HW address            Mask     Device\n"
    "192.0.2.10       0x1         0x2         00:15:65:4a:a9:37     *        eth0\n"
    "192.0.2.11       0x1         0x0         00:00:00:00:00:00     *        eth0\n"
    "192.0.2.12       0x1         0x6         0c:38:3e:07:e1:6c     *        "
    "lan-with-a-long-name\n";
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  PhonesetNeighbour *entry;

  entries = phoneset_neighbours_parse (table, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = &g_array_index (entries, PhonesetNeighbour, 0);
  g_assert_cmphex (entry->ip, ==, 0xc000020a);
  g_assert_cmphex (entry->mac[0], ==, 0x00);
  g_assert_cmphex (entry->mac[5], ==, 0x37);
  g_assert_cmpstr (entry->device, ==, "eth0");
  entry = &g_array_index (entries, PhonesetNeighbour, 1);
  g_assert_cmphex (entry->ip, ==, 0xc000020c);
  g_assert_cmpstr (entry->device, ==, "lan-with-a-long-name");
}

static void
test_neighbours_bad (void)
{
  static const char *const bad[] = {
    "",
    "garbage\n",
    "IP address HW\n192.0.2.10 0x1 0x2 00:15:65:4a:a9:37 *\n",
    "IP address HW\nnot-an-ip 0x1 0x2 00:15:65:4a:a9:37 * eth0\n",
    "IP address HW\n192.0.2.10 0x1 2 00:15:65:4a:a9:37 * eth0\n",
    "IP address HW\n192.0.2.10 0x1 0x2 00:15:65:4a:a9 * eth0\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) entries = phoneset_neighbours_parse (bad[i], &error);

      g_assert_null (entries);
      g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/oui/line", test_oui_line);
  g_test_add_func ("/oui/registry", test_oui_registry);
  g_test_add_func ("/oui/registry-bad", test_oui_registry_bad);
  g_test_add_func ("/oui/debian", test_oui_debian);
  g_test_add_func ("/oui/async", test_oui_async);
  g_test_add_func ("/neighbours/parse", test_neighbours);
  g_test_add_func ("/neighbours/bad", test_neighbours_bad);

  return g_test_run ();
}
