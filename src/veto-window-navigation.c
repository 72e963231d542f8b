/* veto-window-navigation.c: moving through the window's pages — the
 * wizard's next and back, the overview, an app, one step of one account
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-app-page.h"
#include "veto-window-private.h"

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *page = veto_window_get_page (self);
  const char *next;

  if (!veto_assistant_can_go_next (self->assistant, page))
    return;

  next = veto_assistant_get_next (self->assistant, page);

  veto_window_show_page (self, next);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *previous;

  if (!veto_assistant_get_active (self->assistant))
    {
      veto_window_show_page (self, "dashboard");
      return;
    }

  previous = veto_assistant_get_previous (self->assistant, veto_window_get_page (self));
  if (previous != NULL)
    veto_window_show_page (self, previous);
}

static void
run_wizard_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  veto_assistant_set_active (self->assistant, TRUE);
  veto_window_show_page (self, veto_assistant_get_start (self->assistant));
}

static void
show_dashboard_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  veto_assistant_set_active (self->assistant, FALSE);
  veto_window_show_page (self, "dashboard");
}

static void
show_app_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strconcat ("app:", app_id, NULL);

  if (veto_catalog_lookup_app (veto_checklist_get_catalog (self->checklist), app_id) == NULL)
    return;

  veto_assistant_set_active (self->assistant, FALSE);
  veto_window_show_page (self, name);
  veto_app_page_scroll_to_top (VETO_APP_PAGE (veto_window_get_page_widget (self, name)));
}

/* From the overview to one step of one account: its app's page, scrolled
 * to it, with the keyboard focus on its first button. */
static void
show_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id;
  VetoStep *step;
  g_autofree char *name = NULL;

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);
  step = veto_window_lookup_step (self, step_id);
  if (step == NULL)
    return;

  /* a step on several apps (one complaint) opens on the first of them
   * the person chose, where its task is */
  {
    const char * const *app_ids = veto_step_get_app_ids (step);
    const char *app_id = app_ids[0];

    for (guint i = 0; app_ids[i] != NULL; i++)
      if (veto_progress_store_has_app (veto_window_get_store (self), app_ids[i]))
        {
          app_id = app_ids[i];
          break;
        }
    name = g_strconcat ("app:", app_id, NULL);
  }
  veto_assistant_set_active (self->assistant, FALSE);
  veto_window_show_page (self, name);
  veto_app_page_reveal (VETO_APP_PAGE (veto_window_get_page_widget (self, name)), step_id, account_id);
}

/**
 * veto_window_class_add_navigation:
 * @widget_class: #VetoWindow's class
 *
 * Installs the win.* actions that move between pages.
 */
void
veto_window_class_add_navigation (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.run-wizard", NULL, run_wizard_action);
  gtk_widget_class_install_action (widget_class, "win.show-dashboard", NULL, show_dashboard_action);
  gtk_widget_class_install_action (widget_class, "win.show-app", "s", show_app_action);
  gtk_widget_class_install_action (widget_class, "win.show-step", "(ss)", show_step_action);
}
