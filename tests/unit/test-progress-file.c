/* test-progress-file.c: the progress file on disk, on its own
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* VetoProgressFile moves bytes and knows nothing of what they mean: these
 * tests give it real files in a private folder, another process where one
 * is the point (a change it has not seen, a lock held), and never a
 * VetoProgressStore. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "veto-i18n.h"
#include "veto-progress-file.h"

typedef struct
{
  char             *dir;   /* $XDG_STATE_HOME/veto, not made yet */
  char             *path;  /* .../progress.ini */
  VetoClock        *clock;
  VetoProgressFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 29, 10, 30, 0);
  g_autoptr(GFile) gfile = NULL;

  /* G_TEST_OPTION_ISOLATE_DIRS gives each test its own state folder */
  f->dir = g_build_filename (g_get_user_state_dir (), "veto", NULL);
  f->path = g_build_filename (f->dir, "progress.ini", NULL);
  f->clock = veto_clock_new_fixed (now);
  gfile = g_file_new_for_path (f->path);
  f->file = veto_progress_file_new (gfile, f->clock);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->file);
  g_clear_object (&f->clock);
  g_free (f->dir);
  g_free (f->path);
}

static char *
contents_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* Reads the file and makes what was read the version this object has
 * seen, as the store does after a load it trusts. */
