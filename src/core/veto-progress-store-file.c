/* veto-progress-store-file.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The progress file on disk: read without blocking, locked, saved
 * atomically, set aside when damaged. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "veto-file.h"
#include "veto-progress-store-private.h"

static GFile *
move_aside (VetoProgressStore  *self,
            GError            **error)
{
  g_autoptr(GDateTime) now = veto_clock_get_now (self->clock);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *path = g_file_get_path (self->file);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *aside = attempt == 0
        ? g_strdup_printf ("%s.corrupt-%s", path, stamp)
        : g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, attempt);
      g_autoptr(GFile) target = g_file_new_for_path (aside);
      g_autoptr(GError) local_error = NULL;

      /* Never replace an earlier copy: it may be the one that matters. */
      if (g_file_move (self->file, target, G_FILE_COPY_NOFOLLOW_SYMLINKS,
                       NULL, NULL, NULL, &local_error))
        return g_steal_pointer (&target);

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       "too many corrupt copies already");
  return NULL;
}


/* The prefix of Veto's own temporary files beside the progress file: hidden,
 * and a name nobody chooses for a backup. */
#define TEMP_INFIX ".veto-save-"

/* A progress file is a few kilobytes; notes included, far less than this. */
#define MAX_PROGRESS_SIZE (16 * 1024 * 1024)

static void
remember_disk (VetoProgressStore *self,
               const GStatBuf    *st)
{
  self->disk.exists = st != NULL;
  if (st == NULL)
    return;
  self->disk.dev = st->st_dev;
  self->disk.ino = st->st_ino;
  self->disk.size = st->st_size;
  self->disk.mtime_ns = (gint64)st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

/* Whether @st is the file as this store last read or wrote it. */
static gboolean
same_as_disk (VetoProgressStore *self,
              const GStatBuf    *st)
{
  return self->disk.exists &&
         st->st_dev == self->disk.dev && st->st_ino == self->disk.ino && st->st_size == self->disk.size &&
         (gint64)st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec == self->disk.mtime_ns;
}

/* Reads the progress file without ever blocking (veto-file.c): a named
 * pipe (or a device) where the file should be made `veto --status` wait
 * forever and the window never open. Anything but a regular file is
 * unreadable. */
static gboolean
read_file (VetoProgressStore  *self,
           char              **out_data,
           gsize              *out_len,
           GStatBuf           *out_st,
           GError            **error)
{
  const char *path = g_file_peek_path (self->file);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  bytes = veto_file_read_bounded (path, MAX_PROGRESS_SIZE, out_st, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     /* Translators: %s is a file name */
                     _("%s is too large to be Veto’s progress"), path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* NUL-terminated, for the parser */
  len = g_bytes_get_size (bytes);
  *out_data = g_malloc (len + 1);
  memcpy (*out_data, g_bytes_get_data (bytes, NULL), len);
  (*out_data)[len] = '\0';
  *out_len = len;
  return TRUE;
}

/* A save killed between writing its temporary file and renaming it leaves
 * that file behind. It is never read, but litter in a person's folder:
 * remove those old enough that no save can still be writing them. Only
 * Veto's own (TEMP_INFIX): a `progress.ini.backup` made by hand is the
 * person's. */
static void
remove_stale_temporaries (VetoProgressStore *self)
{
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autofree char *base = g_file_get_basename (self->file);
  g_autofree char *prefix = g_strconcat (".", base, TEMP_INFIX, NULL);
  g_autoptr(GDir) dir = g_dir_open (g_file_peek_path (parent), 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  gsize prefix_len = strlen (prefix);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      gboolean temporary = strlen (name) == prefix_len + 6 &&
                           strncmp (name, prefix, prefix_len) == 0;

      for (gsize i = prefix_len; temporary && name[i]; i++)
        temporary = g_ascii_isalnum (name[i]);

      if (!temporary)
        continue;

      path = g_build_filename (g_file_peek_path (parent), name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > 60)
        g_unlink (path);
    }
}

/* Parses what read_file() read. Returns: (transfer full) (nullable) */
static GKeyFile *
parse_data (char    *data,
            gsize    len,
            int     *format,
            GError **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  /* a byte order mark, as some editors write, is not part of the file */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (data, data + 3, len - 3 + 1);
      len -= 3;
    }
  if (!_veto_progress_parse (keyfile, data, len, format, error))
    return NULL;

  return g_steal_pointer (&keyfile);
}

static void adopt (VetoProgressStore *self,
                   GKeyFile          *keyfile,
                   int                format);

/* Why the file on disk, changed by someone else while this store is open,
 * can't be read; NULL when it can. While set, nothing is saved: the
 * store keeps what it holds, and the file is the person's to repair. */
static void
set_disk_error (VetoProgressStore *self,
                GError            *error)
{
  gboolean was_set = self->disk_error != NULL;

  g_clear_error (&self->disk_error);
  self->disk_error = error;
  if (!was_set && error == NULL)
    return;

  g_object_notify_by_pspec (G_OBJECT (self), _veto_progress_store_properties[PROP_DISK_ERROR]);
  if (was_set != (error != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), _veto_progress_store_properties[PROP_READ_ONLY]);
}

/**
 * veto_progress_store_set_inspect_only:
 * @self: a #VetoProgressStore
 * @inspect_only: %TRUE to only look
 *
 * For commands that only read (`veto --status`): a damaged file is then
 * reported by veto_progress_store_load() instead of being set aside, and
 * nothing on disk changes. Call before loading.
 */
void
veto_progress_store_set_inspect_only (VetoProgressStore *self,
                                      gboolean           inspect_only)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  self->inspect_only = !!inspect_only;
}

