/* phoneset-push.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pushes a configuration file to one phone: serve it from the built-in
 * provisioning server (bound to the address that reaches the phone, a
 * random port, an unguessable path), make the phone fetch it, and verify.
 *
 *   autop       point the phone's provisioning URL at the file (Yealink
 *               phonecfg=set [U], third-party usage), then key=AutoP [V-OEM]
 *   check-sync  the same first step, then SIP NOTIFY check-sync [V]
 *   pnp         reboot the phone (Active URI Reboot, else NOTIFY
 *               check-sync;reboot=true) and answer its PnP SUBSCRIBE with
 *               the URL (seed 003 §2.2.1): a factory-new phone
 *
 * Verified: the file was fetched, by a User-Agent that names the phone's
 * MAC when it is known; where the vendor has a status read (Yealink
 * phonecfg=get) its answer is included. No vendor documents reading the
 * configuration values back over HTTP [U].
 */

#define G_LOG_DOMAIN "phoneset-push"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-config.h"
#include "phoneset-error.h"
#include "phoneset-mac.h"
#include "phoneset-pnp-responder.h"
#include "phoneset-provision-server.h"
#include "phoneset-push.h"
#include "phoneset-sip-notify.h"

struct _PhonesetPush
{
  GObject                  parent_instance;

  PhonesetRemote          *remote;
  GBytes                  *file;
  char                    *file_name;
  PhonesetPushVia          via;
  guint16                  sip_port;
  guint16                  pnp_port;
  char                    *mac;
  guint                    wait;
  gboolean                 reboot;
  char                    *local_address;

  /* While running. */
  PhonesetProvisionServer *server;
  PhonesetPnpResponder    *responder;
  char                    *path;
  char                    *url;
  GTask                   *task;
  guint                    deadline;
  gulong                   fetched_id;
  GSource                 *cancel_source;
  JsonObject              *result;
  JsonArray               *notes;
  gboolean                 fetched;
};

G_DEFINE_FINAL_TYPE (PhonesetPush, phoneset_push, G_TYPE_OBJECT)