static char *
read_and_see (VetoProgressFile *file)
{
  g_autoptr(GError) error = NULL;
  VetoProgressFileStamp stamp;
  char *data;
  gsize len = 0;

  data = veto_progress_file_read (file, &len, &stamp, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_assert_cmpuint (len, ==, strlen (data));
  veto_progress_file_set_seen (file, &stamp);
  return data;
}

static void
run_shell (const char *script,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", script, "sh", path, NULL };
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  gsize len = 0;

  got = veto_progress_file_read (f->file, &len, NULL, &error);
  g_assert_null (got);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* no file is no change: a save writes it */
  g_assert_false (veto_progress_file_changed_on_disk (f->file));
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
}

static void
test_write_and_read (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *got = NULL;
  const char *name;
  GStatBuf st;

  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\n", 0, &error));
  g_assert_no_error (error);

  /* the folder is made, and private: it is Veto's own */
  g_assert_cmpint (g_stat (f->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  got = read_and_see (f->file);
  g_assert_cmpstr (got, ==, "[Veto]\nFormat=2\n");

  /* what it wrote is what it has seen: nothing changed on disk since */
  g_assert_false (veto_progress_file_changed_on_disk (f->file));

  /* nothing else beside it: the temporary file was renamed */
  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "progress.ini");

  /* a second write replaces the first all at once */
  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\nRegion=eu\n", 0, &error));
  g_assert_no_error (error);
  g_free (got);
  got = contents_of (f->path);
  g_assert_cmpstr (got, ==, "[Veto]\nFormat=2\nRegion=eu\n");
}

/* Another process (the person's editor, `veto --attach-email`) writes the
 * file after this object read it: the change is seen, and never saved
 * over. */
static void
test_changed_by_another_process (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  g_autofree char *after = NULL;

  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\n", 0, &error));
  g_assert_no_error (error);
  g_assert_false (veto_progress_file_changed_on_disk (f->file));

  /* in place, as an editor that does not rename would */
  run_shell ("printf '[Veto]\\nFormat=2\\nRegion=uk\\n' > \"$1\"", f->path);
  g_assert_true (veto_progress_file_changed_on_disk (f->file));

  g_assert_false (veto_progress_file_write (f->file, "[Veto]\nFormat=2\nRegion=eu\n", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  after = contents_of (f->path);
  g_assert_cmpstr (after, ==, "[Veto]\nFormat=2\nRegion=uk\n");

  /* once read (and trusted), that version is the one a save may replace */
  got = read_and_see (f->file);
  g_assert_cmpstr (got, ==, after);
  g_assert_false (veto_progress_file_changed_on_disk (f->file));
  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\nRegion=eu\n", 0, &error));
  g_assert_no_error (error);

  /* replaced by a rename (another Veto's save): a new inode, same size */
  run_shell ("printf '[Veto]\\nFormat=2\\nRegion=ch\\n' > \"$1.new\" && mv \"$1.new\" \"$1\"", f->path);
  g_assert_true (veto_progress_file_changed_on_disk (f->file));

  /* deleted: no change to refuse, the next save writes it again */
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_false (veto_progress_file_changed_on_disk (f->file));
  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\n", 0, &error));
  g_assert_no_error (error);
}

/* A version read but not trusted (it did not parse) is not one a save
 * may overwrite: only set_seen() says what the caller holds. */
static void
test_read_does_not_see (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  gsize len = 0;

  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\n", 0, &error));
  g_assert_no_error (error);
  run_shell ("printf 'garbage' > \"$1\"", f->path);

  got = veto_progress_file_read (f->file, &len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "garbage");
  g_assert_cmpuint (len, ==, 7);
  g_assert_true (veto_progress_file_changed_on_disk (f->file));

  g_assert_false (veto_progress_file_write (f->file, "[Veto]\nFormat=2\n", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
}

static void
test_corrupt_moved_aside (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, "\x01\x02 not a progress file", -1, NULL));

  first = veto_progress_file_move_aside (f->file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  first_path = g_strconcat (f->path, ".corrupt-20261129T103000Z", NULL);
  g_assert_cmpstr (g_file_peek_path (first), ==, first_path);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  contents = contents_of (first_path);
  g_assert_cmpstr (contents, ==, "\x01\x02 not a progress file");

  /* the same second, another damaged file: the first copy stays */
  g_assert_true (g_file_set_contents (f->path, "second", -1, NULL));
  second = veto_progress_file_move_aside (f->file, &error);
  g_assert_no_error (error);
  second_path = g_strconcat (first_path, "-1", NULL);
  g_assert_cmpstr (g_file_peek_path (second), ==, second_path);
  g_free (contents);
  contents = contents_of (first_path);
  g_assert_cmpstr (contents, ==, "\x01\x02 not a progress file");
  g_free (contents);
  contents = contents_of (second_path);
  g_assert_cmpstr (contents, ==, "second");

  /* nothing left to move */
  g_assert_null (veto_progress_file_move_aside (f->file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A named pipe where the file should be: reading must not wait for a
 * writer that never comes. */
static void
test_never_blocks (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  gint64 start;
  gsize len = 0;

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (f->path, 0600), ==, 0);

  start = g_get_monotonic_time ();
  got = veto_progress_file_read (f->file, &len, NULL, &error);
  g_assert_null (got);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  gsize len = 0;
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  fd = g_open (f->path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  /* sparse: 17 MiB that take no room */
  g_assert_cmpint (ftruncate (fd, 17 * 1024 * 1024), ==, 0);
  close (fd);

  got = veto_progress_file_read (f->file, &len, NULL, &error);
  g_assert_null (got);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "too large"));
}

/* Forks a process that takes the lock a save takes on the folder, holds
 * it for @hold_ms (or until killed when 0) and returns its pid once it
 * holds it. */
static GPid
hold_lock (const char *dir,
           guint       hold_ms)
{
  int pipe_fds[2];
  GPid pid;
  char c;

  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int fd = open (dir, O_RDONLY | O_DIRECTORY);

      if (fd < 0 || flock (fd, LOCK_EX) != 0 || write (pipe_fds[1], "L", 1) != 1)
        _exit (1);
      if (hold_ms == 0)
        for (;;)
          pause ();
      g_usleep (hold_ms * 1000);
      _exit (0);
    }

  close (pipe_fds[1]);
  g_assert_cmpint (read (pipe_fds[0], &c, 1), ==, 1);
  close (pipe_fds[0]);
  return pid;
}

static void
test_lock_held (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gint64 start;
  int status;
  GPid pid;

  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\n", 0, &error));
  g_assert_no_error (error);

  /* a lock released soon: the save waits for it, then saves */
  pid = hold_lock (f->dir, 300);
  start = g_get_monotonic_time ();
  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\nRegion=eu\n", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 250 * 1000);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  /* a lock nobody releases (a stopped Veto): the save gives up, says
   * so, and the file is as it was */
  pid = hold_lock (f->dir, 0);
  g_assert_false (veto_progress_file_write (f->file, "[Veto]\nFormat=2\nRegion=uk\n", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  contents = contents_of (f->path);
  g_assert_cmpstr (contents, ==, "[Veto]\nFormat=2\nRegion=eu\n");

  /* and the next save, the lock gone, works */
  g_clear_error (&error);
  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\nRegion=uk\n", 0, &error));
  g_assert_no_error (error);
}

static void
test_keep_format (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_strconcat (f->path, ".format-1", NULL);
  g_autofree char *got = NULL;
  g_autofree char *copy = NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, "[Veto]\nFormat=1\n\n[End]\n", -1, NULL));
  got = read_and_see (f->file);

  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\n", 1, &error));
  g_assert_no_error (error);
  copy = contents_of (copy_path);
  g_assert_cmpstr (copy, ==, "[Veto]\nFormat=1\n\n[End]\n");

  /* an earlier copy is the oldest state: never replaced */
  g_assert_true (veto_progress_file_write (f->file, "[Veto]\nFormat=2\nRegion=eu\n", 1, &error));
  g_assert_no_error (error);
  g_free (copy);
  copy = contents_of (copy_path);
  g_assert_cmpstr (copy, ==, "[Veto]\nFormat=1\n\n[End]\n");
}

static void
test_stale_temporaries (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *stale = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *other = NULL;
  struct utimbuf old = { 0, 0 };

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  stale = g_build_filename (f->dir, ".progress.ini.veto-save-Ab12Cd", NULL);
  fresh = g_build_filename (f->dir, ".progress.ini.veto-save-Xy34Zw", NULL);
  backup = g_build_filename (f->dir, "progress.ini.backup", NULL);
  other = g_build_filename (f->dir, ".progress.ini.veto-save-mine.txt", NULL);
  g_assert_true (g_file_set_contents (stale, "x", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "x", -1, NULL));
  g_assert_true (g_file_set_contents (backup, "x", -1, NULL));
  g_assert_true (g_file_set_contents (other, "x", -1, NULL));
  old.actime = old.modtime = time (NULL) - 3600;
  g_assert_cmpint (g_utime (stale, &old), ==, 0);
  g_assert_cmpint (g_utime (backup, &old), ==, 0);
  g_assert_cmpint (g_utime (other, &old), ==, 0);

  veto_progress_file_remove_stale_temporaries (f->file);

  /* only Veto's own, and only those no save can still be writing */
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  veto_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/progress-file/missing", test_missing);
  ADD ("/progress-file/write-and-read", test_write_and_read);
  ADD ("/progress-file/changed-by-another-process", test_changed_by_another_process);
  ADD ("/progress-file/read-does-not-see", test_read_does_not_see);
  ADD ("/progress-file/corrupt-moved-aside", test_corrupt_moved_aside);
  ADD ("/progress-file/never-blocks", test_never_blocks);
  ADD ("/progress-file/too-large", test_too_large);
  ADD ("/progress-file/lock-held", test_lock_held);
  ADD ("/progress-file/keep-format", test_keep_format);
  ADD ("/progress-file/stale-temporaries", test_stale_temporaries);

#undef ADD

  return g_test_run ();
}
