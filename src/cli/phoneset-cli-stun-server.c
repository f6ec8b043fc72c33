/* phoneset-cli-stun-server.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * phoneset stun-server [--address IP] [--port N] [--alt-address IP]
 *                      [--alt-port N] [--duration S] [--json]
 *                      [--binding-lifetime S] [--rate-limit N] [--max-clients N]
 *
 * The desktop as a STUN server (PhonesetStunServer): a line per request as
 * it arrives and, at the end (after --duration, or at SIGINT / SIGTERM),
 * the table per source with each phone's refresh interval judged against
 * the router's binding lifetime; with --json only the end, as one
 * document. A source at the address of a phone of the inventory is named.
 * It listens on --address only (127.0.0.1 unless given).
 */

#define G_LOG_DOMAIN "phoneset-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "phoneset-address.h"
#include "phoneset-cli-private.h"
#include "phoneset-error.h"
#include "phoneset-inventory.h"
#include "phoneset-paths.h"
#include "phoneset-stun-keepalive.h"
#include "phoneset-stun-server.h"

/* Stays attached: the sources are removed once the loop has ended. */
static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static char *
clock_time (gint64 us)
{
  g_autoptr(GDateTime) utc = us ? g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%H:%M:%S") : g_strdup ("-");
}

static void
event_cb (PhonesetStunServer *server,
          PhonesetStunEvent  *event,
          gpointer            user_data)
{
  g_autofree char *time = clock_time (event->time);
  g_autofree char *text = phoneset_stun_event_to_text (event);

  printf ("%s %s\n", time, text);
  fflush (stdout);
}

static void
print_table (PhonesetStunServer *server)
{
  g_autoptr(JsonNode) json = phoneset_stun_server_to_json (server);
  JsonObject *root = json_node_get_object (json);
  JsonObject *totals = json_object_get_object_member (root, "server");
  JsonObject *dropped = json_object_get_object_member (totals, "dropped");
  JsonArray  *clients = json_object_get_array_member (root, "clients");
  guint       n = json_array_get_length (clients);

  printf ("\n");
  if (n == 0)
    {
      printf ("%s\n", _("No STUN request arrived."));
      return;
    }
  /* Translators: the column heads of the table of sources; keep the widths. */
  printf ("%-22s %-20s %-9s %-9s %8s %9s %9s %11s %6s %8s\n",
          _("Source"), _("Phone"), _("First"), _("Last"), _("Requests"),
                                                                 _("No change"),
                                                                    _("Change IP"),
                                                                       _("Change port"),
                                                                          _("Errors"),
                                                                             _("Interval"));
  for (guint i = 0; i < n; i++)
    {
      PhonesetStunSource *source = phoneset_stun_server_lookup (
        server,
        json_object_get_string_member (json_array_get_object_element (clients, i), "address"));
      g_autofree char *phone = NULL;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      g_autofree char *interval = NULL;

      if (source == NULL)
        continue;
      phone = phoneset_stun_source_dup_phone_name (source);
      first = clock_time (phoneset_stun_source_get_first_seen (source));
      last = clock_time (phoneset_stun_source_get_last_seen (source));
      interval = phoneset_stun_source_get_interval_ms (source) >= 0
                   ? phoneset_stun_format_duration (phoneset_stun_source_get_interval_ms (source))
                   : g_strdup ("-");
      printf (
        "%-22s %-20.20s %-9s %-9s %8" G_GUINT64_FORMAT " %9" G_GUINT64_FORMAT " %9" G_GUINT64_FORMAT
        " %11" G_GUINT64_FORMAT " %6" G_GUINT64_FORMAT " %8s\n",
        phoneset_stun_source_get_address (source), phone ? phone : "-", first, last,
        phoneset_stun_source_get_requests (source), phoneset_stun_source_get_no_change (source),
        phoneset_stun_source_get_change_ip (source), phoneset_stun_source_get_change_port (source),
        phoneset_stun_source_get_errors (source), interval);
    }
  printf ("\n");
  for (guint i = 0; i < n; i++)
    {
      PhonesetStunSource *source = phoneset_stun_server_lookup (
        server,
        json_object_get_string_member (json_array_get_object_element (clients, i), "address"));
      g_autofree char *verdict = NULL;
      g_autofree char *cost = NULL;
      g_autofree char *phone = NULL;

      if (source == NULL)
        continue;
      verdict = phoneset_stun_source_dup_verdict (source);
      cost = phoneset_stun_source_dup_cost (source);
      phone = phoneset_stun_source_dup_phone_name (source);
      if (phone != NULL)
        printf ("%s (%s):\n", phoneset_stun_source_get_address (source), phone);
      else
        printf ("%s:\n", phoneset_stun_source_get_address (source));
      if (verdict != NULL)
        printf ("  %s\n", verdict);
      else
        printf ("  %s\n", _("One refresh so far: the interval shows after the next one."));
      if (cost != NULL)
        printf ("  %s\n", cost);
    }
  printf ("\n");
  printf (
    _("%lld packets received, %lld answered, %lld refused, %lld change-IP requests unanswerable; "
            "dropped: %lld malformed, %lld too long, %lld rate-limited, %lld to the server's own addresses.\n"),
       (long long)json_object_get_int_member (totals, "received"),
       (long long)json_object_get_int_member (totals, "answered"),
       (long long)json_object_get_int_member (totals, "refused"),
       (long long)json_object_get_int_member (totals, "unanswerable"),
       (long long)json_object_get_int_member (dropped, "malformed"),
       (long long)json_object_get_int_member (dropped, "oversized"),
       (long long)json_object_get_int_member (dropped, "rate_limited"),
       (long long)json_object_get_int_member (dropped, "loops"));
}

