/* veto-lifecycle.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-checklist.h"
#include "veto-lifecycle.h"
#include "veto-step.h"

/* A person's real task is one objection per account, followed until Meta
 * answers or until a complaint goes to the regulator:
 *
 *   to do → submitted (answer due by a day) → confirmed | refused | overdue
 *         → complaint (to do → sent)
 *
 * The rules about where a task stands in that life, and so what comes
 * first, are written here once; the checklist's "continue" and each app's
 * row on the overview read them. */

/**
 * veto_step_state_can_recheck:
 * @state: a step's state
 *
 * Returns: whether a step in @state comes up again for a recheck: it was
 *   finished (Meta confirmed, or the person did it). A refusal is not
 *   rechecked: it is followed up.
 */
gboolean
veto_step_state_can_recheck (VetoStepState state)
{
  return state == VETO_STEP_STATE_CONFIRMED || state == VETO_STEP_STATE_DONE;
}

/**
 * veto_step_state_is_sent:
 * @state: a form's state
 *
 * Returns: whether the form was sent: Meta's answer is awaited, or came
 *   (a confirmation or a refusal). "Objections sent" counts these.
 */
gboolean
veto_step_state_is_sent (VetoStepState state)
{
  return state == VETO_STEP_STATE_SUBMITTED || veto_step_state_is_answered (state);
}

/**
 * veto_step_state_is_answered:
 * @state: a form's state
 *
 * Returns: whether Meta answered: it confirmed or refused
 */
gboolean
veto_step_state_is_answered (VetoStepState state)
{
  return state == VETO_STEP_STATE_CONFIRMED || state == VETO_STEP_STATE_REFUSED;
}

/**
 * veto_step_is_objection:
 * @step: a step
 *
 * Returns: whether @step is its app's objection: the essential step
 *   (`Essential=true`), a form sent to Meta
 */
gboolean
veto_step_is_objection (VetoStep *step)
{
  g_return_val_if_fail (VETO_IS_STEP (step), FALSE);

  return veto_step_get_essential (step) && veto_step_get_kind (step) == VETO_STEP_KIND_FORM;
}

/**
 * veto_task_get_urgency:
 * @task: a task of the checklist
 *
 * Returns: what @task asks of the person now
 */
VetoUrgency
veto_task_get_urgency (VetoTask *task)
{
  VetoStepState state;

  g_return_val_if_fail (VETO_IS_TASK (task), VETO_URGENCY_NONE);

  if (!veto_task_counts (task))
    return VETO_URGENCY_NONE;

  if (veto_task_get_needs_follow_up (task))
    return VETO_URGENCY_FOLLOW_UP;

  state = veto_task_get_state (task);
  if (state == VETO_STEP_STATE_TODO)
    return veto_step_is_objection (veto_task_get_step (task)) ? VETO_URGENCY_OBJECTION : VETO_URGENCY_TODO;

  if (veto_task_get_due (task))
    return VETO_URGENCY_RECHECK;

  if (state == VETO_STEP_STATE_SUBMITTED)
    return VETO_URGENCY_WAITING;

  return VETO_URGENCY_NONE;
}

/**
 * veto_urgency_is_pending:
 * @urgency: an urgency
 *
 * Returns: whether the person has something to do now: "Continue" leads
 *   there. Waiting for Meta is not.
 */
gboolean
veto_urgency_is_pending (VetoUrgency urgency)
{
  return urgency < VETO_URGENCY_WAITING;
}
