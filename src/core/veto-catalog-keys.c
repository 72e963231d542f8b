/* veto-catalog-keys.c: reading and checking catalog keys (private to core)
 *
 * Copyright 2026 The Veto developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "veto-catalog-keys-private.h"

/* Every error names the group and the key at fault: a catalog author reading
 * "Step facebook-object, Url: …" knows which line to fix. */

void
_veto_catalog_set_key_error (GError     **error,
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
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, NULL,
                                   _("the identifier must be lower-case letters, digits and “-”"));
      return FALSE;
    }

  return TRUE;
}

/* The names g_key_file_get_locale_string() would try for @key in the
 * current languages ("Title[fr_FR]", "Title[fr]"…), built once per key and
 * per list of languages rather than for every step. "C" is left out: no
 * catalog translates into it. One cache per thread, since catalogs are
 * also validated in worker threads. */
typedef struct
{
  GStrv       languages;
  GHashTable *names;
  /* inside veto_catalog_keys_begin() … end(): the languages are not
   * looked up again for every key */
  guint       frozen;
} LocaleNames;

static void
locale_names_free (gpointer data)
{
  LocaleNames *cache = data;

  g_strfreev (cache->languages);
  g_hash_table_unref (cache->names);
  g_free (cache);
}

static GPrivate locale_names_private = G_PRIVATE_INIT (locale_names_free);

static LocaleNames *
get_locale_cache (void)
{
  LocaleNames *cache = g_private_get (&locale_names_private);

  if (cache == NULL)
    {
      cache = g_new0 (LocaleNames, 1);
      cache->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
      g_private_set (&locale_names_private, cache);
    }

  return cache;
}

static void
update_languages (LocaleNames *cache)
{
  const char * const *languages = g_get_language_names ();

  /* the language changes when a person switches it in Preferences */
  if (cache->languages == NULL || !g_strv_equal ((const char * const *)cache->languages, languages))
    {
      g_strfreev (cache->languages);
      cache->languages = g_strdupv ((char **)languages);
      g_hash_table_remove_all (cache->names);
    }
}

/**
 * veto_catalog_keys_begin:
 *
 * Reads the current languages once for a whole catalog, until
 * veto_catalog_keys_end(). Calls nest.
 */
void
veto_catalog_keys_begin (void)
{
  LocaleNames *cache = get_locale_cache ();

  if (cache->frozen++ == 0)
    update_languages (cache);
}

void
veto_catalog_keys_end (void)
{
  LocaleNames *cache = get_locale_cache ();

  g_return_if_fail (cache->frozen > 0);
  cache->frozen--;
}

static const char * const *
get_locale_names (const char *key)
{
  LocaleNames *cache = get_locale_cache ();
  const char * const *languages;
  GStrv names;

  if (cache->frozen == 0)
    update_languages (cache);
  languages = (const char * const *)cache->languages;

  names = g_hash_table_lookup (cache->names, key);
  if (names == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; languages[i] != NULL; i++)
        if (!g_str_equal (languages[i], "C"))
          {
            g_autofree char *name = g_strconcat (key, "[", languages[i], "]", NULL);

            g_strv_builder_add (builder, name);
          }

      names = g_strv_builder_end (builder);
      g_hash_table_insert (cache->names, g_strdup (key), names);
    }

  return (const char * const *)names;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Reads @key once. GKeyFile builds a translated, formatted GError for
 * every key it does not find, and g_key_file_get_locale_string() looks for
 * several translations of each key: a catalog of 10,000 steps built 60,000
 * of them. So a key that may be missing is looked up with
 * g_key_file_has_key(), which builds none, and a required key is read
 * directly: a GError is only built when the catalog is wrong anyway. */
