/* phoneset-events-page.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-events-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-action-url.h"
#include "phoneset-address.h"
#include "phoneset-context.h"
#include "phoneset-error.h"
#include "phoneset-events-page.h"
#include "phoneset-provision-server.h"
#include "phoneset-remote.h"
#include "phoneset-test-private.h"

/**
 * PhonesetEventsPage:
 *
 * The live log of Action URL events: a receiver (the core provisioning
 * server with Action URLs on) listens on this computer's address on the
 * phone's network while the page is shown, and a button fills the phone's
 * Action URL settings to point at it (one undoable step).
 */

#define MAX_EVENTS 500

struct _PhonesetEventsPage
{
  AdwBin                   parent_instance;

  PhonesetContext         *context;
  PhonesetPhone           *phone;
  PhonesetConfigHistory   *history;
  PhonesetProvisionServer *receiver;
  char                    *host;
  GSettings               *settings;
  guint                    n_events;
  gboolean                 fillable;

  /* Template widgets */
  AdwActionRow            *receiver_row;
  GtkWidget               *receiver_icon;
  AdwActionRow            *fill_row;
  GtkWidget               *fill_button;
  GtkWidget               *clear_button;
  GtkListBox              *event_list;
};

G_DEFINE_FINAL_TYPE (PhonesetEventsPage, phoneset_events_page, ADW_TYPE_BIN)

static void update_fill_row (PhonesetEventsPage *self);
enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
stop_receiver (PhonesetEventsPage *self)
{
  if (self->receiver != NULL)
    g_signal_handlers_disconnect_by_data (self->receiver, self);
  g_clear_object (&self->receiver);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
}

static void
phoneset_events_page_dispose (GObject *object)
{
  PhonesetEventsPage *self = (PhonesetEventsPage *)object;

  stop_receiver (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_EVENTS_PAGE);
  g_clear_object (&self->history);
  g_clear_object (&self->phone);

  G_OBJECT_CLASS (phoneset_events_page_parent_class)->dispose (object);
}

static void
phoneset_events_page_finalize (GObject *object)
{
  PhonesetEventsPage *self = (PhonesetEventsPage *)object;

  g_free (self->host);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (phoneset_events_page_parent_class)->finalize (object);
}

static void
action_url_cb (PhonesetProvisionServer *receiver,
               PhonesetActionUrlEvent  *event,
               PhonesetEventsPage      *self)
{
  GPtrArray *names = phoneset_action_url_event_get_variable_names (event);
  g_autoptr(GDateTime) local = g_date_time_to_local (phoneset_action_url_event_get_time (event));
  g_autofree char *time = g_date_time_format (local, "%H:%M:%S");
  g_autoptr(GString) details = g_string_new (NULL);
  const char      *phone = phoneset_action_url_event_get_phone (event);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *last;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *value = phoneset_action_url_event_get_variable (event, name);

      if (value != NULL && value[0] != '\0')
        g_string_append_printf (details, "%s%s=%s", details->len ? "  " : "", name, value);
    }
  if (self->host != NULL && g_str_equal (phone, self->host))
    {
      g_autofree char *name = phoneset_phone_dup_display_name (self->phone);

      title = g_strdup_printf ("%s  %s · %s (%s)", time, phoneset_action_url_event_get_name (event),
                               name, phone);
    }
  else
    title =
      g_strdup_printf ("%s  %s · %s", time, phoneset_action_url_event_get_name (event), phone);
  subtitle = details->len ? g_strdup (details->str) : g_strdup (_("No variables"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "mail-unread-symbolic");
  gtk_widget_set_name (row, phoneset_action_url_event_get_name (event));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  gtk_list_box_prepend (self->event_list, row);
  self->n_events++;
  /* Bounded: the oldest go. */
  while (self->n_events > MAX_EVENTS && (last = GTK_WIDGET (gtk_list_box_get_row_at_index (
                                           self->event_list, self->n_events - 1))) != NULL)
    {
      gtk_list_box_remove (self->event_list, last);
      self->n_events--;
    }
  gtk_widget_set_sensitive (self->clear_button, TRUE);
}

