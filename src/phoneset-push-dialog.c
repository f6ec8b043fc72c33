/* phoneset-push-dialog.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-push-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-address.h"
#include "phoneset-error.h"
#include "phoneset-export.h"
#include "phoneset-push-dialog.h"
#include "phoneset-remote.h"

#define N_STEPS 4

typedef enum
{
  STEP_PENDING,
  STEP_ACTIVE,
  STEP_DONE,
  STEP_FAILED,
} StepState;

/**
 * PhonesetPushDialog:
 *
 * Push to Phone: lists what changes (the phone's baseline against its
 * config), lets the user choose how the phone is made to fetch its file,
 * asks for the web admin password when the keyring has none or the phone
 * refuses it, runs a #PhonesetPush with its steps shown, and shows what the
 * phone did. A verified push makes the config the phone's baseline and
 * records the time on the phone.
 */
struct _PhonesetPushDialog
{
  AdwWindow               parent_instance;

  PhonesetPhone          *phone;
  PhonesetSecretStore    *secrets;
  PhonesetConfig         *config;
  PhonesetActiveUri      *active_uri;
  char                   *host;
  guint16                 port;
  char                   *no_push_reason; /* why this phone cannot be pushed to at all */
  guint                   n_changes;
  char                   *password; /* never logged */
  gboolean                password_typed;
  gboolean                lookup_done;
  gboolean                running;
  gboolean                succeeded;
  gboolean                closed;
  const PhonesetDelivery *delivery;
  guint                   wait;
  guint16                 sip_port;
  guint16                 pnp_port;
  GCancellable           *cancellable;      /* the dialog's life */
  GCancellable           *push_cancellable; /* the running push */
  PhonesetPush           *push;
  guint                   step;
  GtkWidget              *step_rows[N_STEPS];
  GtkWidget              *step_icons[N_STEPS];
  GPtrArray              *result_rows;
  /* GtkCheckButton, one per delivery method, in their order. */
  GPtrArray              *method_checks;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  GtkButton              *cancel_button;
  GtkButton              *push_button;
  GtkStack               *stack;
  AdwPreferencesGroup    *changes_group;
  AdwPreferencesGroup    *method_group;
  AdwPreferencesGroup    *method_refusal_group;
  GtkLabel               *method_refusal_label;
  AdwPreferencesGroup    *credentials_group;
  AdwActionRow           *user_row;
  AdwEntryRow            *password_row;
  AdwPreferencesGroup    *steps_group;
  AdwPreferencesGroup    *outcome_group;
  GtkLabel               *outcome_title;
  GtkLabel               *outcome_label;
  AdwPreferencesGroup    *result_group;
};

G_DEFINE_FINAL_TYPE (PhonesetPushDialog, phoneset_push_dialog, ADW_TYPE_WINDOW)

static void start_push (PhonesetPushDialog *self);

static void
forget_password (PhonesetPushDialog *self)
{
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
}

static GtkWidget *
badge (const char *text,
       const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, style);
  return label;
}

/* Actions ---------------------------------------------------------------- */

static gboolean
via_possible (PhonesetPushDialog      *self,
              const PhonesetDelivery  *delivery,
              GError                 **error)
{
  if (self->no_push_reason != NULL)
    {
      g_set_error_literal (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED, self->no_push_reason);
      return FALSE;
    }
  return phoneset_delivery_check (delivery, self->active_uri, error);
}

static void
update_actions (PhonesetPushDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean    can_push;

  if (self->succeeded)
    can_push = TRUE; /* Done */
  else if (self->running)
    can_push = FALSE;
  else if (g_strcmp0 (page, "run") == 0)
    can_push = TRUE; /* Retry */
  else
    can_push =
      self->n_changes > 0 && self->lookup_done && via_possible (self, self->delivery, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "push.push", can_push);
}

