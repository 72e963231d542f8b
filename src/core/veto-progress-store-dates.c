/* veto-progress-store-dates.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The days a person states, and the rules they obey. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-progress-store-private.h"

G_DEFINE_QUARK (veto-progress-error-quark, veto_progress_error)

/* The local day of @date, for comparing days a person states. */
static GDate *
local_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  return g_date_new_dmy (g_date_time_get_day_of_month (local),
                         g_date_time_get_month (local),
                         g_date_time_get_year (local));
}

static int
compare_days (GDateTime *a,
              GDateTime *b)
{
  g_autoptr(GDate) da = local_day (a);
  g_autoptr(GDate) db = local_day (b);

  return g_date_compare (da, db);
}

/* The rules a stated day obeys, whatever the order in which the person
 * states them: nothing in the future, Meta's answer not before the
 * submission it answers. */
gboolean
_veto_progress_store_check_day (VetoProgressStore  *self,
                                const char         *step_id,
                                const char         *account_id,
                                VetoDateKind        kind,
                                GDateTime          *day,
                                GError            **error)
{
  g_autoptr(GDateTime) now = veto_clock_get_now (self->clock);
  g_autoptr(GDateTime) submitted = NULL;

  if (compare_days (day, now) > 0)
    {
      g_set_error_literal (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_FUTURE_DATE,
                           _("That day is in the future. Choose the day it happened."));
      return FALSE;
    }

  if (kind == VETO_DATE_CONFIRMED || kind == VETO_DATE_REFUSED)
    {
      submitted = veto_progress_store_dup_date (self, step_id, account_id, VETO_DATE_SUBMITTED);
      if (submitted != NULL && compare_days (day, submitted) < 0)
        {
          g_autofree char *text = veto_progress_format_day (submitted);

          g_set_error (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_BEFORE_SUBMITTED,
                       /* Translators: %s is a date */
                       _("Meta cannot have answered before you sent the form on %s. Choose a later day, or correct the day you sent it."),
                       text);
          return FALSE;
        }
    }
  else if (kind == VETO_DATE_SUBMITTED)
    {
      VetoDateKind answers[] = { VETO_DATE_CONFIRMED, VETO_DATE_REFUSED };

      for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
        {
          g_autoptr(GDateTime) answer = veto_progress_store_dup_date (self, step_id, account_id, answers[i]);

          if (answer != NULL && compare_days (day, answer) > 0)
            {
              g_autofree char *text = veto_progress_format_day (answer);

              g_set_error (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_BEFORE_SUBMITTED,
                           /* Translators: %s is a date */
                           _("Meta answered on %s, so the form was sent on that day or before. Choose an earlier day."),
                           text);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * veto_progress_store_check_date:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account
 * @kind: which date
 * @day: the day the person chose
 * @error: why it would be refused
 *
 * The rules veto_progress_store_set_date() applies, without changing
 * anything: for a calendar that says at once what is wrong.
 *
 * Returns: %TRUE when @day would be accepted
 */
gboolean
veto_progress_store_check_date (VetoProgressStore  *self,
                                const char         *step_id,
                                const char         *account_id,
                                VetoDateKind        kind,
                                GDateTime          *day,
                                GError            **error)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  return _veto_progress_store_check_day (self, step_id, account_id, kind, day, error);
}

/**
 * veto_progress_format_day:
 * @date: a date
 *
 * Returns: (transfer full): @date's local day as YYYY-MM-DD
 */
char *
veto_progress_format_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  return g_date_time_format (local, "%Y-%m-%d");
}

/**
 * veto_progress_store_dup_date:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account, or %NULL for a step done once per app
 * @kind: which date
 *
 * Returns: (transfer full) (nullable): the day the person states (local
 *   midnight) or, when they never corrected it, the moment they clicked
 */
GDateTime *
veto_progress_store_dup_date (VetoProgressStore *self,
                              const char        *step_id,
                              const char        *account_id,
                              VetoDateKind       kind)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return _veto_progress_store_dup_date (self, step_id, account_id, _veto_progress_date_key (kind));
}

/**
 * veto_progress_store_dup_entered:
 *
 * Returns: (transfer full) (nullable): when the date @kind was entered:
 *   the moment of the click, or when the person stated the day
 */
GDateTime *
veto_progress_store_dup_entered (VetoProgressStore *self,
                                 const char        *step_id,
                                 const char        *account_id,
                                 VetoDateKind       kind)
{
  g_autofree char *key = NULL;
  GDateTime *entered;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  key = g_strconcat (_veto_progress_date_key (kind), "Entered", NULL);
  entered = _veto_progress_store_dup_date (self, step_id, account_id, key);
  if (entered != NULL)
    return entered;

  /* a click: the moment is the date */
  return _veto_progress_store_dup_date (self, step_id, account_id, _veto_progress_date_key (kind));
}

/**
 * veto_progress_store_set_date:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account, or %NULL for a step done once per app
 * @kind: which date
 * @day: the day it happened (its local day counts)
 * @error: why the day was refused (#VETO_PROGRESS_ERROR)
 *
 * Corrects a date to the real day: the form sent yesterday, the email that
 * came on Monday. Not in the future; Meta's answer not before the
 * submission. The moment it was entered is kept beside it.
 *
 * Returns: %TRUE when the day was recorded
 */
gboolean
veto_progress_store_set_date (VetoProgressStore  *self,
                              const char         *step_id,
                              const char         *account_id,
                              VetoDateKind        kind,
                              GDateTime          *day,
                              GError            **error)
{
  g_autofree char *group = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (!_veto_progress_store_check_day (self, step_id, account_id, kind, day, error))
    return FALSE;

  if (!_veto_progress_store_begin_change (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  group = _veto_progress_step_group (step_id, account_id);
  if (!g_key_file_has_key (self->keyfile, group, "State", NULL))
    g_key_file_set_string (self->keyfile, group, "State",
                           veto_step_state_to_string (VETO_STEP_STATE_TODO));
  _veto_progress_store_set_day (self, group, kind, day);
  if (kind == VETO_DATE_CHECKED)
    _veto_progress_store_stamp_catalog_version (self, group);
  _veto_progress_store_commit (self);

  return TRUE;
}

/**
 * veto_progress_store_set_state_on:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account
 * @state: the new state
 * @day: (nullable): the day it happened, for "submitted", "confirmed" and
 *   "refused"; %NULL for today
 * @error: why the day was refused
 *
 * veto_progress_store_set_state() and veto_progress_store_set_date() as one
 * change: one save, one Undo.
 *
 * Returns: %TRUE when recorded
 */
gboolean
veto_progress_store_set_state_on (VetoProgressStore  *self,
                                  const char         *step_id,
                                  const char         *account_id,
                                  VetoStepState       state,
                                  GDateTime          *day,
                                  GError            **error)
{
  g_autofree char *group = NULL;
  VetoDateKind kind;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);
  g_return_val_if_fail (state <= VETO_STEP_STATE_LAST, FALSE);

  if (day == NULL)
    {
      veto_progress_store_set_state (self, step_id, account_id, state);
      return TRUE;
    }

  if (state == VETO_STEP_STATE_SUBMITTED)
    kind = VETO_DATE_SUBMITTED;
  else if (state == VETO_STEP_STATE_CONFIRMED)
    kind = VETO_DATE_CONFIRMED;
  else if (state == VETO_STEP_STATE_REFUSED)
    kind = VETO_DATE_REFUSED;
  else
    {
      veto_progress_store_set_state (self, step_id, account_id, state);
      return TRUE;
    }

  if (!_veto_progress_store_check_day (self, step_id, account_id, kind, day, error))
    return FALSE;

  if (!_veto_progress_store_begin_change (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  group = _veto_progress_step_group (step_id, account_id);
  _veto_progress_store_apply_state (self, group, state);
  _veto_progress_store_set_day (self, group, kind, day);
  _veto_progress_store_commit (self);

  return TRUE;
}
