/* veto-close-guard.c: closing a window while saves fail
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "veto-close-guard.h"

/* While a save fails (a full disk), the window says the change is kept
 * while Veto is open; closing it used to exit at once and lose the change.
 * Closing now tries one last save, and if that fails too, asks first,
 * offering to export the record (which goes elsewhere, maybe to a disk
 * that has room). */

typedef struct
{
  GtkWindow         *window;
  VetoProgressStore *store;
  AdwMessageDialog  *dialog;
  /* the person chose to close without saving */
  gboolean           confirmed;
} Guard;

static void
guard_free (Guard *guard)
{
  if (guard->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (guard->dialog));
  g_clear_object (&guard->store);
  g_free (guard);
}

static gboolean
close_window (gpointer data)
{
  gtk_window_close (data);
  return G_SOURCE_REMOVE;
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Guard            *guard)
{
  guard->dialog = NULL;

  /* once the dialog, transient for the window, has closed */
  if (g_str_equal (response, "close"))
    {
      guard->confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_window, g_object_ref (guard->window), g_object_unref);
    }
  else if (g_str_equal (response, "export"))
    gtk_widget_activate_action (GTK_WIDGET (guard->window), "win.export-record", NULL);
}

static gboolean
on_close_request (GtkWindow *window,
                  Guard     *guard)
{
  const GError *error = veto_progress_store_get_save_error (guard->store);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (guard->confirmed || error == NULL)
    return FALSE;

  /* the last save: the disk may have room again */
  if (veto_progress_store_save (guard->store, NULL))
    return FALSE;

  if (guard->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (guard->dialog));
      return TRUE;
    }

  error = veto_progress_store_get_save_error (guard->store);
  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("If you close Veto now, your latest changes are lost. Keep it open to let it try again, or export your record to keep a copy elsewhere."));

  /* plain text: the message names files, which may hold any character */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Your Latest Changes Are Not Saved"), NULL));
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close Without Saving"),
                                    "export", _("_Export Record…"),
                                    "keep", _("_Keep Veto Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), guard);

  guard->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/**
 * veto_close_guard_install:
 * @window: a window showing @store
 * @store: the progress it shows
 *
 * Makes closing @window while @store cannot save try a last save, then
 * ask. Quitting goes through closing the windows (app.quit), so it is
 * guarded too.
 */
void
veto_close_guard_install (GtkWindow         *window,
                          VetoProgressStore *store)
{
  Guard *guard = g_new0 (Guard, 1);

  guard->window = window;
  guard->store = g_object_ref (store);
  g_object_set_data_full (G_OBJECT (window), "veto-close-guard", guard, (GDestroyNotify)guard_free);
  g_signal_connect (window, "close-request", G_CALLBACK (on_close_request), guard);
}
