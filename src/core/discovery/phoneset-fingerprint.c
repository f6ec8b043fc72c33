/* phoneset-fingerprint.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-fingerprint"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-fingerprint.h"
#include "phoneset-mac.h"

/**
 * PhonesetFingerprintRules:
 *
 * Tells what a device is from what it says about itself: a SIP User-Agent,
 * an HTTP Server header, a web page title, a MAC prefix. The rules are data,
 * from the phone profiles (`data/profiles/<id>.json`); PhonesetCatalog
 * derives them from the profiles it loaded
 * (phoneset_catalog_get_fingerprint_rules()):
 *
 * |[
 * "vendor": "Yealink",
 * "mac_prefixes": [ "00:15:65", "80:5E:C0" ],
 * "user_agents": [
 *   { "pattern": "^Yealink SIP-(?<model>\\S+) (?<firmware>[0-9.]+)", "source": "any" }
 * ]
 * ]|
 *
 * A pattern is a GRegex; its named groups `model`, `firmware` and `mac` say
 * where those are in the text. `source` is `sip`, `http` or `any`.
 */
struct _PhonesetFingerprintRules
{
  GObject     parent_instance;

  GPtrArray  *rules;    /* Rule */
  GHashTable *prefixes; /* guint32 OUI → Prefix */
  GPtrArray  *vendors;  /* char *, each once */
};

typedef struct
{
  char                     *vendor;
  char                     *profile_id;
  GRegex                   *regex;
  PhonesetFingerprintSource source;
} Rule;

typedef struct
{
  char *vendor;
  char *profile_id;
} Prefix;

G_DEFINE_FINAL_TYPE (PhonesetFingerprintRules, phoneset_fingerprint_rules, G_TYPE_OBJECT)

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->vendor);
  g_free (rule->profile_id);
  g_clear_pointer (&rule->regex, g_regex_unref);
  g_free (rule);
}

static void
prefix_free (gpointer data)
{
  Prefix *prefix = data;

  g_free (prefix->vendor);
  g_free (prefix->profile_id);
  g_free (prefix);
}

static void
phoneset_fingerprint_rules_finalize (GObject *object)
{
  PhonesetFingerprintRules *self = (PhonesetFingerprintRules *)object;

  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->prefixes, g_hash_table_unref);
  g_clear_pointer (&self->vendors, g_ptr_array_unref);

  G_OBJECT_CLASS (phoneset_fingerprint_rules_parent_class)->finalize (object);
}

static void
phoneset_fingerprint_rules_class_init (PhonesetFingerprintRulesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_fingerprint_rules_finalize;
}

static void
phoneset_fingerprint_rules_init (PhonesetFingerprintRules *self)
{
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->prefixes = g_hash_table_new_full (NULL, NULL, NULL, prefix_free);
  self->vendors = g_ptr_array_new_with_free_func (g_free);
}

PhonesetFingerprintRules *
phoneset_fingerprint_rules_new (void)
{
  return g_object_new (PHONESET_TYPE_FINGERPRINT_RULES, NULL);
}

static void
remember_vendor (PhonesetFingerprintRules *self,
                 const char               *vendor)
{
  for (guint i = 0; i < self->vendors->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->vendors, i), vendor) == 0)
      return;
  g_ptr_array_add (self->vendors, g_strdup (vendor));
}

/**
 * phoneset_fingerprint_rules_add_from_json:
 * @self: the rules
 * @vendor: the vendor these patterns name, e.g. "Yealink"
 * @profile_id: (nullable): the profile they come from
 * @user_agents: the profile's `user_agents` array
 * @error: a location for a #GError
 *
 * Adds one rule per element `{ "pattern": …, "source": "sip|http|any" }`.
 * Nothing is added when an element is wrong.
 *
 * Returns: %TRUE if every element is a valid rule
 */
