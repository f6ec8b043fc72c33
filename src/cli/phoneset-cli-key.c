/* phoneset-cli-key.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * phoneset key HOST[:PORT] KEY... — Active URI key commands.
 */

#define G_LOG_DOMAIN "phoneset-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "phoneset-active-uri.h"
#include "phoneset-address.h"
#include "phoneset-cert-pins.h"
#include "phoneset-cli-private.h"
#include "phoneset-error.h"
#include "phoneset-remote.h"
#include "phoneset-secret-store-libsecret.h"

void
_phoneset_cli_remote_options_clear (PhonesetCliRemoteOptions *options)
{
  g_clear_pointer (&options->vendor, g_free);
  g_clear_pointer (&options->profile, g_free);
  g_clear_pointer (&options->model, g_free);
  g_clear_pointer (&options->user, g_free);
  g_clear_pointer (&options->password_env, g_free);
  g_clear_pointer (&options->pins, g_free);
}

typedef struct
{
  gboolean done;
  char    *password;
  GError  *error;
} Lookup;

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;

  lookup->password =
    phoneset_secret_store_lookup_finish (PHONESET_SECRET_STORE (source), result, &lookup->error);
  lookup->done = TRUE;
}

/* The keyring could not be asked: one line that says why and what to do,
 * printed if the phone then asks for a password (a phone may need none). */
static char *
describe_no_keyring (const GError *error)
{
  char *text = NULL;

  if (error != NULL && error->domain == PHONESET_SECRET_ERROR &&
      error->code == PHONESET_SECRET_ERROR_LOCKED)
    text = g_strdup (_("The phone's password cannot be read: the keyring is locked. Unlock it, or give the password "
                       "with --password-env VAR."));
  else if (error == NULL || (error->domain == PHONESET_SECRET_ERROR &&
                             error->code == PHONESET_SECRET_ERROR_NO_KEYRING))
    text = g_strdup (_("The phone's password cannot be read: no keyring is running. Give it with --password-env VAR."));
  else
    text = g_strdup_printf (_("The phone's password cannot be read from the keyring (%s). Give it with --password-env VAR."),
                               error->message);
  return text;
}

static gboolean
lookup_timeout_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* The phone's password from the Secret Service, when a session bus is
 * there; bounded to 3 s. Why there is none, when the keyring could not be
 * asked, in @note. */
static char *
lookup_secret (const char  *host,
               const char  *user,
               char       **note)
{
  g_autoptr(PhonesetSecretStore) store = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  Lookup lookup = { 0 };
  guint  timeout;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      *note = describe_no_keyring (NULL);
      return NULL;
    }
  store = phoneset_secret_store_libsecret_new ();
  cancellable = g_cancellable_new ();
  timeout = g_timeout_add_seconds (3, lookup_timeout_cb, cancellable);
  phoneset_secret_store_lookup_async (store, host, user, cancellable, lookup_cb, &lookup);
  while (!lookup.done)
    g_main_context_iteration (NULL, TRUE);
  if (!g_cancellable_is_cancelled (cancellable))
    g_source_remove (timeout);
  if (lookup.error != NULL && !g_error_matches (lookup.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    *note = describe_no_keyring (lookup.error);
  else if (lookup.error != NULL)
    *note = g_strdup (_("The phone's password cannot be read: the keyring did not answer within 3 seconds. Give it with "
                        "--password-env VAR."));
  g_clear_error (&lookup.error);
  return lookup.password;
}

/**
 * _phoneset_cli_keyring_note:
 * @remote: a client made by _phoneset_cli_remote_new()
 * @error: what the phone answered
 *
 * When the phone wants a password that the keyring could not give (none
 * running, locked), says so: one line before the error.
 */
void
_phoneset_cli_keyring_note (PhonesetRemote *remote,
                            const GError   *error)
{
  const char *note = remote ? g_object_get_data (G_OBJECT (remote), "phoneset-keyring-note") : NULL;

  if (note != NULL && g_error_matches (error, PHONESET_ERROR, PHONESET_ERROR_AUTH))
    _phoneset_cli_error ("%s", note);
}

/* Exit code for an error: bad input 2, the phone refused or failed 1. */
int
_phoneset_cli_exit_for (const GError *error)
{
  if (error->domain == PHONESET_ERROR &&
      (error->code == PHONESET_ERROR_INVALID || error->code == PHONESET_ERROR_NOT_FOUND ||
       error->code == PHONESET_ERROR_PARSE))
    return PHONESET_EXIT_USAGE;
  return PHONESET_EXIT_FAILED;
}

/* The vendors --vendor knows: those of the profiles with remote control,
 * in lower case, as a list in a sentence ("a, b or c"). */
static char *
dup_remote_vendors (GPtrArray *profiles)
{
  g_autoptr(GPtrArray) vendors = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; profiles != NULL && i < profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, i);
      g_autofree char *vendor = g_ascii_strdown (phoneset_profile_get_vendor (profile), -1);

      if (phoneset_profile_get_active_uri (profile) != NULL &&
          !g_ptr_array_find_with_equal_func (vendors, vendor, g_str_equal, NULL))
        g_ptr_array_add (vendors, g_steal_pointer (&vendor));
    }
  return _phoneset_cli_join_or (vendors);
}

