/* phoneset-secret-session.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program's secret store: the Secret Service (or any backend), with a
 * copy in memory of every password the backend did not take. Without a
 * keyring, or with a locked one, a typed password still works for push,
 * keypad and STUN until the program quits, the store says it was not
 * saved, and the window says why, once. The passwords not saved are
 * stored again when the Secret Service appears on the session bus, when
 * one of its collections changes (unlocked, created), after any call that
 * worked, or when the user asks.
 *
 * Every failure of the backend comes back to the caller as a
 * PHONESET_SECRET_ERROR whose message is plain words
 * (phoneset_secret_error_describe()); it is also kept as the "problem".
 */

#define G_LOG_DOMAIN "phoneset-secret-store"

#include "config.h"

#include <string.h>

#include "phoneset-secret-session.h"

#define SECRET_SERVICE_NAME "org.freedesktop.secrets"

typedef struct
{
  char    *host;
  char    *user;
  char    *password;
  guint    generation;
  gboolean refused; /* the keyring did not take it (not just in flight) */
} Pending;

struct _PhonesetSecretSession
{
  GObject              parent_instance;

  PhonesetSecretStore *backend;
  GHashTable          *unsaved; /* "host\nuser" → Pending */
  GError              *problem; /* the last failure, until a call works */
  GCancellable        *cancellable;
  GDBusConnection     *bus;
  guint                watch_id;
  guint                changed_id;
  guint                created_id;
  guint                generation;
  guint                n_unsaved; /* Pending refused, as last told */
  guint                retries_running;
  guint                saved_by_retry;
  gboolean             retry_again;
};

static void secret_store_iface_init (PhonesetSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PhonesetSecretSession,
                               phoneset_secret_session,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PHONESET_TYPE_SECRET_STORE,
                                                      secret_store_iface_init))

enum
{
  PROP_0,
  PROP_PROBLEM,
  PROP_N_UNSAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wipe (char *password)
{
  if (password != NULL)
    {
      memset (password, 0, strlen (password));
      g_free (password);
    }
}

static void
pending_free (Pending *pending)
{
  g_free (pending->host);
  g_free (pending->user);
  wipe (pending->password);
  g_free (pending);
}

static char *
make_key (const char *host,
          const char *user)
{
  return g_strconcat (host, "\n", user, NULL);
}

static void retry_all (PhonesetSecretSession *self);

/* Counts the passwords the keyring refused; tells when that changed. A
 * password only on its way to the keyring does not count: no mark flashes
 * while a working keyring takes it. */
static void
recount (PhonesetSecretSession *self)
{
  GHashTableIter iter;
  gpointer       value;
  guint          n = 0;

  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Pending *)value)->refused)
      n++;
  if (n == self->n_unsaved)
    return;
  self->n_unsaved = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNSAVED]);
}

/* The keyring refused the password of @key (generation @generation). */
static void
mark_refused (PhonesetSecretSession *self,
              const char            *key,
              guint                  generation)
{
  Pending *pending = g_hash_table_lookup (self->unsaved, key);

  if (pending != NULL && pending->generation == generation)
    pending->refused = TRUE;
  recount (self);
}

/* What the last call to the backend said: a failure is kept (and told
 * once per kind), a success clears it and stores what waits. */
