/* veto-month-calendar.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-i18n.h"
#include "veto-month-calendar.h"

/* A month of days to pick one from, in Veto's language.
 *
 * GtkCalendar (GTK 4.8) takes its month and day names from LC_TIME when
 * its class is first used, and its first day of the week from the C
 * library's locale: with Veto in French on a system whose LC_TIME is
 * English or C (a French person on a borrowed computer, the language
 * chosen in Preferences, a locale that was never generated), it showed
 * "December", "Sun Mon Tue" in a French popover. Here the names come from
 * Veto's own translations, and weeks start on Monday, as in every country
 * where Meta takes objections.
 *
 * Each day is a button that a screen reader reads as a whole date
 * ("Thursday, December 3, 2026"); only the chosen day takes the keyboard
 * focus, so Tab goes past the calendar in one step, and the arrows, Page
 * Up/Down, Home and End move the day, across months. Enter is left to the
 * default button of the popover the calendar is in. */

#define N_WEEKS 6

struct _VetoMonthCalendar
{
  GtkWidget  parent_instance;

  GDate      selected;
  /* the month shown: its first day */
  GDate      shown;
  /* the first day the grid shows, a Monday, maybe of the month before */
  GDate      first_shown;
  /* marked as today: Veto's clock's day (veto_month_calendar_set_today) */
  GDate      today;
  /* what is wrong with the chosen day, said on its button */
  char      *invalid;
  gboolean   updating;

  GtkWidget *box;
  GtkLabel  *month_label;
  GtkGrid   *grid;
  GtkWidget *days[N_WEEKS * 7];
};

G_DEFINE_FINAL_TYPE (VetoMonthCalendar, veto_month_calendar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
}

/* @date_time's day, in local time */
static GDate
date_from_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date_time);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return date;
}

/* Fills the grid with the month of the selected day. */
static void
update_days (VetoMonthCalendar *self)
{
  g_autoptr(GDateTime) month = NULL;
  g_autofree char *heading = NULL;
  GDate day;

  self->updating = TRUE;

  self->shown = self->selected;
  g_date_set_day (&self->shown, 1);
  month = date_time_from_date (&self->shown);
  heading = veto_format_month (month);
  gtk_label_set_text (self->month_label, heading);

  self->first_shown = self->shown;
  g_date_subtract_days (&self->first_shown, g_date_get_weekday (&self->shown) - G_DATE_MONDAY);

  day = self->first_shown;
  for (guint i = 0; i < G_N_ELEMENTS (self->days); i++, g_date_add_days (&day, 1))
    {
      GtkWidget *button = self->days[i];
      g_autoptr(GDateTime) date = date_time_from_date (&day);
      g_autofree char *number = g_strdup_printf ("%d", g_date_get_day (&day));
      g_autofree char *spoken = veto_format_day (date);
      gboolean selected = g_date_compare (&day, &self->selected) == 0;
      gboolean is_today = g_date_compare (&day, &self->today) == 0;

      gtk_button_set_label (GTK_BUTTON (button), number);
      if (is_today)
        {
          g_autofree char *with_today = NULL;

          /* Translators: a calendar's day that is today, for a screen
           * reader: %s is the day, "Thursday, December 3, 2026" */
          with_today = g_strdup_printf (_("%s, today"), spoken);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, with_today, -1);
        }
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

      if (g_date_get_month (&day) == g_date_get_month (&self->shown))
        gtk_widget_remove_css_class (button, "other-month");
      else
        gtk_widget_add_css_class (button, "other-month");
      if (is_today)
        gtk_widget_add_css_class (button, "today");
      else
        gtk_widget_remove_css_class (button, "today");

      /* A screen reader hears what is wrong with the day on the day
       * itself, where the focus is, not only in a label beside it. (GTK
       * 4.8 gives its "invalid" state to AT-SPI as the object's own error
       * state, not as a wrong entry: the description says it.) */
      if (selected && self->invalid != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        self->invalid, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), selected);
      /* one focusable day: Tab leaves the calendar in one step */
      gtk_widget_set_focusable (button, selected);
    }

  self->updating = FALSE;
}

