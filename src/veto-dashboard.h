/* veto-dashboard.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_DASHBOARD (veto_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (VetoDashboard, veto_dashboard, VETO, DASHBOARD, GtkWidget)

GtkWidget *veto_dashboard_new (VetoChecklist *checklist);

G_END_DECLS
