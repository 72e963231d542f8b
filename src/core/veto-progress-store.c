/* veto-progress-store.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a person did, kept in one small keyfile: its groups and keys are
 * veto-progress-format.c's, its bytes on disk VetoProgressFile's, and
 * this object is what the rest of Veto asks and tells.
 *
 * Every change is saved at once; a save that fails is kept in memory and
 * tried again (#VetoProgressStore:save-error). What Veto only works out
 * from the file (the format upgraded, a record adopted) is written with
 * the person's next change, so that only looking leaves the file byte for
 * byte.
 *
 * This file is a person's record of what they asked Meta, so it is never
 * overwritten unless we understood it: a file that does not parse is moved
 * aside to progress.ini.corrupt-<time>, a file from a newer Veto is left
 * alone and opened read-only, and a file someone else changed since it
 * was read is never saved over.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-file.h"
#include "veto-progress-file.h"
#include "veto-progress-store.h"
#include "veto-text.h"

#define HEADER_GROUP VETO_PROGRESS_HEADER_GROUP
#define KEY(k) veto_progress_key_name (VETO_PROGRESS_KEY_##k)

struct _VetoProgressStore
{
  GObject           parent_instance;

  GFile            *file;
  VetoClock        *clock;
  VetoProgressFile *disk;
  GKeyFile         *keyfile;

  /* set when a corrupt file was moved aside during load */
  GFile            *recovered_file;
  GError           *save_error;
  GError           *disk_error;
  guint             retry_id;

  guint             read_only : 1;
  guint             is_new : 1;
  guint             inspect_only : 1;

  /* the Format of the file as last read; 0 when none was */
  int               disk_format;
};

