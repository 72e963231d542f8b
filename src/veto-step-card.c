/* veto-step-card.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "veto-checklist.h"
#include "veto-complaint.h"
#include "veto-i18n.h"
#include "veto-step-actions.h"
#include "veto-step-card.h"
#include "veto-util.h"
#include "veto-wrap-box.h"

/* One step, explained once: its title and one line of what it does, then
 * what to do about it, for each account (a VetoStepActions each), then the
 * text to paste in the form, and last, folded away, the rest: where it is
 * in the app, what Meta warns about, how sure we are and from where.
 *
 * With a single account (or a step done once per app) the actions take the
 * title line themselves, so the first thing under the title is the button
 * to press. */
struct _VetoStepCard
{
  GtkWidget      parent_instance;

  VetoChecklist *checklist;
  VetoStep      *step;

  /* template widgets */
  GtkLabel      *title_label;
  GtkLabel      *lead_label;
  GtkBox        *accounts_box;
  GtkWidget     *objection_box;
  GtkLabel      *objection_heading;
  GtkLabel      *objection_label;
  GtkButton     *copy_button;
  GtkExpander   *details_expander;
  GtkLabel      *more_label;
  GtkWidget     *path_box;
  GtkLabel      *path_label;
  GtkWidget     *caveats_box;
  GtkLabel      *caveats_label;
  GtkLabel      *confidence_label;
  GtkLabel      *sources_label;
  GtkButton     *why_button;
};

G_DEFINE_FINAL_TYPE (VetoStepCard, veto_step_card, GTK_TYPE_WIDGET)

/**
 * veto_step_card_split_lead:
 * @description: a step's description
 * @rest: (out) (transfer full): what follows the first sentence, or %NULL
 *
 * Returns: (transfer full): the first sentence, which says what the step
 *   does in one line
 */
char *
veto_step_card_split_lead (const char  *description,
                           char       **rest)
{
  const char *p = description;

  *rest = NULL;
  if (description == NULL)
    return g_strdup ("");

  /* the first ". " that ends a sentence, not an abbreviation */
  while ((p = strstr (p, ". ")) != NULL)
    {
      if (p - description >= 24 && !g_ascii_isupper (p[-1]))
        {
          *rest = g_strdup (p + 2);
          return g_strndup (description, p + 1 - description);
        }
      p += 2;
    }

  return g_strdup (description);
}

