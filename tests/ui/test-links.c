/* test-links.c: "Check links" against a real SoupServer on 127.0.0.1
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "test-server.h"
#include "ui-util.h"
#include "veto-i18n.h"
#include "veto-links-page.h"
#include "veto-resources.h"

static void
handler (TestServer        *ts,
         SoupServerMessage *msg,
         const char        *method,
         const char        *path,
         gpointer           user_data)
{
  if (g_str_equal (path, "/form") || g_str_equal (path, "/login") || g_str_equal (path, "/source"))
    test_server_reply (msg, SOUP_STATUS_OK, "fine");
  else if (g_str_equal (path, "/moved-form"))
    test_server_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/login");
  else
    test_server_reply (msg, SOUP_STATUS_NOT_FOUND, "gone");
}

static char *
catalog_text (TestServer *ts)
{
  g_autofree char *form = test_server_url (ts, "/form");
  g_autofree char *moved = test_server_url (ts, "/moved-form");
  g_autofree char *gone = test_server_url (ts, "/gone");
  g_autofree char *source = test_server_url (ts, "/source");

  return g_strdup_printf ("[Catalog]\nFormat=1\nVersion=1\nPublished=2026-11-29\nName=Test\n\n"
                          "[Region eu]\nName=EU\nDescription=d\n\n"
                          "[App facebook]\nName=Facebook\nDescription=d\n\n"
                          "[Step facebook-works]\nApp=facebook\nTitle=A form that works\nDescription=d\n"
                          "Kind=form\nRegions=all\nPerAccount=true\nConfidence=high\nLastVerified=2026-10-02\n"
                          "RecheckDays=180\nUrl=%s\nSources=%s;\n\n"
                          "[Step facebook-moved]\nApp=facebook\nTitle=A form that moved\nDescription=d\n"
                          "Kind=form\nRegions=all\nPerAccount=true\nConfidence=high\nLastVerified=2026-10-02\n"
                          "RecheckDays=180\nUrl=%s\nFallbackUrls=%s;\nInAppPath=Settings → Privacy\nSources=%s;\n\n"
                          "[Step facebook-gone]\nApp=facebook\nTitle=A form that is gone\nDescription=d\n"
                          "Kind=form\nRegions=all\nPerAccount=true\nConfidence=high\nLastVerified=2026-10-02\n"
                          "RecheckDays=180\nUrl=%s\nSources=%s;\n",
                          form, source, moved, form, source, gone, source);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_check_links (void)
{
  TestServer *ts = test_server_new (handler, NULL);
  g_autofree char *text = catalog_text (ts);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_ALLOW_LOOPBACK, &error);
  g_autoptr(VetoProgressStore) store = NULL;
  g_autoptr(VetoChecklist) checklist = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page;
  GtkWidget *row;
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  store = veto_progress_store_new (file, NULL);
  g_assert_true (veto_progress_store_load (store, NULL));
  checklist = veto_checklist_new (catalog, store);

  page = veto_links_page_new (checklist);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 720);
  gtk_window_present (GTK_WINDOW (window));
  ui_wait_for_draw (window);

  /* nothing is asked before the person asks */
  g_assert_cmpuint (test_server_get_n_requests (ts), ==, 0);

  ui_check_links (page);

  /* a result per step: two need a look, one works */
  row = find_row (page, "A form that moved");
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            g_str_equal (veto_i18n_get_language (), "fr") ? "Déplacé" : "Moved"));
  /* …offering the in-app path and the other official link */
  g_assert_nonnull (find_row (row, g_str_equal (veto_i18n_get_language (), "fr") ? "Dans l’application" : "In the app"));
  g_assert_nonnull (find_row (row, g_str_equal (veto_i18n_get_language (), "fr") ? "Autre lien officiel" : "Other official link"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  row = find_row (page, "A form that is gone");
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            g_str_equal (veto_i18n_get_language (), "fr") ? "Cassé" : "Broken"));

  row = find_row (page, "A form that works");
  g_assert_true (ADW_IS_ACTION_ROW (row));

  /* no cookie, nothing about the person */
  test_server_assert_private (ts);

  ui_iterate (300);
  g_free (ui_screenshot (window, g_str_equal (veto_i18n_get_language (), "fr") ? "links-fr" : "links-en"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
  test_server_free (ts);
}

int
main (int   argc,
      char *argv[])
{
  ui_init (&argc, &argv);
  /* no VetoApplication here to register the templates */
  veto_register_resource ();

  g_test_add_func ("/links/check", test_check_links);

  return g_test_run ();
}
