/* veto-assistant.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

#define VETO_TYPE_ASSISTANT (veto_assistant_get_type ())

G_DECLARE_FINAL_TYPE (VetoAssistant, veto_assistant, VETO, ASSISTANT, GObject)

VetoAssistant *veto_assistant_new           (VetoChecklist *checklist);
gboolean       veto_assistant_get_active    (VetoAssistant *self);
void           veto_assistant_set_active    (VetoAssistant *self,
                                             gboolean       active);
gboolean       veto_assistant_is_set_up     (VetoAssistant *self);
const char    *veto_assistant_get_start     (VetoAssistant *self);
gboolean       veto_assistant_contains      (VetoAssistant *self,
                                             const char    *page);
const char    *veto_assistant_get_next      (VetoAssistant *self,
                                             const char    *page);
const char    *veto_assistant_get_previous  (VetoAssistant *self,
                                             const char    *page);
gboolean       veto_assistant_can_go_next   (VetoAssistant *self,
                                             const char    *page);
char          *veto_assistant_describe      (VetoAssistant *self,
                                             const char    *page,
                                             double        *fraction);

G_END_DECLS