/* The phone's profile: --profile, else its vendor's (for --model). */
static PhonesetProfile *
find_profile (const PhonesetCliRemoteOptions  *options,
              GError                         **error)
{
  g_autoptr(PhonesetCatalog) catalog = _phoneset_cli_load_catalog ();
  PhonesetProfile *profile;

  if (options->profile != NULL)
    {
      /* Exactly that profile, never another of its vendor. */
      profile = phoneset_catalog_find (catalog, options->profile);
      if (profile == NULL)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND,
                       _("There is no profile “%s” (see “phoneset profiles”)."), options->profile);
          return NULL;
        }
      if (options->vendor != NULL &&
          g_ascii_strcasecmp (options->vendor, phoneset_profile_get_vendor (profile)) != 0)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("The profile %s is for %s phones, not %s: give one of the two."),
                          options->profile, phoneset_profile_get_vendor (profile), options->vendor);
          return NULL;
        }
    }
  else if (options->vendor != NULL)
    profile = phoneset_catalog_find_for_vendor (catalog, options->vendor, options->model, error);
  else
    {
      g_autofree char *vendors = dup_remote_vendors (phoneset_catalog_get_profiles (catalog));

      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("Which phone is it? Give its profile with --profile ID (see “phoneset profiles”), or its vendor "
                     "with --vendor %s."),
                      vendors);
      return NULL;
    }
  return profile ? g_object_ref (profile) : NULL;
}

/* The vendor of the phone's profile, in lower case (for messages, JSON). */
const char *
_phoneset_cli_remote_vendor (PhonesetRemote *remote)
{
  return g_object_get_data (G_OBJECT (remote), "phoneset-cli-vendor");
}

/**
 * _phoneset_cli_remote_new:
 *
 * @settings: for a push of settings (the user is then the REST API's where
 *   the phone has one: phoneset_active_uri_choose_settings_user())
 *
 * Builds the client for one phone from the common options. Prints the
 * error and sets @exit_code on failure.
 */
