/* phoneset-cli.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>

#include "phoneset-cli.h"
#include "phoneset-cli-private.h"
#include "phoneset-profile.h"

/* The subcommands. A command is listed here only once it works: the
 * command-line contract in DESIGN.md is filled in issue by issue. */
/* clang-format off */
static const PhonesetCliCommand commands[] = {
  { "discover", "[--subnet CIDR]... [--timeout MS] [--no-active] [--json]", N_("Find the phones on the local network"), _phoneset_cli_discover },
  { "profiles", "[--json]", N_("List the phone profiles: vendors, models, file formats"), _phoneset_cli_profiles },
  { "import", "FILE [--profile ID] [--json]", N_("Read a vendor provisioning file into settings"), _phoneset_cli_import },
  { "export", "--profile ID … --output DIR", N_("Write the vendor's provisioning files or a setup sheet"), _phoneset_cli_export },
  { "key", "HOST[:PORT] KEY…", N_("Press keys on a phone (Active URI)"), _phoneset_cli_key },
  { "push", "HOST[:PORT] --file FILE", N_("Push a configuration file to a phone and check it was fetched"), _phoneset_cli_push },
  { "serve", "[--dir DIR] [--pnp] [--action-url]", N_("Serve provisioning files, answer SIP PnP, receive Action URL events"), _phoneset_cli_serve },
  { "stun-test", "SERVER[:PORT]", N_("Test STUN, TURN and the NAT on the way to a server"), _phoneset_cli_stun_test },
  { "stun-server", "[--address IP] [--alt-address IP]", N_("Be a STUN server: watch the phones' own STUN and keep-alive"), _phoneset_cli_stun_server },
  { NULL, NULL, NULL, NULL },
};
/* clang-format on */

static const PhonesetCliCommand *
find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/**
 * phoneset_cli_is_command:
 * @name: a word from the command line
 *
 * Returns: %TRUE if @name is a subcommand
 */
gboolean
phoneset_cli_is_command (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return find_command (name) != NULL;
}

/**
 * phoneset_cli_dup_commands:
 *
 * The list of subcommands as `--help` shows it.
 *
 * Returns: (transfer full): one line per command
 */
char *
phoneset_cli_dup_commands (void)
{
  GString *str = g_string_new (NULL);

  g_string_append (str, _("Commands (run without a window):"));
  g_string_append_c (str, '\n');
  if (commands[0].name == NULL)
    {
      g_string_append (str, "  ");
      g_string_append (str, _("(none in this version)"));
      g_string_append_c (str, '\n');
    }
  for (guint i = 0; commands[i].name != NULL; i++)
    g_string_append_printf (str, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_c (str, '\n');
  g_string_append (str, _("Run “phoneset COMMAND --help” for the options of a command."));

  return g_string_free (str, FALSE);
}

/**
 * phoneset_cli_print_usage:
 * @stream: where to print
 *
 * Prints how to call `phoneset`.
 */
void
phoneset_cli_print_usage (FILE *stream)
{
  g_autofree char *list = phoneset_cli_dup_commands ();

  fprintf (stream,
           "%s\n  phoneset              %s\n  phoneset COMMAND …    %s\n  phoneset --version    "
           "%s\n\n%s\n",
           _("Usage:"), _("Open the window"), _("Run a command without a window"),
                                                   _("Show the version and exit"), list);
}

void
_phoneset_cli_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "phoneset: %s\n", message);
}

/* Loads the profiles; one that cannot be read is reported, not fatal. */
PhonesetCatalog *
_phoneset_cli_load_catalog (void)
{
  PhonesetCatalog *catalog = phoneset_catalog_new_default ();
  GPtrArray       *errors = phoneset_catalog_get_errors (catalog);

  for (guint i = 0; i < errors->len; i++)
    _phoneset_cli_error (_("skipping a profile: %s"),
                            ((GError *)g_ptr_array_index (errors, i))->message);
  return catalog;
}

/* @words as a list in a sentence: "a", "a or b", "a, b or c". */
char *
_phoneset_cli_join_or (GPtrArray *words)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      /* Translators: between the last two of a list ("a, b or c"). */
      const char *separator = i == 0 ? "" : i + 1 == words->len ? _(" or ") : ", ";

      g_string_append_printf (list, "%s%s", separator, (const char *)g_ptr_array_index (words, i));
    }
  return g_string_free (list, FALSE);
}

/* Prints one JSON document on stdout. */
void
_phoneset_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/* Parses a subcommand's options; on bad usage prints one line and a hint. */
gboolean
_phoneset_cli_parse_options (GOptionContext   *context,
                             int              *argc,
                             char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      _phoneset_cli_error (_("%s (see “phoneset %s --help”)"), error->message, (*argv)[0]);
      return FALSE;
    }
  return TRUE;
}

/**
 * phoneset_cli_main:
 * @argc: the number of arguments
 * @argv: the arguments, `argv[1]` being the subcommand
 *
 * Runs a subcommand. Never opens a display.
 *
 * Returns: the exit code: 0 done, 1 a failed check, 2 bad usage or input
 */
int
phoneset_cli_main (int    argc,
                   char **argv)
{
  const PhonesetCliCommand *command;

  g_return_val_if_fail (argc >= 2, PHONESET_EXIT_USAGE);

  command = find_command (argv[1]);
  if (command == NULL)
    {
      _phoneset_cli_error (_("“%s” is not a command"), argv[1]);
      phoneset_cli_print_usage (stderr);
      return PHONESET_EXIT_USAGE;
    }

  /* The command sees itself as argv[0], as a program of its own would. */
  return command->run (argc - 1, argv + 1);
}
