/* test-record.c: the person's record, as Markdown and PDF
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "veto-checklist.h"
#include "veto-i18n.h"
#include "veto-record.h"
#include "test-fixtures.h"
#include "test-record-fixtures.h"

typedef struct
{
  VetoClock         *clock;
  VetoProgressStore *store;
  VetoCatalog       *catalog;
  VetoChecklist     *checklist;
  char              *dir;
} Fixture;

static void
load_catalog (Fixture *f)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (TEST_RECORD_CATALOG, strlen (TEST_RECORD_CATALOG));
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->checklist);
  g_clear_object (&f->catalog);
  /* the catalog's strings are read in the interface language */
  f->catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->checklist = veto_checklist_new (f->catalog, f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 2, 9, 0, 0);
  g_autoptr(GDateTime) sent = g_date_time_new_utc (2026, 11, 25, 9, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 3, 15, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *work = NULL;
  g_auto(GStrv) accounts = NULL;

  f->clock = veto_clock_new_fixed (start);
  f->store = veto_progress_store_new (NULL, f->clock);
  g_assert_true (veto_progress_store_load (f->store, &error));
  load_catalog (f);

  f->dir = g_build_filename (g_get_user_data_dir (), "records", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);

  /* Two Facebook accounts and Instagram. The personal account's
   * objection was confirmed the next day, with the form used and a note;
   * the work account's, sent on 25 November, has had no answer within the
   * month; Instagram's is not sent. The audience setting was done and, by
   * March, is due for its recheck; the complaint is now to do. */
  veto_progress_store_set_region (f->store, "eu");
  veto_progress_store_set_app (f->store, "facebook", TRUE);
  veto_progress_store_set_app (f->store, "instagram", TRUE);
  accounts = veto_progress_store_dup_accounts (f->store, "facebook");
  veto_progress_store_set_account_label (f->store, "facebook", accounts[0], "Personal");
  veto_progress_store_set_account_identifier (f->store, "facebook", accounts[0], "jane_doe@example.org");
  work = veto_progress_store_add_account (f->store, "facebook", "Work *shared*");

  veto_progress_store_set_form_url (f->store, "facebook-object", accounts[0],
                                    "https://www.facebook.com/help/contact/6359191084165019");
  veto_progress_store_set_state (f->store, "facebook-object", accounts[0], VETO_STEP_STATE_SUBMITTED);
  veto_progress_store_set_state (f->store, "facebook-audience", accounts[0], VETO_STEP_STATE_DONE);
  veto_clock_advance (f->clock, G_TIME_SPAN_DAY);
  /* Meta's email, kept as evidence: a copy whose SHA-256 matches */
  {
    static const char email[] = "From: Facebook <security@facebookmail.com>\r\n\r\nReceived.\r\n";
    g_autoptr(GFile) folder = veto_evidence_get_folder ();
    g_autofree char *copy = g_build_filename (g_file_peek_path (folder), "objection-1.eml", NULL);
    g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, email, -1);
    g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 11, 3, 8, 0, 0);
    VetoEvidenceInfo evidence = { (char *)"objection-1.eml", sha256, (char *)"Facebook <security@facebookmail.com>",
                                  (char *)"Your objection was received", day };

    g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (folder), 0700), ==, 0);
    g_assert_true (g_file_set_contents (copy, email, -1, NULL));
    g_assert_true (veto_progress_store_keep_evidence (f->store, "facebook-object", accounts[0],
                                                              &evidence, VETO_EMAIL_ANSWER_CONFIRMED, &error));
    g_assert_no_error (error);
  }
  veto_progress_store_set_note (f->store, "facebook-object", accounts[0],
                                "Email from Meta, ref. #123_456.\n- kept in the \"Meta\" folder");
  veto_clock_set_now (f->clock, sent);
  veto_progress_store_set_state (f->store, "facebook-object", work, VETO_STEP_STATE_SUBMITTED);

  veto_clock_set_now (f->clock, now);
  veto_checklist_refresh (f->checklist);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  veto_i18n_set_language ("en");
  g_clear_object (&f->checklist);
  g_clear_object (&f->catalog);
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  g_free (f->dir);
}

