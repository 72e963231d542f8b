/* veto-window-record.c: the window's actions on the record
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-checklist.h"
#include "veto-evidence.h"
#include "veto-i18n.h"
#include "veto-util.h"
#include "veto-window-private.h"
#include "veto-window-record.h"

/* The record is meant for a regulator, so every change to it can be undone
 * and says what it did; dates can be set to the real day; Meta's email is
 * kept as proof; and nothing recorded disappears from view without the
 * person being told where it goes. These are VetoWindow's actions (win.*),
 * kept apart from its navigation:
 *
 *   win.set-date       (ssss) step, account, submitted|confirmed|refused|checked, YYYY-MM-DD
 *   win.undo-step      (sss)  step, account, snapshot from before the change
 *   win.attach-email   (sss)  step ("" for "whichever waits"), account, file URI
 *   win.choose-email   (ss)   step, account: a file chooser, then win.attach-email
 *   win.open-evidence  (ss)   step, account: the copy of Meta's email kept for it
 *   win.undo-last             the latest change with an Undo toast (Ctrl+Z)
 *
 * and the Undo toast after win.set-state, the question before a change of
 * region or of apps, and the drop of an email anywhere on the window. */

static VetoChecklist *
get_checklist (VetoWindow *self)
{
  return self->checklist;
}

static VetoProgressStore *
get_store (VetoWindow *self)
{
  return veto_checklist_get_store (get_checklist (self));
}

static const char *
account_or_null (const char *account_id)
{
  return account_id != NULL && *account_id ? account_id : NULL;
}

/* AdwToast titles are markup in libadwaita 1.2: what comes from data is
 * escaped (veto_util_toast_new()). */
static AdwToast *
toast_new_text (const char *text)
{
  return veto_util_toast_new (text);
}

static void
show_undo_toast (VetoWindow *self,
                 const char *text,
                 const char *step_id,
                 const char *account_id,
                 const char *snapshot)
{
  AdwToast *toast = toast_new_text (text);

  /* the latest change's Undo shows at once, ahead of older messages */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-step");
  adw_toast_set_action_target_value (toast, g_variant_new ("(sss)", step_id,
                                                           account_id ? account_id : "", snapshot));
  veto_window_add_toast (self, toast);

  /* Ctrl+Z undoes the latest change too: a toast goes away, and is not
   * within reach of every keyboard or screen reader */
  g_object_set_data_full (G_OBJECT (self), "veto-last-undo",
                          g_variant_ref_sink (g_variant_new ("(sss)", step_id, account_id ? account_id : "",
                                                             snapshot)),
                          (GDestroyNotify)g_variant_unref);
}

static void
undo_last_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GVariant) last = g_object_steal_data (G_OBJECT (widget), "veto-last-undo");

  if (last == NULL)
    {
      veto_window_add_toast (VETO_WINDOW (widget), adw_toast_new (_("Nothing to undo.")));
      return;
    }

  gtk_widget_activate_action_variant (widget, "win.undo-step", last);
}

static void
show_error (VetoWindow *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * veto_window_record_set_state:
 *
 * What win.set-state does: the new state, and a toast to undo it.
 */
void
veto_window_record_set_state (VetoWindow    *self,
                              const char    *step_id,
                              const char    *account_id,
                              VetoStepState  state)
{
  VetoProgressStore *store = get_store (self);
  g_autofree char *snapshot = NULL;
  g_autofree char *text = NULL;

  if (veto_progress_store_get_read_only (store) ||
      veto_progress_store_get_state (store, step_id, account_or_null (account_id)) == state)
    return;

  snapshot = veto_progress_store_dup_step_snapshot (store, step_id, account_or_null (account_id));
  veto_progress_store_set_state (store, step_id, account_or_null (account_id), state);

  if (state == VETO_STEP_STATE_TODO)
    text = g_strdup (_("Back to to do. Its dates were cleared."));
  else
    /* Translators: %s is a state: "Marked “Submitted”." */
    text = g_strdup_printf (_("Marked “%s”."), veto_step_state_get_label (state));
  show_undo_toast (self, text, step_id, account_id, snapshot);
}

/**
 * veto_window_record_offer_check:
 *
 * After a recheck opened the page: the check counts only once the person
 * says they did it.
 */
void
veto_window_record_offer_check (VetoWindow *self,
                                const char *step_id,
                                const char *account_id)
{
  AdwToast *toast = adw_toast_new (_("Look at the step again, then say so to record today’s check."));

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("I _Checked It"));
  adw_toast_set_action_name (toast, "win.mark-checked");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", step_id, account_id ? account_id : ""));
  veto_window_add_toast (self, toast);
}

