/* veto-earlier-group.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-checklist.h"
#include "veto-earlier-group.h"
#include "veto-row.h"
#include "veto-util.h"

/* Nothing recorded is ever hidden: steps recorded earlier that no longer
 * apply (the person moved, or stopped using an app) are listed at the end
 * of the overview with their state, as they are in `veto --status` and in
 * the record. Hidden when there is none. */
struct _VetoEarlierGroup
{
  AdwPreferencesGroup  parent_instance;

  VetoChecklist       *checklist;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (VetoEarlierGroup, veto_earlier_group, ADW_TYPE_PREFERENCES_GROUP)

static void
rebuild (VetoEarlierGroup *self)
{
  GListModel *earlier = veto_checklist_get_earlier_tasks (self->checklist);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < g_list_model_get_n_items (earlier); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (earlier, i);
      g_autofree char *place = veto_task_dup_place (task, NULL);
      /* Translators: app and account, state: "Facebook, Personal — Submitted" */
      g_autofree char *subtitle = g_strdup_printf (_("%s — %s"), place,
                                                   veto_step_state_get_label (veto_task_get_state (task)));
      /* text, never markup */
      gtk_list_box_append (self->list,
                           veto_row_new_static (veto_step_get_title (veto_task_get_step (task)), subtitle));
    }

  gtk_widget_set_visible (GTK_WIDGET (self), g_list_model_get_n_items (earlier) > 0);
}

static void
on_items_changed (VetoEarlierGroup *self)
{
  rebuild (self);
}

static void
veto_earlier_group_dispose (GObject *object)
{
  VetoEarlierGroup *self = (VetoEarlierGroup *)object;

  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (veto_earlier_group_parent_class)->dispose (object);
}

static void
veto_earlier_group_class_init (VetoEarlierGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = veto_earlier_group_dispose;
}

static void
veto_earlier_group_init (VetoEarlierGroup *self)
{
  const char *intro = _("These no longer apply where you live or to your apps. They stay in your record, with their dates.");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Recorded Earlier"));
  veto_util_group_add_description (ADW_PREFERENCES_GROUP (self), intro);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
  /* a screen reader names the list as the heading and the lines above it */
  veto_util_name_list (GTK_WIDGET (self->list), _("Recorded Earlier"), intro);
}

GtkWidget *
veto_earlier_group_new (VetoChecklist *checklist)
{
  VetoEarlierGroup *self = g_object_new (VETO_TYPE_EARLIER_GROUP, NULL);

  self->checklist = g_object_ref (checklist);
  g_signal_connect_object (veto_checklist_get_earlier_tasks (checklist), "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}
