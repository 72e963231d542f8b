/* veto-progress-store.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-progress-store-private.h"

/* What a person did, kept in one small keyfile:
 *
 *   [Veto]                       format, region, language, chosen apps,
 *                                CatalogVersion= of the catalog in use
 *   [Account facebook 1]         Label=Personal, and Identifier= when the
 *                                person gave the account's address or handle
 *   [Step facebook-object 1]     State=, Submitted=, Confirmed=, Refused=,
 *                                Updated=, Checked=, Note=, FormUrl=,
 *                                CatalogVersion=, and for each of the four
 *                                dates <Key>Entered= when the person stated
 *                                the day afterwards; Evidence*= for Meta's
 *                                email kept as proof
 *
 * A date is either the moment of a click (an ISO 8601 time: the day it
 * states and the moment it was entered are the same) or a day the person
 * stated (YYYY-MM-DD), with <Key>Entered= saying when they did.
 *   [Step whatsapp-ai-chats]     a step that is not per account
 *   [End]                        written last, so truncation is detectable
 *
 * Every change is written at once: a temporary file named
 * `.progress.ini.veto-save-XXXXXX` (a name nobody chooses, so that cleaning
 * up after a crash deletes nothing of a person's), fsynced and renamed over
 * the old one: after a crash the file holds either the old state or the new
 * one, never a mix.
 *
 * Two Veto processes may have the file open (two sessions, or none and a
 * window): a save first checks, under a lock on the folder, that the file
 * is still the one this store last read or wrote, and refuses to overwrite
 * a change it has not seen.
 *
 * This file is a person's record of what they asked Meta, so it is never
 * overwritten unless we understood it: a file that does not parse is moved
 * aside to progress.ini.corrupt-<time>, and a file from a newer Veto is left
 * alone and opened read-only.
 */

G_DEFINE_FINAL_TYPE (VetoProgressStore, veto_progress_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

GParamSpec *_veto_progress_store_properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
veto_progress_store_dispose (GObject *object)
{
  VetoProgressStore *self = (VetoProgressStore *)object;

  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_object (&self->file);
  g_clear_object (&self->clock);
  g_clear_object (&self->recovered_file);

  G_OBJECT_CLASS (veto_progress_store_parent_class)->dispose (object);
}

static void
veto_progress_store_finalize (GObject *object)
{
  VetoProgressStore *self = (VetoProgressStore *)object;

  g_clear_pointer (&self->keyfile, g_key_file_unref);
  g_clear_error (&self->save_error);
  g_clear_error (&self->disk_error);

  G_OBJECT_CLASS (veto_progress_store_parent_class)->finalize (object);
}

static void
veto_progress_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VetoProgressStore *self = VETO_PROGRESS_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, veto_progress_store_get_read_only (self));
      break;

    case PROP_DISK_ERROR:
      g_value_set_string (value, self->disk_error ? self->disk_error->message : NULL);
      break;

    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error ? self->save_error->message : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_progress_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VetoProgressStore *self = VETO_PROGRESS_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_progress_store_constructed (GObject *object)
{
  VetoProgressStore *self = (VetoProgressStore *)object;

  G_OBJECT_CLASS (veto_progress_store_parent_class)->constructed (object);

  if (self->file == NULL)
    self->file = veto_progress_store_default_file ();
  if (self->clock == NULL)
    self->clock = veto_clock_new ();
}

static void
veto_progress_store_class_init (VetoProgressStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = veto_progress_store_dispose;
  object_class->finalize = veto_progress_store_finalize;
  object_class->get_property = veto_progress_store_get_property;
  object_class->set_property = veto_progress_store_set_property;
  object_class->constructed = veto_progress_store_constructed;

  _veto_progress_store_properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  _veto_progress_store_properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, VETO_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  _veto_progress_store_properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The message of the last failed save, or NULL once a save succeeds. */
  _veto_progress_store_properties[PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Why the progress file, changed by someone else while Veto is open,
   * can't be read, or NULL. While set the store is read-only. */
  _veto_progress_store_properties[PROP_DISK_ERROR] =
    g_param_spec_string ("disk-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS,
                                     _veto_progress_store_properties);

  /**
   * VetoProgressStore::changed:
   *
   * Emitted after any change, once it has been saved (or the save failed,
   * see #VetoProgressStore:save-error).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

void
_veto_progress_store_init_fresh (VetoProgressStore *self)
{
  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = g_key_file_new ();
  g_key_file_set_integer (self->keyfile, HEADER, "Format", VETO_PROGRESS_FORMAT);
}

static void
veto_progress_store_init (VetoProgressStore *self)
{
  self->is_new = TRUE;
  _veto_progress_store_init_fresh (self);
}

/**
 * veto_progress_store_default_file:
 *
 * Returns: (transfer full): `$XDG_STATE_HOME/veto/progress.ini`
 */
GFile *
veto_progress_store_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "veto", "progress.ini", NULL);

  return g_file_new_for_path (path);
}

