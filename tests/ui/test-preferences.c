/* test-preferences.c: switching the language at once, and starting over
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ui-util.h"
#include "veto-application.h"
#include "veto-i18n.h"
#include "veto-preferences-window.h"
#include "veto-window.h"

static VetoApplication *app;

static GtkWidget *
preferences_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (VETO_IS_PREFERENCES_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
test_language_switch (void)
{
  VetoWindow *before, *after;
  g_autofree char *saved = NULL;
  const char *system = veto_i18n_get_language ();
  const char *other = g_str_equal (system, "fr") ? "en" : "fr";

  g_application_activate (G_APPLICATION (app));
  before = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (before));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (before), g_str_equal (system, "fr") ? "Bienvenue" : "Welcome"));

  /* Preferences open from the menu's action */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_iterate (200);
  g_assert_nonnull (preferences_window ());
  gtk_window_destroy (GTK_WINDOW (preferences_window ()));

  /* the other language, applied at once: a new window, in that language */
  g_action_group_activate_action (G_ACTION_GROUP (app), "set-language", g_variant_new_string (other));
  ui_iterate (300);
  after = ui_main_window (app);
  g_assert_nonnull (after);
  g_assert_true (after != before);
  ui_wait_for_draw (GTK_WIDGET (after));
  g_assert_cmpstr (veto_i18n_get_language (), ==, other);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (after), g_str_equal (other, "fr") ? "Bienvenue" : "Welcome"));
  /* the preferences came back, so the person sees the change took */
  g_assert_nonnull (preferences_window ());

  saved = ui_progress_file ();
  g_assert_nonnull (strstr (saved, g_str_equal (other, "fr") ? "Language=fr" : "Language=en"));

  /* and back to the system's */
  g_action_group_activate_action (G_ACTION_GROUP (app), "set-language", g_variant_new_string (""));
  ui_iterate (300);
  g_assert_cmpstr (veto_i18n_get_language (), ==, system);
  g_clear_pointer (&saved, g_free);
  saved = ui_progress_file ();
  g_assert_null (strstr (saved, "Language="));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  ui_iterate (50);
}

static void
test_reset (void)
{
  VetoProgressStore *store = veto_application_get_store (app);
  VetoWindow *window;
  g_autofree char *saved = NULL;

  veto_progress_store_set_region (store, "uk");
  veto_progress_store_set_app (store, "instagram", TRUE);
  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (veto_window_get_page (window), ==, "dashboard");

  g_action_group_activate_action (G_ACTION_GROUP (app), "reset-progress", NULL);
  ui_iterate (300);
  window = ui_main_window (app);
  g_assert_cmpstr (veto_window_get_page (window), ==, "welcome");
  saved = ui_progress_file ();
  g_assert_null (strstr (saved, "Region="));
  g_assert_null (strstr (saved, "Apps="));

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

  g_test_add_func ("/preferences/language-switch", test_language_switch);
  g_test_add_func ("/preferences/reset", test_reset);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
