/* veto-catalog-keys-private.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by veto-catalog-keys.c and veto-catalog-keys-urls.c. */

#pragma once

#include "veto-catalog-keys.h"

G_BEGIN_DECLS

void
_veto_catalog_set_key_error (GError     **error,
                             int          code,
                             const char  *group,
                             const char  *key,
                             const char  *reason);

gboolean
_veto_catalog_is_meta_mail_domain (const char *domain);

G_END_DECLS
