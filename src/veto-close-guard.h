/* veto-close-guard.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-progress-store.h"

G_BEGIN_DECLS

void veto_close_guard_install (GtkWindow         *window,
                               VetoProgressStore *store);

G_END_DECLS
