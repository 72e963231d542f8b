/* test-hostile-text.c: text from data is shown as text, on every page
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
#include "veto-dashboard.h"
#include "veto-done-page.h"
#include "veto-links-page.h"
#include "veto-region-page.h"
#include "veto-resources.h"

/* The person's own words (account labels, notes) are not validated, and a
 * catalog may hold "&" and "<" as text: a row that read them as markup would
 * show a link to anything, or go blank with a warning (fatal here). */
#define HOSTILE_LABEL "<a href=\"file:///etc/passwd\">R&D</a>"
#define HOSTILE_NOTE "<b>bold</b> & <i>italic"
#define CATALOG_TITLE "Object at R&D, < 16 & >"
#define CATALOG_APP "Face & Book <3"
#define CATALOG_REGION "Union & Co <2>"

static void
handler (TestServer        *ts,
         SoupServerMessage *msg,
         const char        *method,
         const char        *path,
         gpointer           user_data)
{
  test_server_reply (msg, SOUP_STATUS_NOT_FOUND, "gone");
}

static char *
catalog_text (TestServer *ts)
{
  g_autofree char *form = test_server_url (ts, "/form?x=1&y=2");

  return g_strdup_printf ("[Catalog]\nFormat=1\nVersion=1\nPublished=2026-11-29\nName=Test & co\n\n"
                          "[Region eu]\nName=" CATALOG_REGION "\nDescription=Rights & duties < 1\n\n"
                          "[App facebook]\nName=" CATALOG_APP "\nDescription=Posts & photos\n\n"
                          "[Step facebook-form]\nApp=facebook\nTitle=" CATALOG_TITLE "\n"
                          "Description=Send it & wait < 30 days\n"
                          "Kind=form\nRegions=all\nPerAccount=true\nConfidence=low\nLastVerified=2026-10-02\n"
                          "RecheckDays=180\nUrl=%s\nFallbackUrls=%s;\nInAppPath=Settings & privacy → AI\n"
                          "Caveats=Not all & not always\nSources=%s;\n",
                          form, form, form);
}

/* Every row shows its title and subtitle as text, and no label anywhere
 * that does parse markup carries a tag that came from data. */
static void
assert_plain (GtkWidget  *root,
              const char *where)
{
  if (ADW_IS_PREFERENCES_ROW (root) && adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (root)))
    g_error ("%s: a row reads “%s” as markup", where,
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));

  if (GTK_IS_LABEL (root) && gtk_label_get_use_markup (GTK_LABEL (root)))
    {
      const char *raw = gtk_label_get_label (GTK_LABEL (root));

      if (strstr (raw, "<a ") != NULL || strstr (raw, "<b>") != NULL || strstr (raw, "<i>") != NULL)
        g_error ("%s: a label parses data as markup: “%s”", where, raw);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    assert_plain (child, where);
}

/* What a person sees: @text, verbatim, in a label on screen or in an
 * editable's text. */
static void
expand_all (GtkWidget *root)
{
  if (GTK_IS_EXPANDER (root))
    gtk_expander_set_expanded (GTK_EXPANDER (root), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  /* an overview row's one-line subtitle (veto_row_set_subtitle_one_line()) */
  if (GTK_IS_INSCRIPTION (root) && gtk_inscription_get_text (GTK_INSCRIPTION (root)) != NULL &&
      strstr (gtk_inscription_get_text (GTK_INSCRIPTION (root)), text) != NULL)
    return TRUE;
  if (GTK_IS_EDITABLE (root) && strstr (gtk_editable_get_text (GTK_EDITABLE (root)), text) != NULL)
    return TRUE;
  if (GTK_IS_TEXT_VIEW (root))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (root));
      GtkTextIter start, end;
      g_autofree char *contents = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      contents = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (strstr (contents, text) != NULL)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows (child, text))
      return TRUE;

  return FALSE;
}

static void
show_page (GtkWidget  *window,
           GtkWidget  *page,
           const char *where)
{
  gtk_window_set_child (GTK_WINDOW (window), page);
  ui_wait_for_draw (window);
  ui_iterate (100);
  assert_plain (page, where);
}

static void
test_hostile_text (void)
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
  g_autofree char *account = NULL;
  g_autofree char *url = test_server_url (ts, "/form?x=1&y=2");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page;

  g_assert_no_error (error);
  store = veto_progress_store_new (file, NULL);
  g_assert_true (veto_progress_store_load (store, NULL));
  veto_progress_store_set_region (store, "eu");
  veto_progress_store_set_app (store, "facebook", TRUE);
  account = veto_progress_store_add_account (store, "facebook", HOSTILE_LABEL);
  veto_progress_store_set_state (store, "facebook-form", account, VETO_STEP_STATE_SUBMITTED);
  veto_progress_store_set_note (store, "facebook-form", account, HOSTILE_NOTE);
  /* a second account, so that cards name each (a lone one goes unnamed) */
  g_free (veto_progress_store_add_account (store, "facebook", "Work"));
  checklist = veto_checklist_new (catalog, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 720);
  gtk_window_present (GTK_WINDOW (window));

  show_page (window, veto_region_page_new (checklist), "region page");
  g_assert_true (shows (window, CATALOG_REGION));
  /* the region's law is folded away, there once unfolded */
  expand_all (window);
  g_assert_true (shows (window, "Rights & duties < 1"));

  show_page (window, veto_apps_page_new (checklist), "apps page");
  g_assert_true (shows (window, CATALOG_APP));
  g_assert_true (shows (window, "Posts & photos"));
  g_assert_true (shows (window, HOSTILE_LABEL));

  show_page (window, veto_app_page_new (checklist, veto_catalog_lookup_app (catalog, "facebook")), "app page");
  g_assert_true (shows (window, CATALOG_TITLE));
  /* the path in the app is under a card's Details */
  expand_all (window);
  g_assert_true (shows (window, "Settings & privacy → AI"));
  g_assert_true (shows (window, HOSTILE_LABEL));
  g_assert_true (shows (window, HOSTILE_NOTE));

  show_page (window, veto_dashboard_new (checklist), "overview");
  g_assert_true (shows (window, CATALOG_APP));
  g_assert_true (shows (window, HOSTILE_LABEL));

  show_page (window, veto_done_page_new (checklist), "summary");

  page = veto_links_page_new (checklist);
  show_page (window, page, "links page");
  ui_check_links (page);
  assert_plain (page, "links page, after a check");
  /* a URL with "&" in its query, in a row: once blank with a warning */
  g_assert_true (shows (page, url));
  g_assert_true (shows (page, CATALOG_TITLE));

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

  g_test_add_func ("/hostile-text/shown-as-text", test_hostile_text);

  return g_test_run ();
}
