/* veto-record-model.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The checklist copied into a Record of plain strings, the timeline both
 * formats are written from. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-checklist.h"
#include "veto-i18n.h"
#include "veto-lifecycle.h"
#include "veto-record-private.h"
#include "veto-source.h"

static void
record_field_free (RecordField *field)
{
  g_free (field->label);
  g_free (field->value);
  g_free (field->suffix);
  g_free (field->link);
  g_free (field);
}

static void
record_step_free (RecordStep *step)
{
  g_free (step->title);
  g_ptr_array_unref (step->fields);
  g_free (step->due);
  g_free (step);
}

static void
record_group_free (RecordGroup *group)
{
  g_free (group->name);
  g_ptr_array_unref (group->steps);
  g_free (group);
}

static void
record_app_free (RecordApp *app)
{
  g_free (app->name);
  g_ptr_array_unref (app->groups);
  g_free (app);
}

void
_veto_record_free (Record *record)
{
  g_clear_pointer (&record->now, g_date_time_unref);
  g_free (record->language);
  g_free (record->title);
  g_free (record->footer);
  g_ptr_array_unref (record->header);
  g_free (record->intro);
  g_free (record->summary);
  g_free (record->empty);
  g_free (record->objections_title);
  g_ptr_array_unref (record->objections);
  g_free (record->no_objections);
  g_free (record->annex_title);
  g_free (record->annex_intro);
  g_ptr_array_unref (record->apps);
  g_free (record->sources_title);
  g_ptr_array_unref (record->sources);
  g_ptr_array_unref (record->source_texts);
  g_free (record);
}


/* @format is a translated "Label: %s": the part before %s becomes the
 * label, so that each language keeps its own punctuation ("État : %s"). */
static void
add_field (RecordStep *step,
           const char *format,
           const char *value,
           gboolean    is_link)
{
  const char *spec = strstr (format, "%s");
  RecordField *field;

  if (value == NULL)
    return;

  g_return_if_fail (spec != NULL);

  field = g_new0 (RecordField, 1);
  field->label = g_strchomp (g_strndup (format, spec - format));
  field->value = g_strdup (value);
  field->suffix = g_strdup (spec + 2);
  field->link = is_link ? g_strdup (value) : NULL;
  g_ptr_array_add (step->fields, field);
}

/* A date as stated, and when it was entered where that was another day:
 * a reader sees both the day the person says and when they said it. */
static char *
dup_stated_date (VetoProgressStore *store,
                 const char        *step_id,
                 const char        *account_id,
                 VetoDateKind       kind)
{
  g_autoptr(GDateTime) stated = veto_progress_store_dup_date (store, step_id, account_id, kind);
  g_autoptr(GDateTime) entered = NULL;
  g_autofree char *stated_text = NULL;
  g_autofree char *stated_day = NULL;
  g_autofree char *entered_day = NULL;

  if (stated == NULL)
    return NULL;
  entered = veto_progress_store_dup_entered (store, step_id, account_id, kind);

  stated_text = veto_format_date (stated);
  stated_day = veto_progress_format_day (stated);
  entered_day = entered ? veto_progress_format_day (entered) : NULL;

  if (entered_day == NULL || g_str_equal (stated_day, entered_day))
    return g_steal_pointer (&stated_text);

  {
    g_autofree char *entered_text = veto_format_date (entered);

    /* Translators: the day something happened, then the day the person
     * recorded it in Veto: "2 November 2026 (entered on 5 November 2026)" */
    return g_strdup_printf (_("%s (entered on %s)"), stated_text, entered_text);
  }
}

/* Meta's email kept for the step: who sent it, its subject and day, and
 * the SHA-256 that lets a reader check the copy they are given. */
