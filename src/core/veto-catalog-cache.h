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
VetoCatalog *veto_catalog_cache_load_newest_full (VetoCatalog  *bundled,
                                                  GFile        *cache_dir,
                                                  gboolean     *out_is_update,
                                                  GDateTime   **out_valid_until,
                                                  GError      **out_ignored);
VetoCatalog *veto_catalog_cache_load_signed     (GFile        *cache_dir,
                                                 GDateTime   **out_valid_until,
                                                 GError      **error);
VetoCatalog *veto_catalog_new_from_signed_bytes (GBytes       *data,
                                                 GBytes       *signature,
                                                 GDateTime   **out_valid_until,
                                                 GError      **error);
gboolean     veto_catalog_cache_is_expired      (GDateTime    *valid_until,
                                                 GDateTime    *now);

G_END_DECLS
