/* veto-step.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-catalog-keys.h"
#include "veto-catalog-private.h"
#include "veto-claim.h"
#include "veto-i18n.h"
#include "veto-step.h"

/* One thing a person does (or needs to know) about one app, with everything
 * needed to judge it: where it applies, how sure we are, when it was last
 * verified and where the facts come from. Immutable once loaded. */
struct _VetoStep
{
  GObject         parent_instance;

  char           *id;
  /* the apps whose pages show the step, the first being its own; more
   * than one only for a step done once (a complaint about every app) */
  GStrv           app_ids;
  char           *title;
  char           *record_title;
  char           *description;
  VetoStepKind    kind;
  GStrv           regions;
  VetoStepScope   scope;
  /* the step whose state this one takes, or NULL */
  char           *same_as;
  VetoConfidence  confidence;
  GDateTime      *last_verified;
  /* when someone last found the links answering, live; NULL: never */
  GDateTime      *link_checked;
  int             recheck_days;
  char           *in_app_path;
  char           *url;
  GStrv           fallback_urls;
  char           *caveats;
  /* ObjectionText=: the letter of a one-region step, or of any region in
   * catalogs older than format 3 */
  char           *objection_text;
  /* ObjectionText-REGION=: region id → the letter citing that region's law */
  GHashTable     *objection_texts;
  /* ids of earlier steps this one takes the place of (Replaces=) */
  GStrv           replaces;
  GStrv           sources;
  char           *source_notes;
  /* 0: Meta's answer has no deadline */
  /* a form Meta answers (AwaitsAnswer=true, or AnswerMonths= before format 4) */
  gboolean        awaits_answer;
  /* before format 4 only: the step's own period, 0 for the region's */
  int             answer_months;
  gboolean        essential;
  /* the steps whose refusal or overdue answer makes this one a to-do;
   * empty: always a to-do */
  GStrv           only_if_refused_or_overdue;

  /* Format 4: the texts as written, with their [[id]] markers (the
   * fields above hold them stripped, as shown), the region variants
   * (key "Description-ch" → marked text), the quotes (source id →
   * passage) and the sources the markers name, once resolved */
  int             format;
  char           *description_marked;
  char           *caveats_marked;
  GHashTable     *region_texts;
  GHashTable     *region_display;
  GHashTable     *quotes;
  GPtrArray      *cited;
  /* a trusted catalog's deferred text (veto-catalog-deferred.c): the
   * texts read in read_deferred_texts(), the quotes and the sources are
   * filled from it the first time one of them is asked for */
  VetoDeferred   *deferred;
  gint            deferred_resolved;
};

G_DEFINE_FINAL_TYPE (VetoStep, veto_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_APP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_PER_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
veto_step_finalize (GObject *object)
{
  VetoStep *self = (VetoStep *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->app_ids, g_strfreev);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->record_title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->last_verified, g_date_time_unref);
  g_clear_pointer (&self->link_checked, g_date_time_unref);
  g_clear_pointer (&self->same_as, g_free);
  g_clear_pointer (&self->in_app_path, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->fallback_urls, g_strfreev);
  g_clear_pointer (&self->caveats, g_free);
  g_clear_pointer (&self->objection_text, g_free);
  g_clear_pointer (&self->objection_texts, g_hash_table_unref);
  g_clear_pointer (&self->replaces, g_strfreev);
  g_clear_pointer (&self->sources, g_strfreev);
  g_clear_pointer (&self->source_notes, g_free);
  g_clear_pointer (&self->only_if_refused_or_overdue, g_strfreev);
  g_clear_pointer (&self->description_marked, g_free);
  g_clear_pointer (&self->caveats_marked, g_free);
  g_clear_pointer (&self->region_texts, g_hash_table_unref);
  g_clear_pointer (&self->region_display, g_hash_table_unref);
  g_clear_pointer (&self->quotes, g_hash_table_unref);
  g_clear_pointer (&self->cited, g_ptr_array_unref);
  g_clear_pointer (&self->deferred, _veto_deferred_unref);

  G_OBJECT_CLASS (veto_step_parent_class)->finalize (object);
}