static void
add_evidence_fields (RecordStep             *record_step,
                     VetoTask               *task,
                     const VetoEvidenceInfo *evidence)
{
  g_autofree char *date = NULL;
  g_autofree char *path = NULL;
  VetoEvidenceFileState file_state;

  if (evidence == NULL)
    return;

  date = evidence->date ? veto_format_date (evidence->date) : g_strdup ("—");
  file_state = veto_evidence_info_check_file (evidence, &path);

  /* Translators: a line of the record, %s is the name of the file kept
   * as proof (listed again at the end with its SHA-256) */
  add_field (record_step, _("Evidence kept: %s"), evidence->file, FALSE);

  /* The email is kept whatever the step became, but it proves Meta's
   * confirmation only while the step says so: back to Submitted,
   * Refused or To do, it is an email kept earlier. */
  if (veto_task_get_state (task) == VETO_STEP_STATE_CONFIRMED)
    /* Translators: a line of the record: the email kept as proof */
    add_field (record_step, _("Meta’s email, from: %s"), evidence->from, FALSE);
  else
    /* Translators: a line of the record: an email kept as proof of a
     * confirmation the step no longer records */
    add_field (record_step, _("Email kept earlier, no longer recorded as Meta’s confirmation, from: %s"),
               evidence->from, FALSE);
  if (file_state != VETO_EVIDENCE_FILE_KEPT)
    {
      g_autofree char *what = file_state == VETO_EVIDENCE_FILE_MISSING
        /* Translators: said of the copy of Meta's email; %s is a file name */
        ? g_strdup_printf (_("missing (%s)"), path)
        /* Translators: said of the copy of Meta's email; %s is a file name */
        : g_strdup_printf (_("changed since Veto kept it (%s)"), path);

      /* Translators: a line of the record, %s says what became of the file */
      add_field (record_step, _("Evidence file: %s"), what, FALSE);
    }
  /* Translators: a line of the record */
  add_field (record_step, _("Subject: %s"), evidence->subject, FALSE);
  /* Translators: a line of the record, %s is a date */
  add_field (record_step, _("Sent on: %s"), date, FALSE);
  /* Translators: a line of the record: the file's fingerprint */
  add_field (record_step, _("SHA-256: %s"), evidence->sha256, FALSE);
}

/* A record says what stands, not what to do: a step not done yet is "Not
 * done", and a step that is only something to know is no to-do at all. */
static const char *
record_state_label (VetoTask *task)
{
  VetoStepState state = veto_task_get_state (task);

  if (!veto_task_get_active (task))
    return C_("state", "Only if needed");

  if (state != VETO_STEP_STATE_TODO)
    return veto_step_state_get_label (state);

  if (veto_step_get_kind (veto_task_get_step (task)) == VETO_STEP_KIND_INFORMATION &&
      veto_task_get_activated_by (task) == NULL)
    /* Translators: the state, in the record, of a step that only tells
     * the person something: there is nothing to send or to switch */
    return C_("record state", "For information");

  /* Translators: the state, in the record, of a step not done yet */
  return C_("record state", "Not done yet");
}

