/* test-profile.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile lint: every shipped profile loads under the strict loader
 * (ids, types, defaults within range, a menu path and a delivery for every
 * setting), the shared ids are there, and broken profiles are refused with
 * an error that says where.
 */

#include "config.h"

#include <string.h>

#include "phoneset-error.h"
#include "phoneset-fingerprint.h"
#include "phoneset-profile.h"
#include "phoneset-test-catalog.h"

static GPtrArray *
load_shipped (void)
{
  const char *dir = g_getenv ("PHONESET_PROFILES_DIR");
  const char *dirs[] = { dir, NULL };
  g_autoptr(GPtrArray) errors = NULL;
  GPtrArray *profiles;

  g_assert_nonnull (dir);
  profiles = phoneset_test_load_profiles (dirs, &errors);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("%s", ((GError *)g_ptr_array_index (errors, i))->message);
  g_assert_cmpuint (errors->len, ==, 0);
  return profiles;
}

static gboolean
is_id (const char *id)
{
  if (id[0] == '\0' || id[0] == '.' || g_str_has_suffix (id, "."))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '.' && *p != '_')
      return FALSE;
  return strstr (id, "..") == NULL;
}

static void
test_profiles_lint (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  const char *expected[] = { "fanvil",        "grandstream-alias", "grandstream-gxp",
                             "konftel-300ip", "planet-vip",        "poly-uc",
                             "snom",          "snom-c520",         "yealink-legacy",
                             "yealink-v8x" };

  g_assert_cmpuint (profiles->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < profiles->len; i++)
    {
      PhonesetProfile  *profile = g_ptr_array_index (profiles, i);
      GPtrArray        *settings = phoneset_profile_get_settings (profile);
      PhonesetCfgFormat format;
      gboolean          has_file = phoneset_profile_get_file_format (profile, &format);

      g_assert_cmpstr (phoneset_profile_get_id (profile), ==, expected[i]);
      g_assert_cmpuint (settings->len, >, 5);
      g_assert_cmpuint (phoneset_profile_get_models (profile)->len, >, 0);

      for (guint j = 0; j < settings->len; j++)
        {
          PhonesetSetting   *setting = g_ptr_array_index (settings, j);
          const char        *id = phoneset_setting_get_id (setting);
          const char *const *path = phoneset_setting_get_menu_path (setting);
          g_autofree char   *canonical = NULL;
          PhonesetCfgKey     key;

          if (!is_id (id))
            g_error ("%s: “%s” is not a setting id", phoneset_profile_get_id (profile), id);
          g_assert_true (phoneset_profile_lookup_setting (profile, id) == setting);
          g_assert_nonnull (path);
          g_assert_nonnull (path[0]);
          g_assert_cmpstr (phoneset_setting_get_title (setting), !=, "");
          g_assert_cmpstr (phoneset_setting_get_help (setting), !=, "");

          /* The default is valid, and it survives the way to the file and back. */
          g_assert_true (phoneset_setting_validate (setting, phoneset_setting_get_default (setting),
                                                    &canonical, NULL));
          g_assert_cmpstr (canonical, ==, phoneset_setting_get_default (setting));

          if (has_file && phoneset_setting_get_cfg_key (setting, format, 0, &key))
            {
              g_autofree char *file_value =
                phoneset_setting_to_file_value (setting, format, canonical);
              g_autofree char *back = NULL;
              g_autoptr(GError) error = NULL;

              if (phoneset_setting_get_map_reference (setting, format, canonical) == NULL)
                {
                  back = phoneset_setting_from_file_value (setting, format, file_value, &error);
                  g_assert_no_error (error);
                  g_assert_cmpstr (back, ==, canonical);
                }
              g_assert_nonnull (key.key);
            }
          else if (has_file)
            /* Not in the file: the user must be told why. */
            g_assert_nonnull (phoneset_setting_get_note (setting));

          if (g_str_equal (phoneset_setting_get_confidence (setting), "U"))
            g_assert_nonnull (phoneset_setting_get_note (setting));
        }
    }
}

