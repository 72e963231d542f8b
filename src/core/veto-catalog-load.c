/* veto-catalog-load.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a catalog's text: its raw lines checked before GKeyFile merges
 * them, its header and groups, then the references between its steps. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-catalog.h"
#include "veto-catalog-keys.h"
#include "veto-catalog-keys-private.h"
#include "veto-catalog-private.h"
#include "veto-claim.h"

/* Where a value looks like Pango markup or an entity ("<a href=…>", "<b>",
 * "&amp;", "&#60;"), returns how far it starts; else -1. A plain "&" or
 * "<" before a digit or a space ("R&D", "< 16") is text. */
static gssize
find_markup (const char *s,
             const char *end)
{
  for (const char *p = s; p < end; p++)
    {
      if (*p == '<' && p + 1 < end &&
          (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
        return p - s;

      if (*p == '&' && p + 1 < end)
        {
          const char *q = p + 1;

          if (*q == '#')
            return p - s;
          while (q < end && g_ascii_isalnum (*q))
            q++;
          if (q > p + 1 && q < end && *q == ';')
            return p - s;
        }
    }

  return -1;
}

/* Text from a catalog is shown as text, but a widget that parsed it as
 * markup would turn "<a href=…>" into a link that opens anything; no step
 * needs tags or entities, so a catalog that has them is refused, bundled,
 * local or downloaded, in every language it carries. */
static gboolean
check_value_line (const char  *group,
                  const char  *s,
                  const char  *e,
                  GError     **error)
{
  const char *eq = memchr (s, '=', e - s);
  g_autofree char *key = NULL;
  gssize at;

  if (eq == NULL || (at = find_markup (eq + 1, e)) < 0)
    return TRUE;

  key = g_strndup (s, eq - s);
  g_strstrip (key);
  g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
               /* Translators: a catalog group and key, then the start of
                * the tag or entity found in its text */
               _("[%s] %s: the text must be plain, without markup such as “%.*s”"),
               group != NULL ? group : "", key, (int)MIN (e - (eq + 1 + at), 16), eq + 1 + at);
  return FALSE;
}

/* Whether the trimmed line [s, e) is a group's header. */
static gboolean
is_header (const char *s,
           const char *e)
{
  return e - s >= 2 && *s == '[' && e[-1] == ']';
}

/* Calls @func for each line of @data, trimmed of surrounding spaces, until
 * it returns FALSE. */
typedef gboolean (*LineFunc) (const char *s,
                              const char *e,
                              gpointer    user_data);

static gboolean
foreach_line (const char *data,
              gsize       len,
              LineFunc    func,
              gpointer    user_data)
{
  const char *p = data;
  const char *end = data + len;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *line_end = eol ? eol : end;
      const char *s = p;
      const char *e = line_end;

      while (s < e && g_ascii_isspace (*s))
        s++;
      while (e > s && g_ascii_isspace (e[-1]))
        e--;

      if (!func (s, e, user_data))
        return FALSE;

      p = line_end + 1;
    }

  return TRUE;
}

typedef struct
{
  const char  *group;      /* the current header's name, not terminated */
  gsize        group_len;
  guint        n_groups;
  guint        n_steps;
  GError     **error;
} RawCheck;

/* Whether a line holds what no step's text needs and what would reach a
 * terminal or reorder the text on screen (veto-text.c): C0 and C1
 * controls but the tab, and the bidi embedding, override, isolate and
 * mark characters. Lines are nearly all ASCII: one pass over bytes. */