static RecordStep *
record_step_new (VetoProgressStore *store,
                 VetoTask          *task)
{
  VetoStep *step = veto_task_get_step (task);
  const char *step_id = veto_step_get_id (step);
  const char *account_id = veto_task_get_account_id (task);
  RecordStep *record_step = g_new0 (RecordStep, 1);
  g_autofree char *submitted_text = dup_stated_date (store, step_id, account_id, VETO_DATE_SUBMITTED);
  g_autofree char *confirmed_text = dup_stated_date (store, step_id, account_id, VETO_DATE_CONFIRMED);
  g_autofree char *refused_text = dup_stated_date (store, step_id, account_id, VETO_DATE_REFUSED);
  g_autofree char *checked_text = dup_stated_date (store, step_id, account_id, VETO_DATE_CHECKED);
  g_autofree char *form_url = veto_progress_store_dup_form_url (store, step_id, account_id);
  g_autofree char *note = veto_progress_store_dup_note (store, step_id, account_id);
  g_autofree char *overdue = veto_task_dup_overdue_sentence (task);
  g_autoptr(VetoEvidenceInfo) evidence = veto_progress_store_dup_evidence (store, step_id, account_id);
  const char *state_label = record_state_label (task);

  record_step->title = g_strdup (veto_step_get_record_title (step));
  record_step->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)record_field_free);

  /* Translators: a line of the record; the part before %s is shown in bold */
  add_field (record_step, _("State: %s"), state_label, FALSE);
  /* A step that is the same thing as another (an Accounts Center setting
   * shared by two apps) shows that step's state; say which, so the dates
   * below aren't expected here. */
  if (veto_task_get_followed (task) != NULL)
    {
      g_autofree char *name = veto_task_dup_followed_name (task);

      /* Translators: a line of the record; %s is the title of the step
       * whose state this one takes */
      add_field (record_step, _("Same as: %s"), name, FALSE);
    }
  /* Translators: a line of the record, %s is a date */
  add_field (record_step, _("Submitted: %s"), submitted_text, FALSE);
  /* Translators: a line of the record, %s is a date */
  add_field (record_step, _("Confirmed by Meta: %s"), confirmed_text, FALSE);
  /* Translators: a line of the record, %s is a date */
  add_field (record_step, _("Refused by Meta: %s"), refused_text, FALSE);
  /* Translators: a line of the record, %s says since when Meta is late */
  add_field (record_step, _("Meta’s answer: %s"), overdue && veto_task_get_overdue (task) ? overdue : NULL, FALSE);
  /* Translators: a line of the record, %s is a date */
  add_field (record_step, _("Last checked: %s"), checked_text, FALSE);

  add_evidence_fields (record_step, task, evidence);

  /* The address the person opened is the evidence; without one, the
   * official address of a form tells a reader where it is. */
  if (form_url != NULL)
    {
      /* Translators: a line of the record, %s is an address */
      add_field (record_step, _("Form used: %s"), form_url, TRUE);
    }
  else if (veto_step_get_kind (step) == VETO_STEP_KIND_FORM && veto_step_get_url (step) != NULL)
    {
      /* Translators: a line of the record, %s is an address */
      add_field (record_step, _("Official form: %s"), veto_step_get_url (step), TRUE);
    }

  /* Translators: a line of the record, %s is the person's own note */
  add_field (record_step, _("Note: %s"), note, FALSE);

  if (veto_task_get_activated_by (task) != NULL && !VETO_STEP_STATE_IS_FINISHED (veto_task_get_state (task)))
    {
      /* Translators: a line of the record, %s says what to attach */
      add_field (record_step, _("To do now: %s"), veto_task_get_attach_hint (task), FALSE);
    }

  if (veto_task_get_due (task))
    {
      const char *reason = veto_task_get_due_reason (task);

      if (reason != NULL)
        record_step->due = g_strdup_printf (_("Due for a recheck: %s"), reason);
      else
        {
          g_autofree char *date = veto_format_date (veto_task_get_due_date (task));

          record_step->due = g_strdup_printf (_("Due for a recheck since %s"), date);
        }
    }
  else if (veto_task_get_state (task) == VETO_STEP_STATE_REFUSED && overdue != NULL)
    record_step->due = g_steal_pointer (&overdue);

  return record_step;
}

/* The day a date states, without when it was entered: for a sentence. */
static char *
dup_day (VetoProgressStore *store,
         VetoTask          *task,
         VetoDateKind       kind)
{
  g_autoptr(GDateTime) date = veto_progress_store_dup_date (store, veto_step_get_id (veto_task_get_step (task)),
                                                            veto_task_get_account_id (task), kind);

  return date != NULL ? veto_format_date (date) : NULL;
}

