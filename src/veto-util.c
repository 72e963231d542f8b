/* veto-util.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-util.h"

static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, '_');
          else
            continue;
          p++;
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * veto_util_fix_button_names:
 * @root: a widget tree
 *
 * GTK 4.8 names a button with a mnemonic label after both its raw label and
 * its child label, so a screen reader hears "underscore Next Next". This
 * gives every such button under @root its plain label as its accessible
 * name. Call it after building widgets and after changing a button's label.
 */
void
veto_util_fix_button_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && !GTK_IS_MENU_BUTTON (root) &&
      gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      g_autofree char *name = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (root)));

      veto_util_set_accessible_label (root, name);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    veto_util_fix_button_names (child);
}

/**
 * veto_util_set_accessible_label:
 * @widget: a widget
 * @label: its accessible name
 *
 * Names @widget, and only by @label: GTK 4.8 joins the label with the
 * names of whatever the widget is "labelled by" (a button's own label, the
 * row an AdwActionRow's switch sits in), which screen readers then read
 * twice. Call it after anything that sets such a relation.
 */
void
veto_util_set_accessible_label (GtkWidget  *widget,
                                const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}
