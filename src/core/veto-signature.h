/* veto-signature.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A signature file is a few lines; anything larger is not one. */
#define VETO_SIGNATURE_MAX_SIZE 4096

/* the name of a catalog's signature beside it: `meta.steps.minisig` */
#define VETO_SIGNATURE_SUFFIX ".minisig"

#define VETO_SIGNATURE_ERROR (veto_signature_error_quark ())

/**
 * VetoSignatureError:
 * @VETO_SIGNATURE_ERROR_MISSING: there is no signature
 * @VETO_SIGNATURE_ERROR_MALFORMED: the signature is not in minisign's format
 * @VETO_SIGNATURE_ERROR_WRONG_KEY: signed, by another key than Veto's
 * @VETO_SIGNATURE_ERROR_BAD: the signature does not match the file (or its
 *   trusted comment was changed)
 * @VETO_SIGNATURE_ERROR_COMMENT: the trusted comment lacks the catalog's
 *   version or valid-until day, or names another version than the file's
 * @VETO_SIGNATURE_ERROR_KEY: the key Veto was built with is not a
 *   minisign public key
 */
typedef enum
{
  VETO_SIGNATURE_ERROR_MISSING,
  VETO_SIGNATURE_ERROR_MALFORMED,
  VETO_SIGNATURE_ERROR_WRONG_KEY,
  VETO_SIGNATURE_ERROR_BAD,
  VETO_SIGNATURE_ERROR_COMMENT,
  VETO_SIGNATURE_ERROR_KEY,
} VetoSignatureError;

GQuark      veto_signature_error_quark      (void);

const char *veto_signature_get_trusted_key  (void);

gboolean    veto_signature_verify           (GBytes      *data,
                                             GBytes      *signature,
                                             const char  *public_key,
                                             char       **out_trusted_comment,
                                             GError     **error);

gboolean    veto_signature_parse_comment    (const char  *comment,
                                             int         *out_version,
                                             GDateTime  **out_valid_until,
                                             GError     **error);

G_END_DECLS