static const char expected_markdown[] =
  "# Record of objections to Meta’s AI training\n"
  "\n"
  "Exported on March 15, 2027 with Veto " PACKAGE_VERSION ".  \n"
  "Where you live: European Union  \n"
  "Steps used: Test catalog, version 5, published November 29, 2026.\n"
  "\n"
  "This record sets out the objections sent to Meta, with Veto, against the use of personal data to train its artificial intelligence: for each account, the day it was sent, the text sent, the day Meta had to answer by, Meta’s answer and the evidence kept. The other steps taken follow in an annex. Each date is the day the person states; where they entered it on another day, that day is given too. The sources of the steps and the SHA-256 of each email kept are listed at the end, so that the copies can be checked.\n"
  "\n"
  "Steps finished: 2 of 6. Due for a recheck: 1. Refused or unanswered by Meta: 1.\n"
  "\n"
  "## Objections to Meta\n"
  "\n"
  "### Facebook — Personal\n"
  "\n"
  "- **App:** Facebook\n"
  "- **Account:** Personal\n"
  "- **Identifier:** jane\\_doe@example.org\n"
  "- **Objection:** Objection to AI training\n"
  "- **State:** Confirmed by Meta on November 3, 2026\n"
  "- **Submitted:** November 2, 2026\n"
  "- **Answer due by:** December 2, 2026\n"
  "- **Meta’s answer:** confirmation, on November 3, 2026\n"
  "- **Text sent, as Veto proposed it:** I object to AI training.  \n"
  "  Please confirm by email.\n"
  "- **Evidence kept:** objection-1.eml\n"
  "- **Meta’s email, from:** Facebook \\<security@facebookmail.com\\>\n"
  "- **Subject:** Your objection was received\n"
  "- **Sent on:** November 3, 2026\n"
  "- **SHA-256:** d17bc726b8578c5a16a6f0aebf872ad9ea9b82c4b91f1211df49b411b90351f0\n"
  "- **Form used:** <https://www.facebook.com/help/contact/6359191084165019>\n"
  "- **Note:** Email from Meta, ref. #123\\_456.  \n"
  "  \\- kept in the \"Meta\" folder\n"
  "\n"
  "### Facebook — Work \\*shared\\*\n"
  "\n"
  "- **App:** Facebook\n"
  "- **Account:** Work \\*shared\\*\n"
  "- **Objection:** Objection to AI training\n"
  "- **State:** No answer from Meta since November 25, 2026, the day it was sent; the answer was due before December 26, 2026\n"
  "- **Submitted:** November 25, 2026\n"
  "- **Answer due by:** December 25, 2026\n"
  "- **Meta’s answer:** No answer from Meta within 1 month: overdue since December 26, 2026.\n"
  "- **Text sent, as Veto proposed it:** I object to AI training.  \n"
  "  Please confirm by email.\n"
  "- **Official form:** <https://www.facebook.com/help/contact/6359191084165019>\n"
  "\n"
  "### Instagram — Account 1\n"
  "\n"
  "- **App:** Instagram\n"
  "- **Account:** Account 1\n"
  "- **Objection:** Object on Instagram\n"
  "- **State:** Not sent yet\n"
  "- **Official form:** <https://help.instagram.com/contact/767264225370182>\n"
  "\n"
  "## Annex: the other steps\n"
  "\n"
  "The steps below limit what Meta can use without an objection: settings, requests, and what is useful to know. Each is named by what it concerns.\n"
  "\n"
  "### Facebook\n"
  "\n"
  "#### Personal\n"
  "\n"
  "##### Audience of posts\n"
  "\n"
  "- **State:** Done\n"
  "- *Due for a recheck since January 31, 2027*\n"
  "\n"
  "#### Work \\*shared\\*\n"
  "\n"
  "##### Audience of posts\n"
  "\n"
  "- **State:** Not done yet\n"
  "\n"
  "#### Every account\n"
  "\n"
  "##### Complain to your regulator\n"
  "\n"
  "- **State:** Not done yet\n"
  "- **To do now:** Attach the record you export from Veto: it shows the day you sent the objection and that Meta did not confirm it in time.\n"
  "\n"
  "### Instagram\n"
  "\n"
  "#### Account 1\n"
  "\n"
  "##### Complain about Instagram\n"
  "\n"
  "- **State:** Only if needed\n"
  "\n"
  "#### Every account\n"
  "\n"
  "##### Something to know\n"
  "\n"
  "- **State:** For information\n"
  "\n"
  "## Steps version and evidence files\n"
  "\n"
  "### Test catalog\n"
  "\n"
  "- **Steps version:** 5\n"
  "\n"
  "### objection-1.eml\n"
  "\n"
  "- **Proof for:** Objection to AI training (Facebook, Personal)\n"
  "- **SHA-256:** d17bc726b8578c5a16a6f0aebf872ad9ea9b82c4b91f1211df49b411b90351f0\n"
  "\n"
  "## Sources of the steps reported\n"
  "\n"
  "- <https://www.facebook.com/privacy/center>\n"
  "- <https://www.cnil.fr/fr/plaintes>\n"
  "- <https://privacycenter.instagram.com/privacy/genai>\n"
  "- <https://about.instagram.com/know>\n";