static void
set_date_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  VetoProgressStore *store = get_store (self);
  const char *step_id, *account_id, *token, *text;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;
  VetoDateKind kind;
  int y, m, d;

  g_variant_get (parameter, "(&s&s&s&s)", &step_id, &account_id, &token, &text);
  if (veto_catalog_lookup_step (veto_checklist_get_catalog (get_checklist (self)), step_id) == NULL ||
      !veto_date_kind_from_string (token, &kind) ||
      sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return;

  day = g_date_time_new_local (y, m, d, 0, 0, 0);
  snapshot = veto_progress_store_dup_step_snapshot (store, step_id, account_or_null (account_id));
  if (!veto_progress_store_set_date (store, step_id, account_or_null (account_id), kind, day, &error))
    {
      veto_window_add_toast (self, toast_new_text (error->message));
      return;
    }

  {
    g_autofree char *date = veto_format_date (day);
    /* Translators: %s is a date */
    g_autofree char *message = g_strdup_printf (_("Date set to %s."), date);

    show_undo_toast (self, message, step_id, account_id, snapshot);
  }
}

static void
undo_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id, *snapshot;

  g_variant_get (parameter, "(&s&s&s)", &step_id, &account_id, &snapshot);
  if (veto_catalog_lookup_step (veto_checklist_get_catalog (get_checklist (self)), step_id) == NULL ||
      veto_progress_store_get_read_only (get_store (self)))
    return;

  veto_progress_store_restore_step (get_store (self), step_id, account_or_null (account_id), snapshot);
  /* undone once, from the toast or Ctrl+Z: not twice */
  g_object_set_data (G_OBJECT (self), "veto-last-undo", NULL);
  veto_window_add_toast (self, adw_toast_new (_("Undone.")));
}

/* --- Meta's email ------------------------------------------------------ */

static VetoTask *
find_task (VetoChecklist *checklist,
           const char    *step_id,
           const char    *account_id)
{
  GListModel *tasks = veto_checklist_get_tasks (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      if (g_str_equal (veto_step_get_id (veto_task_get_step (task)), step_id) &&
          g_strcmp0 (veto_task_get_account_id (task), account_or_null (account_id)) == 0)
        return g_steal_pointer (&task);
    }

  return NULL;
}

