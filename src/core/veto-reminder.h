/* veto-reminder.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libportal/portal.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

/* The autostart entry's file name, in $XDG_CONFIG_HOME/autostart */
#define VETO_REMINDER_DESKTOP_FILE APP_ID ".Remind.desktop"

/* What the Background portal starts at login under Flatpak: inside the
 * sandbox, where `veto` is the app's own command */
#define VETO_REMINDER_PORTAL_COMMAND { "veto", "--remind", NULL }

/* The id the reminder is sent with: a later reminder replaces it */
#define VETO_REMINDER_NOTIFICATION_ID "recheck-due"

GFile         *veto_reminder_get_autostart_file  (void);
gboolean       veto_reminder_get_enabled         (void);
gboolean       veto_reminder_set_enabled         (gboolean        enabled,
                                                  GError        **error);
void           veto_reminder_set_enabled_async   (gboolean        enabled,
                                                  XdpParent      *parent,
                                                  GCancellable   *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer        user_data);
gboolean       veto_reminder_set_enabled_finish  (GAsyncResult   *result,
                                                  GError        **error);
gboolean       veto_reminder_is_sandboxed        (void);
gboolean       veto_reminder_repair              (GError        **error);
gboolean       veto_reminder_compose             (VetoChecklist  *checklist,
                                                  char          **title,
                                                  char          **body);
GNotification *veto_reminder_new_notification    (VetoChecklist  *checklist);
GNotification *veto_reminder_new_change_notification (VetoChecklist *checklist,
                                                      int            newer_than);
gboolean       veto_reminder_send                (GNotification  *notification,
                                                  GError        **error);

G_END_DECLS