static void
set_problem (PhonesetSecretSession *self,
             const GError          *error)
{
  if (error == NULL)
    {
      if (self->problem == NULL)
        return;
      g_clear_error (&self->problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
      if (g_hash_table_size (self->unsaved) > 0)
        retry_all (self);
      return;
    }
  if (self->problem != NULL && self->problem->code == error->code)
    return;
  g_clear_error (&self->problem);
  self->problem = g_error_copy (error);
  g_message ("Passwords are kept in memory only: %s", error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/* The backend's error for the caller: the same code, in plain words. */
static GError *
plain_error (const GError *error)
{
  if (error->domain == PHONESET_SECRET_ERROR)
    return g_error_new_literal (PHONESET_SECRET_ERROR, error->code,
                                phoneset_secret_error_describe (error));
  return g_error_new_literal (PHONESET_SECRET_ERROR, PHONESET_SECRET_ERROR_FAILED,
                              phoneset_secret_error_describe (error));
}

/* Returns the backend's failure on @task: a cancellation as it is, any
 * other error said on the session (the keyring bar shows it) and in plain
 * words. */
static void
return_backend_error (PhonesetSecretSession *self,
                      GTask                 *task,
                      const GError          *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (error));
      return;
    }
  set_problem (self, error);
  g_task_return_error (task, plain_error (error));
}

/* Keeps @password for the session until the backend has it. */
static Pending *
keep (PhonesetSecretSession *self,
      const char            *host,
      const char            *user,
      const char            *password)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->host = g_strdup (host);
  pending->user = g_strdup (user);
  pending->password = g_strdup (password);
  pending->generation = ++self->generation;
  /* While the keyring is known to refuse, it stays marked. */
  pending->refused = self->problem != NULL;
  g_hash_table_replace (self->unsaved, make_key (host, user), pending);
  recount (self);
  return pending;
}

/* The backend took generation @generation of the password of @key. */
static gboolean
forget_saved (PhonesetSecretSession *self,
              const char            *key,
              guint                  generation)
{
  Pending *pending = g_hash_table_lookup (self->unsaved, key);

  if (pending == NULL || pending->generation != generation)
    return FALSE;
  g_hash_table_remove (self->unsaved, key);
  recount (self);
  return TRUE;
}

/* Retries ------------------------------------------------------------------ */

typedef struct
{
  PhonesetSecretSession *self;
  char                  *key;
  guint                  generation;
} Retry;

static void
retry_done (PhonesetSecretSession *self)
{
  if (--self->retries_running > 0)
    return;
  if (self->saved_by_retry > 0)
    {
      guint saved = self->saved_by_retry;

      self->saved_by_retry = 0;
      g_signal_emit (self, signals[SAVED], 0, saved);
    }
  if (self->retry_again && self->problem == NULL)
    {
      self->retry_again = FALSE;
      retry_all (self);
    }
}

static void
retry_stored_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Retry *retry = user_data;
  g_autoptr(PhonesetSecretSession) self = retry->self;
  g_autoptr(GError) error = NULL;

  if (phoneset_secret_store_store_finish (PHONESET_SECRET_STORE (source), result, &error))
    {
      if (forget_saved (self, retry->key, retry->generation))
        self->saved_by_retry++;
      set_problem (self, NULL);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_problem (self, error);
      mark_refused (self, retry->key, retry->generation);
    }
  g_free (retry->key);
  g_free (retry);
  retry_done (self);
}

static void
retry_all (PhonesetSecretSession *self)
{
  GHashTableIter iter;
  gpointer       key, value;

  if (self->retries_running > 0)
    {
      self->retry_again = TRUE;
      return;
    }
  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Pending *pending = value;
      Retry   *retry = g_new0 (Retry, 1);

      retry->self = g_object_ref (self);
      retry->key = g_strdup (key);
      retry->generation = pending->generation;
      self->retries_running++;
      phoneset_secret_store_store_async (self->backend, pending->host, pending->user,
                                         pending->password, self->cancellable, retry_stored_cb,
                                         retry);
    }
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  PhonesetSecretSession *self = user_data;

  g_debug ("The Secret Service is on the bus (%s)", owner);
  if (g_hash_table_size (self->unsaved) > 0)
    retry_all (self);
}

static void
collection_signal_cb (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  PhonesetSecretSession *self = user_data;

  /* Unlocked, or created: worth another try. */
  if (g_hash_table_size (self->unsaved) > 0)
    retry_all (self);
}

