/* veto-link-checker.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-http.h"
#include "veto-link-checker-private.h"

/* Meta moves its forms, and a guide with dead links is worse than none, so
 * a person (or a catalog author, with `veto --check-links`) can ask Veto to
 * check every URL of the catalog. The checker asks each URL once:
 *
 *   - HEAD first, GET when the server refuses HEAD (405, 501); a GET's body
 *     is never read, its stream is closed as soon as the headers are in;
 *   - redirects are followed here, not by libsoup (SOUP_MESSAGE_NO_REDIRECT),
 *     so that the chain can be reported and a loop caught; at most
 *     VETO_LINK_CHECKER_MAX_REDIRECTS hops;
 *   - at most max-per-host requests run at once on one host, and at most
 *     four times that in all: a check must never look like an attack;
 *   - every request has its own timer ("timeout", which starts when the
 *     request leaves our queue, not when it is queued), and the whole run
 *     has one too ("run-timeout"): when it fires, whatever is left is
 *     reported "not checked" (never unreachable or broken: nothing is known
 *     about it) and the run ends with what it has;
 *   - the session carries no cookie and a plain user agent (veto-http.c).
 *
 * Verdicts:
 *
 *   ok           2xx at the very URL the catalog gives
 *   moved        2xx after at least one redirect; "location" says where.
 *                Any redirect counts, even one that only adds a trailing
 *                slash or goes from http to https on the same path: the
 *                catalog should hold the URL a person actually lands on,
 *                such a fix costs a catalog author one line, and a checker
 *                that guesses which redirects "don't matter" would hide the
 *                one case we care about, a form that now sends people to a
 *                login or help page.
 *   broken       4xx or 5xx (after redirects, if any), or a redirect with
 *                no usable target; "status" says which
 *   unreachable  no answer: connection or TLS error, a timeout, a redirect
 *                loop, too many redirects, or a redirect to something that
 *                is not a web address; "reason" says why
 *   not checked  the run ended (its time was up, or it was cancelled)
 *                before the link was checked; "reason" says how to check it
 */

G_DEFINE_FINAL_TYPE (VetoLinkChecker, veto_link_checker, G_TYPE_OBJECT)

GParamSpec *_veto_link_checker_properties[N_PROPS];
guint _veto_link_checker_signals[N_SIGNALS];

/**
 * veto_link_checker_check_urls_async:
 * @self: a #VetoLinkChecker
 * @urls: the URLs to check; a URL given twice is checked once
 * @cancellable: (nullable): cancels the whole run
 * @callback: called when every URL has a verdict, or the run was cancelled
 * @user_data: for @callback
 *
 * Checks @urls concurrently. #VetoLinkChecker:n-done and
 * #VetoLinkChecker:n-total tell the progress, and
 * #VetoLinkChecker::link-checked gives each result as soon as it is known.
 * One run at a time: a second call while one runs fails with
 * %G_IO_ERROR_PENDING.
 */
void
veto_link_checker_check_urls_async (VetoLinkChecker     *self,
                                    const char * const  *urls,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GHashTable) by_url = g_hash_table_new (g_str_hash, g_str_equal);
  GTask *task;
  Run *run;

  g_return_if_fail (VETO_IS_LINK_CHECKER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = _veto_link_checker_task_new (self, cancellable, callback, user_data);
  if (task == NULL)
    return;

  run = _veto_link_checker_run_new (self, task);
  _veto_link_checker_add_urls (run, by_url, urls, NULL);
  _veto_link_checker_run_start (run, cancellable);

  /* the links in flight hold their own references */
  g_object_unref (task);
}

/**
 * veto_link_checker_check_catalog_async:
 * @self: a #VetoLinkChecker
 * @catalog: a catalog
 * @cancellable: (nullable): cancels the whole run
 * @callback: called when every URL has a verdict, or the run was cancelled
 * @user_data: for @callback
 *
 * Checks every URL the steps of @catalog name (Url, FallbackUrls and
 * Sources), each once, in catalog order; those of the apps in
 * #VetoLinkChecker:first-apps before the others. Each result carries the ids of the
 * steps that name its URL, so a window can show a verdict per step. See
 * veto_link_checker_check_urls_async().
 */