static void
veto_step_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VetoStep *self = VETO_STEP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_APP_ID:
      g_value_set_string (value, self->app_ids[0]);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, veto_step_get_description (self));
      break;

    case PROP_PER_ACCOUNT:
      g_value_set_boolean (value, self->scope == VETO_STEP_SCOPE_ACCOUNT);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_step_class_init (VetoStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = veto_step_finalize;
  object_class->get_property = veto_step_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_APP_ID] =
    g_param_spec_string ("app-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PER_ACCOUNT] =
    g_param_spec_boolean ("per-account", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
veto_step_init (VetoStep *self)
{
}

static gboolean
bad_token (const char  *group,
           const char  *key,
           const char  *value,
           const char  *allowed,
           GError     **error)
{
  g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
               /* Translators: [group] key: “value” is not one of: list */
               _("[%s] %s: “%s” is not one of: %s"), group, key, value, allowed);
  return FALSE;
}

static gboolean
get_kind (VetoCatalogGroup  *group,
          VetoStepKind      *out,
          GError       **error)
{
  g_autofree char *str = veto_catalog_get_string (group, "Kind", TRUE, FALSE, error);

  if (str == NULL)
    return FALSE;
  if (!veto_step_kind_from_string (str, out))
    return bad_token (group->name, "Kind", str, "form, setting, command, information, complaint", error);
  if (*out == VETO_STEP_KIND_COMPLAINT && group->format < 3)
    return bad_token (group->name, "Kind", str, "form, setting, command, information", error);
  return TRUE;
}

static gboolean
get_confidence (VetoCatalogGroup  *group,
                VetoConfidence    *out,
                GError         **error)
{
  g_autofree char *str = veto_catalog_get_string (group, "Confidence", TRUE, FALSE, error);

  if (str == NULL)
    return FALSE;
  if (!veto_confidence_from_string (str, out))
    return bad_token (group->name, "Confidence", str, "high, medium, low", error);
  return TRUE;
}

/* OnlyIf=refused-or-overdue:STEP-ID;... — the one condition the catalog
 * knows: a later step (a complaint to a regulator) matters only once Meta
 * refused an objection or let its answer period pass. The prefix names the
 * condition so that another can be added without changing what this one
 * means. Whether STEP-ID exists is checked once every step is read. */
#define ONLY_IF_REFUSED_OR_OVERDUE "refused-or-overdue:"

static GStrv
get_only_if (VetoCatalogGroup  *group,
             GError           **error)
{
  g_auto(GStrv) list = veto_catalog_get_list (group, "OnlyIf", FALSE, error);
  g_autoptr(GStrvBuilder) builder = NULL;

  /* the empty list of nearly every step is the one to keep */
  if (list == NULL || list[0] == NULL)
    return g_steal_pointer (&list);

  builder = g_strv_builder_new ();
  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *id = list[i] + strlen (ONLY_IF_REFUSED_OR_OVERDUE);

      if (!g_str_has_prefix (list[i], ONLY_IF_REFUSED_OR_OVERDUE) ||
          !veto_catalog_check_id (group->name, id, NULL))
        {
          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                       /* Translators: [group] key: “value” … */
                       _("[%s] %s: “%s” is not a condition; write refused-or-overdue:STEP-ID"),
                       group->name, "OnlyIf", list[i]);
          return NULL;
        }
      g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/* Format 1 said PerAccount=true|false; format 2 says Scope=, which can also
 * say "once for every account in Accounts Center". A catalog uses the key
 * of its own format, so that no step is read two ways. */
static gboolean
get_scope (VetoCatalogGroup  *group,
           VetoStepScope     *out,
           GError        **error)
{
  int format = group->format;
  const char *wrong = format >= 2 ? "PerAccount" : "Scope";
  g_autofree char *str = NULL;

  if (veto_catalog_group_has_key (group, wrong))
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   /* Translators: [group] key: … ; the last %d is the catalog format */
                   _("[%s] %s: this key is not used in catalog format %d"), group->name, wrong, format);
      return FALSE;
    }

  if (format < 2)
    {
      gboolean per_account;

      if (!veto_catalog_get_boolean (group, "PerAccount", &per_account, error))
        return FALSE;
      *out = per_account ? VETO_STEP_SCOPE_ACCOUNT : VETO_STEP_SCOPE_APP;
      return TRUE;
    }

  str = veto_catalog_get_string (group, "Scope", TRUE, FALSE, error);
  if (str == NULL)
    return FALSE;
  if (!veto_step_scope_from_string (str, out))
    return bad_token (group->name, "Scope", str, "account, app, accounts-center", error);
  return TRUE;
}


/* What format 3 added (see VETO_CATALOG_FORMAT): an older catalog that
 * used it would mean something else to an older Veto. */
static gboolean
refuse_before_format_3 (VetoCatalogGroup  *group,
                        const char        *key,
                        GError           **error)
{
  if (group->format >= 3)
    return TRUE;

  g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
               _("[%s] %s: this key is not used in catalog format %d"), group->name, key, group->format);
  return FALSE;
}

/* Whether Meta is to answer what this step sends, and in how long. The
 * period is the law's, so it is the region's ([Region] AnswerMonths=): a
 * step says only that it waits for an answer (AwaitsAnswer=true), and an
 * objection sent from Switzerland is not overdue by the GDPR's month.
 * Before format 4 a step carried its own period (AnswerMonths=), which old
 * caches and fixtures still do: it is read as before and wins over the
 * region's. Format 4 refuses it, so that no step states a period that is
 * true in one region only. */
static gboolean
get_answer (VetoStep          *self,
            VetoCatalogGroup  *group,
            GError           **error)
{
  gboolean own = veto_catalog_group_has_key (group, "AnswerMonths");

  if (veto_catalog_group_has_key (group, "AwaitsAnswer") &&
      !veto_catalog_get_boolean (group, "AwaitsAnswer", &self->awaits_answer, error))
    return FALSE;

  if (own && group->format >= 4)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   /* Translators: [group] key: …; the keys are not translated */
                   _("[%s] %s: in catalog format %d the answer period is the region’s ([Region] AnswerMonths=); say AwaitsAnswer=true"),
                   group->name, "AnswerMonths", group->format);
      return FALSE;
    }
  if (own && self->awaits_answer)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   /* Translators: [group] key: …; the last %s is another key */
                   _("[%s] %s: not with %s"), group->name, "AnswerMonths", "AwaitsAnswer");
      return FALSE;
    }
  if (own && !veto_catalog_get_int (group, "AnswerMonths", 1, &self->answer_months, error))
    return FALSE;
  if (self->answer_months > VETO_REGION_MAX_MONTHS)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   _("[%s] %s: %d months is not an answer period"), group->name, "AnswerMonths",
                   self->answer_months);
      return FALSE;
    }
  if (own)
    self->awaits_answer = TRUE;

  /* a complaint or a setting has nobody to answer it */
  if (self->awaits_answer && self->kind != VETO_STEP_KIND_FORM)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   /* Translators: [group] key: …; "Kind=form" is not translated */
                   _("[%s] %s: only on a step of Kind=form"), group->name,
                   self->answer_months > 0 ? "AnswerMonths" : "AwaitsAnswer");
      return FALSE;
    }

  return TRUE;
}

