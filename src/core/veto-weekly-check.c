/* veto-weekly-check.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-reminder.h"
#include "veto-settings.h"
#include "veto-weekly-check.h"

/* Two choices share one thing installed in the session: "Remind me" and
 * "Look for new steps once a week" both need `veto --remind` to run at
 * login. The login run is installed while either is on and withdrawn
 * only when both are off; veto_reminder_sync_autostart() holds that rule
 * and asks veto_reminder_set_enabled() for the rest, so that how the run
 * is installed (an autostart file, or the Background portal in a
 * sandbox) stays that function's business.
 *
 * Both choices live in the settings keyfile, since the installed run no
 * longer says which of them asked for it. Before the weekly check existed
 * the autostart entry was the "Remind me" choice itself: a file without
 * the key reads it from there, once, until the person changes either
 * switch. */

/**
 * veto_reminder_get_wanted:
 *
 * Returns: whether the person asked to be reminded of due steps
 */
gboolean
veto_reminder_get_wanted (void)
{
  g_autofree char *value = veto_settings_dup_string (VETO_SETTINGS_REMIND_ME);

  if (value == NULL)
    return veto_reminder_get_enabled () && !veto_weekly_check_get_allowed ();

  return veto_settings_get_boolean (VETO_SETTINGS_REMIND_ME, FALSE);
}

/**
 * veto_weekly_check_get_allowed:
 *
 * Returns: whether the person allowed `veto --remind` to look for new
 *   steps once a week; off until they say so
 */
gboolean
veto_weekly_check_get_allowed (void)
{
  return veto_settings_get_boolean (VETO_SETTINGS_WEEKLY_CHECK, FALSE);
}

/**
 * veto_reminder_get_autostart_wanted:
 *
 * The rule itself, for a caller that installs the login run its own way
 * (asynchronously, with a parent window for the portal's dialog).
 *
 * Returns: whether `veto --remind` should run at login: "Remind me" or
 *   the weekly check is on
 */
gboolean
veto_reminder_get_autostart_wanted (void)
{
  return veto_reminder_get_wanted () || veto_weekly_check_get_allowed ();
}

/**
 * veto_reminder_sync_autostart:
 * @error: where to put a failure
 *
 * Installs the login run when "Remind me" or the weekly check is on,
 * withdraws it when both are off.
 *
 * Returns: %TRUE on success
 */
gboolean
veto_reminder_sync_autostart (GError **error)
{
  gboolean wanted = veto_reminder_get_autostart_wanted ();

  /* On and already there: rewriting it would undo nothing and could
   * only fail. Switched off in the desktop's startup settings, it reads
   * as off and is written again: the person just asked for it in Veto. */
  if (wanted && veto_reminder_get_enabled ())
    return TRUE;

  return veto_reminder_set_enabled (wanted, error);
}

/**
 * veto_login_choice_save:
 * @key: %VETO_SETTINGS_REMIND_ME or %VETO_SETTINGS_WEEKLY_CHECK
 * @value: the person's choice
 * @error: where to put a failure
 *
 * Saves one choice without touching the login run, for a caller that asks
 * for it itself (veto_reminder_set_enabled_async() with
 * veto_reminder_get_autostart_wanted()). The other choice is written out
 * too: once the run serves this one, it could no longer be told from it.
 *
 * Returns: %TRUE on success
 */
gboolean
veto_login_choice_save (const char  *key,
                        gboolean     value,
                        GError     **error)
{
  gboolean remind_me = veto_reminder_get_wanted ();

  g_return_val_if_fail (g_str_equal (key, VETO_SETTINGS_REMIND_ME) ||
                        g_str_equal (key, VETO_SETTINGS_WEEKLY_CHECK), FALSE);

  return veto_settings_set_boolean (VETO_SETTINGS_REMIND_ME, remind_me, error) &&
         veto_settings_set_boolean (key, value, error);
}

