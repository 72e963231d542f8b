/* veto-net-loader.c: the window's stand-ins for what talks HTTP or reads email
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#include "veto-catalog-updater-private.h"
#include "veto-evidence.h"
#include "veto-http.h"
#include "veto-link-checker.h"
#include "veto-reminder-private.h"

/* The link checker, the catalog updater's download and the email reader
 * need libsoup and GMime, and with them 17 more libraries (Kerberos, GnuTLS's
 * helpers, SQLite, GPGME…) that every start-up of the window would map and
 * relocate: 27 million instructions before the first frame, for features a
 * person uses now and then. So the window is linked without them (see
 * src/meson.build), and each function below loads libveto-net.so — the same
 * files, built as a module — on its first call, then calls the real one.
 * veto-cli-full is linked the same way: a PDF export needs neither.
 *
 * The module sits next to the program that loads it: in the build tree
 * both are in src/, installed both are in $libexecdir/veto. A copy moved
 * with its folder finds its own. Tests link the real functions instead of
 * this file. */

#define MODULE_NAME "libveto-net.so"

static GModule *
load_module (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : g_strdup (VETO_LIBEXECDIR);
  g_autofree char *path = g_build_filename (dir, MODULE_NAME, NULL);
  GModule *module;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_build_filename (VETO_LIBEXECDIR, MODULE_NAME, NULL);
    }

  /* BIND_LOCAL: its symbols are for this file's lookups only, never in
   * place of the stand-ins for code that comes later. */
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    g_error ("Veto is not installed whole: %s", g_module_error ());

  /* its types are registered with GObject, which cannot forget them */
  g_module_make_resident (module);
  g_debug ("loaded %s", path);
  return module;
}

static gpointer
net_symbol (const char *name)
{
  static gsize module;
  gpointer symbol = NULL;

  if (g_once_init_enter (&module))
    g_once_init_leave (&module, (gsize)load_module ());

  if (!g_module_symbol ((GModule *)module, name, &symbol) || symbol == NULL)
    g_error ("Veto is not installed whole: %s has no %s", MODULE_NAME, name);

  return symbol;
}

/* A stand-in: looks the real function up once (two threads may both look,
 * and find the same address), then calls it. */
#define REAL(name) \
  static gpointer real; \
  gpointer fn = g_atomic_pointer_get (&real); \
  if (fn == NULL) \
    { \
      fn = net_symbol (#name); \
      g_atomic_pointer_set (&real, fn); \
    }

#define NET_FUNCTION(ret, name, params, args) \
  ret name params \
  { \
    REAL (name) \
    return ((ret (*) params)fn) args; \
  }

#define NET_VOID(name, params, args) \
  void name params \
  { \
    REAL (name) \
    ((void (*) params)fn) args; \
  }

/* veto-catalog-updater-download.c */

NET_VOID (_veto_catalog_updater_drop_session,
          (VetoCatalogUpdater *self),
          (self))

NET_VOID (veto_catalog_updater_update_async,
          (VetoCatalogUpdater  *self,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data),
          (self, cancellable, callback, user_data))

NET_FUNCTION (VetoCatalogUpdate, veto_catalog_updater_update_finish,
              (VetoCatalogUpdater  *self,
               GAsyncResult        *result,
               int                 *version,
               GError             **error),
              (self, result, version, error))

/* veto-evidence.c */

NET_FUNCTION (VetoEmail *, veto_email_new_from_file,
              (GFile         *file,
               GCancellable  *cancellable,
               GError       **error),
              (file, cancellable, error))

NET_FUNCTION (VetoEmail *, veto_email_new_from_argument,
              (const char    *file_arg,
               GInputStream  *standard_input,
               GError       **error),
              (file_arg, standard_input, error))

NET_FUNCTION (GDateTime *, veto_email_get_date,
              (VetoEmail *self),
              (self))

NET_FUNCTION (const char *, veto_email_get_from,
              (VetoEmail *self),
              (self))

NET_FUNCTION (const char *, veto_email_get_subject,
              (VetoEmail *self),
              (self))

NET_FUNCTION (VetoEmailAnswer, veto_email_classify_answer,
              (VetoEmail   *self,
               VetoCatalog *catalog),
              (self, catalog))

NET_FUNCTION (gboolean, veto_email_check_sender,
              (VetoEmail    *self,
               VetoCatalog  *catalog,
               GError      **error),
              (self, catalog, error))

NET_FUNCTION (GPtrArray *, veto_evidence_find_candidates,
              (VetoChecklist *checklist,
               VetoEmail     *email),
              (checklist, email))

NET_FUNCTION (gboolean, veto_evidence_attach,
              (VetoChecklist    *checklist,
               VetoTask         *task,
               VetoEmail        *email,
               VetoEmailAnswer   answer,
               GError          **error),
              (checklist, task, email, answer, error))

NET_FUNCTION (int, veto_evidence_command,
              (VetoChecklist  *checklist,
               VetoEmail      *email,
               const char     *account,
               GString        *out,
               GString        *err),
              (checklist, email, account, out, err))

/* veto-http.c */

NET_FUNCTION (gboolean, veto_http_url_is_loopback,
              (const char *url),
              (url))

NET_FUNCTION (gboolean, veto_http_network_missing,
              (void),
              ())

/* veto-link-checker.c */

NET_FUNCTION (GType, veto_link_checker_get_type,
              (void),
              ())

NET_FUNCTION (VetoLinkChecker *, veto_link_checker_new,
              (void),
              ())

NET_FUNCTION (gboolean, veto_link_checker_get_running,
              (VetoLinkChecker *self),
              (self))

NET_FUNCTION (guint, veto_link_checker_get_n_done,
              (VetoLinkChecker *self),
              (self))

NET_FUNCTION (guint, veto_link_checker_get_n_total,
              (VetoLinkChecker *self),
              (self))

NET_VOID (veto_link_checker_check_catalog_async,
          (VetoLinkChecker     *self,
           VetoCatalog         *catalog,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data),
          (self, catalog, cancellable, callback, user_data))

NET_FUNCTION (GListModel *, veto_link_checker_check_finish,
              (VetoLinkChecker  *self,
               GAsyncResult     *result,
               GError          **error),
              (self, result, error))

/* veto-reminder-portal.c */

NET_VOID (_veto_reminder_request_background,
          (gboolean   enabled,
           XdpParent *parent,
           GTask     *owned_task),
          (enabled, parent, owned_task))