static void
bus_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(PhonesetSecretSession) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);

  if (bus == NULL)
    {
      /* No session bus: the first call says so, in plain words. */
      g_debug ("No session bus: %s", error->message);
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (bus);
      return;
    }
  self->bus = bus;
  self->watch_id = g_bus_watch_name_on_connection (
    bus, SECRET_SERVICE_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE, name_appeared_cb, NULL, self, NULL);
  self->changed_id = g_dbus_connection_signal_subscribe (
    bus, NULL, "org.freedesktop.Secret.Service", "CollectionChanged", "/org/freedesktop/secrets",
    NULL, G_DBUS_SIGNAL_FLAGS_NONE, collection_signal_cb, self, NULL);
  self->created_id = g_dbus_connection_signal_subscribe (
    bus, NULL, "org.freedesktop.Secret.Service", "CollectionCreated", "/org/freedesktop/secrets",
    NULL, G_DBUS_SIGNAL_FLAGS_NONE, collection_signal_cb, self, NULL);
}

/* The interface ------------------------------------------------------------ */

typedef struct
{
  char *key;
  guint generation;
} StoreData;

static void
store_data_free (StoreData *data)
{
  g_free (data->key);
  g_free (data);
}

static void
backend_stored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PhonesetSecretSession *self = g_task_get_source_object (task);
  StoreData             *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (phoneset_secret_store_store_finish (PHONESET_SECRET_STORE (source), result, &error))
    {
      forget_saved (self, data->key, data->generation);
      set_problem (self, NULL);
      g_task_return_boolean (task, TRUE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      /* Refused before the task returns: its caller sees the count. */
      set_problem (self, error);
      mark_refused (self, data->key, data->generation);
      g_task_return_error (task, plain_error (error));
    }
}

static void
store_async (PhonesetSecretStore *store,
             const char          *host,
             const char          *user,
             const char          *password,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  PhonesetSecretSession *self = (PhonesetSecretSession *)store;
  GTask                 *task = g_task_new (self, cancellable, callback, user_data);
  StoreData             *data = g_new0 (StoreData, 1);
  Pending               *pending;

  g_task_set_source_tag (task, store_async);
  /* Kept first: a password typed is never lost while the program runs. */
  pending = keep (self, host, user, password);
  data->key = make_key (host, user);
  data->generation = pending->generation;
  g_task_set_task_data (task, data, (GDestroyNotify)store_data_free);
  /* The session's own cancellable: a page that goes away does not stop
   * its password from being saved. */
  phoneset_secret_store_store_async (self->backend, host, user, password, self->cancellable,
                                     backend_stored_cb, task);
}

static void
backend_lookup_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PhonesetSecretSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  char *password =
    phoneset_secret_store_lookup_finish (PHONESET_SECRET_STORE (source), result, &error);

  if (error == NULL)
    {
      set_problem (self, NULL);
      g_task_return_pointer (task, password, (GDestroyNotify)wipe);
    }
  else
    return_backend_error (self, task, error);
}

static void
lookup_async (PhonesetSecretStore *store,
              const char          *host,
              const char          *user,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  PhonesetSecretSession *self = (PhonesetSecretSession *)store;
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *key = make_key (host, user);
  Pending         *pending = g_hash_table_lookup (self->unsaved, key);

  g_task_set_source_tag (task, lookup_async);
  /* What was typed in this session is newer than anything saved. */
  if (pending != NULL)
    {
      g_task_return_pointer (task, g_strdup (pending->password), (GDestroyNotify)wipe);
      return;
    }
  phoneset_secret_store_lookup_async (self->backend, host, user, cancellable, backend_lookup_cb,
                                      g_steal_pointer (&task));
}

static gboolean
pending_of_host (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  return g_str_equal (((Pending *)value)->host, user_data);
}

/* Removes the session's copies of @host's passwords (all when @user is
 * NULL). */
static void
drop_unsaved (PhonesetSecretSession *self,
              const char            *host,
              const char            *user)
{
  guint removed;

  if (user != NULL)
    {
      g_autofree char *key = make_key (host, user);

      removed = g_hash_table_remove (self->unsaved, key) ? 1 : 0;
    }
  else
    removed = g_hash_table_foreach_remove (self->unsaved, pending_of_host, (gpointer)host);
  if (removed > 0)
    recount (self);
}

