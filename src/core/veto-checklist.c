/* veto-checklist.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-checklist-private.h"
#include "veto-lifecycle.h"

/* The catalog says what can be done; the progress store says what the
 * person did. The checklist joins them: for the person's region, each
 * chosen app, each step that applies there and, for per-account steps, each
 * account, one VetoTask with its state and whether it is due for a recheck.
 * The dashboard, `--status`, the record and reminders all read it, so they
 * can't disagree.
 *
 * A finished step (confirmed or done) is due for a recheck when either
 *  - its RecheckDays have passed since it was last changed or checked, or
 *  - the catalog in use has a [Changes V] entry naming it, with V newer than
 *    the catalog the person last finished or checked it against: Meta
 *    changed something, and what they did may no longer hold.
 * Skipped and not-applicable steps are never due: the person decided they
 * don't concern them.
 *
 * An objection submitted and not confirmed AnswerMonths calendar months
 * after the day it was sent is overdue (GDPR Art. 12(3): one month); a
 * refused one is as bad at once. Either makes the steps that name it in
 * OnlyIf=refused-or-overdue: (a complaint to a regulator) a to-do; until
 * then those steps are listed but count nowhere.
 *
 * Nothing recorded is ever hidden: a step with anything recorded that no
 * longer applies (the region or the apps changed) is kept in a list of its
 * own, "earlier", outside the counts. */
G_DEFINE_FINAL_TYPE (VetoChecklist, veto_checklist, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_STORE,
  PROP_N_TASKS,
  PROP_N_FINISHED,
  PROP_N_DUE,
  PROP_N_COUNTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
veto_checklist_dispose (GObject *object)
{
  VetoChecklist *self = (VetoChecklist *)object;

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->tasks);
  g_clear_pointer (&self->task_array, g_ptr_array_unref);
  g_clear_object (&self->due_tasks);
  g_clear_object (&self->overdue_tasks);
  g_clear_object (&self->earlier_tasks);

  G_OBJECT_CLASS (veto_checklist_parent_class)->dispose (object);
}

static void
veto_checklist_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VetoChecklist *self = VETO_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_TASKS:
      g_value_set_uint (value, veto_checklist_get_n_tasks (self));
      break;

    case PROP_N_FINISHED:
      g_value_set_uint (value, self->n_finished);
      break;

    case PROP_N_DUE:
      g_value_set_uint (value, self->n_due);
      break;

    case PROP_N_COUNTED:
      g_value_set_uint (value, self->n_counted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_checklist_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VetoChecklist *self = VETO_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_store_changed (VetoChecklist     *self,
                  VetoProgressStore *store)
{
  veto_checklist_refresh (self);
}

static void
veto_checklist_constructed (GObject *object)
{
  VetoChecklist *self = (VetoChecklist *)object;

  G_OBJECT_CLASS (veto_checklist_parent_class)->constructed (object);

  /* A step the catalog now says is done once (Scope=app or accounts-center)
   * keeps what the person recorded for it per account under an older
   * catalog, before that catalog's version is replaced below. */
  {
    GListModel *steps = veto_catalog_get_steps (self->catalog);

    for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
      {
        g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);

        if (!veto_step_get_per_account (step))
          veto_progress_store_adopt_account_records (self->store, veto_step_get_id (step));
        /* the per-app complaints became one (Replaces=): what the person
         * recorded for them is the new step's */
        if (veto_step_get_replaces (step)[0] != NULL)
          veto_progress_store_adopt_replaced_records (self->store, veto_step_get_id (step),
                                                      veto_step_get_replaces (step));
      }
  }

  /* From now on, states and rechecks are recorded against this catalog. */
  veto_progress_store_set_catalog_version (self->store, veto_catalog_get_version (self->catalog));

  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (on_store_changed), self,
                                              G_CONNECT_SWAPPED);
  veto_checklist_refresh (self);
}

