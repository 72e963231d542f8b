/* test-catalog-lint.c: the editorial rules of the catalog, over the merged
 * (English and French) bundled catalog, and the README's table of what Veto
 * covers, generated from the catalog so that it cannot drift.
 *
 * The loader (veto-catalog.c) refuses what would break Veto; this lint
 * refuses what would mislead a person: a claim without a source, "high"
 * without Meta's word and an independent one, an uncertain step that does
 * not say so, a date that claims more than was checked, a missing French
 * text. Each rule fails on a fixture in tests/lint/ made to break it.
 *
 *   test-catalog-lint --readme-table [CATALOG]   prints the README's table
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-catalog.h"
#include "veto-catalog-keys.h"
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

  /* every step has at least one source */
  if (n_sources == 0 && (notes == NULL || *g_strstrip (notes) == '\0'))
    problem (problems, "source", group, "no source, in Sources or SourceNotes");

  /* high: Meta's own material and an independent source on another host */
  if (g_strcmp0 (confidence, "high") == 0)
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

            if (g_str_has_prefix (keys[k], "ObjectionText-") && strchr (keys[k], '[') == NULL &&
                !g_key_file_has_key (keyfile, groups[i], fr_key, NULL))
              problem (problems, "french", groups[i], keys[k]);
          }
      }

      if (g_str_has_prefix (groups[i], "Step "))
        lint_step (keyfile, groups[i], published, problems);
    }

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
test_good_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "lint", "good.steps", NULL);
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

/* The README's table: one row per step, the regions in catalog order. */
static char *
readme_table (VetoCatalog *catalog)
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

#define TABLE_BEGIN "<!-- catalog-table: generated by `_build/tests/test-catalog-lint --readme-table`; do not edit -->\n"
#define TABLE_END "<!-- catalog-table end -->"

static void
test_readme (void)
{
  g_autofree char *path = bundled_path ();
  g_autofree char *readme_path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
  g_autoptr(VetoCatalog) catalog = load_catalog (path);
  g_autofree char *table = readme_table (catalog);
  g_autofree char *readme = NULL;
  const char *begin;
  const char *end;
  g_autofree char *copy = NULL;

  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  begin = strstr (readme, TABLE_BEGIN);
  g_assert_nonnull (begin);
  begin += strlen (TABLE_BEGIN);
  end = strstr (begin, TABLE_END);
  g_assert_nonnull (end);
  copy = g_strndup (begin, end - begin);

  if (!g_str_equal (copy, table))
    g_test_message ("The README's table differs from the catalog; regenerate it with "
                    "`_build/tests/test-catalog-lint --readme-table`:\n%s", table);
  g_assert_cmpstr (copy, ==, table);
}

int
main (int   argc,
      char *argv[])
{
  veto_i18n_init ();

  if (argc >= 2 && g_str_equal (argv[1], "--readme-table"))
    {
      g_autofree char *path = argc >= 3 ? g_strdup (argv[2])
                                        : g_build_filename (BUILD_ROOT, "data", "catalog", "meta.steps", NULL);
      g_autoptr(VetoCatalog) catalog = load_catalog (path);
      g_autofree char *table = readme_table (catalog);

      g_print ("%s", table);
      return 0;
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lint/bundled", test_bundled);
  g_test_add_func ("/lint/good-fixture", test_good_fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad_fixtures); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/lint/bad/%s", bad_fixtures[i].fixture);

      g_test_add_data_func (test_path, &bad_fixtures[i], test_bad_fixture);
    }
  g_test_add_func ("/lint/readme-table", test_readme);

  return g_test_run ();
}
