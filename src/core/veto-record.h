/* veto-record.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "veto-checklist.h"

G_BEGIN_DECLS

typedef enum
{
  VETO_RECORD_FORMAT_PDF,
  VETO_RECORD_FORMAT_MARKDOWN,
} VetoRecordFormat;

VetoRecordFormat  veto_record_format_for_file   (GFile                *file);
char             *veto_record_suggest_filename  (VetoChecklist        *checklist,
                                                 VetoRecordFormat      format);
char             *veto_record_to_markdown       (VetoChecklist        *checklist);
GBytes           *veto_record_to_pdf            (VetoChecklist        *checklist,
                                                 GError              **error);
gboolean          veto_record_write             (VetoChecklist        *checklist,
                                                 GFile                *file,
                                                 VetoRecordFormat      format,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void              veto_record_write_async       (VetoChecklist        *checklist,
                                                 GFile                *file,
                                                 VetoRecordFormat      format,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean          veto_record_write_finish      (VetoChecklist        *checklist,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
