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
#include "test-server.h"

typedef struct
{
  char *tmp;
  char *state_home;
  char *cache_home;
  char *catalog;
  char *localedir;
  TestServer *ts;
} Fixture;

/* What --check-links meets: a server on 127.0.0.1 that the catalog given
 * with --catalog points at (loopback is allowed there, and only there). */
static void
handler (TestServer        *ts,
         SoupServerMessage *msg,
         const char        *method,
         const char        *path,
         gpointer           user_data)
{
  if (g_str_equal (path, "/ok") || g_str_equal (path, "/ok-final") || g_str_equal (path, "/also-ok"))
    test_server_reply (msg, SOUP_STATUS_OK, "fine");
  else if (g_str_equal (path, "/moved"))
    test_server_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/ok-final");
  else
    test_server_reply (msg, SOUP_STATUS_NOT_FOUND, "no");
}

/* the translations this build compiled from po/ */
static char *
make_localedir (const char *tmp)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmp = g_dir_make_tmp ("veto-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->state_home = g_build_filename (f->tmp, "state", NULL);
  f->cache_home = g_build_filename (f->tmp, "cache", NULL);
  f->localedir = make_localedir (f->tmp);
  f->ts = test_server_new (handler, f);
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
  /* what veto sent, if anything: nothing about anyone */
  test_server_assert_private (f->ts);
  test_server_free (f->ts);
  remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->state_home);
  g_free (f->cache_home);
  g_free (f->localedir);
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

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs veto with no display at all, as over SSH or from cron. The test's
 * main loop keeps turning meanwhile, so the test server can answer. */
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
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exe = g_test_build_filename (G_TEST_BUILT, "..", "src", "veto", NULL);
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
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", f->cache_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  g_subprocess_launcher_setenv (launcher, "VETO_LOCALEDIR", f->localedir, TRUE);
  g_subprocess_launcher_setenv (launcher, "VETO_NOW", "2026-11-29T10:00:00Z", TRUE);
  g_subprocess_launcher_setenv (launcher, "TZ", "UTC", TRUE);
  /* no system proxy between veto and the test server */
  g_subprocess_launcher_setenv (launcher, "GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (proc, NULL, NULL, on_communicated, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_communicate_utf8_finish (proc, result, out, err, &error);
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

/* The real catalog: every app is reported, in both languages. */
static void
test_status_six_apps (Fixture       *f,
                      gconstpointer  data)
{
  const char *language = data;
  const char *apps[] = { "Facebook", "Instagram", "WhatsApp", "Messenger", "Threads", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_progress (f,
                  "[Veto]\nFormat=1\nRegion=eu\n"
                  "Apps=facebook;instagram;whatsapp;messenger;threads;meta-ai;\n\n[End]\n");
  g_assert_cmpint (run_veto (f, language, &out, &err, "--status", NULL), ==, 1);
  for (guint i = 0; apps[i] != NULL; i++)
    {
      g_autofree char *line = g_strconcat ("\n", apps[i], "\n", NULL);

      g_assert_nonnull (strstr (out, line));
    }
  g_assert_nonnull (strstr (out, g_str_equal (language, "fr") ? "\nApplication Meta AI\n" : "\nMeta AI app\n"));
  g_assert_nonnull (strstr (out, g_str_equal (language, "fr") ? "Où vous vivez\u00a0: Union européenne et EEE"
                                                               : "Where you live: European Union and EEA"));
  g_assert_cmpstr (err, ==, "");
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

/* A state folder that cannot be written: the report, then the error. */
static void
test_status_unwritable (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *blocked = g_build_filename (f->state_home, "veto", NULL);
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);

  g_assert_cmpint (g_mkdir_with_parents (f->state_home, 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocked, "in the way", -1, NULL));
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--status", catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (out, "Nothing to report yet"));
  g_assert_nonnull (strstr (err, "could not be saved"));
  g_assert_nonnull (strstr (err, blocked));
}

static void
test_status_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autofree char *kept = g_build_filename (f->state_home, "veto", "progress.ini.corrupt-20261129T100000Z", NULL);
  g_autofree char *path = g_build_filename (f->state_home, "veto", "progress.ini", NULL);
  g_autofree char *after = NULL;

  /* --status only looks: it says the file is damaged, and leaves it be
   * (the window sets it aside when the person opens Veto) */
  write_progress (f, "\x01\x02 not a keyfile");
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--status", catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "damaged"));
  g_assert_nonnull (strstr (err, path));
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "\x01\x02 not a keyfile");
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

/* TEST_CATALOG with its links on the test server: the facebook form is
 * OK, its fallback gone, its source moved; the two other steps share an OK
 * page and have one of their own. */
static char *
write_link_catalog (Fixture    *f,
                    const char *fallback_path)
{
  g_autofree char *path = g_build_filename (f->tmp, "links.steps", NULL);
  g_autofree char *ok = test_server_url (f->ts, "/ok");
  g_autofree char *fallback = test_server_url (f->ts, fallback_path);
  g_autofree char *moved = test_server_url (f->ts, "/moved");
  g_autofree char *also_ok = test_server_url (f->ts, "/also-ok");
  g_autoptr(GString) text = g_string_new (TEST_CATALOG);

  g_string_replace (text, "https://www.facebook.com/help/contact/6359191084165019", ok, 1);
  g_string_replace (text, "https://www.facebook.com/help/contact/712876720715583", fallback, 1);
  g_string_replace (text, "https://about.fb.com/news/2024/09/building-ai-technology-for-the-uk-in-a-responsible-and-transparent-way/", moved, 1);
  g_string_replace (text, "https://www.facebook.com/privacy/center", ok, 1);
  g_string_replace (text, "https://privacycenter.instagram.com/privacy/genai", also_ok, 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  return g_strconcat ("--catalog=", path, NULL);
}

static char *
expected_line (Fixture    *f,
               const char *label,
               const char *path,
               const char *details)
{
  g_autofree char *url = test_server_url (f->ts, path);

  /* the verdicts padded to the longest one, plus two spaces */
  return g_strdup_printf ("%s%*s%s%s%s\n", label, (int)(13 - g_utf8_strlen (label, -1)), "",
                          url, details ? " — " : "", details ? details : "");
}

static void
test_check_links_english (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = write_link_catalog (f, "/missing");
  g_autofree char *final = test_server_url (f->ts, "/ok-final");
  g_autofree char *moved_details = g_strconcat ("now leads to ", final, NULL);
  g_autofree char *ok = expected_line (f, "OK", "/ok", NULL);
  g_autofree char *broken = expected_line (f, "Broken", "/missing", "HTTP 404");
  g_autofree char *moved = expected_line (f, "Moved", "/moved", moved_details);
  g_autofree char *also_ok = expected_line (f, "OK", "/also-ok", NULL);
  g_autofree char *expected = g_strconcat (ok, broken, moved, also_ok,
                                           "4 links checked. OK: 2, moved: 1, broken: 1, unreachable: 0.\n",
                                           NULL);

  g_assert_cmpint (run_veto (f, "en", &out, &err, "--check-links", catalog_arg, NULL), ==, 1);
  /* one line per URL, in catalog order, each URL once */
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (test_server_count_path (f->ts, "/ok"), ==, 1);
}

static void
test_check_links_french (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = write_link_catalog (f, "/missing");
  g_autofree char *broken = expected_line (f, "Cassé", "/missing", "HTTP 404");
  g_autofree char *ok = expected_line (f, "Valide", "/ok", NULL);
  g_autofree char *final = test_server_url (f->ts, "/ok-final");
  g_autofree char *moved_details = g_strconcat ("mène désormais à ", final, NULL);
  g_autofree char *moved = expected_line (f, "Déplacé", "/moved", moved_details);

  g_assert_cmpint (run_veto (f, "fr", &out, &err, "--check-links", catalog_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (out, ok));
  g_assert_nonnull (strstr (out, broken));
  g_assert_nonnull (strstr (out, moved));
  g_assert_nonnull (strstr (out, "4 liens vérifiés. Valides\u00a0: 2, déplacés\u00a0: 1, cassés\u00a0: 1, injoignables\u00a0: 0.\n"));
  g_assert_null (strstr (out, "Broken"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_check_links_all_ok (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) text = g_string_new (TEST_CATALOG);
  g_autofree char *path = g_build_filename (f->tmp, "ok.steps", NULL);
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", path, NULL);
  g_autofree char *ok = test_server_url (f->ts, "/ok");

  /* every link of the catalog on one OK page */
  g_string_replace (text, "https://www.facebook.com/help/contact/6359191084165019", ok, 0);
  g_string_replace (text, "https://www.facebook.com/help/contact/712876720715583", ok, 0);
  g_string_replace (text, "https://about.fb.com/news/2024/09/building-ai-technology-for-the-uk-in-a-responsible-and-transparent-way/", ok, 0);
  g_string_replace (text, "https://www.facebook.com/privacy/center", ok, 0);
  g_string_replace (text, "https://privacycenter.instagram.com/privacy/genai", ok, 0);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  g_assert_cmpint (run_veto (f, "en", &out, &err, "--check-links", catalog_arg, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 link checked. OK: 1, moved: 0, broken: 0, unreachable: 0.\n"));
}

static void
test_check_links_unreachable (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) text = g_string_new (TEST_CATALOG);
  g_autofree char *path = g_build_filename (f->tmp, "refused.steps", NULL);
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", path, NULL);
  g_autofree char *refused = g_strdup_printf ("http://127.0.0.1:%d/form", test_server_free_port ());
  g_autofree char *line = NULL;

  /* every link on a loopback port where nothing listens: a test never
   * checks Meta's real pages */
  g_string_replace (text, "https://www.facebook.com/help/contact/6359191084165019", refused, 0);
  g_string_replace (text, "https://www.facebook.com/help/contact/712876720715583", refused, 0);
  g_string_replace (text, "https://about.fb.com/news/2024/09/building-ai-technology-for-the-uk-in-a-responsible-and-transparent-way/", refused, 0);
  g_string_replace (text, "https://www.facebook.com/privacy/center", refused, 0);
  g_string_replace (text, "https://privacycenter.instagram.com/privacy/genai", refused, 0);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  g_assert_cmpint (run_veto (f, "fr", &out, &err, "--check-links", catalog_arg, NULL), ==, 1);
  line = g_strdup_printf ("Injoignable  %s — ", refused);
  g_assert_true (g_str_has_prefix (out, line));
  g_assert_nonnull (strstr (out, "1 lien vérifié. Valides\u00a0: 0, déplacés\u00a0: 0, cassés\u00a0: 0, injoignables\u00a0: 1.\n"));
}

static void
test_check_links_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_veto (f, "en", &out, &err, "--check-links", "--catalog=/nonexistent/x.steps", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "/nonexistent/x.steps"));
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (test_server_get_n_requests (f->ts), ==, 0);
}

/* --update-catalog fetches CATALOG_URL, which a test cannot change and must
 * not reach; with --catalog it refuses before any network. */
static void
test_update_catalog_refuses_local (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out_fr = NULL;
  g_autofree char *err_fr = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);

  g_assert_cmpint (run_veto (f, "en", &out, &err, "--update-catalog", catalog_arg, NULL), ==, 2);
  g_assert_cmpstr (err, ==, "--update-catalog updates the steps Veto downloads, and cannot be used with --catalog.\n");
  g_assert_cmpint (run_veto (f, "fr", &out_fr, &err_fr, "--update-catalog", catalog_arg, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err_fr, "--update-catalog met à jour"));
  g_assert_false (g_file_test (f->cache_home, G_FILE_TEST_EXISTS));
}

static void
write_cache (Fixture    *f,
             const char *text)
{
  g_autofree char *dir = g_build_filename (f->cache_home, "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "meta.steps", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Without --catalog, veto uses the newest valid catalog it has. */
static void
test_newest_catalog (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;
  g_autoptr(GString) foreign = g_string_new (TEST_CATALOG);

  /* a downloaded catalog newer than the bundled one (version 1) */
  write_cache (f, TEST_CATALOG);
  run_veto (f, "en", &out, &err, "--status", NULL);
  g_assert_true (g_str_has_prefix (out, "Veto — Test catalog, steps version 3 of "));
  g_assert_cmpstr (err, ==, "");

  /* one that breaks the rules: the bundled one, and a word on stderr */
  g_string_replace (foreign, "https://www.facebook.com/privacy/center", "https://evil.example/privacy", 1);
  write_cache (f, foreign->str);
  run_veto (f, "en", &out2, &err2, "--status", NULL);
  g_assert_null (strstr (out2, "Test catalog"));
  g_assert_nonnull (strstr (err2, "Ignoring the downloaded steps"));

  /* --catalog always wins */
  {
    g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);

    write_cache (f, "[Catalog]\nbroken");
    run_veto (f, "en", &out3, &err3, "--status", catalog_arg, NULL);
    g_assert_true (g_str_has_prefix (out3, "Veto — Test catalog, steps version 3 of "));
    g_assert_cmpstr (err3, ==, "");
  }
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
  ADD ("/cli/status/bundled", test_status_bundled);
  g_test_add ("/cli/status/six-apps/en", Fixture, "en", fixture_set_up, test_status_six_apps, fixture_tear_down);
  g_test_add ("/cli/status/six-apps/fr", Fixture, "fr", fixture_set_up, test_status_six_apps, fixture_tear_down);
  ADD ("/cli/status/errors", test_status_errors);
  ADD ("/cli/status/corrupt", test_status_corrupt);
  ADD ("/cli/status/unwritable", test_status_unwritable);
  ADD ("/cli/bad-catalog-refused", test_bad_catalog_refused);
  ADD ("/cli/check-links/english", test_check_links_english);
  ADD ("/cli/check-links/french", test_check_links_french);
  ADD ("/cli/check-links/all-ok", test_check_links_all_ok);
  ADD ("/cli/check-links/unreachable", test_check_links_unreachable);
  ADD ("/cli/check-links/errors", test_check_links_errors);
  ADD ("/cli/update-catalog/refuses-local", test_update_catalog_refuses_local);
  ADD ("/cli/newest-catalog", test_newest_catalog);

  return g_test_run ();
}
