/* veto-window-actions.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-app-page.h"
#include "veto-catalog-updater.h"
#include "veto-complaint.h"
#include "veto-links-page.h"
#include "veto-record.h"
#include "veto-step-actions.h"
#include "veto-util.h"
#include "veto-window.h"
#include "veto-window-private.h"
#include "veto-window-record.h"
#include "veto-why-dialog.h"

/* The window's actions on the person's progress, on links and on the
 * record (win.*), apart from its pages and navigation (veto-window.c), as
 * gnome-text-editor keeps editor-window-actions.c apart from its window.
 * They act on the progress store and the catalog; the window and its
 * pages follow the store's "changed" signal. */

static void
check_links_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  veto_assistant_set_active (self->assistant, FALSE);
  veto_window_show_page (self, "links");
  veto_links_page_start (VETO_LINKS_PAGE (veto_window_get_page_widget (self, "links")));
}

static gboolean
reload_catalog_idle (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "reload-catalog", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_catalog_updated (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(VetoWindow) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  VetoCatalogUpdate update;
  int version = 0;

  update = veto_catalog_updater_update_finish (VETO_CATALOG_UPDATER (source), result, &version, &error);
  g_weak_ref_clear (ref);
  g_free (ref);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.update-steps", TRUE);

  switch (update)
    {
    case VETO_CATALOG_UPDATE_UPDATED:
      /* Translators: %d is the new version of the steps */
      message = g_strdup_printf (_("The steps were updated to version %d."), version);
      break;

    case VETO_CATALOG_UPDATE_UP_TO_DATE:
      /* Translators: %d is a version of the steps */
      message = g_strdup_printf (_("You already have the newest steps (version %d)."), version);
      break;

    case VETO_CATALOG_UPDATE_NOT_NEWER:
      message = g_strdup (_("The published steps are not newer than yours; nothing changed."));
      break;

    case VETO_CATALOG_UPDATE_FAILED:
    default:
      /* In plain words, in a banner: the error itself is a chain of
       * system messages that only helps a developer. */
      g_debug ("Updating the steps failed: %s", error ? error->message : "");
      if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()))
        veto_window_show_banner (self, _("Your computer is offline, so Veto could not look for newer steps. Nothing changed. Connect to the internet, then try again."),
                     _("_Try Again"), "win.update-steps", NULL);
      else
        veto_window_show_banner (self, _("Veto could not download the newer steps: the server did not answer or sent something Veto cannot use. Nothing changed; try again later."),
                     _("_Try Again"), "win.update-steps", NULL);
      return;
    }

  veto_window_show_toast (self, message);

  /* The windows are rebuilt on the new steps, after this callback returns. */
  if (update == VETO_CATALOG_UPDATE_UPDATED)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_catalog_idle,
                     g_object_ref (gtk_window_get_application (GTK_WINDOW (self))), g_object_unref);
}

static void
update_steps_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  VetoCatalogUpdater *updater = self->updater;
  GWeakRef *ref;

  if (updater == NULL || veto_catalog_updater_get_busy (updater))
    return;

  /* Offline, say so at once rather than after a timeout. */
  if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    {
      veto_window_show_banner (self, _("Your computer is offline, so Veto could not look for newer steps. Nothing changed. Connect to the internet, then try again."),
                   _("_Try Again"), "win.update-steps", NULL);
      return;
    }

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  gtk_widget_action_set_enabled (widget, "win.update-steps", FALSE);
  veto_window_show_toast (self, _("Looking for newer steps…"));
  veto_catalog_updater_update_async (updater, self->cancellable, on_catalog_updated, ref);
}

/* --- editing actions --------------------------------------------------- */

static void
set_app_used_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id;
  gboolean used;

  g_variant_get (parameter, "(&sb)", &app_id, &used);
  if (veto_catalog_lookup_app (veto_checklist_get_catalog (self->checklist), app_id) == NULL)
    return;

  /* stopping asks first when something recorded would move aside */
  if (!used && veto_progress_store_has_app (veto_window_get_store (self), app_id))
    veto_window_record_stop_using_app (self, app_id);
  else
    veto_progress_store_set_app (veto_window_get_store (self), app_id, used);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id = g_variant_get_string (parameter, NULL);
  g_autofree char *id = NULL;

  if (veto_catalog_lookup_app (veto_checklist_get_catalog (self->checklist), app_id) != NULL)
    id = veto_progress_store_add_account (veto_window_get_store (self), app_id, NULL);
}

