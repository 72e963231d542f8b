/* ui-util.h: helpers for the UI tests
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "veto-application.h"
#include "veto-window.h"

G_BEGIN_DECLS

void       ui_init            (int         *argc,
                               char      ***argv);
void       ui_iterate         (guint        ms);
void       ui_wait_for_draw   (GtkWidget   *widget);
gboolean   ui_wait_for_mapped (GtkWidget   *widget);
char      *ui_screenshot      (GtkWidget   *widget,
                               const char  *name);
GtkWidget *ui_find_label      (GtkWidget   *root,
                               const char  *text);
guint      ui_count_type      (GtkWidget   *root,
                               GType        type);
GtkWidget *ui_find_type       (GtkWidget   *root,
                               GType        type);
GtkWidget *ui_find_label_prefix (GtkWidget *root,
                               const char  *prefix);
char      *ui_opened_urls     (void);
VetoApplication *ui_app_new   (void);
VetoWindow *ui_main_window    (VetoApplication *app);
char      *ui_progress_file   (void);
void       ui_check_links     (GtkWidget   *links_page);

G_END_DECLS