static void
veto_checklist_class_init (VetoChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = veto_checklist_dispose;
  object_class->get_property = veto_checklist_get_property;
  object_class->set_property = veto_checklist_set_property;
  object_class->constructed = veto_checklist_constructed;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, VETO_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VETO_TYPE_PROGRESS_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_TASKS] =
    g_param_spec_uint ("n-tasks", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_FINISHED] =
    g_param_spec_uint ("n-finished", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_DUE] =
    g_param_spec_uint ("n-due", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_COUNTED] =
    g_param_spec_uint ("n-counted", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
veto_checklist_init (VetoChecklist *self)
{
  self->tasks = g_list_store_new (VETO_TYPE_TASK);
  self->due_tasks = g_list_store_new (VETO_TYPE_TASK);
  self->overdue_tasks = g_list_store_new (VETO_TYPE_TASK);
  self->earlier_tasks = g_list_store_new (VETO_TYPE_TASK);
}

/**
 * veto_checklist_new:
 * @catalog: the steps
 * @store: the person's progress; the checklist follows its changes
 *
 * Also records in @store that @catalog is the catalog in use (see
 * veto_progress_store_set_catalog_version()).
 *
 * Returns: (transfer full): a new #VetoChecklist
 */
VetoChecklist *
veto_checklist_new (VetoCatalog       *catalog,
                    VetoProgressStore *store)
{
  g_return_val_if_fail (VETO_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (store), NULL);

  return g_object_new (VETO_TYPE_CHECKLIST,
                       "catalog", catalog,
                       "store", store,
                       NULL);
}

/**
 * veto_checklist_refresh:
 * @self: a #VetoChecklist
 *
 * Rebuilds the tasks from the store and the clock. Called on every change
 * of the store; call it yourself when only time has passed.
 */
void
veto_checklist_refresh (VetoChecklist *self)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = NULL;
  GListModel *apps;
  const char *region;
  guint old_n_tasks, old_finished, old_due, old_counted;
  gboolean caches;

  g_return_if_fail (VETO_IS_CHECKLIST (self));

  old_n_tasks = veto_checklist_get_n_tasks (self);
  old_finished = self->n_finished;
  old_due = self->n_due;
  old_counted = self->n_counted;
  self->n_finished = 0;
  self->n_due = 0;
  self->n_counted = 0;

  now = veto_clock_get_now (veto_progress_store_get_clock (self->store));
  region = veto_progress_store_get_region (self->store);
  apps = veto_catalog_get_apps (self->catalog);
  /* a refresh inside a refresh (a handler of a notification) keeps the
   * outer one's caches */
  caches = self->names == NULL;
  if (caches)
    {
      self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      self->apps = veto_progress_store_dup_apps (self->store);
    }

  for (guint i = 0; region != NULL && i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (apps, i);
      g_autoptr(GListModel) steps = NULL;
      g_auto(GStrv) accounts = NULL;

      if (!g_strv_contains ((const char * const *)self->apps, veto_app_get_id (app)))
        continue;

      accounts = veto_progress_store_dup_accounts (self->store, veto_app_get_id (app));
      steps = veto_catalog_list_steps (self->catalog, veto_app_get_id (app), region);

      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(VetoStep) step = g_list_model_get_item (steps, j);

          /* a step on several apps: one task, on its first chosen app */
          if (g_strcmp0 (_veto_checklist_home_app_id (self, step), veto_app_get_id (app)) != 0)
            continue;

          /* Scope=app and Scope=accounts-center: one task, whatever the
           * number of accounts */
          if (!veto_step_get_per_account (step))
            _veto_checklist_add_task (self, tasks, now, app, step, NULL);
          else
            for (guint k = 0; accounts[k] != NULL; k++)
              _veto_checklist_add_task (self, tasks, now, app, step, accounts[k]);
        }
    }

  _veto_checklist_resolve_followers (tasks);
  _veto_checklist_resolve_conditions (self, tasks);
  _veto_checklist_count_tasks (self, tasks);
  _veto_checklist_collect_earlier (self, tasks, now, region);
  if (caches)
    {
      g_clear_pointer (&self->names, g_hash_table_unref);
      g_clear_pointer (&self->apps, g_strfreev);
    }

  /* before the splice, whose handlers may count */
  g_clear_pointer (&self->task_array, g_ptr_array_unref);
  self->task_array = g_ptr_array_ref (tasks);
  g_list_store_splice (self->tasks, 0, old_n_tasks, tasks->pdata, tasks->len);

  _veto_checklist_update_due_tasks (self, tasks);

  if (old_n_tasks != tasks->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TASKS]);
  if (old_finished != self->n_finished)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINISHED]);
  if (old_due != self->n_due)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE]);
  if (old_counted != self->n_counted)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COUNTED]);
}

VetoCatalog *
veto_checklist_get_catalog (VetoChecklist *self)
{
  g_return_val_if_fail (VETO_IS_CHECKLIST (self), NULL);
  return self->catalog;
}

VetoProgressStore *
veto_checklist_get_store (VetoChecklist *self)
{
  g_return_val_if_fail (VETO_IS_CHECKLIST (self), NULL);
  return self->store;
}

/**
 * veto_checklist_get_tasks:
 *
 * Returns: (transfer none): a #GListModel of #VetoTask, by app in catalog
 *   order, then by step, then by account
 */
