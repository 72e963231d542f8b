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
#include "veto-checklist.h"
#include "veto-step-actions.h"
#include "veto-step-card.h"

/* One app's checklist for where the person lives: a card per step, with
 * a compact row per account inside it. The essential step (the objection)
 * comes first, with a complaint once Meta's refusal or silence makes it a
 * to-do; the rest is folded under "Going Further", counted apart, and
 * built when first unfolded. Of all the rows, only the most urgent wears
 * the suggested style: one blue button in view. The same page serves the
 * wizard and the dashboard. */
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
  GtkExpander   *more_expander;
  GtkLabel      *more_count_label;
  GtkBox        *more_box;
  GtkWidget     *empty_page;
  GtkScrolledWindow *scroller;

  /* the folded steps, built when first unfolded */
  GPtrArray     *more_steps;
  gboolean       more_built;

  /* a card to bring into view once the page has its size, and the card
   * last brought into view, marked */
  char          *reveal_step;
  char          *reveal_account;
  guint          reveal_id;
  GtkWidget     *marked;
  /* the row a link led to: while it asks for something, its button is
   * the page's suggested one */
  GtkWidget     *revealed;
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

  /* a complaint that becomes a to-do moves up to the first steps */
  {
    GListModel *tasks = veto_checklist_get_tasks (self->checklist);

    for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
      {
        g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
        VetoStep *step = veto_task_get_step (task);

        if (veto_task_get_app (task) == self->app && veto_step_get_conditional (step) &&
            veto_task_get_active (task))
          g_string_append_printf (key, "|!%s", veto_step_get_id (step));
      }
  }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
is_active_conditional (VetoAppPage *self,
                       VetoStep    *step)
{
  GListModel *tasks = veto_checklist_get_tasks (self->checklist);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      if (veto_task_get_step (task) == step && veto_task_get_active (task))
        return TRUE;
    }

  return FALSE;
}

