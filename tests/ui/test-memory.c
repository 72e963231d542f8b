/* test-memory.c: Veto's memory does not grow with use: wizard pages are
 * released when left, Preferences is made once, and switching the
 * language back and forth leaves the heap as it was
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <malloc.h>

#include "ui-util.h"
#include "veto-application.h"
#include "veto-i18n.h"
#include "veto-window.h"

static VetoApplication *app;

/* Bytes in use on the heap, small blocks and mmapped ones. */
static gsize
heap_in_use (void)
{
  struct mallinfo2 info;

  /* let idle callbacks and pending frees run first */
  ui_iterate (200);
  malloc_trim (0);
  info = mallinfo2 ();
  return info.uordblks + info.hblkhd;
}

static GList *
visible_preferences (void)
{
  GList *found = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      found = g_list_prepend (found, l->data);
  g_list_free (toplevels);
  return found;
}

/* From the summary, through the wizard again to the summary. */
static void
walk_again (VetoWindow *window,
            guint       n_apps)
{
  ui_act (ui_main_window (app), "win.run-wizard", NULL);
  ui_act (ui_main_window (app), "win.next", NULL);
  ui_act (ui_main_window (app), "win.next", NULL);
  for (guint i = 0; i <= n_apps; i++)
    {
      ui_act (ui_main_window (app), "win.next", NULL);
      ui_wait_for_draw (GTK_WIDGET (window));
    }
  g_assert_cmpstr (veto_window_get_page (window), ==, "done");
  ui_iterate (500);
}

