/* test-cli.c: the real `veto` binary on the command line, with no display
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "test-fixtures.h"
#include "test-server.h"
#include "test-signing.h"

typedef struct
{
  char *tmp;
  char *state_home;
  char *cache_home;
  char *catalog;
  TestServer *ts;
  /* the session bus veto is given, or NULL for none at all */
  char *bus_address;
  /* run with LD_DEBUG=files: the dynamic loader lists on stderr every
   * library it loads, in every program exec'd */
  gboolean ld_debug;
  /* the clock veto runs with, when not the default */
  const char *now;
  /* this test's key pairs, and the public key veto trusts (it runs from
   * the build folder: see veto_signature_get_trusted_key()) */
  char *keys;
  char *catalog_key;
  /* (nullable) a wrapper veto runs under, such as unshare */
  const char * const *prefix;
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmp = g_dir_make_tmp ("veto-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->state_home = g_build_filename (f->tmp, "state", NULL);
  f->cache_home = g_build_filename (f->tmp, "cache", NULL);
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
  g_free (f->catalog);
  g_free (f->bus_address);
  g_free (f->keys);
  g_free (f->catalog_key);
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
  g_autofree char *data_home = g_build_filename (f->tmp, "data", NULL);
  const char *arg;
  va_list args;

  for (guint i = 0; f->prefix != NULL && f->prefix[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)f->prefix[i]);
  g_ptr_array_add (argv, exe);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (f->bus_address != NULL)
    g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", f->bus_address, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", f->state_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", f->cache_home, TRUE);
  /* where Meta's email is kept as proof */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  g_subprocess_launcher_setenv (launcher, "VETO_NOW", f->now != NULL ? f->now : "2026-11-29T10:00:00Z", TRUE);
  g_subprocess_launcher_setenv (launcher, "TZ", "UTC", TRUE);
  /* no system proxy between veto and the test server */
  g_subprocess_launcher_setenv (launcher, "GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  if (f->ld_debug)
    g_subprocess_launcher_setenv (launcher, "LD_DEBUG", "files", TRUE);
  if (f->catalog_key != NULL)
    g_subprocess_launcher_setenv (launcher, "VETO_TEST_CATALOG_KEY", f->catalog_key, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "VETO_TEST_CATALOG_KEY");

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
  /* Instagram's information step is not counted, as on the overview */
  g_assert_nonnull (strstr (out, "Steps finished: 0 of 2."));
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
  g_assert_nonnull (strstr (out, "Démarches terminées\u00a0: 0 sur 2."));
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
  /* an information step read is not a step finished: nothing is left */
  g_assert_nonnull (strstr (out, "Steps finished: 0 of 0."));
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
  g_assert_nonnull (strstr (out, g_str_equal (language, "fr") ? "Où vous vivez\u00a0: France et autres pays de l’Union européenne"
                                                               : "Where you live: France and other European Union countries"));
  g_assert_cmpstr (err, ==, "");
}


/* The real binary, the real catalog: someone who finished steps under
 * catalog version 1 runs `veto --status` after updating to version 3 and is
 * told, in their language, which of their steps changed and how. */
static void
test_status_version_2 (Fixture       *f,
                       gconstpointer  data)
{
  const char *language = data;
  gboolean fr = g_str_equal (language, "fr");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *path = g_build_filename (f->state_home, "veto", "progress.ini", NULL);

  write_progress (f,
                  "[Veto]\nFormat=1\nRegion=uk\nApps=facebook;messenger;\nCatalogVersion=1\n\n"
                  "[Account facebook 1]\nLabel=Perso\n\n[Account messenger 2]\nLabel=\n\n"
                  "[Step facebook-object 1]\nState=confirmed\nSubmitted=2026-11-01T09:00:00Z\nConfirmed=2026-11-01T10:00:00Z\nUpdated=2026-11-01T10:00:00Z\nCatalogVersion=1\n\n"
                  "[Step messenger-reset-ai 2]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=1\n\n"
                  "[Step messenger-ai-chats-not-encrypted]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=1\n\n"
                  "[End]\n");
  g_assert_cmpint (run_veto (f, language, &out, &err, "--status", NULL), ==, 1);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, fr ? "démarches version 3" : "steps version 3"));
  /* the newest change of the step (version 3's), without its [[source]] markers */
  g_assert_nonnull (strstr (out, fr ? "À revérifier\u00a0: Si l’e\u2011mail de Meta vous demandait de confirmer votre opposition par un code ou un lien"
                                    : "Due for a recheck: If Meta’s email asked you to confirm your objection with a code or a link"));
  g_assert_null (strstr (out, "[["));
  g_assert_nonnull (strstr (out, fr ? "À revérifier\u00a0: /reset-ai n’est pas confirmé par Meta"
                                    : "Due for a recheck: /reset-ai is not confirmed by Meta"));
  /* two due, not the step whose change asks nothing of them */
  g_assert_nonnull (strstr (out, fr ? "À revérifier\u00a0: 2." : "Due for a recheck: 2."));
  g_assert_cmpstr (err, ==, "");

  /* the per-account record of a step now done once counted above (two
   * due), but only in memory: --status only reads */
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_null (strstr (saved, "[Step messenger-reset-ai]\n"));
  g_assert_nonnull (strstr (saved, "[Step messenger-reset-ai 2]\nState=done\n"));
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

/* A downloaded catalog in the cache, signed with this test's own key
 * (which veto is then told to trust) as valid until @valid_until, or not
 * signed at all when @valid_until is NULL. */
