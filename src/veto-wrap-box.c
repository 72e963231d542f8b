/* veto-wrap-box.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-wrap-box.h"

/* Buttons side by side, wrapping to a new line when the window is narrow.
 *
 * GtkFlowBox does the wrapping but puts every child in a focusable
 * GtkFlowBoxChild: each button then took two Tab presses and was read out
 * as "GtkFlowBoxChild". This box only lays its children out; they take
 * focus themselves, in order, and nothing else does. (AdwWrapBox is
 * libadwaita 1.7.) */
struct _VetoWrapBox
{
  GtkWidget parent_instance;
};

#define SPACING 6

static void veto_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VetoWrapBox, veto_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, veto_wrap_box_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

/* Lays the visible children out in lines at @width; returns the height
 * and, if @allocate, gives each child its place. */
static int
layout (GtkWidget *widget,
        int        width,
        gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;
  GtkWidget *line_start = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, child_w, min_h, nat_h;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      child_w = CLAMP (nat_w, min_w, MAX (width, min_w));

      if (line_start != NULL && x + SPACING + child_w > width)
        {
          y += line_height + SPACING;
          x = 0;
          line_height = 0;
          line_start = NULL;
        }
      if (line_start != NULL)
        x += SPACING;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_w, &min_h, &nat_h, NULL, NULL);
      if (allocate)
        gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, child_w, nat_h }, -1);

      line_start = child;
      x += child_w;
      line_height = MAX (line_height, nat_h);
    }

  return y + line_height;
}

static void
veto_wrap_box_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int n = 0;

      /* at least the widest child; at best all on one line */
      *minimum = *natural = 0;
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min_w, nat_w;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
          *minimum = MAX (*minimum, min_w);
          *natural += nat_w + (n++ > 0 ? SPACING : 0);
        }
    }
  else
    {
      int width = for_size, min_w;

      if (width < 0)
        veto_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &width, NULL, NULL);
      *minimum = *natural = layout (widget, width, FALSE);
    }
}

static GtkSizeRequestMode
veto_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
veto_wrap_box_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  layout (widget, width, TRUE);
}

static void
veto_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (veto_wrap_box_parent_class)->dispose (object);
}

static void
veto_wrap_box_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  if (GTK_IS_WIDGET (child))
    veto_wrap_box_append (VETO_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
veto_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = veto_wrap_box_add_child;
}

static void
veto_wrap_box_class_init (VetoWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_wrap_box_dispose;
  widget_class->measure = veto_wrap_box_measure;
  widget_class->size_allocate = veto_wrap_box_size_allocate;
  widget_class->get_request_mode = veto_wrap_box_get_request_mode;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_wrap_box_init (VetoWrapBox *self)
{
}

GtkWidget *
veto_wrap_box_new (void)
{
  return g_object_new (VETO_TYPE_WRAP_BOX, NULL);
}

void
veto_wrap_box_append (VetoWrapBox *self,
                      GtkWidget   *child)
{
  g_return_if_fail (VETO_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}
