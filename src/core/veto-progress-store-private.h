/* veto-progress-store-private.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the files that make up VetoProgressStore; not for its users. */

#pragma once

#include <glib/gstdio.h>
#include <sys/types.h>

#include "veto-progress-store.h"

G_BEGIN_DECLS

struct _VetoProgressStore
{
  GObject    parent_instance;

  GFile     *file;
  VetoClock *clock;
  GKeyFile  *keyfile;

  /* set when a corrupt file was moved aside during load */
  GFile     *recovered_file;
  GError    *save_error;
  GError    *disk_error;
  guint      retry_id;

  guint      read_only : 1;
  guint      is_new : 1;
  guint      inspect_only : 1;

  /* the Format of the file as last read; 0 when none was */
  int        disk_format;

  /* the file as this store last read or wrote it (see check_unchanged()) */
  struct {
    gboolean exists;
    dev_t    dev;
    ino_t    ino;
    off_t    size;
    gint64   mtime_ns;
  } disk;
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_CLOCK,
  PROP_READ_ONLY,
  PROP_SAVE_ERROR,
  PROP_DISK_ERROR,
  N_PROPS
};

extern GParamSpec *_veto_progress_store_properties[N_PROPS];

#define HEADER "Veto"
#define END_GROUP "End"

/* veto-progress-store-accounts.c */

void
_veto_progress_store_ensure_accounts (VetoProgressStore *self);

char *
_veto_progress_step_group (const char *step_id,
                           const char *account_id);

/* veto-progress-store-dates.c */

gboolean
_veto_progress_store_check_day (VetoProgressStore  *self,
                                const char         *step_id,
                                const char         *account_id,
                                VetoDateKind        kind,
                                GDateTime          *day,
                                GError            **error);

/* veto-progress-store-format.c */

GDateTime *
_veto_progress_parse_day (const char *str);

gboolean
_veto_progress_is_day (const char *str);

gboolean
_veto_progress_is_sha256 (const char *str);

gboolean
_veto_progress_is_evidence_name (const char *str);

gboolean
_veto_progress_parse (GKeyFile    *keyfile,
                      const char  *data,
                      gsize        len,
                      int         *format,
                      GError     **error);

/* veto-progress-store-steps.c */

void
_veto_progress_store_stamp_catalog_version (VetoProgressStore *self,
                                            const char        *group);

const char *
_veto_progress_date_key (VetoDateKind kind);

void
_veto_progress_store_set_day (VetoProgressStore *self,
                              const char        *group,
                              VetoDateKind       kind,
                              GDateTime         *day);

char *
_veto_progress_store_get_string (VetoProgressStore *self,
                                 const char        *group,
                                 const char        *key);

void
_veto_progress_store_apply_state (VetoProgressStore *self,
                                  const char        *group,
                                  VetoStepState      state);

GDateTime *
_veto_progress_store_dup_date (VetoProgressStore *self,
                               const char        *step_id,
                               const char        *account_id,
                               const char        *key);

char *
_veto_progress_store_dup_text (VetoProgressStore *self,
                               const char        *step_id,
                               const char        *account_id,
                               const char        *key);

/* veto-progress-store.c */

void
_veto_progress_store_init_fresh (VetoProgressStore *self);

gboolean
_veto_progress_store_begin_change (VetoProgressStore *self);

void
_veto_progress_store_commit (VetoProgressStore *self);

void
_veto_progress_store_keep_in_memory (VetoProgressStore *self);

gboolean
_veto_progress_store_commit_or_revert (VetoProgressStore  *self,
                                       const char         *before,
                                       GError            **error);

G_END_DECLS
