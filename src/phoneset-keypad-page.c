/* phoneset-keypad-page.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-keypad-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-active-uri.h"
#include "phoneset-address.h"
#include "phoneset-context.h"
#include "phoneset-error.h"
#include "phoneset-keypad-page.h"
#include "phoneset-profile.h"
#include "phoneset-remote.h"

/**
 * PhonesetKeypadPage:
 *
 * The phone's keypad, drawn from the neutral key vocabulary and pressed
 * over Active URI (PhonesetRemote): buttons, typing, macros, and a log of
 * each command with the phone's answer. Keys the vendor lacks are
 * insensitive; a phone with no known remote control gets a status page.
 */

typedef struct
{
  GPtrArray    *keys; /* neutral key names, NULL-terminated */
  GtkWidget    *row;
  GtkWidget    *cancel_button;
  GCancellable *cancellable;
  gboolean      mergeable;
} Command;

struct _PhonesetKeypadPage
{
  AdwBin               parent_instance;

  PhonesetContext     *context;
  PhonesetPhone       *phone;
  PhonesetSecretStore *secrets;
  PhonesetActiveUri   *active_uri;
  PhonesetRemote      *remote;
  GCancellable        *cancellable;
  char                *host;
  guint16              port;
  char                *user;
  gboolean             looking_up;
  GQueue               queue; /* Command, not yet sent */
  Command             *current;
  GHashTable          *buttons; /* neutral key → GtkButton */
  const char          *enter_key;
  const char          *hangup_key;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *none_page;
  AdwPreferencesGroup *credentials_group;
  AdwEntryRow         *user_row;
  AdwPasswordEntryRow *password_row;
  GtkWidget           *save_password_button;
  GtkWidget           *keypad_box;
  GtkLabel            *hint_label;
  GtkBox              *soft_box;
  GtkGrid             *nav_grid;
  GtkGrid             *function_grid;
  GtkGrid             *digit_grid;
  GtkWidget           *reboot_button;
  AdwEntryRow         *dial_row;
  GtkWidget           *dial_button;
  AdwActionRow        *hangup_row;
  GtkWidget           *hangup_button;
  GtkListBox          *log_list;
};

G_DEFINE_FINAL_TYPE (PhonesetKeypadPage, phoneset_keypad_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *key;
  const char *label;
  const char *icon;
  const char *a11y;
} KeyInfo;

static const KeyInfo soft_keys[] = {
  { "F1", "F1", NULL, N_("Soft key 1") },
    { "F2", "F2", NULL, N_("Soft key 2") },
      { "F3", "F3", NULL, N_("Soft key 3") },
        { "F4", "F4", NULL, N_("Soft key 4") },
      };

/* The navigation cluster: key, column, row. */
static const struct
{
  KeyInfo info;
  int     column;
  int     row;
} nav_keys[] = {
  { { "UP", NULL, "go-up-symbolic", N_("Up") }, 1, 0 },
    { { "LEFT", NULL, "go-previous-symbolic", N_("Left") }, 0, 1 },
      { { "OK", N_("OK"), NULL, N_("OK") }, 1, 1 },
        { { "RIGHT", NULL, "go-next-symbolic", N_("Right") }, 2, 1 },
          { { "DOWN", NULL, "go-down-symbolic", N_("Down") }, 1, 2 },
            { { "X", NULL, "window-close-symbolic", N_("Cancel (X)") }, 2, 2 },
          };

