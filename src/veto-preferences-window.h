/* veto-preferences-window.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "veto-progress-store.h"

G_BEGIN_DECLS

#define VETO_TYPE_PREFERENCES_WINDOW (veto_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (VetoPreferencesWindow, veto_preferences_window, VETO, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *veto_preferences_window_new (GtkWindow         *parent,
                                        VetoProgressStore *store);
void       veto_preferences_window_retranslate (VetoPreferencesWindow *self);
void       veto_preferences_window_show        (VetoPreferencesWindow *self,
                                                GtkWindow             *parent);

G_END_DECLS