G_DEFINE_FINAL_TYPE (VetoProgressStore, veto_progress_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (veto-progress-error-quark, veto_progress_error)

enum {
  PROP_0,
  PROP_FILE,
  PROP_CLOCK,
  PROP_READ_ONLY,
  PROP_SAVE_ERROR,
  PROP_DISK_ERROR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void ensure_accounts (VetoProgressStore *self);

static void
veto_progress_store_dispose (GObject *object)
{
  VetoProgressStore *self = (VetoProgressStore *)object;

  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_object (&self->file);
  g_clear_object (&self->clock);
  g_clear_object (&self->disk);
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
  self->disk = veto_progress_file_new (self->file, self->clock);
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

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, VETO_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The message of the last failed save, or NULL once a save succeeds. */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Why the progress file, changed by someone else while Veto is open,
   * can't be read, or NULL. While set the store is read-only. */
  properties[PROP_DISK_ERROR] =
    g_param_spec_string ("disk-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

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

static void
init_fresh (VetoProgressStore *self)
{
  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = g_key_file_new ();
  g_key_file_set_integer (self->keyfile, HEADER_GROUP, "Format", VETO_PROGRESS_FORMAT);
}

static void
veto_progress_store_init (VetoProgressStore *self)
{
  self->is_new = TRUE;
  init_fresh (self);
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

/* Setters call begin_change() first and commit() last. */
static gboolean
begin_change (VetoProgressStore *self)
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

static void
commit (VetoProgressStore *self)
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
static void
keep_in_memory (VetoProgressStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* For a change that must be on disk or not at all (Meta's email kept as
 * proof): saves at once, and on failure puts the keyfile back as @before
 * (its text before the change) instead of keeping the change in memory
 * for a retry. */
static gboolean
commit_or_revert (VetoProgressStore  *self,
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
    }
  return FALSE;
}

/* Loading and saving: what the store holds against the file on disk. */

/* Why the file on disk, changed by someone else while this store is open,
 * can't be read; NULL when it can. While set, nothing is saved: the
 * store keeps what it holds, and the file is the person's to repair. */
static void
set_disk_error (VetoProgressStore *self,
                GError            *error)
{
  gboolean was_set = self->disk_error != NULL;

  g_clear_error (&self->disk_error);
  self->disk_error = error;
  if (!was_set && error == NULL)
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_ERROR]);
  if (was_set != (error != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
set_read_only (VetoProgressStore *self)
{
  if (self->read_only)
    return;

  self->read_only = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* Makes @keyfile, read from the file, what this store holds. */
static void
adopt (VetoProgressStore *self,
       GKeyFile          *keyfile,
       int                format)
{
  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = keyfile;
  self->is_new = FALSE;
  self->disk_format = format;

  if (format <= VETO_PROGRESS_FORMAT)
    {
      ensure_accounts (self);
      /* Format 2 added "refused", stated days and evidence, which an older
       * Veto would take for damage: the next save says so in the file, so
       * that it opens it read-only instead (and the file as it was is kept
       * beside it, see veto_progress_file_write()). Only in memory until
       * the person changes something. */
      g_key_file_set_integer (self->keyfile, HEADER_GROUP, "Format", VETO_PROGRESS_FORMAT);
    }

  if (format > VETO_PROGRESS_FORMAT)
    set_read_only (self);
}

/**
 * veto_progress_store_set_inspect_only:
 * @self: a #VetoProgressStore
 * @inspect_only: %TRUE to only look
 *
 * For commands that only read (`veto --status`): a damaged file is then
 * reported by veto_progress_store_load() instead of being set aside, and
 * nothing on disk changes. Call before loading.
 */
void
veto_progress_store_set_inspect_only (VetoProgressStore *self,
                                      gboolean           inspect_only)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  self->inspect_only = !!inspect_only;
}

/**
 * veto_progress_store_load:
 * @self: a #VetoProgressStore
 * @error: set when the file exists but could not be read or moved aside
 *
 * Reads the progress file. A missing file is a fresh start. A file that does
 * not parse is moved aside (see veto_progress_store_get_recovered_file()) and
 * the store starts fresh. A file from a newer format is loaded read-only.
 *
 * On error the store is left empty and read-only, so that nothing overwrites
 * a file we could not read.
 *
 * Returns: %TRUE when the store can be used
 */
gboolean
veto_progress_store_load (VetoProgressStore  *self,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *data = NULL;
  VetoProgressFileStamp stamp;
  gsize len = 0;
  int format = 0;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  g_clear_object (&self->recovered_file);
  init_fresh (self);
  self->is_new = TRUE;
  self->disk_format = 0;
  set_disk_error (self, NULL);
  if (!self->inspect_only)
    veto_progress_file_remove_stale_temporaries (self->disk);

  data = veto_progress_file_read (self->disk, &len, &stamp, &local_error);
  if (data == NULL)
    {
      /* No file (or a file where its folder should be, so no file either):
       * a fresh start; saving will say what is wrong. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        {
          veto_progress_file_set_seen (self->disk, NULL);
          return TRUE;
        }

      set_read_only (self);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Your progress could not be read: %s"), local_error->message);
      return FALSE;
    }

  veto_progress_file_set_seen (self->disk, &stamp);
  keyfile = g_key_file_new ();
  if (!veto_progress_parse (keyfile, data, len, &format, &local_error) && self->inspect_only)
    {
      /* Looking must not change anything: the file stays where it is. */
      set_read_only (self);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name, then what is wrong in it (in English) */
                   _("Your progress file %s is damaged (%s). Open Veto: it keeps a copy aside and starts afresh."),
                   g_file_peek_path (self->file), local_error->message);
      return FALSE;
    }
  else if (local_error != NULL)
    {
      g_autoptr(GError) move_error = NULL;

      g_debug ("%s does not parse (%s); moving it aside",
               g_file_peek_path (self->file), local_error->message);

      self->recovered_file = veto_progress_file_move_aside (self->disk, &move_error);
      if (self->recovered_file == NULL)
        {
          set_read_only (self);
          g_set_error (error, move_error->domain, move_error->code,
                       _("Your progress file is damaged and could not be set aside: %s"),
                       move_error->message);
          return FALSE;
        }

      return TRUE;
    }

  adopt (self, g_steal_pointer (&keyfile), format);
  return TRUE;
}

/**
 * veto_progress_store_save:
 * @self: a #VetoProgressStore
 * @error: where to put a failure
 *
 * Writes the state atomically. Changes already save by themselves; call this
 * to retry after #VetoProgressStore:save-error was set.
 *
 * Returns: %TRUE on success
 */
gboolean
veto_progress_store_save (VetoProgressStore  *self,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *data = NULL;
  gboolean had_error;
  int older_format;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }
  if (self->disk_error != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY, self->disk_error->message);
      return FALSE;
    }

  body = g_key_file_to_data (self->keyfile, NULL, NULL);
  data = g_strconcat (body, "\n[" VETO_PROGRESS_END_GROUP "]\n", NULL);
  had_error = self->save_error != NULL;

  /* The first save over a file an older Veto wrote upgrades its Format,
   * after which that Veto opens it read-only: the file as it was stays
   * beside it, for a person who goes back to that version. */
  older_format = self->disk_format > 0 && self->disk_format < VETO_PROGRESS_FORMAT ? self->disk_format : 0;

  if (!veto_progress_file_write (self->disk, data, older_format, &local_error))
    {
      g_clear_error (&self->save_error);
      g_set_error (&self->save_error, local_error->domain, local_error->code,
                   _("Your progress could not be saved: %s"), local_error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
      if (error != NULL)
        *error = g_error_copy (self->save_error);
      return FALSE;
    }

  self->disk_format = VETO_PROGRESS_FORMAT;
  self->is_new = FALSE;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (had_error)
    {
      g_clear_error (&self->save_error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
    }

  return TRUE;
}

/**
 * veto_progress_store_reload_if_changed:
 * @self: a #VetoProgressStore
 *
 * Reads the file again if someone else wrote it since this store last read
 * or wrote it: another Veto window, `veto --attach-email` run while the
 * window is open, or the person in a text editor. A store with a change it
 * could not save keeps it, and does not read (saving it will then say the
 * file changed, and nothing is overwritten); so does a read-only one.
 *
 * A file that can't be read or does not parse is never moved aside nor
 * replaced here: the store keeps what it holds, saves nothing, and says
 * why in #VetoProgressStore:disk-error, until the file parses again (an
 * editor that writes in place, a typo the person fixes) or the person
 * chooses veto_progress_store_replace_damaged(). Emits
 * #VetoProgressStore::changed after reading.
 *
 * Returns: %TRUE if the store read the file again
 */
gboolean
veto_progress_store_reload_if_changed (VetoProgressStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *data = NULL;
  VetoProgressFileStamp stamp;
  gsize len = 0;
  int format = 0;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  if (self->read_only || self->inspect_only || self->save_error != NULL || self->retry_id != 0)
    return FALSE;

  /* unchanged, or deleted: then the next change writes it again, and what
   * this store holds stays what the person sees */
  if (!veto_progress_file_changed_on_disk (self->disk))
    return FALSE;

  keyfile = g_key_file_new ();
  data = veto_progress_file_read (self->disk, &len, &stamp, &error);
  if (data == NULL || !veto_progress_parse (keyfile, data, len, &format, &error))
    {
      GError *disk_error = NULL;

      g_debug ("%s changed and can't be read: %s", g_file_peek_path (self->file), error->message);
      g_set_error (&disk_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name */
                   _("Your progress file %s was changed outside this window and can no longer be read. Veto keeps showing your progress as it was and saves nothing until the file is repaired; it reads the file again as soon as it can."),
                   g_file_peek_path (self->file));
      set_disk_error (self, disk_error);
      return FALSE;
    }

  veto_progress_file_set_seen (self->disk, &stamp);
  adopt (self, g_steal_pointer (&keyfile), format);
  set_disk_error (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * veto_progress_store_reload:
 * @self: a #VetoProgressStore
 * @error: why the file could not be read
 *
 * Reads the file again, whatever this store holds: for a command whose
 * save found that another process changed the file since it read it, and
 * that does its change again on top of that one. Emits
 * #VetoProgressStore::changed.
 *
 * Returns: %TRUE when the store can be used
 */
gboolean
veto_progress_store_reload (VetoProgressStore  *self,
                            GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  ok = veto_progress_store_load (self, error);
  if (self->save_error != NULL)
    {
      g_clear_error (&self->save_error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
    }
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_signal_emit (self, signals[CHANGED], 0);
  return ok;
}

/**
 * veto_progress_store_get_disk_error:
 *
 * Returns: (transfer none) (nullable): why the progress file, changed
 *   outside this store while it was open, can't be read
 */
const GError *
veto_progress_store_get_disk_error (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return self->disk_error;
}

/**
 * veto_progress_store_replace_damaged:
 * @self: a #VetoProgressStore with a #VetoProgressStore:disk-error
 * @error: why it could not
 *
 * The person's choice, never Veto's: the damaged file is kept aside as
 * `progress.ini.corrupt-<time>` and what this store holds is saved in its
 * place.
 *
 * Returns: (transfer none) (nullable): where the damaged file was kept
 */
GFile *
veto_progress_store_replace_damaged (VetoProgressStore  *self,
                                     GError            **error)
{
  g_autoptr(GFile) aside = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (self->disk_error != NULL, NULL);

  aside = veto_progress_file_move_aside (self->disk, error);
  if (aside == NULL)
    return NULL;

  g_set_object (&self->recovered_file, aside);
  veto_progress_file_set_seen (self->disk, NULL);
  set_disk_error (self, NULL);
  if (!veto_progress_store_save (self, error))
    return NULL;

  g_signal_emit (self, signals[CHANGED], 0);
  return self->recovered_file;
}

/**
 * veto_progress_store_check_writable:
 * @self: a #VetoProgressStore
 * @error: why the progress could not be saved
 *
 * Checks, without writing anything, that a change could be saved. For
 * `veto --status`, which only reads.
 *
 * Returns: %TRUE when saving should work
 */
gboolean
veto_progress_store_check_writable (VetoProgressStore  *self,
                                    GError            **error)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  return veto_progress_file_check_writable (self->disk, error);
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

  if (!begin_change (self))
    return;

  language = g_key_file_get_string (self->keyfile, HEADER_GROUP, "Language", NULL);
  catalog_version = veto_progress_store_get_catalog_version (self);
  init_fresh (self);
  if (language != NULL && *language != '\0')
    g_key_file_set_string (self->keyfile, HEADER_GROUP, "Language", language);
  if (catalog_version > 0)
    g_key_file_set_integer (self->keyfile, HEADER_GROUP, "CatalogVersion", catalog_version);

  commit (self);
}

/* Strings returned as const point into the keyfile only through this cache,
 * because GKeyFile hands out copies. */
static const char *
cached_header_string (VetoProgressStore *self,
                      const char        *key)
{
  char *value = g_key_file_get_string (self->keyfile, HEADER_GROUP, key, NULL);
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
  g_autofree char *old = g_key_file_get_string (self->keyfile, HEADER_GROUP, key, NULL);

  if (g_strcmp0 (old && *old ? old : NULL, value && *value ? value : NULL) == 0)
    return;

  if (!begin_change (self))
    return;

  if (value == NULL || *value == '\0')
    g_key_file_remove_key (self->keyfile, HEADER_GROUP, key, NULL);
  else
    g_key_file_set_string (self->keyfile, HEADER_GROUP, key, value);

  commit (self);
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
  return g_key_file_get_integer (self->keyfile, HEADER_GROUP, "CatalogVersion", NULL);
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

  if (veto_progress_store_get_catalog_version (self) == version || !begin_change (self))
    return;

  /* Neither opening Veto nor a command that only reads (`veto --status`
   * with other steps than last time) rewrites the file: the version is
   * saved with the next change the person makes. */
  g_key_file_set_integer (self->keyfile, HEADER_GROUP, "CatalogVersion", version);
}

/* A step: its state, dates, note and form. */

/* The value of @key in @group, or NULL. GKeyFile builds and translates a
 * GError for a missing group or key even when none is asked for, and most
 * steps have no group yet (not started) and most keys no value (dates):
 * this looks first, which costs two hash lookups instead. */
static char *
lookup_string (VetoProgressStore *self,
               const char        *group,
               const char        *key)
{
  if (!g_key_file_has_group (self->keyfile, group) ||
      !g_key_file_has_key (self->keyfile, group, key, NULL))
    return NULL;

  return g_key_file_get_string (self->keyfile, group, key, NULL);
}

VetoStepState
veto_progress_store_get_state (VetoProgressStore *self,
                               const char        *step_id,
                               const char        *account_id)
{
  g_autofree char *group = NULL;
  g_autofree char *value = NULL;
  VetoStepState state = VETO_STEP_STATE_TODO;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), VETO_STEP_STATE_TODO);
  g_return_val_if_fail (step_id != NULL, VETO_STEP_STATE_TODO);

  group = veto_progress_step_group (step_id, account_id);
  value = lookup_string (self, group, KEY (STATE));
  if (value == NULL || !veto_step_state_from_string (value, &state))
    return VETO_STEP_STATE_TODO;

  return state;
}

static void
stamp (VetoProgressStore *self,
       const char        *group,
       const char        *key,
       gboolean           only_if_unset)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *iso = NULL;

  if (only_if_unset && g_key_file_has_key (self->keyfile, group, key, NULL))
    return;

  now = veto_clock_get_now (self->clock);

  /* A clock set back (a dead battery says 1970) must not record a
   * confirmation before its submission. */
  if (g_str_equal (key, KEY (CONFIRMED)))
    {
      g_autofree char *submitted = lookup_string (self, group, KEY (SUBMITTED));
      g_autoptr(GDateTime) then = submitted != NULL ? g_date_time_new_from_iso8601 (submitted, NULL) : NULL;

      if (then != NULL && g_date_time_compare (now, then) < 0)
        {
          g_date_time_unref (now);
          now = g_steal_pointer (&then);
        }
    }

  iso = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_key_file_set_string (self->keyfile, group, key, iso);
}

/* The catalog a step was last finished or checked against: a newer catalog
 * whose changelog names the step makes it due again. */
static void
stamp_catalog_version (VetoProgressStore *self,
                       const char        *group)
{
  int version = veto_progress_store_get_catalog_version (self);

  if (version > 0)
    g_key_file_set_integer (self->keyfile, group, KEY (CATALOG_VERSION), version);
}

static const char *
date_key (VetoDateKind kind)
{
  return veto_progress_key_name (veto_progress_date_key (kind));
}

static const char *
entered_key (VetoDateKind kind)
{
  return veto_progress_key_name (veto_progress_entered_key (kind));
}

static void
remove_date (VetoProgressStore *self,
             const char        *group,
             VetoDateKind       kind)
{
  g_key_file_remove_key (self->keyfile, group, date_key (kind), NULL);
  g_key_file_remove_key (self->keyfile, group, entered_key (kind), NULL);
}

/* A day the person states, kept beside the moment they stated it. */
static void
set_day (VetoProgressStore *self,
         const char        *group,
         VetoDateKind       kind,
         GDateTime         *day)
{
  g_autofree char *text = veto_progress_format_day (day);

  g_key_file_set_string (self->keyfile, group, date_key (kind), text);
  stamp (self, group, entered_key (kind), FALSE);
}

static void
apply_state (VetoProgressStore *self,
             const char        *group,
             VetoStepState      state)
{
  VetoStepState old = VETO_STEP_STATE_TODO;
  g_autofree char *value = lookup_string (self, group, KEY (STATE));

  if (value != NULL)
    veto_step_state_from_string (value, &old);

  g_key_file_set_string (self->keyfile, group, KEY (STATE), veto_step_state_to_string (state));
  stamp (self, group, KEY (UPDATED), FALSE);
  stamp_catalog_version (self, group);

  switch (state)
    {
    case VETO_STEP_STATE_SUBMITTED:
      stamp (self, group, KEY (SUBMITTED), TRUE);
      /* Back from "confirmed" or "refused": the submission still stands and
       * keeps its date; Meta's answer no longer does. */
      remove_date (self, group, VETO_DATE_CONFIRMED);
      remove_date (self, group, VETO_DATE_REFUSED);
      break;

    case VETO_STEP_STATE_CONFIRMED:
      /* A confirmation implies a submission, even if it was never ticked. */
      stamp (self, group, KEY (SUBMITTED), TRUE);
      stamp (self, group, KEY (CONFIRMED), TRUE);
      remove_date (self, group, VETO_DATE_REFUSED);
      break;

    case VETO_STEP_STATE_REFUSED:
      stamp (self, group, KEY (SUBMITTED), TRUE);
      stamp (self, group, KEY (REFUSED), TRUE);
      remove_date (self, group, VETO_DATE_CONFIRMED);
      break;

    case VETO_STEP_STATE_TODO:
      /* Back to "to do" means the earlier dates no longer describe anything
       * (an Undo brings them back). */
      remove_date (self, group, VETO_DATE_SUBMITTED);
      remove_date (self, group, VETO_DATE_CONFIRMED);
      remove_date (self, group, VETO_DATE_REFUSED);
      break;

    case VETO_STEP_STATE_DONE:
    case VETO_STEP_STATE_SKIPPED:
    case VETO_STEP_STATE_NOT_APPLICABLE:
    default:
      break;
    }

  (void)old;
}

/**
 * veto_progress_store_set_state:
 *
 * Records a new state for a step and account, stamped with the clock's time
 * and the catalog version in use.
 * Entering "submitted", "confirmed" or "refused" records that date too,
 * once: marking a step submitted again later keeps the first date, which is
 * the one that counts for Meta's one-month deadline. Going back from
 * "confirmed" or "refused" to "submitted" keeps the submission date.
 */
void
veto_progress_store_set_state (VetoProgressStore *self,
                               const char        *step_id,
                               const char        *account_id,
                               VetoStepState      state)
{
  g_autofree char *group = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (step_id != NULL);
  g_return_if_fail (state <= VETO_STEP_STATE_LAST);

  group = veto_progress_step_group (step_id, account_id);
  if ((g_key_file_has_group (self->keyfile, group) &&
       veto_progress_store_get_state (self, step_id, account_id) == state) ||
      !begin_change (self))
    return;

  apply_state (self, group, state);
  commit (self);
}

static GDateTime *
dup_date_value (VetoProgressStore *self,
                const char        *step_id,
                const char        *account_id,
                const char        *key)
{
  g_autofree char *group = veto_progress_step_group (step_id, account_id);
  g_autofree char *value = lookup_string (self, group, key);
  GDateTime *day;

  if (value == NULL || *value == '\0')
    return NULL;

  /* a day the person stated, else the moment of a click */
  day = veto_progress_parse_day (value);
  if (day != NULL)
    return day;

  return g_date_time_new_from_iso8601 (value, NULL);
}

/**
 * veto_progress_store_dup_submitted:
 *
 * Returns: (transfer full) (nullable): when the step was first marked submitted
 */
GDateTime *
veto_progress_store_dup_submitted (VetoProgressStore *self,
                                   const char        *step_id,
                                   const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return dup_date_value (self, step_id, account_id, KEY (SUBMITTED));
}

/**
 * veto_progress_store_dup_confirmed:
 *
 * Returns: (transfer full) (nullable): when Meta's confirmation was recorded
 */
GDateTime *
veto_progress_store_dup_confirmed (VetoProgressStore *self,
                                   const char        *step_id,
                                   const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return dup_date_value (self, step_id, account_id, KEY (CONFIRMED));
}

/**
 * veto_progress_store_dup_updated:
 *
 * Returns: (transfer full) (nullable): when the state last changed
 */
GDateTime *
veto_progress_store_dup_updated (VetoProgressStore *self,
                                 const char        *step_id,
                                 const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return dup_date_value (self, step_id, account_id, KEY (UPDATED));
}

/**
 * veto_progress_store_dup_checked:
 *
 * Returns: (transfer full) (nullable): when the person last rechecked the step
 */
GDateTime *
veto_progress_store_dup_checked (VetoProgressStore *self,
                                 const char        *step_id,
                                 const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return dup_date_value (self, step_id, account_id, KEY (CHECKED));
}

/**
 * veto_progress_store_mark_checked:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account, or %NULL for a step done once per app
 *
 * Records that the person looked at the step again today, against the
 * catalog in use: a finished step is then no longer due for a recheck,
 * whether it was due because time passed or because the catalog changed it.
 * The state and its dates are left as they are.
 */
void
veto_progress_store_mark_checked (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id)
{
  g_autofree char *group = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (step_id != NULL);

  if (!begin_change (self))
    return;

  group = veto_progress_step_group (step_id, account_id);
  if (!g_key_file_has_key (self->keyfile, group, KEY (STATE), NULL))
    g_key_file_set_string (self->keyfile, group, KEY (STATE),
                           veto_step_state_to_string (VETO_STEP_STATE_TODO));
  stamp (self, group, KEY (CHECKED), FALSE);
  stamp_catalog_version (self, group);
  commit (self);
}

/**
 * veto_progress_store_get_step_catalog_version:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account, or %NULL for a step done once per app
 *
 * Returns: the version of the catalog in use when the step's state last
 *   changed or it was last checked, or 0 when that is not known (the step
 *   was recorded by an older Veto, or never)
 */
int
veto_progress_store_get_step_catalog_version (VetoProgressStore *self,
                                              const char        *step_id,
                                              const char        *account_id)
{
  g_autofree char *group = NULL;
  g_autofree char *value = NULL;
  gint64 version;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), 0);
  g_return_val_if_fail (step_id != NULL, 0);

  /* most records have no CatalogVersion yet, and g_key_file_get_integer()
   * builds an error message for each that has none */
  group = veto_progress_step_group (step_id, account_id);
  value = lookup_string (self, group, KEY (CATALOG_VERSION));
  if (value == NULL || !g_ascii_string_to_signed (g_strstrip (value), 10, G_MININT, G_MAXINT, &version, NULL))
    return 0;
  return MAX (0, (int)version);
}

static char *
dup_text_value (VetoProgressStore *self,
                const char        *step_id,
                const char        *account_id,
                const char        *key)
{
  g_autofree char *group = veto_progress_step_group (step_id, account_id);
  g_autofree char *value = lookup_string (self, group, key);

  if (value == NULL || *value == '\0')
    return NULL;

  return g_steal_pointer (&value);
}

static void
set_text (VetoProgressStore *self,
          const char        *step_id,
          const char        *account_id,
          const char        *key,
          const char        *value)
{
  g_autofree char *group = veto_progress_step_group (step_id, account_id);
  g_autofree char *old = dup_text_value (self, step_id, account_id, key);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (old, value) == 0 || !begin_change (self))
    return;

  if (!g_key_file_has_key (self->keyfile, group, KEY (STATE), NULL))
    g_key_file_set_string (self->keyfile, group, KEY (STATE),
                           veto_step_state_to_string (VETO_STEP_STATE_TODO));

  if (value == NULL)
    g_key_file_remove_key (self->keyfile, group, key, NULL);
  else
    g_key_file_set_string (self->keyfile, group, key, value);

  commit (self);
}

/**
 * veto_progress_store_dup_note:
 *
 * Returns: (transfer full) (nullable): the person's note on that step
 */
char *
veto_progress_store_dup_note (VetoProgressStore *self,
                              const char        *step_id,
                              const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return dup_text_value (self, step_id, account_id, KEY (NOTE));
}

void
veto_progress_store_set_note (VetoProgressStore *self,
                              const char        *step_id,
                              const char        *account_id,
                              const char        *note)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (step_id != NULL);
  set_text (self, step_id, account_id, KEY (NOTE), note);
}

