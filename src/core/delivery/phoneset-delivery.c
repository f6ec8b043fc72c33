/* phoneset-delivery.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The delivery methods: the ways Phoneset makes a phone fetch the file it
 * serves. Each is a PhonesetDelivery in its own file; the list below is
 * the only place that names them all, in the order the push dialog offers
 * them (and chooses the first that works on the phone).
 */

#define G_LOG_DOMAIN "phoneset-delivery"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-delivery-private.h"
#include "phoneset-error.h"

/* One line per method: X (name) stands for _phoneset_delivery_NAME, which
 * phoneset-delivery-NAME.c defines. */
#define PHONESET_DELIVERIES(X)                                                                     \
  X (autop)                                                                                        \
  X (check_sync)                                                                                   \
  X (pnp)                                                                                          \
  X (rest)

#define DECLARE_DELIVERY(name) extern const PhonesetDelivery _phoneset_delivery_##name;
PHONESET_DELIVERIES (DECLARE_DELIVERY)

#define LIST_DELIVERY(name) &_phoneset_delivery_##name,
static const PhonesetDelivery *const deliveries[] = { PHONESET_DELIVERIES (LIST_DELIVERY) NULL };

/**
 * phoneset_delivery_get_all:
 *
 * Returns: (transfer none) (array zero-terminated=1): every delivery
 *   method, in the order they are offered
 */
const PhonesetDelivery *const *
phoneset_delivery_get_all (void)
{
  return deliveries;
}

/**
 * phoneset_delivery_get_default:
 *
 * Returns: (transfer none): the method a push uses unless told otherwise
 *   (the first)
 */
const PhonesetDelivery *
phoneset_delivery_get_default (void)
{
  return deliveries[0];
}

/**
 * phoneset_delivery_find:
 * @id: (nullable): a method's id, as `--via` takes it
 *
 * Returns: (transfer none) (nullable): the method, or %NULL if there is
 *   none of that name
 */
const PhonesetDelivery *
phoneset_delivery_find (const char *id)
{
  for (guint i = 0; id != NULL && deliveries[i] != NULL; i++)
    if (g_str_equal (deliveries[i]->id, id))
      return deliveries[i];
  return NULL;
}

/**
 * phoneset_delivery_get_id:
 *
 * Returns: the method's name in `--via`, in results and in widget names
 */
const char *
phoneset_delivery_get_id (const PhonesetDelivery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * phoneset_delivery_get_title:
 *
 * Returns: the method's name for the user (translated)
 */
const char *
phoneset_delivery_get_title (const PhonesetDelivery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _(self->title);
}

/**
 * phoneset_delivery_get_accessible_label:
 *
 * Returns: what a screen reader says for choosing the method (translated)
 */
const char *
phoneset_delivery_get_accessible_label (const PhonesetDelivery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _(self->accessible_label);
}

/**
 * phoneset_delivery_get_description:
 *
 * Returns: what the method does to the phone (translated)
 */
const char *
phoneset_delivery_get_description (const PhonesetDelivery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _(self->description);
}

/**
 * phoneset_delivery_get_progress:
 *
 * Returns: what a push this way does while it tells the phone (translated)
 */
const char *
phoneset_delivery_get_progress (const PhonesetDelivery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _(self->progress);
}

/**
 * phoneset_delivery_is_direct:
 *
 * Returns: whether the method gives the phone the file's settings itself
 *   (and reads them back) instead of making it fetch the file
 */
gboolean
phoneset_delivery_is_direct (const PhonesetDelivery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->direct;
}

/**
 * phoneset_delivery_get_unconfirmed:
 *
 * Returns: (nullable): why the method is unconfirmed (translated), or
 *   %NULL when what it does is documented
 */
const char *
phoneset_delivery_get_unconfirmed (const PhonesetDelivery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->unconfirmed ? _(self->unconfirmed) : NULL;
}

/**
 * phoneset_delivery_get_cancelled:
 *
 * Returns: what a push this way leaves on the phone when it is cancelled
 *   (translated)
 */
const char *
phoneset_delivery_get_cancelled (const PhonesetDelivery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _(self->cancelled);
}

/**
 * phoneset_delivery_check:
 * @active_uri: the phone's Active URI description
 * @error: where to say why the method cannot work
 *
 * Whether the method can work on phones of @active_uri at all, before
 * anything is sent. None can where the profile says why in
 * `no_config_push`.
 *
 * Returns: %TRUE if it can be tried
 */
gboolean
phoneset_delivery_check (const PhonesetDelivery  *self,
                         PhonesetActiveUri       *active_uri,
                         GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (active_uri), FALSE);

  /* The profile's own words on why no method can push a file to it. */
  if (!self->direct && phoneset_active_uri_get_no_config_push (active_uri) != NULL)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
                   _("Phoneset cannot push a configuration to these phones: %s"),
                      phoneset_active_uri_get_no_config_push (active_uri));
      return FALSE;
    }
  return self->check == NULL || self->check (active_uri, error);
}

