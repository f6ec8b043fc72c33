/* phoneset-secret-store.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PHONESET_TYPE_SECRET_STORE (phoneset_secret_store_get_type ())
#define PHONESET_SECRET_ERROR      (phoneset_secret_error_quark ())

/**
 * PhonesetSecretError:
 * @PHONESET_SECRET_ERROR_NO_KEYRING: no Secret Service is running (no
 *   session bus, or nothing owns org.freedesktop.secrets)
 * @PHONESET_SECRET_ERROR_LOCKED: the keyring is locked and stayed locked
 *   (the unlock prompt was refused or could not be shown)
 * @PHONESET_SECRET_ERROR_NO_COLLECTION: the keyring has no default
 *   collection, and none was created
 * @PHONESET_SECRET_ERROR_FAILED: any other failure of the Secret Service
 *
 * Why a password could not be saved or read. The messages are in plain
 * words, for the user.
 */
typedef enum
{
  PHONESET_SECRET_ERROR_NO_KEYRING,
  PHONESET_SECRET_ERROR_LOCKED,
  PHONESET_SECRET_ERROR_NO_COLLECTION,
  PHONESET_SECRET_ERROR_FAILED,
} PhonesetSecretError;

G_DECLARE_INTERFACE (PhonesetSecretStore, phoneset_secret_store, PHONESET, SECRET_STORE, GObject)

/**
 * PhonesetSecretStoreInterface:
 *
 * Where phone passwords live: the Secret Service (libsecret) in the
 * program, memory in tests. A password is found by phone address and
 * user; it is never written to a plain file or a log.
 *
 * The `_finish` functions may be %NULL for a store whose answers are
 * #GTask results (a password pointer, a boolean).
 */
struct _PhonesetSecretStoreInterface
{
  GTypeInterface parent_iface;

  void     (*lookup_async)  (PhonesetSecretStore *self,
                             const char          *host,
                             const char          *user,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  char    *(*lookup_finish) (PhonesetSecretStore *self,
                             GAsyncResult        *result,
                             GError             **error);
  void     (*store_async)   (PhonesetSecretStore *self,
                             const char          *host,
                             const char          *user,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gboolean (*store_finish)  (PhonesetSecretStore *self,
                             GAsyncResult        *result,
                             GError             **error);
  void     (*clear_async)   (PhonesetSecretStore *self,
                             const char          *host,
                             const char          *user,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gboolean (*clear_finish)  (PhonesetSecretStore *self,
                             GAsyncResult        *result,
                             GError             **error);
};

GQuark      phoneset_secret_error_quark         (void);
const char *phoneset_secret_error_describe      (const GError        *error);

void        phoneset_secret_store_lookup_async  (PhonesetSecretStore *self,
                                                 const char          *host,
                                                 const char          *user,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
char       *phoneset_secret_store_lookup_finish (PhonesetSecretStore *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void        phoneset_secret_store_store_async   (PhonesetSecretStore *self,
                                                 const char          *host,
                                                 const char          *user,
                                                 const char          *password,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean    phoneset_secret_store_store_finish  (PhonesetSecretStore *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void        phoneset_secret_store_clear_async   (PhonesetSecretStore *self,
                                                 const char          *host,
                                                 const char          *user,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean    phoneset_secret_store_clear_finish  (PhonesetSecretStore *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
