/* veto-catalog-updater.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "veto-catalog-cache.h"
#include "veto-catalog-updater-private.h"
#include "veto-install.h"

/* Meta moves its forms between releases of Veto, so the catalog is also
 * published on its own (CATALOG_URL, a meson option). The updater fetches
 * it and keeps it in $XDG_CACHE_HOME/veto/meta.steps when, and only when,
 * it is valid and newer than everything Veto already has. A bad download —
 * unreachable, too large, malformed, older, or with one link that is not
 * https on an allow-listed host — changes nothing on disk.
 *
 *   - https only, for the catalog's address and for every redirect; the
 *     "allow-loopback-http" construct property lets tests serve it from a
 *     SoupServer on 127.0.0.1, and nothing on the command line sets it;
 *   - the downloaded text is validated with VETO_CATALOG_FLAGS_NONE, the
 *     rules of the bundled catalog: no loopback, no http, whatever the
 *     address it came from;
 *   - at most VETO_CATALOG_UPDATER_MAX_SIZE bytes: a larger Content-Length
 *     is refused before reading, and reading stops one byte past the limit
 *     when the server sends no length or more than it said;
 *   - ETag and Last-Modified are kept beside the cache in meta.steps.etag
 *     and sent back, so that an unchanged catalog costs one 304;
 *   - the catalog is written first and the validators second, each
 *     atomically (temporary file, fsync, rename): after a crash the cache
 *     holds the old catalog or the new one, and at worst validators are
 *     missing, which only costs a full download next time.
 */

G_DEFINE_FINAL_TYPE (VetoCatalogUpdater, veto_catalog_updater, G_TYPE_OBJECT)

G_DEFINE_QUARK (veto-catalog-updater-error-quark, veto_catalog_updater_error)

GParamSpec *_veto_catalog_updater_properties[N_PROPS];

#define CACHE_NAME VETO_CATALOG_CACHE_NAME
#define VALIDATORS_NAME "meta.steps.etag"
GFile *
_veto_catalog_updater_cache_file (VetoCatalogUpdater *self)
{
  return g_file_get_child (self->cache_dir, CACHE_NAME);
}

GFile *
_veto_catalog_updater_validators_file (VetoCatalogUpdater *self)
{
  return g_file_get_child (self->cache_dir, VALIDATORS_NAME);
}

/* The cached catalog when it is valid, for the version an update must
 * beat; why it is not is logged by veto_catalog_cache_load_newest(). */
VetoCatalog *
_veto_catalog_updater_load_cached (VetoCatalogUpdater *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = veto_catalog_cache_load_signed (self->cache_dir, NULL, &error);

  return g_steal_pointer (&catalog);
}

/**
 * veto_catalog_updater_load_newest:
 * @self: a #VetoCatalogUpdater
 * @out_is_update: (out) (optional): set to %TRUE when the catalog returned
 *   is the downloaded one
 *
 * The catalog Veto should use: the downloaded one in the cache when it is
 * valid and newer than the bundled one, else the bundled one. Never fails:
 * the bundled catalog is always there.
 *
 * Returns: (transfer full): the newest valid catalog
 */
VetoCatalog *
veto_catalog_updater_load_newest (VetoCatalogUpdater *self,
                                  gboolean           *out_is_update)
{
  g_return_val_if_fail (VETO_IS_CATALOG_UPDATER (self), NULL);

  /* shared with the command line, which does not link libsoup */
  return veto_catalog_cache_load_newest (self->bundled, self->cache_dir, out_is_update);
}

static void
veto_catalog_updater_constructed (GObject *object)
{
  VetoCatalogUpdater *self = (VetoCatalogUpdater *)object;

  G_OBJECT_CLASS (veto_catalog_updater_parent_class)->constructed (object);

  g_assert (VETO_IS_CATALOG (self->bundled));

  if (self->url == NULL)
    {
      g_autofree char *build_root = veto_install_dup_build_root ();
      const char *test_url = g_getenv ("VETO_TEST_CATALOG_URL");

      /* A Veto run from its build folder, as the end-to-end tests run
       * it, fetches from their server on 127.0.0.1 instead (https, with
       * their CA: veto-http.c); an installed Veto never reads it. */
      if (build_root != NULL && test_url != NULL && *test_url != '\0')
        self->url = g_strdup (test_url);
      else
        self->url = g_strdup (CATALOG_URL);
    }
  if (self->cache_dir == NULL)
    self->cache_dir = veto_catalog_cache_get_default_dir ();
}

static void
veto_catalog_updater_dispose (GObject *object)
{
  VetoCatalogUpdater *self = (VetoCatalogUpdater *)object;

  /* The session is made, with libsoup loaded, by the first update only. */
  if (self->session != NULL)
    _veto_catalog_updater_drop_session (self);
  g_clear_object (&self->bundled);
  g_clear_object (&self->cache_dir);

  G_OBJECT_CLASS (veto_catalog_updater_parent_class)->dispose (object);
}