/* Where an objection stands, in the words a regulator reads. */
static char *
objection_state_sentence (VetoProgressStore *store,
                          VetoTask          *task)
{
  GDateTime *late_from = veto_task_get_answer_late_from (task);
  g_autofree char *sent = dup_day (store, task, VETO_DATE_SUBMITTED);
  g_autofree char *due = late_from != NULL ? veto_format_date (late_from) : NULL;

  switch (veto_task_get_state (task))
    {
    case VETO_STEP_STATE_SUBMITTED:
      if (veto_task_get_overdue (task) && sent != NULL && due != NULL)
        /* Translators: an objection's state in the record: the first %s is
         * the day it was sent, the second the day Meta's answer was due
         * before */
        return g_strdup_printf (_("No answer from Meta since %s, the day it was sent; the answer was due before %s"),
                                sent, due);
      if (sent != NULL && due != NULL)
        /* Translators: an objection's state in the record; %s are dates */
        return g_strdup_printf (_("Sent on %s; answer due before %s"), sent, due);
      if (sent != NULL)
        /* Translators: an objection's state in the record; %s is a date */
        return g_strdup_printf (_("Sent on %s; waiting for Meta’s answer"), sent);
      return g_strdup (_("Sent; waiting for Meta’s answer"));

    case VETO_STEP_STATE_CONFIRMED:
      {
        g_autofree char *day = dup_day (store, task, VETO_DATE_CONFIRMED);

        if (day != NULL)
          /* Translators: an objection's state in the record; %s is a date */
          return g_strdup_printf (_("Confirmed by Meta on %s"), day);
        return g_strdup (C_("objection", "Confirmed by Meta"));
      }

    case VETO_STEP_STATE_REFUSED:
      {
        g_autofree char *day = dup_day (store, task, VETO_DATE_REFUSED);

        if (day != NULL)
          /* Translators: an objection's state in the record; %s is a date */
          return g_strdup_printf (_("Refused by Meta on %s"), day);
        return g_strdup (C_("objection", "Refused by Meta"));
      }

    case VETO_STEP_STATE_TODO:
      return g_strdup (_("Not sent yet"));

    case VETO_STEP_STATE_SKIPPED:
      /* Translators: an objection's state in the record */
      return g_strdup (_("Not sent: skipped by the person"));

    case VETO_STEP_STATE_NOT_APPLICABLE:
      /* Translators: an objection's state in the record */
      return g_strdup (_("Not sent: marked not applicable by the person"));

    case VETO_STEP_STATE_DONE:
    default:
      return g_strdup (veto_step_state_get_label (veto_task_get_state (task)));
    }
}

/* An objection as page 1 sets it out: which account, what was sent and
 * when, by when Meta had to answer and what it answered, and the proof. */