/* Whether anything at all was recorded for that account. */
static gboolean
account_has_progress (VetoWindow *self,
                      const char *app_id,
                      const char *account_id)
{
  VetoApp *app = veto_catalog_lookup_app (veto_checklist_get_catalog (self->checklist), app_id);
  GListModel *steps = app ? veto_app_get_steps (app) : NULL;

  for (guint i = 0; steps != NULL && i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);
      g_autofree char *note = veto_progress_store_dup_note (veto_window_get_store (self), veto_step_get_id (step), account_id);

      if (note != NULL ||
          veto_progress_store_get_state (veto_window_get_store (self), veto_step_get_id (step), account_id) != VETO_STEP_STATE_TODO)
        return TRUE;
    }

  return FALSE;
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    VetoWindow       *self)
{
  const char *app_id = g_object_get_data (G_OBJECT (dialog), "app-id");
  const char *account_id = g_object_get_data (G_OBJECT (dialog), "account-id");

  if (g_str_equal (response, "remove"))
    veto_progress_store_remove_account (veto_window_get_store (self), app_id, account_id);
}

static void
remove_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id, *account_id;
  g_auto(GStrv) accounts = NULL;
  AdwMessageDialog *dialog;

  g_variant_get (parameter, "(&s&s)", &app_id, &account_id);
  accounts = veto_progress_store_dup_accounts (veto_window_get_store (self), app_id);

  /* An app in use keeps at least one account. */
  if (g_strv_length (accounts) < 2)
    return;

  if (!account_has_progress (self, app_id, account_id))
    {
      veto_progress_store_remove_account (veto_window_get_store (self), app_id, account_id);
      return;
    }

  /* What was recorded for the account is the person's proof: ask first. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Remove This Account?"),
                                                       _("Veto will forget what you recorded for it: the steps, their dates and your notes. Meta is not told anything.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "app-id", g_strdup (app_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "account-id", g_strdup (account_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id, *account_id, *label;
  g_autofree char *clean = NULL;

  g_variant_get (parameter, "(&s&s&s)", &app_id, &account_id, &label);
  clean = g_strstrip (g_strdup (label));
  veto_progress_store_set_account_label (veto_window_get_store (self), app_id, account_id, clean);
}

/* The store cleans it (one line, no control character): what the row
 * shows after a rebuild is what the record will say. */
static void
set_account_identifier_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *app_id, *account_id, *identifier;

  g_variant_get (parameter, "(&s&s&s)", &app_id, &account_id, &identifier);
  veto_progress_store_set_account_identifier (veto_window_get_store (self), app_id, account_id, identifier);
}

VetoStep *
veto_window_lookup_step (VetoWindow *self,
             const char *step_id)
{
  return veto_catalog_lookup_step (veto_checklist_get_catalog (self->checklist), step_id);
}

static void
set_state_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id, *token;
  VetoStepState state;

  g_variant_get (parameter, "(&s&s&s)", &step_id, &account_id, &token);
  if (veto_window_lookup_step (self, step_id) == NULL || !veto_step_state_from_string (token, &state))
    return;

  /* with an Undo toast (veto-window-record.c) */
  veto_window_record_set_state (self, step_id, account_id, state);
}

static void
set_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id, *note;

  g_variant_get (parameter, "(&s&s&s)", &step_id, &account_id, &note);
  if (veto_window_lookup_step (self, step_id) != NULL)
    veto_progress_store_set_note (veto_window_get_store (self), step_id, *account_id ? account_id : NULL, note);
}

/* --- links and clipboard ----------------------------------------------- */

