/* test-coming-back.c: coming back later: a due recheck, the record, reminders
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
#include "veto-i18n.h"
#include "veto-preferences-window.h"
#include "veto-reminder.h"
#include "veto-window.h"

static VetoApplication *app;

static char *
progress_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL);
}

/* An objection confirmed in January: by the end of November, due. */
static void
write_old_progress (void)
{
  g_autofree char *path = progress_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path,
                                      "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;\nCatalogVersion=1\n\n"
                                      "[Account facebook 1]\nLabel=Perso\n\n"
                                      "[Step facebook-object 1]\nState=confirmed\nSubmitted=2026-01-10T09:00:00Z\n"
                                      "Confirmed=2026-01-11T09:00:00Z\nUpdated=2026-01-11T09:00:00Z\nCatalogVersion=1\n\n"
                                      "[End]\n", -1, NULL));
}

static void
test_recheck (void)
{
  VetoWindow *window;
  VetoProgressStore *store = veto_application_get_store (app);
  GtkWidget *page, *card, *label;
  g_autofree char *saved = NULL;
  g_autofree char *opened = NULL;
  gboolean fr = g_str_equal (veto_i18n_get_language (), "fr");

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));

  /* the overview leads with what is due */
  g_assert_cmpstr (veto_window_get_page (window), ==, "dashboard");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), fr ? "À revérifier" : "Due for a Recheck"));
  g_free (ui_screenshot (GTK_WIDGET (window), fr ? "overview-due-fr" : "overview-due-en"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-app", "s", "facebook"));
  ui_iterate (300);
  page = veto_window_get_page_widget (window, "app:facebook");
  card = veto_app_page_find_card (VETO_APP_PAGE (page), "facebook-object", "1");
  g_assert_nonnull (card);
  /* catalog versions 2 and 3 changed this step since version 1: due at
   * once, and the card says why with the newest change (a recheck interval
   * alone would say "since …") */
  label = ui_find_label_prefix (card, fr ? "À revérifier\u00a0: Si l’e" : "Due for a recheck: If Meta’s email asked you");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));

  /* "Recheck Now": the official page again; the check counts only once the
   * person says they did it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.recheck", "(ss)", "facebook-object", "1"));
  ui_iterate (500);
  saved = ui_progress_file ();
  g_assert_null (strstr (saved, "Checked="));
  /* the card says so, and asks in place: not a toast that goes away */
  label = ui_find_label_prefix (card, fr ? "Vérification en cours" : "Checking");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  {
    GtkWidget *checked = ui_find_label (card, fr ? "J’ai vérifié" : "I Checked It");
    GtkWidget *button = checked ? gtk_widget_get_ancestor (checked, GTK_TYPE_BUTTON) : NULL;
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_get_visible (button));
    g_assert_true (focus == button || (focus != NULL && gtk_widget_is_ancestor (focus, button)));
    g_free (ui_screenshot (GTK_WIDGET (window), fr ? "card-checking-fr" : "card-checking-en"));
    g_signal_emit_by_name (button, "clicked");
  }
  ui_iterate (300);
  g_free (saved);
  saved = ui_progress_file ();
  g_assert_nonnull (strstr (saved, "Checked=2026-11-29T10:00:00Z"));
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_cmpuint (veto_checklist_get_n_due (veto_application_get_checklist (app)), ==, 0);
  for (int i = 0; i < 50 && !strstr (opened = ui_opened_urls (), "https://"); i++)
    {
      g_free (opened);
      ui_iterate (100);
    }
  g_assert_nonnull (strstr (opened, "https://www.facebook.com/help/contact/6359191084165019"));
  (void)store;

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

