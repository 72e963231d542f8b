/* veto-file.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "veto-file.h"

/* Every file Veto reads that someone else could have put there (the
 * progress, a downloaded catalog and what the updater remembers of it,
 * `--catalog=FILE`, Meta's email, the autostart entry) is read here, so
 * that none of them can hang or exhaust Veto:
 *
 *  - opened without blocking: a named pipe where a file should be made
 *    `veto --status` wait forever at every login, and the window never
 *    open;
 *  - only a regular file: a link to /dev/zero reads until memory runs out;
 *  - its size checked before the first byte is read, and no more than the
 *    bound read after (a file may grow while it is read).
 */

/**
 * veto_file_read_bounded:
 * @path: a file
 * @max_size: the most it may hold
 * @out_stat: (out) (optional): the file as it was read
 * @error: %G_IO_ERROR_NOT_FOUND and the other errors of open(),
 *   %G_IO_ERROR_NOT_REGULAR_FILE, %G_IO_ERROR_MESSAGE_TOO_LARGE
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
veto_file_read_bounded (const char  *path,
                        gsize        max_size,
                        GStatBuf    *out_stat,
                        GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *size = NULL;
  GStatBuf st;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   /* Translators: %s is a file name */
                   _("%s is not a regular file"), path);
      return NULL;
    }

  if ((guint64)st.st_size > max_size)
    goto too_large;

  bytes = g_byte_array_sized_new (st.st_size + 1);
  for (;;)
    {
      guint8 buf[16384];
      gssize n = read (fd, buf, MIN (sizeof buf, max_size + 1 - bytes->len));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", path, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (bytes, buf, n);
      if (bytes->len > max_size)
        goto too_large;
    }
  close (fd);

  if (out_stat != NULL)
    *out_stat = st;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

too_large:
  close (fd);
  size = g_format_size (max_size);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               /* Translators: %s is a file name, then a size such as "4.2 MB" */
               _("%s is larger than %s"), path, size);
  return NULL;
}
