/* test-checklist.c: tasks, due rechecks and the --status text
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-checklist.h"
#include "veto-claim.h"
#include "veto-i18n.h"
#include "veto-status.h"
#include "test-fixtures.h"
#include "test-world.h"

typedef struct
{
  VetoClock         *clock;
  VetoProgressStore *store;
  VetoCatalog       *catalog;
  VetoChecklist     *checklist;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 29, 10, 0, 0);
  g_autoptr(GBytes) bytes = g_bytes_new_static (TEST_CATALOG, strlen (TEST_CATALOG));
  g_autoptr(GError) error = NULL;

  f->clock = veto_clock_new_fixed (now);
  f->store = veto_progress_store_new (NULL, f->clock);
  g_assert_true (veto_progress_store_load (f->store, &error));
  f->catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->checklist = veto_checklist_new (f->catalog, f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->checklist);
  g_clear_object (&f->catalog);
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
}

static VetoTask *
task_at (Fixture *f,
         guint    i)
{
  return g_list_model_get_item (veto_checklist_get_tasks (f->checklist), i);
}

static void
test_tasks_follow_region_and_accounts (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *work = NULL;
  g_autoptr(VetoTask) first = NULL;
  g_autoptr(VetoTask) last = NULL;
  g_auto(GStrv) accounts = NULL;

  /* nothing chosen yet: nothing to do */
  g_assert_cmpuint (veto_checklist_get_n_tasks (f->checklist), ==, 0);

  veto_progress_store_set_region (f->store, "eu");
  veto_progress_store_set_app (f->store, "facebook", TRUE);
  /* two per-account steps, one account */
  g_assert_cmpuint (veto_checklist_get_n_tasks (f->checklist), ==, 2);

  work = veto_progress_store_add_account (f->store, "facebook", "Work");
  g_assert_cmpuint (veto_checklist_get_n_tasks (f->checklist), ==, 4);

  veto_progress_store_set_app (f->store, "instagram", TRUE);
  /* instagram-info is done once, whatever the accounts */
  g_assert_cmpuint (veto_checklist_get_n_tasks (f->checklist), ==, 5);

  /* elsewhere, the objection form does not apply */
  veto_progress_store_set_region (f->store, "other");
  g_assert_cmpuint (veto_checklist_get_n_tasks (f->checklist), ==, 3);

  veto_progress_store_set_region (f->store, "eu");
  accounts = veto_progress_store_dup_accounts (f->store, "facebook");
  first = task_at (f, 0);
  g_assert_cmpstr (veto_step_get_id (veto_task_get_step (first)), ==, "facebook-object");
  g_assert_cmpstr (veto_task_get_account_id (first), ==, accounts[0]);
  last = task_at (f, 4);
  g_assert_cmpstr (veto_step_get_id (veto_task_get_step (last)), ==, "instagram-info");
  g_assert_null (veto_task_get_account_id (last));
}

static void
test_finished_and_due (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(GStrv) accounts = NULL;
  g_autoptr(VetoTask) task = NULL;
  g_autoptr(GDateTime) expected_due = g_date_time_new_utc (2027, 5, 28, 10, 0, 0);

  veto_progress_store_set_region (f->store, "eu");
  veto_progress_store_set_app (f->store, "facebook", TRUE);
  accounts = veto_progress_store_dup_accounts (f->store, "facebook");

  veto_progress_store_set_state (f->store, "facebook-object", accounts[0], VETO_STEP_STATE_SUBMITTED);
  g_assert_cmpuint (veto_checklist_get_n_finished (f->checklist), ==, 0);

  veto_progress_store_set_state (f->store, "facebook-object", accounts[0], VETO_STEP_STATE_CONFIRMED);
  veto_progress_store_set_state (f->store, "facebook-audience", accounts[0], VETO_STEP_STATE_SKIPPED);
  g_assert_cmpuint (veto_checklist_get_n_finished (f->checklist), ==, 2);
  g_assert_cmpuint (veto_checklist_get_n_due (f->checklist), ==, 0);

  task = task_at (f, 0);
  g_assert_true (g_date_time_equal (veto_task_get_due_date (task), expected_due));
  g_assert_false (veto_task_get_due (task));
  g_clear_object (&task);

  /* 180 days later the confirmed objection comes up; the skipped step never does */
  veto_clock_advance (f->clock, 180 * G_TIME_SPAN_DAY);
  veto_checklist_refresh (f->checklist);
  g_assert_cmpuint (veto_checklist_get_n_due (f->checklist), ==, 1);
  task = task_at (f, 0);
  g_assert_true (veto_task_get_due (task));
  /* due because time passed, not because anything changed */
  g_assert_null (veto_task_get_due_change (task));
  g_assert_null (veto_task_get_due_reason (task));
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_due_tasks (f->checklist)), ==, 1);

  /* one second before, it was not */
  veto_clock_advance (f->clock, -G_TIME_SPAN_SECOND);
  veto_checklist_refresh (f->checklist);
  g_assert_cmpuint (veto_checklist_get_n_due (f->checklist), ==, 0);
  veto_clock_advance (f->clock, G_TIME_SPAN_SECOND);
  veto_checklist_refresh (f->checklist);

  /* rechecking it moves the date on, and keeps its state */
  veto_checklist_recheck (f->checklist, task);
  g_clear_object (&task);
  g_assert_cmpuint (veto_checklist_get_n_due (f->checklist), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_due_tasks (f->checklist)), ==, 0);
  task = task_at (f, 0);
  g_assert_cmpint (veto_task_get_state (task), ==, VETO_STEP_STATE_CONFIRMED);
  g_clear_pointer (&expected_due, g_date_time_unref);
  expected_due = g_date_time_new_utc (2027, 11, 24, 10, 0, 0);
  g_assert_true (g_date_time_equal (veto_task_get_due_date (task), expected_due));

  /* the skipped step stays out of it, however long it waits */
  veto_clock_advance (f->clock, 1000 * G_TIME_SPAN_DAY);
  veto_checklist_refresh (f->checklist);
  g_assert_cmpuint (veto_checklist_get_n_due (f->checklist), ==, 1);
}

