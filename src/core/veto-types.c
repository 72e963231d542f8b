/* veto-types.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-types.h"

G_DEFINE_QUARK (veto-catalog-error-quark, veto_catalog_error)

/* The strings below are file-format tokens (catalog and progress file), never
 * shown to a person: they must not be translated or changed. */

static const char *kinds[] = { "form", "setting", "command", "information", "complaint" };
static const char *confidences[] = { "high", "medium", "low" };
static const char *scopes[] = { "account", "app", "accounts-center" };
static const char *states[] = { "todo", "submitted", "confirmed", "done", "skipped", "not-applicable", "refused" };

static gboolean
lookup (const char  *str,
        const char **table,
        guint        n_table,
        guint       *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_table; i++)
    {
      if (g_str_equal (str, table[i]))
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
veto_step_kind_to_string (VetoStepKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind];
}

gboolean
veto_step_kind_from_string (const char   *str,
                            VetoStepKind *kind)
{
  guint v;

  if (!lookup (str, kinds, G_N_ELEMENTS (kinds), &v))
    return FALSE;
  *kind = v;
  return TRUE;
}

const char *
veto_confidence_to_string (VetoConfidence confidence)
{
  g_return_val_if_fail (confidence < G_N_ELEMENTS (confidences), NULL);
  return confidences[confidence];
}

gboolean
veto_confidence_from_string (const char     *str,
                             VetoConfidence *confidence)
{
  guint v;

  if (!lookup (str, confidences, G_N_ELEMENTS (confidences), &v))
    return FALSE;
  *confidence = v;
  return TRUE;
}

const char *
veto_step_scope_to_string (VetoStepScope scope)
{
  g_return_val_if_fail (scope < G_N_ELEMENTS (scopes), NULL);
  return scopes[scope];
}

gboolean
veto_step_scope_from_string (const char    *str,
                             VetoStepScope *scope)
{
  guint v;

  if (!lookup (str, scopes, G_N_ELEMENTS (scopes), &v))
    return FALSE;
  *scope = v;
  return TRUE;
}

const char *
veto_step_state_to_string (VetoStepState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (states), NULL);
  return states[state];
}

gboolean
veto_step_state_from_string (const char    *str,
                             VetoStepState *state)
{
  guint v;

  if (!lookup (str, states, G_N_ELEMENTS (states), &v))
    return FALSE;
  *state = v;
  return TRUE;
}

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
