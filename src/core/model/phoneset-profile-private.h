/* phoneset-profile-private.h
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inside of PhonesetProfile and PhonesetSetting, shared by their parts.
 * Nothing outside src/core/phoneset-profile*.c, phoneset-profiles.c and
 * phoneset-setting.c includes it.
 *
 *  phoneset-profile.c               the GObject, its constructors and getters
 *  phoneset-profile-parse.c         the strict JSON reading; the profile's
 *                                   root, models and pages
 *  phoneset-profile-parse-setting.c a setting and how each format writes it
 *  phoneset-setting.c               a setting's getters and values
 *  phoneset-profiles.c              finding and choosing a profile
 */

#pragma once

#include "phoneset-profile.h"

G_BEGIN_DECLS

typedef struct
{
  char    *section;
  char    *list;
  char    *name;
  int      idx;
  guint    line;        /* the line the key is for, 0 for none */
  gboolean alternative; /* another place the phone reads the value from */
} WriteKey;

typedef struct
{
  GPtrArray  *keys; /* WriteKey: one, or one per line with "all_lines" */
  GHashTable *map;  /* canonical → file value; "{id}" stands for another setting's value */
  char       *transform;
} SettingWrite;

struct _PhonesetSetting
{
  char               *id;
  PhonesetSettingType type;
  char               *title;
  char               *help;
  char               *default_value;
  gint64              min;
  gint64              max;
  char               *unit;
  GPtrArray          *enum_values; /* PhonesetEnumValue */
  gboolean            reboot;
  char              **menu_path;
  char               *keypad;
  char               *confidence;
  char               *note;
  char               *source;         /* where its menu path, default and range come from */
  char               *default_source; /* where the default does, if elsewhere */
  char               *range_source;   /* where min and max do, if elsewhere */
  GHashTable         *writes;         /* format name → SettingWrite */
  PhonesetPage       *page;
};

struct _PhonesetProfile
{
  GObject     parent_instance;

  char       *id;
  char       *vendor;
  char       *title;
  char       *description;
  GPtrArray  *models; /* PhonesetModel */
  char      **mac_prefixes;
  char      **formats;
  char      **supersedes;       /* profiles of older firmware of the same phones */
  char      **foreign_prefixes; /* key prefixes of other generations' files */
  char       *mac_file;
  guint       lines;
  char      **notes;
  JsonNode   *user_agents;
  JsonNode   *active_uri;
  PhonesetPnpUrl pnp_url;    /* what a SIP PnP answer points at */
  char      **pnp_vendors;   /* SUBSCRIBE vendor strings answered */
  char       *pnp_url_macro; /* the MAC macro the phones expand in a URL */
  char       *no_remote_control; /* why there is none, with active_uri NULL */
  GPtrArray  *pages;    /* PhonesetPage */
  GPtrArray  *settings; /* PhonesetSetting, owned, menu order */
  GHashTable *by_id;
};

/* phoneset-profile.c */
void          _phoneset_group_free               (gpointer             data);

/* phoneset-profile-parse.c */
gboolean      _phoneset_profile_parse_root       (PhonesetProfile     *self,
                                                  JsonNode            *root_node,
                                                  const char          *expected_id,
                                                  GError             **error);

/* phoneset-setting.c */
void          _phoneset_write_key_free           (gpointer             data);
void          _phoneset_setting_write_free       (gpointer             data);
void          _phoneset_enum_value_free          (gpointer             data);
void          _phoneset_setting_free             (gpointer             data);
SettingWrite *_phoneset_setting_lookup_write     (PhonesetSetting     *self,
                                                  PhonesetCfgFormat    format);
gboolean      _phoneset_setting_type_from_string (const char          *text,
                                                  PhonesetSettingType *type);

G_END_DECLS
