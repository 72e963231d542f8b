/* veto-status.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

typedef enum
{
  VETO_STATUS_COMPLETE = 0,
  VETO_STATUS_PENDING  = 1,
  VETO_STATUS_ERROR    = 2,
} VetoStatus;

VetoStatus  veto_status_write           (VetoChecklist *checklist,
                                         GString       *out);

G_END_DECLS
