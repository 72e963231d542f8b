/* veto-progress-format.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a well-formed progress file holds:
 *
 *   [Veto]                       Format=, Region=, Language=, Apps=,
 *                                NextAccount=, CatalogVersion= of the
 *                                catalog in use
 *   [Account facebook 1]         Label=Personal, and Identifier= when the
 *                                person gave the account's address or handle
 *   [Step facebook-object 1]     the keys of step_keys[] below
 *   [Step whatsapp-ai-chats]     a step that is not per account
 *   [End]                        written last, so truncation is detectable
 *
 * A date is either the moment of a click (an ISO 8601 time: the day it
 * states and the moment it was entered are the same) or a day the person
 * stated (YYYY-MM-DD), with <Key>Entered= saying when they did.
 *
 * Anything Veto would later misread makes the whole file suspect: the
 * store then keeps it aside rather than half-understand and overwrite it. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "veto-progress-format.h"
#include "veto-types.h"

typedef struct
{
  const char        *name;
  VetoProgressValue  value;
  /* its presence alone is something the person recorded: such a step is
   * never hidden, even once it no longer applies (the State counts only
   * when it is not "to do") */
  gboolean           is_record;
} StepKey;

/* Indexed by #VetoProgressKey. */
static const StepKey step_keys[VETO_PROGRESS_N_KEYS] = {
  [VETO_PROGRESS_KEY_SUBMITTED]         = { "Submitted",        VETO_PROGRESS_VALUE_DATE,          TRUE },
  [VETO_PROGRESS_KEY_CONFIRMED]         = { "Confirmed",        VETO_PROGRESS_VALUE_DATE,          TRUE },
  [VETO_PROGRESS_KEY_REFUSED]           = { "Refused",          VETO_PROGRESS_VALUE_DATE,          TRUE },
  [VETO_PROGRESS_KEY_CHECKED]           = { "Checked",          VETO_PROGRESS_VALUE_DATE,          TRUE },
  [VETO_PROGRESS_KEY_SUBMITTED_ENTERED] = { "SubmittedEntered", VETO_PROGRESS_VALUE_MOMENT,        FALSE },
  [VETO_PROGRESS_KEY_CONFIRMED_ENTERED] = { "ConfirmedEntered", VETO_PROGRESS_VALUE_MOMENT,        FALSE },
  [VETO_PROGRESS_KEY_REFUSED_ENTERED]   = { "RefusedEntered",   VETO_PROGRESS_VALUE_MOMENT,        FALSE },
  [VETO_PROGRESS_KEY_CHECKED_ENTERED]   = { "CheckedEntered",   VETO_PROGRESS_VALUE_MOMENT,        FALSE },
  [VETO_PROGRESS_KEY_STATE]             = { "State",            VETO_PROGRESS_VALUE_STATE,         FALSE },
  [VETO_PROGRESS_KEY_UPDATED]           = { "Updated",          VETO_PROGRESS_VALUE_MOMENT,        FALSE },
  [VETO_PROGRESS_KEY_NOTE]              = { "Note",             VETO_PROGRESS_VALUE_TEXT,          TRUE },
  [VETO_PROGRESS_KEY_FORM_URL]          = { "FormUrl",          VETO_PROGRESS_VALUE_TEXT,          TRUE },
  [VETO_PROGRESS_KEY_CATALOG_VERSION]   = { "CatalogVersion",   VETO_PROGRESS_VALUE_VERSION,       FALSE },
  [VETO_PROGRESS_KEY_EVIDENCE_FILE]     = { "EvidenceFile",     VETO_PROGRESS_VALUE_EVIDENCE_NAME, TRUE },
  [VETO_PROGRESS_KEY_EVIDENCE_SHA256]   = { "EvidenceSha256",   VETO_PROGRESS_VALUE_SHA256,        FALSE },
  [VETO_PROGRESS_KEY_EVIDENCE_FROM]     = { "EvidenceFrom",     VETO_PROGRESS_VALUE_TEXT,          FALSE },
  [VETO_PROGRESS_KEY_EVIDENCE_SUBJECT]  = { "EvidenceSubject",  VETO_PROGRESS_VALUE_TEXT,          FALSE },
  [VETO_PROGRESS_KEY_EVIDENCE_DATE]     = { "EvidenceDate",     VETO_PROGRESS_VALUE_MOMENT,        FALSE },
};

const char *
veto_progress_key_name (VetoProgressKey key)
{
  g_return_val_if_fail (key < VETO_PROGRESS_N_KEYS, NULL);
  return step_keys[key].name;
}

