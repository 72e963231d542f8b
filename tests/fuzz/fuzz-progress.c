/* fuzz-progress.c: hostile progress files for the progress store
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A progress file may be edited by hand, truncated by a full disk or come
 * from another version. Whatever it holds, loading must not crash, must
 * either understand it or set it aside untouched, and what loads must be
 * usable: read, changed and saved again.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "veto-progress-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A warning or a critical is a bug found: abort, so that libFuzzer keeps
 * the input that caused it. */
static GLogWriterOutput
fatal_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  GLogWriterOutput ret = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return ret;
}

static char *dir;

static void
empty_dir (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VetoProgressStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 29, 12, 0, 0);
  g_autoptr(VetoClock) clock = veto_clock_new_fixed (now);
  g_auto(GStrv) apps = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    g_log_set_writer_func (fatal_writer, NULL, NULL);
  if (dir == NULL)
    dir = g_dir_make_tmp ("veto-fuzz-XXXXXX", NULL);
  g_assert (dir != NULL);

  path = g_build_filename (dir, "progress.ini", NULL);
  g_assert (g_file_set_contents (path, (const char *)data, size, NULL));

  file = g_file_new_for_path (path);
  store = veto_progress_store_new (file, clock);
  g_assert (veto_progress_store_load (store, &error));

  if (veto_progress_store_get_recovered_file (store) != NULL)
    {
      g_autofree char *kept = NULL;
      gsize kept_len = 0;

      /* set aside byte for byte */
      g_assert (g_file_get_contents (g_file_peek_path (veto_progress_store_get_recovered_file (store)),
                                     &kept, &kept_len, NULL));
      g_assert (kept_len == size && memcmp (kept, data, size) == 0);
    }

  (void)veto_progress_store_get_region (store);
  (void)veto_progress_store_get_language (store);
  apps = veto_progress_store_dup_apps (store);
  for (guint i = 0; apps[i] != NULL; i++)
    {
      g_auto(GStrv) accounts = veto_progress_store_dup_accounts (store, apps[i]);

      for (guint j = 0; accounts[j] != NULL; j++)
        {
          g_autofree char *label = veto_progress_store_dup_account_label (store, apps[i], accounts[j]);
          g_autoptr(GDateTime) submitted = veto_progress_store_dup_submitted (store, "facebook-object", accounts[j]);
          g_autofree char *note = veto_progress_store_dup_note (store, "facebook-object", accounts[j]);

          (void)label;
          (void)submitted;
          (void)note;
          (void)veto_progress_store_get_state (store, "facebook-object", accounts[j]);
        }
    }

  /* what loaded can be changed and saved, unless it is read-only */
  if (!veto_progress_store_get_read_only (store))
    {
      g_autoptr(VetoProgressStore) again = NULL;

      veto_progress_store_set_state (store, "facebook-object", "1", VETO_STEP_STATE_SUBMITTED);
      again = veto_progress_store_new (file, clock);
      g_assert (veto_progress_store_load (again, NULL));
      g_assert (veto_progress_store_get_recovered_file (again) == NULL);
      g_assert (veto_progress_store_get_state (again, "facebook-object", "1") == VETO_STEP_STATE_SUBMITTED);
    }

  empty_dir ();
  return 0;
}
