/* test-evidence.c: Meta's email kept as proof, over real .eml files
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "veto-evidence.h"
#include "veto-i18n.h"
#include "veto-record.h"
#include "test-record-fixtures.h"
#include "test-world.h"

typedef TestWorld Fixture;

/* Facebook's objection sent on 1 November, Instagram chosen too */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 2, 10, 0, 0);
  g_autoptr(GDateTime) sent = test_day (2026, 11, 1);

  test_world_set_up (f, test_catalog_from_text (TEST_RECORD_CATALOG), "eu", now);
  veto_progress_store_set_app (f->store, "instagram", TRUE);
  veto_progress_store_set_account_label (f->store, "facebook", f->account, "Personal");
  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", f->account,
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_world_tear_down (f);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "email", name, NULL);

  return g_file_new_for_path (path);
}

static VetoEmail *
load (const char  *name,
      GError     **error)
{
  g_autoptr(GFile) file = fixture_file (name);

  return veto_email_new_from_file (file, NULL, error);
}

static guint
count_evidence_files (void)
{
  g_autoptr(GFile) folder = veto_evidence_get_folder ();
  g_autoptr(GDir) dir = g_dir_open (g_file_peek_path (folder), 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* multipart/alternative, quoted-printable and base64 parts, an RFC 2047
 * subject, a Date written in California */
static void
test_parse_multipart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoEmail) email = load ("facebook-confirmation.eml", &error);
  g_autoptr(GDateTime) utc = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (veto_email_get_from (email), ==, "Facebook <security@facebookmail.com>");
  g_assert_cmpstr (veto_email_get_from_domain (email), ==, "facebookmail.com");
  g_assert_cmpstr (veto_email_get_subject (email), ==, "Votre demande d’opposition a été reçue");
  utc = g_date_time_to_utc (veto_email_get_date (email));
  /* 30 November 23:30 at -08:00 is 1 December 07:30 UTC */
  g_assert_cmpint (g_date_time_get_day_of_month (utc), ==, 1);
  g_assert_cmpint (g_date_time_get_month (utc), ==, 12);
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 7);
  g_assert_cmpint (g_date_time_get_utc_offset (veto_email_get_date (email)) / G_TIME_SPAN_HOUR, ==, -8);
}

static void
test_parse_base64_subject (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoEmail) email = load ("instagram-confirmation.eml", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (veto_email_get_subject (email), ==, "Instagram — we received your objection ✓");
  g_assert_cmpstr (veto_email_get_from_domain (email), ==, "mail.instagram.com");
}

/* The right objection is confirmed on the email's day; a private copy and
 * its hash are kept; the record lists them. */
