/* bench-core.c: catalog load time, progress save latency, `veto --status`
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-core CATALOG VETO BENCHDIR
 *
 * CATALOG is the built catalog (meta.steps), VETO the built binary,
 * BENCHDIR where the floor programs are. Prints medians; synthetic
 * catalogs of 100, 1,000 and 10,000 steps show how the load time grows
 * (linearly: time per step about constant), against GKeyFile's own parse
 * of the same text. The command line's CPU time (user + system, of the
 * whole process and the programs it execs, from wait4()) is compared to
 * a program that does nothing, linked to the same libraries.
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "veto-catalog.h"
#include "veto-catalog-keys.h"
#include "veto-progress-store.h"

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median_ms (GArray *values)
{
  g_array_sort (values, compare);
  return g_array_index (values, double, values->len / 2);
}

static GBytes *
synthetic_catalog (guint n_steps)
{
  GString *s = g_string_new ("[Catalog]\nFormat=1\nVersion=1\nPublished=2026-11-29\nName=Synthetic\nName[fr]=Synthétique\n\n"
                             "[Region eu]\nName=EU\nDescription=d\n\n[Region other]\nName=Other\nDescription=d\n\n");

  /* at most VETO_CATALOG_MAX_APP_STEPS steps an app */
  guint n_apps = MAX (10, (n_steps + VETO_CATALOG_MAX_APP_STEPS - 1) / VETO_CATALOG_MAX_APP_STEPS);

  for (guint a = 0; a < n_apps; a++)
    g_string_append_printf (s, "[App app%u]\nName=App %u\nDescription=What Meta may use.\n\n", a, a);

  for (guint i = 0; i < n_steps; i++)
    g_string_append_printf (s,
                            "[Step app%u-step%u]\nApp=app%u\nTitle=Step %u\nTitle[fr]=Démarche %u\n"
                            "Description=What it does and why, in two sentences.\n"
                            "Kind=form\nRegions=eu;\nPerAccount=true\nConfidence=high\nLastVerified=2026-10-02\n"
                            "RecheckDays=180\nUrl=https://www.facebook.com/help/contact/%u\n"
                            "FallbackUrls=https://www.facebook.com/help/contact/1;\n"
                            "Sources=https://about.fb.com/news/;\n\n",
                            i % n_apps, i, i % n_apps, i, i, i);

  return g_string_free_to_bytes (s);
}

static double
time_load (GBytes *bytes,
           guint   runs)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(VetoCatalog) catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
      double elapsed = (g_get_monotonic_time () - start) / 1000.0;

      if (catalog == NULL)
        g_error ("%s", error->message);
      g_array_append_val (ms, elapsed);
    }

  return median_ms (ms);
}

/* The floor: GKeyFile's own parse of the same text, with the flags the
 * catalog loader uses; with @with_free, freeing it too (the loader frees
 * its GKeyFile). The loader should cost at most twice the parse. */
static double
time_parse (GBytes   *bytes,
            guint     runs,
            gboolean  with_free)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      GKeyFile *keyfile = g_key_file_new ();
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      if (!g_key_file_load_from_data (keyfile, data, len, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
        g_error ("%s", error->message);
      if (with_free)
        g_key_file_unref (keyfile);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      if (!with_free)
        g_key_file_unref (keyfile);
      g_array_append_val (ms, elapsed);
    }

  return median_ms (ms);
}

/* CPU time (user + system) of a whole process, the programs it execs
 * included, from wait4(); the median of @runs. */
