/* phoneset-secret-store-memory.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords in memory, for tests: no keyring, no D-Bus.
 */

#define G_LOG_DOMAIN "phoneset-secret-store"

#include "config.h"

#include <string.h>

#include "phoneset-secret-store-memory.h"
#include "phoneset-core-test-private.h"

struct _PhonesetSecretStoreMemory
{
  GObject     parent_instance;
  GHashTable *passwords; /* "user@host" → password */
  GError     *error;     /* what every call fails with, for tests */
};

static void secret_store_iface_init (PhonesetSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PhonesetSecretStoreMemory,
                               phoneset_secret_store_memory,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PHONESET_TYPE_SECRET_STORE,
                                                      secret_store_iface_init))

static void
free_password (char *password)
{
  memset (password, 0, strlen (password));
  g_free (password);
}

static void
phoneset_secret_store_memory_finalize (GObject *object)
{
  PhonesetSecretStoreMemory *self = (PhonesetSecretStoreMemory *)object;

  g_hash_table_unref (self->passwords);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (phoneset_secret_store_memory_parent_class)->finalize (object);
}

static void
phoneset_secret_store_memory_class_init (PhonesetSecretStoreMemoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_secret_store_memory_finalize;
}

static void
phoneset_secret_store_memory_init (PhonesetSecretStoreMemory *self)
{
  self->passwords =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)free_password);
}

static void
lookup_async (PhonesetSecretStore *store,
              const char          *host,
              const char          *user,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  PhonesetSecretStoreMemory *self = (PhonesetSecretStoreMemory *)store;
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *key = g_strdup_printf ("%s@%s", user, host);

  g_task_set_source_tag (task, lookup_async);
  if (self->error != NULL)
    g_task_return_error (task, g_error_copy (self->error));
  else
    g_task_return_pointer (task, g_strdup (g_hash_table_lookup (self->passwords, key)), g_free);
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
  PhonesetSecretStoreMemory *self = (PhonesetSecretStoreMemory *)store;
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, store_async);
  if (self->error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->error));
      return;
    }
  g_hash_table_replace (self->passwords, g_strdup_printf ("%s@%s", user, host),
                        g_strdup (password));
  g_task_return_boolean (task, TRUE);
}

static gboolean
same_host (gpointer key,
           gpointer value,
           gpointer user_data)
{
  const char *at = strrchr (key, '@');

  return at != NULL && g_str_equal (at + 1, user_data);
}

static void
clear_async (PhonesetSecretStore *store,
             const char          *host,
             const char          *user,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  PhonesetSecretStoreMemory *self = (PhonesetSecretStoreMemory *)store;
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, clear_async);
  if (self->error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->error));
      return;
    }
  if (user != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s@%s", user, host);

      g_hash_table_remove (self->passwords, key);
    }
  else
    g_hash_table_foreach_remove (self->passwords, same_host, (gpointer)host);
  g_task_return_boolean (task, TRUE);
}

static void
secret_store_iface_init (PhonesetSecretStoreInterface *iface)
{
  iface->clear_async = clear_async;
  iface->lookup_async = lookup_async;
  iface->store_async = store_async;
}

PhonesetSecretStore *
phoneset_secret_store_memory_new (void)
{
  return g_object_new (PHONESET_TYPE_SECRET_STORE_MEMORY, NULL);
}

/**
 * phoneset_secret_store_memory_set_error:
 * @self: a memory store
 * @error: (nullable): what every later call fails with, or %NULL
 *
 * Makes the store behave like a keyring that is missing or locked (tests).
 */
void
phoneset_secret_store_memory_set_error (PhonesetSecretStoreMemory *self,
                                        const GError              *error)
{
  g_return_if_fail (PHONESET_IS_SECRET_STORE_MEMORY (self));

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
}

/**
 * phoneset_secret_store_memory_count:
 * @self: a memory store
 *
 * Returns: how many passwords it holds (tests)
 */
guint
phoneset_secret_store_memory_count (PhonesetSecretStoreMemory *self)
{
  g_return_val_if_fail (PHONESET_IS_SECRET_STORE_MEMORY (self), 0);

  return g_hash_table_size (self->passwords);
}
