/* veto-progress-store.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "veto-clock.h"
#include "veto-progress-format.h"
#include "veto-types.h"

G_BEGIN_DECLS

#define VETO_PROGRESS_ERROR (veto_progress_error_quark ())

typedef enum
{
  VETO_PROGRESS_ERROR_FUTURE_DATE,
  VETO_PROGRESS_ERROR_BEFORE_SUBMITTED,
} VetoProgressError;

GQuark veto_progress_error_quark (void);

/* Meta's email kept as proof: the copy's name in the evidence folder, its
 * SHA-256, and what the email says of itself. */
typedef struct
{
  char      *file;
  char      *sha256;
  char      *from;
  char      *subject;
  GDateTime *date;
} VetoEvidenceInfo;

/* What Meta's email says of the objection it answers: Veto reads its
 * words against the catalog's ConfirmationPhrases= and RefusalPhrases=,
 * and the person has the last word in the window. UNKNOWN keeps the
 * email as proof and leaves the objection's state as it was. */
typedef enum
{
  VETO_EMAIL_ANSWER_UNKNOWN,
  VETO_EMAIL_ANSWER_CONFIRMED,
  VETO_EMAIL_ANSWER_REFUSED,
} VetoEmailAnswer;

/* An email bigger than this is not a confirmation from Meta. */
#define VETO_EVIDENCE_MAX_SIZE (5 * 1024 * 1024)

/* What became of the copy of Meta's email since it was kept. */
typedef enum
{
  VETO_EVIDENCE_FILE_KEPT,
  VETO_EVIDENCE_FILE_MISSING,
  VETO_EVIDENCE_FILE_ALTERED,
} VetoEvidenceFileState;

GFile *veto_evidence_get_folder (void);
void veto_evidence_info_free (VetoEvidenceInfo *info);
VetoEvidenceFileState veto_evidence_info_check_file (const VetoEvidenceInfo *info,
                                                     char                  **out_path);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VetoEvidenceInfo, veto_evidence_info_free)

#define VETO_TYPE_PROGRESS_STORE (veto_progress_store_get_type ())

G_DECLARE_FINAL_TYPE (VetoProgressStore, veto_progress_store, VETO, PROGRESS_STORE, GObject)

GFile             *veto_progress_store_default_file     (void);
VetoProgressStore *veto_progress_store_new              (GFile             *file,
                                                         VetoClock         *clock);
void               veto_progress_store_set_inspect_only (VetoProgressStore *self,
                                                         gboolean           inspect_only);
gboolean           veto_progress_store_load             (VetoProgressStore *self,
                                                         GError           **error);
gboolean           veto_progress_store_save             (VetoProgressStore *self,
                                                         GError           **error);
gboolean           veto_progress_store_check_writable   (VetoProgressStore *self,
                                                         GError           **error);
gboolean           veto_progress_store_reload_if_changed (VetoProgressStore *self);
gboolean           veto_progress_store_reload           (VetoProgressStore *self,
                                                         GError           **error);
const GError      *veto_progress_store_get_disk_error   (VetoProgressStore *self);
GFile             *veto_progress_store_replace_damaged  (VetoProgressStore *self,
                                                         GError           **error);
GFile             *veto_progress_store_get_file         (VetoProgressStore *self);
VetoClock         *veto_progress_store_get_clock        (VetoProgressStore *self);
GFile             *veto_progress_store_get_recovered_file (VetoProgressStore *self);
gboolean           veto_progress_store_get_read_only    (VetoProgressStore *self);
const GError      *veto_progress_store_get_save_error   (VetoProgressStore *self);
gboolean           veto_progress_store_get_is_new       (VetoProgressStore *self);
void               veto_progress_store_reset            (VetoProgressStore *self);

const char        *veto_progress_store_get_region       (VetoProgressStore *self);
void               veto_progress_store_set_region       (VetoProgressStore *self,
                                                         const char        *region_id);
const char        *veto_progress_store_get_language     (VetoProgressStore *self);
void               veto_progress_store_set_language     (VetoProgressStore *self,
                                                         const char        *language);
