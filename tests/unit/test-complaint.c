/* test-complaint.c: the ready-to-paste complaint, from a real progress
 * file and the bundled catalog, in English and in French
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-complaint.h"
#include "veto-i18n.h"
#include "test-letter-laws.h"

/* Facebook's objection sent on 1 November and unanswered; Instagram's sent
 * on 3 November and refused on 20 November, its email kept. */
#define PROGRESS(region) \
  "[Veto]\nFormat=2\nRegion=" region "\nApps=facebook;instagram;threads;\nCatalogVersion=2\n\n" \
  "[Account facebook 1]\nLabel=Perso\n\n" \
  "[Account instagram 1]\nLabel=art.lover\n\n" \
  "[Step facebook-object 1]\nState=submitted\nSubmitted=2026-11-01\nSubmittedEntered=2026-11-01T09:00:00Z\n" \
  "Updated=2026-11-01T09:00:00Z\n\n" \
  "[Step instagram-object 1]\nState=refused\nSubmitted=2026-11-03\nSubmittedEntered=2026-11-03T09:00:00Z\n" \
  "Refused=2026-11-20\nUpdated=2026-11-20T09:00:00Z\nEvidenceFile=instagram-object-1-abc.eml\n" \
  "EvidenceSha256=3d533c16e38aa18822bc251f71f4cc3ecab9c18262a064c93ed2b8fed1abe8bd\n" \
  "EvidenceSubject=Your objection request\n\n" \
  "[End]\n"

typedef struct
{
  VetoClock         *clock;
  VetoProgressStore *store;
  VetoCatalog       *catalog;
  VetoChecklist     *checklist;
} Fixture;

static void
load (Fixture    *f,
      const char *language,
      const char *progress,
      int         days_after)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autofree char *catalog_path = g_test_build_filename (G_TEST_BUILT, "..", "data", "catalog", "meta.steps", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) catalog_file = g_file_new_for_path (catalog_path);
  g_autoptr(GDateTime) sent = g_date_time_new_utc (2026, 11, 1, 12, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_add_days (sent, days_after);
  g_autoptr(GError) error = NULL;

  veto_i18n_set_language (language);
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, progress, -1, NULL));
  f->clock = veto_clock_new_fixed (now);
  f->store = veto_progress_store_new (file, f->clock);
  g_assert_true (veto_progress_store_load (f->store, &error));
  g_assert_no_error (error);
  /* the real catalog, as the loader reads it in this language */
  f->catalog = veto_catalog_new_from_file (catalog_file, VETO_CATALOG_FLAGS_NONE, &error);
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
  veto_i18n_set_language (NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
}

/* A day as the interface writes it ("1 November 2026", "November 1, 2026"
 * or « 1 novembre 2026 », whichever the locale says). */
static char *
day (int month,
     int day_of_month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, month, day_of_month, 0, 0, 0);

  return veto_format_date (date);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_test_message ("“%s” is not in the text", part);
  g_assert_nonnull (strstr (text, part));
}

/* 40 days after sending, in the EU: the account, the day sent, the due
 * day, the refusal and its evidence; the GDPR and no other law. */
static void
test_eu (Fixture       *f,
         gconstpointer  data)
{
  const char *language = data;
  gboolean fr = g_str_equal (language, "fr");
  g_autofree char *text = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *sent = NULL, *due = NULL, *refused = NULL;
  g_autofree char *sent_line = NULL, *due_line = NULL, *refused_line = NULL;

  load (f, language, PROGRESS ("eu"), 40);
  text = veto_complaint_dup_text (f->checklist);
  g_assert_nonnull (text);
  g_test_message ("%s", text);

  assert_contains (text, fr ? "Facebook, compte « Perso »" : "Facebook, account “Perso”");
  sent = day (11, 1);
  due = day (12, 1);
  refused = day (11, 20);
  sent_line = g_strdup_printf (fr ? "envoyée le %s." : "sent on %s.", sent);
  due_line = g_strdup_printf (fr ? "due au plus tard le %s." : "due by %s.", due);
  refused_line = g_strdup_printf (fr ? "refusée le %s." : "refused it on %s.", refused);
  assert_contains (text, sent_line);
  /* one calendar month: the answer was due by 1 December */
  assert_contains (text, due_line);
  assert_contains (text, fr ? "Instagram, compte « art.lover »" : "Instagram, account “art.lover”");
  assert_contains (text, refused_line);
  assert_contains (text, fr ? "« Your objection request »" : "“Your objection request”");
  assert_contains (text, "SHA-256");
  assert_contains (text, "dossier");
  g_assert_null (strstr (text, "relevé"));
  /* Threads follows Instagram: not named twice */
  g_assert_null (strstr (text, "Threads"));

  wrong = letter_law_problem ("eu", text);
  g_assert_cmpstr (wrong, ==, NULL);
}

/* The UK's cites the UK GDPR, and no other country's law. */
static void
test_uk (Fixture       *f,
         gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *wrong = NULL;

  load (f, data, PROGRESS ("uk"), 40);
  text = veto_complaint_dup_text (f->checklist);
  g_assert_nonnull (text);
  g_test_message ("%s", text);
  wrong = letter_law_problem ("uk", text);
  g_assert_cmpstr (wrong, ==, NULL);
}

/* Before the period ends nothing calls for a complaint: 20 days after
 * sending, with no refusal, there is none. Nor where Veto knows no
 * complaint route. */
static void
test_nothing_yet (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) progress = g_string_new (PROGRESS ("eu"));

  g_string_replace (progress, "State=refused", "State=submitted", 1);
  load (f, "en", progress->str, 20);
  text = veto_complaint_dup_text (f->checklist);
  g_assert_null (text);
  fixture_tear_down (f, NULL);

  load (f, "en", PROGRESS ("other"), 40);
  g_assert_null (veto_complaint_dup_text (f->checklist));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  veto_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/complaint/eu/en", Fixture, "en", fixture_set_up, test_eu, fixture_tear_down);
  g_test_add ("/complaint/eu/fr", Fixture, "fr", fixture_set_up, test_eu, fixture_tear_down);
  g_test_add ("/complaint/uk/en", Fixture, "en", fixture_set_up, test_uk, fixture_tear_down);
  g_test_add ("/complaint/uk/fr", Fixture, "fr", fixture_set_up, test_uk, fixture_tear_down);
  g_test_add ("/complaint/nothing-yet", Fixture, NULL, fixture_set_up, test_nothing_yet, fixture_tear_down);

  return g_test_run ();
}
