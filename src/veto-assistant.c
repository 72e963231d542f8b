/* veto-assistant.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-assistant.h"

/* The first-run wizard's order of pages and how to move through it, kept
 * apart from the window as gnome-initial-setup keeps its GisAssistant apart
 * from its pages: the window shows pages and runs actions; this says which
 * page comes next, whether Next may be pressed yet, and how far along the
 * person is.
 *
 * The order is: welcome, region, apps, one page per chosen app (in catalog
 * order), then the summary ("done"). It is read from the progress store
 * each time, so it follows apps as they are switched on and off.
 *
 * The label and the bar say the same thing: "Facebook — step 4 of 6"
 * over a bar four sixths full. Both count the pages of the whole wizard,
 * so when apps are switched on both grow at once: the bar goes back only
 * as the label says there is more ahead, never to mean something the
 * label does not say (a full "3 of 3" over a bar 30 % full, before). */
struct _VetoAssistant
{
  GObject        parent_instance;

  VetoChecklist *checklist;
  GPtrArray     *sequence;
  gboolean       active;
};

G_DEFINE_FINAL_TYPE (VetoAssistant, veto_assistant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const setup_pages[] = { "welcome", "region", "apps" };

static VetoProgressStore *
get_store (VetoAssistant *self)
{
  return veto_checklist_get_store (self->checklist);
}

static void
recompute (VetoAssistant *self)
{
  GListModel *apps = veto_catalog_get_apps (veto_checklist_get_catalog (self->checklist));

  g_ptr_array_set_size (self->sequence, 0);
  for (guint i = 0; i < G_N_ELEMENTS (setup_pages); i++)
    g_ptr_array_add (self->sequence, g_strdup (setup_pages[i]));

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (apps, i);

      if (veto_progress_store_has_app (get_store (self), veto_app_get_id (app)))
        g_ptr_array_add (self->sequence, g_strconcat ("app:", veto_app_get_id (app), NULL));
    }

  g_ptr_array_add (self->sequence, g_strdup ("done"));
}

static int
index_of (VetoAssistant *self,
          const char    *page)
{
  recompute (self);

  for (guint i = 0; page != NULL && i < self->sequence->len; i++)
    if (g_str_equal (g_ptr_array_index (self->sequence, i), page))
      return i;

  return -1;
}

static void
veto_assistant_finalize (GObject *object)
{
  VetoAssistant *self = (VetoAssistant *)object;

  g_clear_object (&self->checklist);
  g_clear_pointer (&self->sequence, g_ptr_array_unref);

  G_OBJECT_CLASS (veto_assistant_parent_class)->finalize (object);
}

