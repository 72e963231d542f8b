/* veto-checklist-private.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the files that make up VetoChecklist; not for its users. */

#pragma once

#include "veto-checklist.h"

G_BEGIN_DECLS

struct _VetoChecklist
{
  GObject            parent_instance;

  VetoCatalog       *catalog;
  VetoProgressStore *store;
  GListStore        *tasks;
  /* the due ones, the longest due first */
  GListStore        *due_tasks;
  /* objections refused or overdue and not yet followed up, oldest first */
  GListStore        *overdue_tasks;
  /* recorded earlier, no longer applying */
  GListStore        *earlier_tasks;
  gulong             changed_id;
  /* while veto_checklist_refresh() runs: "APP\nACCOUNT" → the account's
   * name, made once an account rather than once a task (each reads the
   * progress file's groups) */
  GHashTable        *names;
  /* while veto_checklist_refresh() runs: the person's apps, read once */
  GStrv              apps;
  /* the same tasks as @tasks, for the loops that read them all (the
   * overview counts once a row) */
  GPtrArray         *task_array;

  guint              n_finished;
  guint              n_due;
  guint              n_counted;
};

/* veto-checklist-tasks.c */

const char *
_veto_checklist_home_app_id (VetoChecklist *self,
                             VetoStep      *step);

VetoTask *
_veto_checklist_add_task (VetoChecklist *self,
                          GPtrArray     *tasks,
                          GDateTime     *now,
                          VetoApp       *app,
                          VetoStep      *step,
                          const char    *account_id);

void
_veto_checklist_resolve_conditions (VetoChecklist *self,
                                    GPtrArray     *tasks);

void
_veto_checklist_count_tasks (VetoChecklist *self,
                             GPtrArray     *tasks);

void
_veto_checklist_collect_earlier (VetoChecklist *self,
                                 GPtrArray     *tasks,
                                 GDateTime     *now,
                                 const char    *region);

void
_veto_checklist_resolve_followers (GPtrArray *tasks);

void
_veto_checklist_update_due_tasks (VetoChecklist *self,
                                  GPtrArray     *tasks);

G_END_DECLS