static void
attach (VetoWindow      *self,
        VetoTask        *task,
        VetoEmail       *email,
        VetoEmailAnswer  answer)
{
  VetoChecklist *checklist = get_checklist (self);
  const char *step_id = veto_step_get_id (veto_task_get_step (task));
  const char *account_id = veto_task_get_account_id (task);
  g_autofree char *snapshot = veto_progress_store_dup_step_snapshot (get_store (self), step_id, account_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (!veto_evidence_attach (checklist, task, email, answer, &error))
    {
      show_error (self, _("This Email Can’t Be Kept"), error->message);
      return;
    }

  date = veto_format_date (veto_email_get_date (email));
  if (answer == VETO_EMAIL_ANSWER_CONFIRMED)
    /* Translators: %s is a date */
    text = g_strdup_printf (_("Meta’s email is kept as proof: confirmed on %s."), date);
  else if (answer == VETO_EMAIL_ANSWER_REFUSED)
    /* Translators: %s is a date */
    text = g_strdup_printf (_("Meta’s email is kept as proof: refused on %s."), date);
  else
    text = g_strdup (_("Meta’s email is kept as proof. The objection’s state is unchanged."));
  show_undo_toast (self, text, step_id, account_id, snapshot);
}

static void
on_answer_response (AdwMessageDialog *dialog,
                    const char       *response,
                    VetoWindow       *self)
{
  VetoTask *task = g_object_get_data (G_OBJECT (dialog), "task");
  VetoEmail *email = g_object_get_data (G_OBJECT (dialog), "email");

  if (veto_progress_store_get_read_only (get_store (self)))
    return;

  if (g_str_equal (response, "confirmed"))
    attach (self, task, email, VETO_EMAIL_ANSWER_CONFIRMED);
  else if (g_str_equal (response, "refused"))
    attach (self, task, email, VETO_EMAIL_ANSWER_REFUSED);
  else if (g_str_equal (response, "keep"))
    attach (self, task, email, VETO_EMAIL_ANSWER_UNKNOWN);
}

/* Any email from Meta's domains is not yet its answer: an acknowledgement
 * ("We received your request") or a request for details looks the same
 * from its sender. The person reads what it is and says so; the words
 * Veto recognises (veto_email_classify_answer()) only choose the
 * response that Enter gives. */
static void
ask_answer (VetoWindow *self,
            VetoTask   *task,
            VetoEmail  *email)
{
  g_autofree char *date = veto_format_date (veto_email_get_date (email));
  g_autofree char *name = veto_task_dup_name (task);
  g_autofree char *body = NULL;
  const char *subject = veto_email_get_subject (email);
  const char *preselected;
  GtkWidget *dialog;

  switch (veto_email_classify_answer (email, veto_checklist_get_catalog (get_checklist (self))))
    {
    case VETO_EMAIL_ANSWER_CONFIRMED:
      preselected = "confirmed";
      break;
    case VETO_EMAIL_ANSWER_REFUSED:
      preselected = "refused";
      break;
    case VETO_EMAIL_ANSWER_UNKNOWN:
    default:
      preselected = "keep";
      break;
    }

  /* Translators: the sender, the date and the subject of an email, then
   * the objection (step, app and account). The body is plain text. */
  body = g_strdup_printf (_("From: %s\nDate: %s\nSubject: %s\n\nIs this email Meta’s answer to “%s”? Veto keeps it as proof whatever you choose."),
                          veto_email_get_from (email), date,
                          subject != NULL && *subject != '\0' ? subject : _("(no subject)"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Is This Meta’s Answer?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "keep", _("_Keep Only as Proof"),
                                    "refused", _("Meta _Refused"),
                                    "confirmed", _("Meta _Accepted"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), preselected, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), preselected);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "task", g_object_ref (task), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "email", g_object_ref (email), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_answer_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_which_response (AdwMessageDialog *dialog,
                   const char       *response,
                   VetoWindow       *self)
{
  GPtrArray *candidates = g_object_get_data (G_OBJECT (dialog), "candidates");
  VetoEmail *email = g_object_get_data (G_OBJECT (dialog), "email");
  guint64 index;

  if (!g_ascii_string_to_unsigned (response, 10, 0, candidates->len - 1, &index, NULL))
    return;

  ask_answer (self, g_ptr_array_index (candidates, index), email);
}

/* Two objections wait for Meta's answer: the person says which. */
static void
ask_which (VetoWindow *self,
           GPtrArray  *candidates,
           VetoEmail  *email)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Which Objection Does This Email Answer?"),
                                              _("More than one objection waits for Meta’s answer. Nothing is recorded until you choose."));

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  for (guint i = 0; i < candidates->len; i++)
    {
      VetoTask *task = g_ptr_array_index (candidates, i);
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_autofree char *account = veto_account_get_display_name (veto_task_get_account_label (task),
                                                                veto_task_get_account_id (task));
      g_autofree char *label = NULL;
      g_autoptr(GString) escaped = NULL;

      /* Translators: an app and an account: "Facebook — Personal" */
      label = g_strdup_printf (_("%s — %s"), veto_app_get_name (veto_task_get_app (task)), account);
      /* a response label takes mnemonics: an account named "my_work" stays so */
      escaped = g_string_new (label);
      g_string_replace (escaped, "_", "__", 0);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, escaped->str);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "candidates", g_ptr_array_ref (candidates),
                          (GDestroyNotify)g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "email", g_object_ref (email), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_which_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  char  *step_id;
  char  *account_id;
  GFile *file;
} EmailRequest;

static void
email_request_free (EmailRequest *request)
{
  g_free (request->step_id);
  g_free (request->account_id);
  g_clear_object (&request->file);
  g_free (request);
}

/* The file is read in a thread: a named pipe or a slow network folder
 * given as the email must not freeze the window (veto-file.c reads it
 * without blocking, and at most 5 MiB, in any case). */
static void
read_email_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  EmailRequest *request = task_data;
  GError *error = NULL;
  VetoEmail *email = veto_email_new_from_file (request->file, cancellable, &error);

  if (email == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, email, g_object_unref);
}

