/* veto-window-private.h: what veto-window.c shares with
 * veto-window-actions.c, veto-window-navigation.c and veto-window-record.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "veto-assistant.h"
#include "veto-window.h"

G_BEGIN_DECLS

struct _VetoWindow
{
  AdwApplicationWindow  parent_instance;

  VetoChecklist        *checklist;
  VetoCatalogUpdater   *updater;      /* (nullable) */
  GCancellable         *cancellable;
  /* the pages left go a moment after the slide (release_hidden_pages) */
  guint                 release_id;
  guint                 emphasis_id;

  /* the wizard's order of pages and how far along the person is */
  VetoAssistant        *assistant;
  char                 *region;        /* mirror of the store, for win.region */

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkActionBar         *bottom_bar;
  GtkWidget            *bottom_next_button;
  GtkProgressBar       *wizard_progress;
  GtkLabel             *wizard_label;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkWidget            *retry_button;
  gboolean              save_error_shown;
  gboolean              disk_error_shown;
  GtkStack             *stack;
  GtkMenuButton        *menu_button;
};

VetoProgressStore *veto_window_get_store         (VetoWindow     *self);
void               veto_window_show_page         (VetoWindow     *self,
                                                  const char     *name);
VetoStep          *veto_window_lookup_step       (VetoWindow     *self,
                                                  const char     *step_id);
void               veto_window_show_banner       (VetoWindow     *self,
                                                  const char     *message,
                                                  const char     *button_label,
                                                  const char     *action_name,
                                                  GVariant       *target);
void               veto_window_class_add_actions (GtkWidgetClass *widget_class);
void               veto_window_class_add_navigation (GtkWidgetClass *widget_class);
void               veto_window_add_toast         (VetoWindow     *self,
                                                  AdwToast       *toast);
void               veto_window_notify_region     (VetoWindow     *self);

G_END_DECLS
