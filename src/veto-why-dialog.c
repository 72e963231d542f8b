/* veto-why-dialog.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-why-dialog.h"

/* "Why do we say this?": every sentence a step shows the person, in
 * their region, and under each the sources it rests on: who published
 * it, what kind of authority that is, what was read and when, whether
 * the link was opened live, the passage itself in its own language, and
 * a button to open the page. The person can judge a claim without
 * trusting Veto. */
struct _VetoWhyDialog
{
  AdwWindow  parent_instance;

  VetoStep  *step;

  /* template widgets */
  GtkLabel  *step_label;
  GtkBox    *claims_box;
};

G_DEFINE_FINAL_TYPE (VetoWhyDialog, veto_why_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buf[8];
  int len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);

  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (text));
}

static GtkWidget *
source_box (VetoWhyDialog *self,
            VetoSource    *source,
            const char    *quote)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *button;
  g_autofree char *heading = NULL;
  g_autofree char *read = veto_source_dup_read_text (source);
  g_autofree char *link = veto_source_dup_link_text (source);
  g_autofree char *done = NULL;
  g_autofree char *open_name = NULL;

  gtk_widget_set_margin_start (box, 12);

  /* Translators: a source's publisher, then its kind in words ("Meta’s own page") */
  heading = g_strdup_printf (_("%s — %s"), veto_source_get_publisher (source),
                             veto_source_kind_describe (veto_source_get_kind (source)));
  gtk_box_append (GTK_BOX (box), new_label (heading, "caption-heading"));

  {
    /* Translators: what was read and when; then whether the link was opened live */
    g_autofree char *line = g_strdup_printf (_("%s; %s."), read, link);

    done = capitalize (line);
  }
  gtk_box_append (GTK_BOX (box), new_label (done, "caption"));

  if (quote != NULL)
    {
      /* Translators: a passage quoted from a source, in its own language */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);
      GtkWidget *label = new_label (quoted, "dim-label");
      PangoAttrList *attrs = pango_attr_list_new ();

      /* the passage is in the source's language, not the interface's */
      pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (veto_source_get_language (source))));
      pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  button = gtk_button_new_with_mnemonic (_("_Open"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, veto_source_get_url (source));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "why.open-source");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", veto_source_get_url (source));
  /* Translators: %s is who published a source: the button opens its page */
  open_name = g_strdup_printf (_("Open %s"), veto_source_get_publisher (source));
  /* named after the page it opens, not the label alone (and GTK 4.8
   * would add its label child's text to the name) */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, open_name, -1);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static void
populate (VetoWhyDialog *self,
          const char    *region_id)
{
  g_autoptr(GPtrArray) claims = veto_step_dup_claims (self->step, region_id);

  gtk_label_set_text (self->step_label, veto_step_get_title (self->step));

  for (guint i = 0; i < claims->len; i++)
    {
      VetoClaim *claim = g_ptr_array_index (claims, i);
      GtkWidget *box;

      if (*veto_claim_get_text (claim) == '\0')
        continue;

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      gtk_box_append (GTK_BOX (box), new_label (veto_claim_get_text (claim), "heading"));
      for (guint j = 0; j < veto_claim_get_n_sources (claim); j++)
        gtk_box_append (GTK_BOX (box), source_box (self, veto_claim_get_source (claim, j),
                                                   veto_claim_get_quote (claim, j)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      veto_claim_get_text (claim), -1);
      gtk_box_append (self->claims_box, box);
    }
}

/* The page opens through the window's own action, which only opens an
 * address of the validated catalog and records nothing for a source. */
static void
open_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VetoWhyDialog *self = VETO_WHY_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-url", "(sss)",
                                veto_step_get_id (self->step), "", g_variant_get_string (parameter, NULL));
}

static void
veto_why_dialog_dispose (GObject *object)
{
  VetoWhyDialog *self = (VetoWhyDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VETO_TYPE_WHY_DIALOG);
  g_clear_object (&self->step);

  G_OBJECT_CLASS (veto_why_dialog_parent_class)->dispose (object);
}

static void
veto_why_dialog_class_init (VetoWhyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = veto_why_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "veto-why-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VetoWhyDialog, step_label);
  gtk_widget_class_bind_template_child (widget_class, VetoWhyDialog, claims_box);

  gtk_widget_class_install_action (widget_class, "why.open-source", "s", open_source_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
veto_why_dialog_init (VetoWhyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * veto_why_dialog_new:
 * @parent: the window, whose `win.open-url` opens the pages
 * @step: a step of a format-4 catalog
 * @region_id: (nullable): the person's region: only what they are shown
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
veto_why_dialog_new (GtkWindow  *parent,
                     VetoStep   *step,
                     const char *region_id)
{
  VetoWhyDialog *self = g_object_new (VETO_TYPE_WHY_DIALOG, "transient-for", parent, NULL);

  self->step = g_object_ref (step);
  populate (self, region_id);
  return GTK_WIDGET (self);
}
