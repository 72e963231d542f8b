/* veto-catalog-private.h: constructors used by VetoCatalog only
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "veto-app.h"
#include "veto-catalog.h"
#include "veto-catalog-keys.h"
#include "veto-change.h"
#include "veto-region.h"
#include "veto-source.h"
#include "veto-step.h"

G_BEGIN_DECLS

/* veto-catalog-deferred.c: a trusted catalog's [Source] groups, Quote-
 * keys and steps' long texts, parsed when first asked for */
typedef struct _VetoDeferred VetoDeferred;

VetoDeferred *_veto_deferred_split       (GBytes            *bytes,
                                         const char        *data,
                                         gsize              len,
                                         VetoCatalogFlags   flags,
                                         GBytes           **out_main);
VetoDeferred *_veto_deferred_ref         (VetoDeferred      *self);
void          _veto_deferred_unref       (VetoDeferred      *self);
void          _veto_deferred_set_format  (VetoDeferred      *self,
                                         int                format);
GPtrArray    *_veto_deferred_get_sources (VetoDeferred      *self);
void          _veto_deferred_add_step    (VetoDeferred      *self);
void          _veto_deferred_resolve_step (VetoDeferred     *self,
                                          VetoStep         *step,
                                          gint             *resolved);

VetoRegion *_veto_region_new_from_group   (VetoCatalogGroup  *group,
                                           const char        *id,
                                           GError           **error);
VetoApp    *_veto_app_new_from_group      (VetoCatalogGroup  *group,
                                           const char        *id,
                                           GError           **error);
void        _veto_app_add_step            (VetoApp           *self,
                                           VetoStep          *step);
void        _veto_app_add_steps           (VetoApp           *self,
                                           VetoStep         **steps,
                                           guint              n_steps);
VetoStep   *_veto_step_new_from_group     (VetoCatalogGroup  *group,
                                           const char        *id,
                                           VetoCatalogFlags   flags,
                                           GError           **error);
const char *_veto_step_get_plain_objection_text (VetoStep *self);
GHashTable *_veto_step_get_objection_texts      (VetoStep *self);
VetoChange *_veto_change_new_from_group   (VetoCatalogGroup  *group,
                                           int                version,
                                           GError           **error);
const char *_veto_change_get_marked_summary (VetoChange *self);
VetoSource *_veto_source_new_from_group   (VetoCatalogGroup  *group,
                                           const char        *id,
                                           VetoCatalogFlags   flags,
                                           GError           **error);
gboolean    _veto_step_resolve_sources    (VetoStep          *self,
                                           GHashTable        *source_by_id,
                                           GError           **error);
gboolean    _veto_step_read_deferred      (VetoStep          *self,
                                           VetoCatalogGroup  *group,
                                           GHashTable        *source_by_id,
                                           GError           **error);
void        _veto_step_set_deferred       (VetoStep          *self,
                                           VetoDeferred      *deferred);

/* VetoCatalog's own fields and loader, shared by veto-catalog.c and
 * veto-catalog-load.c */

struct _VetoCatalog
{
  GObject     parent_instance;

  int         format;
  int         version;
  GDateTime  *published;
  char       *name;
  /* the domains Meta sends email from: [Catalog] SenderDomains= */
  GStrv       sender_domains;
  /* Veto's own wording heuristics for Meta's answer by email:
   * [Catalog] ConfirmationPhrases= and RefusalPhrases= */
  GStrv       confirmation_phrases;
  GStrv       refusal_phrases;

  GListStore *regions;
  GListStore *apps;
  GListStore *steps;
  /* while loading: the steps read so far, spliced into steps in one go
   * (one items-changed instead of 10,000) */
  GPtrArray  *loading;
  GListStore *changes;
  /* format 4: [Source ID] groups */
  GListStore *sources;

  /* id → object; values borrowed from the stores above */
  GHashTable *region_by_id;
  GHashTable *app_by_id;
  GHashTable *step_by_id;
  GHashTable *source_by_id;

  /* a trusted text's deferred part, until sources and source_by_id are
   * filled from it; NULL when the whole text was read at once */
  VetoDeferred *deferred;
};

gboolean
_veto_catalog_check_raw_lines (const char  *data,
                               gsize        len,
                               guint       *out_n_groups,
                               GError     **error);

gboolean
_veto_catalog_find_duplicate_group (const char  *data,
                                    gsize        len,
                                    GError     **error);

gboolean
_veto_catalog_load_header (VetoCatalog  *self,
                           GKeyFile     *keyfile,
                           GError      **error);

gboolean
_veto_catalog_load_group (VetoCatalog       *self,
                          GKeyFile          *keyfile,
                          const char        *group,
                          VetoCatalogFlags   flags,
                          GError           **error);

gboolean
_veto_catalog_resolve_references (VetoCatalog  *self,
                                  GError      **error);

G_END_DECLS
