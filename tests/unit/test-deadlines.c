/* test-deadlines.c: the record as evidence — nothing recorded hidden,
 * stated dates, undo, refused and overdue objections, conditional steps
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-checklist.h"
#include "veto-i18n.h"
#include "veto-lifecycle.h"
#include "veto-record.h"
#include "veto-reminder.h"
#include "veto-status.h"
#include "test-record-fixtures.h"
#include "test-world.h"

typedef TestWorld Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 29, 10, 0, 0);

  test_world_set_up (f, test_catalog_from_text (TEST_RECORD_CATALOG), "eu", now);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_world_tear_down (f);
}

static char *
status_text (Fixture    *f,
             VetoStatus *status)
{
  GString *out = g_string_new (NULL);

  *status = veto_status_write (f->checklist, out);
  g_test_message ("%s", out->str);
  return g_string_free (out, FALSE);
}

/* The overview (veto_checklist_count()), --status and the record
 * ("Steps finished: X of Y", n-counted) count the same tasks. */
static void
assert_counts_agree (Fixture *f,
                     guint    expected)
{
  g_autofree char *status = NULL;
  g_autofree char *line = NULL;
  guint n_counted, n_progressed;
  VetoStatus code;

  veto_checklist_count (f->checklist, NULL, NULL, &n_counted, &n_progressed);
  g_assert_cmpuint (n_counted, ==, expected);
  g_assert_cmpuint (veto_checklist_get_n_counted (f->checklist), ==, expected);
  status = status_text (f, &code);
  line = g_strdup_printf ("Steps finished: %u of %u.", veto_checklist_get_n_finished (f->checklist), expected);
  g_assert_nonnull (strstr (status, line));
}

/* Changing where one lives, or dropping an app, hides nothing recorded. */
static void
test_region_change_keeps_records (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(VetoTask) earlier = NULL;
  g_autofree char *status = NULL;
  g_autofree char *record = NULL;
  VetoStatus code;

  veto_progress_store_set_state (f->store, "facebook-object", f->account, VETO_STEP_STATE_SUBMITTED);
  veto_progress_store_set_note (f->store, "facebook-audience", f->account, "Friends only since May");
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_earlier_tasks (f->checklist)), ==, 0);

  veto_progress_store_set_region (f->store, "other");

  /* only the audience step applies "elsewhere"; the objection is kept aside */
  g_assert_cmpuint (veto_checklist_get_n_tasks (f->checklist), ==, 1);
  g_assert_cmpuint (veto_checklist_get_n_counted (f->checklist), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_earlier_tasks (f->checklist)), ==, 1);
  earlier = g_list_model_get_item (veto_checklist_get_earlier_tasks (f->checklist), 0);
  g_assert_cmpstr (veto_step_get_id (veto_task_get_step (earlier)), ==, "facebook-object");
  g_assert_false (veto_task_get_applies (earlier));
  g_assert_cmpint (veto_task_get_state (earlier), ==, VETO_STEP_STATE_SUBMITTED);

  status = status_text (f, &code);
  g_assert_nonnull (strstr (status, "Recorded earlier, no longer applying where you live or to your apps\n"
                                    "  Submitted       Object (Facebook — Account 1)\n"));

  record = veto_record_to_markdown (f->checklist);
  g_assert_nonnull (strstr (record, "## Recorded earlier, no longer applying where you live or to your apps\n\n"
                                    "### Facebook — Account 1\n\n#### Objection to AI training\n\n- **State:** Submitted\n"
                                    "- **Submitted:** November 29, 2026\n"));

  /* dropping the app keeps its audience step, which has a note */
  veto_progress_store_set_app (f->store, "facebook", FALSE);
  g_assert_cmpuint (veto_checklist_get_n_tasks (f->checklist), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_earlier_tasks (f->checklist)), ==, 2);
  g_clear_pointer (&record, g_free);
  record = veto_record_to_markdown (f->checklist);
  g_assert_nonnull (strstr (record, "- **Note:** Friends only since May\n"));
  g_assert_null (strstr (record, "Nothing to report yet"));

  /* back in the EU, the objection is a task again, with its date */
  veto_progress_store_set_app (f->store, "facebook", TRUE);
  veto_progress_store_set_region (f->store, "eu");
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_earlier_tasks (f->checklist)), ==, 0);
  g_clear_object (&earlier);
  earlier = test_find_task (f->checklist, "facebook-object", f->account);
  g_assert_cmpint (veto_task_get_state (earlier), ==, VETO_STEP_STATE_SUBMITTED);
}

