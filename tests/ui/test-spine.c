/* test-spine.c: the objection is the spine of every app page: it comes
 * first, with the page's one suggested button; the button follows its
 * state and takes the keyboard focus; "Continue" leads to an overdue
 * objection, its card marked; and from there, the complaint.
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ui-util.h"
#include "veto-app-page.h"
#include "veto-application.h"
#include "veto-checklist.h"
#include "veto-i18n.h"
#include "veto-step-actions.h"
#include "veto-step-card.h"
#include "veto-window.h"

static VetoApplication *app;

static gboolean
is_fr (void)
{
  return g_str_equal (veto_i18n_get_language (), "fr");
}

/* Every app, in the EU; Instagram with two accounts. */
static void
write_progress (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path,
                                      "[Veto]\nFormat=1\nRegion=eu\n"
                                      "Apps=facebook;instagram;whatsapp;messenger;threads;meta-ai;glasses;\n\n"
                                      "[Account facebook 1]\nLabel=Perso\n\n"
                                      "[Account instagram 2]\nLabel=Perso\n\n"
                                      "[Account instagram 3]\nLabel=Travail\n\n"
                                      "[End]\n", -1, NULL));
}

static VetoWindow *
open_window (int width)
{
  VetoWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  ui_wait_for_draw (GTK_WIDGET (window));
  ui_iterate (200);
  return window;
}

static void
close_window (VetoWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (100);
}

/* The suggested buttons a person sees in the window now: drawn, and
 * inside the window's area. */
static void
collect_suggested (GtkWidget *widget,
                   GtkWidget *window,
                   GPtrArray *found)
{
  if (!gtk_widget_is_drawable (widget))
    return;

  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) && gtk_widget_has_css_class (widget, "suggested-action"))
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (widget, window, &bounds) &&
          bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (window))
        g_ptr_array_add (found, widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_suggested (child, window, found);
}

static const char *button_text (GtkWidget *button);

static guint
count_suggested (VetoWindow  *window,
                 GtkWidget  **first)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_suggested (GTK_WIDGET (window), GTK_WIDGET (window), found);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *b = g_ptr_array_index (found, i);
      g_autoptr(GString) path = g_string_new (NULL);

      for (GtkWidget *a = b; a; a = gtk_widget_get_parent (a))
        g_string_append_printf (path, "%s%s/", G_OBJECT_TYPE_NAME (a), gtk_widget_get_child_visible (a) ? "" : "(hidden)");
      g_test_message ("suggested: %s (%s)", button_text (b), path->str);
    }
  if (first != NULL)
    *first = found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
  return found->len;
}

static const char *
button_text (GtkWidget *button)
{
  GtkWidget *child;

  if (GTK_IS_MENU_BUTTON (button))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
  child = gtk_button_get_child (GTK_BUTTON (button));

  if (GTK_IS_LABEL (child))
    return gtk_label_get_text (GTK_LABEL (child));
  return gtk_button_get_label (GTK_BUTTON (button));
}

/* Each app page opens with its essential step and at most one blue
 * button in view; the other steps are folded, and unfolding them adds
 * no second blue button. */
