/* veto-app.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VETO_TYPE_APP (veto_app_get_type ())

G_DECLARE_FINAL_TYPE (VetoApp, veto_app, VETO, APP, GObject)

const char *veto_app_get_id          (VetoApp *self);
const char *veto_app_get_name        (VetoApp *self);
const char *veto_app_get_description (VetoApp *self);
const char *veto_app_get_use_label   (VetoApp *self);
GListModel *veto_app_get_steps       (VetoApp *self);

G_END_DECLS
