/* phoneset-config.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "phoneset-cfg.h"
#include "phoneset-profile.h"

G_BEGIN_DECLS

typedef struct
{
  PhonesetSetting *setting;
  char            *old_value; /* effective values, canonical */
  char            *new_value;
} PhonesetConfigChange;

/**
 * PhonesetConfigWarning:
 * @line: the file's line, or 0
 * @setting: (nullable): the setting concerned, if any
 * @message: what was odd, in words for the user (no password in it)
 *
 * Something a file held that was kept but not read.
 */
typedef struct
{
  guint line;
  char *setting;
  char *message;
} PhonesetConfigWarning;

typedef enum
{
  PHONESET_FILE_NAME_COMMON,
  PHONESET_FILE_NAME_MAC,
  PHONESET_FILE_NAME_CUSTOM,
} PhonesetFileNaming;

/**
 * PhonesetExportReport:
 * @written: ids of the settings written
 * @secrets_left_out: ids of passwords left out (no --include-secrets)
 * @not_in_file: ids of settings the file format cannot carry (setup sheet only)
 * @unconfirmed: ids written with an unconfirmed key or value
 */
typedef struct
{
  GPtrArray *written;
  GPtrArray *secrets_left_out;
  GPtrArray *not_in_file;
  GPtrArray *unconfirmed;
} PhonesetExportReport;

#define PHONESET_TYPE_CONFIG (phoneset_config_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetConfig, phoneset_config, PHONESET, CONFIG, GObject)

PhonesetConfig       *phoneset_config_new                 (PhonesetProfile      *profile);
PhonesetConfig       *phoneset_config_copy                (PhonesetConfig       *self);
PhonesetProfile      *phoneset_config_get_profile         (PhonesetConfig       *self);
gboolean              phoneset_config_set                 (PhonesetConfig       *self,
                                                           const char           *id,
                                                           const char           *text,
                                                           GError              **error);
void                  phoneset_config_unset               (PhonesetConfig       *self,
                                                           const char           *id);
const char           *phoneset_config_get                 (PhonesetConfig       *self,
                                                           const char           *id);
const char           *phoneset_config_get_effective       (PhonesetConfig       *self,
                                                           const char           *id);
GPtrArray            *phoneset_config_list_set            (PhonesetConfig       *self);
const char * const   *phoneset_config_get_unknown         (PhonesetConfig       *self);
const char * const   *phoneset_config_get_unknown_unmasked (PhonesetConfig      *self);
GPtrArray            *phoneset_config_get_warnings        (PhonesetConfig       *self);
const char           *phoneset_config_get_invalid         (PhonesetConfig       *self,
                                                           const char           *id);
void                  phoneset_config_warning_free        (PhonesetConfigWarning *warning);
GPtrArray            *phoneset_config_diff                (PhonesetConfig       *old_config,
                                                           PhonesetConfig       *new_config);
void                  phoneset_config_change_free         (PhonesetConfigChange *change);
JsonNode             *phoneset_config_to_json             (PhonesetConfig       *self,
                                                           gboolean              include_secrets);
PhonesetConfig       *phoneset_config_new_from_json       (GPtrArray            *profiles,
                                                           JsonNode             *node,
                                                           GError              **error);
gboolean              phoneset_config_save                (PhonesetConfig       *self,
                                                           const char           *path,
                                                           GError              **error);
PhonesetConfig       *phoneset_config_load                (GPtrArray            *profiles,
                                                           const char           *path,
                                                           GError              **error);

PhonesetConfig       *phoneset_config_new_from_document   (PhonesetProfile      *profile,
                                                           PhonesetCfgDocument  *document,
                                                           GError              **error);
void                  phoneset_config_apply_to_document   (PhonesetConfig       *self,
                                                           PhonesetCfgDocument  *document,
                                                           gboolean              include_secrets,
                                                           PhonesetExportReport *report);
char                 *phoneset_profile_dup_file_name      (PhonesetProfile      *profile,
                                                           PhonesetFileNaming    naming,
                                                           const char           *model,
                                                           const char           *mac,
                                                           const char           *custom,
                                                           GError              **error);

void                  phoneset_export_report_init         (PhonesetExportReport *report);
void                  phoneset_export_report_clear        (PhonesetExportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhonesetConfigChange, phoneset_config_change_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PhonesetExportReport, phoneset_export_report_clear)

G_END_DECLS
