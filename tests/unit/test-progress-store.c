/* test-progress-store.c: the person's progress on disk
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>

#include "veto-i18n.h"
#include "veto-progress-store.h"

typedef struct
{
  char      *dir;      /* $XDG_STATE_HOME/veto */
  char      *path;     /* .../progress.ini */
  GFile     *file;
  VetoClock *clock;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 29, 10, 30, 0);

  /* G_TEST_OPTION_ISOLATE_DIRS gives each test its own state folder */
  f->dir = g_build_filename (g_get_user_state_dir (), "veto", NULL);
  f->path = g_build_filename (f->dir, "progress.ini", NULL);
  f->file = g_file_new_for_path (f->path);
  f->clock = veto_clock_new_fixed (now);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->file);
  g_clear_object (&f->clock);
  g_free (f->dir);
  g_free (f->path);
}

static VetoProgressStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VetoProgressStore *store = veto_progress_store_new (f->file, f->clock);

  g_assert_true (veto_progress_store_load (store, &error));
  g_assert_no_error (error);

  return store;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (Fixture    *f,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  g_file_set_contents (f->path, contents, len, &error);
  g_assert_no_error (error);
}

/* Every file in the state folder, sorted, for "nothing else was touched" */
static GStrv
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  g_ptr_array_add (names, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
test_fresh (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  g_auto(GStrv) apps = veto_progress_store_dup_apps (store);
  struct stat st;

  g_assert_true (veto_progress_store_get_is_new (store));
  g_assert_false (veto_progress_store_get_read_only (store));
  g_assert_null (veto_progress_store_get_recovered_file (store));
  g_assert_null (veto_progress_store_get_region (store));
  g_assert_cmpuint (g_strv_length (apps), ==, 0);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_TODO);

  /* nothing is written until something changes */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  veto_progress_store_set_region (store, "eu");
  g_assert_false (veto_progress_store_get_is_new (store));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));

  /* private: the folder 0700, the file 0600 */
  g_assert_cmpint (g_stat (f->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_permissions_tightened (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);

  store = open_store (f);
  veto_progress_store_set_region (store, "uk");

  g_assert_cmpint (g_stat (f->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  g_autoptr(VetoProgressStore) again = NULL;
  g_autoptr(GDateTime) submitted = NULL;
  g_autoptr(GDateTime) confirmed = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) expected_submitted = g_date_time_new_utc (2026, 11, 29, 10, 30, 0);
  g_autoptr(GDateTime) expected_confirmed = g_date_time_new_utc (2026, 11, 30, 10, 30, 0);
  g_auto(GStrv) apps = NULL;
  g_auto(GStrv) fb_accounts = NULL;
  g_auto(GStrv) ig_accounts = NULL;
  g_autofree char *work = NULL;
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  g_autofree char *url = NULL;

  veto_progress_store_set_region (store, "eu");
  veto_progress_store_set_language (store, "fr");
  veto_progress_store_set_catalog_version (store, 3);
  veto_progress_store_set_app (store, "facebook", TRUE);
  veto_progress_store_set_app (store, "instagram", TRUE);

  /* choosing an app gives it one account */
  fb_accounts = veto_progress_store_dup_accounts (store, "facebook");
  g_assert_cmpuint (g_strv_length (fb_accounts), ==, 1);
  veto_progress_store_set_account_label (store, "facebook", fb_accounts[0], "Personnel");
  work = veto_progress_store_add_account (store, "facebook", "Travail ; équipe [2]");

  veto_progress_store_set_state (store, "facebook-object", fb_accounts[0], VETO_STEP_STATE_SUBMITTED);
  veto_progress_store_set_form_url (store, "facebook-object", fb_accounts[0],
                                    "https://www.facebook.com/help/contact/6359191084165019");
  veto_progress_store_set_note (store, "facebook-object", fb_accounts[0],
                                "Code reçu par e-mail.\nDeuxième ligne ; fin");
  veto_clock_advance (f->clock, G_TIME_SPAN_DAY);
  veto_progress_store_set_state (store, "facebook-object", fb_accounts[0], VETO_STEP_STATE_CONFIRMED);
  veto_progress_store_set_state (store, "facebook-object", work, VETO_STEP_STATE_SKIPPED);
  veto_progress_store_set_state (store, "instagram-info", NULL, VETO_STEP_STATE_DONE);

  /* a second store reads back exactly what the first wrote */
  again = open_store (f);
  g_assert_false (veto_progress_store_get_is_new (again));
  g_assert_cmpstr (veto_progress_store_get_region (again), ==, "eu");
  g_assert_cmpstr (veto_progress_store_get_language (again), ==, "fr");
  g_assert_cmpint (veto_progress_store_get_catalog_version (again), ==, 3);

  apps = veto_progress_store_dup_apps (again);
  g_assert_cmpuint (g_strv_length (apps), ==, 2);
  g_assert_cmpstr (apps[0], ==, "facebook");
  g_assert_cmpstr (apps[1], ==, "instagram");

  g_clear_pointer (&fb_accounts, g_strfreev);
  fb_accounts = veto_progress_store_dup_accounts (again, "facebook");
  g_assert_cmpuint (g_strv_length (fb_accounts), ==, 2);
  g_assert_cmpstr (fb_accounts[1], ==, work);
  label = veto_progress_store_dup_account_label (again, "facebook", fb_accounts[0]);
  g_assert_cmpstr (label, ==, "Personnel");
  g_clear_pointer (&label, g_free);
  label = veto_progress_store_dup_account_label (again, "facebook", work);
  g_assert_cmpstr (label, ==, "Travail ; équipe [2]");

  /* account ids are unique across apps */
  ig_accounts = veto_progress_store_dup_accounts (again, "instagram");
  g_assert_cmpuint (g_strv_length (ig_accounts), ==, 1);
  g_assert_false (g_strv_contains ((const char * const *)fb_accounts, ig_accounts[0]));

  g_assert_cmpint (veto_progress_store_get_state (again, "facebook-object", fb_accounts[0]), ==, VETO_STEP_STATE_CONFIRMED);
  g_assert_cmpint (veto_progress_store_get_state (again, "facebook-object", work), ==, VETO_STEP_STATE_SKIPPED);
  g_assert_cmpint (veto_progress_store_get_state (again, "instagram-info", NULL), ==, VETO_STEP_STATE_DONE);
  g_assert_cmpint (veto_progress_store_get_state (again, "instagram-info", "1"), ==, VETO_STEP_STATE_TODO);

  submitted = veto_progress_store_dup_submitted (again, "facebook-object", fb_accounts[0]);
  confirmed = veto_progress_store_dup_confirmed (again, "facebook-object", fb_accounts[0]);
  g_assert_true (g_date_time_equal (submitted, expected_submitted));
  g_assert_true (g_date_time_equal (confirmed, expected_confirmed));

  note = veto_progress_store_dup_note (again, "facebook-object", fb_accounts[0]);
  g_assert_cmpstr (note, ==, "Code reçu par e-mail.\nDeuxième ligne ; fin");
  url = veto_progress_store_dup_form_url (again, "facebook-object", fb_accounts[0]);
  g_assert_cmpstr (url, ==, "https://www.facebook.com/help/contact/6359191084165019");

  /* each state was recorded against catalog version 3 */
  g_assert_cmpint (veto_progress_store_get_step_catalog_version (again, "facebook-object", fb_accounts[0]), ==, 3);
  g_assert_cmpint (veto_progress_store_get_step_catalog_version (again, "instagram-info", NULL), ==, 3);
  g_assert_cmpint (veto_progress_store_get_step_catalog_version (again, "facebook-audience", fb_accounts[0]), ==, 0);

  /* marking it submitted again keeps the first date: it counts for Meta's deadline */
  veto_clock_advance (f->clock, G_TIME_SPAN_DAY);
  veto_progress_store_set_state (again, "facebook-object", fb_accounts[0], VETO_STEP_STATE_SUBMITTED);
  later = veto_progress_store_dup_submitted (again, "facebook-object", fb_accounts[0]);
  g_assert_true (g_date_time_equal (later, expected_submitted));

  /* back to "to do" clears the dates */
  veto_progress_store_set_state (again, "facebook-object", fb_accounts[0], VETO_STEP_STATE_TODO);
  g_assert_null (veto_progress_store_dup_submitted (again, "facebook-object", fb_accounts[0]));
}

static void
test_catalog_version (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  g_autoptr(VetoProgressStore) again = NULL;
  g_autoptr(GDateTime) checked = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GDateTime) expected_checked = g_date_time_new_utc (2026, 12, 9, 10, 30, 0);
  g_autoptr(GDateTime) expected_updated = g_date_time_new_utc (2026, 11, 29, 10, 30, 0);
  g_autofree char *contents = NULL;

  /* a store that was never saved keeps the version in memory: opening Veto
   * or running --status creates no file */
  veto_progress_store_set_catalog_version (store, 2);
  g_assert_cmpint (veto_progress_store_get_catalog_version (store), ==, 2);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_true (veto_progress_store_get_is_new (store));

  /* the first real change writes it, and stamps the step with it */
  veto_progress_store_set_state (store, "facebook-object", "1", VETO_STEP_STATE_DONE);
  contents = read_file (f->path);
  g_assert_nonnull (strstr (contents, "[Veto]\nFormat=2\nCatalogVersion=2\n"));
  g_assert_nonnull (strstr (contents, "[Step facebook-object 1]\nState=done\nUpdated=2026-11-29T10:30:00Z\nCatalogVersion=2\n"));

  /* a newer catalog; a recheck stamps the step with it and keeps the state */
  veto_progress_store_set_catalog_version (store, 5);
  veto_clock_advance (f->clock, 10 * G_TIME_SPAN_DAY);
  veto_progress_store_mark_checked (store, "facebook-object", "1");

  again = open_store (f);
  g_assert_cmpint (veto_progress_store_get_catalog_version (again), ==, 5);
  g_assert_cmpint (veto_progress_store_get_step_catalog_version (again, "facebook-object", "1"), ==, 5);
  g_assert_cmpint (veto_progress_store_get_state (again, "facebook-object", "1"), ==, VETO_STEP_STATE_DONE);
  checked = veto_progress_store_dup_checked (again, "facebook-object", "1");
  updated = veto_progress_store_dup_updated (again, "facebook-object", "1");
  g_assert_true (g_date_time_equal (checked, expected_checked));
  g_assert_true (g_date_time_equal (updated, expected_updated));

  /* a step never touched, or written by an older Veto, has no version */
  g_assert_cmpint (veto_progress_store_get_step_catalog_version (again, "facebook-object", "2"), ==, 0);

  /* forgetting the progress does not forget which catalog is in use */
  veto_progress_store_reset (again);
  g_assert_cmpint (veto_progress_store_get_catalog_version (again), ==, 5);
  g_assert_cmpint (veto_progress_store_get_step_catalog_version (again, "facebook-object", "1"), ==, 0);
}

static void
count_changes (VetoProgressStore *store,
               guint             *count)
{
  (*count)++;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  guint count = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changes), &count);

  veto_progress_store_set_region (store, "eu");
  g_assert_cmpuint (count, ==, 1);
  veto_progress_store_set_region (store, "eu");           /* no change, no signal */
  g_assert_cmpuint (count, ==, 1);
  veto_progress_store_set_app (store, "facebook", TRUE);
  veto_progress_store_set_app (store, "facebook", TRUE);
  g_assert_cmpuint (count, ==, 2);
  veto_progress_store_set_state (store, "a", NULL, VETO_STEP_STATE_DONE);
  veto_progress_store_set_state (store, "a", NULL, VETO_STEP_STATE_DONE);
  g_assert_cmpuint (count, ==, 3);
  veto_progress_store_set_note (store, "a", NULL, "");     /* empty is no note */
  g_assert_cmpuint (count, ==, 3);
}

