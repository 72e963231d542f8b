/* test-wizard.c: a person's first run, through the window's actions and
 * widgets, checking what lands in the progress file after each step
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ui-util.h"
#include "veto-app-page.h"
#include "veto-application.h"
#include "veto-i18n.h"
#include "veto-step-card.h"
#include "veto-window.h"

static VetoApplication *app;

static VetoWindow *
get_window (void)
{
  return VETO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
assert_saved (const char *needle)
{
  g_autofree char *contents = ui_progress_file ();

  if (strstr (contents, needle) == NULL)
    g_error ("“%s” is not in the progress file:\n%s", needle, contents);
}

static void
shoot (const char *page)
{
  g_autofree char *name = g_strdup_printf ("wizard-%s-%s", page, veto_i18n_get_language ());
  g_autofree char *path = ui_screenshot (GTK_WIDGET (get_window ()), name);
}

static const char *
title_text (void)
{
  GtkWidget *title = ui_find_type (GTK_WIDGET (get_window ()), ADW_TYPE_WINDOW_TITLE);

  return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
}

/* The first form step of an app and the catalog's objection text. */
static VetoStep *
first_form (const char *app_id)
{
  VetoCatalog *catalog = veto_application_get_catalog (app);
  g_autoptr(GListModel) steps = veto_catalog_list_steps (catalog, app_id, "eu");

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);

      if (veto_step_get_kind (step) == VETO_STEP_KIND_FORM)
        return step;
    }

  g_assert_not_reached ();
}

static GtkWidget *
find_button_borrowed (GtkWidget  *root,
                      const char *action,
                      GVariant   *target)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0 &&
      (target == NULL ||
       (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root)) != NULL &&
        g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root)), target))))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_borrowed (child, action, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The button under @root bound to @action with @target (floating, consumed). */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GVariant) owned = target ? g_variant_ref_sink (target) : NULL;

  return find_button_borrowed (root, action, owned);
}

static GtkWidget *
find_check (GtkWidget  *root,
            const char *region)
{
  if (GTK_IS_CHECK_BUTTON (root))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), region) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check (child, region);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

/* The summary's "Go to the Overview" is on screen, not below the fold, in
 * a window of @width × @height: its bounds are inside the window's
 * content, and inside every scrolled window it is in. */
static void
assert_done_button_in_view (VetoWindow *window,
                            int         width,
                            int         height)
{
  GtkWidget *page = veto_window_get_page_widget (window, "done");
  GtkWidget *button = find_button (page, "win.show-dashboard", NULL);
  graphene_rect_t bounds;
  g_autofree char *name = g_strdup_printf ("5-done-%dx%d", width, height);
  int win_width, win_height;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  ui_wait_for_draw (GTK_WIDGET (window));
  ui_iterate (200);
  /* the window's content: the size asked for, less its frame */
  win_width = gtk_widget_get_width (GTK_WIDGET (window));
  win_height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_cmpint (win_width, <=, width);
  g_assert_cmpint (win_width, >, width - 20);
  g_assert_cmpint (win_height, <=, height);
  g_assert_cmpint (win_height, >, height - 20);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, win_width);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, win_height);

  /* a scrolled window would clip it even inside the window's size */
  for (GtkWidget *w = gtk_widget_get_parent (button); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        graphene_rect_t in_view;

        g_assert_true (gtk_widget_compute_bounds (button, w, &in_view));
        g_assert_cmpfloat (in_view.origin.y, >=, 0);
        g_assert_cmpfloat (in_view.origin.y + in_view.size.height, <=, gtk_widget_get_height (w));
      }
  shoot (name);
}

