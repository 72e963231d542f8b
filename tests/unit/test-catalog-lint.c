/* test-catalog-lint.c: the editorial rules of the catalog, over the merged
 * (English and French) bundled catalog, and docs/steps.md's table of what Veto
 * covers, generated from the catalog so that it cannot drift.
 *
 * The loader (veto-catalog.c) refuses what would break Veto; this lint
 * refuses what would mislead a person: a claim without a source, "high"
 * without Meta's word and an independent one, an uncertain step that does
 * not say so, a date that claims more than was checked, a missing French
 * text. Each rule fails on a fixture in tests/lint/ made to break it.
 *
 *   test-catalog-lint --steps-table [CATALOG]    prints docs/steps.md's table
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-catalog.h"
#include "veto-catalog-keys.h"
#include "veto-catalog-updater.h"
#include "veto-claim.h"
#include "veto-i18n.h"
#include "test-letter-laws.h"

static const char * const meta_hosts[] = {
  "facebook.com", "instagram.com", "whatsapp.com", "messenger.com",
  "threads.net", "threads.com", "meta.com", "fb.com",
};

static const char * const translatable_keys[] = {
  "Name", "Description", "Title", "RecordTitle", "InAppPath", "Caveats", "ObjectionText", "SourceNotes", "Summary",
};

static gboolean
host_is_meta (const char *host)
{
  gsize host_len = strlen (host);

  for (guint i = 0; i < G_N_ELEMENTS (meta_hosts); i++)
    {
      gsize len = strlen (meta_hosts[i]);

      if (g_ascii_strcasecmp (host, meta_hosts[i]) == 0 ||
          (host_len > len + 1 && host[host_len - len - 1] == '.' &&
           g_ascii_strcasecmp (host + host_len - len, meta_hosts[i]) == 0))
        return TRUE;
    }

  return FALSE;
}

static void
problem (GPtrArray  *problems,
         const char *rule,
         const char *group,
         const char *message)
{
  g_ptr_array_add (problems, g_strdup_printf ("%s: [%s] %s", rule, group, message));
}

static char *
lower_text (GKeyFile   *keyfile,
            const char *group,
            const char *locale)
{
  g_autoptr(GString) all = g_string_new (NULL);
  const char *keys[] = { "Title", "Description", "Caveats" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = NULL;

      if (locale == NULL)
        value = g_key_file_get_string (keyfile, group, keys[i], NULL);
      else
        {
          g_autofree char *key = g_strdup_printf ("%s[%s]", keys[i], locale);

          value = g_key_file_get_string (keyfile, group, key, NULL);
        }
      if (value != NULL)
        g_string_append_printf (all, "%s\n", value);
    }

  return g_utf8_strdown (all->str, -1);
}

/* A site named in SourceNotes ("frc.ch", "phoneworld.com.pk") that is not
 * Meta's: an independent source that can't be linked. */
static gboolean
notes_name_independent_site (const char *notes)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\b[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}\\b", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (notes == NULL)
    return FALSE;

  g_regex_match (regex, notes, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *host = g_match_info_fetch (match, 0);

      if (!host_is_meta (host))
        return TRUE;
      g_match_info_next (match, NULL);
    }

  return FALSE;
}

