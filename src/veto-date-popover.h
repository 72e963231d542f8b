/* veto-date-popover.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-progress-store.h"

G_BEGIN_DECLS

#define VETO_TYPE_DATE_POPOVER (veto_date_popover_get_type ())

G_DECLARE_FINAL_TYPE (VetoDatePopover, veto_date_popover, VETO, DATE_POPOVER, GtkPopover)

GtkWidget    *veto_date_popover_new      (VetoProgressStore *store,
                                          const char        *step_id,
                                          const char        *account_id);
void          veto_date_popover_select   (VetoDatePopover   *self,
                                          VetoDateKind       kind,
                                          GDateTime         *day);
gboolean      veto_date_popover_has_kind (VetoDatePopover   *self);
gboolean      veto_date_popover_would_offer (VetoProgressStore *store,
                                             const char        *step_id,
                                             const char        *account_id);
const char   *veto_date_popover_get_error (VetoDatePopover  *self);

G_END_DECLS
