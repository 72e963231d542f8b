/* test-region-deadlines.c: the answer period, the overdue state and the
 * complaint route come from where the person lives — the GDPR's month in
 * the EU and the UK, no deadline in Switzerland or Brazil — and each
 * region's texts name only its own law and authority
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-checklist.h"
#include "veto-complaint.h"
#include "veto-i18n.h"
#include "veto-record.h"
#include "veto-status.h"
#include "test-world.h"

typedef TestWorld Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *region = data;
  g_autoptr(GDateTime) now = test_day (2026, 11, 29);

  test_world_set_up (f, test_catalog_from_dist ("lint", "regions4.steps"), region, now);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_world_tear_down (f);
}

static char *
status_text (Fixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);

  veto_status_write (f->checklist, out);
  g_test_message ("%s", out->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_absent (const char         *text,
               const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) != NULL)
      g_error ("“%s” in:\n%s", words[i], text);
}

/* The objection sent on 20 October, seen on 29 November (+40 days). */
static void
send_objection (Fixture *f)
{
  g_autoptr(GDateTime) sent = test_day (2026, 10, 20);

  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));
  veto_checklist_refresh (f->checklist);
}

/* France: the GDPR's month, extendable by two; overdue the day after;
 * the CNIL's complaint then comes next. */
static void
test_eu (Fixture       *f,
         gconstpointer  data)
{
  static const char * const not_eu[] = { "nFADP", "FDPIC", "ICO", "ANPD", "LGPD", "no deadline", NULL };
  g_autoptr(GDateTime) due = test_day (2026, 11, 20);
  g_autoptr(GDateTime) extended = test_day (2027, 1, 20);
  g_autoptr(GDateTime) since = test_day (2026, 11, 21);
  g_autoptr(GDateTime) early = test_day (2026, 11, 10);
  g_autoptr(VetoTask) task = NULL;
  g_autoptr(VetoTask) complaint = NULL;
  g_autofree char *status = NULL;
  g_autofree char *record = NULL;
  g_autofree char *letter = NULL;

  /* while it waits: both last days, the plain and the extended one */
  veto_clock_set_now (f->clock, early);
  send_objection (f);
  task = test_find_task (f->checklist, "facebook-object", f->account);
  g_assert_cmpint (veto_task_get_answer_months (task), ==, 1);
  g_assert_cmpint (veto_task_get_extension_months (task), ==, 2);
  g_assert_false (veto_task_get_answer_without_deadline (task));
  g_assert_true (g_date_time_equal (veto_task_get_answer_due (task), due));
  g_assert_true (g_date_time_equal (veto_task_get_answer_extended_due (task), extended));
  g_assert_false (veto_task_get_overdue (task));
  status = status_text (f);
  g_assert_nonnull (strstr (status, "Answer due by November 20, 2026, or by January 20, 2027 if Meta told you it needed more time."));
  g_clear_pointer (&status, g_free);
  g_clear_object (&task);

  /* +40 days: overdue since the day after the month */
  g_autoptr(GDateTime) later = g_date_time_add_days (early, 19);
  veto_clock_set_now (f->clock, later);
  veto_checklist_refresh (f->checklist);
  task = test_find_task (f->checklist, "facebook-object", f->account);
  g_assert_true (veto_task_get_overdue (task));
  g_assert_true (g_date_time_equal (veto_task_get_overdue_since (task), since));
  complaint = test_find_task (f->checklist, "complain-cnil", NULL);
  g_assert_true (veto_task_get_active (complaint));

  status = status_text (f);
  g_assert_nonnull (strstr (status, "No answer from Meta within 1 month: overdue since November 21, 2026."));
  g_assert_nonnull (strstr (status, "Complain to the CNIL (France)"));
  assert_absent (status, not_eu);

  record = veto_record_to_markdown (f->checklist);
  g_test_message ("%s", record);
  g_assert_nonnull (strstr (record, "CNIL"));
  g_assert_nonnull (strstr (record, "within 1 month"));
  g_assert_nonnull (strstr (record, "Answer due by:** November 20, 2026, or January 20, 2027 if Meta said it needed more time"));
  assert_absent (record, not_eu);

  letter = veto_complaint_dup_text (f->checklist);
  g_assert_nonnull (strstr (letter, "Article 21 of the GDPR"));
  g_assert_nonnull (strstr (letter, "Article 77 of the GDPR"));
  assert_absent (letter, not_eu);
}

