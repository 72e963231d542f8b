/* veto-step-actions.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "veto-checklist.h"
#include "veto-date-popover.h"
#include "veto-i18n.h"
#include "veto-lifecycle.h"
#include "veto-step-actions.h"
#include "veto-step-menu.h"
#include "veto-util.h"
#include "veto-wrap-box.h"

/* What a person does about one step for one account: its state, the
 * buttons to act on it, the dates recorded (and "Correct Dates…" to set
 * them to the real day), Meta's refusal or silence, a note; Meta's email
 * dropped on it is kept as proof. A step card (see
 * VetoStepCard) explains the step once and holds one of these per account,
 * so three Instagram accounts make one card with three compact rows, not
 * three copies of the explanation. Every button is a win.* action with the
 * step and account as its target, so that tests and keyboard shortcuts go
 * through the same path as a click. It follows the progress store and
 * updates in place, so that keyboard focus stays where the person left it. */
struct _VetoStepActions
{
  GtkWidget          parent_instance;

  VetoChecklist     *checklist;
  VetoProgressStore *store;
  VetoStep          *step;
  char              *account_id;   /* "" for a step done once per app */
  gulong             changed_id;
  gulong             read_only_id;

  /* template widgets */
  GtkWidget         *box;
  GtkLabel          *name_label;
  GtkLabel          *state_label;
  GtkLabel          *lead_label;
  GtkLabel          *dates_label;
  GtkLabel          *due_label;
  GtkWidget         *actions_box;
  GtkButton         *open_button;
  GtkButton         *submitted_button;
  GtkMenuButton     *answer_button;
  GtkButton         *complain_button;
  GtkButton         *confirmed_button;
  GtkButton         *done_button;
  GtkButton         *recheck_button;
  GtkButton         *export_button;
  GtkButton         *checked_button;
  /* "Recheck Now" pressed: a check under way, until the person says it
   * is done (or the step is no longer due) */
  gboolean           checking;
  GtkMenuButton     *more_button;
  GtkRevealer       *fallback_revealer;
  GtkBox            *fallback_box;
  GtkWidget         *note_list;
  AdwEntryRow       *note_row;
  gboolean           note_wanted;
  VetoStepState      menu_state;

  /* the button the state asks for (see update()), and whether it is the
   * page's one suggested action (veto_step_actions_set_emphasis()) */
  GtkWidget         *main_button;
  gboolean           emphasis;
  /* the line under the card's title, when the card shows it above
   * several accounts' rows: the first row's main button says it */
  char              *card_lead;
  /* the state last shown: focus follows a change of it */
  VetoStepState      shown_state;
  gboolean           shown_urgent;
  gboolean           shown_valid;

  /* "Correct Dates…", with its calendar */
  GtkMenuButton     *dates_button;
  VetoDatePopover   *date_popover;
};

G_DEFINE_FINAL_TYPE (VetoStepActions, veto_step_actions, GTK_TYPE_WIDGET)

static const char * const state_classes[] = {
  "veto-state-todo", "veto-state-submitted", "veto-state-confirmed",
  "veto-state-done", "veto-state-skipped", "veto-state-not-applicable",
  "veto-state-refused",
};
G_STATIC_ASSERT (G_N_ELEMENTS (state_classes) == VETO_STEP_STATE_LAST + 1);

static const char *
account_or_null (VetoStepActions *self)
{
  return *self->account_id ? self->account_id : NULL;
}

static void
set_action (GtkWidget  *widget,
            const char *action,
            const char *format,
            ...)
{
  va_list args;
  GVariant *target;

  va_start (args, format);
  target = g_variant_new_va (format, NULL, &args);
  va_end (args);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (widget), target);
}

static void
show_action (GtkWidget *button,
             gboolean   visible)
{
  gtk_widget_set_visible (button, visible);
}

/* This card's task in the checklist, for what is due and why. */
static VetoTask *
find_task (VetoStepActions *self)
{
  GListModel *tasks = veto_checklist_get_tasks (self->checklist);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      if (veto_task_get_step (task) == self->step &&
          g_strcmp0 (veto_task_get_account_id (task), account_or_null (self)) == 0)
        return g_steal_pointer (&task);
    }

  return NULL;
}

