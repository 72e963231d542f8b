/* test-keyboard.c: a first run with the keyboard: Enter presses each
 * wizard page's main button, the progress reads in words and never goes
 * back, the shortcuts window names its keys, Ctrl+W closes the window
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

static VetoApplication *app;

static const char *
button_label (GtkWidget *button)
{
  return button ? gtk_button_get_label (GTK_BUTTON (button)) : NULL;
}

/* The default widget has the focus, and it is @label. */
static void
assert_default (VetoWindow *window,
                const char *label)
{
  GtkWidget *def = gtk_window_get_default_widget (GTK_WINDOW (window));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (def);
  g_assert_cmpstr (button_label (def), ==, label);
  /* where Next waits for a choice, the focus starts on the choices */
  if (!gtk_widget_is_sensitive (def))
    {
      GtkWidget *page = veto_window_get_page_widget (window, veto_window_get_page (window));

      g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, page));
      return;
    }
  if (focus != def)
    g_error ("The focus is on a %s (%s), not on %s", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
             focus && GTK_IS_BUTTON (focus) ? button_label (focus) : "", label);
}

/* The focus is on a @type inside the page on screen: where Next is
 * insensitive (the apps page), on the first app's switch, which a screen
 * reader then reads with the page; never on nothing. */
static void
assert_focus_is (VetoWindow *window,
                 GType       type)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *page = veto_window_get_page_widget (window, veto_window_get_page (window));

  if (focus == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (focus, type) || !gtk_widget_is_ancestor (focus, page))
    g_error ("The focus is on %s, not on a %s of the page %s", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
             g_type_name (type), veto_window_get_page (window));
}

static GtkProgressBar *
progress_bar (VetoWindow *window)
{
  GtkWidget *bar = ui_find_type (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR);

  g_assert_nonnull (bar);
  return GTK_PROGRESS_BAR (bar);
}

static gboolean
reminders_off (gpointer data)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (data), "reminders");

  return !g_variant_get_boolean (state);
}

static gboolean
reminders_on (gpointer data)
{
  return !reminders_off (data);
}

