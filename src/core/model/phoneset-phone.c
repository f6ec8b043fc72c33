/* phoneset-phone.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-phone"

#include "config.h"

#include "phoneset-mac.h"
#include "phoneset-phone.h"

/**
 * PhonesetPhone:
 *
 * One phone as Phoneset knows it: where it is, what it is, and which profile
 * describes its settings. Discovery and the inventory create them; the
 * window lists them.
 */
struct _PhonesetPhone
{
  GObject           parent_instance;

  char             *address;
  char             *name;
  char             *mac;
  char             *vendor;
  char             *model;
  char             *firmware;
  char             *profile_id;

  PhonesetConfig   *config;   /* what the user wants the phone to have */
  PhonesetConfig   *baseline; /* what the phone has, as far as Phoneset knows */
  char             *id;
  GBytes           *base_file;  /* the vendor file the user imported, edited in place on export */
  char             *admin_user; /* the web admin user; its password is in the secret store */
  PhonesetReachable reachable;

  /* What discovery saw: evidence (method → what it said, in the order the
   * methods first saw the phone), and the raw identity strings. */
  GPtrArray        *evidence_methods;
  GHashTable       *evidence;
  char             *sip_user_agent;
  char             *http_server;
  /* When Phoneset last pushed a verified config. */
  GDateTime        *last_push;
  /* The NAT's, as the self-test measured it from this phone's page; -1. */
  int               binding_lifetime_ms;
};

G_DEFINE_FINAL_TYPE (PhonesetPhone, phoneset_phone, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ADDRESS,
  PROP_NAME,
  PROP_MAC,
  PROP_VENDOR,
  PROP_MODEL,
  PROP_FIRMWARE,
  PROP_PROFILE_ID,
  PROP_DISPLAY_NAME,
  PROP_CONFIG,
  PROP_HAS_CHANGES,
  PROP_REACHABLE,
  PROP_EVIDENCE,
  PROP_SIP_USER_AGENT,
  PROP_HTTP_SERVER,
  PROP_LAST_PUSH,
  PROP_BINDING_LIFETIME_MS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
phoneset_phone_finalize (GObject *object)
{
  PhonesetPhone *self = (PhonesetPhone *)object;

  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->mac, g_free);
  g_clear_pointer (&self->vendor, g_free);
  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->firmware, g_free);
  g_clear_pointer (&self->profile_id, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->base_file, g_bytes_unref);
  g_clear_pointer (&self->admin_user, g_free);
  if (self->config != NULL)
    g_signal_handlers_disconnect_by_data (self->config, self);
  g_clear_object (&self->config);
  g_clear_object (&self->baseline);
  g_clear_pointer (&self->evidence_methods, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_hash_table_unref);
  g_clear_pointer (&self->sip_user_agent, g_free);
  g_clear_pointer (&self->http_server, g_free);
  g_clear_pointer (&self->last_push, g_date_time_unref);

  G_OBJECT_CLASS (phoneset_phone_parent_class)->finalize (object);
}

