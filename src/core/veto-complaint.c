/* veto-complaint.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-complaint.h"
#include "veto-i18n.h"

/* The complaint a person pastes into the regulator's form (the CNIL's, the
 * ICO's) or sends to Meta first, filled with their own facts: which
 * accounts, the day each objection was sent, the day Meta's answer was due
 * or the day it refused, and the email kept as evidence. It cites only the
 * law of the person's region, as the letters do.
 *
 * The sentences are Veto's own rather than the catalog's: they are fixed by
 * the articles they cite and filled from the progress, and a sentence per
 * region keeps each whole for translators. Only the regions the catalog
 * has a complaint route for have one (in Switzerland a report to the
 * FDPIC, in Brazil a petition to the ANPD). */
typedef struct
{
  const char *region;
  const char *opening;
  const char *closing;
} ComplaintLaw;

static const ComplaintLaw laws[] = {
  { "eu",
    N_("I am making a complaint about Meta. I exercised my right to object, under Article 21 of the GDPR, to Meta using my personal data to develop and improve its AI, and Meta has not respected my objection:"),
    N_("I ask you to handle this complaint under Article 77 of the GDPR. I first exercised my right with Meta, as the dates above show; the dossier exported from Veto, attached, records them with the evidence kept.") },
  { "uk",
    N_("I am making a complaint about Meta. I exercised my right to object, under Article 21 of the UK GDPR, to Meta using my personal data to develop and improve its AI, and Meta has not respected my objection:"),
    N_("I ask for this complaint to be handled under the UK GDPR. The dossier exported from Veto, attached, records these dates with the evidence kept.") },
  /* The FDPIC decides no individual complaint: a report asks it to open an
   * investigation (nFADP art. 49), and it tells the person who reported
   * what came of it. The objection is the nFADP's express refusal (art. 30
   * para. 2 let. b). */
  { "ch",
    N_("I am reporting Meta to the FDPIC. I expressly objected, under article 30 paragraph 2 letter b of the Swiss Federal Act on Data Protection (nFADP), to Meta using my personal data to develop and improve its AI, and Meta has not respected my objection:"),
    N_("I ask the FDPIC to open an investigation under article 49 of the nFADP. I first objected to Meta, as the dates above show; the dossier exported from Veto, attached, records them with the evidence kept.") },
  /* A petition to the ANPD (LGPD art. 18 §1) after the request to Meta; the
   * objection alleges non-compliance, as art. 18 §2 requires. */
  { "br",
    N_("I am submitting a petition about Meta. I objected, under article 18 §2 of the LGPD, to Meta using my personal data to develop and improve its AI, as I consider that this use does not comply with the LGPD, and Meta has not respected my objection:"),
    N_("I ask the ANPD to examine this petition under article 18 §1 of the LGPD. I first made my request to Meta, as the dates above show; the dossier exported from Veto, attached, records them with the evidence kept.") },
};

static const ComplaintLaw *
find_law (const char *region)
{
  for (guint i = 0; region != NULL && i < G_N_ELEMENTS (laws); i++)
    if (g_str_equal (laws[i].region, region))
      return &laws[i];
  return NULL;
}

/* One objection Meta refused or left unanswered past its period. */
static void
append_objection (GString           *out,
                  VetoProgressStore *store,
                  VetoTask          *task)
{
  const char *step_id = veto_step_get_id (veto_task_get_step (task));
  const char *account_id = veto_task_get_account_id (task);
  const char *app = veto_app_get_name (veto_task_get_app (task));
  const char *label = veto_task_get_account_label (task);
  g_autoptr(GDateTime) sent = veto_progress_store_dup_date (store, step_id, account_id, VETO_DATE_SUBMITTED);
  g_autoptr(VetoEvidenceInfo) evidence = veto_progress_store_dup_evidence (store, step_id, account_id);
  GDateTime *since = veto_task_get_overdue_since (task);
  g_autofree char *sent_day = sent ? veto_format_date (sent) : NULL;

  g_string_append (out, "- ");
  if (label != NULL && sent_day != NULL)
    /* Translators: an app, the person's name for their account, a date */
    g_string_append_printf (out, _("%s, account “%s”: objection sent on %s."), app, label, sent_day);
  else if (label != NULL)
    /* Translators: an app, then the person's name for their account */
    g_string_append_printf (out, _("%s, account “%s”: objection sent."), app, label);
  else if (sent_day != NULL)
    /* Translators: an app, then a date */
    g_string_append_printf (out, _("%s: objection sent on %s."), app, sent_day);
  else
    /* Translators: an app */
    g_string_append_printf (out, _("%s: objection sent."), app);
  g_string_append_c (out, ' ');

  if (veto_task_get_state (task) == VETO_STEP_STATE_REFUSED)
    {
      g_autofree char *day = since ? veto_format_date (since) : NULL;

      if (day != NULL)
        /* Translators: %s is a date */
        g_string_append_printf (out, _("Meta refused it on %s."), day);
      else
        g_string_append (out, _("Meta refused it."));
    }
  else
    {
      /* overdue from the day after the last day of the period */
      g_autoptr(GDateTime) due = g_date_time_add_days (since, -1);
      g_autofree char *day = veto_format_date (due);

      /* Translators: %s is a date, the last day of Meta's answer period */
      g_string_append_printf (out, _("Meta has not answered, and its answer was due by %s."), day);
    }

  if (evidence != NULL && evidence->subject != NULL && *evidence->subject != '\0')
    {
      g_string_append_c (out, ' ');
      /* Translators: %s is the subject of Meta's email */
      g_string_append_printf (out, _("Evidence kept: Meta’s email “%s”, whose SHA-256 fingerprint is in the attached dossier."),
                              evidence->subject);
    }
  else if (evidence != NULL)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("Evidence kept: Meta’s email, whose SHA-256 fingerprint is in the attached dossier."));
    }
  g_string_append_c (out, '\n');
}

/**
 * veto_complaint_dup_text:
 * @checklist: the person's checklist
 *
 * The ready-to-paste complaint, in the interface language: every objection
 * of the checklist that Meta refused or left unanswered past its answer
 * period (a step that takes its state from another, Threads', is left to
 * that one), with the app, the account's name, the day it was sent, the day
 * Meta's answer was due or the day it refused, and the email kept as
 * evidence; citing only the law of the person's region.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nothing
 *   calls for a complaint or Veto has no complaint route for the region
 */
char *
veto_complaint_dup_text (VetoChecklist *checklist)
{
  VetoProgressStore *store;
  const ComplaintLaw *law;
  GListModel *tasks;
  g_autoptr(GString) out = NULL;
  guint n = 0;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), NULL);

  store = veto_checklist_get_store (checklist);
  law = find_law (veto_progress_store_get_region (store));
  if (law == NULL)
    return NULL;

  out = g_string_new (_(law->opening));
  g_string_append_c (out, '\n');

  tasks = veto_checklist_get_tasks (checklist);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      if (veto_task_get_followed (task) != NULL ||
          !(veto_task_get_overdue (task) || veto_task_get_state (task) == VETO_STEP_STATE_REFUSED))
        continue;

      append_objection (out, store, task);
      n++;
    }

  if (n == 0)
    return NULL;

  g_string_append (out, _(law->closing));
  return g_string_free (g_steal_pointer (&out), FALSE);
}