typedef struct
{
  GWeakRef  window;
  char     *step_id;
  char     *account_id;
  char     *url;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_weak_ref_clear (&data->window);
  g_free (data->step_id);
  g_free (data->account_id);
  g_free (data->url);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static GtkWidget *
find_visible_card (VetoWindow *self,
                   const char *step_id,
                   const char *account_id)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (page == NULL || !VETO_IS_APP_PAGE (page))
    return NULL;

  return veto_app_page_find_card (VETO_APP_PAGE (page), step_id, account_id);
}

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(VetoWindow) self = g_weak_ref_get (&data->window);
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("Could not open %s: %s", data->url, error->message);

  {
    GtkWidget *card = find_visible_card (self, data->step_id, data->account_id);

    veto_window_show_banner (self, _("No browser opened the page. Copy the link and paste it in your browser, or try the other official links under the step."),
                 _("_Copy Link"), "win.copy-url", g_variant_new_string (data->url));

    if (card != NULL)
      veto_step_actions_reveal_fallbacks (VETO_STEP_ACTIONS (card));
  }
}

static void
open_url (VetoWindow *self,
          VetoStep   *step,
          const char *account_id,
          const char *url)
{
  OpenData *data = g_new0 (OpenData, 1);

  g_weak_ref_init (&data->window, self);
  data->step_id = g_strdup (veto_step_get_id (step));
  data->account_id = g_strdup (account_id);
  data->url = g_strdup (url);

  gtk_show_uri_full (GTK_WINDOW (self), url, GDK_CURRENT_TIME, self->cancellable, on_uri_shown, data);
}

static gboolean
url_belongs_to_step (VetoStep   *step,
                     const char *url,
                     gboolean   *is_form)
{
  const char * const *fallbacks = veto_step_get_fallback_urls (step);

  *is_form = veto_step_get_kind (step) == VETO_STEP_KIND_FORM;

  if (g_strcmp0 (veto_step_get_url (step), url) == 0 ||
      g_strv_contains (fallbacks, url))
    return TRUE;

  /* a source is worth reading, but it is not the form that was used */
  *is_form = FALSE;
  return g_strv_contains (veto_step_get_sources (step), url);
}

static void
open_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id;
  VetoStep *step;

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);
  step = veto_window_lookup_step (self, step_id);
  if (step == NULL || veto_step_get_url (step) == NULL)
    return;

  /* The record keeps the address actually used: Meta moves its forms. */
  if (veto_step_get_kind (step) == VETO_STEP_KIND_FORM && !veto_progress_store_get_read_only (veto_window_get_store (self)))
    veto_progress_store_set_form_url (veto_window_get_store (self), step_id, *account_id ? account_id : NULL,
                                      veto_step_get_url (step));

  open_url (self, step, account_id, veto_step_get_url (step));
}

static void
open_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id, *url;
  VetoStep *step;
  gboolean is_form;

  g_variant_get (parameter, "(&s&s&s)", &step_id, &account_id, &url);
  step = veto_window_lookup_step (self, step_id);

  /* Only addresses from the validated catalog are ever opened. */
  if (step == NULL || !url_belongs_to_step (step, url, &is_form))
    return;

  if (is_form && !veto_progress_store_get_read_only (veto_window_get_store (self)))
    veto_progress_store_set_form_url (veto_window_get_store (self), step_id, *account_id ? account_id : NULL, url);

  open_url (self, step, account_id, url);
}

/* "Why do we say this?": the step's sentences, as the person's region
 * shows them, each with its sources. */
static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  VetoStep *step = veto_window_lookup_step (self, g_variant_get_string (parameter, NULL));
  GtkWidget *dialog;

  if (step == NULL || veto_step_get_cited_sources (step) == NULL)
    return;

  dialog = veto_why_dialog_new (GTK_WINDOW (self), step,
                                veto_progress_store_get_region (veto_window_get_store (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The objection's text on the clipboard, then its form in the browser: the
 * person pastes without coming back to Veto. */
static void
copy_and_open_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *step_id, *account_id;

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);
  gtk_widget_activate_action (widget, "win.copy-objection", "s", step_id);
  gtk_widget_activate_action (widget, "win.open-step", "(ss)", step_id, account_id);
}

/* Meta refused or did not answer: to the complaint that covers it, its
 * card in view. */
static void
complain_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  VetoChecklist *checklist = self->checklist;
  GListModel *tasks = veto_checklist_get_tasks (checklist);
  const char *step_id, *account_id;

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);
      g_autoptr(VetoTask) complaint = NULL;
      const char *complaint_account;

      if (g_strcmp0 (veto_step_get_id (veto_task_get_step (task)), step_id) != 0 ||
          g_strcmp0 (veto_task_get_account_id (task), *account_id ? account_id : NULL) != 0)
        continue;

      complaint = veto_checklist_find_complaint (checklist, task);
      if (complaint == NULL)
        return;
      complaint_account = veto_task_get_account_id (complaint);
      gtk_widget_activate_action (widget, "win.show-step", "(ss)",
                                  veto_step_get_id (veto_task_get_step (complaint)),
                                  complaint_account ? complaint_account : "");
      return;
    }
}

