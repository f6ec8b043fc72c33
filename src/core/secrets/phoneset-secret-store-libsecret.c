/* phoneset-secret-store-libsecret.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Phone passwords in the Secret Service, schema
 * "io.github.phoneset.Phoneset.Phone" with the attributes "host" and
 * "user". From a shell:
 *   secret-tool store --label="Phoneset: phone 192.0.2.10" \
 *     xdg:schema io.github.phoneset.Phoneset.Phone host 192.0.2.10 user admin
 *
 * What libsecret 0.20 and gnome-keyring 42 answer when passwords cannot be
 * kept (tests/test-keyring.c checks each), and what it becomes here:
 * - no session bus: G_IO_ERROR ("Could not connect", "Cannot autolaunch
 *   D-Bus without X11 $DISPLAY"); nothing owns org.freedesktop.secrets:
 *   G_DBUS_ERROR_SERVICE_UNKNOWN. Both NO_KEYRING.
 * - a locked keyring whose unlock prompt is refused, or cannot be shown
 *   (no display for gcr-prompter): a store fails with SECRET_ERROR_IS_LOCKED;
 *   a lookup returns no password and no error, so a lookup that finds
 *   nothing asks whether the default collection is locked. LOCKED.
 * - no default collection, and the prompt to create one refused: a store
 *   fails with G_DBUS_ERROR_UNKNOWN_OBJECT (…/collection/login). NO_COLLECTION.
 */

#define G_LOG_DOMAIN "phoneset-secret-store"

#include "config.h"

#include <libsecret/secret.h>

#include "phoneset-secret-store-libsecret.h"

struct _PhonesetSecretStoreLibsecret
{
  GObject parent_instance;
};

static void secret_store_iface_init (PhonesetSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PhonesetSecretStoreLibsecret,
                               phoneset_secret_store_libsecret,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PHONESET_TYPE_SECRET_STORE,
                                                      secret_store_iface_init))

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    PHONESET_SECRET_SCHEMA_PHONE,
    SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "NULL", 0 },
    },
  };

  return &schema;
}

static void
phoneset_secret_store_libsecret_class_init (PhonesetSecretStoreLibsecretClass *klass)
{
}

static void
phoneset_secret_store_libsecret_init (PhonesetSecretStoreLibsecret *self)
{
}

/* The Secret Service's error as a PHONESET_SECRET_ERROR, keeping its own
 * words for the log; a cancellation stays what it is. */
static GError *
translate_error (GError *error)
{
  PhonesetSecretError code = PHONESET_SECRET_ERROR_FAILED;
  GError             *translated;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;
  if (error->domain == G_IO_ERROR ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_DISCONNECTED) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_EXEC_FAILED) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_CHILD_EXITED) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_FAILED))
    code = PHONESET_SECRET_ERROR_NO_KEYRING;
  else if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    code = PHONESET_SECRET_ERROR_LOCKED;
  else if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT) ||
           g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT))
    code = PHONESET_SECRET_ERROR_NO_COLLECTION;
  translated = g_error_new (PHONESET_SECRET_ERROR, code, "%s", error->message);
  g_error_free (error);
  return translated;
}

static void
collection_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SecretCollection) collection = secret_collection_for_alias_finish (result, NULL);

  if (collection != NULL && secret_collection_get_locked (collection))
    g_task_return_new_error (task, PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_LOCKED,
                             "The default collection is locked");
  else
    g_task_return_pointer (task, NULL, NULL);
}

static void
service_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SecretService) service = secret_service_get_finish (result, NULL);

  if (service == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  secret_collection_for_alias (service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                               g_task_get_cancellable (task), collection_cb, g_object_ref (task));
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char   *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, translate_error (error));
  else if (password == NULL)
    /* Nothing, or a locked keyring whose prompt was refused: ask which. */
    secret_service_get (SECRET_SERVICE_NONE, g_task_get_cancellable (task), service_cb,
                        g_object_ref (task));
  else
    {
      /* Callers free with g_free(): hand over a plain copy. */
      g_task_return_pointer (task, g_strdup (password), g_free);
      secret_password_free (password);
    }
}

static void
lookup_async (PhonesetSecretStore *store,
              const char          *host,
              const char          *user,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, lookup_async);
  secret_password_lookup (get_schema (), cancellable, lookup_cb, task, "host", host, "user", user,
                          NULL);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, translate_error (error));
}

static void
store_async (PhonesetSecretStore *store,
             const char          *host,
             const char          *user,
             const char          *password,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask           *task = g_task_new (store, cancellable, callback, user_data);
  g_autofree char *label = g_strdup_printf ("Phoneset: %s on phone %s", user, host);

  g_task_set_source_tag (task, store_async);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password, cancellable,
                         store_cb, task, "host", host, "user", user, NULL);
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to remove. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
clear_async (PhonesetSecretStore *store,
             const char          *host,
             const char          *user,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, clear_async);
  if (user != NULL)
    secret_password_clear (get_schema (), cancellable, clear_cb, task, "host", host, "user", user,
                           NULL);
  else
    secret_password_clear (get_schema (), cancellable, clear_cb, task, "host", host, NULL);
}

static void
secret_store_iface_init (PhonesetSecretStoreInterface *iface)
{
  iface->clear_async = clear_async;
  iface->lookup_async = lookup_async;
  iface->store_async = store_async;
}

PhonesetSecretStore *
phoneset_secret_store_libsecret_new (void)
{
  return g_object_new (PHONESET_TYPE_SECRET_STORE_LIBSECRET, NULL);
}
