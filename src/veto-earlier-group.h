/* veto-earlier-group.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_EARLIER_GROUP (veto_earlier_group_get_type ())

G_DECLARE_FINAL_TYPE (VetoEarlierGroup, veto_earlier_group, VETO, EARLIER_GROUP, AdwPreferencesGroup)

GtkWidget *veto_earlier_group_new (VetoChecklist *checklist);

G_END_DECLS
