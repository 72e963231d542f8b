/* veto-checklist.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "veto-catalog.h"
#include "veto-progress-store.h"
#include "veto-task.h"

G_BEGIN_DECLS

#define VETO_TYPE_CHECKLIST (veto_checklist_get_type ())

G_DECLARE_FINAL_TYPE (VetoChecklist, veto_checklist, VETO, CHECKLIST, GObject)

VetoChecklist     *veto_checklist_new          (VetoCatalog       *catalog,
                                                VetoProgressStore *store);
VetoCatalog       *veto_checklist_get_catalog  (VetoChecklist     *self);
VetoProgressStore *veto_checklist_get_store    (VetoChecklist     *self);
GListModel        *veto_checklist_get_tasks    (VetoChecklist     *self);
guint              veto_checklist_get_n_tasks  (VetoChecklist     *self);
guint              veto_checklist_get_n_finished (VetoChecklist   *self);
guint              veto_checklist_get_n_due    (VetoChecklist     *self);
GListModel        *veto_checklist_get_due_tasks (VetoChecklist    *self);
void               veto_checklist_recheck      (VetoChecklist     *self,
                                                VetoTask          *task);
void               veto_checklist_refresh      (VetoChecklist     *self);
guint              veto_checklist_get_n_counted (VetoChecklist    *self);
GListModel        *veto_checklist_get_overdue_tasks (VetoChecklist *self);
GListModel        *veto_checklist_get_earlier_tasks (VetoChecklist *self);
GPtrArray         *veto_checklist_preview_change (VetoChecklist   *self,
                                                const char        *region_id,
                                                const char        *app_id);
GPtrArray         *veto_checklist_find_follow_ups (VetoChecklist  *self,
                                                VetoTask          *task);
VetoTask          *veto_checklist_find_complaint  (VetoChecklist  *self,
                                                VetoTask          *task);
void               veto_checklist_count_objections (VetoChecklist *self,
                                                    guint         *n_objections,
                                                    guint         *n_sent);
void               veto_checklist_count        (VetoChecklist     *self,
                                                VetoApp           *app,
                                                const char        *account_id,
                                                guint             *n_counted,
                                                guint             *n_progressed);
VetoTask          *veto_checklist_find_next    (VetoChecklist     *self);
VetoTask          *veto_checklist_find_next_for (VetoChecklist    *self,
                                                 VetoApp          *app,
                                                 const char       *account_id);
gboolean           veto_task_counts            (VetoTask          *task);
gboolean           veto_task_is_progressed     (VetoTask          *task);

G_END_DECLS