static VetoCatalog *
load_catalog (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  VetoCatalog *catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return catalog;
}

/* TEST_CATALOG as it was at version 2, before its changelog began */
static char *
catalog_v2 (void)
{
  g_autoptr(GString) text = g_string_new (TEST_CATALOG);

  g_string_truncate (text, strstr (text->str, "[Changes 3]") - text->str);
  g_string_replace (text, "Version=3\n", "Version=2\n", 1);
  g_string_replace (text, "Published=2026-11-29\n", "Published=2026-06-01\n", 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ... and at version 4: a change to every step */
static char *
catalog_v4 (void)
{
  g_autoptr(GString) text = g_string_new (TEST_CATALOG);

  g_string_replace (text, "Version=3\n", "Version=4\n", 1);
  g_string_replace (text, "Published=2026-11-29\n", "Published=2027-01-15\n", 1);
  g_string_append (text,
                   "\n[Changes 4]\n"
                   "Summary=Meta rewrote its privacy policy.\n"
                   "Steps=facebook-object;facebook-audience;instagram-info;\n");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* a task the test knows is there */
static VetoTask *
find_task (VetoChecklist *checklist,
           const char    *step_id,
           const char    *account_id)
{
  VetoTask *task = test_find_task (checklist, step_id, account_id);

  g_assert_nonnull (task);
  return task;
}

static void
test_catalog_change_due (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *v2_text = catalog_v2 ();
  g_autoptr(VetoCatalog) v2 = load_catalog (v2_text);
  g_autoptr(VetoCatalog) v3 = NULL;
  g_autoptr(VetoChecklist) old = NULL;
  g_autoptr(VetoChecklist) checklist = NULL;
  g_autoptr(VetoTask) object = NULL;
  g_autoptr(VetoTask) skipped = NULL;
  g_autoptr(VetoTask) todo = NULL;
  g_autoptr(VetoTask) not_applicable = NULL;
  g_autoptr(VetoTask) after = NULL;
  g_autoptr(GDateTime) finished = g_date_time_new_utc (2026, 7, 1, 10, 0, 0);
  g_autoptr(GDateTime) published = g_date_time_new_utc (2026, 11, 29, 0, 0, 0);
  g_autofree char *work = NULL;
  g_auto(GStrv) accounts = NULL;

  /* In July, with catalog version 2, the person confirms their objection
   * on one account, skips it on another, and leaves a third to do. */
  g_clear_object (&f->checklist);
  veto_clock_set_now (f->clock, finished);
  old = veto_checklist_new (v2, f->store);
  g_assert_cmpint (veto_progress_store_get_catalog_version (f->store), ==, 2);
  veto_progress_store_set_region (f->store, "eu");
  veto_progress_store_set_app (f->store, "facebook", TRUE);
  accounts = veto_progress_store_dup_accounts (f->store, "facebook");
  work = veto_progress_store_add_account (f->store, "facebook", "Work");
  veto_progress_store_set_state (f->store, "facebook-object", accounts[0], VETO_STEP_STATE_CONFIRMED);
  veto_progress_store_set_state (f->store, "facebook-object", work, VETO_STEP_STATE_SKIPPED);
  veto_progress_store_set_state (f->store, "facebook-audience", accounts[0], VETO_STEP_STATE_NOT_APPLICABLE);
  g_assert_cmpuint (veto_checklist_get_n_due (old), ==, 0);
  g_clear_object (&old);

  /* Version 3 says the Facebook form moved: in November, well before its
   * 180 days are up, the confirmed objection is due again, with the reason. */
  veto_clock_set_now (f->clock, published);
  veto_clock_advance (f->clock, 10 * G_TIME_SPAN_HOUR);
  v3 = load_catalog (TEST_CATALOG);
  checklist = veto_checklist_new (v3, f->store);
  g_assert_cmpint (veto_progress_store_get_catalog_version (f->store), ==, 3);
  g_assert_cmpuint (veto_checklist_get_n_due (checklist), ==, 1);

  object = find_task (checklist, "facebook-object", accounts[0]);
  g_assert_true (veto_task_get_due (object));
  g_assert_cmpint (veto_change_get_version (veto_task_get_due_change (object)), ==, 3);
  g_assert_cmpstr (veto_task_get_due_reason (object), ==, "The Facebook form moved.");
  /* due since the catalog that said so was published */
  g_assert_true (g_date_time_equal (veto_task_get_due_date (object), published));

  /* Skipped, not applicable and to do: the change is no reason to nag. */
  skipped = find_task (checklist, "facebook-object", work);
  g_assert_false (veto_task_get_due (skipped));
  g_assert_null (veto_task_get_due_reason (skipped));
  not_applicable = find_task (checklist, "facebook-audience", accounts[0]);
  g_assert_false (veto_task_get_due (not_applicable));
  todo = find_task (checklist, "facebook-audience", work);
  g_assert_false (veto_task_get_due (todo));

  /* A recheck records the new date against version 3: no longer due. */
  veto_checklist_recheck (checklist, object);
  g_assert_cmpint (veto_progress_store_get_step_catalog_version (f->store, "facebook-object", accounts[0]), ==, 3);
  g_assert_cmpuint (veto_checklist_get_n_due (checklist), ==, 0);
  after = find_task (checklist, "facebook-object", accounts[0]);
  g_assert_false (veto_task_get_due (after));
  g_assert_null (veto_task_get_due_reason (after));
  g_assert_cmpint (veto_task_get_state (after), ==, VETO_STEP_STATE_CONFIRMED);

  /* Reopening the same catalog later changes nothing. */
  g_clear_object (&checklist);
  checklist = veto_checklist_new (v3, f->store);
  g_assert_cmpuint (veto_checklist_get_n_due (checklist), ==, 0);
}

static void
test_catalog_change_already_seen (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *v4_text = catalog_v4 ();
  g_autoptr(VetoCatalog) v4 = load_catalog (v4_text);
  g_autoptr(VetoChecklist) checklist = NULL;
  g_autoptr(VetoTask) object = NULL;
  g_autoptr(VetoTask) info = NULL;
  g_autoptr(GDateTime) published = g_date_time_new_utc (2027, 1, 15, 0, 0, 0);
  g_autoptr(GDateTime) finished = NULL;
  g_auto(GStrv) accounts = NULL;

  /* Finished against version 3 (the fixture's catalog), which already
   * carried the change of version 3: that one was seen. */
  veto_progress_store_set_region (f->store, "eu");
  veto_progress_store_set_app (f->store, "facebook", TRUE);
  veto_progress_store_set_app (f->store, "instagram", TRUE);
  accounts = veto_progress_store_dup_accounts (f->store, "facebook");
  veto_progress_store_set_state (f->store, "facebook-object", accounts[0], VETO_STEP_STATE_DONE);
  g_assert_cmpuint (veto_checklist_get_n_due (f->checklist), ==, 0);

  /* Version 4 changes both steps; the reason is version 4's, the newest. */
  veto_clock_advance (f->clock, 60 * G_TIME_SPAN_DAY);
  veto_progress_store_set_state (f->store, "instagram-info", NULL, VETO_STEP_STATE_DONE);
  finished = veto_clock_get_now (f->clock);
  veto_clock_advance (f->clock, 1 * G_TIME_SPAN_DAY);
  checklist = veto_checklist_new (v4, f->store);
  g_assert_cmpuint (veto_checklist_get_n_due (checklist), ==, 2);
  object = find_task (checklist, "facebook-object", accounts[0]);
  g_assert_cmpstr (veto_task_get_due_reason (object), ==, "Meta rewrote its privacy policy.");
  g_assert_true (g_date_time_equal (veto_task_get_due_date (object), published));
  /* finished after version 4 was published, but against version 3: due
   * since the day it was finished */
  info = find_task (checklist, "instagram-info", NULL);
  g_assert_cmpstr (veto_task_get_due_reason (info), ==, "Meta rewrote its privacy policy.");
  g_assert_true (g_date_time_equal (veto_task_get_due_date (info), finished));

  /* the due list leads with the longest due */
  {
    GListModel *due = veto_checklist_get_due_tasks (checklist);
    g_autoptr(VetoTask) first = g_list_model_get_item (due, 0);
    g_autoptr(VetoTask) second = g_list_model_get_item (due, 1);

    g_assert_cmpuint (g_list_model_get_n_items (due), ==, 2);
    g_assert_cmpstr (veto_step_get_id (veto_task_get_step (first)), ==, "facebook-object");
    g_assert_cmpstr (veto_step_get_id (veto_task_get_step (second)), ==, "instagram-info");
  }
}

static void
test_catalog_change_unknown_version (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = NULL;
  g_autoptr(VetoChecklist) checklist = NULL;
  g_autoptr(VetoTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = g_path_get_dirname (path);

  /* Written by a Veto that kept no versions: the step counts as older than
   * every change. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path,
                                      "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;\n\n"
                                      "[Account facebook 1]\nLabel=\n\n"
                                      "[Step facebook-object 1]\nState=done\nUpdated=2026-11-20T09:00:00Z\n\n"
                                      "[End]\n", -1, NULL));
  store = veto_progress_store_new (file, f->clock);
  g_assert_true (veto_progress_store_load (store, &error));
  checklist = veto_checklist_new (f->catalog, store);
  g_assert_cmpuint (veto_checklist_get_n_due (checklist), ==, 1);
  task = g_list_model_get_item (veto_checklist_get_tasks (checklist), 0);
  g_assert_cmpstr (veto_task_get_due_reason (task), ==, "The Facebook form moved.");
}


static VetoStepState
state_of (VetoChecklist *checklist,
          const char    *step_id,
          const char    *account_id)
{
  g_autoptr(VetoTask) task = test_find_task (checklist, step_id, account_id);

  g_assert_nonnull (task);
  return veto_task_get_state (task);
}

/* Scope=accounts-center is one task whatever the accounts; SameAs= takes the
 * state of the other step, the least advanced of its tasks, and falls back
 * to the step's own record when the other is not tracked. */
static void
test_scope_and_same_as (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(VetoCatalog) catalog = load_catalog (TEST_CATALOG_V2);
  g_autoptr(VetoChecklist) checklist = veto_checklist_new (catalog, f->store);
  g_auto(GStrv) ig = NULL;
  g_autofree char *second = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(VetoTask) threads = NULL;

  veto_progress_store_set_region (f->store, "eu");
  veto_progress_store_set_app (f->store, "facebook", TRUE);
  veto_progress_store_set_app (f->store, "instagram", TRUE);
  veto_progress_store_set_app (f->store, "threads", TRUE);
  g_free (veto_progress_store_add_account (f->store, "facebook", "Work"));
  ig = veto_progress_store_dup_accounts (f->store, "instagram");
  second = veto_progress_store_add_account (f->store, "instagram", "Art");

  /* facebook-activity once for two Facebook accounts; instagram-object
   * twice; the three steps done once; nothing else */
  g_assert_cmpuint (veto_checklist_get_n_tasks (checklist), ==, 6);
  {
    g_autoptr(VetoTask) once = test_find_task (checklist, "facebook-activity", NULL);

    g_assert_nonnull (once);
  }

  threads = test_find_task (checklist, "threads-object", NULL);
  g_assert_nonnull (veto_task_get_followed (threads));
  g_assert_cmpint (veto_task_get_state (threads), ==, VETO_STEP_STATE_TODO);
  g_clear_object (&threads);

  /* one Instagram account confirmed, the other still to do: Threads can't
   * be said to be done */
  veto_progress_store_set_state (f->store, "instagram-object", ig[0], VETO_STEP_STATE_CONFIRMED);
  g_assert_cmpint (state_of (checklist, "threads-object", NULL), ==, VETO_STEP_STATE_TODO);
  veto_progress_store_set_state (f->store, "instagram-object", second, VETO_STEP_STATE_SUBMITTED);
  g_assert_cmpint (state_of (checklist, "threads-object", NULL), ==, VETO_STEP_STATE_SUBMITTED);

  /* an account that does not concern the person is left out */
  veto_progress_store_set_state (f->store, "instagram-object", second, VETO_STEP_STATE_SKIPPED);
  threads = test_find_task (checklist, "threads-object", NULL);
  g_assert_cmpint (veto_task_get_state (threads), ==, VETO_STEP_STATE_CONFIRMED);
  g_assert_cmpstr (veto_task_get_account_id (veto_task_get_followed (threads)), ==, ig[0]);
  g_assert_false (veto_task_get_due (threads));
  g_clear_object (&threads);
  /* instagram-object (confirmed, skipped); threads-object follows it and
   * counts there, not a second time */
  g_assert_cmpuint (veto_checklist_get_n_finished (checklist), ==, 2);

  /* the Accounts Center setting, done from Facebook, is done for Instagram */
  g_assert_cmpint (state_of (checklist, "instagram-activity", NULL), ==, VETO_STEP_STATE_TODO);
  veto_progress_store_set_state (f->store, "facebook-activity", NULL, VETO_STEP_STATE_DONE);
  g_assert_cmpint (state_of (checklist, "instagram-activity", NULL), ==, VETO_STEP_STATE_DONE);

  /* everything is finished: the complaint (OnlyIf=) is not a to-do while
   * no objection is refused or overdue (issue 11) */
  g_assert_cmpint (veto_status_write (checklist, out), ==, VETO_STATUS_COMPLETE);
  g_test_message ("%s", out->str);
  g_assert_nonnull (strstr (out->str, "Only if needed  Complain\n"));
  g_assert_nonnull (strstr (out->str, "Confirmed       Object for Threads\n"
                                      "                  Same as: Object on Instagram ("));
  /* the same title on both apps: the app says which one is meant */
  g_assert_nonnull (strstr (out->str, "Same as: Activity from other businesses (Facebook)\n"));

  /* without Instagram, Threads' objection is recorded on its own */
  veto_progress_store_set_app (f->store, "instagram", FALSE);
  threads = test_find_task (checklist, "threads-object", NULL);
  g_assert_null (veto_task_get_followed (threads));
  g_assert_cmpint (veto_task_get_state (threads), ==, VETO_STEP_STATE_TODO);
}

static VetoProgressStore *
store_from_text (VetoClock  *clock,
                 const char *text)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VetoProgressStore *store;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  store = veto_progress_store_new (file, clock);
  g_assert_true (veto_progress_store_load (store, &error));
  g_assert_no_error (error);
  return store;
}

/* A step that becomes "once" keeps what was recorded per account, and a
 * [Changes] entry naming it still asks for a recheck. */
static void
test_adopt_account_records (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(VetoCatalog) catalog = load_catalog (TEST_CATALOG_V2);
  g_autoptr(VetoProgressStore) store = NULL;
  g_autoptr(VetoChecklist) checklist = NULL;
  g_autoptr(VetoTask) task = NULL;
  g_autofree char *saved = NULL;

  store = store_from_text (f->clock,
                           "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;\nCatalogVersion=3\n\n"
                           "[Account facebook 1]\nLabel=\n\n"
                           "[Account facebook 2]\nLabel=Work\n\n"
                           "[Step facebook-activity 1]\nState=todo\nUpdated=2026-11-25T09:00:00Z\nCatalogVersion=3\n\n"
                           "[Step facebook-activity 2]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=3\n\n"
                           "[End]\n");
  checklist = veto_checklist_new (catalog, store);

  task = test_find_task (checklist, "facebook-activity", NULL);
  g_assert_cmpint (veto_task_get_state (task), ==, VETO_STEP_STATE_DONE);
  g_assert_true (veto_task_get_due (task));
  g_assert_cmpstr (veto_task_get_due_reason (task), ==, "One setting for all accounts.");

  /* only in memory while the person only looks */
  g_assert_true (g_file_get_contents (g_file_peek_path (veto_progress_store_get_file (store)), &saved, NULL, NULL));
  g_assert_null (strstr (saved, "[Step facebook-activity]\n"));
  g_clear_pointer (&saved, g_free);

  /* written with their next change */
  veto_progress_store_set_note (store, "facebook-object", "1", "sent from the laptop");
  g_assert_true (g_file_get_contents (g_file_peek_path (veto_progress_store_get_file (store)), &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "[Step facebook-activity]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=3\n"));
  /* nothing recorded is lost */
  g_assert_nonnull (strstr (saved, "[Step facebook-activity 1]\n"));
  g_assert_nonnull (strstr (saved, "[Step facebook-activity 2]\n"));
}

/* Version 1 of the real catalog to version 2: a person who finished steps
 * under version 1 is asked to look again at exactly those that changed, and
 * told why, in their language; one who finished nothing sees no changelog. */
#define PROGRESS_V1 \
  "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;instagram;whatsapp;messenger;meta-ai;\nCatalogVersion=1\n\n" \
  "[Account facebook 1]\nLabel=\n\n" \
  "[Account instagram 2]\nLabel=\n\n" \
  "[Account whatsapp 3]\nLabel=\n\n" \
  "[Account messenger 4]\nLabel=\n\n" \
  "[Account meta-ai 5]\nLabel=\n\n" \
  "[Step facebook-object 1]\nState=confirmed\nSubmitted=2026-11-01T09:00:00Z\nConfirmed=2026-11-01T10:00:00Z\nUpdated=2026-11-01T10:00:00Z\nCatalogVersion=1\n\n" \
  "[Step facebook-activity-other-businesses 1]\nState=done\nUpdated=2026-11-01T09:00:00Z\nCatalogVersion=1\n\n" \
  "[Step instagram-private-account 2]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=1\n\n" \
  "[Step whatsapp-advanced-chat-privacy 3]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=1\n\n" \
  "[Step whatsapp-reset-ai 3]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=1\n\n" \
  "[Step messenger-ai-chats-not-encrypted]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=1\n\n" \
  "[Step meta-ai-export 5]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=1\n\n" \
  "[End]\n"

static void
test_version_2 (Fixture       *f,
                gconstpointer  data)
{
  const char *language = data;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", "catalog", "meta.steps", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;
  g_autoptr(VetoProgressStore) store = NULL;
  g_autoptr(VetoChecklist) checklist = NULL;
  g_autoptr(VetoProgressStore) fresh = NULL;
  g_autoptr(VetoChecklist) fresh_checklist = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 2, 12, 0, 0);
  g_autoptr(VetoClock) clock = veto_clock_new_fixed (now);
  const struct { const char *step, *account, *change; } due[] = {
    { "facebook-object", "1", "Changes 3 facebook-objection" },
    { "facebook-activity-other-businesses", NULL, "Changes 2 activity" },
    { "instagram-private-account", "2", "Changes 3 private-account" },
    { "whatsapp-reset-ai", NULL, "Changes 2 reset-ai" },
  };
  const struct { const char *step, *account; } not_due[] = {
    { "whatsapp-advanced-chat-privacy", "3" },
    { "messenger-ai-chats-not-encrypted", NULL },
    { "meta-ai-export", "5" },
  };
  gboolean fr = g_str_equal (language, "fr");

  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error));
  veto_i18n_set_language (language);
  catalog = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (veto_catalog_get_version (catalog), ==, 3);

  store = store_from_text (clock, PROGRESS_V1);
  checklist = veto_checklist_new (catalog, store);

  g_assert_cmpuint (veto_checklist_get_n_due (checklist), ==, G_N_ELEMENTS (due));
  for (guint i = 0; i < G_N_ELEMENTS (due); i++)
    {
      g_autoptr(VetoTask) task = test_find_task (checklist, due[i].step, due[i].account);
      g_autofree char *marked = g_key_file_get_locale_string (keyfile, due[i].change, "Summary",
                                                              fr ? "fr" : NULL, NULL);
      /* shown without its [[source]] markers */
      g_autofree char *reason = veto_text_strip_markers (marked);

      g_test_message ("%s: %s", due[i].step, reason);
      g_assert_nonnull (task);
      g_assert_true (VETO_STEP_STATE_IS_FINISHED (veto_task_get_state (task)));
      g_assert_true (veto_task_get_due (task));
      g_assert_cmpstr (veto_task_get_due_reason (task), ==, reason);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_due); i++)
    {
      g_autoptr(VetoTask) task = test_find_task (checklist, not_due[i].step, not_due[i].account);

      g_assert_nonnull (task);
      g_assert_true (VETO_STEP_STATE_IS_FINISHED (veto_task_get_state (task)));
      g_assert_false (veto_task_get_due (task));
    }

  /* the reason, in words, in the person's language */
  {
    g_autoptr(VetoTask) task = test_find_task (checklist, "facebook-object", "1");
    const char *reason = veto_task_get_due_reason (task);

    g_assert_nonnull (strstr (reason, fr ? "contesté" : "contested"));
    g_assert_null (strstr (reason, "[["));
    veto_status_write (checklist, out);
    g_test_message ("%s", out->str);
    g_assert_nonnull (strstr (out->str, reason));
    g_assert_nonnull (strstr (out->str, fr ? "/reset-ai n’est pas confirmé par Meta"
                                           : "/reset-ai is not confirmed by Meta"));
  }

  /* Someone who finished nothing under version 1: no changelog noise. */
  fresh = store_from_text (clock,
                           "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;instagram;whatsapp;messenger;meta-ai;\nCatalogVersion=1\n\n"
                           "[Account facebook 1]\nLabel=\n\n[Account instagram 2]\nLabel=\n\n"
                           "[Step facebook-object 1]\nState=submitted\nSubmitted=2026-11-01T09:00:00Z\nUpdated=2026-11-01T09:00:00Z\nCatalogVersion=1\n\n"
                           "[End]\n");
  fresh_checklist = veto_checklist_new (catalog, fresh);
  g_assert_cmpuint (veto_checklist_get_n_tasks (fresh_checklist), >, 20);
  g_assert_cmpuint (veto_checklist_get_n_due (fresh_checklist), ==, 0);

  veto_i18n_set_language (NULL);
}

