/* phoneset-cli-stun-test.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * phoneset stun-test SERVER[:PORT] [--transport udp,tcp,tls]
 *   [--turn-user U --turn-password-env VAR] [--lifetime] [--ice] [--json]
 */

#define G_LOG_DOMAIN "phoneset-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "phoneset-cli-private.h"
#include "phoneset-stun-test.h"

typedef struct
{
  GMainLoop          *loop;
  PhonesetStunResult *result;
  GError             *error;
} RunData;

static void
run_cb (GObject      *object,
        GAsyncResult *res,
        gpointer      user_data)
{
  RunData *data = user_data;

  data->result = phoneset_stun_test_run_finish (PHONESET_STUN_TEST (object), res, &data->error);
  g_main_loop_quit (data->loop);
}

static gboolean
parse_transports (const char             *text,
                  PhonesetStunTransports *out)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *out = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (g_ascii_strcasecmp (parts[i], "udp") == 0)
        *out |= PHONESET_STUN_TRANSPORT_UDP;
      else if (g_ascii_strcasecmp (parts[i], "tcp") == 0)
        *out |= PHONESET_STUN_TRANSPORT_TCP;
      else if (g_ascii_strcasecmp (parts[i], "tls") == 0)
        *out |= PHONESET_STUN_TRANSPORT_TLS;
      else
        return FALSE;
    }
  return *out != 0;
}

/* Runs @test to its end: the result, or NULL with @error set. */
static PhonesetStunResult *
run_test (PhonesetStunTest  *test,
          GError           **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  RunData data = { 0 };

  data.loop = loop;
  phoneset_stun_test_run_async (test, NULL, run_cb, &data);
  g_main_loop_run (loop);
  if (data.result == NULL)
    g_propagate_error (error, data.error);
  return data.result;
}

/* Prints @result; the exit status is whether the server was reached and,
 * with --turn-user, whether TURN gave a relay. */
static int
print_result (PhonesetStunResult *result,
              gboolean            json)
{
  int status;

  if (json)
    {
      g_autoptr(JsonNode) root = phoneset_stun_result_to_json (result);
      g_autofree char *text = json_to_string (root, TRUE);
      printf ("%s\n", text);
    }
  else
    {
      g_autofree char *text = phoneset_stun_result_to_text (result);
      printf ("%s", text);
    }

  status = phoneset_stun_result_get_reachable (result) ? PHONESET_EXIT_OK : PHONESET_EXIT_FAILED;
  if (status != PHONESET_EXIT_OK)
    {
      g_autofree char *verdict = phoneset_stun_result_dup_verdict (result);
      _phoneset_cli_error ("%s", verdict);
    }
  else
    {
      /* TURN was asked for (--turn-user) and gave no relay: a failed check
       * too, so that a script sees a wrong password or a TURN server that
       * refuses. */
      g_autofree char *turn_failure = phoneset_stun_result_dup_turn_failure (result);

      if (turn_failure != NULL)
        {
          _phoneset_cli_error ("%s", turn_failure);
          status = PHONESET_EXIT_FAILED;
        }
    }
  return status;
}

int
_phoneset_cli_stun_test (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PhonesetStunTest) test = NULL;
  g_autoptr(PhonesetStunResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char       *transport = NULL;
  g_autofree char       *turn_user = NULL;
  g_autofree char       *password_env = NULL;
  gboolean               lifetime = FALSE;
  gboolean               ice = FALSE;
  gboolean               json = FALSE;
  PhonesetStunTransports transports = PHONESET_STUN_TRANSPORT_UDP | PHONESET_STUN_TRANSPORT_TCP;
  /* clang-format off */
  GOptionEntry           entries[] = {
    { "transport", 0, 0, G_OPTION_ARG_STRING, &transport,
      N_("Transports to test, comma-separated (default udp,tcp)"), "udp, tcp, tls" },
    { "turn-user", 0, 0, G_OPTION_ARG_STRING, &turn_user,
      N_("Also test a TURN allocation as this user"), "USER" },
    { "turn-password-env", 0, 0, G_OPTION_ARG_STRING, &password_env,
      N_("Environment variable holding the TURN password"), "VAR" },
    { "lifetime", 0, 0, G_OPTION_ARG_NONE, &lifetime,
      N_("Measure how long the router keeps an idle UDP binding (takes that long)"), NULL },
    { "ice", 0, 0, G_OPTION_ARG_NONE, &ice, N_("Gather ICE candidates as a phone would"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { NULL },
  };
  /* clang-format on */
  context = g_option_context_new (
    _("SERVER[:PORT] — test STUN, TURN and the NAT between here and SERVER"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (
    context,
    _("Without a port, DNS SRV records (_stun._udp, _stun._tcp, _stuns._tcp) are used, then port 3478 (TLS 5349).\n"
                                      "A port given is used for UDP and TCP; TLS stays on 5349 unless it is the only transport.\n"
                                      "The TURN password is read from the environment variable named by --turn-password-env, never from the command line.\n"
                                      "Exit status: 0 the test ran, 1 the server could not be reached, 2 bad usage."));
  if (!_phoneset_cli_parse_options (context, &argc, &argv))
    return PHONESET_EXIT_USAGE;

  if (argc != 2)
    {
      _phoneset_cli_error (
        _("Give one STUN server, for example “phoneset stun-test stun.example.org”."));
      return PHONESET_EXIT_USAGE;
    }
  if (transport != NULL && !parse_transports (transport, &transports))
    {
      _phoneset_cli_error (_("“%s” is not a list of transports; use udp, tcp and tls separated by commas."), transport);
      return PHONESET_EXIT_USAGE;
    }
  if ((turn_user != NULL) != (password_env != NULL))
    {
      _phoneset_cli_error (
        _("--turn-user and --turn-password-env go together: give both or neither."));
      return PHONESET_EXIT_USAGE;
    }
  if (password_env != NULL && g_getenv (password_env) == NULL)
    {
      _phoneset_cli_error (
        _("The environment variable “%s” is not set; put the TURN password in it."), password_env);
      return PHONESET_EXIT_USAGE;
    }

  test = phoneset_stun_test_new (argv[1], &error);
  if (test == NULL)
    {
      _phoneset_cli_error ("%s", error->message);
      return PHONESET_EXIT_USAGE;
    }
  phoneset_stun_test_set_transports (test, transports);
  phoneset_stun_test_set_lifetime (test, lifetime);
  phoneset_stun_test_set_ice (test, ice);
  if (turn_user != NULL)
    phoneset_stun_test_set_turn_credentials (test, turn_user, g_getenv (password_env));

  result = run_test (test, &error);
  if (result == NULL)
    {
      _phoneset_cli_error ("%s", error->message);
      return PHONESET_EXIT_FAILED;
    }
  return print_result (result, json);
}