static char *
format_dates (VetoStepActions *self)
{
  const char *step_id = veto_step_get_id (self->step);
  const char *account = account_or_null (self);
  g_autoptr(GDateTime) submitted = veto_progress_store_dup_submitted (self->store, step_id, account);
  g_autoptr(GDateTime) confirmed = veto_progress_store_dup_confirmed (self->store, step_id, account);
  g_autoptr(GDateTime) checked = veto_progress_store_dup_checked (self->store, step_id, account);
  g_autoptr(GString) text = g_string_new (NULL);

  if (submitted != NULL)
    {
      g_autofree char *date = veto_format_date (submitted);

      /* Translators: %s is a date */
      g_string_append_printf (text, _("Submitted on %s."), date);
    }
  {
    g_autoptr(VetoTask) task = find_task (self);

    /* every sent objection says by when Meta must answer, or that
     * nothing sets a day where the person lives */
    if (task != NULL && !veto_task_get_overdue (task))
      {
        g_autofree char *sentence = veto_task_dup_answer_due_sentence (task);

        if (sentence != NULL && text->len > 0)
          g_string_append_c (text, ' ');
        if (sentence != NULL)
          g_string_append (text, sentence);
      }
  }
  if (confirmed != NULL)
    {
      g_autofree char *date = veto_format_date (confirmed);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: %s is a date */
      g_string_append_printf (text, _("Meta confirmed on %s."), date);
    }
  if (checked != NULL)
    {
      g_autofree char *date = veto_format_date (checked);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: %s is a date */
      g_string_append_printf (text, _("Last checked on %s."), date);
    }
  {
    g_autoptr(VetoEvidenceInfo) evidence = veto_progress_store_dup_evidence (self->store, step_id, account);

    if (evidence != NULL)
      {
        if (text->len > 0)
          g_string_append_c (text, ' ');
        g_string_append (text, _("Meta’s email is kept as proof."));
      }
  }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Only the page's most urgent row wears the suggested style: the app
 * page says which (veto_step_actions_set_emphasis()). */
static void
apply_emphasis (VetoStepActions *self)
{
  GtkWidget *buttons[7];

  /* a row whose card is being taken down has no buttons left */
  if (self->open_button == NULL)
    return;

  buttons[0] = GTK_WIDGET (self->open_button);
  buttons[1] = GTK_WIDGET (self->recheck_button);
  buttons[2] = GTK_WIDGET (self->answer_button);
  buttons[3] = GTK_WIDGET (self->complain_button);
  buttons[4] = GTK_WIDGET (self->done_button);
  buttons[5] = GTK_WIDGET (self->submitted_button);
  buttons[6] = GTK_WIDGET (self->checked_button);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      if (self->emphasis && buttons[i] == self->main_button)
        gtk_widget_add_css_class (buttons[i], "suggested-action");
      else
        gtk_widget_remove_css_class (buttons[i], "suggested-action");
    }
}

/* One more sentence of a description: a label that ends its sentence
 * itself ("… overdue since 2 November 2026.") got a second full stop. */
static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (sentence == NULL || *sentence == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, text->str[text->len - 1] == '.' ? " " : ". ");
  g_string_append (text, sentence);
}

/* The control that takes the keyboard focus for @button: a menu button's
 * is its inner toggle button. */
static GtkWidget *
focusable_of (GtkWidget *button)
{
  return GTK_IS_MENU_BUTTON (button) ? gtk_widget_get_first_child (button) : button;
}

/* What a screen reader says with the row: its state and its dates, which a
 * sighted person reads in the pill and the line under the buttons, then
 * the line that says what the step does, which a sighted person read
 * first under the title. Orca reads no description but the focused
 * control's (a card's, a group's, is never said), and it reads only
 * showing labels beside it, which GTK 4.8 marks none: all of it goes on
 * the main button, where the focus lands when the page opens, and on the
 * ⋮ button of a row that has none. */
