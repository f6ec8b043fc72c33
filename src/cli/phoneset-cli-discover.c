/* phoneset-cli-discover.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-cli-discover"

#include "config.h"

#include <arpa/inet.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <unistd.h>

#include "phoneset-address.h"
#include "phoneset-cli-private.h"
#include "phoneset-test-hooks-private.h"
#include "phoneset-discovery.h"
#include "phoneset-error.h"
#include "phoneset-fingerprint.h"
#include "phoneset-oui.h"
#include "phoneset-paths.h"
#include "phoneset-phone.h"

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GError       *error;
  gboolean      progress;
  gboolean      interrupted;
} Run;

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;

  phoneset_discovery_run_finish (PHONESET_DISCOVERY (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
progress_cb (PhonesetDiscovery *discovery,
             GParamSpec        *pspec,
             Run               *run)
{
  guint total = phoneset_discovery_get_hosts_total (discovery);
  guint phones = g_list_model_get_n_items (phoneset_discovery_get_phones (discovery));

  fprintf (stderr, "\r\033[K");
  if (total > 0)
    /* Translators: progress of a scan: hosts probed / all hosts, phones found */
    fprintf (
      stderr,
      ngettext ("Scanning: %u/%u hosts, %u phone", "Scanning: %u/%u hosts, %u phones", phones),
      phoneset_discovery_get_hosts_probed (discovery), total, phones);
  else
    fprintf (stderr, ngettext ("Listening: %u phone", "Listening: %u phones", phones), phones);
  fflush (stderr);
}

static void
items_changed_cb (GListModel        *model,
                  guint              position,
                  guint              removed,
                  guint              added,
                  PhonesetDiscovery *discovery)
{
  progress_cb (discovery, NULL, NULL);
}

static gboolean
interrupt_cb (gpointer user_data)
{
  Run *run = user_data;

  run->interrupted = TRUE;
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_REMOVE;
}

static guint32
phone_ip (PhonesetPhone *phone)
{
  struct in_addr addr;

  if (phoneset_phone_get_address (phone) == NULL ||
      inet_pton (AF_INET, phoneset_phone_get_address (phone), &addr) != 1)
    return G_MAXUINT32;
  return g_ntohl (addr.s_addr);
}

