/* veto-link-checker.h
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "veto-catalog.h"
#include "veto-link-result.h"

G_BEGIN_DECLS

#define VETO_LINK_CHECKER_DEFAULT_MAX_PER_HOST 4
#define VETO_LINK_CHECKER_DEFAULT_TIMEOUT      15
#define VETO_LINK_CHECKER_DEFAULT_RUN_TIMEOUT  120
#define VETO_LINK_CHECKER_MAX_REDIRECTS        10

#define VETO_TYPE_LINK_CHECKER (veto_link_checker_get_type ())

G_DECLARE_FINAL_TYPE (VetoLinkChecker, veto_link_checker, VETO, LINK_CHECKER, GObject)

VetoLinkChecker *veto_link_checker_new                (void);
guint            veto_link_checker_get_max_per_host   (VetoLinkChecker     *self);
guint            veto_link_checker_get_timeout        (VetoLinkChecker     *self);
void             veto_link_checker_set_timeout        (VetoLinkChecker     *self,
                                                       guint                seconds);
guint            veto_link_checker_get_run_timeout    (VetoLinkChecker     *self);
void             veto_link_checker_set_run_timeout    (VetoLinkChecker     *self,
                                                       guint                seconds);
gboolean         veto_link_checker_get_running        (VetoLinkChecker     *self);
guint            veto_link_checker_get_n_done         (VetoLinkChecker     *self);
guint            veto_link_checker_get_n_total        (VetoLinkChecker     *self);
void             veto_link_checker_check_urls_async   (VetoLinkChecker     *self,
                                                       const char * const  *urls,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void             veto_link_checker_check_catalog_async (VetoLinkChecker    *self,
                                                       VetoCatalog         *catalog,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GListModel      *veto_link_checker_check_finish       (VetoLinkChecker     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
