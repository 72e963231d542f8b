/* veto-checklist-tasks.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The tasks built from the catalog and the progress: conditions, followers,
 * what is due, overdue or recorded earlier. */

#include "config.h"

#include "veto-checklist-private.h"
#include "veto-lifecycle.h"

/* The newest change that names the step and that the person has not seen:
 * newer than the catalog they last finished or checked the step against.
 * A step recorded before versions were kept counts as older than every
 * change, which at worst asks for one recheck too many. */
static VetoChange *
find_unseen_change (VetoChecklist *self,
                    const char    *step_id,
                    int            seen_version)
{
  GListModel *changes = veto_catalog_get_changes (self->catalog);
  VetoChange *newest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(VetoChange) change = g_list_model_get_item (changes, i);

      if (veto_change_get_version (change) > seen_version &&
          g_strv_contains (veto_change_get_steps (change), step_id) &&
          (newest == NULL || veto_change_get_version (change) > veto_change_get_version (newest)))
        newest = change;
    }

  return newest;
}

/* A step on several apps (one complaint about every objection) has one
 * task, on the first of its apps, in the order App= lists them, that the
 * person chose; NULL when they chose none. */
const char *
_veto_checklist_home_app_id (VetoChecklist *self,
                             VetoStep      *step)
{
  const char * const *ids = veto_step_get_app_ids (step);

  for (guint i = 0; ids[i] != NULL; i++)
    if (self->apps != NULL ? g_strv_contains ((const char * const *)self->apps, ids[i])
                           : veto_progress_store_has_app (self->store, ids[i]))
      return ids[i];

  return NULL;
}

static GDateTime *
date_max (GDateTime *a,
          GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a ? a : b;
  return g_date_time_compare (a, b) >= 0 ? a : b;
}

static GDateTime *
date_min (GDateTime *a,
          GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a ? a : b;
  return g_date_time_compare (a, b) <= 0 ? a : b;
}

/* How long Meta has to answer what a step sends, where the person lives:
 * a format-3 step's own period, else the region's for a step that awaits
 * an answer; none where the law there sets none (veto-region.c). */
static void
answer_period (VetoChecklist *self,
               VetoStep      *step,
               int           *months,
               int           *extension_months)
{
  const char *region_id = veto_progress_store_get_region (self->store);
  VetoRegion *region = region_id ? veto_catalog_lookup_region (self->catalog, region_id) : NULL;

  *months = 0;
  *extension_months = 0;
  if (veto_step_get_answer_months (step) > 0)
    *months = veto_step_get_answer_months (step);
  else if (veto_step_get_awaits_answer (step) && region != NULL)
    {
      *months = veto_region_get_answer_months (region);
      *extension_months = veto_region_get_extension_months (region);
    }
}

/* The first day after a period of @months calendar months counted from
 * the local day an objection was sent; NULL without a day or a period. */
static GDateTime *
late_from (GDateTime *submitted,
           int        months)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) deadline = NULL;

  if (submitted == NULL || months <= 0)
    return NULL;

  local = g_date_time_to_local (submitted);
  day = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                               g_date_time_get_day_of_month (local), 0, 0, 0);
  /* 31 January + 1 month is 28 (or 29) February: GLib clamps the day */
  deadline = g_date_time_add_months (day, months);
  return g_date_time_add_days (deadline, 1);
}

