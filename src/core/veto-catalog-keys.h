/* veto-catalog-keys.h: reading and checking catalog keys (private to core)
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "veto-types.h"

G_BEGIN_DECLS

/* Limits of validation: a 20 kB URL froze an app page for a minute, and no
 * honest catalog comes near them. */
#define VETO_CATALOG_MAX_TEXT     10000   /* bytes of one text */
#define VETO_CATALOG_MAX_URL       2048   /* bytes of one address */
#define VETO_CATALOG_MAX_STEPS    10000   /* steps in one catalog */
/* Steps of one app: what its page shows at once, a card each (about 7 ms
 * a card here; 500 took 3.6 s and 2,000 took 22 s). */
#define VETO_CATALOG_MAX_APP_STEPS 50
#define VETO_CATALOG_MAX_VERSION 1000000  /* a version above would block every later update */

/* One group of a catalog, its keys read once: GKeyFile looks a group and
 * a key up in two hash tables for every read, and a catalog of 10,000 steps
 * asked it for 25 keys a step, half of them absent. With the group's own
 * list of keys, an absent key costs nothing and a present one is fetched
 * once. */
typedef struct
{
  const char  *name;     /* "Step facebook-object", for messages */
  int          format;   /* the catalog's Format */

  /*< private >*/
  GKeyFile    *keyfile;
  char       **keys;
  char       **values;   /* raw, as in the file; NULL once taken */
  gsize        n_keys;
} VetoCatalogGroup;

void       veto_catalog_group_init          (VetoCatalogGroup *group,
                                             GKeyFile         *keyfile,
                                             const char       *name,
                                             int               format);
void       veto_catalog_group_clear         (VetoCatalogGroup *group);
gboolean   veto_catalog_group_has_key       (VetoCatalogGroup *group,
                                             const char       *key);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VetoCatalogGroup, veto_catalog_group_clear)

void       veto_catalog_keys_begin          (void);
void       veto_catalog_keys_end            (void);
gboolean   veto_catalog_check_id            (const char       *group,
                                             const char       *id,
                                             GError          **error);
char      *veto_catalog_get_string          (VetoCatalogGroup *group,
                                             const char       *key,
                                             gboolean          required,
                                             gboolean          localized,
                                             GError          **error);
gboolean   veto_catalog_get_int             (VetoCatalogGroup *group,
                                             const char       *key,
                                             int               min,
                                             int              *out,
                                             GError          **error);
gboolean   veto_catalog_get_boolean         (VetoCatalogGroup *group,
                                             const char       *key,
                                             gboolean         *out,
                                             GError          **error);
GDateTime *veto_catalog_get_date            (VetoCatalogGroup *group,
                                             const char       *key,
                                             GError          **error);
GStrv      veto_catalog_get_list            (VetoCatalogGroup *group,
                                             const char       *key,
                                             gboolean          required,
                                             GError          **error);
gboolean   veto_catalog_check_url           (const char       *url,
                                             VetoCatalogFlags  flags,
                                             const char       *group,
                                             const char       *key,
                                             GError          **error);
GStrv      veto_catalog_get_url_list        (VetoCatalogGroup *group,
                                             const char       *key,
                                             gboolean          required,
                                             VetoCatalogFlags  flags,
                                             GError          **error);
GDateTime *veto_parse_date                  (const char       *str);

G_END_DECLS