/* Switzerland: no deadline, so no "answer due by" and no overdue state at
 * +40 days, nor at +400; a refusal still leads to the FDPIC. */
static void
test_ch (Fixture       *f,
         gconstpointer  data)
{
  static const char * const not_ch[] = { "GDPR", "Article 12(3)", "one month", "1 month", "CNIL", "ICO",
                                         "overdue", "Answer due by November", "LGPD", "ANPD", NULL };
  g_autoptr(GDateTime) refused = test_day (2026, 12, 1);
  g_autoptr(VetoTask) task = NULL;
  g_autoptr(VetoTask) complaint = NULL;
  g_autofree char *status = NULL;
  g_autofree char *record = NULL;
  g_autofree char *letter = NULL;

  send_objection (f);
  task = test_find_task (f->checklist, "facebook-object", f->account);
  g_assert_cmpint (veto_task_get_answer_months (task), ==, 0);
  g_assert_true (veto_task_get_answer_without_deadline (task));
  g_assert_null (veto_task_get_answer_due (task));
  g_assert_null (veto_task_get_answer_late_from (task));
  g_assert_false (veto_task_get_overdue (task));
  g_assert_cmpuint (g_list_model_get_n_items (veto_checklist_get_overdue_tasks (f->checklist)), ==, 0);
  complaint = test_find_task (f->checklist, "complain-ch", NULL);
  g_assert_false (veto_task_get_active (complaint));
  /* the CNIL's, the ICO's and the ANPD's routes are not offered here */
  g_assert_null (test_find_task (f->checklist, "complain-cnil", NULL));
  g_assert_null (test_find_task (f->checklist, "complain-uk", NULL));
  g_assert_null (test_find_task (f->checklist, "complain-br", NULL));

  status = status_text (f);
  g_assert_nonnull (strstr (status, "The law where you live sets Meta no deadline to answer."));
  assert_absent (status, not_ch);
  record = veto_record_to_markdown (f->checklist);
  g_assert_nonnull (strstr (record, "Answer due by:** none: the law where the person lives sets no deadline"));
  assert_absent (record, not_ch);
  g_clear_pointer (&status, g_free);
  g_clear_object (&task);
  g_clear_object (&complaint);

  /* a year later, still not overdue */
  g_autoptr(GDateTime) year_later = g_date_time_add_days (refused, 365);
  veto_clock_set_now (f->clock, year_later);
  veto_checklist_refresh (f->checklist);
  task = test_find_task (f->checklist, "facebook-object", f->account);
  g_assert_false (veto_task_get_overdue (task));
  g_clear_object (&task);

  /* a refusal: the report to the FDPIC comes next, citing the nFADP */
  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_REFUSED, refused, NULL));
  veto_checklist_refresh (f->checklist);
  complaint = test_find_task (f->checklist, "complain-ch", NULL);
  g_assert_true (veto_task_get_active (complaint));
  status = status_text (f);
  g_assert_nonnull (strstr (status, "Meta refused this objection on December 1, 2026."));
  g_assert_nonnull (strstr (status, "Report Meta to the FDPIC (Switzerland)"));
  assert_absent (status, not_ch);

  letter = veto_complaint_dup_text (f->checklist);
  g_assert_nonnull (letter);
  g_assert_nonnull (strstr (letter, "FDPIC"));
  g_assert_nonnull (strstr (letter, "article 30 paragraph 2 letter b"));
  g_assert_nonnull (strstr (letter, "article 49 of the nFADP"));
  assert_absent (letter, not_ch);
}

/* The United Kingdom: the UK GDPR's month; Meta first, then the ICO. */
static void
test_uk (Fixture       *f,
         gconstpointer  data)
{
  static const char * const not_uk[] = { "CNIL", "nFADP", "FDPIC", "ANPD", "LGPD", "Article 21 of the GDPR", NULL };
  g_autoptr(VetoTask) task = NULL;
  g_autoptr(VetoTask) complaint = NULL;
  g_autofree char *status = NULL;
  g_autofree char *letter = NULL;

  send_objection (f);
  task = test_find_task (f->checklist, "facebook-object", f->account);
  g_assert_true (veto_task_get_overdue (task));
  complaint = test_find_task (f->checklist, "complain-uk", NULL);
  g_assert_true (veto_task_get_active (complaint));
  status = status_text (f);
  g_assert_nonnull (strstr (status, "Complain to Meta, then to the ICO"));
  assert_absent (status, not_uk);
  letter = veto_complaint_dup_text (f->checklist);
  g_assert_nonnull (strstr (letter, "UK GDPR"));
  assert_absent (letter, not_uk);
}

