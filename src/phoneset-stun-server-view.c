/* phoneset-stun-server-view.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-stun-server-view"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-address.h"
#include "phoneset-stun-keepalive.h"
#include "phoneset-stun-server-view.h"
#include "phoneset-test-private.h"

/* The log keeps the newest entries (the snom server keeps 200), and shows
 * at most this many new ones a quarter second: a flood costs nothing. */
#define LOG_MAX_ROWS      200
#define LOG_ROWS_PER_TICK 20
#define LOG_TICK_MS       250

/**
 * PhonesetStunServerView:
 *
 * The “STUN Server” window's content: where the application's
 * #PhonesetStunServer listens (this computer's address on the phones'
 * network, remembered), start and stop, a live table per source address
 * and port (the snom 4S STUN server's statistics: first and last seen,
 * requests, no change, change IP, change port, errors, and the measured
 * refresh), the verdict on the selected source's refresh against the
 * router's binding lifetime, a link to the phone in the list, and a log.
 */
struct _PhonesetStunServerView
{
  GtkBox               parent_instance;

  PhonesetContext     *context;

  /* Template widgets */
  AdwComboRow         *address_row;
  AdwComboRow         *alt_address_row;
  GtkSpinButton       *port_spin;
  GtkSpinButton       *alt_port_spin;
  AdwActionRow        *status_row;
  GtkButton           *start_button;
  GtkColumnView       *table;
  GtkColumnViewColumn *source_column;
  GtkColumnViewColumn *phone_column;
  GtkColumnViewColumn *first_column;
  GtkColumnViewColumn *last_column;
  GtkColumnViewColumn *requests_column;
  GtkColumnViewColumn *no_change_column;
  GtkColumnViewColumn *change_ip_column;
  GtkColumnViewColumn *change_port_column;
  GtkColumnViewColumn *errors_column;
  GtkColumnViewColumn *interval_column;
  GtkLabel            *verdict_label;
  GtkListBox          *log_list;

  /* Owned references */
  PhonesetStunServer  *server;
  GtkSingleSelection  *selection;
  GSettings           *settings;
  GtkStringList       *address_titles;
  GPtrArray           *addresses;
  GtkStringList       *alt_titles;
  GPtrArray           *alt_addresses;
  gboolean             filling;
  GQueue               pending; /* log lines (char *) not shown yet */
  guint                skipped;
  guint                log_source;
  guint                n_log_rows;
  PhonesetStunSource  *shown; /* the source whose verdict is shown */
};

G_DEFINE_FINAL_TYPE (PhonesetStunServerView, phoneset_stun_server_view, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SHOW_PHONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_SOURCE,
  COLUMN_PHONE,
  COLUMN_FIRST,
  COLUMN_LAST,
  COLUMN_REQUESTS,
  COLUMN_NO_CHANGE,
  COLUMN_CHANGE_IP,
  COLUMN_CHANGE_PORT,
  COLUMN_ERRORS,
  COLUMN_INTERVAL,
} Column;

static char *
clock_time (gint64 us)
{
  g_autoptr(GDateTime) utc = us ? g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%H:%M:%S") : g_strdup ("—");
}

static char *
cell_text (PhonesetStunSource *source,
           Column              column)
{
  switch (column)
    {
    case COLUMN_SOURCE:
      return g_strdup (phoneset_stun_source_get_address (source));
    case COLUMN_PHONE:
      {
        char *name = phoneset_stun_source_dup_phone_name (source);

        return name ? name : g_strdup ("—");
      }
    case COLUMN_FIRST:
      return clock_time (phoneset_stun_source_get_first_seen (source));
    case COLUMN_LAST:
      return clock_time (phoneset_stun_source_get_last_seen (source));
    case COLUMN_REQUESTS:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, phoneset_stun_source_get_requests (source));
    case COLUMN_NO_CHANGE:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, phoneset_stun_source_get_no_change (source));
    case COLUMN_CHANGE_IP:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, phoneset_stun_source_get_change_ip (source));
    case COLUMN_CHANGE_PORT:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, phoneset_stun_source_get_change_port (source));
    case COLUMN_ERRORS:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, phoneset_stun_source_get_errors (source));
    case COLUMN_INTERVAL:
    default:
      return phoneset_stun_format_duration (phoneset_stun_source_get_interval_ms (source));
    }
}

