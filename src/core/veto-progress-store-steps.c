/* veto-progress-store-steps.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each step's state, its dates, note and form. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-progress-store-private.h"


/* The value of @key in @group, or NULL. GKeyFile builds and translates a
 * GError for a missing group or key even when none is asked for, and most
 * steps have no group yet (not started) and most keys no value (dates):
 * this looks first, which costs two hash lookups instead. */
char *
_veto_progress_store_get_string (VetoProgressStore *self,
                                 const char        *group,
                                 const char        *key)
{
  if (!g_key_file_has_group (self->keyfile, group) ||
      !g_key_file_has_key (self->keyfile, group, key, NULL))
    return NULL;

  return g_key_file_get_string (self->keyfile, group, key, NULL);
}

VetoStepState
veto_progress_store_get_state (VetoProgressStore *self,
                               const char        *step_id,
                               const char        *account_id)
{
  g_autofree char *group = NULL;
  g_autofree char *value = NULL;
  VetoStepState state = VETO_STEP_STATE_TODO;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), VETO_STEP_STATE_TODO);
  g_return_val_if_fail (step_id != NULL, VETO_STEP_STATE_TODO);

  group = _veto_progress_step_group (step_id, account_id);
  value = _veto_progress_store_get_string (self, group, "State");
  if (value == NULL || !veto_step_state_from_string (value, &state))
    return VETO_STEP_STATE_TODO;

  return state;
}

static void
stamp (VetoProgressStore *self,
       const char        *group,
       const char        *key,
       gboolean           only_if_unset)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *iso = NULL;

  if (only_if_unset && g_key_file_has_key (self->keyfile, group, key, NULL))
    return;

  now = veto_clock_get_now (self->clock);

  /* A clock set back (a dead battery says 1970) must not record a
   * confirmation before its submission. */
  if (g_str_equal (key, "Confirmed"))
    {
      g_autofree char *submitted = _veto_progress_store_get_string (self, group, "Submitted");
      g_autoptr(GDateTime) then = submitted != NULL ? g_date_time_new_from_iso8601 (submitted, NULL) : NULL;

      if (then != NULL && g_date_time_compare (now, then) < 0)
        {
          g_date_time_unref (now);
          now = g_steal_pointer (&then);
        }
    }

  iso = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_key_file_set_string (self->keyfile, group, key, iso);
}

/* The catalog a step was last finished or checked against: a newer catalog
 * whose changelog names the step makes it due again. */
void
_veto_progress_store_stamp_catalog_version (VetoProgressStore *self,
                                            const char        *group)
{
  int version = veto_progress_store_get_catalog_version (self);

  if (version > 0)
    g_key_file_set_integer (self->keyfile, group, "CatalogVersion", version);
}

const char *
_veto_progress_date_key (VetoDateKind kind)
{
  switch (kind)
    {
    case VETO_DATE_SUBMITTED: return "Submitted";
    case VETO_DATE_CONFIRMED: return "Confirmed";
    case VETO_DATE_REFUSED: return "Refused";
    case VETO_DATE_CHECKED: return "Checked";
    default: g_return_val_if_reached ("Submitted");
    }
}

static void
remove_date (VetoProgressStore *self,
             const char        *group,
             VetoDateKind       kind)
{
  g_autofree char *entered = g_strconcat (_veto_progress_date_key (kind), "Entered", NULL);

  g_key_file_remove_key (self->keyfile, group, _veto_progress_date_key (kind), NULL);
  g_key_file_remove_key (self->keyfile, group, entered, NULL);
}

/* A day the person states, kept beside the moment they stated it. */
void
_veto_progress_store_set_day (VetoProgressStore *self,
                              const char        *group,
                              VetoDateKind       kind,
                              GDateTime         *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (day);
  g_autofree char *text = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *entered = g_strconcat (_veto_progress_date_key (kind), "Entered", NULL);

  g_key_file_set_string (self->keyfile, group, _veto_progress_date_key (kind), text);
  stamp (self, group, entered, FALSE);
}

