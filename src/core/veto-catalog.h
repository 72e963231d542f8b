/* veto-catalog.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "veto-app.h"
#include "veto-change.h"
#include "veto-region.h"
#include "veto-source.h"
#include "veto-step.h"
#include "veto-types.h"

G_BEGIN_DECLS

/* The newest catalog format this Veto reads. Format 3 added what an older
 * Veto would misread rather than refuse: a step on several apps, a letter
 * per region (ObjectionText-REGION), Kind=complaint and Replaces=. Format
 * 4 cites [Source] groups with [[id]] markers in the texts, which an
 * older Veto would show raw. */
#define VETO_CATALOG_FORMAT 4
#define VETO_CATALOG_RESOURCE RESOURCE_PREFIX "catalog/meta.steps"

#define VETO_TYPE_CATALOG (veto_catalog_get_type ())

G_DECLARE_FINAL_TYPE (VetoCatalog, veto_catalog, VETO, CATALOG, GObject)

VetoCatalog *veto_catalog_new_from_bytes    (GBytes            *bytes,
                                             VetoCatalogFlags   flags,
                                             GError           **error);
VetoCatalog *veto_catalog_new_from_file     (GFile             *file,
                                             VetoCatalogFlags   flags,
                                             GError           **error);
VetoCatalog *veto_catalog_new_from_resource (const char        *path,
                                             GError           **error);
int          veto_catalog_get_version       (VetoCatalog       *self);
GDateTime   *veto_catalog_get_published     (VetoCatalog       *self);
const char  *veto_catalog_get_name          (VetoCatalog       *self);
const char * const *veto_catalog_get_sender_domains (VetoCatalog  *self);
gboolean     veto_catalog_is_sender_domain  (VetoCatalog       *self,
                                             const char        *domain);
const char * const *veto_catalog_get_confirmation_phrases (VetoCatalog *self);
const char * const *veto_catalog_get_refusal_phrases      (VetoCatalog *self);
GListModel  *veto_catalog_get_regions       (VetoCatalog       *self);
GListModel  *veto_catalog_get_apps          (VetoCatalog       *self);
GListModel  *veto_catalog_get_steps         (VetoCatalog       *self);
GListModel  *veto_catalog_get_changes       (VetoCatalog       *self);
VetoRegion  *veto_catalog_lookup_region     (VetoCatalog       *self,
                                             const char        *id);
VetoApp     *veto_catalog_lookup_app        (VetoCatalog       *self,
                                             const char        *id);
VetoStep    *veto_catalog_lookup_step       (VetoCatalog       *self,
                                             const char        *id);
GListModel  *veto_catalog_get_sources       (VetoCatalog       *self);
VetoSource  *veto_catalog_lookup_source     (VetoCatalog       *self,
                                             const char        *id);
GListModel  *veto_catalog_list_steps        (VetoCatalog       *self,
                                             const char        *app_id,
                                             const char        *region_id);

G_END_DECLS
