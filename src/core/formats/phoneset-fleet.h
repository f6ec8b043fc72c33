/* phoneset-fleet.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-config.h"

G_BEGIN_DECLS

/* Larger phone lists are refused: 16 MiB is far above 100,000 phones. */
#define PHONESET_CSV_MAX_SIZE (16 * 1024 * 1024)

/**
 * PhonesetCsvRow:
 * @line: the 1-based line the record starts on
 * @fields: the fields, unquoted
 */
typedef struct
{
  guint  line;
  char **fields;
} PhonesetCsvRow;

/**
 * PhonesetFleetProblem:
 * @line: the CSV line (1 is the header)
 * @column: (nullable): the column's name
 * @message: what is wrong, as a sentence for the user
 */
typedef struct
{
  guint  line;
  char  *column;
  char  *message;
} PhonesetFleetProblem;

/**
 * PhonesetFleetPhone:
 * @line: the CSV line
 * @mac: 12 lower-case hex digits
 * @name: (nullable): the `name` column
 * @values: (element-type utf8 utf8): setting id → the phone's own value
 *   (only cells that are not empty)
 */
typedef struct
{
  guint       line;
  char       *mac;
  char       *name;
  GHashTable *values;
} PhonesetFleetPhone;

typedef struct _PhonesetFleet PhonesetFleet;

/**
 * PhonesetFleetOptions:
 * @model: (nullable): the model, which names the common file
 * @server_url: (nullable): where the phones will find the files, for the README
 * @include_secrets: write passwords into the files
 */
typedef struct
{
  const char *model;
  const char *server_url;
  gboolean    include_secrets;
} PhonesetFleetOptions;

#define PHONESET_FLEET_SERVER_PLACEHOLDER "http://PROVISIONING-SERVER"

GPtrArray             *phoneset_csv_parse             (const char                 *data,
                                                       gsize                       len,
                                                       GError                    **error);
void                   phoneset_csv_row_free          (PhonesetCsvRow             *row);

PhonesetFleet         *phoneset_fleet_parse           (PhonesetConfig             *common,
                                                       const char                 *data,
                                                       gsize                       len,
                                                       GError                    **error);
void                   phoneset_fleet_free            (PhonesetFleet              *self);
PhonesetConfig        *phoneset_fleet_get_common      (PhonesetFleet              *self);
GPtrArray             *phoneset_fleet_get_columns     (PhonesetFleet              *self);
GPtrArray             *phoneset_fleet_get_phones      (PhonesetFleet              *self);
GPtrArray             *phoneset_fleet_get_problems    (PhonesetFleet              *self);
gboolean               phoneset_fleet_check           (PhonesetFleet              *self,
                                                       const char                 *source,
                                                       GError                    **error);
gboolean               phoneset_fleet_render          (PhonesetFleet              *self,
                                                       const PhonesetFleetOptions *options,
                                                       GPtrArray                  *names,
                                                       GPtrArray                  *contents,
                                                       GError                    **error);

char                  *phoneset_fleet_readme          (PhonesetProfile            *profile,
                                                       const char                 *common_file,
                                                       GPtrArray                  *phones,
                                                       GPtrArray                  *mac_files,
                                                       const char                 *server_url);
char                  *phoneset_fleet_pnp_url         (GPtrArray                  *profiles,
                                                       const char                 *directory,
                                                       const char                 *base_url,
                                                       const char                 *mac,
                                                       const char                 *vendor);
char                  *phoneset_fleet_pnp_url_served  (GPtrArray                  *profiles,
                                                       const char                 *dir,
                                                       const char                 *listen_address,
                                                       guint16                     port,
                                                       const char                 *mac,
                                                       const char                 *phone_address,
                                                       const char                 *vendor);
char                  *phoneset_fleet_mac_from_request (const char                *path,
                                                       const char                 *user_agent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhonesetCsvRow, phoneset_csv_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhonesetFleet, phoneset_fleet_free)

G_END_DECLS
