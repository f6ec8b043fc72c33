/* phoneset-add-phone-dialog.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-add-phone-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-add-phone-dialog.h"
#include "phoneset-address.h"
#include "phoneset-phone.h"

/**
 * PhonesetAddPhoneDialog:
 *
 * Asks for the address of a phone that discovery cannot see (another
 * subnet or VLAN) and emits #PhonesetAddPhoneDialog::phone-added.
 */
struct _PhonesetAddPhoneDialog
{
  AdwMessageDialog parent_instance;

  /* Template widgets */
  GtkEntry        *address_entry;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (PhonesetAddPhoneDialog, phoneset_add_phone_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  PHONE_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
address_changed_cb (PhonesetAddPhoneDialog *self,
                    GtkEditable            *editable)
{
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;
  gboolean valid;

  g_assert (PHONESET_IS_ADD_PHONE_DIALOG (self));

  valid = phoneset_address_parse (text, 80, NULL, NULL, &error);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", valid);

  /* Say what is wrong only once there is something to judge. */
  if (valid || text[0] == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->address_entry), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->address_entry), "error");
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
address_activate_cb (PhonesetAddPhoneDialog *self)
{
  g_assert (PHONESET_IS_ADD_PHONE_DIALOG (self));

  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "add"))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "add");
}

static void
phoneset_add_phone_dialog_response (AdwMessageDialog *dialog,
                                    const char       *response)
{
  PhonesetAddPhoneDialog *self = PHONESET_ADD_PHONE_DIALOG (dialog);

  if (g_strcmp0 (response, "add") == 0)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->address_entry));
      g_autoptr(PhonesetPhone) phone = NULL;
      g_autofree char *address = g_strstrip (g_strdup (text));

      phone = phoneset_phone_new (address);
      g_signal_emit (self, signals[PHONE_ADDED], 0, phone);
    }

  ADW_MESSAGE_DIALOG_CLASS (phoneset_add_phone_dialog_parent_class)->response (dialog, response);
}

static void
phoneset_add_phone_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PHONESET_TYPE_ADD_PHONE_DIALOG);

  G_OBJECT_CLASS (phoneset_add_phone_dialog_parent_class)->dispose (object);
}

static void
phoneset_add_phone_dialog_class_init (PhonesetAddPhoneDialogClass *klass)
{
  GObjectClass          *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass        *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = phoneset_add_phone_dialog_dispose;
  dialog_class->response = phoneset_add_phone_dialog_response;

  /**
   * PhonesetAddPhoneDialog::phone-added:
   * @self: the dialog
   * @phone: the new #PhonesetPhone
   *
   * The user confirmed a valid address.
   */
  signals[PHONE_ADDED] = g_signal_new ("phone-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, PHONESET_TYPE_PHONE);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phoneset/Phoneset/phoneset-add-phone-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetAddPhoneDialog, address_entry);
  gtk_widget_class_bind_template_child (widget_class, PhonesetAddPhoneDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, address_activate_cb);
}

static void
phoneset_add_phone_dialog_init (PhonesetAddPhoneDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", FALSE);
}

/**
 * phoneset_add_phone_dialog_new:
 * @parent: the window the dialog belongs to
 *
 * Returns: (transfer full): a new dialog
 */
PhonesetAddPhoneDialog *
phoneset_add_phone_dialog_new (GtkWindow *parent)
{
  return g_object_new (PHONESET_TYPE_ADD_PHONE_DIALOG, "transient-for", parent, "modal", TRUE,
                       NULL);
}
