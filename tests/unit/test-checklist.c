/* test-checklist.c: tasks, due rechecks and the --status text
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-checklist.h"
#include "veto-i18n.h"
#include "veto-status.h"
#include "test-fixtures.h"

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
  g_clear_object (&task);

  /* rechecking it moves the date on */
  veto_progress_store_mark_checked (f->store, "facebook-object", accounts[0]);
  g_assert_cmpuint (veto_checklist_get_n_due (f->checklist), ==, 0);
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
  g_assert_nonnull (strstr (pending, "Steps finished: 0 of 5."));

  for (guint i = 0; i < veto_checklist_get_n_tasks (f->checklist); i++)
    {
      g_autoptr(VetoTask) task = task_at (f, i);

      veto_progress_store_set_state (f->store, veto_step_get_id (veto_task_get_step (task)),
                                     veto_task_get_account_id (task), VETO_STEP_STATE_DONE);
    }

  g_assert_cmpint (status_text (f, &complete), ==, VETO_STATUS_COMPLETE);
  g_assert_nonnull (strstr (complete, "Steps finished: 5 of 5.\n"));

  veto_clock_advance (f->clock, 91 * G_TIME_SPAN_DAY);
  veto_checklist_refresh (f->checklist);
  g_assert_cmpint (status_text (f, &due), ==, VETO_STATUS_PENDING);
  g_assert_nonnull (strstr (due, "Due for a recheck since"));
  g_assert_nonnull (strstr (due, "Steps finished: 5 of 5. Due for a recheck: 2."));
}

static void
test_format_date (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 29, 12, 0, 0);
  g_autofree char *text = veto_format_date (date);

  g_assert_cmpstr (text, ==, "November 29, 2026");
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
  ADD ("/checklist/status", test_status);
  g_test_add_func ("/checklist/format-date", test_format_date);

  return g_test_run ();
}