/**
 * veto_progress_store_new:
 * @file: (nullable): where to keep the progress; %NULL for the default
 * @clock: (nullable): the clock that stamps changes; %NULL for the system's
 *
 * Creates an empty store. Call veto_progress_store_load() to read @file.
 *
 * Returns: (transfer full): a new #VetoProgressStore
 */
VetoProgressStore *
veto_progress_store_new (GFile     *file,
                         VetoClock *clock)
{
  return g_object_new (VETO_TYPE_PROGRESS_STORE,
                       "file", file,
                       "clock", clock,
                       NULL);
}

/* Setters call _veto_progress_store_begin_change() first and
 * _veto_progress_store_commit() last. */
gboolean
_veto_progress_store_begin_change (VetoProgressStore *self)
{
  if (veto_progress_store_get_read_only (self))
    {
      g_debug ("Ignoring a change: the progress store is read-only");
      return FALSE;
    }
  return TRUE;
}

/* How often a failed save is tried again while the application runs. */
#define RETRY_SECONDS 5

static gboolean
retry_save (gpointer user_data)
{
  VetoProgressStore *self = user_data;

  self->retry_id = 0;
  if (veto_progress_store_save (self, NULL))
    return G_SOURCE_REMOVE;

  self->retry_id = g_source_get_id (g_main_current_source ());
  return G_SOURCE_CONTINUE;
}

void
_veto_progress_store_commit (VetoProgressStore *self)
{
  /* A failure is kept in save-error and the change stays in memory; a
   * timer, the next change or an explicit save tries again, so that the
   * change lands as soon as the disk takes it (a full disk freed, a USB
   * home folder plugged back). */
  if (!veto_progress_store_save (self, NULL) && self->retry_id == 0)
    self->retry_id = g_timeout_add_seconds (RETRY_SECONDS, retry_save, self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* For what Veto works out from the file rather than what the person
 * changed (a record adopted by a step that became done once, the format
 * upgraded): held in memory and written with the next change of theirs,
 * so that only looking, in the window or with `veto --status`, leaves the
 * file byte for byte. */
void
_veto_progress_store_keep_in_memory (VetoProgressStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* For a change that must be on disk or not at all (Meta's email kept as
 * proof): saves at once, and on failure puts the keyfile back as @before
 * (its text before the change) instead of keeping the change in memory
 * for a retry. */
gboolean
_veto_progress_store_commit_or_revert (VetoProgressStore  *self,
                                       const char         *before,
                                       GError            **error)
{
  g_autoptr(GKeyFile) back = NULL;
  gboolean had_error = self->save_error != NULL;

  if (veto_progress_store_save (self, error))
    {
      g_signal_emit (self, signals[CHANGED], 0);
      return TRUE;
    }

  back = g_key_file_new ();
  if (!g_key_file_load_from_data (back, before, -1, G_KEY_FILE_NONE, NULL))
    g_return_val_if_reached (FALSE);
  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = g_steal_pointer (&back);

  /* what is in memory is again what was saved, or what was already
   * waiting for a retry */
  if (!had_error)
    {
      g_clear_error (&self->save_error);
      g_object_notify_by_pspec (G_OBJECT (self), _veto_progress_store_properties[PROP_SAVE_ERROR]);
    }
  return FALSE;
}

GFile *
veto_progress_store_get_file (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return self->file;
}

VetoClock *
veto_progress_store_get_clock (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return self->clock;
}

/**
 * veto_progress_store_get_recovered_file:
 *
 * Returns: (transfer none) (nullable): where a damaged progress file was
 *   moved during the last load, if it was
 */
GFile *
veto_progress_store_get_recovered_file (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return self->recovered_file;
}

/**
 * veto_progress_store_get_read_only:
 *
 * Returns: whether changes are refused: the file is from a newer Veto, or
 *   could not be read, or (see #VetoProgressStore:disk-error) was damaged
 *   outside Veto while it was open
 */
gboolean
veto_progress_store_get_read_only (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  return self->read_only || self->disk_error != NULL;
}

/**
 * veto_progress_store_get_save_error:
 *
 * Returns: (transfer none) (nullable): why the last save failed
 */
const GError *
veto_progress_store_get_save_error (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return self->save_error;
}

/**
 * veto_progress_store_get_is_new:
 *
 * Returns: %TRUE until something has been saved: no progress file existed
 */
gboolean
veto_progress_store_get_is_new (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  return self->is_new;
}

/**
 * veto_progress_store_reset:
 *
 * Forgets everything: region, apps, accounts and every step's state. The
 * interface language is kept, as it is a preference, not progress, and so
 * is the version of the catalog in use.
 */
void
veto_progress_store_reset (VetoProgressStore *self)
{
  g_autofree char *language = NULL;
  int catalog_version;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));

  if (!_veto_progress_store_begin_change (self))
    return;

  language = g_key_file_get_string (self->keyfile, HEADER, "Language", NULL);
  catalog_version = veto_progress_store_get_catalog_version (self);
  _veto_progress_store_init_fresh (self);
  if (language != NULL && *language != '\0')
    g_key_file_set_string (self->keyfile, HEADER, "Language", language);
  if (catalog_version > 0)
    g_key_file_set_integer (self->keyfile, HEADER, "CatalogVersion", catalog_version);

  _veto_progress_store_commit (self);
}

/* Strings returned as const point into the keyfile only through this cache,
 * because GKeyFile hands out copies. */
static const char *
cached_header_string (VetoProgressStore *self,
                      const char        *key)
{
  char *value = g_key_file_get_string (self->keyfile, HEADER, key, NULL);
  const char *interned;

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return NULL;
    }

  interned = g_intern_string (value);
  g_free (value);
  return interned;
}

