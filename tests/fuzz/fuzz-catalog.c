/* fuzz-catalog.c: hostile catalogs for the catalog loader
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A downloaded or hand-made catalog is untrusted input. The first byte
 * picks the loader's flags; the rest is the catalog. Whatever loads is
 * walked through every getter, as the window would.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "veto-catalog.h"

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

static gboolean writer_set;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;
  VetoCatalogFlags flags;
  GListModel *apps, *regions, *steps, *changes;

  if (size == 0)
    return 0;

  if (!writer_set)
    {
      g_log_set_writer_func (fatal_writer, NULL, NULL);
      writer_set = TRUE;
    }
  flags = (data[0] & 1) ? VETO_CATALOG_FLAGS_ALLOW_LOOPBACK : VETO_CATALOG_FLAGS_NONE;
  bytes = g_bytes_new (data + 1, size - 1);
  catalog = veto_catalog_new_from_bytes (bytes, flags, &error);

  if (catalog == NULL)
    {
      /* every refusal says why */
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  apps = veto_catalog_get_apps (catalog);
  regions = veto_catalog_get_regions (catalog);
  steps = veto_catalog_get_steps (catalog);
  changes = veto_catalog_get_changes (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);

      g_assert (veto_catalog_lookup_step (catalog, veto_step_get_id (step)) == step);
      g_assert (veto_catalog_lookup_app (catalog, veto_step_get_app_id (step)) != NULL);
      g_assert (g_utf8_validate (veto_step_get_title (step), -1, NULL));
      (void)veto_step_get_caveats (step);
      (void)veto_step_get_fallback_urls (step);
      /* every fact has a source: a link, or a note naming it (format 2) */
      g_assert (veto_step_get_sources (step)[0] != NULL || veto_step_get_source_notes (step) != NULL);
      g_assert (veto_step_get_last_verified (step) != NULL);
      g_assert (veto_step_get_recheck_days (step) >= 1);
    }

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (apps, i);

      for (guint j = 0; j < g_list_model_get_n_items (regions); j++)
        {
          g_autoptr(VetoRegion) region = g_list_model_get_item (regions, j);
          g_autoptr(GListModel) list = veto_catalog_list_steps (catalog, veto_app_get_id (app),
                                                                veto_region_get_id (region));

          (void)list;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(VetoChange) change = g_list_model_get_item (changes, i);

      for (const char * const *ids = veto_change_get_steps (change); *ids; ids++)
        g_assert (veto_catalog_lookup_step (catalog, *ids) != NULL);
    }

  return 0;
}
