/* veto-settings.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The person's choices about Veto itself, in $XDG_CONFIG_HOME/veto/settings.ini,
 * group [Settings]. Keys: */

/* "Remind me" where the choice cannot be read back from the desktop
 * (the Background portal under Flatpak keeps no state we can ask for) */
#define VETO_SETTINGS_REMINDERS    "Reminders"
/* "Remind me" as the person chose it, everywhere: the login run that
 * shows reminders also serves the weekly check, so whether it is
 * installed no longer says whether they asked for reminders
 * (veto-weekly-check.c) */
#define VETO_SETTINGS_REMIND_ME    "RemindMe"
/* "Look for new steps once a week" */
#define VETO_SETTINGS_WEEKLY_CHECK "WeeklyCheck"
/* when the weekly check last reached the feed (ISO 8601, UTC) */
#define VETO_SETTINGS_LAST_CHECK   "LastCheck"

GFile    *veto_settings_get_file     (void);
gboolean  veto_settings_get_boolean  (const char  *key,
                                      gboolean     default_value);
gboolean  veto_settings_set_boolean  (const char  *key,
                                      gboolean     value,
                                      GError     **error);
char     *veto_settings_dup_string   (const char  *key);
gboolean  veto_settings_set_string   (const char  *key,
                                      const char  *value,
                                      GError     **error);

G_END_DECLS