static char *
read_string (GKeyFile    *keyfile,
             const char  *group,
             const char  *key,
             gboolean     required,
             gboolean    *out_missing)
{
  g_autoptr(GError) local_error = NULL;
  char *value;

  *out_missing = FALSE;

  if (!required && !g_key_file_has_key (keyfile, group, key, NULL))
    {
      *out_missing = TRUE;
      return NULL;
    }

  /* The raw value is the text unless it has an escape (\n, \s…): most
   * values have none, and GKeyFile's unescaping copies each one again.
   * The whole file was checked to be UTF-8 before it was parsed. */
  value = g_key_file_get_value (keyfile, group, key, NULL);
  if (value != NULL && strchr (value, '\\') == NULL)
    return value;
  g_free (value);

  value = g_key_file_get_string (keyfile, group, key, &local_error);
  if (value == NULL)
    *out_missing = g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND) ||
                   g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND);

  return value;
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
  gboolean missing = FALSE;
  gboolean translated = FALSE;

  if (localized)
    {
      const char * const *names = get_locale_names (key);

      for (guint i = 0; value == NULL && names[i] != NULL; i++)
        if (g_key_file_has_key (keyfile, group, names[i], NULL))
          {
            gboolean missing_translation;

            value = read_string (keyfile, group, names[i], TRUE, &missing_translation);
            translated = TRUE;
          }
    }

  /* A required key must be there, and not empty, in the catalog's own
   * language too, so that a catalog is valid or not whatever the
   * language it is read in. (An empty translation is refused while the
   * file is scanned: veto-catalog.c.) */
  if (translated && required)
    {
      g_autofree char *untranslated = g_key_file_get_value (keyfile, group, key, NULL);

      if (untranslated == NULL || is_blank (untranslated))
        {
          _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group, key,
                                       untranslated == NULL ? _("this key is required") : _("this key must not be empty"));
          return NULL;
        }
    }

  if (!translated)
    value = read_string (keyfile, group, key, required, &missing);

  if (value == NULL)
    {
      if (missing && required)
        _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group, key,
                                     _("this key is required"));
      else if (!missing)
        _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, key,
                                     _("the value is not valid text"));
      return NULL;
    }

  g_strstrip (value);
  if (*value == '\0')
    {
      if (required)
        _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group, key,
                                     _("this key must not be empty"));
      return NULL;
    }

  /* Long unbroken text froze the window for minutes; no honest step
   * needs more than this. */
  if (strlen (value) > VETO_CATALOG_MAX_TEXT)
    {
      g_autofree char *reason =
        /* Translators: %d is a number of bytes */
        g_strdup_printf (_("the text is too long (at most %d bytes)"), VETO_CATALOG_MAX_TEXT);

      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, key, reason);
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
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, key, reason);
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
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, key,
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
    _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_INVALID_VALUE, group, key,
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
  g_autofree char *raw = NULL;
  g_auto(GStrv) unescaped = NULL;
  guint n = 0;

  /* read once when it should be there; see read_string() */
  if (!required && !g_key_file_has_key (keyfile, group, key, NULL))
    return g_strv_builder_end (builder);

  raw = g_key_file_get_value (keyfile, group, key, NULL);
  if (raw == NULL)
    {
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group, key,
                                   _("this key is required"));
      return NULL;
    }

  /* As for strings (read_string()): without an escape, the raw value
   * split at its separators is the list GKeyFile would build. */
  if (strchr (raw, '\\') == NULL)
    {
      for (char *item = raw, *next; item != NULL; item = next)
        {
          next = strchr (item, ';');
          if (next != NULL)
            *next++ = '\0';
          g_strstrip (item);
          if (*item != '\0')
            {
              g_strv_builder_add (builder, item);
              n++;
            }
        }
    }
  else
    {
      unescaped = g_key_file_get_string_list (keyfile, group, key, NULL, NULL);
      for (guint i = 0; unescaped != NULL && unescaped[i] != NULL; i++)
        {
          g_strstrip (unescaped[i]);
          if (*unescaped[i] != '\0')
            {
              g_strv_builder_add (builder, unescaped[i]);
              n++;
            }
        }
    }

  if (n == 0 && required)
    {
      _veto_catalog_set_key_error (error, VETO_CATALOG_ERROR_MISSING_KEY, group, key,
                                   _("this list must not be empty"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

