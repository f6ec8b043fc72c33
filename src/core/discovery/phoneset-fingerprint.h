/* phoneset-fingerprint.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  PHONESET_FINGERPRINT_SOURCE_SIP  = 1 << 0, /* SIP User-Agent / Server */
  PHONESET_FINGERPRINT_SOURCE_HTTP = 1 << 1, /* HTTP Server, realm, page title */
  PHONESET_FINGERPRINT_SOURCE_ANY  = PHONESET_FINGERPRINT_SOURCE_SIP | PHONESET_FINGERPRINT_SOURCE_HTTP,
} PhonesetFingerprintSource;

typedef struct
{
  char *vendor;
  char *profile_id;
  char *model;    /* NULL when the pattern has no “model” group or it is empty */
  char *firmware;
  char *mac;      /* 00:15:65:4a:a9:37 */
} PhonesetFingerprintMatch;

#define PHONESET_TYPE_FINGERPRINT_RULES (phoneset_fingerprint_rules_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetFingerprintRules, phoneset_fingerprint_rules, PHONESET, FINGERPRINT_RULES, GObject)

PhonesetFingerprintRules *phoneset_fingerprint_rules_new                  (void);
gboolean                  phoneset_fingerprint_rules_add_from_json        (PhonesetFingerprintRules   *self,
                                                                           const char                 *vendor,
                                                                           const char                 *profile_id,
                                                                           JsonArray                  *user_agents,
                                                                           GError                    **error);
gboolean                  phoneset_fingerprint_rules_add_mac_prefixes     (PhonesetFingerprintRules   *self,
                                                                           const char                 *vendor,
                                                                           const char                 *profile_id,
                                                                           JsonArray                  *mac_prefixes,
                                                                           GError                    **error);
gboolean                  phoneset_fingerprint_rules_add_profile          (PhonesetFingerprintRules   *self,
                                                                           const char                 *profile_id,
                                                                           JsonObject                 *profile,
                                                                           GError                    **error);
guint                     phoneset_fingerprint_rules_get_n_rules          (PhonesetFingerprintRules   *self);
gboolean                  phoneset_fingerprint_rules_match                (PhonesetFingerprintRules   *self,
                                                                           const char                 *text,
                                                                           PhonesetFingerprintSource   source,
                                                                           PhonesetFingerprintMatch   *match);
const char               *phoneset_fingerprint_rules_lookup_mac           (PhonesetFingerprintRules   *self,
                                                                           const guint8               *mac,
                                                                           const char                **profile_id);
const char               *phoneset_fingerprint_rules_vendor_for_name      (PhonesetFingerprintRules   *self,
                                                                           const char                 *name);
void                      phoneset_fingerprint_match_clear                (PhonesetFingerprintMatch   *match);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PhonesetFingerprintMatch, phoneset_fingerprint_match_clear)

G_END_DECLS
