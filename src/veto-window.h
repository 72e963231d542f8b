/* veto-window.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "veto-application.h"

G_BEGIN_DECLS

#define VETO_TYPE_WINDOW (veto_window_get_type ())

G_DECLARE_FINAL_TYPE (VetoWindow, veto_window, VETO, WINDOW, AdwApplicationWindow)

VetoWindow *veto_window_new        (VetoApplication *application);
void        veto_window_show_error (VetoWindow      *self,
                                    const char      *message);
void        veto_window_show_toast (VetoWindow      *self,
                                    const char      *message);

G_END_DECLS