static void
update_description (VetoStepActions *self,
                    VetoStepState    state,
                    VetoTask        *task,
                    const char      *dates)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *buttons[] = {
    GTK_WIDGET (self->open_button), GTK_WIDGET (self->submitted_button),
    GTK_WIDGET (self->answer_button), GTK_WIDGET (self->complain_button),
    GTK_WIDGET (self->confirmed_button), GTK_WIDGET (self->done_button),
    GTK_WIDGET (self->recheck_button), GTK_WIDGET (self->export_button),
    GTK_WIDGET (self->checked_button), GTK_WIDGET (self->more_button),
  };
  GtkWidget *described = self->main_button != NULL ? self->main_button : GTK_WIDGET (self->more_button);

  if (gtk_widget_get_visible (GTK_WIDGET (self->state_label)))
    append_sentence (text, gtk_label_get_text (self->state_label));
  if (gtk_widget_get_visible (GTK_WIDGET (self->due_label)))
    append_sentence (text, gtk_label_get_text (self->due_label));
  append_sentence (text, dates);
  if (gtk_widget_get_visible (GTK_WIDGET (self->lead_label)))
    append_sentence (text, gtk_label_get_text (self->lead_label));
  else
    append_sentence (text, self->card_lead);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
  /* a button that was the main one says no state it no longer shows,
   * only its tooltip, which GTK makes its description */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *focusable = focusable_of (buttons[i]);
      const char *tooltip = gtk_widget_get_tooltip_text (focusable);

      if (buttons[i] == described)
        continue;
      if (tooltip != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (focusable),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (focusable),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (focusable_of (described)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void ensure_note_row (VetoStepActions *self);

static void
update (VetoStepActions *self)
{
  const char *step_id = veto_step_get_id (self->step);
  VetoStepState state = veto_progress_store_get_state (self->store, step_id, account_or_null (self));
  VetoStepKind kind = veto_step_get_kind (self->step);
  gboolean read_only = veto_progress_store_get_read_only (self->store);
  g_autofree char *dates = format_dates (self);
  g_autofree char *note = veto_progress_store_dup_note (self->store, step_id, account_or_null (self));
  g_autoptr(VetoTask) own_task = find_task (self);
  gboolean follows = own_task != NULL && veto_task_get_followed (own_task) != NULL;
  GtkWidget *focus;
  GtkRoot *root;

  if (follows)
    state = veto_task_get_state (own_task);

  /* a complaint step is not a to-do until Meta refuses or lets its answer
   * period pass */
  gtk_label_set_text (self->state_label,
                      own_task != NULL && !veto_task_get_active (own_task)
                        ? C_("state", "Only if needed")
                        : veto_step_state_get_label (state));
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), state_classes[i]);
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "veto-state-overdue");
  /* sent, and Meta's answer period is over: a pill of its own */
  if (own_task != NULL && veto_task_get_overdue (own_task))
    {
      gtk_label_set_text (self->state_label, C_("state", "No Answer in Time"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "veto-state-overdue");
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), state_classes[state]);

  /* A step that is the same thing as another (SameAs=) shows that step's
   * state and asks for nothing here. */
  if (follows)
    {
      g_autofree char *name = veto_task_dup_followed_name (own_task);

      g_free (dates);
      /* Translators: %s is the title of the step whose state this one takes */
      dates = g_strdup_printf (_("Same as: %s"), name);
    }

  gtk_label_set_text (self->dates_label, dates);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_label), *dates != '\0');

  /* Due for a recheck: say why, and offer to do it now. */
  {
    g_autoptr(VetoTask) task = find_task (self);
    gboolean due = task != NULL && veto_task_get_due (task);

    if (due)
      {
        g_autofree char *text = NULL;

        if (veto_task_get_due_reason (task) != NULL)
          /* Translators: %s says what changed in the steps */
          text = g_strdup_printf (_("Due for a recheck: %s"), veto_task_get_due_reason (task));
        else
          {
            g_autofree char *date = veto_format_date (veto_task_get_due_date (task));

            /* Translators: %s is a date */
            text = g_strdup_printf (_("Due for a recheck since %s"), date);
          }
        gtk_label_set_text (self->due_label, text);
      }
    else if (task != NULL)
      {
        /* Meta refused, or did not answer in time; or this step is what
         * to do about it */
        g_autofree char *overdue = veto_task_dup_overdue_sentence (task);
        const char *hint = !VETO_STEP_STATE_IS_FINISHED (state) ? veto_task_get_attach_hint (task) : NULL;

        if (overdue != NULL || hint != NULL)
          {
            gtk_label_set_text (self->due_label, overdue ? overdue : hint);
            due = TRUE;
          }
      }
    /* a check under way is a state of the card, not a passing toast */
    if (task == NULL || !veto_task_get_due (task))
      self->checking = FALSE;
    if (self->checking)
      {
        gtk_label_set_text (self->due_label, _("Checking — look at the step again in your browser, then say so."));
        due = TRUE;
      }
    gtk_widget_set_visible (GTK_WIDGET (self->due_label), due);
    show_action (GTK_WIDGET (self->recheck_button), task != NULL && veto_task_get_due (task) && !self->checking);
    show_action (GTK_WIDGET (self->checked_button), self->checking);
  }

  /* nothing to correct before something is recorded, and no calendar
   * without a date to set */
  show_action (GTK_WIDGET (self->dates_button),
               veto_date_popover_would_offer (self->store, step_id, account_or_null (self)));

  /* The button follows the state: one main button for what the state
   * asks next (the lifecycle in veto-lifecycle.c), the rest beside it. */
  {
    gboolean form = kind == VETO_STEP_KIND_FORM;
    gboolean conditional = veto_step_get_conditional (self->step);
    /* a complaint is information until Meta's refusal or silence makes it
     * a to-do; then it has buttons like any other */
    gboolean dormant = conditional && own_task != NULL && !veto_task_get_active (own_task);
    gboolean information = kind == VETO_STEP_KIND_INFORMATION && !conditional;
    gboolean urgent = own_task != NULL && veto_task_get_needs_follow_up (own_task);
    gboolean has_url = veto_step_get_url (self->step) != NULL;
    gboolean due = own_task != NULL && veto_task_get_due (own_task);
    gboolean can_complain = FALSE;
    gboolean changed;

    if (urgent)
      {
        g_autoptr(VetoTask) complaint = veto_checklist_find_complaint (self->checklist, own_task);

        can_complain = complaint != NULL;
      }

    /* a form is opened while it is to do; once sent, Meta's answer is what
     * the person waits for, and the form is in the ⋮ menu */
    show_action (GTK_WIDGET (self->open_button),
                 !follows && !information && has_url && (!form || state == VETO_STEP_STATE_TODO));
    show_action (GTK_WIDGET (self->submitted_button),
                 !follows && form && state == VETO_STEP_STATE_TODO);
    /* its menu closes with it: a popover left open keeps the keyboard */
    if (!(!follows && form && state == VETO_STEP_STATE_SUBMITTED))
      gtk_menu_button_popdown (self->answer_button);
    show_action (GTK_WIDGET (self->answer_button),
                 !follows && form && state == VETO_STEP_STATE_SUBMITTED);
    show_action (GTK_WIDGET (self->complain_button), !follows && can_complain);
    /* a complaint Meta's answer called for: the record beside the
     * authority's page */
    show_action (GTK_WIDGET (self->export_button),
                 kind == VETO_STEP_KIND_COMPLAINT && !dormant && !VETO_STEP_STATE_IS_FINISHED (state));
    show_action (GTK_WIDGET (self->confirmed_button), FALSE);
    /* information is read, not done */
    show_action (GTK_WIDGET (self->done_button),
                 !follows && !form && !information && !VETO_STEP_STATE_IS_FINISHED (state));

    if (follows || information || dormant)
      self->main_button = NULL;
    else if (can_complain)
      self->main_button = GTK_WIDGET (self->complain_button);
    else if (due && self->checking)
      self->main_button = GTK_WIDGET (self->checked_button);
    else if (due)
      self->main_button = GTK_WIDGET (self->recheck_button);
    else if (form && state == VETO_STEP_STATE_SUBMITTED)
      self->main_button = GTK_WIDGET (self->answer_button);
    else if (state == VETO_STEP_STATE_TODO && has_url)
      self->main_button = GTK_WIDGET (self->open_button);
    else if (state == VETO_STEP_STATE_TODO)
      self->main_button = GTK_WIDGET (self->done_button);
    else
      self->main_button = NULL;

    /* an information step has no state to show: it is read */
    gtk_widget_set_visible (GTK_WIDGET (self->state_label), !information);
    gtk_widget_set_visible (self->actions_box, !information && !dormant);

    apply_emphasis (self);

    /* The pressed button may have gone (Mark as Sent hides itself): the
     * keyboard focus moves to the button the new state asks for, on the
     * same row, rather than falling to the window. */
    changed = self->shown_valid && (state != self->shown_state || urgent != self->shown_urgent);
    root = gtk_widget_get_root (GTK_WIDGET (self));
    focus = root != NULL ? gtk_root_get_focus (root) : NULL;
    if (changed && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
        (focus == NULL || !gtk_widget_get_mapped (focus) ||
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
      veto_step_actions_focus_main (self);
    self->shown_state = state;
    self->shown_urgent = urgent;
    self->shown_valid = TRUE;

    update_description (self, state, own_task, dates);
  }

  gtk_widget_set_sensitive (GTK_WIDGET (self->actions_box), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->more_button), !read_only);

  /* A note field for every account of every step is a wall of empty
   * boxes: it shows once the step is under way, or when asked for; and
   * it is made then, not before (an entry row is some thirty widgets). */
  if (self->note_wanted || (note != NULL && *note != '\0') || state != VETO_STEP_STATE_TODO)
    {
      ensure_note_row (self);
      /* Don't overwrite what the person is typing. */
      root = gtk_widget_get_root (GTK_WIDGET (self));
      focus = root != NULL ? gtk_root_get_focus (root) : NULL;
      if (focus == NULL ||
          (focus != GTK_WIDGET (self->note_row) && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_row))))
        gtk_editable_set_text (GTK_EDITABLE (self->note_row), note ? note : "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->note_row), !read_only);
      gtk_widget_set_visible (self->note_list, TRUE);
    }
  else
    gtk_widget_set_visible (self->note_list, FALSE);

  /* The ⋮ menu is made when opened (create_more_menu): a GtkPopoverMenu
   * is some forty widgets, and GTK 4.8 keeps every section of a model it
   * showed. One made for an older state is dropped. */
  self->menu_state = state;
  if (gtk_menu_button_get_popover (self->more_button) != NULL)
    gtk_menu_button_set_popover (self->more_button, NULL);
}

