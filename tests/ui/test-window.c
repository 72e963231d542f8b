/* test-window.c: the main window opens, in the interface language
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
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

/* The disk says no: the change stays, the window says so, and a retry
 * saves it once writing works again. */
static void
test_save_error (void)
{
  GtkWindow *window = open_window ();
  VetoProgressStore *store = veto_application_get_store (app);
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autofree char *saved = NULL;
  GtkWidget *banner;

  ui_wait_for_draw (GTK_WIDGET (window));

  /* a plain file where Veto's folder should be */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_assert_cmpint (g_unlink (path), ==, 0);
  g_rmdir (dir);
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.region", "s", "uk"));
  ui_iterate (400);
  g_assert_cmpstr (veto_progress_store_get_region (store), ==, "uk");
  g_assert_nonnull (veto_progress_store_get_save_error (store));
  /* the banner's text starts with the store's message, and is on screen */
  banner = ui_find_label_prefix (GTK_WIDGET (window), veto_progress_store_get_save_error (store)->message);
  g_assert_nonnull (banner);
  g_assert_true (ui_wait_for_mapped (banner));
  g_free (ui_screenshot (GTK_WIDGET (window), veto_i18n_get_language ()[0] == 'f' ? "save-error-fr" : "save-error-en"));

  /* writing works again: "Try Again" saves what was kept */
  g_assert_cmpint (g_unlink (dir), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL));
  ui_iterate (400);
  g_assert_null (veto_progress_store_get_save_error (store));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "Region=uk"));

  gtk_window_destroy (window);
  ui_iterate (50);
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }

  return NULL;
}

/* as a click does: the response, then the dialog closes */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
break_disk (const char *dir,
            const char *path)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_assert_cmpint (g_unlink (path), ==, 0);
  g_rmdir (dir);
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));
}

/* Closing while saves fail: one last save, and if it fails too, a
 * question before anything is lost (the window used to close at once). */
static void
test_close_while_saves_fail (void)
{
  GtkWindow *window = open_window ();
  VetoProgressStore *store = veto_application_get_store (app);
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autofree char *saved = NULL;
  AdwMessageDialog *dialog;

  ui_wait_for_draw (GTK_WIDGET (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);

  break_disk (dir, path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.region", "s", "ch"));
  ui_iterate (100);
  g_assert_nonnull (veto_progress_store_get_save_error (store));

  /* closing asks; "Keep Veto Open" is the default and keeps it */
  gtk_window_close (window);
  ui_iterate (200);
  g_assert_nonnull (window);
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  g_assert_true (adw_message_dialog_has_response (dialog, "export"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            veto_progress_store_get_save_error (store)->message));
  g_free (ui_screenshot (GTK_WIDGET (dialog), veto_i18n_get_language ()[0] == 'f' ? "close-unsaved-fr" : "close-unsaved-en"));
  respond (dialog, "keep");
  ui_iterate (200);
  g_assert_nonnull (window);
  g_assert_null (find_message_dialog (window));

  /* so is quitting, which closes the windows */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  ui_iterate (200);
  g_assert_nonnull (window);
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  respond (dialog, "keep");
  ui_iterate (200);

  /* the disk has room again: closing saves, and closes */
  g_assert_cmpint (g_unlink (dir), ==, 0);
  gtk_window_close (window);
  ui_iterate (200);
  g_assert_null (window);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "Region=ch"));

  /* and "Close Without Saving" closes */
  window = open_window ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  ui_wait_for_draw (GTK_WIDGET (window));
  break_disk (dir, path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.region", "s", "br"));
  ui_iterate (100);
  gtk_window_close (window);
  ui_iterate (200);
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  respond (dialog, "close");
  ui_iterate (200);
  g_assert_null (window);

  g_assert_cmpint (g_unlink (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ui_init (&argc, &argv);

  app = ui_app_new ();

  g_test_add_func ("/window/opens", test_opens);
  g_test_add_func ("/window/error-banner", test_error_banner);
  g_test_add_func ("/window/save-error", test_save_error);
  g_test_add_func ("/window/close-while-saves-fail", test_close_while_saves_fail);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
