/* veto-util.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void veto_util_fix_button_names        (GtkWidget  *root);
void veto_util_name_menu               (GtkMenuButton *button,
                                        const char    *name);
void veto_util_set_accessible_label     (GtkWidget  *widget,
                                        const char *label);
void veto_util_name_list               (GtkWidget  *list,
                                        const char *heading,
                                        const char *intro);

/* Text from data (catalog, account labels, notes, URLs) is shown as text:
 * libadwaita 1.2 parses Pango markup in row titles and subtitles unless told
 * not to, and always in group titles and descriptions, status page
 * descriptions and toast titles. */
GtkWidget *veto_util_action_row_new     (const char          *title,
                                        const char          *subtitle);
void      veto_util_row_set_title       (AdwPreferencesRow   *row,
                                        const char          *title);
void      veto_util_group_set_text      (AdwPreferencesGroup *group,
                                        const char          *title,
                                        const char          *description);
void      veto_util_group_add_description (AdwPreferencesGroup *group,
                                           const char          *description);
void      veto_util_status_page_set_description (AdwStatusPage *page,
                                        const char          *description);
void      veto_util_wrap_button_label   (GtkButton           *button);
AdwToast *veto_util_toast_new           (const char          *text);
void      veto_util_file_chooser_start_in (GtkFileChooser    *chooser,
                                           GUserDirectory     directory);

G_END_DECLS
