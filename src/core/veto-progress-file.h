/* veto-progress-file.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The progress file on disk, and nothing of what it holds: read without
 * blocking, saved atomically under a lock, never over a change this
 * object has not seen, and set aside when damaged. VetoProgressStore uses
 * it; it knows nothing of the store. */

#pragma once

#include <gio/gio.h>
#include <sys/types.h>

#include "veto-clock.h"

G_BEGIN_DECLS

/* One version of the file: what a save compares with the file on disk
 * to tell whether someone else wrote it since. */
typedef struct
{
  /*< private >*/
  gboolean exists;
  dev_t    dev;
  ino_t    ino;
  off_t    size;
  gint64   mtime_ns;
} VetoProgressFileStamp;

#define VETO_TYPE_PROGRESS_FILE (veto_progress_file_get_type ())

G_DECLARE_FINAL_TYPE (VetoProgressFile, veto_progress_file, VETO, PROGRESS_FILE, GObject)

VetoProgressFile *veto_progress_file_new                (GFile                       *file,
                                                         VetoClock                   *clock);
GFile            *veto_progress_file_get_file           (VetoProgressFile            *self);
char             *veto_progress_file_read               (VetoProgressFile            *self,
                                                         gsize                       *out_len,
                                                         VetoProgressFileStamp       *out_stamp,
                                                         GError                     **error);
void              veto_progress_file_set_seen           (VetoProgressFile            *self,
                                                         const VetoProgressFileStamp *stamp);
gboolean          veto_progress_file_changed_on_disk    (VetoProgressFile            *self);
gboolean          veto_progress_file_write              (VetoProgressFile            *self,
                                                         const char                  *data,
                                                         int                          keep_format,
                                                         GError                     **error);
GFile            *veto_progress_file_move_aside         (VetoProgressFile            *self,
                                                         GError                     **error);
void              veto_progress_file_remove_stale_temporaries (VetoProgressFile      *self);
gboolean          veto_progress_file_check_writable     (VetoProgressFile            *self,
                                                         GError                     **error);

G_END_DECLS
