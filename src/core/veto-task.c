/* veto-task.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-i18n.h"
#include "veto-progress-store.h"
#include "veto-task.h"

/* A step as it stands for one of the person's accounts: the unit that is
 * to do, submitted, done or due for a recheck. A snapshot; VetoChecklist
 * makes new ones when the progress changes. */
struct _VetoTask
{
  GObject        parent_instance;

  VetoApp       *app;
  VetoStep      *step;
  char          *account_id;
  char          *account_label;
  VetoStepState  state;
  GDateTime     *due_date;
  /* the newest catalog change that made the step due, if one did */
  VetoChange    *due_change;
  gboolean       due;

  /* Meta's answer: overdue since this day, or refused on it */
  GDateTime     *overdue_since;
  /* a sent objection: the last day of Meta's answer period */
  GDateTime     *answer_due;
  /* the first day Meta is late, whether or not that day has come */
  GDateTime     *answer_late_from;
  /* the last day of the period as Meta may extend it (the GDPR's three months) */
  GDateTime     *answer_extended_due;
  /* the period of the person's region (or of a format-3 step): months, and
   * the extension Meta may take; 0 when the law there sets none */
  int            answer_months;
  int            extension_months;
  /* the overdue or refused task that made this conditional step a to-do */
  VetoTask      *activated_by;
  /* set on an overdue or refused task once a step it activated is finished */
  gboolean       handled;
  gboolean       overdue;
  gboolean       active;
  gboolean       applies;
  /* the task whose state this one shows (catalog SameAs=), if any */
  VetoTask      *followed;
};

G_DEFINE_FINAL_TYPE (VetoTask, veto_task, G_TYPE_OBJECT)

static void
veto_task_finalize (GObject *object)
{
  VetoTask *self = (VetoTask *)object;

  g_clear_object (&self->app);
  g_clear_object (&self->step);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->account_label, g_free);
  g_clear_pointer (&self->due_date, g_date_time_unref);
  g_clear_object (&self->due_change);
  g_clear_pointer (&self->overdue_since, g_date_time_unref);
  g_clear_pointer (&self->answer_due, g_date_time_unref);
  g_clear_pointer (&self->answer_extended_due, g_date_time_unref);
  g_clear_pointer (&self->answer_late_from, g_date_time_unref);
  g_clear_object (&self->activated_by);
  g_clear_object (&self->followed);

  G_OBJECT_CLASS (veto_task_parent_class)->finalize (object);
}

static void
veto_task_class_init (VetoTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = veto_task_finalize;
}

static void
veto_task_init (VetoTask *self)
{
  self->active = TRUE;
  self->applies = TRUE;
}

/**
 * veto_task_new:
 * @app: the app
 * @step: the step
 * @account_id: (nullable): the account, or %NULL for a step done once per app
 * @account_label: (nullable): the account's label, if the person gave one
 * @state: the recorded state
 * @due_date: (nullable): when a finished step comes up for a recheck
 * @due: whether the recheck is due now
 * @due_change: (nullable): the catalog change that makes the step due, when
 *   a newer catalog changed a step the person had finished
 *
 * Returns: (transfer full): a new #VetoTask
 */
VetoTask *
veto_task_new (VetoApp       *app,
               VetoStep      *step,
               const char    *account_id,
               const char    *account_label,
               VetoStepState  state,
               GDateTime     *due_date,
               gboolean       due,
               VetoChange    *due_change)
{
  VetoTask *self = g_object_new (VETO_TYPE_TASK, NULL);

  self->app = g_object_ref (app);
  self->step = g_object_ref (step);
  self->account_id = g_strdup (account_id);
  self->account_label = g_strdup (account_label);
  self->state = state;
  self->due_date = due_date ? g_date_time_ref (due_date) : NULL;
  self->due = due;
  self->due_change = due_change ? g_object_ref (due_change) : NULL;

  return self;
}

/**
 * veto_task_new_following:
 * @app: the app
 * @step: a step with SameAs=
 * @account_id: (nullable): the account, or %NULL for a step done once
 * @account_label: (nullable): the account's label
 * @followed: the task of the step named by SameAs= whose state this one shows
 *
 * A step that is the same thing as another (Instagram's Accounts Center
 * settings are Facebook's) takes that task's state. It is never due itself: the
 * followed task is, and asking twice would count one recheck as two.
 *
 * Returns: (transfer full): a new #VetoTask
 */
VetoTask *
veto_task_new_following (VetoApp    *app,
                         VetoStep   *step,
                         const char *account_id,
                         const char *account_label,
                         VetoTask   *followed)
{
  VetoTask *self;

  g_return_val_if_fail (VETO_IS_TASK (followed), NULL);

  self = veto_task_new (app, step, account_id, account_label,
                        veto_task_get_state (followed), NULL, FALSE, NULL);
  self->followed = g_object_ref (followed);
  return self;
}

