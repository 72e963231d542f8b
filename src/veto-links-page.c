/* veto-links-page.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "veto-link-result.h"
#include "veto-links-page.h"
#include "veto-util.h"

/* "Check links": a progress bar while the checker runs, then a result per
 * step: the steps whose links moved, broke or went silent first, each with
 * what was found, the path in the app and the other official links; then
 * the steps whose links answer. Nothing touches the network until the
 * person asks (the page starts a check only when told to). */
struct _VetoLinksPage
{
  GtkWidget            parent_instance;

  VetoChecklist       *checklist;
  VetoLinkChecker     *checker;
  GCancellable        *cancellable;

  GtkLabel            *status_label;
  GtkProgressBar      *progress_bar;
  GtkWidget           *stop_button;
  GtkWidget           *start_button;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;
  AdwPreferencesGroup *ok_group;
  GtkListBox          *ok_list;
};

G_DEFINE_FINAL_TYPE (VetoLinksPage, veto_links_page, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
update_progress (VetoLinksPage *self)
{
  guint done = veto_link_checker_get_n_done (self->checker);
  guint total = veto_link_checker_get_n_total (self->checker);
  gboolean running = veto_link_checker_get_running (self->checker);

  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double)done / total : 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running || done > 0);
  gtk_widget_set_visible (self->stop_button, running);
  gtk_widget_set_visible (self->start_button, !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "links.stop", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "links.start", !running);

  if (running)
    {
      /* Translators: "Checking link 12 of 48…" */
      g_autofree char *text = g_strdup_printf (_("Checking link %u of %u…"), MIN (done + 1, total), total);

      gtk_label_set_text (self->status_label, text);
    }
}

static void
on_progress (VetoLinksPage   *self,
             GParamSpec      *pspec,
             VetoLinkChecker *checker)
{
  update_progress (self);
}

/* The results of one step, its worst first. */
static VetoLinkVerdict
worst_verdict (GPtrArray *results)
{
  VetoLinkVerdict worst = VETO_LINK_VERDICT_OK;

  for (guint i = 0; i < results->len; i++)
    {
      VetoLinkVerdict v = veto_link_result_get_verdict (g_ptr_array_index (results, i));

      /* unreachable and broken weigh more than not checked (nothing is
       * known), which weighs more than moved */
      if (v == VETO_LINK_VERDICT_BROKEN || v == VETO_LINK_VERDICT_UNREACHABLE ||
          (v == VETO_LINK_VERDICT_NOT_CHECKED && (worst == VETO_LINK_VERDICT_OK || worst == VETO_LINK_VERDICT_MOVED)) ||
          (v == VETO_LINK_VERDICT_MOVED && worst == VETO_LINK_VERDICT_OK))
        worst = v;
    }

  return worst;
}

static GtkWidget *
open_button (VetoStep   *step,
             const char *url)
{
  GtkWidget *button = gtk_button_new_with_label (_("Open"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-url");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sss)", veto_step_get_id (step), "", url);
  /* Translators: the accessible name of a button that opens an address */
  {
    g_autofree char *name = g_strdup_printf (_("Open %s"), url);

    veto_util_set_accessible_label (button, name);
  }
  return button;
}

static GtkWidget *
problem_row (VetoLinksPage *self,
             VetoStep      *step,
             GPtrArray     *results)
{
  VetoCatalog *catalog = veto_checklist_get_catalog (self->checklist);
  VetoApp *app = veto_catalog_lookup_app (catalog, veto_step_get_app_id (step));
  VetoLinkVerdict worst = worst_verdict (results);
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = NULL;
  const char * const *fallbacks = veto_step_get_fallback_urls (step);

  /* Translators: an app, then a link check verdict: "Facebook — Broken" */
  subtitle = g_strdup_printf (_("%s — %s"), veto_app_get_name (app), veto_link_verdict_get_label (worst));
  veto_util_row_set_title (ADW_PREFERENCES_ROW (row), veto_step_get_title (step));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  for (guint i = 0; i < results->len; i++)
    {
      VetoLinkResult *result = g_ptr_array_index (results, i);
      g_autofree char *details = veto_link_result_dup_details (result);
      g_autofree char *line = NULL;
      GtkWidget *child;

      if (veto_link_result_get_verdict (result) == VETO_LINK_VERDICT_OK)
        continue;

      child = adw_action_row_new ();
      veto_util_row_set_title (ADW_PREFERENCES_ROW (child), veto_link_result_get_url (result));
      /* Translators: a verdict and what was found: "Broken: HTTP 404" */
      line = g_strdup_printf (_("%s: %s"), veto_link_verdict_get_label (veto_link_result_get_verdict (result)),
                              details ? details : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (child), line);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (child), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }

  if (veto_step_get_in_app_path (step) != NULL)
    {
      GtkWidget *child = adw_action_row_new ();

      veto_util_row_set_title (ADW_PREFERENCES_ROW (child), _("In the app"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (child), veto_step_get_in_app_path (step));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (child), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }

  for (guint i = 0; fallbacks != NULL && fallbacks[i] != NULL; i++)
    {
      GtkWidget *child = adw_action_row_new ();

      veto_util_row_set_title (ADW_PREFERENCES_ROW (child), _("Other official link"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (child), fallbacks[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (child), open_button (step, fallbacks[i]));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }

  return row;
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VetoLinksPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = veto_link_checker_check_finish (VETO_LINK_CHECKER (source), result, &error);
  VetoCatalog *catalog;
  GListModel *steps;
  guint n_problems = 0, n_ok = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (self->checklist != NULL)
        {
          gtk_label_set_text (self->status_label, _("Check stopped."));
          update_progress (self);
        }
      return;
    }

  if (self->checklist == NULL)
    return;

  update_progress (self);

  if (results == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The links could not be checked: %s"), error->message);

      gtk_label_set_text (self->status_label, text);
      return;
    }

  catalog = veto_checklist_get_catalog (self->checklist);
  steps = veto_catalog_get_steps (catalog);

  /* One row per step that names a link, in catalog order. */
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);
      g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint j = 0; j < g_list_model_get_n_items (results); j++)
        {
          g_autoptr(VetoLinkResult) r = g_list_model_get_item (results, j);

          if (veto_link_result_has_step (r, veto_step_get_id (step)))
            g_ptr_array_add (mine, g_steal_pointer (&r));
        }

      if (mine->len == 0)
        continue;

      if (worst_verdict (mine) != VETO_LINK_VERDICT_OK)
        {
          gtk_list_box_append (self->problems_list, problem_row (self, step, mine));
          n_problems++;
        }
      else
        {
          GtkWidget *row = adw_action_row_new ();
          VetoApp *app = veto_catalog_lookup_app (catalog, veto_step_get_app_id (step));

          veto_util_row_set_title (ADW_PREFERENCES_ROW (row), veto_step_get_title (step));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), veto_app_get_name (app));
          gtk_list_box_append (self->ok_list, row);
          n_ok++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_problems > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->ok_group), n_ok > 0);

  {
    g_autofree char *text = NULL;

    if (n_problems == 0)
      text = g_strdup_printf (_("All %u links answer as expected."), g_list_model_get_n_items (results));
    else
      /* Translators: "3 steps need a look; 18 answer as expected." */
      text = g_strdup_printf (_("Steps that need a look: %u. Steps whose links answer: %u."), n_problems, n_ok);
    gtk_label_set_text (self->status_label, text);
  }
}