static void
veto_catalog_updater_finalize (GObject *object)
{
  VetoCatalogUpdater *self = (VetoCatalogUpdater *)object;

  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (veto_catalog_updater_parent_class)->finalize (object);
}

static void
veto_catalog_updater_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VetoCatalogUpdater *self = VETO_CATALOG_UPDATER (object);

  switch (prop_id)
    {
    case PROP_BUNDLED:
      g_value_set_object (value, self->bundled);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_CACHE_DIR:
      g_value_set_object (value, self->cache_dir);
      break;
    case PROP_ALLOW_LOOPBACK_HTTP:
      g_value_set_boolean (value, self->allow_loopback_http);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_catalog_updater_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VetoCatalogUpdater *self = VETO_CATALOG_UPDATER (object);

  switch (prop_id)
    {
    case PROP_BUNDLED:
      self->bundled = g_value_dup_object (value);
      break;
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;
    case PROP_CACHE_DIR:
      self->cache_dir = g_value_dup_object (value);
      break;
    case PROP_ALLOW_LOOPBACK_HTTP:
      self->allow_loopback_http = g_value_get_boolean (value);
      break;
    case PROP_TIMEOUT:
      veto_catalog_updater_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_catalog_updater_class_init (VetoCatalogUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = veto_catalog_updater_constructed;
  object_class->dispose = veto_catalog_updater_dispose;
  object_class->finalize = veto_catalog_updater_finalize;
  object_class->get_property = veto_catalog_updater_get_property;
  object_class->set_property = veto_catalog_updater_set_property;

  /* The catalog built into Veto: what an update must beat. */
  _veto_catalog_updater_properties[PROP_BUNDLED] =
    g_param_spec_object ("bundled", NULL, NULL, VETO_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Where the catalog is published; CATALOG_URL by default. */
  _veto_catalog_updater_properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Where the downloaded catalog is kept; $XDG_CACHE_HOME/veto by default. */
  _veto_catalog_updater_properties[PROP_CACHE_DIR] =
    g_param_spec_object ("cache-dir", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* For tests only: lets "url" (not the catalog's links) be plain http on
   * a loopback address, so that a local SoupServer can serve it. */
  _veto_catalog_updater_properties[PROP_ALLOW_LOOPBACK_HTTP] =
    g_param_spec_boolean ("allow-loopback-http", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Seconds the whole download may take. */
  _veto_catalog_updater_properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 600, VETO_CATALOG_UPDATER_DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _veto_catalog_updater_properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS,
                                     _veto_catalog_updater_properties);
}

static void
veto_catalog_updater_init (VetoCatalogUpdater *self)
{
  self->timeout = VETO_CATALOG_UPDATER_DEFAULT_TIMEOUT;
}

/**
 * veto_catalog_updater_new:
 * @bundled: the catalog built into Veto
 *
 * Returns: (transfer full): an updater for the catalog published at
 *   CATALOG_URL, kept in `$XDG_CACHE_HOME/veto/`
 */
VetoCatalogUpdater *
veto_catalog_updater_new (VetoCatalog *bundled)
{
  g_return_val_if_fail (VETO_IS_CATALOG (bundled), NULL);

  return g_object_new (VETO_TYPE_CATALOG_UPDATER, "bundled", bundled, NULL);
}

/**
 * veto_catalog_updater_get_bundled:
 *
 * Returns: (transfer none): the catalog built into Veto
 */
VetoCatalog *
veto_catalog_updater_get_bundled (VetoCatalogUpdater *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG_UPDATER (self), NULL);
  return self->bundled;
}

const char *
veto_catalog_updater_get_url (VetoCatalogUpdater *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG_UPDATER (self), NULL);
  return self->url;
}

/**
 * veto_catalog_updater_get_cache_file:
 *
 * Returns: (transfer full): where a downloaded catalog is kept
 */
GFile *
veto_catalog_updater_get_cache_file (VetoCatalogUpdater *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG_UPDATER (self), NULL);
  return _veto_catalog_updater_cache_file (self);
}

guint
veto_catalog_updater_get_timeout (VetoCatalogUpdater *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG_UPDATER (self), 0);
  return self->timeout;
}

void
veto_catalog_updater_set_timeout (VetoCatalogUpdater *self,
                                  guint               seconds)
{
  g_return_if_fail (VETO_IS_CATALOG_UPDATER (self));
  g_return_if_fail (seconds >= 1 && seconds <= 600);

  if (self->timeout == seconds)
    return;

  /* each update sets it on the session again */
  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), _veto_catalog_updater_properties[PROP_TIMEOUT]);
}

gboolean
veto_catalog_updater_get_busy (VetoCatalogUpdater *self)
{
  g_return_val_if_fail (VETO_IS_CATALOG_UPDATER (self), FALSE);
  return self->busy;
}
