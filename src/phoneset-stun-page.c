/* phoneset-stun-page.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The STUN self-test of a phone's workspace: the server and TURN user come
 * from the phone's own settings, the test runs on the main loop with its
 * progress by stage, and the answer is drawn (this computer → NAT →
 * Internet), said in plain words, and turned into settings of this phone
 * that one click applies (undoably). A lifetime the test measured is kept
 * with the phone. "Point This Phone at This Computer" makes the
 * application's STUN server the phone's (in its settings, to push) and
 * shows the phone's own requests as they arrive, with its refresh judged
 * against that lifetime.
 */

#define G_LOG_DOMAIN "phoneset-stun-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-address.h"
#include "phoneset-stun-keepalive.h"
#include "phoneset-stun-page.h"
#include "phoneset-stun-result.h"
#include "phoneset-stun-server.h"
#include "phoneset-stun-test.h"

/* How often the page looks for the phone's requests. */
#define WATCH_MS 1000

struct _PhonesetStunPage
{
  AdwBin                 parent_instance;

  /* Owned references */
  PhonesetContext       *context;
  PhonesetPhone         *phone;
  PhonesetConfigHistory *history;
  PhonesetStunTest      *test;
  PhonesetStunResult    *result;
  GCancellable          *cancellable;
  GPtrArray             *stage_rows; /* AdwActionRow per stage */
  GPtrArray             *rows;       /* rows added to groups, to remove */

  /* Template widgets */
  AdwEntryRow           *server_row;
  AdwEntryRow           *turn_user_row;
  AdwPasswordEntryRow   *turn_password_row;
  GtkSwitch             *lifetime_switch;
  GtkSwitch             *ice_switch;
  GtkButton             *run_button;
  GtkButton             *cancel_button;
  AdwPreferencesGroup   *progress_group;
  GtkWidget             *result_box;
  GtkLabel              *verdict_label;
  GtkBox                *picture;
  GtkLabel              *explanation_label;
  AdwPreferencesGroup   *recommendations_group;
  AdwActionRow          *point_row;
  GtkButton             *point_button;
  AdwActionRow          *watch_row;
  GtkLabel              *watch_label;

  /* Watching the phone's own STUN */
  PhonesetStunServer    *server;
  char                  *phone_host;
  guint                  watch_source;
};

G_DEFINE_FINAL_TYPE (PhonesetStunPage, phoneset_stun_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PhonesetConfig *
config (PhonesetStunPage *self)
{
  return phoneset_config_history_get_config (self->history);
}

static const char *
value_of (PhonesetStunPage *self,
          const char       *id)
{
  return phoneset_config_get_effective (config (self), id);
}

/* The server the phone uses: its own STUN server and port. */
static char *
dup_phone_server (PhonesetStunPage *self)
{
  const char *server = value_of (self, "nat.stun.server");
  const char *port = value_of (self, "nat.stun.port");

  if (server == NULL || server[0] == '\0')
    server = value_of (self, "nat.turn.server");
  if (server == NULL || server[0] == '\0')
    return NULL;
  if (port != NULL && !g_str_equal (port, "3478") && strchr (server, ':') == NULL)
    return g_strdup_printf ("%s:%s", server, port);
  return g_strdup (server);
}

static const char *
stage_title (PhonesetStunStage stage)
{
  switch (stage)
    {
    case PHONESET_STUN_STAGE_RESOLVE:
      return _("Finding the server");
    case PHONESET_STUN_STAGE_UDP_BINDING:
      return _("Asking over UDP");
    case PHONESET_STUN_STAGE_TCP_BINDING:
      return _("Asking over TCP");
    case PHONESET_STUN_STAGE_TLS_BINDING:
      return _("Asking over TLS");
    case PHONESET_STUN_STAGE_MAPPING:
      return _("How the NAT maps ports");
    case PHONESET_STUN_STAGE_FILTERING:
      return _("What the NAT lets in");
    case PHONESET_STUN_STAGE_HAIRPIN:
      return _("Whether phones behind it reach each other");
    case PHONESET_STUN_STAGE_LIFETIME:
      return _("How long a binding lives");
    case PHONESET_STUN_STAGE_TURN:
      return _("Relaying through TURN");
    case PHONESET_STUN_STAGE_ICE:
      return _("Gathering ICE candidates");
    case PHONESET_STUN_N_STAGES:
    default:
      return phoneset_stun_stage_get_name (stage);
    }
}

static void
clear_rows (PhonesetStunPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *parent = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (parent != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (parent), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->stage_rows, 0);
}

static void
server_changed_cb (PhonesetStunPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button),
                            text[0] != '\0' && self->cancellable == NULL);
}