/**
 * veto_links_page_start:
 * @self: a #VetoLinksPage
 *
 * Checks every link of the catalog, unless a check is already running.
 */
void
veto_links_page_start (VetoLinksPage *self)
{
  g_return_if_fail (VETO_IS_LINKS_PAGE (self));

  if (veto_link_checker_get_running (self->checker))
    return;

  clear_list (self->problems_list);
  clear_list (self->ok_list);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ok_group), FALSE);

  /* Offline, every link would come back "unreachable": say what is wrong
   * once, instead of a line per link. */
  if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    {
      gtk_label_set_text (self->status_label,
                          _("Your computer is offline. Connect to the internet, then press “Check Again”."));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "warning");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  {
    g_auto(GStrv) apps = veto_progress_store_dup_apps (veto_checklist_get_store (self->checklist));

    /* the person's apps first, should the check run out of time */
    g_object_set (self->checker, "first-apps", apps, NULL);
  }
  veto_link_checker_check_catalog_async (self->checker, veto_checklist_get_catalog (self->checklist),
                                         self->cancellable, on_checked, g_object_ref (self));
  update_progress (self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  veto_links_page_start (VETO_LINKS_PAGE (widget));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VetoLinksPage *self = VETO_LINKS_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
veto_links_page_dispose (GObject *object)
{
  VetoLinksPage *self = (VetoLinksPage *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_LINKS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->checklist);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (veto_links_page_parent_class)->dispose (object);
}

static void
veto_links_page_class_init (VetoLinksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_links_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-links-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoLinksPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, VetoLinksPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VetoLinksPage, stop_button);
  gtk_widget_class_bind_template_child (widget_class, VetoLinksPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, VetoLinksPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, VetoLinksPage, problems_list);
  gtk_widget_class_bind_template_child (widget_class, VetoLinksPage, ok_group);
  gtk_widget_class_bind_template_child (widget_class, VetoLinksPage, ok_list);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "links.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "links.stop", NULL, stop_action);
}

static void
veto_links_page_init (VetoLinksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  veto_util_fix_button_names (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ok_group), FALSE);
}

GtkWidget *
veto_links_page_new (VetoChecklist *checklist)
{
  VetoLinksPage *self = g_object_new (VETO_TYPE_LINKS_PAGE, NULL);

  self->checklist = g_object_ref (checklist);
  self->checker = veto_link_checker_new ();
  g_signal_connect_object (self->checker, "notify::n-done", G_CALLBACK (on_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checker, "notify::running", G_CALLBACK (on_progress), self, G_CONNECT_SWAPPED);
  gtk_label_set_text (self->status_label, _("Press “Check Again” to ask Meta’s pages whether they still answer."));
  update_progress (self);

  return GTK_WIDGET (self);
}

VetoLinkChecker *
veto_links_page_get_checker (VetoLinksPage *self)
{
  g_return_val_if_fail (VETO_IS_LINKS_PAGE (self), NULL);
  return self->checker;
}
