/* phoneset-setting.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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

typedef struct _PhonesetSetting PhonesetSetting;
typedef struct _PhonesetPage    PhonesetPage; /* in phoneset-profile.h */

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

G_END_DECLS
