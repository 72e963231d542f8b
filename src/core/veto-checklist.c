/* veto-checklist.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-checklist.h"

/* The catalog says what can be done; the progress store says what the
 * person did. The checklist joins them: for the person's region, each
 * chosen app, each step that applies there and, for per-account steps, each
 * account, one VetoTask with its state and whether it is due for a recheck.
 * The dashboard, `--status`, the record and reminders all read it, so they
 * can't disagree. */
struct _VetoChecklist
{
  GObject            parent_instance;

  VetoCatalog       *catalog;
  VetoProgressStore *store;
  GListStore        *tasks;
  gulong             changed_id;

  guint              n_finished;
  guint              n_due;
};

G_DEFINE_FINAL_TYPE (VetoChecklist, veto_checklist, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_STORE,
  PROP_N_TASKS,
  PROP_N_FINISHED,
  PROP_N_DUE,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
veto_checklist_init (VetoChecklist *self)
{
  self->tasks = g_list_store_new (VETO_TYPE_TASK);
}

/**
 * veto_checklist_new:
 * @catalog: the steps
 * @store: the person's progress; the checklist follows its changes
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

/* A finished step comes up again RecheckDays after it was last looked at:
 * the later of its last change and its last recheck. */
static GDateTime *
compute_due_date (VetoChecklist *self,
                  VetoStep      *step,
                  const char    *account_id,
                  VetoStepState  state)
{
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GDateTime) checked = NULL;
  GDateTime *reference;

  if (state != VETO_STEP_STATE_CONFIRMED && state != VETO_STEP_STATE_DONE)
    return NULL;

  updated = veto_progress_store_dup_updated (self->store, veto_step_get_id (step), account_id);
  checked = veto_progress_store_dup_checked (self->store, veto_step_get_id (step), account_id);

  if (updated != NULL && checked != NULL)
    reference = g_date_time_compare (updated, checked) >= 0 ? updated : checked;
  else
    reference = updated ? updated : checked;

  if (reference == NULL)
    return NULL;

  return g_date_time_add_days (reference, veto_step_get_recheck_days (step));
}

static void
add_task (VetoChecklist *self,
          GPtrArray     *tasks,
          GDateTime     *now,
          VetoApp       *app,
          VetoStep      *step,
          const char    *account_id)
{
  VetoStepState state = veto_progress_store_get_state (self->store, veto_step_get_id (step), account_id);
  g_autoptr(GDateTime) due_date = compute_due_date (self, step, account_id, state);
  g_autofree char *label = NULL;
  gboolean due = due_date != NULL && g_date_time_compare (due_date, now) <= 0;

  if (account_id != NULL)
    label = veto_progress_store_dup_account_label (self->store, veto_app_get_id (app), account_id);

  if (VETO_STEP_STATE_IS_FINISHED (state))
    self->n_finished++;
  if (due)
    self->n_due++;

  g_ptr_array_add (tasks, veto_task_new (app, step, account_id, label, state, due_date, due));
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
  guint old_n_tasks, old_finished, old_due;

  g_return_if_fail (VETO_IS_CHECKLIST (self));

  old_n_tasks = veto_checklist_get_n_tasks (self);
  old_finished = self->n_finished;
  old_due = self->n_due;
  self->n_finished = 0;
  self->n_due = 0;

  now = veto_clock_get_now (veto_progress_store_get_clock (self->store));
  region = veto_progress_store_get_region (self->store);
  apps = veto_catalog_get_apps (self->catalog);

  for (guint i = 0; region != NULL && i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (apps, i);
      g_autoptr(GListModel) steps = NULL;
      g_auto(GStrv) accounts = NULL;

      if (!veto_progress_store_has_app (self->store, veto_app_get_id (app)))
        continue;

      accounts = veto_progress_store_dup_accounts (self->store, veto_app_get_id (app));
      steps = veto_catalog_list_steps (self->catalog, veto_app_get_id (app), region);

      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(VetoStep) step = g_list_model_get_item (steps, j);

          if (!veto_step_get_per_account (step))
            add_task (self, tasks, now, app, step, NULL);
          else
            for (guint k = 0; accounts[k] != NULL; k++)
              add_task (self, tasks, now, app, step, accounts[k]);
        }
    }

  g_list_store_splice (self->tasks, 0, old_n_tasks, tasks->pdata, tasks->len);

  if (old_n_tasks != tasks->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TASKS]);
  if (old_finished != self->n_finished)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINISHED]);
  if (old_due != self->n_due)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE]);
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