static void
test_attach_keeps_evidence (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoEmail) email = load ("facebook-confirmation.eml", &error);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GFile) original = fixture_file ("facebook-confirmation.eml");
  g_autoptr(GBytes) original_bytes = NULL;
  g_autoptr(GFile) folder = veto_evidence_get_folder ();
  g_autoptr(VetoEvidenceInfo) info = NULL;
  g_autoptr(GDateTime) confirmed = NULL;
  g_autofree char *expected_hash = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *record = NULL;
  gsize copy_len;
  GStatBuf st;

  g_assert_no_error (error);
  candidates = veto_evidence_find_candidates (f->checklist, email);
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_cmpstr (veto_task_get_account_id (g_ptr_array_index (candidates, 0)), ==, f->account);

  g_assert_true (veto_evidence_attach (f->checklist, g_ptr_array_index (candidates, 0), email, VETO_EMAIL_ANSWER_CONFIRMED, &error));
  g_assert_no_error (error);

  g_assert_cmpint (veto_progress_store_get_state (f->store, "facebook-object", f->account), ==,
                   VETO_STEP_STATE_CONFIRMED);
  confirmed = veto_progress_store_dup_date (f->store, "facebook-object", f->account, VETO_DATE_CONFIRMED);
  /* the person's day (TZ=UTC here): 1 December */
  g_assert_cmpint (g_date_time_get_day_of_month (confirmed), ==, 1);
  g_assert_cmpint (g_date_time_get_month (confirmed), ==, 12);

  /* the copy: identical bytes, 0600 in a 0700 folder, hash in the progress */
  original_bytes = g_file_load_bytes (original, NULL, NULL, &error);
  g_assert_no_error (error);
  expected_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original_bytes);
  info = veto_progress_store_dup_evidence (f->store, "facebook-object", f->account);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->sha256, ==, expected_hash);
  g_assert_cmpstr (info->from, ==, "Facebook <security@facebookmail.com>");
  copy_path = g_build_filename (g_file_peek_path (folder), info->file, NULL);
  g_assert_true (g_file_get_contents (copy_path, &copy, &copy_len, NULL));
  g_assert_cmpmem (copy, copy_len, g_bytes_get_data (original_bytes, NULL), g_bytes_get_size (original_bytes));
  g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (g_file_peek_path (folder), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_assert_true (g_file_get_contents (g_file_peek_path (veto_progress_store_get_file (f->store)),
                                      &progress, NULL, NULL));
  g_assert_nonnull (strstr (progress, expected_hash));

  record = veto_record_to_markdown (f->checklist);
  g_test_message ("%s", record);
  g_assert_nonnull (strstr (record, "- **Meta’s answer:** confirmation, on December 1, 2026 (entered on December 2, 2026)\n"));
  g_assert_nonnull (strstr (record, "- **Meta’s email, from:** Facebook \\<security@facebookmail.com\\>\n"
                                    "- **Subject:** Votre demande d’opposition a été reçue\n"
                                    "- **Sent on:** December 1, 2026\n"));
  g_assert_nonnull (strstr (record, "## Steps version and evidence files\n"));
  g_assert_nonnull (strstr (record, "- **Steps version:** 5\n"));
  g_assert_nonnull (strstr (record, "- **Proof for:** Objection to AI training (Facebook, Personal)\n"));
  {
    g_autofree char *line = g_strdup_printf ("- **SHA-256:** %s\n", expected_hash);

    g_assert_nonnull (strstr (record, line));
  }

  /* the PDF says it too */
  {
    g_autoptr(GBytes) pdf = veto_record_to_pdf (f->checklist, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  }
}

/* Each refusal says what happened and changes nothing. */
static void
test_refusals_change_nothing (Fixture       *f,
                              gconstpointer  data)
{
  static const struct {
    const char *file;
    GQuark      domain;
    int         code;
    const char *message;
  } cases[] = {
    { "forged-domain.eml", 0, VETO_EVIDENCE_ERROR_NOT_FROM_META,
      "facebookmail.com.evil.example is not one of the domains Meta sends its email from" },
    { "forged-display-name.eml", 0, VETO_EVIDENCE_ERROR_NOT_FROM_META,
      "evil.example is not one of the domains" },
    { "not-an-email.eml", 0, VETO_EVIDENCE_ERROR_NOT_EMAIL, "This file is not an email" },
  };
  g_autofree char *before = veto_progress_store_dup_step_snapshot (f->store, "facebook-object", f->account);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VetoEmail) email = load (cases[i].file, &error);
      g_autoptr(VetoTask) task = g_list_model_get_item (veto_checklist_get_tasks (f->checklist), 0);
      g_autofree char *after = NULL;

      if (email != NULL)
        g_assert_false (veto_evidence_attach (f->checklist, task, email, VETO_EMAIL_ANSWER_CONFIRMED, &error));
      g_assert_error (error, VETO_EVIDENCE_ERROR, cases[i].code);
      g_test_message ("%s: %s", cases[i].file, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));

      after = veto_progress_store_dup_step_snapshot (f->store, "facebook-object", f->account);
      g_assert_cmpstr (before, ==, after);
    }

  g_assert_cmpuint (count_evidence_files (), ==, 0);

  /* an email dated before the objection was sent: the copy is not kept */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VetoEmail) email = load ("facebook-too-early.eml", &error);
    g_autoptr(VetoTask) task = g_list_model_get_item (veto_checklist_get_tasks (f->checklist), 0);
    g_autofree char *after = NULL;

    g_assert_no_error (error);
    g_assert_false (veto_evidence_attach (f->checklist, task, email, VETO_EMAIL_ANSWER_CONFIRMED, &error));
    g_assert_error (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_BEFORE_SUBMITTED);
    after = veto_progress_store_dup_step_snapshot (f->store, "facebook-object", f->account);
    g_assert_cmpstr (before, ==, after);
    g_assert_cmpuint (count_evidence_files (), ==, 0);
  }
}