gboolean
phoneset_fingerprint_rules_add_from_json (PhonesetFingerprintRules  *self,
                                          const char                *vendor,
                                          const char                *profile_id,
                                          JsonArray                 *user_agents,
                                          GError                   **error)
{
  g_autoptr(GPtrArray) added = NULL;
  guint length;

  g_return_val_if_fail (PHONESET_IS_FINGERPRINT_RULES (self), FALSE);
  g_return_val_if_fail (vendor != NULL, FALSE);
  g_return_val_if_fail (user_agents != NULL, FALSE);

  if (vendor[0] == '\0')
    {
      g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                           _("The vendor name is empty: give the profile a “vendor”."));
      return FALSE;
    }

  added = g_ptr_array_new_with_free_func (rule_free);
  length = json_array_get_length (user_agents);
  for (guint i = 0; i < length; i++)
    {
      JsonNode   *node = json_array_get_element (user_agents, i);
      JsonObject *object;
      const char *pattern;
      const char *source = "any";
      g_autoptr(GError) local_error = NULL;
      Rule *rule;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (
            error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
            _("user_agents[%u] is not an object: write { \"pattern\": …, \"source\": … }."), i);
          return FALSE;
        }
      object = json_node_get_object (node);
      if (!json_object_has_member (object, "pattern") ||
          !JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "pattern")) ||
          json_node_get_value_type (json_object_get_member (object, "pattern")) != G_TYPE_STRING)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("user_agents[%u] has no “pattern” string."), i);
          return FALSE;
        }
      pattern = json_object_get_string_member (object, "pattern");
      if (pattern[0] == '\0')
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("user_agents[%u] has an empty pattern, which would match everything."),
                          i);
          return FALSE;
        }
      if (json_object_has_member (object, "source"))
        {
          JsonNode *member = json_object_get_member (object, "source");

          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
            {
              g_set_error (
                error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                _("user_agents[%u] “source” is not a string: use “sip”, “http” or “any”."), i);
              return FALSE;
            }
          source = json_node_get_string (member);
        }

      rule = g_new0 (Rule, 1);
      g_ptr_array_add (added, rule);
      if (g_str_equal (source, "sip"))
        rule->source = PHONESET_FINGERPRINT_SOURCE_SIP;
      else if (g_str_equal (source, "http"))
        rule->source = PHONESET_FINGERPRINT_SOURCE_HTTP;
      else if (g_str_equal (source, "any"))
        rule->source = PHONESET_FINGERPRINT_SOURCE_ANY;
      else
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("user_agents[%u] has source “%s”: use “sip”, “http” or “any”."), i,
                          source);
          return FALSE;
        }

      rule->regex = g_regex_new (pattern, G_REGEX_DEFAULT, 0, &local_error);
      if (rule->regex == NULL)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("user_agents[%u] pattern “%s” is not a valid regular expression: %s"), i,
                          pattern, local_error->message);
          return FALSE;
        }
      rule->vendor = g_strdup (vendor);
      rule->profile_id = g_strdup (profile_id);
    }

  while (added->len > 0)
    g_ptr_array_add (self->rules, g_ptr_array_steal_index (added, 0));
  remember_vendor (self, vendor);
  return TRUE;
}

/**
 * phoneset_fingerprint_rules_add_mac_prefixes:
 * @self: the rules
 * @vendor: the vendor whose IEEE blocks these are
 * @profile_id: (nullable): the profile they come from
 * @mac_prefixes: an array of strings such as "00:15:65"
 * @error: a location for a #GError
 *
 * Returns: %TRUE if every element is a three-byte MAC prefix
 */
