/* phoneset-profile-parse-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser's state and the strict JSON reading helpers, shared by
 * phoneset-profile-parse.c and phoneset-profile-parse-setting.c. Each
 * helper fails with an error that names the place in the file (Ctx).
 */

#pragma once

#include "phoneset-profile-private.h"

G_BEGIN_DECLS

#define MAX_LINES 16

typedef struct
{
  const char *where; /* e.g. "pages[0].groups[1].settings[2] (nat.stun.port)" */
} Ctx;

/* phoneset-profile-parse.c */
G_GNUC_PRINTF (3, 4)
gboolean    _phoneset_profile_fail                (Ctx               *ctx,
                                                   GError           **error,
                                                   const char        *format,
                                                   ...);
gboolean    _phoneset_profile_json_check_members  (JsonObject        *object,
                                                   const char       **allowed,
                                                   Ctx               *ctx,
                                                   GError           **error);
gboolean    _phoneset_profile_json_get_string     (JsonObject        *object,
                                                   const char        *member,
                                                   gboolean           required,
                                                   char             **out,
                                                   Ctx               *ctx,
                                                   GError           **error);
gboolean    _phoneset_profile_json_get_strv       (JsonObject        *object,
                                                   const char        *member,
                                                   gboolean           required,
                                                   char            ***out,
                                                   Ctx               *ctx,
                                                   GError           **error);
gboolean    _phoneset_profile_json_get_int        (JsonObject        *object,
                                                   const char        *member,
                                                   gboolean           required,
                                                   gboolean          *present,
                                                   gint64            *out,
                                                   Ctx               *ctx,
                                                   GError           **error);
gboolean    _phoneset_profile_json_get_bool       (JsonObject        *object,
                                                   const char        *member,
                                                   gboolean           fallback,
                                                   gboolean          *out,
                                                   Ctx               *ctx,
                                                   GError           **error);
JsonArray  *_phoneset_profile_json_get_array      (JsonObject        *object,
                                                   const char        *member,
                                                   Ctx               *ctx,
                                                   GError           **error);
JsonObject *_phoneset_profile_json_element_object (JsonArray         *array,
                                                   guint              i,
                                                   Ctx               *ctx,
                                                   GError           **error);
const char *_phoneset_profile_translate           (const char        *text);
void        _phoneset_profile_translate_in_place  (char             **text);

/* phoneset-profile-parse-setting.c */
gboolean    _phoneset_profile_parse_setting       (PhonesetProfile   *self,
                                                   PhonesetPage      *page,
                                                   PhonesetGroup     *group,
                                                   JsonObject        *object,
                                                   Ctx               *outer,
                                                   GError           **error);

G_END_DECLS
