/* veto-reminder-private.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libportal/portal.h>

G_BEGIN_DECLS

/* veto-reminder-portal.c, in libveto-net.so: takes @task */
void _veto_reminder_request_background (gboolean   enabled,
                                        XdpParent *parent,
                                        GTask     *task);

G_END_DECLS