static void
test_stated_dates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) tomorrow = test_day (2026, 11, 30);
  g_autoptr(GDateTime) sent = test_day (2026, 11, 20);
  g_autoptr(GDateTime) before_sent = test_day (2026, 11, 19);
  g_autoptr(GDateTime) answered = test_day (2026, 11, 24);
  g_autoptr(GDateTime) after_answer = test_day (2026, 11, 25);
  g_autoptr(GDateTime) got = NULL;
  g_autoptr(GDateTime) entered = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *record = NULL;

  /* not in the future, and nothing changes */
  before = veto_progress_store_dup_step_snapshot (f->store, "facebook-object", f->account);
  g_assert_false (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                    VETO_STEP_STATE_SUBMITTED, tomorrow, &error));
  g_assert_error (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_FUTURE_DATE);
  g_clear_error (&error);
  after = veto_progress_store_dup_step_snapshot (f->store, "facebook-object", f->account);
  g_assert_cmpstr (before, ==, after);

  /* today is fine; so is an earlier day, kept beside when it was entered */
  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_SUBMITTED, sent, &error));
  g_assert_no_error (error);
  got = veto_progress_store_dup_date (f->store, "facebook-object", f->account, VETO_DATE_SUBMITTED);
  g_assert_true (g_date_time_equal (got, sent));
  entered = veto_progress_store_dup_entered (f->store, "facebook-object", f->account, VETO_DATE_SUBMITTED);
  {
    g_autoptr(GDateTime) now = veto_clock_get_now (f->clock);

    /* entered now, not on the day stated */
    g_assert_true (g_date_time_equal (entered, now));
  }
  g_clear_pointer (&entered, g_date_time_unref);

  /* confirmed not before submitted */
  g_assert_false (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                    VETO_STEP_STATE_CONFIRMED, before_sent, &error));
  g_assert_error (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_BEFORE_SUBMITTED);
  g_clear_error (&error);
  g_assert_cmpint (veto_progress_store_get_state (f->store, "facebook-object", f->account), ==,
                   VETO_STEP_STATE_SUBMITTED);

  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_CONFIRMED, answered, &error));
  g_assert_no_error (error);

  /* and the submission can't move after the answer */
  g_assert_false (veto_progress_store_set_date (f->store, "facebook-object", f->account,
                                                VETO_DATE_SUBMITTED, after_answer, &error));
  g_assert_error (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_BEFORE_SUBMITTED);
  g_clear_error (&error);

  /* a check stated for yesterday */
  {
    g_autoptr(GDateTime) yesterday = test_day (2026, 11, 28);

    g_assert_true (veto_progress_store_set_date (f->store, "facebook-audience", f->account,
                                                 VETO_DATE_CHECKED, yesterday, &error));
    g_assert_no_error (error);
  }

  /* the record shows the day stated and, where it differs, the day entered */
  record = veto_record_to_markdown (f->checklist);
  g_test_message ("%s", record);
  g_assert_nonnull (strstr (record, "- **Submitted:** November 20, 2026 (entered on November 29, 2026)\n"
                                    "- **Answer due by:** December 20, 2026\n"
                                    "- **Meta’s answer:** confirmation, on November 24, 2026 (entered on November 29, 2026)\n"));
  g_assert_nonnull (strstr (record, "- **Last checked:** November 28, 2026 (entered on November 29, 2026)\n"));

  /* the file keeps both */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (g_file_peek_path (veto_progress_store_get_file (f->store)),
                                        &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Submitted=2026-11-20\n"));
    g_assert_nonnull (strstr (contents, "SubmittedEntered=2026-11-29T10:00:00Z\n"));
    g_assert_nonnull (strstr (contents, "Format=2\n"));
  }
}