/**
 * veto_progress_store_dup_form_url:
 *
 * Returns: (transfer full) (nullable): the address of the form the person
 *   opened for that step, as it was at the time
 */
char *
veto_progress_store_dup_form_url (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return dup_text_value (self, step_id, account_id, KEY (FORM_URL));
}

void
veto_progress_store_set_form_url (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id,
                                  const char        *url)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (step_id != NULL);
  set_text (self, step_id, account_id, KEY (FORM_URL), url);
}

/* The days a person states, and the rules they obey. */

/* The local day of @date, for comparing days a person states. */
static GDate *
local_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  return g_date_new_dmy (g_date_time_get_day_of_month (local),
                         g_date_time_get_month (local),
                         g_date_time_get_year (local));
}

static int
compare_days (GDateTime *a,
              GDateTime *b)
{
  g_autoptr(GDate) da = local_day (a);
  g_autoptr(GDate) db = local_day (b);

  return g_date_compare (da, db);
}

/* The rules a stated day obeys, whatever the order in which the person
 * states them: nothing in the future, Meta's answer not before the
 * submission it answers. */
static gboolean
check_day (VetoProgressStore  *self,
           const char         *step_id,
           const char         *account_id,
           VetoDateKind        kind,
           GDateTime          *day,
           GError            **error)
{
  g_autoptr(GDateTime) now = veto_clock_get_now (self->clock);
  g_autoptr(GDateTime) submitted = NULL;

  if (compare_days (day, now) > 0)
    {
      g_set_error_literal (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_FUTURE_DATE,
                           _("That day is in the future. Choose the day it happened."));
      return FALSE;
    }

  if (kind == VETO_DATE_CONFIRMED || kind == VETO_DATE_REFUSED)
    {
      submitted = veto_progress_store_dup_date (self, step_id, account_id, VETO_DATE_SUBMITTED);
      if (submitted != NULL && compare_days (day, submitted) < 0)
        {
          g_autofree char *text = veto_progress_format_day (submitted);

          g_set_error (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_BEFORE_SUBMITTED,
                       /* Translators: %s is a date */
                       _("Meta cannot have answered before you sent the form on %s. Choose a later day, or correct the day you sent it."),
                       text);
          return FALSE;
        }
    }
  else if (kind == VETO_DATE_SUBMITTED)
    {
      VetoDateKind answers[] = { VETO_DATE_CONFIRMED, VETO_DATE_REFUSED };

      for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
        {
          g_autoptr(GDateTime) answer = veto_progress_store_dup_date (self, step_id, account_id, answers[i]);

          if (answer != NULL && compare_days (day, answer) > 0)
            {
              g_autofree char *text = veto_progress_format_day (answer);

              g_set_error (error, VETO_PROGRESS_ERROR, VETO_PROGRESS_ERROR_BEFORE_SUBMITTED,
                           /* Translators: %s is a date */
                           _("Meta answered on %s, so the form was sent on that day or before. Choose an earlier day."),
                           text);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * veto_progress_store_check_date:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account
 * @kind: which date
 * @day: the day the person chose
 * @error: why it would be refused
 *
 * The rules veto_progress_store_set_date() applies, without changing
 * anything: for a calendar that says at once what is wrong.
 *
 * Returns: %TRUE when @day would be accepted
 */
gboolean
veto_progress_store_check_date (VetoProgressStore  *self,
                                const char         *step_id,
                                const char         *account_id,
                                VetoDateKind        kind,
                                GDateTime          *day,
                                GError            **error)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  return check_day (self, step_id, account_id, kind, day, error);
}

/**
 * veto_progress_store_dup_date:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account, or %NULL for a step done once per app
 * @kind: which date
 *
 * Returns: (transfer full) (nullable): the day the person states (local
 *   midnight) or, when they never corrected it, the moment they clicked
 */
GDateTime *
veto_progress_store_dup_date (VetoProgressStore *self,
                              const char        *step_id,
                              const char        *account_id,
                              VetoDateKind       kind)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  return dup_date_value (self, step_id, account_id, date_key (kind));
}

/**
 * veto_progress_store_dup_entered:
 *
 * Returns: (transfer full) (nullable): when the date @kind was entered:
 *   the moment of the click, or when the person stated the day
 */
GDateTime *
veto_progress_store_dup_entered (VetoProgressStore *self,
                                 const char        *step_id,
                                 const char        *account_id,
                                 VetoDateKind       kind)
{
  GDateTime *entered;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  entered = dup_date_value (self, step_id, account_id, entered_key (kind));
  if (entered != NULL)
    return entered;

  /* a click: the moment is the date */
  return dup_date_value (self, step_id, account_id, date_key (kind));
}

/**
 * veto_progress_store_set_date:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account, or %NULL for a step done once per app
 * @kind: which date
 * @day: the day it happened (its local day counts)
 * @error: why the day was refused (#VETO_PROGRESS_ERROR)
 *
 * Corrects a date to the real day: the form sent yesterday, the email that
 * came on Monday. Not in the future; Meta's answer not before the
 * submission. The moment it was entered is kept beside it.
 *
 * Returns: %TRUE when the day was recorded
 */
gboolean
veto_progress_store_set_date (VetoProgressStore  *self,
                              const char         *step_id,
                              const char         *account_id,
                              VetoDateKind        kind,
                              GDateTime          *day,
                              GError            **error)
{
  g_autofree char *group = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (!check_day (self, step_id, account_id, kind, day, error))
    return FALSE;

  if (!begin_change (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  group = veto_progress_step_group (step_id, account_id);
  if (!g_key_file_has_key (self->keyfile, group, KEY (STATE), NULL))
    g_key_file_set_string (self->keyfile, group, KEY (STATE),
                           veto_step_state_to_string (VETO_STEP_STATE_TODO));
  set_day (self, group, kind, day);
  if (kind == VETO_DATE_CHECKED)
    stamp_catalog_version (self, group);
  commit (self);

  return TRUE;
}

/**
 * veto_progress_store_set_state_on:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account
 * @state: the new state
 * @day: (nullable): the day it happened, for "submitted", "confirmed" and
 *   "refused"; %NULL for today
 * @error: why the day was refused
 *
 * veto_progress_store_set_state() and veto_progress_store_set_date() as one
 * change: one save, one Undo.
 *
 * Returns: %TRUE when recorded
 */
gboolean
veto_progress_store_set_state_on (VetoProgressStore  *self,
                                  const char         *step_id,
                                  const char         *account_id,
                                  VetoStepState       state,
                                  GDateTime          *day,
                                  GError            **error)
{
  g_autofree char *group = NULL;
  VetoDateKind kind;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);
  g_return_val_if_fail (state <= VETO_STEP_STATE_LAST, FALSE);

  if (day == NULL)
    {
      veto_progress_store_set_state (self, step_id, account_id, state);
      return TRUE;
    }

  if (state == VETO_STEP_STATE_SUBMITTED)
    kind = VETO_DATE_SUBMITTED;
  else if (state == VETO_STEP_STATE_CONFIRMED)
    kind = VETO_DATE_CONFIRMED;
  else if (state == VETO_STEP_STATE_REFUSED)
    kind = VETO_DATE_REFUSED;
  else
    {
      veto_progress_store_set_state (self, step_id, account_id, state);
      return TRUE;
    }

  if (!check_day (self, step_id, account_id, kind, day, error))
    return FALSE;

  if (!begin_change (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  group = veto_progress_step_group (step_id, account_id);
  apply_state (self, group, state);
  set_day (self, group, kind, day);
  commit (self);

  return TRUE;
}

/* What is recorded for a step as a whole: snapshots, evidence, and records
 * adopted from another account or step. */

/**
 * veto_progress_store_has_record:
 *
 * Returns: whether anything is recorded for the step and account: a state
 *   other than "to do", a date, a note, a form used or evidence. Such a
 *   step is never hidden, even once it no longer applies.
 */
gboolean
veto_progress_store_has_record (VetoProgressStore *self,
                                const char        *step_id,
                                const char        *account_id)
{
  g_autofree char *group = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  group = veto_progress_step_group (step_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group))
    return FALSE;

  if (veto_progress_store_get_state (self, step_id, account_id) != VETO_STEP_STATE_TODO)
    return TRUE;

  for (VetoProgressKey key = 0; key < VETO_PROGRESS_N_KEYS; key++)
    if (veto_progress_key_is_record (key) &&
        g_key_file_has_key (self->keyfile, group, veto_progress_key_name (key), NULL))
      return TRUE;

  return FALSE;
}

/**
 * veto_progress_store_dup_step_snapshot:
 *
 * Everything recorded for one step and account, as an opaque text that
 * veto_progress_store_restore_step() puts back exactly: what an Undo needs.
 *
 * Returns: (transfer full): the snapshot ("" when nothing is recorded)
 */
char *
veto_progress_store_dup_step_snapshot (VetoProgressStore *self,
                                       const char        *step_id,
                                       const char        *account_id)
{
  g_autoptr(GKeyFile) copy = g_key_file_new ();
  g_autofree char *group = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  group = veto_progress_step_group (step_id, account_id);
  keys = g_key_file_get_keys (self->keyfile, group, NULL, NULL);
  if (keys == NULL)
    return g_strdup ("");

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (self->keyfile, group, keys[i], NULL);

      g_key_file_set_value (copy, "Step", keys[i], value);
    }

  return g_key_file_to_data (copy, NULL, NULL);
}

/**
 * veto_progress_store_restore_step:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account
 * @snapshot: from veto_progress_store_dup_step_snapshot()
 *
 * Puts a step back exactly as it was: state, every date, note, evidence.
 */
void
veto_progress_store_restore_step (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id,
                                  const char        *snapshot)
{
  g_autoptr(GKeyFile) copy = g_key_file_new ();
  g_autofree char *group = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (snapshot != NULL);

  if (*snapshot != '\0' &&
      !g_key_file_load_from_data (copy, snapshot, -1, G_KEY_FILE_NONE, NULL))
    g_return_if_reached ();

  if (!begin_change (self))
    return;

  group = veto_progress_step_group (step_id, account_id);
  g_key_file_remove_group (self->keyfile, group, NULL);
  keys = g_key_file_get_keys (copy, "Step", NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (copy, "Step", keys[i], NULL);

      g_key_file_set_value (self->keyfile, group, keys[i], value);
    }

  commit (self);
}

void
veto_evidence_info_free (VetoEvidenceInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->file);
  g_free (info->sha256);
  g_free (info->from);
  g_free (info->subject);
  g_clear_pointer (&info->date, g_date_time_unref);
  g_free (info);
}

/**
 * veto_evidence_get_folder:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/veto/evidence`, where the copies
 *   of Meta's emails named in the progress are kept
 */
GFile *
veto_evidence_get_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "veto", "evidence", NULL);

  return g_file_new_for_path (path);
}

