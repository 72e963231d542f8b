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

GtkWidget  *veto_step_card_new            (VetoChecklist     *checklist,
                                           VetoStep          *step,
                                           const char        *account_id);
VetoStep   *veto_step_card_get_step       (VetoStepCard      *self);
const char *veto_step_card_get_account_id (VetoStepCard      *self);
void        veto_step_card_reveal_fallbacks (VetoStepCard    *self);

GtkWidget  *veto_step_card_get_date_popover (VetoStepCard *self);

G_END_DECLS