/* Over 5 MiB is refused before it is read, from a file or a stream. */
static void
test_oversized (void)
{
  g_autoptr(GString) big = g_string_new ("From: Facebook <security@facebookmail.com>\r\n"
                                         "Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n"
                                         "Subject: big\r\n\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoEmail) email = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "veto-big.eml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  while (big->len <= VETO_EVIDENCE_MAX_SIZE)
    g_string_append (big, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\r\n");
  g_assert_true (g_file_set_contents (path, big->str, big->len, NULL));

  email = veto_email_new_from_file (file, NULL, &error);
  g_assert_null (email);
  g_assert_error (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than 5 MiB"));
  g_clear_error (&error);

  bytes = g_bytes_new (big->str, big->len);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  email = veto_email_new_from_stream (stream, NULL, &error);
  g_assert_null (email);
  g_assert_error (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_TOO_LARGE);
  g_unlink (path);
}

/* Two accounts wait: the command line names them and changes nothing;
 * --account picks one. */
static void
test_command_two_accounts (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GFile) file = fixture_file ("facebook-confirmation.eml");
  g_autoptr(GDateTime) sent = g_date_time_new_local (2026, 11, 3, 0, 0, 0);
  g_autofree char *work = veto_progress_store_add_account (f->store, "facebook", "Work");
  g_autoptr(VetoEmail) email = NULL;
  int status;

  g_assert_true (veto_progress_store_set_state_on (f->store, "facebook-object", work,
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));

  email = veto_email_new_from_argument (g_file_peek_path (file), NULL, NULL);
  g_assert_nonnull (email);
  status = veto_evidence_command (f->checklist, email, NULL, out, err);
  g_test_message ("%s", err->str);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err->str, "More than one objection waits for Meta’s answer. Say which with --account=LABEL.\n"
                                      "Waiting for Meta’s answer:\n"
                                      "  Object (Facebook, Personal)\n"
                                      "  Object (Facebook, Work)\n"
                                      "Nothing was changed.\n"));
  g_assert_cmpint (veto_progress_store_get_state (f->store, "facebook-object", work), ==, VETO_STEP_STATE_SUBMITTED);
  g_assert_cmpuint (count_evidence_files (), ==, 0);

  g_string_truncate (err, 0);
  status = veto_evidence_command (f->checklist, email, "work", out, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err->str, ==, "");
  g_assert_nonnull (strstr (out->str, "Meta’s confirmation of Object (Facebook, Work) is recorded on December 1, 2026.\n"));
  g_assert_cmpint (veto_progress_store_get_state (f->store, "facebook-object", work), ==, VETO_STEP_STATE_CONFIRMED);
  g_assert_cmpint (veto_progress_store_get_state (f->store, "facebook-object", f->account), ==, VETO_STEP_STATE_SUBMITTED);
  g_assert_cmpuint (count_evidence_files (), ==, 1);
}

/* The email names its app: an Instagram email never confirms Facebook's
 * objection. */
static void
test_match_by_app (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoEmail) email = load ("instagram-confirmation.eml", &error);
  g_auto(GStrv) accounts = veto_progress_store_dup_accounts (f->store, "instagram");
  g_autoptr(GDateTime) sent = g_date_time_new_local (2026, 11, 20, 0, 0, 0);
  g_autoptr(GPtrArray) candidates = NULL;

  g_assert_no_error (error);
  g_assert_true (veto_progress_store_set_state_on (f->store, "instagram-object", accounts[0],
                                                   VETO_STEP_STATE_SUBMITTED, sent, NULL));
  candidates = veto_evidence_find_candidates (f->checklist, email);
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_cmpstr (veto_step_get_id (veto_task_get_step (g_ptr_array_index (candidates, 0))), ==, "instagram-object");
}

/* "Meta Confirmed" clicked first, the email saved later: it is the proof
 * of that confirmation, and its day replaces the click's. */
