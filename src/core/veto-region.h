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

/* the longest answer period a catalog may set, in months */
#define VETO_REGION_MAX_MONTHS 120

G_DECLARE_FINAL_TYPE (VetoRegion, veto_region, VETO, REGION, GObject)

const char *veto_region_get_id          (VetoRegion *self);
const char *veto_region_get_name        (VetoRegion *self);
const char *veto_region_get_description (VetoRegion *self);
int         veto_region_get_answer_months    (VetoRegion *self);
int         veto_region_get_extension_months (VetoRegion *self);

G_END_DECLS
