/* veto-record.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-checklist.h"
#include "veto-i18n.h"
#include "veto-record-private.h"

/* The person's record: what they did, step by step, app by app and account
 * by account, with the dates they recorded and the form they used — a
 * document they can attach to a complaint to a regulator. It is written in
 * the interface language, as a PDF (cairo and Pango, no GTK, so that
 * `veto --export` works without a display) or as Markdown.
 *
 * The checklist is first copied into a Record of plain strings. The PDF is
 * then drawn from that copy, which may happen in a worker thread
 * (veto_record_write_async()) while the window goes on changing the
 * progress. */

/* Public API */

/**
 * veto_record_format_for_file:
 * @file: where the record goes
 *
 * Returns: Markdown when the file's name ends in `.md` (in any case), else PDF
 */
VetoRecordFormat
veto_record_format_for_file (GFile *file)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), VETO_RECORD_FORMAT_PDF);

  name = g_file_get_basename (file);
  if (name != NULL && strlen (name) >= 3 && g_ascii_strcasecmp (name + strlen (name) - 3, ".md") == 0)
    return VETO_RECORD_FORMAT_MARKDOWN;

  return VETO_RECORD_FORMAT_PDF;
}

/**
 * veto_record_suggest_filename:
 * @checklist: the person's checklist
 * @format: the record's format
 *
 * A name for a file chooser: translated, dated by the checklist's clock,
 * with the format's extension ("Veto record 2026-11-29.pdf").
 *
 * Returns: (transfer full): a file name, without a folder
 */
char *
veto_record_suggest_filename (VetoChecklist    *checklist,
                              VetoRecordFormat  format)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), NULL);

  now = veto_clock_get_now (veto_progress_store_get_clock (veto_checklist_get_store (checklist)));
  day = g_date_time_format (now, "%Y-%m-%d");

  /* Translators: a file name; %s is a date as 2026-11-29 */
  return g_strdup_printf (_("Veto record %s.%s"), day,
                          format == VETO_RECORD_FORMAT_MARKDOWN ? "md" : "pdf");
}

/**
 * veto_record_to_markdown:
 * @checklist: the person's checklist
 *
 * Returns: (transfer full): the record as Markdown, in the interface language
 */
char *
veto_record_to_markdown (VetoChecklist *checklist)
{
  g_autoptr(Record) record = NULL;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), NULL);

  record = _veto_record_new (checklist);
  return _veto_record_to_markdown (record);
}

/**
 * veto_record_to_pdf:
 * @checklist: the person's checklist
 * @error: where to put a failure
 *
 * Returns: (transfer full) (nullable): the record as an A4 PDF, in the
 *   interface language
 */
GBytes *
veto_record_to_pdf (VetoChecklist  *checklist,
                    GError        **error)
{
  g_autoptr(Record) record = NULL;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), NULL);

  record = _veto_record_new (checklist);
  return _veto_record_to_pdf (record, error);
}

static GBytes *
render (Record            *record,
        VetoRecordFormat   format,
        GError           **error)
{
  if (format == VETO_RECORD_FORMAT_MARKDOWN)
    {
      char *text = _veto_record_to_markdown (record);

      return g_bytes_new_take (text, strlen (text));
    }

  return _veto_record_to_pdf (record, error);
}

/* All or nothing: a temporary file in the same folder, renamed over the
 * target, so that a record being replaced is never left half written. */
static gboolean
save (GBytes        *bytes,
      GFile         *file,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gboolean ok;

  if (parent != NULL && g_file_query_file_type (parent, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *folder = g_file_get_parse_name (parent);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a file, the second %s a folder */
                   _("The record could not be saved as %s: there is no folder %s. Choose an existing folder."),
                   name, folder);
      return FALSE;
    }

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* Translators: %s is a file */
                   _("The record could not be saved as %s: a folder has that name. Choose another name."),
                   name);
      return FALSE;
    }

  if (path != NULL)
    ok = g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error);
  else
    ok = g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, &local_error);

  if (!ok)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file, the second %s says why */
                   _("The record could not be saved as %s: %s. Choose a folder you can write to."),
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * veto_record_write:
 * @checklist: the person's checklist
 * @file: where to write the record; replaced if it exists
 * @format: PDF or Markdown (see veto_record_format_for_file())
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put a failure, with a message that names the file
 *
 * Writes the record at once, atomically. See veto_record_write_async() to
 * keep a window responsive.
 *
 * Returns: %TRUE on success
 */
gboolean
veto_record_write (VetoChecklist     *checklist,
                   GFile             *file,
                   VetoRecordFormat   format,
                   GCancellable      *cancellable,
                   GError           **error)
{
  g_autoptr(Record) record = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  record = _veto_record_new (checklist);
  bytes = render (record, format, error);

  return bytes != NULL && save (bytes, file, cancellable, error);
}

typedef struct
{
  Record           *record;
  GFile            *file;
  VetoRecordFormat  format;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->record, _veto_record_free);
  g_clear_object (&data->file);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = render (data->record, data->format, &error);
  if (bytes == NULL || !save (bytes, data->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * veto_record_write_async:
 * @checklist: the person's checklist
 * @file: where to write the record; replaced if it exists
 * @format: PDF or Markdown (see veto_record_format_for_file())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written, or failed to be
 * @user_data: data for @callback
 *
 * Like veto_record_write(), but draws and writes in a worker thread. The
 * record is taken from @checklist now: changes made meanwhile are not in it.
 */
void
veto_record_write_async (VetoChecklist       *checklist,
                         GFile               *file,
                         VetoRecordFormat     format,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (VETO_IS_CHECKLIST (checklist));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (WriteData, 1);
  data->record = _veto_record_new (checklist);
  data->file = g_object_ref (file);
  data->format = format;

  task = g_task_new (checklist, cancellable, callback, user_data);
  g_task_set_source_tag (task, veto_record_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify)write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * veto_record_write_finish:
 * @checklist: the #VetoChecklist given to veto_record_write_async()
 * @result: the #GAsyncResult given to the callback
 * @error: where to put a failure, with a message that names the file
 *
 * Returns: %TRUE when the record was written
 */
gboolean
veto_record_write_finish (VetoChecklist  *checklist,
                          GAsyncResult   *result,
                          GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, checklist), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == veto_record_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
