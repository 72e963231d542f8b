/* test-reminder.c: the login reminder's autostart entry and its message
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "veto-checklist.h"
#include "veto-i18n.h"
#include "veto-reminder.h"
#include "veto-settings.h"
#include "veto-weekly-check.h"
#include "test-fixtures.h"

static char *
autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart",
                           "io.github.vetoapp.Veto.Remind.desktop", NULL);
}

/* The entry runs `veto` by its absolute path, whatever the session's
 * $PATH (tests/run/test-installed.c checks which `veto`, installed). */
static void
assert_runs_launcher (GKeyFile *keyfile)
{
  g_autofree char *exec = g_key_file_get_string (keyfile, "Desktop Entry", "Exec", NULL);
  g_autofree char *try_exec = g_key_file_get_string (keyfile, "Desktop Entry", "TryExec", NULL);
  g_autofree char *name = NULL;
  g_auto(GStrv) argv = NULL;

  g_test_message ("Exec=%s", exec);
  g_assert_true (g_shell_parse_argv (exec, NULL, &argv, NULL));
  g_assert_cmpuint (g_strv_length (argv), ==, 2);
  g_assert_true (g_path_is_absolute (argv[0]));
  name = g_path_get_basename (argv[0]);
  g_assert_cmpstr (name, ==, "veto");
  g_assert_cmpstr (argv[1], ==, "--remind");
  g_assert_cmpstr (try_exec, ==, argv[0]);
}

static void
test_enable_disable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GFile) file = veto_reminder_get_autostart_file ();
  g_autofree char *path = autostart_path ();
  g_autofree char *name = NULL;
  g_autofree char *validate = NULL;

  g_assert_cmpstr (g_file_peek_path (file), ==, path);
  g_assert_false (veto_reminder_get_enabled ());

  /* off when already off is not an error */
  g_assert_true (veto_reminder_set_enabled (FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (veto_reminder_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (veto_reminder_get_enabled ());

  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error));
  g_assert_no_error (error);
  assert_runs_launcher (keyfile);
  name = g_key_file_get_string (keyfile, "Desktop Entry", "Name", NULL);
  g_assert_cmpstr (name, ==, "Veto reminders");
  g_assert_true (g_key_file_get_boolean (keyfile, "Desktop Entry", "NoDisplay", NULL));
  g_assert_true (g_key_file_get_boolean (keyfile, "Desktop Entry", "X-GNOME-Autostart-enabled", NULL));
  /* in English, no translation is written */
  g_assert_false (g_key_file_has_key (keyfile, "Desktop Entry", "Name[fr]", NULL));

  /* the entry is one a desktop accepts */
  validate = g_find_program_in_path ("desktop-file-validate");
  if (validate != NULL)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { validate, path, NULL };
      int wait_status;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &out, &err, &wait_status, &error));
      g_assert_no_error (error);
      g_test_message ("desktop-file-validate: %s%s", out, err);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
      g_assert_cmpstr (out, ==, "");
    }

  /* turning it on twice is harmless */
  g_assert_true (veto_reminder_set_enabled (TRUE, &error));
  g_assert_true (veto_reminder_get_enabled ());

  g_assert_true (veto_reminder_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (veto_reminder_get_enabled ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_translated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = autostart_path ();
  g_autofree char *name = NULL;
  g_autofree char *name_fr = NULL;
  g_autofree char *comment_fr = NULL;

  veto_i18n_set_language ("fr");
  g_assert_true (veto_reminder_set_enabled (TRUE, &error));
  veto_i18n_set_language ("en");
  g_assert_no_error (error);

  /* English for sessions in other languages, and the interface's language */
  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error));
  name = g_key_file_get_string (keyfile, "Desktop Entry", "Name", NULL);
  name_fr = g_key_file_get_locale_string (keyfile, "Desktop Entry", "Name", "fr", NULL);
  comment_fr = g_key_file_get_locale_string (keyfile, "Desktop Entry", "Comment", "fr", NULL);
  g_assert_cmpstr (name, ==, "Veto reminders");
  g_assert_cmpstr (name_fr, ==, "Rappels de Veto");
  g_assert_true (g_str_has_prefix (comment_fr, "À l’ouverture de session"));
}

