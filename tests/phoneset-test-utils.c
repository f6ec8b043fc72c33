/* phoneset-test-utils.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the UI tests: wait for a window to show, and save what it
 * shows as a PNG in $PHONESET_SCREENSHOT_DIR so that a person can look at it.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "phoneset-secret-store.h"
#include "phoneset-setting-row.h"
#include "phoneset-test-utils.h"

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @msec milliseconds. */
void
phoneset_test_iterate (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits (at most 10 s) until @widget is mapped and has been drawn. */
void
phoneset_test_wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);

  g_assert_true (gtk_widget_get_mapped (widget));
  /* Let layout and the first frames settle. */
  phoneset_test_iterate (300);
}

/**
 * phoneset_test_screenshot:
 * @widget: a mapped widget, usually a window
 * @name: a file name without extension
 *
 * Renders @widget as it is now and saves it as `NAME.png`.
 *
 * Returns: (transfer full): the path written
 */
char *
phoneset_test_screenshot (GtkWidget  *widget,
                          const char *name)
{
  /* Let transitions (the stacks' crossfades) finish first. */
  return phoneset_test_screenshot_after (widget, name, 500);
}

/* The same, after @settle_ms of main loop (0: as it is now). */
char *
phoneset_test_screenshot_after (GtkWidget  *widget,
                                const char *name,
                                guint       settle_ms)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  const char      *dir = g_getenv ("PHONESET_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  GskRenderer     *renderer;
  int              width;
  int              height;

  if (settle_ms > 0)
    phoneset_test_iterate (settle_ms);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, file, NULL);

  /* A widget that has not been drawn yet has nothing to paint: give it
   * frames until it has (at most 5 s). */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      if (snapshot == NULL)
        {
          phoneset_test_iterate (100);
          snapshot = gtk_snapshot_new ();
        }
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));

  g_test_message ("screenshot: %s", path);
  return g_steal_pointer (&path);
}

/**
 * phoneset_test_find_window:
 * @type: a #GtkWindow subtype, such as a message dialog's
 *
 * Waits up to five seconds for a mapped toplevel of @type to show.
 *
 * Returns: (transfer none): the window; the test fails if none shows
 */
GtkWindow *
phoneset_test_find_window (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

          if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_mapped (GTK_WIDGET (w)))
            return GTK_WINDOW (w);
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  g_assert_not_reached ();
}

/**
 * phoneset_test_find_descendant:
 * @widget: where to look
 * @type: a widget type
 *
 * Returns: (transfer none) (nullable): @widget or the first widget below it
 *   of @type, depth first
 */
GtkWidget *
phoneset_test_find_descendant (GtkWidget *widget,
                               GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = phoneset_test_find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * phoneset_test_find_setting_row:
 * @widget: where to look
 * @id: a setting id
 *
 * Returns: (transfer none) (nullable): the mapped row of the setting @id
 *   below @widget
 */
GtkWidget *
phoneset_test_find_setting_row (GtkWidget  *widget,
                                const char *id)
{
  PhonesetSetting *setting = phoneset_setting_row_get_setting (widget);

  if (setting != NULL && g_str_equal (phoneset_setting_get_id (setting), id) &&
      gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = phoneset_test_find_setting_row (c, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_assert_true (phoneset_secret_store_store_finish (PHONESET_SECRET_STORE (source), result, NULL));
  *(gboolean *)data = TRUE;
}

/**
 * phoneset_test_store_password:
 * @secrets: a #PhonesetSecretStore
 * @host: a phone's address
 * @password: its "admin" password
 *
 * Stores @password for the phone's "admin" user and waits (at most 2 s)
 * until it is stored.
 */
void
phoneset_test_store_password (gpointer    secrets,
                              const char *host,
                              const char *password)
{
  gboolean done = FALSE;
  gint64   deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  phoneset_secret_store_store_async (PHONESET_SECRET_STORE (secrets), host, "admin", password, NULL,
                                     stored_cb, &done);
  while (!done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  g_assert_true (done);
}
