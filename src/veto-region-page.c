/* veto-region-page.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "veto-region-page.h"
#include "veto-row.h"
#include "veto-util.h"

/* The wizard's second page: one radio row per region of the catalog, each
 * saying in one line what living there means for the right to object. The
 * radios are bound to the window's stateful "win.region" action, so that
 * the choice is saved the moment it is made. */
struct _VetoRegionPage
{
  GtkWidget             parent_instance;

  AdwPreferencesGroup  *group;
  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (VetoRegionPage, veto_region_page, GTK_TYPE_WIDGET)

static void
veto_region_page_dispose (GObject *object)
{
  GtkWidget *child;
  gtk_widget_dispose_template (GTK_WIDGET (object), VETO_TYPE_REGION_PAGE);
  /* dispose_template() only drops bound children; the layout's own child
   * must go too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (veto_region_page_parent_class)->dispose (object);
}

static void
veto_region_page_class_init (VetoRegionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_region_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-region-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoRegionPage, group);
  gtk_widget_class_bind_template_child (widget_class, VetoRegionPage, list);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_region_page_init (VetoRegionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
veto_region_page_new (VetoChecklist *checklist)
{
  VetoRegionPage *self = g_object_new (VETO_TYPE_REGION_PAGE, NULL);
  GListModel *regions = veto_catalog_get_regions (veto_checklist_get_catalog (checklist));

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(VetoRegion) region = g_list_model_get_item (regions, i);
      /* long descriptions: a VetoRow lays them out in a fraction of the
       * time (veto-row.c) */
      GtkWidget *row = veto_row_new (veto_region_get_name (region), veto_region_get_description (region));
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "win.region");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (check), "s", veto_region_get_id (region));
      veto_row_add_prefix (VETO_ROW (row), check);
      veto_row_set_activatable_widget (VETO_ROW (row), check);
      veto_util_set_accessible_label (check, veto_region_get_name (region));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, veto_region_get_description (region),
                                      -1);
      gtk_list_box_append (self->list, row);
    }

  return GTK_WIDGET (self);
}
