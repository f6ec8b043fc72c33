/* phoneset-push.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-delivery.h"
#include "phoneset-push-result.h"
#include "phoneset-remote.h"

G_BEGIN_DECLS

/**
 * PhonesetPushStep:
 * @PHONESET_PUSH_STEP_SERVING: the file is being served
 * @PHONESET_PUSH_STEP_TELLING: the phone is being told to fetch it
 * @PHONESET_PUSH_STEP_WAITING: waiting for the phone to fetch it
 * @PHONESET_PUSH_STEP_VERIFYING: fetched; reading the phone's status back
 *
 * The steps of a push, in order, as #PhonesetPush::step reports them.
 */
typedef enum
{
  PHONESET_PUSH_STEP_SERVING,
  PHONESET_PUSH_STEP_TELLING,
  PHONESET_PUSH_STEP_WAITING,
  PHONESET_PUSH_STEP_VERIFYING,
} PhonesetPushStep;

#define PHONESET_TYPE_PUSH (phoneset_push_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetPush, phoneset_push, PHONESET, PUSH, GObject)

PhonesetPush *phoneset_push_new               (PhonesetRemote      *remote,
                                               GBytes              *file,
                                               const char          *file_name);
void          phoneset_push_set_delivery      (PhonesetPush        *self,
                                               const PhonesetDelivery *delivery);
void          phoneset_push_set_sip_port      (PhonesetPush        *self,
                                               guint16              port);
void          phoneset_push_set_pnp_port      (PhonesetPush        *self,
                                               guint16              port);
void          phoneset_push_set_mac           (PhonesetPush        *self,
                                               const char          *mac);
void          phoneset_push_set_wait          (PhonesetPush        *self,
                                               guint                seconds);
void          phoneset_push_set_reboot        (PhonesetPush        *self,
                                               gboolean             reboot);
void          phoneset_push_set_local_address (PhonesetPush        *self,
                                               const char          *address);
void          phoneset_push_run_async         (PhonesetPush        *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
PhonesetPushResult *phoneset_push_run_finish  (PhonesetPush        *self,
                                               GAsyncResult        *result,
                                               GError             **error);
PhonesetProfile *phoneset_push_choose_profile (GPtrArray           *profiles,
                                               const char          *vendor,
                                               const char          *model,
                                               GBytes              *file,
                                               const char          *file_name);

G_END_DECLS
