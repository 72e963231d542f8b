/* veto-overdue-group.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_OVERDUE_GROUP (veto_overdue_group_get_type ())

G_DECLARE_FINAL_TYPE (VetoOverdueGroup, veto_overdue_group, VETO, OVERDUE_GROUP, AdwPreferencesGroup)

GtkWidget *veto_overdue_group_new (VetoChecklist *checklist,
                                   gboolean       refusals);

G_END_DECLS
