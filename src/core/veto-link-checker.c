/* veto-link-checker.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-http.h"
#include "veto-link-checker.h"

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

struct _VetoLinkChecker
{
  GObject      parent_instance;

  SoupSession *session;
  guint        max_per_host;
  guint        timeout;
  guint        run_timeout;

  /* (nullable) (unowned) the run in progress, owned by its GTask */
  struct _Run *run;
  guint        n_done;
  guint        n_total;
};

G_DEFINE_FINAL_TYPE (VetoLinkChecker, veto_link_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAX_PER_HOST,
  PROP_TIMEOUT,
  PROP_RUN_TIMEOUT,
  PROP_RUNNING,
  PROP_N_DONE,
  PROP_N_TOTAL,
  N_PROPS
};

enum {
  LINK_CHECKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct _Run Run;

typedef struct
{
  /* (unowned) */
  Run          *run;
  guint         index;
  char         *url;
  /* (element-type utf8) (owned) */
  GPtrArray    *step_ids;
  /* (nullable) (owned) "scheme://host:port" of @url, for the per-host limit */
  char         *host_key;

  /* (nullable) (owned) the URL being asked */
  GUri         *current;
  /* keys of every URL asked, to catch loops */
  GHashTable   *visited;
  /* (element-type utf8) (owned) */
  GPtrArray    *redirects;
  const char   *method;

  /* (nullable) (owned) set while a request is in flight; it keeps the run
   * (task data) alive until the request's callback has run */
  GTask        *task;
  SoupMessage  *msg;
  GCancellable *cancellable;
  GSource      *timer;
  guint         timed_out : 1;
  guint         done : 1;
} Link;

struct _Run
{
  /* (unowned) the task owns the run as its task data */
  GTask           *task;
  VetoLinkChecker *self;

  /* (element-type Link) in the order the URLs were given */
  GPtrArray       *links;
  /* (element-type VetoLinkResult) (nullable items) by link index */
  GPtrArray       *results;
  /* (element-type Link) (unowned) not started yet */
  GQueue           waiting;
  /* host key → number of requests in flight */
  GHashTable      *per_host;
  guint            n_active;
  guint            n_done;

  GCancellable    *user_cancellable;
  gulong           cancelled_id;
  GSource         *run_timer;