static void
on_email_read (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  VetoWindow *self = VETO_WINDOW (source_object);
  VetoChecklist *checklist = get_checklist (self);
  EmailRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(VetoEmail) email = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;

  email = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (email == NULL || !veto_email_check_sender (email, veto_checklist_get_catalog (checklist), &error))
    {
      show_error (self, _("This Email Can’t Be Kept"), error->message);
      return;
    }
  if (veto_progress_store_get_read_only (get_store (self)))
    return;

  if (*request->step_id != '\0')
    {
      g_autoptr(VetoTask) task = find_task (checklist, request->step_id, request->account_id);

      if (task == NULL || veto_step_get_kind (veto_task_get_step (task)) != VETO_STEP_KIND_FORM)
        {
          show_error (self, _("This Email Can’t Be Kept"),
                      _("Meta’s email confirms an objection: drop it on the objection’s form step."));
          return;
        }
      ask_answer (self, task, email);
      return;
    }

  candidates = veto_evidence_find_candidates (checklist, email);
  if (candidates->len == 0)
    show_error (self, _("This Email Can’t Be Kept"),
                _("No objection waits for Meta’s answer: mark the objection you sent as submitted in Veto first. Nothing was changed."));
  else if (candidates->len == 1)
    ask_answer (self, g_ptr_array_index (candidates, 0), email);
  else
    ask_which (self, candidates, email);
}

static void
attach_email_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id, *uri;
  g_autoptr(GTask) task = NULL;
  EmailRequest *request;

  g_variant_get (parameter, "(&s&s&s)", &step_id, &account_id, &uri);
  if (veto_progress_store_get_read_only (get_store (self)))
    return;

  request = g_new0 (EmailRequest, 1);
  request->step_id = g_strdup (step_id);
  request->account_id = g_strdup (account_id);
  request->file = g_file_new_for_uri (uri);

  task = g_task_new (self, NULL, on_email_read, NULL);
  g_task_set_source_tag (task, attach_email_action);
  g_task_set_task_data (task, request, (GDestroyNotify)email_request_free);
  g_task_run_in_thread (task, read_email_thread);
}

static void
on_choose_response (GtkNativeDialog *dialog,
                    int              response,
                    VetoWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *uri = g_file_get_uri (file);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.attach-email", "(sss)",
                                  g_object_get_data (G_OBJECT (dialog), "step-id"),
                                  g_object_get_data (G_OBJECT (dialog), "account-id"),
                                  uri);
    }

  g_object_unref (dialog);
}

