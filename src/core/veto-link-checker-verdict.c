/* veto-link-checker-verdict.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One link: its requests, the redirects it follows, and its verdict. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-http.h"
#include "veto-link-checker-private.h"

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
    _veto_link_checker_release_slot (run, link);

  g_ptr_array_index (run->results, link->index) = g_object_ref (result);
  run->n_done++;

  if (!run->cancelled)
    {
      g_signal_emit (self, _veto_link_checker_signals[LINK_CHECKED], 0, result);
      _veto_link_checker_set_progress (self, run->n_done, run->links->len);
    }

  _veto_link_checker_pump (run);
  _veto_link_checker_maybe_complete (run);

  /* last: dropping the task may free the run and this link */
}

void
_veto_link_checker_finish_link_unreachable (Link       *link,
                                            const char *reason)
{
  finish_link (link, VETO_LINK_VERDICT_UNREACHABLE, 0, NULL, reason);
}

void
_veto_link_checker_finish_link_not_checked (Link       *link,
                                            const char *reason)
{
  finish_link (link, VETO_LINK_VERDICT_NOT_CHECKED, 0, NULL, reason);
}

char *
_veto_link_checker_run_timeout_reason (Run *run)
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
      _veto_link_checker_finish_link_unreachable (link, reason);
      return;
    }

  key = veto_http_uri_key (uri);
  if (g_hash_table_contains (link->visited, key))
    {
      /* Translators: %s is the address a chain of redirects came back to */
      reason = g_strdup_printf (_("redirect loop back to %s"), target);
      _veto_link_checker_finish_link_unreachable (link, reason);
      return;
    }

  if (link->redirects->len > VETO_LINK_CHECKER_MAX_REDIRECTS)
    {
      reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "more than %u redirect",
                                             "more than %u redirects",
                                             VETO_LINK_CHECKER_MAX_REDIRECTS),
                                VETO_LINK_CHECKER_MAX_REDIRECTS);
      _veto_link_checker_finish_link_unreachable (link, reason);
      return;
    }

  g_hash_table_add (link->visited, g_steal_pointer (&key));
  g_clear_pointer (&link->current, g_uri_unref);
  link->current = g_steal_pointer (&uri);

  _veto_link_checker_send_request (link);
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
      _veto_link_checker_send_request (link);
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
          _veto_link_checker_finish_link_not_checked (link, _("the check was cancelled"));
          return;
        }
      if (run->run_timed_out && !link->timed_out)
        {
          g_autofree char *not_checked = _veto_link_checker_run_timeout_reason (run);

          _veto_link_checker_finish_link_not_checked (link, not_checked);
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

      _veto_link_checker_finish_link_unreachable (link, reason);
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

void
_veto_link_checker_send_request (Link *link)
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
        reason = _veto_link_checker_run_timeout_reason (run);

      _veto_link_checker_finish_link_not_checked (link, reason);
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