/**
 * veto_task_get_followed:
 * @self: a #VetoTask
 *
 * Returns: (transfer none) (nullable): the task whose state this one shows,
 *   for a step declared SameAs= another, when the person tracks that other
 *   step; %NULL otherwise
 */
VetoTask *
veto_task_get_followed (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->followed;
}

VetoApp *
veto_task_get_app (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->app;
}

VetoStep *
veto_task_get_step (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->step;
}

const char *
veto_task_get_account_id (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->account_id;
}

const char *
veto_task_get_account_label (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->account_label;
}

VetoStepState
veto_task_get_state (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), VETO_STEP_STATE_TODO);
  return self->state;
}

/**
 * veto_task_get_due_date:
 *
 * Returns: (transfer none) (nullable): when the recheck comes due, for a
 *   finished step that can be rechecked
 */
GDateTime *
veto_task_get_due_date (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->due_date;
}

gboolean
veto_task_get_due (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), FALSE);
  return self->due;
}

/**
 * veto_task_get_due_change:
 * @self: a #VetoTask
 *
 * Returns: (transfer none) (nullable): the newest entry of the catalog's
 *   changelog that names this step and is newer than the catalog the person
 *   last finished or checked it against; %NULL when the step is due only
 *   because its recheck interval passed, or is not due
 */
VetoChange *
veto_task_get_due_change (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->due_change;
}

/**
 * veto_task_get_due_reason:
 * @self: a #VetoTask
 *
 * Returns: (nullable): why the step is due, as one translated line from
 *   the catalog ("The Facebook form moved."), or %NULL when it is due only
 *   because time passed, or is not due
 */
const char *
veto_task_get_due_reason (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->due_change ? veto_change_get_summary (self->due_change) : NULL;
}

/* Set by VetoChecklist while it builds a snapshot, never afterwards. */

void
_veto_task_set_overdue (VetoTask  *self,
                        gboolean   overdue,
                        GDateTime *since)
{
  self->overdue = overdue;
  g_clear_pointer (&self->overdue_since, g_date_time_unref);
  self->overdue_since = since ? g_date_time_ref (since) : NULL;
}

void
_veto_task_set_active (VetoTask *self,
                       gboolean  active,
                       VetoTask *activated_by)
{
  self->active = active;
  g_set_object (&self->activated_by, activated_by);
}

void
_veto_task_set_handled (VetoTask *self,
                        gboolean  handled)
{
  self->handled = handled;
}

void
_veto_task_set_applies (VetoTask *self,
                        gboolean  applies)
{
  self->applies = applies;
}

void
_veto_task_set_answer_late_from (VetoTask  *self,
                                 GDateTime *day)
{
  g_clear_pointer (&self->answer_late_from, g_date_time_unref);
  self->answer_late_from = day ? g_date_time_ref (day) : NULL;
}

/**
 * veto_task_get_answer_late_from:
 *
 * The record says by when Meta had to answer an objection, answered or
 * not: a reader compares it with the day of Meta's answer.
 *
 * Returns: (transfer none) (nullable): for a step Meta must answer within
 *   a period (veto_task_get_answer_months()) and that the person sent on a day, the
 *   first day Meta's answer is late (local midnight); %NULL otherwise
 */
GDateTime *
veto_task_get_answer_late_from (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->answer_late_from;
}

/**
 * veto_task_get_overdue:
 * @self: a #VetoTask
 *
 * Returns: whether the objection was submitted and Meta has not confirmed
 *   it within the answer period where the person lives; never where the
 *   law sets none
 */
gboolean
veto_task_get_overdue (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), FALSE);
  return self->overdue;
}

/**
 * veto_task_get_overdue_since:
 * @self: a #VetoTask
 *
 * Returns: (transfer none) (nullable): for an overdue task, the first day
 *   after the answer period; for a refused one, the day Meta refused
 */
GDateTime *
veto_task_get_overdue_since (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->overdue_since;
}

/**
 * veto_task_get_answer_due:
 * @self: a #VetoTask
 *
 * Returns: (transfer none) (nullable): for an objection sent and not yet
 *   answered (overdue or not), the last day (local midnight) on which
 *   Meta's answer is due; %NULL for any other task
 */
GDateTime *
veto_task_get_answer_due (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->answer_due;
}

void
_veto_task_set_answer_due (VetoTask  *self,
                           GDateTime *day)
{
  g_return_if_fail (VETO_IS_TASK (self));

  g_clear_pointer (&self->answer_due, g_date_time_unref);
  self->answer_due = day ? g_date_time_ref (day) : NULL;
}