static void
lint_step (GKeyFile   *keyfile,
           const char *group,
           int         format,
           GDateTime  *published,
           GPtrArray  *problems)
{
  g_auto(GStrv) sources = g_key_file_get_string_list (keyfile, group, "Sources", NULL, NULL);
  g_autofree char *notes = g_key_file_get_string (keyfile, group, "SourceNotes", NULL);
  g_autofree char *confidence = g_key_file_get_string (keyfile, group, "Confidence", NULL);
  g_autofree char *kind = g_key_file_get_string (keyfile, group, "Kind", NULL);
  g_auto(GStrv) keys = g_key_file_get_keys (keyfile, group, NULL, NULL);
  gboolean meta = FALSE;
  gboolean independent = notes_name_independent_site (notes);
  guint n_sources = 0;
  const char *date_keys[] = { "LastVerified", "LinkChecked" };

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (g_strstrip (sources[i]), G_URI_FLAGS_NONE, NULL);

      if (*sources[i] == '\0')
        continue;
      n_sources++;
      if (uri == NULL || g_uri_get_host (uri) == NULL)
        continue;
      if (host_is_meta (g_uri_get_host (uri)))
        meta = TRUE;
      else
        independent = TRUE;
    }

  /* every step has at least one source (format 4: its claims cite them,
   * lint_citations()) */
  if (format < 4 && n_sources == 0 && (notes == NULL || *g_strstrip (notes) == '\0'))
    problem (problems, "source", group, "no source, in Sources or SourceNotes");

  /* high: Meta's own material and an independent source on another host */
  if (format < 4 && g_strcmp0 (confidence, "high") == 0)
    {
      if (!meta)
        problem (problems, "high", group, "high confidence without a source on Meta’s own hosts");
      if (!independent)
        problem (problems, "high", group, "high confidence without an independent source on another host");
    }

  /* low: the visible text says "reported", in both languages */
  if (g_strcmp0 (confidence, "low") == 0)
    {
      g_autofree char *en = lower_text (keyfile, group, NULL);
      g_autofree char *fr = lower_text (keyfile, group, "fr");

      if (strstr (en, "reported") == NULL)
        problem (problems, "reported", group, "low confidence, but the English text never says “reported”");
      if (strstr (fr, "non confirmé") == NULL && strstr (fr, "selon certaines sources") == NULL)
        problem (problems, "reported", group, "low confidence, but the French text says neither « non confirmé » nor « selon certaines sources »");
    }

  /* an information step asks nothing: no form */
  if (g_strcmp0 (kind, "information") == 0)
    {
      const char *form_keys[] = { "Url", "FallbackUrls", "ObjectionText" };

      for (guint i = 0; i < G_N_ELEMENTS (form_keys); i++)
        if (g_key_file_has_key (keyfile, group, form_keys[i], NULL))
          problem (problems, "information-form", group, form_keys[i]);
      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        if (g_str_has_prefix (keys[i], "ObjectionText-") && strchr (keys[i], '[') == NULL)
          problem (problems, "information-form", group, keys[i]);
    }

  /* each region's letter, in English and in French, cites that region's
   * law and no other country's */
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char *region = keys[i] + strlen ("ObjectionText-");
      const char *locales[] = { NULL, "fr" };

      if (!g_str_has_prefix (keys[i], "ObjectionText-") || strchr (keys[i], '[') != NULL)
        continue;
      for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
        {
          g_autofree char *text = locales[l] ? g_key_file_get_locale_string (keyfile, group, keys[i], locales[l], NULL)
                                             : g_key_file_get_string (keyfile, group, keys[i], NULL);
          g_autofree char *wrong = text ? letter_law_problem (region, text) : NULL;

          if (wrong != NULL)
            {
              g_autofree char *message = g_strdup_printf ("%s%s: %s", keys[i], locales[l] ? "[fr]" : "", wrong);

              problem (problems, "letter-law", group, message);
            }
        }
    }

  /* no date later than the catalog's publication */
  for (guint i = 0; i < G_N_ELEMENTS (date_keys); i++)
    {
      g_autofree char *value = g_key_file_get_string (keyfile, group, date_keys[i], NULL);
      g_autoptr(GDateTime) date = veto_parse_date (value);

      if (value != NULL && (date == NULL || published == NULL ||
                            g_date_time_compare (date, published) > 0))
        problem (problems, "date", group, date_keys[i]);
    }
}


/* ---- Format 4: citations (docs/catalog-format.md, "Editorial rules") ---- */

/* What a sentence citing a Weak=true source must say, lower-cased: it
 * tells the person that one report, not an established fact, is behind
 * it. Kept short on purpose: a longer list would let vaguer wording by. */
static const char * const weak_words_en[] = { "reported", "one source", NULL };
static const char * const weak_words_fr[] = { "selon", "une source", "non confirmé", NULL };

typedef struct
{
  GStrv     regions;   /* empty: everywhere */
  char     *kind;
  gboolean  weak;
  gboolean  cited;
} LintSource;

static void
lint_source_free (gpointer data)
{
  LintSource *source = data;

  g_strfreev (source->regions);
  g_free (source->kind);
  g_free (source);
}

/* Whether @key of @group holds claims, and whether each must be cited:
 * a step's texts and its region variants, a change's summary. A region's
 * or an app's description may cite (its markers are checked) but need not. */