static void
test_export (void)
{
  VetoWindow *window;
  g_autofree char *dir = g_dir_make_tmp ("veto-record-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "record.pdf", NULL);
  g_autofree char *md = g_build_filename (dir, "record.md", NULL);
  g_autofree char *pdf_data = NULL;
  g_autofree char *md_data = NULL;
  gsize pdf_len = 0;

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-record-to", "s", pdf));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-record-to", "s", md));
  for (int i = 0; i < 100 && !(g_file_test (pdf, G_FILE_TEST_EXISTS) && g_file_test (md, G_FILE_TEST_EXISTS)); i++)
    ui_iterate (100);
  ui_iterate (200);

  g_assert_true (g_file_get_contents (pdf, &pdf_data, &pdf_len, NULL));
  g_assert_cmpuint (pdf_len, >, 1000);
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF-"));
  g_assert_true (g_file_get_contents (md, &md_data, NULL, NULL));
  g_assert_nonnull (strstr (md_data, "Facebook"));
  g_assert_nonnull (strstr (md_data, "6359191084165019"));
  /* the toast says where it went */
  g_free (ui_screenshot (GTK_WIDGET (window), g_str_equal (veto_i18n_get_language (), "fr") ? "exported-fr" : "exported-en"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

static GtkWidget *
find_switch_for (GtkWidget  *root,
                 const char *action)
{
  if (GTK_IS_SWITCH (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch_for (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_switch (GtkWidget *root)
{
  if (GTK_IS_SWITCH (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "app.reminders") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_reminders (void)
{
  VetoWindow *window;
  GtkWidget *prefs = NULL;
  GtkWidget *sw;
  g_autoptr(GFile) entry = veto_reminder_get_autostart_file ();

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_iterate (300);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (VETO_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);

  sw = find_switch (prefs);
  g_assert_nonnull (sw);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_false (g_file_query_exists (entry, NULL));

  /* on: an autostart entry that runs `veto --remind` at login */
  gtk_widget_activate (sw);
  UI_WAIT_UNTIL (gtk_switch_get_active (GTK_SWITCH (sw)) && g_file_query_exists (entry, NULL));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_true (g_file_query_exists (entry, NULL));
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_load_contents (entry, NULL, &text, NULL, NULL, NULL));
    g_assert_nonnull (strstr (text, "--remind"));
  }
  g_free (ui_screenshot (prefs, g_str_equal (veto_i18n_get_language (), "fr") ? "preferences-fr" : "preferences-en"));

  /* off: gone */
  gtk_widget_activate (sw);
  UI_WAIT_UNTIL (!gtk_switch_get_active (GTK_SWITCH (sw)) && !g_file_query_exists (entry, NULL));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_false (g_file_query_exists (entry, NULL));

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

static char *
settings_text (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "veto", "settings.ini", NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

static gboolean
action_state (const char *action)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (app), action);

  return g_variant_get_boolean (state);
}

/* "Look for new steps once a week", at the end of the wizard and in
 * Preferences: two switches on one action, off until the person says so,
 * saved in the settings keyfile. It keeps `veto --remind` at login while
 * it is on, "Remind me" or not; the login run goes only when both are
 * off, and "Remind me" keeps its own state throughout. */
static void
test_weekly_check (void)
{
  VetoWindow *window;
  GtkWidget *prefs = NULL;
  GtkWidget *done;
  GtkWidget *done_sw;
  GtkWidget *prefs_sw;
  GtkWidget *prefs_remind;
  g_autoptr(GFile) entry = veto_reminder_get_autostart_file ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_iterate (300);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (VETO_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);

  /* the wizard, through to its summary, as a person walks it again */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.run-wizard", NULL);
  for (guint i = 0; i < 20 && g_strcmp0 (veto_window_get_page (window), "done") != 0; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  g_assert_cmpstr (veto_window_get_page (window), ==, "done");
  done = veto_window_get_page_widget (window, "done");
  g_assert_nonnull (done);
  done_sw = find_switch_for (done, "app.weekly-check");
  prefs_sw = find_switch_for (prefs, "app.weekly-check");
  prefs_remind = find_switch_for (prefs, "app.reminders");
  g_assert_nonnull (done_sw);
  g_assert_nonnull (prefs_sw);
  g_assert_true (done_sw != prefs_sw);
  g_assert_false (action_state ("weekly-check"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (done_sw)));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (prefs_sw)));
  g_assert_false (g_file_query_exists (entry, NULL));
  before = settings_text ();
  g_assert_null (strstr (before, "WeeklyCheck=true"));

  /* on from the summary: on in Preferences, saved, and run at login,
   * while "Remind me" stays off */
  gtk_widget_activate (done_sw);
  UI_WAIT_UNTIL (gtk_switch_get_active (GTK_SWITCH (prefs_sw)) && g_file_query_exists (entry, NULL));
  g_assert_true (action_state ("weekly-check"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (done_sw)));
  g_assert_true (g_file_query_exists (entry, NULL));
  g_assert_false (action_state ("reminders"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (prefs_remind)));
  after = settings_text ();
  g_assert_nonnull (strstr (after, "WeeklyCheck=true"));
  g_assert_nonnull (strstr (after, "RemindMe=false"));

  /* "Remind me" on, then the weekly check off from Preferences: the
   * login run stays for the reminders */
  gtk_widget_activate (prefs_remind);
  UI_WAIT_UNTIL (action_state ("reminders"));
  gtk_widget_activate (prefs_sw);
  UI_WAIT_UNTIL (!gtk_switch_get_active (GTK_SWITCH (done_sw)));
  g_assert_false (action_state ("weekly-check"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (prefs_sw)));
  g_assert_true (action_state ("reminders"));
  g_assert_true (g_file_query_exists (entry, NULL));

  /* both off: the login run is gone */
  gtk_widget_activate (prefs_remind);
  UI_WAIT_UNTIL (!action_state ("reminders") && !g_file_query_exists (entry, NULL));
  g_assert_false (g_file_query_exists (entry, NULL));
  g_clear_pointer (&after, g_free);
  after = settings_text ();
  g_assert_nonnull (strstr (after, "WeeklyCheck=false"));
  g_assert_nonnull (strstr (after, "RemindMe=false"));

  /* read back from the file, as a new start of Veto reads it */
  gtk_widget_activate (done_sw);
  UI_WAIT_UNTIL (action_state ("weekly-check") && g_file_query_exists (entry, NULL));
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "weekly-check")),
                             g_variant_new_boolean (FALSE));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  UI_WAIT_UNTIL (gtk_switch_get_active (GTK_SWITCH (prefs_sw)));
  g_assert_true (action_state ("weekly-check"));
  gtk_widget_activate (prefs_sw);
  UI_WAIT_UNTIL (!action_state ("weekly-check") && !g_file_query_exists (entry, NULL));
  g_assert_false (g_file_query_exists (entry, NULL));

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

/* The button under @root bound to @action with @target, if any. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action,
                    GVariant   *target)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0 &&
      gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root)) != NULL &&
      g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root)), target))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Threads' objection is its own step (catalog version 3: no source says
 * that an objection sent from Instagram covers Threads, and the FRC gives
 * Threads its own route): an Instagram objection marked confirmed leaves
 * it to send, on Threads' page, with its own button to mark it submitted. */
static void
test_threads_own_objection (void)
{
  VetoWindow *window;
  VetoProgressStore *store = veto_application_get_store (app);
  gboolean fr = g_str_equal (veto_i18n_get_language (), "fr");
  g_auto(GStrv) accounts = NULL;
  g_auto(GStrv) threads_accounts = NULL;
  GtkWidget *page, *card, *same_as, *submit;

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-app-used", "(sb)", "instagram", TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-app-used", "(sb)", "threads", TRUE));
  accounts = veto_progress_store_dup_accounts (store, "instagram");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-state", "(sss)",
                                             "instagram-object", accounts[0], "confirmed"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-app", "s", "threads"));
  ui_iterate (300);

  threads_accounts = veto_progress_store_dup_accounts (store, "threads");
  g_assert_nonnull (threads_accounts);
  g_assert_nonnull (threads_accounts[0]);
  g_assert_cmpint (veto_progress_store_get_state (store, "threads-object-through-instagram", threads_accounts[0]), ==,
                   VETO_STEP_STATE_TODO);

  page = veto_window_get_page_widget (window, "app:threads");
  card = veto_app_page_find_card (VETO_APP_PAGE (page), "threads-object-through-instagram", threads_accounts[0]);
  g_assert_nonnull (card);
  /* not shown as the Instagram step's copy */
  same_as = ui_find_label_prefix (card, fr ? "Même démarche que\u00a0: " : "Same as: ");
  g_assert_true (same_as == NULL || !gtk_widget_get_visible (same_as));
  /* something to send, from Threads: its own "submitted" button */
  {
    g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new ("(sss)", "threads-object-through-instagram",
                                                                    threads_accounts[0], "submitted"));

    submit = find_action_button (card, "win.set-state", target);
  }
  g_assert_nonnull (submit);
  g_assert_true (gtk_widget_is_visible (submit));
  g_assert_true (gtk_widget_is_sensitive (submit));
  g_free (ui_screenshot (GTK_WIDGET (window), fr ? "threads-own-fr" : "threads-own-en"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_iterate (50);
}

/* Another Veto writes the progress file while the window is open (a
 * second window on another session bus, or `veto --attach-email` in a
 * terminal): the window reads it again and shows the change, and its own
 * next change is saved on top of it, overwriting nothing. */
static void
test_another_veto_writes (void)
{
  VetoWindow *window;
  VetoProgressStore *store = veto_application_get_store (app);
  g_autoptr(VetoClock) clock = veto_clock_new ();
  g_autoptr(VetoProgressStore) other = veto_progress_store_new (NULL, clock);
  g_autofree char *saved = NULL;
  gboolean fr = g_str_equal (veto_i18n_get_language (), "fr");

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));
  /* the window watches the file once it has drawn */
  ui_iterate (300);

  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-limit-audience", "1"), ==,
                   VETO_STEP_STATE_TODO);
  g_assert_true (veto_progress_store_load (other, NULL));
  veto_progress_store_set_state (other, "facebook-limit-audience", "1", VETO_STEP_STATE_DONE);
  g_assert_null (veto_progress_store_get_save_error (other));

  UI_WAIT_UNTIL (veto_progress_store_get_state (store, "facebook-limit-audience", "1") == VETO_STEP_STATE_DONE);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-limit-audience", "1"), ==,
                   VETO_STEP_STATE_DONE);

  /* the window's own change lands on top of the other one's */
  veto_progress_store_set_state (store, "facebook-object", "1", VETO_STEP_STATE_SKIPPED);
  g_assert_null (veto_progress_store_get_save_error (store));
  saved = ui_progress_file ();
  g_assert_nonnull (strstr (saved, "[Step facebook-limit-audience 1]\nState=done"));
  g_assert_nonnull (strstr (saved, "[Step facebook-object 1]\nState=skipped"));

  /* the other Veto switches the language: this window follows it */
  g_assert_true (veto_progress_store_reload_if_changed (other));
  veto_progress_store_set_language (other, fr ? "en" : "fr");
  g_assert_null (veto_progress_store_get_save_error (other));
  UI_WAIT_UNTIL (g_str_equal (veto_i18n_get_language (), fr ? "en" : "fr") &&
                 ui_main_window (app) != NULL &&
                 ui_find_label (GTK_WIDGET (ui_main_window (app)), fr ? "Your Apps" : "Vos applications") != NULL);
  g_assert_cmpstr (veto_i18n_get_language (), ==, fr ? "en" : "fr");
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (window), fr ? "Your Apps" : "Vos applications"));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
}