GListModel *
veto_checklist_get_tasks (VetoChecklist *self)
{
  g_return_val_if_fail (VETO_IS_CHECKLIST (self), NULL);
  return G_LIST_MODEL (self->tasks);
}

guint
veto_checklist_get_n_tasks (VetoChecklist *self)
{
  g_return_val_if_fail (VETO_IS_CHECKLIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->tasks));
}

guint
veto_checklist_get_n_finished (VetoChecklist *self)
{
  g_return_val_if_fail (VETO_IS_CHECKLIST (self), 0);
  return self->n_finished;
}

guint
veto_checklist_get_n_due (VetoChecklist *self)
{
  g_return_val_if_fail (VETO_IS_CHECKLIST (self), 0);
  return self->n_due;
}

/**
 * veto_checklist_get_due_tasks:
 * @self: a #VetoChecklist
 *
 * What a dashboard leads with and what a reminder names.
 *
 * Returns: (transfer none): a #GListModel of the #VetoTask that are due for
 *   a recheck, the longest due first
 */
GListModel *
veto_checklist_get_due_tasks (VetoChecklist *self)
{
  g_return_val_if_fail (VETO_IS_CHECKLIST (self), NULL);
  return G_LIST_MODEL (self->due_tasks);
}

/**
 * veto_checklist_recheck:
 * @self: a #VetoChecklist
 * @task: one of its tasks
 *
 * Records that the person looked at @task's step again today, against the
 * catalog in use (veto_progress_store_mark_checked()). The tasks are then
 * rebuilt: @task is a snapshot, so read the new state from
 * veto_checklist_get_tasks().
 */
void
veto_checklist_recheck (VetoChecklist *self,
                        VetoTask      *task)
{
  g_return_if_fail (VETO_IS_CHECKLIST (self));
  g_return_if_fail (VETO_IS_TASK (task));

  veto_progress_store_mark_checked (self->store,
                                    veto_step_get_id (veto_task_get_step (task)),
                                    veto_task_get_account_id (task));
}

/**
 * veto_checklist_get_n_counted:
 * @self: a #VetoChecklist
 *
 * Returns: how many tasks count as to-dos or finished (see
 *   veto_task_counts(): not the conditional ones whose condition does not
 *   hold, nor information steps, nor SameAs= followers); "finished N of
 *   this". #VetoChecklist:n-finished counts among these.
 */
guint
veto_checklist_get_n_counted (VetoChecklist *self)
{
  g_return_val_if_fail (VETO_IS_CHECKLIST (self), 0);
  return self->n_counted;
}

/**
 * veto_checklist_get_overdue_tasks:
 * @self: a #VetoChecklist
 *
 * What the overview leads with, `--status` names and a reminder notifies.
 *
 * Returns: (transfer none): a #GListModel of the #VetoTask whose objection
 *   Meta refused or left unanswered past its answer period, and that no
 *   finished step follows up yet; the oldest first
 */
GListModel *
veto_checklist_get_overdue_tasks (VetoChecklist *self)
{
  g_return_val_if_fail (VETO_IS_CHECKLIST (self), NULL);
  return G_LIST_MODEL (self->overdue_tasks);
}

/**
 * veto_checklist_get_earlier_tasks:
 * @self: a #VetoChecklist
 *
 * Returns: (transfer none): a #GListModel of the #VetoTask recorded earlier
 *   that no longer apply (an app no longer chosen, a step that does not
 *   apply where the person now lives), in catalog order; never counted
 */
GListModel *
veto_checklist_get_earlier_tasks (VetoChecklist *self)
{
  g_return_val_if_fail (VETO_IS_CHECKLIST (self), NULL);
  return G_LIST_MODEL (self->earlier_tasks);
}

/**
 * veto_checklist_find_follow_ups:
 * @self: a #VetoChecklist
 * @task: an overdue or refused task
 *
 * Returns: (transfer container) (element-type VetoTask): the conditional
 *   tasks @task made to-dos: the next thing to do
 */
GPtrArray *
veto_checklist_find_follow_ups (VetoChecklist *self,
                                VetoTask      *task)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (VETO_IS_CHECKLIST (self), result);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tasks)); i++)
    {
      g_autoptr(VetoTask) other = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);

      if (veto_task_get_activated_by (other) == task)
        g_ptr_array_add (result, g_steal_pointer (&other));
    }

  return result;
}

/* Whether @step goes when the person stops using @app_id: a step on
 * several apps stays while another of them is chosen. */
