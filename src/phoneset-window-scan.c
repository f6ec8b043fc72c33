/* phoneset-window-scan.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PhonesetWindow: scanning the network for phones (the IEEE registry read
 * first, off the main loop), checking that the saved phones answer, and the
 * demo phones of `build-aux/dev run`.
 */

#define G_LOG_DOMAIN "phoneset-window"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-discovery.h"
#include "phoneset-fingerprint.h"
#include "phoneset-oui.h"
#include "phoneset-reachability.h"
#include "phoneset-window-private.h"
#include "phoneset-test-private.h"
#include "phoneset-test-hooks-private.h"

/* Whether each phone answers is checked when its workspace opens and after
 * every scan. PHONESET_REACHABILITY=off turns the check off: the UI tests
 * use documentation addresses (192.0.2.0/24) that must never be contacted. */
static gboolean
reachability_enabled (void)
{
  return !_phoneset_test_hook_equals (PHONESET_TEST_HOOK_REACHABILITY, "off");
}

static void
reachability_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The answer is kept on the phone; only an address that cannot be used
   * is worth a word in the log. */
  if (!phoneset_reachability_check_finish (PHONESET_PHONE (source), result, &error) &&
      error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Cannot check %s: %s", phoneset_phone_get_address (PHONESET_PHONE (source)),
             error->message);
}

void
_phoneset_window_check_reachable (PhonesetWindow *self,
                                  PhonesetPhone  *phone)
{
  if (reachability_enabled ())
    phoneset_reachability_check_async (phone, self->cancellable, reachability_done_cb, NULL);
}

static void
check_all_reachable (PhonesetWindow *self)
{
  GListModel *phones = phoneset_inventory_get_phones (self->inventory);

  for (guint i = 0; i < g_list_model_get_n_items (phones); i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (phones, i);

      _phoneset_window_check_reachable (self, phone);
    }
}

static void
update_scan_progress (PhonesetWindow *self)
{
  guint            probed, total, found;
  g_autofree char *text = NULL;

  if (self->discovery == NULL)
    return;
  probed = phoneset_discovery_get_hosts_probed (self->discovery);
  total = phoneset_discovery_get_hosts_total (self->discovery);
  found = g_list_model_get_n_items (phoneset_discovery_get_phones (self->discovery));
  if (total > 0)
    gtk_progress_bar_set_fraction (self->scan_progress, (double)probed / total);
  else
    gtk_progress_bar_pulse (self->scan_progress);
  text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Scanning: %u of %u addresses, %u phone found",
                                  "Scanning: %u of %u addresses, %u phones found", found),
                     probed, total, found);
  gtk_label_set_text (self->scan_label, text);
}

/* Phones appear in the sidebar as they are found; a phone already saved
 * is matched by its MAC address and updated. */
static void
discovered_cb (PhonesetWindow *self,
               guint           position,
               guint           removed,
               guint           added,
               GListModel     *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PhonesetPhone) phone = g_list_model_get_item (model, i);

      phoneset_inventory_add (self->inventory, phone);
    }
  update_scan_progress (self);
  if (added > 0)
    _phoneset_window_schedule_save (self);
}

