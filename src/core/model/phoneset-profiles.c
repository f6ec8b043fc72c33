/* phoneset-profiles.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choosing among profiles: the one with an id, the one for a vendor (and
 * model), the one for a vendor file. Reading them is PhonesetCatalog's
 * (phoneset-catalog.c), the only reader of the profile folders.
 */

#define G_LOG_DOMAIN "phoneset-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-mac.h"
#include "phoneset-profile-private.h"

/* Finding a profile ----------------------------------------------------- */

/**
 * phoneset_profiles_find:
 * @profiles: (element-type PhonesetProfile): profiles
 * @id: a profile id
 *
 * Returns: (transfer none) (nullable): the profile with @id
 */
PhonesetProfile *
phoneset_profiles_find (GPtrArray  *profiles,
                        const char *id)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, i);

      if (g_strcmp0 (profile->id, id) == 0)
        return profile;
    }
  return NULL;
}

/* Whether @newer is a later generation of @older's phones. */
static gboolean
supersedes (PhonesetProfile *newer,
            PhonesetProfile *older)
{
  const char *const *ids = phoneset_profile_get_supersedes (newer);

  return ids != NULL && g_strv_contains (ids, phoneset_profile_get_id (older));
}

/**
 * phoneset_profiles_find_for_vendor:
 * @profiles: (element-type PhonesetProfile): the known profiles
 * @vendor: the phone's vendor, any case (`yealink`, `PLANET`)
 * @model: (nullable): the phone's model, if known
 * @error: a location for a #GError
 *
 * The profile to talk to a phone of which only the vendor (and perhaps the
 * model) is known: the vendor's profile that lists @model, else the
 * vendor's profile with an Active URI description that no other one
 * supersedes (the newest firmware generation).
 *
 * Returns: (transfer none): the profile, or %NULL with
 *   %PHONESET_ERROR_NOT_FOUND or %PHONESET_ERROR_UNSUPPORTED (the model's
 *   profile knows no remote control)
 */
PhonesetProfile *
phoneset_profiles_find_for_vendor (GPtrArray   *profiles,
                                   const char  *vendor,
                                   const char  *model,
                                   GError     **error)
{
  PhonesetProfile *best = NULL;

  g_return_val_if_fail (profiles != NULL, NULL);
  g_return_val_if_fail (vendor != NULL, NULL);

  for (guint i = 0; model != NULL && i < profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, i);

      if (g_ascii_strcasecmp (phoneset_profile_get_vendor (profile), vendor) != 0 ||
          phoneset_profile_find_model (profile, model) == NULL)
        continue;
      if (phoneset_profile_get_active_uri (profile) == NULL)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                       _("The %s has no known remote control interface (Active URI): use its own keypad and web "
                         "page."),
                          phoneset_profile_get_title (profile));
          return NULL;
        }
      return profile;
    }
  for (guint i = 0; i < profiles->len; i++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, i);

      if (g_ascii_strcasecmp (phoneset_profile_get_vendor (profile), vendor) != 0 ||
          phoneset_profile_get_active_uri (profile) == NULL)
        continue;
      if (best == NULL || supersedes (profile, best) ||
          (!supersedes (best, profile) &&
           g_strcmp0 (phoneset_profile_get_id (profile), phoneset_profile_get_id (best)) < 0))
        best = profile;
    }
  if (best == NULL)
    g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND,
                 _("No phone profile of vendor “%s” describes Active URI: give the phone's profile with --profile "
                   "(see “phoneset profiles”)."),
                    vendor);
  return best;
}

/* Choosing a profile for a vendor file ------------------------------------ */

/* How many of the file's keys the profile reads, or -1 for another format. */
static int
count_hits (PhonesetProfile     *profile,
            PhonesetCfgDocument *document)
{
  PhonesetCfgFormat format = phoneset_cfg_document_get_format (document);
  GPtrArray        *settings = phoneset_profile_get_settings (profile);
  int               hits = 0;

  if (!phoneset_profile_reads_format (profile, format))
    return -1;
  for (guint j = 0; j < settings->len; j++)
    {
      PhonesetCfgKey key;

      for (guint k = 0;
           phoneset_setting_get_cfg_key (g_ptr_array_index (settings, j), format, k, &key); k++)
        if (phoneset_cfg_document_lookup_entry (document, &key) != NULL)
          hits++;
    }
  return hits;
}

/* How well a file's name points at a profile: its common file, a MAC of
 * the vendor's, or the vendor's name. */
