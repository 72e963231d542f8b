/* veto-status.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-i18n.h"
#include "veto-status.h"
#include "veto-text.h"

/* The text `veto --status` prints: the whole checklist, per app and
 * account, in the interface language, then one line that sums it up. It is
 * meant for a terminal and for scripts: the exit status says whether
 * anything is left (see VetoStatus). */

/**
 * veto_step_state_get_label:
 * @state: a state
 *
 * Returns: the state as a person reads it, translated
 */
const char *
veto_step_state_get_label (VetoStepState state)
{
  switch (state)
    {
    case VETO_STEP_STATE_TODO:
      return C_("state", "To do");
    case VETO_STEP_STATE_SUBMITTED:
      return C_("state", "Submitted");
    case VETO_STEP_STATE_CONFIRMED:
      return C_("state", "Confirmed");
    case VETO_STEP_STATE_DONE:
      return C_("state", "Done");
    case VETO_STEP_STATE_SKIPPED:
      return C_("state", "Skipped");
    case VETO_STEP_STATE_NOT_APPLICABLE:
      return C_("state", "Not applicable");
    case VETO_STEP_STATE_REFUSED:
      return C_("state", "Refused");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * veto_account_get_display_name:
 * @label: (nullable): the label the person gave the account
 * @account_id: (nullable): the account's id
 *
 * Returns: (transfer full): how to name the account in a list
 */
char *
veto_account_get_display_name (const char *label,
                               const char *account_id)
{
  if (label != NULL && *label != '\0')
    return g_strdup (label);

  if (account_id == NULL)
    return g_strdup (_("Every account"));

  return g_strdup (_("Unnamed account"));
}

/**
 * veto_task_dup_place:
 * @task: a task
 * @accounts: (nullable): the accounts to name, or %NULL for the task's own
 *
 * Where a step stands, at the start of a line about it: the app and the
 * account ("Facebook, Personal"), or the app alone for a step done once
 * for every account ("Facebook", not "Facebook, Every account").
 *
 * Returns: (transfer full): the app, and the accounts if any
 */
char *
veto_task_dup_place (VetoTask   *task,
                     const char *accounts)
{
  const char *app = veto_app_get_name (veto_task_get_app (task));
  g_autofree char *account = NULL;

  if (veto_task_get_account_id (task) == NULL)
    return g_strdup (app);

  if (accounts == NULL)
    accounts = account = veto_account_get_display_name (veto_task_get_account_label (task),
                                                        veto_task_get_account_id (task));

  /* Translators: an app and one or more of the person's accounts on it:
   * "Facebook, Personal" */
  return g_strdup_printf (_("%s, %s"), app, accounts);
}

/**
 * veto_task_dup_overdue_sentence:
 * @task: a task whose objection Meta refused or left unanswered
 *
 * Returns: (transfer full) (nullable): one translated sentence saying so
 *   and since when, or %NULL when neither holds
 */
char *
veto_task_dup_overdue_sentence (VetoTask *task)
{
  GDateTime *since = veto_task_get_overdue_since (task);
  g_autofree char *date = since ? veto_format_date (since) : NULL;
  int months = veto_task_get_answer_months (task);

  if (veto_task_get_state (task) == VETO_STEP_STATE_REFUSED)
    {
      if (date == NULL)
        return g_strdup (_("Meta refused this objection."));
      /* Translators: %s is a date */
      return g_strdup_printf (_("Meta refused this objection on %s."), date);
    }

  if (!veto_task_get_overdue (task))
    return NULL;

  /* Translators: the first %d is a number of months (the answer period of
   * the person's region: the GDPR's Art. 12(3) in the EU and the UK), %s a date */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "No answer from Meta within %d month: overdue since %s.",
                                       "No answer from Meta within %d months: overdue since %s.",
                                       months),
                          months, date);
}

/**
 * veto_task_dup_answer_due_sentence:
 * @task: a task
 *
 * For an objection sent and waiting for Meta: by when Meta must answer
 * (and by when if it extended its period), or, where the law sets it no
 * deadline, that it has none. The window's card and `--status` say the same.
 *
 * Returns: (transfer full) (nullable): one translated sentence, or %NULL
 *   for a task that does not wait for Meta's answer
 */
