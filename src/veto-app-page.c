/* veto-app-page.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "veto-app-page.h"
#include "veto-status.h"
#include "veto-step-actions.h"
#include "veto-step-card.h"

/* One app's checklist for where the person lives: a card per step, in
 * catalog order, with a compact row per account inside it. The same page
 * serves the wizard and the dashboard. */
struct _VetoAppPage
{
  GtkWidget      parent_instance;

  VetoChecklist *checklist;
  VetoApp       *app;

  /* what the cards were built for: region and accounts; the cards follow
   * state changes themselves, so only this triggers a rebuild */
  char          *layout_key;
  gulong         changed_id;

  /* template widgets */
  GtkLabel      *title_label;
  GtkLabel      *description_label;
  GtkBox        *steps_box;
  GtkWidget     *empty_page;
  GtkScrolledWindow *scroller;

  /* a card to bring into view once the page has its size */
  char          *reveal_step;
  char          *reveal_account;
  guint          reveal_id;
};

G_DEFINE_FINAL_TYPE (VetoAppPage, veto_app_page, GTK_TYPE_WIDGET)

static char *
compute_layout_key (VetoAppPage *self)
{
  VetoProgressStore *store = veto_checklist_get_store (self->checklist);
  g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, veto_app_get_id (self->app));
  g_autoptr(GString) key = g_string_new (veto_progress_store_get_region (store));

  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *label = veto_progress_store_dup_account_label (store, veto_app_get_id (self->app), accounts[i]);

      g_string_append_printf (key, "|%s=%s", accounts[i], label ? label : "");
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static void
rebuild (VetoAppPage *self)
{
  VetoProgressStore *store = veto_checklist_get_store (self->checklist);
  VetoCatalog *catalog = veto_checklist_get_catalog (self->checklist);
  const char *app_id = veto_app_get_id (self->app);
  g_autoptr(GListModel) steps = veto_catalog_list_steps (catalog, app_id, veto_progress_store_get_region (store));
  g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, app_id);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint n_steps = g_list_model_get_n_items (steps);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box))))
    gtk_box_remove (self->steps_box, child);

  g_free (self->layout_key);
  self->layout_key = compute_layout_key (self);

  for (guint a = 0; accounts[a] != NULL; a++)
    {
      g_autofree char *name = veto_account_dup_name (store, app_id, accounts[a]);

      g_strv_builder_add (builder, name);
    }
  names = g_strv_builder_end (builder);

  /* One card per step, in the catalog's order: the step is explained once
   * and each account gets a compact row in it. */
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);
      gboolean per_account = veto_step_get_per_account (step) && accounts[0] != NULL;

      gtk_box_append (self->steps_box,
                      veto_step_card_new (self->checklist, step,
                                          per_account ? (const char * const *)accounts : NULL,
                                          per_account ? (const char * const *)names : NULL));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n_steps == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_box), n_steps > 0);
}

static void
on_store_changed (VetoAppPage       *self,
                  VetoProgressStore *store)
{
  g_autofree char *key = compute_layout_key (self);

  if (g_strcmp0 (key, self->layout_key) != 0)
    rebuild (self);
}

static void
veto_app_page_dispose (GObject *object)
{
  GtkWidget *child;
  VetoAppPage *self = (VetoAppPage *)object;

  if (self->checklist != NULL)
    g_clear_signal_handler (&self->changed_id, veto_checklist_get_store (self->checklist));
  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_APP_PAGE);
  /* dispose_template() only drops bound children; the layout's own child
   * must go too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->checklist);
  g_clear_object (&self->app);
  g_clear_pointer (&self->layout_key, g_free);
  g_clear_pointer (&self->reveal_step, g_free);
  g_clear_pointer (&self->reveal_account, g_free);
  g_clear_handle_id (&self->reveal_id, g_source_remove);

  G_OBJECT_CLASS (veto_app_page_parent_class)->dispose (object);
}

static void
veto_app_page_class_init (VetoAppPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_app_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-app-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoAppPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, VetoAppPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, VetoAppPage, steps_box);
  gtk_widget_class_bind_template_child (widget_class, VetoAppPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VetoAppPage, scroller);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_app_page_init (VetoAppPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
veto_app_page_new (VetoChecklist *checklist,
                   VetoApp       *app)
{
  VetoAppPage *self = g_object_new (VETO_TYPE_APP_PAGE, NULL);

  self->checklist = g_object_ref (checklist);
  self->app = g_object_ref (app);

  gtk_label_set_text (self->title_label, veto_app_get_name (app));
  gtk_label_set_text (self->description_label, veto_app_get_description (app));
  /* the page names itself, so that assistive technologies (and the
   * end-to-end tests) know which page is on screen */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, veto_app_get_name (app),
                                  -1);

  self->changed_id = g_signal_connect_object (veto_checklist_get_store (checklist), "changed",
                                              G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}

VetoApp *
veto_app_page_get_app (VetoAppPage *self)
{
  g_return_val_if_fail (VETO_IS_APP_PAGE (self), NULL);
  return self->app;
}

/**
 * veto_app_page_find_card:
 * @account_id: (nullable): the account, or %NULL or "" for a step done once
 *
 * Returns: (transfer none) (nullable): what to do for that step and
 *   account (a #VetoStepActions, inside the step's card)
 */
GtkWidget *
veto_app_page_find_card (VetoAppPage *self,
                         const char  *step_id,
                         const char  *account_id)
{
  g_return_val_if_fail (VETO_IS_APP_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (VETO_IS_STEP_CARD (child) &&
          g_strcmp0 (veto_step_get_id (veto_step_card_get_step (VETO_STEP_CARD (child))), step_id) == 0)
        return veto_step_card_find_actions (VETO_STEP_CARD (child), account_id);
    }

  return NULL;
}

static gboolean
reveal_idle (gpointer user_data)
{
  VetoAppPage *self = user_data;
  GtkWidget *target = veto_app_page_find_card (self, self->reveal_step, self->reveal_account);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_rect_t bounds;

  /* not laid out yet: try again on the next round */
  if (target != NULL && gtk_widget_get_width (target) == 0)
    return G_SOURCE_CONTINUE;

  self->reveal_id = 0;

  if (target != NULL && gtk_widget_compute_bounds (target, content, &bounds))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);

      /* the card's top a little below the top of the page */
      gtk_adjustment_set_value (adj, MAX (0, bounds.origin.y - 24));
      veto_step_actions_focus_main (VETO_STEP_ACTIONS (target));
    }

  return G_SOURCE_REMOVE;
}

/**
 * veto_app_page_reveal:
 * @account_id: (nullable): the account, or %NULL or "" for a step done once
 *
 * Scrolls that step and account into view and gives its first button the
 * keyboard focus, as soon as the page is laid out: the overview's rows lead
 * to the exact place, not to the top of the page.
 */
void
veto_app_page_reveal (VetoAppPage *self,
                      const char  *step_id,
                      const char  *account_id)
{
  g_return_if_fail (VETO_IS_APP_PAGE (self));

  g_free (self->reveal_step);
  g_free (self->reveal_account);
  self->reveal_step = g_strdup (step_id);
  self->reveal_account = g_strdup (account_id ? account_id : "");
  if (self->reveal_id == 0)
    self->reveal_id = g_timeout_add (20, reveal_idle, self);
}

/**
 * veto_app_page_scroll_to_top:
 *
 * For a page opened from a list of apps: start at its beginning.
 */
void
veto_app_page_scroll_to_top (VetoAppPage *self)
{
  g_return_if_fail (VETO_IS_APP_PAGE (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}