static GtkWidget *
selected_button (VetoMonthCalendar *self)
{
  int index = (int) g_date_days_between (&self->first_shown, &self->selected);

  g_return_val_if_fail (index >= 0 && index < (int) G_N_ELEMENTS (self->days), NULL);
  return self->days[index];
}

static void
select_date (VetoMonthCalendar *self,
             const GDate       *date)
{
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;

  if (!g_date_valid (date) || g_date_compare (date, &self->selected) == 0)
    return;

  self->selected = *date;
  g_clear_pointer (&self->invalid, g_free);
  update_days (self);
  if (had_focus)
    gtk_widget_grab_focus (selected_button (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
on_day_toggled (GtkToggleButton   *button,
                VetoMonthCalendar *self)
{
  GDate date = self->first_shown;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->days); i++)
    if (self->days[i] == GTK_WIDGET (button))
      {
        g_date_add_days (&date, i);
        break;
      }
  select_date (self, &date);
  gtk_widget_grab_focus (selected_button (self));
}

/* Moves the selected day by @days, or by @months keeping the day of the
 * month where the month has it (31 March, a month back: 28 February). */
static void
move (VetoMonthCalendar *self,
      int                days,
      int                months)
{
  GDate date = self->selected;

  /* GDate ends at the year 1 */
  if ((days < 0 && g_date_get_julian (&date) <= (guint) -days) ||
      (months < 0 && g_date_get_year (&date) <= 1))
    return;

  if (days > 0)
    g_date_add_days (&date, days);
  else if (days < 0)
    g_date_subtract_days (&date, -days);
  if (months > 0)
    g_date_add_months (&date, months);
  else if (months < 0)
    g_date_subtract_months (&date, -months);

  select_date (self, &date);
}

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move (VETO_MONTH_CALENDAR (widget), 0, -1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (VETO_MONTH_CALENDAR (widget), 0, 1);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VetoMonthCalendar     *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GDate date;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move (self, rtl ? 1 : -1, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move (self, rtl ? -1 : 1, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move (self, -7, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move (self, 7, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move (self, 0, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move (self, 0, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      date = self->selected;
      g_date_set_day (&date, 1);
      select_date (self, &date);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      date = self->selected;
      g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
      select_date (self, &date);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* The day is chosen as it moves: Enter is for the default button
       * ("Save Date"), which the focused day would otherwise swallow. */
      {
        GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);

        if (popover != NULL)
          g_signal_emit_by_name (popover, "activate-default");
        else
          gtk_widget_activate_default (GTK_WIDGET (self));
      }
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static gboolean
veto_month_calendar_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (selected_button (VETO_MONTH_CALENDAR (widget)));
}

static void
veto_month_calendar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VETO_TYPE_MONTH_CALENDAR);

  G_OBJECT_CLASS (veto_month_calendar_parent_class)->dispose (object);
}

static void
veto_month_calendar_finalize (GObject *object)
{
  VetoMonthCalendar *self = VETO_MONTH_CALENDAR (object);

  g_clear_pointer (&self->invalid, g_free);

  G_OBJECT_CLASS (veto_month_calendar_parent_class)->finalize (object);
}

static void
veto_month_calendar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VetoMonthCalendar *self = VETO_MONTH_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_take_boxed (value, veto_month_calendar_dup_date (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_month_calendar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VetoMonthCalendar *self = VETO_MONTH_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_DATE:
      if (g_value_get_boxed (value) != NULL)
        veto_month_calendar_select_day (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_month_calendar_class_init (VetoMonthCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_month_calendar_dispose;
  object_class->finalize = veto_month_calendar_finalize;
  object_class->get_property = veto_month_calendar_get_property;
  object_class->set_property = veto_month_calendar_set_property;
  widget_class->grab_focus = veto_month_calendar_grab_focus;

  /**
   * VetoMonthCalendar:date:
   *
   * The chosen day, at local midnight.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-month-calendar.ui");
  /* bound so that gtk_widget_dispose_template() unparents it */
  gtk_widget_class_bind_template_child (widget_class, VetoMonthCalendar, box);
  gtk_widget_class_bind_template_child (widget_class, VetoMonthCalendar, month_label);
  gtk_widget_class_bind_template_child (widget_class, VetoMonthCalendar, grid);

  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, next_month_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_month_calendar_init (VetoMonthCalendar *self)
{
  GtkEventController *keys;
  GtkToggleButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* the columns' heads, Monday first */
  for (int weekday = G_DATE_MONDAY; weekday <= G_DATE_SUNDAY; weekday++)
    {
      GtkWidget *label = gtk_label_new (veto_weekday_name (weekday, TRUE));

      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      veto_weekday_name (weekday, FALSE), -1);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, weekday - G_DATE_MONDAY, 0, 1, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->days); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "day");
      /* a popover gives Enter to the focused button rather than to its
       * default one if the focused one takes defaults, as buttons do */
      gtk_widget_set_receives_default (button, FALSE);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_day_toggled), self, 0);
      gtk_grid_attach (self->grid, button, i % 7, 1 + i / 7, 1, 1);
      self->days[i] = button;
    }

  /* before the focused day's button, which takes Enter */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    self->today = date_from_date_time (now);
  }
  self->selected = self->today;
  update_days (self);
}

/**
 * veto_month_calendar_new:
 *
 * Returns: (transfer full): a calendar showing today
 */
GtkWidget *
veto_month_calendar_new (void)
{
  return g_object_new (VETO_TYPE_MONTH_CALENDAR, NULL);
}

/**
 * veto_month_calendar_dup_date:
 * @self: a #VetoMonthCalendar
 *
 * Returns: (transfer full): the chosen day, at local midnight
 */
GDateTime *
veto_month_calendar_dup_date (VetoMonthCalendar *self)
{
  g_return_val_if_fail (VETO_IS_MONTH_CALENDAR (self), NULL);

  return date_time_from_date (&self->selected);
}

/**
 * veto_month_calendar_set_today:
 * @self: a #VetoMonthCalendar
 * @now: the time now, read in local time
 *
 * Sets which day is marked as today: the day of Veto's clock rather than
 * the system's, so that the calendar agrees with what Veto says is due.
 */
void
veto_month_calendar_set_today (VetoMonthCalendar *self,
                               GDateTime         *now)
{
  g_return_if_fail (VETO_IS_MONTH_CALENDAR (self));
  g_return_if_fail (now != NULL);

  self->today = date_from_date_time (now);
  update_days (self);
}

/**
 * veto_month_calendar_set_invalid:
 * @self: a #VetoMonthCalendar
 * @why: (nullable): what is wrong with the chosen day, or %NULL if nothing
 *
 * Says on the chosen day's button, for screen readers, why it cannot be
 * used; choosing another day clears it until this is called again.
 */
void
veto_month_calendar_set_invalid (VetoMonthCalendar *self,
                                 const char        *why)
{
  g_return_if_fail (VETO_IS_MONTH_CALENDAR (self));

  if (g_strcmp0 (why, self->invalid) == 0)
    return;

  g_free (self->invalid);
  self->invalid = g_strdup (why);
  update_days (self);
}

/**
 * veto_month_calendar_select_day:
 * @self: a #VetoMonthCalendar
 * @day: a day, read in local time
 *
 * Chooses @day and shows its month.
 */
void
veto_month_calendar_select_day (VetoMonthCalendar *self,
                                GDateTime         *day)
{
  GDate date;

  g_return_if_fail (VETO_IS_MONTH_CALENDAR (self));
  g_return_if_fail (day != NULL);

  date = date_from_date_time (day);
  select_date (self, &date);
}