static guint
count_corrupt_copies (void)
{
  g_autofree char *path = progress_path ();
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "progress.ini.corrupt-"))
      n++;
  return n;
}

/* Whether the window's banner is revealed with @message. */
static gboolean
banner_shows (VetoWindow *window,
              const char *message)
{
  GtkWidget *label = ui_find_label (GTK_WIDGET (window), message);
  GtkWidget *revealer = label ? gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER) : NULL;

  return revealer != NULL && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* Writes @text over the progress file in place, as some editors do, in
 * two halves with @pause_ms between them. */
static void
write_in_place (const char *text,
                guint       pause_ms)
{
  g_autofree char *path = progress_path ();
  gsize half = strlen (text) / 2;
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (text, 1, half, file), ==, half);
  fflush (file);
  ui_iterate (pause_ms);
  g_assert_cmpuint (fwrite (text + half, 1, strlen (text) - half, file), ==, strlen (text) - half);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* The progress file is damaged while the window is open: a typo in a hand
 * edit, or an editor that writes in place and pauses half-way. The window
 * keeps what it shows, says so, changes nothing, reads the file again once
 * it parses, and replaces it only when the person asks. It used to move
 * the file aside and start empty, without a word; an editor's finished
 * text then ended in progress.ini.corrupt-…, with progress.ini empty. */
