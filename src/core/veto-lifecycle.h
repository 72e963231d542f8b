/* veto-lifecycle.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "veto-task.h"
#include "veto-types.h"

G_BEGIN_DECLS

/* What a task asks of the person now, most urgent first: the order in
 * which "Continue" leads them. */
typedef enum
{
  VETO_URGENCY_FOLLOW_UP,       /* an objection Meta refused or left unanswered */
  VETO_URGENCY_OBJECTION,       /* an objection not sent yet */
  VETO_URGENCY_RECHECK,         /* a finished step due for a recheck */
  VETO_URGENCY_TODO,            /* any other step still to do */
  VETO_URGENCY_WAITING,         /* sent; Meta's answer is not due yet */
  VETO_URGENCY_NONE,            /* finished, skipped, or not a to-do */
} VetoUrgency;

gboolean    veto_step_state_can_recheck (VetoStepState  state);
gboolean    veto_step_state_is_sent     (VetoStepState  state);
gboolean    veto_step_state_is_answered (VetoStepState  state);
gboolean    veto_step_is_objection      (VetoStep      *step);
VetoUrgency veto_task_get_urgency       (VetoTask      *task);
gboolean    veto_urgency_is_pending     (VetoUrgency    urgency);

G_END_DECLS