static gboolean
leaves_with_app (VetoChecklist *self,
                 VetoStep      *step,
                 const char    *app_id)
{
  const char * const *ids = veto_step_get_app_ids (step);

  if (!veto_step_has_app (step, app_id))
    return FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_str_equal (ids[i], app_id) && veto_progress_store_has_app (self->store, ids[i]))
      return FALSE;

  return TRUE;
}

/**
 * veto_checklist_count_objections:
 * @self: a #VetoChecklist
 * @n_objections: (out): the objections to send, one per account and app
 * @n_sent: (out): of those, the ones sent (answered or not)
 *
 * The figure the overview leads with: "2 of 4 objections sent". An
 * objection skipped or marked as not applying is not sent.
 */
void
veto_checklist_count_objections (VetoChecklist *self,
                                 guint         *n_objections,
                                 guint         *n_sent)
{
  g_return_if_fail (VETO_IS_CHECKLIST (self));

  *n_objections = *n_sent = 0;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tasks)); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);
      VetoStepState state = veto_task_get_state (task);

      if (!veto_task_counts (task) || !veto_step_is_objection (veto_task_get_step (task)))
        continue;
      (*n_objections)++;
      if (veto_step_state_is_sent (state))
        (*n_sent)++;
    }
}

/**
 * veto_checklist_find_complaint:
 * @self: a #VetoChecklist
 * @task: an objection Meta refused or did not answer in time
 *
 * The complaint that covers @task: a conditional step (`OnlyIf=`) that
 * names @task's step and is a to-do now. Every objection that made it one
 * leads to it, not only the first.
 *
 * Returns: (transfer full) (nullable): that task
 */
VetoTask *
veto_checklist_find_complaint (VetoChecklist *self,
                               VetoTask      *task)
{
  const char *step_id;

  g_return_val_if_fail (VETO_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (VETO_IS_TASK (task), NULL);

  if (!veto_task_get_needs_follow_up (task))
    return NULL;

  step_id = veto_step_get_id (veto_task_get_step (task));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tasks)); i++)
    {
      g_autoptr(VetoTask) other = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);
      VetoStep *other_step = veto_task_get_step (other);
      gboolean same_scope;

      if (!veto_task_get_active (other) ||
          !g_strv_contains (veto_step_get_only_if_refused_or_overdue (other_step), step_id))
        continue;

      /* a per-account complaint of the same app is that account's */
      same_scope = veto_step_get_per_account (other_step) &&
                   veto_step_get_per_account (veto_task_get_step (task)) &&
                   g_str_equal (veto_step_get_app_id (other_step), veto_step_get_app_id (veto_task_get_step (task)));
      if (same_scope && g_strcmp0 (veto_task_get_account_id (other), veto_task_get_account_id (task)) != 0)
        continue;

      return g_steal_pointer (&other);
    }

  return NULL;
}

/**
 * veto_checklist_preview_change:
 * @self: a #VetoChecklist
 * @region_id: (nullable): the region the person is about to choose, or
 *   %NULL to keep theirs
 * @app_id: (nullable): an app the person is about to stop using, or %NULL
 *
 * What such a change would move under "recorded earlier": the window says
 * it before asking. Nothing is lost either way; the person should know.
 *
 * Returns: (transfer container) (element-type VetoTask): the tasks with
 *   something recorded that would no longer apply
 */
GPtrArray *
veto_checklist_preview_change (VetoChecklist *self,
                               const char    *region_id,
                               const char    *app_id)
{
  GPtrArray *moving = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *tasks;

  g_return_val_if_fail (VETO_IS_CHECKLIST (self), moving);

  tasks = G_LIST_MODEL (self->tasks);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      VetoStep *step = veto_task_get_step (task);
      gboolean leaves = (region_id != NULL && !veto_step_applies_to (step, region_id)) ||
                        (app_id != NULL && leaves_with_app (self, step, app_id));

      if (leaves && veto_progress_store_has_record (self->store, veto_step_get_id (step),
                                                    veto_task_get_account_id (task)))
        g_ptr_array_add (moving, g_steal_pointer (&task));
    }

  return moving;
}

/**
 * veto_task_counts:
 * @task: a task
 *
 * Whether @task counts in a person's progress. Information steps (what to
 * read, for example) are shown, not counted as something left to do; but a
 * conditional one that a refused or overdue objection activated (complain
 * to the regulator) is then the next thing to do, and counts. A conditional
 * step whose condition does not hold does not count, nor does a step that
 * takes its state from another (SameAs=): it is counted there.
 *
 * The overview, `--status` and the record all count this way.
 */
