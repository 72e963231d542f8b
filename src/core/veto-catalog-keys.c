/* veto-catalog-keys.c: reading and checking catalog keys (private to core)
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-catalog-keys.h"

/* Every error names the group and the key at fault: a catalog author reading
 * "Step facebook-object, Url: …" knows which line to fix. */

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
};

static const char * const loopback_hosts[] = {
  "127.0.0.1",
  "::1",
  "localhost",
};

static void
set_key_error (GError     **error,
               int          code,
               const char  *group,
               const char  *key,
               const char  *reason)
{
  if (key != NULL)
    /* Translators: the first %s is a catalog group such as “Step facebook-object”,
     * the second a key such as “Url”, the third says what is wrong. */
    g_set_error (error, VETO_CATALOG_ERROR, code,
                 _("[%s] %s: %s"), group, key, reason);
  else
    g_set_error (error, VETO_CATALOG_ERROR, code,
                 _("[%s]: %s"), group, reason);
}

gboolean
veto_catalog_check_id (const char  *group,
                       const char  *id,
                       GError     **error)
{
  gboolean ok = id != NULL && *id != '\0' && strlen (id) <= 64;

  for (const char *p = id; ok && *p; p++)
    ok = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-';

  if (!ok)
    {
      set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, NULL,
                     _("the identifier must be lower-case letters, digits and “-”"));
      return FALSE;
    }

  return TRUE;
}

char *
veto_catalog_get_string (GKeyFile    *keyfile,
                         const char  *group,
                         const char  *key,
                         gboolean     required,
                         gboolean     localized,
                         GError     **error)
{
  g_autofree char *value = NULL;

  if (!g_key_file_has_key (keyfile, group, key, NULL))
    {
      if (required)
        set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group, key,
                       _("this key is required"));
      return NULL;
    }

  if (localized)
    value = g_key_file_get_locale_string (keyfile, group, key, NULL, NULL);
  else
    value = g_key_file_get_string (keyfile, group, key, NULL);

  if (value == NULL)
    {
      set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, key,
                     _("the value is not valid text"));
      return NULL;
    }

  g_strstrip (value);
  if (*value == '\0')
    {
      if (required)
        set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group, key,
                       _("this key must not be empty"));
      return NULL;
    }

  return g_steal_pointer (&value);
}

gboolean
veto_catalog_get_int (GKeyFile    *keyfile,
                      const char  *group,
                      const char  *key,
                      int          min,
                      int         *out,
                      GError     **error)
{
  g_autofree char *str = NULL;
  gint64 value;

  str = veto_catalog_get_string (keyfile, group, key, TRUE, FALSE, error);
  if (str == NULL)
    return FALSE;

  if (!g_ascii_string_to_signed (str, 10, min, G_MAXINT, &value, NULL))
    {
      g_autofree char *reason =
        g_strdup_printf (_("“%s” is not a whole number of at least %d"), str, min);
      set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, key, reason);
      return FALSE;
    }

  *out = (int)value;
  return TRUE;
}

gboolean
veto_catalog_get_boolean (GKeyFile    *keyfile,
                          const char  *group,
                          const char  *key,
                          gboolean    *out,
                          GError     **error)
{
  g_autofree char *str = NULL;

  str = veto_catalog_get_string (keyfile, group, key, TRUE, FALSE, error);
  if (str == NULL)
    return FALSE;

  if (g_str_equal (str, "true"))
    *out = TRUE;
  else if (g_str_equal (str, "false"))
    *out = FALSE;
  else
    {
      set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, key,
                     _("the value must be “true” or “false”"));
      return FALSE;
    }

  return TRUE;
}

/**
 * veto_parse_date:
 * @str: a `YYYY-MM-DD` date
 *
 * Returns: (transfer full) (nullable): midnight UTC on that day, or %NULL
 *   when @str is not exactly a real calendar date
 */
GDateTime *
veto_parse_date (const char *str)
{
  guint64 y, m, d;

  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return NULL;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return NULL;

  y = g_ascii_strtoull (str, NULL, 10);
  m = g_ascii_strtoull (str + 5, NULL, 10);
  d = g_ascii_strtoull (str + 8, NULL, 10);

  if (y < 1970 || !g_date_valid_dmy (d, m, y))
    return NULL;

  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

GDateTime *
veto_catalog_get_date (GKeyFile    *keyfile,
                       const char  *group,
                       const char  *key,
                       GError     **error)
{
  g_autofree char *str = NULL;
  GDateTime *date;

  str = veto_catalog_get_string (keyfile, group, key, TRUE, FALSE, error);
  if (str == NULL)
    return NULL;

  date = veto_parse_date (str);
  if (date == NULL)
    set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, key,
                   _("the value must be a real date written YYYY-MM-DD"));

  return date;
}

GStrv
veto_catalog_get_list (GKeyFile    *keyfile,
                       const char  *group,
                       const char  *key,
                       gboolean     required,
                       GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  guint n = 0;

  if (!g_key_file_has_key (keyfile, group, key, NULL))
    {
      if (required)
        {
          set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group, key,
                         _("this key is required"));
          return NULL;
        }
      return g_strv_builder_end (builder);
    }

  list = g_key_file_get_string_list (keyfile, group, key, NULL, NULL);
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      g_strstrip (list[i]);
      if (*list[i] != '\0')
        {
          g_strv_builder_add (builder, list[i]);
          n++;
        }
    }

  if (n == 0 && required)
    {
      set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group, key,
                     _("this list must not be empty"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

static gboolean
host_is_allowed (const char *host)
{
  gsize host_len = strlen (host);

  for (guint i = 0; i < G_N_ELEMENTS (allowed_hosts); i++)
    {
      const char *allowed = allowed_hosts[i];
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

gboolean
veto_catalog_check_url (const char        *url,
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

  /* Ports are for the loopback servers of local catalogs; Meta's forms are
   * on the default https port, and an odd port on an allowed host is more
   * likely a trick than a form. */
  reason = check_url_text (url, loopback_ok);
  if (reason != NULL)
    {
      set_key_error (error, VETO_CATALOG_ERROR_FORBIDDEN_URL, group, key, reason);
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      reason = g_strdup_printf (_("“%s” is not a valid address"), url);
      set_key_error (error, VETO_CATALOG_ERROR_FORBIDDEN_URL, group, key, reason);
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
  else if (!host_is_allowed (host))
    reason = g_strdup_printf (_("“%s” is not on one of Meta’s sites or a cited regulator’s"), url);
  else
    return TRUE;

  set_key_error (error, VETO_CATALOG_ERROR_FORBIDDEN_URL, group, key, reason);
  return FALSE;
}

GStrv
veto_catalog_get_url_list (GKeyFile          *keyfile,
                           const char        *group,
                           const char        *key,
                           gboolean           required,
                           VetoCatalogFlags   flags,
                           GError           **error)
{
  g_auto(GStrv) list = veto_catalog_get_list (keyfile, group, key, required, error);

  if (list == NULL)
    return NULL;

  for (guint i = 0; list[i] != NULL; i++)
    if (!veto_catalog_check_url (list[i], flags, group, key, error))
      return NULL;

  return g_steal_pointer (&list);
}
