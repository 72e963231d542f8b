/* veto-catalog-cache.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-catalog-cache.h"
#include "veto-file.h"
#include "veto-signature.h"

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

/* The largest catalog a download keeps (VETO_CATALOG_UPDATER_MAX_SIZE),
 * with room to spare: the cache is read with the same bound. */
#define MAX_CACHED_SIZE (1024 * 1024)

static GBytes *
read_bytes (GFile   *file,
            gsize    max_size,
            GError **error)
{
  return veto_file_read_bounded (g_file_peek_path (file), max_size, NULL, error);
}

static VetoCatalog *
new_from_signed_bytes (GBytes            *data,
                       GBytes            *signature,
                       VetoCatalogFlags   flags,
                       GDateTime        **out_valid_until,
                       GError           **error);

/**
 * veto_catalog_new_from_signed_bytes:
 * @data: a published catalog, as downloaded or cached
 * @signature: (nullable): its minisign signature, %NULL when there is none
 * @out_valid_until: (out) (optional) (transfer full): the last day the
 *   signature says the catalog counts
 * @error: why it can't be used
 *
 * Verifies @signature against the key this Veto trusts
 * (veto_signature_get_trusted_key()) before reading a line of @data, then
 * validates @data with the rules of the bundled catalog. The version the
 * signed comment names must be the catalog's own.
 *
 * Returns: (transfer full) (nullable): the catalog
 */
VetoCatalog *
veto_catalog_new_from_signed_bytes (GBytes      *data,
                                    GBytes      *signature,
                                    GDateTime  **out_valid_until,
                                    GError     **error)
{
  return new_from_signed_bytes (data, signature, VETO_CATALOG_FLAGS_NONE, out_valid_until, error);
}

static VetoCatalog *
new_from_signed_bytes (GBytes            *data,
                       GBytes            *signature,
                       VetoCatalogFlags   flags,
                       GDateTime        **out_valid_until,
                       GError           **error)
{
  g_autofree char *comment = NULL;
  g_autoptr(GDateTime) valid_until = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;
  int version;

  if (!veto_signature_verify (data, signature, veto_signature_get_trusted_key (), &comment, error) ||
      !veto_signature_parse_comment (comment, &version, &valid_until, error))
    return NULL;

  catalog = veto_catalog_new_from_bytes (data, flags, error);
  if (catalog == NULL)
    return NULL;

  if (veto_catalog_get_version (catalog) != version)
    {
      g_set_error (error, VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_COMMENT,
                   /* Translators: both %d are version numbers */
                   _("their signature is for version %d, and they say they are version %d"),
                   version, veto_catalog_get_version (catalog));
      return NULL;
    }

  if (out_valid_until != NULL)
    *out_valid_until = g_steal_pointer (&valid_until);
  return g_steal_pointer (&catalog);
}

/**
 * veto_catalog_cache_load_signed:
 * @cache_dir: where downloaded catalogs are kept
 * @out_valid_until: (out) (optional) (transfer full): see
 *   veto_catalog_new_from_signed_bytes()
 * @error: why the cached catalog can't be used; %G_IO_ERROR_NOT_FOUND
 *   when there is none
 *
 * The cached catalog, verified again: a file in the cache folder is
 * anyone's who can write there, so it counts only with its signature.
 *
 * Returns: (transfer full) (nullable): the cached catalog
 */
VetoCatalog *
veto_catalog_cache_load_signed (GFile       *cache_dir,
                                GDateTime  **out_valid_until,
                                GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (cache_dir, VETO_CATALOG_CACHE_NAME);
  g_autoptr(GFile) sig_file = g_file_get_child (cache_dir, VETO_CATALOG_CACHE_NAME VETO_SIGNATURE_SUFFIX);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) sig_error = NULL;

  data = read_bytes (file, MAX_CACHED_SIZE, error);
  if (data == NULL)
    return NULL;

  signature = read_bytes (sig_file, VETO_SIGNATURE_MAX_SIZE, &sig_error);
  if (signature == NULL && !g_error_matches (sig_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error (error, VETO_SIGNATURE_ERROR, VETO_SIGNATURE_ERROR_MALFORMED,
                   /* Translators: %s is a file name, then why it could not be read */
                   _("their signature %s can’t be read: %s"),
                   g_file_peek_path (sig_file), sig_error->message);
      return NULL;
    }

  /* a file the updater validated in full before it kept it (the same
   * rules as the bundled catalog's), and whose signature still holds */
  return new_from_signed_bytes (data, signature, VETO_CATALOG_FLAGS_TRUSTED, out_valid_until, error);
}