#define OBJECTION_TEXT_PREFIX "ObjectionText-"

/* ObjectionText-eu=, ObjectionText-uk=…: the letter for one region, so
 * that a person in France cites the GDPR and no other country's law. The
 * region follows a "-" because GKeyFile takes ObjectionText[xx] for a
 * translation. Which regions need one is checked with the catalog's
 * regions (veto-catalog-load.c). */
static gboolean
get_objection_texts (VetoStep          *self,
                     VetoCatalogGroup  *group,
                     GError           **error)
{
  self->objection_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (gsize i = 0; i < group->n_keys; i++)
    {
      const char *key = group->keys[i];
      const char *region = key + strlen (OBJECTION_TEXT_PREFIX);
      char *text;

      /* the translations (ObjectionText-eu[fr]) are read with their key */
      if (!g_str_has_prefix (key, OBJECTION_TEXT_PREFIX) || strchr (key, '[') != NULL)
        continue;

      if (!refuse_before_format_3 (group, key, error) ||
          !veto_catalog_check_id (group->name, region, error))
        return FALSE;

      /* required: an empty letter would be a copy button that copies nothing */
      text = veto_catalog_get_string (group, key, TRUE, TRUE, error);
      if (text == NULL)
        return FALSE;
      g_hash_table_insert (self->objection_texts, g_strdup (region), text);
    }

  return TRUE;
}

/* App=facebook;instagram; names every app whose objection a step (one
 * complaint) is about; it is done once, so it has one task, on the first
 * of those apps the person chose (veto-checklist.c). */
static gboolean
get_apps (VetoStep          *self,
          VetoCatalogGroup  *group,
          GError           **error)
{
  if (!(self->app_ids = veto_catalog_get_list (group, "App", TRUE, error)))
    return FALSE;

  if (self->app_ids[0] == NULL)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_MISSING_KEY,
                   _("[%s] %s: this key is required"), group->name, "App");
      return FALSE;
    }

  for (guint i = 0; self->app_ids[i] != NULL; i++)
    {
      if (!veto_catalog_check_id (group->name, self->app_ids[i], error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (self->app_ids[i], self->app_ids[j]))
          {
            g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                         _("[%s] %s: “%s” is listed twice"), group->name, "App", self->app_ids[i]);
            return FALSE;
          }
    }

  if (self->app_ids[1] != NULL && !refuse_before_format_3 (group, "App", error))
    return FALSE;

  return TRUE;
}


/* Before format 4 a step names its sources itself (Sources=, SourceNotes=)
 * and the day they were read (LastVerified=); from format 4 on its claims
 * cite [Source] groups, which carry what was read and when, and these
 * keys would contradict them. */
static gboolean
get_format_3_sources (VetoStep          *self,
                      VetoCatalogGroup  *group,
                      VetoCatalogFlags   flags,
                      GError           **error)
{
  const char *gone[] = { "Sources", "SourceNotes", "LastVerified", "LinkChecked" };

  self->format = group->format;
  if (group->format < 4)
    {
      self->source_notes = veto_catalog_get_string (group, "SourceNotes", FALSE, TRUE, NULL);
      return (self->last_verified = veto_catalog_get_date (group, "LastVerified", error)) != NULL &&
             (self->sources = veto_catalog_get_url_list (group, "Sources", FALSE, flags, error)) != NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    if (veto_catalog_group_has_key (group, gone[i]))
      {
        g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                     _("[%s] %s: in catalog format 4 a step’s claims cite [Source …] groups instead"),
                     group->name, gone[i]);
        return FALSE;
      }

  self->sources = g_new0 (char *, 1);
  return TRUE;
}

#define QUOTE_PREFIX "Quote-"

/* The passages a step quotes from each source it cites (Quote-ID=, not
 * translated), into @quotes: source id → passage. */
static gboolean
read_quotes (VetoCatalogGroup  *group,
             GHashTable        *quotes,
             GError           **error)
{
  for (gsize i = 0; i < group->n_keys; i++)
    {
      const char *key = group->keys[i];
      char *text;

      if (!g_str_has_prefix (key, QUOTE_PREFIX) || strchr (key, '[') != NULL)
        continue;
      if (!veto_catalog_check_id (group->name, key + strlen (QUOTE_PREFIX), error) ||
          !(text = veto_catalog_get_string (group, key, TRUE, FALSE, error)))
        return FALSE;
      g_hash_table_insert (quotes, g_strdup (key + strlen (QUOTE_PREFIX)), text);
    }

  return TRUE;
}

/* Format 4: the region variants (Description-ch=, Caveats-uk=), shown
 * only there after the common text, and the passages quoted for each
 * source cited (Quote-ID=, not translated). The markers are stripped
 * from what is shown; the marked texts stay for the claims. */