static gboolean
any_profile_has (GPtrArray  *profiles,
                 const char *id)
{
  for (guint i = 0; i < profiles->len; i++)
    if (phoneset_profile_lookup_setting (g_ptr_array_index (profiles, i), id) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_profiles_shared_ids (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  const char *shared[] = {
    "nat.stun.server",
    "nat.stun.port",
    "nat.stun.refresh",
    "nat.ice.enable",
    "nat.turn.server",
    "nat.turn.port",
    "nat.turn.user",
    "nat.turn.password",
    "nat.keepalive.interval",
    "line.1.stun.enable",
    "line.1.rport",
    "line.1.number",
    "sip.port",
    "sip.tls_port",
    "vlan.enable",
    "vlan.id",
    "vlan.priority.sip",
    "vlan.priority.rtp",
    "qos.dscp.sip",
    "qos.dscp.rtp",
    "lldp.enable",
    "lldp.interval",
    "provisioning.pnp.enable",
    "provisioning.pnp.server",
    "provisioning.pnp.port",
    "provisioning.pnp.transport",
    "provisioning.pnp.interval",
    "provisioning.dhcp_option",
    "provisioning.server.url",
    "provisioning.server.user",
    "provisioning.server.password",
    "provisioning.server.protocol",
    "provisioning.update.mode",
    "provisioning.update.interval",
    "action_url.setup_completed",
    "action_url.incoming_call",
    "active_uri.allowed_ip",
  };

  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    if (!any_profile_has (profiles, shared[i]))
      g_error ("no profile has the shared setting “%s”", shared[i]);
}

static void
test_profiles_facts (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  PhonesetProfile  *konftel = phoneset_profiles_find (profiles, "konftel-300ip");
  PhonesetProfile  *planet = phoneset_profiles_find (profiles, "planet-vip");
  PhonesetProfile  *legacy = phoneset_profiles_find (profiles, "yealink-legacy");
  PhonesetProfile  *snom = phoneset_profiles_find (profiles, "snom");
  PhonesetSetting  *setting;
  g_autofree char  *path = NULL;
  g_autofree char  *tos = NULL;
  PhonesetCfgKey    key;
  PhonesetCfgFormat format;

  /* Konftel: the manual's menu path and keypad shortcut, setup sheet only. */
  g_assert_false (phoneset_profile_get_file_format (konftel, &format));
  setting = phoneset_profile_lookup_setting (konftel, "nat.stun.server");
  path = phoneset_setting_dup_menu_path_text (setting);
  g_assert_cmpstr (path, ==, "MENU › SETTINGS › ADVANCED › (PIN) › NAT TRAVERSAL › STUN host");
  g_assert_cmpstr (phoneset_setting_get_keypad (setting), ==, "6,2,3");

  /* PLANET: seed 003's STUN defaults and per-line keys under the line list. */
  g_assert_cmpstr (
    phoneset_setting_get_default (phoneset_profile_lookup_setting (planet, "nat.stun.port")), ==,
    "3478");
  g_assert_cmpstr (
    phoneset_setting_get_default (phoneset_profile_lookup_setting (planet, "nat.stun.refresh")), ==,
    "50");
  g_assert_cmpstr (
    phoneset_setting_get_default (phoneset_profile_lookup_setting (planet, "nat.stun.wait")), ==,
    "800");
  g_assert_true (
    phoneset_setting_get_cfg_key (phoneset_profile_lookup_setting (planet, "line.2.stun.enable"),
                                  PHONESET_CFG_FORMAT_FANVIL, 0, &key));
  g_assert_cmpstr (key.key, ==, "SIP2 NAT Type");
  g_assert_cmpstr (key.list, ==, "--SIP Line List--");
  g_assert_cmpstr (
    ((PhonesetModel *)g_ptr_array_index (phoneset_profile_get_models (planet), 0))->common_file, ==,
    "f0VIP-2140PThw1.100.cfg");

  /* Keep-alive is written for every account (one key per line). */
  setting = phoneset_profile_lookup_setting (legacy, "nat.keepalive.interval");
  g_assert_true (phoneset_setting_get_cfg_key (setting, PHONESET_CFG_FORMAT_YEALINK, 1, &key));
  g_assert_cmpstr (key.key, ==, "account.2.nat.udp_update_time");
  g_assert_false (phoneset_setting_get_cfg_key (setting, PHONESET_CFG_FORMAT_YEALINK, 2, &key));

  /* snom writes the TOS byte: DSCP 46 is 184. */
  setting = phoneset_profile_lookup_setting (snom, "qos.dscp.rtp");
  tos = phoneset_setting_to_file_value (setting, PHONESET_CFG_FORMAT_SNOM_XML, "46");
  g_assert_cmpstr (tos, ==, "184");
}

static gboolean
any_note_has (const char *const *notes,
              const char        *part)
{
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    if (strstr (notes[i], part) != NULL)
      return TRUE;
  return FALSE;
}

/* The snom defaults the sources give (issue 14): snom's own settings files
 * (FusionPBX's snom 720, Elastix's snom 821) write codec_tos 160, as the snom
 * 320 manual's screenshot shows, not Wazo's 184; what no source gives is
 * unconfirmed and says so. */
static void
test_profiles_snom_defaults (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  PhonesetProfile *snom = phoneset_profiles_find (profiles, "snom");
  PhonesetProfile *c520 = phoneset_profiles_find (profiles, "snom-c520");
  PhonesetSetting *setting;
  g_autofree char *rtp = NULL;
  g_autofree char *sip = NULL;
  const char      *unconfirmed[] = { "nat.stun.refresh", "nat.keepalive.interval", "sip.port" };

  setting = phoneset_profile_lookup_setting (snom, "qos.dscp.rtp");
  g_assert_cmpstr (phoneset_setting_get_default (setting), ==, "40");
  rtp = phoneset_setting_to_file_value (setting, PHONESET_CFG_FORMAT_SNOM_XML,
                                        phoneset_setting_get_default (setting));
  g_assert_cmpstr (rtp, ==, "160");
  g_assert_nonnull (strstr (phoneset_setting_get_default_source (setting), "snom/720/"));
  g_assert_nonnull (strstr (phoneset_setting_get_note (setting), "184"));
  setting = phoneset_profile_lookup_setting (snom, "qos.dscp.sip");
  sip = phoneset_setting_to_file_value (setting, PHONESET_CFG_FORMAT_SNOM_XML,
                                        phoneset_setting_get_default (setting));
  g_assert_cmpstr (sip, ==, "160");
  g_assert_nonnull (phoneset_setting_get_range_source (setting));

  for (guint i = 0; i < G_N_ELEMENTS (unconfirmed); i++)
    {
      setting = phoneset_profile_lookup_setting (snom, unconfirmed[i]);
      g_assert_null (phoneset_setting_get_default_source (setting));
      g_assert_nonnull (strstr (phoneset_setting_get_note (setting), "[U]"));
    }

  /* user_name is the identity's account in snom's own wiki. */
  setting = phoneset_profile_lookup_setting (snom, "line.1.number");
  g_assert_cmpstr (phoneset_setting_get_confidence (setting), ==, "V");
  g_assert_nonnull (strstr (phoneset_setting_get_source (setting), "Identities/Login"));

  /* The C520's keep-alive defaults are FusionPBX's C520 template's; the
   * range the phone takes is not known, and the note says so. */
  setting = phoneset_profile_lookup_setting (c520, "nat.keepalive.interval");
  g_assert_cmpstr (phoneset_setting_get_default (setting), ==, "15");
  g_assert_nonnull (strstr (phoneset_setting_get_default_source (setting), "snom/C520/"));
  g_assert_null (phoneset_setting_get_range_source (setting));
  g_assert_nonnull (strstr (phoneset_setting_get_note (setting), "[U]"));
  setting = phoneset_profile_lookup_setting (c520, "nat.stun.refresh");
  g_assert_cmpstr (phoneset_setting_get_default (setting), ==, "30");
  g_assert_nonnull (phoneset_setting_get_default_source (setting));
  g_assert_nonnull (
    phoneset_setting_get_range_source (phoneset_profile_lookup_setting (c520, "qos.dscp.rtp")));
}

/* The Konftel 300IP: the user guide (seed 000 p. 19) names the NAT settings
 * but gives no defaults, and no trace of its User-Agent was found. */
static void
test_profiles_konftel_sources (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  PhonesetProfile *konftel = phoneset_profiles_find (profiles, "konftel-300ip");
  GPtrArray       *settings = phoneset_profile_get_settings (konftel);

  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);

      g_assert_nonnull (phoneset_setting_get_source (setting));
      g_assert_null (phoneset_setting_get_default_source (setting));
    }
  g_assert_nonnull (strstr (
    phoneset_setting_get_source (phoneset_profile_lookup_setting (konftel, "nat.turn.user")),
    "seed 000"));
  g_assert_nonnull (strstr (
    phoneset_setting_get_note (phoneset_profile_lookup_setting (konftel, "sip.port")), "[U]"));
  g_assert_true (any_note_has (phoneset_profile_get_notes (konftel), "User-Agent pattern"));
  g_assert_true (any_note_has (phoneset_profile_get_notes (konftel), "no factory defaults"));
}