void
veto_link_checker_check_catalog_async (VetoLinkChecker     *self,
                                       VetoCatalog         *catalog,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GHashTable) by_url = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *steps;
  GTask *task;
  Run *run;

  g_return_if_fail (VETO_IS_LINK_CHECKER (self));
  g_return_if_fail (VETO_IS_CATALOG (catalog));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = _veto_link_checker_task_new (self, cancellable, callback, user_data);
  if (task == NULL)
    return;

  run = _veto_link_checker_run_new (self, task);

  /* The person's apps first, so that what a run's time leaves unchecked
   * is about apps they don't use; catalog order within each. */
  steps = veto_catalog_get_steps (catalog);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
      {
        g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);
        const char *id = veto_step_get_id (step);
        const char * const *apps = veto_step_get_app_ids (step);
        gboolean first = FALSE;

        for (guint a = 0; self->first_apps != NULL && apps != NULL && apps[a] != NULL; a++)
          first = first || g_strv_contains ((const char * const *)self->first_apps, apps[a]);

        if (first != (pass == 0))
          continue;
        if (veto_step_get_url (step) != NULL)
          _veto_link_checker_add_url (run, by_url, veto_step_get_url (step), id);
        _veto_link_checker_add_urls (run, by_url, veto_step_get_fallback_urls (step), id);
        _veto_link_checker_add_urls (run, by_url, veto_step_get_sources (step), id);
      }

  _veto_link_checker_run_start (run, cancellable);
  g_object_unref (task);
}

/**
 * veto_link_checker_check_finish:
 * @self: a #VetoLinkChecker
 * @result: the result given to the callback
 * @error: %G_IO_ERROR_CANCELLED when the run was cancelled,
 *   %G_IO_ERROR_PENDING when another run was in progress
 *
 * A run that ran out of time is not an error: the links it could not
 * check are unreachable, with a reason that says so.
 *
 * Returns: (transfer full): a #GListModel of #VetoLinkResult, one per
 *   distinct URL, in the order given
 */
