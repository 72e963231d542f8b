/* veto-reminder-portal.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libportal/portal.h>

#include "veto-reminder-private.h"
#include "veto-reminder.h"
#include "veto-settings.h"

/* The Background portal's request for "Remind me" under Flatpak, through
 * libportal. It is one of the net_sources (core/meson.build): the window
 * loads it with libveto-net.so on its first call, so that libportal is not
 * mapped and relocated at each start for a request made once. */

static void
on_background_requested (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  gboolean enabled = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  gboolean granted;

  granted = xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error);
  /* a newer request took over: its answer is the one to keep */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (enabled)
        g_task_return_new_error (task, error->domain, error->code,
                                 /* Translators: %s says why, from the desktop */
                                 _("The reminder could not be turned on: %s"), error->message);
      else
        g_task_return_new_error (task, error->domain, error->code,
                                 /* Translators: %s says why, from the desktop */
                                 _("The reminder could not be turned off: %s"), error->message);
      return;
    }

  /* Asked with autostart off, the portal answers whether Veto may run in
   * the background, which says nothing about the entry: it is gone. */
  if (enabled && !granted)
    {
      /* the portal removed any entry it had made: the choice is off */
      veto_settings_set_boolean (VETO_SETTINGS_REMINDERS, FALSE, NULL);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                               _("Your desktop did not allow Veto to start at login, so there will be no reminders. You can allow it in your desktop’s settings for Veto, then turn this on again."));
      return;
    }

  if (!veto_settings_set_boolean (VETO_SETTINGS_REMINDERS, enabled, &save_error))
    {
      /* The portal did what was asked; only reading it back will be wrong. */
      g_task_return_new_error (task, save_error->domain, save_error->code,
                               /* Translators: %s says why, from the system */
                               _("Your choice could not be saved: %s. Check that your configuration folder can be written to."),
                               save_error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Asks the Background portal to start `veto --remind` at each login, or
 * to stop; @owned_task is veto_reminder_set_enabled_async()'s, whose
 * data is @enabled, and is returned when the portal answers. */
void
_veto_reminder_request_background (gboolean   enabled,
                                   XdpParent *parent,
                                   GTask     *owned_task)
{
  g_autoptr(GTask) task = owned_task;
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GPtrArray) commandline = NULL;
  g_autoptr(GError) error = NULL;
  const char *command[] = VETO_REMINDER_PORTAL_COMMAND;

  /* libportal takes the bus for granted; without one it has nothing to
   * report the failure with. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, g_task_get_cancellable (task), &error);
  if (bus == NULL)
    {
      g_task_return_new_error (task, error->domain, error->code,
                               enabled ? _("The reminder could not be turned on: %s")
                                       : _("The reminder could not be turned off: %s"),
                               error->message);
      return;
    }

  portal = xdp_portal_new ();
  if (enabled)
    {
      commandline = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; command[i] != NULL; i++)
        g_ptr_array_add (commandline, g_strdup (command[i]));
    }

  xdp_portal_request_background (portal, parent,
                                 /* the desktop shows it when it asks the person */
                                 (char *) _("At login, tells you when a step against Meta’s AI training is due for a recheck"),
                                 g_steal_pointer (&commandline),
                                 enabled ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 /* libportal drops its task, and never
                                  * calls back, when cancelled (cancelled_cb()
                                  * in its background.c): @task would
                                  * leak. The request runs to its end and
                                  * on_background_requested() looks. */
                                 NULL, on_background_requested, g_steal_pointer (&task));
}
