/* veto-progress-store.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "veto-progress-store.h"

/* What a person did, kept in one small keyfile:
 *
 *   [Veto]                       format, region, language, chosen apps,
 *                                CatalogVersion= of the catalog in use
 *   [Account facebook 1]         Label=Personal
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

struct _VetoProgressStore
{
  GObject    parent_instance;

  GFile     *file;
  VetoClock *clock;
  GKeyFile  *keyfile;

  /* set when a corrupt file was moved aside during load */
  GFile     *recovered_file;
  GError    *save_error;
  guint      retry_id;

  guint      read_only : 1;
  guint      is_new : 1;
  guint      inspect_only : 1;

  /* the file as this store last read or wrote it (see check_unchanged()) */
  struct {
    gboolean exists;
    dev_t    dev;
    ino_t    ino;
    off_t    size;
    gint64   mtime_ns;
  } disk;
};

G_DEFINE_FINAL_TYPE (VetoProgressStore, veto_progress_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_CLOCK,
  PROP_READ_ONLY,
  PROP_SAVE_ERROR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define HEADER "Veto"
#define END_GROUP "End"

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
      g_value_set_boolean (value, self->read_only);
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
  g_key_file_set_integer (self->keyfile, HEADER, "Format", VETO_PROGRESS_FORMAT);
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

static gboolean
is_iso8601 (const char *str)
{
  g_autoptr(GDateTime) dt = NULL;

  if (str == NULL || *str == '\0')
    return TRUE;

  dt = g_date_time_new_from_iso8601 (str, NULL);
  return dt != NULL;
}

/* A day the person stated: YYYY-MM-DD, a real date. */
static GDateTime *
parse_day (const char *str)
{
  int y, m, d;
  char tail;

  if (str == NULL || strlen (str) != 10 ||
      sscanf (str, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;

  /* the person's own day: midnight where they are */
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

static gboolean
is_day (const char *str)
{
  g_autoptr(GDateTime) dt = parse_day (str);

  return dt != NULL;
}

static gboolean
is_sha256 (const char *str)
{
  if (strlen (str) != 64)
    return FALSE;
  for (const char *p = str; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* Evidence files are named by Veto, inside its evidence folder: a name,
 * never a path, so that a hand-edited file can't point elsewhere. */
static gboolean
is_evidence_name (const char *str)
{
  if (*str == '\0' || *str == '.' || strlen (str) > 128)
    return FALSE;
  for (const char *p = str; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
is_int_at_least (const char *str,
                 gint64      min)
{
  return g_ascii_string_to_signed (str, 10, min, G_MAXINT, NULL, NULL);
}

static gboolean
is_id (const char *str)
{
  if (str == NULL || *str == '\0' || strlen (str) > 64)
    return FALSE;

  for (const char *p = str; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* Anything we would later misread makes the whole file suspect: it is then
 * kept aside rather than half-understood and overwritten. Ids end up in
 * group names ("Account <app> <id>"), so they must be ids. */
static gboolean
validate (GKeyFile  *keyfile,
          GError   **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  g_auto(GStrv) apps = g_key_file_get_string_list (keyfile, HEADER, "Apps", NULL, NULL);
  g_autofree char *region = g_key_file_get_string (keyfile, HEADER, "Region", NULL);
  g_autofree char *language = g_key_file_get_string (keyfile, HEADER, "Language", NULL);

  for (guint i = 0; apps != NULL && apps[i] != NULL; i++)
    if (*apps[i] != '\0' && !is_id (apps[i]))
      {
        g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, "bad app id");
        return FALSE;
      }

  if ((region != NULL && *region != '\0' && !is_id (region)) ||
      (language != NULL && *language != '\0' && !is_id (language)))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, "bad region or language");
      return FALSE;
    }

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (keyfile, groups[i], NULL, NULL);

      for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
        {
          g_autofree char *value = g_key_file_get_string (keyfile, groups[i], keys[j], NULL);
          gboolean ok = value != NULL;

          if (ok && g_str_has_prefix (groups[i], "Step "))
            {
              VetoStepState state;

              if (g_str_equal (keys[j], "State"))
                ok = veto_step_state_from_string (value, &state);
              else if (g_str_equal (keys[j], "Submitted") ||
                       g_str_equal (keys[j], "Confirmed") ||
                       g_str_equal (keys[j], "Refused") ||
                       g_str_equal (keys[j], "Checked"))
                ok = is_iso8601 (value) || is_day (value);
              else if (g_str_equal (keys[j], "Updated") ||
                       g_str_equal (keys[j], "SubmittedEntered") ||
                       g_str_equal (keys[j], "ConfirmedEntered") ||
                       g_str_equal (keys[j], "RefusedEntered") ||
                       g_str_equal (keys[j], "CheckedEntered") ||
                       g_str_equal (keys[j], "EvidenceDate"))
                ok = is_iso8601 (value);
              else if (g_str_equal (keys[j], "EvidenceSha256"))
                ok = is_sha256 (value);
              else if (g_str_equal (keys[j], "EvidenceFile"))
                ok = is_evidence_name (value);
              else if (g_str_equal (keys[j], "CatalogVersion"))
                ok = is_int_at_least (value, 1);
            }
          else if (ok && g_str_equal (groups[i], HEADER) && g_str_equal (keys[j], "CatalogVersion"))
            ok = is_int_at_least (value, 0);

          if (!ok)
            {
              g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "[%s] %s: invalid value", groups[i], keys[j]);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
parse (GKeyFile    *keyfile,
       const char  *data,
       gsize        len,
       int         *format,
       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  gsize n_groups = 0;

  if (len == 0 || !g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_UNKNOWN_ENCODING,
                           "empty or not UTF-8");
      return FALSE;
    }

  if (!g_key_file_load_from_data (keyfile, data, len, G_KEY_FILE_NONE, error))
    return FALSE;

  *format = g_key_file_get_integer (keyfile, HEADER, "Format", &local_error);
  if (local_error != NULL || *format < 1)
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           "no valid Format");
      return FALSE;
    }

  /* A newer Veto may write things we don't understand: don't judge them. */
  if (*format > VETO_PROGRESS_FORMAT)
    return TRUE;

  groups = g_key_file_get_groups (keyfile, &n_groups);
  if (n_groups == 0 || !g_str_equal (groups[n_groups - 1], END_GROUP))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                           "truncated: the final group is missing");
      return FALSE;
    }
  g_key_file_remove_group (keyfile, END_GROUP, NULL);

  return validate (keyfile, error);
}

static GFile *
move_aside (VetoProgressStore  *self,
            GError            **error)
{
  g_autoptr(GDateTime) now = veto_clock_get_now (self->clock);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *path = g_file_get_path (self->file);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *aside = attempt == 0
        ? g_strdup_printf ("%s.corrupt-%s", path, stamp)
        : g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, attempt);
      g_autoptr(GFile) target = g_file_new_for_path (aside);
      g_autoptr(GError) local_error = NULL;

      /* Never replace an earlier copy: it may be the one that matters. */
      if (g_file_move (self->file, target, G_FILE_COPY_NOFOLLOW_SYMLINKS,
                       NULL, NULL, NULL, &local_error))
        return g_steal_pointer (&target);

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       "too many corrupt copies already");
  return NULL;
}

static char *new_account_id (VetoProgressStore *self);

/* The prefix of Veto's own temporary files beside the progress file: hidden,
 * and a name nobody chooses for a backup. */
#define TEMP_INFIX ".veto-save-"

/* A progress file is a few kilobytes; notes included, far less than this. */
#define MAX_PROGRESS_SIZE (16 * 1024 * 1024)

static void
remember_disk (VetoProgressStore *self,
               const GStatBuf    *st)
{
  self->disk.exists = st != NULL;
  if (st == NULL)
    return;
  self->disk.dev = st->st_dev;
  self->disk.ino = st->st_ino;
  self->disk.size = st->st_size;
  self->disk.mtime_ns = (gint64)st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

/* Reads the progress file without ever blocking: a named pipe (or a
 * device) where the file should be made `veto --status` wait forever and
 * the window never open. Anything but a regular file is unreadable. */
static gboolean
read_file (VetoProgressStore  *self,
           char              **out_data,
           gsize              *out_len,
           GError            **error)
{
  const char *path = g_file_peek_path (self->file);
  g_autoptr(GByteArray) bytes = NULL;
  GStatBuf st;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        remember_disk (self, NULL);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > MAX_PROGRESS_SIZE)
    {
      gboolean regular = S_ISREG (st.st_mode);

      close (fd);
      if (regular)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     /* Translators: %s is a file name */
                     _("%s is too large to be Veto’s progress"), path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                     /* Translators: %s is a file name */
                     _("%s is not a regular file"), path);
      return FALSE;
    }

  bytes = g_byte_array_sized_new (st.st_size + 1);
  for (;;)
    {
      guint8 buf[16384];
      gssize n = read (fd, buf, sizeof buf);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", path, g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      g_byte_array_append (bytes, buf, n);
      if (bytes->len > MAX_PROGRESS_SIZE)
        {
          close (fd);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("%s is too large to be Veto’s progress"), path);
          return FALSE;
        }
    }
  close (fd);

  remember_disk (self, &st);
  *out_len = bytes->len;
  g_byte_array_append (bytes, (const guint8 *)"", 1);
  *out_data = (char *)g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  return TRUE;
}