static void
set_running (PhonesetStunPage *self,
             gboolean          running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_visible (GTK_WIDGET (self->run_button), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->turn_user_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->turn_password_row), !running);
  if (!running)
    server_changed_cb (self);
}

static void
stage_changed_cb (PhonesetStunPage *self,
                  guint             stage,
                  gboolean          running,
                  PhonesetStunTest *test)
{
  GtkWidget *row;
  GtkWidget *status;

  if (stage >= self->stage_rows->len)
    return;
  row = g_ptr_array_index (self->stage_rows, stage);
  status = g_object_get_data (G_OBJECT (row), "status");
  gtk_widget_set_visible (row, TRUE);
  if (running)
    {
      gtk_spinner_start (GTK_SPINNER (status));
      gtk_widget_set_visible (status, TRUE);
    }
  else
    {
      GtkWidget *done = g_object_get_data (G_OBJECT (row), "done");

      gtk_spinner_stop (GTK_SPINNER (status));
      gtk_widget_set_visible (status, FALSE);
      gtk_widget_set_visible (done, TRUE);
    }
}

/* One card of the picture. */
static GtkWidget *
picture_card (const char *icon,
              const char *title,
              const char *line1,
              const char *line2)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *image = gtk_image_new_from_icon_name (icon);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (image, 12);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  gtk_box_append (GTK_BOX (box), image);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? line1 : line2;
      GtkWidget  *line;

      if (text == NULL)
        continue;
      line = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_label_set_justify (GTK_LABEL (line), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (line, "caption");
      gtk_widget_set_margin_start (line, 6);
      gtk_widget_set_margin_end (line, 6);
      gtk_box_append (GTK_BOX (box), line);
    }
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (box), 12);
  return box;
}

static const char *
words (const char *behaviour)
{
  if (behaviour == NULL)
    return _("unknown");
  if (g_str_equal (behaviour, "endpoint-independent"))
    return _("endpoint-independent");
  if (g_str_equal (behaviour, "address-dependent"))
    return _("address-dependent");
  if (g_str_equal (behaviour, "address-and-port-dependent"))
    return _("address-and-port-dependent");
  if (g_str_equal (behaviour, "inconclusive"))
    return _("inconclusive");
  if (g_str_equal (behaviour, "unsupported"))
    return _("not testable with this server");
  return behaviour;
}

static void
draw_picture (PhonesetStunPage   *self,
              PhonesetStunResult *result)
{
  const char *udp_local =
    phoneset_stun_result_get_local_address (result, PHONESET_STUN_TRANSPORT_UDP);
  const char *udp_mapped =
    phoneset_stun_result_get_mapped_address (result, PHONESET_STUN_TRANSPORT_UDP);
  int              lifetime_ms = phoneset_stun_result_get_binding_lifetime_ms (result);
  g_autofree char *mapping = NULL;
  g_autofree char *filtering = NULL;
  g_autofree char *lifetime = NULL;
  g_autofree char *local = NULL;
  g_autofree char *mapped = NULL;
  gboolean   present = phoneset_stun_result_get_nat_present (result) == PHONESET_STUN_ANSWER_YES;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->picture))) != NULL)
    gtk_box_remove (self->picture, child);

  local = g_strdup_printf (_("Local: %s"), udp_local ? udp_local : _("unknown"));
  mapped = g_strdup_printf (_("Seen as: %s"), udp_mapped ? udp_mapped : _("unknown"));
  gtk_box_append (self->picture,
                  picture_card ("computer-symbolic", _("This Computer"), local, NULL));

  if (present)
    {
      mapping =
        g_strdup_printf (_("Mapping: %s"), words (phoneset_stun_result_get_mapping (result)));
      filtering =
        g_strdup_printf (_("Filtering: %s"), words (phoneset_stun_result_get_filtering (result)));
      gtk_box_append (self->picture, picture_card ("network-wired-symbolic",
                                                   _("NAT Router"), mapping, filtering));
    }
  else
    gtk_box_append (self->picture, picture_card ("network-wired-symbolic",
                                                 _("No NAT"), _("The address is public"), NULL));

  if (lifetime_ms >= 0)
    lifetime = g_strdup_printf (_("Bindings live %.1f s"), lifetime_ms / 1000.0);
  gtk_box_append (self->picture,
                  picture_card ("network-server-symbolic", _("Internet"), mapped, lifetime));
}

