/* phoneset-file.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash-safe file saves. A save writes a temporary file next to the target
 * (`.NAME.XXXXXX`, same directory so the rename stays on one file system),
 * flushes it to the disk, renames it over the target and flushes the
 * directory, so that after a kill -9 or a power cut the target is either
 * the old or the new file, whole. A save killed half-way leaves its
 * temporary file behind; phoneset_file_clean_temps() removes those, and
 * nothing ever reads them.
 */

#define G_LOG_DOMAIN "phoneset-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "phoneset-file.h"

static void
set_write_error (GError    **error,
                 int         saved,
                 const char *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("cannot write %s: %s"), path, g_strerror (saved));
}

/**
 * phoneset_file_replace:
 * @path: the file to write
 * @data: its new contents
 * @len: their length
 * @mode: the permissions of a new file (e.g. 0600)
 * @error: a location for a #GError
 *
 * Replaces @path with @data atomically and durably: whatever happens, even
 * a kill -9 or a power cut half-way, @path is afterwards the old or the new
 * contents, never a mix, never empty.
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_file_replace (const char *path,
                       const char *data,
                       gsize       len,
                       int         mode,
                       GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, tmpl, NULL);
  int              fd, dfd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("cannot write in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_write_error (error, n < 0 ? errno : ENOSPC, path);
          close (fd);
          g_unlink (temp);
          return FALSE;
        }
      data += n;
      len -= n;
    }
  /* The data reaches the disk before the new name does: otherwise a power
   * cut right after the rename can leave an empty file on ext4 or XFS. */
  if (fsync (fd) != 0)
    {
      set_write_error (error, errno, path);
      close (fd);
      g_unlink (temp);
      return FALSE;
    }
  close (fd);
  if (g_rename (temp, path) != 0)
    {
      set_write_error (error, errno, path);
      g_unlink (temp);
      return FALSE;
    }
  /* And the new name itself survives a power cut. A file system that
   * cannot flush a directory (some network ones) is not an error: the file
   * is written, only its durability is up to that file system. */
  dfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0)
    {
      if (fsync (dfd) != 0 && errno != EINVAL && errno != ENOTSUP)
        g_debug ("Cannot flush the directory %s: %s", dir, g_strerror (errno));
      close (dfd);
    }
  return TRUE;
}

/**
 * phoneset_file_is_temp:
 * @name: a file name (no directory)
 *
 * Returns: %TRUE if @name is a temporary file of phoneset_file_replace()
 *   (`.NAME.XXXXXX`)
 */
gboolean
phoneset_file_is_temp (const char *name)
{
  gsize len = strlen (name);

  if (len < 9 || name[0] != '.' || name[len - 7] != '.')
    return FALSE;
  for (gsize i = len - 6; i < len; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return TRUE;
}

/**
 * phoneset_file_clean_temps:
 * @dir: a directory phoneset_file_replace() writes in
 * @min_age_seconds: leave younger files alone (a save in progress in
 *   another process)
 *
 * Removes the temporary files that saves killed half-way left behind.
 *
 * Returns: how many were removed
 */
guint
phoneset_file_clean_temps (const char *dir,
                           guint       min_age_seconds)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64      now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint       removed = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf         st;

      if (!phoneset_file_is_temp (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      if (min_age_seconds > 0 && now - st.st_mtime < (gint64)min_age_seconds)
        continue;
      if (g_unlink (path) == 0)
        removed++;
    }
  if (removed > 0)
    g_debug ("Removed %u unfinished save(s) in %s", removed, dir);
  return removed;
}