static void
test_first_run (void)
{
  VetoWindow *window;
  VetoProgressStore *store = veto_application_get_store (app);
  VetoStep *form;
  g_auto(GStrv) accounts = NULL;
  g_autofree char *clip = NULL;
  g_autofree char *first_account = NULL;
  GtkWidget *page, *card, *button;
  gboolean fr = g_str_equal (veto_i18n_get_language (), "fr");

  g_application_activate (G_APPLICATION (app));
  window = get_window ();
  ui_wait_for_draw (GTK_WIDGET (window));

  /* 1. Welcome */
  g_assert_cmpstr (veto_window_get_page (window), ==, "welcome");
  g_assert_true (veto_window_get_in_wizard (window));
  g_assert_cmpstr (title_text (), ==, fr ? "Bienvenue" : "Welcome");
  shoot ("1-welcome");

  /* the Start button is wired to win.next */
  button = find_button (GTK_WIDGET (window), "win.next", NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_iterate (300);

  /* 2. Where you live: Next waits for a choice */
  g_assert_cmpstr (veto_window_get_page (window), ==, "region");
  g_assert_cmpstr (title_text (), ==, fr ? "Où vous vivez" : "Where You Live");
  ui_act (get_window (), "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "region");
  g_assert_false (g_file_test (g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL), G_FILE_TEST_EXISTS));

  /* pressing the region's radio saves it at once */
  page = veto_window_get_page_widget (window, "region");
  {
    GtkWidget *check = find_check (page, "eu");

    g_assert_nonnull (check);
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    gtk_widget_activate (check);
    ui_iterate (300);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  }
  assert_saved ("Region=eu");
  g_assert_cmpstr (veto_progress_store_get_region (store), ==, "eu");

  /* a click anywhere on a region's row chooses it, as on its radio */
  {
    GtkWidget *check = find_check (page, "uk");
    GtkWidget *row = gtk_widget_get_ancestor (check, GTK_TYPE_LIST_BOX_ROW);

    g_assert_nonnull (row);
    gtk_widget_activate (row);
    ui_iterate (300);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    g_assert_cmpstr (veto_progress_store_get_region (store), ==, "uk");
    assert_saved ("Region=uk");

    gtk_widget_activate (gtk_widget_get_ancestor (find_check (page, "eu"), GTK_TYPE_LIST_BOX_ROW));
    ui_iterate (300);
    g_assert_cmpstr (veto_progress_store_get_region (store), ==, "eu");
  }
  shoot ("2-region");

  ui_act (get_window (), "win.next", NULL);

  /* 3. Apps and accounts: the seven apps of the catalog */
  g_assert_cmpstr (veto_window_get_page (window), ==, "apps");
  {
    const char *names[] = { "Facebook", "Instagram", "WhatsApp", "Messenger", "Threads" };
    GtkWidget *apps_page = veto_window_get_page_widget (window, "apps");

    g_assert_cmpuint (ui_count_type (apps_page, ADW_TYPE_PREFERENCES_GROUP), ==, 8);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      g_assert_nonnull (ui_find_label (apps_page, names[i]));
    g_assert_nonnull (ui_find_label (apps_page, fr ? "Application Meta AI" : "Meta AI app"));
    g_assert_nonnull (ui_find_label (apps_page, fr ? "Lunettes Meta AI" : "Meta AI glasses"));
    /* a sentence, not "I use " glued to a descriptive name */
    g_assert_nonnull (ui_find_label (apps_page, fr ? "J’utilise l’application Meta AI" : "I use the Meta AI app"));
    g_assert_nonnull (ui_find_label (apps_page, fr ? "J’ai des lunettes Meta AI" : "I have Meta AI glasses"));
    g_assert_null (ui_find_label (apps_page, fr ? "J’utilise Application Meta AI" : "I use Meta AI app"));
    g_assert_nonnull (ui_find_label (apps_page, fr ? "J’utilise Facebook" : "I use Facebook"));
  }
  ui_act (get_window (), "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "apps");

  ui_act (get_window (), "win.set-app-used", "(sb)", "facebook", TRUE);
  ui_act (get_window (), "win.set-app-used", "(sb)", "instagram", TRUE);
  assert_saved ("Apps=facebook;instagram;");

  accounts = veto_progress_store_dup_accounts (store, "facebook");
  g_assert_cmpuint (g_strv_length (accounts), ==, 1);
  first_account = g_strdup (accounts[0]);
  ui_act (get_window (), "win.rename-account", "(sss)", "facebook", first_account, "  Personal  ");
  assert_saved ("Label=Personal\n");

  /* the "add another account" button is wired */
  page = veto_window_get_page_widget (window, "apps");
  button = find_button (page, "win.add-account", g_variant_new_string ("facebook"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_iterate (300);
  g_clear_pointer (&accounts, g_strfreev);
  accounts = veto_progress_store_dup_accounts (store, "facebook");
  g_assert_cmpuint (g_strv_length (accounts), ==, 2);
  ui_act (get_window (), "win.rename-account", "(sss)", "facebook", accounts[1], "Work");
  assert_saved ("Label=Work\n");

  /* an account with nothing recorded is removed without a question */
  ui_act (get_window (), "win.add-account", "s", "instagram");
  {
    g_auto(GStrv) ig = veto_progress_store_dup_accounts (store, "instagram");

    g_assert_cmpuint (g_strv_length (ig), ==, 2);
    ui_act (get_window (), "win.remove-account", "(ss)", "instagram", ig[1]);
  }
  {
    g_auto(GStrv) ig = veto_progress_store_dup_accounts (store, "instagram");

    g_assert_cmpuint (g_strv_length (ig), ==, 1);
  }
  shoot ("3-apps");

  ui_act (get_window (), "win.next", NULL);

  /* 4. Facebook's checklist, two accounts */
  g_assert_cmpstr (veto_window_get_page (window), ==, "app:facebook");
  g_assert_cmpstr (title_text (), ==, "Facebook");
  form = first_form ("facebook");
  page = veto_window_get_page_widget (window, "app:facebook");
  card = veto_app_page_find_card (VETO_APP_PAGE (page), veto_step_get_id (form), first_account);
  g_assert_nonnull (card);
  g_assert_nonnull (veto_app_page_find_card (VETO_APP_PAGE (page), veto_step_get_id (form), accounts[1]));
  shoot ("4-facebook");

  /* its sources were read, its link not yet checked live: the card says so */
  {
    GtkWidget *step_card = gtk_widget_get_ancestor (card, VETO_TYPE_STEP_CARD);
    GtkWidget *how_sure;

    /* under the card's Details */
    g_assert_nonnull (step_card);
    gtk_expander_set_expanded (GTK_EXPANDER (ui_find_type (step_card, GTK_TYPE_EXPANDER)), TRUE);
    how_sure = ui_find_label_prefix (step_card, fr ? "Degré de certitude" : "How sure we are");

    g_assert_nonnull (how_sure);
    if (veto_step_get_cited_sources (form) != NULL)
      {
        /* format 4: what its cited sources say was done; no link of the
         * catalog has been opened live yet */
        g_autofree char *checked = veto_step_dup_checked_text (form);

        g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (how_sure)), checked));
        g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (how_sure)),
                                         fr ? "\u202f; liens non vérifiés en ligne." : "; links not checked live yet."));
      }
    else
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (how_sure)),
                                fr ? "Sources lues le 2\u00a0décembre\u00a02026\u202f; lien pas encore vérifié."
                                   : "Sources read on December 2, 2026; link not yet checked."));
  }

  /* the card's "Mark as Submitted" button is wired to the store */
  button = find_button (card, "win.set-state",
                        g_variant_new ("(sss)", veto_step_get_id (form), first_account, "submitted"));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_iterate (300);
  assert_saved ("State=submitted");
  assert_saved ("Submitted=");
  g_assert_cmpint (veto_progress_store_get_state (store, veto_step_get_id (form), first_account), ==,
                   VETO_STEP_STATE_SUBMITTED);
  /* …and then hides, leaving "Record Confirmation" */
  g_assert_false (gtk_widget_get_visible (button));

  ui_act (get_window (), "win.set-note", "(sss)", veto_step_get_id (form), first_account, "Confirmation e-mail: 29/11");
  assert_saved ("Note=Confirmation e-mail: 29/11");

  ui_act (get_window (), "win.set-state", "(sss)", veto_step_get_id (form), first_account, "confirmed");
  assert_saved ("State=confirmed");
  assert_saved ("Confirmed=");

  /* the objection text reaches the clipboard: the letter for the
   * person's region */
  if (veto_step_get_objection_text (form, veto_progress_store_get_region (store)) != NULL)
    {
      ui_act (get_window (), "win.copy-objection", "s", veto_step_get_id (form));
      gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, on_text_read, &clip);
      while (clip == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpstr (clip, ==, veto_step_get_objection_text (form, veto_progress_store_get_region (store)));
    }

  /* an account with progress asks before it goes */
  ui_act (get_window (), "win.remove-account", "(ss)", "facebook", first_account);
  g_clear_pointer (&accounts, g_strfreev);
  accounts = veto_progress_store_dup_accounts (store, "facebook");
  g_assert_cmpuint (g_strv_length (accounts), ==, 2);
  {
    GList *toplevels = gtk_window_list_toplevels ();
    gboolean asked = FALSE;

    for (GList *l = toplevels; l; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        {
          asked = TRUE;
          adw_message_dialog_response (l->data, "cancel");
          gtk_window_destroy (l->data);
        }
    g_list_free (toplevels);
    g_assert_true (asked);
  }
  ui_iterate (200);
  g_clear_pointer (&accounts, g_strfreev);
  accounts = veto_progress_store_dup_accounts (store, "facebook");
  g_assert_cmpuint (g_strv_length (accounts), ==, 2);

  /* 5. Instagram, then the summary */
  ui_act (get_window (), "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "app:instagram");
  ui_act (get_window (), "win.back", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "app:facebook");
  ui_act (get_window (), "win.next", NULL);
  ui_act (get_window (), "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "done");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), "1"));
  shoot ("5-done");
  assert_done_button_in_view (window, 760, 720);
  assert_done_button_in_view (window, 360, 720);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 720);
  ui_wait_for_draw (GTK_WIDGET (window));

  /* 6. The overview */
  ui_act (get_window (), "win.show-dashboard", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "dashboard");
  g_assert_false (veto_window_get_in_wizard (window));
  ui_iterate (200);
  shoot ("6-dashboard");

  ui_act (get_window (), "win.show-app", "s", "instagram");
  g_assert_cmpstr (veto_window_get_page (window), ==, "app:instagram");
  ui_act (get_window (), "win.back", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "dashboard");

  /* narrow: 360 pixels wide */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  ui_act (get_window (), "win.show-app", "s", "facebook");
  ui_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  shoot ("7-facebook-narrow");
  ui_act (get_window (), "win.show-dashboard", NULL);
  ui_wait_for_draw (GTK_WIDGET (window));
  shoot ("8-dashboard-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

static void
test_relaunch_opens_dashboard (void)
{
  VetoWindow *window;

  /* the progress from the first run is on disk: a new window opens on it */
  g_application_activate (G_APPLICATION (app));
  window = get_window ();
  ui_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (veto_window_get_page (window), ==, "dashboard");

  ui_act (get_window (), "win.run-wizard", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "region");
  g_assert_true (veto_window_get_in_wizard (window));

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

  g_test_add_func ("/wizard/first-run", test_first_run);
  g_test_add_func ("/wizard/relaunch-opens-dashboard", test_relaunch_opens_dashboard);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