static void
set_push_label (PhonesetPushDialog *self,
                const char         *label,
                const char         *accessible)
{
  gtk_button_set_label (self->push_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->push_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
push_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PhonesetPushDialog *self = PHONESET_PUSH_DIALOG (widget);

  if (self->succeeded)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (self->running)
    return;
  start_push (self);
}

/* Escape and the Cancel button: stop a running push, else close. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PhonesetPushDialog *self = PHONESET_PUSH_DIALOG (widget);

  if (self->running)
    g_cancellable_cancel (self->push_cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
password_activated_cb (PhonesetPushDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "push.push", NULL);
}

/* The setup page --------------------------------------------------------- */

static char *
display_value (PhonesetSetting *setting,
               const char      *value)
{
  if (value == NULL || value[0] == '\0')
    return g_strdup (_("(empty)"));
  if (phoneset_setting_is_secret (setting))
    return g_strdup ("••••••••"); /* never the password itself */
  return phoneset_setting_dup_display_value (setting, value);
}

/* How many changes the dialog lists before "N more settings". */
#define SHOWN_CHANGES 8

static GtkWidget *
change_row_new (PhonesetConfigChange *change)
{
  g_autofree char *old_text = display_value (change->setting, change->old_value);
  g_autofree char *new_text = display_value (change->setting, change->new_value);
  g_autofree char *subtitle = g_strdup_printf ("%s → %s", old_text, new_text);
  g_autofree char *menu = phoneset_setting_dup_menu_path_text (change->setting);
  GtkWidget       *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 phoneset_setting_get_title (change->setting));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (menu != NULL && menu[0] != '\0')
    gtk_widget_set_tooltip_text (row, menu);
  gtk_widget_set_name (row, phoneset_setting_get_id (change->setting));
  if (phoneset_setting_get_reboot (change->setting))
    {
      GtkWidget *mark = badge (_("Restart needed"), "warning");

      gtk_widget_set_tooltip_text (mark, _("The phone applies this setting after it restarts."));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
  return row;
}

typedef struct
{
  GPtrArray *changes; /* PhonesetConfigChange, all of them */
  gboolean   made;
} MoreChanges;

static void
more_changes_free (MoreChanges *data)
{
  g_ptr_array_unref (data->changes);
  g_free (data);
}

static void
more_changes_expanded_cb (AdwExpanderRow *more,
                          GParamSpec     *pspec,
                          MoreChanges    *data)
{
  if (data->made || !adw_expander_row_get_expanded (more))
    return;
  data->made = TRUE;
  for (guint i = SHOWN_CHANGES; i < data->changes->len; i++)
    adw_expander_row_add_row (more, change_row_new (g_ptr_array_index (data->changes, i)));
}

static void
add_change_rows (PhonesetPushDialog *self)
{
  g_autoptr(PhonesetConfig) empty = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  PhonesetConfig *baseline = phoneset_phone_get_baseline (self->phone);

  if (self->config != NULL)
    {
      if (baseline == NULL ||
          phoneset_config_get_profile (baseline) != phoneset_config_get_profile (self->config))
        baseline = empty = phoneset_config_new (phoneset_config_get_profile (self->config));
      changes = phoneset_config_diff (baseline, self->config);
      self->n_changes = changes->len;
    }

  if (self->n_changes == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing to push"));
      adw_action_row_set_subtitle (
        ADW_ACTION_ROW (row),
        _("The phone already has these settings as far as Phoneset knows: change a "
                                     "setting first."));
      gtk_widget_set_name (row, "nothing-to-push");
      adw_preferences_group_add (self->changes_group, row);
      adw_preferences_group_set_description (self->changes_group, NULL);
      return;
    }

  {
    g_autofree char *description =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u setting changes on the phone.",
                                    "%u settings change on the phone.", self->n_changes),
                       self->n_changes);

    adw_preferences_group_set_description (self->changes_group, description);
  }
  for (guint i = 0; i < MIN (changes->len, SHOWN_CHANGES); i++)
    adw_preferences_group_add (self->changes_group,
                               change_row_new (g_ptr_array_index (changes, i)));
  if (changes->len > SHOWN_CHANGES)
    {
      /* The rest behind one row, made when it is opened: a dialog with
       * fifty changes took 130 ms more to show (measuring the rows). */
      guint            rest = changes->len - SHOWN_CHANGES;
      GtkWidget       *more = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u more setting", "%u more settings", rest), rest);
      MoreChanges *data = g_new0 (MoreChanges, 1);

      guint        restarts = 0;

      data->changes = g_ptr_array_ref (changes);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      /* What a hidden row would have shown as a badge. */
      for (guint i = SHOWN_CHANGES; i < changes->len; i++)
        if (phoneset_setting_get_reboot (
              ((PhonesetConfigChange *)g_ptr_array_index (changes, i))->setting))
          restarts++;
      if (restarts > 0)
        {
          g_autofree char *subtitle =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of them needs a restart",
                                          "%u of them need a restart", restarts),
                             restarts);

          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (more), subtitle);
        }
      gtk_widget_set_name (more, "more-changes");
      g_signal_connect_data (more, "notify::expanded", G_CALLBACK (more_changes_expanded_cb), data,
                             (GClosureNotify)(void (*) (void))more_changes_free, 0);
      adw_preferences_group_add (self->changes_group, more);
    }
}

