/* phoneset-delivery-rest.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rest: give the phone the file's settings through its REST API (its
 * profile's active_uri.rest_api), at most max_params a request, then read
 * them all back: the push is verified when the phone holds every value
 * sent. Nothing is served and nothing fetched.
 */

#define G_LOG_DOMAIN "phoneset-delivery"

#include "config.h"

#include <glib/gi18n.h>

#include "phoneset-cfg.h"
#include "phoneset-delivery-private.h"
#include "phoneset-error.h"
#include "phoneset-rest-api.h"

static gboolean
rest_check (PhonesetActiveUri  *active_uri,
            GError            **error)
{
  if (phoneset_active_uri_get_rest_api (active_uri) != NULL)
    return TRUE;
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_UNSUPPORTED,
               _("These phones have no REST API for their settings that Phoneset knows of."));
  return FALSE;
}

typedef struct
{
  GPtrArray *names;
  GPtrArray *values;
  GPtrArray *shown; /* the values as a result shows them: passwords masked */
} Sent;

static void
sent_free (Sent *s)
{
  g_ptr_array_unref (s->names);
  g_ptr_array_unref (s->values);
  g_ptr_array_unref (s->shown);
  g_free (s);
}

/* The file's settings, in file order; a setting written twice counts
 * once, with its last value, as the phone would read it. */
static Sent *
read_file (GBytes  *file,
           GError **error)
{
  g_autoptr(PhonesetCfgDocument) document = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  PhonesetCfgFormat format;
  gsize             len = 0;
  const char       *data = g_bytes_get_data (file, &len);
  Sent             *s;

  if (data == NULL || !phoneset_cfg_detect_format (data, len, &format))
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("The file is not a configuration file Phoneset can read."));
      return NULL;
    }
  document = phoneset_cfg_document_parse (format, data, len, error);
  if (document == NULL)
    return NULL;
  s = g_new0 (Sent, 1);
  s->names = g_ptr_array_new_with_free_func (g_free);
  s->values = g_ptr_array_new_with_free_func (g_free);
  s->shown = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < phoneset_cfg_document_get_n_entries (document); i++)
    {
      const PhonesetCfgEntry *entry = phoneset_cfg_document_get_entry (document, i);
      gpointer                at;

      if (entry->key == NULL || entry->value == NULL)
        continue;
      if (g_hash_table_lookup_extended (seen, entry->key, NULL, &at))
        {
          guint k = GPOINTER_TO_UINT (at);

          g_free (s->values->pdata[k]);
          s->values->pdata[k] = g_strdup (entry->value);
          g_free (s->shown->pdata[k]);
          s->shown->pdata[k] = phoneset_cfg_entry_dup_masked (entry);
          continue;
        }
      g_ptr_array_add (s->names, g_strdup (entry->key));
      g_ptr_array_add (s->values, g_strdup (entry->value));
      g_ptr_array_add (s->shown, phoneset_cfg_entry_dup_masked (entry));
      g_hash_table_insert (seen, s->names->pdata[s->names->len - 1],
                           GUINT_TO_POINTER (s->names->len - 1));
    }
  if (s->names->len == 0)
    {
      sent_free (s);
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("The file holds no settings to give the phone."));
      return NULL;
    }
  return s;
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PhonesetDeliveryJob *job = g_object_get_data (G_OBJECT (task), "phoneset-job");
  Sent                *s = g_task_get_task_data (task);
  GError              *error = NULL;
  g_autoptr(GHashTable) held =
               phoneset_rest_api_apply_finish (PHONESET_REST_API (source), result, &error);
  g_autoptr(GHashTable) status = NULL;
  g_autoptr(GString) differ = NULL;

  if (held == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  differ = g_string_new (NULL);
  for (guint i = 0; i < s->names->len; i++)
    {
      const char *name = s->names->pdata[i];
      const char *value = g_hash_table_lookup (held, name);
      gboolean    secret = g_strcmp0 (s->shown->pdata[i], s->values->pdata[i]) != 0;

      /* What the phone holds, as the result shows it: a password stays
       * masked. */
      if (value != NULL)
        g_hash_table_insert (status, g_strdup (name),
                             g_strdup (secret ? s->shown->pdata[i] : value));
      if (g_strcmp0 (value, s->values->pdata[i]) == 0)
        continue;
      if (differ->len > 0)
        g_string_append (differ, "; ");
      if (value == NULL)
        g_string_append_printf (differ, _("%s: not reported"), name);
      else if (secret)
        g_string_append_printf (differ, _("%s: another value than was sent"), name);
      else
        g_string_append_printf (differ, _("%s: sent “%s”, holds “%s”"), name,
                                           (const char *)s->values->pdata[i], value);
    }
  _phoneset_push_result_set_status (job->result, status);
  _phoneset_push_result_set_settings_applied (job->result, s->names->len);
  if (differ->len > 0)
    {
      g_task_return_new_error (task, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                               _("The phone took the settings but holds other values than were "
                                 "sent (a setting it ignores or changes): %s."),
                                  differ->str);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
rest_tell_async (PhonesetDeliveryJob *job,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PhonesetActiveUri *active_uri = phoneset_remote_get_active_uri (job->remote);
  PhonesetRestApi   *api = phoneset_active_uri_get_rest_api (active_uri);
  g_autoptr(PhonesetRemote) remote = NULL;
  GError *error = NULL;
  Sent   *s;

  g_task_set_source_tag (task, rest_tell_async);
  g_object_set_data (G_OBJECT (task), "phoneset-job", job);
  s = read_file (job->file, &error);
  if (s == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, s, (GDestroyNotify)sent_free);
  /* The REST API's own port and scheme, unless the phone was given as an
   * HTTPS address: then that port is the one (a phone behind a port
   * forward). */
  if (phoneset_remote_get_https (job->remote))
    remote =
      phoneset_remote_new_sibling (job->remote, phoneset_remote_get_port (job->remote), TRUE);
  else
    remote = phoneset_remote_new_sibling (job->remote, phoneset_rest_api_get_port (api),
                                          phoneset_rest_api_get_https (api));
  phoneset_remote_set_auth_schemes (remote, phoneset_rest_api_get_auth (api));
  phoneset_rest_api_apply_async (api, remote, s->names, s->values, cancellable, applied_cb,
                                 g_steal_pointer (&task));
}

static gboolean
rest_tell_finish (PhonesetDeliveryJob  *job,
                  GAsyncResult         *result,
                  GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

extern const PhonesetDelivery _phoneset_delivery_rest;

/* clang-format off */
const PhonesetDelivery _phoneset_delivery_rest = {
  .id               = "rest",
  .title            = N_("REST API"),
  .accessible_label = N_("Push by the phone's REST API"),
  .description      = N_("Gives the phone the file's settings through its REST API, then reads them back: "
                         "no file is fetched and nothing else on the phone changes."),
  .progress         = N_("Setting the values through the phone's REST API, then reading them back"),
  .note             = N_("The values were set through the phone's REST API, which keeps them as the web "
                         "page's own settings do: they stay over a restart and over the provisioning server's "
                         "files [U]."),
  .unconfirmed      = N_("The REST API's requests and answers come from public client code, not from the "
                         "vendor's reference pages [U]: Phoneset reads every value back."),
  .cancelled        = N_("Nothing more is sent. Values already sent stay set on the phone: push again, or "
                         "check them on its web page."),
  .direct           = TRUE,
  .check            = rest_check,
  .tell_async       = rest_tell_async,
  .tell_finish      = rest_tell_finish,
};
/* clang-format on */
