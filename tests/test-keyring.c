/* test-keyring.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords with a real keyring, and without one.
 *
 * /secret-session/…: the session store over a memory store that fails
 * like a missing or locked keyring: a password typed is kept, marked not
 * saved, found by a lookup, and saved when the keyring answers again;
 * every failure comes back in plain words.
 *
 * /keyring/…: the libsecret store and the session store against
 * gnome-keyring-daemon in a private D-Bus session (tests/keyring-session.sh
 * sets PHONESET_TEST_KEYRING to unlocked, locked or none; without it these
 * skip). Unlocked: store, look up, replace, delete, a phone forgotten, and
 * the schema and attributes as `secret-tool search` shows them. Locked (no
 * prompter, so the unlock prompt is refused), none and no bus at all
 * (the keyring-no-bus test sets PHONESET_TEST_KEYRING=nobus): what libsecret
 * answers, what the user is told, and the passwords saved once the keyring
 * is unlocked or started.
 */

#include "config.h"

#include <string.h>

#include "phoneset-secret-session.h"
#include "phoneset-secret-store-libsecret.h"
#include "phoneset-secret-store-memory.h"
#include "phoneset-core-test-private.h"

#define NO_KEYRING_TEXT                                                                            \
  "Passwords cannot be saved: no keyring is running. Phoneset keeps them until you quit."
#define SECRET  "Zq7-keyring-SECRET-5150"
#define SECRET2 "Zq7-keyring-SECRET-6161"

typedef struct
{
  gboolean done;
  gboolean ok;
  char    *password;
  GError  *error;
} Wait;

static void
wait_for (Wait *wait)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!wait->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->password =
    phoneset_secret_store_lookup_finish (PHONESET_SECRET_STORE (source), result, &wait->error);
  wait->done = TRUE;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok =
    phoneset_secret_store_store_finish (PHONESET_SECRET_STORE (source), result, &wait->error);
  wait->done = TRUE;
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok =
    phoneset_secret_store_clear_finish (PHONESET_SECRET_STORE (source), result, &wait->error);
  wait->done = TRUE;
}

static void
forgotten_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok =
    phoneset_secret_session_forget_finish (PHONESET_SECRET_SESSION (source), result, &wait->error);
  wait->done = TRUE;
}

static char *
lookup (PhonesetSecretStore  *store,
        const char           *host,
        const char           *user,
        GError              **error)
{
  Wait wait = { 0 };

  phoneset_secret_store_lookup_async (store, host, user, NULL, looked_up_cb, &wait);
  wait_for (&wait);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.password;
}

