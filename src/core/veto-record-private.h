/* veto-record-private.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the files that write the record; not for its users. */

#pragma once

#include "veto-record.h"

G_BEGIN_DECLS

typedef struct
{
  char *label;    /* "State:", with the language's own punctuation */
  char *value;
  char *suffix;   /* what the translation puts after the value, usually "" */
  char *link;     /* the value is this URL */
} RecordField;

typedef struct
{
  char      *title;
  GPtrArray *fields;
  char      *due;   /* a sentence, or NULL */
} RecordStep;

typedef struct
{
  char      *name;  /* NULL: no heading */
  GPtrArray *steps;
} RecordGroup;

typedef struct
{
  char      *name;
  GPtrArray *groups;
  gboolean   in_annex;  /* a heading one level under the annex's */
} RecordApp;

typedef struct
{
  GDateTime *now;
  char      *language;
  char      *title;
  char      *footer;
  GPtrArray *header;   /* lines under the title */
  char      *intro;
  char      *summary;
  char      *empty;    /* set when there is nothing to record */
  /* Page 1: one RecordStep per objection and account, titled with the
   * app and the account; @no_objections is said when there is none. */
  char      *objections_title;
  GPtrArray *objections;
  char      *no_objections;
  /* a new page: the other steps, app by app (the RecordApps with
   * in_annex), then what was recorded earlier and the evidence */
  char      *annex_title;
  char      *annex_intro;
  GPtrArray *apps;
  /* at the end: each address the reported steps cite, once */
  char      *sources_title;
  GPtrArray *sources;
  /* beside each address (format 4): "Publisher, kind; read on …" */
  GPtrArray *source_texts;
} Record;

/* veto-record-model.c */

void
_veto_record_free (Record *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Record, _veto_record_free)

Record *
_veto_record_new (VetoChecklist *checklist);

/* veto-record-markdown.c */

char *
_veto_record_to_markdown (Record *record);

/* veto-record-pdf.c */

GBytes *
_veto_record_to_pdf (Record  *record,
                     GError **error);

G_END_DECLS
