/* veto-overdue-group.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-overdue-group.h"
#include "veto-row.h"
#include "veto-status.h"
#include "veto-util.h"

/* What the overview leads with: each objection Meta refused or left
 * unanswered past its answer period, since when, and the next thing to do
 * (the complaint step it made a to-do) with what to attach. Hidden when
 * there is none. */
struct _VetoOverdueGroup
{
  AdwPreferencesGroup  parent_instance;

  VetoChecklist       *checklist;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (VetoOverdueGroup, veto_overdue_group, ADW_TYPE_PREFERENCES_GROUP)

static GtkWidget *
row_new (const char *title,
         const char *subtitle,
         const char *app_id)
{
  /* titles come from the catalog and the person: text, never markup */
  GtkWidget *row = veto_row_new (title, subtitle);

  veto_row_add_suffix (VETO_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-app");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", app_id);

  return row;
}

static void
rebuild (VetoOverdueGroup *self)
{
  GListModel *overdue = veto_checklist_get_overdue_tasks (self->checklist);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < g_list_model_get_n_items (overdue); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (overdue, i);
      g_autoptr(GPtrArray) next = veto_checklist_find_follow_ups (self->checklist, task);
      const char *app_id = veto_app_get_id (veto_task_get_app (task));
      g_autofree char *place = veto_task_dup_place (task, NULL);
      g_autofree char *sentence = veto_task_dup_overdue_sentence (task);
      /* Translators: app and account, what happened: "Facebook, Personal — Meta refused …" */
      g_autofree char *subtitle = g_strdup_printf (_("%s — %s"), place, sentence);

      gtk_list_box_append (self->list, row_new (veto_step_get_title (veto_task_get_step (task)),
                                                subtitle, app_id));

      for (guint j = 0; j < next->len; j++)
        {
          VetoTask *follow_up = g_ptr_array_index (next, j);
          g_autofree char *title = g_strdup_printf (_("Next: %s"),
                                                    veto_step_get_title (veto_task_get_step (follow_up)));

          gtk_list_box_append (self->list,
                               row_new (title, veto_task_get_attach_hint (follow_up),
                                        veto_app_get_id (veto_task_get_app (follow_up))));
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self), g_list_model_get_n_items (overdue) > 0);
}

static void
on_items_changed (VetoOverdueGroup *self)
{
  rebuild (self);
}

static void
veto_overdue_group_dispose (GObject *object)
{
  VetoOverdueGroup *self = (VetoOverdueGroup *)object;

  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (veto_overdue_group_parent_class)->dispose (object);
}

static void
veto_overdue_group_class_init (VetoOverdueGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = veto_overdue_group_dispose;
}

static void
veto_overdue_group_init (VetoOverdueGroup *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("No Answer From Meta"));
  veto_util_group_add_description (ADW_PREFERENCES_GROUP (self),
                                   _("Meta must answer an objection within a month (GDPR, article 12). When it refuses or does not answer, you can complain to your data protection authority."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
  /* a screen reader names the list as the heading above it */
  veto_util_set_accessible_label (GTK_WIDGET (self->list), _("No Answer From Meta"));
}

GtkWidget *
veto_overdue_group_new (VetoChecklist *checklist)
{
  VetoOverdueGroup *self = g_object_new (VETO_TYPE_OVERDUE_GROUP, NULL);

  self->checklist = g_object_ref (checklist);
  g_signal_connect_object (veto_checklist_get_overdue_tasks (checklist), "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  /* a follow-up finished changes no overdue item's place, but its row */
  g_signal_connect_object (veto_checklist_get_tasks (checklist), "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}