/**
 * veto_progress_store_load:
 * @self: a #VetoProgressStore
 * @error: set when the file exists but could not be read or moved aside
 *
 * Reads the progress file. A missing file is a fresh start. A file that does
 * not parse is moved aside (see veto_progress_store_get_recovered_file()) and
 * the store starts fresh. A file from a newer format is loaded read-only.
 *
 * On error the store is left empty and read-only, so that nothing overwrites
 * a file we could not read.
 *
 * Returns: %TRUE when the store can be used
 */
gboolean
veto_progress_store_load (VetoProgressStore  *self,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  int format = 0;
  GStatBuf st;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  g_clear_object (&self->recovered_file);
  _veto_progress_store_init_fresh (self);
  self->is_new = TRUE;
  self->disk_format = 0;
  set_disk_error (self, NULL);
  if (!self->inspect_only)
    remove_stale_temporaries (self);

  if (!read_file (self, &data, &len, &st, &local_error))
    {
      /* No file (or a file where its folder should be, so no file either):
       * a fresh start; saving will say what is wrong. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        {
          remember_disk (self, NULL);
          return TRUE;
        }

      self->read_only = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), _veto_progress_store_properties[PROP_READ_ONLY]);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Your progress could not be read: %s"), local_error->message);
      return FALSE;
    }

  remember_disk (self, &st);
  keyfile = parse_data (data, len, &format, &local_error);
  if (keyfile == NULL && self->inspect_only)
    {
      /* Looking must not change anything: the file stays where it is. */
      self->read_only = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), _veto_progress_store_properties[PROP_READ_ONLY]);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name, then what is wrong in it (in English) */
                   _("Your progress file %s is damaged (%s). Open Veto: it keeps a copy aside and starts afresh."),
                   g_file_peek_path (self->file), local_error->message);
      return FALSE;
    }
  else if (local_error != NULL)
    {
      g_autoptr(GError) move_error = NULL;

      g_debug ("%s does not parse (%s); moving it aside",
               g_file_peek_path (self->file), local_error->message);

      self->recovered_file = move_aside (self, &move_error);
      if (self->recovered_file == NULL)
        {
          self->read_only = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), _veto_progress_store_properties[PROP_READ_ONLY]);
          g_set_error (error, move_error->domain, move_error->code,
                       _("Your progress file is damaged and could not be set aside: %s"),
                       move_error->message);
          return FALSE;
        }

      return TRUE;
    }

  adopt (self, g_steal_pointer (&keyfile), format);
  return TRUE;
}