/* A save killed between writing its temporary file and renaming it leaves
 * that file behind. It is never read, but litter in a person's folder:
 * remove those old enough that no save can still be writing them. Only
 * Veto's own (TEMP_INFIX): a `progress.ini.backup` made by hand is the
 * person's. */
static void
remove_stale_temporaries (VetoProgressStore *self)
{
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autofree char *base = g_file_get_basename (self->file);
  g_autofree char *prefix = g_strconcat (".", base, TEMP_INFIX, NULL);
  g_autoptr(GDir) dir = g_dir_open (g_file_peek_path (parent), 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  gsize prefix_len = strlen (prefix);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      gboolean temporary = strlen (name) == prefix_len + 6 &&
                           strncmp (name, prefix, prefix_len) == 0;

      for (gsize i = prefix_len; temporary && name[i]; i++)
        temporary = g_ascii_isalnum (name[i]);

      if (!temporary)
        continue;

      path = g_build_filename (g_file_peek_path (parent), name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > 60)
        g_unlink (path);
    }
}

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
      g_auto(GStrv) accounts = veto_progress_store_dup_accounts (self, apps[i]);

      if (accounts[0] == NULL)
        {
          g_autofree char *id = new_account_id (self);
          g_autofree char *group = g_strdup_printf ("Account %s %s", apps[i], id);

          g_key_file_set_string (self->keyfile, group, "Label", "");
        }
    }
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
  gsize len = 0;
  int format = 0;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  g_clear_object (&self->recovered_file);
  init_fresh (self);
  self->is_new = TRUE;
  if (!self->inspect_only)
    remove_stale_temporaries (self);

  if (!read_file (self, &data, &len, &local_error))
    {
      /* No file (or a file where its folder should be, so no file either):
       * a fresh start; saving will say what is wrong. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        return TRUE;

      self->read_only = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Your progress could not be read: %s"), local_error->message);
      return FALSE;
    }

  keyfile = g_key_file_new ();
  /* a byte order mark, as some editors write, is not part of the file */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (data, data + 3, len - 3 + 1);
      len -= 3;
    }
  if (!parse (keyfile, data, len, &format, &local_error) && self->inspect_only)
    {
      /* Looking must not change anything: the file stays where it is. */
      self->read_only = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Your progress file %s is damaged. Open Veto: it keeps a copy aside and starts afresh."),
                   g_file_peek_path (self->file));
      return FALSE;
    }
  else if (local_error != NULL)
    {
      g_autoptr(GError) move_error = NULL;

      g_debug ("%s does not parse (%s); moving it aside",
               g_file_peek_path (self->file), local_error->message);

      self->recovered_file = move_aside (self, &move_error);
      if (self->recovered_file == NULL)
        {
          self->read_only = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
          g_set_error (error, move_error->domain, move_error->code,
                       _("Your progress file is damaged and could not be set aside: %s"),
                       move_error->message);
          return FALSE;
        }

      return TRUE;
    }

  g_clear_pointer (&self->keyfile, g_key_file_unref);
  self->keyfile = g_steal_pointer (&keyfile);
  self->is_new = FALSE;

  if (format <= VETO_PROGRESS_FORMAT)
    {
      ensure_accounts (self);
      /* Format 2 added "refused", stated days and evidence, which an older
       * Veto would take for damage: the next save says so in the file, so
       * that it opens it read-only instead. */
      g_key_file_set_integer (self->keyfile, HEADER, "Format", VETO_PROGRESS_FORMAT);
    }

  if (format > VETO_PROGRESS_FORMAT && !self->read_only)
    {
      self->read_only = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }

  return TRUE;
}