static gboolean
is_claim_key (const char *group,
              const char *key,
              gboolean   *required)
{
  *required = FALSE;
  if (strchr (key, '[') != NULL)
    return FALSE;
  if (g_str_has_prefix (group, "Step "))
    {
      *required = TRUE;
      return g_str_equal (key, "Description") || g_str_equal (key, "Caveats") ||
             g_str_has_prefix (key, "Description-") || g_str_has_prefix (key, "Caveats-");
    }
  if (g_str_has_prefix (group, "Changes "))
    {
      *required = TRUE;
      return g_str_equal (key, "Summary");
    }
  return (g_str_has_prefix (group, "Region ") || g_str_has_prefix (group, "App ")) &&
         g_str_equal (key, "Description");
}

/* The regions a key is shown in; "all" stands for every region. */
static GStrv
shown_regions (GKeyFile   *keyfile,
               const char *group,
               const char *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *dash = strchr (key, '-');

  if (dash != NULL)
    g_strv_builder_add (builder, dash + 1);
  else if (g_str_has_prefix (group, "Step "))
    {
      g_auto(GStrv) regions = g_key_file_get_string_list (keyfile, group, "Regions", NULL, NULL);

      for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
        g_strv_builder_add (builder, g_strstrip (regions[i]));
    }
  else if (g_str_has_prefix (group, "Region "))
    g_strv_builder_add (builder, group + strlen ("Region "));
  else if (g_str_has_prefix (group, "Changes "))
    {
      /* a change is shown with the steps it names */
      g_auto(GStrv) steps = g_key_file_get_string_list (keyfile, group, "Steps", NULL, NULL);

      for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
        {
          g_autofree char *step_group = g_strconcat ("Step ", g_strstrip (steps[i]), NULL);
          g_auto(GStrv) regions = g_key_file_get_string_list (keyfile, step_group, "Regions", NULL, NULL);

          for (guint j = 0; regions != NULL && regions[j] != NULL; j++)
            g_strv_builder_add (builder, g_strstrip (regions[j]));
        }
    }
  else
    g_strv_builder_add (builder, "all");

  return g_strv_builder_end (builder);
}

static char *
marker_sequence (GPtrArray *claims)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < claims->len; i++)
    for (const char * const *ids = veto_claim_get_source_ids (g_ptr_array_index (claims, i)); *ids; ids++)
      g_string_append_printf (out, "[[%s]]", *ids);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
