/* veto-clock.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VETO_TYPE_CLOCK (veto_clock_get_type ())

G_DECLARE_FINAL_TYPE (VetoClock, veto_clock, VETO, CLOCK, GObject)

VetoClock *veto_clock_new         (void);
VetoClock *veto_clock_new_fixed   (GDateTime *now);
GDateTime *veto_clock_get_now     (VetoClock *self);
void       veto_clock_set_now     (VetoClock *self,
                                   GDateTime *now);
void       veto_clock_advance     (VetoClock *self,
                                   GTimeSpan  span);

G_END_DECLS