VetoTask *
_veto_checklist_add_task (VetoChecklist *self,
                          GPtrArray     *tasks,
                          GDateTime     *now,
                          VetoApp       *app,
                          VetoStep      *step,
                          const char    *account_id)
{
  const char *step_id = veto_step_get_id (step);
  VetoStepState state = veto_progress_store_get_state (self->store, step_id, account_id);
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GDateTime) checked = NULL;
  g_autoptr(GDateTime) interval_due = NULL;
  g_autoptr(GDateTime) due_date = NULL;
  g_autofree char *label = NULL;
  VetoChange *change = NULL;
  VetoTask *task;
  gboolean due = FALSE;

  if (veto_step_state_can_recheck (state))
    {
      GDateTime *reference;

      /* The step comes up again RecheckDays after it was last looked at:
       * the later of its last change and its last recheck. */
      updated = veto_progress_store_dup_updated (self->store, step_id, account_id);
      checked = veto_progress_store_dup_checked (self->store, step_id, account_id);
      reference = date_max (updated, checked);
      if (reference != NULL)
        interval_due = g_date_time_add_days (reference, veto_step_get_recheck_days (step));

      change = find_unseen_change (self, step_id,
                                   veto_progress_store_get_step_catalog_version (self->store, step_id, account_id));

      if (change != NULL)
        {
          /* Due since the catalog that announced the change was published,
           * or since the step was finished if that came later. */
          GDateTime *since = date_max (veto_catalog_get_published (self->catalog), reference);

          due_date = g_date_time_ref (date_min (interval_due, since));
          due = TRUE;
        }
      else if (interval_due != NULL)
        {
          due_date = g_date_time_ref (interval_due);
          due = g_date_time_compare (due_date, now) <= 0;
        }
    }

  /* the name shown everywhere: the person's label, or "Account 2" */
  if (account_id != NULL && self->names != NULL)
    {
      g_autofree char *key = g_strconcat (veto_app_get_id (app), "\n", account_id, NULL);
      const char *name = g_hash_table_lookup (self->names, key);

      if (name == NULL)
        {
          name = veto_account_dup_name (self->store, veto_app_get_id (app), account_id);
          g_hash_table_insert (self->names, g_steal_pointer (&key), (char *)name);
        }
      label = g_strdup (name);
    }
  else if (account_id != NULL)
    label = veto_account_dup_name (self->store, veto_app_get_id (app), account_id);

  task = veto_task_new (app, step, account_id, label, state, due_date, due, change);

  /* the deadline stays known once Meta answered: the record sets it
   * beside the day of the answer */
  {
    int months, extension_months;

    answer_period (self, step, &months, &extension_months);
    _veto_task_set_answer_period (task, months, extension_months);

    if (veto_step_state_is_sent (state))
      {
        g_autoptr(GDateTime) submitted = veto_progress_store_dup_date (self->store, step_id, account_id,
                                                                      VETO_DATE_SUBMITTED);
        g_autoptr(GDateTime) since = late_from (submitted, months);

        _veto_task_set_answer_late_from (task, since);
        /* while it waits for Meta: the last day of the answer period, and
         * of the period as Meta may extend it. Overdue counts from the
         * first: Veto does not know whether Meta asked for more time, and
         * the person does, so the window says both days. */
        if (state == VETO_STEP_STATE_SUBMITTED && since != NULL)
          {
            g_autoptr(GDateTime) last_day = g_date_time_add_days (since, -1);
            g_autoptr(GDateTime) extended = late_from (submitted, months + extension_months);

            _veto_task_set_answer_due (task, last_day);
            if (extension_months > 0 && extended != NULL)
              {
                g_autoptr(GDateTime) extended_last = g_date_time_add_days (extended, -1);

                _veto_task_set_answer_extended_due (task, extended_last);
              }
          }
        if (state == VETO_STEP_STATE_SUBMITTED && since != NULL && g_date_time_compare (now, since) >= 0)
          _veto_task_set_overdue (task, TRUE, since);
      }
  }

  if (state == VETO_STEP_STATE_REFUSED)
    {
      g_autoptr(GDateTime) refused = veto_progress_store_dup_date (self->store, step_id, account_id,
                                                                  VETO_DATE_REFUSED);

      _veto_task_set_overdue (task, FALSE, refused);
    }

  g_ptr_array_add (tasks, task);
  return task;
}

static gboolean
is_trigger (VetoTask *task)
{
  return veto_task_get_overdue (task) || veto_task_get_state (task) == VETO_STEP_STATE_REFUSED;
}