VetoProgressValue
veto_progress_key_value (VetoProgressKey key)
{
  g_return_val_if_fail (key < VETO_PROGRESS_N_KEYS, VETO_PROGRESS_VALUE_TEXT);
  return step_keys[key].value;
}

/**
 * veto_progress_key_is_record:
 *
 * Returns: whether a step that has @key has something recorded (see
 *   veto_progress_store_has_record())
 */
gboolean
veto_progress_key_is_record (VetoProgressKey key)
{
  g_return_val_if_fail (key < VETO_PROGRESS_N_KEYS, FALSE);
  return step_keys[key].is_record;
}

/**
 * veto_progress_date_key:
 *
 * Returns: the key that holds the date @kind: `Submitted`…
 */
VetoProgressKey
veto_progress_date_key (VetoDateKind kind)
{
  g_return_val_if_fail (kind <= VETO_DATE_CHECKED, VETO_PROGRESS_KEY_SUBMITTED);
  return VETO_PROGRESS_KEY_SUBMITTED + kind;
}

/**
 * veto_progress_entered_key:
 *
 * Returns: the key that holds when the person stated the date @kind:
 *   `SubmittedEntered`…
 */
VetoProgressKey
veto_progress_entered_key (VetoDateKind kind)
{
  g_return_val_if_fail (kind <= VETO_DATE_CHECKED, VETO_PROGRESS_KEY_SUBMITTED_ENTERED);
  return VETO_PROGRESS_KEY_SUBMITTED_ENTERED + kind;
}

/* The row of @name; NULL for a key Veto does not know, which a step may
 * hold (an older Veto's, or one written by hand) and which is kept as it
 * is. */
static const StepKey *
lookup_step_key (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_keys); i++)
    if (g_str_equal (step_keys[i].name, name))
      return &step_keys[i];
  return NULL;
}

/**
 * veto_progress_step_group:
 * @step_id: a step id
 * @account_id: (nullable): the account, or %NULL (or "") for a step done
 *   once
 *
 * Returns: (transfer full): `Step <step> <account>`, or `Step <step>`
 */
char *
veto_progress_step_group (const char *step_id,
                          const char *account_id)
{
  if (account_id == NULL || *account_id == '\0')
    return g_strdup_printf (VETO_PROGRESS_STEP_PREFIX "%s", step_id);

  return g_strdup_printf (VETO_PROGRESS_STEP_PREFIX "%s %s", step_id, account_id);
}

/**
 * veto_progress_account_group:
 *
 * Returns: (transfer full): `Account <app> <account>`
 */
char *
veto_progress_account_group (const char *app_id,
                             const char *account_id)
{
  return g_strdup_printf (VETO_PROGRESS_ACCOUNT_PREFIX "%s %s", app_id, account_id);
}

/**
 * veto_progress_parse_day:
 * @str: (nullable): a day the person stated, YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): local midnight of that day, or
 *   %NULL when @str is not a real day between %VETO_DATE_MIN_YEAR and
 *   %VETO_DATE_MAX_YEAR
 */
GDateTime *
veto_progress_parse_day (const char *str)
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

/**
 * veto_progress_format_day:
 * @date: a date
 *
 * Returns: (transfer full): @date's local day as YYYY-MM-DD, as
 *   veto_progress_parse_day() reads it
 */
char *
veto_progress_format_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  return g_date_time_format (local, "%Y-%m-%d");
}

static gboolean
is_day (const char *str)
{
  g_autoptr(GDateTime) dt = veto_progress_parse_day (str);

  return dt != NULL;
}

/**
 * veto_date_is_sane:
 * @date: a date read from a file or an email
 *
 * Returns: whether its year, in UTC and where it was written, is between
 *   %VETO_DATE_MIN_YEAR and %VETO_DATE_MAX_YEAR
 */
gboolean
veto_date_is_sane (GDateTime *date)
{
  g_autoptr(GDateTime) utc = NULL;
  int year;

  g_return_val_if_fail (date != NULL, FALSE);

  year = g_date_time_get_year (date);
  if (year < VETO_DATE_MIN_YEAR || year > VETO_DATE_MAX_YEAR)
    return FALSE;
  utc = g_date_time_to_utc (date);
  year = utc ? g_date_time_get_year (utc) : 0;
  return year >= VETO_DATE_MIN_YEAR && year <= VETO_DATE_MAX_YEAR;
}

