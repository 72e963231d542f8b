/* veto-task.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "veto-app.h"
#include "veto-change.h"
#include "veto-step.h"
#include "veto-types.h"

G_BEGIN_DECLS

#define VETO_TYPE_TASK (veto_task_get_type ())

G_DECLARE_FINAL_TYPE (VetoTask, veto_task, VETO, TASK, GObject)

VetoTask      *veto_task_new               (VetoApp       *app,
                                            VetoStep      *step,
                                            const char    *account_id,
                                            const char    *account_label,
                                            VetoStepState  state,
                                            GDateTime     *due_date,
                                            gboolean       due,
                                            VetoChange    *due_change);
VetoTask      *veto_task_new_following     (VetoApp       *app,
                                            VetoStep      *step,
                                            const char    *account_id,
                                            const char    *account_label,
                                            VetoTask      *followed);
VetoTask      *veto_task_get_followed      (VetoTask      *self);
VetoApp       *veto_task_get_app           (VetoTask      *self);
VetoStep      *veto_task_get_step          (VetoTask      *self);
const char    *veto_task_get_account_id    (VetoTask      *self);
const char    *veto_task_get_account_label (VetoTask      *self);
VetoStepState  veto_task_get_state         (VetoTask      *self);
GDateTime     *veto_task_get_due_date      (VetoTask      *self);
gboolean       veto_task_get_due           (VetoTask      *self);
VetoChange    *veto_task_get_due_change    (VetoTask      *self);
const char    *veto_task_get_due_reason    (VetoTask      *self);

G_END_DECLS
