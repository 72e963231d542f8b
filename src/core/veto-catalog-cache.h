/* veto-catalog-cache.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "veto-catalog.h"

G_BEGIN_DECLS

/* the downloaded catalog's name in the cache folder */
#define VETO_CATALOG_CACHE_NAME "meta.steps"

GFile       *veto_catalog_cache_get_default_dir (void);
VetoCatalog *veto_catalog_cache_load_newest     (VetoCatalog *bundled,
                                                 GFile       *cache_dir,
                                                 gboolean    *out_is_update);

G_END_DECLS