static void
test_one_suggested_button (void)
{
  const char *apps[] = { "facebook", "instagram", "whatsapp", "messenger", "threads", "meta-ai", "glasses" };
  const int widths[] = { 760, 360 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      VetoWindow *window = open_window (widths[w]);

      for (guint i = 0; i < G_N_ELEMENTS (apps); i++)
        {
          g_autofree char *name = g_strconcat ("app:", apps[i], NULL);
          GtkWidget *page, *first = NULL, *expander;
          guint n;

          ui_act_variant (window, "win.show-app", g_variant_new_string (apps[i]));
          ui_wait_for_draw (GTK_WIDGET (window));
          page = veto_window_get_page_widget (window, name);
          n = count_suggested (window, &first);
          g_test_message ("%s at %d px: %u suggested button(s)%s%s", apps[i], widths[w], n,
                          first ? ": " : "", first ? button_text (first) : "");
          g_assert_cmpuint (n, <=, 1);

          /* the objection leads, copying its text before the form opens */
          if (g_str_equal (apps[i], "facebook") || g_str_equal (apps[i], "instagram"))
            {
              g_assert_cmpuint (n, ==, 1);
              g_assert_cmpstr (button_text (first), ==,
                               is_fr () ? "Copier le texte et ouvrir le formulaire" : "Copy the Text and Open the Form");
              g_assert_true (gtk_widget_is_ancestor (first, veto_app_page_find_card (VETO_APP_PAGE (page),
                                                                                     g_str_equal (apps[i], "facebook") ? "facebook-object" : "instagram-object",
                                                                                     g_str_equal (apps[i], "facebook") ? "1" : "2")));
            }

          /* the rest is folded under "Going Further", collapsed */
          if (g_str_equal (apps[i], "facebook"))
            {
              GtkWidget *more = ui_find_label (page, is_fr () ? "Pour aller plus loin" : "Going Further");

              g_assert_nonnull (more);
              expander = gtk_widget_get_ancestor (more, GTK_TYPE_EXPANDER);
              g_assert_nonnull (expander);
              g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
              /* one card above the fold: the objection */
              g_assert_cmpuint (ui_count_type (page, VETO_TYPE_STEP_CARD), ==, 1);

              /* unfolded, the other cards are there, and still one blue
               * button in the whole page */
              gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
              ui_iterate (200);
              g_assert_cmpuint (ui_count_type (page, VETO_TYPE_STEP_CARD), >, 5);
              {
                g_autoptr(GPtrArray) all = g_ptr_array_new ();

                gtk_widget_set_size_request (GTK_WIDGET (window), -1, -1);
                collect_suggested (page, page, all);
                g_assert_cmpuint (all->len, ==, 1);
              }
              gtk_expander_set_expanded (GTK_EXPANDER (expander), FALSE);
              ui_iterate (100);
            }
          if (w == 1 && (g_str_equal (apps[i], "facebook") || g_str_equal (apps[i], "whatsapp")))
            {
              g_autofree char *shot = g_strdup_printf ("spine-%s-narrow-%s", apps[i], is_fr () ? "fr" : "en");

              g_free (ui_screenshot (GTK_WIDGET (window), shot));
            }
          else if (w == 0 && g_str_equal (apps[i], "facebook"))
            {
              AdwStyleManager *style = adw_style_manager_get_default ();

              g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "spine-facebook-fr" : "spine-facebook-en"));
              /* and dark: still one blue button */
              adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
              ui_iterate (200);
              g_assert_cmpuint (count_suggested (window, NULL), <=, 1);
              g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "spine-facebook-dark-fr" : "spine-facebook-dark-en"));
              adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
              ui_iterate (100);
            }
        }

      close_window (window);
    }
}

/* Marked sent with the keyboard: the button that did it is gone, the one
 * the new state asks for ("I Got Meta's Answer") has the focus, and the
 * card says by when Meta must answer. */
static void
test_button_follows_state (void)
{
  VetoWindow *window = open_window (760);
  VetoProgressStore *store = veto_application_get_store (app);
  GtkWidget *page, *actions, *sent, *focus, *answer;

  ui_act_variant (window, "win.show-step", g_variant_new ("(ss)", "facebook-object", "1"));
  page = veto_window_get_page_widget (window, "app:facebook");
  actions = veto_app_page_find_card (VETO_APP_PAGE (page), "facebook-object", "1");
  g_assert_nonnull (actions);

  sent = ui_find_label (actions, is_fr () ? "Marquer comme envoyée" : "Mark as Sent");
  g_assert_nonnull (sent);
  sent = gtk_widget_get_ancestor (sent, GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_grab_focus (sent));
  /* as Enter or Space would */
  g_assert_true (gtk_widget_activate (sent));
  ui_iterate (300);

  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_SUBMITTED);
  g_assert_false (gtk_widget_get_visible (sent));

  answer = ui_find_label (actions, is_fr () ? "J’ai reçu la réponse de Meta" : "I Got Meta’s Answer");
  g_assert_nonnull (answer);
  answer = gtk_widget_get_ancestor (answer, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (answer);
  g_assert_true (gtk_widget_is_drawable (answer));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == answer || gtk_widget_is_ancestor (focus, answer));
  /* the only blue button in view */
  {
    GtkWidget *first = NULL;

    g_assert_cmpuint (count_suggested (window, &first), ==, 1);
    g_assert_true (first == answer || gtk_widget_is_ancestor (first, answer));
  }

  /* the open button is gone from the row; the form stays in the ⋮ menu */
  {
    GtkWidget *open = ui_find_label (actions, is_fr () ? "Copier le texte et ouvrir le formulaire"
                                                       : "Copy the Text and Open the Form");

    g_assert_true (open == NULL || !gtk_widget_is_drawable (open));
  }
  g_assert_nonnull (ui_find_label_prefix (actions, is_fr () ? "Envoyée le " : "Submitted on "));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui_find_label_prefix (actions, is_fr () ? "Envoyée le " : "Submitted on "))),
                            is_fr () ? "Réponse attendue au plus tard le " : "Answer due by "));
  g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "spine-sent-fr" : "spine-sent-en"));

  /* back to to do, for the next test */
  ui_act_variant (window, "win.set-state", g_variant_new ("(sss)", "facebook-object", "1", "todo"));
  close_window (window);
}

