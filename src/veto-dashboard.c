/* veto-dashboard.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "veto-checklist.h"
#include "veto-dashboard.h"
#include "veto-earlier-group.h"
#include "veto-i18n.h"
#include "veto-overdue-group.h"
#include "veto-row.h"
#include "veto-util.h"

/* What later runs open on: what is due for a recheck first, then each app
 * and account with its progress; one click leads into an app's checklist. */
struct _VetoDashboard
{
  GtkWidget               parent_instance;

  VetoChecklist          *checklist;
  guint                   rebuild_id;

  GtkLabel               *summary_label;
  GtkProgressBar         *progress_bar;
  AdwPreferencesGroup    *due_group;
  GtkLabel               *due_intro;
  GtkListBox             *due_list;
  AdwPreferencesGroup    *waiting_group;
  GtkLabel               *waiting_intro;
  GtkListBox             *waiting_list;
  GtkListBox             *apps_list;
  GtkWidget              *continue_button;
  GtkWidget              *wizard_button;
  GtkLabel               *continue_label;

  /* Lazy rows: only what fits the first screen is built before it is
   * drawn; the other rows (a returning person may have dozens, each with
   * wrapping text) are built just after. @n_rows counts the rows of a
   * pass, built or not; a pass builds the rows from @first on. */
  guint                   n_rows;
  guint                   first;
  gboolean                drawn;
  GdkFrameClock          *frame_clock;
  gulong                  after_paint_id;
  guint                   pending_id;

  /* When the first screen is full of rows, what lies below them (the
   * apps' heading, steps recorded earlier, the wizard's button) is shown,
   * and the earlier group made, just after the first frame. */
  gboolean                lower_deferred;
  gboolean                apps_wanted;
  GtkWidget              *earlier_group;
};

/* rows a 760 x 720 px window shows under the heading and "Continue" (seven
 * and a part of an eighth when they are due for a recheck, a line each) */
#define FIRST_SCREEN_ROWS 8

G_DEFINE_FINAL_TYPE (VetoDashboard, veto_dashboard, GTK_TYPE_WIDGET)

/* Counts the next row, and says whether this pass builds it: before the
 * first frame, only the rows the first screen shows. */
static gboolean
take_row (VetoDashboard *self)
{
  guint index = self->n_rows++;

  if (!self->drawn)
    return index < FIRST_SCREEN_ROWS;
  return index >= self->first;
}

static void rebuild_rows (VetoDashboard *self);
static void show_lower (VetoDashboard *self);
static void update_lower (VetoDashboard *self);

static gboolean
add_pending_rows (gpointer user_data)
{
  VetoDashboard *self = user_data;

  self->pending_id = 0;
  /* a change since: the full rebuild on its way builds every row */
  if (self->rebuild_id != 0)
    return G_SOURCE_REMOVE;
  /* the same pass again, building what the first one left */
  self->first = FIRST_SCREEN_ROWS;
  self->n_rows = 0;
  rebuild_rows (self);
  self->first = 0;

  return G_SOURCE_REMOVE;
}

static void
on_after_paint (VetoDashboard *self,
                GdkFrameClock *clock)
{
  g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  self->drawn = TRUE;
  show_lower (self);
  if (self->n_rows > FIRST_SCREEN_ROWS && self->pending_id == 0 && self->rebuild_id == 0)
    self->pending_id = g_idle_add (add_pending_rows, self);
}

static void
veto_dashboard_map (GtkWidget *widget)
{
  VetoDashboard *self = VETO_DASHBOARD (widget);

  GTK_WIDGET_CLASS (veto_dashboard_parent_class)->map (widget);

  if (!self->drawn && self->frame_clock == NULL)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->after_paint_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                       G_CALLBACK (on_after_paint), self);
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
link_row (const char *title,
          const char *subtitle,
          const char *app_id)
{
  /* titles and subtitles come from the catalog and the person: text */
  GtkWidget *row = veto_row_new_link (title, subtitle);

  /* the arrow only shows that the row leads on: nothing to say */
  veto_row_add_suffix (VETO_ROW (row), g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                     NULL));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-app");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", app_id);

  return row;
}

/* A row that leads to one step of one account, scrolled into view. */
static GtkWidget *
task_row (const char *title,
          const char *subtitle,
          VetoTask   *task)
{
  GtkWidget *row = link_row (title, subtitle, veto_app_get_id (veto_task_get_app (task)));
  const char *account = veto_task_get_account_id (task);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-step");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)",
                                    veto_step_get_id (veto_task_get_step (task)),
                                    account ? account : "");
  return row;
}