static void
test_confirmed_without_email (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoEmail) email = load ("facebook-confirmation.eml", &error);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GDateTime) confirmed = NULL;

  veto_progress_store_set_state (f->store, "facebook-object", f->account, VETO_STEP_STATE_CONFIRMED);
  candidates = veto_evidence_find_candidates (f->checklist, email);
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_true (veto_evidence_attach (f->checklist, g_ptr_array_index (candidates, 0), email, VETO_EMAIL_ANSWER_CONFIRMED, &error));
  g_assert_no_error (error);
  confirmed = veto_progress_store_dup_date (f->store, "facebook-object", f->account, VETO_DATE_CONFIRMED);
  g_assert_cmpint (g_date_time_get_day_of_month (confirmed), ==, 1);

  /* now proven: nothing waits for another email */
  g_clear_pointer (&candidates, g_ptr_array_unref);
  candidates = veto_evidence_find_candidates (f->checklist, email);
  g_assert_cmpuint (candidates->len, ==, 0);
}

/* Steps without Meta's domains can't vouch for any email. */
static void
test_no_sender_domains (void)
{
  g_autoptr(GString) text = g_string_new (TEST_RECORD_CATALOG);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoEmail) email = load ("facebook-confirmation.eml", &error);

  g_string_replace (text, "SenderDomains=facebookmail.com;mail.instagram.com;\n", "", 1);
  bytes = g_bytes_new (text->str, text->len);
  catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (veto_email_check_sender (email, catalog, &error));
  g_assert_error (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_NOT_FROM_META);
  /* it says what to do, in words the window can show: no command */
  g_assert_nonnull (strstr (error->message, "Update the steps"));
  g_assert_null (strstr (error->message, "--"));
}

static VetoEmail *
email_from (const char  *from,
            GError     **error)
{
  g_autofree char *text = g_strdup_printf ("From: %s\r\n"
                                           "To: person@example.org\r\n"
                                           "Subject: Your objection was received\r\n"
                                           "Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n"
                                           "MIME-Version: 1.0\r\n"
                                           "Content-Type: text/plain; charset=UTF-8\r\n"
                                           "\r\n"
                                           "We received your objection.\r\n", from);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return veto_email_new_from_bytes (bytes, error);
}

/* GMime reads a From header leniently and drops what follows a valid
 * prefix: each of these was accepted as facebookmail.com. A From is one
 * well-formed address whose domain is what follows its only '@'. */
static void
test_malformed_from (void)
{
  const char * const forged[] = {
    "security@facebookmail.com@evil.example",
    "<security@facebookmail.com>@evil.example",
    "security@facebookmail.com\\@evil.example",
    "Facebook <security@facebookmail.com>@evil.example",
    "Facebook <security@facebookmail.com> <a@evil.example>",
    "security@facebookmail.com, a@evil.example",
    "security@facebookmail.com a@evil.example",
    "Facebook <security@facebookmail.com",
    "a@evil.example <security@facebookmail.com>",
    "\"Facebook <security@facebookmail.com>",
    "security@facebookmail.com (Facebook",
    "security@.facebookmail.com",
    "security@facebookmail..com",
    "security.@facebookmail.com",
    "security@facebookmail.com.",
    "security@-facebookmail.com",
    "\"security\"@facebookmail.com",
    "security@[127.0.0.1]",
  };
  const struct { const char *from; const char *domain; } good[] = {
    { "Facebook <security@facebookmail.com>", "facebookmail.com" },
    { "security@facebookmail.com", "facebookmail.com" },
    { "\"Meta, Inc. <x@evil.example>\" <security@facebookmail.com>", "facebookmail.com" },
    { "=?UTF-8?Q?Facebook_=E2=9C=93?= <security@facebookmail.com>", "facebookmail.com" },
    { "security@facebookmail.com (Facebook)", "facebookmail.com" },
    { "Instagram\r\n <no-reply@Mail.Instagram.com>", "mail.instagram.com" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forged); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VetoEmail) email = email_from (forged[i], &error);

      g_test_message ("From: %s", forged[i]);
      g_assert_null (email);
      g_assert_error (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_NOT_FROM_META);
      g_assert_nonnull (strstr (error->message, "Nothing was changed"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VetoEmail) email = email_from (good[i].from, &error);

      g_test_message ("From: %s", good[i].from);
      g_assert_no_error (error);
      g_assert_cmpstr (veto_email_get_from_domain (email), ==, good[i].domain);
    }

  /* two From headers are two senders */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VetoEmail) email = email_from ("security@facebookmail.com\r\nFrom: a@evil.example", &error);

    g_assert_null (email);
    g_assert_error (error, VETO_EVIDENCE_ERROR, VETO_EVIDENCE_ERROR_NOT_FROM_META);
  }
}