static guint
name_score (PhonesetProfile *profile,
            const char      *file_name)
{
  g_autofree char   *base = NULL;
  g_autofree char   *lower = NULL;
  g_autofree char   *vendor = NULL;
  GPtrArray         *models = phoneset_profile_get_models (profile);
  const char *const *prefixes = phoneset_profile_get_mac_prefixes (profile);
  guint8             mac[PHONESET_MAC_LEN];
  char              *dot;

  if (file_name == NULL)
    return 0;
  base = g_path_get_basename (file_name);
  for (guint i = 0; i < models->len; i++)
    {
      const char *common = ((PhonesetModel *)g_ptr_array_index (models, i))->common_file;

      if (common != NULL && g_ascii_strcasecmp (common, base) == 0)
        return 3;
    }
  dot = strrchr (base, '.');
  if (dot != NULL)
    *dot = '\0';
  if (phoneset_mac_parse (base, mac, NULL))
    {
      g_autofree char *oui = phoneset_mac_oui (mac);

      for (guint i = 0; prefixes[i] != NULL; i++)
        if (g_ascii_strcasecmp (prefixes[i], oui) == 0)
          return 2;
    }
  lower = g_ascii_strdown (base, -1);
  vendor = g_ascii_strdown (phoneset_profile_get_vendor (profile), -1);
  return strstr (lower, vendor) != NULL ? 1 : 0;
}

/* A model of @profile named @name, as a user writes it: any case, with or
 * without the vendor's prefix (“T46S” for “SIP-T46S”). */
static const PhonesetModel *
find_model_loosely (PhonesetProfile *profile,
                    const char      *name)
{
  GPtrArray *models = phoneset_profile_get_models (profile);

  if (name == NULL)
    return NULL;
  for (guint i = 0; i < models->len; i++)
    {
      PhonesetModel *model = g_ptr_array_index (models, i);
      gsize          n = strlen (model->name), m = strlen (name);

      if (g_ascii_strcasecmp (model->name, name) == 0 ||
          (n > m && model->name[n - m - 1] == '-' &&
           g_ascii_strcasecmp (model->name + n - m, name) == 0))
        return model;
    }
  return NULL;
}

/* The model whose common file @file_name is, if any. */
static const PhonesetModel *
common_file_model (PhonesetProfile *profile,
                   const char      *file_name)
{
  GPtrArray       *models = phoneset_profile_get_models (profile);
  g_autofree char *base = NULL;

  if (file_name == NULL)
    return NULL;
  base = g_path_get_basename (file_name);
  for (guint i = 0; i < models->len; i++)
    {
      PhonesetModel *model = g_ptr_array_index (models, i);

      if (model->common_file != NULL && g_ascii_strcasecmp (model->common_file, base) == 0)
        return model;
    }
  return NULL;
}

/* How many of the file's keys start with a prefix the profile's firmware
 * does not read (another generation's). */
static guint
count_foreign (PhonesetProfile     *profile,
               PhonesetCfgDocument *document)
{
  const char *const *prefixes = phoneset_profile_get_foreign_key_prefixes (profile);
  guint              n = 0;

  if (prefixes[0] == NULL)
    return 0;
  for (guint i = 0; i < phoneset_cfg_document_get_n_entries (document); i++)
    {
      const char *key = phoneset_cfg_document_get_entry (document, i)->key;

      for (guint j = 0; key != NULL && prefixes[j] != NULL; j++)
        if (g_str_has_prefix (key, prefixes[j]))
          {
            n++;
            break;
          }
    }
  return n;
}

/* What points a file at one profile, strongest first. */
typedef struct
{
  PhonesetProfile     *profile;
  int                  hits;    /* of the file's keys it reads, -1 for another format */
  guint                foreign; /* of the file's keys of another generation */
  const PhonesetModel *named;   /* the model the user named */
  const PhonesetModel *common;  /* the model whose common file the name is */
  guint                name;    /* the name's MAC or vendor */
} Hints;

/* Negative if @a points at its profile more strongly than @b. */
static int
compare_hints (const Hints *a,
               const Hints *b)
{
  if (a->hits != b->hits)
    return a->hits > b->hits ? -1 : 1;
  if (a->foreign != b->foreign)
    return a->foreign < b->foreign ? -1 : 1;
  if ((a->named != NULL) != (b->named != NULL))
    return a->named != NULL ? -1 : 1;
  if ((a->common != NULL) != (b->common != NULL))
    return a->common != NULL ? -1 : 1;
  if (a->name != b->name)
    return a->name > b->name ? -1 : 1;
  if (supersedes (a->profile, b->profile))
    return -1;
  if (supersedes (b->profile, a->profile))
    return 1;
  return 0;
}

/**
 * phoneset_profiles_guess_for_document:
 * @profiles: (element-type PhonesetProfile): the known profiles
 * @document: a vendor file
 * @file_name: (nullable): the file's name, to tell apart profiles whose
 *   files look alike (PLANET phones run Fanvil firmware)
 * @also: (nullable) (element-type PhonesetProfile): the other profiles that
 *   read the file as well are appended here
 *
 * As phoneset_profiles_choose_for_document() without a model and without
 * the reason.
 *
 * Returns: (transfer none) (nullable): the best profile
 */
PhonesetProfile *
phoneset_profiles_guess_for_document (GPtrArray           *profiles,
                                      PhonesetCfgDocument *document,
                                      const char          *file_name,
                                      GPtrArray           *also)
{
  return phoneset_profiles_choose_for_document (profiles, document, file_name, NULL, NULL, also);
}

