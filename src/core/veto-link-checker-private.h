/* veto-link-checker-private.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the files that make up VetoLinkChecker; not for its users. */

#pragma once

#include <libsoup/soup.h>

#include "veto-link-checker.h"

G_BEGIN_DECLS

struct _VetoLinkChecker
{
  GObject      parent_instance;

  SoupSession *session;
  guint        max_per_host;
  guint        timeout;
  guint        run_timeout;
  /* (nullable) the apps whose steps' links a catalog check asks first */
  GStrv        first_apps;

  /* (nullable) (unowned) the run in progress, owned by its GTask */
  struct _Run *run;
  guint        n_done;
  guint        n_total;
};

enum {
  PROP_0,
  PROP_MAX_PER_HOST,
  PROP_TIMEOUT,
  PROP_RUN_TIMEOUT,
  PROP_RUNNING,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_FIRST_APPS,
  N_PROPS
};

enum {
  LINK_CHECKED,
  N_SIGNALS
};

extern GParamSpec *_veto_link_checker_properties[N_PROPS];
extern guint _veto_link_checker_signals[N_SIGNALS];

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

/* veto-link-checker-queue.c */

void
_veto_link_checker_set_progress (VetoLinkChecker *self,
                                 guint            n_done,
                                 guint            n_total);

void
_veto_link_checker_maybe_complete (Run *run);

void
_veto_link_checker_release_slot (Run  *run,
                                 Link *link);

void
_veto_link_checker_pump (Run *run);

void
_veto_link_checker_add_url (Run        *run,
                            GHashTable *by_url,
                            const char *url,
                            const char *step_id);

void
_veto_link_checker_add_urls (Run                *run,
                             GHashTable         *by_url,
                             const char * const *urls,
                             const char         *step_id);

Run *
_veto_link_checker_run_new (VetoLinkChecker *self,
                            GTask           *task);

void
_veto_link_checker_run_start (Run          *run,
                              GCancellable *cancellable);

GTask *
_veto_link_checker_task_new (VetoLinkChecker     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);

/* veto-link-checker-verdict.c */

void
_veto_link_checker_finish_link_unreachable (Link       *link,
                                            const char *reason);

void
_veto_link_checker_finish_link_not_checked (Link       *link,
                                            const char *reason);

char *
_veto_link_checker_run_timeout_reason (Run *run);

void
_veto_link_checker_send_request (Link *link);

G_END_DECLS
