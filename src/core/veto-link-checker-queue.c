/* veto-link-checker-queue.c
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A run: its links queued in order, started while their host and the run
 * have room, stopped when the run is cancelled or out of time. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-http.h"
#include "veto-link-checker-private.h"

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

void
_veto_link_checker_set_progress (VetoLinkChecker *self,
                                 guint            n_done,
                                 guint            n_total)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_total != n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), _veto_link_checker_properties[PROP_N_TOTAL]);
    }
  if (self->n_done != n_done)
    {
      self->n_done = n_done;
      g_object_notify_by_pspec (G_OBJECT (self), _veto_link_checker_properties[PROP_N_DONE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Hands the results over once every link is done. The task's own
 * check-cancellable turns this into G_IO_ERROR_CANCELLED when the caller
 * cancelled. */
void
_veto_link_checker_maybe_complete (Run *run)
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
  g_object_notify_by_pspec (G_OBJECT (self), _veto_link_checker_properties[PROP_RUNNING]);

  g_task_return_pointer (run->task, g_steal_pointer (&store), g_object_unref);
}

void
_veto_link_checker_release_slot (Run  *run,
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

  _veto_link_checker_send_request (link);
}

/* Starts waiting links while there is room, in the order they were given,
 * skipping those whose host is busy. */
void
_veto_link_checker_pump (Run *run)
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
    _veto_link_checker_finish_link_not_checked (link, reason);

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
  g_autofree char *reason = _veto_link_checker_run_timeout_reason (run);

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

void
_veto_link_checker_add_url (Run        *run,
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

void
_veto_link_checker_add_urls (Run                *run,
                             GHashTable         *by_url,
                             const char * const *urls,
                             const char         *step_id)
{
  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    _veto_link_checker_add_url (run, by_url, urls[i], step_id);
}

Run *
_veto_link_checker_run_new (VetoLinkChecker *self,
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

void
_veto_link_checker_run_start (Run          *run,
                              GCancellable *cancellable)
{
  VetoLinkChecker *self = run->self;

  self->run = run;
  _veto_link_checker_set_progress (self, 0, run->links->len);
  g_object_notify_by_pspec (G_OBJECT (self), _veto_link_checker_properties[PROP_RUNNING]);

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
        _veto_link_checker_finish_link_unreachable (link, _("not a web address"));
      else
        g_queue_push_tail (&run->waiting, link);
    }

  run->setting_up = FALSE;
  _veto_link_checker_pump (run);
  _veto_link_checker_maybe_complete (run);
}

GTask *
_veto_link_checker_task_new (VetoLinkChecker     *self,
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
