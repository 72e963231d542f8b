/* ui-util.c: helpers for the UI tests
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui-util.h"
#include "veto-links-page.h"
#include "veto-window.h"
#include "veto-i18n.h"
#include "ui-no-names.h"

/* gtk_test_init() forces en_US.UTF-8, which does not exist here, and so
 * would silently test French in English. g_test_init() + adw_init() keep
 * the C.UTF-8 + $LANGUAGE the suite sets.
 *
 * G_TEST_OPTION_ISOLATE_DIRS would also hide the system's XDG_DATA_DIRS,
 * and with them the GSettings schemas GTK needs; only the per-user folders
 * are isolated here, in a fresh temporary folder. */
void
ui_init (int    *argc,
         char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("veto-ui-XXXXXX", &error);
  const char *dirs[] = { "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (tmp, dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (dirs[i], dir, TRUE);
    }

  /* "The browser" only writes down the addresses it is given: no test
   * opens a real page, and tests can check what would have opened. */
  {
    g_autofree char *apps = g_build_filename (tmp, "XDG_DATA_HOME", "applications", NULL);
    g_autofree char *recorder = g_build_filename (tmp, "record-url", NULL);
    g_autofree char *opened = g_build_filename (tmp, "opened.txt", NULL);
    g_autofree char *script = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$@\" >> '%s'\n", opened);
    g_autofree char *desktop = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Recorder\n"
                                                "Exec=%s %%u\nMimeType=x-scheme-handler/https;x-scheme-handler/http;\n",
                                                recorder);
    g_autofree char *desktop_path = g_build_filename (apps, "record-url.desktop", NULL);
    g_autofree char *mimeapps = g_build_filename (tmp, "XDG_CONFIG_HOME", "mimeapps.list", NULL);

    g_mkdir_with_parents (apps, 0700);
    g_assert_true (g_file_set_contents (recorder, script, -1, NULL));
    g_chmod (recorder, 0755);
    g_assert_true (g_file_set_contents (desktop_path, desktop, -1, NULL));
    g_assert_true (g_file_set_contents (mimeapps,
                                        "[Default Applications]\n"
                                        "x-scheme-handler/https=record-url.desktop\n"
                                        "x-scheme-handler/http=record-url.desktop\n", -1, NULL));
    g_setenv ("VETO_TEST_OPENED", opened, TRUE);
  }

  /* …and no test looks up a name on the internet (ui-no-names.c) */
  ui_no_names_install ();

  veto_i18n_init ();
  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  veto_i18n_init ();

  /* Screenshots as a GNOME session shows them: without a settings daemon,
   * X11 GTK would fall back to "Sans 10". */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
}

void
ui_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  do
    g_main_context_iteration (NULL, FALSE);
  while (g_get_monotonic_time () < end);
}

/**
 * ui_wait_until:
 * @check: what must become true
 * @data: for @check
 *
 * Runs the main loop until @check says yes, for at most 20 seconds: a
 * fixed wait that suits a normal run is too short under valgrind, which
 * slows everything twentyfold.
 *
 * Returns: @check's last answer
 */
gboolean
ui_wait_until (gboolean (*check) (gpointer data),
               gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!check (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return check (data);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/**
 * ui_wait_for_mapped:
 * @widget: a widget about to be shown (a banner sliding in, say)
 *
 * Returns: whether @widget is mapped within ui_wait_until()'s time
 */
gboolean
ui_wait_for_mapped (GtkWidget *widget)
{
  return ui_wait_until (is_mapped, widget);
}

void
ui_wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  /* let transitions and the first layout settle */
  ui_iterate (300);
}

/**
 * ui_screenshot:
 * @widget: a mapped widget, usually a window
 * @name: file name without extension
 *
 * Renders @widget with its own renderer and saves it under
 * $G_TEST_BUILDDIR/screenshots/, so that a person can look at it.
 *
 * Returns: (transfer full): the PNG's path
 */
char *
ui_screenshot (GtkWidget  *widget,
               const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (dir, file, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* Under valgrind a frame can take seconds: wait until there is one. */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      g_autoptr(GtkSnapshot) s = gtk_snapshot_new ();

      gtk_test_widget_wait_for_draw (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (s), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&s));
      if (node == NULL)
        ui_iterate (100);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  return path;
}

static gboolean
label_matches (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
  return FALSE;
}

/**
 * ui_find_label:
 *
 * Returns: (transfer none) (nullable): the first label under @root, in
 *   widget order, whose text is @text
 */
GtkWidget *
ui_find_label (GtkWidget  *root,
               const char *text)
{
  if (label_matches (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

guint
ui_count_type (GtkWidget *root,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += ui_count_type (child, type);

  return n;
}

/**
 * ui_find_type:
 *
 * Returns: (transfer none) (nullable): the first widget of @type under @root
 */
GtkWidget *
ui_find_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * ui_find_label_prefix:
 *
 * Returns: (transfer none) (nullable): the first label under @root whose
 *   text begins with @prefix
 */
GtkWidget *
ui_find_label_prefix (GtkWidget  *root,
                      const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find_label_prefix (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * ui_opened_urls:
 *
 * Returns: (transfer full): the addresses "the browser" was given so far,
 *   one per line
 */
char *
ui_opened_urls (void)
{
  char *contents = NULL;

  if (!g_file_get_contents (g_getenv ("VETO_TEST_OPENED"), &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

/**
 * ui_app_new:
 *
 * Returns: (transfer full): a registered Veto application, as `veto` would
 *   start it, but one of many: tests may run side by side on one bus
 */
VetoApplication *
ui_app_new (void)
{
  g_autoptr(GError) error = NULL;
  VetoApplication *app = veto_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/**
 * ui_main_window:
 *
 * Returns: (transfer none) (nullable): @app's main window, if open
 */
VetoWindow *
ui_main_window (VetoApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (VETO_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/**
 * ui_progress_file:
 *
 * Returns: (transfer full): what the progress file holds, or ""
 */
char *
ui_progress_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

/**
 * ui_check_links:
 * @links_page: a #VetoLinksPage
 *
 * Presses "Check Links" and waits (20 s at most) until the check is over.
 */
void
ui_check_links (GtkWidget *links_page)
{
  VetoLinkChecker *checker = veto_links_page_get_checker (VETO_LINKS_PAGE (links_page));
  gint64 end;

  g_assert_true (gtk_widget_activate_action (links_page, "links.start", NULL));
  g_assert_true (veto_link_checker_get_running (checker));
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (veto_link_checker_get_running (checker) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  ui_iterate (300);
  g_assert_false (veto_link_checker_get_running (checker));
}

/**
 * ui_act_variant:
 * @window: the window (or any widget in it) to activate @action on
 * @parameter: (nullable): the action's parameter; a floating one is sunk
 *
 * Activates @action as a click would, asserts that it existed and was
 * enabled, then lets the window settle for 250 ms.
 */
void
ui_act_variant (gpointer    window,
                const char *action,
                GVariant   *parameter)
{
  /* GTK 4.8 does not sink a floating parameter of a property action */
  if (parameter != NULL)
    g_variant_ref_sink (parameter);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  g_clear_pointer (&parameter, g_variant_unref);
  ui_iterate (250);
}

/**
 * ui_act:
 * @window: as for ui_act_variant()
 * @format: (nullable): a #GVariant format string for the parameter, or
 *   %NULL for none, then its values
 */
void
ui_act (gpointer    window,
        const char *action,
        const char *format,
        ...)
{
  GVariant *parameter = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  ui_act_variant (window, action, parameter);
}