static int
compare_phones (gconstpointer a,
                gconstpointer b)
{
  guint32 ia = phone_ip (*(PhonesetPhone *const *)a);
  guint32 ib = phone_ip (*(PhonesetPhone *const *)b);

  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (GPtrArray *phones)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < phones->len; i++)
    {
      PhonesetPhone *phone = g_ptr_array_index (phones, i);
      g_auto(GStrv) methods = phoneset_phone_dup_evidence (phone);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "ip", phoneset_phone_get_address (phone));
      add_string_or_null (builder, "mac", phoneset_phone_get_mac (phone));
      add_string_or_null (builder, "vendor", phoneset_phone_get_vendor (phone));
      add_string_or_null (builder, "model", phoneset_phone_get_model (phone));
      add_string_or_null (builder, "firmware", phoneset_phone_get_firmware (phone));
      add_string_or_null (builder, "sip_user_agent", phoneset_phone_get_sip_user_agent (phone));
      add_string_or_null (builder, "http_server", phoneset_phone_get_http_server (phone));
      add_string_or_null (builder, "profile", phoneset_phone_get_profile_id (phone));
      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint j = 0; methods[j] != NULL; j++)
        json_builder_add_string_value (builder, methods[j]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "details");
      json_builder_begin_object (builder);
      for (guint j = 0; methods[j] != NULL; j++)
        {
          json_builder_set_member_name (builder, methods[j]);
          json_builder_add_string_value (builder,
                                         phoneset_phone_get_evidence_detail (phone, methods[j]));
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static const char *
or_dash (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : "-";
}

static void
print_table (GPtrArray *phones)
{
  if (phones->len == 0)
    {
      printf ("%s\n", _("No phones found."));
      return;
    }
  printf ("%-15s  %-17s  %-12s  %-16s  %-14s  %s\n",
          _("ADDRESS"), _("MAC"), _("VENDOR"), _("MODEL"), _("FIRMWARE"), _("SEEN BY"));
  for (guint i = 0; i < phones->len; i++)
    {
      PhonesetPhone *phone = g_ptr_array_index (phones, i);
      g_auto(GStrv) methods = phoneset_phone_dup_evidence (phone);
      g_autofree char *seen = g_strjoinv (", ", methods);

      printf ("%-15s  %-17s  %-12s  %-16s  %-14s  %s\n",
              or_dash (phoneset_phone_get_address (phone)),
              or_dash (phoneset_phone_get_mac (phone)), or_dash (phoneset_phone_get_vendor (phone)),
              or_dash (phoneset_phone_get_model (phone)),
              or_dash (phoneset_phone_get_firmware (phone)), seen);
    }
}

/* Test hooks: the neighbour table to read, and where to listen for PnP
 * ("none": not at all). */
static gboolean
apply_test_hooks (PhonesetDiscovery *discovery)
{
  g_autoptr(GError) error = NULL;

  const char *table = _phoneset_test_hook (PHONESET_TEST_HOOK_NEIGHBOUR_TABLE);
  const char *pnp = _phoneset_test_hook (PHONESET_TEST_HOOK_PNP_ADDRESS);

  if (table != NULL)
    phoneset_discovery_set_neighbour_table (discovery, table);
  if (g_strcmp0 (pnp, "none") == 0)
    phoneset_discovery_set_pnp_address (discovery, NULL, 0);
  else if (pnp != NULL)
    {
      g_autofree char *host = NULL;
      guint16          port = 0;

      if (!phoneset_address_parse (pnp, PHONESET_DISCOVERY_PNP_PORT, &host, &port, &error))
        {
          _phoneset_cli_error ("%s: %s", _phoneset_test_hook_name (PHONESET_TEST_HOOK_PNP_ADDRESS),
                               error->message);
          return FALSE;
        }
      phoneset_discovery_set_pnp_address (discovery, host, port);
    }
  return TRUE;
}

/* --subnet, --port, --rate, --no-active and --timeout. */
static gboolean
configure_discovery (PhonesetDiscovery  *discovery,
                     char              **subnets,
                     char              **ports,
                     int                 rate,
                     gboolean            no_active,
                     int                 timeout)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; subnets != NULL && subnets[i] != NULL; i++)
    if (!phoneset_discovery_add_subnet (discovery, subnets[i], &error))
      {
        _phoneset_cli_error ("%s", error->message);
        return FALSE;
      }
  for (guint i = 0; ports != NULL && ports[i] != NULL; i++)
    if (!phoneset_discovery_add_port (discovery, ports[i], &error))
      {
        _phoneset_cli_error ("%s", error->message);
        return FALSE;
      }
  if (rate > 0)
    phoneset_discovery_set_rate (discovery, (guint)rate);
  phoneset_discovery_set_active (discovery, !no_active);
  phoneset_discovery_set_timeout (discovery, (guint)timeout);
  return TRUE;
}

/* Runs the scan until it ends or Ctrl+C, with progress on a terminal;
 * run->error says how it ended. */
static void
run_discovery (PhonesetDiscovery *discovery,
               Run               *run)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint signal_id;

  run->loop = loop;
  run->progress = isatty (STDERR_FILENO);
  if (run->progress)
    {
      g_signal_connect (discovery, "notify::hosts-probed", G_CALLBACK (progress_cb), run);
      g_signal_connect (phoneset_discovery_get_phones (discovery), "items-changed",
                        G_CALLBACK (items_changed_cb), discovery);
    }
  signal_id = g_unix_signal_add (SIGINT, interrupt_cb, run);
  phoneset_discovery_run_async (discovery, run->cancellable, run_cb, run);
  g_main_loop_run (loop);
  g_source_remove (signal_id);
  if (run->progress)
    {
      g_signal_handlers_disconnect_by_data (discovery, run);
      g_signal_handlers_disconnect_by_data (phoneset_discovery_get_phones (discovery), discovery);
      fprintf (stderr, "\r\033[K");
    }
  run->loop = NULL;
}

