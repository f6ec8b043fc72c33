/* phoneset-secret-store.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-secret-store"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-secret-store.h"

G_DEFINE_INTERFACE (PhonesetSecretStore, phoneset_secret_store, G_TYPE_OBJECT)

GQuark
phoneset_secret_error_quark (void)
{
  return g_quark_from_static_string ("phoneset-secret-error-quark");
}

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

  PHONESET_SECRET_STORE_GET_IFACE (self)->lookup_async (self, host, user, cancellable, callback,
                                                        user_data);
}

/**
 * phoneset_secret_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password, or %NULL when there
 *   is none (without an error) or on failure (with one)
 */
char *
phoneset_secret_store_lookup_finish (PhonesetSecretStore  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (PHONESET_IS_SECRET_STORE (self), NULL);

  /* A store whose answers are GTasks needs no finish of its own. */
  if (PHONESET_SECRET_STORE_GET_IFACE (self)->lookup_finish == NULL)
    return g_task_propagate_pointer (G_TASK (result), error);
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

  PHONESET_SECRET_STORE_GET_IFACE (self)->store_async (self, host, user, password, cancellable,
                                                       callback, user_data);
}

gboolean
phoneset_secret_store_store_finish (PhonesetSecretStore  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (PHONESET_IS_SECRET_STORE (self), FALSE);

  /* A store whose answers are GTasks needs no finish of its own. */
  if (PHONESET_SECRET_STORE_GET_IFACE (self)->store_finish == NULL)
    return g_task_propagate_boolean (G_TASK (result), error);
  return PHONESET_SECRET_STORE_GET_IFACE (self)->store_finish (self, result, error);
}

/**
 * phoneset_secret_store_clear_async:
 * @host: the phone's address or id
 * @user: (nullable): the user, or %NULL for every password of @host
 *
 * Removes the password of @user on @host, or all of @host's passwords (a
 * phone forgotten). Nothing to remove is no error.
 */
void
phoneset_secret_store_clear_async (PhonesetSecretStore *self,
                                   const char          *host,
                                   const char          *user,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (PHONESET_IS_SECRET_STORE (self));
  g_return_if_fail (host != NULL);

  PHONESET_SECRET_STORE_GET_IFACE (self)->clear_async (self, host, user, cancellable, callback,
                                                       user_data);
}

gboolean
phoneset_secret_store_clear_finish (PhonesetSecretStore  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (PHONESET_IS_SECRET_STORE (self), FALSE);

  /* A store whose answers are GTasks needs no finish of its own. */
  if (PHONESET_SECRET_STORE_GET_IFACE (self)->clear_finish == NULL)
    return g_task_propagate_boolean (G_TASK (result), error);
  return PHONESET_SECRET_STORE_GET_IFACE (self)->clear_finish (self, result, error);
}

/**
 * phoneset_secret_error_describe:
 * @error: an error of a secret store
 *
 * What the window and the command line say about @error, once, in plain
 * words: why passwords cannot be saved now.
 *
 * Returns: (transfer none): a sentence for the user
 */
const char *
phoneset_secret_error_describe (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == PHONESET_SECRET_ERROR)
    switch ((PhonesetSecretError)error->code)
      {
      case PHONESET_SECRET_ERROR_NO_KEYRING:
        return _("Passwords cannot be saved: no keyring is running. Phoneset keeps them until you quit.");
      case PHONESET_SECRET_ERROR_LOCKED:
        return _("Passwords cannot be saved: the keyring is locked and was not unlocked. Phoneset keeps them until you quit.");
      case PHONESET_SECRET_ERROR_NO_COLLECTION:
        return _("Passwords cannot be saved: the keyring has no default collection, and none was created. Phoneset keeps "
                 "them until you quit.");
      case PHONESET_SECRET_ERROR_FAILED:
      default:
        break;
      }
  return _("Passwords cannot be saved: the keyring reported an error. Phoneset keeps them until you quit.");
}
