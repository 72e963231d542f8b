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
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "test-record-fixtures.h"

typedef struct
{
  char *tmp;
  char *state_home;
  char *data_home;
  char *cache_home;
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
  f->cache_home = g_build_filename (f->tmp, "cache", NULL);
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
  g_free (f->cache_home);
  g_free (f->catalog);
  g_free (f->catalog_arg);
  g_free (f->progress);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "email", name, NULL);
}

/* Starts veto with no display, as a mail filter would, and with @prefix
 * (a wrapper such as unshare) before it when not NULL. @now, when set,
 * fixes the clock. */
static GSubprocess *
spawn_veto_argv (Fixture            *f,
                 const char         *language,
                 const char         *now,
                 gboolean            with_input,
                 const char * const *prefix,
                 GPtrArray          *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exe = g_test_build_filename (G_TEST_BUILT, "..", "src", "veto", NULL);
  GSubprocess *proc;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (with_input ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_NONE));
  for (guint i = 0; prefix != NULL && prefix[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)prefix[i]);
  g_ptr_array_add (argv, exe);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_unsetenv (launcher, "VETO_NOW");
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", f->state_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", f->cache_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  /* translations found as a person's run finds them */
  g_subprocess_launcher_unsetenv (launcher, "VETO_LOCALEDIR");
  g_subprocess_launcher_setenv (launcher, "TZ", "UTC", TRUE);
  if (now != NULL)
    g_subprocess_launcher_setenv (launcher, "VETO_NOW", now, TRUE);
  /* In the ASan build, LeakSanitizer (clang 14) can crash at the exit of a
   * veto that dlopen()ed libveto-net.so, reading a stale dynamic TLS entry
   * ("Tracer caught signal 11"), depending on memory layout: a fault of the
   * tool, not a leak. These processes are checked for memory errors only;
   * the evidence code's leaks are checked by test-evidence, which links it
   * and runs it in-process. */
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "abort_on_error=1:halt_on_error=1:detect_leaks=0", TRUE);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  return proc;
}