enum
{
  STEP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stop (PhonesetPush *self)
{
  g_clear_handle_id (&self->deadline, g_source_remove);
  if (self->cancel_source != NULL)
    {
      g_source_destroy (self->cancel_source);
      g_clear_pointer (&self->cancel_source, g_source_unref);
    }
  g_clear_signal_handler (&self->fetched_id, self->server);
  g_clear_object (&self->responder);
}

static void
phoneset_push_dispose (GObject *object)
{
  PhonesetPush *self = (PhonesetPush *)object;

  stop (self);
  g_clear_object (&self->server);
  g_clear_object (&self->remote);

  G_OBJECT_CLASS (phoneset_push_parent_class)->dispose (object);
}

static void
phoneset_push_finalize (GObject *object)
{
  PhonesetPush *self = (PhonesetPush *)object;

  g_clear_pointer (&self->file, g_bytes_unref);
  g_free (self->file_name);
  g_free (self->mac);
  g_free (self->local_address);
  g_free (self->path);
  g_free (self->url);
  g_clear_pointer (&self->result, json_object_unref);
  g_clear_pointer (&self->notes, json_array_unref);

  G_OBJECT_CLASS (phoneset_push_parent_class)->finalize (object);
}

static void
phoneset_push_class_init (PhonesetPushClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_push_dispose;
  object_class->finalize = phoneset_push_finalize;

  /**
   * PhonesetPush::step:
   * @self: the push
   * @step: the #PhonesetPushStep now under way
   *
   * Emitted as the push moves on, for a progress display.
   */
  signals[STEP] = g_signal_new ("step", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
phoneset_push_init (PhonesetPush *self)
{
  self->via = PHONESET_PUSH_VIA_AUTOP;
  self->sip_port = 5060;
  self->pnp_port = 5060;
  self->wait = 60;
  self->reboot = TRUE;
}

/**
 * phoneset_push_new:
 * @remote: the phone
 * @file: the configuration file's bytes (a vendor CFG / XML file)
 * @file_name: the name it is served under
 *
 * Returns: (transfer full): a push, not started
 */
PhonesetPush *
phoneset_push_new (PhonesetRemote *remote,
                   GBytes         *file,
                   const char     *file_name)
{
  PhonesetPush *self;

  g_return_val_if_fail (PHONESET_IS_REMOTE (remote), NULL);
  g_return_val_if_fail (file != NULL && file_name != NULL, NULL);

  self = g_object_new (PHONESET_TYPE_PUSH, NULL);
  self->remote = g_object_ref (remote);
  self->file = g_bytes_ref (file);
  self->file_name = g_strdup (file_name);
  return self;
}

gboolean
phoneset_push_via_from_string (const char      *text,
                               PhonesetPushVia *via)
{
  if (g_strcmp0 (text, "autop") == 0)
    *via = PHONESET_PUSH_VIA_AUTOP;
  else if (g_strcmp0 (text, "check-sync") == 0)
    *via = PHONESET_PUSH_VIA_CHECK_SYNC;
  else if (g_strcmp0 (text, "pnp") == 0)
    *via = PHONESET_PUSH_VIA_PNP;
  else
    return FALSE;
  return TRUE;
}

const char *
phoneset_push_via_to_string (PhonesetPushVia via)
{
  switch (via)
    {
    case PHONESET_PUSH_VIA_AUTOP:
      return "autop";
    case PHONESET_PUSH_VIA_CHECK_SYNC:
      return "check-sync";
    case PHONESET_PUSH_VIA_PNP:
      return "pnp";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
phoneset_push_set_via (PhonesetPush   *self,
                       PhonesetPushVia via)
{
  g_return_if_fail (PHONESET_IS_PUSH (self));
  self->via = via;
}

void
phoneset_push_set_sip_port (PhonesetPush *self,
                            guint16       port)
{
  g_return_if_fail (PHONESET_IS_PUSH (self));
  self->sip_port = port ? port : 5060;
}

/**
 * phoneset_push_set_pnp_port:
 * @port: where the PnP responder listens (5060; 0 any free port)
 */
void
phoneset_push_set_pnp_port (PhonesetPush *self,
                            guint16       port)
{
  g_return_if_fail (PHONESET_IS_PUSH (self));
  self->pnp_port = port;
}

/**
 * phoneset_push_set_mac:
 * @mac: (nullable): the phone's MAC, if known (any spelling)
 */
void
phoneset_push_set_mac (PhonesetPush *self,
                       const char   *mac)
{
  g_return_if_fail (PHONESET_IS_PUSH (self));
  g_free (self->mac);
  self->mac = mac ? phoneset_mac_normalize (mac, PHONESET_MAC_STYLE_BARE_LOWER, NULL) : NULL;
}

/**
 * phoneset_push_set_wait:
 * @seconds: how long to wait for the phone to fetch the file (default 60)
 */
void
phoneset_push_set_wait (PhonesetPush *self,
                        guint         seconds)
{
  g_return_if_fail (PHONESET_IS_PUSH (self));
  self->wait = MAX (seconds, 1);
}

void
phoneset_push_set_reboot (PhonesetPush *self,
                          gboolean      reboot)
{
  g_return_if_fail (PHONESET_IS_PUSH (self));
  self->reboot = reboot;
}

void
phoneset_push_set_local_address (PhonesetPush *self,
                                 const char   *address)
{
  g_return_if_fail (PHONESET_IS_PUSH (self));
  g_free (self->local_address);
  self->local_address = g_strdup (address);
}

static void
step (PhonesetPush    *self,
      PhonesetPushStep value)
{
  g_signal_emit (self, signals[STEP], 0, (guint)value);
}

static void
note (PhonesetPush *self,
      const char   *text)
{
  json_array_add_string_element (self->notes, text);
}

static void
fail (PhonesetPush *self,
      GError       *error)
{
  GTask *task = g_steal_pointer (&self->task);

  stop (self);
  if (task == NULL)
    {
      g_error_free (error);
      return;
    }
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* A User-Agent names the phone when it holds its MAC in any spelling. */
static gboolean
user_agent_names (const char *user_agent,
                  const char *mac)
{
  g_autofree char *flat = NULL;
  GString         *s;

  if (user_agent == NULL || mac == NULL)
    return FALSE;
  s = g_string_new (NULL);
  for (const char *p = user_agent; *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (s, g_ascii_tolower (*p));
  flat = g_string_free (s, FALSE);
  return strstr (flat, mac) != NULL;
}

static void
complete (PhonesetPush *self,
          GHashTable   *status,
          GError       *error)
{
  GTask *task = g_steal_pointer (&self->task);

  if (task == NULL)
    return;
  if (status != NULL && self->mac == NULL && g_hash_table_lookup (status, "mac") != NULL)
    {
      JsonObject *fetch = json_object_get_object_member (self->result, "fetched");

      /* The MAC the phone reports names it in the fetch's User-Agent. */
      self->mac = phoneset_mac_normalize (g_hash_table_lookup (status, "mac"), PHONESET_MAC_STYLE_BARE_LOWER, NULL);
      json_object_set_boolean_member (self->result, "user_agent_names_phone",
                                      user_agent_names (json_object_get_string_member (fetch, "user_agent"), self->mac));
    }
  if (status != NULL)
    {
      JsonObject    *object = json_object_new ();
      GHashTableIter iter;
      gpointer       key, value;

      g_hash_table_iter_init (&iter, status);
      while (g_hash_table_iter_next (&iter, &key, &value))
        json_object_set_string_member (object, key, value);
      json_object_set_object_member (self->result, "status", object);
    }
  else if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Reading the phone's status back failed: %s"), error->message);

      note (self, text);
    }
  note (self, _("The configuration values cannot be read back over HTTP on this vendor's phones [U]: check them on "
                "the phone's web page."));
  json_object_set_array_member (self->result, "notes", json_array_ref (self->notes));
  g_task_return_pointer (task, json_object_ref (self->result), (GDestroyNotify)json_object_unref);
  g_object_unref (task);
}

static void
status_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PhonesetPush) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) status = phoneset_remote_read_status_finish (PHONESET_REMOTE (source), result, &error);

  complete (self, status, error);
}

/* The setting the push changed on the phone to point it at the file, if any. */
static const char *
set_key (PhonesetPush *self)
{
  if (self->via == PHONESET_PUSH_VIA_PNP)
    return NULL;
  return phoneset_active_uri_get_provisioning_url_setting (phoneset_remote_get_active_uri (self->remote));
}

static void
fetched_cb (PhonesetProvisionServer *server,
            const char              *path,
            const char              *peer,
            const char              *user_agent,
            guint                    status,
            guint64                  bytes,
            PhonesetPush            *self)
{
  JsonObject *fetch;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char   *when = NULL;
  PhonesetActiveUri *active_uri = phoneset_remote_get_active_uri (self->remote);

  if (self->task == NULL || self->fetched || !g_str_equal (path, self->path) || status != 200)
    return;
  self->fetched = TRUE;
  stop (self);

  now = g_date_time_new_now_utc ();
  when = g_date_time_format_iso8601 (now);
  fetch = json_object_new ();
  json_object_set_string_member (fetch, "time", when);
  json_object_set_string_member (fetch, "from", peer);
  json_object_set_string_member (fetch, "user_agent", user_agent);
  json_object_set_int_member (fetch, "bytes", bytes);
  json_object_set_object_member (self->result, "fetched", fetch);
  if (set_key (self) != NULL)
    {
      JsonObject *set = json_object_new ();

      /* The phone fetched from the URL the key points at: it took the key. */
      json_object_set_string_member (set, "key", set_key (self));
      json_object_set_boolean_member (set, "applied", TRUE);
      json_object_set_object_member (self->result, "set", set);
    }
  json_object_set_boolean_member (self->result, "user_agent_names_phone", user_agent_names (user_agent, self->mac));
  if (self->mac != NULL && !user_agent_names (user_agent, self->mac))
    note (self, _("The User-Agent of the fetch does not name the phone's MAC: check it was this phone."));
  if (g_strcmp0 (peer, phoneset_remote_get_host (self->remote)) != 0)
    {
      g_autofree char *text = g_strdup_printf (_("The file was fetched from %s, not from the phone's address."), peer);

      note (self, text);
    }

  step (self, PHONESET_PUSH_STEP_VERIFYING);
  if (phoneset_active_uri_get_status_query (active_uri) != NULL)
    phoneset_remote_read_status_async (self->remote, g_task_get_cancellable (self->task), status_cb,
                                       g_object_ref (self));
  else
    complete (self, NULL, NULL);
}

static gboolean
deadline_cb (gpointer user_data)
{
  PhonesetPush      *self = user_data;
  g_autofree char   *peer = phoneset_remote_dup_peer (self->remote);
  PhonesetActiveUri *active_uri = phoneset_remote_get_active_uri (self->remote);
  const char        *key = set_key (self);
  const char        *profile = phoneset_active_uri_get_profile_id (active_uri);

  self->deadline = 0;
  if (key != NULL)
    {
      /* The phone took the request that set the key and did not fetch: its
       * firmware most likely does not read that key (another generation's
       * name), as a real phone silently ignores keys it does not know. */
      fail (self, g_error_new (PHONESET_ERROR, PHONESET_ERROR_TIMEOUT,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "The phone at %s did not fetch its configuration within %u second (%s): "
                                            "the setting %s that points it at the file was not applied, so its "
                                            "firmware may not read that key. Check that the profile (%s) is the "
                                            "phone's firmware generation, or push by PnP on reboot.",
                                            "The phone at %s did not fetch its configuration within %u seconds (%s): "
                                            "the setting %s that points it at the file was not applied, so its "
                                            "firmware may not read that key. Check that the profile (%s) is the "
                                            "phone's firmware generation, or push by PnP on reboot.",
                                            self->wait),
                               peer, self->wait, phoneset_push_via_to_string (self->via), key,
                               profile ? profile : "?"));
      return G_SOURCE_REMOVE;
    }
  fail (self, g_error_new (PHONESET_ERROR, PHONESET_ERROR_TIMEOUT,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "The phone at %s did not fetch its configuration within %u second (%s): "
                                        "check its provisioning settings (for pnp: that PnP is on), or push by "
                                        "another method.",
                                        "The phone at %s did not fetch its configuration within %u seconds (%s): "
                                        "check its provisioning settings (for pnp: that PnP is on), or push by "
                                        "another method.",
                                        self->wait),
                           peer, self->wait, phoneset_push_via_to_string (self->via)));
  return G_SOURCE_REMOVE;
}

static void
triggered (PhonesetPush *self,
           GError       *error)
{
  if (self->task == NULL || self->fetched)
    {
      /* The phone fetched the file before it answered the trigger. */
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    {
      fail (self, error);
      return;
    }
  if (self->deadline == 0 && self->fetched_id != 0)
    {
      self->deadline = g_timeout_add_seconds (self->wait, deadline_cb, self);
      step (self, PHONESET_PUSH_STEP_WAITING);
    }
}

static void
keys_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PhonesetPush) self = user_data;
  GError *error = NULL;

