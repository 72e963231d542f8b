/* veto-catalog-citations.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A catalog's citations, read when first asked for. The [Source] groups
 * and the Quote- keys are more than half of the text of a catalog that
 * cites its claims, and nothing on a first screen reads them: only "Why
 * do we say this?", a step's sources and dates, the record, and
 * `--check-links`. A trusted text (VETO_CATALOG_FLAGS_TRUSTED) is split
 * before GKeyFile parses it; the citations wait here, as text, until a
 * step or the catalog needs them, and are then parsed once for all. A text
 * that is not trusted is read whole and at once, so that every rule is
 * checked before it is kept. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "veto-catalog-keys.h"
#include "veto-catalog-private.h"

struct _VetoCitations
{
  GMutex            lock;
  /* until they are read: the [Source] groups, and each step's Quote- keys
   * under its group's header */
  GBytes           *text;
  int               format;
  VetoCatalogFlags  flags;
  gboolean          loaded;
  /* once read: id → VetoSource, and the sources in file order */
  GHashTable       *source_by_id;
  GPtrArray        *sources;
  /* step id → (source id → passage) */
  GHashTable       *quotes_by_step;
};

static void
citations_clear (gpointer data)
{
  VetoCitations *self = data;

  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->text, g_bytes_unref);
  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->quotes_by_step, g_hash_table_unref);
}

VetoCitations *
_veto_citations_ref (VetoCitations *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
_veto_citations_unref (VetoCitations *self)
{
  g_atomic_rc_box_release_full (self, citations_clear);
}

/* The line [s, e) with its leading spaces skipped, as GKeyFile reads it. */
static inline const char *
skip_spaces (const char *s,
             const char *e)
{
  while (s < e && (*s == ' ' || *s == '\t'))
    s++;
  return s;
}

/**
 * _veto_citations_split:
 * @data: a catalog's text, valid UTF-8
 * @len: its length
 * @out_main: (out): what the first screen needs: every line but the
 *   citations', the comments' and the blank ones
 *
 * Returns: (transfer full): the citations, to be read later
 */
VetoCitations *
_veto_citations_split (const char        *data,
                       gsize              len,
                       VetoCatalogFlags   flags,
                       GBytes           **out_main)
{
  VetoCitations *self = g_atomic_rc_box_new0 (VetoCitations);
  GString *main_text = g_string_sized_new (len);
  GString *cited = g_string_sized_new (len / 2);
  const char *p = data;
  const char *end = data + len;
  /* the current group's header line, and whether it went to @cited */
  const char *header = NULL;
  gsize header_len = 0;
  gboolean in_source = FALSE;
  gboolean header_cited = FALSE;
  /* a run of lines kept for @main_text, copied in one go */
  const char *run = p;

  g_mutex_init (&self->lock);
  self->flags = flags;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next = eol != NULL ? eol + 1 : end;
      const char *s = skip_spaces (p, next);
      enum { MAIN, CITED, DROPPED } to = MAIN;

      if (s == next || *s == '\n' || *s == '\r' || *s == '#')
        to = DROPPED;
      else if (*s == '[')
        {
          in_source = next - s > 8 && memcmp (s, "[Source ", 8) == 0;
          header = p;
          header_len = next - p;
          header_cited = in_source;
          to = in_source ? CITED : MAIN;
        }
      else if (in_source)
        to = CITED;
      else if (next - s > 6 && memcmp (s, "Quote-", 6) == 0 && header != NULL)
        {
          to = CITED;
          if (!header_cited)
            {
              g_string_append_len (cited, header, header_len);
              if (header[header_len - 1] != '\n')
                g_string_append_c (cited, '\n');
              header_cited = TRUE;
            }
        }

      if (to != MAIN)
        {
          g_string_append_len (main_text, run, p - run);
          run = next;
        }
      if (to == CITED)
        {
          g_string_append_len (cited, p, next - p);
          if (next[-1] != '\n')
            g_string_append_c (cited, '\n');
        }

      p = next;
    }
  g_string_append_len (main_text, run, end - run);

  self->text = g_string_free_to_bytes (cited);
  *out_main = g_string_free_to_bytes (main_text);
  return self;
}