static void
veto_assistant_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VetoAssistant *self = VETO_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_assistant_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VetoAssistant *self = VETO_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      veto_assistant_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_assistant_class_init (VetoAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = veto_assistant_finalize;
  object_class->get_property = veto_assistant_get_property;
  object_class->set_property = veto_assistant_set_property;

  /* whether the person is going through the wizard */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
veto_assistant_init (VetoAssistant *self)
{
  self->sequence = g_ptr_array_new_with_free_func (g_free);
}

VetoAssistant *
veto_assistant_new (VetoChecklist *checklist)
{
  VetoAssistant *self;

  g_return_val_if_fail (VETO_IS_CHECKLIST (checklist), NULL);

  self = g_object_new (VETO_TYPE_ASSISTANT, NULL);
  self->checklist = g_object_ref (checklist);

  return self;
}

gboolean
veto_assistant_get_active (VetoAssistant *self)
{
  g_return_val_if_fail (VETO_IS_ASSISTANT (self), FALSE);
  return self->active;
}

void
veto_assistant_set_active (VetoAssistant *self,
                           gboolean       active)
{
  g_return_if_fail (VETO_IS_ASSISTANT (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * veto_assistant_is_set_up:
 *
 * Returns: whether the person has said where they live and chosen their
 *   apps: until then, the overview has nothing to show
 */
gboolean
veto_assistant_is_set_up (VetoAssistant *self)
{
  g_auto(GStrv) apps = NULL;

  g_return_val_if_fail (VETO_IS_ASSISTANT (self), FALSE);

  apps = veto_progress_store_dup_apps (get_store (self));
  return veto_progress_store_get_region (get_store (self)) != NULL && apps[0] != NULL;
}

/**
 * veto_assistant_get_start:
 *
 * Returns: the page the wizard starts on: someone coming back has read the
 *   welcome already
 */
const char *
veto_assistant_get_start (VetoAssistant *self)
{
  g_return_val_if_fail (VETO_IS_ASSISTANT (self), NULL);
  return veto_progress_store_get_region (get_store (self)) ? "region" : "welcome";
}

gboolean
veto_assistant_contains (VetoAssistant *self,
                         const char    *page)
{
  g_return_val_if_fail (VETO_IS_ASSISTANT (self), FALSE);
  return index_of (self, page) >= 0;
}

/**
 * veto_assistant_get_next:
 *
 * Returns: (nullable): the page after @page, or %NULL at the end
 */
const char *
veto_assistant_get_next (VetoAssistant *self,
                         const char    *page)
{
  int index;

  g_return_val_if_fail (VETO_IS_ASSISTANT (self), NULL);

  index = index_of (self, page);
  if (index < 0 || (guint)index + 1 >= self->sequence->len)
    return NULL;
  return g_ptr_array_index (self->sequence, index + 1);
}

/**
 * veto_assistant_get_previous:
 *
 * Returns: (nullable): the page before @page, or %NULL at the start
 */
const char *
veto_assistant_get_previous (VetoAssistant *self,
                             const char    *page)
{
  int index;

  g_return_val_if_fail (VETO_IS_ASSISTANT (self), NULL);

  index = index_of (self, page);
  if (index <= 0)
    return NULL;
  return g_ptr_array_index (self->sequence, index - 1);
}

/**
 * veto_assistant_can_go_next:
 *
 * Returns: whether Next may be pressed on @page: a region must be chosen,
 *   and at least one app
 */
gboolean
veto_assistant_can_go_next (VetoAssistant *self,
                            const char    *page)
{
  g_return_val_if_fail (VETO_IS_ASSISTANT (self), FALSE);

  if (veto_assistant_get_next (self, page) == NULL)
    return FALSE;

  if (g_str_equal (page, "region"))
    return veto_progress_store_get_region (get_store (self)) != NULL;

  if (g_str_equal (page, "apps"))
    {
      g_auto(GStrv) apps = veto_progress_store_dup_apps (get_store (self));

      return apps[0] != NULL;
    }

  return TRUE;
}

/**
 * veto_assistant_describe:
 * @page: a page of the wizard
 * @fraction: (out) (optional): how far along, from 0 to 1
 *
 * Returns: (transfer full) (nullable): where the person is, in words
 *   ("Facebook — step 4 of 6", as @fraction says), or %NULL if @page is
 *   not in the wizard
 */
char *
veto_assistant_describe (VetoAssistant *self,
                         const char    *page,
                         double        *fraction)
{
  VetoCatalog *catalog;
  int index;
  guint n_pages;

  g_return_val_if_fail (VETO_IS_ASSISTANT (self), NULL);

  index = index_of (self, page);
  if (index < 0)
    return NULL;

  catalog = veto_checklist_get_catalog (self->checklist);
  n_pages = self->sequence->len;
  if (fraction != NULL)
    *fraction = (double) (index + 1) / n_pages;

  if ((guint)index < G_N_ELEMENTS (setup_pages))
    /* Translators: the wizard's first pages: "Getting started — step 2 of 6" */
    return g_strdup_printf (_("Getting started — step %d of %u"), index + 1, n_pages);

  if (g_str_equal (page, "done"))
    return g_strdup (_("Summary"));

  {
    VetoApp *app = veto_catalog_lookup_app (catalog, page + strlen ("app:"));

    /* Translators: the wizard's app pages: "Facebook — step 4 of 6" */
    return g_strdup_printf (_("%s — step %d of %u"), app ? veto_app_get_name (app) : "",
                            index + 1, n_pages);
  }
}