gboolean
phoneset_fingerprint_rules_add_mac_prefixes (PhonesetFingerprintRules  *self,
                                             const char                *vendor,
                                             const char                *profile_id,
                                             JsonArray                 *mac_prefixes,
                                             GError                   **error)
{
  g_autoptr(GArray) ouis = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint length;

  g_return_val_if_fail (PHONESET_IS_FINGERPRINT_RULES (self), FALSE);
  g_return_val_if_fail (vendor != NULL, FALSE);
  g_return_val_if_fail (mac_prefixes != NULL, FALSE);

  length = json_array_get_length (mac_prefixes);
  for (guint i = 0; i < length; i++)
    {
      JsonNode        *node = json_array_get_element (mac_prefixes, i);
      g_autofree char *full = NULL;
      guint8           mac[PHONESET_MAC_LEN];
      const char      *text;
      guint32          oui;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                       _("mac_prefixes[%u] is not a string such as “00:15:65”."), i);
          return FALSE;
        }
      text = json_node_get_string (node);
      /* Complete the prefix to a whole MAC in the same spelling and let the
       * MAC parser judge it. */
      if (strchr (text, ':') != NULL)
        full = g_strconcat (text, ":00:00:00", NULL);
      else if (strchr (text, '-') != NULL)
        full = g_strconcat (text, "-00-00-00", NULL);
      else
        full = g_strconcat (text, "000000", NULL);
      if (!phoneset_mac_parse (full, mac, NULL))
        {
          g_set_error (
            error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
            _("mac_prefixes[%u] “%s” is not a three-byte MAC prefix such as “00:15:65”."), i,
               text);
          return FALSE;
        }
      oui = ((guint32)mac[0] << 16) | ((guint32)mac[1] << 8) | mac[2];
      g_array_append_val (ouis, oui);
    }

  for (guint i = 0; i < ouis->len; i++)
    {
      Prefix *prefix = g_new0 (Prefix, 1);

      prefix->vendor = g_strdup (vendor);
      prefix->profile_id = g_strdup (profile_id);
      g_hash_table_replace (self->prefixes, GUINT_TO_POINTER (g_array_index (ouis, guint32, i)),
                            prefix);
    }
  remember_vendor (self, vendor);
  return TRUE;
}

static JsonArray *
get_array_member (JsonObject  *object,
                  const char  *name,
                  GError     **error)
{
  JsonNode *node;

  if (!json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("“%s” is not an array."), name);
      return NULL;
    }
  return json_node_get_array (node);
}

/**
 * phoneset_fingerprint_rules_add_profile:
 * @self: the rules
 * @profile_id: the profile's id (its file name without `.json`)
 * @profile: the profile's root object
 * @error: a location for a #GError
 *
 * Adds the profile's `mac_prefixes` and `user_agents`. A profile without
 * either adds nothing and is not an error.
 *
 * Returns: %TRUE unless the profile's fingerprint data is wrong
 */
gboolean
phoneset_fingerprint_rules_add_profile (PhonesetFingerprintRules  *self,
                                        const char                *profile_id,
                                        JsonObject                *profile,
                                        GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray  *user_agents;
  JsonArray  *mac_prefixes = NULL;
  JsonNode   *vendor_node;
  const char *vendor;

  g_return_val_if_fail (PHONESET_IS_FINGERPRINT_RULES (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  user_agents = get_array_member (profile, "user_agents", &local_error);
  if (local_error == NULL)
    mac_prefixes = get_array_member (profile, "mac_prefixes", &local_error);
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Profile “%s”: "), profile_id);
      return FALSE;
    }
  if (user_agents == NULL && mac_prefixes == NULL)
    return TRUE;

  vendor_node = json_object_get_member (profile, "vendor");
  if (vendor_node == NULL || !JSON_NODE_HOLDS_VALUE (vendor_node) ||
      json_node_get_value_type (vendor_node) != G_TYPE_STRING)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("Profile “%s” has user_agents or mac_prefixes but no “vendor” string."),
                      profile_id);
      return FALSE;
    }
  vendor = json_node_get_string (vendor_node);

  if ((mac_prefixes != NULL && !phoneset_fingerprint_rules_add_mac_prefixes (
                                 self, vendor, profile_id, mac_prefixes, &local_error)) ||
      (user_agents != NULL && !phoneset_fingerprint_rules_add_from_json (
                                self, vendor, profile_id, user_agents, &local_error)))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Profile “%s”: "), profile_id);
      return FALSE;
    }
  return TRUE;
}

guint
phoneset_fingerprint_rules_get_n_rules (PhonesetFingerprintRules *self)
{
  g_return_val_if_fail (PHONESET_IS_FINGERPRINT_RULES (self), 0);
  return self->rules->len;
}

