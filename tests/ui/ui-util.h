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
gboolean   ui_wait_until      (gboolean   (*check) (gpointer data),
                               gpointer     data);
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
void       ui_act             (gpointer     window,
                               const char  *action,
                               const char  *format,
                               ...);
void       ui_act_variant     (gpointer     window,
                               const char  *action,
                               GVariant    *parameter);

/* Iterates until @cond holds, 20 s at most: under valgrind, work that a
 * fixed pause covers in a normal run may take many times longer. */
#define UI_WAIT_UNTIL(cond) \
  G_STMT_START { \
    gint64 ui_wait_end_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < ui_wait_end_) \
      g_main_context_iteration (NULL, FALSE); \
  } G_STMT_END

G_END_DECLS