static void
create_more_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  VetoStepActions *self = user_data;
  g_autoptr(VetoEvidenceInfo) evidence =
    veto_progress_store_dup_evidence (self->store, veto_step_get_id (self->step), account_or_null (self));
  g_autoptr(GMenuModel) more = veto_step_menu_new (self->step, self->account_id, self->menu_state,
                                                   !gtk_widget_get_visible (self->note_list),
                                                   evidence != NULL);

  gtk_menu_button_set_menu_model (button, more);
  veto_util_name_menu (button, _("More Options"));
}

static void
save_note (VetoStepActions *self)
{
  g_autofree char *stored = NULL;
  const char *text;

  if (self->store == NULL || veto_progress_store_get_read_only (self->store))
    return;

  if (self->note_row == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  stored = veto_progress_store_dup_note (self->store, veto_step_get_id (self->step), account_or_null (self));
  if (g_strcmp0 (stored ? stored : "", text) == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-note", "(sss)",
                              veto_step_get_id (self->step), self->account_id, text);
}

static void
on_note_apply (VetoStepActions *self,
               AdwEntryRow  *row)
{
  save_note (self);
}

/* A note typed and left without pressing Enter is still kept. */
static void
on_note_focus_leave (VetoStepActions            *self,
                     GtkEventControllerFocus *controller)
{
  save_note (self);
}

static void
ensure_note_row (VetoStepActions *self)
{
  GtkEventController *focus;

  if (self->note_row != NULL)
    return;

  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->note_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Your note"));
  adw_entry_row_set_show_apply_button (self->note_row, TRUE);
  g_signal_connect_object (self->note_row, "apply", G_CALLBACK (on_note_apply), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_note_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_row), focus);
  gtk_list_box_append (GTK_LIST_BOX (self->note_list), GTK_WIDGET (self->note_row));
}

