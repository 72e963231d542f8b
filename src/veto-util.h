/* veto-util.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void veto_util_fix_button_names        (GtkWidget  *root);
void veto_util_set_accessible_label     (GtkWidget  *widget,
                                        const char *label);

G_END_DECLS
