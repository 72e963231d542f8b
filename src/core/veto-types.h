/* veto-types.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  VETO_STEP_KIND_FORM,
  VETO_STEP_KIND_SETTING,
  VETO_STEP_KIND_COMMAND,
  VETO_STEP_KIND_INFORMATION,
  /* a complaint to a regulator: a page to open, then "done" (format 3) */
  VETO_STEP_KIND_COMPLAINT,
} VetoStepKind;

typedef enum
{
  VETO_CONFIDENCE_HIGH,
  VETO_CONFIDENCE_MEDIUM,
  VETO_CONFIDENCE_LOW,
} VetoConfidence;

/* How often a step is done: once per account of its app, once per app, or
 * once for every account linked in Meta's Accounts Center. */
typedef enum
{
  VETO_STEP_SCOPE_ACCOUNT,
  VETO_STEP_SCOPE_APP,
  VETO_STEP_SCOPE_ACCOUNTS_CENTER,
} VetoStepScope;

/* The order matters: the first two are "pending", the rest "finished".
 * "Refused" (Meta answered no) finishes the objection itself; what follows
 * it is the complaint step that it activates (see VetoChecklist). It comes
 * last so that the values older files hold keep their meaning. */
typedef enum
{
  VETO_STEP_STATE_TODO,
  VETO_STEP_STATE_SUBMITTED,
  VETO_STEP_STATE_CONFIRMED,
  VETO_STEP_STATE_DONE,
  VETO_STEP_STATE_SKIPPED,
  VETO_STEP_STATE_NOT_APPLICABLE,
  VETO_STEP_STATE_REFUSED,
} VetoStepState;

#define VETO_STEP_STATE_LAST VETO_STEP_STATE_REFUSED

/**
 * VetoCatalogFlags:
 * @VETO_CATALOG_FLAGS_NONE: the rules for bundled and downloaded catalogs
 * @VETO_CATALOG_FLAGS_ALLOW_LOOPBACK: also accept `http` and `https` URLs on
 *   loopback hosts, for a local catalog given with `--catalog=FILE`
 * @VETO_CATALOG_FLAGS_TRUSTED: a text validated in full already (the
 *   bundled catalog, which the tests load without this flag, or a cached
 *   download whose signature holds, validated before it was kept): its
 *   raw lines are not checked again, and its citations (`[Source]` groups
 *   and `Quote-` keys) are read only when first asked for
 */
typedef enum
{
  VETO_CATALOG_FLAGS_NONE           = 0,
  VETO_CATALOG_FLAGS_ALLOW_LOOPBACK = 1 << 0,
  /* a [Source] address: any publisher's host, only its form is checked */
  VETO_CATALOG_FLAGS_ANY_HOST       = 1 << 1,
  VETO_CATALOG_FLAGS_TRUSTED        = 1 << 2,
} VetoCatalogFlags;

#define VETO_CATALOG_ERROR (veto_catalog_error_quark ())

typedef enum
{
  VETO_CATALOG_ERROR_EMPTY,
  VETO_CATALOG_ERROR_ENCODING,
  VETO_CATALOG_ERROR_PARSE,
  VETO_CATALOG_ERROR_FORMAT,
  VETO_CATALOG_ERROR_MISSING_KEY,
  VETO_CATALOG_ERROR_INVALID_VALUE,
  VETO_CATALOG_ERROR_DUPLICATE_ID,
  VETO_CATALOG_ERROR_UNKNOWN_REFERENCE,
  VETO_CATALOG_ERROR_FORBIDDEN_URL,
  VETO_CATALOG_ERROR_UNKNOWN_GROUP,
} VetoCatalogError;

GQuark veto_catalog_error_quark (void);

#define VETO_STEP_STATE_IS_FINISHED(s) ((s) >= VETO_STEP_STATE_CONFIRMED)

const char    *veto_step_kind_to_string    (VetoStepKind   kind);
gboolean       veto_step_kind_from_string  (const char    *str,
                                            VetoStepKind  *kind);
const char    *veto_confidence_to_string   (VetoConfidence confidence);
gboolean       veto_confidence_from_string (const char    *str,
                                            VetoConfidence *confidence);
const char    *veto_step_scope_to_string   (VetoStepScope  scope);
gboolean       veto_step_scope_from_string (const char    *str,
                                            VetoStepScope *scope);
const char    *veto_step_state_to_string   (VetoStepState  state);
const char    *veto_step_state_get_label   (VetoStepState  state);
gboolean       veto_step_state_from_string (const char    *str,
                                            VetoStepState *state);

G_END_DECLS