static VetoStatus
status_text (Fixture  *f,
             char    **text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  VetoStatus status = veto_status_write (f->checklist, out);

  *text = g_string_free (g_steal_pointer (&out), FALSE);
  g_test_message ("%s", *text);
  return status;
}

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *empty = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *complete = NULL;
  g_autofree char *due = NULL;
  g_autofree char *work = NULL;
  g_auto(GStrv) accounts = NULL;

  g_assert_cmpint (status_text (f, &empty), ==, VETO_STATUS_PENDING);
  g_assert_nonnull (strstr (empty, "open Veto"));

  veto_progress_store_set_region (f->store, "eu");
  veto_progress_store_set_app (f->store, "facebook", TRUE);
  veto_progress_store_set_app (f->store, "instagram", TRUE);
  accounts = veto_progress_store_dup_accounts (f->store, "facebook");
  veto_progress_store_set_account_label (f->store, "facebook", accounts[0], "Personal");
  work = veto_progress_store_add_account (f->store, "facebook", "Work");
  veto_progress_store_set_state (f->store, "facebook-object", accounts[0], VETO_STEP_STATE_SUBMITTED);

  g_assert_cmpint (status_text (f, &pending), ==, VETO_STATUS_PENDING);
  g_assert_nonnull (strstr (pending, "Where you live: European Union"));
  g_assert_nonnull (strstr (pending, "Facebook\n"));
  g_assert_nonnull (strstr (pending, "  Personal\n"));
  g_assert_nonnull (strstr (pending, "  Work\n"));
  g_assert_nonnull (strstr (pending, "Submitted       Object\n"));
  g_assert_nonnull (strstr (pending, "Instagram\n"));
  /* Instagram's information step is shown, not counted: the same count
   * as the overview's (veto_task_counts()) */
  g_assert_nonnull (strstr (pending, "Steps finished: 0 of 4."));

  for (guint i = 0; i < veto_checklist_get_n_tasks (f->checklist); i++)
    {
      g_autoptr(VetoTask) task = task_at (f, i);

      veto_progress_store_set_state (f->store, veto_step_get_id (veto_task_get_step (task)),
                                     veto_task_get_account_id (task), VETO_STEP_STATE_DONE);
    }

  g_assert_cmpint (status_text (f, &complete), ==, VETO_STATUS_COMPLETE);
  g_assert_nonnull (strstr (complete, "Steps finished: 4 of 4.\n"));

  veto_clock_advance (f->clock, 91 * G_TIME_SPAN_DAY);
  veto_checklist_refresh (f->checklist);
  g_assert_cmpint (status_text (f, &due), ==, VETO_STATUS_PENDING);
  g_assert_nonnull (strstr (due, "Due for a recheck since"));
  g_assert_nonnull (strstr (due, "Steps finished: 4 of 4. Due for a recheck: 2."));
}

