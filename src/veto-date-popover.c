/* veto-date-popover.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-date-popover.h"
#include "veto-month-calendar.h"

/* A calendar to set the real day of a step's dates: the form sent
 * yesterday, Meta's email that came on Monday, the check done last week.
 * It says at once what is wrong with a day (in the future, an answer
 * before the submission) and saves through win.set-date, so that the
 * change can be undone like any other. The calendar is keyboard-usable:
 * arrows move the day, Enter saves (veto-month-calendar.c). */
struct _VetoDatePopover
{
  GtkPopover         parent_instance;

  VetoProgressStore *store;
  char              *step_id;
  char              *account_id;   /* "" for a step done once */
  /* the kinds the drop-down offers, in its order */
  GArray            *kinds;
  char              *error;

  GtkDropDown       *kind_dropdown;
  VetoMonthCalendar *calendar;
  GtkLabel          *error_label;
  GtkButton         *save_button;
};

G_DEFINE_FINAL_TYPE (VetoDatePopover, veto_date_popover, GTK_TYPE_POPOVER)

static const char *
kind_label (VetoDateKind kind)
{
  switch (kind)
    {
    case VETO_DATE_SUBMITTED:
      return _("Day you sent the form");
    case VETO_DATE_CONFIRMED:
      return _("Day Meta confirmed");
    case VETO_DATE_REFUSED:
      return _("Day Meta refused");
    case VETO_DATE_CHECKED:
      return _("Day you last checked");
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
account_or_null (VetoDatePopover *self)
{
  return *self->account_id ? self->account_id : NULL;
}

static gboolean
get_selection (VetoDatePopover  *self,
               VetoDateKind     *kind,
               GDateTime       **day)
{
  guint pos = gtk_drop_down_get_selected (self->kind_dropdown);

  if (pos == GTK_INVALID_LIST_POSITION || pos >= self->kinds->len)
    return FALSE;

  *kind = g_array_index (self->kinds, VetoDateKind, pos);
  *day = veto_month_calendar_dup_date (self->calendar);
  return TRUE;
}

static void
validate (VetoDatePopover *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GError) error = NULL;
  VetoDateKind kind;
  gboolean ok;

  ok = get_selection (self, &kind, &day) &&
       veto_progress_store_check_date (self->store, self->step_id, account_or_null (self), kind, day, &error);

  g_clear_pointer (&self->error, g_free);
  if (error != NULL)
    self->error = g_strdup (error->message);

  gtk_label_set_text (self->error_label, self->error ? self->error : "");
  veto_month_calendar_set_invalid (self->calendar, self->error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok);
}

/* Shows the recorded day of the chosen kind, or today for one not set. */
static void
show_kind (VetoDatePopover *self)
{
  guint pos = gtk_drop_down_get_selected (self->kind_dropdown);
  g_autoptr(GDateTime) date = NULL;

  if (pos != GTK_INVALID_LIST_POSITION && pos < self->kinds->len)
    date = veto_progress_store_dup_date (self->store, self->step_id, account_or_null (self),
                                         g_array_index (self->kinds, VetoDateKind, pos));
  if (date == NULL)
    date = veto_clock_get_now (veto_progress_store_get_clock (self->store));

  veto_month_calendar_select_day (self->calendar, date);
  validate (self);
}

/* The dates a person can correct: those recorded, and the check of a
 * finished step. */
static gboolean
offers_kind (VetoProgressStore *store,
             const char        *step_id,
             const char        *account_id,
             VetoDateKind       kind)
{
  VetoStepState state = veto_progress_store_get_state (store, step_id, account_id);
  g_autoptr(GDateTime) date = veto_progress_store_dup_date (store, step_id, account_id, kind);

  return date != NULL ||
         (kind == VETO_DATE_CHECKED && VETO_STEP_STATE_IS_FINISHED (state) &&
          state != VETO_STEP_STATE_SKIPPED && state != VETO_STEP_STATE_NOT_APPLICABLE);
}

static void
refresh_kinds (VetoDatePopover *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_array_set_size (self->kinds, 0);
  for (VetoDateKind kind = VETO_DATE_SUBMITTED; kind <= VETO_DATE_CHECKED; kind++)
    {
      if (!offers_kind (self->store, self->step_id, account_or_null (self), kind))
        continue;
      g_array_append_val (self->kinds, kind);
      gtk_string_list_append (labels, kind_label (kind));
    }

  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (labels));
  /* the newest date first: what a person most likely corrects */
  if (self->kinds->len > 0)
    {
      guint newest = 0;

      for (guint i = 0; i < self->kinds->len; i++)
        if (g_array_index (self->kinds, VetoDateKind, i) != VETO_DATE_CHECKED)
          newest = i;
      gtk_drop_down_set_selected (self->kind_dropdown, newest);
    }
  show_kind (self);
}

static void
on_kind_selected (VetoDatePopover *self)
{
  show_kind (self);
}