  guint            setting_up : 1;
  guint            stopping : 1;
  guint            run_timed_out : 1;
  guint            cancelled : 1;
  guint            completed : 1;
};

static void send_request (Link *link);

static void
link_free (Link *link)
{
  g_assert (link->task == NULL);
  g_assert (link->timer == NULL);

  g_clear_pointer (&link->url, g_free);
  g_clear_pointer (&link->step_ids, g_ptr_array_unref);
  g_clear_pointer (&link->host_key, g_free);
  g_clear_pointer (&link->current, g_uri_unref);
  g_clear_pointer (&link->visited, g_hash_table_unref);
  g_clear_pointer (&link->redirects, g_ptr_array_unref);
  g_clear_object (&link->msg);
  g_clear_object (&link->cancellable);
  g_free (link);
}

static void
run_free (Run *run)
{
  if (run->cancelled_id != 0)
    g_cancellable_disconnect (run->user_cancellable, run->cancelled_id);
  g_clear_object (&run->user_cancellable);
  if (run->run_timer != NULL)
    {
      g_source_destroy (run->run_timer);
      g_clear_pointer (&run->run_timer, g_source_unref);
    }
  g_queue_clear (&run->waiting);
  g_clear_pointer (&run->per_host, g_hash_table_unref);
  g_clear_pointer (&run->results, g_ptr_array_unref);
  g_clear_pointer (&run->links, g_ptr_array_unref);
  g_free (run);
}

static void
set_progress (VetoLinkChecker *self,
              guint            n_done,
              guint            n_total)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_total != n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
  if (self->n_done != n_done)
    {
      self->n_done = n_done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Hands the results over once every link is done. The task's own
 * check-cancellable turns this into G_IO_ERROR_CANCELLED when the caller
 * cancelled. */
static void
maybe_complete (Run *run)
{
  VetoLinkChecker *self = run->self;
  g_autoptr(GListStore) store = NULL;

  if (run->setting_up || run->completed || run->n_done < run->links->len)
    return;

  run->completed = TRUE;

  if (run->run_timer != NULL)
    {
      g_source_destroy (run->run_timer);
      g_clear_pointer (&run->run_timer, g_source_unref);
    }

  store = g_list_store_new (VETO_TYPE_LINK_RESULT);
  for (guint i = 0; i < run->results->len; i++)
    g_list_store_append (store, g_ptr_array_index (run->results, i));

  self->run = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  g_task_return_pointer (run->task, g_steal_pointer (&store), g_object_unref);
}

static void
release_slot (Run  *run,
              Link *link)
{
  guint n;

  if (link->host_key == NULL)
    return;

  n = GPOINTER_TO_UINT (g_hash_table_lookup (run->per_host, link->host_key));
  g_assert (n > 0);
  if (n == 1)
    g_hash_table_remove (run->per_host, link->host_key);
  else
    g_hash_table_insert (run->per_host, g_strdup (link->host_key), GUINT_TO_POINTER (n - 1));
  run->n_active--;
}

static void pump (Run *run);

static void
finish_link (Link            *link,
             VetoLinkVerdict  verdict,
             guint            status,
             const char      *location,
             const char      *reason)
{
  Run *run = link->run;
  VetoLinkChecker *self = run->self;
  g_autoptr(GTask) task = g_steal_pointer (&link->task);
  g_autoptr(VetoLinkResult) result = NULL;
  gboolean was_started = link->current != NULL;

  g_assert (!link->done);

  g_ptr_array_add (link->step_ids, NULL);
  g_ptr_array_add (link->redirects, NULL);
  result = veto_link_result_new (link->url,
                                 (const char * const *)link->step_ids->pdata,
                                 verdict, status, location, reason,
                                 (const char * const *)link->redirects->pdata);
  g_ptr_array_remove_index (link->step_ids, link->step_ids->len - 1);
  g_ptr_array_remove_index (link->redirects, link->redirects->len - 1);

  link->done = TRUE;
  g_clear_object (&link->msg);
  g_clear_object (&link->cancellable);
  if (was_started)
    release_slot (run, link);

  g_ptr_array_index (run->results, link->index) = g_object_ref (result);
  run->n_done++;

  if (!run->cancelled)
    {
      g_signal_emit (self, signals[LINK_CHECKED], 0, result);
      set_progress (self, run->n_done, run->links->len);
    }

  pump (run);
  maybe_complete (run);

  /* last: dropping the task may free the run and this link */
}

static void
finish_link_unreachable (Link       *link,
                         const char *reason)
{
  finish_link (link, VETO_LINK_VERDICT_UNREACHABLE, 0, NULL, reason);
}

static void
finish_link_not_checked (Link       *link,
                         const char *reason)
{
  finish_link (link, VETO_LINK_VERDICT_NOT_CHECKED, 0, NULL, reason);
}

static char *
run_timeout_reason (Run *run)
{
  guint s = run->self->run_timeout;

  /* Translators: why a link was not checked, and how to check it; %u is a
   * number of seconds */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "a whole check may take at most %u second; open the link to check it",
                                       "a whole check may take at most %u seconds; open the link to check it",
                                       s), s);
}

static gboolean
on_link_timeout (gpointer user_data)
{
  Link *link = user_data;

  link->timed_out = TRUE;
  g_clear_pointer (&link->timer, g_source_unref);
  g_cancellable_cancel (link->cancellable);

  return G_SOURCE_REMOVE;
}

static void
stop_timer (Link *link)
{
  if (link->timer != NULL)
    {
      g_source_destroy (link->timer);
      g_clear_pointer (&link->timer, g_source_unref);
    }
}

