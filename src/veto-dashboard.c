/* veto-dashboard.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "veto-dashboard.h"
#include "veto-earlier-group.h"
#include "veto-overdue-group.h"
#include "veto-i18n.h"
#include "veto-status.h"
#include "veto-util.h"

/* What later runs open on: what is due for a recheck first, then each app
 * and account with its progress; one click leads into an app's checklist. */
struct _VetoDashboard
{
  GtkWidget               parent_instance;

  VetoChecklist          *checklist;
  guint                   rebuild_id;

  GtkLabel               *summary_label;
  GtkProgressBar         *progress_bar;
  AdwPreferencesGroup    *due_group;
  GtkListBox             *due_list;
  AdwPreferencesGroup    *waiting_group;
  GtkListBox             *waiting_list;
  GtkListBox             *apps_list;
};

G_DEFINE_FINAL_TYPE (VetoDashboard, veto_dashboard, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
link_row (const char *title,
          const char *subtitle,
          const char *app_id)
{
  GtkWidget *row = adw_action_row_new ();

  veto_util_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-app");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", app_id);

  return row;
}

/* Counts an app account's tasks; steps done once count for every account. */
static void
count_for (GListModel *tasks,
           VetoApp    *app,
           const char *account_id,
           guint      *n,
           guint      *finished)
{
  *n = *finished = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      const char *account = veto_task_get_account_id (task);

      if (veto_task_get_app (task) != app || (account != NULL && g_strcmp0 (account, account_id) != 0) ||
          !veto_task_get_active (task))
        continue;

      (*n)++;
      if (VETO_STEP_STATE_IS_FINISHED (veto_task_get_state (task)))
        (*finished)++;
    }
}