static const char *
profile_for (PhonesetFingerprintRules  *rules,
             const char                *text,
             PhonesetFingerprintSource  source)
{
  g_auto(PhonesetFingerprintMatch) match = { 0 };
  static char id[64];

  if (!phoneset_fingerprint_rules_match (rules, text, source, &match))
    return NULL;
  g_strlcpy (id, match.profile_id, sizeof id);
  return id;
}

/* The snom profile is for desk phones (command.htm is theirs only, SNOM-CMD):
 * it claims neither the C520/C620 nor snom's DECT phones or the PA1, and the
 * conference phones' profile offers no remote keys. F_HOLD is F_R on older
 * firmware. */
static void
test_profiles_snom_desk_only (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  g_autoptr(PhonesetCatalog) catalog = NULL;
  PhonesetFingerprintRules *rules = NULL;
  g_autoptr(GError) error = NULL;
  const char      *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  PhonesetProfile *snom = phoneset_profiles_find (profiles, "snom");
  PhonesetProfile *c520 = phoneset_profiles_find (profiles, "snom-c520");
  GPtrArray       *models = phoneset_profile_get_models (snom);
  JsonObject      *active_uri = phoneset_profile_get_active_uri (snom);
  JsonObject      *legacy;
  struct
  {
    const char               *text;
    PhonesetFingerprintSource source;
    const char               *profile; /* NULL: not a snom profile's */
  } cases[] = {
    { "snomD785-SIP 10.1.33.33", PHONESET_FINGERPRINT_SOURCE_SIP, "snom" },
    { "snomD785/10.1.33.33", PHONESET_FINGERPRINT_SOURCE_SIP, "snom" },
    { "snom320-SIP 8.7.3.25", PHONESET_FINGERPRINT_SOURCE_SIP, "snom" },
    { "snom D785", PHONESET_FINGERPRINT_SOURCE_HTTP, "snom" },
    { "snom embedded", PHONESET_FINGERPRINT_SOURCE_HTTP, "snom" },
    { "snomC520-SIP 1.0.9", PHONESET_FINGERPRINT_SOURCE_SIP, "snom-c520" },
    { "snomC620-SIP 1.2.3", PHONESET_FINGERPRINT_SOURCE_SIP, "snom-c520" },
    { "snom C620", PHONESET_FINGERPRINT_SOURCE_HTTP, "snom-c520" },
    { "snomPA1-SIP 8.4.35", PHONESET_FINGERPRINT_SOURCE_SIP, NULL },
    { "snomM900/05.20.0001", PHONESET_FINGERPRINT_SOURCE_SIP, NULL },
    { "Snom M900 05.20.0001 000413b60680", PHONESET_FINGERPRINT_SOURCE_HTTP, NULL },
    { "snom M700", PHONESET_FINGERPRINT_SOURCE_HTTP, NULL },
    { "snomMP-SIP 8.4.35", PHONESET_FINGERPRINT_SOURCE_SIP, NULL },
  };

  g_assert_null (strstr (phoneset_profile_get_title (snom), "conference"));
  for (guint i = 0; i < models->len; i++)
    {
      const char *name = ((PhonesetModel *)g_ptr_array_index (models, i))->name;

      g_assert_true (g_ascii_isdigit (name[0]) || (name[0] == 'D' && g_ascii_isdigit (name[1])));
    }

  catalog = phoneset_catalog_new (dirs);
  rules = phoneset_catalog_get_fingerprint_rules (catalog);
  g_assert_cmpuint (phoneset_catalog_get_errors (catalog)->len, ==, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *id = profile_for (rules, cases[i].text, cases[i].source);

      g_test_message ("%s", cases[i].text);
      if (cases[i].profile == NULL)
        g_assert_true (id == NULL || !g_str_has_prefix (id, "snom"));
      else
        g_assert_cmpstr (id, ==, cases[i].profile);
    }

  /* The conference phones: no Active URI, and a note that says why (the
   * keypad page shows it). */
  g_assert_null (phoneset_profile_get_active_uri (c520));
  g_assert_true (any_note_has (phoneset_profile_get_notes (c520), "no remote key interface"));
  g_assert_nonnull (
    strstr (phoneset_profile_get_no_remote_control (c520), "no remote key interface"));
  g_assert_null (phoneset_profile_get_no_remote_control (snom));

  /* F_HOLD, and the older firmware's F_R beside it. */
  g_assert_nonnull (active_uri);
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (active_uri, "keys"), "F_HOLD"),
    ==, "F_HOLD");
  legacy = json_object_get_object_member (active_uri, "legacy_keys");
  g_assert_nonnull (legacy);
  g_assert_cmpstr (json_object_get_string_member (legacy, "F_HOLD"), ==, "F_R");
  g_assert_nonnull (strstr (json_object_get_string_member (active_uri, "notes"), "F_R"));
}