GListModel *
veto_link_checker_check_finish (VetoLinkChecker  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (VETO_IS_LINK_CHECKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == veto_link_checker_check_urls_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
veto_link_checker_constructed (GObject *object)
{
  VetoLinkChecker *self = (VetoLinkChecker *)object;

  G_OBJECT_CLASS (veto_link_checker_parent_class)->constructed (object);

  /* Our own timer bounds each request; the session's I/O timeout is only
   * a backstop, a little later, for a connection that stalls. */
  self->session = veto_http_session_new (self->max_per_host, self->timeout + 5);
}

static void
veto_link_checker_dispose (GObject *object)
{
  VetoLinkChecker *self = (VetoLinkChecker *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_pointer (&self->first_apps, g_strfreev);

  G_OBJECT_CLASS (veto_link_checker_parent_class)->dispose (object);
}

static void
veto_link_checker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VetoLinkChecker *self = VETO_LINK_CHECKER (object);

  switch (prop_id)
    {
    case PROP_MAX_PER_HOST:
      g_value_set_uint (value, self->max_per_host);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_RUN_TIMEOUT:
      g_value_set_uint (value, self->run_timeout);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->run != NULL);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_FIRST_APPS:
      g_value_set_boxed (value, self->first_apps);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_link_checker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VetoLinkChecker *self = VETO_LINK_CHECKER (object);

  switch (prop_id)
    {
    case PROP_MAX_PER_HOST:
      self->max_per_host = g_value_get_uint (value);
      break;
    case PROP_TIMEOUT:
      veto_link_checker_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_RUN_TIMEOUT:
      veto_link_checker_set_run_timeout (self, g_value_get_uint (value));
      break;
    case PROP_FIRST_APPS:
      g_strfreev (self->first_apps);
      self->first_apps = g_value_dup_boxed (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
veto_link_checker_class_init (VetoLinkCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = veto_link_checker_constructed;
  object_class->dispose = veto_link_checker_dispose;
  object_class->get_property = veto_link_checker_get_property;
  object_class->set_property = veto_link_checker_set_property;

  /* How many requests may run at once on one host. */
  _veto_link_checker_properties[PROP_MAX_PER_HOST] =
    g_param_spec_uint ("max-per-host", NULL, NULL,
                       1, 8, VETO_LINK_CHECKER_DEFAULT_MAX_PER_HOST,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Seconds one request may take, from when it leaves the queue. */
  _veto_link_checker_properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, 600, VETO_LINK_CHECKER_DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Seconds a whole run may take; what is left then is unreachable. */
  _veto_link_checker_properties[PROP_RUN_TIMEOUT] =
    g_param_spec_uint ("run-timeout", NULL, NULL,
                       1, 3600, VETO_LINK_CHECKER_DEFAULT_RUN_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _veto_link_checker_properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Progress of the current (or last) run, for a progress bar. */
  _veto_link_checker_properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The ids of the apps the person uses: a catalog check asks their
   * steps' links first. A property rather than a function, so that the
   * window sets it without loading the module this lives in. */
  _veto_link_checker_properties[PROP_FIRST_APPS] =
    g_param_spec_boxed ("first-apps", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _veto_link_checker_properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS,
                                     _veto_link_checker_properties);

  /**
   * VetoLinkChecker::link-checked:
   * @self: the checker
   * @result: a #VetoLinkResult
   *
   * Emitted as soon as one URL has its verdict, before
   * #VetoLinkChecker:n-done changes. Not emitted after a cancellation.
   */
  _veto_link_checker_signals[LINK_CHECKED] =
    g_signal_new ("link-checked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VETO_TYPE_LINK_RESULT);
}

static void
veto_link_checker_init (VetoLinkChecker *self)
{
  self->max_per_host = VETO_LINK_CHECKER_DEFAULT_MAX_PER_HOST;
  self->timeout = VETO_LINK_CHECKER_DEFAULT_TIMEOUT;
  self->run_timeout = VETO_LINK_CHECKER_DEFAULT_RUN_TIMEOUT;
}

VetoLinkChecker *
veto_link_checker_new (void)
{
  return g_object_new (VETO_TYPE_LINK_CHECKER, NULL);
}

guint
veto_link_checker_get_max_per_host (VetoLinkChecker *self)
{
  g_return_val_if_fail (VETO_IS_LINK_CHECKER (self), 0);
  return self->max_per_host;
}

guint
veto_link_checker_get_timeout (VetoLinkChecker *self)
{
  g_return_val_if_fail (VETO_IS_LINK_CHECKER (self), 0);
  return self->timeout;
}

/**
 * veto_link_checker_set_timeout:
 * @self: a #VetoLinkChecker
 * @seconds: how long one request may take, 1 to 600
 *
 * Applies to requests started from now on.
 */
void
veto_link_checker_set_timeout (VetoLinkChecker *self,
                               guint            seconds)
{
  g_return_if_fail (VETO_IS_LINK_CHECKER (self));
  g_return_if_fail (seconds >= 1 && seconds <= 600);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, seconds + 5);
  g_object_notify_by_pspec (G_OBJECT (self), _veto_link_checker_properties[PROP_TIMEOUT]);
}

guint
veto_link_checker_get_run_timeout (VetoLinkChecker *self)
{
  g_return_val_if_fail (VETO_IS_LINK_CHECKER (self), 0);
  return self->run_timeout;
}

/**
 * veto_link_checker_set_run_timeout:
 * @self: a #VetoLinkChecker
 * @seconds: how long a whole run may take, 1 to 3600
 *
 * Applies to runs started from now on.
 */
void
veto_link_checker_set_run_timeout (VetoLinkChecker *self,
                                   guint            seconds)
{
  g_return_if_fail (VETO_IS_LINK_CHECKER (self));
  g_return_if_fail (seconds >= 1 && seconds <= 3600);

  if (self->run_timeout == seconds)
    return;

  self->run_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), _veto_link_checker_properties[PROP_RUN_TIMEOUT]);
}

gboolean
veto_link_checker_get_running (VetoLinkChecker *self)
{
  g_return_val_if_fail (VETO_IS_LINK_CHECKER (self), FALSE);
  return self->run != NULL;
}

/**
 * veto_link_checker_get_n_done:
 *
 * Returns: how many URLs of the current (or last) run have a verdict
 */
guint
veto_link_checker_get_n_done (VetoLinkChecker *self)
{
  g_return_val_if_fail (VETO_IS_LINK_CHECKER (self), 0);
  return self->n_done;
}

/**
 * veto_link_checker_get_n_total:
 *
 * Returns: how many distinct URLs the current (or last) run checks
 */
guint
veto_link_checker_get_n_total (VetoLinkChecker *self)
{
  g_return_val_if_fail (VETO_IS_LINK_CHECKER (self), 0);
  return self->n_total;
}
