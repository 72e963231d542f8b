/* veto-source.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a source is, which says how much weight it carries: Meta's own
 * page says what Meta does, a law or a court what it must do. */
typedef enum
{
  VETO_SOURCE_KIND_META,
  VETO_SOURCE_KIND_REGULATOR,
  VETO_SOURCE_KIND_LAW,
  VETO_SOURCE_KIND_COURT,
  VETO_SOURCE_KIND_PRESS,
  VETO_SOURCE_KIND_GUIDE,
  VETO_SOURCE_KIND_OTHER,
} VetoSourceKind;

#define VETO_TYPE_SOURCE (veto_source_get_type ())

G_DECLARE_FINAL_TYPE (VetoSource, veto_source, VETO, SOURCE, GObject)

const char         *veto_source_get_id           (VetoSource *self);
const char         *veto_source_get_url          (VetoSource *self);
const char         *veto_source_get_publisher    (VetoSource *self);
VetoSourceKind      veto_source_get_kind         (VetoSource *self);
const char         *veto_source_get_language     (VetoSource *self);
GDateTime          *veto_source_get_read_on      (VetoSource *self);
GDateTime          *veto_source_get_notes_on     (VetoSource *self);
GDateTime          *veto_source_get_link_checked (VetoSource *self);
const char * const *veto_source_get_regions      (VetoSource *self);
gboolean            veto_source_shown_in         (VetoSource *self,
                                                  const char *region_id);
gboolean            veto_source_get_weak         (VetoSource *self);
GDateTime          *veto_source_get_date         (VetoSource *self);

char               *veto_source_dup_read_text    (VetoSource *self);
char               *veto_source_dup_link_text    (VetoSource *self);

const char         *veto_source_kind_to_string   (VetoSourceKind  kind);
gboolean            veto_source_kind_from_string (const char     *str,
                                                  VetoSourceKind *kind);
const char         *veto_source_kind_describe    (VetoSourceKind  kind);

G_END_DECLS