static void
follow_redirect (Link       *link,
                 SoupMessage *msg)
{
  g_autofree char *target = veto_http_redirect (msg);
  g_autoptr(GUri) uri = NULL;
  g_autofree char *key = NULL;
  g_autofree char *reason = NULL;
  guint status = soup_message_get_status (msg);

  if (target == NULL)
    {
      /* a 3xx that says nowhere to go: the server is at fault */
      finish_link (link, VETO_LINK_VERDICT_BROKEN, status,
                   link->redirects->len > 0 ? g_ptr_array_index (link->redirects, link->redirects->len - 1) : NULL,
                   NULL);
      return;
    }

  g_ptr_array_add (link->redirects, g_strdup (target));

  uri = veto_http_parse (target);
  if (uri == NULL)
    {
      /* Translators: %s is an address such as fb://profile */
      reason = g_strdup_printf (_("redirected to %s, which is not a web address"), target);
      finish_link_unreachable (link, reason);
      return;
    }

  key = veto_http_uri_key (uri);
  if (g_hash_table_contains (link->visited, key))
    {
      /* Translators: %s is the address a chain of redirects came back to */
      reason = g_strdup_printf (_("redirect loop back to %s"), target);
      finish_link_unreachable (link, reason);
      return;
    }

  if (link->redirects->len > VETO_LINK_CHECKER_MAX_REDIRECTS)
    {
      reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "more than %u redirect",
                                             "more than %u redirects",
                                             VETO_LINK_CHECKER_MAX_REDIRECTS),
                                VETO_LINK_CHECKER_MAX_REDIRECTS);
      finish_link_unreachable (link, reason);
      return;
    }

  g_hash_table_add (link->visited, g_steal_pointer (&key));
  g_clear_pointer (&link->current, g_uri_unref);
  link->current = g_steal_pointer (&uri);

  send_request (link);
}

/* The answer is in; decide what it means. */
static void
handle_answer (Link *link)
{
  SoupMessage *msg = link->msg;
  guint status = soup_message_get_status (msg);

  g_debug ("%s %s -> %u", link->method, g_uri_get_path (link->current), status);

  if (g_str_equal (link->method, SOUP_METHOD_HEAD) &&
      (status == SOUP_STATUS_METHOD_NOT_ALLOWED || status == SOUP_STATUS_NOT_IMPLEMENTED))
    {
      link->method = SOUP_METHOD_GET;
      send_request (link);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      follow_redirect (link, msg);
      return;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (link->redirects->len == 0)
        finish_link (link, VETO_LINK_VERDICT_OK, status, NULL, NULL);
      else
        finish_link (link, VETO_LINK_VERDICT_MOVED, status,
                     g_ptr_array_index (link->redirects, link->redirects->len - 1), NULL);
      return;
    }

  finish_link (link, VETO_LINK_VERDICT_BROKEN, status,
               link->redirects->len > 0 ? g_ptr_array_index (link->redirects, link->redirects->len - 1) : NULL,
               NULL);
}

static void
on_closed (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  Link *link = user_data;
  g_autoptr(GTask) keep = g_object_ref (link->task);

  /* a failed close only means the connection is not reused */
  g_input_stream_close_finish (G_INPUT_STREAM (source), res, NULL);

  handle_answer (link);
}

static void
on_drained (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(GBytes) rest = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), res, NULL);

  g_input_stream_close_async (G_INPUT_STREAM (source), G_PRIORITY_DEFAULT, NULL, on_closed, user_data);
}

static void
on_sent (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  Link *link = user_data;
  Run *run = link->run;
  VetoLinkChecker *self = run->self;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  /* keeps the run (and this link) alive until this callback is over */
  g_autoptr(GTask) keep = g_object_ref (link->task);

  stream = soup_session_send_finish (SOUP_SESSION (source), res, &error);
  stop_timer (link);

  if (error != NULL)
    {
      g_autofree char *reason = NULL;

      /* stopped by the run, not by the server: nothing is known */
      if (run->cancelled && !link->timed_out)
        {
          finish_link_not_checked (link, _("the check was cancelled"));
          return;
        }
      if (run->run_timed_out && !link->timed_out)
        {
          g_autofree char *not_checked = run_timeout_reason (run);

          finish_link_not_checked (link, not_checked);
          return;
        }

      if (link->timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        /* Translators: why a link is unreachable; %u is a number of seconds */
        reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "no answer within %u second",
                                               "no answer within %u seconds",
                                               self->timeout), self->timeout);
      else
        reason = g_strdup (error->message);

      finish_link_unreachable (link, reason);
      return;
    }

  /* Nothing of the body is wanted. A HEAD has none: reading its end
   * lets libsoup reuse the connection for the next request, which saves a
   * TLS handshake per link. A GET is only there for servers that refuse
   * HEAD: closing it unread drops the rest of the body, and the
   * connection with it. */
  if (g_str_equal (link->method, SOUP_METHOD_HEAD))
    g_input_stream_read_bytes_async (stream, 1, G_PRIORITY_DEFAULT, NULL, on_drained, link);
  else
    g_input_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, on_closed, link);
}

