/* veto-progress-format.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a progress file holds, and nothing of who holds it: its groups, one
 * table of a step's keys and the values they take, the days a person
 * states, and the checks a file passes before it is trusted.
 * VetoProgressStore reads and writes through these names; the format
 * knows nothing of the store. Adding a per-step key is one row in
 * veto-progress-format.c's table. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The format this Veto writes. A file of a newer one is opened read-only. */
#define VETO_PROGRESS_FORMAT 2

/* The first group, with Format=, Region=, Language=, Apps=, NextAccount=
 * and CatalogVersion= */
#define VETO_PROGRESS_HEADER_GROUP "Veto"
/* Written last, so that a truncated file is detected */
#define VETO_PROGRESS_END_GROUP "End"
/* "Step <step>" (a step done once) or "Step <step> <account>" */
#define VETO_PROGRESS_STEP_PREFIX "Step "
/* "Account <app> <account>"; account ids are unique across apps */
#define VETO_PROGRESS_ACCOUNT_PREFIX "Account "

/* The dates a person can state for a step. */
typedef enum
{
  VETO_DATE_SUBMITTED,
  VETO_DATE_CONFIRMED,
  VETO_DATE_REFUSED,
  VETO_DATE_CHECKED,
} VetoDateKind;

/* The years a date Veto reads may fall in (Meta took objections from
 * 2024): anything else is a typo, or an email written to overflow
 * ("31 Dec 9999 -2359"). */
#define VETO_DATE_MIN_YEAR 2000
#define VETO_DATE_MAX_YEAR 2199

gboolean    veto_date_is_sane           (GDateTime    *date);
char       *veto_progress_format_day    (GDateTime    *date);
GDateTime  *veto_progress_parse_day     (const char   *str);
gboolean    veto_date_kind_from_string  (const char   *str,
                                         VetoDateKind *kind);
const char *veto_date_kind_to_string    (VetoDateKind  kind);

/* The keys of a [Step …] group. The four dates come first, in
 * #VetoDateKind's order, then the moments each was entered. */
typedef enum
{
  VETO_PROGRESS_KEY_SUBMITTED,
  VETO_PROGRESS_KEY_CONFIRMED,
  VETO_PROGRESS_KEY_REFUSED,
  VETO_PROGRESS_KEY_CHECKED,
  VETO_PROGRESS_KEY_SUBMITTED_ENTERED,
  VETO_PROGRESS_KEY_CONFIRMED_ENTERED,
  VETO_PROGRESS_KEY_REFUSED_ENTERED,
  VETO_PROGRESS_KEY_CHECKED_ENTERED,
  VETO_PROGRESS_KEY_STATE,
  VETO_PROGRESS_KEY_UPDATED,
  VETO_PROGRESS_KEY_NOTE,
  VETO_PROGRESS_KEY_FORM_URL,
  VETO_PROGRESS_KEY_CATALOG_VERSION,
  VETO_PROGRESS_KEY_EVIDENCE_FILE,
  VETO_PROGRESS_KEY_EVIDENCE_SHA256,
  VETO_PROGRESS_KEY_EVIDENCE_FROM,
  VETO_PROGRESS_KEY_EVIDENCE_SUBJECT,
  VETO_PROGRESS_KEY_EVIDENCE_DATE,
  VETO_PROGRESS_N_KEYS
} VetoProgressKey;

/* What a key's value may be. */
typedef enum
{
  VETO_PROGRESS_VALUE_TEXT,           /* anything */
  VETO_PROGRESS_VALUE_STATE,          /* a #VetoStepState's name */
  VETO_PROGRESS_VALUE_DATE,           /* a moment (ISO 8601) or a stated day (YYYY-MM-DD) */
  VETO_PROGRESS_VALUE_MOMENT,         /* a moment (ISO 8601) */
  VETO_PROGRESS_VALUE_VERSION,        /* a catalog version, 1 or more */
  VETO_PROGRESS_VALUE_SHA256,         /* 64 lower-case hex digits */
  VETO_PROGRESS_VALUE_EVIDENCE_NAME,  /* a file name in the evidence folder */
} VetoProgressValue;

const char        *veto_progress_key_name        (VetoProgressKey  key);
VetoProgressValue  veto_progress_key_value       (VetoProgressKey  key);
gboolean           veto_progress_key_is_record   (VetoProgressKey  key);
VetoProgressKey    veto_progress_date_key        (VetoDateKind     kind);
VetoProgressKey    veto_progress_entered_key     (VetoDateKind     kind);

char              *veto_progress_step_group      (const char      *step_id,
                                                  const char      *account_id);
char              *veto_progress_account_group   (const char      *app_id,
                                                  const char      *account_id);

gboolean           veto_progress_is_sha256       (const char      *str);
gboolean           veto_progress_is_evidence_name (const char     *str);

gboolean           veto_progress_parse           (GKeyFile        *keyfile,
                                                  char            *data,
                                                  gsize            len,
                                                  int             *format,
                                                  GError         **error);

G_END_DECLS
