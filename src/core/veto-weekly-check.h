/* veto-weekly-check.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How often `veto --remind` may ask the feed for newer steps. */
#define VETO_WEEKLY_CHECK_DAYS 7

/* Seconds the weekly check may take at login before it gives up. */
#define VETO_WEEKLY_CHECK_TIMEOUT 20

gboolean   veto_reminder_get_wanted         (void);
gboolean   veto_reminder_set_wanted         (gboolean    wanted,
                                             GError    **error);
gboolean   veto_weekly_check_get_allowed    (void);
gboolean   veto_weekly_check_set_allowed    (gboolean    allowed,
                                             GError    **error);
gboolean   veto_reminder_get_autostart_wanted (void);
gboolean   veto_reminder_sync_autostart     (GError    **error);
gboolean   veto_login_choice_save           (const char *key,
                                             gboolean    value,
                                             GError    **error);
void       veto_login_choices_clear         (void);
GDateTime *veto_weekly_check_dup_last       (void);
gboolean   veto_weekly_check_is_due         (GDateTime  *now);
gboolean   veto_weekly_check_record         (GDateTime  *now,
                                             GError    **error);

G_END_DECLS
