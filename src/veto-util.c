/* veto-util.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-util.h"

#include <string.h>

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
  /* A menu button is two accessibles, itself around its inner toggle
   * button; GTK 4.8 named the outer one "GtkMenuButton". It takes its
   * label, the inner one keeps its own. */
  else if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_label (GTK_MENU_BUTTON (root)) != NULL)
    {
      g_autofree char *name = strip_mnemonic (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)));

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

/**
 * veto_util_name_list:
 * @list: the list of a group
 * @heading: the group's title
 * @intro: (nullable): the lines under the title, above the list
 *
 * Names @list after the heading above it and the lines that introduce it,
 * which a sighted person reads before the rows. Orca says the name of a
 * list when the focus enters it, and neither the list's description nor
 * the labels around it (GTK 4.8 marks none of them showing): the
 * introduction is heard only in the name.
 */
void
veto_util_name_list (GtkWidget  *list,
                     const char *heading,
                     const char *intro)
{
  g_autofree char *name = NULL;
  gsize len = strlen (heading);

  g_return_if_fail (GTK_IS_WIDGET (list));

  if (intro == NULL || *intro == '\0')
    name = g_strdup (heading);
  /* a heading that ends its sentence ("Where do you live?") takes no
   * full stop */
  else if (len > 0 && strchr (".?!:", heading[len - 1]) != NULL)
    name = g_strconcat (heading, " ", intro, NULL);
  else
    name = g_strconcat (heading, ". ", intro, NULL);
  veto_util_set_accessible_label (list, name);
}

/**
 * veto_util_action_row_new:
 * @title: the row's title, plain text
 * @subtitle: (nullable): its subtitle, plain text
 *
 * Returns: (transfer floating): an #AdwActionRow that shows both as text
 */
GtkWidget *
veto_util_action_row_new (const char *title,
                          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  veto_util_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/**
 * veto_util_row_set_title:
 * @row: a row
 * @title: plain text
 *
 * Shows @title as text, and so the row's subtitle too: libadwaita's action,
 * expander and entry rows read both through #AdwPreferencesRow:use-markup.
 */
void
veto_util_row_set_title (AdwPreferencesRow *row,
                         const char        *title)
{
  adw_preferences_row_set_use_markup (row, FALSE);
  adw_preferences_row_set_title (row, title != NULL ? title : "");
}

static char *
escape_or_null (const char *text)
{
  return text != NULL ? g_markup_escape_text (text, -1) : NULL;
}

/**
 * veto_util_group_set_text:
 * @group: a preferences group
 * @title: (nullable): plain text
 * @description: (nullable): plain text
 *
 * #AdwPreferencesGroup always parses its title and description as markup in
 * libadwaita 1.2, so both are escaped.
 */
void
veto_util_group_set_text (AdwPreferencesGroup *group,
                          const char          *title,
                          const char          *description)
{
  g_autofree char *t = escape_or_null (title);
  g_autofree char *d = escape_or_null (description);

  adw_preferences_group_set_title (group, t != NULL ? t : "");
  adw_preferences_group_set_description (group, d);
}

/* The narrowest a wrapping label gets, in characters. Without it, GTK 4.8
 * finds a wrapping label's minimum width by laying it out at width 0, one
 * word, or with word-char wrapping one letter, per line: the overview's
 * descriptions and buttons came to 30–100 lines, each shaped anew, for a
 * width no window ever has. Twenty characters are about 150 pixels, well
 * within a phone's 360. */
#define MIN_WRAP_CHARS 20

/**
 * veto_util_group_add_description:
 * @group: a preferences group
 * @description: plain text
 *
 * Adds @description under @group's title as a label of its own, where
 * adw_preferences_group_set_description() would put it in the group's
 * header. In GTK 4.8 that header, a horizontal box, lays a wrapping label
 * out at a dozen widths each time it is allocated (see veto-row.c); the
 * overview has up to four such groups on its first screen.
 */
void
veto_util_group_add_description (AdwPreferencesGroup *group,
                                 const char          *description)
{
  GtkWidget *label = gtk_label_new (description);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN_WRAP_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "veto-group-description");
  gtk_widget_add_css_class (GTK_WIDGET (group), "veto-described");
  adw_preferences_group_add (group, label);

  /* The group's own list of rows comes first among what it holds, even
   * empty: the description goes above it, as in the header. */
  {
    GtkWidget *list = gtk_widget_get_prev_sibling (label);

    if (GTK_IS_LIST_BOX (list))
      gtk_widget_insert_before (label, gtk_widget_get_parent (label), list);
  }
}

/**
 * veto_util_status_page_set_description:
 * @page: a status page
 * @description: (nullable): plain text
 *
 * The description of an #AdwStatusPage is markup in libadwaita 1.2.
 */
void
veto_util_status_page_set_description (AdwStatusPage *page,
                                       const char    *description)
{
  g_autofree char *d = escape_or_null (description);

  adw_status_page_set_description (page, d);
}

/**
 * veto_util_toast_new:
 * @text: plain text
 *
 * A toast's title is markup in libadwaita 1.2 (use-markup came in 1.4): an
 * error message naming a file called "R&D" would otherwise blank it.
 *
 * Returns: (transfer full): a new toast showing @text
 */
AdwToast *
veto_util_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * veto_util_wrap_button_label:
 * @button: a button with a text label
 *
 * Lets the button's label wrap, so that a long label (in French, in large
 * text) does not make the window wider than a phone's screen.
 */
void
veto_util_wrap_button_label (GtkButton *button)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BUTTON (button));

  child = gtk_button_get_child (button);
  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (child), MIN_WRAP_CHARS / 2);
      gtk_label_set_justify (GTK_LABEL (child), GTK_JUSTIFY_CENTER);
    }
}

/**
 * veto_util_file_chooser_start_in:
 * @chooser: a file chooser about to be shown
 * @directory: the folder of the person's where it should open
 *
 * Opens @chooser in the person's Documents (a record) or Downloads (an
 * email saved from a webmail) when they have one: without it, GTK 4.8
 * opens in the folder Veto was started from, which from a launcher is
 * the home folder and from a terminal anything.
 */
void
veto_util_file_chooser_start_in (GtkFileChooser *chooser,
                                 GUserDirectory  directory)
{
  const char *path = g_get_user_special_dir (directory);
  g_autoptr(GFile) folder = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
    return;

  folder = g_file_new_for_path (path);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
name_stack_pages (GtkWidget  *root,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_STACK (root))
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_stack_get_page (GTK_STACK (root), child)),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
      name_stack_pages (child, name);
    }
}

/**
 * veto_util_name_menu:
 * @button: a menu button whose menu model was just set
 * @name: what the menu is, as the button says it
 *
 * GTK 4.8 named the GtkPopoverMenu a menu model makes, and the stack page
 * of each of its submenus, after their types ("GtkPopoverMenu",
 * "GtkStackPage"), which a screen reader said on opening the menu. They
 * take the button's name.
 */
void
veto_util_name_menu (GtkMenuButton *button,
                     const char    *name)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  popover = gtk_menu_button_get_popover (button);
  if (popover == NULL)
    return;
  veto_util_set_accessible_label (GTK_WIDGET (popover), name);
  name_stack_pages (GTK_WIDGET (popover), name);
}