static void
update_cell (GtkWidget *cell)
{
  PhonesetStunSource *source = g_object_get_data (G_OBJECT (cell), "source");
  Column              column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  g_autofree char    *text = NULL;

  if (source == NULL)
    return;
  text = cell_text (source, column);
  if (column == COLUMN_PHONE)
    {
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (cell));

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_set_sensitive (cell, phoneset_stun_source_get_phone (source) != NULL);
      gtk_widget_set_tooltip_text (
        cell, phoneset_stun_source_get_phone (source) ? _("Show this phone in the list") : NULL);
    }
  else
    gtk_label_set_text (GTK_LABEL (cell), text);
}

static void
phone_clicked_cb (GtkButton              *button,
                  PhonesetStunServerView *self)
{
  PhonesetStunSource *source = g_object_get_data (G_OBJECT (button), "source");

  if (source != NULL && phoneset_stun_source_get_phone (source) != NULL)
    g_signal_emit (self, signals[SHOW_PHONE], 0, phoneset_stun_source_get_phone (source));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column     column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *cell;

  if (column == COLUMN_PHONE)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      cell = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (cell), label);
      gtk_widget_add_css_class (cell, "flat");
      g_signal_connect (cell, "clicked", G_CALLBACK (phone_clicked_cb), user_data);
    }
  else
    {
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), column >= COLUMN_REQUESTS ? 1 : 0);
      if (column != COLUMN_SOURCE)
        gtk_widget_add_css_class (cell, "numeric");
      gtk_widget_set_margin_start (cell, 6);
      gtk_widget_set_margin_end (cell, 6);
    }
  g_object_set_data (G_OBJECT (cell), "column", GUINT_TO_POINTER (column));
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget          *cell = gtk_list_item_get_child (item);
  PhonesetStunSource *source = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (cell), "source", g_object_ref (source), g_object_unref);
  g_signal_connect_object (source, "changed", G_CALLBACK (update_cell), cell, G_CONNECT_SWAPPED);
  update_cell (cell);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget          *cell = gtk_list_item_get_child (item);
  PhonesetStunSource *source = g_object_get_data (G_OBJECT (cell), "source");

  if (source != NULL)
    g_signal_handlers_disconnect_by_func (source, update_cell, cell);
  g_object_set_data (G_OBJECT (cell), "source", NULL);
}

static void
set_factory (PhonesetStunServerView *self,
             GtkColumnViewColumn    *column,
             Column                  index)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (index));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);
  gtk_column_view_column_set_factory (column, factory);
}

/* The verdict on the selected source (the newest when none is selected). */
static void
update_verdict (PhonesetStunServerView *self)
{
  PhonesetStunSource *source = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char    *verdict = NULL;
  g_autofree char    *cost = NULL;
  g_autofree char    *phone = NULL;
  g_autofree char    *who = NULL;
  g_autofree char    *text = NULL;

  if (source != self->shown)
    {
      if (self->shown != NULL)
        g_signal_handlers_disconnect_by_func (self->shown, update_verdict, self);
      g_set_object (&self->shown, source);
      if (source != NULL)
        g_signal_connect_object (source, "changed", G_CALLBACK (update_verdict), self,
                                 G_CONNECT_SWAPPED);
    }
  if (source == NULL)
    {
      gtk_label_set_text (self->verdict_label, _("No phone has sent a STUN request yet. Point a phone here from its STUN Self-Test page, or "
                            "set this computer as its STUN server."));
      return;
    }
  verdict = phoneset_stun_source_dup_verdict (source);
  cost = phoneset_stun_source_dup_cost (source);
  phone = phoneset_stun_source_dup_phone_name (source);
  who = phone ? g_strdup_printf ("%s (%s)", phoneset_stun_source_get_address (source), phone)
              : g_strdup (phoneset_stun_source_get_address (source));
  text =
    g_strdup_printf ("%s: %s%s%s", who,
                     verdict ? verdict
                             : _("one refresh so far: its interval shows after the next one."),
                                  cost ? " " : "", cost ? cost : "");
  gtk_label_set_text (self->verdict_label, text);
}

