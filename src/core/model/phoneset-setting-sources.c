/* phoneset-setting-sources.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the user is told about where a setting's default and range come
 * from: the source a profile names for them, or that no vendor source
 * confirms them (a value the form needs, of the profile's own choosing).
 * The window's setting details and `phoneset profiles --json` say the same.
 */

#define G_LOG_DOMAIN "phoneset-setting-sources"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-setting-sources.h"

/**
 * phoneset_setting_has_range:
 * @self: a setting
 *
 * Returns: whether the profile gives the setting a range (an int's `min`
 *   and `max`, a port's other than 1–65535): a port's own 1–65535 is the
 *   type's, not a claim about the phone
 */
gboolean
phoneset_setting_has_range (PhonesetSetting *self)
{
  gint64 min = phoneset_setting_get_min (self);
  gint64 max = phoneset_setting_get_max (self);

  switch (phoneset_setting_get_value_type (self))
    {
    case PHONESET_SETTING_INT:
      return min != G_MININT64 || max != G_MAXINT64;
    case PHONESET_SETTING_PORT:
      return min != 1 || max != 65535;
    case PHONESET_SETTING_BOOL:
    case PHONESET_SETTING_ENUM:
    case PHONESET_SETTING_STRING:
    case PHONESET_SETTING_HOST:
    case PHONESET_SETTING_HOST_PORT:
    case PHONESET_SETTING_URL:
    case PHONESET_SETTING_PASSWORD:
    case PHONESET_SETTING_IP_LIST:
    case PHONESET_SETTING_MAC:
    default:
      return FALSE;
    }
}

/**
 * phoneset_setting_dup_default_remark:
 * @self: a setting
 *
 * Returns: (transfer full) (nullable): one sentence on the default's
 *   source, or %NULL when the setting has no default
 */
char *
phoneset_setting_dup_default_remark (PhonesetSetting *self)
{
  const char *source;

  if (phoneset_setting_get_default (self) == NULL)
    return NULL;
  source = phoneset_setting_get_default_source (self);
  if (source == NULL)
    return g_strdup (_("Default not confirmed by a vendor source"));
  return g_strdup_printf (_("Default from %s"), source);
}

/**
 * phoneset_setting_dup_range_remark:
 * @self: a setting
 *
 * Returns: (transfer full) (nullable): one sentence on the range's source,
 *   or %NULL when the setting has no range (phoneset_setting_has_range())
 */
char *
phoneset_setting_dup_range_remark (PhonesetSetting *self)
{
  const char *source;

  if (!phoneset_setting_has_range (self))
    return NULL;
  source = phoneset_setting_get_range_source (self);
  if (source == NULL)
    return g_strdup (_("Range not confirmed by a vendor source"));
  return g_strdup_printf (_("Range from %s"), source);
}