static void
test_accounts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  g_autoptr(VetoProgressStore) again = NULL;
  g_auto(GStrv) accounts = NULL;
  g_auto(GStrv) after = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *ig = NULL;

  veto_progress_store_set_app (store, "facebook", TRUE);
  accounts = veto_progress_store_dup_accounts (store, "facebook");
  second = veto_progress_store_add_account (store, "facebook", "work");
  ig = veto_progress_store_add_account (store, "instagram", NULL);

  veto_progress_store_set_state (store, "facebook-object", accounts[0], VETO_STEP_STATE_DONE);
  veto_progress_store_set_state (store, "facebook-object", second, VETO_STEP_STATE_SUBMITTED);
  veto_progress_store_set_state (store, "instagram-object", ig, VETO_STEP_STATE_DONE);

  veto_progress_store_remove_account (store, "facebook", second);

  /* the removed account's steps are gone, the others' stay */
  after = veto_progress_store_dup_accounts (store, "facebook");
  g_assert_cmpuint (g_strv_length (after), ==, 1);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", second), ==, VETO_STEP_STATE_TODO);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", accounts[0]), ==, VETO_STEP_STATE_DONE);
  g_assert_cmpint (veto_progress_store_get_state (store, "instagram-object", ig), ==, VETO_STEP_STATE_DONE);

  /* ids are never reused */
  third = veto_progress_store_add_account (store, "facebook", NULL);
  g_assert_cmpstr (third, !=, second);
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", third), ==, VETO_STEP_STATE_TODO);

  /* unchoosing an app keeps its accounts: choosing it again loses nothing */
  veto_progress_store_set_app (store, "facebook", FALSE);
  veto_progress_store_set_app (store, "facebook", TRUE);
  again = open_store (f);
  g_assert_cmpint (veto_progress_store_get_state (again, "facebook-object", accounts[0]), ==, VETO_STEP_STATE_DONE);
  g_clear_pointer (&after, g_strfreev);
  after = veto_progress_store_dup_accounts (again, "facebook");
  g_assert_cmpuint (g_strv_length (after), ==, 2);
}

