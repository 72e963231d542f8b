/* test-cli-email.c: the real `veto` binary keeping Meta's email as proof
 * (`--attach-email=FILE|-`, `--account`), and naming overdue objections
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "test-record-fixtures.h"

typedef struct
{
  char *tmp;
  char *state_home;
  char *data_home;
  char *catalog;
  char *catalog_arg;
  char *progress;
} Fixture;

#define PROGRESS \
  "[Veto]\nFormat=2\nRegion=eu\nApps=facebook;instagram;\nCatalogVersion=5\n\n" \
  "[Account facebook 1]\nLabel=Perso\n\n" \
  "[Account instagram 2]\nLabel=\n\n" \
  "[Step facebook-object 1]\nState=submitted\nSubmitted=2026-11-01\nSubmittedEntered=2026-11-02T09:00:00Z\n\n" \
  "[End]\n"

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  f->tmp = g_dir_make_tmp ("veto-cli-email-XXXXXX", &error);
  g_assert_no_error (error);
  f->state_home = g_build_filename (f->tmp, "state", NULL);
  f->data_home = g_build_filename (f->tmp, "data", NULL);
  f->catalog = g_build_filename (f->tmp, "test.steps", NULL);
  f->catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_assert_true (g_file_set_contents (f->catalog, TEST_RECORD_CATALOG, -1, NULL));

  dir = g_build_filename (f->state_home, "veto", NULL);
  f->progress = g_build_filename (dir, "progress.ini", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->progress, PROGRESS, -1, NULL));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->state_home);
  g_free (f->data_home);
  g_free (f->catalog);
  g_free (f->catalog_arg);
  g_free (f->progress);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "email", name, NULL);
}

/* Runs veto with no display, as a mail filter would. @input goes to its
 * standard input when not NULL. @now, when set, fixes the clock. */
static int
run_veto (Fixture     *f,
          const char  *language,
          const char  *now,
          GBytes      *input,
          char       **out,
          char       **err,
          ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autofree char *exe = g_test_build_filename (G_TEST_BUILT, "..", "src", "veto", NULL);
  const char *arg;
  va_list args;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (input ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_NONE));
  g_ptr_array_add (argv, exe);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_unsetenv (launcher, "VETO_NOW");
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", f->state_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  /* translations found as a person's run finds them */
  g_subprocess_launcher_unsetenv (launcher, "VETO_LOCALEDIR");
  g_subprocess_launcher_setenv (launcher, "TZ", "UTC", TRUE);
  if (now != NULL)
    g_subprocess_launcher_setenv (launcher, "VETO_NOW", now, TRUE);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, input, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  *out = g_bytes_get_size (out_bytes) ? g_strndup (g_bytes_get_data (out_bytes, NULL), g_bytes_get_size (out_bytes)) : g_strdup ("");
  *err = g_bytes_get_size (err_bytes) ? g_strndup (g_bytes_get_data (err_bytes, NULL), g_bytes_get_size (err_bytes)) : g_strdup ("");
  g_test_message ("veto exited %d\nstdout:\n%s\nstderr:\n%s",
                  g_subprocess_get_exit_status (proc), *out, *err);

  return g_subprocess_get_exit_status (proc);
}

static char *
read_progress (Fixture *f)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (f->progress, &contents, NULL, NULL));
  return g_steal_pointer (&contents);
}

static void
assert_evidence_kept (Fixture    *f,
                      const char *fixture)
{
  g_autofree char *source = fixture_path (fixture);
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *progress = read_progress (f);
  g_autofree char *folder = g_build_filename (f->data_home, "veto", "evidence", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *copy = NULL;
  g_autofree char *copy_contents = NULL;
  const char *name;
  gsize len;
  GStatBuf st;

  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
  g_assert_nonnull (strstr (progress, hash));

  g_assert_nonnull (dir);
  name = g_dir_read_name (dir);
  g_assert_nonnull (name);
  g_assert_null (g_dir_read_name (dir));
  copy = g_build_filename (folder, name, NULL);
  g_assert_true (g_file_get_contents (copy, &copy_contents, NULL, NULL));
  g_assert_cmpstr (copy_contents, ==, contents);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_attach_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = fixture_path ("facebook-confirmation.eml");
  g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);
  g_autofree char *progress = NULL;
  g_autofree char *status = NULL;
  g_autofree char *status_err = NULL;

  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, f->catalog_arg, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Meta’s confirmation of Object (Facebook, Perso) is recorded on December 1, 2026.\n"));
  progress = read_progress (f);
  g_assert_nonnull (strstr (progress, "State=confirmed\n"));
  g_assert_nonnull (strstr (progress, "Confirmed=2026-12-01\n"));
  g_assert_nonnull (strstr (progress, "EvidenceFrom=Facebook <security@facebookmail.com>\n"));
  assert_evidence_kept (f, "facebook-confirmation.eml");

  /* the same again: nothing waits any more */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, f->catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "No objection waits for Meta’s answer"));

  /* the record says it, in French and in English, Markdown and PDF */
  {
    g_autofree char *md = g_build_filename (f->tmp, "releve.md", NULL);
    g_autofree char *pdf = g_build_filename (f->tmp, "record.pdf", NULL);
    g_autofree char *md_arg = g_strconcat ("--export=", md, NULL);
    g_autofree char *pdf_arg = g_strconcat ("--export=", pdf, NULL);
    g_autofree char *text = NULL;
    g_autofree char *pdf_text = NULL;
    g_autofree char *o = NULL;
    g_autofree char *e = NULL;
    g_autofree char *o2 = NULL;
    g_autofree char *e2 = NULL;
    const char *pdftotext[] = { "pdftotext", "-layout", pdf, "-", NULL };

    g_assert_cmpint (run_veto (f, "fr", "2026-12-02T10:00:00Z", NULL, &o, &e, md_arg, f->catalog_arg, NULL), ==, 0);
    g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "- **Confirmation de Meta\u00a0:** 1er\u00a0décembre\u00a02026 (saisie le 2\u00a0décembre\u00a02026)\n"
                                    "- **E\u2011mail de Meta, expéditeur\u00a0:** Facebook \\<security@facebookmail.com\\>\n"
                                    "- **Objet\u00a0:** Votre demande d’opposition a été reçue\n"));
    g_assert_nonnull (strstr (text, "## Version des démarches et fichiers de preuve\n"));

    g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &o2, &e2, pdf_arg, f->catalog_arg, NULL), ==, 0);
    g_assert_true (g_spawn_sync (NULL, (char **)pdftotext, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pdf_text, NULL, NULL, NULL));
    g_assert_nonnull (strstr (pdf_text, "Meta’s email, from: Facebook <security@facebookmail.com>"));
    g_assert_nonnull (strstr (pdf_text, "Steps version and evidence files"));
    g_assert_nonnull (strstr (pdf_text, "SHA-256:"));
  }

  /* --status says it is confirmed */
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &status, &status_err,
                             "--status", f->catalog_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (status, "Confirmed       Object\n"));
}