/* Until the page's slide in has ended: during it, the page left is still
 * drawn. */
static void
wait_settled (GtkWidget *page)
{
  GtkWidget *stack = gtk_widget_get_ancestor (page, GTK_TYPE_STACK);

  UI_WAIT_UNTIL (!gtk_stack_get_transition_running (GTK_STACK (stack)));
  ui_iterate (100);
}

/* A label under @root whose text holds @part. */
static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *part)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
card_in_view (GtkWidget *card,
              GtkWidget *page)
{
  graphene_rect_t bounds;

  /* its title, at its top, is on the first screen */
  return gtk_widget_compute_bounds (card, page, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + 48 < gtk_widget_get_height (page);
}

/* 40 days after an objection was sent without an answer: "Continue" on
 * the overview leads to it (not to a step of the page's top), its card
 * marked and its title in view, its "Complain" button the blue one and
 * focused; that button leads to the complaint, whose own button opens the
 * regulator's complaint page: three actions from the overview. */
static void
test_continue_to_overdue (void)
{
  VetoProgressStore *store = veto_application_get_store (app);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) sent = g_date_time_add_days (now, -40);
  VetoWindow *window;
  GtkWidget *page, *actions, *card, *focus, *first = NULL, *complaint_card;
  g_autofree char *opened = NULL;

  g_assert_true (veto_progress_store_set_state_on (store, "facebook-object", "1",
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));
  /* a step lower on the page is to do as well: Continue must not go there */
  window = open_window (760);
  ui_act_variant (window, "win.show-dashboard", NULL);
  g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "spine-overview-overdue-fr" : "spine-overview-overdue-en"));

  /* the overview's one blue button is Continue */
  g_assert_cmpuint (count_suggested (window, &first), ==, 1);
  g_assert_true (gtk_widget_activate (first));
  ui_iterate (400);

  g_assert_cmpstr (veto_window_get_page (window), ==, "app:facebook");
  page = veto_window_get_page_widget (window, "app:facebook");
  wait_settled (page);
  actions = veto_app_page_find_card (VETO_APP_PAGE (page), "facebook-object", "1");
  card = gtk_widget_get_ancestor (actions, VETO_TYPE_STEP_CARD);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_css_class (card, "veto-marked"));
  g_assert_true (card_in_view (card, page));
  /* its own pill */
  g_assert_nonnull (ui_find_label (actions, is_fr () ? "Sans réponse dans le délai" : "No Answer in Time"));

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_cmpstr (button_text (gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) ?: focus), ==,
                   is_fr () ? "Porter plainte" : "Complain");
  g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "spine-overdue-fr" : "spine-overdue-en"));
  g_assert_cmpuint (count_suggested (window, &first), ==, 1);
  g_assert_true (first == focus);

  /* second action: to the complaint, marked */
  g_assert_true (gtk_widget_activate (focus));
  ui_iterate (400);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  complaint_card = gtk_widget_get_ancestor (focus, VETO_TYPE_STEP_CARD);
  g_assert_nonnull (complaint_card);
  g_assert_true (complaint_card != card);
  g_assert_true (gtk_widget_has_css_class (complaint_card, "veto-marked"));
  g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "spine-complaint-fr" : "spine-complaint-en"));
  g_assert_true (card_in_view (complaint_card, gtk_widget_get_ancestor (complaint_card, VETO_TYPE_APP_PAGE)));
  g_assert_true (veto_step_get_conditional (veto_step_card_get_step (VETO_STEP_CARD (complaint_card))));

  /* the complaint is ready to paste, made of the person's facts, and
   * the record to attach is one button away */
  {
    g_autofree char *sent_day = veto_format_date (sent);
    GtkWidget *text = find_label_containing (complaint_card, sent_day);

    g_assert_nonnull (text);
    g_assert_true (gtk_widget_is_drawable (text));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (text)), "Perso"));
    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (text)), "UK GDPR"));
    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (text)), "LGPD"));
    g_assert_true (gtk_widget_is_drawable (ui_find_label (complaint_card, is_fr () ? "Exporter mon dossier…"
                                                                                    : "Export My Record…")));
    g_assert_cmpstr (button_text (gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) ?: focus), ==,
                     is_fr () ? "Ouvrir la page de plainte" : "Open the Complaint Page");
  }

  /* third: the regulator's complaint page, in the browser */
  g_assert_true (gtk_widget_activate (gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) ?: focus));
  ui_iterate (400);
  opened = ui_opened_urls ();
  g_test_message ("opened: %s", opened);
  g_assert_nonnull (strstr (opened, "https://www.cnil.fr/fr/plaintes"));

  close_window (window);
}