static void
phoneset_phone_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PhonesetPhone *self = PHONESET_PHONE (object);

  switch (prop_id)
    {
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MAC:
      g_value_set_string (value, self->mac);
      break;
    case PROP_VENDOR:
      g_value_set_string (value, self->vendor);
      break;
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    case PROP_FIRMWARE:
      g_value_set_string (value, self->firmware);
      break;
    case PROP_PROFILE_ID:
      g_value_set_string (value, self->profile_id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, phoneset_phone_dup_display_name (self));
      break;
    case PROP_CONFIG:
      g_value_set_object (value, self->config);
      break;
    case PROP_HAS_CHANGES:
      g_value_set_boolean (value, phoneset_phone_has_changes (self));
      break;
    case PROP_REACHABLE:
      g_value_set_int (value, self->reachable);
      break;
    case PROP_EVIDENCE:
      g_value_take_boxed (value, phoneset_phone_dup_evidence (self));
      break;
    case PROP_SIP_USER_AGENT:
      g_value_set_string (value, self->sip_user_agent);
      break;
    case PROP_HTTP_SERVER:
      g_value_set_string (value, self->http_server);
      break;
    case PROP_LAST_PUSH:
      g_value_set_boxed (value, self->last_push);
      break;
    case PROP_BINDING_LIFETIME_MS:
      g_value_set_int (value, self->binding_lifetime_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_phone_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PhonesetPhone *self = PHONESET_PHONE (object);

  switch (prop_id)
    {
    case PROP_ADDRESS:
      phoneset_phone_set_address (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      phoneset_phone_set_name (self, g_value_get_string (value));
      break;
    case PROP_MAC:
      phoneset_phone_set_mac (self, g_value_get_string (value));
      break;
    case PROP_VENDOR:
      phoneset_phone_set_vendor (self, g_value_get_string (value));
      break;
    case PROP_MODEL:
      phoneset_phone_set_model (self, g_value_get_string (value));
      break;
    case PROP_FIRMWARE:
      phoneset_phone_set_firmware (self, g_value_get_string (value));
      break;
    case PROP_PROFILE_ID:
      phoneset_phone_set_profile_id (self, g_value_get_string (value));
      break;
    case PROP_SIP_USER_AGENT:
      phoneset_phone_set_sip_user_agent (self, g_value_get_string (value));
      break;
    case PROP_HTTP_SERVER:
      phoneset_phone_set_http_server (self, g_value_get_string (value));
      break;
    case PROP_LAST_PUSH:
      phoneset_phone_set_last_push (self, g_value_get_boxed (value));
      break;
    case PROP_BINDING_LIFETIME_MS:
      phoneset_phone_set_binding_lifetime_ms (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_phone_class_init (PhonesetPhoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = phoneset_phone_finalize;
  object_class->get_property = phoneset_phone_get_property;
  object_class->set_property = phoneset_phone_set_property;

  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAC] =
    g_param_spec_string ("mac", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VENDOR] =
    g_param_spec_string ("vendor", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIRMWARE] =
    g_param_spec_string ("firmware", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROFILE_ID] =
    g_param_spec_string ("profile-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL,
                                                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONFIG] = g_param_spec_object ("config", NULL, NULL, PHONESET_TYPE_CONFIG,
                                                 (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REACHABLE] =
    g_param_spec_int ("reachable", NULL, NULL, PHONESET_REACHABLE_UNKNOWN, PHONESET_REACHABLE_NO,
                      PHONESET_REACHABLE_UNKNOWN,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HAS_CHANGES] = g_param_spec_boolean ("has-changes", NULL, NULL, FALSE,
                                                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_EVIDENCE] =
    g_param_spec_boxed ("evidence", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIP_USER_AGENT] =
    g_param_spec_string ("sip-user-agent", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HTTP_SERVER] =
    g_param_spec_string ("http-server", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_PUSH] =
    g_param_spec_boxed ("last-push", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BINDING_LIFETIME_MS] =
    g_param_spec_int ("binding-lifetime-ms", NULL, NULL, -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
phoneset_phone_init (PhonesetPhone *self)
{
  self->binding_lifetime_ms = -1;
  self->evidence_methods = g_ptr_array_new_with_free_func (g_free);
  self->evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * phoneset_phone_new:
 * @address: the phone's host name or IP address, with an optional `:port`
 *
 * Returns: (transfer full): a new phone
 */
PhonesetPhone *
phoneset_phone_new (const char *address)
{
  return g_object_new (PHONESET_TYPE_PHONE, "address", address, NULL);
}

/**
 * phoneset_phone_dup_display_name:
 * @self: a #PhonesetPhone
 *
 * The name the user gave, else vendor and model, else the address.
 *
 * Returns: (transfer full): a name to show
 */
char *
phoneset_phone_dup_display_name (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  if (self->name != NULL && self->name[0] != '\0')
    return g_strdup (self->name);
  if (self->model != NULL && self->model[0] != '\0')
    {
      if (self->vendor != NULL && self->vendor[0] != '\0' &&
          !g_str_has_prefix (self->model, self->vendor))
        return g_strdup_printf ("%s %s", self->vendor, self->model);
      return g_strdup (self->model);
    }
  if (self->address != NULL)
    return g_strdup (self->address);
  return g_strdup ("");
}

const char *
phoneset_phone_get_address (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->address;
}

void
phoneset_phone_set_address (PhonesetPhone *self,
                            const char    *address)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (g_strcmp0 (self->address, address) == 0)
    return;

  g_free (self->address);
  self->address = g_strdup (address);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
phoneset_phone_get_name (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->name;
}

void
phoneset_phone_set_name (PhonesetPhone *self,
                         const char    *name)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
phoneset_phone_get_mac (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->mac;
}

void
phoneset_phone_set_mac (PhonesetPhone *self,
                        const char    *mac)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (g_strcmp0 (self->mac, mac) == 0)
    return;

  g_free (self->mac);
  self->mac = g_strdup (mac);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAC]);
}

const char *
phoneset_phone_get_vendor (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->vendor;
}

void
phoneset_phone_set_vendor (PhonesetPhone *self,
                           const char    *vendor)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (g_strcmp0 (self->vendor, vendor) == 0)
    return;

  g_free (self->vendor);
  self->vendor = g_strdup (vendor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENDOR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
phoneset_phone_get_model (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->model;
}

void
phoneset_phone_set_model (PhonesetPhone *self,
                          const char    *model)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (g_strcmp0 (self->model, model) == 0)
    return;

  g_free (self->model);
  self->model = g_strdup (model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
phoneset_phone_get_firmware (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->firmware;
}

void
phoneset_phone_set_firmware (PhonesetPhone *self,
                             const char    *firmware)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (g_strcmp0 (self->firmware, firmware) == 0)
    return;

  g_free (self->firmware);
  self->firmware = g_strdup (firmware);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRMWARE]);
}

const char *
phoneset_phone_get_profile_id (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->profile_id;
}

void
phoneset_phone_set_profile_id (PhonesetPhone *self,
                               const char    *profile_id)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (g_strcmp0 (self->profile_id, profile_id) == 0)
    return;

  g_free (self->profile_id);
  self->profile_id = g_strdup (profile_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_ID]);
}

static void
config_changed_cb (PhonesetPhone *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHANGES]);
}