static void
apply_clicked_cb (GtkButton        *button,
                  PhonesetStunPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "setting");
  const char *value = g_object_get_data (G_OBJECT (button), "value");
  g_autoptr(GError) error = NULL;

  if (!phoneset_config_history_set (self->history, id, value, &error))
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), error->message);
      return;
    }
  gtk_button_set_label (button, _("Applied"));
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

static void
show_recommendations (PhonesetStunPage   *self,
                      PhonesetStunResult *result)
{
  PhonesetProfile *profile = phoneset_config_get_profile (config (self));
  guint            shown = 0;

  for (guint i = 0; i < phoneset_stun_result_get_n_recommendations (result); i++)
    {
      const char      *id = NULL;
      const char      *value = NULL;
      const char      *why = NULL;
      PhonesetSetting *setting;
      GtkWidget       *row;
      GtkWidget       *button;
      g_autofree char *title = NULL;
      g_autofree char *shown_value = NULL;
      g_autofree char *canonical = NULL;

      if (!phoneset_stun_result_get_recommendation (result, i, &id, &value, &why) || id == NULL)
        continue;
      setting = phoneset_profile_lookup_setting (profile, id);
      row = adw_action_row_new ();
      button = gtk_button_new_with_mnemonic (_("_Apply to This Phone"));
      if (setting != NULL && value != NULL &&
          phoneset_setting_validate (setting, value, &canonical, NULL))
        shown_value = phoneset_setting_dup_display_value (setting, canonical);
      title = g_strdup_printf ("%s: %s", setting ? phoneset_setting_get_title (setting) : id,
                               shown_value ? shown_value : (value ? value : _("your password")));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why ? why : "");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "setting", g_strdup (id), g_free);
      g_object_set_data_full (G_OBJECT (button), "value", g_strdup (value), g_free);
      if (setting == NULL)
        {
          gtk_widget_set_sensitive (button, FALSE);
          gtk_widget_set_tooltip_text (button, _("This phone has no such setting"));
        }
      else if (value == NULL)
        gtk_widget_set_visible (button, FALSE);
      else if (canonical != NULL &&
               g_strcmp0 (phoneset_config_get (config (self), id), canonical) == 0)
        {
          gtk_button_set_label (GTK_BUTTON (button), _("Already Set"));
          gtk_widget_set_sensitive (button, FALSE);
        }
      g_signal_connect (button, "clicked", G_CALLBACK (apply_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->recommendations_group, row);
      g_ptr_array_add (self->rows, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recommendations_group), shown > 0);
}

/* A binding stage that got no answer ends with an error mark, not the
 * "done" one, so that the progress list does not read as success. */
static void
mark_binding_stages (PhonesetStunPage   *self,
                     PhonesetStunResult *result)
{
  static const struct
  {
    guint                  stage;
    PhonesetStunTransports transport;
  } bindings[] = {
    { PHONESET_STUN_STAGE_UDP_BINDING, PHONESET_STUN_TRANSPORT_UDP },
    { PHONESET_STUN_STAGE_TCP_BINDING, PHONESET_STUN_TRANSPORT_TCP },
    { PHONESET_STUN_STAGE_TLS_BINDING, PHONESET_STUN_TRANSPORT_TLS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      GtkWidget *row, *done;

      if (bindings[i].stage >= self->stage_rows->len ||
          !phoneset_stun_result_get_tested (result, bindings[i].transport))
        continue;
      row = g_ptr_array_index (self->stage_rows, bindings[i].stage);
      done = g_object_get_data (G_OBJECT (row), "done");
      if (!gtk_widget_get_visible (row) ||
          phoneset_stun_result_get_answered (result, bindings[i].transport))
        continue;
      gtk_image_set_from_icon_name (GTK_IMAGE (done), "dialog-error-symbolic");
      gtk_widget_remove_css_class (done, "success");
      gtk_widget_add_css_class (done, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No answer"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("No answer"), -1);
    }
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(PhonesetStunPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PhonesetStunResult) result =
               phoneset_stun_test_run_finish (PHONESET_STUN_TEST (source), res, &error);
  g_autofree char *verdict = NULL;
  g_autofree char *text = NULL;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->verdict_label, error->message);
          gtk_widget_set_visible (self->result_box, TRUE);
        }
      g_signal_emit (self, signals[FINISHED], 0);
      return;
    }

  g_set_object (&self->result, result);
  /* Kept with the phone: its own STUN is judged against it. */
  if (phoneset_stun_result_get_binding_lifetime_ms (result) > 0)
    phoneset_phone_set_binding_lifetime_ms (self->phone,
                                            phoneset_stun_result_get_binding_lifetime_ms (result));
  verdict = phoneset_stun_result_dup_verdict (result);
  text = phoneset_stun_result_to_text (result);
  /* The verdict is a headline; an unreachable server's reason and what to
   * do are a paragraph, shown with the details below it. */
  if (phoneset_stun_result_get_reachable (result))
    gtk_label_set_text (self->verdict_label, verdict);
  else
    gtk_label_set_text (self->verdict_label, _("The STUN Server Cannot Be Reached"));
  gtk_label_set_text (self->explanation_label, text);
  mark_binding_stages (self, result);
  draw_picture (self, result);
  show_recommendations (self, result);
  gtk_widget_set_visible (self->result_box, TRUE);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