/* Makes @keyfile, read from the file, what this store holds. */
static void
adopt (VetoProgressStore *self,
       GKeyFile          *keyfile,
       int                format)
{
  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = keyfile;
  self->is_new = FALSE;
  self->disk_format = format;

  if (format <= VETO_PROGRESS_FORMAT)
    {
      _veto_progress_store_ensure_accounts (self);
      /* Format 2 added "refused", stated days and evidence, which an older
       * Veto would take for damage: the next save says so in the file, so
       * that it opens it read-only instead (and keeps the file as it was,
       * keep_older_format()). Only in memory until the person changes
       * something. */
      g_key_file_set_integer (self->keyfile, HEADER, "Format", VETO_PROGRESS_FORMAT);
    }

  if (format > VETO_PROGRESS_FORMAT && !self->read_only)
    {
      self->read_only = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), _veto_progress_store_properties[PROP_READ_ONLY]);
    }
}

static gboolean
ensure_folder (GFile   *file,
               GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *dir = g_file_get_path (parent);
  g_autofree char *base = g_file_get_basename (parent);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Our own folder stays private even if someone loosened it; a folder
   * that merely holds a test file is not ours to change. */
  if (g_str_equal (base, "veto"))
    g_chmod (dir, 0700);

  return TRUE;
}

/* Whether the file on disk is still the one this store last read or
 * wrote. Called with the folder locked. */
static gboolean
check_unchanged (VetoProgressStore  *self,
                 const char         *path,
                 GError            **error)
{
  GStatBuf st;

  /* gone since: writing it again overwrites nothing */
  if (g_stat (path, &st) != 0)
    return TRUE;

  if (same_as_disk (self, &st))
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("another Veto (or a person) changed the file since this window read it, and Veto never overwrites a change it has not seen. Close Veto and open it again to see that change."));
  return FALSE;
}

/* How long a save waits for another Veto's save to end. A save takes
 * milliseconds: a lock held longer is held by a process that stopped. */
#define LOCK_TIMEOUT_MS 5000

static gboolean
lock_folder (int          dir_fd,
             const char  *dir,
             GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + LOCK_TIMEOUT_MS * 1000;

  for (;;)
    {
      if (flock (dir_fd, LOCK_EX | LOCK_NB) == 0)
        return TRUE;
      if (errno == EINTR)
        continue;
      if (errno != EWOULDBLOCK)
        return TRUE; /* no locks here: see the caller */
      if (g_get_monotonic_time () > deadline)
        break;
      g_usleep (20 * 1000);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
               /* Translators: %s is a folder; %d a number of seconds */
               _("another program has kept %s locked for more than %d seconds (a Veto that was stopped, perhaps). Close it and try again."),
               dir, LOCK_TIMEOUT_MS / 1000);
  return FALSE;
}

/* The first save over a file an older Veto wrote upgrades its Format,
 * after which that Veto opens it read-only: the file as it was stays
 * beside it as `progress.ini.format-<N>`, for a person who goes back to
 * that version. An earlier copy is never replaced: it is the oldest
 * state, and the one that older Veto can read. Called with the folder
 * locked, after check_unchanged(): the copy is of the file this store
 * read. */
static gboolean
keep_older_format (VetoProgressStore  *self,
                   const char         *target,
                   GError            **error)
{
  g_autofree char *copy_path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;
  int fd;
  int saved_errno = 0;

  if (!self->disk.exists || self->disk_format <= 0 || self->disk_format >= VETO_PROGRESS_FORMAT)
    return TRUE;

  copy_path = g_strdup_printf ("%s.format-%d", target, self->disk_format);
  bytes = veto_file_read_bounded (target, MAX_PROGRESS_SIZE, NULL, &local_error);
  if (bytes == NULL)
    goto failed;

  /* as private as the file itself, and never over an earlier copy */
  fd = g_open (copy_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST)
    return TRUE;
  if (fd < 0)
    {
      saved_errno = errno;
      goto failed_errno;
    }

  data = g_bytes_get_data (bytes, &len);
  for (gsize done = 0; done < len; )
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          break;
        }
      done += n;
    }
  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  close (fd);
  if (saved_errno == 0)
    return TRUE;

  /* half a copy is no copy */
  g_unlink (copy_path);

failed_errno:
  g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
failed:
  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: %s is a file name, then why it failed */
               _("a copy of your progress as an older Veto wrote it could not be kept as %s: %s"),
               copy_path, local_error->message);
  return FALSE;
}

/* Writes @data over @path all or nothing, and only if no one changed the
 * file since this store last read or wrote it. The lock on the folder
 * makes that check and the rename one step for every Veto process. */
