/* test-fleet-ui.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fleet widgets, driven under Xvfb with screenshots:
 * PhonesetFleetDialog (a pasted phone list with bad rows, then a good one,
 * its preview and the export), and PhonesetProvisioningView serving an
 * exported tree to a simulated phone that asks by SIP PnP, with the live
 * fetch log, listening on the address chosen in its Address row only.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "phoneset-file.h"
#include "phoneset-secret-store-memory.h"
#include "phoneset-address.h"
#include "phoneset-fleet-dialog.h"
#include "phoneset-fleet.h"
#include "phoneset-profile.h"
#include "phoneset-provisioning-view.h"
#include "phoneset-test-sim.h"
#include "phoneset-test-utils.h"
#include "phoneset-test-private.h"
#include "phoneset-test-catalog.h"

static GPtrArray       *profiles;
static char            *tmpdir;
static PhonesetContext *context; /* without an application */

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static gboolean
label_contains (GtkWidget  *label,
                const char *text)
{
  return strstr (gtk_label_get_text (GTK_LABEL (label)), text) != NULL;
}

static void
exported_cb (PhonesetFleetDialog *dialog,
             const char          *folder,
             guint                n_files,
             guint               *count)
{
  g_assert_cmpuint (n_files, ==, 7);
  (*count)++;
}

