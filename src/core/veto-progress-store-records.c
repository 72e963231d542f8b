/* veto-progress-store-records.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What is recorded for a step as a whole: snapshots, evidence, and records
 * adopted from another account. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-file.h"
#include "veto-progress-store-private.h"

/**
 * veto_progress_store_has_record:
 *
 * Returns: whether anything is recorded for the step and account: a state
 *   other than "to do", a date, a note, a form used or evidence. Such a
 *   step is never hidden, even once it no longer applies.
 */
gboolean
veto_progress_store_has_record (VetoProgressStore *self,
                                const char        *step_id,
                                const char        *account_id)
{
  const char *keys[] = { "Submitted", "Confirmed", "Refused", "Checked", "Note",
                         "FormUrl", "EvidenceFile" };
  g_autofree char *group = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  group = _veto_progress_step_group (step_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group))
    return FALSE;

  if (veto_progress_store_get_state (self, step_id, account_id) != VETO_STEP_STATE_TODO)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_key_file_has_key (self->keyfile, group, keys[i], NULL))
      return TRUE;

  return FALSE;
}

/**
 * veto_progress_store_dup_step_snapshot:
 *
 * Everything recorded for one step and account, as an opaque text that
 * veto_progress_store_restore_step() puts back exactly: what an Undo needs.
 *
 * Returns: (transfer full): the snapshot ("" when nothing is recorded)
 */
char *
veto_progress_store_dup_step_snapshot (VetoProgressStore *self,
                                       const char        *step_id,
                                       const char        *account_id)
{
  g_autoptr(GKeyFile) copy = g_key_file_new ();
  g_autofree char *group = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  group = _veto_progress_step_group (step_id, account_id);
  keys = g_key_file_get_keys (self->keyfile, group, NULL, NULL);
  if (keys == NULL)
    return g_strdup ("");

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (self->keyfile, group, keys[i], NULL);

      g_key_file_set_value (copy, "Step", keys[i], value);
    }

  return g_key_file_to_data (copy, NULL, NULL);
}

/**
 * veto_progress_store_restore_step:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account
 * @snapshot: from veto_progress_store_dup_step_snapshot()
 *
 * Puts a step back exactly as it was: state, every date, note, evidence.
 */
void
veto_progress_store_restore_step (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id,
                                  const char        *snapshot)
{
  g_autoptr(GKeyFile) copy = g_key_file_new ();
  g_autofree char *group = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (snapshot != NULL);

  if (*snapshot != '\0' &&
      !g_key_file_load_from_data (copy, snapshot, -1, G_KEY_FILE_NONE, NULL))
    g_return_if_reached ();

  if (!_veto_progress_store_begin_change (self))
    return;

  group = _veto_progress_step_group (step_id, account_id);
  g_key_file_remove_group (self->keyfile, group, NULL);
  keys = g_key_file_get_keys (copy, "Step", NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (copy, "Step", keys[i], NULL);

      g_key_file_set_value (self->keyfile, group, keys[i], value);
    }

  _veto_progress_store_commit (self);
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

void
veto_evidence_info_free (VetoEvidenceInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->file);
  g_free (info->sha256);
  g_free (info->from);
  g_free (info->subject);
  g_clear_pointer (&info->date, g_date_time_unref);
  g_free (info);
}

/**
 * veto_evidence_get_folder:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/veto/evidence`, where the copies
 *   of Meta's emails named in the progress are kept
 */
GFile *
veto_evidence_get_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "veto", "evidence", NULL);

  return g_file_new_for_path (path);
}

/**
 * veto_evidence_info_check_file:
 * @info: Meta's email as recorded
 * @out_path: (out) (optional): where its copy should be
 *
 * Reads the copy kept in `$XDG_DATA_HOME/veto/evidence/` and compares it
 * with the SHA-256 recorded: a record must not list as proof a file that
 * is gone or that someone changed.
 *
 * Returns: whether the copy is there, as it was kept
 */
VetoEvidenceFileState
veto_evidence_info_check_file (const VetoEvidenceInfo  *info,
                               char                   **out_path)
{
  g_autoptr(GFile) folder = veto_evidence_get_folder ();
  g_autofree char *path = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (info != NULL && info->file != NULL, VETO_EVIDENCE_FILE_MISSING);

  path = g_build_filename (g_file_peek_path (folder), info->file, NULL);
  bytes = veto_file_read_bounded (path, VETO_EVIDENCE_MAX_SIZE, NULL, &error);
  if (out_path != NULL)
    *out_path = g_strdup (path);
  if (bytes == NULL)
    return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
      ? VETO_EVIDENCE_FILE_MISSING : VETO_EVIDENCE_FILE_ALTERED;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return g_strcmp0 (sha256, info->sha256) == 0 ? VETO_EVIDENCE_FILE_KEPT : VETO_EVIDENCE_FILE_ALTERED;
}

/**
 * veto_progress_store_dup_evidence:
 *
 * Returns: (transfer full) (nullable): Meta's email kept as proof for the
 *   step and account, if one was attached
 */
