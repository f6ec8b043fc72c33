/* test-a11y.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accessibility: opens the main window, every workspace page of every phone
 * profile and every dialog and window, and checks that each control a
 * person can reach has a name a screen reader can say (its own label, a
 * labelled-by relation, or a visible label inside it), that icon-only
 * buttons also have a tooltip, and that Tab alone reaches every control.
 *
 * Phones here live at 127.0.0.180–127.0.0.199 and nothing answers there:
 * no page sends anything unless a control is used, and none is.
 */

#include "config.h"

#include <string.h>

#include "phoneset-add-phone-dialog.h"
#include "phoneset-application.h"
#include "phoneset-fleet-dialog.h"
#include "phoneset-phone-view.h"
#include "phoneset-preferences-window.h"
#include "phoneset-push-dialog.h"
#include "phoneset-secret-store-memory.h"
#include "phoneset-test-app.h"
#include "phoneset-test-utils.h"
#include "phoneset-window.h"
#include "phoneset-test-private.h"

static PhonesetApplication *app;

/* Widgets GTK builds out of other widgets, whose focusable part is an
 * internal child: the name belongs to the outer widget. */
static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_EDITABLE (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_SPIN_BUTTON (widget);
}

/* Whether @widget shows a text of its own: a mapped, non-empty label. */
static gboolean
has_visible_label (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (has_visible_label (c))
      return TRUE;
  return FALSE;
}

/* An accessible label, or a labelled-by relation to something other than
 * the widget's own content (a button is labelled by its child, which is
 * only a name when it holds text: has_visible_label() decides that). */
static gboolean
has_explicit_name (GtkWidget *widget)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_child (GTK_BUTTON (widget)) != NULL)
    {
      g_autofree char *differs = gtk_test_accessible_check_relation (
        GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
        gtk_button_get_child (GTK_BUTTON (widget)), NULL);

      return differs != NULL;
    }
  return TRUE;
}

static gboolean
has_tooltip (GtkWidget *widget)
{
  return gtk_widget_get_tooltip_text (widget) != NULL ||
         gtk_widget_get_tooltip_markup (widget) != NULL;
}

/* The widgets from @widget out to the outermost composite it is part of
 * (a GtkText, its GtkSpinButton; a toggle button, its GtkMenuButton). */
static GPtrArray *
name_chain (GtkWidget *widget)
{
  GPtrArray *chain = g_ptr_array_new ();

  g_ptr_array_add (chain, widget);
  /* A GtkText is the delegate of the editable around it, however deep
   * (an entry row keeps it in a box of its own). */
  if (GTK_IS_TEXT (widget))
    for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL; p = gtk_widget_get_parent (p))
      if (GTK_IS_EDITABLE (p))
        {
          widget = p;
          g_ptr_array_add (chain, widget);
          break;
        }
  for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL && is_composite (p);
       p = gtk_widget_get_parent (p))
    g_ptr_array_add (chain, p);
  return chain;
}

/* libadwaita 1.2's own show-text button in a password entry row has a
 * tooltip but no accessible label: not ours to change, so it passes (the
 * README says so). */
static gboolean
is_adw_peek_button (GtkWidget *widget)
{
  const char *icon;

  if (!GTK_IS_BUTTON (widget) ||
      gtk_widget_get_ancestor (widget, ADW_TYPE_PASSWORD_ENTRY_ROW) == NULL)
    return FALSE;
  icon = gtk_button_get_icon_name (GTK_BUTTON (widget));
  return g_strcmp0 (icon, "view-reveal-symbolic") == 0 ||
         g_strcmp0 (icon, "view-conceal-symbolic") == 0;
}

/* NULL when @widget has a name a screen reader can say; otherwise what is
 * missing. */