static char *
fetch_named (GMatchInfo *info,
             GRegex     *regex,
             const char *name)
{
  char *value;

  if (g_regex_get_string_number (regex, name) < 0)
    return NULL;
  value = g_match_info_fetch_named (info, name);
  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/**
 * phoneset_fingerprint_rules_match:
 * @self: the rules
 * @text: a User-Agent, Server header, realm or page title
 * @source: where @text comes from
 * @match: (out caller-allocates): what the first matching rule says
 *
 * Returns: %TRUE if a rule for @source matches @text
 */
gboolean
phoneset_fingerprint_rules_match (PhonesetFingerprintRules  *self,
                                  const char                *text,
                                  PhonesetFingerprintSource  source,
                                  PhonesetFingerprintMatch  *match)
{
  g_return_val_if_fail (PHONESET_IS_FINGERPRINT_RULES (self), FALSE);
  g_return_val_if_fail (match != NULL, FALSE);

  memset (match, 0, sizeof *match);
  if (text == NULL || text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (self->rules, i);
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *mac = NULL;

      if ((rule->source & source) == 0)
        continue;
      if (!g_regex_match (rule->regex, text, 0, &info))
        continue;

      match->vendor = g_strdup (rule->vendor);
      match->profile_id = g_strdup (rule->profile_id);
      match->model = fetch_named (info, rule->regex, "model");
      match->firmware = fetch_named (info, rule->regex, "firmware");
      mac = fetch_named (info, rule->regex, "mac");
      if (mac != NULL)
        match->mac = phoneset_mac_normalize (mac, PHONESET_MAC_STYLE_COLON_LOWER, NULL);
      return TRUE;
    }
  return FALSE;
}

/**
 * phoneset_fingerprint_rules_lookup_mac:
 * @self: the rules
 * @mac: six bytes
 * @profile_id: (out) (optional) (nullable): the profile the prefix came from
 *
 * Returns: (nullable): the vendor whose profile lists @mac's prefix
 */
const char *
phoneset_fingerprint_rules_lookup_mac (PhonesetFingerprintRules  *self,
                                       const guint8              *mac,
                                       const char               **profile_id)
{
  Prefix *prefix;

  g_return_val_if_fail (PHONESET_IS_FINGERPRINT_RULES (self), NULL);
  g_return_val_if_fail (mac != NULL, NULL);

  prefix = g_hash_table_lookup (
    self->prefixes, GUINT_TO_POINTER (((guint32)mac[0] << 16) | ((guint32)mac[1] << 8) | mac[2]));
  if (profile_id != NULL)
    *profile_id = prefix != NULL ? prefix->profile_id : NULL;
  return prefix != NULL ? prefix->vendor : NULL;
}

/**
 * phoneset_fingerprint_rules_vendor_for_name:
 * @self: the rules
 * @name: an organisation name, e.g. from the IEEE registry
 *   ("Xiamen Yealink Network Technology Co.,Ltd")
 *
 * Returns: (nullable): the profiles' spelling of the vendor whose name is a
 *   whole word of @name ("Yealink"), or %NULL
 */
const char *
phoneset_fingerprint_rules_vendor_for_name (PhonesetFingerprintRules *self,
                                            const char               *name)
{
  g_return_val_if_fail (PHONESET_IS_FINGERPRINT_RULES (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->vendors->len; i++)
    {
      const char *vendor = g_ptr_array_index (self->vendors, i);
      gsize       len = strlen (vendor);

      for (const char *p = name; *p; p++)
        {
          if (g_ascii_strncasecmp (p, vendor, len) != 0)
            continue;
          if ((p == name || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[len]))
            return vendor;
        }
    }
  return NULL;
}

void
phoneset_fingerprint_match_clear (PhonesetFingerprintMatch *match)
{
  g_clear_pointer (&match->vendor, g_free);
  g_clear_pointer (&match->profile_id, g_free);
  g_clear_pointer (&match->model, g_free);
  g_clear_pointer (&match->firmware, g_free);
  g_clear_pointer (&match->mac, g_free);
}
