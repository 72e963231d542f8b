/* veto-catalog.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-catalog.h"
#include "veto-file.h"
#include "veto-catalog-keys.h"
#include "veto-catalog-private.h"

/* The catalog is data, not code: Meta moves its forms more often than we can
 * release. The same loader and the same rules apply to the bundled catalog, a
 * local one and a downloaded one, so a catalog that would put a foreign or
 * plain-http link in front of a person never loads. See
 * docs/catalog-format.md for the format. */

/* Large enough for any honest catalog, small enough to refuse a memory bomb
 * before GKeyFile sees it. */
#define MAX_CATALOG_SIZE (4 * 1024 * 1024)

G_DEFINE_FINAL_TYPE (VetoCatalog, veto_catalog, G_TYPE_OBJECT)

static void
veto_catalog_finalize (GObject *object)
{
  VetoCatalog *self = (VetoCatalog *)object;

  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sender_domains, g_strfreev);
  g_clear_pointer (&self->confirmation_phrases, g_strfreev);
  g_clear_pointer (&self->refusal_phrases, g_strfreev);
  g_clear_pointer (&self->region_by_id, g_hash_table_unref);
  g_clear_pointer (&self->app_by_id, g_hash_table_unref);
  g_clear_pointer (&self->step_by_id, g_hash_table_unref);
  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_object (&self->regions);
  g_clear_object (&self->apps);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->loading, g_ptr_array_unref);
  g_clear_object (&self->changes);
  g_clear_object (&self->sources);
  g_clear_pointer (&self->deferred, _veto_deferred_unref);

  G_OBJECT_CLASS (veto_catalog_parent_class)->finalize (object);
}

static void
veto_catalog_class_init (VetoCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = veto_catalog_finalize;
}