static gboolean
store (PhonesetSecretStore  *store,
       const char           *host,
       const char           *user,
       const char           *password,
       GError              **error)
{
  Wait wait = { 0 };

  phoneset_secret_store_store_async (store, host, user, password, NULL, stored_cb, &wait);
  wait_for (&wait);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

static gboolean
clear (PhonesetSecretStore  *store,
       const char           *host,
       const char           *user,
       GError              **error)
{
  Wait wait = { 0 };

  phoneset_secret_store_clear_async (store, host, user, NULL, cleared_cb, &wait);
  wait_for (&wait);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

static void
count_saved_cb (PhonesetSecretSession *session,
                guint                  n,
                guint                 *saved)
{
  *saved += n;
}

/* Waits (bounded) for ::saved to have told @n passwords. */
static void
wait_saved (guint *saved,
            guint  n)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*saved < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The session over memory ------------------------------------------------ */

static void
test_session_fallback (void)
{
  g_autoptr(PhonesetSecretStore) backend = phoneset_secret_store_memory_new ();
  g_autoptr(PhonesetSecretSession) session = phoneset_secret_session_new (backend, FALSE);
  PhonesetSecretStore *secrets = PHONESET_SECRET_STORE (session);
  g_autoptr(GError) missing = g_error_new_literal (
    PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_NO_KEYRING, "Could not connect");
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  guint            saved = 0;

  g_signal_connect (session, "saved", G_CALLBACK (count_saved_cb), &saved);
  g_assert_null (phoneset_secret_session_get_problem (session));

  /* No keyring: the store fails in plain words, the password is kept. */
  phoneset_secret_store_memory_set_error (PHONESET_SECRET_STORE_MEMORY (backend), missing);
  g_assert_false (store (secrets, "192.0.2.10", "admin", SECRET, &error));
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_NO_KEYRING);
  g_assert_cmpstr (error->message, ==, NO_KEYRING_TEXT);
  g_clear_error (&error);
  g_assert_cmpstr (phoneset_secret_session_get_problem (session), ==, NO_KEYRING_TEXT);
  g_assert_false (phoneset_secret_session_is_saved (session, "192.0.2.10", "admin"));
  g_assert_true (phoneset_secret_session_is_saved (session, "192.0.2.11", "admin"));
  g_assert_cmpuint (phoneset_secret_session_get_n_unsaved (session), ==, 1);
  g_assert_cmpuint (phoneset_secret_store_memory_count (PHONESET_SECRET_STORE_MEMORY (backend)), ==,
                    0);

  /* The session's copy is what push and keypad find. */
  password = lookup (secrets, "192.0.2.10", "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, SECRET);
  g_clear_pointer (&password, g_free);

  /* A lookup of something not kept fails in plain words too. */
  password = lookup (secrets, "192.0.2.11", "admin", &error);
  g_assert_null (password);
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_NO_KEYRING);
  g_assert_cmpstr (error->message, ==, NO_KEYRING_TEXT);
  g_clear_error (&error);

  /* A retry while it still fails keeps it. */
  phoneset_secret_session_retry (session);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (phoneset_secret_session_get_n_unsaved (session), ==, 1);
  g_assert_cmpuint (saved, ==, 0);

  /* The keyring is back: the first call that works saves what waits. */
  phoneset_secret_store_memory_set_error (PHONESET_SECRET_STORE_MEMORY (backend), NULL);
  password = lookup (secrets, "192.0.2.11", "admin", &error);
  g_assert_no_error (error);
  g_assert_null (password);
  wait_saved (&saved, 1);
  g_assert_null (phoneset_secret_session_get_problem (session));
  g_assert_true (phoneset_secret_session_is_saved (session, "192.0.2.10", "admin"));
  g_assert_cmpuint (phoneset_secret_session_get_n_unsaved (session), ==, 0);
  password = lookup (backend, "192.0.2.10", "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, SECRET);
}

static void
test_session_locked (void)
{
  g_autoptr(PhonesetSecretStore) backend = phoneset_secret_store_memory_new ();
  g_autoptr(PhonesetSecretSession) session = phoneset_secret_session_new (backend, FALSE);
  PhonesetSecretStore *secrets = PHONESET_SECRET_STORE (session);
  g_autoptr(GError) locked =
               g_error_new_literal (PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_LOCKED, "locked");
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  guint            saved = 0;

  g_signal_connect (session, "saved", G_CALLBACK (count_saved_cb), &saved);

  /* On its way to a working keyring, a password is not "not saved": no
   * mark flashes while it is stored. */
  {
    Wait wait = { 0 };

    phoneset_secret_store_store_async (secrets, "phone-1", "setting:nat.turn.password", "old", NULL,
                                       stored_cb, &wait);
    g_assert_cmpuint (phoneset_secret_session_get_n_unsaved (session), ==, 0);
    g_assert_true (
      phoneset_secret_session_is_saved (session, "phone-1", "setting:nat.turn.password"));
    wait_for (&wait);
    g_assert_true (wait.ok);
  }
  phoneset_secret_store_memory_set_error (PHONESET_SECRET_STORE_MEMORY (backend), locked);

  /* A newer password typed while locked wins over the saved one. */
  g_assert_false (store (secrets, "phone-1", "setting:nat.turn.password", SECRET2, &error));
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_assert_nonnull (strstr (error->message, "until you quit"));
  g_clear_error (&error);
  password = lookup (secrets, "phone-1", "setting:nat.turn.password", NULL);
  g_assert_cmpstr (password, ==, SECRET2);
  g_clear_pointer (&password, g_free);

  /* The user unlocks, then asks: it is saved. */
  phoneset_secret_store_memory_set_error (PHONESET_SECRET_STORE_MEMORY (backend), NULL);
  phoneset_secret_session_retry (session);
  wait_saved (&saved, 1);
  password = lookup (backend, "phone-1", "setting:nat.turn.password", NULL);
  g_assert_cmpstr (password, ==, SECRET2);
  g_assert_null (phoneset_secret_session_get_problem (session));
}

static void
test_session_forget (void)
{
  g_autoptr(PhonesetSecretStore) backend = phoneset_secret_store_memory_new ();
  g_autoptr(PhonesetSecretSession) session = phoneset_secret_session_new (backend, FALSE);
  PhonesetSecretStore *secrets = PHONESET_SECRET_STORE (session);
  g_autoptr(GError) missing = g_error_new_literal (PHONESET_SECRET_ERROR,
                                                    PHONESET_SECRET_ERROR_NO_KEYRING, "no bus");
  const char      *hosts[] = { "0015651234ab", "192.0.2.20", NULL };
  g_autofree char *left = NULL;
  Wait             wait = { 0 };

  g_assert_true (store (secrets, "0015651234ab", "setting:nat.turn.password", "a", NULL));
  g_assert_true (
    store (secrets, "0015651234ab", "setting:provisioning.server.password", "b", NULL));
  g_assert_true (store (secrets, "192.0.2.20", "admin", "c", NULL));
  g_assert_true (store (secrets, "192.0.2.21", "admin", "d", NULL));
  /* One kept in memory only, too. */
  phoneset_secret_store_memory_set_error (PHONESET_SECRET_STORE_MEMORY (backend), missing);
  g_assert_false (store (secrets, "0015651234ab", "setting:sip.password", "e", NULL));
  phoneset_secret_store_memory_set_error (PHONESET_SECRET_STORE_MEMORY (backend), NULL);

  phoneset_secret_session_forget_async (session, hosts, NULL, forgotten_cb, &wait);
  wait_for (&wait);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_cmpuint (phoneset_secret_session_get_n_unsaved (session), ==, 0);
  g_assert_cmpuint (phoneset_secret_store_memory_count (PHONESET_SECRET_STORE_MEMORY (backend)), ==,
                    1);
  g_assert_null (lookup (secrets, "0015651234ab", "setting:sip.password", NULL));
  left = lookup (backend, "192.0.2.21", "admin", NULL);
  g_assert_cmpstr (left, ==, "d");
}

/* The real keyring ------------------------------------------------------- */

static const char *
keyring_mode (void)
{
  return g_getenv ("PHONESET_TEST_KEYRING");
}

static gboolean
need_mode (const char *mode)
{
  if (g_strcmp0 (keyring_mode (), mode) == 0)
    return TRUE;
  {
    g_autofree char *why = g_strdup_printf (
      "needs a %s keyring: run through tests/keyring-session.sh %s (the keyring-%s test)", mode,
      mode, mode);

    g_test_skip (why);
  }
  return FALSE;
}

/* `secret-tool ARGS…`: its standard output, then its standard error
 * (where `search` writes the attributes), and the exit status. */
static char *
secret_tool (int *status, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list          args;

  g_ptr_array_add (argv, "secret-tool");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, status, &error));
  g_assert_no_error (error);
  return g_strconcat (out, err, NULL);
}

