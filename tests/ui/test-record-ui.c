/* test-record-ui.c: the record in the window — the date calendar, Undo,
 * the question before a change of region, Meta's email dropped on a step
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
#include "veto-date-popover.h"
#include "veto-month-calendar.h"
#include "veto-i18n.h"
#include "veto-step-actions.h"
#include "veto-window.h"
#include "test-record-fixtures.h"
#include "test-signing.h"

static VetoApplication *app;

static gboolean
is_fr (void)
{
  return g_str_equal (veto_i18n_get_language (), "fr");
}

/* A newer catalog "downloaded" earlier, with answer periods, a complaint
 * step and Meta's sending domains; a Facebook objection sent on 20
 * November. */
static void
write_catalog (void)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "veto", NULL);
  g_autofree char *catalog = g_build_filename (cache, "meta.steps", NULL);
  g_autoptr(GString) text = g_string_new (TEST_RECORD_CATALOG);

  g_autofree char *keys = g_build_filename (g_get_user_data_dir (), "keys", NULL);
  g_autofree char *key = test_signing_new_key (keys, "feed");
  g_autofree char *sig = NULL;
  g_autofree char *sig_path = g_strconcat (catalog, ".minisig", NULL);

  g_string_replace (text, "Version=5\n", "Version=99\n", 1);
  g_mkdir_with_parents (cache, 0700);
  g_assert_true (g_file_set_contents (catalog, text->str, -1, NULL));
  /* signed as published catalogs are, with a key of this test's own that
   * this Veto, run from its build folder, is told to trust */
  sig = test_signing_sign (keys, "feed", text->str, "version:99 valid-until:" TEST_VALID_UNTIL, FALSE);
  g_assert_true (g_file_set_contents (sig_path, sig, -1, NULL));
  g_setenv ("VETO_TEST_CATALOG_KEY", key, TRUE);
}

static void
write_state (void)
{
  g_autofree char *state = g_build_filename (g_get_user_state_dir (), "veto", NULL);
  g_autofree char *progress = g_build_filename (state, "progress.ini", NULL);

  g_mkdir_with_parents (state, 0700);
  g_assert_true (g_file_set_contents (progress,
                                      "[Veto]\nFormat=2\nRegion=eu\nApps=facebook;\nCatalogVersion=99\n\n"
                                      "[Account facebook 1]\nLabel=Perso\n\n"
                                      "[Step facebook-object 1]\nState=submitted\nSubmitted=2026-11-20\n"
                                      "SubmittedEntered=2026-11-20T18:00:00Z\nUpdated=2026-11-20T18:00:00Z\n\n"
                                      "[End]\n", -1, NULL));

  /* each test starts from this file, as a new run of Veto would */
  g_assert_true (veto_progress_store_load (veto_application_get_store (app), NULL));
  veto_checklist_refresh (veto_application_get_checklist (app));
}

static VetoWindow *
open_window (void)
{
  VetoWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (veto_catalog_get_version (veto_application_get_catalog (app)), ==, 99);
  return window;
}

static GtkWidget *
open_card (VetoWindow *window)
{
  GtkWidget *page;
  GtkWidget *card;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-app", "s", "facebook"));
  ui_iterate (300);
  page = veto_window_get_page_widget (window, "app:facebook");
  card = veto_app_page_find_card (VETO_APP_PAGE (page), "facebook-object", "1");
  g_assert_nonnull (card);
  return card;
}

static void
click_label (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = ui_find_label (root, text);
  GtkWidget *button = label ? gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON) : NULL;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_iterate (300);
}

static void
close_window (VetoWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (100);
}

/* The calendar: a day in the future is refused on the spot, a real one is
 * saved beside when it was entered, and Undo puts the old one back. */
