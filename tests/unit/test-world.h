/* test-world.h: a person's world for the core's unit tests — a fixed
 * clock, an empty progress store, a catalog and the checklist over them,
 * with a region and Facebook chosen
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "veto-catalog.h"
#include "veto-checklist.h"
#include "veto-clock.h"
#include "veto-i18n.h"
#include "veto-progress-store.h"

typedef struct
{
  VetoClock         *clock;
  VetoProgressStore *store;
  VetoCatalog       *catalog;
  VetoChecklist     *checklist;
  /* the first Facebook account */
  char              *account;
} TestWorld;

/* a local midnight: the days a person states */
static inline GDateTime *
test_day (int year,
          int month,
          int day)
{
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static inline VetoCatalog *
test_catalog_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  VetoCatalog *catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return catalog;
}

/* a catalog in tests/ (G_TEST_DIST): test_catalog_from_dist ("lint", "regions4.steps") */
static inline VetoCatalog *
test_catalog_from_dist (const char *dir,
                        const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VetoCatalog *catalog = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return catalog;
}

/**
 * test_world_set_up:
 * @catalog: (transfer full): the steps
 * @region: where the person lives
 * @now: the clock's fixed time
 *
 * In English, with Facebook chosen and its first account in @world->account.
 */
static inline void
test_world_set_up (TestWorld   *world,
                   VetoCatalog *catalog,
                   const char  *region,
                   GDateTime   *now)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accounts = NULL;

  veto_i18n_set_language ("en");
  world->clock = veto_clock_new_fixed (now);
  world->store = veto_progress_store_new (NULL, world->clock);
  g_assert_true (veto_progress_store_load (world->store, &error));
  g_assert_no_error (error);
  world->catalog = catalog;
  world->checklist = veto_checklist_new (world->catalog, world->store);

  veto_progress_store_set_region (world->store, region);
  veto_progress_store_set_app (world->store, "facebook", TRUE);
  accounts = veto_progress_store_dup_accounts (world->store, "facebook");
  world->account = g_strdup (accounts[0]);
}

static inline void
test_world_tear_down (TestWorld *world)
{
  g_clear_object (&world->checklist);
  g_clear_object (&world->catalog);
  g_clear_object (&world->store);
  g_clear_object (&world->clock);
  g_clear_pointer (&world->account, g_free);
}

/* Returns: (transfer full) (nullable): the checklist's task for one step
 * and account (%NULL for a step done once) */
static inline VetoTask *
test_find_task (VetoChecklist *checklist,
                const char    *step_id,
                const char    *account_id)
{
  GListModel *tasks = veto_checklist_get_tasks (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(VetoTask) task = g_list_model_get_item (tasks, i);

      if (g_str_equal (veto_step_get_id (veto_task_get_step (task)), step_id) &&
          g_strcmp0 (veto_task_get_account_id (task), account_id) == 0)
        return g_steal_pointer (&task);
    }

  return NULL;
}
