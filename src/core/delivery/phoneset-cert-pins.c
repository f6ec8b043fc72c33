/* phoneset-cert-pins.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trust on first use for the phones' HTTPS certificates: phones ship
 * self-signed certificates, so the first one a phone shows is pinned (its
 * SHA-256) per "host:port", and a different one later stops the request
 * until the user says the change is expected. The pins live in a small JSON
 * file ({ "host:port": { "sha256": "...", "pinned": "ISO 8601" } }), by
 * default $XDG_DATA_HOME/phoneset/pins.json.
 */

#define G_LOG_DOMAIN "phoneset-cert-pins"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "phoneset-cert-pins.h"
#include "phoneset-error.h"
#include "phoneset-file.h"
#include "phoneset-paths.h"

struct _PhonesetCertPins
{
  GObject     parent_instance;

  char       *path; /* NULL: in memory only */
  JsonObject *pins;
};

G_DEFINE_FINAL_TYPE (PhonesetCertPins, phoneset_cert_pins, G_TYPE_OBJECT)

static void
phoneset_cert_pins_finalize (GObject *object)
{
  PhonesetCertPins *self = (PhonesetCertPins *)object;

  g_free (self->path);
  g_clear_pointer (&self->pins, json_object_unref);

  G_OBJECT_CLASS (phoneset_cert_pins_parent_class)->finalize (object);
}

static void
phoneset_cert_pins_class_init (PhonesetCertPinsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_cert_pins_finalize;
}

static void
phoneset_cert_pins_init (PhonesetCertPins *self)
{
}

char *
phoneset_cert_pins_default_path (void)
{
  g_autofree char *dir = phoneset_paths_data_dir ();

  return g_build_filename (dir, "pins.json", NULL);
}

/**
 * phoneset_cert_pins_new:
 * @path: (nullable): the JSON file, or %NULL to keep the pins in memory
 *
 * Returns: (transfer full): the pin store; an unreadable file counts as empty
 */
PhonesetCertPins *
phoneset_cert_pins_new (const char *path)
{
  PhonesetCertPins *self = g_object_new (PHONESET_TYPE_CERT_PINS, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  self->path = g_strdup (path);
  if (path != NULL && json_parser_load_from_file (parser, path, NULL) &&
      json_parser_get_root (parser) != NULL &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    self->pins = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  else
    self->pins = json_object_new ();
  return self;
}

static void
save (PhonesetCertPins *self)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;

  if (self->path == NULL)
    return;
  root = json_node_init_object (json_node_alloc (), self->pins);
  text = json_to_string (root, TRUE);
  dir = g_path_get_dirname (self->path);
  g_mkdir_with_parents (dir, 0700);
  if (!phoneset_file_replace (self->path, text, strlen (text), 0600, &error))
    g_warning ("Could not save the certificate pins: %s", error->message);
}

/**
 * phoneset_cert_fingerprint:
 *
 * Returns: (transfer full): the SHA-256 of the certificate's DER, in hex
 */
char *
phoneset_cert_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return g_strdup ("");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
}

const char *
phoneset_cert_pins_lookup (PhonesetCertPins *self,
                           const char       *peer)
{
  JsonObject *pin;

  g_return_val_if_fail (PHONESET_IS_CERT_PINS (self), NULL);

  if (!json_object_has_member (self->pins, peer) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (self->pins, peer)))
    return NULL;
  pin = json_object_get_object_member (self->pins, peer);
  return json_object_get_string_member_with_default (pin, "sha256", NULL);
}

/**
 * phoneset_cert_pins_check:
 * @peer: "host:port" of the phone
 * @certificate: the certificate the phone showed
 * @error: a location for a #GError
 *
 * Pins @certificate when @peer has no pin yet.
 *
 * Returns: %TRUE if @certificate is the pinned one (or now pinned)
 */
gboolean
phoneset_cert_pins_check (PhonesetCertPins  *self,
                          const char        *peer,
                          GTlsCertificate   *certificate,
                          GError           **error)
{
  g_autofree char *fingerprint = NULL;
  const char      *pinned;

  g_return_val_if_fail (PHONESET_IS_CERT_PINS (self), FALSE);
  g_return_val_if_fail (peer != NULL, FALSE);
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), FALSE);

  fingerprint = phoneset_cert_fingerprint (certificate);
  pinned = phoneset_cert_pins_lookup (self, peer);
  if (pinned == NULL)
    {
      JsonObject *pin = json_object_new ();
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *when = g_date_time_format_iso8601 (now);

      json_object_set_string_member (pin, "sha256", fingerprint);
      json_object_set_string_member (pin, "pinned", when);
      json_object_set_object_member (self->pins, peer, pin);
      save (self);
      return TRUE;
    }
  if (g_str_equal (pinned, fingerprint))
    return TRUE;
  g_set_error (
    error, PHONESET_ERROR, PHONESET_ERROR_FAILED,
    _("The phone at %s shows a different HTTPS certificate (SHA-256 %.16s…) from the one it showed "
                 "first (%.16s…). If the phone was reset or replaced, accept the new certificate "
                 "(--trust-new-certificate); otherwise something may be between this computer and the phone."),
      peer, fingerprint, pinned);
  return FALSE;
}

void
phoneset_cert_pins_forget (PhonesetCertPins *self,
                           const char       *peer)
{
  g_return_if_fail (PHONESET_IS_CERT_PINS (self));

  if (json_object_has_member (self->pins, peer))
    {
      json_object_remove_member (self->pins, peer);
      save (self);
    }
}