/**
 * veto_login_choices_clear:
 *
 * Both choices off, for when the login run could not be installed:
 * neither would do anything.
 */
void
veto_login_choices_clear (void)
{
  g_autoptr(GError) error = NULL;

  if (!veto_settings_set_boolean (VETO_SETTINGS_REMIND_ME, FALSE, &error) ||
      !veto_settings_set_boolean (VETO_SETTINGS_WEEKLY_CHECK, FALSE, &error))
    g_warning ("%s", error->message);
}

/* Sets @key, then the login run; the choice goes back to what it was
 * when the run can't follow, so that a switch never shows on while
 * nothing would run. */
static gboolean
set_choice (const char  *key,
            gboolean     value,
            GError     **error)
{
  gboolean remind_me = veto_reminder_get_wanted ();
  g_autofree char *old = veto_settings_dup_string (key);
  g_autoptr(GError) ignored = NULL;

  /* the other choice, written out before the login run may change:
   * afterwards it could no longer be told from it */
  if (!veto_settings_set_boolean (VETO_SETTINGS_REMIND_ME, remind_me, error) ||
      !veto_settings_set_boolean (key, value, error))
    return FALSE;

  if (veto_reminder_sync_autostart (error))
    return TRUE;

  if (old != NULL)
    veto_settings_set_string (key, old, &ignored);
  else
    veto_settings_set_boolean (key, !value, &ignored);
  return FALSE;
}

/**
 * veto_reminder_set_wanted:
 * @wanted: whether to remind the person of due steps at login
 * @error: where to put a failure
 *
 * Returns: %TRUE on success; on failure the choice is unchanged
 */
gboolean
veto_reminder_set_wanted (gboolean   wanted,
                          GError   **error)
{
  return set_choice (VETO_SETTINGS_REMIND_ME, wanted, error);
}

/**
 * veto_weekly_check_set_allowed:
 * @allowed: whether `veto --remind` may look for new steps once a week
 * @error: where to put a failure
 *
 * Returns: %TRUE on success; on failure the choice is unchanged
 */
gboolean
veto_weekly_check_set_allowed (gboolean   allowed,
                               GError   **error)
{
  return set_choice (VETO_SETTINGS_WEEKLY_CHECK, allowed, error);
}

/**
 * veto_weekly_check_dup_last:
 *
 * Returns: (transfer full) (nullable): when the weekly check last reached
 *   the feed, or %NULL when it never did
 */
GDateTime *
veto_weekly_check_dup_last (void)
{
  g_autofree char *value = veto_settings_dup_string (VETO_SETTINGS_LAST_CHECK);

  return value != NULL ? g_date_time_new_from_iso8601 (value, NULL) : NULL;
}

/**
 * veto_weekly_check_is_due:
 * @now: the current time
 *
 * Returns: whether `veto --remind` should look for new steps now: it is
 *   allowed, and it last reached the feed %VETO_WEEKLY_CHECK_DAYS days ago
 *   or more (or never)
 */
gboolean
veto_weekly_check_is_due (GDateTime *now)
{
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) next = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  if (!veto_weekly_check_get_allowed ())
    return FALSE;

  last = veto_weekly_check_dup_last ();
  if (last == NULL)
    return TRUE;

  /* A last check in the future (a clock once set wrong) would hold the
   * next one back for as long: it counts as none. */
  if (g_date_time_compare (last, now) > 0)
    return TRUE;

  next = g_date_time_add_days (last, VETO_WEEKLY_CHECK_DAYS);
  return g_date_time_compare (next, now) <= 0;
}

/**
 * veto_weekly_check_record:
 * @now: when the feed answered
 * @error: where to put a failure
 *
 * Returns: %TRUE on success
 */
gboolean
veto_weekly_check_record (GDateTime  *now,
                          GError    **error)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  utc = g_date_time_to_utc (now);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return veto_settings_set_string (VETO_SETTINGS_LAST_CHECK, text, error);
}
