/* veto-done-page.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_DONE_PAGE (veto_done_page_get_type ())

G_DECLARE_FINAL_TYPE (VetoDonePage, veto_done_page, VETO, DONE_PAGE, GtkWidget)

GtkWidget *veto_done_page_new (VetoChecklist *checklist);

G_END_DECLS
