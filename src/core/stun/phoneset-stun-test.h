/* phoneset-stun-test.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "phoneset-profile.h"
#include "phoneset-stun-result.h"

G_BEGIN_DECLS

/**
 * PhonesetStunStage:
 *
 * The stages of a self-test, in the order they start. Several run at the
 * same time; "stage-changed" is emitted when one starts or ends.
 */
typedef enum
{
  PHONESET_STUN_STAGE_RESOLVE,
  PHONESET_STUN_STAGE_UDP_BINDING,
  PHONESET_STUN_STAGE_TCP_BINDING,
  PHONESET_STUN_STAGE_TLS_BINDING,
  PHONESET_STUN_STAGE_MAPPING,
  PHONESET_STUN_STAGE_FILTERING,
  PHONESET_STUN_STAGE_HAIRPIN,
  PHONESET_STUN_STAGE_LIFETIME,
  PHONESET_STUN_STAGE_TURN,
  PHONESET_STUN_STAGE_ICE,
  PHONESET_STUN_N_STAGES
} PhonesetStunStage;

#define PHONESET_TYPE_STUN_TEST (phoneset_stun_test_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetStunTest, phoneset_stun_test, PHONESET, STUN_TEST, GObject)

PhonesetStunTest   *phoneset_stun_test_new                  (const char            *server,
                                                             GError               **error);
void                phoneset_stun_test_set_transports       (PhonesetStunTest      *self,
                                                             PhonesetStunTransports transports);
void                phoneset_stun_test_set_turn_credentials (PhonesetStunTest      *self,
                                                             const char            *user,
                                                             const char            *password);
void                phoneset_stun_test_set_lifetime         (PhonesetStunTest      *self,
                                                             gboolean               lifetime);
void                phoneset_stun_test_set_ice              (PhonesetStunTest      *self,
                                                             gboolean               ice);
void                phoneset_stun_test_set_profile          (PhonesetStunTest      *self,
                                                             PhonesetProfile       *profile);
const char         *phoneset_stun_stage_get_name            (PhonesetStunStage      stage);
void                phoneset_stun_test_run_async            (PhonesetStunTest      *self,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
PhonesetStunResult *phoneset_stun_test_run_finish           (PhonesetStunTest      *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

G_END_DECLS