/* The command line. */
typedef struct
{
  char    *address;
  char    *alt_address;
  int      port;
  int      alt_port;
  int      duration;
  int      lifetime;
  int      rate;
  int      max_clients;
  gboolean json;
} StunServerArgs;

static void
stun_server_args_clear (StunServerArgs *args)
{
  g_free (args->address);
  g_free (args->alt_address);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StunServerArgs, stun_server_args_clear)

static gboolean
check_args (const StunServerArgs *args,
            int                   argc)
{
  if (argc != 1 || args->port < 0 || args->port > 65535 || args->alt_port < 0 ||
      args->alt_port > 65535 || args->duration < 0 || args->lifetime < 0 ||
      args->lifetime > 86400 || args->rate < 0 || args->max_clients < 1 ||
      args->max_clients > 1000000)
    {
      _phoneset_cli_error (_("Bad arguments (see “phoneset stun-server --help”)."));
      return FALSE;
    }
  if (args->port != 0 && args->port == args->alt_port)
    {
      _phoneset_cli_error (_("--port and --alt-port must differ: change-port answers leave from the secondary port."));
      return FALSE;
    }
  if (args->address != NULL && g_str_equal (args->address, "0.0.0.0"))
    {
      g_auto(GStrv) lan = phoneset_address_list_local_ipv4 ();
      g_autofree char *list = g_strjoinv (", ", lan);

      _phoneset_cli_error (_("A STUN answer says which address it left from, so the server listens on one address: give "
                             "--address with this computer's address on the phones' network (%s)."),
        list[0] ? list : _("none found"));
      return FALSE;
    }
  return TRUE;
}

/* The inventory names the sources; without it they are only addresses. */
static void
add_known_phones (PhonesetStunServer *server,
                  GPtrArray          *profiles,
                  PhonesetInventory  *inventory)
{
  g_autoptr(GError) error = NULL;

  phoneset_stun_server_set_profiles (server, profiles);
  if (phoneset_inventory_load (inventory, &error))
    phoneset_stun_server_set_known_phones (server, phoneset_inventory_get_phones (inventory));
  else
    _phoneset_cli_error (
      _("The inventory of phones could not be read (%s): sources are shown by address only."),
         error->message);
}

/* Where the server listens, and a hint when phones cannot reach it. */
static void
print_started (PhonesetStunServer   *server,
               const StunServerArgs *args)
{
  const char      *ip = phoneset_stun_server_get_address (server);
  const char      *other = phoneset_stun_server_get_alt_address (server);
  g_autofree char *line = NULL;

  if (other != NULL)
    line = g_strdup_printf (_("STUN server on %s port %u (change port: %u; change IP: %s)"), ip,
                               phoneset_stun_server_get_port (server),
                               phoneset_stun_server_get_alt_port (server), other);
  else
    line = g_strdup_printf (
      _("STUN server on %s port %u (change port: %u; change IP: not answered, no --alt-address)"),
         ip, phoneset_stun_server_get_port (server), phoneset_stun_server_get_alt_port (server));
  /* With --json, stdout is the document only. */
  if (args->json)
    g_printerr ("%s\n", line);
  else
    {
      printf ("%s\n", line);
      fflush (stdout);
    }
  if (args->address == NULL)
    {
      g_auto(GStrv) lan = phoneset_address_list_local_ipv4 ();
      g_autofree char *list = g_strjoinv (", ", lan);

      g_printerr (_("Listening on 127.0.0.1 only: phones cannot reach it. Give --address with this computer's address on "
                    "their network (%s).\n"),
                     list[0] ? list : _("none found"));
    }
}

