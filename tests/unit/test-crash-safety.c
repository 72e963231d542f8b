/* test-crash-safety.c: progress saved by a process killed at random moments
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process changes the progress as fast as it can; the parent kills
 * it with SIGKILL at a random moment, hundreds of times, and after each
 * kill checks that the file parses and holds one whole state: the old one
 * or the new one, never a mix, never empty. Each change writes a note of a
 * few kilobytes made of one number repeated, so that a torn write would
 * show as two numbers.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>

#include "veto-progress-store.h"

#define RUNS 300
#define REPEAT 800

static char *
note_for (guint64 n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < REPEAT; i++)
    g_string_append_printf (s, "%" G_GUINT64_FORMAT " ", n);

  return g_string_free (s, FALSE);
}

/* The note's number if the note is whole, or -1. */
static gint64
parse_note (const char *note)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = NULL;
  gint64 n;

  if (note == NULL)
    return 0;

  copy = g_strstrip (g_strdup (note));
  parts = g_strsplit (copy, " ", -1);
  if (g_strv_length (parts) != REPEAT || !g_ascii_string_to_signed (parts[0], 10, 0, G_MAXINT64, &n, NULL))
    return -1;

  for (guint i = 1; parts[i] != NULL; i++)
    if (g_strcmp0 (parts[i], parts[0]) != 0)
      return -1;

  return n;
}

static int
run_child (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VetoProgressStore) store = veto_progress_store_new (file, NULL);
  g_autofree char *old = NULL;
  gint64 n;

  if (!veto_progress_store_load (store, NULL))
    return 1;

  old = veto_progress_store_dup_note (store, "facebook-object", "1");
  n = parse_note (old);
  if (n < 0)
    return 2;

  /* Tell the parent the saves begin now, so that its random moment falls
   * among them however slowly this process started (ASan, valgrind). */
  g_print ("ready\n");
  fflush (stdout);

  for (gboolean first = TRUE;; first = FALSE)
    {
      g_autofree char *note = note_for (++n);

      veto_progress_store_set_note (store, "facebook-object", "1", note);
      /* so that the parent can make sure some kills come after a save,
       * however slow saves are on a loaded machine */
      if (first)
        {
          g_print ("saved\n");
          fflush (stdout);
        }
    }

  return 0;
}

static void
test_kill_during_saves (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  /* not /proc/self/exe: under valgrind that is valgrind */
  g_autofree char *self_exe = g_test_build_filename (G_TEST_BUILT, "test-crash-safety", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  gint64 last = 0;
  guint corrupt = 0, moved_back = 0, changed = 0, leftovers = 0;

  g_assert_nonnull (self_exe);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr(GDataInputStream) out = NULL;
      g_autofree char *line = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(VetoProgressStore) store = NULL;
      g_autofree char *note = NULL;
      gint64 n;

      g_subprocess_launcher_setenv (launcher, "VETO_CRASH_CHILD", path, TRUE);
      child = g_subprocess_launcher_spawn (launcher, &error, self_exe, NULL);
      g_assert_no_error (error);

      /* a random moment, from just before the first save to deep into the
       * loop: one run in ten is killed before it is even ready */
      if (g_rand_int_range (rand, 0, 10) > 0)
        {
          out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
          line = g_data_input_stream_read_line (out, NULL, NULL, NULL);
          g_assert_cmpstr (line, ==, "ready");
          /* Half of these runs wait for the first save: with a fixed
           * window alone, an ASan build on a busy two-core machine saved
           * something new in only 65 runs of 300, and the count below,
           * which proves kills land among saves, failed. */
          if (g_rand_boolean (rand))
            {
              g_autofree char *saved = g_data_input_stream_read_line (out, NULL, NULL, NULL);

              g_assert_cmpstr (saved, ==, "saved");
            }
        }
      g_usleep (g_rand_int_range (rand, 0, 20000));
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);

      store = veto_progress_store_new (file, NULL);
      g_assert_true (veto_progress_store_load (store, &error));
      g_assert_no_error (error);

      /* never moved aside as damaged */
      if (veto_progress_store_get_recovered_file (store) != NULL)
        {
          corrupt++;
          continue;
        }

      note = veto_progress_store_dup_note (store, "facebook-object", "1");
      n = parse_note (note);
      if (n < 0)
        {
          corrupt++;
          continue;
        }

      /* the old state or a newer one: never back in time */
      if (n < last)
        moved_back++;
      if (n > last)
        changed++;
      last = n;
    }

  /* Temporary files a kill left behind before its rename: they are never
   * read, but count them. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      if (!g_str_equal (name, "progress.ini"))
        leftovers++;
  }

  g_test_message ("kill test: %u runs, %u killed after saving something new, "
                  "%u corrupt files, %u went back in time, last state %" G_GINT64_FORMAT
                  ", %u temporary files left by kills",
                  RUNS, changed, corrupt, moved_back, last, leftovers);
  g_print ("# kill test: %u runs, %u corrupt files\n", RUNS, corrupt);

  g_assert_cmpuint (corrupt, ==, 0);
  g_assert_cmpuint (moved_back, ==, 0);
  /* the test must actually have killed saves in flight */
  g_assert_cmpuint (changed, >, RUNS / 4);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("VETO_CRASH_CHILD") != NULL)
    return run_child (g_getenv ("VETO_CRASH_CHILD"));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crash-safety/kill-during-saves", test_kill_during_saves);

  return g_test_run ();
}
