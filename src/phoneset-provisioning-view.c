/* phoneset-provisioning-view.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-provisioning-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "phoneset-address.h"
#include "phoneset-error.h"
#include "phoneset-fleet.h"
#include "phoneset-mac.h"
#include "phoneset-paths.h"
#include "phoneset-pnp-responder.h"
#include "phoneset-provision-server.h"
#include "phoneset-provisioning-view.h"
#include "phoneset-remote.h"
#include "phoneset-test-private.h"

/* The log keeps the newest entries. */
#define LOG_MAX_ROWS 500

/**
 * PhonesetProvisioningView:
 *
 * The “Provisioning” view: serves a folder to the phones of this network
 * (#PhonesetProvisionServer), answers their SIP PnP SUBSCRIBEs with their
 * URL (#PhonesetPnpResponder; Yealink phones get the folder, others their
 * MAC file), and shows a live log of which phone, by MAC and User-Agent,
 * fetched which file and when. Both listen on the address chosen in the
 * “Address” row only: one of this computer's LAN addresses (the first by
 * default), this computer alone, or every interface; the choice is
 * remembered in the “provisioning-address” setting.
 */
struct _PhonesetProvisioningView
{
  GtkBox                   parent_instance;

  PhonesetContext         *context;

  /* Template widgets */
  AdwActionRow            *folder_row;
  GtkWidget               *folder_button;
  AdwComboRow             *address_row;
  GtkSpinButton           *port_spin;
  GtkSwitch               *pnp_switch;
  AdwActionRow            *url_row;
  GtkButton               *start_button;
  GtkListBox              *log_list;

  /* Owned references */
  GPtrArray               *profiles;
  GSettings               *settings;
  GtkStringList           *address_titles;
  GPtrArray               *addresses;
  gboolean                 filling_addresses;
  char                    *folder;
  char                    *address;
  char                    *url;
  guint16                  port;
  PhonesetProvisionServer *server;
  PhonesetPnpResponder    *responder;
  GtkFileChooserNative    *chooser;
  guint                    n_events;
};

G_DEFINE_FINAL_TYPE (PhonesetProvisioningView, phoneset_provisioning_view, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_controls (PhonesetProvisioningView *self)
{
  gboolean serving = self->server != NULL;

  gtk_button_set_label (self->start_button, serving ? _("_Stop") : _("_Start"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), serving || self->folder != NULL);
  if (serving)
    gtk_widget_remove_css_class (GTK_WIDGET (self->start_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->start_button), "suggested-action");
  gtk_widget_set_sensitive (self->folder_button, !serving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), !serving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->port_spin), !serving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pnp_switch), !serving);
  if (!serving)
    adw_action_row_set_subtitle (self->url_row, _("Not serving"));
}

static void
add_log_row (PhonesetProvisioningView *self,
             const char               *icon_name,
             const char               *title,
             const char               *subtitle,
             gboolean                  failed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S");
  GtkWidget       *time_label = gtk_label_new (time);
  GtkWidget       *last;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if (failed)
    gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (time_label, "dim-label");
  gtk_widget_add_css_class (time_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time_label);

  /* Newest first. */
  gtk_list_box_prepend (self->log_list, row);
  self->n_events++;
  if (self->n_events > LOG_MAX_ROWS &&
      (last = gtk_widget_get_last_child (GTK_WIDGET (self->log_list))) != NULL)
    gtk_list_box_remove (self->log_list, last);
}

static char *
phone_name (const char *mac)
{
  return mac ? phoneset_mac_normalize (mac, PHONESET_MAC_STYLE_COLON_UPPER, NULL)
             : g_strdup (_("Unknown phone"));
}

static void
fetched_cb (PhonesetProvisioningView *self,
            const char               *path,
            const char               *peer,
            const char               *user_agent,
            guint                     status,
            guint64                   bytes,
            PhonesetProvisionServer  *server)
{
  g_autofree char *mac = phoneset_fleet_mac_from_request (path, user_agent);
  g_autofree char *who = phone_name (mac);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (status == 200)
    title = g_strdup_printf (_("%s fetched %s"), who, path);
  else
    title = g_strdup_printf (_("%s asked for %s: not in the folder (%u)"), who, path, status);
  subtitle =
    g_strdup_printf ("%s · %s", peer ? peer : "", user_agent ? user_agent : _("no User-Agent"));
  add_log_row (self, status == 200 ? "document-send-symbolic" : "dialog-warning-symbolic", title,
               subtitle, status != 200);
}

