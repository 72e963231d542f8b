/* test-claims.c: format 4's citations, read through the real loader from
 * tests/data/format4.steps: what each sentence shown rests on, only in
 * the region it is true for, the markers never shown.
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-catalog.h"
#include "veto-i18n.h"

static VetoCatalog *
load_fixture (const char *language)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "format4.steps", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VetoCatalog *catalog;

  veto_i18n_set_language (language);
  catalog = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_NONE, &error);
  veto_i18n_set_language (NULL);
  g_assert_no_error (error);
  return catalog;
}

static gboolean
has_claim (GPtrArray  *claims,
           const char *text)
{
  for (guint i = 0; i < claims->len; i++)
    if (g_str_equal (veto_claim_get_text (g_ptr_array_index (claims, i)), text))
      return TRUE;
  return FALSE;
}

static void
test_split (void)
{
  g_autofree char *uncited = NULL;
  g_autoptr(GPtrArray) claims = veto_claims_split ("Description",
                                                   "One. [[a]] Two, [[b]][[c]] three. [[d]] [[e]]\nFour [[a]] left over.",
                                                   &uncited);
  g_autofree char *stripped = veto_text_strip_markers ("One. [[a]] Two, [[b]][[c]] three. [[d]] [[e]]\nFour [[a]] left over.");

  g_assert_cmpuint (claims->len, ==, 4);
  g_assert_cmpstr (veto_claim_get_text (g_ptr_array_index (claims, 0)), ==, "One.");
  g_assert_cmpstr (veto_claim_get_text (g_ptr_array_index (claims, 1)), ==, "Two,");
  g_assert_cmpstrv (veto_claim_get_source_ids (g_ptr_array_index (claims, 1)), ((const char *[]) { "b", "c", NULL }));
  g_assert_cmpstrv (veto_claim_get_source_ids (g_ptr_array_index (claims, 2)), ((const char *[]) { "d", "e", NULL }));
  g_assert_cmpuint (veto_claim_get_line (g_ptr_array_index (claims, 3)), ==, 1);
  g_assert_cmpstr (uncited, ==, "left over.");
  g_assert_cmpstr (stripped, ==, "One. Two, three.\nFour left over.");
}

static void
test_claims_by_region (void)
{
  g_autoptr(VetoCatalog) catalog = load_fixture ("en");
  VetoStep *step = veto_catalog_lookup_step (catalog, "facebook-object");
  g_autoptr(GPtrArray) eu = veto_step_dup_claims (step, "eu");
  g_autoptr(GPtrArray) ch = veto_step_dup_claims (step, "ch");
  g_autoptr(GPtrArray) uk = veto_step_dup_claims (step, "uk");
  g_autofree char *ch_text = veto_step_dup_description_in (step, "ch");
  g_autofree char *eu_text = veto_step_dup_description_in (step, "eu");
  g_autofree char *uk_caveats = veto_step_dup_caveats_in (step, "uk");
  g_autofree char *eu_caveats = veto_step_dup_caveats_in (step, "eu");
  VetoClaim *first;

  /* the markers are never shown */
  g_assert_cmpstr (veto_step_get_description (step), ==,
                   "Meta uses your public posts to train its AI. The form lets you object.");
  g_assert_cmpstr (eu_text, ==, veto_step_get_description (step));
  g_assert_true (g_str_has_suffix (ch_text, "The form lets you object. In Switzerland, Meta says an objection only covers posts made after it."));
  g_assert_cmpstr (eu_caveats, ==, "Going forward only.\nOne source reports that the form may ask for a reason.");
  g_assert_true (g_str_has_suffix (uk_caveats, "\nThe ICO takes complaints."));
  g_assert_null (veto_step_get_region_description (step, "eu"));

  /* a region's text, only in that region */
  g_assert_cmpuint (eu->len, ==, 4);
  g_assert_cmpuint (ch->len, ==, 5);
  g_assert_cmpuint (uk->len, ==, 5);
  g_assert_true (has_claim (ch, "In Switzerland, Meta says an objection only covers posts made after it."));
  g_assert_false (has_claim (eu, "In Switzerland, Meta says an objection only covers posts made after it."));
  g_assert_false (has_claim (ch, "The ICO takes complaints."));
  g_assert_true (has_claim (uk, "The ICO takes complaints."));

  /* each claim with its sources and the passage quoted */
  first = g_ptr_array_index (eu, 0);
  g_assert_cmpstr (veto_claim_get_key (first), ==, "Description");
  g_assert_cmpuint (veto_claim_get_n_sources (first), ==, 1);
  g_assert_cmpstr (veto_source_get_publisher (veto_claim_get_source (first, 0)), ==, "Meta Help Center");
  g_assert_cmpint (veto_source_get_kind (veto_claim_get_source (first, 0)), ==, VETO_SOURCE_KIND_META);
  g_assert_cmpstr (veto_claim_get_quote (first, 0), ==,
                   "You have the right to object to Meta using your information for AI at Meta.");
  for (guint i = 0; i < ch->len; i++)
    if (g_str_has_prefix (veto_claim_get_text (g_ptr_array_index (ch, i)), "In Switzerland"))
      {
        VetoSource *frc = veto_claim_get_source (g_ptr_array_index (ch, i), 0);

        g_assert_cmpstr (veto_claim_get_key (g_ptr_array_index (ch, i)), ==, "Description-ch");
        g_assert_cmpstr (veto_source_get_language (frc), ==, "fr");
        g_assert_null (veto_source_get_read_on (frc));
        g_assert_nonnull (veto_source_get_notes_on (frc));
        g_assert_true (g_str_has_prefix (veto_claim_get_quote (g_ptr_array_index (ch, i), 0), "Meta répond"));
      }
}

