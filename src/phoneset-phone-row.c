/* phoneset-phone-row.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-phone-row"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-phone-row.h"

struct _PhonesetPhoneRow
{
  AdwActionRow   parent_instance;

  PhonesetPhone *phone;

  /* Template widgets */
  AdwAvatar     *avatar;
  GtkWidget     *changes_mark;
};

G_DEFINE_FINAL_TYPE (PhonesetPhoneRow, phoneset_phone_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (PhonesetPhoneRow *self)
{
  g_autofree char *name = phoneset_phone_dup_display_name (self->phone);
  const char      *address = phoneset_phone_get_address (self->phone);
  const char      *mac = phoneset_phone_get_mac (self->phone);
  g_autofree char *subtitle = NULL;

  if (mac != NULL)
    subtitle = g_strdup_printf ("%s · %s", address, mac);
  else
    subtitle = g_strdup (address);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* The vendor's initial tells the phones apart at a glance. */
  adw_avatar_set_text (self->avatar, phoneset_phone_get_vendor (self->phone) ? phoneset_phone_get_vendor (self->phone) : name);
  gtk_widget_set_visible (self->changes_mark, phoneset_phone_has_changes (self->phone));
  if (phoneset_phone_has_changes (self->phone))
    {
      g_autofree char *description = g_strdup_printf (_("%s, with changes not yet delivered"), name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
}

static void
phone_notify_cb (PhonesetPhoneRow *self)
{
  update_labels (self);
}

static void
phoneset_phone_row_constructed (GObject *object)
{
  PhonesetPhoneRow *self = PHONESET_PHONE_ROW (object);

  G_OBJECT_CLASS (phoneset_phone_row_parent_class)->constructed (object);

  g_signal_connect_object (self->phone, "notify", G_CALLBACK (phone_notify_cb), self, G_CONNECT_SWAPPED);
  update_labels (self);
}

static void
phoneset_phone_row_dispose (GObject *object)
{
  PhonesetPhoneRow *self = PHONESET_PHONE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_PHONE_ROW);
  g_clear_object (&self->phone);

  G_OBJECT_CLASS (phoneset_phone_row_parent_class)->dispose (object);
}

static void
phoneset_phone_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PhonesetPhoneRow *self = PHONESET_PHONE_ROW (object);

  switch (prop_id)
    {
    case PROP_PHONE:
      g_value_set_object (value, self->phone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_phone_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PhonesetPhoneRow *self = PHONESET_PHONE_ROW (object);

  switch (prop_id)
    {
    case PROP_PHONE:
      self->phone = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_phone_row_class_init (PhonesetPhoneRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = phoneset_phone_row_constructed;
  object_class->dispose = phoneset_phone_row_dispose;
  object_class->get_property = phoneset_phone_row_get_property;
  object_class->set_property = phoneset_phone_row_set_property;

  properties[PROP_PHONE] =
    g_param_spec_object ("phone", NULL, NULL, PHONESET_TYPE_PHONE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/phoneset/Phoneset/phoneset-phone-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneRow, changes_mark);
}

static void
phoneset_phone_row_init (PhonesetPhoneRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PhonesetPhoneRow *
phoneset_phone_row_new (PhonesetPhone *phone)
{
  g_return_val_if_fail (PHONESET_IS_PHONE (phone), NULL);

  return g_object_new (PHONESET_TYPE_PHONE_ROW, "phone", phone, NULL);
}

PhonesetPhone *
phoneset_phone_row_get_phone (PhonesetPhoneRow *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE_ROW (self), NULL);

  return self->phone;
}