static void
test_switched_off_elsewhere (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = autostart_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_true (veto_reminder_set_enabled (TRUE, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  /* GNOME Tweaks switches an entry off this way: it then counts as off */
  text = g_string_new (contents);
  g_string_replace (text, "X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false", 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  g_assert_false (veto_reminder_get_enabled ());

  /* and others this way */
  g_string_assign (text, contents);
  g_string_append (text, "Hidden=true\n");
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  g_assert_false (veto_reminder_get_enabled ());

  /* turning it on again in Veto writes a working entry */
  g_assert_true (veto_reminder_set_enabled (TRUE, &error));
  g_assert_true (veto_reminder_get_enabled ());
}

/* An entry as earlier builds wrote it, with a key of the person's own. */
#define OLD_ENTRY \
  "[Desktop Entry]\nType=Application\nName=Veto reminders\nExec=veto --remind\nTryExec=veto\n" \
  "X-GNOME-Autostart-enabled=true\nX-Mine=kept\n"

static void
test_repair (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *mine = NULL;
  g_autofree char *mended = NULL;
  g_autofree char *after = NULL;

  /* nothing to mend: no entry */
  g_assert_false (veto_reminder_repair (&error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, OLD_ENTRY, -1, NULL));
  g_assert_true (veto_reminder_repair (&error));
  g_assert_no_error (error);

  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error));
  assert_runs_launcher (keyfile);
  mine = g_key_file_get_string (keyfile, "Desktop Entry", "X-Mine", NULL);
  g_assert_cmpstr (mine, ==, "kept");
  g_assert_true (veto_reminder_get_enabled ());

  /* once mended, left alone */
  g_assert_true (g_file_get_contents (path, &mended, NULL, NULL));
  g_assert_false (veto_reminder_repair (&error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, mended);
}

static void
test_repair_leaves_alone (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  const char *entries[] = {
    /* switched off in the desktop's startup settings: the person's choice */
    OLD_ENTRY "Hidden=true\n",
    "[Desktop Entry]\nType=Application\nName=Veto reminders\nExec=veto --remind\nTryExec=veto\n"
    "X-GNOME-Autostart-enabled=false\n",
    /* another Veto that is still there */
    "[Desktop Entry]\nType=Application\nName=Veto reminders\nExec=/bin/true --remind\nTryExec=/bin/true\n",
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *contents = NULL;

      g_assert_true (g_file_set_contents (path, entries[i], -1, NULL));
      g_assert_false (veto_reminder_repair (&error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, entries[i]);
    }
}

static void
test_enable_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *autostart = g_build_filename (g_get_user_config_dir (), "autostart", NULL);

  /* a file where the folder should be */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (autostart, "in the way", -1, NULL));

  g_assert_false (veto_reminder_set_enabled (TRUE, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "The reminder could not be turned on: "));
  g_assert_nonnull (strstr (error->message, autostart));
  g_assert_false (veto_reminder_get_enabled ());
}

static void
test_compose (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 29, 10, 0, 0);
  g_autoptr(VetoClock) clock = veto_clock_new_fixed (now);
  g_autoptr(VetoProgressStore) store = veto_progress_store_new (NULL, clock);
  g_autoptr(GBytes) bytes = g_bytes_new_static (TEST_CATALOG, strlen (TEST_CATALOG));
  g_autoptr(VetoCatalog) catalog = NULL;
  g_autoptr(VetoChecklist) checklist = NULL;
  g_autoptr(GNotification) none = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title2 = NULL;
  g_autofree char *body2 = NULL;
  g_autofree char *work = NULL;
  g_auto(GStrv) accounts = NULL;

  g_assert_true (veto_progress_store_load (store, &error));
  catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  checklist = veto_checklist_new (catalog, store);

  veto_progress_store_set_region (store, "eu");
  veto_progress_store_set_app (store, "facebook", TRUE);
  veto_progress_store_set_app (store, "instagram", TRUE);
  accounts = veto_progress_store_dup_accounts (store, "facebook");
  veto_progress_store_set_account_label (store, "facebook", accounts[0], "Personal");
  work = veto_progress_store_add_account (store, "facebook", NULL);

  /* pending steps are not a reason to remind */
  veto_progress_store_set_state (store, "facebook-object", accounts[0], VETO_STEP_STATE_SUBMITTED);
  g_assert_false (veto_reminder_compose (checklist, &title, &body));
  g_assert_null (title);
  none = veto_reminder_new_notification (checklist);
  g_assert_null (none);

  /* recheck in 180, 100 and 365 days */
  veto_progress_store_set_state (store, "facebook-object", accounts[0], VETO_STEP_STATE_CONFIRMED);
  veto_clock_advance (clock, 10 * G_TIME_SPAN_DAY);
  veto_progress_store_set_state (store, "facebook-audience", work, VETO_STEP_STATE_DONE);
  veto_progress_store_set_state (store, "instagram-info", NULL, VETO_STEP_STATE_DONE);

  /* one due, named with its app and account */
  veto_clock_advance (clock, 100 * G_TIME_SPAN_DAY);
  veto_checklist_refresh (checklist);
  g_assert_true (veto_reminder_compose (checklist, &title, &body));
  g_assert_cmpstr (title, ==, "Time to check your Meta objections");
  g_assert_cmpstr (body, ==, "One step is due for a recheck: Limit audience (Facebook, Account 2).");

  /* three: how many, and the longest due */
  veto_clock_advance (clock, 300 * G_TIME_SPAN_DAY);
  veto_checklist_refresh (checklist);
  g_assert_true (veto_reminder_compose (checklist, &title2, &body2));
  g_assert_cmpstr (body2, ==, "3 steps are due for a recheck, starting with Limit audience (Facebook, Account 2).");

  notification = veto_reminder_new_notification (checklist);
  g_assert_true (G_IS_NOTIFICATION (notification));

  /* once rechecked, nothing to remind of */
  for (guint i = 0; i < g_list_model_get_n_items (veto_checklist_get_tasks (checklist)); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (veto_checklist_get_tasks (checklist), i);

      if (veto_task_get_due (task))
        veto_checklist_recheck (checklist, task);
    }
  g_assert_false (veto_reminder_compose (checklist, NULL, NULL));
}

