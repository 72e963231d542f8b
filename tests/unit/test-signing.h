/* test-signing.h: catalogs signed as a maintainer signs them, with the
 * real `minisign` tool, by key pairs made for one test and thrown away
 * with it. No secret key is ever committed, not even a test one.
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

/* A comment as build-aux/publish-catalog writes it. */
#define TEST_VALID_UNTIL "2027-06-30"

static inline void
test_signing_run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed:\n%s%s", argv[0], out, err);
}

/* Makes the key pair @dir/@name.key, @dir/@name.pub, without a password.
 * Returns: the public key's base64 line, as -Dcatalog_key= takes it. */
static inline char *
test_signing_new_key (const char *dir,
                      const char *name)
{
  g_autofree char *pub = g_strdup_printf ("%s/%s.pub", dir, name);
  g_autofree char *key = g_strdup_printf ("%s/%s.key", dir, name);
  const char *argv[] = { "minisign", "-G", "-W", "-f", "-p", pub, "-s", key, NULL };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  test_signing_run (argv);
  g_assert_true (g_file_get_contents (pub, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  return g_strdup (lines[1]);
}

/* Signs @body with the key @dir/@name.key and the trusted comment
 * @comment; @legacy for minisign's older algorithm ("Ed", the file itself
 * rather than its BLAKE2b hash).
 * Returns: the signature file's text */
static inline char *
test_signing_sign (const char *dir,
                   const char *name,
                   const char *body,
                   const char *comment,
                   gboolean    legacy)
{
  g_autofree char *key = g_strdup_printf ("%s/%s.key", dir, name);
  g_autofree char *file = g_strdup_printf ("%s/to-sign", dir);
  g_autofree char *sig = g_strdup_printf ("%s/to-sign.minisig", dir);
  const char *argv[] = { "minisign", "-S", "-s", key, "-m", file, "-x", sig, "-t", comment,
                         legacy ? "-l" : NULL, NULL };
  char *text = NULL;

  g_assert_true (g_file_set_contents (file, body, -1, NULL));
  test_signing_run (argv);
  g_assert_true (g_file_get_contents (sig, &text, NULL, NULL));
  g_unlink (file);
  g_unlink (sig);
  return text;
}

/* The comment for a catalog of @version, valid until @valid_until. */
static inline char *
test_signing_comment (int         version,
                      const char *valid_until)
{
  return g_strdup_printf ("version:%d valid-until:%s", version, valid_until);
}

/* The Version= of a catalog's text. */
static inline int
test_signing_version_of (const char *body)
{
  const char *v = strstr (body, "\nVersion=");

  return v != NULL ? atoi (v + strlen ("\nVersion=")) : -1;
}