says_any (const char         *text,
          const char * const *words)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autoptr(GString) plain = g_string_new (lower);

  g_string_replace (plain, "’", "'", 0);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (plain->str, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
problemf (GPtrArray  *problems,
          const char *rule,
          const char *group,
          const char *format,
          ...) G_GNUC_PRINTF (4, 5);

static void
problemf (GPtrArray  *problems,
          const char *rule,
          const char *group,
          const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  problem (problems, rule, group, message);
}

/* One claim key of one group, in English and in French. */
static void
lint_claim_key (GKeyFile    *keyfile,
                const char  *group,
                const char  *key,
                gboolean     required,
                GHashTable  *sources,
                GHashTable  *used_quotes,
                GPtrArray   *cited_kinds,
                GPtrArray   *problems)
{
  g_autofree char *en = g_key_file_get_string (keyfile, group, key, NULL);
  g_autofree char *fr_key = g_strconcat (key, "[fr]", NULL);
  g_autofree char *fr = g_key_file_get_string (keyfile, group, fr_key, NULL);
  g_auto(GStrv) shown = shown_regions (keyfile, group, key);
  const char *texts[] = { en, fr };
  const char *names[] = { key, fr_key };
  const char * const *weak_words[] = { weak_words_en, weak_words_fr };
  g_autofree char *en_markers = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autofree char *uncited = NULL;
      g_autoptr(GPtrArray) claims = NULL;

      if (texts[t] == NULL)
        continue;
      claims = veto_claims_split (key, texts[t], &uncited);

      if (uncited != NULL && required)
        problemf (problems, "uncited", group, "%s: “%s” has no [[source]] marker after it", names[t], uncited);

      /* translators keep the markers, in the same order */
      if (t == 0)
        en_markers = marker_sequence (claims);
      else
        {
          g_autofree char *fr_markers = marker_sequence (claims);

          if (g_strcmp0 (en_markers, fr_markers) != 0)
            problemf (problems, "french-markers", group, "%s: markers %s differ from the English %s",
                      names[t], fr_markers, en_markers ? en_markers : "(none)");
        }

      for (guint c = 0; c < claims->len; c++)
        {
          VetoClaim *claim = g_ptr_array_index (claims, c);
          const char * const *ids = veto_claim_get_source_ids (claim);

          if (*veto_claim_get_text (claim) == '\0')
            problemf (problems, "uncited", group, "%s: a marker %s follows no text", names[t], ids[0]);

          for (guint i = 0; ids[i] != NULL; i++)
            {
              LintSource *source = g_hash_table_lookup (sources, ids[i]);
              g_autofree char *quote_key = g_strconcat ("Quote-", ids[i], NULL);

              if (source == NULL)
                {
                  problemf (problems, "unknown-source", group, "%s: [[%s]] names no [Source %s] group",
                            names[t], ids[i], ids[i]);
                  continue;
                }
              source->cited = TRUE;
              g_ptr_array_add (cited_kinds, source->kind);
              g_hash_table_add (used_quotes, g_strdup (ids[i]));

              if (t == 0 && !g_key_file_has_key (keyfile, group, quote_key, NULL))
                problemf (problems, "quote", group, "%s: [[%s]] has no %s= in this group", names[t], ids[i], quote_key);

              if (t == 0 && source->regions[0] != NULL)
                for (guint r = 0; shown[r] != NULL; r++)
                  if (!g_strv_contains ((const char * const *)source->regions, shown[r]))
                    problemf (problems, "source-region", group,
                              "%s: [[%s]] is a source for %s only, but this text is shown in %s",
                              names[t], ids[i], source->regions[0], shown[r]);

              if (source->weak && !says_any (veto_claim_get_text (claim), weak_words[t]))
                problemf (problems, "weak", group,
                          t == 0 ? "%s: “%s” cites the weak source %s without saying “reported” or “one source”"
                                 : "%s: « %s » cites the weak source %s without saying « selon », « une source » or « non confirmé »",
                          names[t], veto_claim_get_text (claim), ids[i]);
            }
        }
    }
}

/* Reads the [Source] groups: each has exactly one of ReadOn and NotesOn,
 * and no date after the catalog's publication. */
static GHashTable *
lint_sources (GKeyFile   *keyfile,
              GStrv       groups,
              GDateTime  *published,
              GPtrArray  *problems)
{
  GHashTable *sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, lint_source_free);
  const char *date_keys[] = { "ReadOn", "NotesOn", "LinkChecked" };

  for (guint i = 0; groups[i] != NULL; i++)
    {
      LintSource *source;
      gboolean read_on, notes_on;

      if (!g_str_has_prefix (groups[i], "Source "))
        continue;

      source = g_new0 (LintSource, 1);
      source->regions = g_key_file_get_string_list (keyfile, groups[i], "Regions", NULL, NULL);
      if (source->regions == NULL)
        source->regions = g_new0 (char *, 1);
      for (guint r = 0; source->regions[r] != NULL; r++)
        g_strstrip (source->regions[r]);
      source->kind = g_key_file_get_string (keyfile, groups[i], "Kind", NULL);
      source->weak = g_key_file_get_boolean (keyfile, groups[i], "Weak", NULL);
      g_hash_table_insert (sources, g_strdup (groups[i] + strlen ("Source ")), source);

      read_on = g_key_file_has_key (keyfile, groups[i], "ReadOn", NULL);
      notes_on = g_key_file_has_key (keyfile, groups[i], "NotesOn", NULL);
      if (read_on && notes_on)
        problem (problems, "read-on", groups[i], "ReadOn: both ReadOn and NotesOn; a source was read, or only our notes were");
      else if (!read_on && !notes_on)
        problem (problems, "read-on", groups[i], "ReadOn: neither ReadOn nor NotesOn");

      for (guint d = 0; d < G_N_ELEMENTS (date_keys); d++)
        {
          g_autofree char *value = g_key_file_get_string (keyfile, groups[i], date_keys[d], NULL);
          g_autoptr(GDateTime) date = veto_parse_date (value);

          if (value != NULL && (date == NULL || published == NULL || g_date_time_compare (date, published) > 0))
            problemf (problems, "date", groups[i], "%s: %s is not a date on or before the catalog’s Published", date_keys[d], value);
        }
    }

  return sources;
}