static void
subscribed_cb (PhonesetProvisioningView *self,
               const char               *mac,
               const char               *address,
               const char               *vendor,
               const char               *model,
               const char               *url,
               PhonesetPnpResponder     *responder)
{
  g_autofree char *who = phone_name (mac);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = g_strdup_printf ("%s · %s %s", address ? address : "",
                                               vendor ? vendor : "", model ? model : "");

  if (url != NULL)
    title = g_strdup_printf (_("%s asked by SIP PnP; answered %s"), who, url);
  else
    title = g_strdup_printf (_("%s asked by SIP PnP; no file for it in the folder"), who);
  add_log_row (self, "network-transmit-receive-symbolic", title, subtitle, url == NULL);
}

static char *
pnp_url (const char *mac,
         const char *address,
         const char *vendor,
         const char *model,
         gpointer    user_data)
{
  PhonesetProvisioningView *self = user_data;

  return phoneset_fleet_pnp_url_served (self->profiles, self->folder, self->address, self->port,
                                        mac, address, vendor);
}

static void
add_address_choice (PhonesetProvisioningView *self,
                    guint                     position,
                    const char               *title,
                    const char               *address)
{
  const char *titles[] = { title, NULL };

  gtk_string_list_splice (self->address_titles, position, 0, titles);
  g_ptr_array_insert (self->addresses, (int)position, g_strdup (address));
}

/* The choices of the Address row: this computer's LAN addresses first (the
 * one on the phones' network is what users want), then this computer only,
 * then every interface. The remembered choice when it is still there,
 * otherwise the first. */
static void
fill_addresses (PhonesetProvisioningView *self)
{
  g_auto(GStrv) lan = phoneset_address_list_local_ipv4 ();
  g_autofree char *saved = g_settings_get_string (self->settings, "provisioning-address");
  guint            selected = 0;

  self->address_titles = gtk_string_list_new (NULL);
  self->addresses = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lan[i] != NULL; i++)
    add_address_choice (self, i, lan[i], lan[i]);
  /* Translators: a choice of where the provisioning server listens. */
  add_address_choice (self, self->addresses->len,
                      _("This computer only (127.0.0.1)"), "127.0.0.1");
  /* Translators: a choice of where the provisioning server listens. */
  add_address_choice (self, self->addresses->len, _("Every interface (0.0.0.0)"), "0.0.0.0");
  for (guint i = 0; i < self->addresses->len; i++)
    if (g_str_equal (saved, g_ptr_array_index (self->addresses, i)))
      selected = i;

  self->filling_addresses = TRUE;
  adw_combo_row_set_model (self->address_row, G_LIST_MODEL (self->address_titles));
  adw_combo_row_set_selected (self->address_row, selected);
  self->filling_addresses = FALSE;
}

static const char *
chosen_address (PhonesetProvisioningView *self)
{
  guint i = adw_combo_row_get_selected (self->address_row);

  return i < self->addresses->len ? g_ptr_array_index (self->addresses, i) : "127.0.0.1";
}

static void
address_changed_cb (PhonesetProvisioningView *self)
{
  if (!self->filling_addresses && self->addresses != NULL)
    g_settings_set_string (self->settings, "provisioning-address", chosen_address (self));
}

static void
start_clicked_cb (PhonesetProvisioningView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->server != NULL)
    {
      phoneset_provisioning_view_stop (self);
      return;
    }
  if (!phoneset_provisioning_view_start (
        self, NULL, (guint16)gtk_spin_button_get_value_as_int (self->port_spin), 5060, &error))
    {
      adw_action_row_set_subtitle (self->url_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
    }
}

