/* veto-app-page.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_APP_PAGE (veto_app_page_get_type ())

G_DECLARE_FINAL_TYPE (VetoAppPage, veto_app_page, VETO, APP_PAGE, GtkWidget)

GtkWidget *veto_app_page_new          (VetoChecklist *checklist,
                                       VetoApp       *app);
VetoApp   *veto_app_page_get_app      (VetoAppPage   *self);
GtkWidget *veto_app_page_find_card    (VetoAppPage   *self,
                                       const char    *step_id,
                                       const char    *account_id);
void       veto_app_page_reveal       (VetoAppPage   *self,
                                       const char    *step_id,
                                       const char    *account_id);
void       veto_app_page_scroll_to_top (VetoAppPage  *self);

G_END_DECLS
