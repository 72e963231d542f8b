/* bench-links.c: how long checking 30 slow links takes
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "veto-link-checker.h"
#include "test-server.h"

/* 30 links behind one local server that answers each request after 300 ms:
 * checked one after the other, that is 9 s at least. The checker runs a
 * few requests per host at once, so it should take a fraction of that.
 * Each configuration is timed several times; the median is printed. */

#define N_LINKS 30
#define DELAY_MS 300

static void
handler (TestServer        *ts,
         SoupServerMessage *msg,
         const char        *method,
         const char        *path,
         gpointer           user_data)
{
  test_server_delay (ts, msg, DELAY_MS, SOUP_STATUS_OK);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static double
check_once (TestServer *ts,
            guint       max_per_host)
{
  g_autoptr(VetoLinkChecker) checker = g_object_new (VETO_TYPE_LINK_CHECKER,
                                                     "max-per-host", max_per_host, NULL);
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;

  for (guint i = 0; i < N_LINKS; i++)
    {
      g_autofree char *path = g_strdup_printf ("/page/%u", i);
      g_ptr_array_add (urls, test_server_url (ts, path));
    }
  g_ptr_array_add (urls, NULL);

  start = g_get_monotonic_time ();
  veto_link_checker_check_urls_async (checker, (const char * const *)urls->pdata, NULL,
                                      on_checked, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  results = veto_link_checker_check_finish (checker, result, &error);
  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  g_assert_no_error (error);
  for (guint i = 0; i < N_LINKS; i++)
    {
      g_autoptr(VetoLinkResult) r = g_list_model_get_item (results, i);
      g_assert_cmpint (veto_link_result_get_verdict (r), ==, VETO_LINK_VERDICT_OK);
    }

  return seconds;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (TestServer *ts,
        guint       max_per_host,
        guint       runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      double t = check_once (ts, max_per_host);
      g_array_append_val (times, t);
    }
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, runs / 2);
}

int
main (int   argc,
      char *argv[])
{
  const double serial_bound = N_LINKS * DELAY_MS / 1000.0;
  guint runs;
  TestServer *ts;

  setlocale (LC_ALL, "");
  runs = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 5;
  ts = test_server_new (handler, NULL);
  guint configs[] = { 1, 2, VETO_LINK_CHECKER_DEFAULT_MAX_PER_HOST };

  if (runs == 0)
    runs = 1;

  g_print ("%u links on one local server, each answer delayed %u ms (median of %u runs)\n",
           N_LINKS, DELAY_MS, runs);
  g_print ("  %-32s %6.2f s\n", "serial bound", serial_bound);

  for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
    {
      /* the serial case is slow and only confirms the bound: once */
      double t = median (ts, configs[i], configs[i] == 1 ? 1 : runs);
      g_autofree char *label = g_strdup_printf ("at most %u per host%s", configs[i],
                                                configs[i] == VETO_LINK_CHECKER_DEFAULT_MAX_PER_HOST ? " (default)" : "");

      g_print ("  %-32s %6.2f s   %4.1f× faster than the serial bound\n",
               label, t, serial_bound / t);
    }

  /* all the requests the server saw were HEADs from Veto, and private */
  test_server_assert_private (ts);
  test_server_free (ts);

  return 0;
}
