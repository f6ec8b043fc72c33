/* phoneset-oui.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phoneset-oui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-oui.h"
#include "phoneset-core-test-private.h"

/**
 * PhonesetOuiRegistry:
 *
 * The IEEE MA-L registry: which organisation a MAC's first three bytes
 * belong to. It is read at run time from Debian's `ieee-data` package, so an
 * update of that package brings new blocks without a new Phoneset.
 */
struct _PhonesetOuiRegistry
{
  GObject     parent_instance;

  GHashTable *organizations; /* guint32 → char * */
};

G_DEFINE_FINAL_TYPE (PhonesetOuiRegistry, phoneset_oui_registry, G_TYPE_OBJECT)

static void
phoneset_oui_registry_finalize (GObject *object)
{
  PhonesetOuiRegistry *self = (PhonesetOuiRegistry *)object;

  g_clear_pointer (&self->organizations, g_hash_table_unref);

  G_OBJECT_CLASS (phoneset_oui_registry_parent_class)->finalize (object);
}

static void
phoneset_oui_registry_class_init (PhonesetOuiRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = phoneset_oui_registry_finalize;
}

static void
phoneset_oui_registry_init (PhonesetOuiRegistry *self)
{
  self->organizations = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

PhonesetOuiRegistry *
phoneset_oui_registry_new (void)
{
  return g_object_new (PHONESET_TYPE_OUI_REGISTRY, NULL);
}

/**
 * phoneset_oui_parse_line:
 * @line: one record line of oui.txt, `00-15-65   (hex)\t\tXiamen Yealink …`
 * @oui: (out): the three bytes as a number (0x001565)
 * @organization: (out) (transfer full): the organisation's name
 * @error: a location for a #GError
 *
 * Returns: %TRUE if @line is a `(hex)` record
 */
gboolean
phoneset_oui_parse_line (const char  *line,
                         guint32     *oui,
                         char       **organization,
                         GError     **error)
{
  guint32          value = 0;
  const char      *p = line;
  g_autofree char *name = NULL;

  g_return_val_if_fail (line != NULL, FALSE);

  for (guint i = 0; i < 3; i++)
    {
      if (!g_ascii_isxdigit (p[0]) || !g_ascii_isxdigit (p[1]) || (i < 2 && p[2] != '-'))
        goto bad;
      value = (value << 8) | (guint32)(g_ascii_xdigit_value (p[0]) << 4) |
              (guint32)g_ascii_xdigit_value (p[1]);
      p += i < 2 ? 3 : 2;
    }
  if (*p != ' ' && *p != '\t')
    goto bad;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!g_str_has_prefix (p, "(hex)"))
    goto bad;
  p += strlen ("(hex)");
  name = g_strstrip (g_strdup (p));
  if (name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    goto bad;
  for (const char *c = name; *c; c++)
    if ((guchar)*c < 0x20 && *c != '\t')
      goto bad;

  *oui = value;
  *organization = g_steal_pointer (&name);
  return TRUE;

bad:
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
               _("This is not an IEEE OUI record (“00-15-65 (hex) Organisation”)."));
  return FALSE;
}

/**
 * phoneset_oui_registry_load_data:
 * @self: the registry
 * @data: the contents of oui.txt
 * @length: its length
 * @error: a location for a #GError
 *
 * Adds every `(hex)` record of @data. Lines of other kinds (the `(base 16)`
 * lines, addresses, the header) are skipped; a `(hex)` line that is not a
 * valid record is an error naming its line.
 *
 * Returns: %TRUE if every record is valid
 */
gboolean
phoneset_oui_registry_load_data (PhonesetOuiRegistry  *self,
                                 const char           *data,
                                 gsize                 length,
                                 GError              **error)
{
  const char *p = data;
  const char *end = data + length;
  guint       line_number = 0;

  g_return_val_if_fail (PHONESET_IS_OUI_REGISTRY (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize)(end - p));
      const char *line_end = eol != NULL ? eol : end;
      gsize       len = (gsize)(line_end - p);

      line_number++;
      /* Quick test before the full parse: records have "(hex)" after the
       * eight-character prefix. */
      if (len > 12 && p[2] == '-' && memchr (p, '(', len) != NULL &&
          g_strstr_len (p, (gssize)len, "(hex)") != NULL)
        {
          g_autofree char *line = g_strndup (p, len);
          g_autoptr(GError) local_error = NULL;
          char   *organization = NULL;
          guint32 oui;

          if (memchr (p, '\0', len) != NULL ||
              !phoneset_oui_parse_line (line, &oui, &organization, &local_error))
            {
              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("Line %u of the OUI registry is not a valid record: reinstall the ieee-data package."),
                              line_number);
              return FALSE;
            }
          g_hash_table_replace (self->organizations, GUINT_TO_POINTER (oui), organization);
        }
      p = line_end + 1;
    }
  return TRUE;
}

/**
 * phoneset_oui_registry_load_file:
 * @self: the registry
 * @path: (nullable): the registry file, %NULL for Debian's
 * @error: a location for a #GError
 *
 * Returns: %TRUE if the file was read
 */
gboolean
phoneset_oui_registry_load_file (PhonesetOuiRegistry  *self,
                                 const char           *path,
                                 GError              **error)
{
  g_autofree char *contents = NULL;
  gsize            length = 0;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PHONESET_IS_OUI_REGISTRY (self), FALSE);

  if (path == NULL)
    path = PHONESET_OUI_DEFAULT_PATH;
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (
          error, PHONESET_ERROR, PHONESET_ERROR_NOT_FOUND,
          _("The IEEE OUI registry %s is missing: install the Debian package ieee-data."), path);
      else
        g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_FAILED,
                     _("The IEEE OUI registry could not be read: %s"), local_error->message);
      return FALSE;
    }
  return phoneset_oui_registry_load_data (self, contents, length, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (phoneset_oui_registry_load_file (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * phoneset_oui_registry_load_file_async:
 * @self: the registry
 * @path: (nullable): the registry file, %NULL for Debian's
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file was read
 * @user_data: for @callback
 *
 * Reads the registry in a worker thread: Debian's file is 5 MB, and
 * parsing it would hold up a window's main loop for tens of milliseconds.
 * @self must not be used until @callback runs.
 */
void
phoneset_oui_registry_load_file_async (PhonesetOuiRegistry *self,
                                       const char          *path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PHONESET_IS_OUI_REGISTRY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, phoneset_oui_registry_load_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * phoneset_oui_registry_load_file_finish:
 * @self: the registry
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE if the file was read
 */
gboolean
phoneset_oui_registry_load_file_finish (PhonesetOuiRegistry  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (
    g_task_get_source_tag (G_TASK (result)) == phoneset_oui_registry_load_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
phoneset_oui_registry_get_size (PhonesetOuiRegistry *self)
{
  g_return_val_if_fail (PHONESET_IS_OUI_REGISTRY (self), 0);
  return g_hash_table_size (self->organizations);
}

/**
 * phoneset_oui_registry_lookup:
 * @self: the registry
 * @mac: six bytes
 *
 * Returns: (nullable): the organisation registered for @mac's first three bytes
 */
const char *
phoneset_oui_registry_lookup (PhonesetOuiRegistry *self,
                              const guint8        *mac)
{
  g_return_val_if_fail (PHONESET_IS_OUI_REGISTRY (self), NULL);
  g_return_val_if_fail (mac != NULL, NULL);

  return g_hash_table_lookup (
    self->organizations,
    GUINT_TO_POINTER (((guint32)mac[0] << 16) | ((guint32)mac[1] << 8) | mac[2]));
}
