/* phoneset-cli-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "phoneset-catalog.h"

G_BEGIN_DECLS

/* Exit codes of the command-line contract (DESIGN.md). */
#define PHONESET_EXIT_OK     0
#define PHONESET_EXIT_FAILED 1
#define PHONESET_EXIT_USAGE  2

typedef int (*PhonesetCliFunc) (int    argc,
                                char **argv);

typedef struct
{
  const char      *name;
  const char      *args;
  const char      *summary;
  PhonesetCliFunc  run;
} PhonesetCliCommand;

void       _phoneset_cli_error         (const char      *format,
                                        ...) G_GNUC_PRINTF (1, 2);
PhonesetCatalog *_phoneset_cli_load_catalog (void);
char            *_phoneset_cli_join_or      (GPtrArray *words);
void       _phoneset_cli_print_json    (JsonNode        *node);

int        _phoneset_cli_profiles      (int              argc,
                                        char           **argv);
int        _phoneset_cli_import        (int              argc,
                                        char           **argv);
int        _phoneset_cli_export        (int              argc,
                                        char           **argv);
gboolean _phoneset_cli_parse_options (GOptionContext  *context,
                                      int             *argc,
                                      char          ***argv);

int      _phoneset_cli_discover      (int              argc,
                                      char           **argv);
/* The options every command that talks to a phone takes. */
typedef struct
{
  char    *vendor;
  char    *profile;
  char    *model;
  char    *user;
  char    *password_env;
  char    *pins;
  gboolean https;
  gboolean trust_new_certificate;
  int      timeout;
} PhonesetCliRemoteOptions;

#define PHONESET_CLI_REMOTE_OPTION_ENTRIES(o)                                                                                 \
  { "profile", 0, 0, G_OPTION_ARG_STRING, &(o).profile, N_("The phone's profile (see “phoneset profiles”): how to talk to it"), "ID" }, \
  { "vendor", 0, 0, G_OPTION_ARG_STRING, &(o).vendor, N_("The phone's vendor, when its profile is not known (as “phoneset profiles” names it)"), "V" }, \
  { "model", 0, 0, G_OPTION_ARG_STRING, &(o).model, N_("The phone's model (some take one key per request)"), "M" },             \
  { "user", 0, 0, G_OPTION_ARG_STRING, &(o).user, N_("Web admin user (default admin)"), "U" },                                   \
  { "password-env", 0, 0, G_OPTION_ARG_STRING, &(o).password_env, N_("Environment variable holding the web admin password"), "VAR" }, \
  { "https", 0, 0, G_OPTION_ARG_NONE, &(o).https, N_("Use HTTPS (the phone's certificate is pinned on first use)"), NULL },      \
  { "trust-new-certificate", 0, 0, G_OPTION_ARG_NONE, &(o).trust_new_certificate, N_("Accept a changed HTTPS certificate"), NULL }, \
  { "pins", 0, 0, G_OPTION_ARG_FILENAME, &(o).pins, N_("Certificate pin file (default ~/.local/share/phoneset/pins.json)"), "FILE" }, \
  { "timeout", 0, 0, G_OPTION_ARG_INT, &(o).timeout, N_("Seconds without an answer before giving up (default 5)"), "S" }

typedef struct _PhonesetRemote PhonesetRemote;

void            _phoneset_cli_remote_options_clear (PhonesetCliRemoteOptions *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PhonesetCliRemoteOptions, _phoneset_cli_remote_options_clear)

int             _phoneset_cli_exit_for     (const GError                   *error);
void            _phoneset_cli_keyring_note (PhonesetRemote                 *remote,
                                            const GError                   *error);
PhonesetRemote *_phoneset_cli_remote_new   (const PhonesetCliRemoteOptions *options,
                                            const char                     *host_port,
                                            gboolean                        settings,
                                            int                            *exit_code);
const char     *_phoneset_cli_remote_vendor (PhonesetRemote                 *remote);

int _phoneset_cli_key (int    argc,
                       char **argv);
int _phoneset_cli_push (int    argc,
                        char **argv);
int _phoneset_cli_serve (int    argc,
                         char **argv);
int _phoneset_cli_stun_test (int    argc,
                             char **argv);
int _phoneset_cli_stun_server (int    argc,
                               char **argv);

G_END_DECLS