/* Unlocks the login keyring with its password, as a keyring manager
 * would: gnome-keyring's own interface, in a plain-text session. */
static void
unlock_keyring (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) opened = NULL;
  g_autoptr(GVariant) unlocked = NULL;
  g_autoptr(GError) error = NULL;
  const char *session = NULL;
  GVariant   *secret;

  g_assert_nonnull (bus);
  opened = g_dbus_connection_call_sync (
    bus, "org.freedesktop.secrets", "/org/freedesktop/secrets", "org.freedesktop.Secret.Service",
    "OpenSession", g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
    G_VARIANT_TYPE ("(vo)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (opened, "(v&o)", NULL, &session);
  secret =
    g_variant_new ("(o@ay@ays)", session, g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                   g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "testpw", 6, 1), "text/plain");
  unlocked = g_dbus_connection_call_sync (
    bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
    "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface", "UnlockWithMasterPassword",
    g_variant_new ("(o@(oayays))", "/org/freedesktop/secrets/collection/login", secret), NULL,
    G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

/* Starts or unlocks the keyring of the test's bus (keyring-session.sh). */
static void
start_keyring (void)
{
  const char *start = g_getenv ("PHONESET_TEST_KEYRING_START");
  const char *argv[] = { start, "--unlock", NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (start);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_keyring_unlocked (void)
{
  g_autoptr(PhonesetSecretStore) store_ = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *found = NULL;
  int              status = -1;
  gboolean         ok;

  if (!need_mode ("unlocked"))
    return;
  store_ = phoneset_secret_store_libsecret_new ();

  /* Nothing yet: no password, no error. */
  password = lookup (store_, "192.0.2.30", "admin", &error);
  g_assert_no_error (error);
  g_assert_null (password);

  /* Store and look up. */
  g_assert_true (store (store_, "192.0.2.30", "admin", SECRET, &error));
  g_assert_no_error (error);
  password = lookup (store_, "192.0.2.30", "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, SECRET);
  g_clear_pointer (&password, g_free);

  /* What secret-tool shows: our schema, host, user and label, one item. */
  found = secret_tool (&status, "search", "--all", "xdg:schema", PHONESET_SECRET_SCHEMA_PHONE,
                       "host", "192.0.2.30", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("secret-tool search: %s", found);
  g_assert_nonnull (strstr (found, "schema = " PHONESET_SECRET_SCHEMA_PHONE "\n"));
  g_assert_nonnull (strstr (found, "attribute.host = 192.0.2.30\n"));
  g_assert_nonnull (strstr (found, "attribute.user = admin\n"));
  g_assert_nonnull (strstr (found, "label = Phoneset: admin on phone 192.0.2.30\n"));
  g_assert_nonnull (strstr (found, "secret = " SECRET "\n"));
  g_assert_null (strstr (found + 1, "[/"));
  g_assert_nonnull (strstr (found, "[/"));
  g_clear_pointer (&found, g_free);

  /* Replace: one item, the new password. */
  ok = store (store_, "192.0.2.30", "admin", SECRET2, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  password = lookup (store_, "192.0.2.30", "admin", &error);
  g_assert_cmpstr (password, ==, SECRET2);
  g_clear_pointer (&password, g_free);
  found = secret_tool (&status, "search", "--all", "host", "192.0.2.30", NULL);
  g_assert_nonnull (strstr (found, "secret = " SECRET2 "\n"));
  g_assert_null (strstr (found, SECRET "\n"));
  g_assert_null (strstr (strstr (found, "[/") + 1, "[/"));
  g_clear_pointer (&found, g_free);

  /* What secret-tool stores, we find (the schema is the one documented). */
  {
    const char *argv[] = {
      "sh", "-c",
      "printf %s Zq7-from-shell | secret-tool store --label='Phoneset: phone 192.0.2.31' "
      "xdg:schema " PHONESET_SECRET_SCHEMA_PHONE " host 192.0.2.31 user admin",
      NULL
    };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                                 NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    password = lookup (store_, "192.0.2.31", "admin", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (password, ==, "Zq7-from-shell");
    g_clear_pointer (&password, g_free);
  }

  /* Delete one user; then all of a host. */
  g_assert_true (store (store_, "192.0.2.30", "setting:nat.turn.password", SECRET, NULL));
  g_assert_true (clear (store_, "192.0.2.30", "admin", &error));
  g_assert_no_error (error);
  g_assert_null (lookup (store_, "192.0.2.30", "admin", &error));
  g_assert_no_error (error);
  password = lookup (store_, "192.0.2.30", "setting:nat.turn.password", NULL);
  g_assert_cmpstr (password, ==, SECRET);
  g_clear_pointer (&password, g_free);
  g_assert_true (clear (store_, "192.0.2.30", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (lookup (store_, "192.0.2.30", "setting:nat.turn.password", NULL));
  /* Nothing to delete is no error. */
  g_assert_true (clear (store_, "192.0.2.99", NULL, &error));
  g_assert_no_error (error);
  /* The other host is untouched. */
  password = lookup (store_, "192.0.2.31", "admin", NULL);
  g_assert_cmpstr (password, ==, "Zq7-from-shell");
}

static void
test_keyring_forget (void)
{
  g_autoptr(PhonesetSecretStore) backend = NULL;
  g_autoptr(PhonesetSecretSession) session = NULL;
  const char      *hosts[] = { "001565aabb01", "192.0.2.40", NULL };
  g_autofree char *found = NULL;
  Wait             wait = { 0 };
  int              status = -1;

  if (!need_mode ("unlocked"))
    return;
  backend = phoneset_secret_store_libsecret_new ();
  session = phoneset_secret_session_new (backend, TRUE);
  g_assert_true (store (PHONESET_SECRET_STORE (session), "001565aabb01",
                        "setting:nat.turn.password", SECRET, NULL));
  g_assert_true (store (PHONESET_SECRET_STORE (session), "001565aabb01",
                        "setting:provisioning.server.password", SECRET2, NULL));
  g_assert_true (store (PHONESET_SECRET_STORE (session), "192.0.2.40", "admin", SECRET, NULL));
  g_assert_true (store (PHONESET_SECRET_STORE (session), "192.0.2.41", "admin", SECRET, NULL));
  g_assert_cmpuint (phoneset_secret_session_get_n_unsaved (session), ==, 0);

  phoneset_secret_session_forget_async (session, hosts, NULL, forgotten_cb, &wait);
  wait_for (&wait);
  g_assert_no_error (wait.error);
  found =
    secret_tool (&status, "search", "--all", "xdg:schema", PHONESET_SECRET_SCHEMA_PHONE, NULL);
  g_assert_null (strstr (found, "001565aabb01"));
  g_assert_null (strstr (found, "= 192.0.2.40\n"));
  g_assert_nonnull (strstr (found, "attribute.host = 192.0.2.41\n"));
}

static void
test_keyring_none (void)
{
  g_autoptr(PhonesetSecretStore) backend = NULL;
  g_autoptr(PhonesetSecretSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *found = NULL;
  guint            saved = 0;
  int              status = -1;

  if (!need_mode ("none"))
    return;
  backend = phoneset_secret_store_libsecret_new ();

  /* What libsecret answers, as we pass it on. */
  g_assert_null (lookup (backend, "192.0.2.50", "admin", &error));
  g_test_message ("lookup without a keyring: %s", error->message);
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_NO_KEYRING);
  g_assert_nonnull (strstr (error->message, "org.freedesktop.secrets"));
  g_clear_error (&error);
  g_assert_false (store (backend, "192.0.2.50", "admin", SECRET, &error));
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_NO_KEYRING);
  g_clear_error (&error);
  g_assert_false (clear (backend, "192.0.2.50", NULL, &error));
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_NO_KEYRING);
  g_clear_error (&error);

  /* The session keeps it and says so, in the words. */
  session = phoneset_secret_session_new (backend, TRUE);
  g_signal_connect (session, "saved", G_CALLBACK (count_saved_cb), &saved);
  g_assert_false (store (PHONESET_SECRET_STORE (session), "192.0.2.50", "admin", SECRET, &error));
  g_assert_cmpstr (error->message, ==, NO_KEYRING_TEXT);
  g_clear_error (&error);
  g_assert_cmpstr (phoneset_secret_session_get_problem (session), ==, NO_KEYRING_TEXT);
  g_assert_false (phoneset_secret_session_is_saved (session, "192.0.2.50", "admin"));
  password = lookup (PHONESET_SECRET_STORE (session), "192.0.2.50", "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, SECRET);

  /* A keyring starts: its name on the bus is enough to save what waits. */
  start_keyring ();
  wait_saved (&saved, 1);
  g_assert_true (phoneset_secret_session_is_saved (session, "192.0.2.50", "admin"));
  g_assert_null (phoneset_secret_session_get_problem (session));
  found = secret_tool (&status, "lookup", "host", "192.0.2.50", "user", "admin", NULL);
  g_assert_cmpstr (found, ==, SECRET);
}

static void
test_keyring_locked (void)
{
  g_autoptr(PhonesetSecretStore) backend = NULL;
  g_autoptr(PhonesetSecretSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *found = NULL;
  guint            saved = 0;
  int              status = -1;

  if (!need_mode ("locked"))
    return;
  backend = phoneset_secret_store_libsecret_new ();

  /* The unlock prompt is refused (no prompter): libsecret's lookup says
   * nothing, so the store asks whether the collection is locked. */
  g_assert_null (lookup (backend, "192.0.2.60", "admin", &error));
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (store (backend, "192.0.2.60", "admin", SECRET, &error));
  g_test_message ("store into a locked keyring: %s", error->message);
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_LOCKED);
  g_clear_error (&error);

  session = phoneset_secret_session_new (backend, TRUE);
  g_signal_connect (session, "saved", G_CALLBACK (count_saved_cb), &saved);
  g_assert_false (store (PHONESET_SECRET_STORE (session), "192.0.2.60", "admin", SECRET, &error));
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==,
                   "Passwords cannot be saved: the keyring is locked and was not unlocked. "
                   "Phoneset keeps them until you quit.");
  g_clear_error (&error);
  password = lookup (PHONESET_SECRET_STORE (session), "192.0.2.60", "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, SECRET);

  /* Unlocked from outside: the collection changes, the password is saved. */
  unlock_keyring ();
  wait_saved (&saved, 1);
  g_assert_null (phoneset_secret_session_get_problem (session));
  found = secret_tool (&status, "lookup", "host", "192.0.2.60", "user", "admin", NULL);
  g_assert_cmpstr (found, ==, SECRET);
}

/* No session bus at all (DBUS_SESSION_BUS_ADDRESS names no socket): the
 * same plain words as without a Secret Service. */
static void
test_keyring_no_bus (void)
{
  g_autoptr(PhonesetSecretStore) backend = NULL;
  g_autoptr(PhonesetSecretSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  if (!need_mode ("nobus"))
    return;
  backend = phoneset_secret_store_libsecret_new ();
  g_assert_null (lookup (backend, "192.0.2.70", "admin", &error));
  g_test_message ("lookup without a bus: %s", error->message);
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_NO_KEYRING);
  g_clear_error (&error);

  session = phoneset_secret_session_new (backend, TRUE);
  g_assert_false (store (PHONESET_SECRET_STORE (session), "192.0.2.70", "admin", SECRET, &error));
  g_assert_error (error, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_NO_KEYRING);
  g_assert_cmpstr (error->message, ==, NO_KEYRING_TEXT);
  password = lookup (PHONESET_SECRET_STORE (session), "192.0.2.70", "admin", NULL);
  g_assert_cmpstr (password, ==, SECRET);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secret-session/fallback", test_session_fallback);
  g_test_add_func ("/secret-session/locked", test_session_locked);
  g_test_add_func ("/secret-session/forget", test_session_forget);
  g_test_add_func ("/keyring/unlocked", test_keyring_unlocked);
  g_test_add_func ("/keyring/forget", test_keyring_forget);
  g_test_add_func ("/keyring/none", test_keyring_none);
  g_test_add_func ("/keyring/locked", test_keyring_locked);
  g_test_add_func ("/keyring/no-bus", test_keyring_no_bus);

  return g_test_run ();
}
