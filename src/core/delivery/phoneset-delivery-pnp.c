/* phoneset-delivery-pnp.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pnp: restart the phone (its Active URI Reboot key, else SIP NOTIFY
 * check-sync;reboot=true) and answer the SIP PnP SUBSCRIBE it sends as it
 * starts with the file's URL (seed 003 §2.2.1), as a factory-new phone is
 * provisioned. Nothing on the phone is changed; a phone with PnP off never
 * asks.
 */

#define G_LOG_DOMAIN "phoneset-delivery"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-delivery-private.h"
#include "phoneset-pnp-responder.h"
#include "phoneset-sip-notify.h"

static char *
pnp_url_func (const char *mac,
              const char *address,
              const char *vendor,
              const char *model,
              gpointer    user_data)
{
  PhonesetDeliveryJob *job = user_data;

  /* Answer only this phone: its MAC when known, else its address. */
  if (job->mac != NULL ? g_strcmp0 (mac, job->mac) != 0
                       : g_strcmp0 (address, phoneset_remote_get_host (job->remote)) != 0)
    return NULL;
  if (job->mac == NULL && mac != NULL)
    job->mac = g_strdup (mac);
  _phoneset_push_result_set_pnp_subscribe_from (job->result, address);
  return g_strdup (job->url);
}

static gboolean
pnp_prepare (PhonesetDeliveryJob  *job,
             GError              **error)
{
  g_autoptr(PhonesetPnpResponder) responder = phoneset_pnp_responder_new (
    job->local_address, job->pnp_port, pnp_url_func, job, NULL);

  if (!phoneset_pnp_responder_start (responder, error))
    return FALSE;
  /* It answers until the push stops, which drops it. */
  g_clear_object (&job->held);
  job->held = G_OBJECT (g_steal_pointer (&responder));
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

static gboolean
has_reboot (PhonesetRemote *remote)
{
  const char *const reboot[] = { "Reboot", NULL };
  g_autoptr(GPtrArray) requests = phoneset_active_uri_build_requests (
    phoneset_remote_get_active_uri (remote), reboot, NULL);

  return requests != NULL;
}

static void
pnp_tell_async (PhonesetDeliveryJob *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  const char *const reboot[] = { "Reboot", NULL };

  g_task_set_source_tag (task, pnp_tell_async);
  if (!job->reboot)
    g_task_return_boolean (task, TRUE); /* it asks when it next starts */
  else if (has_reboot (job->remote))
    phoneset_remote_send_keys_async (job->remote, reboot, cancellable, keys_cb,
                                     g_steal_pointer (&task));
  else
    phoneset_sip_check_sync_async (phoneset_remote_get_host (job->remote), job->sip_port, TRUE, 5,
                                   cancellable, notify_cb, g_steal_pointer (&task));
}

static gboolean
pnp_tell_finish (PhonesetDeliveryJob  *job,
                 GAsyncResult         *result,
                 GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

extern const PhonesetDelivery _phoneset_delivery_pnp;

/* clang-format off */
const PhonesetDelivery _phoneset_delivery_pnp = {
  .id               = "pnp",
  .title            = N_("PnP on Reboot"),
  .accessible_label = N_("Push by PnP on reboot"),
  .description      = N_("Restarts the phone; as it starts it asks for its settings by SIP PnP and Phoneset answers. "
                         "Calls in progress are cut, and a phone with PnP off never asks."),
  .progress         = N_("Restarting it, then answering its PnP request"),
  .note             = N_("The phone reboots and asks for its configuration by SIP PnP; a phone with PnP off never "
                         "asks."),
  .cancelled        = N_("Nothing more is sent to the phone. It may still be restarting."),
  .prepare          = pnp_prepare,
  .tell_async       = pnp_tell_async,
  .tell_finish      = pnp_tell_finish,
};
/* clang-format on */