/* The identifier a person gives an account goes into the record a
 * regulator reads: kept across a reload, one line whatever it was given,
 * and read back cleaned from a hand-edited file. */
static void
test_account_identifier (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  g_autoptr(VetoProgressStore) again = NULL;
  g_autoptr(VetoProgressStore) edited = NULL;
  g_autoptr(GString) hostile = g_string_new (NULL);
  g_auto(GStrv) accounts = NULL;
  g_autofree char *id = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *second = NULL;

  veto_progress_store_set_app (store, "facebook", TRUE);
  accounts = veto_progress_store_dup_accounts (store, "facebook");
  g_assert_null (veto_progress_store_dup_account_identifier (store, "facebook", accounts[0]));

  veto_progress_store_set_account_identifier (store, "facebook", accounts[0], "  jeanne@example.org \n");
  again = open_store (f);
  id = veto_progress_store_dup_account_identifier (again, "facebook", accounts[0]);
  g_assert_cmpstr (id, ==, "jeanne@example.org");
  g_clear_pointer (&id, g_free);
  /* the label is not touched */
  g_assert_null (veto_progress_store_dup_account_label (again, "facebook", accounts[0]));

  /* a line break would start a fake line of the record, a bidi override
   * would show another address than the one kept, an escape drives a
   * terminal: all gone, and a very long text is cut */
  g_string_append (hostile, "@jeanne\r\n## Confirmée\u202Egro.elpmaxe\u202C\x1b[31m");
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (hostile, 'x');
  veto_progress_store_set_account_identifier (again, "facebook", accounts[0], hostile->str);
  id = veto_progress_store_dup_account_identifier (again, "facebook", accounts[0]);
  g_assert_nonnull (id);
  g_assert_true (g_str_has_prefix (id, "@jeanne ## Confirmée"));
  g_assert_null (strpbrk (id, "\r\n\x1b"));
  g_assert_null (strstr (id, "\u202E"));
  g_assert_cmpuint (g_utf8_strlen (id, -1), <=, 321);
  g_assert_true (g_str_has_suffix (id, "x…"));
  g_clear_pointer (&id, g_free);

  /* blank removes it, from the file too */
  veto_progress_store_set_account_identifier (again, "facebook", accounts[0], " \t ");
  g_assert_null (veto_progress_store_dup_account_identifier (again, "facebook", accounts[0]));
  contents = read_file (f->path);
  g_assert_null (strstr (contents, "Identifier="));
  g_clear_pointer (&contents, g_free);

  /* each account its own; an unknown account gets nothing written */
  second = veto_progress_store_add_account (again, "facebook", "Travail");
  veto_progress_store_set_account_identifier (again, "facebook", second, "travail@example.org");
  veto_progress_store_set_account_identifier (again, "facebook", "999", "nobody@example.org");
  g_assert_null (veto_progress_store_dup_account_identifier (again, "facebook", accounts[0]));
  contents = read_file (f->path);
  g_assert_nonnull (strstr (contents, "Identifier=travail@example.org\n"));
  g_assert_null (strstr (contents, "nobody"));
  g_clear_pointer (&contents, g_free);

  /* a hand-edited file is read back cleaned */
  write_file (f, "[Veto]\nFormat=2\nApps=facebook;\n\n[Account facebook 1]\nLabel=\n"
                 "Identifier=\\r\\n# x\u202Eevil\n\n[End]\n", -1);
  edited = open_store (f);
  id = veto_progress_store_dup_account_identifier (edited, "facebook", "1");
  g_assert_cmpstr (id, ==, "# xevil");
}