static gboolean
ensure_folder (GFile   *file,
               GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *dir = g_file_get_path (parent);
  g_autofree char *base = g_file_get_basename (parent);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Our own folder stays private even if someone loosened it; a folder
   * that merely holds a test file is not ours to change. */
  if (g_str_equal (base, "veto"))
    g_chmod (dir, 0700);

  return TRUE;
}

/* Whether the file on disk is still the one this store last read or
 * wrote. Called with the folder locked. */
static gboolean
check_unchanged (VetoProgressStore  *self,
                 const char         *path,
                 GError            **error)
{
  GStatBuf st;
  gboolean exists = g_stat (path, &st) == 0;
  gint64 mtime_ns = exists ? (gint64)st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec : 0;

  /* gone since: writing it again overwrites nothing */
  if (!exists)
    return TRUE;

  if (self->disk.exists &&
      st.st_dev == self->disk.dev && st.st_ino == self->disk.ino &&
      st.st_size == self->disk.size && mtime_ns == self->disk.mtime_ns)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("another Veto (or a person) changed the file since this window read it, and Veto never overwrites a change it has not seen. Close Veto and open it again to see that change."));
  return FALSE;
}

/* Writes @data over @path all or nothing, and only if no one changed the
 * file since this store last read or wrote it. The lock on the folder
 * makes that check and the rename one step for every Veto process. */
