/* veto-wrap-box.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VETO_TYPE_WRAP_BOX (veto_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (VetoWrapBox, veto_wrap_box, VETO, WRAP_BOX, GtkWidget)

GtkWidget *veto_wrap_box_new    (void);
void       veto_wrap_box_append (VetoWrapBox *self,
                                 GtkWidget   *child);

G_END_DECLS