/* The key a setting writes first in the profile's file format. */
static const char *
yealink_key (PhonesetProfile *profile,
             const char      *id)
{
  PhonesetSetting      *setting = phoneset_profile_lookup_setting (profile, id);
  static PhonesetCfgKey key;

  if (setting == NULL)
    g_error ("%s has no setting %s", phoneset_profile_get_id (profile), id);
  if (!phoneset_setting_get_cfg_key (setting, PHONESET_CFG_FORMAT_YEALINK, 0, &key))
    g_error ("%s: %s has no yealink-cfg key", phoneset_profile_get_id (profile), id);
  return key.key;
}

static void
yealink_profiles (GPtrArray       **profiles,
                  PhonesetProfile **v8x,
                  PhonesetProfile **legacy)
{
  *profiles = load_shipped ();
  *v8x = phoneset_profiles_find (*profiles, "yealink-v8x");
  *legacy = phoneset_profiles_find (*profiles, "yealink-legacy");
  g_assert_nonnull (*v8x);
  g_assert_nonnull (*legacy);
}

/* Issue 14 ("field truth"): what the two Yealink generations read, from
 * the sources the profiles cite. Action URL: V8x firmware reads
 * registered / unregistered, the firmware before it log_on / log_off. */
static void
test_yealink_action_url (void)
{
  g_autoptr(GPtrArray) profiles = NULL;
  PhonesetProfile *v8x;
  PhonesetProfile *legacy;

  yealink_profiles (&profiles, &v8x, &legacy);
  /* Admin Guide T2/T4/T5/CP920 p. 444; FusionPBX cp860 y000000000037.cfg. */
  g_assert_cmpstr (yealink_key (v8x, "action_url.registered"), ==, "action_url.registered");
  g_assert_cmpstr (yealink_key (v8x, "action_url.unregistered"), ==, "action_url.unregistered");
  g_assert_cmpstr (yealink_key (legacy, "action_url.registered"), ==, "action_url.log_on");
  g_assert_cmpstr (yealink_key (legacy, "action_url.unregistered"), ==, "action_url.log_off");
  g_assert_cmpstr (yealink_key (v8x, "action_url.call_terminated"), ==,
                   "action_url.call_terminated");
  /* The web interface's own labels. */
  g_assert_cmpstr (
    phoneset_setting_get_title (phoneset_profile_lookup_setting (v8x, "action_url.registered")), ==,
    "Registered");
  g_assert_cmpstr (
    phoneset_setting_get_title (phoneset_profile_lookup_setting (legacy, "action_url.dnd_on")), ==,
    "Open DND");
}

/* NAT, TURN, ICE: "static." in new V8x files, the plain key read and
 * edited where a file has it; the legacy firmware's plain keys. */
static void
test_yealink_nat (void)
{
  g_autoptr(GPtrArray) profiles = NULL;
  PhonesetProfile *v8x;
  PhonesetProfile *legacy;
  const struct
  {
    const char *id;
    const char *v8x;   /* new files */
    const char *plain; /* the alternative V8x reads and edits in place */
    const char *legacy;
  } nat[] = {
    { "nat.stun.enable", "static.sip.nat_stun.enable", "sip.nat_stun.enable", NULL },
    { "nat.stun.server", "static.sip.nat_stun.server", "sip.nat_stun.server",
      "account.1.nat.stun_server" },
    { "nat.ice.enable", "static.ice.enable", "ice.enable", "ice.enable" },
    { "nat.turn.enable", "static.sip.nat_turn.enable", "sip.nat_turn.enable",
      "sip.nat_turn.enable" },
    { "nat.turn.server", "static.sip.nat_turn.server", "sip.nat_turn.server",
      "sip.nat_turn.server" },
    { "nat.turn.port", "static.sip.nat_turn.port", "sip.nat_turn.port", "sip.nat_turn.port" },
    { "nat.turn.user", "static.sip.nat_turn.username", "sip.nat_turn.username",
      "sip.nat_turn.username" },
    { "nat.turn.password", "static.sip.nat_turn.password", "sip.nat_turn.password",
      "sip.nat_turn.password" },
    { "nat.static.enable", "static.network.static_nat.enable", "network.static_nat.enable",
      "network.static_nat.enable" },
    { "nat.static.address", "static.network.static_nat.addr", "network.static_nat.addr",
      "network.static_nat.addr" },
  };

  yealink_profiles (&profiles, &v8x, &legacy);
  for (guint i = 0; i < G_N_ELEMENTS (nat); i++)
    {
      PhonesetSetting *setting = phoneset_profile_lookup_setting (v8x, nat[i].id);
      PhonesetCfgKey   key;
      gboolean         alternative = FALSE;

      g_assert_cmpstr (yealink_key (v8x, nat[i].id), ==, nat[i].v8x);
      g_assert_true (phoneset_setting_get_cfg_key_info (setting, PHONESET_CFG_FORMAT_YEALINK, 1,
                                                        &key, NULL, &alternative));
      g_assert_true (alternative);
      g_assert_cmpstr (key.key, ==, nat[i].plain);
      /* The row says the boundary is unconfirmed. */
      g_assert_nonnull (strstr (phoneset_setting_get_note (setting), "nconfirmed"));
      if (nat[i].legacy != NULL)
        g_assert_cmpstr (yealink_key (legacy, nat[i].id), ==, nat[i].legacy);
    }
}

