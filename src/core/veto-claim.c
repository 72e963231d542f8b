/* veto-claim.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "veto-claim.h"

/* Format 4 writes the citation right after what it supports:
 *
 *   Meta trains on public posts. [[meta-privacy]] It must stop. [[gdpr]][[cnil]]
 *
 * A marker covers the text from the previous marker, or from the start
 * of the line, up to itself; several markers in a row cite several
 * sources for the same text. Translators keep the markers, so the French
 * text carries its own. The person never sees a marker: every text shown
 * is stripped of them, with the space before each. */
struct _VetoClaim
{
  gatomicrefcount  ref_count;

  char            *key;
  guint            line;
  char            *text;
  GStrv            source_ids;
  /* resolved by the catalog, in the order of source_ids */
  GPtrArray       *sources;
  GPtrArray       *quotes;
};

G_DEFINE_BOXED_TYPE (VetoClaim, veto_claim, veto_claim_ref, veto_claim_unref)

static VetoClaim *
claim_new (const char *key,
           guint       line,
           char       *text,
           GStrv       ids)
{
  VetoClaim *self = g_new0 (VetoClaim, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->key = g_strdup (key);
  self->line = line;
  self->text = text;
  self->source_ids = ids;
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->quotes = g_ptr_array_new_with_free_func (g_free);
  return self;
}

VetoClaim *
veto_claim_ref (VetoClaim *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
veto_claim_unref (VetoClaim *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->key);
  g_free (self->text);
  g_strfreev (self->source_ids);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->quotes);
  g_free (self);
}

/**
 * veto_claim_get_text:
 *
 * Returns: the sentence or clause as the person reads it, without markers
 */
const char *
veto_claim_get_text (VetoClaim *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

/**
 * veto_claim_get_key:
 *
 * Returns: the catalog key it was read from ("Description", "Caveats-ch")
 */
const char *
veto_claim_get_key (VetoClaim *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->key;
}

/**
 * veto_claim_get_line:
 *
 * Returns: which `\n` line of its key it is on, from 0 (one caveat a line)
 */
guint
veto_claim_get_line (VetoClaim *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->line;
}

/**
 * veto_claim_get_source_ids:
 *
 * Returns: (transfer none): the ids its markers name, in order
 */
const char * const *
veto_claim_get_source_ids (VetoClaim *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *)self->source_ids;
}

/**
 * veto_claim_get_n_sources:
 *
 * Returns: how many of its sources the catalog has (all of them in a
 *   catalog that loaded)
 */
guint
veto_claim_get_n_sources (VetoClaim *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sources->len;
}

/**
 * veto_claim_get_source:
 *
 * Returns: (transfer none): its @i-th source
 */
VetoSource *
veto_claim_get_source (VetoClaim *self,
                       guint      i)
{
  g_return_val_if_fail (self != NULL && i < self->sources->len, NULL);
  return g_ptr_array_index (self->sources, i);
}

/**
 * veto_claim_get_quote:
 *
 * Returns: (nullable): the passage of its @i-th source that supports it,
 *   verbatim, in the source's language
 */
const char *
veto_claim_get_quote (VetoClaim *self,
                      guint      i)
{
  g_return_val_if_fail (self != NULL && i < self->quotes->len, NULL);
  return g_ptr_array_index (self->quotes, i);
}

void
_veto_claim_add_source (VetoClaim  *self,
                        VetoSource *source,
                        const char *quote)
{
  g_ptr_array_add (self->sources, g_object_ref (source));
  g_ptr_array_add (self->quotes, g_strdup (quote));
}

/* Where the next marker "[[…]]" of [p, end) starts, its id's bounds in
 * @id and @id_end; NULL when there is none. */
