/* veto-overdue-group.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-checklist.h"
#include "veto-overdue-group.h"
#include "veto-row.h"
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
  /* this group lists Meta's refusals; the other, its silences */
  gboolean             refusals;
  /* its heading, words and list are made with its first row: most
   * people never see either group, and the overview is the first screen
   * of every day */
  gboolean             filled;
};

G_DEFINE_FINAL_TYPE (VetoOverdueGroup, veto_overdue_group, ADW_TYPE_PREFERENCES_GROUP)

/* A row that leads to one step of one account, its card in view. */
static GtkWidget *
row_new (const char *title,
         const char *subtitle,
         VetoTask   *task)
{
  /* titles come from the catalog and the person: text, never markup */
  GtkWidget *row = veto_row_new_link (title, subtitle);
  const char *account = veto_task_get_account_id (task);

  /* the arrow only shows that the row leads on: nothing to say */
  veto_row_add_suffix (VETO_ROW (row), g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                     NULL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-step");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)",
                                    veto_step_get_id (veto_task_get_step (task)),
                                    account ? account : "");

  return row;
}

static void
ensure_content (VetoOverdueGroup *self)
{
  const char *title = self->refusals ? _("Refused by Meta") : _("No Answer From Meta");
  const char *intro = self->refusals
                        ? _("Meta refused these objections. You can complain to your data protection authority.")
                        : _("Meta did not answer these objections in time. You can complain to your data protection authority.");

  if (self->filled)
    return;
  self->filled = TRUE;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  veto_util_group_add_description (ADW_PREFERENCES_GROUP (self), intro);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
  /* a screen reader names the list as the heading and the lines above it */
  veto_util_name_list (GTK_WIDGET (self->list), title, intro);
}

static void
rebuild (VetoOverdueGroup *self)
{
  GListModel *overdue = veto_checklist_get_overdue_tasks (self->checklist);
  g_autoptr(GPtrArray) complaints = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < g_list_model_get_n_items (overdue); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (overdue, i);
      g_autofree char *place = NULL;
      g_autofree char *sentence = NULL;
      g_autofree char *subtitle = NULL;
      VetoTask *complaint;

      if ((veto_task_get_state (task) == VETO_STEP_STATE_REFUSED) != self->refusals)
        continue;
      n++;

      place = veto_task_dup_place (task, NULL);
      sentence = veto_task_dup_overdue_sentence (task);
      /* Translators: app and account, what happened: "Facebook, Personal — Meta refused …" */
      subtitle = g_strdup_printf (_("%s — %s"), place, sentence);
      gtk_list_box_append (self->list, row_new (veto_step_get_title (veto_task_get_step (task)),
                                                subtitle, task));

      /* then the complaint that covers it, once for all the objections it
       * covers */
      complaint = veto_checklist_find_complaint (self->checklist, task);
      if (complaint != NULL && !g_ptr_array_find (complaints, complaint, NULL))
        {
          g_autofree char *title = g_strdup_printf (_("Next: %s"),
                                                    veto_step_get_title (veto_task_get_step (complaint)));

          gtk_list_box_append (self->list, row_new (title, veto_task_get_attach_hint (complaint), complaint));
          g_ptr_array_add (complaints, complaint);
        }
      else
        g_clear_object (&complaint);
    }

  if (n > 0)
    ensure_content (self);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
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
  g_clear_object (&self->list);

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
  /* owned here until the group shows it (ensure_content()) */
  self->list = GTK_LIST_BOX (g_object_ref_sink (gtk_list_box_new ()));
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
}

/**
 * veto_overdue_group_new:
 * @checklist: the checklist
 * @refusals: %TRUE for Meta's refusals, %FALSE for the objections it did
 *   not answer in time: each has its own heading
 *
 * Returns: (transfer full): a new group
 */
GtkWidget *
veto_overdue_group_new (VetoChecklist *checklist,
                        gboolean       refusals)
{
  VetoOverdueGroup *self = g_object_new (VETO_TYPE_OVERDUE_GROUP, NULL);

  self->refusals = refusals;

  self->checklist = g_object_ref (checklist);
  g_signal_connect_object (veto_checklist_get_overdue_tasks (checklist), "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  /* a follow-up finished changes no overdue item's place, but its row */
  g_signal_connect_object (veto_checklist_get_tasks (checklist), "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}