char *
veto_task_dup_answer_due_sentence (VetoTask *task)
{
  GDateTime *due = veto_task_get_answer_due (task);
  GDateTime *extended = veto_task_get_answer_extended_due (task);

  if (veto_task_get_state (task) != VETO_STEP_STATE_SUBMITTED)
    return NULL;

  if (due != NULL && extended != NULL)
    {
      g_autofree char *day = veto_format_date (due);
      g_autofree char *later = veto_format_date (extended);

      /* Translators: two dates: the last day of Meta's answer period, and
       * of the period as Meta may extend it (GDPR Art. 12(3)) */
      return g_strdup_printf (_("Answer due by %s, or by %s if Meta told you it needed more time."), day, later);
    }

  if (due != NULL)
    {
      g_autofree char *day = veto_format_date (due);

      /* Translators: %s is a date: the last day of Meta's answer period */
      return g_strdup_printf (_("Answer due by %s."), day);
    }

  if (veto_task_get_answer_without_deadline (task))
    return g_strdup (_("The law where you live sets Meta no deadline to answer."));

  return NULL;
}

/**
 * veto_task_get_attach_hint:
 * @task: a conditional task made a to-do by a refused or overdue objection
 *
 * Returns: (nullable): what to attach to it, translated
 */
const char *
veto_task_get_attach_hint (VetoTask *task)
{
  VetoTask *cause = veto_task_get_activated_by (task);

  if (cause == NULL)
    return NULL;

  if (veto_task_get_state (cause) == VETO_STEP_STATE_REFUSED)
    return _("Attach the record you export from Veto, and Meta’s refusal.");

  return _("Attach the record you export from Veto: it shows the day you sent the objection and that Meta did not confirm it in time.");
}

/**
 * veto_account_dup_name:
 * @store: the progress
 * @app_id: an app
 * @account_id: one of its accounts
 *
 * Until the person names them, accounts are "Account 1", "Account 2"… in
 * the order they were added, so that two of them never read the same.
 *
 * Returns: (transfer full): how to name the account
 */
static gboolean
same_label (const char *a,
            const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (g_strstrip (fa), g_strstrip (fb));
}

char *
veto_account_dup_name (VetoProgressStore *store,
                       const char        *app_id,
                       const char        *account_id)
{
  g_autofree char *label = veto_progress_store_dup_account_label (store, app_id, account_id);
  g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, app_id);
  guint position = 0;
  gboolean shared = FALSE;

  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *other = NULL;

      if (g_strcmp0 (accounts[i], account_id) == 0)
        {
          position = i + 1;
          continue;
        }
      if (label == NULL || *label == '\0')
        continue;
      other = veto_progress_store_dup_account_label (store, app_id, accounts[i]);
      if (other != NULL && same_label (other, label))
        shared = TRUE;
    }

  /* a label from a hand-edited file is shown everywhere: one line, no
   * control or bidi character (veto-text.c) */
  if (label != NULL)
    {
      g_autofree char *raw = g_steal_pointer (&label);

      label = veto_text_clean (raw, VETO_TEXT_SINGLE_LINE, 200);
      g_strstrip (label);
    }

  /* Two accounts named alike ("Perso" twice) must not look the same in
   * every message: each is also said by its place. */
  if (label != NULL && *label != '\0')
    return shared && position > 0
      /* Translators: an account's label shared by another account of the
       * same app, then its place: "Perso (account 2)" */
      ? g_strdup_printf (_("%s (account %u)"), label, position)
      : g_steal_pointer (&label);

  if (position > 0)
    /* Translators: an account the person has not named yet, "Account 2" */
    return g_strdup_printf (_("Account %u"), position);

  return veto_account_get_display_name (NULL, account_id);
}

/**
 * veto_task_dup_name:
 * @task: a task
 *
 * Names a task in a sentence or a list where nothing around it says which
 * app or account it is for: a notification, Veto's questions, "Same as:".
 *
 * Returns: (transfer full): the step's title with its app and, for a step
 *   done per account, the account ("Object to AI training on your Facebook
 *   account (Facebook, Personal)", "Turn off activity from other businesses
 *   (Facebook)")
 */