/* Once per address: events from it are ignored (Preferences). */
static void
unknown_phone_cb (PhonesetProvisionServer *receiver,
                  const char              *address,
                  PhonesetEventsPage      *self)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (_("Ignored events from %s"), address);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (
    ADW_ACTION_ROW (row),
    _("It is no phone of the list. Add it, or turn on “Accept events from unknown phones” in "
                                 "Preferences."));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
  gtk_widget_set_name (row, "ignored");
  gtk_list_box_prepend (self->event_list, row);
  self->n_events++;
  gtk_widget_set_sensitive (self->clear_button, TRUE);
}

static void
accept_unknown_changed_cb (GSettings          *settings,
                           const char         *key,
                           PhonesetEventsPage *self)
{
  if (self->receiver != NULL)
    phoneset_provision_server_set_accept_unknown (self->receiver,
                                                  g_settings_get_boolean (settings, key));
}

/* The phones whose events are shown: this one and those of the list. */
static GListModel *
known_phones (PhonesetEventsPage *self)
{
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) own = g_list_store_new (PHONESET_TYPE_PHONE);

  g_list_store_append (own, self->phone);
  g_list_store_append (models, own);
  g_list_store_append (
    models, phoneset_inventory_get_phones (phoneset_context_get_inventory (self->context)));
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models)));
}

static void
receiver_failed (PhonesetEventsPage *self,
                 const char         *message)
{
  adw_action_row_set_subtitle (self->receiver_row, message);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->receiver_icon), "dialog-warning-symbolic");
  gtk_widget_add_css_class (self->receiver_icon, "warning");
  gtk_widget_set_sensitive (self->fill_button, FALSE);
}

static void
start_receiver (PhonesetEventsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *local = NULL;
  g_autofree char *subtitle = NULL;

  if (self->receiver != NULL)
    return;
  if (self->host == NULL)
    {
      receiver_failed (self,
                       _("The phone's address is not usable: correct it on the overview page."));
      return;
    }
  /* Which of this computer's addresses the phone can reach (the kernel's
   * route; nothing is sent). */
  local = phoneset_local_address_for (self->host, &error);
  if (local == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not find this computer's address on the phone's network (%s): check that the phone's IP "
          "address is right."),
                                                  error->message);

      receiver_failed (self, text);
      return;
    }
  self->receiver = phoneset_provision_server_new ();
  phoneset_provision_server_set_action_url (self->receiver, TRUE);
  {
    g_autoptr(GListModel) known = known_phones (self);

    phoneset_provision_server_set_known_phones (self->receiver, known);
  }
  self->settings = g_object_ref (phoneset_context_get_settings (self->context));
  phoneset_provision_server_set_accept_unknown (
    self->receiver, g_settings_get_boolean (self->settings, "accept-unknown-phones"));
  g_signal_connect (self->settings, "changed::accept-unknown-phones",
                    G_CALLBACK (accept_unknown_changed_cb), self);
  if (!phoneset_provision_server_listen (self->receiver, local, 0, &error))
    {
      stop_receiver (self);
      receiver_failed (self, error->message);
      return;
    }
  g_signal_connect (self->receiver, "action-url", G_CALLBACK (action_url_cb), self);
  g_signal_connect (self->receiver, "unknown-phone", G_CALLBACK (unknown_phone_cb), self);
  subtitle = g_strdup_printf ("%s%s", phoneset_provision_server_get_base_url (self->receiver),
                              PHONESET_ACTION_URL_PATH);
  adw_action_row_set_subtitle (self->receiver_row, subtitle);
  gtk_widget_set_sensitive (self->fill_button, self->fillable);
  update_fill_row (self);
}

static void
phoneset_events_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (phoneset_events_page_parent_class)->map (widget);
  start_receiver (PHONESET_EVENTS_PAGE (widget));
}

