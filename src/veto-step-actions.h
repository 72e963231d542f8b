/* veto-step-actions.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-checklist.h"

#include "veto-lifecycle.h"

G_BEGIN_DECLS

#define VETO_TYPE_STEP_ACTIONS (veto_step_actions_get_type ())

G_DECLARE_FINAL_TYPE (VetoStepActions, veto_step_actions, VETO, STEP_ACTIONS, GtkWidget)

GtkWidget  *veto_step_actions_new              (VetoChecklist   *checklist,
                                                VetoStep        *step,
                                                const char      *account_id,
                                                const char      *heading,
                                                const char      *lead);
VetoStep   *veto_step_actions_get_step         (VetoStepActions *self);
const char *veto_step_actions_get_account_id   (VetoStepActions *self);
void        veto_step_actions_reveal_fallbacks (VetoStepActions *self);
gboolean    veto_step_actions_focus_main       (VetoStepActions *self);
GtkWidget  *veto_step_actions_get_date_popover (VetoStepActions *self);
VetoUrgency veto_step_actions_get_urgency      (VetoStepActions *self);
void        veto_step_actions_set_emphasis     (VetoStepActions *self,
                                                gboolean         emphasis);
void        veto_step_actions_set_checking     (VetoStepActions *self,
                                                gboolean         checking);
void        veto_step_actions_set_card_lead    (VetoStepActions *self,
                                                const char      *lead);

G_END_DECLS