static void
write_cache_until (Fixture    *f,
                   const char *text,
                   const char *valid_until)
{
  g_autofree char *dir = g_build_filename (f->cache_home, "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "meta.steps", NULL);
  g_autofree char *sig_path = g_build_filename (dir, "meta.steps.minisig", NULL);

  if (f->keys == NULL)
    {
      f->keys = g_build_filename (f->tmp, "keys", NULL);
      f->catalog_key = test_signing_new_key (f->keys, "feed");
    }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_unlink (sig_path);
  if (valid_until != NULL)
    {
      g_autofree char *comment = test_signing_comment (MAX (test_signing_version_of (text), 1), valid_until);
      g_autofree char *sig = test_signing_sign (f->keys, "feed", text, comment, FALSE);

      g_assert_true (g_file_set_contents (sig_path, sig, -1, NULL));
    }
}

/* TEST_CATALOG as a feed would serve it: newer than the bundled steps
 * (version 3), so that a cache Veto keeps is the one it uses */
static char *
dup_newer_test_catalog (void)
{
  g_autoptr(GString) newer = g_string_new (TEST_CATALOG);

  g_assert_cmpuint (g_string_replace (newer, "\nVersion=3\n", "\nVersion=30\n", 1), ==, 1);
  return g_string_free (g_steal_pointer (&newer), FALSE);
}

static void
write_cache (Fixture    *f,
             const char *text)
{
  write_cache_until (f, text, TEST_VALID_UNTIL);
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
  g_autoptr(GString) newer = g_string_new (TEST_CATALOG);
  g_autoptr(GString) foreign = NULL;

  /* a downloaded catalog newer than the bundled one (version 3) */
  g_assert_cmpuint (g_string_replace (newer, "\nVersion=3\n", "\nVersion=30\n", 1), ==, 1);
  foreign = g_string_new (newer->str);
  write_cache (f, newer->str);
  run_veto (f, "en", &out, &err, "--status", NULL);
  g_assert_true (g_str_has_prefix (out, "Veto — Test catalog, steps version 30 of "));
  g_assert_cmpstr (err, ==, "");

  /* one that breaks the rules: the bundled one, and a word on stderr */
  g_string_replace (foreign, "https://www.facebook.com/privacy/center", "https://evil.example/privacy", 1);
  write_cache (f, foreign->str);
  run_veto (f, "en", &out2, &err2, "--status", NULL);
  g_assert_null (strstr (out2, "Test catalog"));
  g_assert_nonnull (strstr (err2, "were ignored"));
  g_assert_nonnull (strstr (err2, "evil.example"));

  /* one planted unsigned, or signed by a key veto does not trust: never
   * used, and said */
  {
    g_autofree char *o = NULL;
    g_autofree char *e = NULL;
    g_autofree char *o2 = NULL;
    g_autofree char *e2 = NULL;
    g_autofree char *expected = g_strdup_printf ("The downloaded steps in %s/veto/meta.steps were ignored: they are not signed. "
                                                 "Veto uses the steps it came with.\n", f->cache_home);
    g_autofree char *trusted = NULL;

    g_autofree char *newer_text = dup_newer_test_catalog ();

    write_cache_until (f, newer_text, NULL);
    run_veto (f, "en", &o, &e, "--status", NULL);
    g_assert_null (strstr (o, "Test catalog"));
    g_assert_cmpstr (e, ==, expected);

    write_cache (f, newer_text);
    trusted = g_steal_pointer (&f->catalog_key);
    f->catalog_key = test_signing_new_key (f->keys, "other");
    run_veto (f, "en", &o2, &e2, "--status", NULL);
    g_assert_null (strstr (o2, "Test catalog"));
    g_assert_nonnull (strstr (e2, "were ignored: they are signed with another key than the one this Veto trusts."));
    g_free (f->catalog_key);
    f->catalog_key = g_steal_pointer (&trusted);
  }

  /* --catalog always wins */
  {
    g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);

    write_cache_until (f, "[Catalog]\nbroken", NULL);
    run_veto (f, "en", &out3, &err3, "--status", catalog_arg, NULL);
    g_assert_true (g_str_has_prefix (out3, "Veto — Test catalog, steps version 3 of "));
    g_assert_cmpstr (err3, ==, "");
  }
}

/* A feed that stopped: past the day the signature gives, --status says
 * the steps may be out of date and when they were last confirmed; before
 * it, nothing. */
static void
test_status_out_of_date (Fixture       *f,
                         gconstpointer  data)
{
  const char *language = data;
  gboolean fr = g_str_equal (language, "fr");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;

  g_autofree char *newer_text = dup_newer_test_catalog ();

  write_progress (f, PROGRESS);
  /* the clock says 2026-11-29T10:00Z: the 27th is over everywhere, the
   * 28th not yet (at UTC-12) */
  write_cache_until (f, newer_text, "2026-11-27");
  g_assert_cmpint (run_veto (f, language, &out, &err, "--status", NULL), ==, 1);
  g_assert_nonnull (strstr (out, fr ? "Catalogue de test" : "Test catalog"));
  g_assert_nonnull (strstr (out, fr ? "Ces démarches ne sont peut-être plus à jour\u00a0: elles ont été confirmées pour la dernière fois le 29\u00a0novembre\u00a02026, et devaient être revérifiées au plus tard le 27\u00a0novembre\u00a02026."
                                    : "These steps may be out of date: they were last confirmed on November 29, 2026, to be checked again by November 27, 2026."));
  g_assert_cmpstr (err, ==, "");

  write_cache_until (f, newer_text, "2026-11-28");
  g_assert_cmpint (run_veto (f, language, &out2, &err2, "--status", NULL), ==, 1);
  g_assert_nonnull (strstr (out2, fr ? "Catalogue de test" : "Test catalog"));
  g_assert_null (strstr (out2, fr ? "plus à jour" : "out of date"));
}

/* A computer with no network at all, as GIO's own network monitor sees
 * it: veto runs in a network namespace of its own (unshare --net), where
 * there is no interface up and no route, so the kernel's netlink monitor
 * reports no network. That is what a laptop in a train meets, not a
 * server that does not answer (an unroutable address is "online"). */