static gboolean
get_claim_texts (VetoStep          *self,
                 VetoCatalogGroup  *group,
                 GError           **error)
{
  if (self->format < 4)
    return TRUE;

  self->region_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->region_display = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->quotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!read_quotes (group, self->quotes, error))
    return FALSE;

  self->description_marked = g_steal_pointer (&self->description);
  self->description = veto_text_strip_markers (self->description_marked);
  self->caveats_marked = g_steal_pointer (&self->caveats);
  self->caveats = veto_text_strip_markers (self->caveats_marked);

  for (gsize i = 0; i < group->n_keys; i++)
    {
      const char *key = group->keys[i];
      const char *region = NULL;
      char *text;

      if (strchr (key, '[') != NULL)
        continue;

      if (g_str_has_prefix (key, QUOTE_PREFIX))
        continue;

      if (g_str_has_prefix (key, "Description-"))
        region = key + strlen ("Description-");
      else if (g_str_has_prefix (key, "Caveats-"))
        region = key + strlen ("Caveats-");
      else
        continue;

      if (!veto_catalog_check_id (group->name, region, error))
        return FALSE;
      /* a region's own text for a region the step is not shown in would
       * never be read: a mistake in the region's id */
      if (!veto_step_applies_to (self, region))
        {
          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_REFERENCE,
                       _("[%s] %s: the step is not shown in region “%s”"), group->name, key, region);
          return FALSE;
        }
      if (!(text = veto_catalog_get_string (group, key, TRUE, TRUE, error)))
        return FALSE;
      g_hash_table_insert (self->region_display, g_strdup (key), veto_text_strip_markers (text));
      g_hash_table_insert (self->region_texts, g_strdup (key), text);
    }

  return TRUE;
}

static void
add_claims (GPtrArray  *claims,
            const char *key,
            const char *marked)
{
  g_autoptr(GPtrArray) split = NULL;

  if (marked == NULL)
    return;
  split = veto_claims_split (key, marked, NULL);
  for (guint i = 0; i < split->len; i++)
    g_ptr_array_add (claims, veto_claim_ref (g_ptr_array_index (split, i)));
}

/* Every claim of the step, in every region: what the catalog resolves. */
static GPtrArray *
all_claims (VetoStep   *self,
            const char *region_id)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func ((GDestroyNotify)veto_claim_unref);

  add_claims (claims, "Description", self->description_marked);
  if (region_id != NULL)
    {
      g_autofree char *key = g_strconcat ("Description-", region_id, NULL);

      add_claims (claims, key, g_hash_table_lookup (self->region_texts, key));
    }
  add_claims (claims, "Caveats", self->caveats_marked);
  if (region_id != NULL)
    {
      g_autofree char *key = g_strconcat ("Caveats-", region_id, NULL);

      add_claims (claims, key, g_hash_table_lookup (self->region_texts, key));
    }

  if (region_id == NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->region_texts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        add_claims (claims, key, value);
    }

  return claims;
}

/* Called by the catalog once its [Source] groups are read: each marker
 * names one of them, and the step's sources, addresses and dates are
 * those of the sources its claims cite. */
gboolean
_veto_step_resolve_sources (VetoStep    *self,
                            GHashTable  *source_by_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GStrvBuilder) urls = g_strv_builder_new ();
  g_autoptr(GHashTable) seen_urls = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean all_checked = TRUE;

  if (self->format < 4)
    return TRUE;

  claims = all_claims (self, NULL);
  self->cited = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < claims->len; i++)
    {
      VetoClaim *claim = g_ptr_array_index (claims, i);
      const char * const *ids = veto_claim_get_source_ids (claim);

      for (guint j = 0; ids[j] != NULL; j++)
        {
          VetoSource *source = g_hash_table_lookup (source_by_id, ids[j]);

          if (source == NULL)
            {
              g_autofree char *group = g_strdup_printf ("Step %s", self->id);

              g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_UNKNOWN_REFERENCE,
                           _("[%s] %s: there is no source “%s”"), group, veto_claim_get_key (claim), ids[j]);
              return FALSE;
            }
          if (!g_ptr_array_find (self->cited, source, NULL))
            g_ptr_array_add (self->cited, g_object_ref (source));
        }
    }

  if (self->cited->len == 0)
    {
      g_autofree char *group = g_strdup_printf ("Step %s", self->id);

      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_MISSING_KEY,
                   _("[%s] %s: a step’s claims cite at least one source, with [[source-id]] markers"),
                   group, "Description");
      return FALSE;
    }

  g_clear_pointer (&self->last_verified, g_date_time_unref);
  g_clear_pointer (&self->link_checked, g_date_time_unref);
  for (guint i = 0; i < self->cited->len; i++)
    {
      VetoSource *source = g_ptr_array_index (self->cited, i);
      GDateTime *date = veto_source_get_date (source);
      GDateTime *checked = veto_source_get_link_checked (source);

      if (g_hash_table_add (seen_urls, (gpointer)veto_source_get_url (source)))
        g_strv_builder_add (urls, veto_source_get_url (source));
      if (self->last_verified == NULL || g_date_time_compare (date, self->last_verified) < 0)
        {
          g_clear_pointer (&self->last_verified, g_date_time_unref);
          self->last_verified = g_date_time_ref (date);
        }
      if (checked == NULL)
        all_checked = FALSE;
      else if (self->link_checked == NULL || g_date_time_compare (checked, self->link_checked) < 0)
        {
          g_clear_pointer (&self->link_checked, g_date_time_unref);
          self->link_checked = g_date_time_ref (checked);
        }
    }
  g_strfreev (self->sources);
  self->sources = g_strv_builder_end (urls);
  /* a link is checked only when every one of them is */
  if (!all_checked)
    g_clear_pointer (&self->link_checked, g_date_time_unref);

  return TRUE;
}

/* The texts only an app page, a letter, the record or "Why do we say
 * this?" reads (RecordTitle: the record only). A trusted catalog's steps
 * read them later, from its deferred text (veto-catalog-deferred.c splits
 * the same keys off). */