static void
test_markdown (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = veto_record_to_markdown (f->checklist);

  g_test_message ("%s", text);
  g_assert_cmpstr (text, ==, expected_markdown);
}

static void
test_markdown_french (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = NULL;

  veto_i18n_set_language ("fr");
  load_catalog (f);
  text = veto_record_to_markdown (f->checklist);
  g_test_message ("%s", text);

  /* the interface, the catalog and the dates in French, with French
   * punctuation kept inside the bold labels */
  g_assert_true (g_str_has_prefix (text, "# Dossier des oppositions à l’entraînement de l’IA de Meta\n"));
  g_assert_nonnull (strstr (text, "Exporté le 15\u00a0mars\u00a02027 avec Veto " PACKAGE_VERSION ".  \n"));
  g_assert_nonnull (strstr (text, "Où vous vivez\u00a0: Union européenne  \n"));
  g_assert_nonnull (strstr (text, "Démarches utilisées\u00a0: Catalogue de test, version 5, publiée le 29\u00a0novembre\u00a02026.\n"));

  /* page 1: the objections, each field in French */
  g_assert_nonnull (strstr (text, "## Oppositions adressées à Meta\n\n"
                                  "### Facebook — Personal\n\n"
                                  "- **Application\u00a0:** Facebook\n"
                                  "- **Compte\u00a0:** Personal\n"
                                  "- **Identifiant\u00a0:** jane\\_doe@example.org\n"
                                  "- **Opposition\u00a0:** Opposition à l’entraînement de l’IA\n"
                                  "- **État\u00a0:** Confirmée par Meta le 3\u00a0novembre\u00a02026\n"
                                  "- **Date d’envoi\u00a0:** 2\u00a0novembre\u00a02026\n"
                                  "- **Échéance de la réponse\u00a0:** 2\u00a0décembre\u00a02026\n"
                                  "- **Réponse de Meta\u00a0:** confirmation, le 3\u00a0novembre\u00a02026\n"
                                  "- **Texte envoyé, tel que Veto l’a proposé\u00a0:** Je m’oppose à l’entraînement de l’IA.  \n"
                                  "  Merci de confirmer par e-mail.\n"
                                  "- **Preuve conservée\u00a0:** objection-1.eml\n"));
  g_assert_nonnull (strstr (text, "- **État\u00a0:** Sans réponse de Meta depuis le 25\u00a0novembre\u00a02026, jour de l’envoi\u202f; "
                                  "réponse attendue avant le 26\u00a0décembre\u00a02026\n"));
  g_assert_nonnull (strstr (text, "- **État\u00a0:** Pas encore envoyée\n"));
  g_assert_nonnull (strstr (text, "- **Formulaire utilisé\u00a0:** <https://www.facebook.com/help/contact/6359191084165019>\n"));

  /* the annex: noun titles, no « À faire », information is not a to-do */
  g_assert_nonnull (strstr (text, "\n## Annexe\u00a0: les autres démarches\n"));
  g_assert_nonnull (strstr (text, "##### Public des publications\n\n- **État\u00a0:** Faite\n"
                                  "- *À revérifier depuis le 31\u00a0janvier\u00a02027*\n"));
  g_assert_nonnull (strstr (text, "- **État\u00a0:** Pas encore faite\n"));
  g_assert_nonnull (strstr (text, "- **État\u00a0:** Pour information\n"));
  g_assert_null (strstr (text, "- **État\u00a0:** À faire"));
  g_assert_null (strstr (text, "Limit audience"));
  g_assert_nonnull (strstr (text, "\n## Sources des démarches rapportées\n\n- <https://www.facebook.com/privacy/center>\n"));

  /* the person's own words stay as they are */
  g_assert_nonnull (strstr (text, "### Facebook — Work \\*shared\\*\n"));
  g_assert_null (strstr (text, "State"));
}