static void
test_wizard_pages_released (void)
{
  GListModel *apps = veto_catalog_get_apps (veto_application_get_catalog (app));
  VetoWindow *window;
  GtkWidget *pages[16] = { NULL, };
  guint n_apps = MIN (g_list_model_get_n_items (apps), G_N_ELEMENTS (pages));
  gsize first_run, after_wizard, second_pass, third_pass;
  const char *wizard_pages[] = { "welcome", "region", "apps" };

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));
  /* what a first run holds: the welcome page on screen */
  first_run = heap_in_use ();

  ui_act (ui_main_window (app), "win.next", NULL);
  ui_act (ui_main_window (app), "win.region", "s", "eu");
  ui_act (ui_main_window (app), "win.next", NULL);
  for (guint i = 0; i < n_apps; i++)
    {
      g_autoptr(VetoApp) a = g_list_model_get_item (apps, i);

      ui_act (ui_main_window (app), "win.set-app-used", "(sb)", veto_app_get_id (a), TRUE);
    }

  for (guint i = 0; i < n_apps; i++)
    {
      ui_act (ui_main_window (app), "win.next", NULL);
      g_assert_true (g_str_has_prefix (veto_window_get_page (window), "app:"));
      pages[i] = veto_window_get_page_widget (window, veto_window_get_page (window));
      g_assert_nonnull (pages[i]);
      g_object_add_weak_pointer (G_OBJECT (pages[i]), (gpointer *)&pages[i]);
      ui_wait_for_draw (GTK_WIDGET (window));
    }
  ui_act (ui_main_window (app), "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "done");
  ui_wait_for_draw (GTK_WIDGET (window));
  ui_iterate (500);

  /* every app page that was left is gone */
  for (guint i = 0; i < n_apps; i++)
    if (pages[i] != NULL)
      g_error ("app page %u is still alive after the wizard left it", i);

  /* The heap after the whole wizard, against the first run's; then the
   * same walk twice more. The second walk still fills the toolkit's caches
   * once (glyphs, icons, the styles of each kind of widget: about 1.3 MiB);
   * the third must add next to nothing, or pages are kept or leak. The
   * ratio is printed for the README (issue 13 asks for 1.5 or less and
   * measured 3.5). */
  after_wizard = heap_in_use ();
  walk_again (window, n_apps);
  second_pass = heap_in_use ();
  walk_again (window, n_apps);
  third_pass = heap_in_use ();
  g_test_message ("heap: %zu KiB on the welcome page, %zu KiB after the whole wizard and %u app pages (%.2f×), "
                  "%zu KiB after a second pass (%+zd KiB), %zu KiB after a third (%+zd KiB)",
                  first_run / 1024, after_wizard / 1024, n_apps, (double)after_wizard / first_run,
                  second_pass / 1024, ((gssize)second_pass - (gssize)after_wizard) / 1024,
                  third_pass / 1024, ((gssize)third_pass - (gssize)second_pass) / 1024);
  g_assert_cmpint ((gssize)second_pass - (gssize)after_wizard, <=, 2 * 1024 * 1024);
  /* A third pass costs next to nothing (+6 KiB measured): GTK 4.8 never
   * frees a section of a menu it showed, and every step row used to build
   * its ⋮ menu anew on each change (+205 KiB a pass); they are made when
   * opened now. */
  g_assert_cmpint ((gssize)third_pass - (gssize)second_pass, <=, 128 * 1024);
  /* Issue 13's bound. 1.30 measured with malloc, which `veto` asks GLib
   * 2.74 for (G_SLICE, set here by tests/meson.build as the launcher sets
   * it); 1.66 with GLib's slice allocator, which keeps freed pages in its
   * caches; 1.96 before the rows' menus and note fields were made on
   * demand. */
  if (first_run > 0)
    g_assert_cmpfloat ((double)after_wizard / first_run, <=, 1.5);
  else
    /* ASan's allocator is not malloc's: mallinfo2() says 0 throughout */
    g_test_message ("the heap cannot be measured in this build");

  /* the pages before the summary are gone too */
  for (guint i = 0; i < G_N_ELEMENTS (wizard_pages); i++)
    g_assert_null (veto_window_get_page_widget (window, wizard_pages[i]));

  /* and comes back when asked for again */
  ui_act (ui_main_window (app), "win.back", NULL);
  g_assert_true (g_str_has_prefix (veto_window_get_page (window), "app:"));
  g_assert_nonnull (veto_window_get_page_widget (window, veto_window_get_page (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

static void
test_preferences_once (void)
{
  g_autoptr(GList) first = NULL;
  g_autoptr(GList) second = NULL;
  VetoWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_iterate (200);
  first = visible_preferences ();
  g_assert_cmpuint (g_list_length (first), ==, 1);
  gtk_window_close (first->data);
  ui_iterate (200);
  g_assert_null (visible_preferences ());

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_iterate (200);
  second = visible_preferences ();
  g_assert_cmpuint (g_list_length (second), ==, 1);
  /* the same window, shown again */
  g_assert_true (second->data == first->data);

  gtk_window_close (second->data);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

static void
switch_language (guint i)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "set-language",
                                  g_variant_new_string (i % 2 ? "en" : "fr"));
  ui_wait_for_draw (GTK_WIDGET (ui_main_window (app)));
}

static void
test_language_switches (void)
{
  gsize before, after;

  g_application_activate (G_APPLICATION (app));
  ui_wait_for_draw (GTK_WIDGET (ui_main_window (app)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_iterate (200);

  /* warm-up: fonts, icons, style and translation caches fill once */
  for (guint i = 0; i < 6; i++)
    switch_language (i);
  before = heap_in_use ();

  for (guint i = 0; i < 20; i++)
    switch_language (i);
  after = heap_in_use ();

  g_test_message ("heap: %zu KiB before, %zu KiB after 20 language switches (%+zd KiB)",
                  before / 1024, after / 1024, ((gssize)after - (gssize)before) / 1024);
  g_assert_cmpint ((gssize)after - (gssize)before, <=, 1024 * 1024);

  /* one Preferences window, one main window */
  {
    g_autoptr(GList) prefs = visible_preferences ();

    g_assert_cmpuint (g_list_length (prefs), ==, 1);
  }
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), <=, 2);

  /* the one window speaks the language it was switched to */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GList) prefs = NULL;

      switch_language (i);
      prefs = visible_preferences ();
      g_assert_nonnull (prefs);
      g_assert_nonnull (ui_find_label (prefs->data, i % 2 ? "Interface language" : "Langue de l’interface"));
      g_assert_nonnull (ui_find_label (prefs->data, i % 2 ? "Reset…" : "Réinitialiser…"));
      g_assert_cmpstr (gtk_window_get_title (prefs->data), ==, i % 2 ? "Preferences" : "Préférences");
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ui_init (&argc, &argv);
  app = ui_app_new ();

  g_test_add_func ("/memory/wizard-pages-released", test_wizard_pages_released);
  g_test_add_func ("/memory/preferences-once", test_preferences_once);
  g_test_add_func ("/memory/language-switches", test_language_switches);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