static void
on_store_changed (VetoStepActions      *self,
                  VetoProgressStore *store)
{
  update (self);
}

static void
populate (VetoStepActions *self)
{
  const char *step_id = veto_step_get_id (self->step);
  const char *url = veto_step_get_url (self->step);
  const char * const *fallbacks = veto_step_get_fallback_urls (self->step);

  /* The open button: a form, or a page that shows the setting. A form
   * with a text to paste copies it first, so that the person does not
   * have to come back from the browser for it. */
  if (url != NULL && veto_step_get_kind (self->step) == VETO_STEP_KIND_FORM &&
      veto_step_has_objection_text (self->step))
    {
      gtk_button_set_label (self->open_button, _("_Copy the Text and Open the Form"));
      set_action (GTK_WIDGET (self->open_button), "win.copy-and-open", "(ss)", step_id, self->account_id);
    }
  else if (url != NULL)
    {
      VetoStepKind kind = veto_step_get_kind (self->step);

      gtk_button_set_label (self->open_button,
                            kind == VETO_STEP_KIND_FORM ? _("_Open the Official Form")
                            : kind == VETO_STEP_KIND_COMPLAINT ? _("_Open the Complaint Page")
                            : _("_Open the Page"));
      set_action (GTK_WIDGET (self->open_button), "win.open-step", "(ss)", step_id, self->account_id);
    }
  show_action (GTK_WIDGET (self->open_button), url != NULL);

  /* Meta's answer: accepted or refused, and its email kept as proof */
  {
    g_autoptr(GMenu) answer = g_menu_new ();
    g_autoptr(GMenu) email = g_menu_new ();
    g_autoptr(GMenuItem) item = NULL;

    item = g_menu_item_new (_("Meta _Accepted My Objection"), NULL);
    g_menu_item_set_action_and_target_value (item, "win.set-state",
                                             g_variant_new ("(sss)", step_id, self->account_id,
                                                            veto_step_state_to_string (VETO_STEP_STATE_CONFIRMED)));
    g_menu_append_item (answer, item);
    g_clear_object (&item);
    item = g_menu_item_new (_("Meta _Refused"), NULL);
    g_menu_item_set_action_and_target_value (item, "win.set-state",
                                             g_variant_new ("(sss)", step_id, self->account_id,
                                                            veto_step_state_to_string (VETO_STEP_STATE_REFUSED)));
    g_menu_append_item (answer, item);
    g_clear_object (&item);
    item = g_menu_item_new (_("Attach Meta’s _Email…"), NULL);
    g_menu_item_set_action_and_target_value (item, "win.choose-email",
                                             g_variant_new ("(ss)", step_id, self->account_id));
    g_menu_append_item (email, item);
    g_menu_append_section (answer, NULL, G_MENU_MODEL (email));
    gtk_menu_button_set_menu_model (self->answer_button, G_MENU_MODEL (answer));
  }
  set_action (GTK_WIDGET (self->complain_button), "win.complain", "(ss)", step_id, self->account_id);

  set_action (GTK_WIDGET (self->submitted_button), "win.set-state", "(sss)",
              step_id, self->account_id, veto_step_state_to_string (VETO_STEP_STATE_SUBMITTED));
  set_action (GTK_WIDGET (self->confirmed_button), "win.set-state", "(sss)",
              step_id, self->account_id, veto_step_state_to_string (VETO_STEP_STATE_CONFIRMED));
  /* a complaint is sent, like an objection */
  gtk_button_set_label (self->done_button,
                        veto_step_get_kind (self->step) == VETO_STEP_KIND_COMPLAINT ? _("Mark as _Sent")
                                                                                  : _("Mark as _Done"));
  set_action (GTK_WIDGET (self->done_button), "win.set-state", "(sss)",
              step_id, self->account_id, veto_step_state_to_string (VETO_STEP_STATE_DONE));
  set_action (GTK_WIDGET (self->recheck_button), "win.recheck", "(ss)", step_id, self->account_id);
  set_action (GTK_WIDGET (self->checked_button), "win.mark-checked", "(ss)", step_id, self->account_id);

  /* Official fallbacks, revealed when the main link fails or on request. */
  for (guint i = 0; fallbacks != NULL && fallbacks[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (fallbacks[i]);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANGO_WRAP_WORD_CHAR);
      set_action (button, "win.open-url", "(sss)", step_id, self->account_id, fallbacks[i]);
      gtk_box_append (self->fallback_box, button);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (self->actions_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      veto_util_wrap_button_label (GTK_BUTTON (child));
  veto_util_fix_button_names (GTK_WIDGET (self));
}

/* Meta's email, dropped from a mail client or a file manager onto the
 * row, is kept as proof for this step and account: win.attach-email
 * checks it. */
static gboolean
on_drop (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         VetoStepActions *self)
{
  GSList *files;
  g_autofree char *uri = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  uri = g_file_get_uri (files->data);
  return gtk_widget_activate_action (GTK_WIDGET (self), "win.attach-email", "(sss)",
                                     veto_step_get_id (self->step), self->account_id, uri);
}

static void
add_drop_target (VetoStepActions *self)
{
  GtkDropTarget *target;

  /* only objection forms are answered by email */
  if (veto_step_get_kind (self->step) != VETO_STEP_KIND_FORM)
    return;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* The calendar is made when first opened: a page holds a row per step
 * and account, and most are never corrected. */
static void
ensure_date_popover (VetoStepActions *self)
{
  GtkWidget *popover;

  if (self->date_popover != NULL)
    return;

  popover = veto_date_popover_new (self->store, veto_step_get_id (self->step), account_or_null (self));
  self->date_popover = VETO_DATE_POPOVER (popover);
  gtk_menu_button_set_popover (self->dates_button, popover);
}

static void
create_date_popover (GtkMenuButton *button,
                     gpointer       user_data)
{
  ensure_date_popover (VETO_STEP_ACTIONS (user_data));
}

static void
add_dates_button (VetoStepActions *self)
{
  self->dates_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->dates_button, _("Correct _Dates…"));
  gtk_menu_button_set_use_underline (self->dates_button, TRUE);
  /* the row outlives its button: no destroy notify needed */
  gtk_menu_button_set_create_popup_func (self->dates_button, create_date_popover, self, NULL);
  veto_wrap_box_append (VETO_WRAP_BOX (self->actions_box), GTK_WIDGET (self->dates_button));
}

static void
show_fallbacks_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  veto_step_actions_reveal_fallbacks (VETO_STEP_ACTIONS (widget));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VetoStepActions *self = VETO_STEP_ACTIONS (widget);

  self->note_wanted = TRUE;
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
}

static void
veto_step_actions_dispose (GObject *object)
{
  GtkWidget *child;
  VetoStepActions *self = (VetoStepActions *)object;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_signal_handler (&self->read_only_id, self->store);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_STEP_ACTIONS);
  /* dispose_template() only drops bound children; the layout's own child
   * must go too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->checklist);
  g_clear_object (&self->step);

  G_OBJECT_CLASS (veto_step_actions_parent_class)->dispose (object);
}

static void
veto_step_actions_finalize (GObject *object)
{
  VetoStepActions *self = (VetoStepActions *)object;

  g_clear_pointer (&self->account_id, g_free);
  g_clear_pointer (&self->card_lead, g_free);

  G_OBJECT_CLASS (veto_step_actions_parent_class)->finalize (object);
}

static void
veto_step_actions_class_init (VetoStepActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_step_actions_dispose;
  object_class->finalize = veto_step_actions_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-step-actions.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, box);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, name_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, state_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, lead_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, dates_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, due_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, recheck_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, export_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, checked_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, actions_box);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, open_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, submitted_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, answer_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, complain_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, confirmed_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, done_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, more_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, fallback_revealer);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, fallback_box);
  gtk_widget_class_bind_template_child (widget_class, VetoStepActions, note_list);

  gtk_widget_class_install_action (widget_class, "card.show-fallbacks", NULL, show_fallbacks_action);
  gtk_widget_class_install_action (widget_class, "card.add-note", NULL, add_note_action);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_step_actions_init (VetoStepActions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_use_underline (self->answer_button, TRUE);
}

/**
 * veto_step_actions_new:
 * @checklist: the checklist (and its progress) it reads and follows
 * @step: the step
 * @account_id: (nullable): the account, or %NULL for a step done once
 * @heading: what the first line says: the step's title when the card has
 *   one account, else the account's name
 * @lead: (nullable): one line under the heading, when it is the title
 *
 * Returns: (transfer full): a new #VetoStepActions
 */
GtkWidget *
veto_step_actions_new (VetoChecklist *checklist,
                       VetoStep      *step,
                       const char    *account_id,
                       const char    *heading,
                       const char    *lead)
{
  VetoStepActions *self = g_object_new (VETO_TYPE_STEP_ACTIONS, NULL);
  VetoProgressStore *store = veto_checklist_get_store (checklist);
  g_autofree char *name = NULL;

  self->checklist = g_object_ref (checklist);
  self->store = g_object_ref (store);
  self->step = g_object_ref (step);
  self->account_id = g_strdup (account_id ? account_id : "");
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  /* the file damaged outside Veto, or readable again */
  self->read_only_id = g_signal_connect_object (store, "notify::read-only", G_CALLBACK (on_store_changed),
                                                self, G_CONNECT_SWAPPED);

  gtk_label_set_text (self->name_label, heading);
  gtk_label_set_text (self->lead_label, lead ? lead : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lead_label), lead != NULL && *lead != '\0');

  /* A screen reader hears which step and which account it is in. With
   * one account the card around says the step, and a second name the
   * same was said twice (« Opposez-vous… tableau de bord » ×2, by Orca). */
  if (g_strcmp0 (heading, veto_step_get_title (step)) != 0)
    {
      /* Translators: a step and an account, read out by screen readers: "Object to… — Account 2" */
      name = g_strdup_printf (_("%s — %s"), veto_step_get_title (step), heading);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }

  populate (self);
  add_dates_button (self);
  add_drop_target (self);
  gtk_menu_button_set_create_popup_func (self->more_button, create_more_menu, self, NULL);
  update (self);

  return GTK_WIDGET (self);
}

