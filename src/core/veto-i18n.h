/* veto-i18n.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        veto_i18n_init           (void);
const char *veto_i18n_get_localedir  (void);
void        veto_i18n_set_language   (const char *language);
const char *veto_i18n_get_language   (void);
char       *veto_format_date         (GDateTime  *date);
char       *veto_format_day          (GDateTime  *date);
char       *veto_format_month        (GDateTime  *date);
const char *veto_month_name          (int         month);
const char *veto_weekday_name        (int         weekday,
                                      gboolean    abbreviated);

G_END_DECLS