static void
test_fleet_dialog (void)
{
  PhonesetFleetDialog *dialog = phoneset_fleet_dialog_new (NULL, profiles);
  g_autofree char     *out = g_build_filename (tmpdir, "fleet-out", NULL);
  g_autofree char     *readme = NULL;
  g_autofree char     *path = NULL;
  g_autofree char     *shot = NULL;
  GtkWidget           *status = child (dialog, PHONESET_TYPE_FLEET_DIALOG, "status_label");
  GtkWidget           *problems = child (dialog, PHONESET_TYPE_FLEET_DIALOG, "problems_list");
  GtkWidget           *grid = child (dialog, PHONESET_TYPE_FLEET_DIALOG, "preview_grid");
  GtkWidget           *export_button = child (dialog, PHONESET_TYPE_FLEET_DIALOG, "export_button");
  GtkWidget           *server_url = child (dialog, PHONESET_TYPE_FLEET_DIALOG, "server_url_row");
  guint                exported = 0;

  gtk_window_present (GTK_WINDOW (dialog));
  phoneset_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_true (phoneset_fleet_dialog_select_profile (dialog, "planet-vip", "VIP-2140PT"));
  g_assert_false (gtk_widget_get_sensitive (export_button));

  /* Bad rows: each is listed by line, and nothing can be exported. */
  phoneset_fleet_dialog_set_csv_text (dialog, "mac,name,line.1.number,vlan.id,colour\n"
                                              "00:30:4f:00:00:01,Reception,3001,100,\n"
                                              "00:30:4f:00:00:0g,Office 2,3002,,\n"
                                              "00:30:4f:00:00:03,Office 3,3003,99999,\n"
                                              "00:30:4f:00:00:01,Office 4,3004,,\n");
  phoneset_fleet_dialog_set_output_folder (dialog, out);
  g_assert_true (gtk_widget_get_visible (problems));
  g_assert_cmpuint (count_children (problems), ==, 4);
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_true (label_contains (status, "4 lines to correct"));
  g_assert_false (gtk_widget_get_sensitive (export_button));
  shot = phoneset_test_screenshot (GTK_WIDGET (dialog), "fleet-dialog-bad-rows");
  g_clear_pointer (&shot, g_free);

  /* A good list: a preview row per phone, and the export. */
  phoneset_fleet_dialog_set_csv_text (dialog, "\xef\xbb\xbf"
                                              "mac,name,line.1.number,vlan.id\r\n"
                                              "00:30:4f:00:00:01,Reception,3001,100\r\n"
                                              "00:30:4f:00:00:02,\"Office 2, east\",3002,\r\n"
                                              "00:30:4f:00:00:03,Office 3,3003,101\r\n"
                                              "00304F000004,Meeting room,3004,101\r\n"
                                              "00-30-4f-00-00-05,Warehouse,3005,102\r\n");
  gtk_editable_set_text (GTK_EDITABLE (server_url), "http://192.0.2.1/");
  g_assert_false (gtk_widget_get_visible (problems));
  g_assert_true (gtk_widget_has_css_class (status, "success"));
  g_assert_true (label_contains (status, "5 phones"));
  /* A header row and five phones, four columns each (line, MAC, name, 2 settings). */
  g_assert_cmpuint (count_children (grid), ==, 6 * 5);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  shot = phoneset_test_screenshot (GTK_WIDGET (dialog), "fleet-dialog-preview");
  g_clear_pointer (&shot, g_free);

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  g_signal_emit_by_name (export_button, "clicked");
  g_assert_cmpuint (exported, ==, 1);
  path = g_build_filename (out, "00304f000005.cfg", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&path, g_free);
  path = g_build_filename (out, "f0VIP-2140PThw1.100.cfg", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&path, g_free);
  path = g_build_filename (out, "README", NULL);
  g_assert_true (g_file_get_contents (path, &readme, NULL, NULL));
  g_assert_nonnull (strstr (readme, "dhcp-option=66,\"http://192.0.2.1/\""));
  shot = phoneset_test_screenshot_after (GTK_WIDGET (dialog), "fleet-dialog-exported", 300);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static guint16
free_udp_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                             G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_provisioning_view (void)
{
  GtkWidget       *window = adw_window_new ();
  GtkWidget       *view = phoneset_provisioning_view_new (context);
  g_autofree char *tree = g_build_filename (tmpdir, "tree", NULL);
  g_autofree char *target = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(PhonesetConfig) common =
               phoneset_config_new (phoneset_profiles_find (profiles, "yealink-legacy"));
  g_autoptr(PhonesetFleet) fleet = NULL;
  g_autoptr(PhonesetTestSim) sim = NULL;
  g_autoptr(JsonObject) state = NULL;
  PhonesetFleetOptions options = { .model = "SIP-T46G" };
  const char          *csv = "mac,line.1.number\n00:15:65:00:00:01,1001\n00:15:65:00:00:02,1002\n";
  guint16              pnp_port = free_udp_port ();
  JsonObject          *config;

  /* The tree: an export for two phones. */
  g_assert_true (phoneset_config_set (common, "nat.stun.server", "stun.example.org", NULL));
  fleet = phoneset_fleet_parse (common, csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_true (phoneset_fleet_render (fleet, &options, names, contents, &error));
  g_assert_true (phoneset_file_replace_all (tree, names, contents, 0644, &error));
  g_assert_no_error (error);

  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 640);
  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (window);
  g_assert_false (
    gtk_widget_get_sensitive (child (view, PHONESET_TYPE_PROVISIONING_VIEW, "start_button")));
  shot = phoneset_test_screenshot (window, "provisioning-view-stopped");
  g_clear_pointer (&shot, g_free);

  /* Chosen in the Address row: the PnP answer carries it, the phone fetches
   * from it. */
  phoneset_provisioning_view_set_folder (PHONESET_PROVISIONING_VIEW (view), tree);
  phoneset_provisioning_view_set_address (PHONESET_PROVISIONING_VIEW (view), "127.0.0.221");
  g_assert_true (phoneset_provisioning_view_start (PHONESET_PROVISIONING_VIEW (view), NULL, 0,
                                                   pnp_port, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (
    phoneset_provisioning_view_get_url (PHONESET_PROVISIONING_VIEW (view)), "http://127.0.0.221:"));

  /* A Yealink phone boots, asks by PnP, fetches its common and MAC file. */
  target = g_strdup_printf ("--pnp-target=127.0.0.221:%u", pnp_port);
  sim = phoneset_test_sim_start_profile (
    "yealink-legacy", "127.0.0.223",
    (const char *const[]){ "--mac=00:15:65:00:00:01", "--pnp", target, "--pnp-interval=200",
                           "--pnp-tries=20", "--common-file=y000000000028.cfg", "--no-prompt",
                           NULL });
  for (guint i = 0;
       i < 100 && phoneset_provisioning_view_get_n_events (PHONESET_PROVISIONING_VIEW (view)) < 3;
       i++)
    phoneset_test_iterate (100);
  g_assert_cmpuint (phoneset_provisioning_view_get_n_events (PHONESET_PROVISIONING_VIEW (view)), >=,
                    3);
  for (guint i = 0; i < 50; i++)
    {
      g_clear_pointer (&state, json_object_unref);
      state = phoneset_test_sim_state (sim);
      config = json_object_get_object_member (state, "config");
      if (json_object_has_member (config, "account.1.user_name") &&
          json_object_has_member (config, "account.1.nat.stun_server"))
        break;
      phoneset_test_iterate (100);
    }
  config = json_object_get_object_member (state, "config");
  g_assert_cmpstr (json_object_get_string_member_with_default (config, "account.1.user_name", ""),
                   ==, "1001");
  g_assert_cmpstr (
    json_object_get_string_member_with_default (config, "account.1.nat.stun_server", ""), ==,
    "stun.example.org");
  shot = phoneset_test_screenshot_after (window, "provisioning-view-fetch-log", 300);
  g_clear_pointer (&shot, g_free);

  phoneset_provisioning_view_stop (PHONESET_PROVISIONING_VIEW (view));
  g_assert_null (phoneset_provisioning_view_get_url (PHONESET_PROVISIONING_VIEW (view)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint16
free_tcp_port (const char *host)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                             G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (host);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (inet, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* An HTTP request to HOST:PORT, answered by the view's server on this
 * thread's main loop: the status line, or NULL with @error set when the
 * connection fails. */
static char *
http_status_line (const char  *host,
                  guint16      port,
                  GError     **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  GSocket    *socket;
  const char *request = "GET /missing.cfg HTTP/1.0\r\n\r\n";
  char        buffer[256] = { 0 };
  gssize      got = -1;

  g_socket_client_set_timeout (client, 5);
  connection = g_socket_client_connect_to_host (client, host, port, NULL, error);
  if (connection == NULL)
    return NULL;
  socket = g_socket_connection_get_socket (connection);
  g_assert_cmpint (g_socket_send (socket, request, strlen (request), NULL, NULL), ==,
                   (gssize)strlen (request));
  g_socket_set_blocking (socket, FALSE);
  for (guint i = 0; i < 100 && got <= 0; i++)
    {
      phoneset_test_iterate (50);
      got = g_socket_receive (socket, buffer, sizeof buffer - 1, NULL, NULL);
    }
  g_assert_cmpint (got, >, 0);
  return g_strndup (buffer, strcspn (buffer, "\r\n"));
}

/* The Address row, as a user drives it: the chosen address is remembered,
 * Start listens there only (a neighbouring loopback address is refused),
 * the row is locked while serving, and a remembered address this computer
 * no longer has falls back to the first choice. */
static void
test_provisioning_address (void)
{
  GtkWidget       *window = adw_window_new ();
  GtkWidget       *view = phoneset_provisioning_view_new (context);
  g_autofree char *folder = g_build_filename (tmpdir, "address", NULL);
  g_autofree char *prefix = NULL;
  g_autofree char *status = NULL;
  g_autofree char *saved = NULL;
  g_auto(GStrv) lan = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  GtkWidget *start = child (view, PHONESET_TYPE_PROVISIONING_VIEW, "start_button");
  GtkWidget *row = child (view, PHONESET_TYPE_PROVISIONING_VIEW, "address_row");
  guint16    port = free_tcp_port ("127.0.0.221");

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (window);

  /* The defaults: the first LAN address, then this computer, then every
   * interface. */
  lan = phoneset_address_list_local_ipv4 ();
  g_assert_cmpstr (phoneset_provisioning_view_get_address (PHONESET_PROVISIONING_VIEW (view)), ==,
                   lan[0] ? lan[0] : "127.0.0.1");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==,
                    g_strv_length (lan) + 2);

  phoneset_provisioning_view_set_folder (PHONESET_PROVISIONING_VIEW (view), folder);
  phoneset_provisioning_view_set_address (PHONESET_PROVISIONING_VIEW (view), "127.0.0.221");
  saved = g_settings_get_string (settings, "provisioning-address");
  g_assert_cmpstr (saved, ==, "127.0.0.221");
  gtk_switch_set_active (GTK_SWITCH (child (view, PHONESET_TYPE_PROVISIONING_VIEW, "pnp_switch")),
                         FALSE);
  gtk_spin_button_set_value (
    GTK_SPIN_BUTTON (child (view, PHONESET_TYPE_PROVISIONING_VIEW, "port_spin")), port);
  g_signal_emit_by_name (start, "clicked");
  prefix = g_strdup_printf ("http://127.0.0.221:%u/", port);
  g_assert_cmpstr (phoneset_provisioning_view_get_url (PHONESET_PROVISIONING_VIEW (view)), ==,
                   prefix);
  g_assert_false (gtk_widget_get_sensitive (row));

  status = http_status_line ("127.0.0.221", port, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (status, "HTTP/1."));
  g_clear_pointer (&status, g_free);
  status = http_status_line ("127.0.0.222", port, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_assert_null (status);
  g_clear_error (&error);

  g_signal_emit_by_name (start, "clicked");
  g_assert_null (phoneset_provisioning_view_get_url (PHONESET_PROVISIONING_VIEW (view)));
  g_assert_true (gtk_widget_get_sensitive (row));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Remembered, but no longer this computer's: the first choice. */
  view = g_object_ref_sink (phoneset_provisioning_view_new (context));
  g_assert_cmpstr (phoneset_provisioning_view_get_address (PHONESET_PROVISIONING_VIEW (view)), ==,
                   lan[0] ? lan[0] : "127.0.0.1");
  g_object_unref (view);
  g_settings_set_string (settings, "provisioning-address", "127.0.0.1");
  view = g_object_ref_sink (phoneset_provisioning_view_new (context));
  g_assert_cmpstr (phoneset_provisioning_view_get_address (PHONESET_PROVISIONING_VIEW (view)), ==,
                   "127.0.0.1");
  g_object_unref (view);
  g_settings_reset (settings, "provisioning-address");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = g_dir_make_tmp ("phoneset-ui-XXXXXX", NULL);
  const char      *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  int              ret;

  /* Never the user's data. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  profiles = phoneset_test_load_profiles (dirs, NULL);
  tmpdir = g_dir_make_tmp ("phoneset-fleet-ui-XXXXXX", NULL);
  {
    g_autoptr(PhonesetCatalog) catalog = phoneset_catalog_new (dirs);
    g_autoptr(PhonesetInventory) inventory =
                 phoneset_inventory_new (data, phoneset_catalog_get_profiles (catalog));
    g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    context = phoneset_context_new (catalog, inventory, secrets, settings);
  }

  g_test_add_func ("/fleet-dialog/bad-rows-preview-export", test_fleet_dialog);
  g_test_add_func ("/provisioning-view/pnp-and-fetch-log", test_provisioning_view);
  g_test_add_func ("/provisioning-view/address-row", test_provisioning_address);

  ret = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", tmpdir, data, NULL };

    /* This test's own temporary folders. */
    g_spawn_sync (NULL, (char **)rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_ptr_array_unref (profiles);
  g_object_unref (context);
  return ret;
}