static void
test_format_date (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 29, 12, 0, 0);
  g_autofree char *text = veto_format_date (date);

  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 10, 1, 12, 0, 0);
  g_autofree char *text_first = veto_format_date (first);
  g_autofree char *text_fr = NULL;
  g_autofree char *text_first_fr = NULL;

  g_assert_cmpstr (text, ==, "November 29, 2026");
  g_assert_cmpstr (text_first, ==, "October 1, 2026");

  /* no-break spaces, so a line never breaks inside a date; « 1er » */
  veto_i18n_set_language ("fr");
  text_fr = veto_format_date (date);
  text_first_fr = veto_format_date (first);
  veto_i18n_set_language ("en");
  g_assert_cmpstr (text_fr, ==, "29\u00a0novembre\u00a02026");
  g_assert_cmpstr (text_first_fr, ==, "1er\u00a0octobre\u00a02026");
}

/* What the calendar shows and says, from Veto's translations and not from
 * LC_TIME (C.UTF-8 here): GtkCalendar said "November", "Sun" in French. */
static void
test_format_calendar (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 29, 12, 0, 0);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 10, 1, 12, 0, 0);
  g_autofree char *day = veto_format_day (date);
  g_autofree char *month = veto_format_month (date);
  g_autofree char *day_fr = NULL;
  g_autofree char *first_fr = NULL;
  g_autofree char *month_fr = NULL;
  const char *monday_fr, *sunday_fr;

  g_assert_cmpstr (day, ==, "Sunday, November 29, 2026");
  g_assert_cmpstr (month, ==, "November 2026");
  g_assert_cmpstr (veto_weekday_name (1, TRUE), ==, "Mon");
  g_assert_cmpstr (veto_weekday_name (7, FALSE), ==, "Sunday");
  g_assert_cmpstr (veto_month_name (8), ==, "August");

  veto_i18n_set_language ("fr");
  day_fr = veto_format_day (date);
  first_fr = veto_format_day (first);
  month_fr = veto_format_month (date);
  monday_fr = veto_weekday_name (1, TRUE);
  sunday_fr = veto_weekday_name (7, FALSE);
  veto_i18n_set_language ("en");
  g_assert_cmpstr (day_fr, ==, "dimanche\u00a029\u00a0novembre\u00a02026");
  g_assert_cmpstr (first_fr, ==, "jeudi\u00a01er\u00a0octobre\u00a02026");
  g_assert_cmpstr (month_fr, ==, "novembre\u00a02026");
  g_assert_cmpstr (monday_fr, ==, "lun.");
  g_assert_cmpstr (sunday_fr, ==, "dimanche");
}