run_clicked_cb (PhonesetStunPage *self)
{
  const char *server = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->turn_user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->turn_password_row));
  g_autoptr(GError) error = NULL;

  if (self->cancellable != NULL || server[0] == '\0')
    return;

  g_clear_object (&self->test);
  self->test = phoneset_stun_test_new (server, &error);
  if (self->test == NULL)
    {
      gtk_label_set_text (self->verdict_label, error->message);
      gtk_widget_set_visible (self->result_box, TRUE);
      return;
    }
  if (user[0] != '\0')
    phoneset_stun_test_set_turn_credentials (self->test, user, password);
  phoneset_stun_test_set_lifetime (self->test, gtk_switch_get_active (self->lifetime_switch));
  phoneset_stun_test_set_ice (self->test, gtk_switch_get_active (self->ice_switch));
  phoneset_stun_test_set_profile (self->test, phoneset_config_get_profile (config (self)));
  g_signal_connect_object (self->test, "stage-changed", G_CALLBACK (stage_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* One row per stage, shown when the stage starts. */
  clear_rows (self);
  for (guint stage = 0; stage < PHONESET_STUN_N_STAGES; stage++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spinner = gtk_spinner_new ();
      GtkWidget *done = gtk_image_new_from_icon_name ("object-select-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stage_title (stage));
      gtk_widget_set_visible (done, FALSE);
      gtk_widget_add_css_class (done, "success");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spinner);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
      g_object_set_data (G_OBJECT (row), "status", spinner);
      g_object_set_data (G_OBJECT (row), "done", done);
      gtk_widget_set_visible (row, FALSE);
      adw_preferences_group_add (self->progress_group, row);
      g_ptr_array_add (self->stage_rows, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), TRUE);
  gtk_widget_set_visible (self->result_box, FALSE);

  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  phoneset_stun_test_run_async (self->test, self->cancellable, run_done_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (PhonesetStunPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static char *
clock_time (gint64 us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%H:%M:%S") : g_strdup ("—");
}

static void
update_watch (PhonesetStunPage *self)
{
  PhonesetStunSource *source;
  g_autofree char    *text = NULL;
  g_autofree char    *details = NULL;

  if (self->server == NULL || self->phone_host == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->watch_row), TRUE);
  source = phoneset_stun_server_find_host (self->server, self->phone_host);
  if (source == NULL)
    {
      if (phoneset_stun_server_is_running (self->server))
        text = g_strdup_printf (
          _("No STUN request from %s yet. Push the settings to the phone; it asks when it starts "
                                  "and then at each refresh."),
             self->phone_host);
      else
        text = g_strdup (_("The STUN server is not running."));
    }
  else
    {
      g_autofree char *last = clock_time (phoneset_stun_source_get_last_seen (source));
      g_autofree char *verdict = phoneset_stun_source_dup_verdict (source);
      g_autofree char *cost = phoneset_stun_source_dup_cost (source);

      text = g_strdup_printf (
        _("%llu requests from %s (%llu no change, %llu change IP, %llu change port, "
                                "%llu errors), the last at %s"),
           (unsigned long long)phoneset_stun_source_get_requests (source),
           phoneset_stun_source_get_address (source),
           (unsigned long long)phoneset_stun_source_get_no_change (source),
           (unsigned long long)phoneset_stun_source_get_change_ip (source),
           (unsigned long long)phoneset_stun_source_get_change_port (source),
           (unsigned long long)phoneset_stun_source_get_errors (source), last);
      details = g_strdup_printf (
        "%s%s%s", verdict ? verdict
                          : _("One refresh so far: its interval shows after the next one."),
                               cost ? " " : "", cost ? cost : "");
    }
  adw_action_row_set_subtitle (self->watch_row, text);
  gtk_label_set_text (self->watch_label, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->watch_label), details != NULL);
}

static gboolean
watch_cb (gpointer user_data)
{
  update_watch (user_data);
  return G_SOURCE_CONTINUE;
}

static void
start_watching (PhonesetStunPage   *self,
                PhonesetStunServer *server)
{
  g_set_object (&self->server, server);
  if (self->watch_source == 0)
    self->watch_source = g_timeout_add (WATCH_MS, watch_cb, self);
  update_watch (self);
}

/* Where the window's STUN server listens when the page starts it: as the
 * STUN Server window would (its remembered address, else this computer's
 * first address on a network). */
static gboolean
start_server (PhonesetStunPage    *self,
              PhonesetStunServer  *server,
              GError             **error)
{
  GSettings       *settings = phoneset_context_get_settings (self->context);
  g_autofree char *address = g_settings_get_string (settings, "stun-server-address");
  g_autofree char *alt = g_settings_get_string (settings, "stun-server-alt-address");
  g_auto(GStrv) lan = phoneset_address_list_local_ipv4 ();

  if (address[0] == '\0')
    {
      g_free (address);
      address = g_strdup (lan[0] ? lan[0] : "127.0.0.1");
    }
  return phoneset_stun_server_start (
    server, address, (guint16)g_settings_get_int (settings, "stun-server-port"),
    alt[0] ? alt : NULL, (guint16)g_settings_get_int (settings, "stun-server-alt-port"), error);
}

static void
point_clicked_cb (PhonesetStunPage *self)
{
  PhonesetStunServer *server;
  PhonesetProfile    *profile = phoneset_config_get_profile (config (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) phone_ip = NULL;
  g_auto(GStrv) settings = NULL;
  g_autofree char *text = NULL;
  const char      *address;
  guint16          port;

  if (profile == NULL)
    return;
  server = phoneset_context_get_stun_server (self->context);
  if (!phoneset_stun_server_is_running (server) && !start_server (self, server, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("The STUN server could not start: %s"), error->message);

      adw_action_row_set_subtitle (self->point_row, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->point_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->point_row), "error");
  address = phoneset_stun_server_get_address (server);
  port = phoneset_stun_server_get_port (server);
  settings = phoneset_stun_server_settings_for_phone (profile, address, port);
  if (settings[0] == NULL)
    {
      adw_action_row_set_subtitle (
        self->point_row, _("This phone’s profile has no STUN server setting: set it on the "
                                                      "phone's own menu."));
      gtk_widget_add_css_class (GTK_WIDGET (self->point_row), "error");
      return;
    }
  for (guint i = 0; settings[i] != NULL && settings[i + 1] != NULL; i += 2)
    if (!phoneset_config_history_set (self->history, settings[i], settings[i + 1], &error))
      {
        adw_action_row_set_subtitle (self->point_row, error->message);
        gtk_widget_add_css_class (GTK_WIDGET (self->point_row), "error");
        return;
      }

  phone_ip = self->phone_host ? g_inet_address_new_from_string (self->phone_host) : NULL;
  if (g_str_has_prefix (address, "127.") &&
      (phone_ip == NULL || !g_inet_address_get_is_loopback (phone_ip)))
    text = g_strdup_printf (_("The phone’s STUN server is now %s, port %u, in its settings, but the STUN server listens on "
                              "this computer only: the phone cannot reach it. In the STUN Server window, stop it and choose "
                              "this computer’s address on the phone’s network."),
      address, port);
  else
    text = g_strdup_printf (
      _("The phone’s STUN server is now %s, port %u, in its settings: push them to the phone. Its "
                              "requests show below as they arrive."),
         address, port);
  adw_action_row_set_subtitle (self->point_row, text);
  gtk_button_set_label (self->point_button, _("_Point Again"));
  start_watching (self, server);
}

static void
phoneset_stun_page_dispose (GObject *object)
{
  PhonesetStunPage *self = PHONESET_STUN_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_STUN_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->test);
  g_clear_object (&self->result);
  g_clear_object (&self->history);
  g_clear_object (&self->phone);
  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_object (&self->server);
  g_clear_pointer (&self->phone_host, g_free);
  g_clear_pointer (&self->stage_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (phoneset_stun_page_parent_class)->dispose (object);
}

static void
phoneset_stun_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PhonesetStunPage *self = PHONESET_STUN_PAGE (object);

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
phoneset_stun_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PhonesetStunPage *self = PHONESET_STUN_PAGE (object);

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
phoneset_stun_page_class_init (PhonesetStunPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = phoneset_stun_page_dispose;
  object_class->get_property = phoneset_stun_page_get_property;
  object_class->set_property = phoneset_stun_page_set_property;

  /**
   * PhonesetStunPage:context:
   *
   * What the application's widgets share: the catalog, the saved phones,
   * the secret store, the settings and the STUN server.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PHONESET_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PhonesetStunPage::finished:
   * @self: the page
   *
   * A test ended (with a result, an error, or cancelled).
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phoneset/Phoneset/phoneset-stun-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, turn_user_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, turn_password_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, lifetime_switch);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, ice_switch);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, progress_group);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, result_box);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, picture);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, recommendations_group);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, point_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, point_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, watch_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunPage, watch_label);
  gtk_widget_class_bind_template_callback (widget_class, point_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, run_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
phoneset_stun_page_init (PhonesetStunPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->stage_rows = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
}

/**
 * phoneset_stun_page_new:
 * @context: what the application's widgets share: the STUN server, the
 *   settings that keep where it listens
 * @phone: the phone
 * @history: the edits of its config, which recommendations go through
 * @default_server: (nullable): the server to offer when the phone has none
 *
 * Returns: (transfer full): the page
 */
GtkWidget *
phoneset_stun_page_new (PhonesetContext       *context,
                        PhonesetPhone         *phone,
                        PhonesetConfigHistory *history,
                        const char            *default_server)
{
  PhonesetStunPage *self;
  g_autofree char  *server = NULL;
  const char       *turn_user;
  const char       *turn_password;

  g_return_val_if_fail (PHONESET_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PHONESET_IS_PHONE (phone), NULL);
  g_return_val_if_fail (PHONESET_IS_CONFIG_HISTORY (history), NULL);

  self = g_object_new (PHONESET_TYPE_STUN_PAGE, "context", context, NULL);
  self->phone = g_object_ref (phone);
  self->history = g_object_ref (history);

  server = dup_phone_server (self);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row),
                         server ? server : (default_server ? default_server : ""));
  turn_user = value_of (self, "nat.turn.user");
  turn_password = value_of (self, "nat.turn.password");
  gtk_editable_set_text (GTK_EDITABLE (self->turn_user_row), turn_user ? turn_user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->turn_password_row),
                         turn_password ? turn_password : "");
  server_changed_cb (self);

  if (!phoneset_address_parse (phoneset_phone_get_address (phone), 80, &self->phone_host, NULL,
                               NULL))
    self->phone_host = NULL;
  /* The STUN server already runs (opened from the menu): show what it saw. */
  if (phoneset_stun_server_is_running (phoneset_context_get_stun_server (context)))
    start_watching (self, phoneset_context_get_stun_server (context));
  return GTK_WIDGET (self);
}

/**
 * phoneset_stun_page_run:
 * @self: the page
 *
 * What the Run button does.
 */
void
phoneset_stun_page_run (PhonesetStunPage *self)
{
  g_return_if_fail (PHONESET_IS_STUN_PAGE (self));

  run_clicked_cb (self);
}

/**
 * phoneset_stun_page_get_result:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the last result
 */
PhonesetStunResult *
phoneset_stun_page_get_result (PhonesetStunPage *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_PAGE (self), NULL);

  return self->result;
}

/**
 * phoneset_stun_page_point_here:
 * @self: the page
 *
 * What the “Point This Phone at This Computer” button does.
 */
void
phoneset_stun_page_point_here (PhonesetStunPage *self)
{
  g_return_if_fail (PHONESET_IS_STUN_PAGE (self));

  point_clicked_cb (self);
}

/**
 * phoneset_stun_page_refresh_watch:
 * @self: the page
 *
 * Shows now what the STUN server saw of the phone (otherwise once a
 * second).
 */
void
phoneset_stun_page_refresh_watch (PhonesetStunPage *self)
{
  g_return_if_fail (PHONESET_IS_STUN_PAGE (self));

  update_watch (self);
}