static void
backend_cleared_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PhonesetSecretSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (phoneset_secret_store_clear_finish (PHONESET_SECRET_STORE (source), result, &error))
    {
      set_problem (self, NULL);
      g_task_return_boolean (task, TRUE);
    }
  else
    return_backend_error (self, task, error);
}

static void
clear_async (PhonesetSecretStore *store,
             const char          *host,
             const char          *user,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  PhonesetSecretSession *self = (PhonesetSecretSession *)store;
  GTask                 *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, clear_async);
  drop_unsaved (self, host, user);
  phoneset_secret_store_clear_async (self->backend, host, user, self->cancellable,
                                     backend_cleared_cb, task);
}

static void
secret_store_iface_init (PhonesetSecretStoreInterface *iface)
{
  iface->lookup_async = lookup_async;
  iface->store_async = store_async;
  iface->clear_async = clear_async;
}

/* GObject ------------------------------------------------------------------ */

static void
phoneset_secret_session_dispose (GObject *object)
{
  PhonesetSecretSession *self = (PhonesetSecretSession *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->watch_id != 0)
    g_bus_unwatch_name (self->watch_id);
  self->watch_id = 0;
  if (self->bus != NULL)
    {
      g_dbus_connection_signal_unsubscribe (self->bus, self->changed_id);
      g_dbus_connection_signal_unsubscribe (self->bus, self->created_id);
    }
  g_clear_object (&self->bus);

  G_OBJECT_CLASS (phoneset_secret_session_parent_class)->dispose (object);
}

static void
phoneset_secret_session_finalize (GObject *object)
{
  PhonesetSecretSession *self = (PhonesetSecretSession *)object;

  g_clear_object (&self->backend);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->problem);
  g_hash_table_unref (self->unsaved);

  G_OBJECT_CLASS (phoneset_secret_session_parent_class)->finalize (object);
}