static void
test_date_popover (void)
{
  VetoWindow *window;
  GtkWidget *card, *popover;
  g_autoptr(GDateTime) future = g_date_time_new_local (2026, 12, 5, 0, 0, 0);
  g_autoptr(GDateTime) real = g_date_time_new_local (2026, 11, 18, 0, 0, 0);
  g_autofree char *saved = NULL;
  GtkWidget *error;

  write_state ();
  window = open_window ();
  card = open_card (window);
  g_assert_nonnull (ui_find_label (card, is_fr () ? "Corriger les dates…" : "Correct Dates…"));

  popover = veto_step_actions_get_date_popover (VETO_STEP_ACTIONS (card));
  gtk_popover_popup (GTK_POPOVER (popover));
  ui_wait_for_draw (popover);
  /* the calendar takes the keyboard at once, on the chosen day */
  {
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (popover));

    g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)));
    g_assert_true (gtk_widget_is_ancestor (focus, ui_find_type (popover, VETO_TYPE_MONTH_CALENDAR)));
    /* one day takes the focus, so Tab leaves the calendar at once */
    g_assert_true (gtk_widget_child_focus (popover, GTK_DIR_TAB_FORWARD));
    focus = gtk_root_get_focus (gtk_widget_get_root (popover));
    g_assert_nonnull (focus);
    g_assert_false (gtk_widget_is_ancestor (focus, ui_find_type (popover, VETO_TYPE_MONTH_CALENDAR)));
    gtk_widget_grab_focus (ui_find_type (popover, VETO_TYPE_MONTH_CALENDAR));
  }

  veto_date_popover_select (VETO_DATE_POPOVER (popover), VETO_DATE_SUBMITTED, future);
  ui_iterate (100);
  error = ui_find_label (popover, is_fr () ? "Cette date est à venir. Choisissez le jour où cela s’est produit."
                                           : "That day is in the future. Choose the day it happened.");
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_visible (error));
  {
    GtkWidget *save = gtk_widget_get_ancestor (ui_find_label (popover, is_fr () ? "Enregistrer la date" : "Save Date"),
                                               GTK_TYPE_BUTTON);

    g_assert_false (gtk_widget_is_sensitive (save));
  }
  g_free (ui_screenshot (popover, is_fr () ? "date-popover-future-fr" : "date-popover-future-en"));

  veto_date_popover_select (VETO_DATE_POPOVER (popover), VETO_DATE_SUBMITTED, real);
  ui_iterate (100);
  g_assert_false (gtk_widget_get_visible (error));
  click_label (popover, is_fr () ? "Enregistrer la date" : "Save Date");

  saved = ui_progress_file ();
  g_assert_nonnull (strstr (saved, "Submitted=2026-11-18\nSubmittedEntered=2026-12-02T10:00:00Z\n"));
  /* with the answer due a month later (GDPR Article 12(3)) */
  g_assert_nonnull (ui_find_label (card, is_fr () ? "Envoyée le 18\u00a0novembre\u00a02026. Réponse attendue au plus tard le 18\u00a0décembre\u00a02026."
                                                  : "Submitted on November 18, 2026. Answer due by December 18, 2026."));

  /* Undo, from the toast */
  click_label (GTK_WIDGET (window), is_fr () ? "Annuler" : "Undo");
  g_free (saved);
  saved = ui_progress_file ();
  g_assert_nonnull (strstr (saved, "Submitted=2026-11-20\nSubmittedEntered=2026-11-20T18:00:00Z\n"));

  close_window (window);
}