static void
send_request (Link *link)
{
  Run *run = link->run;
  VetoLinkChecker *self = run->self;

  /* An answer that came in while the run was being stopped may call for
   * one more request (a redirect, a GET): none is sent any more. */
  if (run->stopping)
    {
      g_autofree char *reason = NULL;

      if (run->cancelled)
        reason = g_strdup (_("the check was cancelled"));
      else
        reason = run_timeout_reason (run);

      finish_link_not_checked (link, reason);
      return;
    }

  g_clear_object (&link->msg);
  g_clear_object (&link->cancellable);

  link->msg = soup_message_new_from_uri (link->method, link->current);
  soup_message_add_flags (link->msg, SOUP_MESSAGE_NO_REDIRECT);
  link->cancellable = g_cancellable_new ();
  link->timed_out = FALSE;

  if (link->task == NULL)
    link->task = g_object_ref (run->task);

  link->timer = g_timeout_source_new (self->timeout * 1000);
  g_source_set_callback (link->timer, on_link_timeout, link, NULL);
  g_source_set_static_name (link->timer, "[veto] link timeout");
  g_source_attach (link->timer, g_task_get_context (run->task));

  soup_session_send_async (self->session, link->msg, G_PRIORITY_DEFAULT,
                           link->cancellable, on_sent, link);
}

static void
start_link (Link *link)
{
  Run *run = link->run;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (run->per_host, link->host_key));

  g_hash_table_insert (run->per_host, g_strdup (link->host_key), GUINT_TO_POINTER (n + 1));
  run->n_active++;

  link->method = SOUP_METHOD_HEAD;
  link->current = veto_http_parse (link->url);
  g_hash_table_add (link->visited, veto_http_uri_key (link->current));

  send_request (link);
}

/* Starts waiting links while there is room, in the order they were given,
 * skipping those whose host is busy. */
static void
pump (Run *run)
{
  VetoLinkChecker *self = run->self;
  guint max_active = self->max_per_host * 4;
  GList *l = run->waiting.head;

  if (run->setting_up || run->stopping)
    return;

  while (l != NULL && run->n_active < max_active)
    {
      Link *link = l->data;
      GList *next = l->next;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (run->per_host, link->host_key));

      if (n < self->max_per_host)
        {
          g_queue_delete_link (&run->waiting, l);
          start_link (link);
        }

      l = next;
    }
}

/* The caller cancelled, or the run is out of time: every link not yet
 * started ends now, every request in flight is cancelled and ends in its
 * callback. */
static void
stop_run (Run        *run,
          const char *reason)
{
  g_autoptr(GTask) keep = g_object_ref (run->task);
  Link *link;

  run->stopping = TRUE;

  while ((link = g_queue_pop_head (&run->waiting)) != NULL)
    finish_link_not_checked (link, reason);

  for (guint i = 0; i < run->links->len; i++)
    {
      link = g_ptr_array_index (run->links, i);
      if (!link->done && link->cancellable != NULL)
        g_cancellable_cancel (link->cancellable);
    }
}

static gboolean
on_run_timeout (gpointer user_data)
{
  Run *run = user_data;
  g_autofree char *reason = run_timeout_reason (run);

  g_clear_pointer (&run->run_timer, g_source_unref);
  run->run_timed_out = TRUE;
  stop_run (run, reason);

  return G_SOURCE_REMOVE;
}

static gboolean
on_cancelled_idle (gpointer user_data)
{
  Run *run = g_task_get_task_data (user_data);

  if (!run->completed)
    {
      run->cancelled = TRUE;
      stop_run (run, _("the check was cancelled"));
    }

  return G_SOURCE_REMOVE;
}

/* May run in any thread, and must not drop the run: the work is done from
 * an idle in the task's context. */
static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GSource) idle = g_idle_source_new ();

  g_source_set_callback (idle, on_cancelled_idle, g_object_ref (run->task), g_object_unref);
  g_source_set_static_name (idle, "[veto] link check cancelled");
  g_source_attach (idle, g_task_get_context (run->task));
}

static void
add_url (Run        *run,
         GHashTable *by_url,
         const char *url,
         const char *step_id)
{
  Link *link = g_hash_table_lookup (by_url, url);

  if (link == NULL)
    {
      g_autoptr(GUri) uri = veto_http_parse (url);

      link = g_new0 (Link, 1);
      link->run = run;
      link->index = run->links->len;
      link->url = g_strdup (url);
      link->step_ids = g_ptr_array_new_with_free_func (g_free);
      link->redirects = g_ptr_array_new_with_free_func (g_free);
      link->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (uri != NULL)
        link->host_key = g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri),
                                          g_uri_get_host (uri), g_uri_get_port (uri));

      g_ptr_array_add (run->links, link);
      g_ptr_array_add (run->results, NULL);
      g_hash_table_insert (by_url, link->url, link);
    }

  if (step_id != NULL &&
      !g_ptr_array_find_with_equal_func (link->step_ids, step_id, g_str_equal, NULL))
    g_ptr_array_add (link->step_ids, g_strdup (step_id));
}

