/* veto-window.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-window.h"

struct _VetoWindow
{
  AdwApplicationWindow  parent_instance;

  /* the models, given at construction; everything else derives from it */
  VetoChecklist        *checklist;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkListBox           *apps_list;
};

G_DEFINE_FINAL_TYPE (VetoWindow, veto_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_app_row (gpointer item,
                gpointer user_data)
{
  VetoApp *app = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), veto_app_get_name (app));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), veto_app_get_description (app));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
veto_window_constructed (GObject *object)
{
  VetoWindow *self = (VetoWindow *)object;
  VetoCatalog *catalog = veto_checklist_get_catalog (self->checklist);

  G_OBJECT_CLASS (veto_window_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->apps_list, veto_catalog_get_apps (catalog),
                           create_app_row, NULL, NULL);
}

static void
veto_window_dispose (GObject *object)
{
  VetoWindow *self = (VetoWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_WINDOW);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (veto_window_parent_class)->dispose (object);
}

static void
veto_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VetoWindow *self = VETO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VetoWindow *self = VETO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      self->checklist = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dismiss_error (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
veto_window_class_init (VetoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = veto_window_constructed;
  object_class->dispose = veto_window_dispose;
  object_class->get_property = veto_window_get_property;
  object_class->set_property = veto_window_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, VETO_TYPE_CHECKLIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, VetoWindow, apps_list);

  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, dismiss_error);
}

static void
veto_window_init (VetoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

VetoWindow *
veto_window_new (VetoApplication *application)
{
  return g_object_new (VETO_TYPE_WINDOW,
                       "application", application,
                       "checklist", veto_application_get_checklist (application),
                       NULL);
}

/**
 * veto_window_show_error:
 * @self: a #VetoWindow
 * @message: what happened and what to do
 *
 * Shows a message that stays until the person dismisses it, for things
 * they must not miss (a damaged progress file, a failed save).
 */
void
veto_window_show_error (VetoWindow *self,
                        const char *message)
{
  g_return_if_fail (VETO_IS_WINDOW (self));

  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

void
veto_window_show_toast (VetoWindow *self,
                        const char *message)
{
  g_return_if_fail (VETO_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
