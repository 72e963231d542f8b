/* veto-links-page.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-link-checker.h"
#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_LINKS_PAGE (veto_links_page_get_type ())

G_DECLARE_FINAL_TYPE (VetoLinksPage, veto_links_page, VETO, LINKS_PAGE, GtkWidget)

GtkWidget       *veto_links_page_new         (VetoChecklist *checklist);
void             veto_links_page_start       (VetoLinksPage *self);
VetoLinkChecker *veto_links_page_get_checker (VetoLinksPage *self);

G_END_DECLS
