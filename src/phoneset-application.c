/* phoneset-application.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-application"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-application.h"
#include "phoneset-cli.h"
#include "phoneset-paths.h"
#include "phoneset-secret-session.h"
#include "phoneset-secret-store-libsecret.h"
#include "phoneset-secret-store-memory.h"
#include "phoneset-preferences-window.h"
#include "phoneset-window.h"
#include "phoneset-test-hooks-private.h"

struct _PhonesetApplication
{
  AdwApplication   parent_instance;

  PhonesetContext *context;
};

G_DEFINE_FINAL_TYPE (PhonesetApplication, phoneset_application, ADW_TYPE_APPLICATION)

static GtkWindow *
get_active_window (PhonesetApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
phoneset_application_activate (GApplication *app)
{
  PhonesetApplication *self = PHONESET_APPLICATION (app);
  GtkWindow           *window = get_active_window (self);

  if (window == NULL)
    window = GTK_WINDOW (phoneset_window_new (self));

  gtk_window_present (window);
}

static int
phoneset_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("phoneset %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
phoneset_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *prefs_accels[] = { "<primary>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *add_accels[] = { "<primary>n", NULL };

  G_APPLICATION_CLASS (phoneset_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.add-phone", add_accels);
}

static void
phoneset_application_dispose (GObject *object)
{
  PhonesetApplication *self = (PhonesetApplication *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (phoneset_application_parent_class)->dispose (object);
}

static void
phoneset_application_class_init (PhonesetApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = phoneset_application_dispose;

  app_class->activate = phoneset_application_activate;
  app_class->startup = phoneset_application_startup;
  app_class->handle_local_options = phoneset_application_handle_local_options;
}

static void
phoneset_application_about_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  static const char   *developers[] = { "The Phoneset developers", NULL };
  PhonesetApplication *self = user_data;

  g_assert (PHONESET_IS_APPLICATION (self));

  adw_show_about_window (
    get_active_window (self), "application-name", "Phoneset", "application-icon", APP_ID,
    "developer-name", "The Phoneset developers", "version", PACKAGE_VERSION, "comments",
    _("Find IP conference and desk phones, set up their NAT traversal, "
                                       "VLAN and provisioning, and test STUN from the desktop."),
       "website", "https://github.com/phoneset/phoneset", "issue-url",
       "https://github.com/phoneset/phoneset/issues", "developers", developers, "copyright",
       "© 2026 The Phoneset developers", "license-type", GTK_LICENSE_GPL_3_0, "translator-credits",
       _("translator-credits"), NULL);
}

static void
phoneset_application_help_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  PhonesetApplication *self = user_data;

  g_assert (PHONESET_IS_APPLICATION (self));

  gtk_show_uri (get_active_window (self), "help:phoneset", GDK_CURRENT_TIME);
}

static void
phoneset_application_preferences_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  PhonesetApplication       *self = user_data;
  PhonesetPreferencesWindow *prefs;

  g_assert (PHONESET_IS_APPLICATION (self));

  prefs = phoneset_preferences_window_new (phoneset_application_get_settings (self));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), get_active_window (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
phoneset_application_quit_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  PhonesetApplication *self = user_data;

  g_assert (PHONESET_IS_APPLICATION (self));

  /* Close the windows so that they save their state. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", phoneset_application_about_action },
  { "help", phoneset_application_help_action },
  { "preferences", phoneset_application_preferences_action },
  { "quit", phoneset_application_quit_action },
};

static void
phoneset_application_init (PhonesetApplication *self)
{
  g_autofree char          *commands = phoneset_cli_dup_commands ();
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL }, { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[COMMAND …]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Set up IP conference and desk phones. "
                                              "Without a command, Phoneset opens its window."));
  g_application_set_option_context_description (G_APPLICATION (self), commands);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
}

/**
 * phoneset_application_new:
 * @application_id: the application id
 * @flags: #GApplicationFlags
 *
 * Returns: (transfer full): a new application
 */
PhonesetApplication *
phoneset_application_new (const char        *application_id,
                          GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (PHONESET_TYPE_APPLICATION, "application-id", application_id, "flags", flags,
                       /* The .Devel build shares the resources of the normal one. */
                       "resource-base-path", "/io/github/phoneset/Phoneset", NULL);
}

/* The phone profiles, read once; a file that cannot be read is logged and
 * left out. */
