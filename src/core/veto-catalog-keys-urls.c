/* veto-catalog-keys-urls.c: checking the links a catalog shows (private to core)
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-catalog-keys-private.h"

/* Links shown to people may only point at Meta's own sites and at the few
 * regulators and NGOs the research cites. A subdomain of one of these is
 * allowed too (about.fb.com, help.instagram.com, blog.whatsapp.com). */
static const char * const allowed_hosts[] = {
  "facebook.com",
  "instagram.com",
  "whatsapp.com",
  "messenger.com",
  "threads.net",
  "threads.com",
  "meta.com",
  "fb.com",
  "cnil.fr",
  "ico.org.uk",
  "edpb.europa.eu",
  "noyb.eu",
  /* Ireland's DPC, Meta's lead authority in the EU, and the European
   * Commission's Digital Markets Act site: cited by the December 2026 audit */
  "dataprotection.ie",
  "digital-markets-act.ec.europa.eu",
  /* the complaint routes of Switzerland and Brazil: the FDPIC's page for
   * reporting a breach, and the ANPD's for a data subject's petition
   * (the ANPD's site is under the federal government's gov.br) */
  "edoeb.admin.ch",
  "gov.br",
};

static const char * const loopback_hosts[] = {
  "127.0.0.1",
  "::1",
  "localhost",
};


/* The domains Meta sends its email from may only be Meta's: a catalog
 * that said "gmail.com" would make any Gmail message a confirmation. A
 * subdomain of one of these is Meta's too (mail.instagram.com). */
static const char * const meta_mail_domains[] = {
  "facebookmail.com",
  "facebook.com",
  "instagram.com",
  "whatsapp.com",
  "messenger.com",
  "threads.net",
  "threads.com",
  "meta.com",
  "fb.com",
};

/* Whether @host is one of @domains or a subdomain of one. */
static gboolean
host_is_in (const char         *host,
            const char * const *domains,
            gsize               n_domains)
{
  gsize host_len = strlen (host);

  for (gsize i = 0; i < n_domains; i++)
    {
      const char *allowed = domains[i];
      gsize len = strlen (allowed);

      if (g_ascii_strcasecmp (host, allowed) == 0)
        return TRUE;

      /* "evilfacebook.com" must not pass as a subdomain of "facebook.com" */
      if (host_len > len + 1 &&
          host[host_len - len - 1] == '.' &&
          g_ascii_strcasecmp (host + host_len - len, allowed) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
host_is_allowed (const char *host)
{
  return host_is_in (host, allowed_hosts, G_N_ELEMENTS (allowed_hosts));
}

/**
 * _veto_catalog_is_meta_mail_domain:
 * @domain: a SenderDomains= entry
 *
 * Returns: whether @domain is one of Meta's, or a subdomain of one
 */
gboolean
_veto_catalog_is_meta_mail_domain (const char *domain)
{
  return host_is_in (domain, meta_mail_domains, G_N_ELEMENTS (meta_mail_domains));
}

static gboolean
host_is_loopback (const char *host)
{
  for (guint i = 0; i < G_N_ELEMENTS (loopback_hosts); i++)
    if (g_ascii_strcasecmp (host, loopback_hosts[i]) == 0)
      return TRUE;

  return FALSE;
}

/* What a browser reads as the host is not always what GUri reads: WHATWG
 * URL parsing, which browsers follow, takes "\\" for "/" in http(s) URLs,
 * drops tabs and newlines anywhere, and decodes percent-escapes in the host,
 * so "https://evil.example\\.facebook.com/" opens evil.example. Rather than
 * imitate every rule, Veto only accepts URLs that both readings agree on: no
 * backslash, space or control character anywhere, and an authority made of
 * a plain host name (ASCII letters, digits, "-" and "."), with a port only
 * where a port is allowed at all (a local catalog's loopback server).
 *
 * Returns: %NULL when @url passes, else why it does not (to be freed) */
static char *
check_url_text (const char *url,
                gboolean    port_ok)
{
  const char *authority;
  const char *end;
  const char *colon = NULL;

  for (const char *p = url; *p; p++)
    {
      if (*p == '\\')
        return g_strdup_printf (_("“%s” must not contain a backslash"), url);
      if ((guchar)*p <= 0x20 || *p == 0x7f)
        return g_strdup_printf (_("“%s” must not contain spaces or control characters"), url);
    }

  authority = strstr (url, "://");
  if (authority == NULL)
    return NULL;  /* GUri refuses it next, with its own reason */
  authority += 3;
  end = authority + strcspn (authority, "/?#");

  /* A bracketed IPv6 literal: only loopback's, which is checked later. */
  if (*authority == '[')
    {
      const char *close = memchr (authority, ']', end - authority);

      if (close == NULL)
        return g_strdup_printf (_("“%s” is not a valid address"), url);
      colon = close + 1 < end && close[1] == ':' ? close + 1 : NULL;
      if (colon == NULL && close + 1 != end)
        return g_strdup_printf (_("“%s” is not a valid address"), url);
    }
  else
    {
      for (const char *p = authority; p < end; p++)
        {
          if (*p == ':' && colon == NULL)
            colon = p;
          else if (colon == NULL && !g_ascii_isalnum (*p) && *p != '-' && *p != '.')
            {
              if (*p == '@')
                return g_strdup_printf (_("“%s” must not carry a user name or password"), url);
              return g_strdup_printf (_("“%s” must name its host in plain letters, digits, “-” and “.” only"), url);
            }
        }
    }

  if (colon != NULL)
    {
      if (!port_ok)
        return g_strdup_printf (_("“%s” must not name a port"), url);
      for (const char *p = colon + 1; p < end; p++)
        if (!g_ascii_isdigit (*p))
          return g_strdup_printf (_("“%s” is not a valid address"), url);
    }

  return NULL;
}

static gboolean
check_url_uncached (const char        *url,
                    VetoCatalogFlags   flags,
                    const char        *group,
                    const char        *key,
                    GError           **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *reason = NULL;
  const char *scheme;
  const char *host;
  gboolean loopback_ok = (flags & VETO_CATALOG_FLAGS_ALLOW_LOOPBACK) != 0;

  if (strlen (url) > VETO_CATALOG_MAX_URL)
    {
      /* Translators: %d is a number of bytes */
      reason = g_strdup_printf (_("the address is too long (at most %d bytes)"), VETO_CATALOG_MAX_URL);
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_FORBIDDEN_URL, group, key, reason);
      return FALSE;
    }

  /* Ports are for the loopback servers of local catalogs; Meta's forms are
   * on the default https port, and an odd port on an allowed host is more
   * likely a trick than a form. */
  reason = check_url_text (url, loopback_ok);
  if (reason != NULL)
    {
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_FORBIDDEN_URL, group, key, reason);
      return FALSE;
    }

  /* What nearly every address is: https, a plain host, a path without
   * percent-escapes. GUri would read it the same, and costs more than the
   * rest of a step put together. */
  if (g_ascii_strncasecmp (url, "https://", 8) == 0)
    {
      const char *authority = url + 8;
      gsize host_len = strcspn (authority, "/?#:");
      const char *rest = authority + host_len;
      gboolean plain = host_len > 0 && *rest != ':';

      for (const char *p = rest; plain && *p; p++)
        plain = *p != '%' && (guchar)*p < 0x7f;

      if (plain)
        {
          g_autofree char *plain_host = g_strndup (authority, host_len);

          if ((flags & VETO_CATALOG_FLAGS_ANY_HOST) != 0 ||
              host_is_allowed (plain_host) || (loopback_ok && host_is_loopback (plain_host)))
            return TRUE;
          reason = g_strdup_printf (_("“%s” is not on one of Meta’s sites or a cited regulator’s"), url);
          _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_FORBIDDEN_URL, group, key, reason);
          return FALSE;
        }
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      reason = g_strdup_printf (_("“%s” is not a valid address"), url);
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_FORBIDDEN_URL, group, key, reason);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (host == NULL || *host == '\0')
    reason = g_strdup_printf (_("“%s” has no host"), url);
  else if (g_uri_get_userinfo (uri) != NULL)
    reason = g_strdup_printf (_("“%s” must not carry a user name or password"), url);
  else if (loopback_ok && host_is_loopback (host) &&
           (g_ascii_strcasecmp (scheme, "http") == 0 ||
            g_ascii_strcasecmp (scheme, "https") == 0))
    return TRUE;
  else if (g_uri_get_port (uri) != -1)
    reason = g_strdup_printf (_("“%s” must not name a port"), url);
  else if (g_ascii_strcasecmp (scheme, "https") != 0)
    reason = g_strdup_printf (_("“%s” must use https"), url);
  else if ((flags & VETO_CATALOG_FLAGS_ANY_HOST) == 0 && !host_is_allowed (host))
    reason = g_strdup_printf (_("“%s” is not on one of Meta’s sites or a cited regulator’s"), url);
  else
    return TRUE;

  _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_FORBIDDEN_URL, group, key, reason);
  return FALSE;
}