static gboolean
log_tick_cb (gpointer user_data)
{
  PhonesetStunServerView *self = user_data;
  char                   *line;
  GtkWidget              *last;

  if (self->skipped > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more request (not shown)",
                                      "… and %u more requests (not shown)", self->skipped),
                         self->skipped);

      g_queue_push_head (&self->pending, g_steal_pointer (&text));
      self->skipped = 0;
    }
  for (guint i = 0; i < LOG_ROWS_PER_TICK && (line = g_queue_pop_head (&self->pending)) != NULL;
       i++)
    {
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_add_css_class (label, "caption");
      gtk_list_box_prepend (self->log_list, label);
      self->n_log_rows++;
      g_free (line);
    }
  while (self->n_log_rows > LOG_MAX_ROWS &&
         (last = gtk_widget_get_last_child (GTK_WIDGET (self->log_list))) != NULL)
    {
      gtk_list_box_remove (self->log_list, last);
      self->n_log_rows--;
    }
  if (g_queue_is_empty (&self->pending))
    {
      self->log_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
event_cb (PhonesetStunServerView  *self,
          const PhonesetStunEvent *event,
          PhonesetStunServer      *server)
{
  if (g_queue_get_length (&self->pending) >= LOG_ROWS_PER_TICK)
    self->skipped++;
  else
    {
      g_autofree char *time = clock_time (event->time);
      g_autofree char *text = phoneset_stun_event_to_text (event);

      g_queue_push_tail (&self->pending, g_strdup_printf ("%s  %s", time, text));
    }
  if (self->log_source == 0)
    self->log_source = g_timeout_add (LOG_TICK_MS, log_tick_cb, self);
}

static void
add_choice (GtkStringList *titles,
            GPtrArray     *addresses,
            guint          position,
            const char    *title,
            const char    *address)
{
  const char *strings[] = { title, NULL };

  gtk_string_list_splice (titles, position, 0, strings);
  g_ptr_array_insert (addresses, (int)position, g_strdup (address));
}

static guint
find_choice (GPtrArray  *addresses,
             const char *address)
{
  for (guint i = 0; i < addresses->len; i++)
    if (g_strcmp0 (g_ptr_array_index (addresses, i), address) == 0)
      return i;
  return G_MAXUINT;
}

/* The Address row: this computer's LAN addresses, then this computer
 * only; the Other Address row: none, then the LAN addresses. Never 0.0.0.0:
 * an answer says which address it left from. */
static void
fill_addresses (PhonesetStunServerView *self)
{
  g_auto(GStrv) lan = phoneset_address_list_local_ipv4 ();
  g_autofree char *saved = g_settings_get_string (self->settings, "stun-server-address");
  g_autofree char *saved_alt = g_settings_get_string (self->settings, "stun-server-alt-address");
  guint            selected, selected_alt;

  self->address_titles = gtk_string_list_new (NULL);
  self->addresses = g_ptr_array_new_with_free_func (g_free);
  self->alt_titles = gtk_string_list_new (NULL);
  self->alt_addresses = g_ptr_array_new_with_free_func (g_free);
  /* Translators: the STUN server has no other address. */
  add_choice (self->alt_titles, self->alt_addresses, 0, _("None"), "");
  for (guint i = 0; lan[i] != NULL; i++)
    {
      add_choice (self->address_titles, self->addresses, i, lan[i], lan[i]);
      add_choice (self->alt_titles, self->alt_addresses, i + 1, lan[i], lan[i]);
    }
  /* Translators: a choice of where the STUN server listens. */
  add_choice (self->address_titles, self->addresses, self->addresses->len,
              _("This computer only (127.0.0.1)"), "127.0.0.1");
  selected = find_choice (self->addresses, saved);
  selected_alt = find_choice (self->alt_addresses, saved_alt);

  self->filling = TRUE;
  adw_combo_row_set_model (self->address_row, G_LIST_MODEL (self->address_titles));
  adw_combo_row_set_selected (self->address_row, selected == G_MAXUINT ? 0 : selected);
  adw_combo_row_set_model (self->alt_address_row, G_LIST_MODEL (self->alt_titles));
  adw_combo_row_set_selected (self->alt_address_row, selected_alt == G_MAXUINT ? 0 : selected_alt);
  gtk_spin_button_set_value (self->port_spin,
                             g_settings_get_int (self->settings, "stun-server-port"));
  gtk_spin_button_set_value (self->alt_port_spin,
                             g_settings_get_int (self->settings, "stun-server-alt-port"));
  self->filling = FALSE;
}

static const char *
chosen (AdwComboRow *row,
        GPtrArray   *addresses)
{
  guint i = adw_combo_row_get_selected (row);

  return i < addresses->len ? g_ptr_array_index (addresses, i) : NULL;
}

static void
address_changed_cb (PhonesetStunServerView *self)
{
  if (self->filling || self->addresses == NULL)
    return;
  g_settings_set_string (self->settings, "stun-server-address",
                         chosen (self->address_row, self->addresses));
  g_settings_set_string (self->settings, "stun-server-alt-address",
                         chosen (self->alt_address_row, self->alt_addresses));
}

static void
update_controls (PhonesetStunServerView *self)
{
  gboolean running = phoneset_stun_server_is_running (self->server);

  if (running)
    {
      const char *address = phoneset_stun_server_get_address (self->server);

      /* Started elsewhere (a phone's STUN page): the rows show where. */
      self->filling = TRUE;
      phoneset_stun_server_view_set_address (self, address,
                                             phoneset_stun_server_get_alt_address (self->server));
      gtk_spin_button_set_value (self->port_spin, phoneset_stun_server_get_port (self->server));
      gtk_spin_button_set_value (self->alt_port_spin,
                                 phoneset_stun_server_get_alt_port (self->server));
      self->filling = FALSE;
    }
  gtk_button_set_label (self->start_button, running ? _("_Stop") : _("_Start"));
  if (running)
    gtk_widget_remove_css_class (GTK_WIDGET (self->start_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->start_button), "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->alt_address_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->port_spin), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->alt_port_spin), !running);
  if (running)
    {
      const char      *address = phoneset_stun_server_get_address (self->server);
      const char      *other = phoneset_stun_server_get_alt_address (self->server);
      g_autofree char *text = NULL;

      if (other != NULL)
        text = g_strdup_printf (_("Phones use %s, port %u. Change-port answers leave from port %u, change-IP answers from %s."),
                                   address, phoneset_stun_server_get_port (self->server),
                                   phoneset_stun_server_get_alt_port (self->server), other);
      else
        text = g_strdup_printf (_("Phones use %s, port %u. Change-port answers leave from port %u; change-IP requests are "
                                  "counted but cannot be answered without an other address."),
          address, phoneset_stun_server_get_port (self->server),
          phoneset_stun_server_get_alt_port (self->server));
      adw_action_row_set_subtitle (self->status_row, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "error");
    }
}

static void
running_changed_cb (PhonesetStunServerView *self)
{
  update_controls (self);
  if (!phoneset_stun_server_is_running (self->server))
    adw_action_row_set_subtitle (self->status_row, _("Not running"));
}

static void
start_clicked_cb (PhonesetStunServerView *self)
{
  g_autoptr(GError) error = NULL;

  if (phoneset_stun_server_is_running (self->server))
    {
      phoneset_stun_server_view_stop (self);
      return;
    }
  g_settings_set_int (self->settings, "stun-server-port",
                      gtk_spin_button_get_value_as_int (self->port_spin));
  g_settings_set_int (self->settings, "stun-server-alt-port",
                      gtk_spin_button_get_value_as_int (self->alt_port_spin));
  if (!phoneset_stun_server_view_start (
        self, (guint16)gtk_spin_button_get_value_as_int (self->port_spin),
        (guint16)gtk_spin_button_get_value_as_int (self->alt_port_spin), &error))
    {
      adw_action_row_set_subtitle (self->status_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "error");
    }
}

static void
clear_clicked_cb (PhonesetStunServerView *self)
{
  GtkWidget *row;

  phoneset_stun_server_clear (self->server);
  g_queue_clear_full (&self->pending, g_free);
  self->skipped = 0;
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->log_list))) != NULL &&
         GTK_IS_LIST_BOX_ROW (row))
    gtk_list_box_remove (self->log_list, row);
  self->n_log_rows = 0;
  update_verdict (self);
}

