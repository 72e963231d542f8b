/* veto-application.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "veto-catalog.h"
#include "veto-catalog-updater.h"
#include "veto-checklist.h"
#include "veto-progress-store.h"

G_BEGIN_DECLS

#define VETO_TYPE_APPLICATION (veto_application_get_type ())

G_DECLARE_FINAL_TYPE (VetoApplication, veto_application, VETO, APPLICATION, AdwApplication)

VetoApplication   *veto_application_new           (void);
VetoCatalog       *veto_application_get_catalog   (VetoApplication *self);
VetoProgressStore *veto_application_get_store     (VetoApplication *self);
VetoChecklist     *veto_application_get_checklist (VetoApplication *self);

VetoCatalogUpdater *veto_application_get_updater           (VetoApplication *self);
gboolean            veto_application_get_catalog_is_update (VetoApplication *self);
void                veto_application_reload_catalog        (VetoApplication *self);

G_END_DECLS
