/* phoneset-delivery-autop.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * autop: point the phone's provisioning URL at the file over HTTP (the
 * profile's set query, third-party usage [U]), then press the phone's
 * AutoP key (the profile's Active URI keys [V-OEM]): it fetches at once.
 */

#define G_LOG_DOMAIN "phoneset-delivery"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-delivery-private.h"
#include "phoneset-error.h"

static gboolean
autop_check (PhonesetActiveUri  *active_uri,
             GError            **error)
{
  if (!_phoneset_delivery_check_url_settable (active_uri, error))
    return FALSE;
  if (phoneset_active_uri_lookup (active_uri, "AutoP") == NULL)
    {
      g_set_error (
        error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
        _("This vendor's phones have no AutoP key: push by check-sync or by PnP on reboot."));
      return FALSE;
    }
  return TRUE;
}

static void
keys_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!phoneset_remote_send_keys_finish (PHONESET_REMOTE (source), result, &error))
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
  const char *const    keys[] = { "AutoP", NULL };
  GError              *error = NULL;

  if (!_phoneset_delivery_set_url_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  phoneset_remote_send_keys_async (job->remote, keys, cancellable, keys_cb,
                                   g_steal_pointer (&task));
}

static void
autop_tell_async (PhonesetDeliveryJob *job,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, autop_tell_async);
  g_task_set_task_data (task, job, NULL);
  _phoneset_delivery_set_url_async (job, cancellable, set_url_cb, g_steal_pointer (&task));
}

static gboolean
autop_tell_finish (PhonesetDeliveryJob  *job,
                   GAsyncResult         *result,
                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

extern const PhonesetDelivery _phoneset_delivery_autop;

/* clang-format off */
const PhonesetDelivery _phoneset_delivery_autop = {
  .id               = "autop",
  .title            = N_("AutoP"),
  .accessible_label = N_("Push by AutoP"),
  .description      = N_("Sets the phone's provisioning URL to a temporary address on this computer over HTTP, then "
                         "presses its AutoP key: the phone fetches the file at once."),
  .progress         = N_("Setting its provisioning URL, then pressing AutoP"),
  .note             = N_("The phone's provisioning URL now points at Phoneset's temporary server (set over HTTP with "
                         "phonecfg=set [U]): include the real provisioning URL in the pushed file."),
  .unconfirmed      = N_("Setting the provisioning URL over HTTP is not documented by the vendor [U]: Phoneset "
                         "checks that the phone fetched the file."),
  .cancelled        = N_("Nothing more is sent to the phone. Its provisioning URL may already point at this "
                         "computer's temporary server: push again, or set it back on the phone's web page."),
  .check            = autop_check,
  .url_setting      = _phoneset_delivery_url_setting,
  .tell_async       = autop_tell_async,
  .tell_finish      = autop_tell_finish,
};
/* clang-format on */
