/* phoneset-phone-row.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One phone in the sidebar: the vendor's initial, name or model, address
 * and MAC, whether it answers, and a mark when changes wait to be delivered. The sidebar is a
 * GtkListView, so rows are made for the visible phones only and reused as
 * the list scrolls: set_phone() moves a row to another phone.
 */

#define G_LOG_DOMAIN "phoneset-phone-row"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-phone-row.h"
#include "phoneset-reachability.h"
#include "phoneset-test-private.h"

struct _PhonesetPhoneRow
{
  AdwBin         parent_instance;

  PhonesetPhone *phone;

  GtkLabel      *initial;
  GtkLabel      *title;
  GtkLabel      *subtitle;
  GtkWidget     *marks;        /* the box the marks go in */
  GtkWidget     *reach_mark;   /* made when first needed */
  GtkWidget     *changes_mark; /* made when first needed */
};

G_DEFINE_FINAL_TYPE (PhonesetPhoneRow, phoneset_phone_row, ADW_TYPE_BIN)

/* The sidebar keeps a row for every phone it lists (GtkListView makes up to
 * 200), so a row is a handful of plain widgets built in code, and the marks
 * exist only on the rows that show them: this keeps the window with 100
 * phones quick to open (tests/bench/startup.py). */
#define N_INITIAL_COLOURS 6

static GtkWidget *
ensure_mark (PhonesetPhoneRow  *self,
             GtkWidget        **mark)
{
  if (*mark == NULL)
    {
      *mark = gtk_image_new ();
      gtk_box_append (GTK_BOX (self->marks), *mark);
    }
  return *mark;
}

/* A green tick when the phone answered, a red mark when it did not; nothing
 * before it was checked. */
static void
update_reach_mark (PhonesetPhoneRow *self)
{
  PhonesetReachable reachable = phoneset_phone_get_reachable (self->phone);
  GtkWidget        *mark;

  if (reachable == PHONESET_REACHABLE_UNKNOWN)
    {
      if (self->reach_mark != NULL)
        gtk_widget_set_visible (self->reach_mark, FALSE);
      return;
    }
  mark = ensure_mark (self, &self->reach_mark);
  gtk_widget_set_visible (mark, TRUE);
  gtk_widget_remove_css_class (mark, "phone-reachable");
  gtk_widget_remove_css_class (mark, "phone-unreachable");
  gtk_image_set_from_icon_name (GTK_IMAGE (mark), reachable == PHONESET_REACHABLE_YES
                                                    ? "emblem-ok-symbolic"
                                                    : "network-offline-symbolic");
  gtk_widget_add_css_class (mark, reachable == PHONESET_REACHABLE_YES ? "phone-reachable"
                                                                      : "phone-unreachable");
  gtk_widget_set_tooltip_text (mark, phoneset_reachable_describe (reachable));
}

static void
update_changes_mark (PhonesetPhoneRow *self,
                     gboolean          changes)
{
  GtkWidget *mark;

  if (!changes)
    {
      if (self->changes_mark != NULL)
        gtk_widget_set_visible (self->changes_mark, FALSE);
      return;
    }
  mark = ensure_mark (self, &self->changes_mark);
  gtk_image_set_from_icon_name (GTK_IMAGE (mark), "document-edit-symbolic");
  gtk_widget_set_tooltip_text (mark, _("Changes not yet delivered to the phone"));
  gtk_widget_add_css_class (mark, "accent");
  gtk_widget_set_visible (mark, TRUE);
}

/* The vendor's initial on a colour of its own tells the phones apart at a
 * glance, as an avatar would. */
static void
update_initial (PhonesetPhoneRow *self,
                const char       *text)
{
  g_autofree char *colour = NULL;
  gunichar         c = text && *text ? g_unichar_toupper (g_utf8_get_char (text)) : '?';
  char             utf8[7] = { 0 };

  g_unichar_to_utf8 (c, utf8);
  gtk_label_set_text (self->initial, utf8);
  for (guint i = 1; i <= N_INITIAL_COLOURS; i++)
    {
      g_autofree char *name = g_strdup_printf ("initial-%u", i);

      gtk_widget_remove_css_class (GTK_WIDGET (self->initial), name);
    }
  colour = g_strdup_printf ("initial-%u", g_str_hash (text ? text : "") % N_INITIAL_COLOURS + 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->initial), colour);
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
  update_initial (
    self, phoneset_phone_get_vendor (self->phone) ? phoneset_phone_get_vendor (self->phone) : name);
  update_changes_mark (self, changes);
  update_reach_mark (self);

  description =
    changes ? g_strdup_printf (_("%s, %s, with changes not yet delivered"), name, subtitle)
            : g_strdup_printf ("%s, %s", name, subtitle);
  if (phoneset_phone_get_reachable (self->phone) != PHONESET_REACHABLE_UNKNOWN)
    {
      char *with_status =
        g_strdup_printf ("%s, %s", description,
                         phoneset_reachable_describe (phoneset_phone_get_reachable (self->phone)));

      g_free (description);
      description = with_status;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
phoneset_phone_row_dispose (GObject *object)
{
  PhonesetPhoneRow *self = PHONESET_PHONE_ROW (object);

  phoneset_phone_row_set_phone (self, NULL);

  G_OBJECT_CLASS (phoneset_phone_row_parent_class)->dispose (object);
}

static void
phoneset_phone_row_class_init (PhonesetPhoneRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_phone_row_dispose;
}

static GtkLabel *
row_label (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  return label;
}

static void
phoneset_phone_row_init (PhonesetPhoneRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->initial = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->initial), "phone-initial");
  gtk_widget_set_valign (GTK_WIDGET (self->initial), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->initial), GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->initial));

  self->title = row_label ();
  self->subtitle = row_label ();
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->subtitle));
  gtk_box_append (GTK_BOX (box), text);

  self->marks = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), self->marks);

  adw_bin_set_child (ADW_BIN (self), box);
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

/**
 * phoneset_phone_row_get_reach_mark:
 * @self: a row
 *
 * Returns: (nullable) (transfer none): the reachability mark, if the row has
 *   needed one yet
 */
GtkWidget *
phoneset_phone_row_get_reach_mark (PhonesetPhoneRow *self)
{
  g_return_val_if_fail (PHONESET_IS_PHONE_ROW (self), NULL);

  return self->reach_mark;
}