/* The legacy profile has the ICE and TURN settings FusionPBX's CP860 and
 * T46G templates carry, and no note denies them. */
static void
test_yealink_legacy_ice_turn (void)
{
  g_autoptr(GPtrArray) profiles = NULL;
  PhonesetProfile *v8x;
  PhonesetProfile *legacy;

  yealink_profiles (&profiles, &v8x, &legacy);
  g_assert_cmpstr (yealink_key (legacy, "nat.ice.enable"), ==, "ice.enable");
  g_assert_cmpstr (yealink_key (legacy, "nat.turn.server"), ==, "sip.nat_turn.server");
  g_assert_cmpstr (yealink_key (legacy, "nat.turn.user"), ==, "sip.nat_turn.username");
  for (guint i = 0; phoneset_profile_get_notes (legacy)[i] != NULL; i++)
    g_assert_null (strstr (phoneset_profile_get_notes (legacy)[i], "no TURN or ICE"));
}

/* The legacy firmware reads auto_provision.server.url, never a "static."
 * key (nor for any other of its settings). */
static void
test_yealink_provisioning (void)
{
  g_autoptr(GPtrArray) profiles = NULL;
  PhonesetProfile *v8x;
  PhonesetProfile *legacy;
  GPtrArray       *settings;

  yealink_profiles (&profiles, &v8x, &legacy);
  g_assert_cmpstr (yealink_key (legacy, "provisioning.server.url"), ==,
                   "auto_provision.server.url");
  g_assert_cmpstr (yealink_key (v8x, "provisioning.server.url"), ==,
                   "static.auto_provision.server.url");
  settings = phoneset_profile_get_settings (legacy);
  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetCfgKey key;

      for (guint k = 0; phoneset_setting_get_cfg_key_info (
             g_ptr_array_index (settings, i), PHONESET_CFG_FORMAT_YEALINK, k, &key, NULL, NULL);
           k++)
        g_assert_false (g_str_has_prefix (key.key, "static."));
    }
}

/* A range no source states (the keep-alive's) is said so on the row
 * (tests/check-profile-sources.py checks that everything else names its
 * source). */
static void
test_yealink_ranges (void)
{
  g_autoptr(GPtrArray) profiles = NULL;
  PhonesetProfile *v8x;
  PhonesetProfile *legacy;
  PhonesetProfile *both[2];
  GPtrArray       *settings;

  yealink_profiles (&profiles, &v8x, &legacy);
  both[0] = v8x;
  both[1] = legacy;
  for (guint p = 0; p < G_N_ELEMENTS (both); p++)
    {
      PhonesetSetting *keepalive =
        phoneset_profile_lookup_setting (both[p], "nat.keepalive.interval");

      settings = phoneset_profile_get_settings (both[p]);
      for (guint i = 0; i < settings->len; i++)
        {
          PhonesetSetting *setting = g_ptr_array_index (settings, i);

          if (phoneset_setting_get_value_type (setting) == PHONESET_SETTING_INT &&
              phoneset_setting_get_range_source (setting) == NULL &&
              phoneset_setting_get_note (setting) == NULL)
            g_error ("%s: %s: the range names no source and no note says so",
                     phoneset_profile_get_id (both[p]), phoneset_setting_get_id (setting));
        }
      g_assert_null (phoneset_setting_get_range_source (keepalive));
      g_assert_nonnull (strstr (phoneset_setting_get_note (keepalive), "unconfirmed"));
    }
}

/* Firmware x.80 still reads the older names (Wazo's V80 templates write
 * network.* and auto_provision.*, its V81 ones static.*): a phone's user
 * agent points at the profile of its firmware's key set. */
static void
test_profiles_yealink_firmware (void)
{
  const char *dirs[] = { g_getenv ("PHONESET_PROFILES_DIR"), NULL };
  g_autoptr(PhonesetCatalog) catalog = NULL;
  PhonesetFingerprintRules *rules = NULL;
  g_autoptr(GError) error = NULL;
  const struct
  {
    const char *agent;
    const char *profile;
  } cases[] = {
    { "Yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37", "yealink-legacy" },
    { "Yealink CP860 37.72.0.5 00:15:65:8a:37:86", "yealink-legacy" },
    { "Yealink SIP-T46G 28.80.0.95", "yealink-legacy" },
    { "Yealink SIP-T46S 66.81.0.110", "yealink-v8x" },
    { "Yealink SIP-T46S 66.84.0.10 00:15:65:00:00:01", "yealink-v8x" },
    { "Yealink SIP-T54W 96.86.0.100", "yealink-v8x" },
  };

  catalog = phoneset_catalog_new (dirs);
  rules = phoneset_catalog_get_fingerprint_rules (catalog);
  g_assert_cmpuint (phoneset_catalog_get_errors (catalog)->len, ==, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PhonesetFingerprintMatch) match = { 0 };

      g_assert_true (phoneset_fingerprint_rules_match (rules, cases[i].agent,
                                                       PHONESET_FINGERPRINT_SOURCE_SIP, &match));
      if (g_strcmp0 (match.profile_id, cases[i].profile) != 0)
        g_error ("%s: %s, not %s", cases[i].agent, match.profile_id, cases[i].profile);
    }
}