static const char *
name_problem (GtkWidget *widget)
{
  g_autoptr(GPtrArray) chain = name_chain (widget);
  GtkWidget *outer = g_ptr_array_index (chain, chain->len - 1);
  gboolean   dropdown = FALSE;
  gboolean   tooltip = FALSE;

  gboolean   named = FALSE;

  for (guint i = 0; i < chain->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (chain, i);

      named |= has_explicit_name (w);
      dropdown |= GTK_IS_DROP_DOWN (w);
      tooltip |= has_tooltip (w);
    }
  /* An icon says nothing to someone who cannot tell what it shows: a
   * tooltip for the eye, a label for the screen reader. */
  if (named && (GTK_IS_BUTTON (outer) || GTK_IS_MENU_BUTTON (outer)) &&
      !has_visible_label (outer) && !is_adw_peek_button (outer) && !tooltip)
    return "an icon-only button with an accessible label but no tooltip";
  if (named)
    return NULL;
  /* A dropdown's label shows the chosen item, not what is chosen. */
  if (dropdown)
    return "a dropdown without an accessible label";
  if (GTK_IS_EDITABLE (outer) || GTK_IS_SWITCH (outer) || GTK_IS_SCALE (outer) ||
      GTK_IS_TEXT_VIEW (outer))
    return "no accessible label and no labelled-by relation";
  /* Buttons, check buttons and rows say what the label in them says. */
  if (has_visible_label (outer))
    return NULL;
  if (is_adw_peek_button (outer))
    return NULL;
  if (GTK_IS_BUTTON (outer) || GTK_IS_MENU_BUTTON (outer))
    return tooltip ? "an icon-only button with a tooltip but no accessible label"
                   : "an icon-only button with neither a tooltip nor an accessible label";
  return "no label in it, no accessible label and no labelled-by relation";
}

/* Every control under @widget a person can see; with @sensitive_only, only
 * those that can take focus now. */
static void
collect_controls (GtkWidget *widget,
                  gboolean   sensitive_only,
                  GPtrArray *out)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (sensitive_only && !gtk_widget_is_sensitive (widget))
    return;
  /* Containers that pass focus on to their children are not controls, nor
   * are selectable labels (they are their own name). */
  if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
      !GTK_IS_SCROLLED_WINDOW (widget) && !GTK_IS_VIEWPORT (widget) && !GTK_IS_LIST_BOX (widget) &&
      !GTK_IS_LIST_VIEW (widget) && !GTK_IS_FLOW_BOX (widget) && !GTK_IS_LABEL (widget) &&
      !GTK_IS_WINDOW (widget))
    g_ptr_array_add (out, widget);
  /* Inside a list view (a combo row's current item) the arrows move, not
   * Tab; what a button shows (a dropdown's current item) is its own. */
  if (GTK_IS_LIST_VIEW (widget) || GTK_IS_BUTTON (widget))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_controls (c, sensitive_only, out);
}

static char *
describe_widget (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));

  if (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) != NULL)
    g_string_append_printf (path, " “%s”", gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)));
  for (GtkWidget *p = widget; p != NULL && !GTK_IS_ROOT (p); p = gtk_widget_get_parent (p))
    {
      if (p != widget && gtk_buildable_get_buildable_id (GTK_BUILDABLE (p)) != NULL &&
          p == gtk_widget_get_parent (widget))
        g_string_append_printf (path, " in %s “%s”", G_OBJECT_TYPE_NAME (p),
                                gtk_buildable_get_buildable_id (GTK_BUILDABLE (p)));
      if (ADW_IS_PREFERENCES_ROW (p) &&
          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p))[0] != '\0')
        {
          g_string_append_printf (path, " in row “%s”",
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p)));
          break;
        }
      if (ADW_IS_PREFERENCES_GROUP (p) &&
          adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (p)) != NULL &&
          adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (p))[0] != '\0')
        {
          g_string_append_printf (path, " in group “%s”",
                                  adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (p)));
          break;
        }
    }
  return g_string_free (path, FALSE);
}

/* Checks the names of all controls under @widget; returns how many it
 * checked. Every problem is listed before the test fails. */
static guint
check_names (GtkWidget  *widget,
             const char *where)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  guint problems = 0;

  collect_controls (widget, FALSE, controls);
  for (guint i = 0; i < controls->len; i++)
    {
      const char *problem = name_problem (controls->pdata[i]);

      if (problem != NULL)
        {
          g_autofree char *what = describe_widget (controls->pdata[i]);

          g_test_message ("%s: %s has %s", where, what, problem);
          problems++;
        }
    }
  if (problems > 0)
    g_test_fail_printf ("%s: %u of %u controls have no name a screen reader can say (listed above)",
                        where, problems, controls->len);
  return controls->len;
}