static char **
dup_account_names (VetoAppPage *self,
                   char       **accounts)
{
  VetoProgressStore *store = veto_checklist_get_store (self->checklist);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint a = 0; accounts[a] != NULL; a++)
    {
      g_autofree char *name = veto_account_dup_name (store, veto_app_get_id (self->app), accounts[a]);

      g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

/* Calls @func on every row of every card built, first steps first. */
static void
foreach_actions (VetoAppPage *self,
                 void       (*func) (VetoStepActions *actions, gpointer data),
                 gpointer     data)
{
  GtkWidget *boxes[] = { GTK_WIDGET (self->steps_box), GTK_WIDGET (self->more_box) };

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    for (GtkWidget *card = gtk_widget_get_first_child (boxes[b]); card; card = gtk_widget_get_next_sibling (card))
      {
        g_autoptr(GPtrArray) rows = veto_step_card_list_actions (VETO_STEP_CARD (card));

        for (guint i = 0; i < rows->len; i++)
          func (g_ptr_array_index (rows, i), data);
      }
}

typedef struct
{
  VetoStepActions *best;
  VetoUrgency      urgency;
} Emphasis;

static void
find_most_urgent (VetoStepActions *actions,
                  gpointer         data)
{
  Emphasis *emphasis = data;
  VetoUrgency urgency = veto_step_actions_get_urgency (actions);

  /* the first of the most urgent, in the page's order; waiting for Meta
   * still earns the answer button its colour when nothing else is left */
  if (urgency <= VETO_URGENCY_WAITING && (emphasis->best == NULL || urgency < emphasis->urgency))
    {
      emphasis->best = actions;
      emphasis->urgency = urgency;
    }
}

static void
apply_emphasis (VetoStepActions *actions,
                gpointer         data)
{
  Emphasis *emphasis = data;

  veto_step_actions_set_emphasis (actions, actions == emphasis->best);
}

/* One suggested button in view: the most urgent row's. A folded row only
 * competes once unfolded. */
static void
update_emphasis (VetoAppPage *self)
{
  Emphasis emphasis = { NULL, VETO_URGENCY_NONE };

  if (self->revealed != NULL &&
      veto_urgency_is_pending (veto_step_actions_get_urgency (VETO_STEP_ACTIONS (self->revealed))))
    emphasis.best = VETO_STEP_ACTIONS (self->revealed);
  else
    foreach_actions (self, find_most_urgent, &emphasis);
  foreach_actions (self, apply_emphasis, &emphasis);
}

/* "2 of 6 done" beside "Going Further": the folded steps are counted
 * apart from the objection. */
static void
update_more_count (VetoAppPage *self)
{
  GListModel *tasks = veto_checklist_get_tasks (self->checklist);
  g_autofree char *count = NULL;
  g_autofree char *name = NULL;
  guint n = 0, done = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      if (veto_task_get_app (task) != self->app ||
          !g_ptr_array_find (self->more_steps, veto_task_get_step (task), NULL) ||
          !veto_task_counts (task))
        continue;
      n++;
      if (veto_task_is_progressed (task))
        done++;
    }

  if (n > 0)
    /* Translators: beside "Going Further": "2 of 6 done"; the plural
     * follows the total */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u done", "%u of %u done", n), done, n);
  else
    /* Translators: beside "Going Further" when the folded steps are only
     * information */
    count = g_strdup (_("to read"));
  gtk_label_set_text (self->more_count_label, count);

  /* GTK 4.8 names an expander after its type: it gets a name of its own */
  /* Translators: a screen reader's name for the folded steps: "Going Further, 2 of 6 done" */
  name = g_strdup_printf (_("Going Further, %s"), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* Whether a step is one of the first the page shows: the app's essential
 * step, and a complaint once it is a to-do. */
static gboolean
comes_first (VetoAppPage *self,
             VetoStep    *step)
{
  if (veto_step_get_essential (step))
    return TRUE;

  return veto_step_get_conditional (step) && is_active_conditional (self, step);
}

static GtkWidget *
card_new (VetoAppPage         *self,
          VetoStep            *step,
          const char * const  *accounts,
          const char * const  *names)
{
  gboolean per_account = veto_step_get_per_account (step) && accounts[0] != NULL;

  return veto_step_card_new (self->checklist, step,
                             per_account ? accounts : NULL,
                             per_account ? names : NULL);
}

static void
clear_box (GtkBox *box)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (box));
  GtkWidget *child;

  /* GTK 4.8 keeps a window's default widget past the widget's end: one of
   * these cards' buttons may be it (Enter presses the page's main one) */
  if (GTK_IS_WINDOW (root))
    {
      GtkWidget *def = gtk_window_get_default_widget (GTK_WINDOW (root));

      if (def != NULL && gtk_widget_is_ancestor (def, GTK_WIDGET (box)))
        gtk_window_set_default_widget (GTK_WINDOW (root), NULL);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* The folded steps' cards: made when the person first unfolds them, or
 * when a link leads to one of them. */
static void
build_more (VetoAppPage *self)
{
  VetoProgressStore *store = veto_checklist_get_store (self->checklist);
  const char *app_id = veto_app_get_id (self->app);
  g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, app_id);
  g_auto(GStrv) names = dup_account_names (self, accounts);

  if (self->more_built)
    return;
  self->more_built = TRUE;

  for (guint i = 0; i < self->more_steps->len; i++)
    gtk_box_append (self->more_box,
                    card_new (self, g_ptr_array_index (self->more_steps, i),
                              (const char * const *)accounts, (const char * const *)names));
  update_emphasis (self);
}

static void
on_more_expanded (VetoAppPage *self)
{
  if (gtk_expander_get_expanded (self->more_expander))
    build_more (self);
}

static void
rebuild (VetoAppPage *self)
{
  VetoProgressStore *store = veto_checklist_get_store (self->checklist);
  VetoCatalog *catalog = veto_checklist_get_catalog (self->checklist);
  const char *app_id = veto_app_get_id (self->app);
  g_autoptr(GListModel) steps = veto_catalog_list_steps (catalog, app_id, veto_progress_store_get_region (store));
  g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, app_id);
  g_auto(GStrv) names = NULL;
  guint n_steps = g_list_model_get_n_items (steps);
  guint n_first = 0;
  VetoStep *fallback_first = NULL;

  g_clear_weak_pointer (&self->marked);
  g_clear_weak_pointer (&self->revealed);
  clear_box (self->steps_box);
  clear_box (self->more_box);
  g_ptr_array_set_size (self->more_steps, 0);
  self->more_built = FALSE;

  g_free (self->layout_key);
  self->layout_key = compute_layout_key (self);
  names = dup_account_names (self, accounts);

  /* Without an essential step where the person lives, the first step to
   * do (the catalog lists what limits Meta's AI most first) leads. */
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);

      if (comes_first (self, step))
        n_first++;
      else if (fallback_first == NULL && veto_step_get_kind (step) != VETO_STEP_KIND_INFORMATION &&
               !veto_step_get_conditional (step))
        fallback_first = step;
    }

  /* One card per step: the step is explained once and each account gets
   * a compact row in it. */
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);

      if (comes_first (self, step) || (n_first == 0 && step == fallback_first))
        gtk_box_append (self->steps_box,
                        card_new (self, step, (const char * const *)accounts, (const char * const *)names));
      else
        g_ptr_array_add (self->more_steps, g_object_ref (step));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->more_expander), self->more_steps->len > 0);
  if (gtk_expander_get_expanded (self->more_expander))
    build_more (self);
  update_more_count (self);
  update_emphasis (self);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n_steps == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_box), n_steps > 0);
}