void
_veto_progress_store_apply_state (VetoProgressStore *self,
                                  const char        *group,
                                  VetoStepState      state)
{
  VetoStepState old = VETO_STEP_STATE_TODO;
  g_autofree char *value = _veto_progress_store_get_string (self, group, "State");

  if (value != NULL)
    veto_step_state_from_string (value, &old);

  g_key_file_set_string (self->keyfile, group, "State", veto_step_state_to_string (state));
  stamp (self, group, "Updated", FALSE);
  _veto_progress_store_stamp_catalog_version (self, group);

  switch (state)
    {
    case VETO_STEP_STATE_SUBMITTED:
      stamp (self, group, "Submitted", TRUE);
      /* Back from "confirmed" or "refused": the submission still stands and
       * keeps its date; Meta's answer no longer does. */
      remove_date (self, group, VETO_DATE_CONFIRMED);
      remove_date (self, group, VETO_DATE_REFUSED);
      break;

    case VETO_STEP_STATE_CONFIRMED:
      /* A confirmation implies a submission, even if it was never ticked. */
      stamp (self, group, "Submitted", TRUE);
      stamp (self, group, "Confirmed", TRUE);
      remove_date (self, group, VETO_DATE_REFUSED);
      break;

    case VETO_STEP_STATE_REFUSED:
      stamp (self, group, "Submitted", TRUE);
      stamp (self, group, "Refused", TRUE);
      remove_date (self, group, VETO_DATE_CONFIRMED);
      break;

    case VETO_STEP_STATE_TODO:
      /* Back to "to do" means the earlier dates no longer describe anything
       * (an Undo brings them back). */
      remove_date (self, group, VETO_DATE_SUBMITTED);
      remove_date (self, group, VETO_DATE_CONFIRMED);
      remove_date (self, group, VETO_DATE_REFUSED);
      break;

    case VETO_STEP_STATE_DONE:
    case VETO_STEP_STATE_SKIPPED:
    case VETO_STEP_STATE_NOT_APPLICABLE:
    default:
      break;
    }

  (void)old;
}

/**
 * veto_progress_store_set_state:
 *
 * Records a new state for a step and account, stamped with the clock's time
 * and the catalog version in use.
 * Entering "submitted", "confirmed" or "refused" records that date too,
 * once: marking a step submitted again later keeps the first date, which is
 * the one that counts for Meta's one-month deadline. Going back from
 * "confirmed" or "refused" to "submitted" keeps the submission date.
 */
void
veto_progress_store_set_state (VetoProgressStore *self,
                               const char        *step_id,
                               const char        *account_id,
                               VetoStepState      state)
{
  g_autofree char *group = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (step_id != NULL);
  g_return_if_fail (state <= VETO_STEP_STATE_LAST);

  group = _veto_progress_step_group (step_id, account_id);
  if ((g_key_file_has_group (self->keyfile, group) &&
       veto_progress_store_get_state (self, step_id, account_id) == state) ||
      !_veto_progress_store_begin_change (self))
    return;

  _veto_progress_store_apply_state (self, group, state);
  _veto_progress_store_commit (self);
}

GDateTime *
_veto_progress_store_dup_date (VetoProgressStore *self,
                               const char        *step_id,
                               const char        *account_id,
                               const char        *key)
{
  g_autofree char *group = _veto_progress_step_group (step_id, account_id);
  g_autofree char *value = _veto_progress_store_get_string (self, group, key);

  if (value == NULL || *value == '\0')
    return NULL;

  if (_veto_progress_is_day (value))
    return _veto_progress_parse_day (value);

  return g_date_time_new_from_iso8601 (value, NULL);
}

/**
 * veto_progress_store_dup_submitted:
 *
 * Returns: (transfer full) (nullable): when the step was first marked submitted
 */
GDateTime *
veto_progress_store_dup_submitted (VetoProgressStore *self,
                                   const char        *step_id,
                                   const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return _veto_progress_store_dup_date (self, step_id, account_id, "Submitted");
}

/**
 * veto_progress_store_dup_confirmed:
 *
 * Returns: (transfer full) (nullable): when Meta's confirmation was recorded
 */
GDateTime *
veto_progress_store_dup_confirmed (VetoProgressStore *self,
                                   const char        *step_id,
                                   const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return _veto_progress_store_dup_date (self, step_id, account_id, "Confirmed");
}

/**
 * veto_progress_store_dup_updated:
 *
 * Returns: (transfer full) (nullable): when the state last changed
 */
GDateTime *
veto_progress_store_dup_updated (VetoProgressStore *self,
                                 const char        *step_id,
                                 const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return _veto_progress_store_dup_date (self, step_id, account_id, "Updated");
}

/**
 * veto_progress_store_dup_checked:
 *
 * Returns: (transfer full) (nullable): when the person last rechecked the step
 */