static gboolean
read_deferred_texts (VetoStep          *self,
                     VetoCatalogGroup  *group,
                     gboolean           description,
                     GError           **error)
{
  if (description &&
      !(self->description = veto_catalog_get_string (group, "Description", TRUE, TRUE, error)))
    return FALSE;
  /* a catalog written before the record had noun titles keeps working:
   * the record falls back to Title */
  self->record_title = veto_catalog_get_string (group, "RecordTitle", FALSE, TRUE, NULL);
  self->in_app_path = veto_catalog_get_string (group, "InAppPath", FALSE, TRUE, NULL);
  self->caveats = veto_catalog_get_string (group, "Caveats", FALSE, TRUE, NULL);
  self->objection_text = veto_catalog_get_string (group, "ObjectionText", FALSE, TRUE, NULL);
  return get_objection_texts (self, group, error) && get_claim_texts (self, group, error);
}

/* A step of a trusted catalog, the first time it is asked for one of
 * those texts or its sources: @group is its deferred keys. */
gboolean
_veto_step_read_deferred (VetoStep          *self,
                          VetoCatalogGroup  *group,
                          GHashTable        *source_by_id,
                          GError           **error)
{
  return read_deferred_texts (self, group, TRUE, error) &&
         _veto_step_resolve_sources (self, source_by_id, error);
}

void
_veto_step_set_deferred (VetoStep     *self,
                         VetoDeferred *deferred)
{
  g_return_if_fail (self->deferred == NULL);
  self->deferred = _veto_deferred_ref (deferred);
  _veto_deferred_add_step (deferred);
}

/* What is read later is there once this returns. */
static inline void
ensure_deferred (VetoStep *self)
{
  if (self->deferred != NULL && !g_atomic_int_get (&self->deferred_resolved))
    _veto_deferred_resolve_step (self->deferred, self, &self->deferred_resolved);
}

VetoStep *
_veto_step_new_from_group (VetoCatalogGroup  *group,
                           const char        *id,
                           VetoCatalogFlags   flags,
                           GError           **error)
{
  g_autoptr(VetoStep) self = g_object_new (VETO_TYPE_STEP, NULL);
  g_autoptr(GError) local_error = NULL;
  gboolean later = (flags & VETO_CATALOG_FLAGS_TRUSTED) != 0;

  flags &= ~VETO_CATALOG_FLAGS_TRUSTED;
  self->id = g_strdup (id);

  if (!get_apps (self, group, error) ||
      !(self->title = veto_catalog_get_string (group, "Title", TRUE, TRUE, error)) ||
      !(later || (self->description = veto_catalog_get_string (group, "Description", TRUE, TRUE, error))) ||
      !get_kind (group, &self->kind, error) ||
      !(self->regions = veto_catalog_get_list (group, "Regions", TRUE, error)) ||
      !get_scope (group, &self->scope, error) ||
      !get_confidence (group, &self->confidence, error) ||
      !get_format_3_sources (self, group, flags, error) ||
      !veto_catalog_get_int (group, "RecheckDays", 1, &self->recheck_days, error) ||
      !(self->fallback_urls = veto_catalog_get_url_list (group, "FallbackUrls", FALSE, flags, error)))
    return NULL;

  /* A form without its address would leave a dead button. */
  self->url = veto_catalog_get_string (group, "Url",
                                       self->kind == VETO_STEP_KIND_FORM, FALSE,
                                       &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (self->url != NULL && !veto_catalog_check_url (self->url, flags, group->name, "Url", error))
    return NULL;

  if (!get_answer (self, group, error))
    return NULL;
  if (!(self->only_if_refused_or_overdue = get_only_if (group, error)))
    return NULL;
  if (veto_catalog_group_has_key (group, "Essential") &&
      !veto_catalog_get_boolean (group, "Essential", &self->essential, error))
    return NULL;

  if (!later && !read_deferred_texts (self, group, FALSE, error))
    return NULL;

  /* Every fact has a source: a link, or, for articles and app code that
   * can't be linked, a note naming them. (Format 4: the [[id]] markers,
   * resolved with the catalog's sources.) */
  if (self->format < 4 && self->sources[0] == NULL && self->source_notes == NULL)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_MISSING_KEY,
                   _("[%s] %s: a step needs at least one source, in Sources or SourceNotes"),
                   group->name, "Sources");
      return NULL;
    }

  /* One task for several apps: a step done per account could not say
   * which app's account it is. */
  if (self->app_ids[1] != NULL && self->scope != VETO_STEP_SCOPE_APP)
    {
      g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                   _("[%s] %s: a step on several apps needs Scope=app"), group->name, "App");
      return NULL;
    }

  if (veto_catalog_group_has_key (group, "Replaces"))
    {
      if (!refuse_before_format_3 (group, "Replaces", error) ||
          !(self->replaces = veto_catalog_get_list (group, "Replaces", TRUE, error)))
        return NULL;
      for (guint i = 0; self->replaces[i] != NULL; i++)
        if (!veto_catalog_check_id (group->name, self->replaces[i], error))
          return NULL;
      /* the progress store copies the old step's one record */
      if (self->scope == VETO_STEP_SCOPE_ACCOUNT)
        {
          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                       _("[%s] %s: a step that replaces others needs Scope=app or Scope=accounts-center"),
                       group->name, "Replaces");
          return NULL;
        }
    }
  else
    self->replaces = g_new0 (char *, 1);

  if (self->format < 4 && veto_catalog_group_has_key (group, "LinkChecked") &&
      !(self->link_checked = veto_catalog_get_date (group, "LinkChecked", error)))
    return NULL;

  /* Resolved and checked by the catalog once every step is read. */
  if (veto_catalog_group_has_key (group, "SameAs"))
    {
      if (!(self->same_as = veto_catalog_get_string (group, "SameAs", TRUE, FALSE, error)) ||
          !veto_catalog_check_id (group->name, self->same_as, error))
        return NULL;
      if (self->scope == VETO_STEP_SCOPE_ACCOUNT)
        {
          /* Which account of another app an account matches is unknown. */
          g_set_error (error, VETO_CATALOG_ERROR, VETO_CATALOG_ERROR_INVALID_VALUE,
                       _("[%s] %s: a step that takes its state from another needs Scope=app or Scope=accounts-center"),
                       group->name, "SameAs");
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

const char *
veto_step_get_id (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return self->id;
}

const char *
veto_step_get_app_id (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return self->app_ids[0];
}

/**
 * veto_step_get_app_ids:
 * @self: a #VetoStep
 *
 * Returns: (transfer none): the apps whose pages show the step (`App=`),
 *   its own first; several only for a step done once about all of them
 */
const char * const *
veto_step_get_app_ids (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return (const char * const *)self->app_ids;
}

/**
 * veto_step_has_app:
 * @self: a #VetoStep
 * @app_id: an app id
 *
 * Returns: whether @app_id is one of the step's apps
 */
gboolean
veto_step_has_app (VetoStep   *self,
                   const char *app_id)
{
  g_return_val_if_fail (VETO_IS_STEP (self), FALSE);
  return app_id != NULL && g_strv_contains ((const char * const *)self->app_ids, app_id);
}

const char *
veto_step_get_title (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return self->title;
}

/**
 * veto_step_get_record_title:
 *
 * Returns: the step named as a noun, as the record lists it ("Audience of
 *   future Facebook posts"): a record is what was done, not orders
 */
const char *
veto_step_get_record_title (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);

  return self->record_title != NULL ? self->record_title : self->title;
}

const char *
veto_step_get_description (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  return self->description;
}

VetoStepKind
veto_step_get_kind (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), 0);
  return self->kind;
}