static void
populate (VetoStepCard *self)
{
  const char *path = veto_step_get_in_app_path (self->step);
  /* the letter cites the law where the person lives, and only that one;
   * so do the region's own description and caveats (format 4) */
  const char *region = veto_progress_store_get_region (veto_checklist_get_store (self->checklist));
  g_autofree char *caveats = veto_step_dup_caveats_in (self->step, region);
  const char *region_text = veto_step_get_region_description (self->step, region);
  const char *objection = veto_step_get_objection_text (self->step, region);
  const char *source_notes = veto_step_get_source_notes (self->step);
  g_autofree char *verified = veto_format_date (veto_step_get_last_verified (self->step));
  g_autofree char *confidence = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *lead = veto_step_card_split_lead (veto_step_get_description (self->step), &rest);
  g_autoptr(GString) bullets = g_string_new (NULL);
  const char *how_sure = NULL;

  gtk_label_set_text (self->title_label, veto_step_get_title (self->step));
  gtk_label_set_text (self->lead_label, lead);
  if (region_text != NULL)
    {
      char *more = rest ? g_strconcat (rest, " ", region_text, NULL) : g_strdup (region_text);

      g_free (rest);
      rest = more;
    }
  gtk_label_set_text (self->more_label, rest ? rest : "");
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), rest != NULL);

  gtk_widget_set_visible (self->path_box, path != NULL);
  if (path != NULL)
    gtk_label_set_text (self->path_label, path);

  gtk_widget_set_visible (self->caveats_box, caveats != NULL);
  if (caveats != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (caveats, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (*g_strstrip (lines[i]) == '\0')
            continue;
          if (bullets->len > 0)
            g_string_append_c (bullets, '\n');
          g_string_append_printf (bullets, "• %s", lines[i]);
        }
      gtk_label_set_text (self->caveats_label, bullets->str);
    }

  switch (veto_step_get_confidence (self->step))
    {
    case VETO_CONFIDENCE_HIGH:
      how_sure = _("How sure we are: high — Meta’s own material, confirmed by independent sources.");
      break;
    case VETO_CONFIDENCE_MEDIUM:
      how_sure = _("How sure we are: medium — several independent sources agree.");
      break;
    case VETO_CONFIDENCE_LOW:
      how_sure = _("How sure we are: low — reported by a single source; check it in your app.");
      break;
    default:
      g_assert_not_reached ();
    }
  /* Format 4: what was read (the sources' stored copies, or only our
   * notes), when, and whether the links were opened live, from the
   * sources the step cites; "Why do we say this?" shows them. */
  if (veto_step_get_cited_sources (self->step) != NULL)
    {
      g_autofree char *checked = veto_step_dup_checked_text (self->step);

      confidence = g_strconcat (how_sure, " ", checked, NULL);
    }
  /* LastVerified is the day someone read the step's sources; whether its
   * links were also opened live is a separate fact, said in plain words. */
  else if (veto_step_get_link_checked (self->step) != NULL)
    {
      g_autofree char *checked = veto_format_date (veto_step_get_link_checked (self->step));

      /* Translators: the first %s says how sure we are, the others are dates */
      confidence = g_strdup_printf (_("%s Sources read on %s; links checked on %s."), how_sure, verified, checked);
    }
  else
    /* Translators: the first %s says how sure we are, the second is a date */
    confidence = g_strdup_printf (_("%s Sources read on %s; link not yet checked."), how_sure, verified);
  gtk_label_set_text (self->confidence_label, confidence);

  if (source_notes != NULL)
    {
      /* Translators: %s lists where a step's facts come from */
      g_autofree char *text = g_strdup_printf (_("Sources: %s"), source_notes);

      gtk_label_set_text (self->sources_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sources_label), source_notes != NULL);

  /* which sentence rests on which source: only a format-4 catalog says */
  gtk_widget_set_visible (GTK_WIDGET (self->why_button), veto_step_get_cited_sources (self->step) != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->why_button), "s", veto_step_get_id (self->step));
  /* GTK 4.8 named it after its raw label ("_Why…") and its label child both */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->why_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->why_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why do we say this?"), -1);

  /* The text a person pastes, shown so they know what they send. */
  gtk_widget_set_visible (self->objection_box, objection != NULL);
  if (objection != NULL)
    {
      gtk_label_set_text (self->objection_label, objection);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->copy_button), "win.copy-objection");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "s", veto_step_get_id (self->step));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, veto_step_get_title (self->step),
                                  -1);
}

/* A complaint's card shows the complaint ready to paste, made of the
 * person's own facts (veto-complaint.c): which accounts, when each
 * objection was sent, Meta's refusal or silence, the evidence kept. It
 * follows them as they change. */
static void
update_complaint_text (VetoStepCard *self)
{
  g_autofree char *text = veto_complaint_dup_text (self->checklist);

  gtk_widget_set_visible (self->objection_box, text != NULL);
  if (text != NULL)
    gtk_label_set_text (self->objection_label, text);
}

static void
add_actions (VetoStepCard *self,
             const char   *account_id,
             const char   *heading,
             const char   *lead)
{
  GtkWidget *actions = veto_step_actions_new (self->checklist, self->step, account_id, heading, lead);

  gtk_box_append (self->accounts_box, actions);
}