static void
chooser_response_cb (PhonesetProvisioningView *self,
                     int                       response,
                     GtkFileChooserNative     *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        phoneset_provisioning_view_set_folder (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
folder_clicked_cb (PhonesetProvisioningView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (
    _("Choose the Folder to Serve"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
       GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
phoneset_provisioning_view_dispose (GObject *object)
{
  PhonesetProvisioningView *self = (PhonesetProvisioningView *)object;

  phoneset_provisioning_view_stop (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_PROVISIONING_VIEW);

  G_OBJECT_CLASS (phoneset_provisioning_view_parent_class)->dispose (object);
}

static void
phoneset_provisioning_view_finalize (GObject *object)
{
  PhonesetProvisioningView *self = (PhonesetProvisioningView *)object;

  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  g_clear_object (&self->address_titles);
  g_clear_object (&self->settings);
  g_free (self->folder);
  g_free (self->address);
  g_free (self->url);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (phoneset_provisioning_view_parent_class)->finalize (object);
}

static void
phoneset_provisioning_view_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  PhonesetProvisioningView *self = PHONESET_PROVISIONING_VIEW (object);

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
phoneset_provisioning_view_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  PhonesetProvisioningView *self = PHONESET_PROVISIONING_VIEW (object);

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
phoneset_provisioning_view_constructed (GObject *object)
{
  PhonesetProvisioningView *self = PHONESET_PROVISIONING_VIEW (object);

  G_OBJECT_CLASS (phoneset_provisioning_view_parent_class)->constructed (object);

  g_return_if_fail (PHONESET_IS_CONTEXT (self->context));
  self->profiles = g_ptr_array_ref (phoneset_context_get_profiles (self->context));
  self->settings = g_object_ref (phoneset_context_get_settings (self->context));
  fill_addresses (self);
  update_controls (self);
}

static void
phoneset_provisioning_view_class_init (PhonesetProvisioningViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = phoneset_provisioning_view_constructed;
  object_class->dispose = phoneset_provisioning_view_dispose;
  object_class->get_property = phoneset_provisioning_view_get_property;
  object_class->set_property = phoneset_provisioning_view_set_property;

  /**
   * PhonesetProvisioningView:context:
   *
   * What the application's widgets share: the catalog, the saved phones,
   * the secret store, the settings and the STUN server.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PHONESET_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = phoneset_provisioning_view_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phoneset/Phoneset/phoneset-provisioning-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetProvisioningView, folder_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetProvisioningView, folder_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetProvisioningView, address_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetProvisioningView, port_spin);
  gtk_widget_class_bind_template_child (widget_class, PhonesetProvisioningView, pnp_switch);
  gtk_widget_class_bind_template_child (widget_class, PhonesetProvisioningView, url_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetProvisioningView, start_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetProvisioningView, log_list);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
}

static void
phoneset_provisioning_view_init (PhonesetProvisioningView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * phoneset_provisioning_view_new:
 * @context: what the application's widgets share: the profiles it serves
 *   for, the settings that keep its address
 *
 * Returns: (transfer floating): the provisioning server's view
 */
GtkWidget *
phoneset_provisioning_view_new (PhonesetContext *context)
{
  g_return_val_if_fail (PHONESET_IS_CONTEXT (context), NULL);

  return g_object_new (PHONESET_TYPE_PROVISIONING_VIEW, "context", context, NULL);
}

void
phoneset_provisioning_view_set_folder (PhonesetProvisioningView *self,
                                       const char               *folder)
{
  g_return_if_fail (PHONESET_IS_PROVISIONING_VIEW (self));
  g_return_if_fail (self->server == NULL);

  g_free (self->folder);
  self->folder = g_strdup (folder);
  adw_action_row_set_subtitle (self->folder_row, folder ? folder : _("Not chosen"));
  update_controls (self);
}

/**
 * phoneset_provisioning_view_set_address:
 * @address: an IPv4 address of this computer
 *
 * Chooses where to listen, as the “Address” row does; an address the row
 * does not list (such as a loopback alias) joins the list after this
 * computer's LAN addresses.
 */
void
phoneset_provisioning_view_set_address (PhonesetProvisioningView *self,
                                        const char               *address)
{
  guint i;

  g_return_if_fail (PHONESET_IS_PROVISIONING_VIEW (self));
  g_return_if_fail (address != NULL);
  g_return_if_fail (self->server == NULL);

  for (i = 0; i < self->addresses->len; i++)
    if (g_str_equal (address, g_ptr_array_index (self->addresses, i)))
      break;
  if (i == self->addresses->len)
    {
      i = self->addresses->len - 2;
      add_address_choice (self, i, address, address);
    }
  adw_combo_row_set_selected (self->address_row, i);
}

/**
 * phoneset_provisioning_view_get_address:
 *
 * Returns: the address the server listens on when started: the one chosen
 *   in the “Address” row
 */
const char *
phoneset_provisioning_view_get_address (PhonesetProvisioningView *self)
{
  g_return_val_if_fail (PHONESET_IS_PROVISIONING_VIEW (self), NULL);
  return chosen_address (self);
}

/**
 * phoneset_provisioning_view_start:
 * @address: (nullable): the address to listen on, "0.0.0.0" for all, %NULL
 *   for the one chosen in the “Address” row
 * @port: the HTTP port, 0 for any free one
 * @pnp_port: the SIP PnP port (5060), used when “Answer SIP PnP” is on
 * @error: a location for a #GError
 *
 * Returns: %TRUE when serving
 */
gboolean
phoneset_provisioning_view_start (PhonesetProvisioningView  *self,
                                  const char                *address,
                                  guint16                    port,
                                  guint16                    pnp_port,
                                  GError                   **error)
{
  g_autoptr(PhonesetProvisionServer) server = NULL;
  g_autoptr(PhonesetPnpResponder) responder = NULL;
  g_autofree char *shown = NULL;
  const char      *base;

  g_return_val_if_fail (PHONESET_IS_PROVISIONING_VIEW (self), FALSE);

  if (self->server != NULL)
    return TRUE;
  if (address == NULL)
    address = chosen_address (self);
  if (self->folder == NULL || !g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID, _("Choose a folder to serve."));
      return FALSE;
    }

  server = phoneset_provision_server_new ();
  phoneset_provision_server_set_directory (server, self->folder);
  if (!phoneset_provision_server_listen (server, address, port, error))
    return FALSE;
  base = phoneset_provision_server_get_base_url (server);
  self->port = (guint16)atoi (strrchr (base, ':') + 1);
  gtk_spin_button_set_value (self->port_spin, self->port);
  g_free (self->address);
  self->address = g_strdup (address);

  if (gtk_switch_get_active (self->pnp_switch))
    {
      responder = phoneset_pnp_responder_new (g_str_equal (address, "0.0.0.0") ? NULL : address,
                                              pnp_port, pnp_url, self, NULL);
      if (!phoneset_pnp_responder_start (responder, error))
        return FALSE;
      g_signal_connect_object (responder, "subscribed", G_CALLBACK (subscribed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (server, "fetched", G_CALLBACK (fetched_cb), self, G_CONNECT_SWAPPED);
  self->server = g_steal_pointer (&server);
  self->responder = g_steal_pointer (&responder);

  g_free (self->url);
  if (g_str_equal (address, "0.0.0.0"))
    {
      g_auto(GStrv) lan = phoneset_address_list_local_ipv4 ();

      self->url = g_strdup_printf ("http://%s:%u/", lan[0] ? lan[0] : "127.0.0.1", self->port);
    }
  else
    self->url = g_strdup_printf ("%s/", base);
  if (self->responder != NULL)
    shown = g_strdup_printf (_("%s — answering SIP PnP"), self->url);
  else
    shown = g_strdup (self->url);
  adw_action_row_set_subtitle (self->url_row, shown);
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  update_controls (self);
  return TRUE;
}

void
phoneset_provisioning_view_stop (PhonesetProvisioningView *self)
{
  g_return_if_fail (PHONESET_IS_PROVISIONING_VIEW (self));

  if (self->server == NULL)
    return;
  g_clear_object (&self->responder);
  g_clear_object (&self->server);
  g_clear_pointer (&self->url, g_free);
  update_controls (self);
}

/**
 * phoneset_provisioning_view_get_url:
 *
 * Returns: (nullable): the URL phones fetch from, or %NULL when stopped
 */
const char *
phoneset_provisioning_view_get_url (PhonesetProvisioningView *self)
{
  g_return_val_if_fail (PHONESET_IS_PROVISIONING_VIEW (self), NULL);
  return self->url;
}

/**
 * phoneset_provisioning_view_get_n_events:
 *
 * Returns: how many fetches and PnP requests the log has shown
 */
guint
phoneset_provisioning_view_get_n_events (PhonesetProvisioningView *self)
{
  g_return_val_if_fail (PHONESET_IS_PROVISIONING_VIEW (self), 0);
  return self->n_events;
}
