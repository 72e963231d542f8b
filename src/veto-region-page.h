/* veto-region-page.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_REGION_PAGE (veto_region_page_get_type ())

G_DECLARE_FINAL_TYPE (VetoRegionPage, veto_region_page, VETO, REGION_PAGE, GtkWidget)

GtkWidget *veto_region_page_new (VetoChecklist *checklist);

G_END_DECLS
