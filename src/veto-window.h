/* veto-window.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "veto-catalog-updater.h"
#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_WINDOW (veto_window_get_type ())

G_DECLARE_FINAL_TYPE (VetoWindow, veto_window, VETO, WINDOW, AdwApplicationWindow)

VetoWindow *veto_window_new              (GtkApplication     *application,
                                          VetoChecklist      *checklist,
                                          VetoCatalogUpdater *updater);
void        veto_window_show_error       (VetoWindow      *self,
                                          const char      *message);
void        veto_window_show_steps_notice (VetoWindow     *self,
                                          const char     *message);
void        veto_window_show_toast       (VetoWindow      *self,
                                          const char      *message);
const char *veto_window_get_page         (VetoWindow      *self);
gboolean    veto_window_get_in_wizard    (VetoWindow      *self);
GtkWidget  *veto_window_get_page_widget  (VetoWindow      *self,
                                          const char      *name);

G_END_DECLS