int                veto_progress_store_get_catalog_version (VetoProgressStore *self);
void               veto_progress_store_set_catalog_version (VetoProgressStore *self,
                                                         int                version);

GStrv              veto_progress_store_dup_apps         (VetoProgressStore *self);
gboolean           veto_progress_store_has_app          (VetoProgressStore *self,
                                                         const char        *app_id);
void               veto_progress_store_set_app          (VetoProgressStore *self,
                                                         const char        *app_id,
                                                         gboolean           used);

GStrv              veto_progress_store_dup_accounts     (VetoProgressStore *self,
                                                         const char        *app_id);
char              *veto_progress_store_add_account      (VetoProgressStore *self,
                                                         const char        *app_id,
                                                         const char        *label);
void               veto_progress_store_remove_account   (VetoProgressStore *self,
                                                         const char        *app_id,
                                                         const char        *account_id);
char              *veto_progress_store_dup_account_label (VetoProgressStore *self,
                                                         const char        *app_id,
                                                         const char        *account_id);
void               veto_progress_store_set_account_label (VetoProgressStore *self,
                                                         const char        *app_id,
                                                         const char        *account_id,
                                                         const char        *label);
char              *veto_progress_store_dup_account_identifier (VetoProgressStore *self,
                                                         const char        *app_id,
                                                         const char        *account_id);
void               veto_progress_store_set_account_identifier (VetoProgressStore *self,
                                                         const char        *app_id,
                                                         const char        *account_id,
                                                         const char        *identifier);

VetoStepState      veto_progress_store_get_state        (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
void               veto_progress_store_set_state        (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id,
                                                         VetoStepState      state);
GDateTime         *veto_progress_store_dup_submitted    (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
GDateTime         *veto_progress_store_dup_confirmed    (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
GDateTime         *veto_progress_store_dup_updated      (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
GDateTime         *veto_progress_store_dup_checked      (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
void               veto_progress_store_mark_checked     (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
int                veto_progress_store_get_step_catalog_version (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
char              *veto_progress_store_dup_note         (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
void               veto_progress_store_set_note         (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id,
                                                         const char        *note);
char              *veto_progress_store_dup_form_url     (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
void               veto_progress_store_set_form_url     (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id,
                                                         const char        *url);
gboolean           veto_progress_store_adopt_account_records (VetoProgressStore *self,
                                                         const char        *step_id);
gboolean           veto_progress_store_adopt_replaced_records (VetoProgressStore  *self,
                                                         const char         *step_id,
                                                         const char * const *replaced_ids);


GDateTime         *veto_progress_store_dup_date         (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id,
                                                         VetoDateKind       kind);
GDateTime         *veto_progress_store_dup_entered      (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id,
                                                         VetoDateKind       kind);
gboolean           veto_progress_store_set_date         (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id,
                                                         VetoDateKind       kind,
                                                         GDateTime         *day,
                                                         GError           **error);
gboolean           veto_progress_store_check_date       (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id,
                                                         VetoDateKind       kind,
                                                         GDateTime         *day,
                                                         GError           **error);
gboolean           veto_progress_store_set_state_on     (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id,
                                                         VetoStepState      state,
                                                         GDateTime         *day,
                                                         GError           **error);
gboolean           veto_progress_store_has_record       (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
char              *veto_progress_store_dup_step_snapshot (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
void               veto_progress_store_restore_step     (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id,
                                                         const char        *snapshot);
VetoEvidenceInfo  *veto_progress_store_dup_evidence     (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id);
gboolean           veto_progress_store_keep_evidence    (VetoProgressStore *self,
                                                         const char        *step_id,
                                                         const char        *account_id,
                                                         const VetoEvidenceInfo *evidence,
                                                         VetoEmailAnswer    answer,
                                                         GError           **error);
char              *veto_progress_store_find_evidence_file (VetoProgressStore *self,
                                                         const char        *sha256);

/* how an account is named to the person */
char              *veto_account_get_display_name        (const char        *label,
                                                         const char        *account_id);
char              *veto_account_dup_name                (VetoProgressStore *store,
                                                         const char        *app_id,
                                                         const char        *account_id);

G_END_DECLS