/**
 * veto_evidence_info_check_file:
 * @info: Meta's email as recorded
 * @out_path: (out) (optional): where its copy should be
 *
 * Reads the copy kept in `$XDG_DATA_HOME/veto/evidence/` and compares it
 * with the SHA-256 recorded: a record must not list as proof a file that
 * is gone or that someone changed.
 *
 * Returns: whether the copy is there, as it was kept
 */
VetoEvidenceFileState
veto_evidence_info_check_file (const VetoEvidenceInfo  *info,
                               char                   **out_path)
{
  g_autoptr(GFile) folder = veto_evidence_get_folder ();
  g_autofree char *path = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (info != NULL && info->file != NULL, VETO_EVIDENCE_FILE_MISSING);

  path = g_build_filename (g_file_peek_path (folder), info->file, NULL);
  bytes = veto_file_read_bounded (path, VETO_EVIDENCE_MAX_SIZE, NULL, &error);
  if (out_path != NULL)
    *out_path = g_strdup (path);
  if (bytes == NULL)
    return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
      ? VETO_EVIDENCE_FILE_MISSING : VETO_EVIDENCE_FILE_ALTERED;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return g_strcmp0 (sha256, info->sha256) == 0 ? VETO_EVIDENCE_FILE_KEPT : VETO_EVIDENCE_FILE_ALTERED;
}