/* Presses Tab (at most four times per control, plus some) starting from
 * @start (or from nothing) and checks that focus reaches every sensitive
 * control under @area. */
static void
check_tab_reaches (GtkWindow  *window,
                   GtkWidget  *area,
                   GtkWidget  *start,
                   const char *where)
{
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  guint missing;

  collect_controls (area, TRUE, controls);
  if (start != NULL)
    gtk_widget_grab_focus (start);
  else
    gtk_window_set_focus (window, NULL);
  for (guint j = 0; j < controls->len; j++)
    g_hash_table_add (wanted, controls->pdata[j]);
  missing = g_hash_table_size (wanted);
  /* Until every control has had focus, or four presses per control (and
   * some for the header bar) have not done it. */
  for (guint step = 0; missing > 0 && step < 4 * controls->len + 60; step++)
    {
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      /* A focused widget also counts for the widgets it is part of (an
       * entry row's text, a spin button's text). */
      for (GtkWidget *w = gtk_window_get_focus (window); w != NULL; w = gtk_widget_get_parent (w))
        if (g_hash_table_add (reached, w) && g_hash_table_contains (wanted, w))
          missing--;
      if (step % 20 == 0)
        phoneset_test_iterate (1);
    }
  /* Tab stops at the chosen one of a group of radio buttons; the arrow
   * keys move within the group. */
  {
    g_autoptr(GPtrArray) radios = g_ptr_array_new ();
    GHashTableIter iter;
    gpointer       key;

    g_hash_table_iter_init (&iter, reached);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (GTK_IS_CHECK_BUTTON (key))
        g_ptr_array_add (radios, key);
    for (guint r = 0; r < radios->len; r++)
      for (guint d = 0; d < 2; d++)
        {
          GtkDirectionType dir = d == 0 ? GTK_DIR_UP : GTK_DIR_DOWN;

          gtk_widget_grab_focus (radios->pdata[r]);
          for (guint step = 0; step < 8; step++)
            {
              GtkWidget *focus = gtk_window_get_focus (window);

              if (!GTK_IS_CHECK_BUTTON (focus))
                break;
              g_hash_table_add (reached, focus);
              gtk_widget_child_focus (GTK_WIDGET (window), dir);
            }
        }
  }
  for (guint j = 0; j < controls->len; j++)
    if (!g_hash_table_contains (reached, controls->pdata[j]))
      {
        g_autofree char *what = describe_widget (controls->pdata[j]);

        g_test_fail_printf ("%s: Tab never reaches %s", where, what);
      }
}

static gboolean
transition_running (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (transition_running (c))
      return TRUE;
  return FALSE;
}

/* Waits (at most 5 s) until no stack in @widget is between two pages:
 * during a crossfade both pages are mapped. */
static void
wait_for_transitions (GtkWidget *widget)
{
  for (guint i = 0; i < 100 && transition_running (widget); i++)
    phoneset_test_iterate (50);
}

/* Names and Tab for a whole window. */
static void
check_window (GtkWindow  *window,
              const char *where)
{
  guint n;

  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  wait_for_transitions (GTK_WIDGET (window));
  n = check_names (GTK_WIDGET (window), where);
  g_assert_cmpuint (n, >, 0);
  check_tab_reaches (window, GTK_WIDGET (window), NULL, where);
  g_test_message ("%s: %u controls", where, n);
}

static void
forget_all (PhonesetWindow *window)
{
  GListModel *phones = phoneset_window_get_phones (window);

  while (g_list_model_get_n_items (phones) > 0)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (phones, 0);

      phoneset_inventory_remove (phoneset_application_get_inventory (app), phone);
    }
}

/* A phone of @profile at @address with two settings changed since the
 * last push, so that every page and the push dialog have something. */
static PhonesetPhone *
make_phone (PhonesetProfile *profile,
            const char      *address)
{
  PhonesetPhone *phone = phoneset_phone_new (address);
  g_autoptr(PhonesetConfig) config = phoneset_config_new (profile);
  g_autoptr(PhonesetConfig) baseline = phoneset_config_copy (config);

  phoneset_config_set (config, "nat.stun.server", "stun.example.org", NULL);
  phoneset_config_set (config, "vlan.id", "42", NULL);
  phoneset_phone_set_profile_id (phone, phoneset_profile_get_id (profile));
  phoneset_phone_set_vendor (phone, phoneset_profile_get_vendor (profile));
  phoneset_phone_set_name (phone, "Reception desk");
  phoneset_phone_set_mac (phone, "00:15:65:4a:a9:37");
  phoneset_phone_set_config (phone, config);
  phoneset_phone_set_baseline (phone, baseline);
  return phone;
}