/* Undo puts back exactly what was there, dates included. */
static void
test_undo_restores (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) sent = test_day (2026, 11, 2);
  g_autoptr(GDateTime) answered = test_day (2026, 11, 10);
  g_autoptr(GDateTime) got = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *restored = NULL;

  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));
  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_CONFIRMED, answered, NULL));
  veto_progress_store_set_note (f->store, "facebook-object", f->account, "ref 42");
  snapshot = veto_progress_store_dup_step_snapshot (f->store, "facebook-object", f->account);

  /* back from confirmed to submitted keeps the submission date */
  veto_clock_advance (f->clock, G_TIME_SPAN_HOUR);
  veto_progress_store_set_state (f->store, "facebook-object", f->account, VETO_STEP_STATE_SUBMITTED);
  got = veto_progress_store_dup_date (f->store, "facebook-object", f->account, VETO_DATE_SUBMITTED);
  g_assert_true (g_date_time_equal (got, sent));
  g_assert_null (veto_progress_store_dup_date (f->store, "facebook-object", f->account, VETO_DATE_CONFIRMED));

  /* "to do" erases the dates… */
  veto_progress_store_set_state (f->store, "facebook-object", f->account, VETO_STEP_STATE_TODO);
  g_assert_null (veto_progress_store_dup_date (f->store, "facebook-object", f->account, VETO_DATE_SUBMITTED));

  /* …and Undo brings back the exact earlier state */
  veto_progress_store_restore_step (f->store, "facebook-object", f->account, snapshot);
  restored = veto_progress_store_dup_step_snapshot (f->store, "facebook-object", f->account);
  g_assert_cmpstr (restored, ==, snapshot);
  g_assert_cmpint (veto_progress_store_get_state (f->store, "facebook-object", f->account), ==,
                   VETO_STEP_STATE_CONFIRMED);
  g_clear_pointer (&got, g_date_time_unref);
  got = veto_progress_store_dup_date (f->store, "facebook-object", f->account, VETO_DATE_CONFIRMED);
  g_assert_true (g_date_time_equal (got, answered));

  /* undoing the very first change removes the step's record altogether */
  veto_progress_store_restore_step (f->store, "facebook-audience", f->account, "");
  g_assert_false (veto_progress_store_has_record (f->store, "facebook-audience", f->account));
}