/**
 * veto_task_get_answer_extended_due:
 * @self: a #VetoTask
 *
 * Returns: (transfer none) (nullable): for an objection sent and not yet
 *   answered where Meta may extend its period (`ExtensionMonths=`), the
 *   last day of the extended period; %NULL otherwise
 */
GDateTime *
veto_task_get_answer_extended_due (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->answer_extended_due;
}

void
_veto_task_set_answer_extended_due (VetoTask  *self,
                                    GDateTime *day)
{
  g_return_if_fail (VETO_IS_TASK (self));

  g_clear_pointer (&self->answer_extended_due, g_date_time_unref);
  self->answer_extended_due = day ? g_date_time_ref (day) : NULL;
}

/**
 * veto_task_get_answer_months:
 * @self: a #VetoTask
 *
 * Returns: for a step Meta is to answer, the calendar months it has where
 *   the person lives (the region's `AnswerMonths=`, or a format-3 step's
 *   own); 0 for any other step, and where the law sets no deadline
 */
int
veto_task_get_answer_months (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), 0);
  return self->answer_months;
}

/**
 * veto_task_get_extension_months:
 * @self: a #VetoTask
 *
 * Returns: by how many months Meta may extend that period, or 0
 */
int
veto_task_get_extension_months (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), 0);
  return self->extension_months;
}

/**
 * veto_task_get_answer_without_deadline:
 * @self: a #VetoTask
 *
 * Where the law sets no deadline for Meta's answer (Switzerland, Brazil),
 * an objection waits without a day after which it is late: Veto says so
 * rather than show no date, and never calls it overdue.
 *
 * Returns: whether the step awaits Meta's answer and no period applies
 */
gboolean
veto_task_get_answer_without_deadline (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), FALSE);
  return veto_step_get_awaits_answer (self->step) && self->answer_months == 0;
}

void
_veto_task_set_answer_period (VetoTask *self,
                              int       months,
                              int       extension_months)
{
  g_return_if_fail (VETO_IS_TASK (self));

  self->answer_months = months;
  self->extension_months = months > 0 ? extension_months : 0;
}

/**
 * veto_task_get_needs_follow_up:
 * @self: a #VetoTask
 *
 * Returns: whether Meta refused the objection or let its answer period
 *   pass, and no step that follows it up is finished yet
 */
gboolean
veto_task_get_needs_follow_up (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), FALSE);
  return (self->overdue || self->state == VETO_STEP_STATE_REFUSED) && !self->handled;
}

/**
 * veto_task_get_active:
 * @self: a #VetoTask
 *
 * Returns: %FALSE for a conditional step (`OnlyIf=`) whose condition does
 *   not hold and on which nothing is recorded: it is not a to-do, and
 *   counts nowhere
 */
gboolean
veto_task_get_active (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), FALSE);
  return self->active;
}

/**
 * veto_task_get_activated_by:
 * @self: a #VetoTask
 *
 * Returns: (transfer none) (nullable): the refused or overdue objection
 *   that made this conditional step a to-do
 */
VetoTask *
veto_task_get_activated_by (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), NULL);
  return self->activated_by;
}

/**
 * veto_task_get_applies:
 * @self: a #VetoTask
 *
 * Returns: %FALSE for a step recorded earlier that no longer applies (the
 *   region or the apps changed since): it is shown, never counted
 */
gboolean
veto_task_get_applies (VetoTask *self)
{
  g_return_val_if_fail (VETO_IS_TASK (self), FALSE);
  return self->applies;
}

/* What a task is called and what is said about it, in the interface
 * language: the window, `--status`, the reminder and the record all say
 * it with these words. */

/**
 * veto_task_dup_place:
 * @task: a task
 * @accounts: (nullable): the accounts to name, or %NULL for the task's own
 *
 * Where a step stands, at the start of a line about it: the app and the
 * account ("Facebook, Personal"), or the app alone for a step done once
 * for every account ("Facebook", not "Facebook, Every account").
 *
 * Returns: (transfer full): the app, and the accounts if any
 */
char *
veto_task_dup_place (VetoTask   *task,
                     const char *accounts)
{
  const char *app = veto_app_get_name (veto_task_get_app (task));
  g_autofree char *account = NULL;

  if (veto_task_get_account_id (task) == NULL)
    return g_strdup (app);

  if (accounts == NULL)
    accounts = account = veto_account_get_display_name (veto_task_get_account_label (task),
                                                        veto_task_get_account_id (task));

  /* Translators: an app and one or more of the person's accounts on it:
   * "Facebook, Personal" */
  return g_strdup_printf (_("%s, %s"), app, accounts);
}

