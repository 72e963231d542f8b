/* veto-step-card.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_STEP_CARD (veto_step_card_get_type ())

G_DECLARE_FINAL_TYPE (VetoStepCard, veto_step_card, VETO, STEP_CARD, GtkWidget)

GtkWidget  *veto_step_card_new            (VetoChecklist      *checklist,
                                           VetoStep           *step,
                                           const char * const *account_ids,
                                           const char * const *account_names);
VetoStep   *veto_step_card_get_step       (VetoStepCard       *self);
GtkWidget  *veto_step_card_find_actions   (VetoStepCard       *self,
                                           const char         *account_id);
char       *veto_step_card_split_lead     (const char         *description,
                                           char              **rest);

GPtrArray  *veto_step_card_list_actions (VetoStepCard       *self);

G_END_DECLS