static const KeyInfo function_keys[] = {
  { "SPEAKER", N_("Speaker"), "audio-speakers-symbolic", N_("Speaker") },
    { "MUTE", N_("Mute"), "microphone-disabled-symbolic", N_("Mute") },
      { "HEADSET", N_("Headset"), "audio-headset-symbolic", N_("Headset") },
        { "F_HOLD", N_("Hold"), "media-playback-pause-symbolic", N_("Hold") },
          { "F_TRANSFER", N_("Transfer"), "mail-forward-symbolic", N_("Transfer") },
            { "RD", N_("Redial"), "call-outgoing-symbolic", N_("Redial") },
              { "VOLUME_DOWN", N_("Vol −"), "audio-volume-low-symbolic", N_("Volume down") },
                { "VOLUME_UP", N_("Vol +"), "audio-volume-high-symbolic", N_("Volume up") },
                  { "DNDOn",
                    N_("DND On"), "notifications-disabled-symbolic", N_("Do not disturb on") },
                    { "DNDOff", N_("DND Off"),
                                    "preferences-system-notifications-symbolic",
                                    N_("Do not disturb off") },
                      { "DND", N_("DND"),
                                   "notifications-disabled-symbolic",
                                   N_("Do not disturb on or off") },
                      };

static const KeyInfo digit_keys[] = {
  { "1", "1", NULL, N_("Key 1") }, { "2", "2", NULL, N_("Key 2") }, { "3", "3", NULL, N_("Key 3") }, { "4", "4", NULL, N_("Key 4") }, { "5", "5", NULL, N_("Key 5") }, { "6", "6", NULL, N_("Key 6") }, { "7", "7", NULL, N_("Key 7") }, { "8", "8", NULL, N_("Key 8") }, { "9", "9", NULL, N_("Key 9") }, { "*", "*", NULL, N_("Star (*)") }, { "0", "0", NULL, N_("Key 0") }, { "POUND", "#", NULL, N_("Pound (#)") },
                                                                                                                                                                                                                                                                                                                     };

static void start_next (PhonesetKeypadPage *self);

static void
command_free (Command *command)
{
  if (command->cancel_button != NULL)
    g_signal_handlers_disconnect_by_data (command->cancel_button, command);
  g_ptr_array_unref (command->keys);
  g_object_unref (command->cancellable);
  g_free (command);
}

/* The command is done: its row keeps no Cancel button. */
static void
command_finish (Command *command)
{
  if (command->cancel_button != NULL)
    {
      g_signal_handlers_disconnect_by_data (command->cancel_button, command);
      gtk_widget_set_visible (command->cancel_button, FALSE);
      command->cancel_button = NULL;
    }
  command_free (command);
}

static void
phoneset_keypad_page_dispose (GObject *object)
{
  PhonesetKeypadPage *self = (PhonesetKeypadPage *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->current != NULL)
    g_cancellable_cancel (self->current->cancellable);
  g_queue_clear_full (&self->queue, (GDestroyNotify)command_free);
  g_clear_pointer (&self->current, command_free);
  g_clear_pointer (&self->buttons, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_KEYPAD_PAGE);
  g_clear_object (&self->remote);
  g_clear_object (&self->active_uri);
  g_clear_object (&self->secrets);
  g_clear_object (&self->phone);

  G_OBJECT_CLASS (phoneset_keypad_page_parent_class)->dispose (object);
}

static void
phoneset_keypad_page_finalize (GObject *object)
{
  PhonesetKeypadPage *self = (PhonesetKeypadPage *)object;

  g_clear_object (&self->cancellable);
  g_free (self->host);
  g_free (self->user);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (phoneset_keypad_page_parent_class)->finalize (object);
}

/* What is shown for a key in the log: "#" rather than POUND. */
static const char *
key_display (const char *key)
{
  return g_str_equal (key, "POUND") ? "#" : key;
}

static char *
command_text (Command *command)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < command->keys->len - 1; i++)
    g_string_append_printf (s, "%s%s", i ? "; " : "", key_display (command->keys->pdata[i]));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
set_row_state (GtkWidget  *row,
               const char *icon,
               const char *css,
               const char *subtitle)
{
  GtkWidget *image = g_object_get_data (G_OBJECT (row), "state-icon");

  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  gtk_widget_remove_css_class (image, "success");
  gtk_widget_remove_css_class (image, "error");
  gtk_widget_remove_css_class (image, "dim-label");
  gtk_widget_add_css_class (image, css);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle, -1);
}