static void
lint_citations (GKeyFile   *keyfile,
                GStrv       groups,
                GDateTime  *published,
                GPtrArray  *problems)
{
  g_autoptr(GHashTable) sources = lint_sources (keyfile, groups, published, problems);
  GHashTableIter iter;
  gpointer id, value;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (keyfile, groups[i], NULL, NULL);
      g_autoptr(GHashTable) used_quotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) cited_kinds = g_ptr_array_new ();

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          gboolean required;

          if (is_claim_key (groups[i], keys[k], &required))
            lint_claim_key (keyfile, groups[i], keys[k], required, sources, used_quotes, cited_kinds, problems);
        }

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        if (g_str_has_prefix (keys[k], "Quote-") && strchr (keys[k], '[') == NULL &&
            !g_hash_table_contains (used_quotes, keys[k] + strlen ("Quote-")))
          problemf (problems, "quote-unused", groups[i], "%s: no marker in this group cites %s",
                    keys[k], keys[k] + strlen ("Quote-"));

      /* high: Meta's own material and an independent source of another kind */
      if (g_str_has_prefix (groups[i], "Step "))
        {
          g_autofree char *confidence = g_key_file_get_string (keyfile, groups[i], "Confidence", NULL);
          gboolean meta = FALSE, independent = FALSE;

          for (guint c = 0; c < cited_kinds->len; c++)
            {
              if (g_strcmp0 (g_ptr_array_index (cited_kinds, c), "meta") == 0)
                meta = TRUE;
              else
                independent = TRUE;
            }
          if (g_strcmp0 (confidence, "high") == 0 && !meta)
            problem (problems, "high", groups[i], "Confidence: high without a cited source of Kind=meta");
          if (g_strcmp0 (confidence, "high") == 0 && !independent)
            problem (problems, "high", groups[i], "Confidence: high without a cited independent source (a Kind other than meta)");
        }
    }

  g_hash_table_iter_init (&iter, sources);
  while (g_hash_table_iter_next (&iter, &id, &value))
    if (!((LintSource *)value)->cited)
      {
        g_autofree char *group = g_strconcat ("Source ", (char *)id, NULL);

        problem (problems, "uncited-source", group, "no [[marker]] cites this source");
      }
}

/**
 * lint:
 * @keyfile: a merged catalog (with `Key[fr]=` entries)
 *
 * Returns: (transfer full): one line per problem, "RULE: [GROUP] what"
 */
static GPtrArray *
lint (GKeyFile *keyfile)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);
  g_autofree char *published_text = g_key_file_get_string (keyfile, "Catalog", "Published", NULL);
  g_autoptr(GDateTime) published = veto_parse_date (published_text);
  int format = g_key_file_get_integer (keyfile, "Catalog", "Format", NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      /* every translatable text has its French */
      for (guint k = 0; k < G_N_ELEMENTS (translatable_keys); k++)
        {
          g_autofree char *fr_key = g_strdup_printf ("%s[fr]", translatable_keys[k]);

          if (g_key_file_has_key (keyfile, groups[i], translatable_keys[k], NULL) &&
              !g_key_file_has_key (keyfile, groups[i], fr_key, NULL))
            problem (problems, "french", groups[i], translatable_keys[k]);
        }
      /* and so does each region's letter (ObjectionText-eu…) */
      {
        g_auto(GStrv) keys = g_key_file_get_keys (keyfile, groups[i], NULL, NULL);

        for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
          {
            g_autofree char *fr_key = g_strdup_printf ("%s[fr]", keys[k]);

            if ((g_str_has_prefix (keys[k], "ObjectionText-") || g_str_has_prefix (keys[k], "Description-") ||
                 g_str_has_prefix (keys[k], "Caveats-")) && strchr (keys[k], '[') == NULL &&
                !g_key_file_has_key (keyfile, groups[i], fr_key, NULL))
              problem (problems, "french", groups[i], keys[k]);
          }
      }

      if (g_str_has_prefix (groups[i], "Step "))
        lint_step (keyfile, groups[i], format, published, problems);
    }

  if (format >= 4)
    lint_citations (keyfile, groups, published, problems);

  return problems;
}

static GKeyFile *
load_keyfile (const char *path)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&keyfile);
}

