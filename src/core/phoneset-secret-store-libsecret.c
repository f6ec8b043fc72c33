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

G_DEFINE_FINAL_TYPE_WITH_CODE (PhonesetSecretStoreLibsecret, phoneset_secret_store_libsecret, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (PHONESET_TYPE_SECRET_STORE, secret_store_iface_init))

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

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char   *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    {
      /* Callers free with g_free(): hand over a plain copy. */
      g_task_return_pointer (task, g_strdup (password), g_free);
      if (password != NULL)
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
  secret_password_lookup (get_schema (), cancellable, lookup_cb, task, "host", host, "user", user, NULL);
}

static char *
lookup_finish (PhonesetSecretStore *store,
               GAsyncResult        *result,
               GError             **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
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
    g_task_return_error (task, error);
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
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password, cancellable, store_cb, task,
                         "host", host, "user", user, NULL);
}

static gboolean
store_finish (PhonesetSecretStore *store,
              GAsyncResult        *result,
              GError             **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
secret_store_iface_init (PhonesetSecretStoreInterface *iface)
{
  iface->lookup_async = lookup_async;
  iface->lookup_finish = lookup_finish;
  iface->store_async = store_async;
  iface->store_finish = store_finish;
}

PhonesetSecretStore *
phoneset_secret_store_libsecret_new (void)
{
  return g_object_new (PHONESET_TYPE_SECRET_STORE_LIBSECRET, NULL);
}
