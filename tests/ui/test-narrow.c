/* test-narrow.c: at a 360-pixel request (a phone), every window and every
 * page of Veto is 360 pixels wide, not wider
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ui-no-names.h"
#include "ui-util.h"
#include "veto-links-page.h"
#include "veto-application.h"
#include "veto-i18n.h"
#include "veto-window.h"

#define NARROW 360

static VetoApplication *app;

/* The deepest widgets under @root whose minimum width is above @limit:
 * what to fix when the window comes out wider. */
static void
describe_too_wide (GtkWidget *root,
                   int        limit,
                   GString   *out)
{
  gboolean child_too_wide = FALSE;
  int min = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > limit - 20)
        {
          child_too_wide = TRUE;
          describe_too_wide (child, limit, out);
        }
    }

  if (!child_too_wide)
    {
      gtk_widget_measure (root, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_string_append_printf (out, "\n  %s (%s) wants %d px", G_OBJECT_TYPE_NAME (root),
                              GTK_IS_LABEL (root) ? gtk_label_get_text (GTK_LABEL (root)) : "", min);
    }
}

/* A window asked for a new size (Preferences, already on screen when the
 * test asks for 360 px) gets it when the X server's configure comes back,
 * which under valgrind can take longer than one frame. */
static gboolean
fits_narrow (gpointer window)
{
  return gtk_widget_get_width (window) <= NARROW;
}

static void
assert_narrow (GtkWidget  *window,
               const char *page)
{
  g_autofree char *name = g_strdup_printf ("narrow-%s-%s", page, veto_i18n_get_language ());
  g_autofree char *path = NULL;
  int width;

  ui_wait_for_draw (window);
  ui_wait_until (fits_narrow, window);
  ui_wait_for_draw (window);
  /* the window as the screen has it, its frame included */
  width = gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
  g_assert_cmpint (gtk_widget_get_width (window), <=, NARROW);
  path = ui_screenshot (window, name);
  if (width != NARROW)
    {
      g_autoptr(GString) why = g_string_new (NULL);

      describe_too_wide (window, NARROW, why);
      g_error ("%s: the window is %d px wide at a %d px request:%s", page, width, NARROW, why->str);
    }
}

/* The buttons bound to win.next under @root that are on screen. */
static void
collect_next (GtkWidget  *root,
              GPtrArray  *found)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.next") == 0 &&
      gtk_widget_is_drawable (root))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_next (child, found);
}

/* One Next on screen: in the bottom bar when @narrow, else in the header
 * bar, which then has room for the title. */
static void
assert_next_where (GtkWidget *window,
                   gboolean   narrow)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkWidget *next;

  collect_next (window, found);
  g_assert_cmpuint (found->len, ==, 1);
  next = g_ptr_array_index (found, 0);
  g_assert_true (gtk_widget_is_sensitive (next));
  g_assert_true ((gtk_widget_get_ancestor (next, GTK_TYPE_ACTION_BAR) != NULL) == narrow);
  g_assert_true ((gtk_widget_get_ancestor (next, ADW_TYPE_HEADER_BAR) != NULL) == !narrow);
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (window)) == next);
}

static void
test_every_page (void)
{
  VetoCatalog *catalog = veto_application_get_catalog (app);
  GListModel *apps = veto_catalog_get_apps (catalog);
  VetoWindow *window;
  GtkWindow *preferences = NULL;
  VetoLinkChecker *checker;
  GList *toplevels;

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  g_assert_nonnull (window);
  /* as a phone's compositor asks, before the first frame */
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW, 720);

  g_assert_cmpstr (veto_window_get_page (window), ==, "welcome");
  assert_narrow (GTK_WIDGET (window), "welcome");

  ui_act (ui_main_window (app), "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "region");
  assert_narrow (GTK_WIDGET (window), "region");

  ui_act (ui_main_window (app), "win.region", "s", "eu");
  ui_wait_for_draw (GTK_WIDGET (window));
  assert_next_where (GTK_WIDGET (window), TRUE);
  {
    /* the title has the header bar's room: not cut to "…" */
    GtkWidget *title = ui_find_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);
    GtkWidget *label = ui_find_label (title, adw_window_title_get_title (ADW_WINDOW_TITLE (title)));
    PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));

    g_assert_nonnull (label);
    g_assert_false (pango_layout_is_ellipsized (layout));
  }
  assert_narrow (GTK_WIDGET (window), "region-chosen");
  /* wider again: Next goes back to the header bar */
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 720);
  ui_wait_for_draw (GTK_WIDGET (window));
  ui_iterate (100);
  assert_next_where (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW, 720);
  ui_wait_for_draw (GTK_WIDGET (window));
  ui_iterate (100);
  assert_next_where (GTK_WIDGET (window), TRUE);
  ui_act (ui_main_window (app), "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "apps");
  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) a = g_list_model_get_item (apps, i);

      ui_act (ui_main_window (app), "win.set-app-used", "(sb)", veto_app_get_id (a), TRUE);
    }
  assert_narrow (GTK_WIDGET (window), "apps");

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) a = g_list_model_get_item (apps, i);
      g_autofree char *page = g_strconcat ("app:", veto_app_get_id (a), NULL);

      ui_act (ui_main_window (app), "win.next", NULL);
      g_assert_cmpstr (veto_window_get_page (window), ==, page);
      assert_narrow (GTK_WIDGET (window), page + 4);
    }

  ui_act (ui_main_window (app), "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "done");
  assert_narrow (GTK_WIDGET (window), "done");

  ui_act (ui_main_window (app), "win.show-dashboard", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "dashboard");
  assert_narrow (GTK_WIDGET (window), "dashboard");

  /* the links page with a result per link: Meta's names are not found
   * here (ui-no-names.c), so the check ends at once, on this computer */
  ui_act (ui_main_window (app), "win.check-links", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "links");
  checker = veto_links_page_get_checker (VETO_LINKS_PAGE (veto_window_get_page_widget (window, "links")));
  while (veto_link_checker_get_running (checker))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ui_no_names_get_n_asked (), >, 0);
  assert_narrow (GTK_WIDGET (window), "links");

  /* Preferences, a window of its own, asked for at the same width */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_iterate (200);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      preferences = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (preferences);
  gtk_window_set_default_size (preferences, NARROW, 600);
  assert_narrow (GTK_WIDGET (preferences), "preferences");

  gtk_window_destroy (preferences);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ui_init (&argc, &argv);
  app = ui_app_new ();

  g_test_add_func ("/narrow/every-page", test_every_page);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
