/* veto-status.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

typedef enum
{
  VETO_STATUS_COMPLETE = 0,
  VETO_STATUS_PENDING  = 1,
  VETO_STATUS_ERROR    = 2,
} VetoStatus;

const char *veto_step_state_get_label   (VetoStepState  state);
char       *veto_account_get_display_name (const char  *label,
                                         const char    *account_id);
char       *veto_task_dup_overdue_sentence (VetoTask *task);
char       *veto_task_dup_answer_due_sentence (VetoTask   *task);
char       *veto_task_dup_name           (VetoTask    *task);
char       *veto_task_dup_place          (VetoTask    *task,
                                          const char  *accounts);
const char *veto_task_get_attach_hint   (VetoTask      *task);
char       *veto_account_dup_name       (VetoProgressStore *store,
                                         const char    *app_id,
                                         const char    *account_id);
char       *veto_task_dup_followed_name (VetoTask      *task);
VetoStatus  veto_status_write           (VetoChecklist *checklist,
                                         GString       *out);

G_END_DECLS