static void
update_row_title (Command *command)
{
  g_autofree char *text = command_text (command);
  g_autofree char *time = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = NULL;

  time = g_date_time_format (now, "%H:%M:%S");
  title = g_strdup_printf ("%s  %s", time, text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (command->row), title);
}

static void
cancel_clicked_cb (GtkButton *button,
                   Command   *command)
{
  PhonesetKeypadPage *self = g_object_get_data (G_OBJECT (button), "page");

  if (command == self->current)
    {
      /* sent_cb says so and goes on with the next. */
      g_cancellable_cancel (command->cancellable);
      return;
    }
  g_queue_remove (&self->queue, command);
  set_row_state (command->row, "process-stop-symbolic", "dim-label", _("Cancelled: not sent"));
  command_finish (command);
}

static void
add_log_row (PhonesetKeypadPage *self,
             Command            *command)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new ();
  GtkWidget *cancel = gtk_button_new_from_icon_name ("process-stop-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  g_object_set_data (G_OBJECT (row), "state-icon", image);
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "flat");
  gtk_widget_set_tooltip_text (cancel, _("Cancel this command"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cancel this command"), -1);
  g_object_set_data (G_OBJECT (cancel), "page", self);
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), command);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), cancel);
  g_object_set_data (G_OBJECT (row), "cancel-button", cancel);
  command->cancel_button = cancel;
  command->row = row;
  update_row_title (command);
  set_row_state (row, "content-loading-symbolic", "dim-label", _("Waiting"));
  gtk_list_box_prepend (self->log_list, row);
}

static void
enqueue (PhonesetKeypadPage *self,
         const char *const  *keys,
         gboolean            mergeable)
{
  Command *tail = g_queue_peek_tail (&self->queue);
  Command *command;

  /* Presses made while the previous command is on its way go out as one
   * chain (the vendor's separator), in order. */
  if (mergeable && tail != NULL && tail->mergeable)
    {
      g_ptr_array_remove_index (tail->keys, tail->keys->len - 1);
      for (guint i = 0; keys[i] != NULL; i++)
        g_ptr_array_add (tail->keys, (gpointer)keys[i]);
      g_ptr_array_add (tail->keys, NULL);
      update_row_title (tail);
      return;
    }
  command = g_new0 (Command, 1);
  command->cancellable = g_cancellable_new ();
  command->keys = g_ptr_array_new ();
  command->mergeable = mergeable;
  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (command->keys, (gpointer)keys[i]);
  g_ptr_array_add (command->keys, NULL);
  add_log_row (self, command);
  g_queue_push_tail (&self->queue, command);
  start_next (self);
}

static void
show_credentials (PhonesetKeypadPage *self,
                  const char         *why)
{
  adw_preferences_group_set_description (self->credentials_group, why);
  gtk_widget_set_visible (GTK_WIDGET (self->credentials_group), TRUE);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PhonesetKeypadPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Command *command;

  phoneset_remote_send_keys_finish (PHONESET_REMOTE (source), result, &error);
  /* The page is gone: nothing to show. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  command = g_steal_pointer (&self->current);
  if (error == NULL)
    set_row_state (command->row, "object-select-symbolic", "success", _("OK"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_row_state (command->row, "process-stop-symbolic", "dim-label",
                   _("Cancelled: the phone may have received part of it"));
  else
    {
      set_row_state (command->row, "dialog-error-symbolic", "error", error->message);
      if (g_error_matches (error, PHONESET_ERROR, PHONESET_ERROR_AUTH))
        {
          Command *left;

          show_credentials (self, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
          /* The rest would meet the same refusal: they are not sent. */
          while ((left = g_queue_pop_head (&self->queue)) != NULL)
            {
              set_row_state (left->row, "dialog-error-symbolic", "error",
                             _("Not sent: give the phone's web admin password first."));
              command_finish (left);
            }
        }
    }
  command_finish (command);
  start_next (self);
}

