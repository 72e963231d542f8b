/* veto-region.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VETO_TYPE_REGION (veto_region_get_type ())

G_DECLARE_FINAL_TYPE (VetoRegion, veto_region, VETO, REGION, GObject)

const char *veto_region_get_id          (VetoRegion *self);
const char *veto_region_get_name        (VetoRegion *self);
const char *veto_region_get_description (VetoRegion *self);

G_END_DECLS
