/* veto-change.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-catalog-keys.h"
#include "veto-catalog-private.h"
#include "veto-change.h"
#include "veto-claim.h"

/* One entry of the catalog's changelog: what changed in a version, and which
 * steps a person who already did them should look at again. */
struct _VetoChange
{
  GObject  parent_instance;

  int      version;
  char    *summary;
  /* format 4: as written, with its [[id]] markers (summary is stripped) */
  char    *summary_marked;
  GStrv    steps;
};

G_DEFINE_FINAL_TYPE (VetoChange, veto_change, G_TYPE_OBJECT)

static void
veto_change_finalize (GObject *object)
{
  VetoChange *self = (VetoChange *)object;

  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->summary_marked, g_free);
  g_clear_pointer (&self->steps, g_strfreev);

  G_OBJECT_CLASS (veto_change_parent_class)->finalize (object);
}

static void
veto_change_class_init (VetoChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = veto_change_finalize;
}

static void
veto_change_init (VetoChange *self)
{
}

VetoChange *
_veto_change_new_from_group (VetoCatalogGroup  *group,
                             int                version,
                             GError           **error)
{
  g_autoptr(VetoChange) self = g_object_new (VETO_TYPE_CHANGE, NULL);

  self->version = version;
  if (!(self->summary = veto_catalog_get_string (group, "Summary", TRUE, TRUE, error)) ||
      !(self->steps = veto_catalog_get_list (group, "Steps", FALSE, error)))
    return NULL;

  if (group->format >= 4)
    {
      self->summary_marked = g_steal_pointer (&self->summary);
      self->summary = veto_text_strip_markers (self->summary_marked);
    }

  return g_steal_pointer (&self);
}

int
veto_change_get_version (VetoChange *self)
{
  g_return_val_if_fail (VETO_IS_CHANGE (self), 0);
  return self->version;
}

const char *
veto_change_get_summary (VetoChange *self)
{
  g_return_val_if_fail (VETO_IS_CHANGE (self), NULL);
  return self->summary;
}

/**
 * veto_change_get_steps:
 * @self: a #VetoChange
 *
 * Returns: (transfer none): ids of the steps this change affects
 */
const char * const *
veto_change_get_steps (VetoChange *self)
{
  g_return_val_if_fail (VETO_IS_CHANGE (self), NULL);
  return (const char * const *)self->steps;
}

/* For the catalog's checks: the summary with its markers, or %NULL
 * before format 4. */
const char *
_veto_change_get_marked_summary (VetoChange *self)
{
  return self->summary_marked;
}