static void
start_next (PhonesetKeypadPage *self)
{
  if (self->current != NULL || self->looking_up || self->remote == NULL)
    return;
  self->current = g_queue_pop_head (&self->queue);
  if (self->current == NULL)
    return;
  set_row_state (self->current->row, "content-loading-symbolic", "dim-label", _("Sending…"));
  phoneset_remote_send_keys_async (self->remote, (const char *const *)self->current->keys->pdata,
                                   self->current->cancellable, sent_cb, g_object_ref (self));
}

static void
press (PhonesetKeypadPage *self,
       const char         *key)
{
  const char *keys[] = { key, NULL };

  enqueue (self, keys, TRUE);
}

static void
key_clicked_cb (GtkButton          *button,
                PhonesetKeypadPage *self)
{
  press (self, g_object_get_data (G_OBJECT (button), "key"));
}

static gboolean
supported (PhonesetKeypadPage  *self,
           const char          *key,
           GError             **error)
{
  const char *keys[] = { key, NULL };
  g_autoptr(GPtrArray) requests =
               phoneset_active_uri_build_requests (self->active_uri, keys, error);

  return requests != NULL;
}

static GtkWidget *
make_key (PhonesetKeypadPage *self,
          const KeyInfo      *info,
          gboolean            digit)
{
  GtkWidget *button = gtk_button_new ();
  g_autoptr(GError) error = NULL;
  const char *a11y = _(info->a11y);

  if (info->icon != NULL && info->label != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label = gtk_label_new (_(info->label));

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon));
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
    }
  else if (info->icon != NULL)
    gtk_button_set_icon_name (GTK_BUTTON (button), info->icon);
  else
    gtk_button_set_label (GTK_BUTTON (button), _(info->label));

  if (digit)
    {
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "title-3");
      gtk_widget_set_size_request (button, 56, 56);
    }
  else
    gtk_widget_set_size_request (button, 56, -1);

  g_object_set_data (G_OBJECT (button), "key", (gpointer)info->key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);

  if (!supported (self, info->key, &error))
    {
      g_autofree char *tip = g_strdup_printf ("%s: %s", a11y, error->message);

      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error->message, -1);
    }
  else
    {
      const char      *token = phoneset_active_uri_lookup (self->active_uri, info->key);
      g_autofree char *tip = NULL;

      /* An [U]nconfirmed mapping is said so (vendors.md confidence marks). */
      if (phoneset_active_uri_is_unconfirmed (self->active_uri, info->key))
        tip = g_strdup_printf (_("%s (sent as “%s”; this mapping is unconfirmed)"), a11y,
                                  token ? token : info->key);
      else
        tip = g_strdup_printf (_("%s (sent as “%s”)"), a11y, token ? token : info->key);
      gtk_widget_set_tooltip_text (button, tip);
    }
  g_signal_connect (button, "clicked", G_CALLBACK (key_clicked_cb), self);
  g_hash_table_insert (self->buttons, (gpointer)info->key, button);
  return button;
}

static void
build_keypad (PhonesetKeypadPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (soft_keys); i++)
    gtk_box_append (self->soft_box, make_key (self, &soft_keys[i], FALSE));
  for (guint i = 0; i < G_N_ELEMENTS (nav_keys); i++)
    {
      GtkWidget *button = make_key (self, &nav_keys[i].info, FALSE);

      if (g_str_equal (nav_keys[i].info.key, "OK"))
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_grid_attach (self->nav_grid, button, nav_keys[i].column, nav_keys[i].row, 1, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (function_keys); i++)
    gtk_grid_attach (self->function_grid, make_key (self, &function_keys[i], FALSE), i % 4, i / 4,
                     1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (digit_keys); i++)
    gtk_grid_attach (self->digit_grid, make_key (self, &digit_keys[i], TRUE), i % 3, i / 3, 1, 1);

  if (!supported (self, "Reboot", NULL))
    {
      gtk_widget_set_sensitive (self->reboot_button, FALSE);
      gtk_widget_set_tooltip_text (self->reboot_button,
                                   _("This phone has no Active URI command to reboot."));
    }
}