VetoEvidenceInfo *
veto_progress_store_dup_evidence (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id)
{
  VetoEvidenceInfo *info;
  g_autofree char *file = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  file = _veto_progress_store_dup_text (self, step_id, account_id, "EvidenceFile");
  if (file == NULL)
    return NULL;

  info = g_new0 (VetoEvidenceInfo, 1);
  info->file = g_steal_pointer (&file);
  info->sha256 = _veto_progress_store_dup_text (self, step_id, account_id, "EvidenceSha256");
  info->from = _veto_progress_store_dup_text (self, step_id, account_id, "EvidenceFrom");
  info->subject = _veto_progress_store_dup_text (self, step_id, account_id, "EvidenceSubject");
  info->date = _veto_progress_store_dup_date (self, step_id, account_id, "EvidenceDate");
  return info;
}

/**
 * veto_progress_store_keep_evidence:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account
 * @evidence: the email kept (its file already written in the evidence folder)
 * @answer: %VETO_EMAIL_ANSWER_CONFIRMED or %VETO_EMAIL_ANSWER_REFUSED to
 *   record Meta's answer on the email's day; %VETO_EMAIL_ANSWER_UNKNOWN to
 *   keep the email as proof and leave the state and dates as they are
 * @error: why it was refused
 *
 * Records the email as proof, and Meta's answer when @answer says one, in
 * one change, saved at once. When the save fails (the file changed since
 * it was read: %G_IO_ERROR_WRONG_ETAG; a full or read-only disk), nothing
 * is changed, in memory or on disk.
 *
 * Returns: %TRUE when recorded and saved
 */