/* Every state change says what it did and can be undone, dates and all. */
static void
test_undo_toast (void)
{
  VetoWindow *window;
  VetoProgressStore *store;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_state ();
  window = open_window ();
  store = veto_application_get_store (app);
  before = veto_progress_store_dup_step_snapshot (store, "facebook-object", "1");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-state", "(sss)",
                                             "facebook-object", "1", "todo"));
  ui_iterate (300);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_TODO);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), is_fr () ? "De nouveau à faire. Ses dates ont été effacées."
                                                                : "Back to to do. Its dates were cleared."));
  g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "undo-toast-fr" : "undo-toast-en"));

  click_label (GTK_WIDGET (window), is_fr () ? "Annuler" : "Undo");
  after = veto_progress_store_dup_step_snapshot (store, "facebook-object", "1");
  g_assert_cmpstr (after, ==, before);

  /* Ctrl+Z (win.undo-last) undoes the latest change, once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-state", "(sss)",
                                             "facebook-object", "1", "confirmed"));
  ui_iterate (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-last", NULL));
  ui_iterate (200);
  g_clear_pointer (&after, g_free);
  after = veto_progress_store_dup_step_snapshot (store, "facebook-object", "1");
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-last", NULL));
  ui_iterate (200);
  g_clear_pointer (&after, g_free);
  after = veto_progress_store_dup_step_snapshot (store, "facebook-object", "1");
  g_assert_cmpstr (after, ==, before);

  /* refused, then back to submitted with the submission's date kept */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-state", "(sss)",
                                             "facebook-object", "1", "refused"));
  ui_iterate (300);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), is_fr () ? "Marquée «\u202fRefusée\u202f»." : "Marked “Refused”."));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-state", "(sss)",
                                             "facebook-object", "1", "submitted"));
  ui_iterate (300);
  {
    g_autoptr(GDateTime) sent = veto_progress_store_dup_date (store, "facebook-object", "1", VETO_DATE_SUBMITTED);

    g_assert_cmpint (g_date_time_get_day_of_month (sent), ==, 20);
  }

  close_window (window);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) widget = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (widget) && gtk_widget_get_visible (widget))
        return ADW_MESSAGE_DIALOG (widget);
    }

  return NULL;
}

/* The visible dialog with this heading: one that answered may still be
 * on its way out. */
static AdwMessageDialog *
find_dialog_with_heading (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) widget = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (widget) && gtk_widget_get_visible (widget) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (widget)), heading) == 0)
        return ADW_MESSAGE_DIALOG (widget);
    }

  return NULL;
}

static const char *
answer_heading (void)
{
  return is_fr () ? "Est-ce la réponse de Meta\u202f?" : "Is This Meta’s Answer?";
}

/* Moving asks first and names what will move; nothing is hidden after. */
static void
test_region_change_dialog (void)
{
  VetoWindow *window;
  VetoProgressStore *store;
  VetoChecklist *checklist;
  AdwMessageDialog *dialog;

  write_state ();
  window = open_window ();
  store = veto_application_get_store (app);
  checklist = veto_application_get_checklist (app);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.region", "s", "other"));
  ui_iterate (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   is_fr () ? "Changer votre lieu de résidence\u202f?" : "Change Where You Live?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            is_fr () ? "• S’opposer (Facebook, Perso)" : "• Object (Facebook, Perso)"));
  g_free (ui_screenshot (GTK_WIDGET (dialog), is_fr () ? "region-change-fr" : "region-change-en"));

  /* cancelled: nothing moves */
  adw_message_dialog_response (dialog, "cancel");
  ui_iterate (300);
  g_assert_cmpstr (veto_progress_store_get_region (store), ==, "eu");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.region", "s", "other"));
  ui_iterate (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "change");
  ui_iterate (300);
  g_assert_cmpstr (veto_progress_store_get_region (store), ==, "other");
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_earlier_tasks (checklist)), ==, 1);

  /* the overview still shows it, under its own heading */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL));
  ui_iterate (300);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), is_fr () ? "Enregistré plus tôt" : "Recorded Earlier"));

  close_window (window);
}

/* Stopping an app asks first too, and names what stays in the record. */
static void
test_stop_using_app_dialog (void)
{
  VetoWindow *window;
  VetoProgressStore *store;
  AdwMessageDialog *dialog;

  write_state ();
  window = open_window ();
  store = veto_application_get_store (app);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-app-used", "(sb)", "facebook", FALSE));
  ui_iterate (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   is_fr () ? "Ne plus utiliser cette application\u202f?" : "Stop Using This App?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            is_fr () ? "• S’opposer (Facebook, Perso)" : "• Object (Facebook, Perso)"));
  adw_message_dialog_response (dialog, "cancel");
  ui_iterate (300);
  g_assert_true (veto_progress_store_has_app (store, "facebook"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-app-used", "(sb)", "facebook", FALSE));
  ui_iterate (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "stop");
  ui_iterate (300);
  g_assert_false (veto_progress_store_has_app (store, "facebook"));
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_earlier_tasks (veto_application_get_checklist (app))), ==, 1);

  close_window (window);
}

static gboolean
drop_on (GtkWidget  *widget,
         const char *path)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files;
  gboolean handled = FALSE;

  files = g_slist_prepend (NULL, g_file_new_for_path (path));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &handled);
          return handled;
        }
    }

  g_assert_not_reached ();
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "email", name, NULL);
}