static void
veto_catalog_init (VetoCatalog *self)
{
  self->regions = g_list_store_new (VETO_TYPE_REGION);
  self->apps = g_list_store_new (VETO_TYPE_APP);
  self->steps = g_list_store_new (VETO_TYPE_STEP);
  self->changes = g_list_store_new (VETO_TYPE_CHANGE);
  self->sources = g_list_store_new (VETO_TYPE_SOURCE);
  self->region_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->app_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->step_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* g_utf8_validate_len(), with runs of ASCII skipped eight bytes at a time:
 * catalogs are mostly ASCII, and GLib's validation took a tenth of the
 * loading time of a large one. A multi-byte sequence holds no ASCII byte,
 * so each run of non-ASCII bytes is validated on its own. NUL is refused,
 * as g_utf8_validate_len() refuses it. */
static gboolean
validate_utf8 (const char *data,
               gsize       len)
{
  const guchar *p = (const guchar *)data;
  const guchar *end = p + len;
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  while (p < end)
    {
      const guchar *q;

      for (guint64 w; end - p >= 8; p += 8)
        {
          memcpy (&w, p, 8);
          /* a byte with its high bit set, or a zero byte */
          if (((w | ((w - ones) & ~w)) & highs) != 0)
            break;
        }
      if (p == end)
        break;

      if (*p == 0)
        return FALSE;
      if (*p < 0x80)
        {
          p++;
          continue;
        }

      for (q = p; q < end && *q >= 0x80; q++)
        ;
      if (!g_utf8_validate_len ((const char *)p, q - p, NULL))
        return FALSE;
      p = q;
    }

  return TRUE;
}

/**
 * veto_catalog_new_from_bytes:
 * @bytes: the catalog keyfile
 * @flags: which extra URLs a local catalog may use, and whether the text
 *   is trusted (%VETO_CATALOG_FLAGS_TRUSTED: validated in full already; the
 *   built-in catalog and a verified cache)
 * @error: the first fault found, naming its group and key
 *
 * Parses and validates a catalog. Localized strings are resolved for the
 * current language (`g_get_language_names()`).
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
VetoCatalog *
veto_catalog_new_from_bytes (GBytes            *bytes,
                             VetoCatalogFlags   flags,
                             GError           **error)
{
  g_autoptr(VetoCatalog) self = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GBytes) main_text = NULL;
  VetoDeferred *deferred = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  const char *data;
  gsize len, n_groups;
  guint n_headers;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);

  /* A byte order mark, which some editors write at the start of UTF-8
   * text, is not part of the catalog. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (len == 0)
    {
      g_set_error_literal (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_EMPTY,
                           _("The catalog is empty."));
      return NULL;
    }

  if (len > MAX_CATALOG_SIZE)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_PARSE,
                   _("The catalog is too large (%lu bytes; at most %d)."),
                   (unsigned long)len, MAX_CATALOG_SIZE);
      return NULL;
    }

  /* Checking the whole text once also catches bad bytes in translations,
   * which GKeyFile would skip without a word. (A trusted text was checked
   * when it was built or kept.) */
  if (!(flags & VETO_CATALOG_FLAGS_TRUSTED) && !validate_utf8 (data, len))
    {
      g_set_error_literal (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_ENCODING,
                           _("The catalog is not valid UTF-8 text."));
      return NULL;
    }

  /* A trusted text was checked line by line when it was built or kept;
   * what the first screen does not read is left for later. */
  if (flags & VETO_CATALOG_FLAGS_TRUSTED)
    {
      deferred = _veto_deferred_split (bytes, data, len, flags & ~VETO_CATALOG_FLAGS_TRUSTED, &main_text);
      data = g_bytes_get_data (main_text, &len);
    }
  else if (!_veto_catalog_check_raw_lines (data, len, &n_headers, error))
    return NULL;

  /* GKeyFile keeps only the translations into the languages read now
   * (keeping every one cost 0.5 M instructions at each start): the
   * application builds the catalog again when the language changes. */
  keyfile = g_key_file_new ();
  if (!g_key_file_load_from_data (keyfile, data, len, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_PARSE,
                   _("The catalog could not be read: %s"), local_error->message);
      g_clear_pointer (&deferred, _veto_deferred_unref);
      return NULL;
    }

  self = g_object_new (VETO_TYPE_CATALOG, NULL);
  self->deferred = deferred;

  if (!_veto_catalog_load_header (self, keyfile, error))
    return NULL;

  if (self->deferred != NULL)
    _veto_deferred_set_format (self->deferred, self->format);

  groups = g_key_file_get_groups (keyfile, &n_groups);
  if (self->deferred == NULL && n_groups != n_headers)
    {
      _veto_catalog_find_duplicate_group (data, len, error);
      return NULL;
    }
  self->loading = g_ptr_array_new_with_free_func (g_object_unref);
  veto_catalog_keys_begin ();
  for (guint i = 0; groups[i] != NULL; i++)
    if (!_veto_catalog_load_group (self, keyfile, groups[i], flags, error))
      {
        veto_catalog_keys_end ();
        return NULL;
      }
  veto_catalog_keys_end ();
  g_list_store_splice (self->steps, 0, 0, self->loading->pdata, self->loading->len);
  g_clear_pointer (&self->loading, g_ptr_array_unref);

  if (!_veto_catalog_resolve_references (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * veto_catalog_new_from_file:
 * @file: a catalog file
 * @flags: use %VETO_CATALOG_FLAGS_ALLOW_LOOPBACK for `--catalog=FILE`
 * @error: a #GIOError when the file cannot be read, else a #VetoCatalogError
 *
 * Returns: (transfer full) (nullable): the catalog
 */
VetoCatalog *
veto_catalog_new_from_file (GFile             *file,
                            VetoCatalogFlags   flags,
                            GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* a pipe or a device given as --catalog, or planted as the cache, must
   * not hang `veto --status` at every login (veto-file.c) */
  if (g_file_peek_path (file) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Veto reads steps only from a file on this computer."));
      return NULL;
    }
  bytes = veto_file_read_bounded (g_file_peek_path (file), MAX_CATALOG_SIZE, NULL, error);
  if (bytes == NULL)
    return NULL;

  return veto_catalog_new_from_bytes (bytes, flags, error);
}

VetoCatalog *
veto_catalog_new_from_resource (const char  *path,
                                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  /* the bundled catalog: the tests read the same text in full, with every
   * rule checked */
  return veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_TRUSTED, error);
}

int
veto_catalog_get_version (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), 0);
  return self->version;
}

/**
 * veto_catalog_get_published:
 * @self: a #VetoCatalog
 *
 * Returns: (transfer none): midnight UTC of the day this version was published
 */
GDateTime *
veto_catalog_get_published (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return self->published;
}

const char *
veto_catalog_get_name (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return self->name;
}

/**
 * veto_catalog_get_regions:
 *
 * Returns: (transfer none): a #GListModel of #VetoRegion, in catalog order
 */
GListModel *
veto_catalog_get_regions (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->regions);
}

/**
 * veto_catalog_get_apps:
 *
 * Returns: (transfer none): a #GListModel of #VetoApp, in catalog order
 */
GListModel *
veto_catalog_get_apps (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->apps);
}

/**
 * veto_catalog_get_steps:
 *
 * Returns: (transfer none): a #GListModel of every #VetoStep, in catalog order
 */
GListModel *
veto_catalog_get_steps (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->steps);
}

/**
 * veto_catalog_get_changes:
 *
 * Returns: (transfer none): a #GListModel of #VetoChange, in catalog order
 */
GListModel *
veto_catalog_get_changes (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->changes);
}

/**
 * veto_catalog_lookup_region:
 *
 * Returns: (transfer none) (nullable): the region with that id
 */
VetoRegion *
veto_catalog_lookup_region (VetoCatalog *self,
                            const char  *id)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return id ? g_hash_table_lookup (self->region_by_id, id) : NULL;
}

/**
 * veto_catalog_lookup_app:
 *
 * Returns: (transfer none) (nullable): the app with that id
 */
VetoApp *
veto_catalog_lookup_app (VetoCatalog *self,
                         const char  *id)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return id ? g_hash_table_lookup (self->app_by_id, id) : NULL;
}