/* The delivery method a choice in the Method group stands for. */
#define DELIVERY_KEY "phoneset-delivery"

static GtkCheckButton *
check_for_via (PhonesetPushDialog     *self,
               const PhonesetDelivery *delivery)
{
  for (guint i = 0; i < self->method_checks->len; i++)
    if (g_object_get_data (g_ptr_array_index (self->method_checks, i), DELIVERY_KEY) == delivery)
      return g_ptr_array_index (self->method_checks, i);
  return NULL;
}

static void
update_refusal (PhonesetPushDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (via_possible (self, self->delivery, &error))
    gtk_widget_set_visible (GTK_WIDGET (self->method_refusal_group), FALSE);
  else
    {
      gtk_label_set_text (self->method_refusal_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->method_refusal_group), TRUE);
    }
  update_actions (self);
}

static void
method_toggled_cb (PhonesetPushDialog *self,
                   GtkCheckButton     *check)
{
  if (!gtk_check_button_get_active (check))
    return;
  self->delivery = g_object_get_data (G_OBJECT (check), DELIVERY_KEY);
  update_refusal (self);
}

/* One row per delivery method, in their order, the first checked. */
static void
add_method_rows (PhonesetPushDialog *self)
{
  const PhonesetDelivery *const *all = phoneset_delivery_get_all ();

  self->delivery = all[0];
  for (guint i = 0; all[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, phoneset_delivery_get_id (all[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      phoneset_delivery_get_accessible_label (all[i]), -1);
      g_object_set_data (G_OBJECT (check), DELIVERY_KEY, (gpointer)all[i]);
      if (i == 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                    g_ptr_array_index (self->method_checks, 0));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (method_toggled_cb), self);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     phoneset_delivery_get_title (all[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->method_group, row);
      g_ptr_array_add (self->method_checks, check);
    }
}

static void
describe_methods (PhonesetPushDialog *self)
{
  gboolean chosen = FALSE;

  for (guint i = 0; i < self->method_checks->len; i++)
    {
      GtkCheckButton         *check = g_ptr_array_index (self->method_checks, i);
      const PhonesetDelivery *delivery = g_object_get_data (G_OBJECT (check), DELIVERY_KEY);
      AdwActionRow           *row =
        ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW));
      g_autoptr(GError) error = NULL;

      adw_action_row_set_subtitle (row, phoneset_delivery_get_description (delivery));
      if (!via_possible (self, delivery, &error))
        {
          GtkWidget *mark = badge (_("Not on this phone"), "error");

          gtk_widget_set_tooltip_text (mark, error->message);
          adw_action_row_add_suffix (row, mark);
          continue;
        }
      /* What the method rests on that no vendor documents [U]. */
      if (phoneset_delivery_get_unconfirmed (delivery) != NULL)
        {
          GtkWidget *mark = badge (_("Unconfirmed"), "dim-label");

          gtk_widget_set_tooltip_text (mark, phoneset_delivery_get_unconfirmed (delivery));
          adw_action_row_add_suffix (row, mark);
        }
      if (!chosen)
        {
          chosen = TRUE;
          self->delivery = delivery;
          gtk_check_button_set_active (check, TRUE);
        }
    }
  update_refusal (self);
}

static void
show_password_row (PhonesetPushDialog *self,
                   const char         *why)
{
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), TRUE);
  adw_preferences_group_set_description (self->credentials_group, why);
}

/* Whom Phoneset logs in as: the user set for this phone, else its
 * profile's default; %NULL where the phone has none out of the box. */