static gboolean
has_hidden_control (const char *s,
                    const char *e)
{
  for (const guchar *p = (const guchar *)s; p < (const guchar *)e; p++)
    {
      if (*p < 0x20 ? *p != '\t' : *p == 0x7F)
        return TRUE;
      if (*p == 0xC2 && p + 1 < (const guchar *)e && p[1] >= 0x80 && p[1] <= 0x9F)
        return TRUE;
      if (*p == 0xE2 && p + 2 < (const guchar *)e && p[1] == 0x80 &&
          ((p[2] >= 0xAA && p[2] <= 0xAE) || p[2] == 0x8E || p[2] == 0x8F))
        return TRUE;
      if (*p == 0xE2 && p + 2 < (const guchar *)e && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_raw_line (const char *s,
                const char *e,
                gpointer    user_data)
{
  RawCheck *check = user_data;
  g_autofree char *group = NULL;

  if (is_header (s, e))
    {
      check->group = s + 1;
      check->group_len = e - s - 2;
      check->n_groups++;

      if (check->group_len > 5 && memcmp (check->group, "Step ", 5) == 0 &&
          ++check->n_steps > VETO_CATALOG_MAX_STEPS)
        {
          g_set_error (check->error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_PARSE,
                       _("The catalog has too many steps (at most %d)."), VETO_CATALOG_MAX_STEPS);
          return FALSE;
        }
      return TRUE;
    }

  if (s == e || *s == '#')
    return TRUE;

  if (has_hidden_control (s, e))
    {
      g_autofree char *name = check->group != NULL ? g_strndup (check->group, check->group_len) : g_strdup ("");

      g_set_error (check->error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   /* Translators: %s is a group of the catalog */
                   _("[%s]: a text holds a control character or a bidirectional override"), name);
      return FALSE;
    }

  /* no text looks like markup, and no translation is empty: the group's
   * name is only copied for a message */
  if (memchr (s, '<', e - s) == NULL && memchr (s, '&', e - s) == NULL && e[-1] != '=')
    return TRUE;

  group = check->group != NULL ? g_strndup (check->group, check->group_len) : NULL;

  if (!check_value_line (group, s, e, check->error))
    return FALSE;

  if (e[-1] == '=' && group != NULL)
    {
      const char *k = e - 1;

      /* `Key[xx] =`, spaces allowed around the `=` */
      while (k > s && g_ascii_isspace (k[-1]))
        k--;
      if (k > s && k[-1] == ']' && memchr (s, '[', k - s) != NULL)
        {
          g_autofree char *key = g_strndup (s, k - s);

          g_set_error (check->error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_MISSING_KEY,
                       _("[%s] %s: a translation must not be empty"), group, key);
          return FALSE;
        }
    }

  return TRUE;
}

/* GKeyFile resolves translations for one language only, so the raw lines
 * are read once first: no value, in any language, may look like markup, no
 * translation may be empty (`Title[fr]=`, which made a catalog valid or
 * not depending on the language it was read in), and too many steps are
 * refused before any is built. The group headers are counted: GKeyFile
 * silently merges a group that appears twice, which would hide two steps
 * sharing an id, so fewer groups in GKeyFile than headers here means a
 * duplicate (_veto_catalog_find_duplicate_group() names it). */
gboolean
_veto_catalog_check_raw_lines (const char  *data,
                               gsize        len,
                               guint       *out_n_groups,
                               GError     **error)
{
  RawCheck check = { .error = error };

  if (!foreach_line (data, len, check_raw_line, &check))
    return FALSE;

  *out_n_groups = check.n_groups;
  return TRUE;
}

static gboolean
check_duplicate_line (const char *s,
                      const char *e,
                      gpointer    user_data)
{
  GHashTable *seen = ((gpointer *)user_data)[0];
  GError **error = ((gpointer *)user_data)[1];
  char *name;

  if (!is_header (s, e))
    return TRUE;

  name = g_strndup (s + 1, e - s - 2);
  if (!g_hash_table_add (seen, name))
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_DUPLICATE_ID,
                   _("[%s]: this group appears more than once"), name);
      return FALSE;
    }

  return TRUE;
}

/* Only when the counts say there is one. */
gboolean
_veto_catalog_find_duplicate_group (const char  *data,
                                    gsize        len,
                                    GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gpointer args[] = { seen, error };

  if (!foreach_line (data, len, check_duplicate_line, args))
    return FALSE;

  /* GKeyFile and this scan disagree on what a header is: refuse rather
   * than guess */
  g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_PARSE,
               _("The catalog could not be read: %s"), _("a group header is not valid"));
  return FALSE;
}

