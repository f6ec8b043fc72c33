/* phoneset-catalog.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "phoneset-active-uri.h"
#include "phoneset-fingerprint.h"
#include "phoneset-profile.h"

G_BEGIN_DECLS

#define PHONESET_TYPE_CATALOG (phoneset_catalog_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetCatalog, phoneset_catalog, PHONESET, CATALOG, GObject)

PhonesetCatalog          *phoneset_catalog_new                     (const char * const  *dirs);
PhonesetCatalog          *phoneset_catalog_new_default             (void);
GPtrArray                *phoneset_catalog_get_profiles            (PhonesetCatalog     *self);
GPtrArray                *phoneset_catalog_get_errors              (PhonesetCatalog     *self);
PhonesetProfile          *phoneset_catalog_find                    (PhonesetCatalog     *self,
                                                                    const char          *id);
PhonesetProfile          *phoneset_catalog_find_for_vendor         (PhonesetCatalog     *self,
                                                                    const char          *vendor,
                                                                    const char          *model,
                                                                    GError             **error);
PhonesetFingerprintRules *phoneset_catalog_get_fingerprint_rules   (PhonesetCatalog     *self);
PhonesetActiveUri        *phoneset_catalog_new_active_uri          (PhonesetCatalog     *self,
                                                                    const char          *id,
                                                                    const char          *model,
                                                                    GError             **error);
PhonesetActiveUri        *phoneset_catalog_new_active_uri_for_vendor (PhonesetCatalog   *self,
                                                                    const char          *vendor,
                                                                    const char          *model,
                                                                    GError             **error);
JsonObject               *phoneset_catalog_dup_action_url_entries  (PhonesetCatalog     *self,
                                                                    const char          *id,
                                                                    const char          *base_url,
                                                                    GError             **error);
PhonesetProfile          *phoneset_catalog_choose_for_document     (PhonesetCatalog     *self,
                                                                    PhonesetCfgDocument *document,
                                                                    const char          *file_name,
                                                                    const char          *model,
                                                                    char               **reason,
                                                                    GPtrArray           *also);

G_END_DECLS
