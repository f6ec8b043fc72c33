/* phoneset-preferences-window.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-preferences-window.h"

struct _PhonesetPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Owned references */
  GSettings           *settings;

  /* Template widgets */
  GtkSpinButton       *scan_timeout_spin;
  AdwEntryRow         *stun_server_row;
  GtkSwitch           *accept_unknown_switch;
};

G_DEFINE_FINAL_TYPE (PhonesetPreferencesWindow,
                     phoneset_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
phoneset_preferences_window_constructed (GObject *object)
{
  PhonesetPreferencesWindow *self = PHONESET_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (phoneset_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "scan-timeout", self->scan_timeout_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "stun-server", self->stun_server_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "accept-unknown-phones", self->accept_unknown_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
phoneset_preferences_window_dispose (GObject *object)
{
  PhonesetPreferencesWindow *self = PHONESET_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (phoneset_preferences_window_parent_class)->dispose (object);
}

static void
phoneset_preferences_window_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  PhonesetPreferencesWindow *self = PHONESET_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_preferences_window_class_init (PhonesetPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = phoneset_preferences_window_constructed;
  object_class->dispose = phoneset_preferences_window_dispose;
  object_class->set_property = phoneset_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phoneset/Phoneset/phoneset-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetPreferencesWindow, scan_timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPreferencesWindow, stun_server_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPreferencesWindow,
                                        accept_unknown_switch);
}

static void
phoneset_preferences_window_init (PhonesetPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * phoneset_preferences_window_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new preferences window
 */
PhonesetPreferencesWindow *
phoneset_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PHONESET_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
