/* veto-source.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-catalog-keys.h"
#include "veto-catalog-private.h"
#include "veto-i18n.h"
#include "veto-source.h"

/* One page a catalog's claims rest on (format 4, [Source ID]): where it
 * is, who published it, what kind of authority it is, and what was done
 * with it. ReadOn is a reading of the page's stored copy; NotesOn a
 * reading of our research notes about it, which is less; LinkChecked a
 * live opening of the address. Keeping the three apart is the point: a
 * person is told which of them stands behind a sentence. Immutable. */
struct _VetoSource
{
  GObject         parent_instance;

  char           *id;
  char           *url;
  char           *publisher;
  VetoSourceKind  kind;
  char           *language;
  GDateTime      *read_on;
  GDateTime      *notes_on;
  GDateTime      *link_checked;
  /* empty: a source for every region */
  GStrv           regions;
  gboolean        weak;
};

G_DEFINE_FINAL_TYPE (VetoSource, veto_source, G_TYPE_OBJECT)

static const char * const kinds[] = {
  [VETO_SOURCE_KIND_META] = "meta",
  [VETO_SOURCE_KIND_REGULATOR] = "regulator",
  [VETO_SOURCE_KIND_LAW] = "law",
  [VETO_SOURCE_KIND_COURT] = "court",
  [VETO_SOURCE_KIND_PRESS] = "press",
  [VETO_SOURCE_KIND_GUIDE] = "guide",
  [VETO_SOURCE_KIND_OTHER] = "other",
};

const char *
veto_source_kind_to_string (VetoSourceKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind];
}

gboolean
veto_source_kind_from_string (const char     *str,
                              VetoSourceKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (str, kinds[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * veto_source_kind_describe:
 *
 * Returns: the kind in words, translated ("Meta’s own page", "regulator")
 */
const char *
veto_source_kind_describe (VetoSourceKind kind)
{
  switch (kind)
    {
    case VETO_SOURCE_KIND_META:
      return _("Meta’s own page");
    case VETO_SOURCE_KIND_REGULATOR:
      return _("regulator");
    case VETO_SOURCE_KIND_LAW:
      return _("law");
    case VETO_SOURCE_KIND_COURT:
      return _("court");
    case VETO_SOURCE_KIND_PRESS:
      return _("press");
    case VETO_SOURCE_KIND_GUIDE:
      return _("guide");
    case VETO_SOURCE_KIND_OTHER:
    default:
      return _("other source");
    }
}

static void
veto_source_finalize (GObject *object)
{
  VetoSource *self = (VetoSource *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->read_on, g_date_time_unref);
  g_clear_pointer (&self->notes_on, g_date_time_unref);
  g_clear_pointer (&self->link_checked, g_date_time_unref);
  g_clear_pointer (&self->regions, g_strfreev);

  G_OBJECT_CLASS (veto_source_parent_class)->finalize (object);
}

static void
veto_source_class_init (VetoSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = veto_source_finalize;
}

static void
veto_source_init (VetoSource *self)
{
}

static gboolean
get_optional_date (VetoCatalogGroup  *group,
                   const char        *key,
                   GDateTime        **out,
                   GError           **error)
{
  if (!veto_catalog_group_has_key (group, key))
    return TRUE;
  return (*out = veto_catalog_get_date (group, key, error)) != NULL;
}

VetoSource *
_veto_source_new_from_group (VetoCatalogGroup  *group,
                             const char        *id,
                             VetoCatalogFlags   flags,
                             GError           **error)
{
  g_autoptr(VetoSource) self = g_object_new (VETO_TYPE_SOURCE, NULL);
  g_autofree char *kind = NULL;

  self->id = g_strdup (id);

  /* A source is any publisher's page, not only Meta's or a regulator's:
   * only the address's form is checked (https, a plain host). It opens
   * in the browser, never inside Veto. */
  if (!(self->url = veto_catalog_get_string (group, "Url", TRUE, FALSE, error)) ||
      !veto_catalog_check_url (self->url, flags | VETO_CATALOG_FLAGS_ANY_HOST, group->name, "Url", error) ||
      !(self->publisher = veto_catalog_get_string (group, "Publisher", TRUE, FALSE, error)) ||
      !(kind = veto_catalog_get_string (group, "Kind", TRUE, FALSE, error)) ||
      !(self->language = veto_catalog_get_string (group, "Language", TRUE, FALSE, error)) ||
      !get_optional_date (group, "ReadOn", &self->read_on, error) ||
      !get_optional_date (group, "NotesOn", &self->notes_on, error) ||
      !get_optional_date (group, "LinkChecked", &self->link_checked, error) ||
      !(self->regions = veto_catalog_get_list (group, "Regions", FALSE, error)))
    return NULL;

  if (!veto_source_kind_from_string (kind, &self->kind))
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   _("[%s] %s: “%s” is not meta, regulator, law, court, press, guide or other"),
                   group->name, "Kind", kind);
      return NULL;
    }

  if (!veto_catalog_check_id (group->name, self->language, error))
    return NULL;
  for (guint i = 0; self->regions[i] != NULL; i++)
    if (!veto_catalog_check_id (group->name, self->regions[i], error))
      return NULL;

  /* What was read: the page itself, or only our notes about it. Both
   * would leave the person unsure which; neither, sure of nothing. */
  if ((self->read_on == NULL) == (self->notes_on == NULL))
    {
      g_set_error (error, VETO_CATALOG_ERROR, self->read_on == NULL ? VETO_CATALOG_ERROR_MISSING_KEY
                                                                    : VETO_CATALOG_ERROR_INVALID_VALUE,
                   _("[%s] %s: a source has exactly one of ReadOn (its stored copy was read) and NotesOn (only our research notes were)"),
                   group->name, "ReadOn");
      return NULL;
    }

  if (veto_catalog_group_has_key (group, "Weak") &&
      !veto_catalog_get_boolean (group, "Weak", &self->weak, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
veto_source_get_id (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);
  return self->id;
}

const char *
veto_source_get_url (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);
  return self->url;
}

/**
 * veto_source_get_publisher:
 *
 * Returns: who published it ("FRC (Fédération romande des consommateurs)"),
 *   not translated
 */
const char *
veto_source_get_publisher (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);
  return self->publisher;
}

VetoSourceKind
veto_source_get_kind (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), VETO_SOURCE_KIND_OTHER);
  return self->kind;
}