/* "3 of 12 steps done or sent", the plural following the total: the
 * overview's heading, and the line under each app or account */
static char *
format_count (guint done,
              guint total)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: on the overview: "3 of 12 steps done or sent";
                                        * the plural follows the second number, the total */
                                       "%u of %u step done or sent",
                                       "%u of %u steps done or sent",
                                       total),
                          done, total);
}

static void
add_app_row (VetoDashboard *self,
             VetoApp       *app,
             const char    *title,
             const char    *account_id)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *bar;
  guint n, done;

  veto_checklist_count (self->checklist, app, account_id, &n, &done);
  if (n == 0 || !take_row (self))
    return;

  subtitle = format_count (done, n);
  row = link_row (title, subtitle, veto_app_get_id (app));
  {
    /* its most urgent step for that account (veto-lifecycle.c) */
    VetoTask *next = veto_checklist_find_next_for (self->checklist, app, account_id);

    /* straight to what is left for that account, scrolled into view */
    if (next != NULL)
      {
        const char *account = veto_task_get_account_id (next);

        gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-step");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)",
                                          veto_step_get_id (veto_task_get_step (next)),
                                          account ? account : "");
      }
  }
  bar = gtk_level_bar_new_for_interval (0, MAX (n, 1));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), done);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 64, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
  veto_row_add_prefix (VETO_ROW (row), bar);
  gtk_list_box_append (self->apps_list, row);
}

static void
rebuild (VetoDashboard *self)
{
  g_autofree char *summary = NULL;
  guint n_counted, n_done, n_objections, n_sent;
  VetoTask *next;

  clear_list (self->due_list);
  clear_list (self->waiting_list);
  clear_list (self->apps_list);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  self->n_rows = 0;
  self->first = 0;

  /* Sent objections count; information steps don't; once-per-app steps
   * count once: the total is the sum of the rows below. */
  veto_checklist_count (self->checklist, NULL, NULL, &n_counted, &n_done);
  veto_checklist_count_objections (self->checklist, &n_objections, &n_sent);
  /* The objections lead: "2 of 4 objections sent", and the bar says the
   * same. Every step, objections included, is counted only in the apps'
   * rows below: a second figure under the heading was one more line to
   * read (and lay out) on the screen a returning person opens each time. */
  if (n_objections > 0)
    {
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: the overview's heading; the plural
                                               * follows the second number, the total */
                                              "%u of %u objection sent",
                                              "%u of %u objections sent",
                                              n_objections),
                                 n_sent, n_objections);
      gtk_progress_bar_set_fraction (self->progress_bar, (double)n_sent / n_objections);
    }
  else if (n_counted > 0)
    {
      summary = format_count (n_done, n_counted);
      gtk_progress_bar_set_fraction (self->progress_bar, (double)n_done / n_counted);
    }
  else
    /* Translators: the overview's heading when the person's apps have only
     * information where they live, instead of "0 of 0 steps done or sent" */
    summary = g_strdup (_("Nothing to do for your apps where you live"));
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), n_counted > 0);
  /* "Your apps" lists the apps with something to do */
  self->apps_wanted = n_counted > 0;

  /* Continue where you left off: the next step due or to do. */
  next = veto_checklist_find_next (self->checklist);
  /* the button and the grid that places it (veto-dashboard.ui) */
  gtk_widget_set_visible (gtk_widget_get_parent (self->continue_button), next != NULL);
  if (next != NULL)
    {
      const char *account = veto_task_get_account_id (next);
      g_autofree char *where = NULL;

      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->continue_button), "win.show-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->continue_button), "(ss)",
                                        veto_step_get_id (veto_task_get_step (next)),
                                        account ? account : "");
      /* Translators: under "Continue Where You Left Off": an app, then a step's title */
      where = g_strdup_printf (_("%s: %s"), veto_app_get_name (veto_task_get_app (next)),
                               veto_step_get_title (veto_task_get_step (next)));
      gtk_label_set_text (self->continue_label, where);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->continue_label), next != NULL);

  rebuild_rows (self);

  /* the rows the first screen shows fill it: what is under them waits */
  self->lower_deferred = !self->drawn && self->n_rows > FIRST_SCREEN_ROWS;
  update_lower (self);
}

/* The groups under the rows: the apps' heading and list, the wizard's
 * button; hidden while deferred. */
static void
update_lower (VetoDashboard *self)
{
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->apps_list), ADW_TYPE_PREFERENCES_GROUP),
                          self->apps_wanted && !self->lower_deferred);
  gtk_widget_set_visible (gtk_widget_get_ancestor (self->wizard_button, ADW_TYPE_PREFERENCES_GROUP),
                          !self->lower_deferred);
}

