/* phoneset-secret-store.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-secret-store"

#include "config.h"

#include "phoneset-secret-store.h"

G_DEFINE_INTERFACE (PhonesetSecretStore, phoneset_secret_store, G_TYPE_OBJECT)

static void
phoneset_secret_store_default_init (PhonesetSecretStoreInterface *iface)
{
}

/**
 * phoneset_secret_store_lookup_async:
 * @host: the phone's address
 * @user: the web admin user
 *
 * Finds the password of @user on the phone at @host.
 */
void
phoneset_secret_store_lookup_async (PhonesetSecretStore *self,
                                    const char          *host,
                                    const char          *user,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (PHONESET_IS_SECRET_STORE (self));
  g_return_if_fail (host != NULL && user != NULL);

  PHONESET_SECRET_STORE_GET_IFACE (self)->lookup_async (self, host, user, cancellable, callback, user_data);
}

/**
 * phoneset_secret_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password, or %NULL when there
 *   is none (without an error) or on failure (with one)
 */
char *
phoneset_secret_store_lookup_finish (PhonesetSecretStore *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (PHONESET_IS_SECRET_STORE (self), NULL);

  return PHONESET_SECRET_STORE_GET_IFACE (self)->lookup_finish (self, result, error);
}

void
phoneset_secret_store_store_async (PhonesetSecretStore *self,
                                   const char          *host,
                                   const char          *user,
                                   const char          *password,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (PHONESET_IS_SECRET_STORE (self));
  g_return_if_fail (host != NULL && user != NULL && password != NULL);

  PHONESET_SECRET_STORE_GET_IFACE (self)->store_async (self, host, user, password, cancellable, callback, user_data);
}

gboolean
phoneset_secret_store_store_finish (PhonesetSecretStore *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (PHONESET_IS_SECRET_STORE (self), FALSE);

  return PHONESET_SECRET_STORE_GET_IFACE (self)->store_finish (self, result, error);
}