static void
test_overdue_after_answer_period (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GDateTime) sent = test_day (2026, 10, 29);
  g_autoptr(GDateTime) last_day = g_date_time_new_local (2026, 11, 29, 23, 59, 0);
  g_autoptr(GDateTime) next_day = test_day (2026, 11, 30);
  g_autoptr(VetoTask) task = NULL;
  g_autoptr(VetoTask) complaint = NULL;
  g_autofree char *status = NULL;
  g_autofree char *record = NULL;
  VetoStatus code;

  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));

  /* one calendar month: 29 October → 29 November is still within it */
  veto_clock_set_now (f->clock, last_day);
  veto_checklist_refresh (f->checklist);
  task = test_find_task (f->checklist, "facebook-object", f->account);
  g_assert_false (veto_task_get_overdue (task));
  /* the answer is due by the period's last day, which the card shows */
  {
    g_autoptr(GDateTime) due_day = test_day (2026, 11, 29);

    g_assert_nonnull (veto_task_get_answer_due (task));
    g_assert_true (g_date_time_equal (veto_task_get_answer_due (task), due_day));
  }
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_overdue_tasks (f->checklist)), ==, 0);
  complaint = test_find_task (f->checklist, "facebook-complain", NULL);
  g_assert_false (veto_task_get_active (complaint));
  g_assert_false (veto_task_counts (complaint));
  assert_counts_agree (f, 2);
  g_clear_object (&task);
  g_clear_object (&complaint);

  veto_clock_set_now (f->clock, next_day);
  veto_checklist_refresh (f->checklist);
  task = test_find_task (f->checklist, "facebook-object", f->account);
  g_assert_true (veto_task_get_overdue (task));
  g_assert_true (g_date_time_equal (veto_task_get_overdue_since (task), next_day));
  g_assert_nonnull (veto_task_get_answer_due (task));
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_overdue_tasks (f->checklist)), ==, 1);

  /* the complaint is now the next thing to do, and counts */
  complaint = test_find_task (f->checklist, "facebook-complain", NULL);
  g_assert_true (veto_task_get_active (complaint));
  g_assert_true (veto_task_get_activated_by (complaint) == task);
  /* an information step, counted once a refusal or silence activates it */
  g_assert_cmpint (veto_step_get_kind (veto_task_get_step (complaint)), ==, VETO_STEP_KIND_INFORMATION);
  g_assert_true (veto_task_counts (complaint));
  g_assert_cmpuint (veto_checklist_get_n_counted (f->checklist), ==, 3);
  assert_counts_agree (f, 3);

  status = status_text (f, &code);
  g_assert_cmpint (code, ==, VETO_STATUS_PENDING);
  g_assert_nonnull (strstr (status, "! Object (Facebook — Account 1)\n"
                                    "  No answer from Meta within 1 month: overdue since November 30, 2026.\n"
                                    "  Next: Complain to your regulator\n"));
  g_assert_nonnull (strstr (status, "Refused or unanswered by Meta: 1."));

  record = veto_record_to_markdown (f->checklist);
  g_assert_nonnull (strstr (record, "- **Meta’s answer:** No answer from Meta within 1 month: overdue since November 30, 2026.\n"));
  g_assert_nonnull (strstr (record, "- **To do now:** Attach the record you export from Veto"));

  /* --remind notifies it before any recheck */
  {
    g_autofree char *title = NULL;
    g_autofree char *body = NULL;

    g_assert_true (veto_reminder_compose (f->checklist, &title, &body));
    g_assert_cmpstr (title, ==, "Meta refused or did not answer your objection");
    g_assert_nonnull (strstr (body, "No answer from Meta within 1 month: overdue since November 30, 2026.\n"
                                    "Next: Complain to your regulator"));
  }

  /* once the complaint is made, nothing is left pending for it */
  veto_progress_store_set_state (f->store, "facebook-complain", NULL, VETO_STEP_STATE_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_overdue_tasks (f->checklist)), ==, 0);
}

/* Refused counts at once, and only for the account it concerns. */
static void
test_refused_activates_complaint (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *second = NULL;
  g_auto(GStrv) accounts = NULL;
  g_autoptr(VetoTask) first_complaint = NULL;
  g_autoptr(VetoTask) second_complaint = NULL;
  g_autoptr(VetoTask) refused = NULL;
  g_autoptr(GDateTime) sent = test_day (2026, 11, 25);
  g_autoptr(GDateTime) no = test_day (2026, 11, 27);
  g_autofree char *status = NULL;
  VetoStatus code;

  veto_progress_store_set_app (f->store, "instagram", TRUE);
  accounts = veto_progress_store_dup_accounts (f->store, "instagram");
  second = veto_progress_store_add_account (f->store, "instagram", "Work");

  g_assert_true (veto_progress_store_set_state_on (f->store, "instagram-object", accounts[0],
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));
  g_assert_true (veto_progress_store_set_state_on (f->store, "instagram-object", accounts[0],
                                                   VETO_STEP_STATE_REFUSED, no, NULL));

  refused = test_find_task (f->checklist, "instagram-object", accounts[0]);
  g_assert_true (veto_task_get_needs_follow_up (refused));
  g_assert_true (g_date_time_equal (veto_task_get_overdue_since (refused), no));

  first_complaint = test_find_task (f->checklist, "instagram-complain", accounts[0]);
  second_complaint = test_find_task (f->checklist, "instagram-complain", second);
  g_assert_true (veto_task_get_active (first_complaint));
  g_assert_false (veto_task_get_active (second_complaint));
  /* Facebook's complaint is about Facebook's objection only */
  {
    g_autoptr(VetoTask) fb = test_find_task (f->checklist, "facebook-complain", NULL);

    g_assert_false (veto_task_get_active (fb));
  }

  status = status_text (f, &code);
  g_assert_cmpint (code, ==, VETO_STATUS_PENDING);
  g_assert_nonnull (strstr (status, "Meta refused this objection on November 27, 2026."));
  g_assert_nonnull (strstr (status, "Next: Complain about Instagram\n  Attach the record you export from Veto"));
  g_assert_nonnull (strstr (status, "Refused         Object on Instagram\n"));
}