static void
test_markdown_empty (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *text = NULL;

  veto_progress_store_reset (f->store);
  text = veto_record_to_markdown (f->checklist);
  g_assert_true (g_str_has_suffix (text, "\n\nNothing to report yet: open Veto to choose where you live and which apps you use.\n"));
}

static void
test_due_reason (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) catalog_text = g_string_new (TEST_RECORD_CATALOG);
  g_autoptr(GError) error = NULL;

  /* version 6 changed the audience step */
  g_string_replace (catalog_text, "Version=5\n", "Version=6\n", 1);
  g_string_append (catalog_text, "\n[Changes 6]\nSummary=Meta moved the setting.\nSteps=facebook-audience;\n");
  bytes = g_bytes_new (catalog_text->str, catalog_text->len);
  g_clear_object (&f->checklist);
  g_clear_object (&f->catalog);
  f->catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->checklist = veto_checklist_new (f->catalog, f->store);

  text = veto_record_to_markdown (f->checklist);
  g_assert_nonnull (strstr (text, "##### Audience of posts\n\n- **State:** Done\n- *Due for a recheck: Meta moved the setting.*\n"));
}

static void
test_format_for_file (void)
{
  const struct { const char *name; VetoRecordFormat format; } cases[] = {
    { "record.pdf", VETO_RECORD_FORMAT_PDF },
    { "record.md", VETO_RECORD_FORMAT_MARKDOWN },
    { "RECORD.MD", VETO_RECORD_FORMAT_MARKDOWN },
    { "record.Md", VETO_RECORD_FORMAT_MARKDOWN },
    { "record", VETO_RECORD_FORMAT_PDF },
    { "record.md.pdf", VETO_RECORD_FORMAT_PDF },
    { "md", VETO_RECORD_FORMAT_PDF },
    { ".md", VETO_RECORD_FORMAT_MARKDOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].name);

      g_assert_cmpint (veto_record_format_for_file (file), ==, cases[i].format);
    }
}

static void
test_suggest_filename (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *pdf = veto_record_suggest_filename (f->checklist, VETO_RECORD_FORMAT_PDF);
  g_autofree char *md = veto_record_suggest_filename (f->checklist, VETO_RECORD_FORMAT_MARKDOWN);
  g_autofree char *fr = NULL;

  g_assert_cmpstr (pdf, ==, "Veto record 2027-03-15.pdf");
  g_assert_cmpstr (md, ==, "Veto record 2027-03-15.md");

  veto_i18n_set_language ("fr");
  fr = veto_record_suggest_filename (f->checklist, VETO_RECORD_FORMAT_PDF);
  g_assert_cmpstr (fr, ==, "Dossier Veto 2027-03-15.pdf");
}

/* a PDF holds NUL bytes, which stop g_strstr_len() */
static gboolean
contains_bytes (const char *data,
                gsize       len,
                const char *needle)
{
  gsize needle_len = strlen (needle);

  for (gsize i = 0; i + needle_len <= len; i++)
    if (memcmp (data + i, needle, needle_len) == 0)
      return TRUE;

  return FALSE;
}

static guint
count_bytes (const char *data,
             gsize       len,
             const char *needle)
{
  gsize needle_len = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + needle_len <= len; i++)
    if (memcmp (data + i, needle, needle_len) == 0)
      n++;

  return n;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = veto_record_to_pdf (f->checklist, &error);
  gsize len;
  const char *pdf;

  g_assert_no_error (error);
  pdf = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  /* the form's address is a link */
  g_assert_true (contains_bytes (pdf, len, "/URI (https://www.facebook.com/help/contact/6359191084165019)"));
  /* two fonts embedded, regular and bold: no slanted copy, and no font of
   * its own for the ligatures of "Official form" */
  g_assert_cmpuint (count_bytes (pdf, len, "/Type /FontDescriptor"), ==, 2);
}

/* Page 1 is what a regulator asks for: the objections, each with its
 * account, identifier, day sent, text sent, answer due, Meta's answer, the
 * evidence and the state in words; everything else comes after. */