/**
 * veto_progress_store_dup_evidence:
 *
 * Returns: (transfer full) (nullable): Meta's email kept as proof for the
 *   step and account, if one was attached
 */
VetoEvidenceInfo *
veto_progress_store_dup_evidence (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id)
{
  VetoEvidenceInfo *info;
  g_autofree char *file = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  file = dup_text_value (self, step_id, account_id, KEY (EVIDENCE_FILE));
  if (file == NULL)
    return NULL;

  info = g_new0 (VetoEvidenceInfo, 1);
  info->file = g_steal_pointer (&file);
  info->sha256 = dup_text_value (self, step_id, account_id, KEY (EVIDENCE_SHA256));
  info->from = dup_text_value (self, step_id, account_id, KEY (EVIDENCE_FROM));
  info->subject = dup_text_value (self, step_id, account_id, KEY (EVIDENCE_SUBJECT));
  info->date = dup_date_value (self, step_id, account_id, KEY (EVIDENCE_DATE));
  return info;
}

/**
 * veto_progress_store_keep_evidence:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account
 * @evidence: the email kept (its file already written in the evidence folder)
 * @answer: %VETO_EMAIL_ANSWER_CONFIRMED or %VETO_EMAIL_ANSWER_REFUSED to
 *   record Meta's answer on the email's day; %VETO_EMAIL_ANSWER_UNKNOWN to
 *   keep the email as proof and leave the state and dates as they are
 * @error: why it was refused
 *
 * Records the email as proof, and Meta's answer when @answer says one, in
 * one change, saved at once. When the save fails (the file changed since
 * it was read: %G_IO_ERROR_WRONG_ETAG; a full or read-only disk), nothing
 * is changed, in memory or on disk.
 *
 * Returns: %TRUE when recorded and saved
 */