/* Conditional steps are listed but count nowhere until their time comes. */
static void
test_conditional_steps_out_of_counts (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *status = NULL;
  VetoStatus code;

  /* Facebook, EU: object, audience, complain-if-needed */
  g_assert_cmpuint (veto_checklist_get_n_tasks (f->checklist), ==, 3);
  g_assert_cmpuint (veto_checklist_get_n_counted (f->checklist), ==, 2);

  veto_progress_store_set_state (f->store, "facebook-object", f->account, VETO_STEP_STATE_CONFIRMED);
  veto_progress_store_set_state (f->store, "facebook-audience", f->account, VETO_STEP_STATE_DONE);

  status = status_text (f, &code);
  g_assert_cmpint (code, ==, VETO_STATUS_COMPLETE);
  g_assert_nonnull (strstr (status, "Only if needed  Complain to your regulator\n"));
  g_assert_nonnull (strstr (status, "Steps finished: 2 of 2.\n"));
}

static void
test_catalog_keys (void)
{
  static const struct {
    const char *from;
    const char *to;
    const char *message;
  } bad[] = {
    { "OnlyIf=refused-or-overdue:facebook-object;\n", "OnlyIf=facebook-object;\n", "is not a condition" },
    { "OnlyIf=refused-or-overdue:facebook-object;\n", "OnlyIf=refused-or-overdue:nothing;\n", "no other step “nothing”" },
    { "OnlyIf=refused-or-overdue:facebook-object;\n", "OnlyIf=refused-or-overdue:facebook-complain;\n", "no other step" },
    { "AnswerMonths=1\n", "AnswerMonths=0\n", "AnswerMonths" },
    { "AnswerMonths=1\n", "AnswerMonths=one\n", "AnswerMonths" },
    { "SenderDomains=facebookmail.com;", "SenderDomains=*.facebookmail.com;", "not a mail domain" },
    { "SenderDomains=facebookmail.com;", "SenderDomains=.facebookmail.com;", "not a mail domain" },
    { "[Step facebook-audience]\n", "[Step facebook-audience]\nEssential=true\n", "an app has one essential step, and “facebook-object” is already" },
    { "[Step facebook-object]\nEssential=true\n", "[Step facebook-object]\nEssential=yes\n", "“true” or “false”" },
    /* any Gmail message would be Meta's confirmation */
    { "SenderDomains=facebookmail.com;", "SenderDomains=gmail.com;", "“gmail.com” is not one of Meta’s domains" },
    { "SenderDomains=facebookmail.com;", "SenderDomains=facebookmail.com.evil.example;", "not one of Meta’s domains" },
    { "SenderDomains=facebookmail.com;", "SenderDomains=evilfacebook.com;", "not one of Meta’s domains" },
    /* a phrase found in any email would make any email Meta's answer */
    { "RefusalPhrases=unable to honour;", "RefusalPhrases=non;", "“non” must be from 8 to 200 characters long" },
    { "ConfirmationPhrases=will honour your objection;", "ConfirmationPhrases=will honour your objection;Unable To Honour;",
      "[Catalog] RefusalPhrases: “unable to honour” is also a confirmation phrase" },
  };
  g_autoptr(GBytes) good = g_bytes_new_static (TEST_RECORD_CATALOG, strlen (TEST_RECORD_CATALOG));
  g_autoptr(VetoCatalog) catalog = veto_catalog_new_from_bytes (good, VETO_CATALOG_FLAGS_NONE, NULL);
  VetoStep *step;

  g_assert_nonnull (catalog);
  step = veto_catalog_lookup_step (catalog, "facebook-object");
  g_assert_cmpint (veto_step_get_answer_months (step), ==, 1);
  g_assert_false (veto_step_get_conditional (step));
  step = veto_catalog_lookup_step (catalog, "facebook-audience");
  g_assert_cmpint (veto_step_get_answer_months (step), ==, 0);
  step = veto_catalog_lookup_step (catalog, "facebook-complain");
  g_assert_true (veto_step_get_conditional (step));
  g_assert_cmpstr (veto_step_get_only_if_refused_or_overdue (step)[0], ==, "facebook-object");

  g_assert_true (veto_catalog_is_sender_domain (catalog, "facebookmail.com"));
  g_assert_true (veto_catalog_is_sender_domain (catalog, "x.facebookmail.com"));
  g_assert_true (veto_catalog_is_sender_domain (catalog, "FacebookMail.COM."));
  g_assert_true (veto_catalog_is_sender_domain (catalog, "mail.instagram.com"));
  g_assert_false (veto_catalog_is_sender_domain (catalog, "instagram.com"));
  g_assert_false (veto_catalog_is_sender_domain (catalog, "facebookmail.com.evil.example"));
  g_assert_false (veto_catalog_is_sender_domain (catalog, "evilfacebookmail.com"));
  g_assert_false (veto_catalog_is_sender_domain (catalog, ""));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GString) text = g_string_new (TEST_RECORD_CATALOG);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(VetoCatalog) broken = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (g_string_replace (text, bad[i].from, bad[i].to, 1), ==, 1);
      bytes = g_bytes_new (text->str, text->len);
      broken = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
      g_assert_null (broken);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].message));
    }
}