static void
test_objections_first (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *text = veto_record_to_markdown (f->checklist);
  const char *objections = strstr (text, "\n## Objections to Meta\n");
  const char *annex = strstr (text, "\n## Annex: the other steps\n");
  const char *first_section = strstr (text, "\n## ");
  const char *fields[] = {
    "### Facebook — Personal\n",
    "- **App:** Facebook\n",
    "- **Account:** Personal\n",
    "- **Identifier:** jane\\_doe@example.org\n",
    "- **State:** Confirmed by Meta on November 3, 2026\n",
    "- **Submitted:** November 2, 2026\n",
    "- **Answer due by:** December 2, 2026\n",
    "- **Meta’s answer:** confirmation, on November 3, 2026\n",
    "- **Text sent, as Veto proposed it:** I object to AI training.  \n  Please confirm by email.\n",
    "- **Evidence kept:** objection-1.eml\n",
    "- **Subject:** Your objection was received\n",
    "- **SHA-256:** ",
    "### Facebook — Work \\*shared\\*\n",
    "- **State:** No answer from Meta since November 25, 2026, the day it was sent; the answer was due before December 26, 2026\n",
    "### Instagram — Account 1\n",
    "- **State:** Not sent yet\n",
  };
  const char *at;

  g_assert_nonnull (objections);
  g_assert_nonnull (annex);
  /* the first section of the record, right after its summary */
  g_assert_true (first_section == objections);
  g_assert_true (objections < annex);

  at = objections;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *found = strstr (at, fields[i]);

      if (found == NULL || found > annex)
        g_error ("the objections lack, in this order, “%s”", fields[i]);
      at = found;
    }

  /* the other steps are in the annex only, named by nouns */
  g_assert_null (g_strstr_len (text, annex - text, "Audience of posts"));
  g_assert_nonnull (strstr (annex, "##### Audience of posts\n"));
  g_assert_null (strstr (text, "Limit audience"));
  g_assert_null (strstr (text, "- **State:** To do\n"));
  g_assert_nonnull (strstr (annex, "##### Something to know\n\n- **State:** For information\n"));
  /* the objections are not repeated there */
  g_assert_null (strstr (annex, "Objection to AI training\n\n"));
}

/* The PDF opens with the objections: page 1 holds the first ones whole,
 * every objection comes before the annex, and the annex starts a page of
 * its own (an objection is never cut by a page break). */
static void
test_pdf_objections_first (Fixture       *f,
                           gconstpointer  data)
{
  const char *language = data;
  gboolean fr = g_str_equal (language, "fr");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = g_build_filename (f->dir, "record.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  const char *argv[] = { NULL, "-enc", "UTF-8", NULL, "-", NULL };
  const char *annex_title = fr ? "Annexe : les autres démarches" : "Annex: the other steps";
  guint annex_page = 0;
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  veto_i18n_set_language (language);
  load_catalog (f);
  g_assert_true (veto_record_write (f->checklist, file, VETO_RECORD_FORMAT_PDF, NULL, &error));
  g_assert_no_error (error);

  argv[0] = pdftotext;
  argv[3] = path;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* pdftotext gives a no-break space back as a plain one */
  {
    g_autoptr(GString) plain = g_string_new (text);

    g_string_replace (plain, "\u00a0", " ", 0);
    g_string_replace (plain, "\u202f", " ", 0);
    pages = g_strsplit (plain->str, "\f", -1);
  }
  g_test_message ("page 1:\n%s", pages[0]);

  for (guint i = 0; pages[i] != NULL; i++)
    if (annex_page == 0 && strstr (pages[i], annex_title) != NULL)
      annex_page = i;
  g_assert_cmpuint (annex_page, >, 0);
  /* the annex's title is the first line of its page */
  g_assert_true (g_str_has_prefix (g_strchug (pages[annex_page]), annex_title));

#define ON_PAGE(from, to, en_text, fr_text) G_STMT_START { \
    g_autoptr(GString) expected = g_string_new (fr ? fr_text : en_text); \
    gboolean found = FALSE; \
    g_string_replace (expected, "\u00a0", " ", 0); \
    g_string_replace (expected, "\u202f", " ", 0); \
    for (guint p = (from); p < (to) && pages[p] != NULL; p++) \
      found = found || strstr (pages[p], expected->str) != NULL; \
    if (!found) \
      g_error ("The %s record lacks “%s” on pages %u to %u", language, expected->str, (from) + 1, (to)); \
  } G_STMT_END
  /* page 1: the first objection, whole */
  ON_PAGE (0, 1, "Objections to Meta", "Oppositions adressées à Meta");
  ON_PAGE (0, 1, "Facebook — Personal", "Facebook — Personal");
  ON_PAGE (0, 1, "Identifier: jane_doe@example.org", "Identifiant\u00a0: jane_doe@example.org");
  ON_PAGE (0, 1, "State: Confirmed by Meta on November 3, 2026", "État\u00a0: Confirmée par Meta le 3\u00a0novembre\u00a02026");
  ON_PAGE (0, 1, "Submitted: November 2, 2026", "Date d’envoi\u00a0: 2\u00a0novembre\u00a02026");
  ON_PAGE (0, 1, "Answer due by: December 2, 2026", "Échéance de la réponse\u00a0: 2\u00a0décembre\u00a02026");
  ON_PAGE (0, 1, "Meta’s answer: confirmation, on November 3, 2026", "Réponse de Meta\u00a0: confirmation, le 3\u00a0novembre\u00a02026");
  ON_PAGE (0, 1, "Text sent, as Veto proposed it: I object to AI training.",
           "Texte envoyé, tel que Veto l’a proposé\u00a0: Je m’oppose à l’entraînement de l’IA.");
  ON_PAGE (0, 1, "Evidence kept: objection-1.eml", "Preuve conservée\u00a0: objection-1.eml");
  ON_PAGE (0, 1, "Subject: Your objection was received", "Objet\u00a0: Your objection was received");
  ON_PAGE (0, 1, "SHA-256: ", "SHA-256\u00a0: ");
  /* the others before the annex */
  ON_PAGE (0, annex_page, "No answer from Meta since November 25, 2026", "Sans réponse de Meta depuis le 25\u00a0novembre\u00a02026");
  ON_PAGE (0, annex_page, "Not sent yet", "Pas encore envoyée");
  ON_PAGE (annex_page, annex_page + 1, "Audience of posts", "Public des publications");
#undef ON_PAGE
  for (guint p = 0; p < annex_page; p++)
    g_assert_null (strstr (pages[p], fr ? "Public des publications" : "Audience of posts"));
}

