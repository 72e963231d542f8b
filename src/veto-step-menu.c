/* veto-step-menu.c: the ⋮ menu of a step for one account
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-lifecycle.h"
#include "veto-step-menu.h"

/**
 * veto_step_menu_new:
 * @step: a step
 * @account_id: its account, or "" for a step done once
 * @state: the step's state for that account
 * @offer_note: whether to offer "Add a Note" (no note field shown yet)
 *
 * The ⋮ menu of a step for one account: the states a person can move it
 * to, Meta's answer and email, the other official links, and the sources.
 *
 * Returns: (transfer full): the menu
 */
GMenuModel *
veto_step_menu_new (VetoStep      *step,
                    const char    *account_id,
                    VetoStepState  state,
                    gboolean       offer_note,
                    gboolean       has_evidence)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) states = g_menu_new ();
  g_autoptr(GMenu) sources = g_menu_new ();
  const char *step_id = veto_step_get_id (step);
  const char * const *urls = veto_step_get_sources (step);
  struct {
    VetoStepState  state;
    const char    *label;
  } entries[] = {
    { VETO_STEP_STATE_SKIPPED, N_("_Skip This Step") },
    { VETO_STEP_STATE_NOT_APPLICABLE, N_("_Doesn’t Apply to Me") },
    { VETO_STEP_STATE_TODO, N_("_Back to To Do") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (entries[i].state == state)
        continue;

      item = g_menu_item_new (_(entries[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, "win.set-state",
                                               g_variant_new ("(sss)", step_id, account_id,
                                                              veto_step_state_to_string (entries[i].state)));
      g_menu_append_item (states, item);
    }
  /* Meta's answer, and a way back that keeps the submission's date */
  if (veto_step_get_kind (step) == VETO_STEP_KIND_FORM)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (state == VETO_STEP_STATE_SUBMITTED)
        {
          item = g_menu_item_new (_("Meta _Refused"), NULL);
          g_menu_item_set_action_and_target_value (item, "win.set-state",
                                                   g_variant_new ("(sss)", step_id, account_id,
                                                                  veto_step_state_to_string (VETO_STEP_STATE_REFUSED)));
          g_menu_append_item (states, item);
          g_clear_object (&item);
        }
      else if (veto_step_state_is_answered (state))
        {
          item = g_menu_item_new (_("Back to _Submitted"), NULL);
          g_menu_item_set_action_and_target_value (item, "win.set-state",
                                                   g_variant_new ("(sss)", step_id, account_id,
                                                                  veto_step_state_to_string (VETO_STEP_STATE_SUBMITTED)));
          g_menu_append_item (states, item);
          g_clear_object (&item);
        }

      /* once sent, the form is no longer the main button: it stays here */
      if (state != VETO_STEP_STATE_TODO && veto_step_get_url (step) != NULL)
        {
          g_clear_object (&item);
          item = g_menu_item_new (_("Open the Official _Form"), NULL);
          g_menu_item_set_action_and_target_value (item, "win.open-step",
                                                   g_variant_new ("(ss)", step_id, account_id));
          g_menu_append_item (states, item);
        }

      if (state == VETO_STEP_STATE_SUBMITTED || state == VETO_STEP_STATE_CONFIRMED)
        {
          g_clear_object (&item);
          item = g_menu_item_new (_("Attach Meta’s _Email…"), NULL);
          g_menu_item_set_action_and_target_value (item, "win.choose-email",
                                                   g_variant_new ("(ss)", step_id, account_id));
          g_menu_append_item (states, item);
          g_clear_object (&item);
        }

      /* the email kept may be an acknowledgement kept only as proof: the
       * person reads it again before saying what Meta answered */
      if (has_evidence)
        {
          item = g_menu_item_new (_("Open Meta’s _Kept Email"), NULL);
          g_menu_item_set_action_and_target_value (item, "win.open-evidence",
                                                   g_variant_new ("(ss)", step_id, account_id));
          g_menu_append_item (states, item);
        }
    }

  /* a refusal is not checked again: it is complained about */
  if (VETO_STEP_STATE_IS_FINISHED (state) &&
      state != VETO_STEP_STATE_SKIPPED && state != VETO_STEP_STATE_NOT_APPLICABLE &&
      state != VETO_STEP_STATE_REFUSED)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_Record Today’s Check"), NULL);

      g_menu_item_set_action_and_target_value (item, "win.mark-checked",
                                               g_variant_new ("(ss)", step_id, account_id));
      g_menu_append_item (states, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (states));

  if (veto_step_get_fallback_urls (step)[0] != NULL)
    g_menu_append (menu, _("Show _Other Official Links"), "card.show-fallbacks");
  if (offer_note)
    g_menu_append (menu, _("Add a _Note"), "card.add-note");

  /* Where the facts come from: a person can read them for themselves. */
  for (guint i = 0; urls[i] != NULL; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (urls[i], G_URI_FLAGS_NONE, NULL);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* Translators: a menu item that opens a source; %s is its host, e.g. about.fb.com */
      label = g_strdup_printf (_("Source: %s"), uri ? g_uri_get_host (uri) : urls[i]);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-url",
                                               g_variant_new ("(sss)", step_id, account_id, urls[i]));
      g_menu_append_item (sources, item);
    }
  /* a step sourced only by notes (articles, app code) has no link to offer */
  if (urls[0] != NULL)
    g_menu_append_section (menu, _("Where This Comes From"), G_MENU_MODEL (sources));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}