/* Waits for @proc, with @input on its standard input when not NULL. */
static int
finish_veto (GSubprocess  *proc,
             GBytes       *input,
             char        **out,
             char        **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;

  g_subprocess_communicate (proc, input, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  *out = g_bytes_get_size (out_bytes) ? g_strndup (g_bytes_get_data (out_bytes, NULL), g_bytes_get_size (out_bytes)) : g_strdup ("");
  *err = g_bytes_get_size (err_bytes) ? g_strndup (g_bytes_get_data (err_bytes, NULL), g_bytes_get_size (err_bytes)) : g_strdup ("");
  g_test_message ("veto exited %d\nstdout:\n%s\nstderr:\n%s",
                  g_subprocess_get_exit_status (proc), *out, *err);

  return g_subprocess_get_exit_status (proc);
}

static GPtrArray *
collect_args (const char *first,
              va_list     args)
{
  GPtrArray *argv = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  return argv;
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
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  va_list args;

  va_start (args, err);
  argv = collect_args (va_arg (args, const char *), args);
  va_end (args);

  proc = spawn_veto_argv (f, language, now, input != NULL, NULL, argv);
  return finish_veto (proc, input, out, err);
}

/* The same, with @prefix before veto. */
static int
run_veto_wrapped (Fixture            *f,
                  const char * const *prefix,
                  char              **out,
                  char              **err,
                  ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  va_list args;

  va_start (args, err);
  argv = collect_args (va_arg (args, const char *), args);
  va_end (args);

  proc = spawn_veto_argv (f, "en", "2026-12-02T10:00:00Z", FALSE, prefix, argv);
  return finish_veto (proc, NULL, out, err);
}

/* Every file in the evidence folder, hidden ones too. */
static guint
count_evidence (Fixture *f)
{
  g_autofree char *folder = g_build_filename (f->data_home, "veto", "evidence", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
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

  /* the same again (a mail filter run twice): kept already, and said so;
   * it used to say "mark the objection you sent as submitted first" */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, f->catalog_arg, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "This email is already kept as proof for Object (Facebook, Perso). Nothing was changed.\n"));
  g_assert_cmpstr (err, ==, "");

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
    g_assert_nonnull (strstr (text, "- **Réponse de Meta\u00a0:** confirmation, le 1er\u00a0décembre\u00a02026 (saisie le 2\u00a0décembre\u00a02026)\n"));
    g_assert_nonnull (strstr (text, "- **E\u2011mail de Meta, expéditeur\u00a0:** Facebook \\<security@facebookmail.com\\>\n"
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
    /* GMime's lenient parser read each of these as facebookmail.com */
    { "en", "forged-from-1.eml", "The sender of this email is not one well-formed address" },
    { "en", "forged-from-2.eml", "The sender of this email is not one well-formed address" },
    { "fr", "forged-from-3.eml", "L’expéditeur de cet e‑mail n’est pas une adresse unique et bien formée" },
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

/* Two accounts named alike are told apart in every message, and the name
 * given there is one --account takes; they looked identical. */
static void
test_same_labels (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = fixture_path ("facebook-confirmation.eml");
  g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);
  g_autoptr(GString) progress = g_string_new (PROGRESS);

  g_string_replace (progress, "[End]\n",
                    "[Account facebook 3]\nLabel=perso \n\n"
                    "[Step facebook-object 3]\nState=submitted\nSubmitted=2026-11-05T08:00:00Z\n\n[End]\n", 1);
  g_assert_true (g_file_set_contents (f->progress, progress->str, -1, NULL));

  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, f->catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "  Object (Facebook, Perso (account 1))\n  Object (Facebook, perso (account 2))\n"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "fr", "2026-12-02T10:00:00Z", NULL, &out, &err, "--status", f->catalog_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Perso (compte 1)"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, "--account=Perso (account 1)",
                             f->catalog_arg, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "(Facebook, Perso (account 1)) is recorded"));
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

/* Whether this machine lets a test make a mount namespace of its own (as
 * root, or with unprivileged user namespaces). */
static gboolean
can_unshare (void)
{
  const char *argv[] = { "unshare", "--mount", "--map-root-user", "true", NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

/* The progress can't be saved (its folder a read-only mount, or a full
 * file system): the command fails, says why, keeps no copy, and the
 * progress is as it was. It used to say "…is recorded" and exit 0. */
static void
test_attach_save_fails (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const scripts[] = {
    /* the state folder, read-only */
    "d=$VETO_DIR; mount --bind \"$d\" \"$d\" && mount -o remount,bind,ro \"$d\" || exit 99; "
    "\"$0\" \"$@\"; rc=$?; cp \"$d/progress.ini\" \"$VETO_AFTER\"; exit $rc",
    /* the state folder, a full file system */
    "d=$VETO_DIR; cp \"$d/progress.ini\" \"$VETO_AFTER\" && mount -t tmpfs -o size=16k tmpfs \"$d\" && "
    "cp \"$VETO_AFTER\" \"$d/progress.ini\" || exit 99; dd if=/dev/zero of=\"$d/fill\" bs=1k count=64 2>/dev/null; "
    "\"$0\" \"$@\"; rc=$?; cp \"$d/progress.ini\" \"$VETO_AFTER\"; exit $rc",
  };
  g_autofree char *path = fixture_path ("facebook-confirmation.eml");
  g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);
  g_autofree char *dir = g_path_get_dirname (f->progress);
  g_autofree char *after = g_build_filename (f->tmp, "after.ini", NULL);

  if (!can_unshare ())
    {
      g_test_skip ("this machine gives a test no mount namespace");
      return;
    }

  g_setenv ("VETO_DIR", dir, TRUE);
  g_setenv ("VETO_AFTER", after, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    {
      const char * const prefix[] = { "unshare", "--mount", "--map-root-user", "sh", "-c", scripts[i], NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *contents = NULL;

      g_unlink (after);
      g_assert_cmpint (run_veto_wrapped (f, prefix, &out, &err, arg, f->catalog_arg, NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, "Your progress could not be saved: "));
      g_assert_nonnull (strstr (err, "Meta’s email was not kept. Nothing was changed.\n"));
      g_assert_true (g_file_get_contents (after, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, PROGRESS);
      /* no copy left, under its name or a temporary one */
      g_assert_cmpuint (count_evidence (f), ==, 0);
    }
  g_unsetenv ("VETO_DIR");
  g_unsetenv ("VETO_AFTER");
}

/* Two mail filters at once, one email each for two accounts: both are
 * recorded. Each save checks the file is the one it read; the one that
 * finds it changed reads it again and records its email on top. It used
 * to lose one confirmation in 16 of 30 trials, both exiting 0. */
static void
test_attach_concurrent (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *source = fixture_path ("facebook-confirmation.eml");
  g_autofree char *contents = NULL;
  g_autofree char *second = g_build_filename (f->tmp, "second.eml", NULL);
  g_autofree char *arg1 = g_strconcat ("--attach-email=", source, NULL);
  g_autofree char *arg2 = g_strconcat ("--attach-email=", second, NULL);
  g_autoptr(GString) progress = g_string_new (PROGRESS);
  g_autoptr(GString) email = NULL;
  guint trials = 30;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  email = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (email, "Message-ID: <", "Message-ID: <second-", 1), ==, 1);
  g_assert_true (g_file_set_contents (second, email->str, -1, NULL));
  g_string_replace (progress, "[End]\n",
                    "[Account facebook 3]\nLabel=Travail\n\n"
                    "[Step facebook-object 3]\nState=submitted\nSubmitted=2026-11-05T08:00:00Z\n\n[End]\n", 1);

  for (guint trial = 0; trial < trials; trial++)
    {
      g_autoptr(GPtrArray) a = g_ptr_array_new ();
      g_autoptr(GPtrArray) b = g_ptr_array_new ();
      g_autoptr(GSubprocess) p1 = NULL;
      g_autoptr(GSubprocess) p2 = NULL;
      g_autofree char *out1 = NULL;
      g_autofree char *err1 = NULL;
      g_autofree char *out2 = NULL;
      g_autofree char *err2 = NULL;
      g_autofree char *after = NULL;
      g_autofree char *folder = g_build_filename (f->data_home, "veto", "evidence", NULL);
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_assert_true (g_file_set_contents (f->progress, progress->str, -1, NULL));
      dir = g_dir_open (folder, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (folder, name, NULL);

          g_unlink (child);
        }

      g_ptr_array_add (a, arg1);
      g_ptr_array_add (a, (gpointer)"--account=Perso");
      g_ptr_array_add (a, f->catalog_arg);
      g_ptr_array_add (b, arg2);
      g_ptr_array_add (b, (gpointer)"--account=Travail");
      g_ptr_array_add (b, f->catalog_arg);
      p1 = spawn_veto_argv (f, "en", "2026-12-02T10:00:00Z", FALSE, NULL, a);
      p2 = spawn_veto_argv (f, "en", "2026-12-02T10:00:00Z", FALSE, NULL, b);
      g_assert_cmpint (finish_veto (p1, NULL, &out1, &err1), ==, 0);
      g_assert_cmpint (finish_veto (p2, NULL, &out2, &err2), ==, 0);

      after = read_progress (f);
      g_assert_nonnull (strstr (after, "[Step facebook-object 1]\nState=confirmed\n"));
      g_assert_nonnull (strstr (after, "[Step facebook-object 3]\nState=confirmed\n"));
      g_assert_cmpuint (count_evidence (f), ==, 2);
    }
}

/* What Veto reads that someone else could have put there is opened
 * without blocking, only if it is a regular file, its size checked first:
 * a named pipe as the cached steps hung `veto --status` at every login, a
 * link to /dev/zero read until memory ran out, a 1.5 GB file was read
 * whole before being refused, and a pipe given as the email blocked the
 * command forever. Each run is bounded by timeout(1): 124 means it hung. */
static void
test_unreadable_inputs (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *cache_dir = g_build_filename (f->cache_home, "veto", NULL);
  g_autofree char *cached = g_build_filename (cache_dir, "meta.steps", NULL);
  g_autofree char *fifo = g_build_filename (f->tmp, "pipe", NULL);
  g_autofree char *zero = g_build_filename (f->tmp, "zero.steps", NULL);
  g_autofree char *huge = g_build_filename (f->tmp, "huge.steps", NULL);
  g_autofree char *fifo_catalog = g_strconcat ("--catalog=", fifo, NULL);
  g_autofree char *zero_catalog = g_strconcat ("--catalog=", zero, NULL);
  g_autofree char *huge_catalog = g_strconcat ("--catalog=", huge, NULL);
  g_autofree char *fifo_email = g_strconcat ("--attach-email=", fifo, NULL);
  const char * const bounded[] = { "timeout", "20", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *progress = NULL;
  FILE *file;
  gint64 start;

  g_assert_cmpint (g_mkdir_with_parents (cache_dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (cached, 0600), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  file = fopen (huge, "w");
  g_assert_nonnull (file);
  /* sparse: 1.5 GB that take no room */
  g_assert_cmpint (ftruncate (fileno (file), (off_t)1500 * 1024 * 1024), ==, 0);
  fclose (file);

  /* a pipe as the downloaded steps: ignored, the bundled ones used */
  g_assert_cmpint (run_veto_wrapped (f, bounded, &out, &err, "--status", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Facebook"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto_wrapped (f, bounded, &out, &err, "--status", fifo_catalog, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "is not a regular file"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto_wrapped (f, bounded, &out, &err, "--status", zero_catalog, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "is not a regular file"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  start = g_get_monotonic_time ();
  g_assert_cmpint (run_veto_wrapped (f, bounded, &out, &err, "--status", huge_catalog, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "is larger than"));
  /* refused by its size, not after reading it: well under a second here */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto_wrapped (f, bounded, &out, &err, fifo_email, f->catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "This file is not an email."));
  progress = read_progress (f);
  g_assert_cmpstr (progress, ==, PROGRESS);
}

/* Control characters and bidi overrides from an email, a label or a note
 * never reach the terminal or the record, and a carriage return makes no
 * heading of its own in the Markdown record. A subject and a sender are
 * kept bounded: two 5 MiB emails made the progress file 20 MiB, which Veto
 * then refused to read. */
static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *source = fixture_path ("facebook-confirmation.eml");
  g_autofree char *contents = NULL;
  g_autofree char *email_path = g_build_filename (f->tmp, "hostile.eml", NULL);
  g_autofree char *email_arg = g_strconcat ("--attach-email=", email_path, NULL);
  g_autofree char *md = g_build_filename (f->tmp, "record.md", NULL);
  g_autofree char *md_arg = g_strconcat ("--export=", md, NULL);
  g_autoptr(GString) email = NULL;
  g_autoptr(GString) progress = g_string_new (PROGRESS);
  g_autoptr(GString) subject = g_string_new ("Subject: =?UTF-8?Q?Re=C3=A7u=0D=0A#_Fake_heading_=E2=80=AEetaM?=");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) lines = NULL;
  guint headings = 0;

  /* a subject of about 2 MiB, folded */
  for (guint i = 0; i < 40000; i++)
    g_string_append (subject, "\r\n =?UTF-8?Q?long_long_long_long_long_long?=");
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  email = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (email, "Subject: =?UTF-8?Q?Votre_demande_d=E2=80=99opposition_a_=C3=A9t=C3=A9_re=C3=A7ue?=",
                                      subject->str, 1), ==, 1);
  g_assert_true (g_file_set_contents (email_path, email->str, -1, NULL));

  g_string_replace (progress, "Label=Perso\n", "Label=Perso\x1b[2J\xe2\x80\xae\n", 1);
  g_string_replace (progress, "State=submitted\n", "State=submitted\nNote=first\\r# Not a heading\n", 1);
  g_assert_true (g_file_set_contents (f->progress, progress->str, -1, NULL));

  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, email_arg, f->catalog_arg, NULL), ==, 0);
  g_assert_null (strchr (out, '\x1b'));
  g_assert_null (strstr (out, "\xe2\x80\xae"));
  after = read_progress (f);
  /* the subject kept is one bounded line */
  g_test_message ("%s", after);
  g_assert_cmpuint (strlen (after), <, 8 * 1024);
  g_assert_nonnull (strstr (after, "EvidenceSubject=Reçu # Fake heading etaMlong long"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, "--status", f->catalog_arg, NULL), ==, 1);
  g_assert_null (strchr (out, '\x1b'));
  g_assert_null (strstr (out, "\xe2\x80\xae"));
  g_assert_nonnull (strstr (out, "Perso[2J"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, md_arg, f->catalog_arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_null (strchr (text, '\r'));
  g_assert_null (strchr (text, '\x1b'));
  g_assert_null (strstr (text, "\xe2\x80\xae"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), "# "))
      headings++;
  /* the title alone */
  g_assert_cmpuint (headings, ==, 1);
}

/* A hand-edited file with an account id that is not an id, or a date out
 * of any sane range, is reported as damaged, with what is wrong, by every
 * command; an email dated 9999 is refused. The account ids made
 * `--attach-email` crash (SIGSEGV); the dates gave 17 GLib criticals and
 * "recorded on 0, 0". */
static void
test_hand_edited_values (Fixture       *f,
                         gconstpointer  data)
{
  static const struct {
    const char *from;
    const char *to;
    const char *reason;
  } edits[] = {
    { "[Account facebook 1]", "[Account facebook a b]", "[Account facebook a b]: not a group Veto writes" },
    { "[Step facebook-object 1]", "[Step facebook-object é]", "not a group Veto writes" },
    { "[Step facebook-object 1]",
      "[Step facebook-object xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx]",
      "not a group Veto writes" },
    { "Submitted=2026-11-01\n", "Submitted=9999-12-31\n", "[Step facebook-object 1] Submitted: invalid value" },
    { "SubmittedEntered=2026-11-02T09:00:00Z\n", "SubmittedEntered=0001-01-01T00:00:00Z\n", "SubmittedEntered: invalid value" },
  };
  g_autofree char *path = fixture_path ("facebook-confirmation.eml");
  g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GString) progress = g_string_new (PROGRESS);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_assert_cmpuint (g_string_replace (progress, edits[i].from, edits[i].to, 1), ==, 1);
      g_assert_true (g_file_set_contents (f->progress, progress->str, -1, NULL));

      g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, f->catalog_arg, NULL), ==, 2);
      g_assert_nonnull (strstr (err, "is damaged ("));
      g_assert_nonnull (strstr (err, edits[i].reason));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, "--status", f->catalog_arg, NULL), ==, 2);
      g_assert_nonnull (strstr (err, edits[i].reason));
      after = read_progress (f);
      g_assert_cmpstr (after, ==, progress->str);
    }

  /* an email from the year 9999 */
  {
    g_autofree char *contents = NULL;
    g_autoptr(GString) email = NULL;
    g_autofree char *late = g_build_filename (f->tmp, "late.eml", NULL);
    g_autofree char *late_arg = g_strconcat ("--attach-email=", late, NULL);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *after = NULL;
    char *date_line;

    g_assert_true (g_file_set_contents (f->progress, PROGRESS, -1, NULL));
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    email = g_string_new (contents);
    date_line = strstr (email->str, "\nDate: ");
    g_assert_nonnull (date_line);
    g_string_insert (email, date_line - email->str + 1, "Date: Fri, 31 Dec 9999 23:59:59 -2359\r\nX-Old-");
    g_assert_true (g_file_set_contents (late, email->str, -1, NULL));
    g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, late_arg, f->catalog_arg, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "This email’s date is not between 2000 and 2199"));
    after = read_progress (f);
    g_assert_cmpstr (after, ==, PROGRESS);
  }
}