/**
 * veto_step_get_regions:
 * @self: a #VetoStep
 *
 * Returns: (transfer none): region ids, or a single `all`
 */
const char * const *
veto_step_get_regions (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return (const char * const *)self->regions;
}

gboolean
veto_step_applies_to (VetoStep   *self,
                      const char *region_id)
{
  g_return_val_if_fail (VETO_IS_STEP (self), FALSE);

  if (region_id == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *)self->regions, "all") ||
         g_strv_contains ((const char * const *)self->regions, region_id);
}

/**
 * veto_step_get_per_account:
 * @self: a #VetoStep
 *
 * Returns: whether the step is done once for each account (Scope=account)
 */
gboolean
veto_step_get_per_account (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), FALSE);
  return self->scope == VETO_STEP_SCOPE_ACCOUNT;
}

VetoStepScope
veto_step_get_scope (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), 0);
  return self->scope;
}

/**
 * veto_step_get_same_as:
 * @self: a #VetoStep
 *
 * Returns: (nullable): the id of the step whose state this one takes
 *   (Instagram's Accounts Center settings are Facebook's), or %NULL
 */
const char *
veto_step_get_same_as (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return self->same_as;
}

/**
 * veto_step_get_link_checked:
 * @self: a #VetoStep
 *
 * Returns: (transfer none) (nullable): the day the step's links were last
 *   found answering live, or %NULL when they never were
 */
GDateTime *
veto_step_get_link_checked (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  return self->link_checked;
}

VetoConfidence
veto_step_get_confidence (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), 0);
  return self->confidence;
}

/**
 * veto_step_get_last_verified:
 * @self: a #VetoStep
 *
 * Returns: (transfer none): midnight UTC of the day the step was last verified
 */
GDateTime *
veto_step_get_last_verified (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  return self->last_verified;
}

int
veto_step_get_recheck_days (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), 0);
  return self->recheck_days;
}

const char *
veto_step_get_in_app_path (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  return self->in_app_path;
}

const char *
veto_step_get_url (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return self->url;
}

const char * const *
veto_step_get_fallback_urls (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return (const char * const *)self->fallback_urls;
}

const char *
veto_step_get_caveats (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  return self->caveats;
}

/**
 * veto_step_get_objection_text:
 * @self: a #VetoStep
 * @region_id: (nullable): the person's region
 *
 * The ready-to-paste letter cites the law of the place the person lives,
 * and only that one.
 *
 * Returns: (nullable): the letter for @region_id (`ObjectionText-REGION=`,
 *   or `ObjectionText=` on a step with one region), in the interface
 *   language; %NULL when the step has none there or does not apply there
 */
const char *
veto_step_get_objection_text (VetoStep   *self,
                              const char *region_id)
{
  const char *text;

  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);

  if (region_id == NULL || !veto_step_applies_to (self, region_id))
    return NULL;
  text = g_hash_table_lookup (self->objection_texts, region_id);
  return text != NULL ? text : self->objection_text;
}

/**
 * veto_step_has_objection_text:
 * @self: a #VetoStep
 *
 * Returns: whether the step has a letter for at least one region
 */
gboolean
veto_step_has_objection_text (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), FALSE);
  ensure_deferred (self);
  return self->objection_text != NULL || g_hash_table_size (self->objection_texts) > 0;
}

/* For the catalog's checks: the plain key, and the regions with a letter
 * of their own. */
const char *
_veto_step_get_plain_objection_text (VetoStep *self)
{
  return self->objection_text;
}

