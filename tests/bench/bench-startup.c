/* bench-startup.c: Veto's everyday start-up against an empty libadwaita
 * window, side by side, until the first frame
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-startup VETO EMPTY CATALOG SHIM RUNS
 *
 * Each program is started as a person starts it, a fresh process (`veto`,
 * the launcher, which execs the window). Two clocks stop, both read from
 * the X server, so nothing inside Veto is instrumented:
 *
 *   - mapped: the server maps the window (MapNotify on the root window);
 *   - first frame: the program's first drawing into the mapped window
 *     (XDamage), the moment a person sees something. Map comes 15–110 ms
 *     before it.
 *
 * Then the peak resident memory (VmHWM) is read and the process ended.
 *
 * Scenarios: a first run (no progress: the welcome page) and a returning
 * person (a progress file generated from CATALOG: six apps, three accounts
 * on two of them, most steps done: the overview), at 760 px (the default)
 * and 360 px (a phone; SHIM sets the width at the first present, for both
 * programs), with the cairo renderer and GTK's default one. Runs alternate
 * between Veto and the empty window so that both see the same machine;
 * figures are medians, and the ratio is the one to watch: absolute times
 * on a shared machine are noisy.
 */

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

typedef struct
{
  GArray *mapped;
  GArray *frame;
  GArray *kib;
} Series;

static int damage_event_base;

static Series *
series_new (void)
{
  Series *s = g_new0 (Series, 1);

  s->mapped = g_array_new (FALSE, FALSE, sizeof (double));
  s->frame = g_array_new (FALSE, FALSE, sizeof (double));
  s->kib = g_array_new (FALSE, FALSE, sizeof (double));
  return s;
}

static void
series_free (Series *s)
{
  g_array_unref (s->mapped);
  g_array_unref (s->frame);
  g_array_unref (s->kib);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Series, series_free)

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
run_once (Display    *display,
          const char *exe,
          char      **env,
          Series     *series)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { exe, NULL };
  g_autoptr(GHashTable) damages = g_hash_table_new (NULL, NULL);
  gint64 start, mapped = 0, frame = 0;
  Window window = None;
  guint n_damages = 0;
  GPid pid;
  int status;

  XSync (display, True);

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **)argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error))
    g_error ("%s: %s", exe, error->message);

  while (frame == 0)
    {
      XEvent event;

      if (g_get_monotonic_time () - start > 30 * G_USEC_PER_SEC)
        g_error ("%s: no frame after 30 s", exe);

      if (!XPending (display))
        {
          g_usleep (100);
          continue;
        }

      XNextEvent (display, &event);
      /* watch every new toplevel from its creation, so that no drawing
       * can slip in before the watch starts */
      if (event.type == CreateNotify && event.xcreatewindow.parent == DefaultRootWindow (display))
        {
          Damage damage = XDamageCreate (display, event.xcreatewindow.window, XDamageReportRawRectangles);

          g_hash_table_insert (damages, GSIZE_TO_POINTER (event.xcreatewindow.window), GSIZE_TO_POINTER (damage));
        }
      else if (event.type == MapNotify && event.xmap.event == DefaultRootWindow (display) && mapped == 0)
        {
          mapped = g_get_monotonic_time ();
          window = event.xmap.window;
        }
      /* The server paints the window's background as it maps it: that
       * is the first damage, within a few ms of the map. The program's
       * own first frame is the next one. */
      else if (event.type == damage_event_base + XDamageNotify && mapped != 0 &&
               ((XDamageNotifyEvent *)&event)->drawable == window &&
               ++n_damages == 2)
        frame = g_get_monotonic_time ();
    }

  {
    double ms_mapped = (mapped - start) / 1000.0;
    double ms_frame = (frame - start) / 1000.0;
    double kib = (double)peak_kib (pid);

    g_array_append_val (series->mapped, ms_mapped);
    g_array_append_val (series->frame, ms_frame);
    g_array_append_val (series->kib, kib);
  }

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);

  /* the windows are gone with the process, and their damage objects */
  XSync (display, True);
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
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, compare);
  return g_array_index (sorted, double, sorted->len / 2);
}

/* A toplevel may be gone before the damage watch on it is created (a
 * short-lived helper window): that is no reason to stop the bench. */