static const char *
login_user (PhonesetPushDialog *self)
{
  const char *user = phoneset_phone_get_admin_user (self->phone);

  return self->active_uri ? phoneset_active_uri_choose_settings_user (self->active_uri, user)
                          : user;
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PhonesetPushDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password =
    phoneset_secret_store_lookup_finish (PHONESET_SECRET_STORE (source), result, &error);

  if (self->closed)
    {
      if (password != NULL)
        memset (password, 0, strlen (password));
      g_free (password);
      return;
    }
  self->lookup_done = TRUE;
  forget_password (self);
  self->password = password;
  if (password == NULL)
    {
      if (error != NULL)
        {
          /* The keyring is missing or locked: say so, in its words. */
          g_autofree char *why =
            g_strdup_printf (_("The saved password could not be read. %s Type the phone's web "
                                                    "admin password."),
                                error->message);

          show_password_row (self, why);
        }
      else
        show_password_row (
          self,
          _("No password is saved for this phone: type its web admin password. Phoneset keeps "
                                   "it in the keyring."));
    }
  update_actions (self);
  /* Enter pushes: the focus starts where the user acts next. */
  if (password == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else if (gtk_widget_get_sensitive (GTK_WIDGET (self->push_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->push_button));
}

/* The run page ----------------------------------------------------------- */

static void
set_step_state (PhonesetPushDialog *self,
                guint               i,
                StepState           state)
{
  static const char *const names[] = { "pending", "active", "done", "failed" };
  GtkStack                *icons = GTK_STACK (self->step_icons[i]);
  GtkWidget               *spinner = gtk_stack_get_child_by_name (icons, "active");

  gtk_stack_set_visible_child_name (icons, names[state]);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), state == STEP_ACTIVE);
  gtk_widget_set_name (self->step_rows[i], names[state]);
}

static GtkWidget *
step_icon (const char *icon,
           const char *style)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  gtk_widget_add_css_class (image, style);
  return image;
}

static void
build_steps (PhonesetPushDialog *self)
{
  const char *titles[N_STEPS] = {
    _("Serving the file"), _("Telling the phone"), _("Waiting for the phone to fetch the file"),
                                                        _("Verified"),
    };

  for (guint i = 0; i < N_STEPS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icons = gtk_stack_new ();

      gtk_widget_set_size_request (icons, 16, 16);
      gtk_widget_set_valign (icons, GTK_ALIGN_CENTER);
      gtk_stack_add_named (GTK_STACK (icons), step_icon ("media-record-symbolic", "dim-label"),
                           "pending");
      gtk_stack_add_named (GTK_STACK (icons), gtk_spinner_new (), "active");
      gtk_stack_add_named (GTK_STACK (icons), step_icon ("emblem-ok-symbolic", "success"), "done");
      gtk_stack_add_named (GTK_STACK (icons), step_icon ("dialog-error-symbolic", "error"),
                           "failed");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icons);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      adw_preferences_group_add (self->steps_group, row);
      self->step_rows[i] = row;
      self->step_icons[i] = icons;
    }
}

static void
reset_steps (PhonesetPushDialog *self)
{
  g_autofree char *waiting = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "At most %u second", "At most %u seconds", self->wait),
    self->wait);
  const char *telling = phoneset_delivery_get_progress (self->delivery);

  adw_action_row_set_subtitle (
    ADW_ACTION_ROW (self->step_rows[0]),
    _("From a temporary web server on this computer, at an unguessable address"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->step_rows[1]), telling);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->step_rows[2]), waiting);
  adw_action_row_set_subtitle (
    ADW_ACTION_ROW (self->step_rows[3]),
    _("The phone fetched the file; its status is read back where it can be"));
  for (guint i = 0; i < N_STEPS; i++)
    set_step_state (self, i, STEP_PENDING);
  self->step = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
}

static void
step_cb (PhonesetPush       *push,
         guint               step,
         PhonesetPushDialog *self)
{
  if (self->closed || push != self->push || step >= N_STEPS)
    return;
  for (guint i = 0; i < step; i++)
    set_step_state (self, i, STEP_DONE);
  set_step_state (self, step, STEP_ACTIVE);
  self->step = step;
}

static void
show_outcome (PhonesetPushDialog *self,
              const char         *title,
              const char         *text,
              const char         *style)
{
  gtk_label_set_text (self->outcome_title, title);
  gtk_label_set_text (self->outcome_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_title), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_title), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_title), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->outcome_title), style);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_group), TRUE);
}

static void
add_result_row (PhonesetPushDialog *self,
                const char         *title,
                const char         *subtitle,
                GtkWidget          *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "property");
  if (suffix != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_preferences_group_add (self->result_group, row);
  g_ptr_array_add (self->result_rows, row);
}