static VetoTask *
find_step_task (GListModel *tasks,
                const char *step_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      if (g_str_equal (veto_step_get_id (veto_task_get_step (task)), step_id))
        return g_steal_pointer (&task);
    }
  return NULL;
}

static guint
count_step (GListModel *tasks,
            const char *step_id)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      n += g_str_equal (veto_step_get_id (veto_task_get_step (task)), step_id);
    }
  return n;
}

/* One complaint for every objection (App= lists both apps): one task, on
 * the first chosen app; any objection overdue makes it a to-do; it stays
 * while one of its apps is chosen and is kept "earlier" once none is. */
static void
test_one_complaint (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VetoCatalog) catalog = load_catalog (TEST_CATALOG_V3);
  g_autoptr(VetoChecklist) checklist = veto_checklist_new (catalog, f->store);
  g_autoptr(VetoTask) complaint = NULL;
  g_autoptr(VetoTask) objection = NULL;
  g_autoptr(GDateTime) sent = g_date_time_new_utc (2026, 10, 1, 12, 0, 0);
  g_autoptr(GPtrArray) moving = NULL;
  g_auto(GStrv) ig = NULL;

  veto_progress_store_set_region (f->store, "eu");
  veto_progress_store_set_app (f->store, "instagram", TRUE);
  complaint = find_step_task (veto_checklist_get_tasks (checklist), "complain-cnil");
  g_assert_nonnull (complaint);
  /* Facebook is not chosen: the complaint is Instagram's */
  g_assert_cmpstr (veto_app_get_id (veto_task_get_app (complaint)), ==, "instagram");
  g_assert_false (veto_task_get_active (complaint));
  g_assert_false (veto_task_counts (complaint));
  g_clear_object (&complaint);

  veto_progress_store_set_app (f->store, "facebook", TRUE);
  g_assert_cmpuint (count_step (veto_checklist_get_tasks (checklist), "complain-cnil"), ==, 1);
  complaint = find_step_task (veto_checklist_get_tasks (checklist), "complain-cnil");
  g_assert_cmpstr (veto_app_get_id (veto_task_get_app (complaint)), ==, "facebook");
  g_clear_object (&complaint);

  /* Instagram's objection, sent on 1 October, is overdue on 29 November:
   * the one complaint is now a to-do, and counts once */
  ig = veto_progress_store_dup_accounts (f->store, "instagram");
  g_assert_true (veto_progress_store_set_state_on (f->store, "instagram-object", ig[0],
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));
  complaint = find_step_task (veto_checklist_get_tasks (checklist), "complain-cnil");
  objection = find_step_task (veto_checklist_get_tasks (checklist), "instagram-object");
  g_assert_true (veto_task_get_overdue (objection));
  g_assert_true (veto_task_get_active (complaint));
  g_assert_true (veto_task_counts (complaint));
  g_assert_cmpstr (veto_step_get_id (veto_task_get_step (veto_task_get_activated_by (complaint))), ==,
                   "instagram-object");
  g_clear_object (&complaint);

  /* giving up Facebook keeps it (Instagram is still chosen)… */
  moving = veto_checklist_preview_change (checklist, NULL, "facebook");
  for (guint i = 0; i < moving->len; i++)
    g_assert_cmpstr (veto_step_get_id (veto_task_get_step (g_ptr_array_index (moving, i))), !=, "complain-cnil");
  g_clear_pointer (&moving, g_ptr_array_unref);

  /* …once it is recorded and both apps are gone, it is "earlier", once */
  veto_progress_store_set_state (f->store, "complain-cnil", NULL, VETO_STEP_STATE_DONE);
  veto_progress_store_set_app (f->store, "facebook", FALSE);
  moving = veto_checklist_preview_change (checklist, NULL, "instagram");
  g_assert_cmpuint (moving->len, >=, 1);
  veto_progress_store_set_app (f->store, "instagram", FALSE);
  g_assert_null (find_step_task (veto_checklist_get_tasks (checklist), "complain-cnil"));
  g_assert_cmpuint (count_step (veto_checklist_get_earlier_tasks (checklist), "complain-cnil"), ==, 1);
}