static void
clear_clicked_cb (PhonesetEventsPage *self)
{
  GtkWidget *child;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->event_list, 0))) != NULL)
    gtk_list_box_remove (self->event_list, child);
  self->n_events = 0;
  gtk_widget_set_sensitive (self->clear_button, FALSE);
  gtk_widget_grab_focus (self->fill_button);
}

/* A copy of the config with every Action URL setting of the profile that
 * its file format writes pointing at @base_url; %NULL with the reason when
 * there is none. */
static PhonesetConfig *
build_filled (PhonesetEventsPage  *self,
              const char          *base_url,
              guint               *n_filled,
              GError             **error)
{
  PhonesetConfig *config =
    self->history ? phoneset_config_history_get_config (self->history) : NULL;
  PhonesetProfile *profile = config ? phoneset_config_get_profile (config) : NULL;
  g_autoptr(PhonesetConfig) wanted = NULL;
  PhonesetCfgFormat format;
  GPtrArray        *settings;
  guint             n = 0;

  if (profile == NULL || !phoneset_profile_get_file_format (profile, &format))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("Phoneset has no settings file for this phone: set its Action URLs on the phone's web page to "
                     "the address above followed by the event name."));
      return NULL;
    }

  wanted = phoneset_config_copy (config);
  settings = phoneset_profile_get_settings (profile);
  for (guint i = 0; i < settings->len; i++)
    {
      PhonesetSetting *setting = g_ptr_array_index (settings, i);
      g_autofree char *url = phoneset_action_url_setting_url (setting, base_url);
      PhonesetCfgKey   key;

      if (url == NULL || !phoneset_setting_get_cfg_key (setting, format, 0, &key))
        continue;
      if (!phoneset_config_set (wanted, phoneset_setting_get_id (setting), url, error))
        return NULL;
      n++;
    }
  if (n == 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("This phone's profile has no Action URL settings Phoneset can fill: set them on the phone's web "
                     "page to the address above followed by the event name."));
      return NULL;
    }
  *n_filled = n;
  return g_steal_pointer (&wanted);
}

/* Whether every setting the fill writes already holds its URL: the fill
 * row says what is true now, so an undo takes its "now point" back. */