/**
 * veto_catalog_cache_load_newest_full:
 * @bundled: the catalog built into Veto
 * @cache_dir: where downloaded catalogs are kept
 * @out_is_update: (out) (optional): set to %TRUE when the catalog returned
 *   is the downloaded one
 * @out_valid_until: (out) (optional) (transfer full) (nullable): for the
 *   downloaded one, the last day its signature says it counts; %NULL for
 *   the bundled one
 * @out_ignored: (out) (optional): why a downloaded catalog in @cache_dir
 *   was not used (unsigned, wrongly signed, changed, invalid); not set when
 *   there is none, or it is merely not newer than @bundled
 *
 * The catalog Veto should use: the downloaded one in @cache_dir when its
 * signature is good, it is valid and it is newer than @bundled, else
 * @bundled. Never fails. A cached catalog that is not used is left where
 * it is, never deleted: a person or a bug report may need it, and the next
 * good update replaces it.
 *
 * Returns: (transfer full): the newest valid catalog
 */
VetoCatalog *
veto_catalog_cache_load_newest_full (VetoCatalog  *bundled,
                                     GFile        *cache_dir,
                                     gboolean     *out_is_update,
                                     GDateTime   **out_valid_until,
                                     GError      **out_ignored)
{
  g_autoptr(VetoCatalog) cached = NULL;
  g_autoptr(GDateTime) valid_until = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VETO_IS_CATALOG (bundled), NULL);
  g_return_val_if_fail (G_IS_FILE (cache_dir), NULL);

  if (out_is_update != NULL)
    *out_is_update = FALSE;
  if (out_valid_until != NULL)
    *out_valid_until = NULL;

  cached = veto_catalog_cache_load_signed (cache_dir, &valid_until, &error);
  if (cached == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autoptr(GFile) file = g_file_get_child (cache_dir, VETO_CATALOG_CACHE_NAME);

          g_debug ("Ignoring the downloaded steps in %s: %s", g_file_peek_path (file), error->message);
          if (out_ignored != NULL)
            g_set_error (out_ignored, error->domain, error->code,
                         /* Translators: %s is a file name, then why (“they are not signed”) */
                         _("The downloaded steps in %s were ignored: %s."),
                         g_file_peek_path (file), error->message);
        }
      return g_object_ref (bundled);
    }

  /* After Veto itself was updated, the bundled catalog may be the newer. */
  if (veto_catalog_get_version (cached) <= veto_catalog_get_version (bundled))
    {
      g_debug ("The downloaded steps (version %d) are not newer than the bundled ones (version %d)",
               veto_catalog_get_version (cached), veto_catalog_get_version (bundled));
      return g_object_ref (bundled);
    }

  if (out_is_update != NULL)
    *out_is_update = TRUE;
  if (out_valid_until != NULL)
    *out_valid_until = g_steal_pointer (&valid_until);
  return g_steal_pointer (&cached);
}

/**
 * veto_catalog_cache_load_newest:
 *
 * veto_catalog_cache_load_newest_full(), for a caller that needs only the
 * catalog; a cached catalog that was ignored is logged.
 *
 * Returns: (transfer full): the newest valid catalog
 */
VetoCatalog *
veto_catalog_cache_load_newest (VetoCatalog *bundled,
                                GFile       *cache_dir,
                                gboolean    *out_is_update)
{
  g_autoptr(GError) ignored = NULL;
  VetoCatalog *catalog;

  catalog = veto_catalog_cache_load_newest_full (bundled, cache_dir, out_is_update, NULL, &ignored);
  if (ignored != NULL)
    g_message ("%s", ignored->message);
  return catalog;
}

/**
 * veto_catalog_cache_is_expired:
 * @valid_until: (nullable): the last day a catalog counts (midnight UTC)
 * @now: now
 *
 * Returns: %TRUE once @valid_until has passed, everywhere on Earth
 */
gboolean
veto_catalog_cache_is_expired (GDateTime *valid_until,
                               GDateTime *now)
{
  g_autoptr(GDateTime) end = NULL;

  if (valid_until == NULL)
    return FALSE;

  /* the day ends last at UTC-12 */
  end = g_date_time_add_hours (valid_until, 24 + 12);
  return g_date_time_compare (now, end) >= 0;
}
