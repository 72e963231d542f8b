/* veto-catalog-private.h: constructors used by VetoCatalog only
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "veto-app.h"
#include "veto-change.h"
#include "veto-region.h"
#include "veto-step.h"

G_BEGIN_DECLS

VetoRegion *_veto_region_new_from_keyfile (GKeyFile          *keyfile,
                                           const char        *group,
                                           const char        *id,
                                           GError           **error);
VetoApp    *_veto_app_new_from_keyfile    (GKeyFile          *keyfile,
                                           const char        *group,
                                           const char        *id,
                                           GError           **error);
void        _veto_app_add_step            (VetoApp           *self,
                                           VetoStep          *step);
void        _veto_app_add_steps           (VetoApp           *self,
                                           VetoStep         **steps,
                                           guint              n_steps);
VetoStep   *_veto_step_new_from_keyfile   (GKeyFile          *keyfile,
                                           const char        *group,
                                           const char        *id,
                                           VetoCatalogFlags   flags,
                                           GError           **error);
VetoChange *_veto_change_new_from_keyfile (GKeyFile          *keyfile,
                                           const char        *group,
                                           int                version,
                                           GError           **error);

G_END_DECLS