static gboolean
write_file (VetoProgressStore  *self,
            const char         *path,
            const char         *data,
            GError            **error)
{
  g_autofree char *resolved = realpath (path, NULL);
  const char *target = resolved != NULL ? resolved : path;
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmp = g_strconcat (dir, G_DIR_SEPARATOR_S ".", base, TEMP_INFIX "XXXXXX", NULL);
  gsize len = strlen (data);
  GStatBuf st;
  int dir_fd;
  int fd = -1;
  int saved_errno = 0;
  gboolean ok = FALSE;

  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd < 0)
    {
      saved_errno = errno;
      goto out;
    }
  /* A file system without locks still gets the check, just not atomic
   * with the rename. */
  while (flock (dir_fd, LOCK_EX) != 0 && errno == EINTR)
    ;

  if (!check_unchanged (self, target, error))
    goto out_locked;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      goto out_locked;
    }

  for (gsize done = 0; done < len; )
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          goto out_tmp;
        }
      done += n;
    }

  if (fsync (fd) != 0 || fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      goto out_tmp;
    }
  close (fd);
  fd = -1;

  if (g_rename (tmp, target) != 0)
    {
      saved_errno = errno;
      goto out_tmp;
    }

  remember_disk (self, &st);
  ok = TRUE;
  goto out_locked;

out_tmp:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
out_locked:
  flock (dir_fd, LOCK_UN);
out:
  if (dir_fd >= 0)
    close (dir_fd);
  if (!ok && saved_errno != 0)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "%s: %s", target, g_strerror (saved_errno));
  return ok;
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
  g_autofree char *path = NULL;
  gboolean had_error;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  body = g_key_file_to_data (self->keyfile, NULL, NULL);
  data = g_strconcat (body, "\n[" END_GROUP "]\n", NULL);
  path = g_file_get_path (self->file);
  had_error = self->save_error != NULL;

  if (!ensure_folder (self->file, &local_error) ||
      !write_file (self, path, data, &local_error))
    {
      g_clear_error (&self->save_error);
      g_set_error (&self->save_error, local_error->domain, local_error->code,
                   _("Your progress could not be saved: %s"), local_error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
      if (error != NULL)
        *error = g_error_copy (self->save_error);
      return FALSE;
    }

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
 * veto_progress_store_check_writable:
 * @self: a #VetoProgressStore
 * @error: why the progress could not be saved
 *
 * Checks, without writing anything, that a change could be saved: the
 * nearest existing folder on the way to the file must be a folder Veto may
 * write in. For `veto --status`, which only reads.
 *
 * Returns: %TRUE when saving should work
 */
gboolean
veto_progress_store_check_writable (VetoProgressStore  *self,
                                    GError            **error)
{
  g_autoptr(GFile) dir = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  dir = g_file_get_parent (self->file);
  while (dir != NULL && !g_file_query_exists (dir, NULL))
    {
      GFile *parent = g_file_get_parent (dir);

      g_object_unref (dir);
      dir = parent;
    }

  if (dir == NULL)
    return TRUE;

  if (!g_file_test (g_file_peek_path (dir), G_FILE_TEST_IS_DIR) ||
      g_access (g_file_peek_path (dir), W_OK | X_OK) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a folder */
                   _("Your progress could not be saved: %s is not a folder Veto can write in."),
                   g_file_peek_path (dir));
      return FALSE;
    }

  return TRUE;
}