/* A conditional step becomes a to-do when one of the steps it names is
 * refused or overdue: for the same account when both are per-account steps
 * of one app, for any account otherwise. One recorded anyway (the person
 * complained early) counts as well. */
void
_veto_checklist_resolve_conditions (VetoChecklist *self,
                                    GPtrArray     *tasks)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      VetoTask *task = g_ptr_array_index (tasks, i);
      VetoStep *step = veto_task_get_step (task);
      const char * const *only_if = veto_step_get_only_if_refused_or_overdue (step);
      VetoTask *cause = NULL;

      if (only_if[0] == NULL)
        continue;

      for (guint j = 0; cause == NULL && j < tasks->len; j++)
        {
          VetoTask *other = g_ptr_array_index (tasks, j);
          VetoStep *other_step = veto_task_get_step (other);
          gboolean same_scope = veto_step_get_per_account (step) && veto_step_get_per_account (other_step) &&
                                g_str_equal (veto_step_get_app_id (step), veto_step_get_app_id (other_step));

          if (is_trigger (other) &&
              g_strv_contains (only_if, veto_step_get_id (other_step)) &&
              (!same_scope || g_strcmp0 (veto_task_get_account_id (task), veto_task_get_account_id (other)) == 0))
            cause = other;
        }

      _veto_task_set_active (task, cause != NULL || veto_task_get_state (task) != VETO_STEP_STATE_TODO, cause);

      if (cause != NULL && VETO_STEP_STATE_IS_FINISHED (veto_task_get_state (task)))
        _veto_task_set_handled (cause, TRUE);
    }
}

static int
compare_overdue_since (gconstpointer a,
                       gconstpointer b)
{
  GDateTime *da = veto_task_get_overdue_since (*(VetoTask **)a);
  GDateTime *db = veto_task_get_overdue_since (*(VetoTask **)b);

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_date_time_compare (da, db);
}

void
_veto_checklist_count_tasks (VetoChecklist *self,
                             GPtrArray     *tasks)
{
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();

  for (guint i = 0; i < tasks->len; i++)
    {
      VetoTask *task = g_ptr_array_index (tasks, i);

      if (veto_task_get_needs_follow_up (task))
        g_ptr_array_add (overdue, task);

      if (veto_task_get_active (task) && veto_task_get_due (task))
        self->n_due++;

      /* the same count as the overview's (veto_checklist_count()) */
      if (!veto_task_counts (task))
        continue;

      self->n_counted++;
      if (VETO_STEP_STATE_IS_FINISHED (veto_task_get_state (task)))
        self->n_finished++;
    }

  g_ptr_array_sort (overdue, compare_overdue_since);
  g_list_store_splice (self->overdue_tasks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->overdue_tasks)),
                       overdue->pdata, overdue->len);
}

/* Steps with something recorded that the checklist no longer holds: of an
 * app no longer chosen, or not applying where the person now lives. */