/**
 * veto_step_actions_set_card_lead:
 * @lead: (nullable): the line under the card's title, shown above this
 *   row and the other accounts' rows
 *
 * The row says @lead to a screen reader with its state, as a row that
 * carries the title says its own lead: the card's first row is given it.
 */
void
veto_step_actions_set_card_lead (VetoStepActions *self,
                                 const char      *lead)
{
  g_return_if_fail (VETO_IS_STEP_ACTIONS (self));

  g_free (self->card_lead);
  self->card_lead = g_strdup (lead);
  update (self);
}

/**
 * veto_step_actions_get_date_popover:
 *
 * Returns: (transfer none): the calendar for this step's and account's dates
 */
GtkWidget *
veto_step_actions_get_date_popover (VetoStepActions *self)
{
  g_return_val_if_fail (VETO_IS_STEP_ACTIONS (self), NULL);
  ensure_date_popover (self);
  return GTK_WIDGET (self->date_popover);
}

VetoStep *
veto_step_actions_get_step (VetoStepActions *self)
{
  g_return_val_if_fail (VETO_IS_STEP_ACTIONS (self), NULL);
  return self->step;
}

const char *
veto_step_actions_get_account_id (VetoStepActions *self)
{
  g_return_val_if_fail (VETO_IS_STEP_ACTIONS (self), NULL);
  return self->account_id;
}