/* Setters call begin_change() first and commit() last. */
static gboolean
begin_change (VetoProgressStore *self)
{
  if (self->read_only)
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

gboolean
veto_progress_store_get_read_only (VetoProgressStore *self)
{
  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  return self->read_only;
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

  language = g_key_file_get_string (self->keyfile, HEADER, "Language", NULL);
  catalog_version = veto_progress_store_get_catalog_version (self);
  init_fresh (self);
  if (language != NULL && *language != '\0')
    g_key_file_set_string (self->keyfile, HEADER, "Language", language);
  if (catalog_version > 0)
    g_key_file_set_integer (self->keyfile, HEADER, "CatalogVersion", catalog_version);

  commit (self);
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

  if (!begin_change (self))
    return;

  if (value == NULL || *value == '\0')
    g_key_file_remove_key (self->keyfile, HEADER, key, NULL);
  else
    g_key_file_set_string (self->keyfile, HEADER, key, value);

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
 * A store that has never been saved keeps the version in memory and writes
 * it with its first real change: only looking at Veto, or running
 * `veto --status`, must not create a progress file.
 */
void
veto_progress_store_set_catalog_version (VetoProgressStore *self,
                                         int                version)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (version >= 0);

  if (veto_progress_store_get_catalog_version (self) == version || !begin_change (self))
    return;

  g_key_file_set_integer (self->keyfile, HEADER, "CatalogVersion", version);
  if (self->is_new)
    return;

  commit (self);
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

  apps = g_key_file_get_string_list (self->keyfile, HEADER, "Apps", NULL, NULL);
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

static char *
account_group (const char *app_id,
               const char *account_id)
{
  return g_strdup_printf ("Account %s %s", app_id, account_id);
}

/* Account ids are small numbers, unique across apps and never reused, so
 * that the steps of a removed account can't leak into a new one. */
static char *
new_account_id (VetoProgressStore *self)
{
  g_auto(GStrv) groups = g_key_file_get_groups (self->keyfile, NULL);
  guint64 next = g_key_file_get_uint64 (self->keyfile, HEADER, "NextAccount", NULL);

  next = MAX (next, 1);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *space = strrchr (groups[i], ' ');

      if (g_str_has_prefix (groups[i], "Account ") && space != NULL)
        next = MAX (next, g_ascii_strtoull (space + 1, NULL, 10) + 1);
    }

  g_key_file_set_uint64 (self->keyfile, HEADER, "NextAccount", next + 1);

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

  g_key_file_set_string_list (self->keyfile, HEADER, "Apps",
                              (const char * const *)result, g_strv_length (result));

  accounts = veto_progress_store_dup_accounts (self, app_id);
  if (used && accounts[0] == NULL)
    {
      g_autofree char *id = new_account_id (self);
      g_autofree char *group = account_group (app_id, id);

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

  prefix = g_strdup_printf ("Account %s ", app_id);
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
  group = account_group (app_id, id);
  g_key_file_set_string (self->keyfile, group, "Label", label ? label : "");
  commit (self);

  return g_steal_pointer (&id);
}

static char *
step_group (const char *step_id,
            const char *account_id)
{
  if (account_id == NULL || *account_id == '\0')
    return g_strdup_printf ("Step %s", step_id);

  return g_strdup_printf ("Step %s %s", step_id, account_id);
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

  group = account_group (app_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group) || !begin_change (self))
    return;

  g_key_file_remove_group (self->keyfile, group, NULL);

  /* Step groups are "Step <step-id> <account-id>", and account ids are
   * unique across apps. */
  suffix = g_strdup_printf (" %s", account_id);
  groups = g_key_file_get_groups (self->keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "Step ") && g_str_has_suffix (groups[i], suffix) &&
        strchr (groups[i] + 5, ' ') == groups[i] + strlen (groups[i]) - strlen (suffix))
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

  group = account_group (app_id, account_id);
  label = g_key_file_get_string (self->keyfile, group, "Label", NULL);
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

  group = account_group (app_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group))
    return;

  old = veto_progress_store_dup_account_label (self, app_id, account_id);
  if (g_strcmp0 (old, label && *label ? label : NULL) == 0 || !begin_change (self))
    return;

  g_key_file_set_string (self->keyfile, group, "Label", label ? label : "");
  commit (self);
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

  group = step_group (step_id, account_id);
  value = g_key_file_get_string (self->keyfile, group, "State", NULL);
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
  if (g_str_equal (key, "Confirmed"))
    {
      g_autofree char *submitted = g_key_file_get_string (self->keyfile, group, "Submitted", NULL);
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
    g_key_file_set_integer (self->keyfile, group, "CatalogVersion", version);
}

