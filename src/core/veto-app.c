/* veto-app.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-claim.h"

#include "veto-app.h"
#include "veto-catalog-keys.h"
#include "veto-catalog-private.h"
#include "veto-step.h"

/* One of Meta's apps (Facebook, Instagram…) and, in catalog order, the steps
 * that concern it. */
struct _VetoApp
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *description;
  char       *use_label;   /* (nullable) */
  GListStore *steps;
};

G_DEFINE_FINAL_TYPE (VetoApp, veto_app, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
veto_app_finalize (GObject *object)
{
  VetoApp *self = (VetoApp *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->use_label, g_free);
  g_clear_object (&self->steps);

  G_OBJECT_CLASS (veto_app_parent_class)->finalize (object);
}

static void
veto_app_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VetoApp *self = VETO_APP (object);

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
veto_app_class_init (VetoAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = veto_app_finalize;
  object_class->get_property = veto_app_get_property;

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
veto_app_init (VetoApp *self)
{
  self->steps = g_list_store_new (VETO_TYPE_STEP);
}

VetoApp *
_veto_app_new_from_group (VetoCatalogGroup  *group,
                          const char        *id,
                          GError           **error)
{
  g_autoptr(VetoApp) self = g_object_new (VETO_TYPE_APP, NULL);

  self->id = g_strdup (id);
  /* Product names ("Facebook") read the same in every language, but a name
   * such as "Meta AI app" needs its translation. */
  if (!(self->name = veto_catalog_get_string (group, "Name", TRUE, TRUE, error)) ||
      !(self->description = veto_catalog_get_string (group, "Description", TRUE, TRUE, error)))
    return NULL;
  /* "I use %s" makes « J’utilise Application Meta AI » of a descriptive
   * name: such an app says its own sentence */
  self->use_label = veto_catalog_get_string (group, "UseLabel", FALSE, TRUE, NULL);

  /* format 4: markers may cite what it says; never shown */
  if (group->format >= 4 && veto_text_has_markers (self->description))
    {
      char *stripped = veto_text_strip_markers (self->description);

      g_free (self->description);
      self->description = stripped;
    }

  return g_steal_pointer (&self);
}

void
_veto_app_add_step (VetoApp  *self,
                    VetoStep *step)
{
  g_list_store_append (self->steps, step);
}

/* @steps in order, in one splice */
void
_veto_app_add_steps (VetoApp   *self,
                     VetoStep **steps,
                     guint      n_steps)
{
  g_list_store_splice (self->steps, g_list_model_get_n_items (G_LIST_MODEL (self->steps)), 0,
                       (gpointer *)steps, n_steps);
}

const char *
veto_app_get_id (VetoApp *self)
{
  g_return_val_if_fail (VETO_IS_APP (self), NULL);
  return self->id;
}

const char *
veto_app_get_name (VetoApp *self)
{
  g_return_val_if_fail (VETO_IS_APP (self), NULL);
  return self->name;
}

const char *
veto_app_get_description (VetoApp *self)
{
  g_return_val_if_fail (VETO_IS_APP (self), NULL);
  return self->description;
}

/**
 * veto_app_get_use_label:
 *
 * Returns: (nullable): the catalog's own "I use …" sentence for the app
 *   ("I use the Meta AI app"), or %NULL where "I use NAME" reads right
 */
const char *
veto_app_get_use_label (VetoApp *self)
{
  g_return_val_if_fail (VETO_IS_APP (self), NULL);
  return self->use_label;
}

/**
 * veto_app_get_steps:
 * @self: a #VetoApp
 *
 * Returns: (transfer none): the app's #VetoStep objects, in catalog order
 */
GListModel *
veto_app_get_steps (VetoApp *self)
{
  g_return_val_if_fail (VETO_IS_APP (self), NULL);
  return G_LIST_MODEL (self->steps);
}
