/* test-cli.c: the real `veto` binary on the command line, with no display
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "test-fixtures.h"

typedef struct
{
  char *tmp;
  char *state_home;
  char *catalog;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmp = g_dir_make_tmp ("veto-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->state_home = g_build_filename (f->tmp, "state", NULL);
  f->catalog = g_build_filename (f->tmp, "test.steps", NULL);
  g_file_set_contents (f->catalog, TEST_CATALOG, -1, &error);
  g_assert_no_error (error);
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
  g_free (f->catalog);
}

static void
write_progress (Fixture    *f,
                const char *contents)
{
  g_autofree char *dir = g_build_filename (f->state_home, "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* Runs veto with no display at all, as over SSH or from cron. */
static int
run_veto (Fixture     *f,
          const char  *language,
          char       **out,
          char       **err,
          ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exe = g_test_build_filename (G_TEST_BUILT, "..", "src", "veto", NULL);
  g_autofree char *localedir = g_getenv ("VETO_LOCALEDIR")
    ? g_strdup (g_getenv ("VETO_LOCALEDIR"))
    : g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, exe);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", f->state_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  g_subprocess_launcher_setenv (launcher, "VETO_LOCALEDIR", localedir, TRUE);
  g_subprocess_launcher_setenv (launcher, "VETO_NOW", "2026-11-29T10:00:00Z", TRUE);
  g_subprocess_launcher_setenv (launcher, "TZ", "UTC", TRUE);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  g_test_message ("veto (LANGUAGE=%s) exited %d\nstdout:\n%s\nstderr:\n%s", language,
                  g_subprocess_get_exit_status (proc), *out, *err);

  return g_subprocess_get_exit_status (proc);
}

#define PROGRESS \
  "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;instagram;\n\n" \
  "[Account facebook 1]\nLabel=Perso\n\n" \
  "[Step facebook-object 1]\nState=submitted\nSubmitted=2026-11-01T09:00:00Z\nUpdated=2026-11-01T09:00:00Z\n\n" \
  "[End]\n"

static void
test_status_english (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);

  write_progress (f, PROGRESS);
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--status", catalog_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Where you live: European Union"));
  g_assert_nonnull (strstr (out, "Submitted       Object"));
  g_assert_nonnull (strstr (out, "Steps finished: 0 of 3."));
  g_assert_cmpstr (err, ==, "");
}

static void
test_status_french (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);

  write_progress (f, PROGRESS);
  g_assert_cmpint (run_veto (f, "fr", &out, &err, "--status", catalog_arg, NULL), ==, 1);
  /* the interface (gettext) and the catalog (Key[fr]) both in French */
  g_assert_nonnull (strstr (out, "Où vous vivez\u00a0: Union européenne"));
  g_assert_nonnull (strstr (out, "Envoyée         S’opposer"));
  g_assert_nonnull (strstr (out, "Étapes terminées\u00a0: 0 sur 3."));
  g_assert_null (strstr (out, "Submitted"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_status_language_preference (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autoptr(GString) progress = g_string_new (PROGRESS);

  /* the language chosen in Preferences wins over the environment */
  g_string_replace (progress, "Format=1\n", "Format=1\nLanguage=fr\n", 1);
  write_progress (f, progress->str);
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--status", catalog_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Où vous vivez"));
}

static void
test_status_complete (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);

  write_progress (f,
                  "[Veto]\nFormat=1\nRegion=other\nApps=instagram;\n\n"
                  "[Step instagram-info]\nState=done\nUpdated=2026-11-01T09:00:00Z\n\n"
                  "[End]\n");
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--status", catalog_arg, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Steps finished: 1 of 1."));
}

/* Everything finished; the objection against catalog version 2, before
 * version 3 moved the Facebook form; the audience setting long ago. */
#define PROGRESS_DUE \
  "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;\nCatalogVersion=2\n\n" \
  "[Account facebook 1]\nLabel=Perso\n\n" \
  "[Step facebook-object 1]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=2\n\n" \
  "[Step facebook-audience 1]\nState=done\nUpdated=2026-08-01T09:00:00Z\nCatalogVersion=2\n\n" \
  "[End]\n"

