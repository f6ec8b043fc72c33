/* phoneset-export.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phoneset-config.h"

G_BEGIN_DECLS

typedef struct
{
  PhonesetFileNaming   naming;
  const char          *model;   /* common file */
  const char * const  *macs;    /* MAC files (one per MAC), or the phone for a setup sheet */
  const char          *custom;  /* custom name */
  GBytes              *base;    /* the vendor file to edit in place, or NULL */
  gboolean             include_secrets;
} PhonesetExportOptions;

gboolean phoneset_export_render (PhonesetConfig              *config,
                                 const PhonesetExportOptions *options,
                                 GPtrArray                   *names,
                                 GPtrArray                   *contents,
                                 PhonesetExportReport        *report,
                                 GError                     **error);

G_END_DECLS
