/* veto-step.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "veto-claim.h"
#include "veto-source.h"
#include "veto-types.h"

G_BEGIN_DECLS

#define VETO_TYPE_STEP (veto_step_get_type ())

G_DECLARE_FINAL_TYPE (VetoStep, veto_step, VETO, STEP, GObject)

const char         *veto_step_get_id             (VetoStep   *self);
const char         *veto_step_get_app_id         (VetoStep   *self);
const char * const *veto_step_get_app_ids        (VetoStep   *self);
gboolean            veto_step_has_app            (VetoStep   *self,
                                                  const char *app_id);
const char         *veto_step_get_title          (VetoStep   *self);
const char         *veto_step_get_record_title   (VetoStep   *self);
const char         *veto_step_get_description    (VetoStep   *self);
VetoStepKind        veto_step_get_kind           (VetoStep   *self);
const char * const *veto_step_get_regions        (VetoStep   *self);
gboolean            veto_step_applies_to         (VetoStep   *self,
                                                  const char *region_id);
gboolean            veto_step_get_per_account    (VetoStep   *self);
VetoStepScope       veto_step_get_scope          (VetoStep   *self);
const char         *veto_step_get_same_as        (VetoStep   *self);
GDateTime          *veto_step_get_link_checked   (VetoStep   *self);
VetoConfidence      veto_step_get_confidence     (VetoStep   *self);
GDateTime          *veto_step_get_last_verified  (VetoStep   *self);
int                 veto_step_get_recheck_days   (VetoStep   *self);
const char         *veto_step_get_in_app_path    (VetoStep   *self);
const char         *veto_step_get_url            (VetoStep   *self);
const char * const *veto_step_get_fallback_urls  (VetoStep   *self);
const char         *veto_step_get_caveats        (VetoStep   *self);
const char         *veto_step_get_objection_text (VetoStep   *self,
                                                  const char *region_id);
gboolean            veto_step_has_objection_text (VetoStep   *self);
const char * const *veto_step_get_replaces       (VetoStep   *self);
const char * const *veto_step_get_sources        (VetoStep   *self);
const char         *veto_step_get_source_notes   (VetoStep   *self);
gboolean            veto_step_get_awaits_answer  (VetoStep   *self);
int                 veto_step_get_answer_months  (VetoStep   *self);
gboolean            veto_step_get_essential      (VetoStep   *self);
const char * const *veto_step_get_only_if_refused_or_overdue (VetoStep *self);
gboolean            veto_step_get_conditional    (VetoStep   *self);

/* format 4: claims and their sources */
const char         *veto_step_get_region_description (VetoStep   *self,
                                                      const char *region_id);
const char         *veto_step_get_region_caveats     (VetoStep   *self,
                                                      const char *region_id);
char               *veto_step_dup_description_in     (VetoStep   *self,
                                                      const char *region_id);
char               *veto_step_dup_caveats_in         (VetoStep   *self,
                                                      const char *region_id);
GPtrArray          *veto_step_dup_claims             (VetoStep   *self,
                                                      const char *region_id);
GPtrArray          *veto_step_get_cited_sources      (VetoStep   *self);
GPtrArray          *veto_step_dup_sources_in         (VetoStep   *self,
                                                      const char *region_id);
GDateTime          *veto_step_get_sources_read_on    (VetoStep   *self);
GDateTime          *veto_step_get_notes_read_on      (VetoStep   *self);
char               *veto_step_dup_checked_text       (VetoStep   *self);

G_END_DECLS
