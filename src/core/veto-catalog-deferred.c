/* veto-catalog-deferred.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a catalog's first screen does not read, read when first asked for.
 * The [Source] groups and the Quote- keys are more than half of the text
 * of a catalog that cites its claims, and the steps' long texts (their
 * descriptions, caveats, letters and in-app paths) most of the rest; the
 * welcome page, the overview and `--status` read none of them: only an
 * app page, "Why do we say this?", the record and `--check-links` do. A
 * trusted text (VETO_CATALOG_FLAGS_TRUSTED) is split before GKeyFile
 * parses it; the rest waits here, as text, until a step or the catalog
 * needs it, is then parsed once, and each step takes its own part the
 * first time it is asked. A text that is not trusted is read whole and
 * at once, so that every rule is checked before it is kept. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "veto-catalog-keys.h"
#include "veto-catalog-private.h"

struct _VetoDeferred
{
  GMutex            lock;
  /* until it is parsed: the [Source] groups, and each step's deferred
   * keys under its group's header, as runs of lines of @source: copying
   * them at start-up would cost as much as finding them */
  GBytes           *source;
  GArray           *runs;
  int               format;
  VetoCatalogFlags  flags;
  gboolean          loaded;
  /* once parsed: id → VetoSource, and the sources in file order */
  GHashTable       *source_by_id;
  GPtrArray        *sources;
  /* the steps' groups, until every step that has one took its keys */
  GKeyFile         *keyfile;
  guint             n_pending;
};

static void
deferred_clear (gpointer data)
{
  VetoDeferred *self = data;

  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->source, g_bytes_unref);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->keyfile, g_key_file_unref);
}

VetoDeferred *
_veto_deferred_ref (VetoDeferred *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
_veto_deferred_unref (VetoDeferred *self)
{
  g_atomic_rc_box_release_full (self, deferred_clear);
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

/* Whether the key starting the line [s, e) of a step's group is one only
 * an app page, the record or "Why do we say this?" reads: the texts
 * veto-step.c reads in read_deferred_texts(), and the quotes. */
static inline gboolean
has_key (const char *s,
         const char *e,
         const char *key,
         gsize       n)
{
  /* the key itself, a region's (Caveats-ch) or a translation (Caveats[fr]) */
  return (gsize)(e - s) > n && memcmp (s, key, n) == 0 &&
         (s[n] == '-' || s[n] == '[' || s[n] == '=' || s[n] == ' ' || s[n] == '\t');
}

static gboolean
is_deferred_step_key (const char *s,
                      const char *e)
{
#define HAS_KEY(k) has_key (s, e, k, sizeof (k) - 1)
  /* keep in step with read_deferred_texts() */
  switch (*s)
    {
    case 'Q':
      return e - s > 6 && memcmp (s, "Quote-", 6) == 0;
    case 'D':
      return HAS_KEY ("Description");
    case 'C':
      return HAS_KEY ("Caveats");
    case 'O':
      return HAS_KEY ("ObjectionText");
    case 'I':
      return HAS_KEY ("InAppPath");
    case 'R':
      return HAS_KEY ("RecordTitle");
    default:
      return FALSE;
    }
#undef HAS_KEY
}

typedef struct
{
  const char *start;
  gsize       len;
} Run;

/* Keeps the lines [s, e) for later. */
static void
append_lines (GArray     *runs,
              const char *s,
              const char *e)
{
  Run run = { s, e - s };

  if (s != e)
    g_array_append_val (runs, run);
}

/**
 * _veto_deferred_split:
 * @bytes: the catalog, kept until the deferred part is parsed
 * @data: its text, valid UTF-8, inside @bytes
 * @len: its length
 * @out_main: (out): what the first screen needs: every line but the
 *   citations', the comments' and the blank ones
 *
 * Returns: (transfer full): the citations, to be read later
 */
VetoDeferred *
_veto_deferred_split (GBytes            *bytes,
                      const char        *data,
                      gsize              len,
                      VetoCatalogFlags   flags,
                      GBytes           **out_main)
{
  VetoDeferred *self = g_atomic_rc_box_new0 (VetoDeferred);
  GString *main_text = g_string_sized_new (len);
  GArray *cited = g_array_new (FALSE, FALSE, sizeof (Run));
  const char *p = data;
  const char *end = data + len;
  /* the current group's header line, and whether it went to @cited */
  const char *header = NULL;
  gsize header_len = 0;
  gboolean in_source = FALSE;
  gboolean in_step = FALSE;
  gboolean header_cited = FALSE;
  /* the runs of lines kept for each text, copied in one go */
  const char *run = p;
  const char *cited_run = p;
  const char *cited_end = p;

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
          in_step = next - s > 6 && memcmp (s, "[Step ", 6) == 0;
          header = p;
          header_len = next - p;
          header_cited = in_source;
          to = in_source ? CITED : MAIN;
        }
      else if (in_source)
        to = CITED;
      else if (header != NULL && (in_step ? is_deferred_step_key (s, next)
                                          : next - s > 6 && memcmp (s, "Quote-", 6) == 0))
        {
          to = CITED;
          /* the group's header first, once */
          if (!header_cited)
            {
              append_lines (cited, cited_run, cited_end);
              append_lines (cited, header, header + header_len);
              cited_run = cited_end = p;
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
          if (p != cited_end)
            {
              append_lines (cited, cited_run, cited_end);
              cited_run = p;
            }
          cited_end = next;
        }

      p = next;
    }
  g_string_append_len (main_text, run, end - run);
  append_lines (cited, cited_run, cited_end);

  self->source = g_bytes_ref (bytes);
  self->runs = cited;
  *out_main = g_string_free_to_bytes (main_text);
  return self;
}

void
_veto_deferred_set_format (VetoDeferred *self,
                           int           format)
{
  self->format = format;
}

static gboolean
load_locked (VetoDeferred  *self,
             GError       **error)
{
  g_auto(GStrv) groups = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean ok = TRUE;

  for (guint i = 0; i < self->runs->len; i++)
    {
      Run *run = &g_array_index (self->runs, Run, i);

      g_string_append_len (text, run->start, run->len);
      if (run->start[run->len - 1] != '\n')
        g_string_append_c (text, '\n');
    }
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->source, g_bytes_unref);

  self->source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->keyfile = g_key_file_new ();
  self->loaded = TRUE;

  if (text->len > 0 && !g_key_file_load_from_data (self->keyfile, text->str, text->len, G_KEY_FILE_NONE, error))
    return FALSE;

  groups = g_key_file_get_groups (self->keyfile, NULL);
  veto_catalog_keys_begin ();
  for (guint i = 0; ok && groups[i] != NULL; i++)
    {
      const char *group = groups[i];

      if (g_str_has_prefix (group, "Source "))
        {
          g_auto(VetoCatalogGroup) keys = { 0 };
          VetoSource *source;

          veto_catalog_group_init (&keys, self->keyfile, group, self->format);
          source = _veto_source_new_from_group (&keys, group + strlen ("Source "), self->flags, error);
          if ((ok = source != NULL))
            {
              g_ptr_array_add (self->sources, source);
              g_hash_table_insert (self->source_by_id, (char *)veto_source_get_id (source), source);
            }
        }
    }
  veto_catalog_keys_end ();

  return ok;
}