/* Meta's email dropped on the objection: confirmed on the email's day, a
 * private copy kept; a forged one refused with a clear message. */
static void
test_dropped_email (void)
{
  VetoWindow *window;
  VetoProgressStore *store;
  GtkWidget *card;
  AdwMessageDialog *dialog;
  g_autofree char *forged = fixture ("forged-domain.eml");
  g_autofree char *real = fixture ("facebook-confirmation.eml");
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "veto", "evidence", NULL);
  g_autofree char *saved = NULL;

  write_state ();
  window = open_window ();
  store = veto_application_get_store (app);
  card = open_card (window);

  g_assert_true (drop_on (card, forged));
  ui_iterate (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   is_fr () ? "Cet e\u2011mail ne peut pas être conservé" : "This Email Can’t Be Kept");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "facebookmail.com.evil.example"));
  g_free (ui_screenshot (GTK_WIDGET (dialog), is_fr () ? "email-refused-fr" : "email-refused-en"));
  adw_message_dialog_response (dialog, "close");
  ui_iterate (200);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_SUBMITTED);

  /* from Meta's domain, and its words accept the objection: the window
   * still asks, with Meta's acceptance as the default */
  g_assert_true (drop_on (card, real));
  ui_iterate (300);
  dialog = find_dialog_with_heading (answer_heading ());
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "confirmed");
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_SUBMITTED);
  adw_message_dialog_response (dialog, "confirmed");
  ui_iterate (300);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_CONFIRMED);
  saved = ui_progress_file ();
  g_assert_nonnull (strstr (saved, "Confirmed=2026-12-01\n"));
  g_assert_nonnull (strstr (saved, "EvidenceSha256="));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window),
                                   is_fr () ? "L’e\u2011mail de Meta est conservé comme preuve\u00a0: confirmation du 1er\u00a0décembre\u00a02026."
                                            : "Meta’s email is kept as proof: confirmed on December 1, 2026."));
  g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "email-kept-fr" : "email-kept-en"));

  close_window (window);
}

/* Dropped on the window rather than on a step, with two objections
 * waiting: the window asks which, and records nothing until told. */
static void
test_email_two_accounts (void)
{
  VetoWindow *window;
  VetoProgressStore *store;
  AdwMessageDialog *dialog;
  g_autofree char *real = fixture ("facebook-confirmation.eml");
  g_autofree char *account = NULL;
  g_autoptr(GDateTime) sent = g_date_time_new_local (2026, 11, 22, 0, 0, 0);

  write_state ();
  store = veto_application_get_store (app);
  account = veto_progress_store_add_account (store, "facebook", "Travail");
  g_assert_true (veto_progress_store_set_state_on (store, "facebook-object", account,
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));
  window = open_window ();

  g_assert_true (drop_on (GTK_WIDGET (window), real));
  ui_iterate (300);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   is_fr () ? "À quelle opposition cet e\u2011mail répond-il\u202f?" : "Which Objection Does This Email Answer?");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "0"), ==, "Facebook — Perso");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "1"), ==, "Facebook — Travail");
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_SUBMITTED);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", account), ==, VETO_STEP_STATE_SUBMITTED);
  g_free (ui_screenshot (GTK_WIDGET (dialog), is_fr () ? "email-which-fr" : "email-which-en"));

  adw_message_dialog_response (dialog, "1");
  ui_iterate (300);
  /* then whether it is Meta's answer, for that one */
  dialog = find_dialog_with_heading (answer_heading ());
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Travail"));
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", account), ==, VETO_STEP_STATE_SUBMITTED);
  adw_message_dialog_response (dialog, "confirmed");
  ui_iterate (300);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_SUBMITTED);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", account), ==, VETO_STEP_STATE_CONFIRMED);

  close_window (window);
}