static char *
bundled_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "data", "catalog", "meta.steps", NULL);
}

static void
test_bundled (void)
{
  g_autofree char *path = bundled_path ();
  g_autoptr(GKeyFile) keyfile = load_keyfile (path);
  g_autoptr(GPtrArray) problems = lint (keyfile);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *)g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_good_fixture (gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "lint", data, NULL);
  g_autoptr(GKeyFile) keyfile = load_keyfile (path);
  g_autoptr(GPtrArray) problems = lint (keyfile);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VetoCatalog) catalog = NULL;

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *)g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  /* the fixtures are real catalogs: the lint is all that faults them */
  catalog = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
}

typedef struct
{
  const char *fixture;
  const char *rule;
} BadFixture;

static const BadFixture bad_fixtures[] = {
  { "source", "source" },
  { "high", "high" },
  { "high-meta", "high" },
  { "reported", "reported" },
  { "reported-fr", "reported" },
  { "information-form", "information-form" },
  { "information-letter", "information-form" },
  { "letter-law", "letter-law" },
  { "letter-law-fr", "letter-law" },
  { "letter-own-law", "letter-law" },
  { "french-letter", "french" },
  { "date", "date" },
  { "date-link", "date" },
  { "french", "french" },
  { "french-caveat", "french" },
  { "format4-uncited", "uncited" },
  { "format4-unknown-source", "unknown-source" },
  { "format4-quote", "quote" },
  { "format4-quote-unused", "quote-unused" },
  { "format4-uncited-source", "uncited-source" },
  { "format4-source-region", "source-region" },
  { "format4-french-markers", "french-markers" },
  { "format4-read-on", "read-on" },
  { "format4-read-on-none", "read-on" },
  { "format4-date", "date" },
  { "format4-weak", "weak" },
  { "format4-weak-fr", "weak" },
  { "format4-high", "high" },
};

/* Each bad fixture breaks its rule and only it: a rule that could not
 * fail, or that fires for the wrong reason, shows here. */
static void
test_bad_fixture (gconstpointer data)
{
  const BadFixture *bad = data;
  g_autofree char *name = g_strconcat (bad->fixture, ".steps", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "lint", name, NULL);
  g_autoptr(GKeyFile) keyfile = load_keyfile (path);
  g_autoptr(GPtrArray) problems = lint (keyfile);
  g_autofree char *prefix = g_strconcat (bad->rule, ": ", NULL);

  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    {
      g_test_message ("%s", (char *)g_ptr_array_index (problems, i));
      g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), prefix));
    }
}

/* docs/steps.md's table: one row per step, the regions in catalog order. */
static char *
steps_table (VetoCatalog *catalog)
{
  GListModel *regions = veto_catalog_get_regions (catalog);
  GListModel *steps = veto_catalog_get_steps (catalog);
  GString *out = g_string_new ("| app | step |");

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(VetoRegion) region = g_list_model_get_item (regions, i);

      g_string_append_printf (out, " %s |", veto_region_get_name (region));
    }
  g_string_append (out, " how sure | done |\n|---|---|");
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    g_string_append (out, ":-:|");
  g_string_append (out, "---|---|\n");

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);
      const char * const *app_ids = veto_step_get_app_ids (step);
      const char *same_as = veto_step_get_same_as (step);
      const char *scope = NULL;

      /* a step on several apps (one complaint) names them all */
      g_string_append (out, "| ");
      for (guint a = 0; app_ids[a] != NULL; a++)
        g_string_append_printf (out, "%s%s", a > 0 ? ", " : "",
                                veto_app_get_name (veto_catalog_lookup_app (catalog, app_ids[a])));
      g_string_append_printf (out, " | %s |", veto_step_get_title (step));
      for (guint r = 0; r < g_list_model_get_n_items (regions); r++)
        {
          g_autoptr(VetoRegion) region = g_list_model_get_item (regions, r);

          g_string_append (out, veto_step_applies_to (step, veto_region_get_id (region)) ? " ✓ |" : " |");
        }

      switch (veto_step_get_scope (step))
        {
        case VETO_STEP_SCOPE_ACCOUNT:
          scope = "per account";
          break;
        case VETO_STEP_SCOPE_APP:
          scope = "once";
          break;
        case VETO_STEP_SCOPE_ACCOUNTS_CENTER:
          scope = "once in Accounts Center";
          break;
        default:
          g_assert_not_reached ();
        }
      g_string_append_printf (out, " %s%s | %s", veto_confidence_to_string (veto_step_get_confidence (step)),
                              veto_step_get_confidence (step) == VETO_CONFIDENCE_LOW ? " (reported)" : "",
                              scope);
      if (same_as != NULL)
        {
          VetoStep *target = veto_catalog_lookup_step (catalog, same_as);
          VetoApp *target_app = veto_catalog_lookup_app (catalog, veto_step_get_app_id (target));

          g_string_append_printf (out, ", same as %s’s", veto_app_get_name (target_app));
        }
      g_string_append (out, " |\n");
    }

  return g_string_free (out, FALSE);
}