static const char *
next_marker (const char  *p,
             const char  *end,
             const char **id,
             const char **id_end)
{
  while (p < end && (p = g_strstr_len (p, end - p, "[[")) != NULL)
    {
      const char *close = g_strstr_len (p + 2, end - p - 2, "]]");

      if (close == NULL)
        return NULL;
      *id = p + 2;
      *id_end = close;
      return p;
    }
  return NULL;
}

gboolean
veto_text_has_markers (const char *text)
{
  return text != NULL && strstr (text, "[[") != NULL;
}

/**
 * veto_text_strip_markers:
 * @marked: (nullable): a catalog text
 *
 * Returns: (transfer full) (nullable): @marked as the person reads it:
 *   without its `[[id]]` markers, nor the spaces before each
 */
char *
veto_text_strip_markers (const char *marked)
{
  GString *out;
  const char *p, *end, *id, *id_end, *m;

  if (marked == NULL)
    return NULL;
  if (!veto_text_has_markers (marked))
    return g_strdup (marked);

  out = g_string_sized_new (strlen (marked));
  p = marked;
  end = marked + strlen (marked);
  while ((m = next_marker (p, end, &id, &id_end)) != NULL)
    {
      g_string_append_len (out, p, m - p);
      while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
        g_string_truncate (out, out->len - 1);
      p = id_end + 2;
    }
  g_string_append (out, p);

  /* a marker at the start of a line leaves its space after it: each line
   * is stripped, in place (this runs for every text at each start) */
  {
    char *w = out->str;
    const char *r = out->str;
    const char *str_end = out->str + out->len;

    while (r <= str_end)
      {
        const char *eol = memchr (r, '\n', str_end - r);
        const char *line_end = eol != NULL ? eol : str_end;
        const char *s = r;
        const char *e = line_end;

        while (s < e && g_ascii_isspace (*s))
          s++;
        while (e > s && g_ascii_isspace (e[-1]))
          e--;
        memmove (w, s, e - s);
        w += e - s;
        if (eol == NULL)
          break;
        *w++ = '\n';
        r = eol + 1;
      }
    g_string_truncate (out, w - out->str);
    return g_string_free (out, FALSE);
  }
}

static gboolean
has_letter (const char *s,
            const char *end)
{
  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * veto_claims_split:
 * @key: the key @marked was read from, kept in each claim
 * @marked: a catalog text with markers
 * @uncited: (out) (optional) (transfer full): the first text with a
 *   letter that no marker covers (after a line's last marker), or %NULL
 *
 * Returns: (transfer container) (element-type VetoClaim): its claims, in
 *   order, each with its source ids but no sources yet
 */
GPtrArray *
veto_claims_split (const char  *key,
                   const char  *marked,
                   char       **uncited)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func ((GDestroyNotify)veto_claim_unref);
  g_auto(GStrv) lines = g_strsplit (marked != NULL ? marked : "", "\n", -1);

  if (uncited != NULL)
    *uncited = NULL;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *p = lines[l];
      const char *end = p + strlen (p);
      const char *id, *id_end, *m;

      while ((m = next_marker (p, end, &id, &id_end)) != NULL)
        {
          g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
          g_autofree char *text = g_strndup (p, m - p);

          /* [[a]][[b]] or [[a]] [[b]]: one text, several sources */
          for (;;)
            {
              const char *q;

              g_autofree char *one = g_strndup (id, id_end - id);

              g_strv_builder_add (ids, one);
              q = id_end + 2;
              while (q < end && (*q == ' ' || *q == '\t'))
                q++;
              p = id_end + 2;
              if (q + 1 < end && q[0] == '[' && q[1] == '[' && next_marker (q, end, &id, &id_end) == q)
                continue;
              break;
            }

          g_strstrip (text);
          g_ptr_array_add (claims, claim_new (key, l, g_steal_pointer (&text), g_strv_builder_end (ids)));
        }

      if (uncited != NULL && *uncited == NULL && has_letter (p, end))
        *uncited = g_strstrip (g_strdup (p));
    }

  return claims;
}