void
_veto_citations_set_format (VetoCitations *self,
                            int            format)
{
  self->format = format;
}

static gboolean
load_locked (VetoCitations  *self,
             GError        **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_auto(GStrv) groups = NULL;
  gsize len;
  const char *data = g_bytes_get_data (self->text, &len);
  gboolean ok = TRUE;

  self->source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->quotes_by_step = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify)g_hash_table_unref);
  self->loaded = TRUE;

  if (len > 0 && !g_key_file_load_from_data (keyfile, data, len, G_KEY_FILE_NONE, error))
    return FALSE;
  g_clear_pointer (&self->text, g_bytes_unref);

  groups = g_key_file_get_groups (keyfile, NULL);
  veto_catalog_keys_begin ();
  for (guint i = 0; ok && groups[i] != NULL; i++)
    {
      g_auto(VetoCatalogGroup) keys = { 0 };
      const char *group = groups[i];

      veto_catalog_group_init (&keys, keyfile, group, self->format);

      if (g_str_has_prefix (group, "Source "))
        {
          VetoSource *source = _veto_source_new_from_group (&keys, group + strlen ("Source "),
                                                            self->flags, error);

          if ((ok = source != NULL))
            {
              g_ptr_array_add (self->sources, source);
              g_hash_table_insert (self->source_by_id, (char *)veto_source_get_id (source), source);
            }
        }
      else if (g_str_has_prefix (group, "Step "))
        {
          GHashTable *quotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

          g_hash_table_insert (self->quotes_by_step, g_strdup (group + strlen ("Step ")), quotes);
          ok = _veto_step_read_quotes (&keys, quotes, error);
        }
    }
  veto_catalog_keys_end ();

  return ok;
}

/* Parses the citations the first time, under the lock. A trusted text
 * was validated in full when it was built or kept, so a fault here is a
 * bug, not a catalog to refuse: it is reported, and what was read kept. */
static void
ensure_locked (VetoCitations *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loaded)
    return;
  if (!load_locked (self, &error))
    g_critical ("The catalog’s citations could not be read: %s", error->message);
}

/**
 * _veto_citations_get_source_by_id:
 *
 * Returns: (transfer none): id → #VetoSource, read now if not yet
 */
GHashTable *
_veto_citations_get_source_by_id (VetoCitations *self)
{
  GHashTable *table;

  g_mutex_lock (&self->lock);
  ensure_locked (self);
  table = self->source_by_id;
  g_mutex_unlock (&self->lock);

  return table;
}

/**
 * _veto_citations_get_sources:
 *
 * Returns: (transfer none) (element-type VetoSource): every source, in
 *   file order, read now if not yet
 */
GPtrArray *
_veto_citations_get_sources (VetoCitations *self)
{
  GPtrArray *sources;

  g_mutex_lock (&self->lock);
  ensure_locked (self);
  sources = self->sources;
  g_mutex_unlock (&self->lock);

  return sources;
}

/**
 * _veto_citations_resolve_step:
 * @self: the citations of @step's catalog
 * @step: a step read without its quotes
 * @resolved: (inout): the step's flag, set once it is resolved
 *
 * Gives @step its quotes and its sources, once: steps resolve one by one,
 * as they are first asked, under one lock for the catalog.
 */
void
_veto_citations_resolve_step (VetoCitations *self,
                              VetoStep      *step,
                              gint          *resolved)
{
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->lock);
  if (!g_atomic_int_get (resolved))
    {
      GHashTable *quotes;

      ensure_locked (self);
      quotes = g_hash_table_lookup (self->quotes_by_step, veto_step_get_id (step));
      if (!_veto_step_resolve_sources_with_quotes (step, self->source_by_id, quotes, &error))
        g_critical ("The catalog’s citations could not be resolved: %s", error->message);
      g_atomic_int_set (resolved, TRUE);
    }
  g_mutex_unlock (&self->lock);
}
