/* veto-catalog-updater-private.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the files that make up VetoCatalogUpdater; not for its users. */

#pragma once

#include <libsoup/soup.h>

#include "veto-catalog-updater.h"

G_BEGIN_DECLS

struct _VetoCatalogUpdater
{
  GObject      parent_instance;

  VetoCatalog *bundled;
  char        *url;
  GFile       *cache_dir;
  gboolean     allow_loopback_http;
  guint        timeout;

  /* (nullable) made on first use: loading the newest catalog needs none */
  SoupSession *session;
  gboolean     busy;
};

enum {
  PROP_0,
  PROP_BUNDLED,
  PROP_URL,
  PROP_CACHE_DIR,
  PROP_ALLOW_LOOPBACK_HTTP,
  PROP_TIMEOUT,
  PROP_BUSY,
  N_PROPS
};

extern GParamSpec *_veto_catalog_updater_properties[N_PROPS];

/* veto-catalog-updater.c */

GFile *
_veto_catalog_updater_cache_file (VetoCatalogUpdater *self);

GFile *
_veto_catalog_updater_validators_file (VetoCatalogUpdater *self);

VetoCatalog *
_veto_catalog_updater_load_cached (VetoCatalogUpdater *self);

/* veto-catalog-updater-download.c */

void
_veto_catalog_updater_drop_session (VetoCatalogUpdater *self);

G_END_DECLS