static RecordStep *
objection_new (VetoProgressStore *store,
               VetoTask          *task)
{
  VetoStep *step = veto_task_get_step (task);
  const char *step_id = veto_step_get_id (step);
  const char *account_id = veto_task_get_account_id (task);
  const char *app_name = veto_app_get_name (veto_task_get_app (task));
  VetoStepState state = veto_task_get_state (task);
  gboolean sent = veto_step_state_is_sent (state);
  RecordStep *record_step = g_new0 (RecordStep, 1);
  g_autofree char *account = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *state_text = objection_state_sentence (store, task);
  g_autofree char *submitted_text = dup_stated_date (store, step_id, account_id, VETO_DATE_SUBMITTED);
  g_autofree char *checked_text = dup_stated_date (store, step_id, account_id, VETO_DATE_CHECKED);
  g_autofree char *answer = NULL;
  g_autofree char *due = NULL;
  g_autofree char *form_url = veto_progress_store_dup_form_url (store, step_id, account_id);
  g_autofree char *note = veto_progress_store_dup_note (store, step_id, account_id);
  g_autoptr(VetoEvidenceInfo) evidence = veto_progress_store_dup_evidence (store, step_id, account_id);

  record_step->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)record_field_free);

  if (account_id != NULL)
    {
      account = veto_account_get_display_name (veto_task_get_account_label (task), account_id);
      identifier = veto_progress_store_dup_account_identifier (store, veto_app_get_id (veto_task_get_app (task)),
                                                               account_id);
      /* Translators: an app and an account: "Facebook — Personal" */
      record_step->title = g_strdup_printf (_("%s — %s"), app_name, account);
    }
  else
    record_step->title = g_strdup (app_name);

  /* Translators: a line of the record, %s is an app ("Facebook") */
  add_field (record_step, _("App: %s"), app_name, FALSE);
  /* Translators: a line of the record, %s is the account's name as the
   * person gave it */
  add_field (record_step, _("Account: %s"), account, FALSE);
  /* Translators: a line of the record, %s is the email address or handle
   * the person gave for the account */
  add_field (record_step, _("Identifier: %s"), identifier, FALSE);
  /* Translators: a line of the record, %s is the step's name */
  add_field (record_step, _("Objection: %s"), veto_step_get_record_title (step), FALSE);
  /* Translators: a line of the record, %s says where the objection stands */
  add_field (record_step, _("State: %s"), state_text, FALSE);
  add_field (record_step, _("Submitted: %s"), submitted_text, FALSE);

  if (sent && veto_task_get_answer_late_from (task) != NULL)
    {
      /* the last day Meta may answer in time */
      g_autoptr(GDateTime) last_day = g_date_time_add_days (veto_task_get_answer_late_from (task), -1);
      GDateTime *extended = veto_task_get_answer_extended_due (task);

      due = veto_format_date (last_day);
      if (extended != NULL)
        {
          g_autofree char *day = veto_format_date (extended);
          g_autofree char *both = NULL;

          /* Translators: the value of "Answer due by: %s" while Meta may
           * still extend its period: two dates */
          both = g_strdup_printf (_("%s, or %s if Meta said it needed more time"), due, day);
          g_free (due);
          due = g_steal_pointer (&both);
        }
      /* Translators: a line of the record, %s is the last day Meta may
       * answer the objection in time */
      add_field (record_step, _("Answer due by: %s"), due, FALSE);
    }
  else if (sent && veto_task_get_answer_without_deadline (task))
    /* Switzerland, Brazil: a regulator reads that no day was missed */
    add_field (record_step, _("Answer due by: %s"),
               /* Translators: the value of "Answer due by: %s" where the law
                * sets Meta no deadline to answer an objection */
               _("none: the law where the person lives sets no deadline"), FALSE);

  if (veto_step_state_is_answered (state))
    {
      g_autofree char *day = dup_stated_date (store, step_id, account_id,
                                              state == VETO_STEP_STATE_CONFIRMED ? VETO_DATE_CONFIRMED
                                                                                 : VETO_DATE_REFUSED);

      if (day == NULL)
        answer = g_strdup (state == VETO_STEP_STATE_CONFIRMED ? C_("objection", "Confirmed by Meta")
                                                          : C_("objection", "Refused by Meta"));
      else
        answer = state == VETO_STEP_STATE_CONFIRMED
          /* Translators: Meta's answer, in the record; %s is a date */
          ? g_strdup_printf (_("confirmation, on %s"), day)
          /* Translators: Meta's answer, in the record; %s is a date */
          : g_strdup_printf (_("refusal, on %s"), day);
    }
  else if (state == VETO_STEP_STATE_SUBMITTED)
    answer = veto_task_get_overdue (task) ? veto_task_dup_overdue_sentence (task)
                                          /* Translators: Meta's answer, in the record */
                                          : g_strdup (_("none yet"));
  add_field (record_step, _("Meta’s answer: %s"), answer, FALSE);
  add_field (record_step, _("Last checked: %s"), checked_text, FALSE);

  /* What Veto gave the person to paste: they may have completed it (their
   * particular situation), so it is said to be Veto's text. */
  if (sent)
    /* Translators: a line of the record, %s is the text of the objection */
    add_field (record_step, _("Text sent, as Veto proposed it: %s"),
               veto_step_get_objection_text (step, veto_progress_store_get_region (store)), FALSE);

  add_evidence_fields (record_step, task, evidence);

  if (form_url != NULL)
    add_field (record_step, _("Form used: %s"), form_url, TRUE);
  else if (veto_step_get_url (step) != NULL)
    add_field (record_step, _("Official form: %s"), veto_step_get_url (step), TRUE);

  add_field (record_step, _("Note: %s"), note, FALSE);

  return record_step;
}

static RecordGroup *
record_group_new (const char *name)
{
  RecordGroup *group = g_new0 (RecordGroup, 1);

  group->name = g_strdup (name);
  group->steps = g_ptr_array_new_with_free_func ((GDestroyNotify)record_step_free);
  return group;
}

/* The tasks of one app, tasks[start, end): each account's, in the order
 * the accounts were added, then the steps done once for the app. */