/* The evidence is checked each time it is reported: a copy that is gone,
 * or was changed, is said so by --status and the record; and an email
 * kept for an objection that went back to Submitted is no longer
 * presented as Meta's confirmation. The record listed both as if nothing
 * had happened. */
static void
test_evidence_checked (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path ("facebook-confirmation.eml");
  g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);
  g_autofree char *md = g_build_filename (f->tmp, "record.md", NULL);
  g_autofree char *md_arg = g_strconcat ("--export=", md, NULL);
  g_autofree char *folder = g_build_filename (f->data_home, "veto", "evidence", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *progress = NULL;
  g_autoptr(GString) back = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, f->catalog_arg, NULL), ==, 0);
  dir = g_dir_open (folder, 0, NULL);
  copy = g_build_filename (folder, g_dir_read_name (dir), NULL);

  /* kept: nothing said */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, "--status", f->catalog_arg, NULL);
  g_assert_null (strstr (out, "The copy of Meta’s email"));

  /* changed */
  g_assert_true (g_file_set_contents (copy, "From: someone\r\n\r\nedited\r\n", -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, "--status", f->catalog_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "! The copy of Meta’s email kept for Object (Facebook, Perso) was changed since Veto kept it: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, md_arg, f->catalog_arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "- **Evidence file:** changed since Veto kept it ("));

  /* gone */
  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_veto (f, "fr", "2026-12-02T10:00:00Z", NULL, &out, &err, "--status", f->catalog_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "est introuvable"));

  /* the objection back to Submitted: the email is described for what it is */
  progress = read_progress (f);
  back = g_string_new (progress);
  g_assert_cmpuint (g_string_replace (back, "State=confirmed\n", "State=submitted\n", 1), ==, 1);
  g_assert_true (g_file_set_contents (f->progress, back->str, -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, md_arg, f->catalog_arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_null (strstr (text, "Meta’s email, from:"));
  g_assert_nonnull (strstr (text, "- **Email kept earlier, no longer recorded as Meta’s confirmation, from:** Facebook"));
  g_assert_nonnull (strstr (text, "- **Evidence file:** missing ("));
}

/* Names in the evidence folder that are not hidden: the copies that look
 * kept. */
static GPtrArray *
list_kept_copies (Fixture *f,
                  guint   *n_hidden)
{
  g_autofree char *folder = g_build_filename (f->data_home, "veto", "evidence", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  *n_hidden = 0;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] == '.')
        (*n_hidden)++;
      else
        g_ptr_array_add (names, g_strdup (name));
    }
  return names;
}

/* SIGKILL at random moments during --attach-email: never an email that
 * looks kept (under its name) without a record of it, and the progress
 * always whole. It left such an email in 28 of 300 runs, and GLib's
 * temporary files that nothing removed. */
static void
test_attach_killed (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path ("facebook-confirmation.eml");
  g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *folder = g_build_filename (f->data_home, "veto", "evidence", NULL);
  guint runs = 300, recorded = 0, hidden_left = 0;
  gint64 run_time;

  g_ptr_array_add (args, arg);
  g_ptr_array_add (args, f->catalog_arg);

  /* how long a whole run takes here, to spread the kills over it */
  {
    g_autoptr(GSubprocess) proc = NULL;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    gint64 start = g_get_monotonic_time ();

    proc = spawn_veto_argv (f, "en", "2026-12-02T10:00:00Z", FALSE, NULL, args);
    g_assert_cmpint (finish_veto (proc, NULL, &out, &err), ==, 0);
    run_time = g_get_monotonic_time () - start;
  }

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GPtrArray) kept = NULL;
      g_autofree char *progress = NULL;
      guint hidden;

      g_assert_true (g_file_set_contents (f->progress, PROGRESS, -1, NULL));
      kept = list_kept_copies (f, &hidden);
      for (guint i = 0; i < kept->len; i++)
        {
          g_autofree char *copy = g_build_filename (folder, g_ptr_array_index (kept, i), NULL);

          g_unlink (copy);
        }
      g_clear_pointer (&kept, g_ptr_array_unref);

      proc = spawn_veto_argv (f, "en", "2026-12-02T10:00:00Z", FALSE, NULL, args);
      g_usleep (g_random_int_range (0, (gint32)(run_time * 12 / 10) + 1));
      g_subprocess_force_exit (proc);
      g_subprocess_wait (proc, NULL, NULL);

      g_assert_true (g_file_get_contents (f->progress, &progress, NULL, NULL));
      g_assert_true (g_str_has_suffix (progress, "[End]\n"));
      kept = list_kept_copies (f, &hidden);
      hidden_left = hidden;
      if (strstr (progress, "State=confirmed\n") != NULL)
        recorded++;
      /* a copy under its name is a recorded one */
      for (guint i = 0; i < kept->len; i++)
        {
          g_autofree char *line = g_strdup_printf ("EvidenceFile=%s\n", (char *)g_ptr_array_index (kept, i));

          g_assert_nonnull (strstr (progress, line));
        }
    }
  g_test_message ("%u runs killed, %u after the record was saved, %u hidden copies left", runs, recorded, hidden_left);
  /* the kills fell on both sides of the save */
  g_assert_cmpuint (recorded, >, 0);
  g_assert_cmpuint (recorded, <, runs);
}