char *
veto_task_dup_name (VetoTask *task)
{
  g_autofree char *place = veto_task_dup_place (task, NULL);

  /* Translators: a step's title, then where it is done: "Turn off
   * activity from other businesses (Facebook)", "Object to AI training on
   * your Instagram account (Instagram, Personal)" */
  return g_strdup_printf (_("%s (%s)"), veto_step_get_title (veto_task_get_step (task)), place);
}

/**
 * veto_task_dup_followed_name:
 * @task: a task that follows another (veto_task_get_followed())
 *
 * Returns: (transfer full): the name of the task whose state @task shows,
 *   with its app (veto_task_dup_name()): its title alone may be @task's
 *   own (Instagram's Accounts Center setting is Facebook's)
 */
char *
veto_task_dup_followed_name (VetoTask *task)
{
  VetoTask *followed = veto_task_get_followed (task);

  g_return_val_if_fail (followed != NULL, NULL);

  return veto_task_dup_name (followed);
}

static void
write_task (VetoTask *task,
            GString  *out,
            guint     indent)
{
  VetoStep *step = veto_task_get_step (task);
  VetoStepState state = veto_task_get_state (task);
  const char *label = veto_task_get_active (task)
    ? veto_step_state_get_label (state)
    /* Translators: the state of a step that is a to-do only if Meta refuses
     * or does not answer an objection; at most 15 characters */
    : C_("state", "Only if needed");
  /* Pad by characters, not bytes: "À faire" must line up with "Done". */
  glong pad = MAX (0, 16 - g_utf8_strlen (label, -1));

  g_string_append_printf (out, "%*s%s%*s%s\n", indent, "", label, (int)pad, "",
                          veto_step_get_title (step));

  if (veto_task_get_followed (task) != NULL)
    {
      g_autofree char *name = veto_task_dup_followed_name (task);

      g_string_append_printf (out, "%*s", indent + 16, "");
      /* Translators: %s is the title of the step whose state this one
       * takes: "Same as: Object to AI training on your Instagram account" */
      g_string_append_printf (out, _("Same as: %s"), name);
      g_string_append_c (out, '\n');
    }

  if (veto_task_get_due (task))
    {
      const char *reason = veto_task_get_due_reason (task);

      g_string_append_printf (out, "%*s", indent + 16, "");
      if (reason != NULL)
        {
          /* Translators: %s is what changed, from the catalog's changelog:
           * "Due for a recheck: The Facebook form moved." */
          g_string_append_printf (out, _("Due for a recheck: %s"), reason);
        }
      else
        {
          g_autofree char *date = veto_format_date (veto_task_get_due_date (task));

          /* Translators: %s is a date */
          g_string_append_printf (out, _("Due for a recheck since %s"), date);
        }
      g_string_append_c (out, '\n');
    }

  {
    g_autofree char *overdue = veto_task_dup_overdue_sentence (task);
    g_autofree char *answer = overdue == NULL && veto_task_get_followed (task) == NULL
      ? veto_task_dup_answer_due_sentence (task) : NULL;

    if (overdue != NULL)
      g_string_append_printf (out, "%*s%s\n", indent + 16, "", overdue);
    if (answer != NULL)
      g_string_append_printf (out, "%*s%s\n", indent + 16, "", answer);
  }

  if (veto_task_get_activated_by (task) != NULL && !VETO_STEP_STATE_IS_FINISHED (state))
    g_string_append_printf (out, "%*s%s\n", indent + 16, "", veto_task_get_attach_hint (task));
}

static char *
describe_where (VetoTask *task)
{
  const char *app = veto_app_get_name (veto_task_get_app (task));

  if (veto_task_get_account_id (task) == NULL)
    return g_strdup (app);

  {
    g_autofree char *account = veto_account_get_display_name (veto_task_get_account_label (task),
                                                              veto_task_get_account_id (task));

    /* Translators: an app and an account: "Facebook — Personal" */
    return g_strdup_printf (_("%s — %s"), app, account);
  }
}

/* What Meta refused or left unanswered comes first, with the next thing
 * to do for each. */