static const char *
date_key (VetoDateKind kind)
{
  switch (kind)
    {
    case VETO_DATE_SUBMITTED: return "Submitted";
    case VETO_DATE_CONFIRMED: return "Confirmed";
    case VETO_DATE_REFUSED: return "Refused";
    case VETO_DATE_CHECKED: return "Checked";
    default: g_return_val_if_reached ("Submitted");
    }
}

static void
remove_date (VetoProgressStore *self,
             const char        *group,
             VetoDateKind       kind)
{
  g_autofree char *entered = g_strconcat (date_key (kind), "Entered", NULL);

  g_key_file_remove_key (self->keyfile, group, date_key (kind), NULL);
  g_key_file_remove_key (self->keyfile, group, entered, NULL);
}

/* A day the person states, kept beside the moment they stated it. */
static void
set_day (VetoProgressStore *self,
         const char        *group,
         VetoDateKind       kind,
         GDateTime         *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (day);
  g_autofree char *text = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *entered = g_strconcat (date_key (kind), "Entered", NULL);

  g_key_file_set_string (self->keyfile, group, date_key (kind), text);
  stamp (self, group, entered, FALSE);
}

static void
apply_state (VetoProgressStore *self,
             const char        *group,
             VetoStepState      state)
{
  VetoStepState old = VETO_STEP_STATE_TODO;
  g_autofree char *value = g_key_file_get_string (self->keyfile, group, "State", NULL);

  if (value != NULL)
    veto_step_state_from_string (value, &old);

  g_key_file_set_string (self->keyfile, group, "State", veto_step_state_to_string (state));
  stamp (self, group, "Updated", FALSE);
  stamp_catalog_version (self, group);

  switch (state)
    {
    case VETO_STEP_STATE_SUBMITTED:
      stamp (self, group, "Submitted", TRUE);
      /* Back from "confirmed" or "refused": the submission still stands and
       * keeps its date; Meta's answer no longer does. */
      remove_date (self, group, VETO_DATE_CONFIRMED);
      remove_date (self, group, VETO_DATE_REFUSED);
      break;

    case VETO_STEP_STATE_CONFIRMED:
      /* A confirmation implies a submission, even if it was never ticked. */
      stamp (self, group, "Submitted", TRUE);
      stamp (self, group, "Confirmed", TRUE);
      remove_date (self, group, VETO_DATE_REFUSED);
      break;

    case VETO_STEP_STATE_REFUSED:
      stamp (self, group, "Submitted", TRUE);
      stamp (self, group, "Refused", TRUE);
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

  group = step_group (step_id, account_id);
  if ((g_key_file_has_group (self->keyfile, group) &&
       veto_progress_store_get_state (self, step_id, account_id) == state) ||
      !begin_change (self))
    return;

  apply_state (self, group, state);
  commit (self);
}

static GDateTime *
dup_date (VetoProgressStore *self,
          const char        *step_id,
          const char        *account_id,
          const char        *key)
{
  g_autofree char *group = step_group (step_id, account_id);
  g_autofree char *value = g_key_file_get_string (self->keyfile, group, key, NULL);

  if (value == NULL || *value == '\0')
    return NULL;

  if (is_day (value))
    return parse_day (value);

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
  return dup_date (self, step_id, account_id, "Submitted");
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
  return dup_date (self, step_id, account_id, "Confirmed");
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
  return dup_date (self, step_id, account_id, "Updated");
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
  return dup_date (self, step_id, account_id, "Checked");
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

  group = step_group (step_id, account_id);
  if (!g_key_file_has_key (self->keyfile, group, "State", NULL))
    g_key_file_set_string (self->keyfile, group, "State",
                           veto_step_state_to_string (VETO_STEP_STATE_TODO));
  stamp (self, group, "Checked", FALSE);
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

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), 0);
  g_return_val_if_fail (step_id != NULL, 0);

  group = step_group (step_id, account_id);
  return MAX (0, g_key_file_get_integer (self->keyfile, group, "CatalogVersion", NULL));
}