static gboolean
write_file (VetoProgressStore  *self,
            const char         *path,
            const char         *data,
            GError            **error)
{
  g_autofree char *resolved = realpath (path, NULL);
  const char *target = resolved != NULL ? resolved : path;
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmp = g_strconcat (dir, G_DIR_SEPARATOR_S ".", base, TEMP_INFIX "XXXXXX", NULL);
  gsize len = strlen (data);
  GStatBuf st;
  int dir_fd;
  int fd = -1;
  int saved_errno = 0;
  gboolean ok = FALSE;

  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd < 0)
    {
      saved_errno = errno;
      goto out;
    }
  /* A file system without locks still gets the check, just not atomic
   * with the rename. A lock nobody releases (a stopped Veto, another
   * program) must not block every save forever. */
  if (!lock_folder (dir_fd, dir, error))
    {
      close (dir_fd);
      return FALSE;
    }

  if (!check_unchanged (self, target, error))
    goto out_locked;

  if (!keep_older_format (self, target, error))
    goto out_locked;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      goto out_locked;
    }

  for (gsize done = 0; done < len; )
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          goto out_tmp;
        }
      done += n;
    }

  if (fsync (fd) != 0 || fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      goto out_tmp;
    }
  close (fd);
  fd = -1;

  if (g_rename (tmp, target) != 0)
    {
      saved_errno = errno;
      goto out_tmp;
    }

  remember_disk (self, &st);
  self->disk_format = VETO_PROGRESS_FORMAT;
  ok = TRUE;
  goto out_locked;

out_tmp:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
out_locked:
  flock (dir_fd, LOCK_UN);
out:
  if (dir_fd >= 0)
    close (dir_fd);
  if (!ok && saved_errno != 0)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "%s: %s", target, g_strerror (saved_errno));
  return ok;
}

/**
 * veto_progress_store_save:
 * @self: a #VetoProgressStore
 * @error: where to put a failure
 *
 * Writes the state atomically. Changes already save by themselves; call this
 * to retry after #VetoProgressStore:save-error was set.
 *
 * Returns: %TRUE on success
 */
gboolean
veto_progress_store_save (VetoProgressStore  *self,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gboolean had_error;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }
  if (self->disk_error != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY, self->disk_error->message);
      return FALSE;
    }

  body = g_key_file_to_data (self->keyfile, NULL, NULL);
  data = g_strconcat (body, "\n[" END_GROUP "]\n", NULL);
  path = g_file_get_path (self->file);
  had_error = self->save_error != NULL;

  if (!ensure_folder (self->file, &local_error) ||
      !write_file (self, path, data, &local_error))
    {
      g_clear_error (&self->save_error);
      g_set_error (&self->save_error, local_error->domain, local_error->code,
                   _("Your progress could not be saved: %s"), local_error->message);
      g_object_notify_by_pspec (G_OBJECT (self), _veto_progress_store_properties[PROP_SAVE_ERROR]);
      if (error != NULL)
        *error = g_error_copy (self->save_error);
      return FALSE;
    }

  self->is_new = FALSE;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (had_error)
    {
      g_clear_error (&self->save_error);
      g_object_notify_by_pspec (G_OBJECT (self), _veto_progress_store_properties[PROP_SAVE_ERROR]);
    }

  return TRUE;
}

/**
 * veto_progress_store_reload_if_changed:
 * @self: a #VetoProgressStore
 *
 * Reads the file again if someone else wrote it since this store last read
 * or wrote it: another Veto window, `veto --attach-email` run while the
 * window is open, or the person in a text editor. A store with a change it
 * could not save keeps it, and does not read (saving it will then say the
 * file changed, and nothing is overwritten); so does a read-only one.
 *
 * A file that can't be read or does not parse is never moved aside nor
 * replaced here: the store keeps what it holds, saves nothing, and says
 * why in #VetoProgressStore:disk-error, until the file parses again (an
 * editor that writes in place, a typo the person fixes) or the person
 * chooses veto_progress_store_replace_damaged(). Emits
 * #VetoProgressStore::changed after reading.
 *
 * Returns: %TRUE if the store read the file again
 */