static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  g_autoptr(VetoProgressStore) again = NULL;
  g_auto(GStrv) apps = NULL;

  veto_progress_store_set_language (store, "fr");
  veto_progress_store_set_region (store, "eu");
  veto_progress_store_set_app (store, "facebook", TRUE);
  veto_progress_store_set_state (store, "facebook-object", "1", VETO_STEP_STATE_DONE);
  veto_progress_store_reset (store);

  again = open_store (f);
  apps = veto_progress_store_dup_apps (again);
  g_assert_null (veto_progress_store_get_region (again));
  g_assert_cmpuint (g_strv_length (apps), ==, 0);
  g_assert_cmpint (veto_progress_store_get_state (again, "facebook-object", "1"), ==, VETO_STEP_STATE_TODO);
  /* the interface language is a preference, not progress */
  g_assert_cmpstr (veto_progress_store_get_language (again), ==, "fr");
}

/* A damaged file is kept byte for byte beside a fresh start, and a later
 * save does not touch it. */
static void
check_moved_aside (Fixture    *f,
                   const char *contents,
                   gssize      len)
{
  g_autoptr(VetoProgressStore) store = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *expected_path = NULL;
  gsize kept_len = 0;
  GFile *recovered;

  if (len < 0)
    len = strlen (contents);
  write_file (f, contents, len);

  store = open_store (f);
  recovered = veto_progress_store_get_recovered_file (store);
  g_assert_nonnull (recovered);
  expected_path = g_strconcat (f->path, ".corrupt-20261129T103000Z", NULL);
  g_assert_cmpstr (g_file_peek_path (recovered), ==, expected_path);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_true (veto_progress_store_get_is_new (store));
  g_assert_false (veto_progress_store_get_read_only (store));
  g_assert_null (veto_progress_store_get_region (store));

  veto_progress_store_set_region (store, "eu");
  g_assert_true (g_file_get_contents (expected_path, &kept, &kept_len, NULL));
  g_assert_cmpmem (kept, kept_len, contents, len);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static const char valid_file[] =
  "[Veto]\nFormat=1\nRegion=eu\nApps=facebook;\nCatalogVersion=4\n\n"
  "[Account facebook 1]\nLabel=Perso\n\n"
  "[Step facebook-object 1]\nState=submitted\nSubmitted=2026-11-01T09:00:00Z\nUpdated=2026-11-01T09:00:00Z\nCatalogVersion=3\n\n"
  "[End]\n";

static void
test_valid_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = NULL;

  write_file (f, valid_file, -1);
  store = open_store (f);
  g_assert_null (veto_progress_store_get_recovered_file (store));
  g_assert_cmpstr (veto_progress_store_get_region (store), ==, "eu");
  g_assert_cmpint (veto_progress_store_get_state (store, "facebook-object", "1"), ==, VETO_STEP_STATE_SUBMITTED);
  g_assert_cmpint (veto_progress_store_get_catalog_version (store), ==, 4);
  g_assert_cmpint (veto_progress_store_get_step_catalog_version (store, "facebook-object", "1"), ==, 3);
}