/**
 * veto_step_actions_reveal_fallbacks:
 *
 * Shows the official fallback links, after the main link failed to open.
 */
void
veto_step_actions_reveal_fallbacks (VetoStepActions *self)
{
  g_return_if_fail (VETO_IS_STEP_ACTIONS (self));

  if (veto_step_get_fallback_urls (self->step)[0] != NULL || veto_step_get_in_app_path (self->step))
    gtk_revealer_set_reveal_child (self->fallback_revealer, TRUE);
}

/**
 * veto_step_actions_focus_main:
 *
 * Moves keyboard focus to the first button a person would use, for a
 * link that leads here from the overview.
 *
 * Returns: whether something took focus
 */
gboolean
veto_step_actions_focus_main (VetoStepActions *self)
{
  g_return_val_if_fail (VETO_IS_STEP_ACTIONS (self), FALSE);

  /* what the state asks for first */
  if (self->main_button != NULL && gtk_widget_get_visible (self->main_button) &&
      gtk_widget_is_sensitive (self->main_button) && gtk_widget_grab_focus (self->main_button))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (self->actions_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_widget_is_sensitive (child) &&
        gtk_widget_grab_focus (child))
      return TRUE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->more_button));
}

/**
 * veto_step_actions_get_urgency:
 *
 * Returns: what the row asks of the person now (veto-lifecycle.h), for the
 *   page to choose its one suggested button
 */