static void
clear_result_rows (PhonesetPushDialog *self)
{
  for (guint i = 0; i < self->result_rows->len; i++)
    adw_preferences_group_remove (self->result_group, g_ptr_array_index (self->result_rows, i));
  g_ptr_array_set_size (self->result_rows, 0);
}

static void
show_result (PhonesetPushDialog *self,
             PhonesetPushResult *result)
{
  GDateTime         *when = phoneset_push_result_get_fetch_time (result);
  const char        *from = phoneset_push_result_get_fetched_from (result);
  const char        *user_agent = phoneset_push_result_get_fetch_user_agent (result);
  const char *const *status = phoneset_push_result_get_status_keys (result);
  const char *const *notes = phoneset_push_result_get_notes (result);
  gboolean           names = phoneset_push_result_get_user_agent_names_phone (result);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *fetched_text = NULL;
  g_autoptr(GString) read_back = g_string_new (NULL);

  clear_result_rows (self);
  local = when ? g_date_time_to_local (when) : NULL;
  time_text = local ? g_date_time_format (local, "%X") : g_strdup ("?");
  fetched_text = g_strdup_printf (_("%s at %s, %lld bytes"), from ? from : "?", time_text,
                                     (long long)phoneset_push_result_get_fetched_bytes (result));
  if (phoneset_push_result_get_fetched (result))
    {
      add_result_row (self, _("Fetched by"), fetched_text, NULL);
      add_result_row (
        self, _("User-Agent"), user_agent ? user_agent : "",
                 badge (names ? _("Names this phone")
                              : _("Does not name its MAC"), names ? "success" : "warning"));
    }
  else
    {
      /* A method that gave the phone the settings itself (REST API). */
      guint            n = phoneset_push_result_get_settings_applied (result);
      g_autofree char *set_text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u setting, each read back as sent",
                                      "%u settings, each read back as sent", n),
                         n);

      add_result_row (self, _("Set"), set_text, badge (_("Read back"), "success"));
    }

  for (guint i = 0; status != NULL && status[i] != NULL; i++)
    g_string_append_printf (read_back, "%s%s: %s", read_back->len ? " · " : "", status[i],
                            phoneset_push_result_lookup_status (result, status[i]));
  add_result_row (self, _("Read back"),
                           read_back->len
                             ? read_back->str
                             : _("This vendor's phones have no status to read back."), NULL);
  for (guint i = 0; notes[i] != NULL; i++)
    add_result_row (self, _("Note"), notes[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Kept for the session all the same; the window says why it is not
   * saved (PhonesetKeyringBar). */
  if (!phoneset_secret_store_store_finish (PHONESET_SECRET_STORE (source), result, &error))
    g_message ("The phone's password could not be saved in the keyring: %s", error->message);
}

static void
succeeded (PhonesetPushDialog *self,
           PhonesetPushResult *result)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < N_STEPS; i++)
    set_step_state (self, i, STEP_DONE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->step_rows[2]), _("Fetched"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->step_rows[3]),
                               phoneset_push_result_get_user_agent_names_phone (result)
                               ? _("The phone fetched the file, and its User-Agent names it")
                               : _("A phone fetched the file"));
  show_outcome (
    self,
    _("Pushed and Verified"),
       _("The phone fetched its new settings. Phoneset now counts them as what the phone has."),
          "success");
  show_result (self, result);

  /* The time first: the baseline's change notification saves the inventory. */
  phoneset_phone_set_last_push (self->phone, now);
  {
    g_autoptr(PhonesetConfig) copy = phoneset_config_copy (self->config);

    phoneset_phone_set_baseline (self->phone, copy);
  }

  if (self->password_typed && self->password != NULL && login_user (self) != NULL)
    phoneset_secret_store_store_async (self->secrets, self->host, login_user (self), self->password,
                                       NULL, store_cb, NULL);
  self->password_typed = FALSE;
  self->succeeded = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  set_push_label (self, _("_Done"), _("Close"));
}

static gboolean
focus_password_cb (gpointer user_data)
{
  PhonesetPushDialog *self = user_data;

  if (!self->closed)
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  return G_SOURCE_REMOVE;
}

