/* phoneset-reachability.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Is the phone there? One TCP connection to its web port (80, or the port
 * its address names), bounded by PHONESET_REACHABILITY_TIMEOUT_MS: a phone
 * that accepts, or refuses, the connection answered; silence or "no route"
 * means it is not reachable from here. The answer is kept on the phone.
 */

#define G_LOG_DOMAIN "phoneset-reachability"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-address.h"
#include "phoneset-error.h"
#include "phoneset-reachability.h"

static void
connect_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketConnection) connection =
               g_socket_client_connect_to_host_finish (G_SOCKET_CLIENT (source), result, &error);
  PhonesetPhone *phone = g_task_get_source_object (task);
  gboolean       reachable;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  reachable =
    connection != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  if (connection != NULL)
    g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  phoneset_phone_set_reachable (phone, reachable ? PHONESET_REACHABLE_YES : PHONESET_REACHABLE_NO);
  g_task_return_boolean (task, reachable);
}

/**
 * phoneset_reachability_check_async:
 * @phone: the phone
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: for @callback
 *
 * Checks whether @phone answers, and records it on the phone.
 */
void
phoneset_reachability_check_async (PhonesetPhone       *phone,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *host = NULL;
  guint16          port = 0;

  g_return_if_fail (PHONESET_IS_PHONE (phone));

  task = g_task_new (phone, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_reachability_check_async);

  if (!phoneset_address_parse (phoneset_phone_get_address (phone), 80, &host, &port, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  client = g_socket_client_new ();
  g_socket_client_set_timeout (client, (PHONESET_REACHABILITY_TIMEOUT_MS + 999) / 1000);
  g_socket_client_connect_to_host_async (client, host, port, cancellable, connect_cb,
                                         g_steal_pointer (&task));
}

/**
 * phoneset_reachability_check_finish:
 * @phone: the phone
 * @result: the result
 * @error: a location for a #GError
 *
 * Returns: %TRUE if the phone answered
 */
gboolean
phoneset_reachability_check_finish (PhonesetPhone  *phone,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, phone), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * phoneset_reachable_describe:
 * @reachable: the last answer
 *
 * Returns: the answer in words, for the sidebar and the overview
 */
const char *
phoneset_reachable_describe (PhonesetReachable reachable)
{
  switch (reachable)
    {
    case PHONESET_REACHABLE_YES:
      return _("Answering");
    case PHONESET_REACHABLE_NO:
      return _("Not answering: check its power, cable and address");
    case PHONESET_REACHABLE_UNKNOWN:
    default:
      return _("Not checked yet");
    }
}