/* Parses the text the first time, under the lock. A trusted text was
 * validated in full when it was built or kept, so a fault here is a bug,
 * not a catalog to refuse: it is reported, and what was read kept. Its
 * translations are those of the languages read now, as for the rest of
 * the catalog: the application builds the catalog again when the
 * language changes. */
static void
ensure_locked (VetoDeferred *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loaded)
    return;
  if (!load_locked (self, &error))
    g_critical ("The catalog’s deferred text could not be read: %s", error->message);
}

/**
 * _veto_deferred_get_sources:
 *
 * Returns: (transfer none) (element-type VetoSource): every source, in
 *   file order, read now if not yet
 */
GPtrArray *
_veto_deferred_get_sources (VetoDeferred *self)
{
  GPtrArray *sources;

  g_mutex_lock (&self->lock);
  ensure_locked (self);
  sources = self->sources;
  g_mutex_unlock (&self->lock);

  return sources;
}

/* Called once for each step that will take its keys from here. */
void
_veto_deferred_add_step (VetoDeferred *self)
{
  g_mutex_lock (&self->lock);
  self->n_pending++;
  g_mutex_unlock (&self->lock);
}

/**
 * _veto_deferred_resolve_step:
 * @self: the deferred text of @step's catalog
 * @step: a step read without its deferred keys
 * @resolved: (inout): the step's flag, set once it is resolved
 *
 * Gives @step its texts, quotes and sources, once: steps resolve one by
 * one, as they are first asked, under one lock for the catalog.
 */
void
_veto_deferred_resolve_step (VetoDeferred *self,
                             VetoStep     *step,
                             gint         *resolved)
{
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->lock);
  if (!g_atomic_int_get (resolved))
    {
      g_auto(VetoCatalogGroup) keys = { 0 };
      g_autofree char *group = g_strconcat ("Step ", veto_step_get_id (step), NULL);

      ensure_locked (self);
      veto_catalog_keys_begin ();
      veto_catalog_group_init (&keys, self->keyfile, group, self->format);
      if (!_veto_step_read_deferred (step, &keys, self->source_by_id, &error))
        g_critical ("The catalog’s deferred text could not be read: %s", error->message);
      veto_catalog_group_clear (&keys);
      veto_catalog_keys_end ();
      g_atomic_int_set (resolved, TRUE);

      /* the last step to take its keys frees them */
      if (--self->n_pending == 0)
        g_clear_pointer (&self->keyfile, g_key_file_unref);
    }
  g_mutex_unlock (&self->lock);
}