static VetoCatalog *
load_catalog (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VetoCatalog *catalog;

  veto_i18n_set_language ("en");
  catalog = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_ALLOW_LOOPBACK, &error);
  veto_i18n_set_language (NULL);
  g_assert_no_error (error);
  return catalog;
}

#define TABLE_BEGIN "<!-- catalog-table: generated by `_build/tests/test-catalog-lint --steps-table`; do not edit -->\n"
#define TABLE_END "<!-- catalog-table end -->"

static void
test_steps_table (void)
{
  g_autofree char *path = bundled_path ();
  g_autofree char *steps_doc_path = g_test_build_filename (G_TEST_DIST, "..", "docs", "steps.md", NULL);
  g_autoptr(VetoCatalog) catalog = load_catalog (path);
  g_autofree char *table = steps_table (catalog);
  g_autofree char *steps_doc = NULL;
  const char *begin;
  const char *end;
  g_autofree char *copy = NULL;

  g_assert_true (g_file_get_contents (steps_doc_path, &steps_doc, NULL, NULL));
  begin = strstr (steps_doc, TABLE_BEGIN);
  g_assert_nonnull (begin);
  begin += strlen (TABLE_BEGIN);
  end = strstr (begin, TABLE_END);
  g_assert_nonnull (end);
  copy = g_strndup (begin, end - begin);

  if (!g_str_equal (copy, table))
    g_test_message ("docs/steps.md's table differs from the catalog; regenerate it with "
                    "`_build/tests/test-catalog-lint --steps-table`:\n%s", table);
  g_assert_cmpstr (copy, ==, table);
}

/* The merged catalog, as it is published, must be one an installed Veto
 * downloads: the updater refuses more than VETO_CATALOG_UPDATER_MAX_SIZE.
 * Half of it is the warning line, so that the limit is raised (in a
 * release, before a catalog needs it) rather than met by a publisher. */
static void
test_bundled_size (void)
{
  g_autofree char *path = g_build_filename (BUILD_ROOT, "data", "catalog", "meta.steps", NULL);
  g_autofree char *text = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes, the download limit %d", path, len, VETO_CATALOG_UPDATER_MAX_SIZE);
  g_assert_cmpuint (len, <=, VETO_CATALOG_UPDATER_MAX_SIZE / 2);
}

int
main (int   argc,
      char *argv[])
{
  veto_i18n_init ();

  if (argc >= 2 && g_str_equal (argv[1], "--steps-table"))
    {
      g_autofree char *path = argc >= 3 ? g_strdup (argv[2])
                                        : g_build_filename (BUILD_ROOT, "data", "catalog", "meta.steps", NULL);
      g_autoptr(VetoCatalog) catalog = load_catalog (path);
      g_autofree char *table = steps_table (catalog);

      g_print ("%s", table);
      return 0;
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lint/bundled", test_bundled);
  g_test_add_func ("/lint/bundled-size", test_bundled_size);
  g_test_add_data_func ("/lint/good-fixture", "good.steps", test_good_fixture);
  g_test_add_data_func ("/lint/good-fixture-format-4", "good4.steps", test_good_fixture);
  /* the region pages and complaint routes, as the bundled catalog has them */
  g_test_add_data_func ("/lint/good-fixture-regions", "regions4.steps", test_good_fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad_fixtures); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/lint/bad/%s", bad_fixtures[i].fixture);

      g_test_add_data_func (test_path, &bad_fixtures[i], test_bad_fixture);
    }
  g_test_add_func ("/lint/steps-table", test_steps_table);

  return g_test_run ();
}