static void
mark_checked_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id;

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);
  if (veto_window_lookup_step (self, step_id) == NULL)
    return;

  veto_progress_store_mark_checked (veto_window_get_store (self), step_id, *account_id ? account_id : NULL);
  veto_window_show_toast (self, _("Today’s check is recorded."));
}

/* Rechecking a step: its official page again. The check itself is
 * recorded when the person says they did it (veto_window_record_offer_check). */
static void
recheck_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id;
  VetoStep *step;

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);
  step = veto_window_lookup_step (self, step_id);
  if (step == NULL)
    return;

  if (veto_step_get_url (step) != NULL)
    open_url (self, step, account_id, veto_step_get_url (step));

  /* the card says a check is under way and asks, in place, whether it was
   * done; a toast would go away before the person is back */
  {
    g_autofree char *name = g_strconcat ("app:", veto_step_get_app_id (step), NULL);
    GtkWidget *page = veto_window_get_page_widget (self, name);
    GtkWidget *row = VETO_IS_APP_PAGE (page)
      ? veto_app_page_find_card (VETO_APP_PAGE (page), step_id, account_id)
      : NULL;

    if (row != NULL)
      veto_step_actions_set_checking (VETO_STEP_ACTIONS (row), TRUE);
    else
      veto_window_record_offer_check (self, step_id, account_id);
  }
}

static void
copy_objection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  VetoStep *step = veto_window_lookup_step (self, g_variant_get_string (parameter, NULL));
  /* the letter for where the person lives, as the card shows it */
  const char *region = veto_progress_store_get_region (veto_window_get_store (self));
  const char *text = step != NULL ? veto_step_get_objection_text (step, region) : NULL;

  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  veto_window_show_toast (self, _("Objection text copied. Paste it in the form’s optional reason field."));
}

/* The complaint to paste in the authority's form, with the person's own
 * dates (veto-complaint.c). */
static void
copy_complaint_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  g_autofree char *text = veto_complaint_dup_text (self->checklist);

  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  veto_window_show_toast (self, _("Complaint copied. Paste it in the authority’s form, and attach your record."));
}

static void
copy_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
  veto_window_show_toast (VETO_WINDOW (widget), _("Link copied."));
}

/* --- the record -------------------------------------------------------- */

typedef struct
{
  GWeakRef  window;
  GFile    *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_weak_ref_clear (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
on_record_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(VetoWindow) self = g_weak_ref_get (&data->window);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!veto_record_write_finish (VETO_CHECKLIST (source), result, &error))
    {
      if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* the message names the file and says what to do; it stays */
      toast = veto_util_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      veto_window_add_toast (self, toast);
      return;
    }

  if (self != NULL)
    {
      g_autofree char *name = g_file_get_basename (data->file);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Your record was saved as %s."), name);
      g_autofree char *uri = g_file_get_uri (data->file);

      toast = veto_util_toast_new (text);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-file");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      veto_window_add_toast (self, toast);
    }
}

static void
export_record_to_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  ExportData *data = g_new0 (ExportData, 1);

  g_weak_ref_init (&data->window, self);
  data->file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  /* drawn in a worker thread, from a snapshot of the checklist */
  veto_record_write_async (self->checklist, data->file, veto_record_format_for_file (data->file),
                           self->cancellable, on_record_written, data);
}

/* "Export Record…" offers PDF and Markdown. The name's ending decides the
 * format, unless the person left Veto's suggested name (or typed none) and
 * chose the Markdown filter: then the ending follows the filter. (The
 * fallback dialog does not tell GtkFileChooserNative when its filter
 * changes, so this is decided on the answer.) */