/**
 * phoneset_phone_get_config:
 * @self: a #PhonesetPhone
 *
 * Returns: (transfer none) (nullable): the values the user wants the phone to have
 */
PhonesetConfig *
phoneset_phone_get_config (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->config;
}

void
phoneset_phone_set_config (PhonesetPhone  *self,
                           PhonesetConfig *config)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (self->config == config)
    return;
  if (self->config != NULL)
    g_signal_handlers_disconnect_by_data (self->config, self);
  g_set_object (&self->config, config);
  if (config != NULL)
    g_signal_connect_swapped (config, "changed", G_CALLBACK (config_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIG]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHANGES]);
}

/**
 * phoneset_phone_get_baseline:
 * @self: a #PhonesetPhone
 *
 * Returns: (transfer none) (nullable): what the phone has, as last read or pushed
 */
PhonesetConfig *
phoneset_phone_get_baseline (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->baseline;
}

void
phoneset_phone_set_baseline (PhonesetPhone  *self,
                             PhonesetConfig *baseline)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (g_set_object (&self->baseline, baseline))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHANGES]);
}

/**
 * phoneset_phone_has_changes:
 * @self: a #PhonesetPhone
 *
 * Returns: %TRUE if the config differs from what the phone has
 */
gboolean
phoneset_phone_has_changes (PhonesetPhone *self)
{
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (PHONESET_IS_PHONE (self), FALSE);

  if (self->config == NULL)
    return FALSE;
  if (self->baseline == NULL)
    {
      g_autoptr(GPtrArray) set = phoneset_config_list_set (self->config);

      return set->len > 0;
    }
  changes = phoneset_config_diff (self->baseline, self->config);
  return changes->len > 0;
}

/**
 * phoneset_phone_get_id:
 * @self: a #PhonesetPhone
 *
 * A stable id for the inventory: the MAC address when known, else the
 * address.
 *
 * Returns: the id
 */
const char *
phoneset_phone_get_id (PhonesetPhone *self)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  if (self->mac != NULL && self->mac[0] != '\0')
    id = phoneset_mac_normalize (self->mac, PHONESET_MAC_STYLE_BARE_LOWER, NULL);
  if (id == NULL)
    {
      id = g_strdup (self->address ? self->address : "phone");
      g_strcanon (id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_", '_');
    }
  /* The same id keeps its string: a caller may still hold the last one. */
  if (g_strcmp0 (self->id, id) != 0)
    {
      g_free (self->id);
      self->id = g_steal_pointer (&id);
    }
  return self->id;
}

/**
 * phoneset_phone_get_base_file:
 * @self: a #PhonesetPhone
 *
 * Returns: (transfer none) (nullable): the vendor file imported for this
 *   phone; exports edit it in place so that its other keys survive
 */
GBytes *
phoneset_phone_get_base_file (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->base_file;
}

void
phoneset_phone_set_base_file (PhonesetPhone *self,
                              GBytes        *base_file)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (base_file != NULL)
    g_bytes_ref (base_file);
  g_clear_pointer (&self->base_file, g_bytes_unref);
  self->base_file = base_file;
}

/**
 * phoneset_phone_add_evidence:
 * @self: a #PhonesetPhone
 * @method: how the phone was seen: "sip-options", "sip-options-tcp", "pnp",
 *   "oui" or "http"
 * @detail: what that method said, in words for the user
 *
 * Records why discovery calls this a phone. A second call for the same
 * method replaces its detail.
 */
void
phoneset_phone_add_evidence (PhonesetPhone *self,
                             const char    *method,
                             const char    *detail)
{
  const char *old;

  g_return_if_fail (PHONESET_IS_PHONE (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (detail != NULL);

  old = g_hash_table_lookup (self->evidence, method);
  if (old != NULL && g_str_equal (old, detail))
    return;
  if (old == NULL)
    g_ptr_array_add (self->evidence_methods, g_strdup (method));
  g_hash_table_replace (self->evidence, g_strdup (method), g_strdup (detail));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE]);
}

