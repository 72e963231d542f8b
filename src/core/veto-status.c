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
