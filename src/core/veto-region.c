/* veto-region.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-claim.h"

#include "veto-catalog-keys.h"
#include "veto-catalog-private.h"
#include "veto-region.h"

/* Where a person lives decides which rights they have: the objection forms
 * exist for the EU/EEA, the UK and a few others, not for everyone. */
struct _VetoRegion
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *description;
};

G_DEFINE_FINAL_TYPE (VetoRegion, veto_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
veto_region_finalize (GObject *object)
{
  VetoRegion *self = (VetoRegion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (veto_region_parent_class)->finalize (object);
}

static void
veto_region_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VetoRegion *self = VETO_REGION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_region_class_init (VetoRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = veto_region_finalize;
  object_class->get_property = veto_region_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
veto_region_init (VetoRegion *self)
{
}

VetoRegion *
_veto_region_new_from_group (VetoCatalogGroup  *group,
                             const char        *id,
                             GError           **error)
{
  g_autoptr(VetoRegion) self = g_object_new (VETO_TYPE_REGION, NULL);

  self->id = g_strdup (id);
  if (!(self->name = veto_catalog_get_string (group, "Name", TRUE, TRUE, error)) ||
      !(self->description = veto_catalog_get_string (group, "Description", TRUE, TRUE, error)))
    return NULL;

  /* format 4: markers may cite what it says; never shown */
  if (group->format >= 4 && veto_text_has_markers (self->description))
    {
      char *stripped = veto_text_strip_markers (self->description);

      g_free (self->description);
      self->description = stripped;
    }

  return g_steal_pointer (&self);
}

const char *
veto_region_get_id (VetoRegion *self)
{
  g_return_val_if_fail (VETO_IS_REGION (self), NULL);
  return self->id;
}

const char *
veto_region_get_name (VetoRegion *self)
{
  g_return_val_if_fail (VETO_IS_REGION (self), NULL);
  return self->name;
}

const char *
veto_region_get_description (VetoRegion *self)
{
  g_return_val_if_fail (VETO_IS_REGION (self), NULL);
  return self->description;
}