static RecordApp *
record_app_new (VetoProgressStore *store,
                GListModel        *tasks,
                guint              start,
                guint              end)
{
  RecordApp *app = g_new0 (RecordApp, 1);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new ();
  RecordGroup *app_wide = NULL;

  app->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)record_group_free);
  app->in_annex = TRUE;

  for (guint i = start; i < end; i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      const char *account = veto_task_get_account_id (task);

      if (app->name == NULL)
        app->name = g_strdup (veto_app_get_name (veto_task_get_app (task)));

      /* the objections are on page 1 */
      if (veto_step_is_objection (veto_task_get_step (task)))
        continue;

      if (account == NULL)
        {
          if (app_wide == NULL)
            app_wide = record_group_new (NULL);
          g_ptr_array_add (app_wide->steps, record_step_new (store, task));
        }
      else if (!g_ptr_array_find_with_equal_func (accounts, account, g_str_equal, NULL))
        g_ptr_array_add (accounts, (gpointer)account);
    }

  for (guint k = 0; k < accounts->len; k++)
    {
      RecordGroup *group = NULL;

      for (guint i = start; i < end; i++)
        {
          g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

          if (g_strcmp0 (veto_task_get_account_id (task), g_ptr_array_index (accounts, k)) != 0 ||
              veto_step_is_objection (veto_task_get_step (task)))
            continue;

          if (group == NULL)
            {
              g_autofree char *name = veto_account_get_display_name (veto_task_get_account_label (task),
                                                                     veto_task_get_account_id (task));

              group = record_group_new (name);
              g_ptr_array_add (app->groups, group);
            }
          g_ptr_array_add (group->steps, record_step_new (store, task));
        }
    }

  /* Steps done once for the app come after the accounts': the catalog
   * puts the objections, which are per account, first, and so does the
   * record. They need a heading only beside accounts. */
  if (app_wide != NULL)
    {
      if (accounts->len > 0)
        app_wide->name = veto_account_get_display_name (NULL, NULL);
      g_ptr_array_add (app->groups, app_wide);
    }

  return app;
}

/* Recorded earlier, no longer applying: never left out of the record. */
static void
add_earlier (Record        *record,
             VetoChecklist *checklist)
{
  VetoProgressStore *store = veto_checklist_get_store (checklist);
  GListModel *earlier = veto_checklist_get_earlier_tasks (checklist);
  RecordApp *app;

  if (g_list_model_get_n_items (earlier) == 0)
    return;

  app = g_new0 (RecordApp, 1);
  app->name = g_strdup (_("Recorded earlier, no longer applying where you live or to your apps"));
  app->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)record_group_free);

  for (guint i = 0; i < g_list_model_get_n_items (earlier); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (earlier, i);
      const char *app_name = veto_app_get_name (veto_task_get_app (task));
      g_autofree char *name = NULL;
      RecordGroup *group;

      if (veto_task_get_account_id (task) != NULL)
        {
          g_autofree char *account = veto_account_get_display_name (veto_task_get_account_label (task),
                                                                    veto_task_get_account_id (task));

          name = g_strdup_printf (_("%s — %s"), app_name, account);
        }
      else
        name = g_strdup (app_name);

      group = app->groups->len > 0 ? g_ptr_array_index (app->groups, app->groups->len - 1) : NULL;
      if (group == NULL || g_strcmp0 (group->name, name) != 0)
        {
          group = record_group_new (name);
          g_ptr_array_add (app->groups, group);
        }
      g_ptr_array_add (group->steps, record_step_new (store, task));
    }

  g_ptr_array_add (record->apps, app);
}

static void
add_evidence_of (GPtrArray         *steps,
                 VetoProgressStore *store,
                 GListModel        *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      const char *step_id = veto_step_get_id (veto_task_get_step (task));
      g_autoptr(VetoEvidenceInfo) evidence =
        veto_progress_store_dup_evidence (store, step_id, veto_task_get_account_id (task));
      RecordStep *step;

      if (evidence == NULL)
        continue;

      step = g_new0 (RecordStep, 1);
      step->title = g_strdup (evidence->file);
      step->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)record_field_free);
      /* Translators: a line of the record: which step an email is proof for */
      {
        g_autofree char *place = veto_task_dup_place (task, NULL);
        g_autofree char *what = g_strdup_printf (_("%s (%s)"), veto_step_get_record_title (veto_task_get_step (task)),
                                                 place);

        add_field (step, _("Proof for: %s"), what, FALSE);
      }
      add_field (step, _("SHA-256: %s"), evidence->sha256, FALSE);
      g_ptr_array_add (steps, step);
    }
}

/* At the end: the steps' version, and each evidence file with its SHA-256,
 * so that a reader can check the copies they are given. Not where the files
 * are: a path names the person's home folder, which a regulator does not
 * need. */
