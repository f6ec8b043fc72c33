/* phoneset-push.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pushes a configuration file to one phone: serve it from the built-in
 * provisioning server (bound to the address that reaches the phone, a
 * random port, an unguessable path), make the phone fetch it by one of the
 * delivery methods (PhonesetDelivery, phoneset-delivery-*.c), and verify.
 *
 * Verified: the file was fetched, by a User-Agent that names the phone's
 * MAC when it is known; where the profile has a status read (its Active
 * URI status query) its answer is included. No vendor documents reading
 * the configuration values back over HTTP [U].
 */

#define G_LOG_DOMAIN "phoneset-push"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-config.h"
#include "phoneset-delivery-private.h"
#include "phoneset-error.h"
#include "phoneset-mac.h"
#include "phoneset-provision-server.h"
#include "phoneset-push.h"

struct _PhonesetPush
{
  GObject                  parent_instance;

  PhonesetRemote          *remote;
  GBytes                  *file;
  char                    *file_name;
  const PhonesetDelivery  *delivery;
  guint16                  sip_port;
  guint16                  pnp_port;
  guint                    wait;
  gboolean                 reboot;
  char                    *local_address;

  /* The push as the delivery method sees it; its mac is the phone's. */
  PhonesetDeliveryJob      job;

  /* While running. */
  PhonesetProvisionServer *server;
  char                    *path;
  char                    *url;
  GTask                   *task;
  /* The method's requests; cancelled when the push stops. */
  GCancellable            *tell_cancellable;
  guint                    deadline;
  gulong                   fetched_id;
  GSource                 *cancel_source;
  PhonesetPushResult      *result;
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
  if (self->tell_cancellable != NULL)
    g_cancellable_cancel (self->tell_cancellable);
  g_clear_object (&self->job.held);
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
  g_free (self->job.mac);
  g_free (self->local_address);
  g_free (self->path);
  g_free (self->url);
  g_clear_object (&self->tell_cancellable);
  g_clear_object (&self->result);

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
  signals[STEP] = g_signal_new ("step", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
phoneset_push_init (PhonesetPush *self)
{
  self->delivery = phoneset_delivery_get_default ();
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

/**
 * phoneset_push_set_delivery:
 * @delivery: how the phone is made to fetch its file (default: the
 *   first of phoneset_delivery_get_all())
 */
void
phoneset_push_set_delivery (PhonesetPush           *self,
                            const PhonesetDelivery *delivery)
{
  g_return_if_fail (PHONESET_IS_PUSH (self));
  g_return_if_fail (delivery != NULL);
  self->delivery = delivery;
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
  g_free (self->job.mac);
  self->job.mac = mac ? phoneset_mac_normalize (mac, PHONESET_MAC_STYLE_BARE_LOWER, NULL) : NULL;
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
step (PhonesetPush     *self,
      PhonesetPushStep  value)
{
  g_signal_emit (self, signals[STEP], 0, (guint)value);
}

static void
note (PhonesetPush *self,
      const char   *text)
{
  _phoneset_push_result_add_note (self->result, text);
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
  if (status != NULL && self->job.mac == NULL && g_hash_table_lookup (status, "mac") != NULL)
    {
      /* The MAC the phone reports names it in the fetch's User-Agent. */
      self->job.mac = phoneset_mac_normalize (g_hash_table_lookup (status, "mac"),
                                              PHONESET_MAC_STYLE_BARE_LOWER, NULL);
      _phoneset_push_result_set_user_agent_names_phone (
        self->result,
        user_agent_names (phoneset_push_result_get_fetch_user_agent (self->result), self->job.mac));
    }
  if (status != NULL)
    _phoneset_push_result_set_status (self->result, status);
  else if (error != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("Reading the phone's status back failed: %s"), error->message);

      note (self, text);
    }
  note (self, _("The configuration values cannot be read back over HTTP on this vendor's phones [U]: check them on "
                "the phone's web page."));
  g_task_return_pointer (task, g_object_ref (self->result), g_object_unref);
  g_object_unref (task);
}

static void
status_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PhonesetPush) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) status =
               phoneset_remote_read_status_finish (PHONESET_REMOTE (source), result, &error);

  complete (self, status, error);
}