GHashTable *
_veto_step_get_objection_texts (VetoStep *self)
{
  return self->objection_texts;
}

/**
 * veto_step_get_replaces:
 * @self: a #VetoStep
 *
 * Returns: (transfer none): the ids of earlier steps whose record this
 *   step takes over (`Replaces=`); empty for most steps
 */
const char * const *
veto_step_get_replaces (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return (const char * const *)self->replaces;
}

const char * const *
veto_step_get_sources (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  return (const char * const *)self->sources;
}

const char *
veto_step_get_source_notes (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return self->source_notes;
}

/**
 * veto_step_get_essential:
 * @self: a #VetoStep
 *
 * Returns: whether this is its app's essential step (`Essential=true`):
 *   the objection, or for an app without one the step that limits Meta's
 *   AI most; its page opens with it, and "Continue" leads to it first
 */
gboolean
veto_step_get_essential (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), FALSE);
  return self->essential;
}

/**
 * veto_step_get_awaits_answer:
 * @self: a #VetoStep
 *
 * Returns: whether Meta is to answer what this form sends (an objection,
 *   an access request): `AwaitsAnswer=true`, or a period of its own
 */
gboolean
veto_step_get_awaits_answer (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), FALSE);
  return self->awaits_answer;
}

/**
 * veto_step_get_answer_months:
 * @self: a #VetoStep
 *
 * The step's own answer period, which only catalogs older than format 4
 * have (`AnswerMonths=` on the step). Whoever needs the period a person
 * has asks the task (veto_task_get_answer_months()), which knows the
 * region's.
 *
 * Returns: how many calendar months Meta has to confirm an objection sent
 *   with this form before it is overdue, or 0 when the step leaves the
 *   period to the region
 */
int
veto_step_get_answer_months (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), 0);
  return self->answer_months;
}

/**
 * veto_step_get_only_if_refused_or_overdue:
 * @self: a #VetoStep
 *
 * Returns: (transfer none): the ids of the steps (`OnlyIf=refused-or-overdue:…`)
 *   one of which must be refused or overdue for this step to be a to-do;
 *   empty when the step is always one
 */
const char * const *
veto_step_get_only_if_refused_or_overdue (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return (const char * const *)self->only_if_refused_or_overdue;
}

/**
 * veto_step_get_conditional:
 * @self: a #VetoStep
 *
 * Returns: whether the step is a to-do only under a condition (`OnlyIf=`)
 */
gboolean
veto_step_get_conditional (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), FALSE);
  return self->only_if_refused_or_overdue[0] != NULL;
}

/**
 * veto_step_get_region_description:
 * @self: a #VetoStep
 * @region_id: (nullable): the person's region
 *
 * Returns: (nullable): what the step says only in @region_id
 *   (`Description-REGION=`, format 4), shown after its description
 */
const char *
veto_step_get_region_description (VetoStep   *self,
                                  const char *region_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  if (self->region_display == NULL || region_id == NULL || !veto_step_applies_to (self, region_id))
    return NULL;
  key = g_strconcat ("Description-", region_id, NULL);
  return g_hash_table_lookup (self->region_display, key);
}

/**
 * veto_step_get_region_caveats:
 * @self: a #VetoStep
 * @region_id: (nullable): the person's region
 *
 * Returns: (nullable): the caveats only for @region_id (`Caveats-REGION=`),
 *   one a line, shown after the common ones
 */
const char *
veto_step_get_region_caveats (VetoStep   *self,
                              const char *region_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  if (self->region_display == NULL || region_id == NULL || !veto_step_applies_to (self, region_id))
    return NULL;
  key = g_strconcat ("Caveats-", region_id, NULL);
  return g_hash_table_lookup (self->region_display, key);
}

static char *
join_texts (const char *common,
            const char *region,
            const char *separator)
{
  if (common == NULL || region == NULL)
    return g_strdup (common != NULL ? common : region);
  return g_strconcat (common, separator, region, NULL);
}

/**
 * veto_step_dup_description_in:
 * @self: a #VetoStep
 * @region_id: (nullable): the person's region
 *
 * Returns: (transfer full): the description a person in @region_id reads:
 *   the common text, then that region's
 */
char *
veto_step_dup_description_in (VetoStep   *self,
                              const char *region_id)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  return join_texts (self->description, veto_step_get_region_description (self, region_id), " ");
}

/**
 * veto_step_dup_caveats_in:
 * @self: a #VetoStep
 * @region_id: (nullable): the person's region
 *
 * Returns: (transfer full) (nullable): the caveats a person in @region_id
 *   reads, one a line: the common ones, then that region's
 */
char *
veto_step_dup_caveats_in (VetoStep   *self,
                          const char *region_id)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  return join_texts (self->caveats, veto_step_get_region_caveats (self, region_id), "\n");
}

static VetoSource *
lookup_cited (VetoStep   *self,
              const char *id)
{
  for (guint i = 0; self->cited != NULL && i < self->cited->len; i++)
    if (g_str_equal (veto_source_get_id (g_ptr_array_index (self->cited, i)), id))
      return g_ptr_array_index (self->cited, i);
  return NULL;
}

/**
 * veto_step_dup_claims:
 * @self: a #VetoStep
 * @region_id: (nullable): the person's region; %NULL for every region's
 *
 * The sentences and clauses the step states to a person in @region_id,
 * in the order shown (description, its region's, caveats, its region's),
 * each with the sources that support it and the passage quoted from each.
 *
 * Returns: (transfer container) (element-type VetoClaim): the claims;
 *   empty for a catalog older than format 4
 */
