/* phoneset-profile.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "phoneset-cfg.h"
#include "phoneset-setting.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *code;
  char *common_file;
} PhonesetModel;

typedef struct
{
  char      *id;
  char      *title;
  char      *description;
  GPtrArray *settings; /* PhonesetSetting, borrowed from the profile */
} PhonesetGroup;

struct _PhonesetPage
{
  char      *id;
  char      *title;
  char     **menu_path;
  char      *keypad;
  GPtrArray *groups; /* PhonesetGroup */
};

/**
 * PhonesetPnpUrl:
 * @PHONESET_PNP_URL_MAC_FILE: the URL of the phone's own MAC file
 * @PHONESET_PNP_URL_FOLDER: the served folder; the phone fetches its
 *   model's common file and its MAC file from it
 *
 * What a SIP PnP answer points a phone at (the profile's `pnp.url`).
 */
typedef enum
{
  PHONESET_PNP_URL_MAC_FILE,
  PHONESET_PNP_URL_FOLDER,
} PhonesetPnpUrl;

#define PHONESET_TYPE_PROFILE (phoneset_profile_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetProfile, phoneset_profile, PHONESET, PROFILE, GObject)

PhonesetProfile     *phoneset_profile_new_from_data      (const char       *data,
                                                          gsize             len,
                                                          const char       *expected_id,
                                                          GError          **error);
PhonesetProfile     *phoneset_profile_new_from_file      (const char       *path,
                                                          GError          **error);
const char          *phoneset_profile_get_id             (PhonesetProfile  *self);
const char          *phoneset_profile_get_vendor         (PhonesetProfile  *self);
const char          *phoneset_profile_get_title          (PhonesetProfile  *self);
const char          *phoneset_profile_get_description    (PhonesetProfile  *self);
GPtrArray           *phoneset_profile_get_models         (PhonesetProfile  *self);
const PhonesetModel *phoneset_profile_find_model         (PhonesetProfile  *self,
                                                          const char       *name);
const char * const  *phoneset_profile_get_mac_prefixes   (PhonesetProfile  *self);
const char * const  *phoneset_profile_get_formats        (PhonesetProfile  *self);
const char * const  *phoneset_profile_get_supersedes     (PhonesetProfile  *self);
const char * const  *phoneset_profile_get_foreign_key_prefixes (PhonesetProfile *self);
gboolean             phoneset_profile_get_file_format    (PhonesetProfile  *self,
                                                          PhonesetCfgFormat *format);
gboolean             phoneset_profile_reads_format       (PhonesetProfile  *self,
                                                          PhonesetCfgFormat format);
gboolean             phoneset_profile_get_format_of_file (PhonesetProfile  *self,
                                                          const char       *data,
                                                          gsize             len,
                                                          PhonesetCfgFormat *format);
const char          *phoneset_profile_get_mac_file       (PhonesetProfile  *self);
guint                phoneset_profile_get_lines          (PhonesetProfile  *self);
const char * const  *phoneset_profile_get_notes          (PhonesetProfile  *self);
const char          *phoneset_profile_get_no_remote_control (PhonesetProfile  *self);
JsonArray           *phoneset_profile_get_user_agents    (PhonesetProfile  *self);
JsonObject          *phoneset_profile_get_active_uri     (PhonesetProfile  *self);
PhonesetPnpUrl       phoneset_profile_get_pnp_url        (PhonesetProfile  *self);
gboolean             phoneset_profile_answers_pnp_vendor (PhonesetProfile  *self,
                                                          const char       *vendor);
const char          *phoneset_profile_get_pnp_url_macro  (PhonesetProfile  *self);
GPtrArray           *phoneset_profile_get_pages          (PhonesetProfile  *self);
GPtrArray           *phoneset_profile_get_settings       (PhonesetProfile  *self);
PhonesetSetting     *phoneset_profile_lookup_setting     (PhonesetProfile  *self,
                                                          const char       *id);

PhonesetProfile     *phoneset_profiles_find              (GPtrArray        *profiles,
                                                          const char       *id);
PhonesetProfile     *phoneset_profiles_find_for_vendor   (GPtrArray        *profiles,
                                                          const char       *vendor,
                                                          const char       *model,
                                                          GError          **error);
PhonesetProfile     *phoneset_profiles_guess_for_document (GPtrArray       *profiles,
                                                          PhonesetCfgDocument *document,
                                                          const char       *file_name,
                                                          GPtrArray        *also);
PhonesetProfile     *phoneset_profiles_choose_for_document (GPtrArray      *profiles,
                                                          PhonesetCfgDocument *document,
                                                          const char       *file_name,
                                                          const char       *model,
                                                          char            **reason,
                                                          GPtrArray        *also);

G_END_DECLS
