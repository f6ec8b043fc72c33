/* phoneset-phone-row.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One phone in the sidebar: the vendor's initial, name or model, address
 * and MAC, and a mark when changes wait to be delivered. The sidebar is a
 * GtkListView, so rows are made for the visible phones only and reused as
 * the list scrolls: set_phone() moves a row to another phone.
 */

#define G_LOG_DOMAIN "phoneset-phone-row"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-phone-row.h"
#include "phoneset-reachability.h"

struct _PhonesetPhoneRow
{
  AdwBin         parent_instance;

  PhonesetPhone *phone;

  /* Template widgets */
  AdwAvatar     *avatar;
  GtkLabel      *title;
  GtkLabel      *subtitle;
  GtkWidget     *changes_mark;
  GtkImage      *reach_mark;
};

G_DEFINE_FINAL_TYPE (PhonesetPhoneRow, phoneset_phone_row, ADW_TYPE_BIN)

/* A green tick when the phone answered, a red mark when it did not; nothing
 * before it was checked. */
static void
update_reach_mark (PhonesetPhoneRow *self)
{
  PhonesetReachable reachable = phoneset_phone_get_reachable (self->phone);
  GtkWidget        *mark = GTK_WIDGET (self->reach_mark);

  gtk_widget_set_visible (mark, reachable != PHONESET_REACHABLE_UNKNOWN);
  gtk_widget_remove_css_class (mark, "phone-reachable");
  gtk_widget_remove_css_class (mark, "phone-unreachable");
  if (reachable == PHONESET_REACHABLE_UNKNOWN)
    return;
  gtk_image_set_from_icon_name (self->reach_mark, reachable == PHONESET_REACHABLE_YES ? "emblem-ok-symbolic" : "network-offline-symbolic");
  gtk_widget_add_css_class (mark, reachable == PHONESET_REACHABLE_YES ? "phone-reachable" : "phone-unreachable");
  gtk_widget_set_tooltip_text (mark, phoneset_reachable_describe (reachable));
}

static void
update_labels (PhonesetPhoneRow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  const char      *mac;
  gboolean         changes;

  if (self->phone == NULL)
    return;

  name = phoneset_phone_dup_display_name (self->phone);
  mac = phoneset_phone_get_mac (self->phone);
  if (mac != NULL)
    subtitle = g_strdup_printf ("%s · %s", phoneset_phone_get_address (self->phone), mac);
  else
    subtitle = g_strdup (phoneset_phone_get_address (self->phone));
  changes = phoneset_phone_has_changes (self->phone);

  gtk_label_set_text (self->title, name);
  gtk_label_set_text (self->subtitle, subtitle);
  /* The vendor's initial tells the phones apart at a glance. */
  adw_avatar_set_text (self->avatar, phoneset_phone_get_vendor (self->phone) ? phoneset_phone_get_vendor (self->phone) : name);
  gtk_widget_set_visible (self->changes_mark, changes);
  update_reach_mark (self);

  description = changes ? g_strdup_printf (_("%s, %s, with changes not yet delivered"), name, subtitle)
                        : g_strdup_printf ("%s, %s", name, subtitle);
  if (phoneset_phone_get_reachable (self->phone) != PHONESET_REACHABLE_UNKNOWN)
    {
      char *with_status = g_strdup_printf ("%s, %s", description, phoneset_reachable_describe (phoneset_phone_get_reachable (self->phone)));

      g_free (description);
      description = with_status;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
phoneset_phone_row_dispose (GObject *object)
{
  PhonesetPhoneRow *self = PHONESET_PHONE_ROW (object);

  phoneset_phone_row_set_phone (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_PHONE_ROW);

  G_OBJECT_CLASS (phoneset_phone_row_parent_class)->dispose (object);
}

static void
phoneset_phone_row_class_init (PhonesetPhoneRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = phoneset_phone_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/phoneset/Phoneset/phoneset-phone-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneRow, title);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneRow, changes_mark);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPhoneRow, reach_mark);
}

static void
phoneset_phone_row_init (PhonesetPhoneRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PhonesetPhoneRow *
phoneset_phone_row_new (void)
{
  return g_object_new (PHONESET_TYPE_PHONE_ROW, NULL);
}

/**
 * phoneset_phone_row_set_phone:
 * @self: a row
 * @phone: (nullable): the phone to show
 */
void
phoneset_phone_row_set_phone (PhonesetPhoneRow *self,
                              PhonesetPhone    *phone)
{
  g_return_if_fail (PHONESET_IS_PHONE_ROW (self));

  if (self->phone == phone)
    return;
  if (self->phone != NULL)
    g_signal_handlers_disconnect_by_data (self->phone, self);
  g_set_object (&self->phone, phone);
  if (phone != NULL)
    g_signal_connect_swapped (phone, "notify", G_CALLBACK (update_labels), self);
  update_labels (self);
}

PhonesetPhone *
phoneset_phone_row_get_phone (PhonesetPhoneRow *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE_ROW (self), NULL);

  return self->phone;
}

const char *
phoneset_phone_row_get_title (PhonesetPhoneRow *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE_ROW (self), NULL);

  return gtk_label_get_text (self->title);
}

const char *
phoneset_phone_row_get_subtitle (PhonesetPhoneRow *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE_ROW (self), NULL);

  return gtk_label_get_text (self->subtitle);
}