static const char *
error_title (const GError *error)
{
  if (error->domain != PHONESET_ERROR)
    return _("Push Failed");
  switch (error->code)
    {
    case PHONESET_ERROR_AUTH:
      return _("Wrong Password");
    case PHONESET_ERROR_FORBIDDEN:
      return _("The Phone Refused This Computer");
    case PHONESET_ERROR_UNREACHABLE:
      return _("Phone Not Reachable");
    case PHONESET_ERROR_TIMEOUT:
      return _("No Answer in Time");
    case PHONESET_ERROR_UNSUPPORTED:
      return _("Not Possible on This Phone");
    default:
      break;
    }
  switch (phoneset_error_get_fault (error))
    {
    case PHONESET_FAULT_SERVER_ERROR:
      return _("The Phone’s Web Server Failed");
    case PHONESET_FAULT_NOT_HTTP:
      return _("Not the Phone’s Web Server");
    case PHONESET_FAULT_RESET:
      return _("Connection Reset");
    case PHONESET_FAULT_NONE:
    default:
      return _("Push Failed");
    }
}

static void
failed (PhonesetPushDialog *self,
        const GError       *error)
{
  set_push_label (self, _("_Retry"), _("Retry the push"));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_step_state (self, self->step, STEP_FAILED);
      show_outcome (self, _("Push Cancelled"), phoneset_delivery_get_cancelled (self->delivery),
                             "warning");
      return;
    }
  if (g_error_matches (error, PHONESET_ERROR, PHONESET_ERROR_AUTH))
    {
      /* Back to the form, with the password row. */
      forget_password (self);
      /* At once, so the row can take the focus and scroll into view. */
      gtk_stack_set_visible_child_full (self->stack, "setup", GTK_STACK_TRANSITION_TYPE_NONE);
      show_password_row (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      /* Once the row is laid out, so the page scrolls to it. */
      g_timeout_add_full (G_PRIORITY_DEFAULT, 50, focus_password_cb, g_object_ref (self),
                          g_object_unref);
      return;
    }
  set_step_state (self, self->step, STEP_FAILED);
  /* The core's wording of the prompt (itself [U]: the simulator's). */
  if (g_error_matches (error, PHONESET_ERROR, PHONESET_ERROR_FORBIDDEN) &&
      strstr (error->message, "Allow remote control") != NULL)
    {
      g_autofree char *text = g_strdup_printf (
        _("The phone at %s shows “Allow remote control?” on its screen. Press OK on the "
                                      "phone to let this computer control it, then press Retry."),
           phoneset_phone_get_address (self->phone));

      show_outcome (self, _("Confirm on the Phone's Screen"), text, "warning");
      return;
    }
  {
    /* The core's messages say what to do; Retry is here. */
    g_autofree char *text = g_strdup_printf (_("%s\n\nThen press Retry."), error->message);

    show_outcome (self, error_title (error), text, "error");
  }
}

static void
push_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PhonesetPushDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetPushResult) pushed =
               phoneset_push_run_finish (PHONESET_PUSH (source), result, &error);

  if (self->closed || PHONESET_PUSH (source) != self->push)
    return;
  self->running = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  if (pushed != NULL)
    succeeded (self, pushed);
  else
    failed (self, error);
  update_actions (self);
}

/* The file the profile writes for the config, passwords included: it is
 * served once, to this phone, at an unguessable address. */
static GBytes *
render_file (PhonesetPushDialog  *self,
             char               **name,
             GError             **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  const char           *mac = phoneset_phone_get_mac (self->phone);
  const char           *macs[] = { mac, NULL };
  PhonesetExportOptions options = { 0 };

  options.naming = mac ? PHONESET_FILE_NAME_MAC : PHONESET_FILE_NAME_CUSTOM;
  options.macs = mac ? macs : NULL;
  options.custom = "phoneset";
  options.base = phoneset_phone_get_base_file (self->phone);
  options.include_secrets = TRUE;
  if (!phoneset_export_render (self->config, &options, names, contents, NULL, error))
    return NULL;
  *name = g_strdup (g_ptr_array_index (names, 0));
  return g_bytes_ref (g_ptr_array_index (contents, 0));
}