/* The setting the push changed on the phone to point it at the file, if any. */
static const char *
set_key (PhonesetPush *self)
{
  return phoneset_delivery_get_url_setting (self->delivery,
                                            phoneset_remote_get_active_uri (self->remote));
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
  g_autoptr(GDateTime) now = NULL;
  PhonesetActiveUri *active_uri = phoneset_remote_get_active_uri (self->remote);

  if (self->task == NULL || self->fetched || !g_str_equal (path, self->path) || status != 200)
    return;
  self->fetched = TRUE;
  stop (self);

  now = g_date_time_new_now_utc ();
  _phoneset_push_result_set_fetched (self->result, now, peer, user_agent, bytes);
  /* The phone fetched from the URL the key points at: it took the key. */
  _phoneset_push_result_set_applied_setting (self->result, set_key (self));
  _phoneset_push_result_set_user_agent_names_phone (self->result,
                                                    user_agent_names (user_agent, self->job.mac));
  if (self->job.mac != NULL && !user_agent_names (user_agent, self->job.mac))
    note (
      self,
      _("The User-Agent of the fetch does not name the phone's MAC: check it was this phone."));
  if (g_strcmp0 (peer, phoneset_remote_get_host (self->remote)) != 0)
    {
      g_autofree char *text =
        g_strdup_printf (_("The file was fetched from %s, not from the phone's address."), peer);

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
  const char        *via = phoneset_delivery_get_id (self->delivery);

  self->deadline = 0;
  if (key != NULL)
    {
      /* The phone took the request that set the key and did not fetch: its
       * firmware most likely does not read that key (another generation's
       * name), as a real phone silently ignores keys it does not know. */
      fail (self, g_error_new (
                    PHONESET_ERROR, PHONESET_ERROR_TIMEOUT,
                    g_dngettext (
                      GETTEXT_PACKAGE,
                      "The phone at %s did not fetch its configuration within %u second (%s): "
                      "the setting %s that points it at the file was not applied, so its "
                      "firmware may not read that key. Check that the profile (%s) is the "
                      "phone's firmware generation, or push by PnP on reboot.",
                      "The phone at %s did not fetch its configuration within %u seconds (%s): "
                      "the setting %s that points it at the file was not applied, so its "
                      "firmware may not read that key. Check that the profile (%s) is the "
                      "phone's firmware generation, or push by PnP on reboot.",
                      self->wait),
                    peer, self->wait, via, key, profile ? profile : "?"));
      return G_SOURCE_REMOVE;
    }
  fail (self,
        g_error_new (
          PHONESET_ERROR, PHONESET_ERROR_TIMEOUT,
          g_dngettext (GETTEXT_PACKAGE,
                       "The phone at %s did not fetch its configuration within %u second (%s): "
                       "check its provisioning settings (for pnp: that PnP is on), or push by "
                       "another method.",
                       "The phone at %s did not fetch its configuration within %u seconds (%s): "
                       "check its provisioning settings (for pnp: that PnP is on), or push by "
                       "another method.",
                       self->wait),
          peer, self->wait, via));
  return G_SOURCE_REMOVE;
}

/* The phone took the method's request (or refused it). */
static void
told_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PhonesetPush) self = user_data;
  GError *error = NULL;

  _phoneset_delivery_tell_finish (self->delivery, &self->job, result, &error);
  if (phoneset_delivery_is_direct (self->delivery) && self->task != NULL)
    {
      /* The method set the values and read them back: that is the push. */
      GTask *task = g_steal_pointer (&self->task);

      stop (self);
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, g_object_ref (self->result), g_object_unref);
      g_object_unref (task);
      return;
    }
  if (self->task == NULL || self->fetched)
    {
      /* The phone fetched the file before it answered the request. */
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

static void
watch_cancel (PhonesetPush *self,
              GCancellable *cancellable)
{
  if (cancellable == NULL)
    return;
  self->cancel_source = g_cancellable_source_new (cancellable);
  g_source_set_callback (self->cancel_source, (GSourceFunc)(void (*) (void))cancelled_cb, self,
                         NULL);
  g_source_attach (self->cancel_source, g_main_context_get_thread_default ());
}

/* The method's part: prepare, then tell the phone. */
static void
tell (PhonesetPush *self)
{
  g_autoptr(GError) error = NULL;

  self->job.remote = self->remote;
  self->job.url = self->url;
  self->job.local_address = self->local_address;
  self->job.sip_port = self->sip_port;
  self->job.pnp_port = self->pnp_port;
  self->job.reboot = self->reboot;
  self->job.result = self->result;
  self->job.file = self->file;
  self->job.file_name = self->file_name;
  if (!_phoneset_delivery_prepare (self->delivery, &self->job, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  if (_phoneset_delivery_get_note (self->delivery) != NULL)
    note (self, _phoneset_delivery_get_note (self->delivery));
  step (self, PHONESET_PUSH_STEP_TELLING);
  g_clear_object (&self->tell_cancellable);
  self->tell_cancellable = g_cancellable_new ();
  _phoneset_delivery_tell_async (self->delivery, &self->job, self->tell_cancellable, told_cb,
                                 g_object_ref (self));
}

/**
 * phoneset_push_run_async:
 *
 * Serves the file and makes the phone fetch it. The result (see
 * phoneset_push_run_finish()) says what was fetched, by whom, and notes.
 */
void
phoneset_push_run_async (PhonesetPush        *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  PhonesetActiveUri *active_uri;
  g_autofree char   *peer = NULL;

  g_return_if_fail (PHONESET_IS_PUSH (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, phoneset_push_run_async);
  active_uri = phoneset_remote_get_active_uri (self->remote);
  peer = phoneset_remote_dup_peer (self->remote);
  g_clear_object (&self->result);
  self->result = _phoneset_push_result_new (peer, phoneset_delivery_get_id (self->delivery),
                                            phoneset_active_uri_get_profile_id (active_uri));

  if (!phoneset_delivery_check (self->delivery, active_uri, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  if (phoneset_delivery_is_direct (self->delivery))
    {
      /* Nothing to serve: the method gives the phone the settings. */
      watch_cancel (self, cancellable);
      tell (self);
      return;
    }
  if (self->local_address == NULL)
    {
      self->local_address =
        phoneset_local_address_for (phoneset_remote_get_host (self->remote), &error);
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
  watch_cancel (self, cancellable);
  step (self, PHONESET_PUSH_STEP_SERVING);
  self->path = phoneset_provision_server_add_file (self->server, self->file_name, self->file);
  self->url = g_strconcat (phoneset_provision_server_get_base_url (self->server), self->path, NULL);
  _phoneset_push_result_set_url (self->result, self->url);
  self->fetched_id = g_signal_connect (self->server, "fetched", G_CALLBACK (fetched_cb), self);
  tell (self);
}

/**
 * phoneset_push_run_finish:
 *
 * Returns: (transfer full): what the push did, or %NULL
 */
PhonesetPushResult *
phoneset_push_run_finish (PhonesetPush  *self,
                          GAsyncResult  *result,
                          GError       **error)
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
    profile =
      phoneset_profiles_choose_for_document (candidates, document, file_name, model, NULL, NULL);
  if (profile == NULL && vendor != NULL)
    profile = phoneset_profiles_find_for_vendor (profiles, vendor, model, NULL);
  return profile;
}
