/* veto-progress-file.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The progress file on disk: read without blocking, locked, saved
 * atomically, never over a change it has not seen, set aside when
 * damaged. What the file holds is VetoProgressStore's (and
 * veto-progress-format.c's) business; this object moves bytes.
 *
 * A save writes a temporary file named `.progress.ini.veto-save-XXXXXX`
 * (a name nobody chooses, so that cleaning up after a crash deletes
 * nothing of a person's), fsyncs it and renames it over the old one:
 * after a crash the file holds either the old state or the new one,
 * never a mix.
 *
 * Two Veto processes may have the file open (two sessions, or a window
 * and a command): a save first checks, under a lock on the folder, that
 * the file is still the one this object last read or wrote, and refuses
 * to overwrite a change it has not seen. */

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
#include "veto-progress-file.h"

struct _VetoProgressFile
{
  GObject    parent_instance;

  GFile     *file;
  VetoClock *clock;

  /* the file as this object last read or wrote it (see check_unchanged()) */
  VetoProgressFileStamp seen;
};

G_DEFINE_FINAL_TYPE (VetoProgressFile, veto_progress_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The prefix of Veto's own temporary files beside the progress file: hidden,
 * and a name nobody chooses for a backup. */
#define TEMP_INFIX ".veto-save-"

/* A progress file is a few kilobytes; notes included, far less than this. */
#define MAX_PROGRESS_SIZE (16 * 1024 * 1024)

static void
veto_progress_file_dispose (GObject *object)
{
  VetoProgressFile *self = (VetoProgressFile *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (veto_progress_file_parent_class)->dispose (object);
}

static void
veto_progress_file_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VetoProgressFile *self = VETO_PROGRESS_FILE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_progress_file_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VetoProgressFile *self = VETO_PROGRESS_FILE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_progress_file_constructed (GObject *object)
{
  VetoProgressFile *self = (VetoProgressFile *)object;

  G_OBJECT_CLASS (veto_progress_file_parent_class)->constructed (object);

  g_assert (self->file != NULL);
  if (self->clock == NULL)
    self->clock = veto_clock_new ();
}

static void
veto_progress_file_class_init (VetoProgressFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = veto_progress_file_dispose;
  object_class->get_property = veto_progress_file_get_property;
  object_class->set_property = veto_progress_file_set_property;
  object_class->constructed = veto_progress_file_constructed;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* what stamps the name of a damaged file set aside */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, VETO_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
veto_progress_file_init (VetoProgressFile *self)
{
}

/**
 * veto_progress_file_new:
 * @file: the progress file (it need not exist, nor its folder)
 * @clock: (nullable): the clock that names a damaged file set aside;
 *   %NULL for the system's
 *
 * Returns: (transfer full): a #VetoProgressFile that has seen no version
 *   of the file yet
 */
VetoProgressFile *
veto_progress_file_new (GFile     *file,
                        VetoClock *clock)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (VETO_TYPE_PROGRESS_FILE,
                       "file", file,
                       "clock", clock,
                       NULL);
}

GFile *
veto_progress_file_get_file (VetoProgressFile *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_FILE (self), NULL);
  return self->file;
}

static void
stamp_from_stat (VetoProgressFileStamp *stamp,
                 const GStatBuf        *st)
{
  stamp->exists = TRUE;
  stamp->dev = st->st_dev;
  stamp->ino = st->st_ino;
  stamp->size = st->st_size;
  stamp->mtime_ns = (gint64)st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

/* Whether @st is the file as this object last read or wrote it. */
static gboolean
same_as_seen (VetoProgressFile *self,
              const GStatBuf   *st)
{
  VetoProgressFileStamp now;

  stamp_from_stat (&now, st);
  return self->seen.exists &&
         now.dev == self->seen.dev && now.ino == self->seen.ino && now.size == self->seen.size &&
         now.mtime_ns == self->seen.mtime_ns;
}

/**
 * veto_progress_file_read:
 * @self: a #VetoProgressFile
 * @out_len: (out): the length read
 * @out_stamp: (out) (optional): which version of the file was read, for
 *   veto_progress_file_set_seen()
 * @error: %G_IO_ERROR_NOT_FOUND (or %G_IO_ERROR_NOT_DIRECTORY) when there
 *   is no file; anything else when it can't be read
 *
 * Reads the file without ever blocking (veto-file.c): a named pipe (or a
 * device) where the file should be made `veto --status` wait forever and
 * the window never open. Anything but a regular file is unreadable, and
 * so is a file too large to be a person's progress.
 *
 * Reading does not change which version this object has seen: only the
 * caller knows whether what it read is what it now holds.
 *
 * Returns: (transfer full) (nullable): the bytes, NUL-terminated
 */
char *
veto_progress_file_read (VetoProgressFile       *self,
                         gsize                  *out_len,
                         VetoProgressFileStamp  *out_stamp,
                         GError                **error)
{
  const char *path;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf st;
  char *data;
  gsize len;

  g_return_val_if_fail (VETO_IS_PROGRESS_FILE (self), NULL);
  g_return_val_if_fail (out_len != NULL, NULL);

  path = g_file_peek_path (self->file);
  bytes = veto_file_read_bounded (path, MAX_PROGRESS_SIZE, &st, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     /* Translators: %s is a file name */
                     _("%s is too large to be Veto’s progress"), path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* NUL-terminated, for the parser */
  len = g_bytes_get_size (bytes);
  data = g_malloc (len + 1);
  memcpy (data, g_bytes_get_data (bytes, NULL), len);
  data[len] = '\0';
  *out_len = len;
  if (out_stamp != NULL)
    stamp_from_stat (out_stamp, &st);
  return data;
}

/**
 * veto_progress_file_set_seen:
 * @self: a #VetoProgressFile
 * @stamp: (nullable): the version the caller now holds, from
 *   veto_progress_file_read(); %NULL when it holds none (no file, or one
 *   set aside)
 *
 * A save overwrites that version only: any other one on disk is a change
 * someone else made.
 */
void
veto_progress_file_set_seen (VetoProgressFile            *self,
                             const VetoProgressFileStamp *stamp)
{
  g_return_if_fail (VETO_IS_PROGRESS_FILE (self));

  if (stamp != NULL && stamp->exists)
    self->seen = *stamp;
  else
    memset (&self->seen, 0, sizeof self->seen);
}

/**
 * veto_progress_file_changed_on_disk:
 * @self: a #VetoProgressFile
 *
 * Returns: %TRUE when a file is there that is not the version this object
 *   last read or wrote (another process wrote it); %FALSE when it is that
 *   version, or when there is no file at all (deleted: the next save
 *   writes it again)
 */
gboolean
veto_progress_file_changed_on_disk (VetoProgressFile *self)
{
  GStatBuf st;

  g_return_val_if_fail (VETO_IS_PROGRESS_FILE (self), FALSE);

  if (g_stat (g_file_peek_path (self->file), &st) != 0)
    return FALSE;

  return !same_as_seen (self, &st);
}

/**
 * veto_progress_file_move_aside:
 * @self: a #VetoProgressFile
 * @error: why it could not
 *
 * Renames the file to `<name>.corrupt-<time>` (with a number after it
 * when that name is taken): a damaged file is kept, never replaced.
 *
 * Returns: (transfer full) (nullable): where the file is now
 */
GFile *
veto_progress_file_move_aside (VetoProgressFile  *self,
                               GError           **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_FILE (self), NULL);

  now = veto_clock_get_now (self->clock);
  stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  path = g_file_get_path (self->file);

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

/**
 * veto_progress_file_remove_stale_temporaries:
 * @self: a #VetoProgressFile
 *
 * A save killed between writing its temporary file and renaming it leaves
 * that file behind. It is never read, but litter in a person's folder:
 * remove those old enough that no save can still be writing them. Only
 * Veto's own (TEMP_INFIX): a `progress.ini.backup` made by hand is the
 * person's.
 */
void
veto_progress_file_remove_stale_temporaries (VetoProgressFile *self)
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

/* Whether the file on disk is still the one this object last read or
 * wrote. Called with the folder locked. */
static gboolean
check_unchanged (VetoProgressFile  *self,
                 const char        *path,
                 GError           **error)
{
  GStatBuf st;

  /* gone since: writing it again overwrites nothing */
  if (g_stat (path, &st) != 0)
    return TRUE;

  if (same_as_seen (self, &st))
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
 * locked, after check_unchanged(): the copy is of the file as it was
 * read. Which format is older is the store's to say (@format, 0 for
 * none). */
static gboolean
keep_older_format (VetoProgressFile  *self,
                   const char        *target,
                   int                format,
                   GError           **error)
{
  g_autofree char *copy_path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;
  int fd;
  int saved_errno = 0;

  if (!self->seen.exists || format <= 0)
    return TRUE;

  copy_path = g_strdup_printf ("%s.format-%d", target, format);
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
 * file since this object last read or wrote it. The lock on the folder
 * makes that check and the rename one step for every Veto process. */
static gboolean
write_file (VetoProgressFile  *self,
            const char        *path,
            const char        *data,
            int                keep_format,
            GError           **error)
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

  if (!keep_older_format (self, target, keep_format, error))
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

  stamp_from_stat (&self->seen, &st);
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
 * veto_progress_file_write:
 * @self: a #VetoProgressFile
 * @data: the whole new contents
 * @keep_format: the format of the version last read when it is older than
 *   the one @data is in, or 0: that version is first kept beside the file
 *   as `<name>.format-<N>`, unless such a copy already exists
 * @error: %G_IO_ERROR_WRONG_ETAG when someone else wrote the file since
 *   this object last read or wrote it, %G_IO_ERROR_BUSY when another
 *   process holds the lock too long, or why the disk refused
 *
 * Makes the file's folder (private, 0700, when it is Veto's own) and
 * writes @data over the file all or nothing. On success @data is the
 * version this object has seen.
 *
 * Returns: %TRUE when @data is on disk
 */
gboolean
veto_progress_file_write (VetoProgressFile  *self,
                          const char        *data,
                          int                keep_format,
                          GError           **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_FILE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  path = g_file_get_path (self->file);
  return ensure_folder (self->file, error) &&
         write_file (self, path, data, keep_format, error);
}

/**
 * veto_progress_file_check_writable:
 * @self: a #VetoProgressFile
 * @error: why the file could not be saved
 *
 * Checks, without writing anything, that a save could work: the nearest
 * existing folder on the way to the file must be a folder Veto may write
 * in. For `veto --status`, which only reads.
 *
 * Returns: %TRUE when saving should work
 */
gboolean
veto_progress_file_check_writable (VetoProgressFile  *self,
                                   GError           **error)
{
  g_autoptr(GFile) dir = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_FILE (self), FALSE);

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