static void
start_push (PhonesetPushDialog *self)
{
  g_autoptr(PhonesetRemote) remote = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (gtk_widget_get_visible (GTK_WIDGET (self->password_row)))
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

      if (typed[0] != '\0')
        {
          forget_password (self);
          self->password = g_strdup (typed);
          self->password_typed = TRUE;
        }
    }

  reset_steps (self);
  gtk_stack_set_visible_child_name (self->stack, "run");
  set_push_label (self, _("_Push"), _("Push the changes to the phone"));

  file = render_file (self, &name, &error);
  if (file == NULL)
    {
      failed (self, error);
      update_actions (self);
      return;
    }

  remote = phoneset_remote_new (self->host, self->port, FALSE, self->active_uri);
  phoneset_remote_set_credentials (remote, login_user (self), self->password);
  g_clear_object (&self->push);
  self->push = phoneset_push_new (remote, file, name);
  phoneset_push_set_delivery (self->push, self->delivery);
  phoneset_push_set_mac (self->push, phoneset_phone_get_mac (self->phone));
  phoneset_push_set_wait (self->push, self->wait);
  phoneset_push_set_sip_port (self->push, self->sip_port);
  phoneset_push_set_pnp_port (self->push, self->pnp_port);
  g_signal_connect (self->push, "step", G_CALLBACK (step_cb), self);

  g_clear_object (&self->push_cancellable);
  self->push_cancellable = g_cancellable_new ();
  self->running = TRUE;
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  phoneset_push_run_async (self->push, self->push_cancellable, push_done_cb, g_object_ref (self));
}

/* GObject ---------------------------------------------------------------- */

static gboolean
phoneset_push_dialog_close_request (GtkWindow *window)
{
  PhonesetPushDialog *self = PHONESET_PUSH_DIALOG (window);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->push_cancellable != NULL)
    g_cancellable_cancel (self->push_cancellable);
  return GTK_WINDOW_CLASS (phoneset_push_dialog_parent_class)->close_request (window);
}

static void
phoneset_push_dialog_dispose (GObject *object)
{
  PhonesetPushDialog *self = (PhonesetPushDialog *)object;

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->push_cancellable != NULL)
    g_cancellable_cancel (self->push_cancellable);
  if (self->push != NULL)
    g_signal_handlers_disconnect_by_data (self->push, self);
  g_clear_object (&self->push);
  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_PUSH_DIALOG);

  G_OBJECT_CLASS (phoneset_push_dialog_parent_class)->dispose (object);
}

static void
phoneset_push_dialog_finalize (GObject *object)
{
  PhonesetPushDialog *self = (PhonesetPushDialog *)object;

  forget_password (self);
  g_clear_object (&self->phone);
  g_clear_object (&self->secrets);
  g_clear_object (&self->config);
  g_clear_object (&self->active_uri);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->push_cancellable);
  g_free (self->host);
  g_free (self->no_push_reason);
  g_ptr_array_unref (self->result_rows);
  g_ptr_array_unref (self->method_checks);

  G_OBJECT_CLASS (phoneset_push_dialog_parent_class)->finalize (object);
}

static void
phoneset_push_dialog_class_init (PhonesetPushDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = phoneset_push_dialog_dispose;
  object_class->finalize = phoneset_push_dialog_finalize;
  window_class->close_request = phoneset_push_dialog_close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phoneset/Phoneset/phoneset-push-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, push_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, method_group);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, method_refusal_group);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, method_refusal_label);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, credentials_group);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, steps_group);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, outcome_title);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, PhonesetPushDialog, result_group);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);

  gtk_widget_class_install_action (widget_class, "push.push", NULL, push_action);
  gtk_widget_class_install_action (widget_class, "push.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "push.cancel", NULL);
}

static void
phoneset_push_dialog_init (PhonesetPushDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->result_rows = g_ptr_array_new ();
  self->method_checks = g_ptr_array_new ();
  self->wait = 60;
  self->sip_port = 5060;
  self->pnp_port = 5060;
  build_steps (self);
  add_method_rows (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->push_button));
}

static void
find_active_uri (PhonesetPushDialog *self)
{
  g_autoptr(GError) error = NULL;
  PhonesetProfile  *profile = self->config ? phoneset_config_get_profile (self->config) : NULL;
  PhonesetCfgFormat format;

  if (profile == NULL)
    {
      self->no_push_reason =
        g_strdup (_("Phoneset does not know which kind of phone this is: choose its profile "
                                         "first."));
      return;
    }
  if (!phoneset_profile_get_file_format (profile, &format))
    {
      self->no_push_reason =
        g_strdup_printf (_("The %s takes no provisioning file: enter its settings from the setup "
                                                "sheet (Export)."),
                            phoneset_profile_get_title (profile));
      return;
    }
  /* The phone's own profile says how to talk to it, for its model. */
  if (phoneset_profile_get_active_uri (profile) != NULL)
    self->active_uri =
      phoneset_active_uri_new_for_profile (profile, phoneset_phone_get_model (self->phone), &error);
  if (self->active_uri == NULL)
    self->no_push_reason =
      g_strdup_printf (_("Phoneset cannot control %s phones over the network: export the file "
                                              "and put it on the phone's provisioning server instead."),
                          phoneset_profile_get_vendor (profile));
}