static void
rebuild (VetoDashboard *self)
{
  VetoProgressStore *store = veto_checklist_get_store (self->checklist);
  VetoCatalog *catalog = veto_checklist_get_catalog (self->checklist);
  GListModel *tasks = veto_checklist_get_tasks (self->checklist);
  GListModel *apps = veto_catalog_get_apps (catalog);
  /* conditional steps not yet needed count nowhere */
  guint n_tasks = veto_checklist_get_n_counted (self->checklist);
  guint n_finished = veto_checklist_get_n_finished (self->checklist);
  g_autofree char *summary = NULL;
  guint n_due = 0, n_waiting = 0;

  clear_list (self->due_list);
  clear_list (self->waiting_list);
  clear_list (self->apps_list);

  summary = g_strdup_printf (_("Steps finished: %u of %u."), n_finished, n_tasks);
  gtk_label_set_text (self->summary_label, summary);
  gtk_progress_bar_set_fraction (self->progress_bar, n_tasks ? (double)n_finished / n_tasks : 0.0);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *account = NULL;

      /* what waits for Meta's confirmation */
      account = veto_account_get_display_name (veto_task_get_account_label (task),
                                               veto_task_get_account_id (task));

      if (veto_task_get_state (task) == VETO_STEP_STATE_SUBMITTED)
        {
          g_autoptr(GDateTime) submitted =
            veto_progress_store_dup_submitted (store, veto_step_get_id (veto_task_get_step (task)),
                                               veto_task_get_account_id (task));
          g_autofree char *sent = submitted ? veto_format_date (submitted) : NULL;
          g_autofree char *waiting = NULL;

          /* Translators: app, account, date: "Facebook, Personal — sent on March 1, 2027" */
          waiting = g_strdup_printf (_("%s, %s — sent on %s"),
                                     veto_app_get_name (veto_task_get_app (task)), account,
                                     sent ? sent : "");
          gtk_list_box_append (self->waiting_list,
                               link_row (veto_step_get_title (veto_task_get_step (task)), waiting,
                                         veto_app_get_id (veto_task_get_app (task))));
          n_waiting++;
        }

    }

  /* What is due comes first, the longest due first, with why. */
  {
    GListModel *due = veto_checklist_get_due_tasks (self->checklist);

    for (guint i = 0; i < g_list_model_get_n_items (due); i++)
      {
        g_autoptr(VetoTask) task = g_list_model_get_item (due, i);
        g_autofree char *account = veto_account_get_display_name (veto_task_get_account_label (task),
                                                                  veto_task_get_account_id (task));
        g_autofree char *subtitle = NULL;
        GtkWidget *row;

        if (veto_task_get_due_reason (task) != NULL)
          /* Translators: app, account, what changed: "Facebook, Personal — The form moved." */
          subtitle = g_strdup_printf (_("%s, %s — %s"), veto_app_get_name (veto_task_get_app (task)),
                                      account, veto_task_get_due_reason (task));
        else
          {
            g_autofree char *date = veto_format_date (veto_task_get_due_date (task));

            /* Translators: app, account, date: "Facebook, Personal — due since March 1, 2027" */
            subtitle = g_strdup_printf (_("%s, %s — due since %s"),
                                        veto_app_get_name (veto_task_get_app (task)), account, date);
          }
        row = link_row (veto_step_get_title (veto_task_get_step (task)), subtitle,
                        veto_app_get_id (veto_task_get_app (task)));
        adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
        gtk_list_box_append (self->due_list, row);
        n_due++;
      }
  }
  gtk_widget_set_visible (GTK_WIDGET (self->due_group), n_due > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_group), n_waiting > 0);

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (apps, i);
      g_auto(GStrv) accounts = NULL;
      guint n_accounts;

      if (!veto_progress_store_has_app (store, veto_app_get_id (app)))
        continue;

      accounts = veto_progress_store_dup_accounts (store, veto_app_get_id (app));
      n_accounts = g_strv_length (accounts);

      for (guint a = 0; a < n_accounts; a++)
        {
          g_autofree char *label = veto_progress_store_dup_account_label (store, veto_app_get_id (app), accounts[a]);
          g_autofree char *name = veto_account_get_display_name (label, accounts[a]);
          g_autofree char *title = NULL;
          g_autofree char *subtitle = NULL;
          GtkWidget *row;
          GtkWidget *bar;
          guint n, finished;

          count_for (tasks, app, accounts[a], &n, &finished);
          title = n_accounts > 1
            /* Translators: an app and one of the person's accounts: "Instagram — Work" */
            ? g_strdup_printf (_("%s — %s"), veto_app_get_name (app), name)
            : g_strdup (veto_app_get_name (app));
          subtitle = g_strdup_printf (_("Steps finished: %u of %u."), finished, n);

          row = link_row (title, subtitle, veto_app_get_id (app));
          bar = gtk_level_bar_new_for_interval (0, MAX (n, 1));
          gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), finished);
          gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
          gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
          gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
          gtk_widget_set_size_request (bar, 64, -1);
          gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), bar);
          gtk_list_box_append (self->apps_list, row);
        }
    }
}

static gboolean
rebuild_idle (gpointer user_data)
{
  VetoDashboard *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
on_items_changed (VetoDashboard *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static void
veto_dashboard_dispose (GObject *object)
{
  GtkWidget *child;
  VetoDashboard *self = (VetoDashboard *)object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_DASHBOARD);
  /* dispose_template() only drops bound children; the layout's own child
   * must go too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (veto_dashboard_parent_class)->dispose (object);
}

static void
veto_dashboard_class_init (VetoDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_dashboard_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, due_group);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, due_list);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, waiting_group);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, apps_list);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_dashboard_init (VetoDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  veto_util_fix_button_names (GTK_WIDGET (self));
}

GtkWidget *
veto_dashboard_new (VetoChecklist *checklist)
{
  VetoDashboard *self = g_object_new (VETO_TYPE_DASHBOARD, NULL);

  self->checklist = g_object_ref (checklist);
  g_signal_connect_object (veto_checklist_get_tasks (checklist), "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);

  /* Meta's refusals and silences lead; steps recorded earlier close the
   * overview (veto-overdue-group.c, veto-earlier-group.c) */
  {
    GtkWidget *groups = gtk_widget_get_parent (GTK_WIDGET (self->due_group));
    GtkWidget *apps_group = gtk_widget_get_ancestor (GTK_WIDGET (self->apps_list), ADW_TYPE_PREFERENCES_GROUP);

    gtk_widget_insert_before (veto_overdue_group_new (checklist), groups, GTK_WIDGET (self->due_group));
    gtk_widget_insert_after (veto_earlier_group_new (checklist), groups, apps_group);
  }

  return GTK_WIDGET (self);
}