PhonesetRemote *
_phoneset_cli_remote_new (const PhonesetCliRemoteOptions *options,
                          const char                     *host_port,
                          gboolean                        settings,
                          int                            *exit_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetActiveUri) active_uri = NULL;
  g_autoptr(PhonesetCertPins) pins = NULL;
  g_autoptr(PhonesetProfile) profile = NULL;
  g_autofree char *host = NULL;
  g_autofree char *pins_path = NULL;
  g_autofree char *peer = NULL;
  PhonesetRemote  *remote;
  const char      *password = NULL;
  const char      *user;
  guint16          port = 0;

  *exit_code = PHONESET_EXIT_USAGE;
  if (!phoneset_address_parse (host_port, options->https ? 443 : 80, &host, &port, &error))
    {
      _phoneset_cli_error ("%s", error->message);
      return NULL;
    }
  profile = find_profile (options, &error);
  if (profile != NULL)
    active_uri = phoneset_active_uri_new_for_profile (profile, options->model, &error);
  if (active_uri == NULL)
    {
      _phoneset_cli_error ("%s", error->message);
      *exit_code = _phoneset_cli_exit_for (error);
      return NULL;
    }
  if (options->password_env != NULL)
    {
      password = g_getenv (options->password_env);
      if (password == NULL)
        {
          _phoneset_cli_error (_("The environment variable %s (--password-env) is not set: export the phone's web admin password in it."),
                                  options->password_env);
          return NULL;
        }
    }
  if (options->timeout < 0 || options->timeout > 120)
    {
      _phoneset_cli_error (_("--timeout must be between 1 and 120 seconds."));
      return NULL;
    }

  user = settings ? phoneset_active_uri_choose_settings_user (active_uri, options->user)
                  : phoneset_active_uri_choose_user (active_uri, options->user);
  if (user == NULL)
    {
      const char *hint = phoneset_active_uri_get_status_hint (active_uri, 401);

      if (hint != NULL)
        _phoneset_cli_error (_("This phone's key interface has no user out of the box (give it with --user): %s"), hint);
      else
        _phoneset_cli_error (_("This phone's key interface has no user out of the box: give the one set on the phone with --user."));
      return NULL;
    }
  remote = phoneset_remote_new (host, port, options->https, active_uri);
  g_object_set_data_full (G_OBJECT (remote), "phoneset-cli-vendor",
                          g_ascii_strdown (phoneset_profile_get_vendor (profile), -1), g_free);
  if (password == NULL)
    {
      char            *note = NULL;
      g_autofree char *secret = lookup_secret (host, user, &note);

      phoneset_remote_set_credentials (remote, user, secret);
      if (note != NULL)
        g_object_set_data_full (G_OBJECT (remote), "phoneset-keyring-note", note, g_free);
      if (secret != NULL)
        memset (secret, 0, strlen (secret));
    }
  else
    phoneset_remote_set_credentials (remote, user, password);
  if (options->timeout > 0)
    phoneset_remote_set_timeout (remote, options->timeout);
  pins_path = options->pins ? g_strdup (options->pins) : phoneset_cert_pins_default_path ();
  pins = phoneset_cert_pins_new (pins_path);
  peer = phoneset_remote_dup_peer (remote);
  if (options->trust_new_certificate)
    phoneset_cert_pins_forget (pins, peer);
  phoneset_remote_set_pins (remote, pins);
  *exit_code = PHONESET_EXIT_OK;
  return remote;
}

typedef struct
{
  GMainLoop *loop;
  GError    *error;
} KeyRun;

static void
keys_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  KeyRun *run = user_data;

  phoneset_remote_send_keys_finish (PHONESET_REMOTE (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

/* The keys whose vendor mapping is unconfirmed, each once. */
static GStrv
unconfirmed_keys (PhonesetActiveUri *active_uri,
                  const char *const *keys)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; keys[i] != NULL; i++)
    if (phoneset_active_uri_is_unconfirmed (active_uri, keys[i]) &&
        g_hash_table_add (seen, (gpointer)keys[i]))
      g_strv_builder_add (builder, keys[i]);
  return g_strv_builder_end (builder);
}

/* Sends @keys and waits: NULL, or why they did not all go. */
static GError *
send_keys (PhonesetRemote    *remote,
           const char *const *keys)
{
  KeyRun run = { 0 };

  run.loop = g_main_loop_new (NULL, FALSE);
  phoneset_remote_send_keys_async (remote, keys, NULL, keys_done_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  return run.error;
}

static void
add_string_array (JsonBuilder       *b,
                  const char        *name,
                  const char *const *strings,
                  guint              n)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n && strings[i] != NULL; i++)
    json_builder_add_string_value (b, strings[i]);
  json_builder_end_array (b);
}

/* --json: what was sent, how, and whether it went. */
static void
print_json_result (const char        *peer,
                   const char        *vendor,
                   PhonesetActiveUri *active_uri,
                   const char *const *keys,
                   GPtrArray         *requests,
                   const char *const *unconfirmed,
                   const GError      *error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "phone");
  json_builder_add_string_value (b, peer);
  json_builder_set_member_name (b, "vendor");
  json_builder_add_string_value (b, vendor);
  json_builder_set_member_name (b, "profile");
  json_builder_add_string_value (b, phoneset_active_uri_get_profile_id (active_uri));
  add_string_array (b, "keys", keys, G_MAXUINT);
  add_string_array (b, "requests", (const char *const *)requests->pdata, requests->len);
  add_string_array (b, "unconfirmed", unconfirmed, G_MAXUINT);
  json_builder_set_member_name (b, "ok");
  json_builder_add_boolean_value (b, error == NULL);
  json_builder_set_member_name (b, "error");
  if (error != NULL)
    json_builder_add_string_value (b, error->message);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, TRUE);
  printf ("%s\n", text);
}