/* An acknowledgement from Meta's own domain is not its answer: the window
 * shows who sent it, when and about what, and asks; Cancel keeps nothing,
 * "Keep Only as Proof" keeps the email and leaves the objection submitted,
 * and the card's menu then opens the copy kept. */
static void
test_email_receipt_asks (void)
{
  VetoWindow *window;
  VetoProgressStore *store;
  GtkWidget *card;
  AdwMessageDialog *dialog;
  g_autofree char *receipt = fixture ("facebook-receipt.eml");
  g_autofree char *saved = NULL;
  g_autoptr(VetoEvidenceInfo) kept = NULL;
  GMenuModel *menu;
  gboolean open = FALSE;
  const char *body;

  write_state ();
  window = open_window ();
  store = veto_application_get_store (app);
  card = open_card (window);

  g_assert_true (drop_on (card, receipt));
  ui_iterate (300);
  dialog = find_dialog_with_heading (answer_heading ());
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, is_fr () ? "Expéditeur\u00a0: Facebook <notification@facebookmail.com>\n"
                                           : "From: Facebook <notification@facebookmail.com>\n"));
  g_assert_nonnull (strstr (body, is_fr () ? "Objet\u00a0: We received your request\n" : "Subject: We received your request\n"));
  g_assert_nonnull (strstr (body, is_fr () ? "25\u00a0novembre\u00a02026" : "November 25, 2026"));
  /* its words say neither: keeping it is the default, never Meta's acceptance */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "keep"), ==,
                   is_fr () ? "_Garder seulement comme preuve" : "_Keep Only as Proof");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "confirmed"), ==,
                   is_fr () ? "Meta a a_ccepté" : "Meta _Accepted");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "refused"), ==,
                   is_fr () ? "Meta a _refusé" : "Meta _Refused");
  g_free (ui_screenshot (GTK_WIDGET (dialog), is_fr () ? "email-answer-fr" : "email-answer-en"));

  adw_message_dialog_response (dialog, "cancel");
  ui_iterate (300);
  g_assert_null (veto_progress_store_dup_evidence (store, "facebook-object", "1"));
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_SUBMITTED);

  g_assert_true (drop_on (card, receipt));
  ui_iterate (300);
  dialog = find_dialog_with_heading (answer_heading ());
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "keep");
  ui_iterate (300);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_SUBMITTED);
  kept = veto_progress_store_dup_evidence (store, "facebook-object", "1");
  g_assert_nonnull (kept);
  g_assert_cmpstr (kept->subject, ==, "We received your request");
  g_assert_cmpint (veto_evidence_info_check_file (kept, NULL), ==, VETO_EVIDENCE_FILE_KEPT);
  saved = ui_progress_file ();
  g_assert_nonnull (strstr (saved, "State=submitted\n"));
  g_assert_null (strstr (saved, "Confirmed="));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window),
                                   is_fr () ? "L’e\u2011mail de Meta est conservé comme preuve. L’état de l’opposition n’a pas changé."
                                            : "Meta’s email is kept as proof. The objection’s state is unchanged."));

  /* the card's menu opens the kept copy */
  gtk_menu_button_popup (GTK_MENU_BUTTON (ui_find_type (card, GTK_TYPE_MENU_BUTTON)));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (ui_find_type (card, GTK_TYPE_MENU_BUTTON)));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (ui_find_type (card, GTK_TYPE_MENU_BUTTON)));
  g_assert_nonnull (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *text = NULL;
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &text);
          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          if (g_strcmp0 (text, is_fr () ? "Ou_vrir l’e\u2011mail de Meta conservé" : "Open Meta’s _Kept Email") == 0)
            {
              g_assert_cmpstr (action, ==, "win.open-evidence");
              open = TRUE;
            }
        }
    }
  g_assert_true (open);

  close_window (window);
}

/* The overview leads with an objection Meta left unanswered, and the
 * complaint it makes the next thing to do. */