/* Meta's answer is read from the subject and the plain text only, across
 * line wraps, in any case and with either apostrophe; an email that says
 * neither (an acknowledgement) or both is the person's to read. */
static void
test_classify_answer (void)
{
  static const struct {
    const char     *headers;
    const char     *body;
    VetoEmailAnswer answer;
  } cases[] = {
    { "Subject: We received your request\r\n", "Thanks, we will get back to you.\r\n", VETO_EMAIL_ANSWER_UNKNOWN },
    { "Subject: =?UTF-8?Q?Nous_avons_re=C3=A7u_votre_demande?=\r\n", "Bonjour.\r\n", VETO_EMAIL_ANSWER_UNKNOWN },
    { "Subject: Your request\r\n", "We have reviewed it and WILL HONOUR\r\n  your\r\nobjection.\r\n", VETO_EMAIL_ANSWER_CONFIRMED },
    { "Subject: Votre demande\r\n", "Nous l'honorerons.\r\n", VETO_EMAIL_ANSWER_CONFIRMED },
    { "Subject: Votre demande\r\n", "Nous ne pouvons pas donner\r\nsuite.\r\n", VETO_EMAIL_ANSWER_REFUSED },
    { "Subject: Unable to honour your objection\r\n", "\r\n", VETO_EMAIL_ANSWER_REFUSED },
    /* both: neither */
    { "Subject: Your request\r\n", "We are unable to honour one; we will honour your objection to the other.\r\n", VETO_EMAIL_ANSWER_UNKNOWN },
    /* the HTML part and attachments are not read */
    { "Content-Type: multipart/mixed; boundary=\"b\"\r\nSubject: Hello\r\n",
      "--b\r\nContent-Type: text/html\r\n\r\n<p>we will honour your objection</p>\r\n"
      "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=x.txt\r\n\r\nwill honour your objection\r\n"
      "--b\r\nContent-Type: text/plain\r\n\r\nWe received your request.\r\n--b--\r\n", VETO_EMAIL_ANSWER_UNKNOWN },
  };
  g_autoptr(GBytes) catalog_bytes = g_bytes_new_static (TEST_RECORD_CATALOG, strlen (TEST_RECORD_CATALOG));
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = veto_catalog_new_from_bytes (catalog_bytes, VETO_CATALOG_FLAGS_NONE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("From: Facebook <security@facebookmail.com>\r\n"
                                               "Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n"
                                               "MIME-Version: 1.0\r\n%s\r\n%s",
                                               cases[i].headers, cases[i].body);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(VetoEmail) email = veto_email_new_from_bytes (bytes, &error);

      g_assert_no_error (error);
      g_test_message ("case %u", i);
      g_assert_cmpint (veto_email_classify_answer (email, catalog), ==, cases[i].answer);
    }
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

  g_test_add_func ("/evidence/parse-multipart", test_parse_multipart);
  g_test_add_func ("/evidence/parse-base64-subject", test_parse_base64_subject);
  g_test_add_func ("/evidence/oversized", test_oversized);
  g_test_add_func ("/evidence/malformed-from", test_malformed_from);
  ADD ("/evidence/attach-keeps-evidence", test_attach_keeps_evidence);
  ADD ("/evidence/refusals-change-nothing", test_refusals_change_nothing);
  ADD ("/evidence/command-two-accounts", test_command_two_accounts);
  ADD ("/evidence/match-by-app", test_match_by_app);
  ADD ("/evidence/confirmed-without-email", test_confirmed_without_email);
  g_test_add_func ("/evidence/no-sender-domains", test_no_sender_domains);
  g_test_add_func ("/evidence/classify-answer", test_classify_answer);

  return g_test_run ();
}