/* Typing on the keypad presses the phone's keys. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PhonesetKeypadPage    *self)
{
  GtkWidget  *focus = gtk_root_get_focus (gtk_widget_get_root (self->keypad_box));
  const char *key = NULL;
  guint32     c = gdk_keyval_to_unicode (keyval);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  if (c >= '0' && c <= '9')
    {
      static const char *const digits[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" };

      key = digits[c - '0'];
    }
  else if (c == '*')
    key = "*";
  else if (c == '#')
    key = "POUND";
  else
    switch (keyval)
      {
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        key = "UP";
        break;
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        key = "DOWN";
        break;
      case GDK_KEY_Left:
      case GDK_KEY_KP_Left:
        key = "LEFT";
        break;
      case GDK_KEY_Right:
      case GDK_KEY_KP_Right:
        key = "RIGHT";
        break;
      case GDK_KEY_BackSpace:
        key = "X";
        break;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_ISO_Enter:
        /* Enter on a focused button clicks that button. */
        if (GTK_IS_BUTTON (focus))
          return FALSE;
        key = self->enter_key;
        break;
      default:
        break;
      }
  if (key == NULL || !supported (self, key, NULL))
    return FALSE;
  press (self, key);
  return TRUE;
}

static void
keypad_pressed_cb (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   PhonesetKeypadPage *self)
{
  gtk_widget_grab_focus (self->keypad_box);
}

/* While the keypad has the focus, the hint says that typing goes to the
 * phone. */
static void
keypad_focus_cb (GtkEventControllerFocus *focus,
                 GParamSpec              *pspec,
                 PhonesetKeypadPage      *self)
{
  GtkWidget *hint = GTK_WIDGET (self->hint_label);

  if (gtk_event_controller_focus_contains_focus (focus))
    {
      gtk_label_set_text (self->hint_label,
                          _("Typing goes to the phone: digits, *, #, Enter, arrows, Backspace"));
      gtk_widget_remove_css_class (hint, "dim-label");
      gtk_widget_add_css_class (hint, "accent");
    }
  else
    {
      gtk_label_set_text (self->hint_label,
                          _("Click here to type: digits, *, #, Enter, arrows, Backspace"));
      gtk_widget_remove_css_class (hint, "accent");
      gtk_widget_add_css_class (hint, "dim-label");
    }
}

/* The dial macro: SPEAKER, the number typed key by key (the core expands a
 * string of digits, * and #), then Enter. */
static GPtrArray *
dial_keys (PhonesetKeypadPage  *self,
           GError             **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->dial_row));
  g_autoptr(GString) number = g_string_new (NULL);
  const char *words[] = { "SPEAKER", NULL, self->enter_key, NULL };

  if (self->active_uri == NULL)
    {
      g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                           _("This phone has no remote control."));
      return NULL;
    }
  if (strlen (text) > 64)
    {
      g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                           _("The number is too long."));
      return NULL;
    }
  for (const char *p = text; *p; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (number, *p);
  if (number->len == 0)
    {
      g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                           _("Type the number to dial."));
      return NULL;
    }
  words[1] = number->str;
  return phoneset_active_uri_expand_keys (self->active_uri, words, error);
}

static void
dial_changed_cb (PhonesetKeypadPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->dial_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = dial_keys (self, &error);

  gtk_widget_set_sensitive (self->dial_button, keys != NULL);
  gtk_widget_set_tooltip_text (self->dial_button,
                               keys == NULL && text[0] != '\0' ? error->message : NULL);
  if (keys != NULL || text[0] == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->dial_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->dial_row), "error");
}