/**
 * veto_source_get_language:
 *
 * Returns: the language of the source and of the passages quoted from it
 */
const char *
veto_source_get_language (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);
  return self->language;
}

/**
 * veto_source_get_read_on:
 *
 * Returns: (nullable) (transfer none): the day its stored copy was read,
 *   or %NULL when the claims citing it rest on our research notes only
 */
GDateTime *
veto_source_get_read_on (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);
  return self->read_on;
}

/**
 * veto_source_get_notes_on:
 *
 * Returns: (nullable) (transfer none): the day our research notes about
 *   it were read, when no copy of the source itself was
 */
GDateTime *
veto_source_get_notes_on (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);
  return self->notes_on;
}

/**
 * veto_source_get_date:
 *
 * Returns: (transfer none): ReadOn, or NotesOn when there is none
 */
GDateTime *
veto_source_get_date (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);
  return self->read_on != NULL ? self->read_on : self->notes_on;
}

/**
 * veto_source_get_link_checked:
 *
 * Returns: (nullable) (transfer none): the day the address was opened
 *   live and answered (`veto --check-links`), or %NULL: never
 */
GDateTime *
veto_source_get_link_checked (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);
  return self->link_checked;
}

/**
 * veto_source_get_regions:
 *
 * Returns: (transfer none): the regions whose law or authority it is;
 *   empty for a source true everywhere
 */
const char * const *
veto_source_get_regions (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);
  return (const char * const *)self->regions;
}

/**
 * veto_source_shown_in:
 *
 * Returns: whether a claim citing it may be shown in @region_id
 */
gboolean
veto_source_shown_in (VetoSource *self,
                      const char *region_id)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), FALSE);
  return self->regions[0] == NULL ||
         (region_id != NULL && g_strv_contains ((const char * const *)self->regions, region_id));
}

/**
 * veto_source_get_weak:
 *
 * Returns: whether it is a single or secondary report, which the text
 *   citing it says ("reported")
 */
gboolean
veto_source_get_weak (VetoSource *self)
{
  g_return_val_if_fail (VETO_IS_SOURCE (self), FALSE);
  return self->weak;
}

/**
 * veto_source_dup_read_text:
 *
 * Returns: (transfer full): what was read, and when, in words: "read on
 *   7 December 2026 (stored copy)" or "from our research notes of
 *   2 December 2026"
 */
char *
veto_source_dup_read_text (VetoSource *self)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);

  day = veto_format_date (veto_source_get_date (self));
  if (self->read_on != NULL)
    /* Translators: %s is a date; the page's copy kept by the researchers was read */
    return g_strdup_printf (_("read on %s (stored copy)"), day);
  /* Translators: %s is a date; only the notes were read, not the page */
  return g_strdup_printf (_("from our research notes of %s"), day);
}

/**
 * veto_source_dup_link_text:
 *
 * Returns: (transfer full): whether its address was opened live, in words
 */
char *
veto_source_dup_link_text (VetoSource *self)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (VETO_IS_SOURCE (self), NULL);

  if (self->link_checked == NULL)
    return g_strdup (_("link not checked live yet"));
  day = veto_format_date (self->link_checked);
  /* Translators: %s is a date */
  return g_strdup_printf (_("link checked live on %s"), day);
}
