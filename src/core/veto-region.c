/* veto-region.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-claim.h"

#include "veto-catalog-keys.h"
#include "veto-catalog-private.h"
#include "veto-region.h"

/* Where a person lives decides which rights they have: the objection forms
 * exist for the EU/EEA, the UK and a few others, not for everyone. It also
 * decides how long Meta has to answer an objection: the law of the place
 * sets the period (the GDPR's one month, extendable by two), or sets none
 * (Switzerland's nFADP and Brazil's LGPD set no deadline for an
 * objection), and then nothing is ever "overdue" there. */
struct _VetoRegion
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *description;
  /* [Region] AnswerMonths=, ExtensionMonths=; 0 when the law sets none */
  int      answer_months;
  int      extension_months;
};

G_DEFINE_FINAL_TYPE (VetoRegion, veto_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_ANSWER_MONTHS,
  PROP_EXTENSION_MONTHS,
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

    case PROP_ANSWER_MONTHS:
      g_value_set_int (value, self->answer_months);
      break;

    case PROP_EXTENSION_MONTHS:
      g_value_set_int (value, self->extension_months);
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
  properties[PROP_ANSWER_MONTHS] =
    g_param_spec_int ("answer-months", NULL, NULL, 0, VETO_REGION_MAX_MONTHS, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXTENSION_MONTHS] =
    g_param_spec_int ("extension-months", NULL, NULL, 0, VETO_REGION_MAX_MONTHS, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
veto_region_init (VetoRegion *self)
{
}

/* An optional number of calendar months, at least @min and at most ten
 * years: a longer "deadline" is a typo, not a law. */
static gboolean
get_months (VetoCatalogGroup  *group,
            const char        *key,
            int                min,
            int               *out,
            GError           **error)
{
  if (!veto_catalog_group_has_key (group, key))
    return TRUE;
  if (!veto_catalog_get_int (group, key, min, out, error))
    return FALSE;
  if (*out > VETO_REGION_MAX_MONTHS)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   _("[%s] %s: %d months is not an answer period"), group->name, key, *out);
      return FALSE;
    }
  return TRUE;
}

VetoRegion *
_veto_region_new_from_group (VetoCatalogGroup  *group,
                             const char        *id,
                             GError           **error)
{
  g_autoptr(VetoRegion) self = g_object_new (VETO_TYPE_REGION, NULL);

  self->id = g_strdup (id);
  if (!(self->name = veto_catalog_get_string (group, "Name", TRUE, TRUE, error)) ||
      !(self->description = veto_catalog_get_string (group, "Description", TRUE, TRUE, error)) ||
      !get_months (group, "AnswerMonths", 1, &self->answer_months, error) ||
      !get_months (group, "ExtensionMonths", 0, &self->extension_months, error))
    return NULL;

  /* an extension of no period would be a deadline that is not one */
  if (self->extension_months > 0 && self->answer_months == 0)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_MISSING_KEY,
                   /* Translators: [group] key: …; the last %s is another key */
                   _("[%s] %s: only with %s"), group->name, "ExtensionMonths", "AnswerMonths");
      return NULL;
    }

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

/**
 * veto_region_get_answer_months:
 * @self: a #VetoRegion
 *
 * Returns: how many calendar months the law of the region gives Meta to
 *   answer an objection (`AnswerMonths=`; the GDPR's one month), or 0 when
 *   it sets no deadline: an objection sent there is then never overdue
 */
int
veto_region_get_answer_months (VetoRegion *self)
{
  g_return_val_if_fail (VETO_IS_REGION (self), 0);
  return self->answer_months;
}

/**
 * veto_region_get_extension_months:
 * @self: a #VetoRegion
 *
 * Returns: by how many more months Meta may extend the period if it tells
 *   the person so within it (`ExtensionMonths=`; the GDPR's two), or 0
 */
int
veto_region_get_extension_months (VetoRegion *self)
{
  g_return_val_if_fail (VETO_IS_REGION (self), 0);
  return self->extension_months;
}