GPtrArray *
veto_step_dup_claims (VetoStep   *self,
                      const char *region_id)
{
  GPtrArray *claims;

  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);

  if (self->format < 4)
    return g_ptr_array_new_with_free_func ((GDestroyNotify)veto_claim_unref);
  if (region_id != NULL && !veto_step_applies_to (self, region_id))
    region_id = "";

  claims = all_claims (self, region_id);
  for (guint i = 0; i < claims->len; i++)
    {
      VetoClaim *claim = g_ptr_array_index (claims, i);
      const char * const *ids = veto_claim_get_source_ids (claim);

      for (guint j = 0; ids[j] != NULL; j++)
        {
          VetoSource *source = lookup_cited (self, ids[j]);

          if (source != NULL)
            _veto_claim_add_source (claim, source, g_hash_table_lookup (self->quotes, ids[j]));
        }
    }

  return claims;
}

/**
 * veto_step_get_cited_sources:
 * @self: a #VetoStep
 *
 * Returns: (transfer none) (element-type VetoSource) (nullable): every
 *   source the step's claims cite, in every region, in order of first
 *   citation; %NULL before format 4
 */
GPtrArray *
veto_step_get_cited_sources (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);
  return self->cited;
}

/**
 * veto_step_dup_sources_in:
 * @self: a #VetoStep
 * @region_id: (nullable): the person's region
 *
 * Returns: (transfer container) (element-type VetoSource): the sources
 *   of what a person in @region_id reads, in order of first citation
 */
GPtrArray *
veto_step_dup_sources_in (VetoStep   *self,
                          const char *region_id)
{
  g_autoptr(GPtrArray) claims = veto_step_dup_claims (self, region_id);
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < claims->len; i++)
    for (guint j = 0; j < veto_claim_get_n_sources (g_ptr_array_index (claims, i)); j++)
      {
        VetoSource *source = veto_claim_get_source (g_ptr_array_index (claims, i), j);

        if (!g_ptr_array_find (sources, source, NULL))
          g_ptr_array_add (sources, g_object_ref (source));
      }

  return sources;
}

static GDateTime *
oldest (VetoStep    *self,
        GDateTime *(*get) (VetoSource *))
{
  GDateTime *best = NULL;

  ensure_deferred (self);

  for (guint i = 0; self->cited != NULL && i < self->cited->len; i++)
    {
      GDateTime *date = get (g_ptr_array_index (self->cited, i));

      if (date != NULL && (best == NULL || g_date_time_compare (date, best) < 0))
        best = date;
    }
  return best;
}

/**
 * veto_step_get_sources_read_on:
 * @self: a #VetoStep
 *
 * Returns: (transfer none) (nullable): the oldest day a stored copy of
 *   one of its sources was read (`ReadOn`); before format 4, LastVerified;
 *   %NULL when every source rests on our research notes only
 */
GDateTime *
veto_step_get_sources_read_on (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  if (self->format < 4)
    return self->last_verified;
  return oldest (self, veto_source_get_read_on);
}

/**
 * veto_step_get_notes_read_on:
 * @self: a #VetoStep
 *
 * Returns: (transfer none) (nullable): when some of its sources rest on
 *   our research notes only (`NotesOn`), the oldest day those were read;
 *   else %NULL
 */
GDateTime *
veto_step_get_notes_read_on (VetoStep *self)
{
  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  return oldest (self, veto_source_get_notes_on);
}

/**
 * veto_step_dup_checked_text:
 * @self: a #VetoStep
 *
 * What was done to check the step, in plain words: whether its sources'
 * stored copies were read or only our research notes, when, and whether
 * their links were opened live ("Sources read on 7 December 2026; links
 * not checked live yet.").
 *
 * Returns: (transfer full): one sentence
 */
char *
veto_step_dup_checked_text (VetoStep *self)
{
  GDateTime *read_on, *notes_on;
  g_autofree char *read_day = NULL;
  g_autofree char *notes_day = NULL;
  g_autofree char *checked_day = NULL;

  g_return_val_if_fail (VETO_IS_STEP (self), NULL);
  ensure_deferred (self);

  read_on = veto_step_get_sources_read_on (self);
  notes_on = self->format < 4 ? NULL : veto_step_get_notes_read_on (self);
  read_day = read_on ? veto_format_date (read_on) : NULL;
  notes_day = notes_on ? veto_format_date (notes_on) : NULL;
  checked_day = self->link_checked ? veto_format_date (self->link_checked) : NULL;

  if (read_day != NULL && notes_day != NULL)
    return checked_day != NULL
      /* Translators: three dates */
      ? g_strdup_printf (_("Sources read on %s, some only in our research notes of %s; links checked live on %s."),
                         read_day, notes_day, checked_day)
      /* Translators: two dates */
      : g_strdup_printf (_("Sources read on %s, some only in our research notes of %s; links not checked live yet."),
                         read_day, notes_day);
  if (notes_day != NULL)
    return checked_day != NULL
      /* Translators: two dates */
      ? g_strdup_printf (_("From our research notes of %s; links checked live on %s."), notes_day, checked_day)
      /* Translators: a date */
      : g_strdup_printf (_("From our research notes of %s; links not checked live yet."), notes_day);
  return checked_day != NULL
    /* Translators: two dates */
    ? g_strdup_printf (_("Sources read on %s; links checked live on %s."), read_day, checked_day)
    /* Translators: a date */
    : g_strdup_printf (_("Sources read on %s; links not checked live yet."), read_day);
}
