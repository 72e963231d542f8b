/* veto-link-result.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-link-result.h"

/* What checking one URL found. Immutable: the checker builds one when the
 * URL's last request is over, so a UI can bind to it without watching for
 * changes. */
struct _VetoLinkResult
{
  GObject          parent_instance;

  char            *url;
  /* the steps whose Url, FallbackUrls or Sources name this URL */
  GStrv            step_ids;
  VetoLinkVerdict  verdict;
  /* the last HTTP status received, 0 when none */
  guint            status;
  /* (nullable) where the redirects ended, for moved and broken */
  char            *location;
  /* (nullable) a translated sentence for unreachable */
  char            *reason;
  /* every URL redirected to, in order, without the first */
  GStrv            redirects;
};

G_DEFINE_FINAL_TYPE (VetoLinkResult, veto_link_result, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VetoLinkVerdict, veto_link_verdict,
  G_DEFINE_ENUM_VALUE (VETO_LINK_VERDICT_OK, "ok"),
  G_DEFINE_ENUM_VALUE (VETO_LINK_VERDICT_MOVED, "moved"),
  G_DEFINE_ENUM_VALUE (VETO_LINK_VERDICT_BROKEN, "broken"),
  G_DEFINE_ENUM_VALUE (VETO_LINK_VERDICT_UNREACHABLE, "unreachable"),
  G_DEFINE_ENUM_VALUE (VETO_LINK_VERDICT_NOT_CHECKED, "not-checked"))

enum {
  PROP_0,
  PROP_URL,
  PROP_STEP_IDS,
  PROP_VERDICT,
  PROP_STATUS,
  PROP_LOCATION,
  PROP_REASON,
  PROP_REDIRECTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
veto_link_result_finalize (GObject *object)
{
  VetoLinkResult *self = (VetoLinkResult *)object;

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->step_ids, g_strfreev);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->redirects, g_strfreev);

  G_OBJECT_CLASS (veto_link_result_parent_class)->finalize (object);
}

