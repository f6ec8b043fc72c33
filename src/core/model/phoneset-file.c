/* phoneset-file.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash-safe file saves, of one file or of a set of files (an export)
 * that is written whole or not at all. A save writes a temporary file next to the target
 * (`.NAME.XXXXXX`, same directory so the rename stays on one file system),
 * flushes it to the disk, renames it over the target and flushes the
 * directory, so that after a kill -9 or a power cut the target is either
 * the old or the new file, whole. A save killed half-way leaves its
 * temporary file behind; phoneset_file_clean_temps() removes those, and
 * nothing ever reads them.
 */

#define G_LOG_DOMAIN "phoneset-file"
#define _GNU_SOURCE  1 /* syncfs () */

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
set_write_error (GError     **error,
                 int          saved,
                 const char  *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               _("cannot write %s: %s"), path, g_strerror (saved));
}

/* Writes @data to a new temporary file beside @dir/@name, flushed to the
 * disk with @flush. On success *@temp_out is its path; on failure nothing
 * is left behind and the error names the target. */
static gboolean
write_temp (const char  *dir,
            const char  *name,
            const char  *data,
            gsize        len,
            int          mode,
            gboolean     flush,
            char       **temp_out,
            GError     **error)
{
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", name);
  g_autofree char *temp = g_build_filename (dir, tmpl, NULL);
  int              fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, mode);
  int              saved = 0;

  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("cannot write in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  while (len > 0 && saved == 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        saved = n < 0 ? errno : ENOSPC;
      else
        {
          data += n;
          len -= n;
        }
    }
  /* The data reaches the disk before the new name does: otherwise a power
   * cut right after the rename can leave an empty file on ext4 or XFS. */
  if (saved == 0 && flush && fsync (fd) != 0)
    saved = errno;
  close (fd);
  if (saved != 0)
    {
      g_autofree char *target = g_build_filename (dir, name, NULL);

      set_write_error (error, saved, target);
      g_unlink (temp);
      return FALSE;
    }
  *temp_out = g_steal_pointer (&temp);
  return TRUE;
}

/* Makes the new names in @dir survive a power cut. A file system that
 * cannot flush a directory (some network ones) is not an error: the files
 * are written, only their durability is up to that file system. */
static void
flush_directory (const char *dir)
{
  int dfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (dfd < 0)
    return;
  if (fsync (dfd) != 0 && errno != EINVAL && errno != ENOTSUP)
    g_debug ("Cannot flush the directory %s: %s", dir, g_strerror (errno));
  close (dfd);
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
phoneset_file_replace (const char  *path,
                       const char  *data,
                       gsize        len,
                       int          mode,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (!write_temp (dir, base, data, len, mode, TRUE, &temp, error))
    return FALSE;
  if (g_rename (temp, path) != 0)
    {
      set_write_error (error, errno, path);
      g_unlink (temp);
      return FALSE;
    }
  flush_directory (dir);
  return TRUE;
}

/* Up to this many files are flushed one by one (fsync); more, a fleet's
 * thousand files, are flushed together (one syncfs). */
#define FSYNC_EACH_MAX 8

/**
 * phoneset_file_replace_all:
 * @dir: the directory (made if missing)
 * @names: (element-type utf8): file names in @dir
 * @contents: (element-type GBytes): their contents
 * @mode: the permissions of new files (e.g. 0644 for a provisioning tree)
 * @error: a location for a #GError
 *
 * Writes all the files or none: each is written to a temporary file and
 * flushed, and they are renamed into place only when every one was
 * written, so a failed export leaves no partial file, and each file is
 * afterwards the old or the new one, whole, as with
 * phoneset_file_replace().
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_file_replace_all (const char  *dir,
                           GPtrArray   *names,
                           GPtrArray   *contents,
                           int          mode,
                           GError     **error)
{
  g_autoptr(GPtrArray) temps = g_ptr_array_new_with_free_func (g_free);
  gboolean flush_each;
  gboolean ok = TRUE;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (names->len == contents->len, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("cannot make the directory %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  flush_each = names->len <= FSYNC_EACH_MAX;
  for (guint i = 0; ok && i < names->len; i++)
    {
      gsize       len;
      const char *data = g_bytes_get_data (g_ptr_array_index (contents, i), &len);
      char       *temp = NULL;

      ok =
        write_temp (dir, g_ptr_array_index (names, i), data, len, mode, flush_each, &temp, error);
      if (ok)
        g_ptr_array_add (temps, temp);
    }

  if (ok && !flush_each)
    {
      int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

      if (fd < 0 || syncfs (fd) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("cannot write in %s: %s"), dir, g_strerror (saved));
          ok = FALSE;
        }
      if (fd >= 0)
        close (fd);
    }

  for (guint i = 0; ok && i < temps->len; i++)
    {
      g_autofree char *target = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_rename (g_ptr_array_index (temps, i), target) != 0)
        {
          set_write_error (error, errno, target);
          ok = FALSE;
        }
      else
        g_clear_pointer (&temps->pdata[i], g_free);
    }
  if (ok)
    flush_directory (dir);

  /* Leave nothing half-done behind. */
  for (guint i = 0; i < temps->len; i++)
    if (g_ptr_array_index (temps, i) != NULL)
      g_unlink (g_ptr_array_index (temps, i));

  return ok;
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