/* What a killed run leaves is finished by the next one: a copy recorded
 * but not yet renamed takes its name, one never recorded is removed, once
 * old enough that no Veto can still be writing it; nothing else is
 * touched. */
static void
test_attach_recovers (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path ("facebook-confirmation.eml");
  g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);
  g_autofree char *folder = g_build_filename (f->data_home, "veto", "evidence", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *recorded_tmp = g_build_filename (folder, ".veto-evidence-AbC123", NULL);
  g_autofree char *orphan_tmp = g_build_filename (folder, ".veto-evidence-xYz789", NULL);
  g_autofree char *young_tmp = g_build_filename (folder, ".veto-evidence-yOuNg1", NULL);
  g_autofree char *persons = g_build_filename (folder, "my-notes.txt", NULL);
  g_autofree char *final = g_build_filename (folder, "facebook-object-1-0123456789abcdef.eml", NULL);
  g_autoptr(GString) progress = g_string_new (PROGRESS);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *kept = NULL;
  gsize len;
  struct utimbuf old = { 0 };

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (recorded_tmp, contents, len, NULL));
  g_assert_true (g_file_set_contents (orphan_tmp, "From: x\r\n\r\nhalf", -1, NULL));
  g_assert_true (g_file_set_contents (young_tmp, "From: x\r\n\r\nbeing written", -1, NULL));
  g_assert_true (g_file_set_contents (persons, "mine", -1, NULL));
  old.actime = old.modtime = time (NULL) - 120;
  g_assert_cmpint (utime (recorded_tmp, &old), ==, 0);
  g_assert_cmpint (utime (orphan_tmp, &old), ==, 0);
  g_assert_cmpint (utime (persons, &old), ==, 0);

  /* killed after its save, before its rename */
  g_string_replace (progress, "State=submitted\n", "", 1);
  g_string_replace (progress, "[Step facebook-object 1]\n", "[Step facebook-object 1]\nState=confirmed\n"
                    "Confirmed=2026-12-01\nConfirmedEntered=2026-12-02T10:00:00Z\n"
                    "EvidenceFile=facebook-object-1-0123456789abcdef.eml\n", 1);
  g_string_replace (progress, "\n\n[End]", "", 1);
  g_string_append_printf (progress, "EvidenceSha256=%s\n\n[End]\n", sha256);
  g_assert_true (g_file_set_contents (f->progress, progress->str, -1, NULL));

  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, f->catalog_arg, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "already kept as proof for Object (Facebook, Perso)"));
  g_assert_true (g_file_get_contents (final, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, contents);
  g_assert_false (g_file_test (recorded_tmp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (orphan_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (young_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (persons, G_FILE_TEST_EXISTS));
}

/* A lock on the state folder that nobody releases (a stopped Veto, any
 * process) blocked every save forever; a save now waits 5 s, then says
 * so, and nothing is kept. */
static void
test_lock_held (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path ("facebook-confirmation.eml");
  g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);
  g_autofree char *dir = g_path_get_dirname (f->progress);
  /* --no-fork: sleep itself holds the lock, and dies with the kill */
  const char *holder_argv[] = { "flock", "--no-fork", dir, "sleep", "60", NULL };
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *progress = NULL;
  gint64 start, elapsed;

  holder = g_subprocess_newv (holder_argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error);
  g_assert_no_error (error);
  /* flock(1) has the lock once it runs sleep */
  g_usleep (300 * 1000);

  start = g_get_monotonic_time ();
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err, arg, f->catalog_arg, NULL), ==, 2);
  elapsed = g_get_monotonic_time () - start;
  g_subprocess_force_exit (holder);
  g_subprocess_wait (holder, NULL, NULL);

  g_test_message ("refused after %.1f s", elapsed / (double)G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, >=, 4 * G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, 15 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (err, "locked for more than 5 seconds"));
  g_assert_nonnull (strstr (err, "Meta’s email was not kept. Nothing was changed."));
  progress = read_progress (f);
  g_assert_cmpstr (progress, ==, PROGRESS);
  g_assert_cmpuint (count_evidence (f), ==, 0);
}