gboolean
veto_progress_store_keep_evidence (VetoProgressStore       *self,
                                   const char              *step_id,
                                   const char              *account_id,
                                   const VetoEvidenceInfo  *evidence,
                                   VetoEmailAnswer          answer,
                                   GError                 **error)
{
  g_autofree char *group = NULL;
  g_autofree char *date = NULL;
  g_autofree char *before = NULL;
  VetoDateKind kind = answer == VETO_EMAIL_ANSWER_REFUSED ? VETO_DATE_REFUSED : VETO_DATE_CONFIRMED;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (evidence != NULL && evidence->date != NULL, FALSE);
  g_return_val_if_fail (_veto_progress_is_evidence_name (evidence->file) && _veto_progress_is_sha256 (evidence->sha256), FALSE);
  g_return_val_if_fail (answer <= VETO_EMAIL_ANSWER_REFUSED, FALSE);

  /* an email from before the objection was sent (or from the future) is
   * about something else, even one kept only as proof */
  if (!_veto_progress_store_check_day (self, step_id, account_id, kind, evidence->date, error))
    return FALSE;

  if (!_veto_progress_store_begin_change (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  before = g_key_file_to_data (self->keyfile, NULL, NULL);
  group = _veto_progress_step_group (step_id, account_id);
  if (answer != VETO_EMAIL_ANSWER_UNKNOWN)
    {
      _veto_progress_store_apply_state (self, group, answer == VETO_EMAIL_ANSWER_REFUSED
                                                       ? VETO_STEP_STATE_REFUSED : VETO_STEP_STATE_CONFIRMED);
      _veto_progress_store_set_day (self, group, kind, evidence->date);
    }
  date = g_date_time_format_iso8601 (evidence->date);
  g_key_file_set_string (self->keyfile, group, "EvidenceFile", evidence->file);
  g_key_file_set_string (self->keyfile, group, "EvidenceSha256", evidence->sha256);
  g_key_file_set_string (self->keyfile, group, "EvidenceFrom", evidence->from ? evidence->from : "");
  g_key_file_set_string (self->keyfile, group, "EvidenceSubject", evidence->subject ? evidence->subject : "");
  g_key_file_set_string (self->keyfile, group, "EvidenceDate", date);

  /* Proof is recorded on disk or not at all: a confirmation kept only in
   * memory would be reported as recorded and lost at exit. */
  return _veto_progress_store_commit_or_revert (self, before, error);
}

/**
 * veto_progress_store_find_evidence_file:
 * @self: a #VetoProgressStore
 * @sha256: the SHA-256 of an email
 *
 * Returns: (transfer full) (nullable): the name under which an email with
 *   that hash is recorded as proof, for any step and account
 */
char *
veto_progress_store_find_evidence_file (VetoProgressStore *self,
                                        const char        *sha256)
{
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  groups = g_key_file_get_groups (self->keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *hash = NULL;

      if (!g_str_has_prefix (groups[i], "Step "))
        continue;
      hash = g_key_file_get_string (self->keyfile, groups[i], "EvidenceSha256", NULL);
      if (g_strcmp0 (hash, sha256) == 0)
        return g_key_file_get_string (self->keyfile, groups[i], "EvidenceFile", NULL);
    }

  return NULL;
}

static int
adopt_rank (VetoStepState state)
{
  switch (state)
    {
    case VETO_STEP_STATE_CONFIRMED:
    case VETO_STEP_STATE_DONE:
    case VETO_STEP_STATE_REFUSED:
      return 3;
    case VETO_STEP_STATE_SUBMITTED:
      return 2;
    case VETO_STEP_STATE_TODO:
      return 1;
    case VETO_STEP_STATE_SKIPPED:
    case VETO_STEP_STATE_NOT_APPLICABLE:
    default:
      return 0;
    }
}

/* Copies the most advanced of @candidates (groups of the progress file:
 * finished before submitted before to do; the latest among equals) as
 * @target, with its dates and the catalog version it was recorded
 * against, so that a [Changes] entry can still ask for a recheck. The
 * candidates stay: nothing the person recorded is lost. */
static gboolean
adopt_best (VetoProgressStore *self,
            const char        *target,
            GPtrArray         *candidates)
{
  g_autofree char *best = NULL;
  g_autofree char *best_updated = NULL;
  g_auto(GStrv) keys = NULL;
  int best_rank = -1;

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *group = g_ptr_array_index (candidates, i);
      g_autofree char *value = NULL;
      g_autofree char *updated = NULL;
      VetoStepState state = VETO_STEP_STATE_TODO;
      int rank;

      value = g_key_file_get_string (self->keyfile, group, "State", NULL);
      if (value == NULL || !veto_step_state_from_string (value, &state))
        continue;
      rank = adopt_rank (state);
      updated = _veto_progress_store_get_string (self, group, "Updated");
      if (rank > best_rank ||
          (rank == best_rank && g_strcmp0 (updated, best_updated) > 0))
        {
          best_rank = rank;
          g_free (best);
          best = g_strdup (group);
          g_free (best_updated);
          best_updated = g_steal_pointer (&updated);
        }
    }

  if (best == NULL || !_veto_progress_store_begin_change (self))
    return FALSE;

  keys = g_key_file_get_keys (self->keyfile, best, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (self->keyfile, best, keys[i], NULL);

      if (value != NULL)
        g_key_file_set_value (self->keyfile, target, keys[i], value);
    }

  _veto_progress_store_keep_in_memory (self);
  return TRUE;
}

/**
 * veto_progress_store_adopt_account_records:
 * @self: a #VetoProgressStore
 * @step_id: a step now done once (catalog Scope=app or accounts-center)
 *
 * A newer catalog can turn a step that was done once per account into one
 * done once (an Accounts Center setting). When the step has no record of its
 * own yet but has per-account records, the most advanced of them (finished
 * before submitted before to do; the latest among equals) is copied as the
 * step's record, with its dates and the catalog version it was recorded
 * against, so that a [Changes] entry can still ask for a recheck. The
 * per-account records stay: nothing the person recorded is lost.
 *
 * Returns: %TRUE when a record was adopted
 */
gboolean
veto_progress_store_adopt_account_records (VetoProgressStore *self,
                                           const char        *step_id)
{
  g_autofree char *target = NULL;
  g_autofree char *prefix = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);

  target = _veto_progress_step_group (step_id, NULL);
  if (g_key_file_has_group (self->keyfile, target))
    return FALSE;

  prefix = g_strconcat (target, " ", NULL);
  groups = g_key_file_get_groups (self->keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    /* "Step <id> <account>", the account being digits only: "Step a-b 1"
     * must not be taken for an account of step "a". */
    if (g_str_has_prefix (groups[i], prefix) &&
        strchr (groups[i] + strlen (prefix), ' ') == NULL)
      g_ptr_array_add (candidates, groups[i]);

  return adopt_best (self, target, candidates);
}

/**
 * veto_progress_store_adopt_replaced_records:
 * @self: a #VetoProgressStore
 * @step_id: a step done once that takes the place of others (catalog
 *   `Replaces=`: one complaint for every app instead of one per app)
 * @replaced_ids: the ids of the steps it replaces
 *
 * When @step_id has no record of its own yet, the most advanced record of
 * the replaced steps (finished before submitted before to do; the latest
 * among equals) becomes its record, as
 * veto_progress_store_adopt_account_records() does for accounts: a
 * complaint made under the old id stays made. The old records stay.
 *
 * Returns: %TRUE when a record was adopted
 */
gboolean
veto_progress_store_adopt_replaced_records (VetoProgressStore  *self,
                                            const char         *step_id,
                                            const char * const *replaced_ids)
{
  g_autofree char *target = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);
  g_return_val_if_fail (replaced_ids != NULL, FALSE);

  target = _veto_progress_step_group (step_id, NULL);
  if (g_key_file_has_group (self->keyfile, target))
    return FALSE;

  for (guint i = 0; replaced_ids[i] != NULL; i++)
    {
      char *group = _veto_progress_step_group (replaced_ids[i], NULL);

      if (g_key_file_has_group (self->keyfile, group))
        g_ptr_array_add (candidates, group);
      else
        g_free (group);
    }

  return adopt_best (self, target, candidates);
}
