/* test-catalog.c: loading and validating catalogs
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "veto-catalog.h"
#include "veto-i18n.h"
#include "test-fixtures.h"
#include "test-letter-laws.h"

static VetoCatalog *
load_string (const char        *text,
             VetoCatalogFlags   flags,
             GError           **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return veto_catalog_new_from_bytes (bytes, flags, error);
}

/* The base catalog with one substring replaced: each invalid case below is
 * the smallest edit that breaks one rule. */
static char *
edit (const char *from,
      const char *to)
{
  g_autoptr(GString) s = g_string_new (TEST_CATALOG);

  g_assert_nonnull (strstr (s->str, from));
  g_string_replace (s, from, to, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "&" and "<" are text too: "R&D", "< 16". Only tags and entities are
 * refused. And an upper-case host is the same host to a browser. */
static void
test_plain_text (void)
{
  g_autofree char *text = edit ("Title=Object\n", "Title=R&D, AT&T & < 16 > 3\n");
  g_autofree char *text2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = load_string (text, VETO_CATALOG_FLAGS_NONE, &error);
  g_autoptr(VetoCatalog) catalog2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (veto_step_get_title (veto_catalog_lookup_step (catalog, "facebook-object")), ==,
                   "R&D, AT&T & < 16 > 3");

  text2 = edit ("Url=https://www.facebook.com/help/contact/6359191084165019",
                "Url=https://WWW.Facebook.COM/help/contact/6359191084165019?a=1&b=2");
  catalog2 = load_string (text2, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog2);
}

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = load_string (TEST_CATALOG, VETO_CATALOG_FLAGS_NONE, &error);
  g_autoptr(VetoApp) first_app = NULL;
  g_autoptr(VetoStep) first_step = NULL;
  g_autoptr(GListModel) eu_steps = NULL;
  g_autoptr(GListModel) other_steps = NULL;
  g_autoptr(GDateTime) published = g_date_time_new_utc (2026, 11, 29, 0, 0, 0);
  VetoStep *step;

  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  g_assert_cmpint (veto_catalog_get_version (catalog), ==, 3);
  g_assert_true (g_date_time_equal (veto_catalog_get_published (catalog), published));
  g_assert_cmpuint (g_list_model_get_n_items (veto_catalog_get_regions (catalog)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (veto_catalog_get_apps (catalog)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (veto_catalog_get_steps (catalog)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (veto_catalog_get_changes (catalog)), ==, 1);

  /* file order is kept */
  first_app = g_list_model_get_item (veto_catalog_get_apps (catalog), 0);
  g_assert_cmpstr (veto_app_get_id (first_app), ==, "facebook");
  g_assert_cmpuint (g_list_model_get_n_items (veto_app_get_steps (first_app)), ==, 2);
  first_step = g_list_model_get_item (veto_app_get_steps (first_app), 0);
  g_assert_cmpstr (veto_step_get_id (first_step), ==, "facebook-object");

  step = veto_catalog_lookup_step (catalog, "facebook-object");
  g_assert_nonnull (step);
  g_assert_cmpstr (veto_step_get_app_id (step), ==, "facebook");
  g_assert_cmpint (veto_step_get_kind (step), ==, VETO_STEP_KIND_FORM);
  g_assert_cmpint (veto_step_get_confidence (step), ==, VETO_CONFIDENCE_HIGH);
  g_assert_true (veto_step_get_per_account (step));
  g_assert_cmpint (veto_step_get_recheck_days (step), ==, 180);
  g_assert_cmpstr (veto_step_get_url (step), ==, "https://www.facebook.com/help/contact/6359191084165019");
  g_assert_cmpstr (veto_step_get_fallback_urls (step)[0], ==, "https://www.facebook.com/help/contact/712876720715583");
  g_assert_null (veto_step_get_fallback_urls (step)[1]);
  g_assert_cmpstr (veto_step_get_caveats (step), ==, "Going forward only.\nOthers' posts may still be used.");
  g_assert_nonnull (veto_step_get_objection_text (step, "eu"));
  /* no letter where the step is not shown */
  g_assert_null (veto_step_get_objection_text (step, "other"));
  g_assert_null (veto_step_get_objection_text (step, NULL));
  g_assert_true (veto_step_applies_to (step, "eu"));
  g_assert_false (veto_step_applies_to (step, "other"));

  step = veto_catalog_lookup_step (catalog, "facebook-audience");
  g_assert_true (veto_step_applies_to (step, "other"));
  g_assert_null (veto_step_get_objection_text (step, "other"));
  g_assert_null (veto_catalog_lookup_step (catalog, "nope"));

  eu_steps = veto_catalog_list_steps (catalog, "facebook", "eu");
  other_steps = veto_catalog_list_steps (catalog, "facebook", "other");
  g_assert_cmpuint (g_list_model_get_n_items (eu_steps), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (other_steps), ==, 1);
}

static void
test_localized (void)
{
  g_autoptr(VetoCatalog) en = NULL;
  g_autoptr(VetoCatalog) fr = NULL;
  g_autoptr(GError) error = NULL;

  veto_i18n_set_language ("en");
  en = load_string (TEST_CATALOG, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);

  veto_i18n_set_language ("fr");
  fr = load_string (TEST_CATALOG, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  veto_i18n_set_language (NULL);

  g_assert_cmpstr (veto_step_get_title (veto_catalog_lookup_step (en, "facebook-object")), ==, "Object");
  g_assert_cmpstr (veto_step_get_title (veto_catalog_lookup_step (fr, "facebook-object")), ==, "S’opposer");
  g_assert_cmpstr (veto_region_get_name (veto_catalog_lookup_region (fr, "eu")), ==, "Union européenne");
  /* untranslated keys fall back to English */
  g_assert_cmpstr (veto_step_get_title (veto_catalog_lookup_step (fr, "facebook-audience")), ==, "Limit audience");
  /* product names are never translated */
  g_assert_cmpstr (veto_app_get_name (veto_catalog_lookup_app (fr, "facebook")), ==, "Facebook");
}

static void
test_loopback (void)
{
  /* a port (GUri reads it), and https without one (the quick reading of
   * plain addresses): refused in a published catalog, allowed in a local one */
  const char *urls[] = { "http://127.0.0.1:8080/form", "https://127.0.0.1/form", "https://localhost/form" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *line = g_strconcat ("Url=", urls[i], NULL);
      g_autofree char *text = edit ("Url=https://www.facebook.com/help/contact/6359191084165019", line);
      g_autoptr(VetoCatalog) strict = NULL;
      g_autoptr(VetoCatalog) local = NULL;
      g_autoptr(GError) error = NULL;

      strict = load_string (text, VETO_CATALOG_FLAGS_NONE, &error);
      g_assert_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_FORBIDDEN_URL);
      g_assert_null (strict);
      g_clear_error (&error);

      local = load_string (text, VETO_CATALOG_FLAGS_ALLOW_LOOPBACK, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (veto_step_get_url (veto_catalog_lookup_step (local, "facebook-object")), ==, urls[i]);
    }
}

typedef struct
{
  const char *name;
  const char *from;     /* NULL: use `to` as the whole file */
  const char *to;
  int         code;
  const char *message;  /* must appear in the error: the group and key at fault */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "empty", NULL, "", VETO_CATALOG_ERROR_EMPTY, "empty" },
  { "not-a-keyfile", NULL, "this is not a catalog\n", VETO_CATALOG_ERROR_PARSE, "could not be read" },
  { "bad-utf8", "Description=Send the form.", "Description=Send the \xff form.", VETO_CATALOG_ERROR_ENCODING, "UTF-8" },
  { "bad-utf8-in-translation", "Title[fr]=S’opposer", "Title[fr]=S\xc3\x28opposer", VETO_CATALOG_ERROR_ENCODING, "UTF-8" },
  /* the ASCII runs are skipped eight bytes at a time: faults right after
   * one, inside one word, and at the end of a run */
  { "overlong-utf8", "Description=Send the form.", "Description=Send the \xc0\xaf form.", VETO_CATALOG_ERROR_ENCODING, "UTF-8" },
  { "surrogate-utf8", "Description=Send the form.", "Description=Send the form\xed\xa0\x80.", VETO_CATALOG_ERROR_ENCODING, "UTF-8" },
  { "truncated-utf8", "Description=Send the form.", "Description=Send the form.\xe2\x80", VETO_CATALOG_ERROR_ENCODING, "UTF-8" },
  { "no-catalog-group", "[Catalog]", "[Katalog]", VETO_CATALOG_ERROR_MISSING_KEY, "[Catalog]" },
  { "newer-format", "Format=1", "Format=5", VETO_CATALOG_ERROR_FORMAT, "format 5" },
  /* what format 3 added means something else to an older Veto */
  { "apps-in-format-1", "App=instagram", "App=instagram;facebook;", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step instagram-info] App" },
  { "letter-in-format-1", "ObjectionText=I object", "ObjectionText-eu=I object", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step facebook-object] ObjectionText-eu" },
  { "complaint-in-format-1", "Kind=information", "Kind=complaint", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step instagram-info] Kind" },
  { "scope-in-format-1", "PerAccount=false", "Scope=app", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step instagram-info] Scope" },
  { "sources-or-notes", "Sources=https://privacycenter.instagram.com/privacy/genai;\n", "", VETO_CATALOG_ERROR_MISSING_KEY, "[Step instagram-info] Sources" },
  { "no-version", "Version=3\n", "", VETO_CATALOG_ERROR_MISSING_KEY, "[Catalog] Version" },
  { "missing-title", "Title=Object\n", "", VETO_CATALOG_ERROR_MISSING_KEY, "[Step facebook-object] Title" },
  { "empty-title", "Title=Object\n", "Title=  \n", VETO_CATALOG_ERROR_MISSING_KEY, "[Step facebook-object] Title" },
  { "missing-sources", "Sources=https://www.facebook.com/privacy/center;\n", "", VETO_CATALOG_ERROR_MISSING_KEY, "[Step facebook-audience] Sources" },
  { "missing-app-name", "Name=Instagram\n", "", VETO_CATALOG_ERROR_MISSING_KEY, "[App instagram] Name" },
  { "duplicate-step", "[Step instagram-info]", "[Step facebook-object]", VETO_CATALOG_ERROR_DUPLICATE_ID, "[Step facebook-object]" },
  { "duplicate-app", "[App instagram]", "[App facebook]", VETO_CATALOG_ERROR_DUPLICATE_ID, "[App facebook]" },
  { "bad-id", "[Step facebook-audience]", "[Step Facebook Audience]", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step Facebook Audience]" },
  { "unknown-app", "App=instagram", "App=instagarm", VETO_CATALOG_ERROR_UNKNOWN_REFERENCE, "instagarm" },
  { "unknown-region", "Regions=eu;other", "Regions=eu;mars", VETO_CATALOG_ERROR_UNKNOWN_REFERENCE, "mars" },
  { "unknown-group", "[App instagram]", "[Ap instagram]", VETO_CATALOG_ERROR_UNKNOWN_GROUP, "[Ap instagram]" },
  { "changes-unknown-step", "Steps=facebook-object;", "Steps=facebook-objection;", VETO_CATALOG_ERROR_UNKNOWN_REFERENCE, "facebook-objection" },
  { "bad-kind", "Kind=setting", "Kind=petition", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step facebook-audience] Kind" },
  { "bad-confidence", "Confidence=low", "Confidence=certain", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step instagram-info] Confidence" },
  { "bad-boolean", "PerAccount=false", "PerAccount=yes", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step instagram-info] PerAccount" },
  { "bad-date", "LastVerified=2026-10-02\nRecheckDays=90", "LastVerified=2026-02-30\nRecheckDays=90", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step facebook-audience] LastVerified" },
  { "bad-recheck", "RecheckDays=365", "RecheckDays=0", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step instagram-info] RecheckDays" },
  { "form-without-url", "Url=https://www.facebook.com/help/contact/6359191084165019\n", "", VETO_CATALOG_ERROR_MISSING_KEY, "[Step facebook-object] Url" },
  { "http-url", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=http://www.facebook.com/help/contact/6359191084165019", VETO_CATALOG_ERROR_FORBIDDEN_URL, "https" },
  { "javascript-url", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=javascript:alert(1)", VETO_CATALOG_ERROR_FORBIDDEN_URL, "[Step facebook-object] Url" },
  { "file-url", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=file:///etc/passwd", VETO_CATALOG_ERROR_FORBIDDEN_URL, "[Step facebook-object] Url" },
  { "foreign-host", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://example.org/form", VETO_CATALOG_ERROR_FORBIDDEN_URL, "example.org" },
  { "lookalike-host", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://evilfacebook.com/form", VETO_CATALOG_ERROR_FORBIDDEN_URL, "evilfacebook.com" },
  { "suffix-host", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://facebook.com.example.org/form", VETO_CATALOG_ERROR_FORBIDDEN_URL, "example.org" },
  { "userinfo", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://www.facebook.com@example.org/form", VETO_CATALOG_ERROR_FORBIDDEN_URL, "[Step facebook-object] Url" },
  { "loopback-strict", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://localhost/form", VETO_CATALOG_ERROR_FORBIDDEN_URL, "localhost" },
  { "http-fallback", "FallbackUrls=https://www.facebook.com/help/contact/712876720715583;", "FallbackUrls=http://www.facebook.com/help/contact/712876720715583;", VETO_CATALOG_ERROR_FORBIDDEN_URL, "[Step facebook-object] FallbackUrls" },
  { "foreign-source", "Sources=https://www.facebook.com/privacy/center;", "Sources=https://www.facebook.com/privacy/center;https://blog.example.com/;", VETO_CATALOG_ERROR_FORBIDDEN_URL, "[Step facebook-audience] Sources" },
  { "empty-translation", "Title[fr]=S’opposer", "Title[fr]=", VETO_CATALOG_ERROR_MISSING_KEY, "[Step facebook-object] Title[fr]" },
  { "blank-translation", "Title[fr]=S’opposer", "Title[fr] =  ", VETO_CATALOG_ERROR_MISSING_KEY, "[Step facebook-object] Title[fr]" },
  { "huge-version", "Version=3\n", "Version=2147483647\n", VETO_CATALOG_ERROR_INVALID_VALUE, "[Catalog] Version" },
  { "backslash-host", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://evil.example\\.facebook.com/", VETO_CATALOG_ERROR_FORBIDDEN_URL, "backslash" },
  { "backslash-path", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://www.facebook.com\\@evil.example/", VETO_CATALOG_ERROR_FORBIDDEN_URL, "backslash" },
  { "percent-host", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://evil.example%2Efacebook.com/", VETO_CATALOG_ERROR_FORBIDDEN_URL, "plain letters" },
  { "percent-dot-host", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://www%2Efacebook.com/", VETO_CATALOG_ERROR_FORBIDDEN_URL, "plain letters" },
  { "tab-in-host", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://evil.exa\tmple.facebook.com/", VETO_CATALOG_ERROR_FORBIDDEN_URL, "control characters" },
  { "space-in-url", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://www.facebook.com /help", VETO_CATALOG_ERROR_FORBIDDEN_URL, "control characters" },
  { "non-ascii-host", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://www.faceb\xc3\xb6ok.com/", VETO_CATALOG_ERROR_FORBIDDEN_URL, "plain letters" },
  { "port", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://www.facebook.com:8443/help/contact/6359191084165019", VETO_CATALOG_ERROR_FORBIDDEN_URL, "must not name a port" },
  { "empty-port", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://www.facebook.com:/help/contact/6359191084165019", VETO_CATALOG_ERROR_FORBIDDEN_URL, "must not name a port" },
  { "trailing-dot", "Url=https://www.facebook.com/help/contact/6359191084165019", "Url=https://www.facebook.com./help/contact/6359191084165019", VETO_CATALOG_ERROR_FORBIDDEN_URL, "is not on one of Meta" },
  /* text is plain: a widget that parsed markup would make a link of this */
  { "markup-link", "Title=Object\n", "Title=<a href=\"file:///etc/passwd\">Object</a>\n", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step facebook-object] Title: " },
  { "markup-bold", "Title=Object\n", "Title=<b>Object</b>\n", VETO_CATALOG_ERROR_INVALID_VALUE, "“<b>Object</b>" },
  { "markup-entity", "Title=Object\n", "Title=R&amp;D\n", VETO_CATALOG_ERROR_INVALID_VALUE, "“&amp;D" },
  { "markup-numeric-entity", "Title=Object\n", "Title=&#60;b>x\n", VETO_CATALOG_ERROR_INVALID_VALUE, "“&#60;b>x" },
  /* whatever language the checks run in */
  { "markup-translation", "Title[fr]=S’opposer", "Title[fr]=<span foreground=\"red\">S’opposer</span>", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step facebook-object] Title[fr]" },
  { "no-steps", NULL, "[Catalog]\nFormat=1\nVersion=1\nPublished=2026-11-29\nName=x\n[Region eu]\nName=EU\nDescription=d\n[App a]\nName=A\nDescription=d\n", VETO_CATALOG_ERROR_MISSING_KEY, "at least one" },
};

/* Format 2: Scope= and SameAs=, each rule broken by the smallest edit of
 * the format-2 fixture. */
static const InvalidCase invalid_v2_cases[] = {
  { "per-account-in-format-2", "Scope=app\nSameAs=instagram-object", "PerAccount=false\nSameAs=instagram-object", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step threads-object] PerAccount" },
  { "no-scope", "Scope=app\nSameAs=instagram-object\n", "SameAs=instagram-object\n", VETO_CATALOG_ERROR_MISSING_KEY, "[Step threads-object] Scope" },
  { "bad-scope", "Scope=accounts-center\nConfidence", "Scope=everything\nConfidence", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step facebook-activity] Scope" },
  { "same-as-unknown", "SameAs=instagram-object", "SameAs=instagram-objection", VETO_CATALOG_ERROR_UNKNOWN_REFERENCE, "instagram-objection" },
  { "same-as-itself", "SameAs=instagram-object", "SameAs=threads-object", VETO_CATALOG_ERROR_UNKNOWN_REFERENCE, "itself" },
  { "same-as-chain", "SameAs=instagram-object", "SameAs=instagram-activity", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step threads-object] SameAs" },
  { "same-as-per-account", "Scope=app\nSameAs=instagram-object", "Scope=account\nSameAs=instagram-object", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step threads-object] SameAs" },
  { "same-as-wider-regions", "Regions=eu\nScope=app\nSameAs", "Regions=all\nScope=app\nSameAs", VETO_CATALOG_ERROR_INVALID_VALUE, "does not apply in region" },
  { "same-as-other-kind", "Kind=setting\nRegions=all\nScope=accounts-center\nSameAs", "Kind=information\nRegions=all\nScope=accounts-center\nSameAs", VETO_CATALOG_ERROR_INVALID_VALUE, "same kind" },
  { "bad-link-checked", "LinkChecked=2026-12-01", "LinkChecked=yesterday", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step instagram-object] LinkChecked" },
  { "bad-change-name", "[Changes 4 activity]", "[Changes 4 Activity!]", VETO_CATALOG_ERROR_INVALID_VALUE, "[Changes 4 Activity!]" },
  { "duplicate-change", "[Changes 4 objection]", "[Changes 4 activity]", VETO_CATALOG_ERROR_DUPLICATE_ID, "[Changes 4 activity]" },
};

/* Format 3: letters per region, a step on several apps, Replaces=. */
static const InvalidCase invalid_v3_cases[] = {
  /* a step shown in two regions has a letter for each, none for everyone */
  { "plain-letter-two-regions", "ObjectionText-eu=I object under Article 21 of the GDPR.\n", "ObjectionText=I object under Article 21 of the GDPR.\n", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step facebook-object] ObjectionText:" },
  { "letter-missing-for-region", "ObjectionText-uk=I object under Article 21 of the UK GDPR.\nObjectionText-uk[fr]=Je m’oppose en vertu de l’article 21 du UK GDPR.\n", "", VETO_CATALOG_ERROR_MISSING_KEY, "[Step facebook-object] ObjectionText-uk" },
  { "letter-for-region-not-shown", "Regions=eu;uk;\nScope=account", "Regions=eu;\nScope=account", VETO_CATALOG_ERROR_UNKNOWN_REFERENCE, "[Step facebook-object] ObjectionText-uk" },
  { "letter-for-unknown-region", "ObjectionText-uk=", "ObjectionText-mars=", VETO_CATALOG_ERROR_UNKNOWN_REFERENCE, "ObjectionText-mars" },
  { "letter-empty", "ObjectionText-uk=I object under Article 21 of the UK GDPR.\n", "ObjectionText-uk= \n", VETO_CATALOG_ERROR_MISSING_KEY, "[Step facebook-object] ObjectionText-uk" },
  { "letter-and-plain", "ObjectionText=I object under Article 21 of the GDPR.\n", "ObjectionText=I object.\nObjectionText-eu=I object under Article 21 of the GDPR.\n", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step instagram-object] ObjectionText:" },
  { "apps-unknown", "App=facebook;instagram;\nTitle=Complain to the CNIL", "App=facebook;instagarm;\nTitle=Complain to the CNIL", VETO_CATALOG_ERROR_UNKNOWN_REFERENCE, "instagarm" },
  { "apps-twice", "App=facebook;instagram;\nTitle=Complain to the CNIL", "App=facebook;facebook;\nTitle=Complain to the CNIL", VETO_CATALOG_ERROR_INVALID_VALUE, "listed twice" },
  { "apps-per-account", "Regions=eu;\nScope=app\nConfidence=medium\nLastVerified=2026-12-01\nRecheckDays=365\nOnlyIf=refused-or-overdue:facebook-object;refused", "Regions=eu;\nScope=account\nConfidence=medium\nLastVerified=2026-12-01\nRecheckDays=365\nOnlyIf=refused-or-overdue:facebook-object;refused", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step complain-cnil] App" },
  { "replaces-a-step", "Replaces=facebook-complain;", "Replaces=facebook-object;", VETO_CATALOG_ERROR_INVALID_VALUE, "still a step" },
  { "replaced-twice", "Url=https://ico.org.uk/make-a-complaint/\n", "Url=https://ico.org.uk/make-a-complaint/\nReplaces=instagram-complain;\n", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step complain-uk] Replaces" },
  { "replaces-bad-id", "Replaces=facebook-complain;", "Replaces=Facebook Complain;", VETO_CATALOG_ERROR_INVALID_VALUE, "[Step complain-cnil]" },
};

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (c->from == NULL)
    bytes = g_bytes_new (c->to, strlen (c->to));
  else if ((c >= invalid_v2_cases && c < invalid_v2_cases + G_N_ELEMENTS (invalid_v2_cases)) ||
           (c >= invalid_v3_cases && c < invalid_v3_cases + G_N_ELEMENTS (invalid_v3_cases)))
    {
      gboolean v3 = c >= invalid_v3_cases && c < invalid_v3_cases + G_N_ELEMENTS (invalid_v3_cases);
      g_autoptr(GString) s = g_string_new (v3 ? TEST_CATALOG_V3 : TEST_CATALOG_V2);

      g_assert_nonnull (strstr (s->str, c->from));
      g_string_replace (s, c->from, c->to, 1);
      bytes = g_bytes_new (s->str, s->len);
    }
  else
    {
      char *text = edit (c->from, c->to);

      bytes = g_bytes_new_take (text, strlen (text));
    }

  catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_null (catalog);
  g_assert_error (error, VETO_CATALOG_ERROR, c->code);
  g_test_message ("%s: %s", c->name, error->message);
  g_assert_nonnull (strstr (error->message, c->message));
}

/* A catalog is valid or not whatever the language it is read in: an empty
 * Title[fr] was accepted when read in English. The same for a translated
 * title whose English original is missing. */
static void
test_same_in_every_language (void)
{
  const char *languages[] = { "en", "fr", "fr_FR", "de" };
  g_autofree char *empty_fr = edit ("Title[fr]=S’opposer", "Title[fr]=");
  g_autofree char *no_en = edit ("Title=Object\n", "");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) error2 = NULL;
      g_autoptr(VetoCatalog) catalog = NULL;
      g_autoptr(VetoCatalog) catalog2 = NULL;

      veto_i18n_set_language (languages[i]);
      catalog = load_string (empty_fr, VETO_CATALOG_FLAGS_NONE, &error);
      catalog2 = load_string (no_en, VETO_CATALOG_FLAGS_NONE, &error2);
      veto_i18n_set_language (NULL);

      g_assert_null (catalog);
      g_assert_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_MISSING_KEY);
      g_assert_null (catalog2);
      g_assert_error (error2, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_MISSING_KEY);
      g_assert_nonnull (strstr (error2->message, "[Step facebook-object] Title"));
    }
}

/* Translations are looked up without GKeyFile's own lookup: the same
 * choices as g_key_file_get_locale_string(), and escapes still read. */
static void
test_lookup (void)
{
  g_autofree char *regional = edit ("Title[fr]=S’opposer", "Title[fr]=S’opposer\nTitle[fr_CA]=Objecter");
  g_autofree char *escaped = edit ("Regions=eu\n", "Regions=eu\\;x;other;\n");
  g_autoptr(VetoCatalog) fr_ca = NULL;
  g_autoptr(VetoCatalog) fr = NULL;
  g_autoptr(VetoCatalog) en = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  veto_i18n_set_language ("fr_CA");
  fr_ca = load_string (regional, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  veto_i18n_set_language ("fr");
  fr = load_string (regional, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* GKeyFile's own answer, for comparison */
  g_assert_true (g_key_file_load_from_data (keyfile, regional, -1, G_KEY_FILE_KEEP_TRANSLATIONS, NULL));
  expected = g_key_file_get_locale_string (keyfile, "Step facebook-object", "Title", NULL, NULL);
  veto_i18n_set_language (NULL);

  g_assert_cmpstr (veto_step_get_title (veto_catalog_lookup_step (fr_ca, "facebook-object")), ==, "Objecter");
  g_assert_cmpstr (veto_step_get_title (veto_catalog_lookup_step (fr, "facebook-object")), ==, "S’opposer");
  g_assert_cmpstr (veto_step_get_title (veto_catalog_lookup_step (fr, "facebook-object")), ==, expected);
  /* \n in a value is a line break */
  g_assert_cmpstr (veto_step_get_caveats (veto_catalog_lookup_step (fr, "facebook-object")),
                   ==, "Going forward only.\nOthers' posts may still be used.");

  /* "\;" is a semicolon inside an item, as GKeyFile reads it: here an
   * unknown region "eu;x" */
  en = load_string (escaped, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "“eu;x”"));
}

/* Limits: a 20 kB address froze an app page; a 4 MiB catalog of 23,954
 * steps took minutes to show. */
static void
test_limits (void)
{
  g_autoptr(GString) long_url = g_string_new ("Url=https://www.facebook.com/help/contact/");
  g_autoptr(GString) long_text = g_string_new ("Description=");
  g_autoptr(GString) many = g_string_new (TEST_CATALOG);
  g_autofree char *url_text = NULL;
  g_autofree char *text_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;

  while (long_url->len <= 4 + 2048)
    g_string_append_c (long_url, 'a');
  url_text = edit ("Url=https://www.facebook.com/help/contact/6359191084165019", long_url->str);
  catalog = load_string (url_text, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_null (catalog);
  g_assert_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_FORBIDDEN_URL);
  g_assert_nonnull (strstr (error->message, "too long"));
  g_clear_error (&error);

  while (long_text->len <= 12 + 10000)
    g_string_append_c (long_text, 'x');
  text_text = edit ("Description=Send the form.", long_text->str);
  catalog = load_string (text_text, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_null (catalog);
  g_assert_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "[Step facebook-object] Description"));
  g_clear_error (&error);

  /* one app's page shows a card per step at once: 50 at most (500 took
   * 3.6 s to show, 2,000 took 22 s) */
  {
    g_autoptr(GString) crowded = g_string_new (TEST_CATALOG);

    for (guint i = 0; i < 50; i++)
      g_string_append_printf (crowded,
                              "\n[Step extra%u]\nApp=facebook\nTitle=Extra %u\nDescription=More.\nKind=setting\n"
                              "Regions=eu\nPerAccount=false\nConfidence=high\nLastVerified=2026-10-02\nRecheckDays=180\n"
                              "Url=https://www.facebook.com/settings\nSources=https://about.fb.com/news/;\n", i, i);
    catalog = load_string (crowded->str, VETO_CATALOG_FLAGS_NONE, &error);
    g_assert_null (catalog);
    g_assert_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "The app “facebook” has too many steps (at most 50)."));
    g_clear_error (&error);
  }

  for (guint i = 0; i < 10001; i++)
    g_string_append_printf (many, "\n[Step s%u]\nApp=facebook\n", i);
  catalog = load_string (many->str, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_null (catalog);
  g_assert_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "too many steps"));
}

/* A downloaded catalog's text reaches the terminal, the record and the
 * window: no control character, no bidi override ("Meta" shown for
 * "ateM"). */
static void
test_hidden_controls (void)
{
  const char * const titles[] = {
    "Title=Object\x1b[2J",
    "Title=Object\xe2\x80\xae",
    "Title=Obj\xc2\x9b" "ect",
    "Title=Object\xe2\x81\xa6x\xe2\x81\xa9",
    "Title=Ob\x01ject",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *text = edit ("Title=Object", titles[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(VetoCatalog) catalog = load_string (text, VETO_CATALOG_FLAGS_NONE, &error);

      g_assert_null (catalog);
      g_assert_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, "[Step facebook-object]: a text holds a control character"));
    }

  /* a tab, French, typographic quotes and the arrow of a path are text */
  {
    g_autofree char *text = edit ("Title=Object", "Title=Objet\t« s’opposer » → ✓");
    g_autoptr(GError) error = NULL;
    g_autoptr(VetoCatalog) catalog = load_string (text, VETO_CATALOG_FLAGS_NONE, &error);

    g_assert_no_error (error);
  }
}

/* A byte order mark, as some editors write, is not an error. */
static void
test_bom (void)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", TEST_CATALOG, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = load_string (text, VETO_CATALOG_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (veto_catalog_get_version (catalog), ==, 3);
}

/* Format 3: the letter is the region's, in the interface language; a
 * complaint about both apps is on both pages, and names the steps it
 * replaces. */
static void
test_format3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;
  g_autoptr(VetoCatalog) catalog_fr = NULL;
  g_autoptr(GListModel) facebook_eu = NULL;
  g_autoptr(GListModel) instagram_eu = NULL;
  VetoStep *step;
  gboolean on_facebook = FALSE, on_instagram = FALSE;

  catalog = load_string (TEST_CATALOG_V3, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);

  step = veto_catalog_lookup_step (catalog, "facebook-object");
  g_assert_cmpstr (veto_step_get_objection_text (step, "eu"), ==, "I object under Article 21 of the GDPR.");
  g_assert_cmpstr (veto_step_get_objection_text (step, "uk"), ==, "I object under Article 21 of the UK GDPR.");
  g_assert_null (veto_step_get_objection_text (step, "other"));
  g_assert_true (veto_step_has_objection_text (step));
  /* a one-region step keeps the plain key */
  step = veto_catalog_lookup_step (catalog, "instagram-object");
  g_assert_cmpstr (veto_step_get_objection_text (step, "eu"), ==, "I object under Article 21 of the GDPR.");
  g_assert_null (veto_step_get_objection_text (step, "uk"));

  step = veto_catalog_lookup_step (catalog, "complain-cnil");
  g_assert_cmpint (veto_step_get_kind (step), ==, VETO_STEP_KIND_COMPLAINT);
  g_assert_cmpstr (veto_step_get_app_id (step), ==, "facebook");
  g_assert_cmpuint (g_strv_length ((GStrv)veto_step_get_app_ids (step)), ==, 2);
  g_assert_true (veto_step_has_app (step, "instagram"));
  g_assert_false (veto_step_has_app (step, "whatsapp"));
  g_assert_cmpstr (veto_step_get_replaces (step)[0], ==, "facebook-complain");
  g_assert_cmpstr (veto_step_get_replaces (step)[1], ==, "instagram-complain");
  g_assert_null (veto_step_get_replaces (veto_catalog_lookup_step (catalog, "complain-uk"))[0]);

  facebook_eu = veto_catalog_list_steps (catalog, "facebook", "eu");
  instagram_eu = veto_catalog_list_steps (catalog, "instagram", "eu");
  for (guint i = 0; i < g_list_model_get_n_items (facebook_eu); i++)
    {
      g_autoptr(VetoStep) s = g_list_model_get_item (facebook_eu, i);
      on_facebook |= s == step;
    }
  for (guint i = 0; i < g_list_model_get_n_items (instagram_eu); i++)
    {
      g_autoptr(VetoStep) s = g_list_model_get_item (instagram_eu, i);
      on_instagram |= s == step;
    }
  g_assert_true (on_facebook);
  g_assert_true (on_instagram);

  /* in French, the French letter of the same region */
  veto_i18n_set_language ("fr");
  catalog_fr = load_string (TEST_CATALOG_V3, VETO_CATALOG_FLAGS_NONE, &error);
  veto_i18n_set_language (NULL);
  g_assert_no_error (error);
  step = veto_catalog_lookup_step (catalog_fr, "facebook-object");
  g_assert_cmpstr (veto_step_get_objection_text (step, "uk"), ==, "Je m’oppose en vertu de l’article 21 du UK GDPR.");
}

static void
test_format2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = load_string (TEST_CATALOG_V2, VETO_CATALOG_FLAGS_NONE, &error);
  g_autoptr(GDateTime) checked = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  VetoStep *step;

  g_assert_no_error (error);
  g_assert_cmpint (veto_catalog_get_version (catalog), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (veto_catalog_get_changes (catalog)), ==, 2);

  step = veto_catalog_lookup_step (catalog, "instagram-object");
  g_assert_cmpint (veto_step_get_scope (step), ==, VETO_STEP_SCOPE_ACCOUNT);
  g_assert_true (veto_step_get_per_account (step));
  g_assert_null (veto_step_get_same_as (step));
  g_assert_true (g_date_time_equal (veto_step_get_link_checked (step), checked));

  step = veto_catalog_lookup_step (catalog, "facebook-activity");
  g_assert_cmpint (veto_step_get_scope (step), ==, VETO_STEP_SCOPE_ACCOUNTS_CENTER);
  g_assert_false (veto_step_get_per_account (step));
  g_assert_null (veto_step_get_link_checked (step));
  /* a source given as a note only */
  g_assert_null (veto_step_get_sources (step)[0]);
  g_assert_cmpstr (veto_step_get_source_notes (step), ==, "techpp.com.");

  step = veto_catalog_lookup_step (catalog, "threads-object");
  g_assert_cmpint (veto_step_get_scope (step), ==, VETO_STEP_SCOPE_APP);
  g_assert_cmpstr (veto_step_get_same_as (step), ==, "instagram-object");

  /* format 1 still reads PerAccount= */
  {
    g_autoptr(VetoCatalog) v1 = load_string (TEST_CATALOG, VETO_CATALOG_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (veto_step_get_scope (veto_catalog_lookup_step (v1, "facebook-object")), ==, VETO_STEP_SCOPE_ACCOUNT);
    g_assert_cmpint (veto_step_get_scope (veto_catalog_lookup_step (v1, "instagram-info")), ==, VETO_STEP_SCOPE_APP);
  }
}

/* A NUL byte would end the text early for GKeyFile's line parser. */
static void
test_nul_byte (void)
{
  static const char text[] = TEST_CATALOG "[Step x]\0\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);

  g_assert_null (catalog);
  g_assert_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_ENCODING);
}

static void
test_file_errors (void)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/veto/meta.steps");
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;

  catalog = veto_catalog_new_from_file (missing, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_null (catalog);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_bundled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", "catalog", "meta.steps", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VetoCatalog) catalog = NULL;

  catalog = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (veto_catalog_get_apps (catalog)), >=, 2);
  g_assert_nonnull (veto_catalog_lookup_app (catalog, "facebook"));
  g_assert_nonnull (veto_catalog_lookup_app (catalog, "instagram"));
}

static void
assert_same_date (GDateTime *a,
                  GDateTime *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_true (g_date_time_equal (a, b));
}

static void
assert_same_source (VetoSource *a,
                    VetoSource *b)
{
  g_assert_cmpstr (veto_source_get_id (a), ==, veto_source_get_id (b));
  g_assert_cmpstr (veto_source_get_url (a), ==, veto_source_get_url (b));
  g_assert_cmpstr (veto_source_get_publisher (a), ==, veto_source_get_publisher (b));
  g_assert_cmpstr (veto_source_get_language (a), ==, veto_source_get_language (b));
  g_assert_cmpint (veto_source_get_kind (a), ==, veto_source_get_kind (b));
  g_assert_cmpint (veto_source_get_weak (a), ==, veto_source_get_weak (b));
  g_assert_true (g_strv_equal (veto_source_get_regions (a), veto_source_get_regions (b)));
  assert_same_date (veto_source_get_read_on (a), veto_source_get_read_on (b));
  assert_same_date (veto_source_get_notes_on (a), veto_source_get_notes_on (b));
  assert_same_date (veto_source_get_link_checked (a), veto_source_get_link_checked (b));
}

/* The claims a person in @region reads, with every source and quote. */
static guint
assert_same_claims (VetoStep   *eager,
                    VetoStep   *later,
                    const char *region)
{
  g_autoptr(GPtrArray) a = veto_step_dup_claims (eager, region);
  g_autoptr(GPtrArray) b = veto_step_dup_claims (later, region);
  guint n_quotes = 0;

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      VetoClaim *x = g_ptr_array_index (a, i);
      VetoClaim *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (veto_claim_get_text (x), ==, veto_claim_get_text (y));
      g_assert_cmpstr (veto_claim_get_key (x), ==, veto_claim_get_key (y));
      g_assert_cmpuint (veto_claim_get_line (x), ==, veto_claim_get_line (y));
      g_assert_true (g_strv_equal (veto_claim_get_source_ids (x), veto_claim_get_source_ids (y)));
      g_assert_cmpuint (veto_claim_get_n_sources (x), ==, veto_claim_get_n_sources (y));
      /* every marker names a source the catalog has */
      g_assert_cmpuint (veto_claim_get_n_sources (y), ==, g_strv_length ((GStrv)veto_claim_get_source_ids (y)));
      for (guint j = 0; j < veto_claim_get_n_sources (x); j++)
        {
          assert_same_source (veto_claim_get_source (x, j), veto_claim_get_source (y, j));
          g_assert_cmpstr (veto_claim_get_quote (x, j), ==, veto_claim_get_quote (y, j));
          n_quotes += veto_claim_get_quote (y, j) != NULL;
        }
    }

  return n_quotes;
}

/* The built-in catalog is read as trusted (VETO_CATALOG_FLAGS_TRUSTED): its
 * citations and the steps' long texts are parsed only when first asked
 * for. Whatever is asked first, every step must then say what the same
 * text read at once, with every rule checked, says: each text, letter,
 * claim, source and quote, in both languages. */
static void
test_bundled_deferred (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", "catalog", "meta.steps", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gchar *contents;
  gsize length;
  const char *languages[] = { "en", "fr" };
  guint n_quotes = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(VetoCatalog) eager = NULL;
      g_autoptr(VetoCatalog) later = NULL;
      GListModel *steps, *regions;
      guint n_sources;

      veto_i18n_set_language (languages[l]);
      eager = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_NONE, &error);
      g_assert_no_error (error);
      later = veto_catalog_new_from_bytes (bytes, VETO_CATALOG_FLAGS_TRUSTED, &error);
      g_assert_no_error (error);

      /* in one language the catalog's sources are asked for first, in the
       * other the steps' */
      if (l == 0)
        g_assert_nonnull (veto_catalog_lookup_source (later, "gdprhub-eu-article-21-gdpr"));

      steps = veto_catalog_get_steps (eager);
      regions = veto_catalog_get_regions (eager);
      g_assert_cmpuint (g_list_model_get_n_items (steps), ==,
                        g_list_model_get_n_items (veto_catalog_get_steps (later)));
      for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
        {
          g_autoptr(VetoStep) a = g_list_model_get_item (steps, i);
          g_autoptr(VetoStep) b = g_list_model_get_item (veto_catalog_get_steps (later), i);
          g_autofree char *checked_a = NULL;
          g_autofree char *checked_b = NULL;
          g_autofree char *description = NULL;
          GPtrArray *cited_a, *cited_b;

          g_assert_cmpstr (veto_step_get_id (a), ==, veto_step_get_id (b));
          g_assert_cmpstr (veto_step_get_title (a), ==, veto_step_get_title (b));

          /* each step asks for something else first */
          switch (i % 4)
            {
            case 0:
              g_object_get (b, "description", &description, NULL);
              g_assert_cmpstr (description, ==, veto_step_get_description (a));
              break;
            case 1:
              g_assert_true (g_strv_equal (veto_step_get_sources (a), veto_step_get_sources (b)));
              break;
            case 2:
              n_quotes += assert_same_claims (a, b, NULL);
              break;
            default:
              g_assert_cmpint (veto_step_has_objection_text (a), ==, veto_step_has_objection_text (b));
              break;
            }

          g_assert_cmpstr (veto_step_get_description (a), ==, veto_step_get_description (b));
          g_assert_cmpstr (veto_step_get_record_title (a), ==, veto_step_get_record_title (b));
          g_assert_cmpstr (veto_step_get_caveats (a), ==, veto_step_get_caveats (b));
          g_assert_cmpstr (veto_step_get_in_app_path (a), ==, veto_step_get_in_app_path (b));
          g_assert_cmpint (veto_step_has_objection_text (a), ==, veto_step_has_objection_text (b));
          g_assert_true (g_strv_equal (veto_step_get_sources (a), veto_step_get_sources (b)));
          assert_same_date (veto_step_get_last_verified (a), veto_step_get_last_verified (b));
          assert_same_date (veto_step_get_link_checked (a), veto_step_get_link_checked (b));
          assert_same_date (veto_step_get_sources_read_on (a), veto_step_get_sources_read_on (b));
          assert_same_date (veto_step_get_notes_read_on (a), veto_step_get_notes_read_on (b));
          checked_a = veto_step_dup_checked_text (a);
          checked_b = veto_step_dup_checked_text (b);
          g_assert_cmpstr (checked_a, ==, checked_b);

          cited_a = veto_step_get_cited_sources (a);
          cited_b = veto_step_get_cited_sources (b);
          g_assert_nonnull (cited_b);
          g_assert_cmpuint (cited_a->len, ==, cited_b->len);
          g_assert_cmpuint (cited_b->len, >, 0);
          for (guint j = 0; j < cited_a->len; j++)
            assert_same_source (g_ptr_array_index (cited_a, j), g_ptr_array_index (cited_b, j));

          n_quotes += assert_same_claims (a, b, NULL);
          for (guint r = 0; r < g_list_model_get_n_items (regions); r++)
            {
              g_autoptr(VetoRegion) region = g_list_model_get_item (regions, r);
              const char *id = veto_region_get_id (region);
              g_autofree char *description_a = veto_step_dup_description_in (a, id);
              g_autofree char *description_b = veto_step_dup_description_in (b, id);
              g_autofree char *caveats_a = veto_step_dup_caveats_in (a, id);
              g_autofree char *caveats_b = veto_step_dup_caveats_in (b, id);
              g_autoptr(GPtrArray) sources_a = veto_step_dup_sources_in (a, id);
              g_autoptr(GPtrArray) sources_b = veto_step_dup_sources_in (b, id);

              g_assert_cmpstr (veto_step_get_objection_text (a, id), ==, veto_step_get_objection_text (b, id));
              g_assert_cmpstr (veto_step_get_region_description (a, id), ==, veto_step_get_region_description (b, id));
              g_assert_cmpstr (veto_step_get_region_caveats (a, id), ==, veto_step_get_region_caveats (b, id));
              g_assert_cmpstr (description_a, ==, description_b);
              g_assert_cmpstr (caveats_a, ==, caveats_b);
              g_assert_cmpuint (sources_a->len, ==, sources_b->len);
              n_quotes += assert_same_claims (a, b, id);
            }
        }

      n_sources = g_list_model_get_n_items (veto_catalog_get_sources (eager));
      g_assert_cmpuint (n_sources, >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (veto_catalog_get_sources (later)), ==, n_sources);
      for (guint i = 0; i < n_sources; i++)
        {
          g_autoptr(VetoSource) a = g_list_model_get_item (veto_catalog_get_sources (eager), i);
          g_autoptr(VetoSource) b = g_list_model_get_item (veto_catalog_get_sources (later), i);

          assert_same_source (a, b);
          g_assert_true (veto_catalog_lookup_source (later, veto_source_get_id (a)) == b);
        }
    }
  veto_i18n_set_language (NULL);

  /* the quotes were compared, not only their absence */
  g_assert_cmpuint (n_quotes, >, 0);
}

/* Every step of the real catalog, in both languages: what issue #3 promises
 * a person about each step. */
static void
test_bundled_complete (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", "catalog", "meta.steps", NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VetoCatalog) en = NULL;
  g_autoptr(VetoCatalog) fr = NULL;
  const char *expected_apps[] = { "facebook", "instagram", "whatsapp", "messenger", "threads", "meta-ai", "glasses" };
  const char *expected_regions[] = { "eu", "uk", "ch", "br", "other" };
  GListModel *steps;
  guint n;
  guint n_letters = 0;

  veto_i18n_set_language ("en");
  en = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  veto_i18n_set_language ("fr");
  fr = veto_catalog_new_from_file (file, VETO_CATALOG_FLAGS_NONE, &error);
  g_assert_no_error (error);
  veto_i18n_set_language (NULL);

  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (veto_catalog_get_apps (en)), ==, G_N_ELEMENTS (expected_apps));
  for (guint i = 0; i < G_N_ELEMENTS (expected_apps); i++)
    {
      g_autoptr(VetoApp) app = g_list_model_get_item (veto_catalog_get_apps (en), i);
      VetoApp *app_fr = veto_catalog_lookup_app (fr, expected_apps[i]);

      g_assert_cmpstr (veto_app_get_id (app), ==, expected_apps[i]);
      g_assert_cmpuint (g_list_model_get_n_items (veto_app_get_steps (app)), >=, 1);
      g_assert_cmpstr (veto_app_get_description (app), !=, veto_app_get_description (app_fr));
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected_regions); i++)
    {
      VetoRegion *region = veto_catalog_lookup_region (en, expected_regions[i]);

      g_assert_nonnull (region);
      g_assert_cmpstr (veto_region_get_name (region), !=,
                       veto_region_get_name (veto_catalog_lookup_region (fr, expected_regions[i])));
    }

  steps = veto_catalog_get_steps (en);
  n = g_list_model_get_n_items (steps);
  g_assert_cmpuint (n, >=, 15);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);
      VetoStep *step_fr = veto_catalog_lookup_step (fr, veto_step_get_id (step));
      g_autofree char *group = g_strdup_printf ("Step %s", veto_step_get_id (step));
      g_autofree char *title_fr = g_key_file_get_locale_string (keyfile, group, "Title", "fr", NULL);
      g_autofree char *title_en = g_key_file_get_string (keyfile, group, "Title", NULL);
      const char *translatable[] = { "Title", "RecordTitle", "Description", "InAppPath", "Caveats", "ObjectionText",
                                     "ObjectionText-eu", "ObjectionText-uk", "ObjectionText-ch",
                                     "ObjectionText-br", "SourceNotes" };
      const char *letter_regions[] = { "eu", "uk", "ch", "br", "other" };
      g_autoptr(GDateTime) earliest = g_date_time_new_utc (2024, 5, 1, 0, 0, 0);
      g_autoptr(GDateTime) published = g_date_time_ref (veto_catalog_get_published (en));
      const char * const *sources = veto_step_get_sources (step);

      g_test_message ("%s", veto_step_get_id (step));

      /* a French title and description, really translated */
      g_assert_nonnull (title_fr);
      g_assert_cmpstr (title_fr, !=, title_en);
      g_assert_cmpstr (veto_step_get_title (step_fr), ==, title_fr);
      g_assert_cmpstr (veto_step_get_description (step_fr), !=, veto_step_get_description (step));

      /* the record names every step by a noun title of its own, in both
       * languages, not by the imperative one */
      g_assert_true (g_key_file_has_key (keyfile, group, "RecordTitle", NULL));
      g_assert_cmpstr (veto_step_get_record_title (step), !=, veto_step_get_title (step));
      g_assert_cmpstr (veto_step_get_record_title (step_fr), !=, veto_step_get_title (step_fr));
      g_assert_cmpstr (veto_step_get_record_title (step_fr), !=, veto_step_get_record_title (step));

      /* every translatable key present in English has its French twin */
      for (guint k = 0; k < G_N_ELEMENTS (translatable); k++)
        {
          g_autofree char *fr_key = g_strdup_printf ("%s[fr]", translatable[k]);

          if (g_key_file_has_key (keyfile, group, translatable[k], NULL))
            g_assert_true (g_key_file_has_key (keyfile, group, fr_key, NULL));
        }

      /* links: https, on allowed hosts (the loader checked the hosts) */
      /* a source: a link, or a note naming what can't be linked */
      g_assert_true (sources[0] != NULL || veto_step_get_source_notes (step) != NULL);
      for (guint k = 0; sources[k]; k++)
        g_assert_true (g_str_has_prefix (sources[k], "https://"));
      if (veto_step_get_url (step))
        g_assert_true (g_str_has_prefix (veto_step_get_url (step), "https://"));

      /* a real last-verified date, after the story began and not after publication */
      g_assert_nonnull (veto_step_get_last_verified (step));
      g_assert_cmpint (g_date_time_compare (veto_step_get_last_verified (step), earliest), >=, 0);
      g_assert_cmpint (g_date_time_compare (veto_step_get_last_verified (step), published), <=, 0);

      /* a form has its ready-to-paste objection, or says why not in the catalog */
      /* the letter a person copies, as the loader gives it in English and
       * in French: their region's law, no other country's */
      for (guint r = 0; r < G_N_ELEMENTS (letter_regions); r++)
        {
          VetoStep *both[] = { step, step_fr };

          for (guint l = 0; l < G_N_ELEMENTS (both); l++)
            {
              const char *letter = veto_step_get_objection_text (both[l], letter_regions[r]);
              g_autofree char *wrong = letter ? letter_law_problem (letter_regions[r], letter) : NULL;

              if (letter == NULL)
                continue;
              n_letters++;
              if (wrong != NULL)
                g_error ("%s, %s: %s", veto_step_get_id (step), l ? "fr" : "en", wrong);
            }
        }
      for (guint r = 0; r < G_N_ELEMENTS (letter_regions); r++)
        if (veto_step_get_kind (step) == VETO_STEP_KIND_FORM &&
            veto_step_get_objection_text (step, letter_regions[r]) != NULL)
          g_assert_cmpstr (veto_step_get_objection_text (step_fr, letter_regions[r]), !=,
                           veto_step_get_objection_text (step, letter_regions[r]));

      /* what is uncertain says so: low confidence means "reported" */
      if (veto_step_get_confidence (step) == VETO_CONFIDENCE_LOW)
        {
          g_autofree char *all_en = g_strconcat (veto_step_get_title (step), " ", veto_step_get_description (step), " ",
                                                 veto_step_get_caveats (step) ? veto_step_get_caveats (step) : "", NULL);
          g_autofree char *all_fr = g_strconcat (veto_step_get_title (step_fr), " ", veto_step_get_description (step_fr), " ",
                                                 veto_step_get_caveats (step_fr) ? veto_step_get_caveats (step_fr) : "", NULL);
          g_autofree char *lower_en = g_utf8_strdown (all_en, -1);
          g_autofree char *lower_fr = g_utf8_strdown (all_fr, -1);

          g_assert_true (strstr (lower_en, "reported") || strstr (lower_en, "assum"));
          /* « non confirmé » or « selon certaines sources », never « signalé » */
          g_assert_true (strstr (lower_fr, "non confirmé") || strstr (lower_fr, "selon certaines sources"));
          g_assert_null (strstr (lower_fr, "signalé"));
        }
    }

  /* the objection forms the research rates highly are there */
  g_assert_cmpstr (veto_step_get_url (veto_catalog_lookup_step (en, "facebook-object")), ==,
                   "https://www.facebook.com/help/contact/6359191084165019");
  g_assert_cmpstr (veto_step_get_url (veto_catalog_lookup_step (en, "instagram-object")), ==,
                   "https://help.instagram.com/contact/233964459562201");

  /* the objection letters were all checked: 4 + 4 + 3 + 2 + 2, in two languages */
  g_assert_cmpuint (n_letters, >=, 2 * 15);
}

int
main (int   argc,
      char *argv[])
{
  veto_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalog/valid", test_valid);
  g_test_add_func ("/catalog/plain-text", test_plain_text);
  g_test_add_func ("/catalog/localized", test_localized);
  g_test_add_func ("/catalog/loopback", test_loopback);
  g_test_add_func ("/catalog/file-errors", test_file_errors);
  g_test_add_func ("/catalog/nul-byte", test_nul_byte);
  g_test_add_func ("/catalog/format-2", test_format2);
  g_test_add_func ("/catalog/bundled", test_bundled);
  g_test_add_func ("/catalog/bundled-complete", test_bundled_complete);
  g_test_add_func ("/catalog/bundled-deferred", test_bundled_deferred);
  g_test_add_func ("/catalog/same-in-every-language", test_same_in_every_language);
  g_test_add_func ("/catalog/lookup", test_lookup);
  g_test_add_func ("/catalog/limits", test_limits);
  g_test_add_func ("/catalog/hidden-controls", test_hidden_controls);
  g_test_add_func ("/catalog/bom", test_bom);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalog/invalid/%s", invalid_cases[i].name);

      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid_v2_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalog/invalid-v2/%s", invalid_v2_cases[i].name);

      g_test_add_data_func (path, &invalid_v2_cases[i], test_invalid);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid_v3_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalog/invalid-v3/%s", invalid_v3_cases[i].name);

      g_test_add_data_func (path, &invalid_v3_cases[i], test_invalid);
    }
  g_test_add_func ("/catalog/format3", test_format3);

  return g_test_run ();
}