/* Issue 14, Fanvil / PLANET: the defaults the phones export, Enable PVID's
 * three values, the PLANET guide's events, variables and restarts, the
 * older generation's keys. */
static void
test_fanvil_facts (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  const char *ids[] = { "fanvil", "planet-vip" };

  for (guint p = 0; p < G_N_ELEMENTS (ids); p++)
    {
      PhonesetProfile *profile = phoneset_profiles_find (profiles, ids[p]);
      gboolean         planet = g_str_equal (ids[p], "planet-vip");
      PhonesetSetting *setting;
      PhonesetCfgKey   key;
      gboolean         alternative = FALSE;
      const char      *reboot[] = { "provisioning.pnp.enable",        "provisioning.pnp.server",
                                    "provisioning.pnp.port",          "provisioning.pnp.transport",
                                    "provisioning.pnp.interval",      "provisioning.dhcp_option",
                                    "provisioning.dhcp_option.custom" };
      struct
      {
        const char *id;
        const char *key;
        const char *xml;
      } events[] = {
        { "action_url.blind_transfer_call", "B Transfer Url",
          "VOIP_CONFIG_FILE/GLOBAL_CONFIG_MODULE/B_Transfer_Url" },
        { "action_url.attended_transfer_call", "A Transfer Url",
          "VOIP_CONFIG_FILE/GLOBAL_CONFIG_MODULE/A_Transfer_Url" },
        { "action_url.idle_to_busy", "Idle to Busy Url",
          "VOIP_CONFIG_FILE/GLOBAL_CONFIG_MODULE/Idle_to_Busy_Url" },
        { "action_url.busy_to_idle", "Busy to Idle Url",
          "VOIP_CONFIG_FILE/GLOBAL_CONFIG_MODULE/Busy_to_Idle_Url" },
      };

      /* The CoS and the file name default to what the phones export. */
      g_assert_cmpstr (phoneset_setting_get_default (
                         phoneset_profile_lookup_setting (profile, "vlan.priority.sip")),
                       ==, "0");
      g_assert_cmpstr (phoneset_setting_get_default (
                         phoneset_profile_lookup_setting (profile, "vlan.priority.rtp")),
                       ==, "0");
      g_assert_cmpstr (phoneset_setting_get_default (
                         phoneset_profile_lookup_setting (profile, "provisioning.server.file")),
                       ==, "");
      g_assert_cmpstr (phoneset_setting_get_default (
                         phoneset_profile_lookup_setting (profile, "nat.keepalive.interval")),
                       ==, planet ? "60" : "30");

      /* Enable PVID: 0, 1 or 2, not a switch. */
      g_assert_null (phoneset_profile_lookup_setting (profile, "vlan.pc.enable"));
      setting = phoneset_profile_lookup_setting (profile, "vlan.pc.mode");
      g_assert_nonnull (setting);
      g_assert_cmpint (phoneset_setting_get_value_type (setting), ==, PHONESET_SETTING_ENUM);
      g_assert_cmpstr (phoneset_setting_get_default (setting), ==, "factory");
      for (guint f = 0; f < 2; f++)
        {
          PhonesetCfgFormat format =
            f == 0 ? PHONESET_CFG_FORMAT_FANVIL : PHONESET_CFG_FORMAT_FANVIL_XML;
          const char *canonical[] = { "off", "factory", "on" };
          const char *file[] = { "0", "1", "2" };

          for (guint v = 0; v < G_N_ELEMENTS (file); v++)
            {
              g_autofree char *written =
                phoneset_setting_to_file_value (setting, format, canonical[v]);
              g_autofree char *read =
                phoneset_setting_from_file_value (setting, format, file[v], NULL);

              g_assert_cmpstr (written, ==, file[v]);
              g_assert_cmpstr (read, ==, canonical[v]);
            }
        }

      /* The guide's events the profiles lacked: keys of the older generation. */
      for (guint e = 0; e < G_N_ELEMENTS (events); e++)
        {
          setting = phoneset_profile_lookup_setting (profile, events[e].id);
          g_assert_nonnull (setting);
          g_assert_true (
            phoneset_setting_get_cfg_key (setting, PHONESET_CFG_FORMAT_FANVIL, 0, &key));
          g_assert_cmpstr (key.key, ==, events[e].key);
          g_assert_cmpstr (key.section, ==, "GLOBAL CONFIG MODULE");
          g_assert_true (
            phoneset_setting_get_cfg_key (setting, PHONESET_CFG_FORMAT_FANVIL_XML, 0, &key));
          g_assert_cmpstr (key.key, ==, events[e].xml);
          g_assert_false (
            phoneset_setting_get_cfg_key (setting, PHONESET_CFG_FORMAT_FANVIL_XML, 1, &key));
          g_assert_nonnull (phoneset_setting_get_note (setting));
        }

      /* Every Action URL names all the guide's variables. */
      setting = phoneset_profile_lookup_setting (profile, "action_url.incoming_call");
      g_assert_nonnull (strstr (phoneset_setting_get_help (setting), "$active_url"));
      g_assert_nonnull (strstr (phoneset_setting_get_help (setting), "$display_local"));

      /* PnP and DHCP option changes need a restart (seed 003 pp. 6, 7). */
      for (guint r = 0; r < G_N_ELEMENTS (reboot); r++)
        if (!phoneset_setting_get_reboot (phoneset_profile_lookup_setting (profile, reboot[r])))
          g_error ("%s: %s has no reboot mark", ids[p], reboot[r]);

      /* The older generation's key, read and edited where a file has it. */
      setting = phoneset_profile_lookup_setting (profile, "provisioning.server.url");
      g_assert_true (phoneset_setting_get_cfg_key_info (setting, PHONESET_CFG_FORMAT_FANVIL, 0,
                                                        &key, NULL, &alternative));
      g_assert_cmpstr (key.key, ==, "Flash Server IP");
      g_assert_false (alternative);
      g_assert_true (phoneset_setting_get_cfg_key_info (setting, PHONESET_CFG_FORMAT_FANVIL, 1,
                                                        &key, NULL, &alternative));
      g_assert_cmpstr (key.key, ==, "Download Server IP");
      g_assert_true (alternative);

      /* A guess is no vendor fact: the unsourced web labels are gone. */
      setting = phoneset_profile_lookup_setting (profile, "line.1.rport");
      g_assert_false (g_strv_contains (phoneset_setting_get_menu_path (setting), "SIP1"));
      if (!planet)
        g_assert_cmpstr (phoneset_setting_get_confidence (
                           phoneset_profile_lookup_setting (profile, "nat.stun.server")),
                         ==, "V-OEM");
    }
}