static void
write_overdue (VetoChecklist *checklist,
               GString       *out)
{
  GListModel *overdue = veto_checklist_get_overdue_tasks (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (overdue); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (overdue, i);
      g_autoptr(GPtrArray) next = veto_checklist_find_follow_ups (checklist, task);
      g_autofree char *where = describe_where (task);
      g_autofree char *sentence = veto_task_dup_overdue_sentence (task);

      g_string_append_printf (out, "\n! %s (%s)\n  %s\n",
                              veto_step_get_title (veto_task_get_step (task)), where, sentence);
      for (guint j = 0; j < next->len; j++)
        {
          VetoTask *follow_up = g_ptr_array_index (next, j);

          /* Translators: %s is a step: what to do now that Meta refused or did not answer */
          g_string_append (out, "  ");
          g_string_append_printf (out, _("Next: %s"), veto_step_get_title (veto_task_get_step (follow_up)));
          g_string_append_printf (out, "\n  %s\n", veto_task_get_attach_hint (follow_up));
        }
    }
}

/* Steps recorded earlier that no longer apply: never hidden. */
static void
write_earlier (VetoChecklist *checklist,
               GString       *out)
{
  GListModel *earlier = veto_checklist_get_earlier_tasks (checklist);
  guint n = g_list_model_get_n_items (earlier);

  if (n == 0)
    return;

  g_string_append_printf (out, "\n%s\n", _("Recorded earlier, no longer applying where you live or to your apps"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (earlier, i);
      g_autofree char *where = describe_where (task);
      const char *label = veto_step_state_get_label (veto_task_get_state (task));
      glong pad = MAX (0, 16 - g_utf8_strlen (label, -1));

      g_string_append_printf (out, "  %s%*s%s (%s)\n", label, (int)pad, "",
                              veto_step_get_title (veto_task_get_step (task)), where);
    }
}

/* Meta's emails kept as proof whose copy is gone or was changed: said,
 * since the person may count on them. Returns how many. */
static guint
write_evidence_problems (VetoChecklist *checklist,
                         GString       *out)
{
  VetoProgressStore *store = veto_checklist_get_store (checklist);
  GListModel *lists[] = { veto_checklist_get_tasks (checklist), veto_checklist_get_earlier_tasks (checklist) };
  guint n = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(VetoTask) task = g_list_model_get_item (lists[l], i);
        g_autoptr(VetoEvidenceInfo) evidence =
          veto_progress_store_dup_evidence (store, veto_step_get_id (veto_task_get_step (task)),
                                            veto_task_get_account_id (task));
        g_autofree char *path = NULL;
        g_autofree char *name = NULL;
        VetoEvidenceFileState state;

        if (evidence == NULL)
          continue;
        state = veto_evidence_info_check_file (evidence, &path);
        if (state == VETO_EVIDENCE_FILE_KEPT)
          continue;

        if (n++ == 0)
          g_string_append_c (out, '\n');
        name = veto_task_dup_name (task);
        if (state == VETO_EVIDENCE_FILE_MISSING)
          /* Translators: the first %s is a step with its app and account, the second a file */
          g_string_append_printf (out, _("! The copy of Meta’s email kept for %s is missing: %s"), name, path);
        else
          /* Translators: the first %s is a step with its app and account, the second a file */
          g_string_append_printf (out, _("! The copy of Meta’s email kept for %s was changed since Veto kept it: %s"),
                                  name, path);
        g_string_append_c (out, '\n');
      }

  return n;
}

/**
 * veto_status_write:
 * @checklist: the checklist to report
 * @out: where the text goes
 *
 * Returns: %VETO_STATUS_COMPLETE when every chosen step is finished and
 *   nothing is due for a recheck, else %VETO_STATUS_PENDING
 */
