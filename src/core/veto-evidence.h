/* veto-evidence.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_EVIDENCE_ERROR (veto_evidence_error_quark ())

typedef enum
{
  VETO_EVIDENCE_ERROR_TOO_LARGE,
  VETO_EVIDENCE_ERROR_NOT_EMAIL,
  VETO_EVIDENCE_ERROR_NOT_FROM_META,
  VETO_EVIDENCE_ERROR_NO_MATCH,
  VETO_EVIDENCE_ERROR_AMBIGUOUS,
} VetoEvidenceError;

GQuark veto_evidence_error_quark (void);

#define VETO_TYPE_EMAIL (veto_email_get_type ())

G_DECLARE_FINAL_TYPE (VetoEmail, veto_email, VETO, EMAIL, GObject)

VetoEmail  *veto_email_new_from_bytes     (GBytes         *bytes,
                                           GError        **error);
VetoEmail  *veto_email_new_from_file      (GFile          *file,
                                           GCancellable   *cancellable,
                                           GError        **error);
VetoEmail  *veto_email_new_from_stream    (GInputStream   *stream,
                                           GCancellable   *cancellable,
                                           GError        **error);
const char *veto_email_get_from           (VetoEmail      *self);
const char *veto_email_get_from_domain    (VetoEmail      *self);
const char *veto_email_get_subject        (VetoEmail      *self);
GDateTime  *veto_email_get_date           (VetoEmail      *self);
const char *veto_email_get_sha256         (VetoEmail      *self);
GBytes     *veto_email_get_bytes          (VetoEmail      *self);
gboolean    veto_email_check_sender       (VetoEmail      *self,
                                           VetoCatalog    *catalog,
                                           GError        **error);
VetoEmailAnswer veto_email_classify_answer (VetoEmail     *self,
                                           VetoCatalog    *catalog);

void        veto_evidence_recover         (VetoProgressStore *store);
GPtrArray  *veto_evidence_find_candidates (VetoChecklist  *checklist,
                                           VetoEmail      *email);
gboolean    veto_evidence_attach          (VetoChecklist  *checklist,
                                           VetoTask       *task,
                                           VetoEmail      *email,
                                           VetoEmailAnswer answer,
                                           GError        **error);
VetoEmail  *veto_email_new_from_argument  (const char     *file_arg,
                                           GInputStream   *standard_input,
                                           GError        **error);
int         veto_evidence_command         (VetoChecklist  *checklist,
                                           VetoEmail      *email,
                                           const char     *account,
                                           GString        *out,
                                           GString        *err);

G_END_DECLS