/* An acknowledgement from Meta's own domain ("We received your request",
 * « Nous avons reçu votre demande ») is kept as proof, but it is not
 * Meta's answer: the objection stays submitted, and the person is told
 * how to record the answer in the window. It used to read as confirmed. */
static void
test_attach_receipt (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path ("facebook-receipt.eml");
  g_autofree char *arg = g_strconcat ("--attach-email=", path, NULL);
  static const struct {
    const char *language;
    const char *kept;
    const char *how;
  } cases[] = {
    { "en", "Meta’s email is kept as proof for Object (Facebook, Perso), but its words do not say whether Meta accepted or refused the objection, so nothing else was changed.\n",
      "on the objection’s card, “I Got Meta’s Answer”, then “Meta Accepted My Objection” or “Meta Refused”" },
    { "fr", "L’e\u2011mail de Meta est conservé comme preuve pour S’opposer (Facebook, Perso)",
      "«\u202fJ’ai reçu la réponse de Meta\u202f»" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *progress = NULL;
      g_autofree char *status = NULL;
      g_autofree char *status_err = NULL;

      /* the second run starts from the same progress, with nothing kept */
      g_assert_true (g_file_set_contents (f->progress, PROGRESS, -1, NULL));
      remove_tree (f->data_home);

      g_assert_cmpint (run_veto (f, cases[i].language, "2026-12-02T10:00:00Z", NULL, &out, &err,
                                 arg, f->catalog_arg, NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, cases[i].kept));
      g_assert_nonnull (strstr (out, cases[i].how));
      /* no command-line syntax for what is done in the window */
      g_assert_null (strstr (out, "--"));

      progress = read_progress (f);
      g_assert_nonnull (strstr (progress, "State=submitted\n"));
      g_assert_null (strstr (progress, "State=confirmed"));
      g_assert_null (strstr (progress, "Confirmed="));
      g_assert_nonnull (strstr (progress, "EvidenceSubject=We received your request\n"));
      assert_evidence_kept (f, "facebook-receipt.eml");

      g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &status, &status_err,
                                 "--status", f->catalog_arg, NULL), ==, 1);
      g_assert_null (strstr (status, "Confirmed       Object\n"));
    }
}