static void
add_evidence (Record        *record,
              VetoChecklist *checklist)
{
  VetoCatalog *catalog = veto_checklist_get_catalog (checklist);
  VetoProgressStore *store = veto_checklist_get_store (checklist);
  RecordApp *app = g_new0 (RecordApp, 1);
  RecordGroup *group = record_group_new (NULL);
  RecordStep *version = g_new0 (RecordStep, 1);
  g_autofree char *number = g_strdup_printf ("%d", veto_catalog_get_version (catalog));

  app->name = g_strdup (_("Steps version and evidence files"));
  app->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)record_group_free);
  g_ptr_array_add (app->groups, group);

  version->title = g_strdup (veto_catalog_get_name (catalog));
  version->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)record_field_free);
  /* Translators: a line of the record, %s is a number */
  add_field (version, _("Steps version: %s"), number, FALSE);
  g_ptr_array_add (group->steps, version);

  add_evidence_of (group->steps, store, veto_checklist_get_tasks (checklist));
  add_evidence_of (group->steps, store, veto_checklist_get_earlier_tasks (checklist));

  g_ptr_array_add (record->apps, app);
}

/* Format 4: who published a source, what kind it is and what was read
 * when, as the window's "Why do we say this?" says it. */
static char *
describe_source (VetoSource *source)
{
  g_autofree char *read = veto_source_dup_read_text (source);

  /* Translators: a source in the record: its publisher, its kind in
   * words, then what was read when ("read on 7 December 2026 (stored copy)") */
  return g_strdup_printf (_("%s, %s; %s"), veto_source_get_publisher (source),
                          veto_source_kind_describe (veto_source_get_kind (source)), read);
}

static void
add_sources_of (Record     *record,
                GListModel *tasks,
                const char *region_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      VetoStep *step = veto_task_get_step (task);
      const char * const *urls = veto_step_get_sources (step);

      /* format 4: the sources of what the person's region is shown */
      if (veto_step_get_cited_sources (step) != NULL)
        {
          g_autoptr(GPtrArray) sources = veto_step_dup_sources_in (step, region_id);

          for (guint k = 0; k < sources->len; k++)
            {
              VetoSource *source = g_ptr_array_index (sources, k);

              if (!g_ptr_array_find_with_equal_func (record->sources, veto_source_get_url (source), g_str_equal, NULL))
                {
                  g_ptr_array_add (record->sources, g_strdup (veto_source_get_url (source)));
                  g_ptr_array_add (record->source_texts, describe_source (source));
                }
            }
          continue;
        }

      for (guint k = 0; urls[k] != NULL; k++)
        if (!g_ptr_array_find_with_equal_func (record->sources, urls[k], g_str_equal, NULL))
          {
            g_ptr_array_add (record->sources, g_strdup (urls[k]));
            g_ptr_array_add (record->source_texts, NULL);
          }
    }
}

/* What backs the steps the record reports, each address once, in the
 * order the steps come: a reader can check what the person was told. */
static void
add_sources (Record        *record,
             VetoChecklist *checklist)
{
  const char *region_id = veto_progress_store_get_region (veto_checklist_get_store (checklist));

  record->sources_title = g_strdup (_("Sources of the steps reported"));
  add_sources_of (record, veto_checklist_get_tasks (checklist), region_id);
  add_sources_of (record, veto_checklist_get_earlier_tasks (checklist), region_id);
}

