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

/* The wizard's second page: one radio row per region of the catalog, its
 * plain name and nothing else ("France and other European Union
 * countries"), then what the law says in the region chosen, folded under an
 * expander: a person picks where they live without first reading five
 * legal paragraphs, and a screen reader reads each name once, not a
 * paragraph with it.
 *
 * The radios are one group, so that the region list is one Tab stop and
 * the arrows move within it, as for any set of radios; the rows take no
 * focus of their own (a click on a row still chooses it). They are bound
 * to the window's stateful "win.region" action, so that the choice is
 * saved the moment it is made. */
struct _VetoRegionPage
{
  GtkWidget             parent_instance;

  AdwPreferencesGroup  *group;
  GtkLabel             *intro_label;
  GtkListBox           *list;
  GtkExpander          *law_expander;
  GtkLabel             *law_label;
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
  gtk_widget_class_bind_template_child (widget_class, VetoRegionPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, VetoRegionPage, list);
  gtk_widget_class_bind_template_child (widget_class, VetoRegionPage, law_expander);
  gtk_widget_class_bind_template_child (widget_class, VetoRegionPage, law_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_region_page_init (VetoRegionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* a screen reader entering the list hears the question and why it is
   * asked */
  veto_util_name_list (GTK_WIDGET (self->list),
                       adw_preferences_group_get_title (self->group),
                       gtk_label_get_text (self->intro_label));
}

/* The radio that became active is the region chosen, by a click, a key
 * or the action's state when the page is shown: its law goes under the
 * expander. */
static void
show_law (VetoRegionPage *self,
          VetoRegion     *region)
{
  gtk_label_set_text (self->law_label, veto_region_get_description (region));
  gtk_widget_set_visible (GTK_WIDGET (self->law_expander), TRUE);
}

static void
on_check_toggled (GtkCheckButton *check,
                  VetoRegionPage *self)
{
  if (gtk_check_button_get_active (check))
    show_law (self, g_object_get_data (G_OBJECT (check), "veto-region"));
}

GtkWidget *
veto_region_page_new (VetoChecklist *checklist)
{
  VetoRegionPage *self = g_object_new (VETO_TYPE_REGION_PAGE, NULL);
  GListModel *regions = veto_catalog_get_regions (veto_checklist_get_catalog (checklist));
  GtkCheckButton *first = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(VetoRegion) region = g_list_model_get_item (regions, i);
      GtkWidget *row = veto_row_new (veto_region_get_name (region), NULL);
      /* GTK 4.8 gives a grouped check button the checkbox role still */
      GtkWidget *check = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                       NULL);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* a group, not only the action's target: GTK then draws radios and
       * handles the arrows between them */
      if (first == NULL)
        first = GTK_CHECK_BUTTON (check);
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "win.region");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (check), "s", veto_region_get_id (region));
      g_object_set_data_full (G_OBJECT (check), "veto-region", g_object_ref (region), g_object_unref);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
      veto_row_add_prefix (VETO_ROW (row), check);
      veto_row_set_activatable_widget (VETO_ROW (row), check);
      veto_util_set_accessible_label (check, veto_region_get_name (region));
      /* the radio is the row's one Tab stop */
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->list, row);
    }

  /* a region chosen before: its law from the start, before the radios
   * find their action */
  {
    const char *chosen = veto_progress_store_get_region (veto_checklist_get_store (checklist));
    VetoRegion *region = chosen ? veto_catalog_lookup_region (veto_checklist_get_catalog (checklist), chosen) : NULL;

    if (region != NULL)
      show_law (self, region);
  }

  return GTK_WIDGET (self);
}