static void
test_sources_and_dates (void)
{
  g_autoptr(VetoCatalog) catalog = load_fixture ("en");
  VetoStep *step = veto_catalog_lookup_step (catalog, "facebook-object");
  GPtrArray *cited = veto_step_get_cited_sources (step);
  g_autoptr(GPtrArray) eu = veto_step_dup_sources_in (step, "eu");
  g_autoptr(GDateTime) dec5 = g_date_time_new_utc (2026, 12, 5, 0, 0, 0);
  g_autoptr(GDateTime) dec2 = g_date_time_new_utc (2026, 12, 2, 0, 0, 0);
  const char * const *urls = veto_step_get_sources (step);
  VetoChange *change = g_list_model_get_item (veto_catalog_get_changes (catalog), 0);

  g_assert_cmpuint (cited->len, ==, 4);
  g_assert_cmpuint (eu->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (veto_catalog_get_sources (catalog)), ==, 4);
  g_assert_nonnull (veto_catalog_lookup_source (catalog, "ico-page"));
  g_assert_true (veto_source_shown_in (veto_catalog_lookup_source (catalog, "ico-page"), "uk"));
  g_assert_false (veto_source_shown_in (veto_catalog_lookup_source (catalog, "ico-page"), "eu"));
  g_assert_true (veto_source_get_weak (veto_catalog_lookup_source (catalog, "one-article")));

  /* the link checker and the menus use the cited sources' addresses */
  g_assert_cmpuint (g_strv_length ((char **)urls), ==, 4);
  g_assert_true (g_strv_contains (urls, "https://www.frc.ch/se-proteger-de-meta/"));
  g_assert_null (veto_step_get_source_notes (step));

  /* the oldest reading of a stored copy, and of our notes, apart */
  g_assert_true (g_date_time_equal (veto_step_get_sources_read_on (step), dec5));
  g_assert_true (g_date_time_equal (veto_step_get_notes_read_on (step), dec2));
  g_assert_null (veto_step_get_link_checked (step));

  g_assert_cmpstr (veto_change_get_summary (change), ==, "The form now covers every account.");
  g_object_unref (change);
}

static void
test_french (void)
{
  g_autoptr(VetoCatalog) catalog = load_fixture ("fr");
  VetoStep *step = veto_catalog_lookup_step (catalog, "facebook-object");
  g_autoptr(GPtrArray) ch = veto_step_dup_claims (step, "ch");

  g_assert_cmpstr (veto_step_get_region_description (step, "ch"), ==,
                   "En Suisse, Meta affirme qu’une opposition ne vaut que pour les publications postérieures.");
  g_assert_true (has_claim (ch, "Pour l’avenir seulement."));
  /* the quote stays in the source's language */
  g_assert_cmpstr (veto_claim_get_quote (g_ptr_array_index (ch, 0), 0), ==,
                   "You have the right to object to Meta using your information for AI at Meta.");
}

/* The loader refuses what would show a raw marker or a dangling source. */
static void
test_refused (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "format4.steps", NULL);
  g_autofree char *text = NULL;
  struct { const char *from, *to, *message; } cases[] = {
    { "[[frc-guide]]\nDescription-ch[fr]", "[[frc-guid]]\nDescription-ch[fr]", "there is no source “frc-guid”" },
    { "NotesOn=2026-12-02\n", "", "exactly one of ReadOn" },
    { "ReadOn=2026-12-06\n", "ReadOn=2026-12-06\nNotesOn=2026-12-01\n", "exactly one of ReadOn" },
    { "Kind=guide\n", "Kind=blog\n", "is not meta, regulator" },
    { "RecheckDays=180\n", "RecheckDays=180\nLastVerified=2026-12-02\n", "cite [Source …] groups instead" },
    { "Format=4\n", "Format=3\n", "unknown group" },
    { "https://www.frc.ch/", "http://www.frc.ch/", "must use https" },
    { "Caveats-uk=", "Caveats-br=", "Caveats-br: the step is not shown in region “br”" },
  };

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) bad = g_string_new (text);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(VetoCatalog) catalog = NULL;

      g_assert_cmpuint (g_string_replace (bad, cases[i].from, cases[i].to, 1), ==, 1);
      bytes = g_bytes_new (bad->str, bad->len);
      catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
      g_assert_null (catalog);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  veto_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/claims/split", test_split);
  g_test_add_func ("/claims/by-region", test_claims_by_region);
  g_test_add_func ("/claims/sources-and-dates", test_sources_and_dates);
  g_test_add_func ("/claims/french", test_french);
  g_test_add_func ("/claims/refused", test_refused);

  return g_test_run ();
}