void
_veto_checklist_collect_earlier (VetoChecklist *self,
                                 GPtrArray     *tasks,
                                 GDateTime     *now,
                                 const char    *region)
{
  g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *apps = veto_catalog_get_apps (self->catalog);

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (apps, i);
      gboolean app_chosen = region != NULL &&
                            (self->apps != NULL ? g_strv_contains ((const char * const *)self->apps, veto_app_get_id (app))
                                                : veto_progress_store_has_app (self->store, veto_app_get_id (app)));
      g_auto(GStrv) accounts = veto_progress_store_dup_accounts (self->store, veto_app_get_id (app));
      GListModel *steps = veto_app_get_steps (app);

      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(VetoStep) step = g_list_model_get_item (steps, j);
          const char *no_account[] = { NULL, NULL };
          const char * const *ids = veto_step_get_per_account (step)
            ? (const char * const *)accounts : no_account;
          guint n = veto_step_get_per_account (step) ? g_strv_length (accounts) : 1;
          gboolean chosen = app_chosen;

          /* a step on several apps is one record, looked at from its
           * first app: it is earlier when none of them is chosen */
          if (veto_step_get_app_ids (step)[1] != NULL)
            {
              if (!g_str_equal (veto_step_get_app_id (step), veto_app_get_id (app)))
                continue;
              chosen = region != NULL && _veto_checklist_home_app_id (self, step) != NULL;
            }

          if (chosen && veto_step_applies_to (step, region))
            continue;

          for (guint k = 0; k < n; k++)
            if (veto_progress_store_has_record (self->store, veto_step_get_id (step), ids[k]))
              {
                /* _veto_checklist_add_task() counts nothing: counting is _veto_checklist_count_tasks()'s */
                VetoTask *task = _veto_checklist_add_task (self, earlier, now, app, step, ids[k]);

                _veto_task_set_applies (task, FALSE);
              }
        }
    }

  g_list_store_splice (self->earlier_tasks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->earlier_tasks)),
                       earlier->pdata, earlier->len);
}

/* How far along a task is, to pick among several followed tasks. */
static int
progress_rank (VetoStepState state)
{
  if (state == VETO_STEP_STATE_TODO)
    return 0;
  if (state == VETO_STEP_STATE_SUBMITTED)
    return 1;
  return 2;
}

/* A step declared SameAs= another takes that step's state instead of asking
 * the person to do the same thing twice (Instagram's setting for activity from
 * other businesses is Facebook's: one setting in Accounts Center). When
 * the other step has several tasks (several accounts), Veto can't know which one is linked,
 * so the least advanced is shown: never "done" for something that may not
 * be. Tasks the person skipped or marked not applicable are left out; when
 * nothing is left (the other app is not chosen, or not applicable), the step
 * is recorded on its own like any other. */
void
_veto_checklist_resolve_followers (GPtrArray *tasks)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      VetoTask *task = g_ptr_array_index (tasks, i);
      VetoStep *step = veto_task_get_step (task);
      const char *target_id = veto_step_get_same_as (step);
      VetoTask *followed = NULL;

      if (target_id == NULL)
        continue;

      for (guint j = 0; j < tasks->len; j++)
        {
          VetoTask *other = g_ptr_array_index (tasks, j);
          VetoStepState state = veto_task_get_state (other);

          if (!g_str_equal (veto_step_get_id (veto_task_get_step (other)), target_id) ||
              state == VETO_STEP_STATE_SKIPPED || state == VETO_STEP_STATE_NOT_APPLICABLE)
            continue;

          if (followed == NULL ||
              progress_rank (state) < progress_rank (veto_task_get_state (followed)))
            followed = other;
        }

      if (followed != NULL)
        g_ptr_array_index (tasks, i) = veto_task_new_following (veto_task_get_app (task), step,
                                                                veto_task_get_account_id (task),
                                                                veto_task_get_account_label (task),
                                                                followed);
      if (followed != NULL)
        g_object_unref (task);
    }
}

static int
compare_due_date (gconstpointer a,
                  gconstpointer b)
{
  VetoTask *task_a = *(VetoTask **)a;
  VetoTask *task_b = *(VetoTask **)b;

  return g_date_time_compare (veto_task_get_due_date (task_a), veto_task_get_due_date (task_b));
}

void
_veto_checklist_update_due_tasks (VetoChecklist *self,
                                  GPtrArray     *tasks)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new ();

  for (guint i = 0; i < tasks->len; i++)
    if (veto_task_get_due (g_ptr_array_index (tasks, i)))
      g_ptr_array_add (due, g_ptr_array_index (tasks, i));

  /* a stable sort: equal dates keep the checklist's order */
  g_ptr_array_sort (due, compare_due_date);
  g_list_store_splice (self->due_tasks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->due_tasks)),
                       due->pdata, due->len);
}
