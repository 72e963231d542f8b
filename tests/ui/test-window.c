/* test-window.c: the main window opens, in the interface language
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ui-util.h"
#include "veto-application.h"
#include "veto-i18n.h"
#include "veto-window.h"

/* One application per process, as in real life; each test opens its own
 * window. */
static VetoApplication *app;

static GtkWindow *
open_window (void)
{
  g_application_activate (G_APPLICATION (app));
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

static void
test_opens (void)
{
  GtkWindow *window = open_window ();
  const char *lang = veto_i18n_get_language ();
  g_autofree char *name = g_strdup_printf ("window-%s", lang);
  g_autofree char *narrow = g_strdup_printf ("window-%s-narrow", lang);
  g_autofree char *shot = NULL;

  g_assert_true (VETO_IS_WINDOW (window));
  ui_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* a first run opens on the welcome page, in the language asked for */
  g_assert_cmpstr (veto_window_get_page (VETO_WINDOW (window)), ==, "welcome");
  if (g_str_equal (lang, "fr"))
    {
      g_assert_nonnull (ui_find_label (GTK_WIDGET (window), "Dites non à l’entraînement de l’IA de Meta sur vos données"));
      g_assert_null (ui_find_label (GTK_WIDGET (window), "Say No to Meta Training Its AI on You"));
    }
  else
    g_assert_nonnull (ui_find_label (GTK_WIDGET (window), "Say No to Meta Training Its AI on You"));

  shot = ui_screenshot (GTK_WIDGET (window), name);
  g_clear_pointer (&shot, g_free);

  gtk_window_set_default_size (window, 360, 640);
  ui_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  shot = ui_screenshot (GTK_WIDGET (window), narrow);

  gtk_window_destroy (window);
  ui_iterate (50);
}

static void
test_error_banner (void)
{
  GtkWindow *window = open_window ();
  GtkWidget *label;

  ui_wait_for_draw (GTK_WIDGET (window));
  veto_window_show_error (VETO_WINDOW (window), "Something happened.");
  ui_iterate (400);
  label = ui_find_label (GTK_WIDGET (window), "Something happened.");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));

  /* the dismiss button is an action, like every control */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL));
  ui_iterate (400);
  g_assert_false (gtk_widget_get_mapped (label));

  gtk_window_destroy (window);
  ui_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  ui_init (&argc, &argv);

  app = veto_application_new ();
  /* tests may run side by side: don't fight over the bus name */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/opens", test_opens);
  g_test_add_func ("/window/error-banner", test_error_banner);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