static char *
dup_text (VetoProgressStore *self,
          const char        *step_id,
          const char        *account_id,
          const char        *key)
{
  g_autofree char *group = step_group (step_id, account_id);
  g_autofree char *value = g_key_file_get_string (self->keyfile, group, key, NULL);

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
  g_autofree char *group = step_group (step_id, account_id);
  g_autofree char *old = dup_text (self, step_id, account_id, key);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (old, value) == 0 || !begin_change (self))
    return;

  if (!g_key_file_has_key (self->keyfile, group, "State", NULL))
    g_key_file_set_string (self->keyfile, group, "State",
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
  return dup_text (self, step_id, account_id, "Note");
}

void
veto_progress_store_set_note (VetoProgressStore *self,
                              const char        *step_id,
                              const char        *account_id,
                              const char        *note)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (step_id != NULL);
  set_text (self, step_id, account_id, "Note", note);
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
  return dup_text (self, step_id, account_id, "FormUrl");
}

void
veto_progress_store_set_form_url (VetoProgressStore *self,
                                  const char        *step_id,
                                  const char        *account_id,
                                  const char        *url)
{
  g_return_if_fail (VETO_IS_PROGRESS_STORE (self));
  g_return_if_fail (step_id != NULL);
  set_text (self, step_id, account_id, "FormUrl", url);
}

G_DEFINE_QUARK (veto-progress-error-quark, veto_progress_error)

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
 * veto_progress_format_day:
 * @date: a date
 *
 * Returns: (transfer full): @date's local day as YYYY-MM-DD
 */
char *
veto_progress_format_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  return g_date_time_format (local, "%Y-%m-%d");
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
  return dup_date (self, step_id, account_id, date_key (kind));
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
  g_autofree char *key = NULL;
  GDateTime *entered;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), NULL);

  key = g_strconcat (date_key (kind), "Entered", NULL);
  entered = dup_date (self, step_id, account_id, key);
  if (entered != NULL)
    return entered;

  /* a click: the moment is the date */
  return dup_date (self, step_id, account_id, date_key (kind));
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

  group = step_group (step_id, account_id);
  if (!g_key_file_has_key (self->keyfile, group, "State", NULL))
    g_key_file_set_string (self->keyfile, group, "State",
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

  group = step_group (step_id, account_id);
  apply_state (self, group, state);
  set_day (self, group, kind, day);
  commit (self);

  return TRUE;
}

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
  const char *keys[] = { "Submitted", "Confirmed", "Refused", "Checked", "Note",
                         "FormUrl", "EvidenceFile" };
  g_autofree char *group = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);

  group = step_group (step_id, account_id);
  if (!g_key_file_has_group (self->keyfile, group))
    return FALSE;

  if (veto_progress_store_get_state (self, step_id, account_id) != VETO_STEP_STATE_TODO)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_key_file_has_key (self->keyfile, group, keys[i], NULL))
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

  group = step_group (step_id, account_id);
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

  group = step_group (step_id, account_id);
  g_key_file_remove_group (self->keyfile, group, NULL);
  keys = g_key_file_get_keys (copy, "Step", NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (copy, "Step", keys[i], NULL);

      g_key_file_set_value (self->keyfile, group, keys[i], value);
    }

  commit (self);
}

/**
 * veto_date_kind_from_string:
 * @str: `submitted`, `confirmed`, `refused` or `checked`
 * @kind: (out): the kind
 *
 * Returns: whether @str names a kind of date
 */