static char *
with_format_suffix (GtkFileChooser *chooser,
                    const char     *path)
{
  GtkFileFilter *pdf = g_object_get_data (G_OBJECT (chooser), "pdf-filter");
  const char *suggested = g_object_get_data (G_OBJECT (chooser), "suggested-name");
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  g_autofree char *base = g_path_get_basename (path);
  gboolean markdown = filter != NULL && filter != pdf;
  const char *suffix = markdown ? ".md" : ".pdf";

  if (g_str_has_suffix (path, ".md") || (g_str_has_suffix (path, ".pdf") && g_strcmp0 (base, suggested) != 0))
    return g_strdup (path);

  if (g_str_has_suffix (path, ".pdf"))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".pdf"));

      return g_strconcat (stem, suffix, NULL);
    }

  return g_strconcat (path, suffix, NULL);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    VetoWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_autofree char *chosen = with_format_suffix (GTK_FILE_CHOOSER (dialog), path);

          gtk_widget_activate_action (GTK_WIDGET (self), "win.export-record-to", "s", chosen);
        }
    }

  g_object_unref (dialog);
}

static void
export_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  g_autofree char *name = veto_record_suggest_filename (self->checklist, VETO_RECORD_FORMAT_PDF);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();

  /* GtkFileDialog is GTK 4.10; GtkFileChooserNative also talks to the
   * portal inside a sandbox. */
  dialog = gtk_file_chooser_native_new (_("Export Your Record"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  veto_util_file_chooser_start_in (GTK_FILE_CHOOSER (dialog), G_USER_DIRECTORY_DOCUMENTS);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  gtk_file_filter_set_name (pdf, _("PDF document"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_filter_set_name (markdown, _("Markdown text"));
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), markdown);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  g_object_set_data_full (G_OBJECT (dialog), "pdf-filter", g_object_ref (pdf), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "suggested-name", g_strdup (name), g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_file_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    veto_window_show_toast (VETO_WINDOW (source), error->message);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);

  gtk_show_uri_full (GTK_WINDOW (self), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME,
                     self->cancellable, on_file_shown, NULL);
}


/* The shortcuts window is built when asked for, not with every window as
 * GtkApplication's automatic help overlay would: it saves start-up time. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "veto-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

void
veto_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.check-links", NULL, check_links_action);
  gtk_widget_class_install_action (widget_class, "win.update-steps", NULL, update_steps_action);
  gtk_widget_class_install_action (widget_class, "win.set-app-used", "(sb)", set_app_used_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", "s", add_account_action);
  gtk_widget_class_install_action (widget_class, "win.remove-account", "(ss)", remove_account_action);
  gtk_widget_class_install_action (widget_class, "win.rename-account", "(sss)", rename_account_action);
  gtk_widget_class_install_action (widget_class, "win.set-account-identifier", "(sss)",
                                   set_account_identifier_action);
  gtk_widget_class_install_action (widget_class, "win.set-state", "(sss)", set_state_action);
  gtk_widget_class_install_action (widget_class, "win.set-note", "(sss)", set_note_action);
  gtk_widget_class_install_action (widget_class, "win.open-step", "(ss)", open_step_action);
  gtk_widget_class_install_action (widget_class, "win.open-url", "(sss)", open_url_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", "s", show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.copy-objection", "s", copy_objection_action);
  gtk_widget_class_install_action (widget_class, "win.copy-and-open", "(ss)", copy_and_open_action);
  gtk_widget_class_install_action (widget_class, "win.complain", "(ss)", complain_action);
  gtk_widget_class_install_action (widget_class, "win.copy-complaint", NULL, copy_complaint_action);
  gtk_widget_class_install_action (widget_class, "win.recheck", "(ss)", recheck_action);
  gtk_widget_class_install_action (widget_class, "win.mark-checked", "(ss)", mark_checked_action);
  gtk_widget_class_install_action (widget_class, "win.export-record", NULL, export_record_action);
  gtk_widget_class_install_action (widget_class, "win.export-record-to", "s", export_record_to_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.copy-url", "s", copy_url_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
}
