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

gboolean       veto_task_get_overdue       (VetoTask      *self);
GDateTime     *veto_task_get_overdue_since (VetoTask      *self);
GDateTime     *veto_task_get_answer_due    (VetoTask      *self);
GDateTime     *veto_task_get_answer_late_from (VetoTask    *self);
GDateTime     *veto_task_get_answer_extended_due (VetoTask *self);
int            veto_task_get_answer_months (VetoTask      *self);
int            veto_task_get_extension_months (VetoTask   *self);
gboolean       veto_task_get_answer_without_deadline (VetoTask *self);
gboolean       veto_task_get_needs_follow_up (VetoTask    *self);
gboolean       veto_task_get_active        (VetoTask      *self);
VetoTask      *veto_task_get_activated_by  (VetoTask      *self);
gboolean       veto_task_get_applies       (VetoTask      *self);

/* its words (the window, --status, the reminder and the record share them) */
char          *veto_task_dup_name          (VetoTask      *self);
char          *veto_task_dup_followed_name (VetoTask      *self);
char          *veto_task_dup_place         (VetoTask      *self,
                                            const char    *accounts);
char          *veto_task_dup_overdue_sentence (VetoTask   *self);
char          *veto_task_dup_answer_due_sentence (VetoTask *self);
const char    *veto_task_get_attach_hint   (VetoTask      *self);

/* for VetoChecklist only */
void           _veto_task_set_answer_due   (VetoTask      *self,
                                            GDateTime     *day);
void           _veto_task_set_overdue      (VetoTask      *self,
                                            gboolean       overdue,
                                            GDateTime     *since);
void           _veto_task_set_answer_late_from (VetoTask  *self,
                                                GDateTime *day);
void           _veto_task_set_answer_extended_due (VetoTask  *self,
                                                   GDateTime *day);
void           _veto_task_set_answer_period (VetoTask *self,
                                             int       months,
                                             int       extension_months);
void           _veto_task_set_active       (VetoTask      *self,
                                            gboolean       active,
                                            VetoTask      *activated_by);
void           _veto_task_set_handled      (VetoTask      *self,
                                            gboolean       handled);
void           _veto_task_set_applies      (VetoTask      *self,
                                            gboolean       applies);

G_END_DECLS