static PhonesetCatalog *
load_catalog (void)
{
  PhonesetCatalog *catalog = phoneset_catalog_new_default ();
  GPtrArray       *errors = phoneset_catalog_get_errors (catalog);

  for (guint i = 0; i < errors->len; i++)
    g_message ("A phone profile is not used: %s",
               ((GError *)g_ptr_array_index (errors, i))->message);
  return catalog;
}

/* The saved phones; what cannot be read is logged. */
static PhonesetInventory *
load_inventory (PhonesetCatalog *catalog)
{
  g_autofree char *dir = phoneset_paths_data_dir ();
  g_autoptr(GError) error = NULL;
  PhonesetInventory *inventory =
    phoneset_inventory_new (dir, phoneset_catalog_get_profiles (catalog));

  if (!phoneset_inventory_load (inventory, &error))
    g_message ("The saved phones could not be read: %s", error->message);
  return inventory;
}

/* Where passwords live: the Secret Service, through a
 * #PhonesetSecretSession that keeps in memory what the keyring does not
 * take (none running, locked) and says why. PHONESET_SECRET_STORE=memory
 * uses memory instead of the Secret Service (the UI tests that need no
 * keyring). */
static PhonesetSecretStore *
new_secret_store (void)
{
  gboolean memory = _phoneset_test_hook_equals (PHONESET_TEST_HOOK_SECRET_STORE, "memory");
  g_autoptr(PhonesetSecretStore) backend = memory ? phoneset_secret_store_memory_new ()
                                                   : phoneset_secret_store_libsecret_new ();

  return PHONESET_SECRET_STORE (phoneset_secret_session_new (backend, !memory));
}

/**
 * phoneset_application_get_context:
 * @self: a #PhonesetApplication
 *
 * What the windows and their widgets share: the catalog, the saved phones,
 * the secret store, the settings and the STUN server. Made when first
 * asked for; the window hands it to the widgets it makes.
 *
 * Returns: (transfer none): the application's context
 */
PhonesetContext *
phoneset_application_get_context (PhonesetApplication *self)
{
  g_return_val_if_fail (PHONESET_IS_APPLICATION (self), NULL);

  if (self->context == NULL)
    {
      g_autoptr(PhonesetCatalog) catalog = load_catalog ();
      g_autoptr(PhonesetInventory) inventory = load_inventory (catalog);
      g_autoptr(PhonesetSecretStore) secrets = new_secret_store ();
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      self->context = phoneset_context_new (catalog, inventory, secrets, settings);
    }
  return self->context;
}

/**
 * phoneset_application_get_settings:
 * @self: a #PhonesetApplication
 *
 * Returns: (transfer none): the settings of the application's context
 */
GSettings *
phoneset_application_get_settings (PhonesetApplication *self)
{
  return phoneset_context_get_settings (phoneset_application_get_context (self));
}

/**
 * phoneset_application_get_catalog:
 * @self: a #PhonesetApplication
 *
 * Returns: (transfer none): the catalog of the application's context
 */
PhonesetCatalog *
phoneset_application_get_catalog (PhonesetApplication *self)
{
  return phoneset_context_get_catalog (phoneset_application_get_context (self));
}

/**
 * phoneset_application_get_profiles:
 * @self: a #PhonesetApplication
 *
 * Returns: (transfer none) (element-type PhonesetProfile): the phone
 *   profiles of phoneset_application_get_catalog(), by id
 */
GPtrArray *
phoneset_application_get_profiles (PhonesetApplication *self)
{
  return phoneset_context_get_profiles (phoneset_application_get_context (self));
}

/**
 * phoneset_application_get_inventory:
 * @self: a #PhonesetApplication
 *
 * Returns: (transfer none): the saved phones of the application's context
 */
PhonesetInventory *
phoneset_application_get_inventory (PhonesetApplication *self)
{
  return phoneset_context_get_inventory (phoneset_application_get_context (self));
}

/**
 * phoneset_application_get_secret_store:
 * @self: a #PhonesetApplication
 *
 * Returns: (transfer none): the secret store of the application's context,
 *   a #PhonesetSecretSession
 */
PhonesetSecretStore *
phoneset_application_get_secret_store (PhonesetApplication *self)
{
  return phoneset_context_get_secret_store (phoneset_application_get_context (self));
}

/**
 * phoneset_application_get_stun_server:
 * @self: a #PhonesetApplication
 *
 * Returns: (transfer none): the STUN server of the application's context
 *   (not started)
 */
PhonesetStunServer *
phoneset_application_get_stun_server (PhonesetApplication *self)
{
  return phoneset_context_get_stun_server (phoneset_application_get_context (self));
}
