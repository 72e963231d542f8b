/* veto-complaint.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "veto-checklist.h"

G_BEGIN_DECLS

char *veto_complaint_dup_text (VetoChecklist *checklist);

G_END_DECLS
