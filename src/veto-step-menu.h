/* veto-step-menu.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "veto-step.h"
#include "veto-types.h"

G_BEGIN_DECLS

GMenuModel *veto_step_menu_new (VetoStep      *step,
                                const char    *account_id,
                                VetoStepState  state,
                                gboolean       offer_note,
                                gboolean       has_evidence);

G_END_DECLS