static void
show_lower (VetoDashboard *self)
{
  if (self->earlier_group == NULL && self->checklist != NULL)
    {
      GtkWidget *apps_group = gtk_widget_get_ancestor (GTK_WIDGET (self->apps_list), ADW_TYPE_PREFERENCES_GROUP);

      /* steps recorded earlier close the overview (veto-earlier-group.c) */
      self->earlier_group = veto_earlier_group_new (self->checklist);
      gtk_widget_insert_after (self->earlier_group, gtk_widget_get_parent (apps_group), apps_group);
    }
  self->lower_deferred = FALSE;
  update_lower (self);
}

/* One row of "Due for a Recheck": a step, why, and the accounts */
typedef struct
{
  VetoTask *task;
  GString  *accounts;
  char     *why;
} DueRow;

static void
due_row_free (DueRow *row)
{
  g_object_unref (row->task);
  g_string_free (row->accounts, TRUE);
  g_free (row->why);
  g_free (row);
}

/* The rows of the three lists, in order; a pass builds those take_row()
 * says, and shows the groups that have rows, built or not. */
static void
rebuild_rows (VetoDashboard *self)
{
  VetoProgressStore *store = veto_checklist_get_store (self->checklist);
  VetoCatalog *catalog = veto_checklist_get_catalog (self->checklist);
  GListModel *tasks = veto_checklist_get_tasks (self->checklist);
  GListModel *apps = veto_catalog_get_apps (catalog);
  guint n_due = 0, n_waiting = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      /* what waits for Meta's confirmation; an overdue one is listed once,
       * under "No Answer From Meta" */
      if (veto_task_get_state (task) != VETO_STEP_STATE_SUBMITTED || veto_task_get_needs_follow_up (task))
        continue;
      n_waiting++;
      if (take_row (self))
        {
          g_autofree char *place = veto_task_dup_place (task, NULL);
          g_autoptr(GDateTime) submitted =
            veto_progress_store_dup_submitted (store, veto_step_get_id (veto_task_get_step (task)),
                                               veto_task_get_account_id (task));
          g_autofree char *sent = submitted ? veto_format_date (submitted) : NULL;
          g_autofree char *waiting = NULL;

          /* Translators: app and account, date: "Facebook, Personal — sent on March 1, 2027" */
          waiting = g_strdup_printf (_("%s — sent on %s"), place, sent ? sent : "");
          gtk_list_box_append (self->waiting_list,
                               task_row (veto_step_get_title (veto_task_get_step (task)), waiting, task));
        }
    }

  /* What is due comes first, the longest due first, with why: one row
   * per step and reason, naming every account it is due for (a step's
   * reason is the same for all of them, and a person with three accounts
   * read it three times), on one line; the step's card says it whole. */
  {
    GListModel *due = veto_checklist_get_due_tasks (self->checklist);
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)due_row_free);
    g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < g_list_model_get_n_items (due); i++)
      {
        g_autoptr(VetoTask) task = g_list_model_get_item (due, i);
        g_autofree char *account = veto_account_get_display_name (veto_task_get_account_label (task),
                                                                  veto_task_get_account_id (task));
        g_autofree char *why = NULL;
        g_autofree char *key = NULL;
        DueRow *row;

        why = veto_task_get_due_reason (task) != NULL ? g_strdup (veto_task_get_due_reason (task))
                                                      : veto_format_date (veto_task_get_due_date (task));
        key = g_strdup_printf ("%s\x1f%d\x1f%s", veto_step_get_id (veto_task_get_step (task)),
                               veto_task_get_due_reason (task) != NULL, why);
        row = g_hash_table_lookup (by_key, key);
        if (row != NULL)
          {
            /* Translators: between two of a person's accounts in a list:
             * "Facebook, Personal, Work — The form moved." */
            g_string_append (row->accounts, _(", "));
            g_string_append (row->accounts, account);
            continue;
          }

        row = g_new0 (DueRow, 1);
        row->task = g_object_ref (task);
        row->accounts = g_string_new (account);
        row->why = g_steal_pointer (&why);
        g_ptr_array_add (rows, row);
        g_hash_table_insert (by_key, g_steal_pointer (&key), row);
      }

    for (guint i = 0; i < rows->len; i++)
      {
        DueRow *due_row = g_ptr_array_index (rows, i);
        VetoTask *task = due_row->task;
        g_autofree char *subtitle = NULL;
        g_autofree char *place = NULL;
        GtkWidget *row;

        n_due++;
        if (!take_row (self))
          continue;

        place = veto_task_dup_place (task, due_row->accounts->str);
        if (veto_task_get_due_reason (task) != NULL)
          /* Translators: app and accounts, what changed: "Facebook, Personal — The form moved." */
          subtitle = g_strdup_printf (_("%s — %s"), place, due_row->why);
        else
          /* Translators: app and accounts, date: "Facebook, Personal — due since March 1, 2027" */
          subtitle = g_strdup_printf (_("%s — due since %s"), place, due_row->why);
        row = task_row (veto_step_get_title (veto_task_get_step (task)), subtitle, task);
        veto_row_set_subtitle_one_line (VETO_ROW (row));
        gtk_list_box_append (self->due_list, row);
      }
  }
  gtk_widget_set_visible (GTK_WIDGET (self->due_group), n_due > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_group), n_waiting > 0);

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (apps, i);
      g_auto(GStrv) accounts = NULL;
      guint n_accounts;

      if (!veto_progress_store_has_app (store, veto_app_get_id (app)))
        continue;

      accounts = veto_progress_store_dup_accounts (store, veto_app_get_id (app));
      n_accounts = g_strv_length (accounts);

      if (n_accounts < 2)
        {
          add_app_row (self, app, veto_app_get_name (app), NULL);
          continue;
        }

      for (guint a = 0; a < n_accounts; a++)
        {
          g_autofree char *name = veto_account_dup_name (store, veto_app_get_id (app), accounts[a]);
          /* Translators: an app and one of the person's accounts: "Instagram — Work" */
          g_autofree char *title = g_strdup_printf (_("%s — %s"), veto_app_get_name (app), name);

          add_app_row (self, app, title, accounts[a]);
        }

      /* steps done once for all the app's accounts, in a row of their own */
      {
        /* Translators: an app's steps done once for all its accounts: "Instagram — all accounts" */
        g_autofree char *title = g_strdup_printf (_("%s — all accounts"), veto_app_get_name (app));

        add_app_row (self, app, title, "");
      }
    }
}

