/* veto-change.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VETO_TYPE_CHANGE (veto_change_get_type ())

G_DECLARE_FINAL_TYPE (VetoChange, veto_change, VETO, CHANGE, GObject)

int                 veto_change_get_version (VetoChange *self);
const char         *veto_change_get_summary (VetoChange *self);
const char * const *veto_change_get_steps   (VetoChange *self);

G_END_DECLS
