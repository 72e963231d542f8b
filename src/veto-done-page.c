/* veto-done-page.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "veto-done-page.h"
#include "veto-i18n.h"
#include "veto-lifecycle.h"
#include "veto-util.h"

/* The wizard's last page: what was filed, what is still open, and when
 * Veto will ask for a recheck. It follows the checklist. */
struct _VetoDonePage
{
  GtkWidget      parent_instance;

  VetoChecklist *checklist;

  GtkLabel      *sent_label;
  GtkLabel      *confirmed_label;
  GtkLabel      *open_label;
  GtkLabel      *recheck_label;
  AdwActionRow  *sent_row;
  AdwActionRow  *confirmed_row;
  AdwActionRow  *open_row;
  AdwActionRow  *recheck_row;
  AdwStatusPage *status_page;
  GtkWidget     *overview_button;
  GtkWidget     *reminders_switch;
  GtkWidget     *weekly_switch;
};

G_DEFINE_FINAL_TYPE (VetoDonePage, veto_done_page, GTK_TYPE_WIDGET)

static void
set_number (GtkLabel *label,
            guint     n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_text (label, text);
}

/* A row shows its figure in a label beside its title, which a screen
 * reader does not read with the row: the row says it in its description,
 * and @spoken gathers "title: figure" for the page's button. */
static void
describe_row (AdwActionRow *row,
              GtkLabel     *value,
              GString      *spoken)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *text = gtk_label_get_text (value);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  if (spoken->len > 0)
    g_string_append (spoken, " ");
  /* Translators: a figure of the summary as a screen reader says it, e.g.
   * "Objections sent: 1." */
  g_string_append_printf (spoken, _("%s: %s."), title, text);
}

static void
update (VetoDonePage *self)
{
  g_autoptr(GString) spoken = g_string_new (NULL);
  GListModel *tasks = veto_checklist_get_tasks (self->checklist);
  guint sent = 0, confirmed = 0, open = 0;
  g_autoptr(GDateTime) next = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      VetoStepState state = veto_task_get_state (task);
      GDateTime *due = veto_task_get_due_date (task);

      if (veto_step_get_kind (veto_task_get_step (task)) == VETO_STEP_KIND_FORM &&
          veto_step_state_is_sent (state))
        sent++;
      if (state == VETO_STEP_STATE_CONFIRMED)
        confirmed++;
      /* what is left to do: not information, not sent */
      if (veto_task_counts (task) && !veto_task_is_progressed (task))
        open++;
      if (due != NULL && (next == NULL || g_date_time_compare (due, next) < 0))
        {
          g_clear_pointer (&next, g_date_time_unref);
          next = g_date_time_ref (due);
        }
    }

  set_number (self->sent_label, sent);
  set_number (self->confirmed_label, confirmed);
  set_number (self->open_label, open);

  if (next != NULL)
    {
      g_autofree char *date = veto_format_date (next);

      gtk_label_set_text (self->recheck_label, date);
    }
  else
    gtk_label_set_text (self->recheck_label, _("After your first step"));

  /* The focus lands on Go to the Overview when the summary opens: the
   * figures come with it, as a sighted person reads them above it. */
  describe_row (self->sent_row, self->sent_label, spoken);
  describe_row (self->confirmed_row, self->confirmed_label, spoken);
  describe_row (self->open_row, self->open_label, spoken);
  describe_row (self->recheck_row, self->recheck_label, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overview_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken->str,
                                  -1);

  /* a checkmark only when there is nothing left to do */
  adw_status_page_set_icon_name (self->status_page, open == 0 ? "emblem-ok-symbolic" : "view-list-bullet-symbolic");

  adw_status_page_set_description (self->status_page,
                                   open == 0
                                   ? _("Everything you chose is done. Veto will tell you when it is time to check again.")
                                   : _("You can come back to the open steps at any time: Veto keeps your place."));
}

static void
on_items_changed (VetoDonePage *self)
{
  update (self);
}

static void
veto_done_page_dispose (GObject *object)
{
  GtkWidget *child;
  VetoDonePage *self = (VetoDonePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_DONE_PAGE);
  /* dispose_template() only drops bound children; the layout's own child
   * must go too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (veto_done_page_parent_class)->dispose (object);
}

static void
veto_done_page_class_init (VetoDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_done_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, sent_label);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, confirmed_label);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, open_label);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, recheck_label);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, sent_row);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, confirmed_row);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, open_row);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, recheck_row);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, overview_button);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, VetoDonePage, weekly_switch);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_done_page_init (VetoDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  veto_util_fix_button_names (GTK_WIDGET (self));
  veto_util_set_accessible_label (self->reminders_switch, _("Remind me when a step is due"));
  veto_util_set_accessible_label (self->weekly_switch, _("Look for new steps once a week"));
}

GtkWidget *
veto_done_page_new (VetoChecklist *checklist)
{
  VetoDonePage *self = g_object_new (VETO_TYPE_DONE_PAGE, NULL);

  self->checklist = g_object_ref (checklist);
  g_signal_connect_object (veto_checklist_get_tasks (checklist), "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}