static void
set_header_string (VetoProgressStore *self,
                   const char        *key,
                   const char        *value)
{
  g_autofree char *old = g_key_file_get_string (self->keyfile, HEADER, key, NULL);

  if (g_strcmp0 (old && *old ? old : NULL, value && *value ? value : NULL) == 0)
    return;

  if (!_veto_progress_store_begin_change (self))
    return;

  if (value == NULL || *value == '\0')
    g_key_file_remove_key (self->keyfile, HEADER, key, NULL);
  else
    g_key_file_set_string (self->keyfile, HEADER, key, value);

  _veto_progress_store_commit (self);
}

const char *
veto_progress_store_get_region (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return cached_header_string (self, "Region");
}

void
veto_progress_store_set_region (VetoProgressStore *self,
                                const char        *region_id)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  set_header_string (self, "Region", region_id);
}

/**
 * veto_progress_store_get_language:
 *
 * Returns: (nullable): `en`, `fr`, or %NULL to follow the system
 */
const char *
veto_progress_store_get_language (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return cached_header_string (self, "Language");
}

void
veto_progress_store_set_language (VetoProgressStore *self,
                                  const char        *language)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  set_header_string (self, "Language", language);
}

/**
 * veto_progress_store_get_catalog_version:
 *
 * Returns: the version of the catalog in use (the one the person last saw),
 *   or 0 when none was recorded
 */
int
veto_progress_store_get_catalog_version (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), 0);
  return g_key_file_get_integer (self->keyfile, HEADER, "CatalogVersion", NULL);
}

/**
 * veto_progress_store_set_catalog_version:
 * @self: a #VetoProgressStore
 * @version: the version of the catalog now in use
 *
 * Records which catalog is in use. Each step's state and recheck are then
 * stamped with it (see veto_progress_store_get_step_catalog_version()), so
 * that a later catalog that changes the step can ask for a recheck.
 *
 * The version is kept in memory and written with the next change the
 * person makes: only looking at Veto, or running `veto --status`, must not
 * create or rewrite a progress file.
 */
void
veto_progress_store_set_catalog_version (VetoProgressStore *self,
                                         int                version)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (version >= 0);

  if (veto_progress_store_get_catalog_version (self) == version || !_veto_progress_store_begin_change (self))
    return;

  /* Neither opening Veto nor a command that only reads (`veto --status`
   * with other steps than last time) rewrites the file: the version is
   * saved with the next change the person makes. */
  g_key_file_set_integer (self->keyfile, HEADER, "CatalogVersion", version);
}