VetoUrgency
veto_step_actions_get_urgency (VetoStepActions *self)
{
  g_autoptr(VetoTask) task = NULL;

  g_return_val_if_fail (VETO_IS_STEP_ACTIONS (self), VETO_URGENCY_NONE);

  if (self->main_button == NULL)
    return VETO_URGENCY_NONE;
  task = find_task (self);
  return task != NULL ? veto_task_get_urgency (task) : VETO_URGENCY_NONE;
}

/**
 * veto_step_actions_set_emphasis:
 * @emphasis: whether the row's main button is the page's suggested action
 *
 * A page shows at most one suggested (blue) button: the app page gives it
 * to its most urgent row.
 */
void
veto_step_actions_set_emphasis (VetoStepActions *self,
                                gboolean         emphasis)
{
  g_return_if_fail (VETO_IS_STEP_ACTIONS (self));

  self->emphasis = !!emphasis;
  apply_emphasis (self);
}

/**
 * veto_step_actions_set_checking:
 * @checking: whether a recheck of this step is under way
 *
 * After "Recheck Now" opened the page: the row says a check is under way
 * and its main button becomes "I Checked It", which records it. The focus
 * moves there, where the pressed button was.
 */
void
veto_step_actions_set_checking (VetoStepActions *self,
                                gboolean         checking)
{
  g_return_if_fail (VETO_IS_STEP_ACTIONS (self));

  self->checking = !!checking;
  update (self);
  if (self->checking)
    veto_step_actions_focus_main (self);
}