gboolean
veto_date_kind_from_string (const char   *str,
                            VetoDateKind *kind)
{
  const char *names[] = { "submitted", "confirmed", "refused", "checked" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *kind = (VetoDateKind)i;
        return TRUE;
      }

  return FALSE;
}

const char *
veto_date_kind_to_string (VetoDateKind kind)
{
  const char *names[] = { "submitted", "confirmed", "refused", "checked" };

  g_return_val_if_fail (kind <= VETO_DATE_CHECKED, NULL);
  return names[kind];
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

  file = dup_text (self, step_id, account_id, "EvidenceFile");
  if (file == NULL)
    return NULL;

  info = g_new0 (VetoEvidenceInfo, 1);
  info->file = g_steal_pointer (&file);
  info->sha256 = dup_text (self, step_id, account_id, "EvidenceSha256");
  info->from = dup_text (self, step_id, account_id, "EvidenceFrom");
  info->subject = dup_text (self, step_id, account_id, "EvidenceSubject");
  info->date = dup_date (self, step_id, account_id, "EvidenceDate");
  return info;
}

/**
 * veto_progress_store_confirm_with_evidence:
 * @self: a #VetoProgressStore
 * @step_id: a step id
 * @account_id: (nullable): the account
 * @evidence: the email kept (its file already written in the evidence folder)
 * @error: why it was refused
 *
 * Records Meta's confirmation on the email's day, with the email as proof,
 * in one change.
 *
 * Returns: %TRUE when recorded
 */
gboolean
veto_progress_store_confirm_with_evidence (VetoProgressStore       *self,
                                           const char              *step_id,
                                           const char              *account_id,
                                           const VetoEvidenceInfo  *evidence,
                                           GError                 **error)
{
  g_autofree char *group = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (evidence != NULL && evidence->date != NULL, FALSE);
  g_return_val_if_fail (is_evidence_name (evidence->file) && is_sha256 (evidence->sha256), FALSE);

  if (!check_day (self, step_id, account_id, VETO_DATE_CONFIRMED, evidence->date, error))
    return FALSE;

  if (!begin_change (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                           _("Your progress is open read-only."));
      return FALSE;
    }

  group = step_group (step_id, account_id);
  apply_state (self, group, VETO_STEP_STATE_CONFIRMED);
  set_day (self, group, VETO_DATE_CONFIRMED, evidence->date);
  date = g_date_time_format_iso8601 (evidence->date);
  g_key_file_set_string (self->keyfile, group, "EvidenceFile", evidence->file);
  g_key_file_set_string (self->keyfile, group, "EvidenceSha256", evidence->sha256);
  g_key_file_set_string (self->keyfile, group, "EvidenceFrom", evidence->from ? evidence->from : "");
  g_key_file_set_string (self->keyfile, group, "EvidenceSubject", evidence->subject ? evidence->subject : "");
  g_key_file_set_string (self->keyfile, group, "EvidenceDate", date);
  commit (self);

  return TRUE;
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
  g_autofree char *best = NULL;
  g_autofree char *best_updated = NULL;
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) keys = NULL;
  int best_rank = -1;

  g_return_val_if_fail (VETO_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);

  target = step_group (step_id, NULL);
  if (g_key_file_has_group (self->keyfile, target))
    return FALSE;

  prefix = g_strconcat (target, " ", NULL);
  groups = g_key_file_get_groups (self->keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *updated = NULL;
      VetoStepState state = VETO_STEP_STATE_TODO;
      int rank;

      /* "Step <id> <account>", the account being digits only: "Step a-b 1"
       * must not be taken for an account of step "a". */
      if (!g_str_has_prefix (groups[i], prefix) ||
          strchr (groups[i] + strlen (prefix), ' ') != NULL)
        continue;

      value = g_key_file_get_string (self->keyfile, groups[i], "State", NULL);
      if (value == NULL || !veto_step_state_from_string (value, &state))
        continue;
      rank = adopt_rank (state);
      updated = g_key_file_get_string (self->keyfile, groups[i], "Updated", NULL);
      if (rank > best_rank ||
          (rank == best_rank && g_strcmp0 (updated, best_updated) > 0))
        {
          best_rank = rank;
          g_free (best);
          best = g_strdup (groups[i]);
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

  commit (self);
  return TRUE;
}