/**
 * veto_catalog_lookup_step:
 *
 * Returns: (transfer none) (nullable): the step with that id
 */
VetoStep *
veto_catalog_lookup_step (VetoCatalog *self,
                          const char  *id)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return id ? g_hash_table_lookup (self->step_by_id, id) : NULL;
}

/**
 * veto_catalog_list_steps:
 * @self: a #VetoCatalog
 * @app_id: an app id
 * @region_id: (nullable): a region id, or %NULL for every region
 *
 * Returns: (transfer full): the app's steps that apply in @region_id, in order
 */
GListModel *
veto_catalog_list_steps (VetoCatalog *self,
                         const char  *app_id,
                         const char  *region_id)
{
  GListStore *store;
  VetoApp *app;
  GListModel *steps;
  guint n;

  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);

  store = g_list_store_new (VETO_TYPE_STEP);
  app = veto_catalog_lookup_app (self, app_id);
  if (app == NULL)
    return G_LIST_MODEL (store);

  steps = veto_app_get_steps (app);
  n = g_list_model_get_n_items (steps);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);

      if (region_id == NULL || veto_step_applies_to (step, region_id))
        g_list_store_append (store, step);
    }

  return G_LIST_MODEL (store);
}

/**
 * veto_catalog_get_sender_domains:
 * @self: a #VetoCatalog
 *
 * Returns: (transfer none): the domains Meta sends its email from
 *   (`SenderDomains=`); possibly empty
 */
const char * const *
veto_catalog_get_sender_domains (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return (const char * const *)self->sender_domains;
}

/**
 * veto_catalog_get_confirmation_phrases:
 * @self: a #VetoCatalog
 *
 * Returns: (transfer none): words by which Meta's email says it will honour
 *   the objection (`ConfirmationPhrases=`, in every language the catalog
 *   matches); possibly empty
 */
const char * const *
veto_catalog_get_confirmation_phrases (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return (const char * const *)self->confirmation_phrases;
}

/**
 * veto_catalog_get_refusal_phrases:
 * @self: a #VetoCatalog
 *
 * Returns: (transfer none): words by which Meta's email says it cannot or
 *   will not honour the objection (`RefusalPhrases=`); possibly empty
 */
const char * const *
veto_catalog_get_refusal_phrases (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  return (const char * const *)self->refusal_phrases;
}

/**
 * veto_catalog_is_sender_domain:
 * @self: a #VetoCatalog
 * @domain: the domain of an email's From address
 *
 * Returns: whether @domain is one of Meta's sending domains or a subdomain
 *   of one: `x.facebookmail.com` is, `facebookmail.com.evil.example` and
 *   `evilfacebookmail.com` are not
 */
gboolean
veto_catalog_is_sender_domain (VetoCatalog *self,
                               const char  *domain)
{
  gsize len;

  g_return_val_if_fail (VETO_IS_CATALOG (self), FALSE);

  if (domain == NULL || *domain == '\0')
    return FALSE;

  len = strlen (domain);
  /* a trailing dot names the same host */
  if (domain[len - 1] == '.')
    len--;

  for (guint i = 0; self->sender_domains[i] != NULL; i++)
    {
      const char *d = self->sender_domains[i];
      gsize dlen = strlen (d);

      if (len == dlen && g_ascii_strncasecmp (domain, d, len) == 0)
        return TRUE;
      if (len > dlen + 1 && domain[len - dlen - 1] == '.' &&
          g_ascii_strncasecmp (domain + len - dlen, d, dlen) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A trusted catalog's sources, read the first time they are asked for. */
static void
ensure_sources (VetoCatalog *self)
{
  GPtrArray *sources;

  if (self->deferred == NULL || self->format < 4)
    return;

  sources = _veto_deferred_get_sources (self->deferred);
  for (guint i = 0; i < sources->len; i++)
    g_hash_table_insert (self->source_by_id,
                         (char *)veto_source_get_id (g_ptr_array_index (sources, i)),
                         g_ptr_array_index (sources, i));
  g_list_store_splice (self->sources, 0, 0, sources->pdata, sources->len);
  g_clear_pointer (&self->deferred, _veto_deferred_unref);
}

/**
 * veto_catalog_get_sources:
 * @self: a #VetoCatalog
 *
 * Returns: (transfer none): the [Source] groups (format 4), in file order
 */
GListModel *
veto_catalog_get_sources (VetoCatalog *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  ensure_sources (self);
  return G_LIST_MODEL (self->sources);
}

/**
 * veto_catalog_lookup_source:
 *
 * Returns: (transfer none) (nullable): the source with @id
 */
VetoSource *
veto_catalog_lookup_source (VetoCatalog *self,
                            const char  *id)
{
  g_return_val_if_fail (VETO_IS_CATALOG (self), NULL);
  ensure_sources (self);
  return id ? g_hash_table_lookup (self->source_by_id, id) : NULL;
}