static gboolean
rebuild_idle (gpointer user_data)
{
  VetoDashboard *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
on_items_changed (VetoDashboard *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static void
veto_dashboard_dispose (GObject *object)
{
  GtkWidget *child;
  VetoDashboard *self = (VetoDashboard *)object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_DASHBOARD);
  /* dispose_template() only drops bound children; the layout's own child
   * must go too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (veto_dashboard_parent_class)->dispose (object);
}

static void
veto_dashboard_class_init (VetoDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_dashboard_dispose;
  widget_class->map = veto_dashboard_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, due_group);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, due_list);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, waiting_group);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, apps_list);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, due_intro);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, waiting_intro);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, continue_button);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, wizard_button);
  gtk_widget_class_bind_template_child (widget_class, VetoDashboard, continue_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_dashboard_init (VetoDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  veto_util_wrap_button_label (GTK_BUTTON (self->wizard_button));
  veto_util_wrap_button_label (GTK_BUTTON (self->continue_button));
  veto_util_fix_button_names (GTK_WIDGET (self));
  /* The focus starts on Continue: the heading's figure ("1 of 4
   * objections sent") and the step it leads to come with it, as a
   * returning person sees them around it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->continue_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->summary_label, self->continue_label, NULL,
                                  -1);
  /* a screen reader entering a list hears its heading and the lines
   * under it */
  veto_util_name_list (GTK_WIDGET (self->due_list), _("Due for a recheck"),
                       gtk_label_get_text (self->due_intro));
  veto_util_name_list (GTK_WIDGET (self->waiting_list), _("Waiting for Meta"),
                       gtk_label_get_text (self->waiting_intro));
}

GtkWidget *
veto_dashboard_new (VetoChecklist *checklist)
{
  VetoDashboard *self = g_object_new (VETO_TYPE_DASHBOARD, NULL);

  self->checklist = g_object_ref (checklist);
  g_signal_connect_object (veto_checklist_get_tasks (checklist), "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);

  /* Meta's refusals and silences lead; steps recorded earlier close the
   * overview (veto-overdue-group.c, veto-earlier-group.c) */
  {
    GtkWidget *groups = gtk_widget_get_parent (GTK_WIDGET (self->due_group));
    gtk_widget_insert_before (veto_overdue_group_new (checklist, TRUE), groups, GTK_WIDGET (self->due_group));
    gtk_widget_insert_before (veto_overdue_group_new (checklist, FALSE), groups, GTK_WIDGET (self->due_group));
    if (!self->lower_deferred)
      show_lower (self);
  }

  return GTK_WIDGET (self);
}