/**
 * phoneset_profiles_choose_for_document:
 * @profiles: (element-type PhonesetProfile): the known profiles
 * @document: a vendor file
 * @file_name: (nullable): the file's name
 * @model: (nullable): the phone's model, if the user named it
 * @reason: (out) (optional) (transfer full): why that profile, in one
 *   sentence for the user
 * @also: (nullable) (element-type PhonesetProfile): the other profiles that
 *   read as many of the file's keys are appended here
 *
 * The profile for a file, from every hint there is: the keys of the file
 * each profile reads (the Yealink generations differ by their “static.”
 * keys), then among those that read as many, the model the user named, the
 * fewest keys of another firmware generation (“foreign_key_prefixes”:
 * `network.*` is not a V8x Yealink's), the model the user named, the model
 * whose common file the name is (y000000000066.cfg), a MAC of the vendor's
 * or the vendor's name in the file name, and last the profile of the newer
 * firmware (“supersedes”).
 *
 * Returns: (transfer none) (nullable): the best profile, or %NULL when
 *   none reads the file's format and none is pointed at
 */
PhonesetProfile *
phoneset_profiles_choose_for_document (GPtrArray            *profiles,
                                       PhonesetCfgDocument  *document,
                                       const char           *file_name,
                                       const char           *model,
                                       char                **reason,
                                       GPtrArray            *also)
{
  g_autofree Hints *hints = g_new0 (Hints, profiles->len);
  Hints            *best = NULL;
  Hints            *runner = NULL;
  Hints            *tied = NULL;
  g_autofree char  *base = file_name ? g_path_get_basename (file_name) : NULL;

  for (guint i = 0; i < profiles->len; i++)
    {
      Hints *h = &hints[i];

      h->profile = g_ptr_array_index (profiles, i);
      h->hits = count_hits (h->profile, document);
      /* A file of the format none of whose keys a profile reads is
       * still the phone's: all its lines are kept, as unknown. */
      if (h->hits < 0)
        continue;
      h->foreign = count_foreign (h->profile, document);
      h->named = find_model_loosely (h->profile, model);
      h->common = common_file_model (h->profile, file_name);
      h->name = name_score (h->profile, file_name);
      if (best == NULL || compare_hints (h, best) < 0)
        best = h;
    }
  if (best == NULL)
    {
      if (reason != NULL)
        *reason = NULL;
      return NULL;
    }

  for (guint i = 0; i < profiles->len; i++)
    {
      Hints *h = &hints[i];

      if (h == best || h->hits < 0)
        continue;
      if (h->hits == best->hits)
        {
          if (tied == NULL)
            tied = h;
          if (also != NULL)
            g_ptr_array_add (also, h->profile);
        }
      else if (runner == NULL || h->hits > runner->hits)
        runner = h;
    }

  if (reason != NULL)
    {
      const char *id = phoneset_profile_get_id (best->profile);
      const char *other = tied ? phoneset_profile_get_id (tied->profile) : NULL;

      if (best->hits == 0)
        *reason = g_strdup_printf (_("profile %s: no profile reads any of the file’s settings; all its lines are kept as they are"),
                                      id);
      else if (tied == NULL && runner != NULL && runner->hits > 0)
        *reason =
          g_strdup_printf (_("profile %s: it reads %d of the file’s settings, %s reads %d"), id,
                              best->hits, phoneset_profile_get_id (runner->profile), runner->hits);
      else if (tied == NULL)
        *reason = g_strdup_printf (
          _("profile %s: the only one that reads the file’s settings (%d)"), id, best->hits);
      else if (best->foreign < tied->foreign)
        *reason = g_strdup_printf (
          g_dngettext (
            GETTEXT_PACKAGE,
            "profile %s: %s reads the file’s settings as well, but %u of the file’s keys is "
            "of another firmware generation than %s’s",
            "profile %s: %s reads the file’s settings as well, but %u of the file’s keys are "
            "of another firmware generation than %s’s",
            tied->foreign),
          id, other, tied->foreign, other);
      else if ((best->named != NULL) != (tied->named != NULL))
        *reason = g_strdup_printf (
          _("profile %s: the model %s was named (%s reads the file’s settings as well)"), id,
             best->named->name, other);
      else if ((best->common != NULL) != (tied->common != NULL))
        *reason = g_strdup_printf (_("profile %s: the file name %s is the %s common file (%s reads the file’s settings as well)"),
                                      id, base, best->common->name, other);
      else if (best->name > tied->name)
        *reason = g_strdup_printf (_("profile %s: the file name %s points at it (%s reads the file’s settings as well; --profile or --model chooses)"),
                                      id, base, other);
      else if (supersedes (best->profile, tied->profile))
        *reason = g_strdup_printf (_("profile %s: %s reads the file’s settings as well, and nothing in the file tells them apart; "
                                     "%s is the newer firmware (--profile or --model chooses)"),
                                      id, other, id);
      else
        *reason = g_strdup_printf (_("profile %s: %s reads the file’s settings as well, and nothing in the file tells them apart "
                                     "(--profile or --model chooses)"),
                                      id, other);
    }
  return best->profile;
}