static void
test_status_due (Fixture       *f,
                 gconstpointer  data)
{
  const char *language = data;
  gboolean fr = g_str_equal (language, "fr");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autofree char *object_line = NULL;
  g_autofree char *audience_line = NULL;

  write_progress (f, PROGRESS_DUE);
  g_assert_cmpint (run_veto (f, language, &out, &err, "--status", catalog_arg, NULL), ==, 1);
  g_assert_cmpstr (err, ==, "");

  /* each due step is named, with why: what changed, or since when */
  object_line = g_strdup_printf ("%s\n%*s%s\n",
                                 fr ? "Faite           S’opposer" : "Done            Object",
                                 20, "",
                                 fr ? "À revérifier\u00a0: Le formulaire de Facebook a changé d’adresse."
                                    : "Due for a recheck: The Facebook form moved.");
  g_assert_nonnull (strstr (out, object_line));
  audience_line = g_strdup_printf ("%s\n%*s%s\n",
                                   fr ? "Faite           Limit audience" : "Done            Limit audience",
                                   20, "",
                                   fr ? "À revérifier depuis le 30 octobre 2026"
                                      : "Due for a recheck since October 30, 2026");
  g_assert_nonnull (strstr (out, audience_line));
  g_assert_nonnull (strstr (out, fr ? "Étapes terminées\u00a0: 2 sur 2. À revérifier\u00a0: 2."
                                    : "Steps finished: 2 of 2. Due for a recheck: 2."));
}

static void
test_status_rechecked (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autoptr(GString) progress = g_string_new (PROGRESS_DUE);
  g_autofree char *saved = NULL;
  g_autofree char *path = g_build_filename (f->state_home, "veto", "progress.ini", NULL);

  /* both rechecked this month, against version 3: all done, nothing due */
  g_string_replace (progress, "Updated=2026-11-20T09:00:00Z\nCatalogVersion=2\n",
                    "Updated=2026-11-20T09:00:00Z\nChecked=2026-11-28T09:00:00Z\nCatalogVersion=3\n", 1);
  g_string_replace (progress, "Updated=2026-08-01T09:00:00Z\nCatalogVersion=2\n",
                    "Updated=2026-08-01T09:00:00Z\nChecked=2026-11-28T09:00:00Z\nCatalogVersion=3\n", 1);
  write_progress (f, progress->str);
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--status", catalog_arg, NULL), ==, 0);
  g_assert_null (strstr (out, "Due for a recheck"));
  g_assert_nonnull (strstr (out, "Steps finished: 2 of 2.\n"));

  /* and the catalog in use is recorded for the next state change */
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "CatalogVersion=3\n\n[Account"));
}

static void
test_status_bundled (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* no progress yet, bundled catalog */
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--status", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "open Veto"));
}

static void
test_status_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *progress_dir = g_build_filename (f->state_home, "veto", "progress.ini", NULL);
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);

  g_assert_cmpint (run_veto (f, "en", &out, &err, "--status", "--catalog=/nonexistent/x.steps", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "/nonexistent/x.steps"));

  /* progress that cannot be read: an error, not an empty report */
  g_assert_cmpint (g_mkdir_with_parents (progress_dir, 0700), ==, 0);
  g_assert_cmpint (run_veto (f, "en", &out2, &err2, "--status", catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err2, "could not be read"));
}

static void
test_status_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autofree char *kept = g_build_filename (f->state_home, "veto", "progress.ini.corrupt-20261129T100000Z", NULL);

  write_progress (f, "\x01\x02 not a keyfile");
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--status", catalog_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "damaged"));
  g_assert_nonnull (strstr (err, kept));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
}

static void
test_bad_catalog_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bad = g_build_filename (f->tmp, "bad.steps", NULL);
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", bad, NULL);
  g_autoptr(GString) text = g_string_new (TEST_CATALOG);

  g_string_replace (text, "https://www.facebook.com/help/contact/6359191084165019",
                    "https://evil.example/form", 1);
  g_assert_true (g_file_set_contents (bad, text->str, -1, NULL));

  /* without --status, the window would open: a bad catalog stops it first */
  g_assert_cmpint (run_veto (f, "en", &out, &err, catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "[Step facebook-object] Url"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/status/english", test_status_english);
  ADD ("/cli/status/french", test_status_french);
  ADD ("/cli/status/language-preference", test_status_language_preference);
  ADD ("/cli/status/complete", test_status_complete);
  g_test_add ("/cli/status/due/en", Fixture, "en", fixture_set_up, test_status_due, fixture_tear_down);
  g_test_add ("/cli/status/due/fr", Fixture, "fr", fixture_set_up, test_status_due, fixture_tear_down);
  ADD ("/cli/status/rechecked", test_status_rechecked);
  ADD ("/cli/status/bundled", test_status_bundled);
  ADD ("/cli/status/errors", test_status_errors);
  ADD ("/cli/status/corrupt", test_status_corrupt);
  ADD ("/cli/bad-catalog-refused", test_bad_catalog_refused);

  return g_test_run ();
}
