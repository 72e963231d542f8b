/* veto-welcome-page.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "veto-welcome-page.h"
#include "veto-util.h"

/* The wizard's first page: what Meta does, in two sentences, and Veto's
 * promise. All of it lives in the template.
 *
 * It is what a person sees first, so it is laid out as AdwStatusPage lays
 * out its icon, title and description, with the same style, but in grids:
 * GTK 4.8 allocates a wrapping label in a centred vertical box by searching
 * the narrowest width that fits, shaping its text at a dozen widths, and
 * AdwStatusPage's three boxes made the welcome page's text cost 137 layouts
 * before the first frame (veto-row.c says more). */
struct _VetoWelcomePage
{
  GtkWidget  parent_instance;

  GtkWidget *intro_label;
  GtkWidget *promise_label;
  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (VetoWelcomePage, veto_welcome_page, GTK_TYPE_WIDGET)

static void
veto_welcome_page_dispose (GObject *object)
{
  GtkWidget *child;
  gtk_widget_dispose_template (GTK_WIDGET (object), VETO_TYPE_WELCOME_PAGE);
  /* dispose_template() only drops bound children; the layout's own child
   * must go too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (veto_welcome_page_parent_class)->dispose (object);
}

static void
veto_welcome_page_class_init (VetoWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-welcome-page.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, VetoWelcomePage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, VetoWelcomePage, promise_label);
  gtk_widget_class_bind_template_child (widget_class, VetoWelcomePage, start_button);
}

static void
veto_welcome_page_init (VetoWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  veto_util_fix_button_names (GTK_WIDGET (self));
  /* The focus starts on Start: what a sighted person reads above it comes
   * with it, or a screen reader would say "Start" and nothing of why. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->start_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->intro_label, self->promise_label, NULL,
                                  -1);
}

GtkWidget *
veto_welcome_page_new (void)
{
  return g_object_new (VETO_TYPE_WELCOME_PAGE, NULL);
}