static void
table_activate_cb (PhonesetStunServerView *self,
                   guint                   position)
{
  g_autoptr(PhonesetStunSource) source =
               g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (source != NULL && phoneset_stun_source_get_phone (source) != NULL)
    g_signal_emit (self, signals[SHOW_PHONE], 0, phoneset_stun_source_get_phone (source));
}

static void
phoneset_stun_server_view_dispose (GObject *object)
{
  PhonesetStunServerView *self = (PhonesetStunServerView *)object;

  g_clear_handle_id (&self->log_source, g_source_remove);
  g_queue_clear_full (&self->pending, g_free);
  if (self->server != NULL)
    g_signal_handlers_disconnect_by_data (self->server, self);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, update_verdict, self);
  g_clear_object (&self->shown);
  gtk_widget_dispose_template (GTK_WIDGET (self), PHONESET_TYPE_STUN_SERVER_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (phoneset_stun_server_view_parent_class)->dispose (object);
}

static void
phoneset_stun_server_view_finalize (GObject *object)
{
  PhonesetStunServerView *self = (PhonesetStunServerView *)object;

  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  g_clear_pointer (&self->alt_addresses, g_ptr_array_unref);
  g_clear_object (&self->address_titles);
  g_clear_object (&self->alt_titles);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (phoneset_stun_server_view_parent_class)->finalize (object);
}