static void
veto_step_card_dispose (GObject *object)
{
  GtkWidget *child;
  VetoStepCard *self = (VetoStepCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_STEP_CARD);
  /* dispose_template() only drops bound children; the layout's own child
   * must go too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->checklist);
  g_clear_object (&self->step);

  G_OBJECT_CLASS (veto_step_card_parent_class)->dispose (object);
}

static void
veto_step_card_class_init (VetoStepCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_step_card_dispose;

  g_type_ensure (VETO_TYPE_WRAP_BOX);
  g_type_ensure (VETO_TYPE_STEP_ACTIONS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-step-card.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, lead_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, accounts_box);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, objection_box);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, objection_heading);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, objection_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, copy_button);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, details_expander);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, more_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, path_box);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, path_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, caveats_box);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, caveats_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, confidence_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, sources_label);
  gtk_widget_class_bind_template_child (widget_class, VetoStepCard, why_button);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
veto_step_card_init (VetoStepCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * veto_step_card_new:
 * @checklist: the checklist (and its progress) the card reads and follows
 * @step: the step
 * @account_ids: (nullable) (array zero-terminated=1): the accounts it is
 *   done for, or %NULL for a step done once per app
 * @account_names: (nullable) (array zero-terminated=1): their names
 *
 * Returns: (transfer full): a new card
 */
GtkWidget *
veto_step_card_new (VetoChecklist      *checklist,
                    VetoStep           *step,
                    const char * const *account_ids,
                    const char * const *account_names)
{
  VetoStepCard *self = g_object_new (VETO_TYPE_STEP_CARD, NULL);
  guint n_accounts = account_ids ? g_strv_length ((char **)account_ids) : 0;
  gboolean single = n_accounts < 2;

  self->checklist = g_object_ref (checklist);
  self->step = g_object_ref (step);
  populate (self);

  if (veto_step_get_kind (step) == VETO_STEP_KIND_COMPLAINT)
    {
      gtk_label_set_text (self->objection_heading, _("Complaint to paste in the authority’s form"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_button),
                                   _("Copy this complaint, with the dates of your objections, to paste in the authority’s form"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->copy_button), "win.copy-complaint");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->copy_button), NULL);
      update_complaint_text (self);
      g_signal_connect_object (veto_checklist_get_tasks (checklist), "items-changed",
                               G_CALLBACK (update_complaint_text), self, G_CONNECT_SWAPPED);
    }

  /* One account: the actions carry the title and the lead, so the buttons
   * come right under them. */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), !single);
  gtk_widget_set_visible (GTK_WIDGET (self->lead_label), !single);

  if (n_accounts == 0)
    add_actions (self, NULL, veto_step_get_title (step), gtk_label_get_text (self->lead_label));
  else if (single)
    add_actions (self, account_ids[0], veto_step_get_title (step), gtk_label_get_text (self->lead_label));
  else
    {
      for (guint i = 0; i < n_accounts; i++)
        add_actions (self, account_ids[i], account_names[i], NULL);
      /* the line under the title, read with the first button of the card,
       * where the focus arrives: a screen reader says no container's
       * description, nor a label beside the focus */
      veto_step_actions_set_card_lead (VETO_STEP_ACTIONS (gtk_widget_get_first_child (GTK_WIDGET (self->accounts_box))),
                                       gtk_label_get_text (self->lead_label));
    }

  veto_util_wrap_button_label (self->copy_button);
  veto_util_fix_button_names (GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

VetoStep *
veto_step_card_get_step (VetoStepCard *self)
{
  g_return_val_if_fail (VETO_IS_STEP_CARD (self), NULL);
  return self->step;
}

/**
 * veto_step_card_find_actions:
 * @account_id: (nullable): an account, or %NULL or "" for a step done once
 *
 * Returns: (transfer none) (nullable): what to do for that account
 */
GtkWidget *
veto_step_card_find_actions (VetoStepCard *self,
                             const char   *account_id)
{
  g_return_val_if_fail (VETO_IS_STEP_CARD (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (veto_step_actions_get_account_id (VETO_STEP_ACTIONS (child)),
                   account_id ? account_id : "") == 0)
      return child;

  return NULL;
}

/**
 * veto_step_card_list_actions:
 *
 * Returns: (transfer container) (element-type VetoStepActions): the rows
 *   of the card, one per account, in order
 */
GPtrArray *
veto_step_card_list_actions (VetoStepCard *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  g_return_val_if_fail (VETO_IS_STEP_CARD (self), rows);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (rows, child);

  return rows;
}