static void
test_wizard_keyboard (void)
{
  VetoWindow *window;
  gboolean fr = g_str_equal (veto_i18n_get_language (), "fr");
  double fraction, last;

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  ui_wait_for_draw (GTK_WIDGET (window));

  /* welcome: Start, not the main menu */
  g_assert_cmpstr (veto_window_get_page (window), ==, "welcome");
  assert_default (window, fr ? "_Commencer" : "_Start");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), fr ? "Pour commencer — étape 1 sur 4" : "Getting started — step 1 of 4"));
  /* the overview is not there to open before setup is done */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL) &&
                  g_strcmp0 (veto_window_get_page (window), "dashboard") == 0);
  /* the bar says what the label says: welcome, region, apps, summary */
  last = gtk_progress_bar_get_fraction (progress_bar (window));
  g_assert_cmpfloat_with_epsilon (last, 1.0 / 4, 1e-9);

  ui_act_variant (window, "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "region");
  assert_default (window, fr ? "_Suivant" : "_Next");
  ui_act_variant (window, "win.region", g_variant_new_string ("eu"));

  ui_act_variant (window, "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "apps");
  assert_focus_is (window, GTK_TYPE_SWITCH);
  ui_act_variant (window, "win.set-app-used", g_variant_new ("(sb)", "facebook", TRUE));
  /* the page is laid out again around the new account rows: the focus
   * moves to the new switch, not to nothing */
  assert_focus_is (window, GTK_TYPE_SWITCH);
  fraction = gtk_progress_bar_get_fraction (progress_bar (window));
  g_assert_cmpfloat (fraction, >, last);
  last = fraction;

  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), fr ? "Pour commencer — étape 3 sur 5" : "Getting started — step 3 of 5"));
  g_assert_cmpfloat_with_epsilon (fraction, 3.0 / 5, 1e-9);

  /* more apps, more pages ahead: the label and the bar say so together */
  ui_act_variant (window, "win.set-app-used", g_variant_new ("(sb)", "instagram", TRUE));
  ui_act_variant (window, "win.set-app-used", g_variant_new ("(sb)", "whatsapp", TRUE));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), fr ? "Pour commencer — étape 3 sur 7" : "Getting started — step 3 of 7"));
  last = gtk_progress_bar_get_fraction (progress_bar (window));
  g_assert_cmpfloat_with_epsilon (last, 3.0 / 7, 1e-9);
  /* the focus stays on the switch just pressed; Enter elsewhere is Next */
  g_assert_cmpstr (button_label (gtk_window_get_default_widget (GTK_WINDOW (window))), ==, fr ? "_Suivant" : "_Next");

  /* an app page: its first Open button; the progress says which app */
  ui_act_variant (window, "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "app:facebook");
  assert_default (window, fr ? "_Copier le texte et ouvrir le formulaire" : "_Copy the Text and Open the Form");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), fr ? "Facebook — étape 4 sur 7" : "Facebook — step 4 of 7"));
  /* visible at 360 px */
  {
    GtkWidget *label = ui_find_label (GTK_WIDGET (window), fr ? "Facebook — étape 4 sur 7" : "Facebook — step 4 of 7");

    g_assert_true (gtk_widget_is_drawable (label));
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  }
  fraction = gtk_progress_bar_get_fraction (progress_bar (window));
  g_assert_cmpfloat_with_epsilon (fraction, 4.0 / 7, 1e-9);
  ui_screenshot (GTK_WIDGET (window), fr ? "wizard-app-narrow-fr" : "wizard-app-narrow-en");

  ui_act_variant (window, "win.next", NULL);
  ui_act_variant (window, "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "app:whatsapp");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), fr ? "WhatsApp — étape 6 sur 7" : "WhatsApp — step 6 of 7"));
  fraction = gtk_progress_bar_get_fraction (progress_bar (window));
  g_assert_cmpfloat_with_epsilon (fraction, 6.0 / 7, 1e-9);

  ui_act_variant (window, "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "done");
  assert_default (window, fr ? "_Aller à la vue d’ensemble" : "_Go to the Overview");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress_bar (window)), ==, 1.0);

  /* the summary asks about reminders: off until the person switches them
   * on, with nothing written at login before; its switch is the same
   * app.reminders as Preferences' */
  {
    GtkWidget *done = veto_window_get_page_widget (window, "done");
    GtkWidget *sw = ui_find_type (done, GTK_TYPE_SWITCH);
    g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (app), "reminders");
    g_autofree char *entry = g_build_filename (g_get_user_config_dir (), "autostart",
                                               "io.github.vetoapp.Veto.Remind.desktop", NULL);

    g_assert_nonnull (sw);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (sw)), ==, "app.reminders");
    g_assert_false (g_variant_get_boolean (state));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
    g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));

    /* on from the summary: on for Preferences, and the login entry is there */
    g_signal_emit_by_name (sw, "activate");
    g_assert_true (ui_wait_until (reminders_on, app));
    g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
    g_assert_true (g_file_test (entry, G_FILE_TEST_EXISTS));

    /* and off again */
    g_signal_emit_by_name (sw, "activate");
    g_assert_true (ui_wait_until (reminders_off, app));
    g_clear_pointer (&state, g_variant_unref);
    state = g_action_group_get_action_state (G_ACTION_GROUP (app), "reminders");
    g_assert_false (g_variant_get_boolean (state));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
    g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
    ui_screenshot (GTK_WIDGET (window), fr ? "summary-narrow-fr" : "summary-narrow-en");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return g_steal_pointer (&shortcut);
        }
    }

  return NULL;
}

static void
collect_shortcuts (GtkWidget *root,
                   GPtrArray *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, out);
}

static void
test_shortcuts (void)
{
  VetoWindow *window;
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  GtkWindow *help = NULL;
  gboolean calendar_keys = FALSE;
  GList *toplevels;

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));

  /* every shortcut in the shortcuts window shows its keys */
  ui_act_variant (window, "win.show-help-overlay", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data))
      help = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (help);
  collect_shortcuts (GTK_WIDGET (help), shortcuts);
  g_assert_cmpuint (shortcuts->len, >=, 7);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *accel = NULL;

      g_object_get (g_ptr_array_index (shortcuts, i), "title", &title, "accelerator", &accel, NULL);
      if (accel == NULL || *accel == '\0')
        g_error ("The shortcut “%s” shows no keys", title);
      /* the calendar's keys are there too (veto-month-calendar.c) */
      if (g_str_equal (accel, "Page_Up Page_Down"))
        calendar_keys = TRUE;
    }
  g_assert_true (calendar_keys);
  /* on one page: GTK 4.8 warns (a label of width -5) when the groups
   * spill onto a second one */
  ui_wait_for_draw (GTK_WIDGET (help));
  g_free (ui_screenshot (GTK_WIDGET (help), g_str_equal (veto_i18n_get_language (), "fr") ? "shortcuts-fr" : "shortcuts-en"));
  gtk_window_destroy (help);

  /* Ctrl+W closes the window */
  {
    g_autoptr(GtkShortcut) close = find_shortcut (GTK_WIDGET (window), "<Control>w");

    g_assert_nonnull (close);
    g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (close), 0, GTK_WIDGET (window), NULL));
    ui_iterate (200);
    g_assert_null (ui_main_window (app));
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ui_init (&argc, &argv);

  app = ui_app_new ();

  g_test_add_func ("/keyboard/wizard", test_wizard_keyboard);
  g_test_add_func ("/keyboard/shortcuts", test_shortcuts);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