static void
on_day_selected (VetoDatePopover *self)
{
  validate (self);
}

static void
on_save (VetoDatePopover *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;
  VetoDateKind kind;

  validate (self);
  if (self->error != NULL || !get_selection (self, &kind, &day))
    return;

  text = veto_progress_format_day (day);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-date", "(ssss)",
                              self->step_id, self->account_id, veto_date_kind_to_string (kind), text);
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Today as Veto's clock has it, then the dates: a popover made one day may
 * be opened the next. */
static void
refresh (VetoDatePopover *self)
{
  g_autoptr(GDateTime) now = veto_clock_get_now (veto_progress_store_get_clock (self->store));

  veto_month_calendar_set_today (self->calendar, now);
  refresh_kinds (self);
}

static void
on_show (VetoDatePopover *self)
{
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
veto_date_popover_dispose (GObject *object)
{
  VetoDatePopover *self = (VetoDatePopover *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_DATE_POPOVER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (veto_date_popover_parent_class)->dispose (object);
}

static void
veto_date_popover_finalize (GObject *object)
{
  VetoDatePopover *self = (VetoDatePopover *)object;

  g_clear_pointer (&self->step_id, g_free);
  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (veto_date_popover_parent_class)->finalize (object);
}

static void
veto_date_popover_class_init (VetoDatePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_date_popover_dispose;
  object_class->finalize = veto_date_popover_finalize;

  g_type_ensure (VETO_TYPE_MONTH_CALENDAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-date-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoDatePopover, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VetoDatePopover, calendar);
  gtk_widget_class_bind_template_child (widget_class, VetoDatePopover, error_label);
  gtk_widget_class_bind_template_child (widget_class, VetoDatePopover, save_button);
}

static void
veto_date_popover_init (VetoDatePopover *self)
{
  self->kinds = g_array_new (FALSE, FALSE, sizeof (VetoDateKind));
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::date", G_CALLBACK (on_day_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (on_save), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "show", G_CALLBACK (on_show), NULL);
  gtk_popover_set_default_widget (GTK_POPOVER (self), GTK_WIDGET (self->save_button));
}

/**
 * veto_date_popover_new:
 * @store: the progress
 * @step_id: the step
 * @account_id: (nullable): the account, or %NULL for a step done once
 *
 * Returns: (transfer full): a new popover, to give a #GtkMenuButton
 */
GtkWidget *
veto_date_popover_new (VetoProgressStore *store,
                       const char        *step_id,
                       const char        *account_id)
{
  VetoDatePopover *self = g_object_new (VETO_TYPE_DATE_POPOVER, NULL);

  self->store = g_object_ref (store);
  self->step_id = g_strdup (step_id);
  self->account_id = g_strdup (account_id ? account_id : "");
  refresh (self);

  return GTK_WIDGET (self);
}

/**
 * veto_date_popover_select:
 * @self: a #VetoDatePopover
 * @kind: which date
 * @day: the day to show in the calendar
 *
 * Chooses a date and a day as a person would, and says what is wrong with
 * it, if anything.
 */
void
veto_date_popover_select (VetoDatePopover *self,
                          VetoDateKind     kind,
                          GDateTime       *day)
{
  g_return_if_fail (VETO_IS_DATE_POPOVER (self));

  for (guint i = 0; i < self->kinds->len; i++)
    if (g_array_index (self->kinds, VetoDateKind, i) == kind)
      gtk_drop_down_set_selected (self->kind_dropdown, i);
  veto_month_calendar_select_day (self->calendar, day);
  validate (self);
}

/**
 * veto_date_popover_has_kind:
 *
 * Returns: whether the step has a date to correct
 */
gboolean
veto_date_popover_has_kind (VetoDatePopover *self)
{
  g_return_val_if_fail (VETO_IS_DATE_POPOVER (self), FALSE);
  return self->kinds->len > 0;
}

/**
 * veto_date_popover_would_offer:
 * @store: the progress
 * @step_id: the step
 * @account_id: (nullable): the account, or %NULL for a step done once
 *
 * Whether a popover for this step would have a date to correct, without
 * making one: a page of cards makes its calendars only when opened.
 *
 * Returns: %TRUE if there is a date to correct
 */
gboolean
veto_date_popover_would_offer (VetoProgressStore *store,
                               const char        *step_id,
                               const char        *account_id)
{
  for (VetoDateKind kind = VETO_DATE_SUBMITTED; kind <= VETO_DATE_CHECKED; kind++)
    if (offers_kind (store, step_id, account_id, kind))
      return TRUE;

  return FALSE;
}

/**
 * veto_date_popover_get_error:
 *
 * Returns: (nullable): what is wrong with the day chosen, as shown
 */
const char *
veto_date_popover_get_error (VetoDatePopover *self)
{
  g_return_val_if_fail (VETO_IS_DATE_POPOVER (self), NULL);
  return self->error;
}