static gboolean
can_unshare_net (void)
{
  const char *argv[] = { "unshare", "--map-root-user", "--net", "true", NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  const char *language = data;
  gboolean fr = g_str_equal (language, "fr");
  static const char * const offline[] = { "unshare", "--map-root-user", "--net", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;

  if (!can_unshare_net ())
    {
      g_test_skip ("unshare --net is not allowed here");
      return;
    }

  write_progress (f, PROGRESS);
  f->prefix = offline;

  /* the bundled catalog's dozens of links: one sentence, no row per link */
  g_assert_cmpint (run_veto (f, language, &out, &err, "--check-links", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, fr ? "Votre ordinateur est hors ligne, les liens n’ont donc pas pu être vérifiés. Connectez-vous à Internet, puis réessayez.\n"
                               : "Your computer is offline, so the links could not be checked. Connect to the internet, then try again.\n");

  /* an update: the same, once, and nothing written */
  g_assert_cmpint (run_veto (f, language, &out2, &err2, "--update-catalog", NULL), ==, 2);
  g_assert_cmpstr (out2, ==, "");
  g_assert_cmpstr (err2, ==, fr ? "Les démarches n’ont pas pu être mises à jour\u00a0: Votre ordinateur est hors ligne\u00a0: Veto n’a pas pu chercher de démarches plus récentes. Rien n’a changé. Connectez-vous à Internet, puis réessayez.\n"
                                : "The steps could not be updated: Your computer is offline, so Veto could not look for newer steps. Nothing changed. Connect to the internet, then try again.\n");
  g_assert_false (g_file_test (f->cache_home, G_FILE_TEST_EXISTS));
}

/* The person's apps first: should the check's time run out, what is left
 * unchecked is about apps they don't use. */
static void
test_check_links_apps_first (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = write_link_catalog (f, "/missing");
  g_autofree char *also_ok = expected_line (f, "OK", "/also-ok", NULL);
  g_autofree char *ok = expected_line (f, "OK", "/ok", NULL);
  g_autofree char *broken = expected_line (f, "Broken", "/missing", "HTTP 404");
  g_autofree char *final = test_server_url (f->ts, "/ok-final");
  g_autofree char *moved_details = g_strconcat ("now leads to ", final, NULL);
  g_autofree char *moved = expected_line (f, "Moved", "/moved", moved_details);
  g_autofree char *expected = g_strconcat (also_ok, ok, broken, moved,
                                           "4 links checked. OK: 2, moved: 1, broken: 1, unreachable: 0.\n",
                                           NULL);

  write_progress (f, "[Veto]\nFormat=2\nRegion=eu\nApps=instagram;\n\n[Account instagram 1]\nLabel=\n\n[End]\n");
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--check-links", catalog_arg, NULL), ==, 1);
  g_assert_cmpstr (out, ==, expected);
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
                                   fr ? "À revérifier depuis le 30\u00a0octobre\u00a02026"
                                      : "Due for a recheck since October 30, 2026");
  g_assert_nonnull (strstr (out, audience_line));
  g_assert_nonnull (strstr (out, fr ? "Démarches terminées\u00a0: 2 sur 2. À revérifier\u00a0: 2."
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

  /* and looking changed nothing: the catalog in use is recorded with the
   * next real change, not by a command that only reads */
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, progress->str);
}


/* A notification service on a private bus that records what it is sent:
 * org.freedesktop.Notifications.Notify or org.gtk.Notifications.AddNotification,
 * whichever it plays. GLib's notification backend picks org.gtk.Notifications
 * when someone owns it, so the two can be told apart. */
typedef struct
{
  GDBusConnection *connection;
  guint            registration_id;
  guint            owner_id;
  gboolean         acquired;
  /* (method name, parameters) of each call, as a GVariant "(s@*)" */
  GPtrArray       *calls;
} Receiver;

static const char fdo_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
  "<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "<signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "</interface></node>";

static const char gtk_xml[] =
  "<node><interface name='org.gtk.Notifications'>"
  "<method name='AddNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='a{sv}' direction='in'/></method>"
  "<method name='RemoveNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/></method>"
  "</interface></node>";

static void
receiver_method_call (GDBusConnection       *connection,
                      const char            *sender,
                      const char            *object_path,
                      const char            *interface_name,
                      const char            *method_name,
                      GVariant              *parameters,
                      GDBusMethodInvocation *invocation,
                      gpointer               user_data)
{
  Receiver *r = user_data;

  g_ptr_array_add (r->calls, g_variant_ref_sink (g_variant_new ("(s@*)", method_name, parameters)));

  if (g_str_equal (method_name, "Notify"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", r->calls->len));
  else if (g_str_equal (method_name, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(['body', 'actions'],)"));
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "Veto", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable receiver_vtable = { receiver_method_call, NULL, NULL, { 0 } };

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  ((Receiver *)user_data)->acquired = TRUE;
}

static Receiver *
receiver_new (const char *address,
              const char *name)
{
  Receiver *r = g_new0 (Receiver, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = NULL;
  gboolean fdo = g_str_equal (name, "org.freedesktop.Notifications");

  r->calls = g_ptr_array_new_with_free_func ((GDestroyNotify)g_variant_unref);
  r->connection = g_dbus_connection_new_for_address_sync (address,
                                                          G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                          G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                          NULL, NULL, &error);
  g_assert_no_error (error);

  info = g_dbus_node_info_new_for_xml (fdo ? fdo_xml : gtk_xml, &error);
  g_assert_no_error (error);
  r->registration_id = g_dbus_connection_register_object (r->connection,
                                                          fdo ? "/org/freedesktop/Notifications" : "/org/gtk/Notifications",
                                                          info->interfaces[0], &receiver_vtable, r, NULL, &error);
  g_assert_no_error (error);

  r->owner_id = g_bus_own_name_on_connection (r->connection, name, G_BUS_NAME_OWNER_FLAGS_NONE,
                                              on_name_acquired, NULL, r, NULL);
  while (!r->acquired)
    g_main_context_iteration (NULL, TRUE);

  return r;
}

static void
receiver_free (Receiver *r)
{
  g_bus_unown_name (r->owner_id);
  g_dbus_connection_unregister_object (r->connection, r->registration_id);
  g_dbus_connection_close_sync (r->connection, NULL, NULL);
  g_clear_object (&r->connection);
  g_ptr_array_unref (r->calls);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Receiver, receiver_free)

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* veto has exited: what it sent is on the bus. Give it a moment to arrive,
 * and a moment more, so that a second call would be seen too. */
static void
receiver_settle (Receiver *r,
                 guint     expected)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, on_timeout, &timed_out);

  while (r->calls->len < expected && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);

  timed_out = FALSE;
  g_timeout_add (300, on_timeout, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static guint
count_calls (Receiver   *r,
             const char *method)
{
  guint n = 0;

  for (guint i = 0; i < r->calls->len; i++)
    {
      const char *name = NULL;

      g_variant_get_child (g_ptr_array_index (r->calls, i), 0, "&s", &name);
      if (g_str_equal (name, method))
        n++;
    }

  return n;
}

static GVariant *
find_call (Receiver   *r,
           const char *method)
{
  for (guint i = 0; i < r->calls->len; i++)
    {
      const char *name = NULL;

      g_variant_get_child (g_ptr_array_index (r->calls, i), 0, "&s", &name);
      if (g_str_equal (name, method))
        return g_variant_get_child_value (g_ptr_array_index (r->calls, i), 1);
    }

  g_assert_not_reached ();
}

/* A private bus per test: tests run two at a time, and two receivers can't
 * own one name. Stopped when it goes out of scope. */
typedef GTestDBus TestBus;

static TestBus *
start_bus (Fixture *f)
{
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  g_test_dbus_up (bus);
  f->bus_address = g_strdup (g_test_dbus_get_bus_address (bus));
  return bus;
}

static void
stop_bus (TestBus *bus)
{
  g_test_dbus_down (bus);
  g_object_unref (bus);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestBus, stop_bus)

/* The title when a change of the catalog made a step due: it leads, as
 * what the person did may no longer hold. */
static const char *
reminder_title (const char *language)
{
  return g_str_equal (language, "fr") ? "Les démarches de Facebook ont changé\u00a0: revérifiez «\u202fS’opposer\u202f»"
                                      : "The steps for Facebook changed: check “Object” again";
}

static void
test_remind_due (Fixture       *f,
                 gconstpointer  data)
{
  const char *language = data;
  gboolean fr = g_str_equal (language, "fr");
  g_autoptr(TestBus) bus = start_bus (f);
  g_autoptr(Receiver) receiver = receiver_new (f->bus_address, "org.freedesktop.Notifications");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autoptr(GVariant) call = NULL;
  g_autoptr(GVariant) hints = NULL;
  g_autofree const char **actions = NULL;
  const char *app_name, *icon, *summary, *body, *desktop_entry = NULL;
  guint32 replaces;
  gint32 timeout;

  write_progress (f, PROGRESS_DUE);
  g_assert_cmpint (run_veto (f, language, &out, &err, "--remind", catalog_arg, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");

  receiver_settle (receiver, 1);
  g_assert_cmpuint (count_calls (receiver, "Notify"), ==, 1);

  call = find_call (receiver, "Notify");
  g_variant_get (call, "(&su&s&s&s^a&s@a{sv}i)", &app_name, &replaces, &icon, &summary, &body,
                 &actions, &hints, &timeout);
  g_test_message ("Notify: %s / %s / %s", app_name, summary, body);
  g_assert_cmpstr (summary, ==, reminder_title (language));
  /* how many, the one the catalog changed first (before the longest
   * due), and what changed */
  g_assert_nonnull (strstr (body, fr ? "2 démarches sont à revérifier, à commencer par S’opposer (Facebook, Perso).\nLe formulaire de Facebook a changé d’adresse."
                                     : "2 steps are due for a recheck, starting with Object (Facebook, Perso).\nThe Facebook form moved."));
  /* it comes from Veto, and clicking it opens Veto: the desktop entry is
   * named, and there is no default action that this process, gone by then,
   * would have to answer */
  g_assert_true (g_variant_lookup (hints, "desktop-entry", "&s", &desktop_entry));
  g_assert_cmpstr (desktop_entry, ==, "io.github.vetoapp.Veto");
  g_assert_true (g_variant_lookup (hints, "image-path", "&s", &icon));
  g_assert_cmpstr (icon, ==, "io.github.vetoapp.Veto");
  g_assert_cmpuint (g_strv_length ((char **)actions), ==, 0);
}

static void
test_remind_reason (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TestBus) bus = start_bus (f);
  g_autoptr(Receiver) receiver = receiver_new (f->bus_address, "org.freedesktop.Notifications");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autoptr(GString) progress = g_string_new (PROGRESS_DUE);
  g_autoptr(GVariant) call = NULL;
  const char *summary, *body;

  /* only the step is due, because the catalog changed it: the title
   * says so (this catalog's "Object" is not an essential form, so it is
   * named, rather than called the objection) */
  g_string_replace (progress, "Updated=2026-08-01T09:00:00Z", "Updated=2026-11-01T09:00:00Z", 1);
  write_progress (f, progress->str);
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--remind", catalog_arg, NULL), ==, 0);

  receiver_settle (receiver, 1);
  g_assert_cmpuint (count_calls (receiver, "Notify"), ==, 1);
  call = find_call (receiver, "Notify");
  g_variant_get_child (call, 3, "&s", &summary);
  g_variant_get_child (call, 4, "&s", &body);
  g_assert_cmpstr (summary, ==, reminder_title ("en"));
  g_assert_cmpstr (body, ==, "One step is due for a recheck: Object (Facebook, Perso).\nThe Facebook form moved.");
}

static void
test_remind_gtk_notifications (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(TestBus) bus = start_bus (f);
  g_autoptr(Receiver) fdo = receiver_new (f->bus_address, "org.freedesktop.Notifications");
  g_autoptr(Receiver) gtk = receiver_new (f->bus_address, "org.gtk.Notifications");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autoptr(GVariant) call = NULL;
  g_autoptr(GVariant) notification = NULL;
  const char *app_id, *id, *title = NULL;

  /* as under GNOME Shell: org.gtk.Notifications is used, and only it */
  write_progress (f, PROGRESS_DUE);
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--remind", catalog_arg, NULL), ==, 0);

  receiver_settle (gtk, 1);
  g_assert_cmpuint (count_calls (gtk, "AddNotification"), ==, 1);
  g_assert_cmpuint (count_calls (fdo, "Notify"), ==, 0);
  call = find_call (gtk, "AddNotification");
  g_variant_get (call, "(&s&s@a{sv})", &app_id, &id, &notification);
  g_assert_cmpstr (app_id, ==, "io.github.vetoapp.Veto");
  g_assert_cmpstr (id, ==, "recheck-due");
  g_assert_true (g_variant_lookup (notification, "title", "&s", &title));
  g_assert_cmpstr (title, ==, reminder_title ("en"));
}

static void
test_remind_nothing_due (Fixture       *f,
                         gconstpointer  data)
{
  const char *language = data;
  g_autoptr(TestBus) bus = start_bus (f);
  g_autoptr(Receiver) receiver = receiver_new (f->bus_address, "org.freedesktop.Notifications");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autoptr(GString) progress = g_string_new (PROGRESS_DUE);
  g_autofree char *progress_path = g_build_filename (f->state_home, "veto", "progress.ini", NULL);

  /* rechecked against version 3: nothing due */
  g_string_replace (progress, "CatalogVersion=2", "CatalogVersion=3", 0);
  g_string_replace (progress, "Updated=2026-08-01T09:00:00Z", "Updated=2026-11-01T09:00:00Z", 1);
  write_progress (f, progress->str);
  g_assert_cmpint (run_veto (f, language, &out, &err, "--remind", catalog_arg, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");

  /* steps still to do are not "due": --status nags about them, --remind doesn't */
  write_progress (f, PROGRESS);
  g_assert_cmpint (run_veto (f, language, &out2, &err2, "--remind", catalog_arg, NULL), ==, 0);

  /* no progress at all: and none is created */
  g_assert_cmpint (g_unlink (progress_path), ==, 0);
  g_assert_cmpint (run_veto (f, language, &out3, &err3, "--remind", NULL), ==, 0);
  g_assert_false (g_file_test (progress_path, G_FILE_TEST_EXISTS));

  receiver_settle (receiver, 0);
  g_assert_cmpuint (receiver->calls->len, ==, 0);
}

static void
test_remind_nothing_due_no_bus (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);

  /* nothing due: the bus is not even looked for */
  f->bus_address = g_strdup ("unix:path=/nonexistent/veto-test-bus");
  write_progress (f, PROGRESS);
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--remind", catalog_arg, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
test_remind_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autoptr(TestBus) bus = NULL;

  write_progress (f, PROGRESS_DUE);

  /* something due, and no session bus */
  f->bus_address = g_strdup ("unix:path=/nonexistent/veto-test-bus");
  g_assert_cmpint (run_veto (f, "en", &out, &err, "--remind", catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "there is no session bus"));

  /* a bus, but nobody to show notifications */
  g_clear_pointer (&f->bus_address, g_free);
  bus = start_bus (f);
  g_assert_cmpint (run_veto (f, "en", &out2, &err2, "--remind", catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err2, "no notification service"));
}

/* The record */

#define PROGRESS_RECORD \
  "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;instagram;\nCatalogVersion=3\n\n" \
  "[Account facebook 1]\nLabel=Perso\n\n" \
  "[Account facebook 2]\nLabel=Travail\n\n" \
  "[Step facebook-object 1]\nState=confirmed\nSubmitted=2026-11-02T09:00:00Z\nConfirmed=2026-11-03T10:00:00Z\n" \
  "Updated=2026-11-03T10:00:00Z\nChecked=2026-11-20T08:00:00Z\n" \
  "FormUrl=https://www.facebook.com/help/contact/6359191084165019\n" \
  "Note=Confirmation reçue par e-mail, référence 123-456.\nCatalogVersion=3\n\n" \
  "[Step facebook-object 2]\nState=submitted\nSubmitted=2026-11-25T09:00:00Z\nUpdated=2026-11-25T09:00:00Z\nCatalogVersion=3\n\n" \
  "[Step facebook-audience 1]\nState=done\nUpdated=2026-08-01T09:00:00Z\nCatalogVersion=3\n\n" \
  "[Step instagram-info]\nState=not-applicable\nUpdated=2026-11-02T09:00:00Z\nCatalogVersion=3\n\n" \
  "[End]\n"

/* TEST_CATALOG with Facebook's form as the objection it is in the real
 * catalog: the record sets it out on page 1. */
static void
write_record_catalog (Fixture *f)
{
  g_autoptr(GString) text = g_string_new (TEST_CATALOG);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (text, "[Step facebook-object]\n",
                                      "[Step facebook-object]\nEssential=true\nAnswerMonths=1\n"
                                      "RecordTitle=Objection to AI training\n"
                                      "RecordTitle[fr]=Opposition à l’entraînement de l’IA\n", 1), ==, 1);
  g_file_set_contents (f->catalog, text->str, -1, &error);
  g_assert_no_error (error);
}

/* Runs a poppler tool; skips the test when it is not installed. */
static char *
run_tool (const char *tool,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_find_program_in_path (tool);
  char *out = NULL;
  const char *arg;
  va_list args;

  if (path == NULL)
    return NULL;

  g_ptr_array_add (argv, path);
  va_start (args, tool);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *)argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));

  return out;
}

static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  const char *language = data;
  gboolean fr = g_str_equal (language, "fr");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autofree char *pdf = g_build_filename (f->tmp, "record.pdf", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *png_base = g_strdup_printf ("record-%s", language);
  g_autofree char *png_prefix = g_test_build_filename (G_TEST_BUILT, png_base, NULL);
  g_autofree char *png = g_strconcat (png_prefix, ".png", NULL);
  g_autofree char *txt = g_strconcat (png_prefix, ".txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *png_data = NULL;
  gsize png_len;

  write_progress (f, PROGRESS_RECORD);
  write_record_catalog (f);

  /* no display, no bus: run_veto gives it neither */
  g_assert_cmpint (run_veto (f, language, &out, &err, export_arg, catalog_arg, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, pdf));

  text = run_tool ("pdftotext", "-layout", pdf, "-", NULL);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* kept beside the PNG below, in UTF-8, for a person to read */
  g_assert_true (g_file_set_contents (txt, text, -1, NULL));

  /* The no-break space before French punctuation is drawn with the space's
   * glyph, and pdftotext gives it back as a plain space. */
#define HAS(en_text, fr_text) G_STMT_START { \
    g_autoptr(GString) expected = g_string_new (fr ? fr_text : en_text); \
    g_string_replace (expected, "\u00a0", " ", 0); \
    g_string_replace (expected, "\u202f", " ", 0); \
    if (strstr (text, expected->str) == NULL) \
      g_error ("The %s record lacks “%s”", language, expected->str); \
  } G_STMT_END
  HAS ("Record of objections to Meta’s AI training",
       "Dossier des oppositions à l’entraînement de l’IA de Meta");
  HAS ("Exported on November 29, 2026 with Veto",
       "Exporté le 29\u00a0novembre\u00a02026 avec Veto");
  HAS ("Where you live: European Union",
       "Où vous vivez\u00a0: Union européenne");
  HAS ("Steps used: Test catalog, version 3, published November 29, 2026.",
       "Démarches utilisées\u00a0: Catalogue de test, version 3, publiée le 29\u00a0novembre\u00a02026.");
  HAS ("Steps finished: 2 of 4. Due for a recheck: 1.",
       "Démarches terminées\u00a0: 2 sur 4. À revérifier\u00a0: 1.");

  /* the objections first, per account, with the text sent and the
   * answer due */
  HAS ("Objections to Meta", "Oppositions adressées à Meta");
  HAS ("Facebook — Perso", "Facebook — Perso");
  HAS ("Facebook — Travail", "Facebook — Travail");
  HAS ("Objection: Objection to AI training", "Opposition\u00a0: Opposition à l’entraînement de l’IA");
  HAS ("State: Confirmed by Meta on November 3, 2026", "État\u00a0: Confirmée par Meta le 3\u00a0novembre\u00a02026");
  HAS ("Submitted: November 2, 2026", "Date d’envoi\u00a0: 2\u00a0novembre\u00a02026");
  HAS ("Meta’s answer: confirmation, on November 3, 2026", "Réponse de Meta\u00a0: confirmation, le 3\u00a0novembre\u00a02026");
  HAS ("Last checked: November 20, 2026", "Dernière vérification\u00a0: 20\u00a0novembre\u00a02026");
  /* the catalog's text has no French: the English one, as sent */
  HAS ("Text sent, as Veto proposed it: I object to Meta using my information for AI.",
       "Texte envoyé, tel que Veto l’a proposé\u00a0: I object to Meta using my information for AI.");
  HAS ("Form used: https://www.facebook.com/help/contact/6359191084165019",
       "Formulaire utilisé\u00a0: https://www.facebook.com/help/contact/6359191084165019");
  HAS ("Note: Confirmation reçue par e-mail, référence 123-456.",
       "Note\u00a0: Confirmation reçue par e-mail, référence 123-456.");
  HAS ("State: Sent on November 25, 2026; answer due before December 26, 2026",
       "État\u00a0: Envoyée le 25\u00a0novembre\u00a02026\u202f; réponse attendue avant le 26\u00a0décembre\u00a02026");
  HAS ("Submitted: November 25, 2026", "Date d’envoi\u00a0: 25\u00a0novembre\u00a02026");
  HAS ("Answer due by: December 25, 2026", "Échéance de la réponse\u00a0: 25\u00a0décembre\u00a02026");
  /* then the annex, on a page of its own */
  HAS ("Annex: the other steps", "Annexe\u00a0: les autres démarches");
  HAS ("Due for a recheck since October 30, 2026", "À revérifier depuis le 30\u00a0octobre\u00a02026");
  HAS ("State: Not applicable", "État\u00a0: Sans objet");
  HAS ("Instagram", "Instagram");
  HAS ("Page 1 of 2", "Page 1 sur 2");
  HAS ("Page 2 of 2", "Page 2 sur 2");
#undef HAS

  info = run_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "CreationDate:    Sun Nov 29 10:00:00 2026 UTC"));

  /* a page to look at: build/tests/record-LANG.png */
  g_free (run_tool ("pdftoppm", "-png", "-r", "60", "-singlefile", pdf, png_prefix, NULL));
  g_assert_true (g_file_get_contents (png, &png_data, &png_len, NULL));
  g_assert_true (png_len > 8 && memcmp (png_data, "\x89PNG", 4) == 0);
  g_test_message ("first page rendered to %s", png);
}

static void
test_export_pages (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autofree char *pdf = g_build_filename (f->tmp, "long.pdf", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", pdf, NULL);
  g_autoptr(GString) progress = g_string_new (PROGRESS_RECORD);
  g_autoptr(GString) note = g_string_new ("Note=");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *pages;
  guint n_pages;

  /* a note of 150 lines runs over several pages, and nothing is lost */
  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (note, "Line %u of a long note.\\n", i);
  g_string_append (note, "The end.\n");
  g_string_replace (progress, "Note=Confirmation reçue par e-mail, référence 123-456.\n", note->str, 1);
  write_progress (f, progress->str);

  g_assert_cmpint (run_veto (f, "en", &out, &err, export_arg, catalog_arg, NULL), ==, 0);
  text = run_tool ("pdftotext", "-layout", pdf, "-", NULL);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  info = run_tool ("pdfinfo", pdf, NULL);
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  n_pages = (guint)g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (n_pages, >=, 3);
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i, n_pages);

      g_assert_nonnull (strstr (text, footer));
    }
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("Line %u of a long note.", i);

      g_assert_nonnull (strstr (text, line));
    }
  g_assert_nonnull (strstr (text, "The end."));
  /* what comes after the note is still there */
  g_assert_nonnull (strstr (text, "Instagram"));
}

static void
test_export_markdown (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autofree char *md = g_build_filename (f->tmp, "Record.MD", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", md, NULL);
  g_autofree char *text = NULL;

  write_progress (f, PROGRESS_RECORD);
  write_record_catalog (f);
  g_assert_cmpint (run_veto (f, "fr", &out, &err, export_arg, catalog_arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "# Dossier des oppositions à l’entraînement de l’IA de Meta\n"));
  /* the real binary, in French: the objections come first */
  g_assert_nonnull (strstr (text, "\n## Oppositions adressées à Meta\n\n### Facebook — Perso\n\n"
                                  "- **Application\u00a0:** Facebook\n- **Compte\u00a0:** Perso\n"
                                  "- **Opposition\u00a0:** Opposition à l’entraînement de l’IA\n"
                                  "- **État\u00a0:** Confirmée par Meta le 3\u00a0novembre\u00a02026\n"
                                  "- **Date d’envoi\u00a0:** 2\u00a0novembre\u00a02026\n"));
  g_assert_true (strstr (text, "\n## Oppositions adressées à Meta\n") < strstr (text, "\n## Annexe\u00a0: les autres démarches\n"));
}

static void
test_export_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autofree char *missing = g_build_filename (f->tmp, "no-such-folder", "record.pdf", NULL);
  g_autofree char *missing_arg = g_strconcat ("--export=", missing, NULL);
  g_autofree char *fine = g_build_filename (f->tmp, "record.pdf", NULL);
  g_autofree char *fine_arg = g_strconcat ("--export=", fine, NULL);

  /* nothing chosen yet: nothing to prove, and no empty file */
  g_assert_cmpint (run_veto (f, "en", &out, &err, fine_arg, catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Nothing to report yet"));
  g_assert_false (g_file_test (fine, G_FILE_TEST_EXISTS));

  write_progress (f, PROGRESS_RECORD);
  g_assert_cmpint (run_veto (f, "en", &out2, &err2, missing_arg, catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err2, "The record could not be saved as"));
  g_assert_nonnull (strstr (err2, missing));
  g_assert_cmpstr (out2, ==, "");

  g_assert_cmpint (run_veto (f, "fr", &out3, &err3, missing_arg, catalog_arg, NULL), ==, 2);
  g_assert_nonnull (strstr (err3, "Le fichier n’a pas pu être enregistré sous"));
}

/* Whether the dynamic loader's log (LD_DEBUG=files) shows @library loaded */
static gboolean
loaded (const char *log,
        const char *library)
{
  g_autofree char *needle = g_strconcat ("file=", library, NULL);

  return strstr (log, needle) != NULL;
}

/* How many programs linked to GLib ran: the loader maps GLib once in each */
static guint
glib_programs (const char *log)
{
  guint n = 0;

  for (const char *p = log; (p = strstr (p, "file=libglib-2.0.so.0 [0];  generating link map")) != NULL; p++)
    n++;

  return n;
}

/* Every command runs, from the real `veto`, in a process that never loads
 * GTK or libadwaita; --status, --remind and a Markdown export load neither
 * libsoup, Pango nor cairo; libsoup and GMime come (with Veto's network
 * module) only for what talks HTTP: not for a PDF. The launcher picks the
 * program at once: one program with GLib runs, not veto-cli then
 * veto-cli-full. */
static void
test_no_gtk (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autofree char *md = g_build_filename (f->tmp, "record.md", NULL);
  g_autofree char *md_arg = g_strconcat ("--export=", md, NULL);
  g_autofree char *pdf = g_build_filename (f->tmp, "record.pdf", NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *links_catalog = g_build_filename (f->tmp, "links.steps", NULL);
  g_autofree char *links_arg = g_strconcat ("--catalog=", links_catalog, NULL);
  g_autofree char *ok_url = test_server_url (f->ts, "/ok");
  g_autoptr(GString) links_text = g_string_new (TEST_CATALOG);
  struct {
    const char *args[3];
    int status;
    gboolean light;
    gboolean net;
  } runs[] = {
    { { "--status", catalog_arg, NULL }, 1, TRUE, FALSE },
    { { md_arg, catalog_arg, NULL }, 0, TRUE, FALSE },
    { { "--remind", catalog_arg, NULL }, 0, TRUE, FALSE },
    { { pdf_arg, catalog_arg, NULL }, 0, FALSE, FALSE },
    { { "--check-links", links_arg, NULL }, 0, FALSE, TRUE },
    /* refused before any download: --catalog names the steps */
    { { "--update-catalog", catalog_arg, NULL }, 2, FALSE, FALSE },
  };

  /* every link of the catalog on one OK page of the test server */
  g_string_replace (links_text, "https://www.facebook.com/help/contact/6359191084165019", ok_url, 0);
  g_string_replace (links_text, "https://www.facebook.com/help/contact/712876720715583", ok_url, 0);
  g_string_replace (links_text, "https://about.fb.com/news/2024/09/building-ai-technology-for-the-uk-in-a-responsible-and-transparent-way/", ok_url, 0);
  g_string_replace (links_text, "https://www.facebook.com/privacy/center", ok_url, 0);
  g_string_replace (links_text, "https://privacycenter.instagram.com/privacy/genai", ok_url, 0);
  g_assert_true (g_file_set_contents (links_catalog, links_text->str, -1, NULL));
  write_progress (f, PROGRESS);
  f->ld_debug = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_veto (f, "en", &out, &err, runs[i].args[0], runs[i].args[1], NULL),
                       ==, runs[i].status);
      /* the log is there: this check can fail */
      g_assert_true (loaded (err, "libglib-2.0.so"));
      g_assert_cmpuint (glib_programs (err), ==, 1);
      g_assert_false (loaded (err, "libgtk-4.so"));
      g_assert_false (loaded (err, "libadwaita-1.so"));
      g_assert_false (loaded (err, "libEGL") || loaded (err, "libGL"));
      if (runs[i].light)
        {
          g_assert_false (loaded (err, "libsoup-3.0.so"));
          g_assert_false (loaded (err, "libpango-1.0.so"));
          g_assert_false (loaded (err, "libcairo.so"));
        }
      g_assert_true (loaded (err, "libsoup-3.0.so") == runs[i].net);
      g_assert_true (loaded (err, "libgmime-3.0.so") == runs[i].net);
      g_assert_true ((strstr (err, "/libveto-net.so") != NULL) == runs[i].net);
    }

  g_assert_true (g_file_test (md, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

/* `--export=` names no file; a device, a pipe or a folder is never
 * replaced (as root, --export=/dev/null replaced the device). */
static void
test_export_targets (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *catalog_arg = g_strconcat ("--catalog=", f->catalog, NULL);
  g_autofree char *fifo = g_build_filename (f->tmp, "pipe.md", NULL);
  g_autofree char *fifo_arg = g_strconcat ("--export=", fifo, NULL);
  g_autofree char *folder_arg = g_strconcat ("--export=", f->tmp, NULL);
  const char *targets[] = { "--export=/dev/null", fifo_arg, folder_arg, "--export=/dev/null.md" };
  GStatBuf buf;

  write_progress (f, PROGRESS);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run_veto (f, "en", &out, &err, "--export=", catalog_arg, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "--export needs the name of the file to write"));
  }

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_veto (f, "en", &out, &err, targets[i], catalog_arg, NULL), ==, 2);
      g_assert_nonnull (strstr (err, "exists and is not a regular file"));
      g_assert_cmpstr (out, ==, "");
    }

  g_assert_cmpint (g_stat ("/dev/null", &buf), ==, 0);
  g_assert_true (S_ISCHR (buf.st_mode));
  g_assert_cmpint (g_stat (fifo, &buf), ==, 0);
  g_assert_true (S_ISFIFO (buf.st_mode));
}

/* A named pipe as the progress file blocked --status and --export
 * forever: it is unreadable, with the usual message, at once. */
static void
test_progress_fifo (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->state_home, "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autofree char *md = g_build_filename (f->tmp, "record.md", NULL);
  g_autofree char *md_arg = g_strconcat ("--export=", md, NULL);
  const char *commands[] = { "--status", md_arg };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      gint64 start = g_get_monotonic_time ();

      g_assert_cmpint (run_veto (f, "en", &out, &err, commands[i], NULL), ==, 2);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
      g_assert_nonnull (strstr (err, "Your progress could not be read"));
      g_assert_nonnull (strstr (err, "is not a regular file"));
    }
  g_assert_false (g_file_test (md, G_FILE_TEST_EXISTS));
}

/* A file an older Veto wrote (Format=1, steps recorded against catalog
 * version 1, a per-account record of a step now done once): every command
 * that only reads, and a refused one, leaves it byte for byte; the first
 * change the person makes upgrades it, and keeps it as it was beside it. */
#define PROGRESS_FORMAT_1 \
  "[Veto]\nFormat=1\nRegion=uk\nApps=facebook;messenger;\nCatalogVersion=1\n\n" \
  "[Account facebook 1]\nLabel=Perso\n\n[Account messenger 2]\nLabel=\n\n" \
  "[Step facebook-object 1]\nState=submitted\nSubmitted=2026-11-01T09:00:00Z\nUpdated=2026-11-01T09:00:00Z\nCatalogVersion=1\n\n" \
  "[Step messenger-reset-ai 2]\nState=done\nUpdated=2026-11-20T09:00:00Z\nCatalogVersion=1\n\n" \
  "[End]\n"

static void
assert_progress_is (Fixture    *f,
                    const char *expected,
                    const char *after)
{
  g_autofree char *path = g_build_filename (f->state_home, "veto", "progress.ini", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  if (len != strlen (expected) || memcmp (contents, expected, len) != 0)
    g_error ("%s rewrote the progress file:\n%s", after, contents);
}

static void
test_read_only_commands (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *md = g_build_filename (f->tmp, "record.md", NULL);
  g_autofree char *pdf = g_build_filename (f->tmp, "record.pdf", NULL);
  g_autofree char *md_arg = g_strconcat ("--export=", md, NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *links_arg = write_link_catalog (f, "/missing");
  g_autofree char *early = g_test_build_filename (G_TEST_DIST, "data", "email", "facebook-too-early.eml", NULL);
  g_autofree char *early_arg = g_strconcat ("--attach-email=", early, NULL);
  g_autofree char *not_email = g_test_build_filename (G_TEST_DIST, "data", "email", "not-an-email.eml", NULL);
  g_autofree char *not_email_arg = g_strconcat ("--attach-email=", not_email, NULL);
  g_autofree char *confirmation = g_test_build_filename (G_TEST_DIST, "data", "email", "facebook-confirmation.eml", NULL);
  g_autofree char *confirmation_arg = g_strconcat ("--attach-email=", confirmation, NULL);
  g_autofree char *dir = g_build_filename (f->state_home, "veto", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.ini", NULL);
  g_autofree char *copy = g_build_filename (dir, "progress.ini.format-1", NULL);
  g_autoptr(TestBus) bus = start_bus (f);
  g_autoptr(Receiver) receiver = receiver_new (f->bus_address, "org.freedesktop.Notifications");
  struct {
    const char *args[3];
    int status;
    const char *says;
  } runs[] = {
    /* the bundled catalog, newer than version 1: what it adopts and
     * stamps stays in memory */
    { { "--status", NULL }, 1, "Due for a recheck" },
    { { md_arg, NULL }, 0, "Your record was saved" },
    { { pdf_arg, NULL }, 0, "Your record was saved" },
    { { "--remind", NULL }, 0, "" },
    { { "--check-links", links_arg, NULL }, 1, "4 links checked." },
    /* refused once the progress is read: Meta cannot answer before the form was sent */
    { { early_arg, NULL }, 2, "" },
    /* refused before */
    { { not_email_arg, NULL }, 2, "" },
    /* refused: an answer dated after today */
    { { confirmation_arg, NULL }, 2, "" },
    /* refused: --update-catalog with --catalog */
    { { "--update-catalog", links_arg, NULL }, 2, "" },
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *upgraded = NULL;
  g_autofree char *kept = NULL;
  GStatBuf st;

  write_progress (f, PROGRESS_FORMAT_1);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *o = NULL;
      g_autofree char *e = NULL;

      g_assert_cmpint (run_veto (f, "en", &o, &e, runs[i].args[0], runs[i].args[1], NULL), ==, runs[i].status);
      g_assert_nonnull (strstr (o, runs[i].says));
      assert_progress_is (f, PROGRESS_FORMAT_1, runs[i].args[0]);
      g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
    }
  /* --remind did remind: it read the file, it did not only exit */
  receiver_settle (receiver, 1);
  g_assert_cmpuint (count_calls (receiver, "Notify"), ==, 1);

  /* a change: Meta's confirmation kept as proof, once it has come */
  f->now = "2026-12-02T10:00:00Z";
  g_assert_cmpint (run_veto (f, "en", &out, &err, confirmation_arg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &upgraded, NULL, NULL));
  g_assert_nonnull (strstr (upgraded, "[Veto]\nFormat=2\n"));
  g_assert_nonnull (strstr (upgraded, "State=confirmed\n"));
  /* and what was only in memory until then: the adopted record */
  g_assert_nonnull (strstr (upgraded, "[Step messenger-reset-ai]\nState=done\n"));

  /* the file as the older Veto wrote it, byte for byte, as private */
  g_assert_true (g_file_get_contents (copy, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, PROGRESS_FORMAT_1);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* a second change keeps that copy as it is, and makes no other */
  {
    g_autofree char *o = NULL;
    g_autofree char *e = NULL;
    g_autoptr(GDir) folder = NULL;
    const char *name;
    guint n = 0;

    g_assert_true (g_file_set_contents (copy, "the oldest copy\n", -1, NULL));
    write_progress (f, PROGRESS_FORMAT_1);
    g_assert_cmpint (run_veto (f, "en", &o, &e, confirmation_arg, NULL), ==, 0);
    g_clear_pointer (&kept, g_free);
    g_assert_true (g_file_get_contents (copy, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "the oldest copy\n");
    folder = g_dir_open (dir, 0, NULL);
    while ((name = g_dir_read_name (folder)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
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
  g_test_add ("/cli/status/version-2/en", Fixture, "en", fixture_set_up, test_status_version_2, fixture_tear_down);
  g_test_add ("/cli/status/version-2/fr", Fixture, "fr", fixture_set_up, test_status_version_2, fixture_tear_down);
  ADD ("/cli/read-only-commands", test_read_only_commands);
  g_test_add ("/cli/offline/en", Fixture, "en", fixture_set_up, test_offline, fixture_tear_down);
  g_test_add ("/cli/offline/fr", Fixture, "fr", fixture_set_up, test_offline, fixture_tear_down);
  ADD ("/cli/check-links/apps-first", test_check_links_apps_first);
  g_test_add ("/cli/status/out-of-date/en", Fixture, "en", fixture_set_up, test_status_out_of_date, fixture_tear_down);
  g_test_add ("/cli/status/out-of-date/fr", Fixture, "fr", fixture_set_up, test_status_out_of_date, fixture_tear_down);
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

  g_test_add ("/cli/status/due/en", Fixture, "en", fixture_set_up, test_status_due, fixture_tear_down);
  g_test_add ("/cli/status/due/fr", Fixture, "fr", fixture_set_up, test_status_due, fixture_tear_down);
  ADD ("/cli/status/rechecked", test_status_rechecked);
  g_test_add ("/cli/export/pdf/en", Fixture, "en", fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/cli/export/pdf/fr", Fixture, "fr", fixture_set_up, test_export_pdf, fixture_tear_down);
  ADD ("/cli/export/pages", test_export_pages);
  ADD ("/cli/export/markdown", test_export_markdown);
  ADD ("/cli/export/errors", test_export_errors);
  g_test_add ("/cli/remind/due/en", Fixture, "en", fixture_set_up, test_remind_due, fixture_tear_down);
  g_test_add ("/cli/remind/due/fr", Fixture, "fr", fixture_set_up, test_remind_due, fixture_tear_down);
  ADD ("/cli/remind/reason", test_remind_reason);
  ADD ("/cli/remind/gtk-notifications", test_remind_gtk_notifications);
  g_test_add ("/cli/remind/nothing-due/en", Fixture, "en", fixture_set_up, test_remind_nothing_due, fixture_tear_down);
  g_test_add ("/cli/remind/nothing-due/fr", Fixture, "fr", fixture_set_up, test_remind_nothing_due, fixture_tear_down);
  ADD ("/cli/remind/nothing-due-no-bus", test_remind_nothing_due_no_bus);
  ADD ("/cli/remind/errors", test_remind_errors);
  ADD ("/cli/no-gtk", test_no_gtk);
  ADD ("/cli/export/targets", test_export_targets);
  ADD ("/cli/progress-fifo", test_progress_fifo);

  return g_test_run ();
}