static void
test_app_without_account (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = NULL;
  g_autoptr(VetoProgressStore) again = NULL;
  g_auto(GStrv) accounts = NULL;
  g_auto(GStrv) accounts_again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* written by hand: an app in use, no account for it */
  write_file (f, "[Veto]\nFormat=1\nRegion=eu\nApps=threads;\n\n[End]\n", -1);
  before = read_file (f->path);

  store = open_store (f);
  accounts = veto_progress_store_dup_accounts (store, "threads");
  g_assert_cmpuint (g_strv_length (accounts), ==, 1);

  /* loading alone writes nothing, and gives the same id each time */
  after = read_file (f->path);
  g_assert_cmpstr (before, ==, after);
  again = open_store (f);
  accounts_again = veto_progress_store_dup_accounts (again, "threads");
  g_assert_cmpstrv (accounts, accounts_again);
}

static void
test_corrupt_garbage (Fixture       *f,
                      gconstpointer  data)
{
  check_moved_aside (f, "this is not a keyfile\n[Veto\nFormat=1\n", -1);
}

static void
test_corrupt_binary (Fixture       *f,
                     gconstpointer  data)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  check_moved_aside (f, binary, sizeof binary - 1);
}

static void
test_corrupt_empty (Fixture       *f,
                    gconstpointer  data)
{
  check_moved_aside (f, "", 0);
}

static void
test_corrupt_truncated (Fixture       *f,
                        gconstpointer  data)
{
  /* cut in the middle of a line */
  check_moved_aside (f, valid_file, 60);
}

static void
test_corrupt_truncated_at_line (Fixture       *f,
                                gconstpointer  data)
{
  /* cut cleanly after a whole group: it parses, but [End] is missing */
  const char *cut = strstr (valid_file, "[Step");

  check_moved_aside (f, valid_file, cut - valid_file);
}

static void
test_corrupt_bad_state (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new (valid_file);

  g_string_replace (s, "State=submitted", "State=finished-maybe", 1);
  check_moved_aside (f, s->str, s->len);
}

static void
test_corrupt_bad_date (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new (valid_file);

  g_string_replace (s, "Submitted=2026-11-01T09:00:00Z", "Submitted=yesterday", 1);
  check_moved_aside (f, s->str, s->len);
}

/* A step's catalog version decides whether it is due again: a value we
 * can't read makes the file suspect, like a bad date. */
static void
test_corrupt_bad_step_catalog_version (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new (valid_file);

  g_string_replace (s, "\nCatalogVersion=3\n", "\nCatalogVersion=0\n", 1);
  check_moved_aside (f, s->str, s->len);
}

static void
test_corrupt_bad_catalog_version (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new (valid_file);

  g_string_replace (s, "CatalogVersion=4\n", "CatalogVersion=four\n", 1);
  check_moved_aside (f, s->str, s->len);
}

static void
test_corrupt_no_format (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) s = g_string_new (valid_file);

  g_string_replace (s, "Format=1\n", "", 1);
  check_moved_aside (f, s->str, s->len);
}