/* The settings keyfile: defaults when absent or unreadable, values kept
 * across reads, a string removed by NULL, and a folder made private. */
static void
test_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = veto_settings_get_file ();
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "veto", "settings.ini", NULL);
  g_autofree char *dir = g_path_get_dirname (expected);
  g_autofree char *contents = NULL;
  g_autofree char *last = NULL;
  GStatBuf st;

  g_assert_cmpstr (g_file_peek_path (file), ==, expected);
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));
  g_assert_false (veto_settings_get_boolean (VETO_SETTINGS_WEEKLY_CHECK, FALSE));
  g_assert_true (veto_settings_get_boolean (VETO_SETTINGS_WEEKLY_CHECK, TRUE));
  g_assert_null (veto_settings_dup_string (VETO_SETTINGS_LAST_CHECK));

  g_assert_true (veto_settings_set_boolean (VETO_SETTINGS_WEEKLY_CHECK, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (veto_settings_set_string (VETO_SETTINGS_LAST_CHECK, "2026-12-07T10:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* one write does not lose the other key */
  g_assert_true (veto_settings_get_boolean (VETO_SETTINGS_WEEKLY_CHECK, FALSE));
  last = veto_settings_dup_string (VETO_SETTINGS_LAST_CHECK);
  g_assert_cmpstr (last, ==, "2026-12-07T10:00:00Z");
  g_assert_true (g_file_get_contents (expected, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "[Settings]"));
  g_assert_nonnull (strstr (contents, "WeeklyCheck=true"));

  g_assert_true (veto_settings_set_string (VETO_SETTINGS_LAST_CHECK, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (veto_settings_dup_string (VETO_SETTINGS_LAST_CHECK));
  g_assert_true (veto_settings_get_boolean (VETO_SETTINGS_WEEKLY_CHECK, FALSE));

  /* a value that is not a boolean is the default, not an error */
  g_assert_true (g_file_set_contents (expected, "[Settings]\nWeeklyCheck=maybe\n", -1, NULL));
  g_assert_false (veto_settings_get_boolean (VETO_SETTINGS_WEEKLY_CHECK, FALSE));
  g_assert_true (veto_settings_get_boolean (VETO_SETTINGS_WEEKLY_CHECK, TRUE));
}

/* Under Flatpak, the call that waits: tests/e2e/test-portal.py runs this
 * one in a sandbox, as the Background portal on the session bus, and
 * checks what it was asked. Elsewhere there is no portal to ask. */
static void
test_portal_wait (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = veto_reminder_get_autostart_file ();

  if (!veto_reminder_is_sandboxed ())
    {
      g_test_skip ("not under Flatpak (tests/e2e/test-portal.py runs this in a sandbox)");
      return;
    }

  g_assert_false (veto_reminder_get_enabled ());

  g_assert_true (veto_reminder_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (veto_reminder_get_enabled ());
  g_assert_true (veto_settings_get_boolean (VETO_SETTINGS_REMINDERS, FALSE));
  /* the sandbox's own autostart folder is never written: the host ignores it */
  g_assert_false (g_file_query_exists (file, NULL));
  /* nor is there anything of ours to repair there */
  g_assert_false (veto_reminder_repair (&error));
  g_assert_no_error (error);

  g_assert_true (veto_reminder_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (veto_reminder_get_enabled ());
  g_assert_false (g_file_query_exists (file, NULL));
}

/* A step the catalog changed leads the reminder and names itself in the
 * title; the notification of the weekly check alone shows only changes
 * newer than the catalog it replaced. */
static void
test_change_notification (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 29, 10, 0, 0);
  g_autoptr(VetoClock) clock = veto_clock_new_fixed (now);
  g_autoptr(VetoProgressStore) store = veto_progress_store_new (NULL, clock);
  g_autoptr(GBytes) bytes = g_bytes_new_static (TEST_CATALOG, strlen (TEST_CATALOG));
  g_autoptr(VetoCatalog) catalog = NULL;
  g_autoptr(VetoChecklist) checklist = NULL;
  g_autoptr(GNotification) seen = NULL;
  g_autoptr(GNotification) changed = NULL;
  g_autoptr(GNotification) time_only = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title2 = NULL;

  /* the objection finished under version 2, a step due by time alone */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path,
                                      "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;\nCatalogVersion=2\n\n"
                                      "[Account facebook 1]\nLabel=Perso\n\n"
                                      "[Step facebook-object 1]\nState=confirmed\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=2\n\n"
                                      "[Step facebook-audience 1]\nState=done\nUpdated=2026-01-01T09:00:00Z\nCatalogVersion=2\n\n"
                                      "[End]\n", -1, NULL));
  g_assert_true (veto_progress_store_load (store, &error));
  g_assert_no_error (error);
  catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (veto_catalog_get_version (catalog), ==, 3);
  checklist = veto_checklist_new (catalog, store);

  /* the changed one first, though the other has waited longer */
  g_assert_true (veto_reminder_compose (checklist, &title, &body));
  g_assert_cmpstr (title, ==, "The steps for Facebook changed: check “Object” again");
  g_assert_cmpstr (body, ==, "2 steps are due for a recheck, starting with Object (Facebook, Perso).\n"
                             "The Facebook form moved.");

  /* the weekly check replaced version 2: its change is news; it replaced
   * version 3: nothing is */
  changed = veto_reminder_new_change_notification (checklist, 2);
  g_assert_true (G_IS_NOTIFICATION (changed));
  seen = veto_reminder_new_change_notification (checklist, 3);
  g_assert_null (seen);

  /* rechecked: what is left is due by time, and said so */
  for (guint i = 0; i < g_list_model_get_n_items (veto_checklist_get_tasks (checklist)); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (veto_checklist_get_tasks (checklist), i);

      if (veto_task_get_due_change (task) != NULL)
        veto_checklist_recheck (checklist, task);
    }
  time_only = veto_reminder_new_change_notification (checklist, 2);
  g_assert_null (time_only);
  g_assert_true (veto_reminder_compose (checklist, &title2, NULL));
  g_assert_cmpstr (title2, ==, "Time to check your Meta objections");
}

/* "Remind me" and the weekly check share the login run: it is there while
 * either is on and goes when both are off, and neither choice reads as
 * the other. */
static void
test_login_choices (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (veto_reminder_get_wanted ());
  g_assert_false (veto_weekly_check_get_allowed ());
  g_assert_false (veto_reminder_get_enabled ());

  /* the weekly check alone: the run is there, "Remind me" stays off */
  g_assert_true (veto_weekly_check_set_allowed (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (veto_weekly_check_get_allowed ());
  g_assert_true (veto_reminder_get_enabled ());
  g_assert_false (veto_reminder_get_wanted ());

  /* both, then the weekly check off: the run stays for the reminders */
  g_assert_true (veto_reminder_set_wanted (TRUE, &error));
  g_assert_true (veto_reminder_get_wanted ());
  g_assert_true (veto_weekly_check_set_allowed (FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (veto_reminder_get_enabled ());
  g_assert_true (veto_reminder_get_wanted ());
  g_assert_false (veto_weekly_check_get_allowed ());

  /* both off: gone */
  g_assert_true (veto_reminder_set_wanted (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (veto_reminder_get_enabled ());
  g_assert_false (veto_reminder_get_wanted ());

  /* an entry from a Veto before the weekly check, with no settings: it
   * was "Remind me" itself */
  {
    g_autoptr(GFile) settings = veto_settings_get_file ();

    g_assert_true (g_unlink (g_file_peek_path (settings)) == 0);
  }
  g_assert_true (veto_reminder_set_enabled (TRUE, &error));
  g_assert_true (veto_reminder_get_wanted ());
  /* and turning the weekly check on and off keeps it so */
  g_assert_true (veto_weekly_check_set_allowed (TRUE, &error));
  g_assert_true (veto_weekly_check_set_allowed (FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (veto_reminder_get_wanted ());
  g_assert_true (veto_reminder_get_enabled ());
}

/* When the run can't be installed, the choice is not kept either: a
 * switch never shows on while nothing would run. */
static void
test_login_choice_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "autostart", NULL);

  /* a file where the autostart folder would be */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (dir, "", -1, NULL));
  g_assert_false (veto_weekly_check_set_allowed (TRUE, &error));
  g_assert_nonnull (error);
  g_assert_false (veto_weekly_check_get_allowed ());
  g_assert_false (veto_reminder_get_wanted ());
}

/* At most once a week, counted from when the feed last answered; never
 * when the person did not allow it. */
static void
test_weekly_due (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-12-20T09:00:00Z", NULL);
  g_autoptr(GDateTime) six_days = g_date_time_add_days (now, -6);
  g_autoptr(GDateTime) seven_days = g_date_time_add_days (now, -7);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) last = NULL;

  /* not allowed: never, whatever the last check */
  g_assert_false (veto_weekly_check_is_due (now));
  g_assert_true (veto_weekly_check_record (seven_days, &error));
  g_assert_false (veto_weekly_check_is_due (now));

  g_assert_true (veto_settings_set_boolean (VETO_SETTINGS_WEEKLY_CHECK, TRUE, &error));
  g_assert_true (veto_weekly_check_is_due (now));
  g_assert_true (veto_weekly_check_record (six_days, &error));
  g_assert_false (veto_weekly_check_is_due (now));
  g_assert_true (veto_weekly_check_record (now, &error));
  g_assert_no_error (error);
  g_assert_false (veto_weekly_check_is_due (now));
  last = veto_weekly_check_dup_last ();
  g_assert_true (g_date_time_equal (last, now));

  /* a check recorded in the future (a clock set wrong) holds nothing back */
  g_assert_true (veto_weekly_check_record (tomorrow, &error));
  g_assert_true (veto_weekly_check_is_due (now));

  /* never checked, or a time that can't be read */
  g_assert_true (veto_settings_set_string (VETO_SETTINGS_LAST_CHECK, "last week", &error));
  g_assert_true (veto_weekly_check_is_due (now));
  g_assert_true (veto_settings_set_string (VETO_SETTINGS_LAST_CHECK, NULL, &error));
  g_assert_true (veto_weekly_check_is_due (now));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  veto_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/reminder/enable-disable", test_enable_disable);
  g_test_add_func ("/reminder/translated", test_translated);
  g_test_add_func ("/reminder/switched-off-elsewhere", test_switched_off_elsewhere);
  g_test_add_func ("/reminder/repair", test_repair);
  g_test_add_func ("/reminder/repair-leaves-alone", test_repair_leaves_alone);
  g_test_add_func ("/reminder/enable-error", test_enable_error);
  g_test_add_func ("/reminder/compose", test_compose);
  g_test_add_func ("/reminder/settings", test_settings);
  g_test_add_func ("/reminder/portal-wait", test_portal_wait);
  g_test_add_func ("/reminder/change-notification", test_change_notification);
  g_test_add_func ("/reminder/login-choices", test_login_choices);
  g_test_add_func ("/reminder/login-choice-error", test_login_choice_error);
  g_test_add_func ("/reminder/weekly-due", test_weekly_due);

  return g_test_run ();
}