static void
phoneset_secret_session_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PhonesetSecretSession *self = PHONESET_SECRET_SESSION (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_string (value, phoneset_secret_session_get_problem (self));
      break;

    case PROP_N_UNSAVED:
      g_value_set_uint (value, phoneset_secret_session_get_n_unsaved (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
phoneset_secret_session_class_init (PhonesetSecretSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = phoneset_secret_session_dispose;
  object_class->finalize = phoneset_secret_session_finalize;
  object_class->get_property = phoneset_secret_session_get_property;

  /**
   * PhonesetSecretSession:problem:
   *
   * Why passwords cannot be saved now, in plain words; %NULL when the
   * last call to the keyring worked.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PhonesetSecretSession:n-unsaved:
   *
   * How many passwords are kept in memory only.
   */
  properties[PROP_N_UNSAVED] =
    g_param_spec_uint ("n-unsaved", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PhonesetSecretSession::saved:
   * @self: the session
   * @n: how many
   *
   * Passwords that were kept in memory only are now in the keyring.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
phoneset_secret_session_init (PhonesetSecretSession *self)
{
  self->unsaved =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)pending_free);
  self->cancellable = g_cancellable_new ();
}

/* Public API --------------------------------------------------------------- */

/**
 * phoneset_secret_session_new:
 * @backend: where passwords are saved (libsecret; memory in tests)
 * @watch_bus: whether to store again when the Secret Service appears on
 *   the session bus or one of its collections changes
 *
 * Returns: (transfer full): a session store over @backend
 */
PhonesetSecretSession *
phoneset_secret_session_new (PhonesetSecretStore *backend,
                             gboolean             watch_bus)
{
  PhonesetSecretSession *self;

  g_return_val_if_fail (PHONESET_IS_SECRET_STORE (backend), NULL);

  self = g_object_new (PHONESET_TYPE_SECRET_SESSION, NULL);
  self->backend = g_object_ref (backend);
  if (watch_bus)
    g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, bus_cb, g_object_ref (self));
  return self;
}

/**
 * phoneset_secret_session_get_backend:
 *
 * Returns: (transfer none): where passwords are saved
 */
PhonesetSecretStore *
phoneset_secret_session_get_backend (PhonesetSecretSession *self)
{
  g_return_val_if_fail (PHONESET_IS_SECRET_SESSION (self), NULL);

  return self->backend;
}

/**
 * phoneset_secret_session_get_problem:
 *
 * Returns: (nullable): why passwords cannot be saved, in plain words, or
 *   %NULL when the keyring answered the last call
 */
const char *
phoneset_secret_session_get_problem (PhonesetSecretSession *self)
{
  g_return_val_if_fail (PHONESET_IS_SECRET_SESSION (self), NULL);

  return self->problem ? phoneset_secret_error_describe (self->problem) : NULL;
}

guint
phoneset_secret_session_get_n_unsaved (PhonesetSecretSession *self)
{
  g_return_val_if_fail (PHONESET_IS_SECRET_SESSION (self), 0);

  return self->n_unsaved;
}

/**
 * phoneset_secret_session_is_saved:
 *
 * Returns: %FALSE if the password of @user on @host is kept in memory
 *   only (it was typed, and the keyring refused it)
 */
gboolean
phoneset_secret_session_is_saved (PhonesetSecretSession *self,
                                  const char            *host,
                                  const char            *user)
{
  g_autofree char *key = NULL;
  Pending         *pending;

  g_return_val_if_fail (PHONESET_IS_SECRET_SESSION (self), FALSE);
  g_return_val_if_fail (host != NULL && user != NULL, FALSE);

  key = make_key (host, user);
  pending = g_hash_table_lookup (self->unsaved, key);
  return pending == NULL || !pending->refused;
}

/**
 * phoneset_secret_session_retry:
 *
 * Stores every password kept in memory again (the user unlocked the
 * keyring, or started one). ::saved tells what worked; the problem, what
 * did not.
 */
void
phoneset_secret_session_retry (PhonesetSecretSession *self)
{
  g_return_if_fail (PHONESET_IS_SECRET_SESSION (self));

  retry_all (self);
}

typedef struct
{
  guint   running;
  GError *error;
} Forget;

static void
forget_free (Forget *forget)
{
  g_clear_error (&forget->error);
  g_free (forget);
}

static void
forget_cleared_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Forget *forget = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!phoneset_secret_store_clear_finish (PHONESET_SECRET_STORE (source), result, &error) &&
      forget->error == NULL)
    forget->error = g_steal_pointer (&error);
  if (--forget->running > 0)
    return;
  if (forget->error != NULL)
    g_task_return_error (task, g_steal_pointer (&forget->error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * phoneset_secret_session_forget_async:
 * @hosts: the phone's id and address: every password saved under them goes
 *
 * A phone forgotten: its passwords go from the keyring and from memory.
 */
void
phoneset_secret_session_forget_async (PhonesetSecretSession *self,
                                      const char *const     *hosts,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Forget *forget = g_new0 (Forget, 1);

  g_return_if_fail (PHONESET_IS_SECRET_SESSION (self));
  g_return_if_fail (hosts != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_secret_session_forget_async);
  g_task_set_task_data (task, forget, (GDestroyNotify)forget_free);
  forget->running = 1; /* until every call is made */
  for (guint i = 0; hosts[i] != NULL; i++)
    {
      forget->running++;
      phoneset_secret_store_clear_async (PHONESET_SECRET_STORE (self), hosts[i], NULL, cancellable,
                                         forget_cleared_cb, g_object_ref (task));
    }
  if (--forget->running == 0)
    {
      if (forget->error != NULL)
        g_task_return_error (task, g_steal_pointer (&forget->error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

gboolean
phoneset_secret_session_forget_finish (PhonesetSecretSession  *self,
                                       GAsyncResult           *result,
                                       GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