static void
on_store_changed (VetoAppPage       *self,
                  VetoProgressStore *store)
{
  g_autofree char *key = compute_layout_key (self);

  if (g_strcmp0 (key, self->layout_key) != 0)
    {
      rebuild (self);
      return;
    }
  update_more_count (self);
  update_emphasis (self);
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
  g_clear_pointer (&self->more_steps, g_ptr_array_unref);
  g_clear_weak_pointer (&self->marked);
  g_clear_weak_pointer (&self->revealed);

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
  gtk_widget_class_bind_template_child (widget_class, VetoAppPage, more_expander);
  gtk_widget_class_bind_template_child (widget_class, VetoAppPage, more_count_label);
  gtk_widget_class_bind_template_child (widget_class, VetoAppPage, more_box);
  gtk_widget_class_bind_template_callback (widget_class, on_more_expanded);
  gtk_widget_class_bind_template_child (widget_class, VetoAppPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VetoAppPage, scroller);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_app_page_init (VetoAppPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->more_steps = g_ptr_array_new_with_free_func (g_object_unref);
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

  /* after the checklist and the rows have followed the change: the page
   * reads both to choose its one suggested button */
  self->changed_id = g_signal_connect_object (veto_checklist_get_store (checklist), "changed",
                                              G_CALLBACK (on_store_changed), self,
                                              G_CONNECT_SWAPPED | G_CONNECT_AFTER);
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
  GtkWidget *boxes[2];

  g_return_val_if_fail (VETO_IS_APP_PAGE (self), NULL);

  /* a folded step is made on the way */
  for (guint i = 0; i < self->more_steps->len; i++)
    if (g_strcmp0 (veto_step_get_id (g_ptr_array_index (self->more_steps, i)), step_id) == 0)
      build_more (self);

  boxes[0] = GTK_WIDGET (self->steps_box);
  boxes[1] = GTK_WIDGET (self->more_box);
  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    for (GtkWidget *child = gtk_widget_get_first_child (boxes[b]);
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
  GtkWidget *card = target ? gtk_widget_get_ancestor (target, VETO_TYPE_STEP_CARD) : NULL;
  graphene_rect_t bounds;

  /* a folded step unfolds first */
  if (card != NULL && gtk_widget_is_ancestor (card, GTK_WIDGET (self->more_box)) &&
      !gtk_expander_get_expanded (self->more_expander))
    {
      gtk_expander_set_expanded (self->more_expander, TRUE);
      return G_SOURCE_CONTINUE;
    }

  /* not laid out yet: try again on the next round */
  if (target != NULL && gtk_widget_get_width (target) == 0)
    return G_SOURCE_CONTINUE;

  self->reveal_id = 0;

  if (target != NULL && gtk_widget_compute_bounds (card ? card : target, content, &bounds))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);

      /* the card's top, its title, a little below the top of the page */
      gtk_adjustment_set_value (adj, MAX (0, bounds.origin.y - 24));
      g_set_weak_pointer (&self->revealed, target);
      update_emphasis (self);
      veto_step_actions_focus_main (VETO_STEP_ACTIONS (target));

      /* and the card marked, so that the eye finds where it landed */
      if (self->marked != NULL)
        gtk_widget_remove_css_class (self->marked, "veto-marked");
      /* weak: a rebuild drops the cards */
      g_set_weak_pointer (&self->marked, card ? card : target);
      gtk_widget_add_css_class (self->marked, "veto-marked");
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

  /* no card was led to: the mark goes, the most urgent row leads again */
  if (self->marked != NULL)
    gtk_widget_remove_css_class (self->marked, "veto-marked");
  g_clear_weak_pointer (&self->marked);
  g_clear_weak_pointer (&self->revealed);
  update_emphasis (self);
}