static void
dial_cb (PhonesetKeypadPage *self)
{
  g_autoptr(GPtrArray) keys = NULL;

  if (!gtk_widget_get_sensitive (self->dial_button))
    return;
  keys = dial_keys (self, NULL);
  if (keys != NULL)
    enqueue (self, (const char *const *)keys->pdata, FALSE);
}

static void
hangup_cb (PhonesetKeypadPage *self)
{
  const char *keys[] = { self->hangup_key, NULL };

  if (self->hangup_key != NULL)
    enqueue (self, keys, FALSE);
}

static void
reboot_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    PhonesetKeypadPage *self)
{
  const char *keys[] = { "Reboot", NULL };

  if (g_str_equal (response, "reboot"))
    enqueue (self, keys, FALSE);
}

static void
reboot_clicked_cb (PhonesetKeypadPage *self)
{
  GtkRoot         *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = phoneset_phone_dup_display_name (self->phone);
  GtkWidget       *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Reboot the Phone?"), NULL);
  adw_message_dialog_format_body (
    ADW_MESSAGE_DIALOG (dialog),
    _("%s restarts now: a call in progress is dropped and the phone is unreachable "
                                    "for a minute or two."),
       name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                    _("_Cancel"), "reboot", _("_Reboot"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reboot",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reboot_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PhonesetKeypadPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!phoneset_secret_store_store_finish (PHONESET_SECRET_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Kept for this session (the keyring is locked or absent): the keys
       * work, and the window says why it is not saved. */
      if (error->domain == PHONESET_SECRET_ERROR)
        g_debug ("The password is kept until the program quits: %s", error->message);
      else
        show_credentials (self, error->message);
    }
}

static void
save_password_cb (PhonesetKeypadPage *self)
{
  const char      *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *user =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));

  /* A phone with no user out of the box (a push user the installer
   * creates) needs one typed. */
  if (phoneset_active_uri_choose_user (self->active_uri, user) == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
      return;
    }
  if (password[0] == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  g_free (self->user);
  self->user = g_strdup (phoneset_active_uri_choose_user (self->active_uri, user));
  if (self->remote != NULL)
    phoneset_remote_set_credentials (self->remote, self->user, password);
  phoneset_secret_store_store_async (self->secrets, self->host, self->user, password,
                                     self->cancellable, stored_cb, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->credentials_group), FALSE);
  gtk_widget_grab_focus (self->keypad_box);
  start_next (self);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PhonesetKeypadPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password =
    phoneset_secret_store_lookup_finish (PHONESET_SECRET_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->looking_up = FALSE;
  if (password != NULL)
    {
      phoneset_remote_set_credentials (self->remote, self->user, password);
      memset (password, 0, strlen (password));
      g_free (password);
    }
  else
    {
      g_autofree char *why = NULL;

      if (error != NULL)
        why = g_strdup_printf (_("The saved password could not be read. %s Type the password of the phone's web admin."),
          error->message);
      else
        why = g_strdup_printf (
          _("No password is saved for “%s” on %s: type the password of the phone's web admin."),
             self->user, self->host);
      show_credentials (self, why);
    }
  start_next (self);
}

static PhonesetProfile *
find_profile (PhonesetKeypadPage *self)
{
  PhonesetConfig *config = phoneset_phone_get_config (self->phone);
  const char     *id = phoneset_phone_get_profile_id (self->phone);

  if (config != NULL)
    return phoneset_config_get_profile (config);
  if (id != NULL)
    return phoneset_catalog_find (phoneset_context_get_catalog (self->context), id);
  return NULL;
}

