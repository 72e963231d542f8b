/* test-steps-notice.c: downloaded steps past the valid-until day their
 * signature gives: the window says they may be out of date, when they
 * were last confirmed, and offers to update them
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
#include "veto-window.h"
#include "test-fixtures.h"
#include "test-signing.h"

static VetoApplication *app;

/* A catalog newer than the bundled one, downloaded and validly signed by a
 * key of this test's own (which this Veto, run from its build folder, is
 * told to trust), valid until a day long past. */
static void
write_files (void)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "veto", NULL);
  g_autofree char *catalog = g_build_filename (cache, "meta.steps", NULL);
  g_autofree char *sig_path = g_strconcat (catalog, ".minisig", NULL);
  g_autofree char *keys = g_build_filename (g_get_user_data_dir (), "keys", NULL);
  g_autofree char *key = test_signing_new_key (keys, "feed");
  g_autoptr(GString) newer = g_string_new (TEST_CATALOG);
  g_autofree char *sig = NULL;
  g_autofree char *progress = g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL);
  g_autofree char *state = g_path_get_dirname (progress);

  /* newer than the bundled steps (version 3) */
  g_assert_cmpuint (g_string_replace (newer, "\nVersion=3\n", "\nVersion=30\n", 1), ==, 1);
  sig = test_signing_sign (keys, "feed", newer->str, "version:30 valid-until:2026-01-01", FALSE);
  g_mkdir_with_parents (cache, 0700);
  g_assert_true (g_file_set_contents (catalog, newer->str, -1, NULL));
  g_assert_true (g_file_set_contents (sig_path, sig, -1, NULL));
  g_setenv ("VETO_TEST_CATALOG_KEY", key, TRUE);

  g_mkdir_with_parents (state, 0700);
  g_assert_true (g_file_set_contents (progress, "[Veto]\nFormat=2\nRegion=eu\nApps=facebook;\n\n"
                                      "[Account facebook 1]\nLabel=\n\n[End]\n", -1, NULL));
}

static void
test_out_of_date (void)
{
  VetoWindow *window;
  gboolean fr = g_str_equal (veto_i18n_get_language (), "fr");
  GtkWidget *banner;
  GtkRevealer *revealer;

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));

  /* the downloaded steps are the ones in use */
  g_assert_true (veto_application_get_catalog_is_update (app));

  banner = ui_find_label (GTK_WIDGET (window),
                          fr ? "Ces démarches ne sont peut-être plus à jour\u00a0: elles ont été confirmées pour la dernière fois le 29\u00a0novembre\u00a02026, et devaient être revérifiées au plus tard le 1er\u00a0janvier\u00a02026."
                             : "These steps may be out of date: they were last confirmed on November 29, 2026, to be checked again by January 1, 2026.");
  g_assert_nonnull (banner);
  revealer = GTK_REVEALER (gtk_widget_get_ancestor (banner, GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  ui_screenshot (GTK_WIDGET (window), fr ? "steps-out-of-date-fr" : "steps-out-of-date-en");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ui_init (&argc, &argv);
  write_files ();
  app = ui_app_new ();

  g_test_add_func ("/steps-notice/out-of-date", test_out_of_date);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
