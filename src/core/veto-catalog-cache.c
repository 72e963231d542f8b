/* veto-catalog-cache.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-catalog-cache.h"

/* Which catalog Veto uses, without the network: kept apart from the
 * updater so that `veto --status` and `--export` choose the same catalog
 * as the window without linking libsoup (see veto-cli.c). */

/**
 * veto_catalog_cache_get_default_dir:
 *
 * Returns: (transfer full): `$XDG_CACHE_HOME/veto`, where downloaded
 *   catalogs are kept
 */
GFile *
veto_catalog_cache_get_default_dir (void)
{
  return g_file_new_build_filename (g_get_user_cache_dir (), "veto", NULL);
}

/* The cached catalog, if there is one and it is valid; an invalid one is
 * logged and ignored, never deleted: a person or a bug report may need it,
 * and the next good update replaces it. */
static VetoCatalog *
load_cached (GFile *cache_dir)
{
  g_autoptr(GFile) file = g_file_get_child (cache_dir, VETO_CATALOG_CACHE_NAME);
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;

  catalog = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_NONE, &error);
  if (catalog == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_message ("Ignoring the downloaded steps in %s: %s",
                   g_file_peek_path (file), error->message);
      return NULL;
    }

  return g_steal_pointer (&catalog);
}

/**
 * veto_catalog_cache_load_newest:
 * @bundled: the catalog built into Veto
 * @cache_dir: where downloaded catalogs are kept
 * @out_is_update: (out) (optional): set to %TRUE when the catalog returned
 *   is the downloaded one
 *
 * The catalog Veto should use: the downloaded one in @cache_dir when it is
 * valid and newer than @bundled, else @bundled. Never fails.
 *
 * Returns: (transfer full): the newest valid catalog
 */
VetoCatalog *
veto_catalog_cache_load_newest (VetoCatalog *bundled,
                                GFile       *cache_dir,
                                gboolean    *out_is_update)
{
  g_autoptr(VetoCatalog) cached = NULL;

  g_return_val_if_fail (VETO_IS_CATALOG (bundled), NULL);
  g_return_val_if_fail (G_IS_FILE (cache_dir), NULL);

  if (out_is_update != NULL)
    *out_is_update = FALSE;

  cached = load_cached (cache_dir);
  if (cached == NULL)
    return g_object_ref (bundled);

  /* After Veto itself was updated, the bundled catalog may be the newer. */
  if (veto_catalog_get_version (cached) <= veto_catalog_get_version (bundled))
    {
      g_debug ("The downloaded steps (version %d) are not newer than the bundled ones (version %d)",
               veto_catalog_get_version (cached), veto_catalog_get_version (bundled));
      return g_object_ref (bundled);
    }

  if (out_is_update != NULL)
    *out_is_update = TRUE;
  return g_steal_pointer (&cached);
}