gboolean
veto_catalog_check_url (const char        *url,
                        VetoCatalogFlags   flags,
                        const char        *group,
                        const char        *key,
                        GError           **error)
{
  return check_url_uncached (url, flags, group, key, error);
}

/* A catalog names the same few pages in many steps (Sources,
 * FallbackUrls): each address of a list is parsed and checked once per
 * thread. Only addresses that passed are kept, with the flags they passed
 * under; the rules do not change while Veto runs. (A step's own Url is
 * mostly its own: checked without the cache.) */
#define MAX_ACCEPTED_URLS 4096

static GPrivate accepted_urls_private = G_PRIVATE_INIT ((GDestroyNotify)g_hash_table_unref);

static gboolean
check_url_cached (const char        *url,
                  VetoCatalogFlags   flags,
                  const char        *group,
                  const char        *key,
                  GError           **error)
{
  GHashTable *accepted = g_private_get (&accepted_urls_private);
  gpointer passed;

  if (accepted == NULL)
    {
      accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_private_set (&accepted_urls_private, accepted);
    }

  /* passed with fewer allowances, or the same */
  if (g_hash_table_lookup_extended (accepted, url, NULL, &passed) &&
      (GPOINTER_TO_UINT (passed) & ~(guint)flags) == 0)
    return TRUE;

  if (!check_url_uncached (url, flags, group, key, error))
    return FALSE;

  if (g_hash_table_size (accepted) >= MAX_ACCEPTED_URLS)
    g_hash_table_remove_all (accepted);
  g_hash_table_insert (accepted, g_strdup (url), GUINT_TO_POINTER ((guint)flags));
  return TRUE;
}

GStrv
veto_catalog_get_url_list (VetoCatalogGroup  *group,
                           const char        *key,
                           gboolean           required,
                           VetoCatalogFlags   flags,
                           GError           **error)
{
  g_auto(GStrv) list = veto_catalog_get_list (group, key, required, error);

  if (list == NULL)
    return NULL;

  for (guint i = 0; list[i] != NULL; i++)
    if (!check_url_cached (list[i], flags, group->name, key, error))
      return NULL;

  return g_steal_pointer (&list);
}