static void
veto_link_result_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VetoLinkResult *self = VETO_LINK_RESULT (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_STEP_IDS:
      g_value_set_boxed (value, self->step_ids);
      break;
    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_REDIRECTS:
      g_value_set_boxed (value, self->redirects);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_link_result_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VetoLinkResult *self = VETO_LINK_RESULT (object);

  switch (prop_id)
    {
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;
    case PROP_STEP_IDS:
      self->step_ids = g_value_dup_boxed (value);
      break;
    case PROP_VERDICT:
      self->verdict = g_value_get_enum (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_uint (value);
      break;
    case PROP_LOCATION:
      self->location = g_value_dup_string (value);
      break;
    case PROP_REASON:
      self->reason = g_value_dup_string (value);
      break;
    case PROP_REDIRECTS:
      self->redirects = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_link_result_constructed (GObject *object)
{
  VetoLinkResult *self = (VetoLinkResult *)object;

  G_OBJECT_CLASS (veto_link_result_parent_class)->constructed (object);

  /* never NULL, so callers can loop without checking */
  if (self->step_ids == NULL)
    self->step_ids = g_new0 (char *, 1);
  if (self->redirects == NULL)
    self->redirects = g_new0 (char *, 1);
}

static void
veto_link_result_class_init (VetoLinkResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = veto_link_result_finalize;
  object_class->get_property = veto_link_result_get_property;
  object_class->set_property = veto_link_result_set_property;
  object_class->constructed = veto_link_result_constructed;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_STEP_IDS] =
    g_param_spec_boxed ("step-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL, VETO_TYPE_LINK_VERDICT,
                       VETO_LINK_VERDICT_UNREACHABLE, flags);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, 999, 0, flags);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_REDIRECTS] =
    g_param_spec_boxed ("redirects", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
veto_link_result_init (VetoLinkResult *self)
{
  self->verdict = VETO_LINK_VERDICT_UNREACHABLE;
}

/**
 * veto_link_result_new:
 * @url: the URL that was checked, as the catalog gives it
 * @step_ids: (nullable): the steps that name @url
 * @verdict: what was found
 * @status: the last HTTP status received, or 0
 * @location: (nullable): where the redirects ended
 * @reason: (nullable): why, in a translated sentence, for unreachable
 * @redirects: (nullable): the URLs redirected to, in order
 *
 * Returns: (transfer full): a new result
 */
VetoLinkResult *
veto_link_result_new (const char         *url,
                      const char * const *step_ids,
                      VetoLinkVerdict     verdict,
                      guint               status,
                      const char         *location,
                      const char         *reason,
                      const char * const *redirects)
{
  g_return_val_if_fail (url != NULL, NULL);

  return g_object_new (VETO_TYPE_LINK_RESULT,
                       "url", url,
                       "step-ids", step_ids,
                       "verdict", verdict,
                       "status", status,
                       "location", location,
                       "reason", reason,
                       "redirects", redirects,
                       NULL);
}

const char *
veto_link_result_get_url (VetoLinkResult *self)
{
  g_return_val_if_fail (VETO_IS_LINK_RESULT (self), NULL);
  return self->url;
}

VetoLinkVerdict
veto_link_result_get_verdict (VetoLinkResult *self)
{
  g_return_val_if_fail (VETO_IS_LINK_RESULT (self), VETO_LINK_VERDICT_UNREACHABLE);
  return self->verdict;
}

/**
 * veto_link_result_get_status:
 *
 * Returns: the HTTP status of the last answer (after redirects), or 0 when
 *   no answer came
 */
guint
veto_link_result_get_status (VetoLinkResult *self)
{
  g_return_val_if_fail (VETO_IS_LINK_RESULT (self), 0);
  return self->status;
}

/**
 * veto_link_result_get_location:
 *
 * Returns: (nullable): for a moved link, the URL it now ends on; for a
 *   broken one reached through redirects, the URL that gave the error;
 *   otherwise %NULL
 */
const char *
veto_link_result_get_location (VetoLinkResult *self)
{
  g_return_val_if_fail (VETO_IS_LINK_RESULT (self), NULL);
  return self->location;
}

/**
 * veto_link_result_get_reason:
 *
 * Returns: (nullable): why an unreachable link could not be checked, as a
 *   translated sentence fragment ("no answer within 15 seconds")
 */
const char *
veto_link_result_get_reason (VetoLinkResult *self)
{
  g_return_val_if_fail (VETO_IS_LINK_RESULT (self), NULL);
  return self->reason;
}

/**
 * veto_link_result_get_step_ids:
 *
 * Returns: (transfer none): the ids of the steps that name this URL, in
 *   catalog order; empty for a plain list of URLs
 */
const char * const *
veto_link_result_get_step_ids (VetoLinkResult *self)
{
  g_return_val_if_fail (VETO_IS_LINK_RESULT (self), NULL);
  return (const char * const *)self->step_ids;
}

gboolean
veto_link_result_has_step (VetoLinkResult *self,
                           const char     *step_id)
{
  g_return_val_if_fail (VETO_IS_LINK_RESULT (self), FALSE);
  return step_id != NULL && g_strv_contains ((const char * const *)self->step_ids, step_id);
}

/**
 * veto_link_result_get_redirects:
 *
 * Returns: (transfer none): every URL the check was redirected to, in
 *   order, not counting the first; empty when there was no redirect
 */
const char * const *
veto_link_result_get_redirects (VetoLinkResult *self)
{
  g_return_val_if_fail (VETO_IS_LINK_RESULT (self), NULL);
  return (const char * const *)self->redirects;
}

/**
 * veto_link_verdict_get_label:
 * @verdict: a verdict
 *
 * Returns: the verdict as a short translated word ("OK", "Moved", …)
 */
const char *
veto_link_verdict_get_label (VetoLinkVerdict verdict)
{
  switch (verdict)
    {
    case VETO_LINK_VERDICT_OK:
      /* Translators: a link check verdict: the page answers */
      return C_("link", "OK");
    case VETO_LINK_VERDICT_MOVED:
      /* Translators: a link check verdict: the address now redirects elsewhere */
      return C_("link", "Moved");
    case VETO_LINK_VERDICT_BROKEN:
      /* Translators: a link check verdict: the server answers with an error */
      return C_("link", "Broken");
    case VETO_LINK_VERDICT_UNREACHABLE:
      /* Translators: a link check verdict: no usable answer came back */
      return C_("link", "Unreachable");
    case VETO_LINK_VERDICT_NOT_CHECKED:
      /* Translators: a link check verdict: the check ended before this link */
      return C_("link", "Not checked");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * veto_link_result_dup_details:
 * @self: a result
 *
 * Says what was found, in one translated line a person can act on:
 * nothing for OK, where a moved link leads, the status of a broken one, why
 * an unreachable one failed.
 *
 * Returns: (transfer full) (nullable): the details, or %NULL for OK
 */
char *
veto_link_result_dup_details (VetoLinkResult *self)
{
  g_return_val_if_fail (VETO_IS_LINK_RESULT (self), NULL);

  switch (self->verdict)
    {
    case VETO_LINK_VERDICT_OK:
      return NULL;

    case VETO_LINK_VERDICT_MOVED:
      /* Translators: %s is the address a link now redirects to */
      return g_strdup_printf (_("now leads to %s"), self->location);

    case VETO_LINK_VERDICT_BROKEN:
      if (self->location != NULL)
        /* Translators: %u is an HTTP status such as 404, %s the address that
         * answered it after redirects */
        return g_strdup_printf (_("HTTP %u at %s"), self->status, self->location);
      /* Translators: %u is an HTTP status such as 404 */
      return g_strdup_printf (_("HTTP %u"), self->status);

    case VETO_LINK_VERDICT_UNREACHABLE:
    case VETO_LINK_VERDICT_NOT_CHECKED:
      return g_strdup (self->reason);

    default:
      g_return_val_if_reached (NULL);
    }
}
