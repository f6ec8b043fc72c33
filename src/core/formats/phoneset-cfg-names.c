/* phoneset-cfg-names.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the codecs' files are called for people: the vendor families whose
 * provisioning files Phoneset reads, for help texts and for the error of a
 * file no codec recognises. Outside the codecs no C file names a vendor
 * (tests/check-vendor-free.py); the front ends take these words from here.
 */

#define G_LOG_DOMAIN "phoneset-cfg"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-cfg.h"

/**
 * phoneset_cfg_get_families:
 *
 * Returns: the vendor families whose files the codecs read, as a list in a
 *   sentence ("Yealink, Fanvil/PLANET, snom, Poly or Grandstream")
 */
const char *
phoneset_cfg_get_families (void)
{
  /* Translators: the vendor families whose provisioning files Phoneset
   * reads; used in "Reads a %s provisioning file". */
  return _("Yealink, Fanvil/PLANET, snom, Poly or Grandstream");
}

/**
 * phoneset_cfg_dup_unknown_format_message:
 * @name: the file's name, as the user gave it
 *
 * The command line's one-line error for a file that no codec recognises,
 * with the first line each family's files start with.
 *
 * Returns: (transfer full): the message
 */
char *
phoneset_cfg_dup_unknown_format_message (const char *name)
{
  return g_strdup_printf (
    _("%s: line 1: not a Yealink (#!version:1.0.0.1), Fanvil/PLANET (<<VOIP "
                            "CONFIG FILE>>), snom (<settings>), Poly (<polycomConfig>) or Grandstream "
                            "(<gs_provision>) provisioning file"),
       name);
}

/**
 * phoneset_cfg_dup_not_provisioning_file:
 * @name: the file's name
 *
 * The window's sentence for a file that no codec recognises.
 *
 * Returns: (transfer full): the message
 */
char *
phoneset_cfg_dup_not_provisioning_file (const char *name)
{
  return g_strdup_printf (
    _("%s is not a Yealink, Fanvil/PLANET, snom, Poly or Grandstream provisioning file."), name);
}