/* Every setting, default and range of the Fanvil and PLANET profiles names
 * its source, or is marked unconfirmed, and a setting relying on
 * “unconfirmed” says so in its note (the keys' sources:
 * tests/check-profile-sources.py, run as the profile-sources test). */
static void
test_fanvil_sources (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  const char *ids[] = { "fanvil", "planet-vip" };

  for (guint p = 0; p < G_N_ELEMENTS (ids); p++)
    {
      GPtrArray *settings =
        phoneset_profile_get_settings (phoneset_profiles_find (profiles, ids[p]));

      for (guint i = 0; i < settings->len; i++)
        {
          PhonesetSetting    *setting = g_ptr_array_index (settings, i);
          const char         *id = phoneset_setting_get_id (setting);
          const char         *source = phoneset_setting_get_source (setting);
          const char         *dsource = phoneset_setting_get_default_source (setting);
          const char         *rsource = phoneset_setting_get_range_source (setting);
          gboolean            u = g_str_equal (phoneset_setting_get_confidence (setting), "U");
          PhonesetSettingType type = phoneset_setting_get_value_type (setting);

          if (source == NULL && !u)
            g_error ("%s: %s has no source", ids[p], id);
          if (dsource == NULL && source == NULL && !u)
            g_error ("%s: %s: its default has no source", ids[p], id);
          if ((type == PHONESET_SETTING_INT) && rsource == NULL && source == NULL && !u)
            g_error ("%s: %s: its range has no source", ids[p], id);
          if ((g_strcmp0 (dsource, "unconfirmed") == 0 ||
               g_strcmp0 (rsource, "unconfirmed") == 0) &&
              phoneset_setting_get_note (setting) == NULL)
            g_error ("%s: %s is unconfirmed and its note does not say so", ids[p], id);
        }
    }
}

static void
test_setting_validate (void)
{
  g_autoptr(GPtrArray) profiles = load_shipped ();
  PhonesetProfile *planet = phoneset_profiles_find (profiles, "planet-vip");
  struct
  {
    const char *id;
    const char *text;
    const char *canonical; /* NULL: invalid */
  } cases[] = {
    { "nat.stun.port", "3479", "3479" },
    { "nat.stun.port", "0", NULL },
    { "nat.stun.port", "70000", NULL },
    { "nat.stun.port", "34x", NULL },
    { "vlan.id", "4094", "4094" },
    { "vlan.id", "4095", NULL },
    { "vlan.enable", "on", "true" },
    { "vlan.enable", "maybe", NULL },
    { "nat.stun.server", "stun.example.org", "stun.example.org" },
    { "nat.stun.server", "stun.example.org:3478", NULL },
    { "nat.stun.server", "bad host", NULL },
    { "provisioning.dhcp_option", "Option 43", "43" },
    { "provisioning.dhcp_option", "67", NULL },
    { "provisioning.server.url", "http://192.0.2.1/$mac.cfg", "http://192.0.2.1/$mac.cfg" },
    { "provisioning.server.url", "gopher://x/", NULL },
    { "provisioning.server.url", "not a url", NULL },
    { "active_uri.allowed_ip", "10.10.*.*, 192.0.2.5", "10.10.*.*,192.0.2.5" },
    { "active_uri.allowed_ip", "any", "any" },
    { "active_uri.allowed_ip", "10.10.300.1", NULL },
    { "line.1.number", "line\nbreak", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PhonesetSetting *setting = phoneset_profile_lookup_setting (planet, cases[i].id);
      g_autoptr(GError) error = NULL;
      g_autofree char *canonical = NULL;
      gboolean         ok;

      g_assert_nonnull (setting);
      ok = phoneset_setting_validate (setting, cases[i].text, &canonical, &error);
      if (cases[i].canonical != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (canonical, ==, cases[i].canonical);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID);
          /* The message names the setting. */
          g_assert_true (g_str_has_prefix (error->message, cases[i].id));
        }
    }
}

