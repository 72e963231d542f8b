/* bench-startup.c: time until the window is mapped, and peak memory, for
 * Veto and for an empty libadwaita window, side by side
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each program is started as a person starts it, a fresh process; the clock
 * stops when the X server maps its window (MapNotify on the root window),
 * so nothing inside Veto is instrumented. Half a second later, once the
 * first frame is drawn, the peak resident memory (VmHWM) is read from /proc
 * and the process is ended. Runs alternate between the two programs so that
 * both see the same machine.
 *
 *   bench-startup VETO EMPTY RUNS
 */

#include <X11/Xlib.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

typedef struct
{
  GArray *ms;
  GArray *kib;
} Series;

static gint64
peak_kib (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) || !(line = strstr (status, "VmHWM:")))
    return -1;

  return g_ascii_strtoll (line + 6, NULL, 10);
}

static void
run_once (Display     *display,
          const char  *exe,
          const char  *state_home,
          Series      *series)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { exe, NULL };
  gint64 start, mapped = 0;
  GPid pid;
  int status;

  env = g_environ_setenv (env, "XDG_STATE_HOME", state_home, TRUE);
  XSync (display, True);

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **)argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error))
    g_error ("%s: %s", exe, error->message);

  while (mapped == 0)
    {
      XEvent event;

      if (g_get_monotonic_time () - start > 20 * G_USEC_PER_SEC)
        g_error ("%s: no window after 20 s", exe);

      if (!XPending (display))
        {
          g_usleep (200);
          continue;
        }

      XNextEvent (display, &event);
      if (event.type == MapNotify && event.xmap.event == DefaultRootWindow (display))
        mapped = g_get_monotonic_time ();
    }

  g_usleep (500 * 1000);
  {
    double ms = (mapped - start) / 1000.0;
    double kib = (double)peak_kib (pid);

    g_array_append_val (series->ms, ms);
    g_array_append_val (series->kib, kib);
  }

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  g_autofree char *tmp = NULL;
  Series veto = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)) };
  Series empty = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)) };
  int runs;
  double veto_ms, empty_ms, veto_mib, empty_mib;

  if (argc != 4)
    {
      g_printerr ("usage: bench-startup VETO EMPTY RUNS\n");
      return 2;
    }
  runs = atoi (argv[3]);

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("bench-startup needs an X display\n");
      return 2;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);

  /* a first-run Veto: no progress yet, so it opens on the welcome page */
  tmp = g_dir_make_tmp ("veto-bench-XXXXXX", NULL);

  /* one warm-up each: fonts and icons into the page cache */
  {
    Series warm = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)) };

    run_once (display, argv[1], tmp, &warm);
    run_once (display, argv[2], tmp, &warm);
  }

  for (int i = 0; i < runs; i++)
    {
      run_once (display, argv[1], tmp, &veto);
      run_once (display, argv[2], tmp, &empty);
    }

  veto_ms = median (veto.ms);
  empty_ms = median (empty.ms);
  veto_mib = median (veto.kib) / 1024;
  empty_mib = median (empty.kib) / 1024;

  g_print ("start-up, %d runs each (median):\n", runs);
  g_print ("  window mapped:  Veto %.1f ms, empty libadwaita window %.1f ms, ratio %.2f\n",
           veto_ms, empty_ms, veto_ms / empty_ms);
  g_print ("  peak memory:    Veto %.1f MiB, empty libadwaita window %.1f MiB, ratio %.2f\n",
           veto_mib, empty_mib, veto_mib / empty_mib);

  XCloseDisplay (display);
  return 0;
}