/* Brazil: no deadline either; a refusal leads to the ANPD. */
static void
test_br (Fixture       *f,
         gconstpointer  data)
{
  static const char * const not_br[] = { "GDPR", "one month", "CNIL", "ICO", "FDPIC", "nFADP", "overdue", NULL };
  g_autoptr(GDateTime) refused = test_day (2026, 11, 28);
  g_autoptr(VetoTask) task = NULL;
  g_autoptr(VetoTask) complaint = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *status = NULL;

  send_objection (f);
  task = test_find_task (f->checklist, "facebook-object", f->account);
  g_assert_true (veto_task_get_answer_without_deadline (task));
  g_assert_false (veto_task_get_overdue (task));
  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_REFUSED, refused, NULL));
  veto_checklist_refresh (f->checklist);
  complaint = test_find_task (f->checklist, "complain-br", NULL);
  g_assert_true (veto_task_get_active (complaint));
  status = status_text (f);
  g_assert_nonnull (strstr (status, "Petition the ANPD (Brazil)"));
  assert_absent (status, not_br);
  letter = veto_complaint_dup_text (f->checklist);
  g_assert_nonnull (strstr (letter, "article 18 §2 of the LGPD"));
  assert_absent (letter, not_br);
}

/* In French, Switzerland's card and --status say so in French. */
static void
test_ch_french (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *status = NULL;

  veto_i18n_set_language ("fr");
  send_objection (f);
  status = status_text (f);
  g_assert_nonnull (strstr (status, "Là où vous vivez, la loi ne fixe à Meta aucun délai pour répondre."));
  g_assert_null (strstr (status, "RGPD"));
  veto_i18n_set_language ("en");
}

/* The keys: a format-4 step states no period of its own; a region's
 * extension needs a period; only a form awaits an answer. */
static void
test_keys (void)
{
  static const struct {
    const char *from;
    const char *to;
    const char *error;
  } cases[] = {
    { "AwaitsAnswer=true\n", "AnswerMonths=1\n", "AnswerMonths: in catalog format 4" },
    { "AwaitsAnswer=true\n", "AwaitsAnswer=yes\n", "AwaitsAnswer" },
    { "Name=Switzerland\n", "Name=Switzerland\nAnswerMonths=0\n", "AnswerMonths" },
    { "Name=Switzerland\n", "Name=Switzerland\nAnswerMonths=121\n", "121 months" },
    { "Name=Switzerland\n", "Name=Switzerland\nExtensionMonths=2\n", "ExtensionMonths: only with AnswerMonths" },
    { "Kind=complaint\nRegions=ch;\n", "Kind=complaint\nRegions=ch;\nAwaitsAnswer=true\n", "only on a step of Kind=form" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "lint", "regions4.steps", NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) changed = g_string_new (text);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(VetoCatalog) catalog = NULL;

      g_assert_cmpuint (g_string_replace (changed, cases[i].from, cases[i].to, 1), ==, 1);
      bytes = g_bytes_new (changed->str, changed->len);
      catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
      g_assert_null (catalog);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].error));
    }

  /* the file as it is loads, and says each region's period */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(VetoCatalog) catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (veto_region_get_answer_months (veto_catalog_lookup_region (catalog, "eu")), ==, 1);
    g_assert_cmpint (veto_region_get_extension_months (veto_catalog_lookup_region (catalog, "eu")), ==, 2);
    g_assert_cmpint (veto_region_get_answer_months (veto_catalog_lookup_region (catalog, "uk")), ==, 1);
    g_assert_cmpint (veto_region_get_answer_months (veto_catalog_lookup_region (catalog, "ch")), ==, 0);
    g_assert_cmpint (veto_region_get_answer_months (veto_catalog_lookup_region (catalog, "br")), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/regions/eu", Fixture, "eu", fixture_set_up, test_eu, fixture_tear_down);
  g_test_add ("/regions/ch", Fixture, "ch", fixture_set_up, test_ch, fixture_tear_down);
  g_test_add ("/regions/uk", Fixture, "uk", fixture_set_up, test_uk, fixture_tear_down);
  g_test_add ("/regions/br", Fixture, "br", fixture_set_up, test_br, fixture_tear_down);
  g_test_add ("/regions/ch-french", Fixture, "ch", fixture_set_up, test_ch_french, fixture_tear_down);
  g_test_add_func ("/regions/keys", test_keys);

  return g_test_run ();
}
