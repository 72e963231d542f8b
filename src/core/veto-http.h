/* veto-http.h: the one way core talks HTTP (private to core)
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* No trailing space: libsoup would append its own name and version. */
#define VETO_USER_AGENT "Veto/" PACKAGE_VERSION

SoupSession *veto_http_session_new  (guint        max_conns_per_host,
                                     guint        timeout_seconds);
gboolean     veto_http_is_loopback  (GUri        *uri);
gboolean     veto_http_url_is_loopback (const char *url);
gboolean     veto_http_network_missing (void);
GUri        *veto_http_parse        (const char  *url);
char        *veto_http_uri_key      (GUri        *uri);
char        *veto_http_redirect     (SoupMessage *msg);

G_END_DECLS