static void
scan_finished (PhonesetWindow *self)
{
  gtk_revealer_set_reveal_child (self->scan_revealer, FALSE);
  gtk_button_set_icon_name (self->scan_button, "view-refresh-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scan_button), _("Scan the Network for Phones"));
  g_clear_object (&self->scan_cancellable);
  if (self->discovery != NULL)
    g_signal_handlers_disconnect_by_data (phoneset_discovery_get_phones (self->discovery), self);
  if (self->discovery != NULL)
    g_signal_handlers_disconnect_by_data (self->discovery, self);
  g_clear_object (&self->discovery);
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PhonesetWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint found;

  if (!phoneset_discovery_run_finish (PHONESET_DISCOVERY (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->discovery != NULL)
        adw_toast_overlay_add_toast (
          self->toast_overlay, adw_toast_new_format (_("The scan failed: %s"), error->message));
      scan_finished (self);
      return;
    }
  if (self->discovery == NULL)
    return;
  found = g_list_model_get_n_items (phoneset_discovery_get_phones (self->discovery));
  adw_toast_overlay_add_toast (
    self->toast_overlay,
    adw_toast_new_format (
      g_dngettext (GETTEXT_PACKAGE, "The scan found %u phone", "The scan found %u phones", found),
      found));
  if (phoneset_discovery_get_pnp_problem (self->discovery) != NULL)
    adw_toast_overlay_add_toast (
      self->toast_overlay, adw_toast_new (phoneset_discovery_get_pnp_problem (self->discovery)));
  scan_finished (self);
  _phoneset_window_save_now (self);
  check_all_reachable (self);
}

/* What a scan needs before it starts: the catalog's fingerprint rules, and
 * the IEEE registry, read in a worker thread (it alone is 5 MB): the window
 * stays responsive meanwhile. */
typedef struct
{
  PhonesetWindow           *self;
  PhonesetFingerprintRules *rules;
  PhonesetOuiRegistry      *oui;
  GStrv                     subnets;
  guint                     timeout_ms;
} ScanStart;

static void
scan_start_free (ScanStart *start)
{
  g_clear_object (&start->self);
  g_clear_object (&start->rules);
  g_clear_object (&start->oui);
  g_clear_pointer (&start->subnets, g_strfreev);
  g_free (start);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScanStart, scan_start_free)

/* A scan whose start failed with @error ends; a closed window has
 * cancelled and forgotten its scan, and shows nothing. */
static void
scan_start_failed (PhonesetWindow *self,
                   GError         *error)
{
  if (self->scan_cancellable == NULL)
    return;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new_format (_("Cannot scan: %s"), error->message));
  scan_finished (self);
}

static void
scan_run (ScanStart *start)
{
  PhonesetWindow *self = start->self;
  g_autoptr(GError) error = NULL;

  if (self->scan_cancellable == NULL ||
      g_cancellable_set_error_if_cancelled (self->scan_cancellable, &error))
    {
      if (error != NULL)
        scan_start_failed (self, error);
      return;
    }
  self->discovery = phoneset_discovery_new (start->rules);
  for (guint i = 0; start->subnets != NULL && start->subnets[i] != NULL; i++)
    if (!phoneset_discovery_add_subnet (self->discovery, start->subnets[i], &error))
      {
        g_clear_object (&self->discovery);
        scan_start_failed (self, error);
        return;
      }
  if (self->oui != NULL)
    phoneset_discovery_set_oui_registry (self->discovery, self->oui);
  phoneset_discovery_set_known_phones (self->discovery,
                                       phoneset_inventory_get_phones (self->inventory));
  phoneset_discovery_set_timeout (self->discovery, start->timeout_ms);

  g_signal_connect_object (phoneset_discovery_get_phones (self->discovery), "items-changed",
                           G_CALLBACK (discovered_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->discovery, "notify::hosts-probed",
                           G_CALLBACK (update_scan_progress), self, G_CONNECT_SWAPPED);
  phoneset_discovery_run_async (self->discovery, self->scan_cancellable, scan_done_cb,
                                g_object_ref (self));
}

static void
oui_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ScanStart) start = user_data;
  g_autoptr(GError) error = NULL;

  /* Without the registry, phones are still found by what they answer. */
  if (phoneset_oui_registry_load_file_finish (PHONESET_OUI_REGISTRY (source), result, &error) &&
      start->self->scan_cancellable != NULL)
    g_set_object (&start->self->oui, start->oui);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No IEEE registry for the scan: %s", error->message);
  scan_run (start);
}

static gboolean
scan_prepare_cb (gpointer user_data)
{
  g_autoptr(ScanStart) start = user_data;
  PhonesetWindow *self = start->self;

  /* The registry is read once and kept, as the catalog's profiles are. */
  if (self->oui == NULL)
    {
      PhonesetOuiRegistry *oui = phoneset_oui_registry_new ();

      start->oui = oui;
      phoneset_oui_registry_load_file_async (oui, NULL, self->scan_cancellable, oui_loaded_cb,
                                             g_steal_pointer (&start));
      return G_SOURCE_REMOVE;
    }
  scan_run (start);
  return G_SOURCE_REMOVE;
}

