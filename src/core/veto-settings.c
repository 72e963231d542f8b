/* veto-settings.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "veto-settings.h"

/* A keyfile rather than GSettings: Veto installs no schema (it runs from
 * its build folder and as `veto` on a PATH), and these choices are few and
 * read once, at login or when Preferences opens. They are kept apart from
 * the progress file, which commands that only read must never rewrite:
 * recording when the weekly check ran is not a change to the person's
 * progress.
 *
 * Every call reads the file again, so the window and a `veto --remind`
 * started at login by the desktop never hold stale copies of each other's
 * writes; a write replaces the file atomically. */

#define GROUP "Settings"

/**
 * veto_settings_get_file:
 *
 * Returns: (transfer full): `$XDG_CONFIG_HOME/veto/settings.ini`
 */
GFile *
veto_settings_get_file (void)
{
  return g_file_new_build_filename (g_get_user_config_dir (), "veto", "settings.ini", NULL);
}

static GKeyFile *
load (void)
{
  g_autoptr(GFile) file = veto_settings_get_file ();
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  /* A missing file is the defaults; an unreadable one too, said once in
   * the log: a person's choice is never worth refusing to start for. */
  if (!g_key_file_load_from_file (keyfile, g_file_peek_path (file), G_KEY_FILE_KEEP_COMMENTS, &error)
      && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Ignoring %s: %s", g_file_peek_path (file), error->message);

  return g_steal_pointer (&keyfile);
}

static gboolean
save (GKeyFile  *keyfile,
      GError   **error)
{
  g_autoptr(GFile) file = veto_settings_get_file ();
  g_autoptr(GFile) dir = g_file_get_parent (file);

  if (g_mkdir_with_parents (g_file_peek_path (dir), 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", g_file_peek_path (dir), g_strerror (saved_errno));
      return FALSE;
    }

  return g_key_file_save_to_file (keyfile, g_file_peek_path (file), error);
}

/**
 * veto_settings_get_boolean:
 * @key: one of the `VETO_SETTINGS_` keys
 * @default_value: what a missing or unreadable value means
 */
gboolean
veto_settings_get_boolean (const char *key,
                           gboolean    default_value)
{
  g_autoptr(GKeyFile) keyfile = load ();
  g_autoptr(GError) error = NULL;
  gboolean value;

  g_return_val_if_fail (key != NULL, default_value);

  value = g_key_file_get_boolean (keyfile, GROUP, key, &error);

  return error == NULL ? value : default_value;
}

/**
 * veto_settings_set_boolean:
 * @key: one of the `VETO_SETTINGS_` keys
 */
gboolean
veto_settings_set_boolean (const char  *key,
                           gboolean     value,
                           GError     **error)
{
  g_autoptr(GKeyFile) keyfile = load ();

  g_return_val_if_fail (key != NULL, FALSE);

  g_key_file_set_boolean (keyfile, GROUP, key, value);

  return save (keyfile, error);
}

/**
 * veto_settings_dup_string:
 * @key: one of the `VETO_SETTINGS_` keys
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when unset
 */
char *
veto_settings_dup_string (const char *key)
{
  g_autoptr(GKeyFile) keyfile = load ();

  g_return_val_if_fail (key != NULL, NULL);

  return g_key_file_get_string (keyfile, GROUP, key, NULL);
}

/**
 * veto_settings_set_string:
 * @key: one of the `VETO_SETTINGS_` keys
 * @value: (nullable): the value, or %NULL to remove it
 */
gboolean
veto_settings_set_string (const char  *key,
                          const char  *value,
                          GError     **error)
{
  g_autoptr(GKeyFile) keyfile = load ();

  g_return_val_if_fail (key != NULL, FALSE);

  if (value != NULL)
    g_key_file_set_string (keyfile, GROUP, key, value);
  else
    g_key_file_remove_key (keyfile, GROUP, key, NULL);

  return save (keyfile, error);
}