static gboolean
check_regions (VetoCatalog  *self,
               VetoStep     *step,
               GError      **error)
{
  const char * const *regions = veto_step_get_regions (step);

  for (guint i = 0; regions[i] != NULL; i++)
    {
      if (g_str_equal (regions[i], "all"))
        continue;

      if (!g_hash_table_contains (self->region_by_id, regions[i]))
        {
          g_autofree char *group = g_strdup_printf ("Step %s", veto_step_get_id (step));

          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_REFERENCE,
                       _("[%s] %s: there is no region “%s”"), group, "Regions", regions[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* A step that takes its state from another (SameAs) must name a real step,
 * not itself and not one that itself follows a third: one hop, so that what
 * a person sees is always the state they recorded somewhere. The target must
 * apply wherever the step does, or the step would follow nothing there. */
static gboolean
check_same_as (VetoCatalog  *self,
               VetoStep     *step,
               const char   *group,
               GError      **error)
{
  const char *target_id = veto_step_get_same_as (step);
  VetoStep *target;
  const char * const *regions;

  if (target_id == NULL)
    return TRUE;

  target = g_hash_table_lookup (self->step_by_id, target_id);
  if (target == NULL || target == step)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_REFERENCE,
                   target == NULL ? _("[%s] %s: there is no step “%s”")
                                  : _("[%s] %s: “%s” is this step itself"),
                   group, "SameAs", target_id);
      return FALSE;
    }

  if (veto_step_get_same_as (target) != NULL)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   _("[%s] %s: “%s” takes its own state from another step"),
                   group, "SameAs", target_id);
      return FALSE;
    }

  if (veto_step_get_kind (target) != veto_step_get_kind (step))
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   _("[%s] %s: “%s” is not the same kind of step"),
                   group, "SameAs", target_id);
      return FALSE;
    }

  regions = veto_step_get_regions (step);
  for (guint i = 0; regions[i] != NULL; i++)
    {
      if (!(g_str_equal (regions[i], "all") ? g_strv_contains (veto_step_get_regions (target), "all")
                                            : veto_step_applies_to (target, regions[i])))
        {
          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                       _("[%s] %s: “%s” does not apply in region “%s”"),
                       group, "SameAs", target_id, regions[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* The phrases that read Meta's answer in its email decide, with the
 * person, whether an objection counts as accepted: each must be long
 * enough not to be found in any email ("oui") and at most a sentence. */
#define MIN_PHRASE_CHARS 8
#define MAX_PHRASE_CHARS 200

static gboolean
check_phrases (GStrv        phrases,
               const char  *key,
               GError     **error)
{
  for (guint i = 0; phrases[i] != NULL; i++)
    {
      glong n = g_utf8_strlen (phrases[i], -1);

      if (n < MIN_PHRASE_CHARS || n > MAX_PHRASE_CHARS)
        {
          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                       /* Translators: %s, %s: a group and a key of the catalog; then a phrase,
                        * then two numbers of characters */
                       _("[%s] %s: “%s” must be from %d to %d characters long"), "Catalog", key,
                       phrases[i], MIN_PHRASE_CHARS, MAX_PHRASE_CHARS);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_veto_catalog_load_header (VetoCatalog  *self,
                           GKeyFile     *keyfile,
                           GError      **error)
{
  g_auto(VetoCatalogGroup) group = { 0 };
  int format;

  if (!g_key_file_has_group (keyfile, "Catalog"))
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_MISSING_KEY,
                   _("[%s]: this group is required"), "Catalog");
      return FALSE;
    }

  veto_catalog_group_init (&group, keyfile, "Catalog", 0);
  if (!veto_catalog_get_int (&group, "Format", 1, &format, error))
    return FALSE;
  self->format = format;

  if (format > VETO_CATALOG_FORMAT)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_FORMAT,
                   _("This catalog uses format %d, and this version of Veto reads format %d or older. Update Veto to use it."),
                   format, VETO_CATALOG_FORMAT);
      return FALSE;
    }

  if (!veto_catalog_get_int (&group, "Version", 1, &self->version, error))
    return FALSE;

  /* A downloaded catalog is kept only when its version is higher: one
   * claiming 2147483647 would block every later update. */
  if (self->version > VETO_CATALOG_MAX_VERSION)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   _("[%s] %s: the version must be at most %d"), "Catalog", "Version", VETO_CATALOG_MAX_VERSION);
      return FALSE;
    }

  if (!(self->published = veto_catalog_get_date (&group, "Published", error)) ||
      !(self->name = veto_catalog_get_string (&group, "Name", TRUE, TRUE, error)) ||
      !(self->sender_domains = veto_catalog_get_list (&group, "SenderDomains", FALSE, error)) ||
      !(self->confirmation_phrases = veto_catalog_get_list (&group, "ConfirmationPhrases", FALSE, error)) ||
      !(self->refusal_phrases = veto_catalog_get_list (&group, "RefusalPhrases", FALSE, error)))
    return FALSE;

  if (!check_phrases (self->confirmation_phrases, "ConfirmationPhrases", error) ||
      !check_phrases (self->refusal_phrases, "RefusalPhrases", error))
    return FALSE;

  /* a phrase in both lists would make every email that has it both an
   * acceptance and a refusal, that is neither; each phrase is folded once
   * (comparing folded pairs cost more than the rest of the header) */
  {
    g_autoptr(GHashTable) confirmations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; self->confirmation_phrases[i] != NULL; i++)
      g_hash_table_add (confirmations, g_utf8_casefold (self->confirmation_phrases[i], -1));
    for (guint j = 0; self->refusal_phrases[j] != NULL; j++)
      {
        g_autofree char *b = g_utf8_casefold (self->refusal_phrases[j], -1);

        if (g_hash_table_contains (confirmations, b))
          {
            g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                         /* Translators: %s, %s: a group and a key of the catalog; then a phrase */
                         _("[%s] %s: “%s” is also a confirmation phrase"), "Catalog", "RefusalPhrases",
                         self->refusal_phrases[j]);
            return FALSE;
          }
      }
  }

  /* Meta's mail domains decide whether an email is evidence: each must be
   * a plain lowercase host name, never a pattern. */
  for (guint i = 0; self->sender_domains[i] != NULL; i++)
    {
      const char *d = self->sender_domains[i];
      gboolean ok = *d != '\0' && *d != '.' && *d != '-' && strchr (d, '.') != NULL &&
                    !g_str_has_suffix (d, ".") && strstr (d, "..") == NULL;

      for (const char *p = d; ok && *p; p++)
        ok = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '.';

      if (!ok)
        {
          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                       _("[%s] %s: “%s” is not a mail domain"), "Catalog", "SenderDomains", d);
          return FALSE;
        }
      if (!_veto_catalog_is_meta_mail_domain (d))
        {
          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                       /* Translators: %s, %s: a group and a key of the catalog; then a domain */
                       _("[%s] %s: “%s” is not one of Meta’s domains"), "Catalog", "SenderDomains", d);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_veto_catalog_load_group (VetoCatalog       *self,
                          GKeyFile          *keyfile,
                          const char        *group,
                          VetoCatalogFlags   flags,
                          GError           **error)
{
  const char *space = strchr (group, ' ');
  g_auto(VetoCatalogGroup) keys = { 0 };
  const char *id;
  gsize kind_len;

  if (g_str_equal (group, "Catalog"))
    return TRUE;

  if (space == NULL)
    goto unknown;

  kind_len = space - group;
  id = space + 1;
  veto_catalog_group_init (&keys, keyfile, group, self->format);

#define KIND_IS(k) (kind_len == strlen (k) && memcmp (group, k, kind_len) == 0)

  if (KIND_IS ("Region"))
    {
      g_autoptr(VetoRegion) region = NULL;

      if (!veto_catalog_check_id (group, id, error) ||
          !(region = _veto_region_new_from_group (&keys, id, error)))
        return FALSE;

      g_list_store_append (self->regions, region);
      g_hash_table_insert (self->region_by_id, (char *)veto_region_get_id (region), region);
      return TRUE;
    }

  if (KIND_IS ("App"))
    {
      g_autoptr(VetoApp) app = NULL;

      if (!veto_catalog_check_id (group, id, error) ||
          !(app = _veto_app_new_from_group (&keys, id, error)))
        return FALSE;

      g_list_store_append (self->apps, app);
      g_hash_table_insert (self->app_by_id, (char *)veto_app_get_id (app), app);
      return TRUE;
    }

  if (KIND_IS ("Step"))
    {
      g_autoptr(VetoStep) step = NULL;

      if (!veto_catalog_check_id (group, id, error) ||
          !(step = _veto_step_new_from_group (&keys, id, flags, error)))
        return FALSE;

      /* References are resolved after every group is read, so that a step
       * may come before its app in the file. */
      if (self->deferred != NULL)
        _veto_step_set_deferred (step, self->deferred);
      g_ptr_array_add (self->loading, g_object_ref (step));
      g_hash_table_insert (self->step_by_id, (char *)veto_step_get_id (step), step);
      return TRUE;
    }

  if (KIND_IS ("Source") && self->format >= 4)
    {
      g_autoptr(VetoSource) source = NULL;

      if (!veto_catalog_check_id (group, id, error) ||
          !(source = _veto_source_new_from_group (&keys, id, flags, error)))
        return FALSE;

      g_list_store_append (self->sources, source);
      g_hash_table_insert (self->source_by_id, (char *)veto_source_get_id (source), source);
      return TRUE;
    }

  if (KIND_IS ("Changes"))
    {
      g_autoptr(VetoChange) change = NULL;
      const char *name = strchr (id, ' ');
      g_autofree char *number = g_strndup (id, name ? (gsize)(name - id) : strlen (id));
      gint64 version;

      /* [Changes 2] or, to give each change its own summary, [Changes 2 NAME] */
      if (name != NULL && !veto_catalog_check_id (group, name + 1, error))
        return FALSE;

      if (!g_ascii_string_to_signed (number, 10, 1, G_MAXINT, &version, NULL))
        {
          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                       _("[%s]: “%s” is not a catalog version"), group, id);
          return FALSE;
        }

      if (!(change = _veto_change_new_from_group (&keys, (int)version, error)))
        return FALSE;

      g_list_store_append (self->changes, change);
      return TRUE;
    }