static void
test_overview_overdue (void)
{
  VetoWindow *window;
  VetoProgressStore *store;
  g_autoptr(GDateTime) sent = g_date_time_new_local (2026, 10, 20, 0, 0, 0);

  write_state ();
  store = veto_application_get_store (app);
  g_assert_true (veto_progress_store_set_date (store, "facebook-object", "1", VETO_DATE_SUBMITTED, sent, NULL));
  window = open_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-dashboard", NULL));
  ui_iterate (300);

  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), is_fr () ? "Pas de réponse de Meta" : "No Answer From Meta"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window),
                                   is_fr () ? "Facebook, Perso — Aucune réponse de Meta en 1\u00a0mois\u00a0: délai dépassé depuis le 21\u00a0novembre\u00a02026."
                                            : "Facebook, Perso — No answer from Meta within 1 month: overdue since November 21, 2026."));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), is_fr () ? "Ensuite\u00a0: Porter plainte" : "Next: Complain to your regulator"));
  g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "overview-overdue-fr" : "overview-overdue-en"));

  close_window (window);
}

/* The step card's row for an objection Meta left unanswered says so and
 * since when; the complaint it activates stops being "only if needed" and
 * says what to attach; the menu offers Meta's refusal and its email; the
 * dates can be corrected on a calendar. */
static void
test_card_overdue (void)
{
  VetoWindow *window;
  VetoProgressStore *store;
  g_autoptr(GDateTime) sent = g_date_time_new_local (2026, 10, 20, 0, 0, 0);
  GtkWidget *page, *objection, *complaint, *label, *popover;
  GMenuModel *menu;
  gboolean refused = FALSE, email = FALSE;

  write_state ();
  window = open_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 900);
  open_card (window);
  page = veto_window_get_page_widget (window, "app:facebook");

  /* sent on 20 November: Meta has until 20 December, no complaint yet */
  complaint = veto_app_page_find_card (VETO_APP_PAGE (page), "facebook-complain", NULL);
  g_assert_nonnull (complaint);
  label = ui_find_label (complaint, is_fr () ? "Si besoin" : "Only if needed");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));

  /* sent on 20 October: overdue since 21 November */
  store = veto_application_get_store (app);
  g_assert_true (veto_progress_store_set_date (store, "facebook-object", "1", VETO_DATE_SUBMITTED, sent, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-step", "(ss)", "facebook-object", "1"));
  ui_iterate (300);

  objection = veto_app_page_find_card (VETO_APP_PAGE (page), "facebook-object", "1");
  label = ui_find_label (objection, is_fr () ? "Aucune réponse de Meta en 1\u00a0mois\u00a0: délai dépassé depuis le 21\u00a0novembre\u00a02026."
                                             : "No answer from Meta within 1 month: overdue since November 21, 2026.");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));

  /* the complaint, a to-do now, moved up among the page's first steps:
   * its card is a new one */
  complaint = veto_app_page_find_card (VETO_APP_PAGE (page), "facebook-complain", NULL);
  g_assert_nonnull (complaint);
  g_assert_null (ui_find_label (complaint, is_fr () ? "Si besoin" : "Only if needed"));
  g_assert_nonnull (ui_find_label (complaint, is_fr () ? "À faire" : "To do"));
  label = ui_find_label_prefix (complaint, is_fr () ? "Joignez le dossier exporté de Veto" : "Attach the record you export from Veto");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));

  /* the objection's menu: Meta's refusal and its email */
  /* the ⋮ menu is made when opened */
  gtk_menu_button_popup (GTK_MENU_BUTTON (ui_find_type (objection, GTK_TYPE_MENU_BUTTON)));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (ui_find_type (objection, GTK_TYPE_MENU_BUTTON)));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (ui_find_type (objection, GTK_TYPE_MENU_BUTTON)));
  g_assert_nonnull (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *text = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &text);
          refused |= g_strcmp0 (text, is_fr () ? "Meta a _refusé" : "Meta _Refused") == 0;
          email |= g_strcmp0 (text, is_fr () ? "Joindre l’_e\u2011mail de Meta…" : "Attach Meta’s _Email…") == 0;
        }
    }
  g_assert_true (refused);
  g_assert_true (email);

  g_assert_nonnull (ui_find_label (objection, is_fr () ? "Corriger les dates…" : "Correct Dates…"));
  ui_wait_for_draw (GTK_WIDGET (window));
  g_free (ui_screenshot (GTK_WIDGET (window), is_fr () ? "card-overdue-fr" : "card-overdue-en"));

  popover = veto_step_actions_get_date_popover (VETO_STEP_ACTIONS (objection));
  gtk_popover_popup (GTK_POPOVER (popover));
  ui_wait_for_draw (popover);
  g_free (ui_screenshot (popover, is_fr () ? "card-overdue-dates-fr" : "card-overdue-dates-en"));
  gtk_popover_popdown (GTK_POPOVER (popover));

  close_window (window);
}

