/* phoneset-cert-pins.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PHONESET_TYPE_CERT_PINS (phoneset_cert_pins_get_type ())

G_DECLARE_FINAL_TYPE (PhonesetCertPins, phoneset_cert_pins, PHONESET, CERT_PINS, GObject)

PhonesetCertPins *phoneset_cert_pins_new         (const char        *path);
char             *phoneset_cert_pins_default_path (void);
char             *phoneset_cert_fingerprint      (GTlsCertificate   *certificate);
gboolean          phoneset_cert_pins_check       (PhonesetCertPins  *self,
                                                  const char        *peer,
                                                  GTlsCertificate   *certificate,
                                                  GError           **error);
const char       *phoneset_cert_pins_lookup      (PhonesetCertPins  *self,
                                                  const char        *peer);
void              phoneset_cert_pins_forget      (PhonesetCertPins  *self,
                                                  const char        *peer);

G_END_DECLS
