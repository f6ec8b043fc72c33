/* test-i18n.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window in German and in Swedish: run with LANGUAGE=de (or sv) and the
 * catalogs built in the build tree (PHONESET_TEST_LOCALEDIR). The window's
 * own strings (.ui and C), the phone profile's page, group and setting
 * titles, and a setting's help must show in that language; the phone's menu
 * paths stay as the phone shows them.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "phoneset-application.h"
#include "phoneset-phone-view.h"
#include "phoneset-test-app.h"
#include "phoneset-test-utils.h"
#include "phoneset-window.h"
#include "phoneset-test-private.h"

static PhonesetApplication *app;

typedef struct
{
  const char *language;
  /* Words a German / Swedish installer must see, as written in po/LL.po. */
  const char *expected[8];
} Language;

static const Language languages[] = {
  { "de", { "Noch keine Telefone", "Einstellungen", "Übertragen …", NULL } },
  { "sv", { "Inga telefoner ännu", "Inställningar", "Skicka…", NULL } },
};

static const Language *language;

/* Every text a person sees in @widget and below: labels, row titles and
 * subtitles, status page titles, window titles, button labels. */
static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (ADW_IS_STATUS_PAGE (widget))
    text = adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    text = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  if (text != NULL && text[0] != '\0')
    g_string_append_printf (texts, "%s\n", text);
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL)
    g_string_append_printf (texts, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static char *
texts_of (GtkWidget *widget)
{
  GString *texts = g_string_new (NULL);

  collect_texts (widget, texts);
  return g_string_free (texts, FALSE);
}

static void
assert_shows (const char *texts,
              const char *text)
{
  if (strstr (texts, text) == NULL)
    g_error ("“%s” is not shown; the window shows:\n%s", text, texts);
}

/* The catalog is the one built from po/LL.po, and it is complete enough
 * that the window's key strings differ from the English ones. */
static void
test_catalog (void)
{
  g_assert_cmpstr (_("Preferences"), !=, "Preferences");
  g_assert_cmpstr (_("No Phones Yet"), !=, "No Phones Yet");
}

static void
test_window (void)
{
  PhonesetWindow  *window = phoneset_window_new (app);
  g_autofree char *texts = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *name = g_strdup_printf ("window-%s", language->language);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  phoneset_test_iterate (200);
  texts = texts_of (GTK_WIDGET (window));
  assert_shows (texts, _("No Phones Yet"));
  assert_shows (texts, language->expected[0]);
  g_assert_null (strstr (texts, "No Phones Yet"));
  shot = phoneset_test_screenshot_after (GTK_WIDGET (window), name, 800);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* No label in a sidebar list (the phone's pages) is cut short: longer
 * words (German compounds) make the sidebar wider, not "Action-URL-Ereign…". */
static void
assert_sidebar_labels_whole (GtkWidget *widget,
                             gboolean   in_sidebar)
{
  in_sidebar = in_sidebar || (GTK_IS_LIST_BOX (widget) &&
                              gtk_widget_has_css_class (widget, "navigation-sidebar"));
  if (in_sidebar && GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_test_message ("sidebar label “%s”", gtk_label_get_text (GTK_LABEL (widget)));
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_error ("The sidebar label “%s” is cut short", gtk_label_get_text (GTK_LABEL (widget)));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    assert_sidebar_labels_whole (c, in_sidebar);
}

/* A Konftel 300IP: the profile's titles and help in the user's language;
 * the menu path ("On the phone: …") keeps the phone's own words. */
static void
test_phone_view (void)
{
  PhonesetWindow *window = phoneset_window_new (app);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.30");
  PhonesetPhoneView *view;
  g_autofree char   *texts = NULL;
  g_autofree char   *shot = NULL;
  g_autofree char   *name = g_strdup_printf ("phone-nat-page-%s", language->language);
  const char *translated[] = { "NAT Traversal", "STUN host", "Offer ICE", "TURN host", NULL };

  phoneset_phone_set_model (phone, "Konftel 300IP");
  phoneset_phone_set_profile_id (phone, "konftel-300ip");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  g_assert_nonnull (view);
  g_assert_true (phoneset_phone_view_show_page (view, "page-nat"));
  phoneset_test_iterate (300);
  texts = texts_of (GTK_WIDGET (view));

  for (guint i = 0; translated[i] != NULL; i++)
    {
      const char *local = g_dgettext (GETTEXT_PACKAGE, translated[i]);

      g_test_message ("%s → %s", translated[i], local);
      g_assert_cmpstr (local, !=, translated[i]);
      assert_shows (texts, local);
    }
  /* The phone's own menu words stay. */
  assert_shows (texts, "NAT TRAVERSAL");
  shot = phoneset_test_screenshot_after (GTK_WIDGET (window), name, 800);
  assert_sidebar_labels_whole (GTK_WIDGET (view), FALSE);

  phoneset_inventory_remove (phoneset_application_get_inventory (app), phone);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_menu_labels (GMenuModel *model,
                     GString    *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *linked;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (labels, "%s\n", label);
      while (g_menu_link_iter_get_next (links, NULL, &linked))
        {
          collect_menu_labels (linked, labels);
          g_object_unref (linked);
        }
    }
}

/* The words the translators chose for the installers' vocabulary, where a
 * person meets them: the primary menu and the phone's Push button. */
static void
test_vocabulary (void)
{
  PhonesetWindow *window = phoneset_window_new (app);
  g_autoptr(PhonesetPhone) phone = phoneset_phone_new ("192.0.2.31");
  GMenuModel *menu =
    G_MENU_MODEL (gtk_application_get_menu_by_id (GTK_APPLICATION (app), "primary_menu"));
  g_autoptr(GString) labels = g_string_new (NULL);
  PhonesetPhoneView *view;
  g_autofree char   *texts = NULL;

  g_assert_nonnull (menu);
  collect_menu_labels (menu, labels);
  g_test_message ("menu: %s", labels->str);
  assert_shows (labels->str, language->expected[1]);

  phoneset_phone_set_profile_id (phone, "yealink-v8x");
  gtk_window_present (GTK_WINDOW (window));
  phoneset_test_wait_until_mapped (GTK_WIDGET (window));
  phoneset_window_add_phone (window, phone);
  view = phoneset_window_show_phone (window, phone);
  phoneset_test_iterate (200);
  texts = texts_of (GTK_WIDGET (view));
  assert_shows (texts, language->expected[2]);

  phoneset_inventory_remove (phoneset_application_get_inventory (app), phone);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char      *lang = NULL;
  g_autofree char *localedir = NULL;
  int              ret;

  /* --language=LL (meson runs the test once per language), then GLib's own
   * test options. */
  if (argc > 1 && g_str_has_prefix (argv[1], "--language="))
    {
      lang = argv[1] + strlen ("--language=");
      memmove (&argv[1], &argv[2], (size_t)(argc - 1) * sizeof (char *));
      argc--;
    }
  for (guint i = 0; lang != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (lang, languages[i].language))
      language = &languages[i];
  if (language == NULL || g_getenv ("G_TEST_BUILDDIR") == NULL)
    {
      g_printerr ("usage: test-i18n --language=de|sv [TEST OPTIONS] (meson test runs it)\n");
      return 1;
    }
  /* The window starts with LANGUAGE=LL, as a person's session would set it;
   * LANGUAGE is ignored in the C locale, and C.UTF-8 is always there. The
   * catalogs are the ones built from po/LL.po in the build tree. */
  g_setenv ("LANGUAGE", language->language, TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* gtk_test_init() sets an en_US locale (absent here: C): the session's. */
  phoneset_test_app_use_session_locale ();
  app = phoneset_test_app_new (&argc, &argv);

  g_test_add_func ("/i18n/catalog", test_catalog);
  g_test_add_func ("/i18n/window", test_window);
  g_test_add_func ("/i18n/phone-view", test_phone_view);
  g_test_add_func ("/i18n/vocabulary", test_vocabulary);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