static void
test_damaged_while_open (void)
{
  VetoWindow *window;
  VetoProgressStore *store = veto_application_get_store (app);
  g_autoptr(GString) typo = NULL;
  g_autoptr(GString) fixed = NULL;
  g_autofree char *good = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = progress_path ();
  guint corrupt_before = count_corrupt_copies ();

  g_application_activate (G_APPLICATION (app));
  window = ui_main_window (app);
  ui_wait_for_draw (GTK_WIDGET (window));
  ui_iterate (300);

  veto_progress_store_set_state (store, "facebook-limit-audience", "1", VETO_STEP_STATE_DONE);
  g_assert_null (veto_progress_store_get_save_error (store));
  good = ui_progress_file ();
  typo = g_string_new (good);
  g_assert_cmpuint (g_string_replace (typo, "[Step facebook-limit-audience 1]\nState=done",
                                      "[Step facebook-limit-audience 1]\nState=doen", 1), ==, 1);

  /* a typo: the window keeps what it shows and says why */
  write_in_place (typo->str, 0);
  UI_WAIT_UNTIL (veto_progress_store_get_disk_error (store) != NULL);
  g_assert_nonnull (veto_progress_store_get_disk_error (store));
  g_assert_true (veto_progress_store_get_read_only (store));
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-limit-audience", "1"), ==,
                   VETO_STEP_STATE_DONE);
  message = g_strdup (veto_progress_store_get_disk_error (store)->message);
  g_assert_true (banner_shows (window, message));
  g_assert_nonnull (strstr (message, path));
  ui_iterate (400);
  g_free (ui_screenshot (GTK_WIDGET (window), "damaged-while-open"));

  /* nothing is saved over it, and nothing is moved aside */
  veto_progress_store_set_state (store, "facebook-object", "1", VETO_STEP_STATE_TODO);
  ui_iterate (500);
  on_disk = ui_progress_file ();
  g_assert_cmpstr (on_disk, ==, typo->str);
  g_assert_cmpuint (count_corrupt_copies (), ==, corrupt_before);

  /* the person fixes it in an editor that writes in place and pauses for
   * longer than the window waits: the window reads the finished text */
  fixed = g_string_new (good);
  g_assert_cmpuint (g_string_replace (fixed, "[Step facebook-limit-audience 1]\nState=done",
                                      "[Step facebook-limit-audience 1]\nState=skipped", 1), ==, 1);
  write_in_place (fixed->str, 600);
  UI_WAIT_UNTIL (veto_progress_store_get_disk_error (store) == NULL &&
                 veto_progress_store_get_state (store, "facebook-limit-audience", "1") == VETO_STEP_STATE_SKIPPED);
  g_assert_null (veto_progress_store_get_disk_error (store));
  g_assert_false (veto_progress_store_get_read_only (store));
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-limit-audience", "1"), ==,
                   VETO_STEP_STATE_SKIPPED);
  g_clear_pointer (&on_disk, g_free);
  on_disk = ui_progress_file ();
  g_assert_cmpstr (on_disk, ==, fixed->str);
  g_assert_cmpuint (count_corrupt_copies (), ==, corrupt_before);
  g_assert_false (banner_shows (window, message));

  /* damaged again; this time the person keeps what Veto shows */
  write_in_place (typo->str, 0);
  UI_WAIT_UNTIL (veto_progress_store_get_disk_error (store) != NULL);
  g_assert_nonnull (veto_progress_store_get_disk_error (store));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.replace-damaged", NULL));
  g_assert_null (veto_progress_store_get_disk_error (store));
  g_assert_cmpuint (count_corrupt_copies (), ==, corrupt_before + 1);
  g_clear_pointer (&on_disk, g_free);
  on_disk = ui_progress_file ();
  g_assert_nonnull (strstr (on_disk, "[Step facebook-limit-audience 1]\nState=skipped"));
  veto_progress_store_set_state (store, "facebook-object", "1", VETO_STEP_STATE_SKIPPED);
  g_assert_null (veto_progress_store_get_save_error (store));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ui_init (&argc, &argv);
  g_setenv ("VETO_NOW", "2026-11-29T10:00:00Z", TRUE);
  write_old_progress ();

  app = ui_app_new ();

  g_test_add_func ("/record/recheck", test_recheck);
  g_test_add_func ("/record/export", test_export);
  g_test_add_func ("/record/reminders", test_reminders);
  g_test_add_func ("/record/weekly-check", test_weekly_check);
  g_test_add_func ("/record/threads-own-objection", test_threads_own_objection);
  g_test_add_func ("/record/another-veto-writes", test_another_veto_writes);
  g_test_add_func ("/record/damaged-while-open", test_damaged_while_open);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