  phoneset_remote_send_keys_finish (PHONESET_REMOTE (source), result, &error);
  triggered (self, error);
}

static void
check_sync_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PhonesetPush) self = user_data;
  GError *error = NULL;

  phoneset_sip_check_sync_finish (result, &error);
  triggered (self, error);
}

static gboolean
has_reboot (PhonesetPush *self)
{
  const char *const reboot[] = { "Reboot", NULL };
  g_autoptr(GPtrArray) requests =
               phoneset_active_uri_build_requests (phoneset_remote_get_active_uri (self->remote), reboot, NULL);

  return requests != NULL;
}

static void
trigger (PhonesetPush *self)
{
  const char *const autop[] = { "AutoP", NULL };
  const char *const reboot[] = { "Reboot", NULL };

  switch (self->via)
    {
    case PHONESET_PUSH_VIA_AUTOP:
      phoneset_remote_send_keys_async (self->remote, autop, g_task_get_cancellable (self->task), keys_cb,
                                       g_object_ref (self));
      break;
    case PHONESET_PUSH_VIA_CHECK_SYNC:
      phoneset_sip_check_sync_async (phoneset_remote_get_host (self->remote), self->sip_port, FALSE, 5,
                                     g_task_get_cancellable (self->task), check_sync_cb, g_object_ref (self));
      break;
    case PHONESET_PUSH_VIA_PNP:
      if (!self->reboot)
        triggered (self, NULL);
      else if (has_reboot (self))
        phoneset_remote_send_keys_async (self->remote, reboot, g_task_get_cancellable (self->task), keys_cb,
                                         g_object_ref (self));
      else
        phoneset_sip_check_sync_async (phoneset_remote_get_host (self->remote), self->sip_port, TRUE, 5,
                                       g_task_get_cancellable (self->task), check_sync_cb, g_object_ref (self));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_url_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PhonesetPush) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = phoneset_remote_request_finish (PHONESET_REMOTE (source), result, &error);

  if (self->task == NULL || self->fetched)
    return;
  if (body == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  trigger (self);
}

static char *
pnp_url_func (const char *mac,
              const char *address,
              const char *vendor,
              const char *model,
              gpointer    user_data)
{
  PhonesetPush *self = user_data;

  /* Answer only this phone: its MAC when known, else its address. */
  if (self->mac != NULL ? g_strcmp0 (mac, self->mac) != 0
                        : g_strcmp0 (address, phoneset_remote_get_host (self->remote)) != 0)
    return NULL;
  if (self->mac == NULL && mac != NULL)
    self->mac = g_strdup (mac);
  json_object_set_string_member (self->result, "pnp_subscribe_from", address);
  return g_strdup (self->url);
}

/**
 * phoneset_push_via_check:
 * @active_uri: the phone's Active URI description
 * @via: a way to make the phone fetch its file
 * @error: where to say why @via cannot work
 *
 * Whether @via can work on the vendor's phones at all, before anything is
 * sent: autop and check-sync need the provisioning URL settable over HTTP,
 * autop an AutoP key too.
 *
 * Returns: %TRUE if @via can be tried
 */
gboolean
phoneset_push_via_check (PhonesetActiveUri *active_uri,
                         PhonesetPushVia    via,
                         GError           **error)
{
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (active_uri), FALSE);

  if ((via == PHONESET_PUSH_VIA_AUTOP || via == PHONESET_PUSH_VIA_CHECK_SYNC) &&
      (phoneset_active_uri_get_set_query (active_uri) == NULL ||
       phoneset_active_uri_get_provisioning_url_setting (active_uri) == NULL))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("This vendor's phones have no documented way to set their provisioning URL over HTTP, so "
                     "Phoneset cannot make them fetch a file by AutoP or check-sync: push by PnP on reboot (the "
                     "phone restarts), or put the file on the phone's own provisioning server (“phoneset serve”)."));
      return FALSE;
    }
  if (via == PHONESET_PUSH_VIA_AUTOP && phoneset_active_uri_lookup (active_uri, "AutoP") == NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("This vendor's phones have no AutoP key: push by check-sync or by PnP on reboot."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  PhonesetPush *self = user_data;
  GError       *error = NULL;

  /* The wait for the fetch has no I/O of its own to cancel. */
  g_clear_pointer (&self->cancel_source, g_source_unref);
  g_cancellable_set_error_if_cancelled (cancellable, &error);
  fail (self, error);
  return G_SOURCE_REMOVE;
}

/**
 * phoneset_push_run_async:
 *
 * Serves the file and makes the phone fetch it. The result (see
 * phoneset_push_run_finish()) says what was fetched, by whom, and notes.
 */
void
phoneset_push_run_async (PhonesetPush       *self,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr(GError) error = NULL;
  PhonesetActiveUri *active_uri;
  g_autofree char   *peer = NULL;

  g_return_if_fail (PHONESET_IS_PUSH (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, phoneset_push_run_async);
  self->result = json_object_new ();
  self->notes = json_array_new ();
  active_uri = phoneset_remote_get_active_uri (self->remote);
  peer = phoneset_remote_dup_peer (self->remote);
  json_object_set_string_member (self->result, "phone", peer);
  json_object_set_string_member (self->result, "via", phoneset_push_via_to_string (self->via));
  if (phoneset_active_uri_get_profile_id (active_uri) != NULL)
    json_object_set_string_member (self->result, "profile", phoneset_active_uri_get_profile_id (active_uri));

  if (!phoneset_push_via_check (active_uri, self->via, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  if (self->local_address == NULL)
    {
      self->local_address = phoneset_local_address_for (phoneset_remote_get_host (self->remote), &error);
      if (self->local_address == NULL)
        {
          g_prefix_error (&error, _("Give the phone's IP address: "));
          fail (self, g_steal_pointer (&error));
          return;
        }
    }
  self->server = phoneset_provision_server_new ();
  if (!phoneset_provision_server_listen (self->server, self->local_address, 0, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  if (cancellable != NULL)
    {
      self->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (self->cancel_source, (GSourceFunc)(void (*) (void))cancelled_cb, self, NULL);
      g_source_attach (self->cancel_source, g_main_context_get_thread_default ());
    }
  step (self, PHONESET_PUSH_STEP_SERVING);
  self->path = phoneset_provision_server_add_file (self->server, self->file_name, self->file);
  self->url = g_strconcat (phoneset_provision_server_get_base_url (self->server), self->path, NULL);
  json_object_set_string_member (self->result, "url", self->url);
  self->fetched_id = g_signal_connect (self->server, "fetched", G_CALLBACK (fetched_cb), self);

  if (self->via == PHONESET_PUSH_VIA_PNP)
    {
      self->responder = phoneset_pnp_responder_new (self->local_address, self->pnp_port, pnp_url_func, self, NULL);
      if (!phoneset_pnp_responder_start (self->responder, &error))
        {
          fail (self, g_steal_pointer (&error));
          return;
        }
      note (self, _("The phone reboots and asks for its configuration by SIP PnP; a phone with PnP off never asks."));
      step (self, PHONESET_PUSH_STEP_TELLING);
      trigger (self);
      return;
    }

  /* Point the phone at the file: Yealink phonecfg=set is third-party usage [U]. */
  {
    g_autofree char *escaped = g_uri_escape_string (self->url, NULL, FALSE);
    g_autofree char *path = g_strdup_printf ("%s?%s&%s=%s", phoneset_active_uri_get_path (active_uri),
                                             phoneset_active_uri_get_set_query (active_uri),
                                             phoneset_active_uri_get_provisioning_url_setting (active_uri), escaped);

    note (self, _("The phone's provisioning URL now points at Phoneset's temporary server (set over HTTP with "
                  "phonecfg=set [U]): include the real provisioning URL in the pushed file."));
    step (self, PHONESET_PUSH_STEP_TELLING);
    phoneset_remote_request_async (self->remote, path, g_task_get_cancellable (self->task), set_url_cb,
                                   g_object_ref (self));
  }
}

/**
 * phoneset_push_run_finish:
 *
 * Returns: (transfer full): `{ "phone", "via", "url", "fetched": { "time",
 *   "from", "user_agent", "bytes" }, "user_agent_names_phone", "status",
 *   "notes": [] }`, or %NULL
 */
JsonObject *
phoneset_push_run_finish (PhonesetPush *self,
                          GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * phoneset_push_choose_profile:
 * @profiles: (element-type PhonesetProfile): the known profiles
 * @vendor: (nullable): the phone's vendor, if known
 * @model: (nullable): the phone's model, if known
 * @file: the vendor file to push
 * @file_name: its name
 *
 * The profile whose Active URI description (and the keys a push sets) a
 * push of @file uses when the phone's profile is not known: the profile of
 * @vendor that reads the file best (the firmware generation its keys are
 * of, as `phoneset import` chooses), else the vendor's for @model.
 *
 * Returns: (transfer none) (nullable): the profile
 */
PhonesetProfile *
phoneset_push_choose_profile (GPtrArray  *profiles,
                              const char *vendor,
                              const char *model,
                              GBytes     *file,
                              const char *file_name)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(PhonesetCfgDocument) document = NULL;
  PhonesetProfile  *profile = NULL;
  PhonesetCfgFormat format;
  gsize             len = 0;
  const char       *data;

  g_return_val_if_fail (profiles != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  data = g_bytes_get_data (file, &len);
  for (guint i = 0; i < profiles->len; i++)
    {
      PhonesetProfile *p = g_ptr_array_index (profiles, i);

      if (phoneset_profile_get_active_uri (p) != NULL &&
          (vendor == NULL || g_ascii_strcasecmp (phoneset_profile_get_vendor (p), vendor) == 0))
        g_ptr_array_add (candidates, p);
    }
  if (data != NULL && phoneset_cfg_detect_format (data, len, &format))
    document = phoneset_cfg_document_parse (format, data, len, NULL);
  if (document != NULL)
    profile = phoneset_profiles_choose_for_document (candidates, document, file_name, model, NULL, NULL);
  if (profile == NULL && vendor != NULL)
    profile = phoneset_profiles_find_for_vendor (profiles, vendor, model, NULL);
  return profile;
}
