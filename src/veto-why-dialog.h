/* veto-why-dialog.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "veto-step.h"

G_BEGIN_DECLS

#define VETO_TYPE_WHY_DIALOG (veto_why_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VetoWhyDialog, veto_why_dialog, VETO, WHY_DIALOG, AdwWindow)

GtkWidget *veto_why_dialog_new (GtkWindow  *parent,
                                VetoStep   *step,
                                const char *region_id);

G_END_DECLS
