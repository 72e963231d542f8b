/* veto-welcome-page.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VETO_TYPE_WELCOME_PAGE (veto_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (VetoWelcomePage, veto_welcome_page, VETO, WELCOME_PAGE, GtkWidget)

GtkWidget *veto_welcome_page_new (void);

G_END_DECLS