/**
 * phoneset_window_scan:
 * @self: a #PhonesetWindow
 * @subnets: (nullable): the subnets to sweep, %NULL for the local ones
 * @timeout_ms: how long to listen for phones that only announce themselves
 *
 * Starts a scan; phones appear in the sidebar as they are found. The
 * IEEE registry is read first, off the main loop; the phones are told
 * apart by the catalog's fingerprint rules.
 *
 * Returns: %TRUE if the scan started
 */
gboolean
phoneset_window_scan (PhonesetWindow    *self,
                      const char *const *subnets,
                      guint              timeout_ms)
{
  ScanStart *start;

  g_return_val_if_fail (PHONESET_IS_WINDOW (self), FALSE);

  if (self->scan_cancellable != NULL)
    return FALSE;

  start = g_new0 (ScanStart, 1);
  start->self = g_object_ref (self);
  start->rules = self->catalog != NULL
                   ? g_object_ref (phoneset_catalog_get_fingerprint_rules (self->catalog))
                   : phoneset_fingerprint_rules_new ();
  start->subnets = g_strdupv ((char **)subnets);
  start->timeout_ms = timeout_ms;

  self->scan_cancellable = g_cancellable_new ();
  gtk_button_set_icon_name (self->scan_button, "process-stop-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scan_button), _("Stop the Scan"));
  gtk_progress_bar_set_fraction (self->scan_progress, 0);
  gtk_label_set_text (self->scan_label, _("Scanning…"));
  gtk_revealer_set_reveal_child (self->scan_revealer, TRUE);
  g_idle_add (scan_prepare_cb, start);
  return TRUE;
}

/* PHONESET_SCAN_SUBNETS (comma-separated CIDRs) limits what the Scan
 * button sweeps: the UI tests scan only their own loopback phones. */
void
_phoneset_window_scan_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PhonesetWindow *self = PHONESET_WINDOW (widget);
  g_auto(GStrv) subnets = NULL;

  if (self->scan_cancellable != NULL)
    {
      g_cancellable_cancel (self->scan_cancellable);
      return;
    }
  if (_phoneset_test_hook (PHONESET_TEST_HOOK_SCAN_SUBNETS) != NULL)
    subnets = g_strsplit (_phoneset_test_hook (PHONESET_TEST_HOOK_SCAN_SUBNETS), ",", -1);
  phoneset_window_scan (self, (const char *const *)subnets,
                        g_settings_get_uint (self->settings, "scan-timeout"));
}

/* PHONESET_DEMO_PHONES, set by `build-aux/dev run` when it starts simulated
 * phones: "profile-id@address:port,…". They are listed like any phone, named
 * after their profile's vendor. */
void
_phoneset_window_add_demo_phones (PhonesetWindow *self)
{
  const char *demo = _phoneset_test_hook (PHONESET_TEST_HOOK_DEMO_PHONES);
  g_auto(GStrv) entries = NULL;

  if (demo == NULL || demo[0] == '\0')
    return;
  entries = g_strsplit (demo, ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i], "@", 2);

      if (parts[0] == NULL || parts[1] == NULL ||
          phoneset_inventory_find (self->inventory, NULL, parts[1]) != NULL)
        continue;
      for (guint p = 0; p < self->profiles->len; p++)
        {
          PhonesetProfile *profile = g_ptr_array_index (self->profiles, p);
          g_autoptr(PhonesetPhone) phone = NULL;
          g_autofree char *name = NULL;

          if (g_strcmp0 (phoneset_profile_get_id (profile), parts[0]) != 0)
            continue;
          phone = phoneset_phone_new (parts[1]);
          name = g_strdup_printf (_("Demo %s phone"), phoneset_profile_get_vendor (profile));
          phoneset_phone_set_name (phone, name);
          phoneset_phone_set_vendor (phone, phoneset_profile_get_vendor (profile));
          phoneset_phone_set_profile_id (phone, phoneset_profile_get_id (profile));
          phoneset_inventory_add (self->inventory, phone);
          break;
        }
    }
}