#undef KIND_IS

unknown:
  g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_GROUP,
               self->format >= 4 ? _("[%s]: unknown group; expected Catalog, Region, App, Step, Source or Changes")
                                 : _("[%s]: unknown group; expected Catalog, Region, App, Step or Changes"), group);
  return FALSE;
}

/* A letter cites the law of the place it is sent from: a step shown in
 * several regions has one per region (ObjectionText-REGION), each one a
 * region it is shown in, and none is missing, or a person there would
 * get no letter or another country's. A plain ObjectionText= is the
 * letter of a step shown in one region; before format 3 it was everyone's. */
static gboolean
check_objection_texts (VetoCatalog  *self,
                       VetoStep     *step,
                       GError      **error)
{
  GHashTable *texts = _veto_step_get_objection_texts (step);
  const char *plain = _veto_step_get_plain_objection_text (step);
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  g_autofree char *group = NULL;
  GHashTableIter iter;
  gpointer key;

  if (plain == NULL && g_hash_table_size (texts) == 0)
    return TRUE;

  group = g_strdup_printf ("Step %s", veto_step_get_id (step));

  /* the regions the step is shown in */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->regions)); i++)
    {
      g_autoptr(VetoRegion) region = g_list_model_get_item (G_LIST_MODEL (self->regions), i);

      if (veto_step_applies_to (step, veto_region_get_id (region)))
        g_ptr_array_add (regions, (gpointer)veto_region_get_id (region));
    }

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!veto_step_applies_to (step, key) || !g_hash_table_contains (self->region_by_id, key))
      {
        g_autofree char *name = g_strconcat ("ObjectionText-", (char *)key, NULL);

        g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_REFERENCE,
                     _("[%s] %s: the step is not shown in region “%s”"), group, name, (char *)key);
        return FALSE;
      }

  if (self->format < 3)
    return TRUE;

  if (plain != NULL && (g_hash_table_size (texts) > 0 || regions->len > 1))
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   g_hash_table_size (texts) > 0
                     ? _("[%s] %s: a step has one letter, or one per region (ObjectionText-REGION), not both")
                     : _("[%s] %s: a step shown in several regions has a letter for each, ObjectionText-REGION, citing that region’s law"),
                   group, "ObjectionText");
      return FALSE;
    }

  for (guint i = 0; plain == NULL && i < regions->len; i++)
    if (!g_hash_table_contains (texts, g_ptr_array_index (regions, i)))
      {
        g_autofree char *name = g_strconcat ("ObjectionText-", (char *)g_ptr_array_index (regions, i), NULL);

        g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_MISSING_KEY,
                     _("[%s] %s: the step is shown in this region, so it needs its letter there"),
                     group, name);
        return FALSE;
      }

  return TRUE;
}

