/* veto-file.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

GBytes *veto_file_read_bounded (const char  *path,
                                gsize        max_size,
                                GStatBuf    *out_stat,
                                GError     **error);

G_END_DECLS