gboolean
veto_progress_store_reload_if_changed (VetoProgressStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;
  int format = 0;
  GStatBuf st;
  gboolean exists;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  if (self->read_only || self->inspect_only || self->save_error != NULL || self->retry_id != 0)
    return FALSE;

  path = g_file_get_path (self->file);
  exists = g_stat (path, &st) == 0;
  if (!exists && !self->disk.exists)
    return FALSE;
  if (exists && same_as_disk (self, &st))
    return FALSE;

  /* the file was deleted: the next change writes it again, and what this
   * store holds stays what the person sees */
  if (!exists)
    return FALSE;

  if (!read_file (self, &data, &len, &st, &error) ||
      (keyfile = parse_data (data, len, &format, &error)) == NULL)
    {
      GError *disk_error = NULL;

      g_debug ("%s changed and can't be read: %s", path, error->message);
      g_set_error (&disk_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name */
                   _("Your progress file %s was changed outside this window and can no longer be read. Veto keeps showing your progress as it was and saves nothing until the file is repaired; it reads the file again as soon as it can."),
                   path);
      set_disk_error (self, disk_error);
      return FALSE;
    }

  remember_disk (self, &st);
  adopt (self, g_steal_pointer (&keyfile), format);
  set_disk_error (self, NULL);
  g_signal_emit_by_name (self, "changed");

  return TRUE;
}

/**
 * veto_progress_store_reload:
 * @self: a #VetoProgressStore
 * @error: why the file could not be read
 *
 * Reads the file again, whatever this store holds: for a command whose
 * save found that another process changed the file since it read it, and
 * that does its change again on top of that one. Emits
 * #VetoProgressStore::changed.
 *
 * Returns: %TRUE when the store can be used
 */
gboolean
veto_progress_store_reload (VetoProgressStore  *self,
                            GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  ok = veto_progress_store_load (self, error);
  if (self->save_error != NULL)
    {
      g_clear_error (&self->save_error);
      g_object_notify_by_pspec (G_OBJECT (self), _veto_progress_store_properties[PROP_SAVE_ERROR]);
    }
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_signal_emit_by_name (self, "changed");
  return ok;
}

/**
 * veto_progress_store_get_disk_error:
 *
 * Returns: (transfer none) (nullable): why the progress file, changed
 *   outside this store while it was open, can't be read
 */
const GError *
veto_progress_store_get_disk_error (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return self->disk_error;
}

/**
 * veto_progress_store_replace_damaged:
 * @self: a #VetoProgressStore with a #VetoProgressStore:disk-error
 * @error: why it could not
 *
 * The person's choice, never Veto's: the damaged file is kept aside as
 * `progress.ini.corrupt-<time>` and what this store holds is saved in its
 * place.
 *
 * Returns: (transfer none) (nullable): where the damaged file was kept
 */
GFile *
veto_progress_store_replace_damaged (VetoProgressStore  *self,
                                     GError            **error)
{
  g_autoptr(GFile) aside = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (self->disk_error != NULL, NULL);

  aside = move_aside (self, error);
  if (aside == NULL)
    return NULL;

  g_set_object (&self->recovered_file, aside);
  remember_disk (self, NULL);
  set_disk_error (self, NULL);
  if (!veto_progress_store_save (self, error))
    return NULL;

  g_signal_emit_by_name (self, "changed");
  return self->recovered_file;
}

/**
 * veto_progress_store_check_writable:
 * @self: a #VetoProgressStore
 * @error: why the progress could not be saved
 *
 * Checks, without writing anything, that a change could be saved: the
 * nearest existing folder on the way to the file must be a folder Veto may
 * write in. For `veto --status`, which only reads.
 *
 * Returns: %TRUE when saving should work
 */
gboolean
veto_progress_store_check_writable (VetoProgressStore  *self,
                                    GError            **error)
{
  g_autoptr(GFile) dir = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  dir = g_file_get_parent (self->file);
  while (dir != NULL && !g_file_query_exists (dir, NULL))
    {
      GFile *parent = g_file_get_parent (dir);

      g_object_unref (dir);
      dir = parent;
    }

  if (dir == NULL)
    return TRUE;

  if (!g_file_test (g_file_peek_path (dir), G_FILE_TEST_IS_DIR) ||
      g_access (g_file_peek_path (dir), W_OK | X_OK) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a folder */
                   _("Your progress could not be saved: %s is not a folder Veto can write in."),
                   g_file_peek_path (dir));
      return FALSE;
    }

  return TRUE;
}