/* The phones found, in the order compare_phones() gives. */
static GPtrArray *
sorted_phones (PhonesetDiscovery *discovery)
{
  GListModel *model = phoneset_discovery_get_phones (discovery);
  GPtrArray  *phones = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (phones, g_list_model_get_item (model, i));
  g_ptr_array_sort (phones, compare_phones);
  return phones;
}

/* What the scan found, and how it ended: the exit status. */
static int
report (PhonesetDiscovery *discovery,
        Run               *run,
        gboolean           json)
{
  g_autoptr(GPtrArray) phones = NULL;

  if (phoneset_discovery_get_pnp_problem (discovery) != NULL)
    fprintf (stderr, "phoneset: %s\n", phoneset_discovery_get_pnp_problem (discovery));

  if (run->error != NULL && !g_error_matches (run->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _phoneset_cli_error ("%s", run->error->message);
      g_clear_error (&run->error);
      return PHONESET_EXIT_FAILED;
    }

  phones = sorted_phones (discovery);
  if (json)
    print_json (phones);
  else
    print_table (phones);

  if (run->error != NULL)
    {
      _phoneset_cli_error (
        _("The scan was interrupted: the list above is what was found until then."));
      g_clear_error (&run->error);
      return PHONESET_EXIT_FAILED;
    }
  return PHONESET_EXIT_OK;
}

int
_phoneset_cli_discover (int    argc,
                        char **argv)
{
  g_auto(GStrv) subnets = NULL;
  g_auto(GStrv) ports = NULL;
  int      timeout = PHONESET_DISCOVERY_DEFAULT_TIMEOUT;
  int      rate = 0;
  gboolean no_active = FALSE;
  gboolean json = FALSE;
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "subnet", 0, 0, G_OPTION_ARG_STRING_ARRAY, &subnets,
      N_("Sweep this IPv4 subnet (repeatable; default: the local ones)"), N_("CIDR") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Stop after this many milliseconds (default 5000)"), N_("MS") },
    { "no-active", 0, 0, G_OPTION_ARG_NONE, &no_active,
      N_("Only listen (SIP PnP, neighbour table) until the timeout"), NULL },
    { "port", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ports,
      N_("Probe this SIP port: 5060, udp:5062, tcp:5060 (repeatable; default udp:5060)"), N_("PORT") },
    { "rate", 0, 0, G_OPTION_ARG_INT, &rate,
      N_("Send at most this many probes a second (default 4000)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL },
  };
  /* clang-format on */
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(PhonesetCatalog) catalog = NULL;
  g_autoptr(PhonesetOuiRegistry) oui = phoneset_oui_registry_new ();
  g_autoptr(PhonesetDiscovery) discovery = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run run = { 0 };

  g_option_context_set_summary (context,
                                _("Find the phones on the local network: a SIP OPTIONS sweep, the SIP PnP announcements phones send at boot, the neighbour table with the IEEE OUI registry, and each device's web interface."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_phoneset_cli_parse_options (context, &argc, &argv))
    return PHONESET_EXIT_USAGE;
  if (argc > 1)
    {
      _phoneset_cli_error (_("Unexpected argument “%s” (see “phoneset discover --help”)"),
                              argv[1]);
      return PHONESET_EXIT_USAGE;
    }
  if (timeout <= 0 || timeout > 600000)
    {
      _phoneset_cli_error (_("The timeout must be between 1 and 600000 milliseconds."));
      return PHONESET_EXIT_USAGE;
    }

  /* A profile that cannot be read is reported and fingerprints nothing. */
  catalog = _phoneset_cli_load_catalog ();
  discovery = phoneset_discovery_new (phoneset_catalog_get_fingerprint_rules (catalog));
  if (!configure_discovery (discovery, subnets, ports, rate, no_active, timeout) ||
      !apply_test_hooks (discovery))
    return PHONESET_EXIT_USAGE;

  /* Without the IEEE registry the profiles' MAC prefixes still name the
   * phone vendors. */
  if (phoneset_oui_registry_load_file (oui, g_getenv ("PHONESET_OUI_FILE"), &error))
    phoneset_discovery_set_oui_registry (discovery, oui);
  else
    {
      g_debug ("%s", error->message);
      g_clear_error (&error);
    }

  run.cancellable = cancellable;
  run_discovery (discovery, &run);

  return report (discovery, &run, json);
}
