/* veto-window-record.h: the window's actions on the record (private;
 * veto-window.c and veto-window-actions.c call them)
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "veto-window.h"

G_BEGIN_DECLS

void veto_window_record_class_init      (GtkWidgetClass *widget_class);
void veto_window_record_init            (VetoWindow     *self);
void veto_window_record_change_region   (VetoWindow     *self,
                                         const char     *region_id);
void veto_window_record_stop_using_app  (VetoWindow     *self,
                                         const char     *app_id);
void veto_window_record_set_state       (VetoWindow     *self,
                                         const char     *step_id,
                                         const char     *account_id,
                                         VetoStepState   state);
void veto_window_record_offer_check     (VetoWindow     *self,
                                         const char     *step_id,
                                         const char     *account_id);

G_END_DECLS