gboolean
veto_progress_store_keep_evidence (VetoProgressStore       *self,
                                   const char              *step_id,
                                   const char              *account_id,
                                   const VetoEvidenceInfo  *evidence,
                                   VetoEmailAnswer          answer,
                                   GError                 **error)
{
  g_autofree char *group = NULL;
  g_autofree char *date = NULL;
  g_autofree char *before = NULL;
  VetoDateKind kind = answer == VETO_EMAIL_ANSWER_REFUSED ? VETO_DATE_REFUSED : VETO_DATE_CONFIRMED;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (evidence != NULL && evidence->date != NULL, FALSE);
  g_return_val_if_fail (veto_progress_is_evidence_name (evidence->file) && veto_progress_is_sha256 (evidence->sha256), FALSE);
  g_return_val_if_fail (answer <= VETO_EMAIL_ANSWER_REFUSED, FALSE);

  /* an email from before the objection was sent (or from the future) is
   * about something else, even one kept only as proof */
  if (!check_day (self, step_id, account_id, kind, evidence->date, error))
    return FALSE;

  if (!begin_change (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  before = g_key_file_to_data (self->keyfile, NULL, NULL);
  group = veto_progress_step_group (step_id, account_id);
  if (answer != VETO_EMAIL_ANSWER_UNKNOWN)
    {
      apply_state (self, group, answer == VETO_EMAIL_ANSWER_REFUSED
                                                       ? VETO_STEP_STATE_REFUSED : VETO_STEP_STATE_CONFIRMED);
      set_day (self, group, kind, evidence->date);
    }
  date = g_date_time_format_iso8601 (evidence->date);
  g_key_file_set_string (self->keyfile, group, KEY (EVIDENCE_FILE), evidence->file);
  g_key_file_set_string (self->keyfile, group, KEY (EVIDENCE_SHA256), evidence->sha256);
  g_key_file_set_string (self->keyfile, group, KEY (EVIDENCE_FROM), evidence->from ? evidence->from : "");
  g_key_file_set_string (self->keyfile, group, KEY (EVIDENCE_SUBJECT), evidence->subject ? evidence->subject : "");
  g_key_file_set_string (self->keyfile, group, KEY (EVIDENCE_DATE), date);

  /* Proof is recorded on disk or not at all: a confirmation kept only in
   * memory would be reported as recorded and lost at exit. */
  return commit_or_revert (self, before, error);
}

/**
 * veto_progress_store_find_evidence_file:
 * @self: a #VetoProgressStore
 * @sha256: the SHA-256 of an email
 *
 * Returns: (transfer full) (nullable): the name under which an email with
 *   that hash is recorded as proof, for any step and account
 */
char *
veto_progress_store_find_evidence_file (VetoProgressStore *self,
                                        const char        *sha256)
{
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  groups = g_key_file_get_groups (self->keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *hash = NULL;

      if (!g_str_has_prefix (groups[i], VETO_PROGRESS_STEP_PREFIX))
        continue;
      hash = g_key_file_get_string (self->keyfile, groups[i], KEY (EVIDENCE_SHA256), NULL);
      if (g_strcmp0 (hash, sha256) == 0)
        return g_key_file_get_string (self->keyfile, groups[i], KEY (EVIDENCE_FILE), NULL);
    }

  return NULL;
}

static int
adopt_rank (VetoStepState state)
{
  switch (state)
    {
    case VETO_STEP_STATE_CONFIRMED:
    case VETO_STEP_STATE_DONE:
    case VETO_STEP_STATE_REFUSED:
      return 3;
    case VETO_STEP_STATE_SUBMITTED:
      return 2;
    case VETO_STEP_STATE_TODO:
      return 1;
    case VETO_STEP_STATE_SKIPPED:
    case VETO_STEP_STATE_NOT_APPLICABLE:
    default:
      return 0;
    }
}

/* Copies the most advanced of @candidates (groups of the progress file:
 * finished before submitted before to do; the latest among equals) as
 * @target, with its dates and the catalog version it was recorded
 * against, so that a [Changes] entry can still ask for a recheck. The
 * candidates stay: nothing the person recorded is lost. */
static gboolean
adopt_best (VetoProgressStore *self,
            const char        *target,
            GPtrArray         *candidates)
{
  g_autofree char *best = NULL;
  g_autofree char *best_updated = NULL;
  g_auto(GStrv) keys = NULL;
  int best_rank = -1;

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *group = g_ptr_array_index (candidates, i);
      g_autofree char *value = NULL;
      g_autofree char *updated = NULL;
      VetoStepState state = VETO_STEP_STATE_TODO;
      int rank;

      value = g_key_file_get_string (self->keyfile, group, KEY (STATE), NULL);
      if (value == NULL || !veto_step_state_from_string (value, &state))
        continue;
      rank = adopt_rank (state);
      updated = lookup_string (self, group, KEY (UPDATED));
      if (rank > best_rank ||
          (rank == best_rank && g_strcmp0 (updated, best_updated) > 0))
        {
          best_rank = rank;
          g_free (best);
          best = g_strdup (group);
          g_free (best_updated);
          best_updated = g_steal_pointer (&updated);
        }
    }

  if (best == NULL || !begin_change (self))
    return FALSE;

  keys = g_key_file_get_keys (self->keyfile, best, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (self->keyfile, best, keys[i], NULL);

      if (value != NULL)
        g_key_file_set_value (self->keyfile, target, keys[i], value);
    }

  keep_in_memory (self);
  return TRUE;
}

/**
 * veto_progress_store_adopt_account_records:
 * @self: a #VetoProgressStore
 * @step_id: a step now done once (catalog Scope=app or accounts-center)
 *
 * A newer catalog can turn a step that was done once per account into one
 * done once (an Accounts Center setting). When the step has no record of its
 * own yet but has per-account records, the most advanced of them (finished
 * before submitted before to do; the latest among equals) is copied as the
 * step's record, with its dates and the catalog version it was recorded
 * against, so that a [Changes] entry can still ask for a recheck. The
 * per-account records stay: nothing the person recorded is lost.
 *
 * Returns: %TRUE when a record was adopted
 */
gboolean
veto_progress_store_adopt_account_records (VetoProgressStore *self,
                                           const char        *step_id)
{
  g_autofree char *target = NULL;
  g_autofree char *prefix = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);

  target = veto_progress_step_group (step_id, NULL);
  if (g_key_file_has_group (self->keyfile, target))
    return FALSE;

  prefix = g_strconcat (target, " ", NULL);
  groups = g_key_file_get_groups (self->keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    /* "Step <id> <account>", the account being digits only: "Step a-b 1"
     * must not be taken for an account of step "a". */
    if (g_str_has_prefix (groups[i], prefix) &&
        strchr (groups[i] + strlen (prefix), ' ') == NULL)
      g_ptr_array_add (candidates, groups[i]);

  return adopt_best (self, target, candidates);
}

/**
 * veto_progress_store_adopt_replaced_records:
 * @self: a #VetoProgressStore
 * @step_id: a step done once that takes the place of others (catalog
 *   `Replaces=`: one complaint for every app instead of one per app)
 * @replaced_ids: the ids of the steps it replaces
 *
 * When @step_id has no record of its own yet, the most advanced record of
 * the replaced steps (finished before submitted before to do; the latest
 * among equals) becomes its record, as
 * veto_progress_store_adopt_account_records() does for accounts: a
 * complaint made under the old id stays made. The old records stay.
 *
 * Returns: %TRUE when a record was adopted
 */
gboolean
veto_progress_store_adopt_replaced_records (VetoProgressStore  *self,
                                            const char         *step_id,
                                            const char * const *replaced_ids)
{
  g_autofree char *target = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);
  g_return_val_if_fail (replaced_ids != NULL, FALSE);

  target = veto_progress_step_group (step_id, NULL);
  if (g_key_file_has_group (self->keyfile, target))
    return FALSE;

  for (guint i = 0; replaced_ids[i] != NULL; i++)
    {
      char *group = veto_progress_step_group (replaced_ids[i], NULL);

      if (g_key_file_has_group (self->keyfile, group))
        g_ptr_array_add (candidates, group);
      else
        g_free (group);
    }

  return adopt_best (self, target, candidates);
}

