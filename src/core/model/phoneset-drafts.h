/* phoneset-drafts.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "phoneset-config.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_DRAFTS (phoneset_drafts_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetDrafts, phoneset_drafts, PHONESET, DRAFTS, GObject)

PhonesetDrafts *phoneset_drafts_new     (const char     *dir,
                                         GPtrArray      *profiles);
const char     *phoneset_drafts_get_dir (PhonesetDrafts *self);
gboolean        phoneset_drafts_save    (PhonesetDrafts *self,
                                         const char     *phone_id,
                                         PhonesetConfig *config,
                                         GError        **error);
PhonesetConfig *phoneset_drafts_load    (PhonesetDrafts *self,
                                         const char     *phone_id,
                                         GError        **error);
char          **phoneset_drafts_list    (PhonesetDrafts *self);
gboolean        phoneset_drafts_remove  (PhonesetDrafts *self,
                                         const char     *phone_id,
                                         GError        **error);
void            phoneset_drafts_clear   (PhonesetDrafts *self);
PhonesetConfig *phoneset_drafts_merge   (PhonesetConfig *current,
                                         PhonesetConfig *draft);

G_END_DECLS