static double
time_pdf_with_note (Fixture *f,
                    gsize    len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) accounts = veto_progress_store_dup_accounts (f->store, "facebook");
  g_autofree char *note = g_malloc (len + 1);
  gint64 start;
  double seconds;

  memset (note, 'x', len);
  note[len] = '\0';
  veto_progress_store_set_note (f->store, "facebook-object", accounts[0], note);
  veto_checklist_refresh (f->checklist);

  start = g_get_monotonic_time ();
  bytes = veto_record_to_pdf (f->checklist, &error);
  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);

  return seconds;
}

/* A note of one long word: Pango's layout time grew with the square of
 * its length (a 1 MB note took 292 s). Eight times the text must take
 * about eight times as long, not sixty-four; a ratio, so that it holds
 * under valgrind too. */
static void
test_pdf_long_word (Fixture       *f,
                    gconstpointer  data)
{
  double small = time_pdf_with_note (f, 20000);
  double large = time_pdf_with_note (f, 160000);

  g_test_message ("20 kB: %.3f s, 160 kB: %.3f s, ratio %.1f", small, large, large / small);
  g_assert_cmpfloat (large / small, <, 24.0);
}

static GStrv
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_strv_builder_add (builder, name);

  return g_strv_builder_end (builder);
}

static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "record.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_true (g_file_set_contents (path, "an older record", -1, NULL));
  g_assert_true (veto_record_write (f->checklist, file, VETO_RECORD_FORMAT_MARKDOWN, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected_markdown);

  /* replaced in one step: no temporary file is left beside it */
  names = list_dir (f->dir);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} WriteResult;

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WriteResult *r = user_data;

  r->ok = veto_record_write_finish (VETO_CHECKLIST (source), result, &r->error);
  r->done = TRUE;
}

static void
test_write_async (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "record.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WriteResult result = { 0 };
  g_autofree char *contents = NULL;

  veto_record_write_async (f->checklist, file, VETO_RECORD_FORMAT_MARKDOWN, NULL, on_written, &result);

  /* the record is taken when asked for: a change made meanwhile is not in it */
  veto_progress_store_set_note (f->store, "instagram-info", NULL, "LATER");

  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected_markdown);
}

