/* veto-progress-store-format.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a well-formed progress file holds: the checks a file passes before it is trusted. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-progress-store-private.h"

static gboolean
is_iso8601 (const char *str)
{
  g_autoptr(GDateTime) dt = NULL;

  if (str == NULL || *str == '\0')
    return TRUE;

  dt = g_date_time_new_from_iso8601 (str, NULL);
  return dt != NULL && veto_date_is_sane (dt);
}

/* A day the person stated: YYYY-MM-DD, a real date. */
GDateTime *
_veto_progress_parse_day (const char *str)
{
  int y, m, d;
  char tail;

  if (str == NULL || strlen (str) != 10 ||
      sscanf (str, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;

  if (y < VETO_DATE_MIN_YEAR || y > VETO_DATE_MAX_YEAR)
    return NULL;

  /* the person's own day: midnight where they are */
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

gboolean
_veto_progress_is_day (const char *str)
{
  g_autoptr(GDateTime) dt = _veto_progress_parse_day (str);

  return dt != NULL;
}

gboolean
_veto_progress_is_sha256 (const char *str)
{
  if (strlen (str) != 64)
    return FALSE;
  for (const char *p = str; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* Evidence files are named by Veto, inside its evidence folder: a name,
 * never a path, so that a hand-edited file can't point elsewhere. */
gboolean
_veto_progress_is_evidence_name (const char *str)
{
  if (*str == '\0' || *str == '.' || strlen (str) > 128)
    return FALSE;
  for (const char *p = str; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
is_int_at_least (const char *str,
                 gint64      min)
{
  return g_ascii_string_to_signed (str, 10, min, G_MAXINT, NULL, NULL);
}

static gboolean
is_id (const char *str)
{
  if (str == NULL || *str == '\0' || strlen (str) > 64)
    return FALSE;

  for (const char *p = str; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* "Veto", "Account <app> <account>", "Step <step>" or
 * "Step <step> <account>": every id an id. An account id with a space, a
 * letter outside ASCII or 100 characters, typed by hand, made
 * `veto --attach-email` crash. */
static gboolean
is_group_name (const char *group)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  if (g_str_equal (group, HEADER))
    return TRUE;

  parts = g_strsplit (group, " ", -1);
  n = g_strv_length (parts);
  if (g_str_equal (parts[0], "Account"))
    return n == 3 && is_id (parts[1]) && is_id (parts[2]);
  if (g_str_equal (parts[0], "Step"))
    return (n == 2 || n == 3) && is_id (parts[1]) && (n == 2 || is_id (parts[2]));
  return FALSE;
}

/* Anything we would later misread makes the whole file suspect: it is then
 * kept aside rather than half-understood and overwritten. Ids end up in
 * group names ("Account <app> <id>"), so they must be ids. */
static gboolean
validate (GKeyFile  *keyfile,
          GError   **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  g_auto(GStrv) apps = g_key_file_get_string_list (keyfile, HEADER, "Apps", NULL, NULL);
  g_autofree char *region = g_key_file_get_string (keyfile, HEADER, "Region", NULL);
  g_autofree char *language = g_key_file_get_string (keyfile, HEADER, "Language", NULL);

  for (guint i = 0; apps != NULL && apps[i] != NULL; i++)
    if (*apps[i] != '\0' && !is_id (apps[i]))
      {
        g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, "bad app id");
        return FALSE;
      }

  if ((region != NULL && *region != '\0' && !is_id (region)) ||
      (language != NULL && *language != '\0' && !is_id (language)))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, "bad region or language");
      return FALSE;
    }

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = NULL;
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      if (!is_group_name (groups[i]))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "[%s]: not a group Veto writes", groups[i]);
          return FALSE;
        }

      keys = g_key_file_get_keys (keyfile, groups[i], NULL, NULL);

      for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
        {
          g_autofree char *value = NULL;
          gboolean ok;

          /* A key twice (a group written twice, by hand or by pasting two
           * files): GKeyFile reads the last and checks nothing else, but a
           * change removes only that one, and the first, never checked,
           * comes back in the saved file. Found by fuzz-progress. */
          if (!g_hash_table_add (seen, keys[j]))
            {
              g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "[%s] %s: more than once", groups[i], keys[j]);
              return FALSE;
            }

          value = g_key_file_get_string (keyfile, groups[i], keys[j], NULL);
          ok = value != NULL;

          if (ok && g_str_has_prefix (groups[i], "Step "))
            {
              VetoStepState state;

              if (g_str_equal (keys[j], "State"))
                ok = veto_step_state_from_string (value, &state);
              else if (g_str_equal (keys[j], "Submitted") ||
                       g_str_equal (keys[j], "Confirmed") ||
                       g_str_equal (keys[j], "Refused") ||
                       g_str_equal (keys[j], "Checked"))
                ok = is_iso8601 (value) || _veto_progress_is_day (value);
              else if (g_str_equal (keys[j], "Updated") ||
                       g_str_equal (keys[j], "SubmittedEntered") ||
                       g_str_equal (keys[j], "ConfirmedEntered") ||
                       g_str_equal (keys[j], "RefusedEntered") ||
                       g_str_equal (keys[j], "CheckedEntered") ||
                       g_str_equal (keys[j], "EvidenceDate"))
                ok = is_iso8601 (value);
              else if (g_str_equal (keys[j], "EvidenceSha256"))
                ok = _veto_progress_is_sha256 (value);
              else if (g_str_equal (keys[j], "EvidenceFile"))
                ok = _veto_progress_is_evidence_name (value);
              else if (g_str_equal (keys[j], "CatalogVersion"))
                ok = is_int_at_least (value, 1);
            }
          else if (ok && g_str_equal (groups[i], HEADER) && g_str_equal (keys[j], "CatalogVersion"))
            ok = is_int_at_least (value, 0);

          if (!ok)
            {
              g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "[%s] %s: invalid value", groups[i], keys[j]);
              return FALSE;
            }
        }
    }

  return TRUE;
}

gboolean
_veto_progress_parse (GKeyFile    *keyfile,
                      const char  *data,
                      gsize        len,
                      int         *format,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  gsize n_groups = 0;

  if (len == 0 || !g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_UNKNOWN_ENCODING,
                           "empty or not UTF-8");
      return FALSE;
    }

  if (!g_key_file_load_from_data (keyfile, data, len, G_KEY_FILE_NONE, error))
    return FALSE;

  *format = g_key_file_get_integer (keyfile, HEADER, "Format", &local_error);
  if (local_error != NULL || *format < 1)
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "no valid Format");
      return FALSE;
    }

  /* A newer Veto may write things we don't understand: don't judge them. */
  if (*format > VETO_PROGRESS_FORMAT)
    return TRUE;

  groups = g_key_file_get_groups (keyfile, &n_groups);
  if (n_groups == 0 || !g_str_equal (groups[n_groups - 1], END_GROUP))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                           "truncated: the final group is missing");
      return FALSE;
    }
  g_key_file_remove_group (keyfile, END_GROUP, NULL);

  return validate (keyfile, error);
}