gboolean
veto_task_counts (VetoTask *task)
{
  g_return_val_if_fail (VETO_IS_TASK (task), FALSE);

  if (!veto_task_get_active (task))
    return FALSE;
  /* a step that is the same thing as another (SameAs=) counts once, there */
  if (veto_task_get_followed (task) != NULL)
    return FALSE;

  /* a complaint, like something to know, is a to-do only once an
   * objection calls for it; made early, it is recorded, not counted */
  switch (veto_step_get_kind (veto_task_get_step (task)))
    {
    case VETO_STEP_KIND_INFORMATION:
    case VETO_STEP_KIND_COMPLAINT:
      return veto_task_get_activated_by (task) != NULL;
    case VETO_STEP_KIND_FORM:
    case VETO_STEP_KIND_SETTING:
    case VETO_STEP_KIND_COMMAND:
    default:
      return TRUE;
    }
}

/**
 * veto_task_is_progressed:
 * @task: a task
 *
 * Whether the person has acted on @task: a sent objection is progress,
 * even before Meta confirms it.
 */
gboolean
veto_task_is_progressed (VetoTask *task)
{
  g_return_val_if_fail (VETO_IS_TASK (task), FALSE);
  return veto_task_get_state (task) != VETO_STEP_STATE_TODO;
}

/**
 * veto_checklist_count:
 * @self: a #VetoChecklist
 * @app: (nullable): only this app's tasks, or %NULL for all
 * @account_id: (nullable): with @app, only this account's tasks ("" for
 *   the steps done once per app), or %NULL for all of the app's
 * @n_counted: (out): the tasks that count (see veto_task_counts())
 * @n_progressed: (out): of those, the ones acted on
 *
 * Counts what a person recognises: each step done once per app once, sent
 * objections as progress, information steps not at all; so the overview's
 * total is the sum of its rows.
 */
void
veto_checklist_count (VetoChecklist *self,
                      VetoApp       *app,
                      const char    *account_id,
                      guint         *n_counted,
                      guint         *n_progressed)
{
  g_return_if_fail (VETO_IS_CHECKLIST (self));

  *n_counted = *n_progressed = 0;
  /* the overview asks once a row */
  for (guint i = 0; self->task_array != NULL && i < self->task_array->len; i++)
    {
      VetoTask *task = g_ptr_array_index (self->task_array, i);
      const char *account = veto_task_get_account_id (task);

      if (!veto_task_counts (task))
        continue;
      if (app != NULL && veto_task_get_app (task) != app)
        continue;
      if (app != NULL && account_id != NULL && g_strcmp0 (account ? account : "", account_id) != 0)
        continue;

      (*n_counted)++;
      if (veto_task_is_progressed (task))
        (*n_progressed)++;
    }
}

/**
 * veto_checklist_find_next_for:
 * @self: a #VetoChecklist
 * @app: (nullable): only this app's tasks, or %NULL for every app
 * @account_id: (nullable): with @app, only this account's tasks ("" for
 *   the steps done once), or %NULL for all of them
 *
 * Where a person continues: the most urgent task (veto-lifecycle.c): an
 * objection Meta refused or left unanswered, then an objection not sent,
 * then a step due for a recheck, then any step still to do; the first in
 * the checklist's order among equals.
 *
 * Returns: (transfer none) (nullable): that task, or %NULL when nothing
 *   is left to do now
 */
VetoTask *
veto_checklist_find_next_for (VetoChecklist *self,
                              VetoApp       *app,
                              const char    *account_id)
{
  GListModel *tasks;
  VetoTask *best = NULL;
  VetoUrgency best_urgency = VETO_URGENCY_WAITING;

  g_return_val_if_fail (VETO_IS_CHECKLIST (self), NULL);

  tasks = G_LIST_MODEL (self->tasks);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      const char *account = veto_task_get_account_id (task);
      VetoUrgency urgency;

      if (app != NULL && veto_task_get_app (task) != app)
        continue;
      if (app != NULL && account_id != NULL && g_strcmp0 (account ? account : "", account_id) != 0)
        continue;

      urgency = veto_task_get_urgency (task);
      if (urgency < best_urgency)
        {
          /* the checklist's list holds the task */
          best = task;
          best_urgency = urgency;
        }
    }

  return best;
}

/**
 * veto_checklist_find_next:
 * @self: a #VetoChecklist
 *
 * Returns: (transfer none) (nullable): veto_checklist_find_next_for() over
 *   every app: where "Continue" leads
 */
VetoTask *
veto_checklist_find_next (VetoChecklist *self)
{
  return veto_checklist_find_next_for (self, NULL, NULL);
}