static void
choose_email_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);

  dialog = gtk_file_chooser_native_new (_("Meta’s Email"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Keep as Proof"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Saved emails (.eml)"));
  gtk_file_filter_add_mime_type (filter, "message/rfc822");
  gtk_file_filter_add_suffix (filter, "eml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  veto_util_file_chooser_start_in (GTK_FILE_CHOOSER (dialog), G_USER_DIRECTORY_DOWNLOAD);
  g_object_set_data_full (G_OBJECT (dialog), "step-id", g_strdup (step_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "account-id", g_strdup (account_id), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_choose_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The copy is opened only as it was kept: a file changed since then is
 * not Meta's email any more, and the person is told rather than shown it. */
static void
open_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VetoWindow *self = VETO_WINDOW (widget);
  const char *step_id, *account_id;
  g_autoptr(VetoEvidenceInfo) evidence = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  g_variant_get (parameter, "(&s&s)", &step_id, &account_id);
  if (veto_catalog_lookup_step (veto_checklist_get_catalog (get_checklist (self)), step_id) == NULL)
    return;
  evidence = veto_progress_store_dup_evidence (get_store (self), step_id, account_or_null (account_id));
  if (evidence == NULL)
    return;

  switch (veto_evidence_info_check_file (evidence, &path))
    {
    case VETO_EVIDENCE_FILE_KEPT:
      break;
    case VETO_EVIDENCE_FILE_MISSING:
      veto_window_add_toast (self, toast_new_text (_("The copy of Meta’s email kept by Veto is missing.")));
      return;
    case VETO_EVIDENCE_FILE_ALTERED:
    default:
      veto_window_add_toast (self, toast_new_text (_("The copy of Meta’s email kept by Veto was changed since it was kept, so it was not opened.")));
      return;
    }

  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  /* opened as the window opens any file it saved (win.open-file) */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-file", "s", uri);
}

/* An email dropped anywhere else on the window: for whichever objection
 * waits (the window asks when two do). */
static gboolean
on_window_drop (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                VetoWindow    *self)
{
  GSList *files;
  g_autofree char *uri = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || (files = g_value_get_boxed (value)) == NULL)
    return FALSE;

  uri = g_file_get_uri (files->data);
  return gtk_widget_activate_action (GTK_WIDGET (self), "win.attach-email", "(sss)", "", "", uri);
}

/* --- changes that move recorded steps aside ----------------------------- */

static char *
describe_moving (GPtrArray *moving)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < moving->len; i++)
    {
      g_autofree char *name = veto_task_dup_name (g_ptr_array_index (moving, i));

      g_string_append_printf (list, "\n• %s", name);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
on_region_response (AdwMessageDialog *dialog,
                    const char       *response,
                    VetoWindow       *self)
{
  if (g_str_equal (response, "change"))
    veto_progress_store_set_region (get_store (self), g_object_get_data (G_OBJECT (dialog), "region-id"));
  else
    veto_window_notify_region (self);
}

/**
 * veto_window_record_change_region:
 *
 * What win.region does: when steps with something recorded would no
 * longer apply, it asks first and says where they go.
 */
void
veto_window_record_change_region (VetoWindow *self,
                                  const char *region_id)
{
  VetoChecklist *checklist = get_checklist (self);
  VetoRegion *region = veto_catalog_lookup_region (veto_checklist_get_catalog (checklist), region_id);
  g_autoptr(GPtrArray) moving = NULL;
  g_autofree char *list = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (region == NULL)
    return;

  moving = veto_checklist_preview_change (checklist, region_id, NULL);
  if (moving->len == 0 || veto_progress_store_get_region (get_store (self)) == NULL)
    {
      veto_progress_store_set_region (get_store (self), region_id);
      return;
    }

  list = describe_moving (moving);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %s is a region, the second %s a list of steps */
                                       "This step you recorded no longer applies where you now live (%s). It stays in your overview and in your record, under “Recorded earlier”, with its dates:%s",
                                       "These steps you recorded no longer apply where you now live (%s). They stay in your overview and in your record, under “Recorded earlier”, with their dates:%s",
                                       moving->len),
                          veto_region_get_name (region), list);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change Where You Live?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("_Change"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "region-id", g_strdup (region_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_region_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_app_response (AdwMessageDialog *dialog,
                 const char       *response,
                 VetoWindow       *self)
{
  VetoProgressStore *store = get_store (self);

  if (g_str_equal (response, "stop"))
    veto_progress_store_set_app (store, g_object_get_data (G_OBJECT (dialog), "app-id"), FALSE);
  else
    /* nothing changed: the switch that asked goes back to the store's word */
    g_signal_emit_by_name (store, "changed");
}

/**
 * veto_window_record_stop_using_app:
 *
 * What win.set-app-used does for an app the person stops using.
 */
void
veto_window_record_stop_using_app (VetoWindow *self,
                                   const char *app_id)
{
  VetoChecklist *checklist = get_checklist (self);
  VetoApp *app = veto_catalog_lookup_app (veto_checklist_get_catalog (checklist), app_id);
  g_autoptr(GPtrArray) moving = NULL;
  g_autofree char *list = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (app == NULL)
    return;

  moving = veto_checklist_preview_change (checklist, NULL, app_id);
  if (moving->len == 0)
    {
      veto_progress_store_set_app (get_store (self), app_id, FALSE);
      return;
    }

  list = describe_moving (moving);
  /* Translators: %s is an app, the second %s a list of steps */
  body = g_strdup_printf (_("What you recorded for %s stays in your overview and in your record, under “Recorded earlier”, with its dates:%s"),
                          veto_app_get_name (app), list);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Stop Using This App?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "stop", _("_Stop Using"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "app-id", g_strdup (app_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_app_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
veto_window_record_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.set-date", "(ssss)", set_date_action);
  gtk_widget_class_install_action (widget_class, "win.undo-step", "(sss)", undo_step_action);
  gtk_widget_class_install_action (widget_class, "win.undo-last", NULL, undo_last_action);
  /* a text field's own Ctrl+Z comes first: this is the window's */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-last", NULL);
  gtk_widget_class_install_action (widget_class, "win.attach-email", "(sss)", attach_email_action);
  gtk_widget_class_install_action (widget_class, "win.choose-email", "(ss)", choose_email_action);
  gtk_widget_class_install_action (widget_class, "win.open-evidence", "(ss)", open_evidence_action);
}

void
veto_window_record_init (VetoWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_window_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