static void
test_profile_broken (void)
{
  struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "", "empty" },
    { "[]", "a profile is a JSON object" },
    { "{\"schema\": 2}", "schema 2 is not known" },
    { "{\"schema\": 1, \"id\": \"x\", \"vendor\": \"V\", \"title\": \"T\", \"mac_prefixes\": [], "
      "\"formats\": [\"setup-sheet\"], \"models\": [{\"name\": \"M\"}], \"pages\": [], \"typo\": "
      "1}",
      "unknown member “typo”" },
    { "{\"schema\": 1, \"id\": \"x\", \"vendor\": \"V\", \"title\": \"T\", \"mac_prefixes\": "
      "[\"zz\"], \"formats\": [\"setup-sheet\"], \"models\": [{\"name\": \"M\"}], \"pages\": []}",
      "“zz” is not a MAC prefix" },
    { "{\"schema\": 1, \"id\": \"x\", \"vendor\": \"V\", \"title\": \"T\", \"mac_prefixes\": [], "
      "\"formats\": [\"setup-sheet\"], \"models\": [{\"name\": \"M\"}], \"pages\": [{\"id\": "
      "\"p\", \"title\": \"P\", \"menu_path\": [\"A\"], \"groups\": [{\"id\": \"g\", \"title\": "
      "\"G\", \"settings\": ["
      "{\"id\": \"a.b\", \"type\": \"int\", \"title\": \"A\", \"help\": \"h\", \"default\": 99, "
      "\"min\": 0, \"max\": 10, \"confidence\": \"V\"}]}]}]}",
      "pages[0].groups[0].settings[0] (a.b): the default is not valid: a.b (A): 99 is out of "
      "range" },
    { "{\"schema\": 1, \"id\": \"x\", \"vendor\": \"V\", \"title\": \"T\", \"mac_prefixes\": [], "
      "\"formats\": [\"setup-sheet\"], \"models\": [{\"name\": \"M\"}], \"pages\": [{\"id\": "
      "\"p\", \"title\": \"P\", \"menu_path\": [], \"groups\": [{\"id\": \"g\", \"title\": \"G\", "
      "\"settings\": ["
      "{\"id\": \"a.b\", \"type\": \"bool\", \"title\": \"A\", \"help\": \"h\", \"default\": true, "
      "\"confidence\": \"V\"}]}]}]}",
      "no menu path" },
    { "{\"schema\": 1, \"id\": \"x\", \"vendor\": \"V\", \"title\": \"T\", \"mac_prefixes\": [], "
      "\"formats\": [\"yealink-cfg\"], \"mac_file\": \"{mac}.cfg\", \"models\": [{\"name\": "
      "\"M\"}], \"pages\": [{\"id\": \"p\", \"title\": \"P\", \"menu_path\": [\"A\"], \"groups\": "
      "[{\"id\": \"g\", \"title\": \"G\", \"settings\": ["
      "{\"id\": \"a.b\", \"type\": \"bool\", \"title\": \"A\", \"help\": \"h\", \"default\": true, "
      "\"confidence\": \"V\"}]}]}]}",
      "has no “yealink-cfg” key and no “note”" },
    { "{\"schema\": 1, \"id\": \"x\", \"vendor\": \"V\", \"title\": \"T\", \"mac_prefixes\": [], "
      "\"formats\": [\"setup-sheet\"], \"models\": [{\"name\": \"M\"}], \"pages\": [{\"id\": "
      "\"p\", \"title\": \"P\", \"menu_path\": [\"A\"], \"groups\": [{\"id\": \"g\", \"title\": "
      "\"G\", \"settings\": ["
      "{\"id\": \"a.b\", \"type\": \"bool\", \"title\": \"A\", \"help\": \"h\", \"default\": true, "
      "\"confidence\": \"U\"}]}]}]}",
      "needs a “note”" },
    { "{\"schema\": 1, \"id\": \"x\", \"vendor\": \"V\", \"title\": \"T\", \"mac_prefixes\": [], "
      "\"formats\": [\"setup-sheet\"], \"models\": [{\"name\": \"M\"}], \"pages\": [], "
      "\"active_uri\": {\"path\": \"/k\"}, \"no_remote_control\": \"none\"}",
      "“no_remote_control” is for a profile whose “active_uri” is null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PhonesetProfile) profile = phoneset_profile_new_from_data (
        cases[i].json, strlen (cases[i].json), "x", &error);

      g_assert_null (profile);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile/lint", test_profiles_lint);
  g_test_add_func ("/profile/shared-ids", test_profiles_shared_ids);
  g_test_add_func ("/profile/facts", test_profiles_facts);
  g_test_add_func ("/profile/snom/defaults", test_profiles_snom_defaults);
  g_test_add_func ("/profile/snom/desk-only", test_profiles_snom_desk_only);
  g_test_add_func ("/profile/konftel/sources", test_profiles_konftel_sources);
  g_test_add_func ("/profile/yealink/action-url", test_yealink_action_url);
  g_test_add_func ("/profile/yealink/nat", test_yealink_nat);
  g_test_add_func ("/profile/yealink/legacy-ice-turn", test_yealink_legacy_ice_turn);
  g_test_add_func ("/profile/yealink/provisioning", test_yealink_provisioning);
  g_test_add_func ("/profile/yealink/ranges", test_yealink_ranges);
  g_test_add_func ("/profile/yealink/firmware", test_profiles_yealink_firmware);
  g_test_add_func ("/profile/fanvil/facts", test_fanvil_facts);
  g_test_add_func ("/profile/fanvil/sources", test_fanvil_sources);
  g_test_add_func ("/profile/validate", test_setting_validate);
  g_test_add_func ("/profile/broken", test_profile_broken);

  return g_test_run ();
}