/* Through the wizard, as a first run goes, at 760 and 360 px: each page
 * shows one blue button. Next is it on the pages that have none of their
 * own (where you live, your apps); on an app's page it is the objection's,
 * and Next, in the header or in the bottom bar, is not blue. */
static void
test_wizard_one_suggested_button (void)
{
  const int widths[] = { 760, 360 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      VetoWindow *window = open_window (widths[w]);
      gboolean saw_facebook = FALSE, saw_next_blue = FALSE;

      ui_act_variant (window, "win.run-wizard", NULL);
      for (guint steps = 0; steps < 12 && !saw_facebook; steps++)
        {
          const char *name = veto_window_get_page (window);
          GtkWidget *first = NULL;
          guint n;

          wait_settled (veto_window_get_page_widget (window, name));
          ui_wait_for_draw (GTK_WIDGET (window));
          n = count_suggested (window, &first);
          g_test_message ("wizard %s at %d px: %u suggested button(s)%s%s", name, widths[w], n,
                          first ? ": " : "", first ? button_text (first) : "");
          g_assert_cmpuint (n, ==, 1);

          if (g_str_equal (name, "app:facebook"))
            {
              g_assert_cmpstr (button_text (first), ==,
                               is_fr () ? "Copier le texte et ouvrir le formulaire" : "Copy the Text and Open the Form");
              saw_facebook = TRUE;
              if (widths[w] == 360)
                g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "wizard-facebook-narrow-fr"
                                                                      : "wizard-facebook-narrow-en"));
            }
          else if (g_str_equal (button_text (first), is_fr () ? "_Suivant" : "_Next") ||
                   g_str_equal (button_text (first), is_fr () ? "Suivant" : "Next"))
            saw_next_blue = TRUE;

          if (!saw_facebook)
            ui_act_variant (window, "win.next", NULL);
        }
      g_assert_true (saw_facebook);
      /* and Next was blue where the page had nothing else */
      g_assert_true (saw_next_blue);

      ui_act_variant (window, "win.show-dashboard", NULL);
      close_window (window);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ui_init (&argc, &argv);
  write_progress ();

  app = ui_app_new ();

  g_test_add_func ("/spine/one-suggested-button", test_one_suggested_button);
  g_test_add_func ("/spine/wizard-one-suggested-button", test_wizard_one_suggested_button);
  g_test_add_func ("/spine/button-follows-state", test_button_follows_state);
  g_test_add_func ("/spine/continue-to-overdue", test_continue_to_overdue);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