static void
test_inspect_only (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = veto_progress_store_new (f->file, f->clock);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;

  write_file (f, "garbage", -1);
  veto_progress_store_set_inspect_only (store, TRUE);
  g_assert_false (veto_progress_store_load (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (veto_progress_store_get_read_only (store));
  g_assert_null (veto_progress_store_get_recovered_file (store));

  files = list_dir (f->dir);
  g_assert_cmpuint (g_strv_length (files), ==, 1);
  g_assert_cmpstr (files[0], ==, "progress.ini");
}

static void
test_corrupt_twice (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VetoProgressStore) first = NULL;
  g_autoptr(VetoProgressStore) second = NULL;
  g_autofree char *first_copy = NULL;
  g_autofree char *second_copy = NULL;
  g_autofree char *second_path = NULL;

  /* Two damaged files in the same second: neither copy replaces the other. */
  write_file (f, "garbage one", -1);
  first = open_store (f);
  write_file (f, "garbage two", -1);
  second = open_store (f);

  g_assert_cmpstr (g_file_peek_path (veto_progress_store_get_recovered_file (first)), !=,
                   g_file_peek_path (veto_progress_store_get_recovered_file (second)));
  first_copy = read_file (g_file_peek_path (veto_progress_store_get_recovered_file (first)));
  second_copy = read_file (g_file_peek_path (veto_progress_store_get_recovered_file (second)));
  g_assert_cmpstr (first_copy, ==, "garbage one");
  g_assert_cmpstr (second_copy, ==, "garbage two");
}

static void
test_newer_format (Fixture       *f,
                   gconstpointer  data)
{
  static const char newer[] =
    "[Veto]\nFormat=3\nRegion=eu\nSomethingNew=yes\n\n[Step x 1]\nState=someday\n";
  g_autoptr(VetoProgressStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) before_files = NULL;
  g_auto(GStrv) after_files = NULL;
  struct stat before_st, after_st;

  write_file (f, newer, -1);
  g_assert_cmpint (g_stat (f->path, &before_st), ==, 0);
  before_files = list_dir (f->dir);

  store = open_store (f);
  g_assert_true (veto_progress_store_get_read_only (store));
  g_assert_null (veto_progress_store_get_recovered_file (store));
  /* what can be read is shown */
  g_assert_cmpstr (veto_progress_store_get_region (store), ==, "eu");

  /* changes are refused, and nothing is written */
  veto_progress_store_set_region (store, "uk");
  veto_progress_store_set_app (store, "facebook", TRUE);
  veto_progress_store_set_state (store, "x", "1", VETO_STEP_STATE_DONE);
  veto_progress_store_reset (store);
  g_assert_cmpstr (veto_progress_store_get_region (store), ==, "eu");
  g_assert_false (veto_progress_store_save (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);

  after = read_file (f->path);
  g_assert_cmpstr (after, ==, newer);
  g_assert_cmpint (g_stat (f->path, &after_st), ==, 0);
  g_assert_cmpint (before_st.st_ino, ==, after_st.st_ino);
  g_assert_cmpint (before_st.st_mtime, ==, after_st.st_mtime);
  after_files = list_dir (f->dir);
  g_assert_true (g_strv_equal ((const char * const *)before_files, (const char * const *)after_files));
}

static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = veto_progress_store_new (f->file, f->clock);
  g_autoptr(GError) error = NULL;

  /* A folder where the file should be can't be read even by root. */
  g_assert_cmpint (g_mkdir_with_parents (f->path, 0700), ==, 0);

  g_assert_false (veto_progress_store_load (store, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (veto_progress_store_get_read_only (store));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
}

static void
test_save_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  g_autoptr(VetoProgressStore) again = NULL;
  g_autofree char *error_message = NULL;

  /* A plain file where the folder should be: nothing can be written. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_state_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->dir, "in the way", -1, NULL));

  veto_progress_store_set_region (store, "eu");
  g_assert_nonnull (veto_progress_store_get_save_error (store));
  g_object_get (store, "save-error", &error_message, NULL);
  g_assert_nonnull (error_message);
  g_test_message ("%s", error_message);
  /* the change is kept in memory */
  g_assert_cmpstr (veto_progress_store_get_region (store), ==, "eu");

  veto_progress_store_set_app (store, "facebook", TRUE);
  g_assert_nonnull (veto_progress_store_get_save_error (store));

  /* once writing works again, the next change saves everything */
  g_assert_cmpint (g_unlink (f->dir), ==, 0);
  veto_progress_store_set_app (store, "instagram", TRUE);
  g_assert_null (veto_progress_store_get_save_error (store));

  again = open_store (f);
  g_assert_cmpstr (veto_progress_store_get_region (again), ==, "eu");
  g_assert_true (veto_progress_store_has_app (again, "facebook"));
  g_assert_true (veto_progress_store_has_app (again, "instagram"));
}

static void
test_stale_temporaries (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = NULL;
  g_autofree char *old = g_build_filename (f->dir, ".progress.ini.veto-save-Ab3dE9", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, ".progress.ini.veto-save-Zz9y8X", NULL);
  g_autofree char *other = g_strconcat (f->path, ".corrupt-20261129T103000Z", NULL);
  /* a person's own copies, named like the temporary files of
   * g_file_set_contents(): "progress.ini." and six letters */
  g_autofree char *backup = g_strconcat (f->path, ".backup", NULL);
  g_autofree char *glib_like = g_strconcat (f->path, ".Ab3dE9", NULL);
  struct utimbuf times = { .actime = time (NULL) - 3600, .modtime = time (NULL) - 3600 };

  write_file (f, valid_file, -1);
  g_assert_true (g_file_set_contents (old, "half", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (other, "kept", -1, NULL));
  g_assert_true (g_file_set_contents (backup, valid_file, -1, NULL));
  g_assert_true (g_file_set_contents (glib_like, valid_file, -1, NULL));
  g_assert_cmpint (g_utime (old, &times), ==, 0);
  g_assert_cmpint (g_utime (other, &times), ==, 0);
  g_assert_cmpint (g_utime (backup, &times), ==, 0);
  g_assert_cmpint (g_utime (glib_like, &times), ==, 0);

  store = open_store (f);
  /* an hour-old leftover of Veto's goes; one that may still be written
   * stays; a damaged copy set aside and a person's backups are never
   * touched */
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (glib_like, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (veto_progress_store_get_region (store), ==, "eu");

  /* and a save leaves nothing beside the file but the file as the older
   * Veto wrote it (Format=1) */
  g_assert_cmpint (g_unlink (fresh), ==, 0);
  veto_progress_store_set_region (store, "uk");
  {
    g_auto(GStrv) names = list_dir (f->dir);
    const char *expected[] = { "progress.ini", "progress.ini.Ab3dE9", "progress.ini.backup",
                               "progress.ini.corrupt-20261129T103000Z", "progress.ini.format-1", NULL };

    g_assert_cmpuint (g_strv_length (names), ==, g_strv_length ((char **)expected));
    for (guint i = 0; expected[i] != NULL; i++)
      g_assert_true (g_strv_contains ((const char * const *)names, expected[i]));
  }
}

/* A named pipe where the file should be: reading it would block forever.
 * It is unreadable, at once, and nothing is written over it. */
static void
test_fifo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = veto_progress_store_new (f->file, f->clock);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  GStatBuf st;

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (f->path, 0600), ==, 0);

  g_assert_false (veto_progress_store_load (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_true (veto_progress_store_get_read_only (store));

  veto_progress_store_set_region (store, "eu");
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

/* Two Veto processes on the same file (two sessions, or none): one's
 * "confirmed" was lost when the other changed the language. A store never
 * overwrites a change it has not read. */
static void
test_two_instances (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VetoProgressStore) first = NULL;
  g_autoptr(VetoProgressStore) second = NULL;
  g_autoptr(VetoProgressStore) later = NULL;
  const GError *save_error;

  write_file (f, valid_file, -1);
  first = open_store (f);
  second = open_store (f);

  veto_progress_store_set_state (first, "facebook-object", "1", VETO_STEP_STATE_CONFIRMED);
  g_assert_null (veto_progress_store_get_save_error (first));

  /* the second, which has not seen that, must not write over it */
  veto_progress_store_set_language (second, "fr");
  save_error = veto_progress_store_get_save_error (second);
  g_assert_nonnull (save_error);
  g_assert_error (save_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_test_message ("%s", save_error->message);

  later = open_store (f);
  g_assert_cmpint (veto_progress_store_get_state (later, "facebook-object", "1"), ==, VETO_STEP_STATE_CONFIRMED);
  g_assert_null (veto_progress_store_get_language (later));

  /* the first keeps saving: the file is still the one it wrote */
  veto_progress_store_set_region (first, "uk");
  g_assert_null (veto_progress_store_get_save_error (first));

  /* a file created by someone else after a fresh start is not replaced */
  {
    g_autoptr(VetoProgressStore) fresh = NULL;

    g_assert_cmpint (g_unlink (f->path), ==, 0);
    fresh = open_store (f);
    write_file (f, valid_file, -1);
    veto_progress_store_set_region (fresh, "br");
    g_assert_nonnull (veto_progress_store_get_save_error (fresh));
    g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  }
}

/* What the window does when the file changes under it: read it again when
 * someone else wrote it, not after its own writes, and never while it holds
 * a change it could not save. */
static void
test_reload_if_changed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(VetoProgressStore) window = NULL;
  g_autoptr(VetoProgressStore) other = NULL;
  guint changed = 0;

  write_file (f, valid_file, -1);
  window = open_store (f);
  other = open_store (f);
  g_signal_connect (window, "changed", G_CALLBACK (count_changes), &changed);

  /* its own write is no reason to read */
  veto_progress_store_set_region (window, "uk");
  changed = 0;
  g_assert_false (veto_progress_store_reload_if_changed (window));
  g_assert_cmpuint (changed, ==, 0);

  /* the other store has not seen that: it may not write; once it has read
   * the file again, it may */
  veto_progress_store_set_state (other, "facebook-object", "1", VETO_STEP_STATE_CONFIRMED);
  g_assert_nonnull (veto_progress_store_get_save_error (other));
  g_assert_false (veto_progress_store_reload_if_changed (other));
  g_assert_cmpint (veto_progress_store_get_state (other, "facebook-object", "1"), ==, VETO_STEP_STATE_CONFIRMED);
  g_clear_object (&other);

  other = open_store (f);
  veto_progress_store_set_state (other, "facebook-object", "1", VETO_STEP_STATE_CONFIRMED);
  g_assert_null (veto_progress_store_get_save_error (other));

  g_assert_true (veto_progress_store_reload_if_changed (window));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (veto_progress_store_get_state (window, "facebook-object", "1"), ==, VETO_STEP_STATE_CONFIRMED);
  g_assert_cmpstr (veto_progress_store_get_region (window), ==, "uk");
  g_assert_false (veto_progress_store_reload_if_changed (window));

  /* and then its own change is saved on top */
  veto_progress_store_set_region (window, "eu");
  g_assert_null (veto_progress_store_get_save_error (window));
}

/* A byte order mark, as some editors write after a hand edit, is not
 * damage. */
static void
test_bom (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", valid_file, NULL);
  g_autoptr(VetoProgressStore) store = NULL;

  write_file (f, text, -1);
  store = open_store (f);
  g_assert_null (veto_progress_store_get_recovered_file (store));
  g_assert_cmpstr (veto_progress_store_get_region (store), ==, "eu");
}

/* A clock set back (a dead battery says 1970) must not record a
 * confirmation before its submission. */
static void
test_clock_back (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) submitted = NULL;
  g_autoptr(GDateTime) confirmed = NULL;

  veto_progress_store_set_state (store, "facebook-object", "1", VETO_STEP_STATE_SUBMITTED);
  veto_clock_set_now (f->clock, epoch);
  veto_progress_store_set_state (store, "facebook-object", "1", VETO_STEP_STATE_CONFIRMED);

  submitted = veto_progress_store_dup_submitted (store, "facebook-object", "1");
  confirmed = veto_progress_store_dup_confirmed (store, "facebook-object", "1");
  g_assert_nonnull (submitted);
  g_assert_nonnull (confirmed);
  g_assert_cmpint (g_date_time_compare (confirmed, submitted), >=, 0);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* While the application runs, a failed save is retried on its own. */
static void
test_save_retried (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  g_autoptr(VetoProgressStore) again = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_state_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->dir, "in the way", -1, NULL));
  g_assert_false (veto_progress_store_check_writable (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_test_message ("%s", error->message);

  veto_progress_store_set_region (store, "br");
  g_assert_nonnull (veto_progress_store_get_save_error (store));

  /* the disk comes back; no further change is made */
  g_assert_cmpint (g_unlink (f->dir), ==, 0);
  g_assert_true (veto_progress_store_check_writable (store, NULL));
  g_timeout_add_seconds (7, quit_loop, loop);
  g_main_loop_run (loop);

  g_assert_null (veto_progress_store_get_save_error (store));
  again = open_store (f);
  g_assert_cmpstr (veto_progress_store_get_region (again), ==, "br");
}

static void
test_no_temp_files_left (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(VetoProgressStore) store = open_store (f);
  g_auto(GStrv) files = NULL;

  for (guint i = 0; i < 50; i++)
    veto_progress_store_set_state (store, "facebook-object", "1",
                                   i % 2 ? VETO_STEP_STATE_DONE : VETO_STEP_STATE_SUBMITTED);

  files = list_dir (f->dir);
  g_assert_cmpuint (g_strv_length (files), ==, 1);
  g_assert_cmpstr (files[0], ==, "progress.ini");
}

int
main (int   argc,
      char *argv[])
{
  veto_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/progress/fresh", test_fresh);
  ADD ("/progress/permissions-tightened", test_permissions_tightened);
  ADD ("/progress/round-trip", test_round_trip);
  ADD ("/progress/catalog-version", test_catalog_version);
  ADD ("/progress/changed-signal", test_changed_signal);
  ADD ("/progress/accounts", test_accounts);
  ADD ("/progress/account-identifier", test_account_identifier);
  ADD ("/progress/reset", test_reset);
  ADD ("/progress/valid-file", test_valid_file);
  ADD ("/progress/app-without-account", test_app_without_account);
  ADD ("/progress/corrupt/garbage", test_corrupt_garbage);
  ADD ("/progress/corrupt/binary", test_corrupt_binary);
  ADD ("/progress/corrupt/empty", test_corrupt_empty);
  ADD ("/progress/corrupt/truncated", test_corrupt_truncated);
  ADD ("/progress/corrupt/truncated-at-line", test_corrupt_truncated_at_line);
  ADD ("/progress/corrupt/bad-state", test_corrupt_bad_state);
  ADD ("/progress/corrupt/bad-date", test_corrupt_bad_date);
  ADD ("/progress/corrupt/bad-step-catalog-version", test_corrupt_bad_step_catalog_version);
  ADD ("/progress/corrupt/bad-catalog-version", test_corrupt_bad_catalog_version);
  ADD ("/progress/corrupt/no-format", test_corrupt_no_format);
  ADD ("/progress/corrupt/twice", test_corrupt_twice);
  ADD ("/progress/corrupt/inspect-only", test_inspect_only);
  ADD ("/progress/newer-format", test_newer_format);
  ADD ("/progress/unreadable", test_unreadable);
  ADD ("/progress/save-error", test_save_error);
  ADD ("/progress/no-temp-files-left", test_no_temp_files_left);
  ADD ("/progress/save-retried", test_save_retried);
  ADD ("/progress/stale-temporaries", test_stale_temporaries);
  ADD ("/progress/fifo", test_fifo);
  ADD ("/progress/two-instances", test_two_instances);
  ADD ("/progress/reload-if-changed", test_reload_if_changed);
  ADD ("/progress/clock-back", test_clock_back);
  ADD ("/progress/bom", test_bom);

  return g_test_run ();
}