GDateTime *
veto_progress_store_dup_checked (VetoProgressStore *self,
                                 const char        *step_id,
                                 const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return _veto_progress_store_dup_date (self, step_id, account_id, "Checked");
}

/**
 * veto_progress_store_mark_checked:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account, or %NULL for a step done once per app
 *
 * Records that the person looked at the step again today, against the
 * catalog in use: a finished step is then no longer due for a recheck,
 * whether it was due because time passed or because the catalog changed it.
 * The state and its dates are left as they are.
 */
void
veto_progress_store_mark_checked (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id)
{
  g_autofree char *group = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (step_id != NULL);

  if (!_veto_progress_store_begin_change (self))
    return;

  group = _veto_progress_step_group (step_id, account_id);
  if (!g_key_file_has_key (self->keyfile, group, "State", NULL))
    g_key_file_set_string (self->keyfile, group, "State",
                           veto_step_state_to_string (VETO_STEP_STATE_TODO));
  stamp (self, group, "Checked", FALSE);
  _veto_progress_store_stamp_catalog_version (self, group);
  _veto_progress_store_commit (self);
}

/**
 * veto_progress_store_get_step_catalog_version:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account, or %NULL for a step done once per app
 *
 * Returns: the version of the catalog in use when the step's state last
 *   changed or it was last checked, or 0 when that is not known (the step
 *   was recorded by an older Veto, or never)
 */
int
veto_progress_store_get_step_catalog_version (VetoProgressStore *self,
                                              const char        *step_id,
                                              const char        *account_id)
{
  g_autofree char *group = NULL;
  g_autofree char *value = NULL;
  gint64 version;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), 0);
  g_return_val_if_fail (step_id != NULL, 0);

  /* most records have no CatalogVersion yet, and g_key_file_get_integer()
   * builds an error message for each that has none */
  group = _veto_progress_step_group (step_id, account_id);
  value = _veto_progress_store_get_string (self, group, "CatalogVersion");
  if (value == NULL || !g_ascii_string_to_signed (g_strstrip (value), 10, G_MININT, G_MAXINT, &version, NULL))
    return 0;
  return MAX (0, (int)version);
}

char *
_veto_progress_store_dup_text (VetoProgressStore *self,
                               const char        *step_id,
                               const char        *account_id,
                               const char        *key)
{
  g_autofree char *group = _veto_progress_step_group (step_id, account_id);
  g_autofree char *value = _veto_progress_store_get_string (self, group, key);

  if (value == NULL || *value == '\0')
    return NULL;

  return g_steal_pointer (&value);
}

static void
set_text (VetoProgressStore *self,
          const char        *step_id,
          const char        *account_id,
          const char        *key,
          const char        *value)
{
  g_autofree char *group = _veto_progress_step_group (step_id, account_id);
  g_autofree char *old = _veto_progress_store_dup_text (self, step_id, account_id, key);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (old, value) == 0 || !_veto_progress_store_begin_change (self))
    return;

  if (!g_key_file_has_key (self->keyfile, group, "State", NULL))
    g_key_file_set_string (self->keyfile, group, "State",
                           veto_step_state_to_string (VETO_STEP_STATE_TODO));

  if (value == NULL)
    g_key_file_remove_key (self->keyfile, group, key, NULL);
  else
    g_key_file_set_string (self->keyfile, group, key, value);

  _veto_progress_store_commit (self);
}

/**
 * veto_progress_store_dup_note:
 *
 * Returns: (transfer full) (nullable): the person's note on that step
 */
char *
veto_progress_store_dup_note (VetoProgressStore *self,
                              const char        *step_id,
                              const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return _veto_progress_store_dup_text (self, step_id, account_id, "Note");
}

void
veto_progress_store_set_note (VetoProgressStore *self,
                              const char        *step_id,
                              const char        *account_id,
                              const char        *note)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (step_id != NULL);
  set_text (self, step_id, account_id, "Note", note);
}

/**
 * veto_progress_store_dup_form_url:
 *
 * Returns: (transfer full) (nullable): the address of the form the person
 *   opened for that step, as it was at the time
 */
char *
veto_progress_store_dup_form_url (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return _veto_progress_store_dup_text (self, step_id, account_id, "FormUrl");
}

void
veto_progress_store_set_form_url (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id,
                                  const char        *url)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (step_id != NULL);
  set_text (self, step_id, account_id, "FormUrl", url);
}