/* A complaint recorded under an old per-app id (Replaces=) is the new
 * step's record, the most advanced of them; a record of its own wins. */
static void
test_replaced_records (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VetoCatalog) catalog = load_catalog (TEST_CATALOG_V3);
  g_autoptr(VetoChecklist) checklist = NULL;
  g_autoptr(VetoTask) complaint = NULL;
  g_autofree char *note = NULL;

  veto_progress_store_set_region (f->store, "eu");
  veto_progress_store_set_app (f->store, "facebook", TRUE);
  veto_progress_store_set_state (f->store, "facebook-complain", NULL, VETO_STEP_STATE_TODO);
  veto_progress_store_set_state (f->store, "instagram-complain", NULL, VETO_STEP_STATE_DONE);
  veto_progress_store_set_note (f->store, "instagram-complain", NULL, "Complaint sent to the CNIL");
  g_assert_false (veto_progress_store_has_record (f->store, "complain-cnil", NULL));

  checklist = veto_checklist_new (catalog, f->store);
  g_assert_cmpint (veto_progress_store_get_state (f->store, "complain-cnil", NULL), ==, VETO_STEP_STATE_DONE);
  note = veto_progress_store_dup_note (f->store, "complain-cnil", NULL);
  g_assert_cmpstr (note, ==, "Complaint sent to the CNIL");
  complaint = find_step_task (veto_checklist_get_tasks (checklist), "complain-cnil");
  g_assert_cmpint (veto_task_get_state (complaint), ==, VETO_STEP_STATE_DONE);
  /* the old records stay */
  g_assert_true (veto_progress_store_has_record (f->store, "instagram-complain", NULL));

  /* once the new step has a record, the old ones are not read again */
  veto_progress_store_set_state (f->store, "complain-cnil", NULL, VETO_STEP_STATE_TODO);
  g_clear_object (&checklist);
  checklist = veto_checklist_new (catalog, f->store);
  g_assert_cmpint (veto_progress_store_get_state (f->store, "complain-cnil", NULL), ==, VETO_STEP_STATE_TODO);
}

int
main (int   argc,
      char *argv[])
{
  /* English: the French text is checked through the real binary in test-cli */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  veto_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/checklist/tasks", test_tasks_follow_region_and_accounts);
  ADD ("/checklist/finished-and-due", test_finished_and_due);
  ADD ("/checklist/catalog-change/due", test_catalog_change_due);
  ADD ("/checklist/catalog-change/already-seen", test_catalog_change_already_seen);
  ADD ("/checklist/catalog-change/unknown-version", test_catalog_change_unknown_version);
  ADD ("/checklist/status", test_status);
  ADD ("/checklist/scope-and-same-as", test_scope_and_same_as);
  ADD ("/checklist/adopt-account-records", test_adopt_account_records);
  ADD ("/checklist/one-complaint", test_one_complaint);
  ADD ("/checklist/replaced-records", test_replaced_records);
  g_test_add ("/checklist/version-2/en", Fixture, "en", fixture_set_up, test_version_2, fixture_tear_down);
  g_test_add ("/checklist/version-2/fr", Fixture, "fr", fixture_set_up, test_version_2, fixture_tear_down);
  g_test_add_func ("/checklist/format-date", test_format_date);
  g_test_add_func ("/checklist/format-calendar", test_format_calendar);

  return g_test_run ();
}
