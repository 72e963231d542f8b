/* veto-month-calendar.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VETO_TYPE_MONTH_CALENDAR (veto_month_calendar_get_type ())

G_DECLARE_FINAL_TYPE (VetoMonthCalendar, veto_month_calendar, VETO, MONTH_CALENDAR, GtkWidget)

GtkWidget *veto_month_calendar_new        (void);
GDateTime *veto_month_calendar_dup_date   (VetoMonthCalendar *self);
void       veto_month_calendar_select_day (VetoMonthCalendar *self,
                                           GDateTime         *day);
void       veto_month_calendar_set_today  (VetoMonthCalendar *self,
                                           GDateTime         *now);
void       veto_month_calendar_set_invalid (VetoMonthCalendar *self,
                                            const char        *why);

G_END_DECLS