static void
phoneset_stun_server_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  PhonesetStunServerView *self = PHONESET_STUN_SERVER_VIEW (object);

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
phoneset_stun_server_view_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  PhonesetStunServerView *self = PHONESET_STUN_SERVER_VIEW (object);

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
phoneset_stun_server_view_constructed (GObject *object)
{
  PhonesetStunServerView *self = PHONESET_STUN_SERVER_VIEW (object);

  G_OBJECT_CLASS (phoneset_stun_server_view_parent_class)->constructed (object);

  g_return_if_fail (PHONESET_IS_CONTEXT (self->context));
  self->settings = g_object_ref (phoneset_context_get_settings (self->context));
  fill_addresses (self);
}

static void
phoneset_stun_server_view_class_init (PhonesetStunServerViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = phoneset_stun_server_view_constructed;
  object_class->dispose = phoneset_stun_server_view_dispose;
  object_class->get_property = phoneset_stun_server_view_get_property;
  object_class->set_property = phoneset_stun_server_view_set_property;

  /**
   * PhonesetStunServerView:context:
   *
   * What the application's widgets share: the catalog, the saved phones,
   * the secret store, the settings and the STUN server.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PHONESET_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = phoneset_stun_server_view_finalize;

  /**
   * PhonesetStunServerView::show-phone:
   * @self: the view
   * @phone: the phone of a source
   *
   * The user asked to see the phone behind a source in the list.
   */
  signals[SHOW_PHONE] = g_signal_new ("show-phone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 1, PHONESET_TYPE_PHONE);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/phoneset/Phoneset/phoneset-stun-server-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, address_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, alt_address_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, port_spin);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, alt_port_spin);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, status_row);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, start_button);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, table);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, source_column);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, phone_column);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, first_column);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, last_column);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, requests_column);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, no_change_column);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, change_ip_column);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, change_port_column);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, errors_column);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, interval_column);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, PhonesetStunServerView, log_list);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activate_cb);
}

static void
phoneset_stun_server_view_init (PhonesetStunServerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_queue_init (&self->pending);

  set_factory (self, self->source_column, COLUMN_SOURCE);
  set_factory (self, self->phone_column, COLUMN_PHONE);
  set_factory (self, self->first_column, COLUMN_FIRST);
  set_factory (self, self->last_column, COLUMN_LAST);
  set_factory (self, self->requests_column, COLUMN_REQUESTS);
  set_factory (self, self->no_change_column, COLUMN_NO_CHANGE);
  set_factory (self, self->change_ip_column, COLUMN_CHANGE_IP);
  set_factory (self, self->change_port_column, COLUMN_CHANGE_PORT);
  set_factory (self, self->errors_column, COLUMN_ERRORS);
  set_factory (self, self->interval_column, COLUMN_INTERVAL);
}

/**
 * phoneset_stun_server_view_new:
 * @context: what the application's widgets share: the settings that keep
 *   where the server listens
 * @server: the server it shows and drives (the context's)
 *
 * Returns: (transfer full): the view
 */
GtkWidget *
phoneset_stun_server_view_new (PhonesetContext    *context,
                               PhonesetStunServer *server)
{
  PhonesetStunServerView *self;

  g_return_val_if_fail (PHONESET_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER (server), NULL);

  self = g_object_new (PHONESET_TYPE_STUN_SERVER_VIEW, "context", context, NULL);
  self->server = g_object_ref (server);
  self->selection =
    gtk_single_selection_new (g_object_ref (phoneset_stun_server_get_sources (server)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (update_verdict),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (server, "event", G_CALLBACK (event_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (server, "notify::running", G_CALLBACK (running_changed_cb), self,
                           G_CONNECT_SWAPPED);
  running_changed_cb (self);
  update_verdict (self);
  return GTK_WIDGET (self);
}

static void
select_address (AdwComboRow   *row,
                GtkStringList *titles,
                GPtrArray     *addresses,
                guint          before_end,
                const char    *address)
{
  guint i = find_choice (addresses, address);

  if (i == G_MAXUINT)
    {
      i = addresses->len - before_end;
      add_choice (titles, addresses, i, address, address);
    }
  adw_combo_row_set_selected (row, i);
}

/**
 * phoneset_stun_server_view_set_address:
 * @address: an IP address of this computer
 * @alt_address: (nullable): another one, %NULL or "" for none
 *
 * Chooses where to listen, as the Address rows do; an address they do
 * not list (such as a loopback alias) joins the list.
 */
void
phoneset_stun_server_view_set_address (PhonesetStunServerView *self,
                                       const char             *address,
                                       const char             *alt_address)
{
  g_return_if_fail (PHONESET_IS_STUN_SERVER_VIEW (self));
  g_return_if_fail (address != NULL);

  select_address (self->address_row, self->address_titles, self->addresses, 1, address);
  if (alt_address == NULL || alt_address[0] == '\0')
    adw_combo_row_set_selected (self->alt_address_row, 0);
  else
    select_address (self->alt_address_row, self->alt_titles, self->alt_addresses, 0, alt_address);
}

/**
 * phoneset_stun_server_view_get_address:
 *
 * Returns: the address chosen in the Address row
 */
const char *
phoneset_stun_server_view_get_address (PhonesetStunServerView *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER_VIEW (self), NULL);
  return chosen (self->address_row, self->addresses);
}

/**
 * phoneset_stun_server_view_start:
 * @port: the primary port (0: any free one)
 * @alt_port: the secondary port (0: any free one)
 * @error: a location for a #GError
 *
 * Starts the server on the addresses chosen in the rows.
 *
 * Returns: %TRUE when listening
 */
gboolean
phoneset_stun_server_view_start (PhonesetStunServerView  *self,
                                 guint16                  port,
                                 guint16                  alt_port,
                                 GError                 **error)
{
  const char *alt;

  g_return_val_if_fail (PHONESET_IS_STUN_SERVER_VIEW (self), FALSE);

  if (phoneset_stun_server_is_running (self->server))
    return TRUE;
  alt = chosen (self->alt_address_row, self->alt_addresses);
  if (!phoneset_stun_server_start (self->server, chosen (self->address_row, self->addresses), port,
                                   alt && alt[0] ? alt : NULL, alt_port, error))
    return FALSE;
  gtk_spin_button_set_value (self->port_spin, phoneset_stun_server_get_port (self->server));
  gtk_spin_button_set_value (self->alt_port_spin, phoneset_stun_server_get_alt_port (self->server));
  return TRUE;
}

void
phoneset_stun_server_view_stop (PhonesetStunServerView *self)
{
  g_return_if_fail (PHONESET_IS_STUN_SERVER_VIEW (self));
  phoneset_stun_server_stop (self->server);
}

/**
 * phoneset_stun_server_view_get_n_log_rows:
 *
 * Returns: how many lines the log shows
 */
guint
phoneset_stun_server_view_get_n_log_rows (PhonesetStunServerView *self)
{
  g_return_val_if_fail (PHONESET_IS_STUN_SERVER_VIEW (self), 0);
  return self->n_log_rows;
}
