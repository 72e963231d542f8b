/* ui-no-names.h: a resolver that knows no host name
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UI_TYPE_NO_NAMES (ui_no_names_get_type ())
G_DECLARE_FINAL_TYPE (UiNoNames, ui_no_names, UI, NO_NAMES, GResolver)

void  ui_no_names_install      (void);
guint ui_no_names_get_n_asked  (void);

G_END_DECLS