/**
 * phoneset_push_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @phone: the phone to push to
 * @secrets: where the phone's web admin password is kept
 *
 * Returns: (transfer full): a new dialog; present it with gtk_window_present()
 */
PhonesetPushDialog *
phoneset_push_dialog_new (GtkWindow           *parent,
                          PhonesetPhone       *phone,
                          PhonesetSecretStore *secrets)
{
  PhonesetPushDialog *self;
  g_autofree char    *display = NULL;
  g_autofree char    *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PHONESET_IS_PHONE (phone), NULL);
  g_return_val_if_fail (PHONESET_IS_SECRET_STORE (secrets), NULL);

  self = g_object_new (PHONESET_TYPE_PUSH_DIALOG, "transient-for", parent, NULL);
  self->phone = g_object_ref (phone);
  self->secrets = g_object_ref (secrets);
  if (phoneset_phone_get_config (phone) != NULL)
    self->config = g_object_ref (phoneset_phone_get_config (phone));
  if (!phoneset_address_parse (phoneset_phone_get_address (phone), 80, &self->host, &self->port,
                               NULL))
    {
      self->host = g_strdup (phoneset_phone_get_address (phone));
      self->port = 80;
    }

  display = phoneset_phone_dup_display_name (phone);
  if (g_strcmp0 (display, phoneset_phone_get_address (phone)) == 0)
    subtitle = g_strdup (display);
  else
    subtitle = g_strdup_printf ("%s · %s", display, phoneset_phone_get_address (phone));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  find_active_uri (self);
  add_change_rows (self);
  describe_methods (self);

  /* A phone with no user out of the box has no saved password either. */
  adw_action_row_set_subtitle (self->user_row, login_user (self) ? login_user (self) : "—");
  if (login_user (self) != NULL)
    phoneset_secret_store_lookup_async (secrets, self->host, login_user (self), self->cancellable,
                                        lookup_cb, g_object_ref (self));
  else
    self->lookup_done = TRUE;
  update_actions (self);
  return self;
}

/**
 * phoneset_push_dialog_set_via:
 * @via: a delivery method's id (see phoneset_delivery_find())
 *
 * Chooses the method, as clicking its row does.
 */
void
phoneset_push_dialog_set_via (PhonesetPushDialog *self,
                              const char         *via)
{
  GtkCheckButton *check;

  g_return_if_fail (PHONESET_IS_PUSH_DIALOG (self));

  check = check_for_via (self, phoneset_delivery_find (via));
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (check, TRUE);
}

/**
 * phoneset_push_dialog_set_wait:
 * @seconds: how long to wait for the phone to fetch its file (default 60)
 */
void
phoneset_push_dialog_set_wait (PhonesetPushDialog *self,
                               guint               seconds)
{
  g_return_if_fail (PHONESET_IS_PUSH_DIALOG (self));

  self->wait = MAX (seconds, 1);
}

/**
 * phoneset_push_dialog_set_sip_port:
 * @port: the phone's SIP port, for check-sync (default 5060)
 */
void
phoneset_push_dialog_set_sip_port (PhonesetPushDialog *self,
                                   guint16             port)
{
  g_return_if_fail (PHONESET_IS_PUSH_DIALOG (self));

  self->sip_port = port;
}

/**
 * phoneset_push_dialog_set_pnp_port:
 * @port: where the PnP responder listens (default 5060; 0 any free port)
 */
void
phoneset_push_dialog_set_pnp_port (PhonesetPushDialog *self,
                                   guint16             port)
{
  g_return_if_fail (PHONESET_IS_PUSH_DIALOG (self));

  self->pnp_port = port;
}

gboolean
phoneset_push_dialog_is_running (PhonesetPushDialog *self)
{
  g_return_val_if_fail (PHONESET_IS_PUSH_DIALOG (self), FALSE);

  return self->running;
}