/**
 * phoneset_phone_dup_evidence:
 * @self: a #PhonesetPhone
 *
 * Returns: (transfer full): the methods that saw the phone, first seen first
 */
char **
phoneset_phone_dup_evidence (PhonesetPhone *self)
{
  GStrvBuilder *builder;
  char        **methods;

  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->evidence_methods->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->evidence_methods, i));
  methods = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return methods;
}

/**
 * phoneset_phone_get_evidence_detail:
 * @self: a #PhonesetPhone
 * @method: a method from phoneset_phone_dup_evidence()
 *
 * Returns: (nullable): what @method said about the phone
 */
const char *
phoneset_phone_get_evidence_detail (PhonesetPhone *self,
                                    const char    *method)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);
  g_return_val_if_fail (method != NULL, NULL);

  return g_hash_table_lookup (self->evidence, method);
}

const char *
phoneset_phone_get_sip_user_agent (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->sip_user_agent;
}

void
phoneset_phone_set_sip_user_agent (PhonesetPhone *self,
                                   const char    *sip_user_agent)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (g_strcmp0 (self->sip_user_agent, sip_user_agent) == 0)
    return;

  g_free (self->sip_user_agent);
  self->sip_user_agent = g_strdup (sip_user_agent);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIP_USER_AGENT]);
}

const char *
phoneset_phone_get_http_server (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->http_server;
}

void
phoneset_phone_set_http_server (PhonesetPhone *self,
                                const char    *http_server)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (g_strcmp0 (self->http_server, http_server) == 0)
    return;

  g_free (self->http_server);
  self->http_server = g_strdup (http_server);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HTTP_SERVER]);
}

/**
 * phoneset_phone_get_admin_user:
 * @self: a #PhonesetPhone
 *
 * Returns: (nullable): the user Phoneset logs in as on this phone (its
 *   password is in the secret store, found by address and user), as a
 *   person set it; %NULL: the phone's own default, which its profile knows
 *   (phoneset_active_uri_choose_user())
 */
const char *
phoneset_phone_get_admin_user (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->admin_user;
}

void
phoneset_phone_set_admin_user (PhonesetPhone *self,
                               const char    *admin_user)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  g_free (self->admin_user);
  self->admin_user = admin_user && admin_user[0] ? g_strdup (admin_user) : NULL;
}

/**
 * phoneset_phone_get_last_push:
 * @self: a #PhonesetPhone
 *
 * Returns: (transfer none) (nullable): when Phoneset last pushed a config
 *   the phone was seen to fetch, or %NULL
 */
GDateTime *
phoneset_phone_get_last_push (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), NULL);

  return self->last_push;
}

/**
 * phoneset_phone_set_last_push:
 * @self: a #PhonesetPhone
 * @last_push: (nullable): when the last verified push was
 */
void
phoneset_phone_set_last_push (PhonesetPhone *self,
                              GDateTime     *last_push)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (self->last_push == last_push || (self->last_push != NULL && last_push != NULL &&
                                       g_date_time_equal (self->last_push, last_push)))
    return;
  g_clear_pointer (&self->last_push, g_date_time_unref);
  self->last_push = last_push ? g_date_time_ref (last_push) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_PUSH]);
}

/**
 * phoneset_phone_get_binding_lifetime_ms:
 * @self: a #PhonesetPhone
 *
 * How long the NAT on this phone's network keeps an idle UDP binding, as
 * the STUN self-test last measured it from the phone's page: what the
 * phone's STUN keep-alive is judged against (`phoneset stun-server`).
 *
 * Returns: milliseconds, -1 when never measured
 */
int
phoneset_phone_get_binding_lifetime_ms (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), -1);

  return self->binding_lifetime_ms;
}

/**
 * phoneset_phone_set_binding_lifetime_ms:
 * @self: a #PhonesetPhone
 * @lifetime_ms: the measured binding lifetime, -1 for none
 */
void
phoneset_phone_set_binding_lifetime_ms (PhonesetPhone *self,
                                        int            lifetime_ms)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  lifetime_ms = MAX (lifetime_ms, -1);
  if (self->binding_lifetime_ms == lifetime_ms)
    return;
  self->binding_lifetime_ms = lifetime_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BINDING_LIFETIME_MS]);
}

/**
 * phoneset_phone_get_reachable:
 * @self: a #PhonesetPhone
 *
 * Returns: whether the phone answered when last checked
 */
PhonesetReachable
phoneset_phone_get_reachable (PhonesetPhone *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (self), PHONESET_REACHABLE_UNKNOWN);

  return self->reachable;
}

void
phoneset_phone_set_reachable (PhonesetPhone     *self,
                              PhonesetReachable  reachable)
{
  g_return_if_fail (PHONESET_IS_PHONE (self));

  if (self->reachable == reachable)
    return;
  self->reachable = reachable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHABLE]);
}