/**
 * phoneset_delivery_get_url_setting:
 * @active_uri: the phone's Active URI description
 *
 * Returns: (nullable): the setting a push this way changes on the phone
 *   to point it at the file, or %NULL if it changes none
 */
const char *
phoneset_delivery_get_url_setting (const PhonesetDelivery *self,
                                   PhonesetActiveUri      *active_uri)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (active_uri), NULL);

  return self->url_setting ? self->url_setting (active_uri) : NULL;
}

/* For PhonesetPush ------------------------------------------------------- */

/* The note a result of a push this way carries (translated). */
const char *
_phoneset_delivery_get_note (const PhonesetDelivery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->note ? _(self->note) : NULL;
}

gboolean
_phoneset_delivery_prepare (const PhonesetDelivery  *self,
                            PhonesetDeliveryJob     *job,
                            GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (job != NULL, FALSE);

  return self->prepare == NULL || self->prepare (job, error);
}

void
_phoneset_delivery_tell_async (const PhonesetDelivery *self,
                               PhonesetDeliveryJob    *job,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (job != NULL);

  self->tell_async (job, cancellable, callback, user_data);
}

gboolean
_phoneset_delivery_tell_finish (const PhonesetDelivery  *self,
                                PhonesetDeliveryJob     *job,
                                GAsyncResult            *result,
                                GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->tell_finish (job, result, error);
}

/* Setting the provisioning URL over HTTP --------------------------------- */

/* Whether the phone's provisioning URL can be set over HTTP. */
gboolean
_phoneset_delivery_check_url_settable (PhonesetActiveUri  *active_uri,
                                       GError            **error)
{
  if (phoneset_active_uri_get_set_query (active_uri) != NULL &&
      phoneset_active_uri_get_provisioning_url_setting (active_uri) != NULL)
    return TRUE;
  g_set_error (
    error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
    _("This vendor's phones have no documented way to set their provisioning URL over HTTP, so "
                 "Phoneset cannot make them fetch a file by AutoP or check-sync: push by PnP on reboot (the "
                 "phone restarts), or put the file on the phone's own provisioning server (“phoneset serve”)."));
  return FALSE;
}

const char *
_phoneset_delivery_url_setting (PhonesetActiveUri *active_uri)
{
  return phoneset_active_uri_get_provisioning_url_setting (active_uri);
}

/* The request that sets the phone's provisioning URL to @url: the
 * profile's set query (third-party usage [U]) with its URL setting. */
char *
_phoneset_delivery_build_set_url_path (PhonesetActiveUri *active_uri,
                                       const char        *url)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (PHONESET_IS_ACTIVE_URI (active_uri), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  if (phoneset_active_uri_get_set_query (active_uri) == NULL ||
      phoneset_active_uri_get_provisioning_url_setting (active_uri) == NULL)
    return NULL;
  escaped = g_uri_escape_string (url, NULL, FALSE);
  return g_strdup_printf ("%s?%s&%s=%s", phoneset_active_uri_get_path (active_uri),
                          phoneset_active_uri_get_set_query (active_uri),
                          phoneset_active_uri_get_provisioning_url_setting (active_uri), escaped);
}

static void
set_url_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body =
               phoneset_remote_request_finish (PHONESET_REMOTE (source), result, &error);

  if (body == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

/* Points the phone at @job's URL. */
void
_phoneset_delivery_set_url_async (PhonesetDeliveryJob *job,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *path =
    _phoneset_delivery_build_set_url_path (phoneset_remote_get_active_uri (job->remote), job->url);

  g_task_set_source_tag (task, _phoneset_delivery_set_url_async);
  g_assert (path != NULL); /* the method's check saw to it */
  phoneset_remote_request_async (job->remote, path, cancellable, set_url_cb,
                                 g_steal_pointer (&task));
}

gboolean
_phoneset_delivery_set_url_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