/* The apps a person uses and their accounts. */

static char *new_account_id (VetoProgressStore *self);

/* Every app in use has at least one account, or its per-account steps would
 * have nowhere to go. A hand-edited file may lack them: they are added in
 * memory (with the ids a save would give them) and written with the next
 * change. */
static void
ensure_accounts (VetoProgressStore *self)
{
  g_auto(GStrv) apps = veto_progress_store_dup_apps (self);

  for (guint i = 0; apps[i] != NULL; i++)
    {
      g_auto(GStrv) accounts = NULL;

      /* "Apps=facebook;;instagram;" in a hand-edited file: an empty entry
       * is no app, and "Account  4" would be no group Veto reads back
       * (found by fuzz-progress) */
      if (*apps[i] == '\0')
        continue;

      accounts = veto_progress_store_dup_accounts (self, apps[i]);
      if (accounts[0] == NULL)
        {
          g_autofree char *id = new_account_id (self);
          g_autofree char *group = veto_progress_account_group (apps[i], id);

          g_key_file_set_string (self->keyfile, group, "Label", "");
        }
    }
}

/**
 * veto_progress_store_dup_apps:
 *
 * Returns: (transfer full): the ids of the apps the person uses
 */
GStrv
veto_progress_store_dup_apps (VetoProgressStore *self)
{
  GStrv apps;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  apps = g_key_file_get_string_list (self->keyfile, HEADER_GROUP, "Apps", NULL, NULL);
  return apps ? apps : g_new0 (char *, 1);
}

gboolean
veto_progress_store_has_app (VetoProgressStore *self,
                             const char        *app_id)
{
  g_auto(GStrv) apps = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  apps = veto_progress_store_dup_apps (self);
  return g_strv_contains ((const char * const *)apps, app_id);
}

/* Account ids are small numbers, unique across apps and never reused, so
 * that the steps of a removed account can't leak into a new one. */
static char *
new_account_id (VetoProgressStore *self)
{
  g_auto(GStrv) groups = g_key_file_get_groups (self->keyfile, NULL);
  guint64 next = g_key_file_get_uint64 (self->keyfile, HEADER_GROUP, "NextAccount", NULL);

  next = MAX (next, 1);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *space = strrchr (groups[i], ' ');

      if (g_str_has_prefix (groups[i], VETO_PROGRESS_ACCOUNT_PREFIX) && space != NULL)
        next = MAX (next, g_ascii_strtoull (space + 1, NULL, 10) + 1);
    }

  g_key_file_set_uint64 (self->keyfile, HEADER_GROUP, "NextAccount", next + 1);

  return g_strdup_printf ("%" G_GUINT64_FORMAT, next);
}

/**
 * veto_progress_store_set_app:
 * @self: a #VetoProgressStore
 * @app_id: an app id
 * @used: whether the person uses it
 *
 * Choosing an app that has no account yet gives it one unnamed account.
 * Unchoosing an app keeps its accounts and steps, so that choosing it again
 * loses nothing.
 */
void
veto_progress_store_set_app (VetoProgressStore *self,
                             const char        *app_id,
                             gboolean           used)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) apps = NULL;
  g_auto(GStrv) result = NULL;
  g_auto(GStrv) accounts = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (app_id != NULL);

  if (veto_progress_store_has_app (self, app_id) == !!used || !begin_change (self))
    return;

  apps = veto_progress_store_dup_apps (self);
  builder = g_strv_builder_new ();
  for (guint i = 0; apps[i] != NULL; i++)
    if (!g_str_equal (apps[i], app_id))
      g_strv_builder_add (builder, apps[i]);
  if (used)
    g_strv_builder_add (builder, app_id);
  result = g_strv_builder_end (builder);

  g_key_file_set_string_list (self->keyfile, HEADER_GROUP, "Apps",
                              (const char * const *)result, g_strv_length (result));

  accounts = veto_progress_store_dup_accounts (self, app_id);
  if (used && accounts[0] == NULL)
    {
      g_autofree char *id = new_account_id (self);
      g_autofree char *group = veto_progress_account_group (app_id, id);

      g_key_file_set_string (self->keyfile, group, "Label", "");
    }

  commit (self);
}

/**
 * veto_progress_store_dup_accounts:
 *
 * Returns: (transfer full): the account ids held for @app_id, in the order
 *   they were added
 */
GStrv
veto_progress_store_dup_accounts (VetoProgressStore *self,
                                  const char        *app_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) groups = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  prefix = g_strdup_printf (VETO_PROGRESS_ACCOUNT_PREFIX "%s ", app_id);
  groups = g_key_file_get_groups (self->keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], prefix) && groups[i][strlen (prefix)] != '\0')
      g_strv_builder_add (builder, groups[i] + strlen (prefix));

  return g_strv_builder_end (builder);
}

