/* ui-no-names.c: a resolver that knows no host name
 *
 * The window's tests run Veto with the catalog it ships, whose links are
 * Meta's: a check of links, or an update, would otherwise look up
 * facebook.com and reach the internet from a test, with results that
 * depend on the machine. Every name is "not found" here, as on a computer
 * without a name server; the tests' own servers are on 127.0.0.1, an
 * address, which is never looked up. It is the environment the tests set
 * up, like the isolated XDG folders: Veto's reaction is what is tested.
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui-no-names.h"

struct _UiNoNames
{
  GResolver parent_instance;
};

G_DEFINE_FINAL_TYPE (UiNoNames, ui_no_names, G_TYPE_RESOLVER)

static guint n_asked;

static GError *
not_found (const char *hostname)
{
  g_atomic_int_inc (&n_asked);
  return g_error_new (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                      "no name is known in the tests (%s)", hostname);
}

static GList *
ui_no_names_lookup_by_name_with_flags (GResolver                 *resolver,
                                       const char                *hostname,
                                       GResolverNameLookupFlags   flags,
                                       GCancellable              *cancellable,
                                       GError                   **error)
{
  g_propagate_error (error, not_found (hostname));
  return NULL;
}

static GList *
ui_no_names_lookup_by_name (GResolver     *resolver,
                            const char    *hostname,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return ui_no_names_lookup_by_name_with_flags (resolver, hostname, G_RESOLVER_NAME_LOOKUP_FLAGS_DEFAULT,
                                                cancellable, error);
}

static void
ui_no_names_lookup_by_name_with_flags_async (GResolver                *resolver,
                                             const char               *hostname,
                                             GResolverNameLookupFlags  flags,
                                             GCancellable             *cancellable,
                                             GAsyncReadyCallback       callback,
                                             gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

  g_task_set_source_tag (task, ui_no_names_lookup_by_name_with_flags_async);
  g_task_return_error (task, not_found (hostname));
}

static void
ui_no_names_lookup_by_name_async (GResolver           *resolver,
                                  const char          *hostname,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ui_no_names_lookup_by_name_with_flags_async (resolver, hostname, G_RESOLVER_NAME_LOOKUP_FLAGS_DEFAULT,
                                               cancellable, callback, user_data);
}

static GList *
ui_no_names_lookup_by_name_finish (GResolver     *resolver,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ui_no_names_class_init (UiNoNamesClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = ui_no_names_lookup_by_name;
  resolver_class->lookup_by_name_async = ui_no_names_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = ui_no_names_lookup_by_name_finish;
  resolver_class->lookup_by_name_with_flags = ui_no_names_lookup_by_name_with_flags;
  resolver_class->lookup_by_name_with_flags_async = ui_no_names_lookup_by_name_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = ui_no_names_lookup_by_name_finish;
}

static void
ui_no_names_init (UiNoNames *self)
{
}

/**
 * ui_no_names_install:
 *
 * Makes a #UiNoNames the process's resolver.
 */
void
ui_no_names_install (void)
{
  g_autoptr(GResolver) resolver = g_object_new (UI_TYPE_NO_NAMES, NULL);

  g_resolver_set_default (resolver);
}

/**
 * ui_no_names_get_n_asked:
 *
 * Returns: how many names were asked for, none of them found
 */
guint
ui_no_names_get_n_asked (void)
{
  return g_atomic_int_get (&n_asked);
}
