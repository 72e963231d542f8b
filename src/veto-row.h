/* veto-row.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VETO_TYPE_ROW (veto_row_get_type ())

G_DECLARE_FINAL_TYPE (VetoRow, veto_row, VETO, ROW, GtkListBoxRow)

GtkWidget  *veto_row_new          (const char *title,
                                   const char *subtitle);
GtkWidget  *veto_row_new_link     (const char *title,
                                   const char *subtitle);
GtkWidget  *veto_row_new_static   (const char *title,
                                   const char *subtitle);
const char *veto_row_get_title    (VetoRow    *self);
void        veto_row_set_title    (VetoRow    *self,
                                   const char *title);
const char *veto_row_get_subtitle (VetoRow    *self);
void        veto_row_set_subtitle (VetoRow    *self,
                                   const char *subtitle);
void        veto_row_set_subtitle_one_line (VetoRow *self);
void        veto_row_add_prefix   (VetoRow    *self,
                                   GtkWidget  *widget);
void        veto_row_add_suffix   (VetoRow    *self,
                                   GtkWidget  *widget);
void        veto_row_set_activatable_widget (VetoRow   *self,
                                             GtkWidget *widget);

G_END_DECLS
