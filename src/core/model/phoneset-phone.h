/* phoneset-phone.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "phoneset-config.h"

G_BEGIN_DECLS

typedef enum
{
  PHONESET_REACHABLE_UNKNOWN,
  PHONESET_REACHABLE_YES,
  PHONESET_REACHABLE_NO,
} PhonesetReachable;

#define PHONESET_TYPE_PHONE (phoneset_phone_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetPhone, phoneset_phone, PHONESET, PHONE, GObject)

PhonesetPhone *phoneset_phone_new              (const char    *address);
const char    *phoneset_phone_get_address      (PhonesetPhone *self);
void           phoneset_phone_set_address      (PhonesetPhone *self,
                                                const char    *address);
const char    *phoneset_phone_get_name         (PhonesetPhone *self);
void           phoneset_phone_set_name         (PhonesetPhone *self,
                                                const char    *name);
const char    *phoneset_phone_get_mac          (PhonesetPhone *self);
void           phoneset_phone_set_mac          (PhonesetPhone *self,
                                                const char    *mac);
const char    *phoneset_phone_get_vendor       (PhonesetPhone *self);
void           phoneset_phone_set_vendor       (PhonesetPhone *self,
                                                const char    *vendor);
const char    *phoneset_phone_get_model        (PhonesetPhone *self);
void           phoneset_phone_set_model        (PhonesetPhone *self,
                                                const char    *model);
const char    *phoneset_phone_get_firmware     (PhonesetPhone *self);
void           phoneset_phone_set_firmware     (PhonesetPhone *self,
                                                const char    *firmware);
const char    *phoneset_phone_get_profile_id   (PhonesetPhone *self);
void           phoneset_phone_set_profile_id   (PhonesetPhone *self,
                                                const char    *profile_id);
char          *phoneset_phone_dup_display_name (PhonesetPhone *self);
PhonesetConfig *phoneset_phone_get_config      (PhonesetPhone *self);
void           phoneset_phone_set_config       (PhonesetPhone *self,
                                                PhonesetConfig *config);
PhonesetConfig *phoneset_phone_get_baseline    (PhonesetPhone *self);
void           phoneset_phone_set_baseline     (PhonesetPhone *self,
                                                PhonesetConfig *baseline);
gboolean       phoneset_phone_has_changes      (PhonesetPhone *self);
const char    *phoneset_phone_get_id           (PhonesetPhone *self);
const char    *phoneset_phone_get_admin_user   (PhonesetPhone *self);
void           phoneset_phone_set_admin_user   (PhonesetPhone *self,
                                                const char    *admin_user);
PhonesetReachable phoneset_phone_get_reachable  (PhonesetPhone *self);
void           phoneset_phone_set_reachable    (PhonesetPhone *self,
                                                PhonesetReachable reachable);
GBytes        *phoneset_phone_get_base_file    (PhonesetPhone *self);
void           phoneset_phone_set_base_file    (PhonesetPhone *self,
                                                GBytes        *base_file);

void           phoneset_phone_add_evidence        (PhonesetPhone *self,
                                                   const char    *method,
                                                   const char    *detail);
char         **phoneset_phone_dup_evidence        (PhonesetPhone *self);
const char    *phoneset_phone_get_evidence_detail (PhonesetPhone *self,
                                                   const char    *method);
const char    *phoneset_phone_get_sip_user_agent  (PhonesetPhone *self);
void           phoneset_phone_set_sip_user_agent  (PhonesetPhone *self,
                                                   const char    *sip_user_agent);
const char    *phoneset_phone_get_http_server     (PhonesetPhone *self);
void           phoneset_phone_set_http_server     (PhonesetPhone *self,
                                                   const char    *http_server);
GDateTime     *phoneset_phone_get_last_push      (PhonesetPhone *self);
void           phoneset_phone_set_last_push      (PhonesetPhone *self,
                                                  GDateTime     *last_push);
int            phoneset_phone_get_binding_lifetime_ms (PhonesetPhone *self);
void           phoneset_phone_set_binding_lifetime_ms (PhonesetPhone *self,
                                                       int            lifetime_ms);

G_END_DECLS