static void
setup (PhonesetKeypadPage *self)
{
  PhonesetProfile *profile = find_profile (self);
  g_autoptr(GError) error = NULL;
  const char      *admin_user = phoneset_phone_get_admin_user (self->phone);
  const char      *model = phoneset_phone_get_model (self->phone);
  JsonObject      *object = NULL;
  PhonesetCatalog *catalog = phoneset_context_get_catalog (self->context);

  /* The phone's own profile, else one of its vendor's for its model. */
  if (profile == NULL && phoneset_phone_get_vendor (self->phone) != NULL)
    profile = phoneset_catalog_find_for_vendor (catalog, phoneset_phone_get_vendor (self->phone),
                                                model, NULL);
  if (profile != NULL)
    {
      object = phoneset_profile_get_active_uri (profile);
      if (object != NULL)
        self->active_uri = phoneset_active_uri_new_for_profile (profile, model, &error);
    }
  else if (phoneset_phone_get_vendor (self->phone) != NULL)
    self->active_uri = phoneset_catalog_new_active_uri_for_vendor (
      catalog, phoneset_phone_get_vendor (self->phone), NULL, &error);
  if (self->active_uri != NULL)
    phoneset_active_uri_set_model (self->active_uri, model);

  if (self->active_uri == NULL)
    {
      /* The profile's own words on why there is no remote control, if any. */
      const char      *note = profile ? phoneset_profile_get_no_remote_control (profile) : NULL;
      g_autofree char *text = NULL;

      if (error != NULL)
        text = g_strdup (error->message);
      else if (note != NULL)
        text = g_strdup_printf (_("There is no known remote control interface for this phone. %s"),
                                   note);
      else
        text = g_strdup (
          _("There is no known remote control interface for this phone: use its own keypad."));
      adw_status_page_set_description (self->none_page, text);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  if (!phoneset_address_parse (phoneset_phone_get_address (self->phone), 80, &self->host,
                               &self->port, &error))
    {
      adw_status_page_set_title (self->none_page, _("No Usable Address"));
      adw_status_page_set_description (self->none_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "keypad");
  self->remote = phoneset_remote_new (self->host, self->port, FALSE, self->active_uri);
  self->user = g_strdup (phoneset_active_uri_choose_user (self->active_uri, admin_user));
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), self->user ? self->user : "");

  self->enter_key = phoneset_active_uri_lookup (self->active_uri, "ENTER") ? "ENTER" : "OK";
  if (phoneset_active_uri_lookup (self->active_uri, "RELEASE"))
    self->hangup_key = "RELEASE";
  else if (phoneset_active_uri_lookup (self->active_uri, "ONHOOK"))
    self->hangup_key = "ONHOOK";
  else if (phoneset_active_uri_lookup (self->active_uri, "X"))
    /* Yealink lists no RELEASE: Cancel (X) ends the call [U]. */
    self->hangup_key = "X";
  if (self->hangup_key != NULL)
    {
      const char      *token = phoneset_active_uri_lookup (self->active_uri, self->hangup_key);
      g_autofree char *subtitle = g_str_equal (self->hangup_key, "X")
        ? g_strdup (_("Sends X (Cancel): this phone lists no hang-up key, and that Cancel "
                                                  "ends a call is unconfirmed"))
        : g_str_equal (token, self->hangup_key)
        ? g_strdup_printf (_("Sends %s"), self->hangup_key)
        : g_strdup_printf (_("Sends %s (“%s” on this phone)"), self->hangup_key, token);

      adw_action_row_set_subtitle (self->hangup_row, subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (self->hangup_row,
                                   _("This phone has no Active URI key to hang up."));
      gtk_widget_set_sensitive (self->hangup_button, FALSE);
    }
  build_keypad (self);

  if (self->user == NULL)
    {
      /* No user out of the box: the one set on the phone, in its own terms
       * where the profile has them. */
      const char      *hint = phoneset_active_uri_get_status_hint (self->active_uri, 401);
      g_autofree char *why = hint
        ? g_strdup_printf (_("This phone's key interface has no user out of the box: %s"), hint)
        : g_strdup (_("This phone's key interface has no user out of the box: type the one "
                           "set on the phone, and its password."));

      adw_preferences_group_set_title (self->credentials_group, _("Key Interface User"));
      show_credentials (self, why);
      return;
    }
  self->looking_up = TRUE;
  phoneset_secret_store_lookup_async (self->secrets, self->host, self->user, self->cancellable,
                                      lookup_cb, g_object_ref (self));
}

static void
phoneset_keypad_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PhonesetKeypadPage *self = PHONESET_KEYPAD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_keypad_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PhonesetKeypadPage *self = PHONESET_KEYPAD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_keypad_page_class_init (PhonesetKeypadPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = phoneset_keypad_page_dispose;
  object_class->get_property = phoneset_keypad_page_get_property;
  object_class->set_property = phoneset_keypad_page_set_property;

  /**
   * PhonesetKeypadPage:context:
   *
   * What the application's widgets share: the catalog, the saved phones,
   * the secret store, the settings and the STUN server.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PHONESET_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = phoneset_keypad_page_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phoneset/Phoneset/phoneset-keypad-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, credentials_group);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, save_password_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, keypad_box);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, soft_box);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, nav_grid);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, function_grid);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, digit_grid);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, reboot_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, dial_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, dial_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, hangup_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, hangup_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetKeypadPage, log_list);
  gtk_widget_class_bind_template_callback (widget_class, save_password_cb);
  gtk_widget_class_bind_template_callback (widget_class, reboot_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dial_cb);
  gtk_widget_class_bind_template_callback (widget_class, dial_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hangup_cb);
}

static void
phoneset_keypad_page_init (PhonesetKeypadPage *self)
{
  GtkEventController *keys;
  GtkEventController *focus;
  GtkGesture         *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->buttons = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&self->queue);

  /* Capture: the keypad's own buttons must not eat the arrows. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->keypad_box, keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "notify::contains-focus", G_CALLBACK (keypad_focus_cb), self);
  gtk_widget_add_controller (self->keypad_box, focus);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (keypad_pressed_cb), self);
  gtk_widget_add_controller (self->keypad_box, GTK_EVENT_CONTROLLER (click));
}

/**
 * phoneset_keypad_page_new:
 * @context: what the application's widgets share
 * @phone: the phone
 * @secrets: where its web admin password is kept
 *
 * Returns: (transfer floating): the remote keypad page
 */
GtkWidget *
phoneset_keypad_page_new (PhonesetContext     *context,
                          PhonesetPhone       *phone,
                          PhonesetSecretStore *secrets)
{
  PhonesetKeypadPage *self;

  g_return_val_if_fail (PHONESET_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PHONESET_IS_PHONE (phone), NULL);
  g_return_val_if_fail (PHONESET_IS_SECRET_STORE (secrets), NULL);

  self = g_object_new (PHONESET_TYPE_KEYPAD_PAGE, "context", context, NULL);
  self->phone = g_object_ref (phone);
  self->secrets = g_object_ref (secrets);
  setup (self);
  return GTK_WIDGET (self);
}

/**
 * phoneset_keypad_page_get_button:
 * @key: a key of the neutral vocabulary
 *
 * Returns: (transfer none) (nullable): the button that presses @key
 */
GtkWidget *
phoneset_keypad_page_get_button (PhonesetKeypadPage *self,
                                 const char         *key)
{
  g_return_val_if_fail (PHONESET_IS_KEYPAD_PAGE (self), NULL);
  return self->buttons ? g_hash_table_lookup (self->buttons, key) : NULL;
}

/**
 * phoneset_keypad_page_is_busy:
 *
 * Returns: whether commands are waiting or on their way to the phone
 */
gboolean
phoneset_keypad_page_is_busy (PhonesetKeypadPage *self)
{
  g_return_val_if_fail (PHONESET_IS_KEYPAD_PAGE (self), FALSE);
  return self->looking_up || self->current != NULL ||
         (g_queue_get_length (&self->queue) > 0 &&
          gtk_widget_get_visible (GTK_WIDGET (self->credentials_group)) == FALSE);
}