/**
 * veto_task_dup_overdue_sentence:
 * @task: a task whose objection Meta refused or left unanswered
 *
 * Returns: (transfer full) (nullable): one translated sentence saying so
 *   and since when, or %NULL when neither holds
 */
char *
veto_task_dup_overdue_sentence (VetoTask *task)
{
  GDateTime *since = veto_task_get_overdue_since (task);
  g_autofree char *date = since ? veto_format_date (since) : NULL;
  int months = veto_task_get_answer_months (task);

  if (veto_task_get_state (task) == VETO_STEP_STATE_REFUSED)
    {
      if (date == NULL)
        return g_strdup (_("Meta refused this objection."));
      /* Translators: %s is a date */
      return g_strdup_printf (_("Meta refused this objection on %s."), date);
    }

  if (!veto_task_get_overdue (task))
    return NULL;

  /* Translators: the first %d is a number of months (the answer period of
   * the person's region: the GDPR's Art. 12(3) in the EU and the UK), %s a date */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "No answer from Meta within %d month: overdue since %s.",
                                       "No answer from Meta within %d months: overdue since %s.",
                                       months),
                          months, date);
}

/**
 * veto_task_dup_answer_due_sentence:
 * @task: a task
 *
 * For an objection sent and waiting for Meta: by when Meta must answer
 * (and by when if it extended its period), or, where the law sets it no
 * deadline, that it has none. The window's card and `--status` say the same.
 *
 * Returns: (transfer full) (nullable): one translated sentence, or %NULL
 *   for a task that does not wait for Meta's answer
 */
char *
veto_task_dup_answer_due_sentence (VetoTask *task)
{
  GDateTime *due = veto_task_get_answer_due (task);
  GDateTime *extended = veto_task_get_answer_extended_due (task);

  if (veto_task_get_state (task) != VETO_STEP_STATE_SUBMITTED)
    return NULL;

  if (due != NULL && extended != NULL)
    {
      g_autofree char *day = veto_format_date (due);
      g_autofree char *later = veto_format_date (extended);

      /* Translators: two dates: the last day of Meta's answer period, and
       * of the period as Meta may extend it (GDPR Art. 12(3)) */
      return g_strdup_printf (_("Answer due by %s, or by %s if Meta told you it needed more time."), day, later);
    }

  if (due != NULL)
    {
      g_autofree char *day = veto_format_date (due);

      /* Translators: %s is a date: the last day of Meta's answer period */
      return g_strdup_printf (_("Answer due by %s."), day);
    }

  if (veto_task_get_answer_without_deadline (task))
    return g_strdup (_("The law where you live sets Meta no deadline to answer."));

  return NULL;
}

/**
 * veto_task_get_attach_hint:
 * @task: a conditional task made a to-do by a refused or overdue objection
 *
 * Returns: (nullable): what to attach to it, translated
 */
const char *
veto_task_get_attach_hint (VetoTask *task)
{
  VetoTask *cause = veto_task_get_activated_by (task);

  if (cause == NULL)
    return NULL;

  if (veto_task_get_state (cause) == VETO_STEP_STATE_REFUSED)
    return _("Attach the record you export from Veto, and Meta’s refusal.");

  return _("Attach the record you export from Veto: it shows the day you sent the objection and that Meta did not confirm it in time.");
}

/**
 * veto_task_dup_name:
 * @task: a task
 *
 * Names a task in a sentence or a list where nothing around it says which
 * app or account it is for: a notification, Veto's questions, "Same as:".
 *
 * Returns: (transfer full): the step's title with its app and, for a step
 *   done per account, the account ("Object to AI training on your Facebook
 *   account (Facebook, Personal)", "Turn off activity from other businesses
 *   (Facebook)")
 */
char *
veto_task_dup_name (VetoTask *task)
{
  g_autofree char *place = veto_task_dup_place (task, NULL);

  /* Translators: a step's title, then where it is done: "Turn off
   * activity from other businesses (Facebook)", "Object to AI training on
   * your Instagram account (Instagram, Personal)" */
  return g_strdup_printf (_("%s (%s)"), veto_step_get_title (veto_task_get_step (task)), place);
}

/**
 * veto_task_dup_followed_name:
 * @task: a task that follows another (veto_task_get_followed())
 *
 * Returns: (transfer full): the name of the task whose state @task shows,
 *   with its app (veto_task_dup_name()): its title alone may be @task's
 *   own (Instagram's Accounts Center setting is Facebook's)
 */
char *
veto_task_dup_followed_name (VetoTask *task)
{
  VetoTask *followed = veto_task_get_followed (task);

  g_return_val_if_fail (followed != NULL, NULL);

  return veto_task_dup_name (followed);
}