Record *
_veto_record_new (VetoChecklist *checklist)
{
  VetoCatalog *catalog = veto_checklist_get_catalog (checklist);
  VetoProgressStore *store = veto_checklist_get_store (checklist);
  GListModel *tasks = veto_checklist_get_tasks (checklist);
  VetoRegion *region = veto_catalog_lookup_region (catalog, veto_progress_store_get_region (store));
  guint n_tasks = veto_checklist_get_n_tasks (checklist);
  g_autoptr(Record) record = g_new0 (Record, 1);
  g_autofree char *today = NULL;
  g_autofree char *published = NULL;
  g_autoptr(GString) summary = NULL;

  record->now = veto_clock_get_now (veto_progress_store_get_clock (store));
  record->language = g_strdup (veto_i18n_get_language ());
  record->header = g_ptr_array_new_with_free_func (g_free);
  record->objections = g_ptr_array_new_with_free_func ((GDestroyNotify)record_step_free);
  record->apps = g_ptr_array_new_with_free_func ((GDestroyNotify)record_app_free);
  record->sources = g_ptr_array_new_with_free_func (g_free);
  record->source_texts = g_ptr_array_new_with_free_func (g_free);

  today = veto_format_date (record->now);
  published = veto_format_date (veto_catalog_get_published (catalog));

  record->title = g_strdup (_("Record of objections to Meta’s AI training"));
  /* Translators: the foot of each page of the record; %s is a date */
  record->footer = g_strdup_printf (_("Veto — record exported on %s"), today);

  /* Translators: %s is a date, the second %s Veto's version */
  g_ptr_array_add (record->header, g_strdup_printf (_("Exported on %s with Veto %s."), today, PACKAGE_VERSION));
  if (region != NULL)
    g_ptr_array_add (record->header, g_strdup_printf (_("Where you live: %s"), veto_region_get_name (region)));
  /* Translators: %s is the catalog's name ("Meta AI training"), %d its
   * version, the last %s the day it was published */
  g_ptr_array_add (record->header, g_strdup_printf (_("Steps used: %s, version %d, published %s."),
                                                    veto_catalog_get_name (catalog),
                                                    veto_catalog_get_version (catalog), published));

  if ((region == NULL || n_tasks == 0) &&
      g_list_model_get_n_items (veto_checklist_get_earlier_tasks (checklist)) == 0)
    {
      record->empty = g_strdup (_("Nothing to report yet: open Veto to choose where you live and which apps you use."));
      return g_steal_pointer (&record);
    }

  record->intro = g_strdup (_("This record sets out the objections sent to Meta, with Veto, against the use of "
                              "personal data to train its artificial intelligence: for each account, the day it "
                              "was sent, the text sent, the day Meta had to answer by, Meta’s answer and the "
                              "evidence kept. The other steps taken follow in an annex. Each date is the day the "
                              "person states; where they entered it on another day, that day is given too. The "
                              "sources of the steps and the SHA-256 of each email kept are listed at the end, so "
                              "that the copies can be checked."));

  summary = g_string_new (NULL);
  g_string_append_printf (summary, _("Steps finished: %u of %u."),
                          veto_checklist_get_n_finished (checklist), veto_checklist_get_n_counted (checklist));
  if (veto_checklist_get_n_due (checklist) > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, _("Due for a recheck: %u."), veto_checklist_get_n_due (checklist));
    }
  if (g_list_model_get_n_items (veto_checklist_get_overdue_tasks (checklist)) > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, _("Refused or unanswered by Meta: %u."),
                              g_list_model_get_n_items (veto_checklist_get_overdue_tasks (checklist)));
    }
  record->summary = g_string_free (g_steal_pointer (&summary), FALSE);

  record->objections_title = g_strdup (_("Objections to Meta"));
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      if (veto_step_is_objection (veto_task_get_step (task)))
        g_ptr_array_add (record->objections, objection_new (store, task));
    }
  if (record->objections->len == 0)
    record->no_objections = g_strdup (_("Where the person lives, no objection form applies to the apps chosen."));

  record->annex_title = g_strdup (_("Annex: the other steps"));
  record->annex_intro = g_strdup (_("The steps below limit what Meta can use without an objection: settings, "
                                    "requests, and what is useful to know. Each is named by what it concerns."));

  for (guint i = 0; i < n_tasks;)
    {
      g_autoptr(VetoTask) first = g_list_model_get_item (tasks, i);
      guint end = i + 1;

      while (end < n_tasks)
        {
          g_autoptr(VetoTask) task = g_list_model_get_item (tasks, end);

          if (veto_task_get_app (task) != veto_task_get_app (first))
            break;
          end++;
        }

      {
        RecordApp *app = record_app_new (store, tasks, i, end);

        /* an app whose only step is its objection has nothing left here */
        if (app->groups->len > 0)
          g_ptr_array_add (record->apps, app);
        else
          record_app_free (app);
      }
      i = end;
    }

  add_earlier (record, checklist);
  add_evidence (record, checklist);
  add_sources (record, checklist);

  return g_steal_pointer (&record);
}
