/* veto-http.c: the one way core talks HTTP (private to core)
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "veto-http.h"
#include "veto-install.h"

/* Veto promises to send nothing about the person to anyone. Every request
 * goes through a session built here, which carries:
 *
 *   - no cookie jar, so a Set-Cookie from one site is never sent back;
 *   - a user agent that names the program and its version, nothing about
 *     the system or the person;
 *   - no Accept-Language (libsoup's accept-language-auto stays off), which
 *     would tell a site which language the person reads;
 *   - no content decoder, so no Accept-Encoding either: the checker reads
 *     no bodies and the catalog is small.
 *
 * tests/unit/test-link-checker.c asserts the exact headers on the server
 * side. */

SoupSession *
veto_http_session_new (guint max_conns_per_host,
                       guint timeout_seconds)
{
  SoupSession *session;

  session = soup_session_new_with_options ("user-agent", VETO_USER_AGENT,
                                           "accept-language-auto", FALSE,
                                           "max-conns-per-host", (int)max_conns_per_host,
                                           "max-conns", (int)MAX (max_conns_per_host * 4, 8),
                                           "timeout", timeout_seconds,
                                           "idle-timeout", 30,
                                           NULL);

  /* A Veto run from its build folder trusts the end-to-end tests' own
   * certificate authority as well, so that their server on 127.0.0.1 is
   * reached over real https; an installed Veto never reads it. */
  {
    g_autofree char *build_root = veto_install_dup_build_root ();
    const char *ca_file = g_getenv ("VETO_TEST_CA_FILE");

    if (build_root != NULL && ca_file != NULL && *ca_file != '\0')
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GTlsDatabase) database = g_tls_file_database_new (ca_file, &error);

        if (database != NULL)
          soup_session_set_tls_database (session, database);
        else
          g_warning ("VETO_TEST_CA_FILE: %s", error->message);
      }
  }

  soup_session_remove_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);
  soup_session_remove_feature_by_type (session, SOUP_TYPE_COOKIE_JAR);

  return session;
}

gboolean
veto_http_is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * veto_http_parse:
 * @url: an absolute URL
 *
 * Returns: (transfer full) (nullable): @url parsed and normalized (scheme and
 *   host in lower case, no default port, "/" for an empty path), or %NULL
 *   when it is not an absolute http or https URL with a host
 */
GUri *
veto_http_parse (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL)
    return NULL;

  scheme = g_uri_get_scheme (uri);
  if ((g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;

  return g_steal_pointer (&uri);
}

/* A URL without its fragment, which never reaches the server: two URLs
 * with the same key are the same request. */
char *
veto_http_uri_key (GUri *uri)
{
  g_autofree char *host = g_ascii_strdown (g_uri_get_host (uri), -1);
  g_autoptr(GUri) plain = g_uri_build (G_URI_FLAGS_ENCODED,
                                       g_uri_get_scheme (uri),
                                       NULL,
                                       host,
                                       g_uri_get_port (uri),
                                       g_uri_get_path (uri),
                                       g_uri_get_query (uri),
                                       NULL);

  return g_uri_to_string (plain);
}

/**
 * veto_http_redirect:
 * @msg: a message that was answered
 *
 * Returns: (transfer full) (nullable): where @msg's answer redirects to, as
 *   an absolute URL of any scheme resolved against the URL that was asked,
 *   or %NULL when the answer is not a redirect or has no usable Location
 */
char *
veto_http_redirect (SoupMessage *msg)
{
  guint status = soup_message_get_status (msg);
  const char *location;
  g_autoptr(GUri) target = NULL;

  /* 300 and 304 are not redirects to follow */
  if (!SOUP_STATUS_IS_REDIRECTION (status) ||
      status == SOUP_STATUS_NOT_MODIFIED ||
      status == SOUP_STATUS_MULTIPLE_CHOICES)
    return NULL;

  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  if (location == NULL || *location == '\0')
    return NULL;

  target = g_uri_parse_relative (soup_message_get_uri (msg), location, G_URI_FLAGS_ENCODED, NULL);
  if (target == NULL)
    return NULL;

  return g_uri_to_string (target);
}

/* Whether @url parses and names this computer. */
gboolean
veto_http_url_is_loopback (const char *url)
{
  g_autoptr(GUri) uri = veto_http_parse (url);

  return uri != NULL && veto_http_is_loopback (uri);
}

/**
 * veto_http_network_missing:
 *
 * What GIO's network monitor says (NetworkManager, the kernel's routes, or
 * the portal in a sandbox): no network at all, not even a route out. A
 * request then fails only after a resolver's error per host; a command
 * says once that the computer is offline instead.
 *
 * Returns: %TRUE when the computer has no network
 */
gboolean
veto_http_network_missing (void)
{
  return !g_network_monitor_get_network_available (g_network_monitor_get_default ());
}
