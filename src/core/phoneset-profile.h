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

G_BEGIN_DECLS

typedef enum
{
  PHONESET_SETTING_BOOL,
  PHONESET_SETTING_INT,
  PHONESET_SETTING_ENUM,
  PHONESET_SETTING_STRING,
  PHONESET_SETTING_HOST,
  PHONESET_SETTING_HOST_PORT,
  PHONESET_SETTING_PORT,
  PHONESET_SETTING_URL,
  PHONESET_SETTING_PASSWORD,
  PHONESET_SETTING_IP_LIST,
  PHONESET_SETTING_MAC,
} PhonesetSettingType;

typedef struct
{
  char *id;
  char *label;
} PhonesetEnumValue;

typedef struct
{
  char *name;
  char *code;
  char *common_file;
} PhonesetModel;

typedef struct _PhonesetSetting PhonesetSetting;

typedef struct
{
  char      *id;
  char      *title;
  char      *description;
  GPtrArray *settings; /* PhonesetSetting, borrowed from the profile */
} PhonesetGroup;

typedef struct
{
  char      *id;
  char      *title;
  char     **menu_path;
  char      *keypad;
  GPtrArray *groups; /* PhonesetGroup */
} PhonesetPage;

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
JsonArray           *phoneset_profile_get_user_agents    (PhonesetProfile  *self);
JsonObject          *phoneset_profile_get_active_uri     (PhonesetProfile  *self);
GPtrArray           *phoneset_profile_get_pages          (PhonesetProfile  *self);
GPtrArray           *phoneset_profile_get_settings       (PhonesetProfile  *self);
PhonesetSetting     *phoneset_profile_lookup_setting     (PhonesetProfile  *self,
                                                          const char       *id);

const char          *phoneset_setting_get_id             (PhonesetSetting  *self);
PhonesetSettingType  phoneset_setting_get_value_type     (PhonesetSetting  *self);
const char          *phoneset_setting_type_to_string     (PhonesetSettingType type);
const char          *phoneset_setting_get_title          (PhonesetSetting  *self);
const char          *phoneset_setting_get_help           (PhonesetSetting  *self);
const char          *phoneset_setting_get_default        (PhonesetSetting  *self);
gint64               phoneset_setting_get_min            (PhonesetSetting  *self);
gint64               phoneset_setting_get_max            (PhonesetSetting  *self);
const char          *phoneset_setting_get_unit           (PhonesetSetting  *self);
GPtrArray           *phoneset_setting_get_enum_values    (PhonesetSetting  *self);
gboolean             phoneset_setting_get_reboot         (PhonesetSetting  *self);
const char * const  *phoneset_setting_get_menu_path      (PhonesetSetting  *self);
char                *phoneset_setting_dup_menu_path_text (PhonesetSetting  *self);
const char          *phoneset_setting_get_keypad         (PhonesetSetting  *self);
const char          *phoneset_setting_get_confidence     (PhonesetSetting  *self);
const char          *phoneset_setting_get_source         (PhonesetSetting  *self);
const char          *phoneset_setting_get_default_source (PhonesetSetting  *self);
const char          *phoneset_setting_get_range_source   (PhonesetSetting  *self);
const char          *phoneset_setting_get_note           (PhonesetSetting  *self);
gboolean             phoneset_setting_is_secret          (PhonesetSetting  *self);
PhonesetPage        *phoneset_setting_get_page           (PhonesetSetting  *self);
gboolean             phoneset_setting_get_cfg_key        (PhonesetSetting  *self,
                                                          PhonesetCfgFormat format,
                                                          guint             i,
                                                          PhonesetCfgKey   *key);
gboolean             phoneset_setting_get_cfg_key_info   (PhonesetSetting  *self,
                                                          PhonesetCfgFormat format,
                                                          guint             i,
                                                          PhonesetCfgKey   *key,
                                                          guint            *line,
                                                          gboolean         *alternative);
const char          *phoneset_setting_get_map_reference  (PhonesetSetting  *self,
                                                          PhonesetCfgFormat format,
                                                          const char       *canonical);
gboolean             phoneset_setting_validate           (PhonesetSetting  *self,
                                                          const char       *text,
                                                          char            **canonical,
                                                          GError          **error);
char                *phoneset_setting_to_file_value      (PhonesetSetting  *self,
                                                          PhonesetCfgFormat format,
                                                          const char       *canonical);
char                *phoneset_setting_from_file_value    (PhonesetSetting  *self,
                                                          PhonesetCfgFormat format,
                                                          const char       *file_value,
                                                          GError          **error);
char                *phoneset_setting_dup_display_value  (PhonesetSetting  *self,
                                                          const char       *canonical);

GPtrArray           *phoneset_profiles_load_all          (const char * const *dirs,
                                                          GPtrArray        **errors);
PhonesetProfile     *phoneset_profiles_find              (GPtrArray        *profiles,
                                                          const char       *id);

G_END_DECLS