/* A hand-edited evidence name can't point outside the evidence folder, and
 * a format-2 file with refusals, stated days and evidence loads. */
static void
test_progress_format_2 (void)
{
  static const char good[] =
    "[Veto]\nFormat=2\nRegion=eu\nApps=facebook;\n\n[Account facebook 1]\nLabel=\n\n"
    "[Step facebook-object 1]\nState=refused\nSubmitted=2026-11-01\nSubmittedEntered=2026-11-02T09:00:00Z\n"
    "Refused=2026-11-20\nEvidenceFile=facebook-object-1-abc.eml\n"
    "EvidenceSha256=3d533c16e38aa18822bc251f71f4cc3ecab9c18262a064c93ed2b8fed1abe8bd\n\n[End]\n";
  const char *bad[] = { "EvidenceFile=../../.ssh/id_rsa", "EvidenceSha256=XYZ", "Refused=someday",
                        "SubmittedEntered=2026-11-02" };
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, good, -1, NULL));
  {
    g_autoptr(VetoProgressStore) store = veto_progress_store_new (file, NULL);

    g_assert_true (veto_progress_store_load (store, NULL));
    g_assert_null (veto_progress_store_get_recovered_file (store));
    g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_REFUSED);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GString) text = g_string_new (good);
      g_autoptr(VetoProgressStore) store = veto_progress_store_new (file, NULL);
      g_autofree char *key = g_strndup (bad[i], strchr (bad[i], '=') - bad[i]);
      g_autofree char *line_start = g_strconcat ("\n", key, "=", NULL);
      const char *at = strstr (text->str, line_start);

      g_assert_nonnull (at);
      {
        gsize start = at - text->str + 1;
        gsize end = strchr (text->str + start, '\n') - text->str;

        g_string_erase (text, start, end - start);
        g_string_insert (text, start, bad[i]);
      }
      g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
      g_assert_true (veto_progress_store_load (store, NULL));
      /* not understood: kept aside, never half-read */
      g_assert_nonnull (veto_progress_store_get_recovered_file (store));
    }
}

