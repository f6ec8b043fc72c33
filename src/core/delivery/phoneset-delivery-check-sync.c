/* phoneset-delivery-check-sync.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * check-sync: point the phone's provisioning URL at the file over HTTP as
 * autop does, then send it a SIP NOTIFY with Event: check-sync [V]: it
 * fetches without a restart.
 */

#define G_LOG_DOMAIN "phoneset-delivery"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-delivery-private.h"
#include "phoneset-sip-notify.h"

static void
notify_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!phoneset_sip_check_sync_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_url_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PhonesetDeliveryJob *job = g_task_get_task_data (task);
  GCancellable        *cancellable;
  GError              *error = NULL;

  if (!_phoneset_delivery_set_url_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  phoneset_sip_check_sync_async (phoneset_remote_get_host (job->remote), job->sip_port, FALSE, 5,
                                 cancellable, notify_cb, g_steal_pointer (&task));
}

static void
check_sync_tell_async (PhonesetDeliveryJob *job,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, check_sync_tell_async);
  g_task_set_task_data (task, job, NULL);
  _phoneset_delivery_set_url_async (job, cancellable, set_url_cb, g_steal_pointer (&task));
}

static gboolean
check_sync_tell_finish (PhonesetDeliveryJob  *job,
                        GAsyncResult         *result,
                        GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

extern const PhonesetDelivery _phoneset_delivery_check_sync;

/* clang-format off */
const PhonesetDelivery _phoneset_delivery_check_sync = {
  .id               = "check-sync",
  .title            = N_("Check-Sync"),
  .accessible_label = N_("Push by check-sync"),
  .description      = N_("Sets the provisioning URL the same way, then sends the phone a SIP NOTIFY (check-sync): it "
                         "fetches the file without a restart."),
  .progress         = N_("Setting its provisioning URL, then sending SIP NOTIFY check-sync"),
  .note             = N_("The phone's provisioning URL now points at Phoneset's temporary server (set over HTTP with "
                         "phonecfg=set [U]): include the real provisioning URL in the pushed file."),
  .unconfirmed      = N_("Setting the provisioning URL over HTTP is not documented by the vendor [U]: Phoneset "
                         "checks that the phone fetched the file."),
  .cancelled        = N_("Nothing more is sent to the phone. Its provisioning URL may already point at this "
                         "computer's temporary server: push again, or set it back on the phone's web page."),
  .check            = _phoneset_delivery_check_url_settable,
  .url_setting      = _phoneset_delivery_url_setting,
  .tell_async       = check_sync_tell_async,
  .tell_finish      = check_sync_tell_finish,
};
/* clang-format on */