/* A mail filter pipes the email in; no fixed clock: as a person runs it. */
static void
test_attach_standard_input (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = fixture_path ("facebook-confirmation.eml");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) input = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  input = g_bytes_new (contents, len);
  g_assert_cmpint (run_veto (f, "en", NULL, input, &out, &err, "--attach-email=-", f->catalog_arg, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_evidence_kept (f, "facebook-confirmation.eml");
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    const char *language;
    const char *fixture;
    const char *message;
  } cases[] = {
    { "en", "forged-domain.eml", "facebookmail.com.evil.example is not one of the domains Meta sends its email from" },
    { "en", "forged-display-name.eml", "This email is from “\"Facebook <security@facebookmail.com>\" <x@evil.example>”: evil.example is not" },
    { "en", "not-an-email.eml", "This file is not an email." },
    { "en", "facebook-too-early.eml", "Meta cannot have answered before you sent the form on" },
    { "fr", "forged-domain.eml", "facebookmail.com.evil.example n’est pas l’un des domaines" },
    { "fr", "not-an-email.eml", "Ce fichier n’est pas un e\u2011mail." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *path = fixture_path (cases[i].fixture);
      g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);
      g_autofree char *progress = NULL;
      g_autofree char *folder = g_build_filename (f->data_home, "veto", "evidence", NULL);

      g_assert_cmpint (run_veto (f, cases[i].language, "2026-12-02T10:00:00Z", NULL, &out, &err,
                                 arg, f->catalog_arg, NULL), ==, 2);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_cmpstr (out, ==, "");
      progress = read_progress (f);
      g_assert_cmpstr (progress, ==, PROGRESS);
      {
        g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);

        /* no copy kept of what was refused */
        g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);
      }
    }
}

static void
test_oversized_standard_input (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new ("From: Facebook <security@facebookmail.com>\r\n"
                                         "Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n\r\n");
  g_autoptr(GBytes) input = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *progress = NULL;

  while (big->len <= 5 * 1024 * 1024)
    g_string_append (big, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\r\n");
  input = g_bytes_new (big->str, big->len);

  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", input, &out, &err,
                             "--attach-email=-", f->catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "This file is larger than 5 MiB"));
  progress = read_progress (f);
  g_assert_cmpstr (progress, ==, PROGRESS);
}

static void
test_two_accounts (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = fixture_path ("facebook-confirmation.eml");
  g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);
  g_autoptr(GString) progress = g_string_new (PROGRESS);
  g_autofree char *after = NULL;

  g_string_replace (progress, "[End]\n",
                    "[Account facebook 3]\nLabel=Travail\n\n"
                    "[Step facebook-object 3]\nState=submitted\nSubmitted=2026-11-05T08:00:00Z\n\n[End]\n", 1);
  g_assert_true (g_file_set_contents (f->progress, progress->str, -1, NULL));

  g_assert_cmpint (run_veto (f, "fr", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, f->catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "  S’opposer (Facebook, Perso)\n  S’opposer (Facebook, Travail)\n"));
  g_assert_nonnull (strstr (err, "--account="));
  after = read_progress (f);
  g_assert_cmpstr (after, ==, progress->str);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, "--account=Travail",
                             f->catalog_arg, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "(Facebook, Travail) is recorded on December 1, 2026."));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "en", NULL, NULL, &out, &err, "--account=Travail", f->catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--account only goes with --attach-email."));
}

/* --status names an objection Meta left unanswered and exits 1. */
static void
test_status_overdue (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, "--status", f->catalog_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "! Object (Facebook — Perso)\n"
                                 "  No answer from Meta within 1 month: overdue since December 2, 2026.\n"
                                 "  Next: Complain to your regulator\n"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "fr", "2026-12-02T10:00:00Z", NULL, &out, &err, "--status", f->catalog_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Aucune réponse de Meta en 1\u00a0mois"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli-email/attach-file", test_attach_file);
  ADD ("/cli-email/attach-standard-input", test_attach_standard_input);
  ADD ("/cli-email/refusals", test_refusals);
  ADD ("/cli-email/oversized-standard-input", test_oversized_standard_input);
  ADD ("/cli-email/two-accounts", test_two_accounts);
  ADD ("/cli-email/status-overdue", test_status_overdue);

  return g_test_run ();
}
