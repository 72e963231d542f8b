/* veto-catalog-updater.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "veto-catalog.h"

G_BEGIN_DECLS

/* A published catalog larger than this is refused unread. */
/* About four times the published catalog (version 3, with its citations,
 * is 246 KiB merged): room to grow, and still a bound on what a hostile
 * host can make Veto read. */
#define VETO_CATALOG_UPDATER_MAX_SIZE (1024 * 1024)
#define VETO_CATALOG_UPDATER_DEFAULT_TIMEOUT 30
#define VETO_CATALOG_UPDATER_MAX_REDIRECTS 5

#define VETO_CATALOG_UPDATER_ERROR (veto_catalog_updater_error_quark ())

/**
 * VetoCatalogUpdaterError:
 * @VETO_CATALOG_UPDATER_ERROR_INSECURE_URL: the published catalog's address
 *   (or a redirect) is not https
 * @VETO_CATALOG_UPDATER_ERROR_HTTP: the server answered with an error status
 * @VETO_CATALOG_UPDATER_ERROR_TOO_LARGE: the catalog is larger than
 *   %VETO_CATALOG_UPDATER_MAX_SIZE
 * @VETO_CATALOG_UPDATER_ERROR_INVALID: the catalog breaks a rule of the
 *   catalog format (the message says which)
 * @VETO_CATALOG_UPDATER_ERROR_REDIRECTS: too many redirects
 * @VETO_CATALOG_UPDATER_ERROR_SIGNATURE: the catalog is not signed, or not
 *   by the key Veto trusts, or was changed after it was signed
 *
 * Network failures come as #GIOError or #GTlsError, with a message that
 * names the server; a failure to write the cache as #GFileError.
 */
typedef enum
{
  VETO_CATALOG_UPDATER_ERROR_INSECURE_URL,
  VETO_CATALOG_UPDATER_ERROR_HTTP,
  VETO_CATALOG_UPDATER_ERROR_TOO_LARGE,
  VETO_CATALOG_UPDATER_ERROR_INVALID,
  VETO_CATALOG_UPDATER_ERROR_REDIRECTS,
  VETO_CATALOG_UPDATER_ERROR_SIGNATURE,
} VetoCatalogUpdaterError;

GQuark veto_catalog_updater_error_quark (void);

/**
 * VetoCatalogUpdate:
 * @VETO_CATALOG_UPDATE_FAILED: the update failed; nothing changed on disk
 * @VETO_CATALOG_UPDATE_UPDATED: a newer valid catalog was downloaded and is
 *   now kept in the cache
 * @VETO_CATALOG_UPDATE_UP_TO_DATE: the published catalog is the one Veto
 *   already has (the server said 304 Not Modified, or sent the same version)
 * @VETO_CATALOG_UPDATE_NOT_NEWER: the published catalog is valid but older
 *   than the one Veto has; nothing was written
 */
typedef enum
{
  VETO_CATALOG_UPDATE_FAILED,
  VETO_CATALOG_UPDATE_UPDATED,
  VETO_CATALOG_UPDATE_UP_TO_DATE,
  VETO_CATALOG_UPDATE_NOT_NEWER,
} VetoCatalogUpdate;

#define VETO_TYPE_CATALOG_UPDATER (veto_catalog_updater_get_type ())

G_DECLARE_FINAL_TYPE (VetoCatalogUpdater, veto_catalog_updater, VETO, CATALOG_UPDATER, GObject)

VetoCatalogUpdater *veto_catalog_updater_new             (VetoCatalog         *bundled);
VetoCatalog        *veto_catalog_updater_get_bundled     (VetoCatalogUpdater  *self);
const char         *veto_catalog_updater_get_url         (VetoCatalogUpdater  *self);
GFile              *veto_catalog_updater_get_cache_file  (VetoCatalogUpdater  *self);
guint               veto_catalog_updater_get_timeout     (VetoCatalogUpdater  *self);
void                veto_catalog_updater_set_timeout     (VetoCatalogUpdater  *self,
                                                          guint                seconds);
gboolean            veto_catalog_updater_get_busy        (VetoCatalogUpdater  *self);
VetoCatalog        *veto_catalog_updater_load_newest     (VetoCatalogUpdater  *self,
                                                          gboolean            *out_is_update);
void                veto_catalog_updater_update_async    (VetoCatalogUpdater  *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
VetoCatalogUpdate   veto_catalog_updater_update_finish   (VetoCatalogUpdater  *self,
                                                          GAsyncResult        *result,
                                                          int                 *out_version,
                                                          GError             **error);

G_END_DECLS