/* "Continue" leads to what matters most (veto-lifecycle.c): an objection
 * Meta left unanswered or refused, then an objection not sent, then a
 * recheck due, then the rest. It followed the checklist's order, with
 * rechecks first: a setting due for a recheck came before an untouched
 * objection, and a setting still to do before an overdue objection. */
static void
test_continue_most_urgent (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) long_ago = g_date_time_new_utc (2026, 7, 1, 10, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 29, 10, 0, 0);
  g_autoptr(GDateTime) sent = test_day (2026, 10, 1);
  g_autoptr(VetoTask) objection = NULL;
  g_autoptr(VetoTask) audience = NULL;
  VetoTask *next;

  /* a setting done in July, due for a recheck (90 days); the objection
   * untouched: the objection first */
  veto_clock_set_now (f->clock, long_ago);
  veto_progress_store_set_state (f->store, "facebook-audience", f->account, VETO_STEP_STATE_DONE);
  veto_clock_set_now (f->clock, now);
  g_clear_object (&f->checklist);
  f->checklist = veto_checklist_new (f->catalog, f->store);
  audience = test_find_task (f->checklist, "facebook-audience", f->account);
  g_assert_cmpint (veto_task_get_urgency (audience), ==, VETO_URGENCY_RECHECK);
  next = veto_checklist_find_next (f->checklist);
  g_assert_cmpstr (veto_step_get_id (veto_task_get_step (next)), ==, "facebook-object");
  g_assert_cmpint (veto_task_get_urgency (next), ==, VETO_URGENCY_OBJECTION);

  /* the objection sent on 1 October, unanswered on 29 November (one
   * month): before the setting, even one still to do */
  veto_progress_store_set_state (f->store, "facebook-audience", f->account, VETO_STEP_STATE_TODO);
  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));
  next = veto_checklist_find_next (f->checklist);
  g_assert_cmpstr (veto_step_get_id (veto_task_get_step (next)), ==, "facebook-object");
  g_assert_cmpint (veto_task_get_urgency (next), ==, VETO_URGENCY_FOLLOW_UP);
  /* the same for the app's row on the overview */
  next = veto_checklist_find_next_for (f->checklist, veto_task_get_app (next), f->account);
  g_assert_cmpstr (veto_step_get_id (veto_task_get_step (next)), ==, "facebook-object");

  /* refused: followed up too, and never rechecked */
  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_REFUSED, sent, NULL));
  objection = test_find_task (f->checklist, "facebook-object", f->account);
  g_assert_cmpint (veto_task_get_urgency (objection), ==, VETO_URGENCY_FOLLOW_UP);
  g_assert_false (veto_step_state_can_recheck (VETO_STEP_STATE_REFUSED));
  g_assert_true (veto_step_state_can_recheck (VETO_STEP_STATE_CONFIRMED));
  g_clear_object (&objection);

  /* confirmed: the setting left to do comes next; waiting is not a to-do */
  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_CONFIRMED, sent, NULL));
  next = veto_checklist_find_next (f->checklist);
  g_assert_cmpstr (veto_step_get_id (veto_task_get_step (next)), ==, "facebook-audience");
  g_assert_false (veto_urgency_is_pending (VETO_URGENCY_WAITING));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  veto_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/deadlines/region-change-keeps-records", test_region_change_keeps_records);
  ADD ("/deadlines/stated-dates", test_stated_dates);
  ADD ("/deadlines/undo-restores", test_undo_restores);
  ADD ("/deadlines/overdue-after-answer-period", test_overdue_after_answer_period);
  ADD ("/deadlines/refused-activates-complaint", test_refused_activates_complaint);
  ADD ("/deadlines/conditional-steps-out-of-counts", test_conditional_steps_out_of_counts);
  ADD ("/deadlines/continue-most-urgent", test_continue_most_urgent);
  g_test_add_func ("/deadlines/catalog-keys", test_catalog_keys);
  g_test_add_func ("/deadlines/progress-format-2", test_progress_format_2);

  return g_test_run ();
}