/* Meta's words decide only when they say it: a confirmation confirms (on
 * the email's day), a refusal refuses. */
static void
test_attach_answers (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *refusal = fixture_path ("facebook-refusal.eml");
  g_autofree char *refusal_arg = g_strconcat ("--attach-email=", refusal, NULL);
  g_autofree char *confirmation = fixture_path ("instagram-confirmation.eml");
  g_autofree char *confirmation_arg = g_strconcat ("--attach-email=", confirmation, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *progress = NULL;

  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err,
                             refusal_arg, f->catalog_arg, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Meta’s refusal of Object (Facebook, Perso) is recorded on November 20, 2026.\n"));
  progress = read_progress (f);
  g_assert_nonnull (strstr (progress, "State=refused\n"));
  g_assert_nonnull (strstr (progress, "Refused=2026-11-20\n"));
  g_assert_null (strstr (progress, "Confirmed="));
  assert_evidence_kept (f, "facebook-refusal.eml");

  /* the Instagram objection waits too: its email, in English, confirms it */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&progress, g_free);
  g_assert_true (g_file_set_contents (f->progress,
                                      "[Veto]\nFormat=2\nRegion=eu\nApps=instagram;\nCatalogVersion=5\n\n"
                                      "[Account instagram 2]\nLabel=\n\n"
                                      "[Step instagram-object 2]\nState=submitted\nSubmitted=2026-11-01\n\n"
                                      "[End]\n", -1, NULL));
  remove_tree (f->data_home);
  g_assert_cmpint (run_veto (f, "en", "2026-12-02T10:00:00Z", NULL, &out, &err,
                             confirmation_arg, f->catalog_arg, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "Meta’s confirmation of "));
  progress = read_progress (f);
  g_assert_nonnull (strstr (progress, "State=confirmed\n"));
  g_assert_nonnull (strstr (progress, "Confirmed=2026-11-26\n"));
  assert_evidence_kept (f, "instagram-confirmation.eml");
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
  ADD ("/cli-email/attach-receipt", test_attach_receipt);
  ADD ("/cli-email/attach-answers", test_attach_answers);
  ADD ("/cli-email/refusals", test_refusals);
  ADD ("/cli-email/oversized-standard-input", test_oversized_standard_input);
  ADD ("/cli-email/two-accounts", test_two_accounts);
  ADD ("/cli-email/same-labels", test_same_labels);
  ADD ("/cli-email/attach-save-fails", test_attach_save_fails);
  ADD ("/cli-email/attach-concurrent", test_attach_concurrent);
  ADD ("/cli-email/unreadable-inputs", test_unreadable_inputs);
  ADD ("/cli-email/hostile-text", test_hostile_text);
  ADD ("/cli-email/hand-edited-values", test_hand_edited_values);
  ADD ("/cli-email/evidence-checked", test_evidence_checked);
  ADD ("/cli-email/attach-killed", test_attach_killed);
  ADD ("/cli-email/attach-recovers", test_attach_recovers);
  ADD ("/cli-email/lock-held", test_lock_held);
  ADD ("/cli-email/status-overdue", test_status_overdue);

  return g_test_run ();
}