/* Replaces= names steps that are gone: the progress store gives their
 * record to this one (veto_progress_store_adopt_replaced_records()), so a
 * step still in the catalog, or one replaced twice, would split a record. */
static gboolean
check_replaces (VetoCatalog  *self,
                VetoStep     *step,
                GHashTable   *replaced,
                GError      **error)
{
  const char * const *ids = veto_step_get_replaces (step);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_hash_table_contains (self->step_by_id, ids[i]) || !g_hash_table_add (replaced, (gpointer)ids[i]))
        {
          g_autofree char *group = g_strdup_printf ("Step %s", veto_step_get_id (step));

          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                       g_hash_table_contains (self->step_by_id, ids[i])
                         ? _("[%s] %s: “%s” is still a step of the catalog")
                         : _("[%s] %s: “%s” is replaced by another step already"),
                       group, "Replaces", ids[i]);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_veto_catalog_resolve_references (VetoCatalog  *self,
                                  GError      **error)
{
  guint n_steps = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  guint n_changes = g_list_model_get_n_items (G_LIST_MODEL (self->changes));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->regions)) == 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->apps)) == 0 ||
      n_steps == 0)
    {
      g_set_error_literal (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_MISSING_KEY,
                           _("A catalog needs at least one region, one app and one step."));
      return FALSE;
    }

  /* each app's steps, added to it in one go */
  g_autoptr(GHashTable) by_app = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  GHashTableIter iter;
  gpointer app_key, app_steps;

  g_autoptr(GHashTable) replaced = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);
      const char * const *app_ids = veto_step_get_app_ids (step);

      for (guint a = 0; app_ids[a] != NULL; a++)
        if (!g_hash_table_contains (self->app_by_id, app_ids[a]))
          {
            g_autofree char *group = g_strdup_printf ("Step %s", veto_step_get_id (step));

            g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_REFERENCE,
                         _("[%s] %s: there is no app “%s”"), group, "App", app_ids[a]);
            return FALSE;
          }

      if (!check_regions (self, step, error) ||
          (self->deferred == NULL && !_veto_step_resolve_sources (step, self->source_by_id, error)) ||
          (self->deferred == NULL && !check_objection_texts (self, step, error)) ||
          !check_replaces (self, step, replaced, error))
        return FALSE;

      /* the group's name only for the step that needs it: 10,000 steps */
      if (veto_step_get_same_as (step) != NULL)
        {
          g_autofree char *group = g_strdup_printf ("Step %s", veto_step_get_id (step));

          if (!check_same_as (self, step, group, error))
            return FALSE;
        }

      {
        const char * const *only_if = veto_step_get_only_if_refused_or_overdue (step);

        for (guint j = 0; only_if[j] != NULL; j++)
          {
            VetoStep *other = g_hash_table_lookup (self->step_by_id, only_if[j]);

            if (other == NULL || other == step)
              {
                g_autofree char *group = g_strdup_printf ("Step %s", veto_step_get_id (step));

                g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_REFERENCE,
                             _("[%s] %s: there is no other step “%s”"), group, "OnlyIf", only_if[j]);
                return FALSE;
              }
          }
      }

      /* a step on several apps is on each one's page */
      for (guint a = 0; app_ids[a] != NULL; a++)
        {
          VetoApp *app = g_hash_table_lookup (self->app_by_id, app_ids[a]);
          GPtrArray *steps = g_hash_table_lookup (by_app, app);

          if (steps == NULL)
            g_hash_table_insert (by_app, app, steps = g_ptr_array_new ());
          g_ptr_array_add (steps, step);
          if (veto_step_get_essential (step))
            for (guint k = 0; k + 1 < steps->len; k++)
              if (veto_step_get_essential (g_ptr_array_index (steps, k)))
                {
                  g_autofree char *group = g_strdup_printf ("Step %s", veto_step_get_id (step));

                  g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                               /* Translators: a group and a key of the catalog, then another step's id */
                               _("[%s] %s: an app has one essential step, and “%s” is already"),
                               group, "Essential", veto_step_get_id (g_ptr_array_index (steps, k)));
                  return FALSE;
                }
          if (steps->len > VETO_CATALOG_MAX_APP_STEPS)
            {
              g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_PARSE,
                           /* Translators: %s is an app's id, %d a number of steps */
                           _("The app “%s” has too many steps (at most %d)."),
                           veto_app_get_id (app), VETO_CATALOG_MAX_APP_STEPS);
              return FALSE;
            }
        }
    }

  g_hash_table_iter_init (&iter, by_app);
  while (g_hash_table_iter_next (&iter, &app_key, &app_steps))
    _veto_app_add_steps (app_key, (VetoStep **)((GPtrArray *)app_steps)->pdata, ((GPtrArray *)app_steps)->len);

  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(VetoChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);
      const char * const *ids = veto_change_get_steps (change);

      if (_veto_change_get_marked_summary (change) != NULL && self->deferred == NULL)
        {
          g_autoptr(GPtrArray) claims = veto_claims_split ("Summary", _veto_change_get_marked_summary (change), NULL);

          for (guint c = 0; c < claims->len; c++)
            {
              const char * const *sids = veto_claim_get_source_ids (g_ptr_array_index (claims, c));

              for (guint s = 0; sids[s] != NULL; s++)
                if (!g_hash_table_contains (self->source_by_id, sids[s]))
                  {
                    g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_REFERENCE,
                                 _("[Changes %d] %s: there is no source “%s”"),
                                 veto_change_get_version (change), "Summary", sids[s]);
                    return FALSE;
                  }
            }
        }

      for (guint j = 0; ids[j] != NULL; j++)
        {
          if (!g_hash_table_contains (self->step_by_id, ids[j]))
            {
              g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_REFERENCE,
                           _("[Changes %d] %s: there is no step “%s”"),
                           veto_change_get_version (change), "Steps", ids[j]);
              return FALSE;
            }
        }
    }

  return TRUE;
}