/**
 * veto_date_kind_from_string:
 * @str: `submitted`, `confirmed`, `refused` or `checked`
 * @kind: (out): the kind
 *
 * Returns: whether @str names a kind of date
 */
gboolean
veto_date_kind_from_string (const char   *str,
                            VetoDateKind *kind)
{
  const char *names[] = { "submitted", "confirmed", "refused", "checked" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *kind = (VetoDateKind)i;
        return TRUE;
      }

  return FALSE;
}

const char *
veto_date_kind_to_string (VetoDateKind kind)
{
  const char *names[] = { "submitted", "confirmed", "refused", "checked" };

  g_return_val_if_fail (kind <= VETO_DATE_CHECKED, NULL);
  return names[kind];
}

static gboolean
is_iso8601 (const char *str)
{
  g_autoptr(GDateTime) dt = NULL;

  if (str == NULL || *str == '\0')
    return TRUE;

  dt = g_date_time_new_from_iso8601 (str, NULL);
  return dt != NULL && veto_date_is_sane (dt);
}

gboolean
veto_progress_is_sha256 (const char *str)
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
veto_progress_is_evidence_name (const char *str)
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

/* Whether @value may be the value of the step key @name. */
static gboolean
is_step_value (const char *name,
               const char *value)
{
  const StepKey *key = lookup_step_key (name);
  VetoStepState state;

  if (key == NULL)
    return TRUE;

  switch (key->value)
    {
    case VETO_PROGRESS_VALUE_STATE:
      return veto_step_state_from_string (value, &state);
    case VETO_PROGRESS_VALUE_DATE:
      return is_iso8601 (value) || is_day (value);
    case VETO_PROGRESS_VALUE_MOMENT:
      return is_iso8601 (value);
    case VETO_PROGRESS_VALUE_VERSION:
      return is_int_at_least (value, 1);
    case VETO_PROGRESS_VALUE_SHA256:
      return veto_progress_is_sha256 (value);
    case VETO_PROGRESS_VALUE_EVIDENCE_NAME:
      return veto_progress_is_evidence_name (value);
    case VETO_PROGRESS_VALUE_TEXT:
    default:
      return TRUE;
    }
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

  if (g_str_equal (group, VETO_PROGRESS_HEADER_GROUP))
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
  g_auto(GStrv) apps = g_key_file_get_string_list (keyfile, VETO_PROGRESS_HEADER_GROUP, "Apps", NULL, NULL);
  g_autofree char *region = g_key_file_get_string (keyfile, VETO_PROGRESS_HEADER_GROUP, "Region", NULL);
  g_autofree char *language = g_key_file_get_string (keyfile, VETO_PROGRESS_HEADER_GROUP, "Language", NULL);

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

          if (ok && g_str_has_prefix (groups[i], VETO_PROGRESS_STEP_PREFIX))
            ok = is_step_value (keys[j], value);
          else if (ok && g_str_equal (groups[i], VETO_PROGRESS_HEADER_GROUP) && g_str_equal (keys[j], "CatalogVersion"))
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

/**
 * veto_progress_parse:
 * @keyfile: an empty keyfile to load into
 * @data: (inout): the file's bytes, NUL-terminated (a byte order mark is
 *   removed in place)
 * @len: their length
 * @format: (out): the file's Format=
 * @error: what is wrong with the file
 *
 * Loads a progress file into @keyfile when it is one Veto can trust: the
 * final group is there (and removed), and every group and value is one
 * Veto writes. A file of a newer format is loaded and not judged.
 *
 * Returns: %TRUE when @keyfile holds the file
 */
gboolean
veto_progress_parse (GKeyFile    *keyfile,
                     char        *data,
                     gsize        len,
                     int         *format,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  gsize n_groups = 0;

  /* a byte order mark, as some editors write, is not part of the file */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (data, data + 3, len - 3 + 1);
      len -= 3;
    }

  if (len == 0 || !g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_UNKNOWN_ENCODING,
                           "empty or not UTF-8");
      return FALSE;
    }

  if (!g_key_file_load_from_data (keyfile, data, len, G_KEY_FILE_NONE, error))
    return FALSE;

  *format = g_key_file_get_integer (keyfile, VETO_PROGRESS_HEADER_GROUP, "Format", &local_error);
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
  if (n_groups == 0 || !g_str_equal (groups[n_groups - 1], VETO_PROGRESS_END_GROUP))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                           "truncated: the final group is missing");
      return FALSE;
    }
  g_key_file_remove_group (keyfile, VETO_PROGRESS_END_GROUP, NULL);

  return validate (keyfile, error);
}
