/* veto-apps-page.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_APPS_PAGE (veto_apps_page_get_type ())

G_DECLARE_FINAL_TYPE (VetoAppsPage, veto_apps_page, VETO, APPS_PAGE, GtkWidget)

GtkWidget *veto_apps_page_new (VetoChecklist *checklist);

G_END_DECLS