VetoStatus
veto_status_write (VetoChecklist *checklist,
                   GString       *out)
{
  VetoCatalog *catalog;
  VetoProgressStore *store;
  GListModel *tasks;
  g_autofree char *published = NULL;
  VetoRegion *region;
  guint n_tasks, n_counted, n_overdue, n_finished, n_due, n_evidence_problems;

  /* checked before anything is read from the checklist */
  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), VETO_STATUS_ERROR);
  g_return_val_if_fail (out != NULL, VETO_STATUS_ERROR);

  catalog = veto_checklist_get_catalog (checklist);
  store = veto_checklist_get_store (checklist);
  tasks = veto_checklist_get_tasks (checklist);
  published = veto_format_date (veto_catalog_get_published (catalog));
  region = veto_catalog_lookup_region (catalog, veto_progress_store_get_region (store));
  n_tasks = veto_checklist_get_n_tasks (checklist);
  n_counted = veto_checklist_get_n_counted (checklist);
  n_overdue = g_list_model_get_n_items (veto_checklist_get_overdue_tasks (checklist));
  n_finished = veto_checklist_get_n_finished (checklist);
  n_due = veto_checklist_get_n_due (checklist);

  /* Translators: %s is the catalog's name ("Meta AI training"), %d its
   * version, the last %s a date */
  g_string_append_printf (out, _("Veto — %s, steps version %d of %s"),
                          veto_catalog_get_name (catalog),
                          veto_catalog_get_version (catalog), published);
  g_string_append_c (out, '\n');

  if (region == NULL || n_tasks == 0)
    {
      g_string_append (out, _("Nothing to report yet: open Veto to choose where you live and which apps you use."));
      g_string_append_c (out, '\n');
      write_earlier (checklist, out);
      return VETO_STATUS_PENDING;
    }

  /* Translators: %s is a region such as "United Kingdom" */
  g_string_append_printf (out, _("Where you live: %s"), veto_region_get_name (region));
  g_string_append_c (out, '\n');

  write_overdue (checklist, out);

  /* Tasks come app by app; within an app, steps done once come first,
   * then each account's steps under the account's name. */
  for (guint i = 0; i < n_tasks;)
    {
      g_autoptr(VetoTask) first = g_list_model_get_item (tasks, i);
      VetoApp *app = veto_task_get_app (first);
      g_autoptr(GPtrArray) accounts = g_ptr_array_new ();
      guint end = i;

      while (end < n_tasks)
        {
          g_autoptr(VetoTask) task = g_list_model_get_item (tasks, end);
          const char *account = veto_task_get_account_id (task);

          if (veto_task_get_app (task) != app)
            break;

          if (account != NULL &&
              !g_ptr_array_find_with_equal_func (accounts, account, g_str_equal, NULL))
            g_ptr_array_add (accounts, (gpointer)account);
          end++;
        }

      g_string_append_printf (out, "\n%s\n", veto_app_get_name (app));
      for (guint j = i; j < end; j++)
        {
          g_autoptr(VetoTask) task = g_list_model_get_item (tasks, j);

          if (veto_task_get_account_id (task) == NULL)
            write_task (task, out, 2);
        }

      for (guint k = 0; k < accounts->len; k++)
        {
          const char *account = g_ptr_array_index (accounts, k);
          gboolean named = FALSE;

          for (guint j = i; j < end; j++)
            {
              g_autoptr(VetoTask) task = g_list_model_get_item (tasks, j);

              if (g_strcmp0 (veto_task_get_account_id (task), account) != 0)
                continue;

              if (!named)
                {
                  g_autofree char *name =
                    veto_account_get_display_name (veto_task_get_account_label (task), account);

                  g_string_append_printf (out, "  %s\n", name);
                  named = TRUE;
                }
              write_task (task, out, 4);
            }
        }

      i = end;
    }

  write_earlier (checklist, out);
  n_evidence_problems = write_evidence_problems (checklist, out);

  g_string_append_c (out, '\n');
  /* Written as "label: count" so that no language needs plural forms that
   * depend on two numbers at once. */
  g_string_append_printf (out, _("Steps finished: %u of %u."), n_finished, n_counted);
  if (n_due > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Due for a recheck: %u."), n_due);
    }
  if (n_overdue > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Refused or unanswered by Meta: %u."), n_overdue);
    }
  g_string_append_c (out, '\n');

  return (n_finished == n_counted && n_due == 0 && n_overdue == 0 && n_evidence_problems == 0)
    ? VETO_STATUS_COMPLETE : VETO_STATUS_PENDING;
}
