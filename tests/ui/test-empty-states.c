/* test-empty-states.c: pages with nothing to show say what to do: an app
 * with no step where the person lives (on the apps page and on its own
 * page), and a summary that only shows a checkmark when nothing is left
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "test-server.h"
#include "ui-util.h"
#include "veto-app-page.h"
#include "veto-apps-page.h"
#include "veto-done-page.h"
#include "veto-i18n.h"
#include "veto-resources.h"
#include "veto-step-card.h"
#include "veto-dashboard.h"
#include "veto-row.h"

static void
handler (TestServer        *ts,
         SoupServerMessage *msg,
         const char        *method,
         const char        *path,
         gpointer           user_data)
{
  test_server_reply (msg, SOUP_STATUS_OK, "fine");
}

/* Facebook has a step only in the UK; Instagram one everywhere. */
static char *
catalog_text (TestServer *ts)
{
  g_autofree char *source = test_server_url (ts, "/source");

  return g_strdup_printf ("[Catalog]\nFormat=1\nVersion=1\nPublished=2026-11-29\nName=Test\n\n"
                          "[Region eu]\nName=EU\nDescription=d\n\n"
                          "[Region uk]\nName=UK\nDescription=d\n\n"
                          "[App facebook]\nName=Facebook\nDescription=d\n\n"
                          "[App instagram]\nName=Instagram\nDescription=d\n\n"
                          "[Step facebook-uk-only]\nApp=facebook\nTitle=Only in the UK\nDescription=Reported d.\n"
                          "Kind=setting\nRegions=uk;\nPerAccount=true\nConfidence=low\nLastVerified=2026-10-02\n"
                          "RecheckDays=180\nSources=%s;\n\n"
                          "[Step instagram-everywhere]\nApp=instagram\nTitle=Everywhere\nDescription=d.\n"
                          "Kind=setting\nRegions=all;\nPerAccount=true\nConfidence=high\nLastVerified=2026-10-02\n"
                          "RecheckDays=180\nSources=%s;\n",
                          source, source);
}

static GtkWidget *
find_status_page (GtkWidget *root)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_get_visible (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
show (GtkWidget *window,
      GtkWidget *page)
{
  gtk_window_set_child (GTK_WINDOW (window), page);
  ui_wait_for_draw (window);
  ui_iterate (100);
}

static void
test_empty_states (void)
{
  TestServer *ts = test_server_new (handler, NULL);
  g_autofree char *text = catalog_text (ts);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_ALLOW_LOOPBACK, &error);
  g_autoptr(VetoProgressStore) store = NULL;
  g_autoptr(VetoChecklist) checklist = NULL;
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean fr = g_str_equal (veto_i18n_get_language (), "fr");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page, *status;

  g_assert_no_error (error);
  store = veto_progress_store_new (file, NULL);
  g_assert_true (veto_progress_store_load (store, NULL));
  veto_progress_store_set_region (store, "eu");
  veto_progress_store_set_app (store, "facebook", TRUE);
  veto_progress_store_set_app (store, "instagram", TRUE);
  checklist = veto_checklist_new (catalog, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 720);
  gtk_window_present (GTK_WINDOW (window));

  /* the apps page warns before the person walks into an empty page */
  show (window, veto_apps_page_new (checklist));
  g_assert_nonnull (ui_find_label (window, fr ? "Rien à faire pour cette application là où vous vivez"
                                              : "Nothing to do for this app where you live"));
  g_assert_cmpuint (ui_count_type (window, ADW_TYPE_ACTION_ROW) > 0, ==, TRUE);

  /* an overview with nothing to count says so, not "0 of 0 steps" */
  veto_progress_store_set_app (store, "instagram", FALSE);
  page = veto_dashboard_new (checklist);
  show (window, page);
  g_assert_nonnull (ui_find_label (window, fr ? "Rien à faire pour vos applications là où vous vivez"
                                              : "Nothing to do for your apps where you live"));
  g_assert_null (ui_find_label (window, fr ? "Démarches faites ou envoyées\u00a0: 0 sur 0" : "0 of 0 steps done or sent"));
  g_assert_cmpuint (ui_count_type (window, VETO_TYPE_ROW), ==, 0);
  /* nothing to continue: the button is not shown, nor the space above it */
  {
    GtkWidget *label = ui_find_label (page, fr ? "Reprendre où vous en étiez" : "Continue Where You Left Off");

    g_assert_nonnull (label);
    g_assert_false (gtk_widget_is_visible (label));
    g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON))));
  }
  g_free (ui_screenshot (window, fr ? "overview-nothing-to-do-fr" : "overview-nothing-to-do-en"));
  veto_progress_store_set_app (store, "instagram", TRUE);

  /* one step: the count says "step", not "steps" */
  page = veto_dashboard_new (checklist);
  show (window, page);
  g_assert_nonnull (ui_find_label (window, fr ? "Démarches faites ou envoyées\u00a0: 0 sur 1" : "0 of 1 step done or sent"));
  g_assert_true (gtk_widget_is_visible (ui_find_label (page, fr ? "Reprendre où vous en étiez"
                                                               : "Continue Where You Left Off")));

  /* Facebook's own page: a status page that says what to do, no card */
  page = veto_app_page_new (checklist, veto_catalog_lookup_app (catalog, "facebook"));
  show (window, page);
  status = find_status_page (page);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   fr ? "Rien à faire là où vous vivez" : "Nothing to Do Here Where You Live");
  g_assert_cmpuint (ui_count_type (page, VETO_TYPE_STEP_CARD), ==, 0);

  /* Instagram's page has its card and no status page */
  page = veto_app_page_new (checklist, veto_catalog_lookup_app (catalog, "instagram"));
  show (window, page);
  g_assert_null (find_status_page (page));
  g_assert_cmpuint (ui_count_type (page, VETO_TYPE_STEP_CARD), ==, 1);

  /* the summary: no checkmark while a step is open, one when none is */
  page = veto_done_page_new (checklist);
  show (window, page);
  status = find_status_page (page);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status)), !=, "emblem-ok-symbolic");

  {
    g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, "instagram");

    for (guint i = 0; accounts[i] != NULL; i++)
      veto_progress_store_set_state (store, "instagram-everywhere", accounts[i], VETO_STEP_STATE_DONE);
  }
  ui_iterate (200);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status)), ==, "emblem-ok-symbolic");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
  test_server_free (ts);
}

int
main (int   argc,
      char *argv[])
{
  ui_init (&argc, &argv);
  veto_register_resource ();
  g_test_add_func ("/empty-states", test_empty_states);
  return g_test_run ();
}