static void
add_urls (Run                *run,
          GHashTable         *by_url,
          const char * const *urls,
          const char         *step_id)
{
  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    add_url (run, by_url, urls[i], step_id);
}

static Run *
run_new (VetoLinkChecker *self,
         GTask           *task)
{
  Run *run = g_new0 (Run, 1);

  run->task = task;
  run->self = self;
  run->links = g_ptr_array_new_with_free_func ((GDestroyNotify)link_free);
  run->results = g_ptr_array_new_with_free_func (g_object_unref);
  run->per_host = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&run->waiting);
  run->setting_up = TRUE;

  g_task_set_task_data (task, run, (GDestroyNotify)run_free);
  return run;
}

static void
run_start (Run          *run,
           GCancellable *cancellable)
{
  VetoLinkChecker *self = run->self;

  self->run = run;
  set_progress (self, 0, run->links->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  run->run_timer = g_timeout_source_new (self->run_timeout * 1000);
  g_source_set_callback (run->run_timer, on_run_timeout, run, NULL);
  g_source_set_static_name (run->run_timer, "[veto] link check run timeout");
  g_source_attach (run->run_timer, g_task_get_context (run->task));

  if (cancellable != NULL)
    {
      run->user_cancellable = g_object_ref (cancellable);
      run->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), run, NULL);
    }

  /* A URL that cannot be asked is reported at once. */
  for (guint i = 0; i < run->links->len; i++)
    {
      Link *link = g_ptr_array_index (run->links, i);

      if (link->host_key == NULL)
        finish_link_unreachable (link, _("not a web address"));
      else
        g_queue_push_tail (&run->waiting, link);
    }

  run->setting_up = FALSE;
  pump (run);
  maybe_complete (run);
}

static GTask *
task_new (VetoLinkChecker     *self,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, veto_link_checker_check_urls_async);
  g_task_set_name (task, "[veto] check links");

  if (self->run != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "%s", _("The links are already being checked."));
      g_object_unref (task);
      return NULL;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return NULL;
    }

  return task;
}

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

  task = task_new (self, cancellable, callback, user_data);
  if (task == NULL)
    return;

  run = run_new (self, task);
  add_urls (run, by_url, urls, NULL);
  run_start (run, cancellable);

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
 * Sources), each once, in catalog order. Each result carries the ids of the
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

  task = task_new (self, cancellable, callback, user_data);
  if (task == NULL)
    return;

  run = run_new (self, task);

  steps = veto_catalog_get_steps (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(VetoStep) step = g_list_model_get_item (steps, i);
      const char *id = veto_step_get_id (step);

      if (veto_step_get_url (step) != NULL)
        add_url (run, by_url, veto_step_get_url (step), id);
      add_urls (run, by_url, veto_step_get_fallback_urls (step), id);
      add_urls (run, by_url, veto_step_get_sources (step), id);
    }

  run_start (run, cancellable);
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
  properties[PROP_MAX_PER_HOST] =
    g_param_spec_uint ("max-per-host", NULL, NULL,
                       1, 8, VETO_LINK_CHECKER_DEFAULT_MAX_PER_HOST,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Seconds one request may take, from when it leaves the queue. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, 600, VETO_LINK_CHECKER_DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Seconds a whole run may take; what is left then is unreachable. */
  properties[PROP_RUN_TIMEOUT] =
    g_param_spec_uint ("run-timeout", NULL, NULL,
                       1, 3600, VETO_LINK_CHECKER_DEFAULT_RUN_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Progress of the current (or last) run, for a progress bar. */
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VetoLinkChecker::link-checked:
   * @self: the checker
   * @result: a #VetoLinkResult
   *
   * Emitted as soon as one URL has its verdict, before
   * #VetoLinkChecker:n-done changes. Not emitted after a cancellation.
   */
  signals[LINK_CHECKED] =
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_TIMEOUT]);
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