/**
 * veto_progress_store_add_account:
 * @self: a #VetoProgressStore
 * @app_id: an app id
 * @label: (nullable): how the person calls it ("personal", "work")
 *
 * Returns: (transfer full) (nullable): the new account's id, or %NULL when
 *   the store is read-only
 */
char *
veto_progress_store_add_account (VetoProgressStore *self,
                                 const char        *app_id,
                                 const char        *label)
{
  g_autofree char *group = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (app_id != NULL, NULL);

  if (!begin_change (self))
    return NULL;

  id = new_account_id (self);
  group = veto_progress_account_group (app_id, id);
  g_key_file_set_string (self->keyfile, group, "Label", label ? label : "");
  commit (self);

  return g_steal_pointer (&id);
}

/**
 * veto_progress_store_remove_account:
 *
 * Removes the account and the state of every step recorded for it.
 */
void
veto_progress_store_remove_account (VetoProgressStore *self,
                                    const char        *app_id,
                                    const char        *account_id)
{
  g_autofree char *group = NULL;
  g_autofree char *suffix = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (app_id != NULL && account_id != NULL);

  group = veto_progress_account_group (app_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group) || !begin_change (self))
    return;

  g_key_file_remove_group (self->keyfile, group, NULL);

  /* Step groups are "Step <step-id> <account-id>", and account ids are
   * unique across apps. */
  suffix = g_strdup_printf (" %s", account_id);
  groups = g_key_file_get_groups (self->keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], VETO_PROGRESS_STEP_PREFIX) && g_str_has_suffix (groups[i], suffix) &&
        strchr (groups[i] + strlen (VETO_PROGRESS_STEP_PREFIX), ' ') == groups[i] + strlen (groups[i]) - strlen (suffix))
      g_key_file_remove_group (self->keyfile, groups[i], NULL);

  commit (self);
}

/**
 * veto_progress_store_dup_account_label:
 *
 * Returns: (transfer full) (nullable): the label, or %NULL when the person
 *   gave none
 */
char *
veto_progress_store_dup_account_label (VetoProgressStore *self,
                                       const char        *app_id,
                                       const char        *account_id)
{
  g_autofree char *group = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  group = veto_progress_account_group (app_id, account_id);
  label = lookup_string (self, group, "Label");
  if (label == NULL || *label == '\0')
    return NULL;

  return g_steal_pointer (&label);
}

void
veto_progress_store_set_account_label (VetoProgressStore *self,
                                       const char        *app_id,
                                       const char        *account_id,
                                       const char        *label)
{
  g_autofree char *group = NULL;
  g_autofree char *old = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));

  group = veto_progress_account_group (app_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group))
    return;

  old = veto_progress_store_dup_account_label (self, app_id, account_id);
  if (g_strcmp0 (old, label && *label ? label : NULL) == 0 || !begin_change (self))
    return;

  g_key_file_set_string (self->keyfile, group, "Label", label ? label : "");
  commit (self);
}

/* An identifier goes into a record a regulator reads, and a hand-edited
 * file may hold anything: one line, no control or bidi character, and
 * short enough that no address or handle is cut. */
#define IDENTIFIER_MAX_CHARS 320

static char *
clean_identifier (const char *raw)
{
  g_autofree char *clean = NULL;

  if (raw == NULL)
    return NULL;

  clean = veto_text_clean (raw, VETO_TEXT_SINGLE_LINE, IDENTIFIER_MAX_CHARS);
  g_strstrip (clean);
  if (*clean == '\0')
    return NULL;

  return g_steal_pointer (&clean);
}

/**
 * veto_progress_store_dup_account_identifier:
 *
 * The email address or handle the person chose to name the account by in
 * their record, so that Meta or a regulator can tell which account an
 * objection was for. It stays in the progress file.
 *
 * Returns: (transfer full) (nullable): the identifier, cleaned, or %NULL
 *   when the person gave none
 */
char *
veto_progress_store_dup_account_identifier (VetoProgressStore *self,
                                            const char        *app_id,
                                            const char        *account_id)
{
  g_autofree char *group = NULL;
  g_autofree char *raw = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  group = veto_progress_account_group (app_id, account_id);
  raw = lookup_string (self, group, "Identifier");
  return clean_identifier (raw);
}

/**
 * veto_progress_store_set_account_identifier:
 * @identifier: (nullable): an email address or handle; %NULL or blank
 *   removes it
 *
 * Cleaned as it is kept (one line, no control character, at most 320
 * characters), so that what the window shows is what the record says.
 */
void
veto_progress_store_set_account_identifier (VetoProgressStore *self,
                                            const char        *app_id,
                                            const char        *account_id,
                                            const char        *identifier)
{
  g_autofree char *group = NULL;
  g_autofree char *old = NULL;
  g_autofree char *clean = NULL;

  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));

  group = veto_progress_account_group (app_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group))
    return;

  clean = clean_identifier (identifier);
  old = veto_progress_store_dup_account_identifier (self, app_id, account_id);
  if (g_strcmp0 (old, clean) == 0 || !begin_change (self))
    return;

  if (clean != NULL)
    g_key_file_set_string (self->keyfile, group, "Identifier", clean);
  else
    g_key_file_remove_key (self->keyfile, group, "Identifier", NULL);
  commit (self);
}

/* How an account is named. */

/**
 * veto_account_get_display_name:
 * @label: (nullable): the label the person gave the account
 * @account_id: (nullable): the account's id
 *
 * Returns: (transfer full): how to name the account in a list
 */
char *
veto_account_get_display_name (const char *label,
                               const char *account_id)
{
  if (label != NULL && *label != '\0')
    return g_strdup (label);

  if (account_id == NULL)
    return g_strdup (_("Every account"));

  return g_strdup (_("Unnamed account"));
}

static gboolean
same_label (const char *a,
            const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (g_strstrip (fa), g_strstrip (fb));
}

/**
 * veto_account_dup_name:
 * @store: the progress
 * @app_id: an app
 * @account_id: one of its accounts
 *
 * Until the person names them, accounts are "Account 1", "Account 2"… in
 * the order they were added, so that two of them never read the same.
 *
 * Returns: (transfer full): how to name the account
 */
char *
veto_account_dup_name (VetoProgressStore *store,
                       const char        *app_id,
                       const char        *account_id)
{
  g_autofree char *label = veto_progress_store_dup_account_label (store, app_id, account_id);
  g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, app_id);
  guint position = 0;
  gboolean shared = FALSE;

  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *other = NULL;

      if (g_strcmp0 (accounts[i], account_id) == 0)
        {
          position = i + 1;
          continue;
        }
      if (label == NULL || *label == '\0')
        continue;
      other = veto_progress_store_dup_account_label (store, app_id, accounts[i]);
      if (other != NULL && same_label (other, label))
        shared = TRUE;
    }

  /* a label from a hand-edited file is shown everywhere: one line, no
   * control or bidi character (veto-text.c) */
  if (label != NULL)
    {
      g_autofree char *raw = g_steal_pointer (&label);

      label = veto_text_clean (raw, VETO_TEXT_SINGLE_LINE, 200);
      g_strstrip (label);
    }

  /* Two accounts named alike ("Perso" twice) must not look the same in
   * every message: each is also said by its place. */
  if (label != NULL && *label != '\0')
    return shared && position > 0
      /* Translators: an account's label shared by another account of the
       * same app, then its place: "Perso (account 2)" */
      ? g_strdup_printf (_("%s (account %u)"), label, position)
      : g_steal_pointer (&label);

  if (position > 0)
    /* Translators: an account the person has not named yet, "Account 2" */
    return g_strdup_printf (_("Account %u"), position);

  return veto_account_get_display_name (NULL, account_id);
}