static int
on_x_error (Display     *display,
            XErrorEvent *error)
{
  char text[128];

  if (error->error_code == BadDrawable || error->error_code == BadWindow)
    return 0;
  XGetErrorText (display, error->error_code, text, sizeof text);
  g_error ("X error: %s (request %d.%d)", text, error->request_code, error->minor_code);
  return 0;
}

/* A returning person's progress: every app of CATALOG, three accounts on
 * the first two, every step done but the last of each app. */
static void
write_returning_progress (const char *catalog_path,
                          const char *state_home)
{
  g_autoptr(GKeyFile) catalog = g_key_file_new ();
  g_autoptr(GKeyFile) progress = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) apps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) last_step = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) groups = NULL;
  g_autofree char *dir = g_build_filename (state_home, "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autofree char *body = NULL;
  g_autofree char *data = NULL;
  const char *now = "2026-11-20T09:00:00Z";

  if (!g_key_file_load_from_file (catalog, catalog_path, G_KEY_FILE_NONE, &error))
    g_error ("%s: %s", catalog_path, error->message);

  groups = g_key_file_get_groups (catalog, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "App "))
      g_ptr_array_add (apps, g_strdup (groups[i] + 4));
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "Step "))
      {
        g_autofree char *app = g_key_file_get_string (catalog, groups[i], "App", NULL);

        if (app != NULL)
          g_hash_table_insert (last_step, g_steal_pointer (&app), g_strdup (groups[i] + 5));
      }

  g_key_file_set_integer (progress, "Veto", "Format", 1);
  g_key_file_set_string (progress, "Veto", "Region", "eu");
  g_key_file_set_string_list (progress, "Veto", "Apps", (const char * const *)apps->pdata, apps->len);

  for (guint a = 0; a < apps->len; a++)
    for (guint n = 1; n <= (a < 2 ? 3u : 1u); n++)
      {
        g_autofree char *group = g_strdup_printf ("Account %s %u", (char *)apps->pdata[a], n);
        g_autofree char *label = g_strdup_printf ("Account %u", n);

        g_key_file_set_string (progress, group, "Label", label);
      }

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *app = NULL;
      gboolean per_account;
      guint n_accounts;
      const char *id;
      int app_index = -1;

      if (!g_str_has_prefix (groups[i], "Step "))
        continue;
      id = groups[i] + 5;
      app = g_key_file_get_string (catalog, groups[i], "App", NULL);
      {
        /* catalog format 2 says Scope=account; format 1 said PerAccount=true */
        g_autofree char *scope = g_key_file_get_string (catalog, groups[i], "Scope", NULL);

        per_account = g_strcmp0 (scope, "account") == 0 ||
                      g_key_file_get_boolean (catalog, groups[i], "PerAccount", NULL);
      }
      for (guint a = 0; a < apps->len; a++)
        if (g_strcmp0 (apps->pdata[a], app) == 0)
          app_index = a;
      n_accounts = per_account ? (app_index >= 0 && app_index < 2 ? 3 : 1) : 1;

      /* the last step of each app is left to do */
      if (g_strcmp0 (g_hash_table_lookup (last_step, app), id) == 0)
        continue;

      for (guint n = 1; n <= n_accounts; n++)
        {
          g_autofree char *group = per_account ? g_strdup_printf ("Step %s %u", id, n)
                                               : g_strdup_printf ("Step %s", id);

          g_key_file_set_string (progress, group, "State", "done");
          g_key_file_set_string (progress, group, "Updated", now);
        }
    }

  body = g_key_file_to_data (progress, NULL, NULL);
  data = g_strconcat (body, "\n[End]\n", NULL);
  g_mkdir_with_parents (dir, 0700);
  if (!g_file_set_contents (path, data, -1, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  g_autofree char *first_run = NULL;
  g_autofree char *returning = NULL;
  g_auto(GStrv) base_env = g_get_environ ();
  const char *scenarios[] = { "first run (welcome page)", "returning person (overview)" };
  const char *widths[] = { "760", "360" };
  const char *renderers[] = { "cairo", NULL };
  int error_base;
  int runs;
  gboolean quick;

  /* `bench-startup --write-returning CATALOG DIR`: only write the
   * returning person's progress under DIR (tests/bench/count-instructions) */
  if (argc == 4 && g_str_equal (argv[1], "--write-returning"))
    {
      write_returning_progress (argv[2], argv[3]);
      return 0;
    }

  if (argc != 6)
    {
      g_printerr ("usage: bench-startup VETO EMPTY CATALOG SHIM RUNS\n"
                  "       bench-startup --write-returning CATALOG DIR\n");
      return 2;
    }
  runs = atoi (argv[5]);

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("bench-startup needs an X display\n");
      return 2;
    }
  if (!XDamageQueryExtension (display, &damage_event_base, &error_base))
    {
      g_printerr ("bench-startup needs the X Damage extension\n");
      return 2;
    }
  XSetErrorHandler (on_x_error);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);

  first_run = g_dir_make_tmp ("veto-bench-XXXXXX", NULL);
  returning = g_dir_make_tmp ("veto-bench-XXXXXX", NULL);
  write_returning_progress (argv[3], returning);

  g_print ("start-up until the first frame, Veto vs an empty libadwaita window of the same size,\n"
           "started alternately, %d runs each (medians; ratios from the same run):\n", runs);

  /* VETO_BENCH_QUICK: the first case only (first run, 760 px, cairo),
   * e.g. to compare `veto` with `veto-window` (the launcher's cost) */
  quick = g_getenv ("VETO_BENCH_QUICK") != NULL;

  for (guint r = 0; r < (quick ? 1 : G_N_ELEMENTS (renderers)); r++)
    for (guint s = 0; s < (quick ? 1 : G_N_ELEMENTS (scenarios)); s++)
      for (guint w = 0; w < (quick ? 1 : G_N_ELEMENTS (widths)); w++)
        {
          g_autoptr(Series) veto = series_new ();
          g_autoptr(Series) empty = series_new ();
          g_autoptr(Series) words = series_new ();
          g_autoptr(Series) warm = series_new ();
          g_auto(GStrv) words_env = NULL;
          g_auto(GStrv) env = g_strdupv (base_env);
          g_autofree char *scenario_label = NULL;

          env = g_environ_setenv (env, "XDG_STATE_HOME", s == 0 ? first_run : returning, TRUE);
          env = g_environ_setenv (env, "BENCH_WIDTH", widths[w], TRUE);
          env = g_environ_setenv (env, "LD_PRELOAD", argv[4], TRUE);
          if (renderers[r] != NULL)
            env = g_environ_setenv (env, "GSK_RENDERER", renderers[r], TRUE);
          else
            env = g_environ_unsetenv (env, "GSK_RENDERER");

          /* a third program: the empty window showing the page's words
           * (bench-empty-window.c), what the text alone costs */
          words_env = g_environ_setenv (g_strdupv (env), "BENCH_WORDS", s == 0 ? "welcome" : "overview", TRUE);

          /* one warm-up each: fonts, icons and shaders into caches */
          run_once (display, argv[1], env, warm);
          run_once (display, argv[2], env, warm);
          run_once (display, argv[2], words_env, warm);

          for (int i = 0; i < runs; i++)
            {
              run_once (display, argv[1], env, veto);
              run_once (display, argv[2], env, empty);
              run_once (display, argv[2], words_env, words);
            }

          scenario_label = g_strdup_printf ("%s, %s px, %s renderer", scenarios[s], widths[w],
                                            renderers[r] ? renderers[r] : "default");
          g_print ("  %s:\n", scenario_label);
          g_print ("    mapped       Veto %6.1f ms   empty %6.1f ms   ratio %.2f\n",
                   median (veto->mapped), median (empty->mapped), median (veto->mapped) / median (empty->mapped));
          g_print ("    first frame  Veto %6.1f ms   empty %6.1f ms   ratio %.2f\n",
                   median (veto->frame), median (empty->frame), median (veto->frame) / median (empty->frame));
          g_print ("    peak memory  Veto %6.1f MiB  empty %6.1f MiB  ratio %.2f\n",
                   median (veto->kib) / 1024, median (empty->kib) / 1024, median (veto->kib) / median (empty->kib));
          g_print ("    the empty window showing the page's words: first frame %6.1f ms (ratio to empty %.2f); "
                   "Veto / it: %.2f\n",
                   median (words->frame), median (words->frame) / median (empty->frame),
                   median (veto->frame) / median (words->frame));
        }

  XCloseDisplay (display);
  return 0;
}