static gboolean
all_point_here (PhonesetEventsPage *self,
                guint              *n_filled)
{
  PhonesetConfig *config = phoneset_config_history_get_config (self->history);
  g_autoptr(PhonesetConfig) wanted = NULL;
  GPtrArray *settings;

  wanted =
    build_filled (self, phoneset_provision_server_get_base_url (self->receiver), n_filled, NULL);
  if (wanted == NULL)
    return FALSE;
  settings = phoneset_profile_get_settings (phoneset_config_get_profile (config));
  for (guint i = 0; i < settings->len; i++)
    {
      const char *id = phoneset_setting_get_id (g_ptr_array_index (settings, i));

      if (g_strcmp0 (phoneset_config_get (wanted, id), phoneset_config_get (config, id)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
update_fill_row (PhonesetEventsPage *self)
{
  g_autofree char *text = NULL;
  guint            n = 0;

  if (!self->fillable || self->receiver == NULL)
    return;
  if (all_point_here (self, &n))
    text = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "%u Action URL setting now points at this computer. It takes effect once "
                   "the settings are pushed to the phone or exported.",
                   "%u Action URL settings now point at this computer. They take effect once "
                   "the settings are pushed to the phone or exported.",
                   n),
      n);
  else
    text =
      g_strdup (_("Fills the phone's Action URL settings (undoable); they take effect once pushed "
                       "or exported."));
  adw_action_row_set_subtitle (self->fill_row, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fill_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Set on a copy and applied as one undoable step: one Undo takes them all
 * back. */
static void
fill_clicked_cb (PhonesetEventsPage *self)
{
  g_autoptr(PhonesetConfig) wanted = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (self->receiver == NULL)
    return;
  wanted = build_filled (self, phoneset_provision_server_get_base_url (self->receiver), &n, &error);
  if (wanted == NULL)
    {
      adw_action_row_set_subtitle (self->fill_row, error->message);
      return;
    }
  phoneset_config_history_revert (self->history, wanted);
  update_fill_row (self);
}

static void
phoneset_events_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PhonesetEventsPage *self = PHONESET_EVENTS_PAGE (object);

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
phoneset_events_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PhonesetEventsPage *self = PHONESET_EVENTS_PAGE (object);

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
phoneset_events_page_class_init (PhonesetEventsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = phoneset_events_page_dispose;
  object_class->get_property = phoneset_events_page_get_property;
  object_class->set_property = phoneset_events_page_set_property;

  /**
   * PhonesetEventsPage:context:
   *
   * What the application's widgets share: the catalog, the saved phones,
   * the secret store, the settings and the STUN server.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PHONESET_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = phoneset_events_page_finalize;
  widget_class->map = phoneset_events_page_map;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phoneset/Phoneset/phoneset-events-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetEventsPage, receiver_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetEventsPage, receiver_icon);
  gtk_widget_class_bind_template_child (widget_class, PhonesetEventsPage, fill_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetEventsPage, fill_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetEventsPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetEventsPage, event_list);
  gtk_widget_class_bind_template_callback (widget_class, fill_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
phoneset_events_page_init (PhonesetEventsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (self->fill_button, FALSE);
}

/**
 * phoneset_events_page_new:
 * @context: what the application's widgets share
 * @phone: the phone
 * @history: (nullable): the undo history of its settings
 *
 * Returns: (transfer floating): the Action URL events page
 */
GtkWidget *
phoneset_events_page_new (PhonesetContext       *context,
                          PhonesetPhone         *phone,
                          PhonesetConfigHistory *history)
{
  PhonesetEventsPage *self;
  g_autofree char    *host = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_return_val_if_fail (PHONESET_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PHONESET_IS_PHONE (phone), NULL);
  g_return_val_if_fail (history == NULL || PHONESET_IS_CONFIG_HISTORY (history), NULL);

  self = g_object_new (PHONESET_TYPE_EVENTS_PAGE, "context", context, NULL);
  self->phone = g_object_ref (phone);
  self->history = history ? g_object_ref (history) : NULL;
  if (phoneset_address_parse (phoneset_phone_get_address (phone), 80, &host, NULL, &error))
    self->host = g_steal_pointer (&host);
  g_clear_error (&error);
  adw_action_row_set_subtitle (self->receiver_row, _("Starts when this page is shown"));
  if (history == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->fill_row), FALSE);
  else
    {
      /* Whether there is anything to fill is known before listening (a
       * TEST-NET placeholder address; nothing is sent). */
      g_autoptr(PhonesetConfig) probe = build_filled (self, "http://192.0.2.1:1", &n, &error);

      self->fillable = probe != NULL;
      g_signal_connect_object (phoneset_config_history_get_config (history), "changed",
                               G_CALLBACK (update_fill_row), self, G_CONNECT_SWAPPED);
      if (self->fillable)
        adw_action_row_set_subtitle (
          self->fill_row,
          _("Fills the phone's Action URL settings (undoable); they take effect once pushed "
                                       "or exported."));
      else
        adw_action_row_set_subtitle (self->fill_row, error->message);
    }
  return GTK_WIDGET (self);
}

/**
 * phoneset_events_page_get_receiver_url:
 *
 * Returns: (nullable): the receiver's base URL (`http://HOST:PORT`), once
 *   the page has been shown
 */
const char *
phoneset_events_page_get_receiver_url (PhonesetEventsPage *self)
{
  g_return_val_if_fail (PHONESET_IS_EVENTS_PAGE (self), NULL);
  return self->receiver ? phoneset_provision_server_get_base_url (self->receiver) : NULL;
}

guint
phoneset_events_page_get_n_events (PhonesetEventsPage *self)
{
  g_return_val_if_fail (PHONESET_IS_EVENTS_PAGE (self), 0);
  return self->n_events;
}