static void
test_write_async_pdf (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "record.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WriteResult result = { 0 };
  g_autofree char *contents = NULL;

  /* drawn in a worker thread */
  veto_record_write_async (f->checklist, file, VETO_RECORD_FORMAT_PDF, NULL, on_written, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (result.error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_write_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "record.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing", "record.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a-folder.pdf", NULL);
  g_autoptr(GFile) inside_file = g_file_new_for_path (inside);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(GError) error3 = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_true (g_file_set_contents (blocker, "a file", -1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  /* the messages name the file and say what to do */
  g_assert_false (veto_record_write (f->checklist, missing_file, VETO_RECORD_FORMAT_PDF, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, "Choose an existing folder."));

  g_assert_false (veto_record_write (f->checklist, inside_file, VETO_RECORD_FORMAT_PDF, NULL, &error2));
  g_test_message ("%s", error2->message);
  g_assert_nonnull (strstr (error2->message, inside));

  /* a folder in the way is left alone, and nothing is left behind */
  g_assert_false (veto_record_write (f->checklist, folder_file, VETO_RECORD_FORMAT_PDF, NULL, &error3));
  g_test_message ("%s", error3->message);
  g_assert_error (error3, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error3->message, "Choose another name."));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  names = list_dir (f->dir);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
}

/* Format 4: the annex names each source of what the person's region was
 * shown (publisher, kind, what was read when), then its address; not the
 * sources of another region's text. */
static void
test_sources_annex (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "format4.steps", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 8, 9, 0, 0);
  g_autoptr(VetoClock) clock = veto_clock_new_fixed (now);
  g_autoptr(VetoProgressStore) store = veto_progress_store_new (NULL, clock);
  g_autoptr(VetoCatalog) catalog = NULL;
  g_autoptr(VetoChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL;
  g_autofree char *text = NULL;
  const char *annex;
  const char *pdf;
  gsize len;

  g_assert_true (veto_progress_store_load (store, &error));
  veto_progress_store_set_region (store, "ch");
  veto_progress_store_set_app (store, "facebook", TRUE);
  catalog = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  checklist = veto_checklist_new (catalog, store);

  text = veto_record_to_markdown (checklist);
  annex = strstr (text, "## Sources of the steps reported\n");
  g_assert_nonnull (annex);
  g_test_message ("%s", annex);
  g_assert_nonnull (strstr (annex, "Meta Help Center, Meta’s own page; read on December 7, 2026 (stored copy): "));
  g_assert_nonnull (strstr (annex, "https://www.facebook.com/help/1688543644912979"));
  g_assert_nonnull (strstr (annex, "guide; from our research notes of December 2, 2026: "));
  g_assert_nonnull (strstr (annex, "https://www.frc.ch/se-proteger-de-meta/"));
  g_assert_nonnull (strstr (annex, "TechPP, press; read on December 5, 2026 (stored copy): "));
  /* the ICO backs only what a person in the UK reads */
  g_assert_null (strstr (text, "ico.org.uk"));

  pdf_bytes = veto_record_to_pdf (checklist, &error);
  g_assert_no_error (error);
  pdf = g_bytes_get_data (pdf_bytes, &len);
  g_assert_true (contains_bytes (pdf, len, "/URI (https://www.frc.ch/se-proteger-de-meta/)"));
  g_assert_false (contains_bytes (pdf, len, "ico.org.uk"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  veto_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/record/markdown", test_markdown);
  ADD ("/record/markdown-french", test_markdown_french);
  ADD ("/record/markdown-empty", test_markdown_empty);
  ADD ("/record/objections-first", test_objections_first);
  g_test_add ("/record/pdf-objections-first/en", Fixture, "en", fixture_set_up, test_pdf_objections_first,
              fixture_tear_down);
  g_test_add ("/record/pdf-objections-first/fr", Fixture, "fr", fixture_set_up, test_pdf_objections_first,
              fixture_tear_down);
  ADD ("/record/due-reason", test_due_reason);
  ADD ("/record/suggest-filename", test_suggest_filename);
  ADD ("/record/pdf", test_pdf);
  ADD ("/record/pdf-long-word", test_pdf_long_word);
  ADD ("/record/write", test_write);
  ADD ("/record/write-async", test_write_async);
  ADD ("/record/write-async-pdf", test_write_async_pdf);
  ADD ("/record/write-errors", test_write_errors);
  g_test_add_func ("/record/format-for-file", test_format_for_file);
  g_test_add_func ("/record/sources-annex", test_sources_annex);

  return g_test_run ();
}
