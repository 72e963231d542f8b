/* veto-text.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VETO_TEXT_MULTI_LINE  = 0,
  VETO_TEXT_SINGLE_LINE = 1 << 0,
} VetoTextFlags;

char *veto_text_clean (const char    *text,
                       VetoTextFlags  flags,
                       gsize          max_chars);

G_END_DECLS