static double
cpu_ms (const char * const *argv,
        char              **env,
        guint               runs)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      struct rusage ru;
      double cpu;
      GPid pid;
      int status;

      if (!g_spawn_async (NULL, (char **)argv, env,
                          G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                          NULL, NULL, &pid, &error))
        g_error ("%s: %s", argv[0], error->message);
      if (wait4 (pid, &status, 0, &ru) < 0)
        g_error ("wait4: %s", g_strerror (errno));
      g_spawn_close_pid (pid);

      cpu = ru.ru_utime.tv_sec * 1000.0 + ru.ru_utime.tv_usec / 1000.0 +
            ru.ru_stime.tv_sec * 1000.0 + ru.ru_stime.tv_usec / 1000.0;
      g_array_append_val (ms, cpu);
    }

  return median_ms (ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) real = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("veto-bench-XXXXXX", NULL);
  guint sizes[] = { 100, 1000, 10000 };

  /* `bench-core --once load|parse N`: one load, or one GKeyFile parse,
   * of a synthetic catalog of N steps, for callgrind to count (tests/bench/run) */
  if (argc == 4 && g_str_equal (argv[1], "--once"))
    {
      g_autoptr(GBytes) bytes = synthetic_catalog ((guint)atoi (argv[3]));

      if (g_str_equal (argv[2], "load"))
        {
          g_autoptr(VetoCatalog) catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);

          g_assert_no_error (error);
        }
      else
        {
          gsize len;
          const char *data = g_bytes_get_data (bytes, &len);
          GKeyFile *keyfile = g_key_file_new ();

          g_key_file_load_from_data (keyfile, data, len, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
          g_assert_no_error (error);
          g_key_file_unref (keyfile);
        }
      return 0;
    }

  if (argc != 4)
    {
      g_printerr ("usage: bench-core CATALOG VETO BENCHDIR\n");
      return 2;
    }

  /* 1. the catalog */
  {
    g_autoptr(GFile) file = g_file_new_for_path (argv[1]);

    real = g_file_load_bytes (file, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_print ("catalog load (median):\n");
  {
    g_autoptr(VetoCatalog) c = veto_catalog_new_from_bytes (real, VETO_CATALOG_FLAGS_NONE, NULL);

    g_print ("  the real catalog (%u steps, %zu KiB): %.2f ms\n",
             g_list_model_get_n_items (veto_catalog_get_steps (c)),
             g_bytes_get_size (real) / 1024, time_load (real, 50));
  }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GBytes) bytes = synthetic_catalog (sizes[i]);
      guint runs = sizes[i] >= 10000 ? 15 : 21;
      double ms, parse;

      double parse_free;

      /* alternate, so that both see the same machine */
      ms = time_load (bytes, runs);
      parse = time_parse (bytes, runs, FALSE);
      parse_free = time_parse (bytes, runs, TRUE);
      ms = MIN (ms, time_load (bytes, runs));
      parse = MIN (parse, time_parse (bytes, runs, FALSE));
      parse_free = MIN (parse_free, time_parse (bytes, runs, TRUE));

      g_print ("  %6u steps (%5zu KiB): %8.2f ms, %.1f us per step\n"
               "      GKeyFile parse %.2f ms: ratio %.2f (goal <= 2); parse and free %.2f ms: ratio %.2f\n",
               sizes[i], g_bytes_get_size (bytes) / 1024, ms, ms * 1000 / sizes[i],
               parse, ms / parse, parse_free, ms / parse_free);
    }
  if (g_getenv ("VETO_BENCH_CATALOG_ONLY") != NULL)
    return 0;

  /* 2. saving: every change is a whole atomic write with fsync */
  {
    g_autofree char *path = g_build_filename (tmp, "veto", "progress.ini", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(VetoProgressStore) store = veto_progress_store_new (file, NULL);
    g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

    veto_progress_store_load (store, NULL);
    veto_progress_store_set_region (store, "eu");
    veto_progress_store_set_app (store, "facebook", TRUE);
    for (guint i = 0; i < 200; i++)
      {
        gint64 start = g_get_monotonic_time ();
        double elapsed;

        veto_progress_store_set_state (store, "facebook-object", "1",
                                       i % 2 ? VETO_STEP_STATE_SUBMITTED : VETO_STEP_STATE_TODO);
        elapsed = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (ms, elapsed);
      }
    g_print ("progress save (one change, atomic write with fsync), median of 200: %.2f ms\n", median_ms (ms));
  }

  /* 3. the command line, whole processes, CPU time */
  {
    g_auto(GStrv) env = g_get_environ ();
    g_autofree char *floor_gio = g_build_filename (argv[3], "bench-floor-gio", NULL);
    g_autofree char *floor_full = g_build_filename (argv[3], "bench-floor-full", NULL);
    g_autofree char *floor_pdf = g_build_filename (argv[3], "bench-floor-pdf", NULL);
    g_autofree char *md = g_build_filename (tmp, "record.md", NULL);
    g_autofree char *pdf = g_build_filename (tmp, "record.pdf", NULL);
    g_autofree char *md_arg = g_strconcat ("--export=", md, NULL);
    g_autofree char *pdf_arg = g_strconcat ("--export=", pdf, NULL);
    const char *status_argv[] = { argv[2], "--status", NULL };
    const char *md_argv[] = { argv[2], md_arg, NULL };
    const char *pdf_argv[] = { argv[2], pdf_arg, NULL };
    const char *gio_argv[] = { floor_gio, NULL };
    const char *full_argv[] = { floor_full, NULL };
    const char *one_line_argv[] = { floor_pdf, NULL };
    double status, markdown, pdf_ms, gio, full, one_line;
    guint runs = 31;

    /* the progress saved above: a region, an app, a step */
    env = g_environ_setenv (env, "XDG_STATE_HOME", tmp, TRUE);
    env = g_environ_setenv (env, "XDG_CACHE_HOME", tmp, TRUE);
    gio = cpu_ms (gio_argv, env, runs);
    status = cpu_ms (status_argv, env, runs);
    markdown = cpu_ms (md_argv, env, runs);
    full = cpu_ms (full_argv, env, runs);
    pdf_ms = cpu_ms (pdf_argv, env, runs);
    one_line = cpu_ms (one_line_argv, env, runs);

    g_print ("command line, CPU time of the whole process (median of %u):\n", runs);
    g_print ("  veto --status          %6.2f ms (goal < 8 ms); floor (GLib + GIO, empty main) %.2f ms: ratio %.2f\n",
             status, gio, status / gio);
    g_print ("  veto --export=x.md     %6.2f ms (goal < 8 ms); same floor: ratio %.2f\n",
             markdown, markdown / gio);
    g_print ("  veto --export=x.pdf    %6.2f ms; floor (GLib, GIO, GModule, Pango, cairo) %.2f ms: ratio %.2f (goal <= 2)\n"
             "                         a PDF of one line of text, same fonts %.2f ms: ratio %.2f\n",
             pdf_ms, full, pdf_ms / full, one_line, pdf_ms / one_line);
  }

  return 0;
}