/* "Export Record…" offers PDF and Markdown; choosing Markdown changes the
 * name's ending, which decides the format. */
static void
test_export_offers_both (void)
{
  VetoWindow *window;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkFileChooser *chooser = NULL;
  g_autoptr(GListModel) filters = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) markdown = NULL;
  g_autofree char *documents = NULL;

  /* the person has a Documents folder, named as xdg-user-dirs does */
  {
    g_autofree char *user_dirs = g_build_filename (g_get_user_config_dir (), "user-dirs.dirs", NULL);
    g_autofree char *line = NULL;

    documents = g_build_filename (g_get_user_data_dir (), "Mes documents", NULL);
    g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
    line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents);
    g_assert_true (g_file_set_contents (user_dirs, line, -1, NULL));
    g_reload_user_special_dirs_cache ();
  }

  write_state ();
  window = open_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-record", NULL));
  ui_iterate (500);

  for (guint i = 0; chooser == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) widget = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (widget) && gtk_widget_get_visible (widget))
        chooser = GTK_FILE_CHOOSER (widget);
    }
  g_assert_nonnull (chooser);

  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  /* in Documents, not where Veto was started from */
  {
    g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);
    g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

    g_assert_cmpstr (path, ==, documents);
  }
  g_free (ui_screenshot (GTK_WIDGET (chooser), is_fr () ? "export-choose-fr" : "export-choose-en"));

  markdown = g_list_model_get_item (filters, 1);
  g_assert_cmpstr (gtk_file_filter_get_name (markdown), ==, is_fr () ? "Texte Markdown" : "Markdown text");

  /* Markdown chosen, Veto's name kept: a Markdown record */
  {
    g_autofree char *dir = g_dir_make_tmp ("veto-export-XXXXXX", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".pdf"));
    g_autofree char *md = g_strconcat (dir, G_DIR_SEPARATOR_S, stem, ".md", NULL);
    g_autofree char *text = NULL;

    g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
    gtk_file_chooser_set_current_name (chooser, name);
    gtk_file_chooser_set_filter (chooser, markdown);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    for (int i = 0; i < 50 && !g_file_test (md, G_FILE_TEST_EXISTS); i++)
      ui_iterate (100);
    g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, is_fr () ? "# Dossier des oppositions" : "# Record of objections"));
  }

  close_window (window);
}


int
main (int   argc,
      char *argv[])
{
  g_setenv ("VETO_NOW", "2026-12-02T10:00:00Z", TRUE);
  ui_init (&argc, &argv);
  write_catalog ();
  app = ui_app_new ();

  g_test_add_func ("/record-ui/date-popover", test_date_popover);
  g_test_add_func ("/record-ui/undo-toast", test_undo_toast);
  g_test_add_func ("/record-ui/region-change-dialog", test_region_change_dialog);
  g_test_add_func ("/record-ui/stop-using-app-dialog", test_stop_using_app_dialog);
  g_test_add_func ("/record-ui/dropped-email", test_dropped_email);
  g_test_add_func ("/record-ui/email-two-accounts", test_email_two_accounts);
  g_test_add_func ("/record-ui/email-receipt-asks", test_email_receipt_asks);
  g_test_add_func ("/record-ui/overview-overdue", test_overview_overdue);
  g_test_add_func ("/record-ui/card-overdue", test_card_overdue);
  g_test_add_func ("/record-ui/export-offers-both", test_export_offers_both);

  return g_test_run ();
}
