/* phoneset-secret-session.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-secret-store.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_SECRET_SESSION (phoneset_secret_session_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetSecretSession, phoneset_secret_session, PHONESET, SECRET_SESSION, GObject)

PhonesetSecretSession *phoneset_secret_session_new           (PhonesetSecretStore   *backend,
                                                              gboolean               watch_bus);
PhonesetSecretStore   *phoneset_secret_session_get_backend   (PhonesetSecretSession *self);
const char            *phoneset_secret_session_get_problem   (PhonesetSecretSession *self);
guint                  phoneset_secret_session_get_n_unsaved (PhonesetSecretSession *self);
gboolean               phoneset_secret_session_is_saved      (PhonesetSecretSession *self,
                                                              const char            *host,
                                                              const char            *user);
void                   phoneset_secret_session_retry         (PhonesetSecretSession *self);
void                   phoneset_secret_session_forget_async  (PhonesetSecretSession *self,
                                                              const char *const     *hosts,
                                                              GCancellable          *cancellable,
                                                              GAsyncReadyCallback    callback,
                                                              gpointer               user_data);
gboolean               phoneset_secret_session_forget_finish (PhonesetSecretSession *self,
                                                              GAsyncResult          *result,
                                                              GError               **error);

G_END_DECLS
