/* veto-claim.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "veto-source.h"

G_BEGIN_DECLS

#define VETO_TYPE_CLAIM (veto_claim_get_type ())

/* One sentence or clause a step states, as shown, with what supports it. */
typedef struct _VetoClaim VetoClaim;

GType               veto_claim_get_type        (void) G_GNUC_CONST;
VetoClaim          *veto_claim_ref             (VetoClaim  *self);
void                veto_claim_unref           (VetoClaim  *self);

const char         *veto_claim_get_text        (VetoClaim  *self);
const char         *veto_claim_get_key         (VetoClaim  *self);
guint               veto_claim_get_line        (VetoClaim  *self);
const char * const *veto_claim_get_source_ids  (VetoClaim  *self);
guint               veto_claim_get_n_sources   (VetoClaim  *self);
VetoSource         *veto_claim_get_source      (VetoClaim  *self,
                                                guint       i);
const char         *veto_claim_get_quote       (VetoClaim  *self,
                                                guint       i);

GPtrArray          *veto_claims_split          (const char *key,
                                                const char *marked,
                                                char      **uncited);
char               *veto_text_strip_markers    (const char *marked);
gboolean            veto_text_has_markers      (const char *text);

/* for the catalog: a claim's sources and quotes, once resolved */
void                _veto_claim_add_source     (VetoClaim  *self,
                                                VetoSource *source,
                                                const char *quote);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VetoClaim, veto_claim_unref)

G_END_DECLS