/* Until Ctrl+C, SIGTERM or --duration. */
static void
run_until_stopped (int duration)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint sigint, sigterm, timeout = 0;

  sigint = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm = g_unix_signal_add (SIGTERM, quit_cb, loop);
  if (duration > 0)
    timeout = g_timeout_add_seconds ((guint)duration, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  if (timeout != 0)
    g_source_remove (timeout);
}

int
_phoneset_cli_stun_server (int    argc,
                           char **argv)
{
  g_auto(StunServerArgs) args = {
    .port = 3478,
    .alt_port = 3479,
    .rate = PHONESET_STUN_SERVER_RATE_LIMIT,
    .max_clients = PHONESET_STUN_SERVER_MAX_SOURCES,
  };
  /* clang-format off */
  GOptionEntry entries[] = {
    { "address", 0, 0, G_OPTION_ARG_STRING, &args.address,
      N_("Listen on this address of this computer only (default 127.0.0.1)"), "IP" },
    { "port", 0, 0, G_OPTION_ARG_INT, &args.port,
      N_("Primary STUN port, the one phones are given (default 3478; 0: any free port)"), "N" },
    { "alt-address", 0, 0, G_OPTION_ARG_STRING, &args.alt_address,
      N_("Another address of this computer: answers change-IP requests (RFC 5780 OTHER-ADDRESS)"), "IP" },
    { "alt-port", 0, 0, G_OPTION_ARG_INT, &args.alt_port,
      N_("Secondary port: answers change-port requests (default 3479; 0: any free port)"), "N" },
    { "duration", 0, 0, G_OPTION_ARG_INT, &args.duration,
      N_("Stop after S seconds (default: at Ctrl+C)"), "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args.json,
      N_("At the end, print the statistics as one JSON document (and nothing per request)"), NULL },
    { "binding-lifetime", 0, 0, G_OPTION_ARG_INT, &args.lifetime,
      N_("The router's binding lifetime in seconds (from “phoneset stun-test --lifetime”), for phones without a measured one"), "S" },
    { "rate-limit", 0, 0, G_OPTION_ARG_INT, &args.rate,
      N_("Requests a second one source may send (default 20; 0: no limit)"), "N" },
    { "max-clients", 0, 0, G_OPTION_ARG_INT, &args.max_clients,
      N_("Sources the table keeps, the least recently seen dropped first (default 1000)"), "N" },
    { NULL },
  };
  /* clang-format on */
  g_autoptr(GOptionContext) context = g_option_context_new (
    _("— answer STUN requests and show each phone's refresh interval"));
  g_autoptr(PhonesetStunServer) server = NULL;
  g_autoptr(PhonesetInventory) inventory = NULL;
  g_autoptr(PhonesetCatalog) catalog = NULL;
  GPtrArray *profiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (
    context, _("Answers RFC 5389 and RFC 3489 Binding requests and RFC 5780 change requests "
                                               "(from the secondary port and, with --alt-address, the other address). Prints a "
                                               "line per request, then a table per source: requests, no change, change IP, "
                                               "change port, errors, and the refresh interval judged against the router's "
                                               "binding lifetime."));
  if (!_phoneset_cli_parse_options (context, &argc, &argv))
    return PHONESET_EXIT_USAGE;
  if (!check_args (&args, argc))
    return PHONESET_EXIT_USAGE;

  server = phoneset_stun_server_new ();
  phoneset_stun_server_set_rate_limit (server, (guint)args.rate);
  phoneset_stun_server_set_max_sources (server, (guint)args.max_clients);
  if (args.lifetime > 0)
    phoneset_stun_server_set_binding_lifetime (server, args.lifetime * 1000);

  catalog = _phoneset_cli_load_catalog ();
  profiles = phoneset_catalog_get_profiles (catalog);
  data_dir = phoneset_paths_data_dir ();
  inventory = phoneset_inventory_new (data_dir, profiles);
  add_known_phones (server, profiles, inventory);

  if (!phoneset_stun_server_start (server, args.address ? args.address : "127.0.0.1",
                                   (guint16)args.port, args.alt_address, (guint16)args.alt_port,
                                   &error))
    {
      _phoneset_cli_error ("%s", error->message);
      return g_error_matches (error, PHONESET_ERROR, PHONESET_ERROR_INVALID) ? PHONESET_EXIT_USAGE
                                                                             : PHONESET_EXIT_FAILED;
    }
  print_started (server, &args);

  if (!args.json)
    g_signal_connect (server, "event", G_CALLBACK (event_cb), NULL);
  run_until_stopped (args.duration);

  phoneset_stun_server_stop (server);
  if (args.json)
    {
      g_autoptr(JsonNode) document = phoneset_stun_server_to_json (server);

      _phoneset_cli_print_json (document);
    }
  else
    print_table (server);
  fflush (stdout);
  return PHONESET_EXIT_OK;
}