/* The checks themselves tell a named control from an unnamed one. */
static void
test_a11y_self_check (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon_only = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *icon_named = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *labelled = gtk_button_new_with_label ("Add");
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *entry_named = gtk_entry_new ();
  GtkWidget *sw = gtk_switch_new ();
  GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char *[]){ "One", "Two", NULL });

  gtk_widget_set_tooltip_text (icon_named, "Add");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon_named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add",
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry_named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Name", -1);
  gtk_box_append (GTK_BOX (box), icon_only);
  gtk_box_append (GTK_BOX (box), icon_named);
  gtk_box_append (GTK_BOX (box), labelled);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), entry_named);
  gtk_box_append (GTK_BOX (box), sw);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (window);

  g_assert_nonnull (name_problem (icon_only));
  g_assert_null (name_problem (icon_named));
  gtk_widget_set_tooltip_text (icon_named, NULL);
  g_assert_nonnull (name_problem (icon_named));
  gtk_widget_set_tooltip_text (icon_named, "Add");
  g_assert_null (name_problem (labelled));
  g_assert_nonnull (name_problem (gtk_widget_get_first_child (entry)));
  g_assert_null (name_problem (gtk_widget_get_first_child (entry_named)));
  g_assert_nonnull (name_problem (sw));
  g_assert_nonnull (name_problem (gtk_widget_get_first_child (dropdown)));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  labelled, NULL, -1);
  g_assert_null (name_problem (sw));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_a11y_main_window (void)
{
  PhonesetWindow *window = phoneset_window_new (app);
  GPtrArray      *profiles = phoneset_application_get_profiles (app);
  g_autoptr(PhonesetPhone) phone = make_phone (g_ptr_array_index (profiles, 0), "127.0.0.180");

  gtk_window_present (GTK_WINDOW (window));
  check_window (GTK_WINDOW (window), "main window, no phones");

  phoneset_window_add_phone (window, phone);
  phoneset_window_show_phone (window, phone);
  phoneset_test_iterate (300);
  check_window (GTK_WINDOW (window), "main window, a phone");

  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every page of the workspace of a phone of each profile: the settings
 * pages, STUN test, keypad and events. */
static void
test_a11y_workspace_pages (void)
{
  PhonesetWindow *window = phoneset_window_new (app);
  GPtrArray      *profiles = phoneset_application_get_profiles (app);
  guint           checked = 0;
  const char     *special_pages[] = { "stun", "keypad", "events" };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (profiles->len, >=, 6);
  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  for (guint p = 0; p < profiles->len; p++)
    {
      PhonesetProfile *profile = g_ptr_array_index (profiles, p);
      g_autofree char *address = g_strdup_printf ("127.0.0.%u", 181 + p % 18);
      g_autoptr(PhonesetPhone) phone = make_phone (profile, address);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      PhonesetPhoneView *view;
      GtkWidget         *page_list, *stack;

      phoneset_window_add_phone (window, phone);
      view = phoneset_window_show_phone (window, phone);
      phoneset_test_iterate (200);
      page_list = GTK_WIDGET (
        gtk_widget_get_template_child (GTK_WIDGET (view), PHONESET_TYPE_PHONE_VIEW, "page_list"));
      stack = GTK_WIDGET (
        gtk_widget_get_template_child (GTK_WIDGET (view), PHONESET_TYPE_PHONE_VIEW, "stack"));
      for (GtkWidget *row = gtk_widget_get_first_child (page_list); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (g_object_get_data (G_OBJECT (row), "page-name") != NULL)
          g_ptr_array_add (names, g_strdup (g_object_get_data (G_OBJECT (row), "page-name")));
      g_assert_cmpuint (names->len, >=, 4);

      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *where = g_strdup_printf (
            "%s, page %s", phoneset_profile_get_id (profile), (char *)names->pdata[i]);
          GtkWidget *page;

          g_hash_table_add (seen, g_strdup (names->pdata[i]));
          g_assert_true (phoneset_phone_view_show_page (view, names->pdata[i]));
          phoneset_test_iterate (150);
          wait_for_transitions (GTK_WIDGET (window));
          page = adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack));
          check_names (page, where);
          check_tab_reaches (GTK_WINDOW (window), page, page_list, where);
          checked++;
        }
      /* The page list and the header bar of the workspace. */
      check_names (GTK_WIDGET (view), phoneset_profile_get_id (profile));
      forget_all (window);
      phoneset_test_iterate (50);
    }
  g_test_message ("%u workspace pages checked", checked);
  /* The STUN self-test, the remote keypad and the events pages were among them. */
  for (guint i = 0; i < G_N_ELEMENTS (special_pages); i++)
    g_assert_true (g_hash_table_contains (seen, special_pages[i]));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_a11y_add_phone (void)
{
  PhonesetWindow         *window = phoneset_window_new (app);
  PhonesetAddPhoneDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  dialog = phoneset_add_phone_dialog_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  check_window (GTK_WINDOW (dialog), "Add Phone");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_a11y_push_dialog (void)
{
  GPtrArray       *profiles = phoneset_application_get_profiles (app);
  PhonesetProfile *profile = phoneset_profiles_find (profiles, "yealink-legacy");
  g_autoptr(PhonesetPhone) phone = NULL;
  g_autoptr(PhonesetSecretStore) secrets = phoneset_secret_store_memory_new ();
  PhonesetPushDialog *dialog;

  g_assert_nonnull (profile);
  phone = make_phone (profile, "127.0.0.199");
  dialog = phoneset_push_dialog_new (NULL, phone, secrets);
  gtk_window_present (GTK_WINDOW (dialog));
  phoneset_test_wait_until_mapped (GTK_WIDGET (dialog));
  /* The keyring lookup is async. */
  phoneset_test_iterate (200);
  check_window (GTK_WINDOW (dialog), "Push dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_a11y_export_dialog (void)
{
  PhonesetWindow *window = phoneset_window_new (app);
  GPtrArray      *profiles = phoneset_application_get_profiles (app);
  g_autoptr(PhonesetPhone) phone =
               make_phone (phoneset_profiles_find (profiles, "yealink-v8x"), "127.0.0.198");
  PhonesetPhoneView *view;
  GtkWindow         *dialog;

  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  phoneset_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "phone.export", NULL));
  dialog = phoneset_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  check_window (dialog, "Export dialog");
  gtk_window_destroy (dialog);
  forget_all (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The fleet export dialog and the provisioning server window, both opened
 * from the main menu. */
static void
test_a11y_fleet_windows (void)
{
  PhonesetWindow *window = phoneset_window_new (app);
  const char     *actions[] = { "win.fleet-export", "win.provisioning" };
  GType           opens[] = { PHONESET_TYPE_FLEET_DIALOG, ADW_TYPE_WINDOW };
  const char     *wheres[] = { "Fleet dialog", "Provisioning view" };

  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWindow *opened;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
      opened = phoneset_test_find_window (opens[i]);
      check_window (opened, wheres[i]);
      gtk_window_destroy (opened);
      phoneset_test_iterate (50);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_a11y_preferences (void)
{
  PhonesetPreferencesWindow *prefs =
    phoneset_preferences_window_new (phoneset_application_get_settings (app));

  gtk_window_present (GTK_WINDOW (prefs));
  check_window (GTK_WINDOW (prefs), "Preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The test context keeps the accessible properties (with GTK_A11Y=none
   * GTK drops them), without a screen reader or accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = phoneset_test_app_new (&argc, &argv);

  g_test_add_func ("/a11y/self-check", test_a11y_self_check);
  g_test_add_func ("/a11y/main-window", test_a11y_main_window);
  g_test_add_func ("/a11y/workspace-pages", test_a11y_workspace_pages);
  g_test_add_func ("/a11y/add-phone", test_a11y_add_phone);
  g_test_add_func ("/a11y/push-dialog", test_a11y_push_dialog);
  g_test_add_func ("/a11y/export-dialog", test_a11y_export_dialog);
  g_test_add_func ("/a11y/fleet-windows", test_a11y_fleet_windows);
  g_test_add_func ("/a11y/preferences", test_a11y_preferences);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