static void
print_sent (const char        *peer,
            const char        *vendor,
            const char *const *keys,
            const char *const *unconfirmed)
{
  g_autofree char *list = g_strjoinv (" ", (char **)keys);

  printf (_("Sent %s to %s.\n"), list, peer);
  if (unconfirmed[0] != NULL)
    {
      g_autofree char *u = g_strjoinv (", ", (char **)unconfirmed);

      printf (
        _("Note: the %s mapping of %s is unconfirmed [U]; check the phone did what you meant.\n"),
           vendor, u);
    }
}

int
_phoneset_cli_key (int    argc,
                   char **argv)
{
  g_auto(PhonesetCliRemoteOptions) options = { 0 };
  gboolean     json = FALSE;
  gboolean     legacy_keys = FALSE;
  GOptionEntry entries[] = {
    PHONESET_CLI_REMOTE_OPTION_ENTRIES (options),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
      { "legacy-keys", 0, 0, G_OPTION_ARG_NONE, &legacy_keys,
        N_("Send the older firmware's names of keys, where the phone's profile gives them"),
            NULL },
        { NULL } };
  g_autoptr(GOptionContext) context =
               g_option_context_new (_("HOST[:PORT] KEY… — press keys on a phone (Active URI)"));
  g_autoptr(PhonesetRemote) remote = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) send_error = NULL;
  g_auto(GStrv) unconfirmed = NULL;
  g_autoptr(GPtrArray) expanded = NULL;
  g_autofree char   *peer = NULL;
  PhonesetActiveUri *active_uri;
  const char        *vendor;
  const char *const *keys;
  int                exit_code;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (
    context,
    _("Keys (any vendor): OK ENTER SPEAKER RELEASE X 0-9 * POUND D1-D40 F1-F4 UP DOWN "
                                      "LEFT RIGHT VOLUME_UP VOLUME_DOWN MUTE F_HOLD F_TRANSFER F_CONFERENCE MSG "
                                      "F_PBOOK HEADSET RD Reboot AutoP DNDOn DNDOff F_LOCK …, and strings of digits, * and # "
                                      "(8311), typed key by key; each phone profile maps them to its vendor's keys, "
                                      "and says which models take one key per request (--model).\n"
                                      "The password is read from the environment variable named by --password-env, "
                                      "never from the command line."));
  if (!_phoneset_cli_parse_options (context, &argc, &argv))
    return PHONESET_EXIT_USAGE;
  if (argc < 3)
    {
      _phoneset_cli_error (
        _("Give the phone's address and at least one key (see “phoneset key --help”)."));
      return PHONESET_EXIT_USAGE;
    }
  remote = _phoneset_cli_remote_new (&options, argv[1], FALSE, &exit_code);
  if (remote == NULL)
    return exit_code;
  active_uri = phoneset_remote_get_active_uri (remote);
  vendor = _phoneset_cli_remote_vendor (remote);
  if (legacy_keys && !phoneset_active_uri_has_legacy_keys (active_uri))
    {
      _phoneset_cli_error (_("--legacy-keys: the phone's profile gives no older names of keys."));
      return PHONESET_EXIT_USAGE;
    }
  phoneset_active_uri_set_legacy_keys (active_uri, legacy_keys);

  /* Check the keys before anything goes to the phone; a digit string
   * (8311) is typed key by key. */
  expanded = phoneset_active_uri_expand_keys (active_uri, (const char *const *)&argv[2], &error);
  if (expanded != NULL)
    requests =
      phoneset_active_uri_build_requests (active_uri, (const char *const *)expanded->pdata, &error);
  if (requests == NULL)
    {
      _phoneset_cli_error ("%s", error->message);
      return PHONESET_EXIT_USAGE;
    }
  keys = (const char *const *)expanded->pdata;
  unconfirmed = unconfirmed_keys (active_uri, keys);

  send_error = send_keys (remote, keys);

  peer = phoneset_remote_dup_peer (remote);
  if (json)
    print_json_result (peer, vendor, active_uri, keys, requests, (const char *const *)unconfirmed,
                       send_error);
  else if (send_error == NULL)
    print_sent (peer, vendor, keys, (const char *const *)unconfirmed);
  if (send_error != NULL)
    {
      _phoneset_cli_keyring_note (remote, send_error);
      _phoneset_cli_error ("%s", send_error->message);
      return _phoneset_cli_exit_for (send_error);
    }
  return PHONESET_EXIT_OK;
}
