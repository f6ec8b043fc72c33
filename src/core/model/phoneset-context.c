/* phoneset-context.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-context"

#include "config.h"

#include "phoneset-context.h"

/**
 * PhonesetContext:
 *
 * What the widgets share, handed to each of them at construction (as
 * GNOME Calendar hands out its GcalContext): the catalog of phone
 * profiles, the saved phones, where passwords are kept, the application's
 * settings and its one STUN server. The application makes one; a test can
 * make its own without an application.
 */
struct _PhonesetContext
{
  GObject              parent_instance;

  PhonesetCatalog     *catalog;
  PhonesetInventory   *inventory;
  PhonesetSecretStore *secrets;
  GSettings           *settings;
  PhonesetStunServer  *stun_server; /* made when first asked for */
};

G_DEFINE_FINAL_TYPE (PhonesetContext, phoneset_context, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CATALOG,
  PROP_INVENTORY,
  PROP_SECRET_STORE,
  PROP_SETTINGS,
  PROP_STUN_SERVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
phoneset_context_dispose (GObject *object)
{
  PhonesetContext *self = PHONESET_CONTEXT (object);

  g_clear_object (&self->stun_server);
  g_clear_object (&self->settings);
  g_clear_object (&self->secrets);
  g_clear_object (&self->inventory);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (phoneset_context_parent_class)->dispose (object);
}

static void
phoneset_context_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PhonesetContext *self = PHONESET_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_INVENTORY:
      g_value_set_object (value, self->inventory);
      break;
    case PROP_SECRET_STORE:
      g_value_set_object (value, self->secrets);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STUN_SERVER:
      g_value_set_object (value, phoneset_context_get_stun_server (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_context_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PhonesetContext *self = PHONESET_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_INVENTORY:
      self->inventory = g_value_dup_object (value);
      break;
    case PROP_SECRET_STORE:
      self->secrets = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_STUN_SERVER:
      self->stun_server = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_context_constructed (GObject *object)
{
  PhonesetContext *self = PHONESET_CONTEXT (object);

  G_OBJECT_CLASS (phoneset_context_parent_class)->constructed (object);

  g_return_if_fail (PHONESET_IS_CATALOG (self->catalog));
  g_return_if_fail (PHONESET_IS_INVENTORY (self->inventory));
  g_return_if_fail (PHONESET_IS_SECRET_STORE (self->secrets));
  g_return_if_fail (G_IS_SETTINGS (self->settings));
}

static void
phoneset_context_class_init (PhonesetContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_context_dispose;
  object_class->constructed = phoneset_context_constructed;
  object_class->get_property = phoneset_context_get_property;
  object_class->set_property = phoneset_context_set_property;

  /**
   * PhonesetContext:catalog:
   *
   * The phone profiles.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, PHONESET_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PhonesetContext:inventory:
   *
   * The saved phones.
   */
  properties[PROP_INVENTORY] =
    g_param_spec_object ("inventory", NULL, NULL, PHONESET_TYPE_INVENTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PhonesetContext:secret-store:
   *
   * Where the phones' passwords are kept.
   */
  properties[PROP_SECRET_STORE] =
    g_param_spec_object ("secret-store", NULL, NULL, PHONESET_TYPE_SECRET_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PhonesetContext:settings:
   *
   * The application's settings (schema APP_ID).
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PhonesetContext:stun-server:
   *
   * The one STUN server, shared by the STUN Server window and the phones'
   * STUN pages. Without one at construction, it is made when first asked
   * for (phoneset_context_get_stun_server()).
   */
  properties[PROP_STUN_SERVER] =
    g_param_spec_object ("stun-server", NULL, NULL, PHONESET_TYPE_STUN_SERVER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
phoneset_context_init (PhonesetContext *self)
{
}

/**
 * phoneset_context_new:
 * @catalog: the phone profiles
 * @inventory: the saved phones
 * @secrets: where passwords are kept
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new context
 */
PhonesetContext *
phoneset_context_new (PhonesetCatalog     *catalog,
                      PhonesetInventory   *inventory,
                      PhonesetSecretStore *secrets,
                      GSettings           *settings)
{
  g_return_val_if_fail (PHONESET_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (PHONESET_IS_INVENTORY (inventory), NULL);
  g_return_val_if_fail (PHONESET_IS_SECRET_STORE (secrets), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PHONESET_TYPE_CONTEXT, "catalog", catalog, "inventory", inventory,
                       "secret-store", secrets, "settings", settings, NULL);
}

/**
 * phoneset_context_get_catalog:
 * @self: a #PhonesetContext
 *
 * Returns: (transfer none): the phone profiles
 */
PhonesetCatalog *
phoneset_context_get_catalog (PhonesetContext *self)
{
  g_return_val_if_fail (PHONESET_IS_CONTEXT (self), NULL);
  return self->catalog;
}

/**
 * phoneset_context_get_profiles:
 * @self: a #PhonesetContext
 *
 * Returns: (transfer none) (element-type PhonesetProfile): the profiles of
 *   the catalog, by id
 */
GPtrArray *
phoneset_context_get_profiles (PhonesetContext *self)
{
  g_return_val_if_fail (PHONESET_IS_CONTEXT (self), NULL);
  return phoneset_catalog_get_profiles (self->catalog);
}

/**
 * phoneset_context_get_inventory:
 * @self: a #PhonesetContext
 *
 * Returns: (transfer none): the saved phones
 */
PhonesetInventory *
phoneset_context_get_inventory (PhonesetContext *self)
{
  g_return_val_if_fail (PHONESET_IS_CONTEXT (self), NULL);
  return self->inventory;
}

/**
 * phoneset_context_get_secret_store:
 * @self: a #PhonesetContext
 *
 * Returns: (transfer none): where passwords are kept
 */
PhonesetSecretStore *
phoneset_context_get_secret_store (PhonesetContext *self)
{
  g_return_val_if_fail (PHONESET_IS_CONTEXT (self), NULL);
  return self->secrets;
}

/**
 * phoneset_context_get_settings:
 * @self: a #PhonesetContext
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
phoneset_context_get_settings (PhonesetContext *self)
{
  g_return_val_if_fail (PHONESET_IS_CONTEXT (self), NULL);
  return self->settings;
}

/**
 * phoneset_context_get_stun_server:
 * @self: a #PhonesetContext
 *
 * The one STUN server, shared by the STUN Server window and the phones'
 * STUN pages; it names the phones of the inventory. Made when first asked
 * for, not started.
 *
 * Returns: (transfer none): the server
 */
PhonesetStunServer *
phoneset_context_get_stun_server (PhonesetContext *self)
{
  g_return_val_if_fail (PHONESET_IS_CONTEXT (self), NULL);

  if (self->stun_server == NULL)
    {
      self->stun_server = phoneset_stun_server_new ();
      phoneset_stun_server_set_profiles (self->stun_server,
                                         phoneset_catalog_get_profiles (self->catalog));
      phoneset_stun_server_set_known_phones (self->stun_server,
                                             phoneset_inventory_get_phones (self->inventory));
    }
  return self->stun_server;
}
